package coder

// Assembly: an event from a code, a source and a target, with its
// evidence, date, quad class, Goldstein value and PLOVER type; duplicate
// events of a sentence are dropped, and the place is given once the
// whole sentence is read (placeEvents, place.go).

import (
	"strconv"
	"strings"

	"petrel"
	"petrel/cameo"
	"petrel/text"
)

// addEvent appends an event unless an identical one was already coded from
// the same sentence.
func (st *state) addEvent(idx int, code string, src, tgt *member, verbS, verbE int, rule, qual string, a int) bool {
	if src == nil || src.code == "" {
		if st.trace != nil {
			st.tracef("  DROPPED %s: no coded source", code)
		}
		return false
	}
	if tgt != nil && tgt.code == "" {
		tgt = nil
	}
	sp := st.spans[idx]
	ae := a + 1
	for ae < len(st.toks) && st.toks[ae].Start < verbE {
		ae++
	}
	cc := cameo.Lookup(code)
	intent := strings.HasPrefix(qual, "intent")
	// A verbal act (quad classes 1 and 3) or an intent is done when it is
	// said: "…, the agency said on Thursday" dates it.
	verbal := intent || cc != nil && (cc.QuadClass == 1 || cc.QuadClass == 3)
	date := ""
	dated := false
	if st.hasEra(src) || st.hasEra(tgt) {
		// A state that did not yet exist on the event's date codes as
		// the state it was part of (eras.go).
		date, dated = st.eventDate(a, ae, intent, verbal, false), true
		s2, t2 := st.inEra(src, date), st.inEra(tgt, date)
		if st.trace != nil {
			if s2.code != src.code {
				st.tracef("  source %s is %s on %s: the state it was part of then", src.code, s2.code, date)
			}
			if t2 != nil && t2.code != tgt.code {
				st.tracef("  target %s is %s on %s: the state it was part of then", tgt.code, t2.code, date)
			}
		}
		src, tgt = s2, t2
	}
	if tgt == nil && st.opt.RequireDyad {
		if st.trace != nil {
			st.tracef("  DROPPED %s %s → (none): no target, and --require-dyad is set", code, src.code)
		}
		return false
	}
	if tgt != nil && (tgt.code == src.code || st.opt.UnnamedActors && tgt.code == src.country && (src.inferred != "" || strings.HasPrefix(code, "14"))) && strings.HasPrefix(tgt.rule, "place ") && !st.opt.RequireDyad {
		// "Israelis protested in Tel Aviv": the place is where, and the
		// event stands without a target.
		tgt = nil
	}
	if tgt != nil && src.inferred != "" && tgt.code == src.country && strings.HasPrefix(code, "14") {
		// "protesters marched through the Kenyan capital": the state
		// where unnamed protesters act is where, not whom.
		tgt = nil
	}
	if tgt != nil && tgt.code == src.code && (src.inferred != "" || tgt.inferred != "") && !facilityRule(tgt.rule) && !selfVictim(code, src, tgt) {
		// (a facility is whom the act was aimed at: "herders torched
		// homes in a village" → NGACVL → NGACVL, facilities.go)
		// "students blockaded university buildings in Amsterdam": both
		// placed in the same state; the act stands without a target.
		tgt = nil
	}
	if tgt != nil && tgt.code == src.code && tgt.start == src.start && tgt.end == src.end {
		// the same words read as both parties ("killed by enemy
		// fire": the agent is the source and no target)
		tgt = nil
	}
	if tgt != nil && tgt.code == src.code && strings.HasPrefix(code, "14") && !facilityRule(tgt.rule) && !selfVictim(code, src, tgt) && !st.opt.NullActors {
		// "Belgrade residents marched on the state broadcaster": a
		// protest by people of a state at something read as those people
		// again stands without a target (no one protests at themselves)
		tgt = nil
	}
	if tgt != nil && tgt.code == src.code && !facilityRule(tgt.rule) && !selfVictim(code, src, tgt) {
		if st.trace != nil {
			st.tracef("  DROPPED %s %s → %s: source and target are the same actor", code, src.code, tgt.code)
		}
		return false
	}
	key := strconv.Itoa(idx) + "|" + code + "|" + src.code + "|"
	if tgt != nil {
		key += tgt.code
	}
	if st.evSeen[key] {
		if st.trace != nil {
			st.tracef("  DROPPED %s %s → %s: the same event was already coded from this sentence", code, src.code, codeOrNone(tgt))
		}
		return true
	}
	st.evSeen[key] = true
	st.nEv++
	if !dated {
		date = st.eventDate(a, ae, intent, verbal, false)
	}
	ev := petrel.Event{
		ID:            st.art.ID + "-" + strconv.Itoa(idx) + "-" + strconv.Itoa(st.nEv),
		ArticleID:     st.art.ID,
		SentenceIndex: idx,
		Sentence:      sp.Of(st.text),
		Date:          date,
		Code:          code,
		Source:        st.party(src),
		Target:        st.party(tgt),
		Verb:          petrel.Evidence{Text: st.text[verbS:verbE], Start: verbS, End: verbE},
		Rule:          rule,
		Qualifier:     qual,
	}
	if len(code) >= 2 {
		ev.RootCode = code[:2]
	}
	if cc != nil {
		ev.QuadClass = cc.QuadClass
		ev.Goldstein = cc.Goldstein
		ev.Plover = petrel.Plover{Type: cc.PloverType, Mode: cc.PloverMode}
	}
	// The place is given once the whole sentence is read (placeEvents),
	// when every verb is known to be a verb, a noun or part of a pattern.
	st.pendLoc = append(st.pendLoc, pendingLoc{ev: len(st.doc.Events), a: a, verbE: verbE, venue: tgt != nil && tgt.rule == venueRule})
	st.doc.Events = append(st.doc.Events, ev)
	if st.trace != nil {
		st.tracef("  EVENT %s %s%s → %s%s  [%s] %s", code, src.code, inferredTrace(src), codeOrNone(tgt), inferredTrace(tgt), rule, qual)
		if st.srcWhy != "" {
			st.tracef("    source: %s", st.srcWhy)
		}
		if tgt != nil && st.tgtWhy != "" {
			st.tracef("    target: %s", st.tgtWhy)
		}
		if st.dateTraced != a {
			st.dateTraced = a
			st.eventDate(a, ae, intent, verbal, true)
		}
	}
	return true
}

