package watch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"petrel/internal/pgtest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"petrel"
	"petrel/postgres"
	"petrel/sqlite"
	"petrel/watch"
)

// page is an article page with a body of its own.
func page(title, body string) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>`, title, title, body)
}

// newsServer serves feeds and pages with every failure a watcher meets.
type newsServer struct {
	*httptest.Server
	hits                sync.Map // path → *atomic.Int32
	failsLeft, slowLeft atomic.Int32
	notModified         atomic.Int32
	// late makes /late.rss list a copy of /b1 under another URL.
	late atomic.Bool
}

func (s *newsServer) hit(p string) int {
	v, _ := s.hits.LoadOrStore(p, new(atomic.Int32))
	return int(v.(*atomic.Int32).Add(1))
}

func (s *newsServer) count(p string) int {
	v, ok := s.hits.Load(p)
	if !ok {
		return 0
	}
	return int(v.(*atomic.Int32).Load())
}

func startNews(t *testing.T) *newsServer {
	s := &newsServer{}
	s.failsLeft.Store(2)
	s.slowLeft.Store(1)
	mux := http.NewServeMux()
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	base := s.URL
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "petrel-watch/") {
			http.Error(w, "no user agent "+ua, http.StatusForbidden)
			return
		}
		switch r.URL.Path {
		case "/robots.txt":
			// Only the group for petrel's own token forbids /private/.
			fmt.Fprint(w, "User-agent: *\nAllow: /\n\nUser-agent: petrel-watch\nDisallow: /private/\n")
		case "/feed.rss":
			const etag = `"v1"`
			if r.Header.Get("If-None-Match") == etag {
				s.notModified.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Talks</title><link>%[1]s/a1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Talks again</title><link>%[1]s/a1?utm_source=rss#top</link></item>
<item><title>Moved</title><link>%[1]s/a2</link></item>
<item><title>Gone</title><link>%[1]s/a3</link></item>
<item><title>Flaky</title><link>%[1]s/a4</link></item>
<item><title>Slow</title><link>%[1]s/slow</link></item>
<item><title>Huge</title><link>%[1]s/giant</link></item>
<item><title>Copy</title><link>%[1]s/0copy</link></item>
<item><title>Secret</title><link>%[1]s/private/x</link></item>
<item><title>Canon</title><link>/a5</link></item>
</channel></rss>`, base)
		case "/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Aid</title><link href="%s/b1"/><id>b1</id><updated>2024-03-06T08:00:00Z</updated></entry></feed>`, base)
		case "/late.rss":
			items := ""
			if s.late.Load() {
				items = fmt.Sprintf(`<item><title>Aid, again</title><link>%[1]s/copy2</link></item><item><title>Talks</title><link>%[1]s/a1</link></item>`, base)
			}
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Late Desk</title>%s</channel></rss>`, items)
		case "/copy2":
			// /b1's text, listed only after a restart.
			fmt.Fprint(w, page("Aid", "Japan pledged humanitarian aid to Ukraine on Wednesday."))
		case "/broken.xml":
			fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><title>Broken<item><link>`)
		case "/down.rss":
			w.Header().Set("Retry-After", "600")
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
		case "/sitemap.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemap-1.xml</loc></sitemap></sitemapindex>`, base)
		case "/sitemap-1.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/s1</loc><lastmod>2024-03-07</lastmod></url></urlset>`, base)
		case "/a1":
			fmt.Fprint(w, page("Talks", "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow on Tuesday to discuss trade."))
		case "/0copy":
			// The text of /a1 under another URL and other markup, listed after
			// it but sorting before it: the first listed is kept.
			fmt.Fprint(w, page("Talks", "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister   Wang Yi in Moscow on Tuesday to discuss trade."))
		case "/a2":
			http.Redirect(w, r, "/a2-final", http.StatusMovedPermanently)
		case "/a2-final":
			fmt.Fprint(w, page("Moved", "The European Union imposed sanctions on Iran on Monday."))
		case "/a3":
			http.NotFound(w, r)
		case "/a4":
			if s.failsLeft.Add(-1) >= 0 {
				http.Error(w, "try later", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, page("Flaky", "Kenyan police arrested dozens of protesters in Nairobi on Thursday."))
		case "/slow":
			if s.slowLeft.Add(-1) >= 0 {
				time.Sleep(600 * time.Millisecond)
			}
			fmt.Fprint(w, page("Slow", "Egypt hosted talks between Israeli and Hamas negotiators in Cairo on Sunday."))
		case "/giant":
			w.Write([]byte(page("Huge", strings.Repeat("All work and no play. ", 100_000))))
		case "/private/x":
			fmt.Fprint(w, page("Secret", "This page must never be fetched."))
		case "/a5":
			// Its canonical URL is /a1's: the same story.
			fmt.Fprintf(w, `<html><head><link rel="canonical" href="%s/a1"></head><body><p>Lavrov and Wang met in Moscow; a shorter version of the same story.</p></body></html>`, base)
		case "/b1":
			fmt.Fprint(w, page("Aid", "Japan pledged humanitarian aid to Ukraine on Wednesday."))
		case "/s1":
			fmt.Fprint(w, page("Visit", "Indian Prime Minister Narendra Modi visited Washington on Friday."))
		default:
			http.NotFound(w, r)
		}
	})
	return s
}

