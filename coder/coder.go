// Package coder turns articles into CAMEO events using compiled
// dictionaries, a shallow reading of each sentence, and the dependency
// parser where that reading is in doubt.
//
// A sentence goes through stages, one per file: tokens and word classes
// (coder.go: prepare); actor phrases, coreference and quotations
// (actors.go, coref.go, quotes.go); anchors, the verbs and event nouns that match
// the dictionaries (anchors.go); clauses, the subject, object and voice
// of each anchor's verb, read by a shallow walk over the words (walk.go)
// and, where the walk is in doubt, from the parse (clauses.go); events,
// the pattern, roles, negation and modality of each anchor (events.go,
// patterns.go, unnamed.go); and assembly, the event with its date and
// place (assemble.go, dates.go, place.go). See docs/ARCHITECTURE.md.
package coder

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"petrel"
	"petrel/dict"
	"petrel/parse"
	"petrel/text"
	"petrel/when"
)

// Options tune the coder.
type Options struct {
	// RequireDyad drops events that have no target (PETRARCH's require_dyad).
	RequireDyad bool
	// Modality turns an intent ("willing to provide aid", "will send
	// troops") into the matching CAMEO intent code (033, 0332, ...).
	Modality bool
	// Negation maps a negated event to its refusal code where the codebook
	// has one ("would not join the talks" → 125); otherwise negated events
	// are dropped. When false, negated events are always dropped.
	Negation bool
	// HostTarget gives a consultation (04x) with no stated target the
	// country of its location as target ("attending talks in Moscow").
	HostTarget bool
	// Statements codes verbs of saying as 010 statements.
	Statements bool
	// AgentPlaces codes an agent with no state by the place named in the
	// sentence ("police ... in Istanbul" → TURCOP).
	AgentPlaces bool
	// UnnamedActors codes an agent with no state that no place in its
	// sentence placed (protest, coercion and violence only) by the
	// article's dateline, else its dominant country, else as the agent
	// alone ("---REB"), and keeps an agentless passive of violence or
	// coercion with source "---" (coder/unnamed.go).
	UnnamedActors bool
	// ModifierNPs treats a country name followed by a common noun it
	// modifies ("the Ecuador situation") as no actor. PETRARCH's records
	// want the opposite ("the KU basketball team" is the actor).
	ModifierNPs bool
	// DyadicStatements codes a statement (010) only when it has a target:
	// "X told Y", not every "X said".
	DyadicStatements bool
	// SayTargets lets a verb of saying take the actor after it as target
	// ("Arnor believes Dagolath can cope" → ARN → DAG), as PETRARCH does.
	SayTargets bool
	// PassiveSubjectSource reads an agentless passive as active, its
	// subject the source, as PETRARCH does.
	PassiveSubjectSource bool
	// GroupAgents appends an agent's role to a group or IGO code ("Hamas
	// negotiators" → HMSGOV), as PETRARCH does; petrel keeps the group's
	// own code.
	GroupAgents bool
	// PossessiveHeads lets a possessive actor stand for the phrase it
	// heads when that phrase is a subject ("Eriador's death toll has
	// risen" → Eriador), as PETRARCH does.
	PossessiveHeads bool
	// NullActors codes an agent that has no actor as "---" plus its role
	// ("a senior official" → ---GOV), as PETRARCH does.
	NullActors bool
	// IgnoreNegation leaves negation to the dictionary's patterns, as
	// PETRARCH does (its verb files have patterns for "did not ...").
	IgnoreNegation bool
	// OptionalTarget lets a pattern's final "+" match nothing, so "X * +"
	// also codes "X is attending" with no stated target.
	OptionalTarget bool
	// SkipDatelines skips a sentence that opens with a dateline ("CEBU
	// CITY: --"), as PETRARCH does, instead of coding the text after it.
	SkipDatelines bool
	// Parse reads clause structure from the dependency parser (package
	// parse) where the shallow clause walk is in doubt: a verb left
	// without a coded subject, an appositive or inserted clause before the
	// verb, a participle after a comma, a far by-agent, an object shared
	// by coordinated verbs (coder/clauses.go).
	Parse bool
	// Abstain drops, with UnnamedActors, the classes of events that were
	// mostly wrong on conflict text the coder had never seen: an agentless
	// event after a violent act whose source the sentence names, military
	// force (19x) by a civilian party, a violent act told again by the
	// same source with another verb, a cooperative or verbal act after a
	// violent one, and an agent left without a country in a sentence that
	// names a state (coder/abstain.go).
	Abstain bool
}

