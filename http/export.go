package http

import (
	"bufio"
	"encoding/json"
	"net/http"
	"time"

	"petrel"
	"petrel/output"
)

// exportTypes are the Content-Type and file name extension of each export
// format.
var exportTypes = map[string]struct{ contentType, ext string }{
	"csv":   {"text/csv; charset=utf-8", "csv"},
	"jsonl": {"application/x-ndjson; charset=utf-8", "jsonl"},
	"gdelt": {"text/tab-separated-values; charset=utf-8", "tsv"},
}

// exportWriter sends the response headers on the first write, so that an
// error found before any byte of the file (a bad filter) still gets a JSON
// error answer with its status.
type exportWriter struct {
	w       http.ResponseWriter
	format  string
	started bool
}

func (x *exportWriter) start() {
	if x.started {
		return
	}
	x.started = true
	t := exportTypes[x.format]
	h := x.w.Header()
	h.Set("Content-Type", t.contentType)
	h.Set("Content-Disposition", `attachment; filename="petrel-events.`+t.ext+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	x.w.WriteHeader(http.StatusOK)
}

func (x *exportWriter) Write(p []byte) (int, error) {
	x.start()
	return x.w.Write(p)
}

// isExport reports whether r asks for a whole-set export, which runs under
// Config.ExportTimeout rather than RequestTimeout.
func isExport(r *http.Request) bool {
	if r.Method != http.MethodGet || r.URL.Path != "/api/events" {
		return false
	}
	f := r.URL.Query().Get("format")
	return f != "" && f != "json"
}

// handleExport streams every event that matches the request's filter in
// format (csv, jsonl or gdelt), ignoring limit, offset and cursor. Rows go
// from the database cursor to the client through fixed-size buffers, so
// the set may be any size. Once the first byte is sent an error can no
// longer become a status: the connection is then aborted, so that a
// truncated file fails in the client instead of passing for a whole one.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request, format string) {
	q := r.URL.Query()
	for _, k := range []string{"limit", "offset", "cursor"} {
		q.Del(k)
	}
	f, err := FilterFromQuery(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// The server's WriteTimeout is sized for one page; an export may take
	// as long as its own deadline.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.ExportTimeout + 30*time.Second))

	x := &exportWriter{w: w, format: format}
	var write func(*petrel.StoredEvent) error
	var flush func() error
	if format == "jsonl" {
		// The stored event, as GET /api/events returns it.
		bw := bufio.NewWriterSize(x, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(true)
		write = func(e *petrel.StoredEvent) error { return enc.Encode(e) }
		flush = bw.Flush
	} else {
		ow, err := output.New(format, x)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		// The GDELT export of undated events has empty date columns: say
		// so in the log, once per export.
		ow = output.WithWarnings(ow, func(msg string) { s.cfg.Logger.Warn("http: export", "path", r.URL.Path, "warning", msg) })
		// One document per event, reused: the writers read the article's
		// ID, title, URL and source, and the event.
		d := &petrel.Document{Events: make([]petrel.Event, 1)}
		write = func(e *petrel.StoredEvent) error {
			d.Article = petrel.Article{ID: e.ArticleID, Title: e.ArticleTitle, URL: e.ArticleURL, Source: e.ArticleSource}
			d.Events[0] = e.Event
			return ow.Write(d)
		}
		flush = ow.Close
	}
	err = s.cfg.Store.EachEvent(r.Context(), f, write)
	if err == nil {
		err = flush()
	}
	if err == nil {
		x.start() // an empty JSON Lines file has no first write
		return
	}
	if !x.started {
		s.Error(w, r, err)
		return
	}
	if r.Context().Err() == nil {
		s.cfg.Logger.Error("http: export", "path", r.URL.Path, "err", err)
	}
	panic(http.ErrAbortHandler)
}
