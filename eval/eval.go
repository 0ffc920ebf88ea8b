// Package eval scores petrel's coder against a hand-coded evaluation set
// (testdata/eval/sentences.json): news sentences with the events an expert
// coder would give them. See testdata/eval/README.md.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"petrel"
	"petrel/coder"
)

// Event is one coded event: source actor code, target actor code ("" when
// there is none) and CAMEO event code.
type Event struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// String formats the event as "CODE SOURCE→TARGET", with "-" for no target.
func (e Event) String() string {
	t := e.Target
	if t == "" {
		t = "-"
	}
	return fmt.Sprintf("%s %s→%s", e.Code, e.Source, t)
}

// Sentence is one item of the evaluation set.
type Sentence struct {
	Text   string  `json:"text"`
	Date   string  `json:"date"`
	Events []Event `json:"events"`
}

// Load reads an evaluation set.
func Load(path string) ([]Sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s []Sentence
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Code codes each sentence as an article of its own, dated by its date,
// and returns the events found for each.
func Code(c *coder.Coder, set []Sentence) [][]Event {
	out := make([][]Event, len(set))
	for i, s := range set {
		a := &petrel.Article{ID: fmt.Sprintf("eval-%d", i), Text: s.Text}
		if d, err := time.Parse("2006-01-02", s.Date); err == nil {
			a.Date = d
		}
		doc := c.Code(a)
		for _, e := range doc.Events {
			ev := Event{Code: e.Code}
			if e.Source != nil {
				ev.Source = e.Source.Code
			}
			if e.Target != nil {
				ev.Target = e.Target.Code
			}
			out[i] = append(out[i], ev)
		}
	}
	return out
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP, FP, FN int
	P, R, F1   float64
}

// String formats the scores and counts on one line.
func (p PRF) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p.P, p.R, p.F1, p.TP, p.FP, p.FN)
}

// finish computes P, R and F1 from the counts; each is 0 when its
// denominator is.
func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.P = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.R = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.P+p.R > 0 {
		p.F1 = 2 * p.P * p.R / (p.P + p.R)
	}
}

// Level is a way of comparing a coded event with an expected one.
type Level struct {
	Name string             // as Report prints it: "exact", "root+country", "code"
	Key  func(Event) string // events with equal keys match at this level
}