// DefaultOptions are the options for coding news with the built-in
// dictionaries.
var DefaultOptions = Options{Modality: true, Negation: true, HostTarget: true, Statements: true, OptionalTarget: true, DyadicStatements: true, ModifierNPs: true, AgentPlaces: true, UnnamedActors: true, Parse: true, Abstain: true}

// PetrarchOptions are the options that code as PETRARCH does, for its
// validation records and `--compat petrarch`: no intent or refusal mapping
// (negation is left to the dictionary's patterns), null actors such as
// "---GOV", possessive heads, verbs of saying with targets, agentless
// passives read as active, agents appended to groups, datelines skipped.
func PetrarchOptions(requireDyad bool) Options {
	return Options{RequireDyad: requireDyad, Statements: true, IgnoreNegation: true, SkipDatelines: true,
		NullActors: true, PossessiveHeads: true, SayTargets: true, PassiveSubjectSource: true, GroupAgents: true}
}

// Coder codes articles. It is safe for concurrent use.
type Coder struct {
	c    *compiled
	opt  Options
	pool sync.Pool
	// sentences and parsed count the sentences coded and those the clause
	// stage parsed (Stats).
	sentences, parsed atomic.Int64
}

// Stats counts the sentences a Coder has coded and, of those, the ones
// it parsed with the dependency parser (Options.Parse).
type Stats struct {
	Sentences, Parsed int64
}

// Stats returns what c has read since it was made.
func (c *Coder) Stats() Stats {
	return Stats{Sentences: c.sentences.Load(), Parsed: c.parsed.Load()}
}

// New compiles d and returns a Coder.
func New(d *dict.Dictionary, opt Options) *Coder {
	return &Coder{c: compile(d), opt: opt}
}

// Code codes one article.
func (c *Coder) Code(a *petrel.Article) *petrel.Document {
	return c.code(a, nil)
}

// Thresholds at which CodeParts hands rows over: at the end of a
// sentence, once this many events or mentions are waiting.
const (
	partEvents   = 1024
	partMentions = 4096
)

// ErrStoryDiscarded is returned by CodeParts when a story-level discard
// phrase was found after rows had been handed to part: the article codes
// nothing, and the caller must drop what part received.
var ErrStoryDiscarded = errors.New("coder: story discarded after rows were handed over")

// CodeParts codes one article as Code does, but hands its mentions and
// events to part in batches as they become final (at the end of a
// sentence, once at least partEvents events or partMentions mentions are
// waiting), so that a very long article is never held whole. Each batch
// is a Document with a's Article and the next mentions and events in
// order: their indices continue from the batches before (Mention.Ref and
// Event.ID are those of the whole document); part must not keep the
// document or its slices after it returns. CodeParts returns what is left:
// every sentence and quote, the mentions and events not handed over,
// Skipped and Problems. The batches followed by the returned document
// are, row for row, the document Code returns.
//
// An error from part stops the coding and is returned. When a story
// discard is found after rows were handed over, CodeParts returns the
// document Code would (it codes nothing) with ErrStoryDiscarded.
func (c *Coder) CodeParts(a *petrel.Article, part func(*petrel.Document) error) (*petrel.Document, error) {
	st, _ := c.pool.Get().(*state)
	if st == nil {
		st = &state{}
	}
	st.part = part
	doc, ok := c.codeWith(st, a, nil)
	err := st.partErr
	if err == nil && st.storyDiscarded && st.handed > 0 {
		err = ErrStoryDiscarded
	}
	st.part, st.partErr = nil, nil
	if ok {
		c.pool.Put(st)
	}
	return doc, err
}

