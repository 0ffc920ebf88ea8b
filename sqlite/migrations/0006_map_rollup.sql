-- map_rollup counts the located events per combination of the columns the
-- event filters read (but text and article) and the coordinates, with
-- their Goldstein sum: the map's grid (Store.Grid, /api/map) reads it
-- instead of the events, so that a grid costs the number of combinations,
-- not of events. Ingest keeps it in step in the same transaction, in SQL
-- (sqlstore.MapRollupAdd and MapRollupSub), with the key computed as here
-- (sqlstore.MapKeySQL): each column as its length, ':' and its text, or '-'
-- when NULL.
CREATE TABLE map_rollup (
	k                TEXT PRIMARY KEY,
	date             TEXT NOT NULL,
	code             TEXT NOT NULL,
	quad_class       INTEGER NOT NULL,
	plover_type      TEXT NOT NULL,
	src_code         TEXT,
	src_country      TEXT,
	tgt_code         TEXT,
	tgt_country      TEXT,
	loc_country      TEXT,
	loc_admin1_code  TEXT,
	loc_admin1       TEXT,
	loc_lon          REAL,
	loc_lat          REAL,
	n                INTEGER NOT NULL,
	goldstein        REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO map_rollup (k, date, code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, loc_country, loc_admin1_code, loc_admin1, loc_lon, loc_lat, n, goldstein)
SELECT COALESCE(length(CAST(e.date AS TEXT)) || ':' || CAST(e.date AS TEXT), '-') || COALESCE(length(CAST(e.code AS TEXT)) || ':' || CAST(e.code AS TEXT), '-') || COALESCE(length(CAST(e.quad_class AS TEXT)) || ':' || CAST(e.quad_class AS TEXT), '-') || COALESCE(length(CAST(e.plover_type AS TEXT)) || ':' || CAST(e.plover_type AS TEXT), '-') || COALESCE(length(CAST(e.src_code AS TEXT)) || ':' || CAST(e.src_code AS TEXT), '-') || COALESCE(length(CAST(e.src_country AS TEXT)) || ':' || CAST(e.src_country AS TEXT), '-') || COALESCE(length(CAST(e.tgt_code AS TEXT)) || ':' || CAST(e.tgt_code AS TEXT), '-') || COALESCE(length(CAST(e.tgt_country AS TEXT)) || ':' || CAST(e.tgt_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_country AS TEXT)) || ':' || CAST(e.loc_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1_code AS TEXT)) || ':' || CAST(e.loc_admin1_code AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1 AS TEXT)) || ':' || CAST(e.loc_admin1 AS TEXT), '-') || COALESCE(length(CAST(e.loc_lon AS TEXT)) || ':' || CAST(e.loc_lon AS TEXT), '-') || COALESCE(length(CAST(e.loc_lat AS TEXT)) || ':' || CAST(e.loc_lat AS TEXT), '-'),
	e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat, COUNT(*), SUM(e.goldstein)
FROM events e WHERE e.loc_start IS NOT NULL GROUP BY e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat;
