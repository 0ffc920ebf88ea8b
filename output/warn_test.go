package output_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/output"
)

// TestGDELTWarnsUndated checks that the GDELT writer says, once, that it
// wrote empty date columns, and says nothing when every event has a date.
func TestGDELTWarnsUndated(t *testing.T) {
	doc := func(id string, date time.Time, eventDate string) *petrel.Document {
		return &petrel.Document{
			Article: petrel.Article{ID: id, Date: date},
			Events:  []petrel.Event{{ID: id + "-0-1", ArticleID: id, Date: eventDate, Code: "190", Source: &petrel.Party{Code: "RUS"}}},
		}
	}
	dated := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		docs  []*petrel.Document
		warns int
	}{
		{"all dated", []*petrel.Document{doc("a", dated, "2024-06-04"), doc("b", dated, "")}, 0},
		{"event date only", []*petrel.Document{doc("a", time.Time{}, "1985-12-01")}, 0},
		{"undated, once", []*petrel.Document{doc("a", dated, ""), doc("b", time.Time{}, ""), doc("c", time.Time{}, "")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var msgs []string
			w, err := output.New("gdelt", io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			w = output.WithWarnings(w, func(m string) { msgs = append(msgs, m) })
			for _, d := range tt.docs {
				if err := w.Write(d); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := len(msgs); got != tt.warns {
				t.Fatalf("%d warnings, want %d: %q", got, tt.warns, msgs)
			}
			if tt.warns > 0 && !strings.Contains(msgs[0], "article b has no date") {
				t.Errorf("warning %q does not name the first undated article", msgs[0])
			}
		})
	}
	// The other formats have nothing to warn about.
	w, _ := output.New("csv", io.Discard)
	if got := output.WithWarnings(w, func(string) { t.Error("csv warned") }); got != w {
		t.Error("WithWarnings did not return its writer")
	}
}
