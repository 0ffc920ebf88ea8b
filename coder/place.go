package coder

import (
	"bytes"
	"math"
	"strings"

	"petrel"
	"petrel/dict"
	"petrel/place"
	"petrel/text"
)

// Where an event happened. The coder reads places in three steps:
//
//  1. locate (once per sentence) finds the place mentions: a name after a
//     locative preposition ("in", "at", "near", "outside", "on the
//     outskirts of", "20 km north of"), skipping determiners, adjectives
//     and "the town of"; a fronted "In Kabul," belongs to the whole
//     sentence. Each mention is resolved to one place at once.
//  2. eventLocation (per event) attaches to an event the mention of its
//     own clause: the nearest after its verb with no other verb, "that",
//     verb of saying or subordinator between, else the nearest before it
//     on the same terms; for force and visits, a place named as the
//     verb's object ("shelled Kharkiv"). Failing that, the article's
//     dateline. Failing both, none: a place is never carried over from
//     another sentence.
//  3. resolvePlace chooses among the places a name may denote: the
//     user's and the built-in dictionary's places first (they win over
//     GeoNames), then the gazetteer, narrowed by a qualifier as written
//     ("Paris, Texas", "Tripoli (Lebanon)") or by a division word after
//     the name ("Shopian district", "Kherson Oblast"), and ranked by the
//     countries the article has named so far, the kind of place and its
//     population.
//
// Matching costs nothing on most tokens: the gazetteer is consulted only
// at a capitalised word after a locative, by binary search over its
// sorted keys, so sentences without a locative pay one word-class test
// per token.

// placeMention is a place named in the sentence where events may happen.
type placeMention struct {
	s, e int // tokens of the name, with any division word and qualifier
	// from is the first token of the locative phrase ("in the town of
	// Ngaoundaye" starts at "in"); attach measures from it.
	from    int
	fronted bool // "In Kabul, ..." opens the sentence: it places the whole sentence
	// modifier marks a place before an attack noun ("the Kabul bombing"):
	// the attack's place, an event's only when the event is physical.
	modifier bool
	loc      petrel.Location
}

// locWords are the words after which a place says where something
// happened.
var locWords = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"across": true, "throughout": true, "within": true, "around": true, "through": true, "off": true}

// ofPlaceWords are the nouns of "the city of X", "the outskirts of X",
// "20 km north of X": "of" after them introduces a place.
var ofPlaceWords = map[string]place.Kind{
	"city": place.City, "town": place.City, "village": place.City, "port": place.City, "outskirts": place.City,
	"suburbs": place.City, "centre": place.City, "center": place.City, "capital": place.City,
	"province": place.Admin1, "region": place.Admin1, "state": place.Admin1, "governorate": place.Admin1,
	"district": place.Admin2, "county": place.Admin2, "prefecture": place.Admin1, "department": place.Admin1,
	"north": place.City, "south": place.City, "east": place.City, "west": place.City, "northeast": place.City,
	"northwest": place.City, "southeast": place.City, "southwest": place.City, "coast": place.Country,
	"area": place.City, "heart": place.City, "island": place.Country,
	"villages": place.City, "towns": place.City, "areas": place.City, "parts": place.City, "streets": place.City,
	"territory": place.Country, "territories": place.Country, "suburb": place.City, "vicinity": place.City,
	"environs": place.City, "edge": place.City,
}

// divisionWords follow a division's name ("Shopian district", "Kherson
// Oblast", "Anbar province") and say which kind of place it is.
var divisionWords = map[string]place.Kind{
	"province": place.Admin1, "provinces": place.Admin1, "region": place.Admin1, "oblast": place.Admin1,
	"governorate": place.Admin1, "state": place.Admin1, "prefecture": place.Admin1, "department": place.Admin1,
	"district": place.Admin2, "county": place.Admin2, "municipality": place.Admin2, "raion": place.Admin2,
	"rayon": place.Admin2, "division": place.Admin2, "krai": place.Admin1, "republic": place.Admin1,
}

// pluralDivisionWords end coordinated division names ("the Kherson and
// Mykolaiv regions", "Borno and Yobe states").
var pluralDivisionWords = map[string]place.Kind{"regions": place.Admin1, "provinces": place.Admin1, "states": place.Admin1,
	"oblasts": place.Admin1, "governorates": place.Admin1, "prefectures": place.Admin1, "departments": place.Admin1,
	"districts": place.Admin2, "counties": place.Admin2, "municipalities": place.Admin2, "raions": place.Admin2}

// areaWords after a town's name ("the Bakhmut area", "the Kherson
// direction", "the Donetsk outskirts") say the event was around it.
var areaWords = map[string]bool{"area": true, "areas": true, "direction": true, "directions": true, "sector": true,
	"outskirts": true, "suburbs": true, "environs": true, "vicinity": true, "axis": true}

// cityWords before a name ("the town of X") ask for a populated place.
var cityWords = map[string]bool{"city": true, "town": true, "village": true, "port": true, "capital": true, "hamlet": true}

// timeAdverbs are words of time that may follow a place name without
// making it a modifier: "in Burkina Faso early on Sunday", "in Gaza
// overnight", "in Mali last week".
var timeAdverbs = map[string]bool{"early": true, "late": true, "earlier": true, "later": true, "overnight": true,
	"yesterday": true, "today": true, "tonight": true, "again": true, "last": true, "next": true, "recently": true}

// timeAdverb reports whether the normalised word w is a time adverb
// (timeAdverbs).
func timeAdverb(w string) bool { return timeAdverbs[w] }

// countryUseWords after a demonym still name the country ("on Syrian
// territory", "in Ukrainian airspace").
var countryUseWords = map[string]bool{"territory": true, "soil": true, "waters": true, "airspace": true}

// locate finds the sentence's place mentions and sets sentLoc, the place
// agents without a state of their own take their state from.
func (st *state) locate(idx int) {
	st.sentLoc = nil
	st.placeMs = st.placeMs[:0]
	st.noteContext()
	n := len(st.toks)
	for i := 0; i < n; i++ {
		if st.toks[i].Flags&text.Cap != 0 && (i > 0 && (st.cls[i-1]&(cDet|cPossPron) != 0 || st.toks[i-1].Kind == text.Possessive) ||
			i == 0 || st.cls[i-1]&cPrep != 0 && !locWords[st.normOf(i-1)]) {
			if m, ok := st.modifierPlace(i); ok {
				if st.trace != nil {
					st.tracef("  place %q (before an attack noun) → %s (%s, %s)", st.toks2text(m.s, m.e), m.loc.Name, m.loc.Precision, m.loc.Country)
				}
				st.placeMs = append(st.placeMs, m)
				st.addContext(m.loc.Country)
				i = m.e - 1
				continue
			}
		}
		if st.cls[i]&cPrep == 0 {
			// not a preposition, so not "of", "on" or "between" either
			if !st.nearbyPlace(i) {
				continue
			}
		} else if !locWords[string(st.norm[st.noff[i]:st.noff[i+1]])] {
			if !(i > 0 && (st.isWord(i, "of") && st.ofPlace(i) || st.isWord(i, "on") && (attackNouns[st.normOf(i-1)] || st.onIsland(i)) ||
				st.isWord(i, "between") && routeNouns[st.normOf(i-1)]) || st.nearbyPlace(i)) {
				continue
			}
		}
		if m, ok := st.mentionAfter(i); ok {
			if st.trace != nil {
				st.tracef("  place %q → %s (%s, %s, geonames %d)", st.toks2text(m.s, m.e), m.loc.Name, m.loc.Precision, m.loc.Country, m.loc.GeoNameID)
			}
			st.placeMs = append(st.placeMs, m)
			st.addContext(m.loc.Country)
			i = m.e - 1
		}
	}
	st.qualifiedCities()
	st.longerPlaceNames()
	st.headingPlace()
	// sentLoc keeps its meaning for actor inference: the first city or
	// division named, else the first country.
	st.sentLocCity = false
	for k := range st.placeMs {
		if st.placeMs[k].loc.Precision != "country" {
			st.sentLoc = &st.placeMs[k].loc
			st.sentLocCity = true
			break
		}
	}
	if st.sentLoc == nil && len(st.placeMs) > 0 {
		st.sentLoc = &st.placeMs[0].loc
	}
	// Only a named city becomes the article's venue (where a consultation
	// without a stated host happens, hostOf); events never take it.
	if st.sentLocCity && st.artLoc == nil {
		l := *st.sentLoc
		st.artLoc = &l
	}
}

