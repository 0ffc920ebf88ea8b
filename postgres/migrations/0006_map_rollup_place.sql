-- See sqlite/migrations/0007_map_rollup_place.sql.
CREATE INDEX map_rollup_place ON map_rollup (loc_lon, loc_lat, quad_class, n);
