package sqlstore

import (
	"database/sql"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The event_rollup table (migrations 0004 of sqlite, 0003 of postgres)
// counts events per combination of RollupDims, with their Goldstein sum.
// Stats without a text, article or location filter read it instead of the
// events; ingest keeps it in step with the events in the same transaction.
const (
	RollupDims = "date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country"
	RollupCols = "k, " + RollupDims + ", n, goldstein"
	// RollupSelect reads the rollup columns of stored events, with their
	// Goldstein score last, for Rollup.AddRows.
	RollupSelect = "SELECT " + RollupDims + ", goldstein FROM events"
)

// rollupDims is the number of RollupDims.
const rollupDims = 9

// RollupKey returns the key of a combination of RollupDims values (string,
// int or nil): each value as its length in characters, ':' and its text,
// or '-' for NULL, as the migrations compute it in SQL.
func RollupKey(dims []any) string {
	var b strings.Builder
	for _, v := range dims {
		var s string
		switch x := v.(type) {
		case nil:
			b.WriteByte('-')
			continue
		case string:
			s = x
		case int:
			s = strconv.Itoa(x)
		case int64:
			s = strconv.FormatInt(x, 10)
		}
		b.WriteString(strconv.Itoa(utf8.RuneCountInString(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	return b.String()
}

// Rollup collects the changes one ingest makes to event_rollup.
type Rollup struct {
	m map[string]*rollupRow
}

type rollupRow struct {
	dims []any
	n    int64
	g    float64
}

func (r *Rollup) add(dims []any, n int64, g float64) {
	if r.m == nil {
		r.m = make(map[string]*rollupRow)
	}
	k := RollupKey(dims)
	x := r.m[k]
	if x == nil {
		x = &rollupRow{dims: dims}
		r.m[k] = x
	}
	x.n += n
	x.g += g
}

// AddEvent counts in one event row made by AppendEventRow.
func (r *Rollup) AddEvent(e []any) {
	r.add([]any{e[3], e[6], e[7], e[8], e[10], e[13], e[14], e[18], e[19]}, 1, e[9].(float64))
}

// AddRows counts out the events of rows of RollupSelect: events about to
// be deleted.
func (r *Rollup) AddRows(rows *sql.Rows) error {
	for rows.Next() {
		var (
			date, code, root, plover string
			quad                     int
			sc, scy, tc, tcy         sql.NullString
			g                        float64
		)
		if err := rows.Scan(&date, &code, &root, &quad, &plover, &sc, &scy, &tc, &tcy, &g); err != nil {
			return err
		}
		r.add([]any{date, code, root, quad, plover, nullStr(sc), nullStr(scy), nullStr(tc), nullStr(tcy)}, -1, -g)
	}
	return rows.Err()
}

// AddDeleted counts out one event given its RollupSelect values.
func (r *Rollup) AddDeleted(dims []any, g float64) { r.add(dims, -1, -g) }

func nullStr(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// Rows returns the changes as rows of RollupCols, ordered by key (so that
// concurrent ingests lock rollup rows in one order), and the keys whose
// counts went down, which may have reached zero.
func (r *Rollup) Rows() (rows [][]any, down []string) {
	keys := make([]string, 0, len(r.m))
	for k, x := range r.m {
		if x.n != 0 || x.g != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		x := r.m[k]
		row := make([]any, 0, rollupDims+3)
		row = append(row, k)
		row = append(row, x.dims...)
		rows = append(rows, append(row, x.n, x.g))
		if x.n < 0 {
			down = append(down, k)
		}
	}
	return rows, down
}

// RollupUpsert is the conflict clause that adds a row of RollupCols to
// the stored one.
const RollupUpsert = " ON CONFLICT (k) DO UPDATE SET n = event_rollup.n + excluded.n, goldstein = event_rollup.goldstein + excluded.goldstein"

// RoundMean rounds a mean Goldstein score to 1e-9: means read from the
// rollup sum the scores in another order than means read from the events,
// and the rounding makes both the same.
func RoundMean(v float64) float64 {
	return math.Round(v*1e9) / 1e9
}
