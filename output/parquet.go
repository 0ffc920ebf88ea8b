package output

import (
	"fmt"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"

	"petrel"
)

// ParquetRow is one event as a row of petrel's Parquet files: flat, typed
// columns that pandas, R (arrow), Polars, DuckDB and Spark read without a
// schema of their own. Dates are DATE, codes are strings, Goldstein is a
// DOUBLE, spans are byte offsets into the article's text. A column that
// an event has no value for (no target, no location, an undated event) is
// null; the store columns (num_articles … article_source) are null in
// files written by petrel code, which has no store. docs/OUTPUT.md lists
// the columns.
type ParquetRow struct {
	EventID       string `parquet:"event_id"`
	ArticleID     string `parquet:"article_id"`
	SentenceIndex int32  `parquet:"sentence_index"`
	Sentence      string `parquet:"sentence,zstd"`
	// Date is the DATE logical type: days since 1970-01-01. (An int32
	// rather than a time.Time, which the library reads back wrongly.)
	Date       *int32  `parquet:"date,optional,date"`
	Code       string  `parquet:"code,dict"`
	RootCode   string  `parquet:"root_code,dict"`
	QuadClass  int32   `parquet:"quad_class"`
	Goldstein  float64 `parquet:"goldstein"`
	PloverType string  `parquet:"plover_type,dict"`
	PloverMode string  `parquet:"plover_mode,dict"`

	SourceCode     *string `parquet:"source_code,optional,dict"`
	SourceCountry  *string `parquet:"source_country,optional,dict"`
	SourceText     *string `parquet:"source_text,optional"`
	SourceStart    *int32  `parquet:"source_start,optional"`
	SourceEnd      *int32  `parquet:"source_end,optional"`
	SourceInferred *string `parquet:"source_inferred,optional,dict"`

	TargetCode     *string `parquet:"target_code,optional,dict"`
	TargetCountry  *string `parquet:"target_country,optional,dict"`
	TargetText     *string `parquet:"target_text,optional"`
	TargetStart    *int32  `parquet:"target_start,optional"`
	TargetEnd      *int32  `parquet:"target_end,optional"`
	TargetInferred *string `parquet:"target_inferred,optional,dict"`

	VerbText  string `parquet:"verb_text"`
	VerbStart int32  `parquet:"verb_start"`
	VerbEnd   int32  `parquet:"verb_end"`

	LocationName       *string  `parquet:"location_name,optional,dict"`
	LocationCountry    *string  `parquet:"location_country,optional,dict"`
	LocationLat        *float64 `parquet:"location_lat,optional"`
	LocationLon        *float64 `parquet:"location_lon,optional"`
	LocationStart      *int32   `parquet:"location_start,optional"`
	LocationEnd        *int32   `parquet:"location_end,optional"`
	LocationPrecision  *string  `parquet:"location_precision,optional,dict"`
	LocationGeoNameID  *int64   `parquet:"location_geonameid,optional"`
	LocationAdmin1     *string  `parquet:"location_admin1,optional,dict"`
	LocationAdmin1Code *string  `parquet:"location_admin1_code,optional,dict"`

	Rule      string  `parquet:"rule,dict"`
	Qualifier *string `parquet:"qualifier,optional,dict"`

	NumArticles   *int32  `parquet:"num_articles,optional"`
	NumSources    *int32  `parquet:"num_sources,optional"`
	Story         *string `parquet:"story,optional"`
	DictVersion   *string `parquet:"dict_version,optional,dict"`
	ArticleTitle  *string `parquet:"article_title,optional"`
	ArticleURL    *string `parquet:"article_url,optional"`
	ArticleSource *string `parquet:"article_source,optional,dict"`
}

// Parquet writes events as one Parquet file. Rows are buffered and written
// in row groups of ParquetRowGroup rows, so memory stays bounded whatever
// the number of events; the file is complete only after Close, which
// writes its footer. It implements Writer, for petrel code, and takes
// stored events, with their story counts, through WriteStored.
type Parquet struct {
	w   *parquet.GenericWriter[ParquetRow]
	buf []ParquetRow
	n   int
}

// ParquetRowGroup is the number of rows per row group: large enough for
// good compression and fast scans, small enough (tens of MB) to buffer.
const ParquetRowGroup = 100_000

// NewParquet returns a Parquet writer on w.
func NewParquet(w io.Writer) *Parquet {
	return &Parquet{w: parquet.NewGenericWriter[ParquetRow](w,
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(ParquetRowGroup),
		parquet.CreatedBy("petrel", "", ""),
	)}
}

