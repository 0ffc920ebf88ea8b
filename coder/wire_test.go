package coder_test

import (
	"slices"
	"testing"
	"time"

	"petrel"
)

// TestWireSenses codes newswire constructions whose words look like
// events but are not the event the verb names (docs/eval/reuters-precision-6453f05.md):
// each case lists the events that must be coded and those that must not.
func TestWireSenses(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"crop demands met are needs, not political demands", "Dry weather hit Kenya, but moisture was adequate to meet crop demands, it said.",
			nil, []string{"083 KEN→-", "100 KEN→-"}},
		{"demands met stay", "Kenya said it would meet demands by Uganda for a new border commission.",
			[]string{"0353 KEN→UGA"}, nil},
		{"a time bomb is a metaphor", "Kenya swallowed a time bomb from Uganda.",
			nil, []string{"195 KEN→UGA"}},
		{"bombing stays", "Israeli jets bombed Lebanon on Tuesday.",
			[]string{"195 ISRMIL→LBN"}, nil},
		{"what one wants another to do is not done", "The Kenyan government wants Uganda to ease its import restrictions on sugar.",
			nil, []string{"081 UGA→-"}},
		{"what one wants to do itself is its intent", "Kenya wants to ease its import restrictions on sugar.",
			[]string{"0351 KEN→-"}, nil},
		{"a number after a belief word opens its subject", "Diplomats said they expect two Soviet warships to reinforce the Kuwaiti fleet.",
			nil, []string{"154 SUNMIL→KWT"}},
		{"a state's bank advisory committee is the banks", "Peru's 12-bank advisory committee expressed concern over the suspension of interest payments.",
			nil, []string{"012 PER→-"}},
		{"a state's minister stays the state's", "Peru's finance minister expressed concern over the suspension of interest payments.",
			[]string{"012 PERGOV→-"}, nil},
		{"a firm's subsidiary named by its market is the firm's", "Honda's U.S. sales subsidiary denied a report that it would close a plant in Ohio.",
			nil, []string{"016 USA→-"}},
		{"what one is expecting another to do is not done", "The finance minister was expecting Chile's ambassador to negotiate the spread with Peru.",
			nil, []string{"046 CHLGOV→PER"}},
		{"Merrill Lynch is a brokerage", "The Kenyan subsidiary of Merrill Lynch said it would sell the bonds.",
			nil, []string{"1823 KENBUS→-"}},
		{"a lynching stays", "A mob tried to lynch two Kenyan traders in Kampala.",
			[]string{"1823 UGACVL→KENBUS"}, nil},
		{"a board meeting after a determiner is a noun", "He said Kenya was in contact with buyers such as Uganda and Tanzania ahead of a KTDA executive board meeting set for May 2.",
			nil, []string{"040 UGA→TZA", "040 TZA→UGA"}},
		{"ministers meeting stays a verb", "Kenyan and Ugandan ministers meeting in Nairobi agreed to reopen the border.",
			[]string{"040 KENGOV→UGAGOV"}, nil},
		{"is meeting stays a verb", "The Kenyan foreign minister is meeting Uganda's president on Friday.",
			[]string{"040 KENGOV→UGAGOV"}, nil},
		{"the place visited is not the speaker", "Odhiambo, visiting Kampala to speak to a conference on Ugandan refugees, said the border would reopen.",
			nil, []string{"040 UGA→UGAREF"}},
		{"the place visited does not explain", "Odhiambo and Wanjiru last week visited Kampala to explain Kenya's new tariffs to officials.",
			nil, []string{"010 UGA→KEN"}},
		{"the visit stays", "The Kenyan trade minister last week visited Kampala to explain the new tariffs to Ugandan officials.",
			[]string{"042 KENGOV→UGA"}, nil},
		{"what did not mean is denied", "A Kenyan spokesman said the naval exercise did not mean Kenya was sending a new warning to Somalia.",
			nil, []string{"130 KENGOV→SOM"}},
		{"what does not signal is denied", "The exercise does not signal that Kenya will attack Somalia.",
			nil, []string{"138 KEN→SOM"}},
		{"a warning sent stays", "A Kenyan spokesman said Kenya was sending a new warning to Somalia.",
			[]string{"130 KENGOV→SOM"}, nil},
		{"a thing of someone's welcomed is praise", "Kenya welcomed Museveni's presentation of plans for a new budget to cut the deficit.",
			[]string{"051 KEN→UGAGOV"}, []string{"043 KEN→UGAGOV"}},
		{"a guest welcomed is hosted", "China welcomed the Kenyan president to Beijing for a three-day visit.",
			[]string{"043 CHN→KENGOV"}, nil},
		{"ready cash is no readiness", "Canadian firms may sell their Kenyan units to generate ready cash for new loans.",
			nil, []string{"0331 KEN→-"}},
		{"ready to offer loans stays", "Kenya said it was ready to offer loans to Uganda.",
			[]string{"0331 KEN→UGA"}, nil},
		{"a forecast of a demand is no demand", "Peru is expected to demand a lower interest margin from its creditor banks.",
			nil, []string{"100 PER→-"}},
		{"a forecast of a statement is no statement", "Kenya is likely to reaffirm to Uganda that the border will stay open.",
			nil, []string{"010 KEN→UGA"}},
		{"a forecast of criticism is no criticism", "Kenya is likely to criticise Uganda over the border closure.",
			nil, []string{"111 KEN→UGA"}},
		{"a demand announced stays", "Peru will demand a lower interest margin from its creditor banks.",
			[]string{"100 PER→-"}, nil},
		{"a forecast of an intent code stays one", "Chile is expected to sign the accord with Peru next week.",
			[]string{"032 CHL→PER"}, nil},
		{"a forecast proposal stays a proposal", "Chile is expected to propose a new debt plan to its banks.",
			[]string{"030 CHL→-"}, nil},
		{"the subject's own expectation is its intent", "Chile expects to reach an agreement with its creditor banks next month.",
			[]string{"032 CHL→-"}, []string{"057 CHL→-"}},
		{"analysts' expectation is nobody's intent", "Analysts expect Chile to reach an agreement with its creditor banks next month.",
			nil, []string{"032 CHL→-", "057 CHL→-"}},
		{"responsibility one must take is not taken", "The opposition leader said the Kenyan government must take responsibility for the riots.",
			nil, []string{"015 KENGOV→-"}},
		{"responsibility taken stays", "The Kenyan government took responsibility for the riots.",
			[]string{"015 KENGOV→-"}, nil},
		{"a warning of a harvest loss is pessimism", "Egypt has warned that this season's cotton crop will be cut by heavy rains.",
			[]string{"012 EGY→-"}, []string{"130 EGY→-"}},
		{"a warning that a policy may hurt is pessimism", "Norwegian authorities warned the levy could hurt small fishing villages along the coast.",
			[]string{"012 NORGOV→-"}, []string{"130 NORGOV→-"}},
		{"a warning of reprisals is a threat", "Peru warned of reprisals in the coming weeks.",
			[]string{"130 PER→-"}, []string{"012 PER→-"}},
		{"a warning that names who will act is a threat", "Syria warned that it would respond to any further incursion.",
			[]string{"130 SYR→-"}, []string{"012 SYR→-"}},
		{"a warning to someone stays a threat", "Ghana warned Togo that the border would stay shut.",
			[]string{"130 GHA→TGO"}, nil},
		{"the object of an attempt did not happen", "France and Italy agreed to share data in an attempt to increase cooperation on economic policy.",
			nil, []string{"061 FRA→-", "061 ITA→-"}},
		{"in order to deter attacks", "Washington sent two more frigates to the Gulf in order to deter Iranian attacks on tankers.",
			nil, []string{"190 IRN→-"}},
		{"moves aimed at lifting sanctions are about sanctions imposed", "Zambia backed a plan aimed at lifting U.S. sanctions on Angola.",
			[]string{"163 USA→AGO"}, nil},
		{"thanks to is a preposition", "Sri Lanka's economy grew by five pct last year, thanks largely to higher tea prices.",
			nil, []string{"051 LKA→-"}},
		{"thanks given stays", "The Kenyan president conveyed his thanks to Uganda.",
			[]string{"051 KENGOV→UGA"}, nil},
		{"help sought is not given", "The delegation will seek Nigerian help in building the dam.",
			nil, []string{"070 NGA→-"}},
		{"support needed is not given", "Jordan needs foreign support for its refugee programme.",
			nil, []string{"051 JOR→-"}},
		{"support wanted is not given", "The senator would want White House support for any new tax.",
			nil, []string{"051 USAGOV→-"}},
		{"seeking codes the appeal", "Ghana said it would seek Nigerian help in building the dam.",
			[]string{"023 GHA→NGA"}, nil},
		{"an offer at a price is the market's", "Ghana was offering new-crop cocoa at 1,400 stg a tonne cif on Tuesday.",
			nil, []string{"030 GHA→-"}},
		{"an offer of aid stays", "Chile offered Peru a loan of 50 mln dlrs.",
			[]string{"0331 CHL→PER"}, nil},
		{"an offer of market access stays", "Japan will offer a share of its beef market to Australia.",
			[]string{"030 JPN→AUS"}, nil},
		{"figures released are published", "Officials said Thailand's trade figures, released by the central bank on Monday, showed a deficit.",
			nil, []string{"0841 THA→-"}},
		{"freeing people stays", "Sudan agreed to free two British aid workers.",
			[]string{"0353 SDN→NGOGBR"}, nil},
		{"investing in bonds is the market's", "South Korea allowed firms and individuals to invest in overseas government bonds and treasury bills.",
			nil, []string{"061 KOR→-"}},
		{"investing abroad stays", "Japan will invest 20 billion yen in a Thai steel mill.",
			[]string{"0311 JPN→THA"}, nil},
		{"rates retreat, not the state", "Indian prime rates have retreated from a peak of 19 pct.",
			nil, []string{"0874 IND→-"}},
		{"a free economy is an adjective", "Argentina's entirely free and open economy grew fast.",
			nil, []string{"0841 ARG→-"}},
		{"would probably is a guess", "Officials said Kenya would probably request a new IMF loan.",
			nil, []string{"0231 KEN→-", "0231 KEN→IGOBUSIMF"}},
		{"will is an intent", "Kenya will request a new IMF loan.",
			[]string{"0231 KEN→IGOBUSIMF"}, nil},
		{"probably with a past verb stays", "Iraqi jets probably attacked the tanker.",
			[]string{"195 IRQMIL→-"}, nil},
		{"whether right before the verb", "Kenya is keeping its options open on whether to seek compensation from Uganda.",
			nil, []string{"020 KEN→-", "020 KEN→UGA"}},
		{"whether to, with a negation", "Egypt has not decided whether to expel the Libyan ambassador.",
			nil, []string{"161 EGY→-", "161 EGY→LBY"}},
		{"a verb after and is not in the condition", "Iran said it would strike back if attacked and warned the United States.",
			[]string{"130 IRN→USA"}, nil},
		{"help exports is no aid", "Thailand devalued the baht last year to help exports.",
			nil, []string{"070 THA→-"}},
		{"helping a state do something stays", "Japan agreed to help Egypt build a power station.",
			[]string{"033 JPN→EGY"}, nil},
		{"U.S. makers are an industry, not the state", "U.S. chip makers complained that Japan was dumping memory chips.",
			nil, []string{"114 USA→JPN", "114 USA→-"}},
		{"U.S. officials are the state", "U.S. officials complained that Japan was dumping memory chips.",
			[]string{"114 USAGOV→JPN"}, nil},
		{"exchanges are a noun after a state's adjective", "U.S. futures exchanges have objected to the new margin rules.",
			nil, []string{"110 USA→-", "111 USA→-"}},
		{"the exchanges of a state oppose nothing as the state", "The British exchanges oppose the planned tax on share dealing.",
			nil, []string{"110 GBR→-"}},
		{"trading houses are companies", "Several Korean trading houses will ask for longer credit terms.",
			nil, []string{"0231 KOR→-", "020 KOR→-"}},
		{"a time after the noun leaves it the head", "Italian exporters last week requested permits to ship 20,000 tonnes of rice.",
			nil, []string{"0253 ITA→-", "020 ITA→-"}},
		{"a state's officials last week stay the state", "Italian officials last week requested talks with Libya.",
			[]string{"026 ITAGOV→LBY"}, nil},
		{"industry representatives are business", "Australian steel industry representatives met trade officials from South Korea.",
			[]string{"040 AUSBUS→KORGOV"}, []string{"040 AUSGOV→KORGOV"}},
		{"company officials are business", "Dutch company officials criticised Belgium's new shipping levy.",
			nil, []string{"111 NLDGOV→BEL", "111 NLDGOV→-"}},
		{"government and industry officials are both", "Canadian government and industry officials protested to Washington about the lumber duty.",
			[]string{"114 CANGOV→USA", "114 CANBUS→USA"}, nil},
		{"a state's largest producer is a company", "Sweden's largest paper producer has been negotiating with several Finnish mills.",
			nil, []string{"046 SWE→FIN", "046 SWE→-"}},
		{"a state's government stays the state", "Sweden's government has been negotiating with Finland over the mills.",
			[]string{"046 SWEGOV→FIN"}, nil},
		{"a request to a state's makers is to business", "Egypt has asked Italian makers to bid for two ferries.",
			nil, []string{"020 EGY→ITA"}},
		{"an invitation to a state's firms is to business", "Oman is inviting Korean producers to build a refinery, the minister said.",
			[]string{"036 OMN→KORBUS"}, []string{"036 OMN→KOR"}},
		{"policy makers are no business", "Japan appealed to American policy makers for patience on the chip pact.",
			nil, []string{"020 JPN→USABUS"}},
		{"a company's branch is no arming", "The drug will be sold by Halvern Inc, the U.S. arm of a Swiss maker.",
			nil, []string{"072 USA→CHEBUS", "072 USA→-"}},
		{"armed aggression is no arming", "Libya has committed an act of armed aggression against Chad.",
			nil, []string{"072 LBY→TCD"}},
		{"an arms embargo is no arming", "The senator said France should join Britain in imposing an arms embargo on Libya.",
			nil, []string{"072 GBR→LBY", "072 FRA→LBY"}},
		{"arming a party stays", "Egypt has armed the rebels in southern Sudan.",
			[]string{"072 EGY→-"}, nil},
		{"rules to meet are no meeting", "Kenya spent heavily to meet strict European hygiene rules.",
			nil, []string{"040 KEN→-"}},
		{"regulations easier to meet are no meeting", "Banks say Singapore's capital regulations are easier to meet.",
			nil, []string{"040 SGP→-"}},
		{"meeting a state stays", "Kenya's president met Uganda's leader on Monday.",
			[]string{"040 KENGOV→UGAGOV"}, nil},
		{"tonnes released are put on the market", "Washington released 3,000 tonnes of stockpiled silver to industry.",
			nil, []string{"084 USA→-", "0841 USA→-"}},
		{"freeing up space frees no one", "Kenya is freeing up storage space for maize.",
			nil, []string{"084 KEN→-"}},
		{"a state's protest is an official complaint", "Britain has protested the Danish limits on beef imports.",
			[]string{"114 GBR→DNK"}, []string{"140 GBR→DNK"}},
		{"a government's protest is an official complaint", "The Spanish government strongly protests against the closing of Moroccan ports.",
			[]string{"114 ESPGOV→MAR"}, []string{"141 ESPGOV→MAR"}},
		{"people's protest stays a protest", "Hundreds of Kenyans protested against fuel prices.",
			[]string{"140 KEN→-"}, []string{"114 KEN→-"}},
		{"a protest led from a capital is no official complaint", "The levy has angered consumer groups and unleashed Washington-led protests from exporters, diplomats said.",
			nil, []string{"114 USA→-"}},
		{"pressure to meet is no meeting", "Seoul is striving to meet mounting pressure from its exporters.",
			nil, []string{"040 KOR→-"}},
		{"a promise reneged on is none made", "The minister said there was a feeling Chile had reneged on its promise.",
			nil, []string{"030 CHL→-"}},
		{"backed by tanks is the means, no support", "A Syrian armoured brigade, backed by tanks, launched an attack at dawn.",
			nil, []string{"051 SYR→-", "051 SYRMIL→-"}},
		{"backed by a letter of credit is security, no support", "The loan will be backed by a letter of credit from Brazil.",
			nil, []string{"032 BRA→-", "051 BRA→-"}},
		{"backed by a pool of bonds is security, no support", "The notes are backed by a pool of Korean bonds.",
			nil, []string{"051 KOR→-"}},
		{"backing a state stays", "Kuwait has backed Iraq in its war.",
			[]string{"051 KWT→IRQ"}, nil},
		{"options executed are trades", "Put options tend to bunch because they are executed as the market starts to fall.",
			nil, []string{"1823 ---→-"}},
		{"an ousted minister is a former official", "Ousted Peruvian prime minister Carlos Vela met Chile's president on Monday.",
			[]string{"040 PERELI→CHLGOV"}, []string{"040 PERGOV→CHLGOV"}},
		{"a fired aide is a former official", "A judge dismissed a lawsuit by fired White House aide Dan Morrow.",
			[]string{"115 USAELI→-"}, []string{"115 USAGOV→-"}},
		{"fired on an agent is no firing from office", "Soldiers fired on police in Lima.",
			nil, []string{"190 PERMIL→PERELI", "190 ---MIL→PERELI"}},
		{"a verb after 'and' with no subject shares the subject of the verb it is coordinated with", "Egypt said the United States was urging Israel to halt the raids and was talking with Jordanian officials.",
			[]string{"040 USA→JORGOV"}, []string{"040 ISR→JORGOV"}},
		{"a coordinated verb after its own subject keeps it", "Kenya said Uganda had closed the border and Uganda denied it.",
			[]string{"016 UGA→-"}, nil},
		{"what a company said it would do is the company's", "Halvor Gas Plc, a Bergen, Norway, oil company, said it had bought a stake in Dunmore Corp and took steps to help it consider seeking control.",
			nil, []string{"014 NOR→-"}},
		{"a conference on native Indian rights is not India", "Peru's minister will speak to a conference on native Indian rights in Lima.",
			nil, []string{"036 PERGOV→IND", "040 PERGOV→IND"}},
		{"a commitment tested is no new commitment", "The ASEAN statement represented a test for Korea's commitment to open markets.",
			nil, []string{"030 IGOSEAASN→-", "030 KOR→-"}},
		{"a commitment violated is no new commitment", "Chile accused Peru of violating a commitment to free trade.",
			nil, []string{"030 PER→-", "0311 PER→-", "030 CHL→-"}},
		{"a commitment reaffirmed stays", "Egypt reaffirmed its commitment to the peace treaty.",
			[]string{"030 EGY→-"}, nil},
		{"offers rejected at a tender are trade", "Egypt rejected all offers at its rice import tender on Monday.",
			nil, []string{"120 EGY→-"}},
		{"bids rejected for wheat are trade", "Morocco rejected bids for feed wheat, traders said.",
			nil, []string{"120 MAR→-"}},
		{"a tender invited is trade", "The Danish Finance Ministry is inviting tenders for new treasury bills.",
			nil, []string{"036 DNKGOV→-"}},
		{"rejecting an offer of talks stays", "Iraq rejected the Iranian offer of talks.",
			[]string{"125 IRQ→IRN"}, nil},
		{"what an uncoded asker asks for is not done", "Officials asked Peru to release the prisoners.",
			nil, []string{"0841 PER→-"}},
		{"sanctions urged are not imposed", "Farm lobbies urged the U.S. government to impose trade sanctions against Japan.",
			nil, []string{"163 USAGOV→JPN"}},
		{"a coded asker's appeal stays", "Chile asked Peru to release the prisoners.",
			[]string{"0253 CHL→PER"}, []string{"0841 PER→-"}},
		{"releasing prisoners stays", "Chad released 40 Libyan prisoners of war on Monday.",
			[]string{"0841 TCD→LBYMIL"}, nil},
		{"money forced into a market is no coercion", "Dealers said Kenya's low interest rates forced funds out of deposits into Ugandan shares.",
			nil, []string{"174 KEN→UGA", "170 KEN→UGA"}},
		{"forcing a state into talks stays", "Kenyan troops forced Uganda into talks on the border.",
			[]string{"170 KENMIL→UGA"}, nil},
		{"a central bank impounding liquidity seizes nothing", "Kenya's central bank will be impounding about two billion shillings from the banking system.",
			nil, []string{"130 KENGOVBUS→-", "1711 KENGOVBUS→-"}},
		{"impounding a ship stays", "Kenya impounded a Ugandan cargo ship in Mombasa.",
			[]string{"1711 KEN→UGA"}, nil},
		{"encouraging spending at home is no appeal", "Kenya said it would cut taxes and encourage consumer spending this year.",
			nil, []string{"020 KEN→-"}},
		{"encouraging a state to act stays", "Kenya encouraged Uganda to reopen the border.",
			[]string{"0256 KEN→UGA"}, nil},
		{"a budget request is no appeal", "The Kenyan government had asked for another two billion shillings in defence spending.",
			nil, []string{"020 KENGOV→-"}},
		{"market support is no political support", "Kenyan coffee futures rose with underlying support from Ugandan crude.",
			nil, []string{"051 KEN→-", "051 KEN→UGA"}},
		{"supporting a state stays", "Kenya supports Uganda in the border dispute.",
			[]string{"051 KEN→UGA"}, nil},
		{"a joint venture of companies is no state's", "The mill is run by a joint venture between <Acme Plc> of Kenya and two Ugandan trading houses.",
			nil, []string{"061 KEN→UGABUS"}},
		{"a joint venture of states stays", "Kenya formed a joint venture with Uganda.",
			[]string{"061 KEN→UGA"}, nil},
		{"a commitment to customers is a firm's", "Kenyan officials said they have a commitment to their customers.",
			nil, []string{"030 KENGOV→-"}},
		{"a commitment to a state stays", "Kenya made a commitment to Uganda to reopen the border.",
			[]string{"030 KEN→UGA"}, nil},
		{"a programme calling for something is no appeal", "Kenya's parliament passed a national programme to cut waste, calling for better grain storage.",
			nil, []string{"020 KENLEG→-"}},
		{"a state calling for something stays", "Kenya called for better grain storage.",
			[]string{"020 KEN→-"}, nil},
		{"a state's plan calling for a withdrawal stays", "The Kenyan foreign minister's plan calls for Uganda to withdraw its troops.",
			[]string{"0256 KENGOV→UGA"}, nil},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTriples(t, tt.text, triples(c, tt.text), tt.want, tt.not)
		})
	}
}

