package parse_test

import (
	"bytes"
	"os"
	"testing"

	"petrel/parse"
)

// BenchmarkParse tags and parses the sentences of the EWT dev file with
// the embedded model (or PETREL_PARSE_MODEL), reporting bytes of word text.
func BenchmarkParse(b *testing.B) {
	m := benchModel(b)
	sents := readGold(b, "en_ewt-ud-dev.conllu")
	words := make([][]string, len(sents))
	var size int64
	for i, s := range sents {
		for _, w := range s.Words {
			words[i] = append(words[i], w.Form)
			size += int64(len(w.Form)) + 1
		}
	}
	var t parse.Tree
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, w := range words {
			m.Parse(w, &t)
		}
	}
}

func benchModel(tb testing.TB) *parse.Model {
	if p := os.Getenv("PETREL_PARSE_MODEL"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		m, err := parse.Load(f)
		if err != nil {
			tb.Fatal(err)
		}
		return m
	}
	m, err := parse.Default()
	if err != nil {
		tb.Skip(err)
	}
	return m
}

func readGold(tb testing.TB, name string) []parse.Sentence {
	f, err := os.Open("../../shared/ud/en_ewt/" + name)
	if err != nil {
		tb.Skipf("no UD data (%v): the parser's accuracy is tested only with ../shared", err)
	}
	defer f.Close()
	s, err := parse.ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkLoad decodes the model file (PETREL_PARSE_MODEL or the
// embedded one): the one-time cost of the first parse.
func BenchmarkLoad(b *testing.B) {
	data := parse.EmbeddedModel()
	if p := os.Getenv("PETREL_PARSE_MODEL"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	if len(data) == 0 {
		b.Skip("no model")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if _, err := parse.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
