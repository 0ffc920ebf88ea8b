// Command gen compiles GeoNames' cities1000 dump and its lists of
// first- and second-order divisions into petrel's embedded gazetteer
// (place/gazetteer.bin). Run it with `go generate ./place`. The output
// depends only on the input files: every list is sorted before it is
// written and the gzip header carries no name or time, so running it
// again gives identical bytes.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"petrel/place"
	"petrel/place/country"
)

func main() {
	geo := flag.String("geo", "../shared/geo", "directory holding cities1000.txt, admin1.json and admin2.json")
	out := flag.String("out", "place/gazetteer.bin", "output file")
	flag.Parse()
	b, stats, err := build(*geo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %s, %d bytes\n", *out, stats, len(b))
}

type entry struct {
	id             int
	name, country  string // country: ISO3
	lat, lon       float64
	pop            int
	kind           place.Kind
	feature, code  string
	admin1, admin2 int // entry index + 1, 0 for none
	names          []string
	// sums for centroids: n places at the summed positions sLat, sLon;
	// the positions weighted by population (wLat, wLon, over weight w)
	n             int
	sLat, sLon    float64
	wLat, wLon, w float64
}

type division struct{ Code, Name string }

// regions are the regions news names as places ("in Donbas", "in
// Darfur", "in the DPR") that are no division of GeoNames' lists but the
// union of one or more: their names, country (ISO3) and first-order
// divisions.
var regions = []struct {
	names     []string
	country   string
	divisions []string
}{
	{[]string{"Donbas", "Donbass", "Donets Basin"}, "UKR", []string{"UA.05", "UA.14"}},
	{[]string{"Darfur"}, "SDN", []string{"SD.47", "SD.49", "SD.55", "SD.60", "SD.61"}},
	{[]string{"Sinai", "Sinai Peninsula"}, "EGY", []string{"EG.26", "EG.27"}},
	{[]string{"Kurdistan Region", "Iraqi Kurdistan"}, "IRQ", []string{"IQ.05", "IQ.08", "IQ.11", "IQ.19"}},
	{[]string{"Kivu"}, "COD", []string{"CD.11", "CD.12"}},
	// Self-proclaimed republics named as places ("killed in the DPR"),
	// each the province it claims.
	{[]string{"Donetsk People's Republic", "DPR", "DNR"}, "UKR", []string{"UA.05"}},
	{[]string{"Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR"}, "UKR", []string{"UA.14"}},
}

// divisionWords are the generic words that end (or start) division names
// in GeoNames ("Kherson Oblast", "Zakho District"); each division is also
// named without them, since the text often writes "Kherson" or "the
// Kherson region".
var divisionSuffixes = []string{" Oblast'", " Oblast", " Oblysy", " Province", " District", " Governorate", " Region",
	" Municipality", " County", " Prefecture", " Department", " State", " Krai", " Kray", " Division",
	" Raion", " Rayon", " Municipio", " Departamento", " Provincia", " Wilaya", " Prefecture"}
var divisionPrefixes = []string{"Province of ", "Provincia de ", "Provincia di ", "Departamento de ", "Département de ",
	"Région de ", "Region de ", "Wilaya de ", "Muhafazat ", "Muḩāfaz̧at ", "Ostan-e ", "Velayat-e ", "Estado de ", "State of "}

func build(geo string) ([]byte, string, error) {
	var a1, a2 []division
	for _, f := range []struct {
		name string
		dst  *[]division
	}{{"admin1.json", &a1}, {"admin2.json", &a2}} {
		b, err := os.ReadFile(filepath.Join(geo, f.name))
		if err != nil {
			return nil, "", err
		}
		if err := json.Unmarshal(b, f.dst); err != nil {
			return nil, "", fmt.Errorf("%s: %w", f.name, err)
		}
		sort.Slice(*f.dst, func(i, j int) bool { return (*f.dst)[i].Code < (*f.dst)[j].Code })
	}
	var es []*entry
	countryIdx := map[string]int{} // ISO2 → entry index
	for _, iso3 := range country.All() {
		iso2 := country.ISO2(iso3)
		countryIdx[iso2] = len(es)
		es = append(es, &entry{name: country.Name(iso3), country: iso3, kind: place.Country})
	}
	divIdx := map[string]int{} // "CC.A1" or "CC.A1.A2" → entry index
	for _, d := range a1 {
		iso3 := country.ISO3(d.Code[:2])
		if iso3 == "" {
			continue
		}
		divIdx[d.Code] = len(es)
		es = append(es, &entry{name: d.Name, country: iso3, kind: place.Admin1, code: d.Code, names: divisionNames(d.Name)})
	}
	for _, d := range a2 {
		iso3 := country.ISO3(d.Code[:2])
		if iso3 == "" {
			continue
		}
		e := &entry{name: d.Name, country: iso3, kind: place.Admin2, code: d.Code, names: divisionNames(d.Name)}
		if i := strings.LastIndexByte(d.Code, '.'); i > 0 {
			if p, ok := divIdx[d.Code[:i]]; ok {
				e.admin1 = p + 1
			}
		}
		divIdx[d.Code] = len(es)
		es = append(es, e)
	}
	f, err := os.Open(filepath.Join(geo, "cities1000.txt"))
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var cities []*entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			return nil, "", fmt.Errorf("cities1000.txt:%d: %d columns, want 19", line, len(c))
		}
		id, err1 := strconv.Atoi(c[0])
		lat, err2 := strconv.ParseFloat(c[4], 64)
		lon, err3 := strconv.ParseFloat(c[5], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, "", fmt.Errorf("cities1000.txt:%d: bad id or coordinates", line)
		}
		pop, _ := strconv.Atoi(c[14])
		iso3 := country.ISO3(c[8])
		if iso3 == "" {
			continue
		}
		e := &entry{id: id, name: c[1], country: iso3, lat: lat, lon: lon, pop: pop, kind: place.City, feature: c[7]}
		e.names = append(e.names, c[1], c[2])
		// Every place keeps its Latin-script alternate names: a village's
		// are mostly its transliterations ("Luganskoye" for Luhans’ke,
		// "Veseloye" for Vesele), which news from a war uses.
		for _, a := range strings.Split(c[3], ",") {
			if keepAlternate(a) {
				e.names = append(e.names, a)
			}
		}
		if c[10] != "" {
			if p, ok := divIdx[c[8]+"."+c[10]]; ok {
				e.admin1 = p + 1
				if c[11] != "" {
					if q, ok := divIdx[c[8]+"."+c[10]+"."+c[11]]; ok {
						e.admin2 = q + 1
					}
				}
			}
		}
		cities = append(cities, e)
	}
	if err := sc.Err(); err != nil {
		return nil, "", err
	}
	sort.Slice(cities, func(i, j int) bool { return cities[i].id < cities[j].id })
	seatNames(es, cities)
	for _, c := range cities {
		for _, k := range []int{c.admin1, c.admin2, countryIdx[country.ISO2(c.country)] + 1} {
			if k > 0 {
				d := es[k-1]
				d.n++
				d.sLat += c.lat
				d.sLon += c.lon
				d.pop += c.pop
				w := float64(c.pop) + 1000
				d.wLat += w * c.lat
				d.wLon += w * c.lon
				d.w += w
			}
		}
	}
	// Regions that news names as places but GeoNames lists as no
	// division: each the union of first-order divisions, at the mean
	// position of their places.
	for _, r := range regions {
		e := &entry{name: r.names[0], country: r.country, kind: place.Admin1, feature: "RGN", names: r.names}
		for _, code := range r.divisions {
			i, ok := divIdx[code]
			if !ok {
				return nil, "", fmt.Errorf("region %s: no division %s", r.names[0], code)
			}
			d := es[i]
			e.n += d.n
			e.sLat += d.sLat
			e.sLon += d.sLon
			e.pop += d.pop
			e.wLat += d.wLat
			e.wLon += d.wLon
			e.w += d.w
		}
		if len(r.divisions) == 1 {
			// A region that is one division ("the DPR") lies in it, so a
			// place qualified by the region ("Luhanske in the DPR") can be
			// looked for in that division.
			e.admin1 = divIdx[r.divisions[0]] + 1
		}
		es = append(es, e)
	}
	es = append(es, cities...)
	// Centroids: a country is at the mean position of its places; a
	// division or region at their mean weighted by population (where its
	// people live, which news about it most often means: the Kherson
	// region's point is near Kherson); a second-order division without
	// places takes its first-order division's.
	for _, e := range es {
		switch {
		case e.kind == place.Country && e.n > 0:
			e.lat, e.lon = e.sLat/float64(e.n), e.sLon/float64(e.n)
		case e.kind != place.City && e.w > 0:
			e.lat, e.lon = e.wLat/e.w, e.wLon/e.w
		}
	}
	var unplaced int
	for _, e := range es {
		if e.kind == place.Admin2 && e.n == 0 && e.admin1 > 0 {
			p := es[e.admin1-1]
			e.lat, e.lon = p.lat, p.lon
		}
		if e.kind != place.City && e.lat == 0 && e.lon == 0 {
			unplaced++
		}
	}

	// Keys: every name of every entry but countries (the coder's actor
	// dictionary names countries).
	post := map[string][]int32{}
	var kb []byte
	for i, e := range es {
		seen := map[string]bool{}
		for _, n := range e.names {
			for _, v := range [2]string{n, joinApostrophes(n)} {
				kb = place.AppendKey(kb[:0], v)
				k := string(kb)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				post[k] = append(post[k], int32(i))
			}
		}
	}
	keys := make([]string, 0, len(post))
	for k := range post {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Skeletons (place.AppendSkeleton) of the names of divisions and of
	// towns of 10,000, a fallback for spellings the names do not list.
	skel := map[string][]int32{}
	var sb []byte
	for i, e := range es {
		if e.kind == place.Country || e.kind == place.City && e.pop < 10000 {
			continue
		}
		seen := map[string]bool{}
		for _, n := range e.names {
			kb = place.AppendKey(kb[:0], n)
			sb = place.AppendSkeleton(sb[:0], kb)
			k := string(sb)
			if len(k) < 3 || seen[k] {
				continue
			}
			seen[k] = true
			skel[k] = append(skel[k], int32(i))
		}
	}
	skeys := make([]string, 0, len(skel))
	for k := range skel {
		skeys = append(skeys, k)
	}
	sort.Strings(skeys)

	// Encode: one text blob (names, codes), the small tables of countries
	// and feature codes, the entries, then every key end to end and each
	// key's length with its ascending, delta-coded posting list. The file
	// is not compressed: decoding it is then a walk over varints, well
	// within the load budget, where inflating it took most of that budget.
	var text bytes.Buffer
	strOff := map[string]int{}
	str := func(b []byte, s string) []byte {
		off, ok := strOff[s]
		if !ok {
			off = text.Len()
			strOff[s] = off
			text.WriteString(s)
		}
		b = binary.AppendUvarint(b, uint64(off))
		return binary.AppendUvarint(b, uint64(len(s)))
	}
	table := func(get func(*entry) string) (vals []string, idx map[string]int) {
		idx = map[string]int{}
		for _, e := range es {
			idx[get(e)] = 0
		}
		for v := range idx {
			vals = append(vals, v)
		}
		sort.Strings(vals)
		for i, v := range vals {
			idx[v] = i
		}
		return vals, idx
	}
	countries, cIdx := table(func(e *entry) string { return e.country })
	features, fIdx := table(func(e *entry) string { return e.feature })
	var body []byte
	for _, t := range [][]string{countries, features} {
		body = binary.AppendUvarint(body, uint64(len(t)))
		for _, v := range t {
			body = str(body, v)
		}
	}
	body = binary.AppendUvarint(body, uint64(len(es)))
	for _, e := range es {
		body = binary.AppendUvarint(body, uint64(e.id))
		body = str(body, e.name)
		body = binary.AppendUvarint(body, uint64(cIdx[e.country]))
		body = binary.AppendVarint(body, int64(math.Round(e.lat*1e5)))
		body = binary.AppendVarint(body, int64(math.Round(e.lon*1e5)))
		body = binary.AppendUvarint(body, uint64(e.pop))
		body = binary.AppendUvarint(body, uint64(e.kind))
		body = binary.AppendUvarint(body, uint64(fIdx[e.feature]))
		body = str(body, e.code)
		body = binary.AppendUvarint(body, uint64(e.admin1))
		body = binary.AppendUvarint(body, uint64(e.admin2))
	}
	for _, idx := range []struct {
		keys []string
		post map[string][]int32
	}{{keys, post}, {skeys, skel}} {
		var kblob []byte
		for _, k := range idx.keys {
			kblob = append(kblob, k...)
		}
		body = binary.AppendUvarint(body, uint64(len(idx.keys)))
		body = binary.AppendUvarint(body, uint64(len(kblob)))
		body = append(body, kblob...)
		for _, k := range idx.keys {
			body = binary.AppendUvarint(body, uint64(len(k)))
			ps := idx.post[k]
			body = binary.AppendUvarint(body, uint64(len(ps)))
			prev := int32(0)
			for _, p := range ps {
				body = binary.AppendUvarint(body, uint64(p-prev))
				prev = p
			}
		}
	}
	var raw bytes.Buffer
	raw.WriteString("PETRELGAZ3\n")
	raw.Write(binary.AppendUvarint(nil, uint64(text.Len())))
	raw.Write(text.Bytes())
	raw.Write(body)
	stats := fmt.Sprintf("%d entries (%d places, %d divisions without places), %d keys, %d skeletons",
		len(es), len(cities), unplaced, len(keys), len(skeys))
	return raw.Bytes(), stats, nil
}

