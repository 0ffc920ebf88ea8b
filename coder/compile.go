package coder

import (
	"sort"
	"strings"

	"petrel/dict"
)

// pattern is a compiled dict.Pattern.
type pattern struct {
	pre, post []elem
	code      string
	rule      string
	literals  int // number of literal words, for specificity
	// need holds the ids of the pattern's literal words: a sentence
	// without one of them cannot match, which tryPattern checks against
	// the sentence's word set before walking the pattern.
	need []int32
	// needSyn holds the pattern's synsets: one of each one's first words
	// must be in the sentence.
	needSyn   []*trie
	hasSource bool
	hasTarget bool
}

// elems counts a pattern's elements other than the zero-width verb marker.
func (p *pattern) elems() int {
	n := 0
	for _, e := range p.pre {
		if e.kind != dict.ElemVerb {
			n++
		}
	}
	for _, e := range p.post {
		if e.kind != dict.ElemVerb {
			n++
		}
	}
	return n
}

// elem is a compiled dict.Elem: words interned, synsets resolved to a trie.
type elem struct {
	kind   int
	word   int32
	synset *trie
	next   bool // the following element must be adjacent
}

// verb is a compiled anchor.
type verb struct {
	lemma    string
	code     string
	noun     bool
	patterns []*pattern // most specific first
	// filt holds, for each of patterns, what bestPattern reads before it
	// tries one, so that most patterns are passed over without loading them.
	filt []patFilter
	rule string
	// victim is victimVerb[lemma], read at every anchor.
	victim bool
	// coerce and violent report whether some pattern codes 17-18, or
	// 17-20 (CAMEO's two-digit roots), for reducedRelative and
	// headlinePassive, so that they do not walk the patterns per anchor;
	// verbal that none codes 14-20 (every pattern a verbal or
	// cooperative act: "blaming", not "killing"; walk.go speakerBefore).
	coerce, violent, verbal bool
}

// patFilter is what bestPattern tests of a pattern before trying it: whether
// it is skipped ("+++"), whether a noun skips it, and up to two of its
// literal words (ids, as st.words holds them), which tryPattern would find
// missing first.
type patFilter struct {
	skip, nounSkip bool
	nneed          uint8
	need           [2]uint16
}

// newPatFilter returns p's filter.
func newPatFilter(p *pattern) patFilter {
	f := patFilter{
		skip:     p.code == "+++",
		nounSkip: !p.hasSource && !p.hasTarget && p.code != "---",
	}
	for _, w := range p.need {
		if int(f.nneed) == len(f.need) {
			break
		}
		f.need[f.nneed] = uint16(w & 1023)
		f.nneed++
	}
	return f
}

// compiled holds everything compiled from a Dictionary. It is read-only
// after New and shared by all goroutines.
type compiled struct {
	voc      *vocab
	actors   []*dict.Actor
	actorT   *trie
	agents   []*dict.Agent
	agentT   *trie
	verbs    []*verb
	verbT    *trie
	discT    *trie
	discards []*dict.Discard
	places   []*dict.Place
	placeT   *trie
	// capitals maps a country code to its capital place.
	capitals map[string]*dict.Place
	// demonymOf maps a country code to true for codes reached through a
	// demonym; used for "<demonym> capital".
	words map[string]int32 // function words the coder looks for, by text
	// wordCls gives the word classes (words.go) of each exact word id.
	wordCls []uint32
	// locPrep holds the ids of prepositions of place ("in", "at"): an
	// actor after one is where something happened, not a target.
	locPrep map[int32]bool
	// propT holds the PROPERTY synset: things ("a convoy", "several
	// houses") whose agentless passive of violence is still an event.
	propT *trie
	// facT holds the FACILITY_<agent> synsets, its values indices into
	// facAgents: physical targets of violence (facilities.go).
	facT      *trie
	facAgents []string
	// means holds the MEANS_<code> synsets: weapons and kinds of fighting
	// that name the event's code (unnamed.go).
	means []meansSet
	// signalSet holds the ids of the words that make a means phrase an
	// event by itself ("killed", "dead", "rages"; unnamed.go): bit id&63
	// of signalSet[id>>6]; signalBits holds them in state.words's layout,
	// a filter with false positives.
	signalSet  []uint64
	signalBits [16]uint64
	// actorRules holds each actor's rule as text, made once here rather
	// than for every mention (a string per mention was a tenth of the
	// document of a large article).
	actorRules []string
	// eras maps a state's code to its dated codes: the state it was part
	// of before it was one (RUS: SUN until 1991-12-25; eras.go).
	eras map[string][]dict.Role
}

// word returns the id of a function word, interning it if needed. Used at
// compile time only.
func (c *compiled) word(w string) int32 {
	return c.voc.id(dict.Word{Text: w, Exact: true})
}

