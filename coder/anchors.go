package coder

// The anchor stage: the verbs and event nouns of a sentence that match a
// dictionary entry, in order, and which of them may code an event at all
// (not an auxiliary, a name, a noun with no party, what an accusation
// alleges, an intent that gives way to the verb after it). Each anchor
// that may code is handed to codeAnchor (events.go).

import (
	"petrel"

	"strings"

	"petrel/cameo"
	"petrel/text"
)

// anchor is a verb or event noun found in the sentence.
type anchor struct {
	s, e    int // tokens
	verb    *verb
	subject *np // resolved subject, for coordinated verbs after it
	// subjUncoded marks a subject that names no coded actor ("Minister
	// Joe Clark"): a verb coordinated after it has no coded source either.
	subjUncoded bool
	// subjAgent is that uncoded subject when it is an agent with no state
	// ("Police fired tear gas and arrested …"): a coordinated verb shares
	// it, to be coded as an unnamed actor (unnamed.go).
	subjAgent *np
	coded     bool // the anchor gave at least one event
	// background is set when the anchor was dropped as background: in a
	// relative or temporal clause, or describing the object of the verb
	// before it. A verb coordinated right after it is background too.
	background bool
	// violent is set when the anchor coded protest violence, coercion,
	// assault, fighting or mass violence: "…, killing three" after it is
	// the same attack's toll, not an event of its own.
	violent bool
	// nounUse marks a verb's form used as a noun ("an attack by"): only
	// patterns with their own source slot may code it.
	nounUse bool
	// deferred marks an intent word coded only because the verb after
	// it coded nothing; it must then say more than "to" ("agreed to
	// extend a ceasefire", not "planned to do so").
	deferred bool
	// disapproval is set when the anchor coded an accusation, criticism
	// or rejection (CAMEO 11x, 12x, 016).
	disapproval bool
	// inPattern marks an anchor inside the pattern of the one before
	// ("exchanged fire"): no verb of its own, so no clause boundary for
	// places (place.go).
	inPattern bool
	// coercion is set when the anchor coded an arrest, detention or other
	// coercion (CAMEO 17x): what the people it names did in a relative
	// clause after it ("arrested protesters who blocked the bridge") is
	// why they were arrested, reported before, not an event of its own.
	coercion bool
	// blocked marks an anchor whose matching pattern codes nothing
	// ("--- army *": "an army patrol" is a noun, not a verb).
	blocked bool
	// passive marks a verb read as passive: a participle coordinated
	// after it may be passive too ("was beaten and abducted").
	passive bool
	// relNoun is the actor phrase a participle right after it modifies,
	// with no comma ("a Croatian diplomat accused of spying was
	// expelled"): the subject of the verb group after the participle's
	// phrase too (clauses.go relativeParticiple).
	relNoun *np
	// consumed marks an anchor whose event was dropped for its clause (a
	// negation, a possibility, a condition): the words of its pattern are
	// its own still, so "did not impose sanctions on" gives no event for
	// "sanctions" either.
	consumed bool
	// evFrom is the index in st.doc.Events of the anchor's first event.
	evFrom int
}

