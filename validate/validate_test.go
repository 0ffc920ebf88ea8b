package validate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"petrel"
	"petrel/dict"
)

// unitTests is PETRARCH's unit-test file in the shared peer directory.
const unitTests = "../../shared/peer/petrarch2/PETR.UnitTest.records.xml"

func needUnitTests(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(unitTests); err != nil {
		tb.Skipf("shared PETRARCH files not found (%v); skipping", err)
	}
}

func TestReadFileUnitTests(t *testing.T) {
	needUnitTests(t)
	env, recs, err := ReadFile(unitTests)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(recs), 284; got != want {
		t.Fatalf("got %d records, want %d", got, want)
	}
	byCat := map[string]int{}
	for _, r := range recs {
		byCat[r.Category]++
		if r.Text == "" || r.Date == "" || r.ID == "" {
			t.Errorf("record at line %d lacks text, date or id: %+v", r.Line, r)
		}
		if strings.Contains(r.Text, "\n") || strings.Contains(r.Text, "  ") {
			t.Errorf("record %s: text not normalised: %q", r.ID, r.Text)
		}
	}
	want := map[string]int{
		"SYNSET": 52, "COMPOUND": 43, "DEMO": 36, "PATTERN": 29, "AGENT": 26, "VERB": 23,
		"DATE": 21, "MODIFY": 20, "ACTOR": 15, "PARSING": 12, "ERROR": 7,
	}
	for c, n := range want {
		if byCat[c] != n {
			t.Errorf("category %s: %d records, want %d", c, byCat[c], n)
		}
	}
	if len(byCat) != len(want) {
		t.Errorf("categories %v, want %v", byCat, want)
	}

	if got := filepath.Base(env.Verbfile); got != "PETR.Validate.verbs.txt" {
		t.Errorf("Verbfile = %s", env.Verbfile)
	}
	if len(env.Actorfiles) != 1 || env.Agentfile == "" || env.Discardfile == "" {
		t.Errorf("environment = %+v", env)
	}
	if _, err := os.Stat(env.Verbfile); err != nil {
		t.Errorf("Verbfile does not resolve: %v", err)
	}
	if !env.Config.RequireDyad || env.Config.Options["stop_on_error"] != "True" {
		t.Errorf("environment config = %+v", env.Config)
	}

	find := func(id string) *Record {
		for _, r := range recs {
			if r.ID == id {
				return r
			}
		}
		t.Fatalf("no record %s", id)
		return nil
	}
	if r := find("DEMO-00"); len(r.Expected) != 1 || r.Expected[0] != (Triple{"ARN", "GON", "064"}) || r.Date != "19950101" {
		t.Errorf("DEMO-00 = %+v", r)
	}
	if r := find("ERROR-01"); r.ExpectError != "dateline" {
		t.Errorf("ERROR-01 error = %q", r.ExpectError)
	}
	notImpl := 0
	for _, r := range recs {
		if r.NotImplemented {
			notImpl++
		}
	}
	if r := find("DEMO-04"); !r.NotImplemented || notImpl != 5 {
		t.Errorf("sentence=false: DEMO-04 marked %v, %d records marked, want 5", r.NotImplemented, notImpl)
	}

	// Config elements persist to later records.
	var dyadOff, newActors int
	for _, r := range recs {
		if !r.Config.RequireDyad {
			dyadOff++
		}
		if r.Config.NewActorLength > 0 {
			newActors++
		}
	}
	if dyadOff == 0 || dyadOff == len(recs) || newActors == 0 || newActors == len(recs) {
		t.Errorf("config changes not applied: %d records with require_dyad false, %d with new actors", dyadOff, newActors)
	}
	for _, r := range recs {
		for _, tr := range r.Expected {
			if strings.HasPrefix(tr.Source, `"`) && r.Config.NewActorLength == 0 {
				t.Errorf("record %s expects a new actor %s with new_actor_length 0", r.ID, tr.Source)
			}
		}
	}
}

// oracle is a fake coder that codes the records it is told to, exactly as
// they expect, and nothing for the others.
type oracle struct {
	recs   map[string]*Record // by id, date and text
	code   func(r *Record) bool
	panics string // id of a record on which to panic
}

func key(id, text string) string { return id + "\x00" + text }