// headingColon is the token of a colon that ends a heading of the
// sentence, among its first limit tokens (not the first), or -1.
func (st *state) headingColon(limit int) int {
	for k := 1; k < len(st.toks) && k < limit; k++ {
		if st.isWord(k, ":") {
			return k
		}
	}
	return -1
}

// headingPlace reads a heading before a colon ("Shelling in the Kherson
// region: three civilians were killed", "Airstrikes in Chernihiv Oblast:
// one person was killed"): its place, the last mention before the colon,
// places the whole sentence, as a fronted "In Kabul," does.
func (st *state) headingPlace() {
	c := st.headingColon(12)
	if c < 0 {
		return
	}
	for k := len(st.placeMs) - 1; k >= 0; k-- {
		if m := &st.placeMs[k]; m.e <= c {
			if m.e == c && !m.modifier && m.loc.Precision != "country" {
				m.fronted = true
			}
			return
		}
	}
}

// qualifiedCities recodes a city the dictionaries code as its state's
// actor ("Tripoli" → LBY), written with a qualifier that names another
// state ("in Tripoli (Lebanon)", "Paris, Texas"), to the state the place
// resolver read from the qualifier: the city is the place of the event,
// and whatever takes its country (a target, "attacked a checkpoint in
// Tripoli (Lebanon)") takes the qualifier's.
func (st *state) qualifiedCities() {
	for k := range st.placeMs {
		m := &st.placeMs[k]
		c := m.loc.Country
		if c == "" || m.loc.Precision == "country" || m.modifier {
			continue
		}
		x := st.npAt[m.s]
		if x < 0 {
			continue
		}
		p := &st.nps[x]
		if p.uncoded || p.s != m.s || p.e >= m.e || len(p.members) != 1 || !(st.isWord(p.e, "(") || st.isWord(p.e, ",")) {
			continue
		}
		mb := &p.members[0]
		if mb.kind != petrel.KindCountry || len(mb.code) != 3 || mb.code == c {
			continue
		}
		if st.trace != nil {
			st.tracef("  actor %q: %s as its qualifier names it, not %s", st.toks2text(p.s, p.e), c, mb.code)
		}
		st.restate(mb, c)
	}
}

// restate gives member mb, a state's actor, the state c in its code and
// its mention, keeping its role: "NER" → "NGA", "NEREDU" → "NGAEDU".
func (st *state) restate(mb *member, c string) {
	mb.code, mb.country = c+mb.code[3:], c
	if k := mb.mention - st.mBase; k >= 0 && k < len(st.doc.Mentions) {
		st.doc.Mentions[k].Code, st.doc.Mentions[k].Country = mb.code, c
	}
}

// longerPlaceNames recodes an actor whose state name is the start of a
// longer place name in another state ("students in Niger state", the
// Nigerian state, was NEREDU): the actor phrase ends inside the place the
// gazetteer or a dictionary read, so the place, the longer name, says
// whose it is. An actor phrase that goes on past the place ("Niger state
// television") keeps its code.
func (st *state) longerPlaceNames() {
	for k := range st.placeMs {
		m := &st.placeMs[k]
		c := m.loc.Country
		if c == "" || m.loc.Precision == "country" || m.modifier || st.npAt[m.s] < 0 {
			continue
		}
		p := &st.nps[st.npAt[m.s]]
		if p.uncoded || len(p.members) != 1 || p.e <= m.s || p.e >= m.e {
			continue
		}
		mb := &p.members[0]
		if mb.kind != petrel.KindCountry || len(mb.code) < 3 || mb.country == c || mb.code[:3] == c {
			continue
		}
		if st.trace != nil {
			st.tracef("  actor %q: %s, as the longer place name %q says, not %s", st.toks2text(p.s, p.e), c, st.toks2text(m.s, m.e), mb.code[:3])
		}
		st.restate(mb, c)
	}
}

// ofPlace reports whether "of" at token i introduces a place: "the city
// of", "on the outskirts of", "20 km north of", "the shelling of",
// "residents of".
func (st *state) ofPlace(i int) bool {
	w := st.normOf(i - 1)
	_, ok := ofPlaceWords[w]
	return ok || attackNouns[w] || residentNouns[w]
}

// attackNouns are nouns of force after which "of" or "on" and a name
// give where it struck: "the shelling of Horlivka", "strikes on Donetsk".
// The place is the attack's; it is the event's place only when the event
// is itself physical (attach, topicNouns).
var attackNouns = map[string]bool{"shelling": true, "shellings": true, "strike": true, "strikes": true, "airstrike": true,
	"airstrikes": true, "attack": true, "attacks": true, "bombing": true, "bombings": true, "bombardment": true,
	"assault": true, "raid": true, "raids": true, "siege": true, "offensive": true, "storming": true, "capture": true,
	"blockade": true, "encirclement": true, "fire": true}

// blastNouns are the nouns of a violent happening that a place before
// them locates, with or without a determiner ("Mogadishu blast",
// "Odessa violence", "the Kabul clashes"), like the attack nouns.
var blastNouns = map[string]bool{"blast": true, "blasts": true, "explosion": true, "explosions": true,
	"violence": true, "clashes": true, "clash": true, "fighting": true, "massacre": true, "ambush": true,
	"shootout": true, "gunfight": true, "gunbattle": true, "unrest": true, "riots": true, "killings": true}

// routeNouns are roads between two places: "on the road between Kaya and
// Dori" is at the first of them.
var routeNouns = map[string]bool{"road": true, "highway": true, "route": true, "railway": true, "motorway": true, "bridge": true}

// residentNouns are the people of a place: "residents of Donetsk died".
var residentNouns = map[string]bool{"residents": true, "resident": true, "inhabitants": true, "people": true,
	"villagers": true, "civilians": true, "citizens": true, "townspeople": true}

// modifierPlace reads a place named before an attack noun, after a
// determiner or possessive: "the Kabul bombing", "Ukraine's Donetsk
// shelling". Only cities and divisions count: "a Russian attack" names an
// attacker, not a place.
func (st *state) modifierPlace(i int) (placeMention, bool) {
	n := len(st.toks)
	k := i
	for k < n && k < i+4 && st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap != 0 {
		k++
	}
	if k == i || k >= n || !attackNouns[st.normOf(k)] && !blastNouns[st.normOf(k)] || st.isDate(i) || notPlaceWords[st.normOf(i)] {
		return placeMention{}, false
	}
	if x := st.npAt[i]; x >= 0 && st.nps[x].uncoded && st.nps[x].agent != "" {
		return placeMention{}, false // an agent noun: "Police fire tear gas at …" (not Police, Poland)
	}
	if x := st.npAt[i]; x >= 0 && !st.nps[x].uncoded && !blastNouns[st.normOf(k)] {
		// an actor: "the Hamas attack", "a Russian strike"; but a blast
		// or clashes have no agent before them ("Mogadishu blast")
		return placeMention{}, false
	}
	if det := i > 0 && (st.cls[i-1]&(cDet|cPossPron) != 0 || st.toks[i-1].Kind == text.Possessive); !det {
		// Without a determiner the capital may be the sentence's
		// ("Violent clashes kill 4", "Militia clashes"): the name must be
		// one the dictionaries or the gazetteer spell as written, not a
		// consonant skeleton's guess, and no village.
		st.keyBuf = place.AppendKey(st.keyBuf[:0], st.text[st.toks[i].Start:st.toks[k-1].End])
		if e, _ := st.c.placeT.longest(st.sentView(), i); e != k && !st.bigPlace(st.keyBuf) {
			return placeMention{}, false
		}
	}
	loc, e, ok := st.resolvePlace(i, 255)
	if !ok || e != k || loc.Precision == "country" {
		return placeMention{}, false
	}
	return placeMention{s: i, e: e, from: i, modifier: true, loc: loc}, true
}

// bigPlace reports whether some place the gazetteer names by key is a
// division or a town of 5,000 people or more.
func (st *state) bigPlace(key []byte) bool {
	g := place.Default()
	for _, i := range g.Lookup(key) {
		if p := g.Place(i); p.Kind != place.City || p.Population >= 5000 {
			return true
		}
	}
	return false
}

