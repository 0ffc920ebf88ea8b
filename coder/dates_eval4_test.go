package coder_test

import "testing"

// dateEval4Floor is the number of dateEval4Set cases TestDateEval4
// requires to be dated right. The set's first, untuned score, before the
// finder read Jewish holidays (at c00de1e), was 5/22 (2 cases with no main
// event). With the tables of the Hebrew calendar (when/lunar.go) it is
// 19/22.
const dateEval4Floor = 17

// dateEval4Set is a small blind set in the style of dateEvalSet, written
// with its gold dates before petrel dated any of it (session 7): Jewish
// holidays (Rosh Hashanah, Yom Kippur, Sukkot, Simchat Torah, Passover,
// Purim, Hanukkah, Shavuot), with look-alikes ("the Yom Kippur War") and
// ordinary dates as controls. A Jewish holiday begins at sundown the
// evening before its day; "on Yom Kippur" is its day, "the first night
// of Hanukkah" the evening before the first day. A holiday of several
// days named alone ("during Passover") is dated by its month, as "in
// April" would be. Simchat Torah is kept as in Israel.
var dateEval4Set = []dateCase{
	// Monday 9 October 2023.
	{"2023-10-09", "Hamas fighters attacked Israeli towns on Simchat Torah.", "18|19", "2023-10-07"},
	{"2023-10-09", "Israeli police detained 10 worshippers at the Western Wall on Yom Kippur.", "17", "2023-09-25"},
	{"2023-10-09", "Palestinian gunmen opened fire on Israeli cars on the first day of Sukkot.", "18|19", "2023-09-30"},
	{"2023-10-09", "Israeli troops raided the Jenin refugee camp on Rosh Hashanah.", "19|18|17", "2023-09-16"},

	// Thursday 2 May 2024.
	{"2024-05-02", "Israeli forces struck Rafah on the first day of Passover.", "19|18", "2024-04-23"},
	{"2024-05-02", "Police arrested 50 protesters in Tel Aviv on Purim.", "17", "2024-03-24"},
	{"2024-05-02", "Hezbollah fired rockets at northern Israel on the eve of Passover.", "19|18", "2024-04-22"},
	{"2024-05-02", "Israeli police barred Palestinians from the al-Aqsa mosque during Passover.", "1", "2024-04"},

	// Friday 27 December 2024.
	{"2024-12-27", "Hamas fired rockets at Israel on the first day of Hanukkah.", "19|18", "2024-12-26"},
	{"2024-12-27", "Israeli strikes killed 20 people in Gaza on Christmas Day.", "18|19", "2024-12-25"},
	{"2024-12-27", "Houthi rebels fired a missile at Tel Aviv on the first night of Hanukkah.", "19|18", "2024-12-25"},

	// Monday 6 October 2025.
	{"2025-10-06", "Israel seized boats of a flotilla bound for Gaza on Yom Kippur.", "17|19|18", "2025-10-02"},
	{"2025-10-06", "Police detained 30 protesters in Jerusalem on Rosh Hashanah.", "17", "2025-09-23"},
	{"2025-10-06", "Egypt and Syria attacked Israel in 1973.", "19|18", "1973"},
	{"2025-10-06", "Israeli jets struck Syrian positions during the Yom Kippur War in 1973.", "19|18", "1973"},
	{"2025-10-06", "Israel will hold talks with Hamas after Sukkot.", "0", ""},

	// Wednesday 16 April 2025, in Passover (April 13 to 19).
	{"2025-04-16", "Israeli police arrested 12 activists on the Temple Mount on the first day of Passover.", "17", "2025-04-13"},
	{"2025-04-16", "Israel struck Gaza on Passover, killing 15 people.", "19|18", "2025-04-13"},
	{"2025-04-16", "Hezbollah fired rockets at Israel last Passover.", "19|18", "2024-04-23"},
	{"2025-04-16", "Police arrested 40 people in Tel Aviv on Saturday.", "17", "2025-04-12"},

	// Tuesday 10 June 2025.
	{"2025-06-10", "Hezbollah fired rockets at Israel on Shavuot.", "19|18", "2025-06-02"},
	{"2025-06-10", "Israeli troops shot dead two Palestinians on Sunday.", "18|19", "2025-06-08"},
}

// TestDateEval4 dates the main event of each dateEval4Set case and prints
// how many are right; it fails only below dateEval4Floor.
func TestDateEval4(t *testing.T) {
	scoreDates(t, dateEval4Set, dateEval4Floor)
}
