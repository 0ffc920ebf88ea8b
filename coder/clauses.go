package coder

// The clause stage: who is the subject, the agent and the object of a verb,
// read from petrel's dependency parser (package parse) where the shallow
// clause walk of walk.go is in doubt.
//
// Parsing costs about a hundred times what the rest of the coder spends
// on a sentence, so a sentence is parsed only when a verb that matched a
// pattern would otherwise lose its source or may have the wrong one: no
// coded actor left of it although the sentence names one before it, a
// comma right before the verb group (an appositive or an inserted clause
// between the subject and its verb: "Pakistan, a key U.S. ally, has
// refused"), a participle after a comma (", backed by Russia,"), a passive
// whose by-agent the walk did not reach, and a coordinated verb whose
// object only the last verb names ("condemned and sanctioned Iran"). The
// model is loaded on the first such sentence, so text without one never
// pays for it. The parse reads one word per petrel token, so its word i
// is st.toks[i] and every byte offset stays the tokeniser's.

import (
	"strconv"
	"strings"

	"petrel/parse"
	"petrel/text"
)

// tree returns the parse of the current sentence, parsing it on first
// use; nil if the binary has no parser model.
func (st *state) tree(idx int) *parse.Tree {
	if st.treeSent == idx+1 {
		return &st.ptree
	}
	m, err := parse.Default()
	if err != nil {
		return nil
	}
	st.pwords = st.pwords[:0]
	for _, t := range st.toks {
		st.pwords = append(st.pwords, t.Of(st.text))
	}
	m.Parse(st.pwords, &st.ptree)
	st.treeSent = idx + 1
	st.nParsed++
	if st.trace != nil {
		st.tracef("  parse (word/UPOS/head/rel): %s", st.treeString())
	}
	return &st.ptree
}

// treeString writes the parse compactly: "Turkey/PROPN/6/nsubj ,/PUNCT/1/punct …".
func (st *state) treeString() string {
	var b strings.Builder
	t := &st.ptree
	for i := range t.Heads {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(st.pwords[i])
		b.WriteByte('/')
		b.WriteString(t.Tags[i].String())
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(t.Heads[i]))
		b.WriteByte('/')
		b.WriteString(t.Rels[i].String())
	}
	return b.String()
}

// head returns the 0-based head of word w, or -1 for the root.
func (st *state) head(w int) int { return st.ptree.Heads[w] - 1 }

// child returns the first dependent of h with relation r, or -1.
func (st *state) child(h int, r parse.Rel) int {
	for i, hd := range st.ptree.Heads {
		if hd-1 == h && st.ptree.Rels[i] == r {
			return i
		}
	}
	return -1
}

// spanHead returns the word of tokens [s, e) whose head lies outside
// them: the head of a multi-word anchor or phrase.
func (st *state) spanHead(s, e int) int {
	for i := s; i < e; i++ {
		if h := st.head(i); h < s || h >= e {
			return i
		}
	}
	return s
}

// role says where a verb's argument came from, for `petrel explain`:
// the relation that gave it (rel of gov) when the parse did, else how the
// clause walk or the pattern found it.
type role struct {
	how string    // "" when the parse gave it
	rel parse.Rel // with how == "": the relation
	gov int       // the word it depends on, or the verb
}

// forced is the subject the parse gave a verb that is being coded again.
type forced struct {
	on      bool
	subj    *np
	passive bool
	role    role
}

