package coder_test

import (
	"slices"
	"strings"
	"testing"
)

// TestVenueBeforeNoun codes sentences where a capital the dictionaries
// code as its state stands between a determiner, possessive or adjective
// and a noun: it is where the event happens, no party to it. A capital
// that acts ("Moscow held talks") is still its state.
func TestVenueBeforeNoun(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // events that must be coded
		notFrom    string   // no event may have a source coded so
	}{
		{"a visit is to the city, not by it", "During his two-day Ottawa visit, the Mexican president signed a trade pact with Canada.",
			[]string{"057 MEXGOV→CAN"}, "CAN"},
		{"talks in the city agree nothing for its state", "Last week's Lisbon talks between the two sides agreed on a timetable for the handover.",
			nil, "PRT"},
		{"dealers in the city are not its state", "Most Tokyo dealers expressed disappointment at the communique.",
			nil, "JPN"},
		{"a meeting there attended by others is a visit there", "The Havana meeting was attended by delegates from Peru and Chile.",
			[]string{"042 PERGOV→CUB", "042 CHLGOV→CUB"}, "CUB"},
		{"a capital that acts is its state", "Moscow held talks with Beijing on Monday.",
			[]string{"040 RUS→CHN"}, ""},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(c, tt.text)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: want %s, got %v", tt.text, w, got)
				}
			}
			for _, g := range got {
				if tt.notFrom != "" && strings.HasPrefix(strings.Fields(g)[1], tt.notFrom+"→") {
					t.Errorf("%q: coded %s with the venue as source", tt.text, g)
				}
			}
		})
	}
}

// TestDemonymBeforeNoun codes sentences where a state's adjective stands
// right before an event noun: the state acts in it, whatever the
// clause's subject ("its ferries have been the target of Turkish
// attacks" is Turkey's attack, not Greece's).
func TestDemonymBeforeNoun(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // events that must be coded
		notFrom    string   // no event of that root may have this source
	}{
		{"the target of attacks", "Danish ferries have been the target of Libyan attacks in the Mediterranean.",
			[]string{"190 LBY→-"}, "DNK"},
		{"after a coordinated clause", "Greece has backed Cyprus and its ferries have increasingly been the target of Turkish attacks.",
			[]string{"051 GRC→CYP", "190 TUR→-"}, "GRC"},
		{"charges against the subject", "Kuwait is no belligerent despite Iranian charges that Kuwait is supporting Iraq.",
			[]string{"112 IRN→KWT"}, "KWT"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(c, tt.text)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: want %s, got %v", tt.text, w, got)
				}
			}
			for _, g := range got {
				if code, rest, _ := strings.Cut(g, " "); strings.HasPrefix(rest, tt.notFrom+"→") && code[:2] != "05" {
					t.Errorf("%q: coded %s, the clause's subject for the adjective's act", tt.text, g)
				}
			}
		})
	}
}

// TestEconomicHead codes sentences where a state's adjective modifies a
// noun of the economy: the makers, the currency or the sector act, not
// the state; an event noun keeps the state.
func TestEconomicHead(t *testing.T) {
	tests := []struct {
		text    string
		want    []string // events that must be coded
		notFrom string   // no event may have this source
	}{
		{"Korean steel makers have complied with the new export quotas.", nil, "KOR"},
		{"Chilean exporters asked the government to cut the tax on copper.", nil, "CHL"},
		{"Greek operators have requested licences to export maize.", nil, "GRC"},
		{"Mexican trade sanctions against Cuba were lifted in May.", nil, ""},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		got := triples(c, tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want %s, got %v", tt.text, w, got)
			}
		}
		for _, g := range got {
			if tt.notFrom != "" && strings.HasPrefix(strings.Fields(g)[1], tt.notFrom+"→") {
				t.Errorf("%q: coded %s, the state for its economy", tt.text, g)
			}
		}
	}
}
