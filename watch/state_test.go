package watch_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

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
