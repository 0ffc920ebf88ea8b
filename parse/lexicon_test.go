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
	a, _ := lexiconHash("re-wording", fnv("re-wording", 2, true))
	b, _ := lexiconHash("zz-zzzz", fnv("zz-zzzz", 2, true))
	if a == b {
		t.Error("a hyphenated word does not get its last part's classes")
	}
	for _, c := range []struct {
		w    string
		want uint32
	}{{"monday", 28}, {"president", 18}, {"presidents", 18}, {"city", 15}} {
		if _, s := lexiconEntry(fnv(c.w, 2, true)); s&SemNounMask != c.want {
			t.Errorf("%s: noun file %d, want %d", c.w, s&SemNounMask, c.want)
		}
	}
	for _, c := range []struct {
		w    string
		want uint32
	}{{"agreed", SemInf}, {"said", SemThat}, {"ordered", SemObjInf}, {"gave", SemDitrans}} {
		if _, s := lexiconEntry(fnv(c.w, 2, true)); s&c.want == 0 {
			t.Errorf("%s: frames %b, want %b among them", c.w, s>>10, c.want>>10)
		}
	}
	l := NewLexicon()
	l.Add("Talks", LexPlural|LexVerbS)
	if b := l.Bytes(); len(b) != len(lexiconMagic)+lexRecord || l.Len() != 1 {
		t.Errorf("file of one word: %d bytes, %d words", len(b), l.Len())
	}
}