// nearbyPlace reports whether token i is "nearby" used as a preposition,
// a capitalised name right after it: "killed nearby Donetsk airport".
func (st *state) nearbyPlace(i int) bool {
	return st.isWord(i, "nearby") && i+1 < len(st.toks) && st.toks[i+1].Kind == text.Word && st.toks[i+1].Flags&text.Cap != 0
}

// onIsland reports whether "on" at token i introduces an island: "on
// the island of Lesbos", "on Jolo island".
func (st *state) onIsland(i int) bool {
	j := i + 1
	for j < len(st.toks) && st.cls[j]&cDet != 0 {
		j++
	}
	if st.isWord(j, "island") && st.isWord(j+1, "of") {
		return true
	}
	for k := j; k < len(st.toks) && k < j+4; k++ {
		if st.isWord(k, "island") || st.isWord(k, "islands") {
			return k > j
		}
		if st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap == 0 {
			return false
		}
	}
	return false
}

// mentionAfter reads the place after the locative word at token i.
func (st *state) mentionAfter(i int) (placeMention, bool) {
	n := len(st.toks)
	j := i + 1
	want := place.Kind(255)
	if st.isWord(i, "of") {
		// "the town of X", "the province of X"
		if w := st.normOf(i - 1); cityWords[w] {
			want = place.City
		} else if k, ok := ofPlaceWords[w]; ok && k != place.City && k != place.Country {
			want = k
		}
	}
	skipped := 0
	for j < n {
		w := st.normOf(j)
		if st.cls[j]&cDet != 0 {
			j++
			continue
		}
		if st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 && st.cls[j] == 0 && skipped < 3 && !st.isDate(j) {
			// "in the restive northern", "on the outskirts of", "in the
			// town of": adjectives and the noun before "of"
			if cityWords[w] {
				want = place.City
			}
			skipped++
			j++
			if j < n && st.isWord(j, "of") {
				k, ok := ofPlaceWords[w]
				if !ok && !attackNouns[w] && !residentNouns[w] {
					// "in support of Ukraine", "in the wake of": a topic,
					// not a place
					return placeMention{}, false
				}
				if ok && k != place.City && k != place.Country {
					want = k
				}
				j++
			}
			continue
		}
		break
	}
	if j >= n || st.toks[j].Kind != text.Word || st.toks[j].Flags&text.Cap == 0 || st.isDate(j) || notPlaceWords[st.normOf(j)] {
		return placeMention{}, false
	}
	if st.isWord(j-1, "'s") || st.toks[j-1].Kind == text.Possessive {
		return placeMention{}, false
	}
	loc, e, ok := st.resolvePlace(j, want)
	if l, ye, yes := st.divisionOf(j, e, ok, loc); yes {
		loc, e, ok = l, ye, true
	}
	if !ok {
		return placeMention{}, false
	}
	if loc.Precision == "country" && (st.isWord(i, "near") || st.isWord(i, "outside") || st.isWord(i, "around")) {
		return placeMention{}, false // "massed troops near Ukraine": across its border, perhaps
	}
	if st.actorUse(j, e) || st.attackerBefore(e) {
		return placeMention{}, false
	}
	m := placeMention{s: j, e: e, from: i, loc: loc}
	m.fronted = i == 0 && e < n && st.isWord(e, ",")
	return m, true
}

// verbAfterName reports whether token e, right after a state's name, is a
// verb that begins the clause's predicate: in the past ("A rebel attack in
// Nigeria killed seven civilians") or a headline's present before its
// object ("Rebel attack in Mali leaves seven dead"): the name is the
// place, where "in Afghan villages" names none.
func (st *state) verbAfterName(e int) bool {
	w := st.normOf(e)
	return (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && e+1 < len(st.toks) && (st.cls[e+1]&(cNumber|cDet) != 0 || st.toks[e+1].Kind == text.Number)) && st.verbAt(e)
}

// attackerBefore reports whether the name that ends at token e is the
// attacker of an attack noun whose own place follows it: "killed in Kyiv
// shelling of Donetsk", "died in Moscow strikes on Kharkiv", "killed in
// Kiev shelling in Donetsk". The place is the one after "of", "on" or
// "in".
func (st *state) attackerBefore(e int) bool {
	n := len(st.toks)
	return e+2 < n && attackNouns[st.normOf(e)] && (st.isWord(e+1, "of") || st.isWord(e+1, "on") || st.isWord(e+1, "in")) &&
		(st.toks[e+2].Flags&text.Cap != 0 || e+3 < n && st.cls[e+2]&cDet != 0 && st.toks[e+3].Flags&text.Cap != 0)
}

// divisionOf reads "the X district of Y" ("the Kuibyshevsky district of
// Donetsk", "the Kiev region of Donetsk"): a division of Y, so where X
// was resolved (to loc, ending at token e, when ok) to a place outside
// Y's country or province, or not at all, the place is Y. A district of
// a city is no division GeoNames lists, and its name is often a
// district's of another province or state.
func (st *state) divisionOf(j, e int, ok bool, loc petrel.Location) (petrel.Location, int, bool) {
	n := len(st.toks)
	d := e
	if !ok {
		// The name the gazetteer does not know: up to three capitalised
		// words before the division word.
		d = j
		for d < n && d < j+3 && st.toks[d].Kind == text.Word && st.toks[d].Flags&text.Cap != 0 {
			d++
		}
		if d == j || d >= n || !divWord(st.normOf(d)) {
			return petrel.Location{}, 0, false
		}
		d++
	} else if d <= j+1 || !divWord(st.normOf(d-1)) {
		return petrel.Location{}, 0, false
	}
	k := d + 1
	if !st.isWord(d, "of") || k >= n || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap == 0 || st.isDate(k) || notPlaceWords[st.normOf(k)] {
		return petrel.Location{}, 0, false
	}
	y, ye, yok := st.resolvePlace(k, 255)
	if c := st.stateWords(j, d-1); !ok && c != "" && (!yok || y.Country != c) {
		// "the Philippine province of Samar": a division of that state,
		// not Russia's Samara.
		return st.placeInState(k, c)
	}
	if !yok || y.Precision == "country" || ok && loc.Country == y.Country && (loc.Admin1Code == y.Admin1Code || y.Admin1Code == "") {
		return petrel.Location{}, 0, false
	}
	return y, ye, true
}

// stateWords returns the state that tokens [s, e) name, all of them, as
// a country actor ("Philippine", "Mexican"), or "".
func (st *state) stateWords(s, e int) string {
	if e <= s {
		return ""
	}
	if ae, vals := st.c.actorT.longest(st.sentView(), s); ae == e {
		if a := st.c.actors[vals[len(vals)-1]]; a.Kind == petrel.KindCountry {
			return actorCountry(a)
		}
	}
	return ""
}

// placeInState resolves the name at token k among the gazetteer's places
// of state c alone: its location and the token after it.
func (st *state) placeInState(k int, c string) (petrel.Location, int, bool) {
	cands, ge := st.gazetteerName(k)
	if cands == nil {
		return petrel.Location{}, 0, false
	}
	p, ok := st.choosePlace(k, ge, cands, place.Country, c, -1)
	if !ok {
		return petrel.Location{}, 0, false
	}
	return st.gazLocation(p, k, ge), ge, true
}

// regionIn reports whether some candidate is a region (Feature RGN).
func (st *state) regionIn(cands []int32) bool {
	g := place.Default()
	for _, i := range cands {
		if g.Place(i).Feature == "RGN" {
			return true
		}
	}
	return false
}

// actorUse reports whether the place name at tokens [j, e) begins a coded
// actor phrase rather than naming where: "killed in Kiev forces’
// shelling" (the phrase goes on past the name), "in Kiev's attack",
// "in Kiev’s troops' shelling" (a possessive before an attack or actor).
// "in Kabul's main hospital" is still Kabul.
func (st *state) actorUse(j, e int) bool {
	x := st.npAt[j]
	if x < 0 || st.nps[x].uncoded || len(st.nps[x].members) == 0 {
		return false
	}
	p := &st.nps[x]
	if p.e > e && st.toks[e].Kind == text.Word && st.toks[e].Flags&text.Cap == 0 {
		return true // the phrase goes on past the name: "Kiev forces"
	}
	if p.e > e+1 && st.toks[e].Kind == text.Possessive && st.toks[e+1].Kind == text.Word && st.toks[e+1].Flags&text.Cap == 0 {
		// "in attack of Kiev's troops": the name owns an actor with a
		// role, not "London's financial City"
		for _, m := range p.members {
			if len(m.code) > 3 {
				return true
			}
		}
	}
	if !p.poss {
		return false
	}
	k := p.e // the word after the possessive
	if k < len(st.toks) && st.toks[k].Kind == text.Possessive {
		k++
	}
	if k >= len(st.toks) || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap != 0 {
		return false
	}
	w := st.normOf(k)
	return attackNouns[w] || topicNouns[w] || st.npAt[k] >= 0
}

