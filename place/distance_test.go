package place

import "testing"

func TestDistanceKm(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		min, max               float64
	}{
		{"MoscowStPetersburg", 55.7558, 37.6173, 59.9343, 30.3351, 620, 640},
		{"SamePoint", 50.45, 30.52, 50.45, 30.52, 0, 0},
		{"Antipodes", 0, 0, 0, 180, 20010, 20020},
		{"AcrossTheDateLine", 0, 179.5, 0, -179.5, 110, 112},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if d := DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2); d < tt.min || d > tt.max {
				t.Errorf("DistanceKm = %.1f km, want %.0f to %.0f", d, tt.min, tt.max)
			}
		})
	}
}
