package text

import "petrel"

// maxDateline bounds how far into a sentence Dateline looks for the dash
// that ends a dateline.
const maxDateline = 120

// maxPlaceWords bounds the words of a dateline's place name.
const maxPlaceWords = 5

// Dateline returns the byte offset at which the body of sentence s starts
// after a leading dateline such as "MOSCOW (Reuters) - " or
// "WASHINGTON, Oct 20 (AP) — ", or s.Start if the sentence has none.
//
// A dateline is a place name in capitals (at least three letters, or
// followed by a parenthesised agency), then optionally a comma, a date and
// a parenthesised agency, then a dash: "-" or "--" between spaces, or an
// en or em dash. Outside the parentheses every word must start with a
// capital or a digit.
func Dateline(text string, s petrel.Span) int {
	if !s.In(len(text)) {
		return s.Start
	}
	lim := min(s.End, s.Start+maxDateline)
	i := s.Start
	// The first word: all capitals.
	letters := 0
	for i < lim {
		r, size := runeAt(text, i, lim)
		if isLetter(r) {
			if !isUpper(r) {
				return s.Start
			}
			letters++
		} else if r != '.' && r != '-' && r != '\'' && r != rsquo {
			break
		}
		i += size
	}
	if letters < 2 {
		return s.Start
	}
	paren := false
	depth := 0
	// placeWords counts the words before the first comma or parenthesis:
	// a place name has few ("SANTA CRUZ DE LA SIERRA"); a headline in
	// capitals before a dash has more ("TROOPS SHOT 20 DEAD IN THE
	// CAPITAL - OPPOSITION") and is no dateline.
	placeWords, inPlace := 1, true
	for i < lim {
		c := text[i]
		switch {
		case c == '(':
			depth++
			paren = true
			inPlace = false
			i++
			continue
		case c == ')':
			if depth > 0 {
				depth--
			}
			i++
			continue
		}
		if depth > 0 {
			i++
			continue
		}
		// A dash ends the dateline.
		if dash := dashLen(text, i, lim); dash > 0 {
			spacedBefore := spaceLenBefore(text, i) > 0
			after := i + dash
			spacedAfter := after < lim && spaceLen(text, after) > 0
			unicodeDash := text[i] != '-'
			if (spacedBefore && spacedAfter) || unicodeDash {
				if letters < 3 && !paren || placeWords > maxPlaceWords {
					return s.Start
				}
				body, _ := skipSpace(text, after, s.End)
				if body >= s.End {
					return s.Start
				}
				return body
			}
			return s.Start
		}
		if n := spaceLen(text, i); n > 0 {
			i += n
			continue
		}
		if c == ',' || c == ':' {
			inPlace = false
			i++ // "WASHINGTON, Oct 20 (AP) —", "CEBU CITY: --"
			continue
		}
		// A word outside parentheses: must start with a capital or digit.
		r, size := runeAt(text, i, lim)
		if !isUpper(r) && !(r < 0x80 && asciiClass[r] == cDigit) {
			return s.Start
		}
		i += size
		if inPlace {
			placeWords++
		}
		for i < lim {
			r, size := runeAt(text, i, lim)
			if !isAlnum(r) && r != '.' && r != '\'' && r != rsquo && !(r == '-' && i+1 < lim && text[i+1] != '-' && text[i+1] != ' ') {
				break
			}
			i += size
		}
	}
	return s.Start
}

// dashLen returns the length of a dash ("-", a run of "-", "–", "—") at
// text[i], or 0.
func dashLen(text string, i, hi int) int {
	if text[i] == '-' {
		j := i
		for j < hi && text[j] == '-' {
			j++
		}
		return j - i
	}
	if i+2 < hi && text[i] == 0xE2 && text[i+1] == 0x80 && (text[i+2] == 0x93 || text[i+2] == 0x94) {
		return 3
	}
	return 0
}
