package native

import (
	"strings"

	"petrel/dict"
)

// addVerb reads a verb or noun entry (docs/DICTIONARIES.md, "Verbs and
// nouns"): the header gives the anchor's forms, each indented line a
// pattern. A malformed header drops the entry; a malformed pattern line is
// reported and skipped.
func addVerb(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	lemma, forms, msg := anchorForms(e.kind, e.rest)
	if msg != "" {
		report(diags, e.file, e.line, e.kind+": "+msg)
		return
	}
	v := &dict.Verb{Lemma: lemma, Code: "---", Rule: rule(e)}
	seen := map[string]bool{}
	for _, f := range forms {
		v.Forms = addPhrase(v.Forms, seen, ParsePhrase(f))
	}
	defaulted := false
	for _, f := range e.fields {
		if f.key != "" {
			report(diags, e.file, f.line, e.kind+" "+lemma+": expected a pattern \"CODE ... * ...\", got field "+quote(f.key))
			continue
		}
		p, msg := parsePattern(f.raw)
		if msg != "" {
			report(diags, e.file, f.line, e.kind+" "+lemma+": "+msg)
			continue
		}
		p.Rule = dict.Source{File: e.file, Line: f.line, Text: lemma + ": " + f.raw}
		if len(p.Pre) == 0 && len(p.Post) == 0 && !defaulted {
			// A bare "CODE *" is the anchor's default code.
			v.Code, defaulted = p.Code, true
		}
		v.Patterns = append(v.Patterns, p)
	}
	d.Verbs = append(d.Verbs, v)
}

// anchorForms reads a verb or noun header after its kind:
//
//	LEMMA [; FORM; FORM...]
//
// and returns the lemma and every form: the lemma, its generated
// inflections and the explicit forms. A verb inflects its first word (-s,
// -ed, -ing); a noun its last word (the plural), or the word before the
// first "of" ("show of force" → "shows of force"). A one-word explicit form
// replaces that word in the lemma ("take part in; took" gives "took part
// in"); a longer one is a whole form as written. Explicit forms replace the
// generated past of a verb and the generated plural of a noun, so that
// irregular verbs do not get "seed" or "putted" forms; the -s and -ing
// forms of a verb are always generated. msg is non-empty for a bad header.
func anchorForms(kind, rest string) (lemma string, forms []string, msg string) {
	parts := strings.Split(rest, ";")
	lemma = strings.Join(strings.Fields(parts[0]), " ")
	if lemma == "" {
		return "", nil, "missing lemma"
	}
	var explicit []string
	for _, p := range parts[1:] {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			return "", nil, "empty form after \";\""
		}
		explicit = append(explicit, p)
	}
	for _, s := range append([]string{lemma}, explicit...) {
		for _, w := range strings.Fields(s) {
			if !isWordToken(w) {
				return "", nil, "bad word " + quote(w) + " in " + quote(s)
			}
		}
	}
	words := strings.Fields(strings.ToLower(lemma))
	at := 0 // the inflected word: first for a verb, last for a noun
	if kind == "noun" {
		at = len(words) - 1
		// "show of force" → "shows of force": the head is before "of".
		for i := 1; i < len(words)-1; i++ {
			if words[i] == "of" {
				at = i - 1
				break
			}
		}
	}
	with := func(w string) string {
		c := append([]string(nil), words...)
		c[at] = w
		return strings.Join(c, " ")
	}
	forms = []string{strings.Join(words, " ")}
	head := words[at]
	if kind == "noun" {
		if len(explicit) == 0 {
			forms = append(forms, with(Plural(head)))
		}
	} else {
		forms = append(forms, with(ThirdPerson(head)), with(PresentParticiple(head)))
		if len(explicit) == 0 {
			forms = append(forms, with(Past(head)))
		}
	}
	for _, x := range explicit {
		x = strings.ToLower(x)
		if !strings.Contains(x, " ") {
			x = with(x)
		}
		forms = append(forms, x)
	}
	return lemma, forms, ""
}

