package coder_test

import (
	"testing"
	"time"

	"petrel"
)

// TestEventDate checks which date expression dates an event: the nearest
// one that dates an event, not one that bounds a period or sets a deadline.
func TestEventDate(t *testing.T) {
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		text, code, want string
	}{
		{"Russia attacked Kharkiv on Monday.", "190", "2024-06-03"},
		{"Serbia has boycotted the talks since March 2023.", "125", "2024-06-05"},
		{"South Korea and Japan agreed to resume their security dialogue, suspended since 2018.", "036", "2024-06-05"},
		{"Niger's junta ordered French troops to leave by the end of the year.", "166", "2024-06-05"},
		{"Egypt hosted talks on Tuesday until late at night.", "043", "2024-06-04"},
		{"Iran attacked Israel last week.", "190", "2024-05-29"},
	}
	for _, tt := range tests {
		doc := builtin(t).Code(&petrel.Article{ID: "t", Text: tt.text, Date: base})
		found := false
		for _, e := range doc.Events {
			if e.Code != tt.code {
				continue
			}
			found = true
			if e.Date != tt.want {
				t.Errorf("%q: event %s dated %s, want %s", tt.text, e.Code, e.Date, tt.want)
			}
		}
		if !found {
			t.Errorf("%q: no %s event; got %d events", tt.text, tt.code, len(doc.Events))
		}
	}
}
