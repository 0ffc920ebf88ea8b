package main

import (
	"slices"
	"testing"
)

func TestInflections(t *testing.T) {
	for _, c := range []struct{ w, s string }{{"talk", "talks"}, {"church", "churches"}, {"box", "boxes"}, {"army", "armies"}, {"day", "days"}} {
		if got := sForm(c.w); got != c.s {
			t.Errorf("sForm(%q) = %q, want %q", c.w, got, c.s)
		}
	}
	for _, c := range []struct {
		w    string
		fn   func(string) []string
		want string
	}{
		{"stop", edForms, "stopped"}, {"agree", edForms, "agreed"}, {"carry", edForms, "carried"}, {"talk", edForms, "talked"},
		{"stop", ingForms, "stopping"}, {"make", ingForms, "making"}, {"die", ingForms, "dying"}, {"see", ingForms, "seeing"},
		{"big", erForms, "bigger"}, {"late", erForms, "latest"}, {"happy", erForms, "happier"},
	} {
		if got := c.fn(c.w); !slices.Contains(got, c.want) {
			t.Errorf("%q: %v lacks %q", c.w, got, c.want)
		}
	}
}
