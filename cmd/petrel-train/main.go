// Command petrel-train trains petrel's POS tagger and dependency parser on
// a Universal Dependencies treebank and writes the model file that the
// parse package embeds.
//
//	go run ./cmd/petrel-train                      # rebuild parse/model/en_ewt.model (train + dev)
//	go run ./cmd/petrel-train -with-dev=false -o /tmp/m.model   # train alone, dev scored: for tuning
//
// The shipped model is a final fit on the training and development splits
// together, made once every choice of features and settings was made on
// dev with models trained on the training split alone (-with-dev=false,
// which scores dev at the end); the test split is never used for a
// choice. docs/PARSER.md ("The final fit") gives the figures of both.
//
// Training is deterministic: the same treebank, flags and seed give the
// same model file, byte for byte.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"petrel/parse"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "petrel-train:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("petrel-train", flag.ContinueOnError)
	opt := parse.DefaultTrainOptions
	ud := fs.String("ud", "../shared/ud/en_ewt", "directory of the treebank (en_ewt-ud-{train,dev}.conllu)")
	out := fs.String("o", "parse/model/en_ewt.model", "model file to write")
	limit := fs.Int("limit", 0, "train on the first N sentences only (0: all), for quick experiments")
	devEach := fs.Bool("dev-each", false, "score the dev set after each parser pass (slower; for tuning; needs -with-dev=false)")
	withDev := fs.Bool("with-dev", true, "train on the dev split too, the shipped model's final fit (its dev scores then measure nothing); -with-dev=false for tuning")
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, "random seed for shuffling and exploration")
	fs.IntVar(&opt.TagIters, "tag-iters", opt.TagIters, "tagger training passes")
	fs.IntVar(&opt.ParseIters, "parse-iters", opt.ParseIters, "parser training passes")
	fs.IntVar(&opt.Folds, "folds", opt.Folds, "jackknife folds for the parser's training tags")
	fs.BoolVar(&opt.SecondPass, "second-pass", opt.SecondPass, "also train a second tagger pass that sees the next words' tags (slower to tag)")
	fs.IntVar(&opt.Ensemble, "ensemble", opt.Ensemble, "parsers trained from different seeds, weights summed")
	fs.Float64Var(&opt.Explore, "explore", opt.Explore, "chance of following a wrong prediction in training")
	fs.UintVar(&opt.TableBits[0], "tag-bits", 0, "log2 of the tagger table's rows (0: the default)")
	fs.UintVar(&opt.TableBits[1], "act-bits", 0, "log2 of the transition table's rows (0: the default)")
	fs.UintVar(&opt.TableBits[2], "label-bits", 0, "log2 of the label table's rows (0: the default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opt.Log = os.Stderr
	train, err := read(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	dev, err := read(filepath.Join(*ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	if *devEach {
		if *withDev {
			return fmt.Errorf("-dev-each scores dev, which -with-dev trains on: use -with-dev=false")
		}
		opt.Dev = dev
	}
	if *withDev {
		train = append(train, dev...)
	}
	start := time.Now()
	m, err := parse.Train(train, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained on %d sentences in %s; wrote %s (%d bytes)\n",
		len(train), time.Since(start).Round(time.Second), *out, buf.Len())
	// Check the written file, as it will be embedded.
	m, err = parse.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	sc := m.Evaluate(dev)
	what := "dev"
	if *withDev {
		what = "dev (trained on: no measure of unseen text)"
	}
	fmt.Fprintf(os.Stderr, "%s: %v (UPOS %.4f UAS %.4f LAS %.4f)\n", what, sc, sc.UPOS, sc.UAS, sc.LAS)
	return nil
}

func read(path string) ([]parse.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse.ReadCoNLLU(f)
}
