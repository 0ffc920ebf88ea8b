package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"petrel/parse"
)

// TestParseCommand parses a sentence and checks the CoNLL-U it prints:
// one line per token, byte ranges into the text, one root.
func TestParseCommand(t *testing.T) {
	if _, err := parse.Default(); err != nil {
		t.Skip(err)
	}
	const txt = `Russia didn't condemn the attack. "We will respond," the minister said.`
	out, _, err := runMain(t, nil, "parse", txt)
	if err != nil {
		t.Fatal(err)
	}
	sents := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(sents), out)
	}
	rng := regexp.MustCompile(`TokenRange=(\d+):(\d+)`)
	for _, s := range sents {
		roots := 0
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 10 {
				t.Fatalf("line %q: %d fields", line, len(f))
			}
			if f[6] == "0" {
				roots++
			}
			m := rng.FindStringSubmatch(f[9])
			if m == nil {
				t.Fatalf("line %q: no TokenRange", line)
			}
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if txt[a:b] != f[1] {
				t.Errorf("TokenRange %d:%d is %q, form %q", a, b, txt[a:b], f[1])
			}
		}
		if roots != 1 {
			t.Errorf("%d roots in\n%s", roots, s)
		}
	}
	if !strings.Contains(out, "\tn't\t") {
		t.Errorf("n't is not a word of its own:\n%s", out)
	}
}

// TestParseEval scores a small gold file and checks the one-line summary.
func TestParseEval(t *testing.T) {
	if _, err := parse.Default(); err != nil {
		t.Skip(err)
	}
	gold := "1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tcondemned\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n" +
		"4\tattack\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n" +
		"5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runMain(t, nil, "parse", "--eval", path)
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^parse: UPOS 1\.000 UAS 1\.000 LAS 1\.000 over 5 words, \d+ words/s\n$`)
	if !want.MatchString(out) {
		t.Errorf("got %q", out)
	}
}
