package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"petrel"
	"petrel/coder"
)

// Headline is one item of the UCDP headline set
// (../shared/tuning/ucdp_ged/headlines.jsonl): a news headline on an
// event of lethal violence with the CAMEO roots the event maps to.
type Headline struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
	Gold struct {
		Roots    []string `json:"cameo_roots"`
		AltRoots []string `json:"cameo_roots_alt"`
	} `json:"gold"`
}

// LoadHeadlines reads a JSON-lines file of headlines.
func LoadHeadlines(path string) ([]Headline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var hs []Headline
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var h Headline
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		hs = append(hs, h)
	}
	return hs, sc.Err()
}

// RootScore is how the coder does on a headline set.
type RootScore struct {
	// N is the number of headlines; Coded those with at least one event.
	N, Coded int
	// Hit counts headlines with an event whose root is among the gold
	// roots; HitAlt those with one among the gold or alternative roots.
	Hit, HitAlt int
	// Events counts all coded events; EventsAlt those whose root is
	// among the headline's gold or alternative roots.
	Events, EventsAlt int
}

// Recall is Hit/N, 0 when N is 0.
func (r RootScore) Recall() float64 { return ratio(r.Hit, r.N) }

// RecallAlt is HitAlt/N, 0 when N is 0.
func (r RootScore) RecallAlt() float64 { return ratio(r.HitAlt, r.N) }

// String formats the score on one line.
func (r RootScore) String() string {
	return fmt.Sprintf("headlines=%d coded=%d root recall=%.3f (%d) with alternatives=%.3f (%d); events=%d with a gold or alternative root=%.3f",
		r.N, r.Coded, r.Recall(), r.Hit, r.RecallAlt(), r.HitAlt, r.Events, ratio(r.EventsAlt, r.Events))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreHeadlines codes each headline as an article of its own and counts
// the headlines for which an event of a gold root was found.
func ScoreHeadlines(c *coder.Coder, hs []Headline) RootScore {
	var r RootScore
	for i, h := range hs {
		a := &petrel.Article{ID: fmt.Sprintf("ucdp-%d", i), Text: h.Text}
		if d, err := time.Parse("2006-01-02", h.Date); err == nil {
			a.Date = d
		}
		doc := c.Code(a)
		r.N++
		if len(doc.Events) > 0 {
			r.Coded++
		}
		hit, hitAlt := false, false
		for _, e := range doc.Events {
			r.Events++
			in, alt := contains(h.Gold.Roots, e.RootCode), contains(h.Gold.AltRoots, e.RootCode)
			hit = hit || in
			hitAlt = hitAlt || in || alt
			if in || alt {
				r.EventsAlt++
			}
		}
		if hit {
			r.Hit++
		}
		if hitAlt {
			r.HitAlt++
		}
	}
	return r
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
