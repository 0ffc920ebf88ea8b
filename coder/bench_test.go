package coder_test

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
	"petrel/output"
	"petrel/text"
)

// Benchmarks of the coder's stages over the shared Reuters-21578 corpus
// (../shared/corpus/reuters-21578/articles.jsonl). Each reports MB/s of
// article text and sent/s. They skip when the corpus is absent. Set
// PETREL_BENCH_ARTICLES=N to use only the first N articles (quick runs).
// scripts/bench.sh runs them with the text, when and pipeline benchmarks.

const benchCorpus = "../../shared/corpus/reuters-21578/articles.jsonl"

var corpus struct {
	once  sync.Once
	arts  []*petrel.Article
	bytes int64
	sents int
	err   error
}

// loadBenchCorpus returns the corpus articles, their total text size and
// sentence count, skipping tb when the corpus is absent.
func loadBenchCorpus(tb testing.TB) ([]*petrel.Article, int64, int) {
	tb.Helper()
	corpus.once.Do(func() {
		f, err := os.Open(benchCorpus)
		if err != nil {
			corpus.err = err
			return
		}
		defer f.Close()
		limit := -1
		if s := os.Getenv("PETREL_BENCH_ARTICLES"); s != "" {
			limit, _ = strconv.Atoi(s)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() && limit != 0 {
			limit--
			var r struct{ ID, Date, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				corpus.err = err
				return
			}
			d, _ := time.Parse("2006-01-02", r.Date)
			corpus.arts = append(corpus.arts, &petrel.Article{ID: r.ID, Date: d, Text: r.Text})
			corpus.bytes += int64(len(r.Text))
			corpus.sents += len(text.Sentences(r.Text, nil))
		}
		corpus.err = sc.Err()
	})
	if corpus.err != nil {
		if os.IsNotExist(corpus.err) {
			tb.Skip("shared corpus not available (" + benchCorpus + "); skipping corpus benchmark")
		}
		tb.Fatal(corpus.err)
	}
	return corpus.arts, corpus.bytes, corpus.sents
}

var benchBuiltin struct {
	once  sync.Once
	c     *coder.Coder
	diags dict.Diagnostics
	err   error
}

// builtinCoder compiles the built-in dictionaries once for the package's
// tests and benchmarks; a diagnostic on them fails the caller.
func builtinCoder(tb testing.TB) *coder.Coder {
	tb.Helper()
	benchBuiltin.once.Do(func() {
		d, err := native.Load(dicts.FS, &benchBuiltin.diags)
		if err != nil {
			benchBuiltin.err = err
			return
		}
		benchBuiltin.c = coder.New(d, coder.DefaultOptions)
	})
	if benchBuiltin.err != nil {
		tb.Fatal(benchBuiltin.err)
	}
	for _, dg := range benchBuiltin.diags {
		tb.Errorf("built-in dictionary: %s", dg)
	}
	return benchBuiltin.c
}

// reportSents reports sentences per second over the b.N passes.
func reportSents(b *testing.B, sents int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(sents)*float64(b.N)/s, "sent/s")
	}
}

var sink int

// BenchmarkCode codes the whole corpus with Coder.Code: segmentation,
// tokenisation, matching and event assembly, without input or output.
func BenchmarkCode(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	c := builtinCoder(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			sink += len(c.Code(a).Events)
		}
	}
	reportSents(b, sents)
}

// BenchmarkPrepare times sentence splitting plus the coder's per-sentence
// set-up: tokenise, normalise, candidate word ids, word classes.
func BenchmarkPrepare(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	s := coder.NewStages(builtinCoder(b), arts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		sink += s.Prepare()
	}
	reportSents(b, sents)
}

// BenchmarkActorMatch times the actor and agent trie lookups at every
// token of the prepared corpus.
func BenchmarkActorMatch(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	s := coder.NewStages(builtinCoder(b), arts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		sink += s.ActorMatch()
	}
	reportSents(b, sents)
}

// BenchmarkVerbMatch times the verb trie lookup at every token of the
// prepared corpus.
func BenchmarkVerbMatch(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	s := coder.NewStages(builtinCoder(b), arts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		sink += s.VerbMatch()
	}
	reportSents(b, sents)
}

// BenchmarkSentence codes each sentence once (the coder's second pass:
// prepare, discards, dates, actors, events). Event assembly alone is
// Sentence − Prepare − ActorMatch − VerbMatch, roughly.
func BenchmarkSentence(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	s := coder.NewStages(builtinCoder(b), arts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		sink += s.Sentence()
	}
	reportSents(b, sents)
}

// BenchmarkOutputJSONL writes the coded corpus as JSON Lines to
// io.Discard.
func BenchmarkOutputJSONL(b *testing.B) {
	arts, n, sents := loadBenchCorpus(b)
	c := builtinCoder(b)
	docs := make([]*petrel.Document, len(arts))
	for i, a := range arts {
		docs[i] = c.Code(a)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		w, _ := output.New("jsonl", io.Discard)
		for _, d := range docs {
			if err := w.Write(d); err != nil {
				b.Fatal(err)
			}
		}
		w.Close()
	}
	reportSents(b, sents)
}

// BenchmarkCompileBuiltin times compiling the built-in dictionaries
// (reading them is BenchmarkLoadBuiltin).
func BenchmarkCompileBuiltin(b *testing.B) {
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		coder.New(d, coder.DefaultOptions)
	}
}

// BenchmarkLoadBuiltin times reading and compiling the built-in
// dictionaries, what `petrel code` does at start-up.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var diags dict.Diagnostics
		d, err := native.Load(dicts.FS, &diags)
		if err != nil {
			b.Fatal(err)
		}
		coder.New(d, coder.DefaultOptions)
	}
}
