package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"petrel/internal/pgtest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"petrel"
	phttp "petrel/http"
	"petrel/http/ui"
	"petrel/postgres"
	"petrel/sqlite"
	"petrel/storetest"
)

// MustOpenSQLite opens a SQLite store in a temporary file.
func MustOpenSQLite(tb testing.TB) petrel.Store {
	tb.Helper()
	s, err := sqlite.Open(filepath.Join(tb.TempDir(), "petrel.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustOpenPostgres opens a PostgreSQL store in a new schema of the database
// PETREL_TEST_POSTGRES names, or skips the test when it is unset.
func MustOpenPostgres(tb testing.TB) petrel.Store {
	tb.Helper()
	s, err := postgres.Open(pgtest.Schema(tb, "petrel_test_"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustOpenServer starts a server on a free port of the loopback interface
// and stops it when the test ends.
func MustOpenServer(tb testing.TB, cfg phttp.Config) *phttp.Server {
	tb.Helper()
	if cfg.Store == nil {
		cfg.Store = MustOpenSQLite(tb)
	}
	if cfg.Coder == nil {
		cfg.Coder = storetest.FakeCoder{}
	}
	if cfg.DictVersion == "" {
		cfg.DictVersion = "test"
	}
	s := phttp.NewServer(cfg)
	if err := s.Open("127.0.0.1:0"); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// do sends a request and returns the status and body.
func do(tb testing.TB, method, url, token string, body []byte) (int, []byte) {
	tb.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, b
}

// get sends a GET and decodes a 200 response into v.
func get(tb testing.TB, url string, v any) {
	tb.Helper()
	status, body := do(tb, "GET", url, "", nil)
	if status != http.StatusOK {
		tb.Fatalf("GET %s: %d %s", url, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		tb.Fatalf("GET %s: %v in %s", url, err, body)
	}
}

type apiError struct {
	Error struct {
		Code, Message, Param string
	}
}

// expectError checks that a response is a JSON error with the status, code
// and parameter given.
func expectError(tb testing.TB, status int, body []byte, wantStatus int, wantCode, wantParam string) {
	tb.Helper()
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil {
		tb.Fatalf("error body %q: %v", body, err)
	}
	if status != wantStatus || e.Error.Code != wantCode || e.Error.Param != wantParam {
		tb.Fatalf("got %d %+v, want %d %s param %q", status, e.Error, wantStatus, wantCode, wantParam)
	}
}

func ingested(tb testing.TB, n int) petrel.Store {
	tb.Helper()
	st := MustOpenSQLite(tb)
	storetest.MustIngest(tb, st, storetest.Docs(0, n), "v1")
	return st
}

func TestHealthz(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{})
	var v map[string]string
	get(t, s.URL()+"/healthz", &v)
	if v["status"] != "ok" {
		t.Fatalf("healthz = %v", v)
	}
}

func TestEvents(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 50)})
	t.Run("Pages", func(t *testing.T) {
		seen := map[string]bool{}
		next := ""
		for pages := 0; ; pages++ {
			var r phttp.EventsResponse
			get(t, s.URL()+"/api/events?limit=7&cursor="+url.QueryEscape(next), &r)
			for _, e := range r.Events {
				if seen[e.ID] {
					t.Fatalf("event %s seen twice", e.ID)
				}
				seen[e.ID] = true
			}
			if next = r.NextCursor; next == "" {
				break
			}
		}
		if got, want := len(seen), 50; got != want {
			t.Fatalf("saw %d events, want %d", got, want)
		}
	})
	t.Run("Filtered", func(t *testing.T) {
		var r phttp.EventsResponse
		get(t, s.URL()+"/api/events?actor=rus&code=1&since=2024-01-02&until=2024-03-01&text=dispute", &r)
		if len(r.Events) == 0 {
			t.Fatal("no events")
		}
		for _, e := range r.Events {
			if !strings.HasPrefix(e.Code, "1") || e.Date < "2024-01-02" {
				t.Errorf("event %+v does not match", e)
			}
			if e.NumArticles != 1 || e.NumSources != 1 {
				t.Errorf("num_articles %d num_sources %d, want 1 1", e.NumArticles, e.NumSources)
			}
		}
	})
	t.Run("JSONFields", func(t *testing.T) {
		_, body := do(t, "GET", s.URL()+"/api/events?limit=1", "", nil)
		for _, f := range []string{`"event_id"`, `"num_articles"`, `"num_sources"`, `"next_cursor"`, `"dict_version"`, `"verb"`} {
			if !bytes.Contains(body, []byte(f)) {
				t.Errorf("no %s in %s", f, body)
			}
		}
	})
	t.Run("Empty", func(t *testing.T) {
		_, body := do(t, "GET", s.URL()+"/api/events?actor=ZZZ", "", nil)
		if !bytes.Contains(body, []byte(`"events":[]`)) {
			t.Errorf("body = %s, want an empty list", body)
		}
	})
	for _, tt := range []struct{ name, query, param string }{
		{"ErrInvalidLimit", "limit=x", "limit"},
		{"ErrLimitTooLarge", "limit=100000", "limit"},
		{"ErrInvalidQuad", "quad=9", "quad"},
		{"ErrInvalidSince", "since=2024-1-1", "since"},
		{"ErrInvalidActor", "actor=R%27S", "actor"},
		{"ErrInvalidCursor", "cursor=zz", "cursor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, "GET", s.URL()+"/api/events?"+tt.query, "", nil)
			expectError(t, status, body, 400, petrel.EINVALID, tt.param)
		})
	}
}

func TestEvent(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 5)})
	t.Run("OK", func(t *testing.T) {
		var e petrel.StoredEvent
		get(t, s.URL()+"/api/events/a000003-0", &e)
		if e.ID != "a000003-0" || e.Sentence == "" || e.Rule == "" || e.Verb.End <= e.Verb.Start || e.Source == nil {
			t.Fatalf("event = %+v, want its evidence", e)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		status, body := do(t, "GET", s.URL()+"/api/events/nope", "", nil)
		expectError(t, status, body, 404, petrel.ENOTFOUND, "id")
	})
}

func TestArticle(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 5)})
	t.Run("OK", func(t *testing.T) {
		var a petrel.StoredArticle
		get(t, s.URL()+"/api/articles/a000002", &a)
		want := storetest.Docs(2, 1)[0]
		if a.Article.Text != want.Article.Text || len(a.Sentences) != len(want.Sentences) ||
			len(a.Mentions) != len(want.Mentions) || len(a.Quotes) != len(want.Quotes) || len(a.Events) != len(want.Events) {
			t.Fatalf("article = %+v, want %+v", a, want)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		status, body := do(t, "GET", s.URL()+"/api/articles/nope", "", nil)
		expectError(t, status, body, 404, petrel.ENOTFOUND, "id")
	})
}

