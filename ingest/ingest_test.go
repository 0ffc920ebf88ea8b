package ingest_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/ingest"
)

var defaultDate = time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC)

// art is the part of an article a test checks, with Date as YYYY-MM-DD.
type art struct {
	ID, Date, Title, Text, URL, Source, Origin string
}

type file struct {
	name, data string
}

// scan writes files into a temporary directory, scans args (relative to
// it; nil means every file in order) and returns the articles and the
// diagnostics, with the directory stripped from paths.
func scan(t *testing.T, files []file, args []string, stdin io.Reader, opts ingest.Options) ([]art, []string, *ingest.Scanner) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if args == nil {
		for _, f := range files {
			args = append(args, f.name)
		}
	}
	var paths []string
	for _, a := range args {
		if a == "-" {
			paths = append(paths, a)
		} else {
			paths = append(paths, filepath.Join(dir, a))
		}
	}
	strip := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	var diags []string
	if opts.DefaultDate.IsZero() {
		opts.DefaultDate = defaultDate
	}
	opts.OnDiag = func(d petrel.Diagnostic) { diags = append(diags, strip(d.String())) }
	s := ingest.NewScanner(paths, stdin, opts)
	var arts []art
	for {
		a, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		date := ""
		if !a.Date.IsZero() {
			date = a.Date.Format("2006-01-02")
		}
		arts = append(arts, art{a.ID, date, a.Title, a.Text, a.URL, a.Source, strip(a.Origin)})
	}
	if got, want := s.Problems(), len(diags); got != want {
		t.Errorf("Problems() = %d, want %d", got, want)
	}
	if a, err := s.Next(); a != nil || err != io.EOF {
		t.Errorf("Next after EOF = %v, %v; want nil, io.EOF", a, err)
	}
	return arts, diags, s
}

func check(t *testing.T, gotArts []art, gotDiags []string, wantArts []art, wantDiags []string) {
	t.Helper()
	if len(gotArts) != len(wantArts) {
		t.Errorf("got %d articles, want %d:\n%+v", len(gotArts), len(wantArts), gotArts)
	}
	for i := range min(len(gotArts), len(wantArts)) {
		if gotArts[i] != wantArts[i] {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, gotArts[i], wantArts[i])
		}
	}
	if !reflect.DeepEqual(gotDiags, wantDiags) && (len(gotDiags) > 0 || len(wantDiags) > 0) {
		t.Errorf("diagnostics:\n got %q\nwant %q", gotDiags, wantDiags)
	}
}

const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Ministers meet in Moscow | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-10-20T08:00:00Z">
<link rel="canonical" href="https://example.org/world/moscow-talks">
<script>var tracking = "do not read me";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Ministers meet in Moscow</h1>
<p>The foreign ministers of two neighbouring states met in the capital on Tuesday
   to discuss trade, border crossings and a long-delayed pipeline, officials said.</p>