// TestSharedName codes a bare surname two people in the dictionaries
// share as the one holding a dated role on the article's date.
func TestSharedName(t *testing.T) {
	tests := []struct {
		date time.Time
		want string
	}{
		{time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC), "DEUGOV"},
		{time.Date(2019, 3, 3, 0, 0, 0, 0, time.UTC), "IGOWSTNAT"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		doc := c.Code(&petrel.Article{ID: "t", Text: "Stoltenberg met Egypt's foreign minister in Cairo on Monday.", Date: tt.date})
		if len(doc.Events) == 0 || doc.Events[0].Source.Code != tt.want {
			t.Errorf("%s: want source %s, got %+v", tt.date.Format("2006"), tt.want, doc.Events)
		}
	}
}

// TestDatedRole codes a person by the role the article's date falls in:
// Shevardnadze was the Soviet Union's foreign minister before he led
// Georgia.
func TestDatedRole(t *testing.T) {
	tests := []struct {
		date time.Time
		want string
	}{
		{time.Date(1987, 4, 14, 0, 0, 0, 0, time.UTC), "SUNGOV"},
		{time.Date(1995, 4, 14, 0, 0, 0, 0, time.UTC), "GEOGOV"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		doc := c.Code(&petrel.Article{ID: "t", Text: "Shevardnadze met Egypt's foreign minister in Cairo on Monday.", Date: tt.date})
		if len(doc.Events) == 0 || doc.Events[0].Source.Code != tt.want {
			t.Errorf("%s: want source %s, got %+v", tt.date.Format("2006"), tt.want, doc.Events)
		}
	}
}

// TestToldTo codes "told X to do Y": a demand on X (10x, the sub-code from
// what X is told to do), not a statement; "told X that …" and "told X it
// would …" stay statements, and a "to" that is not what X is told to do
// makes no demand.
func TestToldTo(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Britain told Japan to open its telecommunications market.", []string{"100 GBR→JPN"}, []string{"010 GBR→JPN"}},
		{"Iran told Iraq to release the prisoners.", []string{"1053 IRN→IRQ"}, []string{"010 IRN→IRQ"}},
		{"Egypt told Israel it would attend the talks.", []string{"010 EGY→ISR"}, []string{"100 EGY→ISR"}},
		{"France told the Security Council on Monday that it was ready to send troops.", nil, []string{"100 FRA→IGOUNO"}},
		{"Chile told Peru that talks were due to resume in May.", []string{"010 CHL→PER"}, []string{"100 CHL→PER"}},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		checkTriples(t, tt.text, triples(c, tt.text), tt.want, tt.not)
	}
}

