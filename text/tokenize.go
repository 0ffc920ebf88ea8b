package text

import (
	"unicode"
	"unicode/utf8"

	"petrel"
)

// Tokenize appends the tokens of text[s.Start:s.End] to dst and returns
// it. Token offsets index into text. A span that does not lie inside text
// is clipped to it. Tokens are increasing, non-overlapping and inside the
// span; whitespace, control characters and soft hyphens between tokens are
// skipped; each invalid UTF-8 byte becomes a one-byte Symbol token.
//
// Tokenize allocates only when dst must grow, so a caller that reuses dst
// (dst[:0]) tokenises without allocating.
func Tokenize(text string, s petrel.Span, dst []Token) []Token {
	lo, hi := max(s.Start, 0), min(s.End, len(text))
	var q quoteState
	i := lo
	for i < hi {
		c := text[i]
		switch asciiClass[c] {
		case cSpace, cOther:
			i++
		case cUpper, cLower, cDigit:
			dst, i = scanWord(text, i, hi, dst)
		case cSymbol:
			dst = append(dst, Token{Start: i, End: i + 1, Kind: Symbol})
			i++
		case cPunct:
			dst, i = q.punct(text, lo, i, hi, c, dst)
		default: // cHigh
			r, size := utf8.DecodeRuneInString(text[i:hi])
			switch {
			case r == utf8.RuneError && size == 1:
				dst = append(dst, Token{Start: i, End: i + 1, Kind: Symbol})
			case spaceLen(text, i) == size || r == shy || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
				// skipped
			case isAlnum(r) && !unicode.Is(unicode.Mn, r):
				dst, i = scanWord(text, i, hi, dst)
				continue
			case r == ldquo || r == bdquo || r == '\u201F' || r == laquo || r == lsaquo:
				dst = q.append(dst, i, size, '"', Open)
			case r == rdquo || r == raquo || r == rsaquo:
				dst = q.append(dst, i, size, '"', Close)
			case r == lsquo || r == '\u201B':
				dst = q.append(dst, i, size, '\'', Open)
			case r == rsquo:
				var n int
				dst, n = q.apostrophe(text, lo, i, hi, size, dst)
				i += n
				continue
			case unicode.IsPunct(r):
				dst = append(dst, Token{Start: i, End: i + size, Kind: Punct})
			default:
				dst = append(dst, Token{Start: i, End: i + size, Kind: Symbol})
			}
			i += size
		}
	}
	return dst
}

// quoteState tracks open quotations within one span, to tell an opening
// straight quote from a closing one, and a plural possessive "countries'"
// from the end of a 'single-quoted' phrase.
type quoteState struct {
	double, single bool
}

// append appends a Quote token of size bytes at i with direction dir, and
// records the quotation as open or closed. kind is the byte of a double (") or a
// single (') quote.
func (q *quoteState) append(dst []Token, i, size int, kind byte, dir Flag) []Token {
	open := dir == Open
	if kind == '"' {
		q.double = open
	} else {
		q.single = open
	}
	return append(dst, Token{Start: i, End: i + size, Kind: Quote, Flags: dir})
}

// punct handles the ASCII punctuation byte c at text[i] and returns the
// index after the token(s) it appended.
func (q *quoteState) punct(text string, lo, i, hi int, c byte, dst []Token) ([]Token, int) {
	switch c {
	case '.', '-': // a run of "..." or "--" is one token
		j := i + 1
		for j < hi && text[j] == c {
			j++
		}
		return append(dst, Token{Start: i, End: j, Kind: Punct}), j
	case '"':
		return q.append(dst, i, 1, '"', q.direction(text, lo, i, hi, 1, q.double)), i + 1
	case '`':
		return q.append(dst, i, 1, '\'', Open), i + 1
	case '\'':
		dst, n := q.apostrophe(text, lo, i, hi, 1, dst)
		return dst, i + n
	}
	return append(dst, Token{Start: i, End: i + 1, Kind: Punct}), i + 1
}

// direction decides whether the straight quote of size bytes at text[i]
// opens or closes a quotation: a quote after a space (or at the start, or
// after an opening bracket or dash) and before a word opens; one after a
// word or punctuation and before a space or punctuation closes; anything
// else toggles the open state.
func (q *quoteState) direction(text string, lo, i, hi, size int, isOpen bool) Flag {
	before := true // a space, the span start, or an opener precedes
	if i > lo && spaceLenBefore(text, i) == 0 {
		rb, _ := runeBefore(text, lo, i)
		before = isOpener(rb) || rb == '-' || rb == '\u2013' || rb == '\u2014'
	}
	after := true // a space, the span end, or punctuation follows
	if j := i + size; j < hi && spaceLen(text, j) == 0 {
		ra, _ := runeAt(text, j, hi)
		after = !isAlnum(ra) && !isOpener(ra) && ra != '$'
	}
	switch {
	case before && !after:
		return Open
	case after && !before:
		return Close
	case isOpen:
		return Close
	}
	return Open
}

