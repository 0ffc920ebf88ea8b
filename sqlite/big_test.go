package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"petrel"
	"petrel/sqlite"
	"petrel/storetest"
)

// TestBigStore builds a store of PETREL_BIG synthetic articles, one event
// each ("1" means 1,000,000), in batches of 5,000, and reports the median
// time of the queries the web UI makes: filtered pages and whole-store
// statistics (docs/PERFORMANCE.md, "Store ingest and queries"). It fails
// when one takes more than a second. PETREL_BIG_DB keeps the store in that
// file, and reuses it when it is already there. Skipped by default.
func TestBigStore(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PETREL_BIG"))
	if n == 1 {
		n = 1_000_000
	}
	if n <= 0 {
		t.Skip("PETREL_BIG is unset: PETREL_BIG=1 builds and queries a store of 1,000,000 events")
	}
	path := os.Getenv("PETREL_BIG_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "big.db")
	}
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if c, err := s.Counts(ctx); err != nil {
		t.Fatal(err)
	} else if c.Articles < n {
		const batch = 5000
		t0 := time.Now()
		for i := c.Articles; i < n; i += batch {
			if _, err := s.Ingest(ctx, storetest.Docs(i, min(batch, n-i)), "v1"); err != nil {
				t.Fatal(err)
			}
		}
		d := time.Since(t0)
		t.Logf("ingest: %d articles in %v (%.0f articles/s)", n-c.Articles, d.Round(time.Millisecond), float64(n-c.Articles)/d.Seconds())
	}
	median := func(name string, fn func() error) {
		var ds []time.Duration
		for range 15 {
			t0 := time.Now()
			if err := fn(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ds = append(ds, time.Since(t0))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-40s p50 %8.1f ms", name, float64(ds[len(ds)/2].Microseconds())/1000)
		if ds[len(ds)/2] > time.Second {
			t.Errorf("%s: p50 %v, want under a second", name, ds[len(ds)/2])
		}
	}
	for _, p := range []struct {
		name string
		f    petrel.EventFilter
	}{
		{"events", petrel.EventFilter{}},
		{"events actor=FRA", petrel.EventFilter{Actor: "FRA"}},
		{"events source=RUS", petrel.EventFilter{Source: "RUS"}},
		{"events target=CHN", petrel.EventFilter{Target: "CHN"}},
		{"events code=19", petrel.EventFilter{Code: "19"}},
		{"events plover=CONSULT", petrel.EventFilter{Plover: "CONSULT"}},
		{"events text=border dispute", petrel.EventFilter{Text: "border dispute"}},
		{"events text=number 999999 (rare)", petrel.EventFilter{Text: "number 999999"}},
		{"events actor=USA quad=3 since", petrel.EventFilter{Actor: "USA", QuadClass: 3, Since: "2024-02-01"}},
	} {
		median(p.name, func() error {
			_, _, err := s.Events(ctx, p.f)
			return err
		})
	}
	for _, by := range []string{petrel.ByWeek, petrel.ByDyad, petrel.ByQuad, petrel.ByActor} {
		median("stats by "+by, func() error {
			_, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: petrel.EventFilter{Limit: 50}})
			return err
		})
	}
	median("stats by week actor=RUS", func() error {
		_, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByWeek, Filter: petrel.EventFilter{Actor: "RUS"}})
		return err
	})
	median("places", func() error {
		_, err := s.Places(ctx, petrel.EventFilter{})
		return err
	})
	// The map view's requests (GET /api/map): the world, a region, and
	// filtered.
	for _, m := range []struct {
		name string
		q    petrel.GridQuery
	}{
		{"map zoom=1", petrel.GridQuery{Zoom: 1}},
		{"map zoom=4 bbox=Europe", petrel.GridQuery{Zoom: 4, Filter: petrel.EventFilter{BBox: &petrel.BBox{MinLon: -10, MinLat: 35, MaxLon: 40, MaxLat: 60}}}},
		{"map zoom=1 actor=RUS", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{Actor: "RUS"}}},
		{"map zoom=1 quad=4", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{QuadClass: 4}}},
		{"map zoom=1 since=2024-02-15", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{Since: "2024-02-15"}}},
		{"map zoom=1 country=UKR", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{Country: "UKR"}}},
	} {
		median(m.name, func() error {
			_, err := s.Grid(ctx, m.q)
			return err
		})
	}
}
