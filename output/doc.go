package output

import (
	"bufio"
	"encoding/json"
	"io"

	"petrel"
)

// docWriter writes one JSON object per article: the whole petrel.Document,
// as encoding/json encodes it. It is not the hot path, so it uses
// encoding/json directly.
type docWriter struct {
	bw *bufio.Writer
}

func newDoc(w io.Writer) *docWriter {
	return &docWriter{bw: bufio.NewWriterSize(w, flushAt)}
}

func (d *docWriter) Write(doc *petrel.Document) error {
	// Marshal first so that a document that cannot be encoded leaves no
	// partial line behind.
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	d.bw.Write(b)
	return d.bw.WriteByte('\n')
}

func (d *docWriter) Close() error { return d.bw.Flush() }
