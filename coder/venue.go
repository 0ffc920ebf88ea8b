package coder

import (
	"strings"

	"petrel"
	"petrel/text"
)

// venueBefore reports whether subj, the actor phrase the clause walk
// found as the subject of anchor a, is a city that names where the event
// noun after it happens: "the Paris meeting of the Group of Six", "his
// Washington visit", "February's Managua meeting". A capital the
// dictionaries code as its state ("Moscow said") is its government only
// where it acts; between a determiner, a possessive or an adjective and
// a noun, it is the venue, no party, of the event noun and of a verb
// whose subject that noun is. The phrase must be the
// name of a place in the dictionaries and nothing more, so "the Soviet
// meeting" and "the OPEC meeting" keep their actors.
func (st *state) venueBefore(a *anchor, subj *np) bool {
	if subj == nil || subj.uncoded || subj.s == 0 || subj.e >= len(st.toks) || len(subj.members) != 1 || st.opt.NullActors {
		return false
	}
	if k := subj.e; k != a.s && (st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 || st.cls[k] != 0) {
		return false // the noun after the city: the anchor, or another ("the Paris meeting … agreed")
	}
	if e, vals := st.c.placeT.longest(st.sentView(), subj.s); e != subj.e || len(vals) == 0 {
		return false
	}
	j := subj.s - 1
	return st.cls[j]&(cDet|cPossPron) != 0 || st.toks[j].Kind == text.Possessive || st.isAdj(j)
}

// demonymBefore returns the state adjective right before the event noun
// of anchor a ("Iranian attacks", "repeated Iraqi raids"), who acts in
// it: "its ships have been the target of Iranian attacks" is Iran's
// attack, not Kuwait's, whatever the clause's subject. An adjective of
// nationality before a word makes that word a noun, so the anchor is the
// event noun. It returns nil if no such adjective stands there.
func (st *state) demonymBefore(a *anchor) *np {
	if a.s == 0 || st.opt.NullActors {
		return nil
	}
	x := st.npAt[a.s-1]
	if x < 0 {
		return nil
	}
	p := &st.nps[x]
	if p.uncoded || p.e != a.s || p.e-p.s != 1 || len(p.members) != 1 || p.members[0].kind != petrel.KindCountry ||
		len(p.members[0].code) != 3 || st.toks[p.s].Flags&text.Cap == 0 {
		return nil
	}
	if !adjectiveOfState(st.normOf(p.s)) {
		return nil
	}
	return p
}

// economicHead reports whether p, a state's adjective, modifies a noun of
// the economy rather than an actor, a weapon or an event: "Japanese
// semiconductor makers have complied", "French operators requested
// licences", "the Australian dollar staged a recovery", "Japanese
// agriculture has been slow". The phrase's head is the last lower-case
// word after the adjective; the makers, the currency or the farm sector
// act, not the state. An event noun ("Japanese trade sanctions") keeps
// the state.
func (st *state) economicHead(p *np) bool {
	h := st.economicHeadAt(p)
	return h >= 0 && economicNoun[st.normOf(h)]
}

// economicHeadAt returns the head of the noun a state's adjective p
// modifies, as economicHead reads it, or -1.
func (st *state) economicHeadAt(p *np) int {
	if p.uncoded || p.e-p.s != 1 || len(p.members) != 1 || st.opt.NullActors || p.e >= len(st.toks) {
		return -1
	}
	if st.toks[p.s].Flags&text.Cap == 0 || !adjectiveOfState(st.normOf(p.s)) && !stateAbbrev[st.normOf(p.s)] {
		return -1
	}
	head := -1
	s := st.sentView()
	for k := p.e; k < len(st.toks) && k < p.e+4; k++ {
		t := st.toks[k]
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k] != 0 || st.npAt[k] >= 0 || timeWord[st.normOf(k)] {
			break // "French operators last Friday requested": the head is before the time
		}
		if e, vals := st.c.verbT.longest(s, k); e > k {
			if st.c.verbs[vals[len(vals)-1]].noun {
				return -1 // "Japanese trade sanctions": an event
			}
			if tradingPlace[st.normOf(k)] {
				head = k // "U.S. exchanges have complained": a noun, though "exchange" is a verb too
				continue
			}
			if k+1 < len(st.toks) && strings.HasSuffix(st.normOf(k), "ing") && economicNoun[st.normOf(k+1)] {
				continue // "Japanese trading houses": a participle before the noun
			}
			break // a verb: "the Australian dollar staged"
		}
		head = k
	}
	if head > p.e && st.normOf(head) == "makers" && (st.normOf(head-1) == "policy" || st.normOf(head-1) == "decision") {
		return -1 // "American policy makers" are officials
	}
	return head
}

// businessRoles gives a state's adjective before a business its BUS role:
// "asked Japanese makers to sell" is a request to JPNBUS, not to Japan.
// (As a subject the phrase is no actor at all: economicHead.)
func (st *state) businessRoles() {
	for i := range st.nps {
		p := &st.nps[i]
		if h := st.economicHeadAt(p); h >= 0 && businessActor[st.normOf(h)] && len(p.members[0].code) == 3 {
			p.members[0].code += "BUS"
		}
	}
}

