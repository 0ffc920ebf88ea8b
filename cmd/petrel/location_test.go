package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"petrel"
	"petrel/sqlite"
	"petrel/storetest"
)

// TestQueryLocation runs petrel query with the location flags --admin1 and
// --bbox on a store of synthetic events, and checks that a malformed box
// is a usage error naming the flag.
func TestQueryLocation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "petrel.db")
	s, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustIngest(t, s, storetest.Docs(0, 100), "v1")
	s.Close()
	for _, tt := range []struct {
		args []string
		keep func(l *petrel.Location) bool
	}{
		{[]string{"--admin1", "UA.07"}, func(l *petrel.Location) bool { return l.Admin1Code == "UA.07" }},
		{[]string{"--admin1", "Bavaria"}, func(l *petrel.Location) bool { return l.Admin1 == "Bavaria" }},
		{[]string{"--bbox", "-10,35,40,60"}, func(l *petrel.Location) bool { return l.Lon >= -10 && l.Lon <= 40 && l.Lat >= 35 && l.Lat <= 60 }},
		{[]string{"--bbox", "100,-60,-60,70", "--country", "usa"}, func(l *petrel.Location) bool { return l.Country == "USA" }},
	} {
		out, stderr, err := runMain(t, nil, append([]string{"query", "--db", db, "--format", "jsonl", "--limit", "1000"}, tt.args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", tt.args, err, stderr)
		}
		n := 0
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var e petrel.StoredEvent
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%v: %v in %q", tt.args, err, line)
			}
			if e.Location == nil || !tt.keep(e.Location) {
				t.Errorf("%v: event %s at %+v", tt.args, e.ID, e.Location)
			}
			n++
		}
		want := 0
		for _, d := range storetest.Docs(0, 100) {
			for _, e := range d.Events {
				if e.Location != nil && tt.keep(e.Location) {
					want++
				}
			}
		}
		if n != want || want == 0 {
			t.Errorf("%v: %d events, want %d", tt.args, n, want)
		}
	}
	_, _, err = runMain(t, nil, "query", "--db", db, "--bbox", "1,2,3")
	if err == nil || !strings.Contains(err.Error(), "bbox") {
		t.Errorf("query --bbox 1,2,3: %v, want a usage error about bbox", err)
	}
}
