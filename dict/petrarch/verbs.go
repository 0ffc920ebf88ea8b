package petrarch

import (
	"io"
	"strings"

	"petrel/dict"
)

// ReadVerbs reads a PETRARCH verb dictionary (PETR.Validate.verbs.txt,
// CAMEO.2.0.txt) from r into d: synsets into d.Synsets (keyed by the label
// upper-cased, without "&" or a trailing "_"), verb blocks into d.Verbs.
//
// A block "--- NAME [CODE] ---" gives its verbs a default code ("---" when
// absent); a member line may carry its own code, and members are grouped
// into one dict.Verb per distinct code, all sharing the block's patterns.
// Synsets may contain other synsets ("+&TIETYPES"); they are expanded after
// the whole file is read, and a pattern that names a synset defined
// nowhere is reported and dropped, as PETRARCH drops it. See the package
// doc for the word and pattern semantics.
//
// file names r in diagnostics and dict.Source values. The error is
// non-nil only when r fails.
func ReadVerbs(d *dict.Dictionary, file string, r io.Reader, diags *dict.Diagnostics) error {
	if d.Synsets == nil {
		d.Synsets = map[string][]dict.Phrase{}
	}
	vr := &verbReader{d: d, file: file, diags: diags, raw: map[string][]synMember{}}
	lr := newLineReader(file, r, diags)
	lr.semicolon = true // "RIP {RIPPING RIPS RIPPED};shan 7/11/93"
	for {
		line, n, ok := lr.next()
		if !ok {
			break
		}
		vr.line(line, n)
	}
	if err := lr.err(); err != nil {
		return err
	}
	vr.finish()
	return nil
}

// synMember is one "+" line of a synset before expansion.
type synMember struct {
	text     string // the member as written, without "+"
	ref      string // an embedded synset's label, when the member is "&NAME"
	noPlural bool
	line     int
}

// verbMember is one verb line of a block.
type verbMember struct {
	forms []dict.Phrase
	lemma string
	code  string
	line  int
	text  string
}

// block is one "--- NAME [CODE] ---" block while it is read.
type block struct {
	name     string
	code     string
	line     int
	text     string
	members  []verbMember
	patterns []*dict.Pattern
}

type verbReader struct {
	d     *dict.Dictionary
	file  string
	diags *dict.Diagnostics

	raw      map[string][]synMember // synsets of this file, unexpanded
	synOrder []string
	synLines map[string]int
	curSyn   string // label accepting "+" members, or ""
	synNoPl  bool

	blocks []*block
	cur    *block

	transforms    int
	transformLine int
}

func (vr *verbReader) report(n int, format string, args ...any) {
	report(vr.diags, vr.file, n, format, args...)
}

func (vr *verbReader) line(line string, n int) {
	t := strings.TrimSpace(line)
	if vr.curSyn != "" {
		if strings.HasPrefix(t, "+") {
			vr.synMember(t[1:], n)
			return
		}
		vr.curSyn = ""
	}
	switch {
	case strings.HasPrefix(t, "---"):
		vr.header(t, n)
	case strings.HasPrefix(t, "-"):
		vr.pattern(t, n)
	case strings.HasPrefix(t, "&"):
		vr.synset(t, n)
	case strings.HasPrefix(t, "~"):
		// PETRARCH-2 verb transformations: counted and reported once.
		if vr.transforms == 0 {
			vr.transformLine = n
		}
		vr.transforms++
	default:
		vr.member(t, n)
	}
}

func (vr *verbReader) header(t string, n int) {
	body := strings.TrimSpace(strings.Trim(t, "-"))
	code := "---"
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body[i:], ']')
		if j < 0 {
			vr.report(n, "verb block header %q: missing ']'", t)
			body = body[:i]
		} else {
			if c := strings.TrimSpace(body[i+1 : i+j]); c != "" {
				code = c
			}
			body = body[:i]
		}
	}
	name := strings.TrimSpace(body)
	if name == "" {
		vr.report(n, "verb block header without a name")
	}
	vr.cur = &block{name: name, code: code, line: n, text: t}
	vr.blocks = append(vr.blocks, vr.cur)
}

