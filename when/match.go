package when

import (
	"time"

	"petrel"
)

// Relative direction set by the word before an anchor.
const (
	modNone = iota
	modNext // "next", "coming", "this coming"
	modLast // "last"
	modThis // "this", "earlier this", "later this"
)

// alpha tries to match a date expression anchored at the word t.
func (f *finder) alpha(t tok) (Expr, bool) {
	var buf [12]byte
	w := f.word(t, &buf)
	switch string(w) {
	case "yesterday":
		return f.day(t.start, t.end, -1)
	case "today", "tonight":
		return f.day(t.start, t.end, 0)
	case "tomorrow":
		return f.day(t.start, t.end, 1)
	case "day", "days":
		if e, ok := f.relativeDay(t, len(w) == 4); ok {
			return e, true
		}
		return f.period(t, 'd', len(w) == 4)
	case "overnight":
		return f.overnight(t)
	case "week", "weeks":
		return f.period(t, 'w', len(w) == 5)
	case "month", "months":
		return f.period(t, 'm', len(w) == 6)
	case "year":
		if e, matched, ok := f.newYear(t); matched {
			return e, ok
		}
		return f.period(t, 'y', false)
	case "years":
		return f.period(t, 'y', true)
	case "weekend":
		return f.weekend(t)
	case "spring":
		return f.springFestival(t)
	case "christmas", "halloween", "valentine", "boxing", "bastille", "women", "easter", "pentecost", "whitsun":
		e, _, ok := f.holidayWord(t, w)
		return e, ok
	case "eid":
		return f.islamicHoliday(t)
	case "ramadan", "ramazan", "ramzan":
		return f.ramadan(t)
	case "diwali", "divali", "deepavali", "deepawali":
		return f.diwaliWord(t)
	case "nowruz", "norouz", "noruz", "nowrouz", "nawruz", "newroz", "navruz", "nauryz":
		return f.nowruzWord(t, w)
	case "rosh", "yom", "sukkot", "succot", "sukkoth", "succoth", "simchat", "simhat", "simchas", "shemini",
		"passover", "pesach", "purim", "shavuot", "shavuos", "hanukkah", "chanukah", "hanukah", "chanukkah":
		return f.jewishHoliday(t, w)
	}
	if wd, ok := weekdayOf(w); ok {
		return f.weekday(t, wd)
	}
	if m, strict := monthOf(w); m != 0 {
		if strict && !f.capital(t) {
			return Expr{}, false
		}
		return f.month(t, m, strict)
	}
	return Expr{}, false
}

// weekdayOf returns the weekday a lower-case word names.
func weekdayOf(w []byte) (time.Weekday, bool) {
	switch string(w) {
	case "sunday":
		return time.Sunday, true
	case "monday":
		return time.Monday, true
	case "tuesday":
		return time.Tuesday, true
	case "wednesday":
		return time.Wednesday, true
	case "thursday":
		return time.Thursday, true
	case "friday":
		return time.Friday, true
	case "saturday":
		return time.Saturday, true
	}
	return 0, false
}

// monthOf returns the month a lower-case word names, or 0. strict is true
// for the names that are also ordinary words or abbreviations ("may",
// "march", "jan", ...): those must be capitalised to count.
func monthOf(w []byte) (m time.Month, strict bool) {
	switch string(w) {
	case "january":
		return time.January, false
	case "february":
		return time.February, false
	case "march":
		return time.March, true
	case "april":
		return time.April, false
	case "may":
		return time.May, true
	case "june":
		return time.June, false
	case "july":
		return time.July, false
	case "august":
		return time.August, false
	case "september":
		return time.September, false
	case "october":
		return time.October, false
	case "november":
		return time.November, false
	case "december":
		return time.December, false
	case "jan":
		return time.January, true
	case "feb":
		return time.February, true
	case "mar":
		return time.March, true
	case "apr":
		return time.April, true
	case "jun":
		return time.June, true
	case "jul":
		return time.July, true
	case "aug":
		return time.August, true
	case "sep", "sept":
		return time.September, true
	case "oct":
		return time.October, true
	case "nov":
		return time.November, true
	case "dec":
		return time.December, true
	}
	return 0, false
}