// gazetteerName reads the name at token j as the gazetteer knows it: the
// longest run of words (with hyphens, apostrophes, possessives and
// linking words inside a name) it has a key for. It returns the places of
// that key and the token after it, or nil and j.
func (st *state) gazetteerName(j int) (cands []int32, ge int) {
	n := len(st.toks)
	ge = j
	st.keyBuf = st.keyBuf[:0]
	g := place.Default()
	for k := j; k < n && k < j+6; k++ {
		t := st.toks[k]
		joined := t.Kind == text.Punct && (st.isWord(k, "-") || st.isWord(k, "'")) && k+1 < n && st.toks[k+1].Start == t.End
		// A possessive inside a name: "Donetsk People's Republic".
		possName := t.Kind == text.Possessive && k > j && k+1 < n && st.toks[k+1].Kind == text.Word && st.toks[k+1].Flags&text.Cap != 0
		if t.Kind != text.Word && !joined && !possName {
			break
		}
		if k > j && t.Kind == text.Word && t.Flags&text.Cap == 0 && !nameLinks[st.normOf(k)] {
			break
		}
		st.keyBuf = place.AppendKey(st.keyBuf[:0], st.text[st.toks[j].Start:t.End])
		if ps := g.Lookup(st.keyBuf); ps != nil && t.Kind == text.Word {
			cands, ge = ps, k+1
		}
		if !g.Extends(st.keyBuf) {
			break
		}
	}
	return cands, ge
}

// resolvePlace resolves the place named at token j: its location and the
// token after the name (with its division word and qualifier). want asks
// for a kind of place ("the town of", "the province of"); 255 for any.
func (st *state) resolvePlace(j int, want place.Kind) (petrel.Location, int, bool) {
	s := st.sentView()
	n := len(st.toks)
	cands, ge := st.gazetteerName(j)
	// A dictionary place (the user's or the built-in one) wins over the
	// gazetteer, unless the gazetteer's name is longer ("Kherson" in a
	// dictionary, "Kherson Oblast" written).
	var dp *dict.Place
	de := j
	if e, vals := st.c.placeT.longest(s, j); e > j {
		dp, de = st.c.places[vals[len(vals)-1]], e
	}
	// A country named as a place ("in Iraq"), not as an adjective ("in
	// Iraqi villages").
	var ctry string
	ce := j
	if e, vals := st.c.actorT.longest(s, j); e > j {
		a := st.c.actors[vals[len(vals)-1]]
		if a.Kind == petrel.KindCountry && dp == nil && (st.isWord(e, "capital") || st.isWord(e+1, "capital")) {
			// "in the Russian capital", "in the Afghan capital, Kabul"
			if p, ok := st.c.capitals[actorCountry(a)]; ok {
				ce := e + 1
				if !st.isWord(e, "capital") {
					ce++
				}
				return st.dictLocation(p, j, ce), ce, true
			}
		}
		if a.Kind == petrel.KindCountry && dp == nil && e >= ge && len(a.CodeOn("")) > 3 {
			// A seat of power ("at the White House", "in the Kremlin"):
			// the capital.
			if p, ok := st.c.capitals[actorCountry(a)]; ok {
				return st.dictLocation(p, j, e), e, true
			}
		}
		if a.Kind == petrel.KindCountry && dp == nil && e >= ge {
			if x := st.npAt[j]; x >= 0 && st.nps[x].mod && !countryUseWords[st.normOf(st.nps[x].e)] {
				return petrel.Location{}, 0, false
			}
			if e < n && st.toks[e].Kind == text.Word && st.toks[e].Flags&text.Cap == 0 && st.cls[e] == 0 && !st.isDate(e) && !countryUseWords[st.normOf(e)] && !divWord(st.normOf(e)) &&
				!timeAdverb(st.normOf(e)) && !st.verbAfterName(e) {
				return petrel.Location{}, 0, false // "in Afghan villages"
			}
			ctry, ce = actorCountry(a), e
		} else if a.Kind != petrel.KindCountry && a.Kind != petrel.KindOther && dp == nil && e >= ge && !(e == ge && st.regionIn(cands)) {
			// A person, group or IGO: no place; but a self-proclaimed
			// republic is also the region it holds ("killed in the DPR").
			return petrel.Location{}, 0, false
		}
	}
	if ctry != "" && ce+1 < n && st.toks[ce].Kind == text.Possessive && st.toks[ce+1].Kind == text.Word && st.toks[ce+1].Flags&text.Cap != 0 {
		// "in Ukraine's Horlivka", "Russia's Belgorod region": the place
		// after the possessive, in that country.
		if l, e, ok := st.resolvePlace(ce+1, want); ok && l.Country == ctry && l.Precision != "country" {
			return l, e, true
		}
	}
	if cands == nil && dp == nil && ctry == "" {
		cands, ge = st.skeletonPlaces(j)
	}
	end := max(ge, de, ce)
	// A division word after the name asks for a division, and is part of
	// the name as written ("Kherson Oblast").
	if end < n {
		if k, ok := divisionWords[st.normOf(end)]; ok && cands != nil && ge == end {
			want = k
			end++
			ge++
		}
	}
	if end+2 < n && want == 255 && cands != nil && ge == end && st.isWord(end, "and") {
		// "the Kherson and Mykolaiv regions": the first of coordinated
		// divisions, its division word after the second.
		for k := end + 1; k < n && k < end+5; k++ {
			if st.toks[k].Kind == text.Word && st.toks[k].Flags&text.Cap != 0 {
				continue
			}
			if w, ok := pluralDivisionWords[st.normOf(k)]; ok && k > end+1 {
				want = w
			}
			break
		}
	}
	if end < n && want == 255 && areaWords[st.normOf(end)] && cands != nil && ge == end {
		// "the Bakhmut area", "the Kherson direction": the town, failing
		// one a division or region ("the Donbas area").
		want = place.City
		end++
	}
	if cands != nil && ge == end && end < n && end > j && st.toks[end].Kind == text.Word && st.toks[end].Flags&text.Cap != 0 && !st.isDate(end) &&
		(dp == nil || de < ge) && (ctry == "" || ce < ge) {
		// The gazetteer knows only the start of a longer name ("Tal" of
		// "Tal Rifaat"): that is not the place.
		cands = nil
	}
	// A qualifier as written: "Paris, Texas", "Tripoli (Lebanon)".
	qualCountry, qualAdmin1, qe := st.qualifier(end)
	if qe == end && cands != nil && ge == end {
		qualCountry, qualAdmin1, qe = st.inQualifier(end, cands)
	}
	if qe > end {
		end = qe
	}

	if dp != nil && de >= ge && de >= ce && (qualCountry == "" || qualCountry == dp.Country) && qualAdmin1 < 0 && (want == 255 || want == place.City) {
		return st.dictLocation(dp, j, de), end, true
	}
	if cands != nil && (ctry == "" || ge > ce) {
		p, ok := st.choosePlace(j, ge, cands, want, qualCountry, qualAdmin1)
		if !ok && qualAdmin1 >= 0 {
			// "Jaranwala, Punjab": a division name that several states
			// have; the place lies in another state's division of it.
			for _, q := range st.otherAdmin1s(end, qualAdmin1) {
				if p, ok = st.choosePlace(j, ge, cands, want, g1Country(q), q); ok {
					break
				}
			}
		}
		if !ok && want != 255 {
			// "Shopian district": the town, failing the district; any kind
			// of place, asked for by the text (place.Country here means no
			// filter on the kind, as opposed to 255, a bare name).
			p, ok = st.choosePlace(j, ge, cands, place.Country, qualCountry, qualAdmin1)
		}
		if ok {
			return st.gazLocation(p, j, ge), end, true
		}
	}
	if dp != nil && (qualCountry == "" || qualCountry == dp.Country) {
		return st.dictLocation(dp, j, de), max(de, qe), true
	}
	if ctry != "" {
		if l, ok := st.countryLocation(ctry, j, ce); ok {
			return l, max(ce, qe), true
		}
	}
	return petrel.Location{}, 0, false
}

