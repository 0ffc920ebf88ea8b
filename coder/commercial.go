package coder

import (
	"strings"

	"petrel/text"
)

// commercial reports whether an event by s toward t is commerce, not an
// event between political actors: a business (BUS, not a state's own
// GOVBUS) that agrees, offers, asks, invests, signs or complains with no
// target, toward another business, or toward its own country ("major
// Japanese firms agreed to the production cuts", "Japanese chip
// companies pledged three mln dlrs", "Norway's state oil company signed
// contracts worth 1.5 billion crowns"). A business acting toward another
// state or an organisation ("a Dutch mining company urged Surinam",
// "a Hungarian company asked the World Bank") stays, and so do protest,
// force and coercion (roots 14, 15, 17–20) by or against anyone.
func (st *state) commercial(code string, s, t *member) bool {
	if st.opt.NullActors || s == nil || len(code) < 2 || !business(s.code) {
		return false
	}
	if r := code[:2]; r >= "14" && r != "16" {
		return false
	}
	if t == nil || business(t.code) {
		return true
	}
	return len(t.code) == 3 && t.code == codeCountry(*s)
}

// business reports whether an actor code is a business's and not a
// state's own ("JPNBUS", not "BRAGOVBUS").
func business(code string) bool {
	return strings.HasSuffix(code, "BUS") && !strings.Contains(code, "GOV")
}

// economicSense reports whether the event noun at token k is used in its
// economic sense: "demand" for goods ("U.S. demand", "domestic demand",
// "excess demand"; not "its demand for a spread", "Brazil's demands")
// commitments to trade ("commitments to export another 600,000 tonnes",
// "export commitments"; not "its commitment to the accord") and a fund
// as a thing ("a special fund", "the World Bank fund"; not "would fund
// the project").
func (st *state) economicSense(k int) bool {
	if st.opt.NullActors || k >= len(st.toks) {
		return false
	}
	switch st.normOf(k) {
	case "demand":
		if k == 0 {
			return false
		}
		if x := st.npAt[k-1]; x >= 0 {
			return !st.nps[x].poss && !st.nps[x].uncoded // "U.S. demand", "Soviet demand"
		}
		return demandWord[st.normOf(k-1)]
	case "fund":
		// the noun: "a special fund", "the World Bank fund", "a 120 mln
		// dlr South Korea fund" (the verb: "would fund", "to fund")
		if k == 0 {
			return false
		}
		j := k - 1
		if x := st.npAt[j]; x >= 0 {
			return st.nps[x].pron == ""
		}
		t := st.toks[j]
		return st.cls[j]&(cDet|cPossPron|cNumber) != 0 || t.Kind == text.Number ||
			t.Kind == text.Word && t.Flags&text.Cap == 0 && st.cls[j] == 0 && !st.verbAt(j)
	case "offer", "offers", "offered", "offering":
		return st.marketOffer(k)
	case "invest", "invests", "invested", "investing":
		return st.marketOffer(k) || st.wordNear(k, 8, investMarket)
	case "release", "releases", "released", "releasing":
		return st.wordNear(k, 3, releasedThing)
	case "free":
		return st.freeAdjective(k)
	case "help", "helps", "helped", "helping":
		return st.helpContribute(k)
	case "commitment", "commitments":
		if k > 0 && (st.isWord(k-1, "export") || st.isWord(k-1, "import") || st.isWord(k-1, "purchase")) {
			return true
		}
		return k+2 < len(st.toks) && st.isWord(k+1, "to") && tradeVerb[st.normOf(k+2)]
	}
	return false
}

// marketOffer reports whether the offer at token k is one of a market:
// securities, a price quote or a sale ("is offering 400 mln dlrs of bonds
// in the Yankee market", "Ghana was offering at 1,460 stg a tonne cif",
// "certificates of deposit offered by the central bank", "a cash rebate",
// "shares will be offered"): a word of the market among the six words
// before it or the twelve after, within its sentence part.
func (st *state) marketOffer(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if st.toks[j].Kind == text.Punct && !st.isWord(j, ",") {
			break
		}
		if st.marketWordAt(j) {
			return true
		}
	}
	for j := k + 1; j < len(st.toks) && j <= k+12; j++ {
		if st.toks[j].Kind == text.Punct && !st.isWord(j, ",") || st.toks[j].Kind == text.Quote {
			break
		}
		if st.marketWordAt(j) {
			return true
		}
	}
	return false
}

