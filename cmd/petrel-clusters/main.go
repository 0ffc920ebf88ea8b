// Command petrel-clusters learns the word clusters that petrel's tagger and
// parser read as features, from unlabelled text: the words of the EWT
// training treebank and, with -corpus, more text (JSON Lines with a
// "text" field; none by default, see docs/PARSER.md on licences), split into sentences and tokens as petrel splits them
// (text.Sentences, text.Tokenize). It writes parse/model/clusters, which
// the parse package embeds; run it before cmd/petrel-train.
//
//	go run ./cmd/petrel-clusters          # rebuild parse/model/clusters
//
// The output is deterministic: the same text and flags give the same file.
// It holds only hashes of lower-cased words and their classes, no text.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"petrel"
	"petrel/parse"
	"petrel/text"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "petrel-clusters:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("petrel-clusters", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "more unlabelled text, JSON Lines with a \"text\" field (none by default: the shipped clusters come from the treebank alone, so the model keeps its CC BY-SA terms)")
	ud := fs.String("ud", "../shared/ud/en_ewt", "directory of the treebank, whose training words are added")
	out := fs.String("o", "parse/model/clusters", "cluster file to write")
	opt := parse.ClusterOptions{Classes: 256, MinCount: 3, Iters: 20}
	fs.IntVar(&opt.Classes, "classes", opt.Classes, "number of classes")
	fs.IntVar(&opt.MinCount, "min-count", opt.MinCount, "words seen fewer times get no class")
	fs.IntVar(&opt.Iters, "iters", opt.Iters, "exchange passes at most")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	opt.Log = func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "%4.0fs ", time.Since(start).Seconds())
		fmt.Fprintf(os.Stderr, format, a...)
	}
	cc := parse.NewClusterCounter()
	var r io.Reader = strings.NewReader("")
	if *corpus != "" {
		f, err := os.Open(*corpus)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var spans []petrel.Span
	var toks []text.Token
	var words []string
	nsent := 0
	for sc.Scan() {
		var art struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			return err
		}
		spans = text.Sentences(art.Text, spans[:0])
		for _, sp := range spans {
			toks = text.Tokenize(art.Text, sp, toks[:0])
			words = words[:0]
			for _, t := range toks {
				words = append(words, t.Of(art.Text))
			}
			if len(words) > 0 {
				cc.Add(words)
				nsent++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	tf, err := os.Open(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	defer tf.Close()
	sents, err := parse.ReadCoNLLU(tf)
	if err != nil {
		return err
	}
	for _, s := range sents {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		if len(words) > 0 {
			cc.Add(words)
			nsent++
		}
	}
	opt.Log("counted %d sentences\n", nsent)
	o, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(o)
	if err := cc.Cluster(w, opt); err != nil {
		o.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		o.Close()
		return err
	}
	if err := o.Close(); err != nil {
		return err
	}
	opt.Log("wrote %s\n", *out)
	return nil
}
