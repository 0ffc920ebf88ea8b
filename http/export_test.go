package http_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"petrel"
	phttp "petrel/http"
	"petrel/output"
	"petrel/storetest"
)

// pagedIDs reads every event that matches filter through the cursor pages.
func pagedIDs(tb testing.TB, base string, filter url.Values) []string {
	tb.Helper()
	var out []string
	for cursor := ""; ; {
		var r phttp.EventsResponse
		get(tb, base+"/api/events?limit=10000&cursor="+url.QueryEscape(cursor)+"&"+filter.Encode(), &r)
		for _, e := range r.Events {
			out = append(out, e.ID)
		}
		if cursor = r.NextCursor; cursor == "" {
			return out
		}
	}
}

// export GETs an export and checks its headers.
func export(tb testing.TB, base, format string, filter url.Values) []byte {
	tb.Helper()
	resp, err := http.Get(base + "/api/events?format=" + format + "&" + filter.Encode())
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("export %s: %v", format, err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("export %s: %d %s", format, resp.StatusCode, body)
	}
	if got := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(got, `attachment; filename="petrel-events.`) {
		tb.Errorf("export %s: Content-Disposition = %q", format, got)
	}
	if got := resp.Header.Get("Content-Type"); got == "" || strings.HasPrefix(got, "application/json") {
		tb.Errorf("export %s: Content-Type = %q", format, got)
	}
	return body
}

// TestExport streams whole filtered sets, larger than the largest page, in
// each format and compares them with the cursor pages.
func TestExport(t *testing.T) {
	const n = 12000 // more than petrel.MaxLimit: no single page holds them
	store := MustOpenSQLite(t)
	for i := 0; i < n; i += 4000 {
		storetest.MustIngest(t, store, storetest.Docs(i, 4000), "v1")
	}
	s := MustOpenServer(t, phttp.Config{Store: store})
	base := s.URL()

	for _, filter := range []url.Values{
		{},
		// Page parameters, even nonsense ones, are ignored.
		{"actor": {"rus"}, "limit": {"2"}, "offset": {"x"}, "cursor": {"'; DROP TABLE events; --"}},
		{"code": {"0"}, "since": {"2024-01-15"}, "text": {`dispute" OR 1=1 --`}},
		{"country": {"UKR"}},
		{"plover": {"NOTHING"}},
	} {
		page := url.Values{}
		for k, v := range filter {
			if k != "limit" && k != "offset" && k != "cursor" {
				page[k] = v
			}
		}
		want := pagedIDs(t, base, page)
		if len(filter) == 0 && len(want) != n {
			t.Fatalf("%d events stored, want %d", len(want), n)
		}

		var got []string
		sc := bufio.NewScanner(bytes.NewReader(export(t, base, "jsonl", filter)))
		for sc.Scan() {
			var e petrel.StoredEvent
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatalf("jsonl: %v in %s", err, sc.Bytes())
			}
			if e.ArticleURL == "" || e.NumArticles == 0 {
				t.Fatalf("jsonl: not the stored event: %s", sc.Bytes())
			}
			got = append(got, e.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: jsonl has %d events, the pages %d", filter, len(got), len(want))
		}

		recs, err := csv.NewReader(bytes.NewReader(export(t, base, "csv", filter))).ReadAll()
		if err != nil {
			t.Fatalf("csv: %v", err)
		}
		if !slices.Equal(recs[0], output.CSVColumns) {
			t.Errorf("csv header = %v", recs[0])
		}
		got = got[:0]
		for _, r := range recs[1:] {
			got = append(got, r[0])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: csv has %d events, the pages %d", filter, len(got), len(want))
		}

		gd := export(t, base, "gdelt", filter)
		lines := strings.Split(strings.TrimSuffix(string(gd), "\n"), "\n")
		if len(gd) == 0 {
			lines = nil
		}
		if len(lines) != len(want) {
			t.Errorf("%v: gdelt has %d rows, the pages %d", filter, len(lines), len(want))
		}
		for _, l := range lines {
			if cols := strings.Split(l, "\t"); len(cols) != len(output.GDELTColumns) || !strings.HasPrefix(cols[len(cols)-1], "https://example.com/") {
				t.Fatalf("gdelt row of %d columns, source URL %q", len(cols), cols[len(cols)-1])
			}
		}
	}

	t.Run("ErrInvalid", func(t *testing.T) {
		for _, tc := range []struct{ query, param string }{
			{"format=xml", "format"},
			{"format=csv&actor=R'S", "actor"},
			{"format=jsonl&quad=9", "quad"},
			{"format=gdelt&text=" + url.QueryEscape(strings.Repeat("a", 2000)), "text"},
			{"format=csv&country=" + url.QueryEscape("'; DROP TABLE events; --"), "country"},
		} {
			status, body := do(t, "GET", base+"/api/events?"+tc.query, "", nil)
			expectError(t, status, body, 400, petrel.EINVALID, tc.param)
		}
	})
	if got := storetest.MustCounts(t, store).Events; got != n {
		t.Fatalf("%d events after the exports, want %d", got, n)
	}
}

