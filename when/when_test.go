package when_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/when"
)

// base is the date of the example article: Wednesday 2021-10-20.
var base = time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)

func find(s string, b time.Time) []when.Expr {
	return when.Find(s, petrel.Span{Start: 0, End: len(s)}, b, nil)
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		base time.Time
		want string // "span=YYYY-MM-DD/precision" joined by "; ", "" for none
	}{
		{"Moscow said on Tuesday that it would help.", base, "Tuesday=2021-10-19/day"},
		{"Tuesday's meeting was short.", base, "Tuesday=2021-10-19/day"},
		{"Wednesday’s conference opened.", base, "Wednesday=2021-10-20/day"},
		{"They met on Thursday.", base, "Thursday=2021-10-14/day"},
		{"They will meet next Tuesday.", base, "next Tuesday=2021-10-26/day"},
		{"They will meet this coming Wednesday.", base, "this coming Wednesday=2021-10-27/day"},
		{"They met last Wednesday.", base, "last Wednesday=2021-10-13/day"},
		{"They met last Monday.", base, "last Monday=2021-10-18/day"},
		{"ON TUESDAY the envoys left.", base, "TUESDAY=2021-10-19/day"},
		{"He led talks with the EU last week.", base, "last week=2021-10-13/week"},
		{"Talks resume next week.", base, "next week=2021-10-27/week"},
		{"Talks ended earlier this week.", base, "earlier this week=2021-10-20/week"},
		{"Rebels shelled the town over the weekend.", base, "the weekend=2021-10-16/week"},
		{"Rebels shelled the town last weekend.", base, "last weekend=2021-10-16/week"},
		{"Talks resume next weekend.", base, "next weekend=2021-10-23/week"},
		{"Talks resume this weekend.", time.Date(2021, 10, 17, 0, 0, 0, 0, time.UTC), "this weekend=2021-10-16/week"},
		{"Talks ended last weekend.", time.Date(2021, 10, 17, 0, 0, 0, 0, time.UTC), "last weekend=2021-10-09/week"},
		{"Weekend talks ended.", base, ""},
		{"He hoped for talks at the weekend meeting.", base, ""},
		{"Rebels shelled the town over the weekend and on Monday.", base, "the weekend=2021-10-16/week; Monday=2021-10-18/day"},
		{"It happened yesterday, not today or tonight; tomorrow we go.", base,
			"yesterday=2021-10-19/day; today=2021-10-20/day; tonight=2021-10-20/day; tomorrow=2021-10-21/day"},
		{"Prices fell last month and will rise next month.", base, "last month=2021-09-20/month; next month=2021-11-20/month"},
		{"Prices rose earlier this month.", base, "earlier this month=2021-10-20/month"},
		{"Output fell last year and will rise next year.", base, "last year=2020-10-20/year; next year=2022-10-20/year"},
		{"Elections are due early next month.", base, "early next month=2021-11-05/month"},
		{"It took control in mid-August.", base, "mid-August=2021-08-15/month"},
		{"It took control in mid August.", base, "mid August=2021-08-15/month"},
		{"It took control in early August and left in late August.", base, "early August=2021-08-05/month; late August=2021-08-25/month"},
		{"It happened in December.", base, "December=2020-12-01/month"},
		{"It happened in October.", base, "October=2021-10-01/month"},
		{"It will happen next March.", base, "next March=2022-03-01/month"},
		{"It happened last October.", base, "last October=2020-10-01/month"},
		{"They met on Oct. 19 in Moscow.", base, "Oct. 19=2021-10-19/day"},
		{"They met on October 19.", base, "October 19=2021-10-19/day"},
		{"They met on 19 October 2021.", base, "19 October 2021=2021-10-19/day"},
		{"They met on the 19th of October.", base, "19th of October=2021-10-19/day"},
		{"They met on Oct 19, 2021, in Moscow.", base, "Oct 19, 2021=2021-10-19/day"},
		{"They met on Tuesday, Oct. 19, in Moscow.", base, "Oct. 19=2021-10-19/day"},
		{"They met on 2021-10-19.", base, "2021-10-19=2021-10-19/day"},
		{"They met on 2021-13-45.", base, ""},
		{"Talks on Jan. 3 are planned.", time.Date(2021, 12, 30, 0, 0, 0, 0, time.UTC), "Jan. 3=2022-01-03/day"},
		{"It was founded in 2019.", base, "2019=2019-01-01/year"},
		{"It fought a war from 1979 to 1989.", base, "1979=1979-01-01/year; 1989=1989-01-01/year"},
		{"Shipments of 1,750 to 1,780 dlrs were booked.", base, ""},
		{"Output rose to 2000 tonnes.", base, ""},
		{"He paid 2019 dollars.", base, ""},
		{"In the 1990s prices rose.", base, ""},
		{"Sales were 1987 mln dlrs in 1986.", base, "1986=1986-01-01/year"},
		{"Output was 1,987 in 1,986.", base, ""},
		{"It happened in October 2020.", base, "October 2020=2020-10-01/month"},
		{"It happened in mid-August 2020.", base, "mid-August 2020=2020-08-15/month"},
		{"It happened two weeks ago, and a year ago, and 3 days ago.", base,
			"two weeks ago=2021-10-06/week; a year ago=2020-10-20/year; 3 days ago=2021-10-17/day"},
		{"You may go. The march was long. He will decide in May.", base, "May=2021-05-01/month"},
		{"Prices rose 5 pct in the week to March 5.", base, "March 5=2021-03-05/day"},
		{"The meeting is at 10:30.", base, ""},
		{"No dates here at all.", base, ""},
		{"", base, ""},
		// Without a base date only absolute expressions resolve.
		{"On Tuesday, on Oct. 19 and on 19 October 2021 and in 2019 and 2021-10-19 and in May 2020.", time.Time{},
			"19 October 2021=2021-10-19/day; 2019=2019-01-01/year; 2021-10-19=2021-10-19/day; May 2020=2020-05-01/month"},
	}
	for _, tc := range tests {
		got := render(tc.in, find(tc.in, tc.base))
		if got != tc.want {
			t.Errorf("Find(%q)\n got: %s\nwant: %s", tc.in, got, tc.want)
		}
	}
}