// recode gives event e the code c with its root, quad class, Goldstein
// value and PLOVER type: a rule that reads the sentence further than the
// pattern did changes an event already assembled (an accusation's
// sub-code, a meeting in a third country, repression where a protest is
// reported).
func recode(e *petrel.Event, c string) {
	e.Code, e.RootCode = c, c[:2]
	if cc := cameo.Lookup(c); cc != nil {
		e.QuadClass, e.Goldstein = cc.QuadClass, cc.Goldstein
		e.Plover = petrel.Plover{Type: cc.PloverType, Mode: cc.PloverMode}
	}
}

// inferredTrace notes where an inferred member's state came from.
func inferredTrace(m *member) string {
	if m == nil || m.inferred == "" {
		return ""
	}
	return " (inferred: " + m.inferred + ")"
}

func codeOrNone(m *member) string {
	if m == nil {
		return "(none)"
	}
	return m.code
}

func (st *state) party(m *member) *petrel.Party {
	if m == nil {
		return nil
	}
	return &petrel.Party{Text: st.text[m.start:m.end], Code: m.code, Country: m.country, Start: m.start, End: m.end, Inferred: m.inferred}
}

// emission is what the events of one anchor share: the anchor and its
// sentence, the verb, the code before negation or intent changed it, the
// rule, the qualifier and the verb's bytes.
type emission struct {
	a        *anchor
	idx      int
	verb     *verb
	baseCode string
	rule, q  string
	vs, ve   int
}

