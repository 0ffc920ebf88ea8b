package coder

// The clause walk: the shallow reading of a verb's clause from the words
// around it, with no parser. The verb group (auxiliaries, modals,
// negation, intent words) left of the verb; the subject, walking left to
// the nearest actor phrase within the clause; the object, the first actor
// phrase after the verb or its pattern; the by-agent of a passive; and
// the word-level tests (boundaries, participles, reduced relatives) they
// share. Where the walk is in doubt, the parse decides (clauses.go).

import (
	"strconv"
	"strings"

	"petrel"
	"petrel/text"
)

// clause is what the clause stage reads of the verb of an anchor: the
// first token left of its verb group, what the group holds (negation,
// intent, the words that said so), its voice, and its subject (the
// grammatical one: the target of a passive).
type clause struct {
	before                         int
	neg, intent, passive, headline bool
	qual                           []string
	subj                           *np
}

// clauseOf reads the clause of anchor a, after anchor prev: the verb
// group and voice, and the subject by the clause walk, or the subject
// the parse gave when the verb is being coded again (clauses.go).
func (st *state) clauseOf(idx int, a, prev *anchor) clause {
	v := a.verb
	before, neg, intent, passiveBe, qual := st.verbGroup(a.s)
	if !v.noun && st.noSubject(before) {
		neg = true
		qual = append(qual, "no")
	}
	passive := passiveBe && !v.noun && st.anchorParticiple(a)
	if !passive && !v.noun && a.s >= 2 && (st.isWord(a.s-1, "found") || st.isWord(a.s-1, "discovered")) && st.beBetween(a.s-2, a.s-1) && st.anchorParticiple(a) {
		// "an activist was found beaten to death": what was found had
		// been done to the subject.
		passive = true
	}
	if !passive && !v.noun && st.opt.UnnamedActors && v.victim {
		// "a resident died under shelling", "Ukraine lost 100 soldiers":
		// the subject suffered the event, as in a passive.
		passive = true
	}
	if !passive && !v.noun && prev != nil && prev.passive && !prev.verb.noun && !prev.nounUse && st.beBetween(prev.s-3, prev.s) && st.anchorParticiple(a) && st.listBetween(prev.e, a.s) {
		// "had been killed, wounded or captured": a participle in a list
		// after a passive one with "be" is passive too (not after
		// "pirates boarded", read as a headline's passive).
		passive = true
	}
	headline := false
	if !passive && !v.noun && !st.opt.NullActors && (st.reducedRelative(a) || st.headlinePassive(a)) {
		headline = st.opt.UnnamedActors && a.s > 0 && st.npAt[a.s-1] < 0
		// "a British couple detained in Afghanistan since February": a
		// participle after its noun is a passive without "be".
		passive = true
	}
	var rel *np
	if !passive && !v.noun && !st.opt.NullActors && !st.force.on {
		// "a Croatian diplomat accused of spying was expelled": a
		// participle after its actor (clauses.go).
		if rel = st.relativeParticiple(a, before); rel != nil {
			passive = true
			a.relNoun = rel
		}
	}
	a.passive = passive
	subj := st.subject(before, prev)
	if rel != nil {
		subj = rel
	}
	if subj != nil && !passive && !v.noun && !st.opt.NullActors && !st.force.on {
		if k := st.participleObject(subj); k > 0 {
			// "a bomb attack on a bus carrying Shiite pilgrims killed":
			// the pilgrims are the participle's object, inside the
			// subject; the subject is further left, if it is an actor.
			subj = st.subject(k-1, prev)
		}
	}
	if passive && subj != nil && !st.force.on {
		if h := st.nameAppositive(before, subj); h != nil {
			// "The president of Haiti, Jovenel Moise, was assassinated":
			// the title before the unknown name is whom it happened to.
			subj = h
		}
	}
	if subj != nil && !passive && !v.noun && !st.opt.NullActors && !st.force.on && subj.s >= 1 && subj.e == a.s-1 &&
		st.cls[a.s-1]&cTo != 0 && visitWord[st.normOf(subj.s-1)] {
		// "Maharaz, visiting Ottawa to speak to a conference": the place
		// visited is not who speaks; the visitor is, further left.
		k := subj.s
		subj = nil
		if k >= 2 {
			subj = st.subject(k-2, prev)
		}
	}
	if subj != nil && len(subj.members) > 1 && subj.e == before+1 && !st.force.on {
		// "Israeli jets bombed Gaza and Hamas fired rockets": Hamas only
		if _, l, ok := st.splitAcrossClauses(subj, a, ""); ok {
			subj = l
		}
	}
	if sp := st.speakerBefore(a.s); sp != nil && strings.HasSuffix(st.normOf(a.s), "ing") && !v.noun && v.verbal && !st.opt.NullActors {
		// "Two drones attacked the Kremlin, Russian officials said,
		// blaming Ukraine": the participle after the attribution is the
		// speaker's act, not the main clause subject's.
		subj = sp
	} else if prev != nil && a.s > 0 && st.isWord(a.s-1, ",") && strings.HasSuffix(st.normOf(a.s), "ing") && !st.opt.NullActors {
		// "…struck a convoy, killing seven soldiers": the participle's
		// subject is the main clause's, coded or an unnamed agent
		// ("militants stormed a hotel, taking guests hostage").
		if prev.subject != nil {
			subj = prev.subject
		} else if prev.subjAgent != nil && st.opt.UnnamedActors && prev.violent {
			subj = prev.subjAgent
		}
	} else if prev == nil && subj != nil && (subj.poss || subj.mod) && a.s > 0 && st.isWord(a.s-1, ",") && strings.HasSuffix(st.normOf(a.s), "ing") &&
		!v.noun && st.opt.UnnamedActors {
		// "A cyclone battered Madagascar's east coast, destroying
		// thousands of homes": the participle's subject is the main
		// clause's, which no verb of the dictionaries coded; a state
		// owning a noun of that clause stands in for no one.
		subj = nil
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
	if v.noun && prev != nil && prev.coded && subj != nil && (prev.e <= a.s && subj.s < a.s || subj.s >= prev.e) {
		// "hosted the group for international talks": the noun's source
		// is not the subject of the verb that governs it.
		subj = nil
	}
	st.subjRole = role{how: "the nearest actor left of the verb (clause walk)"}
	st.agentRole = role{how: "inferred (no agent named)"}
	if rel != nil {
		st.subjRole = role{how: "the actor the participle follows (clause walk)"}
	}
	if st.force.on {
		// coding again with the subject the parse read (clauses.go)
		subj, st.subjRole = st.force.subj, st.force.role
		passive = passive || st.force.passive
	}
	return clause{before: before, neg: neg, intent: intent, passive: passive, headline: headline, qual: qual, subj: subj}
}

// speakerBefore returns the coded speaker of an attribution that ends
// right before token j with a comma ("…, Russian officials said, blaming",
// "…, the military said on Sunday, claiming"), or nil.
func (st *state) speakerBefore(j int) *np {
	k := j - 1
	if k < 2 || !st.isWord(k, ",") {
		return nil
	}
	k--
	for k > 0 && st.isDate(k) {
		k--
	}
	if st.cls[k]&cSay == 0 || st.isWord(k, "told") || st.isWord(k, "tell") {
		return nil
	}
	x := st.npAt[k-1]
	if x < 0 || st.nps[x].e != k || st.nps[x].uncoded || st.nps[x].oblique {
		return nil
	}
	return &st.nps[x]
}

// noSubject reports whether the phrase that ends at token before, right of
// which the verb group starts, is a subject denied by "no": "No soldiers
// were killed", "no Ukrainian troops have crossed the border", "No major
// battles have been fought": nothing happened.
func (st *state) noSubject(before int) bool {
	if before < 0 || before >= len(st.toks) || st.toks[before].Kind != text.Word {
		return false
	}
	k := before
	if x := st.npAt[before]; x >= 0 {
		k = st.nps[x].s - 1
	} else {
		k--
	}
	for k >= 0 && (st.isAdj(k) || st.toks[k].Kind == text.Word && st.cls[k] == 0 && st.toks[k].Flags&text.Cap == 0 && k+3 > before) {
		k-- // "No major battles", "no foreign troops"
	}
	return k >= 0 && st.isWord(k, "no") && (k == 0 || st.toks[k-1].Kind == text.Punct || st.cls[k-1]&(cConj|cThat|cSubord) != 0)
}

// likelihoodAdverb are the adverbs that make "will" or "would" a guess
// about what may happen rather than an intent: "would probably request".
var likelihoodAdverb = map[string]bool{"probably": true, "possibly": true, "perhaps": true, "maybe": true}

// verbGroup walks left from the anchor over auxiliaries, modals, negation,
// adverbs and intent phrases ("would not", "are willing to", "is being"),
// returning the first token before the group and what it found.
func (st *state) verbGroup(a int) (j int, neg, intent, passiveBe bool, qual []string) {
	st.volitional = false
	st.possible, st.possiblePast, st.obliged = false, false, false
	st.refusedSpeech = false
	perfect := false // "might have been planted": a guess about the past
	j = a - 1
	for j >= 0 {
		c := st.cls[j]
		t := st.toks[j]
		switch {
		case c&cNeg != 0:
			neg = true
			qual = append(qual, st.normOf(j))
		case st.isWord(j, "yet") && j+1 < len(st.toks) && st.cls[j+1]&cTo != 0:
			// "has yet to reply": it has not
			neg = true
			qual = append(qual, "yet to")
		case c&cModal != 0:
			w := st.normOf(j)
			if w == "will" || w == "would" || w == "'ll" || w == "wo" || w == "shall" {
				intent = true
				st.volitional = true // "would not join": a refusal
				for k := j + 1; k < a; k++ {
					if likelihoodAdverb[st.normOf(k)] {
						// "Nigeria would probably request": a guess, as with "could"
						st.possible = true
					}
				}
			}
			if w == "could" || w == "might" || w == "may" && st.toks[j].Flags&text.Cap == 0 {
				st.possible = true // "could launch an attack", not "in May"
				st.possiblePast = perfect
			}
			if w == "must" || w == "should" {
				st.obliged = true // "Russia must withdraw": what someone demands
			}
			qual = append(qual, w)
		case j >= 1 && st.cls[j-1]&cBe != 0 && j+1 < len(st.toks) && st.cls[j+1]&cTo != 0 && orderedWord[st.normOf(j)]:
			// "security forces were ordered to shoot rioters": what
			// someone ordered has not happened, as with "must".
			st.obliged = true
			qual = append(qual, st.normOf(j)+" to")
			j-- // (the "were" before it makes no passive of the verb)
		case c&cBe != 0 || passiveAux[st.normOf(j)]:
			passiveBe = true
		case c&cAux != 0:
			perfect = perfect || st.normOf(j) == "have" && !st.isWord(j+1, "to")
		case c&cTo != 0:
		case c&cIntent != 0:
			if j+1 < len(st.toks) && st.cls[j+1]&cTo != 0 || st.normOf(j) == "going" {
				intent = true
				qual = append(qual, st.normOf(j)+" to")
			} else {
				return j, neg, intent, passiveBe, qual
			}
		case c&cAdv != 0:
		case j == a-1 && j > 0 && (st.cls[j-1]&cBe != 0 || st.npAt[j-1] >= 0) && hearsayWord[st.normOf(j)] && st.participle(a):
			// "were reported killed", "are feared dead": what is
			// reported of the victims, read as "were killed"
		case t.Kind == text.Word && t.Flags&text.Cap == 0 && strings.HasSuffix(st.normOf(j), "ly") && len(st.normOf(j)) > 4:
		case j+1 < len(st.toks) && st.cls[j+1]&cTo != 0 && refusalWord[st.normOf(j)]:
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

// visitWord lists the forms of verbs whose object is a place visited
// ("visiting Ottawa to speak"): that object is not the subject of the
// purpose clause after it.
var visitWord = map[string]bool{
	"visit": true, "visits": true, "visited": true, "visiting": true,
	"tour": true, "tours": true, "toured": true, "touring": true,
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

// orderedWord are participles of ordering and allowing that, passive
// before "to", say what an actor was told or allowed to do, not what it
// did: "were ordered to shoot", "was told to leave".
var orderedWord = map[string]bool{"ordered": true, "told": true, "instructed": true, "authorised": true,
	"authorized": true, "allowed": true, "permitted": true, "asked": true, "urged": true, "directed": true}

// hearsayWord are the participles by which a passive reports what is said
// or feared of its subject: "two soldiers were reported killed", "three
// more were feared abducted", "one serviceman reported wounded".
var hearsayWord = map[string]bool{"reported": true, "feared": true, "believed": true, "confirmed": true, "presumed": true}

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

// obliquePossessor reports whether p is a name no dictionary knows right
// after a possessive: a place or a thing of the possessor, not the
// subject ("Police in Sri Lanka's Rambukkana shot dead a man": the
// police shot; "entered Columbia University's Hamilton Hall and arrested
// dozens": not the hall).
func (st *state) obliquePossessor(p *np) bool {
	if p.s < 1 || !p.uncoded || p.agent != "" {
		return false
	}
	j := p.s - 1
	if j < 1 || !(st.isWord(j, "'s") || st.isWord(j, "'") || st.isWord(j, "’s")) {
		return false
	}
	k := st.npAt[j-1]
	return k >= 0 && st.nps[k].e == j
}

// subject finds the subject of the verb whose group starts before token j:
// walking left, the nearest actor phrase that is neither the object of a
// preposition nor a possessive, within the clause; a coordinated verb
// shares the subject of prev, a relative clause takes its antecedent. It
// stops at a verb that already coded an event. Failing all that, a state
// that only modifies the subject noun stands in ("Ukrainian drones").
func (st *state) subject(j int, prev *anchor) *np {
	// (Not a deferred closure: with subjectWalk's many returns the defer
	// was not open-coded and went through the runtime on every call.)
	var fallback *np
	subj := st.subjectWalk(j, prev, &fallback)
	if subj == nil {
		subj = fallback
	}
	if q := st.bodyOf(subj); q != nil {
		subj = q
	} else if q := st.apposBody(subj); q != nil {
		subj = q
	}
	return subj
}

// subjectWalk is subject's walk left from token j; a state that only
// modifies a noun on the way is left in *fallback.
func (st *state) subjectWalk(j int, prev *anchor, fallback **np) *np {
	if j >= 0 && st.commonSubject(j) {
		return nil
	}
	if p := st.antecedentBefore(j); p != nil {
		// "Russian forces, which have occupied the town since March,
		// shelled Kharkiv": the relative clause's verb coded already, but
		// the verb after it is its antecedent's.
		return p
	}
	steps, j0 := 0, j
	for j >= 0 && steps < 30 {
		steps++
		if k := st.npAt[j]; k >= 0 {
			p := &st.nps[k]
			if st.obliquePossessor(p) {
				// the possessor is no subject either, but a state may
				// stand in ("Sri Lanka's"); "Police in Sri Lanka" too
				q := &st.nps[st.npAt[p.s-2]]
				if !q.uncoded && *fallback == nil && !q.oblique {
					*fallback = q
				}
				j = q.s - 1
				continue
			}
			if (!p.oblique || p.e == j0+1 && st.quantified(p)) && !p.poss {
				// (a quantity right before the verb group is its subject:
				// "more than 200 activists were rounded up")
				if r := st.relObject(p); r >= 0 {
					// "an earthquake that struck southwest Japan killed":
					// the relative clause's object is not the subject.
					j = r
					continue
				}
				if st.economicHead(p) {
					return nil // "Japanese semiconductor makers have complied" (venue.go)
				}
				if h := st.agentOfHead(p); h != nil {
					return h // "supporters of a jailed cleric ransacked": the supporters
				}
				return p
			}
			if (p.mod || p.poss && p.pron == "") && !p.oblique && !p.uncoded && *fallback == nil && !st.economicHead(p) && !st.businessOwner(p) && !st.relationalHead(p) {
				// "Ukrainian drones struck...", "Ukraine's grain exports
				// were blocked": the state, failing anything better.
				*fallback = p
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
		if p := st.relNounAt(j); p != nil {
			// "a diplomat accused of spying was expelled": the verb's
			// subject is the actor the participle modifies.
			return p
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
		if c&cConj != 0 && j == j0 && !st.opt.NullActors {
			if k := st.verbBeforeObject(j); k > 0 {
				// "Hamas gunmen infiltrated southern Israel and killed":
				// the phrase before "and" is the object of a verb no
				// anchor coded; the verbs share that verb's subject.
				for k--; k >= 0 && st.cls[k]&(cAux|cModal|cAdv|cNeg) != 0; k-- {
				}
				return st.subject(k, nil)
			}
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
		if st.isWord(j, "as") && j >= 2 && st.participle(j-1) && !st.verbAt(j-1) && st.npAt[j-2] >= 0 && st.nps[st.npAt[j-2]].agent != "" && !st.opt.NullActors {
			// "gunmen dressed as hunters massacred": "as" after a
			// participle describing the agent opens no clause
			j--
			continue
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
	if j >= 2 && st.cls[j-1]&cDet != 0 && st.cls[j-2]&cPrep != 0 && j+2 < len(st.toks) && st.pastTense(j+1) && (st.hasObject(j+2) || st.isWord(j+2, "dead")) {
		return false // "gunmen on a motorbike shot": the object of a preposition
	}
	if j >= 2 && st.isWord(j-1, "as") && st.participle(j-2) {
		return false // "gunmen dressed as hunters massacred": the object of "as" after a participle
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

// relationalNouns name parties by their relation to another ("Israel's
// allies", "Zambia's creditors"): never the other party itself.
var relationalNouns = map[string]bool{"allies": true, "ally": true, "partners": true, "partner": true,
	"creditors": true, "creditor": true, "donors": true, "donor": true, "backers": true, "backer": true,
	"neighbours": true, "neighbors": true, "neighbour": true, "neighbor": true, "critics": true, "critic": true,
	"rivals": true, "rival": true, "foes": true, "foe": true, "opponents": true, "adversaries": true,
	"lenders": true, "detractors": true}

// relationalHead reports whether the state's possessive or adjective p
// modifies a noun that names other parties by their relation to it:
// "Israel's allies condemned the attack", "Zambia's traditional
// financial backers had pledged": the allies and backers act, not Israel
// or Zambia, so p is no fallback subject.
func (st *state) relationalHead(p *np) bool {
	for k := p.e; k < len(st.toks) && k < p.e+4; k++ {
		t := st.toks[k]
		if t.Kind == text.Possessive {
			continue
		}
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k] != 0 || st.npAt[k] >= 0 {
			return false
		}
		if relationalNouns[st.normOf(k)] {
			return true
		}
	}
	return false
}

// bodyOf returns Y when p, an unnamed leader or official (a GOV agent:
// "leader", "head", "spokesman") with no name of its own, is the X of "X
// of Y" and Y a coded actor: "the leader of the opposition in
// Zimbabwe decided …" is the opposition's act (ZWEOPP), as the parse's
// nmod reading gives it (clauses.go) where the walk decides alone. A
// quantity ("dozens of protesters"), a possessive Y or an abstract X
// ("the admission of China") is no such phrase; nil otherwise.
func (st *state) bodyOf(p *np) *np {
	if p == nil || !p.uncoded || p.agent != "GOV" || p.name || p.e >= len(st.toks) || !st.isWord(p.e, "of") ||
		st.toks[p.e-1].Flags&text.Cap != 0 || abstractNoun(st.normOf(p.e-1)) {
		return nil
	}
	k := p.e + 1
	for k < len(st.toks) && k <= p.e+2 && st.cls[k]&cDet != 0 {
		k++
	}
	if k >= len(st.toks) {
		return nil
	}
	x := st.npAt[k]
	if x < 0 {
		return nil
	}
	q := &st.nps[x]
	if q.s != k || q.uncoded || q.poss {
		return nil
	}
	return q
}

// apposBody returns Y when p is a name no dictionary knows set off by
// commas after "X of Y" ("The leader of the opposition in Zimbabwe, Nelson
// Chamisa, decided …"): the name is X's, so the act is Y's; nil otherwise.
func (st *state) apposBody(p *np) *np {
	if p == nil || !p.uncoded || !p.name || p.s < 3 || p.e >= len(st.toks) || !st.isWord(p.s-1, ",") || !st.isWord(p.e, ",") {
		return nil
	}
	for k := p.s - 2; k >= 0 && !st.isWord(k, ",") && !st.boundary(k); k-- {
		if x := st.npAt[k]; x >= 0 && st.nps[x].s == k {
			if q := st.bodyOf(&st.nps[x]); q != nil {
				return q
			}
		}
	}
	return nil
}

// agentOfHead returns the unnamed agent that heads "X of Y" when p, an
// unnamed agent too, is its Y: "supporters of a jailed cleric" are the
// supporters (OPP), not the cleric (REL); so are supporters or followers
// of a named actor (supporterNouns); nil otherwise.
func (st *state) agentOfHead(p *np) *np {
	if p.s < 2 || st.opt.NullActors {
		return nil
	}
	j := p.s - 1
	for j >= 1 && (st.cls[j]&cDet != 0 || st.isAdj(j) || st.participle(j) && st.toks[j].Flags&text.Cap == 0 && !st.isWord(j, "of") ||
		!p.uncoded && p.s-j <= 2 && st.isWord(j, "former")) {
		j--
	}
	if j < 1 || !st.isWord(j, "of") {
		return nil
	}
	x := st.npAt[j-1]
	if x < 0 {
		return nil
	}
	h := &st.nps[x]
	if h.e != j || !h.uncoded || h.agent == "" || h.oblique {
		return nil
	}
	if !p.uncoded {
		if supporterNouns[st.normOf(h.e-1)] {
			// "Supporters of former president Jair Bolsonaro invaded
			// Congress": the supporters, of the state of whom they support
			if len(p.members) == 1 && p.members[0].country != "" {
				return st.homeAgent(h, p.members[0].country)
			}
			return h
		}
		return nil
	}
	if p.agent == "" && !mobNouns[st.normOf(h.e-1)] {
		return nil // (a crowd of people no agent names: "a crowd of Muslims attacked churches" is the crowd's)
	}
	return h
}

// supporterNouns head "X of Y" phrases whose people act, not Y, even when Y
// is a named actor: "supporters of Imran Khan", "followers of a cleric".
var supporterNouns = map[string]bool{"supporters": true, "followers": true, "loyalists": true, "sympathisers": true,
	"sympathizers": true, "backers": true, "partisans": true, "devotees": true}

// agentHead reports whether actor phrase p names people by a role (an
// agent, coded by the state beside it: "police in Nairobi" KENCOP), not a
// place or a state.
func agentHead(p *np) bool {
	return len(p.members) > 0 && len(p.members[0].code) > 3 && p.members[0].kind == petrel.KindCountry && agentRole(p.members[0].code) != ""
}

// objectAfter finds the first actor phrase at or after token j within the
// clause, looking at most limit tokens ahead.
func (st *state) objectAfter(j, limit int, locativeNotTarget bool) *np {
	n := len(st.toks)
	var poss *np
	placed := false // a place was passed: "captured the town in Chin State"
	// poss holds an agent with no state ("arrested dozens of protesters"):
	// the target only if no coded actor follows; agentInPlace may code it.
	for k := j; k < n && k < j+limit; k++ {
		if x := st.npAt[k]; x >= 0 {
			p := &st.nps[x]
			if p.s < j {
				continue
			}
			if p.uncoded && p.e < n && st.cls[p.e]&cSay != 0 && p.s > j && st.isWord(p.s-1, ",") {
				// "shot dead a man during a protest, police said": the
				// reporters of the sentence, not the verb's object
				return poss
			}
			if p.uncoded {
				if poss == nil && p.agent != "" && !p.name && p.pron == "" && !(p.oblique && st.isWordID(p.prep, "with") && st.weaponAgent(p)) {
					poss = p // (not the means: "attacked Odessa with three kamikaze drones")
				}
				continue
			}
			if p.oblique && st.c.locPrep[p.prep] && poss != nil && poss.agent != "" {
				// "kidnapped 20 students from a school in northern Nigeria":
				// the students, not the place.
				return poss
			}
			if p.oblique && st.isWordID(p.prep, "with") && p.s >= 2 && (st.isWord(p.s-2, "border") || st.isWord(p.s-2, "borders") || st.isWord(p.s-2, "frontier")) && (placed || forceCode(st.curCode)) && !st.opt.NullActors {
				// "captured the town of Paletwa in Chin State near the
				// border with India and Bangladesh": where force was used,
				// not on whom (but "put its forces on high alert along
				// the border with Pakistan" aims at Pakistan)
				k = p.e - 1
				continue
			}
			if p.oblique && st.isWordID(p.prep, "off") && !st.opt.NullActors {
				// "attacked a ship off Yemen": where, not whom
				k = p.e - 1
				continue
			}
			if p.oblique && st.c.locPrep[p.prep] && locativeNotTarget && !(st.isWordID(p.prep, "at") && agentHead(p) && strings.HasPrefix(st.curCode, "14")) {
				// "announced the package in Berlin": a place, not a target
				// (but "threw stones at police in Nairobi": an agent
				// after "at" is aimed at)
				placed = true
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
		if poss != nil && poss.uncoded && k == poss.e && (st.participleAfter(k) || st.participleAfter(k-1)) {
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
		if m := st.placeMentionAt(k); m != nil {
			// a place the gazetteer knows ("the town of Kupiansk", "a
			// base in Borno state"), not in the dictionaries' places
			return &member{code: m.loc.Country, country: m.loc.Country, kind: petrel.KindCountry,
				start: st.toks[m.s].Start, end: st.toks[m.e-1].End, mention: -1, rule: "place " + m.loc.Name}
		}
	}
	return nil
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
			break
		}
	}
	// Right before the verb, when its subject stands further left: "is
	// keeping its options open on whether to seek", "has not decided
	// whether trade sanctions" (not across "and": "said it would strike
	// if attacked and warned").
	for k := before; k > j && before-k < 4; k-- {
		switch st.normOf(k) {
		case "if", "unless", "whether":
			return true
		}
		if st.npAt[k] < 0 && st.toks[k].Kind != text.Word || st.cls[k]&cConj != 0 {
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
	return a.verb.coerce // a pattern coding 17-18
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

// anchorParticiple reports whether the verb of anchor a is a past
// participle: its first word for a phrase ("hacked to death", "rounded
// up", "set ablaze"), else its last.
func (st *state) anchorParticiple(a *anchor) bool {
	return st.participle(a.e-1) || a.e-a.s > 1 && st.participle(a.s)
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
	"found": true, "lost": true, "spent": true, "spread": true, "bound": true, "fed": true, "fled": true, "slain": true}

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
	skipped := false // an uncoded phrase was passed over
	for k := j; k < len(st.toks) && k < j+limit; k++ {
		if x := st.npAt[k]; x >= 0 && st.nps[x].uncoded && st.nps[x].agent != "" && st.participleAfter(st.nps[x].e) {
			return nil // "arrested three people suspected of spying for China": the people
		}
		if x := st.npAt[k]; x >= 0 && st.nps[x].uncoded {
			skipped = true
		}
		if x := st.npAt[k]; x >= 0 && !st.nps[x].uncoded {
			p := &st.nps[x]
			if p.poss && p.pron != "" {
				k = p.e - 1 // "met his Chinese counterpart": not "his"
				continue
			}
			if skipped && p.oblique && st.c.locPrep[p.prep] && j > 0 && st.isWord(j-1, "by") {
				// "killed by UPDF in the Central African Republic": the
				// slot's own phrase is the unknown name; the state after
				// "in" is where it happened.
				return nil
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

// mediaAddressee reports whether the phrase at token j is the press, with
// no state of its own: the addressee of a verb of telling ("told
// reporters", "told journalists in Kyiv"), never its target.
func (st *state) mediaAddressee(j int) bool {
	if j >= len(st.toks) {
		return false
	}
	x := st.npAt[j]
	if x < 0 || st.nps[x].oblique {
		return false
	}
	p := &st.nps[x]
	if p.uncoded {
		return p.agent == "MED"
	}
	for _, m := range p.members {
		if !strings.HasSuffix(m.code, "MED") {
			return false
		}
	}
	return len(p.members) > 0 // "reporters in Paris" (FRAMED), "state media"
}

// antecedentBefore returns the actor a relative clause set off by commas
// right before token j+1 modifies ("Russian forces, which have occupied
// the town since March,"), when j is the comma that closes it; nil
// otherwise.
func (st *state) antecedentBefore(j int) *np {
	if j < 2 || st.opt.NullActors || !st.isWord(j, ",") {
		return nil
	}
	for k := j - 1; k > 0 && j-k < 25; k-- {
		if st.isWord(k, ",") {
			if st.cls[k+1]&cRel == 0 || st.isWord(k+1, "what") {
				return nil
			}
			x := st.npAt[k-1]
			if x < 0 {
				return nil
			}
			p := &st.nps[x]
			if p.oblique || p.poss || p.pron != "" || p.uncoded && p.agent == "" {
				return nil
			}
			return p
		}
		if st.toks[k].Kind != text.Word && st.boundary(k) {
			return nil // a dash, colon or quotation mark
		}
	}
	return nil
}

// placeMentionAt returns the gazetteer's place mention (place.go) that
// starts at token k and names a country, or nil. A place before an
// attack noun ("the Kabul bombing") is the attack's, not an object.
func (st *state) placeMentionAt(k int) *placeMention {
	for i := range st.placeMs {
		if m := &st.placeMs[i]; m.s == k && !m.modifier && m.loc.Country != "" {
			return m
		}
	}
	return nil
}

// comeWord are the forms of "come" that, with "under" and an event
// noun, make a passive: "came under attack by", "comes under fire from".
var comeWord = map[string]bool{"come": true, "came": true, "comes": true, "coming": true}

// underAttack reads an event noun after "under" and a form of "come" or
// "be" as a passive: in "Ukrainian positions came under heavy attack by
// Russian forces" or "a convoy was under fire from gunmen" the actor
// after "by" or "from" right after the noun is the source, and the
// subject of "came" the target (nil when the walk finds none). The
// anchor is the noun, or a verb phrase that holds it ("come under
// attack"). ok is false when the anchor is not in that construction or
// names no agent.
func (st *state) underAttack(a, prev *anchor) (src, tgt *np, ok bool) {
	var j int
	if a.e-a.s >= 3 && comeWord[st.normOf(a.s)] && st.isWord(a.s+1, "under") {
		j = a.s // the anchor "come under attack"
	} else {
		j = a.s - 1
		for k := 0; k < 2 && j >= 0 && st.npAt[j] < 0 && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 &&
			(st.cls[j] == 0 || st.cls[j]&cAdv != 0) && !st.isWord(j, "under"); k++ {
			j-- // "came under heavy attack", "under sustained rocket fire"
		}
		if j < 1 || !st.isWord(j, "under") {
			return nil, nil, false
		}
		j--
		if !comeWord[st.normOf(j)] && st.cls[j]&cBe == 0 {
			return nil, nil, false
		}
	}
	agentPrep := false
	for k := a.e; k < len(st.toks) && k < a.e+6; k++ {
		if x := st.npAt[k]; x >= 0 {
			if p := &st.nps[x]; agentPrep || p.oblique && (st.isWordID(p.prep, "by") || st.isWordID(p.prep, "from")) {
				src = p
			}
			break
		}
		if st.boundary(k) || st.isWord(k, ",") {
			break
		}
		agentPrep = agentPrep || st.isWord(k, "by") || st.isWord(k, "from") // "from armed gangs"
	}
	if src == nil {
		return nil, nil, false
	}
	before, _, _, _, _ := st.verbGroup(j)
	return src, st.subject(before, prev), true
}

// quantified reports whether the oblique phrase p is the object of a
// preposition of quantity, which leaves it the head of its clause: "more
// than 200 activists were rounded up", "up to 100 Albanians demonstrated",
// "at least 30 people were killed".
func (st *state) quantified(p *np) bool {
	if !p.oblique || p.pron != "" || p.s < 2 {
		return false
	}
	k := p.s - 1
	if st.toks[k].Kind != text.Number && st.cls[k]&cNumber == 0 {
		return false // the number is what the preposition governs
	}
	for k > 0 && (st.toks[k].Kind == text.Number || st.cls[k]&cNumber != 0) {
		k--
	}
	switch st.normOf(k) {
	case "than":
		return k > 0 && (st.isWord(k-1, "more") || st.isWord(k-1, "fewer") || st.isWord(k-1, "less"))
	case "to":
		return k > 0 && st.isWord(k-1, "up")
	case "over", "about", "around", "nearly", "almost", "some", "least":
		return true
	}
	return false
}

// subjectParticiple reports whether anchor a is a present participle
// right after the subject phrase and before the subject's own verb group,
// a passive ("Indian farmers marching to New Delhi were met with tear
// gas": the farmers were met; the march says who they were).
func (st *state) subjectParticiple(a *anchor) bool {
	if a.s == 0 || !strings.HasSuffix(st.normOf(a.e-1), "ing") || a.s >= 1 && st.cls[a.s-1]&cDet != 0 {
		return false
	}
	if x := st.npAt[a.s-1]; x < 0 || st.nps[x].e != a.s || st.nps[x].oblique || st.nps[x].s > 0 && !st.opensSentence(st.nps[x].s) {
		return false
	}
	for k := a.e; k+1 < len(st.toks) && k < a.e+8; k++ {
		if st.isWord(k, ",") || st.cls[k]&cConj != 0 {
			return false
		}
		if st.cls[k]&cBe != 0 && st.participle(k+1) && strings.HasSuffix(st.normOf(k+1), "ed") || st.cls[k]&cBe != 0 && irregularParticiple[st.normOf(k+1)] {
			return true
		}
	}
	return false
}

// reducedByPhrase reports whether anchor a is a past participle with "by"
// right after an actor phrase and before that phrase's own verb: a
// reduced relative that describes the actor ("M23 fighters backed by
// Rwanda entered Goma": the fighters entered; the backing is who they
// are).
func (st *state) reducedByPhrase(a *anchor) bool {
	if a.s == 0 || a.e+1 >= len(st.toks) || st.cls[a.e]&cBy == 0 || a.nounUse || a.verb.noun {
		return false
	}
	w := st.normOf(a.e - 1)
	if !strings.HasSuffix(w, "ed") && !irregularParticiple[w] {
		return false
	}
	if x := st.npAt[a.s-1]; x < 0 || st.nps[x].e != a.s || st.nps[x].oblique {
		return false
	}
	x := st.npAt[a.e+1]
	if x < 0 {
		return false
	}
	k := st.nps[x].e
	for k < len(st.toks) && st.cls[k]&cAdv != 0 {
		k++
	}
	if k >= len(st.toks) || st.npAt[k] >= 0 || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 {
		return false
	}
	n := st.normOf(k)
	return st.cls[k]&(cAux|cModal|cSay) != 0 || st.cls[k] == 0 && (strings.HasSuffix(n, "ed") || irregularParticiple[n])
}

// pastYearBefore reports whether a year before the article's own opens
// the noun phrase of the event noun at token j ("the 1945 atomic
// bombing", "the 1994 genocide").
func (st *state) pastYearBefore(j int) bool {
	for k := j - 1; k >= 0 && j-k <= 3; k-- {
		if st.toks[k].Kind == text.Number {
			w := st.normOf(k)
			if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") {
				return false
			}
			y, err := strconv.Atoi(w)
			if err != nil || st.base.IsZero() || y >= st.base.Year() {
				return false
			}
			// only as the object of a preposition ("the victims of the
			// 1945 bombing", "since the 1994 genocide"): "The March 2022
			// shelling of the theatre killed hundreds" is news, dated
			i := k - 1
			for i >= 0 && (st.cls[i]&cDet != 0 || st.toks[i].Flags&text.Cap != 0 && st.isDate(i)) {
				i--
			}
			return i >= 0 && (st.cls[i]&cPrep != 0 || st.isWord(i, "since"))
		}
		if !(st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap == 0 && st.cls[k] == 0 && st.npAt[k] < 0) {
			return false
		}
	}
	return false
}

// beforeNounPhrase returns the token before the words that open the noun
// phrase of an event noun at token j: its adjectives, determiner and
// possessor ("Russia's", "the brutal"), so that the word before them can
// be read ("after", "last week's").
func (st *state) beforeNounPhrase(j int) int {
	k := j - 1
	for k >= 0 && j-k <= 4 {
		switch {
		case st.cls[k]&cDet != 0, st.toks[k].Kind == text.Word && st.cls[k] == 0 && st.toks[k].Flags&text.Cap == 0 && st.npAt[k] < 0:
			k--
			continue
		case st.isWord(k, "'s") && k >= 1 && st.npAt[k-1] >= 0:
			k = st.nps[st.npAt[k-1]].s - 1 // "Russia's"
			continue
		}
		break
	}
	if k >= 0 && st.isWord(k+1, "last") {
		return k + 3 // "last week's": point at "'s"
	}
	return k
}

// backgroundClause says why the verb of anchor a, whose verb group starts
// before token before and whose subject the walk found (subj, maybe
// nil), stands in a clause that gives background rather than news, or
// "": a relative clause ("Ukraine, which has been fighting Russia's
// invasion, signed …", "accused Kabul of sheltering militants who
// attack Pakistani forces", "the general, whose forces were accused of
// atrocities, visited …"), and a clause that opens the sentence with
// "after", "before", "since" or "until" ("a day after Israeli troops
// raided the camp, militants fired …"; a trailing one, "police arrested
// 30 people after protesters vandalised shops", is news too). end is the
// token after the clause (its closing comma, else the sentence's end),
// so that its words code nothing either.
func (st *state) backgroundClause(a *anchor, before int, subj *np) (why string, end int) {
	if st.opt.NullActors {
		return "", a.e
	}
	if a.nounUse || a.verb.noun {
		if st.inRelative(a.s) {
			// "a journalist who covered the siege of Marawi won an
			// award": the noun's event says who the journalist is
			return "a noun in a relative clause: background, not news", a.e
		}
		if st.subjectParticiple(a) {
			return "a participle describing the subject before its own verb: background, not news", a.e
		}
		if st.pastYearBefore(a.s) {
			// "to commemorate the victims of the 1945 atomic bombing"
			return "an event noun after an earlier year: history, not news", a.e
		}
		if k := st.beforeNounPhrase(a.s); k >= 1 && st.isWord(k, "'s") && st.isWord(k-2, "last") && durationWords[st.normOf(k-1)] {
			// "soldiers killed in last week's ambush": an earlier event
			return "an event noun after \"last " + st.normOf(k-1) + "'s\": an earlier event, background", a.e
		} else if k >= 0 && st.backgroundOpener(k) {
			// "A year after Russia's invasion, Ukrainians gathered"
			return "an event noun after \"" + st.normOf(k) + "\" and a span of time: background, not news", a.e
		}
		return "", a.e
	}
	open := -1 // the word that opens the clause
	switch {
	case before >= 1 && st.cls[before]&cRel != 0:
		open = before // ", which has been fighting", "militants who attack"
	case subj != nil && subj.s >= 2 && subj.s-1 <= before && (st.isWord(subj.s-1, "which") || st.isWord(subj.s-1, "whom")) && st.isWord(subj.s-2, ","):
		open = subj.s - 1 // ", which Washington blamed on Iran-backed militias"
	case subj != nil && subj.s >= 2 && subj.s-1 <= before && st.isWord(subj.s-1, "whose") && st.isWord(subj.s-2, ","):
		open = subj.s - 1 // ", whose forces were accused"
	}
	if open >= 0 {
		why = "in a relative clause: background, not news"
	} else if st.subjectParticiple(a) {
		// (only the participle and its phrase: the verb after them is news)
		return "a participle describing the subject before its own verb: background, not news", a.e
	} else if st.reducedByPhrase(a) {
		// (only the participle and its agent: the verb after them is news)
		return "a participle with \"by\" describing the actor before it, whose own verb follows: background, not news", st.nps[st.npAt[a.e+1]].e
	} else if st.objectParticiple(a, before, subj) || st.obliqueParticiple(a) {
		why = "a participle describing the object of the verb before it: background, not news"
	} else {
		k := before
		if subj != nil && subj.e == before+1 {
			k = subj.s - 1
			// the subject's determiners and numbers: "hours after a
			// Palestinian gunman shot", "two days after two of his aides
			// were shot"
			k = st.beforeQuantity(k)

		}
		switch {
		case k >= 0 && (st.isWord(k, "after") || st.isWord(k, "before") || st.isWord(k, "since") || st.isWord(k, "until")) && subj != nil && st.opensSentence(k):
			why = "in a fronted clause after \"" + st.normOf(k) + "\": background, not news"
		case st.trailingBackground(k, a.s, subj):
			why = "in a clause after \"" + st.normOf(k) + "\": background, not news" // "two days after militants ambushed" (summary.go)
		case k >= 1 && st.isWord(k, "where") && st.isWord(k-1, ",") && subj != nil && st.closedBefore(a.e):
			// (set off by commas inside the sentence; a trailing one may
			// tell the news: "the worst violence was in Quito, where
			// demonstrators threw rocks at a hotel")
			why = "in a relative clause after \", where\": background, not news" // "the village, where gunmen killed 30 people last year,"
		case st.afterDenyThat(k) && subj != nil,
			a.s >= 1 && denyWord[st.normOf(a.s-1)] && strings.HasSuffix(st.normOf(a.s), "ing"),
			a.s >= 2 && st.isWord(a.s-1, "having") && denyWord[st.normOf(a.s-2)]:
			why = "what a denial denies, not an event" // "denied that its troops had fired on protesters", "denied firing"
		}
	}
	if why == "" {
		return "", a.e
	}
	end = a.e
	for end < len(st.toks) && !st.isWord(end, ",") && (!st.boundary(end) || end == a.e && st.isWord(end, "that")) {
		end++ // (and the clause a background verb governs: "demanding that President Kabila step down")
	}
	return why, end
}

// afterDenyThat reports whether the words up to token k (a clause's
// subject's determiners and possessives left aside) end with a form of
// "deny" and "that": "denied that its troops had fired".
func (st *state) afterDenyThat(k int) bool {
	for k >= 0 && (st.cls[k]&(cDet|cPossPron) != 0 || st.npAt[k] >= 0 && !st.isWord(k, "that")) {
		k--
	}
	return k >= 1 && st.isWord(k, "that") && denyWord[st.normOf(k-1)]
}

// closedBefore reports whether a comma after token from closes the
// phrase before the sentence goes on with a verb: a clause set off by
// commas inside the sentence ("The village, where gunmen killed 30
// people last year, has been deserted since").
func (st *state) closedBefore(from int) bool {
	for k := from; k < len(st.toks) && !st.boundary(k); k++ {
		if st.isWord(k, ",") {
			for j := k + 1; j < len(st.toks) && !st.boundary(j) && !st.isWord(j, ","); j++ {
				if st.verbAt(j) || st.cls[j]&(cAux|cBe) != 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// denyWord are the forms of "deny", whose complement did not happen as
// far as its speaker says (the denial itself is 016).
var denyWord = map[string]bool{"deny": true, "denies": true, "denied": true, "denying": true}

// objectParticiple reports whether anchor a is a present participle
// right after an actor that is the object of a verb before it in the same
// clause: a reduced relative that says who the object is, not what
// happened ("police fired tear gas at students demonstrating against
// fees", "detained women protesting the headscarf law"). The actor must be
// an unnamed agent or a direct object (not a place after "in": "rallied
// in Lima demanding …" is the march's), and the verb no verb of
// perception ("video showed soldiers beating protesters" is the beating).
func (st *state) objectParticiple(a *anchor, before int, subj *np) bool {
	if subj == nil || subj.e != a.s || before != a.s-1 || !strings.HasSuffix(st.normOf(a.s), "ing") ||
		subj.agent == "" && subj.oblique {
		return false
	}
	for j := subj.s - 1; j >= 0; j-- {
		if st.isWord(j, ",") || st.boundary(j) || st.cls[j]&cConj != 0 {
			return false
		}
		if st.npAt[j] >= 0 {
			continue
		}
		if perceptionVerb[st.normOf(j)] {
			return false
		}
		if st.cls[j]&(cAux|cModal|cSay|cAdv) == 0 && st.verbAt(j) {
			return true
		}
	}
	return false
}

// obliqueParticiple reports whether anchor a is a present participle
// right after an unnamed agent that a preposition of aim makes the
// object of what comes before: "used tear gas against farmers blocking
// a highway", "fired at students demonstrating" say who they were.
func (st *state) obliqueParticiple(a *anchor) bool {
	if a.s < 2 || !strings.HasSuffix(st.normOf(a.s), "ing") {
		return false
	}
	x := st.npAt[a.s-1]
	if x < 0 {
		return false
	}
	p := &st.nps[x]
	if p.e != a.s || !p.uncoded || p.agent == "" || p.s < 1 {
		return false
	}
	switch st.normOf(p.s - 1) {
	case "against", "at", "on", "upon", "toward", "towards":
		return true
	}
	return false
}

// perceptionVerb are verbs whose object and participle after it report one
// event ("witnesses saw soldiers firing on the crowd").
var perceptionVerb = map[string]bool{"saw": true, "see": true, "seen": true, "sees": true, "watched": true,
	"showed": true, "shows": true, "shown": true, "filmed": true, "heard": true, "caught": true,
	"witnessed": true, "photographed": true, "captured": true, "depicted": true}

// opensSentence reports whether only a time phrase stands before token k
// ("A day after", "Two weeks before", "After"): no verb and no comma.
func (st *state) opensSentence(k int) bool {
	for j := 0; j < k; j++ {
		if st.isWord(j, ",") || st.verbAt(j) || st.npAt[j] >= 0 {
			return false
		}
	}
	return true
}

// listBetween reports whether tokens [s, e) are only commas and
// conjunctions, at least one: the joints of a list of verbs.
func (st *state) listBetween(s, e int) bool {
	if s >= e || e-s > 2 {
		return false
	}
	for k := s; k < e; k++ {
		if !st.isWord(k, ",") && st.cls[k]&cConj == 0 {
			return false
		}
	}
	return true
}

// prenominal reports whether the anchor a is a one-word participle
// between a determiner or possessive and the noun it modifies: "urged
// China to release a detained Japanese businessman", "the jailed
// opposition leader". It describes the noun; it is no event.
func (st *state) prenominal(a *anchor) bool {
	if a.e-a.s != 1 || a.s == 0 || a.e >= len(st.toks) || !st.participle(a.s) {
		return false
	}
	if num := st.cls[a.s-1]&cNumber != 0 || st.toks[a.s-1].Kind == text.Number; num {
		// a number too: "the release of two detained people"; not a
		// date's ("on March 9 lifted its ban")
		if st.isDate(a.s-1) || st.cls[a.e]&(cDet|cPossPron|cNumber) != 0 || st.toks[a.e].Kind != text.Word {
			return false
		}
	} else if st.cls[a.s-1]&(cDet|cPossPron) == 0 || st.isWord(a.s-1, "that") {
		return false
	}
	if st.npAt[a.e] >= 0 {
		return true
	}
	t := st.toks[a.e]
	return t.Kind == text.Word && t.Flags&text.Cap == 0 && st.cls[a.e] == 0 && !st.verbAt(a.e)
}

// eachOther reports whether "each other" or "one another" stands right
// after the verb ending at token j or within its pattern (to end): the
// members of a compound subject act on one another.
func (st *state) eachOther(j, end int) bool {
	for k := j; k+1 < len(st.toks) && k <= max(end, j+1); k++ {
		if st.isWord(k, "each") && st.isWord(k+1, "other") || st.isWord(k, "one") && st.isWord(k+1, "another") {
			return true
		}
	}
	return false
}

// meansOwner returns the coded state that modifies a noun in tokens
// [s, e), a passive verb's pattern after it ("was killed in an Israeli
// air strike", "were wounded in a Russian drone attack"), or nil.
func (st *state) meansOwner(s, e int) *np {
	for k := s; k < e && k < len(st.toks); k++ {
		if x := st.npAt[k]; x >= 0 {
			p := &st.nps[x]
			if !p.uncoded && p.pron == "" && p.e < e && (p.mod || p.poss || st.toks[p.e].Kind == text.Word && st.toks[p.e].Flags&text.Cap == 0 && st.cls[p.e] == 0) {
				return p
			}
			k = p.e - 1
		}
	}
	return nil
}

// placeBefore returns, as a phrase of its country, the place the
// gazetteer or the dictionaries name in the clause before token j (the
// subject of a passive: "the village of Bilozerske in Donetsk region was
// shelled"), or nil: the last one, which qualifies those before it. It
// stops at a clause boundary or a comma.
func (st *state) placeBefore(j int) *np {
	s := j
	for s > 0 && !st.boundary(s-1) && !st.isWord(s-1, ",") {
		s--
	}
	var last *np // the last place: "Bilozerske in Donetsk region"
	for k := s; k <= j && k < len(st.toks); k++ {
		if pm := st.placeAfterCode(k, 1, "19"); pm != nil {
			last = &np{s: k, e: k + 1, members: []member{*pm}}
		}
	}
	return last
}

// verbBeforeObject returns the token of the verb whose object is the
// actor phrase ending right before the conjunction at token j ("…
// infiltrated southern Israel and"), or -1: a lower-case verb form or
// participle, with only determiners and lower-case modifiers between.
func (st *state) verbBeforeObject(j int) int {
	if j < 2 || st.npAt[j-1] < 0 {
		return -1
	}
	p := &st.nps[st.npAt[j-1]]
	if p.oblique || p.poss || p.e != j {
		return -1
	}
	k := p.s - 1
	for n := 0; k > 0 && n < 3 && st.npAt[k] < 0 && (st.cls[k]&cDet != 0 || st.isAdj(k) || st.cls[k] == 0 && !st.participle(k) && !st.verbAt(k) && st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap == 0); n++ {
		k--
	}
	if k < 1 || st.npAt[k] >= 0 || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 || st.cls[k]&(cSay|cAux|cModal|cPrep|cConj) != 0 {
		return -1
	}
	if !st.verbAt(k) && !(st.participle(k) && strings.HasSuffix(st.normOf(k), "ed")) {
		return -1
	}
	return k
}

// participleObject returns the token of the present participle whose
// object phrase p is ("a bus carrying Shiite pilgrims", "soldiers guarding
// Ukrainian officials"), or -1: a lower-case word in -ing that is no
// preposition ("including", "following") and codes no event, with only
// determiners, numbers and adjectives between.
func (st *state) participleObject(p *np) int {
	if p.oblique || p.s < 2 {
		return -1
	}
	k := p.s - 1
	for n := 0; k > 0 && n < 4 && !strings.HasSuffix(st.normOf(k), "ing") && (st.cls[k]&(cDet|cNumber) != 0 || st.toks[k].Kind == text.Number || st.isAdj(k) ||
		st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap != 0 && st.npAt[k] < 0); n++ {
		k-- // "carrying Shiite pilgrims"
	}
	w := st.normOf(k)
	if st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 || st.cls[k] != 0 || !strings.HasSuffix(w, "ing") || len(w) < 6 ||
		w == "including" || w == "following" || w == "according" || w == "regarding" || w == "concerning" || w == "involving" {
		return -1
	}
	for i := range st.anchors {
		if a := &st.anchors[i]; a.s <= k && k < a.e && a.coded {
			return -1 // "…, killing three soldiers": an event of its own
		}
	}
	if st.npAt[k-1] < 0 && st.toks[k-1].Kind == text.Word && st.cls[k-1] == 0 && st.toks[k-1].Flags&text.Cap == 0 || st.npAt[k-1] >= 0 {
		return k // after a noun: "a bus carrying", "soldiers guarding"
	}
	return -1
}

// causeWord are the forms of "have" and "get" that make a causative with
// an object and a participle: "prosecutors had a publisher jailed".
var causeWord = map[string]bool{"had": true, "has": true, "have": true, "having": true, "got": true, "get": true, "gets": true}

// causativeAgent returns the subject of "have" or "get" when the
// participle of anchor a follows their object ("Guatemalan prosecutors
// had a newspaper publisher jailed"): the one who caused the act, the
// passive participle's agent. It returns nil otherwise.
func (st *state) causativeAgent(a *anchor, prev *anchor) *np {
	k := a.s - 1
	for n := 0; k > 0 && n < 6; n++ {
		if causeWord[st.normOf(k)] {
			break
		}
		if st.npAt[k] < 0 && (st.toks[k].Kind != text.Word || st.cls[k]&^(cDet|cPossPron|cNumber) != 0 || st.verbAt(k) && !st.isAdj(k)) {
			return nil // only the object's words stand between
		}
		k--
	}
	if k <= 0 || k == a.s-1 || !causeWord[st.normOf(k)] {
		return nil
	}
	j := k - 1
	for j >= 0 && st.cls[j]&(cAdv|cModal|cNeg|cAux) != 0 {
		j--
	}
	if p := st.subject(j, prev); p != nil && p.e <= k {
		return p
	}
	return nil
}

// beforeQuantity returns the token before the determiners and quantity
// that open a phrase ending at token k: "a" in "after a Palestinian
// gunman", "two of his" in "two days after two of his aides were shot",
// "30" in "after 30 gunmen stormed". A year is no quantity ("Since 1973
// the U.S. has given").
func (st *state) beforeQuantity(k int) int {
	det := false
	for k > 0 && st.cls[k]&(cDet|cPossPron) != 0 {
		k--
		det = true
	}
	num := func(j int) bool {
		if st.toks[j].Kind != text.Number && st.cls[j]&cNumber == 0 {
			return false
		}
		w := st.normOf(j)
		return !(len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")))
	}
	switch {
	case k > 1 && st.isWord(k, "of") && num(k-1):
		k -= 2 // "two of his aides"
	case !det && k > 0 && num(k):
		k-- // "30 gunmen"
	}
	return k
}
