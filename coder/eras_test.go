package coder_test

import (
	"strings"
	"testing"
	"time"

	"petrel"
)

// TestEras codes states by the date of the event: a state that did not yet
// exist then is the state it was part of (Russia's entry is SUN until the
// Soviet Union ended), and a state that ceased to exist is its successor
// (East Germany is Germany from 1990-10-03). The date is the event's, not
// the article's: "in 1979" in a 2015 article is the Soviet Union's.
func TestEras(t *testing.T) {
	y1987 := time.Date(1987, 3, 5, 0, 0, 0, 0, time.UTC)
	y2015 := time.Date(2015, 3, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		date time.Time
		want string // the events as CODE SOURCE TARGET, joined by ";"
	}{
		{"Moscow accused Washington of violating the treaty.", y1987, "112 SUN USA"},
		{"Moscow accused Washington of violating the treaty.", y2015, "112 RUS USA"},
		{"The Kremlin rejected the American proposal.", y1987, "120 SUNGOV USA"},
		{"A Kremlin spokesman criticised Japan.", y2015, "111 RUSGOV JPN"},
		{"Russian officials met Chinese diplomats in Beijing.", y1987, "040 SUNGOV CHNGOV"},
		{"Police in Moscow arrested 40 protesters on Sunday.", y1987, "173 SUNCOP SUNOPP"},
		{"Police in Moscow arrested 40 protesters on Sunday.", y2015, "173 RUSCOP RUSOPP"},
		{"Moscow invaded Afghanistan in December 1979.", y2015, "192 SUN AFG"},
		{"East Germany accused West Germany of interference.", y1987, "1125 DDR DEU"},
		// After unification the two are one state: no event.
		{"East Germany accused West Germany of interference.", y2015, ""},
		{"Czechoslovakia signed a trade accord with Austria.", y1987, "057 CSK AUT"},
		{"Yugoslavia asked its creditor banks for new loans.", y1987, "0231 YUG -"},
		{"Yugoslavia asked its creditor banks for new loans.", y2015, "0231 SRB -"},
		// The other Soviet republics keep their own codes.
		{"Armenian protesters clashed with Azerbaijani police.", y1987, "145 ARMOPP AZECOP"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: tt.date})
		if g := codeSourceTarget(doc); g != tt.want {
			t.Errorf("%q on %s: got %q, want %q", tt.text, tt.date.Format("2006-01-02"), g, tt.want)
		}
	}
}

// TestUpperNames codes a name written "==CAR" only where the text writes
// it in capitals: the Central African Republic, not the word "car".
func TestUpperNames(t *testing.T) {
	tests := []struct{ text, want string }{
		{"CAR army kills 7 in rebel ambush", "190 CAFMIL ---REB"},
		{"Rebels attacked a town in CAR on Sunday.", "190 CAFREB CAF"},
		{"Car bombs killed 12 people in Baghdad.", "1832 --- IRQCVL"},
		{"A car bomb killed 12 people in Kabul.", "1832 --- AFGCVL"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2013, 3, 14, 0, 0, 0, 0, time.UTC)})
		if g := codeSourceTarget(doc); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

// codeSourceTarget writes a document's events as "CODE SOURCE TARGET"
// ("-" for no target), joined by ";".
func codeSourceTarget(doc *petrel.Document) string {
	var got []string
	for _, e := range doc.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		got = append(got, e.Code+" "+e.Source.Code+" "+tgt)
	}
	return strings.Join(got, ";")
}
