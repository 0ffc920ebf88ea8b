// Command petrel-lexicon builds the word-class lexicon that petrel's tagger
// and parser read as features, from the WordNet 3.0 database (Princeton
// University; Debian's wordnet-base package installs it in
// /usr/share/wordnet). For each word WordNet lists, and each regular or
// listed inflection of it, the lexicon holds the lower-cased word's hash and
// a set of bits: noun (written in lower case, or capitalised as a name),
// verb, adjective, adverb, plural noun, verb in -s, in -ed or irregular
// past, in -ing, comparative or superlative adjective; and its semantic
// classes: the lexicographer file of its commonest noun sense (noun.person,
// noun.time ...) and verb sense (verb.communication ...), and which groups
// of WordNet's 35 generic sentence frames its commonest verb senses take
// (an object, two objects, a to-infinitive, a that-clause, an -ing form ...;
// parse.SemIntrans ... parse.SemIng). It writes parse/model/wordnet,
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
	"sort"
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
	sem, err := semantics(*dir)
	if err != nil {
		return err
	}
	words := make([]string, 0, len(lemmas))
	for w := range lemmas {
		words = append(words, w)
	}
	sort.Strings(words)
	// the lemmas' own semantic classes first, so a form that is also a
	// lemma ("saw") keeps its own noun and verb files
	for _, w := range words {
		if s := sem[w]; s != 0 {
			lx.AddSem(w, s)
		}
	}
	for _, w := range words {
		b := lemmas[w]
		lx.Add(w, b)
		s := sem[w]
		addSem := func(forms ...string) {
			if s != 0 {
				for _, f := range forms {
					lx.AddSem(f, s)
				}
			}
		}
		if b&(parse.LexNoun|parse.LexName) != 0 {
			lx.Add(sForm(w), parse.LexPlural)
			addSem(sForm(w))
		}
		if b&parse.LexVerb != 0 {
			lx.Add(sForm(w), parse.LexVerbS)
			addSem(sForm(w))
			for _, f := range edForms(w) {
				lx.Add(f, parse.LexVerbEd)
				addSem(f)
			}
			for _, f := range ingForms(w) {
				lx.Add(f, parse.LexVerbIng)
				addSem(f)
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
				for _, base := range f[1:] {
					if s := sem[base]; s != 0 {
						lx.AddSem(f[0], s)
					}
				}
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

// frameGroup maps WordNet's generic verb frames (1–35) to the frame
// groups of parse.SemIntrans ... parse.SemIng.
var frameGroup = [36]uint32{
	1: parse.SemIntrans, 2: parse.SemIntrans, 3: parse.SemIntrans, 4: parse.SemIntrans | parse.SemPP,
	5: parse.SemPred, 6: parse.SemPred, 7: parse.SemPred,
	8: parse.SemTrans, 9: parse.SemTrans, 10: parse.SemTrans, 11: parse.SemTrans,
	12: parse.SemPP, 13: parse.SemPP, 14: parse.SemDitrans,
	15: parse.SemObjPP, 16: parse.SemObjPP, 17: parse.SemObjPP, 18: parse.SemObjPP,
	19: parse.SemObjPP, 20: parse.SemObjPP, 21: parse.SemObjPP, 22: parse.SemPP,
	23: parse.SemIntrans, 24: parse.SemObjInf, 25: parse.SemObjInf, 26: parse.SemThat,
	27: parse.SemPP, 28: parse.SemInf, 29: parse.SemInf, 30: parse.SemObjInf,
	31: parse.SemObjPP, 32: parse.SemInf, 33: parse.SemIng, 34: parse.SemThat, 35: parse.SemInf,
}

// frameSenses is how many of a verb's commonest senses give its frame
// groups (fewer where WordNet's concordance tagged fewer, but at least one).
const frameSenses = 3

// semantics reads WordNet's noun and verb index and data files and returns
// each single-word lemma's semantic classes: the lexicographer file of its
// commonest noun and verb sense, and the frame groups of its commonest verb
// senses.
func semantics(dir string) (map[string]uint32, error) {
	type synset struct {
		lexFile int
		frames  map[int]uint32 // word number (0: all words) → frame groups
		words   []string
	}
	sem := map[string]uint32{}
	for _, pos := range []string{"noun", "verb"} {
		synsets := map[string]*synset{}
		err := eachLine(filepath.Join(dir, "data."+pos), func(f []string) {
			if len(f) < 4 {
				return
			}
			lf, err1 := strconv.Atoi(f[1])
			wc, err2 := strconv.ParseUint(f[3], 16, 32)
			if err1 != nil || err2 != nil {
				return
			}
			s := &synset{lexFile: lf, frames: map[int]uint32{}}
			i := 4
			for k := 0; k < int(wc) && i+1 < len(f); k++ {
				s.words = append(s.words, strings.ToLower(f[i]))
				i += 2
			}
			if i >= len(f) {
				return
			}
			pc, err := strconv.Atoi(f[i])
			if err != nil {
				return
			}
			i += 1 + 4*pc
			if pos == "verb" && i < len(f) {
				fc, err := strconv.Atoi(f[i])
				if err == nil {
					i++
					for k := 0; k < fc && i+2 < len(f); k++ {
						fn, e1 := strconv.Atoi(f[i+1])
						wn, e2 := strconv.ParseUint(f[i+2], 16, 32)
						if f[i] == "+" && e1 == nil && e2 == nil && fn > 0 && fn < len(frameGroup) {
							s.frames[int(wn)] |= frameGroup[fn]
						}
						i += 3
					}
				}
			}
			synsets[f[0]] = s
		})
		if err != nil {
			return nil, err
		}
		err = eachLine(filepath.Join(dir, "index."+pos), func(f []string) {
			if len(f) < 6 || strings.ContainsRune(f[0], '_') {
				return
			}
			nsyn, err1 := strconv.Atoi(f[2])
			tagged, err2 := strconv.Atoi(f[len(f)-nsyn-1])
			if err1 != nil || err2 != nil || nsyn < 1 || len(f) < nsyn+6 {
				return
			}
			offs := f[len(f)-nsyn:]
			first, ok := synsets[offs[0]]
			if !ok {
				return
			}
			w := f[0]
			var v uint32
			if pos == "noun" {
				v = uint32(first.lexFile) & parse.SemNounMask
			} else {
				v = uint32(first.lexFile-28) << 5 & parse.SemVerbMask
				senses := min(max(tagged, 1), frameSenses, len(offs))
				for _, off := range offs[:senses] {
					s := synsets[off]
					if s == nil {
						continue
					}
					v |= s.frames[0]
					for k, sw := range s.words {
						if sw == w {
							v |= s.frames[k+1]
						}
					}
				}
			}
			sem[w] |= v
		})
		if err != nil {
			return nil, err
		}
	}
	return sem, nil
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
