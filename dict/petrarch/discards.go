package petrarch

import (
	"io"
	"strings"

	"petrel/dict"
)

// ReadDiscards reads a PETRARCH discard list from r into d.Discards: one
// phrase per line, "+PHRASE" for a story-level discard (the whole article
// is skipped), a plain phrase for a sentence-level one. Matching is
// case-insensitive. The last word is a stem (it matches any token it
// prefixes) unless the phrase ends in "_"; the other words are whole
// words. This is PETRARCH-1's substring search on the upper-cased
// sentence, made token-based.
func ReadDiscards(d *dict.Dictionary, file string, r io.Reader, diags *dict.Diagnostics) error {
	lr := newLineReader(file, r, diags)
	for {
		line, n, ok := lr.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(line)
		disc := &dict.Discard{Rule: source(file, n, t)}
		if strings.HasPrefix(t, "+") {
			disc.Story = true
			t = strings.TrimSpace(t[1:])
		}
		p, ok := phrase(t)
		if !ok {
			report(diags, file, n, "discard without words")
			continue
		}
		p.Words[len(p.Words)-1].Exact = strings.HasSuffix(t, "_")
		disc.Phrase = p
		d.Discards = append(d.Discards, disc)
	}
	return lr.err()
}

// ReadIssues reads a PETRARCH issue list (Phoenix.IssueCoding.txt) from r
// into d.Issues. A line is "PHRASE [CODE]"; in the phrase, "n:WORD" adds
// the regular plural, "v:WORD" the regular verb forms, and "A+B" both
// "A B" and "A-B", every combination being stored as its own dict.Issue.
// "~PHRASE" and "~~PHRASE" are PETRARCH's exclusion phrases (do not code
// issues for a sentence, or a story, that contains them): they are stored
// with Code "~" and "~~". "<ISSUE ...>" section lines are ignored.
func ReadIssues(d *dict.Dictionary, file string, r io.Reader, diags *dict.Diagnostics) error {
	lr := newLineReader(file, r, diags)
	for {
		line, n, ok := lr.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<") {
			continue // <ISSUE CATEGORY="..."> and </ISSUE>
		}
		var code, body string
		switch {
		case strings.HasPrefix(t, "~~"):
			code, body = "~~", t[2:]
		case strings.HasPrefix(t, "~"):
			code, body = "~", t[1:]
		default:
			lb := strings.IndexByte(t, '[')
			rb := strings.LastIndexByte(t, ']')
			if lb < 0 || rb < lb {
				report(diags, file, n, "issue %q has no [code]; skipped", t)
				continue
			}
			code, body = strings.TrimSpace(t[lb+1:rb]), t[:lb]
			if code == "" {
				report(diags, file, n, "issue %q: empty code", t)
				continue
			}
		}
		forms, capped := expandIssue(strings.ToLower(strings.TrimSpace(body)))
		if capped {
			report(diags, file, n, "issue %q expands to more than %d phrases; the rest are dropped", t, maxIssueForms)
		}
		if len(forms) == 0 {
			report(diags, file, n, "issue without words")
			continue
		}
		for _, f := range forms {
			if p, ok := phrase(f); ok {
				d.Issues = append(d.Issues, &dict.Issue{Phrase: p, Code: code, Rule: source(file, n, t)})
			}
		}
	}
	return lr.err()
}

// maxIssueForms bounds the expansion of one issue line, which grows
// exponentially with its markers.
const maxIssueForms = 256

// expandIssue expands the n:, v: and + markers of an issue phrase. It
// stops at maxIssueForms phrases and then reports capped.
func expandIssue(s string) (out []string, capped bool) {
	out = []string{""}
	for _, field := range strings.Fields(s) {
		// "pre+n:school" is "pre school", "pre schools", "pre-school" and
		// "pre-schools".
		alts := []string{""}
		for k, sub := range strings.Split(field, "+") {
			var forms []string
			switch {
			case strings.HasPrefix(sub, "n:"):
				forms = []string{sub[2:], plural(sub[2:])}
			case strings.HasPrefix(sub, "v:"):
				forms = append([]string{sub[2:]}, verbForms(sub[2:])...)
			default:
				forms = []string{sub}
			}
			joins := []string{""}
			if k > 0 {
				joins = []string{" ", "-"}
			}
			var next []string
			for _, a := range alts {
				for _, j := range joins {
					for _, f := range forms {
						if len(next) < maxIssueForms {
							next = append(next, a+j+f)
						} else {
							capped = true
						}
					}
				}
			}
			alts = next
		}
		var next []string
		for _, o := range out {
			for _, a := range alts {
				switch {
				case len(next) >= maxIssueForms:
					capped = true
				case o == "":
					next = append(next, a)
				default:
					next = append(next, o+" "+a)
				}
			}
		}
		out = next
	}
	if len(out) == 1 && out[0] == "" {
		return nil, capped
	}
	return out, capped
}
