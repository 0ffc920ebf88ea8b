package coder_test

import (
	"slices"
	"strings"
	"testing"
)

// TestForecast codes sentences where one party says what it believes,
// expects or hopes another will do: no event of the other's. The same
// verb with a belief word between subject and verb ("is expected to",
// "hopes to") is the subject's own plan and stays coded, as does a belief
// about what has happened.
func TestForecast(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // events that must be coded
		notFrom    string   // no event may have a source coded so
	}{
		{"believes another will", "The Dutch finance minister said he believes Chile will sign an accord with its creditor banks.",
			nil, "CHL"},
		{"expects another to", "A Lisbon banker said he expects Norway to meet Iceland's fisheries minister next week.",
			nil, "NOR"},
		{"speculation that", "There was renewed speculation that Peru would break off talks with the IMF.",
			nil, "PER"},
		{"it is likely", "Diplomats said it was likely the Egyptian government would expel the Libyan ambassador.",
			nil, "EGYGOV"},
		{"optimistic that two could", "Officials were optimistic that Greece and Turkey could resume talks on the Aegean.",
			nil, "GRC"},
		{"hoped another could", "The senator said he hoped Mexico could lift its ban on American beef by May.",
			nil, "MEX"},
		{"most expect", "Most diplomats expect Sweden to condemn the raid.",
			nil, "SWE"},
		{"the subject's own plan stays", "Chile is expected to sign an accord with Peru next week.",
			[]string{"032 CHL→PER"}, ""},
		{"the subject's own hope stays", "Kenya hopes to meet Uganda's trade minister in Nairobi.",
			[]string{"036 KEN→UGAGOV"}, ""},
		{"a belief about the past is not a forecast", "The minister said he believes Iraqi jets attacked the tanker.",
			[]string{"195 IRQMIL→-"}, ""},
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
				if tt.notFrom != "" && strings.HasPrefix(strings.Fields(g)[1], tt.notFrom) {
					t.Errorf("%q: coded %s, what someone else expects of %s", tt.text, g, tt.notFrom)
				}
			}
		})
	}
}
