package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"petrel"
	"petrel/output"
)

// TestParquet stores a corpus, then reads back with the Parquet library
// what petrel query --format parquet and petrel export wrote, and checks
// every row against the JSON Lines of the same query: the same events,
// typed columns, and the export partitioned by the events' year and month.
// (DuckDB's Go driver needs cgo, which petrel's build leaves off, so the
// files are read back with parquet-go alone here; docs/OUTPUT.md shows
// DuckDB, pandas and R reading them.)
func TestParquet(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	if _, stderr, err := runMain(t, nil, "ingest", "--db", db, filepath.Join("..", "..", "examples")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, stderr, err := runMain(t, nil, "query", "--db", db, "--format", "jsonl", "--limit", "20000")
	if err != nil {
		t.Fatalf("query jsonl: %v\n%s", err, stderr)
	}
	var want []petrel.StoredEvent
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e petrel.StoredEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		want = append(want, e)
	}
	if len(want) < 10 {
		t.Fatalf("only %d events from the examples", len(want))
	}

	t.Run("Query", func(t *testing.T) {
		out, stderr, err := runMain(t, nil, "query", "--db", db, "--format", "parquet", "--limit", "20000")
		if err != nil {
			t.Fatalf("query parquet: %v\n%s", err, stderr)
		}
		rows, err := parquet.Read[output.ParquetRow](bytes.NewReader([]byte(out)), int64(len(out)))
		if err != nil {
			t.Fatalf("read back: %v", err)
		}
		checkRows(t, rows, want)
		// The file's schema has the logical types analysts rely on.
		f, err := parquet.OpenFile(bytes.NewReader([]byte(out)), int64(len(out)))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ col, typ string }{
			{"date", "DATE"}, {"goldstein", "DOUBLE"}, {"code", "STRING"}, {"location_lat", "DOUBLE"}, {"source_start", "INT(32,true)"},
		} {
			col, ok := f.Schema().Lookup(c.col)
			if !ok {
				t.Errorf("no column %s", c.col)
				continue
			}
			typ := col.Node.Type().String()
			if lt := col.Node.Type().LogicalType(); lt != nil {
				typ = lt.String()
			}
			if typ != c.typ {
				t.Errorf("column %s is %s, want %s", c.col, typ, c.typ)
			}
		}
	})

	t.Run("Export", func(t *testing.T) {
		dsDir := filepath.Join(dir, "ds")
		if _, stderr, err := runMain(t, nil, "export", "--db", db, "--out", dsDir); err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		var rows []output.ParquetRow
		files := 0
		err := filepath.Walk(dsDir, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return err
			}
			if !strings.HasSuffix(p, ".parquet") {
				t.Errorf("stray file %s", p)
				return nil
			}
			files++
			part, err := parquet.ReadFile[output.ParquetRow](p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dsDir, filepath.Dir(p))
			for _, r := range part {
				wantDir := filepath.Join("year="+hiveNull, "month="+hiveNull)
				if d := output.ParquetDate(r.Date); d != "" {
					wantDir = filepath.Join("year="+d[:4], "month="+d[5:7])
				}
				if rel != wantDir {
					t.Errorf("event %s of %v is in %s", r.EventID, r.Date, rel)
				}
			}
			rows = append(rows, part...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if files < 2 {
			t.Errorf("%d partition files: the examples span several months", files)
		}
		checkRows(t, rows, want)
		if _, _, err := runMain(t, nil, "export", "--db", db, "--out", dsDir); err == nil {
			t.Error("export into a non-empty directory succeeded")
		}
	})
}

// checkRows compares Parquet rows with the stored events, in any order.
func checkRows(t *testing.T, rows []output.ParquetRow, want []petrel.StoredEvent) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].EventID < rows[j].EventID })
	w := append([]petrel.StoredEvent(nil), want...)
	sort.Slice(w, func(i, j int) bool { return w[i].ID < w[j].ID })
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for i, r := range rows {
		e := w[i]
		date := output.ParquetDate(r.Date)
		got := []any{r.EventID, r.ArticleID, int(r.SentenceIndex), r.Sentence, date, r.Code, r.RootCode, int(r.QuadClass), r.Goldstein,
			r.PloverType, r.VerbText, int(r.VerbStart), int(r.VerbEnd), r.Rule, str(r.DictVersion), str(r.Story), str(r.ArticleTitle)}
		exp := []any{e.ID, e.ArticleID, e.SentenceIndex, e.Sentence, e.Date, e.Code, e.RootCode, e.QuadClass, e.Goldstein,
			e.Plover.Type, e.Verb.Text, e.Verb.Start, e.Verb.End, e.Rule, e.DictVersion, e.Story, e.ArticleTitle}
		if a, b := mustJSON(t, got), mustJSON(t, exp); a != b {
			t.Errorf("row %d:\n got  %s\n want %s", i, a, b)
		}
		if (r.NumArticles == nil) || int(*r.NumArticles) != e.NumArticles {
			t.Errorf("event %s: num_articles %v, want %d", e.ID, r.NumArticles, e.NumArticles)
		}
		if (r.SourceCode == nil) != (e.Source == nil) || (e.Source != nil && (*r.SourceCode != e.Source.Code || int(*r.SourceStart) != e.Source.Start || int(*r.SourceEnd) != e.Source.End)) {
			t.Errorf("event %s: source %v, want %+v", e.ID, str(r.SourceCode), e.Source)
		}
		if (r.TargetCode == nil) != (e.Target == nil) || (e.Target != nil && *r.TargetCode != e.Target.Code) {
			t.Errorf("event %s: target %v, want %+v", e.ID, str(r.TargetCode), e.Target)
		}
		if (r.LocationName == nil) != (e.Location == nil) ||
			(e.Location != nil && (*r.LocationName != e.Location.Name || *r.LocationLat != e.Location.Lat || *r.LocationLon != e.Location.Lon || int(*r.LocationStart) != e.Location.Start)) {
			t.Errorf("event %s: location %v, want %+v", e.ID, str(r.LocationName), e.Location)
		}
	}
}
