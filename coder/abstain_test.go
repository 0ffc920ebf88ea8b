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

// TestAbstain checks the classes of events the coder abstains from
// (coder/abstain.go): each case lists the events coded by default and
// with Abstain off, and explaining says why the others were dropped.
func TestAbstain(t *testing.T) {
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		t.Fatal(err)
	}
	all := coder.DefaultOptions
	all.Abstain = false
	keep := coder.New(d, all)
	c := builtinCoder(t)
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text      string
		want, all string // "SOURCE CODE" of each event, by default and with Abstain off
		why       string // what explain says of the dropped event
	}{
		// An agentless event after a violent act whose source is named:
		// the toll of that act, told again.
		{"Riot police fired tear gas at demonstrators in Lusaka, and two people were killed in the unrest.",
			"ZMBCOP 175", "ZMBCOP 175, --- 180", "DROPPED 180 --- → ZMBCVL: abstained: an agentless event after a violent act"},
		{"Rebels ambushed an army convoy near Beni, and three soldiers were killed.",
			"CODREB 190", "CODREB 190, --- 190", "DROPPED 190 --- → CODMIL: abstained: an agentless event"},
		// After a verbal act, the agentless event is the news.
		{"The Congolese government condemned the rebels as two soldiers were killed in clashes near Goma.",
			"CODGOV 111, --- 190", "CODGOV 111, --- 190", ""},
		// Military force by a civilian party: a metaphor or a crime.
		{"Hospitals in Milan are fighting a losing battle against the flu, doctors said.",
			"", "ITAHLH 190", "DROPPED 190 ITAHLH → (none): abstained: conventional military force (19x) by a civilian party"},
		// One act told with two verbs by the same source.
		{"Youths torched cars and threw stones at police in Lyon overnight.",
			"FRACVL 145", "FRACVL 145, FRACVL 145", "DROPPED 145 FRACVL → FRACOP: abstained: an act of the same kind by the same source"},
		// Two acts of different kinds stay.
		{"Gunmen killed two police officers and abducted a nurse in Ondo state, police said.",
			"NGAUAF 1823, NGAUAF 181", "NGAUAF 1823, NGAUAF 181", ""},
		// A verbal or cooperative act after a violent one: its aim.
		{"Teachers in Dhaka blocked a major highway for a second day, demanding higher salaries.",
			"BGDEDU 144", "BGDEDU 144, BGDEDU 100", "DROPPED 100 BGDEDU → (none): abstained: a cooperative or verbal act (02–10, 12, 13) after a violent act"},
		{"Police in Lilongwe fired tear gas to break up a march by nurses demanding better pay.",
			"MWICOP 175", "MWICOP 175, MWICOP 100", "abstained: a cooperative or verbal act"},
		// An agent left without a country where the sentence names a
		// state; with no state named, the agent alone stays.
		{"Bolivian police said striking miners blocked a highway.",
			"", "---LAB 144", "abstained: an agent left without a country in a sentence that names a state (---LAB)"},
		{"Rebels ambushed an army convoy on a mountain road, killing 11 soldiers.",
			"---REB 190", "---REB 190", ""},
		// The state's and armed groups' force stays.
		{"Soldiers clashed with rebels near Beni on Sunday.",
			"CODMIL 190, CODREB 190", "CODMIL 190, CODREB 190", ""},
	}
	events := func(doc *petrel.Document) string {
		var s []string
		for _, e := range doc.Events {
			s = append(s, e.Source.Code+" "+e.Code)
		}
		return strings.Join(s, ", ")
	}
	for _, tt := range tests {
		a := &petrel.Article{ID: "t", Text: tt.text, Date: base}
		var b strings.Builder
		doc := c.Explain(a, func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) })
		if got := events(doc); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, got, tt.want)
		}
		if got := events(keep.Code(a)); got != tt.all {
			t.Errorf("%q with Abstain off: %s, want %s", tt.text, got, tt.all)
		}
		if tt.why != "" && !strings.Contains(b.String(), tt.why) {
			t.Errorf("%q: explain lacks %q:\n%s", tt.text, tt.why, b.String())
		}
	}
}

// TestEventReliability checks the measured class of each event: its
// position in its sentence and how its source was found.
func TestEventReliability(t *testing.T) {
	c := builtinCoder(t)
	doc := c.Code(&petrel.Article{ID: "r", Text: "Police fired tear gas at protesters in Lagos and arrested 40 people. A bomb exploded in Kano."})
	want := []string{
		"first event of its sentence, source placed by the sentence's place",
		"later event of its sentence, source placed by the sentence's place",
		"first event of its sentence, agentless",
	}
	if len(doc.Events) != len(want) {
		t.Fatalf("%d events, want %d", len(doc.Events), len(want))
	}
	for i, w := range want {
		r, ok := coder.EventReliability(doc, i)
		if !ok || r.Class != w || r.Total == 0 || r.Right > r.Total {
			t.Errorf("event %d: %+v %v, want class %q", i, r, ok, w)
		}
	}
}
