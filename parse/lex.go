package parse

import (
	"unicode"
	"unicode/utf8"
)

// lex holds the hashed lexical features of one word, computed once per
// word and shared by the tagger and the parser.
type lex struct {
	form, lower      uint64 // the word as written, and lower-cased
	pre1, pre2, pre3 uint64 // its first one to three letters (lower case)
	suf1, suf2, suf3 uint64 // its last one to three letters (lower case)
	suf4             uint64 // its last four letters
	shape            uint64 // Xxxx, dd.d: character classes with runs cut at 4
	clus             uint64 // its word cluster (clusters.go)
	wn               uint64 // its classes in the word-class lexicon (lexicon.go)
	sem              uint32 // its semantic classes in the lexicon (SemNounMask ...)
}

// fnv hashes s (FNV-1a) with the seed folded in; lower case folds ASCII
// and Unicode letters while hashing, so no lower-cased copy is made.
func fnv(s string, seed uint64, lower bool) uint64 {
	h := uint64(14695981039346656037) ^ seed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if lower && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * 1099511628211
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if lower {
			r = unicode.ToLower(r)
		}
		h = (h ^ uint64(r)) * 1099511628211
		i += n
	}
	return mix(h)
}

// setLex fills l with the features of form.
func setLex(l *lex, form string) {
	l.form = fnv(form, 1, false)
	l.lower = fnv(form, 2, true)
	l.clus = clusterHash(l.lower)
	l.wn, l.sem = lexiconHash(form, l.lower)
	// prefixes and suffixes by runes
	n := utf8.RuneCountInString(form)
	p := [4]int{}
	i, k := 0, 0
	for k < 3 && i < len(form) {
		_, sz := utf8.DecodeRuneInString(form[i:])
		i += sz
		k++
		p[k] = i
	}
	for k < 3 {
		k++
		p[k] = len(form)
	}
	l.pre1 = fnv(form[:p[1]], 3, true)
	l.pre2 = fnv(form[:p[2]], 4, true)
	l.pre3 = fnv(form[:p[3]], 5, true)
	s := [5]int{len(form), len(form), len(form), len(form), len(form)}
	j := len(form)
	for k = 1; k <= 4 && k <= n; k++ {
		_, sz := utf8.DecodeLastRuneInString(form[:j])
		j -= sz
		s[k] = j
	}
	for ; k <= 4; k++ {
		s[k] = 0
	}
	l.suf1 = fnv(form[s[1]:], 6, true)
	l.suf2 = fnv(form[s[2]:], 7, true)
	l.suf3 = fnv(form[s[3]:], 8, true)
	l.suf4 = fnv(form[s[4]:], 10, true)
	// shape
	h := uint64(14695981039346656037)
	var last byte
	run := 0
	for _, r := range form {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
			c = 'x'
		case '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 4 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h = (h ^ uint64(c)) * 1099511628211
	}
	l.shape = mix(h ^ 9)
}
