package sqlstore

import (
	"fmt"
	"strings"
)

// The map_rollup table (migrations 0006–0008 of sqlite, 0005–0007 of
// postgres) counts located events per combination of MapDims: every
// column the event filters read but the text and the article, and the
// place's coordinates and name. The map's grid and the per-place counts
// read it instead of the events whenever the filter has no text or
// article, so they cost the number of combinations, not of events.
//
// Unlike event_rollup, which ingest computes in Go, map_rollup is kept by
// SQL in the ingest transaction: MapRollupAdd counts the stored events of
// the articles just written in, MapRollupSub counts out those of articles
// about to be recoded. Both compute the row key with MapKeySQL, as the
// migration that filled the table did, so one combination always has one
// key whatever the database's formatting of numbers.
const MapDims = "date, code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, " +
	"loc_country, loc_admin1_code, loc_admin1, loc_lon, loc_lat, loc_name"

// MapKeySQL is the key of a map_rollup row computed from the events e:
// each of MapDims as its length, ':' and its text, or '-' when NULL.
var MapKeySQL = mapKeySQL()

func mapKeySQL() string {
	var parts []string
	for _, d := range strings.Split(MapDims, ", ") {
		v := "CAST(e." + d + " AS TEXT)"
		parts = append(parts, "COALESCE(length("+v+") || ':' || "+v+", '-')")
	}
	return strings.Join(parts, " || ")
}

// mapSelect returns the rows of map_rollup for the located events e that
// match cond, each counted sign times.
func mapSelect(cond string, sign int) string {
	dims := "e." + strings.ReplaceAll(MapDims, ", ", ", e.")
	return "SELECT " + MapKeySQL + ", " + dims + fmt.Sprintf(", %d * COUNT(*), %d * SUM(e.goldstein)", sign, sign) +
		" FROM events e WHERE e.loc_start IS NOT NULL AND e.loc_lon IS NOT NULL AND e.loc_lat IS NOT NULL AND " + cond + " GROUP BY " + dims
}

// MapRollupAdd returns the statement that counts into map_rollup the
// events of the articles in, a condition on e.article with its arguments
// ("e.article IN (SELECT value FROM json_each($1))").
func MapRollupAdd(in string) string {
	return "INSERT INTO map_rollup (k, " + MapDims + ", n, goldstein) " + mapSelect(in, 1) +
		" ON CONFLICT (k) DO UPDATE SET n = map_rollup.n + excluded.n, goldstein = map_rollup.goldstein + excluded.goldstein"
}

// MapRollupSub returns the statements that count out of map_rollup the
// events of the articles in, and delete the rows left with no event. They
// run before those events are deleted.
func MapRollupSub(in string) []string {
	return []string{
		"INSERT INTO map_rollup (k, " + MapDims + ", n, goldstein) " + mapSelect(in, -1) +
			" ON CONFLICT (k) DO UPDATE SET n = map_rollup.n + excluded.n, goldstein = map_rollup.goldstein + excluded.goldstein",
		"DELETE FROM map_rollup WHERE n <= 0 AND k IN (SELECT " + MapKeySQL + " FROM events e WHERE e.loc_start IS NOT NULL AND " + in + ")",
	}
}
