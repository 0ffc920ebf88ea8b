package coder_test

import (
	"testing"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
)

// TestEventPlaces codes one sentence (or a short article) and checks the
// place of the first event whose code starts with root.
func TestEventPlaces(t *testing.T) {
	c := builtinCoder(t)
	for _, tt := range []struct {
		name, text string
		root       string // event to look at: first whose code has this prefix
		// want: place name ("" for no place), country, precision
		place, country, precision, source string
		id                                int // GeoNames id, 0 to skip
	}{
		{"city after in", "Police arrested 20 protesters in Amara on Sunday.", "17", "", "IRQ", "city", "clause", 99608},
		{"qualifier US state", "U.S. police arrested three men in Paris, Texas, on Monday.", "17", "Paris", "USA", "city", "clause", 4717560},
		{"qualifier country in parentheses", "Lebanese troops raided a camp in Tripoli (Lebanon) on Monday.", "1", "Tripoli", "LBN", "city", "clause", 266826},
		{"division word, spelling not in GeoNames", "Indian troops killed two militants in Shopian district on Friday.", "1", "Shupiyan", "IND", "admin2", "clause", 0},
		{"division word, no country named", "Clashes in Shopian district killed two militants.", "1", "Shupiyan", "IND", "admin2", "clause", 0},
		{"admin1 by name", "Egyptian troops clashed with militants in North Sinai.", "19", "North Sinai", "EGY", "admin1", "clause", 0},
		{"oblast", "Russian forces attacked Ukrainian troops in Kherson Oblast overnight.", "19", "Kherson", "UKR", "admin1", "clause", 0},
		// Bocaranga is no populated place in cities1000, only a sub-prefecture.
		{"town of", "Rebels attacked the town of Bocaranga in Ouham-Pendé.", "1", "Bocaranga", "CAF", "admin2", "clause", 0},
		{"hyphenated division", "Central African troops clashed with rebels in Ouham-Pendé on Friday.", "19", "Ouham-Pendé", "CAF", "admin1", "clause", 0},
		{"capital as actor is no place", "Moscow said it would send aid to Syria.", "0", "", "", "", "", 0},
		{"nationality adjective is no place", "Russian officials criticised the Ukrainian government.", "11", "", "", "", "", 0},
		{"Russian capital", "Lavrov met Chinese officials in the Russian capital.", "04", "Moscow", "RUS", "city", "clause", 524901},
		{"object of force", "Russian forces shelled Kharkiv on Monday.", "19", "Kharkiv", "UKR", "city", "clause", 0},
		{"topic noun", "Macron and Xi discussed the war in Ukraine.", "04", "", "", "", "", 0},
		{"fronted place", "In Kabul, Taliban fighters detained two journalists.", "17", "Kabul", "AFG", "city", "clause", 0},
		{"no carry-over", "Japanese officials met in Tokyo on Monday. China criticised Japan.", "11", "", "", "", "", 0},
		{"dateline", "KYIV, Oct 3 (Reuters) - Ukrainian police arrested four men on Monday.", "17", "Kyiv", "UKR", "city", "dateline", 0},
		{"seat of power", "U.S. officials met Japanese officials at the White House on Monday.", "04", "Washington", "USA", "city", "clause", 0},
		{"a sea is no county", "Iranian gunboats attacked a tanker in the Gulf on Monday.", "1", "", "", "", "", 0},
		{"famous city over a namesake in the article's country", "U.S. officials met Italian officials at the June summit in Venice.", "04", "Venice", "ITA", "city", "clause", 0},
		{"possessive country", "Ukrainian forces shelled Ukraine's Horlivka on Monday.", "19", "Horlivka", "UKR", "city", "clause", 0},
		{"shelling of", "Russian forces killed two civilians in the shelling of Kherson.", "1", "Kherson", "UKR", "city", "clause", 0},
		{"on an island", "Indonesian police arrested five men on Bali island on Monday.", "17", "", "IDN", "", "clause", 0},
		{"place before an attack noun", "Taliban fighters killed 20 people in the Kabul bombing.", "1", "Kabul", "AFG", "city", "clause", 0},
		{"modifier place of a physical event", "Ten civilians were killed in the Ukrainian army's Donetsk shelling.", "1", "Donetsk", "UKR", "city", "clause", 0},
		{"modifier place is the attack's, not the arrest's", "Police arrested three men after the Kabul bombing.", "17", "", "", "", "", 0},
		{"attacker before an attack noun", "Ukrainian troops died in a Russian attack on Monday.", "1", "", "", "", "", 0},
		{"a country's name inside a longer place name", "Serbian police arrested two men in Mali Zvornik on Monday.", "17", "Mali Zvornik", "SRB", "city", "clause", 0},
		{"not the capital", "Rebels kidnapped two soldiers in Arauca, the Venezuelan government said in Caracas.", "18", "Arauca", "COL", "", "clause", 0},
		{"in support of", "Polish police arrested protesters marching in support of Ukraine.", "17", "", "", "", "", 0},
		{"near a country", "Russian troops attacked Ukrainian positions near Ukraine's border with Belarus.", "19", "", "", "", "", 0},
		{"coordinated verbs share the place after them", "Police fired tear gas and arrested dozens of people in Nairobi.", "175", "Nairobi", "KEN", "city", "clause", 0},
		{"a verb with its own subject does not share it", "Police fired tear gas and protesters threw stones in Mombasa.", "175", "", "", "", "", 0},
		{"on the road between two towns", "Gunmen attacked a bus on the road between Kaya and Dori.", "18", "Kaya", "BFA", "city", "clause", 0},
		{"a region of two provinces", "Two Ukrainian soldiers were killed in the Donbas on Monday.", "1", "Donbas", "UKR", "admin1", "clause", 0},
		{"a self-proclaimed republic is where it holds", "Ukrainian troops killed three militiamen in the DPR on Monday.", "1", "Donetsk People's Republic", "UKR", "admin1", "clause", 0},
		{"the area of a town", "Russian troops attacked Ukrainian positions in the Bakhmut area.", "19", "Bakhmut", "UKR", "city", "clause", 0},
		{"a city's district is the city", "Shelling killed two women in the Kuibyshevsky district of Donetsk.", "1", "Donetsk", "UKR", "city", "clause", 0},
		{"a capital as the attacker is no place", "Two militiamen were killed in Kiev forces' shelling.", "1", "", "", "", "", 0},
		{"a toll goes with the one before", "One Ukrainian soldier killed, five injured in Donbas.", "1", "Donbas", "UKR", "admin1", "clause", 0},
		{"an attack noun ends no clause for a physical event", "A Ukrainian soldier was killed amid enemy attacks in Donbas.", "1", "Donbas", "UKR", "admin1", "clause", 0},
		{"a soft sign as news leaves it out", "Russian forces shelled Vovchansk on Monday.", "19", "Vovchans’k", "UKR", "city", "clause", 0},
		{"a heading's place before a colon", "Shelling in the Kherson region: officials said Russian troops killed three civilians.", "1", "Kherson", "UKR", "admin1", "clause", 0},
		{"talks between two states are no place", "Lavrov met Chinese officials for talks between Russia and China on Monday.", "04", "", "", "", "", 0},
		{"a place's own name over another's old name", "Rioters attacked a mosque in Southport on Monday.", "14", "Southport", "GBR", "city", "clause", 0},
		{"a division in its seat's spelling", "Russian drones hit a power plant in the Dnepropetrovsk region.", "1", "Dnipropetrovsk", "UKR", "admin1", "clause", 0},
		{"a homonym narrowed by the province after in", "Pakistani police detained five men in Hyderabad in Sindh province on Monday.", "17", "Hyderabad", "PAK", "city", "clause", 1176734},
		{"a village by its transliteration, in a self-proclaimed republic", "Ukrainian troops attacked rebels in Luganskoye in the DPR on Monday.", "19", "Luhans’ke", "UKR", "city", "clause", 0},
		{"a second place that holds none of the first's is no qualifier", "Police arrested two men in Lviv in the Donbas on Monday.", "17", "Lviv", "UKR", "city", "clause", 0},
		{"nearby as a preposition", "Rebels attacked a convoy nearby Bunia on Sunday.", "1", "Bunia", "COD", "city", "clause", 0},
		{"the territory of a province", "Turkish artillery shelled the territory of Idlib province on Monday.", "19", "Idlib", "SYR", "admin1", "clause", 0},
		{"a participle before the shelled place", "Syrian troops shelled rebel-held Idlib on Monday.", "19", "Idlib", "SYR", "city", "clause", 0},
		{"a toll with over after a comma", "Three soldiers were killed, over 40 wounded near Gao on Monday.", "1", "Gao", "MLI", "city", "clause", 0},
		{"a place before an attack noun opens the headline", "Kandahar bombing kills nine at a mosque.", "18", "Kandahar", "AFG", "city", "clause", 0},
		{"a capital before a blast is its place", "Death toll from Kabul blast rises to 30.", "18", "Kabul", "AFG", "city", "clause", 0},
		{"the attacker before an attack noun with its own place", "Two soldiers were killed in Moscow strikes on Kharkiv.", "1", "Kharkiv", "UKR", "city", "clause", 0},
		{"coordinated regions", "Russian forces shelled the Sumy and Kharkiv regions overnight.", "19", "Sumy", "UKR", "admin1", "clause", 0},
		{"a toll after the first verb's own words", "One soldier was killed in action, another wounded near Kidal on Monday.", "1", "Kidal", "MLI", "city", "clause", 0},
		{"a toll after an attack noun's place", "One policeman killed, two injured in three militant attacks in Kandahar.", "1", "Kandahar", "AFG", "city", "clause", 0},
		{"a verb after a comma with a count shares the place", "Artillery fire kills one, injures two in Kherson.", "1", "Kherson", "UKR", "city", "clause", 0},
		{"a sentence's first word is no place by its skeleton", "U.S. officials met Mexican officials in Washington. Violent clashes killed four people on Monday.", "1", "", "", "", "", 0},
		{"the attacker before an attack noun with its place after in", "A man was killed in Moscow shelling in Kherson.", "1", "Kherson", "UKR", "city", "clause", 0},
		{"a name that says whose forces are shelled is no place", "Russian artillery shelled Kharkiv police positions on Monday.", "19", "", "", "", "", 0},
		{"protesters of a city are still in it", "Special police shot Nairobi protesters on Tuesday.", "1", "Nairobi", "KEN", "city", "clause", 0},
		{"the place of the moment a toll happened", "Four people were killed as a bus hit a landmine near Kidal.", "1", "Kidal", "MLI", "city", "clause", 0},
		{"the place of what a victim was doing", "A soldier was killed while patrolling a road near Gao.", "1", "Gao", "MLI", "city", "clause", 0},
		{"a region narrowed by a town right after it", "Two soldiers were killed in the Donbas near Horlivka on Monday.", "1", "Horlivka", "UKR", "city", "clause", 0},
		{"a province narrowed by its town", "Gunmen killed three policemen in Balochistan province near Turbat.", "1", "Turbat", "PAK", "city", "clause", 0},
		{"the suburb of a city", "Shelling killed a man in a suburb of Kharkiv on Monday.", "1", "Kharkiv", "UKR", "city", "clause", 0},
		{"a participle read as a verb before the shelled place", "Russian forces shelled besieged Mariupol on Monday.", "19", "Mariupol", "UKR", "city", "clause", 0},
		{"dateline with country", "TRIPOLI, Lebanon (AP) - Lebanese police arrested four men on Monday.", "17", "Tripoli", "LBN", "city", "dateline", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2024, 10, 3, 0, 0, 0, 0, time.UTC)})
			var ev *petrel.Event
			for i := range doc.Events {
				if len(doc.Events[i].Code) >= len(tt.root) && doc.Events[i].Code[:len(tt.root)] == tt.root {
					ev = &doc.Events[i]
					break
				}
			}
			if ev == nil {
				t.Fatalf("no %s… event in %d events", tt.root, len(doc.Events))
			}
			l := ev.Location
			if tt.country == "" {
				if l != nil {
					t.Errorf("location %+v, want none", *l)
				}
				return
			}
			if l == nil {
				t.Fatalf("no location, want %s (%s)", tt.place, tt.country)
			}
			if tt.place != "" && l.Name != tt.place || l.Country != tt.country || tt.precision != "" && l.Precision != tt.precision || l.Source != tt.source {
				t.Errorf("location %+v, want %s %s %s from %s", *l, tt.place, tt.country, tt.precision, tt.source)
			}
			if tt.id != 0 && l.GeoNameID != tt.id {
				t.Errorf("geonameid %d, want %d", l.GeoNameID, tt.id)
			}
			if l.Start < 0 || l.End > len(tt.text) || l.Start >= l.End {
				t.Errorf("span %d-%d out of the text", l.Start, l.End)
			}
			if l.Precision != "country" && l.Admin1 == "" {
				t.Errorf("no admin1 in %+v", *l)
			}
		})
	}
}

