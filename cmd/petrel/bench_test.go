package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"testing"

	"petrel"
	"petrel/text"
)

const benchCorpus = "../../../shared/corpus/reuters-21578/articles.jsonl"

// BenchmarkPipeline runs `petrel code --format jsonl CORPUS > /dev/null`
// in-process over the shared Reuters-21578 corpus: dictionary load, JSONL
// reading, coding on GOMAXPROCS workers and JSONL output. Run it with
// -cpu 1,2 to measure scaling.
func BenchmarkPipeline(b *testing.B) {
	if _, err := os.Stat(benchCorpus); err != nil {
		b.Skip("shared corpus not available (" + benchCorpus + "); skipping pipeline benchmark")
	}
	sents, size := corpusSentences(b)
	b.SetBytes(size) // article text, not JSON, to compare with the stage benchmarks
	b.ReportAllocs()
	for b.Loop() {
		m := &Main{Stdin: bytes.NewReader(nil), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
		if err := m.Run(context.Background(), []string{"code", "--format", "jsonl", benchCorpus}); err != nil {
			b.Fatal(err)
		}
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(sents)*float64(b.N)/s, "sent/s")
	}
}

// corpusSentences counts the corpus's sentences as petrel splits them and
// the bytes of article text.
func corpusSentences(b *testing.B) (n int, size int64) {
	f, err := os.Open(benchCorpus)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var spans []petrel.Span
	for sc.Scan() {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		spans = text.Sentences(r.Text, spans[:0])
		n += len(spans)
		size += int64(len(r.Text))
	}
	return n, size
}