// clauseSubject is where the parse can overrule the clause walk's
// subject (subj) of the verb of anchor a, once the verb has a code: it
// returns the subject the parse reads and true, or false where the walk
// is not in doubt or the parse has nothing better. The walk is in doubt
// when it found no coded subject (noSource) though a coded actor stands
// before the verb, when its subject stands between two commas right
// before the verb ("Pakistan, a key U.S. ally, has refused"), and when
// the verb is a participle after a comma (", backed by Russia,"), which
// the parse may read as a passive after its noun (passive is then set).
func (st *state) clauseSubject(idx int, a, prev *anchor, before int, subj *np, noSource, passiveAlready bool) (out *np, passive bool, r role, ok bool) {
	participle := !passiveAlready && a.s > 0 && st.isWord(a.s-1, ",") && st.anchorParticiple(a)
	// "was beaten and abducted": a participle coordinated after a passive
	// verb may be passive too, which the verb group cannot see.
	conjPassive := !passiveAlready && prev != nil && prev.passive && before >= 0 && before == prev.e && st.cls[before]&cConj != 0 && st.anchorParticiple(a)
	switch {
	case conjPassive, participle && (!noSource || st.eventNounBefore(a)):
	case noSource:
		if h := st.nameAppositive(before, subj); h != nil {
			// "The Syrian foreign minister, Walid al-Moallem, refused":
			// the parser may take the name for the subject and the title
			// for an oblique, so the walk decides.
			return h, false, role{how: "the actor before the name set off by commas (clause walk)"}, true
		}
		if !st.codedBefore(a.s, subj == nil && before >= 0 && !st.isWord(before, ",") && st.cls[before]&(cConj|cRel|cThat) == 0) || !st.walkStuck(subj) {
			return nil, false, r, false // nothing the parse could find
		}
	case participle || st.inserted(before, subj):
	case st.vpConjunct(before, subj):
	default:
		return nil, false, r, false
	}
	if participle && !noSource && a.e < len(st.toks) && st.cls[a.e]&cBy != 0 && a.s >= 2 {
		// "Venezuela, backed by Russia and China, denounced": after a
		// comma, a participle with "by" right after it is a passive after
		// its noun, whatever the parser makes of it.
		if x := st.npAt[a.s-2]; x >= 0 && &st.nps[x] == subj && !subj.uncoded {
			return subj, true, role{how: "the noun before a participle and its by-phrase (clause walk)"}, true
		}
	}
	if st.tree(idx) == nil {
		return nil, false, r, false
	}
	v := st.spanHead(a.s, a.e)
	if t := st.ptree.Tags[v]; t != parse.VERB && t != parse.AUX {
		return nil, false, r, false // the parser reads a noun: the walk decides
	}
	if participle && st.ptree.Rels[v] == parse.Acl && st.ptree.XPOS[v] == "VBN" && st.child(v, parse.Obj) < 0 &&
		(st.child(v, parse.OblAgent) >= 0 || st.spanHead(st.nounBefore(a.s-1), a.s-1) == st.head(v)) {
		// (with no object, and with its agent or right after its noun:
		// "the U.S. and Brazil, the largest consumer and producer
		// respectively, blamed one another" is no participle)
		// "Lebanese troops, backed by the United Nations, …": the noun the
		// participle follows is its object, its by-phrase its agent.
		if p := st.actorAt(st.head(v), false); p != nil {
			return p, true, role{rel: parse.Acl, gov: v}, true
		}
		if noSource && st.eventNounBefore(a) && st.byAgent(a.e) != nil {
			// "the talks, hosted by Qatar,": the agent acts; the noun
			// names no actor to be the target.
			return nil, true, role{rel: parse.Acl, gov: v}, true
		}
		return nil, false, r, false
	}
	w, r := st.parseSubject(v)
	if w < 0 || !conjPassive && st.actorAt(w, false) == subj {
		// The parse has no better subject; but a state that only modifies
		// the noun of a phrase set off by commas ("Pakistan, a key U.S.
		// ally, has refused") is no subject: the phrase is an appositive,
		// and its head before the comma acts.
		if h := st.insertHead(before, subj); h != nil && !noSource {
			return h, false, role{how: "the head of the appositive after it (clause walk)"}, true
		}
		return nil, false, r, false
	}
	p := st.actorAt(w, false)
	if conjPassive && p == subj && p != nil {
		// The tagger may read the first participle as an adjective after
		// "was" (cop), not a passive (aux:pass): either way the verb
		// coordinated with it shares its passive subject.
		if r.rel == parse.NsubjPass || st.child(r.gov, parse.AuxPass) >= 0 || st.child(r.gov, parse.Cop) >= 0 {
			return p, true, r, true
		}
		return nil, false, r, false
	}
	if p == nil || p == subj || p.s >= a.s || p.mod || p.poss || p.pron != "" || st.boundaryBetween(p.e, a.s) {
		// A state modifying a noun is not the subject ("the Swiss canton
		// said"); a pronoun is left to the clause walk, whose coreference
		// is local; and the parse must not reach across a dash, colon or
		// quotation mark ("WASHINGTON - the Fed chairman said").
		return nil, false, r, false
	}
	if p.uncoded && (noSource || p.agent == "") {
		// Only an actor the dictionaries code rescues a verb the walk left
		// without one; an agent with no state may replace a subject the
		// walk took from inside an inserted phrase.
		return nil, false, r, false
	}
	if st.relObject(p) >= 0 {
		// "an earthquake that struck southwest Japan killed": the object
		// of a relative clause is not the main verb's subject, whatever
		// the parse says.
		return nil, false, r, false
	}
	// "a British diplomat was beaten and abducted": the parse knows the
	// second verb is passive too; but only a passive auxiliary makes it
	// so ("Norway's prime minister, Jonas Gahr Store, criticised Israel"
	// may be tagged nsubj:pass all the same).
	return p, r.rel == parse.NsubjPass && st.child(r.gov, parse.AuxPass) >= 0, r, true
}

