// Command petrel-lexicon builds the word-class lexicon that petrel's tagger
// reads as features, from the WordNet 3.0 database (Princeton University;
// Debian's wordnet-base package installs it in /usr/share/wordnet). For each
// word WordNet lists, and each regular or listed inflection of it, the
// lexicon holds the lower-cased word's hash and a set of bits: noun
// (written in lower case, or capitalised as a name), verb, adjective,
// adverb, plural noun, verb in -s, in -ed or irregular past, in -ing,
// comparative or superlative adjective. It writes parse/model/wordnet,
// which the parse package embeds; run it before cmd/petrel-train.
//
//	go run ./cmd/petrel-lexicon          # rebuild parse/model/wordnet
//
// The output is deterministic. It holds hashes and bits, no text.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"petrel/parse"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "petrel-lexicon:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("petrel-lexicon", flag.ContinueOnError)
	dir := fs.String("wordnet", "/usr/share/wordnet", "directory of the WordNet 3.0 database (data.noun, verb.exc, ...)")
	out := fs.String("o", "parse/model/wordnet", "lexicon file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lx := parse.NewLexicon()
	lemmas := map[string]uint32{}
	for _, p := range []struct {
		file string
		bit  uint32
	}{{"data.noun", parse.LexNoun}, {"data.verb", parse.LexVerb}, {"data.adj", parse.LexAdj}, {"data.adv", parse.LexAdv}} {
		err := eachLine(filepath.Join(*dir, p.file), func(f []string) {
			if len(f) < 4 || strings.HasPrefix(f[0], " ") {
				return
			}
			n, err := strconv.ParseUint(f[3], 16, 32)
			if err != nil {
				return
			}
			for i := 0; i < int(n) && 4+2*i < len(f); i++ {
				w := f[4+2*i]
				if k := strings.IndexByte(w, '('); k > 0 { // adjective markers: "galore(ip)"
					w = w[:k]
				}
				if strings.ContainsRune(w, '_') {
					continue
				}
				bit := p.bit
				if bit == parse.LexNoun && unicode.IsUpper(rune(w[0])) {
					bit = parse.LexName
				}
				lemmas[strings.ToLower(w)] |= bit
			}
		})
		if err != nil {
			return err
		}
	}
	for w, b := range lemmas {
		lx.Add(w, b)
		if b&(parse.LexNoun|parse.LexName) != 0 {
			lx.Add(sForm(w), parse.LexPlural)
		}
		if b&parse.LexVerb != 0 {
			lx.Add(sForm(w), parse.LexVerbS)
			for _, f := range edForms(w) {
				lx.Add(f, parse.LexVerbEd)
			}
			for _, f := range ingForms(w) {
				lx.Add(f, parse.LexVerbIng)
			}
		}
		if b&parse.LexAdj != 0 {
			for _, f := range erForms(w) {
				lx.Add(f, parse.LexAdjEr)
			}
		}
	}
	for _, p := range []struct {
		file string
		bit  uint32
	}{{"noun.exc", parse.LexPlural}, {"verb.exc", parse.LexVerbEd}, {"adj.exc", parse.LexAdjEr}} {
		err := eachLine(filepath.Join(*dir, p.file), func(f []string) {
			if len(f) >= 2 && !strings.ContainsRune(f[0], '_') {
				lx.Add(f[0], p.bit)
			}
		})
		if err != nil {
			return err
		}
	}
	data := lx.Bytes()
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d lemmas, %d forms; wrote %s (%d bytes)\n", len(lemmas), lx.Len(), *out, len(data))
	return nil
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		fn(strings.Fields(line))
	}
	return sc.Err()
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// sForm is the regular plural of a noun or third person of a verb.
func sForm(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// doubled is w with its last consonant doubled ("stop" → "stopp"), or ""
// where that cannot happen.
func doubled(w string) string {
	n := len(w)
	if n >= 3 && !isVowel(w[n-1]) && strings.IndexByte("wxy", w[n-1]) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3]) {
		return w + w[n-1:]
	}
	return ""
}

func edForms(w string) []string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ied"}
	}
	f := []string{w + "ed"}
	if d := doubled(w); d != "" {
		f = append(f, d+"ed")
	}
	return f
}

func ingForms(w string) []string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ie"):
		return []string{w[:n-2] + "ying"}
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe"):
		return []string{w[:n-1] + "ing", w + "ing"}
	}
	f := []string{w + "ing"}
	if d := doubled(w); d != "" {
		f = append(f, d+"ing")
	}
	return f
}

func erForms(w string) []string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "r", w + "st"}
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ier", w[:n-1] + "iest"}
	}
	f := []string{w + "er", w + "est"}
	if d := doubled(w); d != "" {
		f = append(f, d+"er", d+"est")
	}
	return f
}
