package coder

import (
	"strings"

	"petrel"
	"petrel/dict"
	"petrel/text"
)

// facilityPrefix names the synsets of dicts/facilities.txt: the nouns of
// places and buildings that serve the sector of the agent code after it
// (FACILITY_COP: "police station", FACILITY_REL: "mosque").
const facilityPrefix = "FACILITY_"

// compileFacilities builds the trie of the FACILITY_<agent> synsets, its
// values indices into the agent codes it returns.
func compileFacilities(c *compiled, synsets map[string][]dict.Phrase) (*trie, []string) {
	t := newTrie()
	var agents []string
	for name, phrases := range synsets {
		agent, ok := strings.CutPrefix(strings.ToUpper(name), facilityPrefix)
		if !ok || agent == "" {
			continue
		}
		for _, p := range phrases {
			if len(p.Words) > 0 {
				t.insert(c.voc.phraseIDs(p), int32(len(agents)))
			}
		}
		agents = append(agents, agent)
	}
	return t, agents
}

// facilityCode reports whether an event with this code takes a facility
// it was aimed at as its target: a riot (145), seizing or destroying
// property (171x), assault (18), fighting (19) and mass violence (20).
// A sit-in or blockade at a building (141–144) is where it happens, not
// whom it is aimed at.
func facilityCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "18", "19", "20":
		return true
	}
	return code == "145" || strings.HasPrefix(code, "145") || strings.HasPrefix(code, "171")
}

// facilityTarget is the target of a violent event at anchor a that has
// none coded: the facility it was aimed at, coded as the sector the
// facility serves with the state of its place ("Gunmen attacked a police
// station in Peshawar" → PAKCOP, "a bomb exploded near a mosque in
// Quetta" → PAKREL, "dozens of homes were torched" → the place's CVL).
// For an active verb the facility is the first one after the verb in its
// clause, for a passive the subject before it. It returns nil when no
// facility is named or no state can be inferred for it.
//
// A target that is only the place after "in", "at" or "near" ("torched a
// tax office in southern France") gives way to a facility before it.
func (st *state) facilityTarget(idx int, a *anchor, code string, passive bool, tgt *np) *np {
	if f := st.facilityOfState(tgt, code); f != nil {
		return f
	}
	if tgt != nil && !(tgt.oblique && st.c.locPrep[tgt.prep] && !passive) {
		return tgt
	}
	f := st.facilityBetween(idx, a.s, a.e, code, passive)
	if f == nil || tgt != nil && f.s > tgt.s {
		return tgt
	}
	return f
}

// facilityOfState is the facility right after a target that is a bare
// state's name or adjective, coded as that state's sector: "opened fire
// on Armenian positions" → ARMMIL, "struck Iranian air defences" →
// IRNMIL, not ARM and IRN; "torched Palestinian homes" → PSECVL. Villages
// stay the state's land ("shelled Thai villages" → THA). It returns nil
// when no facility follows.
func (st *state) facilityOfState(tgt *np, code string) *np {
	if tgt == nil || tgt.oblique && st.c.locPrep[tgt.prep] || len(tgt.members) != 1 || tgt.members[0].kind != petrel.KindCountry ||
		len(tgt.members[0].code) != 3 || tgt.e >= len(st.toks) || st.c.facT == nil || !facilityCode(code) || st.opt.NullActors || !st.opt.UnnamedActors {
		return nil
	}
	_, e, agent := st.facilityAt(tgt.e)
	if agent == "" && (st.isWord(tgt.e, "positions") || st.isWord(tgt.e, "position")) {
		// "Armenian positions": a state's positions are its forces'
		// (bare "positions" is no facility: "key positions")
		e, agent = tgt.e+1, "MIL"
	}
	if agent == "" || st.isWord(e-1, "village") || st.isWord(e-1, "villages") {
		return nil // "shelled Thai villages": the state's land, not its civilians
	}
	c := tgt.members[0].country
	return &np{s: tgt.s, e: e, members: []member{{code: c + agent, country: c, kind: petrel.KindCountry,
		start: st.toks[tgt.s].Start, end: st.toks[e-1].End, mention: -1, rule: facilityRulePrefix + agent}}, oblique: tgt.oblique, prep: tgt.prep}
}

// facilityOfMeans is the facility target of a means of violence named as
// the event (nominalEvent, unnamed.go) at tokens [s, e): the first
// facility after the verb of a blast, if one follows ("a bomb hidden in a
// cart exploded near a police station"), else after the means ("an air
// raid on a market"). It returns nil if there is none.
func (st *state) facilityOfMeans(idx, s, e int, code string) *member {
	for j := e; j < len(st.toks) && j < e+12; j++ {
		if blastWord[st.normOf(j)] {
			s, e = j, j+1
			break
		}
	}
	if p := st.facilityBetween(idx, s, e, code, false); p != nil {
		return &p.members[0]
	}
	return nil
}

