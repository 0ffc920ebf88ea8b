package native

import (
	"petrel/dict"
)

// addPlace reads "place CODE Name [/ Alt ...] @ LAT LON": a place of
// country CODE that is no actor, with optional names: adding more names.
// Places in dictionaries win over the gazetteer's (docs/DICTIONARIES.md,
// "Places"): a user names a village GeoNames lacks, or pins a name to the
// place their texts mean by it.
func addPlace(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	if len(e.args) == 0 {
		report(diags, e.file, e.line, "place: missing country code")
		return
	}
	code := e.args[0]
	if !isISO3(code) {
		report(diags, e.file, e.line, "place: bad country code "+quote(code)+" (want ISO 3166-1 alpha-3)")
		return
	}
	p, _, err := parsePlace(displayAfterCode(e))
	if err != "" {
		report(diags, e.file, e.line, "place: "+err)
		return
	}
	p.Country = code
	seen := map[string]bool{}
	for _, n := range p.Names {
		seen[phraseText(n)] = true
	}
	for _, f := range e.fields {
		if !checkField(e, f, diags, "names") {
			continue
		}
		p.Names = addNames(p.Names, seen, f.values)
	}
	d.Places = append(d.Places, p)
}
