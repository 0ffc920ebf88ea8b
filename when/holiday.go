package when

import (
	"time"

	"petrel"
)

// Rule says how an expression's date was resolved, for `petrel explain`.
type Rule uint8

// Rules. The zero Rule is a date stated in the text or counted from the
// article's date ("Oct. 19", "on Tuesday", "last week").
const (
	RuleCalendar             Rule = iota
	RuleOrdinalDay                // "on the 30th": the latest such day of a month on or before the base date
	RuleFixedHoliday              // "Christmas Day": a fixed day of the year
	RuleEaster                    // "Good Friday": counted from Easter, by the Gregorian computus
	RuleOrthodoxEaster            // "Orthodox Easter": counted from Easter by the Julian computus, as a Gregorian date
	RuleThanksgiving              // US Thanksgiving: the fourth Thursday of November
	RuleCanadianThanksgiving      // the second Monday of October
	RuleLunarNewYear              // the first day of the Chinese calendar's year, from a table (1901–2099)
	RuleRamadan                   // the first day of Ramadan, from a table (lunar.go, 2000–2035)
	RuleEidAlFitr                 // Eid al-Fitr, from a table
	RuleEidAlAdha                 // Eid al-Adha, from a table
	RuleEid                       // "Eid" alone: Eid al-Fitr or Eid al-Adha, whichever is nearer before the base date
	RuleDiwali                    // Diwali, from a table
	RuleNowruz                    // Nowruz, the Iranian new year, from a table
	RuleReference                 // "the day before", "overnight": counted from the date before it in the sentence
	RuleTishrei                   // Rosh Hashanah, or counted from it (Yom Kippur, Sukkot), from a table of the Hebrew calendar
	RulePassover                  // Passover, or counted from it (Purim, Shavuot), from a table
	RuleHanukkah                  // Hanukkah, from a table
)

var ruleNames = [...]string{
	RuleCalendar:             "",
	RuleOrdinalDay:           "the latest such day of a month on or before the article date",
	RuleFixedHoliday:         "a fixed holiday",
	RuleEaster:               "counted from Easter by the Gregorian computus",
	RuleOrthodoxEaster:       "counted from Orthodox Easter by the Julian computus",
	RuleThanksgiving:         "US Thanksgiving, the fourth Thursday of November",
	RuleCanadianThanksgiving: "Canadian Thanksgiving, the second Monday of October",
	RuleLunarNewYear:         "Lunar New Year, from a table of the Chinese calendar",
	RuleRamadan:              "Ramadan, from a table of the Umm al-Qura calendar",
	RuleEidAlFitr:            "Eid al-Fitr, from a table of the Umm al-Qura calendar",
	RuleEidAlAdha:            "Eid al-Adha, from a table of the Umm al-Qura calendar",
	RuleEid:                  "Eid al-Fitr or Eid al-Adha, from a table of the Umm al-Qura calendar",
	RuleDiwali:               "Diwali, from a table",
	RuleNowruz:               "Nowruz, from a table of the Iranian calendar",
	RuleReference:            "counted from the date before it in the sentence",
	RuleTishrei:              "counted from Rosh Hashanah, from a table of the Hebrew calendar",
	RulePassover:             "counted from Passover, from a table of the Hebrew calendar",
	RuleHanukkah:             "Hanukkah, from a table of the Hebrew calendar",
}

// String describes how a date was resolved by the rule, or "" for a date
// stated in the text or counted from the base date.
func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return ""
}

// holiday is a day of the year named by a holiday: a fixed month and day,
// a number of days from Easter or from a weekday rule, or a day from a
// table (lunar.go).
type holiday struct {
	rule   Rule
	month  time.Month // fixed holidays
	day    int
	offset int  // days after the rule's day: Good Friday is Easter −2
	days   int  // how many days the holiday lasts, when more than one (Ramadan)
	name   bool // the word is also a surname ("Eid", "Ramadan"): not after "to", "and", "or"
}

