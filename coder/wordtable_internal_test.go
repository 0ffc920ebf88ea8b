package coder

import (
	"fmt"
	"testing"
)

// TestWordTable checks that the frozen word table finds every word of the
// map it is built from, with its id, and no other word.
func TestWordTable(t *testing.T) {
	m := map[string]int32{}
	for i := 0; i < 3000; i++ {
		m[fmt.Sprintf("w%d", i*7)] = int32(i + 1)
	}
	m["a"], m["international"], m["u.s."], m["saudi-led"] = 4001, 4002, 4003, 4004
	tab := newWordTable(m)
	for w, id := range m {
		if got, ok := tab.lookup([]byte(w)); !ok || got != id {
			t.Errorf("lookup(%q) = %d, %v; want %d", w, got, ok, id)
		}
	}
	for _, w := range []string{"", "w1", "w8", "b", "internationa", "internationals", "u.s", "saudi"} {
		if got, ok := tab.lookup([]byte(w)); ok {
			t.Errorf("lookup(%q) = %d, found; want none", w, got)
		}
	}
	var empty wordTable
	if _, ok := empty.lookup([]byte("a")); ok {
		t.Error("empty table found a word")
	}
}