func (vr *verbReader) synset(t string, n int) {
	label := t[1:]
	if i := strings.IndexAny(label, " \t"); i >= 0 {
		label = label[:i]
	}
	noPl := strings.HasSuffix(label, "_")
	label = strings.ToUpper(strings.TrimRight(label, "_"))
	if label == "" {
		vr.report(n, "synset without a name")
		return
	}
	if vr.synLines == nil {
		vr.synLines = map[string]int{}
	}
	if _, dup := vr.raw[label]; dup {
		vr.report(n, "synset &%s defined again (first at line %d); members added", label, vr.synLines[label])
	} else {
		vr.synOrder = append(vr.synOrder, label)
		vr.synLines[label] = n
		vr.raw[label] = nil
	}
	vr.curSyn, vr.synNoPl = label, noPl
}

func (vr *verbReader) synMember(s string, n int) {
	s = strings.TrimSpace(s)
	if s == "" {
		vr.report(n, "empty synset member")
		return
	}
	m := synMember{text: s, line: n, noPlural: vr.synNoPl || strings.HasSuffix(s, "_")}
	if strings.HasPrefix(s, "&") {
		m.ref = strings.ToUpper(strings.TrimRight(s[1:], "_"))
	}
	vr.raw[vr.curSyn] = append(vr.raw[vr.curSyn], m)
}

// member reads a verb line: WORD, WORD {FORMS}, A_+B_C {FORMS}, with an
// optional [CODE].
func (vr *verbReader) member(t string, n int) {
	if vr.cur == nil {
		vr.report(n, "verb %q outside a --- block", t)
		return
	}
	code := ""
	if i := strings.IndexByte(t, '['); i >= 0 {
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			vr.report(n, "verb %q: missing ']'", t)
			return
		}
		code = strings.TrimSpace(t[i+1 : i+j])
		if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
			vr.report(n, "verb %q: text after the code ignored", t)
		}
		t = t[:i]
	}
	base, braces, hasBraces := t, "", false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		if j < i {
			vr.report(n, "verb %q: missing '}'", t)
			return
		}
		base, braces, hasBraces = t[:i], t[i+1:j], true
		if rest := strings.TrimSpace(t[j+1:]); rest != "" {
			vr.report(n, "verb %q: text after '}' ignored", t)
		}
	}
	base = strings.TrimSpace(base)
	words, vi, msg := verbWords(base)
	if msg != "" {
		vr.report(n, "verb %q: %s", base, msg)
		if len(words) == 0 {
			return
		}
	}
	m := verbMember{code: code, line: n, text: strings.TrimSpace(t)}
	m.forms = append(m.forms, wordsPhrase(words))
	m.lemma = strings.Join(words, " ")
	if hasBraces {
		// Forms are separated by blanks, and in CAMEO.2.0.txt sometimes by
		// commas ("{+CRACKED_DOWN , +CRACKS_DOWN}"): a comma is no form.
		for _, f := range strings.Fields(strings.ReplaceAll(braces, ",", " ")) {
			fw, _, msg := verbWords(f)
			if msg != "" && len(fw) == 0 {
				vr.report(n, "verb form %q: %s", f, msg)
				continue
			}
			m.forms = append(m.forms, wordsPhrase(fw))
		}
	} else {
		for _, f := range verbForms(words[vi]) {
			fw := append([]string(nil), words...)
			fw[vi] = f
			m.forms = append(m.forms, wordsPhrase(fw))
		}
	}
	vr.cur.members = append(vr.cur.members, m)
}

// verbWords splits a verb or multi-word verb ("+BREAK_DOWN", "RE_+ARREST")
// into lower-case words and returns the index of the verb word: the one
// marked "+", or else the first word. A "_"-joined verb without "+" is
// reported (PETRARCH-1 skips it; taking the first word keeps phrasal verbs
// such as CARRY_OUT).
func verbWords(s string) (words []string, verb int, msg string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	verb = -1
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			p = p[1:]
			if verb < 0 {
				verb = i
			}
		}
		if p == "" {
			continue
		}
		words = append(words, strings.ToLower(p))
	}
	switch {
	case len(words) == 0:
		return nil, 0, "no words"
	case len(words) != len(parts):
		return nil, 0, "stray '+'"
	case verb < 0 && len(words) > 1 && strings.ContainsRune(s, '_'):
		return words, 0, "multi-word verb has no '+' before its verb word; the first word is taken"
	case verb < 0:
		// "LASH OUT": PETRARCH-1 takes the first word as the verb.
		verb = 0
	}
	return words, verb, ""
}

