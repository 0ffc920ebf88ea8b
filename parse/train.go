package parse

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// TrainOptions configures Train. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Seed       uint64  // seeds shuffling and exploration
	TagIters   int     // tagger passes over the data
	ParseIters int     // parser passes over the data
	Folds      int     // jackknife folds that give the parser predicted tags (< 2: gold tags)
	Explore    float64 // after two passes, the chance of following a wrong prediction
	SecondPass bool    // train a second tagger pass that sees the next words' tags (needs Folds ≥ 2)
	Ensemble   int     // parsers trained from different seeds whose weights are summed (≤ 1: one)
	Log        io.Writer
	Dev        []Sentence // if set, scored after each parser pass (for tuning; never the test set)
	// TableBits sets log2 of the rows of the tagger, transition and label
	// weight tables; zero entries take the defaults. Small tables train
	// small test models quickly.
	TableBits [3]uint
}

// DefaultTrainOptions are the options the embedded model is trained with.
var DefaultTrainOptions = TrainOptions{Seed: 2, TagIters: 8, ParseIters: 15, Folds: 4, Explore: 0.9, SecondPass: true, Ensemble: 4}

// bits returns the size of table i (0 tagger, 1 transitions, 2 labels).
func (o *TrainOptions) bits(i int) uint {
	if b := o.TableBits[i]; b > 0 {
		return min(b, 26)
	}
	return [3]uint{tagBits, actBits, labBits}[i]
}

// sample is a training sentence in the parser's terms.
type sample struct {
	lx    []lex   // n+1, the last for the root
	gold  []Tag   // gold tags
	xgold []uint8 // gold XPOS tags (indices into the model's names)
	pred  []Tag   // tags the parser trains on
	xpred []uint8
	heads []int32 // gold heads, n for the root, -1 unknown
	rels  []Rel
}

func newSample(s Sentence, xpos map[string]uint8) sample {
	n := len(s.Words)
	x := sample{lx: make([]lex, n+1), gold: make([]Tag, n), xgold: make([]uint8, n), heads: make([]int32, n), rels: make([]Rel, n)}
	for i, w := range s.Words {
		setLex(&x.lx[i], w.Form)
		x.gold[i] = ParseTag(w.UPOS)
		x.xgold[i] = xpos[w.XPOS]
		switch {
		case w.Head == 0:
			x.heads[i] = int32(n)
			x.rels[i] = Root
		case w.Head > 0:
			x.heads[i] = int32(w.Head - 1)
			x.rels[i] = ParseRel(w.Rel)
		default:
			x.heads[i] = -1
		}
	}
	x.lx[n] = lex{form: hashRoot, lower: hashRoot, suf3: hashRoot, clus: hashRoot, wn: hashRoot}
	x.pred, x.xpred = x.gold, x.xgold
	return x
}