// otherAdmin1s returns the first-order divisions other than first whose
// name is the qualifier that qualifier(k) read: "Punjab" is India's and
// Pakistan's.
func (st *state) otherAdmin1s(k int, first int32) []int32 {
	g := place.Default()
	name := g.Place(first).Name
	st.keyBuf = place.AppendKey(st.keyBuf[:0], name)
	var out []int32
	for _, i := range g.Lookup(st.keyBuf) {
		if i != first && g.Place(i).Kind == place.Admin1 {
			out = append(out, i)
		}
	}
	return out
}

// g1Country returns the country of gazetteer place i.
func g1Country(i int32) string { return place.Default().Place(i).Country }

// skeletonPlaces is the fallback for a name the gazetteer does not spell
// as the text does ("Shopian" for GeoNames' "Shupiyan"): the places of one
// or two capitalised words by consonant skeleton, kept only where the
// sentence supports them: a division word follows and the place is a
// division, or the place lies in a country the article has named.
func (st *state) skeletonPlaces(j int) ([]int32, int) {
	g := place.Default()
	n := len(st.toks)
	var ps []int32
	e := j
	for k := j; k < n && k < j+2; k++ {
		if st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap == 0 {
			break
		}
		st.keyBuf = place.AppendKey(st.keyBuf[:0], st.text[st.toks[j].Start:st.toks[k].End])
		kl := len(st.keyBuf)
		st.keyBuf = place.AppendSkeleton(st.keyBuf, st.keyBuf[:kl])
		if x := g.LookupSkeleton(st.keyBuf[kl:]); x != nil {
			ps, e = x, k+1
		}
	}
	if ps == nil {
		return nil, j
	}
	div := e < n && divWord(st.normOf(e))
	var out []int32
	for _, i := range ps {
		p := g.Place(i)
		// A division word supports a division only when the article names
		// no country, or names its country: "Pakistani troops ... in the
		// Khyber district" is not Saudi Arabia's Khaybar.
		if div && p.Kind != place.City && len(st.ctx) == 0 || st.inContext(p.Country) {
			out = append(out, i)
		}
	}
	if out == nil {
		return nil, j
	}
	return out, e
}

// smallAbroad is the population under which a town outside the
// countries a story names is not taken for an unqualified name.
const smallAbroad = 20000

// notPlaceWords are capitalised words that GeoNames lists among some
// place's names but that news writes for something else: months, days,
// titles and feasts ("at the June summit", "in May"), "the Gulf", and
// Chinatown, a quarter of many cities.
var notPlaceWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"president": true, "minister": true, "prime": true, "general": true, "god": true, "christmas": true, "easter": true,
	"ramadan": true, "parliament": true, "congress": true, "senate": true, "court": true, "state": true, "city": true,
	"gulf": true, "chinatown": true, // "the Gulf" of news is the Persian Gulf, not Papua New Guinea's Gulf Province
	// words of peoples and faiths, which small towns also bear ("al-Ahli
	// Arab hospital" is not in Arab, Alabama)
	"arab": true, "arabs": true, "muslim": true, "christian": true, "jewish": true, "islamic": true, "catholic": true}

// nameLinks are lower-case words inside place names ("Mazar-i-Sharif",
// "Bandar-e Abbas", "Rio de Janeiro", "Ras al Ain").
var nameLinks = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "la": true,
	"le": true, "les": true, "el": true, "al": true, "i": true, "e": true, "ul": true, "of": true, "on": true, "upon": true,
	"am": true, "an": true, "der": true, "di": true, "du": true, "des": true, "y": true, "sur": true, "en": true, "-": true, "'": true}

func divWord(w string) bool { _, ok := divisionWords[w]; return ok }

// qualifier reads ", Texas" or "(Lebanon)" at token k: the country
// (alpha-3) or first-order division it names, and the token after it.
func (st *state) qualifier(k int) (country string, admin1 int32, end int) {
	n := len(st.toks)
	admin1, end = -1, k
	if k+1 >= n || !(st.isWord(k, ",") || st.isWord(k, "(")) || st.toks[k+1].Flags&text.Cap == 0 || st.toks[k+1].Kind != text.Word {
		return
	}
	paren := st.isWord(k, "(")
	s := st.sentView()
	// The qualifier must end the phrase: a comma, a parenthesis, the end
	// of the sentence or a preposition follows it ("Paris, Texas, on
	// Sunday"), so that "in Paris, France said" is not read as one.
	closes := func(e int) bool {
		if paren {
			return e < n && st.isWord(e, ")")
		}
		return e >= n || st.toks[e].Kind == text.Punct || st.cls[e]&(cPrep|cConj) != 0 || st.isDate(e)
	}
	if e, vals := st.c.actorT.longest(s, k+1); e > k+1 {
		if a := st.c.actors[vals[len(vals)-1]]; a.Kind == petrel.KindCountry && closes(e) {
			end = e
			if paren {
				end++
			}
			return actorCountry(a), -1, end
		}
	}
	g := place.Default()
	for e := k + 2; e <= n && e <= k+4; e++ {
		st.keyBuf = place.AppendKey(st.keyBuf[:0], st.text[st.toks[k+1].Start:st.toks[e-1].End])
		for _, i := range g.Lookup(st.keyBuf) {
			if p := g.Place(i); p.Kind == place.Admin1 && closes(e) {
				end = e
				if paren {
					end++
				}
				return p.Country, i, end
			}
		}
	}
	return "", -1, k
}

// inQualifier reads "in Sindh province", "in the Luhansk region", "in
// the DPR" or "in Pakistan" at token k, after a name whose places are
// cands: the first-order division (or the self-proclaimed republic that
// is one) or the country it names, and the token after it, when one of
// cands lies there ("Hyderabad in Sindh province" is Pakistan's, not
// India's; "Pervomaisk in the Luhansk region" not the larger one in
// Mykolaiv). Otherwise it returns k: the second place is no qualifier
// ("fighting in Donetsk in the Donbas" stays two mentions).
func (st *state) inQualifier(k int, cands []int32) (country string, admin1 int32, end int) {
	n := len(st.toks)
	admin1, end = -1, k
	if !st.isWord(k, "in") {
		return
	}
	j := k + 1
	for j < n && st.cls[j]&cDet != 0 {
		j++
	}
	if j >= n || st.toks[j].Kind != text.Word || st.toks[j].Flags&text.Cap == 0 || st.isDate(j) || notPlaceWords[st.normOf(j)] {
		return
	}
	g := place.Default()
	holds := func(a int32, c string) bool {
		for _, i := range cands {
			if p := g.Place(i); a >= 0 && p.Admin1 == a || a < 0 && p.Country == c {
				return true
			}
		}
		return false
	}
	for e := min(n, j+4); e > j; e-- {
		if st.toks[e-1].Kind != text.Word {
			continue
		}
		st.keyBuf = place.AppendKey(st.keyBuf[:0], st.text[st.toks[j].Start:st.toks[e-1].End])
		for _, i := range g.Lookup(st.keyBuf) {
			p := g.Place(i)
			if p.Kind != place.Admin1 {
				continue
			}
			a := i
			if p.Feature == "RGN" {
				a = p.Admin1 // the division a self-proclaimed republic claims, if one
			}
			if a >= 0 && holds(a, "") {
				if e < n && divisionWords[st.normOf(e)] == place.Admin1 && divWord(st.normOf(e)) {
					e++
				}
				return p.Country, a, e
			}
		}
	}
	if e, vals := st.c.actorT.longest(st.sentView(), j); e > j {
		if a := st.c.actors[vals[len(vals)-1]]; a.Kind == petrel.KindCountry {
			if c := actorCountry(a); len(c) == 3 && holds(-1, c) && (e >= n || st.toks[e].Kind != text.Possessive) {
				return c, -1, e
			}
		}
	}
	return "", -1, k
}

