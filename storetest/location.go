package storetest

import (
	"context"
	"reflect"
	"testing"

	"petrel"
)

// testLocation checks the location filters (admin1 by code and by name,
// bounding boxes, the antimeridian) against the fixtures, that the
// location's details are stored, and the map grid.
func testLocation(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Docs(0, 200)
	MustIngest(t, s, docs, "v1")
	located := func(keep func(l *petrel.Location) bool) func(e *petrel.Event) bool {
		return func(e *petrel.Event) bool { return e.Location != nil && keep(e.Location) }
	}
	box := func(minLon, minLat, maxLon, maxLat float64) *petrel.BBox {
		return &petrel.BBox{MinLon: minLon, MinLat: minLat, MaxLon: maxLon, MaxLat: maxLat}
	}
	europe := box(-10, 35, 40, 60)
	pacific := box(100, -60, -60, 70) // crosses the antimeridian
	for _, tt := range []struct {
		name string
		f    petrel.EventFilter
		keep func(e *petrel.Event) bool
	}{
		{"Admin1Code", petrel.EventFilter{Admin1: "UA.07"}, located(func(l *petrel.Location) bool { return l.Admin1Code == "UA.07" })},
		{"Admin1Name", petrel.EventFilter{Admin1: " Île-de-France "}, located(func(l *petrel.Location) bool { return l.Admin1 == "Île-de-France" })},
		{"Admin1None", petrel.EventFilter{Admin1: "XX.99"}, func(*petrel.Event) bool { return false }},
		{"Admin1AndQuad", petrel.EventFilter{Admin1: "Moscow", QuadClass: 1}, func(e *petrel.Event) bool {
			return e.Location != nil && e.Location.Admin1 == "Moscow" && e.QuadClass == 1
		}},
		{"BBox", petrel.EventFilter{BBox: europe}, located(func(l *petrel.Location) bool { return europe.Contains(l.Lon, l.Lat) })},
		{"BBoxAntimeridian", petrel.EventFilter{BBox: pacific}, located(func(l *petrel.Location) bool { return pacific.Contains(l.Lon, l.Lat) })},
		{"BBoxAndCountry", petrel.EventFilter{BBox: europe, Country: "DEU"}, located(func(l *petrel.Location) bool {
			return l.Country == "DEU" && europe.Contains(l.Lon, l.Lat)
		})},
		{"BBoxPoint", petrel.EventFilter{BBox: box(30.5238, 50.45466, 30.5238, 50.45466)}, located(func(l *petrel.Location) bool { return l.Name == "Kyiv" })},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Limit = petrel.MaxLimit
			evs, _, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			want := eventsOf(docs, tt.keep)
			if got := ids(evs); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Fatalf("Events = %d events %v, want %d %v", len(got), got, len(want), want)
			}
			if len(want) == 0 && tt.name != "Admin1None" {
				t.Fatal("the fixtures have no such event")
			}
			// Stats and places read the events under the same filter.
			rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByQuad, Filter: tt.f})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, r := range rows {
				n += r.Count
			}
			if n != len(want) {
				t.Errorf("Stats by quad count %d events, want %d", n, len(want))
			}
			places, err := s.Places(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			n = 0
			for _, p := range places {
				n += p.Count
			}
			if n != len(want) {
				t.Errorf("Places count %d events, want %d", n, len(want))
			}
		})
	}
	t.Run("Details", func(t *testing.T) {
		evs, _, err := s.Events(ctx, petrel.EventFilter{Admin1: "GB.SCT", Limit: 1})
		if err != nil || len(evs) != 1 {
			t.Fatalf("Events(admin1 GB.SCT) = %d, %v", len(evs), err)
		}
		want := petrel.Location{Name: "Edinburgh", Country: "GBR", Lat: 55.95206, Lon: -3.19648, Precision: "city",
			GeoNameID: 2650225, Admin1: "Scotland", Admin1Code: "GB.SCT", Source: "clause"}
		got := *evs[0].Location
		got.Start, got.End = 0, 0
		if got != want {
			t.Errorf("Location = %+v, want %+v", got, want)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		for _, f := range []petrel.EventFilter{
			{BBox: box(0, 10, 5, 5)}, {BBox: box(-181, 0, 0, 1)}, {BBox: box(0, -91, 1, 0)},
			{Admin1: "a\x00b"}, {Admin1: string(make([]byte, 300))},
		} {
			if _, _, err := s.Events(ctx, f); petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("Events(%+v): %v, want EINVALID", f, err)
			}
			if _, err := s.Grid(ctx, petrel.GridQuery{Filter: f}); petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("Grid(%+v): %v, want EINVALID", f, err)
			}
		}
		for _, z := range []int{-1, petrel.MaxZoom + 1} {
			if _, err := s.Grid(ctx, petrel.GridQuery{Zoom: z}); petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("Grid(zoom %d): %v, want EINVALID", z, err)
			}
		}
	})
	t.Run("Grid", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			q    petrel.GridQuery
			keep func(e *petrel.Event) bool
		}{
			{"World", petrel.GridQuery{Zoom: 0}, func(e *petrel.Event) bool { return true }},
			{"Fine", petrel.GridQuery{Zoom: 12}, func(e *petrel.Event) bool { return true }},
			{"Quad", petrel.GridQuery{Zoom: 2, Filter: petrel.EventFilter{QuadClass: 4}}, func(e *petrel.Event) bool { return e.QuadClass == 4 }},
			{"Actor", petrel.GridQuery{Zoom: 3, Filter: petrel.EventFilter{Actor: "RUS"}}, func(e *petrel.Event) bool {
				return party(e.Source, "RUS") || party(e.Target, "RUS")
			}},
			{"Text", petrel.GridQuery{Zoom: 1, Filter: petrel.EventFilter{Text: "number 17"}}, func(e *petrel.Event) bool {
				return e.ArticleID == "a000017"
			}},
			{"BBox", petrel.GridQuery{Zoom: 4, Filter: petrel.EventFilter{BBox: europe}}, located(func(l *petrel.Location) bool {
				return europe.Contains(l.Lon, l.Lat)
			})},
		} {
			t.Run(tt.name, func(t *testing.T) {
				cells, err := s.Grid(ctx, tt.q)
				if err != nil {
					t.Fatal(err)
				}
				want := len(eventsOf(docs, func(e *petrel.Event) bool { return e.Location != nil && tt.keep(e) }))
				size := petrel.GridCellSize(tt.q.Zoom)
				total := 0
				for i, c := range cells {
					total += c.Count
					if c.Quads[0]+c.Quads[1]+c.Quads[2]+c.Quads[3] != c.Count {
						t.Errorf("cell %+v: quads do not add up to its count", c)
					}
					if i > 0 && cells[i-1].Count < c.Count {
						t.Errorf("cells not ordered by count")
					}
					if !c.BBox.Contains(c.Lon, c.Lat) || c.Places < 1 {
						t.Errorf("cell %+v: centroid outside its events' box", c)
					}
					west, south := -180+float64(c.Col)*size, -90+float64(c.Row)*size
					if c.BBox.MinLon < west || c.BBox.MaxLon >= west+size || c.BBox.MinLat < south || c.BBox.MaxLat >= south+size {
						t.Errorf("cell %+v: box outside cell %v,%v + %v", c, west, south, size)
					}
					// A filter by the cell's box gives the cell's events.
					f := tt.q.Filter
					f.BBox, f.Limit = &c.BBox, petrel.MaxLimit
					evs, _, err := s.Events(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					if len(evs) != c.Count {
						t.Errorf("cell %+v: %d events in its box", c, len(evs))
					}
				}
				if total != want || want == 0 {
					t.Errorf("cells count %d events, want %d (%d cells)", total, want, len(cells))
				}
			})
		}
		// The rollup (no text filter) and the events (every fixture's
		// event sentence holds "dispute") give the same grids.
		for _, f := range []petrel.EventFilter{{}, {Actor: "RUS"}, {QuadClass: 1, Since: "2024-01-20"}, {Admin1: "Bavaria"}, {BBox: pacific, Code: "19"}} {
			assertSameGrid(t, s, f)
		}
		// At zoom 0 Moscow and Saint Petersburg share a cell; at zoom 4
		// they do not.
		for z, want := range map[int]int{0: 2, 4: 1} {
			cells, err := s.Grid(ctx, petrel.GridQuery{Zoom: z, Filter: petrel.EventFilter{Country: "RUS"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(cells) == 0 || cells[0].Places != want {
				t.Errorf("zoom %d: RUS cells %+v, want %d places in the first", z, cells, want)
			}
		}
	})
}

// assertSameGrid checks that the grid and the places of f, read from
// map_rollup, are those read from the events (with a text filter every
// fixture matches).
func assertSameGrid(t *testing.T, s petrel.Store, f petrel.EventFilter) {
	t.Helper()
	ctx := context.Background()
	for _, z := range []int{0, 6} {
		got, err := s.Grid(ctx, petrel.GridQuery{Zoom: z, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		f.Text = "dispute"
		want, err := s.Grid(ctx, petrel.GridQuery{Zoom: z, Filter: f})
		f.Text = ""
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Grid(%+v, zoom %d) from the rollup =\n%+v\nfrom the events\n%+v", f, z, got, want)
		}
	}
	f.Limit = petrel.MaxLimit
	got, err := s.Places(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	f.Text = "dispute"
	want, err := s.Places(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Places(%+v) from the rollup =\n%+v\nfrom the events\n%+v", f, got, want)
	}
}

// testRecodeGrid checks that recoding articles moves their events on the
// map: the rollup counts the old events out and the new ones in.
func testRecodeGrid(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustIngest(t, s, Docs(0, 100), "v1")
	docs := Docs(0, 60)
	for i, d := range docs {
		for j := range d.Events {
			switch l := d.Events[j].Location; {
			case l == nil:
			case i%3 == 0:
				d.Events[j].Location = nil
			case i%3 == 1:
				l.Lat, l.Lon, l.Name, l.Admin1, l.Admin1Code = -33.92584, 18.42322, "Cape Town", "Western Cape", "ZA.11"
			}
		}
	}
	st := MustIngest(t, s, docs, "v2")
	if st.Replaced != 60 {
		t.Fatalf("recode: %+v", st)
	}
	all := append(docs, Docs(60, 40)...)
	want := 0
	for _, d := range all {
		for _, e := range d.Events {
			if e.Location != nil {
				want++
			}
		}
	}
	cells, err := s.Grid(ctx, petrel.GridQuery{Zoom: 3})
	if err != nil {
		t.Fatal(err)
	}
	got, cape := 0, 0
	for _, c := range cells {
		got += c.Count
		if c.BBox.Contains(18.42322, -33.92584) {
			cape = c.Count
		}
	}
	if got != want || cape == 0 {
		t.Errorf("after recoding: %d located events on the map (%d at Cape Town), want %d", got, cape, want)
	}
	assertSameGrid(t, s, petrel.EventFilter{})
	assertSameGrid(t, s, petrel.EventFilter{Admin1: "ZA.11"})
	// Recoding them back as they were restores the first map.
	MustIngest(t, s, Docs(0, 60), "v3")
	assertSameGrid(t, s, petrel.EventFilter{})
	cells, err = s.Grid(ctx, petrel.GridQuery{Zoom: 3, Filter: petrel.EventFilter{Admin1: "ZA.11"}})
	if err != nil || len(cells) != 0 {
		t.Errorf("Cape Town after recoding back: %+v, %v", cells, err)
	}
}
