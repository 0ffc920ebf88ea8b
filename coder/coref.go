package coder

// Coreference: pronouns and definite descriptions ("he", "it", "the
// group", "the government", "we" in a quotation) resolve to the most
// recent fitting actor within two sentences; names coded by a title or
// apposition are learned for the rest of the article; every actor
// phrase becomes a mention of the document.

import (
	"strings"

	"petrel"
	"petrel/text"
)

// learn remembers that an unknown name stands for m in this article, so a
// later bare surname codes the same.
func (st *state) learn(name seg, m member) {
	if m.code == "" {
		return
	}
	m.kind = petrel.KindPerson
	st.learned[st.normOf(name.e-1)] = m
}

// learnPerson remembers that an unknown name after a title ("Treasury
// Secretary James Baker") is a person's, with no code: a later bare
// "Baker" is that person again, not a company (forgetFor). A name
// already learned with a code keeps it.
func (st *state) learnPerson(name seg) {
	k := st.normOf(name.e - 1)
	if _, ok := st.learned[k]; !ok {
		st.learned[k] = member{kind: petrel.KindPerson, mention: -1}
	}
}

// mention records a mention in the document and returns its index.
func (st *state) mention(idx int, m member, kind string) int {
	if m.code == "" {
		return -1
	}
	k := m.kind
	if k == "" {
		k = kind
	}
	st.doc.Mentions = append(st.doc.Mentions, petrel.Mention{Sentence: idx,
		Span: petrel.Span{Start: m.start, End: m.end}, Text: st.text[m.start:m.end],
		Code: m.code, Country: m.country, Kind: k, Rule: m.rule, Ref: -1})
	return st.mBase + len(st.doc.Mentions) - 1
}

// resolve fills pronouns and definite descriptions from the article's
// memory and updates the memory with this sentence's actors, left to right.
func (st *state) resolve(idx int) {
	spk := st.pluralSpeakers()
	si := 0
	for i := range st.nps {
		p := &st.nps[i]
		for ; si < len(spk) && spk[si] < p.s; si++ {
			st.notePlural(idx, spk[si], "")
		}
		if p.uncoded {
			st.resolveRef(idx, p)
			if p.uncoded && p.name && !p.oblique {
				st.forgetFor(p)
			}
			if p.uncoded && p.pron == "" && p.descr == "" && p.agent != "" && !stateSide[p.agent] &&
				!p.oblique && !p.poss && pluralWord(st.normOf(p.e-1)) && (st.toks[p.e-1].Flags&text.Cap == 0 || p.e == 1) &&
				!st.objectOfVerb(p.s) {
				st.notePlural(idx, p.s, p.agent) // "Communist rebels said they"
			}
			continue
		}
		if p.pron != "" || p.descr != "" {
			continue
		}
		if p.e < len(st.toks) && len(p.members) == 1 && !p.poss && demonym(st.normOf(p.e-1)) &&
			st.npAt[p.e] < 0 && st.toks[p.e].Flags&text.Cap == 0 && st.cls[p.e] == 0 && pluralWord(st.normOf(p.e)) && st.headNoun(p.e) {
			// "wealthy Japanese institutions … They also worry": they
			// are the institutions, not Japan. (Japan is still named.)
			st.notePlural(idx, p.e, "")
		}
		for j := range p.members {
			m := &p.members[j]
			if m.mention < 0 {
				m.mention = st.mention(idx, *m, petrel.KindOther)
			}
			mm := *m
			mm.sent = idx
			if p.oblique && !st.opt.NullActors {
				// "Renouf Corp of New Zealand said it ...": an actor in a
				// prepositional phrase is rarely what "it" refers to next,
				// but a state there is still "the government" ("protests
				// in Tbilisi against the government").
				switch {
				case m.kind == petrel.KindCountry && len(m.code) == 3:
					st.lastCountry = &mm
				case m.kind == petrel.KindGroup:
					st.lastGroup = &mm // "an attack by the RSF … the paramilitary group"
				case m.kind == petrel.KindIGO:
					st.lastIGO = &mm
				}
				continue
			}
			if n := len(st.recent); n == 0 || st.recent[n-1].code != mm.code {
				st.recent = append(st.recent, mm)
				if len(st.recent) > 8 {
					st.recent = st.recent[1:]
				}
			}
			switch m.kind {
			case petrel.KindPerson:
				st.lastPerson = &mm
			case petrel.KindGroup:
				st.lastGroup = &mm
				st.lastActor = &mm
			case petrel.KindIGO:
				st.lastIGO = &mm
				st.lastActor = &mm
			default:
				if len(m.code) == 3 || m.kind == petrel.KindCountry {
					st.lastCountry = &mm
				}
				st.lastActor = &mm
				if len(p.members) == 1 && personTitle[st.normOf(p.e-1)] {
					// "Poland's prime minister said he …": a title names
					// one person.
					st.lastPerson = &mm
				}
			}
		}
	}
	for ; si < len(spk); si++ {
		st.notePlural(idx, spk[si], "")
	}
}

