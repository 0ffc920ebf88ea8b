package coder_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"petrel"
)

// TestEventDate checks which date expression dates an event: one that says
// when that event happened, attached to its verb, or else the article date
// (docs/ARCHITECTURE.md, "Event fields").
func TestEventDate(t *testing.T) {
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name, text, code, want string
	}{
		{"day after the object", "Russia attacked Kharkiv on Monday.", "190", "2024-06-03"},
		{"since", "Serbia has boycotted the talks since March 2023.", "125", "2024-06-05"},
		{"since after a noun", "South Korea and Japan agreed to resume their security dialogue, suspended since 2018.", "036", "2024-06-05"},
		{"deadline", "Niger's junta ordered French troops to leave by the end of the year.", "166", "2024-06-05"},
		{"until", "Egypt hosted talks on Tuesday until late at night.", "043", "2024-06-04"},
		{"last week", "Iran attacked Israel last week.", "190", "2024-05-29"},
		{"ordinal day", "Russia attacked Kharkiv on the 30th.", "190", "2024-05-30"},
		{"ordinal day, night of", "Russia attacked Kharkiv on the night of the 4th.", "190", "2024-06-04"},
		{"fixed holiday", "Russia attacked Kharkiv on Christmas Day.", "190", "2023-12-25"},
		{"Orthodox Easter", "Russia attacked Kharkiv on Orthodox Easter.", "190", "2024-05-05"},
		{"movable holiday", "On Whit Monday, Russia attacked Kharkiv.", "190", "2024-05-20"},
		{"fixed holiday ahead, past act", "On Bastille Day, Russia attacked Kharkiv.", "190", "2023-07-14"},
		{"eve of a holiday", "Russia attacked Kharkiv on the eve of Easter.", "190", "2024-03-30"},
		{"through", "Japan plans to send troops to Iraq through 2025.", "154", "2024-06-05"},
		{"between and", "China lent Pakistan money between 2019 and 2021.", "071", "2024-06-05"},
		{"of in a noun phrase", "Russia rejected a comparison between the present crisis and the stock market collapse of 1929.", "120", "2024-06-05"},
		{"time noun of", "Poland criticised Hungary over the price reform at the beginning of 2025.", "111", "2024-06-05"},
		{"determiner", "Russia condemned the September 2023 attack on its embassy by Ukraine.", "111", "2024-06-05"},
		{"overnight into", "Russia attacked Kharkiv with drones overnight into Monday.", "195", "2024-06-03"},
		{"overnight, no reference", "Russia attacked Kharkiv overnight.", "190", "2024-06-05"},
		{"the day before", "Police said on Monday that Russia had attacked Kharkiv the day before.", "190", "2024-06-02"},
		{"the day before, no reference", "The day before, Russia attacked Kharkiv.", "190", "2024-06-05"},
		{"year before an event noun, in", "Russia killed hundreds of people in the 2022 invasion.", "190", "2022-01-01"},
		{"year before a noun, object", "Russia condemned the 2023 attack on its embassy.", "111", "2024-06-05"},
		{"year before an event noun, arrest", "Police arrested a man in the 2015 attack on the embassy.", "173", "2024-06-05"},
		{"this year's, same year", "Iran attacked Israel during the 2024 offensive.", "190", "2024-06-05"},
		{"Eid", "Russia attacked Ukraine on Eid al-Adha.", "190", "2023-06-28"},
		{"last Christmas", "Russia attacked Kharkiv last Christmas.", "190", "2023-12-25"},
		{"possessive", "Germany criticised Russia over last year's talks.", "111", "2024-06-05"},
		{"determiner before the attack that is the subject", "The March 2022 shelling of the theatre killed hundreds of civilians.", "194", "2022-03-01"},
		{"comparison", "Germany criticised Russia more sharply than in 2019.", "111", "2024-06-05"},
		{"comparison day", "Russia shelled Kharkiv more heavily than on Monday.", "194", "2024-06-05"},
		{"year not attached", "Britain and the United States signed a memorandum of understanding in December 1983.", "057", "2024-06-05"},
		{"fronted year", "In December 1985, Britain and the United States signed a memorandum.", "057", "1985-12-01"},
		{"fronted past a subordinate phrase", "In 1984, after three months of talks, the United States reached an agreement with Japan.", "057", "1984-01-01"},
		{"year right after the target", "Iraq invaded Kuwait in 1990.", "192", "1990-01-01"},
		{"between subject and verb", "Moscow on Tuesday rejected the proposal by Washington.", "120", "2024-06-04"},
		{"year before a comma", "Moscow began a moratorium in August 1985, calling on the United States to stop testing.", "020", "2024-06-05"},
		{"year in another clause", "Israel accused Iran of attacking its embassy in late 2019 or early 2020.", "112", "2024-06-05"},
		{"material act and its report", "Russia shelled Kharkiv, officials said on Monday.", "194", "2024-06-05"},
		{"verbal act and its report", "Germany condemned Russia, the foreign ministry said on Monday.", "111", "2024-06-03"},
		{"verbal act past a subordinate clause", "Germany condemned Russia after its troops shelled Kharkiv, the foreign ministry said on Monday.", "111", "2024-06-03"},
		{"that clause", "Iran said on Monday that Israel attacked its consulate.", "190", "2024-06-05"},
		{"future plan, intent", "Russia will meet China next week.", "036", "2024-06-05"},
		{"weekday of an intended act", "Russia will meet China on Friday.", "036", "2024-06-05"},
		{"date of the intent", "Russia agreed on Monday to meet China.", "036", "2024-06-03"},
		{"a past act before a month and day ahead", "On July 20, rebels attacked Bunia.", "190", "2023-07-20"},
		{"a planned act on a month and day ahead", "On July 20, Russia will meet China.", "036", "2024-06-05"},
		{"month of an intended act, past the object", "Pakistan will host talks with Afghanistan in May.", "036", "2024-06-05"},
		{"month of an intended act, and the saying", "Iran said on Monday it would attend talks in Vienna in March.", "036", "2024-06-03"},
		{"future, attached", "OPEC is scheduled to meet in Vienna on June 25.", "040", "2024-06-25"},
		{"future, not attached", "Russia criticised Ukraine over the talks on June 25.", "111", "2024-06-05"},
		{"dateline's day counts weekdays", "KYIV, May 26 (Reuters) - Russia attacked Kharkiv on Saturday.", "190", "2024-05-25"},
		{"dateline's day dates an undated event", "KYIV, May 26 (Reuters) - Russia attacked Kharkiv.", "190", "2024-05-26"},
		{"dateline after the article date", "KYIV, June 20 (Reuters) - Russia attacked Kharkiv on Monday.", "190", "2024-06-03"},
		{"night of a date", "On the night of June 1, Russian missiles hit Kharkiv.", "195", "2024-06-01"},
		{"saying's date and a material act's own", "Officials said on Monday Russia shelled Kharkiv on Sunday.", "194", "2024-06-02"},
		{"toll in a dated ambush", "Five soldiers were killed in Monday's ambush in Mali.", "190", "2024-06-03"},
		{"dated attack noun", "Eight soldiers were killed in Monday's attack on a base in Kaduna, police said.", "190", "2024-06-03"},
		{"dated meeting noun ahead", "Iran criticised Saudi Arabia before next week's OPEC meeting.", "111", "2024-06-05"},
		{"dated attack noun with an actor", "Iran condemned Monday's Israeli attack on its consulate.", "111", "2024-06-05"},
		{"over the weekend", "Russia shelled Kharkiv over the weekend.", "194", "2024-06-01"},
		{"a past act two days ahead", "On June 7, rebels attacked Bunia.", "190", "2023-06-07"},
		{"a past act two days ahead, in the clause", "Russia attacked Kharkiv on June 7.", "190", "2024-06-05"},
		{"a past act a day ahead", "Russia attacked Kharkiv on June 6.", "190", "2024-06-06"},
		{"purpose infinitive", "Portugal will go to China next month to sign the agreement with China.", "057", "2024-06-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := builtinCoder(t).Code(&petrel.Article{ID: "t", Text: tt.text, Date: base})
			found := false
			for _, e := range doc.Events {
				if e.Code != tt.code {
					continue
				}
				found = true
				if e.Date != tt.want {
					t.Errorf("%q: event %s dated %s, want %s", tt.text, e.Code, e.Date, tt.want)
				}
			}
			if !found {
				t.Errorf("%q: no %s event; got %+v", tt.text, tt.code, doc.Events)
			}
		})
	}
}

