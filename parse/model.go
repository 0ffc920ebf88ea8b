package parse

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

// A Model is a trained tagger and parser. A Model is safe for concurrent
// use; each goroutine needs its own Tree.
type Model struct {
	tg tagger
	ps parser
}

// A Tree is the parse of one sentence, and the scratch space that parsing
// it needs, so a Tree reused across sentences parses without allocating.
// Index i is the sentence's i-th word.
type Tree struct {
	// Tags holds each word's UPOS tag.
	Tags []Tag
	// XPOS holds each word's treebank-specific tag (Penn Treebank for EWT).
	XPOS []string
	// Heads holds each word's head as a 1-based word number, 0 for the
	// root, as in CoNLL-U.
	Heads []int
	// Rels holds each word's relation to its head.
	Rels []Rel

	lx    []lex
	amb   []uint64
	xtags []uint8
	first []uint8
	st    state
}

// Parse tags and parses words (one string per word) into t.
func (m *Model) Parse(words []string, t *Tree) {
	n := len(words)
	if cap(t.lx) < n+1 {
		t.lx = make([]lex, n+1)
		t.Tags = make([]Tag, n)
		t.Heads = make([]int, n)
		t.Rels = make([]Rel, n)
		t.amb = make([]uint64, n)
		t.xtags = make([]uint8, n)
		t.first = make([]uint8, n)
		t.XPOS = make([]string, n)
	}
	t.lx, t.Tags, t.Heads, t.Rels = t.lx[:n+1], t.Tags[:n], t.Heads[:n], t.Rels[:n]
	t.amb, t.xtags, t.first, t.XPOS = t.amb[:n], t.xtags[:n], t.first[:n], t.XPOS[:n]
	for i, w := range words {
		setLex(&t.lx[i], w)
	}
	t.lx[n] = lex{form: hashRoot, lower: hashRoot, suf3: hashRoot, clus: hashRoot, wn: hashRoot}
	m.tg.tag(t.lx[:n], t.amb, t.Tags, t.xtags, t.first)
	for i, x := range t.xtags {
		t.XPOS[i] = m.tg.xnames[x]
	}
	m.parseTagged(t)
}

// parseTagged parses the words of t given t.lx and t.Tags.
func (m *Model) parseTagged(t *Tree) {
	n := len(t.Tags)
	t.st.reset(t.lx, t.Tags, t.xtags)
	m.ps.parse(&t.st)
	for i := 0; i < n; i++ {
		h := int(t.st.head[i])
		if h == n {
			h = 0
		} else {
			h++
		}
		t.Heads[i] = h
		t.Rels[i] = t.st.rel[i]
	}
}

//go:embed model/en_ewt.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model trained on UD English EWT, loading it
// on first use. It returns an error if the binary was built without a
// trained model.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		if len(embedded) == 0 {
			defaultErr = errors.New("parse: no embedded model (run go run ./cmd/petrel-train)")
			return
		}
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}

// EmbeddedModel returns the bytes of the embedded model file (empty in a
// build without one). Default loads them; the CLI and benchmarks use them
// to report the model's size.
func EmbeddedModel() []byte { return embedded }

const magic = "petrel-parse 10\n"