// handOver gives part the mentions and events coded so far, once enough
// are waiting (or, with all, whatever is waiting).
func (st *state) handOver(all bool) {
	d := st.doc
	if st.part == nil || st.partErr != nil || len(d.Events) == 0 && len(d.Mentions) == 0 ||
		!all && len(d.Events) < partEvents && len(d.Mentions) < partMentions {
		return
	}
	p := &petrel.Document{Article: d.Article, Mentions: d.Mentions, Events: d.Events}
	st.partErr = st.part(p)
	if st.firstNamed == "" {
		st.firstNamed = st.firstNamedCountry(len(st.spans))
	}
	for i := range d.Mentions {
		if c := d.Mentions[i].Country; c != "" {
			st.handedCountries[c]++
			if d.Mentions[i].Kind != petrel.KindPronoun {
				st.handedNamed[c]++
			}
		}
	}
	st.mBase += len(d.Mentions)
	st.handed += len(d.Mentions) + len(d.Events)
	clear(d.Mentions)
	clear(d.Events)
	d.Mentions, d.Events = d.Mentions[:0], d.Events[:0]
}

// standInDate resolves date expressions in articles without a date; the
// results are used only to locate the expressions, never as event dates.
var standInDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Tracer receives a line per step when explaining.
type Tracer func(format string, args ...any)

// Explain codes an article and reports each stage to trace.
func (c *Coder) Explain(a *petrel.Article, trace Tracer) *petrel.Document {
	return c.code(a, trace)
}

func (c *Coder) code(a *petrel.Article, trace Tracer) *petrel.Document {
	st, _ := c.pool.Get().(*state)
	if st == nil {
		st = &state{}
	}
	doc, ok := c.codeWith(st, a, trace)
	if ok {
		c.pool.Put(st)
	}
	return doc
}

// codeWith codes a with st, which the caller takes from the pool and puts
// back when ok: after a panic, st is left as it was and must be dropped.
func (c *Coder) codeWith(st *state, a *petrel.Article, trace Tracer) (doc *petrel.Document, ok bool) {
	doc = &petrel.Document{Article: *a}
	doc.Article.Text = a.Text
	defer func() {
		// The coder must never take the process down; a bug on one article
		// becomes a diagnostic on that article.
		if r := recover(); r != nil {
			doc.Problems = append(doc.Problems, petrel.Diagnostic{File: a.Origin, Msg: "internal coder error: " + toString(r)})
		}
	}()
	st.reset(c, a, doc, trace)
	st.run()
	c.sentences.Add(int64(len(st.spans)))
	c.parsed.Add(int64(st.nParsed))
	st.doc = nil
	st.art = nil
	return doc, true
}

func toString(v any) string {
	switch x := v.(type) {
	case error:
		return x.Error()
	case string:
		return x
	}
	return "panic"
}

// member is one actor of an actor phrase.
type member struct {
	code, country, kind string
	start, end          int // byte offsets
	rule                string
	mention             int // index into doc.Mentions, or -1
	sent                int // sentence where it was last named, for coreference
	// adjAgent is set when an agent word directly followed the actor
	// ("Qatari officials"), so it may distribute over a compound.
	adjAgent bool
	// inferred says where the code's state came from when the text did
	// not name it beside the actor (petrel.Party.Inferred).
	inferred string
}

// np is an actor phrase: one or more members (a compound) over a token
// range.
type np struct {
	s, e    int // tokens [s, e)
	members []member
	oblique bool  // the object of a preposition
	prep    int32 // that preposition's word id
	poss    bool  // followed by a possessive: a modifier, not an argument
	mod     bool  // a state name modifying the noun after it ("a Russian suspect")
	pron    string
	descr   string // "group", "country", "gov": a definite description
	uncoded bool   // an agent or name with no actor code
	name    bool   // an unknown proper name
	agent   string // agent code of an uncoded agent phrase
}