// choosePlace ranks the places a name denotes. A qualifier as written
// decides; then a place in a country the article has named, then the
// kind of place asked for or, failing that, populated places over
// divisions, then importance (capital, seat of a division) and
// population. A village that shares its name with a word is kept out:
// a place must have 5,000 people, be a seat or division, or lie in a
// country of the article.
func (st *state) choosePlace(first, nameEnd int, cands []int32, want place.Kind, qualCountry string, qualAdmin1 int32) (*place.Place, bool) {
	g := place.Default()
	// The name as written, to favour a place whose own name it is over
	// one that has it as an old or alternate name ("Southport" is the
	// English town, not Kenosha, Wisconsin, once called so).
	var wb, pb [64]byte
	written := place.AppendKey(wb[:0], st.text[st.toks[first].Start:st.toks[nameEnd-1].End])
	afterDet := first > 0 && st.cls[first-1]&cDet != 0
	var best *place.Place
	bestScore := math.Inf(-1)
	for _, i := range cands {
		p := g.Place(i)
		if qualAdmin1 >= 0 && p.Admin1 != qualAdmin1 && i != qualAdmin1 {
			continue
		}
		if qualCountry != "" && p.Country != qualCountry {
			continue
		}
		if want != 255 && want != place.Country {
			if want == place.City && p.Kind != place.City {
				continue
			}
			if want != place.City && p.Kind == place.City {
				continue
			}
		}
		inCtx := st.inContext(p.Country)
		score := math.Log10(float64(p.Population) + 10)
		if len(cands) > 1 && bytes.Equal(place.AppendKey(pb[:0], p.Name), written) {
			score++
		}
		switch p.Feature {
		case "PPLC":
			score += 3
		case "PPLA":
			score += 2
		case "PPLA2":
			score += 0.7
		}
		if p.Kind != place.City {
			// A division's population is the sum of its places; a bare
			// name is more often the town ("Kherson") than its province.
			score -= 1.5
			if want != 255 && want != place.City {
				score += 3
			}
		}
		if inCtx {
			// Two orders of magnitude of population: Tripoli in Lebanon
			// in a story about Lebanon, but Venice in Italy in a story
			// that names the United States.
			score += 2
		}
		if qualCountry != "" || qualAdmin1 >= 0 {
			score += 3
		}
		if !inCtx && qualCountry == "" && qualAdmin1 < 0 && p.Kind == place.City && p.Population < 5000 && !strings.HasPrefix(p.Feature, "PPLA") && p.Feature != "PPLC" {
			continue
		}
		if st.dateLoc != nil && !inCtx && qualCountry == "" && qualAdmin1 < 0 && p.Kind == place.City && p.Population < smallAbroad && p.Feature != "PPLA" && p.Feature != "PPLC" {
			// A small town abroad is named with its country ("Solhan,
			// Turkey"); unqualified, in a story datelined elsewhere,
			// the name is that story's own village the gazetteer lacks
			// ("OUAGADOUGOU - gunmen attacked the village of Solhan").
			// (Only a dateline says where the story is: a country
			// named in passing, "at the French border", does not.)
			continue
		}
		if afterDet && want == 255 && p.Feature != "RGN" && (p.Kind != place.City || !inCtx && p.Feature != "PPLC" && p.Feature != "PPLA") {
			// "in the Gulf", "in the Pearl River delta": a sea or a river,
			// not Gulf County or Pearl River, New York. Places are named
			// without "the", save as a modifier ("at the Venice summit").
			continue
		}
		if p.Kind == place.City && p.Feature != "PPLC" && !inCtx && want == 255 && st.toks[first].Flags&text.AllCaps != 0 && !st.inDateline && st.toks[first].End-st.toks[first].Start <= 4 {
			continue // an acronym ("a meeting of EC ministers"), not a town
		}
		if !inCtx && qualCountry == "" && qualAdmin1 < 0 && p.Kind == place.Admin2 && want == 255 {
			continue // a district by a bare name ("Lake" of Lake County) only in a country the article names
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best, best != nil
}

// gazLocation builds the location of gazetteer place p named at tokens
// [s, e).
func (st *state) gazLocation(p *place.Place, s, e int) petrel.Location {
	l := petrel.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon,
		Start: st.toks[s].Start, End: st.toks[e-1].End, Precision: p.Kind.String(), GeoNameID: p.ID}
	if a := place.Default().Admin1(p); a != nil {
		l.Admin1, l.Admin1Code = a.Name, a.Code
	}
	return l
}

// dictLocation builds the location of dictionary place p named at tokens
// [s, e). Its coordinates are the dictionary's; the gazetteer adds the
// GeoNames id and division of the same place (same name and country,
// within 50 km) when it has it.
func (st *state) dictLocation(p *dict.Place, s, e int) petrel.Location {
	l := petrel.Location{Name: p.Display, Country: p.Country, Lat: p.Lat, Lon: p.Lon,
		Start: st.toks[s].Start, End: st.toks[e-1].End, Precision: "city"}
	g := place.Default()
	st.keyBuf = place.AppendKey(st.keyBuf[:0], p.Display)
	var best *place.Place
	for _, i := range g.Lookup(st.keyBuf) {
		q := g.Place(i)
		if q.Kind == place.City && q.Country == p.Country && place.DistanceKm(q.Lat, q.Lon, p.Lat, p.Lon) <= 50 && (best == nil || q.Population > best.Population) {
			best = q
		}
	}
	if best != nil {
		l.GeoNameID = best.ID
		if a := g.Admin1(best); a != nil {
			l.Admin1, l.Admin1Code = a.Name, a.Code
		}
	}
	return l
}

// countryLocation is a country named as a place, at its centroid (the
// mean of its places), or its capital failing one; a country with neither
// (a test dictionary's invented state) is no location.
func (st *state) countryLocation(code string, s, e int) (petrel.Location, bool) {
	l := petrel.Location{Name: st.toks2text(s, e), Country: code, Start: st.toks[s].Start, End: st.toks[e-1].End, Precision: "country"}
	if c := place.Default().Country(code); c != nil && (c.Lat != 0 || c.Lon != 0) {
		l.Lat, l.Lon = c.Lat, c.Lon
	} else if p, ok := st.c.capitals[code]; ok {
		l.Lat, l.Lon = p.Lat, p.Lon
	} else {
		return l, false
	}
	return l, true
}

// noteContext adds the countries of the sentence's coded actors to the
// article's context, which ranks same-name places.
func (st *state) noteContext() {
	for k := range st.nps {
		if st.nps[k].uncoded {
			continue
		}
		for _, m := range st.nps[k].members {
			st.addContext(codeCountry(m))
		}
	}
}

func (st *state) addContext(c string) {
	if len(c) != 3 {
		return
	}
	for _, x := range st.ctx {
		if x == c {
			return
		}
	}
	if place.Default().Country(c) == nil {
		return // IGO, NGO and group codes are no countries
	}
	st.ctx = append(st.ctx, c)
}

func (st *state) inContext(c string) bool {
	for _, x := range st.ctx {
		if x == c {
			return true
		}
	}
	return false
}

// dateline resolves the place of the article's dateline ("KYIV, Ukraine
// (Reuters) -"), whose tokens are [0, k) of the first sentence.
func (st *state) dateline(k int) {
	if k <= 0 || len(st.toks) == 0 || st.toks[0].Kind != text.Word {
		return
	}
	// The dateline is read before the sentence's actor phrases and dates
	// are found.
	st.dateTok = st.dateTok[:0]
	st.npAt = st.npAt[:0]
	for range st.toks {
		st.npAt = append(st.npAt, -1)
	}
	st.inDateline = true
	loc, e, ok := st.resolvePlace(0, 255)
	st.inDateline = false
	if !ok || e > k {
		return
	}
	loc.Source = "dateline"
	st.dateLoc = &loc
	st.addContext(loc.Country)
}

// topicNouns are nouns a place after which belongs to them, not to the
// verb: "discussed the war in Ukraine", "condemned the attack in Kabul".
var topicNouns = map[string]bool{"war": true, "conflict": true, "crisis": true, "situation": true, "fighting": true,
	"violence": true, "unrest": true, "clashes": true, "attack": true, "attacks": true, "offensive": true,
	"invasion": true, "occupation": true, "election": true, "elections": true, "tensions": true, "killing": true,
	"killings": true, "deaths": true, "bombing": true, "bombings": true, "strike": true, "strikes": true,
	"crackdown": true, "developments": true, "events": true, "massacre": true, "shooting": true, "raid": true,
	"coup": true, "genocide": true, "atrocities": true, "abuses": true, "blast": true, "explosion": true}

// attach returns the place mention of the clause of the verb at tokens
// [a, ae), or nil. A place right after a topic noun is the topic's, unless
// the event is itself physical ("carried out attacks in Kabul").
func (st *state) attach(a, ae int, code string) *placeMention {
	var after, before *placeMention
	for k := range st.placeMs {
		m := &st.placeMs[k]
		switch {
		case m.from >= ae:
			if (m.modifier || st.afterTopic(m)) && !objectPlaceCode(code) {
				continue
			}
			to := m.from
			if st.afterTopic(m) {
				// A physical event at the attack's place: "killed amid
				// enemy attacks in Donbas"; the attack noun is no verb
				// of another clause.
				to--
			}
			if after == nil && st.clauseOK(ae, to, a, false, objectPlaceCode(code)) {
				after = m
			}
		case m.e <= a:
			if m.modifier && !objectPlaceCode(code) {
				continue
			}
			from := m.e
			if m.modifier && from < a {
				from++ // the attack noun the place modifies ends no clause: "Quetta bombing kills 14"
			}
			if m.fronted || st.clauseOK(from, a, a, false, objectPlaceCode(code)) {
				before = m // the nearest before wins: later mentions overwrite
			}
		}
	}
	if after != nil {
		return st.narrower(after)
	}
	if before == nil {
		// A place after coordinated verbs that share their subject is
		// where both happened: "Police fired tear gas and arrested dozens
		// of people in Nairobi" places the tear gas too.
		// So is a place before them: "Police in Karachi baton-charged
		// protesters and arrested dozens".
		for k := range st.placeMs {
			m := &st.placeMs[k]
			switch {
			case m.from >= ae:
				to := m.from
				if st.afterTopic(m) {
					if !objectPlaceCode(code) {
						continue
					}
					to-- // "One serviceman killed, one injured in 30 enemy attacks in Donbas"
				}
				if after == nil && !m.modifier && (st.clauseOK(ae, to, a, true, objectPlaceCode(code)) || objectPlaceCode(code) && st.whenClause(ae, to, a)) {
					after = m
				}
			case m.e <= a:
				if !m.modifier && st.clauseOK(m.e, a, a, true, objectPlaceCode(code)) {
					before = m
				}
			}
		}
		if after != nil {
			return after
		}
	}
	return before
}

// narrower returns the place that narrows mention m right after it: a
// country, region or division followed at once by a town in it, after
// "near", "in", "at" or "outside" and the name ("killed in Donbas near
// Shumy", "fighting in eastern Ukraine near Donetsk"), is the town; else
// m ("in Quezon province in the northern island of Luzon" stays Quezon).
func (st *state) narrower(m *placeMention) *placeMention {
	for {
		if m.loc.Precision == "city" {
			return m
		}
		var next *placeMention
		for k := range st.placeMs {
			n := &st.placeMs[k]
			if n.from == m.e && n.s == n.from+1 && !n.modifier && n.loc.Country == m.loc.Country && rankOf(n.loc.Precision) < rankOf(m.loc.Precision) &&
				(st.isWord(n.from, "near") || st.isWord(n.from, "in") || st.isWord(n.from, "at") || st.isWord(n.from, "outside")) {
				next = n
				break
			}
		}
		if next == nil {
			return m
		}
		m = next
	}
}

// rankOf orders precisions from the finest: city, admin2, admin1,
// country.
func rankOf(p string) int {
	switch p {
	case "city":
		return 0
	case "admin2":
		return 1
	case "admin1":
		return 2
	}
	return 3
}

// whenClause reports whether tokens [i, j) after the verb at a are the
// verb's own words, then "as", "when" or "while" and a clause that holds
// no boundary of its own: the place of what happened at that moment is
// where the casualties were ("Three killed as passenger bus hits mine in
// east Ukraine", "soldier killed while performing battle mission in
// Donbas", "one killed, three wounded when armed groups break ceasefire
// in Donbas"). The caller asks it only for physical events.
func (st *state) whenClause(i, j, a int) bool {
	k := i
	for k < j && !(st.isWord(k, "as") || st.isWord(k, "when") || st.isWord(k, "while")) {
		k++
	}
	if k >= j || !st.clauseOK(i, k, a, true, false) {
		return false
	}
	for x := k + 1; x < j; x++ {
		if st.isWord(x, ";") || st.isWord(x, ",") || st.cls[x]&(cThat|cSay) != 0 || st.cls[x]&cSubord != 0 && st.cls[x]&cPrep == 0 && !st.isWord(x, "where") {
			return false
		}
	}
	return true
}

// afterTopic reports whether place mention m follows a topic or attack
// noun ("the war in Ukraine", "the attack in Kabul"): the noun's place,
// not the verb's.
func (st *state) afterTopic(m *placeMention) bool {
	return m.from > 0 && (topicNouns[st.normOf(m.from-1)] || attackNouns[st.normOf(m.from-1)])
}

// sameClause reports whether tokens [i, j) hold no clause boundary for
// the verb at token a: no semicolon, no "that", no subordinator, no verb
// of saying and no other verb anchor.
func (st *state) sameClause(i, j, a int) bool {
	return st.clauseOK(i, j, a, false, false)
}

// clauseOK is sameClause; with coord, a verb right after a conjunction
// (a coordinated verb with no subject of its own: "fired tear gas and
// arrested") does not end the clause, nor, for a verb right after a
// conjunction, the verbs coordinated before it. With rel (a physical
// event, objectPlaceCode), a participle on a noun does not either: "a
// crowd lynched a man accused of theft in Bouake" (participleOnNoun).
func (st *state) clauseOK(i, j, a int, coord, rel bool) bool {
	for k := i; k < j; k++ {
		if st.isWord(k, ";") || st.cls[k]&(cThat|cSay) != 0 || st.cls[k]&cSubord != 0 && st.cls[k]&cPrep == 0 && !st.isWord(k, "where") && !st.isWord(k, "as") {
			return false
		}
	}
	for x := range st.anchors {
		an := &st.anchors[x]
		if an.s != a && an.s >= i && an.s < j && !an.nounUse && !an.verb.noun && !an.inPattern && st.cls[an.s]&(cAux|cModal) == 0 &&
			!st.properNoun(an.s) && !st.nounContext(an.s) && !st.agentNounBefore(an.s) && !(rel && st.participleOnNoun(an)) && !(coord && (an.s > i && st.cls[an.s-1]&cConj != 0 || an.s < a && a > 0 && st.cls[a-1]&cConj != 0 || st.tally(i, an.s) || st.tollVerb(an.s))) {
			return false // another verb's clause ("talks" in "a round of talks" is a noun)
		}
	}
	return true
}

// participleOnNoun reports whether anchor an is a past participle that
// modifies the common noun before it and is followed by a preposition: "a
// man accused of theft in Bouake", "villagers displaced by the fighting
// near Goma". Such a reduced relative does not end the clause for
// placing the event.
func (st *state) participleOnNoun(an *anchor) bool {
	j := an.e - 1
	if an.s == 0 || an.e >= len(st.toks) || an.e-an.s != 1 || st.cls[an.e]&cPrep == 0 {
		return false
	}
	w := st.normOf(j)
	if !strings.HasSuffix(w, "ed") && !irregularParticiple[w] {
		return false
	}
	prev := st.toks[an.s-1]
	return prev.Kind == text.Word && prev.Flags&text.Cap == 0 && !st.verbAt(an.s-1) &&
		st.cls[an.s-1]&(cAux|cModal|cSay|cConj|cPrep|cDet|cPossPron|cNeg|cAdv|cThat|cSubord) == 0
}

// agentNounBefore reports whether the word at a follows an unnamed
// agent's noun right after a determiner, and so is a noun itself: "an
// army patrol", "a police raid", "the militia checkpoint". Past tenses
// and plurals stay verbs ("the army attacked", "the police arrests").
func (st *state) agentNounBefore(a int) bool {
	if a < 2 || st.npAt[a-1] < 0 {
		return false
	}
	p := &st.nps[st.npAt[a-1]]
	w := st.normOf(a)
	return p.e == a && p.uncoded && p.agent != "" && p.s > 0 && st.cls[p.s-1]&cDet != 0 &&
		!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && !irregularParticiple[w]
}

// tally reports whether tokens [i, s) end with a comma and a count (",
// 5", ", two civilians", ", another one", ", leaves three") before the verb
// at s: a toll that goes on the one before, so that a place after both is
// where both happened ("One soldier killed, 5 injured in Donbas", "One
// soldier killed in action, another wounded in Donbas"). Words before the
// comma are the first verb's ("in action").
func (st *state) tally(i, s int) bool {
	for k := s - 1; k > i && k >= s-5; k-- {
		if st.isWord(k, ",") {
			i = k
			break
		}
	}
	if s-i < 2 || s-i > 5 || !st.isWord(i, ",") {
		return false
	}
	count := false
	for k := i + 1; k < s; k++ {
		t := st.toks[k]
		switch {
		case t.Kind == text.Number || st.cls[k]&cNumber != 0 || st.isWord(k, "another"):
			count = true
		case t.Kind == text.Word && t.Flags&text.Cap == 0 && (st.cls[k]&(cPrep|cConj|cSubord|cThat|cSay) == 0 || countWords[st.normOf(k)]):
		default:
			return false
		}
	}
	return count
}

// tollVerb reports whether the verb at s follows a comma and takes a
// count: "shelling kills one, injures two in Donetsk", a verb that shares
// the subject of the one before.
func (st *state) tollVerb(s int) bool {
	return s > 0 && s+1 < len(st.toks) && st.isWord(s-1, ",") &&
		(st.toks[s+1].Kind == text.Number || st.cls[s+1]&cNumber != 0 || st.isWord(s+1, "another"))
}

// countWords qualify a count: ", over 120 wounded", ", at least six
// injured", ", more than 20 hurt".
var countWords = map[string]bool{"over": true, "about": true, "around": true, "nearly": true, "almost": true,
	"more": true, "than": true, "at": true, "least": true, "up": true, "to": true, "some": true, "under": true}

// objectPlaceCode reports whether events with this code happen where
// their object is ("shelled Kharkiv", "visited Kabul"): force, assault,
// fighting and mass violence, blockades and visits.
func objectPlaceCode(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "15", "17", "18", "19", "20":
		return true
	}
	return strings.HasPrefix(code, "042") || strings.HasPrefix(code, "043")
}

