package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"petrel/internal/pgtest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"petrel"
	"petrel/internal/natstest"
)

// worker is a petrel worker subprocess.
type worker struct {
	cmd    *exec.Cmd
	stderr lockedBuffer
}

// lockedBuffer is a bytes.Buffer the test may read while the process
// writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startWorker(t *testing.T, args ...string) *worker {
	t.Helper()
	// The test binary runs as petrel (TestMain): real processes to kill.
	w := &worker{cmd: exec.Command(os.Args[0], append([]string{"--", "worker"}, args...)...)}
	w.cmd.Env = append(os.Environ(), "PETREL_TEST_MAIN=1")
	w.cmd.Stderr = &w.stderr
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return w
}

var (
	redeliveredRe = regexp.MustCompile(`(\d+) redelivered, \d+ bad messages`)
	// victimWorking matches a status line of a worker that has stored
	// articles and has more left to do.
	victimWorking = regexp.MustCompile(`: [1-9]\d* articles \(.*[1-9]\d* left in the stream`)
)

// TestScaleQueue publishes the shared corpus on an embedded JetStream
// server, codes it with three worker processes into one store, kills one
// of them with SIGKILL mid-run and starts another, and checks that the
// store holds exactly the events petrel code writes for the same input:
// the same event IDs and contents, none twice.
func TestScaleQueue(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	if testing.Short() {
		t.Skip("scale test: not in -short mode")
	}
	want := codeEvents(t, corpus)
	t.Run("SQLite", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "w.db")
		scaleRun(t, corpus, db, want)
	})
	t.Run("PostgreSQL", func(t *testing.T) {
		scaleRun(t, corpus, pgtest.Schema(t, "petrel_scale_"), want)
	})
}

func scaleRun(t *testing.T, corpus, db string, want map[string]petrel.Event) {
	natsURL := natstest.Start(t)
	_, stderr, err := runMain(t, nil, "publish", "--nats", natsURL, corpus)
	if err != nil {
		t.Fatalf("publish: %v\n%s", err, stderr)
	}
	t.Log(strings.TrimSpace(stderr))
	args := []string{"--nats", natsURL, "--db", db, "--until-empty", "--workers", "1",
		"--batch", "64", "--ack-wait", "2s", "--status", "0"}
	// The second worker logs its progress, so that it is killed only
	// once it has stored batches and holds more.
	ws := []*worker{startWorker(t, args...), startWorker(t, append(args, "--status", "100ms")...), startWorker(t, args...)}

	// Kill the second worker once the run is well under way, while the
	// stream still holds most of the corpus, then start a fourth.
	victim := ws[1]
	deadline := time.Now().Add(2 * time.Minute)
	for {
		n := countStored(t, db)
		if n >= 1000 && victimWorking.MatchString(victim.stderr.String()) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("workers stored only %d articles in 2 minutes:\n%s", n, victim.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := victim.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	victim.cmd.Wait()
	t.Logf("killed worker %d after %d articles were stored", victim.cmd.Process.Pid, countStored(t, db))
	ws = append(ws, startWorker(t, args...))

	redelivered := 0
	for i, w := range ws {
		if w == victim {
			continue
		}
		done := make(chan error, 1)
		go func() { done <- w.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("worker %d: %v\n%s", i, err, w.stderr.String())
			}
		case <-time.After(3 * time.Minute):
			w.cmd.Process.Kill()
			t.Fatalf("worker %d did not finish:\n%s", i, w.stderr.String())
		}
		last := lastLine(w.stderr.String())
		t.Logf("worker %d: %s", i, last)
		// Writers sharing one SQLite file wait for the lock; none fails.
		if strings.Contains(w.stderr.String(), "petrel worker: store:") {
			t.Errorf("worker %d had store failures:\n%s", i, w.stderr.String())
		}
		if m := redeliveredRe.FindStringSubmatch(last); m != nil {
			n, _ := strconv.Atoi(m[1])
			redelivered += n
		}
	}
	if redelivered == 0 {
		t.Error("no message was redelivered: the killed worker held none, so the kill tested nothing")
	}

	out, stderr, err := runMain(t, nil, "query", "--db", db, "--format", "jsonl", "--limit", "10000000")
	if err != nil {
		t.Fatalf("query: %v\n%s", err, stderr)
	}
	got := map[string]petrel.Event{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	perArticle := map[string]bool{}
	for sc.Scan() {
		var e petrel.StoredEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if _, dup := got[e.ID]; dup {
			t.Errorf("event %s stored twice", e.ID)
		}
		got[e.ID] = e.Event
		perArticle[e.ArticleID] = true
	}
	// An article is its ID: copies of one text under several IDs are each
	// stored, so the store holds exactly petrel code's events, whichever
	// worker stored them.
	for id, e := range got {
		w, ok := want[id]
		if !ok {
			t.Errorf("stored event %s is not in petrel code's output", id)
			continue
		}
		if a, b := mustJSON(t, w), mustJSON(t, e); a != b {
			t.Errorf("event %s differs:\n code:  %s\n store: %s", id, a, b)
		}
	}
	missing := 0
	for id, e := range want {
		if _, ok := got[id]; !ok {
			missing++
			if missing <= 10 {
				t.Errorf("event %s of article %s is missing from the store", id, e.ArticleID)
			}
		}
	}
	t.Logf("%d events stored, %d missing of petrel code's %d; %d articles with events; %d redelivered messages",
		len(got), missing, len(want), len(perArticle), redelivered)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d events stored, want petrel code's %d", len(got), len(want))
	}
}

// codeEvents runs petrel code on the corpus and returns its events by ID.
func codeEvents(t *testing.T, corpus string) map[string]petrel.Event {
	t.Helper()
	out, stderr, err := runMain(t, nil, "code", "--format", "jsonl", corpus)
	if err != nil {
		t.Fatalf("code: %v\n%s", err, stderr)
	}
	evs := map[string]petrel.Event{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e petrel.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		evs[e.ID] = e
	}
	return evs
}

// countStored returns how many articles the store at db holds, or 0 while
// it cannot be read.
func countStored(t *testing.T, db string) int {
	st, err := openStore(db, false)
	if err != nil {
		return 0
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		return 0
	}
	return c.Articles
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
