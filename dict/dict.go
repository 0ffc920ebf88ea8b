// Package dict is the dictionary model the coder compiles from: actors with
// dated roles, agents, verb and noun patterns, synsets, discards and places.
//
// Dictionaries arrive in two text formats, petrel's own (see
// docs/DICTIONARIES.md, read by dict/native) and the PETRARCH/TABARI formats
// (read by dict/petrarch). Both readers fill the same Dictionary value, so
// the coder has one code path for both. A Dictionary is plain data: it is
// built once, may be merged with others, and is then compiled by the coder.
package dict

import (
	"strconv"

	"petrel"
)

// Phrase is a sequence of lower-cased words to match against tokens.
// A word is Exact when it must match a whole token; otherwise it is a stem
// and matches any token it prefixes. petrel's own format and PETRARCH's
// actor, agent, verb and synset entries are exact (PETRARCH does not stem);
// only the last word of a PETRARCH discard phrase without a trailing "_" is
// a stem.
type Phrase struct {
	Words []Word
}

// Word is one element of a Phrase.
type Word struct {
	Text  string // lower case, no trailing "_"
	Exact bool   // must match the whole token; otherwise a prefix (stem) match
	// Cased words match only a token written with a capital first letter
	// ("Shell" the company, not the verb "shell"); an actor name written
	// "=Shell" in petrel's format has all its words cased.
	Cased bool
	// Upper words match only a token written in capitals, two letters or
	// more ("CAR" the Central African Republic, not "Car bombs"); an
	// actor name written "==CAR" has all its words upper.
	Upper bool
}

// Role is an actor code valid over a date range. A zero From or To leaves
// that end open. Dates are "YYYY-MM-DD" strings, which compare correctly as
// strings.
type Role struct {
	Code string
	From string
	To   string
}

// Actor is a named actor: a state, a person, an IGO or a group.
type Actor struct {
	Names []Phrase // the primary name first, then synonyms
	Roles []Role   // dated roles; a role with empty From and To is the default
	Kind  string   // petrel.KindCountry, KindPerson, KindIGO, KindGroup; KindOther for a region, which codes nothing
	// Country is the ISO 3166-1 alpha-3 code of the actor's state, if any.
	Country string
	// Display is a readable name ("Vladimir Putin").
	Display string
	// Since is, for an organisation, the date (YYYY-MM-DD) it was founded,
	// or "": before it its names stand for something else ("the ICC" in
	// 1987 is the Interstate Commerce Commission) and code nothing.
	Since string
	Rule  Source
}

// CodeOn returns the actor's code on date (YYYY-MM-DD). Dated roles win
// over the default. With no date (""), the current role is used: the last
// role that is still open-ended, else the default, else the last role.
func (a *Actor) CodeOn(date string) string {
	def, open := "", ""
	for _, r := range a.Roles {
		if r.From == "" && r.To == "" {
			if def == "" {
				def = r.Code
			}
			continue
		}
		if date == "" {
			if r.To == "" {
				open = r.Code
			}
			continue
		}
		if (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To) {
			return r.Code
		}
	}
	if open != "" {
		return open
	}
	if def == "" && len(a.Roles) > 0 {
		def = a.Roles[len(a.Roles)-1].Code
	}
	return def
}

// StateEntry reports whether a is a state's own entry, not one of its
// seats of power (RUSGOV for "Kremlin"): a country actor whose default
// (undated) code is its state's. A state with dated codes ("East
// Germany" is DEU from 1990-10-03) is still its own entry.
func (a *Actor) StateEntry() bool {
	if a.Kind != petrel.KindCountry {
		return false
	}
	for _, r := range a.Roles {
		if r.From == "" && r.To == "" {
			return r.Code == a.Country
		}
	}
	return false
}

// InOffice reports whether one of the actor's dated roles covers date
// (YYYY-MM-DD); false with no date.
func (a *Actor) InOffice(date string) bool {
	if date == "" {
		return false
	}
	for _, r := range a.Roles {
		if (r.From != "" || r.To != "") && (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To) {
			return true
		}
	}
	return false
}