// pairs emits the events of an anchor between its source's and target's
// members: each member of a compound toward the others for a mutual act
// ("Gondor and Osgiliath renewed ties"), else each source member toward
// each target member (and back for a pair code such as "exchanged
// accusations"), else toward the place the verb names.
func (st *state) pairs(ev *emission, m *match, codes []string, src, tgt *np, end int, passive, defaultTarget bool) {
	a := ev.a
	if m != nil && m.compound && src != nil && tgt == nil && !m.compoundPost {
		// "Gondor and Osgiliath have postponed their meeting after ...
		// Cirith Ungol": each member acts on a target if one is named.
		if t := st.objectAfter(end, 12, false); t != nil && t != src {
			tgt = t
			m.compound = false
		}
	}
	if m != nil && m.compound && src != nil {
		st.mutual(ev, codes[0], src.members)
		return
	}
	if tgt != nil && !tgt.uncoded && (defaultTarget || !st.opt.NullActors) && len(src.members) > 1 && reciprocal(codes[0]) &&
		(tgt.oblique && (st.isWordID(tgt.prep, "by") || st.c.locPrep[tgt.prep] || st.isWordID(tgt.prep, "on") && !forceCode(codes[0]) || st.isWordID(tgt.prep, "over") || st.isWordID(tgt.prep, "about")) ||
			st.hyphenBacked(tgt.e-1)) {
		// "Saudi Arabia and Iran agreed to restore relations in a deal
		// brokered by China": mutual, and China is no party to it; nor is
		// the topic ("agreed to work closely on North Korea"), nor the
		// sponsor ("held EU-brokered talks"). Force "on" someone is
		// aimed at them: "police and soldiers opened fire on
		// demonstrators" is no clash between police and soldiers.
		tgt = nil
	}
	if (tgt == nil || tgt.uncoded) && len(src.members) > 1 && (reciprocal(codes[0]) && !(codes[0] == "030" && len(src.members) > 2) && !forceOnVictims(codes[0], tgt) && !(forceCode(codes[0]) && st.countedObject(a.e)) || len(codes) == 2 || st.eachOther(a.e, end)) && (!st.withPhrase(end) || st.eachOther(a.e, end)) {
		// (a pair code says the act is mutual: "exchanged accusations";
		// so does "each other": "Israel and Hamas accused each other";
		// a bare proposal by three or more is made to a third party:
		// "a group of eight producers proposed a quota system")
		st.mutual(ev, codes[0], src.members)
		return
	}
	var place *member
	if (tgt == nil || tgt.uncoded) && !passive && !pureSay[st.normOf(a.s)] && codes[0][:2] != "01" {
		place = st.placeAfterCode(end, 7, codes[0])
	}
	for i := range src.members {
		s := &src.members[i]
		if tgt == nil || tgt.uncoded {
			st.emit(ev, codes[0], s, place)
			continue
		}
		for j := range tgt.members {
			t := &tgt.members[j]
			st.emit(ev, codes[0], s, t)
			if len(codes) == 2 && codes[1] != "---" {
				st.emit(ev, codes[1], t, s)
			}
		}
	}
}

// strikeOfForces reports whether the strike noun ending before token j is
// made by armed forces named after it ("the strike of the Russian
// Aerospace Forces", "a strike by Israeli jets"): an attack, whoever its
// victims were, not a labour strike ("a strike by bank officers").
func (st *state) strikeOfForces(j int) bool {
	if j >= len(st.toks) || !(st.isWord(j, "of") || st.isWord(j, "by")) {
		return false
	}
	for k := j + 1; k < len(st.toks) && k < j+4; k++ {
		if x := st.npAt[k]; x >= 0 {
			p := &st.nps[x]
			return armedRole(p) || st.armedMembers(p) || st.weaponAgent(p)
		}
	}
	return false
}

// forceCode reports whether code is coercion, assault, fighting or mass
// violence (CAMEO 17-20).
func forceCode(code string) bool {
	return len(code) >= 2 && code[:2] >= "17" && code[:2] <= "20"
}

