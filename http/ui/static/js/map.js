// Map view: the filtered events per location (GET /api/stats/places) on an
// offline equirectangular map: a latitude/longitude grid, no tiles and no
// outlines, so nothing is fetched from elsewhere and the CSP needs no
// exception. Circle area is the number of events, colour the mean
// Goldstein score. Places are focusable buttons; choosing one filters by
// its country (the events' location country, ?country=).

import { h, s, num, gs, goldsteinColor } from "./dom.js";
import * as api from "./api.js";
import { filterParams, viewHref, navigate } from "./nav.js";
import { filterForm, activeFilter } from "./filters.js";

const W = 960;
const H = 480;
// MAX_PLACES bounds the places asked for; the store has a few hundred.
const MAX_PLACES = 2000;

const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;

function grid() {
  const g = s("g", { class: "grid", "aria-hidden": "true" },
    s("rect", { class: "sea", x: 0, y: 0, width: W, height: H }));
  for (let lon = -180; lon <= 180; lon += 30) {
    g.append(s("line", { class: lon === 0 ? "axis" : null, x1: px(lon), y1: 0, x2: px(lon), y2: H }));
    if (lon > -180 && lon < 180) {
      g.append(s("text", { class: "tick", x: px(lon) + 3, y: H - 4 }, Math.abs(lon) + "°" + (lon < 0 ? "W" : lon > 0 ? "E" : "")));
    }
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    g.append(s("line", { class: lat === 0 ? "axis" : null, x1: 0, y1: py(lat), x2: W, y2: py(lat) }));
    g.append(s("text", { class: "tick", x: 4, y: py(lat) - 3 }, Math.abs(lat) + "°" + (lat < 0 ? "S" : lat > 0 ? "N" : "")));
  }
  return g;
}

// plot returns the map of places (rows of /api/stats/places).
function plot(places, params) {
  const max = Math.max(1, ...places.map((p) => p.count));
  const radius = (p) => 3 + 17 * Math.sqrt(p.count / max);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart map", role: "group", "aria-labelledby": "map-title" },
    s("title", { id: "map-title" }, "Map of " + places.length + " places"),
    grid());
  // Largest first, so smaller circles stay on top and clickable.
  const g = s("g", { class: "places" });
  for (const p of places) {
    const r = radius(p);
    const label = p.name + ", " + p.country + ": " + num(p.count) + (p.count === 1 ? " event" : " events") +
      ", mean Goldstein " + gs(p.goldstein);
    const el = s("g", {
      class: "place", tabindex: 0, role: "button", "data-country": p.country, "data-name": p.name,
      "aria-label": label + ": filter by " + p.country,
      transform: `translate(${px(p.lon).toFixed(1)} ${py(p.lat).toFixed(1)})`,
    },
    s("title", null, label + " — click to filter by " + p.country),
    s("circle", { r: r.toFixed(1), fill: goldsteinColor(p.goldstein) }));
    const go = () => navigate(viewHref("map", params, { country: p.country }));
    el.addEventListener("click", go);
    el.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        go();
      }
    });
    g.append(el);
  }
  svg.append(g);
  // One country-code label per country, beside its largest place.
  const labels = s("g", { class: "cc", "aria-hidden": "true" });
  const seen = new Set();
  for (const p of places) {
    if (!p.country || seen.has(p.country)) continue;
    seen.add(p.country);
    labels.append(s("text", { x: (px(p.lon) + radius(p) + 2).toFixed(1), y: (py(p.lat) + 4).toFixed(1) }, p.country));
  }
  svg.append(labels);
  return svg;
}

function legend() {
  const stops = [-10, -5, 0, 5, 10];
  return h("ul", { class: "legend chart-legend", "aria-label": "Legend" },
    h("li", null, "Circle colour: mean Goldstein "),
    stops.map((g) => h("li", null, h("span", { class: "swatch gs" + (g < 0 ? "m" : "p") + Math.abs(g), "aria-hidden": "true" }), (g > 0 ? "+" : "") + g)),
    h("li", null, "· circle area: number of events · labels: country codes"));
}

// mapView renders the Map view into root.
export async function mapView(root, params, { signal, book }) {
  const desc = activeFilter(params);
  root.append(h("h1", null, "Map"), filterForm("map", params, book));
  const summary = h("p", { class: "summary", tabindex: -1, "data-autofocus": "1", "aria-live": "polite" }, "Loading…");
  const tools = h("div", { class: "tools" });
  if (params.get("country")) {
    tools.append(h("a", { href: viewHref("map", params, { country: null }), class: "button" }, "All countries"));
  }
  root.append(h("div", { class: "toolbar" }, summary, tools));

  const q = filterParams(params);
  q.set("limit", String(MAX_PLACES));
  const [st, quads] = await Promise.all([
    api.get("/api/stats/places", q, signal),
    api.get("/api/stats/quad", filterParams(params), signal).catch(() => null),
  ]);
  const places = st.places || [];
  const located = places.reduce((n, p) => n + p.count, 0);
  const total = quads && quads.rows ? quads.rows.reduce((n, r) => n + r.count, 0) : null;
  summary.textContent = num(located) + (located === 1 ? " event" : " events") + " at " + num(places.length) +
    (places.length === 1 ? " place" : " places") + (desc ? " matching " + desc : "") +
    (total !== null && total > located ? " · " + num(total - located) + " more without a place are not shown" : "") +
    (places.length >= MAX_PLACES ? " · the " + num(MAX_PLACES) + " places with most events" : "");
  summary.setAttribute("data-places", String(places.length));
  if (!places.length) {
    root.append(h("p", { class: "empty" }, "No events with a place match this filter."));
    return;
  }
  root.append(h("figure", { class: "chart-box" }, plot(places, params), h("figcaption", null, legend(),
    h("span", { class: "hint" }, "Choose a place (click, or Tab and Enter) to see the events located in its country."))));
  root.append(h("details", { class: "data-table" },
    h("summary", null, "Table of the " + places.length + " places"),
    h("div", { class: "table-wrap" }, h("table", null,
      h("thead", null, h("tr", null, ["Place", "Country", "Latitude", "Longitude", "Events", "Mean Goldstein"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, places.map((p) => h("tr", null,
        h("td", null, p.name), h("td", null, p.country),
        h("td", { class: "num" }, p.lat.toFixed(2)), h("td", { class: "num" }, p.lon.toFixed(2)),
        h("td", { class: "num" }, h("a", { href: viewHref("events", params, { country: p.country }) }, num(p.count))),
        h("td", { class: "num" }, gs(p.goldstein)))))))));
}