func render(s string, es []when.Expr) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, s[e.Span.Start:e.Span.End]+"="+e.Date.Format("2006-01-02")+"/"+e.Precision.String())
	}
	return strings.Join(parts, "; ")
}

func TestFindSpanOffsets(t *testing.T) {
	s := "It rained. They met on Tuesday."
	es := when.Find(s, petrel.Span{Start: 11, End: len(s)}, base, nil)
	if len(es) != 1 || s[es[0].Span.Start:es[0].Span.End] != "Tuesday" {
		t.Fatalf("got %+v", es)
	}
	for _, sp := range []petrel.Span{{Start: -3, End: 5}, {Start: 20, End: 999}, {Start: 9, End: 3}} {
		for _, e := range when.Find(s, sp, base, nil) {
			if !e.Span.In(len(s)) {
				t.Errorf("span %v outside text", e.Span)
			}
		}
	}
}

func TestFindNoAlloc(t *testing.T) {
	s := "Russia said its envoy would meet officials from 10 countries including China, with 1,750 troops."
	sp := petrel.Span{Start: 0, End: len(s)}
	dst := make([]when.Expr, 0, 4)
	if n := testing.AllocsPerRun(100, func() { dst = when.Find(s, sp, base, dst[:0]) }); n != 0 {
		t.Errorf("Find with no expression allocates %v times", n)
	}
	s2 := "It met on Tuesday, Oct. 19, 2021, after talks last week in mid-August."
	sp2 := petrel.Span{Start: 0, End: len(s2)}
	if n := testing.AllocsPerRun(100, func() { dst = when.Find(s2, sp2, base, dst[:0]) }); n != 0 {
		t.Errorf("Find into a large enough slice allocates %v times", n)
	}
}

func TestFindArticle(t *testing.T) {
	b, err := os.ReadFile("../../shared/articles/moscow-talks.txt")
	if err != nil {
		t.Skip("shared article ../../shared/articles/moscow-talks.txt not available:", err)
	}
	s := string(b)
	es := find(s, base)
	got := map[string]when.Expr{}
	for _, e := range es {
		got[s[e.Span.Start:e.Span.End]] = e
	}
	if e, ok := got["Tuesday"]; !ok || e.Date.Format("2006-01-02") != "2021-10-19" || e.Precision != when.Day {
		t.Errorf("\"on Tuesday\" = %+v, want 2021-10-19/day; all: %s", e, render(s, es))
	}
	if e, ok := got["mid-August"]; !ok || e.Date.Format("2006-01") != "2021-08" || e.Precision != when.Month {
		t.Errorf("\"in mid-August\" = %+v, want 2021-08/month; all: %s", e, render(s, es))
	}
	if e, ok := got["last week"]; !ok || e.Date.Format("2006-01-02") != "2021-10-13" {
		t.Errorf("\"last week\" = %+v, want 2021-10-13", e)
	}
	t.Logf("expressions: %s", render(s, es))
}

