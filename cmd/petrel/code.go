package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dict/petrarch"
	"petrel/dicts"
	"petrel/ingest"
	"petrel/output"
	"petrel/validate"
)

// coderFlags are the dictionary and coder flags shared by code, explain,
// ingest and serve.
type coderFlags struct {
	dictDir    string
	dictFormat string
	builtin    bool
	verbs      string
	actors     string
	agents     string
	discards   string
	issues     string
	dyad       bool
	compat     string
	parse      bool
	// keepAbstained keeps the classes of events the coder abstains from.
	keepAbstained bool
}

// addCoderFlags defines the coder flags on fs and returns where Parse
// stores them.
func addCoderFlags(fs *flag.FlagSet) *coderFlags {
	cf := &coderFlags{}
	fs.StringVar(&cf.dictDir, "dict", "", "directory of extra dictionaries in petrel's format, added on top of the built-in ones")
	fs.StringVar(&cf.dictFormat, "dict-format", "petrel", "format of --verbs/--actors/--agents/--discards: petrel or petrarch")
	fs.BoolVar(&cf.builtin, "builtin", true, "use the built-in dictionaries (set --builtin=false to code with the given dictionaries alone)")
	fs.StringVar(&cf.verbs, "verbs", "", "verb dictionary file (PETRARCH format with --dict-format petrarch)")
	fs.StringVar(&cf.actors, "actors", "", "comma-separated actor dictionary files")
	fs.StringVar(&cf.agents, "agents", "", "agent dictionary file")
	fs.StringVar(&cf.discards, "discards", "", "discard dictionary file")
	fs.StringVar(&cf.issues, "issues", "", "issue dictionary file (optional)")
	fs.BoolVar(&cf.dyad, "require-dyad", false, "drop events that have no target")
	fs.BoolVar(&cf.parse, "parse", true, "read clause structure from the dependency parser where the clause walk is in doubt (--parse=false: the clause walk alone)")
	fs.BoolVar(&cf.keepAbstained, "keep-abstained", false, "keep the classes of events the coder abstains from because they were mostly wrong on unseen text (docs/ARCHITECTURE.md, Abstention)")
	fs.StringVar(&cf.compat, "compat", "", "coding conventions: \"\" (petrel's) or \"petrarch\" (as PETRARCH codes: no intent/refusal mapping, null actors such as ---GOV, datelines skipped)")
	return cf
}

// loadDictionary builds the dictionary the flags ask for and a version
// string that changes whenever any dictionary input changes.
func (m *Main) loadDictionary(cf *coderFlags) (*dict.Dictionary, string, error) {
	var diags dict.Diagnostics
	h := sha256.New()
	d := &dict.Dictionary{Synsets: map[string][]dict.Phrase{}}
	if cf.builtin {
		b, err := native.Load(dicts.FS, &diags)
		if err != nil {
			return nil, "", fmt.Errorf("built-in dictionaries: %w", err)
		}
		d.Merge(b)
		hashFS(h, dicts.FS)
	}
	if cf.dictDir != "" {
		dfs := os.DirFS(cf.dictDir)
		b, err := native.Load(dfs, &diags)
		if err != nil {
			return nil, "", fmt.Errorf("--dict %s: %w", cf.dictDir, err)
		}
		d.Merge(b)
		hashFS(h, dfs)
	}
	var actors []string
	if cf.actors != "" {
		actors = strings.Split(cf.actors, ",")
	}
	files := append([]string{cf.verbs, cf.agents, cf.discards, cf.issues}, actors...)
	for _, f := range files {
		if f != "" {
			if b, err := os.ReadFile(f); err == nil {
				h.Write(b)
			}
		}
	}
	switch cf.dictFormat {
	case "petrarch":
		if cf.verbs != "" || len(actors) > 0 || cf.agents != "" || cf.discards != "" || cf.issues != "" {
			b, err := petrarch.LoadFiles(cf.verbs, actors, cf.agents, cf.discards, cf.issues, &diags)
			if err != nil {
				return nil, "", err
			}
			d.Merge(b)
		}
	case "petrel", "":
		for _, f := range files {
			if f == "" {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, "", err
			}
			if err := native.LoadFile(d, f, src, &diags); err != nil {
				return nil, "", err
			}
		}
	default:
		return nil, "", fmt.Errorf("unknown --dict-format %q (want petrel or petrarch)", cf.dictFormat)
	}
	for _, dg := range diags {
		fmt.Fprintln(m.Stderr, "petrel: dictionary:", dg.String())
	}
	return d, "dict-" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// hashFS writes the name and content of every file of fsys to h, in
// lexical order, for the dictionary version. Unreadable entries are left
// out: loading the dictionaries reports them.
func hashFS(h io.Writer, fsys fs.FS) {
	var names []string
	fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		io.WriteString(h, n)
		h.Write(b)
	}
}

