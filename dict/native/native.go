// Package native reads petrel's own dictionary format (docs/DICTIONARIES.md)
// into a dict.Dictionary.
//
// The format is entry based: a header line at column 0 ("country RUS
// Russia") followed by indented "key: value; value" field lines. scan does
// the shared lexical work; actors.go and verbs.go give the entries meaning.
package native

import (
	"bytes"
	"io/fs"
	"sort"
	"strings"

	"petrel"
	"petrel/dict"
	"petrel/text"
)

// entry is one header line with the field lines under it.
type entry struct {
	file   string
	line   int
	kind   string   // first word of the header
	args   []string // the remaining words of the header
	rest   string   // the header after the kind, trimmed
	fields []field
}

// field is one indented "key: value; value" line. Lines without a colon
// (verb patterns) have an empty key and the whole line as raw.
type field struct {
	line   int
	key    string
	values []string
	raw    string
}

// report appends a file:line diagnostic.
func report(d *dict.Diagnostics, file string, line int, msg string) {
	if d != nil {
		*d = append(*d, petrel.Diagnostic{File: file, Line: line, Msg: msg})
	}
}

// stripComment removes a "#" comment: one at the start of the line or
// after whitespace.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// scan splits a file into entries. Field lines before any header are
// reported and skipped.
func scan(file string, src []byte, diags *dict.Diagnostics) []entry {
	var out []entry
	var cur *entry
	lineNo := 0
	for len(src) > 0 {
		lineNo++
		var line []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, nil
		}
		s := strings.TrimRight(stripComment(string(line)), " \t\r")
		if strings.TrimSpace(s) == "" {
			if strings.TrimSpace(string(line)) == "" {
				cur = nil // a blank line ends the entry; a comment line does not
			}
			continue
		}
		if s[0] != ' ' && s[0] != '\t' {
			words := strings.Fields(s)
			out = append(out, entry{file: file, line: lineNo, kind: words[0], args: words[1:],
				rest: strings.TrimSpace(s[len(words[0]):])})
			cur = &out[len(out)-1]
			continue
		}
		if cur == nil {
			report(diags, file, lineNo, "indented line outside an entry")
			continue
		}
		t := strings.TrimSpace(s)
		f := field{line: lineNo, raw: t}
		if k, v, ok := strings.Cut(t, ":"); ok && isKey(k) {
			f.key = strings.ToLower(k)
			for _, p := range strings.Split(v, ";") {
				if p = strings.TrimSpace(p); p != "" {
					f.values = append(f.values, p)
				}
			}
		}
		cur.fields = append(cur.fields, f)
	}
	return out
}

// isKey reports whether k looks like a field key (a single lower-case word).
func isKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c == '_') {
			return false
		}
	}
	return true
}

// Tokenize splits a dictionary phrase into the normalised tokens the coder
// compares with text tokens. It uses the text tokenizer itself, so that a
// dictionary name and the same words in an article split identically
// ("People's" → "people", "'s"; "U.S." stays one token).
func Tokenize(s string) []string {
	toks := text.Tokenize(s, petrel.Span{Start: 0, End: len(s)}, nil)
	out := make([]string, 0, len(toks))
	var buf []byte
	for _, t := range toks {
		buf = text.AppendNorm(buf[:0], t.Of(s))
		out = append(out, string(buf))
	}
	return out
}

// ParsePhrase turns a name as written in a dictionary into an exact-match
// phrase.
func ParsePhrase(s string) dict.Phrase {
	toks := Tokenize(s)
	p := dict.Phrase{Words: make([]dict.Word, len(toks))}
	for i, t := range toks {
		p.Words[i] = dict.Word{Text: t, Exact: true}
	}
	return p
}

// Load reads every .txt file under fsys, in lexical path order, whatever
// kinds of entries each holds (the built-in set is laid out as actors/,
// agents.txt, verbs/, synsets.txt, discards.txt). Malformed lines are
// appended to diags and skipped; err is only for files that cannot be read.
func Load(fsys fs.FS, diags *dict.Diagnostics) (*dict.Dictionary, error) {
	d := &dict.Dictionary{Synsets: map[string][]dict.Phrase{}}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, p := range files {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		if err := LoadFile(d, p, src, diags); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// LoadFile reads the entries of one file, src, named file in diagnostics
// and rules, into d, whatever kinds they hold. Malformed lines and unknown
// entry kinds are appended to diags and skipped; the error is always nil,
// since src is already in memory.
func LoadFile(d *dict.Dictionary, file string, src []byte, diags *dict.Diagnostics) error {
	for _, e := range scan(file, src, diags) {
		switch e.kind {
		case "country", "igo", "group", "person", "region":
			addActor(d, e, diags)
		case "agent":
			addAgent(d, e, diags)
		case "verb", "noun":
			addVerb(d, e, diags)
		case "synset":
			addSynset(d, e, diags)
		case "discard":
			addDiscard(d, e, diags)
		case "place":
			addPlace(d, e, diags)
		default:
			report(diags, e.file, e.line, "unknown entry kind "+quote(e.kind))
		}
	}
	return nil
}

// quote wraps s in double quotes for a diagnostic.
func quote(s string) string { return "\"" + s + "\"" }
