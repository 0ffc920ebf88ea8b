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
	located            bool // the event takes place in the target's country
}{
	{"met", "040", "CONSULT", 1, 1, true},
	{"visited", "042", "CONSULT", 1, 1.9, true},
	{"praised", "051", "ENGAGE", 1, 3.4, false},
	{"aid", "070", "AID", 2, 7, true},
	{"accused", "112", "ACCUSE", 3, -2, false},
	{"threatened", "130", "THREATEN", 3, -4.4, false},
	{"sanctions", "163", "SANCTION", 4, -8, false},
	{"attacked", "190", "ASSAULT", 4, -10, true},
	{"said", "010", "", 1, 0, false},
}

// fakePlaces holds two places per target country, with their GeoNames ids
// and first-order divisions, where located fake events take place: which
// one depends on the parity of the article's length.
var fakePlaces = map[string][2]struct {
	name               string
	lat, lon           float64
	id                 int
	admin1, admin1Code string
}{
	"RUS": {{"Moscow", 55.75222, 37.61556, 524901, "Moscow", "RU.48"}, {"Saint Petersburg", 59.93863, 30.31413, 498817, "St.-Petersburg", "RU.66"}},
	"UKR": {{"Kyiv", 50.45466, 30.5238, 703448, "Kyiv City", "UA.12"}, {"Kharkiv", 49.98081, 36.25272, 706483, "Kharkiv", "UA.07"}},
	"USA": {{"Washington", 38.89511, -77.03637, 4140963, "Washington, D.C.", "US.DC"}, {"New York City", 40.71427, -74.00597, 5128581, "New York", "US.NY"}},
	"CHN": {{"Beijing", 39.9075, 116.39723, 1816670, "Beijing", "CN.22"}, {"Shanghai", 31.22222, 121.45806, 1796236, "Shanghai", "CN.23"}},
	"FRA": {{"Paris", 48.85341, 2.3488, 2988507, "Île-de-France", "FR.11"}, {"Marseille", 43.29695, 5.38107, 2995469, "Provence-Alpes-Côte d'Azur", "FR.93"}},
	"DEU": {{"Berlin", 52.52437, 13.41053, 2950159, "Berlin", "DE.16"}, {"Munich", 48.13743, 11.57549, 2867714, "Bavaria", "DE.02"}},
	"JPN": {{"Tokyo", 35.6895, 139.69171, 1850147, "Tokyo", "JP.40"}, {"Osaka", 34.69374, 135.50218, 1853909, "Osaka", "JP.32"}},
	"IRN": {{"Tehran", 35.69439, 51.42151, 112931, "Tehran", "IR.26"}, {"Isfahan", 32.65246, 51.67462, 418863, "Isfahan", "IR.28"}},
	"ISR": {{"Jerusalem", 31.76904, 35.21633, 281184, "Jerusalem", "IL.06"}, {"Tel Aviv", 32.08088, 34.78057, 293397, "Tel Aviv", "IL.05"}},
	"GBR": {{"London", 51.50853, -0.12574, 2643743, "England", "GB.ENG"}, {"Edinburgh", 55.95206, -3.19648, 2650225, "Scotland", "GB.SCT"}},
	"IND": {{"New Delhi", 28.63576, 77.22445, 1261481, "Delhi", "IN.07"}, {"Mumbai", 19.07283, 72.88261, 1275339, "Maharashtra", "IN.16"}},
	"BRA": {{"Brasília", -15.77972, -47.92972, 3469058, "Federal District", "BR.07"}, {"São Paulo", -23.5475, -46.63611, 3448439, "São Paulo", "BR.27"}},
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
		if v.located {
			pl := fakePlaces[tgt.Country][len(text)%2]
			d.Events[n].Location = &petrel.Location{Name: pl.name, Country: tgt.Country, Lat: pl.lat, Lon: pl.lon,
				Start: tgt.Span.Start, End: tgt.Span.End, Precision: "city", GeoNameID: pl.id,
				Admin1: pl.admin1, Admin1Code: pl.admin1Code, Source: "clause"}
			if len(text)%2 == 1 {
				// As the coder marks an actor whose country came from
				// the event's place (petrel.Party.Inferred).
				d.Events[n].Source.Inferred = "place"
			}
		}
		return
	}
}
