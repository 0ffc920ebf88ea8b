package when_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"petrel"
	"petrel/text"
	"petrel/when"
)

// corpusSentence is one sentence of the shared corpus with its article date.
type corpusSentence struct {
	text string
	span petrel.Span
	base time.Time
}

func loadSentences(tb testing.TB) ([]corpusSentence, int64) {
	tb.Helper()
	f, err := os.Open("../../shared/corpus/reuters-21578/articles.jsonl")
	if err != nil {
		tb.Skip("shared corpus not available:", err)
	}
	defer f.Close()
	var out []corpusSentence
	var n int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct {
			Date string `json:"date"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		d, _ := time.Parse("2006-01-02", a.Date)
		n += int64(len(a.Text))
		for _, sp := range text.Sentences(a.Text, nil) {
			out = append(out, corpusSentence{a.Text, sp, d})
		}
	}
	return out, n
}

func BenchmarkFind(b *testing.B) {
	sents, n := loadSentences(b)
	b.SetBytes(n)
	b.ReportAllocs()
	var dst []when.Expr
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			dst = when.Find(s.text, s.span, s.base, dst[:0])
		}
	}
}

func TestFindCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus scan skipped in -short mode")
	}
	sents, _ := loadSentences(t)
	var dst []when.Expr
	count := map[when.Precision]int{}
	for _, s := range sents {
		dst = when.Find(s.text, s.span, s.base, dst[:0])
		prev := s.span.Start
		for _, e := range dst {
			if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > s.span.End {
				t.Fatalf("bad span %v in sentence %v", e.Span, s.span)
			}
			prev = e.Span.End
			count[e.Precision]++
			if os.Getenv("WHEN_DUMP") != "" {
				t.Logf("%s\t%s\t%s\t%q", e.Date.Format("2006-01-02"), e.Precision, s.base.Format("2006-01-02"), s.text[e.Span.Start:e.Span.End])
			}
		}
	}
	t.Logf("%d sentences, expressions by precision: %v", len(sents), count)
}
