package text_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"petrel"
	"petrel/text"
)

// kindLetter abbreviates token kinds in test tables.
var kindLetter = map[text.Kind]byte{
	text.Word: 'W', text.Number: 'N', text.Punct: 'P', text.Quote: 'Q',
	text.Possessive: 'S', text.Symbol: 'Y',
}

func tokenize(s string) []text.Token {
	return text.Tokenize(s, petrel.Span{Start: 0, End: len(s)}, nil)
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		toks  string // token texts joined by "|"
		kinds string // one letter per token, see kindLetter
	}{
		{"simple", "The talks ended.", "The|talks|ended|.", "WWWP"},
		{"negative contraction", "They didn't go", "They|did|n't|go", "WWWW"},
		{"won't can't", "won't can't don’t", "wo|n't|ca|n't|do|n’t", "WWWWWW"},
		{"clitics", "we're it's I'd they've we'll I'm", "we|'re|it|'s|I|'d|they|'ve|we|'ll|I|'m", "WWWWWWWWWWWW"},
		{"possessive curly", "the Taliban’s efforts", "the|Taliban|’s|efforts", "WWSW"},
		{"possessive straight", "Russia's army", "Russia|'s|army", "WSW"},
		{"plural possessive", "the countries' leaders", "the|countries|'|leaders", "WWSW"},
		{"abbreviation possessive", "the U.S.'s role", "the|U.S.|'s|role", "WWSW"},
		{"hyphens", "a two-decades-long al-Qaeda mid-August war", "a|two-decades-long|al-Qaeda|mid-August|war", "WWWWW"},
		{"internal apostrophe", "at five o'clock O'Brien and Côte d'Ivoire", "at|five|o'clock|O'Brien|and|Côte|d'Ivoire", "WWWWWWW"},
		{"abbreviations", "Gen. Smith of the U.S. met Mr. Jones at 9 a.m. on Jan. 5", "Gen.|Smith|of|the|U.S.|met|Mr.|Jones|at|9|a.m.|on|Jan.|5", "WWWWWWWWWNWWWN"},
		{"corporate", "Acme Co. and Foo Inc. and St. Louis", "Acme|Co.|and|Foo|Inc.|and|St.|Louis", "WWWWWWWW"},
		{"initial", "George W. Bush", "George|W.|Bush", "WWW"},
		{"abbreviation at end", "to the U.S.", "to|the|U.S.", "WWW"},
		{"normal word at end", "to the ministry.", "to|the|ministry|.", "WWWP"},
		{"numbers", "1,750 tonnes 11.8 pct 5.93 in 2021 of 10", "1,750|tonnes|11.8|pct|5.93|in|2021|of|10", "NWNWNWNWN"},
		{"money and percent", "$50 rose 10%", "$|50|rose|10|%", "YNWNY"},
		{"number then comma", "in 1990, 1991,2 and 5.", "in|1990|,|1991|,|2|and|5|.", "WNPNPNWNP"},
		{"No. before digit", "No. 5 and no.", "No.|5|and|no|.", "WNWWP"},
		{"ellipsis and dashes", "wait... now -- then — – -", "wait|...|now|--|then|—|–|-", "WPWPWPPP"},
		{"punct", "(a) [b]; c: d/e & f!?", "(|a|)|[|b|]|;|c|:|d|/|e|&|f|!|?", "PWPPWPPWPWPWPWPP"},
		{"curly quotes", "“Yes,” he said.", "“|Yes|,|”|he|said|.", "QWPQWWP"},
		{"straight quotes", `he said "no" and "yes."`, `he|said|"|no|"|and|"|yes|.|"`, "WWQWQWQWPQ"},
		{"single quotes", "the so-called 'peace plan' failed", "the|so-called|'|peace|plan|'|failed", "WWQWWQW"},
		{"single quote after s-word closes", "the 'new talks' began", "the|'|new|talks|'|began", "WQWWQW"},
		{"spaces", "a\tb\nc\u00a0d\u2003e\u200bf\u3000g", "a|b|c|d|e|f|g", "WWWWWWW"},
		{"unicode words", "Zürich naïve Москва 北京", "Zürich|naïve|Москва|北京", "WWWW"},
		{"emoji", "ok 👍 done", "ok|👍|done", "WYW"},
		{"AT&T", "AT&T and S&P rose; R & D", "AT&T|and|S&P|rose|;|R|&|D", "WWWWPWPW"},
		{"Ph.D.", "a Ph.D. student", "a|Ph.D.|student", "WWW"},
		{"U.S.-led", "the U.S.-led force", "the|U.S.|-|led|force", "WWPWW"},
		{"combining accent", "Cafe\u0301 open", "Cafe\u0301|open", "WW"},
		{"alphanumeric", "the G7 and 1980s and 3rd", "the|G7|and|1980s|and|3rd", "WWWWWW"},
		{"dates", "on 2021-10-19 at 10:30", "on|2021-10-19|at|10|:|30", "WWWNPN"},
		{"soft hyphen", "inter\u00adnational", "inter\u00adnational", "W"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := tokenize(tc.in)
			checkTokens(t, tc.in, petrel.Span{Start: 0, End: len(tc.in)}, toks)
			var texts []string
			var kinds []byte
			for _, tok := range toks {
				texts = append(texts, tc.in[tok.Start:tok.End])
				kinds = append(kinds, kindLetter[tok.Kind])
			}
			if got := strings.Join(texts, "|"); got != tc.toks {
				t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", tc.in, got, tc.toks)
			}
			if got := string(kinds); got != tc.kinds {
				t.Errorf("Tokenize(%q) kinds = %s, want %s", tc.in, got, tc.kinds)
			}
		})
	}
}

