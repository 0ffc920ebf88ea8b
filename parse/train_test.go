package parse

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// tinyTreebank builds sentences of a small synthetic grammar: "DET NOUN
// VERB DET NOUN (ADP DET NOUN) ." with the usual UD trees.
func tinyTreebank(n int, seed uint64) []Sentence {
	rng := rand.New(rand.NewPCG(seed, 1))
	nouns := []string{"army", "police", "minister", "rebels", "court", "city", "talks", "aid"}
	verbs := []string{"attacked", "met", "praised", "blocked", "visited", "rejected"}
	dets := []string{"the", "a", "this"}
	preps := []string{"in", "near", "with"}
	pick := func(a []string) string { return a[rng.IntN(len(a))] }
	var out []Sentence
	for range n {
		w := []Word{
			{Form: pick(dets), UPOS: "DET", XPOS: "DT", Head: 2, Rel: "det"},
			{Form: pick(nouns), UPOS: "NOUN", XPOS: "NN", Head: 3, Rel: "nsubj"},
			{Form: pick(verbs), UPOS: "VERB", XPOS: "VBD", Head: 0, Rel: "root"},
			{Form: pick(dets), UPOS: "DET", XPOS: "DT", Head: 5, Rel: "det"},
			{Form: pick(nouns), UPOS: "NOUN", XPOS: "NN", Head: 3, Rel: "obj"},
		}
		if rng.IntN(2) == 0 {
			w = append(w,
				Word{Form: pick(preps), UPOS: "ADP", XPOS: "IN", Head: 8, Rel: "case"},
				Word{Form: pick(dets), UPOS: "DET", XPOS: "DT", Head: 8, Rel: "det"},
				Word{Form: pick(nouns), UPOS: "NOUN", XPOS: "NN", Head: 3, Rel: "obl"})
		}
		w = append(w, Word{Form: ".", UPOS: "PUNCT", XPOS: ".", Head: 3, Rel: "punct"})
		out = append(out, Sentence{Words: w})
	}
	return out
}

// TestTrainTiny trains on the synthetic treebank: the model must learn it
// (held-out sentences of the same grammar parse correctly), and training
// twice with the same seed must write the same bytes.
func TestTrainTiny(t *testing.T) {
	opt := TrainOptions{Seed: 7, TagIters: 3, ParseIters: 4, Folds: 2, Explore: 0.9, SecondPass: true,
		Ensemble: 2, TableBits: [3]uint{12, 14, 12}}
	train := tinyTreebank(200, 1)
	var files [2][]byte
	var m *Model
	for i := range files {
		var err error
		m, err = Train(train, opt)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two trainings with the same seed wrote different models")
	}
	loaded, err := Load(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	sc := loaded.Evaluate(tinyTreebank(50, 2))
	if sc.UPOS < 0.99 || sc.UAS < 0.99 || sc.LAS < 0.99 {
		t.Errorf("held-out synthetic sentences: %v", sc)
	}
	if _, err := Load(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("Load of garbage: no error")
	}
	for _, n := range []int{len(magic) + 3, len(files[0]) / 2, len(files[0]) - 1} {
		if _, err := Load(bytes.NewReader(files[0][:n])); err == nil {
			t.Errorf("Load of the first %d of %d bytes: no error", n, len(files[0]))
		}
	}
	if loaded.tg.w2 == nil {
		t.Error("no second tagger pass after jackknifed training")
	}
	if loaded.tg.pairs == nil || *loaded.tg.pairs != *m.tg.pairs {
		t.Error("the tagger's (UPOS, XPOS) pairs do not load back the same")
	}
}

// TestBestPair checks that the tagger gives a word the best-scoring
// (UPOS, XPOS) pair that the treebank has where the best UPOS and the
// best XPOS are not such a pair.
func TestBestPair(t *testing.T) {
	tg := &tagger{xnames: []string{"_", "NN", "VB", "JJ"}}
	const nn, vb, jj = 1, 2, 3
	sc := make([]int32, int(numTags)+len(tg.xnames))
	sc[VERB], sc[NOUN], sc[ADJ] = 50, 40, 10
	x := sc[numTags:]
	x[nn], x[vb], x[jj] = 45, 30, 44
	if u, xp, m := tg.best(sc); u != VERB || xp != nn || m != 10 {
		t.Errorf("without pairs: %v %d margin %d, want VERB NN margin 10", u, xp, m)
	}
	tg.pairs = new(tagPairs)
	tg.pairs.add(NOUN, nn)
	tg.pairs.add(VERB, vb)
	tg.pairs.add(ADJ, jj)
	// VERB+VB 80, NOUN+NN 85, ADJ+JJ 54
	if u, xp, m := tg.best(sc); u != NOUN || xp != nn || m != 10 {
		t.Errorf("with pairs: %v %s margin %d, want NOUN NN margin 10", u, tg.xnames[xp], m)
	}
	x[vb] = 60 // VERB+VB 110: the best pair is the best UPOS's
	if u, xp, _ := tg.best(sc); u != VERB || xp != vb {
		t.Errorf("with pairs: %v %s, want VERB VB", u, tg.xnames[xp])
	}
}

// TestSumTables checks that summed tables score as the sum of their
// scores, to the precision of the quantisation.
func TestSumTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var ts []*table
	for k := range 3 {
		tb := &table{bits: 4, classes: 3, q: make([]int16, 16*3), scale: float32(k+1) * 100}
		for i := range tb.q {
			tb.q[i] = int16(rng.IntN(2001) - 1000)
		}
		ts = append(ts, tb)
	}
	sum := sumTables(ts)
	feats := []uint64{1 << 60, 5 << 60, 9 << 60, 15 << 60}
	var want [numActs]float64
	for _, tb := range ts {
		var out [numActs]int32
		tb.scoreActs(feats, &out)
		for c := range out {
			want[c] += float64(out[c]) / float64(tb.scale)
		}
	}
	var got [numActs]int32
	sum.scoreActs(feats, &got)
	for c := range got {
		if g := float64(got[c]) / float64(sum.scale); g < want[c]-0.01 || g > want[c]+0.01 {
			t.Errorf("class %d: summed table scores %.3f, the tables' scores sum to %.3f", c, g, want[c])
		}
	}
}

