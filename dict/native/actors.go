package native

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"petrel"
	"petrel/dict"
)

// addActor reads a country, igo, group or person entry (docs/DICTIONARIES.md,
// "Actors"). A malformed header drops the whole entry; a malformed field line
// is reported and skipped, and the rest of the entry is kept.
func addActor(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	switch e.kind {
	case "country":
		addCountry(d, e, diags)
	case "igo", "group":
		addOrg(d, e, diags)
	case "person":
		addPerson(d, e, diags)
	case "region":
		addRegion(d, e, diags)
	}
}

// addRegion reads "region Display" with names: a place that is no actor
// ("Latin America", "the Middle East"). It codes nothing; its entry exists
// so that the longest match wins over a shorter, wrong one ("America").
func addRegion(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	a := &dict.Actor{Kind: petrel.KindOther, Display: e.rest, Rule: rule(e), Names: namesOnly(e, diags)}
	if len(a.Names) == 0 && e.rest != "" {
		a.Names = addNames(nil, map[string]bool{}, []string{e.rest})
	}
	if len(a.Names) == 0 {
		report(diags, e.file, e.line, "region: no names")
		return
	}
	d.Actors = append(d.Actors, a)
}

// addAgent reads an agent entry: "agent ROLE [prefix]" with a names: field.
func addAgent(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	if len(e.args) == 0 {
		report(diags, e.file, e.line, "agent: missing role code")
		return
	}
	code := e.args[0]
	if !isCode(code) {
		report(diags, e.file, e.line, "agent: bad role code "+quote(code))
		return
	}
	a := &dict.Agent{Code: code, Rule: rule(e)}
	for _, w := range e.args[1:] {
		if w == "prefix" && !a.Prefix {
			a.Prefix = true
			continue
		}
		report(diags, e.file, e.line, "agent: unexpected "+quote(w)+" after the role code")
		return
	}
	a.Names = namesOnly(e, diags)
	if len(a.Names) == 0 {
		report(diags, e.file, e.line, "agent "+code+": no names")
		return
	}
	d.Agents = append(d.Agents, a)
}

// addCountry reads "country CODE Display": one actor for the state (names,
// demonyms and capitals), one actor per seat of power, and a place per
// capital and city. A roles: field gives the state dated codes, the state
// it belonged to before it was one ("SUN ..1991-12-25" for Russia); its
// seats take the same dates ("Kremlin" is SUNGOV in 1987).
func addCountry(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	if len(e.args) == 0 {
		report(diags, e.file, e.line, "country: missing code")
		return
	}
	code := e.args[0]
	if !isISO3(code) {
		report(diags, e.file, e.line, "country: bad code "+quote(code)+" (want ISO 3166-1 alpha-3)")
		return
	}
	display := displayAfterCode(e)
	a := &dict.Actor{
		Roles:   []dict.Role{{Code: code}},
		Kind:    petrel.KindCountry,
		Country: code,
		Display: display,
		Rule:    rule(e),
	}
	var names, demonyms, capitalNames []dict.Phrase
	seen := map[string]bool{}
	var seats []*dict.Actor
	var places []*dict.Place
	var dated []dict.Role
	for _, f := range e.fields {
		if !checkField(e, f, diags, "names", "demonyms", "capital", "seats", "cities", "roles") {
			continue
		}
		switch f.key {
		case "roles":
			for _, v := range f.values {
				r, err := parseRole(v)
				if err == "" && !isISO3(r.Code) {
					err = "bad country code " + quote(r.Code) + " in " + quote(v) + " (a state's dated code is a state: SUN ..1991-12-25)"
				}
				if err != "" {
					report(diags, e.file, f.line, "roles: "+err)
					continue
				}
				dated = append(dated, r)
			}
		case "names":
			names = addNames(names, seen, f.values)
		case "demonyms":
			demonyms = addNames(demonyms, seen, f.values)
		case "capital", "cities":
			for _, v := range f.values {
				p, actorName, err := parsePlace(v)
				if err != "" {
					report(diags, e.file, f.line, f.key+": "+err)
					continue
				}
				p.Country = code
				p.Capital = f.key == "capital"
				places = append(places, p)
				if p.Capital && actorName {
					for _, n := range p.Names {
						capitalNames = addPhrase(capitalNames, seen, n)
					}
				}
			}
		case "seats":
			for _, v := range f.values {
				s, err := parseSeat(v, code)
				if err != "" {
					report(diags, e.file, f.line, "seats: "+err)
					continue
				}
				s.Rule = dict.Source{File: e.file, Line: f.line, Text: "seat " + s.Roles[0].Code + " " + s.Display}
				seats = append(seats, s)
			}
		}
	}
	if len(names) == 0 && display != "" {
		// Without a names: field the display name is the name; it may
		// repeat a capital's name ("Singapore"), so duplicates are dropped.
		all := append([]dict.Phrase{ParsePhrase(display)}, demonyms...)
		all = append(all, capitalNames...)
		seen = map[string]bool{}
		for _, p := range all {
			a.Names = addPhrase(a.Names, seen, p)
		}
	} else {
		a.Names = append(append(names, demonyms...), capitalNames...)
	}
	if a.Display == "" && len(a.Names) > 0 {
		a.Display = phraseText(a.Names[0])
	}
	if len(a.Names) == 0 {
		report(diags, e.file, e.line, "country "+code+": no names")
		return
	}
	if len(dated) > 0 {
		a.Roles = append(dated, a.Roles...)
		for _, s := range seats {
			role := s.Roles[0].Code[len(code):]
			var rs []dict.Role
			for _, r := range dated {
				rs = append(rs, dict.Role{Code: r.Code + role, From: r.From, To: r.To})
			}
			s.Roles = append(rs, s.Roles...)
		}
	}
	d.Actors = append(d.Actors, a)
	d.Actors = append(d.Actors, seats...)
	d.Places = append(d.Places, places...)
}

