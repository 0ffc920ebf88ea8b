package native_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"petrel/dict"
	"petrel/dict/native"
)

// load reads one dictionary file given as text.
func load(t *testing.T, src string) (*dict.Dictionary, dict.Diagnostics) {
	t.Helper()
	d := &dict.Dictionary{Synsets: map[string][]dict.Phrase{}}
	var diags dict.Diagnostics
	if err := native.LoadFile(d, "test.txt", []byte(src), &diags); err != nil {
		t.Fatal(err)
	}
	return d, diags
}

// names returns an actor's or agent's names as space-joined strings.
func names(ps []dict.Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		w := make([]string, len(p.Words))
		for j, x := range p.Words {
			w[j] = x.Text
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

func TestActorCountry(t *testing.T) {
	d, diags := load(t, `# header comment
country RUS Russia
  names: Russia; Russian Federation
  demonyms: Russian; Russians
  capital: Moscow @ 55.7558 37.6173
  seats: Kremlin; State Duma / Duma = LEG
  cities: Saint Petersburg / St. Petersburg @ 59.9343 30.3351
`)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got, want := len(d.Actors), 3; got != want {
		t.Fatalf("actors = %d, want %d", got, want)
	}
	a := d.Actors[0]
	if got, want := names(a.Names), []string{"russia", "russian federation", "russian", "russians", "moscow"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	if a.Kind != "country" || a.Country != "RUS" || a.Display != "Russia" || a.CodeOn("") != "RUS" {
		t.Errorf("actor = %+v", a)
	}
	if got, want := a.Rule, (dict.Source{File: "test.txt", Line: 2, Text: "country RUS Russia"}); got != want {
		t.Errorf("rule = %+v, want %+v", got, want)
	}
	kremlin, duma := d.Actors[1], d.Actors[2]
	if kremlin.CodeOn("") != "RUSGOV" || kremlin.Display != "Kremlin" || kremlin.Country != "RUS" || kremlin.Kind != "country" {
		t.Errorf("kremlin = %+v", kremlin)
	}
	if got, want := names(duma.Names), []string{"state duma", "duma"}; !reflect.DeepEqual(got, want) || duma.CodeOn("") != "RUSLEG" {
		t.Errorf("duma = %+v", duma)
	}
	if got, want := len(d.Places), 2; got != want {
		t.Fatalf("places = %d, want %d", got, want)
	}
	moscow, spb := d.Places[0], d.Places[1]
	if !moscow.Capital || moscow.Country != "RUS" || moscow.Lat != 55.7558 || moscow.Lon != 37.6173 || moscow.Display != "Moscow" {
		t.Errorf("capital = %+v", moscow)
	}
	if spb.Capital || spb.Country != "RUS" || !reflect.DeepEqual(names(spb.Names), []string{"saint petersburg", "st. petersburg"}) {
		t.Errorf("city = %+v", spb)
	}
}

func TestActorCountryPlaceOnlyCapital(t *testing.T) {
	d, diags := load(t, "country MDV Maldives\n  capital: Malé / Male @ 4.1755 73.5093 place-only\n")
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	// Without names: the display name is the name; the capital is a place only.
	if got, want := names(d.Actors[0].Names), []string{"maldives"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	if len(d.Places) != 1 || !d.Places[0].Capital || len(d.Places[0].Names) != 2 {
		t.Errorf("places = %+v", d.Places)
	}
}

func TestActorCountryDisplayIsCapital(t *testing.T) {
	d, diags := load(t, "country SGP Singapore\n  demonyms: Singaporean\n  capital: Singapore @ 1.3521 103.8198\n")
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got, want := names(d.Actors[0].Names), []string{"singapore", "singaporean"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestActorOrgs(t *testing.T) {
	d, diags := load(t, `igo IGOUNO United Nations
  names: United Nations; UN; U.N.

group TAL Taliban
  names: Taliban
  country: AFG

group NGOHRIAMN Amnesty International
`)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	tests := []struct {
		display, kind, code, country string
		names                        []string
	}{
		{"United Nations", "igo", "IGOUNO", "", []string{"united nations", "un", "u.n."}},
		{"Taliban", "group", "TAL", "AFG", []string{"taliban"}},
		{"Amnesty International", "group", "NGOHRIAMN", "", []string{"amnesty international"}},
	}
	if len(d.Actors) != len(tests) {
		t.Fatalf("actors = %d, want %d", len(d.Actors), len(tests))
	}
	for i, tt := range tests {
		a := d.Actors[i]
		if a.Display != tt.display || a.Kind != tt.kind || a.CodeOn("") != tt.code || a.Country != tt.country || !reflect.DeepEqual(names(a.Names), tt.names) {
			t.Errorf("actor %d = %+v %q, want %+v", i, a, names(a.Names), tt)
		}
	}
}

func TestActorPerson(t *testing.T) {
	d, diags := load(t, `person Vladimir Putin
  names: Vladimir Putin; Putin
  country: RUS
  roles: RUSGOV 2000-05-07..2008-05-07 President; RUSGOV 2008-05-08..2012-05-07 Prime Minister; RUSGOV 2012-05-07.. President
  default: RUSELI

person Abdul Salam Hanafi
  names: Abdul Salam Hanafi; Hanafi
  country: AFG
  roles: TALGOV 2021-09-07.. Deputy Prime Minister
`)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	putin, hanafi := d.Actors[0], d.Actors[1]
	if putin.Kind != "person" || putin.Display != "Vladimir Putin" || putin.Country != "RUS" {
		t.Errorf("putin = %+v", putin)
	}
	if got, want := putin.Roles[len(putin.Roles)-1], (dict.Role{Code: "RUSELI"}); got != want {
		t.Errorf("default role = %+v, want %+v", got, want)
	}
	for _, tt := range []struct {
		a          *dict.Actor
		date, want string
	}{
		{putin, "2021-10-20", "RUSGOV"},
		{putin, "1995-01-01", "RUSELI"},
		{putin, "", "RUSGOV"}, // undated: the current, open-ended role
		{hanafi, "2021-10-20", "TALGOV"},
		{hanafi, "2020-01-01", "AFG"},
	} {
		if got := tt.a.CodeOn(tt.date); got != tt.want {
			t.Errorf("%s on %q = %s, want %s", tt.a.Display, tt.date, got, tt.want)
		}
	}
}

func TestAgent(t *testing.T) {
	d, diags := load(t, `agent GOV
  names: government; officials; official
  names: foreign minister

agent NGO prefix
  names: aid group; aid groups
`)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(d.Agents) != 2 {
		t.Fatalf("agents = %d, want 2", len(d.Agents))
	}
	gov, ngo := d.Agents[0], d.Agents[1]
	if gov.Code != "GOV" || gov.Prefix || !reflect.DeepEqual(names(gov.Names), []string{"government", "officials", "official", "foreign minister"}) {
		t.Errorf("gov = %+v", gov)
	}
	if ngo.Code != "NGO" || !ngo.Prefix || len(ngo.Names) != 2 {
		t.Errorf("ngo = %+v", ngo)
	}
	if got, want := gov.Rule, (dict.Source{File: "test.txt", Line: 1, Text: "agent GOV"}); got != want {
		t.Errorf("rule = %+v, want %+v", got, want)
	}
}

// TestActorErrors checks that each malformed line is reported at its line
// and that the rest of the file is still read.
func TestActorErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string // a substring of the diagnostic
		actors    int    // actors still read
		places    int
	}{
		{"MissingCountryCode", "country\n", 1, "missing code", 0, 0},
		{"BadCountryCode", "country Russia\n  names: Russia\n", 1, "bad code", 0, 0},
		{"LowerCaseCode", "country rus Russia\n", 1, "bad code", 0, 0},
		{"UnknownField", "country RUS Russia\n  name: Russia\n  capital: Moscow @ 55.7 37.6\n", 2, "unknown field \"name\"", 1, 1},
		{"NotAField", "country RUS Russia\n  Russia\n", 2, "expected", 1, 0},
		{"EmptyField", "country RUS Russia\n  seats:\n", 2, "empty field", 1, 0},
		{"MissingAt", "country RUS Russia\n  capital: Moscow 55.7 37.6\n", 2, "missing \"@", 1, 0},
		{"BadLatitude", "country RUS Russia\n  capital: Moscow @ 95.7 37.6\n", 2, "bad coordinates", 1, 0},
		{"BadNumber", "country RUS Russia\n  cities: Kazan @ 55.7 east; Sochi @ 43.6 39.7\n", 2, "bad coordinates", 1, 1},
		{"OneCoordinate", "country RUS Russia\n  cities: Kazan @ 55.7\n", 2, "bad coordinates", 1, 0},
		{"UnknownFlag", "country RUS Russia\n  capital: Moscow @ 55.7 37.6 maybe\n", 2, "bad coordinates", 1, 0},
		{"BadSeatRole", "country USA United States\n  seats: Pentagon = military\n", 2, "bad role", 1, 0},
		{"MissingSeatName", "country USA United States\n  seats: = MIL\n", 2, "missing seat name", 1, 0},
		{"MissingIGOCode", "igo\n", 1, "missing code", 0, 0},
		{"BadGroupCode", "group Taliban\n  country: AFG\n", 1, "bad code", 0, 0},
		{"IGOCountryField", "igo IGOUNO United Nations\n  country: USA\n", 2, "unknown field", 1, 0},
		{"BadSince", "igo IGOJUDICC International Criminal Court\n  since: 2002\n", 2, "since: want one date", 1, 0},
		{"BadGroupCountry", "group TAL Taliban\n  country: Afghanistan\n", 2, "country: want one", 1, 0},
		{"BadDateRange", "person Sergey Lavrov\n  country: RUS\n  roles: RUSGOV 2004-03-09..2004-02-01 Foreign Minister\n", 3, "bad date range", 1, 0},
		{"BadDate", "person Sergey Lavrov\n  country: RUS\n  roles: RUSGOV 2004-13-09.. Foreign Minister\n", 3, "bad date range", 1, 0},
		{"MissingRange", "person Sergey Lavrov\n  country: RUS\n  roles: RUSGOV Foreign Minister\n", 3, "bad date range", 1, 0},
		{"OpenRange", "person Sergey Lavrov\n  country: RUS\n  roles: RUSGOV .. Foreign Minister\n", 3, "bad date range", 1, 0},
		{"BadRoleCode", "person Sergey Lavrov\n  country: RUS\n  roles: rusgov 2004-03-09.. Foreign Minister\n", 3, "bad actor code", 1, 0},
		{"BadDefault", "person Sergey Lavrov\n  country: RUS\n  default: former\n", 3, "default: want", 1, 0},
		{"PersonWithoutCode", "person Nobody\n  names: Nobody\n", 1, "missing code", 0, 0},
		{"MissingAgentCode", "agent\n  names: officials\n", 1, "missing role code", 0, 0},
		{"BadAgentCode", "agent gov\n  names: officials\n", 1, "bad role code", 0, 0},
		{"AgentExtraWord", "agent NGO suffix\n  names: aid groups\n", 1, "unexpected", 0, 0},
		{"AgentNoNames", "agent GOV\n", 1, "no names", 0, 0},
		{"AgentUnknownField", "agent GOV\n  words: officials\n  names: government\n", 2, "unknown field", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A valid entry after the broken one must still be read.
			d, diags := load(t, tt.src+"\ncountry CHN China\n")
			if len(diags) != 1 {
				t.Fatalf("diagnostics = %v, want one", diags)
			}
			if got := diags[0]; got.File != "test.txt" || got.Line != tt.line || !strings.Contains(got.Msg, tt.msg) {
				t.Errorf("diagnostic = %v, want line %d containing %q", got, tt.line, tt.msg)
			}
			if got, want := len(d.Actors), tt.actors+1; got != want {
				t.Errorf("actors = %d, want %d", got, want)
			}
			if got := len(d.Places); got != tt.places {
				t.Errorf("places = %d, want %d", got, tt.places)
			}
		})
	}
}

// builtin loads petrel's built-in dictionaries from the source tree.
func builtin(t *testing.T) *dict.Dictionary {
	t.Helper()
	var diags dict.Diagnostics
	d, err := native.Load(os.DirFS("../../dicts"), &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range diags {
		if strings.HasPrefix(x.File, "actors/") || x.File == "agents.txt" {
			t.Errorf("%v", x)
		}
	}
	return d
}

// isISO3 reports whether s is three upper-case letters.
func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func TestActorBuiltinCountries(t *testing.T) {
	d := builtin(t)
	countries := map[string]*dict.Actor{}
	for _, a := range d.Actors {
		if a.Kind != "country" || !a.StateEntry() {
			continue // seats of power are country actors coded CODE+ROLE
		}
		if !isISO3(a.Country) {
			t.Errorf("%s: code %q is not three upper-case letters", a.Rule, a.Country)
		}
		if countries[a.Country] != nil {
			t.Errorf("%s: duplicate country code %s", a.Rule, a.Country)
		}
		countries[a.Country] = a
	}
	if got := len(countries); got < 245 {
		t.Errorf("countries = %d, want at least 245", got)
	}
	capitals := map[string]int{}
	for _, p := range d.Places {
		if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || (p.Lat == 0 && p.Lon == 0) {
			t.Errorf("place %s: bad coordinates %v %v", p.Display, p.Lat, p.Lon)
		}
		if countries[p.Country] == nil {
			t.Errorf("place %s: unknown country %q", p.Display, p.Country)
		}
		if p.Capital {
			capitals[p.Country]++
		}
	}
	for c := range countries {
		if capitals[c] == 0 {
			t.Errorf("country %s has no capital", c)
		}
	}
	kinds := map[string]int{}
	for _, a := range d.Actors {
		kinds[a.Kind]++
	}
	t.Logf("countries %d, actors by kind %v, places %d, agents %d", len(countries), kinds, len(d.Places), len(d.Agents))
}

// TestActorBuiltinLookups spot-checks what names code as in the built-in
// dictionaries, with the longest phrase winning as in the coder.
func TestActorBuiltinLookups(t *testing.T) {
	d := builtin(t)
	codes := map[string][]string{}
	for _, a := range d.Actors {
		for i, n := range names(a.Names) {
			if w := a.Names[i].Words; len(w) > 0 && w[0].Upper {
				n = "==" + n // matches only in capitals: "CAR", not "car"
			}
			codes[n] = append(codes[n], a.CodeOn("2021-10-20"))
		}
	}
	tests := []struct{ name, want string }{
		{"==car", "CAF"},
		{"moscow", "RUS"},
		{"russia", "RUS"},
		{"russian", "RUS"},
		{"russians", "RUS"},
		{"kremlin", "RUSGOV"},
		{"washington", "USA"},
		{"united states", "USA"},
		{"u.s.", "USA"},
		{"white house", "USAGOV"},
		{"pentagon", "USAMIL"},
		{"afghanistan", "AFG"},
		{"afghan", "AFG"},
		{"taliban", "TAL"},
		{"pakistani taliban", "TTP"},
		{"china", "CHN"},
		{"beijing", "CHN"},
		{"pakistan", "PAK"},
		{"islamabad", "PAK"},
		{"india", "IND"},
		{"iran", "IRN"},
		{"kazakhstan", "KAZ"},
		{"kyrgyzstan", "KGZ"},
		{"tajikistan", "TJK"},
		{"turkmenistan", "TKM"},
		{"uzbekistan", "UZB"},
		{"european union", "IGOEUREEC"},
		{"united nations", "IGOUNO"},
		{"nato", "IGOWSTNAT"},
		{"kosovo", "XKX"},
		{"palestinian", "PSE"},
		{"taiwan", "TWN"},
		{"soviet union", "SUN"},
		{"soviet", "SUN"},
	}
	for _, tt := range tests {
		if got := codes[tt.name]; len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q codes as %v, want [%s]", tt.name, got, tt.want)
		}
	}
	for _, n := range []string{"us", "car", "jersey", "reunion", "male", "english", "former soviet union", "central asia", "niger river", "lake chad", "gulf of guinea", "jordan valley"} {
		var got []string
		for _, c := range codes[n] {
			if c != "" { // a region entry codes nothing
				got = append(got, c)
			}
		}
		if len(got) != 0 {
			t.Errorf("%q codes as %v, want nothing (ambiguous)", n, got)
		}
	}
}

// TestActorBuiltinCodes checks the codes of the built-in countries, IGOs and
// groups: a group code is never a country code, home countries exist, and
// no name codes two ways.
func TestActorBuiltinCodes(t *testing.T) {
	d := builtin(t)
	iso := map[string]bool{}
	for _, a := range d.Actors {
		if a.Kind == "country" {
			iso[a.Country] = true
		}
	}
	byName := map[string]*dict.Actor{}
	for _, a := range d.Actors {
		if a.Kind == "person" || !strings.HasPrefix(a.Rule.File, "actors/") {
			continue
		}
		code := a.CodeOn("")
		if a.Kind == "igo" || a.Kind == "group" {
			if len(code) >= 3 && iso[code[:3]] {
				t.Errorf("%s: code %s starts with a country code", a.Rule, code)
			}
			if a.Country != "" && !iso[a.Country] {
				t.Errorf("%s: unknown country %s", a.Rule, a.Country)
			}
		}
		for _, n := range names(a.Names) {
			if prev := byName[n]; prev != nil && prev.CodeOn("") != code {
				t.Errorf("%q is %s (%s) and %s (%s)", n, prev.CodeOn(""), prev.Rule, code, a.Rule)
			}
			byName[n] = a
		}
	}
}

func TestActorBuiltinAgents(t *testing.T) {
	d := builtin(t)
	codes := map[string]string{}
	for _, a := range d.Agents {
		for _, n := range names(a.Names) {
			if prev, ok := codes[n]; ok && prev != a.Code {
				t.Errorf("agent %q is both %s and %s", n, prev, a.Code)
			}
			codes[n] = a.Code
		}
	}
	for _, tt := range []struct{ name, want string }{
		{"officials", "GOV"},
		{"official", "GOV"},
		{"government", "GOV"},
		{"foreign minister", "GOV"},
		{"deputy prime minister", "GOV"},
		{"special representative", "GOV"},
		{"spokesperson", "GOV"},
		{"president", "GOV"},
		{"troops", "MIL"},
		{"military", "MIL"},
		{"police", "COP"},
		{"rebels", "REB"},
		{"opposition", "OPP"},
		{"lawmakers", "LEG"},
		{"judges", "JUD"},
		{"journalists", "MED"},
		{"reporters", "MED"},
		{"civilians", "CVL"},
		{"refugees", "REF"},
		{"gunmen", "UAF"},
	} {
		if got := codes[tt.name]; got != tt.want {
			t.Errorf("agent %q = %q, want %s", tt.name, got, tt.want)
		}
	}
}

func TestPlaceEntry(t *testing.T) {
	d, diags := load(t, "place IRQ Kawliya / Qawliya @ 31.95 44.95\n  names: Kawliyah\n"+
		"place IRQ @ 1 2\nplace XX Foo @ 1 2\nplace IRQ Bar @ 100 2\n")
	if got, want := len(d.Places), 1; got != want {
		t.Fatalf("places = %d, want %d", got, want)
	}
	p := d.Places[0]
	if p.Country != "IRQ" || p.Display != "Kawliya" || len(p.Names) != 3 || p.Lat != 31.95 || p.Lon != 44.95 || p.Capital {
		t.Errorf("place = %+v", p)
	}
	if got, want := len(diags), 3; got != want {
		t.Errorf("diagnostics = %v, want %d", diags, want)
	}
}

// TestIGOSince reads an organisation's founding date.
func TestIGOSince(t *testing.T) {
	d, diags := load(t, "igo IGOJUDICC International Criminal Court\n  names: International Criminal Court; ICC\n  since: 2002-07-01\n")
	if len(diags) != 0 {
		t.Fatalf("diagnostics = %v", diags)
	}
	if len(d.Actors) != 1 || d.Actors[0].Since != "2002-07-01" {
		t.Fatalf("actors = %+v, want one with Since 2002-07-01", d.Actors)
	}
}
