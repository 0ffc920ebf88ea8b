// Download of exactly the filtered set of events, as CSV (the columns of
// `petrel code --format csv`, docs/OUTPUT.md) or JSON Lines (one stored
// event per line). The browser walks the API's cursor pages of up to
// 10,000 events and builds the file as it goes; past MAX_EXPORT events it
// stops and points to `petrel query`, which streams any size.

import * as api from "./api.js";

// MAX_EXPORT caps a download built in the browser.
export const MAX_EXPORT = 200000;
const PAGE = 10000;

const CSV_HEADER = ["event_id", "article_id", "sentence_index", "date", "code", "root_code", "quad_class", "goldstein",
  "plover_type", "plover_mode", "source_code", "source_country", "source_text", "source_start", "source_end",
  "target_code", "target_country", "target_text", "target_start", "target_end", "verb_text", "verb_start", "verb_end",
  "location_name", "location_country", "lat", "lon", "rule", "sentence"];

function csvField(v) {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function partyCols(p) {
  return p ? [p.code, p.country, p.text, p.start, p.end] : ["", "", "", "", ""];
}

function csvRow(e) {
  const pl = e.plover || {};
  const loc = e.location;
  const v = e.verb || {};
  return [e.event_id, e.article_id, e.sentence_index, e.date, e.code, e.root_code, e.quad_class, e.goldstein,
    pl.type, pl.mode, ...partyCols(e.source), ...partyCols(e.target), v.text, v.start, v.end,
    loc ? loc.name : "", loc ? loc.country : "", loc ? loc.lat : "", loc ? loc.lon : "", e.rule, e.sentence]
    .map(csvField).join(",") + "\n";
}

// buildExport fetches the events matching filter (URLSearchParams) and
// returns the lines of the file in format "csv" or "jsonl", the number of
// events, and whether it stopped at MAX_EXPORT. progress(n) is called after
// each page.
export async function buildExport(filter, format, progress) {
  const parts = format === "csv" ? [CSV_HEADER.join(",") + "\n"] : [];
  let cursor = "";
  let n = 0;
  for (;;) {
    const q = new URLSearchParams(filter);
    q.set("limit", String(PAGE));
    if (cursor) q.set("cursor", cursor);
    const page = await api.get("/api/events", q);
    for (const e of page.events || []) {
      parts.push(format === "csv" ? csvRow(e) : JSON.stringify(e) + "\n");
    }
    n += (page.events || []).length;
    if (progress) progress(n);
    cursor = page.next_cursor;
    if (!cursor) return { parts, n, capped: false };
    if (n >= MAX_EXPORT) return { parts, n, capped: true };
  }
}

// exportEvents downloads the events matching filter (URLSearchParams) in
// format "csv" or "jsonl", reporting progress in statusEl.
export async function exportEvents(filter, format, statusEl) {
  const { parts, n, capped } = await buildExport(filter, format, (k) => {
    statusEl.textContent = "Fetched " + k.toLocaleString("en") + " events…";
  });
  if (capped) {
    statusEl.textContent = "Stopped at " + n.toLocaleString("en") +
      " events: for larger sets use `petrel query` on the server, which streams any size.";
    return;
  }
  const blob = new Blob(parts, { type: format === "csv" ? "text/csv" : "application/x-ndjson" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "petrel-events." + format;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  statusEl.textContent = "Downloaded " + n.toLocaleString("en") + " events as " + format.toUpperCase() + ".";
}