// TestEventDateUndated checks an article without a date: an expression
// that names its year still dates the event it is attached to; relative
// ones cannot, so the event has no date.
func TestEventDateUndated(t *testing.T) {
	tests := []struct{ text, code, want string }{
		{"In December 1985, Britain and the United States signed a memorandum.", "057", "1985-12-01"},
		{"Russia attacked Kharkiv on Monday.", "190", ""},
		{"Russia attacked Kharkiv.", "190", ""},
	}
	for _, tt := range tests {
		doc := builtinCoder(t).Code(&petrel.Article{ID: "t", Text: tt.text})
		found := false
		for _, e := range doc.Events {
			if e.Code == tt.code {
				found = true
				if e.Date != tt.want {
					t.Errorf("%q: event dated %q, want %q", tt.text, e.Date, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s event", tt.text, tt.code)
		}
	}
}

// TestExplainDate checks that explain says where each event's date came
// from and why a candidate date was not used.
func TestExplainDate(t *testing.T) {
	base := time.Date(1987, 3, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, want string }{
		{"Russia rejected a comparison with the stock market collapse of 1929.", `date "1929" not used: inside a noun phrase`},
		{"Russia rejected a comparison with the stock market collapse of 1929.", "date 1987-03-05: article date"},
		{"In December 1985, Britain and the United States signed a memorandum.", `date 1985-12-01 from "December 1985" (opens the verb's clause`},
		{"Serbia has boycotted the talks since March 1986.", `date "March 1986" not used: bounds a period`},
		{"Russia will meet China next week.", `date "next week" not used: it dates the intended act, not the intent`},
		{"Iraq bombed Iran on Good Friday.", `date 1986-03-28 from "Good Friday" (right after the verb, day precision, the year before: the act is past; counted from Easter by the Gregorian computus)`},
		{"Iraq bombed Iran on the 2nd.", `date 1987-03-02 from "the 2nd" (right after the verb, day precision; the latest such day of a month on or before the article date)`},
	}
	for _, tt := range tests {
		var b strings.Builder
		builtinCoder(t).Explain(&petrel.Article{ID: "t", Text: tt.text, Date: base}, func(format string, args ...any) {
			fmt.Fprintf(&b, format+"\n", args...)
		})
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%q: explain lacks %q:\n%s", tt.text, tt.want, b.String())
		}
	}
}

// TestCorpusDates codes the shared Reuters corpus (all 1987): at most 5
// events may be dated outside 1986–1988 (each one listed in the test log
// and docs/TEXT.md), and few after their article's date.
func TestCorpusDates(t *testing.T) {
	const path = "../../shared/corpus/reuters-21578/articles.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("shared corpus not found: ", err)
	}
	defer f.Close()
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	c := builtinCoder(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	outside, future, events := 0, 0, 0
	for sc.Scan() {
		var in struct{ ID, Date, Text string }
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		base, err := time.Parse("2006-01-02", in.Date[:min(10, len(in.Date))])
		if err != nil {
			t.Fatalf("article %s: date %q: %v", in.ID, in.Date, err)
		}
		doc := c.Code(&petrel.Article{ID: in.ID, Text: in.Text, Date: base})
		for _, e := range doc.Events {
			events++
			d, err := time.Parse("2006-01-02", e.Date)
			if err != nil {
				t.Errorf("event %s: date %q: %v", e.ID, e.Date, err)
				continue
			}
			if y := d.Year(); y < 1986 || y > 1988 {
				outside++
				t.Logf("dated %s: %s %q", e.Date, e.ID, e.Sentence)
			}
			if d.After(base.AddDate(0, 0, 3)) {
				future++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d events, %d dated outside 1986-1988, %d dated more than 3 days after their article", events, outside, future)
	if outside > 5 {
		t.Errorf("%d events dated outside 1986-1988, want at most 5", outside)
	}
	// Each of these is a date attached to the event's own verb ("will
	// leave next week", "meeting on July 13"); 125 before the rules.
	if future > 12 {
		t.Errorf("%d events dated more than 3 days after their article, want at most 12", future)
	}
}
