package coder_test

import (
	"testing"

	"petrel"
)

// TestFacilityTargets: a physical target of violence gives the event its
// target, the sector the facility serves with the state of its place
// (coder/facilities.go, dicts/facilities.txt). Each want is "CODE SOURCE
// TARGET" with "-" for no target.
func TestFacilityTargets(t *testing.T) {
	c := builtinCoder(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a police post attacked", "Gunmen attacked a police post in Kano overnight.",
			[]string{"190 NGAUAF@place NGACOP@place"}},
		{"plural police stations", "Armed men attacked two police stations in Maiduguri.",
			[]string{"190 NGAUAF@place NGACOP@place"}},
		{"a school set on fire", "Separatist fighters set fire to a school in Bamenda.",
			[]string{"1712 CMRREB@place CMREDU@place"}},
		{"a clinic raided", "Gunmen raided a clinic in Kaduna and abducted two nurses.",
			[]string{"181 NGAUAF@place NGAHLH@place"}},
		{"a bombing at a church", "A bomb exploded at a church in Jos, wounding eleven worshippers.",
			[]string{"183 ---@agentless NGAREL@place"}},
		{"shelling of a camp for the displaced", "Rebels shelled a displacement camp near Goma.",
			[]string{"194 CODREB@place CODREF@place"}},
		{"a newspaper's offices", "A parcel bomb exploded at the offices of a newspaper in Nairobi.",
			[]string{"183 ---@agentless KENMED@place"}},
		{"an attacker's phrase is skipped", "Attacks by bandits on a market in Gusau left nine dead.",
			[]string{"180 NGACRM@place NGACVL@place"}},
		{"the dateline gives the state", "LAGOS, May 3 (Reuters) - Gunmen attacked a hospital overnight.",
			[]string{"180 NGAUAF@dateline NGAHLH@place"}},
		{"a coded target is kept", "Gunmen killed two teachers at a mosque in Kano.",
			[]string{"180 NGAUAF@place NGAEDU@place"}},
		{"a coded target is kept before a facility", "Gunmen attacked Nigerian soldiers at a school in Kano.",
			[]string{"190 NGAUAF@place NGAMIL"}},
		{"no facility past an agent", "Gunmen attacked soldiers guarding a school in Kano.",
			[]string{"190 NGAUAF@place -"}},
		{"a sit-in at a hospital is where, not whom", "Nurses staged a sit-in at a hospital in Harare over pay.",
			[]string{"141 ZWEHLH@place -"}},
		{"a school bus is a bus", "Gunmen attacked a school bus in Kano.",
			[]string{"180 NGAUAF@place NGACVL@place"}},
		{"fighting in villages: where, not whom", "Security sources said clashes erupted in villages near Goma.",
			[]string{"190 ---@agentless -"}},
		{"a facility before the place is the target", "Protesters torched a police post in northern Uganda.",
			[]string{"145 UGAOPP@place UGACOP@place"}},
		{"drones striking a refinery: no labour strike", "Ukrainian drones struck a refinery in southern Russia.",
			[]string{"195 UKRMIL RUSBUS@place"}},
		{"a rocket struck a hospital: no strike by health workers", "A rocket struck a hospital in Sirte.",
			[]string{"195 --- LBYHLH@place"}},
		{"stones thrown at police outside a mosque", "Rioters threw stones at police outside a mosque in Leeds.",
			[]string{"145 GBROPP@place GBRCOP@place"}},
		{"a facility as subject is no source", "The hospital in Kano condemned the attack.", nil},
		{"a market in the economic sense", "Investors fear the bond market will fall.", nil},
		{"the bus company raised fares", "The bus company raised fares in Lagos.", nil},
		{"no place, no target", "Gunmen attacked a police station.",
			[]string{"190 ---UAF -"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text})
			var got []string
			for _, e := range doc.Events {
				got = append(got, e.Code+" "+partyString(e.Source)+" "+partyString(e.Target))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%q\n got  %q\n want %q", tt.text, got, tt.want)
			}
			for i, w := range tt.want {
				if !partyMatch(got[i], w) {
					t.Errorf("%q\n got  %q\n want %q", tt.text, got, tt.want)
					break
				}
			}
		})
	}
}