// newCoder is newEventCoder as a petrel.Coder, for the store commands.
func (m *Main) newCoder(cf *coderFlags) (petrel.Coder, string, error) {
	return m.newEventCoder(cf)
}

// newEventCoder builds the coder the flags ask for and its dictionary
// version.
func (m *Main) newEventCoder(cf *coderFlags) (*coder.Coder, string, error) {
	d, version, err := m.loadDictionary(cf)
	if err != nil {
		return nil, "", err
	}
	opt := coder.DefaultOptions
	switch cf.compat {
	case "":
	case "petrarch":
		opt = petrarchOptions(validate.DefaultConfig())
	default:
		return nil, "", fmt.Errorf("unknown --compat %q (want petrarch)", cf.compat)
	}
	if cf.dyad {
		opt.RequireDyad = true
	}
	if !cf.parse {
		opt.Parse = false
	}
	if cf.keepAbstained {
		opt.Abstain = false
	}
	return coder.New(d, opt), version, nil
}

// parseDate reads a --date flag value.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// runCode is "petrel code": it codes the articles at the paths and writes
// their events to standard output.
func (m *Main) runCode(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel code", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cf := addCoderFlags(fs)
	format := fs.String("format", "", "output format: jsonl, doc, csv, gdelt, table, parquet (default: table on a terminal, jsonl otherwise)")
	date := fs.String("date", "", "date (YYYY-MM-DD) for articles that have none; relative dates resolve against it")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of coding goroutines")
	progress := fs.Bool("progress", true, "show a progress bar on a terminal for multi-file runs")
	maxLine := fs.Int("max-line", 0, "longest JSON line or text file accepted, in bytes (default 8 MiB; longer lines are reported and skipped)")
	stats := fs.Bool("stats", false, "at the end, print on standard error how many sentences were coded and how many of them were parsed")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel code [flags] PATH...\n\nCodes articles (.txt, .html, .jsonl/.ndjson, directories, - for stdin; with no PATH, text piped in) and writes events.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		if !m.StdinPiped {
			fs.Usage()
			return flag.ErrHelp
		}
		paths = []string{"-"} // text piped in with no PATH: read it, as "-" does
	}
	base, err := parseDate(*date)
	if err != nil {
		return err
	}
	*format = m.outputFormat(*format)
	if *format == "parquet" && m.StdoutIsTerminal {
		return fmt.Errorf("--format parquet writes a binary file: redirect standard output to a file")
	}
	w, err := output.New(*format, m.Stdout)
	if err != nil {
		return err
	}
	w = output.WithWarnings(w, m.warn)
	c, _, err := m.newEventCoder(cf)
	if err != nil {
		return err
	}
	sc := ingest.NewScanner(paths, m.Stdin, ingest.Options{DefaultDate: base, MaxLineBytes: *maxLine,
		OnDiag: func(d petrel.Diagnostic) { fmt.Fprintln(m.Stderr, "petrel:", d.String()) }})
	var bar *progressBar
	if *progress && m.StderrIsTerminal && manyArticles(paths) {
		bar = newProgressBar(m.Stderr, sc)
	}
	err = pipeline(ctx, sc, c, *workers, func(d *petrel.Document) error {
		for _, p := range d.Problems {
			fmt.Fprintln(m.Stderr, "petrel:", p.String())
		}
		return w.Write(d)
	})
	if bar != nil {
		bar.finish()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	m.reportSkipped(sc)
	if *stats {
		st := c.Stats()
		share := 0.0
		if st.Sentences > 0 {
			share = float64(st.Parsed) / float64(st.Sentences)
		}
		fmt.Fprintf(m.Stderr, "petrel: coded %d sentences, parsed %d of them (%.2f%%)\n", st.Sentences, st.Parsed, 100*share)
	}
	if sc.Problems() > 0 {
		fmt.Fprintf(m.Stderr, "petrel: %d input problem(s) reported above\n", sc.Problems())
		return errReported
	}
	return nil
}

