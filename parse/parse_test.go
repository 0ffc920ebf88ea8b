package parse_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"petrel/parse"
)

// TestFloors keeps the embedded model's accuracy on the EWT test file at
// or just under what it reaches today (UPOS 0.9600, UAS 0.8663, LAS
// 0.8339: the shipped model, a final fit on the training and development
// splits; trained on the training split alone, as for tuning, 0.9584,
// 0.8617, 0.8281), so no change can make it worse unnoticed. Issue 10
// asks for UPOS 0.95, UAS 0.86 and LAS 0.83 (docs/PARSER.md); raise the
// floors as the parser improves.
func TestFloors(t *testing.T) {
	m := benchModel(t)
	gold := readGold(t, "en_ewt-ud-test.conllu")
	sc := m.Evaluate(gold)
	t.Log(sc)
	if sc.Words != 25094 {
		t.Errorf("words = %d, want 25094", sc.Words)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"UPOS", sc.UPOS, 0.958}, {"UAS", sc.UAS, 0.864}, {"LAS", sc.LAS, 0.831}} {
		if c.got < c.want {
			t.Errorf("%s = %.4f, floor %.3f", c.name, c.got, c.want)
		}
	}
}

// checkTree fails unless t is a tree over n words: heads in range, one
// root, and every word reaches the root.
func checkTree(tb testing.TB, words []string, t *parse.Tree) {
	tb.Helper()
	n := len(words)
	if len(t.Tags) != n || len(t.Heads) != n || len(t.Rels) != n {
		tb.Fatalf("%q: lengths %d %d %d, want %d", words, len(t.Tags), len(t.Heads), len(t.Rels), n)
	}
	roots := 0
	for i, h := range t.Heads {
		if h < 0 || h > n || h == i+1 {
			tb.Fatalf("%q: word %d has head %d", words, i+1, h)
		}
		if h == 0 {
			roots++
			if t.Rels[i] != parse.Root {
				tb.Fatalf("%q: root word %d has relation %v", words, i+1, t.Rels[i])
			}
		} else if t.Rels[i] == parse.Root || t.Rels[i] == parse.RelNone {
			tb.Fatalf("%q: word %d has relation %v under word %d", words, i+1, t.Rels[i], h)
		}
	}
	if n > 0 && roots != 1 {
		tb.Fatalf("%q: %d roots", words, roots)
	}
	for i := range t.Heads {
		j, steps := i+1, 0
		for j != 0 {
			j = t.Heads[j-1]
			if steps++; steps > n {
				tb.Fatalf("%q: cycle through word %d", words, i+1)
			}
		}
	}
}

// TestParseNews parses wire-style sentences with the embedded model and
// checks the relations the coder will read.
func TestParseNews(t *testing.T) {
	m := benchModel(t)
	for _, c := range []struct {
		text string
		want []string // "dependent rel head"
	}{
		{"Russia condemned the attack on Tuesday .", []string{"Russia nsubj condemned", "attack obj condemned", "condemned root ROOT"}},
		{"The talks were postponed by the government .", []string{"talks nsubj:pass postponed", "government obl:agent postponed"}},
		{"Iran agreed to resume talks with the inspectors .", []string{"resume xcomp agreed", "Iran nsubj agreed"}},
		{"The minister did not attend the meeting .", []string{"not advmod attend", "minister nsubj attend"}},
	} {
		words := strings.Fields(c.text)
		var tr parse.Tree
		m.Parse(words, &tr)
		checkTree(t, words, &tr)
		got := map[string]bool{}
		for i, h := range tr.Heads {
			hw := "ROOT"
			if h > 0 {
				hw = words[h-1]
			}
			got[fmt.Sprintf("%s %v %s", words[i], tr.Rels[i], hw)] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%q: no %q in %v", c.text, w, got)
			}
		}
	}
}

// TestCoNLLURoundTrip reads and writes a sentence with a multiword token
// and an empty node, which the reader skips.
func TestCoNLLURoundTrip(t *testing.T) {
	in := "# text = I don't.\n" +
		"1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n" +
		"3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tSpaceAfter=No\n\n"
	s, err := parse.ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 1 || len(s[0].Words) != 4 {
		t.Fatalf("read %+v", s)
	}
	var b bytes.Buffer
	if err := parse.WriteCoNLLU(&b, s[0]); err != nil {
		t.Fatal(err)
	}
	want := "# text = I don't.\n" +
		"1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n" +
		"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tSpaceAfter=No\n\n"
	if got := b.String(); got != want {
		t.Errorf("wrote\n%s\nwant\n%s", got, want)
	}
	if _, err := parse.ReadCoNLLU(strings.NewReader("1\tx\n")); err == nil {
		t.Error("a line of 2 fields: no error")
	}
}

// TestRelNames checks the names of tags and relations both ways.
func TestRelNames(t *testing.T) {
	for _, c := range []struct {
		in   string
		want parse.Rel
	}{{"nsubj:pass", parse.NsubjPass}, {"obl:tmod", parse.Obl}, {"root", parse.Root}, {"zzz", parse.Dep}, {"_", parse.RelNone}} {
		if got := parse.ParseRel(c.in); got != c.want {
			t.Errorf("ParseRel(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := parse.ParseTag("PROPN").String(); got != "PROPN" {
		t.Errorf("PROPN round trip: %q", got)
	}
}