// walkStuck reports whether the clause walk's failure to find a coded
// subject is one the parse may mend: no phrase at all, or a name set off
// by a comma or followed by "of" or "from" ("Nelson Chamisa, the
// opposition leader,", "Ahmed Farouk of Malaysia"), or a name before a
// common noun, which it only modifies ("Anglophone regions"). A pronoun the
// coreference left unresolved, a common noun ("the report said") or an
// agent with no state is the subject, and the parse would say so too.
func (st *state) walkStuck(subj *np) bool {
	if subj == nil {
		return true
	}
	if !subj.name || subj.pron != "" {
		return false
	}
	if subj.s > 0 && st.isWord(subj.s-1, ",") {
		return true
	}
	if subj.e < len(st.toks) && st.toks[subj.e].Kind == text.Word && st.toks[subj.e].Flags&text.Cap == 0 && st.cls[subj.e] == 0 && !st.verbAt(subj.e) {
		return true // a name that modifies a noun: "rebels in Cameroon's Anglophone regions kidnapped"
	}
	return subj.e < len(st.toks) && (st.isWord(subj.e, ",") || st.isWord(subj.e, "of") || st.isWord(subj.e, "from"))
}

// boundaryBetween reports whether a dash, colon, semicolon, parenthesis
// or quotation mark stands in tokens [s, e).
func (st *state) boundaryBetween(s, e int) bool {
	for k := s; k < e; k++ {
		if st.toks[k].Kind == text.Quote || st.toks[k].Kind == text.Punct && st.boundary(k) {
			return true
		}
	}
	return false
}

// insertHead returns the actor before the commas around the walk's
// subject when that subject only modifies a noun after it inside them
// ("a key U.S. ally"): the head of the appositive. It returns nil
// otherwise.
func (st *state) insertHead(before int, subj *np) *np {
	if !st.inserted(before, subj) || subj.e >= before {
		return nil
	}
	for k := subj.e; k < before; k++ {
		t := st.toks[k]
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.npAt[k] >= 0 || st.cls[k]&(cPrep|cConj|cRel|cThat|cSay|cAux|cModal) != 0 {
			return nil // "an ally of the United States": the state is no modifier
		}
	}
	for k := subj.s - 1; k > 0; k-- {
		if st.isWord(k, ",") {
			h := &st.nps[st.npAt[k-1]]
			if h.uncoded || h.pron != "" || h.mod || h.poss {
				return nil
			}
			return h
		}
	}
	return nil
}

// inserted reports whether the clause walk's subject stands inside a
// phrase set off by commas right before the verb group, with a phrase
// before it that could be the real subject: "Pakistan, a key U.S. ally,
// has refused", "Brazil, which buys gas from Russia, criticised".
func (st *state) inserted(before int, subj *np) bool {
	if subj == nil || before < 0 || !st.isWord(before, ",") || subj.s >= before {
		return false
	}
	for k := subj.s - 1; k > 0 && subj.s-k < 25; k-- {
		if st.boundary(k) && st.cls[k]&cRel == 0 {
			return false
		}
		if st.isWord(k, ",") {
			x := st.npAt[k-1]
			return x >= 0 && (!st.nps[x].uncoded || st.nps[x].agent != "")
		}
	}
	return false
}

// codedBefore reports whether an actor phrase the parse could make the
// subject of the verb at token a stands before it: coded, no pronoun, not
// a modifier, not after a preposition other than "of" or "from" ("a
// delegation from the EU"), and not across a dash, colon or quotation
// mark. It keeps the parser away from the many verbs whose subject is
// plainly no actor. With nmodOnly (the walk found nothing, and no comma
// conjunction or relative pronoun stands before the verb group to explain
// why) only an
// actor after "of" or "from" counts: the parse may then find it through
// the noun it modifies ("the heads of the central banks of Mexico and
// Peru have met").
func (st *state) codedBefore(a int, nmodOnly bool) bool {
	for i := range st.nps {
		p := &st.nps[i]
		if p.s >= a || p.uncoded || p.pron != "" || p.mod || p.poss {
			continue
		}
		if p.oblique && !st.isWordID(p.prep, "of") && !st.isWordID(p.prep, "from") || nmodOnly && !p.oblique {
			continue
		}
		if !st.boundaryBetween(p.e, a) {
			return true
		}
	}
	return false
}

