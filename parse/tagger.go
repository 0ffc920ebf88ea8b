package parse

import "math/bits"

// tagger is a greedy left-to-right averaged-perceptron POS tagger. It
// predicts the UPOS tag and the treebank's XPOS tag (Penn Treebank tags
// for EWT) from one feature row: the first numTags weights of a row score
// UPOS tags, the rest XPOS tags.
type tagger struct {
	w      *table
	xnames []string          // XPOS names; index 0 is "_"
	dict   map[uint64]uint16 // exact forms that are frequent and unambiguous in training → UPOS | XPOS<<8
	amb    map[uint64]uint64 // lower-cased form → the set of XPOS tags it had in training
	// w2, if set, scores a second left-to-right pass that also sees the
	// first pass's tags of the next two words ("to" before a verb is PART,
	// before a noun ADP).
	w2 *table
	// pairs, if set, holds the (UPOS, XPOS) pairs the training treebank
	// has: bit x of pairs[u] is set if a word was tagged u and XPOS x.
	// A word is given the best-scoring pair among them (best).
	pairs *tagPairs
}

// tagPairs is a set of (UPOS, XPOS) pairs, one bit set of XPOS tags per
// UPOS tag.
type tagPairs [numTags][4]uint64

func (p *tagPairs) has(u Tag, x uint8) bool { return p[u][x>>6]&(1<<(x&63)) != 0 }

func (p *tagPairs) add(u Tag, x uint8) { p[u][x>>6] |= 1 << (x & 63) }

// ambiguity returns the feature value of the set of tags the word of l
// had in training (its ambiguity class), or its shape for an unseen word.
func (t *tagger) ambiguity(l *lex) uint64 {
	if a, ok := t.amb[l.lower]; ok {
		return mix(a)
	}
	return l.shape ^ 0xa3b195354a39b70d
}

const (
	tagBits    = 18
	tagFeats   = 45 // features of the first pass; the second adds tagFeats2 more
	tagFeats2  = 5
	hashNone   = 0x5bd1e9955bd1e995 // a word outside the sentence
	hashRoot   = 0x27d4eb2f165667c5 // the parser's root
	tagHashOff = 0x165667b19e3779f9
)

// tagHash returns the feature value of tag t.
func tagHash(t Tag) uint64 { return uint64(t) + tagHashOff }

// tagFeatures writes the features of word i to f, given the tags already
// assigned to the words before it.
// amb holds the ambiguity class of each word.
// right, if not nil, holds the first pass's tags, and the second pass's
// features are added.
func tagFeatures(lx []lex, amb []uint64, tags, right []uint8, i int, f *[tagFeats + tagFeats2]uint64) {
	n := len(lx)
	w := &lx[i]
	get := func(j int) *lex {
		if j < 0 || j >= n {
			return nil
		}
		return &lx[j]
	}
	lower := func(l *lex) uint64 {
		if l == nil {
			return hashNone
		}
		return l.lower
	}
	suf := func(l *lex) uint64 {
		if l == nil {
			return hashNone
		}
		return l.suf3
	}
	p1, p2 := uint64(hashNone), uint64(hashNone)
	if i > 0 {
		p1 = uint64(tags[i-1]) + tagHashOff
	}
	if i > 1 {
		p2 = uint64(tags[i-2]) + tagHashOff
	}
	m1, m2, n1, n2 := get(i-1), get(i-2), get(i+1), get(i+2)
	f[0] = f1(0, 0)
	f[1] = f1(1, w.lower)
	f[2] = f1(2, w.suf3)
	f[3] = f1(3, w.suf2)
	f[4] = f1(4, w.suf1)
	f[5] = f1(5, w.pre1)
	f[6] = f1(6, w.pre2)
	f[7] = f1(7, w.pre3)
	f[8] = f1(8, w.shape)
	f[9] = f1(9, p1)
	f[10] = f1(10, p2)
	f[11] = f2(11, p1, p2)
	f[12] = f2(12, p1, w.lower)
	f[13] = f1(13, lower(m1))
	f[14] = f1(14, suf(m1))
	f[15] = f1(15, lower(m2))
	f[16] = f1(16, lower(n1))
	f[17] = f1(17, suf(n1))
	f[18] = f1(18, lower(n2))
	f[19] = f1(19, w.form)
	f[20] = f2(20, lower(m1), w.lower)
	f[21] = f2(21, w.lower, lower(n1))
	f[22] = f2(24, p1, w.suf3)
	ab := func(j int) uint64 {
		if j < 0 || j >= n {
			return hashNone
		}
		return amb[j]
	}
	a0, a1, a2, am := ab(i), ab(i+1), ab(i+2), ab(i-1)
	f[23] = f1(26, a0)
	f[24] = f1(27, a1)
	f[25] = f1(28, a2)
	f[26] = f2(29, a0, p1)
	f[27] = f2(30, a0, a1)
	f[28] = f3(31, p1, a0, a1)
	f[29] = f2(32, am, a0)
	f[30] = f2(33, w.lower, a1)
	f[31] = f1(34, w.suf4)
	f[32] = f2(35, lower(m1), lower(n1))
	f[33] = f2(36, p1, w.shape)
	// word clusters from unlabelled text: the class of a word the
	// treebank never had, and of its neighbours
	clus := func(l *lex) uint64 {
		if l == nil {
			return hashNone
		}
		return l.clus
	}
	c0, cm, cp := w.clus, clus(m1), clus(n1)
	f[34] = f1(45, c0)
	f[35] = f1(46, cm)
	f[36] = f1(47, cp)
	f[37] = f2(48, p1, c0)
	f[38] = f2(49, c0, cp)
	f[39] = f2(50, c0, w.suf3)
	// the word's classes in the lexicon (WordNet): a word the treebank
	// never had is still known as a plural noun, a name or an adjective
	wn1 := uint64(hashNone)
	if n1 != nil {
		wn1 = n1.wn
	}
	f[40] = f1(51, w.wn)
	f[41] = f2(52, w.wn, w.shape)
	f[42] = f2(53, w.wn, p1)
	f[43] = f2(54, w.wn, wn1)
	f[44] = f2(55, w.wn, w.suf2)
	if right != nil {
		r1, r2 := uint64(hashNone), uint64(hashNone)
		if i+1 < n {
			r1 = uint64(right[i+1]&^sure) + tagHashOff
		}
		if i+2 < n {
			r2 = uint64(right[i+2]&^sure) + tagHashOff
		}
		f[tagFeats+0] = f1(40, r1)
		f[tagFeats+1] = f2(41, r1, r2)
		f[tagFeats+2] = f2(42, p1, r1)
		f[tagFeats+3] = f2(43, w.lower, r1)
		f[tagFeats+4] = f2(44, a0, r1)
	}
}