// dates appends to dst the holiday's dates in years y0 to y1, in order:
// one a year, or, for a holiday of the Islamic calendar, none, one or two.
// A year a table does not cover has none.
func (h holiday) dates(y0, y1 int, loc *time.Location, dst []time.Time) []time.Time {
	if h.rule >= RuleRamadan && h.rule != RuleReference {
		return h.tableDates(y0, y1, loc, dst)
	}
	for y := y0; y <= y1; y++ {
		if d := h.in(y, loc); !d.IsZero() {
			dst = append(dst, d)
		}
	}
	return dst
}

// in returns the holiday's date in year y, in location loc, or the zero
// time if it is not known for that year.
func (h holiday) in(y int, loc *time.Location) time.Time {
	var d time.Time
	switch h.rule {
	case RuleLunarNewYear:
		if y < lunarFirstYear || y >= lunarFirstYear+len(lunarNewYear) {
			return time.Time{}
		}
		d = time.Date(y, time.January, 20+int(lunarNewYear[y-lunarFirstYear]), 0, 0, 0, 0, loc)
	case RuleEaster:
		m, day := easter(y)
		d = time.Date(y, m, day, 0, 0, 0, 0, loc)
	case RuleOrthodoxEaster:
		m, day := orthodoxEaster(y)
		d = time.Date(y, m, day, 0, 0, 0, 0, loc)
	case RuleThanksgiving:
		nov1 := time.Date(y, time.November, 1, 0, 0, 0, 0, loc)
		d = nov1.AddDate(0, 0, (int(time.Thursday)-int(nov1.Weekday())+7)%7+21)
	case RuleCanadianThanksgiving:
		oct1 := time.Date(y, time.October, 1, 0, 0, 0, 0, loc)
		d = oct1.AddDate(0, 0, (int(time.Monday)-int(oct1.Weekday())+7)%7+7)
	default:
		d = time.Date(y, h.month, h.day, 0, 0, 0, 0, loc)
	}
	return d.AddDate(0, 0, h.offset)
}

// easter returns the date of Easter Sunday in the Gregorian calendar in
// year y, by the anonymous Gregorian computus (Meeus, Astronomical
// Algorithms, ch. 8).
func easter(y int) (time.Month, int) {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return time.Month(n / 31), n%31 + 1
}

// orthodoxEaster returns the Gregorian date of Easter in the Julian
// calendar (the Orthodox churches' Easter) in year y: Meeus's Julian
// computus, then the calendars' difference in days (13 in 1900–2099).
func orthodoxEaster(y int) (time.Month, int) {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	n := d + e + 114
	t := time.Date(y, time.Month(n/31), n%31+1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, y/100-y/400-2)
	return t.Month(), t.Day()
}

// resolveHoliday resolves the holiday h named by text[start:end], shifted
// by shift days ("the eve of", "the day after"). The holiday must follow a
// preposition (holidayPreps), be shifted, or follow "last", "this" or
// "next". With none of those words it is resolved like a month and day
// without a year (see nearest): the latest date no more than two months
// after the base date, the one before that kept in Earlier. "last
// Christmas" is the latest before the base date (for a holiday of several
// days, the latest over before it: "last Ramadan" in Ramadan is the year
// before's), "next Easter" the first after it, "this Christmas" the
// nearest to it. A date beyond a table's years is no date.
func (f *finder) resolveHoliday(start, end int, h holiday, shift int) (Expr, bool) {
	if !f.hasBase {
		return Expr{}, false
	}
	s0 := start
	mode := modNone
	if start, shift = f.holidayShift(start, shift); start == s0 {
		if mode, start = f.holidayModifier(start); mode == modNone {
			var buf [12]byte
			w := string(f.word(f.prev(start), &buf))
			if !holidayPreps[w] {
				return Expr{}, false // "to celebrate May Day": a name, not a time
			}
			if h.name && (w == "to" || w == "and" || w == "or") {
				return Expr{}, false // "according to Eid, …", "Saddam and Ramadan"
			}
		}
	}
	var buf [8]time.Time
	y := f.base.Year()
	occ := h.dates(y-2, y+1, f.loc, buf[:0])
	for k := range occ {
		occ[k] = occ[k].AddDate(0, 0, shift)
	}
	e := Expr{Span: petrel.Span{Start: start, End: end}, Precision: Day, Rule: h.rule}
	i := -1
	switch mode {
	case modLast:
		for k, c := range occ {
			if c.AddDate(0, 0, max(h.days, 1)-1).Before(f.base) {
				i = k
			}
		}
	case modNext:
		for k := len(occ) - 1; k >= 0; k-- {
			if occ[k].After(f.base) {
				i = k
			}
		}
	case modThis:
		best := time.Duration(1<<63 - 1)
		for k, c := range occ {
			d := c.Sub(f.base)
			if d < 0 {
				d = -d
				if !c.AddDate(0, 0, max(h.days, 1)-1).Before(f.base) {
					d = 0 // the base date lies in it
				}
			}
			if d < best {
				i, best = k, d
			}
		}
	default:
		limit := f.base.AddDate(0, 2, 0)
		for k, c := range occ {
			if !c.After(limit) {
				i = k
			}
		}
		if i >= 0 && occ[i].Before(f.base.AddDate(-1, 0, 0)) {
			i = -1 // past the end of a table
		}
		e.YearGuessed = true
		if i > 0 {
			e.Earlier = occ[i-1]
		}
	}
	if i < 0 {
		return Expr{}, false
	}
	e.Date = occ[i]
	return e, true
}

