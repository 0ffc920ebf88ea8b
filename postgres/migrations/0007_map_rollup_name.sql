-- map_rollup gains the place's name: see
-- sqlite/migrations/0008_map_rollup_name.sql.
DROP TABLE map_rollup;
CREATE TABLE map_rollup (
	k                text COLLATE "C" PRIMARY KEY,
	date             text COLLATE "C" NOT NULL,
	code             text COLLATE "C" NOT NULL,
	quad_class       integer NOT NULL,
	plover_type      text NOT NULL,
	src_code         text COLLATE "C",
	src_country      text,
	tgt_code         text COLLATE "C",
	tgt_country      text,
	loc_country      text,
	loc_admin1_code  text,
	loc_admin1       text,
	loc_lon          double precision,
	loc_lat          double precision,
	loc_name         text,
	n                bigint NOT NULL,
	goldstein        double precision NOT NULL
);
INSERT INTO map_rollup (k, date, code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, loc_country, loc_admin1_code, loc_admin1, loc_lon, loc_lat, loc_name, n, goldstein)
SELECT COALESCE(length(CAST(e.date AS TEXT)) || ':' || CAST(e.date AS TEXT), '-') || COALESCE(length(CAST(e.code AS TEXT)) || ':' || CAST(e.code AS TEXT), '-') || COALESCE(length(CAST(e.quad_class AS TEXT)) || ':' || CAST(e.quad_class AS TEXT), '-') || COALESCE(length(CAST(e.plover_type AS TEXT)) || ':' || CAST(e.plover_type AS TEXT), '-') || COALESCE(length(CAST(e.src_code AS TEXT)) || ':' || CAST(e.src_code AS TEXT), '-') || COALESCE(length(CAST(e.src_country AS TEXT)) || ':' || CAST(e.src_country AS TEXT), '-') || COALESCE(length(CAST(e.tgt_code AS TEXT)) || ':' || CAST(e.tgt_code AS TEXT), '-') || COALESCE(length(CAST(e.tgt_country AS TEXT)) || ':' || CAST(e.tgt_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_country AS TEXT)) || ':' || CAST(e.loc_country AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1_code AS TEXT)) || ':' || CAST(e.loc_admin1_code AS TEXT), '-') || COALESCE(length(CAST(e.loc_admin1 AS TEXT)) || ':' || CAST(e.loc_admin1 AS TEXT), '-') || COALESCE(length(CAST(e.loc_lon AS TEXT)) || ':' || CAST(e.loc_lon AS TEXT), '-') || COALESCE(length(CAST(e.loc_lat AS TEXT)) || ':' || CAST(e.loc_lat AS TEXT), '-') || COALESCE(length(CAST(e.loc_name AS TEXT)) || ':' || CAST(e.loc_name AS TEXT), '-'),
	e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat, e.loc_name, COUNT(*), SUM(e.goldstein)
FROM events e WHERE e.loc_start IS NOT NULL GROUP BY e.date, e.code, e.quad_class, e.plover_type, e.src_code, e.src_country, e.tgt_code, e.tgt_country, e.loc_country, e.loc_admin1_code, e.loc_admin1, e.loc_lon, e.loc_lat, e.loc_name;
CREATE INDEX map_rollup_place ON map_rollup (loc_lon, loc_lat, quad_class, n);
