package eval

import (
	"strings"
	"testing"
	"time"
)

// placeDate dates the place sets' sentences ("on Thursday" resolves
// against it).
var placeDate = time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)

// Floors on the held-out place set (testdata/eval/places/heldout.txt),
// a little under the figures in docs/VALIDATION.md so that a regression
// fails and noise does not.
const (
	placeRecallFloor    = 0.82
	placePrecisionFloor = 0.88
	ucdpWithinFloor     = 0.28
)

func scorePlaceSet(t *testing.T, path string, misses bool) PlaceResult {
	t.Helper()
	items, err := LoadPlaces(path)
	if err != nil {
		t.Fatal(err)
	}
	r := ScorePlaces(builtinCoder(t), items, placeDate)
	t.Logf("%s: %s", path, r)
	if misses && testing.Verbose() {
		t.Logf("misses:\n%s", strings.Join(r.Misses, "\n"))
	}
	return r
}

func TestPlacesTuning(t *testing.T) {
	scorePlaceSet(t, "../testdata/eval/places/tuning.txt", true)
}

func TestPlacesHeldout(t *testing.T) {
	// The held-out set's misses are not printed: it is not for tuning.
	r := scorePlaceSet(t, "../testdata/eval/places/heldout.txt", false)
	if r.Gold < 150 || r.Items < 150 {
		t.Errorf("held-out set has %d sentences, %d with places; want at least 150", r.Items, r.Gold)
	}
	if got := r.RecallDist(); got < placeRecallFloor {
		t.Errorf("held-out place recall (50 km) %.3f is below the floor %.3f", got, placeRecallFloor)
	}
	if got := r.PrecisionDist(); got < placePrecisionFloor {
		t.Errorf("held-out place precision (50 km) %.3f is below the floor %.3f", got, placePrecisionFloor)
	}
}

func TestUCDPPlaces(t *testing.T) {
	r, err := ScoreUCDPPlaces(builtinCoder(t), "../../shared/tuning/ucdp_ged/headlines.jsonl")
	if err != nil {
		t.Skipf("UCDP headlines not available: %v", err)
	}
	t.Logf("UCDP places: %s", r)
	if got := ratio(r.Within, r.Events); got < ucdpWithinFloor {
		t.Errorf("share of UCDP events within 50 km %.3f is below the floor %.3f", got, ucdpWithinFloor)
	}
}

func TestLoadPlaces(t *testing.T) {
	for _, path := range []string{"../testdata/eval/places/tuning.txt", "../testdata/eval/places/heldout.txt"} {
		items, err := LoadPlaces(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Name != "" && (it.Lat < -90 || it.Lat > 90 || it.Lon < -180 || it.Lon > 180 || len(it.Country) != 3) {
				t.Errorf("%s:%d: bad gold %+v", path, it.Line, it)
			}
		}
	}
}
