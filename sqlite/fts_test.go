package sqlite

import (
	"fmt"
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

// TestEachFTSLinear checks that indexing an article's event sentences
// costs time in proportion to its events. 250,000 events take tens of
// milliseconds in linear time; the scan of the earlier events for each one
// that made an 8 MB text take a minute needs 3e10 comparisons, many times
// the budget, however loaded the machine.
func TestEachFTSLinear(t *testing.T) {
	p := ftsPlan(250000)
	start := time.Now()
	rows := ftsRows(p)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("%d events took %v: not linear", len(p.Doc.Events), took)
	}
	if got, want := len(rows), len(p.Doc.Events)/2; got != want {
		t.Fatalf("%d rows for %d events, want %d", got, len(p.Doc.Events), want)
	}
}

// TestEachFTSOnce checks that each sentence is indexed once, in whatever
// order its events come.
func TestEachFTSOnce(t *testing.T) {
	d := &petrel.Document{}
	for _, si := range []int{3, 1, 3, 2, 1, -1, maxFTSSentence + 1, 2, 0} {
		d.Events = append(d.Events, petrel.Event{SentenceIndex: si, Sentence: fmt.Sprint(si)})
	}
	rows := ftsRows(&sqlstore.Plan{Doc: d, Seq: 2})
	var got []int64
	for _, r := range rows {
		got = append(got, r[0].(int64)-2<<20)
	}
	if want := []int64{3, 1, 2, 0}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows for sentences %v, want %v", got, want)
	}
}

// BenchmarkEachFTS measures indexing the event sentences of one article
// with 100,000 events.
func BenchmarkEachFTS(b *testing.B) {
	p := ftsPlan(100000)
	b.SetBytes(int64(len(p.Doc.Events)))
	b.ReportAllocs()
	var f ftsSeen
	for b.Loop() {
		f.reset()
		f.each(p.Seq, p.Doc.Events, func(int64, string) error { return nil })
	}
}

// ftsRows returns the rows ftsSeen yields for p, its events given in
// two parts.
func ftsRows(p *sqlstore.Plan) [][]any {
	var rows [][]any
	var f ftsSeen
	evs := p.Doc.Events
	for _, part := range [][]petrel.Event{evs[:len(evs)/2], evs[len(evs)/2:]} {
		f.each(p.Seq, part, func(rowid int64, text string) error {
			rows = append(rows, []any{rowid, text})
			return nil
		})
	}
	return rows
}
