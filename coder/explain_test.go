package coder_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
)

// TestExplainDropped checks that explaining says why each candidate event
// was dropped.
func TestExplainDropped(t *testing.T) {
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)
	dyad := func() *coder.Coder {
		var diags dict.Diagnostics
		d, err := native.Load(dicts.FS, &diags)
		if err != nil {
			t.Fatal(err)
		}
		opt := coder.DefaultOptions
		opt.RequireDyad = true
		return coder.New(d, opt)
	}()
	tests := []struct {
		name string
		c    *coder.Coder
		text string
		want string
	}{
		{"negated", builtinCoder(t), "Russia did not attend the talks.", `DROPPED "attend" [042]: negated (not)`},
		{"negated by cannot", builtinCoder(t), "Japan cannot negotiate with China.", `DROPPED "negotiate" [046]: negated (cannot)`},
		{"no coded source", builtinCoder(t), "The report criticised Israel.", `DROPPED "criticised" [111]: no coded source`},
		{"uncoded subject", builtinCoder(t), "Protesters criticised Israel.", `DROPPED "criticised" [111]: no coded source ("Protesters" is no actor`},
		{"hypothetical", builtinCoder(t), "If Iran attacks Israel, the U.S. will respond.", `DROPPED "attacks" [190]: in an if/unless clause`},
		{"agentless passive", builtinCoder(t), "The delegation was welcomed in Islamabad.", `DROPPED "welcomed" [051]: agentless passive`},
		{"statement without target", builtinCoder(t), "Russia said it was ready.", `DROPPED "said" [010]: a statement with no target`},
		{"what an accusation alleges", builtinCoder(t), "Russia accused the UAE of arming the RSF.", `DROPPED "arming": what the verb before it alleges`},
		{"what a criticism is of", builtinCoder(t), "Turkey criticised EU sanctions on Iran.", `DROPPED "sanctions": what the verb before it alleges`},
		{"same actor", builtinCoder(t), "Russia criticised Russia.", `DROPPED 111 RUS → RUS: source and target are the same actor`},
		{"require dyad", dyad, "Russia condemned the attack.", `DROPPED 111 RUS → (none): no target, and --require-dyad is set`},
		{"noun without party", builtinCoder(t), "Russia thanked Britain for the talks.", `DROPPED "talks": a noun with no party named`},
		{"sentence discard", builtinCoder(t), "Iran beat Israel in a World Cup qualifier.", "sentence 0 discarded by discards.txt"},
		{"story discard", builtinCoder(t), "Russia condemned Ukraine. The goalkeeper saved a penalty.", "story discarded by discards.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.c.Explain(&petrel.Article{ID: "t", Text: tt.text, Date: base}, func(format string, args ...any) {
				fmt.Fprintf(&b, format+"\n", args...)
			})
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("%q: explain lacks %q:\n%s", tt.text, tt.want, b.String())
			}
		})
	}
}

// FuzzExplain checks that explaining never panics, with and without an
// article date, and codes the same events as coding does.
func FuzzExplain(f *testing.F) {
	for _, s := range []string{
		"In December 1985, Britain and the United States signed a memorandum.",
		"Russia rejected a comparison with the stock market collapse of 1929.",
		"In 1984, after three months of talks, the U.S. reached accords with Japan - by 1985.",
		"Germany condemned Russia after its troops shelled Kharkiv, the ministry said on Monday.",
		"between 1984 and 1986 or in late 1983, Russia will meet China next week; of 2020's",
		"WASHINGTON, Oct 20 (AP) — Iran attacked Israel on Oct. 19, 2021.",
		"Russia did not attend. If Iran attacks, the goalkeeper saved it.",
	} {
		f.Add(s, true)
	}
	c := builtinCoder(f)
	f.Fuzz(func(t *testing.T, s string, dated bool) {
		a := &petrel.Article{ID: "fuzz", Text: s}
		if dated {
			a.Date = time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)
		}
		n := 0
		doc := c.Explain(a, func(string, ...any) { n++ })
		if len(doc.Problems) > 0 {
			t.Fatalf("problems: %v", doc.Problems)
		}
		if got, want := len(doc.Events), len(c.Code(a).Events); got != want {
			t.Fatalf("explain coded %d events, code %d", got, want)
		}
		for _, e := range doc.Events {
			if e.Date == "" {
				if dated {
					t.Fatalf("event %s has no date in a dated article", e.ID)
				}
				continue
			}
			if _, err := time.Parse("2006-01-02", e.Date); err != nil {
				t.Fatalf("event %s: date %q: %v", e.ID, e.Date, err)
			}
		}
	})
}
