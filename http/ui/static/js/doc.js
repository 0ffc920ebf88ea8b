// The explanation of one coded article: its text with every actor mention,
// event verb, source, target, place and quotation highlighted from the
// coder's byte spans, and beside it each event with its code, CAMEO name,
// PLOVER type, rule and spans. Shared by the Article and Code views.

import { h, gs, QUADS } from "./dom.js";
import { cameoName } from "./api.js";
import { byteMap, markText } from "./spans.js";

// externalHref returns url when it is an http(s) URL (an article's link to
// its outlet), else null: javascript:, data: and the like are never links.
export function externalHref(url) {
  if (!url) return null;
  try {
    const u = new URL(String(url));
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (_) { /* not a URL */ }
  return null;
}

function party(p) {
  if (!p) return h("span", { class: "none" }, "none");
  return h("span", { class: "party" },
    h("code", null, p.code || "?"), " ",
    h("q", null, p.text));
}

function span(label, s) {
  if (!s || s.end <= s.start) return null;
  return h("li", null, label + " ", h("code", null, s.start + "–" + s.end));
}

// eventItem renders one event of the list.
function eventItem(ev, i, book) {
  const name = cameoName(book, ev.code);
  const quad = QUADS[ev.quad_class] || "";
  const pl = ev.plover && ev.plover.type ? ev.plover.type + (ev.plover.mode ? " / " + ev.plover.mode : "") : "—";
  const loc = ev.location;
  return h("li", { class: "event-item", tabindex: 0, "data-key": "e" + i, "data-event-id": ev.event_id, "aria-describedby": null },
    h("div", { class: "ev-head" },
      h("code", { class: "ev-code" }, ev.code), " ",
      h("span", { class: "ev-name" }, name || "(unknown code)"), " ",
      h("span", { class: ["quad", "q" + ev.quad_class] }, quad), " ",
      h("span", { class: "gs", title: "Goldstein score" }, gs(ev.goldstein))),
    h("div", { class: "ev-who" },
      party(ev.source), h("span", { class: "arrow", "aria-hidden": "true" }, " → "),
      h("strong", { class: "verb" }, ev.verb ? ev.verb.text : ""),
      h("span", { class: "arrow", "aria-hidden": "true" }, " → "),
      party(ev.target)),
    h("dl", { class: "ev-facts" },
      h("dt", null, "PLOVER"), h("dd", null, pl),
      h("dt", null, "Rule"), h("dd", null, h("code", null, ev.rule || "—")),
      ev.qualifier ? [h("dt", null, "Qualifier"), h("dd", null, ev.qualifier)] : null,
      h("dt", null, "Date"), h("dd", null, ev.date || "unknown"),
      loc ? [h("dt", null, "Place"), h("dd", null, (loc.name || loc.country) + (loc.name && loc.country ? ", " + loc.country : "") +
        (typeof loc.lat === "number" ? " (" + loc.lat.toFixed(2) + ", " + loc.lon.toFixed(2) + ")" : ""))] : null,
      h("dt", null, "Spans (bytes)"),
      h("dd", null, h("ul", { class: "spans" },
        span("source", ev.source),
        span("verb", ev.verb),
        span("target", ev.target),
        span("place", loc)))));
}

// renderDocument returns the explanation of doc (a petrel.Document or a
// stored article). opts.eventId marks one event as selected.
export function renderDocument(doc, book, opts = {}) {
  const art = doc.article || {};
  const text = art.text || "";
  const b2i = byteMap(text);
  const events = doc.events || [];
  const mentions = doc.mentions || [];
  const quotes = doc.quotes || [];
  const marks = [];
  const mk = (s, cls, keys, title) => {
    if (s && typeof s.start === "number" && s.end > s.start) {
      marks.push({ start: b2i(s.start), end: b2i(s.end), cls, keys, title });
    }
  };
  quotes.forEach((q, i) => mk(q.span, "m-quote", ["q" + i],
    "quote" + (q.speaker ? " of " + q.speaker.code : ", speaker unknown")));
  mentions.forEach((m, i) => mk(m.span, "m-actor", ["m" + i], m.code + " (" + m.kind + (m.rule ? ", " + m.rule : "") + ")"));
  events.forEach((ev, i) => {
    const k = ["e" + i];
    mk(ev.source, "m-source", k, "source of " + ev.code);
    mk(ev.verb, "m-verb", k, "verb of " + ev.code + (ev.rule ? " (rule " + ev.rule + ")" : ""));
    mk(ev.target, "m-target", k, "target of " + ev.code);
    if (ev.location) mk(ev.location, "m-loc", k, "place: " + (ev.location.name || ev.location.country));
  });
  const { el: textEl, byKey } = markText(text, marks);

  const light = (key, on, cls = "hl") => {
    for (const seg of byKey.get(key) || []) seg.classList.toggle(cls, on);
  };
  const list = h("ol", { class: "event-list" }, events.map((ev, i) => eventItem(ev, i, book)));
  let pinned = null;
  for (const li of list.children) {
    const key = li.dataset.key;
    li.addEventListener("mouseenter", () => light(key, true));
    li.addEventListener("mouseleave", () => light(key, false));
    li.addEventListener("focus", () => light(key, true));
    li.addEventListener("blur", () => light(key, false));
    const pin = () => {
      if (pinned) {
        light(pinned.dataset.key, false, "pinned");
        pinned.classList.remove("selected");
        pinned.removeAttribute("aria-current");
      }
      pinned = li;
      li.classList.add("selected");
      li.setAttribute("aria-current", "true");
      light(key, true, "pinned");
      const first = (byKey.get(key) || [])[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    };
    li.addEventListener("click", pin);
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pin();
      } else if (e.key === "ArrowDown" && li.nextElementSibling) {
        e.preventDefault();
        li.nextElementSibling.focus();
      } else if (e.key === "ArrowUp" && li.previousElementSibling) {
        e.preventDefault();
        li.previousElementSibling.focus();
      }
    });
  }

  const href = externalHref(art.url);
  const header = h("header", { class: "doc-head" },
    h("h2", { id: "doc-title" }, art.title || art.id || "Untitled text"),
    h("p", { class: "meta" },
      art.id ? ["ID ", h("code", null, art.id), " · "] : null,
      art.date ? "dated " + art.date.slice(0, 10) + " · " : "no date · ",
      art.source ? art.source + " · " : null,
      b2i.bytes + " bytes · ",
      events.length + (events.length === 1 ? " event" : " events") + " · ",
      mentions.length + " actor mentions",
      doc.dict_version ? [" · dictionaries ", h("code", null, doc.dict_version)] : null,
      href ? [" · ", h("a", { class: "external", rel: "noopener noreferrer nofollow", referrerpolicy: null, "data-external": "1" }, "original")] : null));
  if (href) {
    // safeHref would refuse an external origin: set it here, after
    // externalHref allowed only http(s).
    header.querySelector("a.external").setAttribute("href", href);
  }
  const dups = doc.duplicates || [];
  if (dups.length) {
    header.append(h("p", { class: "meta" }, "Same story as: ",
      dups.map((id, i) => [i ? ", " : "", h("a", { href: "?view=article&id=" + encodeURIComponent(id) }, id)])));
  }

  const legend = h("ul", { class: "legend", "aria-label": "Highlight legend" },
    h("li", null, h("span", { class: "m-source sw" }, "source")),
    h("li", null, h("span", { class: "m-verb sw" }, "verb")),
    h("li", null, h("span", { class: "m-target sw" }, "target")),
    h("li", null, h("span", { class: "m-actor sw" }, "actor mention")),
    h("li", null, h("span", { class: "m-loc sw" }, "place")),
    h("li", null, h("span", { class: "m-quote sw" }, "quotation")));

  const quoteList = quotes.length
    ? h("ul", { class: "quotes" }, quotes.map((q) => h("li", null,
      h("blockquote", null, q.text),
      h("p", { class: "speaker" }, "— ", q.speaker ? party(q.speaker) : h("span", { class: "none" }, "speaker unknown")))))
    : h("p", { class: "none" }, "No quotations.");

  const skipped = (doc.skipped || []).map((sk) => h("li", null,
    sk.sentence < 0 ? "Whole article" : "Sentence " + sk.sentence, ": ", sk.reason, sk.rule ? [" (", h("code", null, sk.rule), ")"] : null));
  const problems = (doc.problems || []).map((p) => h("li", null, p.message));

  const side = h("div", { class: "doc-side" },
    h("section", { "aria-labelledby": "events-h" },
      h("h3", { id: "events-h" }, "Events"),
      events.length ? h("p", { class: "hint" }, "Hover or focus an event to highlight its words; Enter pins it.") : null,
      events.length ? list : h("p", { class: "none" }, "The coder found no events in this text.")),
    h("section", { "aria-labelledby": "quotes-h" },
      h("h3", { id: "quotes-h" }, "Quotations"), quoteList),
    skipped.length ? h("section", { "aria-labelledby": "skip-h" },
      h("h3", { id: "skip-h" }, "Left out"), h("ul", null, skipped)) : null,
    problems.length ? h("section", { "aria-labelledby": "prob-h" },
      h("h3", { id: "prob-h" }, "Input problems"), h("ul", null, problems)) : null);

  const root = h("article", { class: "doc", "aria-labelledby": "doc-title" },
    header,
    h("div", { class: "doc-body" },
      h("section", { class: "doc-text", "aria-label": "Article text" }, legend, textEl),
      side));

  if (opts.eventId) {
    const li = list.querySelector(`[data-event-id="${CSS.escape(opts.eventId)}"]`);
    if (li) requestAnimationFrame(() => li.click());
  }
  return root;
}