// apostrophe handles a straight or curly apostrophe of size bytes at
// text[i] that the word scanner did not absorb: a possessive after a plural
// or an abbreviation ("countries'", "U.S.'s"), or a single quote mark. It
// returns the number of bytes consumed.
func (q *quoteState) apostrophe(text string, lo, i, hi, size int, dst []Token) ([]Token, int) {
	glued := i > lo && spaceLenBefore(text, i) == 0
	var rb rune
	if glued {
		rb, _ = runeBefore(text, lo, i)
		glued = !isOpener(rb)
	}
	j := i + size
	if glued {
		// "U.S.'s", "1980's", "Yahoo!'s"
		if j < hi && (text[j] == 's' || text[j] == 'S') && (j+1 >= hi || !alnumAt(text, j+1, hi)) {
			return append(dst, Token{Start: i, End: j + 1, Kind: Possessive}), j + 1 - i
		}
		// "countries'": a plural possessive unless a single quote is open.
		if (rb == 's' || rb == 'S') && !q.single && (j >= hi || !alnumAt(text, j, hi)) {
			return append(dst, Token{Start: i, End: j, Kind: Possessive}), size
		}
		return q.append(dst, i, size, '\'', Close), size
	}
	if j < hi && alnumAt(text, j, hi) {
		return q.append(dst, i, size, '\'', Open), size
	}
	return q.append(dst, i, size, '\'', q.direction(text, lo, i, hi, size, q.single)), size
}