// secondPassMargin is the UPOS score margin (best minus runner-up, in
// quantised units) under which the second pass re-tags a word: the first
// pass is right about nearly every word it is sure of, so re-tagging only
// the doubtful ones keeps most of the second pass's gain at a fraction of
// its cost (docs/PARSER.md).
var secondPassMargin int32 = 10000

// sure marks a first-pass tag in first that the second pass keeps.
const sure = 0x80

// tag assigns UPOS and XPOS tags to the words of lx. amb and first are
// scratch space; all slices have len(lx).
func (t *tagger) tag(lx []lex, amb []uint64, tags []Tag, xtags, first []uint8) {
	var f [tagFeats + tagFeats2]uint64
	var scores [256]int32
	for i := range lx {
		amb[i] = t.ambiguity(&lx[i])
	}
	sc := scores[:t.w.classes]
	doubt := false
	for i := range lx {
		if tg, ok := t.dict[lx[i].form]; ok {
			tags[i], xtags[i] = Tag(tg), uint8(tg>>8)
			first[i] = xtags[i] | sure
			continue
		}
		tagFeatures(lx, amb, xtags, nil, i, &f)
		t.w.score(f[:tagFeats], sc)
		var margin int32
		tags[i], xtags[i], margin = t.best(sc)
		first[i] = xtags[i]
		if margin >= secondPassMargin {
			first[i] |= sure
		} else {
			doubt = true
		}
	}
	if t.w2 == nil || !doubt {
		return
	}
	for i := range lx {
		if first[i]&sure != 0 {
			continue
		}
		tagFeatures(lx, amb, xtags, first, i, &f)
		t.w2.score(f[:], sc)
		tags[i], xtags[i], _ = t.best(sc)
	}
}

// best returns the highest-scoring UPOS and XPOS tags of a row of scores,
// and the UPOS tag's margin over the runner-up. Where the two best tags
// are not a pair the treebank has (UPOS VERB with XPOS NN, 1.3 % of dev's
// words), it returns the pair whose summed scores are highest among
// those it has: the parser reads the pair, and a pair it never saw in
// training tells it little.
func (t *tagger) best(sc []int32) (Tag, uint8, int32) {
	u, u2 := Tag(1), Tag(2)
	if sc[u2] > sc[u] {
		u, u2 = u2, u
	}
	for c := Tag(3); c < numTags; c++ {
		switch {
		case sc[c] > sc[u]:
			u, u2 = c, u
		case sc[c] > sc[u2]:
			u2 = c
		}
	}
	x := 1
	xs := sc[numTags:]
	for c := 2; c < len(xs); c++ {
		if xs[c] > xs[x] {
			x = c
		}
	}
	margin := sc[u] - sc[u2]
	if p := t.pairs; p != nil && !p.has(u, uint8(x)) {
		bu, bx, bs := Tag(0), 0, int32(0)
		for c := Tag(1); c < numTags; c++ {
			for k, set := range p[c] {
				for set != 0 {
					j := k<<6 | bits.TrailingZeros64(set)
					set &= set - 1
					if j >= len(xs) {
						break
					}
					if s := sc[c] + xs[j]; bx == 0 || s > bs {
						bu, bx, bs = c, j, s
					}
				}
			}
		}
		if bx != 0 {
			u, x = bu, bx
		}
	}
	return u, uint8(x), margin
}