// venueRule marks the target hostOf gives a consultation: the country of
// the article's venue.
const venueRule = "venue"

// pendingLoc is an event of the sentence waiting for its place.
type pendingLoc struct {
	ev       int // index in doc.Events
	a, verbE int // the verb's first token and its end (byte offset)
	venue    bool
}

// placeEvents gives the sentence's events their places.
func (st *state) placeEvents() {
	for _, p := range st.pendLoc {
		if p.ev < len(st.doc.Events) {
			e := &st.doc.Events[p.ev]
			e.Location = st.eventLocation(p.a, p.verbE, e.Code, p.venue)
			thirdPlace(e)
		}
	}
	st.pendLoc = st.pendLoc[:0]
}

// thirdPlace recodes a meeting (040) of two states' parties that its own
// clause places in a third state as CAMEO's meeting at a third location
// (044): "envoys of Armenia and Azerbaijan met in Washington". Only the
// verb "meet" says the parties met there; "held talks" stays 040.
func thirdPlace(e *petrel.Event) {
	if e.Code != "040" || e.Location == nil || e.Location.Source != "clause" || e.Source == nil || e.Target == nil {
		return
	}
	c, s, t := e.Location.Country, e.Source.Country, e.Target.Country
	if c == "" || s == "" || t == "" || c == s || c == t || s == t {
		return
	}
	switch strings.ToLower(e.Verb.Text) {
	case "met", "meet", "meets", "meeting":
	default:
		return
	}
	recode(e, "044")
}

