package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"petrel"
	phttp "petrel/http"
	"petrel/ingest"
	"petrel/output"
	"petrel/postgres"
	"petrel/sqlite"
)

// webUI is served at "/" by petrel serve. The web UI package sets it when
// it is built in; while it is nil, "/" answers 404.
var webUI fs.FS

// defaultDB is the store used when neither --db nor PETREL_DB is given.
const defaultDB = "petrel.db"

// dbFlag registers --db, defaulting to PETREL_DB or petrel.db.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("PETREL_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "store: a SQLite file, or a postgres:// URL (env PETREL_DB)")
}

// openStore opens the store dsn names: PostgreSQL for a postgres:// or
// postgresql:// URL, else a SQLite file. Only with create is a store made
// where there is none (ingest, serve --create); otherwise that is an
// error, "no store at DSN", so that a mistyped --db is not an empty store.
func openStore(dsn string, create bool) (petrel.Store, error) {
	pg := strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
	var (
		s   petrel.Store
		err error
	)
	switch {
	case pg && create:
		s, err = postgres.Open(dsn)
	case pg:
		s, err = postgres.OpenExisting(dsn)
	case create:
		s, err = sqlite.Open(dsn)
	default:
		s, err = sqlite.OpenExisting(dsn)
	}
	if err != nil {
		return nil, usageError(err)
	}
	return s, nil
}

// filterFlags registers the event filter flags shared by query and stats.
func filterFlags(fs *flag.FlagSet) *petrel.EventFilter {
	f := &petrel.EventFilter{}
	fs.StringVar(&f.Actor, "actor", "", "source or target actor: a country (RUS) or code prefix (RUSGOV)")
	fs.StringVar(&f.Source, "source", "", "source actor: a country or code prefix")
	fs.StringVar(&f.Target, "target", "", "target actor: a country or code prefix")
	fs.StringVar(&f.Country, "country", "", "country of the event's location (RUS)")
	fs.StringVar(&f.Admin1, "admin1", "", "first-order division of the event's location: GeoNames code (UA.65) or name")
	fs.Func("bbox", "events located in the box minLon,minLat,maxLon,maxLat (degrees)", func(v string) error {
		b, err := petrel.ParseBBox(v, "bbox")
		if err != nil {
			return errors.New(petrel.ErrorMessage(err))
		}
		f.BBox = b
		return nil
	})
	fs.StringVar(&f.Code, "code", "", "CAMEO event code prefix (04, 042)")
	fs.StringVar(&f.Plover, "plover", "", "PLOVER event type (CONSULT)")
	fs.IntVar(&f.QuadClass, "quad", 0, "quad class 1-4")
	fs.StringVar(&f.Since, "since", "", "first date, YYYY-MM-DD")
	fs.StringVar(&f.Until, "until", "", "last date, YYYY-MM-DD")
	fs.StringVar(&f.Text, "text", "", "words the event's sentence must all contain")
	fs.StringVar(&f.ArticleID, "article", "", "the events of one article ID")
	return f
}

