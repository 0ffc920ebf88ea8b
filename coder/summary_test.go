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
	checkFirstEvents(t, []firstEventCase{
		{text: "Russian-installed officials in Zaporizhzhia accused Ukraine of shelling the nuclear plant.", event: "RUSGOV 1123 UKR"},
		{text: "Saudi-led coalition jets struck Sanaa.", event: "SAUMIL 195 YEM"},
	})
}

// TestThrownAt: what protesters throw at someone makes that one the
// target; "pelted X with" names X.
func TestThrownAt(t *testing.T) {
	checkFirstEvents(t, []firstEventCase{
		{text: "Protesters threw stones at police in Nairobi.", event: "KENOPP 145 KENCOP"},
		{text: "Demonstrators pelted police with stones in Dhaka.", event: "BGDOPP 145 BGDCOP"},
	})
}

// firstEventCase is a sentence and what its first event must be: event
// as "SOURCE CODE TARGET" (target "-" when none) and place as its
// location's country ("-" when none); an empty field is not checked.
type firstEventCase struct{ text, event, place string }

// checkFirstEvents codes each case's sentence alone with the built-in
// dictionaries and checks its first event.
func checkFirstEvents(t *testing.T, cases []firstEventCase) {
	t.Helper()
	c := builtinCoder(t)
	for _, tc := range cases {
		doc := c.Code(&petrel.Article{ID: "f", Text: tc.text})
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		e := doc.Events[0]
		tgt, place := "-", "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		if e.Location != nil && e.Location.Country != "" {
			place = e.Location.Country
		}
		if got := e.Source.Code + " " + e.Code + " " + tgt; tc.event != "" && got != tc.event {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.event)
		}
		if tc.place != "" && place != tc.place {
			t.Errorf("%q: place country %s, want %s", tc.text, place, tc.place)
		}
	}
}
