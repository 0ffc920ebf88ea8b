package coder

// Pattern matching: a dictionary pattern's words, synsets and slots
// ($ source, + target, % compound) matched in order around an anchor.

import (
	"strings"

	"petrel/dict"
	"petrel/parse"
)

// match is the outcome of a pattern tried at an anchor.
type match struct {
	p        *pattern
	src, tgt *np
	end      int // first token after the pattern
	compound bool
	// compoundPost is set when the "%" slot follows the verb: with a
	// subject of its own, the compound is then the target ("Eriador agrees
	// with the Philippines and France").
	compoundPost bool
	// preStart is the first token matched by the pattern's Pre elements,
	// or -1: with words before the verb ("NOTED + *"), the subject is found
	// left of them.
	preStart int
}

// bestPattern returns the first of the anchor's patterns, most specific
// first, that matches around it, and whether one did.
func (st *state) bestPattern(a *anchor) (match, bool) {
	filt := a.verb.filt
	for i, p := range a.verb.patterns {
		f := &filt[i]
		if f.skip {
			continue // TABARI's "ignore this pattern"
		}
		if a.nounUse && f.nounSkip {
			// a noun codes only with a named party: "talks with +", "an
			// attack by $"; a pattern of words before it that codes
			// nothing still blocks it ("fears of a strike")
			continue
		}
		if f.nneed > 0 && st.words[f.need[0]>>6]&(1<<(f.need[0]&63)) == 0 ||
			f.nneed > 1 && st.words[f.need[1]>>6]&(1<<(f.need[1]&63)) == 0 {
			continue // as tryPattern: a word of the pattern is not in the sentence
		}
		if m, ok := st.tryPattern(p, a); ok {
			if a.verb.lemma == "tell" && p.hasTarget && len(p.post) > 1 && !st.tellTo(p, a, &m) {
				continue
			}
			return m, true
		}
	}
	return match{}, false
}

// tellTo reports whether a pattern of "tell" that asks for "+ to" found
// what the addressee is told to do: the actor, coded, right before "to",
// and, when the sentence can be parsed, the object of "told" with the
// verb after "to" its complement ("told Japan to open its markets"). A
// slot need not stand next to the word after it, so without this "told
// reporters in Tokyo that Japan was ready to" would match; "told the
// meeting to mark the opening" has no actor to tell.
func (st *state) tellTo(p *pattern, a *anchor, m *match) bool {
	if p.post[len(p.post)-1].kind == dict.ElemTarget {
		return true // "010 * +"
	}
	t := m.tgt
	if t == nil || t.uncoded || t.oblique || t.e+1 >= len(st.toks) || !st.isWord(t.e, "to") {
		return false
	}
	if st.tree(st.sentIdx) == nil {
		return true
	}
	v, h, o := t.e+1, st.spanHead(a.s, a.e), st.spanHead(t.s, t.e)
	if st.ptree.Tags[v] != parse.VERB || st.head(v) != h || st.ptree.Rels[v] != parse.Xcomp {
		return false
	}
	return st.head(o) == h && (st.ptree.Rels[o] == parse.Obj || st.ptree.Rels[o] == parse.Iobj)
}

// tryPattern matches p around anchor a.
func (st *state) tryPattern(p *pattern, a *anchor) (match, bool) {
	m := match{p: p, end: a.e, preStart: -1}
	for _, w := range p.need {
		if st.words[(w>>6)&15]&(1<<(w&63)) == 0 {
			return m, false // a word of the pattern is not in the sentence
		}
	}
	for _, t := range p.needSyn {
		if !st.anyWord(t) {
			return m, false // no phrase of a synset can start in the sentence
		}
	}
	// Pre elements, right to left.
	pos := a.s - 1
	for i := len(p.pre) - 1; i >= 0; i-- {
		e := p.pre[i]
		adjacent := e.next
		switch e.kind {
		case dict.ElemSource, dict.ElemTarget, dict.ElemCompound:
			x := st.npLeft(pos, 8)
			if x == nil {
				return m, false
			}
			st.setSlot(&m, e.kind, x)
			pos = x.s - 1
		case dict.ElemWord, dict.ElemSynset:
			// The element must end right before pos+1 when adjacent, or
			// anywhere before it otherwise; a synset phrase may span
			// several tokens ("wo n't"), so try each start.
			found := -1
			for k := pos; k >= 0 && k > pos-7; k-- {
				if end := st.elemAt(e, k); end >= 0 && (end == pos+1 || !adjacent && end <= pos+1) {
					found = k
					break
				}
				if !adjacent && st.patternBoundary(k) || adjacent && pos-k >= 3 {
					break
				}
			}
			if found < 0 {
				return m, false
			}
			pos = found - 1
		}
	}
	if len(p.pre) > 0 {
		m.preStart = pos + 1
	}
	// Post elements, left to right. A leading ElemVerb stands for the
	// anchor: its Next says whether the next element must follow it
	// immediately. Without it, a short gap (an adverb, a date) is allowed.
	pos = a.e
	prevNext := false
	for i, e := range p.post {
		if e.kind == dict.ElemVerb {
			prevNext = e.next
			continue
		}
		adjacent := prevNext
		switch e.kind {
		case dict.ElemSource, dict.ElemTarget, dict.ElemCompound:
			if e.kind == dict.ElemCompound {
				m.compoundPost = true
			}
			x := st.npSlot(pos, 8, p.code)
			if x != nil && e.kind == dict.ElemTarget && x.oblique && st.c.locPrep[x.prep] && !st.opt.NullActors &&
				cooperation(p.code) && (st.isWordID(x.prep, "in") || st.isWordID(x.prep, "at")) &&
				!(i > 0 && p.post[i-1].kind == dict.ElemWord && p.post[i-1].word == x.prep) {
				// (unless the pattern asks for the place: "arrived in +")
				x = nil // "discussed the conflict in Sudan", "met in Washington": where, not with whom
			}
			if x != nil && e.kind == dict.ElemTarget && x.oblique && st.c.locPrep[x.prep] && !st.opt.NullActors && st.sentLoc != nil {
				// "massacred dozens of villagers in northern Mozambique":
				// the villagers, placed by agentInPlace, not the place.
				for k := pos; k < x.s; k++ {
					if y := st.npAt[k]; y >= 0 && st.nps[y].uncoded && st.nps[y].agent != "" {
						x = &st.nps[y]
						break
					}
				}
			}
			if x == nil {
				if i == len(p.post)-1 && e.kind == dict.ElemTarget && st.opt.OptionalTarget && (!st.hasObject(pos) || st.placeAfterCode(pos, 7, p.code) != nil) {
					// "X is also attending": a final target is optional when
					// the verb has no object at all; "suspended interest
					// payments" has one, and it is not an actor; a place the object
					// names stands for the target ("struck a building in Dnipro").
					continue
				}
				return m, false
			}
			st.setSlot(&m, e.kind, x)
			pos = x.e
		case dict.ElemWord, dict.ElemSynset:
			limit := 8
			found, end := -1, -1
			for k := pos; k < len(st.toks) && k < pos+limit; k++ {
				if l := st.elemAt(e, k); l >= 0 && !(p.code == "---" && e.kind == dict.ElemSynset && st.modifierInActor(k, l)) {
					found, end = k, l
					break
				}
				if st.isDate(k) {
					limit++ // "agreed on Saturday to a ceasefire": dates are transparent
					continue
				}
				if adjacent || st.patternBoundary(k) {
					break
				}
			}
			if found < 0 {
				return m, false
			}
			pos = end
		}
		prevNext = e.next
	}
	m.end = pos
	return m, true
}

