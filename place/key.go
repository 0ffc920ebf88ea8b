package place

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold maps the Latin letters U+00C0–U+024F to their lower-case ASCII
// base ("Ş" → "s", "é" → "e"), so that "Sanaa", "Şanaa" and "SANAA" share
// a key. It is built once from the Unicode decompositions; the few
// letters with no decomposition (ß, æ, ø, đ, ł, ı, œ, þ) are given by hand.
var fold [0x250 - 0xC0]string

func init() {
	special := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'ł': "l", 'Ł': "l", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h"}
	for r := rune(0xC0); r < 0x250; r++ {
		if s, ok := special[r]; ok {
			fold[r-0xC0] = s
			continue
		}
		var b []byte
		for _, d := range norm.NFD.String(string(r)) {
			if d < 0x80 {
				b = append(b, byte(unicode.ToLower(d)))
			}
		}
		fold[r-0xC0] = string(b)
	}
}

// AppendKey appends the lookup key of a place name to dst: letters and
// digits lower-cased and folded to ASCII where they are accented Latin
// letters, every run of other characters (spaces, hyphens, apostrophes,
// dots) one space, no space at either end. "Mazar-i-Sharif" and
// "Mazar i Sharif" share the key "mazar i sharif"; "Sana'a" is
// "sana a". Text of other scripts keeps its letters, lower-cased.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '’' || r == '‘' || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if 0xC0 <= r && r < 0x250 && fold[r-0xC0] != "" {
			dst = append(dst, fold[r-0xC0]...)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// AppendSkeleton appends the consonant skeleton of a key (AppendKey) to
// dst: its first letter, then its consonants other than w, y and an h that
// makes no digraph (sh, ch, kh, th and zh keep theirs), with q read as k
// and doubled letters once, words run together. Spellings of one
// transliterated name often share it where their keys differ: "Shopian"
// and "Shupiyan" are both "shpn", "Ouham-Pendé" and "Ouham
// Pende" both "omnd"... It is a fallback for names the gazetteer does not
// spell as the text does, so it is only trusted with support from the
// sentence (see coder/place.go).
func AppendSkeleton(dst, key []byte) []byte {
	start := len(dst)
	var last, prev byte
	for i, c := range key {
		p := prev
		prev = c
		if c == ' ' {
			continue
		}
		if c == 'q' {
			c = 'k'
		}
		if i > 0 {
			switch c {
			case 'h':
				// An h that makes a digraph (sh, ch, kh, th, zh) changes
				// the consonant: "Shopian" is no "Saipan".
				if p == 's' || p == 'c' || p == 'k' || p == 't' || p == 'z' {
					break
				}
				continue
			case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
				continue
			}
		}
		if len(dst) > start && c == last {
			continue
		}
		dst = append(dst, c)
		last = c
	}
	return dst
}