func wordsPhrase(ws []string) dict.Phrase {
	p := dict.Phrase{Words: make([]dict.Word, len(ws))}
	for i, w := range ws {
		p.Words[i] = dict.Word{Text: w, Exact: true}
	}
	return p
}

func (vr *verbReader) pattern(t string, n int) {
	if vr.cur == nil {
		vr.report(n, "pattern outside a --- block")
		return
	}
	p, msg := parsePattern(t[1:])
	if msg != "" {
		vr.report(n, "pattern %q: %s", t, msg)
		return
	}
	p.Rule = source(vr.file, n, t)
	vr.cur.patterns = append(vr.cur.patterns, p)
}

// patItem is one element of a pattern while it is parsed.
type patItem struct {
	elem  dict.Elem
	verb  bool
	brace int // the "{...}" group it is in, or 0
}

// parsePattern parses the body of a pattern line, after its "-".
func parsePattern(body string) (*dict.Pattern, string) {
	lb := strings.LastIndexByte(body, '[')
	if lb < 0 {
		return nil, "no [code]"
	}
	rb := strings.IndexByte(body[lb:], ']')
	if rb < 0 {
		return nil, "missing ']' after the code"
	}
	code := strings.TrimSpace(body[lb+1 : lb+rb])
	if code == "" {
		return nil, "empty [code]"
	}
	var (
		items  []patItem
		paren  int
		braces []int // stack of open "{" group ids
		nextID int
		verbs  int
	)
	for _, chunk := range strings.Fields(spaceStars(body[:lb])) {
		for len(chunk) > 0 && (chunk[0] == '(' || chunk[0] == '{') {
			if chunk[0] == '(' {
				paren++
			} else {
				nextID++
				braces = append(braces, nextID)
			}
			chunk = chunk[1:]
		}
		closeParen, closeBrace := 0, 0
		for len(chunk) > 0 && (chunk[len(chunk)-1] == ')' || chunk[len(chunk)-1] == '}') {
			if chunk[len(chunk)-1] == ')' {
				closeParen++
			} else {
				closeBrace++
			}
			chunk = chunk[:len(chunk)-1]
		}
		brace := 0
		if len(braces) > 0 {
			brace = braces[len(braces)-1]
		}
		first := true
		for _, part := range strings.Split(chunk, "_") {
			if part == "" {
				continue
			}
			it := patItem{brace: brace}
			switch {
			case part == "*":
				it.verb = true
				verbs++
			case part == "$":
				it.elem.Kind = dict.ElemSource
			case part == "+":
				it.elem.Kind = dict.ElemTarget
			case part == "%":
				it.elem.Kind = dict.ElemCompound
			case part == "^":
				// Skip one noun phrase: without a parse, a gap.
				if len(items) > 0 {
					items[len(items)-1].elem.Next = false
				}
				first = true
				continue
			case strings.HasPrefix(part, "&"):
				name := strings.ToUpper(strings.TrimRight(part[1:], "_"))
				if name == "" {
					return nil, "'&' without a synset name"
				}
				it.elem.Kind = dict.ElemSynset
				it.elem.Synset = name
			case strings.ContainsAny(part, "(){}[]|"):
				return nil, "unexpected '" + part + "'"
			default:
				it.elem.Kind = dict.ElemWord
				it.elem.Word = dict.Word{Text: strings.ToLower(part), Exact: true}
			}
			if len(items) > 0 {
				prev := &items[len(items)-1]
				// Joined by "_" inside a chunk, or both in the same {...}.
				prev.elem.Next = !first || (brace != 0 && prev.brace == brace)
			}
			items = append(items, it)
			first = false
		}
		paren -= closeParen
		if closeBrace > len(braces) {
			return nil, "unbalanced '}'"
		}
		braces = braces[:len(braces)-closeBrace]
		if paren < 0 {
			return nil, "unbalanced ')'"
		}
	}
	if paren != 0 || len(braces) != 0 {
		return nil, "unbalanced parentheses or braces"
	}
	if verbs != 1 {
		return nil, "needs exactly one '*'"
	}
	p := &dict.Pattern{Code: code}
	for i, it := range items {
		if !it.verb {
			continue
		}
		for _, pre := range items[:i] {
			p.Pre = append(p.Pre, pre.elem)
		}
		if i+1 < len(items) && it.elem.Next {
			p.Post = append(p.Post, dict.Elem{Kind: dict.ElemVerb, Next: true})
		}
		for _, post := range items[i+1:] {
			p.Post = append(p.Post, post.elem)
		}
		break
	}
	if len(p.Post) > 0 {
		p.Post[len(p.Post)-1].Next = false
	}
	return p, ""
}