// TestCostsProjective checks the dynamic oracle: following zero-cost
// actions from the start rebuilds the gold tree of a projective sentence.
func TestCostsProjective(t *testing.T) {
	tb := tinyTreebank(20, 3)
	_, xpos := xposNames(tb)
	for _, s := range tb {
		x := newSample(s, xpos)
		var st state
		st.reset(x.lx, x.gold, x.xgold)
		for !st.terminal() {
			ok := st.valid()
			c := costs(&st, x.heads, ok)
			next := -1
			for a := 0; a < numActs; a++ {
				if ok[a] && c[a] == 0 {
					next = a
					break
				}
			}
			if next < 0 {
				t.Fatalf("%v: no zero-cost action (costs %v)", s.Words, c)
			}
			r := Root
			if next != shift {
				h, d := st.arc(next)
				if int(h) != st.n {
					r = x.rels[d]
				}
			}
			st.apply(next, r)
		}
		got := fmt.Sprint(st.head[:st.n])
		if want := fmt.Sprint(x.heads); got != want {
			t.Errorf("heads %s, want %s", got, want)
		}
	}
}

// TestWriteParts checks that a table too big for one section is written
// in parts and loads back the same, and that a file missing a part is
// refused.
func TestWriteParts(t *testing.T) {
	m, err := Train(tinyTreebank(50, 3), TrainOptions{Seed: 1, TagIters: 1, ParseIters: 1, TableBits: [3]uint{10, 10, 10}})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	big := &table{bits: 20, classes: numActs, q: make([]int16, (1<<20)*numActs), scale: 3}
	for i := range big.q {
		if rng.IntN(4) > 0 {
			big.q[i] = int16(rng.IntN(64001) - 32000)
		}
	}
	m.ps.act = big
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(loaded.ps.act.q, big.q) || loaded.ps.act.scale != big.scale {
		t.Error("a table written in parts loads back different")
	}
	// Sections: the tagger's names and dictionary, the tagger's table,
	// then the transition table's parts. Drop the second part.
	data := b.Bytes()[len(magic):]
	var secs [][]byte
	for off := 0; off < len(data); {
		n, k := binary.Uvarint(data[off:])
		secs = append(secs, data[off:off+k+int(n)])
		off += k + int(n)
	}
	if len(secs) < 6 {
		t.Fatalf("%d sections, want the transition table in parts", len(secs))
	}
	short := []byte(magic)
	for i, sec := range secs {
		if i != 3 {
			short = append(short, sec...)
		}
	}
	if _, err := Load(bytes.NewReader(short)); err == nil {
		t.Error("a file without a part of a table loaded")
	}
}
