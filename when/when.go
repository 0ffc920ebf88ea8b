// Package when finds date expressions in sentences and resolves them to
// calendar dates: absolute ones ("Oct. 19, 2021", "19 October 2021",
// "2021-10-19", "in 2019") on their own, relative ones ("on Tuesday",
// "last week", "in mid-August", "two days ago", "on the 30th") and
// holidays ("Christmas Eve", "Good Friday", "Thanksgiving") against the
// article's date.
//
// Find scans a sentence word by word with a hand-written scanner and
// recognises a small, fixed set of anchor words (weekday and month names,
// "yesterday", "week", ...) and plausible years; nothing else is looked at
// twice. It allocates only to grow the caller's slice. The rules are
// described in docs/TEXT.md.
package when

import (
	"time"
	"unicode"
	"unicode/utf8"

	"petrel"
)

// Precision says how much of an Expr's Date the text actually states.
type Precision uint8

// Precisions, finest first.
const (
	Day   Precision = iota + 1 // a calendar day: "on Tuesday", "Oct. 19"
	Week                       // a week: "last week"; Date is base ± 7 days
	Month                      // a month: "in December" (Date's day is 1), "in mid-August" (5/15/25 for early/mid/late), "last month" (base ∓ 1 month)
	Year                       // a year: "in 2019" (Date is January 1), "last year" (base − 1 year)
)

var precisionNames = [...]string{"?", "day", "week", "month", "year"}

// String returns "day", "week", "month" or "year".
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "?"
}

// Expr is a date expression found in a text: where it is, the date it
// resolves to (at midnight, in the location of the base date, or UTC), and
// how precise that date is.
type Expr struct {
	Span      petrel.Span
	Date      time.Time
	Precision Precision
	// YearGuessed says that the expression names a month and day but no
	// year ("March 3", "Christmas Day", "Good Friday"), and the year was
	// chosen near the base date.
	YearGuessed bool
	// Rule says how Date was resolved when it is neither stated nor
	// counted from the base date: an ordinal day ("on the 30th") or a
	// holiday ("Good Friday").
	Rule Rule
	// Earlier is, for a YearGuessed expression, the date it names in the
	// year before Date's: a movable holiday falls on another day each
	// year. It is zero when that year has no such day (Feb. 29).
	Earlier time.Time
}

// Find appends the date expressions found in text[s.Start:s.End],
// resolved against base (the article's date), to dst and returns it.
// Expressions are in text order and do not overlap. If base is zero, only
// absolute dates resolve; relative expressions are left out. A span that
// does not lie inside text is clipped to it.
func Find(text string, s petrel.Span, base time.Time, dst []Expr) []Expr {
	f := finder{text: text, lo: max(s.Start, 0), hi: min(s.End, len(text)), loc: time.UTC}
	if !base.IsZero() {
		f.loc = base.Location()
		f.base = time.Date(base.Year(), base.Month(), base.Day(), 0, 0, 0, 0, f.loc)
		f.hasBase = true
	}
	f.floor = f.lo
	for i := f.lo; i < f.hi; {
		t := f.next(i)
		if t.kind == kEnd {
			break
		}
		i = t.end
		var e Expr
		var ok bool
		switch t.kind {
		case kAlpha:
			// Why: every anchor word but "Thanksgiving" is 3 to 9 letters
			// long and starts with one of a few pairs of letters for its
			// length; checking the length and the first two letters
			// rejects most words without lower-casing them.
			if n := t.end - t.start; n >= 3 && n <= 9 {
				if anchorCandidate(f.text, t.start, n) {
					e, ok = f.alpha(t)
				}
			} else if n == 12 && f.text[t.start] == 'T' {
				e, ok = f.thanksgiving(t) // the one anchor longer than 9 letters
			}
		case kNum:
			e, ok = f.num(t)
		case kPunct:
			if f.hasRef && f.newClause(t) {
				f.hasRef = false // "the day before" counts within its clause's reach
			}
		}
		if ok {
			dst = append(dst, e)
			i = e.Span.End
			f.floor = i
			if e.Precision == Day {
				f.ref, f.hasRef = e.Date, true
			}
		}
	}
	return dst
}

// anchorWords are the words alpha matches (lower case). anchorFirst[n][c-'a']
// has bit d-'a' set when one of them is n letters long and starts with
// the letters c and d.
var anchorWords = [...]string{
	"yesterday", "today", "tonight", "tomorrow", "day", "days", "week", "weeks", "month", "months",
	"year", "years", "weekend", "overnight", "spring", "christmas", "halloween", "valentine", "boxing", "bastille",
	"women", "easter", "pentecost", "whitsun", "eid", "ramadan", "ramazan", "ramzan", "diwali", "divali",
	"deepavali", "deepawali", "nowruz", "norouz", "noruz", "nowrouz", "nawruz", "newroz", "navruz", "nauryz",
	"rosh", "yom", "sukkot", "succot", "sukkoth", "succoth", "simchat", "simhat", "simchas", "shemini", "passover",
	"pesach", "purim", "shavuot", "shavuos", "hanukkah", "chanukah", "hanukah", "chanukkah",
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}

// anchorCandidate reports whether the word of n letters (3 to 9) at
// text[start:] may be one of anchorWords: whether its first two letters,
// in either case, begin one of that length.
func anchorCandidate(text string, start, n int) bool {
	c, d := text[start]|0x20, text[start+1]|0x20
	return 'a' <= c && c <= 'z' && 'a' <= d && d <= 'z' && anchorFirst[n][c-'a']&(1<<(d-'a')) != 0
}

