/*
 * Peerkit group finder on /groups/: filters, near a place or "near me", next
 * meetings, what is happening now and soon, and a printable list.
 *
 * Without this script the page lists regions (directory.css hides the finder where
 * scripts do not run; its place is otherwise kept from the first paint, so nothing jumps);
 * its data's format is in render/directory_data.py. The first chunk shows at
 * once, the others load when a filter or distance needs them, the description
 * words when the visitor searches. Choices go in the query string, to share;
 * typed words and the browser's position never leave the page, not even into
 * the address. A typed place is matched against the site's own gazetteer
 * (render/gazetteer.py), fetched once the visitor starts typing one.
 * Meetings recur as render/occurrences.py computes them (schedule.js), in their
 * own zone, and show in the visitor's. On a region page it writes the printed
 * address.
 */
(() => {
  "use strict";

  for (const node of document.querySelectorAll("[data-pk-page-url]")) {
    const canonical = document.querySelector("link[rel=canonical]");
    node.textContent = canonical ? canonical.href : location.href;
    node.parentElement.hidden = false;
  }
  /* A handout says the day it was printed, in the page's words. */
  for (const node of document.querySelectorAll("[data-pk-printed]")) {
    const date = new Intl.DateTimeFormat(document.documentElement.lang || "en",
      { day: "numeric", month: "long", year: "numeric" }).format(new Date());
    node.textContent = node.dataset.pkPrinted.replace("{date}", date);
  }
  const finder = document.querySelector("[data-pk-directory]");
  if (!finder) return;

  const PAGE = 50;
  const STALE_AFTER = 365 * 864e5; // as render/groups.py's STALE_AFTER
  const TIMES = { morning: [0, 720], afternoon: [720, 1020], evening: [1020, 1440] };
  const SOON = 2 * 36e5; // "Starting soon": within two hours
  const RADII = [1, 3, 5, 10, 25, 50];
  const KM_A_MILE = 1.609344;
  const SUGGESTED = 8;

  const form = finder.querySelector(".pk-filters");
  const search = Object.assign(node("input"), { id: "pk-q", name: "q", type: "search",
    autocomplete: "off", spellcheck: false, enterKeyHint: "search" });
  finder.querySelector("[data-pk-search]").after(search);
  /* The place box: a WAI-ARIA 1.2 combobox with a list of suggested places. */
  const placeBox = Object.assign(node("input"), { id: "pk-near", name: "near", type: "text",
    autocomplete: "off", spellcheck: false, enterKeyHint: "go" });
  const suggestions = Object.assign(node("ul", "pk-suggestions"), { id: "pk-near-list", hidden: true });
  for (const [name, value] of [["role", "combobox"], ["aria-autocomplete", "list"],
    ["aria-expanded", "false"], ["aria-controls", suggestions.id], ["aria-describedby", "pk-near-hint"]]) {
    placeBox.setAttribute(name, value);
  }
  suggestions.setAttribute("role", "listbox");
  suggestions.setAttribute("aria-labelledby", "pk-near-label");
  const placeWrap = node("div", "pk-combobox");
  placeWrap.append(placeBox, suggestions);
  finder.querySelector("[data-pk-near]").after(placeWrap);
  const controls = [...form.querySelectorAll("[name]")];
  const field = (name) => controls.find((c) => c.name === name);
  const status = finder.querySelector("[data-pk-status]");
  const list = finder.querySelector("[data-pk-results]");
  const todayButton = finder.querySelector("[data-pk-today]");
  const credit = finder.querySelector("[data-pk-credit]");
  const more = finder.querySelector("[data-pk-more]");
  const nearNote = finder.querySelector("[data-pk-near-note]");
  const base = new URL(finder.dataset.pkDirectory, location.href);
  const lang = document.documentElement.lang || "en";
  /* The words this script writes, in the site's language: groups_index.html
     hands over the `directory.` entries of the translation table. */
  const texts = JSON.parse(finder.dataset.pkWords || "{}");
  const visitorZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  let index = null;
  const chunks = []; // decoded groups, by chunk number
  const loading = {}; // file name -> promise
  const worded = []; // chunk numbers whose words are in
  let origin = null; // {lat, lon} of a picked place or of the browser's position
  let placeLabel = ""; // the picked place's name, kept in the address
  let places = null; // the site's towns, then the gazetteer's places and codes: [label, lat, lon]
  const details = []; // per chunk, what a printed list adds (directory_data.py's details)
  let shown = PAGE;
  let signature = null; // the text of the results shown; null until this script shows its own

  /* ----------------------------------------------------------- text --- */

  const fold = (text) =>
    text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");

  /* directory_data.name_slug: the page address of most groups. */
  const nameSlug = (name) =>
    name.normalize("NFKD").replace(/[^\0-\x7f]/g, "").toLowerCase().replace(/'/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");

  /* "Every {days}" with {days: "Monday"} -> "Every Monday" */
  const fill = (text, values = {}) => text.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const ui = (key, values) => fill(texts[key] ?? key, values);
  /* A piece of the site's schedule wording (render/schedule_words.py). */
  const say = (key, values) => fill(index.words[key], values);
  const join = (items) => items.length < 2 ? items.join("")
    : items.slice(0, -1).join(say("list.comma")) + say("list.and") + items[items.length - 1];

  /* render/schedule_words.py, word for word. */
  function describe(m) {
    if (!m.monthly) {
      const days = join(m.days.map((d) => say(`days_every.${index.days[d.wd]}`)));
      if (m.interval < 3) return say(m.interval === 1 ? "schedule.weekly" : "schedule.every_other_week", { days });
      return say("schedule.every_n_weeks", { days, n: m.interval });
    }
    const byDay = new Map();
    for (const d of m.days) byDay.set(d.wd, [...(byDay.get(d.wd) || []), d.n]);
    const order = (a, b) => (a < 0) - (b < 0) || Math.abs(a) - Math.abs(b);
    const text = join([...byDay].map(([wd, ns]) => say("schedule.monthly_day",
      { ordinals: join(ns.sort(order).map((n) => say(`ordinal.${n}`))), day: say(`day.${index.days[wd]}`) })));
    const days = text[0].toUpperCase() + text.slice(1);
    return m.interval === 1 ? say("schedule.monthly", { days }) : say("schedule.every_n_months", { days, n: m.interval });
  }

  const { offset, occurrences, meeting: readMeeting } = window.peerkitSchedule;

  const checkedFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long",
    year: "numeric", timeZone: "UTC" });
  const clockFormat = new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric",
    month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  function visitorTime(t) {
    const p = {};
    for (const part of clockFormat.formatToParts(t)) p[part.type] = part.value;
    return { day: `${p.weekday} ${p.day} ${p.month}`, time: `${p.hour}:${p.minute}` };
  }
  const elsewhere = (zone, t) => offset(zone, t) !== offset(visitorZone, t);

  /* ------------------------------------------------------------ data --- */

  const meeting = (row) => readMeeting(row, index.zones);

  function group(row) {
    const [name, region, slug, town, format, topics, langs, access, meetings, flags, checked, lat, lon] = row;
    const place = index.towns[town];
    const g = { name, region, slug, town: place, format: index.formats[format], topics, langs,
      access, meetings: meetings.map(meeting), arranged: flags & 1, checked, needs: flags >> 1, words: "",
      point: lat !== undefined ? [lat, lon] : place && place.length > 2 ? place.slice(2) : null };
    g.hay = fold([name, place ? place[0] : "", index.regions[region][0],
      ...topics.map((t) => index.topics[t][1])].join(" "));
    return g;
  }

  function json(name) {
    loading[name] ??= fetch(new URL(name, base)).then((r) => {
      if (!r.ok) throw new Error(`${name}: ${r.status}`);
      return r.json();
    });
    return loading[name];
  }

  const loadChunk = (n) => json(`${n}.json`).then((rows) => {
    chunks[n] ??= rows.map((row, i) => Object.assign(group(row), { at: [n, i] }));
  });
  const loadWords = (n) => Promise.all([loadChunk(n), json(`${n}-words.json`)]).then(([, words]) => {
    if (!worded[n]) words.forEach((w, i) => { chunks[n][i].words = w; });
    worded[n] = true;
  });
  const all = (done) => index.chunks.every((_, n) => done[n]);

  /* Loads every chunk, or every chunk's words, then brings the results up to date. */
  function need(what, load) {
    loading[what] ??= Promise.all(index.chunks.map((_, n) => load(n))).then(update, failed);
  }

  /* ------------------------------------------------------- filtering --- */

  function choices() {
    const f = Object.fromEntries(controls.map((c) => [c.name, c.value]));
    const pick = (rows, value, key = (r) => r) => rows.findIndex((r) => key(r) === value);
    const words = fold(f.q).split(/\s+/).filter(Boolean);
    const needs = chosenNeeds();
    const filtered = words.length > 0 || needs > 0 || ["topic", "format", "day", "time", "lang", "access"].some((k) => f[k]);
    return { ...f, words, filtered, needs,
      topicN: pick(index.topics, f.topic, (t) => t[0]), langN: pick(index.languages, f.lang),
      accessN: pick(index.access, f.access), wd: index.days.indexOf(f.day), range: TIMES[f.time] };
  }

  function matches(g, f) {
    if (f.topicN >= 0 && !g.topics.includes(f.topicN)) return false;
    if (f.format && g.format !== f.format && (g.format !== "hybrid" || f.format === "hybrid")) return false;
    if (f.langN >= 0 && !g.langs.includes(f.langN)) return false;
    if (f.accessN >= 0 && !g.access.includes(f.accessN)) return false;
    if (!meetsNeeds(g, f.needs)) return false;
    if ((f.wd >= 0 || f.range) && !g.meetings.some((m) =>
      (f.wd < 0 || m.days.some((d) => d.wd === f.wd)) &&
      (!f.range || (m.opens >= f.range[0] && m.opens < f.range[1])))) return false;
    return f.words.every((w) => g.hay.includes(w) || g.words.includes(w));
  }

  function distance([lat, lon]) {
    const rad = Math.PI / 180;
    const a = Math.sin(((lat - origin.lat) * rad) / 2) ** 2 + Math.cos(lat * rad) *
      Math.cos(origin.lat * rad) * Math.sin(((lon - origin.lon) * rad) / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(a));
  }

  /* ---------------------------------------------------- what you need --- */

  /* The "What you need" checkboxes (step-free, hearing loop, ...): one for each of
     index.json's needs, a need being a bit of each group's `needs` (its row's flags
     above the lowest bit, render/finder_needs.py). Ticked ones go in the address as need=step_free. */
  const needBoxes = [];

  function buildNeeds(query) {
    const fieldset = finder.querySelector("[data-pk-needs]");
    const wanted = query.getAll("need");
    index.needs.forEach((need, bit) => {
      const box = Object.assign(node("input"), { type: "checkbox", id: `pk-need-${need}`, value: need,
        checked: wanted.includes(need) });
      box.dataset.bit = String(1 << bit);
      const label = Object.assign(node("label", "pk-need", ""), { htmlFor: box.id });
      label.append(box, ` ${ui(`need.${need}`)}`);
      fieldset.append(label);
      needBoxes.push(box);
    });
  }

  /* The ticked needs, as one number with their bits set. */
  const chosenNeeds = () => needBoxes.reduce((mask, box) => (box.checked ? mask | Number(box.dataset.bit) : mask), 0);

  /* Every ticked need is one the group's listing says it meets. */
  const meetsNeeds = (g, mask) => (g.needs & mask) === mask;

  function saveNeeds(query) {
    for (const box of needBoxes) if (box.checked) query.append("need", box.value);
  }

  function clearNeeds() {
    for (const box of needBoxes) box.checked = false;
  }

  /* ------------------------------------------------------- rendering --- */

  function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  /* "about 3 miles away" in GB and the US, "about 5 km away" elsewhere. */
  function away(km) {
    if (index.unit !== "mi") {
      const n = Math.round(km);
      return n < 1 ? ui("km_less_than_one") : ui("km_about", { km: n });
    }
    const n = Math.round(km / KM_A_MILE);
    return n < 1 ? ui("mi_less_than_one") : n === 1 ? ui("mi_about_one") : ui("mi_about", { mi: n });
  }

  /* When a group meets now and next, from the visitor's clock: kept until it changes. */
  function timing(g, now) {
    if (g.timing && now < g.timing.until) return g.timing;
    const next = g.meetings.flatMap((m) => occurrences(m, now).map((o) => ({ ...o, zone: m.zone })))
      .sort((a, b) => a.start - b.start);
    const current = next.find((o) => o.start <= now);
    const coming = next.find((o) => o.start > now);
    const until = Math.min(current ? current.end : Infinity, coming ? coming.start : Infinity, now + 36e5);
    g.timing = { current, coming, until };
    return g.timing;
  }

  /* What a handout adds (address, contact, how to join, topics), for paper only. */
  function printed(g) {
    const [where, contact, platform, url, phone] = details[g.at[0]]?.[g.at[1]] ?? [];
    const lines = [where, contact && ui("contact", { contact }),
      url && ui("join", { platform, url }), phone && ui("dial_in", { phone }),
      g.topics.length && ui("topics", { topics: g.topics.map((t) => index.topics[t][1]).join(", ") })];
    const p = node("p", "pk-print-only pk-result__details");
    for (const line of lines.filter(Boolean)) p.append(node("span", "", line), node("br"));
    return p;
  }

  function item(g, now, level = "h3") {
    const li = node("li", "pk-result");
    const link = li.appendChild(node(level, "pk-result__name")).appendChild(node("a", "", g.name));
    link.href = new URL(`${index.regions[g.region][1]}${g.slug || nameSlug(g.name)}/`, base).href;
    const when = g.meetings.map((m) => say("schedule.times", { days: describe(m), ...m.hours }) +
      (elsewhere(m.zone, now) ? ` ${ui("zone_time", { zone: m.zone })}` : ""));
    if (g.arranged) when.push(ui("by_arrangement"));
    li.appendChild(node("p", "pk-result__when", when.join("; ")));
    const how = ui(`format.${g.format}`);
    const where = g.town ? [g.town[0], how] : [how];
    if (g.distance !== undefined) where.push(away(g.distance));
    li.appendChild(node("p", "pk-result__where", where.join(" · ")));
    const checked = (index.checked_from + g.checked) * 864e5;
    if (now - checked > STALE_AFTER) {
      const date = checkedFormat.format(new Date(checked));
      li.appendChild(node("p", "pk-result__stale", ui("stale", { date })));
    }
    const { current, coming } = timing(g, now);
    if (current || coming) {
      const line = li.appendChild(node("p", "pk-result__next"));
      if (current) {
        line.append(node("span", "pk-now", ui("now")), ` ${ui("until", visitorTime(current.end))} `);
      }
      if (coming) {
        const yours = elsewhere(coming.zone, coming.start) ? ` ${ui("your_time")}` : "";
        line.append(ui("next", visitorTime(coming.start)) + yours);
      }
    }
    li.appendChild(printed(g));
    return li;
  }

  /* Results under headings: [[heading or "", groups], ...]. */
  function sections(parts, now) {
    const out = [];
    let number = 0;
    for (const [heading, groups] of parts) {
      if (!groups.length) continue;
      if (heading) out.push(node("h3", "pk-results__heading", heading));
      const ol = node("ol", "pk-results");
      if (number) ol.start = number + 1;
      number += groups.length;
      ol.append(...groups.map((g) => item(g, now, heading ? "h4" : "h3")));
      out.push(ol);
    }
    return out;
  }

  /* Without a place, soonest first: in session under "Happening now", then those
     starting within two hours, then the rest. */
  function byTime(found, now) {
    const key = (g) => {
      const { current, coming } = timing(g, now);
      return current ? current.start - 1e15 : coming ? coming.start : Infinity;
    };
    found.sort((a, b) => key(a) - key(b));
  }

  function timed(groups, now) {
    const part = (g) => {
      const { current, coming } = timing(g, now);
      return current ? 0 : coming && coming.start - now <= SOON ? 1 : 2;
    };
    const parts = [[ui("section_now"), []], [ui("section_soon"), []], [ui("section_later"), []]];
    for (const g of groups) parts[part(g)][1].push(g);
    return parts;
  }

  /* When nothing matches: the nearest groups that meet in person, the online ones
     that match the other choices, and the crisis lines. Never a dead end. */
  function fallback(f, now) {
    const parts = [];
    const everyone = chunks.flat();
    if (origin) {
      const near = everyone.filter((g) => g.format !== "online" && g.point)
        .map((g) => Object.assign(g, { distance: distance(g.point) }))
        .sort((a, b) => a.distance - b.distance).slice(0, 3);
      parts.push([ui("section_nearest"), near]);
    }
    const online = everyone.filter((g) => g.format !== "in-person" &&
      matches(g, { ...f, format: "online" }) && (!f.today || meetsToday(g, now))).slice(0, 3);
    for (const g of online) g.distance = undefined;
    parts.push([ui("section_online"), online]);
    const out = [];
    if (!origin) out.push(node("p", "pk-hint", ui("no_place")));
    out.push(...sections(parts, now));
    const lines = document.querySelector(".pk-crisis .pk-crisis__lines");
    if (lines) {
      out.push(node("h3", "pk-results__heading", ui("section_help")));
      const copy = lines.cloneNode(true);
      copy.classList.add("pk-results__crisis");
      for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
      out.push(copy);
    }
    return out;
  }

  function render(found, f, complete) {
    const now = Date.now();
    const shownGroups = found.slice(0, shown);
    let items;
    if (!found.length && complete) items = fallback(f, now);
    else if (origin) items = sections([["", shownGroups]], now);
    else items = sections(timed(shownGroups, now), now);
    const text = items.map((element) => element.textContent).join("\n");
    if (text !== signature) {
      signature = text;
      list.replaceChildren(...items);
    }
    list.removeAttribute("aria-busy");
    list.removeAttribute("data-pk-first");
    more.hidden = complete && found.length <= shown;
    const one = (n) => (n === 1 ? "one" : "other");
    const count = (n) => ui(`groups_${one(n)}`, { count: n.toLocaleString(lang) });
    const total = count(index.chunks.reduce((a, b) => a + b, 0));
    let message = f.filtered ? ui(`matches_${one(found.length)}`, { groups: count(found.length) })
      : ui("all", { groups: total });
    if (origin && found.length) message += placeLabel ? ui("nearest_from", { place: placeLabel }) : ui("nearest_first");
    else if (found.length) message += ui("soonest_first");
    if (found.length > shown) message += ui("showing_first", { count: shown.toLocaleString(lang) });
    if (!found.length && complete) message = ui("no_match");
    if (!complete) message = ui("looking", { groups: total });
    if (status.textContent !== `${message}.`) status.textContent = `${message}.`;
    if (complete) fetchDetails(shownGroups);
  }

  /* A handout needs each listed group's address and contact: fetched once the
     results are up, so that printing finds them there. */
  function fetchDetails(groups) {
    const wanted = [...new Set(groups.map((g) => g.at[0]))].filter((n) => !details[n]);
    if (!wanted.length) return;
    Promise.all(wanted.map((n) => json(`${n}-details.json`).then((rows) => { details[n] = rows; })))
      .then(() => { signature = ""; update(); }, failed);
  }

  /* "Today": a meeting that starts on the visitor's calendar day, or is on now. */
  function meetsToday(g, now) {
    const end = new Date(now);
    end.setHours(24, 0, 0, 0);
    const { current, coming } = timing(g, now);
    return Boolean(current || (coming && coming.start < end.getTime()));
  }

  function within(g, f) {
    if (!f.within || !origin || g.format === "online") return true;
    const km = +f.within * (index.unit === "mi" ? KM_A_MILE : 1);
    return g.distance !== undefined && g.distance <= km;
  }

  function update() {
    const now = Date.now();
    const f = choices();
    f.today = f.day === "today";
    f.filtered ||= Boolean(f.within && origin);
    const everything = f.filtered || origin || shown > PAGE;
    if (everything && !all(chunks)) need("all chunks", loadChunk);
    if (f.words.length && !all(worded)) need("all words", loadWords);
    const complete = (!everything || all(chunks)) && (!f.words.length || all(worded));
    const found = chunks.flat().filter((g) => {
      g.distance = origin && g.point ? distance(g.point) : undefined;
      return matches(g, f) && (!f.today || meetsToday(g, now)) && within(g, f);
    });
    if (origin) {
      const rank = (g) => (g.point ? 0 : g.town ? 1 : 2);
      found.sort((a, b) => rank(a) - rank(b) || (a.distance ?? 0) - (b.distance ?? 0));
    } else {
      byTime(found, now);
    }
    todayButton.setAttribute("aria-pressed", String(f.today));
    render(found, f, complete);
    if (!origin && !all(chunks)) soonestEverywhere();
  }

  /* Soonest first means across every group: the other chunks load once the first
     results are up, so they never wait for them. */
  function soonestEverywhere() {
    loading["soonest"] ??= new Promise((done) => setTimeout(done, 1000))
      .then(() => need("all chunks", loadChunk));
  }

  function failed() {
    status.textContent = ui("failed");
  }

  /* --------------------------------------------------- typed places --- */

  const placeKey = (text) => fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

  /* The site's own towns first (they have groups), then GeoNames' places and the
     outward codes of postcodes (render/gazetteer.py). */
  function loadPlaces() {
    loading["places"] ??= json("places.json").then((data) => {
      const known = new Set(places.map((p) => placeKey(p[0])));
      places.push(...data.places.filter((p) => !known.has(placeKey(p[0]))), ...data.codes);
      credit.hidden = false;
    }, () => {});
    return loading["places"];
  }

  function suggest(text) {
    const key = placeKey(text);
    if (!key) return [];
    const code = text.toUpperCase().replace(/\s+/g, "");
    const scored = [];
    for (const p of places) {
      const name = placeKey(p[0]);
      /* A code typed whole ("LS1") or in a full postcode ("LS1 7KV"). */
      const exact = name === key || p[0] === code || (code.length - p[0].length === 3 &&
        code.startsWith(p[0]) && /^[A-Z]{1,2}\d/.test(p[0]));
      if (exact) scored.push([0, p]);
      else if (name.startsWith(key)) scored.push([1, p]);
      else if (name.includes(` ${key}`)) scored.push([2, p]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1][0].length - b[1][0].length || a[1][0].localeCompare(b[1][0]));
    return scored.slice(0, SUGGESTED).map(([, p]) => p);
  }

  let offered = [];
  let active = -1;
  function showSuggestions(found) {
    offered = found;
    active = -1;
    placeBox.removeAttribute("aria-activedescendant");
    suggestions.replaceChildren(...found.map((p, i) => {
      const option = node("li", "pk-suggestion", p[0]);
      option.id = `pk-near-option-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => choosePlace(p));
      return option;
    }));
    const open = found.length > 0;
    suggestions.hidden = !open;
    placeBox.setAttribute("aria-expanded", String(open));
    const one = found.length === 1 ? "one" : "other";
    nearNote.textContent = open ? ui(`place_options_${one}`, { count: found.length })
      : placeKey(placeBox.value) && places.length > index.towns.length ? ui("no_place_match") : ui("location_private");
  }

  function highlight(i) {
    active = (i + offered.length) % offered.length;
    [...suggestions.children].forEach((option, n) => option.setAttribute("aria-selected", String(n === active)));
    const option = suggestions.children[active];
    placeBox.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function closeSuggestions() {
    suggestions.hidden = true;
    placeBox.setAttribute("aria-expanded", "false");
    placeBox.removeAttribute("aria-activedescendant");
  }

  function choosePlace(p) {
    placeBox.value = p ? p[0] : "";
    placeLabel = p ? p[0] : "";
    origin = p ? { lat: p[1], lon: p[2] } : null;
    closeSuggestions();
    nearNote.textContent = ui("location_private");
    shown = PAGE;
    saveChoices();
    update();
  }

  function placeTyped() {
    loadPlaces().then(() => document.activeElement === placeBox && showSuggestions(suggest(placeBox.value)));
    showSuggestions(suggest(placeBox.value));
    if (!placeBox.value.trim() && placeLabel) choosePlace(null);
  }

  function placeKeys(event) {
    const open = !suggestions.hidden && offered.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) showSuggestions(suggest(placeBox.value));
      if (offered.length) highlight(active < 0 && event.key === "ArrowUp" ? -1 : active + (event.key === "ArrowUp" ? -1 : 1));
    } else if (event.key === "Enter") {
      if (open || placeKey(placeBox.value)) event.preventDefault();
      const pick = active >= 0 ? offered[active] : suggest(placeBox.value)[0];
      if (pick) choosePlace(pick);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        closeSuggestions();
      } else if (placeBox.value) {
        choosePlace(null);
      }
    }
  }

  /* A place in the address: one of the site's towns at once, else once the
     gazetteer is in. */
  async function placeFromAddress(name) {
    if (!name) return;
    const key = placeKey(name);
    let p = places.find((q) => placeKey(q[0]) === key);
    if (!p) {
      await loadPlaces();
      p = places.find((q) => placeKey(q[0]) === key);
    }
    if (p) {
      placeBox.value = placeLabel = p[0];
      origin = { lat: p[1], lon: p[2] };
    }
  }

  /* --------------------------------------------------------- the form --- */

  /* Choices (a day, a format, a picked place) go in the address, to share;
     typed words never do: an address ends up in history, and one with words in it
     would tell whoever looks what the visitor was looking for. */
  function saveChoices() {
    const chosen = controls.filter((c) => c.value && c.type !== "search" && c !== placeBox);
    const query = new URLSearchParams(chosen.map((c) => [c.name, c.value]));
    saveNeeds(query);
    if (placeLabel) query.set("near", placeLabel);
    const search = query.toString();
    history.replaceState(history.state, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  }

  function options(select, rows) {
    select.append(...rows.map(([value, label]) => {
      const option = node("option", "", label);
      option.value = value;
      return option;
    }));
  }

  let typing = 0;
  function changed(event) {
    if (event.target === placeBox) return;
    shown = PAGE;
    saveChoices();
    clearTimeout(typing);
    if (event.type === "input" && event.target.type === "search") typing = setTimeout(update, 200);
    else update();
  }

  function locate() {
    if (!navigator.geolocation) {
      nearNote.textContent = ui("no_geolocation");
      return;
    }
    nearNote.textContent = ui("locating");
    navigator.geolocation.getCurrentPosition((position) => {
      origin = { lat: position.coords.latitude, lon: position.coords.longitude };
      placeBox.value = placeLabel = "";
      saveChoices();
      nearNote.textContent = ui("located");
      shown = PAGE;
      update();
    }, () => {
      nearNote.textContent = ui("location_unavailable");
    }, { maximumAge: 600000, timeout: 20000 });
  }

  function toggleToday() {
    const day = field("day");
    day.value = day.value === "today" ? "" : "today";
    shown = PAGE;
    saveChoices();
    update();
  }

  async function start() {
    index = await json("index.json");
    if (!index.chunks.length) return;
    const language = (code) => {
      try { return new Intl.DisplayNames([lang], { type: "language" }).of(code); } catch { return code; }
    };
    const towns = {};
    for (const t of index.towns) towns[t[0]] = (towns[t[0]] || 0) + 1;
    for (const t of index.towns) t.label = towns[t[0]] > 1 ? `${t[0]} (${index.regions[t[1]][0]})` : t[0];
    places = index.towns.filter((t) => t.length > 2).map((t) => [t.label, t[2], t[3]]);
    options(field("topic"), index.topics);
    options(field("lang"), index.languages.map((code) => [code, language(code)]));
    options(field("access"), index.access.map((a) => [a, a[0].toUpperCase() + a.slice(1)]));
    options(field("within"), RADII.map((n) => [String(n), ui("within", { distance: ui(index.unit === "mi" ? `miles_${n === 1 ? "one" : "other"}` : "kms", { count: n }) })]));
    const query = new URLSearchParams(location.search);
    for (const control of controls) {
      const value = query.get(control.name);
      if (value !== null && control.type !== "search" && control.options && [...control.options].some((o) => o.value === value)) {
        control.value = value;
      }
    }
    buildNeeds(query);
    await Promise.all([placeFromAddress(query.get("near")), loadChunk(0)]);
    form.addEventListener("input", (event) => event.target.type === "search" && changed(event));
    form.addEventListener("change", (event) => event.target.type !== "search" && changed(event));
    placeBox.addEventListener("input", placeTyped);
    placeBox.addEventListener("keydown", placeKeys);
    placeBox.addEventListener("blur", closeSuggestions);
    finder.querySelector("[data-pk-locate]").addEventListener("click", locate);
    todayButton.addEventListener("click", toggleToday);
    finder.querySelector("[data-pk-clear]").addEventListener("click", () => {
      for (const control of controls) control.value = "";
      clearNeeds();
      origin = null;
      placeLabel = "";
      closeSuggestions();
      shown = PAGE;
      nearNote.textContent = ui("location_private");
      saveChoices();
      update();
    });
    more.addEventListener("click", () => {
      const first = shown;
      shown += PAGE;
      update();
      const link = list.querySelectorAll(".pk-result")[first]?.querySelector("a");
      if (link) link.focus();
    });
    search.addEventListener("focus", () => need("all words", loadWords), { once: true });
    finder.classList.add("pk-finder--ready");
    /* The form works before this script is ready; a choice made then is in the
       controls but not yet in the address. */
    saveChoices();
    update();
    setInterval(update, 60000);
  }

  start().catch(failed);
})();
