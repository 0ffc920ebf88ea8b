package place_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"petrel/place"
)

func lookup(g *place.Gazetteer, name string) []*place.Place {
	var out []*place.Place
	for _, i := range g.Lookup(place.AppendKey(nil, name)) {
		out = append(out, g.Place(i))
	}
	return out
}

func TestAppendKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kyiv", "kyiv"},
		{"KYIV", "kyiv"},
		{"Mazar-i-Sharif", "mazar i sharif"},
		{"Sana’a", "sana a"},
		{"  Ouham-Pendé ", "ouham pende"},
		{"Şanlıurfa", "sanliurfa"},
		{"Kraków", "krakow"},
		{"Straße", "strasse"},
		{"St. Petersburg", "st petersburg"},
		{"Москва", "москва"},
		{"", ""},
	} {
		if got := string(place.AppendKey(nil, tt.in)); got != tt.want {
			t.Errorf("AppendKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	g := place.Default()
	for _, tt := range []struct {
		name    string
		country string
		kind    place.Kind
		id      int // 0: any
	}{
		{"Moscow", "RUS", place.City, 524901},
		{"Moskva", "RUS", place.City, 524901},
		{"Amara", "IRQ", place.City, 0},
		{"Pula", "HRV", place.City, 0},
		{"Tripoli", "LBN", place.City, 0},
		{"Tripoli", "LBY", place.City, 0},
		{"Paris", "USA", place.City, 0},
		{"North Sinai", "EGY", place.Admin1, 0},
		{"Zakho District", "IRQ", place.Admin2, 0},
		{"Zakho", "IRQ", place.Admin2, 0},
		{"Kherson", "UKR", place.Admin1, 0},
		{"Ouham-Pendé", "CAF", place.Admin1, 0},
		{"Ouham Pende", "CAF", place.Admin1, 0},
		// A division named after its seat has the seat's spellings.
		{"Kharkov", "UKR", place.Admin1, 0},
		{"Dnepropetrovsk", "UKR", place.Admin1, 0},
		{"Timbuktu", "MLI", place.Admin1, 0},
	} {
		found := false
		for _, p := range lookup(g, tt.name) {
			if p.Country == tt.country && p.Kind == tt.kind && (tt.id == 0 || p.ID == tt.id) {
				found = true
				if p.Kind != place.Country && (p.Lat == 0 && p.Lon == 0) {
					t.Errorf("%s: no coordinates", tt.name)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s %s in %d candidates", tt.name, tt.country, tt.kind, len(lookup(g, tt.name)))
		}
	}
	if got := lookup(g, "Xqzzyv"); got != nil {
		t.Errorf("unknown name: %v", got)
	}
	if !g.Extends(place.AppendKey(nil, "North")) {
		t.Error(`Extends("north") = false`)
	}
	if g.Extends(place.AppendKey(nil, "Xqzzyv")) {
		t.Error(`Extends("xqzzyv") = true`)
	}
}

func TestDivisions(t *testing.T) {
	g := place.Default()
	var moscow *place.Place
	for _, p := range lookup(g, "Moscow") {
		if p.ID == 524901 {
			moscow = p
		}
	}
	if moscow == nil {
		t.Fatal("no Moscow")
	}
	a1 := g.Admin1(moscow)
	if a1 == nil || a1.Code != "RU.48" || a1.Kind != place.Admin1 {
		t.Fatalf("Moscow admin1 = %+v", a1)
	}
	c := g.Country("UKR")
	if c == nil || c.Kind != place.Country || c.Population < 10_000_000 {
		t.Fatalf("Ukraine = %+v", c)
	}
	// A centroid lies inside the country's rough bounds.
	if c.Lat < 44 || c.Lat > 53 || c.Lon < 22 || c.Lon > 41 {
		t.Errorf("Ukraine centroid %v %v", c.Lat, c.Lon)
	}
}

// TestGenerateIdentical re-runs the generator on ../shared/geo and checks
// it gives the embedded file byte for byte.
func TestGenerateIdentical(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	geo := filepath.Join("..", "..", "shared", "geo")
	if _, err := os.Stat(filepath.Join(geo, "cities1000.txt")); err != nil {
		t.Skip("no ../shared/geo")
	}
	out := filepath.Join(t.TempDir(), "gazetteer.bin")
	cmd := goRun(t, "./gen", "-geo", geo, "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("gazetteer.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("generator output (%d bytes) differs from gazetteer.bin (%d bytes): run go generate ./place", len(got), len(want))
	}
}

func TestLoadTime(t *testing.T) {
	data, err := os.ReadFile("gazetteer.bin")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	g, err := place.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	t.Logf("loaded %d places, %d keys in %v", g.Len(), g.Keys(), d)
	if d > 2*time.Second { // the budget is 200 ms; this only catches a gross slowdown on a busy machine
		t.Errorf("load took %v", d)
	}
}

func TestReadCorrupt(t *testing.T) {
	data, err := os.ReadFile("gazetteer.bin")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{nil, []byte("not a gazetteer"), data[:len(data)/2]} {
		if _, err := place.Read(b); err == nil {
			t.Errorf("Read(%d bytes): no error", len(b))
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("gazetteer.bin")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := place.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := place.Default()
	names := []string{"Moscow", "Kherson Oblast", "Amara", "Xqzzyv", "North"}
	var key []byte
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			key = place.AppendKey(key[:0], n)
			g.Lookup(key)
		}
	}
}

func TestAppendSkeleton(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Shopian", "Shupiyan"},
		{"Qandahar", "Kandahar"},
		{"Ouham-Pendé", "Ouham Pende"},
	} {
		sa := place.AppendSkeleton(nil, place.AppendKey(nil, tt.a))
		sb := place.AppendSkeleton(nil, place.AppendKey(nil, tt.b))
		if string(sa) != string(sb) {
			t.Errorf("skeletons %q (%s) and %q (%s) differ", sa, tt.a, sb, tt.b)
		}
	}
	// A digraph's h is a consonant of its own.
	for _, tt := range []struct{ a, b string }{
		{"Shopian", "Saipan"},
		{"Khost", "Kost"},
	} {
		sa := place.AppendSkeleton(nil, place.AppendKey(nil, tt.a))
		sb := place.AppendSkeleton(nil, place.AppendKey(nil, tt.b))
		if string(sa) == string(sb) {
			t.Errorf("%s and %s share the skeleton %q", tt.a, tt.b, sa)
		}
	}
	if s := string(place.AppendSkeleton(nil, []byte("amara"))); s != "amr" {
		t.Errorf("skeleton of amara = %q, want amr", s)
	}
	g := place.Default()
	found := false
	for _, i := range g.LookupSkeleton(place.AppendSkeleton(nil, place.AppendKey(nil, "Shopian"))) {
		if p := g.Place(i); p.Country == "IND" {
			found = true
		}
	}
	if !found {
		t.Error("no Indian place with the skeleton of Shopian")
	}
}
