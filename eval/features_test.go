package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/parse"
	"petrel/text"
)

// featureSets are the tuning sets TestFeatures describes. Held-out sets
// are never among them.
var featureSets = []string{
	"conflict.json", "conflict2.json", "conflict3.json", "conflict4.json", "conflict5.json",
	"conflict6.json", "conflict7.json", "conflict8.json", "conflict9.json", "sentences.json", "structure2.json", "structure3.json",
}

// Feature is one coded event with what the coder recorded of how it was
// found, and whether it is right at the root+source level, for the study
// of which classes of events the coder should abstain from
// (docs/ARCHITECTURE.md, "Abstention").
type Feature struct {
	Sentence int    `json:"sentence"` // index in the set
	Nth      int    `json:"nth"`      // 0 for the sentence's first event
	Code     string `json:"code"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Inferred string `json:"inferred"` // source.inferred, "" when the text named the source
	Rule     string `json:"rule"`
	How      string `json:"how"`      // how explain says the source was found
	Verb     string `json:"verb"`     // the evidence
	Distance int    `json:"distance"` // words between the source and the verb (negative: source after it; -99: none)
	Chain    string `json:"chain"`    // the parse relations from the verb up to the root
	Right    bool   `json:"right"`    // matches an expected event at root+source
}

// TestFeatures writes, with EVAL_FEATURES=DIR, the features of every
// event coded from each tuning set to DIR/<set>.features.jsonl, and logs
// the root+source precision of each class (position in the sentence by
// source.inferred). Run it on a set's first-sight output to measure
// which classes are unreliable on unseen text.
func TestFeatures(t *testing.T) {
	dir := os.Getenv("EVAL_FEATURES")
	if dir == "" {
		t.Skip("set EVAL_FEATURES=DIR to write event features")
	}
	c := builtinCoder(t)
	pm, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	var tree parse.Tree
	for _, name := range featureSets {
		set, err := Load(filepath.Join("../testdata/eval", name))
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		enc := json.NewEncoder(&out)
		classes := map[string][2]int{}
		for i, s := range set {
			a := &petrel.Article{ID: fmt.Sprintf("eval-%d", i), Text: s.Text}
			if d, err := time.Parse("2006-01-02", s.Date); err == nil {
				a.Date = d
			}
			var hows []string // the "source:" line under each EVENT line, in order
			doc := c.Explain(a, func(format string, args ...any) {
				l := fmt.Sprintf(format, args...)
				switch {
				case strings.HasPrefix(l, "  EVENT "):
					hows = append(hows, "")
				case strings.HasPrefix(l, "    source: ") && len(hows) > 0:
					hows[len(hows)-1] = strings.TrimPrefix(l, "    source: ")
				}
			})
			left := map[string]int{}
			for _, g := range s.Events {
				left[first(g.Code, 2)+"|"+SourceKey(g.Source)]++
			}
			toks := text.Tokenize(s.Text, petrel.Span{End: len(s.Text)}, nil)
			words := make([]string, len(toks))
			for k, tk := range toks {
				words[k] = s.Text[tk.Start:tk.End]
			}
			pm.Parse(words, &tree)
			at := func(b int) int {
				for k, tk := range toks {
					if tk.Start <= b && b < tk.End {
						return k
					}
				}
				return -1
			}
			for n, e := range doc.Events {
				f := Feature{Sentence: i, Nth: n, Code: e.Code, Rule: e.Rule, Verb: e.Verb.Text, Distance: -99}
				if n < len(hows) {
					f.How = hows[n]
				}
				if e.Source != nil {
					f.Source, f.Inferred = e.Source.Code, e.Source.Inferred
				}
				if e.Target != nil {
					f.Target = e.Target.Code
				}
				v := at(e.Verb.Start)
				if e.Source != nil && e.Source.End > e.Source.Start {
					if s0, s1 := at(e.Source.Start), at(e.Source.End-1); s0 >= 0 && v >= 0 {
						if s1 < v {
							f.Distance = v - s1 - 1
						} else {
							f.Distance = -(s0 - v)
						}
					}
				}
				var chain []string
				for h, steps := v, 0; h >= 0 && h < len(tree.Rels) && steps < 6; h, steps = tree.Heads[h]-1, steps+1 {
					chain = append(chain, tree.Rels[h].String())
				}
				f.Chain = strings.Join(chain, ">")
				if k := first(e.Code, 2) + "|" + SourceKey(f.Source); left[k] > 0 {
					left[k]--
					f.Right = true
				}
				if err := enc.Encode(f); err != nil {
					t.Fatal(err)
				}
				class := "first/"
				if n > 0 {
					class = "later/"
				}
				class += cmpOr(f.Inferred, "named")
				x := classes[class]
				x[1]++
				if f.Right {
					x[0]++
				}
				classes[class] = x
			}
		}
		path := filepath.Join(dir, strings.TrimSuffix(name, ".json")+".features.jsonl")
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		keys := make([]string, 0, len(classes))
		for k := range classes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, " %s %d/%d", k, classes[k][0], classes[k][1])
		}
		t.Logf("%s:%s", name, b.String())
	}
}

// cmpOr returns s, or alt when s is empty.
func cmpOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
