package main

import (
	"strings"
	"testing"
)

// TestExplainReasons runs `petrel explain` as a user would: it says where
// each event's date came from, why a date was not used, and why each
// candidate event was dropped.
func TestExplainReasons(t *testing.T) {
	stdout, stderr, err := runMain(t, nil, "explain", "--text", "--date", "1987-03-05",
		"Russia did not attend the talks. Russia rejected a comparison with the stock market collapse of 1929.")
	if err != nil {
		t.Fatalf("petrel explain: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		`DROPPED "attend" [042]: negated (not)`,
		`date "1929" not used: inside a noun phrase`,
		`date 1987-03-05: article date`,
		`1987-03-05 120  RUS (Russia)`,
		"candidate(s) dropped: each DROPPED line above says why",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
}
