/*
 * Material's scripts, fetched when the visitor first reaches for what needs them.
 *
 * Material's bundle (and the site's extra_javascript, which may build on it) is
 * 114 KB, 35 KB gzipped: 45% of what a first visit to a story downloaded, for a
 * reader who mostly reads. Everything a reader relies on works without it (the
 * quick exit, the crisis lines, content warnings, the menu, links); what needs it
 * is search, the light/dark switch and the announcement's close button. So
 * main.html puts Material's scripts in an inert <template>, and this file:
 *
 * - shows the search button and box at once (Material's CSS hides them while
 *   <html> has no-js, and JavaScript runs here), keeping the sidebars' no-js
 *   height until the bundle measures them (peerkit.css, .pk-material-later);
 * - on the first click of such a control or focus in the search box (a search
 *   key, f, s or /, opens and focuses it), holds that event back, adds Material's
 *   scripts in their order, and when they have run, does the same thing again for
 *   the bundle to answer.
 *
 * The bundle starts on DOMContentLoaded (and measures on window load), which have
 * passed by then: listeners for them added while the scripts run are called once
 * the scripts have all run, as the events would have called them.
 *
 * Plain ES5, for old browsers on cheap phones.
 */
(function () {
  "use strict";

  var later = document.getElementById("pk-material-later");
  var root = document.documentElement;
  if (!later || !later.content) return;

  var CONTROLS =
    'label[for="__search"], [data-md-component="palette"] label, .md-banner__button';
  /* The search box, and the colour switch's radio buttons that a keyboard reaches. */
  var FIELDS = '.md-search__input, [data-md-component="palette"] input';
  var SEARCH_KEYS = { f: true, s: true, "/": true };
  var state = "waiting";
  var replays = [];
  var marked = null;

  root.classList.remove("no-js");
  root.classList.add("js");
  root.classList.add("pk-material-later");
  showColourSwitch();
  codeBlocksReachable();
  window.addEventListener("resize", codeBlocksReachable);

  /* What Material's bundle does first, which a visitor sees at once: the palette in
     use is the one they chose last time (kept by Material's own inline helper), else
     the one their system asks for (dark, say); it is put on <body>, and the switch,
     hidden in the HTML, shows the button that leads away from it. */
  function showColourSwitch() {
    var inputs = document.querySelectorAll('[data-md-component="palette"] input');
    if (!inputs.length) return;
    var chosen = typeof __md_get === "function" ? __md_get("__palette") : null;
    var index = chosen ? chosen.index : -1;
    for (var i = 0; index < 0 && i < inputs.length; i++) {
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) index = i;
    }
    index = Math.max(0, Math.min(index, inputs.length - 1));
    var palette = inputs[index];
    if (palette.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      palette =
        document.querySelector(
          "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']"
        ) || palette;
    }
    ["scheme", "primary", "accent"].forEach(function (name) {
      var value = palette.getAttribute("data-md-color-" + name);
      if (value) document.body.setAttribute("data-md-color-" + name, value);
    });
    var label = inputs[index].nextElementSibling;
    if (label && label.tagName === "LABEL") label.hidden = false;
  }

  /* Material makes a code block that scrolls sideways a Tab stop, so that a keyboard
     can scroll it too (WCAG 2.1.1); until its bundle runs, this does the same. */
  function codeBlocksReachable() {
    var blocks = document.querySelectorAll("pre > code");
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].scrollWidth > blocks[i].clientWidth) blocks[i].setAttribute("tabindex", "0");
    }
  }

  function typing(element) {
    return !!element && (element.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName));
  }

  /* Listeners for the start-up events, kept while the scripts run and called after. */
  function holdStartListeners() {
    var held = [];
    var documentAdd = document.addEventListener;
    var windowAdd = window.addEventListener;
    function holding(target, add, type) {
      return function (name, listener) {
        if (name === type && listener) held.push([target, listener, name]);
        else add.apply(target, arguments);
      };
    }
    document.addEventListener = holding(document, documentAdd, "DOMContentLoaded");
    window.addEventListener = holding(window, windowAdd, "load");
    return function release() {
      document.addEventListener = documentAdd;
      window.addEventListener = windowAdd;
      held.forEach(function (entry) {
        var event = new Event(entry[2]);
        if (typeof entry[1] === "function") entry[1].call(entry[0], event);
        else entry[1].handleEvent(event);
      });
    };
  }

  function started() {
    state = "started";
    root.classList.remove("pk-material-later");
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("focusout", onBlur, true);
    if (marked) onBlur({ target: marked });
    replays.forEach(function (replay) {
      replay();
    });
    replays = [];
  }

  function start() {
    if (state !== "waiting") return;
    state = "loading";
    var scripts = Array.prototype.slice.call(later.content.querySelectorAll("script"));
    var release = holdStartListeners();
    var left = scripts.length;
    function ran() {
      left -= 1;
      if (left > 0) return;
      release();
      /* The bundle subscribes as DOMContentLoaded is heard; what it set up
         answers the replayed events from the next task on. */
      setTimeout(started, 0);
    }
    if (!left) {
      left = 1;
      ran();
    }
    scripts.forEach(function (original) {
      var script = document.createElement("script");
      for (var i = 0; i < original.attributes.length; i++) {
        script.setAttribute(original.attributes[i].name, original.attributes[i].value);
      }
      script.text = original.text;
      /* In the order Material wrote them: the site's scripts may use the bundle. */
      script.async = false;
      script.addEventListener("load", ran);
      script.addEventListener("error", ran);
      document.body.appendChild(script);
    });
  }

  function onClick(event) {
    var control = event.target.closest && event.target.closest(CONTROLS);
    if (!control || state === "started") return;
    event.preventDefault();
    event.stopPropagation();
    if (replays.length === 0) {
      replays.push(function () {
        control.click();
      });
    }
    start();
  }

  function onFocus(event) {
    var input = event.target;
    if (!input.matches) return;
    if (keyboardFocus(input)) {
      input.classList.add("focus-visible");
      marked = input;
    }
    if (!input.matches(FIELDS)) return;
    replays.push(function () {
      /* Unless the visitor has moved on meanwhile (tabbing past it, say). */
      if (document.activeElement !== input) return;
      input.blur();
      input.focus();
    });
    start();
  }

  /* Material's styles take the focus ring off its header buttons, summaries and the
     colour switch unless the element has the class focus-visible, which a polyfill in
     its bundle sets; until the bundle runs, the browser's own :focus-visible does. */
  function keyboardFocus(element) {
    try {
      return element.matches(":focus-visible");
    } catch (unsupported) {
      return true;
    }
  }

  function onBlur(event) {
    if (event.target === marked) {
      marked.classList.remove("focus-visible");
      marked = null;
    }
  }

  /* A search key opens the search box at once, the way Material would, so that the
     words typed next land in it while the bundle loads; the focus starts it. */
  function onKey(event) {
    if (!SEARCH_KEYS[event.key] || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (!toggle || !input) return;
    event.preventDefault();
    toggle.checked = true;
    input.focus();
  }

  document.addEventListener("click", onClick, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("focusout", onBlur, true);
})();
