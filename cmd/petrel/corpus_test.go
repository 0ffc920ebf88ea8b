package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// countingWriter counts the lines written through it.
type countingWriter struct{ lines int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.lines += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

// TestCodeCorpus codes the whole shared newswire corpus through the CLI: it
// must finish without a panic, an input problem or a coder diagnostic.
func TestCodeCorpus(t *testing.T) {
	const path = "../../../shared/corpus/reuters-21578/articles.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared corpus not found (../shared/corpus/reuters-21578): ", err)
	}
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	out := &countingWriter{}
	var errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if err := m.Run(context.Background(), []string{"code", "--format", "jsonl", path}); err != nil {
		t.Fatalf("petrel code: %v\n%s", err, errb.String())
	}
	if errb.Len() > 0 {
		t.Errorf("stderr not empty:\n%s", errb.String())
	}
	if out.lines < 1000 {
		t.Errorf("%d events from 19,043 articles; want at least 1,000", out.lines)
	}
	t.Logf("%d events", out.lines)
}
