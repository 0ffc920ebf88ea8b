// Package petrarch reads the dictionary formats of PETRARCH-1, PETRARCH-2
// and (in the parts PETRARCH kept) TABARI into a dict.Dictionary: verb
// files with synsets and patterns (PETR.Validate.verbs.txt, CAMEO.2.0.txt),
// actor files (Phoenix.*.actors.txt), agent files, discard lists and the
// optional issue list.
//
// Every reader appends malformed lines to a *dict.Diagnostics as
// "file:line: message" and goes on with the next line, so one bad entry
// never loses a dictionary. A nil *dict.Diagnostics discards them.
//
// # Matching semantics
//
// The readers decide how each dictionary word is to be matched, as
// PETRARCH-1 and -2 match it (PETRreader.py and petrarch.py; see the
// "TABARI vs. PETRARCH" notes in PETRARCH's documentation: "PETRARCH does
// not use word stemming"):
//
//   - Actor, agent, synset, verb and pattern words are whole words: every
//     dict.Word from these files has Exact set, whether or not it ended in
//     "_". PETRARCH compares them with ==; its docs call a trailing "_" a
//     TABARI legacy that it reads as an "open match". Inflections are not
//     left to stemming: the readers generate them (see below).
//   - Discard phrases are the one stem match PETRARCH kept: it searches the
//     upper-cased sentence for the phrase as a substring, and a phrase
//     ending in "_" must be followed by a blank or sentence punctuation. A
//     discard's words are Exact except the last, which is Exact only when
//     the phrase ended in "_".
//
// # Generated forms
//
// Verbs get -S/-ES, -ED/-D and -ING forms unless their forms are given in
// braces (then exactly those are used). PETRARCH's own rules are cruder
// (CARRY → CARRYED); these follow English spelling: consonant+Y → -IES and
// -IED, a final silent E is dropped before -ING, -ES after S, X, Z, CH and
// SH, and a final consonant after a single stressed-looking vowel gets both
// the doubled and the plain form (STOPPED and STOPED, VISITED and
// VISITTED), because the wrong one never occurs in text and so costs
// nothing. Synset members get a regular plural of their last word unless
// PETRARCH says not to ("_" at the end of the member or of the synset
// label) or the word already ends in S (PETRARCH would make DOLLARS into
// DOLLARES). Agents get a regular plural unless "{}" or "{PLURAL}" follows
// the name.
//
// # Patterns
//
// A pattern line "- PRE * POST [CODE] # comment" becomes a dict.Pattern.
// Words separated by blanks may have other tokens between them; words
// joined by "_" must be adjacent (Elem.Next on the first). A "_" between the
// last PRE element and "*" sets that element's Next. Because the model has
// no element for the verb in Post, "*_WORD" is written as a leading
// Elem{Kind: dict.ElemVerb, Next: true} in Post: a zero-width marker that
// says the verb must be immediately followed by Post[1]. It appears only in
// that case. "^" (TABARI/PETRARCH-1 "skip one noun phrase") is dropped and
// leaves a gap, which is what it means without a parse. PETRARCH-2 groups
// "(PREP NOUN ...)" and "{MODIFIER ... HEAD}" are flattened: the words of a
// "{...}" noun phrase are adjacent; a preposition and the nouns it governs
// may have other words between them ("TO BORDER" has to match "to the
// border"). Codes are kept as written ("042:043", ":173", "174K", "---").
// PETRARCH-2 verb transformations ("~ a (a b ATTACK) SAY = a b 015") have
// no place in the model; they are skipped with one diagnostic per file.
package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"petrel"
	"petrel/dict"
)

