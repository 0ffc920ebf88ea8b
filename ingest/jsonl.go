package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"petrel"
)

// readBufSize is the bufio buffer for JSON Lines. Lines that fit in it are
// decoded straight from the buffer without a copy; longer ones take the slow
// path of readLine. A variable so tests can shrink it.
var readBufSize = 256 << 10

// keepLongCap bounds the gathering buffer kept between lines, so that one
// huge line does not pin its memory for the rest of the run.
const keepLongCap = 4 << 20

// jsonlReader streams one JSON Lines input.
type jsonlReader struct {
	s      *Scanner
	name   string // for diagnostics and origins
	idBase string // prefix of generated IDs: the file's article ID
	r      *bufio.Reader
	file   *os.File // nil for stdin
	line   int      // number of the last line read
	filled bool     // whether any line had more than white space
	off    int64    // bytes consumed before the next line
	long   []byte
	rec    record
	// scratch is decodeFast's unescaping buffer.
	scratch []byte
}

// record is one JSON line. Fields other than these are ignored.
type record struct {
	ID     flexString `json:"id"`
	Date   string     `json:"date"`
	Title  string     `json:"title"`
	Text   string     `json:"text"`
	URL    string     `json:"url"`
	Source string     `json:"source"`
}

// flexString accepts a JSON string, number or null, since many feeds give
// numeric IDs.
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case string(b) == "null":
		*f = ""
	case len(b) > 0 && (b[0] == '-' || '0' <= b[0] && b[0] <= '9'):
		*f = flexString(b)
	default:
		return errors.New("id must be a string or a number")
	}
	return nil
}

// newJSONL returns a reader over f, or over stdin (buffered in r) when f is nil.
func (s *Scanner) newJSONL(name, idBase string, f *os.File, r io.Reader) *jsonlReader {
	if f != nil {
		r = f
	}
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < readBufSize {
		br = bufio.NewReaderSize(r, readBufSize)
	}
	return &jsonlReader{
		s:      s,
		name:   name,
		idBase: idBase,
		r:      br,
		file:   f,
	}
}

func (j *jsonlReader) close() {
	if j.file != nil {
		j.file.Close()
	}
}

// next returns the next article of the stream, or nil at its end. Bad lines
// are reported and skipped.
func (j *jsonlReader) next() *petrel.Article {
	s := j.s
	for {
		line, consumed, length, tooLong, err := j.readLine()
		j.off += int64(consumed)
		if j.file != nil {
			s.done.Add(int64(consumed))
		}
		if err != nil {
			if err != io.EOF {
				s.diag(j.name, j.line+1, "read error: "+err.Error())
			} else if !j.filled {
				s.diag(j.name, 0, "empty file, skipped")
			}
			return nil
		}
		j.line++
		if tooLong {
			j.filled = true
			s.diag(j.name, j.line, fmt.Sprintf("line too long (%d bytes), skipped", length))
			continue
		}
		if j.line == 1 {
			line = bytes.TrimPrefix(line, []byte(bom))
		}
		if a := j.decode(line); a != nil {
			return a
		}
	}
}

// decode turns one line into an article, or reports why it cannot.
func (j *jsonlReader) decode(line []byte) *petrel.Article {
	s := j.s
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil // blank lines are allowed, as between records
	}
	j.filled = true
	bad := !utf8.Valid(line)
	j.rec = record{}
	// The fast path handles flat objects of valid UTF-8; encoding/json
	// everything else, with its error messages and U+FFFD replacement.
	if cap(j.scratch) > keepLongCap {
		j.scratch = nil // as for long: one huge line must not pin its memory
	}
	if bad || !decodeFast(line, &j.rec, &j.scratch) {
		j.rec = record{} // decodeFast may have stored some fields
		if err := json.Unmarshal(line, &j.rec); err != nil {
			s.diag(j.name, j.line, "malformed JSON: "+jsonError(err))
			return nil
		}
	}
	if bad {
		// encoding/json has already replaced the bad bytes with U+FFFD.
		s.diag(j.name, j.line, "invalid UTF-8, bad bytes replaced with U+FFFD")
	}
	r := &j.rec
	// NUL is valid JSON ("\u0000") but no store can keep it: it becomes
	// a space, as the coder would read it, one byte for one so that
	// offsets are kept.
	var nul []string
	for _, f := range []struct {
		name string
		v    *string
	}{{"id", (*string)(&r.ID)}, {"title", &r.Title}, {"text", &r.Text}, {"url", &r.URL}, {"source", &r.Source}} {
		if strings.IndexByte(*f.v, 0) >= 0 {
			*f.v = strings.ReplaceAll(*f.v, "\x00", " ")
			nul = append(nul, f.name)
		}
	}
	if len(nul) > 0 {
		s.diag(j.name, j.line, fmt.Sprintf("NUL characters in %s replaced with spaces", strings.Join(nul, ", ")))
	}
	if strings.TrimSpace(r.Text) == "" {
		s.diag(j.name, j.line, `no "text", skipped`)
		return nil
	}
	a := &petrel.Article{
		ID:     string(r.ID),
		Date:   s.opts.DefaultDate,
		Title:  r.Title,
		Text:   strings.TrimPrefix(r.Text, bom),
		URL:    r.URL,
		Source: r.Source,
		Origin: j.name + ":" + strconv.Itoa(j.line),
	}
	if a.ID == "" {
		a.ID = j.idBase + ":" + strconv.Itoa(j.line)
	}
	if r.Date != "" {
		if t, ok := ParseDate(r.Date); ok {
			a.Date = t
		} else {
			s.diag(j.name, j.line, fmt.Sprintf("unknown date %q, using the default", r.Date))
		}
	}
	return a
}

