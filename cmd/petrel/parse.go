package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"petrel"
	"petrel/parse"
	"petrel/text"
)

// runParse prints the POS tags and dependency trees of text as CoNLL-U,
// or with --eval scores the parser on a gold CoNLL-U file.
func (m *Main) runParse(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel parse", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	eval := fs.String("eval", "", "score the parser on the gold tokens, tags and trees of this CoNLL-U file")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, `Usage: petrel parse [flags] "TEXT" | - | FILE...

Splits text into sentences and tokens as the coder does, tags and parses
each sentence, and prints CoNLL-U (MISC holds each word's byte range).
With --eval FILE.conllu it parses the file's gold tokens and prints one line:
UPOS, UAS and LAS (punctuation counted) and the speed in words/s.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	mdl, err := parse.Default()
	if err != nil {
		return err
	}
	if *eval != "" {
		if fs.NArg() > 0 {
			fs.Usage()
			return flag.ErrHelp
		}
		f, err := os.Open(*eval)
		if err != nil {
			return err
		}
		defer f.Close()
		gold, err := parse.ReadCoNLLU(f)
		if err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, mdl.Evaluate(gold))
		return nil
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	var texts []string
	switch {
	case fs.NArg() == 1 && fs.Arg(0) == "-":
		b, err := io.ReadAll(m.Stdin)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
	case allFiles(fs.Args()):
		for _, p := range fs.Args() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		}
	default:
		texts = append(texts, strings.Join(fs.Args(), " "))
	}
	var (
		spans []petrel.Span
		toks  []text.Token
		words []string
		tree  parse.Tree
	)
	n := 0
	for _, txt := range texts {
		if err := ctx.Err(); err != nil {
			return err
		}
		spans = text.Sentences(txt, spans[:0])
		for _, sp := range spans {
			toks = text.Tokenize(txt, sp, toks[:0])
			for len(toks) > 0 {
				chunk := cutTokens(toks, maxParseBytes)
				words = words[:0]
				for _, t := range chunk {
					words = append(words, t.Of(txt))
				}
				mdl.Parse(words, &tree)
				n++
				s := parse.Sentence{Comments: []string{
					fmt.Sprintf("# sent_id = %d", n),
					"# text = " + oneLine(txt[chunk[0].Start:chunk[len(chunk)-1].End]),
				}}
				for i, t := range chunk {
					s.Words = append(s.Words, parse.Word{
						Form: words[i], UPOS: tree.Tags[i].String(), XPOS: tree.XPOS[i], Head: tree.Heads[i], Rel: tree.Rels[i].String(),
						Misc: fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End),
					})
				}
				if err := parse.WriteCoNLLU(m.Stdout, s); err != nil {
					return err
				}
				toks = toks[len(chunk):]
			}
		}
	}
	return nil
}

// maxParseBytes bounds the text parsed as one sentence, as the coder
// bounds a sentence (coder.maxSentence): longer runs are lists or tables.
const maxParseBytes = 2000

// cutTokens returns the longest prefix of toks (at least one token) whose
// text spans at most max bytes.
func cutTokens(toks []text.Token, max int) []text.Token {
	for i := 1; i < len(toks); i++ {
		if toks[i].End-toks[0].Start > max {
			return toks[:i]
		}
	}
	return toks
}

// allFiles reports whether every argument names an existing regular file.
func allFiles(args []string) bool {
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// oneLine replaces line breaks and tabs with spaces, for a comment line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
