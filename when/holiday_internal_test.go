package when

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestComputus checks Easter in both calendars, 2000–2030 and at the
// range's edges, against published tables (as computed by python-dateutil's
// easter module, methods 3 and 2).
func TestComputus(t *testing.T) {
	western := "0423 0415 0331 0420 0411 0327 0416 0408 0323 0412 0404 0424 0408 0331 0420 0405 0327 0416 0401 0421 0412 0404 0417 0409 0331 0420 0405 0328 0416 0401 0421"
	orthodox := "0430 0415 0505 0427 0411 0501 0423 0408 0427 0419 0404 0424 0415 0505 0420 0412 0501 0416 0408 0428 0419 0502 0424 0416 0505 0420 0412 0502 0416 0408 0428"
	for i, want := range strings.Fields(western) {
		if m, d := easter(2000 + i); fmt.Sprintf("%02d%02d", int(m), d) != want {
			t.Errorf("easter(%d) = %v %d, want %s", 2000+i, m, d, want)
		}
	}
	for i, want := range strings.Fields(orthodox) {
		if m, d := orthodoxEaster(2000 + i); fmt.Sprintf("%02d%02d", int(m), d) != want {
			t.Errorf("orthodoxEaster(%d) = %v %d, want %s", 2000+i, m, d, want)
		}
	}
	for _, tc := range []struct {
		y                 int
		western, orthodox string
	}{
		{1800, "0413", "0420"}, {1850, "0331", "0505"}, {1899, "0402", "0430"}, {1900, "0415", "0422"},
		{1987, "0419", "0419"}, {2099, "0412", "0412"}, {2100, "0328", "0502"},
	} {
		m, d := easter(tc.y)
		om, od := orthodoxEaster(tc.y)
		if got := fmt.Sprintf("%02d%02d %02d%02d", int(m), d, int(om), od); got != tc.western+" "+tc.orthodox {
			t.Errorf("Easter %d = %s, want %s %s", tc.y, got, tc.western, tc.orthodox)
		}
	}
}

func TestThanksgiving(t *testing.T) {
	for _, tc := range []struct {
		y    int
		r    Rule
		want string
	}{
		{1987, RuleThanksgiving, "1987-11-26"}, {2018, RuleThanksgiving, "2018-11-22"}, {2023, RuleThanksgiving, "2023-11-23"},
		{2024, RuleThanksgiving, "2024-11-28"}, {2025, RuleThanksgiving, "2025-11-27"},
		{2023, RuleCanadianThanksgiving, "2023-10-09"}, {2024, RuleCanadianThanksgiving, "2024-10-14"},
	} {
		if got := (holiday{rule: tc.r}).in(tc.y, time.UTC).Format("2006-01-02"); got != tc.want {
			t.Errorf("%v %d = %s, want %s", tc.r, tc.y, got, tc.want)
		}
	}
}

func TestOrdinalSuffix(t *testing.T) {
	for d, s := range map[int]string{1: "st", 2: "nd", 3: "rd", 4: "th", 11: "th", 12: "th", 13: "th", 21: "st", 22: "nd", 23: "rd", 30: "th", 31: "st"} {
		if !ordinalSuffix(d, s) || !ordinalSuffix(d, strings.ToUpper(s)) {
			t.Errorf("ordinalSuffix(%d, %q) = false", d, s)
		}
	}
	for _, tc := range []struct {
		d int
		s string
	}{{1, "th"}, {2, "th"}, {11, "st"}, {12, "nd"}, {13, "rd"}, {4, "st"}, {21, "th"}} {
		if ordinalSuffix(tc.d, tc.s) {
			t.Errorf("ordinalSuffix(%d, %q) = true", tc.d, tc.s)
		}
	}
}