<p>Both delegations described the talks as <b>constructive</b>, and agreed to meet again
before the end of the year.<br>A joint statement is expected on Friday.</p>
<p>Analysts said the meeting was the first at this level since the spring, when a dispute
over grain exports had stalled contacts between the two governments for several months.</p>
</article>
<footer><p>Copyright Example News. All rights reserved.</p></footer>
</body></html>
`

func TestScanner(t *testing.T) {
	tests := []struct {
		name      string
		files     []file
		args      []string
		stdin     string
		max       int
		wantArts  []art
		wantDiags []string
	}{
		{
			name:     "Text",
			files:    []file{{"a.txt", "Rebels attacked a convoy.\r\nTwo died.\n"}},
			wantArts: []art{{"a", "2000-01-02", "", "Rebels attacked a convoy.\r\nTwo died.\n", "", "", "a.txt"}},
		},
		{
			name:     "TextBOM",
			files:    []file{{"b.TXT", "\uFEFFHello."}},
			wantArts: []art{{"b", "2000-01-02", "", "Hello.", "", "", "b.TXT"}},
		},
		{
			name:     "TextUTF16",
			files:    []file{{"u.txt", "\xff\xfeH\x00i\x00 \x00\xa9\x00"}},
			wantArts: []art{{"u", "2000-01-02", "", "Hi ©", "", "", "u.txt"}},
		},
		{
			name:     "OtherExtensionNamedExplicitly",
			files:    []file{{"notes.md", "# A heading\nText."}},
			wantArts: []art{{"notes", "2000-01-02", "", "# A heading\nText.", "", "", "notes.md"}},
		},
		{
			name:  "HTML",
			files: []file{{"p.html", page}},
			wantArts: []art{{"p", "2021-10-20", "Ministers meet in Moscow | Example News",
				"The foreign ministers of two neighbouring states met in the capital on Tuesday to discuss trade, border crossings and a long-delayed pipeline, officials said.\n\n" +
					"Both delegations described the talks as constructive, and agreed to meet again before the end of the year.\nA joint statement is expected on Friday.\n\n" +
					"Analysts said the meeting was the first at this level since the spring, when a dispute over grain exports had stalled contacts between the two governments for several months.",
				"https://example.org/world/moscow-talks", "Example News", "p.html"}},
		},
		{
			name:     "HTMLTiny",
			files:    []file{{"t.htm", "<p>Short   page.</p><p>Two.</p>"}},
			wantArts: []art{{"t", "2000-01-02", "", "Short page.\n\nTwo.", "", "", "t.htm"}},
		},
		{
			name:     "HTMLLatin1Declared",
			files:    []file{{"l.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 talks.</p></body></html>"}},
			wantArts: []art{{"l", "2000-01-02", "", "Café talks.", "", "", "l.html"}},
		},
		{
			name:      "HTMLEmptyBody",
			files:     []file{{"e.html", "<html><body><script>x()</script></body></html>"}},
			wantDiags: []string{"e.html: no text in HTML page, skipped"},
		},
		{
			name: "JSONL",
			files: []file{{"feed.jsonl", "\uFEFF" + `{"id":"a1","date":"2021-10-20","title":"T","text":"One.","url":"http://x/1","source":"Wire"}` + "\n" +
				`{"text":"No id, no date."}` + "\r\n" +
				"\n" +
				`{"id":42,"date":"2021-10-21T23:30:00-05:00","text":"Numeric id, RFC 3339."}` + "\n" +
				`{"id":"c","date":"20211022","text":"Compact date.","extra":[1,2]}` + "\n" +
				`{"id":"d","text":"unterminated` + "\n" +
				`{"id":"e","text":""}` + "\n" +
				`{"id":"f"}` + "\n" +
				`{"id":"g","date":"last Tuesday","text":"Bad date."}` + "\n" +
				`{"id":"h","text":"Bad ` + "\xff" + ` byte."}` + "\n" +
				`{"id":"i","text":5}` + "\n" +
				`["not","an","object"]` + "\n" +
				`{"id":{},"text":"x"}` + "\n" +
				`{"id":"j","text":"No final newline."}`}},
			wantArts: []art{
				{"a1", "2021-10-20", "T", "One.", "http://x/1", "Wire", "feed.jsonl:1"},
				{"feed:2", "2000-01-02", "", "No id, no date.", "", "", "feed.jsonl:2"},
				{"42", "2021-10-21", "", "Numeric id, RFC 3339.", "", "", "feed.jsonl:4"},
				{"c", "2021-10-22", "", "Compact date.", "", "", "feed.jsonl:5"},
				{"g", "2000-01-02", "", "Bad date.", "", "", "feed.jsonl:9"},
				{"h", "2000-01-02", "", "Bad \uFFFD byte.", "", "", "feed.jsonl:10"},
				{"j", "2000-01-02", "", "No final newline.", "", "", "feed.jsonl:14"},
			},
			wantDiags: []string{
				"feed.jsonl:6: malformed JSON: unexpected end of JSON input",
				`feed.jsonl:7: no "text", skipped`,
				`feed.jsonl:8: no "text", skipped`,
				`feed.jsonl:9: unknown date "last Tuesday", using the default`,
				"feed.jsonl:10: invalid UTF-8, bad bytes replaced with U+FFFD",
				`feed.jsonl:11: malformed JSON: field "text": unexpected JSON number`,
				"feed.jsonl:12: malformed JSON: want an object, got JSON array",
				"feed.jsonl:13: malformed JSON: id must be a string or a number",
			},
		},
		{
			name:      "JSONLLineTooLong",
			files:     []file{{"f.ndjson", `{"id":"a","text":"short"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("x", 100) + `"}` + "\n" + `{"id":"c","text":"after"}` + "\n"}},
			max:       64,
			wantArts:  []art{{"a", "2000-01-02", "", "short", "", "", "f.ndjson:1"}, {"c", "2000-01-02", "", "after", "", "", "f.ndjson:3"}},
			wantDiags: []string{"f.ndjson:2: line too long (120 bytes), skipped"},
		},
		{
			name:      "TextTooLarge",
			files:     []file{{"big.txt", strings.Repeat("word ", 20)}},
			max:       64,
			wantDiags: []string{"big.txt: file too large (100 bytes, limit 64), skipped"},
		},
		{
			name:      "InvalidUTF8",
			files:     []file{{"bad.txt", "Line one.\nLine two.\nCaf\xe9 on line three.\n\xffagain"}},
			wantArts:  []art{{"bad", "2000-01-02", "", "Line one.\nLine two.\nCaf\uFFFD on line three.\n\uFFFDagain", "", "", "bad.txt"}},
			wantDiags: []string{"bad.txt:3: invalid UTF-8, bad bytes replaced with U+FFFD"},
		},
		{
			name:      "BinaryNUL",
			files:     []file{{"img.txt", "GIF89a\x00\x01\x02text"}},
			wantDiags: []string{"img.txt: binary file, skipped"},
		},
		{
			name:      "BinaryNoNUL",
			files:     []file{{"blob.txt", strings.Repeat("\x01\x02\x03\xff\xfeab", 100)}},
			wantDiags: []string{"blob.txt: binary file, skipped"},
		},
		{
			name:      "BinaryJSONL",
			files:     []file{{"x.jsonl", "\x1f\x8b\x08\x00\x00\n\x00{}\n"}, {"y.jsonl", `{"text":"ok"}`}},
			wantArts:  []art{{"y:1", "2000-01-02", "", "ok", "", "", "y.jsonl:1"}},
			wantDiags: []string{"x.jsonl: binary file, skipped"},
		},
		{
			name:      "Empty",
			files:     []file{{"e.txt", ""}, {"w.txt", " \n\t\r\n"}, {"e.jsonl", ""}, {"w.jsonl", "\n  \n"}, {"e.html", ""}},
			wantDiags: []string{"e.txt: empty file, skipped", "w.txt: empty file, skipped", "e.jsonl: empty file, skipped", "w.jsonl: empty file, skipped", "e.html: empty file, skipped"},
		},
		{
			name:      "Missing",
			files:     []file{{"ok.txt", "Fine."}},
			args:      []string{"nope.txt", "ok.txt", "gone/"},
			wantArts:  []art{{"ok", "2000-01-02", "", "Fine.", "", "", "ok.txt"}},
			wantDiags: []string{"nope.txt: no such file", "gone: no such file"},
		},
		{
			name: "Directory",
			files: []file{
				{"in/b.txt", "B."},
				{"in/a/z.html", "<p>Z.</p>"},
				{"in/a/y.jsonl", `{"id":"y1","text":"Y1."}` + "\n" + `{"id":"y2","text":"Y2."}`},
				{"in/a/notes.md", "ignored"},
				{"in/.hidden.txt", "ignored"},
				{"in/.git/c.txt", "ignored"},
				{"in/c.NDJSON", `{"text":"C."}`},
				{"in/a.txt", "A."},
			},
			args: []string{"in"},
			wantArts: []art{
				{"y1", "2000-01-02", "", "Y1.", "", "", "in/a/y.jsonl:1"},
				{"y2", "2000-01-02", "", "Y2.", "", "", "in/a/y.jsonl:2"},
				{"a/z", "2000-01-02", "", "Z.", "", "", "in/a/z.html"},
				{"a", "2000-01-02", "", "A.", "", "", "in/a.txt"},
				{"b", "2000-01-02", "", "B.", "", "", "in/b.txt"},
				{"c:1", "2000-01-02", "", "C.", "", "", "in/c.NDJSON:1"},
			},
		},
		{
			name:  "SameNameInFolders",
			files: []file{{"a/report.txt", "A."}, {"b/report.txt", "B."}, {"c/report.html", "<p>C.</p>"}},
			args:  []string{"a/report.txt", "b/report.txt", "c"},
			wantArts: []art{
				{"a/report", "2000-01-02", "", "A.", "", "", "a/report.txt"},
				{"b/report", "2000-01-02", "", "B.", "", "", "b/report.txt"},
				{"c/report", "2000-01-02", "", "C.", "", "", "c/report.html"},
			},
		},
		{
			name:  "SameNameUnderArguments",
			files: []file{{"x/index.html", "<p>X.</p>"}, {"y/index.html", "<p>Y.</p>"}, {"y/sub/index.html", "<p>S.</p>"}, {"z/r.txt", "T."}, {"z/r.html", "<p>H.</p>"}},
			args:  []string{"x", "y", "z"},
			wantArts: []art{
				{"x/index", "2000-01-02", "", "X.", "", "", "x/index.html"},
				{"y/index", "2000-01-02", "", "Y.", "", "", "y/index.html"},
				{"sub/index", "2000-01-02", "", "S.", "", "", "y/sub/index.html"},
				{"r.html", "2000-01-02", "", "H.", "", "", "z/r.html"},
				{"r.txt", "2000-01-02", "", "T.", "", "", "z/r.txt"},
			},
		},
		{
			name:  "SameNameJSONLWithoutIDs",
			files: []file{{"a/feed.jsonl", `{"text":"A."}`}, {"b/feed.jsonl", `{"text":"B."}`}},
			args:  []string{"a/feed.jsonl", "b/feed.jsonl"},
			wantArts: []art{
				{"a/feed:1", "2000-01-02", "", "A.", "", "", "a/feed.jsonl:1"},
				{"b/feed:1", "2000-01-02", "", "B.", "", "", "b/feed.jsonl:1"},
			},
		},
		{
			name:  "DuplicateID",
			files: []file{{"x.jsonl", `{"id":"7","text":"First."}` + "\n" + `{"id":"8","text":"Other."}` + "\n" + `{"id":7,"text":"Second."}`}, {"7.txt", "Third."}},
			wantArts: []art{
				{"7", "2000-01-02", "", "First.", "", "", "x.jsonl:1"},
				{"8", "2000-01-02", "", "Other.", "", "", "x.jsonl:2"},
				{"7@x:3", "2000-01-02", "", "Second.", "", "", "x.jsonl:3"},
				{"7@7.txt", "2000-01-02", "", "Third.", "", "", "7.txt"},
			},
			wantDiags: []string{
				`x.jsonl:3: article id "7" already read at x.jsonl:1 with another text, kept as "7@x:3"`,
				`7.txt: article id "7" already read at x.jsonl:1 with another text, kept as "7@7.txt"`,
			},
		},
		{
			// A file's ID, a line without "id" and a line whose "id" is
			// another's generated one: every article is kept; only the
			// same text under the same ID again is skipped.
			name: "CollidingIDs",
			files: []file{
				{"d/feed.jsonl", `{"text":"No id."}` + "\n" + `{"id":"report","text":"A line."}` + "\n" + `{"id":"feed:1","text":"Taken."}` + "\n" + `{"id":"report","text":"A line."}` + "\n" + `{"id":"report@feed:6","text":"Squatter."}` + "\n" + `{"id":"report","text":"Third."}`},
				{"d/report.txt", "A file."},
			},
			args: []string{"d"},
			wantArts: []art{
				{"feed:1", "2000-01-02", "", "No id.", "", "", "d/feed.jsonl:1"},
				{"report", "2000-01-02", "", "A line.", "", "", "d/feed.jsonl:2"},
				{"feed:1@feed:3", "2000-01-02", "", "Taken.", "", "", "d/feed.jsonl:3"},
				{"report@feed:6", "2000-01-02", "", "Squatter.", "", "", "d/feed.jsonl:5"},
				{"report@feed:6#2", "2000-01-02", "", "Third.", "", "", "d/feed.jsonl:6"},
				{"report@report.txt", "2000-01-02", "", "A file.", "", "", "d/report.txt"},
			},
			wantDiags: []string{
				`d/feed.jsonl:3: article id "feed:1" already read at d/feed.jsonl:1 with another text, kept as "feed:1@feed:3"`,
				`d/feed.jsonl:4: duplicate article id "report" with the same text as at d/feed.jsonl:2, skipped`,
				`d/feed.jsonl:6: article id "report" already read at d/feed.jsonl:2 with another text, kept as "report@feed:6#2"`,
				`d/report.txt: article id "report" already read at d/feed.jsonl:2 with another text, kept as "report@report.txt"`,
			},
		},
		{
			name:  "NUL",
			files: []file{{"n.jsonl", `{"id":"1","text":"Good."}` + "\n" + `{"id":"2","title":"T\u0000","text":"Bad\u0000text."}` + "\n"}, {"t.txt", strings.Repeat("word ", 2000) + "\nx\x00y"}},
			wantArts: []art{
				{"1", "2000-01-02", "", "Good.", "", "", "n.jsonl:1"},
				{"2", "2000-01-02", "T ", "Bad text.", "", "", "n.jsonl:2"},
				{"t", "2000-01-02", "", strings.Repeat("word ", 2000) + "\nx y", "", "", "t.txt"},
			},
			wantDiags: []string{
				"n.jsonl:2: NUL characters in title, text replaced with spaces",
				"t.txt:2: NUL characters replaced with spaces",
			},
		},
		{
			name:     "StdinText",
			args:     []string{"-"},
			stdin:    "  Plain text from a pipe.\n",
			wantArts: []art{{"stdin", "2000-01-02", "", "  Plain text from a pipe.\n", "", "", "stdin"}},
		},
		{
			name:     "StdinJSONL",
			args:     []string{"-"},
			stdin:    "\uFEFF \n\t" + `{"id":"s1","text":"One."}` + "\n" + `{"text":"Two."}` + "\n" + "{bad\n",
			wantArts: []art{{"s1", "2000-01-02", "", "One.", "", "", "stdin:2"}, {"stdin:3", "2000-01-02", "", "Two.", "", "", "stdin:3"}},
			wantDiags: []string{
				"stdin:4: malformed JSON: invalid character 'b' looking for beginning of object key string",
			},
		},
		{
			name:      "StdinEmpty",
			args:      []string{"-"},
			stdin:     "",
			wantDiags: []string{"stdin: empty file, skipped"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, diags, _ := scan(t, tt.files, tt.args, strings.NewReader(tt.stdin), ingest.Options{MaxLineBytes: tt.max})
			check(t, arts, diags, tt.wantArts, tt.wantDiags)
		})
	}
}

