// A small TopoJSON reader for the map's country outlines
// (geo/countries-110m.json and geo/countries-50m.json, Natural Earth via
// world-atlas). TopoJSON stores each shared border once, as an "arc" of
// delta-encoded integer positions; a polygon's ring is a list of arc
// indices, where ~i means arc i walked backwards.

// decodeArcs returns the arcs of topology as arrays of [lon, lat] pairs.
export function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0], p[1]]);
    // Quantized: the first position is absolute, the others are deltas.
    const [sx, sy] = t.scale;
    const [dx, dy] = t.translate;
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * sx + dx, y * sy + dy];
    });
  });
}

// ring joins the arcs of one ring; consecutive arcs share their end point,
// which is kept once.
function ring(arcs, indices) {
  const out = [];
  for (const i of indices) {
    const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    for (let j = out.length ? 1 : 0; j < a.length; j++) out.push(a[j]);
  }
  return out;
}

// rings returns every ring (outer boundaries and holes) of a geometry.
function rings(arcs, g, out) {
  switch (g.type) {
    case "Polygon":
      for (const r of g.arcs) out.push(ring(arcs, r));
      break;
    case "MultiPolygon":
      for (const poly of g.arcs) for (const r of poly) out.push(ring(arcs, r));
      break;
    case "GeometryCollection":
      for (const c of g.geometries) rings(arcs, c, out);
      break;
    default: // points, lines and null geometries have no area to draw
  }
  return out;
}

// features returns the geometries of the named object of topology as
// {id, name, rings}, each ring an array of [lon, lat].
export function features(topology, name) {
  const arcs = decodeArcs(topology);
  const obj = topology.objects[name];
  const geoms = obj.type === "GeometryCollection" ? obj.geometries : [obj];
  return geoms.map((g) => ({
    id: g.id || "",
    name: (g.properties && g.properties.name) || "",
    rings: rings(arcs, g, []),
  }));
}

// unwrap makes a ring's longitudes continuous: world-atlas keeps spherical
// polygons whole, so a ring that crosses the antimeridian (Russia's
// Chukotka, Fiji) jumps from 180 to -180, which a flat map would draw as a
// line across the world. Each point after such a jump is shifted by 360°
// instead. A ring that goes all the way round a pole (Antarctica) is closed
// through that pole.
function unwrap(r) {
  const out = [];
  let shift = 0;
  let prev = null;
  for (const [lon, lat] of r) {
    if (prev !== null) {
      const d = lon + shift - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    prev = lon + shift;
    out.push([prev, lat]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    const mean = out.reduce((m, p) => m + p[1], 0) / out.length;
    const pole = mean < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole]);
  }
  return out;
}

// pathData returns SVG path data for rings, projected by project([lon,
// lat]) → [x, y] and rounded to digits decimals; points that round to the
// previous one are left out. Holes come out right with fill-rule evenodd.
// A ring that reaches past ±180° once unwrapped is drawn a second time
// 360° over, so that both of its halves show on the flat map.
export function pathData(rings, project, digits) {
  const parts = [];
  const add = (r, shift) => {
    let prev = "";
    const pts = [];
    for (const p of r) {
      const [x, y] = project([p[0] + shift, p[1]]);
      const xy = x.toFixed(digits) + " " + y.toFixed(digits);
      if (xy !== prev) pts.push(xy);
      prev = xy;
    }
    if (pts.length >= 3) parts.push("M" + pts.join("L") + "Z");
  };
  for (const raw of rings) {
    if (raw.length < 3) continue;
    const r = unwrap(raw);
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of r) {
      lo = Math.min(lo, p[0]);
      hi = Math.max(hi, p[0]);
    }
    add(r, 0);
    if (hi > 180) add(r, -360);
    if (lo < -180) add(r, 360);
  }
  return parts.join("");
}

const cache = new Map();

// loadTopology fetches and parses a TopoJSON file of the UI once.
export function loadTopology(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(path).then((r) => {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    }).catch((err) => {
      cache.delete(path);
      throw err;
    }));
  }
  return cache.get(path);
}
