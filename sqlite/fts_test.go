package sqlite

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"petrel"
	"petrel/internal/sqlstore"
)

// ftsPlan returns a plan whose document has n events, two per sentence.
func ftsPlan(n int) *sqlstore.Plan {
	d := &petrel.Document{Events: make([]petrel.Event, n)}
	for i := range d.Events {
		d.Events[i].SentenceIndex = i / 2
		d.Events[i].Sentence = fmt.Sprintf("Sentence %d.", i/2)
	}
	return &sqlstore.Plan{Doc: d, Seq: 1}
}

// TestAppendFTSLinear checks that indexing an article's event sentences
// costs time in proportion to its events: eight times the events may not
// take more than about eight times as long (a scan of the earlier events
// for each one took 64 times as long, and minutes on an 8 MB text).
func TestAppendFTSLinear(t *testing.T) {
	timeOf := func(p *sqlstore.Plan) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			runtime.GC()
			start := time.Now()
			rows := appendFTS(nil, p)
			if got, want := len(rows), len(p.Doc.Events)/2; got != want {
				t.Fatalf("%d rows for %d events, want %d", got, len(p.Doc.Events), want)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := ftsPlan(10000), ftsPlan(80000)
	ts, tl := timeOf(small), timeOf(large)
	if ratio := float64(tl) / float64(ts); ratio > 32 {
		t.Errorf("8x the events took %.0fx the time (%v, %v): not linear", ratio, ts, tl)
	}
}

// TestAppendFTSOnce checks that each sentence is indexed once, in whatever
// order its events come.
func TestAppendFTSOnce(t *testing.T) {
	d := &petrel.Document{}
	for _, si := range []int{3, 1, 3, 2, 1, -1, maxFTSSentence + 1, 2, 0} {
		d.Events = append(d.Events, petrel.Event{SentenceIndex: si, Sentence: fmt.Sprint(si)})
	}
	rows := appendFTS(nil, &sqlstore.Plan{Doc: d, Seq: 2})
	var got []int64
	for _, r := range rows {
		got = append(got, r[0].(int64)-2<<20)
	}
	if want := []int64{3, 1, 2, 0}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows for sentences %v, want %v", got, want)
	}
}

// BenchmarkAppendFTS measures indexing the event sentences of one article
// with 100,000 events.
func BenchmarkAppendFTS(b *testing.B) {
	p := ftsPlan(100000)
	b.SetBytes(int64(len(p.Doc.Events)))
	b.ReportAllocs()
	for b.Loop() {
		appendFTS(nil, p)
	}
}