func TestStats(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 80)})
	t.Run("Timeline", func(t *testing.T) {
		var r phttp.TimelineResponse
		get(t, s.URL()+"/api/stats/timeline?interval=month", &r)
		total := 0
		for _, p := range r.Periods {
			sum := 0
			for i, q := range p.Quads {
				if q.QuadClass != i+1 {
					t.Errorf("quad %d at %d", q.QuadClass, i)
				}
				sum += q.Count
			}
			if sum != p.Count {
				t.Errorf("period %s: quads sum to %d, count %d", p.Period, sum, p.Count)
			}
			total += p.Count
		}
		if r.Interval != "month" || len(r.Periods) != 2 || total != 80 {
			t.Fatalf("timeline = %+v, want 2 months of 80 events", r)
		}
	})
	for _, kind := range []string{"codes", "codes?level=code", "quad", "dyads", "actors", "plover"} {
		t.Run(strings.Title(strings.NewReplacer("?", "", "=", "").Replace(kind)), func(t *testing.T) {
			var r phttp.StatsResponse
			get(t, s.URL()+"/api/stats/"+kind, &r)
			if len(r.Rows) == 0 {
				t.Fatalf("%s: no rows", kind)
			}
		})
	}
	t.Run("ErrInvalidInterval", func(t *testing.T) {
		status, body := do(t, "GET", s.URL()+"/api/stats/timeline?interval=year", "", nil)
		expectError(t, status, body, 400, petrel.EINVALID, "interval")
	})
	t.Run("ErrUnknownKind", func(t *testing.T) {
		status, body := do(t, "GET", s.URL()+"/api/stats/nope", "", nil)
		expectError(t, status, body, 404, petrel.ENOTFOUND, "kind")
	})
}