// parseSubject returns the word that is the subject of verb v in the
// parse, and the relation that gave it: its own nsubj, the subject of the
// verb it is coordinated with (conj), the controller of an xcomp (the
// object of "urged X to", else the subject of "agreed to"), the noun a
// relative clause modifies. It returns -1 when the parse names none.
func (st *state) parseSubject(v int) (int, role) {
	for steps := 0; steps < 6 && v >= 0; steps++ {
		for _, r := range [...]parse.Rel{parse.Nsubj, parse.NsubjPass, parse.NsubjOuter} {
			if w := st.child(v, r); w >= 0 {
				if st.cls[w]&(cRel|cThat) != 0 && st.ptree.Rels[v] == parse.AclRelcl {
					// "a delegation that visited Iraq": the antecedent
					if st.addressee(st.head(v)) {
						return -1, role{} // "told reporters that talks would resume": "that" opens what was told
					}
					return st.head(v), role{rel: parse.AclRelcl, gov: v}
				}
				return w, role{rel: r, gov: v}
			}
		}
		switch st.ptree.Rels[v] {
		case parse.Conj:
			// "condemned the coup and sanctioned …": the subject of the
			// verb it is coordinated with, unless a noun stands between
			// them that could be this verb's own subject (the parser
			// coordinates far verbs too readily).
			if st.nounBetween(st.head(v), v) {
				return -1, role{}
			}
		case parse.Xcomp:
			// "urged Sudan to release": the object controls the verb;
			// with no object ("agreed to resume talks", "refused to
			// meet", "threatened to impose"), the subject of the verb it
			// complements does. (The verb group already holds what the
			// controlling verb means: intent, refusal.)
			h := st.head(v)
			if h < 0 || st.ptree.Tags[v] != parse.VERB || st.child(v, parse.Mark) < 0 || !st.isWord(st.child(v, parse.Mark), "to") {
				return -1, role{}
			}
			if o := st.child(h, parse.Obj); o >= 0 {
				return o, role{rel: parse.Obj, gov: h}
			}
			if t := st.ptree.Tags[h]; t != parse.VERB && t != parse.ADJ {
				return -1, role{} // "the decision to resume talks"
			}
		case parse.AclRelcl:
			if st.addressee(st.head(v)) {
				return -1, role{}
			}
			return st.head(v), role{rel: parse.AclRelcl, gov: v}
		default:
			return -1, role{}
		}
		v = st.head(v)
	}
	return -1, role{}
}

// actorAt returns the actor phrase that word w of the parse stands for:
// the phrase covering it if that is coded; else, for a noun with no code
// of its own, an appositive that has one ("Nelson Chamisa, the opposition
// leader" or "the opposition leader, Nelson Chamisa") or the actor after
// "of" or "from" ("a delegation from the European Union", "the leader of
// Hamas"); else the uncoded phrase, or nil. A phrase after a preposition
// stands for w only if oblique is set (an agent after "by").
func (st *state) actorAt(w int, oblique bool) *np {
	if w < 0 || w >= len(st.npAt) {
		return nil
	}
	var own *np
	if x := st.npAt[w]; x >= 0 {
		own = &st.nps[x]
		if own.oblique && !oblique {
			// after a preposition ("demonstrations across Pakistan"): a
			// subject only through a noun it modifies, never by itself
			return nil
		}
		if !own.uncoded {
			return own
		}
	}
	if st.ptree.Tags[w] != parse.NOUN && st.ptree.Tags[w] != parse.PROPN {
		return own
	}
	for i, h := range st.ptree.Heads {
		if h-1 != w {
			continue
		}
		switch st.ptree.Rels[i] {
		case parse.Appos, parse.Nmod:
			if st.ptree.Rels[i] == parse.Nmod {
				// "X of Y" stands for Y only when X is a person or body
				// with no name of its own ("the leader of Hamas", "a
				// delegation from the EU"), not a company ("Elbit
				// Computers Ltd of Israel") nor an act or quality ("the
				// admission of China", "the solidarity of OPEC").
				c := st.child(i, parse.Case)
				if c < 0 || !st.isWord(c, "of") && !st.isWord(c, "from") || own != nil && (own.name || own.agent == "") || st.toks[w].Flags&text.Cap != 0 ||
					own == nil && abstractNoun(st.normOf(w)) {
					continue
				}
			}
			if x := st.npAt[i]; x >= 0 && !st.nps[x].uncoded && !st.nps[x].poss {
				return &st.nps[x]
			}
		}
	}
	if st.ptree.Rels[w] == parse.Appos {
		if x := st.npAt[st.head(w)]; x >= 0 && !st.nps[x].uncoded {
			return &st.nps[x]
		}
	}
	return own
}

