// Package output writes coded documents as JSON Lines events, whole JSON
// documents, CSV, GDELT 2.0 event TSV, or a terminal table.
package output

import (
	"fmt"
	"io"

	"petrel"
)

// Writer writes coded documents in one format. It is not safe for
// concurrent use; callers write documents in input order.
type Writer interface {
	Write(d *petrel.Document) error
	// Close flushes buffered output. It does not close the underlying writer.
	Close() error
}

// Formats lists the format names New accepts.
var Formats = []string{"jsonl", "doc", "csv", "gdelt", "table"}

// New returns a Writer for format.
func New(format string, w io.Writer) (Writer, error) {
	return nil, fmt.Errorf("unknown format %q", format)
}