// Agent is a generic role noun ("officials", "rebels") with the code suffix
// it contributes, written "~GOV" style in PETRARCH: Code is "GOV".
// Prefix is true for agent codes that go before the country ("IGO", "NGO").
type Agent struct {
	Names  []Phrase
	Code   string
	Prefix bool
	Rule   Source
}

// Element kinds in a pattern.
const (
	ElemWord     = iota // a literal word (see Word.Exact)
	ElemSynset          // &NAME: any phrase of the synset
	ElemVerb            // *: the verb (anchor) itself
	ElemSource          // $: the source actor goes here
	ElemTarget          // +: the target actor goes here
	ElemCompound        // %: a compound actor that is both source and target
)

// Elem is one element of a pattern.
type Elem struct {
	Kind   int
	Word   Word   // ElemWord
	Synset string // ElemSynset, upper case without "&"
	// Next is true when the following element must come immediately after
	// this one (joined by "_" in the source); otherwise other tokens may
	// come between them.
	Next bool
}

// Pattern is a verb pattern: elements before and after the verb, and the
// code it gives. Code may be a CAMEO event code ("043"), "---" for a
// pattern that matches but codes nothing, or a pair "AAA:BBB" meaning
// source→target gets AAA and target→source gets BBB.
type Pattern struct {
	Pre  []Elem // elements before the verb, in text order
	Post []Elem // elements after the verb, in text order
	Code string
	Rule Source
}

// Verb is a block of verb (or anchor noun) forms sharing patterns. Forms
// holds every inflected form as a phrase ("hosted", "play host").
type Verb struct {
	Forms    []Phrase
	Lemma    string // readable head word, for explanations
	Code     string // default code when no pattern matches; "---" for none
	Patterns []*Pattern
	Rule     Source
}

// Discard is a phrase that makes the coder skip a sentence, or the whole
// story when Story is set.
type Discard struct {
	Phrase Phrase
	Story  bool
	Rule   Source
}

// Place is a gazetteer entry: a named place with its country and
// coordinates.
type Place struct {
	Names   []Phrase
	Country string // ISO 3166-1 alpha-3
	Lat     float64
	Lon     float64
	Display string
	Capital bool
}

// Issue is an optional issue-coding phrase (PETRARCH's issues file).
type Issue struct {
	Phrase Phrase
	Code   string
	Rule   Source
}

// Source records where a dictionary entry came from, for explanations:
// "dicts/verbs.txt:120 host: $ * +".
type Source struct {
	File string
	Line int
	Text string
}

// String formats the source as "file:line text".
func (s Source) String() string {
	if s.File == "" {
		return s.Text
	}
	if s.Text == "" {
		return s.File + ":" + strconv.Itoa(s.Line)
	}
	return s.File + ":" + strconv.Itoa(s.Line) + " " + s.Text
}

// Dictionary is a whole set of dictionaries, ready to compile.
type Dictionary struct {
	Actors   []*Actor
	Agents   []*Agent
	Verbs    []*Verb
	Synsets  map[string][]Phrase
	Discards []*Discard
	Places   []*Place
	Issues   []*Issue
}

// Merge appends other's entries to d. Later entries override earlier ones
// where they collide (the compiler keeps the last).
func (d *Dictionary) Merge(other *Dictionary) {
	d.Actors = append(d.Actors, other.Actors...)
	d.Agents = append(d.Agents, other.Agents...)
	d.Verbs = append(d.Verbs, other.Verbs...)
	d.Discards = append(d.Discards, other.Discards...)
	d.Places = append(d.Places, other.Places...)
	d.Issues = append(d.Issues, other.Issues...)
	if d.Synsets == nil {
		d.Synsets = map[string][]Phrase{}
	}
	for k, v := range other.Synsets {
		d.Synsets[k] = v
	}
}

// Diagnostics are malformed-line reports from a reader. Readers append to
// them and go on.
type Diagnostics []petrel.Diagnostic
