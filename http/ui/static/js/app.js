// petrel web UI: a small router over views that each render from the URL's
// query string, so every view, filter and page is a shareable link
// ("?view=events&actor=RUS&code=04"). Filter parameters have the API's
// names, so a view passes them to /api/ unchanged.

import { clear } from "./dom.js";
import * as api from "./api.js";
import { viewHref, navigate, setStatus, showError } from "./nav.js";
import { eventsView } from "./events.js";
import { timelineView } from "./timeline.js";
import { networkView } from "./network.js";
import { mapView } from "./map.js";
import { articleView, codeView } from "./views.js";

const VIEWS = {
  events: eventsView,
  timeline: timelineView,
  network: networkView,
  map: mapView,
  article: articleView,
  code: codeView,
};

let controller = null;
let lastView = null;

async function render() {
  const params = new URLSearchParams(location.search);
  let view = params.get("view") || "events";
  if (!VIEWS[view]) view = "events";
  for (const a of document.querySelectorAll("header [data-nav]")) {
    if (a.dataset.nav === view && !a.classList.contains("brand")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
    // Keep the filter when switching between the filtered views.
    if (["events", "timeline", "network", "map"].includes(a.dataset.nav)) {
      a.setAttribute("href", viewHref(a.dataset.nav, params));
    }
  }
  if (controller) controller.abort();
  controller = new AbortController();
  const main = clear(document.getElementById("main"));
  // Each render gets its own container, so a render that was superseded
  // writes into a detached node and never into the page.
  const root = document.createElement("div");
  root.className = "view view-" + view;
  main.append(root);
  main.setAttribute("aria-busy", "true");
  setStatus("");
  const changedView = view !== lastView;
  lastView = view;
  try {
    const book = await api.loadCodebook();
    await VIEWS[view](root, params, { signal: controller.signal, book });
  } catch (err) {
    showError(root, err);
  } finally {
    main.removeAttribute("aria-busy");
  }
  if (changedView) {
    const h1 = main.querySelector("h1");
    if (h1) {
      h1.setAttribute("tabindex", "-1");
      h1.focus({ preventScroll: true });
    }
  } else {
    const target = main.querySelector("[data-autofocus]");
    if (target) target.focus({ preventScroll: true });
  }
}

// Links inside the UI ("?view=…") navigate without a page load.
document.addEventListener("click", (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest("a[href]");
  if (!a) return;
  const href = a.getAttribute("href");
  if (!href.startsWith("?")) return;
  e.preventDefault();
  navigate(href);
});

window.addEventListener("popstate", render);
window.addEventListener("petrel:navigate", render);
render();