// Rows returns the number of rows written so far.
func (p *Parquet) Rows() int { return p.n }

// Write writes the events of d, with the article's title, URL and source.
func (p *Parquet) Write(d *petrel.Document) error {
	for i := range d.Events {
		r := rowOf(&d.Events[i])
		r.ArticleTitle = optStr(d.Article.Title)
		r.ArticleURL = optStr(d.Article.URL)
		r.ArticleSource = optStr(d.Article.Source)
		if err := p.add(r); err != nil {
			return err
		}
	}
	return nil
}

// WriteStored writes one stored event with what the store knows around it.
func (p *Parquet) WriteStored(e *petrel.StoredEvent) error {
	r := rowOf(&e.Event)
	na, ns := int32(e.NumArticles), int32(e.NumSources)
	r.NumArticles, r.NumSources = &na, &ns
	r.Story = optStr(e.Story)
	r.DictVersion = optStr(e.DictVersion)
	r.ArticleTitle = optStr(e.ArticleTitle)
	r.ArticleURL = optStr(e.ArticleURL)
	r.ArticleSource = optStr(e.ArticleSource)
	return p.add(r)
}

// parquetBatch is how many rows are handed to the library at once: its
// per-call cost is then paid once per batch, not per event.
const parquetBatch = 1024

func (p *Parquet) add(r ParquetRow) error {
	p.buf = append(p.buf, r)
	p.n++
	if len(p.buf) == parquetBatch {
		return p.flush()
	}
	return nil
}

func (p *Parquet) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	_, err := p.w.Write(p.buf)
	clear(p.buf)
	p.buf = p.buf[:0]
	if err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// Close writes the buffered rows and the file's footer. It does not close
// the underlying writer.
func (p *Parquet) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// rowOf flattens e into a row.
func rowOf(e *petrel.Event) ParquetRow {
	r := ParquetRow{
		EventID: e.ID, ArticleID: e.ArticleID, SentenceIndex: int32(e.SentenceIndex),
		Sentence: e.Sentence, Code: e.Code, RootCode: e.RootCode,
		QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		PloverType: e.Plover.Type, PloverMode: e.Plover.Mode,
		VerbText: e.Verb.Text, VerbStart: int32(e.Verb.Start), VerbEnd: int32(e.Verb.End),
		Rule: e.Rule, Qualifier: optStr(e.Qualifier),
	}
	if t, err := time.Parse(time.DateOnly, e.Date); err == nil {
		days := int32(t.Unix() / 86400)
		r.Date = &days
	}
	if s := e.Source; s != nil {
		r.SourceCode, r.SourceCountry, r.SourceText = ptr(s.Code), optStr(s.Country), ptr(s.Text)
		r.SourceStart, r.SourceEnd, r.SourceInferred = i32(s.Start), i32(s.End), optStr(s.Inferred)
	}
	if s := e.Target; s != nil {
		r.TargetCode, r.TargetCountry, r.TargetText = ptr(s.Code), optStr(s.Country), ptr(s.Text)
		r.TargetStart, r.TargetEnd, r.TargetInferred = i32(s.Start), i32(s.End), optStr(s.Inferred)
	}
	if l := e.Location; l != nil {
		lat, lon := l.Lat, l.Lon
		r.LocationName, r.LocationCountry = ptr(l.Name), optStr(l.Country)
		r.LocationLat, r.LocationLon = &lat, &lon
		r.LocationStart, r.LocationEnd = i32(l.Start), i32(l.End)
		r.LocationPrecision, r.LocationAdmin1, r.LocationAdmin1Code = optStr(l.Precision), optStr(l.Admin1), optStr(l.Admin1Code)
		if l.GeoNameID != 0 {
			id := int64(l.GeoNameID)
			r.LocationGeoNameID = &id
		}
	}
	return r
}

// ParquetDate returns a ParquetRow's Date as YYYY-MM-DD, or "" for null.
func ParquetDate(days *int32) string {
	if days == nil {
		return ""
	}
	return time.Unix(int64(*days)*86400, 0).UTC().Format(time.DateOnly)
}

// optStr is nil for "", so an absent value is null rather than empty.
func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ptr returns a pointer to a copy of s: rows never point into an event,
// which a caller may reuse once Write returns.
func ptr(s string) *string { return &s }

func i32(n int) *int32 {
	v := int32(n)
	return &v
}
