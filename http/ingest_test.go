package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"petrel"
	phttp "petrel/http"
	"petrel/storetest"
)

// TestIngestUpdate checks that an article sent again under its ID with
// another text is answered, stored and logged as an update, and the same
// text again as unchanged.
func TestIngestUpdate(t *testing.T) {
	store := MustOpenSQLite(t)
	var logs lockedBuffer
	s := MustOpenServer(t, phttp.Config{Store: store, Token: "secret", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	post := func(body string) phttp.IngestResponse {
		t.Helper()
		status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(body))
		var r phttp.IngestResponse
		if err := json.Unmarshal(b, &r); err != nil || status != 200 {
			t.Fatalf("%d %s", status, b)
		}
		return r
	}
	post(`{"id":"10003","text":"Russia met Ukraine in Geneva."}`)
	r := post(`{"id":"10003","text":"China praised France today."}`)
	if r.Updated != 1 || r.Inserted+r.Replaced+r.Unchanged+r.Duplicates != 0 || !r.Articles[0].Updated {
		t.Errorf("reply = %+v, want 1 updated", r)
	}
	a, err := store.Article(context.Background(), "10003")
	if err != nil || !strings.Contains(a.Article.Text, "China") {
		t.Fatalf("stored %+v, %v; want the new text", a, err)
	}
	evs, _, err := store.Events(context.Background(), petrel.EventFilter{ArticleID: "10003"})
	if err != nil || len(evs) != 1 || !strings.Contains(evs[0].Sentence, "China") {
		t.Errorf("events = %+v, %v; want the new text's one event", evs, err)
	}
	if !strings.Contains(logs.String(), "article updated") || !strings.Contains(logs.String(), "id=10003") {
		t.Errorf("log = %q, want the update", logs.String())
	}
	if r := post(`{"id":"10003","text":"China praised France today."}`); r.Unchanged != 1 || r.Articles[0].Updated {
		t.Errorf("reply = %+v, want 1 unchanged", r)
	}
}

// TestIngestTooLarge checks the cap on an ingest request's body.
func TestIngestTooLarge(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Token: "secret", MaxIngestBytes: 1000})
	body := `{"id":"big","text":"` + strings.Repeat("Russia met Ukraine. ", 100) + `"}`
	status, b := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(body))
	expectError(t, status, b, 413, petrel.ETOOLARGE, "")
}

// slowStore holds every Ingest until release is closed.
type slowStore struct {
	petrel.Store
	started chan struct{}
	release chan struct{}
}

func (s *slowStore) Ingest(ctx context.Context, docs []*petrel.Document, v string) (petrel.IngestStats, error) {
	s.started <- struct{}{}
	<-s.release
	return s.Store.Ingest(ctx, docs, v)
}

// TestIngestBusy checks that a write that cannot have the write lock within
// WriteWait is answered 503 with Retry-After and logged, and that the one
// holding it completes.
func TestIngestBusy(t *testing.T) {
	store := &slowStore{Store: MustOpenSQLite(t), started: make(chan struct{}, 2), release: make(chan struct{})}
	var logs lockedBuffer
	s := MustOpenServer(t, phttp.Config{Store: store, Token: "secret", WriteWait: 200 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	first := make(chan int)
	go func() {
		status, _ := do(t, "POST", s.URL()+"/api/articles", "secret", []byte(`{"id":"a","text":"Russia met Ukraine."}`))
		first <- status
	}()
	<-store.started
	req, _ := http.NewRequest("POST", s.URL()+"/api/articles", strings.NewReader(`{"id":"b","text":"China met France."}`))
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	resp.Body.Close()
	expectError(t, resp.StatusCode, body.Bytes(), 503, petrel.EUNAVAILABLE, "")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	if !strings.Contains(logs.String(), "store busy") {
		t.Errorf("log = %q, want the busy write", logs.String())
	}
	close(store.release)
	if status := <-first; status != 200 {
		t.Errorf("the write holding the lock got %d", status)
	}
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// gatedCoder codes as FakeCoder does, but each Code call first says it
// started and then waits for release to be closed.
type gatedCoder struct {
	storetest.FakeCoder
	started chan struct{}
	release chan struct{}
}

func (c *gatedCoder) Code(a *petrel.Article) *petrel.Document {
	c.started <- struct{}{}
	<-c.release
	return c.FakeCoder.Code(a)
}

// TestCodingBudget checks that requests code at most MaxCodingBytes of
// text at once: one that would pass it waits, and past WriteWait is
// answered 503 with Retry-After and logged, while one that fits beside
// the others is coded at once; after the first finishes, the same request
// goes through. Each coded document is held whole until it is stored or
// sent, so without the cap the server's memory grew with the number of
// large requests in flight.
func TestCodingBudget(t *testing.T) {
	coder := &gatedCoder{started: make(chan struct{}, 4), release: make(chan struct{})}
	var logs lockedBuffer
	s := MustOpenServer(t, phttp.Config{Token: "secret", Coder: coder, WriteWait: 200 * time.Millisecond,
		MaxIngestBytes: 1000, MaxCodeBytes: 400, MaxCodingBytes: 1000,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	article := func(id string, n int) []byte {
		return []byte(`{"id":"` + id + `","text":"` + strings.Repeat("Russia met Ukraine. ", n/20) + `"}`)
	}
	big := article("a", 700)
	first := make(chan int)
	go func() {
		status, _ := do(t, "POST", s.URL()+"/api/articles", "secret", big)
		first <- status
	}()
	<-coder.started // 700-odd bytes of the budget's 1,000 are taken

	req, _ := http.NewRequest("POST", s.URL()+"/api/articles", bytes.NewReader(article("b", 400)))
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		close(coder.release)
		t.Fatalf("a request past the budget was not refused: %v", err)
	}
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	resp.Body.Close()
	expectError(t, resp.StatusCode, body.Bytes(), 503, petrel.EUNAVAILABLE, "")
	if resp.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	if !strings.Contains(logs.String(), "busy coding") {
		t.Errorf("log = %q, want the refused request", logs.String())
	}
	// POST /api/code takes from the same budget: 200 bytes fit.
	small := make(chan int)
	go func() {
		status, _ := do(t, "POST", s.URL()+"/api/code", "secret", []byte(`{"text":"`+strings.Repeat("Russia met Ukraine. ", 10)+`"}`))
		small <- status
	}()
	select {
	case <-coder.started:
	case <-time.After(10 * time.Second):
		t.Fatal("a request that fits the budget was not coded")
	}
	close(coder.release)
	if status := <-first; status != 200 {
		t.Errorf("the first request got %d", status)
	}
	if status := <-small; status != 200 {
		t.Errorf("the small request got %d", status)
	}
	if status, b := do(t, "POST", s.URL()+"/api/articles", "secret", article("b", 400)); status != 200 {
		t.Errorf("once the budget is free: %d %s", status, b)
	}
}
