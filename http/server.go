// Package http serves a petrel.Store as a JSON API: events with filters and
// cursor pagination, articles with their evidence, aggregates for charts,
// coding without storing, and ingest. docs/API.md documents every endpoint.
//
// A web UI can be mounted at "/" through Config.UI; without one, "/" is 404.
package http

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	"golang.org/x/sync/semaphore"

	"petrel"
	"petrel/http/ui"
)

// Defaults for Config's zero values.
const (
	DefaultMaxBodyBytes   = 10 << 20
	DefaultMaxCodeBytes   = 1 << 20
	DefaultRequestTimeout = 30 * time.Second
	DefaultExportTimeout  = 10 * time.Minute
)

// Config configures a Server.
type Config struct {
	Store petrel.Store
	// Coder codes articles for POST /api/code and POST /api/articles.
	// Without one, those endpoints answer 500.
	Coder petrel.Coder
	// DictVersion is recorded with articles ingested over HTTP.
	DictVersion string
	// Token, when set, is the bearer token that POST endpoints require,
	// and read endpoints too when TokenReads is set.
	Token      string
	TokenReads bool
	// AllowedHosts are host names, besides localhost and loopback
	// addresses, that a server listening on loopback answers (see
	// Open): the names a reverse proxy on the same machine passes on.
	AllowedHosts []string
	// AllowAnonymousWrites lets POST /api/articles write to the store
	// without a token when Token is empty. Without it (and without a
	// Token) the write endpoints answer 403: a server that anyone can
	// reach must not let anyone write.
	AllowAnonymousWrites bool
	// UI is served at "/" (index.html for directories). Nil means 404.
	UI fs.FS
	// MaxBodyBytes caps a request body; larger bodies get 413.
	MaxBodyBytes int64
	// MaxCodeBytes caps the text of one POST /api/code request (its body
	// may be twice that, for JSON escapes); more gets 413. Coding is
	// interactive: a document runs to about 25 times its text in JSON.
	MaxCodeBytes int64
	// RequestTimeout bounds each request's work.
	RequestTimeout time.Duration
	// ExportTimeout bounds a whole-set export (GET /api/events?format=…),
	// which streams for as long as the set takes to send.
	ExportTimeout time.Duration
	// Logger receives internal errors. Nil means slog.Default().
	Logger *slog.Logger
	// MaxIngestBytes caps the body of POST /api/articles, below
	// MaxBodyBytes: coding and storing are the costliest work a request
	// can ask for. Zero means DefaultMaxIngestBytes.
	MaxIngestBytes int64
	// WriteWait bounds how long POST /api/articles waits for the store's
	// write lock, held by the server's other writes; past it the request
	// gets 503 with Retry-After. Zero means DefaultWriteWait.
	WriteWait time.Duration
	// MaxCodingBytes caps the text that POST /api/articles and POST
	// /api/code requests code at once, counted as their bodies' (ingest)
	// or texts' (code) bytes: a coded document is held whole, up to about
	// 15 times its text, until it is stored or sent, so requests past the
	// cap wait, at most WriteWait, for others to finish, then get 503
	// with Retry-After. Zero means DefaultMaxCodingBytes; it is never
	// less than one request of the largest size allowed.
	MaxCodingBytes int64
}

// Defaults for the limits on POST /api/articles.
const (
	DefaultMaxIngestBytes = 8 << 20
	DefaultWriteWait      = 5 * time.Second
	// DefaultMaxCodingBytes lets two of the largest ingests code at once.
	DefaultMaxCodingBytes = 2 * DefaultMaxIngestBytes
)

// Server is the petrel HTTP API. Create one with NewServer; it is safe for
// concurrent use.
type Server struct {
	cfg    Config
	mux    *http.ServeMux
	ln     net.Listener
	server *http.Server
	// loopback is set by Open when the server listens on loopback only:
	// requests must then name a loopback host (checkHost).
	loopback bool
	// writes is the server's write lock: one store write at a time, so
	// that a request waits for it within WriteWait rather than queue on
	// the database without bound.
	writes chan struct{}
	// coding holds the bytes of text being coded (MaxCodingBytes).
	coding *semaphore.Weighted
}

