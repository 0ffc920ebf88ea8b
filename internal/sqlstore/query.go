package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"petrel"
)

// Dialect holds what differs between the SQL of the stores. Every query is
// written with numbered placeholders ($1), which both databases accept.
type Dialect struct {
	// TextCond returns a condition true for events e whose sentence
	// matches the text search parameter param.
	TextCond func(param string) string
	// TextArg turns the user's words into that parameter's value, or
	// returns false when they hold nothing to search for.
	TextArg func(text string) (string, bool)
	// Period returns an expression for the first day (YYYY-MM-DD) of the
	// period of events e's date, for ByDay, ByWeek or ByMonth.
	Period func(by string) string

	// Optional: a database whose planner must be told how to read a page
	// (SQLite) sets these.
	//
	// Hint returns the clause that makes a FROM read table e through the
	// named index ("INDEXED BY x"), or nil.
	Hint func(index string) string
	// TextCount is a query of the number of sentences, up to $2, that
	// match the text parameter $1: it tells a search for common words
	// from one for rare ones. Empty when TextCond serves both.
	TextCount string
	// TextDrive returns a condition for TextCond that makes the search the
	// first step of the query: for rare words, read the few matches first.
	TextDrive func(param string) string
	// TextProbe returns a condition for TextCond that checks one event at
	// a time: for common words, read events in page order and keep those
	// that match.
	TextProbe func(param string) string
}

func (d *Dialect) hint(index string) string {
	if d.Hint == nil {
		return ""
	}
	return d.Hint(index)
}

// Ways of matching the text filter.
type textMode int

const (
	textSet   textMode = iota // TextCond
	textDrive                 // TextDrive
	textProbe                 // TextProbe
)

// textDense is the number of matching sentences from which a text search
// is read by probing events in page order: then a page of 100 events
// probes about 100 × events / textDense sentences at most.
const textDense = 20000

// textModeOf returns how to match f.Text. none is true when the text can
// match nothing.
func textModeOf(ctx context.Context, db Querier, d *Dialect, f petrel.EventFilter) (mode textMode, none bool, err error) {
	if f.Text == "" || d.TextCount == "" {
		return textSet, false, nil
	}
	arg, ok := d.TextArg(f.Text)
	if !ok {
		return textSet, true, nil
	}
	var n int
	if err := db.QueryRowContext(ctx, d.TextCount, arg, textDense).Scan(&n); err != nil {
		return textSet, false, fmt.Errorf("count text matches: %w", err)
	}
	if n < textDense {
		return textDrive, false, nil
	}
	return textProbe, false, nil
}

// Querier is what the read queries need of a database.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// params collects the arguments of a query as numbered placeholders.
type params []any

func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

