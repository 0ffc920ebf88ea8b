// Package storetest is the behaviour every petrel.Store must show, written
// once and run against each backend (sqlite, postgres), with the fixtures
// and fake coder those tests and the server's tests share.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"petrel"
)

// Opener opens an empty store for one test and arranges for it to be
// closed when the test ends.
type Opener func(tb testing.TB) petrel.Store

// Article returns the i-th synthetic article: dated within 60 days from
// 2024-01-01, naming two of a few countries, with one coded event in its
// first sentence under FakeCoder. Every i gives a different text.
func Article(i int) *petrel.Article {
	c := fakeCountries
	src, tgt := c[i%16], c[(i*7+1)%12]
	if src == tgt {
		tgt = c[(i+1)%12]
	}
	v := fakeVerbs[i%8]
	return &petrel.Article{
		ID:     fmt.Sprintf("a%06d", i),
		Date:   time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, i%60),
		Title:  fmt.Sprintf("Story %d", i),
		Source: []string{"Reuters", "AP", "AFP"}[i%3],
		URL:    fmt.Sprintf("https://example.com/%d", i),
		Text: fmt.Sprintf("%s %s %s over the border dispute number %d. "+
			"Officials said \"we will respond\" in a statement. "+
			"The talks continue next week in Geneva with observers from %d countries.",
			src.name, v.word, tgt.name, i, i%17+2),
	}
}

// Docs codes n synthetic articles, from index from on, with FakeCoder.
func Docs(from, n int) []*petrel.Document {
	docs := make([]*petrel.Document, n)
	for i := range docs {
		docs[i] = FakeCoder{}.Code(Article(from + i))
	}
	return docs
}

// MustIngest ingests docs and fails the test on error.
func MustIngest(tb testing.TB, s petrel.Store, docs []*petrel.Document, dictVersion string) petrel.IngestStats {
	tb.Helper()
	st, err := s.Ingest(context.Background(), docs, dictVersion)
	if err != nil {
		tb.Fatalf("Ingest: %v", err)
	}
	return st
}

// MustCounts returns the store's counts and fails the test on error.
func MustCounts(tb testing.TB, s petrel.Store) petrel.Counts {
	tb.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		tb.Fatalf("Counts: %v", err)
	}
	return c
}

// WantCounts returns the counts a store holds after docs were stored once
// each (all distinct texts, each its own story).
func WantCounts(docs []*petrel.Document) petrel.Counts {
	var c petrel.Counts
	for _, d := range docs {
		c.Articles++
		c.Stories++
		c.Sentences += len(d.Sentences)
		c.Mentions += len(d.Mentions)
		c.Quotes += len(d.Quotes)
		c.Events += len(d.Events)
	}
	return c
}

