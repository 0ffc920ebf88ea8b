package petrarch

import "strings"

// Word forms. PETRARCH generates the regular forms of verbs and the
// plurals of nouns itself instead of stemming; these functions do the same
// on lower-case words, with the spelling rules described in the package
// doc.

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// isLetter reports whether c is an ASCII lower-case letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// sibilant reports whether w ends in a sound that takes -es.
func sibilant(w string) bool {
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh")
}

// consonantY reports whether w ends in a consonant followed by y.
func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && isLetter(w[n-2]) && !isVowel(w[n-2])
}

// doubles reports whether w ends consonant-vowel-consonant, so that its
// final consonant may double before -ed and -ing (stop → stopped).
func doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	return isLetter(a) && !isVowel(a) && isVowel(b) && isLetter(c) && !isVowel(c) &&
		c != 'w' && c != 'x' && c != 'y'
}

// plural returns the regular plural of a lower-case noun.
func plural(w string) string {
	switch {
	case w == "":
		return w
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case sibilant(w):
		return w + "es"
	}
	return w + "s"
}

// verbForms returns the regular inflections of a lower-case verb: the
// third person singular, the past (and participle) and the -ing form, with
// doubled-consonant variants where English might double.
func verbForms(w string) []string {
	if w == "" || !isLetter(w[len(w)-1]) {
		return nil
	}
	var out []string
	// -s
	switch {
	case consonantY(w):
		out = append(out, w[:len(w)-1]+"ies")
	case sibilant(w) || strings.HasSuffix(w, "o") && len(w) <= 3: // goes, does, vetoes are irregular enough
		out = append(out, w+"es")
	default:
		out = append(out, w+"s")
	}
	// -ed
	switch {
	case strings.HasSuffix(w, "e"):
		out = append(out, w+"d")
	case consonantY(w):
		out = append(out, w[:len(w)-1]+"ied")
	default:
		out = append(out, w+"ed")
	}
	// -ing
	switch {
	case strings.HasSuffix(w, "ie"):
		out = append(out, w[:len(w)-2]+"ying")
	case strings.HasSuffix(w, "e") && len(w) > 2 && !strings.HasSuffix(w, "ee") &&
		!strings.HasSuffix(w, "oe") && !strings.HasSuffix(w, "ye"):
		out = append(out, w[:len(w)-1]+"ing")
	default:
		out = append(out, w+"ing")
	}
	if doubles(w) {
		d := w + w[len(w)-1:]
		out = append(out, d+"ed", d+"ing")
	}
	return out
}
