package coder_test

import (
	"testing"
	"time"
)

// TestHeadlines holds headline and casualty-report forms: title case and
// capitals read in ordinary case, a state filed before a colon as the
// place, the slot after "by" that an unknown name fills, tolls reported
// or denied, and a strike by armed forces.
func TestHeadlines(t *testing.T) {
	c := builtinCoder(t)
	tests := []partyCase{
		{"title case", "Gunmen Kill Nine Villagers in Northern Mali",
			[]string{"180 MLIUAF@place MLICVL"}},
		{"title case with a compass word before a place", "Gunmen Abduct 30 Students in Northwest Nigeria",
			[]string{"181 NGAUAF@place NGAEDU"}},
		{"title case with a compass word in a known name", "South Sudan Troops Clash With Rebels Near Juba",
			[]string{"190 SSDMIL SSDREB", "190 SSDREB SSDMIL"}},
		{"title case with a known name kept", "Rwandan Troops Shell Rebel Positions Near Goma",
			[]string{"194 RWAMIL CODREB@place"}},
		{"capitals", "POLICE FIRE TEAR GAS AT PROTESTERS IN NAIROBI",
			[]string{"175 KENCOP@place KENOPP"}},
		{"an ordinary sentence crowded with names is left alone", "French President Emmanuel Macron met Chadian President Mahamat Deby in Paris.",
			[]string{"040 FRAGOV TCDGOV"}},
		{"a state filed before a colon places the sentence", "Burkina Faso: gunmen kill 12 worshippers at a church",
			[]string{"180 BFAUAF@place BFACVL@place"}},
		{"a heading that says something is no place", "Kenya says: militants attacked the border post", nil},
		{"a long headline in capitals before a dash is no dateline", "SOLDIERS SHOT 12 DEAD IN THE NORTH - OPPOSITION",
			[]string{"1823 ---MIL -"}},
		{"an unknown name after by is the agent, not the state after in", "Two farmers were killed by the Zorvani in Nigeria.", nil},
		{"reported killed is a passive", "Three Ukrainian border guards were reported killed near Sumy.", []string{"190 --- UKRMIL"}},
		{"reported killed in a headline", "One Ukrainian soldier reported killed in Donbas", []string{"190 --- UKRMIL"}},
		{"a subject denied by no", "No civilians were wounded by the shelling of the port.", nil},
		{"the strike of armed forces is an attack, not a labour strike", "Twelve railway workers were killed in the strike of the Russian air force on the depot",
			[]string{"190 RUSMIL ---LAB"}},
		{"workers going on strike is a labour strike", "Dock workers in Antwerp went on strike over pay.", []string{"143 BELLAB -"}},
		{"killed in a state's missile strike", "Six farmers were killed in a Russian missile strike on a grain store in Odesa",
			[]string{"195 RUS UKRAGR"}},
		{"wounded in a state's drone strike", "Four aid workers were wounded in an Israeli drone strike in Rafah",
			[]string{"195 ISR PSENGO"}},
		{"a state named before a verb is still the place", "A rebel attack in Mali killed five soldiers",
			[]string{"190 MLIREB@place MLI"}},
		{"a state's adjective before a noun is no place", "Two soldiers were killed in Malian villages", []string{"190 --- ---MIL"}},
		{"a participle after a hazard's clause has no state for subject", "A typhoon lashed the Philippines' northern coast, flattening hundreds of homes.", nil},
		{"a participle after a coded verb keeps its subject", "Russian forces shelled Kherson's port, destroying two warehouses.",
			[]string{"194 RUSMIL UKR"}},
		{"a final won in sport is no event", "Morocco attacked from the start but Senegal held on to win the final in Rabat.", nil},
		{"a blame after an attribution is the speaker's", "A bomb exploded on a bus in Mandera, Kenyan officials said, blaming al-Shabaab.",
			[]string{"112 KENGOV SHB"}},
		{"a killing after an attribution stays the main clause's", "Russian forces shelled Kharkiv, Ukraine said, killing three civilians.",
			[]string{"194 RUSMIL UKR"}},
		{"a people's word is no small town", "Gunmen attacked an Arab village near Haifa.", []string{"180 ISRUAF ISRCVL"}},
		{"an abbreviation of Ukraine's armed forces", "AFU shelled enemy positions near Bakhmut", []string{"194 UKRMIL ---MIL"}},
	}
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)
	checkPartyCases(t, c, base, tests)
}