// Train trains a model on the sentences of a treebank: a tagger on all of
// them, and a parser on tags predicted by taggers trained on the other
// folds (jackknifing), so the parser learns from the kind of tags it will
// see. Training is deterministic for a given Seed and data, whatever the
// number of cores.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	t0 := time.Now()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "%4.0fs ", time.Since(t0).Seconds())
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	xnames, xpos := xposNames(sents)
	data := make([]sample, 0, len(sents))
	// doc[i] numbers the document of data[i] (a "# newdoc" comment starts
	// one); a treebank without documents counts each sentence as one.
	var doc []int
	docs := -1
	for _, s := range sents {
		for _, c := range s.Comments {
			if strings.HasPrefix(c, "# newdoc") {
				docs++
			}
		}
		if len(s.Words) > 0 {
			data = append(data, newSample(s, xpos))
			doc = append(doc, max(docs, 0))
		}
	}
	if docs < 0 {
		for i := range doc {
			doc[i] = i
		}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("parse: no training sentences")
	}
	// Jackknife: fold k's tags come from a tagger that never saw fold k.
	if opt.Folds >= 2 {
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for k := 0; k < opt.Folds; k++ {
			wg.Add(1)
			go func(k int) {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				var in, out []*sample
				for i := range data {
					if doc[i]%opt.Folds == k {
						out = append(out, &data[i])
					} else {
						in = append(in, &data[i])
					}
				}
				tg := trainTagger(in, xnames, opt.bits(0), opt.TagIters, opt.Seed+uint64(k)+1)
				for _, x := range out {
					n := len(x.gold)
					x.pred, x.xpred = make([]Tag, n), make([]uint8, n)
					tg.tag(x.lx[:n], make([]uint64, n), x.pred, x.xpred, make([]uint8, n))
				}
			}(k)
		}
		wg.Wait()
		right, all := 0, 0
		for _, x := range data {
			for i := range x.gold {
				if x.pred[i] == x.gold[i] {
					right++
				}
				all++
			}
		}
		logf("jackknifed tags: %d folds, UPOS %.4f\n", opt.Folds, float64(right)/float64(all))
	}
	all := make([]*sample, len(data))
	for i := range data {
		all[i] = &data[i]
	}
	m := &Model{}
	m.tg = *trainTagger(all, xnames, opt.bits(0), opt.TagIters, opt.Seed)
	logf("tagger: %d iterations, %d dictionary words\n", opt.TagIters, len(m.tg.dict))
	if opt.SecondPass && opt.Folds >= 2 {
		// The second pass learns from first-pass tags as good as the ones
		// it will see: the jackknifed ones.
		trainSecondPass(&m.tg, all, opt.bits(0), opt.TagIters, opt.Seed+99)
		logf("tagger: second pass trained\n")
	}
	// The taggers are trained, and the parser's training tags given, with
	// UPOS and XPOS chosen each on its own; the shipped tagger chooses the
	// best pair the treebank has (tagger.best). Training with the pairs
	// too scored lower on dev (docs/PARSER.md, tuning record).
	m.tg.pairs = treebankPairs(all)
	var dev func(*parser) Score
	if len(opt.Dev) > 0 {
		dev = func(p *parser) Score {
			dm := &Model{tg: m.tg, ps: *p}
			return dm.Evaluate(opt.Dev)
		}
	}
	if opt.Ensemble <= 1 {
		m.ps = *trainParser(all, opt, logf, dev)
	} else {
		// Parsers trained from different seeds see the data in other
		// orders and explore other mistakes; their summed weights score
		// as their ensemble would, at the cost of one.
		ps := make([]*parser, opt.Ensemble)
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for k := range ps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				o := opt
				o.Seed = opt.Seed + uint64(k)*1000
				ps[k] = trainParser(all, o, logf, nil)
			}()
		}
		wg.Wait()
		acts, labs := make([]*table, len(ps)), make([]*table, len(ps))
		for k, p := range ps {
			acts[k], labs[k] = p.act, p.lab
		}
		m.ps = parser{act: sumTables(acts), lab: sumTables(labs)}
		logf("parser: ensemble of %d summed\n", len(ps))
	}
	return m, nil
}

// xposNames returns the XPOS tags of sents, sorted, after "_" (none),
// and their indices. Beyond 255 tags, the rest share "_".
func xposNames(sents []Sentence) ([]string, map[string]uint8) {
	set := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.XPOS != "" && w.XPOS != "_" {
				set[w.XPOS] = true
			}
		}
	}
	names := make([]string, 0, len(set))
	for x := range set {
		names = append(names, x)
	}
	sort.Strings(names)
	names = append([]string{"_"}, names...)
	if len(names) > 255 {
		names = names[:255]
	}
	idx := map[string]uint8{}
	for i, x := range names {
		idx[x] = uint8(i)
	}
	return names, idx
}

// trainTagger trains a tagger on data.
func trainTagger(data []*sample, xnames []string, bits uint, iters int, seed uint64) *tagger {
	// The tag dictionary: frequent words seen with one tag pair at least
	// 97% of the time are tagged by lookup.
	counts := map[uint64]map[uint16]int32{}
	for _, x := range data {
		for i, g := range x.gold {
			c := counts[x.lx[i].form]
			if c == nil {
				c = map[uint16]int32{}
				counts[x.lx[i].form] = c
			}
			c[uint16(g)|uint16(x.xgold[i])<<8]++
		}
	}
	nx := len(xnames)
	tg := &tagger{xnames: xnames, dict: map[uint64]uint16{}, amb: map[uint64]uint64{}}
	// Ambiguity classes of words seen twice or more: a word seen once
	// stands for the unseen words the tagger will meet, which it knows by
	// their shape instead.
	seen := map[uint64]int{}
	for _, x := range data {
		for i, g := range x.xgold {
			tg.amb[x.lx[i].lower] |= 1 << (g & 63)
			seen[x.lx[i].lower]++
		}
	}
	for k, c := range seen {
		if c < 2 {
			delete(tg.amb, k)
		}
	}
	for k, c := range counts {
		var sum, top int32
		var best uint16
		for t, v := range c {
			sum += v
			if v > top || v == top && t < best {
				top, best = v, t
			}
		}
		if sum >= 20 && float64(top)/float64(sum) >= 0.97 && Tag(best&0xff) != TagNone && best>>8 != 0 {
			tg.dict[k] = best
		}
	}
	tg.w = newTable(bits, int(numTags)+nx)
	trainTagPass(tg, tg.w, data, false, iters, rand.New(rand.NewPCG(seed, 0x7a6)))
	return tg
}

