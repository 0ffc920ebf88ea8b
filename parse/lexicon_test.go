package parse

import "testing"

// TestLexicon checks the embedded lexicon's classes of a few words and
// inflections, and that a Lexicon's file reads back.
func TestLexicon(t *testing.T) {
	if len(embeddedLexicon) <= len(lexiconMagic) {
		t.Skip("no lexicon")
	}
	for _, c := range []struct {
		w    string
		want uint32
	}{{"laughter", LexNoun}, {"westerners", LexPlural}, {"ran", LexVerbEd}, {"bigger", LexAdjEr}, {"freewheeling", LexAdj | LexVerbIng}} {
		if got := lexiconBits(fnv(c.w, 2, true)); got&c.want != c.want {
			t.Errorf("%s: bits %b, want %b among them", c.w, got, c.want)
		}
	}
	if got := lexiconBits(fnv("xqzvw", 2, true)); got != 0 {
		t.Errorf("xqzvw: bits %b, want none", got)
	}
	if lexiconHash("re-wording", fnv("re-wording", 2, true)) == lexiconHash("zz-zzzz", fnv("zz-zzzz", 2, true)) {
		t.Error("a hyphenated word does not get its last part's classes")
	}
	l := NewLexicon()
	l.Add("Talks", LexPlural|LexVerbS)
	if b := l.Bytes(); len(b) != len(lexiconMagic)+lexRecord || l.Len() != 1 {
		t.Errorf("file of one word: %d bytes, %d words", len(b), l.Len())
	}
}
