package petrel_test

import (
	"math"
	"strings"
	"testing"

	"petrel"
)

func TestParseBBox(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want *petrel.BBox
	}{
		{"22,44,41,53", &petrel.BBox{MinLon: 22, MinLat: 44, MaxLon: 41, MaxLat: 53}},
		{" -10.5 , 35,40.25,60 ", &petrel.BBox{MinLon: -10.5, MinLat: 35, MaxLon: 40.25, MaxLat: 60}},
		{"170,-50,-170,-10", &petrel.BBox{MinLon: 170, MinLat: -50, MaxLon: -170, MaxLat: -10}}, // across the antimeridian
		{"-180,-90,180,90", &petrel.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}},
		{"1,2,1,2", &petrel.BBox{MinLon: 1, MinLat: 2, MaxLon: 1, MaxLat: 2}},
		{"", nil}, {"1,2,3", nil}, {"1,2,3,4,5", nil}, {"a,b,c,d", nil}, {"0,10,1,5", nil},
		{"-181,0,0,1", nil}, {"0,0,181,1", nil}, {"0,-91,1,0", nil}, {"0,0,1,91", nil},
		{"NaN,0,1,1", nil}, {"0,0,Inf,1", nil}, {"1e400,0,1,1", nil},
	} {
		got, err := petrel.ParseBBox(tt.in, "bbox")
		if tt.want == nil {
			if err == nil || petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("ParseBBox(%q) = %+v, %v; want EINVALID", tt.in, got, err)
			} else if e := err.(*petrel.Error); e.Param != "bbox" {
				t.Errorf("ParseBBox(%q): param %q, want bbox", tt.in, e.Param)
			}
			continue
		}
		if err != nil || *got != *tt.want {
			t.Errorf("ParseBBox(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			continue
		}
		// String writes what ParseBBox reads back.
		if again, err := petrel.ParseBBox(got.String(), "bbox"); err != nil || *again != *got {
			t.Errorf("ParseBBox(%q).String() = %q reads back as %+v, %v", tt.in, got.String(), again, err)
		}
	}
}

func TestBBoxContains(t *testing.T) {
	plain := petrel.BBox{MinLon: 22, MinLat: 44, MaxLon: 41, MaxLat: 53}
	wrap := petrel.BBox{MinLon: 170, MinLat: -50, MaxLon: -170, MaxLat: -10}
	for _, tt := range []struct {
		b        petrel.BBox
		lon, lat float64
		want     bool
	}{
		{plain, 30.5, 50.45, true}, {plain, 22, 44, true}, {plain, 41, 53, true},
		{plain, 21.99, 50, false}, {plain, 30, 53.01, false},
		{wrap, 178.4, -18.1, true}, {wrap, -175, -20, true}, {wrap, 180, -10, true},
		{wrap, 0, -20, false}, {wrap, -160, -20, false}, {wrap, 175, -9, false},
	} {
		if got := tt.b.Contains(tt.lon, tt.lat); got != tt.want {
			t.Errorf("%v.Contains(%v, %v) = %v, want %v", tt.b, tt.lon, tt.lat, got, tt.want)
		}
	}
}

func TestGridCellSize(t *testing.T) {
	for z, want := range map[int]float64{0: 15, 1: 7.5, 4: 0.9375, petrel.MaxZoom: 15.0 / 65536} {
		if got := petrel.GridCellSize(z); got != want {
			t.Errorf("GridCellSize(%d) = %v, want %v", z, got, want)
		}
	}
	// Whole cells tile the world at every zoom.
	for z := 0; z <= petrel.MaxZoom; z++ {
		size := petrel.GridCellSize(z)
		if c := 360 / size; c != math.Trunc(c) {
			t.Errorf("zoom %d: %v cells across", z, c)
		}
	}
}

// FuzzParseBBox checks that a box ParseBBox accepts is valid, contains its
// own corners and reads back from its String.
func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"22,44,41,53", "170,-50,-170,-10", "-180,-90,180,90", "1,2,3", "a,b,c,d", "0x10,0,1,1", "1e2,0,1,1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := petrel.ParseBBox(s, "bbox")
		if err != nil {
			if petrel.ErrorCode(err) != petrel.EINVALID {
				t.Fatalf("ParseBBox(%q): %v", s, err)
			}
			return
		}
		if b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || math.Abs(b.MinLon) > 180 || math.Abs(b.MaxLon) > 180 {
			t.Fatalf("ParseBBox(%q) = %+v: out of range", s, b)
		}
		if !b.Contains(b.MinLon, b.MinLat) || !b.Contains(b.MaxLon, b.MaxLat) {
			t.Fatalf("ParseBBox(%q) = %+v does not contain its corners", s, b)
		}
		again, err := petrel.ParseBBox(b.String(), "bbox")
		if err != nil || *again != *b {
			t.Fatalf("ParseBBox(%q).String() = %q reads back as %+v, %v", s, b.String(), again, err)
		}
		if strings.Contains(b.String(), "e") {
			t.Fatalf("String() = %q: exponent", b.String())
		}
	})
}