// addOrg reads "igo CODE Display" and "group CODE Display".
func addOrg(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	if len(e.args) == 0 {
		report(diags, e.file, e.line, e.kind+": missing code")
		return
	}
	code := e.args[0]
	if !isCode(code) {
		report(diags, e.file, e.line, e.kind+": bad code "+quote(code))
		return
	}
	kind := petrel.KindIGO
	allowed := []string{"names", "since"}
	if e.kind == "group" {
		kind = petrel.KindGroup
		allowed = append(allowed, "country")
	}
	a := &dict.Actor{
		Roles:   []dict.Role{{Code: code}},
		Kind:    kind,
		Display: displayAfterCode(e),
		Rule:    rule(e),
	}
	seen := map[string]bool{}
	for _, f := range e.fields {
		if !checkField(e, f, diags, allowed...) {
			continue
		}
		switch f.key {
		case "names":
			a.Names = addNames(a.Names, seen, f.values)
		case "country":
			if c, ok := oneCountry(e, f, diags); ok {
				a.Country = c
			}
		case "since":
			if len(f.values) != 1 || f.values[0] == "" || !isDate(f.values[0]) {
				report(diags, e.file, f.line, "since: want one date YYYY-MM-DD, got "+quote(strings.Join(f.values, "; ")))
				continue
			}
			a.Since = f.values[0]
		}
	}
	finishActor(d, e, a, diags)
}

// addPerson reads "person Display" with names, country, dated roles and a
// default code.
func addPerson(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	a := &dict.Actor{Kind: petrel.KindPerson, Display: e.rest, Rule: rule(e)}
	def := ""
	seen := map[string]bool{}
	for _, f := range e.fields {
		if !checkField(e, f, diags, "names", "country", "roles", "default") {
			continue
		}
		switch f.key {
		case "names":
			a.Names = addNames(a.Names, seen, f.values)
		case "country":
			if c, ok := oneCountry(e, f, diags); ok {
				a.Country = c
			}
		case "roles":
			for _, v := range f.values {
				r, err := parseRole(v)
				if err != "" {
					report(diags, e.file, f.line, "roles: "+err)
					continue
				}
				a.Roles = append(a.Roles, r)
			}
		case "default":
			if len(f.values) != 1 || !isCode(f.values[0]) {
				report(diags, e.file, f.line, "default: want one actor code, got "+quote(strings.Join(f.values, "; ")))
				continue
			}
			def = f.values[0]
		}
	}
	if def == "" {
		def = a.Country
	}
	if def != "" {
		a.Roles = append(a.Roles, dict.Role{Code: def})
	}
	if len(a.Roles) == 0 {
		report(diags, e.file, e.line, "person "+quote(e.rest)+": missing code (no country, roles or default)")
		return
	}
	finishActor(d, e, a, diags)
}

