package parse

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"sync"

	_ "embed"
)

// The word-class lexicon: for each word WordNet 3.0 lists, and each regular
// or listed inflection of it, the classes it can have (noun, name, verb,
// adjective, adverb, plural, verb in -s, -ed, -ing, comparative). The
// tagger reads them as features, so a word the treebank never had is still
// known as a plural noun or an adjective. Built by cmd/petrel-lexicon and
// embedded as model/wordnet.

// Bits of a word's lexicon classes.
const (
	LexNoun    uint32 = 1 << iota // a common noun (WordNet writes it in lower case)
	LexName                       // a noun WordNet capitalises (a name)
	LexVerb                       // a verb
	LexAdj                        // an adjective
	LexAdv                        // an adverb
	LexPlural                     // a noun's plural
	LexVerbS                      // a verb's third person singular
	LexVerbEd                     // a verb's past or past participle
	LexVerbIng                    // a verb's -ing form
	LexAdjEr                      // an adjective's comparative or superlative
)

// A word's semantic classes (Lexicon.AddSem, the parser's features): the
// lexicographer file of its commonest noun sense (noun.person, noun.time,
// noun.location ...; SemNounMask), of its commonest verb sense
// (verb.communication, verb.motion ...; SemVerbMask), and the groups of
// WordNet's generic sentence frames its commonest verb senses take (what
// its complements may be: an object, a to-infinitive, a that-clause ...).
const (
	SemNounMask uint32 = 0x1f        // noun lexicographer file number (3–28), 0 for none
	SemVerbMask uint32 = 0x1f << 5   // verb lexicographer file number less 28 (1–15), 0 for none
	SemFrames   uint32 = 0x3ff << 10 // frame groups, SemIntrans ... SemIng
)

// Frame groups of WordNet's 35 generic verb frames.
const (
	SemIntrans uint32 = 1 << (10 + iota) // Somebody ----s; Something ----s
	SemTrans                             // Somebody ----s something/somebody
	SemDitrans                           // Somebody ----s somebody something
	SemObjPP                             // Somebody ----s something to/from/with/on somebody
	SemPP                                // Somebody ----s PP, on something, to somebody
	SemPred                              // Somebody ----s Adjective, something Adjective/Noun
	SemObjInf                            // Somebody ----s somebody (to) INFINITIVE, into V-ing
	SemThat                              // Somebody ----s that CLAUSE; It ----s that CLAUSE
	SemInf                               // Somebody ----s (to) INFINITIVE, whether INFINITIVE
	SemIng                               // Somebody ----s VERB-ing
)

// lexiconMagic opens a lexicon file.
const lexiconMagic = "petrel-lexicon 2\n"

//go:embed model/wordnet
var embeddedLexicon []byte

// lexRecord is the size of one record of a lexicon file: the lower-cased
// hash of the word (8 bytes, little endian, ascending), its class bits (2)
// and its semantic classes (4).
const lexRecord = 14

var (
	lexOnce  sync.Once
	lexKeys  []uint64
	lexBits  []uint16
	lexSem   []uint32
	lexStart []uint32 // lexStart[k]: first record whose key's top 16 bits are ≥ k; len 1<<16+1
)

func loadLexicon() {
	data := embeddedLexicon
	if !bytes.HasPrefix(data, []byte(lexiconMagic)) {
		lexStart = make([]uint32, 1<<16+1)
		return
	}
	data = data[len(lexiconMagic):]
	n := len(data) / lexRecord
	lexKeys, lexBits, lexSem = make([]uint64, n), make([]uint16, n), make([]uint32, n)
	for i := range n {
		r := data[i*lexRecord:]
		lexKeys[i] = binary.LittleEndian.Uint64(r)
		lexBits[i] = binary.LittleEndian.Uint16(r[8:])
		lexSem[i] = binary.LittleEndian.Uint32(r[10:])
	}
	lexStart = make([]uint32, 1<<16+1)
	j := 0
	for k := 0; k <= 1<<16; k++ {
		for j < n && int(lexKeys[j]>>48) < k {
			j++
		}
		lexStart[k] = uint32(j)
	}
}

// lexiconBits returns the lexicon classes of the word whose lower-cased
// hash is lower, or 0.
func lexiconBits(lower uint64) uint32 {
	b, _ := lexiconEntry(lower)
	return b
}

// lexiconEntry returns the lexicon classes and the semantic classes of the
// word whose lower-cased hash is lower, or zeros.
func lexiconEntry(lower uint64) (bits, sem uint32) {
	lexOnce.Do(loadLexicon)
	k := lower >> 48
	for i := lexStart[k]; i < lexStart[k+1]; i++ {
		if lexKeys[i] == lower {
			return uint32(lexBits[i]), lexSem[i]
		}
	}
	return 0, 0
}

// lexiconHash returns the feature value of the lexicon classes of form,
// whose lower-cased hash is lower: its own classes, and those of its last
// part after a hyphen ("re-wording", "anti-smoker"); and its semantic
// classes (its last part's where it has none of its own).
func lexiconHash(form string, lower uint64) (wn uint64, sem uint32) {
	b, sem := lexiconEntry(lower)
	if i := strings.LastIndexByte(form, '-'); i > 0 && i < len(form)-1 {
		b2, sem2 := lexiconEntry(fnv(form[i+1:], 2, true))
		b |= b2 << 16
		if sem == 0 {
			sem = sem2
		}
	}
	return uint64(b) + 0x3c6ef372fe94f82b, sem
}

// A Lexicon collects words and their classes for a lexicon file
// (cmd/petrel-lexicon).
type Lexicon struct {
	bits map[uint64]uint32
	sem  map[uint64]uint32
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon { return &Lexicon{bits: map[uint64]uint32{}, sem: map[uint64]uint32{}} }

// Add gives word (lower-cased as the tagger's features are) the classes bits.
func (l *Lexicon) Add(word string, bits uint32) { l.bits[fnv(word, 2, true)] |= bits }

// AddSem gives word the semantic classes sem (SemNounMask ...): its frame
// groups are added to those it has, and its noun and verb files are kept
// where it has them already, so the first word added with a file (a lemma
// before the inflections of others) gives it.
func (l *Lexicon) AddSem(word string, sem uint32) {
	k := fnv(word, 2, true)
	cur := l.sem[k]
	if cur&SemNounMask != 0 {
		sem &^= SemNounMask
	}
	if cur&SemVerbMask != 0 {
		sem &^= SemVerbMask
	}
	l.sem[k] = cur | sem
	if _, ok := l.bits[k]; !ok {
		l.bits[k] = 0
	}
}

// Len returns the number of words in l.
func (l *Lexicon) Len() int { return len(l.bits) }

// Bytes returns the lexicon file of l.
func (l *Lexicon) Bytes() []byte {
	keys := make([]uint64, 0, len(l.bits))
	for k := range l.bits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]byte, len(lexiconMagic), len(lexiconMagic)+lexRecord*len(keys))
	copy(out, lexiconMagic)
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint16(out, uint16(l.bits[k]))
		out = binary.LittleEndian.AppendUint32(out, l.sem[k])
	}
	return out
}
