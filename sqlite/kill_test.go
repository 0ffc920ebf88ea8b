package sqlite_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"petrel/sqlite"
	"petrel/storetest"
)

// TestMain lets the test binary act as the ingesting process that
// TestKillDuringIngest kills.
func TestMain(m *testing.M) {
	if path := os.Getenv("PETREL_KILL_HELPER_DB"); path != "" {
		s, err := sqlite.Open(path)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		storetest.RunKillHelper(s)
	}
	os.Exit(m.Run())
}

// TestKillDuringIngest kills an ingesting process 30 times (5 with
// -short), at varied points of a batch, resuming each time, and checks
// that the database file holds what the batches committed leave, every
// article with all its rows and the rollup in step with the events.
func TestKillDuringIngest(t *testing.T) {
	rounds := 30
	if testing.Short() {
		rounds = 5
	}
	path := filepath.Join(t.TempDir(), "petrel.db")
	storetest.KillDuringIngest(t, rounds, "PETREL_KILL_HELPER_DB="+path, func(t *testing.T, round, committed int) {
		s := MustOpenPath(t, path)
		storetest.CheckKilled(t, s, round, committed)
		storetest.CheckKilledSQL(t, s.DB(), round, committed)
		checkIntegrity(t, s)
		s.Close()
	})
}

// MustOpenPath opens the store at path and closes it when the test ends.
func MustOpenPath(tb testing.TB, path string) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// checkIntegrity checks the database file and that every stored article has
// exactly the rows coded from it (in sentences_fts, one per sentence that
// events were coded from), and no row lacks its article.
func checkIntegrity(tb testing.TB, s *sqlite.Store) {
	tb.Helper()
	db := s.DB()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		tb.Fatalf("integrity_check: %q, %v", ok, err)
	}
	var bad int
	err := db.QueryRow(`SELECT COUNT(*) FROM articles a WHERE
		a.n_sentences <> (SELECT COUNT(*) FROM sentences x WHERE x.article = a.seq) OR
		a.n_mentions <> (SELECT COUNT(*) FROM mentions x WHERE x.article = a.seq) OR
		a.n_quotes <> (SELECT COUNT(*) FROM quotes x WHERE x.article = a.seq) OR
		a.n_events <> (SELECT COUNT(*) FROM events x WHERE x.article = a.seq) OR
		(SELECT COUNT(DISTINCT x.sentence_index) FROM events x WHERE x.article = a.seq) <>
			(SELECT COUNT(*) FROM sentences_fts x WHERE x.rowid BETWEEN a.seq << 20 AND (a.seq << 20) | 1048575)`).Scan(&bad)
	if err != nil || bad != 0 {
		tb.Fatalf("%d articles lack some of their rows (%v)", bad, err)
	}
	for _, table := range []string{"sentences", "mentions", "quotes", "events"} {
		err := db.QueryRow(`SELECT COUNT(*) FROM ` + table + ` x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.seq = x.article)`).Scan(&bad)
		if err != nil || bad != 0 {
			tb.Fatalf("%d %s without their article (%v)", bad, table, err)
		}
	}
	if !strings.Contains(ok, "ok") {
		tb.Fatal(ok)
	}
}