// finishActor fills the fallbacks between Display and Names shared by igo,
// group and person entries, and appends the actor.
func finishActor(d *dict.Dictionary, e entry, a *dict.Actor, diags *dict.Diagnostics) {
	if len(a.Names) == 0 && a.Display != "" {
		a.Names = []dict.Phrase{ParsePhrase(a.Display)}
	}
	if len(a.Names) == 0 {
		report(diags, e.file, e.line, e.kind+": no names")
		return
	}
	if a.Display == "" {
		a.Display = phraseText(a.Names[0])
	}
	d.Actors = append(d.Actors, a)
}

// checkField reports a field line that is not "key: value" or whose key is
// not one of allowed, and a key with no values. It returns whether the
// field should be read.
func checkField(e entry, f field, diags *dict.Diagnostics, allowed ...string) bool {
	if f.key == "" {
		report(diags, e.file, f.line, e.kind+": expected \"key: value; ...\", got "+quote(f.raw))
		return false
	}
	if !slices.Contains(allowed, f.key) {
		report(diags, e.file, f.line, e.kind+": unknown field "+quote(f.key)+" (want "+strings.Join(allowed, ", ")+")")
		return false
	}
	if len(f.values) == 0 {
		report(diags, e.file, f.line, e.kind+": empty field "+quote(f.key))
		return false
	}
	return true
}

// oneCountry reads a "country: ISO3" field.
func oneCountry(e entry, f field, diags *dict.Diagnostics) (string, bool) {
	if len(f.values) != 1 || !isISO3(f.values[0]) {
		report(diags, e.file, f.line, "country: want one ISO 3166-1 alpha-3 code, got "+quote(strings.Join(f.values, "; ")))
		return "", false
	}
	return f.values[0], true
}

// parsePlace reads "Name [/ Alt ...] @ LAT LON [place-only]". actorName is
// false when the place-only flag says the name must not code as the state
// (a capital whose name is a common word or a frequent other place).
func parsePlace(v string) (p *dict.Place, actorName bool, err string) {
	namePart, coords, ok := strings.Cut(v, "@")
	if !ok {
		return nil, false, "missing \"@ LAT LON\" in " + quote(v)
	}
	names := splitAlts(namePart)
	if len(names) == 0 {
		return nil, false, "missing place name in " + quote(v)
	}
	f := strings.Fields(coords)
	actorName = true
	if len(f) == 3 && f[2] == "place-only" {
		actorName = false
		f = f[:2]
	}
	if len(f) != 2 {
		return nil, false, "bad coordinates " + quote(strings.TrimSpace(coords)) + " (want LAT LON)"
	}
	lat, err1 := strconv.ParseFloat(f[0], 64)
	lon, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return nil, false, "bad coordinates " + quote(strings.TrimSpace(coords)) + " (want LAT in -90..90, LON in -180..180)"
	}
	p = &dict.Place{Lat: lat, Lon: lon, Display: names[0]}
	for _, n := range names {
		p.Names = append(p.Names, ParsePhrase(n))
	}
	return p, actorName, ""
}

// parseSeat reads "Name [/ Alt ...] [= ROLE]" into an actor coded
// country+ROLE (GOV when no role is given).
func parseSeat(v, country string) (*dict.Actor, string) {
	namePart, role, hasRole := strings.Cut(v, "=")
	role = strings.TrimSpace(role)
	if !hasRole {
		role = "GOV"
	} else if !isCode(role) {
		return nil, "bad role " + quote(role) + " in " + quote(v) + " (want e.g. MIL)"
	}
	names := splitAlts(namePart)
	if len(names) == 0 {
		return nil, "missing seat name in " + quote(v)
	}
	a := &dict.Actor{
		Roles:   []dict.Role{{Code: country + role}},
		Kind:    petrel.KindCountry,
		Country: country,
		Display: names[0],
	}
	for _, n := range names {
		a.Names = append(a.Names, ParsePhrase(n))
	}
	return a, ""
}