// recorder is a Sink that keeps what it is given.
type recorder struct {
	mu   sync.Mutex
	arts []*petrel.Article
	fail bool
}

func (r *recorder) sink(ctx context.Context, arts []*petrel.Article) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return 0, fmt.Errorf("store is down")
	}
	r.arts = append(r.arts, arts...)
	return len(arts), nil
}

func (r *recorder) paths() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var ps []string
	for _, a := range r.arts {
		i := strings.Index(a.URL, "://")
		j := strings.IndexByte(a.URL[i+3:], '/')
		ps = append(ps, a.URL[i+3+j:])
	}
	sort.Strings(ps)
	return ps
}

// clock is a settable time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// TestWatch runs a watcher against every broken-server case, then
// restarts it with the state kept in a file, in a SQLite store and, when
// PETREL_TEST_POSTGRES is set, in a PostgreSQL store.
func TestWatch(t *testing.T) {
	t.Run("File", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "state.json")
		testWatch(t, func(t *testing.T) watch.StateStore { return watch.NewFileState(path) })
	})
	t.Run("SQLite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "petrel.db")
		testWatch(t, func(t *testing.T) watch.StateStore {
			s, err := sqlite.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	})
	t.Run("PostgreSQL", func(t *testing.T) {
		dsn := postgresDSN(t)
		testWatch(t, func(t *testing.T) watch.StateStore {
			s, err := postgres.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		})
	})
}

// postgresDSN returns the DSN of a new schema of the PostgreSQL database
// PETREL_TEST_POSTGRES names, dropped when the test ends, or skips the test
// when it is unset.
func postgresDSN(t *testing.T) string {
	return pgtest.Schema(t, "petrel_watch_")
}

// testWatch runs a watcher whose state openState opens, and restarts it
// with the state opened again.
func testWatch(t *testing.T, openState func(*testing.T) watch.StateStore) {
	srv := startNews(t)
	clk := &clock{now: time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC)}
	var logMu sync.Mutex
	var logs []string
	newWatcher := func(rec *recorder) *watch.Watcher {
		w, err := watch.New(watch.Config{
			Feeds: []string{srv.URL + "/feed.rss", srv.URL + "/atom.xml", srv.URL + "/broken.xml", srv.URL + "/down.rss", srv.URL + "/sitemap.xml",
				srv.URL + "/late.rss"},
			Interval:  10 * time.Minute,
			HostDelay: time.Millisecond,
			Timeout:   300 * time.Millisecond,
			// A cap the giant page exceeds and the others do not.
			MaxPageBytes: 256 << 10,
			State:        openState(t),
			Now:          clk.Now,
			Logf: func(format string, args ...any) {
				logMu.Lock()
				logs = append(logs, fmt.Sprintf(format, args...))
				logMu.Unlock()
			},
		}, rec.sink)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	logged := func(words ...string) {
		t.Helper()
		logMu.Lock()
		defer logMu.Unlock()
		for _, l := range logs {
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(l, w)
			}
			if ok {
				return
			}
		}
		t.Errorf("no log line with %q in:\n%s", words, strings.Join(logs, "\n"))
	}
	ctx := context.Background()

	rec := &recorder{}
	w := newWatcher(rec)
	if err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rec.paths(), " "), "/a1 /a2-final /b1 /s1"; got != want {
		t.Errorf("first poll coded %s, want %s", got, want)
	}
	logged("broken.xml", "not a feed")
	logged("down.rss", "503", "retry after 10m0s", "next try in 10m0s")
	logged("/a3", "404", "given up")
	logged("/giant", "cap", "given up")
	logged("/a4", "503", "will retry")
	logged("/slow", "will retry")
	logged("/0copy", "the same text as")
	logged("/private/x", "robots.txt", "given up")
	if srv.count("/private/x") != 0 {
		t.Error("a page robots.txt disallows was fetched")
	}
	if w.Pending() != 2 {
		t.Errorf("%d pages to retry, want 2 (/a4 and /slow)", w.Pending())
	}
	for _, a := range rec.arts {
		if a.ID != watch.ArticleID(a.URL) || a.Text == "" {
			t.Errorf("article %+v", a)
		}
		if strings.HasSuffix(a.URL, "/a1") && (a.Date.Format(time.DateOnly) != "2024-03-05" || a.Source != "Test Wire") {
			t.Errorf("a1: date %v source %q: want the feed's", a.Date, a.Source)
		}
	}

	// The sink fails: nothing is marked seen, the pages wait.
	clk.Add(11 * time.Minute)
	rec.fail = true
	if err := w.Poll(ctx); err == nil {
		t.Fatal("Poll with a failing sink: no error")
	}
	rec.fail = false

	// A restart from the state kept: the feed answers 304, the flaky and
	// slow pages come through, nothing is coded twice, and a copy of a
	// page coded before the restart, under another URL, is a duplicate.
	srv.late.Store(true)
	w = newWatcher(rec)
	clk.Add(11 * time.Minute)
	if err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rec.paths(), " "), "/a1 /a2-final /a4 /b1 /s1 /slow"; got != want {
		t.Errorf("after the restart: %s, want %s", got, want)
	}
	if srv.notModified.Load() == 0 {
		t.Error("no conditional GET was answered 304")
	}
	if w.Pending() != 0 {
		t.Errorf("%d pages still to retry", w.Pending())
	}
	// The failing feed backs off: polled again only when its wait is over.
	before := srv.count("/down.rss")
	clk.Add(time.Second)
	w.Poll(ctx)
	if srv.count("/down.rss") != before {
		t.Error("a failing feed was polled again before its backoff ended")
	}
	if s := w.Stats(); s.Duplicates != 1 || s.Articles != 2 {
		t.Errorf("after restart: %+v, want 1 duplicate and 2 articles", s)
	}
	logged("/copy2", "the same text as", "/b1")
	if testing.Verbose() {
		t.Log("log:\n" + strings.Join(logs, "\n"))
	}
}

