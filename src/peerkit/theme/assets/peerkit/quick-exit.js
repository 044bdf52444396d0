/*
 * Peerkit quick exit.
 *
 * A visitor may need to hide this site at once, for example when someone
 * walks into the room. The exit links are ordinary links to a neutral site,
 * so they work without this script; the script makes leaving faster and
 * leaves less behind:
 *
 * - the page goes blank and the tab title empty before the next page loads;
 * - location.replace() swaps the current history entry, so Back does not
 *   return here; nothing opens in a new tab or window;
 * - Shift pressed on its own three times within five seconds leaves too (the
 *   GOV.UK Design System "Exit this page" pattern).
 *
 * It is loaded synchronously in <head>, before the body exists: listeners go
 * on window at once and the exit link is looked up only when it is needed.
 * The exit address is read from the link, so there is no inline
 * configuration (a Content-Security-Policy without 'unsafe-inline' works).
 * Plain ES5, for old browsers on cheap phones.
 */
(function () {
  "use strict";

  var EXIT_LINK = "a[data-pk-exit]";
  var PRESSES_TO_LEAVE = 3;
  var WITHIN_MS = 5000;

  /* True while Shift is down and nothing else has happened since. */
  var shiftAlone = false;
  /* Times of the recent lone Shift presses. */
  var presses = [];

  function leave(url) {
    /* The hidden attribute hides <html> through the browser's own style
       sheet, so this works even if peerkit.css failed to load. */
    document.documentElement.hidden = true;
    document.title = "";
    window.location.replace(url);
  }

  function exitLinkAround(target) {
    return target && target.closest ? target.closest(EXIT_LINK) : null;
  }

  /* Any activation of an exit link leaves in this tab, even Ctrl+click or a
     middle click that would otherwise open a new tab and keep this one. */
  function onClick(event) {
    var link = exitLinkAround(event.target);
    if (!link || (event.type === "auxclick" && event.button !== 1)) {
      return;
    }
    event.preventDefault();
    leave(link.href);
  }

  function onKeyDown(event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey);
      }
      return;
    }
    /* Typing a capital is Shift down, a letter, Shift up: not a lone press,
       and it starts the count again. */
    shiftAlone = false;
    presses = [];
  }

  function onKeyUp(event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time <= WITHIN_MS;
    });
    presses.push(now);
    if (presses.length >= PRESSES_TO_LEAVE) {
      presses = [];
      var link = document.querySelector(EXIT_LINK);
      if (link) {
        leave(link.href);
      }
    }
  }

  /* Shift+click extends a text selection: that Shift press is not alone. */
  function onPointerDown() {
    shiftAlone = false;
  }

  /* Capture phase, so no other script on the page can stop these events. */
  window.addEventListener("click", onClick, true);
  window.addEventListener("auxclick", onClick, true);
  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pointerdown", onPointerDown, true);
})();
