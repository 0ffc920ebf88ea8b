// Events view: one page of the filtered events at a time, newest first
// unless the URL says order=asc, with the server's cursor pagination
// (GET /api/events?…&order=desc&limit=N&cursor=C), so a
// page costs the same on a store of a thousand events or of millions. The
// total comes from an aggregate (GET /api/stats/quad), not from counting
// rows in the browser.

import { h, num, gs, QUADS } from "./dom.js";
import * as api from "./api.js";
import { cameoName } from "./api.js";
import { filterParams, viewHref, navigate, setStatus, showError } from "./nav.js";
import { filterForm, activeFilter } from "./filters.js";
import { exportLink } from "./export.js";

const PAGE_SIZES = ["25", "50", "100", "250", "500"];

// ORDERS are the table's orders, as the API's order parameter: newest
// first (the default: what an analyst looks at first), undated events
// last; or oldest first, undated events first.
const ORDERS = [["desc", "Newest first"], ["asc", "Oldest first"]];

// partyCell shows an event's source or target; its code links to the
// current filter narrowed to that actor on that side.
function partyCell(p, role, params) {
  if (!p) return h("td", { class: "none" }, "—");
  return h("td", null,
    h("a", { href: viewHref("events", params, { [role]: p.code }), class: "actor", title: "Only events with " + role + " " + p.code }, p.code),
    h("div", { class: "sub" }, p.text));
}

function row(ev, book, params) {
  const name = cameoName(book, ev.code);
  const pl = ev.plover && ev.plover.type ? ev.plover.type : "—";
  return h("tr", { "data-event-id": ev.event_id },
    h("td", { class: "date" }, ev.date || "—"),
    h("td", null, h("code", null, ev.code), h("div", { class: "sub" }, name)),
    partyCell(ev.source, "source", params),
    h("td", { class: "verb" }, ev.verb ? ev.verb.text : ""),
    partyCell(ev.target, "target", params),
    h("td", null, pl, ev.plover && ev.plover.mode ? h("div", { class: "sub" }, ev.plover.mode) : null),
    h("td", null, h("span", { class: ["quad", "q" + ev.quad_class], title: QUADS[ev.quad_class] || "" }, String(ev.quad_class))),
    h("td", { class: "num" }, gs(ev.goldstein)),
    h("td", { class: "sentence" }, ev.sentence),
    h("td", null, h("a", {
      href: "?view=article&id=" + encodeURIComponent(ev.article_id) + "&event=" + encodeURIComponent(ev.event_id),
      class: "article-link",
    }, ev.article_title || ev.article_id)));
}

// eventsView renders the Events view into root.
export async function eventsView(root, params, { signal, book }) {
  const filter = filterParams(params);
  const limit = PAGE_SIZES.includes(params.get("limit")) ? params.get("limit") : "50";
  const cursor = params.get("cursor") || "";
  const order = params.get("order") === "asc" ? "asc" : "desc";
  // The URL names the order only when it is not the default.
  const orderParam = order === "desc" ? null : order;
  const desc = activeFilter(params);
  root.append(
    h("h1", null, "Events"),
    filterForm("events", params, book, ["limit", "order"]));

  const summary = h("p", { class: "summary", tabindex: -1, "data-autofocus": "1", "aria-live": "polite" }, "Loading…");
  const exportStatus = h("span", { class: "export-status", role: "status" });
  const pageSize = h("select", {
    id: "page-size", on: {
      change: (e) => navigate(viewHref("events", params, { limit: e.target.value, order: orderParam })),
    },
  }, PAGE_SIZES.map((n) => h("option", { value: n, selected: n === limit }, n)));
  // A new order starts from the first page: a cursor belongs to one order.
  const orderSel = h("select", {
    id: "order", on: {
      change: (e) => navigate(viewHref("events", params, {
        limit: limit === "50" ? null : limit, order: e.target.value === "desc" ? null : e.target.value,
      })),
    },
  }, ORDERS.map(([v, t]) => h("option", { value: v, selected: v === order }, t)));
  root.append(h("div", { class: "toolbar" },
    summary,
    h("div", { class: "tools" },
      h("label", { for: "order" }, "Order"), orderSel,
      h("label", { for: "page-size" }, "Rows per page"), pageSize,
      h("span", { class: "download" }, "Download the filtered set: ",
        exportLink(filter, "csv", "CSV", exportStatus), " · ",
        exportLink(filter, "jsonl", "JSONL", exportStatus), " · ",
        exportLink(filter, "gdelt", "GDELT", exportStatus)),
      exportStatus)));

  const q = new URLSearchParams(filter);
  q.set("limit", limit);
  q.set("order", order);
  if (cursor) q.set("cursor", cursor);
  const countQ = new URLSearchParams(filter);
  const [page, quads] = await Promise.all([
    api.get("/api/events", q, signal),
    api.get("/api/stats/quad", countQ, signal).catch((err) => ({ error: err })),
  ]);
  const events = page.events || [];
  let total = null;
  if (quads && quads.rows) total = quads.rows.reduce((n, r) => n + r.count, 0);
  summary.textContent = (total !== null ? num(total) + (total === 1 ? " event" : " events") : "Events") +
    (desc ? " matching " + desc : " in the store") +
    (events.length ? (cursor ? " · a later page" : " · first page") + ", " + events.length + " shown" : "");
  summary.setAttribute("data-total", total === null ? "" : String(total));

  if (!events.length) {
    root.append(h("p", { class: "empty" }, cursor ? "No more events." : "No events match this filter."));
  } else {
    root.append(h("div", { class: "table-wrap" },
      h("table", { class: "events" },
        h("caption", { class: "visually-hidden" }, "Coded events" + (desc ? ", " + desc : "")),
        h("thead", null, h("tr", null,
          ["Date", "Event", "Source", "Verb", "Target", "PLOVER", "Quad", "Goldstein", "Sentence", "Article"]
            .map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, events.map((ev) => row(ev, book, params))))));
  }
  const nav = h("nav", { class: "pager", "aria-label": "Pages" });
  const keep = { limit: limit === "50" ? null : limit, order: orderParam };
  if (cursor) nav.append(h("a", { href: viewHref("events", params, { ...keep, cursor: null }), class: "button" }, "« First page"));
  if (page.next_cursor) {
    nav.append(h("a", { href: viewHref("events", params, { ...keep, cursor: page.next_cursor }), class: "button", rel: "next" }, "Next page ›"));
  }
  root.append(nav);
  if (quads && quads.error) showError(root, quads.error);
  setStatus("");
}
