package validate

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"petrel"
	"petrel/dict"
	"petrel/dict/petrarch"
)

// Build returns the coder to validate for a dictionary and a
// configuration. d is shared by every call and must not be modified.
type Build func(d *dict.Dictionary, cfg Config) (petrel.Coder, error)

// Result is the outcome of one record.
type Result struct {
	Record  *Record
	Got     []Triple      // the coded events as a sorted set
	Skipped []petrel.Skip // what the coder left out, and why
	// Pass is true when the record's expectation is met and it was coded
	// without error; it is always false for an excluded record.
	Pass bool
	// Excluded says why a record is not scored ("" when it is): records
	// expecting error="bad_input_parse" test PETRARCH's handling of a
	// malformed parse tree, which petrel never reads. They are still coded.
	Excluded string
	Rules    []string // the rules of the events and skips, in order, deduplicated
	// Err reports a coder that panicked or a record that could not be
	// coded (a bad date); such a record fails.
	Err string
}

// Tally counts records. Every record counts in Records and in exactly one
// of Passed, Failed and Excluded (not scored).
type Tally struct {
	Records, Passed, Failed, Excluded int
}

// add counts r.
func (t *Tally) add(r *Result) {
	t.Records++
	switch {
	case r.Excluded != "":
		t.Excluded++
	case r.Pass:
		t.Passed++
	default:
		t.Failed++
	}
}

// Report is the outcome of a validation file.
type Report struct {
	File       string            // the validation file, as given to Run
	Results    []Result          // one per record, in file order
	ByCategory map[string]*Tally // by folded category
	Total      Tally             // over all records
	// Diagnostics are the malformed dictionary lines met while loading the
	// environment's dictionaries.
	Diagnostics dict.Diagnostics
}

// Run reads the validation file at path, loads its dictionaries, builds a
// coder with build for each distinct configuration and codes every record.
// It returns an error when the file or a dictionary cannot be read or
// build fails; a coder that panics fails only its record.
func Run(path string, build Build) (*Report, error) {
	env, recs, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	rep := &Report{File: path, ByCategory: map[string]*Tally{}}
	d, err := petrarch.LoadFiles(env.Verbfile, env.Actorfiles, env.Agentfile, env.Discardfile, env.Issuefile, &rep.Diagnostics)
	if err != nil {
		return nil, err
	}
	coders := map[string]petrel.Coder{}
	rep.Results = make([]Result, 0, len(recs))
	for _, rec := range recs {
		key := rec.Config.Key()
		c, ok := coders[key]
		if !ok {
			c, err = build(d, rec.Config)
			if err != nil {
				return nil, fmt.Errorf("build coder for record %s (line %d): %w", rec.ID, rec.Line, err)
			}
			coders[key] = c
		}
		res := runRecord(c, rec, path)
		rep.Results = append(rep.Results, res)
		t := rep.ByCategory[rec.Category]
		if t == nil {
			t = &Tally{}
			rep.ByCategory[rec.Category] = t
		}
		t.add(&res)
		rep.Total.add(&res)
	}
	return rep, nil
}

// runRecord codes one record and judges the result.
func runRecord(c petrel.Coder, rec *Record, path string) Result {
	res := Result{Record: rec}
	a := &petrel.Article{ID: rec.ID, Text: rec.Text, Origin: fmt.Sprintf("%s:%d", path, rec.Line)}
	if rec.Date != "" {
		t, err := time.Parse("20060102", rec.Date)
		if err != nil {
			res.Err = fmt.Sprintf("bad date %q", rec.Date)
		} else {
			a.Date = t
		}
	}
	doc, panicked := code(c, a)
	if panicked != "" {
		res.Err = panicked
	}
	if doc != nil {
		res.Got = triples(doc, rec.Config)
		res.Skipped = doc.Skipped
		for _, e := range doc.Events {
			res.Rules = appendRule(res.Rules, e.Rule)
		}
		for _, s := range doc.Skipped {
			res.Rules = appendRule(res.Rules, s.Rule)
		}
	}
	res.Pass = res.Err == "" && judge(rec, res.Got, res.Skipped)
	if rec.ExpectError == "bad_input_parse" {
		res.Excluded = "bad_input_parse: a test of a malformed parse tree, which petrel does not read"
		res.Pass = false
	}
	return res
}

// appendRule appends r to rules unless it is empty or already there.
func appendRule(rules []string, r string) []string {
	if r == "" || slices.Contains(rules, r) {
		return rules
	}
	return append(rules, r)
}

// code runs the coder, turning a panic into a message.
func code(c petrel.Coder, a *petrel.Article) (doc *petrel.Document, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			doc, panicked = nil, fmt.Sprintf("coder panicked: %v", r)
		}
	}()
	return c.Code(a), ""
}

// judge applies the comparison rules of docs/VALIDATION.md.
func judge(rec *Record, got []Triple, skipped []petrel.Skip) bool {
	switch rec.ExpectError {
	case "":
	case "bad_input_parse":
		return false // not scored
	default:
		// storydiscard, sentencediscard, dateline: a skip with that
		// reason and no events.
		if len(got) > 0 {
			return false
		}
		for _, s := range skipped {
			if s.Reason == rec.ExpectError {
				return true
			}
		}
		return false
	}
	if rec.NoEvents || len(rec.Expected) == 0 {
		return len(got) == 0
	}
	want := tripleSet(rec.Expected)
	return slices.Equal(want, got)
}

