package parse

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"sort"
)

// Word clusters: classes of words that occur in similar contexts, learnt
// from unlabelled text by the exchange algorithm (Kneser and Ney 1993;
// Martin, Liermann and Ney 1998), which moves one word at a time to the
// class that most raises the likelihood of a class bigram model of the
// text. The tagger and the parser read a word's class as a feature, so a
// word the treebank never had is still known by the company it keeps in
// the unlabelled text (Koo, Carreras and Collins 2008). The classes are
// built by cmd/petrel-clusters and embedded as model/clusters.

// clusterMagic opens a cluster file.
const clusterMagic = "petrel-clusters 1\n"

//go:embed model/clusters
var embeddedClusters []byte

// clusterOf maps the lower-cased hash of a word (lex.lower) to its class
// plus one; words without a class are absent. clusterErr is set if the
// embedded file does not decode, and Load then refuses every model (the
// clusters are empty, so cmd/petrel-clusters can still rebuild them).
var clusterOf, clusterErr = readClusters(embeddedClusters)

// clusterNone is the feature value of a word without a class.
const clusterNone = 0x4cf5ad432745937f

// clusterHash returns the feature value of the class of the word whose
// lower-cased hash is lower.
func clusterHash(lower uint64) uint64 {
	if c, ok := clusterOf[lower]; ok {
		return uint64(c) + 0x2545f4914f6cdd1d
	}
	return clusterNone
}

// readClusters decodes a cluster file: the magic line, then for each word
// its lower-cased hash (8 bytes, little endian, ascending) and its class
// as a uvarint. An empty file has no clusters.
func readClusters(data []byte) (map[uint64]uint16, error) {
	if len(data) == 0 {
		return map[uint64]uint16{}, nil
	}
	if !bytes.HasPrefix(data, []byte(clusterMagic)) {
		return map[uint64]uint16{}, errors.New("parse: clusters: not a cluster file")
	}
	d := &decoder{b: data[len(clusterMagic):]}
	n := d.uv()
	if n > 1<<22 {
		return map[uint64]uint16{}, errCorrupt
	}
	m := make(map[uint64]uint16, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		k := binary.LittleEndian.Uint64(d.bytes(8))
		c := d.uv()
		if c >= 1<<15 {
			return map[uint64]uint16{}, errCorrupt
		}
		m[k] = uint16(c + 1)
	}
	if d.err != nil {
		return map[uint64]uint16{}, d.err
	}
	return m, nil
}

// ClusterOptions configures Cluster.
type ClusterOptions struct {
	Classes  int // number of classes
	MinCount int // words seen fewer times share one "rare" word
	Iters    int // passes over the vocabulary at most
	Log      func(format string, a ...any)
}

// A ClusterCounter collects the word bigrams of unlabelled text, words
// lower-cased as the parser's features are.
type ClusterCounter struct {
	ids   map[uint64]int32 // lower-cased hash → word id
	freq  []int64
	pairs map[uint64]int64 // id<<32 | id → count
}

// NewClusterCounter returns an empty counter.
func NewClusterCounter() *ClusterCounter {
	c := &ClusterCounter{ids: map[uint64]int32{}, pairs: map[uint64]int64{}}
	c.id(hashNone) // id 0: the sentence boundary
	return c
}

func (c *ClusterCounter) id(h uint64) int32 {
	if i, ok := c.ids[h]; ok {
		return i
	}
	i := int32(len(c.freq))
	c.ids[h] = i
	c.freq = append(c.freq, 0)
	return i
}

// Add counts one sentence of words.
func (c *ClusterCounter) Add(words []string) {
	prev := int32(0)
	c.freq[0]++
	for _, w := range words {
		i := c.id(fnv(w, 2, true))
		c.freq[i]++
		c.pairs[uint64(prev)<<32|uint64(i)]++
		prev = i
	}
	c.pairs[uint64(prev)<<32]++
}

