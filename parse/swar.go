package parse

import "unsafe"

// Scoring four weights at a time. A row of int16 weights is read as
// uint64 words of four weights each; each weight is biased by 32768 (its
// sign bit flipped) so that it is a 16-bit unsigned number, and the two
// even and the two odd weights of a word are added, each in its own 32-bit
// lane, to two uint64 sums. A lane cannot overflow into the next (a row
// sum of up to 65,536 features of at most 65,535 each fits in 32 bits), so
// each lane, less 32768 for every feature, is the exact sum of one class's
// weights: the scores are those of the weight-by-weight loop, bit for bit,
// at about half the instructions, with the sums of four words in registers.

// littleEndian reports whether the machine stores the low byte of a word
// first, which the lane order below assumes.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// maxWordFeats bounds the features scoreWords takes; no template set of
// the tagger or labeller has more.
const maxWordFeats = 64

// words64 returns q as uint64 words, or nil where scoreWords cannot read
// it so: rows not a whole number of words, a table not aligned to 8
// bytes, or a big-endian machine.
func words64(q []int16, classes int) []uint64 {
	if !littleEndian || classes%4 != 0 || len(q) == 0 || len(q)%4 != 0 ||
		uintptr(unsafe.Pointer(unsafe.SliceData(q)))%8 != 0 {
		return nil
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(q))), len(q)/4)
}

// scoreWords adds the rows of feats, read as words from u (words64 of the
// table, whose rows are nw words long and start at h>>shift), to out, len
// 4·nw. len(feats) must not exceed maxWordFeats.
func scoreWords(u []uint64, feats []uint64, shift uint, nw int, out []int32) {
	const (
		flip = 0x8000800080008000 // the sign bit of each of four weights
		lane = 0x0000ffff0000ffff // the even weights of a word, in 32-bit lanes
	)
	var offs [maxWordFeats]int
	of := offs[:len(feats)]
	for i, h := range feats {
		o := int(h>>shift) * nw
		of[i] = o
		_ = u[o+nw-1] // the row lies within the table
	}
	bias := uint32(len(feats)) * 32768
	out = out[:nw*4]
	w := 0
	for ; w+4 <= nw; w += 4 {
		var e0, o0, e1, o1, e2, o2, e3, o3 uint64
		for _, o := range of {
			r := (*[4]uint64)(u[o+w : o+w+4])
			x0, x1, x2, x3 := r[0]^flip, r[1]^flip, r[2]^flip, r[3]^flip
			e0 += x0 & lane
			o0 += x0 >> 16 & lane
			e1 += x1 & lane
			o1 += x1 >> 16 & lane
			e2 += x2 & lane
			o2 += x2 >> 16 & lane
			e3 += x3 & lane
			o3 += x3 >> 16 & lane
		}
		c := (*[16]int32)(out[w*4:])
		c[0], c[1], c[2], c[3] = int32(uint32(e0)-bias), int32(uint32(o0)-bias), int32(uint32(e0>>32)-bias), int32(uint32(o0>>32)-bias)
		c[4], c[5], c[6], c[7] = int32(uint32(e1)-bias), int32(uint32(o1)-bias), int32(uint32(e1>>32)-bias), int32(uint32(o1>>32)-bias)
		c[8], c[9], c[10], c[11] = int32(uint32(e2)-bias), int32(uint32(o2)-bias), int32(uint32(e2>>32)-bias), int32(uint32(o2>>32)-bias)
		c[12], c[13], c[14], c[15] = int32(uint32(e3)-bias), int32(uint32(o3)-bias), int32(uint32(e3>>32)-bias), int32(uint32(o3>>32)-bias)
	}
	for ; w < nw; w++ {
		var e, od uint64
		for _, o := range of {
			x := u[o+w] ^ flip
			e += x & lane
			od += x >> 16 & lane
		}
		c := (*[4]int32)(out[w*4:])
		c[0], c[1], c[2], c[3] = int32(uint32(e)-bias), int32(uint32(od)-bias), int32(uint32(e>>32)-bias), int32(uint32(od>>32)-bias)
	}
}
