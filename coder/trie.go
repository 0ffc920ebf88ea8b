package coder

import "petrel/dict"

// vocab interns dictionary words. Exact words and stems have separate id
// spaces folded into one: a token's candidate ids are its exact id (if the
// word is in any dictionary) plus the ids of every stem that prefixes it.
//
// Interning turns every phrase comparison in the hot path into integer
// comparisons, and lets the tries below key their edges by (node, word).
type vocab struct {
	exact    map[string]int32
	stems    map[string]int32
	minStem  int // shortest stem length, to bound prefix lookups
	maxStem  int
	n        int32
	hasStems bool
}

func newVocab() *vocab {
	return &vocab{exact: map[string]int32{}, stems: map[string]int32{}, minStem: 1 << 30}
}

// id interns w and returns its id.
func (v *vocab) id(w dict.Word) int32 {
	m := v.exact
	if !w.Exact {
		m = v.stems
		v.hasStems = true
		if len(w.Text) < v.minStem {
			v.minStem = len(w.Text)
		}
		if len(w.Text) > v.maxStem {
			v.maxStem = len(w.Text)
		}
	}
	if id, ok := m[w.Text]; ok {
		return id
	}
	v.n++
	m[w.Text] = v.n
	return v.n
}

// appendCandidates appends the ids a normalised token matches.
func (v *vocab) appendCandidates(dst []int32, norm []byte) []int32 {
	if id, ok := v.exact[string(norm)]; ok { // no allocation: map index by string(bytes)
		dst = append(dst, id)
	}
	if v.hasStems {
		max := v.maxStem
		if len(norm) < max {
			max = len(norm)
		}
		for l := v.minStem; l <= max; l++ {
			if id, ok := v.stems[string(norm[:l])]; ok {
				dst = append(dst, id)
			}
		}
	}
	return dst
}

// trie maps phrases (sequences of word ids) to values. Edges live in one
// hash map keyed by parent<<32|word, which is compact and fast to build.
type trie struct {
	edges map[uint64]int32
	vals  [][]int32 // per node
}

func newTrie() *trie { return &trie{edges: map[uint64]int32{}, vals: [][]int32{nil}} }

func (t *trie) insert(words []int32, val int32) {
	n := int32(0)
	for _, w := range words {
		k := uint64(n)<<32 | uint64(uint32(w))
		c, ok := t.edges[k]
		if !ok {
			c = int32(len(t.vals))
			t.vals = append(t.vals, nil)
			t.edges[k] = c
		}
		n = c
	}
	for _, v := range t.vals[n] {
		if v == val {
			return
		}
	}
	t.vals[n] = append(t.vals[n], val)
}

func (t *trie) child(n, w int32) (int32, bool) {
	c, ok := t.edges[uint64(n)<<32|uint64(uint32(w))]
	return c, ok
}

// longest returns the longest phrase starting at token i: its end (exclusive)
// and values. cands(j) gives the candidate ids of token j. It returns end == i
// when nothing matches.
func (t *trie) longest(s *sentence, i int) (end int, vals []int32) {
	end = i
	var walk func(n int32, j int)
	walk = func(n int32, j int) {
		if j > i && len(t.vals[n]) > 0 && j > end {
			end, vals = j, t.vals[n]
		}
		if j >= len(s.toks) {
			return
		}
		for _, w := range s.candsAt(j) {
			if c, ok := t.child(n, w); ok {
				walk(c, j+1)
			}
		}
	}
	walk(0, i)
	return end, vals
}

// phraseIDs interns a phrase's words.
func (v *vocab) phraseIDs(p dict.Phrase) []int32 {
	ids := make([]int32, len(p.Words))
	for i, w := range p.Words {
		ids[i] = v.id(w)
	}
	return ids
}
