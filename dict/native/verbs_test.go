package native

import (
	"bufio"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"petrel/dict"
)

func TestInflections(t *testing.T) {
	tests := []struct {
		w, s, ed, ing string
	}{
		{"attend", "attends", "attended", "attending"},
		{"host", "hosts", "hosted", "hosting"},
		{"make", "makes", "maked", "making"},
		{"see", "sees", "seed", "seeing"},
		{"agree", "agrees", "agreed", "agreeing"},
		{"stop", "stops", "stopped", "stopping"},
		{"plan", "plans", "planned", "planning"},
		{"ban", "bans", "banned", "banning"},
		{"visit", "visits", "visited", "visiting"},
		{"open", "opens", "opened", "opening"},
		{"offer", "offers", "offered", "offering"},
		{"deny", "denies", "denied", "denying"},
		{"play", "plays", "played", "playing"},
		{"veto", "vetoes", "vetoed", "vetoing"},
		{"push", "pushes", "pushed", "pushing"},
		{"reach", "reaches", "reached", "reaching"},
		{"fix", "fixes", "fixed", "fixing"},
		{"die", "dies", "died", "dying"},
		{"quit", "quits", "quitted", "quitting"},
		{"row", "rows", "rowed", "rowing"},
		{"meet", "meets", "meeted", "meeting"},
		{"shell", "shells", "shelled", "shelling"},
		{"bomb", "bombs", "bombed", "bombing"},
		{"free", "frees", "freed", "freeing"},
	}
	for _, tt := range tests {
		if got := ThirdPerson(tt.w); got != tt.s {
			t.Errorf("ThirdPerson(%q) = %q, want %q", tt.w, got, tt.s)
		}
		if got := Past(tt.w); got != tt.ed {
			t.Errorf("Past(%q) = %q, want %q", tt.w, got, tt.ed)
		}
		if got := PresentParticiple(tt.w); got != tt.ing {
			t.Errorf("PresentParticiple(%q) = %q, want %q", tt.w, got, tt.ing)
		}
	}
}

func TestAnchorForms(t *testing.T) {
	tests := []struct {
		kind, rest string
		lemma      string
		forms      []string
		msg        string
	}{
		{"verb", "attend", "attend", []string{"attend", "attends", "attending", "attended"}, ""},
		{"verb", "meet; met", "meet", []string{"meet", "meets", "meeting", "met"}, ""},
		{"verb", "call for", "call for", []string{"call for", "calls for", "calling for", "called for"}, ""},
		{"verb", "take part in; took; taken", "take part in",
			[]string{"take part in", "takes part in", "taking part in", "took part in", "taken part in"}, ""},
		{"verb", "pull out of; pulled out from", "pull out of",
			[]string{"pull out of", "pulls out of", "pulling out of", "pulled out from"}, ""},
		{"verb", "Recognize", "Recognize", []string{"recognize", "recognizes", "recognizing", "recognized"}, ""},
		{"noun", "talk", "talk", []string{"talk", "talks"}, ""},
		{"noun", "air strike", "air strike", []string{"air strike", "air strikes"}, ""},
		{"noun", "show of force", "show of force", []string{"show of force", "shows of force"}, ""},
		{"noun", "crisis; crises", "crisis", []string{"crisis", "crises"}, ""},
		{"noun", "state of emergency; states of emergency", "state of emergency",
			[]string{"state of emergency", "states of emergency"}, ""},
		{"verb", "", "", nil, "missing lemma"},
		{"verb", "meet;", "", nil, "empty form after \";\""},
		{"verb", "meet {x}", "", nil, "bad word \"{x}\" in \"meet {x}\""},
	}
	for _, tt := range tests {
		lemma, forms, msg := anchorForms(tt.kind, tt.rest)
		if lemma != tt.lemma || !reflect.DeepEqual(forms, tt.forms) || msg != tt.msg {
			t.Errorf("anchorForms(%q, %q) = %q, %q, %q; want %q, %q, %q",
				tt.kind, tt.rest, lemma, forms, msg, tt.lemma, tt.forms, tt.msg)
		}
	}
}

