package coder_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
)

// TestStateCarriesNothingOver codes every article of the shared Reuters
// corpus twice: each with a fresh state, and with one state reused in the
// order a two-goroutine queue worker codes them (every second article).
// The coder pools its per-article state, so the events of an article must
// not depend on which article that state coded before it.
func TestStateCarriesNothingOver(t *testing.T) {
	const path = "../../shared/corpus/reuters-21578/articles.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("shared corpus not found (", path, "): ", err)
	}
	defer f.Close()
	var arts []*petrel.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r struct{ ID, Date, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		d, _ := time.Parse("2006-01-02", r.Date)
		arts = append(arts, &petrel.Article{ID: r.ID, Date: d, Title: r.Title, Text: r.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if testing.Short() && len(arts) > 8000 {
		arts = arts[:8000]
	}
	c := builtinCoder(t)
	events := func(doc *petrel.Document) string {
		b, err := json.Marshal(doc.Events)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	reused := new(coder.Scratch)
	bad := 0
	for start := range 2 {
		for i := start; i < len(arts); i += 2 {
			got := events(c.CodeWith(reused, arts[i]))
			if want := events(c.CodeWith(new(coder.Scratch), arts[i])); got != want && bad < 5 {
				bad++
				t.Errorf("article %s coded after article %s:\n got %s\nwant %s", arts[i].ID, arts[max(i-2, 0)].ID, got, want)
			}
		}
	}
}
