package storetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"petrel"
)

// KillBatch is how many articles the kill-test helper ingests per
// transaction.
const KillBatch = 200

// RunKillHelper ingests batches of KillBatch synthetic articles into s until
// the process is killed, printing the number of articles committed after
// each batch. A backend's TestMain calls it when KillDuringIngest started
// the test binary as the helper.
func RunKillHelper(s petrel.Store) {
	for i := 0; ; i += KillBatch {
		if _, err := s.Ingest(context.Background(), Docs(i, KillBatch), "v1"); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println(i + KillBatch)
	}
}

// KillDuringIngest runs the test binary as an ingesting helper (with env,
// "NAME=value", set so that its TestMain calls RunKillHelper), kills it
// with SIGKILL a little after round+2 batches, and calls check with the
// number of articles the helper reported committed. Rounds run on the
// same database, so later rounds also recover from earlier kills.
func KillDuringIngest(t *testing.T, rounds int, env string, check func(t *testing.T, round, committed int)) {
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), env)
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
			n, err := strconv.Atoi(sc.Text())
			if err != nil {
				t.Fatalf("helper: %s", sc.Text())
			}
			if committed = n; n >= (round+2)*KillBatch {
				time.Sleep(time.Duration(round*7) * time.Millisecond)
				break
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		check(t, round, committed)
	}
}

// CheckKilled checks a store after a killed ingest: whole batches only, at
// least the committed ones, with exactly the rows of the documents stored.
func CheckKilled(t *testing.T, s petrel.Store, round, committed int) {
	t.Helper()
	c := MustCounts(t, s)
	if c.Articles < committed || c.Articles%KillBatch != 0 {
		t.Errorf("round %d: %d articles stored after %d committed, want a whole number of batches", round, c.Articles, committed)
	}
	if want := WantCounts(Docs(0, c.Articles)); c != want {
		t.Errorf("round %d: counts = %+v, want %+v", round, c, want)
	}
}
