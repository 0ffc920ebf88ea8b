package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
		t.XPOS = make([]string, n)
	}
	t.lx, t.Tags, t.Heads, t.Rels = t.lx[:n+1], t.Tags[:n], t.Heads[:n], t.Rels[:n]
	t.amb, t.xtags, t.XPOS = t.amb[:n], t.xtags[:n], t.XPOS[:n]
	for i, w := range words {
		setLex(&t.lx[i], w)
	}
	t.lx[n] = lex{form: hashRoot, lower: hashRoot, suf3: hashRoot}
	m.tg.tag(t.lx[:n], t.amb, t.Tags, t.xtags)
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

const magic = "petrel-parse 3\n"

// Write writes m in petrel's model format: a magic line, then a gzip
// stream of the tag dictionary and the three weight tables, each stored as
// its nonzero entries (index gap, value). The output depends only on m.
func (m *Model) Write(w io.Writer) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	uv(uint64(len(m.tg.xnames)))
	for _, x := range m.tg.xnames {
		uv(uint64(len(x)))
		bw.WriteString(x)
	}
	keys := make([]uint64, 0, len(m.tg.dict))
	for k := range m.tg.dict {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		bw.Write(buf[:8])
		uv(uint64(m.tg.dict[k]))
	}
	akeys := make([]uint64, 0, len(m.tg.amb))
	for k := range m.tg.amb {
		akeys = append(akeys, k)
	}
	sort.Slice(akeys, func(i, j int) bool { return akeys[i] < akeys[j] })
	uv(uint64(len(akeys)))
	for _, k := range akeys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		bw.Write(buf[:8])
		uv(uint64(m.tg.amb[k]))
	}
	for _, t := range []*table{m.tg.w, m.ps.act, m.ps.lab} {
		uv(uint64(t.bits))
		uv(uint64(t.classes))
		uv(uint64(math.Float32bits(t.scale)))
		nz := 0
		for _, v := range t.q {
			if v != 0 {
				nz++
			}
		}
		uv(uint64(nz))
		last := -1
		for i, v := range t.q {
			if v != 0 {
				uv(uint64(i - last - 1))
				// zigzag
				uv(uint64((int64(v) << 1) ^ (int64(v) >> 63)))
				last = i
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, errors.New("parse: not a petrel parser model")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	m := &Model{}
	nx := uv()
	if nx > 255 {
		return nil, errors.New("parse: model: corrupt XPOS names")
	}
	for i := uint64(0); i < nx; i++ {
		b := make([]byte, min(uv(), 64))
		io.ReadFull(br, b)
		m.tg.xnames = append(m.tg.xnames, string(b))
	}
	nd := uv()
	if nd > 1<<24 {
		return nil, errors.New("parse: model: corrupt tag dictionary")
	}
	m.tg.dict = make(map[uint64]uint16, nd)
	var b8 [8]byte
	for i := uint64(0); i < nd && rerr == nil; i++ {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			return nil, fmt.Errorf("parse: model: %w", err)
		}
		v := uv()
		if Tag(v) >= numTags || int(v>>8) >= int(nx) {
			return nil, errors.New("parse: model: corrupt tag dictionary")
		}
		m.tg.dict[binary.LittleEndian.Uint64(b8[:])] = uint16(v)
	}
	na := uv()
	if na > 1<<24 {
		return nil, errors.New("parse: model: corrupt ambiguity classes")
	}
	m.tg.amb = make(map[uint64]uint64, na)
	for i := uint64(0); i < na && rerr == nil; i++ {
		if _, err := io.ReadFull(br, b8[:8]); err != nil {
			return nil, fmt.Errorf("parse: model: %w", err)
		}
		m.tg.amb[binary.LittleEndian.Uint64(b8[:8])] = uv()
	}
	tabs := make([]*table, 3)
	for ti := range tabs {
		bits, classes := uv(), uv()
		scale := math.Float32frombits(uint32(uv()))
		if rerr != nil || bits > 26 || classes == 0 || classes > 256 {
			return nil, errors.New("parse: model: corrupt table header")
		}
		q, free := allocWeights((1 << bits) * int(classes))
		t := &table{bits: uint(bits), classes: int(classes), scale: scale, q: q}
		setFree(t, free)
		nz := uv()
		pos := -1
		for k := uint64(0); k < nz && rerr == nil; k++ {
			pos += int(uv()) + 1
			z := uv()
			if pos >= len(t.q) {
				return nil, errors.New("parse: model: corrupt table")
			}
			t.q[pos] = int16(int64(z>>1) ^ -int64(z&1))
		}
		tabs[ti] = t
	}
	if rerr != nil {
		return nil, fmt.Errorf("parse: model: %w", rerr)
	}
	if rerr != nil || nx < 2 || tabs[0].classes != int(numTags)+int(nx) || tabs[1].classes != numActs || tabs[2].classes != int(numRels) {
		return nil, errors.New("parse: model: tables do not match this version of petrel")
	}
	m.tg.w, m.ps.act, m.ps.lab = tabs[0], tabs[1], tabs[2]
	return m, nil
}
