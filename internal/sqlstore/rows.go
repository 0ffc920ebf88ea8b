package sqlstore

import (
	"encoding/json"
	"time"

	"petrel"
)

// Column lists of the tables both schemas share, in the order the Append
// functions produce values. Articles' seq is assigned by the store.
const (
	ArticleCols  = "id, text_hash, story, date, title, text, url, source, dict_version, coded_at, n_sentences, n_mentions, n_quotes, n_events, skipped, problems"
	SentenceCols = "article, idx, span_start, span_end, text"
	MentionCols  = "article, idx, sentence, span_start, span_end, text, code, country, kind, rule, ref"
	QuoteCols    = "article, idx, sentence, span_start, span_end, text, speaker"
	EventCols    = "article, idx, id, date, sentence_index, sentence, code, root_code, quad_class, goldstein, plover_type, plover_mode, " +
		"src_text, src_code, src_country, src_start, src_end, tgt_text, tgt_code, tgt_country, tgt_start, tgt_end, " +
		"verb_text, verb_start, verb_end, loc_name, loc_country, loc_lat, loc_lon, loc_start, loc_end, rule, qualifier, " +
		"loc_precision, loc_geonameid, loc_admin1, loc_admin1_code, loc_source, src_inferred, tgt_inferred"
)

// Names of the columns, for COPY.
var (
	SentenceNames = splitCols(SentenceCols)
	MentionNames  = splitCols(MentionCols)
	QuoteNames    = splitCols(QuoteCols)
	EventNames    = splitCols(EventCols)
	ArticleNames  = splitCols(ArticleCols)
)

// ArticleRow returns the values of ArticleCols for a planned document (the
// row counts include the rows handed over before p.Doc, p.Handed).
func ArticleRow(p *Plan, dictVersion string, codedAt time.Time) []any {
	a := &p.Doc.Article
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format(time.RFC3339Nano)
	}
	d := p.Doc
	return []any{p.ArticleID, p.Hash, p.Story, date, a.Title, a.Text, a.URL, a.Source,
		dictVersion, codedAt.UTC().Format(time.RFC3339Nano),
		p.Handed.Sentences + len(d.Sentences), p.Handed.Mentions + len(d.Mentions),
		p.Handed.Quotes + len(d.Quotes), p.Handed.Events + len(d.Events),
		jsonOrNil(d.Skipped), jsonOrNil(d.Problems)}
}

// ParseTime parses a time stored by ArticleRow; "" is the zero time.
func ParseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func jsonOrNil[T any](v []T) any {
	if len(v) == 0 {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return string(b)
}

// spanText returns s, or nil when s is exactly the text its span covers:
// then it is not stored twice but cut from the article text when read.
func spanText(text string, sp petrel.Span, s string) any {
	if sp.Of(text) == s {
		return nil
	}
	return s
}

// The Append…Row functions append the values of one row (in the order of
// the table's column list) to dst and return it, so that a store can write
// a large batch a statement at a time without first building a []any for
// every row: an 8 MB article makes hundreds of thousands of rows, and
// holding them all cost more memory than the documents themselves.

// AppendSentenceRow appends the values of sentence i of p, stored under
// seq. With keepText the sentence text is always stored (PostgreSQL
// indexes it).
func AppendSentenceRow(dst []any, seq int64, p *Plan, i int, keepText bool) []any {
	s := &p.Doc.Sentences[i]
	var t any = s.Text
	if !keepText {
		t = spanText(p.Doc.Article.Text, s.Span, s.Text)
	}
	return append(dst, seq, s.Index, s.Span.Start, s.Span.End, t)
}

// AppendMentionRow appends the values of mention i of p.Doc, stored under
// seq; its index in the article follows p.Handed, as for quotes and events.
func AppendMentionRow(dst []any, seq int64, p *Plan, i int) []any {
	m := &p.Doc.Mentions[i]
	return append(dst, seq, p.Handed.Mentions+i, m.Sentence, m.Span.Start, m.Span.End,
		spanText(p.Doc.Article.Text, m.Span, m.Text), m.Code, m.Country, m.Kind, m.Rule, m.Ref)
}

// AppendQuoteRow appends the values of quote i of p, stored under seq.
func AppendQuoteRow(dst []any, seq int64, p *Plan, i int) []any {
	q := &p.Doc.Quotes[i]
	var speaker any
	if q.Speaker != nil {
		b, _ := json.Marshal(q.Speaker)
		speaker = string(b)
	}
	return append(dst, seq, p.Handed.Quotes+i, q.Sentence, q.Span.Start, q.Span.End,
		spanText(p.Doc.Article.Text, q.Span, q.Text), speaker)
}

// AppendEventRow appends the values of event i of p, stored under seq.
func AppendEventRow(dst []any, seq int64, p *Plan, i int) []any {
	e := &p.Doc.Events[i]
	dst = append(dst, seq, p.Handed.Events+i, EventID(p, i), NormDate(e.Date), e.SentenceIndex, e.Sentence,
		e.Code, e.RootCode, e.QuadClass, e.Goldstein, e.Plover.Type, e.Plover.Mode)
	dst = appendParty(dst, e.Source)
	dst = appendParty(dst, e.Target)
	dst = append(dst, e.Verb.Text, e.Verb.Start, e.Verb.End)
	if l := e.Location; l != nil {
		dst = append(dst, l.Name, l.Country, l.Lat, l.Lon, l.Start, l.End)
	} else {
		dst = append(dst, nil, nil, nil, nil, nil, nil)
	}
	dst = append(dst, e.Rule, e.Qualifier)
	if l := e.Location; l != nil {
		var id any
		if l.GeoNameID != 0 {
			id = int64(l.GeoNameID)
		}
		dst = append(dst, strOrNil(l.Precision), id, strOrNil(l.Admin1), strOrNil(l.Admin1Code), strOrNil(l.Source))
	} else {
		dst = append(dst, nil, nil, nil, nil, nil)
	}
	return append(dst, inferredOf(e.Source), inferredOf(e.Target))
}

// Widths of the rows, the number of columns of SentenceCols, MentionCols,
// QuoteCols and EventCols.
var (
	SentenceWidth = len(SentenceNames)
	MentionWidth  = len(MentionNames)
	QuoteWidth    = len(QuoteNames)
	EventWidth    = len(EventNames)
)

// strOrNil returns s, or nil for "": the partial indexes on these columns
// then leave out the rows without a value.
func strOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// inferredOf returns how a party's code was inferred (petrel.Party.Inferred),
// or nil when the text named it or there is no party.
func inferredOf(p *petrel.Party) any {
	if p == nil {
		return nil
	}
	return strOrNil(p.Inferred)
}

// appendParty appends a party's five columns, all NULL for a nil party.
func appendParty(row []any, p *petrel.Party) []any {
	if p == nil {
		return append(row, nil, nil, nil, nil, nil)
	}
	return append(row, p.Text, p.Code, p.Country, p.Start, p.End)
}

func splitCols(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			name := s[start:i]
			for len(name) > 0 && name[0] == ' ' {
				name = name[1:]
			}
			out = append(out, name)
			start = i + 1
		}
	}
	return out
}
