package main

import (
	"slices"
	"testing"
)

func TestSentenceSpan(t *testing.T) {
	text := "A said B. C met D. A said B. E"
	tests := []struct {
		name     string
		sentence string
		verb     int
		start    int
		end      int
	}{
		{"first occurrence", "A said B.", 2, 0, 9},
		{"second occurrence by verb", "A said B.", 21, 19, 28},
		{"verb outside any: first", "A said B.", 12, 0, 9},
		{"middle", "C met D.", 12, 10, 18},
		{"absent", "Z left.", 0, -1, -1},
		{"empty", "", 0, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := SentenceSpan(text, tt.sentence, tt.verb)
			if s != tt.start || e != tt.end {
				t.Errorf("got %d–%d, want %d–%d", s, e, tt.start, tt.end)
			}
		})
	}
}

func TestSample(t *testing.T) {
	a, b := Sample(1000, 10, 7), Sample(1000, 10, 7)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, different samples: %v %v", a, b)
	}
	if len(a) != 10 || !slices.IsSorted(a) {
		t.Errorf("want 10 sorted indices, got %v", a)
	}
	for i := 1; i < len(a); i++ {
		if a[i] == a[i-1] {
			t.Errorf("repeated index %d", a[i])
		}
	}
	if c := Sample(1000, 10, 8); slices.Equal(a, c) {
		t.Errorf("seeds 7 and 8 gave the same sample %v", a)
	}
	if got := Sample(3, 10, 1); len(got) != 3 {
		t.Errorf("n > total: got %v", got)
	}
}
