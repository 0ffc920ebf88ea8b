package http_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"petrel"
	phttp "petrel/http"
	"petrel/storetest"
)

// soakDuration is how long TestSoak runs: PETREL_SOAK (a Go duration) when
// set, else 30 s in CI (CI=true) and 5 s elsewhere, so a developer's run
// stays quick while CI runs the full length.
func soakDuration(tb testing.TB) time.Duration {
	if v := os.Getenv("PETREL_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			tb.Fatalf("PETREL_SOAK: %v", err)
		}
		return d
	}
	if os.Getenv("CI") == "true" {
		return 30 * time.Second
	}
	return 5 * time.Second
}

// TestSoak runs 8 ingesters posting overlapping batches and 32 readers
// against one server and database, then checks that no request failed, no
// reader saw a half-stored article, and every article sent is stored once.
func TestSoak(t *testing.T) {
	for _, backend := range []struct {
		name string
		open func(testing.TB) petrel.Store
	}{{"SQLite", MustOpenSQLite}, {"PostgreSQL", MustOpenPostgres}} {
		t.Run(backend.name, func(t *testing.T) { soak(t, backend.open(t), soakDuration(t)) })
	}
}

func soak(t *testing.T, store petrel.Store, d time.Duration) {
	const (
		ingesters = 8
		readers   = 32
		batch     = 20
	)
	s := MustOpenServer(t, phttp.Config{Store: store, Token: "soak"})
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: ingesters + readers},
		Timeout:   60 * time.Second,
	}
	t.Cleanup(client.CloseIdleConnections)

	var (
		mu     sync.Mutex
		sent   = map[int]bool{} // articles acknowledged as stored
		known  []int            // the same, for readers to pick from
		errs   atomic.Int64
		reads  atomic.Int64
		posts  atomic.Int64
		stop   = time.Now().Add(d)
		wg     sync.WaitGroup
		report = func(format string, args ...any) {
			if errs.Add(1) <= 10 {
				t.Errorf(format, args...)
			}
		}
	)
	fetch := func(method, path string, body []byte, v any) bool {
		req, _ := http.NewRequest(method, s.URL()+path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer soak")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			report("%s %s: %v", method, path, err)
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			report("%s %s: %d %.300s", method, path, resp.StatusCode, b)
			return false
		}
		if err := json.Unmarshal(b, v); err != nil {
			report("%s %s: %v", method, path, err)
			return false
		}
		return true
	}

	for g := range ingesters {
		wg.Go(func() {
			for round := 0; time.Now().Before(stop); round++ {
				// Windows of 2×batch articles stepping by batch across all
				// ingesters: every article is sent twice, by two of them.
				from := (round*ingesters + g) * batch
				reqs := make([]phttp.ArticleRequest, 0, 2*batch)
				for i := from; i < from+2*batch; i++ {
					a := storetest.Article(i)
					reqs = append(reqs, phttp.ArticleRequest{ID: a.ID, Date: a.Date.Format(time.DateOnly),
						Title: a.Title, Text: a.Text, URL: a.URL, Source: a.Source})
				}
				body, _ := json.Marshal(reqs)
				var r phttp.IngestResponse
				if !fetch("POST", "/api/articles", body, &r) {
					return
				}
				posts.Add(1)
				mu.Lock()
				for i := from; i < from+2*batch; i++ {
					if !sent[i] {
						sent[i] = true
						known = append(known, i)
					}
				}
				mu.Unlock()
			}
		})
	}
	for g := range readers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 1))
			for time.Now().Before(stop) {
				mu.Lock()
				i := -1
				if len(known) > 0 {
					i = known[rng.IntN(len(known))]
				}
				mu.Unlock()
				switch op := rng.IntN(5); {
				case op == 0 && i >= 0:
					// A stored article is whole: all its rows are there.
					var a petrel.StoredArticle
					if !fetch("GET", "/api/articles/"+storetest.Article(i).ID, nil, &a) {
						continue
					}
					want := storetest.Docs(i, 1)[0]
					if len(a.Sentences) != len(want.Sentences) || len(a.Mentions) != len(want.Mentions) ||
						len(a.Quotes) != len(want.Quotes) || len(a.Events) != len(want.Events) {
						report("article %s is not whole: %d/%d/%d/%d rows", a.Article.ID,
							len(a.Sentences), len(a.Mentions), len(a.Quotes), len(a.Events))
					}
				case op == 1 && i >= 0:
					var e petrel.StoredEvent
					fetch("GET", "/api/events/"+storetest.Article(i).ID+"-0", nil, &e)
				case op == 2:
					var r phttp.TimelineResponse
					fetch("GET", "/api/stats/timeline?interval=day&actor=RUS", nil, &r)
				case op == 3:
					var r phttp.StatsResponse
					fetch("GET", "/api/stats/dyads?limit=10", nil, &r)
				default:
					// Page through a filtered list; no event may repeat.
					var r phttp.EventsResponse
					base := fmt.Sprintf("/api/events?limit=50&code=%d", rng.IntN(2))
					path := base
					seen := map[string]bool{}
					for p := 0; p < 3 && fetch("GET", path, nil, &r); p++ {
						for _, e := range r.Events {
							if seen[e.ID] {
								report("event %s twice in one listing", e.ID)
							}
							seen[e.ID] = true
						}
						if r.NextCursor == "" {
							break
						}
						path = base + "&cursor=" + r.NextCursor
					}
				}
				reads.Add(1)
			}
		})
	}
	wg.Wait()
	t.Logf("%v: %d ingest requests, %d reads, %d articles", d, posts.Load(), reads.Load(), len(sent))
	if errs.Load() > 0 {
		t.Fatalf("%d requests failed", errs.Load())
	}
	var docs []*petrel.Document
	for i := range sent {
		docs = append(docs, storetest.FakeCoder{}.Code(storetest.Article(i)))
	}
	if got, want := storetest.MustCounts(t, store), storetest.WantCounts(docs); got != want {
		t.Fatalf("counts = %+v, want %+v", got, want)
	}
}