// TestConditional codes what "would" happen on a condition: force or
// sanctions are a threat, an appeal or a statement and what "would have"
// happened are no event, a conditional offer stays an intent, and
// "might" is a possibility as before.
func TestConditional(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Officials said that if cocoa prices rose, Ghana would press for new quotas.", nil, []string{"020 GHA→-"}},
		{"Britain would use its powers to ban Japanese banks from London if Tokyo did not open its market.", []string{"132 GBR→JPNBUS"}, []string{"172 GBR→JPNBUS"}},
		{"Chile would have signed the accord with Peru if the two governments had agreed on prices.", nil, []string{"032 CHL→PER", "057 CHL→PER"}},
		{"Syria would attack Israel if Israel struck Lebanon.", []string{"138 SYR→ISR"}, nil},
		{"Canada would provide aid to Haiti if the election was held.", []string{"033 CAN→HTI"}, nil},
		{"Denmark might agree to the tax if oils were excluded.", []string{"014 DNK→-"}, nil},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		checkTriples(t, tt.text, triples(c, tt.text), tt.want, tt.not)
	}
}

// TestFoundedLater codes an organisation's name in a story dated before it
// was founded as an unknown name: "the ICC" of 1987 is not the
// International Criminal Court.
func TestFoundedLater(t *testing.T) {
	c := builtinCoder(t)
	text := "The ICC rejected the proposed merger of the two railroads."
	code := func(date time.Time) []string {
		var out []string
		for _, e := range c.Code(&petrel.Article{ID: "t", Text: text, Date: date}).Events {
			out = append(out, e.Code+" "+e.Source.Code)
		}
		return out
	}
	if got := code(time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC)); slices.Contains(got, "120 IGOJUDICC") {
		t.Errorf("1987: %q coded as the International Criminal Court: %v", text, got)
	}
	if got := code(time.Date(2023, 3, 2, 0, 0, 0, 0, time.UTC)); !slices.Contains(got, "120 IGOJUDICC") {
		t.Errorf("2023: want 120 IGOJUDICC, got %v", got)
	}
}
