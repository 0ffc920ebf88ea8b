// Package text splits article text into sentences and sentences into
// tokens, keeping byte offsets into the article throughout.
//
// Both stages are hand-written scanners over the input string: no regular
// expressions, no copies of the text, and no allocation beyond growing the
// caller's slice, so a pipeline that reuses its buffers tokenises in steady
// state without allocating. All functions accept any input, including
// invalid UTF-8, without panicking, and every offset they return lies
// inside the text. The rules are described in docs/TEXT.md.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a Token.
type Kind uint8

// Token kinds.
const (
	Word       Kind = iota + 1 // letters/digits, incl. internal hyphens/apostrophes and abbreviation periods: "al-Qaeda", "U.S.", "Gen.", "o'clock"
	Number                     // "1,750", "11.8", "2021", "10", the "50" of "$50"
	Punct                      // , ; : ( ) [ ] . ? ! — – - … / & etc., one token each; a run of "..." or "--" is one token
	Quote                      // " “ ” ‘ and ’ or ' used as a quote mark rather than an apostrophe; see Open and Close
	Possessive                 // "'s", "’s", or a bare "'" after a plural ("countries'"), split from the word before
	Symbol                     // anything else: $, %, emoji, invalid UTF-8 bytes
)

var kindNames = [...]string{"?", "Word", "Number", "Punct", "Quote", "Possessive", "Symbol"}

// String returns the name of the kind ("Word").
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Flag is a set of properties of a Token.
type Flag uint8

// Token flags.
const (
	Cap            Flag = 1 << iota // the first letter is upper case
	AllCaps                         // all letters are upper case and there are at least 2
	Open                            // a Quote that opens a quotation
	Close                           // a Quote that closes a quotation
	NegContraction                  // the Word "n't" split from "didn't", "won't" ("wo"), "can't" ("ca")
)

// Token is one token of a sentence. Start and End are byte offsets into the
// whole article text, not into the sentence.
type Token struct {
	Start, End int
	Kind       Kind
	Flags      Flag
}

// Of returns the text of the token in text, or "" if the token does not
// lie inside text.
func (t Token) Of(text string) string {
	if t.Start < 0 || t.Start > t.End || t.End > len(text) {
		return ""
	}
	return text[t.Start:t.End]
}

// AppendNorm appends the normalised lookup form of tok to dst and returns
// it: lower-cased (Unicode-correct, with an ASCII fast path), with curly
// apostrophes ’ ‘ mapped to ', curly and angle quotes to ", the Unicode
// hyphens and en/em dashes to "-", and soft hyphens removed. Dictionaries
// are looked up by this form. Invalid UTF-8 bytes are copied unchanged.
func AppendNorm(dst []byte, tok string) []byte {
	// Fast path: most tokens are ASCII; lower-case them byte by byte
	// without decoding.
	i := 0
	for ; i < len(tok); i++ {
		c := tok[i]
		if c >= 0x80 {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	for i < len(tok) {
		c := tok[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(tok[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
			i++
			continue
		}
		i += n
		switch r {
		case lsquo, rsquo, '\u201B', '\u2032': // ‘ ’ ‛ ′
			dst = append(dst, '\'')
		case ldquo, rdquo, bdquo, '\u201F', laquo, raquo, '\u2033': // “ ” „ ‟ « » ″
			dst = append(dst, '"')
		case hyph, nbhyph, '\u2012', '\u2013', '\u2014', '\u2015', '\u2212': // ‐ ‑ ‒ – — ― −
			dst = append(dst, '-')
		case shy:
			// dropped: soft hyphens are invisible line-break hints
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