// marketWordAt reports whether token j is a word of securities, prices or
// sales: "bonds", "cif", "per share", "a tonne".
func (st *state) marketWordAt(j int) bool {
	w := st.normOf(j)
	if marketWord[w] {
		return true
	}
	if unitWord[w] && j > 0 && (st.isWord(j-1, "per") || w != "share" && st.isWord(j-1, "a")) {
		return true
	}
	return false
}

// wordNear reports whether a word of set stands among the n words before
// token k or the n after it, within its sentence part.
func (st *state) wordNear(k, n int, set map[string]bool) bool {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if st.toks[j].Kind == text.Punct && !st.isWord(j, ",") {
			break
		}
		if set[st.normOf(j)] {
			return true
		}
	}
	for j := k + 1; j < len(st.toks) && j <= k+n; j++ {
		if st.toks[j].Kind == text.Punct && !st.isWord(j, ",") || st.toks[j].Kind == text.Quote {
			break
		}
		if set[st.normOf(j)] {
			return true
		}
	}
	return false
}

// investMarket lists words that make an investment one in a market:
// "invest in overseas government bonds", "pensions invested in the stock
// market", "to hold and invest foreign currency".
var investMarket = map[string]bool{"stock": true, "stocks": true, "securities": true, "currency": true,
	"treasury": true, "funds": true, "portfolio": true, "equities": true, "pensions": true}

// releasedThing lists what is released when the word is a publication,
// not a release of people or goods: "figures released by the IMF", "the
// forecast, released last fall", "will release its retail price index".
var releasedThing = map[string]bool{"figures": true, "data": true, "statistics": true, "forecast": true,
	"forecasts": true, "report": true, "reports": true, "results": true, "details": true, "index": true,
	"text": true, "survey": true, "study": true, "estimates": true, "minutes": true, "film": true,
	"album": true, "book": true, "transcript": true, "findings": true, "projections": true}

// freeAdjective reports whether "free" at token k is the adjective, not
// the verb of releasing: "free market levels", "a free fall", "an
// entirely free and open economy", "free of charge".
func (st *state) freeAdjective(k int) bool {
	if k > 0 && (st.cls[k-1]&(cDet|cBe) != 0 || strings.HasSuffix(st.normOf(k-1), "ly") && st.cls[k-1]&cTo == 0) {
		return true
	}
	return k+1 < len(st.toks) && freeNext[st.normOf(k+1)]
}

// helpContribute reports whether "help" at token k means "contribute
// to", with a verb or a noun of the economy right after it and no one
// helped: "to help cut its trade surplus", "helping reduce the deficit",
// "help to expand", "to help exports". "Help Ecuador meet" still codes.
func (st *state) helpContribute(k int) bool {
	j := k + 1
	if j >= len(st.toks) || st.toks[j].Kind != text.Word || st.npAt[j] >= 0 || st.toks[j].Flags&text.Cap != 0 {
		return false
	}
	w := st.normOf(j)
	if st.cls[j]&cTo != 0 {
		// "help to expand" (the verb), not "financial help to patrol"
		return k > 0 && st.cls[k-1]&(cTo|cModal|cAux) != 0
	}
	return helpVerb[w] || economicNoun[w] || st.cls[j] == 0 && st.verbAt(j)
}

// helpVerb lists verbs that follow "help" bare: "help cut", "help develop".
var helpVerb = map[string]bool{"cut": true, "reduce": true, "slash": true, "counter": true, "develop": true,
	"maintain": true, "expand": true, "promote": true, "boost": true, "stabilise": true, "stabilize": true,
	"ease": true, "lower": true, "raise": true, "finance": true, "fund": true, "pay": true, "offset": true,
	"assist": true, "improve": true, "create": true, "keep": true, "stem": true, "curb": true, "spur": true,
	"stimulate": true, "strengthen": true, "restore": true, "bring": true, "make": true, "solve": true}