// clauseAgent returns the agent of a passive verb the by-phrase walk did
// not reach ("was attacked on Tuesday, in the early hours, by
// militants"): the obl:agent of the verb in the parse.
func (st *state) clauseAgent(idx int, a *anchor) *np {
	// Only a by-phrase the walk could not reach (past a comma or eight
	// words on) with a coded actor in it is worth a parse.
	by, comma := false, false
	for k := a.e; k < len(st.toks) && !by; k++ {
		switch {
		case st.isWord(k, ","):
			comma = true
		case st.cls[k]&cBy != 0 && (comma || k-a.e >= 8):
			for l := k + 1; l < len(st.toks) && l <= k+5; l++ {
				if x := st.npAt[l]; x >= 0 && !st.nps[x].uncoded {
					by = true
				}
			}
		case st.boundary(k):
			return nil
		}
	}
	if !by {
		return nil
	}
	if st.tree(idx) == nil {
		return nil
	}
	v := st.spanHead(a.s, a.e)
	if w := st.child(v, parse.OblAgent); w >= 0 {
		if p := st.actorAt(w, true); p != nil && !p.uncoded {
			st.agentRole = role{rel: parse.OblAgent, gov: v}
			return p
		}
	}
	// The parser may hang the by-phrase on an oblique of the verb ("in
	// the early hours, by militants"): a "by" phrase within two obl or
	// nmod links of the verb is its agent.
	for w := a.e; w < len(st.toks); w++ {
		c := st.child(w, parse.Case)
		if c < 0 || st.cls[c]&cBy == 0 {
			continue
		}
		h, r := w, st.ptree.Rels[w]
		for steps := 0; steps < 2 && (r == parse.Obl || r == parse.Nmod || r == parse.OblAgent); steps++ {
			h = st.head(h)
			if h == v {
				if p := st.actorAt(w, true); p != nil && !p.uncoded {
					st.agentRole = role{rel: st.ptree.Rels[w], gov: st.head(w)}
					return p
				}
				break
			}
			if h < 0 {
				break
			}
			r = st.ptree.Rels[h]
		}
	}
	return nil
}

// clauseObject returns the object a verb shares with the verb coordinated
// after it ("condemned and sanctioned Iran": Iran is the object of both),
// when the token at end starts that coordination.
func (st *state) clauseObject(idx int, a *anchor, end int) *np {
	if end >= len(st.toks) || st.cls[end]&cConj == 0 || !st.conjVerb(end) {
		return nil
	}
	if st.tree(idx) == nil {
		return nil
	}
	v := st.spanHead(a.s, a.e)
	if st.child(v, parse.Obj) >= 0 {
		return nil // the verb has an object of its own
	}
	for i, h := range st.ptree.Heads {
		if h-1 != v || st.ptree.Rels[i] != parse.Conj || i < end {
			continue
		}
		if o := st.child(i, parse.Obj); o >= 0 {
			if p := st.actorAt(o, false); p != nil && !p.uncoded {
				st.objRole = role{rel: parse.Obj, gov: i}
				return p
			}
		}
	}
	return nil
}

// describe says, for explain, where an argument came from.
func (st *state) describe(r role) string {
	if r.how != "" {
		return r.how
	}
	return r.rel.String() + " of " + strconv.Quote(st.pwords[r.gov]) + " (parse)"
}

// phraseRel describes, for explain, the relation the parse gives the
// phrase p: the relation of its head word to the word it depends on.
func (st *state) phraseRel(p *np) string {
	h := st.spanHead(p.s, p.e)
	g := st.head(h)
	if g < 0 {
		return st.ptree.Rels[h].String()
	}
	return st.ptree.Rels[h].String() + " of " + strconv.Quote(st.pwords[g])
}

// roles describes, for explain, where the source and target of anchor a
// came from: the pattern's slots, the clause walk or the parse, and, when
// the sentence was parsed, the relation the parse gives each phrase.
func (st *state) roles(idx int, a *anchor, m *match, src, tgt, subj, shared *np, passive bool) (s, t string) {
	parsed := st.treeSent == idx+1
	rel := func(p *np) string {
		if !parsed || p == nil {
			return ""
		}
		return "; parse: " + st.phraseRel(p)
	}
	switch {
	case src == nil:
	case m != nil && src == m.src:
		s = "the pattern's $" + rel(src)
	case src == subj:
		s = st.describe(st.subjRole)
		if st.subjRole.how != "" {
			s += rel(src)
		}
	case passive:
		s = st.describe(st.agentRole)
		if st.agentRole.how != "" {
			s += rel(src)
		}
	default:
		s = "inferred (no agent named)"
	}
	switch {
	case tgt == nil:
	case m != nil && tgt == m.tgt:
		t = "the pattern's +" + rel(tgt)
	case tgt == shared:
		t = st.describe(st.objRole)
	case tgt == subj && passive:
		t = "the subject of the passive: " + st.describe(st.subjRole)
		if st.subjRole.how != "" {
			t += rel(tgt)
		}
	default:
		t = "the first actor after the verb and its pattern (clause walk)" + rel(tgt)
	}
	return s, t
}

