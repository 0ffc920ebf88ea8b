package coder

import (
	"strings"

	"petrel"
	"petrel/dict"
	"petrel/text"
)

// inOffice picks among the actors one name stands for ("Stoltenberg":
// West Germany's finance minister in 1987, NATO's secretary general in
// 2019) the last whose dated role covers the article's date; with none,
// the last, as the dictionaries' order says.
func (st *state) inOffice(va []int32) int32 {
	if len(va) > 1 {
		for k := len(va) - 1; k >= 0; k-- {
			if st.c.actors[va[k]].InOffice(st.date) {
				return va[k]
			}
		}
	}
	return va[len(va)-1]
}

// findSegs finds the raw dictionary matches of a sentence: actors, agents,
// pronouns, definite descriptions and unknown proper names.
func (st *state) findSegs() {
	st.segs = st.segs[:0]
	s := st.sentView()
	n := len(st.toks)
	for i := 0; i < n; {
		ea, va := st.c.actorT.longest(s, i)
		eg, vg := st.c.agentT.longest(s, i)
		switch {
		case ea > i && ea >= eg && st.date != "" && st.c.actors[va[len(va)-1]].Since > st.date:
			// "the ICC" in a 1987 story: an organisation founded later
			// (dict.Actor.Since), so the name stands for something else.
			st.segs = append(st.segs, seg{s: i, e: ea, kind: segName})
			i = ea
			continue
		case ea > i && ea >= eg && st.insideName(i, ea, va[len(va)-1]):
			// "Texas American Energy Corp", "British Gas": a state's name
			// inside a company's is no mention of the state.
			j := ea
			for j < n && st.isName(j) {
				j++
			}
			st.segs = append(st.segs, seg{s: i, e: j, kind: segName})
			i = j
			continue
		case ea > i && ea >= eg:
			st.segs = append(st.segs, seg{s: i, e: ea, kind: segActor, val: st.inOffice(va)})
			i = ea
			continue
		case eg > i && eg == i+1 && st.adjectiveTitle(i):
			// "a general strike", "the general election": an adjective,
			// not the officer
		case eg > i:
			st.segs = append(st.segs, seg{s: i, e: eg, kind: segAgent, val: vg[len(vg)-1]})
			i = eg
			continue
		}
		c := st.cls[i]
		if c&(cPron|cPossPron) != 0 {
			st.segs = append(st.segs, seg{s: i, e: i + 1, kind: segPron})
			i++
			continue
		}
		if st.isWord(i, "the") && i+1 < n {
			// "the group", "the new government", "the paramilitary group":
			// up to two lower-case modifiers before the noun.
			j := i + 1
			for k := 0; k < 2 && j+1 < n && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 && st.cls[j] == 0; k++ {
				if _, ok := describers[st.normOf(j)]; ok {
					break
				}
				j++
			}
			if d, ok := describers[st.normOf(min(j, n-1))]; ok && j < n {
				st.segs = append(st.segs, seg{s: i, e: j + 1, kind: segDescr, descr: d})
				i = j + 1
				continue
			}
		}
		if st.isName(i) {
			j := i + 1
			for j < n && st.isName(j) {
				if e, _ := st.c.actorT.longest(s, j); e > j {
					break
				}
				if e, _ := st.c.agentT.longest(s, j); e > j {
					break
				}
				j++
			}
			if j < n && j-i <= 2 {
				// "Deputy Prime Minister", "Senior Official Envoy": capitalised
				// modifiers of a title are not a name.
				if e, _ := st.c.agentT.longest(s, j); e > j {
					i = j
					continue
				}
			}
			st.segs = append(st.segs, seg{s: i, e: j, kind: segName})
			i = j
			continue
		}
		i++
	}
}

// insideName reports whether the state or demonym matched at [i, e) is
// part of a longer proper name: an unknown capitalised word right before
// it ("Texas American"), or right after it that is neither an agent, an
// actor nor a function word ("American Energy Corp", "Japan Airlines").
// Only in petrel's own conventions: PETRARCH's records code "MSF Arnor".
func (st *state) insideName(i, e int, actor int32) bool {
	if !st.opt.ModifierNPs || st.c.actors[actor].Kind != petrel.KindCountry {
		return false
	}
	s := st.sentView()
	unknownName := func(j int) bool {
		if j < 0 || j >= len(st.toks) || !st.isName(j) {
			return false
		}
		if x, _ := st.c.actorT.longest(s, j); x > j {
			return false
		}
		if x, _ := st.c.agentT.longest(s, j); x > j {
			return false
		}
		return true
	}
	return unknownName(i-1) || unknownName(e)
}

