// Download of exactly the filtered set of events, as CSV (the columns of
// `petrel code --format csv`, docs/OUTPUT.md) or JSON Lines (one stored
// event per line): plain links to GET /api/events?format=…, which the
// server streams from a database cursor, so a download of any size costs
// the browser nothing. Only when this tab holds a bearer token (a server
// run with --token-reads) does the click go through fetch, to send it.

import { h } from "./dom.js";
import * as api from "./api.js";

// exportHref returns the API URL of the filtered set (URLSearchParams) in
// format "csv", "jsonl" or "gdelt".
export function exportHref(filter, format) {
  const q = new URLSearchParams(filter);
  q.set("format", format);
  return "/api/events?" + q.toString();
}

const EXT = { csv: "csv", jsonl: "jsonl", gdelt: "tsv" };

// exportLink returns a download link for the filtered set in format.
// statusEl shows errors of a token download.
export function exportLink(filter, format, label, statusEl) {
  const href = exportHref(filter, format);
  const name = "petrel-events." + EXT[format];
  return h("a", {
    href, download: name, class: "export", "data-export": format,
    on: {
      click: async (e) => {
        if (!api.hasToken()) return; // the browser streams it to disk
        e.preventDefault();
        statusEl.textContent = "Downloading…";
        try {
          const blob = await api.getBlob(href);
          const a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
          statusEl.textContent = "";
        } catch (err) {
          statusEl.textContent = "Download failed: " + (err && err.message ? err.message : String(err));
        }
      },
    },
  }, label);
}