// triples returns the events of doc as a sorted set of triples.
func triples(doc *petrel.Document, cfg Config) []Triple {
	out := make([]Triple, 0, len(doc.Events))
	for _, e := range doc.Events {
		out = append(out, Triple{
			Source: partyCode(e.Source, cfg),
			Target: partyCode(e.Target, cfg),
			Code:   strings.TrimSpace(e.Code),
		})
	}
	return tripleSet(out)
}

// partyCode writes an event party as PETRARCH would: its code, "---" for
// none, or, when new_actor_length allows it, the quoted upper-case text of
// an uncoded party.
func partyCode(p *petrel.Party, cfg Config) string {
	if p == nil {
		return "---"
	}
	if c := normCode(p.Code); c != "---" {
		return c
	}
	words := strings.Fields(p.Text)
	if cfg.NewActorLength > 0 && len(words) > 0 && len(words) <= cfg.NewActorLength {
		return `"` + strings.ToUpper(strings.Join(words, " ")) + `"`
	}
	return "---"
}

// tripleSet returns a sorted copy of ts without duplicates.
func tripleSet(ts []Triple) []Triple {
	out := slices.Clone(ts)
	slices.SortFunc(out, func(a, b Triple) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(out)
}

// Passed returns the number of records that passed.
func (r *Report) Passed() int { return r.Total.Passed }

// Failed returns the number of scored records that failed.
func (r *Report) Failed() int { return r.Total.Failed }

// WriteTable writes the per-category table, PETRARCH's categories first,
// then a final line "N passed, N failed". Records that are not scored are
// counted in an "n/a" column and explained above the final line.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-10s %7s %7s %7s %5s %7s\n", "category", "records", "passed", "failed", "n/a", "pass %")
	row := func(name string, t *Tally) {
		pct := "-"
		if scored := t.Passed + t.Failed; scored > 0 {
			pct = fmt.Sprintf("%.0f%%", 100*float64(t.Passed)/float64(scored))
		}
		fmt.Fprintf(w, "%-10s %7d %7d %7d %5d %7s\n", name, t.Records, t.Passed, t.Failed, t.Excluded, pct)
	}
	for _, c := range r.categories() {
		row(c, r.ByCategory[c])
	}
	row("total", &r.Total)
	if r.Total.Excluded > 0 {
		fmt.Fprintf(w, "%d not scored (bad_input_parse: tests of malformed parse trees, which petrel does not read)\n", r.Total.Excluded)
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", r.Total.Passed, r.Total.Failed)
}

// categories lists the report's categories: PETRARCH's in their order,
// then any others alphabetically.
func (r *Report) categories() []string {
	var out, extra []string
	for _, c := range Categories {
		if r.ByCategory[c] != nil {
			out = append(out, c)
		}
	}
	for c := range r.ByCategory {
		if !slices.Contains(Categories, c) {
			extra = append(extra, c)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// WriteFailures writes each failed record: its id, category and line, its
// text, the expected and coded triples, what was skipped and the rules
// that fired.
func (r *Report) WriteFailures(w io.Writer) {
	for i := range r.Results {
		res := &r.Results[i]
		if res.Pass || res.Excluded != "" {
			continue
		}
		rec := res.Record
		note := ""
		if rec.NotImplemented {
			note = " (sentence=false: PETRARCH marks this feature not implemented)"
		}
		fmt.Fprintf(w, "FAIL %s [%s] %s:%d date %s%s\n", rec.ID, rec.Category, r.File, rec.Line, rec.Date, note)
		fmt.Fprintf(w, "  text:     %s\n", rec.Text)
		fmt.Fprintf(w, "  expected: %s\n", expectation(rec))
		fmt.Fprintf(w, "  got:      %s\n", joinTriples(res.Got))
		for _, s := range res.Skipped {
			what := fmt.Sprintf("sentence %d", s.Sentence)
			if s.Sentence < 0 {
				what = "story"
			}
			fmt.Fprintf(w, "  skipped:  %s: %s %s\n", what, s.Reason, s.Rule)
		}
		if res.Err != "" {
			fmt.Fprintf(w, "  error:    %s\n", res.Err)
		}
		for _, rule := range res.Rules {
			fmt.Fprintf(w, "  rule:     %s\n", rule)
		}
		fmt.Fprintf(w, "  config:   require_dyad=%v new_actor_length=%d\n\n", rec.Config.RequireDyad, rec.Config.NewActorLength)
	}
}

// expectation describes what rec expects, for WriteFailures.
func expectation(rec *Record) string {
	switch {
	case rec.ExpectError != "":
		return "no events; skipped as " + rec.ExpectError
	case rec.NoEvents || len(rec.Expected) == 0:
		return "no events"
	}
	return joinTriples(tripleSet(rec.Expected))
}

// joinTriples formats ts as "A B C; D E F", or "(none)".
func joinTriples(ts []Triple) string {
	if len(ts) == 0 {
		return "(none)"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, "; ")
}