// isName reports whether token i looks like part of an unknown proper
// name: a capitalised word that is not a function word and not at the start
// of the sentence (where capitals carry no information).
func (st *state) isName(i int) bool {
	t := st.toks[i]
	if t.Kind != text.Word || t.Flags&text.Cap == 0 || st.cls[i] != 0 {
		return false
	}
	if i == 0 || (i > 0 && st.toks[i-1].Kind == text.Quote && st.toks[i-1].Flags&text.Open != 0) {
		return false
	}
	if _, ok := monthDay[st.normOf(i)]; ok {
		return false
	}
	return true
}

var monthDay = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan.": true, "feb.": true, "aug.": true,
	"sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true, "mr.": true, "mrs.": true, "ms.": true,
	"dr.": true,
}

// actorMember turns an actor match into a member coded for the article date.
func (st *state) actorMember(sg seg) member {
	a := st.c.actors[sg.val]
	code := a.CodeOn(st.date)
	country := a.Country
	if country == "" && len(code) >= 3 && a.Kind == petrel.KindCountry {
		country = code[:3]
	}
	return member{code: code, country: country, kind: a.Kind,
		start: st.toks[sg.s].Start, end: st.toks[sg.e-1].End, rule: st.c.actorRules[sg.val], mention: -1}
}

// withAgent combines an actor code with an agent code: RUS + GOV → RUSGOV.
// A person or group keeps its own code: "Putin's spokesman" is coded as the
// person's state with the agent.
func (st *state) withAgent(m member, ag *dict.Agent) member {
	if m.code == "" {
		return m // a region ("Soviet officials") stays uncoded
	}
	if !st.opt.GroupAgents && (m.kind == petrel.KindGroup || m.kind == petrel.KindIGO) {
		// "Hamas negotiators", "U.N. peacekeepers": a group or IGO keeps
		// its own code; its agents are the organisation.
		return m
	}
	base := m.code
	if m.kind == petrel.KindPerson || (m.kind == petrel.KindCountry && len(base) > 3) {
		if m.country != "" {
			base = m.country
		} else if len(base) >= 3 {
			base = base[:3]
		}
	}
	if ag.Prefix {
		m.code = ag.Code + base
	} else if !strings.HasSuffix(base, ag.Code) {
		m.code = base + ag.Code
	} else {
		m.code = base
	}
	m.kind = petrel.KindCountry
	return m
}

