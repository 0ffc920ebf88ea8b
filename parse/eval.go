package parse

import (
	"fmt"
	"time"
)

// Score is the accuracy of a model on gold sentences: the share of words
// with the right UPOS tag, the right head (UAS), and the right head and
// relation (LAS). Punctuation counts, as in the CoNLL 2018 shared task.
type Score struct {
	Words          int
	UPOS, UAS, LAS float64
	Elapsed        time.Duration // wall-clock time of tagging and parsing, not reading
	CPU            time.Duration // the process's CPU time over the same span; -1 where unknown
}

// WordsPerSecond is the speed the Score was measured at, in words per
// CPU-second: Evaluate runs on one goroutine, so this is the speed of one
// core, whatever else the machine is doing. Without a CPU time it is
// words per wall-clock second.
func (s Score) WordsPerSecond() float64 {
	d := s.CPU
	if d <= 0 {
		d = s.Elapsed
	}
	if d <= 0 {
		return 0
	}
	return float64(s.Words) / d.Seconds()
}

// String formats s as the one-line summary of petrel parse --eval.
func (s Score) String() string {
	return fmt.Sprintf("parse: UPOS %.3f UAS %.3f LAS %.3f over %d words, %.0f words/s",
		s.UPOS, s.UAS, s.LAS, s.Words, s.WordsPerSecond())
}

// Evaluate tags and parses the gold tokens of sents and scores the result
// against their gold tags and trees. The relation compared is the full
// label, subtype included (nsubj:pass); a word whose gold head is unknown
// is not counted.
func (m *Model) Evaluate(sents []Sentence) Score {
	var sc Score
	trees := make([]Tree, len(sents))
	words := make([][]string, len(sents))
	for i, s := range sents {
		w := make([]string, len(s.Words))
		for j := range s.Words {
			w[j] = s.Words[j].Form
		}
		words[i] = w
		trees[i] = Tree{Tags: make([]Tag, len(w)), Heads: make([]int, len(w)), Rels: make([]Rel, len(w))}
	}
	var t Tree
	start, cpu := time.Now(), cpuTime()
	for i := range sents {
		m.Parse(words[i], &t)
		copy(trees[i].Tags, t.Tags)
		copy(trees[i].Heads, t.Heads)
		copy(trees[i].Rels, t.Rels)
	}
	sc.Elapsed = time.Since(start)
	sc.CPU = -1
	if cpu >= 0 {
		sc.CPU = cpuTime() - cpu
	}
	var tag, uas, las int
	for i, s := range sents {
		for j, w := range s.Words {
			if w.Head < 0 {
				continue
			}
			sc.Words++
			if trees[i].Tags[j].String() == w.UPOS {
				tag++
			}
			if trees[i].Heads[j] == w.Head {
				uas++
				if trees[i].Rels[j].String() == w.Rel {
					las++
				}
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words)
		sc.UPOS, sc.UAS, sc.LAS = float64(tag)/n, float64(uas)/n, float64(las)/n
	}
	return sc
}