// treebankPairs returns the (UPOS, XPOS) pairs of the gold tags of data.
func treebankPairs(data []*sample) *tagPairs {
	p := new(tagPairs)
	for _, x := range data {
		for i, g := range x.gold {
			if g != TagNone && x.xgold[i] != 0 {
				p.add(g, x.xgold[i])
			}
		}
	}
	return p
}

// trainSecondPass trains tg's second pass on data, whose pred and xpred
// hold jackknifed first-pass tags.
func trainSecondPass(tg *tagger, data []*sample, bits uint, iters int, seed uint64) {
	tg.w2 = newTable(bits, tg.w.classes)
	trainTagPass(tg, tg.w2, data, true, iters, rand.New(rand.NewPCG(seed, 0x7a7)))
}

// trainTagPass trains the weights w of one tagger pass: the first pass
// (second false) sees the tags it has given the words before the word it
// tags; the second also sees the first pass's tags of the words after it,
// taken from each sample's xpred. Both predict UPOS and XPOS from one
// feature row and are updated on each where it is wrong. Words in the tag
// dictionary are tagged by lookup and not learnt from.
func trainTagPass(tg *tagger, w *table, data []*sample, second bool, iters int, rng *rand.Rand) {
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var f [tagFeats + tagFeats2]uint64
	feats := f[:tagFeats]
	if second {
		feats = f[:]
	}
	sc := make([]float32, w.classes)
	isc := make([]int32, w.classes)
	var now int32
	var xtags, right []uint8
	var amb []uint64
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			x := data[oi]
			n := len(x.gold)
			xtags = append(xtags[:0], make([]uint8, n)...)
			if second {
				right = x.xpred
			}
			amb = amb[:0]
			for i := 0; i < n; i++ {
				amb = append(amb, tg.ambiguity(&x.lx[i]))
			}
			for i := 0; i < n; i++ {
				if t, ok := tg.dict[x.lx[i].form]; ok {
					xtags[i] = uint8(t >> 8)
					continue
				}
				tagFeatures(x.lx[:n], amb, xtags, right, i, &f)
				w.scoreTrain(feats, sc)
				for c, v := range sc {
					isc[c] = int32(v * 1024)
				}
				u, xp, _ := tg.best(isc)
				now++
				if g := x.gold[i]; g != u && g != TagNone {
					w.update(feats, int(g), 1, now)
					w.update(feats, int(u), -1, now)
				}
				if g := x.xgold[i]; g != xp && g != 0 {
					w.update(feats, int(numTags)+int(g), 1, now)
					w.update(feats, int(numTags)+int(xp), -1, now)
				}
				xtags[i] = xp
			}
		}
	}
	w.quantise(now + 1)
}

// costs returns the number of gold arcs each valid action would make
// unreachable (Goldberg and Nivre 2013, arc-hybrid), with the root at the
// end of the buffer. For a non-projective tree the costs are a
// lower bound; training still follows the cheapest action.
func costs(s *state, gh []int32, ok [numActs]bool) (c [numActs]int) {
	k := len(s.stack)
	b, n := s.b, int32(s.n)
	if ok[shift] {
		for j, x := range s.stack {
			if gh[x] == b {
				c[shift]++
			}
			if j < k-1 && gh[b] == x {
				c[shift]++
			}
		}
		if gh[b] == n && k > 0 {
			c[shift]++
		}
	}
	if k > 0 {
		s0 := s.stack[k-1]
		var deps int
		for d := b; d < n; d++ {
			if gh[d] == s0 {
				deps++
			}
		}
		if ok[left] {
			h := gh[s0]
			if h != b && h >= 0 && ((k > 1 && h == s.stack[k-2]) || h > b) {
				c[left]++
			}
			c[left] += deps
		}
		if ok[right] {
			h := gh[s0]
			if h != s.stack[k-2] && h >= b {
				c[right]++
			}
			c[right] += deps
		}
	}
	return c
}