// actorTail extends an actor phrase starting with member m (segment k)
// over what follows it: "capital", an agent ("Russian officials",
// "Gondor's government", "Putin's special representative"), a title's name
// ("Russian Foreign Minister Sergey Lavrov"), a possessive. It returns the
// index of the last segment used.
func (st *state) actorTail(p *np, m member, k int) int {
	segs := st.segs
	n := len(st.toks)
	next := func() (seg, bool) {
		if k+1 < len(segs) {
			return segs[k+1], true
		}
		return seg{}, false
	}
	if p.e < n && st.isWord(p.e, "capital") && m.kind == petrel.KindCountry {
		p.e++
	}
	// "Argentina's Milei", "Brazil's Lula": the person, whose code says
	// more than the state's.
	if p.e < n && st.toks[p.e].Kind == text.Possessive && !st.opt.NullActors {
		if nx, ok := next(); ok && nx.s == p.e+1 && nx.kind == segActor && st.c.actors[nx.val].Kind == petrel.KindPerson {
			pm := st.actorMember(nx)
			if codeCountry(pm) == codeCountry(m) {
				pm.start = m.start
				m = pm
				p.e = nx.e
				k++
			}
		}
	}
	agented := false
	var extra []member
	for {
		nx, ok := next()
		if !ok || nx.kind != segAgent {
			break
		}
		gap := nx.s - p.e
		possessive := p.e < n && st.toks[p.e].Kind == text.Possessive
		// Between a state and its first agent any lower-case word may
		// stand ("Chinese trade negotiators"); between two agents a verb
		// may not ("Russian police arrested students").
		mods := st.onlyModifiers(p.e, nx.s) || !agented && gap <= 2 && st.onlyWords(p.e, nx.s)
		if !(gap == 0 || (possessive && gap <= 5 && st.onlyModifiers(p.e+1, nx.s)) || (gap <= 2 && mods)) {
			break
		}
		base := m
		m = st.withAgent(m, st.agentAt(nx, p.s))
		m.end = st.toks[nx.e-1].End
		p.e = nx.e
		k++
		agented = true
		// "Danish media and government": one state, two agents.
		for {
			nx2, ok := next()
			if !ok || nx2.kind != segAgent || nx2.s != p.e+1 || !st.isWord(p.e, "and") {
				break
			}
			m2 := st.withAgent(base, st.agentAt(nx2, p.s))
			m2.start, m2.end = m.start, st.toks[nx2.e-1].End
			extra = append(extra, m2)
			p.e = nx2.e
			k++
		}
	}
	if agented {
		// The name after a title: "Russian Foreign Minister Sergey Lavrov".
		if nx, ok := next(); ok && nx.s == p.e {
			switch {
			case nx.kind == segActor && st.c.actors[nx.val].Kind == petrel.KindPerson:
				pm := st.actorMember(nx)
				if !st.titleOverrides(pm, p.s) {
					pm.start = m.start
					m = pm
				} else {
					m.end = pm.end
				}
				p.e = nx.e
				k++
			case nx.kind == segActor && (codeCountry(st.actorMember(nx)) == codeCountry(m) || !st.pluralWord(p.e-1)):
				// "Bree Prime Minister Romendacil": a name of the same
				// state after the title; the titled phrase keeps its code.
				m.end = st.toks[nx.e-1].End
				p.e = nx.e
				k++
			case nx.kind == segName:
				st.learn(nx, m)
				m.end = st.toks[nx.e-1].End
				p.e = nx.e
				k++
			}
		}
	}
	if p.e < n && st.toks[p.e].Kind == text.Possessive {
		p.e++
		p.poss = true
	}
	m.adjAgent = agented
	p.members = st.expand(m)
	for _, x := range extra {
		p.members = append(p.members, st.expand(x)...)
	}
	return k
}

// agentAt returns the agent of segment sg, as "ELI" (a former office
// holder) when "former" or "ex-", or a word that says the holder was put
// out of office ("fired", "ousted", "deposed", "sacked"; right before it,
// not in "fired on police"), stands before it or before the phrase that
// starts at token from.
func (st *state) agentAt(sg seg, from int) *dict.Agent {
	ag := st.c.agents[sg.val]
	for i, j := range []int{sg.s - 1, sg.s - 2, from - 1} {
		if j >= 0 && j < len(st.toks) && (st.isWord(j, "former") || st.isWord(j, "ex") || i != 1 && outOfOffice[st.normOf(j)]) {
			return &dict.Agent{Code: "ELI", Names: ag.Names, Rule: ag.Rule}
		}
	}
	return ag
}

// outOfOffice are the participles that put an office holder out of office
// when they stand before the title: "fired White House aide Oliver North"
// is a former official (ELI), not the government.
var outOfOffice = map[string]bool{"fired": true, "ousted": true, "deposed": true, "sacked": true}

// titleOverrides reports whether a title before a person whose dictionary
// role is a former one ("...ELI") should code them instead: unless the text
// says "former", a sitting title is the better evidence.
func (st *state) titleOverrides(pm member, titleStart int) bool {
	if !strings.HasSuffix(pm.code, "ELI") {
		return false
	}
	for j := titleStart - 1; j >= 0 && j >= titleStart-3; j-- {
		w := st.normOf(j)
		if w == "former" || w == "ex" || w == "late" || w == "then" || w == "ex-" {
			return false
		}
	}
	return true
}

// pluralWord reports whether token j looks like a plural noun
// ("congressmen", "officials"): a plural title does not name the actor
// after it ("told U.S. congressmen France would...").
func (st *state) pluralWord(j int) bool {
	w := st.normOf(j)
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "men") || strings.HasSuffix(w, "people")
}

// expand splits a member whose code lists several actors ("FRO/BIL/SAM",
// as PETRARCH dictionaries allow) into one member per actor.
func (st *state) expand(m member) []member {
	if !strings.Contains(m.code, "/") {
		return []member{m}
	}
	parts := strings.Split(m.code, "/")
	// A role added to the last part applies to all: "FRO/BIL/SAMGOV".
	last := parts[len(parts)-1]
	suffix := ""
	if len(last) > 3 && len(parts[0]) == 3 {
		suffix = last[3:]
	}
	out := make([]member, 0, len(parts))
	for i, c := range parts {
		if i < len(parts)-1 {
			c += suffix
		}
		mm := m
		mm.code = c
		if len(c) >= 3 && mm.kind == petrel.KindCountry {
			mm.country = c[:3]
		}
		out = append(out, mm)
	}
	return out
}

