package storetest

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"petrel"
	"petrel/internal/sqlstore"
)

// KillBatch is how many articles the kill-test helper ingests per
// transaction.
const KillBatch = 200

// KillDoc returns the i-th document of the kill tests' stream: the
// synthetic articles of Docs, except that every tenth, from the 4th, sends
// the ID of the one before it with a new text (an update, inside a batch
// or across a batch boundary), and every tenth, from the 8th, sends the
// text of the one five before it under a new ID (a copy, stored under its
// own ID whether or not that text is still stored under the other).
// Where batch boundaries fall must not change what a store keeps of such
// a stream.
func KillDoc(i int) *petrel.Document {
	a := Article(i)
	switch i % 10 {
	case 3:
		a.ID = Article(i - 1).ID
	case 7:
		a.Text = Article(i - 5).Text
	}
	return FakeCoder{}.Code(a)
}

// KillDocs returns KillDoc(from) to KillDoc(from+n-1).
func KillDocs(from, n int) []*petrel.Document {
	docs := make([]*petrel.Document, n)
	for i := range docs {
		docs[i] = KillDoc(from + i)
	}
	return docs
}

// WantKilled returns the counts of a store that holds KillDocs(0, n), for
// n a multiple of KillBatch, whatever the batches they came in: the rule
// of petrel.Store.Ingest (an article is its ID; the last text sent under
// an ID is kept, whatever other IDs hold) played in memory.
func WantKilled(n int) petrel.Counts {
	killSim.Lock()
	defer killSim.Unlock()
	sim := &killSim
	if sim.byID == nil {
		sim.byID = map[string]*petrel.Document{}
		sim.stories = map[string]int{}
		sim.at = []petrel.Counts{{}}
		sim.sums = []uint64{0}
	}
	for len(sim.at) <= n/KillBatch {
		for _, d := range KillDocs(sim.next, KillBatch) {
			sim.apply(d)
		}
		sim.next += KillBatch
		c := sim.c
		c.Stories = len(sim.stories)
		sim.at = append(sim.at, c)
		sim.sums = append(sim.sums, sim.sum)
	}
	return sim.at[n/KillBatch]
}

// wantSum returns the idSum digest of KillDocs(0, n) stored.
func wantSum(n int) uint64 {
	WantKilled(n)
	killSim.Lock()
	defer killSim.Unlock()
	return killSim.sums[n/KillBatch]
}

// killState is the store WantKilled plays.
type killState struct {
	sync.Mutex
	byID    map[string]*petrel.Document
	stories map[string]int // story key -> articles
	c       petrel.Counts
	sum     uint64 // idSum of the stored articles
	next    int
	at      []petrel.Counts // counts after each KillBatch documents
	sums    []uint64        // sum after each KillBatch documents
}

// idSum is what one stored article adds to a digest of which text is
// stored under which ID.
func idSum(id, hash string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(hash))
	return h.Sum64()
}

var killSim killState

func (k *killState) apply(d *petrel.Document) {
	id, h := d.Article.ID, sqlstore.TextHash(d.Article.Text)
	if old, stored := k.byID[id]; stored {
		oh := sqlstore.TextHash(old.Article.Text)
		if oh == h {
			return // the same text again
		}
		k.count(old, -1)
		k.sum -= idSum(id, oh)
	}
	k.byID[id] = d
	k.count(d, 1)
	k.sum += idSum(id, h)
}

func (k *killState) count(d *petrel.Document, sign int) {
	k.c.Articles += sign
	k.c.Sentences += sign * len(d.Sentences)
	k.c.Mentions += sign * len(d.Mentions)
	k.c.Quotes += sign * len(d.Quotes)
	k.c.Events += sign * len(d.Events)
	story := sqlstore.StoryKey(d.Article.Text)
	if k.stories[story] += sign; k.stories[story] == 0 {
		delete(k.stories, story)
	}
}