// modifierInActor reports whether the words [k, l) modify the head of an
// actor or agent phrase that goes on after them ("trade" in "a trade union
// leader"): a blocking pattern's word there names no object of the verb
// ("beat a trade union leader" is no economic "beat").
func (st *state) modifierInActor(k, l int) bool {
	x := st.npAt[k]
	if x < 0 {
		return false
	}
	p := &st.nps[x]
	return (len(p.members) > 0 || p.agent != "") && l < p.e
}

func (st *state) setSlot(m *match, kind int, x *np) {
	switch kind {
	case dict.ElemSource:
		m.src = x
	case dict.ElemTarget:
		m.tgt = x
	case dict.ElemCompound:
		m.src = x
		m.compound = true
	}
}

// elemAt reports whether element e matches at token k, returning the
// token after the match, or -1.
func (st *state) elemAt(e elem, k int) int {
	if k < 0 || k >= len(st.toks) || st.isDate(k) {
		return -1
	}
	if e.kind == dict.ElemWord {
		for _, c := range st.candsOf(k) {
			if c == e.word {
				return k + 1
			}
		}
		return -1
	}
	if e.synset != nil {
		if end, _ := e.synset.longest(st.sentView(), k); end > k {
			return end
		}
	}
	return -1
}

// hyphenBacked reports whether token k is "<state>-<participle>" ("EU-brokered",
// "Saudi-led"): the state sponsors, it is no party.
func (st *state) hyphenBacked(k int) bool {
	w := st.normOf(k)
	i := strings.LastIndexByte(w, '-')
	return i > 0 && backedSuffix[w[i+1:]]
}

// anyWord reports whether one of the first words of the frozen trie t may
// be in the sentence (the bit set can give false positives, never false
// negatives).
func (st *state) anyWord(t *trie) bool {
	if !t.frozen || len(t.first) < 2 {
		return true
	}
	var hit uint64
	for i := range st.words {
		hit |= st.words[i] & t.firstBits[i]
	}
	return hit != 0
}

// frontedPattern matches, for a passive verb, a pattern whose first word
// after the verb is its object noun, with that noun moved before the verb
// as its subject: "Talks were held between Armenia and Azerbaijan" with
// "* .. &TALKS between $ and +", "an offensive was launched against
// Islamic State by Iraqi forces" with "* .. offensive". The noun must end
// right before the verb group (token before); the rest of the pattern is
// matched after the verb as usual. It returns the match and whether one
// did.
func (st *state) frontedPattern(a *anchor, before int) (match, bool) {
	if before < 0 {
		return match{}, false
	}
	for _, p := range a.verb.patterns {
		if p.code == "+++" || len(p.pre) > 0 {
			continue
		}
		i := 0
		for i < len(p.post) && p.post[i].kind == dict.ElemVerb {
			i++
		}
		if i == len(p.post) || p.post[i].kind != dict.ElemWord && p.post[i].kind != dict.ElemSynset {
			continue
		}
		found := false
		for k := before; k >= 0 && k > before-4; k-- {
			if st.elemAt(p.post[i], k) == before+1 {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		q := *p
		q.post = append(append([]elem(nil), p.post[:i]...), p.post[i+1:]...)
		for j := range q.post[:i] {
			q.post[j].next = false // the noun's place after the verb is empty now
		}
		if m, ok := st.tryPattern(&q, a); ok {
			m.p = p
			return m, true
		}
	}
	return match{}, false
}
