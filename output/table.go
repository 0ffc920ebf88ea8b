package output

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"petrel"
	"petrel/cameo"
)

// excerptRunes is how much of the sentence the table shows.
const excerptRunes = 60

// nameRunes clips long CAMEO names so the sentence stays on screen.
const nameRunes = 30

// tableWriter prints aligned columns for a terminal: date, code, the
// code's CAMEO name, source, target, verb and the start of the sentence.
// Each document is flushed as a whole so output streams; tabwriter aligns
// columns within a document only, so cells are padded to typical widths
// (colWidths) to keep successive documents aligned too.
type tableWriter struct {
	tw     *tabwriter.Writer
	header bool
}

func newTable(w io.Writer) *tableWriter {
	return &tableWriter{tw: tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)}
}

func (t *tableWriter) Write(d *petrel.Document) error {
	if len(d.Events) == 0 {
		return nil
	}
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
			name = clip(c.Name, nameRunes)
		}
		t.row(date, cell(e.Code), name, partyCell(e.Source), partyCell(e.Target),
			cell(e.Verb.Text), clip(e.Sentence, excerptRunes))
	}
	return t.tw.Flush()
}

// colWidths are the minimum widths of the columns but the last.
var colWidths = [...]int{10, 4, nameRunes, 9, 9, 10}

func (t *tableWriter) row(cells ...string) {
	for i, c := range cells {
		if i < len(colWidths) {
			fmt.Fprintf(t.tw, "%-*s\t", colWidths[i], c)
		} else {
			fmt.Fprintf(t.tw, "%s\n", c)
		}
	}
}

func (t *tableWriter) Close() error { return t.tw.Flush() }

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
