package coder

import (
	"strings"

	"petrel"
	"petrel/text"
)

// quotes finds direct quotations in the sentence and attributes them:
// “...,” Lavrov told the gathering; Lavrov said: “...”; and a quotation
// that opens a sentence right after an attributed one continues it.
func (st *state) quotes(idx int) {
	n := len(st.toks)
	st.qStart = st.qStart[:0]
	startInQuote := st.inQuote
	for i := 0; i < n; i++ {
		t := st.toks[i]
		if t.Kind != text.Quote {
			continue
		}
		w := st.normOf(i)
		if w == "'" {
			continue // single quotes are too often scare quotes
		}
		open := t.Flags&text.Open != 0 || (t.Flags&text.Close == 0 && !st.inQuote)
		if open && !st.inQuote {
			st.inQuote = true
			st.quoteStart = t.End
			st.quoteOpenSent = idx
			st.qStart = append(st.qStart, i)
			st.openWho = st.openingSpeaker(idx, i)
			continue
		}
		if st.inQuote && !open || st.inQuote && t.Flags&text.Close != 0 {
			st.inQuote = false
			st.closeQuote(idx, i)
		}
	}
	if st.inQuote && st.quoteOpenSent == idx && st.quoteSpeaker == nil {
		// an open quotation running on: its speaker comes later, if ever
	}
	_ = startInQuote
}

// closeQuote ends the quotation that closes at token i and attributes it.
func (st *state) closeQuote(idx, i int) {
	start, end := st.quoteStart, st.toks[i].Start
	for end > start && (st.text[end-1] == ',' || st.text[end-1] == ' ') {
		end--
	}
	if end <= start {
		return
	}
	speaker := st.attribution(i)
	if speaker == nil && st.openWho != nil {
		speaker = st.openWho // "Samuels told Reuters: “… (next sentence) …”"
	}
	if speaker == nil && st.quoteSpeaker != nil && idx-st.quoteSent <= 2 {
		speaker = st.quoteSpeaker // a continuation of the last quotation
	}
	if len(strings.Fields(st.text[start:end])) < 4 {
		return // a scare quote ("efforts"), not speech
	}
	q := petrel.Quote{Sentence: st.quoteOpenSent, Span: petrel.Span{Start: start, End: end}, Text: st.text[start:end]}
	if speaker != nil {
		q.Speaker = st.party(speaker)
		st.quoteSpeaker = speaker
		st.quoteSent = idx
	}
	st.doc.Quotes = append(st.doc.Quotes, q)
	st.quoteWho = append(st.quoteWho, quoted{start: start, end: end, who: speaker})
	if st.trace != nil {
		st.tracef("  quote %q by %s", clip(q.Text, 60), codeOrNone(speaker))
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// attribution finds the speaker of a quotation closing at token i:
// after it ("…,” Lavrov told reporters" / "…,” said Lavrov") or, for a
// quotation opened in this sentence, before it ("Lavrov said: “…”").
func (st *state) attribution(i int) *member {
	n := len(st.toks)
	// After: NP say  or  say NP, within a few tokens.
	for k := i + 1; k < n && k < i+8; k++ {
		if st.cls[k]&cSay != 0 {
			if p := st.npLeft(k-1, 6); p != nil && p.s > i {
				return &p.members[0]
			}
			if p := st.npRight(k+1, 5); p != nil {
				return &p.members[0]
			}
			// "he said" with an unresolved pronoun: resolve now from memory.
			if k-1 > i && st.cls[k-1]&cPron != 0 {
				if st.lastPerson != nil {
					return st.lastPerson
				}
			}
			return nil
		}
		if st.toks[k].Kind == text.Quote {
			break
		}
	}
	// Before: the opening quote of this sentence preceded by "X said:".
	for _, qs := range st.qStart {
		for k := qs - 1; k >= 0 && k > qs-6; k-- {
			if st.cls[k]&cSay != 0 {
				if p := st.npLeft(k-1, 6); p != nil {
					return &p.members[0]
				}
			}
		}
	}
	return nil
}

// quoted is a quotation's span in the article and its speaker.
type quoted struct {
	start, end int
	who        *member
}

// openingSpeaker finds the speaker of the quotation opening at token i
// of sentence idx from what comes before it: an actor and a verb of
// saying before it ("Samuels told Reuters: “…") or a verb and a colon
// ("Canada's trade minister also agreed: “…"), or, for a quotation that
// opens the sentence right after an attributed one, that speaker again.
// It returns nil when the opening names no one.
func (st *state) openingSpeaker(idx, i int) *member {
	for k := i - 1; k >= 0 && k > i-8; k-- {
		if st.cls[k]&cSay != 0 {
			if p := st.npLeft(k-1, 8); p != nil && !p.oblique && !p.poss {
				return &p.members[0]
			}
			return nil
		}
		if k < i-1 && (st.boundary(k) || st.isWord(k, ",")) {
			break
		}
	}
	if i > 1 && st.isWord(i-1, ":") {
		// "Canada's trade minister also agreed: “…": the subject of the
		// verb before the colon, not an actor right before it ("would
		// tell Nakasone: “…").
		if p := st.npLeft(i-2, 8); p != nil && !p.oblique && !p.poss && p.e < i-1 {
			return &p.members[0]
		}
	}
	if i == 0 && st.quoteSpeaker != nil && idx-st.quoteSent <= 1 {
		return st.quoteSpeaker
	}
	return nil
}

// inQuoteAt reports whether token j lies inside a quotation.
func (st *state) inQuoteAt(j int) bool {
	if j < 0 || j >= len(st.toks) {
		return false
	}
	pos := st.toks[j].Start
	if st.inQuote && pos >= st.quoteStart {
		return true
	}
	for _, q := range st.doc.Quotes {
		if q.Span.Start <= pos && pos < q.Span.End {
			return true
		}
	}
	return false
}

// hostOf gives a consultation without a stated target the country where it
// takes place, when that is not the source's own.
func (st *state) hostOf(src *member) *member {
	loc := st.sentLoc
	if !st.sentLocCity {
		loc = nil // "discussed the conflict in Sudan": a country named is no venue
	}
	if loc == nil {
		loc = st.artLoc
	}
	if loc == nil || loc.Country == "" || src == nil || codeCountry(*src) == loc.Country {
		return nil
	}
	return &member{code: loc.Country, country: loc.Country, kind: petrel.KindCountry,
		start: loc.Start, end: loc.End, mention: -1, rule: venueRule}
}
