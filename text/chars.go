package text

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes for the ASCII fast paths. Every hot loop in this package
// looks a byte up in asciiClass before it considers decoding a rune: news
// text is overwhelmingly ASCII, and a table load is cheaper than a chain of
// comparisons or a call into package unicode.
const (
	cOther byte = iota // control characters: skipped like whitespace
	cSpace
	cUpper
	cLower
	cDigit
	cPunct
	cSymbol
	cHigh // >= 0x80: start (or continuation) of a multi-byte sequence
)

var asciiClass = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80:
			t[c] = cHigh
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = cSpace
		case 'A' <= c && c <= 'Z':
			t[c] = cUpper
		case 'a' <= c && c <= 'z':
			t[c] = cLower
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case c < 0x20 || c == 0x7f:
			t[c] = cOther
		case c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' ||
			c == '^' || c == '|' || c == '~' || c == '#' || c == '@':
			t[c] = cSymbol
		default: // ! " & ' ( ) * , - . / : ; ? [ \ ] _ ` { }
			t[c] = cPunct
		}
	}
	return t
}()

// spaceLen returns the byte length of the whitespace character at text[i],
// or 0 if there is none. Besides ASCII whitespace it recognises the Unicode
// spaces news text actually contains: NBSP, NEL, the U+2000 block including
// the zero-width space, the line and paragraph separators, U+202F, U+205F,
// U+3000, U+1680 and the byte-order mark. It compares bytes directly rather
// than decoding, since it runs on every byte of the segmenter's input.
func spaceLen(text string, i int) int {
	c := text[i]
	if c < 0x80 {
		if asciiClass[c] == cSpace {
			return 1
		}
		return 0
	}
	n := len(text) - i
	switch c {
	case 0xC2: // U+0080..U+00BF
		if n >= 2 && (text[i+1] == 0xA0 || text[i+1] == 0x85) {
			return 2
		}
	case 0xE1: // U+1680 ogham space mark
		if n >= 3 && text[i+1] == 0x9A && text[i+2] == 0x80 {
			return 3
		}
	case 0xE2:
		if n >= 3 {
			c1, c2 := text[i+1], text[i+2]
			if c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) {
				return 3 // U+2000..U+200B, U+2028, U+2029, U+202F
			}
			if c1 == 0x81 && c2 == 0x9F { // U+205F
				return 3
			}
		}
	case 0xE3: // U+3000 ideographic space
		if n >= 3 && text[i+1] == 0x80 && text[i+2] == 0x80 {
			return 3
		}
	case 0xEF: // U+FEFF byte-order mark / zero-width no-break space
		if n >= 3 && text[i+1] == 0xBB && text[i+2] == 0xBF {
			return 3
		}
	}
	return 0
}

// spaceLenBefore returns the byte length of the whitespace character that
// ends just before text[i], or 0.
func spaceLenBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if text[i-1] < 0x80 {
		if asciiClass[text[i-1]] == cSpace {
			return 1
		}
		return 0
	}
	if i >= 2 && spaceLen(text[:i], i-2) == 2 {
		return 2
	}
	if i >= 3 && spaceLen(text[:i], i-3) == 3 {
		return 3
	}
	return 0
}

// trimRight returns hi moved left past any whitespace, but not below lo.
func trimRight(text string, lo, hi int) int {
	for hi > lo {
		n := spaceLenBefore(text, hi)
		if n == 0 || hi-n < lo {
			break
		}
		hi -= n
	}
	return hi
}

// skipSpace returns the index of the first non-space byte at or after i,
// not beyond hi, and the number of line breaks it passed. "\r\n" counts as
// one line break, U+2029 (paragraph separator) as two.
func skipSpace(text string, i, hi int) (int, int) {
	nl := 0
	for i < hi {
		c := text[i]
		if c < 0x80 {
			switch asciiClass[c] {
			case cSpace:
				if c == '\n' || (c == '\r' && (i+1 >= len(text) || text[i+1] != '\n')) {
					nl++
				}
				i++
				continue
			case cOther:
				i++ // stray control characters are treated as spaces
				continue
			}
			return i, nl
		}
		n := spaceLen(text, i)
		if n == 0 || i+n > hi {
			return i, nl
		}
		if c == 0xE2 && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0xA8:
				nl++
			case 0xA9:
				nl += 2
			}
		} else if c == 0xC2 && text[i+1] == 0x85 {
			nl++
		}
		i += n
	}
	return i, nl
}

// runeAt decodes the rune at text[i], not reading at or beyond hi. An
// invalid or truncated sequence yields (utf8.RuneError, 1).
func runeAt(text string, i, hi int) (rune, int) {
	if c := text[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:hi])
}

// runeBefore decodes the rune that ends at text[i], not reading below lo.
func runeBefore(text string, lo, i int) (rune, int) {
	if i <= lo {
		return utf8.RuneError, 0
	}
	if c := text[i-1]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(text[lo:i])
}

// isAlnum reports whether r can be part of a word: a letter, a digit or a
// combining mark.
func isAlnum(r rune) bool {
	if r < 0x80 {
		c := asciiClass[r]
		return c == cUpper || c == cLower || c == cDigit
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isLetter reports whether r is a letter.
func isLetter(r rune) bool {
	if r < 0x80 {
		c := asciiClass[r]
		return c == cUpper || c == cLower
	}
	return unicode.IsLetter(r)
}

// isUpper and isLower report the case of r, with an ASCII fast path.
func isUpper(r rune) bool {
	if r < 0x80 {
		return asciiClass[r] == cUpper
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return asciiClass[r] == cLower
	}
	return unicode.IsLower(r)
}

// Quote and dash runes that need to be recognised by value.
const (
	lsquo  = '\u2018' // ‘
	rsquo  = '\u2019' // ’
	ldquo  = '\u201C' // “
	rdquo  = '\u201D' // ”
	bdquo  = '\u201E' // „
	laquo  = '\u00AB' // «
	raquo  = '\u00BB' // »
	lsaquo = '\u2039' // ‹
	rsaquo = '\u203A' // ›
	ellip  = '\u2026' // …
	hyph   = '\u2010' // ‐ hyphen
	nbhyph = '\u2011' // ‑ non-breaking hyphen
	shy    = '\u00AD' // soft hyphen
)

// isOpener reports whether r opens a quotation or bracket at the start of
// a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '`', ldquo, lsquo, bdquo, laquo, lsaquo, '¿', '¡':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket, and so belongs
// to the sentence whose terminal punctuation it follows.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', rdquo, rsquo, raquo, rsaquo:
		return true
	}
	return false
}
