package storetest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"petrel"
)

// ReadDocs reads documents, one JSON object a line, as "petrel code
// --format doc" writes them.
func ReadDocs(tb testing.TB, path string) []*petrel.Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []*petrel.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var d petrel.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, &d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// BenchmarkIngest measures articles stored per second, in batches of batch
// synthetic documents from FakeCoder, into a store that open makes afresh
// each time 20 batches have been stored (outside the timer).
func BenchmarkIngest(b *testing.B, open Opener, batch int) {
	s := open(b)
	docs := Docs(0, 20*batch)
	n := 0
	for b.Loop() {
		from := (n * batch) % len(docs)
		if from == 0 && n > 0 {
			b.StopTimer()
			s.Close()
			s = open(b)
			b.StartTimer()
		}
		MustIngest(b, s, docs[from:from+batch], "v1")
		n++
	}
	b.ReportMetric(float64(n*batch)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestDocs stores the documents in the file PETREL_BENCH_DOCS
// names (made by "petrel code --format doc CORPUS"), all of them into a
// new store per iteration in batches of batch, and reports articles/s: the
// store's own speed on real coder output, without the coding.
func BenchmarkIngestDocs(b *testing.B, open Opener, batch int) {
	path := os.Getenv("PETREL_BENCH_DOCS")
	if path == "" {
		b.Skip("PETREL_BENCH_DOCS is unset: make it with petrel code --format doc CORPUS > docs.jsonl")
	}
	docs := ReadDocs(b, path)
	ctx := context.Background()
	articles := 0
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		for i := 0; i < len(docs); i += batch {
			if _, err := s.Ingest(ctx, docs[i:min(i+batch, len(docs))], "bench"); err != nil {
				b.Fatal(err)
			}
		}
		articles += len(docs)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
	// On a shared machine wall time varies with the neighbours' load; the
	// process's CPU time per article varies less. (It includes opening and
	// closing stores, and, for a server database, none of the server's.)
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGrid measures the map's grid (Store.Grid) over a store of n
// synthetic articles, half of whose events are located: the world at zoom
// 1, a region at zoom 4, and the world under an actor filter.
func BenchmarkGrid(b *testing.B, open Opener, n int) {
	s := open(b)
	for i := 0; i < n; i += 5000 {
		MustIngest(b, s, Docs(i, min(5000, n-i)), "v1")
	}
	ctx := context.Background()
	for _, q := range []struct {
		name string
		q    petrel.GridQuery
	}{
		{"World", petrel.GridQuery{Zoom: 1}},
		{"Europe", petrel.GridQuery{Zoom: 4, Filter: petrel.EventFilter{BBox: &petrel.BBox{MinLon: -15, MinLat: 30, MaxLon: 45, MaxLat: 60}}}},
		{"Actor", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{Actor: "RUS"}}},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Grid(ctx, q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
