// Map view: the filtered events that have a place, clustered by the server
// on a latitude/longitude grid (GET /api/map), over country outlines drawn
// from Natural Earth (geo/countries-*.json, vendored, read by topo.js), in
// an equirectangular projection. Nothing is fetched from elsewhere, so the
// CSP needs no exception.
//
// The map pans (drag, arrow keys) and zooms (wheel, +/−, buttons); each
// view asks for the grid of what is visible at a cell size that suits the
// zoom, so the browser never holds more than a few hundred clusters
// whatever the store's size. A cluster's area is its number of events and
// its slices their quad classes; choosing one opens the events table
// filtered by the cluster's box (?bbox=), which lists exactly its events.

import { h, s, num, QUADS } from "./dom.js";
import * as api from "./api.js";
import { filterParams, viewHref, navigate, showError } from "./nav.js";
import { filterForm, activeFilter } from "./filters.js";
import { features, pathData, loadTopology } from "./topo.js";

const W = 960;
const H = 480;
const MAX_K = 4096;
// The detailed outlines (50m, 0.75 MB) are loaded once the map is zoomed
// in this far; the world view uses the small ones (110m, 0.1 MB).
const DETAIL_K = 3;
const OUTLINES = { coarse: "geo/countries-110m.json", fine: "geo/countries-50m.json" };

// Map coordinates: the world is W × H units at zoom 1.
const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;
const lonOf = (x) => (x / W) * 360 - 180;
const latOf = (y) => 90 - (y / H) * 180;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

// short writes a count in at most four characters, for cluster labels.
function short(n) {
  if (n < 1000) return String(n);
  if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, "") + "k";
  if (n < 1e6) return Math.round(n / 1000) + "k";
  return (n / 1e6).toFixed(1).replace(/\.0$/, "") + "M";
}

// parseBox reads "minLon,minLat,maxLon,maxLat", or returns null.
function parseBox(v) {
  const p = String(v || "").split(",").map(Number);
  if (p.length !== 4 || p.some((x) => !isFinite(x))) return null;
  return { w: p[0], s: p[1], e: p[2], n: p[3] };
}

// slices returns the shapes of a cluster of radius r: a circle for one
// quad class, pie slices for several, each with its quad class's colour.
function slices(c, r) {
  const present = [1, 2, 3, 4].filter((q) => c.quads[q - 1] > 0);
  if (present.length <= 1) {
    return [s("circle", { class: "q" + (present[0] || 1), r: r.toFixed(1) })];
  }
  const out = [];
  let a0 = -Math.PI / 2;
  for (const q of present) {
    const a1 = a0 + (2 * Math.PI * c.quads[q - 1]) / c.count;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    const p = (a) => (r * Math.cos(a)).toFixed(2) + " " + (r * Math.sin(a)).toFixed(2);
    out.push(s("path", { class: "q" + q, d: `M0 0L${p(a0)}A${r.toFixed(2)} ${r.toFixed(2)} 0 ${large} 1 ${p(a1)}Z` }));
    a0 = a1;
  }
  out.push(s("circle", { class: "rim", r: r.toFixed(1) }));
  return out;
}

function describe(c) {
  const parts = [1, 2, 3, 4].filter((q) => c.quads[q - 1] > 0).map((q) => num(c.quads[q - 1]) + " " + QUADS[q].toLowerCase());
  return num(c.count) + (c.count === 1 ? " event" : " events") + " at " + num(c.places) +
    (c.places === 1 ? " place" : " places") + " around " + c.lat.toFixed(2) + "°, " + c.lon.toFixed(2) + "°: " + parts.join(", ");
}

function legend() {
  return h("ul", { class: "legend chart-legend", "aria-label": "Legend" },
    [1, 2, 3, 4].map((q) => h("li", null, h("span", { class: "swatch q" + q, "aria-hidden": "true" }), QUADS[q])),
    h("li", null, "· circle area: number of events, slices: their quad classes"));
}