// usageError turns an invalid-filter error into a message naming the
// flag, and a missing store into its message alone.
func usageError(err error) error {
	var e *petrel.Error
	if errors.As(err, &e) && e.Code == petrel.ENOTFOUND {
		return errors.New(e.Message)
	}
	if errors.As(err, &e) && e.Code == petrel.EINVALID {
		if e.Param != "" {
			return fmt.Errorf("--%s: %s", e.Param, e.Message)
		}
		return errors.New(e.Message)
	}
	return err
}

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel ingest", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cf := addCoderFlags(fs)
	db := m.dbFlag(fs)
	date := fs.String("date", "", "date (YYYY-MM-DD) for articles that have none")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of coding goroutines")
	batch := fs.Int("batch", 2000, "articles per transaction: a batch is stored whole or not at all")
	progress := fs.Bool("progress", true, "show a progress bar on a terminal")
	maxLine := fs.Int("max-line", 0, "longest JSON line or text file accepted, in bytes (default 8 MiB; longer lines are reported and skipped)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel ingest [flags] PATH...\n\nCodes articles (.txt, .html, .jsonl/.ndjson, directories, - for stdin) and stores\nthem with their sentences, mentions, quotes and events, creating the store if\nneeded. An article stored before under the same ID with another text is\nupdated (recoded, its events replaced); the same text is skipped, or recoded\nwhen the dictionaries changed.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseCommand(fs, args, true)
	if err != nil {
		return err
	}
	if *batch < 1 {
		return fmt.Errorf("--batch must be at least 1")
	}
	base, err := parseDate(*date)
	if err != nil {
		return err
	}
	c, version, err := m.newCoder(cf)
	if err != nil {
		return err
	}
	store, err := openStore(*db, true)
	if err != nil {
		return err
	}
	defer store.Close()

	sc := ingest.NewScanner(paths, m.Stdin, ingest.Options{DefaultDate: base, MaxLineBytes: *maxLine,
		OnDiag: func(d petrel.Diagnostic) { fmt.Fprintln(m.Stderr, "petrel:", d.String()) }})
	var bar *progressBar
	if *progress && m.StderrIsTerminal {
		bar = newProgressBar(m.Stderr, sc)
	}
	start := time.Now()
	var (
		total   petrel.IngestStats
		pending = make([]*petrel.Document, 0, *batch)
	)
	rejected := 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		st, err := store.Ingest(ctx, pending, version)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if len(st.UpdatedIDs) > 0 {
			origin := make(map[string]string, len(pending))
			for _, d := range pending {
				origin[d.Article.ID] = d.Article.Origin
			}
			for _, id := range st.UpdatedIDs {
				fmt.Fprintf(m.Stderr, "petrel: %s: article %q updated: its new text replaced the stored one\n", origin[id], id)
			}
			st.UpdatedIDs = nil // logged; not kept for the run
		}
		total.Add(st)
		pending = pending[:0]
		return nil
	}
	err = pipeline(ctx, sc, c, *workers, func(d *petrel.Document) error {
		// Each article is checked before it joins a batch, so that one
		// the store cannot keep is reported alone and never fails the
		// batch (the readers already clean what they can).
		if msg := storable(d); msg != "" {
			fmt.Fprintf(m.Stderr, "petrel: %s: %s, not stored\n", d.Article.Origin, msg)
			rejected++
			return nil
		}
		pending = append(pending, d)
		if len(pending) == *batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if bar != nil {
		bar.finish()
	}
	took := time.Since(start)
	n := total.Total()
	fmt.Fprintf(m.Stderr, "petrel: %d articles: %d new, %d updated, %d recoded, %d unchanged, %d duplicate (stored; same text as another article); %d events stored in %v (%.0f articles/s)\n",
		n, total.Inserted, total.Updated, total.Replaced, total.Unchanged, total.Duplicates, total.Events,
		took.Round(time.Millisecond), float64(n)/took.Seconds())
	m.reportSkipped(sc)
	if err != nil {
		return err
	}
	if p := sc.Problems() + rejected; p > 0 {
		fmt.Fprintf(m.Stderr, "petrel: %d input problem(s) reported above\n", p)
		return errReported
	}
	return nil
}

// storable returns why the store cannot keep d's article, or "".
func storable(d *petrel.Document) string {
	a := &d.Article
	for _, f := range []struct{ name, v string }{{"id", a.ID}, {"title", a.Title}, {"text", a.Text}, {"url", a.URL}, {"source", a.Source}} {
		if !petrel.ValidText(f.v) {
			return f.name + " is not valid UTF-8 or holds a NUL character"
		}
	}
	return ""
}

func (m *Main) runQuery(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel query", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := m.dbFlag(fs)
	f := filterFlags(fs)
	fs.IntVar(&f.Limit, "limit", petrel.DefaultLimit, "most events to print (above 10000 they are streamed; --cursor needs 10000 or fewer)")
	fs.IntVar(&f.Offset, "offset", 0, "events to skip")
	fs.StringVar(&f.Cursor, "cursor", "", "continue after the page a previous query ended (printed on stderr)")
	fs.StringVar(&f.Order, "order", petrel.OrderOldest, "asc: oldest first; desc: newest first, undated events last")
	format := fs.String("format", "", "output format: table, jsonl, csv, gdelt, parquet (default: table on a terminal, jsonl otherwise)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel query [flags]\n\nPrints stored events that match the filters, by date.\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseCommand(fs, args, false); err != nil {
		return err
	}
	*format = m.outputFormat(*format)
	var w output.Writer
	switch *format {
	case "jsonl":
		// The stored form: each event with its story counts and the
		// version of the dictionaries that coded it.
	case "table", "csv", "gdelt":
		var err error
		if w, err = output.New(*format, m.Stdout); err != nil {
			return err
		}
		w = output.WithWarnings(w, m.warn)
	case "parquet":
		if m.StdoutIsTerminal {
			return fmt.Errorf("--format parquet writes a binary file: redirect standard output to a file")
		}
	default:
		return fmt.Errorf("--format: unknown format %q (want table, jsonl, csv, gdelt or parquet)", *format)
	}
	store, err := openStore(*db, false)
	if err != nil {
		return err
	}
	defer store.Close()
	sink := newEventSink(m.Stdout, w, *format == "parquet")
	if f.Limit > petrel.MaxLimit {
		// More than one page: stream the rows as the store reads them
		// instead of holding them.
		if f.Cursor != "" {
			return fmt.Errorf("--cursor pages by at most %d events: use a smaller --limit", petrel.MaxLimit)
		}
		if err := eachEvent(ctx, store, *f, sink.write); err != nil {
			return usageError(err)
		}
		return sink.close()
	}
	evs, next, err := store.Events(ctx, *f)
	if err != nil {
		return usageError(err)
	}
	for _, e := range evs {
		if err := sink.write(e); err != nil {
			return err
		}
	}
	if err := sink.close(); err != nil {
		return err
	}
	if next != "" {
		fmt.Fprintf(m.Stderr, "petrel: more events: --cursor %s\n", next)
	}
	return nil
}

// errEnough stops EachEvent once a query has its events.
var errEnough = errors.New("enough events")

// eachEvent calls fn with the events of f from f.Offset on, at most
// f.Limit of them, streamed from the store.
func eachEvent(ctx context.Context, store petrel.Store, f petrel.EventFilter, fn func(*petrel.StoredEvent) error) error {
	if f.Offset < 0 {
		return fmt.Errorf("--offset must not be negative")
	}
	skip, left := f.Offset, f.Limit
	// EachEvent ignores paging, but checks it: keep it within bounds.
	f.Limit, f.Offset, f.Cursor = 0, 0, ""
	err := store.EachEvent(ctx, f, func(e *petrel.StoredEvent) error {
		if skip > 0 {
			skip--
			return nil
		}
		if left == 0 {
			return errEnough
		}
		left--
		return fn(e)
	})
	if errors.Is(err, errEnough) {
		return nil
	}
	return err
}

// eventSink writes stored events in a query's format: JSON Lines of the
// stored form, one Parquet file of stored events, or an output.Writer fed
// one document per run of events of one article.
type eventSink struct {
	enc *json.Encoder
	pq  *output.Parquet
	bw  *bufio.Writer
	w   output.Writer
	doc *petrel.Document
}

func newEventSink(stdout io.Writer, w output.Writer, parquet bool) *eventSink {
	if parquet {
		bw := bufio.NewWriterSize(stdout, 1<<20)
		return &eventSink{pq: output.NewParquet(bw), bw: bw}
	}
	if w == nil {
		// The stored form: each event with its story counts and the
		// version of the dictionaries that coded it.
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false) // a terminal or a file, not a web page: keep "<", ">" and "&" as they are
		return &eventSink{enc: enc}
	}
	return &eventSink{w: w}
}

