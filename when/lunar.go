package when

import "time"

// Islamic, Hindu and Persian holidays
//
// Eid al-Fitr, Eid al-Adha and Ramadan follow the Islamic lunar calendar,
// whose months begin with a sighting of the new moon and so fall on
// different days in different countries; Diwali follows the Hindu
// lunisolar calendar; Nowruz is the first day of the Iranian solar year,
// fixed by the March equinox. None has a rule simple enough to compute
// here, so each is read from a table of dates by year, 2000–2035 (Islamic
// years 1420–1457), and is no date outside it (the event then keeps the
// article date). The sources are credited in NOTICE:
//
//   - Islamic holidays: the Umm al-Qura calendar of Saudi Arabia (as
//     converted by hijri-converter), with the days Saudi Arabia announced
//     where they differed from it (Eid al-Adha 2015 and 2016, the start of
//     Ramadan 2018). Countries that wait for their own sighting (Pakistan,
//     India, Bangladesh, Indonesia, Morocco) often keep them a day later:
//     such an event is dated a day early.
//   - Diwali: the day of Lakshmi Puja as northern India keeps it, the day
//     whose evening (18:00 India time) falls in the amavasya tithi (the
//     moon within 12° of the sun, before the new moon) ending the lunar
//     month Ashvin, computed with Meeus's algorithms (PyMeeus); it agrees
//     with Suriname's published public holidays for 2014–2026 (for 2027
//     they have October 28, a day earlier).
//   - Nowruz: 1 Farvardin of the Iranian calendar (March 20 or 21), from
//     jalaali-js. The Kurdish Newroz and the Central Asian Navruz and
//     Nauryz are kept on March 21.

// islamicFirstYear is the Islamic year of the first entry of the Islamic
// holiday tables.
const islamicFirstYear = 1420

// ramadanStart, eidAlFitr and eidAlAdha hold, for each Islamic year from
// islamicFirstYear, the first day of Ramadan (1 Ramadan), Eid al-Fitr
// (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijja), in days after January 1,
// 2000.
var (
	ramadanStart = [...]int16{
		-23, 331, 685, 1040, 1394, 1749, 2103, 2458, 2812, 3166, // 1420–1429
		3521, 3875, 4230, 4584, 4938, 5292, 5647, 6001, 6356, 6711, // 1430–1439
		7065, 7419, 7773, 8127, 8482, 8836, 9191, 9545, 9900, 10254, // 1440–1449
		10608, 10962, 11317, 11671, 12026, 12380, 12734, 13088, // 1450–1457
	}
	eidAlFitr = [...]int16{
		7, 361, 715, 1069, 1424, 1779, 2133, 2487, 2842, 3196, // 1420–1429
		3550, 3905, 4259, 4614, 4968, 5322, 5676, 6031, 6385, 6740, // 1430–1439
		7094, 7449, 7803, 8157, 8511, 8866, 9220, 9575, 9929, 10283, // 1440–1449
		10637, 10992, 11346, 11701, 12055, 12410, 12764, 13118, // 1450–1457
	}
	eidAlAdha = [...]int16{
		75, 429, 783, 1137, 1492, 1847, 2201, 2556, 2910, 3264, // 1420–1429
		3618, 3972, 4327, 4682, 5036, 5390, 5745, 6099, 6453, 6807, // 1430–1439
		7162, 7517, 7871, 8225, 8579, 8933, 9288, 9643, 9997, 10352, // 1440–1449
		10706, 11060, 11414, 11769, 12123, 12478, 12832, 13186, // 1450–1457
	}
)

// tableFirstYear is the first Gregorian year of the diwali and nowruz
// tables.
const tableFirstYear = 2000

// diwali holds the day of Diwali in each year from tableFirstYear, as days
// after October 1.
var diwali = [...]uint8{
	25, 44, 34, 24, 42, 31, 20, 39, 27, 16, // 2000–2009
	35, 25, 43, 33, 22, 41, 29, 18, 37, 26, // 2010–2019
	44, 34, 23, 42, 30, 19, 38, 28, 16, 35, // 2020–2029
	25, 44, 32, 21, 40, 29, // 2030–2035
}

