package coder_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
)

// TestUnknownNameBlocksIt codes short articles and reads which actor a
// pronoun of the last sentence resolved to ("" when it stayed uncoded).
// An unknown name, most often a company, stands between "it" and the
// actors named before it; a person's name, a possessive and a plural
// pronoun do not.
func TestUnknownNameBlocksIt(t *testing.T) {
	tests := []struct {
		name, text, pron, want string
	}{
		{"no name between: it is the state", "France held talks with its unions on Monday. It said it would close two consulates.",
			"it", "FRA"},
		{"an unknown company is what it means", "France held talks with its unions on Monday. Belvaro Industries said it would close two plants.",
			"it", ""},
		{"an unknown company in the same sentence as the state", "Belvaro Industries of France said on Monday that it would close two plants.",
			"it", ""},
		{"a company set off as an appositive speaks", "France raised its gas tax. Halvor Gas Plc, a Lyon, France, oil company, said it had bought a stake in a refinery.",
			"it", ""},
		{"a possessive name is no antecedent", "Indonesia raised its fuel prices. The Fentoria Fund's largest debtor, it has borrowed from the World Bank.",
			"it", "IDN"},
		{"a person's name keeps the person for he", "Canada's foreign minister arrived in Tokyo on Monday. Hollbrook said he would meet Japan's prime minister.",
			"he", "CANGOV"},
		{"a surname of a titled name is the person, not a company", "Germany raised interest rates on Monday. Finance Minister Dana Whitlow defended the move, and Whitlow said it would cut them again if inflation fell.",
			"it", "DEU"},
		{"a name is singular: they still means the states", "Saudi Arabia raised oil prices. Belvaro cancelled a purchase from the Saudis after they refused a letter of credit.",
			"they", "SAU"},
		{"plural speakers are they, not the state", "Chile raised its interest rates on Monday. Bankers said the move would slow lending. They worry that deposits will fall.",
			"they", ""},
		{"speakers before said in the same sentence", "Peru devalued its currency on Tuesday. Copper exporters said they would cut shipments to Asia.",
			"they", ""},
		{"a state adjective before plural speakers", "Norway raised its fuel taxes. Norwegian hauliers said they would block the ports.",
			"they", ""},
		{"officials speak for the state", "Japan raised its tariffs on steel. Officials said they would review the measure in May.",
			"they", "JPN"},
		{"sources of a named body are the body", "Greece asked the European Commission for aid. European Commission sources said they would study the request.",
			"they", "IGOEUREEC"},
		{"the object of a verb is not they", "Bolivia closed two tin mines on Monday. Police dispersed hundreds of striking miners in Oruro after Bolivia said they had blocked a road.",
			"they", "BOL"},
		{"a plural noun modifying another is no speaker", "Indonesia and the U.S. signed a space accord. An Indonesian communications satellite was launched after they met.",
			"they", "IDN"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastResolved(c, tt.text, tt.pron); got != tt.want {
				t.Errorf("%q: %q resolved to %q, want %q", tt.text, tt.pron, got, tt.want)
			}
		})
	}
}

// TestTheyTakesPluralAgent codes "they" after a plural agent with no state
// ("Maoist guerrillas said they …"): the agent acts, its country from the
// place, not the state named before.
func TestTheyTakesPluralAgent(t *testing.T) {
	c := builtinCoder(t)
	text := "Peru's army reported heavy fighting in Ayacucho on Monday. Maoist guerrillas said they had blown up a power pylon near Lima."
	got := triples(c, text)
	if !slices.Contains(got, "183 PERREB→PER") {
		t.Errorf("%q: want 183 PERREB→PER, got %v", text, got)
	}
	if slices.Contains(got, "183 PERMIL→PER") {
		t.Errorf("%q: they coded as the army named before: %v", text, got)
	}
}