// holidayModifier reads "last", "next", "this" or "this coming" before a
// holiday starting at start ("last Christmas", "next Ramadan"), not after
// "the" ("the last Christmas before the war"), and returns the direction
// and where the expression starts.
func (f *finder) holidayModifier(start int) (int, int) {
	mode, s := f.modifier(tok{start: start, end: start, kind: kAlpha})
	if mode == modNone {
		return modNone, start
	}
	if p := f.prev(s); f.is(p, "the") {
		return modNone, start
	}
	return mode, s
}

// lunarNewYear holds the day of the Chinese calendar's new year (Lunar
// New Year, the Spring Festival) in each year from lunarFirstYear, as days
// after January 20. The dates were taken from Debian's python3-lunardate
// and agree, for every year, with the independent table of
// python3-holidays' Hong Kong calendar (see NOTICE). Vietnam's Tết and Korea's Seollal are the same day in most
// years, not all (Tết 2007 was February 17): they are not read.
var lunarNewYear = [...]uint8{
	30, 19, 9, 27, 15, 5, 24, 13, 2, 21, // 1901–1910
	10, 29, 17, 6, 25, 14, 3, 22, 12, 31, // 1911–1920
	19, 8, 27, 16, 4, 24, 13, 3, 21, 10, // 1921–1930
	28, 17, 6, 25, 15, 4, 22, 11, 30, 19, // 1931–1940
	7, 26, 16, 5, 24, 13, 2, 21, 9, 28, // 1941–1950
	17, 7, 25, 14, 4, 23, 11, 29, 19, 8, // 1951–1960
	26, 16, 5, 24, 13, 1, 20, 10, 28, 17, // 1961–1970
	7, 26, 14, 3, 22, 11, 29, 18, 8, 27, // 1971–1980
	16, 5, 24, 13, 31, 20, 9, 28, 17, 7, // 1981–1990
	26, 15, 3, 21, 11, 30, 18, 8, 27, 16, // 1991–2000
	4, 23, 12, 2, 20, 9, 29, 18, 6, 25, // 2001–2010
	14, 3, 21, 11, 30, 19, 8, 27, 16, 5, // 2011–2020
	23, 12, 2, 21, 9, 28, 17, 6, 24, 14, // 2021–2030
	3, 22, 11, 30, 19, 8, 26, 15, 4, 23, // 2031–2040
	12, 2, 21, 10, 28, 17, 6, 25, 13, 3, // 2041–2050
	22, 12, 30, 19, 8, 26, 15, 4, 23, 13, // 2051–2060
	1, 20, 9, 28, 16, 6, 25, 14, 3, 22, // 2061–2070
	11, 30, 18, 7, 26, 16, 4, 23, 13, 2, // 2071–2080
	20, 9, 28, 17, 6, 25, 14, 4, 21, 10, // 2081–2090
	29, 18, 7, 26, 16, 5, 23, 12, 1, // 2091–2099
}