// report appends a file:line diagnostic; a nil diags discards it.
func report(diags *dict.Diagnostics, file string, line int, format string, args ...any) {
	if diags == nil {
		return
	}
	*diags = append(*diags, petrel.Diagnostic{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// lineReader yields the meaningful lines of a PETRARCH dictionary file with
// PETRARCH's comment rules applied (PETRreader.read_FIN_line): lines
// starting with "#" are skipped, "#" starts a comment anywhere on a line,
// and "<!-- ... -->" comments are removed, also across lines. Blank lines
// are skipped. Leading whitespace is kept (actor role lines are indented);
// trailing whitespace is not.
type lineReader struct {
	sc        *bufio.Scanner
	file      string
	n         int // number of the line last read, from 1
	inComment bool
	diags     *dict.Diagnostics
	// semicolon also makes ";" start a comment (KEDS/TABARI actor files).
	semicolon bool
}

func newLineReader(file string, r io.Reader, diags *dict.Diagnostics) *lineReader {
	sc := bufio.NewScanner(r)
	// Some generated dictionaries have very long lines; a line over 1 MB is
	// an error worth failing on.
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	return &lineReader{sc: sc, file: file, diags: diags}
}

// next returns the next meaningful line and its number, or ok == false at
// the end of the input.
func (lr *lineReader) next() (line string, n int, ok bool) {
	for lr.sc.Scan() {
		lr.n++
		s := lr.sc.Text()
		if lr.n == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if !utf8.ValidString(s) {
			report(lr.diags, lr.file, lr.n, "invalid UTF-8; bad bytes replaced")
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		s = lr.stripComments(s)
		if strings.TrimSpace(s) == "" {
			continue
		}
		return strings.TrimRight(s, " \t\r"), lr.n, true
	}
	if lr.inComment {
		report(lr.diags, lr.file, lr.n, "unterminated <!-- comment at end of file")
	}
	return "", lr.n, false
}

// err returns the scanner's error, wrapped with the file name.
func (lr *lineReader) err() error {
	if err := lr.sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", lr.file, err)
	}
	return nil
}

func (lr *lineReader) stripComments(s string) string {
	var b strings.Builder
	for {
		if lr.inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String()
			}
			s = s[i+3:]
			lr.inComment = false
			continue
		}
		i := strings.Index(s, "<!--")
		// A "<!" at the start of a line is a comment line in PETRARCH even
		// without the dashes.
		if i < 0 && strings.HasPrefix(strings.TrimSpace(s), "<!") {
			return b.String()
		}
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+4:]
		lr.inComment = true
	}
	out := b.String()
	if i := strings.IndexByte(out, '#'); i >= 0 {
		out = out[:i]
	}
	if lr.semicolon {
		if i := strings.IndexByte(out, ';'); i >= 0 {
			out = out[:i]
		}
	}
	return out
}

// splitWords splits a PETRARCH phrase on blanks and "_" into lower-case
// whole words (see the package doc for why every word is Exact). It
// returns nil for a phrase with no words.
func splitWords(s string) []dict.Word {
	var ws []dict.Word
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' }) {
		ws = append(ws, dict.Word{Text: strings.ToLower(f), Exact: true})
	}
	return ws
}

// phrase returns the phrase of s, or false when it has no words.
func phrase(s string) (dict.Phrase, bool) {
	ws := splitWords(s)
	return dict.Phrase{Words: ws}, len(ws) > 0
}

// display turns "VLADIMIR_PUTIN_" into "Vladimir Putin".
func display(s string) string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	for i, w := range ws {
		lw := strings.ToLower(w)
		r, size := utf8.DecodeRuneInString(lw)
		ws[i] = strings.ToUpper(string(r)) + lw[size:]
	}
	return strings.Join(ws, " ")
}

// source builds a dict.Source for a line, trimmed for explanations.
func source(file string, n int, line string) dict.Source {
	return dict.Source{File: file, Line: n, Text: strings.TrimSpace(line)}
}

// LoadFiles reads a whole PETRARCH dictionary set: one verb file, any
// number of actor files, and optional agent, discard and issue files (an
// empty name skips that file). Relative names are used as given. Malformed
// lines go to diags; an error is returned only when a file cannot be
// opened or read.
func LoadFiles(verbs string, actors []string, agents, discards, issues string, diags *dict.Diagnostics) (*dict.Dictionary, error) {
	d := &dict.Dictionary{Synsets: map[string][]dict.Phrase{}}
	type job struct {
		name string
		read func(*dict.Dictionary, string, io.Reader, *dict.Diagnostics) error
	}
	var jobs []job
	if verbs != "" {
		jobs = append(jobs, job{verbs, ReadVerbs})
	}
	for _, a := range actors {
		if a != "" {
			jobs = append(jobs, job{a, ReadActors})
		}
	}
	if agents != "" {
		jobs = append(jobs, job{agents, ReadAgents})
	}
	if discards != "" {
		jobs = append(jobs, job{discards, ReadDiscards})
	}
	if issues != "" {
		jobs = append(jobs, job{issues, ReadIssues})
	}
	for _, j := range jobs {
		if err := readFile(d, j.name, j.read, diags); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func readFile(d *dict.Dictionary, name string, read func(*dict.Dictionary, string, io.Reader, *dict.Diagnostics) error, diags *dict.Diagnostics) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open dictionary: %w", err)
	}
	defer f.Close()
	return read(d, filepath.ToSlash(name), bufio.NewReaderSize(f, 256*1024), diags)
}