// trainParser trains the transition and label perceptrons with a dynamic
// oracle and exploration.
func trainParser(data []*sample, opt TrainOptions, logf func(string, ...any), dev func(*parser) Score) *parser {
	p := &parser{act: newTable(opt.bits(1), numActs), lab: newTable(opt.bits(2), int(numRels))}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a75e))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var f [actFeats]uint64
	var lf [labFeats]uint64
	var sc [numActs]float32
	var lsc [numRels]float32
	var now, lnow int32
	var st state
	for it := 0; it < opt.ParseIters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total, lright int
		for _, oi := range order {
			x := data[oi]
			gh := x.heads
			skip := false
			for _, h := range gh {
				if h < 0 {
					skip = true
				}
			}
			if skip {
				continue
			}
			st.reset(x.lx, x.pred, x.xpred)
			for !st.terminal() {
				ok := st.valid()
				if st.forced(ok) {
					// The only possible action is right and teaches
					// nothing; the step still counts for the averages.
					now++
					next := shift
					for a := range ok {
						if ok[a] {
							next = a
						}
					}
					r := Root
					if next != shift {
						h, d := st.arc(next)
						if int(h) != st.n && st.tags[d] == PUNCT {
							r = Punct
						} else if int(h) != st.n {
							r = trainLabel(p, &st, h, d, x, gh, &lf, &lsc, &lnow, &lright)
						}
					}
					st.apply(next, r)
					continue
				}
				st.features(&f)
				p.act.scoreTrain(f[:], sc[:])
				pred := -1
				for a := 0; a < numActs; a++ {
					if ok[a] && (pred < 0 || sc[a] > sc[pred]) {
						pred = a
					}
				}
				c := costs(&st, gh, ok)
				minc := 1 << 30
				for a := 0; a < numActs; a++ {
					if ok[a] && c[a] < minc {
						minc = c[a]
					}
				}
				gbest := -1
				for a := 0; a < numActs; a++ {
					if ok[a] && c[a] == minc && (gbest < 0 || sc[a] > sc[gbest]) {
						gbest = a
					}
				}
				now++
				next := gbest
				if c[pred] == minc {
					next = pred
				} else {
					p.act.update(f[:], gbest, 1, now)
					p.act.update(f[:], pred, -1, now)
					if it >= 2 && rng.Float64() < opt.Explore {
						next = pred
					}
				}
				r := Root
				if next != shift {
					h, d := st.arc(next)
					if int(h) == st.n {
						r = Root
					} else if st.tags[d] == PUNCT {
						r = Punct
					} else {
						r = trainLabel(p, &st, h, d, x, gh, &lf, &lsc, &lnow, &lright)
					}
				}
				st.apply(next, r)
			}
			for i, h := range st.head[:st.n] {
				if h == gh[i] {
					right++
				}
			}
			total += st.n
		}
		logf("parser iteration %d: train UAS %.4f (with exploration), %d transitions\n", it+1, float64(right)/float64(total), now)
		_ = lright
		if dev != nil && it >= 4 {
			a, lb := &table{bits: p.act.bits, classes: p.act.classes}, &table{bits: p.lab.bits, classes: p.lab.classes}
			a.q, a.scale = p.act.averaged(now + 1)
			lb.q, lb.scale = p.lab.averaged(lnow + 1)
			logf("  dev: %v\n", dev(&parser{act: a, lab: lb}))
		}
	}
	p.act.quantise(now + 1)
	p.lab.quantise(lnow + 1)
	return p
}

// trainLabel labels the arc h → d the parser is about to make, learning
// from the gold label where h is d's gold head (and then returning it).
func trainLabel(p *parser, st *state, h, d int32, x *sample, gh []int32, lf *[labFeats]uint64, lsc *[numRels]float32, lnow *int32, lright *int) Rel {
	st.labelFeatures(h, d, lf)
	p.lab.scoreTrain(lf[:], lsc[:])
	best := Acl
	for q := Acl + 1; q < numRels; q++ {
		if q != Root && lsc[q] > lsc[best] {
			best = q
		}
	}
	if gh[d] != h {
		return best
	}
	*lnow++
	if g := x.rels[d]; g != best && g != Root && g != RelNone {
		p.lab.update(lf[:], int(g), 1, *lnow)
		p.lab.update(lf[:], int(best), -1, *lnow)
	} else {
		*lright++
	}
	return x.rels[d]
}
