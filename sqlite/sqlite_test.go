package sqlite_test

import (
	"path/filepath"
	"testing"

	"petrel"
	"petrel/sqlite"
	"petrel/storetest"
)

// MustOpen opens a store in a new file in the test's temporary directory
// and closes it when the test ends.
func MustOpen(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(filepath.Join(tb.TempDir(), "petrel.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Test(t, func(tb testing.TB) petrel.Store { return MustOpen(tb) })
}

func TestStoreMemory(t *testing.T) {
	storetest.Test(t, func(tb testing.TB) petrel.Store {
		s, err := sqlite.Open(":memory:")
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		return s
	})
}

// BenchmarkIngest measures articles stored per second in batches of 1,000
// documents from FakeCoder (three sentences, two mentions, a quote and one
// event each).
func BenchmarkIngest(b *testing.B) {
	const batch = 1000
	s := MustOpen(b)
	docs := storetest.Docs(0, 20*batch)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		from := (n * batch) % len(docs)
		if from == 0 && n > 0 {
			b.StopTimer()
			s.Close()
			s = MustOpen(b)
			b.StartTimer()
		}
		storetest.MustIngest(b, s, docs[from:from+batch], "v1")
		n++
	}
	b.ReportMetric(float64(n*batch)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestDocs stores real coder output: see
// storetest.BenchmarkIngestDocs.
func BenchmarkIngestDocs(b *testing.B) {
	storetest.BenchmarkIngestDocs(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 5000)
}