// nowruz holds the March day of Nowruz in each year from tableFirstYear.
var nowruz = [...]uint8{
	20, 21, 21, 21, 20, 21, 21, 21, 20, 21, // 2000–2009
	21, 21, 20, 21, 21, 21, 20, 21, 21, 21, // 2010–2019
	20, 21, 21, 21, 20, 21, 21, 21, 20, 20, // 2020–2029
	21, 21, 20, 20, 21, 21, // 2030–2035
}

// ramadanDays is how long Ramadan is taken to last when a date is judged
// to lie in it: 29 days, the shorter of its two lengths.
const ramadanDays = 29

// tableDates appends to dst the dates of a table holiday (h.rule one of
// the Islamic rules, RuleDiwali or RuleNowruz) that fall in years y0 to y1,
// in order, each moved by h.offset days.
func (h holiday) tableDates(y0, y1 int, loc *time.Location, dst []time.Time) []time.Time {
	switch h.rule {
	case RuleDiwali, RuleNowruz:
		for y := max(y0, tableFirstYear); y <= y1 && y-tableFirstYear < len(diwali); y++ {
			var d time.Time
			if h.rule == RuleDiwali {
				d = time.Date(y, time.October, 1+int(diwali[y-tableFirstYear]), 0, 0, 0, 0, loc)
			} else {
				d = time.Date(y, time.March, int(nowruz[y-tableFirstYear]), 0, 0, 0, 0, loc)
			}
			dst = append(dst, d.AddDate(0, 0, h.offset))
		}
		return dst
	}
	epoch := time.Date(2000, time.January, 1, 0, 0, 0, 0, loc)
	for i := range ramadanStart {
		var days [2]int16
		n := 1
		switch h.rule {
		case RuleRamadan:
			days[0] = ramadanStart[i]
		case RuleEidAlFitr:
			days[0] = eidAlFitr[i]
		case RuleEidAlAdha:
			days[0] = eidAlAdha[i]
		default: // RuleEid: either
			days[0], days[1], n = eidAlFitr[i], eidAlAdha[i], 2
		}
		for _, dd := range days[:n] {
			d := epoch.AddDate(0, 0, int(dd)+h.offset)
			if y := d.Year(); y >= y0 && y <= y1 {
				dst = append(dst, d)
			}
		}
	}
	return dst
}

// islamicHoliday matches a holiday anchored at "Eid" (token t): "Eid
// al-Fitr", "Eid ul-Adha", "Eid-ul-Azha", "Eid el-Kebir", and "Eid" alone
// (whichever of the two Eids is meant: the nearer one before the article,
// as for any holiday).
func (f *finder) islamicHoliday(t tok) (Expr, bool) {
	if !f.capital(t) {
		return Expr{}, false
	}
	h := holiday{rule: RuleEid, name: true}
	end := t.end
	n := f.next(end)
	if f.isPunct(n, '-') && n.start == end {
		n = f.next(n.end)
	}
	var buf [12]byte
	switch string(f.word(n, &buf)) {
	case "al", "ul", "el", "e", "ol":
		k := f.next(n.end)
		if (f.isPunct(k, '-') || f.isPunct(k, '\'')) && k.start == n.end {
			k = f.next(k.end)
		}
		switch string(f.word(k, &buf)) {
		case "fitr", "fiter", "fitri":
			h.rule, h.name, end = RuleEidAlFitr, false, k.end
		case "adha", "azha", "zuha", "adhaa", "kebir", "kabir":
			h.rule, h.name, end = RuleEidAlAdha, false, k.end
		default:
			return Expr{}, false
		}
	case "":
	default:
		if n.kind == kAlpha && f.capital(n) {
			return Expr{}, false // "Eid Mubarak", a name
		}
	}
	if !f.bareHoliday(end) {
		return Expr{}, false // "Eid prayers", "the Eid al-Adha holiday"
	}
	return f.resolveHoliday(t.start, end, h, 0)
}