// TestFindHolidays covers ordinal days with no month and holidays,
// resolved against Wednesday 2024-05-08 (Easter was March 31, Orthodox
// Easter May 5) unless a case gives another base.
func TestFindHolidays(t *testing.T) {
	hb := time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC)
	jan := time.Date(2025, 1, 9, 0, 0, 0, 0, time.UTC)
	apr := time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC)
	jun := time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC)
	may := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	mar25 := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	jan24 := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		base time.Time
		want string
	}{
		// Ordinal days: the latest such day on or before the base date.
		{"Rebels shelled the town on the 30th.", hb, "the 30th=2024-04-30/day"},
		{"Police detained 20 protesters on the 2nd.", hb, "the 2nd=2024-05-02/day"},
		{"They signed it on the 8th, in Baku.", hb, "the 8th=2024-05-08/day"},
		{"Jets bombed Rafah on the night of the 14th.", hb, "the 14th=2024-04-14/day"},
		{"Gunmen attacked early on the 3rd and late on the 21st.", hb, "the 3rd=2024-05-03/day; the 21st=2024-04-21/day"},
		{"It was founded on the 31st.", hb, "the 31st=2024-03-31/day"},
		{"Talks began on the 28th and ended on the 5th.", jan, "the 28th=2024-12-28/day; the 5th=2025-01-05/day"},
		{"Moscow accused Kyiv on the 21st of violating the truce.", hb, "the 21st=2024-04-21/day"},
		{"ON THE 2ND, the army withdrew.", hb, "THE 2ND=2024-05-02/day"},
		{"On the 2nd the army withdrew.", hb, ""},
		{"The board met on the 11th (of March).", hb, "the 11th=2024-04-11/day; March=2024-03-01/month"},
		{"They met on the 19th of October.", base, "19th of October=2021-10-19/day"},
		{"Police raided the 3rd floor on Tuesday.", hb, "Tuesday=2024-05-07/day"},
		{"The 2nd Battalion shelled the town.", hb, ""},
		{"It was the worst attack of the 21st century.", hb, ""},
		{"Troops of the 3rd Brigade advanced.", hb, ""},
		{"They held the 20th meeting of the bank.", hb, ""},
		{"It won the 2nd of three rounds.", hb, ""},
		{"It marked the 30th-anniversary of the war.", hb, ""},
		{"It rose on the 2th.", hb, ""},
		{"It rose 5th.", hb, ""},
		{"Fires broke out on the 2nd and 3rd floors.", hb, ""},
		{"Talks were held on the 2nd and 3rd in Doha.", hb, "the 2nd=2024-05-02/day"},
		{"On the 30th, rebels attacked.", time.Time{}, ""},
		// Fixed holidays: the one nearest the base date, as "March 3" is.
		{"Missiles hit Kyiv on Christmas Day.", hb, "Christmas Day=2023-12-25/day"},
		{"Missiles hit Kyiv on Christmas Eve.", hb, "Christmas Eve=2023-12-24/day"},
		{"Missiles hit Kyiv on Christmas.", hb, "Christmas=2023-12-25/day"},
		{"Missiles hit Kyiv on Christmas morning.", jan, "Christmas=2024-12-25/day"},
		{"Shells hit Kherson on Orthodox Christmas.", jan, "Orthodox Christmas=2025-01-07/day"},
		{"Drones struck on New Year's Eve and on New Year’s Day.", hb, "New Year's Eve=2023-12-31/day; New Year’s Day=2024-01-01/day"},
		{"Drones struck on New Year Day.", hb, "New Year Day=2024-01-01/day"},
		{"Police detained 200 people on May Day.", hb, "May Day=2024-05-01/day"},
		{"Police detained 30 people on Valentine's Day.", hb, "Valentine's Day=2024-02-14/day"},
		{"Militias attacked a base on Halloween.", hb, "Halloween=2023-10-31/day"},
		{"Rebels attacked a ship on Boxing Day.", hb, "Boxing Day=2023-12-26/day"},
		{"Police detained women on International Women's Day.", hb, "International Women's Day=2024-03-08/day"},
		{"France expelled a diplomat on Bastille Day.", hb, "Bastille Day=2023-07-14/day"},
		{"Jets struck on the eve of Christmas.", hb, "the eve of Christmas=2023-12-24/day"},
		{"Israel bombed a camp the day after Christmas.", hb, "the day after Christmas=2023-12-26/day"},
		{"They met the day before New Year's Eve.", hb, "the day before New Year's Eve=2023-12-30/day"},
		// Movable holidays.
		{"Russia attacked Kharkiv on Good Friday.", hb, "Good Friday=2024-03-29/day"},
		{"Troops raided Jenin on Palm Sunday.", hb, "Palm Sunday=2024-03-24/day"},
		{"The pope spoke on Easter Sunday and on Easter Monday.", hb, "Easter Sunday=2024-03-31/day; Easter Monday=2024-04-01/day"},
		{"They fought at Easter.", hb, "Easter=2024-03-31/day"},
		{"Missiles hit Kharkiv on the eve of Easter.", hb, "the eve of Easter=2024-03-30/day"},
		{"Prisoners were exchanged on Orthodox Easter.", hb, "Orthodox Easter=2024-05-05/day"},
		{"Prisoners were exchanged on Orthodox Easter Sunday.", hb, "Orthodox Easter Sunday=2024-05-05/day"},
		{"Shelling resumed on Orthodox Good Friday.", hb, "Orthodox Good Friday=2024-05-03/day"},
		{"Ships fired water cannon on Ash Wednesday.", hb, "Ash Wednesday=2024-02-14/day"},
		{"Police arrested two men on Maundy Thursday and on Holy Saturday.", hb, "Maundy Thursday=2024-03-28/day; Holy Saturday=2024-03-30/day"},
		{"Gunmen attacked a church on Pentecost Sunday.", hb, "Pentecost Sunday=2024-05-19/day"},
		{"Police arrested three men on Whit Monday.", hb, "Whit Monday=2024-05-20/day"},
		{"Police arrested three men on Whit Monday.", time.Date(2024, 11, 4, 0, 0, 0, 0, time.UTC), "Whit Monday=2024-05-20/day"},
		{"Jets struck Iraq on Thanksgiving Day.", hb, "Thanksgiving Day=2023-11-23/day"},
		{"Jets struck Yemen on Thanksgiving.", jan, "Thanksgiving=2024-11-28/day"},
		{"Markets closed for Canadian Thanksgiving.", hb, "Canadian Thanksgiving=2023-10-09/day"},
		{"Easter fell on March 31 in 1991.", time.Date(1991, 5, 1, 0, 0, 0, 0, time.UTC), "March 31=1991-03-31/day; 1991=1991-01-01/year"},
		// Look-alikes and other calendars' holidays.
		{"Britain and Ireland signed the Good Friday Agreement in 1998.", hb, "1998=1998-01-01/year"},
		{"He said the Good Friday accord held.", hb, ""},
		{"Police guarded a Christmas market on Saturday.", hb, "Saturday=2024-05-04/day"},
		{"It recalled the Easter Rising.", hb, ""},
		{"The ship reached Christmas Island.", hb, ""},
		{"Shops sold Christmas trees and christmas cards.", hb, ""},
		{"Police arrested activists on Lunar New Year.", hb, "Lunar New Year=2024-02-10/day"},
		{"Police arrested activists on Chinese New Year's Eve and during the Spring Festival.", hb, "Chinese New Year's Eve=2024-02-09/day"},
		{"Police arrested activists during Spring Festival.", jan, "Spring Festival=2025-01-29/day"},
		{"Police arrested activists on Lunar New Year.", time.Date(1987, 3, 5, 0, 0, 0, 0, time.UTC), "Lunar New Year=1987-01-29/day"},
		{"Police arrested activists on Lunar New Year.", time.Date(2100, 3, 5, 0, 0, 0, 0, time.UTC), ""},
		{"Lunar New Year celebrations began.", hb, ""},
		{"Police arrested activists on Vietnamese New Year.", hb, ""},
		{"Crops grew in spring festivals.", hb, ""},
		{"Markets closed for the Lunar New Year's Eve holiday.", hb, ""},
		{"They wished him a happy new year.", hb, ""},
		{"Women's rights groups protested, and women's day care closed.", hb, ""},
		{"A boxing day was held.", hb, ""},
		{"They will meet to celebrate May Day.", hb, ""},
		{"He condemned the Christmas Day attack.", hb, ""},
		{"Prices rose ahead of Christmas and fell after New Year's Day.", hb, "Christmas=2023-12-25/day; New Year's Day=2024-01-01/day"},
		{"Retail sales fell because Easter falls in April.", hb, "April=2024-04-01/month"},
		{"Thanksgivings were held.", hb, ""},
		{"Missiles hit Kyiv on Christmas Day.", time.Time{}, ""},
		// Islamic, Hindu and Persian holidays, from tables (2000–2035).
		{"Shells hit a market on Eid al-Fitr.", apr, "Eid al-Fitr=2024-04-10/day"},
		{"Police detained women on the eve of Eid al-Fitr.", apr, "the eve of Eid al-Fitr=2024-04-09/day"},
		{"Strikes killed 17 on the first day of Eid al-Adha and on the second day of Eid-ul-Azha.", jun, "the first day of Eid al-Adha=2024-06-16/day; the second day of Eid-ul-Azha=2024-06-17/day"},
		{"Police arrested 20 people on Eid ul-Fitr.", mar25, "Eid ul-Fitr=2025-03-30/day"},
		{"Militants attacked a checkpoint on Eid, killing four.", jun, "Eid=2024-06-16/day"},
		{"Militants attacked a checkpoint on Eid.", may, "Eid=2024-06-16/day"},
		{"Thousands attended Eid prayers and the Eid al-Adha holiday.", jun, ""},
		{"He said Eid Mubarak.", jun, ""},
		{"According to Eid, troops fired on the crowd.", jun, ""},
		{"Saddam and Ramadan fled.", jun, ""},
		{"Shops closed between Eid and Diwali.", jun, "Eid=2024-06-16/day; Diwali=2023-11-12/day"},
		{"Police stormed the mosque on the first day of Ramadan.", apr, "the first day of Ramadan=2024-03-11/day"},
		{"Israel cut off aid at the start of Ramadan.", mar25, "the start of Ramadan=2025-03-01/day"},
		{"Talks resumed at the end of Ramadan.", mar25, "the end of Ramadan=2025-03-29/day"},
		{"Police restricted access during Ramadan.", mar25, "Ramadan=2025-03-01/month"},
		{"Police restricted access during Ramadan.", time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC), "Ramadan=2025-03-23/month"},
		{"Police restricted access during the holy month of Ramadan.", jun, "the holy month of Ramadan=2024-03-11/month"},
		{"Last Ramadan, police stormed the mosque.", time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC), "Last Ramadan=2024-03-11/month"},
		{"Saudi Arabia will host talks next Ramadan.", mar25, "next Ramadan=2026-02-18/month"},
		{"Ramadan lanterns were sold.", mar25, ""},
		{"Police arrested 25 people on Diwali.", time.Date(2024, 11, 13, 0, 0, 0, 0, time.UTC), "Diwali=2024-10-31/day"},
		{"Troops fired on the night of Deepavali.", time.Date(2023, 11, 24, 0, 0, 0, 0, time.UTC), "Deepavali=2023-11-12/day"},
		{"Diwali sales rose.", time.Date(2023, 11, 24, 0, 0, 0, 0, time.UTC), ""},
		{"Police arrested activists on Nowruz.", apr, "Nowruz=2024-03-20/day"},
		{"Police arrested activists on Nowruz.", mar25, "Nowruz=2025-03-21/day"},
		{"Kurds rallied on Newroz and on the Persian New Year.", apr, "Newroz=2024-03-21/day; the Persian New Year=2024-03-20/day"},
		{"Police arrested activists on Eid al-Fitr.", time.Date(1995, 3, 20, 0, 0, 0, 0, time.UTC), ""},
		{"Police arrested activists on Diwali.", time.Date(2040, 12, 1, 0, 0, 0, 0, time.UTC), ""},
		// Jewish holidays, from tables of the Hebrew calendar (2000–2035).
		{"Gunmen attacked towns on Simchat Torah and on Yom Kippur.", time.Date(2023, 10, 9, 0, 0, 0, 0, time.UTC), "Simchat Torah=2023-10-07/day; Yom Kippur=2023-09-25/day"},
		{"Troops raided Jenin on Rosh Hashanah and on the first day of Sukkot.", time.Date(2023, 10, 9, 0, 0, 0, 0, time.UTC), "Rosh Hashanah=2023-09-16/day; the first day of Sukkot=2023-09-30/day"},
		{"Rockets hit Israel on the eve of Passover, on Purim and on Shavuot.", time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), "the eve of Passover=2024-04-22/day; Purim=2024-03-24/day; Shavuot=2024-06-12/day"},
		{"A missile hit Tel Aviv on the first night of Hanukkah.", time.Date(2024, 12, 27, 0, 0, 0, 0, time.UTC), "the first night of Hanukkah=2024-12-25/day"},
		{"Police barred worshippers during Passover.", time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC), "Passover=2025-04-16/day"},
		{"Police barred worshippers on Passover.", time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC), "Passover=2025-04-13/day"},
		{"Rockets hit Israel last Passover.", time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC), "last Passover=2024-04-23/day"},
		{"Jets struck during the Yom Kippur War, at a Passover seder and in the Yom Kippur war.", jun, ""},
		{"Yom HaShoah and Rosh Pina are no holidays here.", jun, ""},
		// Holidays counted from the base date.
		{"Missiles hit Kherson last Christmas.", jan24, "last Christmas=2023-12-25/day"},
		{"Missiles hit Kherson last Christmas.", time.Date(2024, 11, 13, 0, 0, 0, 0, time.UTC), "last Christmas=2023-12-25/day"},
		{"Missiles hit Kherson last Christmas.", time.Date(2024, 12, 25, 0, 0, 0, 0, time.UTC), "last Christmas=2023-12-25/day"},
		{"Drones hit Kharkiv this Easter and last Easter.", time.Date(2025, 4, 28, 0, 0, 0, 0, time.UTC), "this Easter=2025-04-20/day; last Easter=2025-04-20/day"},
		{"Drones hit Kharkiv last Easter.", time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC), "last Easter=2024-03-31/day"},
		{"Russia will declare a truce this Christmas.", time.Date(2024, 11, 13, 0, 0, 0, 0, time.UTC), "this Christmas=2024-12-25/day"},
		{"The pope will visit next Easter.", time.Date(2025, 4, 28, 0, 0, 0, 0, time.UTC), "next Easter=2026-04-05/day"},
		{"It was the last Christmas before the war.", jan24, ""},
		// Counted from the date before it in the sentence.
		{"Police said on Thursday that gunmen had attacked a bus the day before.", mar25, "Thursday=2025-03-27/day; the day before=2025-03-26/day"},
		{"Russia attacked Kyiv on March 3 and Ukraine struck back the next day, and again two days later.", mar25, "March 3=2025-03-03/day; the next day=2025-03-04/day"},
		{"Russia attacked Kyiv on March 3 and Ukraine struck back two days later.", mar25, "March 3=2025-03-03/day; two days later=2025-03-05/day"},
		{"Ukraine said on Monday that Russia had launched 90 drones overnight.", mar25, "Monday=2025-03-31/day; overnight=2025-03-31/day"},
		{"The day before, Russian forces had shelled Sumy.", mar25, ""},
		{"Russia launched 90 drones overnight.", mar25, ""},
		{"On Monday, the day before the talks, Russia shelled Kyiv.", mar25, "Monday=2025-03-31/day"},
		{"On Monday, a day after an ambush, troops raided the town.", mar25, "Monday=2025-03-31/day"},
		{"On Monday the overnight curfew ended.", mar25, "Monday=2025-03-31/day"},
		{"Talks are due on Tuesday, and Russia said overnight that it would attend.", mar25, "Tuesday=2025-03-25/day"},
		{"Troops left on Tuesday; rebels had attacked the day before.", mar25, "Tuesday=2025-03-25/day"},
		{"On Tuesday, troops said rebels had attacked the day before.", mar25, "Tuesday=2025-03-25/day; the day before=2025-03-24/day"},
		// A year before a noun.
		{"Militias killed 800,000 people in the 1994 genocide.", apr, "1994=1994-01-01/year"},
		{"The 2015 attack killed 90 people, and the 2000 tonnes arrived.", apr, "2015=2015-01-01/year"},
		{"He won the 2020.", apr, ""},
	}
	for _, tc := range tests {
		got := render(tc.in, find(tc.in, tc.base))
		if got != tc.want {
			t.Errorf("Find(%q)\n got: %s\nwant: %s", tc.in, got, tc.want)
		}
	}
}
