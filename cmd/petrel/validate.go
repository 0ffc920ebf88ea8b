package main

import (
	"context"
	"flag"
	"fmt"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/validate"
)

// petrarchOptions are the coder options for PETRARCH's validation records:
// PETRARCH's conventions (coder.PetrarchOptions) with the record's
// require_dyad.
func petrarchOptions(cfg validate.Config) coder.Options {
	return coder.PetrarchOptions(cfg.RequireDyad)
}

// buildValidationCoder compiles a record file's dictionaries for a config.
func buildValidationCoder(d *dict.Dictionary, cfg validate.Config) (petrel.Coder, error) {
	return coder.New(d, petrarchOptions(cfg)), nil
}

// runValidate is "petrel validate": it runs one validation-record file
// and prints the per-category table (after the failures with --failures).
func (m *Main) runValidate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel validate", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	failures := fs.Bool("failures", false, "show each failed record with expected and coded events and the rules that fired")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel validate [--failures] FILE.xml\n\nRuns a PETRARCH validation-record file: codes each record's text (ignoring its parse tree)\nwith the dictionaries its <Environment> names and compares the events with the expected ones.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return flag.ErrHelp
	}
	rep, err := validate.Run(fs.Arg(0), buildValidationCoder)
	if err != nil {
		return err
	}
	if *failures {
		rep.WriteFailures(m.Stdout)
	}
	rep.WriteTable(m.Stdout)
	return nil
}