func TestStdinLongLines(t *testing.T) {
	// A tiny buffer sends stdin's lines down the gathering slow path.
	defer ingest.SetReadBufSize(16)()
	long := strings.Repeat("y", 40)
	in := `{"id":"a","text":"` + long + `"}` + "\n" + `{"id":"b","text":"` + long + long + long + `"}` + "\n" + `{"id":"c","text":"` + long + `"}`
	arts, diags, _ := scan(t, nil, []string{"-"}, strings.NewReader(in), ingest.Options{MaxLineBytes: 100})
	check(t, arts, diags,
		[]art{{"a", "2000-01-02", "", long, "", "", "stdin:1"}, {"c", "2000-01-02", "", long, "", "", "stdin:3"}},
		[]string{"stdin:2: line too long (140 bytes), skipped"})
}

func TestFileLongLines(t *testing.T) {
	// A tiny buffer sends the file's lines down the seek-and-reread path.
	defer ingest.SetReadBufSize(16)()
	long := strings.Repeat("z", 40)
	in := `{"id":"a","text":"` + long + `"}` + "\r\n" + `{"id":"b","text":"` + long + long + long + `"}` + "\n" + `{"id":"c","text":"` + long + `"}` + "\n" + `{"id":"d","text":"` + long + `"}`
	arts, diags, s := scan(t, []file{{"f.jsonl", in}}, nil, nil, ingest.Options{MaxLineBytes: 100})
	check(t, arts, diags,
		[]art{
			{"a", "2000-01-02", "", long, "", "", "f.jsonl:1"},
			{"c", "2000-01-02", "", long, "", "", "f.jsonl:3"},
			{"d", "2000-01-02", "", long, "", "", "f.jsonl:4"},
		},
		[]string{"f.jsonl:2: line too long (140 bytes), skipped"})
	if done, total := s.Progress(); done != total || total != int64(len(in)) {
		t.Errorf("Progress() = %d, %d; want %d, %d", done, total, len(in), len(in))
	}
}

