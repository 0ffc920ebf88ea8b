package postgres_test

import (
	"context"
	"net/url"
	"os"
	"petrel/internal/pgtest"
	"reflect"
	"strings"
	"testing"

	"petrel"
	"petrel/postgres"
	"petrel/storetest"
)

// DSN returns the test database's DSN from PETREL_TEST_POSTGRES, or skips
// the test when it is unset.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("PETREL_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("PETREL_TEST_POSTGRES is unset: skipping the PostgreSQL store tests (source .ci/postgres.sh to run them)")
	}
	return dsn
}

// MustOpen opens a store in a new schema of the test database, dropped when
// the test ends, so tests do not see each other's rows.
func MustOpen(tb testing.TB) *postgres.Store {
	tb.Helper()
	DSN(tb)
	s, err := postgres.Open(pgtest.Schema(tb, "petrel_test_"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func withParam(dsn, k, v string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			q.Set(k, v)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " " + k + "=" + v
}

func TestStore(t *testing.T) {
	storetest.Test(t, func(tb testing.TB) petrel.Store { return MustOpen(tb) })
}

func TestOpen(t *testing.T) {
	t.Run("ErrInvalidDSN", func(t *testing.T) {
		if _, err := postgres.Open("postgres://%zz"); petrel.ErrorCode(err) != petrel.EINVALID {
			t.Fatalf("err = %v, want EINVALID", err)
		}
	})
	t.Run("MigratedTwice", func(t *testing.T) {
		s := MustOpen(t)
		_ = s
	})
}

// BenchmarkIngest measures articles stored per second with COPY in batches
// of 1,000 documents from FakeCoder.
func BenchmarkIngest(b *testing.B) {
	storetest.BenchmarkIngest(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 1000)
}

// BenchmarkIngestDocs stores real coder output: see
// storetest.BenchmarkIngestDocs.
func BenchmarkIngestDocs(b *testing.B) {
	storetest.BenchmarkIngestDocs(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 5000)
}

// TestOpenExisting checks that a database without a store is reported, not
// given one, and that a store is opened.
func TestOpenExisting(t *testing.T) {
	s := MustOpen(t) // a new schema with the store's tables
	s2, err := postgres.OpenExisting(s.DSN())
	if err != nil {
		t.Fatalf("OpenExisting of a store: %v", err)
	}
	s2.Close()
	empty := withParam(DSN(t), "search_path", "petrel_no_such_schema")
	_, err = postgres.OpenExisting(empty)
	if petrel.ErrorCode(err) != petrel.ENOTFOUND || !strings.Contains(petrel.ErrorMessage(err), "no store at") {
		t.Fatalf("err = %v, want ENOTFOUND: no store at", err)
	}
	if strings.Contains(petrel.ErrorMessage(err), ":petrel@") {
		t.Errorf("message %q shows the password", petrel.ErrorMessage(err))
	}
}

// BenchmarkGrid measures the map's grid over 20,000 synthetic articles:
// see storetest.BenchmarkGrid.
func BenchmarkGrid(b *testing.B) {
	storetest.BenchmarkGrid(b, func(tb testing.TB) petrel.Store { return MustOpen(tb) }, 20000)
}

// TestUpgradeArticleCopies opens a store whose text_hash is UNIQUE, as
// migration 0001 made it (migration 0008 undone), and checks that the
// migration keeps every row, drops the constraint and keeps an index on
// text_hash, so that a copy of a stored text under a new ID is stored.
func TestUpgradeArticleCopies(t *testing.T) {
	s := MustOpen(t)
	storetest.MustIngest(t, s, storetest.Docs(0, 200), "v1")
	db := s.DB()
	for _, q := range []string{
		`DROP INDEX articles_text_hash`,
		`ALTER TABLE articles ADD CONSTRAINT articles_text_hash_key UNIQUE (text_hash)`,
		`DROP TABLE watch_state`, // migrations 0009 and 0010, applied again
		`ALTER TABLE events DROP COLUMN src_inferred`, `ALTER TABLE events DROP COLUMN tgt_inferred`,
		`DELETE FROM schema_version WHERE version >= 8`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	const sum = `SELECT COUNT(*), md5(string_agg(a.seq || ':' || a.id || ':' || a.text_hash || ':' || a.story || ':' || md5(a.text) || ':' ||
		a.n_events, ',' ORDER BY a.seq)), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM sentences) FROM articles a`
	var n, nev, nsent int
	var digest string
	if err := db.QueryRow(sum).Scan(&n, &digest, &nev, &nsent); err != nil || n != 200 {
		t.Fatalf("before: %d articles, %v", n, err)
	}
	s2, err := postgres.Open(s.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var n2, nev2, nsent2 int
	var digest2 string
	if err := db.QueryRow(sum).Scan(&n2, &digest2, &nev2, &nsent2); err != nil {
		t.Fatal(err)
	}
	if n2 != n || digest2 != digest || nev2 != nev || nsent2 != nsent {
		t.Fatalf("the upgrade changed the stored rows: %d articles %d events %d sentences before, %d %d %d after (same digest %v)",
			n, nev, nsent, n2, nev2, nsent2, digest == digest2)
	}
	var unique, indexed int
	if err := db.QueryRow(`SELECT COUNT(*) FILTER (WHERE i.indisunique), COUNT(*) FROM pg_index i
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
		WHERE i.indrelid = 'articles'::regclass AND a.attname = 'text_hash'`).Scan(&unique, &indexed); err != nil {
		t.Fatal(err)
	}
	if unique != 0 || indexed != 1 {
		t.Errorf("after the upgrade: %d unique indexes on text_hash, %d in all; want 0 and 1", unique, indexed)
	}
	a := storetest.Article(3)
	a.ID = "copy-of-3"
	st := storetest.MustIngest(t, s2, []*petrel.Document{storetest.FakeCoder{}.Code(a)}, "v1")
	if st.Duplicates != 1 || st.Events != 1 {
		t.Errorf("a copy after upgrade: stats = %+v, want 1 duplicate with its event", st)
	}
	if got := storetest.MustCounts(t, s2).Articles; got != 201 {
		t.Errorf("Articles = %d, want 201", got)
	}
}

// TestUpgradePartyInferred opens a store made before migration 0010 (its
// columns dropped) and checks that the events stored before read as named
// actors, and that an event stored after keeps how its parties' codes were
// inferred.
func TestUpgradePartyInferred(t *testing.T) {
	s := MustOpen(t)
	storetest.MustIngest(t, s, storetest.Docs(0, 50), "v1")
	db := s.DB()
	for _, q := range []string{
		`ALTER TABLE events DROP COLUMN src_inferred`, `ALTER TABLE events DROP COLUMN tgt_inferred`,
		`DELETE FROM schema_version WHERE version >= 10`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s2, err := postgres.Open(s.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := context.Background()
	evs, _, err := s2.Events(ctx, petrel.EventFilter{Limit: 1000})
	if err != nil || len(evs) == 0 {
		t.Fatalf("Events after upgrade = %d events, %v", len(evs), err)
	}
	for _, e := range evs {
		if e.Source != nil && e.Source.Inferred != "" || e.Target != nil && e.Target.Inferred != "" {
			t.Fatalf("event stored before 0010 has an inference: %+v %+v", e.Source, e.Target)
		}
	}
	d := storetest.FakeCoder{}.Code(storetest.Article(60))
	if len(d.Events) == 0 || d.Events[0].Target == nil {
		t.Fatal("fixture has no event with a target")
	}
	d.Events[0].Source.Inferred, d.Events[0].Target.Inferred = "dateline", "place"
	storetest.MustIngest(t, s2, []*petrel.Document{d}, "v1")
	e, err := s2.Event(ctx, d.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Event, d.Events[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("Event after upgrade = %+v\nwant %+v", got, want)
	}
}
