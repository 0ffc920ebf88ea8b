package storetest

import (
	"fmt"
	"strings"

	"petrel"
)

// FakeCoder is a small deterministic petrel.Coder for store and server
// tests and benchmarks: it splits text into sentences at ". ", finds a few
// country names, and codes "A <verb> B" as an event for a few verbs. It is
// not the real coder; it makes documents shaped like the real coder's.
type FakeCoder struct{}

var fakeCountries = []struct{ name, code string }{
	{"Russia", "RUS"}, {"Ukraine", "UKR"}, {"United States", "USA"}, {"China", "CHN"},
	{"France", "FRA"}, {"Germany", "DEU"}, {"Japan", "JPN"}, {"Iran", "IRN"},
	{"Israel", "ISR"}, {"Britain", "GBR"}, {"India", "IND"}, {"Brazil", "BRA"},
	{"Moscow", "RUSGOV"}, {"Washington", "USAGOV"}, {"Beijing", "CHNGOV"}, {"Tokyo", "JPNGOV"},
}

var fakeVerbs = []struct {
	word, code, plover string
	quad               int
	goldstein          float64
}{
	{"met", "040", "CONSULT", 1, 1},
	{"visited", "042", "CONSULT", 1, 1.9},
	{"praised", "051", "ENGAGE", 1, 3.4},
	{"aid", "070", "AID", 2, 7},
	{"accused", "112", "ACCUSE", 3, -2},
	{"threatened", "130", "THREATEN", 3, -4.4},
	{"sanctions", "163", "SANCTION", 4, -8},
	{"attacked", "190", "ASSAULT", 4, -10},
	{"said", "010", "", 1, 0},
}

// Code implements petrel.Coder.
func (FakeCoder) Code(a *petrel.Article) *petrel.Document {
	d := &petrel.Document{Article: *a, Sentences: []petrel.Sentence{}, Mentions: []petrel.Mention{},
		Quotes: []petrel.Quote{}, Events: []petrel.Event{}}
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
	}
	text := a.Text
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		span := petrel.Span{Start: start, End: end}
		si := len(d.Sentences)
		d.Sentences = append(d.Sentences, petrel.Sentence{Index: si, Span: span, Text: text[start:end]})
		fakeSentence(d, si, span, date)
		start = end
		for start < len(text) && text[start] == ' ' {
			start++
		}
	}
	return d
}

// fakeSentence finds mentions, a quote and at most one event in a sentence.
func fakeSentence(d *petrel.Document, si int, span petrel.Span, date string) {
	text := d.Article.Text
	sent := text[span.Start:span.End]
	first := len(d.Mentions)
	for _, c := range fakeCountries {
		if i := strings.Index(sent, c.name); i >= 0 {
			sp := petrel.Span{Start: span.Start + i, End: span.Start + i + len(c.name)}
			d.Mentions = append(d.Mentions, petrel.Mention{Sentence: si, Span: sp, Text: c.name,
				Code: c.code, Country: c.code[:3], Kind: petrel.KindCountry, Rule: "fake:" + c.name, Ref: -1})
		}
	}
	if q0 := strings.IndexByte(sent, '"'); q0 >= 0 {
		if q1 := strings.IndexByte(sent[q0+1:], '"'); q1 > 0 {
			sp := petrel.Span{Start: span.Start + q0 + 1, End: span.Start + q0 + 1 + q1}
			var speaker *petrel.Party
			if len(d.Mentions) > first {
				m := d.Mentions[first]
				speaker = &petrel.Party{Text: m.Text, Code: m.Code, Country: m.Country, Start: m.Span.Start, End: m.Span.End}
			}
			d.Quotes = append(d.Quotes, petrel.Quote{Sentence: si, Span: sp, Text: sp.Of(text), Speaker: speaker})
		}
	}
	ms := d.Mentions[first:]
	if len(ms) < 2 {
		return
	}
	src, tgt := ms[0], ms[1]
	if src.Span.Start > tgt.Span.Start {
		src, tgt = tgt, src
	}
	between := text[src.Span.End:tgt.Span.Start]
	for _, v := range fakeVerbs {
		i := strings.Index(between, " "+v.word+" ")
		if i < 0 {
			continue
		}
		vs := src.Span.End + i + 1
		party := func(m petrel.Mention) *petrel.Party {
			return &petrel.Party{Text: m.Text, Code: m.Code, Country: m.Country, Start: m.Span.Start, End: m.Span.End}
		}
		n := len(d.Events)
		d.Events = append(d.Events, petrel.Event{
			ID:            fmt.Sprintf("%s-%d", d.Article.ID, n),
			ArticleID:     d.Article.ID,
			SentenceIndex: si,
			Sentence:      text[span.Start:span.End],
			Date:          date,
			Code:          v.code,
			RootCode:      v.code[:2],
			QuadClass:     v.quad,
			Goldstein:     v.goldstein,
			Plover:        petrel.Plover{Type: v.plover, Mode: ""},
			Source:        party(src),
			Target:        party(tgt),
			Verb:          petrel.Evidence{Text: v.word, Start: vs, End: vs + len(v.word)},
			Rule:          "fake:" + v.word,
		})
		if v.word == "visited" {
			d.Events[n].Location = &petrel.Location{Name: tgt.Text, Country: tgt.Country, Lat: 1.5, Lon: -2.25,
				Start: tgt.Span.Start, End: tgt.Span.End}
		}
		return
	}
}
