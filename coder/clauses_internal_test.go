package coder

import (
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/dict/native"
	"petrel/dicts"
	"petrel/parse"
)

// TestClauseRelations checks how the clause stage reads a dependency
// tree, on trees written by hand, so that it does not depend on the
// parser's model: the subject it finds for a verb (nsubj, conj, xcomp
// object control, relative clause) and the actor phrase a word stands for
// (its own phrase, an appositive, "X of Y").
func TestClauseRelations(t *testing.T) {
	d, err := native.Load(dicts.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := New(d, DefaultOptions)
	tests := []struct {
		name, text string
		// tree is one "head/rel" per token, heads 1-based as in CoNLL-U
		tree      string
		verb      string // the verb whose subject is read
		wantRel   string // the relation that gave it
		wantActor string // the text of the actor phrase it stands for, or ""
	}{
		{"nsubj", "Chile condemned Peru .",
			"2/nsubj 0/root 2/obj 2/punct", "condemned", "nsubj", "Chile"},
		{"appositive with a code", "Nelson Chamisa , the opposition leader in Zimbabwe , accused Mnangagwa .",
			"10/nsubj 1/flat 6/punct 6/det 6/compound 1/appos 8/case 6/nmod 1/punct 0/root 10/obj 10/punct",
			"accused", "nsubj", "opposition leader in Zimbabwe"},
		{"X from Y", "A delegation from the European Union visited Iraq .",
			"2/det 7/nsubj 6/case 6/det 6/amod 2/nmod 0/root 7/obj 7/punct", "visited", "nsubj", "delegation from the European Union"},
		{"X of Y", "The head of the Egyptian intelligence service met Hamas leaders .",
			"2/det 8/nsubj 7/case 7/det 7/amod 7/compound 2/nmod 0/root 10/compound 8/obj 8/punct", "met", "nsubj", "Egyptian intelligence service"},
		{"an act of Y is not Y", "The admission of China would help trade .",
			"2/det 6/nsubj 4/case 2/nmod 6/aux 0/root 6/obj 6/punct", "help", "nsubj", ""},
		{"relative clause", "A delegation from the European Union that visited Iraq urged Baghdad .",
			"2/det 10/nsubj 6/case 6/det 6/amod 2/nmod 8/nsubj 2/acl:relcl 8/obj 0/root 10/obj 10/punct",
			"visited", "acl:relcl", "delegation from the European Union"},
		{"coordinated verb", "Canada condemned and sanctioned Iran .",
			"2/nsubj 0/root 4/cc 2/conj 4/obj 2/punct", "sanctioned", "nsubj", "Canada"},
		{"a noun between coordinated verbs", "Bolivia will pay with aid that donors are providing .",
			"3/nsubj 3/aux 0/root 5/case 3/obl 9/obj 5/nmod 9/aux 3/conj 3/punct", "providing", "", ""},
		{"object control", "Norway urged Sudan to release prisoners .",
			"2/nsubj 0/root 2/obj 5/mark 2/xcomp 5/obj 2/punct", "release", "obj", "Sudan"},
		{"subject control is left to the walk", "Egypt agreed to mediate .",
			"2/nsubj 0/root 4/mark 2/xcomp 2/punct", "mediate", "", ""},
		{"a subject after a preposition is none", "Demonstrations across Pakistan demanded his release .",
			"4/obl 3/case 4/nsubj 0/root 6/nmod:poss 4/obj 4/punct", "demanded", "nsubj", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &state{}
			a := &petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)}
			st.reset(c, a, &petrel.Document{Article: *a}, nil)
			st.spans = []petrel.Span{{Start: 0, End: len(tt.text)}}
			st.prepare(st.spans[0])
			st.dates = st.dates[:0]
			st.markDates()
			st.findSegs()
			st.buildNPs(0)
			rels := strings.Fields(tt.tree)
			if len(rels) != len(st.toks) {
				t.Fatalf("%d tokens, %d tree entries", len(st.toks), len(rels))
			}
			st.ptree = parse.Tree{Heads: make([]int, len(rels)), Rels: make([]parse.Rel, len(rels)), Tags: make([]parse.Tag, len(rels))}
			st.pwords = st.pwords[:0]
			v := -1
			for i, hr := range rels {
				h, r, _ := strings.Cut(hr, "/")
				st.ptree.Heads[i] = atoi(t, h)
				st.ptree.Rels[i] = parse.ParseRel(r)
				w := st.toks[i].Of(tt.text)
				st.pwords = append(st.pwords, w)
				switch w {
				case "and", "or", "but", "nor":
					st.ptree.Tags[i] = parse.CCONJ
				case ",", ".":
					st.ptree.Tags[i] = parse.PUNCT
				default:
					st.ptree.Tags[i] = parse.NOUN
				}
				if w == tt.verb {
					v = i
					st.ptree.Tags[i] = parse.VERB
				}
			}
			st.treeSent = 1
			w, r := st.parseSubject(v)
			got := ""
			if w >= 0 {
				got = r.rel.String()
			}
			if got != tt.wantRel {
				t.Errorf("subject relation %q, want %q", got, tt.wantRel)
			}
			actor := ""
			if w >= 0 {
				if p := st.actorAt(w, false); p != nil && !p.uncoded {
					actor = st.toks2text(p.s, p.e)
				}
			}
			if actor != tt.wantActor {
				t.Errorf("actor %q, want %q", actor, tt.wantActor)
			}
		})
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("bad head %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}