// seg is a raw dictionary match.
type seg struct {
	s, e  int
	kind  int // segActor, segAgent, segPron, segDescr, segName
	val   int32
	descr string
}

const (
	segActor = iota
	segAgent
	segPron
	segDescr
	segName
)

// state is the per-article working memory, pooled between articles.
type state struct {
	c     *compiled
	opt   Options
	art   *petrel.Article
	doc   *petrel.Document
	text  string
	date  string // article date YYYY-MM-DD or ""
	base  time.Time
	trace Tracer

	spans   []petrel.Span
	toks    []text.Token
	norm    []byte
	normStr string  // norm as a string, made once per index, for normOf
	noff    []int32 // norm offsets per token (len toks+1)
	cands   []int32
	coff    []int32 // candidate offsets per token (len toks+1)
	cls     []uint32
	segs    []seg
	nps     []np
	npAt    []int32 // token → index of np covering it, or -1
	dates   []when.Expr
	anchors []anchor
	// normArena holds the normStr of recent sentences end to end, so that
	// making one is a copy, not an allocation (normString).
	normArena strings.Builder
	// words is a bit set of the sentence's candidate word ids (modulo
	// its size), so tryPattern can skip patterns whose words are absent.
	words [16]uint64
	// curCode is the code of the anchor being coded, for agentInPlace.
	curCode string
	// refusedSpeech is set by verbGroup for "declined to", "refused to".
	refusedSpeech bool
	// speaker is the actor the sentence is attributed to, if any.
	speaker *member
	// volitional is set by verbGroup when the verb group holds a modal of
	// will or a refusal word, so a negation is a refusal.
	volitional bool
	// possible is set by verbGroup when the verb group holds a modal of
	// possibility ("could", "may", "might"): what it describes has not
	// happened (events.go modality).
	possible bool
	// possiblePast is set with possible when "have" follows the modal
	// ("might have been planted"): a guess about the past, never an intent.
	possiblePast bool
	// obliged is set by verbGroup when the verb group holds "must" or
	// "should": an act someone demands or advises, not one that happened.
	obliged bool
	// storyDiscarded is set when a story-level discard phrase was found.
	storyDiscarded bool
	dateTok        []bool
	// dateTraced is the anchor whose date choice was last explained, so
	// that it is explained once per verb.
	dateTraced int

	// coreference memory
	lastPerson, lastCountry, lastGroup, lastIGO, lastActor *member
	learned                                                map[string]member
	// lastPlural is the last plural phrase with no state code that "they"
	// may mean ("bankers said", "Japanese investors"; coref.go).
	lastPlural plural
	// recent holds the last actors named, for "the two leaders".
	recent []member
	// quotes
	inQuote      bool
	quoteStart   int
	quoteSpeaker *member
	quoteSent    int
	// quoteWho holds each quotation closed in this article with its
	// speaker (nil: unattributed), and openWho the speaker of the
	// quotation still open, as far as its opening says (coref.go weRef).
	quoteWho      []quoted
	openWho       *member
	quoteOpenSent int
	qStart        []int
	sentLoc       *petrel.Location
	sentLocCity   bool // sentLoc is a named city or capital, not a country
	// artLoc is the first city the article names: the venue of a
	// consultation without a stated host (hostOf), never an event's place.
	artLoc *petrel.Location
	// datelineCC is the country of the article's dateline, or "".
	datelineCC string
	// placeMs are the sentence's place mentions (place.go); dateLoc is
	// the place of the article's dateline; ctx the countries the article
	// has named so far, which rank same-name places; keyBuf is scratch
	// for gazetteer keys.
	placeMs []placeMention
	pendLoc []pendingLoc
	dateLoc *petrel.Location
	ctx     []string
	keyBuf  []byte
	// inDateline is set while the dateline's place is read: its name is
	// in capitals ("LIMA"), which elsewhere marks an acronym.
	inDateline bool
	// clause stage (clauses.go): the parse of sentence treeSent-1, its
	// words, and where the subject, passive agent and shared object of the
	// anchor being coded came from.
	treeSent int
	// sentIdx is the index of the sentence whose anchor is being coded
	// (codeAnchor), for the pattern checks that parse it (tellTo).
	sentIdx                      int
	ptree                        parse.Tree
	pwords                       []string
	nParsed                      int
	subjRole, agentRole, objRole role
	force                        forced
	// srcWhy and tgtWhy say, when explaining, where the roles of the
	// events being added came from.
	srcWhy, tgtWhy string
	// events
	evSeen map[string]bool
	nEv    int

	// streaming (CodeParts): part receives the mentions and events that
	// are final; mBase is the index of doc.Mentions[0] in the whole
	// document, handed the number of mentions and events handed over so
	// far, handedCountries the countries of the mentions handed over
	// (dominantCountry counts them), handedNamed those of the mentions
	// that name their state rather than refer to it, partErr part's error.
	part            func(*petrel.Document) error
	mBase, handed   int
	handedCountries map[string]int
	handedNamed     map[string]int
	// firstNamed is the country of the first mention handed over that
	// names a state (firstNamedCountry), kept once the mentions are gone.
	firstNamed string
	partErr    error
}

