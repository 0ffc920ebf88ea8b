// Package ingest reads articles from plain text, HTML and JSON Lines files,
// whole directories and stdin, in a stable order, streaming, and reports bad
// input as diagnostics while the rest of the batch goes on.
package ingest

import (
	"io"
	"time"

	"petrel"
)

// Options configure a Scanner.
type Options struct {
	// DefaultDate fills in the date of articles that have none.
	DefaultDate time.Time
	// MaxLineBytes caps one JSON line (and one text file); longer input is
	// reported and skipped. Zero means 64 MiB.
	MaxLineBytes int
	// OnDiag receives every problem found in the input. May be nil.
	OnDiag func(petrel.Diagnostic)
}

// Scanner reads articles from a list of paths in order.
type Scanner struct{}

// NewScanner returns a Scanner over paths ("-" is stdin).
func NewScanner(paths []string, stdin io.Reader, opts Options) *Scanner { return &Scanner{} }

// Next returns the next article, or io.EOF when all input is read.
func (s *Scanner) Next() (*petrel.Article, error) { return nil, io.EOF }

// Progress returns the bytes read so far and the total bytes of all file
// inputs (0 when unknown, as for stdin).
func (s *Scanner) Progress() (done, total int64) { return 0, 0 }

// Problems returns how many diagnostics have been reported so far.
func (s *Scanner) Problems() int { return 0 }
