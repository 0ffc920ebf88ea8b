package main

import (
	"os"
	"strings"
	"testing"
)

// TestExplainReasons runs `petrel explain` as a user would: it says where
// each event's date came from, why a date was not used, and why each
// candidate event was dropped.
func TestExplainReasons(t *testing.T) {
	stdout, stderr, err := runMain(t, nil, "explain", "--text", "--date", "1987-03-05",
		"Russia did not attend the talks. Russia rejected a comparison with the stock market collapse of 1929.")
	if err != nil {
		t.Fatalf("petrel explain: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		`DROPPED "attend" [042]: negated (not)`,
		`date "1929" not used: inside a noun phrase`,
		`date 1987-03-05: article date`,
		// Until the Soviet Union ended, Russia's entry codes SUN
		// (dicts/actors/countries.txt, roles: of a country).
		`1987-03-05 120  SUN (Russia)`,
		"candidate(s) dropped: each DROPPED line above says why",
		// how often events of its class were right on unseen conflict text
		"    reliability: first event of its sentence, source named: 166 of 195 right",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
}

// TestExplainParse runs `petrel explain` on a sentence whose subject the
// clause walk cannot trust (a phrase set off by commas before the verb):
// it prints the parse and which relation gave each role; with
// --parse=false the sentence is read by the clause walk alone.
func TestExplainParse(t *testing.T) {
	text := "Venezuela, backed by Russia and China, denounced the United States."
	stdout, stderr, err := runMain(t, nil, "explain", "--text", text)
	if err != nil {
		t.Fatalf("petrel explain: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"parse (word/UPOS/head/rel): Venezuela/PROPN/",
		"EVENT 111 VEN → USA",
		"    source: ",
		" (parse)",
		"    target: the first actor after the verb and its pattern (clause walk); parse: ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, stderr, err = runMain(t, nil, "explain", "--parse=false", "--text", text)
	if err != nil {
		t.Fatalf("petrel explain --parse=false: %v\n%s", err, stderr)
	}
	if strings.Contains(stdout, "parse (") || strings.Contains(stdout, "EVENT 111 VEN") {
		t.Errorf("explain --parse=false parsed or coded the denunciation:\n%s", stdout)
	}
}

// TestCodeGDELTUndated checks that `petrel code --format gdelt` warns once
// on stderr when it writes events with empty date columns, and not at all
// when the articles are dated.
func TestCodeGDELTUndated(t *testing.T) {
	path := t.TempDir() + "/undated.jsonl"
	if err := os.WriteFile(path, []byte(`{"id":"a1","text":"Russia attacked Ukraine."}`+"\n"+`{"id":"a2","text":"Iran condemned Israel."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runMain(t, nil, "code", "--format", "gdelt", path)
	if err != nil {
		t.Fatalf("petrel code: %v\n%s", err, stderr)
	}
	if got := strings.Count(stderr, "has no date"); got != 1 {
		t.Errorf("%d warnings about undated events, want 1:\n%s", got, stderr)
	}
	if rows := strings.Count(stdout, "\n"); rows != 2 {
		t.Errorf("%d rows, want 2", rows)
	}
	_, stderr, err = runMain(t, nil, "code", "--format", "gdelt", "--date", "2024-06-05", path)
	if err != nil || stderr != "" {
		t.Errorf("dated run: err %v, stderr %q; want neither", err, stderr)
	}
}
