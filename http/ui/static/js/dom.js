// DOM helpers. Everything the UI shows from the store is untrusted, so the
// DOM is built only with createElement, setAttribute on known-safe names and
// text nodes: no innerHTML, no inline handlers, no style attributes (CSP
// forbids them anyway).

const SVG_NS = "http://www.w3.org/2000/svg";

// Attribute names h() will set from data. Event handlers are passed as
// functions under "on" and bound with addEventListener; href is checked by
// safeHref.
const SAFE_ATTR = /^(id|class|role|tabindex|title|for|name|type|value|placeholder|min|max|step|list|autocomplete|lang|dir|colspan|rowspan|scope|datetime|download|rel|hidden|disabled|checked|selected|required|open|inputmode|spellcheck|rows|cols|maxlength|pattern|(aria|data)-[a-z-]+|x|y|x1|y1|x2|y2|cx|cy|r|width|height|d|points|transform|viewBox|text-anchor|dominant-baseline|stroke-width|stroke-linecap|focusable|preserveAspectRatio)$/;

// safeHref allows only URLs of this UI and its API: a query ("?view=…"),
// an absolute path ("/api/…") or a same-origin http(s) URL. Anything else
// (javascript:, data:, other origins) becomes "#".
export function safeHref(url) {
  const s = String(url);
  if (s.startsWith("?") || (s.startsWith("/") && !s.startsWith("//"))) return s;
  try {
    const u = new URL(s, location.href);
    if (u.origin === location.origin && (u.protocol === "http:" || u.protocol === "https:")) return u.href;
  } catch (_) { /* fall through */ }
  return "#";
}

function build(el, attrs, children) {
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "text") el.textContent = String(v);
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else if (k === "class" && Array.isArray(v)) el.setAttribute("class", v.filter(Boolean).join(" "));
      else if (k === "fill" || k === "stroke" || k === "fill-opacity" || k === "stroke-opacity") {
        // Colours come from our own scales, never from data: still, allow
        // only colour-shaped values.
        if (/^(#[0-9a-f]{3,8}|rgb\([0-9., ]+\)|hsl\([0-9.%, ]+\)|none|currentColor|[0-9.]+)$/i.test(String(v))) el.setAttribute(k, String(v));
      } else if (SAFE_ATTR.test(k)) el.setAttribute(k, v === true ? "" : String(v));
      else throw new Error("h: attribute not allowed: " + k);
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// h creates an HTML element: h("a", {href: "?view=events", class: "x"}, "text", child).
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// s creates an SVG element.
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

// clear removes every child of el and returns it.
export function clear(el) {
  el.replaceChildren();
  return el;
}

const numFmt = new Intl.NumberFormat("en");

// num formats a count with thousands separators.
export function num(n) {
  return numFmt.format(n);
}

// gs formats a Goldstein score with one decimal and a sign.
export function gs(x) {
  if (typeof x !== "number" || !isFinite(x)) return "–";
  const v = Math.round(x * 10) / 10;
  return (v > 0 ? "+" : "") + v.toFixed(1);
}

// goldsteinColor maps −10…+10 to a diverging red–grey–blue scale that stays
// readable for the common forms of colour blindness.
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  // red (178,24,43) ← grey (140,140,140) → blue (33,102,172)
  const lerp = (a, b, u) => Math.round(a + (b - a) * u);
  const [r, gr, b] = t < 0
    ? [lerp(140, 178, -t), lerp(140, 24, -t), lerp(140, 43, -t)]
    : [lerp(140, 33, t), lerp(140, 102, t), lerp(140, 172, t)];
  return `rgb(${r}, ${gr}, ${b})`;
}

// QUADS names the quad classes 1–4.
export const QUADS = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};