// day resolves "yesterday", "today", "tomorrow": base plus delta days.
func (f *finder) day(start, end, delta int) (Expr, bool) {
	if !f.hasBase {
		return Expr{}, false
	}
	return Expr{Span: petrel.Span{Start: start, End: end}, Date: f.base.AddDate(0, 0, delta), Precision: Day}, true
}

// modifier reads the direction word(s) before t and returns the direction
// and where the expression starts.
func (f *finder) modifier(t tok) (int, int) {
	p := f.prev(t.start)
	switch {
	case f.is(p, "next"):
		return modNext, p.start
	case f.is(p, "last"):
		return modLast, p.start
	case f.is(p, "coming"):
		if p2 := f.prev(p.start); f.is(p2, "this") {
			return modNext, p2.start
		}
		return modNext, p.start
	case f.is(p, "this"):
		if p2 := f.prev(p.start); f.is(p2, "earlier") || f.is(p2, "later") {
			return modThis, p2.start
		}
		return modThis, p.start
	}
	return modNone, t.start
}

// part reads "early", "mid", "mid-" or "late" before position i and
// returns the day of the month it stands for (5, 15, 25; 0 if none) and
// where it starts.
func (f *finder) part(i int) (int, int) {
	p := f.prev(i)
	if f.isPunct(p, '-') || (p.kind == kPunct && p.end-p.start == 3 && f.text[p.start] == 0xE2) {
		if p2 := f.prev(p.start); f.is(p2, "mid") && p2.end == p.start {
			return 15, p2.start
		}
		return 0, i
	}
	switch {
	case f.is(p, "early"):
		return 5, p.start
	case f.is(p, "mid"):
		return 15, p.start
	case f.is(p, "late"):
		return 25, p.start
	}
	return 0, i
}

// weekday resolves a weekday name: the most recent such day on or before
// the base date, the following one after "next" or "this coming", the one
// before the base date after "last".
func (f *finder) weekday(t tok, wd time.Weekday) (Expr, bool) {
	if e, matched, ok := f.weekdayHoliday(t, wd); matched {
		return e, ok // "Good Friday", "Palm Sunday"
	}
	// "Tuesday, Oct. 19" and "Tuesday 19 October": leave it to the date.
	n := f.next(t.end)
	if f.isPunct(n, ',') {
		n = f.next(n.end)
	}
	if n.kind == kAlpha {
		var buf [12]byte
		if m, _ := monthOf(f.word(n, &buf)); m != 0 {
			return Expr{}, false
		}
	}
	if n.kind == kNum && n.end-n.start <= 2 {
		var buf [12]byte
		if m, _ := monthOf(f.word(f.next(n.end), &buf)); m != 0 {
			return Expr{}, false
		}
	}
	if !f.hasBase {
		return Expr{}, false
	}
	mode, start := f.modifier(t)
	bw := int(f.base.Weekday())
	var delta int
	switch mode {
	case modNext:
		delta = (int(wd) - bw + 7) % 7
		if delta == 0 {
			delta = 7
		}
	case modLast:
		delta = -((bw - int(wd) + 7) % 7)
		if delta == 0 {
			delta = -7
		}
	default:
		delta = -((bw - int(wd) + 7) % 7)
	}
	return Expr{Span: petrel.Span{Start: start, End: t.end}, Date: f.base.AddDate(0, 0, delta), Precision: Day}, true
}

// dayAt reads a day of the month (1-31, optionally with an ordinal
// suffix) at n and returns it and its end, or 0.
func (f *finder) dayAt(n tok) (int, int) {
	if n.kind != kNum || n.end-n.start > 2 {
		return 0, 0
	}
	d := f.numValue(n)
	if d < 1 || d > 31 {
		return 0, 0
	}
	end := n.end
	if end < f.hi {
		switch c := f.text[end]; {
		case isASCIILetter(c):
			s := f.next(end)
			if !(f.is(s, "st") || f.is(s, "nd") || f.is(s, "rd") || f.is(s, "th")) {
				return 0, 0
			}
			end = s.end
		case c == ':' || c == '/' || c == '%':
			return 0, 0 // a time or a fraction, not a day
		case (c == '.' || c == ',') && end+1 < f.hi && '0' <= f.text[end+1] && f.text[end+1] <= '9':
			return 0, 0 // "5.5", "19,000"
		}
	}
	return d, end
}