// buildNPs combines segments into actor phrases: titles with names,
// countries with agents, agents with "from/of/in" countries, possessives,
// appositions and compounds.
func (st *state) buildNPs(idx int) {
	st.nps = st.nps[:0]
	// npAt is rebuilt below; until then it must not show the previous
	// sentence's phrases (or another article's, the state being pooled)
	// to the tests that read it while the phrases are built (isAdj).
	st.npAt = st.npAt[:0]
	segs := st.segs
	n := len(st.toks)
	for k := 0; k < len(segs); k++ {
		sg := segs[k]
		p := np{s: sg.s, e: sg.e, prep: -1}
		next := func() (seg, bool) {
			if k+1 < len(segs) {
				return segs[k+1], true
			}
			return seg{}, false
		}
		switch sg.kind {
		case segActor:
			m := st.actorMember(sg)
			k = st.actorTail(&p, m, k)
		case segAgent:
			ag := st.c.agents[sg.val]
			p.agent = ag.Code
			// A prefix agent before its actor: "MSF Arnor" → NGOARN.
			if nx, ok := next(); ok && ag.Prefix && nx.s == sg.e && nx.kind == segActor {
				m := st.actorMember(nx)
				m.code = ag.Code + m.code
				m.start = st.toks[sg.s].Start
				p.e = nx.e
				k = st.actorTail(&p, m, k+1)
				break
			}
			// An agent word before a group names the group: "the
			// paramilitary Rapid Support Forces", "the militant group Hamas".
			if nx, ok := next(); ok && nx.s == sg.e && nx.kind == segActor {
				if kd := st.c.actors[nx.val].Kind; kd == petrel.KindGroup || kd == petrel.KindIGO {
					m := st.actorMember(nx)
					m.start = st.toks[sg.s].Start
					p.e = nx.e
					k = st.actorTail(&p, m, k+1)
					break
				}
			}
			// Title + person: "Foreign Minister Sergey Lavrov".
			if nx, ok := next(); ok && nx.s == sg.e && nx.kind == segActor && st.c.actors[nx.val].Kind == petrel.KindPerson {
				m := st.actorMember(nx)
				if st.titleOverrides(m, sg.s) && m.country != "" {
					// "Chancellor Olaf Scholz" in a story without a date, or
					// after his term: the title says what he is now.
					m = st.withAgent(member{code: m.country, country: m.country, kind: petrel.KindCountry,
						start: m.start, end: m.end, rule: m.rule, mention: -1}, ag)
				}
				m.start = st.toks[sg.s].Start
				p.e = nx.e
				// "President Vladimir Putin's special representative".
				k = st.actorTail(&p, m, k+1)
				break
			}
			// Title + unknown name: "Deputy Prime Minister Abdul Salam Hanafi".
			// "the official news agency WFNA": common nouns may stand
			// between the title and the name.
			if nx, ok := next(); ok && nx.kind == segName && (nx.s == sg.e || nx.s-sg.e <= 2 && st.onlyModifiers(sg.e, nx.s)) {
				p.e = nx.e
				p.name = true
				k++
				if lm, ok := st.learned[st.normOf(nx.e-1)]; ok && lm.code != "" {
					lm.start, lm.end = st.toks[sg.s].Start, st.toks[nx.e-1].End
					p.members = []member{lm}
					break
				}
				st.learnPerson(nx)
			}
			// Agent + from/of/in + actors: "officials from 10 countries
			// including China and Pakistan", "the government of Gondor",
			// "lawmakers and officials in Fornost and Gondor".
			ags := []*dict.Agent{st.agentAt(sg, sg.s)}
			kk, e := k, p.e
			for kk+1 < len(segs) && segs[kk+1].kind == segAgent && segs[kk+1].s == e+1 && st.isWord(e, "and") {
				kk++
				ags = append(ags, st.agentAt(segs[kk], segs[kk].s))
				e = segs[kk].e
			}
			// ("its ambassador from Russia" is not Russia's: a possessive
			// pronoun already says whose agent it is.)
			ownerSaid := sg.s > 0 && st.cls[sg.s-1]&cPossPron != 0 && st.isWord(e, "from")
			if st.isWord(e, "of") && kk+2 < len(segs) && segs[kk+1].s == e+1 && segs[kk+1].e < n && st.toks[segs[kk+1].e].Kind == text.Possessive &&
				segs[kk+2].kind == segAgent && segs[kk+2].s <= segs[kk+1].e+3 && len(ags) > 0 && ags[0].Code == "GOV" && st.agentAt(segs[kk+2], segs[kk+2].s).Code != "GOV" && !st.opt.NullActors {
				// "the leader of Pakistan's main opposition party": the
				// state owns the other body that follows, which the
				// leader heads ("the spokesman of Iran's foreign ministry"
				// is still Iran's government; "employees of Nigeria's
				// state oil company" Nigeria's workers)
				ownerSaid = true
			}
			if j := e; j < n && !ownerSaid && (st.isWord(j, "from") || st.isWord(j, "of") || st.isWord(j, "in") || st.isWord(j, "across") && !st.opt.NullActors) {
				var all []member
				end, used := 0, 0
				for _, a := range ags {
					var ms []member
					ms, end, used = st.agentOf(sg.s, j+1, kk+1, a)
					all = append(all, ms...)
				}
				if used > 0 {
					p.members = all
					p.e = end
					k = kk + used
					break
				}
			}
			p.uncoded = p.members == nil
			if p.uncoded && st.opt.NullActors {
				// PETRARCH writes an agent with no actor as "---GOV".
				p.members = []member{{code: "---" + ag.Code, kind: petrel.KindAgent,
					start: st.toks[sg.s].Start, end: st.toks[sg.e-1].End, mention: -1}}
				p.uncoded = false
			}
		case segPron:
			p.pron = st.normOf(sg.s)
			p.uncoded = true
			p.poss = st.cls[sg.s]&cPossPron != 0 && p.pron != "her"
		case segDescr:
			p.descr = sg.descr
			p.uncoded = true
			// "the government of Gondor"
			if j := p.e; j < n && st.isWord(j, "of") {
				if nx, ok := next(); ok && nx.kind == segActor && nx.s <= j+2 {
					m := st.actorMember(nx)
					if sg.descr == "gov" {
						m.code = codeCountry(m) + "GOV"
					}
					m.start = st.toks[sg.s].Start
					p.members = []member{m}
					p.uncoded = false
					p.descr = ""
					p.e = nx.e
					k++
				}
			}
		case segName:
			p.name = true
			if lm, ok := st.learned[st.normOf(sg.e-1)]; ok && lm.code != "" {
				lm.start, lm.end = st.toks[sg.s].Start, st.toks[sg.e-1].End
				p.members = []member{lm}
			} else {
				p.uncoded = true
			}
			if p.e < n && st.toks[p.e].Kind == text.Possessive {
				p.e++
				p.poss = true
			}
		}
		st.nps = append(st.nps, p)
	}
	st.acronyms()
	st.appositions()
	st.compounds()
	st.markOblique()
	if cap(st.npAt) < n {
		st.npAt = make([]int32, n)
	}
	st.npAt = st.npAt[:n]
	for i := range st.npAt {
		st.npAt[i] = -1
	}
	for i, p := range st.nps {
		for j := p.s; j < p.e && j < n; j++ {
			st.npAt[j] = int32(i)
		}
	}
	st.businessRoles()
}

