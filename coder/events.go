package coder

import (
	"strconv"
	"strings"

	"petrel"
	"petrel/dict"
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
}

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

func (st *state) events(idx int) {
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
		if prev != nil && prev.coded && prev.disapproval && (st.gerundObject(a) || (a.nounUse || a.verb.noun) && !st.opt.NullActors) {
			// "accused the UAE of arming the RSF", "condemned the U.S.
			// strike on …": the accusation is the event, not what it
			// alleges.
			if st.trace != nil {
				st.dropped(a, "", "what the verb before it alleges, not an event of its own")
			}
			continue
		}
		if prev != nil && prev.coded && prev.coercion && !st.opt.NullActors && st.activeRelative(a, prev.e) {
			// "arrested dozens of protesters who had occupied a building":
			// the occupation is the reason for the arrest, not news of
			// its own.
			if st.trace != nil {
				st.dropped(a, "", "what the people the coercion before it names had done")
			}
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
		end := st.codeAnchor(idx, a, prev)
		if end > skipTo && (a.coded || st.opt.NullActors) {
			// An anchor that coded nothing does not hide the verbs in its
			// span ("Sanctions were imposed on …").
			skipTo = end
		}
		if !(prev != nil && prev.coded && prev.violent && a.blocked) {
			// A word whose pattern blocks it after a violent event
			// ("ambushed an army patrol, killing nine") does not hide
			// that event from the participle of its toll.
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
		for k := range st.anchors {
			if st.anchors[k].coded {
				return
			}
		}
		st.nominalEvent(idx)
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
	if !st.opt.NullActors && a > 0 && a+1 < len(st.toks) && (st.cls[a-1]&(cDet|cPossPron) != 0 || st.cls[a-1]&cPrep != 0 && st.cls[a-1]&cTo == 0 && st.cls[a-1]&cBy == 0) && !st.isWord(a-1, "that") &&
		strings.HasSuffix(st.normOf(a), "ed") && st.toks[a+1].Kind == text.Word && st.toks[a+1].Flags&text.Cap == 0 &&
		st.cls[a+1] == 0 && st.npAt[a+1] < 0 {
		return true // "a proposed sales tax", "hundreds of looted artefacts": a participle as an adjective
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

// verbGroup walks left from the anchor over auxiliaries, modals, negation,
// adverbs and intent phrases ("would not", "are willing to", "is being"),
// returning the first token before the group and what it found.
func (st *state) verbGroup(a int) (j int, neg, intent, passiveBe bool, qual []string) {
	st.volitional = false
	st.refusedSpeech = false
	j = a - 1
	for j >= 0 {
		c := st.cls[j]
		t := st.toks[j]
		switch {
		case c&cNeg != 0:
			neg = true
			qual = append(qual, st.normOf(j))
		case c&cModal != 0:
			w := st.normOf(j)
			if w == "will" || w == "would" || w == "'ll" || w == "wo" || w == "shall" {
				intent = true
				st.volitional = true // "would not join": a refusal
			}
			qual = append(qual, w)
		case c&cBe != 0 || passiveAux[st.normOf(j)]:
			passiveBe = true
		case c&cAux != 0:
		case c&cTo != 0:
		case c&cIntent != 0:
			if j+1 < len(st.toks) && st.cls[j+1]&cTo != 0 || st.normOf(j) == "going" {
				intent = true
				qual = append(qual, st.normOf(j)+" to")
			} else {
				return j, neg, intent, passiveBe, qual
			}
		case c&cAdv != 0:
		case t.Kind == text.Word && t.Flags&text.Cap == 0 && strings.HasSuffix(st.normOf(j), "ly") && len(st.normOf(j)) > 4:
		case refusalWord[st.normOf(j)] && j+1 < len(st.toks) && st.cls[j+1]&cTo != 0:
			neg = true
			st.volitional = true
			w := st.normOf(j)
			st.refusedSpeech = w == "declined" || w == "declines" || w == "refused" || w == "refuses" || w == "decline" || w == "refuse"
			qual = append(qual, st.normOf(j)+" to")
		default:
			return j, neg, intent, passiveBe, qual
		}
		j--
	}
	return j, neg, intent, passiveBe, qual
}

// pureSay are verbs of saying whose following actor is the subject of the
// reported clause, never the verb's target.
var pureSay = map[string]bool{"say": true, "says": true, "said": true, "saying": true, "add": true,
	"added": true, "adds": true, "noted": true, "insisted": true, "stressed": true, "argued": true,
	"stated": true, "claimed": true, "explained": true, "reiterated": true}

// speechVerb are anchors that, refused, mean "no comment" (011).
var speechVerb = map[string]bool{"comment": true, "disclose": true, "elaborate": true, "confirm": true,
	"give": true, "identify": true, "name": true, "reveal": true, "discuss": true, "specify": true, "speak": true}

// passiveAux are verbs that, like "be", make a following participle
// passive: "remains banned", "got arrested".
var passiveAux = map[string]bool{"remain": true, "remains": true, "remained": true, "get": true, "got": true,
	"gets": true, "become": true, "became": true, "becomes": true}

var refusalWord = map[string]bool{"refused": true, "refuses": true, "refuse": true, "declined": true,
	"declines": true, "failed": true, "fails": true, "unwilling": true, "unable": true, "reluctant": true}

// patternBoundary reports whether token j stops a pattern's gap: like
// boundary, but quotation marks do not ("recognises the Taliban's
// “efforts”").
func (st *state) patternBoundary(j int) bool {
	if st.toks[j].Kind == text.Quote || st.cls[j]&(cThat|cSay) != 0 {
		return false
	}
	return st.boundary(j)
}

// boundary reports whether token j ends the search for a subject or target.
func (st *state) boundary(j int) bool {
	c := st.cls[j]
	if c&(cRel|cSubord|cThat|cSay) != 0 {
		return true
	}
	switch st.toks[j].Kind {
	case text.Punct:
		w := st.normOf(j)
		if w == "-" && j > 0 && st.toks[j-1].End == st.toks[j].Start {
			return false // "anti- Gondor": a hyphen, not a dash
		}
		return w == ";" || w == ":" || w == "(" || w == ")" || w == "-" || w == "--"
	case text.Quote:
		return true
	}
	return false
}

// subject finds the subject of the verb whose group starts before token j:
// walking left, the nearest actor phrase that is neither the object of a
// preposition nor a possessive, within the clause; a coordinated verb
// shares the subject of prev, a relative clause takes its antecedent. It
// stops at a verb that already coded an event. Failing all that, a state
// that only modifies the subject noun stands in ("Ukrainian drones").
func (st *state) subject(j int, prev *anchor) (subj *np) {
	var fallback *np
	defer func() {
		if subj == nil {
			subj = fallback
		}
	}()
	if j >= 0 && st.commonSubject(j) {
		return nil
	}
	steps := 0
	for j >= 0 && steps < 30 {
		steps++
		if k := st.npAt[j]; k >= 0 {
			p := &st.nps[k]
			if !p.oblique && !p.poss {
				if r := st.relObject(p); r >= 0 {
					// "an earthquake that struck southwest Japan killed":
					// the relative clause's object is not the subject.
					j = r
					continue
				}
				return p
			}
			if (p.mod || p.poss && p.pron == "") && !p.oblique && !p.uncoded && fallback == nil {
				// "Ukrainian drones struck...", "Ukraine's grain exports
				// were blocked": the state, failing anything better.
				fallback = p
			}
			if st.opt.PossessiveHeads && p.poss && !p.oblique && p.pron == "" && !p.uncoded {
				return p // PETRARCH: "Eriador's death toll has risen" is Eriador's
			}
			j = p.s - 1
			continue
		}
		if st.isWord(j, ")") {
			// skip a parenthesis: "the European Union (EU) agree"
			d := j - 1
			for d >= 0 && j-d < 12 && !st.isWord(d, "(") {
				d--
			}
			if d >= 0 && st.isWord(d, "(") {
				j = d - 1
				continue
			}
		}
		if prev != nil && prev.coded && j >= prev.s && j < prev.e {
			// "urged both sides to reach a deal": the subject of the verb
			// before, which already coded its event, is not this verb's.
			return nil
		}
		c := st.cls[j]
		if c&cConj != 0 && prev != nil && prev.e <= j && !st.opt.NullActors && st.conjVerb(j) {
			// The verb before may be a noun ("…against potash exports, but
			// also warned"): the subject is that of the last verb, even an
			// uncoded one ("the minister vowed to fight the U.S. action but
			// warned …" is not the U.S. warning).
			for k := len(st.anchors) - 1; k >= 0; k-- {
				v := &st.anchors[k]
				if v.e > j || v.nounUse || v.verb.noun || !v.coded && v.s > 0 && st.npAt[v.s-1] >= 0 && !st.nps[st.npAt[v.s-1]].uncoded {
					continue // a noun: "potash exports", "the U.S. tariffs"
				}
				if v.subject != nil {
					return v.subject
				}
				if v.subjUncoded {
					return v.subjAgent
				}
			}
		}
		if c&cConj != 0 && prev != nil && prev.e <= j && prev.subject == nil && prev.subjAgent != nil {
			return prev.subjAgent // "Police fired tear gas and arrested …"
		}
		if c&cConj != 0 && prev != nil && prev.e <= j && prev.subject != nil {
			// "condemned the attack and promised aid", "visited North Korea
			// and met Kim Jong Un": no subject between the conjunction and
			// the verb, so it shares the subject of the verb before it.
			return prev.subject
		}
		if c&cRel != 0 {
			// "a senior figure ... who led talks": the antecedent.
			k := j - 1
			if k >= 0 && st.isWord(k, ",") {
				k--
			}
			for k >= 0 && st.npAt[k] < 0 && st.toks[k].Kind == text.Word && st.cls[k]&cPrep == 0 && j-k < 6 {
				k--
			}
			if k >= 0 && st.npAt[k] >= 0 {
				p := &st.nps[st.npAt[k]]
				return p
			}
			return nil
		}
		if st.boundary(j) {
			if c&cSay != 0 && j+1 < len(st.toks) && st.isWord(j+1, ",") {
				// "..., he said, ..." parenthetical: keep going left.
				j--
				continue
			}
			if prev != nil && c&cConj == 0 && prev.e <= j && prev.subject != nil && st.cls[j]&cSubord != 0 && j+1 < len(st.toks) && st.cls[j+1]&cTo != 0 {
				return prev.subject
			}
			return nil
		}
		j--
	}
	return nil
}

// conjVerb reports whether the conjunction at token j is followed, after
// adverbs, by a verb rather than a phrase: "but also warned".
func (st *state) conjVerb(j int) bool {
	k := j + 1
	for k < len(st.toks) && (st.cls[k]&cAdv != 0 || st.isWord(k, "also") || st.isWord(k, "then")) {
		k++
	}
	if k >= len(st.toks) || st.npAt[k] >= 0 {
		return false
	}
	e, _ := st.c.verbT.longest(st.sentView(), k)
	return e > k
}

// relObject returns the relative pronoun when phrase p is the object of a
// relative clause ("that struck southwest Japan", "which hit the city"),
// and -1 otherwise.
func (st *state) relObject(p *np) int {
	for k := p.s - 1; k >= 1 && p.s-k <= 4; k-- {
		if st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 || st.cls[k]&(cPrep|cConj|cAux|cModal|cSay|cRel|cThat) != 0 || st.npAt[k] >= 0 {
			return -1
		}
		if st.cls[k-1]&(cRel|cThat) != 0 && !st.isWord(k-1, "what") {
			if st.cls[k]&(cDet|cPossPron) != 0 || st.isAdj(k) {
				return -1 // "assured Moi that the IMF would …": the clause's subject
			}
			return k - 1
		}
	}
	return -1
}

// commonSubject reports whether the word just before a verb is a common
// noun that names no actor, so the verb has no coded subject: in "…,
// economists warned" the subject is the economists, in "the report said"
// the report, in "Finance Ministry figures released" the figures, not a
// state named earlier in the sentence. A singular noun needs a determiner
// before it; nouns of time ("last week") do not count.
func (st *state) commonSubject(j int) bool {
	if st.opt.NullActors || st.npAt[j] >= 0 || st.cls[j] != 0 || st.toks[j].Kind != text.Word || st.toks[j].Flags&text.Cap != 0 {
		return false
	}
	w := st.normOf(j)
	if len(w) < 4 || adverbS[w] || timeNoun[w] || st.isDate(j) || strings.HasSuffix(w, "ly") || strings.ContainsRune(w, '-') {
		return false
	}
	if e, vals := st.c.verbT.longest(st.sentView(), j+1); e > j+1 && st.c.verbs[vals[len(vals)-1]].noun {
		return false // "a five-day visit": the word modifies an event noun
	}
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ous") {
		// a singular noun only after a determiner: "the report said",
		// "the rate agreed in 1986"
		return j > 0 && st.cls[j-1]&cDet != 0 && !st.isWord(j-1, "that")
	}
	if j > 0 && st.npAt[j-1] >= 0 && st.nps[st.npAt[j-1]].uncoded {
		return true // "Finance Ministry figures released"
	}
	return j == 0 || st.isWord(j-1, ",") || st.cls[j-1]&cDet != 0
}

// timeNoun lists nouns of time that stand between a subject and its verb
// ("the United States last week imposed").
var timeNoun = map[string]bool{"week": true, "month": true, "year": true, "weekend": true, "night": true, "morning": true,
	"afternoon": true, "evening": true, "today": true, "tonight": true, "yesterday": true, "decade": true, "time": true,
	"earlier": true, "later": true, "weeks": true, "months": true, "years": true, "days": true}

// adverbS lists adverbs ending in "s", which commonSubject must not take
// for plural nouns.
var adverbS = map[string]bool{"always": true, "sometimes": true, "perhaps": true, "nevertheless": true, "thus": true,
	"afterwards": true, "besides": true, "nonetheless": true, "towards": true, "backwards": true, "forwards": true}

// objectAfter finds the first actor phrase at or after token j within the
// clause, looking at most limit tokens ahead.
func (st *state) objectAfter(j, limit int, locativeNotTarget bool) *np {
	n := len(st.toks)
	var poss *np
	// poss holds an agent with no state ("arrested dozens of protesters"):
	// the target only if no coded actor follows; agentInPlace may code it.
	for k := j; k < n && k < j+limit; k++ {
		if x := st.npAt[k]; x >= 0 {
			p := &st.nps[x]
			if p.s < j {
				continue
			}
			if p.uncoded {
				if poss == nil && p.agent != "" && !p.name && p.pron == "" {
					poss = p
				}
				continue
			}
			if p.oblique && st.c.locPrep[p.prep] && poss != nil && poss.agent != "" {
				// "kidnapped 20 students from a school in northern Nigeria":
				// the students, not the place.
				return poss
			}
			if p.oblique && st.isWordID(p.prep, "off") && !st.opt.NullActors {
				// "attacked a ship off Yemen": where, not whom
				k = p.e - 1
				continue
			}
			if p.oblique && st.c.locPrep[p.prep] && locativeNotTarget {
				// "announced the package in Berlin": a place, not a target
				k = p.e - 1
				continue
			}
			if p.e < n && st.cls[p.e]&cSay != 0 {
				// "…, Saudi Arabia and the United States said": the
				// reporters of the sentence, not the verb's object.
				return nil
			}
			if p.poss && p.pron != "" {
				// "welcomed their resumption of ties with Osgiliath",
				// "persecuting its foes": a possessive pronoun is not the
				// object.
				k = p.e - 1
				continue
			}
			if p.mod && len(p.members) > 0 && p.members[0].kind == petrel.KindCountry {
				// "extradited a Russian suspect to the United States": a
				// later actor is the target; the modifier only if none.
				// (An IGO modifier is the target: "vetoed a U.N. resolution".)
				if poss == nil || poss.uncoded {
					poss = p
				}
				k = p.e - 1
				continue
			}
			return p
		}
		if poss != nil && poss.uncoded && k == poss.e && st.participleAfter(k) {
			// "arrested three people suspected of spying for China": what
			// follows describes the people; China is not the target.
			return poss
		}
		if st.cls[k]&cThat != 0 && k-j <= 4 {
			continue // "expressed hopes on Thursday that Osgiliath could..."
		}
		if st.cls[k]&cConj != 0 && !st.opt.SayTargets {
			break // "ready for talks but accused Kyiv": a new verb phrase
		}
		if st.boundary(k) || st.isWord(k, ",") && k > j+1 && st.cls[k+min(1, n-1-k)]&(cRel|cSubord|cConj) != 0 {
			break
		}
	}
	return poss
}

// objectAfterIn finds an actor between the verb and the end of its
// matched pattern ("allowed that Mordor isn't a really pleasant place"):
// inside a pattern's span, "that" does not end the search.
func (st *state) objectAfterIn(j, end int, stmt bool) *np {
	var agent *np // an agent with no state ("placed President Ali Bongo under house arrest"), failing a coded actor
	for k := j; k < end && k < len(st.toks); k++ {
		if x := st.npAt[k]; x >= 0 {
			p := &st.nps[x]
			if p.uncoded && agent == nil && p.s >= j && p.agent != "" && !p.name && p.pron == "" && !st.opt.NullActors {
				agent = p
			}
			if p.s < j || p.uncoded || p.poss && p.pron != "" {
				continue
			}
			if p.oblique && st.c.locPrep[p.prep] && stmt {
				continue
			}
			return p
		}
		if st.patternBoundary(k) {
			return agent
		}
	}
	return agent
}

// codeAnchor tries the anchor's patterns and adds the events it gives.
func (st *state) codeAnchor(idx int, a *anchor, prev *anchor) (end int) {
	end = a.e
	v := a.verb
	before, neg, intent, passiveBe, qual := st.verbGroup(a.s)
	passive := passiveBe && !v.noun && st.participle(a.e-1)
	if !passive && !v.noun && st.opt.UnnamedActors && victimVerb[v.lemma] {
		// "a resident died under shelling", "Ukraine lost 100 soldiers":
		// the subject suffered the event, as in a passive.
		passive = true
	}
	headline := false
	if !passive && !v.noun && !st.opt.NullActors && (st.reducedRelative(a) || st.headlinePassive(a)) {
		headline = st.opt.UnnamedActors && a.s > 0 && st.npAt[a.s-1] < 0
		// "a British couple detained in Afghanistan since February": a
		// participle after its noun is a passive without "be".
		passive = true
	}
	a.passive = passive
	subj := st.subject(before, prev)
	if prev != nil && prev.subject != nil && a.s > 0 && st.isWord(a.s-1, ",") && strings.HasSuffix(st.normOf(a.s), "ing") && !st.opt.NullActors {
		// "…struck a convoy, killing seven soldiers": the participle's
		// subject is the main clause's.
		subj = prev.subject
	}
	if a.s >= 2 && !v.noun && !st.opt.NullActors && strings.HasSuffix(st.normOf(a.s), "ing") && st.toks[a.s-1].Kind == text.Word &&
		st.toks[a.s-1].Flags&text.Cap == 0 && st.cls[a.s-1] == 0 && st.npAt[a.s-1] < 0 {
		// "a European Union statement criticising Israel": the participle
		// says what the noun before it does, so its source is whoever
		// that noun belongs to, not the subject of the clause.
		if x := st.npAt[a.s-2]; x >= 0 && st.nps[x].e == a.s-1 && !st.nps[x].uncoded && !st.nps[x].oblique && (st.nps[x].mod || st.nps[x].poss) {
			subj = &st.nps[x]
		}
	}
	if subj == nil {
		// "announced the package after talks with Zelensky": an event noun
		// after "after", "before", "following" or "during" belongs to the
		// subject of the clause around it.
		j := a.s - 1
		for j >= 0 && st.isAdj(j) {
			j--
		}
		if j >= 0 && (st.isWord(j, "after") || st.isWord(j, "before") || st.isWord(j, "following") || st.isWord(j, "during")) {
			if prev != nil && prev.subject != nil {
				subj = prev.subject
			} else {
				subj = st.subject(j-1, prev)
			}
		}
	}
	if prev != nil && prev.coded && prev.e <= a.s && st.purposeNoun(a.s) {
		// "hosted the group for international talks": the talks are the
		// verb's purpose, already coded by it.
		if st.trace != nil {
			st.dropped(a, "", "the purpose of the verb before it, which codes the event")
		}
		// A verb coordinated after it ("denied it intended to threaten
		// shipping and warned the U.S.") shares the subject of the verb
		// whose purpose this is.
		a.subject = prev.subject
		return end
	}
	if v.noun && prev != nil && prev.coded && subj != nil && prev.e <= a.s && subj.s < a.s || v.noun && prev != nil && prev.coded && subj != nil && subj.s >= prev.e {
		// "hosted the group for international talks": the noun's source
		// is not the subject of the verb that governs it.
		subj = nil
	}
	st.subjRole = role{how: "the nearest actor left of the verb (clause walk)"}
	st.agentRole = role{how: "inferred (no agent named)"}
	if st.force.on {
		// coding again with the subject the parse read (clauses.go)
		subj, st.subjRole = st.force.subj, st.force.role
		passive = passive || st.force.passive
	}
	a.subject = subj
	if subj != nil && subj.uncoded {
		a.subject = nil
		a.subjUncoded = true
		if subj.agent != "" && st.opt.UnnamedActors {
			a.subjAgent = subj
		}
	}
	// best is a value and m points at it only when a pattern matched:
	// a pointer to the loop's result would move every match to the heap.
	var best match
	var m *match
	for _, p := range v.patterns {
		if p.code == "+++" {
			continue // TABARI's "ignore this pattern"
		}
		if a.nounUse && !p.hasSource && !p.hasTarget {
			continue // a noun codes only with a named party: "talks with +", "an attack by $"
		}
		if mm, ok := st.tryPattern(p, a); ok {
			best = mm
			m = &best
			break
		}
	}
	if a.deferred && (m == nil || m.end <= a.e+1) {
		if st.trace != nil {
			st.dropped(a, "", "an intent word with no pattern of its own beyond \"to\"")
		}
		return end
	}
	if a.nounUse && (m == nil || m.src == nil && m.tgt == nil && !(m.p.hasTarget && subj != nil && !subj.uncoded && st.placeAfterCode(a.e, 6, m.p.code) != nil)) {
		// A noun with no party named codes nothing ("thanked Britain for
		// its support"); a place may stand for its target ("the Russian
		// attacks on Kharkiv").
		if st.trace != nil {
			st.dropped(a, "", "a noun with no party named in its pattern")
		}
		return a.e
	}
	code := v.code
	rule := v.rule
	var src, tgt *np
	if m != nil && !m.p.hasSource && m.preStart >= 0 && m.preStart <= before {
		// "Falastur noted that Cirith Ungol regretted": with pattern words
		// before the verb, its subject stands before them.
		if s := st.subject(m.preStart-1, prev); s != nil {
			subj = s
			a.subject = s
		}
	}
	if m != nil {
		code, rule = m.p.code, m.p.rule
		src, tgt, end = m.src, m.tgt, m.end
		if m.compound && m.compoundPost && subj != nil && !subj.uncoded && subj != m.src {
			src, tgt = subj, m.src
			m.compound = false
		}
	}
	if code == "" || code == "---" {
		a.blocked = m != nil
		if st.trace != nil {
			if m != nil {
				st.dropped(a, "", "pattern "+rule+" codes nothing")
			} else {
				st.dropped(a, "", "no pattern matched and the verb has no code of its own")
			}
		}
		return
	}
	if st.opt.UnnamedActors && prev != nil && prev.violent && a.s > 0 && st.isWord(a.s-1, ",") &&
		strings.HasSuffix(st.normOf(a.s), "ing") && (agentlessCode(code) || strings.HasPrefix(code, "17")) {
		// "attacked a bus, killing 12": the toll of the attack coded
		// before, not another event.
		if st.trace != nil {
			st.dropped(a, code, "the toll of the event before it, not another event")
		}
		return end
	}
	if st.opt.UnnamedActors && (a.nounUse || v.noun) && localCode(code) && st.topicBefore(a.s) {
		// "expelled a diplomat over the killing of a separatist": the
		// killing is what the dispute is about, reported elsewhere.
		if st.trace != nil {
			st.dropped(a, code, "the topic of another act (after \"over\")")
		}
		return end
	}
	meansSubject := false
	if !passive {
		code, meansSubject = st.byMeans(a, code, subj)
		if meansSubject {
			// "a roadside bomb killed three soldiers": no one named.
			subj, a.subject = nil, nil
			if m == nil || m.src == nil {
				src = st.agentless(a.s)
			}
		}
	}
	if passive && (m == nil || !m.p.hasSource) {
		// "is being attended by officials": the by-phrase is the source and
		// the grammatical subject the target.
		k := st.byAgent(a.e)
		if k != nil {
			st.agentRole = role{how: "the by-phrase of the passive (clause walk)"}
		} else if st.opt.Parse {
			k = st.clauseAgent(idx, a)
		}
		if k != nil {
			src = k
			if tgt == nil || tgt == k || subj != nil && tgt.oblique && st.c.locPrep[tgt.prep] && !st.opt.NullActors {
				// ("was arrested at his home in Kampala by police": the
				// place is where, the subject whom)
				tgt = subj
			}
		} else if st.opt.PassiveSubjectSource {
			passive = false // PETRARCH reads "X was criticized over Y" as X → Y
		} else if s := st.implicitAgent(code, subj); s != nil {
			// "Imran Khan was arrested in Islamabad": the state's police.
			src, tgt = s, subj
		} else if st.opt.UnnamedActors && subj == nil && agentlessCode(code) && st.victimBefore(a.s) != nil && st.agentlessOK(v, m, st.victimBefore(a.s)) {
			// "Over 30 Ukrainian soldiers killed in …": the quantity's
			// preposition made the victims oblique.
			src, tgt = st.agentless(a.s), st.victimBefore(a.s)
			if st.trace != nil {
				st.tracef("  verb %q: agentless passive, source ---", st.toks2text(a.s, a.e))
			}
		} else if st.opt.UnnamedActors && agentlessCode(code) && (st.agentlessOK(v, m, subj) || headline && subj == nil && st.numberBefore(a.s)) && (subj != nil || st.propertyBefore(before) || st.numberBefore(a.s) || headline) {
			// "a convoy was looted", "two aid workers were abducted":
			// no agent named, but the event happened to someone.
			src = st.agentless(a.s)
			if tgt == nil {
				tgt = subj
			}
			if st.trace != nil {
				st.tracef("  verb %q: agentless passive, source ---", st.toks2text(a.s, a.e))
			}
		} else {
			if st.trace != nil {
				st.dropped(a, code, "agentless passive, no source")
			}
			return
		}
	}
	if passive && m != nil && m.p.hasSource && tgt == nil && subj != src {
		tgt = subj // "soldiers were killed by Hezbollah fire" with "* by $"
	}
	srcFromSubj := false
	if src == nil {
		src, srcFromSubj = subj, true
	}
	if src == nil && tgt != nil && st.opt.UnnamedActors && victimNoun[v.lemma] {
		src = st.agentless(a.s) // "losses of the Armed Forces of Ukraine amounted to 40"
	}
	defaultTarget := tgt == nil
	var shared *np // an object shared with a coordinated verb (clauses.go)
	if tgt == nil && (m == nil || !m.p.hasTarget || st.opt.OptionalTarget) && !passive {
		// For statements, "in Berlin" is where it was said, not to whom.
		stmt := strings.HasPrefix(code, "01") || strings.HasPrefix(code, "14") ||
			cooperation(code) && !st.opt.NullActors // "discussed the conflict in Sudan", "signed the deal in Washington"
		switch {
		case pureSay[st.normOf(a.s)] && !st.opt.SayTargets:
			// "Lavrov said Moscow regretted …": the actor after a verb of
			// saying is the subject of what was said, not its target.
		case end > a.e:
			// "hosted the group for talks": the object may stand between
			// the verb and the pattern's words.
			if tgt = st.objectAfterIn(a.e, end, stmt); tgt != nil && tgt.uncoded && !strings.HasPrefix(code, "17") && !strings.HasPrefix(code, "18") {
				tgt = nil // an uncoded agent in the span is a victim only of coercion or assault; "massed troops" are the means
			}
			if tgt == nil || tgt.uncoded {
				if t := st.objectAfter(end, 12, stmt); t != nil && (tgt == nil || !t.uncoded && !(t.oblique && st.c.locPrep[t.prep])) {
					tgt = t
				}
			}
		default:
			tgt = st.objectAfter(end, 12, stmt)
			if tgt == nil && st.opt.Parse {
				shared = st.clauseObject(idx, a, end)
				tgt = shared
			}
		}
	}
	if st.trace != nil {
		st.srcWhy, st.tgtWhy = st.roles(idx, a, m, src, tgt, subj, shared, passive)
		defer func() { st.srcWhy, st.tgtWhy = "", "" }()
	}
	st.curCode = code
	if src != nil && src.uncoded && src.agent != "" {
		// "Soldiers detained President Mohamed Bazoum": coercion and
		// violence are mostly domestic, so failing a place the agent
		// takes its victim's state. Only a victim inside a state
		// (NERGOV, not NER: "soldiers attacked Israel" are not Israel's),
		// and not troops, who serve abroad ("militias attacked U.S. troops"),
		// and not a partner after "with" ("a military clash with Iran").
		home := ""
		if tgt != nil && !tgt.uncoded && len(tgt.members) == 1 && len(tgt.members[0].code) > 3 && !strings.HasSuffix(tgt.members[0].code, "MIL") && !(tgt.oblique && st.isWordID(tgt.prep, "with")) && (strings.HasPrefix(code, "17") || strings.HasPrefix(code, "18") ||
			strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")) {
			home = tgt.members[0].country
		}
		src = st.agentInPlace(src, home)
	}
	if tgt != nil && tgt.uncoded && tgt.agent != "" {
		// Arrests and protests are mostly domestic: "Hong Kong police
		// arrested activist Joshua Wong" → HKGCOP → HKGOPP.
		home := ""
		if src != nil && !src.uncoded && len(src.members) == 1 && (strings.HasPrefix(code, "17") || strings.HasPrefix(code, "14") ||
			strings.HasPrefix(code, "08")) { // "Belarus released 16 opposition activists"
			home = src.members[0].country
		}
		if src != nil && !src.uncoded && len(src.members) == 1 && strings.HasSuffix(src.members[0].code, "COP") && localCode(code) {
			// Police act at home: "police in Bangladesh opened fire on
			// student protesters" → BGDCOP → BGDOPP.
			home = src.members[0].country
		}
		tgt = st.agentInPlace(tgt, home)
	}
	if src != nil && src.uncoded && src.agent != "" {
		src = st.unnamedAgent(src, idx)
	}
	if tgt != nil && tgt.uncoded && tgt.agent != "" {
		tgt = st.unnamedAgent(tgt, idx)
	}
	if st.hypothetical(before, subj) {
		if st.trace != nil {
			st.dropped(a, code, "in an if/unless clause, not an event")
		}
		return end
	}
	if srcFromSubj && !st.force.on && st.opt.Parse && !v.noun && !a.nounUse && !(code == "010" && tgt == nil && st.opt.DyadicStatements) {
		// The clause walk may have the wrong subject, or none: where it is
		// in doubt, the parse decides, and the verb is coded again.
		if p, pass, r, ok := st.clauseSubject(idx, a, prev, before, subj, src == nil || src.uncoded, passive); ok {
			if st.trace != nil {
				st.tracef("  %q: the parse reads %q as its subject (%s); coding it again", st.toks2text(a.s, a.e), st.toks2text(p.s, p.e), st.describe(r))
			}
			st.force = forced{on: true, subj: p, passive: pass, role: r}
			end = st.codeAnchor(idx, a, prev)
			st.force = forced{}
			return end
		}
	}
	if src == nil || src.uncoded {
		if st.trace != nil {
			if src != nil {
				st.dropped(a, code, "no coded source ("+strconv.Quote(st.toks2text(src.s, src.e))+" is no actor in the dictionaries)")
			} else {
				st.dropped(a, code, "no coded source")
			}
		}
		if st.opt.NullActors {
			return end // PETRARCH: a matched pattern consumes its words
		}
		return a.e // its pattern's words may still be anchors of their own
	}
	if tgt == src {
		tgt = nil
	}
	if tgt != nil && tgt.pron != "" && src != nil && len(src.members) == 1 && len(tgt.members) == 1 &&
		tgt.members[0].code == src.members[0].code && defaultTarget {
		// "Iran warned it would strike back if Israel attacked": "it" is
		// the source again; the target comes after it.
		tgt = st.objectAfter(tgt.e, 12, false)
	}
	q := strings.Join(qual, " ")
	baseCode := code // before negation or intent changes it
	if neg && st.refusedSpeech && !st.opt.IgnoreNegation && (st.cls[a.s]&cSay != 0 || speechVerb[v.lemma]) {
		// "declined to say", "refused to comment": no comment (011), not a
		// refusal of anything.
		code, neg = "011", false
		q = "declined to comment"
	}
	if neg && !st.opt.IgnoreNegation {
		nc := ""
		if st.opt.Negation && st.volitional {
			// Only a refusal ("would not join", "refused to meet") is an
			// event; "did not attend" reports that nothing happened.
			nc = negate(code)
		}
		if nc == "" {
			if st.trace != nil {
				st.dropped(a, code, "negated ("+q+"), and no refusal code for it")
			}
			return
		}
		code = nc
		q = "negated: " + q
	} else if intent && st.opt.Modality {
		if ic := intend(code); ic != "" {
			code = ic
			q = "intent: " + q
		}
	}
	if code == "010" && (!st.opt.Statements || (st.opt.DyadicStatements && (tgt == nil || tgt.uncoded))) {
		// A statement with no one it is addressed to or about is kept as
		// speech (quotes), not as an event.
		if st.trace != nil {
			st.dropped(a, code, "a statement with no target: kept as speech, not an event")
		}
		return end
	}
	codes := []string{code}
	if c1, c2, ok := strings.Cut(code, ":"); ok {
		codes = []string{c1, c2}
	}
	vs, ve := st.toks[a.s].Start, st.toks[a.e-1].End
	emit := func(code string, s, t *member) {
		if sp := st.speaker; sp != nil && s != nil && len(s.code) == 3 && s.kind == petrel.KindCountry &&
			len(sp.code) > 3 && strings.HasPrefix(sp.code, s.code) && s != sp {
			// "Japan will provide aid to Ukraine, Prime Minister Fumio
			// Kishida said": the state acts through the speaker.
			up := *s
			up.code = sp.code
			s = &up
		}
		if t == nil && st.opt.HostTarget && (strings.HasPrefix(code, "04") || strings.HasPrefix(baseCode, "04")) && code != "045" && baseCode != "045" {
			// a consultation, or a refusal of one ("would not join the
			// talks in the Russian capital"), is with the host; a mediator
			// is not a party to the talks it hosts
			t = st.hostOf(s)
		}
		if st.opt.UnnamedActors {
			if v.lemma == "strike" && (labourRole(agentRole(s.code)) || t != nil && labourRole(agentRole(t.code))) {
				// "a strike by bank officers", "1,700 workers struck":
				// a labour strike, by the workers.
				if t != nil && labourRole(agentRole(t.code)) && !labourRole(agentRole(s.code)) {
					s = t
				}
				code, t = "143", nil
			}
			if code = violenceKind(code, v.lemma, s, t); code == "" {
				return
			}
		}
		if st.addEvent(idx, code, s, t, vs, ve, rule, q, a.s) {
			a.coded = true
			if localCode(code) && !strings.HasPrefix(code, "15") {
				a.violent = true
			}
			if strings.HasPrefix(code, "11") || strings.HasPrefix(code, "12") || code == "016" {
				a.disapproval = true
			}
			if strings.HasPrefix(code, "17") {
				a.coercion = true
			}
		}
	}
	if m != nil && m.compound && src != nil && tgt == nil && !m.compoundPost {
		// "Gondor and Osgiliath have postponed their meeting after ...
		// Cirith Ungol": each member acts on a target if one is named.
		if t := st.objectAfter(end, 12, false); t != nil && t != src {
			tgt = t
			m.compound = false
		}
	}
	if m != nil && m.compound && src != nil {
		for i := range src.members {
			for j := range src.members {
				if i != j {
					emit(codes[0], &src.members[i], &src.members[j])
				}
			}
		}
		return
	}
	if tgt != nil && !tgt.uncoded && (defaultTarget || !st.opt.NullActors) && len(src.members) > 1 && reciprocal(codes[0]) &&
		(tgt.oblique && (st.isWordID(tgt.prep, "by") || st.c.locPrep[tgt.prep] || st.isWordID(tgt.prep, "on") || st.isWordID(tgt.prep, "over") || st.isWordID(tgt.prep, "about")) ||
			st.hyphenBacked(tgt.e-1)) {
		// "Saudi Arabia and Iran agreed to restore relations in a deal
		// brokered by China": mutual, and China is no party to it; nor is
		// the topic ("agreed to work closely on North Korea"), nor the
		// sponsor ("held EU-brokered talks").
		tgt = nil
	}
	if (tgt == nil || tgt.uncoded) && len(src.members) > 1 && (reciprocal(codes[0]) || len(codes) == 2) && !st.withPhrase(end) {
		// (a pair code says the act is mutual: "exchanged accusations")
		for i := range src.members {
			for j := range src.members {
				if i != j {
					emit(codes[0], &src.members[i], &src.members[j])
				}
			}
		}
		return end
	}
	var place *member
	if (tgt == nil || tgt.uncoded) && !passive && !pureSay[st.normOf(a.s)] && codes[0][:2] != "01" {
		place = st.placeAfterCode(end, 7, codes[0])
	}
	for i := range src.members {
		s := &src.members[i]
		if tgt == nil || tgt.uncoded {
			emit(codes[0], s, place)
			continue
		}
		for j := range tgt.members {
			t := &tgt.members[j]
			emit(codes[0], s, t)
			if len(codes) == 2 && codes[1] != "---" {
				emit(codes[1], t, s)
			}
		}
	}
	return end
}

// hasObject reports whether a noun phrase follows token j: a determiner,
// number or lower-case content word, after any adverbs and dates.
func (st *state) hasObject(j int) bool {
	for k := j; k < len(st.toks); k++ {
		if st.isDate(k) || st.cls[k]&cAdv != 0 {
			continue
		}
		t := st.toks[k]
		if st.cls[k]&(cDet|cPossPron|cNumber) != 0 || t.Kind == text.Number {
			return true
		}
		return t.Kind == text.Word && st.cls[k] == 0 && t.Flags&text.Cap == 0 && !st.verbAt(k)
	}
	return false
}

// isDate reports whether token k is part of a date expression, or the
// preposition that introduces one ("on Saturday").
func (st *state) isDate(k int) bool {
	return k < len(st.dateTok) && st.dateTok[k]
}

// markDates fills dateTok from the sentence's date expressions.
func (st *state) markDates() {
	n := len(st.toks)
	if cap(st.dateTok) < n {
		st.dateTok = make([]bool, n)
	}
	st.dateTok = st.dateTok[:n]
	clear(st.dateTok)
	if len(st.dates) == 0 {
		return
	}
	for k := 0; k < n; k++ {
		pos := st.toks[k].Start
		for _, d := range st.dates {
			if d.Span.Start <= pos && pos < d.Span.End {
				st.dateTok[k] = true
				if k > 0 && !st.dateTok[k-1] {
					switch st.normOf(k - 1) {
					case "on", "in", "at", "by", "during", "since", "until", "from", "last", "next", "this", "early", "late", "earlier", "later":
						st.dateTok[k-1] = true
					}
				}
				break
			}
		}
	}
}

// sentenceSpeaker finds who the sentence is attributed to: the actor right
// before or after a verb of saying ("…, Prime Minister Fumio Kishida
// said", "said Lavrov").
func (st *state) sentenceSpeaker() *member {
	for k := range st.toks {
		if st.cls[k]&cSay == 0 || !pureSay[st.normOf(k)] { // the class bit first: no map lookup per token
			continue
		}
		if k > 0 && st.npAt[k-1] >= 0 {
			if p := &st.nps[st.npAt[k-1]]; !p.uncoded && !p.oblique && len(p.members) == 1 {
				return &p.members[0]
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

// withPhrase reports whether the clause after token j has "with"
// (an uncoded partner: "struck agreement with commercial banks").
func (st *state) withPhrase(j int) bool {
	for k := j; k < len(st.toks) && k < j+10; k++ {
		if st.boundary(k) {
			return false
		}
		if st.isWord(k, "with") {
			return true
		}
	}
	return false
}

// reciprocal reports whether an event with this code between the members
// of a compound subject is mutual: "Gondor and Osgiliath renewed ties",
// "the EU and China signed an agreement".
func reciprocal(code string) bool {
	if len(code) < 2 {
		return false
	}
	if code[:2] == "03" || code[:2] == "06" {
		return true
	}
	switch code {
	case "040", "041", "044", "046", "050", "057", "064", "190", "193", "0871":
		return true // not 045: co-mediators do not mediate between themselves
	}
	return false
}

// placeAfter finds a place named as the object of the verb ("shelled the
// city of Kharkiv", "visited Kyiv"), for a target when no actor is named.
func (st *state) placeAfter(j, limit int) *member {
	return st.placeAfterCode(j, limit, "")
}

// placeAfterCode is placeAfter for an event code: for threats, force and
// violence (roots 13, 15, 17–20) a place after "in" or "at" is where the
// target is ("would launch a ground offensive in Rafah").
func (st *state) placeAfterCode(j, limit int, code string) *member {
	force := false
	if len(code) >= 2 {
		switch code[:2] {
		case "13", "15", "17", "18", "19", "20":
			force = true
		}
	}
	n := len(st.toks)
	s := st.sentView()
	for k := j; k < n && k < j+limit; k++ {
		if st.boundary(k) || st.isWord(k, ",") || st.cls[k]&cConj != 0 || k > j && st.verbAt(k) && (st.opt.NullActors || !st.nounContext(k)) {
			return nil // the place must be this verb's object ("a power plant in Kharkiv": a noun)
		}
		if st.isWord(k, "off") || st.isWord(k, "near") && !force {
			return nil // "a ship off Yemen": a position, not the target's state
		}
		if st.cls[k]&cPrep != 0 && !st.isWord(k, "of") && !st.isWord(k, "to") && !st.isWord(k, "on") &&
			!(force && (st.isWord(k, "in") || st.isWord(k, "at") || st.isWord(k, "into"))) {
			return nil // "in Berlin", "at Cirith Ungol": where, not whom
		}
		if e, vals := st.c.placeT.longest(s, k); e > k {
			p := st.c.places[vals[len(vals)-1]]
			return &member{code: p.Country, country: p.Country, kind: petrel.KindCountry,
				start: st.toks[k].Start, end: st.toks[e-1].End, mention: -1, rule: "place " + p.Display}
		}
	}
	return nil
}

// agentInPlace codes an agent with no state ("police", "protesters") by
// the place the sentence names: "Police arrested dozens of protesters in
// Istanbul" → TURCOP → TUROPP. Without a place in the sentence it stays
// uncoded.
func (st *state) agentInPlace(p *np, home string) *np {
	if !st.opt.AgentPlaces || !localCode(st.curCode) {
		return p
	}
	c, how := home, inferParty
	if st.sentLoc != nil && st.sentLoc.Country != "" {
		c, how = st.sentLoc.Country, inferPlace
	}
	if c == "" {
		return p
	}
	q := *p
	q.members = []member{{code: c + p.agent, country: c, kind: petrel.KindCountry,
		start: st.toks[p.s].Start, end: st.toks[p.e-1].End, mention: -1, rule: "agent in " + c, inferred: how}}
	q.uncoded = false
	return &q
}

// isWordID reports whether word id w is the function word text.
func (st *state) isWordID(w int32, text string) bool {
	id, ok := st.c.words[text]
	return ok && id == w
}

// hypothetical reports whether the verb's clause is a condition ("if
// Israel attacked", "unless it paid"): what it describes has not happened.
func (st *state) hypothetical(before int, subj *np) bool {
	if st.opt.NullActors {
		return false // PETRARCH codes conditions as events
	}
	j := before
	if subj != nil && subj.s-1 < j {
		j = subj.s - 1
	}
	for k := j; k >= 0 && j-k < 4; k-- {
		switch st.normOf(k) {
		case "if", "unless", "whether":
			return true
		}
		if st.npAt[k] < 0 && st.toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// reducedRelative reports whether the anchor is a past participle right
// after a common noun and followed by a preposition: "a couple detained in
// Afghanistan", "civilians killed by shelling".
func (st *state) reducedRelative(a *anchor) bool {
	if a.s == 0 || a.e >= len(st.toks) || !st.participle(a.e-1) || !strings.HasSuffix(st.normOf(a.e-1), "ed") && !irregularParticiple[st.normOf(a.e-1)] {
		return false
	}
	prev := st.toks[a.s-1]
	if prev.Kind != text.Word || prev.Flags&text.Cap != 0 || st.cls[a.s-1] != 0 || st.npAt[a.s-1] >= 0 {
		return false
	}
	if st.cls[a.e]&cBy != 0 {
		return true // "civilians killed by shelling"
	}
	if a.e+1 < len(st.toks) && st.isWord(a.e, "at") && (st.isWord(a.e+1, "least") || st.isWord(a.e+1, "most")) {
		return false // "air strikes killed at least 40": an object follows
	}
	// Otherwise only verbs that always take an object: "a couple detained
	// in Afghanistan", but not "supporters clashed with police".
	if st.cls[a.e]&cPrep == 0 {
		return false
	}
	for _, p := range a.verb.patterns {
		if len(p.code) >= 2 && (p.code[:2] == "17" || p.code[:2] == "18") {
			return true
		}
	}
	return false
}

// implicitAgent gives an agentless passive of coercion its evident agent:
// an arrest or deportation is the police's, a ban or curfew the
// government's, of the state where it happens (or the victim's). Other
// agentless passives ("was attacked") stay without a source.
func (st *state) implicitAgent(code string, subj *np) *np {
	if !strings.HasPrefix(code, "17") || subj == nil || subj.uncoded || !st.opt.AgentPlaces {
		return nil
	}
	c := ""
	if st.sentLoc != nil {
		c = st.sentLoc.Country
	} else if len(subj.members) > 0 {
		c = subj.members[0].country
	}
	if c == "" {
		return nil
	}
	role := "GOV"
	if code == "173" || code == "174" {
		role = "COP"
	}
	return &np{s: subj.s, e: subj.e, members: []member{{code: c + role, country: c, kind: petrel.KindCountry,
		start: st.toks[subj.s].Start, end: st.toks[subj.e-1].End, mention: -1, rule: "implicit agent of a passive"}}}
}

// cooperation reports whether a code is a statement or verbal cooperation
// (roots 01–05): a place named after "in" or "at" is where it happened,
// never the other party. (For material cooperation it can be: "invest in
// the United States", "aid in Gaza".)
func cooperation(code string) bool {
	return len(code) >= 2 && code[0] == '0' && code[1] >= '1' && code[1] <= '5'
}

// localCode reports whether events with this code are mostly local, done
// by and to agents of the state where they happen: protest, force posture,
// coercion, assault, fighting, mass violence, and demands and criticism of
// them. For diplomacy ("the two leaders discussed the war in Ukraine") the
// place says nothing about who the agents are.
func localCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "14", "15", "17", "18", "19", "20":
		return true
	}
	return false
}

// byAgent finds "by ACTOR" right after a passive verb.
func (st *state) byAgent(j int) *np {
	n := len(st.toks)
	for k := j; k < n && k < j+8; k++ {
		if k > j && (st.boundary(k) || st.isWord(k, ",")) {
			return nil // "was arrested in Moscow by police": the clause only
		}
		if st.cls[k]&cBy != 0 {
			limit := k + 5
			for l := k + 1; l < n && l < limit; l++ {
				if x := st.npAt[l]; x >= 0 {
					return &st.nps[x]
				}
				if st.opt.UnnamedActors && st.isWord(l, "of") && l-k <= 3 {
					limit = l + 6 // "by a group of at least 10 armed men"
				}
			}
			return nil
		}
	}
	return nil
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

// participle reports whether token j looks like a past participle.
func (st *state) participle(j int) bool {
	w := st.normOf(j)
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") {
		return true
	}
	return irregularParticiple[w]
}

var irregularParticiple = map[string]bool{"met": true, "held": true, "led": true, "sent": true, "hit": true,
	"shot": true, "struck": true, "fought": true, "sought": true, "brought": true, "bought": true, "sold": true,
	"told": true, "said": true, "won": true, "made": true, "kept": true, "left": true, "put": true, "set": true,
	"cut": true, "built": true, "caught": true, "taught": true, "thought": true, "paid": true, "laid": true,
	"found": true, "lost": true, "spent": true, "spread": true, "bound": true, "fed": true, "fled": true}

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
				if i == len(p.post)-1 && e.kind == dict.ElemTarget && st.opt.OptionalTarget && (!st.hasObject(pos) || st.placeAfter(pos, 7) != nil) {
					// "X is also attending": a final target is optional when
					// the verb has no object at all; "suspended interest
					// payments" has one, and it is not an actor.
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
				if l := st.elemAt(e, k); l >= 0 {
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
	for _, w := range t.labels[t.first[0]:t.first[1]] {
		if st.words[(w>>6)&15]&(1<<(w&63)) != 0 {
			return true
		}
	}
	return false
}

// npLeft finds the nearest coded actor phrase ending at or before token j.
func (st *state) npLeft(j, limit int) *np {
	for k := j; k >= 0 && k > j-limit; k-- {
		if st.isWord(k, ")") {
			d := k - 1
			for d >= 0 && k-d < 12 && !st.isWord(d, "(") {
				d--
			}
			if d >= 0 {
				k = d
				continue
			}
		}
		if x := st.npAt[k]; x >= 0 && !st.nps[x].uncoded {
			return &st.nps[x]
		}
		if st.boundary(k) {
			return nil
		}
	}
	return nil
}

// npRight finds the nearest coded actor phrase starting at or after token j.
func (st *state) npRight(j, limit int) *np {
	for k := j; k < len(st.toks) && k < j+limit; k++ {
		if x := st.npAt[k]; x >= 0 && st.nps[x].uncoded && st.nps[x].agent != "" && st.participleAfter(st.nps[x].e) {
			return nil // "arrested three people suspected of spying for China": the people
		}
		if x := st.npAt[k]; x >= 0 && !st.nps[x].uncoded {
			p := &st.nps[x]
			if p.poss && p.pron != "" {
				k = p.e - 1 // "met his Chinese counterpart": not "his"
				continue
			}
			return p
		}
		if st.boundary(k) || st.isWord(k, ",") && k > j {
			return nil
		}
	}
	return nil
}

// participleAfter reports whether token k starts a participle phrase
// after a noun ("people suspected of spying", "protesters demanding").
func (st *state) participleAfter(k int) bool {
	if st.opt.NullActors || k >= len(st.toks) || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 || st.cls[k] != 0 {
		return false
	}
	w := st.normOf(k)
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// negate maps a negated event to the refusal the CAMEO codebook has for
// it, or "" when the negation means no event.
func negate(code string) string {
	switch {
	case strings.HasPrefix(code, "04"), code == "036":
		return "125"
	case code == "0311", code == "0611", code == "061":
		return "1211"
	case code == "0312", code == "062":
		return "1212"
	case strings.HasPrefix(code, "031"), strings.HasPrefix(code, "06"):
		return "121"
	case strings.HasPrefix(code, "033"), strings.HasPrefix(code, "07"):
		return "122"
	case strings.HasPrefix(code, "035"), strings.HasPrefix(code, "08"):
		return "124"
	case code == "038", code == "039", code == "045":
		return "126"
	case code == "057", code == "030", code == "037":
		return "127"
	case strings.HasPrefix(code, "05"), strings.HasPrefix(code, "032"):
		return "120" // "will not support Sweden's bid": a rejection
	}
	return ""
}

// intend maps a material or consultation code to the CAMEO code for the
// intent to do it: "willing to provide aid" is 033, not 070.
func intend(code string) string {
	switch code {
	case "045", "046":
		if code == "045" {
			return "039" // offered to mediate
		}
		return "036"
	case "0841", "0842":
		return "0353" // would release hostages
	case "0871", "0872", "0873", "0874":
		return "0356" // would withdraw troops, declare a ceasefire
	}
	switch {
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"), strings.HasPrefix(code, "20"):
		return "138" // "would launch a ground offensive": a threat of force
	case strings.HasPrefix(code, "17"):
		return "130"
	case strings.HasPrefix(code, "04"):
		return "036"
	case strings.HasPrefix(code, "05"):
		return "032"
	case code == "061":
		return "0311"
	case code == "062":
		return "0312"
	case code == "063":
		return "0313"
	case code == "064":
		return "0314"
	case strings.HasPrefix(code, "06"):
		return "031"
	case code == "071":
		return "0331"
	case code == "072":
		return "0332"
	case code == "073":
		return "0333"
	case code == "074":
		return "0334"
	case strings.HasPrefix(code, "07"):
		return "033"
	case code == "081":
		return "0351"
	case code == "082":
		return "0352"
	case code == "083", code == "084":
		return "0353"
	case code == "085":
		return "0354"
	case code == "086":
		return "0355"
	case code == "087":
		return "0356"
	case strings.HasPrefix(code, "08"):
		return "035"
	}
	return ""
}