var anchorFirst = func() (m [10][26]uint32) {
	for _, w := range anchorWords {
		m[len(w)][w[0]-'a'] |= 1 << (w[1] - 'a')
	}
	return m
}()

// Token kinds of the finder's scanner.
const (
	kEnd   = iota
	kAlpha // a run of letters
	kNum   // a run of ASCII digits
	kPunct // one other character
)

// tok is a token of the finder's scanner.
type tok struct {
	start, end int
	kind       uint8
}

// finder holds the state of one Find call.
type finder struct {
	text    string
	lo, hi  int
	floor   int // expressions may not start before the end of the last one
	base    time.Time
	hasBase bool
	ref     time.Time // the last day-precision date found in the sentence, for "the day before"
	hasRef  bool
	loc     *time.Location
}

// next returns the token at or after i, skipping whitespace.
func (f *finder) next(i int) tok {
	text := f.text
	for i < f.hi {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
			continue
		case isASCIILetter(c):
			j := i + 1
			for j < f.hi && isASCIILetter(text[j]) {
				j++
			}
			if j < f.hi && text[j] >= 0x80 {
				j = f.letters(j)
			}
			return tok{i, j, kAlpha}
		case '0' <= c && c <= '9':
			j := i + 1
			for j < f.hi && '0' <= text[j] && text[j] <= '9' {
				j++
			}
			return tok{i, j, kNum}
		case c < 0x80:
			return tok{i, i + 1, kPunct}
		}
		r, size := utf8.DecodeRuneInString(text[i:f.hi])
		switch {
		case unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF':
			i += size
			continue
		case unicode.IsLetter(r):
			return tok{i, f.letters(i), kAlpha}
		}
		return tok{i, i + size, kPunct}
	}
	return tok{kind: kEnd}
}

// letters returns the end of the run of (possibly non-ASCII) letters at j.
func (f *finder) letters(j int) int {
	for j < f.hi {
		if isASCIILetter(f.text[j]) {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(f.text[j:f.hi])
		if r < 0x80 || !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return j
}

// prev returns the token that ends before i (ignoring whitespace), not
// reaching back before the end of the previous expression.
func (f *finder) prev(i int) tok {
	text := f.text
	for i > f.floor {
		c := text[i-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i--
			continue
		}
		if c >= 0x80 {
			r, size := utf8.DecodeLastRuneInString(text[f.floor:i])
			if unicode.IsSpace(r) {
				i -= size
				continue
			}
			if !unicode.IsLetter(r) {
				return tok{i - size, i, kPunct}
			}
		}
		switch {
		case isASCIILetter(c) || c >= 0x80:
			j := i
			for j > f.floor {
				if isASCIILetter(text[j-1]) {
					j--
					continue
				}
				if text[j-1] < 0x80 {
					break
				}
				r, size := utf8.DecodeLastRuneInString(text[f.floor:j])
				if !unicode.IsLetter(r) {
					break
				}
				j -= size
			}
			return tok{j, i, kAlpha}
		case '0' <= c && c <= '9':
			j := i - 1
			for j > f.floor && '0' <= text[j-1] && text[j-1] <= '9' {
				j--
			}
			return tok{j, i, kNum}
		}
		return tok{i - 1, i, kPunct}
	}
	return tok{kind: kEnd}
}

// isASCIILetter reports whether c is an ASCII letter. Why one comparison:
// c|0x20 lower-cases a capital and moves no other byte into 'a'..'z'.
func isASCIILetter(c byte) bool { return (c|0x20)-'a' < 26 }

// word returns the token's text lower-cased into buf (ASCII only; other
// bytes are copied). Words longer than buf never match and yield "".
func (f *finder) word(t tok, buf *[12]byte) []byte {
	if t.kind != kAlpha || t.end-t.start > len(buf) {
		return nil
	}
	n := 0
	for k := t.start; k < t.end; k++ {
		c := f.text[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// is reports whether token t is the word w (lower case), ignoring case.
func (f *finder) is(t tok, w string) bool {
	if t.kind != kAlpha || t.end-t.start != len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := f.text[t.start+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// isPunct reports whether t is the single ASCII character c.
func (f *finder) isPunct(t tok, c byte) bool {
	return t.kind == kPunct && t.end-t.start == 1 && f.text[t.start] == c
}

// capital reports whether token t starts with an upper-case ASCII letter.
func (f *finder) capital(t tok) bool {
	c := f.text[t.start]
	return 'A' <= c && c <= 'Z'
}

// numValue returns the value of a digit token of at most 4 digits, or -1.
func (f *finder) numValue(t tok) int {
	if t.kind != kNum || t.end-t.start > 4 {
		return -1
	}
	v := 0
	for k := t.start; k < t.end; k++ {
		v = v*10 + int(f.text[k]-'0')
	}
	return v
}

// date returns midnight of y-m-d in the finder's location.
func (f *finder) date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, f.loc)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// addMonths adds n months to t, clamping the day to the end of the month
// (so that one month before March 31 is February 28, not March 3).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	return first.AddDate(0, 0, min(d, daysIn(first.Year(), first.Month()))-1)
}

// newClause reports whether the punctuation t starts a new main clause, so
// that a date before it is no reference for "the day before" or
// "overnight" after it: a semicolon, or a comma before "and", "but",
// "while" or "whereas" ("Talks are due on Tuesday, and Russia said
// overnight that …").
func (f *finder) newClause(t tok) bool {
	switch {
	case f.isPunct(t, ';'):
		return true
	case f.isPunct(t, ','):
		n := f.next(t.end)
		return f.is(n, "and") || f.is(n, "but") || f.is(n, "while") || f.is(n, "whereas")
	}
	return false
}