// businessOwner reports whether p, a state's name before a possessive or
// modifying the noun after it, names whose a business is rather than who
// acts: "Canada's largest textile producer has been negotiating", "local
// Hong Kong houses also welcomed". The head is found as in economicHead
// and must name a business (businessActor); "Ukraine's grain exports were
// blocked" keeps the state as the fallback.
func (st *state) businessOwner(p *np) bool {
	if p.uncoded || !p.poss && !p.mod || p.pron != "" || len(p.members) != 1 || st.opt.NullActors {
		return false
	}
	head := -1
	s := st.sentView()
	for k := p.e; k < len(st.toks) && k < p.e+5; k++ {
		t := st.toks[k]
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k] != 0 || st.npAt[k] >= 0 || timeWord[st.normOf(k)] {
			break
		}
		w := st.normOf(k)
		if e, vals := st.c.verbT.longest(s, k); e > k {
			if st.c.verbs[vals[len(vals)-1]].noun {
				return false // "Japan's trade sanctions": an event
			}
			if businessActor[w] {
				head = k // "Hong Kong houses": a noun, though "house" is a verb too
				continue
			}
			if k+1 < len(st.toks) && strings.HasSuffix(w, "ing") {
				continue // "Japan's biggest trading house"
			}
			break
		}
		head = k
	}
	return head >= 0 && businessActor[st.normOf(head)]
}

// businessActor lists nouns of businesses and of those who trade: the
// state that owns one in a possessive is not the one who acts.
var businessActor = map[string]bool{
	"producer": true, "producers": true, "maker": true, "makers": true, "manufacturer": true,
	"manufacturers": true, "exporter": true, "exporters": true, "importer": true, "importers": true,
	"insurer": true, "insurers": true, "firm": true, "firms": true, "company": true, "companies": true,
	"bank": true, "banks": true, "refiner": true, "refiners": true, "trader": true, "traders": true,
	"dealers": true, "house": true, "houses": true, "airline": true, "airlines": true,
	"growers": true, "operators": true, "brokers": true, "lenders": true, "industry": true, "industries": true,
}

// economicNoun lists nouns of the economy and of those who trade in it:
// a state's adjective before one names whose they are, not who acts.
var economicNoun = map[string]bool{
	"makers": true, "manufacturers": true, "producers": true, "growers": true, "exporters": true,
	"importers": true, "operators": true, "consumers": true, "customers": true, "shareholders": true,
	"investors": true, "dealers": true, "traders": true, "bankers": true, "brokers": true, "economists": true,
	"analysts": true, "experts": true, "sources": true, "buyers": true, "sellers": true, "suppliers": true,
	"refiners": true, "shippers": true, "insurers": true, "lenders": true, "creditors": true, "companies": true,
	"firms": true, "houses": true, "carriers": true, "airlines": true, "competitors": true, "seafarers": true,
	"industry": true, "industries": true, "economy": true, "agriculture": true, "trade": true, "market": true,
	"markets": true, "dollar": true, "dollars": true, "marks": true, "yen": true, "franc": true, "francs": true,
	"currency": true, "securities": true, "bonds": true, "shares": true, "stocks": true, "data": true,
	"figures": true, "statistics": true, "rates": true, "rate": true, "yields": true,
	"currencies": true, "bourse": true, "crop": true, "harvest": true, "interests": true, "projects": true,
	"investment": true, "exports": true, "imports": true, "output": true, "demand": true, "prices": true,
	"exchanges": true, "exchange": true, "bourses": true,
}

// tradingPlace lists plural nouns of places of trade that are also
// verb forms ("exchanges", "houses"): after a state's adjective they are the
// phrase's head, not a verb.
var tradingPlace = map[string]bool{"exchanges": true, "houses": true, "markets": true, "bourses": true}

// timeWord lists words that open a time after a noun phrase ("French
// operators last Friday", "U.S. makers this week"): the phrase's head is
// the word before them.
var timeWord = map[string]bool{"last": true, "next": true, "this": true, "yesterday": true, "today": true,
	"earlier": true, "recently": true, "now": true, "also": true}

// stateAbbrev lists states' abbreviations news uses as adjectives: "U.S.
// semiconductor makers", "U.K. insurers".
var stateAbbrev = map[string]bool{"u.s.": true, "u.k.": true, "us": true, "uk": true}

// adjectiveOfState reports whether a word looks like a state's
// adjective: demonym's suffixes, "-an" ("Libyan", "Cuban") and a few
// others ("Greek", "Thai", "Swiss").
func adjectiveOfState(w string) bool {
	switch w {
	case "greek", "thai", "swiss", "welsh", "lao", "malagasy":
		return true
	}
	return demonym(w) || strings.HasSuffix(w, "an") && len(w) > 4
}
