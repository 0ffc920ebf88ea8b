package coder

// Forecasts: "Baker said he believes Brazil will reach a deal", "analysts
// expect OPEC to meet", "there is speculation Venezuela would demand a
// cut". What one party believes, expects or hopes another will do is no
// event of the other's: the act has not happened and its actor has said
// nothing.

// beliefWord lists the words whose complement clause is a belief, an
// expectation, a hope, a fear or a guess: verbs ("believes Brazil will"),
// nouns ("speculation that OPEC might") and adjectives ("optimistic the
// two sides could", "it is likely the government would").
var beliefWord = map[string]bool{
	"believe": true, "believes": true, "believed": true, "expect": true, "expects": true, "expected": true, "expecting": true,
	"hope": true, "hopes": true, "hoped": true, "think": true, "thinks": true, "thought": true,
	"predict": true, "predicts": true, "predicted": true, "forecast": true, "forecasts": true,
	"fear": true, "fears": true, "feared": true, "doubt": true, "doubts": true, "doubted": true,
	"suspect": true, "suspects": true, "assume": true, "assumes": true, "assumed": true,
	"speculation": true, "speculated": true, "rumours": true, "rumors": true, "hopeful": true,
	"optimistic": true, "pessimistic": true, "confident": true, "likely": true, "unlikely": true,
	"possible": true, "probable": true, "doubtful": true,
	// what one wants another to do is no act of the other's: "Seoul wants
	// Tokyo to ease import curbs" (Tokyo has eased nothing)
	"want": true, "wants": true, "wanted": true, "wanting": true,
}

// forecast reports whether the verb of anchor a, whose group starts after
// token before and whose subject is subj, says what someone else believes
// or expects its subject will do: the subject opens the complement of a
// belief word ("believes (that) Brazil will", "expects OPEC to",
// "speculation Venezuela would") and a modal or "to" stands between the
// subject and the verb: the verb group's, or an earlier verb's whose
// words the verb follows ("speculation the United States will offer
// subsidized wheat"). A belief word between the subject and the verb
// ("Shultz is likely to visit", "Argentina expects to reach") is the
// subject's own plan or a forecast of a scheduled act, and stays coded.
func (st *state) forecast(a *anchor, before int, subj *np) bool {
	if subj == nil || subj.s <= 0 || subj.e > a.s || st.opt.NullActors || !st.opt.Modality {
		return false
	}
	future := false
	for k := subj.e; k < a.s; k++ {
		if st.cls[k]&(cModal|cTo) != 0 {
			future = true
			break
		}
	}
	if !future {
		return false
	}
	k := subj.s - 1
	if k >= 0 && st.cls[k]&cDet != 0 {
		k-- // "likely the government would"
	}
	if k >= 0 && st.cls[k]&cNumber != 0 {
		k-- // "expect three Soviet tankers to reinforce"
	}
	if k >= 0 && st.isWord(k, "that") {
		k--
	}
	return k >= 0 && beliefWord[st.normOf(k)]
}

// implyWord lists verbs whose complement clause says what something
// implies: negated ("did not mean", "does not signal"), the clause is
// denied.
var implyWord = map[string]bool{
	"mean": true, "means": true, "meant": true, "imply": true, "implies": true, "implied": true,
	"signal": true, "signals": true, "signify": true, "signifies": true, "indicate": true, "indicates": true,
}

// deniedImplication reports whether anchor a stands in the complement of a
// negated verb of implication in its clause ("reports of the fleet did not
// mean the United States was sending a new warning to Iran", "the move does
// not signal that Japan will cut rates"): what is denied is no event. No
// comma or clause boundary may stand between them.
func (st *state) deniedImplication(a *anchor) bool {
	if st.opt.NullActors || !st.opt.Modality {
		return false
	}
	for k := a.s - 1; k >= 2 && k >= a.s-20; k-- {
		if st.isWord(k, "that") && implyWord[st.normOf(k-1)] {
			continue // "does not signal that"
		}
		if st.boundary(k) || st.isWord(k, ",") {
			return false
		}
		if implyWord[st.normOf(k)] && (st.cls[k-1]&cNeg != 0 || st.cls[k-2]&cNeg != 0 && st.cls[k-1]&cAdv != 0) {
			return true
		}
	}
	return false
}
