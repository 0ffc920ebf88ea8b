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
	if w := st.normOf(p.s); !demonym(w) && !(strings.HasSuffix(w, "an") && len(w) > 4) { // "Libyan", "Cuban"
		return nil
	}
	return p
}