// lunarFirstYear is the year of lunarNewYear[0].
const lunarFirstYear = 1901

// holidayPreps introduce a holiday that is a time: "on Good Friday", "at
// Easter", "over Christmas", "ahead of Thanksgiving", "on Christmas Eve
// and New Year's Day". A holiday after any other word names the day, not
// a time ("celebrate May Day", "the Christmas Day attack").
var holidayPreps = map[string]bool{"on": true, "at": true, "over": true, "during": true, "since": true,
	"until": true, "till": true, "by": true, "before": true, "after": true, "for": true, "from": true,
	"to": true, "through": true, "around": true, "in": true, "of": true, "and": true, "or": true,
	"between": true, "throughout": true}

// holidayShift reads "the eve of", "the day before", "the day after",
// "the first (second, third) day of" or "the first night of" before a
// holiday starting at start, and returns where the expression starts and
// the shift in days.
func (f *finder) holidayShift(start, shift int) (int, int) {
	p := f.prev(start)
	var d int
	switch {
	case f.is(p, "of"):
		d = -1
		p = f.prev(p.start)
		if f.is(p, "day") {
			// "the first day of Eid al-Adha", "the second day of Eid"
			p = f.prev(p.start)
			switch {
			case f.is(p, "first"):
				d = 0
			case f.is(p, "second"):
				d = 1
			case f.is(p, "third"):
				d = 2
			default:
				return start, shift
			}
		} else if f.is(p, "night") {
			// "the first night of Hanukkah": the evening before the
			// first day, on which Jewish and Islamic days begin.
			if p = f.prev(p.start); !f.is(p, "first") {
				return start, shift
			}
		} else if !f.is(p, "eve") {
			return start, shift
		}
	case f.is(p, "before"):
		d = -1
		p = f.prev(p.start)
		if !f.is(p, "day") {
			return start, shift
		}
	case f.is(p, "after"):
		d = 1
		p = f.prev(p.start)
		if !f.is(p, "day") {
			return start, shift
		}
	default:
		return start, shift
	}
	if p = f.prev(p.start); !f.is(p, "the") {
		return start, shift
	}
	return p.start, shift + d
}

// possessiveS returns the end of "'s" or "’s" right at i, or 0.
func (f *finder) possessiveS(i int) int {
	text := f.text
	switch {
	case i+2 <= f.hi && text[i] == '\'':
		i++
	case i+4 <= f.hi && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0x99:
		i += 3
	default:
		return 0
	}
	if i < f.hi && (text[i] == 's' || text[i] == 'S') && (i+1 == f.hi || !isASCIILetter(text[i+1])) {
		return i + 1
	}
	return 0
}

// dayWord returns the end of the word "Day" or "Eve" (either case) after i
// (and after "'s" when possessive is set), or 0; eve says which it was.
func (f *finder) dayWord(i int, possessive bool) (end int, eve bool) {
	if possessive {
		if i = f.possessiveS(i); i == 0 {
			return 0, false
		}
	}
	n := f.next(i)
	switch {
	case f.is(n, "day"):
		return n.end, false
	case f.is(n, "eve"):
		return n.end, true
	}
	return 0, false
}

// bareHoliday reports whether a holiday name ending at i stands alone as
// a date: at the end of the sentence, before punctuation other than a
// hyphen, or before a function word ("on Christmas and", "at Easter in
// Rome") or a part of the day ("on Christmas morning"); not before a
// noun it modifies ("Christmas market", "Easter Rising").
func (f *finder) bareHoliday(i int) bool {
	n := f.next(i)
	switch n.kind {
	case kEnd:
		return true
	case kPunct:
		return !f.isPunct(n, '-') && !(n.start == i && n.end-n.start == 3 && f.text[n.start+2] == 0x99) && !f.isPunct(n, '\'')
	case kAlpha:
		if f.capital(n) {
			return false
		}
		var buf [12]byte
		w := f.word(n, &buf)
		return weekendFollowers[string(w)] || dayParts[string(w)]
	}
	return false
}

