-- map_rollup gains the place's name, so that the per-place counts
-- (Store.Places, /api/stats/places) read it too. The key covers the new
-- column, so the table is built again from the events.
DROP TABLE map_rollup;
CREATE TABLE map_rollup (
	k                TEXT NOT NULL UNIQUE,
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
	loc_lon          REAL NOT NULL,
	loc_lat          REAL NOT NULL,
	loc_name         TEXT,
	n                INTEGER NOT NULL,
	goldstein        REAL NOT NULL,
	PRIMARY KEY (loc_lon, loc_lat, quad_class, k)
) WITHOUT ROWID;
INSERT INTO map_rollup (k, date, code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, loc_country, loc_admin1_code, loc_admin1, loc_lon, loc_lat, loc_name, n, goldstein)
SELECT COALESCE(length(CAST(e.date AS TEXT)) || ':' || CAST(e.date AS TEXT), '-') || COALESCE(length(CAST(e.code AS TEXT)) || ':' || CAST(e.code AS TEXT), '-') || COALESCE(length(CAST(e.quad_class AS TEXT)) || ':' || CAST(e.quad_class AS TEXT), '-') || COALESCE(length(CAST(e.plover_type AS TEXT)) || ':' || CAST(e.plover_type AS TEXT), '-') || COALESCE(length(CAST(e.src_code AS TEXT)) || ':' || CAST(e.src_code AS TEXT), '-') || COALESCE(length(CAST(e.src_country AS TEXT)) || ':' || CAST(e.src_country AS TEXT), '-') || COALESCE(length(CAST(e.tgt_code AS TEXT)) || ':' || CAST(e.tgt_code AS TEXT), '-') || COALESCE(length(CAST(e.tgt_country AS TEXT)) || ':' || CAST(e.tgt_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_country AS TEXT)) || ':' || CAST(e.loc_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1_code AS TEXT)) || ':' || CAST(e.loc_admin1_code AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1 AS TEXT)) || ':' || CAST(e.loc_admin1 AS TEXT), '-') || COALESCE(length(CAST(e.loc_lon AS TEXT)) || ':' || CAST(e.loc_lon AS TEXT), '-') || COALESCE(length(CAST(e.loc_lat AS TEXT)) || ':' || CAST(e.loc_lat AS TEXT), '-') || COALESCE(length(CAST(e.loc_name AS TEXT)) || ':' || CAST(e.loc_name AS TEXT), '-'),
	e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat, e.loc_name, COUNT(*), SUM(e.goldstein)
FROM events e WHERE e.loc_start IS NOT NULL AND e.loc_lon IS NOT NULL AND e.loc_lat IS NOT NULL GROUP BY e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat, e.loc_name;
