package sqlstore_test

import (
	"strings"
	"testing"

	"petrel/internal/sqlstore"
)

func TestTextHash(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		same bool
	}{
		{"SameOK", "Russia met Ukraine.", "Russia met Ukraine.", true},
		{"CaseAndSpaceIgnored", "Russia  met\nUkraine. ", "  russia met ukraine.", true},
		{"WordsDiffer", "Russia met Ukraine.", "Russia met Belarus.", false},
		{"PunctuationCounts", "Russia met Ukraine.", "Russia met Ukraine!", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqlstore.TextHash(tt.a) == sqlstore.TextHash(tt.b); got != tt.same {
				t.Errorf("same hash = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestStoryKey(t *testing.T) {
	body := strings.Repeat("The central bank raised interest rates again on Tuesday. ", 8)
	for _, tt := range []struct {
		name string
		a, b string
		same bool
	}{
		{"DatelinesIgnored", "MOSCOW (Reuters) - " + body, "MOSCOW (AP) -- " + body, true},
		{"TailIgnored", body + "Extra paragraph.", body + "Another one entirely.", true},
		{"PunctuationIgnored", strings.ReplaceAll(body, ".", ","), body, true},
		{"DifferentStories", body, "Officials said " + body, false},
		{"ShortTextsUseWholeText", "Russia met Ukraine.", "Russia met Ukraine today.", false},
		{"LowerCaseLeadNotDateline", "moscow said - " + body, body, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqlstore.StoryKey(tt.a) == sqlstore.StoryKey(tt.b); got != tt.same {
				t.Errorf("same key = %v, want %v", got, tt.same)
			}
		})
	}
}