func TestActors(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 30)})
	var r phttp.ActorsResponse
	get(t, s.URL()+"/api/actors?q=ru", &r)
	if len(r.Actors) == 0 || !strings.HasPrefix(r.Actors[0].Code, "RU") {
		t.Fatalf("actors = %+v", r)
	}
}

func TestCode(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Token: "secret"})
	t.Run("OK", func(t *testing.T) {
		status, body := do(t, "POST", s.URL()+"/api/code", "secret", []byte(`{"text":"Russia accused Ukraine of shelling.","date":"2024-05-06"}`))
		var d petrel.Document
		if err := json.Unmarshal(body, &d); err != nil || status != 200 {
			t.Fatalf("%d %s", status, body)
		}
		if len(d.Events) != 1 || d.Events[0].Date != "2024-05-06" {
			t.Fatalf("document = %+v", d)
		}
		var r phttp.EventsResponse
		get(t, s.URL()+"/api/events", &r)
		if len(r.Events) != 0 {
			t.Fatal("coding stored events")
		}
	})
	for _, tt := range []struct {
		name, token, body string
		status            int
		code, param       string
	}{
		{"ErrUnauthorized", "", `{"text":"x"}`, 401, petrel.EUNAUTHORIZED, ""},
		{"ErrWrongToken", "secreT", `{"text":"x"}`, 401, petrel.EUNAUTHORIZED, ""},
		{"ErrInvalidJSON", "secret", `{"text":`, 400, petrel.EINVALID, "body"},
		{"ErrNoText", "secret", `{"date":"2024-01-01"}`, 400, petrel.EINVALID, "text"},
		{"ErrInvalidDate", "secret", `{"text":"x","date":"May 5"}`, 400, petrel.EINVALID, "date"},
		{"ErrTooLarge", "secret", `{"text":"` + strings.Repeat("x", phttp.DefaultMaxBodyBytes) + `"}`, 413, petrel.ETOOLARGE, ""},
		{"ErrTextTooLarge", "secret", `{"text":"` + strings.Repeat("Russia met Ukraine. ", phttp.DefaultMaxCodeBytes/20+1) + `"}`, 413, petrel.ETOOLARGE, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, "POST", s.URL()+"/api/code", tt.token, []byte(tt.body))
			expectError(t, status, body, tt.status, tt.code, tt.param)
		})
	}
}