func (st *state) reset(c *Coder, a *petrel.Article, doc *petrel.Document, trace Tracer) {
	st.c = c.c
	st.opt = c.opt
	st.art = a
	st.doc = doc
	st.text = a.Text
	st.trace = trace
	st.base = a.Date
	st.date = ""
	if !a.Date.IsZero() {
		st.date = a.Date.Format("2006-01-02")
	}
	st.lastPerson, st.lastCountry, st.lastGroup, st.lastIGO, st.lastActor = nil, nil, nil, nil, nil
	st.lastPlural = plural{sent: -1}
	st.recent = st.recent[:0]
	if st.learned == nil {
		st.learned = map[string]member{}
	} else {
		clear(st.learned)
	}
	if st.evSeen == nil {
		st.evSeen = map[string]bool{}
	} else {
		clear(st.evSeen)
	}
	st.inQuote, st.quoteSpeaker, st.quoteSent = false, nil, -10
	st.quoteWho, st.openWho = st.quoteWho[:0], nil
	st.datelineCC = ""
	st.artLoc, st.dateLoc = nil, nil
	st.ctx = st.ctx[:0]
	st.placeMs = st.placeMs[:0]
	st.nEv = 0
	st.treeSent, st.nParsed = 0, 0
	st.mBase, st.handed = 0, 0
	st.firstNamed = ""
	if st.handedCountries == nil {
		st.handedCountries = map[string]int{}
		st.handedNamed = map[string]int{}
	} else {
		clear(st.handedCountries)
		clear(st.handedNamed)
	}
}

func (st *state) tracef(format string, args ...any) {
	if st.trace != nil {
		st.trace(format, args...)
	}
}

func (st *state) run() {
	st.spans = splitLong(st.text, text.Sentences(st.text, st.spans[:0]))
	for i, sp := range st.spans {
		st.doc.Sentences = append(st.doc.Sentences, petrel.Sentence{Index: i, Span: sp, Text: sp.Of(st.text)})
	}
	// One pass: a story-level discard found in any sentence drops what the
	// sentences before it coded, which costs less than a separate pass
	// over every article to look for one.
	st.storyDiscarded = false
	for i, sp := range st.spans {
		st.sentence(i, sp)
		if st.storyDiscarded {
			return
		}
		if st.part != nil {
			if st.handOver(false); st.partErr != nil {
				return
			}
		}
	}
}

// maxSentence bounds the bytes of text the coder reads as one sentence.
// Real sentences are far shorter; a longer "sentence" is a table, a list or
// text without punctuation, and coding it whole would copy it into every
// event and make the clause walks slow. It is cut at white space.
const maxSentence = 2000

