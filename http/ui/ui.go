// Package ui is petrel's web UI: plain HTML, CSS and JavaScript modules,
// embedded in the binary and served at "/" by package http (Config.UI).
// There is no build step: the files under static/ are what the browser
// gets. The UI only talks to the JSON API under /api/ (docs/API.md) and
// never fetches more than one page or one aggregate at a time, so it stays
// fast on a store of millions of events. docs/UI.md describes the views.
//
// Everything the UI shows from the store (article text, titles, actor and
// dictionary strings) is untrusted: the scripts build the DOM with
// createElement and textContent only, and CSP forbids inline script and
// style, so a page cannot run anything the server did not ship.
package ui

import (
	"bytes"
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"petrel/cameo"
)

// CSP is the Content-Security-Policy sent with every UI response: scripts,
// styles and images from the UI's own origin only, no inline code, no
// plugins, no <base>, no framing.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

//go:embed static
var static embed.FS

// FS holds the UI's files: index.html, app.css, the js/ modules, and
// codebook.json, the CAMEO codebook (code, name, quad class, Goldstein,
// PLOVER type and mode) generated from package cameo when the program
// starts, so the UI's names never drift from the coder's.
var FS fs.FS = newFS()

// modTime is the modification time reported for the generated files: the
// time the program started, so caches revalidate after an upgrade.
var modTime = time.Now()

func newFS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // static/ is embedded above; cannot happen
	}
	return overlay{base: sub, extra: fstest.MapFS{
		"codebook.json": &fstest.MapFile{Data: codebookJSON(), Mode: 0o444, ModTime: modTime},
	}}
}

// codebookEntry is one code of codebook.json.
type codebookEntry struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	QuadClass  int     `json:"quad_class"`
	Goldstein  float64 `json:"goldstein"`
	PloverType string  `json:"plover_type,omitempty"`
	PloverMode string  `json:"plover_mode,omitempty"`
}

func codebookJSON() []byte {
	all := cameo.All()
	out := make([]codebookEntry, 0, len(all))
	for _, c := range all {
		if c == nil {
			continue
		}
		out = append(out, codebookEntry{Code: c.Code, Name: c.Name, QuadClass: c.QuadClass,
			Goldstein: c.Goldstein, PloverType: c.PloverType, PloverMode: c.PloverMode})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(out); err != nil {
		panic(err) // plain strings and finite numbers; cannot happen
	}
	return b.Bytes()
}

// overlay is an fs.FS that serves extra's files over base's.
type overlay struct {
	base  fs.FS
	extra fstest.MapFS
}

// Open implements fs.FS.
func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.extra[name]; ok {
		return o.extra.Open(name)
	}
	return o.base.Open(name)
}

// Handler returns a handler that serves FS with the UI's security headers
// (see Secure). Package http serves FS itself through Config.UI; Handler is
// for mounting the UI elsewhere.
func Handler() http.Handler {
	return Secure(Files(FS))
}

// Files returns a handler that serves the files of fsys, as
// http.FileServerFS does, but lists no directory: a directory answers 404
// unless it holds an index.html ("/" serves the UI). A path that is not
// valid UTF-8 (such as "/%c0%ae%c0%ae/etc/passwd", an overlong "..") or
// holds a NUL answers 400, and one that fs.ValidPath rejects answers 404:
// never 500, and never a file outside fsys.
func Files(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if !utf8.ValidString(p) || strings.ContainsRune(p, 0) {
			http.Error(w, "400 bad request: invalid path", http.StatusBadRequest)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+p), "/")
		if name == "" {
			name = "."
		}
		if !fs.ValidPath(name) {
			http.NotFound(w, r)
			return
		}
		if st, err := fs.Stat(fsys, name); err == nil && st.IsDir() {
			if _, err := fs.Stat(fsys, path.Join(name, "index.html")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// Secure wraps h so that its responses carry the UI's security headers: CSP,
// X-Content-Type-Options: nosniff, a same-origin referrer policy and
// X-Frame-Options: DENY for browsers that predate frame-ancestors.
func Secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		SetHeaders(w.Header())
		h.ServeHTTP(w, r)
	})
}

// SetHeaders sets the UI's security headers on hdr.
func SetHeaders(hdr http.Header) {
	hdr.Set("Content-Security-Policy", CSP)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "same-origin")
	hdr.Set("X-Frame-Options", "DENY")
}
