package coder_test

import (
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
)

// TestUnnamedActors holds the events a conflict analyst expects from
// reports whose actors have no name (issue 11): unnamed and unidentified
// perpetrators, countries from places and datelines, agentless passives.
// Each want is "CODE SOURCE TARGET" with "-" for no target; a source or
// target may end in "@how" to require its Inferred value.
func TestUnnamedActors(t *testing.T) {
	c := builtinCoder(t)
	tests := []partyCase{
		{"a toll after a clause of the same moment is the toll", "A rocket hit a market in Kharkiv as shoppers queued for bread, killing nine.",
			[]string{"195 --- UKRCVL@place"}},
		{"a toll after leaving is the toll", "Rebels ambushed a convoy in Tillaberi, leaving six soldiers wounded.",
			[]string{"190 NERREB@place NERMIL@place"}},
		{"a toll after an attribution is the toll", "Police opened fire on protesters in Conakry, a rights group said, killing three.",
			[]string{"175 GINCOP@place GINOPP"}},
		{"a clause after a span of time is background", "Police arrested 20 people in Lahore, two days after a gunman shot dead a cleric.",
			[]string{"173 PAKCOP@place PAKCVL@place"}},
		{"police firing on a crowd where the sentence reports a protest repress", "Students stormed the parliament in Dhaka, and police opened fire on the crowd.",
			[]string{"1454 BGDEDU@place BGDLEG", "175 BGDCOP@place BGDCVL@place"}},
		{"security forces killing people on a day of protests repress", "Security forces killed 12 people in Khartoum during protests against the army.",
			[]string{"175 SDNCOP@place SDNCVL"}},
		{"one riot told with two verbs", "Rioters burned a bank and looted shops in Lyon.",
			[]string{"145 FRAOPP@place FRABUS@place"}},
		{"a participle after a determiner is an adjective", "Police freed the hostages in the recaptured village of Kupiansk.", nil},
		{"a participle after a number is an adjective", "Villagers demanded the release of three detained farmers in Kano.", nil},
		{"an event noun after \"after\" is what led to the news", "Police arrested 40 people in Dakar after clashes between rival supporters.",
			[]string{"173 SENCOP@place SENCVL"}},
		{"a means noun in a relative clause is background", "Families who fled the fighting in Khartoum reached Port Sudan on Monday.", nil},
		{"where drones strike is the target's land, not the attacker's", "Drones struck an oil depot in Belgorod overnight.",
			[]string{"195 ---MIL RUS"}},
		{"invaders are not of the land they act in", "The invaders killed three civilians in the Donetsk region.",
			[]string{"190 ---MIL UKRCVL@place"}},
		{"the weapon after with is the means, not the target", "The enemy attacked Zaporizhzhia with three drones.",
			[]string{"190 ---MIL UKR"}},
		{"an agentless arson is no act of the victim's government", "A Cypriot tanker was set ablaze in the Gulf.", nil},
		{"civilians' arson where a protest is named is a riot", "Rioting inmates set fire to mattresses at a jail in Lima.",
			[]string{"145 PERCVL@place -"}},
		{"a rally across the country in support of someone is a demonstration", "Thousands of Chileans rallied across the country in support of the strikers.",
			[]string{"141 CHL CHLLAB@party"}},
		{"a named armed group killing civilians: no battle", "Al-Shabaab militants killed 19 civilians near Beledweyne.",
			[]string{"180 SHB SOMCVL@place"}},
		{"the number of people killed is a tally", "The number of people killed in the fighting in Darfur has risen to 300, aid agencies said.", nil},
		{"a number of people killed is an event", "A number of people were killed in the fighting in Juba.", []string{"190 --- SSDCVL@place"}},
		{"a charge of ordinary crime is no political event", "Prosecutors in Lyon charged a man with murder after a row over parking.", nil},
		{"killed as gunmen stormed: the storming's agent", "Two soldiers were killed as militants stormed an army post in Waziristan.",
			[]string{"190 PAKREB@place PAKMIL@place"}},
		{"what background protesters demand, and the toll after it", "Police fired tear gas at students demanding that the rector resign, injuring 12, witnesses said.",
			[]string{"175 ---COP ---EDU"}},
		{"police beating lawmakers at a protest repress them", "Opposition lawmakers were beaten by police during protests outside parliament in Tirana.",
			[]string{"175 ALBCOP@place ALBLEG"}},
		{"a crackdown by troops on protesters is repression", "Soldiers cracked down on protesters in Mandalay.",
			[]string{"175 MMRMIL@place MMROPP@place"}},
		{"a crowd of people no agent names is the crowd, and its attack a riot", "A crowd of Muslims attacked churches in Jaranwala.",
			[]string{"145 PAKCVL@place PAKREL@place"}},
		{"a participle with \"as\" after the agent opens no clause", "Gunmen dressed as hunters massacred 150 villagers in Mopti.",
			[]string{"202 MLIUAF@place MLICVL@place"}},
		{"an abduction after a toll is a second act", "Rebels attacked a school in Kasese, killing 20 students and abducting six others.",
			[]string{"180 UGAREB@place UGAEDU@place", "181 UGAREB@place -"}},
		{"unidentified group, country from the place",
			"On 1 May, an unidentified group fatally shot the leader of the Pashtun Tahafuz Movement near his house in Wana.",
			[]string{"186 PAKUAF@place PTM"}},
		{"employees organise a protest",
			"Employees of the electricity directorate organized a protest in front of the municipality building in Amara demanding full-time contracts.",
			[]string{"141 IRQLAB@place -"}},
		{"a mob lynches",
			"A youth mob set ablaze and killed a suspected robber.",
			[]string{"1712 ---CVL ---CRM", "1823 ---CVL ---CRM"}},
		{"police repress and arrest, no country anywhere",
			"Police fired tear gas and arrested at least 40 demonstrators.",
			[]string{"175 ---COP ---OPP", "173 ---COP ---OPP"}},
		{"protesters march through a capital: no city as source or target",
			"Thousands of protesters marched through the Kenyan capital Nairobi to denounce a proposed finance bill.",
			[]string{"141 KENOPP@place -"}},
		{"a place written with its qualifier names the agents' state",
			"Police arrested 20 protesters in Paris, Texas on Sunday.",
			[]string{"173 USACOP@place USAOPP"}},
		{"a city written with its qualifier is the qualifier's state, as a place and as the attack's target",
			"Gunmen attacked a checkpoint in Tripoli (Lebanon), wounding two soldiers.",
			[]string{"190 LBNUAF@place LBNMIL@place"}},
		{"the means names both sides", "Fighting between the army and M23 rebels killed 12 people near Goma.",
			[]string{"190 CODMIL@place MTT", "190 MTT CODMIL@place"}},
		{"rival sides of one kind", "Gunfire between rival gangs killed three people in Port-au-Prince.",
			[]string{"193 HTICRM@place -"}},
		{"a means noun with its attacker", "Attacks by gunmen on farming villages in Benue left 20 dead.",
			[]string{"180 NGAUAF@place NGACVL@place"}},
		{"armed men attacking a bus: no battle", "Armed men attacked a bus in Kaya, killing 20 passengers.",
			[]string{"180 BFAUAF@place BFACVL@place"}},
		{"gunmen attacking soldiers: a battle", "Gunmen attacked soldiers in Kaya.",
			[]string{"190 BFAUAF@place BFAMIL@place"}},
		{"militants attacking a village: no battle", "At least 12 people were killed in an attack by suspected jihadists on a village in western Niger.",
			[]string{"180 NERREB@place NERCVL@place"}}, // the victims, a quantity before "were killed", are the target
		{"villages attacked by armed herders", "Several villages in Benue state were attacked by armed herders overnight.",
			[]string{"180 NGACVL@place -"}},
		{"militants attacking a base: a battle", "Militants attacked an air force training base in Mianwali, damaging aircraft.",
			[]string{"190 PAKREB@place PAKMIL@place"}},
		{"settlers in the West Bank are Israeli", "Settlers set upon a Palestinian family in the village of Huwara, injuring four.",
			[]string{"180 ISRCVL@place PSE"}},
		{"settlers near a Palestinian city are Israeli", "Jewish settlers uprooted hundreds of olive trees near Ramallah.",
			[]string{"1712 ISRCVL@place PSE"}},
		{"youths damaging property: a riot", "Youths vandalised a coronavirus testing centre in the Dutch fishing village of Urk.",
			[]string{"145 NLDCVL@place -"}},
		{"farmers torching an office: a riot", "Farmers torched a tax office in southern France.",
			[]string{"145 FRAAGR@place FRAGOV@place"}},
		{"herders torching homes: arson, not a riot", "Herders torched dozens of homes in a farming village in Benue state.",
			[]string{"1712 NGACVL@place NGACVL@place"}},
		{"repelling an attack is the attacker's", "Iraqi forces beat back the latest Iranian thrusts.",
			[]string{"190 IRN IRQMIL"}},
		{"a weapon destroying property names the code", "A Russian air strike destroyed a maternity hospital in Mariupol.",
			[]string{"195 RUS UKRHLH@place"}},
		{"an arson attack with no actor named", "An arson attack destroyed the offices of an opposition party in Harare.",
			[]string{"1712 ---@agentless ZWEOPP"}},
		{"a mob's attack on shops is a riot", "Hindu nationalist mobs attacked Muslim-owned shops in Nagpur after rumours spread online.",
			[]string{"145 INDCVL@place INDBUS@place"}},
		{"a suicide bomber strikes a mosque", "A suicide bomber struck a mosque in Peshawar during Friday prayers.",
			[]string{"1831 PAKUAF@place PAKREL@place"}},
		{"crops damaged by rain: no event", "Trade sources said the crops were damaged by the heavy rains.",
			nil},
		{"the aim of a protest is no second event", "Youths blocked roads with burning tyres in Lome to protest against a constitutional change.",
			[]string{"144 TGOCVL@place -"}},
		{"storming a hotel to take hostages is the hostage-taking", "Gunmen stormed a hotel in the Somali capital and took several guests hostage.",
			[]string{"181 SOMUAF@place -"}},
		{"a riot's damage is the riot", "Rioters stormed the legislature in Brasilia and smashed windows and furniture.",
			[]string{"145 BRAOPP@place BRALEG"}},
		{"an animal's attack is no violence", "A shark attack killed a surfer off Western Australia.", nil},
		{"traders carry off profits: no abduction", "The dollar was battered as traders carried off profits before the weekend.", nil},
		{"clashes between police and protesters: one riot", "Clashes between police and opposition supporters in Maputo left three dead.",
			[]string{"145 MOZOPP MOZCOP"}},
		{"a knife attack is unconventional violence", "A knife attack at a city festival in Solingen left three people dead.",
			[]string{"180 ---@agentless -"}},
		{"gunmen hauling a pastor out of his church abduct him", "Masked gunmen hauled a pastor out of his church in Cameroon's Northwest region.",
			[]string{"181 CMRUAF@place CMRREL"}},
		{"police dragging protesters out arrest them", "Police dragged protesters out of the parliament building in Tbilisi.",
			[]string{"173 GEOCOP@place GEOOPP@place"}},
		{"a division name two states have: the place's own", "Unknown assailants burned two churches to the ground in Jaranwala, Punjab.",
			[]string{"1712 PAKUAF@place PAKREL@place"}},
		{"farmers spraying manure at police: a riot", "Farmers in Brussels sprayed manure at police outside the European Parliament.",
			[]string{"145 BELAGR@place -"}},
		{"an act done in a strike is the strike", "Employees of Nigeria's state oil company shut down pumping stations in a strike over pay.",
			[]string{"143 NGALAB -"}},
		{"an act done in a protest is the protest", "Taxi drivers in Nairobi switched off their engines and parked along Moi Avenue in a protest against a ride-hailing app.",
			[]string{"141 KENLAB -"}},
		{"a bank that loaned money", "The World Bank loaned Kenya 750 million dollars to support its budget.",
			[]string{"071 IGOUNODEVWBK KEN"}},
		{"killed when a vehicle hit a landmine", "Three policemen were killed when their patrol vehicle hit a landmine near Djibo.",
			[]string{"183 ---@agentless BFACOP@place"}},
		{"a gas cylinder exploding is an accident", "A gas cylinder exploded in a restaurant in Lagos, injuring six people.", nil},
		{"a bomb exploding", "A bomb exploded near a market in Kano, wounding six people.", []string{"183 ---@agentless NGACVL@place"}},
		{"holding guests hostage", "Gunmen held guests hostage in a hotel in Mogadishu.", []string{"181 SOMUAF@place SOMCVL@place"}},
		{"villages of a province", "Insurgents beheaded 11 villagers in villages of Cabo Delgado province.", []string{"1823 MOZREB@place MOZCVL@place"}},
		{"protesters occupying a palace: a sit-in", "Protesters occupied the presidential palace in Colombo.", []string{"144 LKAOPP@place -"}},
		{"companies taking control: a takeover", "U.S. and German companies are the leading contenders to take control of the firm.", nil},
		{"gangs storming a prison: a battle", "Gangs stormed the national penitentiary in Port-au-Prince, freeing thousands of inmates.", []string{"190 HTICRM@place HTI"}},
		{"gunmen attacking a police station: a battle", "Gunmen attacked a police station in Kaya.", []string{"190 BFAUAF@place BFACOP@place"}},
		{"gunmen attacking a bus station: no battle", "Gunmen attacked a bus station in Kaya.", []string{"180 BFAUAF@place -"}},
		{"Wagner fighters are Wagner", "Wagner fighters seized military headquarters in Rostov-on-Don.", []string{"192 WAG RUS"}},
		{"a bridge between two cities", "Truckers blocked the Ambassador Bridge between Windsor and Detroit for a week.", []string{"144 CANLAB@place -"}},
		{"capturing a city is an occupation", "Russian forces captured Kherson.", []string{"192 RUSMIL UKR"}},
		{"capturing suspects is an arrest", "Police captured two suspects in Lagos.", []string{"173 NGACOP@place -"}},
		{"capturing defence posts", "Iranian forces captured several Iraqi defence posts east of Basra.", []string{"192 IRNMIL IRQ"}},
		{"capturing munitions", "Iranian forces captured large amounts of munitions in the latest fighting.", []string{"1711 IRNMIL -"}},
		{"capturing traffic is business", "Traffic is being captured earlier by U.S. carriers.", nil},
		{"charging a state is an accusation", "The United States charged Japan with violating trade rules.", []string{"112 USA JPN"}},
		{"agencies charged with a task", "The sale requires approval from government agencies charged with selling state assets.", nil},
		{"a shot across the bow", "The sanctions are a shot across Japan's bow, officials said.", nil},
		{"trying to is no trial", "The banks will try to find a buyer for the company in Singapore.", nil},
		{"a trial", "A Turkish court tried the journalist for insulting the president.", []string{"173 TURJUD TURMED"}},
		{"policies under attack", "Japan's economic policies face fierce international attack.", nil},
		{"came under attack", "A police convoy came under attack near Bama in Borno state.", []string{"190 ---@agentless NGACOP@place"}},
		{"came under attack: criticism", "The minister came under attack from lawmakers over the budget.", nil},
		{"burned alive", "Herders burned alive a farmer in a village in Benue.", []string{"1823 NGACVL@place NGAAGR@place"}},
		{"police clash with workers demanding wages: the workers' riot", "Police in Dhaka clashed with garment workers demanding higher wages.",
			[]string{"145 BGDLAB@place BGDCOP"}},
		{"rival gangs fighting", "Rival gangs fought a gun battle in a Port-au-Prince slum, killing 12 people.", []string{"190 HTICRM@place HTI"}},
		{"a blistering attack is criticism", "The opposition launched a blistering attack on the government's budget.", nil},
		{"a place of worship firebombed", "A synagogue in Melbourne was firebombed overnight, police said.", []string{"1712 ---@agentless AUS"}},
		{"fans clashing is no headline passive", "Fans clashed over tickets outside the stadium before the cup final in Paris.", nil},
		{"attackers torching a police station: arson", "Unknown attackers torched a police station in Imphal.", []string{"1712 INDUAF@place INDCOP@place"}},
		{"clashes between two communities", "At least 30 people were killed in clashes between two communities in Warrap state.", []string{"190 ---@agentless SSDCVL@place"}}, // an agentless passive
		{"a state's adjective before a village", "Gunmen kill 20 in attack on Nigerian village", []string{"180 NGAUAF@place NGA"}},
		{"slain in an attack", "Seven slain in attack on Central African town", []string{"190 ---@agentless -"}},
		{"cutting off food supplies is the blockade's", "JNIM fighters blockaded the town of Djibo, cutting off food supplies to its residents.",
			[]string{"191 JNM BFACVL@place"}},
		{"cut off from banking", "Many banks found themselves cut off from world investment banking.", nil},
		{"rebels occupying a building seize it", "The sources said 100 rebels were occupying the headquarters building at Fort Bonifacio.", []string{"192 ---REB -"}},
		{"injured by rubber bullets fired by police", "Dozens of protesters were injured by rubber bullets fired by police in Nairobi.",
			[]string{"175 KENCOP KENOPP@place"}},
		{"protesters shot dead by no one named: repression", "Three protesters were shot dead in Nairobi on Tuesday.",
			[]string{"175 ---@agentless KENOPP@place"}},
		{"rebels have no air force", "Rebels bombed a power station in Arauca.", []string{"183 COLREB@place -"}},
		{"states bomb from the air", "Russian warplanes bombed a hospital in Idlib.", []string{"195 RUSMIL SYRHLH@place"}},
		{"blocking highways", "Bangladeshi students blocked highways in Dhaka demanding an end to job quotas.", []string{"144 BGDEDU -"}},
		{"rioters storm a legislature", "Protesters stormed the city hall in Lima.", []string{"145 PEROPP@place PERGOV@place"}},
		{"security forces killing people as protests spread: repression", "Security forces shot dead five people in Khartoum as protests against the army spread, medics said.",
			[]string{"175 SDNCOP@place SDNCVL"}},
		{"a capitalised March is the month, no protest", "Israeli troops shot dead two villagers near Jenin on March 23.", []string{"190 ISRMIL PSECVL@place"}},
		{"jets are the military", "Syrian jets bombed a market in Idlib.", []string{"195 SYRMIL SYRCVL@place"}},
		{"the Gulf of news is no Papua New Guinean province", "Unidentified jets attacked two tankers in the southern Gulf.", []string{"190 ---MIL -"}},
		{"a small town abroad is not a datelined story's village", "OUAGADOUGOU (Reuters) - Gunmen killed 20 people in the village of Solhan.", []string{"180 BFAUAF@dateline BFACVL@dateline"}},
		{"troops freeing hostages rescue them, no release", "Malian soldiers freed 12 hostages in a raid on a camp near Gao.", nil},
		{"Chinatown is a quarter of many cities", "Rioters burned shops in Chinatown for a second night.", []string{"145 ---OPP -"}},
		{"a noun in a relative clause is background", "A reporter who covered the siege of Mariupol won a prize in Kyiv.", nil},
		{"gunmen storming a ministry attack it, no riot", "Gunmen stormed the interior ministry in Kabul.", []string{"180 AFGUAF@place AFGGOV"}},
		{"protesters storming a residence riot", "Protesters stormed the governor's official residence in Goma.", []string{"145 CODOPP@place -"}},
		{"rockets fired deep into a state", "Hezbollah fired rockets deep into northern Israel.", []string{"195 HEZ ISR"}},
		{"a state holding drills, the drills' adjective no agent", "China held large military drills around Taiwan.", []string{"150 CHN TWN"}},
		{"praise won from an uncoded giver is nobody's", "Zaire won praise from Western creditors.", nil},
		{"praise won from a coded giver is the giver's", "Poland earned praise from the European Union for its reforms.", []string{"051 IGOEUREEC -"}},
		{"a state's allies are not the state", "Israel's allies condemned the attack.", nil},
		{"a state's partners pledging arms are not the state", "Ukraine's partners pledged more weapons.", nil},
		{"state forces do not protest: their storming is a raid", "Police stormed the French embassy in Niamey.", []string{"1711 NERCOP@place FRAGOV"}},
		{"an agentless arrest of unnamed people where it happened", "Hundreds of students were arrested in Dhaka.",
			[]string{"173 ---@agentless BGDEDU@place"}},
		{"workers who struck", "Nurses struck over pay in Harare on Monday.", []string{"143 ZWEHLH@place -"}},
		{"an agent noun opening a headline is no place before an attack noun", "Police fire tear gas at opposition rally in Lusaka", []string{"175 ZMBCOP@place ZMBOPP@place"}},
		{"what a denial denies did not happen", "The army denied that its troops had fired on protesters in Conakry.", nil},
		{"a denial with a gerund is the denial", "Russia denied shelling the hospital in Mariupol.", []string{"016 RUS -"}},
		{"a relative clause after ', where' is background", "The village, where gunmen killed 30 people last year, has been deserted since.", nil},
		{"a participle after an agent a preposition of aim governs is background", "Police in Lima used tear gas and rubber bullets against farmers blocking a highway.", []string{"175 PERCOP PERAGR@place"}},
		{"drones striking an opposition group's camps: an air strike", "Iranian drones struck camps of Kurdish opposition groups in northern Iraq's Koya.", []string{"195 IRNMIL IRQOPP@place"}},
		{"found beaten to death: a passive; no protest, no repression", "An opposition activist was found beaten to death in Kinshasa.", []string{"1823 ---@agentless CODOPP@place"}},
		{"killed when a car crashed: an accident", "A police officer was killed when his patrol car crashed into a lorry near Leeds.", nil},
		{"an arrest on suspicion of murder is ordinary crime", "Police in Manchester arrested a woman on suspicion of poisoning her husband.", nil},
		{"what a protest demands is no event", "Protesters blocked streets in Yerevan on Monday demanding the prime minister's resignation.", []string{"144 ARMOPP@place ARMGOV@place"}},
		{"settlers' arson of homes", "Israeli settlers torched cars and homes in the West Bank village of Turmus Ayya.", []string{"1712 ISRCVL PSECVL@place"}},
		{"villagers burning a company's equipment riot", "Villagers set fire to equipment belonging to a Chinese mining firm in Guinea's Siguiri prefecture.", []string{"145 GINCVL@place CHNBUS"}},
		{"a storming that takes hostages is the hostage-taking", "Militants stormed a hotel near the presidential palace in Mogadishu, taking guests hostage.", []string{"181 SOMREB@place -"}},
		{"a toll in two participles", "A bomb exploded in a market in Maiduguri, killing 10 people and wounding 30.", []string{"183 ---@agentless NGACVL@place"}},
		{"a raid that frames a shooting", "Israeli troops shot dead two Palestinians during a raid in Nablus.", []string{"190 ISRMIL PSE"}},
		{"a rampage and its looting", "Mobs went on a rampage through Jakarta's Chinatown, looting shops and burning cars.", []string{"145 IDNCVL@place -"}},
		{"Niger state is Nigeria's", "Bandits abducted 25 worshippers from a mosque in Niger state.", []string{"181 NGACRM@place NGACVL@place"}},
		{"Niger state television is Niger's", "Niger state television said soldiers had killed 20 jihadists near Tillaberi.", []string{"190 NERMIL@place NERREB@place"}},
		{"troops assaulting reporters at a rally: repression; the rally is not theirs", "Ugandan soldiers assaulted journalists covering an opposition rally in Kampala.", []string{"175 UGAMIL UGAMED@place"}},
		{"police after 'at' are a riot's target, not a place", "Protesters threw stones at police in Nairobi.", []string{"145 KENOPP@place KENCOP"}},
		{"an embassy after 'at' is where praise was given", "The French president praised the deal at the U.S. embassy in Paris.", []string{"051 FRAGOV -"}},
		{"supporters of an unnamed agent are the supporters", "Supporters of a jailed cleric ransacked a police station in Lahore.", []string{"145 PAKOPP@place PAKCOP@place"}},
		{"supporters of a coded person are the supporters", "Supporters of the ousted president stormed the Congress in Brasilia and smashed windows.", []string{"145 BRAOPP@place BRALEG"}},
		{"armed herders attacking a settlement: no battle", "Armed herders attacked a farming settlement in Benue state, killing eight people.", []string{"180 NGACVL@place NGACVL@place"}},
		{"a state as such does not riot", "Brazil's defence was torn apart as Argentina ran riot in the second half.", nil},
		{"two verbs sharing an object are active and one riot", "Rioters looted and burned shops in Durban.", []string{"145 ZAFOPP@place ZAFBUS@place"}},
		{"stormed and set fire to: one riot", "Demonstrators stormed and set fire to the parliament building in Kathmandu.", []string{"145 NPLOPP@place -"}},
		// (oneAct keeps two objects as two acts; the coder abstains from
		// the second, coder/abstain.go: one riot told with two verbs)
		{"two objects, one riot", "Protesters looted supermarkets and torched metro stations in Santiago.", []string{"145 CHLOPP@place CHLBUS@place"}},
		{"tear-gassed and beat: the repression", "Police tear-gassed and beat students protesting outside parliament in Nairobi.", []string{"175 KENCOP@place KENEDU@place"}},
		{"killed and wounded in one attack", "Gunmen killed a police officer and wounded two others in Peshawar.", []string{"1823 PAKUAF@place PAKCOP@place"}},
		{"two targets of one state, two acts", "Russian forces shelled Kharkiv and bombed Odesa.", []string{"194 RUSMIL UKR", "195 RUSMIL UKR"}},
		{"struck by a car is no strike", "Two teachers struck by a car in Lagos.", nil},
		{"soldiers are arrested abroad too", "Two Marines were charged with espionage at the embassy in Moscow.", nil},
		{"a baton charge", "Police in Lahore baton-charged opposition supporters.", []string{"175 PAKCOP PAKOPP@place"}},
		{"crowds protesting are protesters, and not the soldiers' protest",
			"Troops fired live rounds at crowds protesting against the government in Khartoum.",
			[]string{"175 SDNMIL@place SDNOPP@place"}},
		{"protesters vandalising", "Protesters vandalised shops in the centre of Santiago.", []string{"145 CHLOPP@place -"}},
		{"ordinary crime", "Police arrested a woman suspected of stealing a painting from a gallery.", nil},
		{"a lynching of men accused of a crime is still a killing", "A mob lynched two men accused of stealing cattle.", []string{"1823 ---CVL -"}},
		{"set on fire by armed men",
			"Three trucks of a company were set on fire by a group of at least 10 armed men.",
			[]string{"1712 ---UAF -"}},
		{"killed in a gunfight with militants",
			"Two soldiers were killed in a gunfight with militants.",
			[]string{"193 ---REB ---MIL"}},
		{"died in a shootout with: the other side fired",
			"Three policemen died in a shootout with drug traffickers in Rio de Janeiro.",
			[]string{"193 BRACRM@place BRACOP@place"}},
		{"wounded in a gun battle with militants",
			"Four soldiers were wounded in a gun battle with militants.",
			[]string{"193 ---REB ---MIL"}},
		{"died in an ambush by rebels",
			"Two soldiers died in an ambush by rebels near Goma.",
			[]string{"190 CODREB@place CODMIL@place"}},
		{"trading fire is an exchange of fire", "Israeli troops traded fire with Hezbollah fighters.",
			[]string{"193 ISRMIL HEZ", "193 HEZ ISRMIL"}},
		{"a compound subject trading fire", "Sudanese army and RSF fighters traded fire in Omdurman.",
			[]string{"193 SDNMIL RSF", "193 RSF SDNMIL"}},
		{"exchanging fire with an armed group", "Colombian soldiers exchanged fire with guerrillas in Cauca.",
			[]string{"193 COLMIL COLREB@place", "193 COLREB@place COLMIL"}},
		{"exchanging gunfire with a gang", "Police in Port Moresby exchanged gunfire with a criminal gang.",
			[]string{"193 PNGCOP PNGCRM@place", "193 PNGCRM@place PNGCOP"}},
		{"a compound subject exchanging fire", "Indian and Chinese border guards exchanged fire on the frontier.",
			[]string{"193 INDMIL CHNMIL", "193 CHNMIL INDMIL"}},
		{"exchanging fire with no other side named", "Troops exchanged fire near the border.",
			[]string{"193 ---MIL -"}},
		{"a mob's victims coded like the mob are still its target", "An angry mob stabbed three women in Kenya's Nyamira county.",
			[]string{"1823 KENCVL@place KENCVL"}},
		{"villagers killing herders of their own state", "Villagers in Benue state killed two herders.",
			[]string{"1823 NGACVL@place NGACVL@place"}},
		{"shares trading is no fire", "Shares traded firmly in Tokyo.", nil},
		{"troops coming to blows", "Indian and Chinese troops came to blows along the disputed border.",
			[]string{"190 INDMIL CHNMIL", "190 CHNMIL INDMIL"}},
		{"fans coming to blows is no event", "Fans came to blows outside the stadium.", nil},
		{"dispersing a procession with live fire", "Togolese soldiers dispersed a funeral procession in Lome with live fire.",
			[]string{"175 TGOMIL TGO"}},
		{"dispersing a march", "Police dispersed the march in Kinshasa.", []string{"175 CODCOP@place COD"}},
		{"an oil slick dispersing is no event", "The oil slick dispersed with the tide.", nil},
		{"anti-riot units are police", "Anti-riot units fired rubber bullets at students demonstrating in Jakarta.",
			[]string{"175 IDNCOP@place IDNEDU@place"}},
		{"dockers are workers", "Dockers in Antwerp downed tools on Tuesday.", []string{"143 BELLAB@place -"}},
		{"agentless passive keeps its target",
			"Two aid workers were abducted in the Central African Republic.",
			[]string{"181 ---@agentless CAFNGO@place"}},
		{"agentless passive of a thing",
			"A convoy carrying food aid was looted on the road to the border.",
			[]string{"171 ---@agentless -"}},
		{"the means is the subject",
			"A roadside bomb struck a military vehicle in Kandahar, killing three soldiers.",
			[]string{"1833 ---@agentless AFGMIL@place"}},
		{"dateline gives the country",
			"LAGOS, June 15 (Reuters) - Gunmen abducted 12 worshippers during a church service, police said.",
			[]string{"181 NGAUAF@dateline NGACVL@dateline"}},
		{"riot police disperse protesters",
			"Riot police in Tbilisi fired rubber bullets at protesters.",
			[]string{"175 GEOCOP GEOOPP@place"}},
		{"protesters clash with police",
			"Protesters in Nairobi clashed with police.",
			[]string{"145 KENOPP KENCOP@place"}},
		{"casualty headline", "30 killed in fighting near Bambari: military source", []string{"190 ---@agentless -"}},
		// "C. Africa" is the Central African Republic: a state before
		// the fighting is its side, as in "Syria fighting".
		{"casualty headline with a state", "30 killed in C. Africa fighting: military source", []string{"190 CAF -"}},
		{"a slug before the headline", "UPDATE 2-Dozens killed in fierce fighting in eastern Ukraine", []string{"190 ---@agentless -"}},
		{"a noun of fighting with casualties", "Clashes leave eight dead in the north.", []string{"190 ---@agentless -"}},
		{"fighting between two sides", "Heavy fighting between Russian troops and Ukrainian forces left 20 dead near Bakhmut.",
			[]string{"190 RUSMIL UKRMIL", "190 UKRMIL RUSMIL"}},
		{"died under shelling", "A woman died as a result of the shelling of Donetsk.", []string{"194 ---@agentless -"}},
		// Precision: none of these is a political event.
		{"heart attack", "The senator died of a heart attack last Friday, his office said.", nil},
		{"company losses", "The company suffered heavy losses in the second quarter.", nil},
		{"fighting inflation", "The government is fighting inflation with higher interest rates.", nil},
		{"an accident", "Thirty miners have been killed in an underground explosion at a colliery.", nil},
		{"sport", "The striker shot wide from close range as the home side pressed for an equaliser.", nil},
		{"sport 2", "The champion fought back from two sets down to win the final.", nil},
		{"markets", "Shares of the mining company were hit by a downgrade from analysts on Thursday.", nil},
		{"disaster", "More than 2,000 people were killed in a flood that swept through the city.", nil},
		{"disaster 2", "Dozens of people were killed when an earthquake struck the peninsula.", nil},
		{"metaphor", "The two parties are locked in a war of words over the budget.", nil},
		{"firing a coach", "The club fired the coach after a run of seven defeats.", nil},
		{"a bill killed", "The bill was killed in committee after lawmakers failed to agree on funding.", nil},
		{"accident", "A bus crash killed 15 people on a mountain road.", nil},
		{"a labour strike is no air strike", "The strike hit production at the plant.", nil},
		// Verbs of violence with an object of trade, finance or policy.
		{"fighting a tax", "Canada's opposition parties will fight the proposed fuel tax in parliament.", nil},
		{"attacking a policy", "The United States attacked Japan's fiscal policy on Tuesday.", nil},
		{"executing trades", "Japanese brokers executed large block trades for foreign clients.", nil},
		{"beating a deadline", "Korean exporters rushed shipments to beat the new tariff deadline.", nil},
		{"arresting a slide", "France and Italy arrested the dollar's slide.", nil},
		{"a company wound up", "Singapore's largest shipping firm was wound up last year.", nil},
		{"stricken by a quake", "Ecuador, stricken by an earthquake, will honour its debts.", nil},
		{"stocks rally", "U.S. oil stocks rallied in response to the bid.", nil},
		{"taking place", "The Algerian wheat auction took place over the weekend.", nil},
		{"taking control of a firm", "The Greek government took control of a Canadian-led consortium.", nil},
		{"attacks on a wage freeze", "The Serbian government joined attacks on the new wage freeze.", nil},
		{"a seat occupied", "China will take the board seat occupied by Vietnam.", nil},
		{"forced to match a rate cut", "Austria could be forced to match any cut in German rates to keep the schilling steady, he said.", nil},
		{"stricken by a quake, asking for aid", "Chile, stricken by a quake, asked for aid.", []string{"023 CHL -"}},
		{"an army patrol is a noun, and the toll is the ambush's",
			"Rebels ambushed a police patrol in Cauca, killing four officers.",
			[]string{"190 COLREB@place COLCOP@place"}},
		{"a noun that codes nothing between the attack and its toll",
			"Bandits ambushed a convoy of Malian soldiers near Gao, killing six.",
			[]string{"190 MLICRM@place MLIMIL"}},
		{"a participle describing the object is background",
			"Police in Dakar tear-gassed students marching against tuition fees.",
			[]string{"175 SENCOP SENEDU@place"}},
		{"a participle after a place is the subject's",
			"Thousands of farmers marched in Lima demanding higher crop prices.",
			[]string{"141 PERAGR@place -"}},
		{"a participle after a verb of perception is the event",
			"Witnesses saw soldiers firing at protesters in Khartoum.",
			[]string{"175 SDNMIL@place SDNOPP"}},
		{"troops shooting a civilian dead use military force",
			"A farmer was shot dead by Indian troops near the Line of Control.",
			[]string{"190 INDMIL ---AGR"}},
		{"rebels killing police officers fight",
			"Three police officers were killed by Maoist rebels in Chhattisgarh.",
			[]string{"190 INDREB@place INDCOP@place"}},
		{"gunmen killing a police officer is a killing",
			"Gunmen shot dead a police officer in the Honduran city of San Pedro Sula.",
			[]string{"1823 HNDUAF@place HNDCOP"}},
		{"the occupied West Bank is a place", "France criticised settlement building in the occupied West Bank.", []string{"111 FRA PSE"}},
		{"an occupation", "Israeli troops occupied the West Bank town of Jenin.", []string{"192 ISRMIL PSE"}},
		{"mobilising resources", "Indonesia must mobilise more domestic resources to finance development, the bank said.", nil},
		{"mobilising reservists", "Armenia mobilised its reservists.", []string{"154 ARM -"}},
		{"an agreement struck", "Japan said the dollar's fall ran counter to the agreement struck by France and Germany last month.", nil},
		{"a three week strike is a labour strike", "Two union locals agreed to a new contract, ending a three week strike.", []string{"143 ---CVL -"}},
		{"what the arrested had done", "Police in Lima arrested students who had blocked the Pan-American highway.",
			[]string{"173 PERCOP PEREDU@place"}},
		{"drones take no country from their target's place", "Drones attacked an oil depot in Belgorod overnight.",
			[]string{"195 ---@agentless RUS"}},
		{"a suicide bomber is an actor", "A suicide bomber killed 20 people at a mosque in Peshawar.",
			[]string{"1831 PAKUAF@place PAKCVL@place"}},
		{"villagers detaining officials abduct them", "Villagers in Chiapas detained two municipal officials to demand a new road.",
			[]string{"181 MEXCVL@place MEXGOV@place"}},
		{"police detaining villagers arrest them", "Police in Chiapas detained two villagers.",
			[]string{"173 MEXCOP@place MEXCVL@place"}},
		{"a retaliatory strike is no labour strike",
			"American forces launched a retaliatory strike against Iran on Sunday.",
			[]string{"190 USAMIL IRN"}},
		// "=Shell" in regions.txt: the company only where capitalised.
		{"shell the verb is no company", "Ukrainian forces shell Donetsk.", []string{"194 UKRMIL UKR"}},
		{"Shell the company codes nothing", "Shell signed a supply deal with Nigeria.", nil},
		{"U.N. peacekeepers are soldiers as victims", "Two U.N. peacekeepers were killed in eastern Congo on Tuesday.",
			[]string{"190 ---@agentless IGOUNO"}},
		{"U.N. officials are not", "U.N. officials were killed in Gaza.", nil},
		{"tear gas fired, no agent", "Tear gas was fired at protesters in Nairobi.", []string{"175 ---@agentless KENOPP"}},
		{"tear gas used before another fire", "The soldiers had used tear gas and fired warning shots into the air.",
			[]string{"175 ---MIL -", "150 ---MIL -"}},
		{"a number word as the crowd", "Thousands marched in Belgrade on Saturday.", []string{"141 SRBOPP@place -"}},
		{"a crowd after a clause opener", "Markets fell as thousands protested in Paris.", []string{"141 FRAOPP@place -"}},
		{"a number word is no crowd for violence", "Hundreds were killed in the fighting in Darfur.", []string{"190 ---@agentless -"}},
		{"purpose after a strike codes once", "Workers went on strike in Lagos to protest unpaid wages.", []string{"143 NGALAB@place -"}},
		{"a participle before an agent is an adjective", "Opposition supporters marched in Harare to demand the release of detained activists.",
			[]string{"141 ZWEOPP@place -"}},
		{"a bomb exploded, no toll", "A bomb exploded outside a police station in Quetta.", []string{"183 ---@agentless PAKCOP@place"}},
		{"a gas cylinder exploded", "A gas cylinder exploded in a restaurant in Lahore, killing three.", nil},
		{"a rocket exploded after liftoff", "A Delta rocket exploded after liftoff.", nil},
		// Economic senses of event verbs (Reuters precision sample).
		{"a quantity declined", "Brazil's monthly trade surplus declined to 150 million dollars in December.", nil},
		{"declining to give details is declining comment", "Canada declined to give further details.", []string{"011 CAN -"}},
		{"a central bank's money-market help", "The Bank of England provided the money market with 200 million pounds of help this morning.", nil},
		{"money-market help, the other order", "The Bank of England provided 24 million pounds of help to the money market.", nil},
		{"offering treasury bills", "The Italian treasury will offer 3 billion euros of treasury bills next week.", nil},
		{"cutting a trade surplus", "South Korea cut its trade surplus with the United States last year.", nil},
		{"leaving for a capital", "A Taiwanese trade delegation leaves for Washington on Monday to renegotiate a textile agreement.", nil},
		{"an earthquake's toll", "A quake measuring 6.9 on the Richter scale hit southern Japan, killing two people.", nil},
		{"meeting contracts", "Cuba must meet its export contracts this year.", nil},
		{"an economic warning is no threat (by banks, commerce: commercial.go)", "Other U.S. banks have also warned of earnings setbacks.", nil},
		{"market demand", "Further, U.S. demand could be sluggish this winter.", nil},
		{"co-proposers propose to no one of them", "Costa Rica, Ecuador, Honduras and Peru proposed a new export quota system.",
			[]string{"030 CRI -", "030 ECU -", "030 HND -", "030 PER -"}},
		{"helping finance a reform is no aid", "Germany's finance minister is looking for ways to help finance a planned tax reform.", nil},
		{"a participle after a possessive is an adjective", "Germany's proposed tax reform should be brought forward, economists said.", nil},
		{"a feared strike is no strike", "The company's shares were hit by fears of a strike at its mines in Chile.", nil},
		{"a mob burning churches riots", "A mob burned two churches in Kaduna after a rumour of blasphemy.",
			[]string{"145 NGACVL@place NGAREL"}},
		{"settlers burning a state's people's cars destroy property", "Settlers set fire to Palestinian cars in Huwara overnight.",
			[]string{"1712 ISRCVL@place PSE"}},
		{"an accusation told as a protest's message is the protest", "Hundreds of farmers marched on the agriculture ministry in Lima, accusing it of neglect.",
			[]string{"141 PERAGR@place PERGOVAGR"}},
		{"an accusation after an expulsion stays", "Russia expelled two Polish diplomats, accusing them of spying.",
			[]string{"174 RUS POLGOV", "1125 RUS POLGOV"}},
		{"protesters dispersed by police are repressed", "Students marching to the parliament in Dhaka were dispersed by police.",
			[]string{"175 BGDCOP@place BGDEDU"}},
		{"funds dispersed are no repression", "The funds were dispersed by the central bank in Nairobi.", nil},
		{"two agents with no state joined by and both act", "Students and rail workers marched through Paris against the pension reform.",
			[]string{"141 FRAEDU@place -", "141 FRALAB@place -"}},
		{"a force of order and troops both arrest", "Police and soldiers arrested 30 people in Lagos.",
			[]string{"173 NGACOP@place NGACVL", "173 NGAMIL@place NGACVL"}},
		{"a crowd rallying to protest", "Hundreds rallied outside the parliament in Nairobi to protest against tax rises.", []string{"141 KENOPP@place -"}},
	}
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)
	checkPartyCases(t, c, base, tests)
}