func codeCountry(m member) string {
	if m.country != "" {
		return m.country
	}
	if len(m.code) >= 3 {
		return m.code[:3]
	}
	return m.code
}

// agentOf reads the actors after "officials from": skipping determiners,
// numbers, "countries" and "including", it takes the actor segments (a
// list joined by commas and "and") and gives each the agent's role.
func (st *state) agentOf(from, j, k int, ag *dict.Agent) (ms []member, end int, used int) {
	n := len(st.toks)
	segs := st.segs
	for j < n && (st.cls[j]&(cDet|cNumber|cAgentHead|cInclude) != 0 || st.toks[j].Kind == text.Number || st.isWord(j, "other")) {
		j++
	}
	for k < len(segs) && segs[k].s == j && segs[k].kind == segActor {
		m := st.withAgent(st.actorMember(segs[k]), ag)
		if used == 0 && from >= 0 && from < len(st.toks) {
			m.start = st.toks[from].Start // the phrase starts at the agent
		}
		if c := codeCountry(m); len(c) == 3 {
			// A place written with its qualifier names the qualifier's
			// state: "protesters in Paris, Texas" are American, as the
			// place resolver reads the same words (qualifier).
			// Only a division ("Paris, Texas") or a country in
			// parentheses ("Tripoli (Lebanon)") qualifies: "India, Iran"
			// is a list of two states.
			if qc, a1, qe := st.qualifier(segs[k].e); qe > segs[k].e && (a1 >= 0 || st.isWord(segs[k].e, "(")) && len(qc) == 3 && qc != c && strings.HasPrefix(m.code, c) {
				m.code, m.country = qc+m.code[3:], qc
			}
		}
		ms = append(ms, m)
		end = segs[k].e
		used++
		k++
		j = end
		// separators: "," "and" ", and" "or"
		jj := j
		for jj < n && (st.isWord(jj, ",") || st.isWord(jj, "and") || st.isWord(jj, "or") || st.isWord(jj, "the")) {
			jj++
		}
		if jj == j || k >= len(segs) || segs[k].s != jj || segs[k].kind != segActor {
			break
		}
		if st.isWord(j, ",") && jj == j+1 && segs[k].e < n && st.toks[segs[k].e].Kind == text.Possessive {
			// "Speaking to reporters in Ankara, Turkey's foreign minister
			// said": after a comma a possessive starts a new phrase.
			break
		}
		j = jj
	}
	return ms, end, used
}

