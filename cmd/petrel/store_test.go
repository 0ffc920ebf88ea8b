package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"petrel"
	"petrel/sqlite"
	"petrel/storetest"
)

// runMain runs petrel with args and returns its stdout and stderr.
func runMain(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] }}
	err := m.Run(context.Background(), args)
	return stdout.String(), stderr.String(), err
}

// writeCorpus writes n synthetic articles as JSON Lines.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	var b bytes.Buffer
	for i := range n {
		a := storetest.Article(i)
		json.NewEncoder(&b).Encode(map[string]string{"id": a.ID, "date": a.Date.Format("2006-01-02"),
			"title": a.Title, "text": a.Text, "source": a.Source})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestQueryStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "petrel.db")
	corpus := writeCorpus(t, 40)
	_, stderr, err := runMain(t, nil, "ingest", "--db", db, "--batch", "7", corpus)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "40 articles: 40 new") {
		t.Errorf("ingest said %q", stderr)
	}

	t.Run("Idempotent", func(t *testing.T) {
		_, stderr, err := runMain(t, nil, "ingest", "--db", db, corpus)
		if err != nil || !strings.Contains(stderr, "40 unchanged") {
			t.Fatalf("second ingest: %v %q", err, stderr)
		}
	})
	t.Run("QueryJSONL", func(t *testing.T) {
		stdout, stderr, err := runMain(t, map[string]string{"PETREL_DB": db}, "query", "--limit", "1000")
		if err != nil {
			t.Fatalf("query: %v %s", err, stderr)
		}
		sc := bufio.NewScanner(strings.NewReader(stdout))
		prev := ""
		for sc.Scan() {
			var e petrel.StoredEvent
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatal(err)
			}
			if e.Date < prev {
				t.Fatalf("event %s dated %s after %s", e.ID, e.Date, prev)
			}
			prev = e.Date
			if e.DictVersion == "" || e.NumArticles != 1 {
				t.Errorf("event %+v lacks store fields", e)
			}
		}
	})
	for _, format := range []string{"table", "csv", "gdelt"} {
		t.Run("Query"+strings.ToUpper(format[:1])+format[1:], func(t *testing.T) {
			stdout, stderr, err := runMain(t, nil, "query", "--db", db, "--format", format, "--limit", "5")
			if err != nil || stdout == "" {
				t.Fatalf("query: %v %s", err, stderr)
			}
			if !strings.Contains(stderr, "--cursor") {
				t.Errorf("no cursor for the next page in %q", stderr)
			}
		})
	}
	t.Run("Stats", func(t *testing.T) {
		for _, by := range petrel.StatsGroupings {
			for _, format := range []string{"table", "jsonl", "csv"} {
				stdout, stderr, err := runMain(t, nil, "stats", "--db", db, "--by", by, "--format", format)
				if err != nil || stdout == "" {
					t.Fatalf("stats --by %s --format %s: %v %s", by, format, err, stderr)
				}
			}
		}
	})
	t.Run("ErrInvalidFilter", func(t *testing.T) {
		_, _, err := runMain(t, nil, "query", "--db", db, "--since", "March")
		if err == nil || !strings.HasPrefix(err.Error(), "--since:") {
			t.Fatalf("err = %v, want one naming --since", err)
		}
	})
	t.Run("Hostile", func(t *testing.T) {
		s, err := sqlite.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		want := storetest.MustCounts(t, s)
		s.Close()
		flags := []string{"--actor", "--source", "--target", "--code", "--plover", "--since", "--until", "--text", "--article", "--cursor"}
		for i, v := range storetest.Hostile {
			for _, f := range flags {
				for _, cmd := range []string{"query", "stats"} {
					if cmd == "stats" && f == "--cursor" {
						continue
					}
					_, stderr, err := runMain(t, nil, cmd, "--db", db, f, v)
					if err != nil && (!strings.HasPrefix(err.Error(), "--") || strings.Contains(err.Error(), "internal")) {
						t.Errorf("%s %s value %d: %v %.100s", cmd, f, i, err, stderr)
					}
				}
			}
		}
		s, err = sqlite.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if got := storetest.MustCounts(t, s); got != want {
			t.Fatalf("counts = %+v after hostile queries, want %+v", got, want)
		}
	})
}