// TestLunarNewYear checks lunarNewYear against dates of public record.
func TestLunarNewYear(t *testing.T) {
	for y, want := range map[int]string{1901: "1901-02-19", 1987: "1987-01-29", 2000: "2000-02-05", 2007: "2007-02-18",
		2020: "2020-01-25", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2030: "2030-02-03", 2099: "2099-01-21"} {
		if got := (holiday{rule: RuleLunarNewYear}).in(y, time.UTC).Format("2006-01-02"); got != want {
			t.Errorf("Lunar New Year %d = %s, want %s", y, got, want)
		}
	}
	for _, y := range []int{1900, 2100} {
		if got := (holiday{rule: RuleLunarNewYear}).in(y, time.UTC); !got.IsZero() {
			t.Errorf("Lunar New Year %d = %v, want none", y, got)
		}
	}
	for i, off := range lunarNewYear {
		if off < 1 || off > 31 { // January 21 to February 20
			t.Errorf("lunarNewYear[%d] = %d", i, off)
		}
	}
	if len(lunarNewYear) != 2099-lunarFirstYear+1 {
		t.Errorf("lunarNewYear has %d years", len(lunarNewYear))
	}
}

// TestAnchorFilter checks that Find's first-letters filter (anchorCandidate)
// drops no word that alpha would match: every 3–9 letter word of the test
// texts, and of the Reuters corpus when ../../shared holds it, that the
// filter rejects must be no expression by itself.
func TestAnchorFilter(t *testing.T) {
	texts := []string{
		"On Tuesday, Oct. 19, 2021, last week, in mid-August, yesterday, today, tonight, tomorrow, two days ago, next month, this year.",
		"on Christmas Day, on Christmas Eve, on New Year's Day, on May Day, on Valentine's Day, on Halloween, on Boxing Day, on Women's Day, on Bastille Day.",
		"on Easter Sunday, on Good Friday, on Palm Sunday, on Ash Wednesday, on Pentecost, on Whitsun, on Whit Monday, on Spring Festival, over the weekend.",
		"In January, February, March, April, May, June, July, August, September, October, November, December; in Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec.",
		"On Monday, Wednesday, Thursday, Friday, Saturday and Sunday, for weeks, months and years.",
	}
	if b, err := os.ReadFile("../../shared/corpus/reuters-21578/articles.jsonl"); err == nil {
		texts = append(texts, string(b))
	}
	base := time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for _, s := range texts {
		f := finder{text: s, lo: 0, hi: len(s), loc: time.UTC, base: base, hasBase: true}
		for i := 0; i < len(s); {
			tk := f.next(i)
			if tk.kind == kEnd {
				break
			}
			i = tk.end
			n := tk.end - tk.start
			if tk.kind != kAlpha || n < 3 || n > 9 {
				continue
			}
			if anchorCandidate(s, tk.start, n) {
				continue
			}
			w := s[tk.start:tk.end]
			if seen[w] {
				continue
			}
			seen[w] = true
			f.floor = 0
			if _, ok := f.alpha(tk); ok {
				t.Errorf("%q is an anchor word missing from anchorWords", w)
			}
		}
	}
	for _, w := range anchorWords {
		if !anchorCandidate(w, 0, len(w)) {
			t.Errorf("anchorFirst misses %q", w)
		}
	}
}