// parseRole reads "CODE FROM..TO Title"; the title is for readers only.
func parseRole(v string) (dict.Role, string) {
	f := strings.Fields(v)
	if len(f) < 2 {
		return dict.Role{}, "want \"CODE FROM..TO Title\", got " + quote(v)
	}
	if !isCode(f[0]) {
		return dict.Role{}, "bad actor code " + quote(f[0]) + " in " + quote(v)
	}
	from, to, ok := strings.Cut(f[1], "..")
	if !ok || !isDate(from) || !isDate(to) || (from != "" && to != "" && from > to) {
		return dict.Role{}, "bad date range " + quote(f[1]) + " (want YYYY-MM-DD..YYYY-MM-DD, either end may be empty)"
	}
	if from == "" && to == "" {
		return dict.Role{}, "bad date range \"..\": an open role is written as default:"
	}
	return dict.Role{Code: f[0], From: from, To: to}, ""
}

// isDate reports whether s is empty or a valid YYYY-MM-DD date.
func isDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil && len(s) == 10
}

// isISO3 reports whether s has the shape of an ISO 3166-1 alpha-3 code.
func isISO3(s string) bool { return len(s) == 3 && isCode(s) }

// isCode reports whether s has the shape of a CAMEO actor code: one or
// more three-letter upper-case groups ("TAL", "RUSGOV", "IGOUNOKID").
func isCode(s string) bool {
	if s == "" || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// displayAfterCode returns the header text after the code ("Russia" of
// "country RUS Russia").
func displayAfterCode(e entry) string {
	return strings.TrimSpace(strings.TrimPrefix(e.rest, e.args[0]))
}

// rule records where an entry came from.
func rule(e entry) dict.Source {
	return dict.Source{File: e.file, Line: e.line, Text: strings.TrimSpace(e.kind + " " + e.rest)}
}

// splitAlts splits "Kyiv / Kiev" into its trimmed, non-empty names.
func splitAlts(s string) []string {
	var out []string
	for _, n := range strings.Split(s, "/") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// addNames appends the phrases of values not seen before.
// namesOnly returns the names of an entry whose only field is "names:",
// without duplicates; any other field is reported and skipped.
func namesOnly(e entry, diags *dict.Diagnostics) []dict.Phrase {
	var names []dict.Phrase
	seen := map[string]bool{}
	for _, f := range e.fields {
		if checkField(e, f, diags, "names") {
			names = addNames(names, seen, f.values)
		}
	}
	return names
}

// addNames appends the phrases written in values to dst, skipping empty
// ones and those already in seen. A value written "=Name" matches only
// where each of its words is capitalised in the text (dict.Word.Cased),
// one written "==NAME" only where each is written in capitals
// (dict.Word.Upper).
func addNames(dst []dict.Phrase, seen map[string]bool, values []string) []dict.Phrase {
	for _, v := range values {
		if rest, ok := strings.CutPrefix(v, "=="); ok {
			p := ParsePhrase(rest)
			for i := range p.Words {
				p.Words[i].Upper = true
			}
			dst = addPhrase(dst, seen, p)
			continue
		}
		if rest, ok := strings.CutPrefix(v, "="); ok {
			p := ParsePhrase(rest)
			for i := range p.Words {
				p.Words[i].Cased = true
			}
			dst = addPhrase(dst, seen, p)
			continue
		}
		dst = addPhrase(dst, seen, ParsePhrase(v))
	}
	return dst
}

// addPhrase appends p unless it is empty or already in seen.
func addPhrase(dst []dict.Phrase, seen map[string]bool, p dict.Phrase) []dict.Phrase {
	if len(p.Words) == 0 {
		return dst
	}
	k := phraseText(p)
	if len(p.Words) > 0 && p.Words[0].Cased {
		k = "=" + k
	}
	if len(p.Words) > 0 && p.Words[0].Upper {
		k = "==" + k
	}
	if seen[k] {
		return dst
	}
	seen[k] = true
	return append(dst, p)
}

// phraseText joins a phrase's words with spaces.
func phraseText(p dict.Phrase) string {
	var b strings.Builder
	for i, w := range p.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}