// splitLong cuts spans longer than maxSentence at the last white space (or,
// failing that, the last UTF-8 boundary) before the limit, in place of the
// spans it returns.
func splitLong(txt string, spans []petrel.Span) []petrel.Span {
	long := false
	for _, sp := range spans {
		if sp.Len() > maxSentence {
			long = true
			break
		}
	}
	if !long {
		return spans
	}
	out := make([]petrel.Span, 0, len(spans)+8)
	for _, sp := range spans {
		for sp.Len() > maxSentence {
			cut := sp.Start + maxSentence
			for c := cut; c > sp.Start+maxSentence/2; c-- {
				if txt[c] == ' ' || txt[c] == '\n' || txt[c] == '\t' {
					cut = c
					break
				}
			}
			for cut > sp.Start && !utf8.RuneStart(txt[cut]) {
				cut--
			}
			if cut <= sp.Start {
				cut = sp.Start + maxSentence
			}
			out = append(out, petrel.Span{Start: sp.Start, End: cut})
			sp.Start = cut
			for sp.Start < sp.End && (txt[sp.Start] == ' ' || txt[sp.Start] == '\n' || txt[sp.Start] == '\t') {
				sp.Start++
			}
		}
		if sp.Len() > 0 {
			out = append(out, sp)
		}
	}
	return out
}

// prepare tokenises a sentence and computes each token's normalised form,
// candidate word ids and word classes; a headline in title case or
// capitals is read in ordinary case first (truecase.go).
func (st *state) prepare(sp petrel.Span) {
	st.toks = text.Tokenize(st.text, sp, st.toks[:0])
	// An underscore joining words ("Dol_Amroth", as PETRARCH's test texts
	// write names) is read as a space.
	if strings.IndexByte(st.text[sp.Start:sp.End], '_') >= 0 {
		k := 0
		for _, t := range st.toks {
			if t.Of(st.text) != "_" {
				st.toks[k] = t
				k++
			}
		}
		st.toks = st.toks[:k]
	}
	st.index()
	if st.truecase() {
		st.index()
	}
}

// index computes each token's normalised form, candidate word ids and word
// classes from st.toks.
func (st *state) index() {
	st.norm = st.norm[:0]
	st.noff = append(st.noff[:0], 0)
	st.cands = st.cands[:0]
	st.coff = append(st.coff[:0], 0)
	st.cls = st.cls[:0]
	for _, t := range st.toks {
		if t.Flags&text.AllCaps != 0 && !st.opt.NullActors && t.Of(st.text) == "US" {
			// "US" in capitals is the United States, not the pronoun
			// "us", which dictionaries cannot tell apart.
			st.norm = append(st.norm, "u.s."...)
		} else {
			st.norm = text.AppendNorm(st.norm, t.Of(st.text))
		}
		st.noff = append(st.noff, int32(len(st.norm)))
		n := st.norm[st.noff[len(st.noff)-2]:]
		// One table lookup gives the token's exact id, and with it its word
		// class (function words are all interned at compile time).
		var cls uint32
		if id, ok := st.c.voc.table.lookup(n); ok {
			st.cands = append(st.cands, id)
			if int(id) < len(st.c.wordCls) {
				cls = st.c.wordCls[id]
			}
		}
		if st.c.voc.hasStems {
			st.cands = st.c.voc.appendStems(st.cands, n)
		}
		if st.c.voc.hasCased && t.Flags&text.Cap != 0 {
			// A capitalised token also matches cased dictionary words.
			if id, ok := st.c.voc.cased.lookup(n); ok {
				st.cands = append(st.cands, id)
			}
		}
		if st.c.voc.hasUpper && t.Flags&text.AllCaps != 0 {
			// A token in capitals also matches upper dictionary words.
			if id, ok := st.c.voc.upper.lookup(n); ok {
				st.cands = append(st.cands, id)
			}
		}
		if i := bytes.LastIndexByte(n, '-'); i > 0 && cls == 0 && !st.opt.NullActors && backedSuffix[string(n[i+1:])] {
			// "Saudi-led", "Iran-backed": the state before the hyphen is
			// named ("the Saudi-led coalition" → SAU).
			if id, ok := st.c.voc.table.lookup(n[:i]); ok {
				st.cands = append(st.cands, id)
			}
		}
		st.coff = append(st.coff, int32(len(st.cands)))
		st.cls = append(st.cls, cls)
	}
	st.normStr = st.normString()
}

