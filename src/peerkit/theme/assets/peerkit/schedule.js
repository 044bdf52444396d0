/*
 * When a group next meets, in the browser: the same steps as
 * render/occurrences.py, on the meetings of render/directory_data.py's format.
 * Used by the group finder (directory.js) and by a group's page
 * (next-meetings.js), so that a page built days ago never shows a meeting that
 * has already ended.
 */
(() => {
  "use strict";

  const DAY = 864e5;

  const clocks = new Map();
  function wall(zone, t) {
    if (!clocks.has(zone)) {
      clocks.set(zone, new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23",
        year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", second: "numeric" }));
    }
    const p = {};
    for (const part of clocks.get(zone).formatToParts(t)) p[part.type] = +part.value;
    return p;
  }

  /* How far the zone's clock is ahead of UTC at instant t, in ms. */
  function offset(zone, t) {
    const p = wall(zone, t);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1e3) * 1e3;
  }

  /* The instant of a wall-clock time on day number `day` in `zone`. Like
     zoneinfo with fold=0: a time that happens twice is the first, and one
     skipped by the clocks going forward counts with the old offset. */
  function instant(zone, day, minutes) {
    const w = day * DAY + minutes * 6e4;
    const before = offset(zone, w - DAY);
    const after = offset(zone, w + DAY);
    if (offset(zone, w - before) === before) return w - before;
    return offset(zone, w - after) === after ? w - after : w - before;
  }

  const weekday = (day) => (((day + 3) % 7) + 7) % 7; // day 0 was a Thursday; Monday is 0
  const dayNumber = (y, m, d) => Date.UTC(y, m, d) / DAY;

  /* Day numbers of a meeting from day `from` on, in order, as dateutil's rrule
     steps them: weeks start on Monday, intervals count from dtstart. */
  function* meetingDays(m, from) {
    const start = m.start ?? -Infinity;
    if (!m.monthly) {
      const anchor = (m.start ?? from) - weekday(m.start ?? from);
      const wds = m.days.map((d) => d.wd).sort((a, b) => a - b);
      for (let week = from - weekday(from), i = 0; i < 800; week += 7, i++) {
        if (((week - anchor) / 7) % m.interval) continue;
        for (const wd of wds) if (week + wd >= from && week + wd >= start) yield week + wd;
      }
      return;
    }
    const first = new Date(from * DAY);
    const startMonth = m.start === null ? 0 : new Date(m.start * DAY);
    for (let i = 0; i < 200; i++) {
      const y = first.getUTCFullYear();
      const mo = first.getUTCMonth() + i;
      if (startMonth && (y * 12 + mo - startMonth.getUTCFullYear() * 12 - startMonth.getUTCMonth()) % m.interval) continue;
      const open = dayNumber(y, mo, 1);
      const close = dayNumber(y, mo + 1, 0);
      const found = m.days.map(({ n, wd }) => n > 0
        ? open + ((wd - weekday(open) + 7) % 7) + 7 * (n - 1)
        : close - ((weekday(close) - wd + 7) % 7) + 7 * (n + 1));
      for (const d of [...new Set(found)].sort((a, b) => a - b)) {
        if (d >= open && d <= close && d >= from && d >= start) yield d;
      }
    }
  }

  const takesOff = (m, d) => m.off.has(d) || m.monthsOff.has(new Date(d * DAY).getUTCMonth() + 1);

  /* The next `count` {start, end} of a meeting that have not ended by `now`; its end is
     its start plus its length, as on the group's page (occurrences.py). */
  function occurrences(m, now, count = 2) {
    const p = wall(m.zone, now);
    const found = [];
    for (const d of meetingDays(m, dayNumber(p.year, p.month - 1, p.day) - 1)) {
      if (takesOff(m, d)) continue;
      const start = instant(m.zone, d, m.opens);
      if (start + m.length > now) found.push({ start, end: start + m.length });
      if (found.length === count) break;
    }
    return found;
  }

  const minutes = (hhmm) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3);

  /* [days, opens, closes, zone?, interval?, first day?, days off?, months off?]
     (directory_data.py). A meeting whose end is before its start ends the next day. */
  function meeting([days, opens, closes, zone = 0, interval = 1, start = 0, off = [], monthsOff = []], zones) {
    const m = { opens: minutes(opens), hours: { opens, closes },
      length: ((minutes(closes) - minutes(opens) + 1440) % 1440) * 6e4,
      off: new Set(off), monthsOff: new Set(monthsOff),
      zone: zones[zone], interval, start: start || null,
      days: (Array.isArray(days) ? days : [days])
        .map((d) => (Array.isArray(d) ? { wd: d[0], n: d[1] } : { wd: d, n: 0 })) };
    m.monthly = m.days.some((d) => d.n);
    return m;
  }

  window.peerkitSchedule = { DAY, offset, occurrences, meeting };
})();
