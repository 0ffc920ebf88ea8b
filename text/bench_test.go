package text_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"petrel"
	"petrel/text"
)

const corpusPath = "../../shared/corpus/reuters-21578/articles.jsonl"

// loadCorpus returns the article texts of the shared Reuters-21578 JSONL
// corpus, skipping tb when it is absent.
func loadCorpus(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Skip("shared corpus not available:", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

func totalBytes(texts []string) int64 {
	var n int64
	for _, s := range texts {
		n += int64(len(s))
	}
	return n
}

func BenchmarkSentences(b *testing.B) {
	texts := loadCorpus(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	var spans []petrel.Span
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			spans = text.Sentences(s, spans[:0])
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	texts := loadCorpus(b)
	var all [][]petrel.Span
	for _, s := range texts {
		all = append(all, text.Sentences(s, nil))
	}
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	var toks []text.Token
	b.ResetTimer()
	for b.Loop() {
		for i, s := range texts {
			for _, sp := range all[i] {
				toks = text.Tokenize(s, sp, toks[:0])
			}
		}
	}
}

func BenchmarkAppendNorm(b *testing.B) {
	texts := loadCorpus(b)[:2000]
	var toks [][]text.Token
	var n int64
	for _, s := range texts {
		ts := text.Tokenize(s, petrel.Span{Start: 0, End: len(s)}, nil)
		toks = append(toks, ts)
		for _, t := range ts {
			n += int64(t.End - t.Start)
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var buf []byte
	b.ResetTimer()
	for b.Loop() {
		for i, s := range texts {
			for _, t := range toks[i] {
				buf = text.AppendNorm(buf[:0], s[t.Start:t.End])
			}
		}
	}
}

func TestCorpusInvariants(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus scan skipped in -short mode")
	}
	texts := loadCorpus(t)
	var spans []petrel.Span
	var toks []text.Token
	nsent := 0
	for _, s := range texts {
		spans = text.Sentences(s, spans[:0])
		checkSpans(t, s, spans)
		nsent += len(spans)
		for _, sp := range spans {
			toks = text.Tokenize(s, sp, toks[:0])
			checkTokens(t, s, sp, toks)
		}
	}
	t.Logf("%d articles, %d sentences", len(texts), nsent)
}