// elemString writes elements compactly: words as text, kinds as their
// symbols, and "_" after an element whose Next is set.
func elemString(es []dict.Elem) string {
	var b []string
	for _, e := range es {
		var s string
		switch e.Kind {
		case dict.ElemWord:
			s = e.Word.Text
			if !e.Word.Exact {
				s += "~"
			}
		case dict.ElemSynset:
			s = "&" + e.Synset
		case dict.ElemVerb:
			s = "*"
		case dict.ElemSource:
			s = "$"
		case dict.ElemTarget:
			s = "+"
		case dict.ElemCompound:
			s = "%"
		}
		if e.Next {
			s += "_"
		}
		b = append(b, s)
	}
	return strings.Join(b, " ")
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		raw, code, pre, post, msg string
	}{
		{"043 * +", "043", "", "+", ""},
		{"043 *", "043", "", "", ""},
		{"040 * with +", "040", "", "*_ with +", ""},
		{"043 * .. talks", "043", "", "talks", ""},
		{"036 * .. talks with +", "036", "", "talks_ with +", ""},
		{"033 * to provide aid to +", "033", "", "*_ to_ provide_ aid_ to +", ""},
		{"042 $'s * to +", "042", "$ 's_", "*_ to +", ""},
		{"042 $ 's * to +", "042", "$ 's_", "*_ to +", ""},
		{"040 $ and + hold *", "040", "$ and + hold_", "", ""},
		{"040 talks .. * with %", "040", "talks", "*_ with %", ""},
		{"190 * by $ on +", "190", "", "*_ by $ on +", ""},
		{"--- * .. efforts", "---", "", "efforts", ""},
		{"040:043 * +", "040:043", "", "+", ""},
		{"040 * &TALKS", "040", "", "*_ &TALKS", ""},
		{"040 * &talks", "040", "", "*_ &TALKS", ""},
		{"042 * China's", "042", "", "*_ china_ 's", ""},
		{"042 * With", "042", "", "*_ with", ""},
		{"", "", "", "", "empty pattern"},
		{"04a * +", "", "", "", "bad event code \"04a\" (want 2-4 digits, ---, or AAA:BBB)"},
		{"04321 * +", "", "", "", "bad event code \"04321\" (want 2-4 digits, ---, or AAA:BBB)"},
		{"040 with +", "", "", "", "no \"*\" for the anchor"},
		{"040 * * +", "", "", "", "more than one \"*\""},
		{"040 * {with} +", "", "", "", "unknown token \"{with}\""},
		{"040 * &", "", "", "", "bad synset name \"&\""},
		{"040 .. * +", "", "", "", "\"..\" at the start of the pattern"},
		{"040 * +  ..", "", "", "", "\"..\" at the end of the pattern"},
		{"040 * .. .. +", "", "", "", "\"..\" twice in a row"},
	}
	for _, tt := range tests {
		p, msg := parsePattern(tt.raw)
		if msg != tt.msg {
			t.Errorf("parsePattern(%q) msg = %q, want %q", tt.raw, msg, tt.msg)
			continue
		}
		if msg != "" {
			continue
		}
		if p.Code != tt.code || elemString(p.Pre) != tt.pre || elemString(p.Post) != tt.post {
			t.Errorf("parsePattern(%q) = %s [%s] * [%s], want %s [%s] * [%s]", tt.raw,
				p.Code, elemString(p.Pre), elemString(p.Post), tt.code, tt.pre, tt.post)
		}
	}
}

