// The JSON API client: one request per page or aggregate, never a whole
// store. A bearer token, when the server asks for one, is kept in
// sessionStorage for this tab only.

const TOKEN_KEY = "petrel-token";

// ApiError is an error answer of the API: {"error": {code, message, param}}.
export class ApiError extends Error {
  constructor(status, code, message, param) {
    super(message || "request failed (" + status + ")");
    this.status = status;
    this.code = code || "";
    this.param = param || "";
  }
}

function headers(extra) {
  const h = Object.assign({ Accept: "application/json" }, extra);
  const tok = sessionStorage.getItem(TOKEN_KEY);
  if (tok) h.Authorization = "Bearer " + tok;
  return h;
}

// askToken shows the token dialog and resolves true when a token was given.
function askToken() {
  const dlg = document.getElementById("token-dialog");
  const input = document.getElementById("token-input");
  input.value = "";
  return new Promise((resolve) => {
    dlg.addEventListener("close", () => {
      if (dlg.returnValue === "ok" && input.value) {
        sessionStorage.setItem(TOKEN_KEY, input.value);
        resolve(true);
      } else resolve(false);
    }, { once: true });
    dlg.showModal();
  });
}

async function request(method, path, body, signal, retried) {
  const init = { method, headers: headers(body ? { "Content-Type": "application/json" } : {}), signal };
  if (body) init.body = JSON.stringify(body);
  const resp = await fetch(path, init);
  if (resp.status === 401 && !retried) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (await askToken()) return request(method, path, body, signal, true);
  }
  let data = null;
  try {
    data = await resp.json();
  } catch (_) {
    throw new ApiError(resp.status, "", "the server answered " + resp.status + " without JSON");
  }
  if (!resp.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(resp.status, e.code, e.message, e.param);
  }
  return data;
}

// get fetches path (with params, an object or URLSearchParams) as JSON.
export function get(path, params, signal) {
  const q = new URLSearchParams(params || {}).toString();
  return request("GET", q ? path + "?" + q : path, null, signal);
}

// hasToken reports whether this tab holds a bearer token.
export function hasToken() {
  return !!sessionStorage.getItem(TOKEN_KEY);
}

// getBlob fetches path with the bearer token and returns its body.
export async function getBlob(path, signal) {
  const resp = await fetch(path, { headers: headers({}), signal });
  if (!resp.ok) {
    let e = {};
    try {
      e = (await resp.json()).error || {};
    } catch (_) { /* not JSON */ }
    throw new ApiError(resp.status, e.code, e.message, e.param);
  }
  return resp.blob();
}

// post sends body as JSON to path.
export function post(path, body, signal) {
  return request("POST", path, body, signal);
}

let codebook = null;

// loadCodebook returns the CAMEO codebook as a Map from code to
// {code, name, quad_class, goldstein, plover_type, plover_mode}.
export async function loadCodebook() {
  if (!codebook) {
    codebook = fetch("codebook.json").then((r) => {
      if (!r.ok) throw new Error("codebook.json: " + r.status);
      return r.json();
    }).then((list) => new Map(list.map((c) => [c.code, c])));
  }
  return codebook;
}

// cameoName returns the CAMEO name of code from the codebook, or "".
export function cameoName(book, code) {
  const c = book && book.get(code);
  return c ? c.name : "";
}
