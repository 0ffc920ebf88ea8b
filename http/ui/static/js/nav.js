// Navigation helpers shared by the views: the filter parameters, links
// between views, the status line and error display.

import { h } from "./dom.js";
import { ApiError } from "./api.js";

// FILTER_KEYS are the URL and API parameters of the event filter.
export const FILTER_KEYS = ["actor", "source", "target", "country", "admin1", "bbox", "code", "plover", "quad", "since", "until", "text", "article"];

// filterParams returns the filter parameters of params (URLSearchParams)
// that are set.
export function filterParams(params) {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

// viewHref returns the link to view with the filter of params and extra
// parameters.
export function viewHref(view, params, extra) {
  const q = filterParams(params || new URLSearchParams());
  q.set("view", view);
  for (const [k, v] of Object.entries(extra || {})) {
    if (v === null || v === undefined || v === "") q.delete(k);
    else q.set(k, v);
  }
  // view first, for readable links.
  const rest = [...q].filter(([k]) => k !== "view");
  return "?" + new URLSearchParams([["view", view], ...rest]).toString();
}

// setStatus shows a short message in the live status region.
export function setStatus(msg, kind) {
  const el = document.getElementById("status");
  el.className = "status" + (kind ? " " + kind : "");
  el.textContent = msg || "";
}

// showError renders an API or network error into el.
export function showError(el, err) {
  if (err && err.name === "AbortError") return;
  const msg = err instanceof ApiError
    ? err.message + (err.param ? " (" + err.param + ")" : "")
    : "Could not reach the server: " + (err && err.message ? err.message : String(err));
  el.append(h("p", { class: "error", role: "alert" }, msg));
}

// navigate goes to href (a "?…" link of this UI) and renders it.
export function navigate(href, replace) {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  window.dispatchEvent(new Event("petrel:navigate"));
}

