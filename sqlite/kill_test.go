package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"petrel/sqlite"
	"petrel/storetest"
)

// killBatch is how many articles the helper ingests per transaction.
const killBatch = 200

// TestMain lets the test binary act as the ingesting process that
// TestKillDuringIngest kills.
func TestMain(m *testing.M) {
	if path := os.Getenv("PETREL_KILL_HELPER_DB"); path != "" {
		killHelper(path)
		return
	}
	os.Exit(m.Run())
}

// killHelper ingests batches into the database at path until it is
// killed, printing the number of articles committed after each batch.
func killHelper(path string) {
	s, err := sqlite.Open(path)
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

func TestKillDuringIngest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "petrel.db")
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PETREL_KILL_HELPER_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		committed := 0
		// Kill it a little after a few batches, mid-transaction as often
		// as not.
		for sc.Scan() {
			line := sc.Text()
			n, err := strconv.Atoi(line)
			if err != nil {
				t.Fatalf("helper: %s", line)
			}
			committed = n
			if n >= (round+2)*killBatch {
				time.Sleep(time.Duration(round*7) * time.Millisecond)
				break
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		s := MustOpenPath(t, path)
		c := storetest.MustCounts(t, s)
		if c.Articles < committed || c.Articles%killBatch != 0 {
			t.Errorf("round %d: %d articles stored after %d committed, want a whole number of batches", round, c.Articles, committed)
		}
		want := storetest.WantCounts(storetest.Docs(0, c.Articles))
		if c != want {
			t.Errorf("round %d: counts = %+v, want %+v", round, c, want)
		}
		checkIntegrity(t, s)
		s.Close()
	}
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