// plural is a plural phrase with no state code that "they" may mean: its
// first token's offset in the article, its sentence (-1: none) and its
// agent code, if any.
type plural struct {
	start, sent int
	agent       string
}

// notePlural remembers the plural phrase at token k of sentence idx.
func (st *state) notePlural(idx, k int, agent string) {
	st.lastPlural = plural{start: st.toks[k].Start, sent: idx, agent: agent}
}

// stateSide lists agents who speak for a state ("officials said they"):
// "they" after them keeps the state named before.
var stateSide = map[string]bool{"GOV": true, "LEG": true, "JUD": true, "ELI": true}

// stateSideWord lists plural common nouns that speak for states or name
// them: "the two countries said they", "diplomats said they".
var stateSideWord = map[string]bool{"officials": true, "diplomats": true, "delegates": true, "ministers": true,
	"leaders": true, "authorities": true, "states": true, "countries": true, "nations": true, "governments": true,
	"sides": true, "members": true, "partners": true, "allies": true, "negotiators": true, "reports": true,
	"others": true, "spokesmen": true, "envoys": true, "ambassadors": true, "lawmakers": true, "legislators": true}

// pluralWord reports whether w looks like a plural noun: "bankers",
// "institutions", "rebels" (not "press", "status", "crisis").
func pluralWord(w string) bool {
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// headNoun reports whether the noun at token k ends its phrase: what
// follows is no lower-case word of no class unless it is a verb
// ("Japanese investors said", "Japanese banks are", not "an Indonesian
// communications satellite").
func (st *state) headNoun(k int) bool {
	j := k + 1
	if j >= len(st.toks) || st.toks[j].Kind != text.Word || st.cls[j] != 0 || st.toks[j].Flags&text.Cap != 0 {
		return true
	}
	return st.verbAt(j)
}

// objectOfVerb reports whether the phrase starting at token s is the
// object of a verb before it ("to disperse 1,000 unemployed miners"),
// skipping determiners, numbers and adjectives.
func (st *state) objectOfVerb(s int) bool {
	j := s - 1
	for j >= 0 && (st.cls[j]&(cDet|cNumber) != 0 || st.toks[j].Kind == text.Number || st.isAdj(j) ||
		s-j <= 2 && st.toks[j].Kind == text.Word && st.toks[j].Flags&text.Cap == 0 && st.cls[j] == 0 && !st.verbAt(j)) {
		j--
	}
	return j >= 0 && st.cls[j]&(cAux|cModal|cSay|cAdv) == 0 && st.verbAt(j)
}

// pluralSpeakers returns the tokens of plural common nouns that are no
// actor phrase and speak, right before a verb of saying: "Bankers said",
// "dealers also said", "analysts say". What "they" says next is theirs,
// not the state the story named before.
func (st *state) pluralSpeakers() []int {
	var out []int
	for k := 0; k+1 < len(st.toks); k++ {
		if st.cls[k+1]&(cSay|cAdv) == 0 {
			continue // no verb of saying next (the test below, first)
		}
		t := st.toks[k]
		if t.Kind != text.Word || st.npAt[k] >= 0 || st.cls[k] != 0 || t.Flags&text.Cap != 0 && k > 0 {
			continue
		}
		if k > 0 && st.npAt[k-1] >= 0 && !st.nps[st.npAt[k-1]].uncoded {
			continue // "European Commission sources said": the Commission's
		}
		j := k + 1
		if st.cls[j]&cAdv != 0 && j+1 < len(st.toks) {
			j++ // "dealers also said"
		}
		if st.cls[j]&cSay == 0 {
			continue
		}
		if w := st.normOf(k); pluralWord(w) && !stateSideWord[w] {
			out = append(out, k)
		}
	}
	return out
}

// forgetFor clears the memory an unknown name p takes the place of. A
// company's name ("Kvaerner", "Petroleos de Venezuela") is the
// likeliest antecedent of the next "it", but it has no code, so "it"
// after it stays uncoded rather than taking an older
// actor from an unrelated part of the article (the state in whose story
// the company is named).
//
// Only that memory is cleared, and only by a name that stands as an
// argument of its own:
//   - an unknown person's name in news is most often a later mention of
//     the person last named by title ("Canada's Minister of State for
//     Finance ... Hockin said he"), so "he" and "she" keep their
//     antecedent, and a name with a title or an honorific ("Trade
//     Minister John Crosbie", "Mr Smith") clears nothing;
//   - a surname of the person last named, or of one named with a title
//     ("Treasury Secretary James Baker ... Baker said"), is that person
//     again;
//   - a possessive or a name modifying a noun ("the Third World's
//     largest debtor") is no argument;
//   - the addressee of a verb of telling ("Thai officials told Reuters
//     they ...") is not what the pronoun after it means (speakerOf);
//   - states, groups and organisations stay remembered for "the
//     government", "the group", "the country".
func (st *state) forgetFor(p *np) {
	if p.poss || p.mod || p.agent != "" || p.s > 0 && (honorific[st.normOf(p.s-1)] || addressVerb[st.normOf(p.s-1)]) {
		return
	}
	if lm, ok := st.learned[st.normOf(p.e-1)]; ok && lm.kind == petrel.KindPerson {
		return
	}
	if lp := st.lastPerson; lp != nil && lp.end <= len(st.text) && lp.start < lp.end &&
		containsWord(st.text[lp.start:lp.end], st.toks[p.e-1].Of(st.text)) {
		return
	}
	st.lastActor = nil
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0 && w != ""; {
		end := i + len(w)
		if (i == 0 || !isLetter(s[i-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// honorific lists the words before a person's surname.
var honorific = map[string]bool{"mr.": true, "mr": true, "mrs.": true, "mrs": true, "ms.": true, "ms": true,
	"dr.": true, "dr": true, "sir": true}

// resolveRef gives the uncoded phrase p of sentence idx, a pronoun or a
// description ("the group", "the government"), the actor it refers to
// when one was named recently enough, and leaves it uncoded otherwise.
func (st *state) resolveRef(idx int, p *np) {
	var ref *member
	switch {
	case p.pron == "he" || p.pron == "him" || p.pron == "his" || p.pron == "she" || p.pron == "her":
		ref = st.lastPerson
	case p.pron == "it" && st.speakerOf(idx, p) != nil:
		// "Russia told the United Nations it would veto": the
		// speaker, not the addressee named last.
		ref = st.speakerOf(idx, p)
	case p.pron == "it" && st.uncodedSpeakerBefore(p):
		// "Disney said it will seek investors", "the company said it
		// had signed": the company, with no code; a later "it" of the
		// sentence is the company again, not the state named before.
		st.lastActor = nil
	case p.pron == "it" && st.expletiveIt(p):
		// "it is up to Ecuador to request", "it would be foolish for
		// Japan to": no one.
	case p.pron == "it" || p.pron == "its":
		ref = st.lastNonPerson()
		if ref == nil && p.pron == "it" {
			// No state named before: "The army said on Sunday it had
			// killed 20 militants" is the army, an unnamed agent, which
			// takes its state as any other does (unnamedAgent).
			p.agent = st.agentSpeakerBefore(p)
		}
	case p.pron == "they" || p.pron == "them" || p.pron == "their":
		switch {
		case st.lastGroup != nil:
			ref = st.lastGroup
		case st.lastActor != nil:
			ref = st.lastActor
		default:
			// An unknown name cleared the memory for "it" (forgetFor),
			// but a name is singular: "they" still means the last
			// actors named ("Petrobras cancelled a purchase from the
			// Saudis after they refused").
			ref = st.lastRecentNonPerson()
		}
		if lp := st.lastPlural; lp.sent >= 0 && idx-lp.sent <= 1 && (ref == nil || lp.start > ref.start) {
			// "Bankers said the policy could fuel inflation. They
			// worry …": the bankers, no state.
			ref = nil
			if p.agent == "" {
				p.agent = lp.agent
			}
		}
	case p.pron == "we" || p.pron == "us" || p.pron == "our":
		if sp := st.weRef(p.s); sp != nil {
			m := *sp
			// "we" is the speaker's side: the speaker's office
			// ("We condemn this attack," Macron said → FRAGOV), or
			// the state for a former official.
			if strings.HasSuffix(m.code, "ELI") {
				m.code = codeCountry(m)
			}
			ref = &m
		}
	case p.agent != "" && p.agent != "CVL" && p.s > 0 && (p.s > 1 && st.isWord(p.s-1, "two") && st.isWord(p.s-2, "the") || st.isWord(p.s-1, "both")) && len(st.recent) >= 2:
		// "the two leaders", "both governments": the last two
		// actors named, as a compound. ("killing two civilians"
		// counts people; it refers to no one.)
		a, b := st.recent[len(st.recent)-2], st.recent[len(st.recent)-1]
		if idx-a.sent <= 2 && codeCountry(a) != codeCountry(b) {
			for _, x := range []member{a, b} {
				x.start, x.end = st.toks[p.s].Start, st.toks[p.e-1].End
				x.mention = -1
				p.members = append(p.members, x)
			}
			p.uncoded = false
			return
		}
	case p.descr == "group":
		ref = st.lastGroup
		if ref == nil {
			ref = st.peekGroup(idx)
		}
	case p.descr == "country":
		ref = st.lastCountry
	case p.descr == "gov":
		if st.lastCountry != nil {
			m := *st.lastCountry
			if c := st.govState(idx, p); c != "" && c != codeCountry(m) {
				m.code, m.country = c, c
			}
			m.code = codeCountry(m) + "GOV"
			ref = &m
		}
	case p.descr == "igo":
		ref = st.lastIGO
	}
	if ref != nil && p.pron != "we" && p.pron != "us" && p.pron != "our" && idx-ref.sent > 2 {
		ref = nil // too far back to be what the pronoun means
	}
	if ref != nil {
		m := *ref
		m.start, m.end = st.toks[p.s].Start, st.toks[p.e-1].End
		if p.poss && m.end < st.toks[p.e-1].End {
			m.end = st.toks[p.e-1].End
		}
		m.mention = -1
		if idx2 := st.mention(idx, m, petrel.KindPronoun); idx2 >= 0 {
			st.doc.Mentions[idx2-st.mBase].Kind = petrel.KindPronoun
			if ref.mention >= 0 {
				st.doc.Mentions[idx2-st.mBase].Ref = ref.mention
			}
		}
		p.members = []member{m}
		p.uncoded = false
	}
}

// weRef returns the speaker of the quotation that holds token j, whom
// "we" there stands with: a quotation closed in this sentence has its
// attribution ("“We condemn this,” Macron said"), one still open the
// speaker its opening names ("Samuels told Reuters: “We …"). An
// unattributed quotation, or none, gives nil: "we" stays uncoded rather
// than take the speaker of an earlier quotation.
func (st *state) weRef(j int) *member {
	pos := st.toks[j].Start
	for i := len(st.quoteWho) - 1; i >= 0; i-- {
		if q := st.quoteWho[i]; q.start <= pos && pos < q.end {
			return q.who
		}
	}
	if st.inQuote && pos >= st.quoteStart {
		return st.openWho
	}
	return nil
}

// uncodedSpeakerBefore reports whether the "it" of p opens what a
// speaker with no code says: "Disney said it will seek investors",
// "WEDGE said it has had discussions", "the company said it had
// signed", "the bank said it". Such a speaker, most often a company
// (an unknown name, or an agent of business), is what "it" means, not
// the state named earlier. Officials, ministries, armies and courts are
// not: "the ministry said it" keeps the state named before.
func (st *state) uncodedSpeakerBefore(p *np) bool {
	k := st.speakerEnd(p)
	if k < 0 {
		return false
	}
	if x := st.npAt[k]; x >= 0 {
		q := &st.nps[x]
		if lm, ok := st.learned[st.normOf(q.e-1)]; ok && lm.kind == petrel.KindPerson {
			return false // "Finance Minister Dana Whitlow … Whitlow said it": a person's
		}
		return q.uncoded && q.pron == "" && q.descr == "" && !q.oblique && (q.name && q.agent == "" || q.agent == "BUS")
	}
	// a name the phrases missed: a capitalised word opening the sentence
	// ("Disney said it")
	t := st.toks[k]
	return k == 0 && t.Kind == text.Word && t.Flags&text.Cap != 0 && st.cls[k] == 0
}

// speakerEnd returns the last token of the phrase before the saying verb
// that the "it" of p follows ("the company said it", "the company also
// said on Monday that it"), or -1 when p follows no saying verb.
func (st *state) speakerEnd(p *np) int {
	k := p.s - 1
	if k >= 0 && st.isWord(k, "that") {
		k--
	}
	// A date between the verb and what was said: "said on Sunday it".
	for k > 0 && st.isDate(k) {
		k--
	}
	if k > 0 && st.cls[k]&cPrep != 0 && st.isDate(k+1) {
		k--
	}
	if k < 1 || st.cls[k]&cSay == 0 {
		return -1
	}
	k--
	if st.cls[k]&cAdv != 0 && k > 0 {
		k-- // "the company also said it"
	}
	if k > 0 && st.isWord(k, ",") && st.npAt[k-1] >= 0 && st.nps[st.npAt[k-1]].agent == "BUS" {
		k-- // "Halvor Gas Plc, a Bergen oil company, said it": the appositive's company
	}
	return k
}

// agentSpeakerBefore returns the agent of an unnamed speaker whose "it"
// p opens what it says: "the army said it had killed", "the military said
// on Sunday that it", when no state was named before (then "it" is that
// state's, as for "the ministry said it"); a company's is
// uncodedSpeakerBefore's.
func (st *state) agentSpeakerBefore(p *np) string {
	k := st.speakerEnd(p)
	if k < 0 {
		return ""
	}
	x := st.npAt[k]
	if x < 0 {
		return ""
	}
	q := &st.nps[x]
	if !q.uncoded || q.pron != "" || q.descr != "" || q.oblique || q.poss || q.e != k+1 || q.agent == "" || q.agent == "BUS" {
		return ""
	}
	return q.agent
}

// expletiveWord lists what follows "it is" in an "it" that stands for
// no one: "it is up to Ecuador", "it would be foolish for Japan", "it is
// time to". likelyWord lists those that do so
// only before "that" ("it is likely that", but "it is likely to meet"
// is the actor's).
var expletiveWord = map[string]bool{"up": true, "possible": true, "impossible": true, "imposible": true,
	"difficult": true, "easy": true, "hard": true, "necessary": true, "unnecessary": true, "important": true,
	"essential": true, "vital": true, "crucial": true, "clear": true, "unclear": true, "obvious": true,
	"true": true, "foolish": true, "wise": true, "time": true, "too": true, "premature": true, "unfair": true,
	"fair": true, "natural": true, "surprising": true, "useful": true, "appropriate": true}

var likelyWord = map[string]bool{"likely": true, "unlikely": true, "certain": true, "expected": true,
	"understood": true, "believed": true, "known": true, "reported": true, "feared": true}

// expletiveIt reports whether the "it" of p stands for no one: "it
// seems", "as it happens", or "it" with a form of "be" and a word of
// expletiveWord ("it is up to Ecuador to request the money", "it would
// not be possible for Greece to", "It is a plot by China to") or of
// likelyWord before "that". "It is ready to", "it is
// negotiating" and "it was prepared to" stay the actor's.
func (st *state) expletiveIt(p *np) bool {
	if st.opt.NullActors {
		return false // PETRARCH resolves every "it"
	}
	n := len(st.toks)
	k := p.e
	if k < n {
		switch st.normOf(k) {
		case "seems", "seemed", "appears", "appeared", "happens", "happened":
			return true
		case "would", "will", "could", "may", "might", "must":
			k++
			if k < n && st.isWord(k, "not") {
				k++
			}
			if k >= n || !st.isWord(k, "be") {
				return false
			}
		case "is", "was", "'s":
		default:
			return false
		}
	}
	k++
	for k < n && (st.isWord(k, "not") || st.isWord(k, "also") || st.isWord(k, "very") || st.isWord(k, "now") || st.isWord(k, "still")) {
		if st.isWord(k, "not") && k+1 < n && expletiveWord[st.normOf(k+1)] {
			break
		}
		k++
	}
	if k >= n {
		return false
	}
	w := st.normOf(k)
	if w == "a" || w == "an" || w == "the" || w == "no" {
		// "it is a plot by China to", "it is no secret that": a clause
		// follows within a few words ("it is our hope that" is the
		// speaker's)
		for j := k + 1; j < n && j <= k+5; j++ {
			if st.isWord(j, "to") || st.isWord(j, "that") {
				return true
			}
			if st.boundary(j) || st.isWord(j, ",") {
				return false
			}
		}
		return false
	}
	if expletiveWord[w] {
		return w != "up" || st.isWord(k+1, "to")
	}
	return likelyWord[w] && k+1 < n && st.isWord(k+1, "that")
}

// personTitle lists the last words of singular titles: an actor phrase
// ending in one ("Poland's prime minister", "the Iranian president") is
// a person for "he" and "she".
var personTitle = map[string]bool{"president": true, "minister": true, "premier": true, "chancellor": true, "king": true,
	"queen": true, "emir": true, "leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true,
	"ambassador": true, "secretary": true, "governor": true, "mayor": true, "commander": true, "general": true, "chief": true,
	"prince": true, "sultan": true, "monarch": true, "chairman": true, "chairwoman": true, "speaker": true}

// peekGroup looks ahead for the group a description refers to before the
// article names it: "Moscow is hosting the group for talks" opens a story
// whose next sentence names the Taliban. It scans the next two sentences
// with scratch buffers, so it costs nothing unless a description has no
// antecedent.
func (st *state) peekGroup(idx int) *member {
	tmp := &state{c: st.c, text: st.text, date: st.date}
	for k := idx + 1; k < len(st.spans) && k <= idx+2; k++ {
		tmp.prepare(st.spans[k])
		s := tmp.sentView()
		for i := range tmp.toks {
			if e, vals := st.c.actorT.longest(s, i); e > i {
				a := st.c.actors[vals[len(vals)-1]]
				if a.Kind == petrel.KindGroup {
					m := tmp.actorMember(seg{s: i, e: e, kind: segActor, val: vals[len(vals)-1]})
					m.sent = idx
					return &m
				}
			}
		}
	}
	return nil
}

// lastRecentNonPerson returns the last state, group or organisation
// among the recent actors, or nil.
func (st *state) lastRecentNonPerson() *member {
	for i := len(st.recent) - 1; i >= 0; i-- {
		if st.recent[i].kind != petrel.KindPerson {
			return &st.recent[i]
		}
	}
	return nil
}

func (st *state) lastNonPerson() *member {
	return st.lastActor
}

// addressVerb lists verbs of telling whose object is the addressee: a
// pronoun subject of the clause after the addressee is the speaker.
var addressVerb = map[string]bool{"told": true, "tell": true, "tells": true, "assured": true, "assures": true,
	"informed": true, "informs": true, "notified": true, "notifies": true, "reminded": true, "reminds": true,
	"reassured": true, "reassures": true, "promised": true, "promises": true}

// speakerOf returns the speaker a pronoun subject stands for when it
// opens the clause reported to an addressee: "Russia told the United
// Nations (that) it would veto", "Germany assured Poland that it would
// send tanks". By recency the pronoun would take the addressee; the
// speaker is far likelier, except where the clause says what the
// addressee must do ("Turkey told Sweden it must crack down"). The
// speaker is the coded actor that is the verb's subject, a state, group
// or organisation; it returns nil otherwise.
func (st *state) speakerOf(idx int, p *np) *member {
	n := len(st.toks)
	if p.s < 3 || p.oblique || p.poss || p.e >= n {
		return nil
	}
	if w := st.normOf(p.e); w == "must" || w == "should" || w == "ought" || w == "needs" || w == "need" {
		return nil
	}
	k := p.s - 1
	if st.isWord(k, "that") {
		k--
	}
	x := st.npAt[k]
	if x < 0 {
		return nil
	}
	q := &st.nps[x]
	v := q.s - 1
	if v > 0 && st.cls[v]&cDet != 0 {
		v-- // "told the United Nations"
	}
	if q.e != k+1 || q.oblique || q.poss || v < 1 || !addressVerb[st.normOf(v)] {
		return nil
	}
	for j := v - 1; j >= 0 && j >= v-9; j-- {
		if st.boundary(j) || st.isWord(j, ",") {
			return nil
		}
		if y := st.npAt[j]; y >= 0 {
			sp := &st.nps[y]
			if sp.uncoded || sp.oblique || sp.poss || sp.mod || len(sp.members) != 1 || sp.members[0].kind == petrel.KindPerson {
				return nil
			}
			if sp.pron != "" || personTitle[st.normOf(sp.e-1)] {
				return nil // "he told …": which state "it" is, the walk cannot say
			}
			m := sp.members[0]
			m.sent = idx
			return &m
		}
		if st.cls[j]&(cAdv|cAux|cModal|cNeg) == 0 && st.toks[j].Kind == text.Word && !strings.HasSuffix(st.normOf(j), "ly") {
			return nil
		}
	}
	return nil
}

// govState is the state whose government an unqualified "the
// government" or "the administration" at p is, when the last state named
// need not be it: the speaker's ("Fitzwater said the administration had
// asked … but Ottawa" is the U.S.'s), else the article's dominant
// country ("Canada may begin monitoring steel … The officials said the
// government will investigate whether steel is diverted to the U.S.").
// It returns "" when neither says.
func (st *state) govState(idx int, p *np) string {
	for k := p.s - 1; k > 0; k-- {
		if st.cls[k]&cSay == 0 || !pureSay[st.normOf(k)] && !tellWord[st.normOf(k)] {
			continue
		}
		if x := st.npAt[k-1]; x >= 0 {
			q := &st.nps[x]
			if !q.uncoded && !q.oblique && !q.poss && len(q.members) == 1 && q.members[0].code != "" {
				if c := codeCountry(q.members[0]); len(c) == 3 && !strings.HasPrefix(c, "-") && !strings.HasPrefix(c, "IGO") {
					return c
				}
			}
		}
		break
	}
	start := st.toks[p.s].Start
	for i := len(st.doc.Mentions) - 1; i >= 0; i-- {
		m := &st.doc.Mentions[i]
		if m.Sentence < idx-2 {
			break
		}
		if m.Span.Start >= start || m.Kind == petrel.KindPronoun || len(m.Code) < 6 || m.Code[3:6] != "GOV" || m.Country == "" {
			continue
		}
		return m.Country
	}
	return st.dominantOf(idx, true)
}
