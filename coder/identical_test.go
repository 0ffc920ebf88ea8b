package coder_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/petrarch"
	"petrel/output"
	"petrel/validate"
)

// The tests in this file guard performance work: a change to the coder's
// data structures (tries, vocabularies, compile) must not change a byte of
// its output. They code fixed inputs and compare the JSONL events with
// golden files. The goldens change legitimately when the coder's semantics
// change; regenerate them with
//
//	UPDATE_GOLDEN=1 go test ./coder -run Identical
//
// and review the diff. To check an optimisation, regenerate them on the
// tree before it and run the test after it.

const (
	moscowPath  = "../../shared/articles/moscow-talks.txt"
	recordsPath = "../../shared/peer/petrarch2/PETR.UnitTest.records.xml"
)

// TestIdenticalMoscow codes the shared Moscow article with the built-in
// dictionaries and compares the JSONL events with testdata/moscow.golden.jsonl.
func TestIdenticalMoscow(t *testing.T) {
	src, err := os.ReadFile(moscowPath)
	if err != nil {
		t.Skip("shared article not found (../shared/articles/moscow-talks.txt): ", err)
	}
	a := &petrel.Article{ID: "moscow-talks", Text: string(src), Date: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)}
	got := codeJSONL(t, builtinCoder(t), []*petrel.Article{a})
	expectGolden(t, "testdata/moscow.golden.jsonl", got)
}

// TestIdenticalPetrarch codes the text of every PETRARCH unit-test record
// with the record file's dictionaries and the options cmd/petrel validate
// uses, and compares the JSONL events with testdata/petrarch.golden.jsonl.
func TestIdenticalPetrarch(t *testing.T) {
	if _, err := os.Stat(recordsPath); err != nil {
		t.Skip("PETRARCH unit-test records not found (../shared/peer/petrarch2): ", err)
	}
	env, recs, err := validate.ReadFile(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	var diags dict.Diagnostics
	d, err := petrarch.LoadFiles(env.Verbfile, env.Actorfiles, env.Agentfile, env.Discardfile, env.Issuefile, &diags)
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, coder.PetrarchOptions(true))
	arts := make([]*petrel.Article, 0, len(recs))
	for _, r := range recs {
		a := &petrel.Article{ID: r.ID, Text: r.Text}
		if r.Date != "" {
			if tm, err := time.Parse("20060102", r.Date); err == nil {
				a.Date = tm
			}
		}
		arts = append(arts, a)
	}
	got := codeJSONL(t, c, arts)
	expectGolden(t, "testdata/petrarch.golden.jsonl", got)
}

// codeJSONL codes arts in order and returns their events as JSONL, with a
// "# id" line before each article so a diff points at the article.
func codeJSONL(t *testing.T, c *coder.Coder, arts []*petrel.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, a := range arts {
		buf.WriteString("# " + a.ID + "\n")
		w, err := output.New("jsonl", &buf)
		if err != nil {
			t.Fatal(err)
		}
		doc := c.Code(a)
		for _, p := range doc.Problems {
			t.Errorf("%s: %s", a.ID, p)
		}
		if err := w.Write(doc); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// expectGolden compares got with the golden file at path, or rewrites the
// file when UPDATE_GOLDEN is set.
func expectGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	shown := 0
	for i := 0; i < max(len(gl), len(wl)) && shown < 10; i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s line %d:\n  got  %s\n  want %s", path, i+1, g, w)
			shown++
		}
	}
	t.Fatalf("output differs from %s (%d vs %d lines); if the coder's semantics changed on purpose, regenerate with UPDATE_GOLDEN=1 and review the diff", path, len(gl), len(wl))
}