// yearAt reads a plausible year (four digits, 1800-2100, not part of a
// larger number) at n and returns it and its end, or 0.
func (f *finder) yearAt(n tok) (int, int) {
	if n.kind != kNum || n.end-n.start != 4 {
		return 0, 0
	}
	y := f.numValue(n)
	if y < 1800 || y > 2100 {
		return 0, 0
	}
	if n.start > f.lo {
		switch c := f.text[n.start-1]; c {
		case ',', '.':
			if n.start-1 > f.lo && '0' <= f.text[n.start-2] && f.text[n.start-2] <= '9' {
				return 0, 0 // "1,750", "3.2021"
			}
		case '$', '#', '+':
			return 0, 0
		}
	}
	if n.end < f.hi {
		switch c := f.text[n.end]; {
		case isASCIILetter(c) || c == '%' || c == ':':
			return 0, 0 // "1990s", "2000m", "20:15"
		case (c == ',' || c == '.') && n.end+1 < f.hi && '0' <= f.text[n.end+1] && f.text[n.end+1] <= '9':
			return 0, 0
		}
	}
	return y, n.end
}

// month matches an expression anchored at a month name: "Oct. 19",
// "October 19, 2021", "October 2021", "in mid-August", "next March".
func (f *finder) month(t tok, m time.Month, strict bool) (Expr, bool) {
	end := t.end
	if m == time.May && t.end-t.start == 3 {
		if n := f.next(end); f.is(n, "day") {
			return f.resolveHoliday(t.start, n.end, holiday{rule: RuleFixedHoliday, month: time.May, day: 1}, 0)
		}
	}
	if f.abbrevDot(t) {
		end++ // "Oct. 19"
	}
	n := f.next(end)
	if d, dend := f.dayAt(n); d > 0 {
		yn := f.next(dend)
		if f.isPunct(yn, ',') {
			yn = f.next(yn.end)
		}
		if y, yend := f.yearAt(yn); y > 0 {
			return f.absolute(t.start, yend, y, m, d)
		}
		return f.nearest(t.start, dend, m, d)
	}
	part, start := f.part(t.start)
	if y, yend := f.yearAt(n); y > 0 {
		if part == 0 {
			part = 1
		}
		return Expr{Span: petrel.Span{Start: start, End: yend}, Date: f.date(y, m, part), Precision: Month}, true
	}
	if !f.hasBase {
		return Expr{}, false
	}
	mode, mstart := f.modifier(t)
	if mode != modNone {
		start = mstart
		if part == 0 {
			part, start = f.part(mstart)
		}
	}
	if m == time.May && mode == modNone && part == 0 && !f.monthContext(t) {
		return Expr{}, false // "may" the verb
	}
	if strict && t.end-t.start <= 4 && mode == modNone && part == 0 && !f.monthContext(t) {
		return Expr{}, false // a bare "Mar" or "Dec" is too ambiguous
	}
	y, bm := f.base.Year(), f.base.Month()
	switch mode {
	case modNone:
		if m > bm {
			y--
		}
	case modNext:
		if m <= bm {
			y++
		}
	case modLast:
		if m >= bm {
			y--
		}
	}
	if part == 0 {
		part = 1
	}
	// A bare month keeps its period out of the span: it may end the sentence.
	return Expr{Span: petrel.Span{Start: start, End: t.end}, Date: f.date(y, m, part), Precision: Month}, true
}

// abbrevDot reports whether the month name t is an abbreviation ("Oct",
// "Sept") directly followed by a period.
func (f *finder) abbrevDot(t tok) bool {
	return t.end < f.hi && f.text[t.end] == '.' && t.end-t.start <= 4 &&
		!f.is(t, "may") && !f.is(t, "june") && !f.is(t, "july")
}

// monthContext reports whether the word before the month name t is a
// preposition that introduces a time ("in May", "since March").
func (f *finder) monthContext(t tok) bool {
	p := f.prev(t.start)
	var buf [12]byte
	switch string(f.word(p, &buf)) {
	case "in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
		"before", "after", "end", "early", "late", "mid", "beginning", "last", "next", "this":
		return true
	}
	return false
}

// absolute returns a Day expression for y-m-d if it is a valid date.
func (f *finder) absolute(start, end, y int, m time.Month, d int) (Expr, bool) {
	if m < time.January || m > time.December || d < 1 || d > daysIn(y, m) {
		return Expr{}, false
	}
	return Expr{Span: petrel.Span{Start: start, End: end}, Date: f.date(y, m, d), Precision: Day}, true
}