// abstractNoun reports whether a lower-case noun names an act, state or
// quality by its suffix ("admission", "solidarity", "agreement"), not a
// person or body that could act.
func abstractNoun(w string) bool {
	for _, suf := range [...]string{"tion", "sion", "ity", "ment", "ance", "ence", "ism", "ness", "ship"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// clauseNegation returns the negation of the verb of anchor a that the
// verb group does not reach, or "": "no longer" ("Belgium no longer
// supports"), or "neither … nor" over coordinated verbs ("would neither
// confirm nor deny"). The sentence is parsed only when such words stand
// just before the verb group.
func (st *state) clauseNegation(idx int, a *anchor, before int) string {
	seen := false
	for k := before; k >= 0 && k >= before-4; k-- {
		if st.isWord(k, "no") || st.isWord(k, "neither") || st.isWord(k, "nor") {
			seen = true
			break
		}
	}
	if !seen || st.tree(idx) == nil {
		return ""
	}
	v := st.spanHead(a.s, a.e)
	for steps := 0; steps < 3 && v >= 0; steps++ {
		for i, h := range st.ptree.Heads {
			if h-1 != v {
				continue
			}
			switch st.ptree.Rels[i] {
			case parse.Advmod:
				// "no longer": the adverb's own modifier is "no"
				if c := st.child(i, parse.Advmod); c >= 0 && st.isWord(c, "no") {
					return "no " + st.normOf(i)
				}
				if st.cls[i]&cNeg != 0 {
					return st.normOf(i)
				}
			case parse.CcPreconj, parse.Cc:
				if st.isWord(i, "neither") || st.isWord(i, "nor") {
					return "neither/nor"
				}
			}
		}
		if st.ptree.Rels[v] != parse.Conj {
			break
		}
		v = st.head(v) // "neither confirm nor deny": the first verb holds "neither"
	}
	return ""
}

// eventNounBefore reports whether the anchor before a is an event noun
// right before the comma that precedes a: "the talks, hosted by Qatar,".
func (st *state) eventNounBefore(a *anchor) bool {
	for k := range st.anchors {
		b := &st.anchors[k]
		if b.e == a.s-1 {
			return b.verb.noun || b.nounUse
		}
	}
	return false
}

// nounBetween reports whether a noun or pronoun stands right before the
// verb group of v, after the verb h it is coordinated with and with no
// conjunction between: then that noun, not h's subject, is v's ("aid that
// foreign governments, especially the United States, are providing").
func (st *state) nounBetween(h, v int) bool {
	if h < 0 || h >= v {
		return false
	}
	for k := v - 1; k > h; k-- {
		switch st.ptree.Tags[k] {
		case parse.AUX, parse.ADV, parse.PART, parse.PUNCT:
			continue // the verb group ("are now providing"), a comma
		case parse.CCONJ:
			return false // "…, and sanctioned": the coordination itself
		case parse.NOUN, parse.PROPN, parse.PRON:
			// (not the object of a preposition: "Venezuela, backed by
			// Russia and China, denounced")
			x := st.npAt[k]
			return x < 0 || !st.nps[x].oblique
		default:
			return false
		}
	}
	return false
}

// nounBefore returns the first token of the phrase that ends right before
// token k: the actor phrase there, or the word itself.
func (st *state) nounBefore(k int) int {
	if k <= 0 {
		return 0
	}
	if x := st.npAt[k-1]; x >= 0 {
		return st.nps[x].s
	}
	return k - 1
}

// relativeParticiple returns the actor phrase that the past participle of
// anchor a modifies when it follows that phrase with no comma and no
// auxiliary, a preposition follows it, and a verb group with no subject
// of its own follows its phrase in the same clause: "a Croatian diplomat
// accused of spying was expelled", "an official charged with fraud has
// resigned". Read as a main verb, the participle would leave that verb
// group without a subject, so the reading is safe from the words alone.
// The parse is no help here: the model reads such sentences with the
// participle as the root and the later verb as an adverbial clause of
// it, and parsing every actor followed by a verb in "-ed" and a
// preposition parsed a thousand corpus sentences for the worse. It
// returns nil otherwise.
func (st *state) relativeParticiple(a *anchor, before int) *np {
	n := len(st.toks)
	if a.s == 0 || a.e >= n || before != a.s-1 || st.cls[a.s]&(cSay|cIntent) != 0 || !st.participle(a.e-1) ||
		st.cls[a.e]&cPrep == 0 || st.cls[a.e]&cTo != 0 {
		return nil
	}
	x := st.npAt[a.s-1]
	if x < 0 {
		return nil
	}
	p := &st.nps[x]
	if p.e != a.s || p.oblique || p.poss || p.mod || p.pron != "" || p.uncoded && p.agent == "" {
		return nil
	}
	for k := a.e + 1; k < n && k < a.e+12; k++ {
		switch {
		case st.boundary(k), st.isWord(k, ","), st.cls[k]&cConj != 0, st.isWord(k, "what"):
			return nil // ("clashed with police in what has become a weekly protest")
		case st.npAt[k] >= 0 && !st.nps[st.npAt[k]].oblique:
			return nil // a subject of its own: "… accused in March Ukraine's …"
		case st.cls[k]&(cBe|cAux|cModal) != 0:
			return p
		}
	}
	return nil
}

// relNounAt returns the actor a participle covering token j modifies
// (anchor.relNoun), or nil.
func (st *state) relNounAt(j int) *np {
	for k := range st.anchors {
		if b := &st.anchors[k]; b.relNoun != nil && j >= b.s && j < b.e {
			return b.relNoun
		}
	}
	return nil
}

// auxBetween reports whether an auxiliary or modal stands in tokens [s, e).
func (st *state) auxBetween(s, e int) bool {
	for k := s; k < e; k++ {
		if st.cls[k]&(cBe|cAux|cModal) != 0 {
			return true
		}
	}
	return false
}

// nameAppositive returns the coded actor before a name the dictionaries
// lack when that name, set off by commas, is all that stands between the
// actor and the verb group: "The Syrian foreign minister, Walid
// al-Moallem, refused". It returns nil otherwise.
func (st *state) nameAppositive(before int, subj *np) *np {
	if subj == nil || !subj.name || !subj.uncoded || subj.pron != "" || subj.s < 2 || before < 0 || subj.e > before ||
		!st.isWord(before, ",") || !st.isWord(subj.s-1, ",") {
		return nil
	}
	for k := subj.e; k < before; k++ {
		if t := st.toks[k]; t.Kind != text.Word || t.Flags&text.Cap == 0 && !strings.Contains(st.normOf(k), "-") || st.npAt[k] >= 0 || st.cls[k] != 0 {
			return nil // the rest of the name only ("Walid al-Moallem")
		}
	}
	x := st.npAt[subj.s-2]
	if x < 0 {
		return nil
	}
	h := &st.nps[x]
	if h.e != subj.s-1 || h.uncoded || h.oblique || h.mod || h.poss || h.pron != "" {
		return nil
	}
	return h
}

// beBetween reports whether a form of "be" stands in tokens [s, e).
func (st *state) beBetween(s, e int) bool {
	for k := max(s, 0); k < e; k++ {
		if st.cls[k]&cBe != 0 {
			return true
		}
	}
	return false
}

// splitAcrossClauses splits a compound actor phrase that the clause walk
// read across a clause boundary: in "Israeli jets bombed Gaza and Hamas
// fired rockets" Hamas is not bombed and Gaza fires nothing. When the
// phrase stands right after a verb of force or violence and right before
// another verb (no auxiliary, modal or verb of saying), and that first
// verb coded protest violence, coercion, assault or fighting (anchor
// violent), its last member
// is that verb's subject: head holds the members before it (the first
// verb's object), last the last member. ok is false otherwise. From the
// words alone: the model reads such sentences with the first noun as
// the root, and a verb of saying before the phrase may take a clause
// with a compound subject ("warned Ukraine and the West would pay"),
// which is why only verbs of violence qualify.
func (st *state) splitAcrossClauses(p *np, a *anchor, code string) (head, last *np, ok bool) {
	n := len(p.members)
	if n < 2 || st.opt.NullActors || p.e >= len(st.toks) || p.s == 0 || p.oblique || p.poss ||
		st.cls[p.e]&(cAux|cModal|cSay|cAdv|cTo) != 0 {
		return nil, nil, false
	}
	j := p.s - 1
	for j > 0 && st.cls[j]&cDet != 0 {
		j--
	}
	before, after := false, false
	if code != "" {
		// a is the verb before the phrase, being coded with code
		before = a.e == j+1 && !a.verb.noun && !a.nounUse && localCode(code) && !strings.HasPrefix(code, "15")
	} else {
		// a is the verb after it
		after = a.s == p.e
	}
	for q := range st.anchors {
		b := &st.anchors[q]
		if b.verb.noun || b.nounUse {
			continue
		}
		before = before || code == "" && b.e == j+1 && b.coded && b.violent
		after = after || code != "" && b.s == p.e
	}
	if !before || !after {
		return nil, nil, false
	}
	k := -1 // the first token of the last member
	for t := p.s; t < p.e; t++ {
		if st.toks[t].Start == p.members[n-1].start {
			k = t
		}
	}
	if k <= p.s || st.cls[k-1]&cConj == 0 {
		return nil, nil, false // "Gaza and Hamas": the members joined by "and"
	}
	h, l := *p, *p
	h.e, h.members = k-1, p.members[:n-1]
	l.s, l.members = k, p.members[n-1:]
	return &h, &l, true
}

// meansAgent returns the agent of the means of violence that is the
// subject of the verb of anchor a, named in a participle that modifies
// it: "a drone launched by the Houthis struck Eilat", "missiles fired by
// Russia hit a hospital" (an acl of a word of the subject, and its
// obl:agent, in the parse), or named by the means noun itself: "an attack
// by militants killed five soldiers" (an nmod of the noun with "by"). It returns nil when no "by" stands between
// the means and the verb, so only such sentences are parsed.
func (st *state) meansAgent(idx int, a *anchor) *np {
	_, at := st.meansBefore(a.s)
	if at < 0 {
		return nil
	}
	by := -1
	for k := at; k < a.s; k++ {
		if st.cls[k]&cBy != 0 {
			by = k
		}
	}
	if by < 0 || st.tree(idx) == nil {
		return nil
	}
	for w := by + 1; w < a.s; w++ {
		if st.ptree.Rels[w] == parse.Nmod && st.child(w, parse.Case) == by {
			// "an attack by militants killed five soldiers": the agent
			// of the means noun itself.
			if h := st.head(w); h >= at && h < by {
				if p := st.actorAt(w, true); p != nil && (!p.uncoded || p.agent != "") {
					st.subjRole = role{rel: parse.Nmod, gov: h}
					return p
				}
			}
			continue
		}
		if r := st.ptree.Rels[w]; r != parse.OblAgent && r != parse.Obl || st.child(w, parse.Case) != by {
			continue
		}
		h := st.head(w) // the participle
		if h < at || h >= a.s || st.ptree.Rels[h] != parse.Acl && st.ptree.Rels[h] != parse.AclRelcl {
			continue
		}
		if g := st.head(h); g < at || g >= a.s {
			continue // it modifies no word of the subject
		}
		if p := st.actorAt(w, true); p != nil && (!p.uncoded || p.agent != "") {
			st.subjRole = role{rel: st.ptree.Rels[w], gov: h}
			return p
		}
	}
	// The parser may read the agent as the subject of the verb ("shells
	// fired by government forces hit": forces nsubj of hit); the words
	// still say it: a past participle right before "by" and the actor
	// right before the verb.
	if by > at && st.participle(by-1) && by+1 < a.s {
		if x := st.npAt[by+1]; x >= 0 && st.nps[x].e == a.s && (!st.nps[x].uncoded || st.nps[x].agent != "") {
			st.subjRole = role{how: "the by-phrase of the participle after the means (words)"}
			return &st.nps[x]
		}
	}
	return nil
}

// addressee reports whether word n is the object of a verb of telling,
// in the parse or right after it ("told reporters that …"): what follows
// "that" is what was told, not a relative clause on the addressee.
func (st *state) addressee(n int) bool {
	if n < 0 {
		return false
	}
	if h := st.head(n); h >= 0 && st.cls[h]&cSay != 0 && (st.ptree.Rels[n] == parse.Obj || st.ptree.Rels[n] == parse.Iobj) {
		return true
	}
	// the parser may attach it elsewhere: the phrase right after the verb
	if x := st.npAt[n]; x >= 0 {
		k := st.nps[x].s - 1
		for k >= 0 && st.cls[k]&cDet != 0 {
			k--
		}
		return k >= 0 && st.cls[k]&cSay != 0
	}
	return false
}

// vpConjunct reports whether the verb group ends right after "and" or
// "but" with no subject of its own, and the clause walk found a subject
// that stands inside the clause of an earlier verb rather than before it:
// "The U.S. has said it will not allow Iran to use the missiles and has
// offered its warships" (the walk reaches Iran; the parse coordinates
// "offered" with "said", whose subject is the U.S.).
func (st *state) vpConjunct(before int, subj *np) bool {
	if before < 1 || subj == nil || subj.uncoded || !(st.isWord(before, "and") || st.isWord(before, "but")) {
		return false
	}
	// the walk's subject is a verb's object, or the subject of a clause
	// reported by a verb of saying: not the subject of the sentence
	if st.objectOfVerb(subj.s) {
		return true
	}
	k := subj.s - 1
	if k >= 0 && st.isWord(k, "that") {
		k--
	}
	return k >= 0 && st.cls[k]&cSay != 0
}
