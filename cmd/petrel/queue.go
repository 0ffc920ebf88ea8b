package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"time"

	"petrel"
	"petrel/ingest"
	"petrel/queue"
)

// queueFlags registers the flags that name the NATS server, stream and
// consumer, shared by publish, worker and watch.
func (m *Main) queueFlags(fs *flag.FlagSet) *queue.Config {
	c := &queue.Config{}
	def := m.Getenv("PETREL_NATS")
	if def == "" {
		def = queue.DefaultURL
	}
	fs.StringVar(&c.URL, "nats", def, "NATS server URL(s), comma-separated (env PETREL_NATS)")
	fs.StringVar(&c.Stream, "stream", queue.DefaultStream, "JetStream stream of articles to code")
	fs.StringVar(&c.Subject, "subject", queue.DefaultSubject, "subject articles are published on")
	fs.StringVar(&c.Consumer, "consumer", queue.DefaultConsumer, "durable consumer the workers share")
	fs.DurationVar(&c.DedupWindow, "dedup-window", queue.DefaultDedupWindow, "how long the server drops a repeated article ID (when it creates the stream)")
	fs.DurationVar(&c.AckWait, "ack-wait", queue.DefaultAckWait, "how long a worker may hold an article before it is delivered again")
	fs.IntVar(&c.Replicas, "replicas", 1, "stream replicas when it is created (3 on a 3-node cluster)")
	return c
}

// runPublish is "petrel publish": it reads articles as petrel code does and
// puts them on the work-queue stream.
func (m *Main) runPublish(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel publish", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	qc := m.queueFlags(fs)
	date := fs.String("date", "", "date (YYYY-MM-DD) for articles that have none")
	maxLine := fs.Int("max-line", 0, "longest JSON line or text file accepted, in bytes (default 8 MiB)")
	tag := fs.String("tag", "", "appended to each message ID (ID#tag) so that a deliberate re-publish, e.g. a recode, is not dropped as a duplicate")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel publish [flags] PATH...\n\nPuts articles (.txt, .html, .jsonl/.ndjson, directories, - for stdin) on a NATS\nJetStream work queue for petrel worker, the article ID as message ID so the\nserver drops repeats within the dedup window.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseCommand(fs, args, true)
	if err != nil {
		return err
	}
	base, err := parseDate(*date)
	if err != nil {
		return err
	}
	qc.Name = "petrel publish"
	q, err := queue.Open(ctx, *qc)
	if err != nil {
		return err
	}
	defer q.Close()
	sc := ingest.NewScanner(paths, m.Stdin, ingest.Options{DefaultDate: base, MaxLineBytes: *maxLine,
		OnDiag: func(d petrel.Diagnostic) { fmt.Fprintln(m.Stderr, "petrel:", d.String()) }})
	p := q.Publisher()
	p.Tag = *tag
	start := time.Now()
	refused := 0
	for {
		a, err := sc.Next()
		if err != nil {
			break
		}
		if err := p.Publish(ctx, a); err != nil {
			if errors.Is(err, queue.ErrTooLarge) {
				refused++
				fmt.Fprintf(m.Stderr, "petrel: %s: article %s is larger than the server's max_payload (%d bytes), not published\n", a.Origin, a.ID, q.MaxPayload())
				continue
			}
			if petrel.ErrorCode(err) == petrel.EINVALID {
				refused++
				fmt.Fprintf(m.Stderr, "petrel: %s: %s, not published\n", a.Origin, petrel.ErrorMessage(err))
				continue
			}
			return err
		}
	}
	st, err := p.Flush(ctx)
	took := time.Since(start)
	fmt.Fprintf(m.Stderr, "petrel: %d articles published, %d dropped as duplicates, %.1f MB in %v (%.0f articles/s)\n",
		st.Published, st.Duplicates, float64(st.Bytes)/1e6, took.Round(time.Millisecond),
		float64(st.Published+st.Duplicates)/took.Seconds())
	if err != nil {
		return err
	}
	if sc.Problems() > 0 || refused > 0 {
		fmt.Fprintf(m.Stderr, "petrel: %d input problem(s) reported above\n", sc.Problems()+refused)
		return errReported
	}
	return nil
}

// runWorker is "petrel worker": it codes articles from the work queue and
// stores them.
func (m *Main) runWorker(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel worker", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	qc := m.queueFlags(fs)
	cf := addCoderFlags(fs)
	db := m.dbFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of coding goroutines")
	batch := fs.Int("batch", 256, "articles fetched at once and stored in one transaction")
	untilEmpty := fs.Bool("until-empty", false, "exit when the stream holds no article (none waiting, none held by another worker)")
	status := fs.Duration("status", 10*time.Second, "interval between status lines on stderr (0: none)")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel worker [flags]\n\nCodes articles from a NATS JetStream work queue (filled by petrel publish or\npetrel watch --nats) and stores them; each article is acknowledged only after\nthe store has committed it. Run as many workers as you like on one store.\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseCommand(fs, args, false); err != nil {
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
	qc.Name = "petrel worker"
	q, err := queue.Open(ctx, *qc)
	if err != nil {
		return err
	}
	defer q.Close()
	w := &queue.Worker{Queue: q, Coder: c, Store: store, DictVersion: version,
		Workers: *workers, Batch: *batch, UntilEmpty: *untilEmpty, StatusEvery: *status,
		Logf: func(format string, args ...any) { fmt.Fprintf(m.Stderr, "petrel worker: "+format+"\n", args...) }}
	start := time.Now()
	err = w.Run(ctx)
	st := w.Stats()
	took := time.Since(start)
	fmt.Fprintf(m.Stderr, "petrel worker: %d articles coded and stored, %d events, %d redelivered, %d bad messages in %v (%.0f articles/s)\n",
		st.Articles, st.Events, st.Redelivered, st.Bad, took.Round(time.Millisecond), float64(st.Articles)/took.Seconds())
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