// eventLocation is the place of the event whose verb is at token a and
// ends at byte verbE: the place of its own clause; else, for a
// consultation whose partner is the host country of the article's venue
// ("is being attended by officials from 10 countries" → RUS), that venue;
// else the dateline; else none.
func (st *state) eventLocation(a, verbE int, code string, venue bool) *petrel.Location {
	ae := a + 1
	for ae < len(st.toks) && st.toks[ae].Start < verbE {
		ae++
	}
	if m := st.attach(a, ae, code); m != nil {
		l := m.loc
		l.Source = "clause"
		return &l
	}
	if objectPlaceCode(code) {
		j := ae
		for j < len(st.toks) && st.cls[j]&cDet != 0 {
			j++
		}
		j = st.placeAdjectives(j)
		if j < len(st.toks) && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap != 0 && !st.isDate(j) {
			if l, e, ok := st.resolvePlace(j, 255); ok && !st.actorAfter(j, e) {
				// not "shells Donetsk militia truck": a name before an
				// actor names whose it is
				l.Source = "clause"
				return &l
			}
		}
	}
	if venue && st.artLoc != nil {
		// The partner was read from the venue, so the event is there.
		l := *st.artLoc
		l.Source = "venue"
		return &l
	}
	if st.dateLoc != nil {
		l := *st.dateLoc
		return &l
	}
	return nil
}

// actorAfter reports whether the name at tokens [j, e) says whose an
// armed or official actor is, coded or an agent ("shells Donetsk militia
// truck", "shelled Kiev forces"), rather than where: an actor phrase that
// starts at e with a lower-case word, or one that spans the name and goes
// on with one. People who are no force ("shot Kiev protesters", "raided
// the Jenin refugee camp") leave the name the place.
func (st *state) actorAfter(j, e int) bool {
	if e >= len(st.toks) || st.toks[e].Kind != text.Word || st.toks[e].Flags&text.Cap != 0 {
		return false
	}
	x := st.npAt[e]
	if x < 0 {
		x = st.npAt[j]
	}
	if x < 0 {
		return false
	}
	p := &st.nps[x]
	if p.s != e && !(p.s == j && p.e > e) {
		return false
	}
	codes := []string{p.agent}
	if !p.uncoded {
		for _, m := range p.members {
			codes = append(codes, m.code)
		}
	}
	for _, c := range codes {
		for _, r := range [...]string{"REB", "MIL", "COP", "UAF", "SPY", "GOV", "INS"} {
			if strings.Contains(c, r) {
				return true
			}
		}
	}
	return false
}

// placeAdjectives skips the words that say what state a place is in
// before its name, the object of a verb of force: "shelled the liberated
// Kupiansk", "besieged El Fasher", "rebel-held Idlib", "eastern
// Kharkiv". At most two lower-case words, or a hyphened pair, none of
// them a preposition, conjunction or verb of its own, the last a
// participle or an adjective of direction (-ed, -held, -ern, "east
// Ukraine's Donetsk": "take
// prisoner DPR sappers" skips no noun); it returns j when none is there
// or no capitalised word follows them.
func (st *state) placeAdjectives(j int) int {
	n := len(st.toks)
	k := j
	for words := 0; k < n && words < 3; words++ {
		t := st.toks[k]
		if st.isWord(k, "-") && k > j && k+1 < n && st.toks[k+1].Start == t.End {
			k++
			continue
		}
		if t.Kind != text.Word || t.Flags&text.Cap != 0 || st.cls[k] != 0 || st.isDate(k) {
			break
		}
		k++
	}
	if k == j || k >= n || st.toks[k].Kind != text.Word || st.toks[k].Flags&text.Cap == 0 || st.isDate(k) {
		return j
	}
	if w := st.normOf(k - 1); !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ern") && !strings.HasSuffix(w, "held") && !compassWords[w] {
		return j
	}
	for x := range st.anchors {
		// a verb among the words ends the object, save a participle
		// right before the name ("shelled besieged El Fasher")
		if an := &st.anchors[x]; an.s >= j && an.s < k && !an.nounUse && !(an.s == k-1 && strings.HasSuffix(st.normOf(an.s), "ed")) {
			return j
		}
	}
	return k
}

// compassWords name a point or side of the compass ("north", "northern",
// "north-west"): before a place ("in northwest Nigeria"; a headline's
// "Northwest Nigeria", truecase.go) or as the place itself.
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true, "north-west": true, "north-east": true,
	"south-west": true, "south-east": true, "north-western": true, "north-eastern": true, "south-western": true, "south-eastern": true}

// actorCountry is the state of a country actor (its code's first three
// letters when the entry gives no country).
func actorCountry(a *dict.Actor) string {
	if a.Country != "" {
		return a.Country
	}
	if c := a.CodeOn(""); len(c) >= 3 {
		return c[:3]
	}
	return ""
}
