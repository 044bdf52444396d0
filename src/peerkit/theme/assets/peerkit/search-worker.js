/*
 * Peerkit's search worker: Material's search box, answered from a Pagefind index.
 *
 * Material's bundle runs search in a web worker and talks to it in four messages
 * (SETUP, READY, QUERY, RESULT); the worker is swappable by design. This one
 * answers from the Pagefind index in pagefind/ at the site's root, which is split
 * into chunks by word: a search loads only the chunks its words need, and a small
 * fragment for each result shown, instead of one file holding every page.
 * Nothing is loaded until the first search; nothing comes from another host.
 * search.js starts this worker only when the visitor opens or focuses search.
 *
 * Titles and excerpts come from pages contributors wrote, and Material puts them
 * into the page as HTML: everything is escaped except Pagefind's <mark> around
 * the words found.
 */
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;

/* How many results get their title and excerpt loaded (a fragment each). */
var SHOWN = 20;
/* Wait for typing to pause, so that "m", "ma", "mar"... do not each load chunks. */
var PAUSE_MS = 250;

/* This file is at <site>/assets/peerkit/search-worker.js. */
var base = new URL("../../", self.location.href);

/*
 * Pagefind searches the index of the page's language, which it reads from the
 * <html lang> of the document that loads it. A worker has no document: this one
 * answers that one question with the language search-pagefind.js passed in the
 * worker's address (?lang=es), and has no current script, as in a module.
 */
var language = new URL(self.location.href).searchParams.get("lang") || "unknown";
self.document = {
  currentScript: null,
  querySelector: function () {
    return {
      getAttribute: function () {
        return language;
      },
    };
  },
};
var loading = null;
var latest = 0;

/* A large site's index comes in parts (pagefind/, pagefind-2/, ...), each made by
 * its own indexer run so that a build's memory stays bounded; parts.json names the
 * parts to merge into the first. */
function parts() {
  return fetch(new URL("pagefind/parts.json", base).href).then(function (response) {
    return response.ok ? response.json() : { merge: [] };
  });
}

function pagefind() {
  if (loading === null) {
    loading = Promise.all([import(new URL("pagefind/pagefind.js", base).href), parts()]).then(
      function (loaded) {
        var module = loaded[0];
        return module
          .options({ baseUrl: base.pathname })
          .then(function () {
            return Promise.all(
              loaded[1].merge.map(function (part) {
                return module.mergeIndex(new URL(part, base).pathname);
              })
            );
          })
          .then(function () {
            return module;
          });
      }
    );
  }
  return loading;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (char) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[char];
  });
}

/* Pagefind's excerpt is escaped text with <mark> around hits: keep the marks only. */
function safeExcerpt(html) {
  return String(html)
    .split(/(<mark>|<\/mark>)/)
    .map(function (part) {
      if (part === "<mark>" || part === "</mark>") return part;
      return part.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    })
    .join("");
}

function sleep(ms) {
  return new Promise(function (resolve) {
    setTimeout(resolve, ms);
  });
}

/* A story behind a content warning says so first (story.html marks the warning
 * as the page's `warning`); its body is not in the index, so the excerpt can only
 * quote its title, summary and warning. */
function warned(data) {
  var warning = data.meta && data.meta.warning;
  return warning ? '<p class="pk-search-warning">' + escapeHtml(warning) + "</p>" : "";
}

function toItem(data, score, terms) {
  var location = data.url.startsWith(base.pathname)
    ? data.url.slice(base.pathname.length)
    : data.url.replace(/^\//, "");
  return [
    {
      location: location,
      title: escapeHtml((data.meta && data.meta.title) || location),
      text: warned(data) + "<p>" + safeExcerpt(data.excerpt || "") + "</p>",
      score: score,
      terms: terms,
    },
  ];
}

function search(query, id) {
  return sleep(PAUSE_MS)
    .then(function () {
      if (id !== latest) return null;
      return pagefind().then(function (module) {
        return module.search(query);
      });
    })
    .then(function (found) {
      if (found === null || id !== latest) return null;
      var top = found.results.slice(0, SHOWN);
      return Promise.all(
        top.map(function (result) {
          return result.data();
        })
      ).then(function (pages) {
        var terms = {};
        query
          .split(/\s+/)
          .filter(Boolean)
          .forEach(function (word) {
            terms[word] = true;
          });
        return pages.map(function (data, index) {
          return toItem(data, top[index].score, terms);
        });
      });
    });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    var query = String(message.data || "").trim();
    if (!query) {
      self.postMessage({ type: RESULT, data: { items: [] } });
      return;
    }
    search(query, id).then(
      function (items) {
        if (items !== null && id === latest) {
          self.postMessage({ type: RESULT, data: { items: items } });
        }
      },
      function (error) {
        /* Shown as "no results" rather than a box that never answers. */
        self.postMessage({ type: RESULT, data: { items: [] } });
        throw error;
      }
    );
  }
});
