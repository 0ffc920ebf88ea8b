-- The location-country filter (EventFilter.Country, ?country=) and the
-- per-place counts of /api/stats/places. Partial: most events have no
-- location, and an index only of those that do costs ingest little.
CREATE INDEX events_loc_country ON events (loc_country) WHERE loc_country IS NOT NULL;
