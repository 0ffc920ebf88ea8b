package coder_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"petrel"
)

// TestMoscowTalks codes the shared Moscow article (published 2021-10-20)
// and checks the events an analyst expects from it.
func TestMoscowTalks(t *testing.T) {
	src, err := os.ReadFile("../../shared/articles/moscow-talks.txt")
	if err != nil {
		t.Skip("shared article not found (../shared/articles/moscow-talks.txt): ", err)
	}
	a := &petrel.Article{ID: "moscow-talks", Text: string(src), Date: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)}
	doc := builtinCoder(t).Code(a)
	for _, e := range doc.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		t.Logf("s%d %s %s %s→%s %q [%s] %s", e.SentenceIndex, e.Date, e.Code, e.Source.Code, tgt, e.Verb.Text, e.Rule, e.Qualifier)
	}
	has := func(pred func(e petrel.Event) bool) []petrel.Event {
		var out []petrel.Event
		for _, e := range doc.Events {
			if pred(e) {
				out = append(out, e)
			}
		}
		return out
	}
	country := func(p *petrel.Party) string {
		if p == nil {
			return ""
		}
		if p.Country != "" {
			return p.Country
		}
		if len(p.Code) >= 3 {
			return p.Code[:3]
		}
		return p.Code
	}
	isTaliban := func(p *petrel.Party) bool {
		return p != nil && (strings.Contains(p.Code, "TAL") || strings.Contains(strings.ToLower(p.Text), "taliban") || strings.Contains(strings.ToLower(p.Text), "group"))
	}

	t.Run("hosting of the Taliban", func(t *testing.T) {
		if len(has(func(e petrel.Event) bool {
			return e.Code == "043" && country(e.Source) == "RUS" && isTaliban(e.Target) && e.Target.Code == "TAL"
		})) == 0 {
			t.Error("no 043 RUS → Taliban")
		}
	})
	t.Run("nine attending countries", func(t *testing.T) {
		for _, c := range []string{"CHN", "PAK", "IND", "IRN", "KAZ", "KGZ", "TJK", "TKM", "UZB"} {
			if len(has(func(e petrel.Event) bool { return e.RootCode == "04" && country(e.Source) == c })) != 1 {
				t.Errorf("want exactly one 04x event from %s", c)
			}
		}
	})
	t.Run("aid to Afghanistan", func(t *testing.T) {
		for _, c := range []string{"RUS", "CHN", "PAK"} {
			if len(has(func(e petrel.Event) bool {
				return e.Code == "033" && country(e.Source) == c && country(e.Target) == "AFG"
			})) == 0 {
				t.Errorf("no 033 %s → AFG", c)
			}
		}
	})
	t.Run("Washington refuses", func(t *testing.T) {
		if len(has(func(e petrel.Event) bool { return e.RootCode == "12" && country(e.Source) == "USA" })) == 0 {
			t.Error("no 12x from USA")
		}
		if bad := has(func(e petrel.Event) bool { return e.RootCode == "04" && country(e.Source) == "USA" }); len(bad) > 0 {
			t.Errorf("04x from USA: %+v", bad)
		}
	})
	t.Run("Moscow is the place of the talks", func(t *testing.T) {
		talks := has(func(e petrel.Event) bool {
			return e.Code == "043" && e.SentenceIndex == 1 || e.RootCode == "04" && e.Target != nil && e.Target.Code == "RUS"
		})
		if len(talks) == 0 {
			t.Fatal("no hosting or attendance events")
		}
		for _, e := range talks {
			if l := e.Location; l == nil || l.Name != "Moscow" || l.GeoNameID != 524901 || l.Precision != "city" {
				t.Errorf("s%d %s %s→%s located at %+v, want Moscow (GeoNames 524901)", e.SentenceIndex, e.Code, e.Source.Code, e.Target.Code, l)
			}
		}
	})
	t.Run("no place from another sentence", func(t *testing.T) {
		for _, e := range doc.Events {
			if l := e.Location; l != nil && l.Source == "clause" && (l.Start < doc.Sentences[e.SentenceIndex].Span.Start || l.End > doc.Sentences[e.SentenceIndex].Span.End) {
				t.Errorf("s%d %s: clause place %q lies outside its sentence", e.SentenceIndex, e.Code, l.Name)
			}
		}
	})
	t.Run("no recognition", func(t *testing.T) {
		if bad := has(func(e petrel.Event) bool { return e.Code == "054" }); len(bad) > 0 {
			t.Errorf("054 events: %+v", bad)
		}
	})
	t.Run("Lavrov's quotes", func(t *testing.T) {
		n := 0
		for _, q := range doc.Quotes {
			if q.Speaker == nil || !strings.Contains(q.Speaker.Text, "Lavrov") {
				if strings.Contains(q.Text, "new administration") || strings.Contains(q.Text, "Official recognition") {
					t.Errorf("quote %q attributed to %+v, want Lavrov", q.Text, q.Speaker)
				}
				continue
			}
			n++
		}
		if n < 2 {
			t.Errorf("%d quotes attributed to Lavrov, want at least 2", n)
		}
	})
	t.Run("on Tuesday", func(t *testing.T) {
		aid := has(func(e petrel.Event) bool { return e.Code == "033" })
		if len(aid) == 0 {
			t.Fatal("no 033 events to date")
		}
		for _, e := range aid {
			if e.Date != "2021-10-19" {
				t.Errorf("033 event dated %s, want 2021-10-19 (\"on Tuesday\")", e.Date)
			}
		}
	})
	t.Run("spans", func(t *testing.T) {
		for _, e := range doc.Events {
			for _, p := range []*petrel.Party{e.Source, e.Target} {
				if p != nil && (p.Start < 0 || p.End > len(a.Text) || a.Text[p.Start:p.End] != p.Text) {
					t.Errorf("event %s: party span %d-%d does not hold %q", e.ID, p.Start, p.End, p.Text)
				}
			}
			if a.Text[e.Verb.Start:e.Verb.End] != e.Verb.Text {
				t.Errorf("event %s: verb span does not hold %q", e.ID, e.Verb.Text)
			}
		}
	})
}
