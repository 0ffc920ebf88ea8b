package output

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"petrel"
	"petrel/cameo"
)

// excerptRunes is how much of the sentence the table shows.
const excerptRunes = 60

// nameRunes clips long CAMEO names so the sentence stays on screen.
const nameRunes = 30

// tableWriter prints aligned columns for a terminal: date, code, the
// code's CAMEO name, source, target, verb and the start of the sentence.
// Columns have fixed widths (longer cells are clipped with "…"), so rows
// line up across documents while each document is written as it comes.
type tableWriter struct {
	w      io.Writer
	buf    []byte
	header bool
}

func newTable(w io.Writer) *tableWriter {
	return &tableWriter{w: w}
}

func (t *tableWriter) Write(d *petrel.Document) error {
	if len(d.Events) == 0 {
		return nil
	}
	t.buf = t.buf[:0]
	if !t.header {
		t.row("DATE", "CODE", "EVENT", "SOURCE", "TARGET", "VERB", "SENTENCE")
		t.header = true
	}
	for i := range d.Events {
		e := &d.Events[i]
		date := e.Date
		if date == "" {
			date = "-"
		}
		name := "-"
		if c := cameo.Lookup(e.Code); c != nil {
			name = c.Name
		}
		t.row(date, cell(e.Code), name, partyCell(e.Source), partyCell(e.Target),
			cell(e.Verb.Text), clip(e.Sentence, excerptRunes))
	}
	_, err := t.w.Write(t.buf)
	return err
}

// colWidths are the widths of the columns but the last.
var colWidths = [...]int{10, 5, nameRunes, 12, 12, 12}

func (t *tableWriter) row(cells ...string) {
	for i, c := range cells {
		if i < len(colWidths) {
			if utf8.RuneCountInString(c) > colWidths[i] {
				c = clip(c, colWidths[i]-1) // clip adds "…"
			}
			t.buf = append(t.buf, c...)
			for n := utf8.RuneCountInString(c); n < colWidths[i]+2; n++ {
				t.buf = append(t.buf, ' ')
			}
		} else {
			t.buf = append(t.buf, c...)
			t.buf = append(t.buf, '\n')
		}
	}
}

func (t *tableWriter) Close() error { return nil }

func partyCell(p *petrel.Party) string {
	if p == nil || p.Code == "" {
		return "-"
	}
	return cell(p.Code)
}

// cell collapses white space (a tab or newline would break the columns),
// drops control characters (article text must not drive the terminal) and
// shows "-" for an empty value.
func cell(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if s == "" {
		return "-"
	}
	return s
}

// clip returns the first n runes of s with white space collapsed, and "…"
// when it cut something off.
func clip(s string, n int) string {
	s = cell(s)
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimRight(s[:j], " ") + "…"
		}
		i++
	}
	return s
}
