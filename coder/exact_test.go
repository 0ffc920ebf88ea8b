package coder_test

import (
	"slices"
	"strings"
	"testing"
)

// TestExactCodes checks the full code and the target of events whose root
// and source were right before (the exact level of issue 10): want must
// be among the sentence's events, and notWant must not.
func TestExactCodes(t *testing.T) {
	c := builtinCoder(t)
	for _, tc := range []struct{ text, want, notWant string }{
		// an accusation takes the sub-code of the act it alleges
		{"Kyrgyzstan accused Tajikistan of shelling border villages.", "1123 KGZ→TJK", "112 KGZ→TJK"},
		{"Amnesty International accused Egyptian police of torturing detainees.", "1122 NGOHRIAMN→EGYCOP", ""},
		{"The army was accused by the opposition of killing protesters in Conakry.", "", "1123 GINOPP→GINMIL"},
		{"Chile's government accused a Venezuelan gang of kidnapping a former army officer.", "1121 CHLGOV→VENCRM", ""},
		{"China accused the Philippines of deliberately ramming a Chinese coast guard vessel.", "112 CHN→PHL", ""},
		// "the police" named by a state's own opposition is that state's
		{"Kenya's opposition leader accused the police of killing protesters.", "1122 KENOPP→KENCOP", ""},
		{"The United States criticised the army for the coup.", "", "111 USA→USAMIL"},
		// the released, and those refused release, are the source's own
		{"Belarus freed 14 political prisoners on Wednesday.", "0841 BLR→BLROPP", ""},
		{"The junta in Guinea refused to release the detained journalists.", "1243 GINGOV→GINMED", ""},
		{"Last year the United States released about 4,900 tonnes of tin to two ferroalloy firms.", "", "0841 USA→USABUS"},
		// alerts, offers to host others' talks, investigations' objects
		{"India put its forces on high alert along the border with Pakistan.", "152 IND→PAK", ""},
		{"North Korea put its frontline artillery units on high alert.", "152 PRK→-", ""},
		{"Angola offered to host talks between Congo and Rwanda.", "039 AGO→COD", "036 AGO→COD"},
		{"Vietnam will host the Chinese president next week.", "036 VNM→CHNGOV", ""},
		{"Pakistani authorities launched a corruption probe into former Prime Minister Imran Khan.", "091 PAKGOV→PAKOPP", ""},
		{"Britain opened a criminal investigation into the bombing of a hotel in Kabul.", "093 GBR→AFG", "183 AFGCRM→AFGCVL"},
		// victims named by a noun of person
		{"Russian authorities arrested a French academic on charges of collecting military information.", "173 RUSGOV→FRAEDU", ""},
		{"Burkina Faso suspended the broadcasts of two French radio stations.", "1721 BFA→FRAMED", ""},
		{"Russian soldiers tortured Ukrainian prisoners of war, U.N. investigators said.", "1822 RUSMIL→UKRMIL", ""},
		{"A man was jailed for life for murdering his neighbour in Leeds.", "", "173 ---→GBRCVL"},
		{"A passenger train derailed in Odisha, killing nearly 300 people.", "", "1823 INDCVL→INDCVL"},
		// sentences, cases, blocks inside actor phrases, a comma before a possessive
		{"A court in Tunis sentenced an opposition politician to four years in prison.", "116 TUNJUD→TUNOPP", ""},
		{"South Africa brought a genocide case against Israel at the International Court of Justice.", "115 ZAF→ISR", ""},
		{"Masked men beat a trade union leader outside his home in Guatemala City.", "182 GTMUAF→GTMLAB", ""},
		{"Argentina beat France on penalties to win the World Cup final.", "", "182 ARG→FRA"},
		{"Speaking to reporters in Ankara, Turkey's foreign minister criticised Sweden over the burning of the Koran.", "111 TURGOV→SWE", ""},
		{"Opposition parties in Togo demanded the resignation of the president.", "1041 TGOOPP→TGOGOV", ""},
		{"Tens of thousands of Israelis rallied in Tel Aviv demanding a deal to free the hostages.", "", "053 ISR→-"},
		// an ambassador expelled is 161, diplomats 174, in the passive too
		{"Ukraine's ambassador was expelled by Hungary after a dispute over espionage.", "161 HUN→UKRGOV", ""},
		{"Mexico's ambassador in Quito was declared persona non grata by Ecuador.", "161 ECU→MEXGOV", ""},
		{"Two Russian diplomats were expelled by Poland.", "174 POL→RUSGOV", ""},
		{"The Philippines decided to expel three Chinese diplomats accused of spying.", "174 PHL→CHNGOV", "130 PHL→CHNGOV"},
		{"Russia threatened to expel British diplomats.", "1313 RUS→GBRGOV", ""},
		{"Shells fired by Sudanese government forces hit a market in El Fasher.", "194 SDNMIL→SDNCVL", ""},
		// "X of Y's Z": the leader of a state's other body is that body's
		{"Police detained the leader of Pakistan's main opposition party in Lahore.", "173 PAKCOP→PAKOPP", "173 PAKCOP→PAKGOV"},
		{"Employees of Nigeria's state oil company shut down pumping stations in a strike over pay.", "143 NGALAB→-", ""},
		// people seized are abducted, or arrested by a state
		{"Kidnappers seized a Chinese businessman in Mozambique's Cabo Delgado province.", "181 MOZCRM→CHNBUS", ""},
		{"The Indian coast guard seized 20 Pakistani fishermen off Gujarat.", "173 INDMIL→PAKCVL", ""},
		{"Taliban fighters seized the city of Kunduz.", "192 TAL→AFG", ""},
		// "its troops" are the state's that "its" stands for
		{"Iraq said today its troops had killed thousands of Iranians in checking a new Tehran offensive.", "190 IRQMIL→IRN", "190 IRNMIL→IRN"},
		// a negated release, aid or de-escalation is CAMEO's refusal of that kind
		{"Hamas said it would not release hostages until Israel ends the war.", "1243 HMS→-", "124 HMS→-"},
		// force by drones or warplanes is 195
		{"A Ukrainian power plant was attacked by Russian drones overnight, officials said.", "195 RUSMIL→UKR", "190 RUSMIL→UKR"},
		{"Israeli warplanes attacked targets in southern Lebanon.", "195 ISRMIL→LBN", ""},
		// a meeting in a third state is 044; "held negotiations" is 046
		{"Envoys of Armenia and Azerbaijan met in Washington to discuss a peace treaty.", "044 ARMGOV→AZEGOV", "040 ARMGOV→AZEGOV"},
		{"Putin and Trump met in Alaska on Friday.", "", "044 RUSGOV→USAELI"},
		{"Norway's envoy held negotiations with Colombian rebels in Havana.", "046 NORGOV→COLREB", ""},
		// a state's adjective on a facility or positions is whose they are
		{"Azerbaijani troops opened fire on Armenian positions near the village of Nerkin Hand.", "193 AZEMIL→ARMMIL", ""},
		{"Israel struck Iranian air defences near Isfahan.", "190 ISR→IRNMIL", ""},
		{"The Thai prime minister told parliament that Cambodian troops had shelled Thai villages.", "194 KHMMIL→THA", ""},
		{"According to PDVSA, Venezuelans will occupy such key positions such as treasurer.", "", "138 VEN→VENMIL"},
	} {
		got := triples(c, tc.text)
		if tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("%q: got %s, want %s", tc.text, strings.Join(got, ", "), tc.want)
		}
		if tc.notWant != "" && slices.Contains(got, tc.notWant) {
			t.Errorf("%q: got %s, do not want %s", tc.text, strings.Join(got, ", "), tc.notWant)
		}
	}
}
