// Article view (a stored article explained, GET /api/articles/{id}) and
// Code view (paste a text, POST /api/code, nothing stored).

import { h } from "./dom.js";
import * as api from "./api.js";
import { showError } from "./nav.js";
import { renderDocument } from "./doc.js";

// articleView renders ?view=article&id=ID[&event=EVENT_ID].
export async function articleView(root, params, { signal, book }) {
  const id = params.get("id");
  root.append(h("h1", { class: "visually-hidden" }, "Article"));
  if (!id) {
    root.append(h("p", { class: "empty" }, "No article chosen: open one from the ", h("a", { href: "?view=events" }, "event list"), "."));
    return;
  }
  const doc = await api.get("/api/articles/" + encodeURIComponent(id), null, signal);
  root.append(h("p", { class: "crumbs" }, h("a", { href: "?view=events&article=" + encodeURIComponent(id) }, "Events of this article"),
    " · ", h("a", { href: "?view=events" }, "All events")));
  root.append(renderDocument(doc, book, { eventId: params.get("event") }));
}

const SAMPLE = "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Moscow on Tuesday. " +
  "Lavrov said Moscow regretted the absence of the United States.";

// codeView renders a form that codes a pasted text without storing it.
export async function codeView(root, params, { book }) {
  const today = new Date().toISOString().slice(0, 10);
  const text = h("textarea", { id: "code-text", name: "text", rows: 5, required: true, spellcheck: "false" });
  text.value = SAMPLE;
  const date = h("input", { id: "code-date", name: "date", type: "date", value: today });
  const out = h("div", { class: "code-result", "aria-live": "polite" });
  const form = h("form", { class: "code-form", "aria-labelledby": "code-h" },
    h("div", { class: "field wide" }, h("label", { for: "code-text" }, "Text to code"), text),
    h("div", { class: "row" },
      h("div", { class: "field" },
        h("label", { for: "code-date" }, "Date of the text"),
        date,
        h("small", { class: "hint" }, "Relative dates (“on Tuesday”) resolve against it.")),
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary" }, "Code"))));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren(h("p", null, "Coding…"));
    const btn = form.querySelector("button[type=submit]");
    btn.disabled = true;
    try {
      const doc = await api.post("/api/code", { id: "pasted", text: text.value, date: date.value });
      // The pasted text has no title; say so rather than show its ID.
      if (doc.article) doc.article.title = "Coded text";
      out.replaceChildren(renderDocument(doc, book));
      const head = out.querySelector("h2");
      if (head) {
        head.setAttribute("tabindex", "-1");
        head.focus();
      }
    } catch (err) {
      out.replaceChildren();
      showError(out, err);
    } finally {
      btn.disabled = false;
    }
  });
  root.append(
    h("h1", { id: "code-h" }, "Code a text"),
    h("p", { class: "lead" }, "Paste a news text to see the events petrel codes from it, and why. Nothing is stored."),
    form, out);
}
