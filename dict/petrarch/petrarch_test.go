package petrarch

import (
	"io"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/dict"
)

// peer is the shared PETRARCH-2 distribution (MIT), read in place.
const peer = "../../../shared/peer/petrarch2/"

func needPeer(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(peer + "CAMEO.2.0.txt"); err != nil {
		tb.Skipf("shared PETRARCH files not found at %s: %v", peer, err)
	}
}

// phraseText renders a phrase as "word word".
func phraseText(p dict.Phrase) string {
	var ws []string
	for _, w := range p.Words {
		ws = append(ws, w.Text)
	}
	return strings.Join(ws, " ")
}

func phraseTexts(ps []dict.Phrase) []string {
	var out []string
	for _, p := range ps {
		out = append(out, phraseText(p))
	}
	return out
}

// diagLines renders diagnostics as "line: message" for comparison.
func diagLines(ds dict.Diagnostics) []int {
	var out []int
	for _, d := range ds {
		out = append(out, d.Line)
	}
	return out
}

func TestVerbForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"attend", []string{"attends", "attended", "attending"}},
		{"agree", []string{"agrees", "agreed", "agreeing"}},
		{"accuse", []string{"accuses", "accused", "accusing"}},
		{"carry", []string{"carries", "carried", "carrying"}},
		{"play", []string{"plays", "played", "playing"}},
		{"ban", []string{"bans", "baned", "baning", "banned", "banning"}},
		{"push", []string{"pushes", "pushed", "pushing"}},
		{"fix", []string{"fixes", "fixed", "fixing"}},
		{"die", []string{"dies", "died", "dying"}},
		{"go", []string{"goes", "goed", "going"}},
	}
	for _, tt := range tests {
		if got := verbForms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("verbForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for in, want := range map[string]string{"minister": "ministers", "authority": "authorities", "attorney": "attorneys", "congress": "congresses", "church": "churches"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"- * EFFORT  [987]  ", "* effort [987]", ""},
		{"- * NEW_&TIETYPES_RELATIONS [903]", "* new_&TIETYPES_relations [903]", ""},
		{"- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]", "suggested_+ * demand_&GENINT_conventions [111]", ""},
		{"- IN_*  [075]", "in_* [075]", ""},
		{"- IN_ *  [075A]", "in * [075A]", ""},
		{"- *_OUT [074]", "*_out [074]", ""},
		{"- SO IN_AND_*_OUT_AGAIN NOW [074]", "so in_and_*_out_again now [074]", ""},
		{"- % * [030:030]", "% * [030:030]", ""},
		{"- + WAS_ * TO_ ^ FROM $  [174]", "+ was * to from $ [174]", ""},
		{"- * IFTAR AT ^ ^ +  [044]", "* iftar at + [044]", ""},
		{"- * (TO)   [042:043]", "* to [042:043]", ""},
		{"- * POLICE (TO BORDER)  [153]", "* police to border [153]", ""},
		{"- * (TO LIST) (OF {BANNED PARTIES}) [1722]", "* to list of banned_parties [1722]", ""},
		{"- * &SECURITY (OVER {&WEAPON ATTACK})  [151]", "* &SECURITY over &WEAPON_attack [151]", ""},
		{"- * (BEFORE COURT)   [:173]", "* before court [:173]", ""},
		{"- *SCEPTICAL  [012]", "* sceptical [012]", ""},
		{"- * FXLL DIPLOMATIC  [+++]", "* fxll diplomatic [+++]", ""},
		{"- * TO  [174K]", "* to [174K]", ""},
		{"- * DIPLXMATIC  [", "", "missing ']' after the code"},
		{"- * TIES", "", "no [code]"},
		{"- TIES [010]", "", "needs exactly one '*'"},
		{"- * * TIES [010]", "", "needs exactly one '*'"},
		{"- * (ON ^)   ^)[111]", "", "unbalanced ')'"},
		{"- * (ON [111]", "", "unbalanced parentheses or braces"},
	}
	for _, tt := range tests {
		p, msg := parsePattern(tt.in[1:])
		if msg != tt.err {
			t.Errorf("parsePattern(%q) error = %q, want %q", tt.in, msg, tt.err)
			continue
		}
		if msg == "" {
			if got := render(p); got != tt.want {
				t.Errorf("parsePattern(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

func TestReadVerbs(t *testing.T) {
	const src = `<!-- a test dictionary -->
<!-- spanning
     lines -->
&CURRENCY  # money
+DOLLARS
+SWISS FRANC
+GOLDEN_GOBLIN_GALLEONS_
+&ALTCURR

&ALTCURR_
+BITCOIN
+&EMPTY

&EMPTY

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING GIVES}  # jw
CLARIFY [040]
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
RE_+ARREST
LASH OUT
- * &CURRENCY [903] # comment
- * &NOSUCH [904]
- * RUPEES
+STRAY
~ a (a b ATTACK) SAY = a b 015
--- EMPTY ---
- * X [010]
`
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := ReadVerbs(d, "v.txt", strings.NewReader(src), &diags); err != nil {
		t.Fatal(err)
	}
	if got, want := phraseTexts(d.Synsets["CURRENCY"]), []string{"dollars", "swiss franc", "swiss francs", "golden goblin galleons", "bitcoin"}; !slices.Equal(got, want) {
		t.Errorf("CURRENCY = %q, want %q", got, want)
	}
	if got, want := len(d.Verbs), 2; got != want {
		t.Fatalf("got %d verbs, want %d", got, want)
	}
	v := d.Verbs[0]
	if v.Code != "070" || v.Lemma != "grant" {
		t.Errorf("verb 0 = %q [%s], want grant [070]", v.Lemma, v.Code)
	}
	forms := phraseTexts(v.Forms)
	for _, f := range []string{"grant", "granted", "gave", "given", "break down", "broke down", "re arrest", "re arrested", "lash out", "lashed out", "stray", "strays"} {
		if !slices.Contains(forms, f) {
			t.Errorf("forms lack %q: %q", f, forms)
		}
	}
	for _, f := range []string{"gived", "giving down", "breaking down"} {
		if slices.Contains(forms, f) {
			t.Errorf("forms have unexpected %q", f)
		}
	}
	if got := phraseTexts(d.Verbs[1].Forms); d.Verbs[1].Code != "040" || !slices.Equal(got, []string{"clarify", "clarifies", "clarified", "clarifying"}) {
		t.Errorf("verb 1 = [%s] %q, want CLARIFY's forms with code 040", d.Verbs[1].Code, got)
	}
	if len(v.Patterns) != 1 || render(v.Patterns[0]) != "* &CURRENCY [903]" {
		t.Errorf("patterns = %d, want only * &CURRENCY [903]", len(v.Patterns))
	}
	if &v.Patterns[0] != &d.Verbs[1].Patterns[0] {
		t.Errorf("verbs of one block do not share their patterns")
	}
	if p := v.Patterns[0]; p.Rule.File != "v.txt" || p.Rule.Line != 23 {
		t.Errorf("pattern rule = %v, want v.txt:23", p.Rule)
	}
	// 25: no code; 28: pattern without verbs in its block; 24: undefined
	// synset (reported at the end); 27: one report for the ~ lines. The
	// reference to the empty &EMPTY is not an error.
	if got, want := diagLines(diags), []int{25, 24, 28, 27}; !slices.Equal(got, want) {
		t.Errorf("diagnostics at lines %v, want %v:\n%v", got, want, diags)
	}
}

func TestReadActors(t *testing.T) {
	const src = `# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL ; TABARI comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
	[RUSELI 700101-990809]
	[RUSGOV 991231-080507]
	[RUSGOV >080508]
	[RUSELI]
LEONID_BREZHNEV_
SECRETARY_BREZHNEV_
	[RUSGOV 19641014 - 19821110]
ENT  
	[ent]
GOLLUM
	[HOB < 950601]
	[HOBREB > 990816]
	[HOBGOV 19950601-950531]
	[HOBGOV 950631-960101]
	[HOBGOV 950101]
JAVIER_DE_CUELLAR_	[IGOUNO 820101-911231] [ELI]
THE_SHIRE  [FRO/BIL/SAM]
UNITED_NATIONS [IGOUNO]
AMNESTY_INTERNATIONAL [NGOAMN]
HAMAS [PSEREBHMS]
NOCODE_AT_END
`
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := ReadActors(d, "a.txt", strings.NewReader(src), &diags); err != nil {
		t.Fatal(err)
	}
	type want struct {
		names   string
		roles   []dict.Role
		kind    string
		country string
	}
	wants := []want{
		{"afghanistan|afghan|kabul", []dict.Role{{Code: "AFG"}}, petrel.KindCountry, "AFG"},
		{"vladimir putin|putin", []dict.Role{
			{Code: "RUSELI", From: "1970-01-01", To: "1999-08-09"},
			{Code: "RUSGOV", From: "1999-12-31", To: "2008-05-07"},
			{Code: "RUSGOV", From: "2008-05-08"},
			{Code: "RUSELI"}}, petrel.KindPerson, "RUS"},
		{"leonid brezhnev|secretary brezhnev", []dict.Role{{Code: "RUSGOV", From: "1964-10-14", To: "1982-11-10"}}, petrel.KindPerson, "RUS"},
		{"ent", []dict.Role{{Code: "ENT"}}, petrel.KindCountry, "ENT"},
		{"gollum", []dict.Role{{Code: "HOB", To: "1995-06-01"}, {Code: "HOBREB", From: "1999-08-16"}, {Code: "HOBGOV"}}, petrel.KindPerson, ""},
		{"javier de cuellar", []dict.Role{{Code: "IGOUNO", From: "1982-01-01", To: "1991-12-31"}, {Code: "ELI"}}, petrel.KindPerson, ""},
		{"the shire", []dict.Role{{Code: "FRO/BIL/SAM"}}, petrel.KindGroup, ""},
		{"united nations", []dict.Role{{Code: "IGOUNO"}}, petrel.KindIGO, ""},
		{"amnesty international", []dict.Role{{Code: "NGOAMN"}}, petrel.KindGroup, ""},
		{"hamas", []dict.Role{{Code: "PSEREBHMS"}}, petrel.KindGroup, "PSE"},
		{"nocode at end", nil, petrel.KindGroup, ""},
	}
	if len(d.Actors) != len(wants) {
		t.Fatalf("got %d actors, want %d", len(d.Actors), len(wants))
	}
	for i, w := range wants {
		a := d.Actors[i]
		if got := strings.Join(phraseTexts(a.Names), "|"); got != w.names {
			t.Errorf("actor %d names = %q, want %q", i, got, w.names)
		}
		if !reflect.DeepEqual(a.Roles, w.roles) {
			t.Errorf("actor %s roles = %+v, want %+v", w.names, a.Roles, w.roles)
		}
		if a.Kind != w.kind || a.Country != w.country {
			t.Errorf("actor %s kind, country = %s, %q, want %s, %q", w.names, a.Kind, a.Country, w.kind, w.country)
		}
	}
	if got := d.Actors[1].CodeOn("2010-01-01"); got != "RUSGOV" {
		t.Errorf("Putin on 2010-01-01 = %s, want RUSGOV", got)
	}
	if got := d.Actors[1].Display; got != "Vladimir Putin" {
		t.Errorf("Display = %q", got)
	}
	// 19: range ends before it starts; 20: no such day; 21: no <, > or
	// range; 27: no code.
	if got, want := diagLines(diags), []int{19, 20, 21, 27}; !slices.Equal(got, want) {
		t.Errorf("diagnostics at lines %v, want %v:\n%v", got, want, diags)
	}
}

func TestIsoDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"080508", "2008-05-08"},
		{"300101", "2030-01-01"},
		{"310101", "1931-01-01"},
		{"990809", "1999-08-09"},
		{"19940922", "1994-09-22"},
		{"20000229", "2000-02-29"},
		{"19000229", ""},
		{"9913", ""},
		{"99x101", ""},
	}
	for _, tt := range tests {
		got, _, err := isoDate(tt.in)
		if (err != nil) != (tt.want == "") || got != tt.want {
			t.Errorf("isoDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestReadAgents(t *testing.T) {
	const src = `<!-- agents -->
!PERSON! = MAN, MEN, WOMAN
PARLIAMENTARY_OPPOSITION {} [~OPP] #jap 11 Oct 2002
AUTHORITY [~GOV]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY  [NGO~]
POLICE {} [ ~COP]
NOCODE
BAD [GOV]
!NOSUCH!_OF_SILLY_WALKS [~GOV]
`
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := ReadAgents(d, "g.txt", strings.NewReader(src), &diags); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		names  string
		code   string
		prefix bool
	}{
		{"parliamentary opposition", "OPP", false},
		{"authority|authorities", "GOV", false},
		{"congress|congresses", "LEG", false},
		{"congressman|congressmen|congresswoman", "LEG", false},
		{"attorney general|attorneys general", "GOVATG", false},
		{"human rights body|human rights bodies", "NGO", true},
		{"police", "COP", false},
	}
	if len(d.Agents) != len(tests) {
		t.Fatalf("got %d agents, want %d", len(d.Agents), len(tests))
	}
	for i, tt := range tests {
		a := d.Agents[i]
		if got := strings.Join(phraseTexts(a.Names), "|"); got != tt.names || a.Code != tt.code || a.Prefix != tt.prefix {
			t.Errorf("agent %d = %q %s prefix=%v, want %q %s prefix=%v", i, got, a.Code, a.Prefix, tt.names, tt.code, tt.prefix)
		}
	}
	if got, want := diagLines(diags), []int{10, 11, 12}; !slices.Equal(got, want) {
		t.Errorf("diagnostics at lines %v, want %v:\n%v", got, want, diags)
	}
}

func TestReadDiscards(t *testing.T) {
	const src = "# discards\nMONTHS LATER\n+Manchester United   # pas\nBASEBALL_\n+\n"
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := ReadDiscards(d, "x.txt", strings.NewReader(src), &diags); err != nil {
		t.Fatal(err)
	}
	want := []*dict.Discard{
		{Phrase: dict.Phrase{Words: []dict.Word{{Text: "months", Exact: true}, {Text: "later", Exact: false}}}},
		{Phrase: dict.Phrase{Words: []dict.Word{{Text: "manchester", Exact: true}, {Text: "united", Exact: false}}}, Story: true},
		{Phrase: dict.Phrase{Words: []dict.Word{{Text: "baseball", Exact: true}}}},
	}
	if len(d.Discards) != len(want) {
		t.Fatalf("got %d discards, want %d", len(d.Discards), len(want))
	}
	for i, w := range want {
		got := *d.Discards[i]
		got.Rule = dict.Source{}
		if !reflect.DeepEqual(got, *w) {
			t.Errorf("discard %d = %+v, want %+v", i, got, *w)
		}
	}
	if got, want := diagLines(diags), []int{5}; !slices.Equal(got, want) {
		t.Errorf("diagnostics at lines %v, want %v", got, want)
	}
}

func TestReadIssues(t *testing.T) {
	const src = `<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
pre+n:school [EARLY]
ethnic v:purge [ATROCITY]
~a head start
~~Armenian genocide
no code here
</ISSUE>
`
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := ReadIssues(d, "i.txt", strings.NewReader(src), &diags); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range d.Issues {
		got = append(got, phraseText(is.Phrase)+"="+is.Code)
	}
	want := []string{
		"pre school=EARLY", "pre schools=EARLY", "pre-school=EARLY", "pre-schools=EARLY",
		"ethnic purge=ATROCITY", "ethnic purges=ATROCITY", "ethnic purged=ATROCITY", "ethnic purging=ATROCITY",
		"a head start=~", "armenian genocide=~~",
	}
	if !slices.Equal(got, want) {
		t.Errorf("issues = %q\nwant %q", got, want)
	}
	if got, want := diagLines(diags), []int{6}; !slices.Equal(got, want) {
		t.Errorf("diagnostics at lines %v, want %v", got, want)
	}
}

func TestMalformedInput(t *testing.T) {
	// Readers must not panic on junk and must report it.
	junk := "[\n+\n]]]\n- [\n---\n&\n+&\n{}\n!x!=\n~\n\xff\xfe\n--- A [---\nA {B\n- * (\n"
	for name, read := range map[string]func(*dict.Dictionary, string, io.Reader, *dict.Diagnostics) error{
		"verbs": ReadVerbs, "actors": ReadActors, "agents": ReadAgents, "discards": ReadDiscards, "issues": ReadIssues,
	} {
		var diags dict.Diagnostics
		if err := read(&dict.Dictionary{}, "junk.txt", strings.NewReader(junk), &diags); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(diags) == 0 {
			t.Errorf("%s: no diagnostics for junk", name)
		}
	}
}

// loadPhoenix loads the dictionary set of PETRARCH-2's PETR_config.ini.
func loadPhoenix(tb testing.TB, diags *dict.Diagnostics) *dict.Dictionary {
	tb.Helper()
	d, err := LoadFiles(peer+"CAMEO.2.0.txt",
		[]string{peer + "Phoenix.Countries.actors.txt", peer + "Phoenix.International.actors.txt", peer + "Phoenix.MilNonState.actors.txt"},
		peer+"Phoenix.agents.txt", peer+"Phoenix.discards.txt", "", diags)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func countPatterns(d *dict.Dictionary) int {
	seen := map[*dict.Pattern]bool{}
	for _, v := range d.Verbs {
		for _, p := range v.Patterns {
			seen[p] = true
		}
	}
	return len(seen)
}

func TestPhoenix(t *testing.T) {
	needPeer(t)
	var diags dict.Diagnostics
	d := loadPhoenix(t, &diags)
	counts := map[string][2]int{ // got, minimum
		"actors":   {len(d.Actors), 27000},
		"agents":   {len(d.Agents), 2200},
		"verbs":    {len(d.Verbs), 450},
		"patterns": {countPatterns(d), 4600},
		"synsets":  {len(d.Synsets), 40},
		"discards": {len(d.Discards), 500},
	}
	for name, c := range counts {
		if c[0] < c[1] {
			t.Errorf("%s: got %d, want at least %d", name, c[0], c[1])
		}
		t.Logf("%s: %d", name, c[0])
	}
	if len(diags) > 40 {
		t.Errorf("%d diagnostics; the files have about 30 bad lines:\n%v", len(diags), diags)
	}

	var putin *dict.Actor
	for _, a := range d.Actors {
		if a.Display == "Vladimir Putin" {
			putin = a
		}
	}
	if putin == nil {
		t.Fatal("no VLADIMIR_PUTIN_")
	}
	if !slices.Contains(phraseTexts(putin.Names), "putin") {
		t.Errorf("Putin's names lack PUTIN_: %q", phraseTexts(putin.Names))
	}
	if !slices.Contains(putin.Roles, dict.Role{Code: "RUSGOV", From: "2008-05-08"}) {
		t.Errorf("Putin's roles lack RUSGOV from 2008-05-08: %+v", putin.Roles)
	}
	if putin.Kind != petrel.KindPerson || putin.Country != "RUS" {
		t.Errorf("Putin is %s/%s, want person/RUS", putin.Kind, putin.Country)
	}

	found := false
	for _, v := range d.Verbs {
		if !slices.Contains(phraseTexts(v.Forms), "rush") {
			continue
		}
		for _, p := range v.Patterns {
			if render(p) == "* to [042:043]" {
				found = true
			}
		}
	}
	if !found {
		t.Error("the block with RUSH has no pattern * (TO) [042:043]")
	}
}

func TestValidateSet(t *testing.T) {
	needPeer(t)
	var diags dict.Diagnostics
	d, err := LoadFiles(peer+"PETR.Validate.verbs.txt", []string{peer + "PETR.Validate.actors.txt"},
		peer+"PETR.Validate.agents.txt", peer+"PETR.Validate.discards.txt", "", &diags)
	if err != nil {
		t.Fatal(err)
	}
	cur := phraseTexts(d.Synsets["CURRENCY"])
	members := []string{"dollars", "euros", "austrian florin", "golden goblin galleons", "peso", "kroner", "yum yennyen", "javanese yen", "swiss francs", "yen"}
	for _, m := range members {
		if !slices.Contains(cur, m) {
			t.Errorf("&CURRENCY lacks %q", m)
		}
	}
	// 10 members and the plurals of the 6 that do not end in S.
	if len(cur) != 16 {
		t.Errorf("&CURRENCY has %d phrases, want 10 members + 6 plurals: %q", len(cur), cur)
	}
	// ACCORDSYN embeds &TIETYPES and &CURRENCY.
	if acc := phraseTexts(d.Synsets["ACCORDSYN"]); !slices.Contains(acc, "military") || !slices.Contains(acc, "javanese yen") {
		t.Errorf("&ACCORDSYN not expanded: %q", acc)
	}
	// The first-light actors follow a "<!--" comment opened on one line and
	// closed on the next.
	codes0 := map[string]string{}
	for _, a := range d.Actors {
		codes0[phraseText(a.Names[0])] = a.CodeOn("")
	}
	if codes0["hamas"] != "PSEREBHMS" || codes0["palestinian"] != "PSE" || codes0["ent"] != "ENT" {
		t.Errorf("HAMAS, PALESTINIAN, ENT = %q, %q, %q", codes0["hamas"], codes0["palestinian"], codes0["ent"])
	}
	if got := countPatterns(d); got < 470 {
		t.Errorf("%d patterns, want at least 470", got)
	}
	codes := map[string]bool{}
	for _, v := range d.Verbs {
		for _, p := range v.Patterns {
			codes[p.Code] = true
		}
	}
	for _, c := range []string{"174K", "030:030", "---", "+++"} {
		if !codes[c] {
			t.Errorf("no pattern with code %q", c)
		}
	}
	if len(diags) != 1 { // "- * DIPLXMATIC  [" is the only bad line
		t.Errorf("diagnostics: %v", diags)
	}
}

// BenchmarkLoadPhoenix loads the Phoenix set PETRARCH-2 ships with: three
// actor files, agents, discards and CAMEO.2.0.txt.
func BenchmarkLoadPhoenix(b *testing.B) {
	needPeer(b)
	b.ReportAllocs()
	for b.Loop() {
		loadPhoenix(b, nil)
	}
}

// TestLoadPhoenixTime guards the load budget: well under a second.
func TestLoadPhoenixTime(t *testing.T) {
	needPeer(t)
	if testing.Short() {
		t.Skip("timing test")
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start, cpu0 := time.Now(), cpuTime()
	loadPhoenix(t, nil)
	el, cpu := time.Since(start), cpuTime()-cpu0
	runtime.ReadMemStats(&m1)
	t.Logf("Phoenix set loaded in %v (%v CPU), %.1f MB allocated", el, cpu, float64(m1.TotalAlloc-m0.TotalAlloc)/(1<<20))
	// The budget is on CPU time (the garbage collector's included): wall
	// time on a loaded machine says nothing about the loader.
	if cpu > time.Second {
		t.Errorf("loading took %v of CPU, want well under 1s", cpu)
	}
}

// FuzzReaders checks that no reader panics, whatever the input.
func FuzzReaders(f *testing.F) {
	for _, s := range []string{
		"--- A [010] ---\nA {B C} [011]\n+X_+Y\n- $ * (TO {&S X}) + [020]\n&S_\n+&T\n+W\n~ a (b) c = d\n",
		"A_ [AFG]\n+B\n\t[ABC >080508]\n\t[ABC 19940922-20040712]\n\t[X <99]\n",
		"!P! = A, B\nX!P! {} [~GOV]\nY {Z} [NGO~]\n",
		"+A_\nB C\n<ISSUE>\nn:a+v:b [C]\n~~x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, read := range []func(*dict.Dictionary, string, io.Reader, *dict.Diagnostics) error{
			ReadVerbs, ReadActors, ReadAgents, ReadDiscards, ReadIssues,
		} {
			var diags dict.Diagnostics
			d := &dict.Dictionary{}
			if err := read(d, "f.txt", strings.NewReader(s), &diags); err != nil {
				t.Fatal(err)
			}
		}
	})
}