// onlyModifiers reports whether tokens [a, b) are all lower-case words
// that may stand between a possessive and its agent ("special", "senior").
func (st *state) onlyModifiers(a, b int) bool {
	for j := a; j < b; j++ {
		if !st.isModifier(j) && !st.isWord(j, "and") {
			return false
		}
	}
	return true
}

// onlyWords reports whether tokens [a, b) are all lower-case words with no
// function-word class.
func (st *state) onlyWords(a, b int) bool {
	for j := a; j < b; j++ {
		t := st.toks[j]
		if t.Kind != text.Word || st.cls[j] != 0 || t.Flags&text.Cap != 0 || st.pastTense(j) {
			return false // "India deployed troops" is a clause, not an actor
		}
	}
	return true
}

// pastTense reports whether token j looks like a past-tense verb: an -ed
// form or a common irregular past.
func (st *state) pastTense(j int) bool {
	w := st.normOf(j)
	return strings.HasSuffix(w, "ed") || irregularPast[w] || irregularParticiple[w]
}

// irregularPast are common irregular past-tense verbs of news.
var irregularPast = map[string]bool{"gave": true, "took": true, "made": true, "went": true, "came": true,
	"began": true, "ran": true, "saw": true, "threw": true, "drove": true, "rose": true, "fell": true,
	"chose": true, "spoke": true, "broke": true, "froze": true, "stole": true, "wrote": true, "forbade": true,
	"withdrew": true, "overthrew": true, "undertook": true, "forgave": true, "swore": true, "tore": true}

func (st *state) isModifier(j int) bool {
	t := st.toks[j]
	if t.Kind != text.Word || st.cls[j] != 0 || t.Flags&text.Cap != 0 && t.Flags&text.AllCaps != 0 {
		return false
	}
	// A verb is no modifier: "Russian police arrested students".
	e, _ := st.c.verbT.longest(st.sentView(), j)
	return e <= j
}

// acronyms folds a parenthesised short form into the phrase before it:
// "the European Union (EU)" is one mention, not two.
func (st *state) acronyms() {
	out := st.nps[:0]
	for i := 0; i < len(st.nps); i++ {
		p := st.nps[i]
		if i+1 < len(st.nps) {
			q := st.nps[i+1]
			if q.s == p.e+1 && st.isWord(p.e, "(") && q.e < len(st.toks) && st.isWord(q.e, ")") &&
				len(p.members) == 1 && len(q.members) == 1 && p.members[0].code == q.members[0].code {
				p.e = q.e + 1
				i++
			}
		}
		out = append(out, p)
	}
	st.nps = out
}

// appositions codes an unknown name from the phrase in apposition to it:
// "Zamir Kabulov, President Vladimir Putin's special representative, said".
func (st *state) appositions() {
	for i := 0; i+1 < len(st.nps); i++ {
		a, b := &st.nps[i], &st.nps[i+1]
		if !a.name || !a.uncoded || b.uncoded || b.s != a.e+1 || !st.isWord(a.e, ",") {
			continue
		}
		if b.e < len(st.toks) && (st.verbAt(b.e) || st.cls[b.e]&cSay != 0 || b.e+1 < len(st.toks) && st.cls[b.e+1]&cSay != 0) {
			continue // "in El Geneina, U.N. investigators said": a new clause
		}
		m := b.members[0]
		m.start, m.end = st.toks[a.s].Start, st.toks[a.e-1].End
		a.members = []member{m}
		a.uncoded = false
		st.learned[st.normOf(a.e-1)] = m
		// The apposition itself is not a separate argument.
		b.oblique = true
	}
}

