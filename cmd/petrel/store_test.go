package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"petrel/internal/pgtest"
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

// TestMissingStore checks that only ingest creates a store: query, stats
// and serve fail on a path where there is none, and leave none behind.
func TestMissingStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "missing.db")
	for _, args := range [][]string{
		{"query", "--db", db},
		{"stats", "--db", db},
		{"serve", "--db", db, "--addr", "127.0.0.1:0"},
	} {
		_, _, err := runMain(t, nil, args...)
		if err == nil || err.Error() != "no store at "+db {
			t.Errorf("%s: err = %v, want \"no store at %s\"", args[0], err, db)
		}
		if exitCode(err) == 0 {
			t.Errorf("%s: exit code 0", args[0])
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%s created %s", args[0], db)
		}
	}
	t.Run("ServeCreate", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // serve returns as soon as it is up
		var stderr bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }}
		if err := m.Run(ctx, []string{"serve", "--db", db, "--create", "--addr", "127.0.0.1:0"}); err != nil {
			t.Fatalf("serve --create: %v\n%s", err, stderr.String())
		}
		if _, err := os.Stat(db); err != nil {
			t.Fatalf("serve --create made no store: %v", err)
		}
		if _, stderr, err := runMain(t, nil, "query", "--db", db); err != nil {
			t.Fatalf("query of the created store: %v %s", err, stderr)
		}
	})
}

// TestIngestSameNames checks that files with one name in different folders
// are two articles, both stored.
func TestIngestSameNames(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		os.Mkdir(filepath.Join(dir, d), 0o755)
		a := storetest.Article(map[string]int{"a": 1, "b": 2}[d])
		if err := os.WriteFile(filepath.Join(dir, d, "report.txt"), []byte(a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "petrel.db")
	_, stderr, err := runMain(t, nil, "ingest", "--db", db, filepath.Join(dir, "a", "report.txt"), filepath.Join(dir, "b", "report.txt"))
	if err != nil || !strings.Contains(stderr, "2 articles: 2 new") {
		t.Fatalf("ingest: %v %q", err, stderr)
	}
	s := mustOpenStore(t, db)
	for _, id := range []string{"a/report", "b/report"} {
		if _, err := s.Article(context.Background(), id); err != nil {
			t.Errorf("article %s: %v", id, err)
		}
	}
}

// TestIngestCollidingIDs checks that inputs of one run with the same
// article ID are all stored: a JSON line's "id" equal to a file's ID,
// and two lines with one "id" and different texts; that the run names
// each collision at file:line; and that ingesting the same input again
// changes nothing.
func TestIngestCollidingIDs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	line := func(id string, i int) string {
		a := storetest.Article(i)
		b, _ := json.Marshal(map[string]string{"id": id, "date": a.Date.Format("2006-01-02"), "text": a.Text})
		return string(b) + "\n"
	}
	if err := os.WriteFile(filepath.Join(in, "feed.jsonl"), []byte(line("report", 1)+line("report", 2)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "report.txt"), []byte(storetest.Article(4).Text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "petrel.db")
	for run := 1; run <= 2; run++ {
		_, stderr, err := runMain(t, nil, "ingest", "--db", db, in)
		want := "3 articles: 3 new"
		if run == 2 {
			want = "3 articles: 0 new, 0 updated, 0 recoded, 3 unchanged"
		}
		if !errors.Is(err, errReported) || !strings.Contains(stderr, want) ||
			!strings.Contains(stderr, `feed.jsonl:2: article id "report" already read at `) ||
			!strings.Contains(stderr, `report.txt: article id "report" already read at `) {
			t.Fatalf("run %d: ingest: %v %q, want %q and both collisions named", run, err, stderr, want)
		}
	}
	s := mustOpenStore(t, db)
	for id, i := range map[string]int{"report": 1, "report@feed:2": 2, "report@report.txt": 4} {
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Errorf("article %s: %v", id, err)
			continue
		}
		if a.Article.Text != storetest.Article(i).Text || len(a.Events) == 0 {
			t.Errorf("article %s: text %.40q, %d events; want article %d's with its events", id, a.Article.Text, len(a.Events), i)
		}
	}
	if c, err := s.Counts(context.Background()); err != nil || c.Articles != 3 {
		t.Errorf("store counts %+v, %v; want 3 articles", c, err)
	}
}

// TestIngestUpdate checks that an article sent again under its ID with
// another text is an update, counted and logged as one.
func TestIngestUpdate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "petrel.db")
	path := filepath.Join(dir, "x.jsonl")
	write := func(text string) {
		if err := os.WriteFile(path, []byte(`{"id":"10003","date":"2024-01-02","text":"`+text+`"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Russia criticized Ukraine over the border dispute.")
	if _, stderr, err := runMain(t, nil, "ingest", "--db", db, path); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	write("Russia praised Ukraine over the river dispute.")
	_, stderr, err := runMain(t, nil, "ingest", "--db", db, path)
	if err != nil || !strings.Contains(stderr, "1 articles: 0 new, 1 updated, 0 recoded, 0 unchanged") ||
		!strings.Contains(stderr, `x.jsonl:1: article "10003" updated`) {
		t.Fatalf("ingest: %v %q", err, stderr)
	}
	a, err := mustOpenStore(t, db).Article(context.Background(), "10003")
	if err != nil || !strings.Contains(a.Article.Text, "praised") {
		t.Fatalf("stored article = %+v, %v; want the new text", a, err)
	}
}

// TestIngestNUL checks that a JSON line whose text holds NUL among 1,000
// good ones loses no good article, whatever the batch size.
func TestIngestNUL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nul.jsonl")
	var b bytes.Buffer
	for i := range 1001 {
		a := storetest.Article(i)
		text := a.Text
		if i == 494 {
			text = "A bad\x00line. " + text
		}
		json.NewEncoder(&b).Encode(map[string]string{"id": a.ID, "text": text})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, backend := range []string{"SQLite", "PostgreSQL"} {
		for _, batch := range []string{"100", "2000"} {
			t.Run(backend+"/batch"+batch, func(t *testing.T) {
				db := filepath.Join(dir, "b"+batch+".db")
				if backend == "PostgreSQL" {
					db = pgtest.Schema(t, "petrel_scale_")
				}
				_, stderr, err := runMain(t, nil, "ingest", "--db", db, "--batch", batch, path)
				if !strings.Contains(stderr, "nul.jsonl:495: NUL characters in text replaced with spaces") {
					t.Errorf("NUL line not reported: %q", stderr)
				}
				if exitCode(err) != 1 {
					t.Errorf("err = %v, want exit 1 for the reported line", err)
				}
				s, err := openStore(db, false)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				if got, want := storetest.MustCounts(t, s).Articles, 1001; got != want {
					t.Errorf("%d articles stored, want %d", got, want)
				}
			})
		}
	}
}

// mustOpenStore opens the SQLite store at path, closed when the test ends.
func mustOpenStore(t *testing.T, path string) petrel.Store {
	t.Helper()
	s, err := sqlite.OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