// forceOnVictims reports whether a compound subject's act of force has
// victims of its own: an object named by a role or a number but no actor
// ("Myanmar police and soldiers opened fire on demonstrators", "soldiers
// and police killed at least 38 people"). The members then act together
// on them, not on one another; only force with no object ("Russian and
// Ukrainian troops clashed") is mutual.
func forceOnVictims(code string, tgt *np) bool {
	return tgt != nil && tgt.uncoded && (!tgt.oblique || tgt.agent != "") && forceCode(code)
}

// countedObject reports whether the verb ending before token j takes an
// object counted by a number ("killed at least 38 people", "shot dead
// dozens of villagers"): the victims, not the other member of a compound
// subject.
func (st *state) countedObject(j int) bool {
	for k := j; k < len(st.toks) && k < j+4; k++ {
		if st.isDate(k) || st.cls[k]&cAdv != 0 || st.isWord(k, "at") || st.isWord(k, "least") || st.isWord(k, "more") || st.isWord(k, "than") || st.isWord(k, "nearly") || st.isWord(k, "about") {
			continue
		}
		return st.cls[k]&cNumber != 0 || st.toks[k].Kind == text.Number || st.isWord(k, "dozens") || st.isWord(k, "scores") || st.isWord(k, "hundreds") || st.isWord(k, "thousands")
	}
	return false
}

// multilateral is the number of parties from which a mutual act is
// multilateral: each party is coded once, with no target, rather than
// toward each of the others.
const multilateral = 4

// mutual emits a mutual act among members: each toward each of the
// others ("Gondor and Osgiliath renewed ties": two events; three
// parties, six). Among four or more the act is multilateral and each
// party is coded once with no target: "Britain, Canada, France, Japan,
// the United States and West Germany agreed to cooperate" is six events,
// not thirty, and "the leaders of the G-7 are expected to discuss" seven,
// not fifty-six — a dyad for every pair of a summit's members would
// outnumber everything else the wire reports that day.
func (st *state) mutual(ev *emission, code string, members []member) {
	if len(members) >= multilateral {
		for i := range members {
			st.emit(ev, code, &members[i], nil)
		}
		return
	}
	for i := range members {
		for j := range members {
			if i != j {
				st.emit(ev, code, &members[i], &members[j])
			}
		}
	}
}

// emit adds one event of an anchor: the speaker's office for a state
// that acts through it ("Japan will provide aid, Prime Minister Kishida
// said"), the host of a consultation with no target, a labour strike and
// the kind of violence for the parties (unnamed.go), then addEvent.
func (st *state) emit(ev *emission, code string, s, t *member) {
	if sp := st.speaker; sp != nil && s != nil && len(s.code) == 3 && s.kind == petrel.KindCountry &&
		len(sp.code) > 3 && strings.HasPrefix(sp.code, s.code) && s != sp {
		// "Japan will provide aid to Ukraine, Prime Minister Fumio
		// Kishida said": the state acts through the speaker.
		up := *s
		up.code = sp.code
		s = &up
	}
	if t == nil && st.opt.HostTarget && (strings.HasPrefix(code, "04") || strings.HasPrefix(ev.baseCode, "04")) && code != "045" && ev.baseCode != "045" {
		// a consultation, or a refusal of one ("would not join the
		// talks in the Russian capital"), is with the host; a mediator
		// is not a party to the talks it hosts
		t = st.hostOf(s)
	}
	if st.opt.UnnamedActors {
		// "a strike by bank officers", "1,700 workers struck": a labour
		// strike, by the workers. Workers after the verb are its strikers
		// only after the noun or its participle ("a strike by doctors",
		// "striking doctors"): what "struck" takes as its object was hit
		// ("shells struck a hospital"), as was a facility ("drones struck
		// a refinery").
		labourS := labourRole(agentRole(s.code))
		labourT := t != nil && labourRole(agentRole(t.code)) && !facilityRule(t.rule) && !st.isWord(ev.a.s, "struck")
		if ev.verb.lemma == "strike" && labourS && !labourT && t != nil && st.strikeOfForces(ev.a.e) {
			// "employees were killed during the strike of the Russian
			// Aerospace Forces": the forces struck, the workers are its
			// victims
			s, t = t, s
		} else if ev.verb.lemma == "strike" && (labourS || labourT) && !st.strikeOfForces(ev.a.e) {
			if strings.HasPrefix(code, "13") {
				// "workers would strike next month": a labour strike to
				// come, no threat of force (events.go, modality)
				return
			}
			if labourT && !labourS {
				s = t
			}
			code, t = "143", nil
		}
		if code = st.violenceKindAt(code, ev.verb.lemma, s, t, ev.a.e); code == "" {
			return
		}
	}
	if (code == "140" || code == "141") && ev.verb.lemma == "protest" && st.protestVerb(ev.a) && st.officialSide(s) {
		// "Britain protested the Japanese limits", "the French government
		// protests against the closing of Canadian ports": a state's
		// protest is an official complaint (114), not a demonstration.
		code = "114"
	}
	if st.commercial(code, s, t) || st.ownTrade(code, t, ev.a.s, ev.a.e) || st.homeVisit(code, s, t) {
		if st.trace != nil {
			st.dropped(ev.a, code, "commerce, a cut in one's own trade or a trip at home, not an event between states (commercial.go)")
		}
		return
	}
	if st.addEvent(ev.idx, code, s, t, ev.vs, ev.ve, ev.rule, ev.q, ev.a.s) {
		ev.a.coded = true
		if violentCode(code) {
			ev.a.violent = true
		}
		if strings.HasPrefix(code, "11") || strings.HasPrefix(code, "12") || code == "016" {
			ev.a.disapproval = true
		}
		if strings.HasPrefix(code, "17") {
			ev.a.coercion = true
		}
	}
}

