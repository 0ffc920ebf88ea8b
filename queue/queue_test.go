package queue_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"petrel"
	"petrel/internal/natstest"
	"petrel/queue"
)

func open(tb testing.TB, url string) *queue.Queue {
	tb.Helper()
	q, err := queue.Open(context.Background(), queue.Config{URL: url, AckWait: time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { q.Close() })
	return q
}

// upper is a Coder that codes one event per article: its text upper-cased.
type upper struct{}

func (upper) Code(a *petrel.Article) *petrel.Document {
	return &petrel.Document{Article: *a, Events: []petrel.Event{{ID: a.ID + "-0", ArticleID: a.ID, Sentence: strings.ToUpper(a.Text)}}}
}

// memStore is the part of a store the worker uses: Ingest, keyed by ID.
type memStore struct {
	petrel.Store
	mu   sync.Mutex
	docs map[string]*petrel.Document
	fail int // Ingest calls left to fail
	hits int
}

func (s *memStore) Ingest(ctx context.Context, docs []*petrel.Document, v string) (petrel.IngestStats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits++
	if err := ctx.Err(); err != nil {
		return petrel.IngestStats{}, err // as a database driver does
	}
	if s.fail > 0 {
		s.fail--
		return petrel.IngestStats{}, fmt.Errorf("database is locked")
	}
	var st petrel.IngestStats
	for _, d := range docs {
		if _, ok := s.docs[d.Article.ID]; ok {
			st.Unchanged++
			continue
		}
		s.docs[d.Article.ID] = d
		st.Inserted++
		st.Events += len(d.Events)
	}
	return st, nil
}

func TestPublishWorker(t *testing.T) {
	url := natstest.Start(t)
	q := open(t, url)
	ctx := context.Background()
	p := q.Publisher()
	for i := range 50 {
		a := &petrel.Article{ID: fmt.Sprint("a", i%40), Text: fmt.Sprint("text ", i%40), Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
		if err := p.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// An ID no header can carry is published under its hash, and its
	// repeat is still dropped; an article no store can keep is refused.
	for range 2 {
		if err := p.Publish(ctx, &petrel.Article{ID: "line\nbreak", Text: "text 40"}); err != nil {
			t.Fatal(err)
		}
	}
	// An article sent again under its ID with another text is an update,
	// not a duplicate: it is kept (and its repeat dropped).
	for range 2 {
		if err := p.Publish(ctx, &petrel.Article{ID: "a1", Text: "text 1, edited", Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Publish(ctx, &petrel.Article{ID: "nul", Title: "a\x00b", Text: "t"}); petrel.ErrorCode(err) != petrel.EINVALID {
		t.Errorf("publishing a NUL title: %v, want EINVALID", err)
	}
	st, err := p.Flush(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Published != 42 || st.Duplicates != 12 {
		t.Errorf("published %+v, want 42 stored and 12 duplicates", st)
	}
	if n, _ := q.Pending(ctx); n != 42 {
		t.Errorf("%d messages in the stream, want 42", n)
	}
	// A message that is no article is dropped, not redelivered forever.
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if err := nc.Publish(queue.DefaultSubject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	nc.Flush()

	// The store fails twice: the batch is negatively acknowledged,
	// redelivered, and stored once.
	store := &memStore{docs: map[string]*petrel.Document{}, fail: 2}
	w := &queue.Worker{Queue: q, Coder: upper{}, Store: store, Workers: 3, Batch: 16, UntilEmpty: true}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("worker did not stop on an empty stream")
	}
	if len(store.docs) != 41 || store.docs["line\nbreak"] == nil {
		t.Errorf("%d articles stored, want 41 (a1 twice, the second an update)", len(store.docs))
	}
	if d := store.docs["a7"]; d == nil || d.Events[0].Sentence != "TEXT 7" || !d.Article.Date.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a7 stored as %+v", d)
	}
	if s := w.Stats(); s.Bad != 1 || s.Articles != 42 || s.Redelivered == 0 {
		t.Errorf("worker stats %+v: want 42 articles, 1 bad message, some redelivered", s)
	}
	if n, _ := q.Pending(ctx); n != 0 {
		t.Errorf("%d messages left", n)
	}
}

// corpusArticles reads up to n articles of the shared corpus.
func corpusArticles(tb testing.TB, n int) ([]*petrel.Article, int64) {
	f, err := os.Open("../../shared/corpus/reuters-21578/articles.jsonl")
	if err != nil {
		tb.Skip("shared corpus not found: ", err)
	}
	defer f.Close()
	var arts []*petrel.Article
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 8<<20)
	for sc.Scan() && len(arts) < n {
		var a petrel.Article
		var raw struct {
			ID, Date, Title, Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			tb.Fatal(err)
		}
		a.ID, a.Title, a.Text = raw.ID, raw.Title, raw.Text
		a.Date, _ = time.Parse(time.DateOnly, raw.Date)
		arts = append(arts, &a)
		size += int64(len(a.Text))
	}
	return arts, size
}

// BenchmarkQueue measures JetStream on this machine with petrel's
// messages: the corpus's articles published (each acknowledged by the
// server, file storage) and then consumed and acknowledged by a worker
// that neither codes nor stores, so the figures are the queue's alone.
func BenchmarkQueue(b *testing.B) {
	arts, size := corpusArticles(b, 20000)
	url := natstest.Start(b)
	ctx := context.Background()
	b.Run("Publish", func(b *testing.B) {
		q := open(b, url)
		p := q.Publisher()
		b.SetBytes(size / int64(len(arts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			a := *arts[i%len(arts)]
			a.ID = fmt.Sprint(a.ID, "-", i) // no duplicates
			if err := p.Publish(ctx, &a); err != nil {
				b.Fatal(err)
			}
			i++
		}
		if _, err := p.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "msgs/s")
	})
	b.Run("Consume", func(b *testing.B) {
		q := open(b, url)
		// Publish b.N fresh messages untimed, then time one worker
		// draining them.
		b.StopTimer()
		p := q.Publisher()
		for i := range b.N {
			a := *arts[i%len(arts)]
			a.ID = fmt.Sprint(a.ID, "-c", b.N, "-", i)
			if err := p.Publish(ctx, &a); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := p.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size / int64(len(arts)))
		b.ReportAllocs()
		store := &memStore{docs: map[string]*petrel.Document{}}
		w := &queue.Worker{Queue: q, Coder: nop{}, Store: store, Workers: 1, Batch: 256, UntilEmpty: true}
		b.StartTimer()
		start := time.Now()
		if err := w.Run(ctx); err != nil {
			b.Fatal(err)
		}
		// Less the last empty fetch (1 s) that tells the stream is empty.
		el := time.Since(start) - time.Second
		b.ReportMetric(float64(w.Stats().Articles)/el.Seconds(), "msgs/s")
	})
}

// nop codes nothing.
type nop struct{}

func (nop) Code(a *petrel.Article) *petrel.Document { return &petrel.Document{Article: *a} }

// slowStore is a memStore whose Ingest takes a while.
type slowStore struct {
	memStore
	started chan struct{}
}

func (s *slowStore) Ingest(ctx context.Context, docs []*petrel.Document, v string) (petrel.IngestStats, error) {
	select {
	case s.started <- struct{}{}:
	default:
	}
	time.Sleep(200 * time.Millisecond)
	return s.memStore.Ingest(ctx, docs, v)
}

// TestWorkerStop stops a worker while it stores: what it had coded is
// stored and acknowledged, everything else is handed back at once, so the
// stream holds exactly the articles not stored.
func TestWorkerStop(t *testing.T) {
	q := open(t, natstest.Start(t))
	ctx := context.Background()
	p := q.Publisher()
	for i := range 300 {
		if err := p.Publish(ctx, &petrel.Article{ID: fmt.Sprint("s", i), Text: "text"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	store := &slowStore{memStore: memStore{docs: map[string]*petrel.Document{}}, started: make(chan struct{}, 1)}
	var logs []string
	var mu sync.Mutex
	w := &queue.Worker{Queue: q, Coder: upper{}, Store: store, Batch: 20,
		Logf: func(f string, a ...any) { mu.Lock(); logs = append(logs, fmt.Sprintf(f, a...)); mu.Unlock() }}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx) }()
	<-store.started
	stop()
	if err := <-done; err != nil && err != context.Canceled {
		t.Fatal(err)
	}
	if len(logs) > 0 {
		t.Errorf("a stop logged problems: %q", logs)
	}
	stored := len(store.docs)
	if stored == 0 || stored == 300 {
		t.Fatalf("%d articles stored: the stop came too early or too late", stored)
	}
	// Acknowledgements are asynchronous: give them a moment.
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, _ := q.Pending(ctx)
		if int(n) == 300-stored {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages left after storing %d of 300", n, stored)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A second worker codes the rest.
	w2 := &queue.Worker{Queue: q, Coder: upper{}, Store: &store.memStore, Batch: 50, UntilEmpty: true}
	if err := w2.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if len(store.docs) != 300 {
		t.Errorf("%d articles stored in the end", len(store.docs))
	}
}