// partyCase is a sentence and the events it should code, each written
// "CODE SOURCE TARGET" (partyString; a party without "@how" matches any
// inference).
type partyCase struct {
	name, text string
	want       []string
}

// checkPartyCases codes each case's sentence as an article dated base and
// compares its events with the wanted ones, in order.
func checkPartyCases(t *testing.T, c *coder.Coder, base time.Time, tests []partyCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: base})
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

func partyString(p *petrel.Party) string {
	if p == nil {
		return "-"
	}
	if p.Inferred != "" {
		return p.Code + "@" + p.Inferred
	}
	return p.Code
}

// partyMatch compares an event string with a wanted one; a wanted party
// without "@how" matches whatever the inference.
func partyMatch(got, want string) bool {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) != len(w) {
		return false
	}
	for i := range w {
		if g[i] == w[i] {
			continue
		}
		if code, _, ok := strings.Cut(g[i], "@"); ok && !strings.Contains(w[i], "@") && code == w[i] {
			continue
		}
		return false
	}
	return true
}

// TestImpliedAgentEvidence: an agent the act implies is named by no word,
// so its evidence is the verb, never the victim it was arrested as.
func TestImpliedAgentEvidence(t *testing.T) {
	c := builtinCoder(t)
	text := "Opposition leader Ousmane Sonko was arrested in Dakar on Friday."
	doc := c.Code(&petrel.Article{ID: "implied", Text: text})
	if len(doc.Events) != 1 {
		t.Fatalf("got %d events, want 1", len(doc.Events))
	}
	s := doc.Events[0].Source
	if s == nil || s.Inferred != "implied" || text[s.Start:s.End] != "arrested" || s.Text != "arrested" {
		t.Errorf("source = %+v, want SENCOP inferred \"implied\" over the verb \"arrested\"", s)
	}
}

