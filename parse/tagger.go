package parse

// tagger is a greedy left-to-right averaged-perceptron POS tagger.
type tagger struct {
	w    *table
	dict map[uint64]Tag // exact forms that are frequent and unambiguous in training
}

const (
	tagBits    = 19
	tagFeats   = 26
	hashNone   = 0x5bd1e9955bd1e995 // a word outside the sentence
	hashRoot   = 0x27d4eb2f165667c5 // the parser's root
	tagHashOff = 0x165667b19e3779f9
)

// tagHash returns the feature value of tag t.
func tagHash(t Tag) uint64 { return uint64(t) + tagHashOff }

// tagFeatures writes the features of word i to f, given the tags already
// assigned to the words before it.
func tagFeatures(lx []lex, tags []Tag, i int, f *[tagFeats]uint64) {
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
	shape := func(l *lex) uint64 {
		if l == nil {
			return hashNone
		}
		return l.shape
	}
	p1, p2 := uint64(hashNone), uint64(hashNone)
	if i > 0 {
		p1 = tagHash(tags[i-1])
	}
	if i > 1 {
		p2 = tagHash(tags[i-2])
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
	f[22] = f2(22, shape(m1), w.shape)
	f[23] = f2(23, w.shape, shape(n1))
	f[24] = f2(24, p1, w.suf3)
	f[25] = f2(25, suf(n2), shape(n2))
}

// tag assigns tags to the words of lx, writing them to tags (len(lx)).
func (t *tagger) tag(lx []lex, tags []Tag) {
	var f [tagFeats]uint64
	var scores [numTags]int32
	for i := range lx {
		if tg, ok := t.dict[lx[i].form]; ok {
			tags[i] = tg
			continue
		}
		tagFeatures(lx, tags, i, &f)
		t.w.scoreTags(f[:], &scores)
		best := Tag(1)
		for c := Tag(2); c < numTags; c++ {
			if scores[c] > scores[best] {
				best = c
			}
		}
		tags[i] = best
	}
}