// first returns the first n bytes of s, or s when it is shorter.
func first(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Levels are the strictness levels: the exact (source, target, code)
// triple; the root code (first two digits) with the source and target
// countries (first three letters of the actor codes); the event code
// alone; and the root with the source alone ("root+source"), the measure
// of recall for events by unnamed and non-state actors: the source's
// country, or for a source with no country ("---REB", "---" for an
// agentless passive) the whole code, so the agent must be right.
var Levels = []Level{
	{"exact", func(e Event) string { return e.Source + "|" + e.Target + "|" + e.Code }},
	{"root+country", func(e Event) string { return first(e.Code, 2) + "|" + first(e.Source, 3) + "|" + first(e.Target, 3) }},
	{"code", func(e Event) string { return e.Code }},
	{"root+source", func(e Event) string { return first(e.Code, 2) + "|" + SourceKey(e.Source) }},
}

// SourceKey is what the root+source level compares of a source code: the
// country (first three letters), or the whole code when it has no country
// ("---REB", "---").
func SourceKey(code string) string {
	if strings.HasPrefix(code, "---") {
		return code
	}
	return first(code, 3)
}

// Mismatch is a sentence whose coded events differ from the expected ones
// at the exact level.
type Mismatch struct {
	Index    int     // the sentence's index in the evaluation set
	Text     string  // the sentence
	Missing  []Event // expected, not coded
	Spurious []Event // coded, not expected
}

// Result holds the scores of one run.
type Result struct {
	// Scores holds one PRF per level, in the order of Levels.
	Scores []PRF
	// RootRecall gives, per CAMEO root of the expected events, the number
	// expected and the number found at the exact and at the code level.
	RootRecall map[string]RootCount
	// Mismatches lists, in set order, the sentences coded differently
	// from expected at the exact level.
	Mismatches []Mismatch
}

// RootCount is the recall of one CAMEO root.
type RootCount struct {
	Expected, Exact, Code int
}

// match counts the multiset intersection of gold and pred under key and
// returns the unmatched items of each.
func match(gold, pred []Event, key func(Event) string) (tp int, missing, spurious []Event) {
	left := count(pred, key)
	for _, g := range gold {
		k := key(g)
		if left[k] > 0 {
			left[k]--
			tp++
		} else {
			missing = append(missing, g)
		}
	}
	used := count(gold, key)
	for _, p := range pred {
		k := key(p)
		if used[k] > 0 {
			used[k]--
		} else {
			spurious = append(spurious, p)
		}
	}
	return tp, missing, spurious
}

// count returns how many events of es there are under each key.
func count[K comparable](es []Event, key func(Event) K) map[K]int {
	m := make(map[K]int, len(es))
	for _, e := range es {
		m[key(e)]++
	}
	return m
}

// Score compares the predicted events of each sentence (pred[i] for
// set[i]) with the expected ones. Events are matched as multisets within a
// sentence.
func Score(set []Sentence, pred [][]Event) Result {
	r := Result{Scores: make([]PRF, len(Levels)), RootRecall: map[string]RootCount{}}
	for i, s := range set {
		var p []Event
		if i < len(pred) {
			p = pred[i]
		}
		for li, lv := range Levels {
			tp, missing, spurious := match(s.Events, p, lv.Key)
			r.Scores[li].TP += tp
			r.Scores[li].FN += len(missing)
			r.Scores[li].FP += len(spurious)
			if li == 0 && (len(missing) > 0 || len(spurious) > 0) {
				r.Mismatches = append(r.Mismatches, Mismatch{Index: i, Text: s.Text, Missing: missing, Spurious: spurious})
			}
		}
		// Per-root recall: an expected event counts as found at a level
		// when it is matched there.
		_, missExact, _ := match(s.Events, p, Levels[0].Key)
		_, missCode, _ := match(s.Events, p, Levels[2].Key)
		self := func(e Event) Event { return e }
		me, mc := count(missExact, self), count(missCode, self)
		for _, g := range s.Events {
			root := first(g.Code, 2)
			rc := r.RootRecall[root]
			rc.Expected++
			if me[g] > 0 {
				me[g]--
			} else {
				rc.Exact++
			}
			// The code level matches by code alone, so look the event
			// up by code.
			found := true
			for e, n := range mc {
				if n > 0 && e.Code == g.Code {
					mc[e]--
					found = false
					break
				}
			}
			if found {
				rc.Code++
			}
			r.RootRecall[root] = rc
		}
	}
	for i := range r.Scores {
		r.Scores[i].finish()
	}
	return r
}

// Report formats a result: the scores per level, the recall per root and,
// if mismatches is true, every sentence coded differently from expected.
func (r Result) Report(mismatches bool) string {
	var b strings.Builder
	for i, lv := range Levels {
		fmt.Fprintf(&b, "%-13s %s\n", lv.Name, r.Scores[i])
	}
	roots := make([]string, 0, len(r.RootRecall))
	for k := range r.RootRecall {
		roots = append(roots, k)
	}
	sort.Strings(roots)
	b.WriteString("recall per root (exact, code):\n")
	for _, k := range roots {
		rc := r.RootRecall[k]
		fmt.Fprintf(&b, "  %s  %2d/%2d  %2d/%2d\n", k, rc.Exact, rc.Expected, rc.Code, rc.Expected)
	}
	if mismatches {
		b.WriteString("mismatches (exact):\n")
		for _, m := range r.Mismatches {
			fmt.Fprintf(&b, "  [%d] %s\n", m.Index, m.Text)
			for _, e := range m.Missing {
				fmt.Fprintf(&b, "      missing  %s\n", e)
			}
			for _, e := range m.Spurious {
				fmt.Fprintf(&b, "      spurious %s\n", e)
			}
		}
	}
	return b.String()
}