// dayParts may follow a holiday that is a date: "on Christmas morning".
var dayParts = map[string]bool{"morning": true, "night": true, "evening": true, "afternoon": true, "eve": true, "day": true}

// holidayWord matches a holiday anchored at the lower-case word w (token
// t): "Christmas Day", "Easter Monday", "Halloween", "Pentecost",
// "Valentine's Day", "Boxing Day", "Bastille Day", "International
// Women's Day", "Thanksgiving". ok is false when w is no holiday name.
func (f *finder) holidayWord(t tok, w []byte) (e Expr, matched, ok bool) {
	fixed := func(m time.Month, d int) holiday { return holiday{rule: RuleFixedHoliday, month: m, day: d} }
	switch string(w) {
	case "christmas":
		if !f.capital(t) {
			return Expr{}, true, false
		}
		start := t.start
		h := fixed(time.December, 25)
		if p := f.prev(t.start); f.is(p, "orthodox") && f.capital(p) {
			h.month, h.day, start = time.January, 7, p.start // the Julian December 25 (1900–2099)
		}
		if end, eve := f.dayWord(t.end, false); end > 0 {
			if eve {
				h.offset = -1
			}
			e, ok = f.resolveHoliday(start, end, h, 0)
			return e, true, ok
		}
		if !f.bareHoliday(t.end) {
			return Expr{}, true, false
		}
		e, ok = f.resolveHoliday(start, t.end, h, 0)
		return e, true, ok
	case "halloween":
		if !f.bareHoliday(t.end) {
			return Expr{}, true, false
		}
		e, ok = f.resolveHoliday(t.start, t.end, fixed(time.October, 31), 0)
		return e, true, ok
	case "valentine", "boxing", "bastille", "women":
		if !f.capital(t) {
			return Expr{}, true, false
		}
		end, eve := f.dayWord(t.end, w[0] == 'v' || w[0] == 'w')
		if end == 0 || eve {
			return Expr{}, true, false
		}
		start := t.start
		var h holiday
		switch w[0] {
		case 'v':
			h = fixed(time.February, 14)
		case 'b':
			if w[1] == 'o' {
				h = fixed(time.December, 26)
			} else {
				h = fixed(time.July, 14)
			}
		default:
			h = fixed(time.March, 8)
			if p := f.prev(t.start); f.is(p, "international") {
				start = p.start
			}
		}
		e, ok = f.resolveHoliday(start, end, h, 0)
		return e, true, ok
	case "easter", "pentecost", "whitsun":
		if !f.capital(t) {
			return Expr{}, true, false
		}
		h := holiday{rule: RuleEaster}
		start := t.start
		if p := f.prev(t.start); f.is(p, "orthodox") && f.capital(p) {
			h.rule, start = RuleOrthodoxEaster, p.start
		}
		if w[0] != 'e' {
			h.offset = 49
		}
		end := t.end
		n := f.next(t.end)
		switch {
		case f.is(n, "sunday") || f.is(n, "day"):
			end = n.end
		case f.is(n, "monday"):
			end, h.offset = n.end, h.offset+1
		case f.is(n, "eve") && w[0] == 'e':
			end, h.offset = n.end, -1
		default:
			if !f.bareHoliday(t.end) {
				return Expr{}, true, false
			}
		}
		e, ok = f.resolveHoliday(start, end, h, 0)
		return e, true, ok
	}
	return Expr{}, false, false
}

// thanksgiving matches "Thanksgiving" and "Thanksgiving Day" (token t),
// the US holiday unless "Canadian" comes before it.
func (f *finder) thanksgiving(t tok) (Expr, bool) {
	if !f.is(t, "thanksgiving") || !f.capital(t) {
		return Expr{}, false
	}
	h := holiday{rule: RuleThanksgiving}
	start := t.start
	if p := f.prev(t.start); f.is(p, "canadian") {
		h.rule, start = RuleCanadianThanksgiving, p.start
	}
	end := t.end
	if n := f.next(t.end); f.is(n, "day") {
		end = n.end
	} else if !f.bareHoliday(t.end) {
		return Expr{}, false
	}
	return f.resolveHoliday(start, end, h, 0)
}