// reportSkipped says which files of the directories given were not read
// because petrel does not read their type, so that none is left out in
// silence. It names the first ten.
func (m *Main) reportSkipped(sc *ingest.Scanner) {
	sk := sc.Skipped()
	if len(sk) == 0 {
		return
	}
	const show = 10
	noun := "files"
	if len(sk) == 1 {
		noun = "file"
	}
	list := strings.Join(sk[:min(len(sk), show)], ", ")
	if len(sk) > show {
		list += fmt.Sprintf(", and %d more", len(sk)-show)
	}
	fmt.Fprintf(m.Stderr, "petrel: skipped %d %s of unknown type (petrel reads .txt, .html, .htm, .jsonl, .ndjson): %s\n", len(sk), noun, list)
}

// manyArticles reports whether the inputs hold more than one article: more
// than one path, a directory, or a JSON Lines file. Only then is a
// progress bar worth drawing.
func manyArticles(paths []string) bool {
	if len(paths) > 1 {
		return true
	}
	p := paths[0]
	return isDir(p) || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson")
}

// isDir reports whether p names a directory.
func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// pipeline reads articles from sc, codes them on workers goroutines and
// hands documents to emit in input order, so runs are reproducible. At most
// a few batches per worker are in flight, so memory stays bounded whatever
// the input size.
//
// Articles travel in batches of up to batchArticles articles or
// batchBytes of text: a Reuters story codes in about 70µs, so handing
// articles over one by one would spend a noticeable share of the run on
// channel operations and goroutine wake-ups, on one core above all.
// Batches stay in input order, and documents within them.
func pipeline(ctx context.Context, sc *ingest.Scanner, c petrel.Coder, workers int, emit func(*petrel.Document) error) error {
	const (
		batchArticles = 32
		batchBytes    = 64 << 10
	)
	if workers < 1 {
		workers = 1
	}
	type job struct {
		arts []*petrel.Article
		out  chan []*petrel.Document
	}
	jobs := make(chan job, workers*4)
	order := make(chan chan []*petrel.Document, workers*4)
	var readErr error
	go func() {
		defer close(jobs)
		defer close(order)
		var arts []*petrel.Article
		size := 0
		send := func() {
			out := make(chan []*petrel.Document, 1)
			order <- out
			jobs <- job{arts: arts, out: out}
			arts, size = nil, 0
		}
		for {
			if ctx.Err() != nil {
				readErr = ctx.Err()
				break
			}
			a, err := sc.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				readErr = err
				break
			}
			if arts == nil {
				arts = make([]*petrel.Article, 0, batchArticles)
			}
			arts = append(arts, a)
			size += len(a.Text)
			// Send a full batch, or any batch when the workers have run
			// dry: a slow stream (stdin) is then coded article by
			// article as it arrives, and batches grow only when the
			// workers have a backlog.
			if len(arts) == batchArticles || size >= batchBytes || len(jobs) == 0 {
				send()
			}
		}
		if len(arts) > 0 {
			send() // what was read before an error is still coded and written
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				docs := make([]*petrel.Document, len(j.arts))
				for k, a := range j.arts {
					docs[k] = c.Code(a)
				}
				j.out <- docs
			}
		}()
	}
	var emitErr error
	for out := range order {
		for _, d := range <-out {
			if emitErr == nil {
				emitErr = emit(d)
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return readErr
}

// runExplain is "petrel explain": it codes one text, or the articles of a
// file, and prints what each stage saw, then the events and quotations.
func (m *Main) runExplain(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel explain", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cf := addCoderFlags(fs)
	date := fs.String("date", "", "article date (YYYY-MM-DD) for relative dates and dated roles")
	asText := fs.Bool("text", false, "explain the arguments as text even when they name a file")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel explain [flags] \"TEXT\" | FILE | -\n\nShows what each stage saw: sentences, actors, verb matches with their rule, and events.\n"+
			"An argument that names an existing file (.txt, .html, .jsonl, or any other as text) explains\n"+
			"its articles, - reads standard input; --text explains the arguments themselves.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	base, err := parseDate(*date)
	if err != nil {
		return err
	}
	var arts []*petrel.Article
	arg := fs.Arg(0)
	switch {
	case fs.NArg() == 1 && !*asText && (arg == "-" || isFile(arg)):
		// A file, or stdin, read as petrel code reads it: HTML is
		// extracted, JSON Lines give one article per line.
		sc := ingest.NewScanner([]string{arg}, m.Stdin, ingest.Options{DefaultDate: base,
			OnDiag: func(d petrel.Diagnostic) { fmt.Fprintln(m.Stderr, "petrel:", d.String()) }})
		for {
			a, err := sc.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			arts = append(arts, a)
		}
		if len(arts) == 0 {
			return fmt.Errorf("%s: no article to explain", arg)
		}
	case fs.NArg() == 1 && !*asText && looksLikeFile(arg):
		fmt.Fprintf(m.Stderr, "petrel: there is no file %s: explaining it as text (--text says so and silences this)\n", arg)
		fallthrough
	default:
		arts = []*petrel.Article{{ID: "explain", Text: strings.Join(fs.Args(), " "), Date: base}}
	}
	c, version, err := m.newEventCoder(cf)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "dictionaries: %s\n", version)
	var problem error
	for i, a := range arts {
		if len(arts) > 1 || a.ID != "explain" {
			if i > 0 {
				fmt.Fprintln(m.Stdout)
			}
			fmt.Fprintf(m.Stdout, "article %s (%s)\n", a.ID, a.Origin)
		}
		if err := m.explainArticle(c, a); err != nil && problem == nil {
			problem = err
		}
	}
	return problem
}

// isFile reports whether p names an existing file or directory.
func isFile(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// looksLikeFile reports whether s, which names no file, looks like a file
// name rather than a sentence: one word ending in an extension petrel reads.
func looksLikeFile(s string) bool {
	if strings.ContainsAny(s, " \t\n") {
		return false
	}
	switch strings.ToLower(filepath.Ext(s)) {
	case ".txt", ".html", ".htm", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// explainArticle codes a with the explain trace and prints its events and
// quotations. It returns the article's first problem, if any.
func (m *Main) explainArticle(c *coder.Coder, a *petrel.Article) error {
	dropped := 0
	doc := c.Explain(a, func(format string, args ...any) {
		if strings.HasPrefix(format, "  DROPPED") {
			dropped++
		}
		fmt.Fprintf(m.Stdout, format+"\n", args...)
	})
	fmt.Fprintf(m.Stdout, "\n%d event(s)\n", len(doc.Events))
	for i, e := range doc.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code + " (" + e.Target.Text + ")" + inferredNote(e.Target)
		}
		date := e.Date
		if date == "" {
			date = "(no date)"
		}
		fmt.Fprintf(m.Stdout, "  %s %s  %s (%s)%s → %s  verb %q  rule %s\n", date, e.Code, e.Source.Code, e.Source.Text, inferredNote(e.Source), tgt, e.Verb.Text, e.Rule)
		if r, ok := coder.EventReliability(doc, i); ok {
			fmt.Fprintf(m.Stdout, "    reliability: %s: %d of %d right at root+source on unseen conflict text (blind sets, first sight)\n", r.Class, r.Right, r.Total)
		}
	}
	if dropped > 0 {
		fmt.Fprintf(m.Stdout, "%d candidate(s) dropped: each DROPPED line above says why\n", dropped)
	}
	for _, q := range doc.Quotes {
		sp := "(unattributed)"
		if q.Speaker != nil {
			sp = q.Speaker.Code + " (" + q.Speaker.Text + ")"
		}
		fmt.Fprintf(m.Stdout, "  quote %q — %s\n", q.Text, sp)
	}
	if len(doc.Problems) > 0 {
		return errors.New(doc.Problems[0].String())
	}
	return nil
}

// inferredNote says where an inferred party's code came from, for explain:
// " [inferred: place]", or "" when the text named the actor.
func inferredNote(p *petrel.Party) string {
	if p == nil || p.Inferred == "" {
		return ""
	}
	return " [inferred: " + p.Inferred + "]"
}
