package text

import "petrel"

// sentSpecial marks the bytes at which the segmenter has a decision to
// make. Everything else is skipped with one table load per byte, which is
// what makes segmentation run at memory speed on ordinary prose.
var sentSpecial = func() (t [256]bool) {
	for _, c := range []byte{'.', '?', '!', '\n', '\r', 0xE2, 0xC2} {
		t[c] = true
	}
	return t
}()

// maxParagraphLine is the sentence length in bytes beyond which any line
// break ends a sentence, so that tables and lists without punctuation do
// not produce one enormous sentence.
const maxParagraphLine = 1000

// Sentences appends the spans of the sentences of text to dst and returns
// it. Spans are trimmed of surrounding whitespace, never empty,
// non-overlapping, increasing, and lie inside text. Closing quotes and
// brackets after the terminal punctuation belong to the sentence they
// close. The rules are described in docs/TEXT.md.
func Sentences(text string, dst []petrel.Span) []petrel.Span {
	n := len(text)
	start, _ := skipSpace(text, 0, n)
	sawNL := false // the current sentence already spans a line break
	i := start
	for i < n {
		c := text[i]
		if !sentSpecial[c] {
			i++
			continue
		}
		isNL := false
		switch c {
		case '.', '?', '!':
		case '\n', '\r':
			isNL = true
		case 0xE2:
			if i+2 < n && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0xA6: // … is terminal punctuation
				case 0xA8, 0xA9: // line and paragraph separators
					isNL = true
				default:
					i++
					continue
				}
			} else {
				i++
				continue
			}
		case 0xC2:
			if i+1 < n && text[i+1] == 0x85 { // NEL
				isNL = true
			} else {
				i++
				continue
			}
		}
		if !isNL {
			end, next, ok := terminal(text, start, i)
			if ok {
				dst = append(dst, petrel.Span{Start: start, End: end})
				start, sawNL = next, false
			}
			i = next
			continue
		}
		sp, nl := skipSpace(text, i, n)
		if sp >= n {
			i = n
			break
		}
		end := trimRight(text, start, i)
		if nl >= 2 || i-start > maxParagraphLine || (!sawNL && heading(text, start, end, sp)) {
			if end > start {
				dst = append(dst, petrel.Span{Start: start, End: end})
			}
			start, sawNL = sp, false
		} else if nl > 0 {
			sawNL = true
		}
		if sp == i { // a lone "\r" or stray byte we do not treat as space
			sp++
		}
		i = sp
	}
	if start < n {
		if end := trimRight(text, start, n); end > start {
			dst = append(dst, petrel.Span{Start: start, End: end})
		}
	}
	return dst
}

// terminal decides whether the terminal punctuation at text[i] ends the
// sentence that began at start. It returns the end of the sentence (after
// the run of terminal punctuation and any closing quotes or brackets), the
// index at which scanning resumes (the start of the next sentence when ok),
// and whether the sentence ends.
func terminal(text string, start, i int) (end, next int, ok bool) {
	n := len(text)
	j := i
	dots, other := 0, 0
	for j < n {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
			continue
		case c == '?' || c == '!':
			other++
			j++
			continue
		case c == 0xE2 && j+2 < n && text[j+1] == 0x80 && text[j+2] == 0xA6:
			other++
			j += 3
			continue
		}
		break
	}
	closed := false
	for j < n {
		r, size := runeAt(text, j, n)
		if !isCloser(r) {
			break
		}
		closed = true
		j += size
	}
	if j >= n {
		return j, n, true
	}
	sp, nl := skipSpace(text, j, n)
	if sp == j {
		return j, j, false // "5.93", "U.S.-led", "Yahoo!'s"
	}
	if sp >= n {
		return j, n, true
	}
	if nl >= 2 {
		return j, sp, true
	}
	r, _ := runeAt(text, sp, n)
	if isLower(r) {
		return j, sp, false
	}
	single := dots == 1 && other == 0 && !closed
	if nl > 0 {
		// Terminal punctuation at the end of a line ends the sentence
		// whatever comes next ("<Rand Mines Ltd> said"), unless it is a
		// title that was wrapped away from its name.
		if single && abbrevClass(wordBefore(text, start, i)) == abTitle {
			return j, sp, false
		}
		return j, sp, true
	}
	switch {
	case isUpper(r), isOpener(r):
	case r < 0x80 && asciiClass[r] == cDigit:
	case r == '$' || r == '\u00A3' || r == '\u20AC' || r == '\u00A5': // $ £ € ¥
	case r >= 0x80 && isLetter(r): // scripts without case
	default:
		return j, sp, false
	}
	if closed && other > 0 && speechFollows(text, sp) {
		return j, sp, false // “Why?” Lavrov asked.
	}
	if single {
		switch abbrevClass(wordBefore(text, start, i)) {
		case abTitle:
			return j, sp, false
		case abNum:
			if r < 0x80 && asciiClass[r] == cDigit {
				return j, sp, false
			}
		case abWeak:
			if !isOpener(r) && !starterAt(text, sp) {
				return j, sp, false
			}
		}
	}
	return j, sp, true
}

