package coder

import (
	"encoding/binary"
	"slices"
	"strings"

	"petrel/dict"
)

// vocab interns dictionary words. Exact words and stems have separate id
// spaces folded into one: a token's candidate ids are its exact id (if the
// word is in any dictionary) plus the ids of every stem that prefixes it.
//
// Interning turns every phrase comparison in the hot path into integer
// comparisons, and lets the tries below key their edges by (node, word).
type vocab struct {
	exact    map[string]int32
	table    wordTable // exact but the cased words, frozen for lookups while coding
	cased    wordTable // the cased words of exact, without casedKey
	upper    wordTable // the upper words of exact, without upperKey
	stems    map[string]int32
	minStem  int // shortest stem length, to bound prefix lookups
	maxStem  int
	n        int32
	hasStems bool
	hasCased bool // some word is dict.Word.Cased, interned in exact under casedKey
	hasUpper bool // some word is dict.Word.Upper, interned in exact under upperKey
}

// casedKey prefixes a cased word's text in vocab.exact, so that "shell"
// and the cased "Shell" get different ids.
const casedKey = "\x01"

// upperKey prefixes an upper word's text in vocab.exact ("CAR" against
// "car" and the cased "Car").
const upperKey = "\x02"

func newVocab() *vocab {
	return &vocab{exact: map[string]int32{}, stems: map[string]int32{}, minStem: 1 << 30}
}