// normArenaChunk is the size of normArena's buffers: some dozens of
// sentences.
const normArenaChunk = 4 << 10

// normString returns st.norm as a string, appended to normArena. Why: a
// string per sentence was a quarter of coding's allocations. A Builder
// never changes the bytes a String() it returned holds, and a full one
// is replaced, not grown, so the strings of earlier sentences (the
// article's learned names keep some) stay as they were.
func (st *state) normString() string {
	if st.normArena.Cap()-st.normArena.Len() < len(st.norm) {
		st.normArena = strings.Builder{}
		st.normArena.Grow(max(normArenaChunk, len(st.norm)))
	}
	start := st.normArena.Len()
	st.normArena.Write(st.norm)
	return st.normArena.String()[start:]
}

// backedSuffix lists the participles that make "<state>-<participle>" an
// adjective naming the state: "Saudi-led", "Iran-backed",
// "Russian-installed officials".
var backedSuffix = map[string]bool{"led": true, "backed": true, "sponsored": true, "supported": true, "funded": true,
	"allied": true, "aligned": true, "controlled": true, "run": true, "brokered": true, "armed": true, "trained": true,
	"installed": true, "appointed": true}

// cands returns the candidate word ids of token j.
func (st *state) candsOf(j int) []int32 { return st.cands[st.coff[j]:st.coff[j+1]] }

// normOf returns the normalised form of token j (a substring of
// normStr: one string per sentence rather than one per call).
func (st *state) normOf(j int) string { return st.normStr[st.noff[j]:st.noff[j+1]] }

// isWord reports whether token j normalises to w.
func (st *state) isWord(j int, w string) bool {
	if j < 0 || j >= len(st.toks) {
		return false
	}
	return string(st.norm[st.noff[j]:st.noff[j+1]]) == w
}

func (st *state) discard() (rule string, story bool) {
	s := st.sentView()
	for i := range st.toks {
		if e, vals := st.c.discT.longest(s, i); e > i {
			d := st.c.discards[vals[len(vals)-1]]
			return d.Rule.String(), d.Story
		}
	}
	return "", false
}

// sentView adapts state to the trie's sentence interface.
func (st *state) sentView() *sentence { return (*sentence)(st) }

// sentence is the view of state the tries walk.
type sentence state

func (s *sentence) candsAt(j int) []int32 { return (*state)(s).candsOf(j) }