func (s *eventSink) write(e *petrel.StoredEvent) error {
	if s.enc != nil {
		return s.enc.Encode(e)
	}
	if s.pq != nil {
		return s.pq.WriteStored(e)
	}
	// Writers take documents: events of one article in a row go
	// together, with what the store knows of the article.
	if s.doc != nil && s.doc.Article.ID != e.ArticleID {
		if err := s.w.Write(s.doc); err != nil {
			return err
		}
		s.doc = nil
	}
	if s.doc == nil {
		s.doc = &petrel.Document{Article: petrel.Article{ID: e.ArticleID, Title: e.ArticleTitle,
			URL: e.ArticleURL, Source: e.ArticleSource}}
	}
	s.doc.Events = append(s.doc.Events, e.Event)
	return nil
}

func (s *eventSink) close() error {
	if s.pq != nil {
		if err := s.pq.Close(); err != nil {
			return err
		}
		return s.bw.Flush()
	}
	if s.w == nil {
		return nil
	}
	if s.doc != nil {
		if err := s.w.Write(s.doc); err != nil {
			return err
		}
	}
	return s.w.Close()
}

func (m *Main) runStats(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel stats", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := m.dbFlag(fs)
	f := filterFlags(fs)
	by := fs.String("by", petrel.ByMonth, "grouping: "+strings.Join(petrel.StatsGroupings, ", "))
	fs.IntVar(&f.Limit, "limit", 20, "most groups to print, for groupings other than time")
	format := fs.String("format", "", "output format: table, jsonl, csv (default: table on a terminal, jsonl otherwise)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel stats [flags]\n\nCounts stored events that match the filters by period (split by quad class),\nevent code, quad class, dyad or actor, with their mean Goldstein score.\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseCommand(fs, args, false); err != nil {
		return err
	}
	*format = m.outputFormat(*format)
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		return fmt.Errorf("--format: unknown format %q (want table, jsonl or csv)", *format)
	}
	store, err := openStore(*db, false)
	if err != nil {
		return err
	}
	defer store.Close()
	rows, err := store.Stats(ctx, petrel.StatsQuery{Filter: *f, By: *by})
	if err != nil {
		return usageError(err)
	}
	return writeStats(m.Stdout, *format, *by, rows)
}