func (st *state) events(idx int) {
	first := len(st.doc.Events)
	s := st.sentView()
	n := len(st.toks)
	// Find the anchors first, so an intent word ("willing to", "agreed
	// to") can give way to the verb it governs.
	st.anchors = st.anchors[:0]
	st.words = [16]uint64{}
	for _, c := range st.cands {
		st.words[(c>>6)&15] |= 1 << (c & 63)
	}
	for i := 0; i < n; {
		if x := st.npAt[i]; x >= 0 && (!st.nps[x].uncoded || st.nps[x].agent != "") {
			// inside an actor phrase, even an uncoded one ("a suicide
			// bomber killed"): a name, not an anchor
			i++
			continue
		}
		e, vals := st.c.verbT.longest(s, i)
		if e <= i {
			i++
			continue
		}
		st.anchors = append(st.anchors, anchor{s: i, e: e, verb: st.c.verbs[vals[len(vals)-1]]})
		i = e
	}
	st.speaker = st.sentenceSpeaker()
	var prev, pending *anchor
	var bg *anchor // the last verb of a relative clause dropped as background
	skipTo := 0
	for k := range st.anchors {
		a := &st.anchors[k]
		if a.s < skipTo {
			// inside the pattern of the anchor before: "join this round of talks"
			a.inPattern = true
			if st.trace != nil {
				st.tracef("  %q: part of the pattern of the verb before it", st.toks2text(a.s, a.e))
			}
			continue
		}
		if a.e-a.s == 1 && st.cls[a.s]&(cModal|cAux) != 0 {
			continue // "should", "has": auxiliaries are never the verb of an event
		}
		if a.s > 0 && !st.opt.NullActors && st.toks[a.s-1].End == st.toks[a.s].Start && st.isWord(a.s-1, "-") {
			// "a U.N.-backed mission", "Iran-backed militias": part of an adjective
			if st.trace != nil {
				st.dropped(a, "", "part of a hyphenated adjective")
			}
			continue
		}
		if st.properNoun(a.s) {
			if st.trace != nil {
				st.dropped(a, "", "capitalised mid-sentence: part of a name")
			}
			continue
		}
		if !a.verb.noun && st.nounContext(a.s) {
			// "an attack by the RSF on El Fasher": as a noun, the word
			// codes only through patterns that name their own source.
			if st.trace != nil {
				st.tracef("  %q reads as a noun here, not a verb", st.toks2text(a.s, a.e))
			}
			a.nounUse = true
		}
		if prev != nil && prev.coded && prev.disapproval && (st.gerundObject(a) || (a.nounUse || a.verb.noun || st.nameNounObject(prev, a)) && !st.opt.NullActors) {
			// "accused the UAE of arming the RSF", "condemned the U.S.
			// strike on …": the accusation is the event, not what it
			// alleges.
			if st.trace != nil {
				st.dropped(a, "", "what the verb before it alleges, not an event of its own")
			}
			st.accusationOf(prev, a)
			continue
		}
		if prev != nil && prev.coded && prev.coercion && !st.opt.NullActors && st.activeRelative(a, prev.e) {
			// "arrested dozens of protesters who had occupied a building":
			// the occupation is the reason for the arrest, not news of
			// its own.
			if st.trace != nil {
				st.dropped(a, "", "what the people the coercion before it names had done")
			}
			a.background = true
			bg = a
			continue
		}
		if bg != nil && !st.opt.NullActors && a.s >= 1 && st.isWord(a.s-1, "and") && bg.e < a.s && !st.commaBetween(bg.e, a.s) {
			// "fired tear gas at youths who smashed shop windows and set
			// rubbish bins alight": the youths set them alight
			if st.trace != nil {
				st.dropped(a, "", "a verb coordinated with what the people the coercion before it names had done")
			}
			a.background = true
			bg = a
			continue
		}
		if st.cls[a.e-1]&cIntent != 0 && a.e+1 < n && st.cls[a.e]&cTo != 0 && st.verbAfterTo(a.e+1) {
			// "willing to provide aid": the intent belongs to the verb
			// after "to", which codes it. Only if that verb codes nothing
			// ("agreed to extend a ceasefire") does the intent word code
			// by itself, after it.
			pending = a
			a.deferred = true
			if st.trace != nil {
				st.tracef("  anchor %q (%s): an intent, coded by the verb after \"to\" if that verb codes an event", st.toks2text(a.s, a.e), a.verb.lemma)
			}
			continue
		}
		if st.trace != nil {
			st.tracef("  anchor %q (%s)", st.toks2text(a.s, a.e), a.verb.lemma)
		}
		a.evFrom = len(st.doc.Events)
		end := st.codeAnchor(idx, a, prev)
		if end > skipTo && (a.coded || a.consumed || st.opt.NullActors) {
			// An anchor that coded nothing does not hide the verbs in its
			// span ("Sanctions were imposed on …").
			skipTo = end
		}
		if !(prev != nil && prev.coded && prev.violent && (a.blocked || (a.verb.noun || a.nounUse) && !a.coded || !a.coded && st.asideVerb(a))) {
			// A word whose pattern blocks it, or a noun that coded
			// nothing, after a violent event ("ambushed an army patrol,
			// killing nine", "ambushed a patrol of Nigerien soldiers,
			// killing 17") does not hide that event from the participle
			// of its toll; nor does a verb that coded nothing in an
			// attribution or a clause of the same moment (", Amnesty
			// International said, killing 12", "as people gathered for
			// Palm Sunday, killing 35", ", leaving four soldiers wounded").
			prev = a
		}
		if pending != nil {
			if !a.coded {
				st.codeAnchor(idx, pending, nil)
			}
			pending = nil
		}
	}
	if pending != nil {
		st.codeAnchor(idx, pending, nil)
	}
	if st.opt.UnnamedActors {
		st.sentenceEvents(idx, first)
		if st.opt.Abstain {
			st.abstain(idx, first)
		}
		for k := range st.anchors {
			if st.anchors[k].coded {
				return
			}
		}
		if !st.protestNominal(idx) {
			st.nominalEvent(idx)
		}
	}
}