// writeBigLine writes a JSON line whose text is n bytes, then a short line,
// in 1 MiB pieces so the test itself never holds the line.
func writeBigLine(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(`{"id":"big","text":"`)
	chunk := bytes.Repeat([]byte("abcdefgh"), 1<<17)
	for left := n; left > 0; left -= len(chunk) {
		if _, err := f.Write(chunk[:min(left, len(chunk))]); err != nil {
			t.Fatal(err)
		}
	}
	f.WriteString(`"}` + "\n" + `{"id":"next","text":"After."}` + "\n")
}

// allocated returns the bytes allocated while running fn.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	const n = 50 << 20
	path := filepath.Join(t.TempDir(), "huge.jsonl")
	writeBigLine(t, path, n)
	lineLen := n + len(`{"id":"big","text":""}`)

	t.Run("Skipped", func(t *testing.T) {
		var diags []string
		var ids []string
		alloc := allocated(func() {
			s := ingest.NewScanner([]string{path}, nil, ingest.Options{MaxLineBytes: 1 << 20,
				OnDiag: func(d petrel.Diagnostic) { diags = append(diags, d.Msg) }})
			for {
				a, err := s.Next()
				if err != nil {
					break
				}
				ids = append(ids, a.ID)
			}
		})
		if want := []string{"line too long (" + strconv.Itoa(lineLen) + " bytes), skipped"}; !reflect.DeepEqual(diags, want) {
			t.Errorf("diagnostics = %q, want %q", diags, want)
		}
		if want := []string{"next"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("articles = %q, want %q", ids, want)
		}
		if alloc > 4<<20 {
			t.Errorf("skipping a %d MB line allocated %d MB; want it streamed past", n>>20, alloc>>20)
		}
	})

	t.Run("Read", func(t *testing.T) {
		var ids []string
		var textLen int
		alloc := allocated(func() {
			s := ingest.NewScanner([]string{path}, nil, ingest.Options{MaxLineBytes: 64 << 20,
				OnDiag: func(d petrel.Diagnostic) { t.Errorf("unexpected diagnostic %s", d) }})
			for {
				a, err := s.Next()
				if err != nil {
					break
				}
				ids = append(ids, a.ID)
				if a.ID == "big" {
					textLen = len(a.Text)
				}
			}
		})
		if want := []string{"big", "next"}; !reflect.DeepEqual(ids, want) || textLen != n {
			t.Errorf("articles = %q, text %d bytes; want %q, %d", ids, textLen, want, n)
		}
		// The line is read once into a buffer of its size, and the text is
		// one string: two copies, nothing more.
		if max := uint64(2*n + 8<<20); alloc > max {
			t.Errorf("reading a %d MB line allocated %d MB, want at most %d MB", n>>20, alloc>>20, max>>20)
		}
		t.Logf("a %d MB line allocated %d MB", n>>20, alloc>>20)
	})
}

