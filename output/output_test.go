package output_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"petrel"
	"petrel/output"
)

// sampleDocs is a small hand-built run: a document with a full event, an
// event with no target or location, and one full of characters that need
// escaping; and a document without URL whose event has no date.
func sampleDocs() []*petrel.Document {
	text := "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Moscow on Tuesday."
	d1 := &petrel.Document{
		Article: petrel.Article{
			ID: "moscow-1", Date: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC),
			Title: "Talks in Moscow", Text: text, URL: "https://example.org/news/moscow-1?a=1&b=2",
			Source: "Example News",
		},
		Sentences: []petrel.Sentence{{Index: 0, Span: petrel.Span{Start: 0, End: len(text)}, Text: text}},
		Mentions: []petrel.Mention{
			{Sentence: 0, Span: petrel.Span{Start: 0, End: 31}, Text: "Russian Foreign Minister Sergei Lavrov", Code: "RUSGOV", Country: "RUS", Kind: petrel.KindPerson, Ref: -1},
		},
		Events: []petrel.Event{
			{
				ID: "moscow-1-0-0", ArticleID: "moscow-1", SentenceIndex: 0, Sentence: text,
				Date: "2021-10-20", Code: "043", RootCode: "04", QuadClass: 1, Goldstein: 2.8,
				Plover:   petrel.Plover{Type: "CONSULT", Mode: "visit"},
				Source:   &petrel.Party{Text: "Russian Foreign Minister Sergei Lavrov", Code: "RUSGOV", Country: "RUS", Start: 0, End: 38},
				Target:   &petrel.Party{Text: "his Chinese counterpart", Code: "CHNGOV", Country: "CHN", Start: 43, End: 66},
				Verb:     petrel.Evidence{Text: "met", Start: 39, End: 42},
				Location: &petrel.Location{Name: "Moscow", Country: "RUS", Lat: 55.7558, Lon: 37.6173, Start: 70, End: 76},
				Rule:     "MEET",
			},
			{
				ID: "moscow-1-0-1", ArticleID: "moscow-1", SentenceIndex: 2, Sentence: "The ministry\tsaid it would not\nrespond.",
				Date: "2021-10-20", Code: "0214", RootCode: "02", QuadClass: 1, Goldstein: -0.1,
				Plover:    petrel.Plover{Type: "", Mode: ""},
				Source:    &petrel.Party{Text: "The ministry", Code: "RUSGOVMIL", Country: "RUS", Start: 90, End: 102},
				Verb:      petrel.Evidence{Text: "respond", Start: 120, End: 127},
				Rule:      "SAY_WOULD_NOT",
				Qualifier: "would not",
			},
			{
				ID: "moscow-1-3-0", ArticleID: "moscow-1", SentenceIndex: 3,
				Sentence: "The \"EU\" <b>&</b> UN\u2028agreed\u2029on 1e-7 \x01 \xff Ω.",
				Date:     "2021-10-20", Code: "057", RootCode: "05", QuadClass: 1, Goldstein: 8,
				Plover:   petrel.Plover{Type: "AGREE", Mode: "sign"},
				Source:   &petrel.Party{Text: "The \"EU\"", Code: "IGOEUREEC", Start: 130, End: 138},
				Target:   &petrel.Party{Text: "UN", Code: "IGOUNO", Start: 148, End: 150},
				Verb:     petrel.Evidence{Text: "agreed", Start: 153, End: 159},
				Location: &petrel.Location{Name: "", Country: "BEL", Lat: 50.5, Lon: 4.4667, Start: 0, End: 0},
				Rule:     "AGREE",
			},
		},
	}
	d2 := &petrel.Document{
		Article: petrel.Article{ID: "feed:7", Date: time.Date(1987, 2, 26, 0, 0, 0, 0, time.UTC), Text: "Rebels attacked a convoy."},
		Events: []petrel.Event{{
			ID: "feed:7-0-0", ArticleID: "feed:7", SentenceIndex: 0, Sentence: "Rebels attacked a convoy.",
			Code: "190", RootCode: "19", QuadClass: 4, Goldstein: -10,
			Plover: petrel.Plover{Type: "ASSAULT", Mode: ""},
			Source: &petrel.Party{Text: "Rebels", Code: "REB", Start: 0, End: 6},
			Verb:   petrel.Evidence{Text: "attacked", Start: 7, End: 15},
			Rule:   "ATTACK",
		}},
	}
	empty := &petrel.Document{Article: petrel.Article{ID: "empty", Text: "Nothing happened."}}
	return []*petrel.Document{d1, empty, d2}
}