// nearest resolves a month and day without a year against the base date.
// News mostly looks back, so the date is taken in the base year unless
// that puts it more than two months ahead (then the year before) or more
// than ten months behind (then the year after): "March 5" in an article of
// 2021-10-20 is 2021-03-05, "Jan. 3" in one of 2021-12-30 is 2022-01-03.
func (f *finder) nearest(start, end int, m time.Month, d int) (Expr, bool) {
	if !f.hasBase || d > daysIn(2000, m) { // 2000 is a leap year: Feb. 29 is allowed
		return Expr{}, false
	}
	y := f.base.Year()
	c := time.Date(y, m, 1, 0, 0, 0, 0, f.loc).AddDate(0, 0, d-1)
	switch {
	case c.After(f.base.AddDate(0, 2, 0)):
		y--
	case c.Before(f.base.AddDate(0, -10, 0)):
		y++
	}
	if d > daysIn(y, m) { // Feb. 29 outside a leap year
		return Expr{}, false
	}
	e := Expr{Span: petrel.Span{Start: start, End: end}, Date: f.date(y, m, d), Precision: Day, YearGuessed: true}
	if d <= daysIn(y-1, m) {
		e.Earlier = f.date(y-1, m, d)
	}
	return e, true
}

// num matches an expression anchored at a number: "2021-10-19",
// "19 October 2021", "in 2019".
func (f *finder) num(t tok) (Expr, bool) {
	text := f.text
	// ISO 8601: 2021-10-19
	if t.end-t.start == 4 && t.end+6 <= f.hi && text[t.end] == '-' && text[t.end+3] == '-' &&
		digits(text[t.end+1:t.end+3]) && digits(text[t.end+4:t.end+6]) &&
		(t.end+6 == f.hi || text[t.end+6] < '0' || text[t.end+6] > '9') {
		y := f.numValue(t)
		m := time.Month(int(text[t.end+1]-'0')*10 + int(text[t.end+2]-'0'))
		d := int(text[t.end+4]-'0')*10 + int(text[t.end+5]-'0')
		return f.absolute(t.start, t.end+6, y, m, d)
	}
	// Day first: "19 October 2021", "19th of October"
	if d, dend := f.dayAt(t); d > 0 {
		n := f.next(dend)
		if f.is(n, "of") {
			n = f.next(n.end)
		}
		var buf [12]byte
		if m, strict := monthOf(f.word(n, &buf)); m != 0 && (!strict || f.capital(n)) {
			end := n.end
			if f.abbrevDot(n) {
				end++
			}
			yn := f.next(end)
			if f.isPunct(yn, ',') {
				yn = f.next(yn.end)
			}
			if y, yend := f.yearAt(yn); y > 0 {
				return f.absolute(t.start, yend, y, m, d)
			}
			return f.nearest(t.start, n.end, m, d)
		}
		if dend > t.end {
			return f.ordinalDay(t, d, dend) // "on the 30th"
		}
		return Expr{}, false
	}
	// A year after a word that introduces one.
	y, yend := f.yearAt(t)
	if y == 0 {
		return Expr{}, false
	}
	p := f.prev(t.start)
	var buf [12]byte
	switch string(f.word(p, &buf)) {
	case "in", "since", "until", "till", "from", "to", "by", "of", "during", "before", "after",
		"between", "and", "early", "late", "mid", "end", "for", "through", "throughout", "around",
		"year", "fiscal", "circa", "spring", "summer", "autumn", "fall", "winter":
	case "the":
		// "the 1994 genocide", "the 2015 attack", "the 2020 election": a
		// year before a word, which the coder judges (a noun's date, or
		// its event's when the noun is the event).
		if n := f.next(yend); n.kind != kAlpha || yend < f.hi && f.text[yend] != ' ' {
			return Expr{}, false
		}
	default:
		return Expr{}, false
	}
	if f.unitAfter(yend) {
		return Expr{}, false // "to 2000 tonnes"
	}
	return Expr{Span: petrel.Span{Start: t.start, End: yend}, Date: f.date(y, time.January, 1), Precision: Year}, true
}