func compile(d *dict.Dictionary) *compiled {
	c := &compiled{voc: newVocab(), actorT: newTrie(), agentT: newTrie(), verbT: newTrie(),
		discT: newTrie(), placeT: newTrie(), capitals: map[string]*dict.Place{}}
	// Later entries override earlier ones: index actors so that for the same
	// phrase the last actor wins.
	for i, a := range d.Actors {
		c.actors = append(c.actors, a)
		c.actorRules = append(c.actorRules, a.Rule.String())
		c.addEras(a)
		for _, n := range a.Names {
			if len(n.Words) == 0 {
				continue
			}
			c.actorT.insert(c.voc.phraseIDs(n), int32(i))
		}
	}
	for i, a := range d.Agents {
		c.agents = append(c.agents, a)
		for _, n := range a.Names {
			if len(n.Words) == 0 {
				continue
			}
			c.agentT.insert(c.voc.phraseIDs(n), int32(i))
		}
	}
	synsets := map[string]*trie{}
	empty := newTrie()
	for name, phrases := range d.Synsets {
		t := newTrie()
		for _, p := range phrases {
			if len(p.Words) > 0 {
				t.insert(c.voc.phraseIDs(p), 1)
			}
		}
		synsets[strings.ToUpper(name)] = t
	}
	for name, t := range synsets {
		if code, ok := strings.CutPrefix(name, "MEANS_"); ok {
			c.means = append(c.means, meansSet{code: code, t: t})
		}
	}
	sort.Slice(c.means, func(i, j int) bool { return c.means[i].code < c.means[j].code })
	for _, w := range signalWords {
		id := c.voc.id(dict.Word{Text: w, Exact: true})
		c.signalBits[(id>>6)&15] |= 1 << (id & 63)
		if need := int(id>>6) + 1; need > len(c.signalSet) {
			c.signalSet = append(c.signalSet, make([]uint64, need-len(c.signalSet))...)
		}
		c.signalSet[id>>6] |= 1 << (id & 63)
	}
	c.facT, c.facAgents = compileFacilities(c, d.Synsets)
	if t := synsets["PROPERTY"]; t != nil {
		c.propT = t
	} else {
		c.propT = newTrie()
	}
	compileElems := func(es []dict.Elem) []elem {
		out := make([]elem, 0, len(es))
		for _, e := range es {
			ce := elem{kind: e.Kind, next: e.Next}
			switch e.Kind {
			case dict.ElemWord:
				ce.word = c.voc.id(e.Word)
			case dict.ElemSynset:
				ce.synset = synsets[strings.ToUpper(e.Synset)]
				if ce.synset == nil {
					ce.synset = empty // unknown synset matches nothing
				}
			}
			out = append(out, ce)
		}
		return out
	}
	for i, v := range d.Verbs {
		cv := &verb{lemma: v.Lemma, code: v.Code, rule: v.Rule.String()}
		cv.noun = strings.HasPrefix(v.Rule.Text, "noun")
		cv.victim = victimVerb[cv.lemma]
		for _, p := range v.Patterns {
			cp := &pattern{pre: compileElems(p.Pre), post: compileElems(p.Post), code: p.Code, rule: p.Rule.String()}
			for _, es := range [][]elem{cp.pre, cp.post} {
				for _, e := range es {
					if e.kind == dict.ElemSynset && e.synset != nil {
						cp.needSyn = append(cp.needSyn, e.synset)
					}
				}
			}
			for _, e := range append(append([]dict.Elem{}, p.Pre...), p.Post...) {
				switch e.Kind {
				case dict.ElemWord, dict.ElemSynset:
					cp.literals++
					if e.Kind == dict.ElemWord {
						cp.need = append(cp.need, c.voc.id(e.Word))
					}
				case dict.ElemSource:
					cp.hasSource = true
				case dict.ElemTarget:
					cp.hasTarget = true
				case dict.ElemCompound:
					cp.hasSource, cp.hasTarget = true, true
				}
			}
			cv.patterns = append(cv.patterns, cp)
		}
		// Most specific first; stable so file order breaks ties.
		sort.SliceStable(cv.patterns, func(a, b int) bool {
			pa, pb := cv.patterns[a], cv.patterns[b]
			if pa.literals != pb.literals {
				return pa.literals > pb.literals
			}
			return pa.elems() > pb.elems()
		})
		cv.verbal = true
		for _, p := range cv.patterns {
			cv.filt = append(cv.filt, newPatFilter(p))
			if len(p.code) >= 2 {
				switch p.code[:2] {
				case "17", "18":
					cv.coerce, cv.violent = true, true
				case "19", "20":
					cv.violent = true
				}
				if p.code[:2] >= "14" && p.code[:2] <= "20" {
					cv.verbal = false
				}
			}
		}
		c.verbs = append(c.verbs, cv)
		for _, f := range v.Forms {
			if len(f.Words) > 0 {
				c.verbT.insert(c.voc.phraseIDs(f), int32(i))
			}
		}
	}
	for i, ds := range d.Discards {
		c.discards = append(c.discards, ds)
		if len(ds.Phrase.Words) > 0 {
			c.discT.insert(c.voc.phraseIDs(ds.Phrase), int32(i))
		}
	}
	for i, p := range d.Places {
		c.places = append(c.places, p)
		for _, n := range p.Names {
			if len(n.Words) > 0 {
				c.placeT.insert(c.voc.phraseIDs(n), int32(i))
			}
		}
		if p.Capital {
			c.capitals[p.Country] = p
		}
	}
	c.words = map[string]int32{}
	for _, w := range functionWords {
		c.words[w] = c.word(w)
	}
	c.wordCls = make([]uint32, c.voc.n+1)
	for w, cl := range classWords {
		c.wordCls[c.words[w]] = cl
	}
	c.locPrep = map[int32]bool{}
	for _, w := range []string{"in", "at", "near", "off", "inside", "across", "throughout", "within", "outside", "around"} {
		c.locPrep[c.word(w)] = true
	}
	// Freeze the tries for matching last: only now is the vocabulary
	// complete (the function words above may add ids).
	for _, t := range []*trie{c.actorT, c.agentT, c.verbT, c.discT, c.placeT, c.facT, empty} {
		t.freeze(c.voc.n)
	}
	for _, t := range synsets {
		t.freeze(c.voc.n)
	}
	c.voc.freeze()
	return c
}
