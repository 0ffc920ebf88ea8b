package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"petrel"
	"petrel/sqlite"
	"petrel/storetest"
)

// TestWALBounded ingests while 32 readers query without pause, and checks
// that the write-ahead log is restarted during the run and stays under
// three times the size of the database: readers that always hold a
// snapshot keep SQLite's own checkpoints from ever restarting the log,
// which then grew without bound (1.75 GB beside a 565 MB database in the
// issue's load test). On a quiet machine the log stays under 0.7 times the
// database; under heavy load it has reached 2.01 times once, so the bound
// is three times and the sharper check is that the log shrinks at all.
func TestWALBounded(t *testing.T) {
	// The log passed twice the database at the 6th batch before the fix
	// and was 2.8 times it at the 12th.
	batches := 16
	if testing.Short() {
		batches = 10
	}
	path := filepath.Join(t.TempDir(), "petrel.db")
	s := MustOpenPath(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		wg      sync.WaitGroup
		queries atomic.Int64
	)
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				var err error
				switch i % 4 {
				case 0:
					_, _, err = s.Events(ctx, petrel.EventFilter{Limit: 200})
				case 1:
					_, err = s.Stats(ctx, petrel.StatsQuery{By: petrel.ByDay})
				case 2:
					_, _, err = s.Events(ctx, petrel.EventFilter{Text: "border dispute", Limit: 100})
				default:
					_, err = s.Counts(ctx)
				}
				if err != nil && ctx.Err() == nil {
					t.Error(err)
					return
				}
				queries.Add(1)
			}
		}()
	}
	size := func(p string) int64 {
		fi, err := os.Stat(p)
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	worst := 0.0
	var last int64
	shrank := false
	for b := range batches {
		storetest.MustIngest(t, s, storetest.Docs(b*500, 500), "v1")
		wal, db := size(path+"-wal"), size(path)
		if wal < last {
			shrank = true
		}
		last = wal
		// A log under 1 MiB is left alone: the database is then tiny.
		if r := float64(wal) / float64(db); r > worst && wal > 1<<20 {
			worst = r
		}
		if wal > 3*db && wal > 1<<20 {
			t.Errorf("after batch %d: WAL %d bytes, database %d bytes: WAL over three times the database", b, wal, db)
			break
		}
	}
	cancel()
	wg.Wait()
	t.Logf("%d batches, %d queries; WAL at most %.2fx the database; database %d bytes", batches, queries.Load(), worst, size(path))
	if !shrank {
		t.Errorf("the WAL never shrank in %d batches: it was never restarted while readers held snapshots", batches)
	}

	// Once writes stop, the idle checkpoint empties the log.
	deadline := time.Now().Add(sqlite.IdleCheckpoint + 10*time.Second)
	for size(path+"-wal") > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if wal := size(path + "-wal"); wal > 0 {
		t.Errorf("WAL %d bytes %v after the last write, want it emptied", wal, sqlite.IdleCheckpoint)
	}
}

// TestWALLongReader checks that a read that holds the log for long (an
// export) does not make writes wait for the checkpoint: it gives up on
// the readers in half a second and is retried later, where the writes'
// own busy_timeout would hold every batch 10 s.
func TestWALLongReader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "petrel.db")
	s := MustOpenPath(t, path)
	storetest.MustIngest(t, s, storetest.Docs(0, 500), "v1")
	// An open result set holds its read snapshot, as a streaming
	// export does.
	rows, err := s.DB().Query(`SELECT seq FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("no events")
	}
	for b := 1; b <= 4; b++ {
		start := time.Now()
		storetest.MustIngest(t, s, storetest.Docs(b*500, 500), "v1")
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("batch %d took %v with a reader holding the log", b, took)
		}
	}
	rows.Close()
	// With the reader gone, the idle checkpoint empties the log.
	deadline := time.Now().Add(3*sqlite.IdleCheckpoint + 10*time.Second)
	for fileSize(path+"-wal") > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if wal := fileSize(path + "-wal"); wal > 0 {
		t.Errorf("WAL %d bytes after the reader ended, want it emptied", wal)
	}
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// TestWALOtherWriter checks that a store empties a log another process's
// writes left behind: here a writer whose checkpoints a reader held off,
// and which then exited.
func TestWALOtherWriter(t *testing.T) {
	defer func(d time.Duration) { sqlite.WALPoll = d }(sqlite.WALPoll)
	sqlite.WALPoll = 200 * time.Millisecond
	path := filepath.Join(t.TempDir(), "petrel.db")
	server := MustOpenPath(t, path) // reads only
	writer := MustOpenPath(t, path)
	storetest.MustIngest(t, writer, storetest.Docs(0, 100), "v1")
	rows, err := server.DB().Query(`SELECT seq FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
	for b := 1; b <= 4; b++ {
		storetest.MustIngest(t, writer, storetest.Docs(b*500, 500), "v1")
	}
	writer.Close()
	if wal := fileSize(path + "-wal"); wal <= 1<<20 {
		t.Fatalf("WAL %d bytes with the reader inside: the test needs a log to empty", wal)
	}
	rows.Close()
	deadline := time.Now().Add(10 * time.Second)
	for fileSize(path+"-wal") > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if wal := fileSize(path + "-wal"); wal > 0 {
		t.Errorf("WAL %d bytes left by the writer, want it emptied by the reading store", wal)
	}
}