// ramadan matches "Ramadan" (token t): "the first day of Ramadan", "the
// start of Ramadan" and "the eve of Ramadan" are days; "the end of
// Ramadan" and "the last day of Ramadan" are the day before Eid al-Fitr;
// Ramadan itself ("during Ramadan", "the holy month of Ramadan", "last
// Ramadan") is a month, dated by its first day, or by the article's date
// when that lies in it.
func (f *finder) ramadan(t tok) (Expr, bool) {
	if !f.capital(t) || !f.bareHoliday(t.end) {
		return Expr{}, false
	}
	start := t.start
	p := f.prev(start)
	if f.is(p, "of") {
		q := f.prev(p.start)
		switch {
		case f.is(q, "start") || f.is(q, "beginning") || f.is(q, "onset"):
			if r := f.prev(q.start); f.is(r, "the") {
				return f.resolveHoliday(r.start, t.end, holiday{rule: RuleRamadan}, 0)
			}
		case f.is(q, "end") || f.is(q, "close"):
			if r := f.prev(q.start); f.is(r, "the") {
				return f.resolveHoliday(r.start, t.end, holiday{rule: RuleEidAlFitr, offset: -1}, 0)
			}
		case f.is(q, "day"):
			if r := f.prev(q.start); f.is(r, "last") || f.is(r, "final") {
				if s := f.prev(r.start); f.is(s, "the") {
					return f.resolveHoliday(s.start, t.end, holiday{rule: RuleEidAlFitr, offset: -1}, 0)
				}
			}
		case f.is(q, "month"):
			// "the holy month of Ramadan", "the Muslim fasting month of
			// Ramadan": the month is Ramadan.
			r := f.prev(q.start)
			for k := 0; k < 3 && r.kind == kAlpha && !f.is(r, "the") && (f.is(r, "holy") || f.is(r, "fasting") || f.is(r, "muslim") || f.is(r, "islamic")); k++ {
				r = f.prev(r.start)
			}
			if f.is(r, "the") {
				start = r.start
			}
		}
	}
	if s, _ := f.holidayShift(start, 0); s != start {
		// "the eve of Ramadan", "the first day of Ramadan": a day.
		return f.resolveHoliday(start, t.end, holiday{rule: RuleRamadan}, 0)
	}
	// Ramadan itself is a month.
	e, ok := f.resolveHoliday(start, t.end, holiday{rule: RuleRamadan, days: ramadanDays, name: start == t.start}, 0)
	if !ok {
		return e, false
	}
	e.Precision = Month
	if !e.Date.After(f.base) && !e.Date.AddDate(0, 0, ramadanDays-1).Before(f.base) {
		e.Date, e.Earlier, e.YearGuessed = f.base, time.Time{}, false // the month holds the article date
	}
	return e, true
}

// diwaliWord matches "Diwali" (also "Deepavali", "Divali", "Deepawali"),
// token t.
func (f *finder) diwaliWord(t tok) (Expr, bool) {
	if !f.capital(t) || !f.bareHoliday(t.end) {
		return Expr{}, false
	}
	return f.resolveHoliday(t.start, t.end, holiday{rule: RuleDiwali}, 0)
}

// nowruzWord matches "Nowruz" and its spellings (token t, lower-cased w):
// the Iranian new year from the table, the Kurdish Newroz and the Central
// Asian Navruz and Nauryz on March 21.
func (f *finder) nowruzWord(t tok, w []byte) (Expr, bool) {
	if !f.capital(t) || !f.bareHoliday(t.end) {
		return Expr{}, false
	}
	h := holiday{rule: RuleNowruz}
	switch string(w) {
	case "newroz", "navruz", "nauryz":
		h = holiday{rule: RuleFixedHoliday, month: time.March, day: 21}
	}
	return f.resolveHoliday(t.start, t.end, h, 0)
}