// jsonError shortens encoding/json errors: a *json.UnmarshalTypeError names
// the Go type, which means nothing to the user.
func jsonError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: unexpected JSON %s", te.Field, te.Value)
		}
		return fmt.Sprintf("want an object, got JSON %s", te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// readLine returns the next line without its newline, the bytes consumed
// and the line's length. A line longer than MaxLineBytes is discarded as it
// is read, so memory stays bounded: it comes back nil with tooLong set. The
// line is only valid until the next call.
func (j *jsonlReader) readLine() (line []byte, consumed, length int, tooLong bool, err error) {
	max := j.s.opts.MaxLineBytes
	// Fast path: the whole line is in the bufio buffer; no copy.
	chunk, err := j.r.ReadSlice('\n')
	consumed = len(chunk)
	switch err {
	case io.EOF:
		if consumed == 0 {
			return nil, 0, 0, false, io.EOF
		}
		fallthrough
	case nil:
		line = trimNL(chunk)
		if len(line) > max {
			return nil, consumed, len(line), true, nil
		}
		return line, consumed, len(line), false, nil
	case bufio.ErrBufferFull:
	default:
		return nil, consumed, consumed, false, err
	}
	// Slow path: the line is longer than the bufio buffer. For a file, only
	// find its end and length while it streams past, then seek back and read
	// it once into a buffer of exactly its size: a 50 MB line costs 50 MB,
	// not the 2–4× of a growing buffer, and a too-long line costs nothing.
	// Stdin cannot seek, so there the line is gathered as it passes.
	start := j.off
	gather := j.file == nil
	var long []byte
	if gather {
		if cap(j.long) > keepLongCap {
			j.long = nil
		}
		long = append(j.long[:0], chunk...)
	}
	length = consumed
	tooLong = length > max
	for {
		chunk, err = j.r.ReadSlice('\n')
		consumed += len(chunk)
		c := chunk
		if err == nil {
			c = trimNL(chunk)
		}
		length += len(c)
		if !tooLong && length > max {
			tooLong = true
			long = nil
		}
		if gather && !tooLong {
			long = append(long, c...)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil, io.EOF:
		default:
			return nil, consumed, length, false, err
		}
		if tooLong {
			return nil, consumed, length, true, nil
		}
		if gather {
			j.long = long
			return long, consumed, length, false, nil
		}
		line, err = j.reread(start, length, int64(consumed))
		return line, consumed, length, false, err
	}
}

// reread reads the n bytes of a line at offset start again, then leaves the
// file just after it (past the line's next bytes), and resets the buffer.
func (j *jsonlReader) reread(start int64, n int, next int64) ([]byte, error) {
	if cap(j.long) > keepLongCap {
		j.long = nil
	}
	buf := j.long
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := j.file.Seek(start, io.SeekStart); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(j.file, buf); err != nil {
		return nil, err
	}
	if _, err := j.file.Seek(start+next, io.SeekStart); err != nil {
		return nil, err
	}
	j.r.Reset(j.file)
	j.long = buf
	return buf, nil
}

// trimNL drops one trailing newline.
func trimNL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		return b[:n-1]
	}
	return b
}

// dateLayouts are the date forms accepted in JSON Lines "date" fields.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"20060102",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
}

// ParseDate parses a date as "YYYY-MM-DD", RFC 3339, or "YYYYMMDD" (and a
// few near variants). Dates without a zone are UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if len(l) == 10 && len(s) != 10 || len(l) == 8 && len(s) != 8 {
			continue // skip layouts that cannot match, without an error alloc
		}
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