// alnumAt reports whether a letter, digit or combining mark starts at text[i].
func alnumAt(text string, i, hi int) bool {
	if i >= hi {
		return false
	}
	if c := text[i]; c < 0x80 {
		cl := asciiClass[c]
		return cl == cUpper || cl == cLower || cl == cDigit
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return isAlnum(r)
}

// letterAt reports whether a letter starts at text[i].
func letterAt(text string, i, hi int) bool {
	if i >= hi {
		return false
	}
	if c := text[i]; c < 0x80 {
		cl := asciiClass[c]
		return cl == cUpper || cl == cLower
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return isLetter(r)
}

// scanWord scans the word or number that starts at text[i] and appends its
// token(s): one, or two when a contraction or possessive is split off. It
// returns dst and the index after the word.
func scanWord(text string, i, hi int, dst []Token) ([]Token, int) {
	start := i
	j := i
	var (
		letters, uppers, digits int
		seg                     int  // letters in the current period-separated segment
		prevLetter, prevDigit   bool // what the last consumed character was
		prevUpper               bool
		plain                   = true // only ASCII letters and abbreviation periods so far
		joined                  bool   // contains a hyphen, apostrophe or ampersand
		flags                   Flag
		sawLetter               bool
		apos, aposLen           = -1, 0 // the last internal apostrophe
	)
scan:
	for j < hi {
		c := text[j]
		if c < 0x80 {
			switch asciiClass[c] {
			case cUpper:
				if !sawLetter {
					flags |= Cap
					sawLetter = true
				}
				letters++
				uppers++
				seg++
				prevLetter, prevDigit, prevUpper = true, false, true
				j++
				continue
			case cLower:
				// Consume the whole run of lower-case letters at once: it
				// is most of the text, and the per-byte bookkeeping below
				// is the tokenizer's main cost.
				k := j + 1
				for k < hi && asciiClass[text[k]] == cLower {
					k++
				}
				sawLetter = true
				letters += k - j
				seg += k - j
				prevLetter, prevDigit, prevUpper = true, false, false
				j = k
				continue
			case cDigit:
				digits++
				plain = false
				prevLetter, prevDigit, prevUpper = false, true, false
				j++
				continue
			}
			switch c {
			case '-': // "al-Qaeda", "two-decades-long", "mid-August"
				if alnumAt(text, j+1, hi) {
					joined, plain = true, false
					prevLetter, prevDigit, prevUpper = false, false, false
					j++
					continue
				}
			case '\'': // "didn't", "o'clock", "Taliban's"
				if prevLetter && letterAt(text, j+1, hi) {
					joined, plain = true, false
					apos, aposLen = j, 1
					prevLetter, prevDigit, prevUpper = false, false, false
					j++
					continue
				}
			case '.':
				if prevDigit && j+1 < hi && asciiClass[text[j+1]] == cDigit { // "11.8"
					prevDigit = false
					j++
					continue
				}
				// "U.S.", "a.m.", "e.g.", "Ph.D.": a short segment, a
				// letter, and another period.
				if prevLetter && seg <= 2 && j+2 < hi && letterAt(text, j+1, hi) &&
					asciiClass[text[j+1]] != cHigh && text[j+2] == '.' {
					seg = 0
					prevLetter, prevDigit, prevUpper = false, false, false
					j++
					continue
				}
			case ',': // "1,750" but not "1990,1991" or "5,"
				if prevDigit && j+3 < hi && asciiClass[text[j+1]] == cDigit &&
					asciiClass[text[j+2]] == cDigit && asciiClass[text[j+3]] == cDigit &&
					(j+4 >= hi || asciiClass[text[j+4]] != cDigit) {
					prevDigit = false
					j++
					continue
				}
			case '&': // "AT&T", "S&P"
				if prevUpper && j+1 < hi && asciiClass[text[j+1]] == cUpper {
					joined, plain = true, false
					prevLetter, prevDigit, prevUpper = false, false, false
					j++
					continue
				}
			}
			break scan
		}
		r, size := utf8.DecodeRuneInString(text[j:hi])
		switch {
		case r == utf8.RuneError && size == 1:
			break scan
		case isLetter(r):
			up := isUpper(r)
			if !sawLetter {
				sawLetter = true
				if up {
					flags |= Cap
				}
			}
			letters++
			if up {
				uppers++
			}
			seg++
			prevLetter, prevDigit, prevUpper = true, false, up
		case unicode.IsDigit(r):
			digits++
			prevLetter, prevDigit, prevUpper = false, true, false
		case unicode.Is(unicode.Mn, r):
			// a combining mark continues the previous letter
		case r == rsquo && prevLetter && letterAt(text, j+size, hi):
			joined = true
			apos, aposLen = j, size
			prevLetter, prevDigit, prevUpper = false, false, false
		case (r == hyph || r == nbhyph) && alnumAt(text, j+size, hi):
			joined = true
			prevLetter, prevDigit, prevUpper = false, false, false
		case r == shy && alnumAt(text, j+size, hi):
		default:
			break scan
		}
		plain = false
		j += size
	}
	if letters >= 2 && uppers == letters {
		flags |= AllCaps
	}
	kind := Word
	if letters == 0 && !joined && digits > 0 {
		kind = Number
	}

	// A period directly after the word belongs to it when the word is an
	// abbreviation: "Gen.", "U.S.", "W.", "No. 5".
	if plain && letters > 0 && j < hi && text[j] == '.' && (j+1 >= hi || (text[j+1] != '.' && !alnumAt(text, j+1, hi))) {
		switch abbrevClass(text[start:j]) {
		case abTitle, abWeak:
			return append(dst, Token{Start: start, End: j + 1, Kind: kind, Flags: flags}), j + 1
		case abNum:
			if k, _ := skipSpace(text, j+1, hi); k < hi && asciiClass[text[k]] == cDigit {
				return append(dst, Token{Start: start, End: j + 1, Kind: kind, Flags: flags}), j + 1
			}
		}
	}

	if apos > start {
		if cut, kind2, flag2 := contraction(text, start, apos, aposLen, j); cut > start {
			dst = append(dst,
				Token{Start: start, End: cut, Kind: Word, Flags: capFlags(text[start:cut])},
				Token{Start: cut, End: j, Kind: kind2, Flags: flag2 | capFlags(text[cut:j])&AllCaps})
			return dst, j
		}
	}
	return append(dst, Token{Start: start, End: j, Kind: kind, Flags: flags}), j
}

// contraction decides whether the word text[start:end], whose last
// apostrophe (aposLen bytes) is at apos, ends in a clitic to split off in
// Penn Treebank style. It returns where to cut (or start for no split), and
// the kind and flags of the clitic token.
func contraction(text string, start, apos, aposLen, end int) (int, Kind, Flag) {
	suffix := text[apos+aposLen : end]
	switch {
	case eqFold(suffix, "t"):
		// "didn't" → "did" + "n't"; "won't" → "wo" + "n't"; "can't" → "ca" + "n't"
		if apos-1 > start && (text[apos-1] == 'n' || text[apos-1] == 'N') {
			return apos - 1, Word, NegContraction
		}
	case eqFold(suffix, "s"):
		if isCopulaPronoun(text[start:apos]) {
			return apos, Word, 0 // "it's" → "it" + "'s" (is/has)
		}
		return apos, Possessive, 0
	case eqFold(suffix, "re"), eqFold(suffix, "ve"), eqFold(suffix, "ll"),
		eqFold(suffix, "d"), eqFold(suffix, "m"):
		return apos, Word, 0
	}
	return start, 0, 0
}

// isCopulaPronoun reports whether w, followed by "'s", is a pronoun or
// adverb whose "'s" means "is", "has" or "us" rather than a possessive.
func isCopulaPronoun(w string) bool {
	if len(w) > 5 {
		return false
	}
	var buf [5]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	switch string(buf[:len(w)]) {
	case "it", "he", "she", "that", "there", "what", "who", "here", "where", "let", "how", "this":
		return true
	}
	return false
}

// eqFold reports whether the ASCII string s equals lower, ignoring case.
func eqFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// capFlags computes the Cap and AllCaps flags of the word w.
func capFlags(w string) Flag {
	var f Flag
	letters, uppers := 0, 0
	for _, r := range w {
		if !isLetter(r) {
			continue
		}
		up := isUpper(r)
		if letters == 0 && up {
			f |= Cap
		}
		letters++
		if up {
			uppers++
		}
	}
	if letters >= 2 && uppers == letters {
		f |= AllCaps
	}
	return f
}
