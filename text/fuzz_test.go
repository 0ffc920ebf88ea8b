package text_test

import (
	"testing"
	"unicode/utf8"

	"petrel"
	"petrel/text"
)

var fuzzSeeds = []string{
	"",
	"The talks ended. Both sides left.",
	"“We are ready,” the envoy told the meeting. “We expect results.”",
	"MOSCOW (Reuters) - Russia said on Tuesday it didn't want the U.S. to go.",
	"Mr. Smith met Gen. Ahmed at 9 a.m. on Jan. 5. The U.S. The end",
	"heading\nBody text here.\n\nNext para... “Why?” he asked!",
	"1,750 dlrs 11.8 pct $50 the countries' leaders 'quoted' o'clock al-Qaeda",
	"a\xffb\xe2\x80 c\xc3 \u00a0\u2028\u2029\u200b\ufeff\u00ad",
	"Zürich naïve Москва 北京 👍🏽 e\u0301",
	". . . ! ? … ” ) '",
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := text.Sentences(s, nil)
		checkSpans(t, s, spans)
		for _, sp := range spans {
			if d := text.Dateline(s, sp); d < sp.Start || d > sp.End {
				t.Fatalf("Dateline(%v) = %d outside span", sp, d)
			}
		}
		// A text with anything but whitespace has a sentence.
		if len(spans) == 0 {
			for _, r := range s {
				if r != utf8.RuneError && !isSpaceish(r) {
					t.Fatalf("no sentence in %q, which has %q", s, r)
				}
			}
		}
	})
}

// isSpaceish reports whether the segmenter may drop r as whitespace.
func isSpaceish(r rune) bool {
	switch r {
	case '\u00a0', '\u0085', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r <= ' ' || r == 0x7f || (r >= '\u2000' && r <= '\u200b')
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		sp := petrel.Span{Start: start, End: end}
		toks := text.Tokenize(s, sp, nil)
		checkTokens(t, s, sp, toks)
		for _, tok := range toks {
			norm := text.AppendNorm(nil, tok.Of(s))
			if utf8.ValidString(tok.Of(s)) && !utf8.Valid(norm) {
				t.Fatalf("AppendNorm(%q) = %q is not valid UTF-8", tok.Of(s), norm)
			}
		}
		// Tokenizing each sentence gives tokens inside that sentence.
		for _, ss := range text.Sentences(s, nil) {
			checkTokens(t, s, ss, text.Tokenize(s, ss, nil))
		}
	})
}