// NewServer returns a server for cfg.
func NewServer(cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxCodeBytes <= 0 {
		cfg.MaxCodeBytes = DefaultMaxCodeBytes
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.ExportTimeout <= 0 {
		cfg.ExportTimeout = DefaultExportTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxIngestBytes <= 0 {
		cfg.MaxIngestBytes = min(DefaultMaxIngestBytes, cfg.MaxBodyBytes)
	}
	if cfg.WriteWait <= 0 {
		cfg.WriteWait = DefaultWriteWait
	}
	if cfg.MaxCodingBytes <= 0 {
		cfg.MaxCodingBytes = DefaultMaxCodingBytes
	}
	cfg.MaxCodingBytes = max(cfg.MaxCodingBytes, cfg.MaxIngestBytes, cfg.MaxCodeBytes)
	s := &Server{cfg: cfg, mux: http.NewServeMux(), writes: make(chan struct{}, 1),
		coding: semaphore.NewWeighted(cfg.MaxCodingBytes)}
	// Three classes of endpoint: reads (open unless TokenReads), coding
	// (POST /api/code stores nothing: it needs the token only when one is
	// set, so the UI's Code view works on a tokenless loopback server),
	// and writes (POST /api/articles: a token, or an explicit
	// AllowAnonymousWrites).
	read, code, write := s.auth(cfg.TokenReads), s.auth(true), s.writeAuth()
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.Handle("GET /api/events", read(s.handleEvents))
	s.mux.Handle("GET /api/events/{id...}", read(s.handleEvent))
	s.mux.Handle("GET /api/articles/{id...}", read(s.handleArticle))
	s.mux.Handle("GET /api/stats/{kind}", read(s.handleStats))
	s.mux.Handle("GET /api/actors", read(s.handleActors))
	s.mux.Handle("GET /api/map", read(s.handleMap))
	s.mux.Handle("POST /api/code", code(s.jsonBody(s.handleCode)))
	s.mux.Handle("POST /api/articles", write(s.jsonBody(s.handleIngest)))
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.Error(w, r, &petrel.Error{Code: petrel.ENOTFOUND, Message: "no such endpoint"})
	})
	if cfg.UI != nil {
		// ui.Secure adds the UI's Content-Security-Policy and other
		// security headers to every response under "/"; ui.Files lists no
		// directory and answers 400/404 to malformed paths.
		files := ui.Secure(ui.Files(cfg.UI))
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
				return
			}
			files.ServeHTTP(w, r)
		})
	} else {
		s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			s.Error(w, r, &petrel.Error{Code: petrel.ENOTFOUND, Message: "no web UI is configured"})
		})
	}
	return s
}

// Handler returns the server's handler, with request timeouts and body
// limits applied.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		timeout := s.cfg.RequestTimeout
		if isExport(r) {
			timeout = s.cfg.ExportTimeout
		}
		if s.loopback && !s.hostAllowed(r.Host) {
			s.Error(w, r, &petrel.Error{Code: petrel.EFORBIDDEN, Param: "Host", Message: fmt.Sprintf(
				"this server listens on loopback and answers requests for localhost, 127.0.0.1 or [::1] only, not %q; "+
					"behind a reverse proxy, start it with --allow-host NAME", clipHost(r.Host))})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		s.mux.ServeHTTP(w, r.WithContext(ctx))
	})
}

// hostAllowed reports whether a request's Host names this machine's
// loopback interface (localhost, a name under .localhost, 127.0.0.0/8,
// ::1) or one of Config.AllowedHosts. A page from another site that gets
// its own name resolved to 127.0.0.1 (DNS rebinding) sends that name, so
// it cannot read a loopback server's open endpoints.
func (s *Server) hostAllowed(hostport string) bool {
	if hostport == "" {
		return true // HTTP/1.0 without Host: no browser sends that
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range s.cfg.AllowedHosts {
		if strings.EqualFold(strings.TrimSuffix(a, "."), host) {
			return true
		}
	}
	return false
}

// clipHost shortens a Host header for an error message.
func clipHost(h string) string {
	if len(h) > 100 {
		return h[:100] + "…"
	}
	return h
}

// Open listens on addr (":0" picks a free port) and serves in the
// background until Close. On a loopback address the server answers only
// requests whose Host names loopback or an AllowedHosts entry.
func (s *Server) Open(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	s.ln = ln
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
		s.loopback = true
	}
	s.server = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.cfg.RequestTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		// Room for long filter values in the URL, so that they reach
		// validation and get a 400 that names the parameter.
		MaxHeaderBytes: 2 << 20,
		ErrorLog:       slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
	go s.server.Serve(ln)
	return nil
}

