-- What the gazetteer tells about an event's place: see
-- sqlite/migrations/0005_location_detail.sql.
ALTER TABLE events ADD COLUMN loc_precision text;
ALTER TABLE events ADD COLUMN loc_geonameid bigint;
ALTER TABLE events ADD COLUMN loc_admin1 text;
ALTER TABLE events ADD COLUMN loc_admin1_code text;
ALTER TABLE events ADD COLUMN loc_source text;
CREATE INDEX events_loc_admin1_code ON events (loc_admin1_code, date, seq) WHERE loc_admin1_code IS NOT NULL;
CREATE INDEX events_loc_admin1 ON events (loc_admin1, date, seq) WHERE loc_admin1 IS NOT NULL;
CREATE INDEX events_map ON events (loc_lon, loc_lat, quad_class) WHERE loc_start IS NOT NULL;
