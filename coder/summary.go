package coder

import "strings"

// Trailing background: "Thousands have fled since fighting erupted in the
// region", "The attack came two days after militants ambushed a convoy".
// A clause opened by "since", or by "after" or "before" with a span of
// time before it, tells what came before the news: no event. (A perfect
// with a "since" phrase is still coded, on the article's date: "Serbia
// has boycotted the talks since March 2023" is a boycott going on.)

// durationWords are the words of a span of time before "after" or
// "before": "two days after", "hours before", "shortly after".
var durationWords = map[string]bool{"day": true, "days": true, "hour": true, "hours": true, "week": true,
	"weeks": true, "month": true, "months": true, "year": true, "years": true, "minutes": true,
	"shortly": true, "soon": true, "moments": true, "just": true}

// trailingBackground reports whether the clause of a verb at token as,
// whose subject subj begins after token k, is opened, at k, by "since",
// or by "after" or "before" after a span of time ("two days after
// militants ambushed"). A "since" before a present or perfect ("since
// Museveni has banned road haulage") gives a reason, not a time. A
// fronted clause is backgroundClause's.
func (st *state) trailingBackground(k, as int, subj *np) bool {
	if subj == nil || !st.backgroundOpener(k) {
		return false
	}
	if st.isWord(k, "since") {
		for j := k + 1; j < as; j++ {
			switch st.normOf(j) {
			case "has", "have", "is", "are", "does", "do":
				return false // "since Museveni has banned": because
			}
		}
	}
	return true
}

// backgroundOpener reports whether token k is "since", or "after" or
// "before" after a span of time: a word that opens a background clause
// or phrase ("since fighting erupted", "two days after the attack").
func (st *state) backgroundOpener(k int) bool {
	if k < 1 {
		return false
	}
	switch {
	case st.isWord(k, "since"):
		return true
	case st.isWord(k, "after") || st.isWord(k, "before"):
		return durationWords[st.normOf(k-1)]
	}
	return false
}

// summarySentence reports whether a violent verb of the sentence was
// dropped as background in a temporal clause (events.go marks it
// violent): the sentence's attack and toll nouns are then its, no event
// either.
func (st *state) summarySentence() bool {
	for k := range st.anchors {
		if a := &st.anchors[k]; a.consumed && a.violent && !a.coded {
			// A violent verb dropped as background: the sentence's toll
			// and attack nouns are its ("The attack came two days
			// after militants ambushed a convoy, killing four").
			return true
		}
	}
	return false
}

// violentCode reports whether an event with this code makes its anchor
// violent (anchor.violent): protest, coercion, assault, fighting or mass
// violence (CAMEO 14, 17-20), not a show of force (15).
func violentCode(code string) bool { return localCode(code) && !strings.HasPrefix(code, "15") }

// violentVerb reports whether some pattern of the verb of anchor a has a
// violent code (violentCode): dropped as background, it still owns the
// toll after it ("after militants ambushed a convoy, killing four").
func violentVerb(a *anchor) bool {
	for _, p := range a.verb.patterns {
		if violentCode(p.code) {
			return true
		}
	}
	return false
}
