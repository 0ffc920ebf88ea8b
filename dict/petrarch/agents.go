package petrarch

import (
	"io"
	"strings"

	"petrel/dict"
)

// ReadAgents reads a PETRARCH agent dictionary from r into d.Agents.
//
// A line is "NAME {PLURALS} [~CODE]". "~CODE" adds CODE after the actor's
// code (Agent.Code "GOV"); "CODE~" puts it before (Prefix, as for NGO~).
// Without braces the regular plural of the last word is added; "{}" means
// no plural (the name is singular-only, plural-only or invariant), and
// "{FORMS}" lists the plurals. A substitution macro "!PERSON! = MAN, MEN,
// WOMAN" defines a set; a name containing "!PERSON!" is stored once per
// member of the set, with no further plurals, as PETRARCH does. Each line
// becomes one dict.Agent holding all its names.
func ReadAgents(d *dict.Dictionary, file string, r io.Reader, diags *dict.Diagnostics) error {
	lr := newLineReader(file, r, diags)
	macros := map[string][]string{}
	for {
		line, n, ok := lr.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			name, list, _ := strings.Cut(t, "=")
			name = strings.TrimSpace(name)
			if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
				report(diags, file, n, "substitution marker %q: want !NAME! = A, B, ...", name)
				continue
			}
			var items []string
			for _, it := range strings.Split(list, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			macros[strings.ToUpper(name)] = items
			continue
		}
		lb := strings.IndexByte(t, '[')
		if lb < 0 {
			report(diags, file, n, "agent %q has no [code]; skipped", t)
			continue
		}
		rb := strings.IndexByte(t[lb:], ']')
		if rb < 0 {
			report(diags, file, n, "agent %q: missing ']'", t)
			continue
		}
		code := strings.TrimSpace(t[lb+1 : lb+rb])
		a := &dict.Agent{Rule: source(file, n, t)}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = strings.TrimSpace(code[1:])
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = strings.TrimSpace(code[:len(code)-1]), true
		default:
			report(diags, file, n, "agent code [%s] needs '~' before or after it; skipped", code)
			continue
		}
		a.Code = strings.ToUpper(a.Code)
		if a.Code == "" {
			report(diags, file, n, "agent %q: empty code", t)
			continue
		}
		name := t[:lb]
		var plurals []string
		hasBraces := false
		if i := strings.IndexByte(name, '{'); i >= 0 {
			j := strings.IndexByte(name, '}')
			if j < i {
				report(diags, file, n, "agent %q: missing '}'", t)
				continue
			}
			plurals = strings.Fields(name[i+1 : j])
			name, hasBraces = name[:i], true
		}
		name = strings.TrimSpace(name)
		if strings.Contains(name, "!") {
			i := strings.IndexByte(name, '!')
			j := strings.IndexByte(name[i+1:], '!')
			if j < 0 {
				report(diags, file, n, "agent %q: substitution marker without closing '!'", name)
				continue
			}
			marker := strings.ToUpper(name[i : i+j+2])
			items, ok := macros[marker]
			if !ok {
				report(diags, file, n, "agent %q: substitution marker %s is not defined; skipped", name, marker)
				continue
			}
			for _, it := range items {
				if p, ok := phrase(name[:i] + it + name[i+j+2:]); ok {
					a.Names = append(a.Names, p)
				}
			}
		} else {
			p, ok := phrase(name)
			if !ok {
				report(diags, file, n, "agent line %q has no name", t)
				continue
			}
			a.Names = append(a.Names, p)
			if !hasBraces {
				pl := dict.Phrase{Words: append([]dict.Word(nil), p.Words...)}
				last := &pl.Words[len(pl.Words)-1]
				last.Text = plural(last.Text)
				a.Names = append(a.Names, pl)
			}
			for _, f := range plurals {
				if p, ok := phrase(f); ok {
					a.Names = append(a.Names, p)
				}
			}
		}
		d.Agents = append(d.Agents, a)
	}
	return lr.err()
}