// Test runs the conformance suite against the stores open returns.
func Test(t *testing.T, open Opener) {
	ctx := context.Background()

	t.Run("Ingest", func(t *testing.T) {
		t.Run("OK", func(t *testing.T) {
			s := open(t)
			docs := Docs(0, 30)
			st := MustIngest(t, s, docs, "v1")
			if got, want := st.Inserted, 30; got != want {
				t.Fatalf("Inserted = %d, want %d", got, want)
			}
			if got, want := MustCounts(t, s), WantCounts(docs); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
		})
		t.Run("RoundTrip", func(t *testing.T) {
			s := open(t)
			d := FakeCoder{}.Code(Article(3))
			d.Article.Date = time.Date(2024, 3, 4, 5, 6, 7, 0, time.FixedZone("X", 3600))
			d.Sentences[1].Text = "a sentence text that is not its span's"
			d.Skipped = []petrel.Skip{{Sentence: 2, Reason: petrel.SkipSentence, Rule: "r"}}
			d.Problems = []petrel.Diagnostic{{File: "f", Line: 2, Msg: "m"}}
			if len(d.Events) == 0 || d.Events[0].Target == nil {
				t.Fatal("fixture has no event with a target")
			}
			// How the coder inferred a party (issue 11) is stored with it.
			d.Events[0].Source.Inferred = "place"
			d.Events[0].Target.Inferred = "agentless"
			MustIngest(t, s, []*petrel.Document{d}, "v1")
			a, err := s.Article(ctx, d.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Article.Date.Equal(d.Article.Date) {
				t.Errorf("Date = %v, want %v", a.Article.Date, d.Article.Date)
			}
			a.Article.Date = d.Article.Date
			if got, want := a.Document, *d; !reflect.DeepEqual(got, want) {
				t.Errorf("Article =\n%+v\nwant\n%+v", got, want)
			}
			if got, want := a.DictVersion, "v1"; got != want {
				t.Errorf("DictVersion = %q, want %q", got, want)
			}
			if a.CodedAt.IsZero() {
				t.Error("CodedAt is zero")
			}
		})
		t.Run("Unchanged", func(t *testing.T) {
			s := open(t)
			docs := Docs(0, 10)
			MustIngest(t, s, docs, "v1")
			st := MustIngest(t, s, Docs(0, 10), "v1")
			if got, want := st, (petrel.IngestStats{Unchanged: 10}); !reflect.DeepEqual(got, want) {
				t.Fatalf("stats = %+v, want %+v", got, want)
			}
			if got, want := MustCounts(t, s), WantCounts(docs); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
		})
		t.Run("ReplacedByNewDictionaries", func(t *testing.T) {
			s := open(t)
			MustIngest(t, s, Docs(0, 10), "v1")
			docs := Docs(0, 10)
			for _, d := range docs {
				d.Events = append(d.Events, d.Events[0])
				d.Events[1].ID = d.Events[0].ID + "b"
				d.Events[1].Code = "0231"
			}
			st := MustIngest(t, s, docs, "v2")
			if got, want := st, (petrel.IngestStats{Replaced: 10, Events: 20}); !reflect.DeepEqual(got, want) {
				t.Fatalf("stats = %+v, want %+v", got, want)
			}
			if got, want := MustCounts(t, s), WantCounts(docs); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
			e, err := s.Event(ctx, docs[0].Events[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := e.DictVersion, "v2"; got != want {
				t.Errorf("DictVersion = %q, want %q", got, want)
			}
			if got, want := e.Code, "0231"; got != want {
				t.Errorf("Code = %q, want %q", got, want)
			}
		})
		t.Run("UpdatedByNewText", func(t *testing.T) {
			s := open(t)
			MustIngest(t, s, Docs(0, 2), "v1")
			a := Article(0)
			a.Text = strings.Replace(a.Text, "border", "river", 1)
			d := FakeCoder{}.Code(a)
			st := MustIngest(t, s, []*petrel.Document{d}, "v1")
			if want := (petrel.IngestStats{Updated: 1, Events: 1, UpdatedIDs: []string{a.ID}}); !reflect.DeepEqual(st, want) {
				t.Fatalf("stats = %+v, want %+v", st, want)
			}
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Article.Text != a.Text {
				t.Errorf("Text = %q, want %q", got.Article.Text, a.Text)
			}
			evs, _, err := s.Events(ctx, petrel.EventFilter{ArticleID: a.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || !strings.Contains(evs[0].Sentence, "river") {
				t.Errorf("events = %+v, want the one event of the new text", evs)
			}
			if got, want := MustCounts(t, s), WantCounts([]*petrel.Document{d, Docs(1, 1)[0]}); got != want {
				t.Errorf("Counts = %+v, want %+v", got, want)
			}
			// The new text again is unchanged.
			if st := MustIngest(t, s, []*petrel.Document{FakeCoder{}.Code(a)}, "v1"); st.Unchanged != 1 {
				t.Errorf("stats = %+v, want 1 unchanged", st)
			}
		})
		t.Run("UpdatedInBatch", func(t *testing.T) {
			// Two texts under one ID: the last is stored, whether they
			// come in one batch or two, so that where batch boundaries
			// fall (a batch size, a run killed and resumed) never changes
			// what is stored.
			a := Article(0)
			a.Text = strings.Replace(a.Text, "border", "river", 1)
			first, last := Docs(0, 1)[0], FakeCoder{}.Code(a)
			for _, batches := range [][][]*petrel.Document{
				{{first, last}},
				{{first}, {last}},
				{{first, last}, {first, last}},
				{{first}, {first, last}},
			} {
				s := open(t)
				var st petrel.IngestStats
				for _, b := range batches {
					st = MustIngest(t, s, b, "v1")
				}
				if st.Updated == 0 || st.Updated != len(st.UpdatedIDs) || !slices.Contains(st.UpdatedIDs, a.ID) {
					t.Errorf("%d batches: last stats = %+v, want %s updated", len(batches), st, a.ID)
				}
				got, err := s.Article(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if got.Article.Text != a.Text {
					t.Errorf("%d batches: Text = %q, want the last text", len(batches), got.Article.Text)
				}
				if got, want := MustCounts(t, s), WantCounts([]*petrel.Document{last}); got != want {
					t.Errorf("%d batches: Counts = %+v, want %+v", len(batches), got, want)
				}
			}
		})
		t.Run("DuplicateText", func(t *testing.T) {
			// An article's identity is its ID: a text stored under
			// another ID (here differing only in case and spacing) is
			// stored too, under its own ID with its own events, and
			// counted a duplicate; the story links the copies.
			s := open(t)
			MustIngest(t, s, Docs(0, 3), "v1")
			orig := Docs(1, 1)[0]
			a := *Article(1)
			a.ID = "other-id"
			a.Text = strings.ToUpper(a.Text[:1]) + a.Text[1:] + "  \n"
			d := FakeCoder{}.Code(&a)
			st := MustIngest(t, s, []*petrel.Document{d, Docs(1, 1)[0]}, "v1")
			if got, want := st, (petrel.IngestStats{Duplicates: 1, Unchanged: 1, Events: len(d.Events)}); !reflect.DeepEqual(got, want) {
				t.Fatalf("stats = %+v, want %+v", got, want)
			}
			want := WantCounts(append(Docs(0, 3), d))
			want.Stories--
			if got := MustCounts(t, s); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
			got, err := s.Article(ctx, "other-id")
			if err != nil {
				t.Fatal(err)
			}
			if got.Article.Text != a.Text || !slices.Equal(got.Duplicates, []string{orig.Article.ID}) {
				t.Errorf("copy: Text %q, Duplicates %v; want its own text and [%s]", got.Article.Text, got.Duplicates, orig.Article.ID)
			}
			evs, _, err := s.Events(ctx, petrel.EventFilter{ArticleID: "other-id"})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != len(d.Events) || len(evs) == 0 || evs[0].ID != d.Events[0].ID || evs[0].NumArticles != 2 {
				t.Errorf("copy's events = %+v, want its %d events, in a story of 2 articles", evs, len(d.Events))
			}
			// Sent again, the copy is unchanged.
			if st := MustIngest(t, s, []*petrel.Document{d}, "v1"); st.Unchanged != 1 || st.Total() != 1 {
				t.Errorf("copy again: stats = %+v, want 1 unchanged", st)
			}
		})
		t.Run("UpdateToStoredText", func(t *testing.T) {
			// An ID sent with the text of another stored article is an
			// update of that ID; both articles keep their IDs.
			s := open(t)
			MustIngest(t, s, Docs(0, 2), "v1")
			a := Article(1)
			a.ID = Article(0).ID
			d := FakeCoder{}.Code(a)
			st := MustIngest(t, s, []*petrel.Document{d}, "v1")
			if st.Updated != 1 || st.Total() != 1 {
				t.Fatalf("stats = %+v, want 1 updated", st)
			}
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Article.Text != a.Text {
				t.Errorf("Text = %q, want the new text", got.Article.Text)
			}
			if got := MustCounts(t, s).Articles; got != 2 {
				t.Errorf("Articles = %d, want 2", got)
			}
		})
		t.Run("DuplicateInBatch", func(t *testing.T) {
			s := open(t)
			docs := append(Docs(0, 5), Docs(0, 5)...)
			st := MustIngest(t, s, docs, "v1")
			if got, want := st, (petrel.IngestStats{Inserted: 5, Unchanged: 5, Events: WantCounts(docs[:5]).Events}); !reflect.DeepEqual(got, want) {
				t.Fatalf("stats = %+v, want %+v", got, want)
			}
			if got, want := MustCounts(t, s), WantCounts(docs[:5]); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
			// One text under three new IDs in one batch: all three are
			// stored, two counted duplicates, one story.
			var copies []*petrel.Document
			for _, id := range []string{"x", "y", "z"} {
				a := Article(7)
				a.ID = id
				copies = append(copies, FakeCoder{}.Code(a))
			}
			st = MustIngest(t, s, copies, "v1")
			if got, want := st, (petrel.IngestStats{Inserted: 1, Duplicates: 2, Events: WantCounts(copies).Events}); !reflect.DeepEqual(got, want) {
				t.Fatalf("copies: stats = %+v, want %+v", got, want)
			}
			want := WantCounts(append(docs[:5], copies...))
			want.Stories -= 2
			if got := MustCounts(t, s); got != want {
				t.Fatalf("copies: Counts = %+v, want %+v", got, want)
			}
		})
		t.Run("NoID", func(t *testing.T) {
			s := open(t)
			d := Docs(0, 1)[0]
			d.Article.ID = ""
			MustIngest(t, s, []*petrel.Document{d}, "v1")
			MustIngest(t, s, []*petrel.Document{d}, "v1")
			evs, _, err := s.Events(ctx, petrel.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].ArticleID == "" {
				t.Fatalf("events = %+v, want one with an article ID", evs)
			}
		})
		t.Run("ErrNilDocumentStoresNothing", func(t *testing.T) {
			s := open(t)
			docs := append(Docs(0, 3), nil)
			if _, err := s.Ingest(ctx, docs, "v1"); petrel.ErrorCode(err) != petrel.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if got, want := MustCounts(t, s), (petrel.Counts{}); got != want {
				t.Fatalf("Counts = %+v, want none", got)
			}
		})
		t.Run("StoryLinked", func(t *testing.T) {
			s := open(t)
			base := Article(5)
			var docs []*petrel.Document
			for i, outlet := range []string{"Reuters", "AP", "AP"} {
				a := *base
				a.ID = fmt.Sprintf("copy%d", i)
				a.Source = outlet
				a.Text = "GENEVA (" + outlet + ") - " + base.Text + strings.Repeat(" Filler words.", 20) + strings.Repeat(" More.", i)
				docs = append(docs, FakeCoder{}.Code(&a))
			}
			docs = append(docs, Docs(6, 1)...)
			MustIngest(t, s, docs, "v1")
			evs, _, err := s.Events(ctx, petrel.EventFilter{ArticleID: "copy1"})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 {
				t.Fatalf("got %d events, want 1", len(evs))
			}
			if got, want := [2]int{evs[0].NumArticles, evs[0].NumSources}, [2]int{3, 2}; got != want {
				t.Errorf("NumArticles, NumSources = %v, want %v", got, want)
			}
			a, err := s.Article(ctx, "copy0")
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.Duplicates, []string{"copy1", "copy2"}; !slices.Equal(got, want) {
				t.Errorf("Duplicates = %v, want %v", got, want)
			}
			other, _, _ := s.Events(ctx, petrel.EventFilter{ArticleID: Article(6).ID})
			if len(other) != 1 || other[0].NumArticles != 1 || other[0].NumSources != 1 {
				t.Errorf("unrelated article's event = %+v, want 1 article, 1 source", other)
			}
			if got, want := MustCounts(t, s).Stories, 2; got != want {
				t.Errorf("Stories = %d, want %d", got, want)
			}
		})
		t.Run("Concurrent", func(t *testing.T) {
			s := open(t)
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for g := range 8 {
				wg.Go(func() {
					// Overlapping ranges: every article is sent by two
					// ingesters.
					for b := range 5 {
						from := (g%4)*50 + b*10
						if _, err := s.Ingest(ctx, Docs(from, 10), "v1"); err != nil {
							errs <- err
							return
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if got, want := MustCounts(t, s), WantCounts(Docs(0, 200)); got != want {
				t.Fatalf("Counts = %+v, want %+v", got, want)
			}
		})
	})

	t.Run("Events", func(t *testing.T) { testEvents(t, open) })
	t.Run("Stats", func(t *testing.T) { testStats(t, open) })
	t.Run("EachEvent", func(t *testing.T) { testEachEvent(t, open) })
	t.Run("Places", func(t *testing.T) { testPlaces(t, open) })
	t.Run("Location", func(t *testing.T) { testLocation(t, open) })
	t.Run("RecodeGrid", func(t *testing.T) { testRecodeGrid(t, open) })
	t.Run("Hostile", func(t *testing.T) { testHostile(t, open) })
}

// testEachEvent checks that EachEvent gives the events Events pages
// through, whatever the page fields say, and stops at the callback's error.
func testEachEvent(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	MustIngest(t, s, Docs(0, 150), "v1")
	all := func(f petrel.EventFilter) []string {
		var out []string
		f.Limit = 7
		for {
			evs, next, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", f, err)
			}
			out = append(out, ids(evs)...)
			if next == "" {
				return out
			}
			f.Cursor = next
		}
	}
	for _, f := range []petrel.EventFilter{
		{},
		{Actor: "RUS"},
		{Source: "USA", Code: "0"},
		{Country: "UKR"},
		{Text: "dispute", Since: "2024-01-10", Until: "2024-02-10"},
		{ArticleID: "a000007"},
		{Plover: "nothing"},
	} {
		want := all(f)
		var got []string
		// Page fields are ignored: the whole set comes back.
		g := f
		g.Limit, g.Offset, g.Cursor = 3, 5, "bm9uc2Vuc2U"
		err := s.EachEvent(ctx, g, func(e *petrel.StoredEvent) error {
			got = append(got, e.ID)
			return nil
		})
		if err != nil {
			t.Fatalf("EachEvent(%+v): %v", f, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("EachEvent(%+v) = %v\nEvents pages = %v", f, got, want)
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.EachEvent(ctx, petrel.EventFilter{}, func(*petrel.StoredEvent) error {
		if n++; n == 5 {
			return stop
		}
		return nil
	})
	if err != stop || n != 5 {
		t.Errorf("EachEvent stopped with %v after %d events, want the callback's error after 5", err, n)
	}
	if err := s.EachEvent(ctx, petrel.EventFilter{Actor: "R'S"}, func(*petrel.StoredEvent) error { return nil }); petrel.ErrorCode(err) != petrel.EINVALID {
		t.Errorf("EachEvent with a bad actor: %v, want EINVALID", err)
	}
}

// testPlaces checks the per-location counts against the documents.
func testPlaces(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Docs(0, 150)
	MustIngest(t, s, docs, "v1")
	type key struct{ name, country string }
	want := map[key]int{}
	coords := map[key][2]float64{}
	located := 0
	for _, d := range docs {
		for _, e := range d.Events {
			if l := e.Location; l != nil {
				want[key{l.Name, l.Country}]++
				coords[key{l.Name, l.Country}] = [2]float64{l.Lat, l.Lon}
				located++
			}
		}
	}
	if located == 0 {
		t.Fatal("the fixtures have no located events")
	}
	rows, err := s.Places(ctx, petrel.EventFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Errorf("%d places, want %d: %+v", len(rows), len(want), rows)
	}
	for i, r := range rows {
		if got := want[key{r.Name, r.Country}]; got != r.Count {
			t.Errorf("place %+v: count %d, want %d", r, r.Count, got)
		}
		if c := coords[key{r.Name, r.Country}]; r.Lat != c[0] || r.Lon != c[1] {
			t.Errorf("place %+v: coordinates lost", r)
		}
		if i > 0 && rows[i-1].Count < r.Count {
			t.Errorf("places not ordered by count: %+v", rows)
		}
	}
	// The location-country filter matches the places of that country.
	r0 := rows[0]
	evs, _, err := s.Events(ctx, petrel.EventFilter{Country: strings.ToLower(r0.Country), Limit: petrel.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.Country == r0.Country {
			n += r.Count
		}
	}
	if len(evs) != n {
		t.Errorf("Events(country %s) = %d events, places say %d", r0.Country, len(evs), n)
	}
	for _, e := range evs {
		if e.Location == nil || e.Location.Country != r0.Country {
			t.Errorf("Events(country %s) gave %s located at %+v", r0.Country, e.ID, e.Location)
		}
	}
	rows, err = s.Places(ctx, petrel.EventFilter{Country: r0.Country, Limit: 1})
	if err != nil || len(rows) != 1 || rows[0].Country != r0.Country {
		t.Errorf("Places(country %s, limit 1) = %+v, %v", r0.Country, rows, err)
	}
	if _, err := s.Places(ctx, petrel.EventFilter{Country: "R'S"}); petrel.ErrorCode(err) != petrel.EINVALID {
		t.Errorf("Places with a bad country: %v, want EINVALID", err)
	}
}

// eventsOf returns the events of docs that pass keep, in store order.
func eventsOf(docs []*petrel.Document, keep func(e *petrel.Event) bool) []string {
	var evs []petrel.Event
	for _, d := range docs {
		for _, e := range d.Events {
			if keep(&e) {
				evs = append(evs, e)
			}
		}
	}
	slices.SortStableFunc(evs, func(a, b petrel.Event) int { return strings.Compare(a.Date, b.Date) })
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

// pageAll follows the cursor from the first page of f to the last and
// returns the IDs of all the events, in the order the pages gave them.
func pageAll(ctx context.Context, t *testing.T, s petrel.Store, f petrel.EventFilter) []string {
	t.Helper()
	var got []string
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("too many pages")
		}
		evs, next, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(evs)...)
		if next == "" {
			return got
		}
		f.Cursor = next
	}
}

func ids(evs []*petrel.StoredEvent) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

func party(p *petrel.Party, x string) bool {
	return p != nil && (p.Country == x || strings.HasPrefix(p.Code, x))
}

func testEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Docs(0, 120)
	MustIngest(t, s, docs, "v1")
	all := func(*petrel.Event) bool { return true }
	for _, tt := range []struct {
		name string
		f    petrel.EventFilter
		keep func(e *petrel.Event) bool
	}{
		{"All", petrel.EventFilter{Limit: 1000}, all},
		{"Actor", petrel.EventFilter{Actor: "rus", Limit: 1000}, func(e *petrel.Event) bool { return party(e.Source, "RUS") || party(e.Target, "RUS") }},
		{"ActorFullCode", petrel.EventFilter{Actor: "USAGOV", Limit: 1000}, func(e *petrel.Event) bool {
			return party(e.Source, "USAGOV") || party(e.Target, "USAGOV")
		}},
		{"Source", petrel.EventFilter{Source: "CHN", Limit: 1000}, func(e *petrel.Event) bool { return party(e.Source, "CHN") }},
		{"Target", petrel.EventFilter{Target: "CHN", Limit: 1000}, func(e *petrel.Event) bool { return party(e.Target, "CHN") }},
		{"SourceAndTarget", petrel.EventFilter{Source: "RUS", Target: "UKR", Limit: 1000}, func(e *petrel.Event) bool {
			return party(e.Source, "RUS") && party(e.Target, "UKR")
		}},
		{"CodePrefix", petrel.EventFilter{Code: "04", Limit: 1000}, func(e *petrel.Event) bool { return strings.HasPrefix(e.Code, "04") }},
		{"CodeFull", petrel.EventFilter{Code: "042", Limit: 1000}, func(e *petrel.Event) bool { return e.Code == "042" }},
		{"Plover", petrel.EventFilter{Plover: "consult", Limit: 1000}, func(e *petrel.Event) bool { return e.Plover.Type == "CONSULT" }},
		{"Quad", petrel.EventFilter{QuadClass: 4, Limit: 1000}, func(e *petrel.Event) bool { return e.QuadClass == 4 }},
		{"Since", petrel.EventFilter{Since: "2024-02-01", Limit: 1000}, func(e *petrel.Event) bool { return e.Date >= "2024-02-01" }},
		{"Until", petrel.EventFilter{Until: "2024-01-10", Limit: 1000}, func(e *petrel.Event) bool { return e.Date <= "2024-01-10" }},
		{"SinceUntil", petrel.EventFilter{Since: "2024-01-05", Until: "2024-01-05", Limit: 1000}, func(e *petrel.Event) bool { return e.Date == "2024-01-05" }},
		{"Text", petrel.EventFilter{Text: "dispute number 7.", Limit: 1000}, func(e *petrel.Event) bool {
			return strings.Contains(e.Sentence, "dispute number 7.")
		}},
		{"TextNoWords", petrel.EventFilter{Text: `"' -- *`, Limit: 1000}, func(e *petrel.Event) bool { return false }},
		{"TextOtherSentence", petrel.EventFilter{Text: "Geneva", Limit: 1000}, func(e *petrel.Event) bool { return false }},
		{"Article", petrel.EventFilter{ArticleID: "a000042"}, func(e *petrel.Event) bool { return e.ArticleID == "a000042" }},
		{"ArticleNotFound", petrel.EventFilter{ArticleID: "nope"}, func(e *petrel.Event) bool { return false }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs, next, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			want := eventsOf(docs, tt.keep)
			if tt.name != "All" && tt.name != "TextNoWords" && tt.name != "TextOtherSentence" && tt.name != "ArticleNotFound" && len(want) == 0 {
				t.Fatal("fixture has no matching event")
			}
			if got := ids(evs); !slices.Equal(got, want) {
				t.Errorf("events = %v, want %v", got, want)
			}
			if next != "" {
				t.Errorf("next = %q, want none", next)
			}
		})
	}
	t.Run("Evidence", func(t *testing.T) {
		d := docs[9]
		e, err := s.Event(ctx, d.Events[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := e.Event, d.Events[0]; !reflect.DeepEqual(got, want) {
			t.Errorf("Event = %+v, want %+v", got, want)
		}
		if e.ArticleTitle != d.Article.Title || e.ArticleSource != d.Article.Source || e.ArticleURL != d.Article.URL {
			t.Errorf("article fields = %q %q %q", e.ArticleTitle, e.ArticleSource, e.ArticleURL)
		}
	})
	t.Run("ErrEventNotFound", func(t *testing.T) {
		if _, err := s.Event(ctx, "nope"); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Fatalf("err = %v, want ENOTFOUND", err)
		}
	})
	t.Run("ErrArticleNotFound", func(t *testing.T) {
		if _, err := s.Article(ctx, "nope"); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Fatalf("err = %v, want ENOTFOUND", err)
		}
	})
	t.Run("Pages", func(t *testing.T) {
		want := eventsOf(docs, all)
		got := pageAll(ctx, t, s, petrel.EventFilter{Limit: 7})
		if !slices.Equal(got, want) {
			t.Errorf("paged events = %v, want %v", got, want)
		}
	})
	t.Run("PagesNewestFirst", func(t *testing.T) {
		// Newest first is the oldest-first order reversed, through the
		// cursor pages, with and without a filter that drives an index.
		for _, tt := range []struct {
			name string
			f    petrel.EventFilter
			keep func(e *petrel.Event) bool
		}{
			{"All", petrel.EventFilter{}, all},
			{"Actor", petrel.EventFilter{Actor: "RUS"}, func(e *petrel.Event) bool { return party(e.Source, "RUS") || party(e.Target, "RUS") }},
			{"Since", petrel.EventFilter{Since: "2024-02-01"}, func(e *petrel.Event) bool { return e.Date >= "2024-02-01" }},
		} {
			t.Run(tt.name, func(t *testing.T) {
				want := eventsOf(docs, tt.keep)
				slices.Reverse(want)
				f := tt.f
				f.Limit, f.Order = 7, petrel.OrderNewest
				got := pageAll(ctx, t, s, f)
				if !slices.Equal(got, want) {
					t.Errorf("newest first = %v, want %v", got, want)
				}
			})
		}
		t.Run("ErrCursorOfOtherOrder", func(t *testing.T) {
			_, next, err := s.Events(ctx, petrel.EventFilter{Limit: 3, Order: petrel.OrderNewest})
			if err != nil || next == "" {
				t.Fatal(err, next)
			}
			_, _, err = s.Events(ctx, petrel.EventFilter{Limit: 3, Cursor: next})
			if e := (*petrel.Error)(nil); !errors.As(err, &e) || e.Param != "cursor" {
				t.Fatalf("err = %v, want EINVALID on cursor", err)
			}
		})
		t.Run("UndatedLast", func(t *testing.T) {
			s := open(t)
			undated := Docs(200, 1)
			undated[0].Article.Date = time.Time{}
			for i := range undated[0].Events {
				undated[0].Events[i].Date = ""
			}
			MustIngest(t, s, append(Docs(0, 3), undated...), "v1")
			evs, _, err := s.Events(ctx, petrel.EventFilter{Order: petrel.OrderNewest})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) < 2 || evs[0].Date == "" || evs[len(evs)-1].Date != "" {
				t.Fatalf("newest first: first %q, last %q; want dated first, undated last", evs[0].Date, evs[len(evs)-1].Date)
			}
		})
	})
	t.Run("ErrInvalidOrder", func(t *testing.T) {
		_, _, err := s.Events(ctx, petrel.EventFilter{Order: "sideways"})
		if e := (*petrel.Error)(nil); !errors.As(err, &e) || e.Param != "order" {
			t.Fatalf("err = %v, want EINVALID on order", err)
		}
	})
	t.Run("Offset", func(t *testing.T) {
		want := eventsOf(docs, all)[10:15]
		evs, next, err := s.Events(ctx, petrel.EventFilter{Limit: 5, Offset: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(evs); !slices.Equal(got, want) {
			t.Errorf("events = %v, want %v", got, want)
		}
		if next == "" {
			t.Error("no next cursor")
		}
	})
	t.Run("DefaultLimit", func(t *testing.T) {
		evs, next, err := s.Events(ctx, petrel.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != petrel.DefaultLimit || next == "" {
			t.Errorf("got %d events, next %q; want %d and a cursor", len(evs), next, petrel.DefaultLimit)
		}
	})
	t.Run("Actors", func(t *testing.T) {
		as, err := s.Actors(ctx, "us", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) == 0 {
			t.Fatal("no actors")
		}
		for _, a := range as {
			if !strings.HasPrefix(a.Code, "US") || a.Count == 0 {
				t.Errorf("actor %+v does not start with US", a)
			}
		}
	})
	for _, tt := range []struct {
		name  string
		f     petrel.EventFilter
		param string
	}{
		{"ErrInvalidActor", petrel.EventFilter{Actor: "R-S"}, "actor"},
		{"ErrInvalidSource", petrel.EventFilter{Source: "ü"}, "source"},
		{"ErrInvalidTarget", petrel.EventFilter{Target: "'"}, "target"},
		{"ErrInvalidCode", petrel.EventFilter{Code: "04a"}, "code"},
		{"ErrInvalidPlover", petrel.EventFilter{Plover: "CONSULT;"}, "plover"},
		{"ErrInvalidSince", petrel.EventFilter{Since: "2024-13-01"}, "since"},
		{"ErrInvalidUntil", petrel.EventFilter{Until: "yesterday"}, "until"},
		{"ErrInvalidQuad", petrel.EventFilter{QuadClass: 5}, "quad"},
		{"ErrInvalidLimit", petrel.EventFilter{Limit: -1}, "limit"},
		{"ErrInvalidOffset", petrel.EventFilter{Offset: -1}, "offset"},
		{"ErrInvalidCursor", petrel.EventFilter{Cursor: "!!"}, "cursor"},
		{"ErrInvalidCursorContent", petrel.EventFilter{Cursor: "eHl6"}, "cursor"},
		{"ErrInvalidText", petrel.EventFilter{Text: strings.Repeat("x", petrel.MaxFilterBytes+1)}, "text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := s.Events(ctx, tt.f)
			var e *petrel.Error
			if !errors.As(err, &e) || e.Code != petrel.EINVALID || e.Param != tt.param {
				t.Fatalf("err = %v, want EINVALID for %s", err, tt.param)
			}
		})
	}
}

func testStats(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Docs(0, 120)
	MustIngest(t, s, docs, "v1")
	var total int
	for _, d := range docs {
		total += len(d.Events)
	}
	sum := func(rows []petrel.StatsRow) int {
		n := 0
		for _, r := range rows {
			n += r.Count
		}
		return n
	}
	for _, by := range []string{petrel.ByDay, petrel.ByWeek, petrel.ByMonth, petrel.ByRoot, petrel.ByCode, petrel.ByQuad, petrel.ByDyad, petrel.ByPlover} {
		t.Run(strings.ToUpper(by[:1])+by[1:], func(t *testing.T) {
			rows, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: petrel.EventFilter{Limit: 1000}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := sum(rows), total; got != want {
				t.Errorf("sum of counts = %d, want %d", got, want)
			}
		})
	}
	t.Run("Month", func(t *testing.T) {
		rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByMonth})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Key != "2024-01-01" && r.Key != "2024-02-01" {
				t.Errorf("month key %q", r.Key)
			}
			if r.QuadClass < 1 || r.QuadClass > 4 {
				t.Errorf("quad class %d", r.QuadClass)
			}
		}
	})
	t.Run("WeekStartsMonday", func(t *testing.T) {
		rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByWeek})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			d, err := time.Parse(time.DateOnly, r.Key)
			if err != nil || d.Weekday() != time.Monday {
				t.Errorf("week key %q is not a Monday", r.Key)
			}
		}
	})
	t.Run("QuadGoldstein", func(t *testing.T) {
		rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByQuad, Filter: petrel.EventFilter{Code: "19"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Key != "4" || rows[0].Goldstein != -10 {
			t.Errorf("rows = %+v, want quad 4 with Goldstein -10", rows)
		}
	})
	t.Run("Actor", func(t *testing.T) {
		rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByActor, Filter: petrel.EventFilter{Limit: 1000}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sum(rows), 2*total; got != want {
			t.Errorf("sum of counts = %d, want %d (source and target)", got, want)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i].Count > rows[i-1].Count {
				t.Fatalf("rows not by count: %+v", rows)
			}
		}
	})
	t.Run("Filtered", func(t *testing.T) {
		rows, err := s.Stats(ctx, petrel.StatsQuery{By: petrel.ByRoot, Filter: petrel.EventFilter{Actor: "RUS", Text: "dispute"}})
		if err != nil {
			t.Fatal(err)
		}
		want := len(eventsOf(docs, func(e *petrel.Event) bool { return party(e.Source, "RUS") || party(e.Target, "RUS") }))
		if got := sum(rows); got != want {
			t.Errorf("sum of counts = %d, want %d", got, want)
		}
	})
	t.Run("RollupMatchesEvents", func(t *testing.T) {
		// Stats without a text filter may come from a rollup that ingest
		// maintains; with one, from the events. Every event's sentence
		// holds "dispute", so both must agree, also after articles are
		// recoded with other events and a stored article is given again.
		s := open(t)
		MustIngest(t, s, Docs(0, 90), "v1")
		recoded := Docs(30, 40)
		for i, d := range recoded {
			for j := range d.Events {
				e := &d.Events[j]
				switch i % 3 {
				case 0:
					e.Code, e.RootCode, e.QuadClass, e.Goldstein = "190", "19", 4, -10
				case 1:
					e.Source = nil
				case 2:
					e.Goldstein += 0.3
				}
			}
			if i%5 == 4 {
				d.Events = nil
			}
		}
		MustIngest(t, s, recoded, "v2")
		MustIngest(t, s, Docs(80, 20), "v1")
		for _, by := range petrel.StatsGroupings {
			for _, f := range []petrel.EventFilter{{}, {Actor: "RUS"}, {Code: "1", Since: "2024-01-05"}, {QuadClass: 4}, {Plover: "CONSULT"}} {
				f.Limit = 1000
				got, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: f})
				if err != nil {
					t.Fatal(err)
				}
				f.Text = "dispute"
				want, err := s.Stats(ctx, petrel.StatsQuery{By: by, Filter: f})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Stats(%s, %+v) = %+v\nfrom the events: %+v", by, f, got, want)
				}
			}
		}
	})
	t.Run("ErrInvalidBy", func(t *testing.T) {
		_, err := s.Stats(ctx, petrel.StatsQuery{By: "year"})
		var e *petrel.Error
		if !errors.As(err, &e) || e.Code != petrel.EINVALID || e.Param != "by" {
			t.Fatalf("err = %v, want EINVALID for by", err)
		}
	})
}

// Hostile are filter values an attacker might send: SQL and FTS syntax,
// quotes, NULs, invalid UTF-8 and a megabyte of text.
var Hostile = []string{
	`'; DROP TABLE events; --`,
	`" OR 1=1 --`,
	`RUS' OR '1'='1`,
	`1; DELETE FROM articles`,
	`) UNION SELECT * FROM articles --`,
	`%`, `_`, `*`, `\`, `"`, `'`, `;`, `--`, `/*`,
	`NEAR(a b)`, `text:foo`, `foo*`, `"unterminated`, `a AND OR NOT b`, `^x`, `{a b}`, `-x`, `+`,
	"\x00", "\xff\xfe", "RUS\x00GOV",
	`$1`, `?`, `:name`, `@p`,
	strings.Repeat("A", 1<<20),
	strings.Repeat("'; DROP TABLE x; ", 70000),
}

func testHostile(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	docs := Docs(0, 20)
	MustIngest(t, s, docs, "v1")
	want := MustCounts(t, s)
	for i, v := range Hostile {
		for _, f := range []petrel.EventFilter{
			{Actor: v}, {Source: v}, {Target: v}, {Country: v}, {Code: v}, {Plover: v}, {Since: v}, {Until: v},
			{Text: v}, {ArticleID: v}, {Cursor: v}, {Text: v, Actor: "RUS"}, {Admin1: v}, {Admin1: v, Text: v},
		} {
			if _, err := s.Grid(ctx, petrel.GridQuery{Zoom: 3, Filter: f}); petrel.ErrorCode(err) != "" && petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("Grid: value %d, filter %+.60v: %v", i, f, err)
			}
			err := s.EachEvent(ctx, f, func(*petrel.StoredEvent) error { return nil })
			if code := petrel.ErrorCode(err); code != "" && code != petrel.EINVALID {
				t.Errorf("EachEvent: value %d, filter %+.60v: %v", i, f, err)
			}
			if _, err := s.Places(ctx, f); petrel.ErrorCode(err) != "" && petrel.ErrorCode(err) != petrel.EINVALID {
				t.Errorf("Places: value %d, filter %+.60v: %v", i, f, err)
			}
			_, _, err = s.Events(ctx, f)
			if code := petrel.ErrorCode(err); code != "" && code != petrel.EINVALID {
				t.Errorf("value %d, filter %+.60v: %v", i, f, err)
			}
			_, err = s.Stats(ctx, petrel.StatsQuery{By: petrel.ByDay, Filter: f})
			if code := petrel.ErrorCode(err); code != "" && code != petrel.EINVALID {
				t.Errorf("stats: value %d: %v", i, err)
			}
		}
		if _, err := s.Event(ctx, v); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Errorf("Event(value %d): %v, want ENOTFOUND", i, err)
		}
		if _, err := s.Article(ctx, v); petrel.ErrorCode(err) != petrel.ENOTFOUND {
			t.Errorf("Article(value %d): %v, want ENOTFOUND", i, err)
		}
		if _, err := s.Actors(ctx, v, 10); err != nil {
			t.Errorf("Actors(value %d): %v", i, err)
		}
		if _, err := s.Stats(ctx, petrel.StatsQuery{By: v}); petrel.ErrorCode(err) != petrel.EINVALID {
			t.Errorf("Stats(by value %d): %v, want EINVALID", i, err)
		}
	}
	if got := MustCounts(t, s); got != want {
		t.Fatalf("Counts after hostile queries = %+v, want %+v", got, want)
	}
	// Hostile text stored as data comes back as it went in.
	d := FakeCoder{}.Code(&petrel.Article{ID: Hostile[0], Text: Hostile[1] + " Russia met Ukraine. " + Hostile[0]})
	MustIngest(t, s, []*petrel.Document{d}, Hostile[2])
	a, err := s.Article(ctx, Hostile[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Article.Text != d.Article.Text || a.DictVersion != Hostile[2] {
		t.Errorf("hostile article came back as %q, %q", a.Article.Text, a.DictVersion)
	}
	evs, _, err := s.Events(ctx, petrel.EventFilter{Text: Hostile[0]})
	if err != nil {
		t.Fatal(err)
	}
	_ = evs
}
