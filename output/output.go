// Package output writes coded documents as JSON Lines events, whole JSON
// documents, CSV, GDELT 2.0 event TSV, Parquet, or a terminal table. The formats are
// described field by field in docs/OUTPUT.md.
package output

import (
	"fmt"
	"io"

	"petrel"
)

// Writer writes coded documents in one format. It is not safe for
// concurrent use; callers write documents in input order.
type Writer interface {
	// Write writes the events (or, for "doc", the whole document) of d.
	// Output is buffered; a document is never split across an error: if
	// Write fails on a value that cannot be encoded (a NaN coordinate in
	// jsonl or doc; the text formats print it as written), nothing of d is
	// written.
	Write(d *petrel.Document) error
	// Close flushes buffered output. It does not close the underlying writer.
	Close() error
}

// Formats lists the format names New accepts.
var Formats = []string{"jsonl", "doc", "csv", "gdelt", "table", "parquet"}

// New returns a Writer for format, one of Formats.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "jsonl":
		return newJSONL(w), nil
	case "doc":
		return newDoc(w), nil
	case "csv":
		return newCSV(w), nil
	case "gdelt":
		return newGDELT(w), nil
	case "table":
		return newTable(w), nil
	case "parquet":
		return NewParquet(w), nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of jsonl, doc, csv, gdelt, table, parquet)", format)
}

// flushAt is the buffered size at which the byte-appending writers hand
// their buffer to the underlying writer: big enough to amortise the write
// call, small enough to stay in cache.
const flushAt = 64 << 10
