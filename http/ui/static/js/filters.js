// The event filter form shared by the Events, Timeline, Network and Map
// views. Its fields are named as the API's parameters; submitting it
// navigates to the same view with the new filter, so the URL always holds
// the filter and can be shared.

import { h } from "./dom.js";
import * as api from "./api.js";
import { FILTER_KEYS, navigate } from "./nav.js";

let actorTimer = 0;

// actorSuggest fills the shared datalist with actor codes that start with
// what was typed, most frequent first (GET /api/actors?q=…&limit=20).
function actorSuggest(e) {
  const q = e.target.value.trim();
  clearTimeout(actorTimer);
  if (!/^[A-Za-z0-9]{1,64}$/.test(q)) return;
  actorTimer = setTimeout(async () => {
    try {
      const r = await api.get("/api/actors", { q: q.toUpperCase(), limit: 20 });
      const dl = document.getElementById("actor-codes");
      if (!dl) return;
      dl.replaceChildren(...(r.actors || []).map((a) =>
        h("option", { value: a.code }, a.code + " (" + a.count + ")")));
    } catch (_) { /* suggestions are optional */ }
  }, 200);
}

function field(id, label, input, hint) {
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    input,
    hint ? h("small", { id: id + "-hint", class: "hint" }, hint) : null);
}

// filterForm returns the filter form for view, filled from params. keep
// lists view-specific parameters (interval, top, limit) to carry over.
export function filterForm(view, params, book, keep = []) {
  const val = (k) => params.get(k) || "";
  const actorInput = (name, label) => field("f-" + name, label,
    h("input", {
      id: "f-" + name, name, value: val(name), list: "actor-codes", autocomplete: "off",
      pattern: "[A-Za-z0-9]{1,64}", placeholder: "RUS, RUSGOV", spellcheck: "false",
      on: { input: actorSuggest },
    }));
  const ploverTypes = [...new Set([...book.values()].map((c) => c.plover_type).filter(Boolean))].sort();
  const plover = h("select", { id: "f-plover", name: "plover" },
    h("option", { value: "" }, "any"),
    ploverTypes.map((t) => h("option", { value: t, selected: val("plover") === t }, t)));
  const quad = h("select", { id: "f-quad", name: "quad" },
    h("option", { value: "" }, "any"),
    [["1", "Verbal cooperation"], ["2", "Material cooperation"], ["3", "Verbal conflict"], ["4", "Material conflict"]]
      .map(([v, t]) => h("option", { value: v, selected: val("quad") === v }, v + " · " + t)));
  const codes = h("datalist", { id: "cameo-codes" },
    [...book.values()].map((c) => h("option", { value: c.code }, c.code + " " + c.name)));

  const form = h("form", { class: "filters", role: "search", "aria-label": "Filter events" },
    h("datalist", { id: "actor-codes" }),
    val("article") ? h("input", { type: "hidden", name: "article", value: val("article") }) : null,
    codes,
    h("div", { class: "fields" },
      actorInput("actor", "Actor (either side)"),
      actorInput("source", "Source actor"),
      actorInput("target", "Target actor"),
      field("f-country", "Location country",
        h("input", { id: "f-country", name: "country", value: val("country"), autocomplete: "off", pattern: "[A-Za-z0-9]{1,64}", placeholder: "UKR", spellcheck: "false" })),
      field("f-admin1", "Province or state",
        h("input", { id: "f-admin1", name: "admin1", value: val("admin1"), autocomplete: "off", maxlength: 200, placeholder: "UA.65, Kherson Oblast", spellcheck: "false" })),
      field("f-bbox", "Box",
        h("input", { id: "f-bbox", name: "bbox", value: val("bbox"), autocomplete: "off", inputmode: "decimal", spellcheck: "false",
          pattern: "\\s*-?[0-9.]+(\\s*,\\s*-?[0-9.]+){3}\\s*", placeholder: "W,S,E,N lon/lat: 22,44,41,53" })),
      field("f-code", "CAMEO code or root",
        h("input", { id: "f-code", name: "code", value: val("code"), list: "cameo-codes", autocomplete: "off", inputmode: "numeric", pattern: "[0-9]{1,4}", placeholder: "04, 043" })),
      field("f-plover", "PLOVER type", plover),
      field("f-quad", "Quad class", quad),
      field("f-since", "From", h("input", { id: "f-since", name: "since", type: "date", value: val("since") })),
      field("f-until", "To", h("input", { id: "f-until", name: "until", type: "date", value: val("until") })),
      field("f-text", "Words in sentence", h("input", { id: "f-text", name: "text", type: "search", value: val("text"), maxlength: 1024, placeholder: "ceasefire talks" })),
      h("div", { class: "buttons" },
        h("button", { type: "submit", class: "primary" }, "Apply filter"),
        h("a", { href: "?view=" + view, class: "button" }, "Clear"))));

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const q = new URLSearchParams();
    q.set("view", view);
    for (const k of FILTER_KEYS) {
      const v = String(fd.get(k) || "").trim();
      if (v) q.set(k, ["actor", "source", "target", "country"].includes(k) ? v.toUpperCase() : v);
    }
    for (const k of keep) {
      const v = params.get(k);
      if (v) q.set(k, v);
    }
    navigate("?" + q.toString());
  });
  return form;
}

// activeFilter describes the filter of params in words, for headings.
export function activeFilter(params) {
  const parts = [];
  const v = (k) => params.get(k);
  if (v("actor")) parts.push("actor " + v("actor"));
  if (v("source")) parts.push("source " + v("source"));
  if (v("target")) parts.push("target " + v("target"));
  if (v("country")) parts.push("located in " + v("country"));
  if (v("admin1")) parts.push("in " + v("admin1"));
  if (v("bbox")) parts.push("inside " + v("bbox").split(",").map((x) => x.trim()).join(", "));
  if (v("code")) parts.push("code " + v("code") + "…");
  if (v("plover")) parts.push("PLOVER " + v("plover"));
  if (v("quad")) parts.push("quad class " + v("quad"));
  if (v("since") && v("until")) parts.push(v("since") + " to " + v("until"));
  else if (v("since")) parts.push("from " + v("since"));
  else if (v("until")) parts.push("until " + v("until"));
  if (v("text")) parts.push("“" + v("text") + "”");
  if (v("article")) parts.push("article " + v("article"));
  return parts.join(", ");
}
