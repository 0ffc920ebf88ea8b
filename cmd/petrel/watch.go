package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"petrel"
	"petrel/queue"
	"petrel/watch"
)

// stringsFlag is a flag that may be given several times.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// runWatch is "petrel watch": it follows feeds and sitemaps and codes and
// stores, or publishes, the new articles.
func (m *Main) runWatch(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel watch", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var feeds stringsFlag
	fs.Var(&feeds, "feed", "feed or sitemap URL (repeatable; URLs may also be given as arguments)")
	feedFile := fs.String("feeds", "", "file of feed and sitemap URLs, one a line (# starts a comment)")
	cf := addCoderFlags(fs)
	db := m.dbFlag(fs)
	qc := m.queueFlags(fs)
	statePath := fs.String("state", "", "keep the state in this JSON file rather than in the store (default with --nats and no --db: petrel-watch.json)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of coding goroutines")
	once := fs.Bool("once", false, "poll every feed once, fetch what they list, and exit: status 1 when every feed failed")
	status := fs.Duration("status", time.Minute, "interval between status lines")
	cfg := watch.Config{}
	fs.DurationVar(&cfg.Interval, "interval", watch.DefaultInterval, "time between two polls of one feed")
	fs.DurationVar(&cfg.HostDelay, "host-delay", watch.DefaultHostDelay, "least time between two requests to one host")
	fs.DurationVar(&cfg.Timeout, "timeout", watch.DefaultTimeout, "time limit of one request")
	fs.Int64Var(&cfg.MaxPageBytes, "max-page", watch.DefaultMaxPageBytes, "largest article page fetched, in bytes")
	fs.Int64Var(&cfg.MaxFeedBytes, "max-feed", watch.DefaultMaxFeedBytes, "largest feed or sitemap fetched, in bytes")
	fs.IntVar(&cfg.Parallel, "parallel", watch.DefaultParallel, "hosts whose pages are fetched at once (one request at a time per host)")
	fs.IntVar(&cfg.MaxAttempts, "attempts", watch.DefaultMaxAttempts, "tries of a failing page before it is given up")
	fs.StringVar(&cfg.UserAgent, "user-agent", watch.DefaultUserAgent, "User-Agent header; robots.txt rules for it are honoured")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel watch [flags] [URL...]\n\nFollows RSS and Atom feeds and XML sitemaps, fetches new articles politely\n(robots.txt, conditional GET, a gap between requests to one host, backoff) and\ncodes and stores them, or with --nats puts them on the work queue for petrel\nworker. State is kept in the store (table watch_state), or with --state in a\nfile, so a restart resumes where it stopped.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	feeds = append(feeds, fs.Args()...)
	if *feedFile != "" {
		b, err := os.ReadFile(*feedFile)
		if err != nil {
			return fmt.Errorf("--feeds: %w", err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				feeds = append(feeds, l)
			}
		}
	}
	if len(feeds) == 0 {
		fs.Usage()
		return flag.ErrHelp
	}
	publish := m.Getenv("PETREL_NATS") != ""
	dbGiven := m.Getenv("PETREL_DB") != ""
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "nats":
			publish = true
		case "db":
			dbGiven = true
		}
	})
	// The state lives in the store, unless --state names a file, or the
	// watcher only publishes and was given no store.
	if *statePath == "" && publish && !dbGiven {
		*statePath = "petrel-watch.json"
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(m.Stderr, "petrel watch: "+format+"\n", args...)
	}
	// stores holds the store opened for coding or for the state, once.
	var stores map[string]petrel.Store
	defer func() {
		for _, s := range stores {
			s.Close()
		}
	}()
	var sink watch.Sink
	if publish {
		qc.Name = "petrel watch"
		q, err := queue.Open(ctx, *qc)
		if err != nil {
			return err
		}
		defer q.Close()
		p := q.Publisher()
		sink = func(ctx context.Context, arts []*petrel.Article) (int, error) {
			for _, a := range arts {
				if err := p.Publish(ctx, a); err != nil {
					if errors.Is(err, queue.ErrTooLarge) || petrel.ErrorCode(err) == petrel.EINVALID {
						logf("%s: %v, not published", a.URL, err)
						continue
					}
					return 0, err
				}
			}
			_, err := p.Flush(ctx)
			return 0, err
		}
	} else {
		c, version, err := m.newCoder(cf)
		if err != nil {
			return err
		}
		store, err := m.watchStore(*db, &stores)
		if err != nil {
			return err
		}
		sink = func(ctx context.Context, arts []*petrel.Article) (int, error) {
			docs := make([]*petrel.Document, len(arts))
			var wg sync.WaitGroup
			n := max(1, min(*workers, len(arts)))
			for g := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := g; i < len(arts); i += n {
						docs[i] = c.Code(arts[i])
					}
				}()
			}
			wg.Wait()
			ok := docs[:0]
			for _, d := range docs {
				if why := storable(d); why != "" {
					logf("%s: %s, not stored", d.Article.URL, why)
					continue
				}
				ok = append(ok, d)
			}
			st, err := store.Ingest(ctx, ok, version)
			return st.Events, err
		}
	}
	cfg.Feeds = feeds
	cfg.Logf = logf
	where := "coding into " + *db
	if publish {
		where = "publishing to " + qc.URL
	}
	stateIn := "state in " + *statePath
	if *statePath != "" {
		cfg.State = watch.NewFileState(*statePath)
	} else {
		store, err := m.watchStore(*db, &stores)
		if err != nil {
			return err
		}
		ss, ok := store.(watch.StateStore)
		if !ok {
			return fmt.Errorf("the store at %s cannot keep the watch state; give --state FILE", *db)
		}
		if err := importStateFile(ctx, ss, legacyStatePath(*db), logf); err != nil {
			return err
		}
		cfg.State = ss
		stateIn = "state in the store"
	}
	w, err := watch.New(cfg, sink)
	if err != nil {
		return usageError(err)
	}
	logf("%d feeds, %s, %s", len(feeds), where, stateIn)
	err = w.Run(ctx, *once, *status)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

