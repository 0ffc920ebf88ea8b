// Timeline view: counts of the filtered events per day, week or month,
// stacked by quad class, with the mean Goldstein score as a line. The
// server aggregates (GET /api/stats/timeline); the browser only draws one
// bar per period. A table of the same numbers follows the chart for
// screen readers and keyboard users.

import { h, s, num, gs, QUADS } from "./dom.js";
import * as api from "./api.js";
import { filterParams, viewHref, navigate } from "./nav.js";
import { filterForm, activeFilter } from "./filters.js";

const INTERVALS = ["day", "week", "month"];
const W = 960;
const H = 300;
const M = { top: 16, right: 48, bottom: 40, left: 56 };

function addPeriod(d, interval) {
  const n = new Date(d.getTime());
  if (interval === "day") n.setUTCDate(n.getUTCDate() + 1);
  else if (interval === "week") n.setUTCDate(n.getUTCDate() + 7);
  else n.setUTCMonth(n.getUTCMonth() + 1);
  return n;
}

function periodEnd(key, interval) {
  const d = addPeriod(new Date(key + "T00:00:00Z"), interval);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// fill inserts empty periods where the store had no events, so the time
// axis is even. Beyond 4000 periods it leaves the series as it is.
function fill(periods, interval) {
  if (periods.length < 2) return periods;
  const byKey = new Map(periods.map((p) => [p.period, p]));
  const out = [];
  let d = new Date(periods[0].period + "T00:00:00Z");
  const last = periods[periods.length - 1].period;
  while (out.length < 4000) {
    const key = d.toISOString().slice(0, 10);
    out.push(byKey.get(key) || { period: key, count: 0, goldstein: 0, quad_classes: [1, 2, 3, 4].map((q) => ({ quad_class: q, count: 0, goldstein: 0 })) });
    if (key >= last) return out;
    d = addPeriod(d, interval);
  }
  return periods;
}

// niceStep returns a round step (1, 2 or 5 × 10ⁿ) that splits v into at
// most four intervals.
function niceStep(v) {
  const raw = Math.max(1, v / 4);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function chart(periods, interval, params) {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const step = niceStep(Math.max(1, ...periods.map((p) => p.count)));
  const max = step * Math.ceil(Math.max(1, ...periods.map((p) => p.count)) / step);
  const bw = iw / periods.length;
  const y = (c) => M.top + ih - (c / max) * ih;
  const gy = (g) => M.top + ih / 2 - (g / 10) * (ih / 2);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-labelledby": "tl-title tl-desc" },
    s("title", { id: "tl-title" }, "Events per " + interval + " by quad class, with mean Goldstein score"),
    s("desc", { id: "tl-desc" }, periods.length + " periods from " + periods[0].period + " to " + periods[periods.length - 1].period + ". The table below lists every value."));
  // Grid and left axis (counts).
  for (let v = 0; v <= max; v += step) {
    svg.append(s("line", { class: "grid", x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      s("text", { class: "tick", x: M.left - 6, y: y(v), "text-anchor": "end", "dominant-baseline": "middle" }, num(v)));
  }
  // Right axis (Goldstein −10…+10).
  for (const g of [-10, -5, 0, 5, 10]) {
    svg.append(s("text", { class: "tick gs-tick", x: W - M.right + 6, y: gy(g), "dominant-baseline": "middle" }, (g > 0 ? "+" : "") + g));
  }
  svg.append(s("text", { class: "axis-label", x: 14, y: M.top + ih / 2, transform: `rotate(-90 14 ${M.top + ih / 2})`, "text-anchor": "middle" }, "events"),
    s("text", { class: "axis-label", x: W - 8, y: M.top + ih / 2, transform: `rotate(90 ${W - 8} ${M.top + ih / 2})`, "text-anchor": "middle" }, "Goldstein"));
  // Bars, stacked by quad class 1–4; one hit area per period.
  const bars = s("g", { class: "bars" });
  const hits = s("g", { class: "hits" });
  const gap = bw > 4 ? 1 : 0;
  periods.forEach((p, i) => {
    let base = 0;
    const x = M.left + i * bw;
    for (const q of p.quad_classes || []) {
      if (!q.count) continue;
      bars.append(s("rect", { class: "q" + q.quad_class, x: x + gap / 2, width: Math.max(0.5, bw - gap), y: y(base + q.count), height: y(base) - y(base + q.count) }));
      base += q.count;
    }
    if (p.count) {
      const label = p.period + ": " + num(p.count) + " events, mean Goldstein " + gs(p.goldstein) + "\n" +
        (p.quad_classes || []).map((q) => QUADS[q.quad_class] + ": " + num(q.count)).join("\n");
      const hit = s("rect", { class: "hit", x, width: bw, y: M.top, height: ih, "data-period": p.period },
        s("title", null, label));
      hit.addEventListener("click", () => navigate(viewHref("events", params, { since: p.period, until: periodEnd(p.period, interval) })));
      hits.append(hit);
    }
  });
  svg.append(bars);
  // Goldstein line over periods that have events.
  const pts = periods.map((p, i) => (p.count ? [M.left + (i + 0.5) * bw, gy(p.goldstein)] : null));
  let d = "";
  let pen = false;
  for (const pt of pts) {
    if (!pt) {
      pen = false;
      continue;
    }
    d += (pen ? "L" : "M") + pt[0].toFixed(1) + " " + pt[1].toFixed(1);
    pen = true;
  }
  svg.append(s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: gy(0), y2: gy(0) }));
  if (d) svg.append(s("path", { class: "gs-line", d }));
  for (const pt of pts) if (pt) svg.append(s("circle", { class: "gs-dot", cx: pt[0], cy: pt[1], r: periods.length > 200 ? 1.8 : 2.5 }));
  // X labels: about eight, evenly spaced.
  const every = Math.max(1, Math.ceil(periods.length / 8));
  for (let i = 0; i < periods.length; i += every) {
    const label = interval === "month" ? periods[i].period.slice(0, 7) : periods[i].period;
    svg.append(s("text", { class: "tick", x: M.left + (i + 0.5) * bw, y: H - M.bottom + 16, "text-anchor": "middle" }, label));
  }
  svg.append(s("line", { class: "axis", x1: M.left, x2: W - M.right, y1: y(0), y2: y(0) }));
  svg.append(hits);
  return svg;
}

function legend() {
  return h("ul", { class: "legend chart-legend", "aria-label": "Legend" },
    [1, 2, 3, 4].map((q) => h("li", null, h("span", { class: "swatch q" + q, "aria-hidden": "true" }), QUADS[q])),
    h("li", null, h("span", { class: "swatch line", "aria-hidden": "true" }), "Mean Goldstein (right axis)"));
}

// fitRange returns the first and last index of the periods that hold the
// 1st to the 99th percentile of the events, so that a few events misdated
// by decades do not squeeze the rest into one bar. For a small set it is
// the whole range.
export function fitRange(periods) {
  const total = periods.reduce((n, p) => n + p.count, 0);
  let lo = 0;
  let hi = periods.length - 1;
  let cum = 0;
  let loSet = false;
  for (let i = 0; i < periods.length; i++) {
    cum += periods[i].count;
    if (!loSet && cum > 0.01 * total) {
      lo = i;
      loSet = true;
    }
    if (cum >= 0.99 * total) {
      hi = i;
      break;
    }
  }
  return [lo, Math.max(lo, hi)];
}

// timelineView renders the Timeline view into root. The interval is the
// URL's "by" parameter, as petrel stats --by names it ("interval", its
// name before, is still read).
export async function timelineView(root, params, { signal, book }) {
  const asked = params.get("by") || params.get("interval");
  const interval = INTERVALS.includes(asked) ? asked : "week";
  const showAll = params.get("range") === "all";
  const desc = activeFilter(params);
  root.append(h("h1", null, "Timeline"), filterForm("timeline", params, book, ["by", "range"]));
  const pick = h("div", { class: "segmented", role: "group", "aria-label": "Interval" },
    INTERVALS.map((iv) => h("a", {
      href: viewHref("timeline", params, { by: iv, range: showAll ? "all" : null }), class: "button",
      "aria-current": iv === interval ? "true" : null,
    }, iv)));
  const summary = h("p", { class: "summary", tabindex: -1, "data-autofocus": "1", "aria-live": "polite" }, "Loading…");
  root.append(h("div", { class: "toolbar" }, summary, pick));

  const q = filterParams(params);
  q.set("interval", interval);
  const tl = await api.get("/api/stats/timeline", q, signal);
  const dated = (tl.periods || []).filter((p) => p.period);
  const undated = (tl.periods || []).filter((p) => !p.period).reduce((n, p) => n + p.count, 0);
  const total = dated.reduce((n, p) => n + p.count, 0);
  summary.textContent = num(total) + " dated events" + (desc ? " matching " + desc : "") + ", per " + interval +
    (undated ? " (" + num(undated) + " without a date are left out)" : "");
  summary.setAttribute("data-total", String(total));
  if (!dated.length) {
    root.append(h("p", { class: "empty" }, "No dated events match this filter."));
    return;
  }
  // Without an explicit since/until, the chart fits where the events
  // are (1st to 99th percentile of dates); "Show all" is one click away.
  let shown = dated;
  const [lo, hi] = fitRange(dated);
  const fits = !params.get("since") && !params.get("until") && (lo > 0 || hi < dated.length - 1);
  if (fits && !showAll) {
    shown = dated.slice(lo, hi + 1);
    const hidden = total - shown.reduce((n, p) => n + p.count, 0);
    root.append(h("p", {
      class: "range-note", "data-from": shown[0].period, "data-to": shown[shown.length - 1].period, "data-hidden": String(hidden),
    }, "Showing " + shown[0].period + " to " + periodEnd(shown[shown.length - 1].period, interval) +
      ", which holds " + num(total - hidden) + " of the " + num(total) + " dated events; " + num(hidden) +
      (hidden === 1 ? " falls" : " fall") + " outside (all events: " + dated[0].period + " to " +
      periodEnd(dated[dated.length - 1].period, interval) + "). ",
      h("a", { href: viewHref("timeline", params, { by: interval, range: "all" }), class: "show-all" }, "Show all")));
  } else if (fits) {
    root.append(h("p", { class: "range-note", "data-from": dated[0].period, "data-to": dated[dated.length - 1].period, "data-hidden": "0" },
      "Showing every dated event. ",
      h("a", { href: viewHref("timeline", params, { by: interval, range: null }), class: "show-fit" }, "Fit to where most events are")));
  }
  const periods = fill(shown, interval);
  root.append(h("figure", { class: "chart-box" }, chart(periods, interval, params), h("figcaption", null, legend(),
    h("span", { class: "hint" }, "Hover a bar for its numbers; click it to list its events."))));
  root.append(h("details", { class: "data-table" },
    h("summary", null, "Table of the " + shown.length + " periods with events"),
    h("div", { class: "table-wrap" }, h("table", { class: "timeline-table" },
      h("thead", null, h("tr", null,
        h("th", { scope: "col" }, interval === "day" ? "Day" : "Period from"),
        h("th", { scope: "col" }, "Events"),
        [1, 2, 3, 4].map((qc) => h("th", { scope: "col" }, QUADS[qc])),
        h("th", { scope: "col" }, "Mean Goldstein"))),
      h("tbody", null, shown.map((p) => h("tr", null,
        h("th", { scope: "row" }, h("a", { href: viewHref("events", params, { since: p.period, until: periodEnd(p.period, interval) }) }, p.period)),
        h("td", { class: "num" }, num(p.count)),
        (p.quad_classes || []).map((qc) => h("td", { class: "num" }, num(qc.count))),
        h("td", { class: "num" }, gs(p.goldstein)))))))));
}
