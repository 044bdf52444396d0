/*
 * A group's next meetings, worked out again from the visitor's clock.
 *
 * The page lists the next meetings as of the day it was built; a site is not
 * rebuilt every hour, so by the time someone reads it the first may be over.
 * This script lists the next ones that have not ended, from the same schedule
 * (the finder's format, render/directory_data.py), in the group's own time as
 * the page does, and drops the "as of" note. Without it, the note stays.
 */
(() => {
  "use strict";

  const block = document.querySelector("[data-pk-upcoming]");
  if (!block || !window.peerkitSchedule) return;
  const { occurrences, meeting } = window.peerkitSchedule;
  const { zones, meetings } = JSON.parse(block.dataset.pkUpcoming);
  const words = block.dataset.pkWords;
  const list = block.querySelector(".pk-upcoming");
  const count = list.children.length;
  const lang = document.documentElement.lang || undefined;

  const now = Date.now();
  const found = meetings.map((row) => meeting(row, zones))
    .flatMap((m) => occurrences(m, now, count).map((o) => ({ ...o, zone: m.zone })))
    .filter((o) => o.end > now)
    .sort((a, b) => a.start - b.start)
    .slice(0, count);
  if (!found.length) return;

  const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  /* "Wednesday 20 January 2027" in the page's words, as the page's own list says it. */
  function dayText(t, zone) {
    const parts = {};
    const format = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: "long",
      day: "numeric", month: "long", year: "numeric" });
    for (const part of format.formatToParts(t)) parts[part.type] = part.value;
    const date = say(block.dataset.pkDate, { day: parts.day, month: parts.month, year: parts.year });
    return say(block.dataset.pkWeekdayDate, { weekday: parts.weekday, date });
  }
  const items = found.map(({ start, end, zone }) => {
    const day = dayText(start, zone);
    const time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: "2-digit",
      minute: "2-digit", hourCycle: "h23" });
    const li = document.createElement("li");
    const when = li.appendChild(document.createElement("time"));
    when.dateTime = new Date(start).toISOString();
    when.textContent = say(words, { day, start: time.format(start), end: time.format(end) });
    return li;
  });
  list.replaceChildren(...items);
  block.querySelector("[data-pk-as-of]").hidden = true;
})();

/*
 * A meeting's time zone, said only where it is not the visitor's.
 *
 * The page says the zone of a meeting held in another than the site's; here the
 * visitor's own clock decides: a zone whose offsets are the visitor's all year
 * (Europe/Dublin for someone in London) goes unsaid, and any other is said, with
 * the next meeting's time on the visitor's clock.
 */
(() => {
  "use strict";

  const list = document.querySelector("[data-pk-schedule]");
  const visitor = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!list || !visitor || !window.peerkitSchedule) return;
  const { DAY, offset, occurrences, meeting } = window.peerkitSchedule;
  const { zones, meetings } = JSON.parse(list.dataset.pkSchedule);
  const lang = document.documentElement.lang || undefined;
  const now = Date.now();

  /* The same offsets at every week of the coming year: the same clock, changes included. */
  function sameClock(zone) {
    for (let week = 0; week <= 53; week++) {
      const t = now + week * 7 * DAY;
      if (offset(zone, t) !== offset(visitor, t)) return false;
    }
    return true;
  }

  const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const time = new Intl.DateTimeFormat(lang, { timeZone: visitor, hour: "2-digit",
    minute: "2-digit", hourCycle: "h23" });
  const weekday = new Intl.DateTimeFormat(lang, { timeZone: visitor, weekday: "long" });
  for (const note of list.querySelectorAll("[data-pk-meeting]")) {
    const m = meeting(meetings[+note.dataset.pkMeeting], zones);
    if (sameClock(m.zone)) {
      note.hidden = true;
      continue;
    }
    const [next] = occurrences(m, now, 1);
    if (next) {
      note.textContent = say(list.dataset.pkYours, { zone: m.zone, day: weekday.format(next.start),
        start: time.format(next.start), end: time.format(next.end) });
    }
    note.hidden = false;
  }
})();
