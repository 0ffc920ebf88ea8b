-- map_rollup stored in the order the map's grid groups it: by coordinates
-- and quad class. A WITHOUT ROWID table is kept in its primary key's order,
-- so a grid, filtered or not, reads the table once in group order and
-- never sorts it, and a bounding box is a range of its first column. The
-- key k stays unique for ingest's upserts. Located events always have
-- coordinates, so they can be part of the primary key.
CREATE TABLE map_rollup_new (
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
	n                INTEGER NOT NULL,
	goldstein        REAL NOT NULL,
	PRIMARY KEY (loc_lon, loc_lat, quad_class, k)
) WITHOUT ROWID;
INSERT INTO map_rollup_new SELECT * FROM map_rollup WHERE loc_lon IS NOT NULL AND loc_lat IS NOT NULL;
DROP TABLE map_rollup;
ALTER TABLE map_rollup_new RENAME TO map_rollup;