// isWordToken reports whether w may be a literal word of a form or a
// pattern: letters, digits and the in-word marks - ' ’ . only.
func isWordToken(w string) bool {
	if w == "" {
		return false
	}
	letter := false
	for _, r := range w {
		switch {
		case r == '-' || r == '\'' || r == '’' || r == '.':
		case r >= '0' && r <= '9':
			letter = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f:
			letter = true
		default:
			return false
		}
	}
	return letter || w == "'s"
}

// parsePattern reads one pattern line, "CODE ELEMENT...". It returns a
// non-empty msg for a malformed line.
//
// Adjacency: neighbouring elements get Next=true on the first of the pair
// unless ".." separates them; a slot ($ + %) never requires adjacency, so
// the element before a slot and the slot itself get Next=false. The last
// element of Pre says through its Next whether the anchor must follow it
// immediately. The model has no element for the anchor in Post, so when
// the first element after "*" must follow the anchor immediately ("* with
// +"), Post starts with a zero-width Elem{Kind: ElemVerb, Next: true}
// marker, as the PETRARCH reader writes "*_WORD"; without the marker the
// first Post element may come after a gap ("* .. talks", "* +").
func parsePattern(raw string) (*dict.Pattern, string) {
	toks := strings.Fields(raw)
	if len(toks) == 0 {
		return nil, "empty pattern"
	}
	code := toks[0]
	if !isEventCode(code) {
		return nil, "bad event code " + quote(code) + " (want 2-4 digits, ---, or AAA:BBB)"
	}
	var elems []dict.Elem
	verbAt, gapBefore := -1, false
	for _, t := range toks[1:] {
		switch {
		case t == "..":
			if len(elems) == 0 {
				return nil, "\"..\" at the start of the pattern"
			}
			if gapBefore {
				return nil, "\"..\" twice in a row"
			}
			elems[len(elems)-1].Next = false
			gapBefore = true
			continue
		case t == "*":
			if verbAt >= 0 {
				return nil, "more than one \"*\""
			}
			verbAt = len(elems)
			elems = appendElem(elems, dict.Elem{Kind: dict.ElemVerb}, gapBefore)
		case t == "$" || t == "+" || t == "%":
			elems = appendElem(elems, dict.Elem{Kind: slotKind(t)}, gapBefore)
		case strings.HasPrefix(t, "&"):
			name := strings.ToUpper(t[1:])
			if !isSynsetName(name) {
				return nil, "bad synset name " + quote(t)
			}
			elems = appendElem(elems, dict.Elem{Kind: dict.ElemSynset, Synset: name}, gapBefore)
		default:
			// "$'s" and "+'s": a slot with a possessive.
			if h, ok := cutPossessive(t); ok && (h == "$" || h == "+" || h == "%") {
				elems = appendElem(elems, dict.Elem{Kind: slotKind(h)}, gapBefore)
				elems = appendElem(elems, dict.Elem{Kind: dict.ElemWord, Word: dict.Word{Text: "'s", Exact: true}}, false)
				break
			}
			if t == "'s" || t == "’s" {
				// A lone possessive: the text tokenizer only splits it off
				// a word, so it is written as the word "'s" directly.
				elems = appendElem(elems, dict.Elem{Kind: dict.ElemWord, Word: dict.Word{Text: "'s", Exact: true}}, gapBefore)
				break
			}
			if !isWordToken(t) {
				return nil, "unknown token " + quote(t)
			}
			for i, w := range Tokenize(t) {
				elems = appendElem(elems, dict.Elem{Kind: dict.ElemWord, Word: dict.Word{Text: w, Exact: true}}, gapBefore && i == 0)
			}
		}
		gapBefore = false
	}
	if gapBefore {
		return nil, "\"..\" at the end of the pattern"
	}
	if verbAt < 0 {
		return nil, "no \"*\" for the anchor"
	}
	elems[len(elems)-1].Next = false
	p := &dict.Pattern{Code: code}
	p.Pre = append(p.Pre, elems[:verbAt]...)
	if verbAt+1 < len(elems) && elems[verbAt].Next {
		p.Post = append(p.Post, elems[verbAt]) // the zero-width anchor marker
	}
	p.Post = append(p.Post, elems[verbAt+1:]...)
	return p, ""
}

