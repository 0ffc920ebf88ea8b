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

// TestBadInput runs `petrel code` over a directory of bad input — an empty
// file, a binary file, invalid UTF-8, a malformed JSON line and a 50 MB
// line — next to good articles: each problem is reported as file:line, the
// good articles are still coded, and the exit status says something failed.
func TestBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.txt", nil)
	write("binary.txt", []byte("\x00\x01\x02\x03ELF\x00\x00\x00binary\x00"))
	write("good.txt", []byte("Russia attacked Ukraine on Monday."))
	huge := make([]byte, 50<<20)
	for i := range huge {
		huge[i] = 'a' + byte(i%26)
		if i%7 == 6 {
			huge[i] = ' '
		}
	}
	var feed bytes.Buffer
	feed.WriteString(`{"id":"ok1","date":"2024-03-04","text":"Iran condemned Israel."}` + "\n")
	feed.WriteString(`{"id":"broken",` + "\n")
	feed.WriteString(`{"id":"bad-utf8","text":"China met Japan` + "\xff" + `."}` + "\n")
	feed.WriteString(`{"id":"huge","text":"`)
	feed.Write(huge)
	feed.WriteString("\"}\n")
	feed.WriteString(`{"id":"ok2","date":"2024-03-04","text":"France praised Germany."}` + "\n")
	write("feed.jsonl", feed.Bytes())

	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := m.Run(context.Background(), []string{"code", "--format", "jsonl", "--date", "2024-03-04", dir})
	if err == nil {
		t.Fatal("petrel code succeeded on bad input; want a non-zero exit")
	}
	msgs := errb.String()
	for _, want := range []string{
		"empty.txt: empty file",
		"binary.txt: binary file",
		"feed.jsonl:2: malformed JSON",
		"feed.jsonl:3: invalid UTF-8",
		"feed.jsonl:4: line too long",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msgs)
		}
	}
	for _, id := range []string{`"article_id":"good"`, `"article_id":"ok1"`, `"article_id":"ok2"`} {
		if !strings.Contains(out.String(), id) {
			t.Errorf("no events from %s; the rest of the batch must go on:\n%s", id, out.String())
		}
	}
}
