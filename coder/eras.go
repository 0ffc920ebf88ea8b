package coder

// Eras: a state that did not yet exist on an event's date codes as the
// state it was part of. The dictionaries give a country dated codes
// (country RUS with "roles: SUN ..1991-12-25"); every party whose state is
// that country, however it was found (a name, a demonym, a capital, a seat
// of power, a person's country, or a state inferred from a place or the
// dateline), takes the dated state on the event's date: "Moscow accused
// Washington" in 1987 is SUN → USA, "Russian officials" SUNGOV, "the
// Kremlin" SUNGOV.

import (
	"strings"

	"petrel"
	"petrel/dict"
)

// addEras records the dated codes of a state's entry (its actor, not its
// seats, whose codes add a role).
func (c *compiled) addEras(a *dict.Actor) {
	if a.Kind != petrel.KindCountry || len(a.Country) != 3 {
		return
	}
	var dated []dict.Role
	for _, r := range a.Roles {
		if (r.From != "" || r.To != "") && len(r.Code) == 3 {
			dated = append(dated, r)
		}
	}
	if len(dated) == 0 || !a.StateEntry() {
		return
	}
	if c.eras == nil {
		c.eras = map[string][]dict.Role{}
	}
	c.eras[a.Country] = dated
}

// inEra returns m recoded for date (YYYY-MM-DD) when its state had
// another code then, else m itself. The member is copied, never changed:
// one member may be the party of events on different dates.
func (st *state) inEra(m *member, date string) *member {
	if m == nil || len(st.c.eras) == 0 || date == "" {
		return m
	}
	country := stateOf(m)
	rs := st.c.eras[country]
	for _, r := range rs {
		if (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To) {
			n := *m
			n.country = r.Code
			if strings.HasPrefix(n.code, country) {
				n.code = r.Code + n.code[len(country):]
			}
			return &n
		}
	}
	return m
}

// hasEra reports whether m's state has dated codes.
func (st *state) hasEra(m *member) bool {
	if m == nil || len(st.c.eras) == 0 {
		return false
	}
	_, ok := st.c.eras[stateOf(m)]
	return ok
}

// stateOf returns the state of member m: its country, or for a state's
// own code the code's first three letters.
func stateOf(m *member) string {
	if m.country == "" && len(m.code) >= 3 && m.kind == petrel.KindCountry {
		return m.code[:3]
	}
	return m.country
}
