package coder_test

import (
	"strings"
	"testing"
	"time"

	"petrel"
)

// TestUnknownNameBlocksIt codes short articles and reads which actor a
// pronoun of the last sentence resolved to ("" when it stayed uncoded).
// An unknown name, most often a company, stands between "it" and the
// actors named before it; a person's name, a possessive and a plural
// pronoun do not.
func TestUnknownNameBlocksIt(t *testing.T) {
	tests := []struct {
		name, text, pron, want string
	}{
		{"no name between: it is the state", "France held talks with its unions on Monday. It said it would close two consulates.",
			"it", "FRA"},
		{"an unknown company is what it means", "France held talks with its unions on Monday. Belvaro Industries said it would close two plants.",
			"it", ""},
		{"an unknown company in the same sentence as the state", "Belvaro Industries of France said on Monday that it would close two plants.",
			"it", ""},
		{"a possessive name is no antecedent", "Indonesia raised its fuel prices. The Fentoria Fund's largest debtor, it has borrowed from the World Bank.",
			"it", "IDN"},
		{"a person's name keeps the person for he", "Canada's foreign minister arrived in Tokyo on Monday. Hollbrook said he would meet Japan's prime minister.",
			"he", "CANGOV"},
		{"a surname of a titled name is the person, not a company", "Germany raised interest rates on Monday. Finance Minister Dana Whitlow defended the move, and Whitlow said it would cut them again if inflation fell.",
			"it", "DEU"},
		{"a name is singular: they still means the states", "Saudi Arabia raised oil prices. Belvaro cancelled a purchase from the Saudis after they refused a letter of credit.",
			"they", "SAU"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)})
			last := strings.LastIndex(tt.text, ". ") + 1
			got := ""
			for _, m := range doc.Mentions {
				if m.Kind == petrel.KindPronoun && m.Span.Start >= last && strings.EqualFold(m.Text, tt.pron) {
					got = m.Code
					break
				}
			}
			if got != tt.want {
				t.Errorf("%q: %q resolved to %q, want %q", tt.text, tt.pron, got, tt.want)
			}
		})
	}
}
