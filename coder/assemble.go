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
	if tgt != nil && tgt.code == src.code && (src.inferred != "" || tgt.inferred != "") {
		// "students blockaded university buildings in Amsterdam": both
		// placed in the same state; the act stands without a target.
		tgt = nil
	}
	if tgt != nil && tgt.code == src.code {
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
	ev := petrel.Event{
		ID:            st.art.ID + "-" + strconv.Itoa(idx) + "-" + strconv.Itoa(st.nEv),
		ArticleID:     st.art.ID,
		SentenceIndex: idx,
		Sentence:      sp.Of(st.text),
		Date:          st.eventDate(a, ae, intent, verbal, false),
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
