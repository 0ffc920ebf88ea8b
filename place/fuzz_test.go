package place_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"petrel/place"
)

// FuzzAppendKey checks that keys are well formed and stable: no space at
// either end or twice in a row, valid UTF-8 for valid input, and a key's
// key is itself; and that skeletons and lookups never fail.
func FuzzAppendKey(f *testing.F) {
	for _, s := range []string{"Kyiv", "Mazar-i-Sharif", "Sana’a", " Ouham-Pendé ", "Şanlıurfa", "St. Petersburg", "Москва", "", "--", "a\x00b", "\xff"} {
		f.Add(s)
	}
	g := place.Default()
	f.Fuzz(func(t *testing.T, s string) {
		k := place.AppendKey(nil, s)
		ks := string(k)
		if strings.HasPrefix(ks, " ") || strings.HasSuffix(ks, " ") || strings.Contains(ks, "  ") {
			t.Fatalf("AppendKey(%q) = %q: bad spacing", s, ks)
		}
		if utf8.ValidString(s) && !utf8.Valid(k) {
			t.Fatalf("AppendKey(%q) = %q: invalid UTF-8", s, ks)
		}
		if again := string(place.AppendKey(nil, ks)); utf8.ValidString(s) && again != ks {
			t.Fatalf("key of key %q = %q", ks, again)
		}
		sk := place.AppendSkeleton(nil, k)
		if len(sk) > len(k) {
			t.Fatalf("skeleton %q longer than key %q", sk, k)
		}
		for _, i := range g.Lookup(k) {
			if i < 0 || int(i) >= g.Len() {
				t.Fatalf("Lookup(%q) gave %d", k, i)
			}
		}
		g.LookupSkeleton(sk)
		g.Extends(k)
	})
}
