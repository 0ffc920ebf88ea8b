package parse_test

import (
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/parse"
	"petrel/text"
)

// FuzzParse tokenises any text of up to 2,000 bytes (the coder's sentence
// cut) as one sentence and parses it: the result must be a well-formed
// tree, made in time linear in the words.
func FuzzParse(f *testing.F) {
	m := benchModel(f)
	for _, s := range []string{
		"Russia condemned the attack on Tuesday.",
		"", ".", "the the the the", "\"Stop,\" he said -- (really) !?",
		strings.Repeat("and ", 400), "U.S.-backed forces didn't fire; Russia's army did.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			s = s[:2000]
		}
		toks := text.Tokenize(s, petrel.Span{Start: 0, End: len(s)}, nil)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Of(s)
		}
		var tr parse.Tree
		start := time.Now()
		m.Parse(words, &tr)
		// Parsing makes exactly 2n transitions, so its time is linear by
		// construction; the bound is loose enough for a loaded machine
		// and catches only a blow-up.
		if d := time.Since(start); d > time.Second+time.Duration(len(words))*10*time.Millisecond {
			t.Errorf("%d words took %v", len(words), d)
		}
		checkTree(t, words, &tr)
	})
}