// unitAfter reports whether the word at i is a unit or count noun, which
// makes the number before it a quantity rather than a year.
func (f *finder) unitAfter(i int) bool {
	n := f.next(i)
	var buf [12]byte
	switch string(f.word(n, &buf)) {
	case "tonnes", "tons", "tonne", "ton", "dlrs", "dollars", "dlr", "pct", "percent", "mln",
		"million", "billion", "bln", "barrels", "bags", "shares", "people", "troops", "units",
		"points", "feet", "metres", "meters", "km", "miles", "acres", "hectares", "kg",
		"pounds", "yen", "marks", "francs", "stg", "euros", "workers", "jobs", "cars",
		"vehicles", "employees", "soldiers", "votes", "seats", "homes", "men", "women",
		"children", "hours", "minutes", "days", "weeks", "months", "years", "times":
		return true
	}
	return false
}

// digits reports whether s is a non-empty run of ASCII digits.
func digits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// period matches expressions anchored at "day", "week", "month" or "year":
// "last week", "next month", "earlier this year", "early next month",
// "two weeks ago". unit is 'd', 'w', 'm' or 'y'.
func (f *finder) period(t tok, unit byte, plural bool) (Expr, bool) {
	if !f.hasBase {
		return Expr{}, false
	}
	// "a week ago", "two days ago", "3 years ago"
	if n := f.next(t.end); f.is(n, "ago") {
		p := f.prev(t.start)
		count := 0
		if p.kind == kNum && p.end-p.start <= 3 {
			count = f.numValue(p)
		} else {
			var buf [12]byte
			count = numberWord(f.word(p, &buf))
		}
		if count <= 0 || (count == 1) == plural && p.kind != kNum {
			return Expr{}, false
		}
		var d time.Time
		var prec Precision
		switch unit {
		case 'd':
			d, prec = f.base.AddDate(0, 0, -count), Day
		case 'w':
			d, prec = f.base.AddDate(0, 0, -7*count), Week
		case 'm':
			d, prec = addMonths(f.base, -count), Month
		default:
			d, prec = addMonths(f.base, -12*count), Year
		}
		return Expr{Span: petrel.Span{Start: p.start, End: n.end}, Date: d, Precision: prec}, true
	}
	if plural || unit == 'd' {
		return Expr{}, false
	}
	mode, start := f.modifier(t)
	if mode == modNone {
		return Expr{}, false
	}
	step := 0
	switch mode {
	case modNext:
		step = 1
	case modLast:
		step = -1
	}
	part, pstart := f.part(start)
	if part != 0 {
		start = pstart
	}
	e := Expr{Span: petrel.Span{Start: start, End: t.end}}
	switch unit {
	case 'w':
		e.Date, e.Precision = f.base.AddDate(0, 0, 7*step), Week
	case 'm':
		e.Date, e.Precision = addMonths(f.base, step), Month
		if part != 0 {
			e.Date = f.date(e.Date.Year(), e.Date.Month(), part)
		}
	default:
		e.Date, e.Precision = addMonths(f.base, 12*step), Year
	}
	return e, true
}