func TestIngest(t *testing.T) {
	store := MustOpenSQLite(t)
	s := MustOpenServer(t, phttp.Config{Store: store, Token: "secret", DictVersion: "d1"})
	post := func(body string) (int, phttp.IngestResponse, []byte) {
		status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(body))
		var r phttp.IngestResponse
		json.Unmarshal(b, &r)
		return status, r, b
	}
	t.Run("One", func(t *testing.T) {
		status, r, b := post(`{"id":"x1","date":"2024-02-03","text":"Russia met Ukraine in Geneva. Talks went on."}`)
		if status != 200 || r.Inserted != 1 || r.Events != 1 || len(r.Articles) != 1 || r.Articles[0].ID != "x1" {
			t.Fatalf("%d %s", status, b)
		}
		e, err := store.Event(context.Background(), "x1-0")
		if err != nil || e.DictVersion != "d1" || e.Date != "2024-02-03" {
			t.Fatalf("stored event %+v, %v", e, err)
		}
	})
	t.Run("Many", func(t *testing.T) {
		status, r, b := post(`[{"id":"x2","text":"China praised France today."},{"id":"x1","date":"2024-02-03","text":"Russia met Ukraine in Geneva. Talks went on."}]`)
		if status != 200 || r.Inserted != 1 || r.Unchanged != 1 || len(r.Articles) != 2 {
			t.Fatalf("%d %s", status, b)
		}
	})
	t.Run("ErrInvalidArticle", func(t *testing.T) {
		status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(`[{"id":"ok","text":"fine"},{"id":"bad"}]`))
		expectError(t, status, b, 400, petrel.EINVALID, "text[1]")
		if _, err := store.Article(context.Background(), "ok"); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Fatal("part of a rejected request was stored")
		}
	})
	t.Run("ErrEmpty", func(t *testing.T) {
		status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(`[]`))
		expectError(t, status, b, 400, petrel.EINVALID, "body")
	})
	t.Run("ErrNUL", func(t *testing.T) {
		status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(`{"text":"a\u0000b"}`))
		expectError(t, status, b, 400, petrel.EINVALID, "text")
	})
	t.Run("ErrUnauthorized", func(t *testing.T) {
		status, b := do(t, "POST", s.URL()+"/api/articles", "", []byte(`{"text":"x"}`))
		expectError(t, status, b, 401, petrel.EUNAUTHORIZED, "")
	})
	t.Run("ReadsOpen", func(t *testing.T) {
		var r phttp.EventsResponse
		get(t, s.URL()+"/api/events", &r)
	})
}

func TestTokenReads(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Token: "secret", TokenReads: true})
	for _, path := range []string{"/api/events", "/api/events/x", "/api/articles/x", "/api/stats/quad", "/api/actors"} {
		status, b := do(t, "GET", s.URL()+path, "", nil)
		expectError(t, status, b, 401, petrel.EUNAUTHORIZED, "")
		if status, _ := do(t, "GET", s.URL()+path, "secret", nil); status == 401 {
			t.Errorf("%s: 401 with the token", path)
		}
	}
	if status, _ := do(t, "GET", s.URL()+"/healthz", "", nil); status != 200 {
		t.Errorf("healthz: %d without a token, want 200", status)
	}
}

func TestUI(t *testing.T) {
	t.Run("NotConfigured", func(t *testing.T) {
		s := MustOpenServer(t, phttp.Config{})
		status, b := do(t, "GET", s.URL()+"/", "", nil)
		expectError(t, status, b, 404, petrel.ENOTFOUND, "")
	})
	t.Run("OK", func(t *testing.T) {
		ui := fstest.MapFS{"index.html": {Data: []byte("<h1>petrel</h1>")}}
		s := MustOpenServer(t, phttp.Config{UI: ui})
		status, b := do(t, "GET", s.URL()+"/", "", nil)
		if status != 200 || string(b) != "<h1>petrel</h1>" {
			t.Fatalf("%d %s", status, b)
		}
		status, b = do(t, "GET", s.URL()+"/api/nope", "", nil)
		expectError(t, status, b, 404, petrel.ENOTFOUND, "")
	})
}

