package coder_test

import (
	"slices"
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