// compounds merges "A, B and C" into one phrase with three members.
func (st *state) compounds() {
	out := st.nps[:0]
	for i := 0; i < len(st.nps); i++ {
		p := st.nps[i]
		// Extend the chain while members are joined; keep it only up to
		// the last join with a conjunction: "A, B and C" is a compound,
		// "Afghanistan, Foreign Minister Lavrov" is not.
		last := i
		for j := i + 1; j < len(st.nps); j++ {
			q, prev := &st.nps[j], &st.nps[j-1]
			if q.uncoded || prev.poss || q.pron != "" || prev.pron != "" || !st.joiner(prev.e, q.s) {
				break
			}
			if st.isWord(prev.e, ",") && st.hasConj(prev.e, q.s) && st.verbAt(q.e) && (st.prepBefore(p.s) || j == i+1 && !st.opt.NullActors) {
				// "between Russia and Ukraine, and Macron urged", "voted
				// to remove the president, and Ecuador condemned": a new
				// clause, not a pair (a list has a comma between its
				// first members: "Egypt, Jordan, and Qatar welcomed")
				break
			}
			if st.hasConj(prev.e, q.s) {
				last = j
			}
		}
		for j := i + 1; j <= last; j++ {
			q := st.nps[j]
			if p.uncoded {
				p.members = nil // "The lions and Gondor": only the coded member acts
			}
			p.members = append(append([]member{}, p.members...), q.members...)
			p.e = q.e
			p.poss = q.poss
			p.uncoded = false
		}
		if last > i {
			st.distribute(&p)
		}
		i = last
		out = append(out, p)
	}
	st.nps = out
}

// verbAt reports whether a verb group or anchor starts at token j.
func (st *state) verbAt(j int) bool {
	if j >= len(st.toks) {
		return false
	}
	if st.cls[j]&(cAux|cModal|cSay|cAdv) != 0 {
		return true
	}
	e, _ := st.c.verbT.longest(st.sentView(), j)
	return e > j
}

// distribute gives the agent of a compound's last member to the bare
// countries before it: "Israeli and Qatari officials" → ISRGOV, QATGOV.
func (st *state) distribute(p *np) {
	last := p.members[len(p.members)-1]
	c := last.country
	if !last.adjAgent || last.kind != petrel.KindCountry || len(c) != 3 || len(last.code) <= 3 || !strings.HasPrefix(last.code, c) {
		return
	}
	role := last.code[3:]
	for i := range p.members[:len(p.members)-1] {
		m := &p.members[i]
		if len(m.code) == 3 && m.kind == petrel.KindCountry {
			m.code += role
		}
	}
}

// hasConj reports whether tokens [a, b) hold a coordinating conjunction.
func (st *state) hasConj(a, b int) bool {
	for j := a; j < b; j++ {
		switch st.normOf(j) {
		case "and", "or", "nor", "&":
			return true
		}
	}
	return false
}

// joiner reports whether tokens [a, b) join two members of a compound: ",",
// "and", "or", ", and", "nor", with an optional "the".
func (st *state) joiner(a, b int) bool {
	if a >= b || b-a > 6 {
		return false
	}
	sawAnd, sawComma := false, false
	for j := a; j < b; j++ {
		switch st.normOf(j) {
		case ",":
			sawComma = true
		case "and", "or", "nor", "&":
			sawAnd = true
		case "the":
		default:
			// adjectives before the next member: "and the evil awful Gondor"
			if !(sawAnd || sawComma) || !st.isModifier(j) {
				return false
			}
		}
	}
	return sawAnd || sawComma
}

// quantityWord are nouns of number whose "of" phrase is the real head:
// "thousands of protesters", "dozens of opposition supporters".
var quantityWord = map[string]bool{"thousands": true, "hundreds": true, "dozens": true, "scores": true,
	"millions": true, "tens": true, "number": true, "group": true, "groups": true, "crowd": true,
	"crowds": true, "band": true, "couple": true, "handful": true, "lot": true, "lots": true,
	"supporters": true, "members": true, "some": true, "many": true, "most": true, "several": true,
	"all": true, "two": true, "three": true, "four": true, "five": true, "six": true, "ten": true}

