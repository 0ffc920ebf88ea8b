package parse

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the root at the end of the buffer (Ballesteros and Nivre
// 2013), so a sentence gets exactly one root word: the last word left on
// the stack.
//
//	SHIFT  move the front of the buffer b0 onto the stack
//	LEFT   make b0 the head of the stack top s0 and pop s0
//	RIGHT  make s1 (under the top) the head of s0 and pop s0
//
// Words are numbered 0..n-1 and the root is n.
const (
	shift = iota
	left
	right
	numActs
)

const (
	actBits    = 21
	labBits    = 18
	actFeats   = 102
	labFeats   = 37
	noWord     = -1
	maxDist    = 6
	valencyCap = 7
)

// state is a parser configuration, with per-word child summaries kept up
// to date as arcs are added, so features read them in O(1).
type state struct {
	n     int
	stack []int32
	b     int32
	head  []int32
	rel   []Rel
	lc1   []int32  // leftmost child, or -1
	lc2   []int32  // second leftmost child
	rc1   []int32  // rightmost child
	rc2   []int32  // second rightmost child
	nl    []uint8  // number of left children
	nr    []uint8  // number of right children
	lset  []uint64 // bit set of left children's relations
	rset  []uint64
	lx    []lex // n+1: the root's is hashRoot
	tags  []Tag // n: the UPOS tags
	tagh  []uint64
	uh    []uint64 // UPOS-only tag hashes
	comma []int32  // comma[i]: commas among words 0..i-1
}

// reset prepares s for a sentence of n words with lexical features lx
// (len n+1, the last for the root) and UPOS and XPOS tags.
func (s *state) reset(lx []lex, tags []Tag, xtags []uint8) {
	n := len(lx) - 1
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	s.lx = lx
	s.tags = tags
	grow := func(a []int32) []int32 {
		if cap(a) < n+1 {
			return make([]int32, n+1)
		}
		return a[:n+1]
	}
	s.head, s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.head), grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	if cap(s.rel) < n+1 {
		s.rel = make([]Rel, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
		s.lset = make([]uint64, n+1)
		s.rset = make([]uint64, n+1)
		s.tagh = make([]uint64, n+1)
		s.uh = make([]uint64, n+1)
		s.comma = make([]int32, n+2)
	}
	s.uh, s.comma = s.uh[:n+1], s.comma[:n+2]
	s.comma[0] = 0
	s.rel, s.nl, s.nr, s.lset, s.rset, s.tagh = s.rel[:n+1], s.nl[:n+1], s.nr[:n+1], s.lset[:n+1], s.rset[:n+1], s.tagh[:n+1]
	for i := 0; i <= n; i++ {
		s.head[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1, -1
		s.rel[i], s.nl[i], s.nr[i], s.lset[i], s.rset[i] = RelNone, 0, 0, 0, 0
		if i < n {
			s.tagh[i] = tagHash(tags[i]) ^ uint64(xtags[i])<<40
			s.uh[i] = tagHash(tags[i])
			c := s.comma[i]
			if lx[i].form == commaHash {
				c++
			}
			s.comma[i+1] = c
		} else {
			s.tagh[i] = hashRoot
			s.uh[i] = hashRoot
			s.comma[i+1] = s.comma[i]
		}
	}
}

func (s *state) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// valid reports which actions are possible.
func (s *state) valid() (ok [numActs]bool) {
	k := len(s.stack)
	ok[shift] = int(s.b) < s.n
	ok[left] = k >= 1 && (int(s.b) < s.n || k == 1)
	ok[right] = k >= 2
	return ok
}

// forced reports whether ok allows exactly one action.
func (s *state) forced(ok [numActs]bool) bool {
	n := 0
	for _, v := range ok {
		if v {
			n++
		}
	}
	return n == 1
}

// apply performs action a, labelling a new arc r.
func (s *state) apply(a int, r Rel) {
	k := len(s.stack)
	switch a {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		s.addArc(s.b, s.stack[k-1], r)
		s.stack = s.stack[:k-1]
	case right:
		s.addArc(s.stack[k-2], s.stack[k-1], r)
		s.stack = s.stack[:k-1]
	}
}

// arc returns the head and dependent the arc action a would make.
func (s *state) arc(a int) (h, d int32) {
	k := len(s.stack)
	if a == left {
		return s.b, s.stack[k-1]
	}
	return s.stack[k-2], s.stack[k-1]
}

func (s *state) addArc(h, d int32, r Rel) {
	s.head[d] = h
	s.rel[d] = r
	if d < h {
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= 1 << r
	} else {
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h] |= 1 << r
	}
}

// Accessors that give the "none" value for an absent word (-1).
func (s *state) w(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	if int(i) == s.n {
		return hashRoot
	}
	return s.lx[i].lower
}

func (s *state) p(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return s.tagh[i]
}

func (s *state) u(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return s.uh[i]
}

// commaHash is the form hash of ",".
var commaHash = fnv(",", 1, false)

func (s *state) l(i int32) uint64 {
	if i < 0 {
		return 0xfe
	}
	return uint64(s.rel[i])
}

func (s *state) c(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return s.lx[i].clus
}

func (s *state) wn(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return s.lx[i].wn
}

// Semantic classes from the lexicon (SemNounMask ...): the noun file of
// word i, its noun and verb files, and its verb file with its frame groups.
func (s *state) ncls(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return uint64(s.lx[i].sem & SemNounMask)
}

func (s *state) cls(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return uint64(s.lx[i].sem & (SemNounMask | SemVerbMask))
}

func (s *state) frm(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return uint64(s.lx[i].sem & (SemVerbMask | SemFrames))
}

func (s *state) suf(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	if int(i) == s.n {
		return hashRoot
	}
	return s.lx[i].suf3
}

func child(a []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return a[i]
}

// features writes the transition features of the current state to f.
// The templates follow Zhang and Nivre (2011), adapted to arc-hybrid, where
// s1 and b0 are the two candidate heads of s0.
func (s *state) features(f *[actFeats]uint64) {
	k := len(s.stack)
	S0, S1, S2 := int32(-1), int32(-1), int32(-1)
	if k > 0 {
		S0 = s.stack[k-1]
	}
	if k > 1 {
		S1 = s.stack[k-2]
	}
	if k > 2 {
		S2 = s.stack[k-3]
	}
	B0, B1, B2 := s.b, s.b+1, s.b+2
	if int(B1) > s.n {
		B1 = -1
	}
	if int(B2) > s.n {
		B2 = -1
	}
	S0L, S0L2, S0R, S0R2 := child(s.lc1, S0), child(s.lc2, S0), child(s.rc1, S0), child(s.rc2, S0)
	S1L, S1R := child(s.lc1, S1), child(s.rc1, S1)
	B0L, B0L2 := s.lc1[B0], s.lc2[B0]

	s0w, s0p, s1w, s1p, s2p := s.w(S0), s.p(S0), s.w(S1), s.p(S1), s.p(S2)
	b0w, b0p, b1w, b1p, b2p := s.w(B0), s.p(B0), s.w(B1), s.p(B1), s.p(B2)
	s0wp := s0w ^ mix(s0p)
	s1wp := s1w ^ mix(s1p)
	b0wp := b0w ^ mix(b0p)
	b1wp := b1w ^ mix(b1p)

	d := uint64(99)
	if S0 >= 0 {
		d = uint64(min(int(B0-S0), maxDist))
		if int(B0) == s.n {
			d = 50
		}
	}
	var s0vl, s0vr, b0vl uint64 = 0xff, 0xff, uint64(min(s.nl[B0], valencyCap))
	var s0ls, s0rs, s1rs uint64
	if S0 >= 0 {
		s0vl, s0vr = uint64(min(s.nl[S0], valencyCap)), uint64(min(s.nr[S0], valencyCap))
		s0ls, s0rs = s.lset[S0], s.rset[S0]
	}
	if S1 >= 0 {
		s1rs = s.rset[S1]
	}
	b0ls := s.lset[B0]

	// single words
	f[0] = f1(1, s0w)
	f[1] = f1(2, s0p)
	f[2] = f1(3, s0wp)
	f[3] = f1(4, s1w)
	f[4] = f1(5, s1p)
	f[5] = f1(6, s1wp)
	f[6] = f1(7, b0w)
	f[7] = f1(8, b0p)
	f[8] = f1(9, b0wp)
	f[9] = f1(10, b1w)
	f[10] = f1(11, b1p)
	f[11] = f1(12, b1wp)
	f[12] = f1(14, b2p)
	f[13] = f1(16, s2p)
	// pairs
	f[14] = f2(17, s0wp, b0wp)
	f[15] = f2(18, s0wp, b0w)
	f[16] = f2(19, s0w, b0wp)
	f[17] = f2(20, s0wp, b0p)
	f[18] = f2(21, s0p, b0wp)
	f[19] = f2(22, s0w, b0w)
	f[20] = f2(23, s0p, b0p)
	f[21] = f2(24, b0p, b1p)
	f[22] = f2(25, s1p, s0p)
	f[23] = f2(26, s1w, s0w)
	f[24] = f2(27, s1wp, s0p)
	f[25] = f2(28, s1p, s0wp)
	f[26] = f2(30, s1p, b0p)
	f[27] = f2(31, s1w, b0w)
	f[28] = f2(32, s1wp, b0p)
	f[29] = f2(33, s1p, b0wp)
	// triples of tags; f2(t, a^m3(c), b) is f3(t, a, b, c), written so
	// that it inlines (weights.go)
	f[30] = f2(34, b0p^m3(b2p), b1p)
	f[31] = f2(35, s0p^m3(b1p), b0p)
	f[32] = f2(36, s1p^m3(b0p), s0p)
	f[33] = f2(37, s0p^m3(b0p), s.p(S0L))
	f[34] = f2(38, s0p^m3(b0p), s.p(S0R))
	f[35] = f2(39, s0p^m3(s.p(B0L)), b0p)
	f[36] = f2(40, s1p^m3(s.p(S0L)), s0p)
	f[37] = f2(41, s1p^m3(s.p(S0R)), s0p)
	f[38] = f2(42, s1p^m3(s0p), s.p(S1R))
	f[39] = f2(43, s2p^m3(s0p), s1p)
	f[40] = f2(44, s1p^m3(s0p), s.p(S1L))
	f[41] = f2(45, s1p^m3(b0p), s0w)
	f[42] = f2(46, s0p^m3(b1p), b0w)
	// distance
	f[43] = f2(47, s0w, d)
	f[44] = f2(48, s0p, d)
	f[45] = f2(49, b0w, d)
	f[46] = f2(50, b0p, d)
	f[47] = f2(52, s0p^m3(d), b0p)
	// valency
	f[48] = f2(53, s0w, s0vr)
	f[49] = f2(54, s0p, s0vr)
	f[50] = f2(56, s0p, s0vl)
	f[51] = f2(58, b0p, b0vl)
	// children
	f[52] = f1(59, s.w(S0L))
	f[53] = f2(60, s.p(S0L), s.l(S0L))
	f[54] = f1(61, s.w(S0R))
	f[55] = f2(62, s.p(S0R), s.l(S0R))
	f[56] = f1(63, s.w(B0L))
	f[57] = f2(64, s.p(B0L), s.l(B0L))
	f[58] = f2(66, s.p(S1L), s.l(S1L))
	// second-order children and label sets
	f[59] = f2(67, s.p(S0L2), s.l(S0L2))
	f[60] = f2(68, s.p(S0R2), s.l(S0R2))
	f[61] = f2(69, s.p(B0L2), s.l(B0L2))
	f[62] = f2(70, s0p^m3(s.l(S0L2)), s.l(S0L))
	f[63] = f2(71, s0p^m3(s.l(S0R2)), s.l(S0R))
	f[64] = f2(72, b0p^m3(s.l(B0L2)), s.l(B0L))
	f[65] = f2(73, s0p, s0ls)
	f[66] = f2(74, s0p, s0rs)
	f[67] = f2(75, b0p, b0ls)
	f[68] = f2(76, s1p, s1rs)
	// suffixes help where the tag is too coarse (VBN/VBD share VERB)
	f[69] = f2(78, s.suf(S0), b0p)
	f[70] = f2(79, s0p, s.suf(B0))
	f[71] = f1(0, 0)
	// coarse (UPOS) tags generalise where the (UPOS, XPOS) pairs are sparse
	s0u, s1u, b0u, b1u := s.u(S0), s.u(S1), s.u(B0), s.u(B1)
	f[72] = f2(80, s0u, b0u)
	f[73] = f2(81, s1u^m3(b0u), s0u)
	f[74] = f2(82, s0u^m3(b1u), b0u)
	f[75] = f2(83, b0u^m3(s.u(B2)), b1u)
	f[76] = f2(84, s1u, b0u)
	// commas between s0 and b0, and between s1 and s0: clause edges
	c0, c1 := uint64(9), uint64(9)
	if S0 >= 0 {
		c0 = uint64(min(s.comma[B0]-s.comma[S0+1], 3))
	}
	if S1 >= 0 {
		c1 = uint64(min(s.comma[S0]-s.comma[S1+1], 3))
	}
	f[77] = f2(85, s0u^m3(c0), b0u)
	f[78] = f2(86, s1u^m3(c1), s0u)
	f[79] = f2(87, c0^m3(s0u), c1)
	// UD hangs a case marker, conjunction or copula from the word it
	// marks, so the word that decides an attachment ("with" of "with a
	// fork", "and" of "and B") is a leftmost child: pair it with the
	// candidate heads (prepositional attachment, coordination)
	b0lw, s0lw := s.w(B0L), s.w(S0L)
	f[80] = f2(88, s0w, b0lw)
	f[81] = f2(89, s1w, b0lw)
	f[82] = f2(90, s0p^m3(b0w), b0lw)
	f[83] = f2(91, s1p^m3(b0lw), s0p)
	f[84] = f2(92, s0lw^m3(s0p), s1w)
	f[85] = f2(93, s0lw^m3(s0p), b0w)
	f[86] = f2(94, s0lw^m3(s1p), s0w)
	f[87] = f2(95, s1p^m3(b0p), s0lw)
	// word clusters from unlabelled text
	s0c, s1c, b0c, b1c := s.c(S0), s.c(S1), s.c(B0), s.c(B1)
	f[88] = f1(96, s0c)
	f[89] = f1(97, s1c)
	f[90] = f1(98, b0c)
	f[91] = f1(99, b1c)
	f[92] = f2(100, s0c, b0c)
	f[93] = f2(101, s1c, s0c)
	f[94] = f2(102, s1c, b0c)
	f[95] = f2(103, s0c^m3(s0p), b0p)
	f[96] = f2(104, s0p^m3(b0p), b0c)
	// the lexicon's classes (lexicon.go) of s0 and b0 with the other's tag
	f[97] = f2(105, s.wn(S0)^m3(b0p), s0p)
	f[98] = f2(106, s0p^m3(b0p), s.wn(B0))
	// semantic classes (WordNet's files and verb frames): which of s0 and
	// s1 takes b0 with the word that marks it ("with a fork"), and whether
	// s0's frames take what b0 is
	b0nc := s.ncls(B0)
	f[99] = f2(107, s.cls(S0)^m3(b0nc), b0lw)
	f[100] = f2(108, s.cls(S1)^m3(b0nc), b0lw)
	f[101] = f2(109, s.frm(S0)^m3(b0lw), b0p)
}

// labelFeatures writes the features for labelling the arc h → d.
// Its triples are written f2(t, a^m3(c), b) for f3(t, a, b, c), as in
// features.
func (s *state) labelFeatures(h, d int32, f *[labFeats]uint64) {
	hw, hp, dw, dp := s.w(h), s.p(h), s.w(d), s.p(d)
	dir := uint64(0)
	if d > h {
		dir = 1
	}
	dist := uint64(min(abs32(h-d), maxDist))
	if int(h) == s.n {
		dist = 50
	}
	dL, dR := s.lc1[d], s.rc1[d]
	hL, hR := s.lc1[h], s.rc1[h]
	prev, next := d-1, d+1
	if int(next) >= s.n {
		next = -1
	}
	f[0] = f1(0, 0)
	f[1] = f2(1, dw, dir)
	f[2] = f2(2, dp, dir)
	f[3] = f2(3, hw, dir)
	f[4] = f2(4, hp, dir)
	f[5] = f2(5, hp^m3(dir), dp)
	f[6] = f2(6, hw^m3(dir), dp)
	f[7] = f2(7, hp^m3(dir), dw)
	f[8] = f2(8, hw^m3(dir), dw)
	f[9] = f2(9, hp^m3(dist), dp)
	f[10] = f2(10, s.suf(d), dp)
	f[11] = f2(11, s.suf(h)^m3(dir), hp)
	f[12] = f2(12, dp^m3(s.l(dL)), s.w(dL))
	f[13] = f2(13, dp, s.w(dL))
	f[14] = f2(14, hp^m3(s.w(dL)), dp)
	f[15] = f2(15, dp, s.lset[d])
	f[16] = f2(16, dp, s.rset[d])
	f[17] = f2(17, dp^m3(s.l(dR)), s.w(dR))
	f[18] = f2(18, dp^m3(dir), s.p(dR))
	f[19] = f2(20, hp^m3(dir), s.lset[h])
	f[20] = f2(21, hp^m3(dir), s.rset[h])
	f[21] = f2(22, hp^m3(dir), s.l(hL))
	f[22] = f2(23, hp^m3(dir), s.l(hR))
	f[23] = f2(24, dp^m3(dir), s.p(prev))
	f[24] = f2(25, dp^m3(dir), s.p(next))
	f[25] = f2(29, hp^m3(dir), s.w(hL))
	f[26] = f2(31, s.lx[min(int(d), s.n)].form, dir)
	f[27] = f2(34, s.suf(d)^m3(dir), hp)
	f[28] = f2(35, dp^m3(dir), s.w(next))
	f[29] = f2(36, s.c(h)^m3(dir), s.c(d))
	f[30] = f2(37, s.c(d)^m3(dir), hp)
	// the lexicon's classes of the two words (an adjective under a noun
	// is amod, a noun compound)
	f[31] = f2(38, s.wn(d)^m3(dir), dp)
	f[32] = f2(39, s.wn(d)^m3(dir), s.wn(h))
	// semantic classes: the head's verb frames against what the dependent
	// is and its marker ("to", "that"), the dependent's noun file (a time
	// is obl:tmod, a person nmod:poss)
	f[33] = f2(40, s.frm(h)^m3(dir), dp)
	f[34] = f2(41, s.ncls(d)^m3(dir), hp)
	f[35] = f2(42, s.frm(h)^m3(dp), s.w(dL))
	f[36] = f2(43, s.cls(d)^m3(dir), s.cls(h))
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// parser holds the transition and label weights.
type parser struct {
	act *table
	lab *table
}

// parse fills s.head and s.rel for the sentence s was reset to.
func (p *parser) parse(s *state) {
	var f [actFeats]uint64
	var lf [labFeats]uint64
	var sc [numActs]int32
	var lsc [numRels]int32
	for !s.terminal() {
		ok := s.valid()
		best := -1
		if s.forced(ok) {
			// One action is possible (the first shift, and the reductions
			// once the buffer holds only the root): no need to score it.
			for a := 0; a < numActs; a++ {
				if ok[a] {
					best = a
				}
			}
		} else {
			s.features(&f)
			p.act.scoreActs(f[:], &sc)
			for a := 0; a < numActs; a++ {
				if ok[a] && (best < 0 || sc[a] > sc[best]) {
					best = a
				}
			}
		}
		r := Root
		if best != shift {
			// Punctuation under a word is always punct in UD (in EWT without
			// exception), so the labeller is not asked.
			if h, d := s.arc(best); int(h) == s.n {
				r = Root
			} else if s.tags[d] == PUNCT {
				r = Punct
			} else {
				s.labelFeatures(h, d, &lf)
				p.lab.scoreRels(lf[:], &lsc)
				r = bestLabel(&lsc)
			}
		}
		s.apply(best, r)
	}
}

// bestLabel returns the highest-scoring relation other than RelNone and
// Root (the root's relation is given by the transition).
func bestLabel(sc *[numRels]int32) Rel {
	best := Acl
	for r := Acl + 1; r < numRels; r++ {
		if r != Root && sc[r] > sc[best] {
			best = r
		}
	}
	return best
}
