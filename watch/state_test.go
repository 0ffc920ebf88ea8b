package watch_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"petrel"
	"petrel/sqlite"
	"petrel/watch"
)

// seenBatch returns the state changes of one batch of n articles: each
// URL marked seen with its hash, the hash claimed, the retry entry gone.
func seenBatch(from, n int) []petrel.WatchEntry {
	var out []petrel.WatchEntry
	for i := from; i < from+n; i++ {
		u := fmt.Sprintf("https://news.example.org/world/2024/03/story-%08d", i)
		h := fmt.Sprintf("%064x", i)
		out = append(out,
			petrel.WatchEntry{Kind: "seen", Key: u, Value: h},
			petrel.WatchEntry{Kind: "hash", Key: h, Value: u},
			petrel.WatchEntry{Kind: "retry", Key: u, Delete: true})
	}
	return out
}

// BenchmarkStateSave measures saving the state of one batch of 50
// articles into a SQLite store (one transaction).
func BenchmarkStateSave(b *testing.B) {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "petrel.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		batch := seenBatch(i*50, 50)
		if err := s.SaveWatchState(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResume measures a watcher's start on a SQLite store that has
// seen 100,000 articles: the whole state is read.
func BenchmarkResume(b *testing.B) {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "petrel.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	const n = 100_000
	for i := 0; i < n; i += 5000 {
		if err := s.SaveWatchState(ctx, seenBatch(i, 5000)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		w, err := watch.New(watch.Config{Feeds: []string{"https://news.example.org/rss"}, State: s}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if w.Pending() != 0 {
			b.Fatal("pages pending")
		}
	}
	b.ReportMetric(n, "urls")
}

// flakyState is a StateStore whose saves fail while fail is set.
type flakyState struct {
	watch.StateStore
	fail atomic.Bool
}

func (f *flakyState) SaveWatchState(ctx context.Context, ch []petrel.WatchEntry) error {
	if f.fail.Load() {
		return errors.New("the database is down")
	}
	return f.StateStore.SaveWatchState(ctx, ch)
}

// TestStateSaveFails checks that a watcher whose state cannot be saved
// logs it and goes on, saves the pending changes once it can, and that a
// restart then finds the article seen.
func TestStateSaveFails(t *testing.T) {
	srv := startNews(t)
	path := filepath.Join(t.TempDir(), "state.json")
	ss := &flakyState{StateStore: watch.NewFileState(path)}
	ss.fail.Store(true)
	rec := &recorder{}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var mu sync.Mutex
	var logs []string
	cfg := watch.Config{
		Feeds:     []string{srv.URL + "/atom.xml"},
		HostDelay: time.Millisecond,
		State:     ss,
		Logf: func(format string, args ...any) {
			l := fmt.Sprintf(format, args...)
			mu.Lock()
			logs = append(logs, l)
			mu.Unlock()
			if strings.Contains(l, "saving the state failed: the database is down; it is saved again") {
				ss.fail.Store(false)
			}
			if strings.Contains(l, " feeds: ") && !ss.fail.Load() && len(rec.paths()) > 0 {
				cancel()
			}
		},
	}
	w, err := watch.New(cfg, rec.sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Run(ctx, false, time.Millisecond); err != nil {
		t.Fatalf("Run: %v\n%s", err, strings.Join(logs, "\n"))
	}
	if got := strings.Join(rec.paths(), " "); got != "/b1" {
		t.Fatalf("coded %q, want /b1\n%s", got, strings.Join(logs, "\n"))
	}
	// A restart, with the feed due again: /b1 was saved as seen.
	cfg.State = watch.NewFileState(path)
	cfg.Now = func() time.Time { return time.Now().Add(time.Hour) }
	w, err = watch.New(cfg, rec.sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s := w.Stats(); s.Polls != 1 || s.Articles != 0 {
		t.Errorf("after the restart: %+v, want 1 poll and no article", s)
	}
}
