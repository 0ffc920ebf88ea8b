-- Indexes and a rollup for queries over millions of events (see
-- docs/PERFORMANCE.md, "Store ingest and queries").
--
-- Filter columns are indexed with the event date (and, implicitly, seq):
-- an equality on one of them reads its events already in page order, so a
-- page of a filtered list is a merge of a few index ranges that stops after
-- limit rows, rather than a sort of every match.
-- Source and target countries, and PLOVER types, need no index of their
-- own: the rollup below lists the actor codes of a country and the event
-- codes of a PLOVER type, whose ranges the code indexes hold.
DROP INDEX events_src_country;
DROP INDEX events_tgt_country;
DROP INDEX events_plover;
DROP INDEX events_src;
CREATE INDEX events_src ON events (src_code, date);
DROP INDEX events_tgt;
CREATE INDEX events_tgt ON events (tgt_code, date);
DROP INDEX events_code;
CREATE INDEX events_code ON events (code, date);
DROP INDEX events_loc_country;
CREATE INDEX events_loc_country ON events (loc_country, date) WHERE loc_country IS NOT NULL;
-- Per-place counts (/api/stats/places) read this index alone, in group order.
CREATE INDEX events_places ON events (loc_name, loc_country, loc_lat, loc_lon, goldstein) WHERE loc_start IS NOT NULL;

-- event_rollup counts the events of each combination of the columns the
-- statistics group and filter by, other than location and text: stats
-- without a text, article or location filter read it instead of events.
-- Ingest keeps it in step in the same transaction. k encodes the other
-- columns (sqlstore.RollupKey): each as its length, ':' and its value, or
-- '-' when NULL. goldstein is the sum of the events' scores.
CREATE TABLE event_rollup (
	k            TEXT PRIMARY KEY,
	date         TEXT NOT NULL,
	code         TEXT NOT NULL,
	root_code    TEXT NOT NULL,
	quad_class   INTEGER NOT NULL,
	plover_type  TEXT NOT NULL,
	src_code     TEXT,
	src_country  TEXT,
	tgt_code     TEXT,
	tgt_country  TEXT,
	n            INTEGER NOT NULL,
	goldstein    REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO event_rollup (k, date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, n, goldstein)
SELECT COALESCE(length(date) || ':' || date, '-') || COALESCE(length(code) || ':' || code, '-') || COALESCE(length(root_code) || ':' || root_code, '-') || COALESCE(length(CAST(quad_class AS TEXT)) || ':' || CAST(quad_class AS TEXT), '-') || COALESCE(length(plover_type) || ':' || plover_type, '-') || COALESCE(length(src_code) || ':' || src_code, '-') || COALESCE(length(src_country) || ':' || src_country, '-') || COALESCE(length(tgt_code) || ':' || tgt_code, '-') || COALESCE(length(tgt_country) || ':' || tgt_country, '-'),
	date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country, COUNT(*), SUM(goldstein)
FROM events GROUP BY date, code, root_code, quad_class, plover_type, src_code, src_country, tgt_code, tgt_country;
-- The actor codes of a country, and the event codes of a PLOVER type.
CREATE INDEX event_rollup_src ON event_rollup (src_country, src_code);
CREATE INDEX event_rollup_tgt ON event_rollup (tgt_country, tgt_code);
CREATE INDEX event_rollup_plover ON event_rollup (plover_type, code);