// prepBefore reports whether a preposition governs the phrase starting at
// token s (skipping determiners, numbers and adjectives).
func (st *state) prepBefore(s int) bool {
	j := s - 1
	for j >= 0 && (st.cls[j]&(cDet|cNumber) != 0 || st.toks[j].Kind == text.Number || st.isAdj(j)) {
		j--
	}
	return j >= 0 && st.cls[j]&cPrep != 0
}

// markOblique marks phrases that are the object of a preposition, and
// phrases that only modify the noun after them ("the Ecuador situation",
// "its U.S. base lending rate"), which are no argument either.
func (st *state) markOblique() {
	for i := range st.nps {
		p := &st.nps[i]
		if st.opt.ModifierNPs && st.modifierNP(p) {
			p.poss = true
			p.mod = true
		}
		j := p.s - 1
		for j >= 0 && (st.cls[j]&(cDet|cNumber) != 0 || st.toks[j].Kind == text.Number || st.isAdj(j) ||
			p.s-j <= 2 && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 && st.cls[j] == 0 && !st.verbAt(j)) {
			j--
		}
		if j >= 0 && (st.isWord(j, "least") || st.isWord(j, "most")) && j > 0 && st.isWord(j-1, "at") {
			continue // "at least 20 protesters": a number, not a place
		}
		if j >= 0 && st.isWord(j, "of") && j > 0 && quantityWord[st.normOf(j-1)] {
			continue // "thousands of protesters marched": the protesters act
		}
		if j >= 0 && st.cls[j]&cPrep != 0 {
			if st.cls[j]&cSubord != 0 && p.e < len(st.toks) && (st.isWord(p.e, ",") || st.cls[p.e]&(cAux|cModal|cSay) != 0 ||
				!st.opt.NullActors && st.verbAt(p.e) && (strings.HasSuffix(st.normOf(p.e), "ed") || irregularParticiple[st.normOf(p.e)])) {
				// ("after London imposed new sanctions": the clause's subject)
				// "after Moscow, following talks, said": a clause subject
				continue
			}
			p.oblique = true
			if c := st.candsOf(j); len(c) > 0 {
				p.prep = c[0]
			}
		}
	}
}

// adjectiveTitle reports whether the one-word agent at token i is a title
// that doubles as an adjective ("general", "chief", "major") used in
// lower case before another lower-case word: "a general strike".
func (st *state) adjectiveTitle(i int) bool {
	switch st.normOf(i) {
	case "general", "chief", "major":
	default:
		return false
	}
	return st.toks[i].Flags&text.Cap == 0 && i+1 < len(st.toks) && st.toks[i+1].Kind == text.Word && st.toks[i+1].Flags&text.Cap == 0 &&
		st.cls[i+1] == 0 && !strings.HasSuffix(st.normOf(i+1), "ed")
}

// modifierNP reports whether a one-member country phrase is followed by a
// common noun it modifies. A following verb, function word or agent keeps
// it an actor; words ending in -s or -ed may be verbs, so they do too.
func (st *state) modifierNP(p *np) bool {
	if p.poss || p.uncoded || len(p.members) != 1 || p.e >= len(st.toks) {
		return false
	}
	j := p.e
	t := st.toks[j]
	w := st.normOf(j)
	if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[j] != 0 || st.isDate(j) || timeAdverb(w) {
		// A date after the name is no noun it modifies: "in Mali last
		// Friday", "in Gaza overnight".
		return false
	}
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") {
		return false
	}
	if e, _ := st.c.verbT.longest(st.sentView(), j); e > j {
		return false
	}
	if e, _ := st.c.agentT.longest(st.sentView(), j); e > j {
		return false
	}
	return true
}

// isAdj is a cheap adjective test for lower-case words before an actor:
// "the evil awful Gondor", "the new Afghan leadership".
func (st *state) isAdj(j int) bool {
	t := st.toks[j]
	if st.npAt != nil && j < len(st.npAt) && st.npAt[j] >= 0 {
		return false // part of an actor phrase: "a senior official said"
	}
	return t.Kind == text.Word && t.Flags&text.Cap == 0 && st.cls[j] == 0 && j > 0 &&
		(st.cls[j-1]&(cDet|cPossPron) != 0 || st.isAdj(j-1))
}