func TestCanonical(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"HTTP://Example.ORG:80/x?b=2&a=1#frag", "http://example.org/x?a=1&b=2"},
		{"https://example.org/x?utm_source=feed&id=3&fbclid=abc", "https://example.org/x?id=3"},
		{"https://example.org", "https://example.org/"},
	} {
		if got, want := watch.Canonical(tt.a), tt.b; got != want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.a, got, want)
		}
	}
	if watch.Canonical("ftp://example.org/x") != "" || watch.Canonical("/relative") != "" {
		t.Error("non-http URLs are canonical")
	}
}

// FuzzCanonical checks that canonical URLs are fixed points and stay
// http(s) URLs, whatever a feed puts in a link.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"HTTP://Example.ORG:80/x?b=2&a=1#frag", "https://a.b/c?utm_source=x&id=%zz", "http://[::1]:443/", "https://example.org/%E2%82%AC?q=a+b", "http://h/?&&=", "ftp://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := watch.Canonical(s)
		if c == "" {
			return
		}
		if !strings.HasPrefix(c, "http://") && !strings.HasPrefix(c, "https://") {
			t.Fatalf("Canonical(%q) = %q: not http(s)", s, c)
		}
		if c2 := watch.Canonical(c); c2 != c {
			t.Fatalf("Canonical(%q) = %q, but Canonical of that is %q", s, c, c2)
		}
	})
}

