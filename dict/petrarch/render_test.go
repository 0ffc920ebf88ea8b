package petrarch

import (
	"strings"

	"petrel/dict"
)

// render writes a pattern back in PETRARCH-1 syntax, "_" for Next.
func render(p *dict.Pattern) string {
	var b strings.Builder
	elem := func(e dict.Elem) {
		switch e.Kind {
		case dict.ElemWord:
			b.WriteString(e.Word.Text)
		case dict.ElemSynset:
			b.WriteString("&" + e.Synset)
		case dict.ElemVerb:
		case dict.ElemSource:
			b.WriteString("$")
		case dict.ElemTarget:
			b.WriteString("+")
		case dict.ElemCompound:
			b.WriteString("%")
		}
	}
	sep := func(e dict.Elem) {
		if e.Next {
			b.WriteString("_")
		} else {
			b.WriteString(" ")
		}
	}
	for _, e := range p.Pre {
		elem(e)
		sep(e)
	}
	b.WriteString("*")
	for i, e := range p.Post {
		if i == 0 && e.Kind != dict.ElemVerb {
			b.WriteString(" ")
		}
		elem(e)
		if i < len(p.Post)-1 {
			sep(e)
		}
	}
	return strings.TrimSpace(b.String()) + " [" + p.Code + "]"
}
