package output

import (
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"petrel"
)

// jsonlWriter writes one JSON object per event per line.
//
// It is the hot path of a coding run, so events are appended by hand into
// one reused buffer instead of going through encoding/json's reflection: the
// output is byte-identical to json.Marshal(event) (tests check this,
// including HTML escaping, U+2028, invalid UTF-8 and float formatting), at
// a fraction of the cost and with no allocation per event.
type jsonlWriter struct {
	w   io.Writer
	buf []byte
}

func newJSONL(w io.Writer) *jsonlWriter {
	return &jsonlWriter{w: w, buf: make([]byte, 0, flushAt+4096)}
}

func (j *jsonlWriter) Write(d *petrel.Document) error {
	mark := len(j.buf)
	for i := range d.Events {
		var err error
		j.buf, err = AppendEventJSON(j.buf, &d.Events[i])
		if err != nil {
			j.buf = j.buf[:mark]
			return err
		}
		j.buf = append(j.buf, '\n')
	}
	if len(j.buf) >= flushAt {
		return j.flush()
	}
	return nil
}

func (j *jsonlWriter) flush() error {
	_, err := j.w.Write(j.buf)
	j.buf = j.buf[:0]
	return err
}

func (j *jsonlWriter) Close() error { return j.flush() }

// AppendEventJSON appends the JSON encoding of e to b, exactly as
// json.Marshal(e) would encode it, and returns the extended buffer. It fails,
// as json.Marshal does, on a NaN or infinite number.
func AppendEventJSON(b []byte, e *petrel.Event) ([]byte, error) {
	var err error
	b = append(b, `{"event_id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"article_id":`...)
	b = appendString(b, e.ArticleID)
	b = append(b, `,"sentence_index":`...)
	b = strconv.AppendInt(b, int64(e.SentenceIndex), 10)
	b = append(b, `,"sentence":`...)
	b = appendString(b, e.Sentence)
	b = append(b, `,"date":`...)
	b = appendString(b, e.Date)
	b = append(b, `,"code":`...)
	b = appendString(b, e.Code)
	b = append(b, `,"root_code":`...)
	b = appendString(b, e.RootCode)
	b = append(b, `,"quad_class":`...)
	b = strconv.AppendInt(b, int64(e.QuadClass), 10)
	b = append(b, `,"goldstein":`...)
	if b, err = appendFloat(b, e.Goldstein); err != nil {
		return b, err
	}
	b = append(b, `,"plover":{"type":`...)
	b = appendString(b, e.Plover.Type)
	b = append(b, `,"mode":`...)
	b = appendString(b, e.Plover.Mode)
	b = append(b, `},"source":`...)
	b = appendParty(b, e.Source)
	b = append(b, `,"target":`...)
	b = appendParty(b, e.Target)
	b = append(b, `,"verb":{"text":`...)
	b = appendString(b, e.Verb.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(e.Verb.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(e.Verb.End), 10)
	b = append(b, `},"location":`...)
	if l := e.Location; l == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"name":`...)
		b = appendString(b, l.Name)
		b = append(b, `,"country":`...)
		b = appendString(b, l.Country)
		b = append(b, `,"lat":`...)
		if b, err = appendFloat(b, l.Lat); err != nil {
			return b, err
		}
		b = append(b, `,"lon":`...)
		if b, err = appendFloat(b, l.Lon); err != nil {
			return b, err
		}
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(l.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(l.End), 10)
		// The gazetteer's fields are omitted when empty, as encoding/json
		// does with their omitempty tags.
		if l.Precision != "" {
			b = append(b, `,"precision":`...)
			b = appendString(b, l.Precision)
		}
		if l.GeoNameID != 0 {
			b = append(b, `,"geonameid":`...)
			b = strconv.AppendInt(b, int64(l.GeoNameID), 10)
		}
		if l.Admin1 != "" {
			b = append(b, `,"admin1":`...)
			b = appendString(b, l.Admin1)
		}
		if l.Admin1Code != "" {
			b = append(b, `,"admin1_code":`...)
			b = appendString(b, l.Admin1Code)
		}
		if l.Source != "" {
			b = append(b, `,"source":`...)
			b = appendString(b, l.Source)
		}
		b = append(b, '}')
	}
	b = append(b, `,"rule":`...)
	b = appendString(b, e.Rule)
	if e.Qualifier != "" {
		b = append(b, `,"qualifier":`...)
		b = appendString(b, e.Qualifier)
	}
	return append(b, '}'), nil
}

// appendParty appends the JSON encoding of p, or null, as AppendEventJSON
// does for the source and target fields.
func appendParty(b []byte, p *petrel.Party) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"text":`...)
	b = appendString(b, p.Text)
	b = append(b, `,"code":`...)
	b = appendString(b, p.Code)
	b = append(b, `,"country":`...)
	b = appendString(b, p.Country)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(p.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(p.End), 10)
	if p.Inferred != "" {
		b = append(b, `,"inferred":`...)
		b = appendString(b, p.Inferred)
	}
	return append(b, '}')
}

// errNonFinite matches json.Marshal's refusal of NaN and ±Inf.
var errNonFinite = errors.New("json: unsupported value: NaN or infinite number")

// appendFloat formats f as encoding/json does: like ES6, 'f' format unless
// the exponent is below -6 or at least 21, and "e-07" shortened to "e-7".
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, errNonFinite
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes encoding/json writes unescaped with HTML
// escaping on (its default): everything printable but " \ < > &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

// appendString appends s as a JSON string exactly as encoding/json does:
// HTML-sensitive characters as \u003c…, U+2028 and U+2029 escaped, invalid
// UTF-8 replaced by \ufffd, and control characters escaped. Runs of safe
// bytes are copied in one append.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
