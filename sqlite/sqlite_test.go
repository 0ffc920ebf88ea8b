package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
		// Migrations 0011 to 0005 undone: the parties' inferences, the
		// watch state, the map rollup and the location's details go.
		"ALTER TABLE events DROP COLUMN src_inferred", "ALTER TABLE events DROP COLUMN tgt_inferred",
		"DROP TABLE watch_state",
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

// TestUpgradePartyInferred opens a store made before migration 0011 (its
// columns dropped) and checks that the events stored before read as named
// actors, and that an event stored after keeps how its parties' codes were
// inferred.
func TestUpgradePartyInferred(t *testing.T) {
	path := filepath.Join(t.TempDir(), "petrel.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustIngest(t, s, storetest.Docs(0, 50), "v1")
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"ALTER TABLE events DROP COLUMN src_inferred", "ALTER TABLE events DROP COLUMN tgt_inferred",
		"DELETE FROM schema_version WHERE version >= 11",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s = MustOpenPath(t, path)
	ctx := context.Background()
	evs, _, err := s.Events(ctx, petrel.EventFilter{Limit: 1000})
	if err != nil || len(evs) == 0 {
		t.Fatalf("Events after upgrade = %d events, %v", len(evs), err)
	}
	for _, e := range evs {
		if e.Source != nil && e.Source.Inferred != "" || e.Target != nil && e.Target.Inferred != "" {
			t.Fatalf("event stored before 0011 has an inference: %+v %+v", e.Source, e.Target)
		}
	}
	d := storetest.FakeCoder{}.Code(storetest.Article(60))
	if len(d.Events) == 0 || d.Events[0].Target == nil {
		t.Fatal("fixture has no event with a target")
	}
	d.Events[0].Source.Inferred, d.Events[0].Target.Inferred = "dateline", "place"
	storetest.MustIngest(t, s, []*petrel.Document{d}, "v1")
	e, err := s.Event(ctx, d.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Event, d.Events[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("Event after upgrade = %+v\nwant %+v", got, want)
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

// TestUpgradeArticleCopies opens a store whose articles table has the
// UNIQUE text_hash of migration 0001 (migration 0009 undone) and checks
// that the migration keeps every row of every table, drops the constraint
// and keeps an index on text_hash, so that a copy of a stored text under
// a new ID is then stored.
func TestUpgradeArticleCopies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "petrel.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustIngest(t, s, storetest.Docs(0, 300), "v1")
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE articles_old (
			seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, text_hash TEXT NOT NULL UNIQUE, story TEXT NOT NULL,
			date TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, url TEXT NOT NULL, source TEXT NOT NULL,
			dict_version TEXT NOT NULL, coded_at TEXT NOT NULL, n_sentences INTEGER NOT NULL, n_mentions INTEGER NOT NULL,
			n_quotes INTEGER NOT NULL, n_events INTEGER NOT NULL, skipped TEXT, problems TEXT)`,
		`INSERT INTO articles_old SELECT seq, id, text_hash, story, date, title, text, url, source, dict_version, coded_at,
			n_sentences, n_mentions, n_quotes, n_events, skipped, problems FROM articles`,
		`DROP TABLE articles`,
		`ALTER TABLE articles_old RENAME TO articles`,
		`CREATE INDEX articles_story ON articles (story)`,
		`UPDATE articles SET problems = 'p' WHERE seq % 7 = 0`,
		`DROP TABLE watch_state`, // migrations 0010 and 0011, applied again
		`ALTER TABLE events DROP COLUMN src_inferred`, `ALTER TABLE events DROP COLUMN tgt_inferred`,
		`DELETE FROM schema_version WHERE version >= 9`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	dump := func() []string {
		t.Helper()
		var out []string
		for _, q := range []string{
			`SELECT seq, id, text_hash, story, date, title, text, url, source, dict_version, coded_at,
				n_sentences, n_mentions, n_quotes, n_events, COALESCE(skipped, '-'), COALESCE(problems, '-') FROM articles ORDER BY seq`,
			`SELECT 'counts', (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM quotes),
				(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_rollup), (SELECT COUNT(*) FROM map_rollup)`,
		} {
			rows, err := db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(vals...))
			}
			rows.Close()
		}
		return out
	}
	before := dump()
	if len(before) != 301 {
		t.Fatalf("%d rows before the upgrade, want 300 articles and the counts", len(before))
	}
	s = MustOpenPath(t, path)
	if after := dump(); !slices.Equal(after, before) {
		t.Fatalf("the upgrade changed the stored rows: %d rows before, %d after", len(before), len(after))
	}
	checkIntegrity(t, s)
	var unique, hashIndex int
	if err := db.QueryRow(`SELECT COUNT(*) FROM pragma_index_list('articles') l, pragma_index_info(l.name) i
		WHERE l."unique" AND i.name = 'text_hash'`).Scan(&unique); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM pragma_index_list('articles') l, pragma_index_info(l.name) i
		WHERE i.name = 'text_hash' AND i.seqno = 0`).Scan(&hashIndex); err != nil {
		t.Fatal(err)
	}
	if unique != 0 || hashIndex != 1 {
		t.Errorf("after the upgrade: %d unique indexes with text_hash, %d indexes on it; want 0 and 1", unique, hashIndex)
	}
	ctx := context.Background()
	evs, _, err := s.Events(ctx, petrel.EventFilter{Text: "dispute", Limit: 5})
	if err != nil || len(evs) == 0 {
		t.Errorf("text search after upgrade = %d events, %v", len(evs), err)
	}
	a := storetest.Article(3)
	a.ID = "copy-of-3"
	st := storetest.MustIngest(t, s, []*petrel.Document{storetest.FakeCoder{}.Code(a)}, "v1")
	if st.Duplicates != 1 || st.Events != 1 {
		t.Errorf("a copy after upgrade: stats = %+v, want 1 duplicate with its event", st)
	}
	if got := storetest.MustCounts(t, s).Articles; got != 301 {
		t.Errorf("Articles = %d, want 301", got)
	}
}

// TestStoreStreamed runs the store tests with every document stored in
// parts through IngestStream.
func TestStoreStreamed(t *testing.T) {
	storetest.Test(t, func(tb testing.TB) petrel.Store { return storetest.Streamed(MustOpen(tb)) })
}
