// Command petrel codes news articles into CAMEO political events, stores
// them, and serves them over HTTP.
//
//	petrel code [flags] PATH...     code articles, write events
//	petrel explain "sentence"       show what each stage saw (or FILE, or -)
//	petrel validate FILE.xml        run a PETRARCH validation-record file
//	petrel parse "sentence"         POS tags and dependency tree (CoNLL-U)
//	petrel ingest [flags] PATH...   code and store articles
//	petrel query [flags]            query stored events
//	petrel stats [flags]            aggregate stored events
//	petrel serve [flags]            HTTP API and web UI
//	petrel publish [flags] PATH...  put articles on a NATS work queue
//	petrel worker [flags]           code and store articles from the queue
//	petrel export --out DIR         stored events as a Parquet dataset
//	petrel watch [flags] URL...     follow feeds and sitemaps
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// SIGTERM is what systemd, Docker and Kubernetes send to stop a
	// service: it ends a run as Ctrl-C does, and serve drains the requests
	// in flight before it exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) && !errors.Is(err, errReported) {
			fmt.Fprintln(m.Stderr, "petrel:", err)
		}
		os.Exit(exitCode(err))
	}
}

// errReported is returned by a command that has already told the user
// what went wrong (bad input lines) and only needs a non-zero exit.
var errReported = errors.New("errors were reported")

// exitCode is the process's exit status for an error from Run: 2 for a
// usage error, 1 for any other.
func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// Main is the petrel program: its standard streams and environment, so
// tests can run it in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// StdoutIsTerminal and StderrIsTerminal choose the table format and
	// the progress bar.
	StdoutIsTerminal bool
	StderrIsTerminal bool
	// StdinPiped says that standard input is a pipe or a file, so that
	// `petrel code` with no PATH reads it, as `petrel code -` does.
	StdinPiped bool
}

// NewMain returns a Main wired to the process's streams.
func NewMain() *Main {
	return &Main{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		StdoutIsTerminal: isTerminal(os.Stdout), StderrIsTerminal: isTerminal(os.Stderr),
		StdinPiped: isPiped(os.Stdin),
	}
}

// isPiped reports whether f is a pipe or a regular file: text redirected
// into petrel, not a terminal nor /dev/null.
func isPiped(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && (fi.Mode()&os.ModeNamedPipe != 0 || fi.Mode().IsRegular())
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

const usage = `petrel turns news articles into CAMEO political event data.

Usage:
  petrel code [flags] PATH...     code articles (.txt, .html, .jsonl, dirs, - or piped stdin) and write events
  petrel explain [flags] TEXT     show what each stage saw for a sentence, a FILE or - (stdin)
  petrel validate [flags] FILE    run a PETRARCH validation-record file
  petrel parse [flags] TEXT       POS tags and dependency trees as CoNLL-U (--eval FILE.conllu: accuracy)
  petrel ingest [flags] PATH...   code articles and store them with their events
  petrel query [flags]            query stored events
  petrel stats [flags]            counts by time, code, dyad and actor
  petrel serve [flags]            HTTP API and web UI
  petrel version                  version, Go version, VCS revision, dictionary ID
  petrel publish [flags] PATH...  put articles on a NATS JetStream work queue
  petrel worker [flags]           code and store articles from the work queue
  petrel export --out DIR         write stored events as a Parquet dataset by year/month
  petrel watch [flags] URL...     follow RSS/Atom feeds and sitemaps; code or publish new articles

Run "petrel COMMAND -h" for a command's flags.
`

// Run runs the command named by args[0] with the rest as its arguments.
// It returns flag.ErrHelp after printing the usage for a missing or
// unknown command or bad flags, and errReported when the command has
// already reported its problems on Stderr.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "code":
		return m.runCode(ctx, rest)
	case "explain":
		return m.runExplain(ctx, rest)
	case "validate":
		return m.runValidate(ctx, rest)
	case "parse":
		return m.runParse(ctx, rest)
	case "ingest":
		return m.runIngest(ctx, rest)
	case "query":
		return m.runQuery(ctx, rest)
	case "stats":
		return m.runStats(ctx, rest)
	case "serve":
		return m.runServe(ctx, rest)
	case "version", "-version", "--version":
		return m.runVersion(rest)
	case "publish":
		return m.runPublish(ctx, rest)
	case "worker":
		return m.runWorker(ctx, rest)
	case "export":
		return m.runExport(ctx, rest)
	case "watch":
		return m.runWatch(ctx, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	default:
		fmt.Fprintf(m.Stderr, "petrel: unknown command %q\n\n%s", cmd, usage)
		return flag.ErrHelp
	}
}

// parseCommand parses a command's flags. With wantPaths it needs at least
// one path argument; otherwise it takes none. Either way it prints the
// usage and returns flag.ErrHelp when the arguments are wrong.
func parseCommand(fs *flag.FlagSet, args []string, wantPaths bool) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if wantPaths != (fs.NArg() > 0) {
		fs.Usage()
		return nil, flag.ErrHelp
	}
	return fs.Args(), nil
}

// outputFormat returns format, or when it is empty the default for where
// standard output goes: a table on a terminal, JSON Lines otherwise.
func (m *Main) outputFormat(format string) string {
	if format != "" {
		return format
	}
	if m.StdoutIsTerminal {
		return "table"
	}
	return "jsonl"
}