func TestLoadVerbs(t *testing.T) {
	src := `verb host
  043 * +
  043 * .. talks
  99x * +
  040 with +
  words: a; b

noun talk
  040 * with +

verb say; said
  010 *
  011 * .. no comment

noun
`
	d := &dict.Dictionary{Synsets: map[string][]dict.Phrase{}}
	var diags dict.Diagnostics
	if err := LoadFile(d, "verbs/x.txt", []byte(src), &diags); err != nil {
		t.Fatal(err)
	}
	wantDiags := []string{
		`verbs/x.txt:4: verb host: bad event code "99x" (want 2-4 digits, ---, or AAA:BBB)`,
		`verbs/x.txt:5: verb host: no "*" for the anchor`,
		`verbs/x.txt:6: verb host: expected a pattern "CODE ... * ...", got field "words"`,
		`verbs/x.txt:15: noun: missing lemma`,
	}
	if got := diagStrings(diags); !reflect.DeepEqual(got, wantDiags) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
	}
	if len(d.Verbs) != 3 {
		t.Fatalf("got %d verbs, want 3", len(d.Verbs))
	}
	host, talk, say := d.Verbs[0], d.Verbs[1], d.Verbs[2]
	if got, want := formStrings(host), []string{"host", "hosts", "hosting", "hosted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("host forms = %q, want %q", got, want)
	}
	if host.Code != "---" || len(host.Patterns) != 2 || host.Lemma != "host" {
		t.Errorf("host = code %q, %d patterns, lemma %q", host.Code, len(host.Patterns), host.Lemma)
	}
	if got, want := host.Patterns[1].Rule.String(), "verbs/x.txt:3 host: 043 * .. talks"; got != want {
		t.Errorf("rule = %q, want %q", got, want)
	}
	if got, want := formStrings(talk), []string{"talk", "talks"}; !reflect.DeepEqual(got, want) {
		t.Errorf("talk forms = %q, want %q", got, want)
	}
	if say.Code != "010" {
		t.Errorf("say default code = %q, want 010", say.Code)
	}
	for _, f := range say.Forms {
		for _, w := range f.Words {
			if !w.Exact {
				t.Errorf("form word %q is not exact", w.Text)
			}
		}
	}
}

func TestLoadSynsetsAndDiscards(t *testing.T) {
	src := `synset talks
  words: talks; peace talks; Negotiations
  mode: x

synset B-E
  words: is

synset EMPTY

discard sports
  sentence: goalkeeper; World Cup
  story: horoscope

discard
  weather: rain
`
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	if err := LoadFile(d, "synsets.txt", []byte(src), &diags); err != nil {
		t.Fatal(err)
	}
	wantDiags := []string{
		`synsets.txt:3: synset: unknown field "mode" (want words)`,
		`synsets.txt:5: synset: want "synset NAME" (letters, digits, _), got "B-E"`,
		`synsets.txt:8: synset EMPTY: no words`,
		`synsets.txt:15: discard: unknown field "weather" (want sentence, story)`,
		`synsets.txt:14: discard: no sentence: or story: phrases`,
	}
	if got := diagStrings(diags); !reflect.DeepEqual(got, wantDiags) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
	}
	var got []string
	for _, p := range d.Synsets["TALKS"] {
		got = append(got, phraseText(p))
	}
	if want := []string{"talks", "peace talks", "negotiations"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TALKS = %q, want %q", got, want)
	}
	if len(d.Synsets) != 1 {
		t.Errorf("synsets = %d, want 1", len(d.Synsets))
	}
	got = nil
	for _, x := range d.Discards {
		s := phraseText(x.Phrase)
		if x.Story {
			s = "story:" + s
		}
		got = append(got, s)
	}
	if want := []string{"goalkeeper", "world cup", "story:horoscope"}; !reflect.DeepEqual(got, want) {
		t.Errorf("discards = %q, want %q", got, want)
	}
}

