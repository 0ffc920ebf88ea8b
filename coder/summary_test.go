package coder_test

import (
	"testing"
	"time"

	"petrel"
)

// TestTrailingBackground: a clause opened by "since", or by "after" or
// "before" after a span of time, is background: its events, its toll and
// the attack nouns of its sentence code nothing; a causal "since" and an
// ongoing perfect still code.
func TestTrailingBackground(t *testing.T) {
	c := builtinCoder(t)
	date := time.Date(2024, 7, 9, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text string
		want []string // source code target of each event
	}{
		{"The attack came two days after militants ambushed a police convoy in Borno, killing four officers.", nil},
		{"Thousands of people have fled their homes since fighting erupted in the region last month.", nil},
		{"Protesters marched in Nairobi hours before police arrested their leaders.", []string{"KENOPP 141 -"}},
		{"Serbia has boycotted the talks since March 2023.", []string{"SRB 125 -"}},
		{"Police arrested 40 protesters in Nairobi after they stormed parliament.", []string{"KENCOP 173 KENOPP", "KENOPP 1454 KENLEG"}},
	} {
		doc := c.Code(&petrel.Article{ID: "b", Text: tc.text, Date: date})
		var got []string
		for _, e := range doc.Events {
			tgt := "-"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			got = append(got, e.Source.Code+" "+e.Code+" "+tgt)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: events %v, want %v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: events %v, want %v", tc.text, got, tc.want)
				break
			}
		}
	}
}

// TestHyphenState: "<state>-<participle>" before an agent names the
// agent's state: "Saudi-led", "Russian-installed officials".
func TestHyphenState(t *testing.T) {
	c := builtinCoder(t)
	for _, tc := range []struct{ text, source string }{
		{"Russian-installed officials in Zaporizhzhia accused Ukraine of shelling the nuclear plant.", "RUSGOV"},
		{"Saudi-led coalition jets struck Sanaa.", "SAU"},
	} {
		doc := c.Code(&petrel.Article{ID: "h", Text: tc.text})
		if len(doc.Events) == 0 || doc.Events[0].Source.Code != tc.source {
			t.Errorf("%q: events %+v, want the source %s", tc.text, doc.Events, tc.source)
		}
	}
}

// TestThrownAt: what protesters throw at someone makes that one the
// target; "pelted X with" names X.
func TestThrownAt(t *testing.T) {
	c := builtinCoder(t)
	for _, tc := range []struct{ text, want string }{
		{"Protesters threw stones at police in Nairobi.", "KENOPP 145 KENCOP"},
		{"Demonstrators pelted police with stones in Dhaka.", "BGDOPP 145 BGDCOP"},
	} {
		doc := c.Code(&petrel.Article{ID: "s", Text: tc.text})
		got := ""
		if len(doc.Events) > 0 {
			e := doc.Events[0]
			got = e.Source.Code + " " + e.Code + " "
			if e.Target != nil {
				got += e.Target.Code
			}
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}