// id interns w and returns its id.
func (v *vocab) id(w dict.Word) int32 {
	m := v.exact
	if w.Upper && w.Exact {
		v.hasUpper = true
		w.Text = upperKey + w.Text
	} else if w.Cased && w.Exact {
		v.hasCased = true
		w.Text = casedKey + w.Text
	} else if !w.Exact {
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

// appendStems appends the ids of the stems that prefix a normalised token.
func (v *vocab) appendStems(dst []int32, norm []byte) []int32 {
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

// trie maps phrases (sequences of word ids) to values.
//
// It is built by insert into a hash map keyed by parent<<32|word, which is
// compact and fast to build, and then frozen by compile into flat arrays
// for matching: longest runs at every token of every sentence for several
// tries, so it must not hash. After freeze, a node's children are a sorted
// run of (word, child) pairs (CSR layout, found by a short linear or binary
// search), and a trie with many first words also gets a dense root table
// indexed by word id, since nearly every lookup starts at the root and
// most of them fail there.
type trie struct {
	edges map[uint64]int32 // build form; nil after freeze
	vals  [][]int32        // per node

	// Frozen form.
	frozen bool
	root   []int32 // dense root: root[w] is the child for word w, 0 for none; nil when sparse
	first  []int32 // node n's children are labels/kids[first[n]:first[n+1]]
	labels []int32 // word ids, ascending within a node
	kids   []int32
	// firstBits has bit w&63 of word (w>>6)&15 set for each first word w,
	// the layout of state.words, so that "may a phrase start in the
	// sentence" is 16 ANDs (state.anyWord).
	firstBits [16]uint64
}

func newTrie() *trie { return &trie{edges: map[uint64]int32{}, vals: [][]int32{nil}} }

func (t *trie) insert(words []int32, val int32) {
	if t.frozen {
		panic("coder: insert into a frozen trie")
	}
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

// denseRoot is the number of first words from which a trie gets a dense
// root table (4 bytes per vocabulary word): the big dictionaries, not the
// small synset tries.
const denseRoot = 64

// freeze converts t to its matching form. nwords bounds the word ids.
func (t *trie) freeze(nwords int32) {
	if t.frozen {
		return
	}
	keys := make([]uint64, 0, len(t.edges))
	for k := range t.edges {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by parent, then word: the CSR order
	nodes := len(t.vals)
	t.first = make([]int32, nodes+1)
	t.labels = make([]int32, len(keys))
	t.kids = make([]int32, len(keys))
	nroot := 0
	for i, k := range keys {
		p := int32(k >> 32)
		t.first[p+1]++
		t.labels[i] = int32(uint32(k))
		t.kids[i] = t.edges[k]
		if p == 0 {
			nroot++
			w := t.labels[i]
			t.firstBits[(w>>6)&15] |= 1 << (w & 63)
		}
	}
	for n := 1; n <= nodes; n++ {
		t.first[n] += t.first[n-1]
	}
	if nroot >= denseRoot {
		t.root = make([]int32, nwords+1)
		for i := t.first[0]; i < t.first[1]; i++ {
			t.root[t.labels[i]] = t.kids[i]
		}
	}
	t.edges = nil
	t.frozen = true
}

// child returns the child of node n along word w.
func (t *trie) child(n, w int32) (int32, bool) {
	if !t.frozen {
		c, ok := t.edges[uint64(n)<<32|uint64(uint32(w))]
		return c, ok
	}
	if n == 0 && t.root != nil {
		if uint32(w) < uint32(len(t.root)) {
			c := t.root[w]
			return c, c != 0 // node 0 is the root, never a child
		}
		return 0, false
	}
	lo, hi := t.first[n], t.first[n+1]
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if l := t.labels[i]; l >= w {
				if l == w {
					return t.kids[i], true
				}
				return 0, false
			}
		}
		return 0, false
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		if t.labels[m] < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < t.first[n+1] && t.labels[lo] == w {
		return t.kids[lo], true
	}
	return 0, false
}

// longest returns the longest phrase starting at token i: its end (exclusive)
// and values. It returns end == i when nothing matches. A token may have
// several candidate ids (exact word and stems), so the match is a
// depth-first search; of equally long matches the first found wins.
func (t *trie) longest(s *sentence, i int) (end int, vals []int32) {
	end = i
	if i >= len(s.toks) {
		return end, nil
	}
	// The root step is unrolled: at most tokens it is the only step.
	for _, w := range s.candsAt(i) {
		if c, ok := t.child(0, w); ok {
			t.walk(s, c, i+1, &end, &vals)
		}
	}
	return end, vals
}

// walk continues longest from node n, which matched the tokens before j.
// It is a method rather than a recursive closure so that it does not
// allocate.
func (t *trie) walk(s *sentence, n int32, j int, end *int, vals *[]int32) {
	if len(t.vals[n]) > 0 && j > *end {
		*end, *vals = j, t.vals[n]
	}
	if j >= len(s.toks) {
		return
	}
	for _, w := range s.candsAt(j) {
		if c, ok := t.child(n, w); ok {
			t.walk(s, c, j+1, end, vals)
		}
	}
}

// phraseIDs interns a phrase's words.
func (v *vocab) phraseIDs(p dict.Phrase) []int32 {
	ids := make([]int32, len(p.Words))
	for i, w := range p.Words {
		ids[i] = v.id(w)
	}
	return ids
}

// freeze builds v.table, v.cased and v.upper from v.exact; lookups while
// coding go to the tables, so no word may be interned after it.
func (v *vocab) freeze() {
	plain, cased, upper := map[string]int32{}, map[string]int32{}, map[string]int32{}
	for w, id := range v.exact {
		if k, ok := strings.CutPrefix(w, casedKey); ok {
			cased[k] = id
		} else if k, ok := strings.CutPrefix(w, upperKey); ok {
			upper[k] = id
		} else {
			plain[w] = id
		}
	}
	v.table, v.cased, v.upper = newWordTable(plain), newWordTable(cased), newWordTable(upper)
}

// wordTable is a read-only hash table from words to ids, for the lookup of
// every token's normalised form: an open-addressed table of slots that
// hold a key's hash beside its entry, so that most misses read one slot,
// and a hash computed inline, eight bytes at a time.
type wordTable struct {
	slots []uint64 // hash<<32 | entry index+1; 0 is empty
	ents  []wordEnt
	keys  string // the keys, end to end
	mask  uint32
}

type wordEnt struct {
	off, len uint32
	id       int32
}

// wordHash hashes w.
func wordHash(w []byte) uint32 {
	const m = 0x9E3779B97F4A7C15
	h := uint64(len(w)) * m
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(w)) * m
		h ^= h >> 29
		w = w[8:]
	}
	var t uint64
	for i, c := range w {
		t |= uint64(c) << (8 * i)
	}
	h = (h ^ t) * m
	h ^= h >> 32
	return uint32(h)
}

func newWordTable(m map[string]int32) wordTable {
	n := 16
	for n < 2*len(m) {
		n *= 2
	}
	t := wordTable{slots: make([]uint64, n), mask: uint32(n - 1)}
	var keys strings.Builder
	ws := make([]string, 0, len(m))
	for w := range m {
		ws = append(ws, w)
	}
	slices.Sort(ws) // the same layout every run
	for _, w := range ws {
		e := wordEnt{off: uint32(keys.Len()), len: uint32(len(w)), id: m[w]}
		keys.WriteString(w)
		t.ents = append(t.ents, e)
		h := wordHash([]byte(w))
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = uint64(h)<<32 | uint64(len(t.ents))
	}
	t.keys = keys.String()
	return t
}

// lookup returns the id of the word w and whether it is in the table.
func (t *wordTable) lookup(w []byte) (int32, bool) {
	if len(t.ents) == 0 {
		return 0, false
	}
	h := wordHash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) != h {
			continue
		}
		e := &t.ents[uint32(s)-1]
		if int(e.len) == len(w) && t.keys[e.off:e.off+e.len] == string(w) {
			return e.id, true
		}
	}
}
