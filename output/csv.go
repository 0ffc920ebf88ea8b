package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"petrel"
)

// CSVColumns is the header of the "csv" format, one column per field of an
// event. A missing target or location leaves its columns empty.
var CSVColumns = []string{
	"event_id", "article_id", "sentence_index", "date", "code", "root_code",
	"quad_class", "goldstein", "plover_type", "plover_mode",
	"source_code", "source_country", "source_text", "source_start", "source_end",
	"target_code", "target_country", "target_text", "target_start", "target_end",
	"verb_text", "verb_start", "verb_end",
	"location_name", "location_country", "lat", "lon",
	"rule", "sentence",
}

// csvWriter writes a header and one row per event with encoding/csv.
type csvWriter struct {
	cw  *csv.Writer
	row []string
}

func newCSV(w io.Writer) *csvWriter {
	c := &csvWriter{cw: csv.NewWriter(w), row: make([]string, len(CSVColumns))}
	// Buffered by csv.Writer, so no I/O happens before the first flush; an
	// empty run still yields a header.
	c.cw.Write(CSVColumns)
	return c
}

func (c *csvWriter) Write(d *petrel.Document) error {
	for i := range d.Events {
		e := &d.Events[i]
		r := c.row[:0]
		r = append(r, e.ID, e.ArticleID, strconv.Itoa(e.SentenceIndex), e.Date,
			e.Code, e.RootCode, strconv.Itoa(e.QuadClass), formatFloat(e.Goldstein),
			e.Plover.Type, e.Plover.Mode)
		r = appendPartyCols(r, e.Source)
		r = appendPartyCols(r, e.Target)
		r = append(r, e.Verb.Text, strconv.Itoa(e.Verb.Start), strconv.Itoa(e.Verb.End))
		if l := e.Location; l != nil {
			r = append(r, l.Name, l.Country, formatFloat(l.Lat), formatFloat(l.Lon))
		} else {
			r = append(r, "", "", "", "")
		}
		r = append(r, e.Rule, e.Sentence)
		if err := c.cw.Write(r); err != nil {
			return err
		}
	}
	return c.cw.Error()
}

func appendPartyCols(r []string, p *petrel.Party) []string {
	if p == nil {
		return append(r, "", "", "", "", "")
	}
	return append(r, p.Code, p.Country, p.Text, strconv.Itoa(p.Start), strconv.Itoa(p.End))
}

// formatFloat is the shortest decimal that reads back as f, never in
// exponent form (coordinates and Goldstein scores are small).
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}