// TestHostile sends hostile values in every filter parameter and path and
// checks that each gets 200, 400 or 404, never a server error, and that
// nothing stored changed.
func TestHostile(t *testing.T) {
	for _, backend := range []struct {
		name string
		open func(testing.TB) petrel.Store
	}{{"SQLite", MustOpenSQLite}, {"PostgreSQL", MustOpenPostgres}} {
		t.Run(backend.name, func(t *testing.T) {
			store := backend.open(t)
			storetest.MustIngest(t, store, storetest.Docs(0, 20), "v1")
			want := storetest.MustCounts(t, store)
			s := MustOpenServer(t, phttp.Config{Store: store})
			params := []string{"actor", "source", "target", "country", "code", "plover", "quad", "since", "until", "text", "article", "limit", "offset", "cursor"}
			for i, v := range storetest.Hostile {
				for _, p := range params {
					for _, path := range []string{"/api/events", "/api/events?format=csv&", "/api/events?format=jsonl&", "/api/stats/timeline", "/api/stats/actors", "/api/stats/places"} {
						if !strings.Contains(path, "?") {
							path += "?"
						}
						u := s.URL() + path + p + "=" + url.QueryEscape(v)
						if status, b := do(t, "GET", u, "", nil); status != 200 && status != 400 {
							t.Errorf("value %d in %s on %s: %d %.200s", i, p, path, status, b)
						}
					}
				}
				for _, path := range []string{"/api/events/", "/api/articles/"} {
					// A path of megabytes may pass the header limit: 431.
					if status, b := do(t, "GET", s.URL()+path+url.PathEscape(v), "", nil); status != 404 && status != 400 && status != 431 {
						t.Errorf("value %d in %s: %d %.200s", i, path, status, b)
					}
				}
				if status, b := do(t, "GET", s.URL()+"/api/events?format="+url.QueryEscape(v), "", nil); status != 400 {
					t.Errorf("value %d in format: %d %.200s", i, status, b)
				}
				if status, b := do(t, "GET", s.URL()+"/api/actors?q="+url.QueryEscape(v), "", nil); status != 200 {
					t.Errorf("value %d in actors: %d %.200s", i, status, b)
				}
				body, _ := json.Marshal(map[string]string{"id": v, "text": v + " Russia met Ukraine."})
				// A value of megabytes is over the text cap: 413.
				if status, b := do(t, "POST", s.URL()+"/api/code", "", body); status != 200 && status != 400 && status != 413 {
					t.Errorf("value %d in code: %d %.200s", i, status, b)
				}
			}
			if got := storetest.MustCounts(t, store); got != want {
				t.Fatalf("counts = %+v after hostile requests, want %+v", got, want)
			}
			var r phttp.EventsResponse
			get(t, s.URL()+"/api/events?limit=1000", &r)
			if len(r.Events) != want.Events {
				t.Fatalf("%d events readable, want %d", len(r.Events), want.Events)
			}
		})
	}
}

func TestWriteAuth(t *testing.T) {
	const article = `{"id":"w1","text":"Russia met Ukraine in Geneva."}`
	t.Run("ErrForbiddenWithoutToken", func(t *testing.T) {
		store := MustOpenSQLite(t)
		s := MustOpenServer(t, phttp.Config{Store: store})
		status, b := do(t, "POST", s.URL()+"/api/articles", "", []byte(article))
		expectError(t, status, b, 403, petrel.EFORBIDDEN, "")
		for _, want := range []string{"--token", "PETREL_TOKEN", "--allow-anonymous-writes"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("403 message does not name %s: %s", want, b)
			}
		}
		if _, err := store.Article(context.Background(), "w1"); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Fatal("a refused write was stored")
		}
		// Reads and coding (which stores nothing) stay open.
		var r phttp.EventsResponse
		get(t, s.URL()+"/api/events", &r)
		if status, b := do(t, "POST", s.URL()+"/api/code", "", []byte(article)); status != 200 {
			t.Fatalf("POST /api/code without a token: %d %s", status, b)
		}
	})
	t.Run("AllowAnonymousWrites", func(t *testing.T) {
		s := MustOpenServer(t, phttp.Config{AllowAnonymousWrites: true})
		if status, b := do(t, "POST", s.URL()+"/api/articles", "", []byte(article)); status != 200 {
			t.Fatalf("%d %s", status, b)
		}
	})
	t.Run("TokenWins", func(t *testing.T) {
		// A token, once set, is required even with anonymous writes on.
		s := MustOpenServer(t, phttp.Config{Token: "secret", AllowAnonymousWrites: true})
		status, b := do(t, "POST", s.URL()+"/api/articles", "", []byte(article))
		expectError(t, status, b, 401, petrel.EUNAUTHORIZED, "")
		if status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(article)); status != 200 {
			t.Fatalf("%d %s", status, b)
		}
	})
}

