// Actor network view: the top N dyads (source → target) of the filtered
// events, aggregated by the server (GET /api/stats/dyads?limit=N). Edge
// width is the event count, edge colour the mean Goldstein score. Nodes are
// keyboard-focusable; choosing one filters the view by that actor.

import { h, s, num, gs, goldsteinColor } from "./dom.js";
import * as api from "./api.js";
import { filterParams, viewHref, navigate } from "./nav.js";
import { filterForm, activeFilter } from "./filters.js";

const TOPS = ["25", "50", "100", "200"];
const W = 960;
const H = 600;

// layout places nodes with a fixed number of Fruchterman–Reingold steps
// from a circle ordered by weight, so the same data always gives the same
// picture.
function layout(nodes, edges) {
  const n = nodes.length;
  nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / n;
    nd.x = W / 2 + (W / 3) * Math.cos(a);
    nd.y = H / 2 + (H / 3) * Math.sin(a);
  });
  if (n < 2) {
    if (n === 1) {
      nodes[0].x = W / 2;
      nodes[0].y = H / 2;
    }
    return;
  }
  const k = Math.sqrt((W * H) / n) * 0.42;
  let t = W / 8;
  for (let it = 0; it < 300; it++) {
    for (const a of nodes) {
      a.dx = 0;
      a.dy = 0;
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) {
          dx = 0.01 * (i - j);
          dy = 0.01;
          d = Math.hypot(dx, dy);
        }
        const f = (k * k) / d;
        a.dx += (dx / d) * f;
        a.dy += (dy / d) * f;
        b.dx -= (dx / d) * f;
        b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = e.a;
      const b = e.b;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      a.dx -= (dx / d) * f;
      a.dy -= (dy / d) * f;
      b.dx += (dx / d) * f;
      b.dy += (dy / d) * f;
    }
    for (const a of nodes) {
      // A pull to the centre keeps disconnected pairs close to the rest.
      a.dx += (W / 2 - a.x) * 0.12;
      a.dy += (H / 2 - a.y) * 0.12;
      const d = Math.max(0.01, Math.hypot(a.dx, a.dy));
      a.x += (a.dx / d) * Math.min(d, t);
      a.y += (a.dy / d) * Math.min(d, t);
      a.x = Math.max(50, Math.min(W - 50, a.x));
      a.y = Math.max(30, Math.min(H - 30, a.y));
    }
    t *= 0.985;
  }
}

function graph(rows, params) {
  const nodes = new Map();
  const edges = [];
  const node = (code) => {
    if (!nodes.has(code)) nodes.set(code, { code, count: 0 });
    return nodes.get(code);
  };
  for (const r of rows) {
    const [src, tgt] = r.key.split(">");
    if (!src || !tgt) continue;
    const a = node(src);
    const b = node(tgt);
    a.count += r.count;
    if (a !== b) b.count += r.count;
    if (a !== b) edges.push({ a, b, count: r.count, goldstein: r.goldstein, key: r.key });
  }
  const list = [...nodes.values()].sort((x, y) => y.count - x.count || (x.code < y.code ? -1 : 1));
  layout(list, edges);
  const maxE = Math.max(1, ...edges.map((e) => e.count));
  const maxN = Math.max(1, ...list.map((nd) => nd.count));
  const radius = (nd) => 6 + 14 * Math.sqrt(nd.count / maxN);
  const pairs = new Set(edges.map((e) => e.key));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "group", "aria-labelledby": "net-title" },
    s("title", { id: "net-title" }, "Actor network: " + list.length + " actors, " + edges.length + " dyads"));
  const eg = s("g", { class: "edges" });
  for (const e of edges) {
    const { a, b } = e;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const d = Math.max(1, Math.hypot(dx, dy));
    const ux = dx / d;
    const uy = dy / d;
    // Reciprocal dyads bend apart so both directions stay visible.
    const bend = pairs.has(b.code + ">" + a.code) ? 0.15 * d : 0;
    const mx = (a.x + b.x) / 2 - uy * bend;
    const my = (a.y + b.y) / 2 + ux * bend;
    const ra = radius(a);
    const rb = radius(b) + 3;
    // End points on the node circles, aimed at the control point.
    const sa = Math.hypot(mx - a.x, my - a.y) || 1;
    const sb = Math.hypot(mx - b.x, my - b.y) || 1;
    const x1 = a.x + ((mx - a.x) / sa) * ra;
    const y1 = a.y + ((my - a.y) / sa) * ra;
    const x2 = b.x + ((mx - b.x) / sb) * rb;
    const y2 = b.y + ((my - b.y) / sb) * rb;
    const width = 1 + 9 * (e.count / maxE);
    const color = goldsteinColor(e.goldstein);
    // Arrowhead at the target end.
    const hx = (x2 - mx) / (Math.hypot(x2 - mx, y2 - my) || 1);
    const hy = (y2 - my) / (Math.hypot(x2 - mx, y2 - my) || 1);
    const size = 6 + width;
    const head = [
      [x2, y2],
      [x2 - hx * size - hy * size * 0.5, y2 - hy * size + hx * size * 0.5],
      [x2 - hx * size + hy * size * 0.5, y2 - hy * size - hx * size * 0.5],
    ].map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" ");
    const label = e.a.code + " → " + e.b.code + ": " + num(e.count) + " events, mean Goldstein " + gs(e.goldstein);
    const g = s("g", { class: "edge", "data-dyad": e.key },
      s("title", null, label + " (click to list them)"),
      s("path", { d: `M${x1.toFixed(1)} ${y1.toFixed(1)} Q${mx.toFixed(1)} ${my.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}`, stroke: color, "stroke-width": width.toFixed(1), fill: "none", "stroke-linecap": "round" }),
      s("polygon", { points: head, fill: color }));
    g.addEventListener("click", () => navigate(viewHref("events", params, { actor: null, source: e.a.code, target: e.b.code })));
    eg.append(g);
  }
  svg.append(eg);
  const ng = s("g", { class: "nodes" });
  for (const nd of list) {
    const r = radius(nd);
    const g = s("g", {
      class: "node", tabindex: 0, role: "button", "data-actor": nd.code,
      "aria-label": nd.code + ", " + num(nd.count) + " events in these dyads: filter by this actor",
      transform: `translate(${nd.x.toFixed(1)} ${nd.y.toFixed(1)})`,
    },
    s("title", null, nd.code + ": " + num(nd.count) + " events — click to filter by this actor"),
    s("circle", { r: r.toFixed(1) }),
    s("text", { y: (r + 13).toFixed(1), "text-anchor": "middle" }, nd.code));
    const go = () => navigate(viewHref("network", params, { actor: nd.code, source: null, target: null, top: params.get("top") }));
    g.addEventListener("click", go);
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        go();
      }
    });
    ng.append(g);
  }
  svg.append(ng);
  return { svg, nodes: list, edges };
}