// Addr returns the address the server listens on, once open.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// URL returns the server's base URL, once open.
func (s *Server) URL() string {
	addr := s.ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(addr.Port))
}

// Close stops the server, letting requests in flight finish for up to
// five seconds.
func (s *Server) Close() error {
	if s.server == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.server.Shutdown(ctx)
}

// auth returns middleware that requires the bearer token when need is set
// and a token is configured.
func (s *Server) auth(need bool) func(http.HandlerFunc) http.Handler {
	return func(h http.HandlerFunc) http.Handler {
		if !need || s.cfg.Token == "" {
			return h
		}
		want := []byte("Bearer " + s.cfg.Token)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got := []byte(r.Header.Get("Authorization"))
			if subtle.ConstantTimeCompare(got, want) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="petrel"`)
				s.Error(w, r, &petrel.Error{Code: petrel.EUNAUTHORIZED, Message: "a valid bearer token is required"})
				return
			}
			h(w, r)
		})
	}
}

// jsonBody wraps a POST handler so that it answers 415 unless the request
// says its body is JSON (Content-Type: application/json). Besides naming
// the format, this keeps other web sites from posting here: a page can
// send a cross-origin form or text/plain POST without asking, but a JSON
// one only after a CORS preflight, which this server never grants. That
// matters on a loopback server with anonymous writes, whose user's browser
// visits other sites.
func (s *Server) jsonBody(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			s.Error(w, r, &petrel.Error{Code: petrel.EMEDIATYPE, Param: "Content-Type",
				Message: `the body must be JSON, sent with "Content-Type: application/json"`})
			return
		}
		h(w, r)
	}
}

// writeAuth returns the middleware of the endpoints that write to the
// store: the bearer token when one is configured; without one, 403 unless
// AllowAnonymousWrites is set.
func (s *Server) writeAuth() func(http.HandlerFunc) http.Handler {
	if s.cfg.Token != "" || s.cfg.AllowAnonymousWrites {
		return s.auth(true)
	}
	return func(h http.HandlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.Error(w, r, &petrel.Error{Code: petrel.EFORBIDDEN, Message: ErrWritesDisabled})
		})
	}
}

// ErrWritesDisabled is the message of the 403 that write endpoints answer
// on a server that has no token and does not allow anonymous writes.
const ErrWritesDisabled = "writes are disabled on this server: start it with --token TOKEN (or PETREL_TOKEN) " +
	"and send \"Authorization: Bearer TOKEN\", or, on a single-user machine, with --allow-anonymous-writes"

// statuses maps application error codes to HTTP statuses.
var statuses = map[string]int{
	petrel.ECONFLICT:     http.StatusConflict,
	petrel.EINVALID:      http.StatusBadRequest,
	petrel.ENOTFOUND:     http.StatusNotFound,
	petrel.EUNAUTHORIZED: http.StatusUnauthorized,
	petrel.EFORBIDDEN:    http.StatusForbidden,
	petrel.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	petrel.EMEDIATYPE:    http.StatusUnsupportedMediaType,
	petrel.EUNAVAILABLE:  http.StatusServiceUnavailable,
	petrel.EINTERNAL:     http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for an error's code.
func ErrorStatus(err error) int {
	if s, ok := statuses[petrel.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON form of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Param   string `json:"param,omitempty"`
	} `json:"error"`
}

// Error writes err as a JSON error response. Internal errors are logged and
// answered without their details; a request that ran out of time gets 503.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	status := ErrorStatus(err)
	body.Error.Code = petrel.ErrorCode(err)
	body.Error.Message = petrel.ErrorMessage(err)
	var e *petrel.Error
	if errors.As(err, &e) {
		body.Error.Param = e.Param
	}
	if status == http.StatusInternalServerError {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded) {
			status = http.StatusServiceUnavailable
			body.Error.Message = "the request took too long"
		} else {
			s.cfg.Logger.Error("http", "method", r.Method, "path", r.URL.Path, "err", err)
		}
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readJSON decodes the request body into v, answering 413 for a body over
// the limit and 400 for anything that is not the JSON expected.
func readJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return petrel.Errorf(petrel.ETOOLARGE, "the request body is larger than %d bytes", tooBig.Limit)
		}
		return &petrel.Error{Code: petrel.EINVALID, Message: "invalid JSON body: " + trimErr(err), Param: "body"}
	}
	return nil
}

func trimErr(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "json: ")
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}