// dropped explains, when tracing, why the verb or noun of anchor a coded
// no event; code is the candidate code, if one was found. Callers check
// st.trace first, so that building reason costs nothing when not tracing.
func (st *state) dropped(a *anchor, code, reason string) {
	if code != "" {
		st.tracef("  DROPPED %q [%s]: %s", st.toks2text(a.s, a.e), code, reason)
		return
	}
	st.tracef("  DROPPED %q: %s", st.toks2text(a.s, a.e), reason)
}

// properNoun reports whether the anchor word at token a is capitalised in
// the middle of a sentence ("British Gas", "Support Forces"): a name, not a
// verb. Headlines and all-caps text are left alone.
func (st *state) properNoun(a int) bool {
	t := st.toks[a]
	if a == 0 || t.Flags&text.Cap == 0 || t.Flags&text.AllCaps != 0 {
		return false
	}
	prev := st.toks[a-1]
	if prev.Kind == text.Quote || prev.Kind == text.Punct && st.normOf(a-1) != "," {
		return false
	}
	// In title case most words are capitalised; count the sentence's
	// lower-case words to tell.
	lower := 0
	for _, x := range st.toks {
		if x.Kind == text.Word && x.Flags&text.Cap == 0 {
			lower++
		}
	}
	return lower*3 > len(st.toks)
}

// gerundObject reports whether anchor a is an -ing form after "of", "for"
// or "over" ("accused X of arming Y", "criticised X for violating").
func (st *state) gerundObject(a *anchor) bool {
	if !strings.HasSuffix(st.normOf(a.s), "ing") || a.s == 0 {
		return false
	}
	j := a.s - 1
	return st.isWord(j, "of") || st.isWord(j, "for") || st.isWord(j, "over")
}

// verbAfterTo reports whether token j, after "to", starts a verb phrase
// rather than a noun phrase ("agreed to a ceasefire").
func (st *state) verbAfterTo(j int) bool {
	t := st.toks[j]
	return t.Kind == text.Word && t.Flags&text.Cap == 0 && st.cls[j]&(cDet|cPossPron|cNumber) == 0 && st.npAt[j] < 0
}