// weekdayHoliday matches a holiday named by a word and a weekday (token t,
// weekday wd): "Good Friday", "Palm Sunday", "Ash Wednesday", "Holy
// Saturday", "Maundy Thursday", "Whit Monday", also after "Orthodox".
// matched is true when the words name a holiday, even one that is no date
// here ("the Good Friday Agreement").
func (f *finder) weekdayHoliday(t tok, wd time.Weekday) (e Expr, matched, ok bool) {
	p := f.prev(t.start)
	if p.kind != kAlpha || !f.capital(p) || p.end-p.start > 6 {
		return Expr{}, false, false
	}
	var buf [12]byte
	offset := 0
	switch string(f.word(p, &buf)) {
	case "good":
		if wd != time.Friday {
			return Expr{}, false, false
		}
		offset = -2
		if n := f.next(t.end); f.is(n, "agreement") || f.is(n, "accord") || f.is(n, "accords") || f.is(n, "peace") {
			return Expr{}, true, false // the 1998 Belfast agreement
		}
	case "palm":
		offset = -7
	case "ash":
		offset = -46
	case "holy", "maundy":
		offset = -1
		if wd == time.Thursday {
			offset = -3
		}
	case "whit":
		offset = 49
		if wd == time.Monday {
			offset = 50
		}
	default:
		return Expr{}, false, false
	}
	// The weekday must be the holiday's own: "Palm Sunday", not "Palm Friday".
	if time.Weekday((int(time.Sunday)+offset%7+7)%7) != wd {
		return Expr{}, false, false
	}
	h := holiday{rule: RuleEaster, offset: offset}
	start := p.start
	if o := f.prev(p.start); f.is(o, "orthodox") && f.capital(o) {
		h.rule, start = RuleOrthodoxEaster, o.start
	}
	e, ok = f.resolveHoliday(start, t.end, h, 0)
	return e, true, ok
}

// ordinalDay matches "the 30th" with no month after it ("on the 30th",
// "on the night of the 14th", "late on the 21st"): the latest such day of
// a month on or before the base date, as a weekday is resolved. t is the
// number, d its value and end the end of its ordinal suffix. It needs
// "the" and a preposition before it ("on the", "of the", "since the"), and
// nothing after it that it could modify ("the 3rd floor", "the 21st
// century", "the 2nd Battalion").
func (f *finder) ordinalDay(t tok, d, end int) (Expr, bool) {
	if !f.hasBase || !ordinalSuffix(d, f.text[t.end:end]) {
		return Expr{}, false
	}
	p := f.prev(t.start)
	if !f.is(p, "the") {
		return Expr{}, false
	}
	var buf [12]byte
	switch string(f.word(f.prev(p.start), &buf)) {
	case "on", "of", "since", "until", "till", "by", "from", "to", "before", "after", "between", "and", "or", "through":
	default:
		return Expr{}, false
	}
	n := f.next(end)
	switch n.kind {
	case kPunct:
		if f.isPunct(n, '-') || f.isPunct(n, '\'') || n.start == end && n.end-n.start == 3 && f.text[n.start+2] == 0x99 {
			return Expr{}, false // "the 30th-anniversary", "the 2nd's"
		}
	case kAlpha:
		if f.is(n, "of") {
			// "accused Pakistan on the 21st of violating its airspace";
			// "the 2nd of three rounds" is a rank.
			if g := f.next(n.end); g.kind != kAlpha || g.end-g.start < 5 || !f.is(tok{g.end - 3, g.end, kAlpha}, "ing") {
				return Expr{}, false
			}
		} else if f.capital(n) || !weekendFollowers[string(f.word(n, &buf))] {
			return Expr{}, false
		} else if f.is(n, "and") || f.is(n, "or") {
			// "the 2nd and 3rd floors": the ordinal after the conjunction
			// must stand alone too.
			if o := f.next(n.end); o.kind == kNum {
				if d2, end2 := f.dayAt(o); d2 > 0 && end2 > o.end {
					if g := f.next(end2); g.kind == kAlpha && (f.capital(g) || !weekendFollowers[string(f.word(g, &buf))]) {
						return Expr{}, false
					}
				}
			}
		}
	}
	y, m := f.base.Year(), f.base.Month()
	if d > f.base.Day() {
		m--
	}
	for d > daysIn(y, m) { // the 31st before April 30 is March 31
		m--
	}
	date := f.date(y, m, d) // time.Date normalises month 0 to December of the year before
	return Expr{Span: petrel.Span{Start: p.start, End: end}, Date: date, Precision: Day, Rule: RuleOrdinalDay}, true
}