func render(t testing.TB, format string, docs []*petrel.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := output.New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatalf("Write(%s): %v", d.Article.ID, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// expectGolden compares got with testdata/name, or rewrites the file when
// UPDATE_GOLDEN=1.
func expectGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(UPDATE_GOLDEN=1 regenerates)", path, i+1, g, w)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	ext := map[string]string{"jsonl": "jsonl", "doc": "jsonl", "csv": "csv", "gdelt": "tsv", "table": "txt", "parquet": "rows.jsonl"}
	for _, f := range output.Formats {
		t.Run(f, func(t *testing.T) {
			got := render(t, f, sampleDocs())
			if f == "parquet" {
				got = parquetRows(t, got)
			}
			expectGolden(t, f+"."+ext[f], got)
		})
	}
}

func TestNewUnknownFormat(t *testing.T) {
	if _, err := output.New("xml", io.Discard); err == nil {
		t.Fatal("New(xml): want an error")
	}
}

func TestJSONLMatchesMarshal(t *testing.T) {
	var want bytes.Buffer
	for _, d := range sampleDocs() {
		for i := range d.Events {
			b, err := json.Marshal(&d.Events[i])
			if err != nil {
				t.Fatal(err)
			}
			want.Write(b)
			want.WriteByte('\n')
		}
	}
	if got := render(t, "jsonl", sampleDocs()); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("jsonl output differs from json.Marshal:\n got: %s\nwant: %s", got, want.Bytes())
	}
}

// TestJSONLInferred checks that a party's inference (issue 11: an unnamed
// actor's country from the place, an agentless passive) is written as
// encoding/json writes it, and left out when the text named the actor.
func TestJSONLInferred(t *testing.T) {
	e := petrel.Event{Code: "181",
		Source: &petrel.Party{Text: "Gunmen", Code: "NGAUAF", Country: "NGA", End: 6, Inferred: "dateline"},
		Target: &petrel.Party{Text: "worshippers", Code: "NGACVL", Country: "NGA", Start: 16, End: 27}}
	want, err := json.Marshal(&e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := output.AppendEventJSON(nil, &e)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("\n got %s\nwant %s", got, want)
	}
	if !bytes.Contains(got, []byte(`"end":6,"inferred":"dateline"}`)) {
		t.Errorf("source without its inference: %s", got)
	}
	if bytes.Count(got, []byte(`"inferred"`)) != 1 {
		t.Errorf("a named target has an inference: %s", got)
	}
}

func TestAppendEventJSONFloats(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 2.5, 1e-6, 9.99e-7, 1e-7, 1.5e-300,
		1e20, 1e21, 123456789e15, -3.4, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		e := petrel.Event{Goldstein: f, Location: &petrel.Location{Lat: f, Lon: -f}}
		want, err := json.Marshal(&e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := output.AppendEventJSON(nil, &e)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%g:\n got %s\nwant %s", f, got, want)
		}
	}
}

func TestWriteNaN(t *testing.T) {
	for _, f := range output.Formats {
		if f != "jsonl" && f != "doc" {
			continue // text formats print NaN as written
		}
		t.Run(f, func(t *testing.T) {
			docs := sampleDocs()
			bad := *docs[2]
			bad.Events = append([]petrel.Event{docs[2].Events[0]}, docs[2].Events...)
			bad.Events[1].Goldstein = math.NaN()
			var buf bytes.Buffer
			w, _ := output.New(f, &buf)
			if err := w.Write(&bad); err == nil {
				t.Fatal("Write: want an error for NaN")
			}
			w.Close()
			if buf.Len() != 0 {
				t.Fatalf("a failed Write left output behind: %q", buf.String())
			}
		})
	}
}

