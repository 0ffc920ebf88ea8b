-- Indexes and a rollup for queries over millions of events (see
-- docs/PERFORMANCE.md, "Store ingest and queries"), as in the SQLite store.
--
-- Filter columns are indexed with the event date and seq: an equality on
-- one of them reads its events already in page order.
-- Source and target countries, and PLOVER types, need no index of their
-- own: the rollup below lists the actor codes of a country and the event
-- codes of a PLOVER type, whose ranges the code indexes hold.
DROP INDEX events_src_country;
DROP INDEX events_tgt_country;
DROP INDEX events_plover;
DROP INDEX events_src;
CREATE INDEX events_src ON events (src_code, date, seq);
DROP INDEX events_tgt;
CREATE INDEX events_tgt ON events (tgt_code, date, seq);
DROP INDEX events_code;
CREATE INDEX events_code ON events (code, date, seq);
DROP INDEX events_loc_country;
CREATE INDEX events_loc_country ON events (loc_country, date, seq) WHERE loc_country IS NOT NULL;
CREATE INDEX events_places ON events (loc_name, loc_country, loc_lat, loc_lon, goldstein) WHERE loc_start IS NOT NULL;

-- event_rollup: see sqlite/migrations/0004_query_indexes.sql.
CREATE TABLE event_rollup (
	k            text COLLATE "C" PRIMARY KEY,
	date         text COLLATE "C" NOT NULL,
	code         text COLLATE "C" NOT NULL,
	root_code    text COLLATE "C" NOT NULL,
	quad_class   integer NOT NULL,
	plover_type  text NOT NULL,
	src_code     text COLLATE "C",
	src_country  text,
	tgt_code     text COLLATE "C",
	tgt_country  text,
	n            bigint NOT NULL,
	goldstein    double precision NOT NULL
);
INSERT INTO event_rollup (k, date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, n, goldstein)
SELECT COALESCE(length(date) || ':' || date, '-') || COALESCE(length(code) || ':' || code, '-') || COALESCE(length(root_code) || ':' || root_code, '-') || COALESCE(length(CAST(quad_class AS TEXT)) || ':' || CAST(quad_class AS TEXT), '-') || COALESCE(length(plover_type) || ':' || plover_type, '-') || COALESCE(length(src_code) || ':' || src_code, '-') || COALESCE(length(src_country) || ':' || src_country, '-') || COALESCE(length(tgt_code) || ':' || tgt_code, '-') || COALESCE(length(tgt_country) || ':' || tgt_country, '-'),
	date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, COUNT(*), SUM(goldstein)
FROM events GROUP BY date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country;
CREATE INDEX event_rollup_src ON event_rollup (src_country, src_code);
CREATE INDEX event_rollup_tgt ON event_rollup (tgt_country, tgt_code);
CREATE INDEX event_rollup_plover ON event_rollup (plover_type, code);
