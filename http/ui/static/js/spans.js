// Byte offsets and highlighting. petrel's spans are half-open UTF-8 BYTE
// ranges into the article text; JavaScript strings index UTF-16 code units.
// byteMap builds the conversion once per text, so every span converts in
// O(1) however many there are.

import { h } from "./dom.js";

// byteMap returns a function from a UTF-8 byte offset of text to the
// UTF-16 index of the same position. An offset inside a multi-byte
// character maps to that character's start; offsets past the end clamp to
// text.length. Lone surrogates count as 3 bytes, as Go writes them (U+FFFD).
export function byteMap(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  // Uint32Array: one slot per byte plus the end; 4 bytes a slot is fine for
  // an article, and far cheaper than re-encoding per span.
  const map = new Uint32Array(n + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let len = 3;
    let units = 1;
    if (c < 0x80) len = 1;
    else if (c < 0x800) len = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      len = 4;
      units = 2;
    }
    for (let k = 0; k < len; k++) map[b + k] = i;
    b += len;
    i += units - 1;
  }
  map[n] = text.length;
  const conv = (off) => {
    if (typeof off !== "number" || !(off > 0)) return 0;
    return off >= n ? text.length : map[off];
  };
  conv.bytes = n;
  return conv;
}

// markText renders text with marks: [{start, end, cls, keys, title}] in
// UTF-16 indices. Overlapping marks are split into segments, each a <span>
// with the classes of every mark covering it. It returns the element and a
// Map from each key to the segments carrying it, so a caller can highlight
// all the words of one event at once.
export function markText(text, marks) {
  const valid = marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length);
  const points = new Set([0, text.length]);
  for (const m of valid) {
    points.add(m.start);
    points.add(m.end);
  }
  const cuts = [...points].sort((a, b) => a - b);
  const starts = new Map();
  for (const m of valid) {
    if (!starts.has(m.start)) starts.set(m.start, []);
    starts.get(m.start).push(m);
  }
  const byKey = new Map();
  const root = h("div", { class: "article-text" });
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    active = active.filter((m) => m.end > a);
    if (starts.has(a)) active.push(...starts.get(a));
    const piece = text.slice(a, b);
    if (active.length === 0) {
      root.append(piece);
      continue;
    }
    const cls = new Set();
    const titles = [];
    for (const m of active) {
      for (const c of m.cls.split(" ")) cls.add(c);
      if (m.title && !titles.includes(m.title)) titles.push(m.title);
    }
    const seg = h("span", { class: [...cls].join(" "), title: titles.join("\n") || null }, piece);
    for (const m of active) {
      for (const k of m.keys || []) {
        if (!byKey.has(k)) byKey.set(k, []);
        byKey.get(k).push(seg);
      }
    }
    root.append(seg);
  }
  return { el: root, byKey };
}
