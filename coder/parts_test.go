package coder_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"petrel"
	"petrel/coder"
)

// codeInParts codes a with CodeParts and joins the batches and the
// returned rest into one document, checking the batches' contract on the
// way: the indices continue, and every batch is of sentences before the
// rows that follow it.
func codeInParts(t *testing.T, c *coder.Coder, a *petrel.Article) (*petrel.Document, int, error) {
	t.Helper()
	var ments []petrel.Mention
	var evs []petrel.Event
	parts := 0
	doc, err := c.CodeParts(a, func(p *petrel.Document) error {
		parts++
		if p.Article.ID != a.ID || len(p.Sentences) != 0 || len(p.Quotes) != 0 {
			t.Errorf("part %d: article %q, %d sentences, %d quotes", parts, p.Article.ID, len(p.Sentences), len(p.Quotes))
		}
		ments = append(ments, p.Mentions...)
		evs = append(evs, p.Events...)
		return nil
	})
	if err != nil {
		return doc, parts, err
	}
	doc.Mentions = append(ments, doc.Mentions...)
	doc.Events = append(evs, doc.Events...)
	return doc, parts, nil
}

// sameDocument reports the first difference between two documents.
func sameDocument(t *testing.T, name string, got, want *petrel.Document) {
	t.Helper()
	norm := func(d *petrel.Document) *petrel.Document {
		x := *d
		if len(x.Mentions) == 0 {
			x.Mentions = nil
		}
		if len(x.Events) == 0 {
			x.Events = nil
		}
		return &x
	}
	g, w := norm(got), norm(want)
	if len(g.Mentions) != len(w.Mentions) || len(g.Events) != len(w.Events) {
		t.Fatalf("%s: %d mentions, %d events in parts; %d, %d whole", name, len(g.Mentions), len(g.Events), len(w.Mentions), len(w.Events))
	}
	for i := range w.Mentions {
		if !reflect.DeepEqual(g.Mentions[i], w.Mentions[i]) {
			t.Fatalf("%s: mention %d: %+v in parts, %+v whole", name, i, g.Mentions[i], w.Mentions[i])
		}
	}
	for i := range w.Events {
		if !reflect.DeepEqual(g.Events[i], w.Events[i]) {
			t.Fatalf("%s: event %d: %+v in parts, %+v whole", name, i, g.Events[i], w.Events[i])
		}
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%s: documents differ outside mentions and events", name)
	}
}

// TestCodeParts codes long articles in parts and whole, and finds the same
// rows: the example articles joined and repeated (dense news, many
// batches), and the Reuters corpus joined into articles of 200 texts.
func TestCodeParts(t *testing.T) {
	c := builtinCoder(t)
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles: %v", err)
	}
	var one strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		one.Write(b)
		one.WriteString("\n\n")
	}
	arts := []*petrel.Article{
		{ID: "dense", Text: strings.Repeat(one.String(), 300_000/one.Len()+1)},
		{ID: "short", Text: "Russia met Ukraine in Geneva. It said the talks went well."},
	}
	if f, err := os.Open("../../shared/corpus/reuters-21578/articles.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		var b strings.Builder
		n := 0
		for sc.Scan() && len(arts) < 12 {
			var a struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &a) != nil {
				continue
			}
			b.WriteString(a.Text)
			b.WriteString("\n\n")
			if n++; n%200 == 0 {
				arts = append(arts, &petrel.Article{ID: "reuters", Text: b.String()})
				b.Reset()
			}
		}
		f.Close()
	}
	batched := 0
	for _, a := range arts {
		whole := c.Code(a)
		got, parts, err := codeInParts(t, c, a)
		if errors.Is(err, coder.ErrStoryDiscarded) {
			if len(whole.Events) != 0 || len(whole.Skipped) == 0 || whole.Skipped[0].Sentence != -1 {
				t.Fatalf("%s: ErrStoryDiscarded, but Code kept %d events", a.ID, len(whole.Events))
			}
			sameDocument(t, a.ID, got, whole)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if parts > 0 {
			batched++
		}
		sameDocument(t, a.ID, got, whole)
	}
	if batched == 0 {
		t.Error("no article was handed over in batches")
	}
}

// TestCodePartsDiscard checks that a story discard found after rows were
// handed over is reported, with the document Code returns.
func TestCodePartsDiscard(t *testing.T) {
	c := builtinCoder(t)
	a := &petrel.Article{ID: "x", Text: strings.Repeat("Russia attacked Ukraine. ", 3000) + "The goalkeeper saved a penalty."}
	d, parts, err := codeInParts(t, c, a)
	if !errors.Is(err, coder.ErrStoryDiscarded) || parts == 0 {
		t.Fatalf("err %v after %d parts, want ErrStoryDiscarded", err, parts)
	}
	sameDocument(t, a.ID, d, c.Code(a))
}

// TestCodePartsError checks that an error from part stops the coding.
func TestCodePartsError(t *testing.T) {
	c := builtinCoder(t)
	a := &petrel.Article{ID: "x", Text: strings.Repeat("Russia attacked Ukraine. ", 5000)}
	stop := errors.New("stop")
	calls := 0
	_, err := c.CodeParts(a, func(*petrel.Document) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("err %v after %d calls, want %v after 1", err, calls, stop)
	}
	// The pooled state is clean: Code after it is whole.
	if d := c.Code(a); len(d.Events) != 5000 {
		t.Fatalf("Code after CodeParts: %d events, want 5000", len(d.Events))
	}
}