func (o *oracle) Code(a *petrel.Article) *petrel.Document {
	if a.ID == o.panics {
		panic("boom")
	}
	doc := &petrel.Document{Article: *a}
	r := o.recs[key(a.ID, a.Text)]
	if r == nil || !o.code(r) {
		return doc
	}
	switch r.ExpectError {
	case "storydiscard", "sentencediscard", "dateline":
		doc.Skipped = append(doc.Skipped, petrel.Skip{Sentence: -1, Reason: r.ExpectError, Rule: "discards:1"})
	}
	party := func(code string) *petrel.Party {
		switch {
		case code == "---":
			return nil
		case strings.HasPrefix(code, `"`):
			return &petrel.Party{Text: strings.ToLower(strings.Trim(code, `"`))}
		}
		return &petrel.Party{Code: code}
	}
	for _, tr := range r.Expected {
		doc.Events = append(doc.Events, petrel.Event{
			Source: party(tr.Source), Target: party(tr.Target), Code: tr.Code, Rule: "verbs:" + tr.Code,
		})
	}
	return doc
}

func newOracle(t *testing.T, path string, code func(r *Record) bool) (*oracle, []*Record) {
	t.Helper()
	_, recs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	o := &oracle{recs: map[string]*Record{}, code: code}
	for _, r := range recs {
		o.recs[key(r.ID, r.Text)] = r
	}
	return o, recs
}