// Cluster runs the exchange algorithm over the counted bigrams and writes
// the cluster file of the words seen at least opt.MinCount times to w.
// It is deterministic: words start in class rank mod Classes by
// descending frequency (ties by hash) and are visited in that order.
func (c *ClusterCounter) Cluster(w io.Writer, opt ClusterOptions) error {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// Vocabulary: frequent words in descending frequency; the rest map to
	// one rare word, the boundary stays a word of its own.
	hashes := make([]uint64, len(c.freq))
	for h, i := range c.ids {
		hashes[i] = h
	}
	var vocab []int32
	for i := int32(1); i < int32(len(c.freq)); i++ {
		if c.freq[i] >= int64(opt.MinCount) {
			vocab = append(vocab, i)
		}
	}
	sort.Slice(vocab, func(a, b int) bool {
		x, y := vocab[a], vocab[b]
		if c.freq[x] != c.freq[y] {
			return c.freq[x] > c.freq[y]
		}
		return hashes[x] < hashes[y]
	})
	// new ids: 0 boundary, 1 rare, 2.. vocabulary
	nid := make([]int32, len(c.freq))
	for i := range nid {
		nid[i] = 1
	}
	nid[0] = 0
	for k, i := range vocab {
		nid[i] = int32(k + 2)
	}
	V := len(vocab) + 2
	// adjacency lists of successors and predecessors with counts
	type edge struct {
		v int32
		n int64
	}
	agg := map[uint64]int64{}
	for p, n := range c.pairs {
		a, b := nid[p>>32], nid[p&0xffffffff]
		agg[uint64(a)<<32|uint64(b)] += n
	}
	keys := make([]uint64, 0, len(agg))
	for k := range agg {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	succ := make([][]edge, V)
	pred := make([][]edge, V)
	for _, k := range keys {
		a, b, n := int32(k>>32), int32(k&0xffffffff), agg[k]
		succ[a] = append(succ[a], edge{b, n})
		pred[b] = append(pred[b], edge{a, n})
	}
	C := opt.Classes
	cls := make([]int32, V)
	for v := range cls {
		cls[v] = int32(v % C)
	}
	N := make([]int64, C*C) // class bigram counts
	NL := make([]int64, C)  // counts as the first of a bigram
	NR := make([]int64, C)  // as the second
	cl := make([]int64, V)
	cr := make([]int64, V)
	for v := range succ {
		for _, e := range succ[v] {
			N[int(cls[v])*C+int(cls[e.v])] += e.n
			cl[v] += e.n
			cr[e.v] += e.n
		}
	}
	for v := range cls {
		NL[cls[v]] += cl[v]
		NR[cls[v]] += cr[v]
	}
	var xlogx [1 << 16]float64
	for i := 1; i < len(xlogx); i++ {
		xlogx[i] = float64(i) * math.Log(float64(i))
	}
	f := func(x int64) float64 {
		if x < int64(len(xlogx)) {
			return xlogx[x]
		}
		return float64(x) * math.Log(float64(x))
	}
	S := make([]int64, C) // w's successor counts by class (self excluded)
	P := make([]int64, C)
	var sd, pd []int32 // classes with nonzero S, P
	for it := 0; it < opt.Iters; it++ {
		moved := 0
		for v := 1; v < V; v++ { // the boundary stays in its class
			sd, pd = sd[:0], pd[:0]
			var self int64
			for _, e := range succ[v] {
				if int(e.v) == v {
					self = e.n
					continue
				}
				d := cls[e.v]
				if S[d] == 0 {
					sd = append(sd, d)
				}
				S[d] += e.n
			}
			for _, e := range pred[v] {
				if int(e.v) == v {
					continue
				}
				d := cls[e.v]
				if P[d] == 0 {
					pd = append(pd, d)
				}
				P[d] += e.n
			}
			// take v out of its class
			a := int(cls[v])
			for _, d := range sd {
				N[a*C+int(d)] -= S[d]
			}
			for _, d := range pd {
				N[int(d)*C+a] -= P[d]
			}
			N[a*C+a] -= self
			NL[a] -= cl[v]
			NR[a] -= cr[v]
			// the class that gains most from taking it
			best, bestGain := a, math.Inf(-1)
			for b := 0; b < C; b++ {
				g := 0.0
				row := N[b*C : b*C+C]
				for _, d := range sd {
					if int(d) == b {
						continue
					}
					x := row[d]
					g += f(x+S[d]) - f(x)
				}
				for _, d := range pd {
					if int(d) == b {
						continue
					}
					x := N[int(d)*C+b]
					g += f(x+P[d]) - f(x)
				}
				x := row[b]
				g += f(x+S[b]+P[b]+self) - f(x)
				g -= f(NL[b]+cl[v]) - f(NL[b])
				g -= f(NR[b]+cr[v]) - f(NR[b])
				if g > bestGain+1e-9 || (b == a && g >= bestGain-1e-9) {
					best, bestGain = b, g
				}
			}
			if best != a {
				moved++
			}
			cls[v] = int32(best)
			for _, d := range sd {
				N[best*C+int(d)] += S[d]
			}
			for _, d := range pd {
				N[int(d)*C+best] += P[d]
			}
			N[best*C+best] += self
			NL[best] += cl[v]
			NR[best] += cr[v]
			for _, d := range sd {
				S[d] = 0
			}
			for _, d := range pd {
				P[d] = 0
			}
		}
		ll := 0.0
		for _, x := range N {
			if x > 0 {
				ll += f(x)
			}
		}
		for b := 0; b < C; b++ {
			ll -= f(NL[b]) + f(NR[b])
		}
		logf("clusters: pass %d, %d of %d words moved, class bigram log-likelihood term %.6g\n", it+1, moved, V, ll)
		if moved < V/1000 {
			break
		}
	}
	// write: words of the vocabulary by hash, with their classes
	type entry struct {
		h uint64
		c int32
	}
	out := make([]entry, 0, len(vocab))
	for k, i := range vocab {
		out = append(out, entry{hashes[i], cls[k+2]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].h < out[j].h })
	buf := []byte(clusterMagic)
	buf = binary.AppendUvarint(buf, uint64(len(out)))
	for _, e := range out {
		buf = binary.LittleEndian.AppendUint64(buf, e.h)
		buf = binary.AppendUvarint(buf, uint64(e.c))
	}
	_, err := w.Write(buf)
	return err
}
