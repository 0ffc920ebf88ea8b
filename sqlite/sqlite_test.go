package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
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
	storetest.BenchmarkIngest(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 1000)
}

// BenchmarkIngestDocs stores real coder output: see
// storetest.BenchmarkIngestDocs.
func BenchmarkIngestDocs(b *testing.B) {
	storetest.BenchmarkIngestDocs(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 5000)
}

// TestUpgrade opens a store written before migration 0004 (its indexes
// put back, its rollup and version row taken away) and checks that the
// migration brings the rollup in line with the events.
func TestUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "petrel.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustIngest(t, s, storetest.Docs(0, 200), "v1")
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		// Migrations 0007 to 0005 undone: the map rollup and the
		// location's details go.
		"DROP TABLE map_rollup",
		"DROP INDEX events_map", "DROP INDEX events_loc_admin1", "DROP INDEX events_loc_admin1_code",
		"ALTER TABLE events DROP COLUMN loc_precision", "ALTER TABLE events DROP COLUMN loc_geonameid",
		"ALTER TABLE events DROP COLUMN loc_admin1", "ALTER TABLE events DROP COLUMN loc_admin1_code",
		"ALTER TABLE events DROP COLUMN loc_source",
		"DROP TABLE event_rollup", "DROP INDEX events_places",
		"DROP INDEX events_src", "CREATE INDEX events_src ON events (src_code)",
		"DROP INDEX events_tgt", "CREATE INDEX events_tgt ON events (tgt_code)",
		"DROP INDEX events_code", "CREATE INDEX events_code ON events (code)",
		"DROP INDEX events_loc_country", "CREATE INDEX events_loc_country ON events (loc_country) WHERE loc_country IS NOT NULL",
		"CREATE INDEX events_src_country ON events (src_country)", "CREATE INDEX events_tgt_country ON events (tgt_country)",
		"CREATE INDEX events_plover ON events (plover_type)",
		"DELETE FROM schema_version WHERE version >= 4",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s = MustOpenPath(t, path)
	ctx := context.Background()
	for _, by := range petrel.StatsGroupings {
		got, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: petrel.EventFilter{Limit: 1000}})
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: petrel.EventFilter{Limit: 1000, Text: "dispute"}})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || len(got) == 0 {
			t.Errorf("by %s after upgrade: %+v\nfrom the events: %+v", by, got, want)
		}
	}
	evs, _, err := s.Events(ctx, petrel.EventFilter{Actor: "RUS", Limit: 5})
	if err != nil || len(evs) != 5 {
		t.Errorf("Events(actor RUS) after upgrade = %d events, %v", len(evs), err)
	}
	// Locations stored before migration 0005 read without its details,
	// and the map counts them.
	evs, _, err = s.Events(ctx, petrel.EventFilter{Country: "UKR", Limit: 5})
	if err != nil || len(evs) == 0 {
		t.Fatalf("Events(country UKR) after upgrade = %d events, %v", len(evs), err)
	}
	if l := evs[0].Location; l == nil || l.Name == "" || l.Precision != "" || l.GeoNameID != 0 || l.Admin1Code != "" {
		t.Errorf("location stored before 0005 = %+v", l)
	}
	cells, err := s.Grid(ctx, petrel.GridQuery{Zoom: 3})
	if err != nil || len(cells) == 0 {
		t.Errorf("Grid after upgrade = %d cells, %v", len(cells), err)
	}
}

// TestOpenExisting checks that a missing file is reported, not created.
func TestOpenExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	_, err := sqlite.OpenExisting(path)
	if petrel.ErrorCode(err) != petrel.ENOTFOUND || petrel.ErrorMessage(err) != "no store at "+path {
		t.Fatalf("err = %v, want ENOTFOUND: no store at %s", err, path)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("OpenExisting created the file")
	}
	MustOpenPath(t, path).Close()
	s, err := sqlite.OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// TestIngestBusy checks that a write lock another process holds past
// busy_timeout is ErrUnavailable, something to retry, not an internal
// error.
func TestIngestBusy(t *testing.T) {
	defer sqlite.SetBusyTimeout(200)()
	path := filepath.Join(t.TempDir(), "petrel.db")
	s := MustOpenPath(t, path)
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(200)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Ingest(context.Background(), storetest.Docs(0, 3), "v1")
	if petrel.ErrorCode(err) != petrel.EUNAVAILABLE {
		t.Fatalf("err = %v, want EUNAVAILABLE", err)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	storetest.MustIngest(t, s, storetest.Docs(0, 3), "v1")
}

// BenchmarkGrid measures the map's grid over 20,000 synthetic articles:
// see storetest.BenchmarkGrid.
func BenchmarkGrid(b *testing.B) {
	storetest.BenchmarkGrid(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 20000)
}
