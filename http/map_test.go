package http_test

import (
	"net/http"
	"net/url"
	"testing"

	"petrel"
	phttp "petrel/http"
	"petrel/storetest"
)

// TestMap checks GET /api/map: the cells count the located events that
// match the filter, a cell's bbox lists exactly its events through
// /api/events, and bad zooms and boxes are answered 400 naming them.
func TestMap(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 200)})
	located := func(filter url.Values) int {
		n := 0
		for cursor := ""; ; {
			var r phttp.EventsResponse
			get(t, s.URL()+"/api/events?limit=10000&cursor="+url.QueryEscape(cursor)+"&"+filter.Encode(), &r)
			for _, e := range r.Events {
				if e.Location != nil {
					n++
				}
			}
			if cursor = r.NextCursor; cursor == "" {
				return n
			}
		}
	}
	for _, tt := range []struct {
		name   string
		filter url.Values
	}{
		{"All", url.Values{"zoom": {"0"}}},
		{"Zoom5", url.Values{"zoom": {"5"}}},
		{"Quad", url.Values{"zoom": {"2"}, "quad": {"4"}}},
		{"Actor", url.Values{"zoom": {"3"}, "actor": {"RUS"}}},
		{"BBox", url.Values{"zoom": {"4"}, "bbox": {"-10,35,40,60"}}},
		{"Admin1", url.Values{"zoom": {"4"}, "admin1": {"UA.07"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m phttp.MapResponse
			get(t, s.URL()+"/api/map?"+tt.filter.Encode(), &m)
			if m.Cell != petrel.GridCellSize(m.Zoom) || m.Zoom != atoi(tt.filter.Get("zoom")) {
				t.Errorf("zoom %d, cell %v", m.Zoom, m.Cell)
			}
			want := located(tt.filter)
			if m.Located != want || want == 0 {
				t.Errorf("located = %d, /api/events has %d", m.Located, want)
			}
			sum := 0
			for _, c := range m.Cells {
				sum += c.Count
				f := url.Values{}
				for k, v := range tt.filter {
					f[k] = v
				}
				f.Set("bbox", c.BBox)
				if n := located(f); n != c.Count {
					t.Errorf("cell %+v: %d events in its bbox", c, n)
				}
			}
			if sum != m.Located {
				t.Errorf("cells add up to %d, located %d", sum, m.Located)
			}
		})
	}
	for _, tt := range []struct{ query, param string }{
		{"zoom=x", "zoom"}, {"zoom=17", "zoom"}, {"zoom=-1", "zoom"},
		{"bbox=1,2,3", "bbox"}, {"bbox=a,b,c,d", "bbox"}, {"bbox=0,10,1,5", "bbox"}, {"bbox=0,0,200,1", "bbox"},
		{"bbox=NaN,0,1,1", "bbox"}, {"admin1=%00", "admin1"}, {"country=R%27S", "country"},
	} {
		status, body := do(t, "GET", s.URL()+"/api/map?"+tt.query, "", nil)
		expectError(t, status, body, http.StatusBadRequest, petrel.EINVALID, tt.param)
	}
	// The events list takes the same location filters.
	status, body := do(t, "GET", s.URL()+"/api/events?bbox=1,2", "", nil)
	expectError(t, status, body, http.StatusBadRequest, petrel.EINVALID, "bbox")
	for i, v := range storetest.Hostile {
		for _, p := range []string{"zoom", "bbox", "admin1"} {
			u := s.URL() + "/api/map?" + p + "=" + url.QueryEscape(v)
			if status, b := do(t, "GET", u, "", nil); status != 200 && status != 400 {
				t.Errorf("value %d in %s: %d %.200s", i, p, status, b)
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