// mapView renders the Map view into root.
export async function mapView(root, params, { signal, book }) {
  const desc = activeFilter(params);
  // A new filter keeps the map where it is (at=, kept current below).
  root.append(h("h1", null, "Map"), filterForm("map", params, book, ["at"]));
  const summary = h("p", { class: "summary", tabindex: -1, "data-autofocus": "1", "aria-live": "polite" }, "Loading…");
  const zoomIn = h("button", { type: "button", class: "button", "aria-label": "Zoom in", title: "Zoom in" }, "+");
  const zoomOut = h("button", { type: "button", class: "button", "aria-label": "Zoom out", title: "Zoom out" }, "−");
  const world = h("button", { type: "button", class: "button" }, "Whole world");
  const tools = h("div", { class: "tools" }, zoomIn, zoomOut, world);
  root.append(h("div", { class: "toolbar" }, summary, tools));

  const filterBox = parseBox(params.get("bbox"));
  const land = s("g", { class: "land" });
  const graticule = s("g", { class: "graticule", "aria-hidden": "true" });
  for (let lon = -150; lon < 180; lon += 30) graticule.append(s("path", { d: `M${px(lon)} 0V${H}` }));
  for (let lat = -60; lat <= 60; lat += 30) graticule.append(s("path", { d: `M0 ${py(lat)}H${W}` }));
  const worldG = s("g", { class: "world" }, graticule, land);
  const clusters = s("g", { class: "clusters" });
  // Counts are drawn above every cluster, so an overlapping cluster never
  // hides a larger one's number.
  const counts = s("g", { class: "counts", "aria-hidden": "true" });
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`, class: "chart map", role: "group", tabindex: 0,
    "aria-labelledby": "map-title", "aria-describedby": "map-keys", "data-clusters": "0",
  },
  s("title", { id: "map-title" }, "Map of events by place"),
  s("rect", { class: "sea", x: 0, y: 0, width: W, height: H }),
  worldG, clusters, counts);
  const tableBody = h("tbody");
  const table = h("details", { class: "data-table" },
    h("summary", null, "Table of the clusters in view"),
    h("div", { class: "table-wrap" }, h("table", null,
      h("thead", null, h("tr", null, ["Latitude", "Longitude", "Events", "Places"].concat([1, 2, 3, 4].map((q) => QUADS[q]))
        .map((t) => h("th", { scope: "col" }, t)))),
      tableBody)));
  root.append(h("figure", { class: "chart-box map-box" }, svg, h("figcaption", null, legend(),
    h("span", { class: "hint", id: "map-keys" }, "Drag or use the arrow keys to move, the wheel or + and − to zoom. " +
      "Choose a cluster (click, or Tab and Enter) to list its events."))), table);

  // The view: map coordinates x, y show at k·x + tx, k·y + ty.
  let k = 1;
  let tx = 0;
  let ty = 0;
  const at = (params.get("at") || "").split(",").map(Number);
  if (at.length === 3 && at.every(isFinite)) {
    k = clamp(at[2], 1, MAX_K);
    tx = W / 2 - k * px(at[0]);
    ty = H / 2 - k * py(at[1]);
  } else if (filterBox && filterBox.w <= filterBox.e) {
    // Fit the filter's box, with a margin.
    const bw = Math.max(px(filterBox.e) - px(filterBox.w), 1);
    const bh = Math.max(py(filterBox.s) - py(filterBox.n), 1);
    k = clamp(Math.min(W / bw, H / bh) * 0.7, 1, 64);
    tx = W / 2 - k * (px(filterBox.w) + px(filterBox.e)) / 2;
    ty = H / 2 - k * (py(filterBox.n) + py(filterBox.s)) / 2;
  }
  const limit = () => {
    k = clamp(k, 1, MAX_K);
    tx = clamp(tx, W - W * k, 0);
    ty = clamp(ty, H - H * k, 0);
  };
  limit();

  let cells = [];
  let outlines = "";
  let drag = null;
  let moved = false;

  const drawOutlines = async (which) => {
    if (outlines === which || (outlines === "fine" && which === "coarse")) return;
    const topo = await loadTopology(OUTLINES[which]);
    if (outlines === "fine") return;
    outlines = which;
    const project = ([lon, lat]) => [px(lon), py(lat)];
    const digits = which === "fine" ? 2 : 1;
    land.replaceChildren(...features(topo, "countries").map((f) =>
      s("path", { class: "country", d: pathData(f.rings, project, digits), "data-id": f.id }, s("title", null, f.name))));
    land.setAttribute("data-outlines", which);
  };

  const drawClusters = () => {
    const max = Math.max(1, ...cells.map((c) => c.count));
    const els = [];
    const labels = [];
    for (const c of cells) {
      const x = tx + k * px(c.lon);
      const y = ty + k * py(c.lat);
      if (x < -20 || x > W + 20 || y < -20 || y > H + 20) continue;
      // At most 14 units: about the spacing of the grid (20 units), so
      // neighbouring clusters overlap little.
      const r = 3 + 11 * Math.sqrt(c.count / max);
      const label = describe(c);
      const el = s("g", {
        class: "cluster", tabindex: 0, role: "button", transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`,
        "aria-label": label + ": list these events", "data-bbox": c.bbox, "data-count": c.count,
      }, s("title", null, label + " — click to list these events"), slices(c, r));
      if (r >= 8) labels.push(s("text", { class: "n", "text-anchor": "middle", x: x.toFixed(1), y: (y + 3.5).toFixed(1) }, short(c.count)));
      const go = () => navigate(viewHref("events", params, { bbox: c.bbox }));
      el.addEventListener("click", (e) => {
        e.stopPropagation();
        if (!moved) go();
      });
      el.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          ev.stopPropagation();
          go();
        }
      });
      els.push(el);
    }
    clusters.replaceChildren(...els);
    counts.replaceChildren(...labels);
    svg.setAttribute("data-clusters", String(els.length));
  };

  const apply = () => {
    limit();
    worldG.setAttribute("transform", `matrix(${k} 0 0 ${k} ${tx.toFixed(2)} ${ty.toFixed(2)})`);
    drawClusters();
  };

  // The grid's zoom: cells of 15/2^z degrees are about 20 units across.
  const gridZoom = () => clamp(Math.round(Math.log2(k)) + 1, 0, 16);

  let ctrl = null;
  let timer = 0;
  signal.addEventListener("abort", () => {
    clearTimeout(timer);
    if (ctrl) ctrl.abort();
  });
  let total = null;
  const load = async () => {
    // A view the user has left must not touch the URL or the page.
    if (signal.aborted) return;
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const z = gridZoom();
    const cell = 15 / 2 ** z;
    // The visible box, widened to whole cells so that edge cells count
    // all their events.
    let w = Math.floor(lonOf(-tx / k) / cell) * cell;
    let e = Math.ceil(lonOf((W - tx) / k) / cell) * cell;
    let so = Math.floor(latOf((H - ty) / k) / cell) * cell;
    let n = Math.ceil(latOf(-ty / k) / cell) * cell;
    w = clamp(w, -180, 180);
    e = clamp(e, -180, 180);
    so = clamp(so, -90, 90);
    n = clamp(n, -90, 90);
    const q = filterParams(params);
    q.set("zoom", String(z));
    let empty = false;
    if (filterBox && filterBox.w <= filterBox.e) {
      w = Math.max(w, filterBox.w);
      e = Math.min(e, filterBox.e);
      so = Math.max(so, filterBox.s);
      n = Math.min(n, filterBox.n);
      empty = w > e || so > n;
    }
    if (!filterBox || filterBox.w <= filterBox.e) q.set("bbox", [w, so, e, n].map((v) => +v.toFixed(6)).join(","));
    const centre = [lonOf((W / 2 - tx) / k), latOf((H / 2 - ty) / k)];
    params.set("at", centre[0].toFixed(3) + "," + centre[1].toFixed(3) + "," + +k.toFixed(2));
    history.replaceState(null, "", viewHref("map", params, { at: params.get("at") }));
    try {
      const r = empty ? { cells: [], located: 0, zoom: z } : await api.get("/api/map", q, ctrl.signal);
      cells = r.cells || [];
      drawClusters();
      svg.setAttribute("data-zoom", String(r.zoom));
      const inView = cells.reduce((m, c) => m + c.count, 0);
      summary.textContent = num(inView) + (inView === 1 ? " event" : " events") + " with a place in view" +
        (total !== null ? " (of " + num(total) + " matching)" : "") + (desc ? ", " + desc : "") +
        " · " + num(cells.length) + (cells.length === 1 ? " cluster" : " clusters") + " of " + (cell >= 1 ? cell : cell.toPrecision(2)) + "°";
      summary.setAttribute("data-located", String(inView));
      tableBody.replaceChildren(...cells.map((c) => h("tr", null,
        h("td", { class: "num" }, c.lat.toFixed(2)), h("td", { class: "num" }, c.lon.toFixed(2)),
        h("td", { class: "num" }, h("a", { href: viewHref("events", params, { bbox: c.bbox }) }, num(c.count))),
        h("td", { class: "num" }, num(c.places)),
        c.quads.map((v) => h("td", { class: "num" }, num(v))))));
      if (k >= DETAIL_K) drawOutlines("fine").catch(() => { /* the coarse outlines stay */ });
    } catch (err) {
      if (err && err.name === "AbortError") return;
      showError(root, err);
    }
  };
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  };

  const zoomAt = (mx, my, f) => {
    const nk = clamp(k * f, 1, MAX_K);
    tx = mx - ((mx - tx) * nk) / k;
    ty = my - ((my - ty) * nk) / k;
    k = nk;
    apply();
    refresh();
  };
  // toMap converts a pointer position to map units.
  const toMap = (ev) => {
    const pt = svg.createSVGPoint();
    pt.x = ev.clientX;
    pt.y = ev.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return [p.x, p.y];
  };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [mx, my] = toMap(ev);
    zoomAt(mx, my, Math.exp(-clamp(ev.deltaY, -300, 300) * 0.003));
  }, { passive: false });
  svg.addEventListener("dblclick", (ev) => {
    const [mx, my] = toMap(ev);
    zoomAt(mx, my, ev.shiftKey ? 0.5 : 2);
  });
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.button !== 0) return;
    const [mx, my] = toMap(ev);
    drag = { mx, my, tx, ty, id: ev.pointerId };
    moved = false;
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const [mx, my] = toMap(ev);
    if (!moved && Math.hypot(mx - drag.mx, my - drag.my) < 3) return;
    if (!moved) svg.setPointerCapture(ev.pointerId);
    moved = true;
    svg.classList.add("dragging");
    tx = drag.tx + mx - drag.mx;
    ty = drag.ty + my - drag.my;
    apply();
  });
  const endDrag = (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    drag = null;
    svg.classList.remove("dragging");
    if (moved) {
      refresh();
      // The click that ends a drag is not a choice of cluster.
      setTimeout(() => { moved = false; }, 0);
    }
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  svg.addEventListener("keydown", (ev) => {
    if (ev.target !== svg) return;
    const step = W / 8;
    const keys = {
      ArrowLeft: () => { tx += step; }, ArrowRight: () => { tx -= step; },
      ArrowUp: () => { ty += step; }, ArrowDown: () => { ty -= step; },
    };
    if (keys[ev.key]) {
      ev.preventDefault();
      keys[ev.key]();
      apply();
      refresh();
    } else if (ev.key === "+" || ev.key === "=") {
      ev.preventDefault();
      zoomAt(W / 2, H / 2, 2);
    } else if (ev.key === "-") {
      ev.preventDefault();
      zoomAt(W / 2, H / 2, 0.5);
    }
  });
  zoomIn.addEventListener("click", () => zoomAt(W / 2, H / 2, 2));
  zoomOut.addEventListener("click", () => zoomAt(W / 2, H / 2, 0.5));
  world.addEventListener("click", () => {
    k = 1;
    tx = 0;
    ty = 0;
    apply();
    refresh();
  });

  apply();
  const [, quads] = await Promise.all([
    drawOutlines(k >= DETAIL_K ? "fine" : "coarse").catch((err) => showError(root, err)),
    api.get("/api/stats/quad", filterParams(params), signal).catch(() => null),
  ]);
  if (quads && quads.rows) total = quads.rows.reduce((m, r) => m + r.count, 0);
  await load();
}