// Write writes m in petrel's model format: a magic line, then sections,
// each a uvarint length and its bytes: the tagger's XPOS names, tag
// dictionary, ambiguity classes and (UPOS, XPOS) pairs, then the weight
// tables (the tagger's, the transitions', the labels' and the second
// tagger pass's), each stored as its nonzero entries (index gap and
// zigzag value, as uvarints), a big table in several parts. Separate sections let Load decode them in
// parallel. The sections are not compressed: gzip made the file a quarter
// smaller and loading it twice as slow. The output depends only on m.
func (m *Model) Write(w io.Writer) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	var sec []byte
	uv := func(x uint64) { sec = binary.AppendUvarint(sec, x) }
	flush := func() error {
		if _, err := w.Write(binary.AppendUvarint(nil, uint64(len(sec)))); err != nil {
			return err
		}
		_, err := w.Write(sec)
		sec = sec[:0]
		return err
	}
	uv(uint64(len(m.tg.xnames)))
	for _, x := range m.tg.xnames {
		uv(uint64(len(x)))
		sec = append(sec, x...)
	}
	keys := make([]uint64, 0, len(m.tg.dict))
	for k := range m.tg.dict {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	for _, k := range keys {
		sec = binary.LittleEndian.AppendUint64(sec, k)
		uv(uint64(m.tg.dict[k]))
	}
	keys = keys[:0]
	for k := range m.tg.amb {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	for _, k := range keys {
		sec = binary.LittleEndian.AppendUint64(sec, k)
		uv(m.tg.amb[k])
	}
	// the (UPOS, XPOS) pairs of the training treebank
	var pairs [][2]uint64
	if p := m.tg.pairs; p != nil {
		for u := Tag(1); u < numTags; u++ {
			for x := 1; x < len(m.tg.xnames); x++ {
				if p.has(u, uint8(x)) {
					pairs = append(pairs, [2]uint64{uint64(u), uint64(x)})
				}
			}
		}
	}
	uv(uint64(len(pairs)))
	for _, p := range pairs {
		uv(p[0])
		uv(p[1])
	}
	if err := flush(); err != nil {
		return err
	}
	for kind, t := range m.tables() {
		if t == nil {
			continue
		}
		// A table of many weights is cut into parts of about partWeights
		// nonzero weights, each its own section, so Load decodes them in
		// parallel.
		nz := 0
		for _, v := range t.q {
			if v != 0 {
				nz++
			}
		}
		parts := min(1+nz/partWeights, maxParts)
		for part := range parts {
			lo, hi := partRange(len(t.q), part, parts)
			uv(uint64(kind))
			uv(uint64(part))
			uv(uint64(parts))
			uv(uint64(t.bits))
			uv(uint64(t.classes))
			uv(uint64(math.Float32bits(t.scale)))
			nz := 0
			for _, v := range t.q[lo:hi] {
				if v != 0 {
					nz++
				}
			}
			uv(uint64(nz))
			last := lo - 1
			for i := lo; i < hi; i++ {
				if v := t.q[i]; v != 0 {
					uv(uint64(i - last - 1))
					uv(uint64((int64(v) << 1) ^ (int64(v) >> 63))) // zigzag
					last = i
				}
			}
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// errCorrupt reports a model file that does not decode.
var errCorrupt = errors.New("parse: model: corrupt file")

// decoder reads uvarints and bytes from a decompressed section; after the
// first error every read returns zero and err is set.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uv() uint64 {
	if len(d.b) > 0 && d.b[0] < 0x80 { // most values fit in one byte
		x := uint64(d.b[0])
		d.b = d.b[1:]
		return x
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.err, d.b = errCorrupt, nil
		return make([]byte, n)
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

// Load reads a model written by Write. It decodes the sections on
// separate goroutines.
func Load(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	if clusterErr != nil {
		return nil, clusterErr
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("parse: not a petrel parser model (or one from another version of petrel)")
	}
	data = data[len(magic):]
	var secs [][]byte
	for len(data) > 0 && len(secs) < 1+numTables*maxParts {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, errCorrupt
		}
		secs, data = append(secs, data[k:k+int(n)]), data[k+int(n):]
	}
	if len(secs) < 4 {
		return nil, errCorrupt
	}
	m := &Model{}
	var tabs [numTables]tableParts
	errs := make([]error, len(secs))
	var wg sync.WaitGroup
	for i := range secs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &decoder{b: secs[i]}
			if i == 0 {
				errs[i] = m.tg.decode(d)
			} else {
				errs[i] = decodePart(d, &tabs)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var set [numTables]*table
	for k := range tabs {
		if tp := &tabs[k]; tp.t != nil {
			if tp.seen != 1<<tp.parts-1 {
				return nil, errCorrupt
			}
			set[k] = tp.t
		}
	}
	nx := len(m.tg.xnames)
	want := [numTables]int{int(numTags) + nx, numActs, int(numRels), int(numTags) + nx}
	for k, t := range set {
		if t == nil && k < 3 || t != nil && t.classes != want[k] || nx < 2 {
			return nil, errors.New("parse: model: tables do not match this version of petrel")
		}
	}
	m.tg.w, m.ps.act, m.ps.lab, m.tg.w2 = set[0], set[1], set[2], set[3]
	return m, nil
}

// numTables is the number of weight tables a model may have.
const numTables = 4

// tables returns the model's weight tables by kind, the number that
// tags their sections in the file: the tagger's, the transitions', the
// labels', and the second tagger pass's (nil where absent).
func (m *Model) tables() [numTables]*table {
	return [numTables]*table{m.tg.w, m.ps.act, m.ps.lab, m.tg.w2}
}

// decode reads the tagger's names, dictionary, ambiguity classes and
// (UPOS, XPOS) pairs.
func (t *tagger) decode(d *decoder) error {
	nx := d.uv()
	if nx > 255 {
		return errCorrupt
	}
	for i := uint64(0); i < nx && d.err == nil; i++ {
		t.xnames = append(t.xnames, string(d.bytes(int(min(d.uv(), 64)))))
	}
	nd := d.uv()
	if nd > 1<<24 {
		return errCorrupt
	}
	t.dict = make(map[uint64]uint16, nd)
	for i := uint64(0); i < nd && d.err == nil; i++ {
		k := binary.LittleEndian.Uint64(d.bytes(8))
		v := d.uv()
		if Tag(v&0xff) >= numTags || v>>8 >= nx {
			return errCorrupt
		}
		t.dict[k] = uint16(v)
	}
	na := d.uv()
	if na > 1<<24 {
		return errCorrupt
	}
	t.amb = make(map[uint64]uint64, na)
	for i := uint64(0); i < na && d.err == nil; i++ {
		k := binary.LittleEndian.Uint64(d.bytes(8))
		t.amb[k] = d.uv()
	}
	np := d.uv()
	if np > uint64(numTags)*nx {
		return errCorrupt
	}
	if np > 0 {
		t.pairs = new(tagPairs)
	}
	for i := uint64(0); i < np && d.err == nil; i++ {
		u, x := d.uv(), d.uv()
		if u == 0 || u >= uint64(numTags) || x == 0 || x >= nx {
			return errCorrupt
		}
		t.pairs.add(Tag(u), uint8(x))
	}
	return d.err
}

// partWeights is about the number of nonzero weights Write puts in one
// section; maxParts bounds the sections of one table.
const (
	partWeights = 1 << 20
	maxParts    = 8
)

// partRange returns the range of a table's n weights that part of parts
// holds.
func partRange(n, part, parts int) (lo, hi int) {
	return n * part / parts, n * (part + 1) / parts
}

// tableParts gathers the parts of one table as Load decodes them.
type tableParts struct {
	once  sync.Once
	mu    sync.Mutex
	t     *table
	parts int
	seen  uint64 // bit p: part p decoded
}

// decodePart reads one section of a weight table into tabs, allocating
// the table when its first part arrives.
func decodePart(d *decoder, tabs *[numTables]tableParts) error {
	kind, part, parts := d.uv(), d.uv(), d.uv()
	bits, classes := d.uv(), d.uv()
	scale := math.Float32frombits(uint32(d.uv()))
	if d.err != nil || kind >= numTables || parts == 0 || parts > maxParts || part >= parts ||
		bits > 26 || classes == 0 || classes > 256 {
		return errCorrupt
	}
	tp := &tabs[kind]
	tp.once.Do(func() {
		q, free := allocWeights((1 << bits) * int(classes))
		tp.t = &table{bits: uint(bits), classes: int(classes), scale: scale, q: q}
		setFree(tp.t, free)
		tp.parts = int(parts)
	})
	t := tp.t
	if t.bits != uint(bits) || t.classes != int(classes) || t.scale != scale || tp.parts != int(parts) {
		return errCorrupt
	}
	tp.mu.Lock()
	dup := tp.seen&(1<<part) != 0
	tp.seen |= 1 << part
	tp.mu.Unlock()
	if dup {
		return errCorrupt
	}
	lo, hi := partRange(len(t.q), int(part), int(parts))
	q := t.q[:hi]
	nz := d.uv()
	if d.err != nil {
		return d.err
	}
	// The loop reads the varints itself, with the one-byte case inline:
	// it runs once for each of the model's millions of weights, and is
	// most of the model's load.
	b, p := d.b, 0
	pos := lo - 1
	for k := uint64(0); k < nz; k++ {
		var gap, z uint64
		if p < len(b) && b[p] < 0x80 {
			gap = uint64(b[p])
			p++
		} else {
			x, n := binary.Uvarint(b[p:])
			if n <= 0 {
				d.err, d.b = errCorrupt, nil
				return d.err
			}
			gap, p = x, p+n
		}
		if p < len(b) && b[p] < 0x80 {
			z = uint64(b[p])
			p++
		} else {
			x, n := binary.Uvarint(b[p:])
			if n <= 0 {
				d.err, d.b = errCorrupt, nil
				return d.err
			}
			z, p = x, p+n
		}
		pos += int(gap) + 1
		if pos >= len(q) || pos < lo {
			return errCorrupt
		}
		q[pos] = int16(int64(z>>1) ^ -int64(z&1))
	}
	d.b = b[p:]
	return nil
}