function legend() {
  const stops = [-10, -5, 0, 5, 10];
  return h("ul", { class: "legend chart-legend", "aria-label": "Legend" },
    h("li", null, "Edge colour: mean Goldstein "),
    stops.map((g) => h("li", null, h("span", { class: "swatch gs" + (g < 0 ? "m" : "p") + Math.abs(g), "aria-hidden": "true" }), (g > 0 ? "+" : "") + g)),
    h("li", null, "· edge width: number of events · arrow: source → target"));
}

// networkView renders the Actor network view into root.
export async function networkView(root, params, { signal, book }) {
  const top = TOPS.includes(params.get("top")) ? params.get("top") : "50";
  const desc = activeFilter(params);
  root.append(h("h1", null, "Actor network"), filterForm("network", params, book, ["top"]));
  const pick = h("div", { class: "segmented", role: "group", "aria-label": "Dyads shown" },
    h("span", { class: "label" }, "Top dyads: "),
    TOPS.map((n) => h("a", { href: viewHref("network", params, { top: n }), class: "button", "aria-current": n === top ? "true" : null }, n)));
  const summary = h("p", { class: "summary", tabindex: -1, "data-autofocus": "1", "aria-live": "polite" }, "Loading…");
  root.append(h("div", { class: "toolbar" }, summary, pick));

  const q = filterParams(params);
  q.set("limit", top);
  const st = await api.get("/api/stats/dyads", q, signal);
  const rows = st.rows || [];
  const { svg, nodes, edges } = graph(rows, params);
  summary.textContent = "The " + edges.length + " largest dyads" + (desc ? " matching " + desc : "") + ", among " + nodes.length + " actors";
  summary.setAttribute("data-dyads", String(edges.length));
  if (!edges.length) {
    root.append(h("p", { class: "empty" }, "No events with both a source and a target match this filter."));
    return;
  }
  root.append(h("figure", { class: "chart-box" }, svg, h("figcaption", null, legend(),
    h("span", { class: "hint" }, "Choose an actor (click, or Tab and Enter) to see its own dyads; click an arrow to list its events."))));
  root.append(h("details", { class: "data-table" },
    h("summary", null, "Table of the " + rows.length + " dyads"),
    h("div", { class: "table-wrap" }, h("table", null,
      h("thead", null, h("tr", null, ["Source", "Target", "Events", "Mean Goldstein"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, rows.map((r) => {
        const [a, b] = r.key.split(">");
        return h("tr", null,
          h("td", null, a || "—"), h("td", null, b || "—"),
          h("td", { class: "num" }, h("a", { href: viewHref("events", params, { actor: null, source: a || null, target: b || null }) }, num(r.count))),
          h("td", { class: "num" }, gs(r.goldstein)));
      }))))));
}