// watchStore opens the store at dsn, creating it if need be, once: the
// store a watcher codes into is the one that keeps its state.
func (m *Main) watchStore(dsn string, stores *map[string]petrel.Store) (petrel.Store, error) {
	if s := (*stores)[dsn]; s != nil {
		return s, nil
	}
	s, err := openStore(dsn, true)
	if err != nil {
		return nil, err
	}
	if *stores == nil {
		*stores = map[string]petrel.Store{}
	}
	(*stores)[dsn] = s
	return s, nil
}

// legacyStatePath is where petrel watch kept its state before the state
// moved into the store: beside a SQLite file, or petrel-watch.json in the
// working directory for PostgreSQL.
func legacyStatePath(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "petrel-watch.json"
	}
	return dsn + ".watch.json"
}

// importStateFile copies the state file at path into ss when ss holds no
// state yet, so that a watcher upgraded from a petrel that kept its state
// in a file resumes where it stopped. The file is left as it was.
func importStateFile(ctx context.Context, ss watch.StateStore, path string, logf func(string, ...any)) error {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	empty := true
	errFull := errors.New("not empty")
	if err := ss.LoadWatchState(ctx, func(petrel.WatchEntry) error { empty = false; return errFull }); err != nil && !errors.Is(err, errFull) {
		return err
	}
	if !empty {
		return nil
	}
	var all []petrel.WatchEntry
	if err := watch.NewFileState(path).LoadWatchState(ctx, func(e petrel.WatchEntry) error {
		all = append(all, e)
		return nil
	}); err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	if err := ss.SaveWatchState(ctx, all); err != nil {
		return err
	}
	logf("imported the state of %s into the store (%d entries); the file is no longer read and may be deleted", path, len(all))
	return nil
}
