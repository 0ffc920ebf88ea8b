package coder_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"petrel"
)

// FuzzCode checks that the coder never panics and that every span it
// reports lies inside the text and holds the text it claims.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Russia, China and Pakistan are willing to provide aid to Afghanistan.",
		"Washington said it would not join the talks in the Russian capital.",
		"“We note their efforts,” Lavrov told the gathering. “We are in contact with them.”",
		"The talks are being attended by officials from 10 countries including China and Pakistan.",
		"MOSCOW (Reuters) - Putin's special representative, Zamir Kabulov, said on Tuesday he met the Taliban.",
		"\xff\xfe invalid \x00 bytes “ unbalanced ' quotes (",
		"", ".", "'s", "and and and", "U.S. U.N. E.U.",
		// sentences the clause stage parses (clauses.go)
		"Venezuela, backed by Russia and China, denounced the United States.",
		"The talks, hosted by Qatar, were attended by envoys of Sudan and Chad.",
		"A Kenyan diplomat was beaten and abducted in Mogadishu.",
		"Chile would neither confirm nor deny the report by Peru.",
		// the walk's clause readings (participles, names set off by
		// commas, compounds across clauses, fronted light verbs)
		"A Croatian diplomat accused of spying was expelled by Serbia.",
		"The Syrian foreign minister, Walid al-Moallem, refused to meet the French envoy.",
		"Israeli jets bombed Gaza and Hamas fired rockets at Tel Aviv.",
		"Talks were held between Armenia and Azerbaijan in Moscow.",
		"Japan said China had violated its airspace.",
		"Russia told the United Nations it would veto the resolution.",
	} {
		f.Add(s)
	}
	c := builtinCoder(f)
	f.Fuzz(func(t *testing.T, s string) {
		a := &petrel.Article{ID: "fuzz", Text: s, Date: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)}
		doc := c.Code(a)
		if len(doc.Problems) > 0 {
			t.Fatalf("problems: %v", doc.Problems)
		}
		// Explaining takes the tracing paths too; it must not fail either.
		if ex := c.Explain(a, func(string, ...any) {}); len(ex.Problems) > 0 {
			t.Fatalf("explain problems: %v", ex.Problems)
		}
		for _, sn := range doc.Sentences {
			if !sn.Span.In(len(s)) || sn.Text != s[sn.Span.Start:sn.Span.End] {
				t.Fatalf("sentence span %v outside or wrong", sn.Span)
			}
		}
		for _, m := range doc.Mentions {
			if !m.Span.In(len(s)) || m.Text != s[m.Span.Start:m.Span.End] {
				t.Fatalf("mention span %v outside or wrong", m.Span)
			}
		}
		for _, e := range doc.Events {
			for _, p := range []*petrel.Party{e.Source, e.Target} {
				if p != nil && (p.Start < 0 || p.End > len(s) || p.Start > p.End || s[p.Start:p.End] != p.Text) {
					t.Fatalf("party span %d-%d wrong", p.Start, p.End)
				}
			}
			if e.Verb.Start < 0 || e.Verb.End > len(s) || s[e.Verb.Start:e.Verb.End] != e.Verb.Text {
				t.Fatalf("verb span wrong")
			}
			if utf8.ValidString(s) && !utf8.ValidString(e.Sentence) {
				t.Fatalf("sentence text is not valid UTF-8")
			}
		}
		for _, q := range doc.Quotes {
			if !q.Span.In(len(s)) || q.Text != s[q.Span.Start:q.Span.End] {
				t.Fatalf("quote span wrong")
			}
		}
	})
}

// TestLongSentence codes a megabyte of text without punctuation: the coder
// cuts it into sentences of bounded length instead of copying the whole
// text into every event.
func TestLongSentence(t *testing.T) {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("Russia attacked Ukraine and China met the United States while officials said ")
	}
	s := b.String()
	doc := builtinCoder(t).Code(&petrel.Article{ID: "long", Text: s, Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if len(doc.Sentences) < 500 {
		t.Fatalf("%d sentences from 1 MB without punctuation; want it cut into many", len(doc.Sentences))
	}
	for _, sn := range doc.Sentences {
		if sn.Span.Len() > 2000 || !sn.Span.In(len(s)) || sn.Text != s[sn.Span.Start:sn.Span.End] {
			t.Fatalf("sentence %d: span %v (%d bytes)", sn.Index, sn.Span, sn.Span.Len())
		}
	}
	if len(doc.Events) == 0 {
		t.Error("no events")
	}
}
