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

// lexiconMagic opens a lexicon file.
const lexiconMagic = "petrel-lexicon 1\n"

//go:embed model/wordnet
var embeddedLexicon []byte

// lexRecord is the size of one record of a lexicon file: the lower-cased
// hash of the word (8 bytes, little endian, ascending) and its bits (2).
const lexRecord = 10

var (
	lexOnce  sync.Once
	lexKeys  []uint64
	lexBits  []uint16
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
	lexKeys, lexBits = make([]uint64, n), make([]uint16, n)
	for i := range n {
		r := data[i*lexRecord:]
		lexKeys[i] = binary.LittleEndian.Uint64(r)
		lexBits[i] = binary.LittleEndian.Uint16(r[8:])
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
	lexOnce.Do(loadLexicon)
	k := lower >> 48
	for i := lexStart[k]; i < lexStart[k+1]; i++ {
		if lexKeys[i] == lower {
			return uint32(lexBits[i])
		}
	}
	return 0
}

// lexiconHash returns the feature value of the lexicon classes of form,
// whose lower-cased hash is lower: its own classes, and those of its last
// part after a hyphen ("re-wording", "anti-smoker").
func lexiconHash(form string, lower uint64) uint64 {
	b := lexiconBits(lower)
	if i := strings.LastIndexByte(form, '-'); i > 0 && i < len(form)-1 {
		b |= lexiconBits(fnv(form[i+1:], 2, true)) << 16
	}
	return uint64(b) + 0x3c6ef372fe94f82b
}

// A Lexicon collects words and their classes for a lexicon file
// (cmd/petrel-lexicon).
type Lexicon struct {
	bits map[uint64]uint32
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon { return &Lexicon{bits: map[uint64]uint32{}} }

// Add gives word (lower-cased as the tagger's features are) the classes bits.
func (l *Lexicon) Add(word string, bits uint32) { l.bits[fnv(word, 2, true)] |= bits }

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
	}
	return out
}
