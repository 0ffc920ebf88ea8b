package when

import "time"

// Islamic, Hindu, Persian and Jewish holidays
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
//   - Jewish holidays: Rosh Hashanah, Hanukkah and Passover of the Hebrew
//     years 5760–5796 from @hebcal/core; the others are counted from them.

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

// hebrewFirstYear is the Hebrew year of the first entry of the Jewish
// holiday tables (5760 began in September 1999).
const hebrewFirstYear = 5760

// roshHashanah, hanukkah and passover hold, for each Hebrew year from
// hebrewFirstYear, the first day of Rosh Hashanah (1 Tishrei), of Hanukkah
// (25 Kislev) and of Passover (15 Nisan), in days after January 1, 2000.
// Yom Kippur, Sukkot and Simchat Torah are counted from Rosh Hashanah (10,
// 15 and 22 Tishrei), Purim and Shavuot from Passover (30 days before, 50
// after).
var (
	roshHashanah = [...]int16{
		-112, 273, 626, 980, 1365, 1720, 2103, 2457, 2812, 3195, // 5760–5769
		3549, 3904, 4289, 4643, 4996, 5381, 5735, 6120, 6473, 6827, // 5770–5779
		7212, 7567, 7920, 8304, 8659, 9042, 9397, 9751, 10136, 10491, // 5780–5789
		10845, 11228, 11583, 11937, 12320, 12675, 13060, // 5790–5796
	}
	hanukkah = [...]int16{
		-28, 356, 709, 1064, 1449, 1803, 2186, 2541, 2895, 3278, // 5760–5769
		3633, 3988, 4372, 4726, 5080, 5464, 5819, 6203, 6556, 6911, // 5770–5779
		7296, 7650, 8003, 8388, 8742, 9126, 9480, 9835, 10220, 10574, // 5780–5789
		10928, 11312, 11666, 12020, 12404, 12759, 13143, // 5790–5796
	}
	passover = [...]int16{
		110, 463, 817, 1202, 1557, 1940, 2294, 2649, 3032, 3386, // 5760–5769
		3741, 4126, 4480, 4833, 5218, 5572, 5957, 6310, 6664, 7049, // 5770–5779
		7404, 7757, 8141, 8496, 8879, 9234, 9588, 9973, 10328, 10682, // 5780–5789
		11065, 11420, 11774, 12157, 12512, 12897, 13251, // 5790–5796
	}
)

// tableDates appends to dst the dates of a table holiday (h.rule one of
// the Islamic or Jewish rules, RuleDiwali or RuleNowruz) that fall in years
// y0 to y1, in order, each moved by h.offset days.
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
	switch h.rule {
	case RuleTishrei, RulePassover, RuleHanukkah:
		table := roshHashanah[:]
		if h.rule == RulePassover {
			table = passover[:]
		} else if h.rule == RuleHanukkah {
			table = hanukkah[:]
		}
		for _, dd := range table {
			d := epoch.AddDate(0, 0, int(dd)+h.offset)
			if y := d.Year(); y >= y0 && y <= y1 {
				dst = append(dst, d)
			}
		}
		return dst
	}
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

// jewishHoliday matches a Jewish holiday anchored at the word t (lower-cased
// w): "Rosh Hashanah", "Yom Kippur", "Sukkot", "Simchat Torah", "Shemini
// Atzeret", "Passover" ("Pesach"), "Purim", "Shavuot", "Hanukkah"
// ("Chanukah"). A holiday of several days (Sukkot, Passover, Hanukkah) is
// its first day, or the article's date after "during", "throughout" or
// "over" when that lies in it.
func (f *finder) jewishHoliday(t tok, w []byte) (Expr, bool) {
	if !f.capital(t) {
		return Expr{}, false
	}
	var h holiday
	end := t.end
	second := func(words ...string) bool {
		n := f.next(t.end)
		for _, x := range words {
			if f.is(n, x) && f.capital(n) {
				end = n.end
				return true
			}
		}
		return false
	}
	switch string(w) {
	case "rosh":
		if !second("hashanah", "hashana") {
			return Expr{}, false
		}
		h = holiday{rule: RuleTishrei, days: 2}
	case "yom":
		if !second("kippur") {
			return Expr{}, false
		}
		h = holiday{rule: RuleTishrei, offset: 9}
	case "sukkot", "succot", "sukkoth", "succoth":
		h = holiday{rule: RuleTishrei, offset: 14, days: 7}
	case "simchat", "simhat", "simchas":
		if !second("torah") {
			return Expr{}, false
		}
		h = holiday{rule: RuleTishrei, offset: 21}
	case "shemini":
		if !second("atzeret") {
			return Expr{}, false
		}
		h = holiday{rule: RuleTishrei, offset: 21}
	case "passover", "pesach":
		h = holiday{rule: RulePassover, days: 7}
	case "purim":
		h = holiday{rule: RulePassover, offset: -30}
	case "shavuot", "shavuos":
		h = holiday{rule: RulePassover, offset: 50}
	default: // "hanukkah", "chanukah", "hanukah", "chanukkah"
		h = holiday{rule: RuleHanukkah, days: 8}
	}
	if !f.bareHoliday(end) {
		return Expr{}, false // "the Yom Kippur War", "Passover seder"
	}
	e, ok := f.resolveHoliday(t.start, end, h, 0)
	if ok && h.days > 1 && e.Span.Start == t.start && !e.Date.After(f.base) && !e.Date.AddDate(0, 0, h.days-1).Before(f.base) {
		switch f.lower(f.prev(t.start)) {
		case "during", "throughout", "over":
			e.Date, e.Earlier, e.YearGuessed = f.base, time.Time{}, false // the holiday holds the article date
		}
	}
	return e, ok
}
