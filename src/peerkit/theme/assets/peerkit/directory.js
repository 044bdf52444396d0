/*
 * Peerkit group finder on /groups/: filters, "near me", next meetings.
 *
 * Without this script the page lists regions; the finder is unhidden only once
 * its data (format: render/directory_data.py) is in. The first chunk shows at
 * once, the others load when a filter or distance needs them, the description
 * words when the visitor searches. Choices go in the query string, to share;
 * typed words and the browser's position never leave the page, not even into
 * the address.
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

  const form = finder.querySelector(".pk-filters");
  const search = Object.assign(node("input"), { id: "pk-q", name: "q", type: "search",
    autocomplete: "off", spellcheck: false, enterKeyHint: "search" });
  finder.querySelector("[data-pk-search]").after(search);
  const controls = [...form.querySelectorAll("[name]")];
  const field = (name) => controls.find((c) => c.name === name);
  const status = finder.querySelector("[data-pk-status]");
  const list = finder.querySelector("[data-pk-results]");
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
  let origin = null; // {lat, lon} of a picked town or of the browser's position
  let shown = PAGE;
  let signature = "";

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

  const loadChunk = (n) => json(`${n}.json`).then((rows) => { chunks[n] ??= rows.map(group); });
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

  function item(g, now) {
    const li = node("li", "pk-result");
    const link = li.appendChild(node("h3")).appendChild(node("a", "", g.name));
    link.href = new URL(`${index.regions[g.region][1]}${g.slug || nameSlug(g.name)}/`, base).href;
    const when = g.meetings.map((m) => say("schedule.times", { days: describe(m), ...m.hours }) +
      (elsewhere(m.zone, now) ? ` ${ui("zone_time", { zone: m.zone })}` : ""));
    if (g.arranged) when.push(ui("by_arrangement"));
    li.appendChild(node("p", "pk-result__when", when.join("; ")));
    const how = ui(`format.${g.format}`);
    const where = g.town ? [g.town[0], how] : [how];
    if (g.distance !== undefined) {
      const km = Math.round(g.distance);
      where.push(km < 1 ? ui("km_less_than_one") : ui("km_about", { km }));
    }
    li.appendChild(node("p", "pk-result__where", where.join(" · ")));
    const checked = (index.checked_from + g.checked) * 864e5;
    if (now - checked > STALE_AFTER) {
      const date = checkedFormat.format(new Date(checked));
      li.appendChild(node("p", "pk-result__stale", ui("stale", { date })));
    }
    const next = g.meetings.flatMap((m) => occurrences(m, now).map((o) => ({ ...o, zone: m.zone })))
      .sort((a, b) => a.start - b.start);
    const current = next.find((o) => o.start <= now);
    const coming = next.find((o) => o.start > now);
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
    return li;
  }

  function render(found, f, complete) {
    const now = Date.now();
    const items = found.slice(0, shown).map((g) => item(g, now));
    const text = items.map((li) => li.textContent).join("\n");
    if (text !== signature) {
      signature = text;
      list.replaceChildren(...items);
    }
    more.hidden = complete && found.length <= shown;
    const one = (n) => (n === 1 ? "one" : "other");
    const count = (n) => ui(`groups_${one(n)}`, { count: n.toLocaleString(lang) });
    const total = count(index.chunks.reduce((a, b) => a + b, 0));
    let message = f.filtered ? ui(`matches_${one(found.length)}`, { groups: count(found.length) })
      : ui("all", { groups: total });
    if (origin && found.length) message += ui("nearest_first");
    if (found.length > shown) message += ui("showing_first", { count: shown.toLocaleString(lang) });
    if (!found.length && complete) message = ui("no_match");
    if (!complete) message = ui("looking", { groups: total });
    if (status.textContent !== `${message}.`) status.textContent = `${message}.`;
  }

  function update() {
    const f = choices();
    const everything = f.filtered || origin || shown > PAGE;
    if (everything && !all(chunks)) need("all chunks", loadChunk);
    if (f.words.length && !all(worded)) need("all words", loadWords);
    const complete = (!everything || all(chunks)) && (!f.words.length || all(worded));
    const found = chunks.flat().filter((g) => matches(g, f));
    for (const g of found) g.distance = origin && g.point ? distance(g.point) : undefined;
    if (origin) {
      const rank = (g) => (g.point ? 0 : g.town ? 1 : 2);
      found.sort((a, b) => rank(a) - rank(b) || (a.distance ?? 0) - (b.distance ?? 0));
    }
    render(found, f, complete);
  }

  function failed() {
    status.textContent = ui("failed");
  }

  /* --------------------------------------------------------- the form --- */

  /* Choices (a day, a format, a town from the list) go in the address, to share;
     typed words never do: an address ends up in history, and one with words in it
     would tell whoever looks what the visitor was looking for. */
  function saveChoices() {
    const chosen = controls.filter((c) => c.value && c.type !== "search");
    const query = new URLSearchParams(chosen.map((c) => [c.name, c.value]));
    saveNeeds(query);
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

  function townOrigin() {
    const town = index.towns.find((t) => t.label === field("near").value);
    origin = town ? { lat: town[2], lon: town[3] } : null;
  }

  let typing = 0;
  function changed(event) {
    if (event.target === field("near")) {
      townOrigin();
      nearNote.textContent = ui("location_private");
    }
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
      field("near").value = "";
      saveChoices();
      nearNote.textContent = ui("located");
      shown = PAGE;
      update();
    }, () => {
      nearNote.textContent = ui("location_unavailable");
    }, { maximumAge: 600000, timeout: 20000 });
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
    options(field("topic"), index.topics);
    options(field("lang"), index.languages.map((code) => [code, language(code)]));
    options(field("access"), index.access.map((a) => [a, a[0].toUpperCase() + a.slice(1)]));
    options(field("near"), index.towns.filter((t) => t.length > 2).map((t) => [t.label, t.label]));
    const query = new URLSearchParams(location.search);
    for (const control of controls) {
      const value = query.get(control.name);
      if (value !== null && control.type !== "search" && [...control.options].some((o) => o.value === value)) {
        control.value = value;
      }
    }
    buildNeeds(query);
    townOrigin();
    await loadChunk(0);
    form.addEventListener("input", (event) => event.target.type === "search" && changed(event));
    form.addEventListener("change", (event) => event.target.type !== "search" && changed(event));
    finder.querySelector("[data-pk-locate]").addEventListener("click", locate);
    finder.querySelector("[data-pk-clear]").addEventListener("click", () => {
      for (const control of controls) control.value = "";
      clearNeeds();
      origin = null;
      shown = PAGE;
      nearNote.textContent = ui("location_private");
      saveChoices();
      update();
    });
    more.addEventListener("click", () => {
      const first = shown;
      shown += PAGE;
      update();
      const link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
    search.addEventListener("focus", () => need("all words", loadWords), { once: true });
    finder.hidden = false;
    update();
    setInterval(update, 60000);
  }

  start().catch(failed);
})();