// numberWord returns the value of a small number word ("a", "two"), or 0.
func numberWord(w []byte) int {
	switch string(w) {
	case "a", "an", "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	}
	return 0
}

// weekend resolves "the weekend", "over the weekend", "last weekend",
// "this weekend" or "next weekend" to the weekend's Saturday, with week
// precision: the weekend on or before the base date (the one before it
// after "last" when the base date is itself in a weekend), the following
// one after "next" or "this coming". A bare "weekend" ("weekend talks")
// is no date, nor is one followed by a lower-case word other than a
// function word: "at the weekend meeting" names the meeting.
func (f *finder) weekend(t tok) (Expr, bool) {
	if !f.hasBase {
		return Expr{}, false
	}
	var buf [12]byte
	if n := f.next(t.end); n.kind == kAlpha && !f.capital(n) && !weekendFollowers[string(f.word(n, &buf))] {
		return Expr{}, false
	}
	mode, start := f.modifier(t)
	if mode == modNone {
		p := f.prev(t.start)
		if !f.is(p, "the") {
			return Expr{}, false
		}
		start = p.start
	}
	bw := int(f.base.Weekday())
	back := (bw - int(time.Saturday) + 7) % 7 // days since the last Saturday on or before base
	var delta int
	switch mode {
	case modNext:
		delta = 7 - back
	case modLast:
		delta = -back
		if bw == int(time.Saturday) || bw == int(time.Sunday) {
			delta -= 7
		}
	default:
		delta = -back
	}
	return Expr{Span: petrel.Span{Start: start, End: t.end}, Date: f.base.AddDate(0, 0, delta), Precision: Week}, true
}

// weekendFollowers are the lower-case words that may follow a weekend
// that is a date: "over the weekend and on Monday", "at the weekend in
// Vienna".
var weekendFollowers = map[string]bool{"and": true, "or": true, "but": true, "in": true, "at": true, "on": true,
	"to": true, "for": true, "with": true, "after": true, "before": true, "when": true, "while": true, "as": true,
	"that": true, "by": true, "from": true, "near": true, "against": true, "amid": true, "during": true, "despite": true}

// relativeDay matches a day counted from the date before it in the
// sentence (the reference, f.ref): "the day before", "the previous day",
// "a day earlier" (reference − 1), "the day after", "the next day", "the
// following day", "two days later" (reference + n). With no day-precision
// date before it in the sentence there is nothing to count from, and it
// is no date: "The day before, rebels had shelled Sumy" gives way to the
// article's date rather than guess that the article's day is meant. "the
// day before" and "the day after" must end their phrase ("the day before
// the talks" counts from the talks). t is "day" or "days".
func (f *finder) relativeDay(t tok, plural bool) (Expr, bool) {
	if !f.hasRef {
		return Expr{}, false
	}
	p, n := f.prev(t.start), f.next(t.end)
	start, end, delta := 0, 0, 0
	switch {
	case !plural && f.is(p, "the") && (f.is(n, "before") || f.is(n, "after")):
		if !f.phraseEnd(n.end) {
			return Expr{}, false
		}
		start, end, delta = p.start, n.end, 1
		if f.is(n, "before") {
			delta = -1
		}
	case !plural && (f.is(p, "previous") || f.is(p, "next") || f.is(p, "following")):
		if q := f.prev(p.start); f.is(q, "the") {
			start, end, delta = q.start, t.end, 1
			if f.is(p, "previous") {
				delta = -1
			}
		}
	case f.is(n, "earlier") || f.is(n, "later"):
		count := 0
		if p.kind == kNum && p.end-p.start <= 2 {
			count = f.numValue(p)
		} else {
			var buf [12]byte
			count = numberWord(f.word(p, &buf))
		}
		if count <= 0 || count > 14 || (count == 1) == plural && p.kind != kNum {
			return Expr{}, false
		}
		start, end, delta = p.start, n.end, count
		if f.is(n, "earlier") {
			delta = -count
		}
	}
	if delta == 0 {
		return Expr{}, false
	}
	return Expr{Span: petrel.Span{Start: start, End: end}, Date: f.ref.AddDate(0, 0, delta), Precision: Day, Rule: RuleReference}, true
}

// overnight matches "overnight" after a day-precision date in the
// sentence: the night that ends on that day ("said on Monday that Russia
// had launched 90 drones overnight" is Monday's). With no such date it is
// no date: the event keeps the article's date, which a report of the
// night before usually bears.
func (f *finder) overnight(t tok) (Expr, bool) {
	if !f.hasRef {
		return Expr{}, false
	}
	if n := f.next(t.end); n.kind == kAlpha && !f.capital(n) && !weekendFollowers[f.lower(n)] {
		return Expr{}, false // "overnight talks", "an overnight curfew"
	}
	return Expr{Span: petrel.Span{Start: t.start, End: t.end}, Date: f.ref, Precision: Day, Rule: RuleReference}, true
}

// phraseEnd reports whether nothing that could be a noun follows i: the
// end of the sentence, punctuation, or a lower-case function word.
func (f *finder) phraseEnd(i int) bool {
	n := f.next(i)
	switch n.kind {
	case kEnd, kPunct:
		return true
	case kAlpha:
		return !f.capital(n) && weekendFollowers[f.lower(n)] && !f.is(n, "on") && !f.is(n, "in") && !f.is(n, "at")
	}
	return false
}

// lower returns token t lower-cased as a string, for a map look-up (which
// does not allocate), or "" for a long word.
func (f *finder) lower(t tok) string {
	var buf [12]byte
	return string(f.word(t, &buf))
}