// writeStats prints stats rows as a table, JSON Lines or CSV.
func writeStats(w io.Writer, format, by string, rows []petrel.StatsRow) error {
	period := petrel.IsPeriod(by)
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false) // dyad keys are "RUS>UKR", not "RUS\u003eUKR"
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		head := []string{by, "count", "goldstein"}
		if period {
			head = []string{by, "quad_class", "count", "goldstein"}
		}
		cw.Write(head)
		for _, r := range rows {
			rec := []string{output.CSVCell(r.Key), strconv.Itoa(r.Count), strconv.FormatFloat(r.Goldstein, 'f', 2, 64)}
			if period {
				rec = []string{r.Key, strconv.Itoa(r.QuadClass), rec[1], rec[2]}
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	if period {
		// One line per period: the total and each quad class's count.
		fmt.Fprintf(tw, "%s\tevents\tgoldstein\tverbal coop\tmaterial coop\tverbal confl\tmaterial confl\t\n", strings.ToUpper(by))
		for _, p := range phttp.Timeline(by, rows).Periods {
			fmt.Fprintf(tw, "%s\t%d\t%.2f\t%d\t%d\t%d\t%d\t\n", p.Period, p.Count, p.Goldstein,
				p.Quads[0].Count, p.Quads[1].Count, p.Quads[2].Count, p.Quads[3].Count)
		}
	} else {
		fmt.Fprintf(tw, "%s\tevents\tgoldstein\t\n", strings.ToUpper(by))
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%d\t%.2f\t\n", r.Key, r.Count, r.Goldstein)
		}
	}
	return tw.Flush()
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// defaultAddr is where petrel serve listens without --addr: loopback
// only, so that a server started on a laptop is not open to its network.
const defaultAddr = "127.0.0.1:8080"

// announce prints where the server listens: the real address (the port
// :0 picked, every interface for an empty or unspecified host) and the URL
// to open. Beyond loopback without a token it warns that anyone who can
// reach the port can read the store (and, with anonymous writes, write).
func (m *Main) announce(addr *net.TCPAddr, url string, hasToken, anonWrites bool) {
	switch {
	case addr.IP.IsLoopback():
		fmt.Fprintf(m.Stderr, "petrel: serving on %s (loopback only)\n", url)
	case addr.IP.IsUnspecified():
		fmt.Fprintf(m.Stderr, "petrel: serving on %s, every network interface, port %d\n", url, addr.Port)
	default:
		fmt.Fprintf(m.Stderr, "petrel: serving on %s\n", url)
	}
	if !hasToken {
		if !addr.IP.IsLoopback() {
			what := "read every stored event"
			if anonWrites {
				what = "read and write the store"
			}
			fmt.Fprintf(m.Stderr, "petrel: warning: no --token is set and %s is reachable beyond this machine: anyone who can reach it can %s\n", addr, what)
		}
		if !anonWrites {
			fmt.Fprintln(m.Stderr, "petrel: writes are disabled (POST /api/articles answers 403): set --token or PETREL_TOKEN, or --allow-anonymous-writes")
		}
	}
}

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel serve", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cf := addCoderFlags(fs)
	db := m.dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on, host:port: port 0 picks a free one; an empty host (:8080) or 0.0.0.0 listens on every interface, with a warning when there is no token")
	token := fs.String("token", m.Getenv("PETREL_TOKEN"), "bearer token required by POST endpoints (env PETREL_TOKEN)")
	anonWrites := fs.Bool("allow-anonymous-writes", false, "let POST /api/articles store articles without a token (a single-user machine only)")
	allowHosts := fs.String("allow-host", "", "comma-separated host names a loopback server answers besides localhost and 127.0.0.1 (those a reverse proxy passes on)")
	tokenReads := fs.Bool("token-reads", false, "require the token for read endpoints too")
	timeout := fs.Duration("timeout", phttp.DefaultRequestTimeout, "longest time one request may take")
	exportTimeout := fs.Duration("export-timeout", phttp.DefaultExportTimeout, "longest time one export (/api/events?format=csv|jsonl|gdelt) may take")
	create := fs.Bool("create", false, "create the store if there is none at --db (otherwise that is an error)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel serve [flags]\n\nServes the store as a JSON API and web UI (docs/API.md), on loopback unless\n--addr says otherwise. Reads are open; writes need --token (or PETREL_TOKEN),\nor --allow-anonymous-writes.\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseCommand(fs, args, false); err != nil {
		return err
	}
	if *tokenReads && *token == "" {
		return errors.New("--token-reads needs --token or PETREL_TOKEN")
	}
	c, version, err := m.newCoder(cf)
	if err != nil {
		return err
	}
	store, err := openStore(*db, *create)
	if err != nil {
		return err
	}
	defer store.Close()
	s := phttp.NewServer(phttp.Config{Store: store, Coder: c, DictVersion: version,
		Token: *token, TokenReads: *tokenReads, AllowAnonymousWrites: *anonWrites, AllowedHosts: splitList(*allowHosts),
		UI: webUI, RequestTimeout: *timeout, ExportTimeout: *exportTimeout})
	if err := s.Open(*addr); err != nil {
		return err
	}
	m.announce(s.Addr().(*net.TCPAddr), s.URL(), *token != "", *anonWrites)
	<-ctx.Done()
	fmt.Fprintln(m.Stderr, "petrel: shutting down")
	return s.Close()
}