func TestTokenizeFlags(t *testing.T) {
	tests := []struct {
		in    string
		tok   string
		flags text.Flag
	}{
		{"Moscow said", "Moscow", text.Cap},
		{"NATO said", "NATO", text.Cap | text.AllCaps},
		{"the U.S. said", "U.S.", text.Cap | text.AllCaps},
		{"I said", "I", text.Cap},
		{"didn't", "n't", text.NegContraction},
		{"DIDN'T", "N'T", text.NegContraction | text.AllCaps},
		{"“Yes,” he", "“", text.Open},
		{"“Yes,” he", "”", text.Close},
		{`he said "no".`, `"`, text.Open},
		{"al-Qaeda", "al-Qaeda", 0},
		{"Élysée", "Élysée", text.Cap},
		{"ÉLYSÉE", "ÉLYSÉE", text.Cap | text.AllCaps},
		{"1st", "1st", 0},
	}
	for _, tc := range tests {
		toks := tokenize(tc.in)
		found := false
		for _, tok := range toks {
			if tc.in[tok.Start:tok.End] == tc.tok {
				found = true
				if tok.Flags != tc.flags {
					t.Errorf("Tokenize(%q): %q flags = %05b, want %05b", tc.in, tc.tok, tok.Flags, tc.flags)
				}
				break
			}
		}
		if !found {
			t.Errorf("Tokenize(%q): no token %q", tc.in, tc.tok)
		}
	}
}

func TestTokenizeSpanOffsets(t *testing.T) {
	s := "First one. Second, here."
	toks := text.Tokenize(s, petrel.Span{Start: 11, End: len(s)}, nil)
	var got []string
	for _, tok := range toks {
		got = append(got, tok.Of(s))
	}
	if g, w := strings.Join(got, "|"), "Second|,|here|."; g != w {
		t.Errorf("got %s, want %s", g, w)
	}
	if toks[0].Start != 11 {
		t.Errorf("first token starts at %d, want 11", toks[0].Start)
	}
	// Out-of-range spans are clipped, never panic.
	for _, sp := range []petrel.Span{{Start: -5, End: 3}, {Start: 20, End: 100}, {Start: 8, End: 2}, {Start: 100, End: 200}} {
		checkTokens(t, s, sp, text.Tokenize(s, sp, nil))
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	s := "a\xffb \xe2\x80 c\xc3"
	toks := tokenize(s)
	checkTokens(t, s, petrel.Span{Start: 0, End: len(s)}, toks)
	var got []string
	for _, tok := range toks {
		got = append(got, tok.Of(s))
	}
	if g, w := strings.Join(got, "|"), "a|\xff|b|\xe2|\x80|c|\xc3"; g != w {
		t.Errorf("got %q, want %q", g, w)
	}
	// A span that cuts a multi-byte character stays inside the span.
	s2 := "x “y”"
	toks = text.Tokenize(s2, petrel.Span{Start: 0, End: 3}, nil)
	checkTokens(t, s2, petrel.Span{Start: 0, End: 3}, toks)
}

func TestTokenizeNoAlloc(t *testing.T) {
	s := "Russia recognises the Taliban’s “efforts” to stabilise Afghanistan, Lavrov said, didn't he? 1,750 U.S. dlrs."
	sp := petrel.Span{Start: 0, End: len(s)}
	dst := make([]text.Token, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		dst = text.Tokenize(s, sp, dst[:0])
	})
	if allocs != 0 {
		t.Errorf("Tokenize allocates %v times per run, want 0", allocs)
	}
	spans := make([]petrel.Span, 0, 16)
	allocs = testing.AllocsPerRun(100, func() {
		spans = text.Sentences(s+" The end. Mr. Smith left the U.S. The end.", spans[:0])
	})
	if allocs > 1 { // the string concatenation
		t.Errorf("Sentences allocates %v times per run, want 0", allocs)
	}
}

// checkTokens fails t unless toks are inside span sp of s (clipped to s),
// non-empty, increasing and non-overlapping.
func checkTokens(t testing.TB, s string, sp petrel.Span, toks []text.Token) {
	t.Helper()
	lo, hi := max(sp.Start, 0), min(sp.End, len(s))
	prev := lo
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > hi {
			t.Fatalf("token %d [%d,%d) invalid (prev end %d, span [%d,%d))", i, tok.Start, tok.End, prev, lo, hi)
		}
		if tok.Kind < text.Word || tok.Kind > text.Symbol {
			t.Fatalf("token %d has kind %d", i, tok.Kind)
		}
		prev = tok.End
	}
}

func TestAppendNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Moscow", "moscow"},
		{"U.S.", "u.s."},
		{"Taliban’s", "taliban's"},
		{"’s", "'s"},
		{"‘", "'"},
		{"“", `"`},
		{"”", `"`},
		{"—", "-"},
		{"–", "-"},
		{"ÉLYSÉE", "élysée"},
		{"МОСКВА", "москва"},
		{"inter\u00adnational", "international"},
		{"a\xffB", "a\xffb"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := string(text.AppendNorm(nil, tc.in)); got != tc.want {
			t.Errorf("AppendNorm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = text.AppendNorm(buf[:0], "Taliban’s ÉLYSÉE") }); n != 0 {
		t.Errorf("AppendNorm allocates %v times, want 0", n)
	}
	if !utf8.ValidString(string(text.AppendNorm(nil, "Ǆ ǅ ǆ"))) {
		t.Error("AppendNorm produced invalid UTF-8")
	}
}