// appendElem appends x to elems. The previous element gets Next=true
// (adjacent) unless a gap came before x or either of them is a slot.
func appendElem(elems []dict.Elem, x dict.Elem, gap bool) []dict.Elem {
	if n := len(elems); n > 0 {
		elems[n-1].Next = !gap && !isSlot(elems[n-1].Kind) && !isSlot(x.Kind)
	}
	return append(elems, x)
}

func isSlot(k int) bool {
	return k == dict.ElemSource || k == dict.ElemTarget || k == dict.ElemCompound
}

func slotKind(t string) int {
	switch t {
	case "$":
		return dict.ElemSource
	case "+":
		return dict.ElemTarget
	}
	return dict.ElemCompound
}

// cutPossessive splits "X's" (or "X’s") into X.
func cutPossessive(t string) (string, bool) {
	for _, s := range []string{"'s", "’s"} {
		if len(t) > len(s) && strings.HasSuffix(t, s) {
			return t[:len(t)-len(s)], true
		}
	}
	return "", false
}

// isEventCode reports whether s has the shape of a pattern code: a CAMEO
// event code of 2-4 digits, "---" (codes nothing), or a pair "AAA:BBB" of
// those. It checks the shape only; the tests check the built-in files
// against the CAMEO codebook.
func isEventCode(s string) bool {
	if a, b, ok := strings.Cut(s, ":"); ok {
		return isOneCode(a) && isOneCode(b)
	}
	return isOneCode(s)
}

