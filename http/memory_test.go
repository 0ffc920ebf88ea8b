package http_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
	phttp "petrel/http"
)

// newsText returns about n bytes of news text, the project's example
// articles over and over: dense with actors and events, as political news
// is, unlike most of a wire corpus.
func newsText(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no example articles: %v", err)
	}
	var one strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		one.Write(b)
		one.WriteString("\n\n")
	}
	return strings.Repeat(one.String(), n/one.Len()+1)[:n]
}

// realCoder returns a coder with the built-in dictionaries.
func realCoder(tb testing.TB) *coder.Coder {
	tb.Helper()
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		tb.Fatal(err)
	}
	return coder.New(d, coder.DefaultOptions)
}

// peakLiveHeap runs f and returns the largest live heap that a garbage
// collection found while it ran, over the live heap before it. The live
// heap is what the collector marked: unlike RSS or HeapInuse it does not
// depend on when the collector happened to run, so a bound on it holds on
// a loaded machine. Collections are made frequent (GOGC=10) so that no
// peak falls far between two of them.
func peakLiveHeap(f func()) (before, peak uint64) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	live := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	before = live()
	var (
		mu   sync.Mutex
		max  = before
		done bool
	)
	// A finalizer runs after each collection that finds its object
	// unreachable; re-armed each time, it samples every collection.
	type sentinel struct{ _ [16]byte }
	var arm func(*sentinel)
	arm = func(*sentinel) {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		if v := live(); v > max {
			max = v
		}
		runtime.SetFinalizer(&sentinel{}, arm)
	}
	runtime.SetFinalizer(&sentinel{}, arm)
	f()
	mu.Lock()
	done = true
	peak = max
	mu.Unlock()
	return before, peak
}

// TestIngestMemory bounds the memory one large POST /api/articles takes:
// the heap it holds at its peak, coding and storing a 2 MB article. On
// SQLite, which stores the article while it is coded (StreamIngestBytes),
// that is at most 6 times the text (3.2 measured: the text, its sentences,
// and a batch of rows); on PostgreSQL, which stores whole documents, at
// most 20 times (the coded document itself is about 13 times the text for
// news this dense). The stores used to build a row of values for every
// sentence, mention and event of the batch before writing any, which
// doubled that; a 7 MB article of such text made petrel serve reach
// 634 MB.
func TestIngestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 2 MB of text")
	}
	c := realCoder(t)
	for _, backend := range []struct {
		name  string
		open  func(testing.TB) petrel.Store
		bound uint64
	}{{"SQLite", MustOpenSQLite, 6}, {"PostgreSQL", MustOpenPostgres, 20}} {
		t.Run(backend.name, func(t *testing.T) { ingestMemory(t, backend.open(t), c, backend.bound) })
	}
}

func ingestMemory(t *testing.T, store petrel.Store, c petrel.Coder, bound uint64) {
	s := MustOpenServer(t, phttp.Config{Store: store, Token: "t", Coder: c})
	// Load what the coder and store load on first use (the gazetteer).
	if status, b := do(t, "POST", s.URL()+"/api/articles", "t", []byte(`{"id":"warm","text":"Russia met Ukraine in Geneva."}`)); status != 200 {
		t.Fatalf("%d %s", status, b)
	}
	text := newsText(t, 2<<20)
	body, err := json.Marshal(phttp.ArticleRequest{ID: "big", Date: "2024-06-04", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var (
		status int
		resp   []byte
	)
	before, peak := peakLiveHeap(func() {
		status, resp = do(t, "POST", s.URL()+"/api/articles", "t", body)
	})
	var r phttp.IngestResponse
	if err := json.Unmarshal(resp, &r); err != nil || status != 200 || r.Inserted != 1 {
		t.Fatalf("%d %s", status, resp)
	}
	if r.Events < len(text)/200 {
		t.Fatalf("%d events from %d bytes: not the dense text this test needs", r.Events, len(text))
	}
	grew := peak - before
	t.Logf("%d bytes of text, %d events: live heap %d MB before, peak %d MB (+%.1f× the text)",
		len(text), r.Events, before>>20, peak>>20, float64(grew)/float64(len(text)))
	if limit := bound * uint64(len(text)); grew > limit {
		t.Errorf("the request held %d MB of heap at its peak, more than %d MB (%d× its text)", grew>>20, limit>>20, bound)
	}
}