// selfVictim reports whether tgt, coded like src, is the victim of an
// assault (CAMEO 18) named apart from its agent rather than where it
// happened: "a mob lynched two villagers in Benue" is NGACVL → NGACVL, one
// crowd of civilians killing others. A target that is only the place
// ("place ..." rule) or the source's own words is not.
func selfVictim(code string, src, tgt *member) bool {
	return strings.HasPrefix(code, "18") && !strings.HasPrefix(tgt.rule, "place ") &&
		(tgt.end <= src.start || tgt.start >= src.end)
}

// officialSide reports whether m speaks for a state: a state named by its
// name or capital ("Britain", "Tokyo"), not by its people ("Serbians",
// "Kenyans", "the Japanese"), or a government agent ("the French
// government"). A name that looks like a plural demonym counts as people.
func (st *state) officialSide(m *member) bool {
	if m == nil {
		return false
	}
	if r := agentRole(m.code); r != "" {
		return strings.HasPrefix(r, "GOV")
	}
	if len(m.code) != 3 || m.kind != petrel.KindCountry || m.end <= m.start {
		return false
	}
	w := strings.ToLower(st.text[m.start:m.end])
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	if demonym(w) {
		return false // "the Japanese", "the French": people, or unclear
	}
	stem, plural := strings.CutSuffix(w, "s")
	return !(plural && (demonym(stem) || strings.HasSuffix(stem, "an")))
}

// protestVerb reports whether the anchor "protest" is a verb whose
// subject stands right before it ("Britain protested", "the government
// strongly protests"), not the noun ("their protest", "Washington-led
// protests", "in response to protests by").
func (st *state) protestVerb(a *anchor) bool {
	if a.nounUse || a.verb.noun {
		return false
	}
	if strings.HasSuffix(st.normOf(a.s), "ed") {
		return true
	}
	k := a.s - 1
	for k >= 0 && strings.HasSuffix(st.normOf(k), "ly") {
		k-- // "strongly protests"
	}
	if k < 0 || st.cls[k]&(cPossPron|cDet) != 0 || st.npAt[k] < 0 || strings.ContainsRune(st.text[st.toks[k].Start:st.toks[k].End], '-') || st.toks[k].Start > 0 && st.text[st.toks[k].Start-1] == '-' {
		return false // "their protest", "Washington-led protests"
	}
	p := &st.nps[st.npAt[k]]
	return p.e == k+1 && !p.poss && !p.mod && !p.oblique
}
