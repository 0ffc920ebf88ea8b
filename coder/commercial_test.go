package coder_test

import (
	"slices"
	"strings"
	"testing"
)

// TestCommercial codes sentences where a business acts with no target,
// toward another business or toward its own country: commerce, no
// political event. A business acting toward a state or an organisation,
// and a state's own bank (GOVBUS), still code.
func TestCommercial(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // events that must be coded
		none       bool     // no event at all
	}{
		{"firms agree among themselves", "Major Japanese firms agreed on Monday to cut steel output by five pct.", nil, true},
		{"a company pledges money", "Korean chip companies pledged four mln dlrs to the research fund.", nil, true},
		{"a state company signs contracts at home", "Norway's state oil company signed contracts worth two billion crowns with Norwegian yards.", nil, true},
		{"a company urges a state", "A Dutch mining company urged Surinam to change its tax policies.", []string{"020 NLDBUS→SUR"}, false},
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
			if tt.none && len(got) > 0 {
				t.Errorf("%q: coded %v, commerce between businesses", tt.text, got)
			}
		})
	}
}

// TestEconomicSense codes demand for goods and commitments to trade: no
// demand or intent of a state. A state's demand of another, or its
// commitment to an accord, still codes.
func TestEconomicSense(t *testing.T) {
	tests := []struct {
		text string
		none bool     // no event at all
		want []string // events that must be coded
	}{
		{"Norway plans to boost domestic demand to cut its trade surplus.", true, nil},
		{"Canada is a major supplier of wheat in years of heavy Soviet demand.", true, nil},
		{"Vietnam has commitments to export another 300,000 tonnes of rice this year.", true, nil},
		{"Peru reaffirmed its commitment to the Andean accord.", false, []string{"030 PER→-"}},
		{"Chile said it would set up a special fund to match private investment.", true, nil},
		{"A 300 mln dlr Thai capital fund will be launched in May.", true, nil},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		got := triples(c, tt.text)
		if tt.none && len(got) > 0 {
			t.Errorf("%q: coded %v, an economic sense", tt.text, got)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want %s, got %v", tt.text, w, got)
			}
		}
	}
}

// TestOwnTrade codes cuts in a state's own trade: no embargo, since no
// one is sanctioned. An embargo on someone, and a ban on imports, still
// code.
func TestOwnTrade(t *testing.T) {
	tests := []struct {
		text string
		none bool
		want []string
	}{
		{"Peru was forced to suspend copper exports after floods damaged the railway.", true, nil},
		{"The new refinery will enable Kenya to cut imports of fuel.", true, nil},
		{"Chile suspended copper exports to Iran on Monday.", false, []string{"163 CHL→IRN"}},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		got := triples(c, tt.text)
		if tt.none && len(got) > 0 {
			t.Errorf("%q: coded %v, a cut in its own trade", tt.text, got)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want %s, got %v", tt.text, w, got)
			}
		}
	}
}

// TestHomeVisit codes trips at home: no visit (042) between states. A
// visit abroad still codes.
func TestHomeVisit(t *testing.T) {
	c := builtinCoder(t)
	for _, text := range []string{
		"Egyptian President Hosni Mubarak visited the southern city of Aswan today to open a dam.",
	} {
		for _, g := range triples(c, text) {
			if strings.HasPrefix(g, "042 EGY") {
				t.Errorf("%q: coded %s, a trip at home", text, g)
			}
		}
	}
	if got := triples(c, "Egyptian President Hosni Mubarak visited Sudan today."); !slices.Contains(got, "042 EGYGOV→SDN") {
		t.Errorf("a visit abroad: got %v", got)
	}
}
