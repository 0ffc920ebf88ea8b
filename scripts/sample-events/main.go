// Command sample-events draws a reproducible random sample of coded events
// from petrel's jsonl output, for judging precision by hand.
//
//	go run ./scripts/sample-events -seed 1 -n 100 events.jsonl
//
// It prints a Markdown table with one row per sampled event: the article
// id, the sentence's byte offsets [start, end) in the article's text, the
// event code, source and target codes, and the verb, with empty columns
// for the verdict and its reason. The sentence text itself is not printed
// unless -text is given, so the table can be committed without copying
// the corpus; -text prints each sentence after its row, for the judge's
// eyes only.
//
// The sample is a function of the seed and the input alone: the events are
// taken in input order (petrel writes articles in input order), a PCG
// generator seeded with -seed shuffles their indices, and the first -n
// indices, sorted, are the sample.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// event holds the fields of a petrel jsonl event that the sample reports.
type event struct {
	ArticleID string `json:"article_id"`
	Sentence  string `json:"sentence"`
	Code      string `json:"code"`
	Source    *party `json:"source"`
	Target    *party `json:"target"`
	Verb      struct {
		Text  string `json:"text"`
		Start int    `json:"start"`
	} `json:"verb"`
}

// party is a source or target of an event.
type party struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// article is one line of the corpus's articles.jsonl.
type article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func main() {
	seed := flag.Uint64("seed", 1, "seed of the random sample")
	n := flag.Int("n", 100, "number of events to draw")
	arts := flag.String("articles", "../shared/corpus/reuters-21578/articles.jsonl", "the corpus's articles (JSON lines with id and text), to find sentence offsets")
	text := flag.Bool("text", false, "print each sampled sentence after its row (not for committing: it copies corpus text)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: sample-events [-seed N] [-n N] [-articles FILE] [-text] EVENTS.jsonl")
		os.Exit(2)
	}
	evs, err := readEvents(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	idx := Sample(len(evs), *n, *seed)
	need := map[string]string{}
	for _, i := range idx {
		need[evs[i].ArticleID] = ""
	}
	if err := readArticles(*arts, need); err != nil {
		fail(err)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "| # | article | sentence bytes | code | source | target | verb | verdict | reason |\n")
	fmt.Fprintf(w, "|---|---|---|---|---|---|---|---|---|\n")
	for k, i := range idx {
		e := evs[i]
		start, end := SentenceSpan(need[e.ArticleID], e.Sentence, e.Verb.Start)
		fmt.Fprintf(w, "| %d | %s | %d–%d | %s | %s | %s | %s |  |  |\n",
			k+1, e.ArticleID, start, end, e.Code, code(e.Source), code(e.Target), e.Verb.Text)
		if *text {
			fmt.Fprintf(w, "\t%s\n", e.Sentence)
			if e.Source != nil || e.Target != nil {
				fmt.Fprintf(w, "\tsource %q target %q\n", word(e.Source), word(e.Target))
			}
		}
	}
}

// Sample returns n distinct indices below total, in increasing order,
// drawn by a PCG generator seeded with seed; all of them when n >= total.
func Sample(total, n int, seed uint64) []int {
	r := rand.New(rand.NewPCG(seed, 0))
	p := r.Perm(total)
	if n < total {
		p = p[:n]
	}
	slices.Sort(p)
	return p
}

// SentenceSpan returns the byte offsets [start, end) of sentence in text:
// the occurrence that holds the byte at verb (the event's verb offset),
// else the first occurrence, else -1, -1.
func SentenceSpan(text, sentence string, verb int) (int, int) {
	if sentence == "" {
		return -1, -1
	}
	first := -1
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], sentence)
		if i < 0 {
			break
		}
		s := from + i
		if first < 0 {
			first = s
		}
		if s <= verb && verb < s+len(sentence) {
			return s, s + len(sentence)
		}
		from = s + 1
	}
	if first < 0 {
		return -1, -1
	}
	return first, first + len(sentence)
}

func code(p *party) string {
	if p == nil {
		return "-"
	}
	return p.Code
}

func word(p *party) string {
	if p == nil {
		return ""
	}
	return p.Text
}

func readEvents(path string) ([]event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var evs []event
	dec := json.NewDecoder(f)
	for {
		var e event
		if err := dec.Decode(&e); err == io.EOF {
			return evs, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: event %d: %w", path, len(evs)+1, err)
		}
		evs = append(evs, e)
	}
}

// readArticles fills need[id] with the text of each article whose id is a
// key of need.
func readArticles(path string, need map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for {
		var a article
		if err := dec.Decode(&a); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if _, ok := need[a.ID]; ok {
			need[a.ID] = a.Text
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sample-events:", err)
	os.Exit(1)
}
