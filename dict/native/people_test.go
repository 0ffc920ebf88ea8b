package native

import (
	"os"
	"strings"
	"testing"

	"petrel"
	"petrel/dict"
)

// TestPeople loads the built-in dictionaries and checks the person files
// (dicts/actors/people*.txt): they parse cleanly, no name belongs to two
// people (unless their dated roles never overlap, so the article's date
// tells them apart: bare "Stoltenberg"), and a few well-known roles code as expected on given dates.
func TestPeople(t *testing.T) {
	var diags dict.Diagnostics
	d, err := Load(os.DirFS("../../dicts"), &diags)
	if err != nil {
		t.Fatal(err)
	}
	isPeople := func(file string) bool {
		base := file[strings.LastIndex(file, "/")+1:]
		return strings.HasPrefix(base, "people")
	}
	for _, g := range diags {
		if isPeople(g.File) {
			t.Errorf("%s", g)
		}
	}

	people := map[string]*dict.Actor{}
	owner := map[string]string{}
	n := 0
	for _, a := range d.Actors {
		if a.Kind != petrel.KindPerson || !isPeople(a.Rule.File) {
			continue
		}
		n++
		if prev, ok := people[a.Display]; ok {
			t.Errorf("%s: person %q also at %s:%d", a.Rule.File, a.Display, prev.Rule.File, prev.Rule.Line)
		}
		people[a.Display] = a
		for _, p := range a.Names {
			k := phraseText(p)
			if o, ok := owner[k]; ok && o != a.Display && !datedApart(people[o], a) {
				t.Errorf("name %q belongs to both %q and %q", k, o, a.Display)
			}
			owner[k] = a.Display
		}
	}
	if n < 300 {
		t.Errorf("only %d person entries, want at least 300", n)
	}

	tests := []struct{ person, date, want string }{
		{"Sergey Lavrov", "2021-10-20", "RUSGOV"},
		{"Vladimir Putin", "2021-10-20", "RUSGOV"},
		{"Vladimir Putin", "", "RUSGOV"}, // undated: the current, open-ended role
		{"Ashraf Ghani", "2020-01-01", "AFGGOV"},
		{"Ashraf Ghani", "2021-10-20", "AFGELI"},
		{"Hamid Karzai", "2005-06-01", "AFGGOV"},
		{"Hamid Karzai", "2016-06-01", "AFGELI"},
		{"Amir Khan Muttaqi", "2021-10-20", "AFGGOV"},
		{"Abdul Ghani Baradar", "2019-03-01", "TAL"},
		{"Abdul Ghani Baradar", "2022-03-01", "AFGGOV"},
		{"Zabihullah Mujahid", "2020-03-01", "TAL"},
		{"Donald Trump", "2019-01-01", "USAGOV"},
		{"Donald Trump", "2022-01-01", "USAELI"},
		{"Donald Trump", "2025-06-01", "USAGOV"},
		{"Joe Biden", "2022-01-01", "USAGOV"},
		{"António Guterres", "2021-10-20", "IGOUNO"},
		{"Ban Ki-moon", "2005-06-01", "KORGOV"},
		{"Jens Stoltenberg", "2020-01-01", "IGOWSTNAT"},
		{"Volodymyr Zelensky", "2022-03-01", "UKRGOV"},
		{"Viktor Yanukovych", "2015-01-01", "UKRELI"},
		{"Recep Tayyip Erdoğan", "2010-01-01", "TURGOV"},
		{"Angela Merkel", "2023-01-01", "DEUELI"},
		{"Ismail Haniyeh", "2006-06-01", "PSEGOV"},
		{"Ismail Haniyeh", "2020-01-01", "HMS"},
		{"Ahmed al-Sharaa", "2020-01-01", "HTS"},
		{"Ahmed al-Sharaa", "2025-06-01", "SYRGOV"},
		{"Bashar al-Assad", "2025-06-01", "SYRELI"},
		{"Xi Jinping", "2021-10-20", "CHNGOV"},
		{"Narendra Modi", "2021-10-20", "INDGOV"},
	}
	for _, tt := range tests {
		a := people[tt.person]
		if a == nil {
			t.Errorf("no person %q", tt.person)
			continue
		}
		if got := a.CodeOn(tt.date); got != tt.want {
			t.Errorf("%s on %q: got %s, want %s", tt.person, tt.date, got, tt.want)
		}
	}
}

// datedApart reports whether two persons both have dated roles and no
// role of one overlaps a role of the other: a name they share is told
// apart by the article's date (coder inOffice).
func datedApart(a, b *dict.Actor) bool {
	dated := func(r dict.Role) bool { return r.From != "" || r.To != "" }
	na, nb := 0, 0
	for _, ra := range a.Roles {
		if !dated(ra) {
			continue
		}
		na++
		for _, rb := range b.Roles {
			if !dated(rb) {
				continue
			}
			nb++
			if (ra.From == "" || rb.To == "" || ra.From <= rb.To) && (rb.From == "" || ra.To == "" || rb.From <= ra.To) {
				return false
			}
		}
	}
	return na > 0 && nb > 0
}