// TestAttackNounAgent: the agent of an attack noun that is the subject of
// a violent verb is the event's source ("an attack by militants killed
// five soldiers"), and a possessive date on that noun dates the event
// ("Monday's attack"); a verbal act about an attack is not dated by it.
func TestAttackNounAgent(t *testing.T) {
	c := builtinCoder(t)
	date := time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct{ text, want, date string }{
		{"An attack by militants killed five soldiers in Niger.", "NERREB 190 NERMIL", "2024-01-03"},
		{"Monday's attack by militants killed five soldiers in Niger.", "NERREB 190 NERMIL", "2024-01-01"},
		{"An ambush by jihadists killed 12 soldiers in northern Burkina Faso.", "BFAREB 190 BFAMIL", "2024-01-03"},
		{"Ukraine condemned Monday's attack on Kharkiv.", "UKR 111 -", "2024-01-03"},
	} {
		doc := c.Code(&petrel.Article{ID: "t", Text: tc.text, Date: date})
		if len(doc.Events) != 1 {
			t.Errorf("%q: %d events, want 1", tc.text, len(doc.Events))
			continue
		}
		e := doc.Events[0]
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		if got := e.Source.Code + " " + e.Code + " " + tgt; got != tc.want || e.Date != tc.date {
			t.Errorf("%q: %s on %s, want %s on %s", tc.text, got, e.Date, tc.want, tc.date)
		}
	}
}

// TestCasualtyVictims: an agentless means of violence in a casualty
// report takes the casualties as its target.
func TestCasualtyVictims(t *testing.T) {
	c := builtinCoder(t)
	text := "Two civilians were wounded when a landmine exploded under their car near Kidal."
	doc := c.Code(&petrel.Article{ID: "v", Text: text})
	if len(doc.Events) != 1 || doc.Events[0].Target == nil || doc.Events[0].Target.Code != "MLICVL" || doc.Events[0].Source.Code != "---" {
		t.Fatalf("%q: events %+v, want one --- 183 MLICVL", text, doc.Events)
	}
}
