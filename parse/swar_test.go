package parse

import (
	"math/rand/v2"
	"testing"
)

// TestScoreWords checks that scoring four weights at a time gives the
// scores of the weight-by-weight loop exactly, for row lengths of the
// tagger and the labeller and a few others, extreme weights included.
func TestScoreWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, classes := range []int{4, 8, 52, 68, 100} {
		q, _ := allocWeights((1 << 10) * classes)
		for i := range q {
			switch rng.IntN(8) {
			case 0:
				q[i] = -32768
			case 1:
				q[i] = 32767
			case 2:
				q[i] = 0
			default:
				q[i] = int16(rng.IntN(65536) - 32768)
			}
		}
		tb := &table{bits: 10, classes: classes, q: q}
		u := words64(q, classes)
		if u == nil {
			t.Skip("table not readable as words on this machine")
		}
		for _, n := range []int{0, 1, 5, 45, maxWordFeats} {
			feats := make([]uint64, n)
			for i := range feats {
				feats[i] = rng.Uint64()
			}
			got := make([]int32, classes)
			scoreWords(u, feats, 64-tb.bits, classes/4, got)
			for c := range classes {
				var want int32
				for _, h := range feats {
					want += int32(q[tb.row(h)+c])
				}
				if got[c] != want {
					t.Fatalf("%d classes, %d features, class %d: %d, want %d", classes, n, c, got[c], want)
				}
			}
		}
	}
}