// facilityBetween is facilityTarget for the verb or noun at tokens [as, ae).
func (st *state) facilityBetween(idx, as, ae int, code string, passive bool) *np {
	if st.c.facT == nil || !facilityCode(code) || st.opt.NullActors || !st.opt.UnnamedActors {
		return nil
	}
	s, e, agent := -1, -1, ""
	if passive {
		for k := as - 1; k >= 0 && k >= as-8; k-- {
			if st.boundary(k) || st.isWord(k, ",") || st.verbAt(k) && st.cls[k]&(cAux|cAdv) == 0 {
				break
			}
			if x, y, ag := st.facilityAt(k); ag != "" {
				s, e, agent = x, y, ag
				break
			}
		}
	}
	if agent == "" {
		for k := ae; k < len(st.toks) && k < ae+10; k++ {
			if st.boundary(k) || st.isWord(k, ",") {
				break
			}
			if x, y, ag := st.facilityAt(k); ag != "" {
				s, e, agent = x, y, ag // before the verb test: "a polling station"
				break
			}
			if k > ae && st.verbAt(k) {
				break
			}
			if x := st.npAt[k]; x >= 0 && !st.nps[x].mod {
				p := &st.nps[x]
				if p.oblique && st.isWordID(p.prep, "by") {
					k = p.e - 1 // the attacker: "attacks by gunmen on villages"
					continue
				}
				if p.e > k && p.e < len(st.toks) {
					if x, y, ag := st.facilityAt(p.e); ag != "" {
						s, e, agent = x, y, ag // "Muslim-owned shops"
					}
				}
				break // an actor or agent: the target, if any, is it
			}
		}
	}
	if agent == "" || fightCode(code) && st.inBefore(s) {
		return nil // "clashes erupted in villages": where they fought
	}
	c := st.facilityCountry(idx, s)
	if c == "" {
		return nil
	}
	return &np{s: s, e: e, members: []member{{code: c + agent, country: c, kind: petrel.KindCountry,
		start: st.toks[s].Start, end: st.toks[e-1].End, mention: -1, rule: facilityRulePrefix + agent, inferred: inferPlace}}}
}

// facilityAt returns the facility phrase starting at token k and its
// agent when the phrase is a head noun: not a modifier of a noun after it
// ("school bus", "market prices") and not part of a name ("the White
// House", "Hotel Rwanda").
func (st *state) facilityAt(k int) (s, e int, agent string) {
	if st.toks[k].Kind != text.Word || k > 0 && st.toks[k].Flags&text.Cap != 0 {
		return -1, -1, ""
	}
	e, vals := st.c.facT.longest(st.sentView(), k)
	if e <= k || len(vals) == 0 {
		return -1, -1, ""
	}
	if e < len(st.toks) && st.toks[e].Kind == text.Word && st.cls[e] == 0 && !facilityFollow[st.normOf(e)] &&
		!strings.HasSuffix(st.normOf(e), "ing") && !strings.HasSuffix(st.normOf(e), "ed") {
		return -1, -1, "" // a noun follows: the facility word modifies it
	}
	return k, e, st.c.facAgents[vals[len(vals)-1]]
}

// facilityCountry is the state of a facility starting at token s: a
// state's adjective right before it ("a Greek newspaper"), else the
// country the coder infers for an unnamed actor (unnamed.go): the
// sentence's place, the dateline, the article's dominant country.
func (st *state) facilityCountry(idx, s int) string {
	for j := s - 1; j >= 0 && j >= s-3; j-- {
		if x := st.npAt[j]; x >= 0 {
			p := &st.nps[x]
			if p.mod && !p.uncoded && len(p.members) == 1 && p.members[0].kind == petrel.KindCountry && p.e == s {
				return p.members[0].country
			}
			break
		}
		if st.cls[j]&(cDet|cNumber) == 0 && !st.isAdj(j) {
			break
		}
	}
	if c := st.placeInSentence(); c != "" {
		return c
	}
	if st.datelineCC != "" {
		return st.datelineCC
	}
	return st.dominantCountry(idx)
}

// facilityFollow are words that may follow a facility noun that heads its
// phrase: prepositions and adverbs ("a mosque in Quetta", "homes
// overnight"), not nouns ("school fees", "market prices").
var facilityFollow = map[string]bool{"in": true, "at": true, "near": true, "on": true, "of": true, "for": true, "from": true,
	"into": true, "across": true, "outside": true, "inside": true, "around": true, "along": true, "off": true, "with": true,
	"and": true, "or": true, "alight": true, "ablaze": true, "down": true, "overnight": true, "today": true, "yesterday": true,
	"during": true, "after": true, "before": true, "while": true, "as": true, "where": true, "there": true, "again": true,
	"late": true, "early": true, "north": true, "south": true, "east": true, "west": true, "close": true, "next": true}

// facilityRulePrefix begins the rule of a target coded from a facility.
const facilityRulePrefix = "facilities.txt FACILITY_"

// facilityRule reports whether a member's rule says it was coded from a
// facility (facilityTarget).
func facilityRule(rule string) bool { return strings.HasPrefix(rule, facilityRulePrefix) }

// fightCode reports whether code is fighting between two sides (190,
// 191, 193), whose facility after "in" is where it happened, not a target.
func fightCode(code string) bool { return code == "190" || code == "191" || code == "193" }

// inBefore reports whether "in", "across" or "throughout" stands before
// the phrase at token s, past its determiners, numbers and adjectives.
func (st *state) inBefore(s int) bool {
	j := s - 1
	for j >= 0 && (st.cls[j]&(cDet|cNumber|cPossPron) != 0 || st.isAdj(j)) {
		j--
	}
	return j >= 0 && (st.isWord(j, "in") || st.isWord(j, "across") || st.isWord(j, "throughout") || st.isWord(j, "inside"))
}
