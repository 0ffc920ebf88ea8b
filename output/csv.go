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
	"location_precision", "location_geonameid", "location_admin1", "location_admin1_code",
	"location_source", "location_fips", "location_adm1_fips",
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
		// Text cells go through CSVCell; numbers are ours and stay
		// numbers (a Goldstein score of -5 is not a formula).
		r = append(r, CSVCell(e.ID), CSVCell(e.ArticleID), strconv.Itoa(e.SentenceIndex), CSVCell(e.Date),
			CSVCell(e.Code), CSVCell(e.RootCode), strconv.Itoa(e.QuadClass), formatFloat(e.Goldstein),
			CSVCell(e.Plover.Type), CSVCell(e.Plover.Mode))
		r = appendPartyCols(r, e.Source)
		r = appendPartyCols(r, e.Target)
		r = append(r, CSVCell(e.Verb.Text), strconv.Itoa(e.Verb.Start), strconv.Itoa(e.Verb.End))
		if l := e.Location; l != nil {
			id := ""
			if l.GeoNameID != 0 {
				id = strconv.Itoa(l.GeoNameID)
			}
			g := GDELTGeo(l)
			r = append(r, CSVCell(l.Name), CSVCell(l.Country), formatFloat(l.Lat), formatFloat(l.Lon),
				CSVCell(l.Precision), id, CSVCell(l.Admin1), CSVCell(l.Admin1Code), CSVCell(l.Source),
				CSVCell(g.CountryCode), CSVCell(g.ADM1Code))
		} else {
			r = append(r, "", "", "", "", "", "", "", "", "", "", "")
		}
		r = append(r, CSVCell(e.Rule), CSVCell(e.Sentence))
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
	return append(r, CSVCell(p.Code), CSVCell(p.Country), CSVCell(p.Text), strconv.Itoa(p.Start), strconv.Itoa(p.End))
}

// CSVCell returns a text cell of a CSV file made safe to open in a
// spreadsheet, as OWASP recommends against formula (CSV) injection: a cell
// that starts with "=", "+", "-", "@", a tab or a carriage return gets a
// single quote in front, so that Excel, LibreOffice and Google Sheets show
// it as text instead of running it ("=HYPERLINK(…)" becomes
// "'=HYPERLINK(…)"). A cell that is a plain decimal number ("-5", "+0.5")
// is left alone: it is a number, not a formula. Every text cell of
// petrel's CSV goes through it, in the CLI and the HTTP export alike.
//
// A program that reads the CSV and needs the exact text back drops a
// leading "'" when the character after it is one of those six.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
	default:
		return s
	}
	if isDecimal(s) {
		return s
	}
	return "'" + s
}

// isDecimal reports whether s is a decimal number with an optional sign:
// digits with at most one point, and at least one digit.
func isDecimal(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, points := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// formatFloat is the shortest decimal that reads back as f, never in
// exponent form (coordinates and Goldstein scores are small).
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}
