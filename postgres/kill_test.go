package postgres_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"

	"petrel/postgres"
	"petrel/storetest"
)

// killBatch is how many articles the helper ingests per transaction.
const killBatch = 200

// TestMain lets the test binary act as the ingesting process that
// TestKillDuringIngest kills.
func TestMain(m *testing.M) {
	if dsn := os.Getenv("PETREL_KILL_HELPER_DSN"); dsn != "" {
		s, err := postgres.Open(dsn)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for i := 0; ; i += killBatch {
			if _, err := s.Ingest(context.Background(), storetest.Docs(i, killBatch), "v1"); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			fmt.Println(i + killBatch)
		}
	}
	os.Exit(m.Run())
}

// TestKillDuringIngest kills an ingesting process and checks that the
// database holds whole batches only, every article with all its rows.
func TestKillDuringIngest(t *testing.T) {
	s := MustOpen(t)
	dsn := s.DSN()
	for round := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PETREL_KILL_HELPER_DSN="+dsn)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		committed := 0
		for sc.Scan() {
			n, err := strconv.Atoi(sc.Text())
			if err != nil {
				t.Fatalf("helper: %s", sc.Text())
			}
			if committed = n; n >= (round+2)*killBatch {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		c := storetest.MustCounts(t, s)
		if c.Articles < committed || c.Articles%killBatch != 0 {
			t.Errorf("round %d: %d articles stored after %d committed, want whole batches", round, c.Articles, committed)
		}
		if want := storetest.WantCounts(storetest.Docs(0, c.Articles)); c != want {
			t.Errorf("round %d: counts = %+v, want %+v", round, c, want)
		}
		var bad int
		err = s.DB().QueryRow(`SELECT COUNT(*) FROM articles a WHERE
			a.n_sentences <> (SELECT COUNT(*) FROM sentences x WHERE x.article = a.seq) OR
			a.n_mentions <> (SELECT COUNT(*) FROM mentions x WHERE x.article = a.seq) OR
			a.n_quotes <> (SELECT COUNT(*) FROM quotes x WHERE x.article = a.seq) OR
			a.n_events <> (SELECT COUNT(*) FROM events x WHERE x.article = a.seq)`).Scan(&bad)
		if err != nil || bad != 0 {
			t.Fatalf("round %d: %d articles lack some of their rows (%v)", round, bad, err)
		}
	}
}
