package when_test

import (
	"testing"
	"time"

	"petrel"
	"petrel/when"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"on Tuesday, Oct. 19, 2021, last week, in mid-August and from 1979 to 1989",
		"19th of October 2021, 2021-10-19, two weeks ago, early next month",
		"May 2020 may march March 5 Feb. 29 Feb 30, 2021 31 April",
		"1,750 to 1,780 dlrs 2000 tonnes 1990s 10:30 \xff\xe2\x80 mid\u2010August",
		"on the 30th, the night of the 14th, late on the 21st of talking, the 3rd floor, the 2nd\u2019s, ON THE 31ST",
		"Christmas Day, Christmas Eve, Orthodox Christmas morning, New Year\u2019s Eve, New Year's Day, Lunar New Year's, on Chinese New Year, Spring Festival",
		"May Day, Valentine's Day, Halloween, Boxing Day, International Women's Day, Bastille Day, Women\u2019",
		"on the eve of Orthodox Easter Sunday, the day after Easter Monday, Good Friday Agreement, Palm Sunday, Ash Wednesday",
		"Maundy Thursday, Holy Saturday, Pentecost, Whit Monday, Whitsun, Thanksgiving Day, Canadian Thanksgiving, Easter'",
	} {
		f.Add(s, 0, len(s), int64(1634688000))
	}
	f.Fuzz(func(t *testing.T, s string, start, end int, unix int64) {
		var base time.Time
		if unix != 0 {
			base = time.Unix(unix%(1<<40), 0).UTC()
		}
		sp := petrel.Span{Start: start, End: end}
		lo, hi := max(start, 0), min(end, len(s))
		prev := lo
		for _, e := range when.Find(s, sp, base, nil) {
			if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > hi {
				t.Fatalf("bad span %v (prev %d, span [%d,%d))", e.Span, prev, lo, hi)
			}
			if e.Precision < when.Day || e.Precision > when.Year || e.Date.IsZero() {
				t.Fatalf("bad expression %+v", e)
			}
			prev = e.Span.End
		}
	})
}