// seatNames gives a division named after its seat the seat's other names:
// GeoNames spells each division once ("Kharkiv", "Dnipropetrovsk",
// "Tombouctou"), but its seat lists the spellings news uses ("Kharkov",
// "Dnepropetrovsk", "Timbuktu"), so "the Kharkov region" and "the
// Timbuktu region" are the divisions, not the towns. A seat is a capital
// or the seat of a first-order division (PPLC, PPLA) for its first-order
// division, the seat of a second-order one (PPLA2) for its second-order
// division; the division takes the seat's names only when one of them is
// the division's own name (without its generic word), which tells a
// division named after its seat from one that is not ("Kherson" is its
// oblast's seat; Kyiv is not Kyiv Oblast's seat, nor "Kyiv" its name).
func seatNames(es, cities []*entry) {
	var kb []byte
	key := func(s string) string { kb = place.AppendKey(kb[:0], s); return string(kb) }
	for _, c := range cities {
		var d *entry
		switch {
		case (c.feature == "PPLA" || c.feature == "PPLC") && c.admin1 > 0:
			d = es[c.admin1-1]
		case c.feature == "PPLA2" && c.admin2 > 0:
			d = es[c.admin2-1]
		default:
			continue
		}
		own := map[string]bool{}
		for _, n := range d.names {
			own[key(n)] = true
		}
		named := false
		for _, n := range c.names {
			if own[key(n)] {
				named = true
				break
			}
		}
		if !named {
			continue
		}
		for _, n := range c.names {
			if k := key(n); !own[k] {
				own[k] = true
				d.names = append(d.names, n)
			}
		}
	}
}