func FuzzAppendEventJSON(f *testing.F) {
	f.Add("Lavrov <met> \"Wang\" & co", "RUSGOV", 2.8, 55.75, "would not")
	f.Add("\u2028\u2029\x00\x1f\x7f\xff\xfe", "", 1e-7, 1e21, "")
	f.Add("Ω€𝄞\\/\b\f\n\r\t", "IGO", math.Copysign(0, -1), -1e-300, "x")
	f.Fuzz(func(t *testing.T, s, code string, g, lat float64, q string) {
		if math.IsNaN(g) || math.IsInf(g, 0) || math.IsNaN(lat) || math.IsInf(lat, 0) {
			return
		}
		e := petrel.Event{
			ID: s, ArticleID: code, Sentence: s, Date: q, Code: code, Goldstein: g,
			Plover: petrel.Plover{Type: s, Mode: q},
			Source: &petrel.Party{Text: s, Code: code, Country: q, Start: len(s), End: -len(q), Inferred: q},
			Verb:   petrel.Evidence{Text: q},
			Rule:   s, Qualifier: q,
		}
		if len(s)%2 == 0 {
			e.Location = &petrel.Location{Name: s, Country: code, Lat: lat, Lon: g}
		}
		want, err := json.Marshal(&e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := output.AppendEventJSON(nil, &e)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}

func TestCSV(t *testing.T) {
	r := csv.NewReader(bytes.NewReader(render(t, "csv", sampleDocs())))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rows[0], ","), strings.Join(output.CSVColumns, ","); got != want {
		t.Fatalf("header = %s, want %s", got, want)
	}
	if got, want := len(rows), 1+4; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	col := map[string]int{}
	for i, c := range output.CSVColumns {
		col[c] = i
	}
	if got := rows[2][col["sentence"]]; got != "The ministry\tsaid it would not\nrespond." {
		t.Errorf("sentence did not round-trip: %q", got)
	}
	if got := rows[2][col["target_code"]]; got != "" {
		t.Errorf("missing target: target_code = %q, want empty", got)
	}
}

func TestCSVEmptyRunHasHeader(t *testing.T) {
	if got, want := string(render(t, "csv", nil)), strings.Join(output.CSVColumns, ",")+"\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestGDELT(t *testing.T) {
	if got := len(output.GDELTColumns); got != 61 {
		t.Fatalf("GDELTColumns has %d names, want 61", got)
	}
	out := strings.TrimSuffix(string(render(t, "gdelt", sampleDocs())), "\n")
	lines := strings.Split(out, "\n")
	if got, want := len(lines), 4; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	col := map[string]int{}
	for i, c := range output.GDELTColumns {
		col[c] = i
	}
	rows := make([][]string, len(lines))
	for i, l := range lines {
		rows[i] = strings.Split(l, "\t")
		if got := len(rows[i]); got != 61 {
			t.Fatalf("row %d has %d fields, want 61: %q", i, got, l)
		}
	}
	tests := []struct {
		row        int
		col, value string
	}{
		{0, "SQLDATE", "20211020"},
		{0, "MonthYear", "202110"},
		{0, "Year", "2021"},
		{0, "FractionDate", "2021.7945"},
		{0, "Actor1Code", "RUSGOV"},
		{0, "Actor1Name", "RUSSIAN FOREIGN MINISTER SERGEI LAVROV"},
		{0, "Actor1CountryCode", "RUS"},
		{0, "Actor1Type1Code", "GOV"},
		{0, "Actor2CountryCode", "CHN"},
		{0, "IsRootEvent", "1"},
		{0, "EventCode", "043"},
		{0, "EventBaseCode", "043"},
		{0, "EventRootCode", "04"},
		{0, "QuadClass", "1"},
		{0, "GoldsteinScale", "2.8"},
		{0, "NumMentions", "1"},
		{0, "ActionGeo_Type", "4"},
		{0, "ActionGeo_FullName", "Moscow, Russia"},
		{0, "ActionGeo_CountryCode", "RS"},
		{0, "ActionGeo_Lat", "55.7558"},
		{0, "DATEADDED", "20211020000000"},
		{0, "SOURCEURL", "https://example.org/news/moscow-1?a=1&b=2"},
		{1, "IsRootEvent", "0"},
		{1, "EventBaseCode", "021"},
		{1, "Actor1Type1Code", "GOV"},
		{1, "Actor1Type2Code", "MIL"},
		{1, "Actor2Code", ""},
		{1, "ActionGeo_Type", "0"},
		{2, "Actor1CountryCode", "EUR"},
		{2, "Actor1KnownGroupCode", "EEC"},
		{2, "Actor1Type1Code", "IGO"},
		{2, "Actor2KnownGroupCode", "UNO"},
		{2, "ActionGeo_Type", "1"},
		{3, "SQLDATE", "19870226"},
		{3, "Actor1Type1Code", "REB"},
		{3, "Actor1CountryCode", ""},
		{3, "SOURCEURL", "feed:7"},
	}
	for _, tt := range tests {
		if got := rows[tt.row][col[tt.col]]; got != tt.value {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.col, got, tt.value)
		}
	}
	h := fnv.New64a()
	h.Write([]byte("moscow-1-0-0"))
	if got, want := output.GlobalEventID("moscow-1-0-0"), h.Sum64()&(1<<63-1); got != want {
		t.Errorf("GlobalEventID = %d, want FNV-64a masked to 63 bits = %d", got, want)
	}
	if got, want := rows[0][0], strconv.FormatUint(output.GlobalEventID("moscow-1-0-0"), 10); got != want {
		t.Errorf("GLOBALEVENTID = %s, want %s", got, want)
	}
}

// benchDoc is a synthetic document of n realistic events.
func benchDoc(n int) *petrel.Document {
	base := sampleDocs()[0]
	d := &petrel.Document{Article: base.Article}
	for i := range n {
		e := base.Events[i%2]
		d.Events = append(d.Events, e)
	}
	return d
}

func BenchmarkJSONLWriter(b *testing.B) {
	d := benchDoc(100)
	size := len(render(b, "jsonl", []*petrel.Document{d}))
	w, _ := output.New("jsonl", io.Discard)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(d); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	b.ReportMetric(float64(b.N*len(d.Events))/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkJSONMarshal is the encoding/json baseline BenchmarkJSONLWriter
// is measured against.
func BenchmarkJSONMarshal(b *testing.B) {
	d := benchDoc(100)
	b.ReportAllocs()
	for b.Loop() {
		for i := range d.Events {
			if _, err := json.Marshal(&d.Events[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(d.Events))/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkWriters(b *testing.B) {
	d := benchDoc(100)
	for _, f := range output.Formats {
		b.Run(f, func(b *testing.B) {
			w, _ := output.New(f, io.Discard)
			b.ReportAllocs()
			for b.Loop() {
				w.Write(d)
			}
			w.Close()
			b.ReportMetric(float64(b.N*len(d.Events))/b.Elapsed().Seconds(), "events/s")
		})
	}
}

func TestCSVCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Russia", "Russia"},
		{`=HYPERLINK("http://evil/","x")`, `'=HYPERLINK("http://evil/","x")`},
		{"+7 killed", "'+7 killed"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"---GOV", "'---GOV"},
		{"-5", "-5"},
		{"-5.5", "-5.5"},
		{"+0.25", "+0.25"},
		{"-", "'-"},
		{"-.", "'-."},
		{"-1.2.3", "'-1.2.3"},
		{"a=b", "a=b"},
	} {
		if got := output.CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVFormulaInjection writes events whose text cells start with
// formula characters and checks each comes out as text, while negative
// numbers stay numbers.
func TestCSVFormulaInjection(t *testing.T) {
	d := &petrel.Document{Article: petrel.Article{ID: "=1+1"}, Events: []petrel.Event{{
		ID: "@evil-0", ArticleID: "=1+1", Sentence: `=HYPERLINK("http://evil/","x") said Russia.`,
		Date: "1987-01-02", Code: "111", RootCode: "11", QuadClass: 3, Goldstein: -2,
		Source:   &petrel.Party{Text: "+Russia", Code: "RUS", Country: "RUS"},
		Target:   &petrel.Party{Text: "-Ukraine", Code: "---GOV"},
		Verb:     petrel.Evidence{Text: "\tsaid"},
		Location: &petrel.Location{Name: "\rKyiv", Lat: -33.5, Lon: 30.5},
	}}}
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", []*petrel.Document{d}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := map[string]string{}
	for i, c := range output.CSVColumns {
		row[c] = rows[1][i]
	}
	for col, want := range map[string]string{
		"event_id": "'@evil-0", "article_id": "'=1+1", "sentence": `'=HYPERLINK("http://evil/","x") said Russia.`,
		"source_text": "'+Russia", "target_text": "'-Ukraine", "target_code": "'---GOV", "verb_text": "'\tsaid",
		"location_name": "'\rKyiv", "goldstein": "-2", "lat": "-33.5", "source_code": "RUS",
	} {
		if got := row[col]; got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
}

// parquetRows reads a Parquet file back with the library and returns its
// rows as JSON Lines, so its golden file is text a reviewer can read.
func parquetRows(t *testing.T, file []byte) []byte {
	t.Helper()
	rows, err := parquet.Read[output.ParquetRow](bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func TestGDELTGeo(t *testing.T) {
	for _, tt := range []struct {
		name string
		loc  petrel.Location
		want output.Geo
	}{
		{"city", petrel.Location{Name: "Al Amarah", Country: "IRQ", Precision: "city", GeoNameID: 99608, Admin1: "Maysan", Admin1Code: "IQ.14"},
			output.Geo{Type: "4", FullName: "Al Amarah, Maysan, Iraq", CountryCode: "IZ", ADM1Code: "IZ14", FeatureID: "99608"}},
		{"US city", petrel.Location{Name: "Paris", Country: "USA", Precision: "city", GeoNameID: 4717560, Admin1: "Texas", Admin1Code: "US.TX"},
			output.Geo{Type: "3", FullName: "Paris, Texas, United States", CountryCode: "US", ADM1Code: "USTX", FeatureID: "4717560"}},
		{"admin1", petrel.Location{Name: "North Sinai", Country: "EGY", Precision: "admin1", Admin1: "North Sinai", Admin1Code: "EG.27"},
			output.Geo{Type: "5", FullName: "North Sinai, Egypt", CountryCode: "EG", ADM1Code: "EG27", FeatureID: "EG27"}},
		{"US state", petrel.Location{Name: "Texas", Country: "USA", Precision: "admin1", Admin1: "Texas", Admin1Code: "US.TX"},
			output.Geo{Type: "2", FullName: "Texas, United States", CountryCode: "US", ADM1Code: "USTX", FeatureID: "USTX"}},
		{"admin2", petrel.Location{Name: "Zakho District", Country: "IRQ", Precision: "admin2", Admin1: "Duhok", Admin1Code: "IQ.08"},
			output.Geo{Type: "5", FullName: "Zakho District, Duhok, Iraq", CountryCode: "IZ", ADM1Code: "IZ08", FeatureID: "IZ08"}},
		{"country", petrel.Location{Name: "Germany", Country: "DEU", Precision: "country"},
			output.Geo{Type: "1", FullName: "Germany", CountryCode: "GM", ADM1Code: "GM", FeatureID: "GM"}},
		{"Gaza", petrel.Location{Name: "Gaza", Country: "PSE", Precision: "city", GeoNameID: 281133, Admin1: "Gaza Strip", Admin1Code: "PS.GZ"},
			output.Geo{Type: "4", FullName: "Gaza, Gaza Strip, Palestine", CountryCode: "GZ", ADM1Code: "GZ", FeatureID: "281133"}},
		{"old store country", petrel.Location{Name: "RUS", Country: "RUS"},
			output.Geo{Type: "1", FullName: "Russia", CountryCode: "RS", ADM1Code: "RS", FeatureID: "RS"}},
		{"old store city", petrel.Location{Name: "Moscow", Country: "RUS"},
			output.Geo{Type: "4", FullName: "Moscow, Russia", CountryCode: "RS", FeatureID: ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := output.GDELTGeo(&tt.loc); got != tt.want {
				t.Errorf("GDELTGeo = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// FuzzCSVCell checks CSVCell's contract: a cell is either left alone or
// gets one quote in front, and what comes out never starts with a formula
// character unless it is a plain decimal number.
func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"", "=1+1", "-5", "-5.5.", "@x", "\t", "+", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := output.CSVCell(s)
		if out != s && out != "'"+s {
			t.Fatalf("CSVCell(%q) = %q", s, out)
		}
		if out != "" && strings.ContainsRune("=+-@\t\r", rune(out[0])) {
			if _, err := strconv.ParseFloat(out, 64); err != nil {
				t.Fatalf("CSVCell(%q) = %q starts with a formula character and is no number", s, out)
			}
		}
	})
}