// isOneCode reports whether s is one CAMEO event code (two to four
// digits) or "---", the code of a pattern that codes nothing.
func isOneCode(s string) bool {
	if s == "---" {
		return true
	}
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isSynsetName reports whether s (upper-cased) is a synset name: letters,
// digits and "_", starting with a letter.
func isSynsetName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// addSynset reads "synset NAME" with a words: field of phrases. The name
// is upper-cased; a later synset of the same name replaces an earlier one.
func addSynset(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	if len(e.args) != 1 || !isSynsetName(strings.ToUpper(e.args[0])) {
		report(diags, e.file, e.line, "synset: want \"synset NAME\" (letters, digits, _), got "+quote(e.rest))
		return
	}
	name := strings.ToUpper(e.args[0])
	var words []dict.Phrase
	seen := map[string]bool{}
	for _, f := range e.fields {
		if !checkField(e, f, diags, "words") {
			continue
		}
		words = addNames(words, seen, f.values)
	}
	if len(words) == 0 {
		report(diags, e.file, e.line, "synset "+name+": no words")
		return
	}
	if d.Synsets == nil {
		d.Synsets = map[string][]dict.Phrase{}
	}
	d.Synsets[name] = words
}

// addDiscard reads a "discard [LABEL]" entry: sentence: phrases skip the
// sentence they occur in, story: phrases the whole article.
func addDiscard(d *dict.Dictionary, e entry, diags *dict.Diagnostics) {
	n := 0
	for _, f := range e.fields {
		if !checkField(e, f, diags, "sentence", "story") {
			continue
		}
		for _, v := range f.values {
			p := ParsePhrase(v)
			if len(p.Words) == 0 {
				continue
			}
			d.Discards = append(d.Discards, &dict.Discard{Phrase: p, Story: f.key == "story",
				Rule: dict.Source{File: e.file, Line: f.line, Text: f.key + ": " + v}})
			n++
		}
	}
	if n == 0 {
		report(diags, e.file, e.line, "discard: no sentence: or story: phrases")
	}
}

// CheckSynsets reports every pattern that names a synset d does not define,
// once per synset and pattern line. Call it after every file is loaded:
// synsets may be defined in a file read after the patterns that use them.
func CheckSynsets(d *dict.Dictionary, diags *dict.Diagnostics) {
	for _, v := range d.Verbs {
		for _, p := range v.Patterns {
			done := map[string]bool{}
			for _, el := range append(append([]dict.Elem(nil), p.Pre...), p.Post...) {
				if el.Kind != dict.ElemSynset || done[el.Synset] {
					continue
				}
				done[el.Synset] = true
				if _, ok := d.Synsets[el.Synset]; !ok {
					report(diags, p.Rule.File, p.Rule.Line, "unknown synset &"+el.Synset+" in "+quote(p.Rule.Text))
				}
			}
		}
	}
}

// Plural returns the regular English plural of a noun: -es after s, x, z,
// ch and sh; -ies after a consonant and y; -s otherwise.
func Plural(w string) string { return ThirdPerson(w) }

// ThirdPerson returns the third-person singular present of a regular verb:
// -es after s, x, z, ch, sh and a consonant plus o (vetoes); -ies after a
// consonant and y (denies); -s otherwise.
func ThirdPerson(w string) string {
	switch {
	case hasAnySuffix(w, "s", "x", "z", "ch", "sh"):
		return w + "es"
	case consonantBefore(w, 'y'):
		return w[:len(w)-1] + "ies"
	case consonantBefore(w, 'o'):
		return w + "es"
	}
	return w + "s"
}

// Past returns the regular past (and past participle) of a verb: -d after
// e (agreed), -ied after a consonant and y (denied), a doubled final
// consonant for one-syllable consonant-vowel-consonant words not ending in
// w, x or y (stopped, planned; but visited, opened), and -ed otherwise.
func Past(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case consonantBefore(w, 'y'):
		return w[:len(w)-1] + "ied"
	case doublesFinal(w):
		return w + w[len(w)-1:] + "ed"
	}
	return w + "ed"
}

// PresentParticiple returns the -ing form of a regular verb: -ie becomes
// -ying (dying), a silent final e is dropped (making; but seeing, agreeing,
// dyeing, hoeing), the final consonant is doubled as in Past (stopping),
// and -ing is added otherwise.
func PresentParticiple(w string) string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "e") && len(w) > 2 && !hasAnySuffix(w, "ee", "ye", "oe"):
		return w[:len(w)-1] + "ing"
	case doublesFinal(w):
		return w + w[len(w)-1:] + "ing"
	}
	return w + "ing"
}

func hasAnySuffix(w string, s ...string) bool {
	for _, x := range s {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// consonantBefore reports whether w ends in a consonant followed by last.
func consonantBefore(w string, last byte) bool {
	n := len(w)
	return n >= 2 && w[n-1] == last && !isVowel(w, n-2)
}

// isVowel reports whether w[i] is a vowel letter (a u after q is not).
func isVowel(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return !(w[i] == 'u' && i > 0 && w[i-1] == 'q')
	}
	return false
}

// doublesFinal reports whether w is a one-syllable consonant-vowel-consonant
// word whose final consonant doubles before -ed and -ing (stop, plan, ban).
// Longer words with a stressed last syllable (admit, expel, kidnap) are
// listed in the dictionary instead.
func doublesFinal(w string) bool {
	n := len(w)
	if n < 3 || strings.ContainsRune("wxy", rune(w[n-1])) {
		return false
	}
	if isVowel(w, n-1) || !isVowel(w, n-2) || isVowel(w, n-3) {
		return false
	}
	groups, in := 0, false
	for i := 0; i < n; i++ {
		v := isVowel(w, i)
		if v && !in {
			groups++
		}
		in = v
	}
	return groups == 1
}
