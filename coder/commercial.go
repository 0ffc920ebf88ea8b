package coder

import "strings"

// commercial reports whether an event by s toward t is commerce, not an
// event between political actors: a business (BUS, not a state's own
// GOVBUS) that agrees, offers, asks, invests, signs or complains with no
// target, toward another business, or toward its own country ("major
// Japanese firms agreed to the production cuts", "Japanese chip
// companies pledged three mln dlrs", "Norway's state oil company signed
// contracts worth 1.5 billion crowns"). A business acting toward another
// state or an organisation ("a Dutch mining company urged Surinam",
// "a Hungarian company asked the World Bank") stays, and so do protest,
// force and coercion (roots 14, 15, 17–20) by or against anyone.
func (st *state) commercial(code string, s, t *member) bool {
	if st.opt.NullActors || s == nil || len(code) < 2 || !business(s.code) {
		return false
	}
	if r := code[:2]; r >= "14" && r != "16" {
		return false
	}
	if t == nil || business(t.code) {
		return true
	}
	return len(t.code) == 3 && t.code == codeCountry(*s)
}

// business reports whether an actor code is a business's and not a
// state's own ("JPNBUS", not "BRAGOVBUS").
func business(code string) bool {
	return strings.HasSuffix(code, "BUS") && !strings.Contains(code, "GOV")
}