// failingStore fails an export after a few events.
type failingStore struct{ petrel.Store }

func (f failingStore) EachEvent(ctx context.Context, flt petrel.EventFilter, fn func(*petrel.StoredEvent) error) error {
	n := 0
	err := f.Store.EachEvent(ctx, flt, func(e *petrel.StoredEvent) error {
		if n++; n > 3000 {
			return errors.New("disk on fire")
		}
		return fn(e)
	})
	return err
}

// TestExportAborted checks that an export failing after its first bytes
// breaks the connection instead of ending like a whole file.
func TestExportAborted(t *testing.T) {
	store := ingested(t, 4000)
	s := MustOpenServer(t, phttp.Config{Store: failingStore{store}, Logger: slog.New(slog.DiscardHandler)})
	resp, err := http.Get(s.URL() + "/api/events?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Fatal("a failed export read as a whole file")
	}
}

func TestPlaces(t *testing.T) {
	s := MustOpenServer(t, phttp.Config{Store: ingested(t, 200)})
	var r phttp.PlacesResponse
	get(t, s.URL()+"/api/stats/places?limit=1000", &r)
	if len(r.Places) == 0 {
		t.Fatal("no places")
	}
	total := 0
	for _, p := range r.Places {
		total += p.Count
	}
	// Every located event is counted once: the country filter's events
	// add up to the places of that country.
	country := r.Places[0].Country
	var evs phttp.EventsResponse
	get(t, s.URL()+"/api/events?limit=1000&country="+country, &evs)
	n := 0
	for _, p := range r.Places {
		if p.Country == country {
			n += p.Count
		}
	}
	if len(evs.Events) != n || n == 0 || n > total {
		t.Errorf("country %s: %d events, places count %d of %d", country, len(evs.Events), n, total)
	}
	var one phttp.PlacesResponse
	get(t, s.URL()+"/api/stats/places?limit=1&actor=RUS", &one)
	if len(one.Places) > 1 {
		t.Errorf("limit 1: %d places", len(one.Places))
	}
	status, body := do(t, "GET", s.URL()+"/api/stats/places?country=x-y", "", nil)
	expectError(t, status, body, 400, petrel.EINVALID, "country")
}

// TestExportCSVFormulaInjection stores an article whose sentence and
// actor text start with formula characters: the CSV export must write
// them as text (output.CSVCell), as petrel code --format csv does.
func TestExportCSVFormulaInjection(t *testing.T) {
	store := MustOpenSQLite(t)
	text := `=HYPERLINK("http://evil/","x") Russia accused Ukraine of shelling.`
	doc := storetest.FakeCoder{}.Code(&petrel.Article{ID: "@inj", Text: text, Date: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
	if len(doc.Events) == 0 {
		t.Fatal("the fake coder found no event")
	}
	storetest.MustIngest(t, store, []*petrel.Document{doc}, "v1")
	s := MustOpenServer(t, phttp.Config{Store: store})
	rows, err := csv.NewReader(bytes.NewReader(export(t, s.URL(), "csv", nil))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(doc.Events) {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows[1:] {
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && output.CSVCell(cell) != cell {
				t.Errorf("column %s: %q would run as a formula", output.CSVColumns[i], cell)
			}
		}
		if got := row[slices.Index(output.CSVColumns, "sentence")]; !strings.HasPrefix(got, `'=HYPERLINK(`) {
			t.Errorf("sentence = %q, want it quoted", got)
		}
		if got := row[slices.Index(output.CSVColumns, "article_id")]; got != "'@inj" {
			t.Errorf("article_id = %q, want '@inj", got)
		}
	}
}

// TestExportGDELTUndated checks that a GDELT export of events with no date
// (so with empty SQLDATE and DATEADDED) logs one warning, as petrel code
// prints one.
func TestExportGDELTUndated(t *testing.T) {
	store := MustOpenSQLite(t)
	var docs []*petrel.Document
	for id, text := range map[string]string{"undated-1": "Russia accused Ukraine of shelling.", "undated-2": "Iran accused Israel of shelling."} {
		doc := storetest.FakeCoder{}.Code(&petrel.Article{ID: id, Text: text})
		if len(doc.Events) == 0 {
			t.Fatal("the fake coder found no event")
		}
		docs = append(docs, doc)
	}
	storetest.MustIngest(t, store, docs, "v1")
	var logs bytes.Buffer
	s := MustOpenServer(t, phttp.Config{Store: store, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	body := export(t, s.URL(), "gdelt", nil)
	if rows := bytes.Count(body, []byte("\n")); rows < 2 {
		t.Fatalf("%d rows", rows)
	}
	if got := strings.Count(logs.String(), "has no date"); got != 1 {
		t.Errorf("%d warnings about undated events in the log, want 1:\n%s", got, logs.String())
	}
}