// RunKillHelper ingests batches of KillBatch documents of the KillDocs
// stream into s until the process is killed, printing the number of
// documents committed after each batch. It starts at the document the
// environment's PETREL_KILL_FROM names, so that it resumes an earlier
// run: the batches before it are stored, or were in flight when that run
// was killed. A backend's TestMain calls it when KillDuringIngest started
// the test binary as the helper.
func RunKillHelper(s petrel.Store) {
	from, _ := strconv.Atoi(os.Getenv("PETREL_KILL_FROM"))
	for i := from; ; i += KillBatch {
		if _, err := s.Ingest(context.Background(), KillDocs(i, KillBatch), "v1"); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println(i + KillBatch)
	}
}

// KillDuringIngest runs the test binary as an ingesting helper (with env,
// "NAME=value", set so that its TestMain calls RunKillHelper) rounds times,
// on one database, and kills it with SIGKILL at a varied point of a batch
// after it has committed at least one. Each round resumes a batch before
// the most documents committed so far, so the batches around the kill are
// sent again, as a user re-running an interrupted ingest would; check is
// called after each kill with the most documents any round reported
// committed (the store holds those, and perhaps the batch in flight).
func KillDuringIngest(t *testing.T, rounds int, env string, check func(t *testing.T, round, committed int)) {
	rng := rand.New(rand.NewPCG(1, 2))
	committed := 0 // the most documents any round reported committed
	for round := range rounds {
		from := max(0, committed-KillBatch)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), env, "PETREL_KILL_FROM="+strconv.Itoa(from))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		// Kill it some way into the batch after its first or second:
		// in the lookup, the COPY or INSERTs, the rollup or the commit.
		after := from + KillBatch*(1+rng.IntN(2))
		delay := time.Duration(rng.IntN(60)) * time.Millisecond
		for sc.Scan() {
			n, err := strconv.Atoi(sc.Text())
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("helper: %s", sc.Text())
			}
			committed = max(committed, n)
			if n >= after {
				break
			}
		}
		// The helper goes on while it waits to be killed: what it reports
		// committed meanwhile still counts.
		drained := make(chan int)
		go func() {
			most := 0
			for sc.Scan() {
				if n, err := strconv.Atoi(sc.Text()); err == nil {
					most = max(most, n)
				}
			}
			drained <- most
		}()
		time.Sleep(delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		committed = max(committed, <-drained)
		cmd.Wait()
		check(t, round, committed)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d kills; %d documents committed", rounds, committed)
}

// CheckKilled checks a store after a killed ingest: it holds what
// KillDocs(0, n) leave for n the documents the helper reported committed,
// or a batch more (the one in flight may have committed as it was
// killed), with exactly their rows.
func CheckKilled(t *testing.T, s petrel.Store, round, committed int) {
	t.Helper()
	c := MustCounts(t, s)
	for _, n := range []int{committed, committed + KillBatch} {
		if c == WantKilled(n) {
			return
		}
	}
	t.Errorf("round %d: counts = %+v after %d documents committed, want %+v (or %+v with the batch in flight)",
		round, c, committed, WantKilled(committed), WantKilled(committed+KillBatch))
}

// CheckKilledSQL checks, in a SQL store's database after CheckKilled, that
// each ID holds the text KillDocs(0, n) leave under it (n the documents
// committed, or a batch more), and that event_rollup counts exactly the
// stored events of each combination, no more and no less.
func CheckKilledSQL(t *testing.T, db *sql.DB, round, committed int) {
	t.Helper()
	rows, err := db.Query("SELECT id, text_hash FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	var sum uint64
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			t.Fatal(err)
		}
		sum += idSum(id, hash)
	}
	rows.Close()
	if sum != wantSum(committed) && sum != wantSum(committed+KillBatch) {
		t.Errorf("round %d: the articles stored are not those of the %d documents committed: some ID holds another text", round, committed)
	}
	const dims = "date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country"
	rollup := "SELECT " + dims + ", n FROM event_rollup"
	events := "SELECT " + dims + ", COUNT(*) FROM events GROUP BY " + dims
	for _, q := range []string{rollup + " EXCEPT " + events, events + " EXCEPT " + rollup} {
		var bad int
		if err := db.QueryRow("SELECT COUNT(*) FROM (" + q + ") x").Scan(&bad); err != nil || bad != 0 {
			t.Errorf("round %d: %d rollup rows disagree with the events (%v)", round, bad, err)
		}
	}
}