// divisionNames gives a division's name and its name without a generic
// word ("Kherson Oblast" → "Kherson").
func divisionNames(n string) []string {
	out := []string{n}
	for _, s := range divisionSuffixes {
		if b, ok := strings.CutSuffix(n, s); ok && b != "" {
			out = append(out, b)
		}
	}
	for _, p := range divisionPrefixes {
		if b, ok := strings.CutPrefix(n, p); ok && b != "" {
			out = append(out, b)
		}
	}
	return out
}

// joinApostrophes drops the apostrophes and primes inside a name
// ("Vovchans’k", "Pereval's'k", "Sana'a"), which transliterate a soft sign
// or a glottal stop and which news mostly leaves out ("Vovchansk",
// "Sanaa"); the name is indexed both ways. A name without one is returned
// as it is.
func joinApostrophes(n string) string {
	if !strings.ContainsAny(n, "'’‘ʼʹ`") {
		return n
	}
	var b strings.Builder
	rs := []rune(n)
	for i, r := range rs {
		if strings.ContainsRune("'’‘ʼʹ`", r) && i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keepAlternate keeps a GeoNames alternate name that an English text might
// use: Latin script, no digits, not an all-capitals code (airport and
// postal codes are listed among the alternates), not a long official form.
func keepAlternate(a string) bool {
	if a == "" || len(a) > 48 {
		return false
	}
	letters, upper := 0, 0
	for _, r := range a {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’' || r == '(' || r == ')':
		default:
			return false
		}
	}
	if letters == 0 || upper == letters && letters <= 5 {
		return false
	}
	// Lower-case first letter: a transliteration note or a common noun,
	// not a name as English text writes it.
	for _, r := range a {
		return !unicode.IsLower(r)
	}
	return true
}