// nounContext reports whether the word at token a is used as a noun: after
// a determiner, a possessive or an adjective after one ("an attack", "their
// meeting", "a brief private visit", "Gondor's boycott").
func (st *state) nounContext(a int) bool {
	if !st.opt.NullActors && a > 0 && a+1 < len(st.toks) && (st.cls[a-1]&(cDet|cPossPron) != 0 || st.toks[a-1].Kind == text.Possessive || st.cls[a-1]&cPrep != 0 && st.cls[a-1]&cTo == 0 && st.cls[a-1]&cBy == 0) && !st.isWord(a-1, "that") &&
		strings.HasSuffix(st.normOf(a), "ed") && st.toks[a+1].Kind == text.Word && st.toks[a+1].Flags&text.Cap == 0 &&
		st.cls[a+1] == 0 && (st.npAt[a+1] < 0 || st.nps[st.npAt[a+1]].s == a+1) {
		// "a proposed sales tax", "hundreds of looted artefacts", "the
		// release of detained activists": a participle as an adjective
		return true
	}
	if !st.opt.NullActors && st.pastTense(a) && !strings.HasSuffix(st.normOf(a), "ing") {
		return false // "a car bomb killed", "the World Bank gave": past tense is a verb
	}
	j := a - 1
	if j >= 0 && st.npAt[j] >= 0 {
		// "a U.N. demand", "the Israeli strike": a bare state name between
		// a determiner and the word modifies a noun. ("the U.S. said" and
		// "the Russians attacked" stay verbs.)
		p := &st.nps[st.npAt[j]]
		w := st.normOf(a)
		if p.poss && p.e == a && st.toks[j].Kind == text.Possessive && !strings.HasSuffix(w, "ed") {
			return true // "Iran's attack on Qatar": after a possessive, a noun
		}
		if p.e == a && len(p.members) == 1 && p.s > 0 && st.cls[p.s-1]&cDet != 0 && demonym(st.normOf(p.e-1)) && st.cls[a]&cSay == 0 && !strings.HasSuffix(w, "ed") {
			return true // "the Israeli strikes", "the Russian attacks": an adjective of nationality
		}
		if p.e == a && len(p.members) == 1 && !p.members[0].adjAgent && !irregularParticiple[w] && p.s > 0 && !strings.HasSuffix(w, "s") &&
			st.cls[p.s-1]&cDet != 0 && st.cls[a]&cSay == 0 && !strings.HasSuffix(w, "ed") &&
			!strings.HasSuffix(st.normOf(p.e-1), "s") {
			return true
		}
		return false
	}
	if j >= 0 && st.isAdj(j) {
		// "its allies withdrew troops": a word followed by an object is a
		// verb, whatever precedes it.
		if a+1 < len(st.toks) && (st.cls[a+1]&(cDet|cPossPron) != 0 || st.npAt[a+1] >= 0) {
			return false
		}
		for j >= 0 && st.isAdj(j) {
			j--
		}
	}
	if j < 0 {
		return false
	}
	if !st.opt.NullActors {
		// "despite mass protests", "after the arrest": after a
		// preposition (and up to two modifiers) the word is a noun.
		k := a - 1
		for n := 0; n < 2 && k >= 0 && st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap == 0 && st.cls[k] == 0; n++ {
			k--
		}
		if k >= 0 && st.cls[k]&cPrep != 0 && st.cls[k]&cTo == 0 {
			return true
		}
		if strings.HasSuffix(st.normOf(a), "ing") && k < a-1 {
			// "an ICO executive board meeting", "the cabinet meeting": an
			// -ing word after a determiner, a name no dictionary codes and
			// lowercase modifiers heads a noun compound. (A coded actor
			// there stays a subject: "the U.S. meeting" is handled above.)
			for n := 0; n < 2 && k >= 0 && st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap != 0 && st.npAt[k] >= 0 && st.nps[st.npAt[k]].uncoded; n++ {
				k--
			}
			if k >= 0 && st.cls[k]&(cDet|cPossPron) != 0 && !st.isWord(k, "that") {
				return true
			}
		}
	}
	if st.cls[j]&(cDet|cPossPron) != 0 && !st.isWord(j, "that") {
		w := st.normOf(j)
		return w != "all" && w != "both" && w != "each" && w != "neither" && w != "either" && w != "her"
	}
	return st.toks[j].Kind == text.Possessive
}