// freeNext lists the words after which "free" is an adjective.
var freeNext = map[string]bool{"market": true, "markets": true, "fall": true, "trade": true, "zone": true,
	"zones": true, "port": true, "enterprise": true, "world": true, "elections": true, "election": true,
	"press": true, "speech": true, "and": true, "of": true, "from": true, "float": true, "rein": true,
	"hand": true, "access": true, "movement": true, "passage": true}

// marketWord lists words that make an offer one of a market.
var marketWord = map[string]bool{
	"bond": true, "bonds": true, "eurobond": true, "eurobonds": true, "shares": true, "certificates": true,
	"deposit": true, "deposits": true, "notes": true, "debentures": true, "warrants": true, "coupon": true,
	"yield": true, "yields": true, "cif": true, "fob": true, "intervention": true, "rebate": true, "fares": true,
	"stake": true, "privatisation": true, "privatization": true, "underwriting": true, "tender": true,
	"crop": true, "inter-bank": true, "interbank": true, "takeover": true,
}

// unitWord lists units a price is quoted in, after "per" or "a" ("a
// share" only after "per": "offer a share of its market" is no price).
var unitWord = map[string]bool{
	"tonne": true, "ton": true, "kilo": true, "kilos": true, "share": true, "barrel": true, "ounce": true,
	"pound": true, "bushel": true, "lb": true,
}

// demandWord lists the words before "demand" that make it demand for
// goods.
var demandWord = map[string]bool{"domestic": true, "foreign": true, "excess": true, "growing": true,
	"increasing": true, "rising": true, "falling": true, "heavy": true, "strong": true, "weak": true,
	"world": true, "consumer": true, "internal": true, "export": true, "import": true, "oil": true,
	"energy": true, "changing": true, "seasonal": true, "sluggish": true, "firm": true, "slack": true,
	"overall": true, "total": true, "global": true, "local": true, "industrial": true, "private": true}

// tradeVerb lists the verbs after "commitments to" that make them trade.
var tradeVerb = map[string]bool{"export": true, "import": true, "buy": true, "sell": true, "supply": true,
	"deliver": true, "ship": true, "purchase": true}

// ownTrade reports whether an embargo (163) with no target is a state or
// body cutting its own trade: "Ecuador was forced to suspend crude oil
// exports after the earthquake", "will enable Bangladesh to cut
// imports", "OPEC agreed to cut its output". No one is sanctioned; an
// embargo on someone names them ("suspended exports to Iran"), and a ban
// on imports ("has banned beef imports") keeps others' goods out.
func (st *state) ownTrade(code string, t *member, s, e int) bool {
	if !strings.HasPrefix(code, "163") || t != nil || st.opt.NullActors || strings.HasPrefix(st.normOf(s), "ban") {
		return false // "South Korea has banned beef imports": others' goods
	}
	for k := e; k < len(st.toks) && k < e+5; k++ {
		if tradeNoun[st.normOf(k)] {
			return true
		}
		if st.boundary(k) || st.isWord(k, ",") {
			break
		}
	}
	return false
}

// tradeNoun lists what a state cuts of its own trade.
var tradeNoun = map[string]bool{"exports": true, "imports": true, "output": true, "production": true,
	"shipments": true, "sales": true, "purchases": true, "deliveries": true, "supplies": true}

// homeVisit reports whether a visit (042) or a hosting (043) is one by
// a state's own people within it: "Saddam Hussein visited the northern
// city of Mosul", "a visit by French parliamentarians to the construction
// site" (in France). A visit is to another state; a trip at home is no
// event between states.
func (st *state) homeVisit(code string, s, t *member) bool {
	if (code != "042" && code != "043") || s == nil || t == nil || st.opt.NullActors {
		return false
	}
	return len(t.code) == 3 && t.code == codeCountry(*s)
}