// TestWeIsTheQuotedSpeaker codes short articles and reads which actor the
// last "We" resolved to ("" when it stayed uncoded): the speaker of the
// quotation that holds it, named after it, before it ("X told reporters:
// “…"), or before a colon after a verb of its own; never the speaker of
// an earlier quotation, nor the addressee before a colon.
func TestWeIsTheQuotedSpeaker(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"named after the quotation", `Peru raised tariffs. "We will open talks with Chile next week," Peru's trade minister said.`, "PERGOV"},
		{"named before a quotation that runs on", `Norway's foreign minister told reporters: "The report is wrong. We will summon the ambassador."`, "NORGOV"},
		{"a verb and a colon", `Japan's trade minister said: "Markets are calm." Exports rose in May. Imports fell. Canada's trade minister also agreed: "We are meeting in a time of tension. We must act now."`, "CANGOV"},
		{"not the addressee before a colon", `Italy's prime minister said he would tell Egypt's president: "We want to lift these restrictions soon."`, ""},
		{"not an earlier speaker", `Japan's trade minister said: "Markets are calm and steady this week." Exports rose in May. Imports fell in June. Prices were steady. "We captured the high ground in fibre," a company executive said.`, ""},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)})
			at := strings.LastIndex(tt.text, "We ")
			got := ""
			for _, m := range doc.Mentions {
				if m.Kind == petrel.KindPronoun && m.Span.Start == at {
					got = m.Code
				}
			}
			if got != tt.want {
				t.Errorf("%q: the last We resolved to %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestExpletiveIt codes short articles and reads what the "it" that
// begins the marked words resolved to ("" when it stayed uncoded): an
// "it" that stands for no one ("it is up to Ecuador to", "it would be
// foolish for Japan to", "it seems") or for a speaker with no code
// ("Belvarex said it", "the company said it") takes no actor; "it is
// ready to", "it is negotiating" and "the ministry said it" are the
// actor's.
func TestExpletiveIt(t *testing.T) {
	tests := []struct {
		name, text, at, want string
	}{
		{"up to", "Ecuador asked for help. The IMF said it would lend, but it is up to Ecuador to request the money.", "it is up", ""},
		{"would be foolish for", "Japan imposed tariffs. A French official said it would be foolish for Japan to retaliate.", "it would be", ""},
		{"not possible for", "Greece raised its defence budget. Athens said it would not be possible for Greece to discuss the bases.", "it would not", ""},
		{"it seems", "Iran shelled the port. It seems the shells came from an exchange of fire.", "It seems", ""},
		{"a plot by", "Chile left the forum. It is a plot by Peru to isolate us, a Chilean official said.", "It is a plot", ""},
		{"a company opening the sentence", "France raised its tariffs. Belvarex said it would close two plants in Lyon.", "it would", ""},
		{"the company said it", "Canada cut its rates. The company said it had signed a supply agreement with Chile.", "it had", ""},
		{"the ministry said it keeps the state", "Canada cut its rates. The ministry said it would review the ban on Chilean beef.", "it would", "CAN"},
		{"ready to is the actor's", "Iran rejected the plan. Iran said it is ready to negotiate with Iraq.", "it is ready", "IRN"},
		{"is negotiating is the actor's", "Brazil suspended payments. Brazil said it is negotiating with its creditors.", "it is negotiating", "BRA"},
		{"likely to is the actor's", "Kenya raised tariffs. Kenya said it was likely to lift them in May.", "it was likely", "KEN"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := c.Code(&petrel.Article{ID: "t", Text: tt.text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)})
			at := strings.LastIndex(tt.text, tt.at)
			got := ""
			for _, m := range doc.Mentions {
				if m.Kind == petrel.KindPronoun && m.Span.Start == at {
					got = m.Code
				}
			}
			if got != tt.want {
				t.Errorf("%q: %q resolved to %q, want %q", tt.text, tt.at, got, tt.want)
			}
		})
	}
}

// TestAgentSpeakerIt: an unnamed speaker's "it", with no state named
// before, is that speaker, which takes the state of the place or the
// dateline as any unnamed agent does; a state named before keeps "it"
// (TestExpletiveIt, "the ministry said it").
func TestAgentSpeakerIt(t *testing.T) {
	c := builtinCoder(t)
	for _, tc := range []struct{ text, source string }{
		{"The army said on Sunday it had killed 20 militants in northern Burkina Faso.", "BFAMIL"},
		{"BAMAKO (Reuters) - The military said it had repelled an attack by jihadists.", "MLIMIL"},
		{"The army said on Tuesday that it had shelled rebel positions near Goma.", "CODMIL"},
	} {
		doc := c.Code(&petrel.Article{ID: "t", Text: tc.text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)})
		got := ""
		for _, e := range doc.Events {
			if e.Source.Text == "it" {
				got = e.Source.Code
			}
		}
		if got != tc.source {
			t.Errorf("%q: the event of \"it\" has source %q, want %q (%d events)", tc.text, got, tc.source, len(doc.Events))
		}
	}
}

// TestGovernmentIsWhose codes short articles and reads which state an
// unqualified "the government" or "the administration" of the last
// sentence resolved to. It is the government of the state that speaks or
// acts as one, not of the last state named: the speaker's, else that of
// the last government actor named, else the state the article names
// most (of two named equally often, the one named first).
func TestGovernmentIsWhose(t *testing.T) {
	tests := []struct {
		name, text, descr, want string
	}{
		{"the state the article is about, not the last one named",
			"Canada will tighten checks on steel shipments, trade sources said. Canada's steel exports to the United States rose by a fifth last year. The sources said the government would investigate the claims.",
			"the government", "CANGOV"},
		{"two states named equally often in the lede: the first",
			"Canada will tighten checks on steel shipped to the United States, trade sources said. The sources said the government would investigate the claims.",
			"the government", "CANGOV"},
		{"the speaker's administration",
			"Japan raised its tariffs on American beef on Monday. A White House spokesman said Japan's move was unfair and the administration had asked Tokyo for talks.",
			"the administration", "USAGOV"},
		{"the government of the last government actor named",
			"Japan's trade surplus widened in May. The U.S. trade representative said on Monday that Japan must open its markets. Officials said the administration would ask Congress for new powers.",
			"the administration", "USAGOV"},
		{"one state named: its government",
			"Kenya raised fuel prices by a tenth on Monday. Traders said the government had no choice.",
			"the government", "KENGOV"},
		{"two states named equally often: the one named first",
			"Chile sold copper to China last year. Bankers said the government would raise its export tax.",
			"the government", "CHLGOV"},
	}
	c := builtinCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastResolved(c, tt.text, tt.descr); got != tt.want {
				t.Errorf("%q: %q resolved to %q, want %q", tt.text, tt.descr, got, tt.want)
			}
		})
	}
}

// lastResolved codes text and returns the code its last sentence's
// pronoun or description phrase (a mention of kind pronoun) resolved to,
// or "".
func lastResolved(c *coder.Coder, text, phrase string) string {
	doc := c.Code(&petrel.Article{ID: "t", Text: text, Date: time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)})
	last := strings.LastIndex(text, ". ") + 1
	for _, m := range doc.Mentions {
		if m.Kind == petrel.KindPronoun && m.Span.Start >= last && strings.EqualFold(m.Text, phrase) {
			return m.Code
		}
	}
	return ""
}
