package coder_test

import (
	"strings"
	"testing"
	"time"

	"petrel"
)

// dateEvalFloor is the number of dateEvalSet cases TestDateEval requires
// to be dated right: the set's first, untuned score (63/81) less a
// margin.
const dateEvalFloor = 60

// dateEvalSet is a blind set of wire-style sentences, written with their
// gold dates before petrel dated any of them. Each case names its
// article's date, the CAMEO root codes its main event may take
// ("19|18": the first event whose code starts with one of them is judged)
// and the date a careful analyst gives that event: "" when the article's
// date is right, a day ("2024-12-30"), or a month or year prefix
// ("2024-12", "2019") when the text states no finer date; "last week" is
// the article's date less seven days, as package when resolves it.
var dateEvalSet = []dateCase{
	// Thursday 2 January 2025: weekdays across the year's end.
	{"2025-01-02", "Russian forces shelled the city of Kharkiv on Monday, killing four civilians.", "19|18", "2024-12-30"},
	{"2025-01-02", "Israeli aircraft struck targets in southern Lebanon on Saturday, the army said.", "19|18", "2024-12-28"},
	{"2025-01-02", "Police in Nairobi arrested 40 protesters on Tuesday night.", "17", "2024-12-31"},
	{"2025-01-02", "Ukraine accused Russia last week of bombing a hospital.", "11", "2024-12-26"},
	{"2025-01-02", "China criticised the United States on Wednesday over its arms sales to Taiwan.", "11", "2025-01-01"},
	{"2025-01-02", "Egypt will host talks between Israel and Hamas on Sunday, officials said.", "03|04", ""},
	{"2025-01-02", "On Dec. 29, gunmen attacked a police station in northern Nigeria.", "18|19", "2024-12-29"},
	{"2025-01-02", "Serbia has boycotted the talks since November.", "12|16", ""},
	{"2025-01-02", "Last month, Turkey expelled the Dutch ambassador.", "16|17", "2024-12"},
	{"2025-01-02", "Last year, Venezuela broke off relations with Argentina.", "16", "2024"},
	{"2025-01-02", "North Korea fired a ballistic missile on Dec. 31, South Korea's military said.", "19|13|15|18", "2024-12-31"},
	{"2025-01-02", "The president of Ghana will visit China in March.", "03|04", ""},
	{"2025-01-02", "On Jan. 10, the leaders of Armenia and Azerbaijan will meet in Geneva.", "03|04", ""},
	{"2025-01-02", "The United Nations on Wednesday condemned the bombing of a school in Gaza.", "11", "2025-01-01"},

	// Friday 1 March 2024: a leap day.
	{"2024-03-01", "Houthi rebels attacked a cargo ship in the Red Sea on Thursday.", "19|18", "2024-02-29"},
	{"2024-03-01", "Pakistan's army killed six militants in a raid late on Wednesday.", "19|18", "2024-02-28"},
	{"2024-03-01", "Brazil and Argentina signed a trade agreement in Buenos Aires on Feb. 27.", "05|06", "2024-02-27"},
	{"2024-03-01", "Germany said on Wednesday it would send more air defence systems to Ukraine.", "03|07", "2024-02-28"},
	{"2024-03-01", "Ecuador's government imposed a curfew in January after prison riots.", "17", "2024-01"},
	{"2024-03-01", "Saudi Arabia will host a peace conference on March 15.", "03|04", ""},
	{"2024-03-01", "Sudan's army said on Friday that the Rapid Support Forces had shelled a market in Omdurman on Tuesday.", "19", "2024-02-27"},
	{"2024-03-01", "Ten people were killed in Tuesday's attack on a mosque in Peshawar, police said.", "18|19", "2024-02-27"},
	{"2024-03-01", "Hungary has blocked the aid package for Ukraine since December.", "12|16", ""},
	{"2024-03-01", "In 2019, India and Pakistan exchanged fire along the Line of Control.", "19", "2019"},
	{"2024-03-01", "Israel and Hamas agreed on Thursday to a six-week ceasefire.", "03|08|05", "2024-02-29"},

	// Tuesday 31 December 2024.
	{"2024-12-31", "Protesters in Tbilisi clashed with police on Sunday.", "14|19|17|18", "2024-12-29"},
	{"2024-12-31", "Russia and Ukraine exchanged prisoners of war on Monday.", "0", "2024-12-30"},
	{"2024-12-31", "The Kremlin said on Monday it would hold talks with Washington in January.", "03", "2024-12-30"},
	{"2024-12-31", "South Korean investigators raided the presidential office on Friday.", "1", "2024-12-27"},
	{"2024-12-31", "On the night of Dec. 25, Russian missiles hit power plants across Ukraine.", "19|18", "2024-12-25"},
	{"2024-12-31", "Azerbaijan blamed Russia on Sunday for the crash of a passenger jet.", "11", "2024-12-29"},
	{"2024-12-31", "Syria's new rulers will meet Turkish officials on Jan. 5.", "03|04", ""},
	{"2024-12-31", "Israeli troops raided a hospital in northern Gaza on Friday, the health ministry said on Saturday.", "19|17|18", "2024-12-27"},
	{"2024-12-31", "The United States imposed sanctions on the founder of Georgia's ruling party last week.", "16", "2024-12-24"},
	{"2024-12-31", "On Dec. 26, Finland seized an oil tanker suspected of damaging an undersea cable.", "17|19|18", "2024-12-26"},
	{"2024-12-31", "Chinese coast guard ships fired water cannon at a Philippine vessel earlier this month.", "19|18|17", "2024-12"},
	{"2024-12-31", "At 0300 GMT on Monday, Israeli jets bombed the port of Hodeidah.", "19|18", "2024-12-30"},
	{"2024-12-31", "Japan protested to China on Tuesday over a survey ship in its waters.", "11|13|14", ""},

	// Monday 9 June 2025.
	{"2025-06-09", "Israel seized a boat carrying activists to Gaza on Monday.", "17|19|18", ""},
	{"2025-06-09", "Russia launched nearly 500 drones at Ukraine overnight.", "19|18", ""},
	{"2025-06-09", "Ukraine said on Sunday that Russian forces had attacked a village in Dnipropetrovsk region on Saturday.", "19|18", "2025-06-07"},
	{"2025-06-09", "U.S. and Chinese officials will meet in London on Monday.", "03|04", ""},
	{"2025-06-09", "Los Angeles police arrested dozens of protesters on Saturday night.", "17", "2025-06-07"},
	{"2025-06-09", "Last week, Ukraine struck Russian air bases with drones.", "19|18", "2025-06-02"},
	{"2025-06-09", "Iran rejected the U.S. proposal on Friday, the foreign ministry spokesman said.", "12", "2025-06-06"},
	{"2025-06-09", "Russian and Ukrainian delegations met in Istanbul on June 2.", "04", "2025-06-02"},
	{"2025-06-09", "In May, India and Pakistan exchanged fire across the border.", "19", "2025-05"},
	{"2025-06-09", "Vietnam will hold talks with the European Union in July.", "03|04", ""},
	{"2025-06-09", "Earlier this month, Poland closed its border crossing with Belarus.", "1", "2025-06"},
	{"2025-06-09", "Russian forces have shelled Kherson daily since April.", "19", ""},
	{"2025-06-09", "Ukraine's military said Russia fired 479 drones and 20 missiles late on Sunday.", "19|18", "2025-06-08"},
	{"2025-06-09", "The Kremlin on Sunday rejected calls for a ceasefire.", "12", "2025-06-08"},

	// Thursday 5 March 1987: older wire style.
	{"1987-03-05", "Iran shelled the Iraqi port of Basra yesterday, Baghdad radio said.", "19", "1987-03-04"},
	{"1987-03-05", "Britain and the Soviet Union signed a cultural agreement today.", "05|06", ""},
	{"1987-03-05", "The Soviet Union yesterday accused the United States of violating the ABM treaty.", "11", "1987-03-04"},
	{"1987-03-05", "Israeli troops shot dead two Palestinian youths on Tuesday in the occupied West Bank.", "18|19", "1987-03-03"},
	{"1987-03-05", "President Reagan will meet Soviet Foreign Minister Shevardnadze next month.", "03|04", ""},
	{"1987-03-05", "Iraq bombed an Iranian oil terminal on February 27.", "19", "1987-02-27"},
	{"1987-03-05", "On March 9, Japan will send a trade delegation to Washington.", "03|04", ""},
	{"1987-03-05", "Libyan troops attacked Chadian positions on March 2.", "19|18", "1987-03-02"},
	{"1987-03-05", "Pakistan accused Afghanistan last month of bombing border villages.", "11", "1987-02"},
	{"1987-03-05", "The Soviet Union invaded Afghanistan in 1979.", "19", "1979"},
	{"1987-03-05", "Egypt restored diplomatic relations with Jordan in 1984.", "0", "1984"},
	{"1987-03-05", "Iraq said yesterday its warplanes had bombed Iranian oil installations on Monday.", "19", "1987-03-02"},
	{"1987-03-05", "The United States has maintained an embargo on Libya since January 1986.", "16", ""},
	{"1987-03-05", "Sri Lankan troops killed 25 Tamil rebels in fighting late on Tuesday.", "18|19", "1987-03-03"},

	// Monday 4 November 2024: a month's start.
	{"2024-11-04", "Earlier this month, North Korea fired an intercontinental ballistic missile.", "19|13|15|18", "2024-11"},
	{"2024-11-04", "On Oct. 31, North Korea test-fired a missile.", "19|13|15|18", "2024-10-31"},
	{"2024-11-04", "Russia accused Moldova on Sunday of rigging the runoff.", "11", "2024-11-03"},
	{"2024-11-04", "Ukrainian drones attacked an oil depot in Russia's Bryansk region late on Friday.", "19|18", "2024-11-01"},
	{"2024-11-04", "Spain will send 500 more troops to Valencia on Tuesday.", "03|04|07", ""},
	{"2024-11-04", "Israel told the United Nations on Sunday that it would end cooperation with UNRWA.", "03|01|16", "2024-11-03"},
	{"2024-11-04", "Iran vowed on Saturday to retaliate against Israel for last week's strikes.", "13|03", "2024-11-02"},
	{"2024-11-04", "Protesters in Valencia threw mud at King Felipe on Sunday.", "1", "2024-11-03"},
	{"2024-11-04", "Iran's foreign minister said on Monday that Israel had attacked military sites on Oct. 26.", "19|18", "2024-10-26"},
	{"2024-11-04", "Hezbollah fired rockets at northern Israel at 1400 GMT on Saturday.", "19|18", "2024-11-02"},
	{"2024-11-04", "Last month, China held large military drills around Taiwan.", "15|19|13", "2024-10"},
	{"2024-11-04", "Two soldiers were killed in Saturday's ambush in Mali, the army said.", "18|19", "2024-11-02"},

	// Datelines with a day other than the article's.
	{"2024-03-12", "KYIV, March 3 (Reuters) - Russian drones struck an apartment block in Odesa on Saturday, killing 12 people.", "19|18", "2024-03-02"},
	{"2025-01-03", "MOSCOW, Dec. 30 (Reuters) - Russia accused Ukraine on Friday of attacking a gas pipeline.", "11", "2024-12-27"},
	{"2024-11-06", "BEIRUT, Nov. 4 (Reuters) - Israeli strikes killed 20 people in eastern Lebanon on Sunday.", "18|19", "2024-11-03"},
}