// TestUserPlaceWins checks that a place in a user's dictionary wins over
// the gazetteer's places of the same name.
func TestUserPlaceWins(t *testing.T) {
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if err := native.LoadFile(d, "user.txt", []byte("place IRQ Paris / Camp Paris @ 33.1 44.2\n"), &diags); err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	c := coder.New(d, coder.DefaultOptions)
	doc := c.Code(&petrel.Article{ID: "u", Text: "Iraqi police arrested 20 protesters in Paris on Sunday."})
	if len(doc.Events) == 0 || doc.Events[0].Location == nil {
		t.Fatalf("no located event: %+v", doc.Events)
	}
	l := doc.Events[0].Location
	if l.Country != "IRQ" || l.Lat != 33.1 || l.Lon != 44.2 || l.Name != "Paris" {
		t.Errorf("location %+v, want the user's Paris in Iraq", *l)
	}
	// Without the user's entry, Paris is the French capital.
	doc = builtinCoder(t).Code(&petrel.Article{ID: "u", Text: "French police arrested 20 protesters in Paris on Sunday."})
	if len(doc.Events) == 0 || doc.Events[0].Location == nil || doc.Events[0].Location.Country != "FRA" {
		t.Errorf("built-in Paris: %+v", doc.Events)
	}
}

// TestKashmir: the bare name is the Indian-administered valley, the side
// Pakistan holds is named as such, and a dispute over Kashmir is no place.
func TestKashmir(t *testing.T) {
	c := builtinCoder(t)
	for _, tc := range []struct{ text, country string }{
		{"Militants killed two soldiers in Kashmir.", "IND"},
		{"Indian shelling killed three civilians in Pakistan-administered Kashmir.", "PAK"},
		{"Gunmen shot dead a police officer in Indian-administered Kashmir on Friday.", "IND"},
		{"India rejected Pakistan's offer of talks on the Kashmir dispute.", ""},
	} {
		doc := c.Code(&petrel.Article{ID: "k", Text: tc.text})
		if len(doc.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		got := ""
		if l := doc.Events[0].Location; l != nil {
			got = l.Country
		}
		if got != tc.country {
			t.Errorf("%q: place country %q, want %q", tc.text, got, tc.country)
		}
	}
}

// TestPlaceBeforeDate: a place followed by a date ("in Mali last
// Friday") is still the place of the event, and gives unnamed actors its
// state before the country an earlier sentence named.
func TestPlaceBeforeDate(t *testing.T) {
	c := builtinCoder(t)
	lead := "Police detained dozens of students in Lagos on Monday. "
	for _, tc := range []struct{ text, source, place string }{
		{"Rebels attacked a village in Mali last Friday.", "MLIREB", "MLI"},
		{"Gunmen killed five people in Burkina Faso early on Sunday.", "BFAUAF", "BFA"},
		{"Militants ambushed an army patrol in northern Mozambique this week.", "MOZREB", "MOZ"},
		{"Rebels attacked a village in Mali.", "MLIREB", "MLI"},
	} {
		doc := c.Code(&petrel.Article{ID: "d", Date: time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), Text: lead + tc.text})
		var e *petrel.Event
		for i := range doc.Events {
			if doc.Events[i].Sentence == tc.text {
				e = &doc.Events[i]
			}
		}
		if e == nil {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		got := ""
		if e.Location != nil {
			got = e.Location.Country
		}
		if e.Source.Code != tc.source || got != tc.place {
			t.Errorf("%q: source %s, place %q; want %s, %q", tc.text, e.Source.Code, got, tc.source, tc.place)
		}
	}
}

// TestPlaceAfterParticiple: a participle on a noun ("a man accused of
// theft") does not end the clause when placing a physical event, but a
// verbal act is not placed where another act of its object happened
// ("a quota set in Vienna").
func TestPlaceAfterParticiple(t *testing.T) {
	checkFirstEvents(t, []firstEventCase{
		{text: "A crowd lynched a man accused of theft in the town of Bouake.", place: "CIV"},
		{text: "Militiamen killed three villagers displaced by the fighting near Bunia.", place: "COD"},
		{text: "Iraq rejected the production quota set in Vienna.", place: "-"},
	})
}

// TestLongerPlaceName: a state name that starts a longer place name of
// another state is that place ("students in Niger state" are Nigeria's),
// unless the actor phrase goes on past it ("Niger state television").
func TestLongerPlaceName(t *testing.T) {
	checkFirstEvents(t, []firstEventCase{
		{text: "Bandits abducted 30 students in Niger state.", event: "NGACRM 181 NGAEDU"},
		{text: "Niger state television said soldiers killed 20 jihadists near Tillaberi.", event: "NERMIL 190 NERREB"},
	})
}

// TestStateDivisionOf: "the <state's adjective> province/state of X" is
// a division of that state ("the Philippine province of Samar", not
// Russia's Samara).
func TestStateDivisionOf(t *testing.T) {
	checkFirstEvents(t, []firstEventCase{
		{text: "Soldiers killed five rebels in the Philippine province of Samar.", place: "PHL"},
		{text: "Rebels attacked a village in the Congolese province of Ituri.", place: "COD"},
	})
}
