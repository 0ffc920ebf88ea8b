package parse

import "math"

// mix is a 64-bit finaliser (splitmix64): every input bit affects every
// output bit, so feature hashes built from small integers spread evenly
// over a table indexed by their high bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Feature hashes. The template number t keeps equal values of different
// templates apart; each extra value is folded in with a multiply so the
// order of values matters.
func f1(t uint64, a uint64) uint64       { return mix(t<<56 ^ a) }
func f2(t uint64, a, b uint64) uint64    { return mix(t<<56 ^ a ^ mix(b+0x9e3779b97f4a7c15)) }
func f3(t uint64, a, b, c uint64) uint64 { return f2(t, a^m3(c), b) }

// m3 is the mix of a third value, which f3 folds into the first: the
// parser's hot feature functions write f2(t, a^m3(c), b) for f3(t, a, b,
// c), the same hash, because f3 is too big for the compiler to inline, and
// inlined, the mixes of values shared by several templates (b0's tag,
// s0's) are computed once per state instead of once per template.
func m3(c uint64) uint64 { return mix(c+0x632be59bd9b4e019) * 3 }

// A table holds hashed perceptron weights: row h>>shift holds one weight
// per class. Training keeps float weights with lazily averaged totals;
// Quantise turns the averages into int16 weights for scoring.
type table struct {
	bits    uint // log2 of the number of rows
	classes int  // weights per row
	q       []int16
	scale   float32 // q = round(w * scale)

	// training state
	w     []float32
	tot   []float64
	stamp []int32 // per row: the step at which tot was last brought up to date
}

// newTable returns a training table of 2^bits rows of n classes.
func newTable(bits uint, n int) *table {
	size := (1 << bits) * n
	return &table{bits: bits, classes: n, w: make([]float32, size), tot: make([]float64, size), stamp: make([]int32, 1<<bits)}
}

// row returns the first index of the row of feature hash h.
func (t *table) row(h uint64) int { return int(h>>(64-t.bits)) * t.classes }

// scoreTrain adds the float weights of feats to out (len classes).
func (t *table) scoreTrain(feats []uint64, out []float32) {
	clear(out)
	n := t.classes
	for _, h := range feats {
		r := t.w[t.row(h):][:n]
		for c, v := range r {
			out[c] += v
		}
	}
}

// update adds d to the weight of class c in the rows of feats, at training
// step now. Totals are brought up to date row by row, only when a row
// changes, which keeps averaging O(updates).
func (t *table) update(feats []uint64, c int, d float32, now int32) {
	n := t.classes
	for _, h := range feats {
		base := t.row(h)
		ri := base / n
		if s := t.stamp[ri]; s != now {
			dt := float64(now - s)
			w := t.w[base:][:n]
			tot := t.tot[base:][:n]
			for i, v := range w {
				if v != 0 {
					tot[i] += dt * float64(v)
				}
			}
			t.stamp[ri] = now
		}
		t.w[base+c] += d
	}
}

// quantise replaces the training weights by their averages over now steps,
// stored as int16 scaled so that the largest average maps to 32000, and
// frees the training state. Averages below half a quantum become zero.
func (t *table) quantise(now int32) {
	t.q, t.scale = t.averaged(now)
	t.w, t.tot, t.stamp = nil, nil, nil
}

// averaged returns the int16 weights quantise would keep, leaving the
// training state as it is (to score a development set between passes).
func (t *table) averaged(now int32) ([]int16, float32) {
	n := t.classes
	var maxAbs float64
	avg := make([]float32, len(t.w))
	for ri := 0; ri < len(t.stamp); ri++ {
		dt := float64(now - t.stamp[ri])
		for i := ri * n; i < (ri+1)*n; i++ {
			a := (t.tot[i] + dt*float64(t.w[i])) / float64(now)
			avg[i] = float32(a)
			maxAbs = max(maxAbs, math.Abs(a))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(32000 / maxAbs)
	}
	q := make([]int16, len(avg))
	for i, a := range avg {
		q[i] = int16(math.Round(float64(a * scale)))
	}
	return q, scale
}

// score adds the quantised weights of feats to out (len classes). It is
// the hot loop of tagging and parsing: one contiguous row per feature.
func (t *table) score(feats []uint64, out []int32) {
	n := t.classes
	shift := 64 - t.bits
	q := t.q
	touchRows(q, feats, shift, n)
	if u := words64(q, n); u != nil && len(feats) <= maxWordFeats {
		scoreWords(u, feats, shift, n/4, out)
		return
	}
	clear(out)
	for _, h := range feats {
		r := q[int(h>>shift)*n:][:n]
		for c, v := range r {
			out[c] += int32(v)
		}
	}
}

// touchRows reads one weight in every 64 bytes of the rows of feats
// before they are summed. The reads do not depend on each other, so the
// processor fetches all the rows from memory at once; summing a row of 51
// or 67 weights straight away instead keeps it too busy to look more than
// a row or two ahead, and each row's fetch waits for the last.
func touchRows(q []int16, feats []uint64, shift uint, n int) {
	var x int16
	for _, h := range feats {
		r := q[int(h>>shift)*n:][:n]
		for i := 0; i < n; i += 32 {
			x |= r[i]
		}
		x |= r[n-1]
	}
	touchSink = x
}

// touchSink keeps the reads of touchRows from being optimised away.
var touchSink int16

// The scorers below are score specialised to each table's class count:
// with the row length a constant, the compiler drops bounds checks and
// keeps the sums in registers, which matters because scoring is most of
// the time spent tagging and parsing.

// scoreActs scores the three transitions.
func (t *table) scoreActs(feats []uint64, out *[numActs]int32) {
	shift := 64 - t.bits
	q := t.q
	var a, b, c int32
	for _, h := range feats {
		r := (*[numActs]int16)(q[int(h>>shift)*numActs:])
		a += int32(r[0])
		b += int32(r[1])
		c += int32(r[2])
	}
	out[0], out[1], out[2] = a, b, c
}

// scoreRels scores the relations.
func (t *table) scoreRels(feats []uint64, out *[numRels]int32) {
	shift := 64 - t.bits
	q := t.q
	touchRows(q, feats, shift, int(numRels))
	if u := words64(q, int(numRels)); u != nil && len(feats) <= maxWordFeats {
		scoreWords(u, feats, shift, int(numRels)/4, out[:])
		return
	}
	*out = [numRels]int32{}
	for _, h := range feats {
		r := (*[numRels]int16)(q[int(h>>shift)*int(numRels):])
		for c := range r {
			out[c] += int32(r[c])
		}
	}
}

// sumTables returns the table whose weights are the sum of the quantised
// tables ts (all of one shape), quantised again: a linear model that
// scores as the ensemble of ts does.
func sumTables(ts []*table) *table {
	t0 := ts[0]
	sum := make([]float32, len(t0.q))
	for _, t := range ts {
		for i, v := range t.q {
			sum[i] += float32(v) / t.scale
		}
	}
	var maxAbs float32
	for _, v := range sum {
		maxAbs = max(maxAbs, v, -v)
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	q := make([]int16, len(sum))
	for i, v := range sum {
		q[i] = int16(math.Round(float64(v * scale)))
	}
	return &table{bits: t0.bits, classes: t0.classes, q: q, scale: scale}
}
