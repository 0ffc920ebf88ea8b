package cameo_test

import (
	"os"
	"strings"
	"testing"

	"petrel/cameo"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		name      string
		goldstein float64
		quad      int
		plover    string
	}{
		{"043", "Host a visit", 2.8, cameo.VerbalCooperation, "CONSULT"},
		{"033", "Express intent to provide material aid", 5.2, cameo.VerbalCooperation, "AGREE"},
		{"125", "Reject proposal to meet, discuss, negotiate", -5, cameo.VerbalConflict, "REJECT"},
		{"190", "Use conventional military force", -10, cameo.MaterialConflict, "ASSAULT"},
		{"073", "Provide humanitarian aid", 7.4, cameo.MaterialCooperation, "AID"},
		{"010", "Make statement", 0, cameo.VerbalCooperation, ""},
	}
	for _, tt := range tests {
		c := cameo.Lookup(tt.code)
		if c == nil {
			t.Fatalf("Lookup(%q) = nil", tt.code)
		}
		if c.Name != tt.name || c.Goldstein != tt.goldstein || c.QuadClass != tt.quad || c.PloverType != tt.plover {
			t.Errorf("Lookup(%q) = %+v, want name %q goldstein %v quad %d plover %q", tt.code, *c, tt.name, tt.goldstein, tt.quad, tt.plover)
		}
	}
	if c := cameo.Lookup("174K"); c == nil || c.Code != "174" {
		t.Errorf("Lookup(174K) = %v, want 174", c)
	}
	if c := cameo.Lookup("999"); c != nil {
		t.Errorf("Lookup(999) = %v, want nil", c)
	}
}

// TestMatchesShared checks the embedded table against the shared source
// tables, so a regenerated or edited codebook cannot drift.
func TestMatchesShared(t *testing.T) {
	src, err := os.ReadFile("../../shared/peer/cameo/CAMEO.eventcodes.tsv")
	if err != nil {
		t.Skip("shared CAMEO table not found (../shared/peer/cameo): ", err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n")[1:] {
		code, name, _ := strings.Cut(line, "\t")
		c := cameo.Lookup(code)
		if c == nil || c.Name != strings.TrimSpace(name) {
			t.Errorf("code %s: got %v, want name %q", code, c, name)
		}
		n++
	}
	if got := len(cameo.All()); got != n {
		t.Errorf("All() has %d codes, shared table %d", got, n)
	}
}
