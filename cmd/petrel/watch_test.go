package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"petrel/internal/natstest"
)

// feedServer serves a small RSS feed of two articles written for this test.
func feedServer(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/news/1": "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow on Tuesday.",
		"/news/2": "The European Union imposed sanctions on Iran on Monday over its missile programme.",
	}
	srv := httptest.NewServer(nil)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss" {
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Talks in Moscow</title><link>%[1]s/news/1</link><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Sanctions</title><link>%[1]s/news/2</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
			return
		}
		if body, ok := pages[r.URL.Path]; ok {
			fmt.Fprintf(w, "<html><body><article><p>%s</p></article></body></html>", body)
			return
		}
		http.NotFound(w, r) // robots.txt too: no rules
	})
	t.Cleanup(srv.Close)
	return srv
}

// TestWatchCLI runs petrel watch on a local feed: it codes and stores the
// articles, a second run finds nothing new, and with --nats the articles
// go through the work queue to a worker and reach the same events.
func TestWatchCLI(t *testing.T) {
	srv := feedServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "watch.db")
	_, stderr, err := runMain(t, nil, "watch", "--once", "--db", db, "--host-delay", "1ms", srv.URL+"/rss")
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "2 new articles") {
		t.Errorf("watch said:\n%s", stderr)
	}
	direct, _, err := runMain(t, nil, "query", "--db", db, "--format", "csv", "--limit", "100")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2024-03-05", "RUS", "2024-03-04", "IRN"} {
		if !strings.Contains(direct, want) {
			t.Errorf("stored events lack %q:\n%s", want, direct)
		}
	}
	// The state is in the store, not in a file beside it.
	if !strings.Contains(stderr, "state in the store") {
		t.Errorf("watch did not keep its state in the store:\n%s", stderr)
	}
	if _, err := os.Stat(db + ".watch.json"); err == nil {
		t.Error("watch wrote a state file beside the store")
	}
	_, stderr, err = runMain(t, nil, "watch", "--once", "--db", db, "--host-delay", "1ms", srv.URL+"/rss")
	if err != nil || !strings.Contains(stderr, "0 new articles") {
		t.Errorf("second watch: %v\n%s", err, stderr)
	}

	// A state file left by a petrel that kept it beside the SQLite file
	// is imported once into a store that has no state yet.
	t.Run("ImportFile", func(t *testing.T) {
		other, legacy := filepath.Join(dir, "other.db"), filepath.Join(dir, "legacy.db")
		_, stderr, err := runMain(t, nil, "watch", "--once", "--db", other, "--state", legacy+".watch.json", "--host-delay", "1ms", srv.URL+"/rss")
		if err != nil || !strings.Contains(stderr, "2 new articles") {
			t.Fatalf("watch --state: %v\n%s", err, stderr)
		}
		_, stderr, err = runMain(t, nil, "watch", "--once", "--db", legacy, "--host-delay", "1ms", srv.URL+"/rss")
		if err != nil || !strings.Contains(stderr, "imported the state of "+legacy+".watch.json") || !strings.Contains(stderr, "0 new articles") {
			t.Errorf("watch after the import: %v\n%s", err, stderr)
		}
	})

	t.Run("NATS", func(t *testing.T) {
		natsURL := natstest.Start(t)
		qdb := filepath.Join(dir, "queued.db")
		_, stderr, err := runMain(t, nil, "watch", "--once", "--nats", natsURL, "--state", filepath.Join(dir, "q.json"), "--host-delay", "1ms", srv.URL+"/rss")
		if err != nil || !strings.Contains(stderr, "2 new articles") {
			t.Fatalf("watch --nats: %v\n%s", err, stderr)
		}
		_, stderr, err = runMain(t, nil, "worker", "--nats", natsURL, "--db", qdb, "--until-empty", "--status", "0")
		if err != nil || !strings.Contains(stderr, "2 articles coded and stored") {
			t.Fatalf("worker: %v\n%s", err, stderr)
		}
		queued, _, err := runMain(t, nil, "query", "--db", qdb, "--format", "csv", "--limit", "100")
		if err != nil {
			t.Fatal(err)
		}
		if queued != direct {
			t.Errorf("through the queue:\n%s\ndirect:\n%s", queued, direct)
		}
		// A publishing watcher given a store keeps its state there.
		sdb := filepath.Join(dir, "state.db")
		for i, want := range []string{"2 new articles", "0 new articles"} {
			_, stderr, err := runMain(t, nil, "watch", "--once", "--nats", natsURL, "--db", sdb, "--host-delay", "1ms", srv.URL+"/rss")
			if err != nil || !strings.Contains(stderr, want) || !strings.Contains(stderr, "state in the store") {
				t.Errorf("watch --nats --db, run %d: %v\n%s", i+1, err, stderr)
			}
		}
	})
}

// TestWatchOnceFailing checks petrel watch --once's exit when feeds fail:
// an error (exit status 1) naming the feeds when every one failed, and
// success with a line naming the failing ones when some answered.
func TestWatchOnceFailing(t *testing.T) {
	srv := feedServer(t)
	db := filepath.Join(t.TempDir(), "watch.db")
	_, stderr, err := runMain(t, nil, "watch", "--once", "--db", db, "--host-delay", "1ms", srv.URL+"/gone.rss", srv.URL+"/missing.rss")
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("watch of two failing feeds: err = %v, want exit status 1\n%s", err, stderr)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "all 2 feeds failed: ") || !strings.Contains(msg, srv.URL+"/gone.rss (") || !strings.Contains(msg, "404") {
		t.Errorf("error = %q, want both feeds and why", msg)
	}
	_, stderr, err = runMain(t, nil, "watch", "--once", "--db", db, "--host-delay", "1ms", srv.URL+"/rss", srv.URL+"/gone.rss")
	if err != nil {
		t.Fatalf("watch of a good and a failing feed: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "2 new articles") || !strings.Contains(stderr, "1 of 2 feeds failed: "+srv.URL+"/gone.rss (") {
		t.Errorf("watch said:\n%s", stderr)
	}
}