// dateCase is one case of a blind date set: the article's date, the
// sentence, the root codes its main event may take and the gold date.
type dateCase struct {
	article, text, roots, want string
}

// TestDateEval dates the main event of each dateEvalSet case and prints
// how many are right; it fails only below dateEvalFloor.
func TestDateEval(t *testing.T) {
	scoreDates(t, dateEvalSet, dateEvalFloor)
}

// scoreDates codes each case of set, logs the misdated ones and the score,
// and fails if fewer than floor are dated right.
func scoreDates(t *testing.T, set []dateCase, floor int) {
	t.Helper()
	c := builtinCoder(t)
	right, noEvent := 0, 0
	for _, tc := range set {
		base, err := time.Parse("2006-01-02", tc.article)
		if err != nil {
			t.Fatal(err)
		}
		doc := c.Code(&petrel.Article{ID: "t", Text: tc.text, Date: base})
		want := tc.want
		if want == "" {
			want = tc.article
		}
		got, found := "", false
	events:
		for _, e := range doc.Events {
			for _, r := range strings.Split(tc.roots, "|") {
				if strings.HasPrefix(e.Code, r) {
					got, found = e.Date, true
					break events
				}
			}
		}
		switch {
		case !found:
			noEvent++
			t.Logf("no %s event: %q", tc.roots, tc.text)
		case strings.HasPrefix(got, want):
			right++
		default:
			t.Logf("dated %s, want %s: %q (article %s)", got, want, tc.text, tc.article)
		}
	}
	t.Logf("dates: %d/%d right (%d with no main event)", right, len(set), noEvent)
	if right < floor {
		t.Errorf("dates: %d/%d right, floor %d", right, len(set), floor)
	}
}
