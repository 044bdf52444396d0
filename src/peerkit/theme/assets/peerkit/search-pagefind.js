/*
 * Points Material's search box at Peerkit's Pagefind worker (search-worker.js).
 *
 * Material reads its settings, the search worker's address among them, from the
 * JSON in #__config when its bundle starts; this file is loaded right after that
 * element and before the bundle, so the bundle starts with the new address. The
 * worker answers with the best matches only, so the count says so. The address
 * carries the page's language: a worker cannot see the page, and Pagefind keeps
 * an index for each language of a site built in several.
 */
(function () {
  var element = document.getElementById("__config");
  var script = document.currentScript;
  if (!element || !script) return;
  var config = JSON.parse(element.textContent);
  var worker = new URL("search-worker.js", script.src);
  worker.searchParams.set("lang", document.documentElement.lang || "");
  config.search = worker.href;
  if (script.dataset.best) config.translations["search.result.other"] = script.dataset.best;
  element.textContent = JSON.stringify(config);
})();
