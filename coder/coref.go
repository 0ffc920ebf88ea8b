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
	return len(st.doc.Mentions) - 1
}

// resolve fills pronouns and definite descriptions from the article's
// memory and updates the memory with this sentence's actors, left to right.
func (st *state) resolve(idx int) {
	for i := range st.nps {
		p := &st.nps[i]
		if p.uncoded {
			st.resolveRef(idx, p)
			if p.uncoded && p.name && !p.oblique {
				st.forgetFor(p)
			}
			continue
		}
		if p.pron != "" || p.descr != "" {
			continue
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
	case p.pron == "it" || p.pron == "its":
		ref = st.lastNonPerson()
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
	case p.pron == "we" || p.pron == "us" || p.pron == "our":
		if st.inQuoteAt(p.s) && st.quoteSpeaker != nil {
			m := *st.quoteSpeaker
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
			st.doc.Mentions[idx2].Kind = petrel.KindPronoun
			if ref.mention >= 0 {
				st.doc.Mentions[idx2].Ref = ref.mention
			}
		}
		p.members = []member{m}
		p.uncoded = false
	}
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
