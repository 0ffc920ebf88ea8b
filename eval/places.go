package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/place"
)

// PlaceItem is one sentence of the place evaluation set
// (testdata/eval/places): the text and the place where its event
// happened, marked by hand, or none.
type PlaceItem struct {
	Line    int
	Text    string
	Name    string // "" when the sentence places no event
	Country string
	Lat     float64
	Lon     float64
}

// LoadPlaces reads a place set: "sentence | name | ISO3 | lat | lon" or
// "sentence | -" per line; "#" starts a comment line.
func LoadPlaces(path string) ([]PlaceItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []PlaceItem
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, " | ")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		it := PlaceItem{Line: n + 1, Text: f[0]}
		switch {
		case len(f) == 2 && f[1] == "-":
		case len(f) == 5:
			it.Name, it.Country = f[1], f[2]
			lat, err1 := strconv.ParseFloat(f[3], 64)
			lon, err2 := strconv.ParseFloat(f[4], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s:%d: bad coordinates", path, n+1)
			}
			it.Lat, it.Lon = lat, lon
		default:
			return nil, fmt.Errorf("%s:%d: want 'sentence | name | country | lat | lon' or 'sentence | -'", path, n+1)
		}
		out = append(out, it)
	}
	return out, nil
}

// PlaceResult scores the places of coded events against a place set.
// Recall counts the marked places some event of the sentence is placed at;
// precision counts the distinct places given to events that are the
// marked place (a place given where none is marked is wrong). A place
// matches by name when its words in the text or its resolved name is the
// marked name (accents, case and punctuation aside), and by distance when
// it lies within 50 km of the marked point.
type PlaceResult struct {
	Items, Gold, NoEvents int
	Pred                  int
	NameHit, NameOK       int // gold places found by name; predicted places right by name
	DistHit, DistOK       int // the same within 50 km
	Misses                []string
}

// RecallName is the share of gold places found by name (NameHit/Gold).
// It and the other ratios return 0 for an empty denominator.
func (r PlaceResult) RecallName() float64 { return ratio(r.NameHit, r.Gold) }

// PrecisionName is the share of predicted places right by name
// (NameOK/Pred).
func (r PlaceResult) PrecisionName() float64 { return ratio(r.NameOK, r.Pred) }

// RecallDist is the share of gold places found within 50 km
// (DistHit/Gold).
func (r PlaceResult) RecallDist() float64 { return ratio(r.DistHit, r.Gold) }

// PrecisionDist is the share of predicted places within 50 km of the gold
// place (DistOK/Pred).
func (r PlaceResult) PrecisionDist() float64 { return ratio(r.DistOK, r.Pred) }

// String summarises the result on one line.
func (r PlaceResult) String() string {
	return fmt.Sprintf("%d sentences (%d with a marked place, %d coded no event), %d places given: by name recall %.3f precision %.3f; within 50 km recall %.3f precision %.3f",
		r.Items, r.Gold, r.NoEvents, r.Pred, r.RecallName(), r.PrecisionName(), r.RecallDist(), r.PrecisionDist())
}

// ScorePlaces codes each item as an article of its own, dated date, and
// scores the places of its events (of its last sentence's events, when it
// has several sentences).
func ScorePlaces(c *coder.Coder, items []PlaceItem, date time.Time) PlaceResult {
	var r PlaceResult
	var kb []byte
	key := func(s string) string { kb = place.AppendKey(kb[:0], s); return string(kb) }
	for i, it := range items {
		r.Items++
		doc := c.Code(&petrel.Article{ID: fmt.Sprintf("place-%d", i), Text: it.Text, Date: date})
		if len(doc.Events) == 0 {
			r.NoEvents++
		}
		// An item of several sentences marks the place of its last
		// sentence's events ("…met in Tokyo. China criticised Japan.").
		last := len(doc.Sentences) - 1
		var locs []petrel.Location
		for _, e := range doc.Events {
			if e.Location == nil || e.SentenceIndex != last {
				continue
			}
			dup := false
			for _, l := range locs {
				if l.Lat == e.Location.Lat && l.Lon == e.Location.Lon {
					dup = true
				}
			}
			if !dup {
				locs = append(locs, *e.Location)
			}
		}
		if it.Name != "" {
			r.Gold++
		}
		gk := key(it.Name)
		nameHit, distHit := false, false
		var got []string
		for _, l := range locs {
			r.Pred++
			written := ""
			if l.Start >= 0 && l.End <= len(it.Text) && l.Start < l.End {
				written = it.Text[l.Start:l.End]
			}
			got = append(got, fmt.Sprintf("%s (%s, %s)", l.Name, l.Country, l.Precision))
			if it.Name == "" {
				continue
			}
			if sameName(key(written), gk) || sameName(key(l.Name), gk) {
				r.NameOK++
				nameHit = true
			}
			if place.DistanceKm(l.Lat, l.Lon, it.Lat, it.Lon) <= 50 {
				r.DistOK++
				distHit = true
			}
		}
		if nameHit {
			r.NameHit++
		}
		if distHit {
			r.DistHit++
		}
		if it.Name != "" && !(nameHit && distHit) || it.Name == "" && len(locs) > 0 {
			want := it.Name
			if want == "" {
				want = "-"
			}
			r.Misses = append(r.Misses, fmt.Sprintf("line %d: want %s, got %v (%d events): %s", it.Line, want, got, len(doc.Events), it.Text))
		}
	}
	return r
}

// UCDPPlaceResult counts how close the places of events coded from UCDP
// headlines are to UCDP's points.
type UCDPPlaceResult struct {
	Headlines, Events, Located, Within int
}

// String summarises the result.
func (r UCDPPlaceResult) String() string {
	return fmt.Sprintf("%d headlines, %d events coded, %d located (%.3f), %d within 50 km of a UCDP point (%.3f of events coded, %.3f of located)",
		r.Headlines, r.Events, r.Located, ratio(r.Located, r.Events), r.Within, ratio(r.Within, r.Events), ratio(r.Within, r.Located))
}

// ScoreUCDPPlaces codes each UCDP GED headline (dated by its date) and
// counts its events whose location lies within 50 km of the point of one
// of the GED events the headline is cited for.
func ScoreUCDPPlaces(c *coder.Coder, path string) (UCDPPlaceResult, error) {
	var r UCDPPlaceResult
	f, err := os.Open(path)
	if err != nil {
		return r, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		var h struct {
			ID, Date, Text string
			Gold           struct {
				Events []struct {
					Lat float64 `json:"latitude"`
					Lon float64 `json:"longitude"`
				} `json:"events"`
			} `json:"gold"`
		}
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			return r, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		r.Headlines++
		a := &petrel.Article{ID: h.ID, Text: h.Text}
		if d, err := time.Parse("2006-01-02", h.Date); err == nil {
			a.Date = d
		}
		for _, e := range c.Code(a).Events {
			r.Events++
			if e.Location == nil {
				continue
			}
			r.Located++
			for _, g := range h.Gold.Events {
				if place.DistanceKm(e.Location.Lat, e.Location.Lon, g.Lat, g.Lon) <= 50 {
					r.Within++
					break
				}
			}
		}
	}
	return r, sc.Err()
}

// sameName reports whether two name keys are the same name, allowing a
// division word after either ("Zamfara state", "Borno State", "Kurram
// District").
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	rest, ok := strings.CutPrefix(a, b+" ")
	if !ok {
		return false
	}
	switch rest {
	case "state", "province", "region", "district", "oblast", "governorate", "county", "department", "prefecture", "municipality":
		return true
	}
	return false
}