// TestParallelHosts checks that pages of two hosts are fetched at once,
// and pages of one host never are.
func TestParallelHosts(t *testing.T) {
	var inFlight, maxAll atomic.Int32
	var mu sync.Mutex
	perHost := map[string]int{}
	maxHost := 0
	handler := func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxAll.Load()
			if n <= m || maxAll.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		perHost[r.Host]++
		maxHost = max(maxHost, perHost[r.Host])
		mu.Unlock()
		defer func() { mu.Lock(); perHost[r.Host]--; mu.Unlock() }()
		if r.URL.Path == "/feed.rss" {
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`)
			for i := range 3 {
				fmt.Fprintf(w, `<item><link>http://%s/p%d</link></item>`, r.Host, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		time.Sleep(150 * time.Millisecond)
		fmt.Fprint(w, page("P", "Page "+r.Host+r.URL.Path+" says that talks went on in Geneva."))
	}
	a, b := httptest.NewServer(http.HandlerFunc(handler)), httptest.NewServer(http.HandlerFunc(handler))
	defer a.Close()
	defer b.Close()
	rec := &recorder{}
	w, err := watch.New(watch.Config{Feeds: []string{a.URL + "/feed.rss", b.URL + "/feed.rss"},
		HostDelay: time.Millisecond, Timeout: 5 * time.Second}, rec.sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(rec.arts) != 6 {
		t.Errorf("%d articles, want 6", len(rec.arts))
	}
	if maxHost != 1 {
		t.Errorf("%d requests at once to one host", maxHost)
	}
	if maxAll.Load() < 2 {
		t.Error("the two hosts' pages were fetched one at a time")
	}
}

// bodyTransport answers every request from memory: the feed's body for
// /feed, an empty page elsewhere, so a fuzz target needs no server.
type bodyTransport struct{ feed []byte }

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	body, status := "", http.StatusNotFound
	switch r.URL.Path {
	case "/feed":
		body, status = string(b.feed), http.StatusOK
	case "/robots.txt":
	default:
		body, status = page("P", "Talks were held in Geneva on Monday."), http.StatusOK
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: http.Header{},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// FuzzFeed polls a feed whose body is the fuzz input: whatever a server
// sends, the watcher neither panics nor fails the poll, and every article
// it codes has an ID, a canonical URL and text.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><link>http://h/a</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/b"/></entry></feed>`))
	f.Add([]byte(`<urlset><url><loc>http://h/c</loc><lastmod>2024-01-02</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>http://h/feed</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"http://h/d"}]}`))
	f.Add([]byte(`<rss><channel><item><link>`))
	f.Fuzz(func(t *testing.T, feed []byte) {
		rec := &recorder{}
		w, err := watch.New(watch.Config{Feeds: []string{"http://h/feed"}, HostDelay: -1, MaxAttempts: 1,
			Client: &http.Client{Transport: bodyTransport{feed}}}, rec.sink)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Poll(context.Background()); err != nil {
			t.Fatalf("Poll: %v", err)
		}
		for _, a := range rec.arts {
			if a.ID != watch.ArticleID(a.URL) || watch.Canonical(a.URL) != a.URL || a.Text == "" {
				t.Fatalf("article %+v", a)
			}
		}
	})
}

// TestOnceFailures checks what one pass (Run with once) returns when feeds
// fail: a *FeedsFailedError naming each when all of them do, and nil with
// a log line naming the failing ones when some still answer.
func TestOnceFailures(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/ok.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><link>%s/a</link></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("A", "Talks were held in Geneva on Monday."))
	})
	mux.HandleFunc("/down.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<rss><channel><item>")
	})
	run := func(feeds ...string) (string, int, error) {
		t.Helper()
		var (
			mu  sync.Mutex
			log strings.Builder
		)
		for i, f := range feeds {
			feeds[i] = srv.URL + f
		}
		rec := &recorder{}
		w, err := watch.New(watch.Config{Feeds: feeds, HostDelay: time.Millisecond, Timeout: 5 * time.Second,
			Logf: func(format string, args ...any) {
				mu.Lock()
				defer mu.Unlock()
				fmt.Fprintf(&log, format+"\n", args...)
			}}, rec.sink)
		if err != nil {
			t.Fatal(err)
		}
		err = w.Run(context.Background(), true, 0)
		mu.Lock()
		defer mu.Unlock()
		return log.String(), len(rec.paths()), err
	}

	t.Run("AllFail", func(t *testing.T) {
		log, _, err := run("/down.rss", "/broken.rss")
		var fe *watch.FeedsFailedError
		if !errors.As(err, &fe) {
			t.Fatalf("Run = %v, want a *FeedsFailedError\n%s", err, log)
		}
		if len(fe.Failed) != 2 || !strings.HasSuffix(fe.Failed[0].Feed, "/down.rss") || !strings.Contains(fe.Failed[0].Err, "503") ||
			!strings.HasSuffix(fe.Failed[1].Feed, "/broken.rss") || fe.Failed[1].Err == "" {
			t.Errorf("failures = %+v", fe.Failed)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "all 2 feeds failed: ") || !strings.Contains(msg, "/down.rss (") {
			t.Errorf("error = %q", msg)
		}
	})
	t.Run("OneOfOneFails", func(t *testing.T) {
		_, _, err := run("/down.rss")
		if err == nil || !strings.HasPrefix(err.Error(), "the feed failed: ") {
			t.Errorf("Run = %v, want the feed's failure", err)
		}
	})
	t.Run("SomeFail", func(t *testing.T) {
		log, n, err := run("/ok.rss", "/down.rss")
		if err != nil {
			t.Fatalf("Run = %v, want nil when a feed answers", err)
		}
		if n != 1 {
			t.Errorf("%d articles, want the good feed's 1", n)
		}
		if !strings.Contains(log, "1 of 2 feeds failed: "+srv.URL+"/down.rss (") {
			t.Errorf("log does not name the failing feed:\n%s", log)
		}
	})
	t.Run("NoneFail", func(t *testing.T) {
		log, _, err := run("/ok.rss")
		if err != nil || strings.Contains(log, "feeds failed") {
			t.Errorf("Run = %v\n%s", err, log)
		}
	})
}
