// Package place is petrel's gazetteer: the populated places of GeoNames'
// cities1000 dump, every first- and second-order administrative division,
// a few regions that are unions of first-order divisions ("Donbas",
// "Darfur"; Kind Admin1, Feature "RGN") and every country, with their
// Latin-script names, compiled by place/gen into gazetteer.bin and
// embedded in the binary.
//
// A Gazetteer answers one question fast: which places does this name
// denote? Names are looked up by key (AppendKey), so "Kyiv", "KYIV" and
// "Kýiv" are one name. Choosing among the places a name denotes is the
// coder's job (coder/place.go), which knows the sentence around it.
package place

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./gen -geo ../../shared/geo -out gazetteer.bin

//go:embed gazetteer.bin
var embedded string

// Kind is what sort of place an entry is, from the most to the least
// precise. Its String is the Location.Precision petrel writes.
type Kind uint8

// The kinds of place.
const (
	City Kind = iota
	Admin2
	Admin1
	Country
)

var kindNames = [...]string{"city", "admin2", "admin1", "country"}

// String returns "city", "admin2", "admin1" or "country".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Place is one gazetteer entry.
type Place struct {
	// ID is the GeoNames id of a populated place; 0 for divisions and
	// countries, which the source files give without ids.
	ID   int
	Name string
	// Country is ISO 3166-1 alpha-3 ("IRQ"), as petrel's actor codes.
	Country string
	// Lat and Lon are decimal degrees. For a country they are the mean
	// position of the populated places inside it; for a division or
	// region, their mean weighted by population.
	Lat, Lon float64
	// Population is GeoNames' figure for a place, the sum over its places
	// for a division or country.
	Population int
	Kind       Kind
	// Feature is the GeoNames feature code of a populated place: PPLC
	// (capital), PPLA (seat of a first-order division), PPLA2, PPL, ...;
	// RGN for a region made of first-order divisions.
	Feature string
	// Code is GeoNames' code of a division ("IQ.09", "IQ.09.90509");
	// empty for places and countries.
	Code string
	// Admin1 and Admin2 are the indexes of the divisions the place lies
	// in, -1 when unknown or not applicable. A region (RGN) that is one
	// first-order division ("DPR") has that division as its Admin1.
	Admin1, Admin2 int32
}

// Gazetteer is a read-only set of places indexed by name. It is safe for
// concurrent use.
type Gazetteer struct {
	places  []Place
	names   index
	skel    index // consonant skeletons (AppendSkeleton)
	country map[string]int32
}

// index maps sorted keys to places: key i is keys[keyOff[i]:keyOff[i+1]],
// and the places it names are post[postOff[i]:postOff[i+1]].
type index struct {
	keys    string
	keyOff  []uint32
	post    []int32
	postOff []uint32
	// start[p] is the first key whose first two bytes (a short key padded
	// with zeros), read as a big-endian number, are p or more: find
	// searches only the keys that share a key's first two bytes. Nil when
	// the keys are out of order.
	start []uint32
}

// prefix2 is the first two bytes of k, padded with zeros, as a number.
func prefix2[S string | []byte](k S) int {
	switch len(k) {
	case 0:
		return 0
	case 1:
		return int(k[0]) << 8
	}
	return int(k[0])<<8 | int(k[1])
}

// buildStart sets x.start, or leaves it nil if the keys' prefixes are not
// in ascending order.
func (x *index) buildStart() {
	n := len(x.keyOff) - 1
	start := make([]uint32, 1<<16+1)
	p := 0 // start[0..p] are set
	for i := range n {
		q := prefix2(x.keys[x.keyOff[i]:x.keyOff[i+1]])
		if q < p-1 {
			return
		}
		for ; p <= q; p++ {
			start[p] = uint32(i)
		}
	}
	for ; p <= 1<<16; p++ {
		start[p] = uint32(n)
	}
	x.start = start
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the embedded gazetteer, decoding it on first use. It
// panics if the embedded file is corrupt, which the package's tests rule
// out.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := read(embedded)
		if err != nil {
			panic("place: embedded gazetteer: " + err.Error())
		}
		defaultGaz = g
	})
	return defaultGaz
}

// magic starts every compiled gazetteer; the digit is the format version.
const magic = "PETRELGAZ3\n"

// Read decodes a compiled gazetteer as written by place/gen.
func Read(data []byte) (*Gazetteer, error) { return read(string(data)) }

// read decodes a compiled gazetteer. Names, codes and keys are slices of
// data, not copies, so the embedded file is decoded without a hundred
// thousand small allocations.
func read(data string) (*Gazetteer, error) {
	if !strings.HasPrefix(data, magic) {
		return nil, errors.New("gazetteer: not a compiled gazetteer")
	}
	r := &reader{b: data[len(magic):]}
	text := r.bytes()
	str := func() string {
		off, n := int(r.uvarint()), int(r.uvarint())
		if off+n > len(text) {
			r.fail()
			return ""
		}
		return text[off : off+n]
	}
	var tables [2][]string // countries, feature codes
	for t := range tables {
		n := int(r.uvarint())
		if n > 1<<16 {
			r.fail()
			break
		}
		for range n {
			tables[t] = append(tables[t], str())
		}
	}
	tab := func(t int) string {
		i := int(r.uvarint())
		if i >= len(tables[t]) {
			r.fail()
			return ""
		}
		return tables[t][i]
	}
	nPlaces := int(r.uvarint())
	if nPlaces > len(r.b) {
		return nil, errors.New("gazetteer: truncated")
	}
	g := &Gazetteer{places: make([]Place, nPlaces), country: map[string]int32{}}
	for i := range g.places {
		p := &g.places[i]
		p.ID = int(r.uvarint())
		p.Name = str()
		p.Country = tab(0)
		p.Lat = float64(r.varint()) / 1e5
		p.Lon = float64(r.varint()) / 1e5
		p.Population = int(r.uvarint())
		p.Kind = Kind(r.uvarint())
		p.Feature = tab(1)
		p.Code = str()
		p.Admin1 = int32(r.uvarint()) - 1
		p.Admin2 = int32(r.uvarint()) - 1
		if p.Kind == Country {
			g.country[p.Country] = int32(i)
		}
		if r.err != nil {
			return nil, fmt.Errorf("gazetteer: %w", r.err)
		}
	}
	for _, x := range []*index{&g.names, &g.skel} {
		if err := x.read(r, nPlaces); err != nil {
			return nil, err
		}
	}
	for i := range g.places {
		p := &g.places[i]
		if p.Admin1 >= int32(nPlaces) || p.Admin2 >= int32(nPlaces) {
			return nil, errors.New("gazetteer: division index out of range")
		}
	}
	return g, nil
}