func TestUIPaths(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{UI: ui.FS})
	for _, tt := range []struct {
		path string
		want int
	}{
		{"/", 200},
		{"/js/app.js", 200},
		{"/%c0%ae%c0%ae/etc/passwd", 400}, // overlong UTF-8 for "..": not UTF-8
		{"/%c0%ae%c0%ae/", 400},
		{"/js/%00", 400},
		{"/%2e%2e/%2e%2e/etc/passwd", 404},
		{"/js/", 404}, // no directory listings
		{"/js", 404},
		{"/missing.js", 404},
	} {
		t.Run(tt.path, func(t *testing.T) {
			req, err := http.NewRequest("GET", s.URL()+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultTransport.RoundTrip(req) // no redirects followed
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Fatalf("GET %s: %d, want %d", tt.path, resp.StatusCode, tt.want)
			}
			if tt.want != 200 && bytes.Contains(body, []byte("app.js")) {
				t.Fatalf("GET %s lists files: %s", tt.path, body)
			}
		})
	}
}

// TestCodeBounds sends POST /api/code a 10 MB body, as a careless or
// hostile client would: it must get a 413 that says what to do, without
// the server reading (let alone coding) the rest.
func TestCodeBounds(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{})
	body := `{"text":"` + strings.Repeat("Russia accused Ukraine of shelling the plant. ", 10<<20/46) + `"}`
	start := time.Now()
	status, b := do(t, "POST", s.URL()+"/api/code", "", []byte(body))
	expectError(t, status, b, 413, petrel.ETOOLARGE, "")
	if !strings.Contains(string(b), "POST /api/code") || !strings.Contains(string(b), "1048576") {
		t.Errorf("413 message does not say what the limit is: %s", b)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a refused 10 MB request took %v", took)
	}
	// Just under the cap is coded.
	text := strings.Repeat("Russia met Ukraine. ", phttp.DefaultMaxCodeBytes/20-1)
	if status, b := do(t, "POST", s.URL()+"/api/code", "", []byte(`{"text":"`+text+`"}`)); status != 200 {
		t.Fatalf("%d bytes of text: %d %.200s", len(text), status, b)
	}
}

// maxWriteRecorder records the largest single write to the response.
type maxWriteRecorder struct {
	*httptest.ResponseRecorder
	max int
}

func (m *maxWriteRecorder) Write(p []byte) (int, error) {
	m.max = max(m.max, len(p))
	return m.ResponseRecorder.Write(p)
}

