package coder

import (
	"petrel"
	"petrel/text"
)

// This file exposes internal stages to the benchmarks in bench_test.go. It
// touches as little of the coder as it can (prepare, sentence and the
// compiled tries) so that the coder's semantic work does not break it.

// Stages holds the corpus prepared sentence by sentence (tokens, normalised
// forms, candidate ids, word classes), so the matching benchmarks time the
// tries alone.
type Stages struct {
	c     *Coder
	st    *state
	arts  []*petrel.Article
	sents []prepped
	// Sentences and Tokens count what was prepared.
	Sentences, Tokens int
}

// prepped is one prepared sentence: the per-token arrays of state after
// prepare, copied out.
type prepped struct {
	toks  []text.Token
	norm  []byte
	noff  []int32
	cands []int32
	coff  []int32
	cls   []uint32
}

// NewStages splits and prepares every sentence of arts.
func NewStages(c *Coder, arts []*petrel.Article) *Stages {
	s := &Stages{c: c, st: &state{}, arts: arts}
	st := s.st
	for _, a := range arts {
		st.reset(c, a, &petrel.Document{}, nil)
		st.spans = text.Sentences(st.text, st.spans[:0])
		for _, sp := range st.spans {
			st.prepare(sp)
			s.sents = append(s.sents, prepped{
				toks:  append([]text.Token(nil), st.toks...),
				norm:  append([]byte(nil), st.norm...),
				noff:  append([]int32(nil), st.noff...),
				cands: append([]int32(nil), st.cands...),
				coff:  append([]int32(nil), st.coff...),
				cls:   append([]uint32(nil), st.cls...),
			})
			s.Sentences++
			s.Tokens += len(st.toks)
		}
	}
	return s
}

// load makes sentence k the current one, without copying.
func (s *Stages) load(k int) {
	p := &s.sents[k]
	st := s.st
	st.toks, st.norm, st.noff, st.cands, st.coff, st.cls = p.toks, p.norm, p.noff, p.cands, p.coff, p.cls
}

// Prepare tokenises every sentence and computes its normalised forms,
// candidate word ids and classes (the coder's per-sentence set-up).
func (s *Stages) Prepare() int {
	st := s.st
	n := 0
	for _, a := range s.arts {
		st.reset(s.c, a, &petrel.Document{}, nil)
		st.spans = text.Sentences(st.text, st.spans[:0])
		for _, sp := range st.spans {
			st.prepare(sp)
			n += len(st.toks)
		}
	}
	return n
}

// ActorMatch looks up the longest actor and agent phrase at every token
// of every prepared sentence and returns the number of matches.
func (s *Stages) ActorMatch() int {
	n := 0
	for k := range s.sents {
		s.load(k)
		v := s.st.sentView()
		for i := range s.st.toks {
			if e, _ := s.c.c.actorT.longest(v, i); e > i {
				n++
			}
			if e, _ := s.c.c.agentT.longest(v, i); e > i {
				n++
			}
		}
	}
	return n
}

// VerbMatch looks up the longest verb phrase at every token of every
// prepared sentence and returns the number of matches.
func (s *Stages) VerbMatch() int {
	n := 0
	for k := range s.sents {
		s.load(k)
		v := s.st.sentView()
		for i := range s.st.toks {
			if e, _ := s.c.c.verbT.longest(v, i); e > i {
				n++
			}
		}
	}
	return n
}

// Sentence codes every sentence of every article on its own, as the coder's
// second pass does (prepare, discards, dates, actors, events), without the
// story-discard pass and document set-up of Code. It returns the number of
// events.
func (s *Stages) Sentence() int {
	st := s.st
	n := 0
	for _, a := range s.arts {
		doc := &petrel.Document{}
		st.reset(s.c, a, doc, nil)
		st.spans = text.Sentences(st.text, st.spans[:0])
		for i, sp := range st.spans {
			st.sentence(i, sp)
		}
		n += len(doc.Events)
	}
	return n
}

// Scratch is a coding state of a test's own, outside the coder's pool, so
// that a test decides which articles one state codes one after another.
type Scratch struct{ st state }

// CodeWith codes a with the state s, as Code does with a pooled one.
func (c *Coder) CodeWith(s *Scratch, a *petrel.Article) *petrel.Document {
	doc := &petrel.Document{Article: *a}
	s.st.reset(c, a, doc, nil)
	s.st.run()
	s.st.doc, s.st.art = nil, nil
	return doc
}