func (st *state) sentence(idx int, sp petrel.Span) {
	if idx == 0 && st.opt.UnnamedActors {
		sp.Start += slugLen(st.text[sp.Start:sp.End]) // "UPDATE 2-Dozens killed …"
	}
	st.prepare(sp)
	if rule, story := st.discard(); rule != "" {
		if story {
			if st.trace != nil {
				st.tracef("story discarded by %s: the %d event(s) coded so far and the rest of the article are dropped", rule, len(st.doc.Events))
			}
			st.doc.Events, st.doc.Mentions, st.doc.Quotes = nil, nil, nil
			st.doc.Skipped = []petrel.Skip{{Sentence: -1, Reason: petrel.SkipStory, Rule: rule}}
			st.storyDiscarded = true
			return
		}
		st.doc.Skipped = append(st.doc.Skipped, petrel.Skip{Sentence: idx, Reason: petrel.SkipSentence, Rule: rule})
		if st.trace != nil {
			st.tracef("sentence %d discarded by %s: no events from it", idx, rule)
		}
		return
	}
	if idx == 0 {
		if body := text.Dateline(st.text, sp); body > sp.Start && body < sp.End {
			if st.opt.SkipDatelines {
				if st.trace != nil {
					st.tracef("sentence %d skipped: it opens with a dateline", idx)
				}
				st.doc.Skipped = append(st.doc.Skipped, petrel.Skip{Sentence: idx, Reason: petrel.SkipDateline})
				return
			}
			// Drop the dateline's tokens so "MOSCOW (Reuters) -" is not an
			// actor; its place is the article's (place.go).
			k := 0
			for k < len(st.toks) && st.toks[k].Start < body {
				k++
			}
			st.datelineCC = st.datelineCountry(k)
			st.dateline(k)
			if st.datelineCC == "" && st.dateLoc != nil {
				st.datelineCC = st.dateLoc.Country // a place the dictionaries lack ("AMARA, Iraq")
			}
			st.dropTokens(k)
			st.datelineDate(sp.Start, body)
		}
	}
	if len(st.toks) == 0 {
		return
	}
	if st.trace != nil {
		st.tracef("sentence %d: %s", idx, sp.Of(st.text))
	}
	// With no article date, relative dates cannot be resolved, but their
	// spans are still found (against a stand-in date) so patterns can see
	// through "on Saturday".
	base := st.base
	if base.IsZero() {
		base = standInDate
	}
	st.dates = when.Find(st.text, sp, base, st.dates[:0])
	st.markDates()
	st.dateTraced = -1
	st.findSegs()
	st.buildNPs(idx)
	st.quotes(idx)
	st.resolve(idx)
	st.locate(idx)
	if st.trace != nil {
		for _, n := range st.nps {
			if st.trace != nil {
				st.tracef("  actor %q %s", st.toks2text(n.s, n.e), st.npCodes(&n))
			}
		}
	}
	st.pendLoc = st.pendLoc[:0]
	st.events(idx)
	st.placeEvents()
}

func (st *state) dropTokens(k int) {
	st.toks = st.toks[k:]
	st.noff = st.noff[k:]
	st.coff = st.coff[k:]
	st.cls = st.cls[k:]
}

func (st *state) toks2text(s, e int) string {
	if s >= e || e > len(st.toks) {
		return ""
	}
	return st.text[st.toks[s].Start:st.toks[e-1].End]
}

func (st *state) npCodes(n *np) string {
	var b strings.Builder
	for i, m := range n.members {
		if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(m.code)
	}
	if n.uncoded {
		b.WriteString("(uncoded")
		if n.agent != "" {
			b.WriteString(" ~" + n.agent)
		}
		b.WriteString(")")
	}
	if n.oblique {
		b.WriteString(" oblique")
	}
	if n.poss {
		b.WriteString(" possessive")
	}
	return b.String()
}

// maxDatelineLag is how many days a dateline's date ("KYIV, March 3
// (Reuters) -") may lie before the article's date and still be taken as
// the day the story was written: feeds and archives often stamp an article
// later than its dateline.
const maxDatelineLag = 60

// datelineDate makes the day named in the dateline text[start:end] the
// article's date for dating its events, when it lies no more than
// maxDatelineLag days before the article's date and at most one day after
// it (a dateline east of the feed's clock): relative expressions ("on
// Saturday") count from the day the story was written, and an event with
// none took place then.
func (st *state) datelineDate(start, end int) {
	if st.base.IsZero() {
		return
	}
	for _, d := range when.Find(st.text, petrel.Span{Start: start, End: end}, st.base, st.dates[:0]) {
		if d.Precision != when.Day || d.Date.After(st.base.AddDate(0, 0, 1)) || d.Date.Before(st.base.AddDate(0, 0, -maxDatelineLag)) {
			continue
		}
		if st.trace != nil && !d.Date.Equal(st.base) {
			st.tracef("dateline dates the story %s (article date %s)", d.Date.Format("2006-01-02"), st.date)
		}
		st.base = d.Date
		st.date = d.Date.Format("2006-01-02")
		return
	}
}
