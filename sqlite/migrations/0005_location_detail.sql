-- What the gazetteer tells about an event's place (petrel.Location):
-- how precise it is, its GeoNames id, its first-order division and how it
-- was chosen. Rows stored before this version keep NULL in all of them and
-- read as a location without these details.
ALTER TABLE events ADD COLUMN loc_precision TEXT;
ALTER TABLE events ADD COLUMN loc_geonameid INTEGER;
ALTER TABLE events ADD COLUMN loc_admin1 TEXT;
ALTER TABLE events ADD COLUMN loc_admin1_code TEXT;
ALTER TABLE events ADD COLUMN loc_source TEXT;
-- The admin1 filter (EventFilter.Admin1, ?admin1=), by code or by name, in
-- page order as the other filter indexes.
CREATE INDEX events_loc_admin1_code ON events (loc_admin1_code, date) WHERE loc_admin1_code IS NOT NULL;
CREATE INDEX events_loc_admin1 ON events (loc_admin1, date) WHERE loc_admin1 IS NOT NULL;
-- The map's grid (Store.Grid, /api/map) counts events per coordinates and
-- quad class: this index holds all three, in group order, so the count
-- reads the index alone, and a bounding box is a range of its longitudes.
CREATE INDEX events_map ON events (loc_lon, loc_lat, quad_class) WHERE loc_start IS NOT NULL;