// finish expands the synsets, drops patterns naming undefined synsets and
// turns the blocks into dict.Verbs.
func (vr *verbReader) finish() {
	for _, label := range vr.synOrder {
		vr.d.Synsets[label] = vr.expand(label, map[string]bool{})
	}
	for _, b := range vr.blocks {
		pats := b.patterns[:0]
		for _, p := range b.patterns {
			if name, ok := vr.undefined(p); ok {
				report(vr.diags, vr.file, p.Rule.Line, "pattern uses undefined synset &%s; skipped", name)
				continue
			}
			pats = append(pats, p)
		}
		b.patterns = pats
		vr.flush(b)
	}
	if vr.transforms > 0 {
		vr.report(vr.transformLine, "%d PETRARCH-2 verb transformation(s) (~ lines) skipped: the dictionary model has no place for them", vr.transforms)
	}
}

// defined reports whether this file defines the synset label.
func (vr *verbReader) defined(label string) bool {
	_, ok := vr.raw[label]
	return ok
}

func (vr *verbReader) undefined(p *dict.Pattern) (string, bool) {
	for _, list := range [2][]dict.Elem{p.Pre, p.Post} {
		for _, e := range list {
			if e.Kind == dict.ElemSynset {
				if _, ok := vr.d.Synsets[e.Synset]; !ok {
					return e.Synset, true
				}
			}
		}
	}
	return "", false
}

// expand returns the phrases of a synset of this file with embedded
// synsets replaced by their phrases and plurals added.
func (vr *verbReader) expand(label string, seen map[string]bool) []dict.Phrase {
	seen[label] = true
	var out []dict.Phrase
	for _, m := range vr.raw[label] {
		if m.ref != "" {
			switch {
			case seen[m.ref]:
				report(vr.diags, vr.file, m.line, "synset &%s contains itself through &%s; member skipped", label, m.ref)
			case vr.defined(m.ref):
				out = append(out, vr.expand(m.ref, seen)...)
			case vr.d.Synsets[m.ref] != nil:
				out = append(out, vr.d.Synsets[m.ref]...)
			default:
				report(vr.diags, vr.file, m.line, "synset member &%s is not defined; skipped", m.ref)
			}
			continue
		}
		p, ok := phrase(m.text)
		if !ok {
			report(vr.diags, vr.file, m.line, "synset member %q has no words", m.text)
			continue
		}
		out = append(out, p)
		if !m.noPlural {
			pl := dict.Phrase{Words: append([]dict.Word(nil), p.Words...)}
			last := &pl.Words[len(pl.Words)-1]
			if !strings.HasSuffix(last.Text, "s") {
				last.Text = plural(last.Text)
				out = append(out, pl)
			}
		}
	}
	delete(seen, label)
	return out
}

// flush turns a block into one dict.Verb per distinct member code.
func (vr *verbReader) flush(b *block) {
	if len(b.members) == 0 {
		if len(b.patterns) > 0 {
			report(vr.diags, vr.file, b.line, "verb block %q has patterns but no verbs", b.name)
		}
		return
	}
	byCode := map[string]*dict.Verb{}
	for _, m := range b.members {
		code := m.code
		if code == "" {
			code = b.code
		}
		v := byCode[code]
		if v == nil {
			v = &dict.Verb{Lemma: m.lemma, Code: code, Patterns: b.patterns, Rule: source(vr.file, b.line, b.text)}
			if m.code != "" {
				v.Rule = source(vr.file, m.line, m.text)
			}
			byCode[code] = v
			vr.d.Verbs = append(vr.d.Verbs, v)
		}
		v.Forms = append(v.Forms, m.forms...)
	}
}

// spaceStars puts blanks around a "*" glued to a word ("*SCEPTICAL"), which
// PETRARCH-2 reads as "* SCEPTICAL"; a "*" joined with "_" is left alone.
func spaceStars(s string) string {
	if !strings.Contains(s, "*") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '*' {
			if i > 0 && s[i-1] != ' ' && s[i-1] != '_' && s[i-1] != '\t' {
				b.WriteByte(' ')
			}
			b.WriteByte(c)
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '_' && s[i+1] != '\t' {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