// HasWords reports whether s holds a letter or digit, so that a text search
// for it can match anything.
func HasWords(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// prefixEnd returns the least string greater than every string that starts
// with the ASCII string s, so that a prefix match is an index range.
func prefixEnd(s string) string {
	b := []byte(s)
	b[len(b)-1]++
	return string(b)
}

// where returns the conditions of a normalised filter on events e, joined
// by AND ("1=1" when there are none). none is true when the filter can
// match nothing.
func where(f petrel.EventFilter, d *Dialect, p *params) (cond string, none bool, err error) {
	return whereText(f, d, p, textSet)
}

// whereText is where with the text filter matched as mode says.
func whereText(f petrel.EventFilter, d *Dialect, p *params, mode textMode) (cond string, none bool, err error) {
	var conds []string
	actor := func(x string, src, tgt bool) string {
		v, hi := p.add(x), p.add(prefixEnd(x))
		var or []string
		for _, side := range []struct {
			on   bool
			name string
		}{{src, "src"}, {tgt, "tgt"}} {
			if side.on {
				or = append(or, fmt.Sprintf("e.%[1]s_country = %[2]s OR (e.%[1]s_code >= %[2]s AND e.%[1]s_code < %[3]s)", side.name, v, hi))
			}
		}
		return "(" + strings.Join(or, " OR ") + ")"
	}
	if f.Actor != "" {
		conds = append(conds, actor(f.Actor, true, true))
	}
	if f.Source != "" {
		conds = append(conds, actor(f.Source, true, false))
	}
	if f.Target != "" {
		conds = append(conds, actor(f.Target, false, true))
	}
	if f.Country != "" {
		conds = append(conds, "e.loc_country = "+p.add(f.Country))
	}
	if f.Admin1 != "" {
		conds = append(conds, admin1Col(f.Admin1)+" = "+p.add(f.Admin1))
	}
	if b := f.BBox; b != nil {
		lat := "e.loc_lat >= " + p.add(b.MinLat) + " AND e.loc_lat <= " + p.add(b.MaxLat)
		if b.MinLon <= b.MaxLon {
			conds = append(conds, "e.loc_lon >= "+p.add(b.MinLon)+" AND e.loc_lon <= "+p.add(b.MaxLon)+" AND "+lat)
		} else {
			conds = append(conds, "(e.loc_lon >= "+p.add(b.MinLon)+" OR e.loc_lon <= "+p.add(b.MaxLon)+") AND "+lat)
		}
	}
	if f.Code != "" {
		conds = append(conds, "e.code >= "+p.add(f.Code)+" AND e.code < "+p.add(prefixEnd(f.Code)))
	}
	if f.Plover != "" {
		conds = append(conds, "e.plover_type = "+p.add(f.Plover))
	}
	if f.QuadClass != 0 {
		conds = append(conds, "e.quad_class = "+p.add(f.QuadClass))
	}
	if f.Since != "" {
		conds = append(conds, "e.date >= "+p.add(f.Since))
	}
	if f.Until != "" {
		conds = append(conds, "e.date <> '' AND e.date <= "+p.add(f.Until))
	}
	if f.ArticleID != "" {
		conds = append(conds, "e.article = (SELECT seq FROM articles WHERE id = "+p.add(f.ArticleID)+")")
	}
	if f.Text != "" {
		arg, ok := d.TextArg(f.Text)
		if !ok {
			return "", true, nil
		}
		switch mode {
		case textDrive:
			conds = append(conds, d.TextDrive(p.add(arg)))
		case textProbe:
			conds = append(conds, d.TextProbe(p.add(arg)))
		default:
			conds = append(conds, d.TextCond(p.add(arg)))
		}
	}
	if f.Cursor != "" {
		date, seq, desc, err := decodeCursor(f.Cursor)
		if err != nil {
			return "", false, err
		}
		if desc != (f.Order == petrel.OrderNewest) {
			return "", false, &petrel.Error{Code: petrel.EINVALID, Message: "the cursor is from a page in the other order", Param: "cursor"}
		}
		// The first term is redundant, but lets an index on (…, date, seq)
		// start at the cursor.
		dp := p.add(date)
		if desc {
			conds = append(conds, "e.date <= "+dp+" AND (e.date < "+dp+" OR e.seq < "+p.add(seq)+")")
		} else {
			conds = append(conds, "e.date >= "+dp+" AND (e.date > "+dp+" OR e.seq > "+p.add(seq)+")")
		}
	}
	if len(conds) == 0 {
		return "1=1", false, nil
	}
	return strings.Join(conds, " AND "), false, nil
}

// An arm is one index range whose events come in page order (date, seq):
// a page of events matching a filter is a merge of the arms that together
// cover it, each checked against the whole filter, which stops after the
// page's last row rather than sorting every match.
type arm struct {
	cond  string // an equality on the index's first column
	index string
}

// maxArms bounds the arms of a page query; a filter that would need more
// is read by the database's own plan.
const maxArms = 64

// driverArms returns the arms that cover the events matching one of the
// filter's indexed conditions (actor, source, target, location country,
// PLOVER type, code), the first that can be covered in maxArms, or none.
// Events are indexed by actor code and event code with their date: an
// actor filter takes an arm per stored actor code that starts with it or
// whose country it is, a PLOVER type an arm per event code coded as it, a
// code prefix an arm per stored code that starts with it.
func driverArms(ctx context.Context, db Querier, f petrel.EventFilter, p *params) ([]arm, error) {
	// codeArms makes an arm per value of the query's single column on the
	// index, or returns nil when there are more than maxArms.
	codeArms := func(col, index, none string, query string, args ...any) ([]arm, error) {
		var codes []string
		err := each(ctx, db, query+" LIMIT "+strconv.Itoa(maxArms+1), args, func(rows *sql.Rows) error {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			codes = append(codes, v)
			return nil
		})
		if err != nil || len(codes) > maxArms {
			return nil, err
		}
		if len(codes) == 0 {
			// Nothing matches: one arm that finds it out at once.
			codes = []string{none}
		}
		arms := make([]arm, len(codes))
		for i, c := range codes {
			arms[i] = arm{"e." + col + " = " + p.add(c), index}
		}
		return arms, nil
	}
	actor := func(x string, sides ...string) ([]arm, error) {
		var arms []arm
		for _, side := range sides {
			col := side + "_code"
			// The codes in the prefix range, one index entry each (a
			// loose index scan), and those of the country, from the
			// rollup.
			a, err := codeArms(col, "events_"+side, x, `WITH RECURSIVE c(x) AS (
				SELECT (SELECT MIN(e.`+col+`) FROM events e WHERE e.`+col+` >= $1 AND e.`+col+` < $2)
				UNION ALL
				SELECT (SELECT MIN(e.`+col+`) FROM events e WHERE e.`+col+` > c.x AND e.`+col+` < $2) FROM c WHERE c.x IS NOT NULL)
				SELECT x FROM c WHERE x IS NOT NULL
				UNION SELECT DISTINCT `+col+` FROM event_rollup WHERE `+side+`_country = $1 AND `+col+` IS NOT NULL`,
				x, prefixEnd(x))
			if err != nil || a == nil {
				return nil, err
			}
			arms = append(arms, a...)
		}
		if len(arms) > maxArms {
			return nil, nil
		}
		return arms, nil
	}
	for _, try := range []func() ([]arm, error){
		func() ([]arm, error) {
			if f.Source == "" {
				return nil, nil
			}
			return actor(f.Source, "src")
		},
		func() ([]arm, error) {
			if f.Target == "" {
				return nil, nil
			}
			return actor(f.Target, "tgt")
		},
		func() ([]arm, error) {
			if f.Actor == "" {
				return nil, nil
			}
			return actor(f.Actor, "src", "tgt")
		},
		func() ([]arm, error) {
			if f.Country == "" {
				return nil, nil
			}
			return []arm{{"e.loc_country = " + p.add(f.Country), "events_loc_country"}}, nil
		},
		func() ([]arm, error) {
			if f.Admin1 == "" {
				return nil, nil
			}
			col := admin1Col(f.Admin1)
			return []arm{{col + " = " + p.add(f.Admin1), "events_" + col[2:]}}, nil
		},
		func() ([]arm, error) {
			if f.Plover == "" {
				return nil, nil
			}
			return codeArms("code", "events_code", "", `SELECT DISTINCT code FROM event_rollup WHERE plover_type = $1`, f.Plover)
		},
		func() ([]arm, error) {
			if f.Code == "" {
				return nil, nil
			}
			return codeArms("code", "events_code", f.Code, `WITH RECURSIVE c(x) AS (
				SELECT (SELECT MIN(e.code) FROM events e WHERE e.code >= $1 AND e.code < $2)
				UNION ALL
				SELECT (SELECT MIN(e.code) FROM events e WHERE e.code > c.x AND e.code < $2) FROM c WHERE c.x IS NOT NULL)
				SELECT x FROM c WHERE x IS NOT NULL`, f.Code, prefixEnd(f.Code))
		},
	} {
		arms, err := try()
		if err != nil || arms != nil {
			return arms, err
		}
	}
	return nil, nil
}

// admin1Col returns the column an admin1 filter value matches: the
// GeoNames code for a value of the form CC.XX, the name otherwise.
func admin1Col(v string) string {
	if len(v) > 3 && v[2] == '.' && isUpper(v[0]) && isUpper(v[1]) && !strings.ContainsAny(v, " \t") {
		return "e.loc_admin1_code"
	}
	return "e.loc_admin1"
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// encodeCursor makes the cursor of the page after the row (date, seq):
// "date|seq", with "|d" after it for a page newest first.
func encodeCursor(date string, seq int64, desc bool) string {
	c := date + "|" + strconv.FormatInt(seq, 10)
	if desc {
		c += "|d"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(c))
}

func decodeCursor(c string) (date string, seq int64, desc bool, err error) {
	bad := &petrel.Error{Code: petrel.EINVALID, Message: "invalid cursor", Param: "cursor"}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", 0, false, bad
	}
	date, n, ok := strings.Cut(string(b), "|")
	if !ok || (date != "" && !validDate(date)) {
		return "", 0, false, bad
	}
	if rest, ok := strings.CutSuffix(n, "|d"); ok {
		n, desc = rest, true
	}
	seq, err = strconv.ParseInt(n, 10, 64)
	if err != nil || seq < 0 {
		return "", 0, false, bad
	}
	return date, seq, desc, nil
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == 10
}

// NormDate returns an event date as stored: s when it is a YYYY-MM-DD date,
// "" otherwise, so that every stored date sorts and converts.
func NormDate(s string) string {
	if validDate(s) {
		return s
	}
	return ""
}

const eventSelect = `SELECT e.seq, e.id, e.date, e.sentence_index, e.sentence, e.code, e.root_code, e.quad_class, e.goldstein,
 e.plover_type, e.plover_mode,
 e.src_text, e.src_code, e.src_country, e.src_start, e.src_end,
 e.tgt_text, e.tgt_code, e.tgt_country, e.tgt_start, e.tgt_end,
 e.verb_text, e.verb_start, e.verb_end,
 e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_start, e.loc_end, e.rule, e.qualifier,
 e.loc_precision, e.loc_geonameid, e.loc_admin1, e.loc_admin1_code, e.loc_source,
 e.src_inferred, e.tgt_inferred,
 a.id, a.dict_version, a.title, a.url, a.source, a.story,
 (SELECT COUNT(*) FROM articles x WHERE x.story = a.story),
 (SELECT COUNT(DISTINCT x.source) FROM articles x WHERE x.story = a.story)
FROM events e JOIN articles a ON a.seq = e.article`

type nullParty struct {
	text, code, country, inferred sql.NullString
	start, end                    sql.NullInt64
}

func (n *nullParty) party() *petrel.Party {
	if !n.start.Valid {
		return nil
	}
	return &petrel.Party{Text: n.text.String, Code: n.code.String, Country: n.country.String,
		Start: int(n.start.Int64), End: int(n.end.Int64), Inferred: n.inferred.String}
}

// queryEvents runs eventSelect with the conditions and tail (ORDER BY,
// LIMIT) given, returning the events and their storage sequence numbers.
func queryEvents(ctx context.Context, db Querier, cond, tail string, args []any) ([]*petrel.StoredEvent, []int64, error) {
	var (
		out  []*petrel.StoredEvent
		seqs []int64
	)
	err := scanEvents(ctx, db, cond, tail, args, func(e *petrel.StoredEvent, seq int64) error {
		out = append(out, e)
		seqs = append(seqs, seq)
		return nil
	})
	return out, seqs, err
}

// errStop wraps an error of a scanEvents callback, to return it unwrapped.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// scanEvents runs eventSelect with the conditions and tail given and calls
// fn with each event, as it is read, and its storage sequence number. It
// returns fn's first error as it is.
func scanEvents(ctx context.Context, db Querier, cond, tail string, args []any, fn func(*petrel.StoredEvent, int64) error) error {
	rows, err := db.QueryContext(ctx, eventSelect+" WHERE "+cond+" "+tail, args...)
	if err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var (
		src, tgt nullParty
		locName  sql.NullString
		locCtry  sql.NullString
		lat, lon sql.NullFloat64
		l0, l1   sql.NullInt64
		locPrec  sql.NullString
		locID    sql.NullInt64
		locA1    sql.NullString
		locA1c   sql.NullString
		locSrc   sql.NullString
	)
	for rows.Next() {
		var (
			e   petrel.StoredEvent
			seq int64
		)
		err := rows.Scan(&seq, &e.ID, &e.Date, &e.SentenceIndex, &e.Sentence, &e.Code, &e.RootCode, &e.QuadClass, &e.Goldstein,
			&e.Plover.Type, &e.Plover.Mode,
			&src.text, &src.code, &src.country, &src.start, &src.end,
			&tgt.text, &tgt.code, &tgt.country, &tgt.start, &tgt.end,
			&e.Verb.Text, &e.Verb.Start, &e.Verb.End,
			&locName, &locCtry, &lat, &lon, &l0, &l1, &e.Rule, &e.Qualifier,
			&locPrec, &locID, &locA1, &locA1c, &locSrc,
			&src.inferred, &tgt.inferred,
			&e.ArticleID, &e.DictVersion, &e.ArticleTitle, &e.ArticleURL, &e.ArticleSource, &e.Story,
			&e.NumArticles, &e.NumSources)
		if err != nil {
			return fmt.Errorf("scan event: %w", err)
		}
		e.Source, e.Target = src.party(), tgt.party()
		if l0.Valid {
			e.Location = &petrel.Location{Name: locName.String, Country: locCtry.String,
				Lat: lat.Float64, Lon: lon.Float64, Start: int(l0.Int64), End: int(l1.Int64),
				Precision: locPrec.String, GeoNameID: int(locID.Int64), Admin1: locA1.String,
				Admin1Code: locA1c.String, Source: locSrc.String}
		}
		if err := fn(&e, seq); err != nil {
			return errStop{err}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query events: %w", err)
	}
	return nil
}

// Events implements petrel.Store.Events.
func Events(ctx context.Context, db Querier, d *Dialect, f petrel.EventFilter) ([]*petrel.StoredEvent, string, error) {
	f, err := f.Normalize()
	if err != nil {
		return nil, "", err
	}
	mode, none, err := textModeOf(ctx, db, d, f)
	if err != nil || none {
		return nil, "", err
	}
	var p params
	cond, none, err := whereText(f, d, &p, mode)
	if err != nil || none {
		return nil, "", err
	}
	page := " LIMIT " + p.add(f.Limit+1)
	if f.Cursor == "" && f.Offset > 0 {
		page += " OFFSET " + p.add(f.Offset)
	}
	// Newest first is the same walk backwards: the indexes on (…, date,
	// seq) serve it as well, and undated events ("") come last.
	order := "ORDER BY e.date, e.seq"
	armOrder := " ORDER BY 1, 2"
	desc := f.Order == petrel.OrderNewest
	if desc {
		order, armOrder = "ORDER BY e.date DESC, e.seq DESC", " ORDER BY 1 DESC, 2 DESC"
	}
	tail := order + page
	if mode != textDrive && f.ArticleID == "" {
		arms, err := driverArms(ctx, db, f, &p)
		if err != nil {
			return nil, "", err
		}
		if len(arms) == 0 && mode == textProbe {
			arms = []arm{{"1=1", "events_date"}}
		}
		if len(arms) > 0 {
			sel := make([]string, len(arms))
			for i, a := range arms {
				sel[i] = "SELECT e.date, e.seq FROM events e " + d.hint(a.index) + " WHERE " + a.cond + " AND " + cond
			}
			cond = "e.seq IN (SELECT seq FROM (" + strings.Join(sel, " UNION ") + armOrder + page + ") t)"
			tail = order
		}
	}
	evs, seqs, err := queryEvents(ctx, db, cond, tail, p)
	if err != nil {
		return nil, "", err
	}
	if len(evs) <= f.Limit {
		return evs, "", nil
	}
	// One row more than asked shows there is a next page, which starts
	// after the page's last row.
	evs = evs[:f.Limit]
	last := evs[len(evs)-1]
	return evs, encodeCursor(last.Date, seqs[len(evs)-1], desc), nil
}

// EachEvent implements petrel.Store.EachEvent. The rows are read as fn
// consumes them, so the database, not this process, holds the result; on
// SQLite that is one read transaction for the whole scan.
func EachEvent(ctx context.Context, db Querier, d *Dialect, f petrel.EventFilter, fn func(*petrel.StoredEvent) error) error {
	f.Limit, f.Offset, f.Cursor = 0, 0, ""
	f, err := f.Normalize()
	if err != nil {
		return err
	}
	var p params
	cond, none, err := where(f, d, &p)
	if err != nil || none {
		return err
	}
	err = scanEvents(ctx, db, cond, "ORDER BY e.date, e.seq", p, func(e *petrel.StoredEvent, _ int64) error { return fn(e) })
	if stop, ok := err.(errStop); ok {
		return stop.err
	}
	return err
}

// Event implements petrel.Store.Event.
func Event(ctx context.Context, db Querier, id string) (*petrel.StoredEvent, error) {
	if !petrel.ValidText(id) {
		return nil, &petrel.Error{Code: petrel.ENOTFOUND, Message: "event not found", Param: "id"}
	}
	evs, _, err := queryEvents(ctx, db, "e.id = $1", "ORDER BY e.seq LIMIT 1", []any{id})
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, &petrel.Error{Code: petrel.ENOTFOUND, Message: "event not found", Param: "id"}
	}
	return evs[0], nil
}

// Article implements petrel.Store.Article.
func Article(ctx context.Context, db Querier, id string) (*petrel.StoredArticle, error) {
	if !petrel.ValidText(id) {
		return nil, &petrel.Error{Code: petrel.ENOTFOUND, Message: "article not found", Param: "id"}
	}
	var (
		a                       petrel.StoredArticle
		seq                     int64
		date, codedAt           string
		skipped, problems       sql.NullString
		title, url, source, txt string
	)
	err := db.QueryRowContext(ctx, `SELECT seq, id, date, title, text, url, source, dict_version, coded_at, story, skipped, problems
		FROM articles WHERE id = $1`, id).Scan(&seq, &a.Article.ID, &date, &title, &txt, &url, &source,
		&a.DictVersion, &codedAt, &a.Story, &skipped, &problems)
	if err == sql.ErrNoRows {
		return nil, &petrel.Error{Code: petrel.ENOTFOUND, Message: "article not found", Param: "id"}
	} else if err != nil {
		return nil, fmt.Errorf("query article: %w", err)
	}
	a.Article.Date, a.Article.Title, a.Article.Text = ParseTime(date), title, txt
	a.Article.URL, a.Article.Source = url, source
	a.CodedAt = ParseTime(codedAt)
	if skipped.Valid {
		_ = json.Unmarshal([]byte(skipped.String), &a.Skipped)
	}
	if problems.Valid {
		_ = json.Unmarshal([]byte(problems.String), &a.Problems)
	}
	cut := func(t sql.NullString, start, end int) string {
		if t.Valid {
			return t.String
		}
		return petrel.Span{Start: start, End: end}.Of(txt)
	}

	a.Sentences = []petrel.Sentence{}
	err = each(ctx, db, `SELECT idx, span_start, span_end, text FROM sentences WHERE article = $1 ORDER BY idx`, seq,
		func(rows *sql.Rows) error {
			var s petrel.Sentence
			var t sql.NullString
			if err := rows.Scan(&s.Index, &s.Span.Start, &s.Span.End, &t); err != nil {
				return err
			}
			s.Text = cut(t, s.Span.Start, s.Span.End)
			a.Sentences = append(a.Sentences, s)
			return nil
		})
	if err != nil {
		return nil, err
	}
	a.Mentions = []petrel.Mention{}
	err = each(ctx, db, `SELECT sentence, span_start, span_end, text, code, country, kind, rule, ref FROM mentions WHERE article = $1 ORDER BY idx`, seq,
		func(rows *sql.Rows) error {
			var m petrel.Mention
			var t sql.NullString
			if err := rows.Scan(&m.Sentence, &m.Span.Start, &m.Span.End, &t, &m.Code, &m.Country, &m.Kind, &m.Rule, &m.Ref); err != nil {
				return err
			}
			m.Text = cut(t, m.Span.Start, m.Span.End)
			a.Mentions = append(a.Mentions, m)
			return nil
		})
	if err != nil {
		return nil, err
	}
	a.Quotes = []petrel.Quote{}
	err = each(ctx, db, `SELECT sentence, span_start, span_end, text, speaker FROM quotes WHERE article = $1 ORDER BY idx`, seq,
		func(rows *sql.Rows) error {
			var q petrel.Quote
			var t, sp sql.NullString
			if err := rows.Scan(&q.Sentence, &q.Span.Start, &q.Span.End, &t, &sp); err != nil {
				return err
			}
			q.Text = cut(t, q.Span.Start, q.Span.End)
			if sp.Valid {
				q.Speaker = new(petrel.Party)
				_ = json.Unmarshal([]byte(sp.String), q.Speaker)
			}
			a.Quotes = append(a.Quotes, q)
			return nil
		})
	if err != nil {
		return nil, err
	}
	evs, _, err := queryEvents(ctx, db, "e.article = $1", "ORDER BY e.idx", []any{seq})
	if err != nil {
		return nil, err
	}
	a.Events = make([]petrel.Event, len(evs))
	for i, e := range evs {
		a.Events[i] = e.Event
		a.NumArticles, a.NumSources = e.NumArticles, e.NumSources
	}
	if len(evs) == 0 {
		err := db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT source) FROM articles WHERE story = $1`, a.Story).
			Scan(&a.NumArticles, &a.NumSources)
		if err != nil {
			return nil, fmt.Errorf("query story: %w", err)
		}
	}
	a.Duplicates = []string{}
	err = each(ctx, db, `SELECT id FROM articles WHERE story = $1 AND seq <> $2 ORDER BY seq LIMIT 100`, []any{a.Story, seq},
		func(rows *sql.Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			a.Duplicates = append(a.Duplicates, id)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// each runs query with arg (one value or a []any) and calls fn per row.
func each(ctx context.Context, db Querier, query string, arg any, fn func(*sql.Rows) error) error {
	args, ok := arg.([]any)
	if !ok {
		args = []any{arg}
	}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return nil
}

// Stats implements petrel.Store.Stats. Without a text, article or
// location filter it reads event_rollup, whose rows count the events of
// each combination of the columns it can group and filter by; otherwise
// the events themselves.
func Stats(ctx context.Context, db Querier, d *Dialect, q petrel.StatsQuery) ([]petrel.StatsRow, error) {
	f, err := q.Filter.Normalize()
	if err != nil {
		return nil, err
	}
	f.Cursor, f.Offset = "", 0
	out := []petrel.StatsRow{}
	// table, and the count and Goldstein sum of one of its rows.
	table, n := "event_rollup", "e.n"
	mode := textSet
	if f.Text != "" || f.ArticleID != "" || f.Country != "" || f.Admin1 != "" || f.BBox != nil {
		table, n = "events", "1"
		var none bool
		if mode, none, err = textModeOf(ctx, db, d, f); err != nil || none {
			return out, err
		}
		if mode == textProbe {
			mode = textSet
		}
	}
	var p params
	cond, none, err := whereText(f, d, &p, mode)
	if err != nil {
		return nil, err
	}
	if none {
		return out, nil
	}
	from := " FROM " + table + " e WHERE "
	var query string
	switch q.By {
	case petrel.ByDay, petrel.ByWeek, petrel.ByMonth:
		query = "SELECT k, quad_class, CAST(SUM(n) AS BIGINT), SUM(g) FROM (SELECT " + d.Period(q.By) +
			" AS k, e.quad_class, " + n + " AS n, e.goldstein AS g" + from + "e.date <> '' AND " + cond +
			") t GROUP BY k, quad_class ORDER BY k, quad_class"
	case petrel.ByActor:
		query = "SELECT k, 0, CAST(SUM(n) AS BIGINT), SUM(g) FROM (SELECT e.src_code AS k, " + n + " AS n, e.goldstein AS g" + from + "e.src_code IS NOT NULL AND " + cond +
			" UNION ALL SELECT e.tgt_code, " + n + ", e.goldstein" + from + "e.tgt_code IS NOT NULL AND " + cond +
			") t GROUP BY k ORDER BY SUM(n) DESC, k LIMIT " + p.add(f.Limit)
	default:
		var key string
		switch q.By {
		case petrel.ByRoot:
			key = "e.root_code"
		case petrel.ByCode:
			key = "e.code"
		case petrel.ByQuad:
			key = "CAST(e.quad_class AS TEXT)"
		case petrel.ByPlover:
			key = "e.plover_type"
		case petrel.ByDyad:
			key = "e.src_code || '>' || e.tgt_code"
			cond += " AND e.src_code IS NOT NULL AND e.tgt_code IS NOT NULL"
		default:
			return nil, &petrel.Error{Code: petrel.EINVALID, Param: "by",
				Message: "by must be one of " + strings.Join(petrel.StatsGroupings, ", ")}
		}
		query = "SELECT k, 0, CAST(SUM(n) AS BIGINT), SUM(g) FROM (SELECT " + key + " AS k, " + n + " AS n, e.goldstein AS g" + from + cond +
			") t GROUP BY k ORDER BY SUM(n) DESC, k LIMIT " + p.add(f.Limit)
	}
	err = each(ctx, db, query, []any(p), func(rows *sql.Rows) error {
		var r petrel.StatsRow
		var sum sql.NullFloat64
		if err := rows.Scan(&r.Key, &r.QuadClass, &r.Count, &sum); err != nil {
			return err
		}
		if r.Count > 0 {
			r.Goldstein = RoundMean(sum.Float64 / float64(r.Count))
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Places implements petrel.Store.Places.
func Places(ctx context.Context, db Querier, d *Dialect, f petrel.EventFilter) ([]petrel.PlaceStats, error) {
	f.Cursor, f.Offset = "", 0
	f, err := f.Normalize()
	if err != nil {
		return nil, err
	}
	var p params
	cond, none, err := where(f, d, &p)
	if err != nil {
		return nil, err
	}
	out := []petrel.PlaceStats{}
	if none {
		return out, nil
	}
	// map_rollup holds the place and every column the filter reads but
	// text and article (see MapRollupAdd). Otherwise: loc_start is set
	// exactly when an event has a location.
	limit := p.add(f.Limit)
	query := "SELECT e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, SUM(e.n), SUM(e.goldstein) / SUM(e.n) FROM map_rollup e WHERE " +
		cond + " GROUP BY e.loc_name, e.loc_country, e.loc_lat, e.loc_lon ORDER BY SUM(e.n) DESC, e.loc_country, e.loc_name LIMIT " + limit
	if f.Text != "" || f.ArticleID != "" {
		query = "SELECT e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, COUNT(*), AVG(e.goldstein) FROM events e WHERE e.loc_start IS NOT NULL AND " +
			cond + " GROUP BY e.loc_name, e.loc_country, e.loc_lat, e.loc_lon ORDER BY COUNT(*) DESC, e.loc_country, e.loc_name LIMIT " + limit
	}
	err = each(ctx, db, query, []any(p), func(rows *sql.Rows) error {
		var r petrel.PlaceStats
		var name, country sql.NullString
		var lat, lon, avg sql.NullFloat64
		if err := rows.Scan(&name, &country, &lat, &lon, &r.Count, &avg); err != nil {
			return err
		}
		r.Name, r.Country, r.Lat, r.Lon, r.Goldstein = name.String, country.String, lat.Float64, lon.Float64, RoundMean(avg.Float64)
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Actors implements petrel.Store.Actors.
func Actors(ctx context.Context, db Querier, prefix string, limit int) ([]petrel.ActorCount, error) {
	prefix = strings.ToUpper(strings.TrimSpace(prefix))
	if limit <= 0 || limit > petrel.MaxLimit {
		limit = 20
	}
	out := []petrel.ActorCount{}
	var p params
	cond := "1=1"
	if prefix != "" {
		if len(prefix) > 64 || strings.IndexFunc(prefix, func(r rune) bool {
			return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) >= 0 {
			return out, nil
		}
		cond = "k >= " + p.add(prefix) + " AND k < " + p.add(prefixEnd(prefix))
	}
	query := `SELECT k, CAST(SUM(n) AS BIGINT) FROM (SELECT src_code AS k, n FROM event_rollup WHERE src_code IS NOT NULL
		UNION ALL SELECT tgt_code, n FROM event_rollup WHERE tgt_code IS NOT NULL) t WHERE ` + cond +
		" GROUP BY k ORDER BY SUM(n) DESC, k LIMIT " + p.add(limit)
	err := each(ctx, db, query, []any(p), func(rows *sql.Rows) error {
		var a petrel.ActorCount
		if err := rows.Scan(&a.Code, &a.Count); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// Counts implements petrel.Store.Counts.
func Counts(ctx context.Context, db Querier) (petrel.Counts, error) {
	var c petrel.Counts
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM events), (SELECT COUNT(DISTINCT story) FROM articles)`).
		Scan(&c.Articles, &c.Sentences, &c.Mentions, &c.Quotes, &c.Events, &c.Stories)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}
