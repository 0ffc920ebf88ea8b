// Package petrel is the vocabulary of the petrel event coder: articles,
// sentences, spans, actor mentions, quotes and events. It imports none of
// its subpackages; every pipeline stage speaks in these types.
//
// The data flows article → sentences → tokens → mentions → verb matches →
// events. Every derived unit keeps byte offsets into its article's Text so
// that each event can be traced back to, and highlighted in, its source.
package petrel

import (
	"fmt"
	"time"
)

// Span is a half-open byte range [Start, End) into an article's Text.
// The zero Span is empty and lies at the start of the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In reports whether s lies inside a text of n bytes.
func (s Span) In(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Of returns the text the span covers in text. It returns "" when the
// span does not lie inside text, so a corrupt span never panics.
func (s Span) Of(text string) string {
	if !s.In(len(text)) {
		return ""
	}
	return text[s.Start:s.End]
}

// Article is one news story as read from input. Text is the body the coder
// reads; every Span in derived values indexes into it.
type Article struct {
	ID     string    `json:"id"`
	Date   time.Time `json:"date,omitzero"` // publication date; zero when unknown
	Title  string    `json:"title,omitempty"`
	Text   string    `json:"text"`
	URL    string    `json:"url,omitempty"`
	Source string    `json:"source,omitempty"` // outlet or feed name

	// Origin names where the article was read from ("dir/a.txt",
	// "feed.jsonl:42"), for diagnostics. It is not part of the story.
	Origin string `json:"-"`
}

// Sentence is one sentence of an article.
type Sentence struct {
	Index int    `json:"index"`
	Span  Span   `json:"span"`
	Text  string `json:"text"`
}

// Mention kinds.
const (
	KindCountry = "country" // a state, by name, demonym, capital or seat of power
	KindPerson  = "person"  // a named person with a dated role
	KindIGO     = "igo"     // an intergovernmental organisation
	KindGroup   = "group"   // a non-state group (armed, political, NGO)
	KindAgent   = "agent"   // a bare agent noun: "officials", "rebels"
	KindPronoun = "pronoun" // a pronoun or definite description resolved by coreference
	KindOther   = "other"
)

// Mention is an actor found in the text.
type Mention struct {
	Sentence int    `json:"sentence"`
	Span     Span   `json:"span"`
	Text     string `json:"text"`
	Code     string `json:"code"`    // full CAMEO actor code, e.g. "RUSGOV"
	Country  string `json:"country"` // ISO 3166-1 alpha-3, or "" for IGOs and groups
	Kind     string `json:"kind"`
	Rule     string `json:"rule,omitempty"` // the dictionary entry that matched
	// Ref is the index of the mention this one was resolved to by
	// coreference ("he", "the group"), or -1.
	Ref int `json:"ref"`
}

// Quote is a direct quotation with its speaker.
type Quote struct {
	Sentence int    `json:"sentence"`
	Span     Span   `json:"span"` // the quoted words, without the quote marks
	Text     string `json:"text"`
	Speaker  *Party `json:"speaker"` // nil when no speaker could be attributed
}

// Party is the source or target of an event: the words in the text and the
// actor code they were coded as.
type Party struct {
	Text    string `json:"text"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Inferred says where a part of the code came from when the text did
	// not name it beside the actor: "place" (the country of the event's
	// place), "dateline", "article" (the article's dominant country),
	// "agentless" (a passive with no agent: no source named at all),
	// "implied" (no agent named, but the act implies one: "was arrested"
	// gives the state's police; the evidence is then the verb) or ""
	// when the text named the actor. Users filter inferred actors on it.
	Inferred string `json:"inferred,omitempty"`
}

// Evidence is a stretch of text that produced part of an event.
type Evidence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	// Precision is how precise the place is: "city", "admin2", "admin1" or
	// "country" ("" for locations from older stores).
	Precision string `json:"precision,omitempty"`
	// GeoNameID is the GeoNames id of the place (0 when unknown).
	GeoNameID int `json:"geonameid,omitempty"`
	// Admin1 is the name of the first-order division the place lies in,
	// and Admin1Code its GeoNames code ("CC.XX", as in admin1CodesASCII).
	Admin1     string `json:"admin1,omitempty"`
	Admin1Code string `json:"admin1_code,omitempty"`
	// Source says how the place was chosen: "clause" (attached to the
	// event's own clause), "venue" (the host city of a consultation whose
	// partner is the host, named in an earlier sentence) or "dateline".
	Source string `json:"source,omitempty"`
}

// Plover is the PLOVER event type and mode an event maps to.
type Plover struct {
	Type string `json:"type"`
	Mode string `json:"mode"`
}

// Event is one coded political event: who did what to whom, when and where,
// with the evidence for each part.
type Event struct {
	ID            string    `json:"event_id"`
	ArticleID     string    `json:"article_id"`
	SentenceIndex int       `json:"sentence_index"`
	Sentence      string    `json:"sentence"`
	Date          string    `json:"date"` // YYYY-MM-DD, or "" when unknown
	Code          string    `json:"code"`
	RootCode      string    `json:"root_code"`
	QuadClass     int       `json:"quad_class"`
	Goldstein     float64   `json:"goldstein"`
	Plover        Plover    `json:"plover"`
	Source        *Party    `json:"source"`
	Target        *Party    `json:"target"`
	Verb          Evidence  `json:"verb"`
	Location      *Location `json:"location"`
	Rule          string    `json:"rule"`
	// Negated and Modal record how the verb was qualified in the text, for
	// explanation: "not", "would", "willing to".
	Qualifier string `json:"qualifier,omitempty"`
}

// Document is everything the coder found in one article.
type Document struct {
	Article   Article    `json:"article"`
	Sentences []Sentence `json:"sentences"`
	Mentions  []Mention  `json:"mentions"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	// Skipped lists sentences (or the whole story) the coder left out on
	// purpose: discard phrases, datelines.
	Skipped  []Skip       `json:"skipped,omitempty"`
	Problems []Diagnostic `json:"problems,omitempty"`
}

// Skip reasons.
const (
	SkipStory    = "storydiscard"    // a story-level discard phrase: the whole article is skipped
	SkipSentence = "sentencediscard" // a sentence-level discard phrase
	SkipDateline = "dateline"        // the sentence is a dateline or byline, not news
)

// Skip records a sentence, or with Sentence == -1 the whole article, that
// the coder left out on purpose, and why.
type Skip struct {
	Sentence int    `json:"sentence"`
	Reason   string `json:"reason"`
	Rule     string `json:"rule,omitempty"`
}

// Diagnostic is a problem with the input that did not stop the run: a
// malformed line, invalid UTF-8, an empty file. File and Line locate it;
// Line is 0 when it concerns a whole file.
type Diagnostic struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Msg  string `json:"message"`
}

// String formats the diagnostic as "file:line: message".
func (d Diagnostic) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s: %s", d.File, d.Msg)
}

// Application error codes. HTTP maps each to a status.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	ETOOLARGE     = "too_large"
	// EUNAVAILABLE means the work could not start in time (the store's
	// write lock is held by other writes); the caller may retry later.
	EUNAVAILABLE = "unavailable"
	// EMEDIATYPE means a request body is not in the format the endpoint
	// takes (POST endpoints take JSON only).
	EMEDIATYPE = "unsupported_media_type"
)

// Error is an application error: something the user can act on, with a
// machine-readable code. Infrastructure failures are wrapped errors instead.
type Error struct {
	Code    string
	Message string
	// Param names the request parameter at fault, if any.
	Param string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Param != "" {
		return fmt.Sprintf("petrel: %s: %s (%s)", e.Code, e.Message, e.Param)
	}
	return fmt.Sprintf("petrel: %s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error, EINTERNAL for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if asError(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of an application error, or a generic
// message for any other error so internals are not leaked to users.
func ErrorMessage(err error) string {
	var e *Error
	if asError(err, &e) {
		return e.Message
	}
	return "internal error"
}