// read decodes an index: its key count, its keys end to end, then each
// key's length and posting list.
func (x *index) read(r *reader, nPlaces int) error {
	nKeys := int(r.uvarint())
	x.keys = r.bytes()
	if nKeys > len(x.keys) || r.err != nil {
		return errors.New("gazetteer: truncated")
	}
	x.keyOff = make([]uint32, nKeys+1)
	x.postOff = make([]uint32, nKeys+1)
	x.post = make([]int32, 0, nKeys+nKeys/4)
	for i := 0; i < nKeys && r.err == nil; i++ {
		x.keyOff[i+1] = x.keyOff[i] + uint32(r.uvarint())
		n := int(r.uvarint())
		if n > len(r.b) {
			r.fail()
			break
		}
		prev := int32(0)
		for range n {
			prev += int32(r.uvarint()) // ascending, delta-coded
			x.post = append(x.post, prev)
		}
		x.postOff[i+1] = uint32(len(x.post))
	}
	if r.err != nil {
		return fmt.Errorf("gazetteer: %w", r.err)
	}
	if int(x.keyOff[nKeys]) != len(x.keys) {
		return errors.New("gazetteer: key lengths do not add up")
	}
	x.buildStart()
	for _, p := range x.post {
		if p < 0 || int(p) >= nPlaces {
			return errors.New("gazetteer: place index out of range")
		}
	}
	return nil
}

type reader struct {
	b   string
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated or corrupt")
	}
}

// uvarint reads an unsigned varint (encoding/binary's format; decoded here
// because binary.Uvarint takes a []byte and the data is a string).
func (r *reader) uvarint() uint64 {
	var v uint64
	for shift, i := uint(0), 0; i < len(r.b) && shift < 64; shift, i = shift+7, i+1 {
		c := r.b[i]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			r.b = r.b[i+1:]
			return v
		}
	}
	r.fail()
	return 0
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *reader) bytes() string {
	n := int(r.uvarint())
	if n > len(r.b) {
		r.fail()
		return ""
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Keys returns the number of distinct name keys.
func (g *Gazetteer) Keys() int { return len(g.names.keyOff) - 1 }

// Place returns place i (0 ≤ i < Len). The result must not be modified.
func (g *Gazetteer) Place(i int32) *Place { return &g.places[i] }

// Admin1 returns the first-order division p lies in, or nil.
func (g *Gazetteer) Admin1(p *Place) *Place {
	if p.Kind == Admin1 {
		return p
	}
	if p.Admin1 < 0 {
		return nil
	}
	return &g.places[p.Admin1]
}

// Country returns the entry for a country (ISO 3166-1 alpha-3), or nil.
func (g *Gazetteer) Country(iso3 string) *Place {
	if i, ok := g.country[iso3]; ok {
		return &g.places[i]
	}
	return nil
}

// find returns the index of key in the sorted key list and whether it is
// there; otherwise the index where it would be.
func (x *index) find(key []byte) (int, bool) {
	n := len(x.keyOff) - 1
	lo, hi := 0, n
	if x.start != nil {
		p := prefix2(key)
		lo, hi = int(x.start[p]), int(x.start[p+1])
	}
	i := lo + sort.Search(hi-lo, func(i int) bool {
		return x.keys[x.keyOff[lo+i]:x.keyOff[lo+i+1]] >= string(key)
	})
	return i, i < n && x.keys[x.keyOff[i]:x.keyOff[i+1]] == string(key)
}

func (x *index) lookup(key []byte) []int32 {
	i, ok := x.find(key)
	if !ok {
		return nil
	}
	return x.post[x.postOff[i]:x.postOff[i+1]]
}

// Lookup returns the indexes of the places a key (AppendKey) names, in
// ascending order, or nil. The slice must not be modified.
func (g *Gazetteer) Lookup(key []byte) []int32 { return g.names.lookup(key) }

// LookupSkeleton returns the divisions and towns of 10,000 people or more
// one of whose names has the skeleton skel (AppendSkeleton), or nil. The
// slice must not be modified.
func (g *Gazetteer) LookupSkeleton(skel []byte) []int32 { return g.skel.lookup(skel) }

// Extends reports whether some key is key followed by more words, so a
// caller matching a name word by word knows when to stop.
func (g *Gazetteer) Extends(key []byte) bool {
	x := &g.names
	i, ok := x.find(key)
	if ok {
		i++
	}
	if i >= len(x.keyOff)-1 {
		return false
	}
	// A space sorts before every other byte of a key, so if any key
	// continues key with a word, the first key after key does.
	k := x.keys[x.keyOff[i]:x.keyOff[i+1]]
	return len(k) > len(key) && k[len(key)] == ' ' && k[:len(key)] == string(key)
}