func TestCheckSynsets(t *testing.T) {
	d := &dict.Dictionary{}
	var diags dict.Diagnostics
	LoadFile(d, "v.txt", []byte("verb hold; held\n  040 * &TALKS\n  040 * &TALKS .. &TALKS\n\nsynset BE\n  words: is\n"), &diags)
	CheckSynsets(d, &diags)
	want := []string{
		`v.txt:2: unknown synset &TALKS in "hold: 040 * &TALKS"`,
		`v.txt:3: unknown synset &TALKS in "hold: 040 * &TALKS .. &TALKS"`,
	}
	if got := diagStrings(diags); !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func diagStrings(ds dict.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func formStrings(v *dict.Verb) []string {
	var out []string
	for _, f := range v.Forms {
		out = append(out, phraseText(f))
	}
	return out
}

// isMine reports whether a built-in dictionary file is a verb, synset or
// discard file.
func isMine(file string) bool {
	return strings.HasPrefix(file, "verbs/") || file == "synsets.txt" || file == "discards.txt"
}

// readCAMEO reads the CAMEO event codebook, skipping the test if the peer
// copy is absent.
func readCAMEO(t *testing.T) map[string]string {
	f, err := os.Open("../../../shared/peer/cameo/CAMEO.eventcodes.tsv")
	if err != nil {
		t.Skip("CAMEO codebook not available:", err)
	}
	defer f.Close()
	codes := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, name, ok := strings.Cut(sc.Text(), "\t")
		if !ok || code == "code" {
			continue
		}
		codes[strings.TrimSpace(code)] = strings.TrimSpace(name)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return codes
}

// TestBuiltinVerbs loads the built-in dictionaries and checks the verb,
// synset and discard files: no diagnostics, every synset defined, no form
// in two anchors (the compiler would keep only the last), every pattern
// code in the CAMEO codebook, and every codebook code produced by at least
// one pattern. A two-digit root code counts as covered when a code under
// it is.
func TestBuiltinVerbs(t *testing.T) {
	var diags dict.Diagnostics
	d, err := Load(os.DirFS("../../dicts"), &diags)
	if err != nil {
		t.Fatal(err)
	}
	CheckSynsets(d, &diags)
	for _, x := range diags {
		if isMine(x.File) {
			t.Errorf("%s", x)
		}
	}
	for _, name := range []string{"BE", "HAVE"} {
		if len(d.Synsets[name]) == 0 {
			t.Errorf("synset %s missing", name)
		}
	}
	owner := map[string]string{}
	for _, v := range d.Verbs {
		if !isMine(v.Rule.File) {
			continue
		}
		for _, f := range v.Forms {
			k := phraseText(f)
			if o, ok := owner[k]; ok {
				t.Errorf("form %q in both %s and %s", k, o, v.Rule)
				continue
			}
			owner[k] = v.Rule.String()
		}
	}

	cameo := readCAMEO(t)
	used := map[string]bool{}
	nForms, nPatterns, nNouns := 0, 0, 0
	for _, v := range d.Verbs {
		if !isMine(v.Rule.File) {
			continue
		}
		nForms += len(v.Forms)
		if strings.HasPrefix(v.Rule.Text, "noun ") {
			nNouns++
		}
		for _, p := range v.Patterns {
			nPatterns++
			for _, c := range strings.Split(p.Code, ":") {
				if c == "---" {
					continue
				}
				if _, ok := cameo[c]; !ok {
					t.Errorf("%s: code %s is not in the CAMEO codebook", p.Rule, c)
				}
				used[c] = true
				if len(c) > 2 {
					used[c[:2]] = true
				}
			}
		}
	}
	var missing []string
	for c := range cameo {
		if !used[c] {
			missing = append(missing, c+" "+cameo[c])
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no pattern codes %s", m)
	}
	t.Logf("anchors %d (nouns %d), forms %d, patterns %d, codes %d of %d, synsets %d, discards %d",
		len(d.Verbs), nNouns, nForms, nPatterns, len(used), len(cameo), len(d.Synsets), len(d.Discards))
}
