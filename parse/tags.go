package parse

// Tag is a Universal POS tag (UPOS).
type Tag uint8

// The UPOS tags, in the order of Tag values. TagNone is the tag of a word
// the tagger has not seen (only in training data that lack tags).
const (
	TagNone Tag = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numTags
)

var tagNames = [numTags]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
	"PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the UPOS name of t ("NOUN"), or "_" for TagNone.
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "_"
}

// ParseTag returns the Tag named s, or TagNone.
func ParseTag(s string) Tag {
	for i, n := range tagNames {
		if n == s {
			return Tag(i)
		}
	}
	return TagNone
}

// Rel is a Universal Dependencies relation label, with its English EWT
// subtype where it has one (nsubj:pass).
type Rel uint8

// The relations of UD English EWT, in the order of Rel values. RelNone is
// the relation of a word without a head.
const (
	RelNone Rel = iota
	Acl
	AclRelcl
	Advcl
	AdvclRelcl
	Advmod
	Amod
	Appos
	Aux
	AuxPass
	Case
	Cc
	CcPreconj
	Ccomp
	Compound
	CompoundPrt
	Conj
	Cop
	Csubj
	CsubjOuter
	CsubjPass
	Dep
	Det
	DetPredet
	Discourse
	Dislocated
	Expl
	Fixed
	Flat
	Goeswith
	Iobj
	List
	Mark
	Nmod
	NmodDesc
	NmodPoss
	NmodUnmarked
	Nsubj
	NsubjOuter
	NsubjPass
	Nummod
	Obj
	Obl
	OblAgent
	OblUnmarked
	Orphan
	Parataxis
	Punct
	Reparandum
	Root
	Vocative
	Xcomp
	numRels
)

var relNames = [numRels]string{"_", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos",
	"aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "compound", "compound:prt", "conj", "cop",
	"csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse", "dislocated", "expl",
	"fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked",
	"nsubj", "nsubj:outer", "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:unmarked", "orphan",
	"parataxis", "punct", "reparandum", "root", "vocative", "xcomp"}

// String returns the UD name of r ("nsubj:pass"), or "_" for RelNone.
func (r Rel) String() string {
	if r < numRels {
		return relNames[r]
	}
	return "_"
}

// ParseRel returns the Rel named s. A subtype EWT does not use falls back
// to its universal relation ("obl:tmod" → obl); an unknown name is Dep.
func ParseRel(s string) Rel {
	for i, n := range relNames {
		if n == s {
			return Rel(i)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return ParseRel(s[:i])
		}
	}
	if s == "" || s == "_" {
		return RelNone
	}
	return Dep
}