// TestLunarTables checks the Islamic, Diwali and Nowruz tables against
// dates of public record, and the Islamic ones for the calendar's shape:
// Ramadan lasts 29 or 30 days, Eid al-Adha comes 67 to 69 days after Eid
// al-Fitr, and an Islamic year is 354 or 355 days long (one off by a day
// where an announced day replaces the calendar's).
func TestLunarTables(t *testing.T) {
	dates := func(r Rule, y int) string {
		var s []string
		for _, d := range (holiday{rule: r}).dates(y, y, time.UTC, nil) {
			s = append(s, d.Format("2006-01-02"))
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		r    Rule
		y    int
		want string
	}{
		{RuleEidAlFitr, 2000, "2000-01-08 2000-12-27"}, {RuleEidAlFitr, 2023, "2023-04-21"}, {RuleEidAlFitr, 2024, "2024-04-10"},
		{RuleEidAlFitr, 2025, "2025-03-30"}, {RuleEidAlAdha, 2006, "2006-01-10 2006-12-31"}, {RuleEidAlAdha, 2015, "2015-09-24"},
		{RuleEidAlAdha, 2024, "2024-06-16"}, {RuleEidAlAdha, 2025, "2025-06-06"}, {RuleRamadan, 2018, "2018-05-17"},
		{RuleRamadan, 2024, "2024-03-11"}, {RuleRamadan, 2025, "2025-03-01"}, {RuleRamadan, 2030, "2030-01-05 2030-12-26"},
		{RuleEid, 2024, "2024-04-10 2024-06-16"}, {RuleDiwali, 2000, "2000-10-26"}, {RuleDiwali, 2023, "2023-11-12"},
		{RuleDiwali, 2024, "2024-10-31"}, {RuleDiwali, 2035, "2035-10-30"}, {RuleDiwali, 2036, ""}, {RuleDiwali, 1999, ""},
		{RuleNowruz, 2024, "2024-03-20"}, {RuleNowruz, 2025, "2025-03-21"}, {RuleEidAlFitr, 2037, ""},
	} {
		if got := dates(tc.r, tc.y); got != tc.want {
			t.Errorf("%v in %d = %q, want %q", tc.r, tc.y, got, tc.want)
		}
	}
	for i := range ramadanStart {
		if n := eidAlFitr[i] - ramadanStart[i]; n != 29 && n != 30 {
			t.Errorf("Ramadan %d lasts %d days", islamicFirstYear+i, n)
		}
		if n := eidAlAdha[i] - eidAlFitr[i]; n < 67 || n > 70 {
			t.Errorf("Eid al-Adha %d is %d days after Eid al-Fitr", islamicFirstYear+i, n)
		}
		if i > 0 {
			if n := eidAlFitr[i] - eidAlFitr[i-1]; n != 354 && n != 355 {
				t.Errorf("Eid al-Fitr %d is %d days after the year before's", islamicFirstYear+i, n)
			}
		}
	}
	if len(diwali) != len(nowruz) || tableFirstYear+len(diwali)-1 != 2035 {
		t.Errorf("diwali and nowruz tables: %d and %d years", len(diwali), len(nowruz))
	}
}

// TestHebrewTables checks the Jewish holiday tables against dates of public
// record and the calendar's shape: Passover comes 163 days before the next
// Rosh Hashanah, Hanukkah 83 to 85 days after Rosh Hashanah, and a Hebrew
// year is 353–355 or 383–385 days long.
func TestHebrewTables(t *testing.T) {
	for _, tc := range []struct {
		h    holiday
		y    int
		want string
	}{
		{holiday{rule: RuleTishrei}, 2023, "2023-09-16"}, {holiday{rule: RuleTishrei, offset: 9}, 1999, "1999-09-20"},
		{holiday{rule: RuleTishrei, offset: 9}, 2024, "2024-10-12"}, {holiday{rule: RuleTishrei, offset: 21}, 2023, "2023-10-07"},
		{holiday{rule: RulePassover}, 2000, "2000-04-20"}, {holiday{rule: RulePassover}, 2025, "2025-04-13"},
		{holiday{rule: RulePassover, offset: -30}, 2024, "2024-03-24"}, {holiday{rule: RulePassover, offset: 50}, 2025, "2025-06-02"},
		{holiday{rule: RuleHanukkah}, 2024, "2024-12-26"}, {holiday{rule: RuleHanukkah}, 2035, "2035-12-26"},
	} {
		var got []string
		for _, d := range tc.h.dates(tc.y, tc.y, time.UTC, nil) {
			got = append(got, d.Format("2006-01-02"))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%v%+d in %d = %q, want %q", tc.h.rule, tc.h.offset, tc.y, g, tc.want)
		}
	}
	for i := range roshHashanah {
		if n := hanukkah[i] - roshHashanah[i]; n < 83 || n > 85 {
			t.Errorf("Hanukkah %d is %d days after Rosh Hashanah", hebrewFirstYear+i, n)
		}
		if i+1 < len(roshHashanah) {
			if n := roshHashanah[i+1] - passover[i]; n != 163 {
				t.Errorf("Rosh Hashanah %d is %d days after Passover", hebrewFirstYear+i+1, n)
			}
			if n := roshHashanah[i+1] - roshHashanah[i]; !(n >= 353 && n <= 355 || n >= 383 && n <= 385) {
				t.Errorf("Hebrew year %d is %d days long", hebrewFirstYear+i, n)
			}
		}
	}
}
