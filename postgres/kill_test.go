package postgres_test

import (
	"fmt"
	"os"
	"testing"

	"petrel/postgres"
	"petrel/storetest"
)

// TestMain lets the test binary act as the ingesting process that
// TestKillDuringIngest kills.
func TestMain(m *testing.M) {
	if dsn := os.Getenv("PETREL_KILL_HELPER_DSN"); dsn != "" {
		s, err := postgres.Open(dsn)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		storetest.RunKillHelper(s)
	}
	os.Exit(m.Run())
}

// TestKillDuringIngest kills an ingesting process and checks that the
// database holds whole batches only, every article with all its rows.
func TestKillDuringIngest(t *testing.T) {
	s := MustOpen(t)
	storetest.KillDuringIngest(t, 2, "PETREL_KILL_HELPER_DSN="+s.DSN(), func(t *testing.T, round, committed int) {
		storetest.CheckKilled(t, s, round, committed)
		var bad int
		err := s.DB().QueryRow(`SELECT COUNT(*) FROM articles a WHERE
			a.n_sentences <> (SELECT COUNT(*) FROM sentences x WHERE x.article = a.seq) OR
			a.n_mentions <> (SELECT COUNT(*) FROM mentions x WHERE x.article = a.seq) OR
			a.n_quotes <> (SELECT COUNT(*) FROM quotes x WHERE x.article = a.seq) OR
			a.n_events <> (SELECT COUNT(*) FROM events x WHERE x.article = a.seq)`).Scan(&bad)
		if err != nil || bad != 0 {
			t.Fatalf("round %d: %d articles lack some of their rows (%v)", round, bad, err)
		}
	})
}