func TestProgress(t *testing.T) {
	files := []file{{"a.txt", "Alpha."}, {"b.jsonl", `{"text":"one"}` + "\n" + `{"text":"two"}` + "\n"}, {"c.txt", ""}}
	dir := t.TempDir()
	var paths []string
	var total int64
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		os.WriteFile(p, []byte(f.data), 0o644)
		paths = append(paths, p)
		total += int64(len(f.data))
	}
	s := ingest.NewScanner(append(paths, "-"), strings.NewReader("stdin text"), ingest.Options{})
	var last int64
	for {
		_, err := s.Next()
		done, tot := s.Progress()
		if tot != total {
			t.Fatalf("total = %d, want %d", tot, total)
		}
		if done < last || done > tot {
			t.Fatalf("done went %d → %d (total %d)", last, done, tot)
		}
		last = done
		if err != nil {
			break
		}
	}
	if last != total {
		t.Errorf("done = %d at the end, want %d", last, total)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, or "" for no date
	}{
		{"2021-10-20", "2021-10-20T00:00:00Z"},
		{"20211020", "2021-10-20T00:00:00Z"},
		{"2021-10-20T08:30:00Z", "2021-10-20T08:30:00Z"},
		{"2021-10-20T08:30:00.123+02:00", "2021-10-20T08:30:00.123+02:00"},
		{"2021-10-20T08:30:00", "2021-10-20T08:30:00Z"},
		{"2021-10-20 08:30:00", "2021-10-20T08:30:00Z"},
		{" 2021-10-20 ", "2021-10-20T00:00:00Z"},
		{"2021-13-01", ""},
		{"Oct 20, 2021", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ingest.ParseDate(tt.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339Nano)
		}
		if s != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

const reuters = "../../shared/corpus/reuters-21578/articles.jsonl"

func TestReutersCorpus(t *testing.T) {
	if _, err := os.Stat(reuters); err != nil {
		t.Skipf("Reuters corpus not found at %s: %v", reuters, err)
	}
	s := ingest.NewScanner([]string{reuters}, nil, ingest.Options{
		OnDiag: func(d petrel.Diagnostic) { t.Errorf("diagnostic: %s", d) },
	})
	n := 0
	ids := map[string]bool{}
	for {
		a, err := s.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		n++
		if a.Text == "" || a.ID == "" || a.Date.IsZero() {
			t.Fatalf("article %d (%s) lacks text, id or date", n, a.Origin)
		}
		if ids[a.ID] {
			t.Errorf("duplicate id %q at %s", a.ID, a.Origin)
		}
		ids[a.ID] = true
	}
	if got, want := n, 19043; got != want {
		t.Errorf("read %d articles, want %d", got, want)
	}
	if done, total := s.Progress(); done != total {
		t.Errorf("Progress() = %d of %d at the end", done, total)
	}
}

func BenchmarkJSONL(b *testing.B) {
	fi, err := os.Stat(reuters)
	if err != nil {
		b.Skipf("Reuters corpus not found at %s: %v", reuters, err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		s := ingest.NewScanner([]string{reuters}, nil, ingest.Options{})
		for {
			if _, err := s.Next(); err != nil {
				break
			}
		}
	}
}

// FuzzJSONL feeds the same bytes to the JSON Lines reader as a file (which
// rereads long lines by seeking) and as stdin (which gathers them), with a
// tiny buffer and line cap so every path is reached, and checks both agree
// and every article is sound.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2021-10-20","text":"One."}` + "\n" + `{"text":"Two."}`))
	f.Add([]byte("{\"text\":\"" + strings.Repeat("long ", 30) + "\"}\r\n\n{bad\n{\"text\":\"\xff\"}"))
	f.Add([]byte("\uFEFF{\"id\":1.5e3,\"text\":\"x\",\"date\":\"20211020\"}\n[1]\n{\"text\":null}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer ingest.SetReadBufSize(16)()
		data = append([]byte("{}\n"), data...) // so stdin is sniffed as JSON Lines
		type result struct {
			arts  []string
			diags []string
		}
		run := func(paths []string, stdin io.Reader, name string) result {
			var r result
			s := ingest.NewScanner(paths, stdin, ingest.Options{MaxLineBytes: 64, DefaultDate: defaultDate,
				OnDiag: func(d petrel.Diagnostic) {
					d.File = ""
					r.diags = append(r.diags, d.String())
				}})
			for {
				a, err := s.Next()
				if err == io.EOF {
					break
				}
				if a == nil || err != nil {
					t.Fatalf("Next = %v, %v", a, err)
				}
				if strings.TrimSpace(a.Text) == "" || a.ID == "" || a.Date.IsZero() {
					t.Fatalf("unsound article %+v", a)
				}
				if !utf8Valid(a.Text) || !utf8Valid(a.ID) || !utf8Valid(a.Title) {
					t.Fatalf("invalid UTF-8 in %+v", a)
				}
				_, line, _ := strings.Cut(a.Origin, ":")
				id := strings.TrimPrefix(a.ID, name+":")
				r.arts = append(r.arts, line+"|"+id+"|"+a.Text+"|"+a.Title+"|"+a.Date.String())
			}
			if s.Problems() != len(r.diags) {
				t.Fatalf("Problems() = %d, %d diagnostics", s.Problems(), len(r.diags))
			}
			return r
		}
		path := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fromFile := run([]string{path}, nil, "f")
		fromStdin := run([]string{"-"}, bytes.NewReader(data), "stdin")
		if !reflect.DeepEqual(fromFile, fromStdin) {
			t.Fatalf("file and stdin disagree:\nfile:  %q\nstdin: %q", fromFile, fromStdin)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// FuzzWholeFile feeds bytes to the plain-text and HTML readers and checks
// that whatever is accepted comes out as non-empty, valid UTF-8 text.
func FuzzWholeFile(f *testing.F) {
	f.Add([]byte("Plain text.\r\n"))
	f.Add([]byte("\xff\xfeH\x00i\x00"))
	f.Add([]byte("<p>Caf\xe9<br>talks</p><script>x</script>"))
	f.Add([]byte(`<meta charset="windows-1251"><p>` + "\xcf\xf0\xe8" + `</p>`))
	f.Add([]byte(strings.Repeat("<div>", ingest.MaxHTMLDepth+1) + "<title>T</title><script>x</script>Deep<br>text"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		var paths []string
		for _, name := range []string{"a.txt", "a.html"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		diags := 0
		s := ingest.NewScanner(paths, nil, ingest.Options{OnDiag: func(petrel.Diagnostic) { diags++ }})
		for {
			a, err := s.Next()
			if err == io.EOF {
				break
			}
			if strings.TrimSpace(a.Text) == "" || !utf8Valid(a.Text) || !utf8Valid(a.Title) {
				t.Fatalf("unsound article from %s: %+v", a.Origin, a)
			}
		}
		if s.Problems() != diags {
			t.Fatalf("Problems() = %d, %d diagnostics", s.Problems(), diags)
		}
	})
}

func TestSkippedUnknownTypes(t *testing.T) {
	files := []file{
		{"d/a.txt", "Russia met Ukraine."},
		{"d/notes.md", "# notes"},
		{"d/sub/table.csv", "a,b"},
		{"d/.hidden.md", "x"},
		{"d/page.HTML", "<p>France praised Germany.</p>"},
	}
	arts, _, s := scan(t, files, []string{"d"}, nil, ingest.Options{})
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	var got []string
	for _, p := range s.Skipped() {
		got = append(got, filepath.ToSlash(p[strings.Index(p, "/d/")+1:]))
	}
	if want := []string{"d/notes.md", "d/sub/table.csv"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Skipped = %q, want %q", got, want)
	}
	// A file named on the command line is read whatever its type.
	if _, _, s := scan(t, []file{{"x.md", "Russia met Ukraine."}}, nil, nil, ingest.Options{}); len(s.Skipped()) != 0 {
		t.Fatalf("Skipped = %q for a file named explicitly", s.Skipped())
	}
}

// deepPages are pathological HTML shapes: each must be read in linear
// time, and its text kept.
var deepPages = map[string]string{
	"div100k":     strings.Repeat("<div>", 100000) + "<p>France praised Germany.</p>" + strings.Repeat("</div>", 100000),
	"div20k-open": strings.Repeat("<div>", 20000) + "<p>France praised Germany.</p>",
	"span50k":     strings.Repeat("<span>", 50000) + "France praised Germany.",
	"b100k":       strings.Repeat("<b>", 100000) + "France praised Germany.",
	"a100k":       strings.Repeat("<a href=x>", 100000) + "France praised Germany.",
	"table10k":    strings.Repeat("<table><tr><td>", 10000) + "France praised Germany.",
	"blockquote":  strings.Repeat("<blockquote>", 30000) + "France praised Germany.",
}

// TestDeepHTML reads deeply nested pages (100k nested <div>s took more
// than 300 s before) and wants each read in well under 5 s, its text
// kept, and a diagnostic when main-text extraction was skipped.
func TestDeepHTML(t *testing.T) {
	for name, page := range deepPages {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			arts, diags, _ := scan(t, []file{{"deep.html", "<html><head><title>Deep page</title>" +
				`<link rel="canonical" href="https://example.org/deep"><script>var x = "<div>";</script></head><body>` + page}}, nil, nil, ingest.Options{})
			took := time.Since(start)
			if took > 5*time.Second {
				t.Errorf("read in %v", took)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles (%q)", len(arts), diags)
			}
			if arts[0].Text != "France praised Germany." {
				t.Errorf("text = %q", arts[0].Text)
			}
			if arts[0].Title != "Deep page" || arts[0].URL != "https://example.org/deep" {
				t.Errorf("title %q, URL %q", arts[0].Title, arts[0].URL)
			}
			if len(diags) != 1 || !strings.Contains(diags[0], "main-text extraction skipped") {
				t.Errorf("diagnostics %q, want one saying extraction was skipped", diags)
			}
		})
	}
	t.Run("ShallowUnchanged", func(t *testing.T) {
		// A page within the bound still goes through go-readability.
		page := "<html><body>" + strings.Repeat("<div>", 50) + "<p>France praised Germany.</p><p>Russia met Ukraine.</p>" + strings.Repeat("</div>", 50)
		arts, diags, _ := scan(t, []file{{"ok.html", page}}, nil, nil, ingest.Options{})
		if len(arts) != 1 || len(diags) != 0 || arts[0].Text != "France praised Germany.\n\nRussia met Ukraine." {
			t.Fatalf("%+v %q", arts, diags)
		}
	})
}

// BenchmarkDeepHTML reads a page of 100k nested <div>s (1.1 MB).
func BenchmarkDeepHTML(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "deep.html")
	data := []byte(deepPages["div100k"])
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s := ingest.NewScanner([]string{p}, nil, ingest.Options{})
		if a, err := s.Next(); err != nil || a == nil {
			b.Fatal(err)
		}
	}
}
