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
	statePath := fs.String("state", "", "state file (default: the SQLite file's path + .watch.json, or petrel-watch.json beside a PostgreSQL store)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of coding goroutines")
	once := fs.Bool("once", false, "poll every feed once, fetch what they list, and exit")
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
		fmt.Fprintln(m.Stderr, "Usage: petrel watch [flags] [URL...]\n\nFollows RSS and Atom feeds and XML sitemaps, fetches new articles politely\n(robots.txt, conditional GET, a gap between requests to one host, backoff) and\ncodes and stores them, or with --nats puts them on the work queue for petrel\nworker. State is kept in a file, so a restart resumes where it stopped.\n\nFlags:")
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
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "nats" {
			publish = true
		}
	})
	if *statePath == "" {
		if strings.HasPrefix(*db, "postgres://") || strings.HasPrefix(*db, "postgresql://") {
			*statePath = "petrel-watch.json"
		} else {
			*statePath = *db + ".watch.json"
		}
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(m.Stderr, "petrel watch: "+format+"\n", args...)
	}
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
		store, err := openStore(*db, true)
		if err != nil {
			return err
		}
		defer store.Close()
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
	cfg.StatePath = *statePath
	cfg.Logf = logf
	w, err := watch.New(cfg, sink)
	if err != nil {
		return usageError(err)
	}
	where := "coding into " + *db
	if publish {
		where = "publishing to " + qc.URL
	}
	logf("%d feeds, %s, state in %s", len(feeds), where, *statePath)
	err = w.Run(ctx, *once, *status)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}