// wordBefore returns the run of ASCII letters and periods that ends at
// text[i] (a period), or "" when that run is glued to a digit or a
// non-ASCII letter and so cannot be an abbreviation.
func wordBefore(text string, lo, i int) string {
	k := i
	for k > lo {
		c := text[k-1]
		if cl := asciiClass[c]; cl == cUpper || cl == cLower || c == '.' {
			k--
			continue
		}
		if cl := asciiClass[c]; cl == cDigit {
			return ""
		}
		if c >= 0x80 {
			if r, _ := runeBefore(text, lo, k); isLetter(r) {
				return ""
			}
		}
		break
	}
	for k < i && text[k] == '.' {
		k++
	}
	return text[k:i]
}

// starterAt reports whether the word at text[i] is one of the capitalised
// function words that typically begin a sentence.
func starterAt(text string, i int) bool {
	j := i
	for j < len(text) && j-i <= maxStarter {
		if cl := asciiClass[text[j]]; cl != cUpper && cl != cLower {
			break
		}
		j++
	}
	if j == i || j-i > maxStarter {
		return false
	}
	if j < len(text) && text[j] == '\'' {
		return false // "It's" is fine, but keep the rule simple
	}
	return starters[text[i:j]]
}

// speechVerbs are the verbs of attribution that may follow a closing quote
// inside a sentence: “Why?” Lavrov asked.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "tells": true,
	"added": true, "adds": true, "replied": true, "wrote": true, "writes": true,
	"shouted": true, "declared": true, "insisted": true, "stressed": true, "noted": true,
}

// speechFollows reports whether text at i reads as one to three
// capitalised words, the first not a sentence starter such as "He",
// followed by a verb of attribution.
func speechFollows(text string, i int) bool {
	if starterAt(text, i) {
		return false
	}
	n := len(text)
	for w := 0; w < 4 && i < n; w++ {
		j := i
		for j < n && j-i < 12 {
			if cl := asciiClass[text[j]]; cl != cUpper && cl != cLower && text[j] != '.' && text[j] != '-' {
				break
			}
			j++
		}
		if j == i {
			return false
		}
		if asciiClass[text[i]] == cLower {
			w := text[i:j]
			for len(w) > 0 && (w[len(w)-1] == '.' || w[len(w)-1] == '-') {
				w = w[:len(w)-1]
			}
			return speechVerbs[w]
		}
		if j < n && text[j] == ',' {
			return false
		}
		if j >= n || text[j] != ' ' {
			return false
		}
		i = j + 1
	}
	return false
}

// heading reports whether the line text[start:end], which is the whole
// sentence so far and ends at a single line break, looks like a heading or
// dateline rather than a wrapped line: it does not end in a comma or a
// function word, has fewer than 12 words, and the next line (at next)
// starts with a capital letter or digit.
func heading(text string, start, end, next int) bool {
	if end <= start {
		return false
	}
	r, _ := runeAt(text, next, len(text))
	if !isUpper(r) && !(r < 0x80 && asciiClass[r] == cDigit) {
		return false
	}
	// A line ending in a comma or an open bracket continues; one ending
	// in a colon or dash introduces what follows ("were as follows:",
	// table rows ending in "--").
	last, _ := runeBefore(text, start, end)
	if !isAlnum(last) && last != ')' && last != ']' && last != ':' && last != '-' {
		return false
	}
	words := 0
	inWord := false
	lastWord := end
	for k := start; k < end; k++ {
		sp := asciiClass[text[k]] == cSpace || spaceLen(text, k) > 0
		if !sp && !inWord {
			words++
			if words >= 12 {
				return false
			}
			lastWord = k
		}
		inWord = !sp
	}
	switch text[lastWord:end] {
	case "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by",
		"from", "as", "that", "but", "said", "says", "is", "was", "were", "are", "will",
		"would", "has", "have", "had", "not", "its", "their", "his", "her", "which", "who":
		return false
	}
	return true
}
