/*
 * Peerkit's search: loaded only when wanted, help first, no traces.
 *
 * Material's bundle reads its settings from the JSON in #__config when it
 * starts; this file runs right after that element and before the bundle, so it
 * can change how the bundle's search starts. It does four things:
 *
 * - Nothing of search loads before the visitor opens or focuses the search box.
 *   The bundle fetches the whole index (search_index.json) and starts its worker
 *   as soon as a page opens, on every page: 45% of a first visit's bytes. Here the
 *   search form loses its name, the one thing the bundle checks before fetching
 *   the index, and the bundle is handed a stand-in for its worker that starts the
 *   real worker (and, for Material's engine, fetches the index) on first use.
 * - Typed words never reach the address bar or history: the highlight feature,
 *   which adds ?h=the+words to every result link, is switched off, and a ?q= in
 *   the address (a shared search, or a link to the group finder) is removed before
 *   the bundle would read it and open the search over the page.
 * - When the words typed match a crisis term (translations/crisis_terms/, plus the
 *   site's own), the crisis lines appear above any result (search-help.html).
 * - With Pagefind, the worker is Peerkit's (search-worker.js), in the language of
 *   the page: a worker cannot see the page, and Pagefind keeps an index per language.
 *
 * Plain ES5, for old browsers on cheap phones.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!element || !script) return;
  var config = JSON.parse(element.textContent);
  var base = new URL(config.base || ".", location.href);

  /* ------------------------------------------------------ no traces --- */

  config.features = (config.features || []).filter(function (name) {
    return name !== "search.highlight";
  });
  var address = new URL(location.href);
  if (address.searchParams.has("q")) {
    address.searchParams["delete"]("q");
    history.replaceState(history.state, "", address.href);
  }

  /* ---------------------------------------------- load when wanted --- */

  var pagefind = script.getAttribute("data-engine") === "pagefind";
  if (pagefind) {
    var worker = new URL(script.getAttribute("data-worker"), location.href);
    worker.searchParams.set("lang", document.documentElement.lang || "");
    config.search = worker.href;
    config.translations["search.result.other"] = script.getAttribute("data-best");
  }
  element.textContent = JSON.stringify(config);

  var suggest = config.features.indexOf("search.suggest") !== -1;
  /* A site opened from disk (file:) keeps Material's own way: its index comes as a
     script there, which a worker started from this page could not fetch. */
  var fromDisk = location.protocol === "file:";
  var form = document.forms.namedItem("search");
  if (form && !fromDisk) form.removeAttribute("name");

  /* What the bundle's search talks to: messages wait here until the real worker
     has started, and what it answers goes to the bundle's listeners. */
  function DeferredWorker(url) {
    this.url = url;
    this.real = null;
    this.listeners = [];
    this.waiting = [];
  }
  DeferredWorker.prototype.addEventListener = function (type, listener) {
    this.listeners.push([type, listener]);
    if (this.real) this.real.addEventListener(type, listener);
  };
  DeferredWorker.prototype.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter(function (entry) {
      return entry[0] !== type || entry[1] !== listener;
    });
    if (this.real) this.real.removeEventListener(type, listener);
  };
  DeferredWorker.prototype.postMessage = function (message) {
    if (this.real) this.real.postMessage(message);
    else this.waiting.push(message);
  };
  DeferredWorker.prototype.terminate = function () {
    if (this.real) this.real.terminate();
  };
  DeferredWorker.prototype.start = function () {
    if (this.real) return;
    var real = (this.real = new RealWorker(this.url));
    this.listeners.forEach(function (entry) {
      real.addEventListener(entry[0], entry[1]);
    });
    this.waiting.forEach(function (message) {
      real.postMessage(message);
    });
    this.waiting = [];
    /* Pagefind's worker loads its own index, chunk by chunk; Material's gets the
       whole index, as the bundle would have sent it. */
    var setup = pagefind
      ? Promise.resolve({})
      : fetch(new URL("search/search_index.json", base).href).then(function (response) {
          return response.json();
        });
    setup.then(function (index) {
      real.postMessage({
        type: SETUP,
        data: { config: index.config, docs: index.docs, options: { suggest: suggest } },
      });
    });
  };

  var RealWorker = window.Worker;
  var deferred = null;
  window.Worker = function (url, options) {
    if (url === config.search && deferred === null && !fromDisk) {
      deferred = new DeferredWorker(url);
      return deferred;
    }
    return new RealWorker(url, options);
  };

  function wanted() {
    if (deferred) deferred.start();
  }

  /* ------------------------------------------------------ help first --- */

  var help = null;
  var terms = [];

  /* Letters and digits only, lower case, without accents: "Self-harm" and
     "self harm", "autolesión" and "autolesion" are the same words. Punctuation
     of every kind separates words, the curly apostrophe a phone types included
     ("don’t" is "don t", as "don't" is). */
  function words(text) {
    text = String(text);
    return (text.normalize ? text.normalize("NFKD") : text)
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9\u00c0-\u1fff\u2070-\uffff]+/g, " ")
      .trim()
      .split(" ")
      .filter(Boolean);
  }

  /* Damerau-Levenshtein distance (adjacent swaps count once), stopping early. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) {
          rows[0].push(j);
          continue;
        }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, rows[i - 2][j - 2] + 1);
        }
        rows[i].push(best);
      }
    }
    return rows[a.length][b.length];
  }

  /* A typed word is a term's word, or a slip of it: a long word may be one
     letter out (two, past eight letters), but not its first letter, so that
     "putting" never reads as "cutting". Short words must be exact. */
  function same(typed, word) {
    if (typed === word) return true;
    if (word.length < 5 || typed[0] !== word[0]) return false;
    var most = word.length > 8 ? 2 : 1;
    return distance(typed, word, most) <= most;
  }

  /* Whether the term's words (from the n-th on) follow in the query from its i-th
     word; a word may be typed as two ("my self") or two as one ("selfharm"). */
  function follows(query, i, term, n) {
    if (n === term.length) return true;
    if (i >= query.length) return false;
    if (same(query[i], term[n]) && follows(query, i + 1, term, n + 1)) return true;
    if (i + 1 < query.length && same(query[i] + query[i + 1], term[n])) {
      if (follows(query, i + 2, term, n + 1)) return true;
    }
    return n + 1 < term.length && same(query[i], term[n] + term[n + 1])
      ? follows(query, i + 1, term, n + 2)
      : false;
  }

  function matches(text) {
    var query = words(text);
    for (var t = 0; t < terms.length; t++) {
      for (var i = 0; i < query.length; i++) {
        if (follows(query, i, terms[t], 0)) return true;
      }
    }
    return false;
  }

  function showHelp(input) {
    if (help) help.hidden = !matches(input.value);
  }

  /* ----------------------------------------------------------- start --- */

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector(".md-search__input");
    var toggle = document.getElementById("__search");
    help = document.getElementById("pk-search-help");
    var output = document.querySelector(".md-search__scrollwrap");
    if (help && output) {
      terms = JSON.parse(help.getAttribute("data-pk-terms") || "[]").map(words);
      output.insertBefore(help, output.firstChild);
    }
    if (!input) return;
    input.addEventListener("focus", wanted);
    input.addEventListener("input", function () {
      showHelp(input);
    });
    /* Material empties the box with its reset button, without an input event. */
    if (input.form) {
      input.form.addEventListener("reset", function () {
        if (help) help.hidden = true;
      });
    }
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) wanted();
      });
    }
  });
})();
