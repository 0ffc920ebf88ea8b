package coder

// Word classes the coder needs to find clause structure without a parser.
// Each token gets a bit set of classes from one map lookup on its
// normalised form.
const (
	cPrep      uint32 = 1 << iota // with, to, from, of, ...
	cDet                          // the, a, an, this, ...
	cAux                          // is, are, was, has, had, been, being, do, did
	cModal                        // will, would, could, may, ...
	cNeg                          // not, n't, never, no
	cConj                         // and, or, but, nor
	cRel                          // which, who, whom, whose
	cSubord                       // when, while, because, although, if, as, after
	cThat                         // that
	cPron                         // he, she, it, they, we, ...
	cAdv                          // adverbs that may stand between subject and verb
	cIntent                       // willing, ready, prepared, plan, promise, ... (before "to")
	cBy                           // by
	cInclude                      // including, among them
	cPossPron                     // its, his, her, their, our
	cNumber                       // spelled-out numbers: two, three, ten ...
	cSay                          // say, said, says, told, ... (reported speech)
	cBe                           // forms of be
	cTo                           // to
	cAgentHead                    // nouns that head non-actor NPs we must not skip: countries, nations, states
)

var classWords = map[string]uint32{
	"with": cPrep, "to": cPrep | cTo, "from": cPrep, "of": cPrep, "in": cPrep, "by": cPrep | cBy,
	"for": cPrep, "against": cPrep, "on": cPrep, "at": cPrep, "between": cPrep, "among": cPrep,
	"into": cPrep, "toward": cPrep, "towards": cPrep, "over": cPrep, "about": cPrep, "during": cPrep,
	"under": cPrep, "near": cPrep, "off": cPrep, "across": cPrep, "through": cPrep, "despite": cPrep, "like": cPrep,
	"than": cPrep, "via": cPrep, "amid": cPrep, "upon": cPrep, "within": cPrep, "without": cPrep,
	"including": cInclude | cPrep, "inside": cPrep, "outside": cPrep, "behind": cPrep, "beyond": cPrep,
	"following": cPrep, "regarding": cPrep, "concerning": cPrep, "alongside": cPrep, "onto": cPrep,
	"the": cDet, "a": cDet, "an": cDet, "this": cDet, "these": cDet, "those": cDet,
	"some": cDet, "all": cDet, "both": cDet, "several": cDet, "many": cDet, "most": cDet, "other": cDet,
	"another": cDet, "any": cDet, "each": cDet, "every": cDet, "such": cDet, "neither": cDet, "either": cDet,
	"is": cAux | cBe, "are": cAux | cBe, "was": cAux | cBe, "were": cAux | cBe, "be": cAux | cBe,
	"been": cAux | cBe, "being": cAux | cBe, "am": cAux | cBe, "'re": cAux | cBe, "'m": cAux | cBe,
	"has": cAux, "have": cAux, "had": cAux, "having": cAux, "'ve": cAux,
	"do": cAux, "does": cAux, "did": cAux, "get": cAux, "got": cAux,
	"will": cModal, "would": cModal, "could": cModal, "can": cModal, "may": cModal, "might": cModal,
	"shall": cModal, "should": cModal, "must": cModal, "'ll": cModal, "'d": cModal, "wo": cModal, "ca": cModal,
	"not": cNeg, "n't": cNeg, "never": cNeg, "no": cNeg, "cannot": cNeg | cModal,
	"and": cConj, "or": cConj, "but": cConj, "nor": cConj, "&": cConj,
	"which": cRel, "who": cRel, "whom": cRel, "whose": cRel,
	"when": cSubord, "while": cSubord, "because": cSubord, "although": cSubord, "though": cSubord,
	"if": cSubord, "unless": cSubord, "whereas": cSubord, "as": cSubord, "after": cSubord | cPrep,
	"before": cSubord | cPrep, "since": cSubord | cPrep, "until": cSubord | cPrep, "where": cSubord,
	"so": cSubord, "once": cSubord,
	"that": cThat,
	"he":   cPron, "she": cPron, "it": cPron, "they": cPron, "we": cPron, "him": cPron, "them": cPron,
	"us": cPron, "i": cPron, "you": cPron,
	"its": cPossPron, "his": cPossPron, "her": cPossPron | cPron, "their": cPossPron, "our": cPossPron,
	"also": cAdv, "still": cAdv, "already": cAdv, "now": cAdv, "earlier": cAdv, "later": cAdv,
	"then": cAdv, "again": cAdv, "yet": cAdv, "reportedly": cAdv, "just": cAdv, "even": cAdv,
	"further": cAdv, "formally": cAdv, "officially": cAdv, "publicly": cAdv, "jointly": cAdv,
	"recently": cAdv, "previously": cAdv, "repeatedly": cAdv, "reluctantly": cAdv, "finally": cAdv,
	"willing": cIntent, "ready": cIntent, "prepared": cIntent, "plan": cIntent, "plans": cIntent,
	"planned": cIntent, "planning": cIntent, "intend": cIntent, "intends": cIntent, "intended": cIntent,
	"promise": cIntent, "promised": cIntent, "promises": cIntent, "pledge": cIntent, "pledged": cIntent,
	"pledges": cIntent, "vow": cIntent, "vowed": cIntent, "vows": cIntent, "offer": cIntent,
	"offered": cIntent, "offers": cIntent, "agree": cIntent, "agreed": cIntent, "agrees": cIntent,
	"going": cIntent, "expected": cIntent, "set": cIntent, "aim": cIntent, "aims": cIntent,
	"seek": cIntent, "seeks": cIntent, "sought": cIntent, "want": cIntent, "wants": cIntent,
	"wanted": cIntent, "hope": cIntent, "hopes": cIntent, "hoped": cIntent, "decided": cIntent,
	"able": cIntent, "eager": cIntent, "keen": cIntent, "likely": cIntent, "due": cIntent,
	"expect": cIntent, "expects": cIntent, "expecting": cIntent,
	"one": cNumber, "two": cNumber, "three": cNumber, "four": cNumber, "five": cNumber, "six": cNumber,
	"seven": cNumber, "eight": cNumber, "nine": cNumber, "ten": cNumber, "dozen": cNumber,
	"say": cSay, "says": cSay, "said": cSay, "saying": cSay, "tell": cSay, "tells": cSay, "told": cSay,
	"telling": cSay, "add": cSay, "added": cSay, "adds": cSay, "stated": cSay, "announce": cSay, "announced": cSay, "announces": cSay, "noted": cSay, "notes": cSay, "claimed": cSay, "insist": cSay,
	"insisted": cSay, "insists": cSay, "declare": cSay, "declared": cSay, "declares": cSay,
	"reported": cSay, "confirm": cSay, "confirmed": cSay,
	"confirms": cSay, "explain": cSay, "explained": cSay, "argue": cSay, "argued": cSay, "argues": cSay,
	"warn": cSay, "warned": cSay, "warns": cSay, "believe": cSay, "believes": cSay, "believed": cSay,
	"acknowledged": cSay, "admitted": cSay, "suggested": cSay, "stressed": cSay, "emphasised": cSay,
	"emphasized": cSay, "reiterated": cSay, "asserted": cSay, "maintained": cSay, "replied": cSay,
	"countries": cAgentHead, "nations": cAgentHead, "states": cAgentHead, "governments": cAgentHead,
	"members": cAgentHead, "powers": cAgentHead, "neighbours": cAgentHead, "neighbors": cAgentHead,
}

// functionWords are interned at compile time so that patterns and
// dictionary phrases share ids with them.
var functionWords = func() []string {
	out := make([]string, 0, len(classWords))
	for w := range classWords {
		out = append(out, w)
	}
	return out
}()

// describers are nouns that refer back to an actor already named:
// "the group", "the country", "the movement".
var describers = map[string]string{
	"group": "group", "movement": "group", "militants": "group", "organisation": "group",
	"organization": "group", "insurgents": "group", "militia": "group",
	"country": "country", "nation": "country", "state": "country", "kingdom": "country",
	"republic":   "country",
	"government": "gov", "administration": "gov", "regime": "gov", "authorities": "gov",
	"leadership": "gov", "cabinet": "gov",
	"bloc": "igo", "alliance": "igo", "union": "igo",
}

// isWordID reports whether word id w is the function word text.
func (st *state) isWordID(w int32, text string) bool {
	id, ok := st.c.words[text]
	return ok && id == w
}
