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
	Elapsed        time.Duration // tagging and parsing only, not reading
}

// WordsPerSecond is the speed the Score was measured at.
func (s Score) WordsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Words) / s.Elapsed.Seconds()
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
	}
	var t Tree
	start := time.Now()
	for i := range sents {
		m.Parse(words[i], &t)
		trees[i].Tags = append([]Tag(nil), t.Tags...)
		trees[i].Heads = append([]int(nil), t.Heads...)
		trees[i].Rels = append([]Rel(nil), t.Rels...)
	}
	sc.Elapsed = time.Since(start)
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