func TestRunUnitTestsOracle(t *testing.T) {
	needUnitTests(t)
	// Code every other record as expected, nothing for the rest.
	even := map[*Record]bool{}
	o, recs := newOracle(t, unitTests, func(r *Record) bool { return even[r] })
	for i, r := range recs {
		if i%2 == 0 {
			even[o.recs[key(r.ID, r.Text)]] = true
		}
	}
	var builds atomic.Int32
	configs := map[string]bool{}
	rep, err := Run(unitTests, func(d *dict.Dictionary, cfg Config) (petrel.Coder, error) {
		builds.Add(1)
		configs[cfg.Key()] = true
		if len(d.Verbs) == 0 || len(d.Actors) == 0 || len(d.Agents) == 0 || len(d.Discards) == 0 {
			t.Errorf("build got an incomplete dictionary")
		}
		return o, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if int(builds.Load()) != len(configs) {
		t.Errorf("build called %d times for %d configurations", builds.Load(), len(configs))
	}
	// A record passes when it was coded, or when it expects nothing and
	// nothing was coded; bad_input_parse records are not scored.
	var pass, fail, excl int
	for _, r := range recs {
		rr := o.recs[key(r.ID, r.Text)]
		switch {
		case r.ExpectError == "bad_input_parse":
			excl++
		case even[rr] || (r.ExpectError == "" && (r.NoEvents || len(r.Expected) == 0)):
			pass++
		default:
			fail++
		}
	}
	if rep.Passed() != pass || rep.Failed() != fail || rep.Total.Excluded != excl {
		t.Errorf("passed, failed, excluded = %d, %d, %d; want %d, %d, %d", rep.Passed(), rep.Failed(), rep.Total.Excluded, pass, fail, excl)
	}
	if excl != 2 {
		t.Errorf("%d bad_input_parse records, want 2", excl)
	}

	// Everything coded: all scored records pass.
	o.code = func(*Record) bool { return true }
	rep, err = Run(unitTests, func(*dict.Dictionary, Config) (petrel.Coder, error) { return o, nil })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() != 0 || rep.Passed() != 282 {
		var b bytes.Buffer
		rep.WriteFailures(&b)
		t.Errorf("oracle coding everything: %d passed, %d failed\n%s", rep.Passed(), rep.Failed(), b.String())
	}
	var b bytes.Buffer
	rep.WriteTable(&b)
	out := b.String()
	if !strings.HasSuffix(out, "\n282 passed, 0 failed\n") {
		t.Errorf("table does not end with the totals line:\n%s", out)
	}
	if i, j := strings.Index(out, "DEMO"), strings.Index(out, "ERROR"); i < 0 || j < i {
		t.Errorf("table rows out of order:\n%s", out)
	}
}

// writeFiles writes name → content files into a temporary directory and
// returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const miniXML = `<Validation>
<Environment>
  <Verbfile>v.txt</Verbfile>
  <Actorfile>a.txt, b.txt</Actorfile>
  <Agentfile>g.txt</Agentfile>
  <Discardfile>d.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="OK-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restores   ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Sentence date = "19950102" id ="NULL-1" category="COMPOUNDx" sentence="false">
<EventCoding sourcecode="---GOV" targetcode="---" eventcode="010"></EventCoding>
<Text>Officials said.</Text>
</Sentence>
<Config option="require_dyad" value="true"></Config>
<Sentence date="19950103" id="NONE-1" category="AGENTS" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happens.</Text>
</Sentence>
<Sentence date="19950104" id="STORY-1" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Baseball is played.</Text>
</Sentence>
<Sentence date="19950104" id="SENT-1" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Months later it rained.</Text>
</Sentence>
<Sentence date="20080801" id="DATELINE-1" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- Something.</Text>
</Sentence>
<Sentence date="19950101" id="PARSE-1" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor restores ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor))</Parse>
</Sentence>
<Sentence date="19950101" id="PANIC-1" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>This makes the coder panic.</Text>
</Sentence>
<Sentence date="1995-01-01" id="BADDATE-1" category="DATE" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>A date in the wrong format.</Text>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="19950101" id="NEW-1" category="ODD" sentence="true">
<EventCoding sourcecode='"THE MINISTRY  OF MAGIC"' targetcode="GON" eventcode="010"></EventCoding>
<Text>The Ministry of Magic said to Gondor.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950101" id="AFTER-STOP" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Never read.</Text>
</Sentence>
</Sentences>
</Validation>
`

var miniDicts = map[string]string{
	"v.txt": "--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n",
	"a.txt": "ARNOR [ARN]\n",
	"b.txt": "GONDOR [GON]\n",
	"g.txt": "OFFICIAL [~GOV]\n",
	"d.txt": "+BASEBALL\nMONTHS LATER\n",
}

// script is a fake coder that returns a fixed document per record id.
type script map[string]*petrel.Document

func (s script) Code(a *petrel.Article) *petrel.Document {
	if a.ID == "PANIC-1" {
		panic("index out of range")
	}
	if d := s[a.ID]; d != nil {
		return d
	}
	return &petrel.Document{}
}

func TestRunPaths(t *testing.T) {
	files := map[string]string{"mini.xml": miniXML}
	for k, v := range miniDicts {
		files[k] = v
	}
	dir := writeFiles(t, files)
	path := filepath.Join(dir, "mini.xml")

	env, recs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(env.Actorfiles) != 2 || env.Actorfiles[1] != filepath.Join(dir, "b.txt") {
		t.Errorf("Actorfiles = %q", env.Actorfiles)
	}
	if len(recs) != 10 {
		t.Fatalf("got %d records, want 10 (reading stops at <Stop>)", len(recs))
	}
	if recs[0].Text != "Arnor restores ties with Gondor." {
		t.Errorf("text = %q", recs[0].Text)
	}
	if recs[1].Category != "COMPOUND" || recs[2].Category != "AGENT" || recs[9].Category != "ODD" {
		t.Errorf("categories = %s %s %s", recs[1].Category, recs[2].Category, recs[9].Category)
	}

	arn, gon := &petrel.Party{Code: "ARN"}, &petrel.Party{Code: "gon"}
	docs := script{
		"OK-1": {Events: []petrel.Event{
			{Source: arn, Target: gon, Code: "064", Rule: "v.txt:3 - * TIES [064]"},
			{Source: arn, Target: gon, Code: "064", Rule: "v.txt:3 - * TIES [064]"}, // duplicates collapse
		}},
		"NULL-1":     {Events: []petrel.Event{{Source: &petrel.Party{Code: "---GOV"}, Code: "010"}}},
		"STORY-1":    {Skipped: []petrel.Skip{{Sentence: -1, Reason: petrel.SkipStory, Rule: "d.txt:1"}}},
		"SENT-1":     {Skipped: []petrel.Skip{{Sentence: 0, Reason: petrel.SkipStory}}}, // wrong reason
		"DATELINE-1": {Skipped: []petrel.Skip{{Sentence: 0, Reason: petrel.SkipDateline}}, Events: []petrel.Event{{Source: arn, Target: gon, Code: "010"}}},
		"PARSE-1":    {Events: []petrel.Event{{Source: arn, Target: gon, Code: "064"}}},
		"NEW-1":      {Events: []petrel.Event{{Source: &petrel.Party{Text: "The Ministry of  Magic"}, Target: gon, Code: "010"}}},
	}
	var cfgs []Config
	rep, err := Run(path, func(d *dict.Dictionary, cfg Config) (petrel.Coder, error) {
		cfgs = append(cfgs, cfg)
		if len(d.Actors) != 2 {
			t.Errorf("dictionary has %d actors, want 2", len(d.Actors))
		}
		return docs, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// require_dyad true, false, true again (cached), new_actor_length 4.
	if len(cfgs) != 3 || cfgs[1].RequireDyad || !cfgs[0].RequireDyad || cfgs[2].NewActorLength != 4 {
		t.Errorf("build configs = %+v", cfgs)
	}
	want := map[string]struct {
		pass     bool
		excluded bool
		err      bool
	}{
		"OK-1":       {pass: true},
		"NULL-1":     {pass: true},
		"NONE-1":     {pass: true},
		"STORY-1":    {pass: true},
		"SENT-1":     {pass: false},
		"DATELINE-1": {pass: false}, // a skip, but also an event
		"PARSE-1":    {excluded: true},
		"PANIC-1":    {err: true},
		"BADDATE-1":  {err: true},
		"NEW-1":      {pass: true},
	}
	for _, res := range rep.Results {
		w := want[res.Record.ID]
		if res.Pass != w.pass || (res.Excluded != "") != w.excluded || (res.Err != "") != w.err {
			t.Errorf("%s: pass=%v excluded=%q err=%q, want %+v (got %v)", res.Record.ID, res.Pass, res.Excluded, res.Err, w, res.Got)
		}
	}
	if got := rep.Results[0].Got; len(got) != 1 || got[0] != (Triple{"ARN", "GON", "064"}) {
		t.Errorf("OK-1 got %v", got)
	}
	if got := rep.Results[0].Rules; len(got) != 1 {
		t.Errorf("OK-1 rules %q", got)
	}

	var b bytes.Buffer
	rep.WriteTable(&b)
	table := b.String()
	for _, s := range []string{"DEMO", "COMPOUND", "AGENT", "DATE", "ERROR", "ODD", "total", "1 not scored", "\n5 passed, 4 failed\n"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
	if !strings.HasSuffix(table, "5 passed, 4 failed\n") {
		t.Errorf("table does not end with the totals:\n%s", table)
	}
	b.Reset()
	rep.WriteFailures(&b)
	fails := b.String()
	for _, s := range []string{"FAIL SENT-1 [ERROR]", "expected: no events; skipped as sentencediscard", "FAIL DATELINE-1", "got:      ARN GON 010", "coder panicked: index out of range", "bad date", "mini.xml:"} {
		if !strings.Contains(fails, s) {
			t.Errorf("failures lack %q:\n%s", s, fails)
		}
	}
	for _, s := range []string{"OK-1", "PARSE-1"} {
		if strings.Contains(fails, s) {
			t.Errorf("failures list %s:\n%s", s, fails)
		}
	}
}

func TestRunErrors(t *testing.T) {
	files := map[string]string{"mini.xml": miniXML}
	for k, v := range miniDicts {
		files[k] = v
	}
	dir := writeFiles(t, files)
	boom := errors.New("boom")
	if _, err := Run(filepath.Join(dir, "mini.xml"), func(*dict.Dictionary, Config) (petrel.Coder, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("build error not returned: %v", err)
	}
	if _, err := Run(filepath.Join(dir, "missing.xml"), nil); err == nil {
		t.Error("missing file: no error")
	}
	bad := map[string]string{
		"noenv.xml":   "<Validation><Sentences></Sentences></Validation>",
		"broken.xml":  "<Validation><Environment><Verbfile>v.txt</Verbfile>",
		"badcfg.xml":  `<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile><Config option="require_dyad" value="maybe"></Config></Environment></Validation>`,
		"nodicts.xml": `<Validation><Environment><Verbfile>nosuch.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment></Validation>`,
	}
	dir2 := writeFiles(t, bad)
	for name := range bad {
		if _, err := Run(filepath.Join(dir2, name), func(*dict.Dictionary, Config) (petrel.Coder, error) { return script{}, nil }); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestConfig(t *testing.T) {
	c := DefaultConfig()
	if !c.RequireDyad || c.NewActorLength != 0 {
		t.Fatalf("default = %+v", c)
	}
	tests := []struct {
		option, value string
		dyad          bool
		length        int
		ok            bool
	}{
		{"require_dyad", "FALSE", false, 0, true},
		{"Require_Dyad", "yes", true, 0, true},
		{"new_actor_length", "4", true, 4, true},
		{"comma_max", "6", true, 0, true},
		{"require_dyad", "maybe", true, 0, false},
		{"new_actor_length", "-1", true, 0, false},
	}
	for _, tt := range tests {
		got, err := c.With(tt.option, tt.value)
		if (err == nil) != tt.ok {
			t.Errorf("With(%s, %s) error = %v", tt.option, tt.value, err)
			continue
		}
		if err == nil && (got.RequireDyad != tt.dyad || got.NewActorLength != tt.length) {
			t.Errorf("With(%s, %s) = %+v", tt.option, tt.value, got)
		}
	}
	a, _ := c.With("comma_max", "6")
	if a.Key() == c.Key() {
		t.Error("Key ignores comma_max")
	}
	if c.Options["comma_max"] != "8" {
		t.Error("With modified the original options")
	}
	b, _ := c.With("require_dyad", "True")
	if b.Key() != c.Key() {
		t.Errorf("equal configs have different keys:\n%s\n%s", b.Key(), c.Key())
	}
}

func BenchmarkReadFile(b *testing.B) {
	needUnitTests(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadFile(unitTests); err != nil {
			b.Fatal(err)
		}
	}
}