// demonym reports whether a word looks like an adjective of nationality
// ("israeli", "russian", "chinese", "turkish", "french"), which cannot be
// the subject of a verb after "the".
func demonym(w string) bool {
	for _, suf := range []string{"i", "ian", "ean", "can", "ese", "ish", "ch"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// sentenceSpeaker finds who the sentence is attributed to: the actor right
// before or after a verb of saying ("…, Prime Minister Fumio Kishida
// said", "said Lavrov").
func (st *state) sentenceSpeaker() *member {
	for k := range st.toks {
		if st.cls[k]&cSay == 0 || !pureSay[st.normOf(k)] && !tellWord[st.normOf(k)] { // the class bit first: no map lookup per token
			continue
		}
		if tellWord[st.normOf(k)] {
			// "The Chinese foreign ministry told a news conference that
			// Beijing condemned …": the teller speaks for the state.
			if k > 0 && st.npAt[k-1] >= 0 {
				if p := &st.nps[st.npAt[k-1]]; !p.uncoded && !p.oblique && !p.poss && len(p.members) == 1 {
					return &p.members[0]
				}
			}
			continue
		}
		if k > 0 && st.npAt[k-1] >= 0 {
			if p := &st.nps[st.npAt[k-1]]; !p.uncoded && !p.oblique && len(p.members) == 1 {
				return &p.members[0]
			}
			if m := st.possessedAgent(&st.nps[st.npAt[k-1]]); m != nil {
				return m // "…, its foreign minister said"
			}
		}
		if k+1 < len(st.toks) && st.npAt[k+1] >= 0 {
			if p := &st.nps[st.npAt[k+1]]; !p.uncoded && len(p.members) == 1 && (k+2 >= len(st.toks) || p.e >= len(st.toks) || st.toks[p.e].Kind == text.Punct) {
				return &p.members[0]
			}
		}
	}
	return nil
}

// purposeNoun reports whether the noun at token a follows "for" or "to"
// (with adjectives between): "for international talks".
func (st *state) purposeNoun(a int) bool {
	j := a - 1
	for j >= 0 && a-j <= 3 && st.toks[j].Kind == text.Word && st.cls[j] == 0 && st.toks[j].Flags&text.Cap == 0 {
		j--
	}
	return j >= 0 && (st.isWord(j, "for") || st.isWord(j, "to"))
}

// nameNounObject reports whether anchor a, a word in -s, follows the verb
// of anchor prev with only a determiner and an actor's name between, so
// that it is a plural noun that name modifies, the verb's object, not a
// verb of its own: "rejected ECOWAS sanctions", "criticised EU sanctions
// on Russia".
func (st *state) nameNounObject(prev, a *anchor) bool {
	if a.e-a.s != 1 || a.s == 0 || !strings.HasSuffix(st.normOf(a.s), "s") {
		return false
	}
	x := st.npAt[a.s-1]
	if x < 0 || st.nps[x].e != a.s || st.nps[x].uncoded || st.nps[x].oblique {
		return false
	}
	for k := prev.e; k < st.nps[x].s; k++ {
		if st.cls[k]&cDet == 0 {
			return false
		}
	}
	return true
}

// activeRelative reports whether anchor a is the verb of an active
// relative clause that starts after token lo: "who blocked", "who had
// occupied" (not "who were released", a passive, nor "whose").
func (st *state) activeRelative(a *anchor, lo int) bool {
	j := a.s - 1
	for j >= lo && st.cls[j]&cAux != 0 {
		if st.cls[j]&cBe != 0 {
			return false
		}
		j--
	}
	return j >= lo && st.cls[j]&cRel != 0 && !st.isWord(j, "whose")
}

// tellWord are the forms of "tell", whose subject speaks for the state
// named in what it tells.
var tellWord = map[string]bool{"told": true, "tells": true, "tell": true, "telling": true}

// possessedAgent codes an agent with no state owned by a possessive
// pronoun the coreference resolved ("its foreign minister", "his
// spokesman"): the pronoun's state with the agent's role, or nil.
func (st *state) possessedAgent(p *np) *member {
	if !p.uncoded || p.agent == "" || p.s == 0 || st.npAt[p.s-1] < 0 {
		return nil
	}
	q := &st.nps[st.npAt[p.s-1]]
	if !q.poss || q.pron == "" || q.uncoded || len(q.members) != 1 || q.members[0].country == "" || q.members[0].kind != petrel.KindCountry {
		return nil
	}
	m := q.members[0]
	m.code = m.country + p.agent
	return &m
}

// accusationOf gives a bare accusation (112) by anchor prev the sub-code
// of the act it alleges, anchor a, when no word of the accusation's own
// pattern named it: armed force (19x) against a state, its forces or a
// place is aggression (1123: "accused Tajikistan of shelling border
// villages"), but against people it is an abuse of rights, as are
// assault, repression and arrest (18x, 175, 173: 1122, "accused Egyptian
// police of torturing detainees", "accused the police of killing
// protesters"); done by criminals or unnamed gunmen these are crimes
// (1121: "accused a Venezuelan gang of kidnapping a former army
// officer"); mass violence (20x) is a war crime (1124). Bombings are left
// alone (a state's is aggression, a group's a crime: "accused the
// Philippines of ramming a vessel").
func (st *state) accusationOf(prev, a *anchor) {
	act := ""
	fewest := 1 << 30
	for _, p := range a.verb.patterns {
		if p.code != "" && p.code != "---" && p.elems() < fewest {
			act, fewest = p.code, p.elems() // the verb's own sense, with the fewest words
		}
	}
	if len(act) < 3 || fewest > 1 || strings.HasPrefix(act, "183") || !st.gerundObject(a) || a.e < len(st.toks) && st.cls[a.e]&cTo != 0 {
		// only a verb's -ing form right after "of" that has a sense of
		// its own, not "trying to", nor a particle ("drawing down")
		return
	}
	people := false
	if j := a.e; j < len(st.toks) {
		if st.cls[j]&(cDet|cPossPron) != 0 && j+1 < len(st.toks) {
			j++
		}
		if x := st.npAt[j]; x >= 0 {
			p := &st.nps[x]
			ag := p.agent
			if !p.uncoded && len(p.members) > 0 && len(p.members[0].code) >= 6 {
				ag = p.members[0].code[3:6]
			}
			switch ag {
			case "CVL", "OPP", "MED", "EDU", "REL", "HLH", "LAB", "AGR", "REF", "NGO", "ELI":
				people = true
			}
		}
	}
	for i := prev.evFrom; i < len(st.doc.Events); i++ {
		ev := &st.doc.Events[i]
		if ev.Code != "112" {
			continue
		}
		code := ""
		switch {
		case act[:2] == "20":
			code = "1124"
		case act[:2] == "19" && !people:
			code = "1123"
		case act[:2] == "19" || act[:2] == "18" || act == "175" || act == "173":
			code = "1122"
			if t := ev.Target; t != nil && (strings.HasSuffix(t.Code, "CRM") || strings.HasSuffix(t.Code, "UAF")) {
				code = "1121"
			}
		}
		if cameo.Lookup(code) == nil {
			continue
		}
		if st.trace != nil {
			st.tracef("  accusation 112 -> %s: it alleges %q (%s)", code, st.toks2text(a.s, a.e), act)
		}
		recode(ev, code)
	}
}

// asideVerb reports whether anchor a, a verb that coded nothing, stands
// aside from the clause before it: a verb of saying (an attribution set
// in the sentence), a verb in a clause of the same moment opened by "as",
// "while" or "when" a few words before it, or "leaving"/"left" after a
// comma (the toll that follows: ", leaving four soldiers wounded").
func (st *state) asideVerb(a *anchor) bool {
	if st.cls[a.s]&cSay != 0 || a.consumed {
		return true // (or a verb read as background: "opposition supporters demanding that …, killing 17")
	}
	if (a.verb.lemma == "leave") && a.s > 0 && st.isWord(a.s-1, ",") {
		return true
	}
	for k := a.s - 1; k >= 0 && k >= a.s-5; k-- {
		switch {
		case st.isWord(k, "as") || st.isWord(k, "while") || st.isWord(k, "when"):
			return true
		case st.toks[k].Kind != text.Word || st.boundary(k):
			return false
		}
	}
	return false
}
