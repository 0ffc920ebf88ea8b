package parse

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"
)

// TrainOptions configures Train. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Seed       uint64  // seeds shuffling and exploration
	TagIters   int     // tagger passes over the data
	ParseIters int     // parser passes over the data
	Folds      int     // jackknife folds that give the parser predicted tags (< 2: gold tags)
	Explore    float64 // after two passes, the chance of following a wrong prediction
	Log        io.Writer
}

// DefaultTrainOptions are the options the embedded model is trained with.
var DefaultTrainOptions = TrainOptions{Seed: 1, TagIters: 8, ParseIters: 15, Folds: 4, Explore: 0.9}

// sample is a training sentence in the parser's terms.
type sample struct {
	lx    []lex   // n+1, the last for the root
	gold  []Tag   // gold tags
	pred  []Tag   // tags the parser trains on
	heads []int32 // gold heads, n for the root, -1 unknown
	rels  []Rel
}

func newSample(s Sentence) sample {
	n := len(s.Words)
	x := sample{lx: make([]lex, n+1), gold: make([]Tag, n), heads: make([]int32, n), rels: make([]Rel, n)}
	for i, w := range s.Words {
		setLex(&x.lx[i], w.Form)
		x.gold[i] = ParseTag(w.UPOS)
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
	x.lx[n] = lex{form: hashRoot, lower: hashRoot, suf3: hashRoot}
	x.pred = x.gold
	return x
}

// Train trains a model on the sentences of a treebank: a tagger on all of
// them, and a parser on tags predicted by taggers trained on the other
// folds (jackknifing), so the parser learns from the kind of tags it will
// see. Training is deterministic for a given Seed and data, whatever the
// number of cores.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	data := make([]sample, 0, len(sents))
	for _, s := range sents {
		if len(s.Words) > 0 {
			data = append(data, newSample(s))
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
					if i%opt.Folds == k {
						out = append(out, &data[i])
					} else {
						in = append(in, &data[i])
					}
				}
				tg := trainTagger(in, opt.TagIters, opt.Seed+uint64(k)+1)
				for _, x := range out {
					x.pred = make([]Tag, len(x.gold))
					tg.tag(x.lx[:len(x.gold)], x.pred)
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
	m.tg = *trainTagger(all, opt.TagIters, opt.Seed)
	logf("tagger: %d iterations, %d dictionary words\n", opt.TagIters, len(m.tg.dict))
	m.ps = *trainParser(all, opt, logf)
	return m, nil
}

// trainTagger trains a tagger on data.
func trainTagger(data []*sample, iters int, seed uint64) *tagger {
	// The tag dictionary: frequent words seen with one tag at least 97%
	// of the time are tagged by lookup.
	counts := map[uint64]*[numTags]int32{}
	for _, x := range data {
		for i, g := range x.gold {
			c := counts[x.lx[i].form]
			if c == nil {
				c = new([numTags]int32)
				counts[x.lx[i].form] = c
			}
			c[g]++
		}
	}
	tg := &tagger{w: newTable(tagBits, int(numTags)), dict: map[uint64]Tag{}}
	for k, c := range counts {
		var sum, top int32
		var best Tag
		for t, v := range c {
			sum += v
			if v > top {
				top, best = v, Tag(t)
			}
		}
		if sum >= 20 && float64(top)/float64(sum) >= 0.97 && best != TagNone {
			tg.dict[k] = best
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a6))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var f [tagFeats]uint64
	var sc [numTags]float32
	var now int32
	tags := make([]Tag, 0, 256)
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			x := data[oi]
			n := len(x.gold)
			tags = append(tags[:0], make([]Tag, n)...)
			for i := 0; i < n; i++ {
				if t, ok := tg.dict[x.lx[i].form]; ok {
					tags[i] = t
					continue
				}
				tagFeatures(x.lx[:n], tags, i, &f)
				tg.w.scoreTrain(f[:], sc[:])
				best := Tag(1)
				for c := Tag(2); c < numTags; c++ {
					if sc[c] > sc[best] {
						best = c
					}
				}
				now++
				if g := x.gold[i]; g != best && g != TagNone {
					tg.w.update(f[:], int(g), 1, now)
					tg.w.update(f[:], int(best), -1, now)
				}
				tags[i] = best
			}
		}
	}
	tg.w.quantise(now + 1)
	return tg
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
func trainParser(data []*sample, opt TrainOptions, logf func(string, ...any)) *parser {
	p := &parser{act: newTable(actBits, numActs), lab: newTable(labBits, int(numRels))}
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
			st.reset(x.lx, x.pred)
			for !st.terminal() {
				ok := st.valid()
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
					if int(h) != st.n {
						st.labelFeatures(h, d, &lf)
						p.lab.scoreTrain(lf[:], lsc[:])
						best := Acl
						for q := Acl + 1; q < numRels; q++ {
							if q != Root && lsc[q] > lsc[best] {
								best = q
							}
						}
						r = best
						if gh[d] == h {
							lnow++
							if g := x.rels[d]; g != best && g != Root && g != RelNone {
								p.lab.update(lf[:], int(g), 1, lnow)
								p.lab.update(lf[:], int(best), -1, lnow)
							} else {
								lright++
							}
							r = x.rels[d]
						}
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
	}
	p.act.quantise(now + 1)
	p.lab.quantise(lnow + 1)
	return p
}