// ordinalSuffix reports whether suffix is the English ordinal suffix of d
// ("1st", "2nd", "3rd", "11th", "22nd"), in either case.
func ordinalSuffix(d int, suffix string) bool {
	if len(suffix) != 2 {
		return false
	}
	a, b := suffix[0]|0x20, suffix[1]|0x20
	want := "th"
	if d/10 != 1 {
		switch d % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return a == want[0] && b == want[1]
}

// newYear matches "New Year's Day" and "New Year's Eve" anchored at
// "Year" (token t). matched is true when "New Year" is another calendar's
// ("Lunar New Year's Eve", "the Persian New Year"), which is no date here.
func (f *finder) newYear(t tok) (e Expr, matched, ok bool) {
	p := f.prev(t.start)
	if !f.is(p, "new") || !f.capital(p) || !f.capital(t) {
		return Expr{}, false, false
	}
	var buf [12]byte
	h := holiday{rule: RuleFixedHoliday, month: time.January, day: 1}
	start := p.start
	if q := f.prev(p.start); f.is(q, "lunar") || f.is(q, "chinese") {
		h.rule, start = RuleLunarNewYear, q.start
	} else if f.is(q, "persian") || f.is(q, "iranian") {
		h.rule, start = RuleNowruz, q.start // Nowruz
	} else if f.is(q, "kurdish") {
		h.month, h.day, start = time.March, 21, q.start // Newroz
	} else if otherNewYears[string(f.word(q, &buf))] {
		return Expr{}, true, false
	}
	end, eve := f.dayWord(t.end, true)
	if end == 0 {
		end, eve = f.dayWord(t.end, false)
	}
	if end == 0 {
		if start == p.start || !f.bareHoliday(t.end) {
			return Expr{}, start != p.start, false
		}
		end = t.end // "on Lunar New Year", "on the Persian New Year"
	}
	if eve {
		h.offset = -1
	}
	if r := f.prev(start); start != p.start && end == t.end && f.is(r, "the") {
		start = r.start // "on the Persian New Year"
	}
	e, ok = f.resolveHoliday(start, end, h, 0)
	return e, true, ok
}

// springFestival matches "Spring Festival", China's name for Lunar New
// Year, anchored at "Spring" (token t).
func (f *finder) springFestival(t tok) (Expr, bool) {
	if !f.capital(t) {
		return Expr{}, false
	}
	n := f.next(t.end)
	if !f.is(n, "festival") || !f.capital(n) {
		return Expr{}, false
	}
	return f.resolveHoliday(t.start, n.end, holiday{rule: RuleLunarNewYear}, 0)
}

// otherNewYears are the words before "New Year" that name another
// calendar's: those New Years fall on other days, which only a table of
// dates could give ("Lunar" and "Chinese" have one, lunarNewYear, and so
// have "Persian" and "Iranian", nowruz; the Kurdish one is March 21).
var otherNewYears = map[string]bool{"vietnamese": true, "korean": true,
	"tibetan": true, "persian": true, "iranian": true, "kurdish": true, "jewish": true, "islamic": true,
	"hijri": true, "muslim": true, "orthodox": true, "julian": true, "old": true, "thai": true, "khmer": true,
	"lao": true, "sinhala": true, "sinhalese": true, "tamil": true, "hindu": true, "nepali": true,
	"ethiopian": true, "bengali": true, "balinese": true, "mongolian": true}
