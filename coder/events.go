package coder

// The event stage: for one anchor, the most specific pattern that
// matches, the verb's voice, its source and target (from the pattern's
// slots, the clause walk in walk.go, or the parse in clauses.go), the
// actors without a name (unnamed.go), negation and modality, and the
// events it gives, handed to addEvent (assemble.go).

import (
	"strconv"
	"strings"

	"petrel"
	"petrel/text"
)

// codeAnchor tries the anchor's patterns and adds the events it gives.
func (st *state) codeAnchor(idx int, a *anchor, prev *anchor) (end int) {
	end = a.e
	st.sentIdx = idx
	v := a.verb
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
		return a.e
	}
	if st.thanksTo(a) {
		// "a surplus of 7 billion dlrs, thanks largely to car sales": a
		// preposition, no thanks given.
		if st.trace != nil {
			st.dropped(a, "", "\"thanks to\" is a preposition (because of), not thanks")
		}
		return a.e
	}
	if st.purposeObject(a.s) {
		// "agreed to use indicators in an attempt to increase
		// cooperation": what a purpose aims at has not happened.
		if st.trace != nil {
			st.dropped(a, "", "the object of a purpose (\"in an attempt to\", \"aimed at\"), not an event")
		}
		return a.e
	}
	if st.economicSense(a.s) {
		if st.trace != nil {
			st.dropped(a, "", "demand for goods or commitments to trade, not a political event (commercial.go)")
		}
		// (read, in its economic sense: an intent word before it, "plans
		// to boost domestic demand", codes nothing by itself either)
		a.consumed, a.coded = true, true
		return a.e
	}
	cl := st.clauseOf(idx, a, prev)
	before, neg, intent, passive, headline, qual, subj := cl.before, cl.neg, cl.intent, cl.passive, cl.headline, cl.qual, cl.subj
	if st.venueBefore(a, subj) && (!passive || subj.e == a.s) {
		// "the Paris meeting": where, not who (venue.go); but "the
		// Managua meeting was attended by" Brazil is a visit there
		subj = nil
	}
	if d := st.demonymBefore(a); d != nil && subj != nil && (!subj.uncoded || subj.agent != "" && localCode(v.code)) && d != subj {
		subj = d // "the target of Iranian attacks": Iran's (venue.go)
	}
	a.subject = subj
	if why, e := st.backgroundClause(a, before, subj); why != "" {
		if st.trace != nil {
			st.dropped(a, "", why)
		}
		a.consumed, a.background = true, true
		// A violent verb in a temporal clause owns its toll and the
		// sentence's attack nouns, background too (summary.go).
		a.violent = strings.Contains(why, "clause after") && violentVerb(a)
		return e
	}
	if subj != nil && subj.uncoded {
		a.subject = nil
		a.subjUncoded = true
		if subj.agent != "" && st.opt.UnnamedActors {
			a.subjAgent = subj
		}
	}
	// best is a value and m points at it only when a pattern matched:
	// a pointer to the loop's result would move every match to the heap.
	var m *match
	best, ok := st.bestPattern(a)
	fronted := false
	if !ok && passive && !st.opt.NullActors && !v.noun && st.beBetween(before+1, a.s) {
		// "Talks were held between …", "an offensive was launched
		// against …": a light verb whose event noun is its passive
		// subject. (Only after "be": a noun with a participle after it,
		// "the accord reached by OPEC", is left to the noun.)
		best, ok = st.frontedPattern(a, before)
		fronted = ok
	}
	if fronted {
		subj, a.subject = nil, nil // the event noun, no party
	}
	if ok {
		m = &best
	}
	if a.deferred && (m == nil || m.end <= a.e+1) {
		if st.trace != nil {
			st.dropped(a, "", "an intent word with no pattern of its own beyond \"to\"")
		}
		return end
	}
	// "Ukrainian positions came under attack by Russian forces": the
	// noun's by-phrase is the source and the subject of "came" the target.
	uSrc, uTgt, under := (*np)(nil), (*np)(nil), false
	if !st.opt.NullActors {
		uSrc, uTgt, under = st.underAttack(a, prev)
	}
	if a.nounUse && !under && (m == nil || m.src == nil && m.tgt == nil && !(m.p.hasTarget && subj != nil && !subj.uncoded && st.placeAfterCode(a.e, 6, m.p.code) != nil)) {
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
		if tgt != nil && st.cls[a.s]&cSay != 0 && !st.opt.NullActors && st.mediaAddressee(a.e) {
			tgt = nil // "told reporters": whom it was said to, not a party
		}
		if code == "043" && v.code == "051" && tgt != nil && tgt.poss && !st.opt.NullActors {
			// "welcomed Miyazawa's presentation of plans to …": whom a
			// thing welcomed belongs to is praised, not received as a
			// guest (the verb's default, 051).
			code, rule = v.code, v.rule
		}
		if m.compound && m.compoundPost && subj != nil && !subj.uncoded && subj != m.src {
			src, tgt = subj, m.src
			m.compound = false
		}
	}
	if under {
		// (not a passive for passiveRoles: the source is known)
		src, tgt, subj, a.subject, passive = uSrc, uTgt, nil, nil, false
		if st.trace != nil {
			st.tracef("  %q: an event noun after \"come under\": the actor after \"by\" or \"from\" is the source, the subject the target", st.toks2text(a.s, a.e))
		}
	}
	if (code == "020" || code == "100") && m != nil && !st.opt.NullActors {
		// "asked Russia to withdraw its border guards": a bare appeal or
		// demand takes its sub-code from the verb it asks for.
		if c := st.complementCode(a, m.end, code); c != "" {
			code = c
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
	if r := code[:min(2, len(code))]; (r == "05" || r == "06" || r == "07") && st.soughtNoun(a.s) {
		// "will seek Japanese support", "Lebanon needs foreign help":
		// support sought or needed is not given; the verb of seeking,
		// when its subject is coded, is the event (an appeal).
		if st.trace != nil {
			st.dropped(a, "", "sought or needed, not given: the object of \"seek\", \"need\" or \"want\"")
		}
		return a.e
	}
	if why, consume := st.notOwnEvent(a, prev, m, code, tgt); why != "" && !under {
		if st.trace != nil {
			st.dropped(a, code, why)
		}
		if consume {
			return end
		}
		return a.e
	}
	meansSubject := false
	if !passive {
		code, meansSubject = st.byMeans(a, code, subj)
		if meansSubject {
			// "a roadside bomb killed three soldiers": no one named.
			subj, a.subject = nil, nil
			if m == nil || m.src == nil {
				src = st.agentless(a.s)
				if p := st.meansAgent(idx, a); p != nil && st.opt.Parse {
					src = p // "a drone launched by the Houthis struck Eilat"
				}
			}
		}
	}
	whenEnd := -1
	if passive && !fronted && (m == nil || !m.p.hasSource) && !st.opt.NullActors && forceRoot(code) && st.byAgent(a.e) == nil {
		// "two police officers were wounded when assailants opened fire
		// on their patrol": the clause after "when" names who did it,
		// and its verb is the same event.
		if p, e, c := st.whenAgent(a); p != nil {
			src, whenEnd = p, e
			if len(c) > len(code) || c[:2] == code[:2] && c != code && !genericViolence(c) {
				code = c // "killed when a suicide bomber blew himself up": 1831
			}
			if tgt == nil {
				tgt = subj
			}
			if st.trace != nil {
				st.tracef("  %q: the subject of the clause after \"when\" did it; that clause is this event", st.toks2text(a.s, a.e))
			}
		}
	}
	switch {
	case fronted:
		var ok bool
		if src, tgt, passive, ok = st.frontedRoles(idx, a, m, code, src, tgt, before, headline); !ok {
			return
		}
	case passive && whenEnd < 0 && (m == nil || !m.p.hasSource):
		var ok bool
		if src, tgt, passive, ok = st.passiveRoles(idx, a, m, code, src, tgt, subj, before, headline); !ok {
			return
		}
	}
	if passive && m != nil && m.p.hasSource && tgt == nil && subj != src {
		tgt = subj // "soldiers were killed by Hezbollah fire" with "* by $"
	}
	if (passive || under) && tgt == nil && src != nil && localCode(code) && !st.opt.NullActors {
		// "the village of Bilozerske was shelled by Russian artillery",
		// "villages in Borno state came under attack": what was hit is
		// a place, whose country is the target.
		tgt = st.placeBefore(before)
	}
	srcFromSubj := false
	if src == nil {
		src, srcFromSubj = subj, true
	}
	if code == "190" && src != nil && !src.uncoded && src.e > src.s && aerialMeans[st.normOf(src.e-1)] && !st.opt.NullActors {
		// "was attacked by Russian drones", "Israeli warplanes hit …":
		// force by air is CAMEO's aerial weapons (195).
		code = "195"
	}
	if src == nil && st.opt.UnnamedActors && strings.HasPrefix(code, "14") {
		src = st.crowdSubject(a.s) // "Thousands marched in Belgrade"
	}
	if src == nil && tgt != nil && st.opt.UnnamedActors && victimNoun[v.lemma] {
		src = st.agentless(a.s) // "losses of the Armed Forces of Ukraine amounted to 40"
	}
	defaultTarget := tgt == nil
	var shared *np // an object shared with a coordinated verb (clauses.go)
	if tgt == nil && (m == nil || !m.p.hasTarget || st.opt.OptionalTarget) && !passive {
		st.curCode = code // (objectAfter reads it: "threw stones at police in Nairobi")
		tgt, shared = st.objectOf(idx, a, code, end)
	}
	if tgt == nil && src != nil && !passive && !st.opt.NullActors {
		// "Iran told the IAEA it would allow inspectors in": what the
		// teller says it will do, it says to the addressee.
		tgt = st.tellersAddressee(a, prev, src)
	}
	if tgt == nil && src != nil && !passive && localCode(code) && !st.opt.NullActors {
		// "Japan said China had violated its airspace": Japan's
		tgt = st.speakersOwn(a, prev, src, end)
	}
	if st.trace != nil {
		st.srcWhy, st.tgtWhy = st.roles(idx, a, m, src, tgt, subj, shared, passive)
		if under && src == uSrc {
			st.srcWhy = "the actor after \"by\" or \"from\" (\"came under attack by\": clause walk)"
		}
		if under && tgt != nil && tgt == uTgt {
			st.tgtWhy = "the subject of \"came under\" (clause walk)"
		}
		defer func() { st.srcWhy, st.tgtWhy = "", "" }()
	}
	st.curCode = code
	src, tgt = st.placeAgents(idx, code, src, tgt)
	if src != nil && !src.uncoded {
		tgt = st.facilityTarget(idx, a, code, passive, tgt) // "attacked a police station" (facilities.go)
	}
	if st.hypothetical(before, subj) {
		if st.trace != nil {
			st.dropped(a, code, "in an if/unless clause, not an event")
		}
		a.consumed = true
		return end
	}
	if st.deniedImplication(a) {
		// "the deployment did not mean Washington was sending a new
		// warning" (forecast.go)
		if st.trace != nil {
			st.dropped(a, code, "what a negated 'mean', 'signal' or 'imply' says is not so, not an event")
		}
		a.consumed = true
		return end
	}
	if st.forecast(a, before, subj) {
		// "Baker believes Brazil will reach a deal" (forecast.go)
		if st.trace != nil {
			st.dropped(a, code, "what another expects or believes its subject will do, not an event")
		}
		a.consumed = true
		return end
	}
	if srcFromSubj && !st.force.on && st.opt.Parse && !v.noun && !a.nounUse && !(code == "010" && tgt == nil && st.opt.DyadicStatements) {
		// The clause walk may have the wrong subject, or none: where it is
		// in doubt, the parse decides, and the verb is coded again.
		if p, pass, r, ok := st.clauseSubject(idx, a, prev, before, subj, src == nil || src.uncoded, passive); ok {
			if st.trace != nil {
				if p != nil {
					st.tracef("  %q: the clause stage reads %q as its subject (%s); coding it again", st.toks2text(a.s, a.e), st.toks2text(p.s, p.e), st.describe(r))
				} else {
					st.tracef("  %q: the parse reads it as a passive participle after a noun that names no actor (%s); coding it again", st.toks2text(a.s, a.e), st.describe(r))
				}
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
		if e := st.askedOf(a, m, code, end); e > a.e {
			// "Officials asked Peru to release the prisoners", "he will
			// ask Japan to offer a share of its market": what the
			// addressee is asked to do has not happened, whoever asks.
			a.consumed = true
			return e
		}
		return a.e // its pattern's words may still be anchors of their own
	}
	if tgt != nil && len(tgt.members) > 1 && tgt != src {
		// "bombed Gaza and Hamas fired rockets": Gaza only (clauses.go)
		if h, _, ok := st.splitAcrossClauses(tgt, a, code); ok {
			tgt = h
		}
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
	if tgt == nil && strings.HasPrefix(code, "13") && !st.opt.NullActors && end+1 < len(st.toks) && (st.isWord(end, "if") || st.isWord(end, "unless")) {
		// "warned that it would strike back if Israel attacked": a threat
		// is aimed at whoever the condition names.
		if x := st.npAt[end+1]; x >= 0 && !st.nps[x].uncoded && !st.nps[x].oblique && !st.nps[x].poss && &st.nps[x] != src {
			tgt = &st.nps[x]
			if st.trace != nil {
				st.tgtWhy = "the subject of the condition after the threat (clause walk)"
			}
		}
	}
	if tgt == nil && code == "130" && (m == nil || m.p.literals == 0) && st.pessimisticWarning(a, end) {
		// "Britain warned that the tax could hit developing countries":
		// a warning that names no one warned and no actor in what it
		// warns of is a pessimistic comment, not a threat.
		code = "012"
		if st.trace != nil {
			st.tracef("  %q: a warning with no one warned and no actor in what it warns of: a pessimistic comment (012)", st.toks2text(a.s, a.e))
		}
	}
	baseCode := code // before negation or intent changes it
	if !neg && st.opt.Parse && !st.opt.IgnoreNegation && !v.noun && !a.nounUse {
		// "no longer supports", "would neither confirm nor deny": a
		// negation the verb group does not reach (clauses.go)
		if w := st.clauseNegation(idx, a, before); w != "" {
			neg = true
			qual = append(qual, w)
		}
	}
	if st.obliged && !neg && st.opt.Modality && !st.opt.NullActors {
		// "Russia said Ukraine must withdraw its troops": what must be
		// done is what the speaker demands of the clause's subject.
		if dc, sp := demand(code), st.reporter(a, prev); dc != "" && sp != nil && src != sp {
			if src != nil && !src.uncoded {
				tgt = src
			} else {
				tgt = nil
			}
			src, code, st.obliged = sp, dc, false
			qual = append(qual, "demanded")
			if st.trace != nil {
				st.srcWhy, st.tgtWhy = "the subject of the verb of saying (a demand: clause walk)", "the subject of what must be done (clause walk)"
			}
		}
	}
	if !neg && st.opt.Modality && !st.opt.NullActors {
		if cc, ok := st.conditional(a, code); ok {
			if cc == "" {
				// "if the price rose, miners would press for new mines",
				// "Mexico would have announced it if …": what would
				// happen on a condition has not happened.
				if st.trace != nil {
					st.dropped(a, code, "what would happen on a condition (if/unless), not an event")
				}
				a.consumed = true
				return end
			}
			// "Britain would use its powers to ban Japanese banks if …":
			// force or sanctions on a condition are a threat.
			code = cc
			qual = append(qual, "conditional")
		}
	}
	code, q, ok := st.modality(a, code, neg, intent, qual)
	if !ok {
		a.consumed = true
		return
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
	ev := emission{a: a, idx: idx, verb: v, baseCode: baseCode, rule: rule, q: q,
		vs: st.toks[a.s].Start, ve: st.toks[a.e-1].End}
	st.pairs(&ev, m, codes, src, tgt, end, passive, defaultTarget)
	if whenEnd > end {
		a.consumed = true
		end = whenEnd // the verb after "when" codes no second event
	}
	return end
}

// whenAgent returns the actor that does the act of violence in a clause
// after "when" right after the passive verb of anchor a ("were wounded
// when assailants opened fire on their patrol"), and the end of that
// clause's verb; nil when there is none.
func (st *state) whenAgent(a *anchor) (*np, int, string) {
	for k := a.e; k < len(st.toks) && k < a.e+8; k++ {
		if st.isWord(k, "when") || st.isWord(k, "as") {
			x := int32(-1)
			if k+1 < len(st.toks) {
				x = st.npAt[k+1]
				if x < 0 && k+2 < len(st.toks) && st.cls[k+1]&cDet != 0 {
					x = st.npAt[k+2]
				}
			}
			if x < 0 {
				return nil, -1, ""
			}
			p := &st.nps[x]
			if p.oblique || p.pron != "" || p.uncoded && p.agent == "" {
				return nil, -1, ""
			}
			for i := range st.anchors {
				b := &st.anchors[i]
				if b.s < p.e || b.s > p.e+3 || b.verb.noun || b.nounUse {
					continue
				}
				c := b.verb.code
				if best, ok := st.bestPattern(b); ok {
					c = best.p.code
				}
				if !forceRoot(c) {
					continue
				}
				e := b.e // to the end of the clause: its words code nothing
				for e < len(st.toks) && !st.isWord(e, ",") && !st.boundary(e) {
					e++
				}
				return p, e, c
			}
			return nil, -1, ""
		}
		if st.boundary(k) && st.cls[k]&cSubord == 0 || st.isWord(k, ",") {
			return nil, -1, ""
		}
	}
	return nil, -1, ""
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

// agentInPlace codes an agent with no state ("police", "protesters") by
// the place the sentence names: "Police arrested dozens of protesters in
// Istanbul" → TURCOP → TUROPP. Without a place in the sentence it stays
// uncoded.
func (st *state) agentInPlace(p *np, home string) *np {
	if !st.opt.AgentPlaces || !localCode(st.curCode) {
		return p
	}
	c, how := home, inferParty
	if st.weaponAgent(p) {
		return p // where drones or invaders strike is their target's land (unnamed.go weaponAgent)
	}
	if st.sentLoc != nil && st.sentLoc.Country != "" {
		c, how = st.sentLoc.Country, inferPlace
	}
	if c == "" {
		return p
	}
	c = st.settlersState(p, c)
	q := *p
	q.members = []member{{code: c + p.agent, country: c, kind: petrel.KindCountry,
		start: st.toks[p.s].Start, end: st.toks[p.e-1].End, mention: -1, rule: "agent in " + c, inferred: how}}
	q.uncoded = false
	return &q
}

// implicitAgent gives an agentless passive of coercion its evident agent:
// an arrest or deportation is the police's, a ban or curfew the
// government's, of the state where it happens (or the victim's). Other
// agentless passives ("was attacked") stay without a source.
//
// The agent is written nowhere, so its evidence is the verb (a) and it is
// marked inferred "implied", as an agentless "---" source is.
func (st *state) implicitAgent(code string, a *anchor, subj *np) *np {
	if !strings.HasPrefix(code, "17") || code == "1712" || code == "175" || subj == nil || !st.opt.AgentPlaces || subj.uncoded {
		// (nor the destruction of property or repression with no agent
		// named, which stay agentless: "Hindu homes and temples had
		// been vandalised"; a seizure, "banks nationalised", is the
		// state's)
		// (unnamed people arrested with no agent named, "dozens of
		// demonstrators were arrested in Minsk", are an agentless passive:
		// source ---, as issue 11's convention and every conflict set's
		// gold write it)
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
	if len(subj.members) > 0 && subj.members[0].code == c+role {
		return nil // the state itself would act on itself ("until Saddam Hussein is ousted")
	}
	return &np{s: a.s, e: a.s + 1, members: []member{{code: c + role, country: c, kind: petrel.KindCountry,
		start: st.toks[a.s].Start, end: st.toks[a.e-1].End, mention: -1, rule: "implicit agent of a passive", inferred: inferImplied}}}
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
	case refusalSub[code] != "":
		return refusalSub[code] // "would not release hostages" → 1243, CAMEO's sub-code
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

// refusalSub maps a negated aid or yield, given or intended, to CAMEO's
// refusal of the same kind: aid (071-074, 0331-0334) to 1221-1224, and
// easing, release, sanctions relief, international involvement and
// de-escalation (081-087, 0351-0356) to 1241-1246.
var refusalSub = map[string]string{
	"071": "1221", "0331": "1221", "072": "1222", "0332": "1222", "073": "1223", "0333": "1223", "074": "1224", "0334": "1224",
	"081": "1241", "0811": "1241", "0812": "1241", "0813": "1241", "0814": "1241", "0351": "1241",
	"082": "1242", "0352": "1242", "084": "1243", "0841": "1243", "0842": "1243", "0353": "1243",
	"085": "1244", "0354": "1244", "086": "1245", "0861": "1245", "0862": "1245", "0863": "1245", "0355": "1245",
	"087": "1246", "0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246", "0356": "1246",
}

// demand maps the code of what someone says must be done to the CAMEO
// demand for it ("Ukraine must withdraw" → 1056), or "" when there is
// none.
func demand(code string) string {
	switch {
	case strings.HasPrefix(code, "087"):
		return "1056" // withdraw, declare a ceasefire
	case strings.HasPrefix(code, "084"):
		return "1053" // release
	case strings.HasPrefix(code, "081"):
		return "1051"
	case code == "082":
		return "1052"
	case strings.HasPrefix(code, "083"):
		return "104"
	case code == "085":
		return "1054"
	case strings.HasPrefix(code, "086"):
		return "1055"
	case strings.HasPrefix(code, "08"):
		return "105"
	case code == "045", code == "039":
		return "108" // mediate
	case strings.HasPrefix(code, "04"), code == "036":
		return "106" // hold talks
	case code == "037", code == "027":
		return "107"
	case code == "061", code == "062", code == "063", code == "064":
		return "101" + code[2:] // extradite (063) → 1013
	case strings.HasPrefix(code, "06"):
		return "101"
	case code == "071", code == "072", code == "073", code == "074":
		return "103" + code[2:]
	case strings.HasPrefix(code, "07"):
		return "103"
	case strings.HasPrefix(code, "05"):
		return "102"
	}
	return ""
}

// appeal maps the code of what is asked for to the CAMEO appeal for it
// ("withdraw" 0874 → 0256), or "" when there is none. CAMEO's appeals
// (02x) mirror its demands (10x) digit for digit.
func appeal(code string) string {
	if d := demand(code); d != "" {
		return "02" + d[2:]
	}
	return ""
}

// complementCode returns the sub-code of a bare appeal (020) or demand
// (100) whose pattern ends at token end, before the verb it asks for
// ("asked Russia to withdraw its border guards" → 0256), from that
// verb's own pattern; "" when no verb follows or it maps to nothing.
func (st *state) complementCode(a *anchor, end int, code string) string {
	for i := range st.anchors {
		b := &st.anchors[i]
		if b == a || b.s < end || b.s > end+1 || b.verb.noun || b.nounUse {
			continue
		}
		c := b.verb.code
		if best, ok := st.bestPattern(b); ok {
			c = best.p.code
		}
		if code == "100" {
			return demand(c)
		}
		return appeal(c)
	}
	return ""
}

// tellersAddressee returns the addressee of the verb of telling (prev)
// whose clause anchor a stands in, when the clause's source is the
// teller itself ("Iran told the IAEA it would allow inspectors",
// "Russia told Ukraine it would not negotiate"), or nil. The press is no
// addressee ("told reporters").
func (st *state) tellersAddressee(a, prev *anchor, src *np) *np {
	if prev == nil || !tellWord[st.normOf(prev.s)] || st.reporter(a, prev) == nil || prev.e >= len(st.toks) {
		return nil
	}
	sp := prev.subject
	if len(src.members) != 1 || len(sp.members) != 1 || src.members[0].country != sp.members[0].country || src.members[0].country == "" {
		return nil
	}
	k := prev.e
	for k < len(st.toks)-1 && st.cls[k]&cDet != 0 && st.npAt[k] < 0 {
		k++ // "told the IAEA"
	}
	x := st.npAt[k]
	if x < 0 || st.mediaAddressee(k) {
		return nil
	}
	if p := &st.nps[x]; !p.uncoded && !p.oblique && p != sp && p.pron == "" {
		return p
	}
	return nil
}

// reporter returns the coded subject of the verb of saying (prev) whose
// clause anchor a stands in ("Russia said Ukraine must …", "told Kyiv
// it must …"), or nil.
func (st *state) reporter(a, prev *anchor) *np {
	if prev == nil || prev.e > a.s || st.cls[prev.s]&cSay == 0 || prev.subject == nil || prev.subject.uncoded {
		return nil
	}
	for k := prev.e; k < a.s; k++ {
		if st.boundary(k) && st.cls[k]&cThat == 0 || st.isWord(k, ",") {
			return nil // the clause must follow the verb of saying
		}
	}
	return prev.subject
}

// intend maps a material or consultation code to the CAMEO code for the
// intent to do it: "willing to provide aid" is 033, not 070.
func intend(code string) string {
	switch code {
	case "045":
		return "039" // offered to mediate; the rest of 04 is 036 below
	case "0841", "0842":
		return "0353" // would release hostages
	case "0871", "0872", "0873", "0874":
		return "0356" // would withdraw troops, declare a ceasefire
	case "174":
		return "" // "decided to expel three Chinese diplomats", "would expel two British diplomats": an expulsion announced is done
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

// forecastQual reports whether a verb group's qualifiers hold a forecast
// word before "to" ("is likely to", "are expected to"): what the reporter
// or an unnamed source expects, not what the subject says it will do.
func forecastQual(qual []string) bool {
	for _, q := range qual {
		if q == "likely to" || q == "unlikely to" || q == "expected to" {
			return true
		}
	}
	return false
}

// speechCode reports whether code is a statement that an obligation does
// not undo ("it must be said", "must stress"): 010–013 and 019. To
// consider a policy, claim or accept responsibility, deny, or make a
// symbolic act (014–018) under "must" is what someone demands, not done.
func speechCode(code string) bool {
	switch code {
	case "010", "011", "012", "013", "019":
		return true
	}
	return false
}

// hostsOthers reports whether the meeting anchor a hosts is between
// others ("host talks between Russia and Ukraine"): "between" follows
// within the verb's clause.
func (st *state) hostsOthers(a *anchor) bool {
	for k := a.e; k < len(st.toks) && k < a.e+6; k++ {
		if st.boundary(k) || st.isWord(k, ",") {
			return false
		}
		if st.isWord(k, "between") {
			return true
		}
	}
	return false
}

// modality maps the code of anchor a by what its verb group holds: a
// refusal to speak is no comment (011), a refusal its refusal code ("would
// not join" → 125), an intent its intent code ("will send troops" →
// 033); any other negation drops the event (ok is false). q says why, for
// the event's qualifier.
func (st *state) modality(a *anchor, code string, neg, intent bool, qual []string) (string, string, bool) {
	q := strings.Join(qual, " ")
	if neg && st.refusedSpeech && !st.opt.IgnoreNegation && (st.cls[a.s]&cSay != 0 || speechVerb[a.verb.lemma]) {
		// "declined to say", "refused to comment": no comment (011), not a
		// refusal of anything.
		return "011", "declined to comment", true
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
			return code, q, false
		}
		return nc, "negated: " + q, true
	}
	if intent && st.opt.Modality {
		if ic := intend(code); ic != "" {
			if code == "043" && st.hostsOthers(a) {
				ic = "039" // "offered to host talks between Congo and Rwanda": an offer to mediate
			}
			return ic, "intent: " + q, true
		}
	}
	if intent && st.opt.Modality && !st.opt.NullActors && forecastQual(qual) && !strings.HasPrefix(code, "14") && !strings.HasPrefix(code, "03") {
		// "the two leaders are likely to reaffirm the accord", "Norway is
		// expected to seek mediation": a forecast, the reporter's or
		// someone else's, of an act with no intent code is no event: the
		// act has not happened and no one has said it will. (An act with
		// an intent code, "is expected to sign", got it above, and an
		// intent, "is expected to propose", stays one: a scheduled act;
		// the subject's own "expects to reach" is its intent.)
		if st.trace != nil {
			st.dropped(a, code, "a forecast ("+q+") of an act with no intent code, not an event")
		}
		return code, q, false
	}
	if intent && st.opt.Modality && !st.opt.NullActors && strings.HasPrefix(code, "14") && !st.possible {
		// "workers would strike next month unless …", "the opposition
		// said it would hold a rally next week": a protest announced or
		// planned has not been held (CAMEO has no intent code for it).
		if st.trace != nil {
			st.dropped(a, code, "a protest or strike to come ("+q+"), not one held")
		}
		return code, q, false
	}
	if st.obliged && st.opt.Modality && !st.opt.NullActors && !speechCode(code) {
		// "Turkey told Sweden it must crack down", "Russia must withdraw":
		// what is demanded has not happened. (A statement, "must be
		// said", is still one.)
		if st.trace != nil {
			st.dropped(a, code, "an obligation ("+q+"), not an event")
		}
		return code, q, false
	}
	if st.possible && st.opt.Modality && !st.opt.NullActors {
		// "Turkey could launch an attack", "Germany may send troops": a
		// possibility is no event. An act that has an intent code gets
		// it (138, 0356, …), as with "would"; any other is dropped.
		if ic := intend(code); ic != "" && !st.possiblePast {
			return ic, "possible: " + q, true
		}
		if !st.possiblePast && !strings.HasPrefix(code, "01") && !strings.HasPrefix(code, "02") && !strings.HasPrefix(code, "13") {
			// "Britain could impose sanctions": a policy it considers (014)
			return "014", "possible: " + q, true
		}
		if st.trace != nil {
			st.dropped(a, code, "a possibility ("+q+"), not an event")
		}
		return code, q, false
	}
	return code, q, true
}

// passiveRoles gives the roles of a passive verb whose pattern names no
// source: the by-phrase is the source and the grammatical subject the
// target ("is being attended by officials"); failing a by-phrase, the
// agent evident from the act ("was arrested" → the state's police), or
// no one ("---": "two aid workers were abducted"). ok is false when the
// passive has no source at all and codes nothing.
func (st *state) passiveRoles(idx int, a *anchor, m *match, code string, src, tgt, subj *np, before int, headline bool) (_, _ *np, passive, ok bool) {
	v := a.verb
	passive = true
	// "is being attended by officials": the by-phrase is the source and
	// the grammatical subject the target.
	k := st.byAgent(a.e)
	if k != nil && a.relNoun != nil && st.auxBetween(a.e, k.s) {
		k = nil // "a diplomat accused of spying was expelled by Serbia": the later verb's agent
	}
	if k != nil {
		st.agentRole = role{how: "the by-phrase of the passive (clause walk)"}
	} else if st.opt.Parse {
		k = st.clauseAgent(idx, a)
	}
	if k == nil && a.relNoun == nil && !st.opt.NullActors {
		if k = st.causativeAgent(a, nil); k != nil {
			st.agentRole = role{how: "the subject of \"have\" or \"get\" before the participle's object (clause walk)"}
		}
	}
	if k == nil && m != nil && !st.opt.NullActors {
		// "was killed in an Israeli air strike": the state that owns the
		// means the pattern names is the agent.
		if k = st.meansOwner(a.e, m.end); k != nil {
			st.agentRole = role{how: "the state that modifies the means in the pattern (clause walk)"}
		}
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
	} else if s := st.implicitAgent(code, a, subj); s != nil {
		// "Imran Khan was arrested in Islamabad": the state's police.
		src, tgt = s, subj
	} else if st.opt.UnnamedActors && (code == "173" || code == "174") && subj != nil && subj.uncoded && unnamedRole(subj.agent) && subj.agent != "MIL" && subj.agent != "SPY" && st.sentLoc != nil {
		// "dozens of demonstrators were arrested in Minsk": no agent is
		// named, so the source is --- (not soldiers or spies, often
		// arrested abroad; not with no place, where the arrest may be of
		// anyone anywhere).
		src, tgt = st.agentless(a.s), subj
		if st.trace != nil {
			st.tracef("  verb %q: agentless passive, source ---", st.toks2text(a.s, a.e))
		}
	} else if st.opt.UnnamedActors && subj == nil && agentlessCode(code) && st.victimBefore(a.s) != nil && st.agentlessOK(v, m, st.victimBefore(a.s)) {
		// "Over 30 Ukrainian soldiers killed in …": the quantity's
		// preposition made the victims oblique.
		src, tgt = st.agentless(a.s), st.victimBefore(a.s)
		if st.trace != nil {
			st.tracef("  verb %q: agentless passive, source ---", st.toks2text(a.s, a.e))
		}
	} else if st.opt.UnnamedActors && agentlessCode(code) && (st.agentlessOK(v, m, subj) || headline && subj == nil && st.numberBefore(a.s)) && (subj != nil || st.propertyBefore(before) || st.numberBefore(a.s) || headline || patternNamesMeans(m)) {
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
		return src, tgt, passive, false
	}
	return src, tgt, passive, true
}

// objectOf finds the target of anchor a when its pattern named none: the
// first actor after the verb or its pattern's words (walk.go), or the
// object a coordinated verb after it names (shared, from the parse). A
// verb of saying takes none, and for statements, protests and
// cooperation a place after "in" is where, not whom.
func (st *state) objectOf(idx int, a *anchor, code string, end int) (tgt, shared *np) {
	// For statements, "in Berlin" is where it was said, not to whom.
	stmt := strings.HasPrefix(code, "01") || strings.HasPrefix(code, "14") ||
		cooperation(code) && !st.opt.NullActors // "discussed the conflict in Sudan", "signed the deal in Washington"
	switch {
	case pureSay[st.normOf(a.s)] && !st.opt.SayTargets:
		// "Lavrov said Moscow regretted …": the actor after a verb of
		// saying is the subject of what was said, not its target.
	case st.cls[a.s]&cSay != 0 && !st.opt.NullActors && st.mediaAddressee(a.e):
		// "told reporters (in Paris) that Iran had seized a tanker": the
		// press is whom it was said to, as with "said", not a party.
	case end > a.e:
		// "hosted the group for talks": the object may stand between
		// the verb and the pattern's words.
		if tgt = st.objectAfterIn(a.e, end, stmt); tgt != nil && tgt.uncoded && !strings.HasPrefix(code, "17") && !strings.HasPrefix(code, "18") && !strings.HasPrefix(code, "084") && code != "116" {
			tgt = nil // an uncoded agent in the span is a victim only of coercion or assault, or the released; "massed troops" are the means
		}
		if tgt == nil || tgt.uncoded {
			if t := st.objectAfter(end, 12, stmt); t != nil && (tgt == nil || !t.uncoded && !(t.oblique && st.c.locPrep[t.prep])) {
				tgt = t
			}
		}
	default:
		limit := 12
		if st.cls[a.s]&cSay != 0 && !st.opt.NullActors {
			// "told a news conference that Beijing condemned …": whom it
			// was told is before "that"; after it comes what was told.
			for k := end; k < len(st.toks) && k < end+limit; k++ {
				if st.isWord(k, "that") {
					limit = k - end
					break
				}
			}
		}
		tgt = st.objectAfter(end, limit, stmt)
		if r := st.recipient(tgt, code); r != nil {
			tgt = r // "extradited a Syrian militant to Iraq": Iraq
		}
		if tgt == nil && st.opt.Parse {
			shared = st.clauseObject(idx, a, end)
			tgt = shared
		}
	}
	return tgt, shared
}

// recipient returns the actor after "to" that follows the object tgt of
// an act of giving or handing over (material cooperation, aid, return:
// roots 06–08), which is the act's target rather than what is given:
// "extradited a Syrian militant to Iraq", "returned 30 prisoners to
// Ukraine". It returns nil when there is none.
func (st *state) recipient(tgt *np, code string) *np {
	if tgt == nil || tgt.oblique || st.opt.NullActors || len(code) < 2 || code[0] != '0' || code[1] < '6' || code[1] > '8' {
		return nil
	}
	for k := tgt.e; k < len(st.toks) && k < tgt.e+8; k++ {
		if st.boundary(k) || st.isWord(k, ",") || st.cls[k]&cConj != 0 || k > tgt.e && st.verbAt(k) {
			return nil
		}
		if x := st.npAt[k]; x >= 0 && x != st.npAt[tgt.s] {
			if p := &st.nps[x]; p.oblique && st.isWordID(p.prep, "to") && !p.uncoded && p.pron == "" {
				return p
			}
			return nil
		}
	}
	return nil
}

// placeAgents gives an agent with no state ("police", "soldiers",
// "protesters") its state: from the place of the sentence or the other
// party (agentInPlace), else as an actor without a name (unnamed.go).
func (st *state) placeAgents(idx int, code string, src, tgt *np) (_, _ *np) {
	q := st.conjoinedAgent(src)
	if q == nil {
		return st.placeAgentsOf(idx, code, src, tgt)
	}
	// "Students and rail workers marched", "Farmers and truck drivers
	// blocked roads": each agent of the compound acts, as the members of a
	// compound of named actors do.
	q1, _ := st.placeAgentsOf(idx, code, q, tgt)
	s1, t1 := st.placeAgentsOf(idx, code, src, tgt)
	if q1 != nil && s1 != nil && !q1.uncoded && !s1.uncoded && len(q1.members) > 0 && len(s1.members) > 0 {
		m := *s1
		m.s = q1.s
		m.members = append(append([]member{}, q1.members...), s1.members...)
		return &m, t1
	}
	return s1, t1
}

// placeAgentsOf is placeAgents for one source phrase.
func (st *state) placeAgentsOf(idx int, code string, src, tgt *np) (_, _ *np) {
	src, tgt = st.ownersAgent(src), st.ownersAgent(tgt)
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
		if src != nil && !src.uncoded && oneState(src) && (strings.HasPrefix(code, "17") || strings.HasPrefix(code, "14") ||
			strings.HasPrefix(code, "08") || code == "1243" || code == "116") { // "Belarus released 16 opposition activists"
			home = src.members[0].country
		}
		if src != nil && !src.uncoded && oneState(src) && strings.HasSuffix(src.members[0].code, "COP") && localCode(code) {
			// Police act at home: "police in Bangladesh opened fire on
			// student protesters" → BGDCOP → BGDOPP.
			home = src.members[0].country
		}
		if src != nil && !src.uncoded && len(src.members) == 1 && domesticRole(src.members[0].code) && tgt.uncoded && tgt.s > 0 && st.isWord(tgt.s-1, "the") &&
			(strings.HasPrefix(code, "10") || strings.HasPrefix(code, "11") || strings.HasPrefix(code, "12")) {
			// "the police", "the army" named by a state's opposition,
			// press, courts or people are their own state's: "Kenya's
			// opposition leader accused the police of killing
			// protesters" → KENOPP → KENCOP. (A state or its government
			// speaks as often of another's: "the United States
			// criticised the army".)
			tgt = st.homeAgent(tgt, src.members[0].country)
			if tgt.agent == "GOV" && !strings.HasPrefix(code, "12") {
				// "the opposition demanded the resignation of the
				// president": their own state's government
				tgt = st.stateAgent(tgt, src.members[0].country)
			}
		}
		tgt = st.agentInPlace(tgt, home)
		if tgt.uncoded && (code == "0841" || code == "1243" || code == "116") && tgt.agent != "BUS" {
			// A release, or a refusal to release, is of people the
			// source holds, which agentInPlace (for local codes only)
			// does not see: "Belarus freed 14 political prisoners" →
			// BLROPP; "the junta in Guinea refused to release the
			// detained journalists" → GINMED; so are those its courts
			// sentence ("a court in Tunis sentenced an opposition
			// politician" → TUNOPP).
			tgt = st.homeAgent(tgt, home)
		}
	}
	if src != nil && src.uncoded && src.agent != "" {
		src = st.unnamedAgent(src, idx)
	}
	if tgt != nil && tgt.uncoded && tgt.agent != "" {
		tgt = st.unnamedAgent(tgt, idx)
	}
	return src, tgt
}

// oneState reports whether every member of p has one and the same state:
// "Myanmar police and soldiers" act at home as "Myanmar police" does.
func oneState(p *np) bool {
	if len(p.members) == 0 || p.members[0].country == "" {
		return false
	}
	for _, m := range p.members[1:] {
		if m.country != p.members[0].country {
			return false
		}
	}
	return true
}

// conjoinedAgent returns the agent phrase with no state joined by "and"
// right before the agent phrase p with no state ("Students and rail
// workers"), or nil.
func (st *state) conjoinedAgent(p *np) *np {
	if p == nil || !p.uncoded || p.agent == "" || p.oblique || p.s < 2 || !st.isWord(p.s-1, "and") || !st.opt.UnnamedActors {
		return nil
	}
	x := st.npAt[p.s-2]
	if x < 0 {
		return nil
	}
	q := &st.nps[x]
	if !q.uncoded || q.agent == "" || q.oblique || q.e != p.s-1 || q.poss || q.name {
		return nil
	}
	return q
}

// homeAgent gives an uncoded agent phrase p (a role with no state:
// "political prisoners", "the police") the state c of the party it
// belongs to, inferred from that party; p is returned unchanged when c is
// "" or the role is not one an unnamed actor may have.
func (st *state) homeAgent(p *np, c string) *np {
	if !unnamedRole(p.agent) {
		return p
	}
	return st.stateAgent(p, c)
}

// stateAgent codes the uncoded agent phrase p as an agent of state c.
func (st *state) stateAgent(p *np, c string) *np {
	if c == "" || !st.opt.AgentPlaces || !p.uncoded || p.agent == "" {
		return p
	}
	q := *p
	q.members = []member{{code: c + p.agent, country: c, kind: petrel.KindCountry,
		start: st.toks[p.s].Start, end: st.toks[p.e-1].End, mention: -1, rule: "agent in " + c, inferred: inferParty}}
	q.uncoded = false
	return &q
}

// aerialMeans are the head nouns of an agent that fights from the air.
var aerialMeans = map[string]bool{"drones": true, "drone": true, "warplanes": true, "warplane": true, "jets": true, "jet": true,
	"aircraft": true, "helicopters": true, "helicopter": true, "gunships": true, "bombers": true, "missiles": true, "missile": true}

// ownersAgent codes an agent phrase right after a possessive pronoun
// that stands for a coded actor as an agent of that actor's state, for
// armed forces, police and spies: "Iraq said today its troops had killed
// thousands of Iranians" → IRQMIL (was the victims' IRNMIL), "Iran said
// its forces had captured …" → IRNMIL. It returns p unchanged otherwise.
func (st *state) ownersAgent(p *np) *np {
	if p == nil || !p.uncoded || p.agent == "" || p.s == 0 || st.opt.NullActors {
		return p
	}
	x := st.npAt[p.s-1]
	if x < 0 {
		return p
	}
	q := &st.nps[x]
	if q.pron == "" || !q.poss || q.e != p.s || len(q.members) != 1 || q.members[0].country == "" ||
		p.agent != "MIL" && p.agent != "COP" && p.agent != "SPY" {
		// only armed forces: "its government", "their workers" and "his
		// citizens" coded too many events that are no news on Reuters
		return p
	}
	return st.stateAgent(p, q.members[0].country)
}

// domesticRole reports whether an actor code is a state's people acting
// at home (opposition, parties, lawmakers, courts, press, rights groups,
// civilians, students, workers, clergy), not the state or its government.
func domesticRole(code string) bool {
	if len(code) < 6 {
		return false
	}
	switch code[3:6] {
	case "OPP", "PTY", "LEG", "JUD", "MED", "CVL", "EDU", "LAB", "REL", "HLH", "AGR":
		return true
	}
	return false
}

// stopWord are verbs whose object event noun is what stops, not what
// happens: "called on Israel to stop attacks on Gaza".
var stopWord = map[string]bool{"stop": true, "stops": true, "stopped": true, "stopping": true, "end": true, "ends": true,
	"ended": true, "ending": true, "halt": true, "halts": true, "halted": true, "halting": true, "cease": true,
	"ceased": true, "ceasing": true}

// stopBefore reports whether a verb of stopping stands right before the
// event noun at token a, past its determiner and adjectives.
func (st *state) stopBefore(a int) bool {
	j := a - 1
	for j >= 0 && (st.cls[j]&(cDet|cPossPron) != 0 || st.isAdj(j)) {
		j--
	}
	return j >= 0 && stopWord[st.normOf(j)]
}

// describesObject reports whether anchor a is a participle read as a
// passive right after the object of the coded verb before it: "released
// a British couple detained in Afghanistan since February". Only a
// determiner, number, adjective, state modifier or the object's own
// words may stand between that verb and the participle. The participle
// says what had happened to the object, background to the news, not
// news of its own.
func (st *state) describesObject(a, prev *anchor) bool {
	if prev == nil || !prev.coded || !a.passive || a.s <= prev.e+1 || !st.participle(a.e-1) || st.beBetween(prev.e, a.s) {
		return false
	}
	for k := prev.e; k < a.s; k++ {
		if x := st.npAt[k]; x >= 0 {
			if p := &st.nps[x]; p.oblique || !p.mod && !p.uncoded && p.e != a.s {
				return false // only the object itself, or a state modifying it
			}
			continue
		}
		t := st.toks[k]
		if t.Kind == text.Number || st.cls[k]&(cDet|cNumber) != 0 || st.isAdj(k) {
			continue
		}
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k] != 0 || st.verbAt(k) {
			return false
		}
	}
	return true
}

// notOwnEvent says why the event of anchor a, with this code and
// pattern (m, nil if none matched) and the target its pattern gave, is
// not an event of its own, or "" when it is; consume says whether the
// words of its pattern stay the anchor's. An event noun whose by-phrase
// filled the target slot names its agent and no target ("a warning by
// Turkey"); an event noun after "any" or "no" is none that happened; a
// participle after a violent event is its toll ("attacked a bus, killing
// 12"); an event noun after a verb of stopping is what stops ("stop
// attacks on Gaza"); an event noun after "over" is the topic of another act
// ("expelled a diplomat over the killing of a separatist").
// lastCodedViolent reports whether the last anchor before a that coded an
// event coded violence: a participle between them that coded nothing
// ("detonated explosives among crowds gathered outside the airport,
// killing 13") does not make the toll a new event.
func (st *state) lastCodedViolent(a *anchor) bool {
	for i := len(st.anchors) - 1; i >= 0; i-- {
		p := &st.anchors[i]
		if p.e > a.s || !p.coded {
			continue
		}
		return p.violent
	}
	return false
}

func (st *state) notOwnEvent(a, prev *anchor, m *match, code string, tgt *np) (why string, consume bool) {
	noun := a.nounUse || a.verb.noun
	switch {
	case noun && m != nil && m.src == nil && tgt != nil && tgt == m.tgt && tgt.oblique && !tgt.uncoded && a.e < tgt.s && tgt.s <= a.e+3 &&
		st.isWord(a.e, "by") && !strings.HasPrefix(code, "14") && !st.opt.NullActors:
		// (A strike "by 9,000 dockworkers", agents with no state, is left
		// to the unnamed actors' stage.)
		return "the by-phrase of an event noun is its agent, and no target is named", false
	case noun && a.s > 0 && (st.isWord(a.s-1, "any") || st.isWord(a.s-1, "no")) && !st.opt.NullActors:
		return "an event noun after \"any\" or \"no\": none that happened", false
	case !st.opt.NullActors && prev != nil && prev.coded && a.s > prev.e && strings.HasSuffix(st.normOf(a.s), "ing") &&
		(st.isWord(a.s-1, "against") || st.isWord(a.s-1, "from")):
		return "what the verb before it warns against or keeps someone from (\"warned Iran against attacking Israel\")", true
	case (!noun || a.nounUse && !a.verb.noun) && !st.opt.NullActors && st.prenominal(a):
		// (a participle after a determiner reads as a noun, "the
		// recaptured town", but is an adjective)
		return "a participle between a determiner and its noun: an adjective (\"a detained businessman\")", false
	case !st.opt.NullActors && st.stopBefore(a.s):
		return "what is to stop or end, not an event", true
	case !st.opt.NullActors && noun && prev != nil && prev.coded && prev.violent && !prev.passive && (prev.subject != nil && !prev.subject.uncoded || prev.subjAgent != nil) &&
		a.s >= 2 && st.cls[a.s-1]&cDet != 0 && (st.isWord(a.s-2, "in") || st.isWord(a.s-2, "during")) && prev.e <= a.s-2 && !st.commaBetween(prev.e, a.s):
		// "jihadists killed nine soldiers in an attack on a military
		// post": the attack the killing was done in, not another event
		return "the act the violent verb before it was done in, not another event", false
	case !st.opt.NullActors && st.describesObject(a, prev):
		a.background = true
		return "a participle describing the object of the verb before it: what had happened to it", false
	case st.opt.UnnamedActors && prev != nil && ((prev.violent || st.lastCodedViolent(a)) && st.isWord(a.s-1, ",") || st.tollAnd(a)) && a.s > 0 &&
		strings.HasSuffix(st.normOf(a.s), "ing") && (agentlessCode(code) || strings.HasPrefix(code, "17")) &&
		code != "181":
		// (but an abduction or hostage-taking is no toll: "attacked a
		// school, killing 41 and abducting six others" is two acts, and
		// "stormed a hotel, taking guests hostage" the hostage-taking:
		// entryThenAct)
		return "the toll of the event before it, not another event", true
	case st.opt.UnnamedActors && a.passive && agentlessCode(code) && st.tallyBefore(a.s):
		// the words of its pattern ("in the fighting") and the
		// sentence's attack nouns are the tally's too (summary.go)
		a.consumed, a.violent = true, true
		return "a tally of the dead (\"the number of people killed in the fighting has risen to 459\"), not an event", true
	case st.opt.UnnamedActors && prev != nil && prev.violent && a.passive && agentlessCode(code) && st.leftToll(a):
		return "the toll of the event before it (\", leaving four soldiers wounded\"), not another event", true
	case st.opt.UnnamedActors && strings.HasPrefix(code, "14") && st.coveredBefore(a.s):
		return "a protest reporters cover, not theirs (\"journalists covering an opposition rally\")", true
	case st.opt.UnnamedActors && (localCode(code) || strings.HasPrefix(code, "17")) && st.topicBefore(a.s):
		return "the topic of another act (after \"over\")", true
	case st.opt.UnnamedActors && noun && localCode(code) && st.causeBefore(a.s) && st.eventBefore(a):
		return "what led to the event before it (after \"after\" or \"following\"), not another event", true
	}
	return "", false
}

// coveredBefore reports whether a verb of reporting ("covering",
// "filming", "reporting on") stands right before the event noun at token
// k, its determiners, adjectives and the actor words modifying it aside.
func (st *state) coveredBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch st.normOf(j) {
		case "covering", "cover", "covered", "filming", "filmed", "photographing", "reporting", "reported":
			return true
		case "on":
			continue
		}
		if st.cls[j]&cDet == 0 && !st.isAdj(j) && st.npAt[j] < 0 {
			return false
		}
	}
	return false
}

// tollAnd reports whether anchor a, a participle after "and", follows
// another participle after a comma after a violent verb: the
// second half of a toll ("exploded in a market, killing 10 people and
// wounding 30").
func (st *state) tollAnd(a *anchor) bool {
	if a.s < 2 || !st.isWord(a.s-1, "and") {
		return false
	}
	for k := a.s - 2; k > 0; k-- {
		if st.boundary(k) {
			return false
		}
		if strings.HasSuffix(st.normOf(k), "ing") && st.isWord(k-1, ",") {
			for i := range st.anchors {
				if b := &st.anchors[i]; b.violent && b.e <= k-1 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// frontedRoles gives the roles of a light verb in the passive whose event
// noun is its subject (frontedPattern): "talks were held between Armenia
// and Azerbaijan" are each side's toward the other; otherwise the
// by-phrase is the source, as for any passive, and the target is the
// first coded actor after the verb that is not the by-agent ("an
// offensive was launched against Islamic State by Iraqi forces"). ok is
// false when the passive has no source at all.
func (st *state) frontedRoles(idx int, a *anchor, m *match, code string, src, tgt *np, before int, headline bool) (_, _ *np, passive, ok bool) {
	if !m.p.hasSource && a.e+1 < len(st.toks) && st.isWord(a.e, "between") && st.byAgent(a.e) == nil {
		if x := st.npAt[a.e+1]; x >= 0 && len(st.nps[x].members) >= 2 && !st.nps[x].uncoded {
			return &st.nps[x], tgt, false, true
		}
	}
	passive = true
	if !m.p.hasSource {
		if src, tgt, passive, ok = st.passiveRoles(idx, a, m, code, src, tgt, nil, before, headline); !ok {
			return src, tgt, passive, false
		}
	}
	if tgt == nil {
		if tgt = st.objectAfter(m.end, 12, cooperation(code)); tgt != nil && tgt == src {
			tgt = st.objectAfter(src.e, 12, cooperation(code))
		}
		if tgt != nil && tgt.uncoded {
			tgt = nil // "destroyed on the right bank": no party
		}
	}
	return src, tgt, passive, true
}

// speakersOwn returns the speaker of a reported clause when the object
// of its act of force is the speaker's own thing, written "its": "Japan
// said China had violated its airspace", "Lebanon complained that
// Israeli jets had violated its airspace". Coreference reads "its" as
// the clause's subject, the nearest state, but no one violates its own
// airspace or shells its own towns. It returns nil unless "its" opens
// the object, stands for the source, and the verb before (prev) reports
// the clause, with "that" or nothing between, and has a coded subject of
// its own.
func (st *state) speakersOwn(a, prev *anchor, src *np, end int) *np {
	if prev == nil || prev.subject == nil || prev.subject == src || prev.subject.uncoded || prev.e > src.s || len(src.members) != 1 {
		return nil
	}
	for k := prev.e; k < src.s; k++ {
		if !st.isWord(k, "that") && st.npAt[k] < 0 && st.cls[k]&(cDet|cPrep) == 0 {
			return nil // the subject opens the reported clause (after the addressee)
		}
	}
	for k := a.e; k < len(st.toks) && k < max(end, a.e)+3; k++ {
		x := st.npAt[k]
		if x < 0 {
			continue
		}
		p := &st.nps[x]
		if p.poss && p.pron == "its" && len(p.members) == 1 && p.members[0].code == src.members[0].code {
			return prev.subject
		}
		return nil
	}
	return nil
}

// pessimisticWarning reports whether anchor a is the verb "warn" with no
// one warned and no actor (coded or an unknown proper name) in the rest
// of its sentence: "warned that this year's
// harvest would suffer", "warned of a severe drought". Such a warning,
// matched by no pattern naming a threatened act, threatens no one (CAMEO
// 012, not 130).
func (st *state) pessimisticWarning(a *anchor, end int) bool {
	if a.verb.lemma != "warn" || a.verb.noun || a.nounUse || st.opt.NullActors {
		return false
	}
	for k := a.e; k < len(st.toks); k++ {
		if x := st.npAt[k]; x >= 0 && (!st.nps[x].uncoded || st.nps[x].name) {
			return false
		}
	}
	return end >= a.e
}

// purposeHead are the nouns and participles a purpose infinitive or
// "at" hangs on: "in an attempt to", "in order to", "efforts aimed at".
var purposeHead = map[string]bool{
	"attempt": true, "attempts": true, "effort": true, "efforts": true, "bid": true,
	"order": true, "aimed": true, "designed": true, "intended": true, "meant": true,
}

// endVerb are verbs whose object already exists: "talks aimed at ending
// the strike" are about a strike that happened.
var endVerb = map[string]bool{
	"end": true, "ending": true, "stop": true, "stopping": true, "halt": true, "halting": true,
	"resolve": true, "resolving": true, "settle": true, "settling": true, "defuse": true, "defusing": true,
	"break": true, "breaking": true, "lift": true, "lifting": true, "cut": true, "cutting": true,
	"reduce": true, "reducing": true, "suspend": true, "suspending": true,
}

// purposeObject reports whether the noun at token a is the object of a
// verb in a purpose ("in an attempt to increase cooperation", "in order
// to deter attacks", "efforts aimed at starting discussions"), with
// determiners, adjectives or a possessive between: what the purpose aims
// at, not an event that happened.
func (st *state) purposeObject(a int) bool {
	// k is "to" or "at" before the purpose's verb; between that verb and
	// the noun only words of its phrase (no preposition, conjunction or
	// clause word, no punctuation), at most four.
	for k := a - 2; k >= 1 && a-k <= 6; k-- {
		w := st.toks[k+1]
		if w.Kind != text.Word || st.cls[k+1] != 0 || st.npAt[k+1] >= 0 {
			continue
		}
		switch {
		case st.isWord(k, "to"):
		case st.isWord(k, "at") && strings.HasSuffix(st.normOf(k+1), "ing"):
		default:
			continue
		}
		if !purposeHead[st.normOf(k-1)] || endVerb[st.normOf(k+1)] {
			return false
		}
		for j := k + 2; j < a; j++ {
			if st.toks[j].Kind != text.Word || st.cls[j]&(cPrep|cConj|cRel|cSubord|cThat|cSay|cBe|cAux|cModal|cNeg) != 0 {
				return false
			}
		}
		return true
	}
	return false
}

// thanksTo reports whether anchor a is "thanks" in the preposition
// "thanks (largely) to": at the start of the sentence or after a comma or
// an adverb, not after a verb that gives thanks or a possessive ("conveyed
// his thanks to").
func (st *state) thanksTo(a *anchor) bool {
	if a.e-a.s != 1 || st.normOf(a.s) != "thanks" {
		return false
	}
	k := a.e
	for k < len(st.toks) && k < a.e+2 && strings.HasSuffix(st.normOf(k), "ly") {
		k++ // "thanks largely to"
	}
	if k >= len(st.toks) || !st.isWord(k, "to") {
		return false
	}
	if a.s == 0 {
		return true
	}
	p := st.toks[a.s-1]
	return p.Kind == text.Punct && st.isWord(a.s-1, ",") || p.Kind == text.Word && st.cls[a.s-1]&(cDet|cPossPron|cSay) == 0 && (strings.HasSuffix(st.normOf(a.s-1), "ly") || st.toks[a.s-1].Kind == text.Number)
}

// seekVerb are the verbs whose object is wanted, not had: "seek Japanese
// support", "needs foreign help", "wants White House backing".
var seekVerb = map[string]bool{
	"seek": true, "seeks": true, "seeking": true, "sought": true,
	"need": true, "needs": true, "needed": true, "needing": true,
	"want": true, "wants": true, "wanted": true, "wanting": true,
	"canvass": true, "canvassing": true, "canvassed": true,
	"enlist": true, "enlisting": true, "enlisted": true,
	"solicit": true, "soliciting": true, "solicited": true,
}

// soughtNoun reports whether the word at token a (a noun of support,
// cooperation or aid, by the caller's check) is the object of a verb
// of seeking or needing (seekVerb), with determiners, a possessive, an
// actor's name or one adjective between: "to seek International Monetary
// Fund help", "needed foreign support".
func (st *state) soughtNoun(a int) bool {
	j := a - 1
	if j >= 1 && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 && st.cls[j] == 0 && st.npAt[j] < 0 && !st.anchorStarts(j) && !seekVerb[st.normOf(j)] {
		j-- // one adjective: "governmental support"
	}
	for j >= 0 && a-j <= 8 {
		switch {
		case st.toks[j].Kind != text.Word:
			return false
		case seekVerb[st.normOf(j)]:
			return true
		case st.npAt[j] >= 0, st.cls[j]&(cDet|cPossPron|cNumber) != 0:
			j--
		default:
			return false
		}
	}
	return false
}

// anchorStarts reports whether an anchor starts at token j.
func (st *state) anchorStarts(j int) bool {
	for i := range st.anchors {
		if st.anchors[i].s == j {
			return true
		}
	}
	return false
}

// leftToll reports whether anchor a, a participle, closes a toll opened
// by "leaving" or "left" after a comma, with only the casualties between
// (", leaving four soldiers wounded", ", leaving 12 people dead").
func (st *state) leftToll(a *anchor) bool {
	for k := a.s - 1; k >= 1 && k >= a.s-8; k-- {
		if st.isWord(k, "leaving") || st.isWord(k, "left") {
			return st.isWord(k-1, ",")
		}
		if st.toks[k].Kind == text.Punct || st.boundary(k) {
			return false
		}
	}
	return false
}

// tallyBefore reports whether the participle at token j counts the
// victims of what came before, after "the number of", "the toll of" or
// "the tally of" and the victims' noun: "the number of people killed in
// the fighting" ("a number of people were killed" is an event).
func (st *state) tallyBefore(j int) bool {
	k := j - 1
	for n := 0; k >= 0 && n < 4 && st.toks[k].Kind != text.Punct && (st.npAt[k] >= 0 || st.cls[k]&(cDet|cNumber) != 0 ||
		st.toks[k].Kind == text.Number || st.isAdj(k) || st.toks[k].Kind == text.Word && st.cls[k] == 0 && !st.verbAt(k)); n++ {
		k--
	}
	if k < 2 || !st.isWord(k, "of") {
		return false
	}
	switch st.normOf(k - 1) {
	case "number":
		return st.isWord(k-2, "the")
	case "toll", "tally":
		return true
	}
	return false
}

// conditional maps the code of anchor a when its clause says what would
// happen on a condition: "would" before the verb in its clause (not
// across a comma or a conjunction), and an "if" or "unless" clause in the
// sentence ("Britain would use its powers to ban Japanese banks if it was
// not satisfied"). Force and sanctions on a condition are threats (138,
// 131, 132, 130); an appeal or a statement that would be made on a
// condition, and anything that "would have" happened, is no event ("");
// a conditional offer of aid or talks stays an intent; demands, complaints,
// refusals, threats and a policy considered (014) keep their code, and
// "could" or "might" is left to modality, a possibility (ok false).
func (st *state) conditional(a *anchor, code string) (string, bool) {
	if len(code) < 2 || code[:2] >= "10" && code[:2] <= "14" || code == "014" {
		return "", false
	}
	modal := -1
	for j := a.s - 1; j >= 0 && a.s-j <= 10; j-- {
		if st.boundary(j) || st.isWord(j, ",") || st.isWord(j, "and") || st.isWord(j, "but") {
			break
		}
		if w := st.normOf(j); w == "would" || w == "could" || w == "might" {
			modal = j
			break
		}
	}
	if modal < 0 || !st.isWord(modal, "would") || !st.conditionIn(modal) {
		// ("might agree to the tax if …", "could revoke licences if …":
		// a possibility, which modality codes)
		return "", false
	}
	if code[:2] < "10" && intend(code) != "" && !(modal+1 < a.s && st.isWord(modal+1, "have")) {
		// "would provide aid if elections are held": a conditional
		// offer, an intent (modality); not "would have signed"
		return "", false
	}
	switch code[:2] {
	case "15", "18", "19", "20":
		return "138", true
	case "16":
		return "131", true
	case "17":
		if code == "172" {
			return "132", true
		}
		return "130", true
	}
	return "", true
}

// conditionIn reports whether the sentence has an "if" or "unless" clause
// that conditions the clause of the modal at token modal: before it in
// the same sentence ("if the price rose, miners would …") or after it
// ("would retaliate if attacked"), but not "as if", "even if", "if any",
// "if necessary", nor "whether" after a verb of asking ("asked if").
func (st *state) conditionIn(modal int) bool {
	for k := range st.toks {
		w := st.normOf(k)
		if w != "if" && w != "unless" {
			continue
		}
		if k > 0 {
			switch st.normOf(k - 1) {
			case "as", "even", "asked", "ask", "asking", "asks", "know", "see", "wonder", "wondered", "decide", "doubt", "whether", "what":
				continue
			}
		}
		if k+1 < len(st.toks) {
			switch st.normOf(k + 1) {
			case "any", "necessary", "possible", "needed", "so", "not", "ever":
				continue
			}
		}
		return true
	}
	return false
}

// askedOf returns the end of what anchor a asks its addressee to do when
// a is an appeal or demand (02x, 10x) whose pattern names a coded
// addressee right before "to" ("asked Peru to release", "ask Japan to
// offer"): the pattern's end, and past the verb right after "to" when the
// pattern stops there, and past that verb's object up to a comma or a
// conjunction. It returns a.e otherwise.
func (st *state) askedOf(a *anchor, m *match, code string, end int) int {
	if m == nil || m.tgt == nil || m.tgt.uncoded || len(code) < 2 || code[:2] != "02" && code[:2] != "10" {
		return a.e
	}
	t := m.tgt.e
	if t+1 >= len(st.toks) || !st.isWord(t, "to") {
		return a.e
	}
	if end <= t+1 {
		end = t + 2 // "ask Japan to offer": the verb after "to"
	}
	// and its object, up to a comma or a conjunction: "urged the U.S.
	// government to impose trade sanctions against Japan"
	for k := end; k < len(st.toks) && k < t+12; k++ {
		if st.boundary(k) || st.isWord(k, ",") || st.cls[k]&cConj != 0 {
			break
		}
		end = k + 1
	}
	return end
}