// TestCodeStreams checks that the document of POST /api/code is written
// in small pieces, not built whole in memory first, and that the pieces
// make the same JSON that encoding/json makes of the whole document.
func TestCodeStreams(t *testing.T) {
	c := storetest.FakeCoder{}
	s := phttp.NewServer(phttp.Config{Store: MustOpenSQLite(t), Coder: c})
	text := strings.Repeat("Russia accused Ukraine of shelling. France praised Germany. ", 8000)
	req := httptest.NewRequest("POST", "/api/code", strings.NewReader(`{"id":"big","text":"`+text+`"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := &maxWriteRecorder{ResponseRecorder: httptest.NewRecorder()}
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("%d %.300s", rec.Code, rec.Body.Bytes())
	}
	want, err := json.Marshal(c.Code(&petrel.Article{ID: "big", Text: text, Origin: "http"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := bytes.TrimSuffix(rec.Body.Bytes(), []byte("\n")); !bytes.Equal(got, want) {
		t.Fatalf("streamed document differs from encoding/json's (%d vs %d bytes)", len(got), len(want))
	}
	if rec.Body.Len() < 1<<20 {
		t.Fatalf("document of %d bytes: too small to test streaming", rec.Body.Len())
	}
	// The article, with its text, goes in one piece; nothing else is
	// larger than the buffer.
	if rec.max > len(text)+64<<10 {
		t.Fatalf("largest write %d bytes of a %d-byte document: the response is not streamed", rec.max, rec.Body.Len())
	}
}

func TestEventsOrderAndBy(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 30)})
	var asc, desc phttp.EventsResponse
	get(t, s.URL()+"/api/events?limit=1000", &asc)
	get(t, s.URL()+"/api/events?limit=1000&order=desc", &desc)
	var a, d []string
	for _, e := range asc.Events {
		a = append(a, e.ID)
	}
	for _, e := range desc.Events {
		d = append(d, e.ID)
	}
	slices.Reverse(d)
	if len(a) == 0 || !slices.Equal(a, d) {
		t.Fatalf("order=desc is not the reverse of the default order:\n%v\n%v", a, d)
	}
	status, b := do(t, "GET", s.URL()+"/api/events?order=up", "", nil)
	expectError(t, status, b, 400, petrel.EINVALID, "order")

	var byInterval, byBy phttp.TimelineResponse
	get(t, s.URL()+"/api/stats/timeline?interval=month", &byInterval)
	get(t, s.URL()+"/api/stats/timeline?by=month", &byBy)
	if byBy.Interval != "month" || !reflect.DeepEqual(byBy, byInterval) {
		t.Fatalf("by=month gave %+v, interval=month %+v", byBy, byInterval)
	}
}

// TestPostNeedsJSON checks that POST endpoints take only a body sent as
// JSON: a form or text/plain POST, which any web page can make to a
// loopback server without a CORS preflight, gets 415 and changes nothing.
func TestPostNeedsJSON(t *testing.T) {
	store := MustOpenSQLite(t)
	s := MustOpenServer(t, phttp.Config{Store: store, AllowAnonymousWrites: true})
	const body = `{"id":"csrf","text":"Russia met Ukraine in Geneva."}`
	for _, path := range []string{"/api/articles", "/api/code"} {
		for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
			req, _ := http.NewRequest("POST", s.URL()+path, strings.NewReader(body))
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			expectError(t, resp.StatusCode, b, 415, petrel.EMEDIATYPE, "Content-Type")
		}
	}
	if _, err := store.Article(context.Background(), "csrf"); petrel.ErrorCode(err) != petrel.ENOTFOUND {
		t.Fatal("a POST that was not JSON stored an article")
	}
	if status, b := do(t, "POST", s.URL()+"/api/articles", "", []byte(body)); status != 200 {
		t.Fatalf("JSON POST: %d %s", status, b)
	}
	req, _ := http.NewRequest("POST", s.URL()+"/api/code", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("JSON POST with a charset: %v %v", resp.StatusCode, err)
	}
}

// TestLoopbackHost checks the defence against DNS rebinding: a server on
// loopback answers only requests that name a loopback host (or an allowed
// one), so a page of another site whose name resolves to 127.0.0.1 cannot
// read the open endpoints.
func TestLoopbackHost(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{UI: ui.FS, AllowedHosts: []string{"petrel.example.org"}})
	_, port, _ := strings.Cut(strings.TrimPrefix(s.URL(), "http://"), ":")
	for _, tt := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST", 200},
		{"app.localhost:" + port, 200},
		{"[::1]:" + port, 200},
		{"127.1.2.3", 200},
		{"petrel.example.org", 200},
		{"Petrel.Example.Org.:443", 200},
		{"evil.example:" + port, 403},
		{"127.0.0.1.evil.example", 403},
		{"10.0.0.1:" + port, 403},
	} {
		for _, path := range []string{"/api/events", "/", "/healthz"} {
			req, _ := http.NewRequest("GET", s.URL()+path, nil)
			req.Host = tt.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("GET %s with Host %q: %d, want %d", path, tt.host, resp.StatusCode, tt.want)
			}
			if tt.want == 403 && !strings.Contains(string(b), "--allow-host") {
				t.Errorf("403 does not name --allow-host: %s", b)
			}
		}
	}
}
