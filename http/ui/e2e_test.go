package ui_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
	phttp "petrel/http"
	"petrel/http/ui"
	"petrel/ingest"
	"petrel/output"
	"petrel/sqlite"
)

const (
	shared        = "../../../shared"
	moscowID      = "moscow-talks"
	reutersWanted = 300
	xssID         = "xss-probe"
)

// xssArticle carries the payloads the UI must show as text and never run.
var xssArticle = &petrel.Article{
	ID:    xssID,
	Date:  time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
	Title: `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> javascript:alert(1)`,
	URL:   "javascript:alert(1)",
	Text: "Russia accused Ukraine of shelling the power plant. <script>window.__pwned=1</script>\n\n" +
		`France condemned Russia <img src=x onerror="window.__pwned=1"> on Monday. ` +
		"Germany urged Russia to stop, see javascript:alert(1) and <a href=\"javascript:alert(1)\">here</a>.",
}

// chromium returns the browser to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PETREL_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("no Chromium found (/usr/bin/chromium): skipping the web UI browser tests; run .ci/chromium.sh to install it, or set PETREL_CHROMIUM")
	return ""
}

// mustBuildStore codes the Moscow article and the first Reuters articles
// with the built-in dictionaries, as `petrel ingest` does, plus the XSS
// probe, into a SQLite store.
func mustBuildStore(t *testing.T) (petrel.Store, petrel.Coder) {
	t.Helper()
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		t.Fatal(err)
	}
	c := coder.New(d, coder.DefaultOptions)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "petrel.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	paths := []string{filepath.Join(shared, "articles", "moscow-talks.txt")}
	reuters := filepath.Join(shared, "corpus", "reuters-21578", "articles.jsonl")
	if _, err := os.Stat(reuters); err == nil {
		paths = append(paths, reuters)
	}
	if _, err := os.Stat(paths[0]); err != nil {
		t.Skipf("shared articles not found (%v): skipping the browser tests", err)
	}
	sc := ingest.NewScanner(paths, nil, ingest.Options{DefaultDate: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)})
	// An article without a date: its events are undated, and the Events
	// view lists them last.
	undated := &petrel.Article{ID: "undated-probe", Text: "Russia accused Ukraine of shelling the power plant."}
	// One event decades before the rest, under 1% of them with the
	// article of many events below: the timeline's default range leaves
	// it out, and "Show all" brings it back.
	outlier := &petrel.Article{ID: "outlier-1929", Date: time.Date(1929, 10, 29, 0, 0, 0, 0, time.UTC),
		Text: "Iran threatened Israel with retaliation on Tuesday."}
	busy := &petrel.Article{ID: "busy-1987", Date: time.Date(1987, 3, 10, 0, 0, 0, 0, time.UTC),
		Text: "France praised Germany for its help. Russia accused Ukraine of shelling the plant. China met Japan in Beijing. " +
			"Iran threatened Israel with retaliation. Britain criticised India over the trade dispute. Brazil welcomed the offer from Argentina. " +
			"Egypt hosted Jordan for talks in Cairo. Turkey condemned Greece over the incident. Canada thanked Mexico for its support. " +
			"Italy urged Spain to reopen the border. Poland accused Hungary of interference. Kenya praised Uganda for the deal."}
	arts := []*petrel.Article{xssArticle, undated, outlier, busy}
	// Two more copies of the busy article keep the outlier well under 1%
	// of the events however the coder's reading of the Reuters articles
	// changes (it needs more than a hundred events in all).
	for i := 2; i <= 3; i++ {
		cp := *busy
		cp.ID = fmt.Sprintf("busy-1987-%d", i)
		cp.Date = busy.Date.AddDate(0, 0, i-1)
		arts = append(arts, &cp)
	}
	for len(arts) < reutersWanted+4 {
		a, err := sc.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || a == nil {
			continue // a diagnostic; the scanner goes on
		}
		arts = append(arts, a)
	}
	docs := make([]*petrel.Document, len(arts))
	var wg sync.WaitGroup
	const workers = 2
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				docs[i] = c.Code(arts[i])
			}
		})
	}
	wg.Wait()
	if _, err := st.Ingest(context.Background(), docs, "e2e"); err != nil {
		t.Fatal(err)
	}
	n, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store: %d articles, %d events", n.Articles, n.Events)
	return st, c
}

// browser is one headless Chromium tab with everything it reported.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string // screenshots

	mu       sync.Mutex
	problems []string // console errors, exceptions, failed loads
	dialogs  []string
}

func newBrowser(t *testing.T, exe, base string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1366, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	// No timeout on the browser's own context: it would stop the browser.
	// Each action gets its own (see run).
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })

	dir := os.Getenv("PETREL_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, base: base, dir: dir}
	// Console subscribes (and starts the browser) when it returns, so
	// nothing the pages print is missed.
	console := chromedp.Console(ctx)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.report(fmt.Sprintf("console %s: %s %s:%d", m.Type, m.Text, m.URL, m.Line))
			}
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium %s: %v", exe, err)
	}
	return b
}

func (b *browser) report(msg string) {
	b.mu.Lock()
	b.problems = append(b.problems, msg)
	b.mu.Unlock()
}

// check fails the test for anything the page reported since the last check.
func (b *browser) check(t *testing.T) {
	t.Helper()
	// Let messages in flight arrive.
	time.Sleep(50 * time.Millisecond)
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("browser: %s", p)
	}
	for _, d := range b.dialogs {
		t.Errorf("a dialog opened: %s", d)
	}
	b.problems, b.dialogs = nil, nil
}

// run runs actions in order, each bounded by 20 s.
func (b *browser) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.check(t)
		t.Fatal(err)
	}
}

// open loads path and waits until the view has rendered.
func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	b.run(t, chromedp.Navigate(b.base+path), settled())
}

// settled waits until no view render is in progress.
func settled() chromedp.Action[chromedp.Void] {
	return waitFor(`document.readyState === "complete" && !!document.querySelector("main > .view") && !document.querySelector("main[aria-busy]")`)
}

// waitFor waits until a JavaScript expression is truthy.
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.check(t)
		t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// evalInto evaluates a JavaScript expression in the page into *v.
func evalInto[T any](t *testing.T, b *browser, expr string, v *T) {
	t.Helper()
	*v = eval[T](t, b, expr)
}

// screenshot saves the viewport as name.png in the artifacts directory.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d KB)", p, len(png)/1024)
}

// api fetches an API path as JSON into v.
func api(t *testing.T, base, path string, v any) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func apiTotal(t *testing.T, base string, filter url.Values) int {
	t.Helper()
	var r phttp.StatsResponse
	api(t, base, "/api/stats/quad?"+filter.Encode(), &r)
	n := 0
	for _, row := range r.Rows {
		n += row.Count
	}
	return n
}

// exportIDs downloads an export and returns its event IDs in order.
func exportIDs(t *testing.T, u, format string) []string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v %.200s", u, resp.StatusCode, err, body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("GET %s: Content-Disposition %q", u, cd)
	}
	var ids []string
	if format == "csv" {
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(recs) == 0 {
			t.Fatalf("GET %s: %v", u, err)
		}
		for _, r := range recs[1:] {
			ids = append(ids, r[0])
		}
		return ids
	}
	for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
		if line == "" {
			continue
		}
		var e petrel.StoredEvent
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		ids = append(ids, e.ID)
	}
	return ids
}

func eventIDs(evs []*petrel.StoredEvent) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// TestBrowser drives every view of the UI in headless Chromium against a
// real server and store, and fails on any console error or exception.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	if testing.Short() {
		t.Skip("-short: skipping the browser tests")
	}
	start := time.Now()
	st, c := mustBuildStore(t)
	srv := phttp.NewServer(phttp.Config{Store: st, Coder: c, DictVersion: "e2e", UI: ui.FS})
	if err := srv.Open("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	base := srv.URL()
	t.Logf("store built and server up in %v", time.Since(start).Round(time.Millisecond))

	t.Run("Headers", func(t *testing.T) {
		for _, p := range []string{"/", "/js/app.js", "/app.css", "/codebook.json"} {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d", p, resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Security-Policy"); got != ui.CSP {
				t.Errorf("GET %s: Content-Security-Policy = %q, want ui.CSP", p, got)
			}
		}
	})

	b := newBrowser(t, exe, base)

	// The most frequent actor and root code give a filter that matches
	// something whatever the dictionaries code.
	var actors phttp.ActorsResponse
	api(t, base, "/api/actors?limit=1", &actors)
	if len(actors.Actors) == 0 {
		t.Fatal("the store has no actors")
	}
	actor := actors.Actors[0].Code

	t.Run("Events", func(t *testing.T) {
		b.open(t, "/?view=events")
		var got struct {
			Total string
			Rows  []string
		}
		evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total,
			Rows: [...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId)})`, &got)
		// Newest first by default.
		var page phttp.EventsResponse
		api(t, base, "/api/events?limit=50&order=desc", &page)
		if want := fmt.Sprint(apiTotal(t, base, nil)); got.Total != want {
			t.Errorf("summary total = %s, API = %s", got.Total, want)
		}
		if want := eventIDs(page.Events); !slices.Equal(got.Rows, want) {
			t.Errorf("rows = %v\nAPI = %v", got.Rows, want)
		}
		dates := eval[[]string](t, b, `[...document.querySelectorAll("table.events tbody tr td.date")].map(td => td.textContent)`)
		if len(dates) < 2 || !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) || dates[0] == "—" {
			t.Errorf("the first page is not newest first: %v", dates)
		}
		if got := eval[string](t, b, `document.querySelector("#order").value`); got != "desc" {
			t.Errorf("order control = %q, want desc", got)
		}
		// Undated events come last: on the last page, newest first.
		var last phttp.EventsResponse
		for cursor := ""; ; {
			var p phttp.EventsResponse
			api(t, base, "/api/events?limit=500&order=desc&cursor="+url.QueryEscape(cursor), &p)
			if len(p.Events) > 0 {
				last = p
			}
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		if n := len(last.Events); n == 0 || last.Events[n-1].Date != "" || last.Events[0].Date == "" && len(last.Events) == 500 {
			t.Errorf("newest first does not end with the undated events")
		}
		// Oldest first is one change of the order control away.
		eval[bool](t, b, `(() => { const s = document.querySelector("#order"); s.value = "asc"; return s.dispatchEvent(new Event("change")) })()`)
		b.run(t, settled())
		evalInto(t, b, `[...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId)`, &got.Rows)
		api(t, base, "/api/events?limit=50", &page)
		if want := eventIDs(page.Events); !slices.Equal(got.Rows, want) {
			t.Errorf("oldest-first rows = %v\nAPI = %v", got.Rows, want)
		}
		if loc := eval[string](t, b, `location.search`); !strings.Contains(loc, "order=asc") {
			t.Errorf("URL after choosing oldest first = %s", loc)
		}
		b.open(t, "/?view=events")

		// Filter through the form, as a user would.
		b.run(t,
			chromedp.SetValue(chromedp.CSS("#f-actor"), actor),
			chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)),
			settled())
		var loc string
		evalInto(t, b, `location.search`, &loc)
		q, _ := url.ParseQuery(strings.TrimPrefix(loc, "?"))
		if q.Get("actor") != actor || q.Get("view") != "events" {
			t.Fatalf("URL after filtering = %s", loc)
		}
		filter := url.Values{"actor": {actor}}
		evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total,
			Rows: [...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId)})`, &got)
		api(t, base, "/api/events?limit=50&order=desc&"+filter.Encode(), &page)
		if want := fmt.Sprint(apiTotal(t, base, filter)); got.Total != want {
			t.Errorf("filtered total = %s, API = %s", got.Total, want)
		}
		if want := eventIDs(page.Events); !slices.Equal(got.Rows, want) || len(want) == 0 {
			t.Errorf("filtered rows = %v\nAPI = %v", got.Rows, want)
		}
		b.screenshot(t, "events")

		// The next page follows the API's cursor.
		if page.NextCursor != "" {
			b.run(t, chromedp.Click(chromedp.CSS(`.pager a[rel=next]`)), settled())
			var page2 phttp.EventsResponse
			api(t, base, "/api/events?limit=50&order=desc&cursor="+url.QueryEscape(page.NextCursor)+"&"+filter.Encode(), &page2)
			evalInto(t, b, `[...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId)`, &got.Rows)
			if want := eventIDs(page2.Events); !slices.Equal(got.Rows, want) {
				t.Errorf("page 2 rows = %v\nAPI = %v", got.Rows, want)
			}
		}

		// The download holds exactly the filtered set, across pages.
		var all []string
		var err error
		for cursor := ""; ; {
			var p phttp.EventsResponse
			api(t, base, "/api/events?limit=7&cursor="+url.QueryEscape(cursor)+"&"+filter.Encode(), &p)
			all = append(all, eventIDs(p.Events)...)
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		// The download links stream exactly the filtered set from the API.
		links := eval[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll("a[data-export]")].map(a => [a.dataset.export, a.getAttribute("href")]))`)
		for _, format := range []string{"csv", "jsonl", "gdelt"} {
			href := links[format]
			u, err := url.Parse(href)
			if err != nil || u.Path != "/api/events" || u.Query().Get("format") != format || u.Query().Get("actor") != actor || u.Query().Has("cursor") {
				t.Fatalf("%s link = %q", format, href)
			}
		}
		ids := exportIDs(t, base+links["jsonl"], "jsonl")
		if !slices.Equal(ids, all) {
			t.Errorf("JSONL download: %d events %v\nAPI has %d %v", len(ids), ids, len(all), all)
		}
		if ids := exportIDs(t, base+links["csv"], "csv"); !slices.Equal(ids, all) {
			t.Errorf("CSV download: %d events, API has %d", len(ids), len(all))
		}
		// Clicking the link saves the file through the browser itself.
		dir := t.TempDir()
		if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
			t.Fatal(err)
		}
		b.run(t, chromedp.Click(chromedp.CSS(`a[data-export=csv]`)))
		saved := filepath.Join(dir, "petrel-events.csv")
		var data []byte
		for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if data, err = os.ReadFile(saved); err == nil || time.Now().After(deadline) {
				break
			}
		}
		if err != nil {
			t.Fatalf("the CSV download was not saved: %v", err)
		}
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil || len(recs) != len(all)+1 || strings.Join(recs[0], ",") != strings.Join(output.CSVColumns, ",") {
			t.Errorf("saved CSV: %d rows (want %d and a header), %v", len(recs), len(all)+1, err)
		}

		// A hostile filter reaches the export as data, not as SQL or FTS
		// syntax: the download still holds exactly the filtered set.
		hostile := url.Values{"actor": {actor}, "text": {`said" OR 1=1 -- NEAR(a b) *`}}
		b.open(t, "/?view=events&"+hostile.Encode())
		href := eval[string](t, b, `document.querySelector("a[data-export=jsonl]").getAttribute("href")`)
		var want []string
		for cursor := ""; ; {
			var p phttp.EventsResponse
			api(t, base, "/api/events?limit=10000&cursor="+url.QueryEscape(cursor)+"&"+hostile.Encode(), &p)
			want = append(want, eventIDs(p.Events)...)
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		if got := exportIDs(t, base+href, "jsonl"); !slices.Equal(got, want) {
			t.Errorf("hostile-filter download: %d events, API has %d", len(got), len(want))
		}

		// A shared link with a code root reproduces the API's answer.
		var codes phttp.StatsResponse
		api(t, base, "/api/stats/codes?level=root&limit=1&"+filter.Encode(), &codes)
		filter.Set("code", codes.Rows[0].Key)
		b.open(t, "/?view=events&"+filter.Encode())
		evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total,
			Rows: [...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId)})`, &got)
		api(t, base, "/api/events?limit=50&order=desc&"+filter.Encode(), &page)
		if want := fmt.Sprint(apiTotal(t, base, filter)); got.Total != want {
			t.Errorf("actor+code total = %s, API = %s", got.Total, want)
		}
		if want := eventIDs(page.Events); !slices.Equal(got.Rows, want) {
			t.Errorf("actor+code rows = %v\nAPI = %v", got.Rows, want)
		}
		var formCode string
		evalInto(t, b, `document.querySelector("#f-code").value`, &formCode)
		if formCode != filter.Get("code") {
			t.Errorf("code field = %q, want %q from the URL", formCode, filter.Get("code"))
		}
		b.check(t)
	})

	t.Run("Timeline", func(t *testing.T) {
		// The interval's URL parameter is "by", as in petrel stats --by.
		b.open(t, "/?view=timeline&by=month")
		var tl phttp.TimelineResponse
		api(t, base, "/api/stats/timeline?interval=month", &tl)
		var dated []phttp.Period
		total, nonEmpty := 0, 0
		for _, p := range tl.Periods {
			if p.Period == "" {
				continue
			}
			dated = append(dated, p)
			total += p.Count
			if p.Count > 0 {
				nonEmpty++
			}
		}
		// The default range holds the 1st to the 99th percentile of the
		// dates: the 2021 and 2024 articles among the 1987 ones fall out.
		lo, hi := fitRange(dated)
		if lo == 0 && hi == len(dated)-1 {
			t.Fatalf("the store's dates have no outliers to fit: %+v", dated)
		}
		inRange, hiddenWant := 0, total
		for _, p := range dated[lo : hi+1] {
			if p.Count > 0 {
				inRange++
			}
			hiddenWant -= p.Count
		}
		var got struct {
			Total, From, To, Hidden string
			Hits, Bars              int
			Line                    bool
			Interval                string
		}
		read := func() {
			evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total,
				From: document.querySelector(".range-note") ? document.querySelector(".range-note").dataset.from : "",
				To: document.querySelector(".range-note") ? document.querySelector(".range-note").dataset.to : "",
				Hidden: document.querySelector(".range-note") ? document.querySelector(".range-note").dataset.hidden : "",
				Hits: document.querySelectorAll("svg.chart rect.hit").length,
				Bars: document.querySelectorAll("svg.chart .bars rect").length,
				Line: !!document.querySelector("svg.chart path.gs-line"),
				Interval: document.querySelector(".segmented [aria-current=true]").textContent})`, &got)
		}
		read()
		if got.Total != fmt.Sprint(total) || got.Hits != inRange || got.Bars == 0 || !got.Line || got.Interval != "month" ||
			got.From != dated[lo].Period || got.To != dated[hi].Period || got.Hidden != fmt.Sprint(hiddenWant) {
			t.Errorf("fitted timeline = %+v; API: %d events, periods %s to %s with %d bars, %d hidden",
				got, total, dated[lo].Period, dated[hi].Period, inRange, hiddenWant)
		}
		b.screenshot(t, "timeline-fitted")
		// "Show all" is one click away and shows every period.
		b.run(t, chromedp.Click(chromedp.CSS(`.range-note a.show-all`)), settled())
		read()
		if got.Total != fmt.Sprint(total) || got.Hits != nonEmpty || got.Hidden != "0" || got.Interval != "month" {
			t.Errorf("timeline after Show all = %+v, API: %d events in %d periods", got, total, nonEmpty)
		}
		if loc := eval[string](t, b, `location.search`); !strings.Contains(loc, "range=all") || !strings.Contains(loc, "by=month") {
			t.Errorf("URL after Show all = %s", loc)
		}
		// Links made before "by" (interval=…) still work.
		b.open(t, "/?view=timeline&interval=day")
		read()
		if got.Interval != "day" {
			t.Errorf("interval=day shows %q", got.Interval)
		}
		b.open(t, "/?view=timeline&by=day&since=1987-01-01&until=1987-12-31")
		b.screenshot(t, "timeline")
		b.open(t, "/?view=timeline&by=week&actor="+actor)
		api(t, base, "/api/stats/timeline?interval=week&actor="+actor, &tl)
		total = 0
		for _, p := range tl.Periods {
			total += p.Count
		}
		evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total})`, &got)
		if got.Total != fmt.Sprint(total) {
			t.Errorf("filtered timeline total = %s, API = %d", got.Total, total)
		}
		b.check(t)
	})

	t.Run("Network", func(t *testing.T) {
		b.open(t, "/?view=network")
		var st phttp.StatsResponse
		api(t, base, "/api/stats/dyads?limit=50", &st)
		want := 0
		for _, r := range st.Rows {
			src, tgt, _ := strings.Cut(r.Key, ">")
			if src != "" && tgt != "" && src != tgt {
				want++
			}
		}
		var edges int
		evalInto(t, b, `document.querySelectorAll("svg.network g.edge").length`, &edges)
		if edges != want || want == 0 {
			t.Errorf("edges = %d, API dyads = %d", edges, want)
		}
		b.screenshot(t, "network")
		// Choosing a node by keyboard filters by that actor.
		var code string
		evalInto(t, b, `document.querySelector("svg.network g.node").dataset.actor`, &code)
		b.run(t, chromedp.Focus(chromedp.CSS(`svg.network g.node`)), chromedp.KeyEvent("\r"), settled())
		var loc string
		evalInto(t, b, `location.search`, &loc)
		q, _ := url.ParseQuery(strings.TrimPrefix(loc, "?"))
		if q.Get("actor") != code || q.Get("view") != "network" {
			t.Errorf("after choosing node %s: URL %s", code, loc)
		}
		b.check(t)
	})

	t.Run("Map", func(t *testing.T) {
		testMap(t, b, base)
	})

	t.Run("Article", func(t *testing.T) {
		var art petrel.StoredArticle
		api(t, base, "/api/articles/"+moscowID, &art)
		if len(art.Events) == 0 {
			t.Fatal("the Moscow article has no events")
		}
		b.open(t, "/?view=article&id="+moscowID)
		var n int
		evalInto(t, b, `document.querySelectorAll(".event-list > li").length`, &n)
		if n != len(art.Events) {
			t.Fatalf("%d events listed, API has %d", n, len(art.Events))
		}
		// Hovering each event highlights exactly its words: the byte spans
		// were mapped to the right characters despite the curly quotes.
		for i, ev := range art.Events {
			var hl struct {
				Verb, Source, Target string
			}
			evalInto(t, b, fmt.Sprintf(`(() => {
				const li = document.querySelectorAll(".event-list > li")[%d];
				li.dispatchEvent(new MouseEvent("mouseenter"));
				const txt = (c) => [...document.querySelectorAll(".article-text .hl." + c)].map(e => e.textContent).join("");
				const r = {Verb: txt("m-verb"), Source: txt("m-source"), Target: txt("m-target")};
				li.dispatchEvent(new MouseEvent("mouseleave"));
				return r;
			})()`, i), &hl)
			if hl.Verb != ev.Verb.Text {
				t.Errorf("event %d (%s): highlighted verb %q, want %q", i, ev.Code, hl.Verb, ev.Verb.Text)
			}
			if ev.Source != nil && !strings.Contains(hl.Source, ev.Source.Text) {
				t.Errorf("event %d (%s): highlighted source %q, want %q", i, ev.Code, hl.Source, ev.Source.Text)
			}
			if ev.Target != nil && !strings.Contains(hl.Target, ev.Target.Text) {
				t.Errorf("event %d (%s): highlighted target %q, want %q", i, ev.Code, hl.Target, ev.Target.Text)
			}
		}
		// Every span of the article, mapped by the page's own byteMap, gives
		// back the text the coder reported for it.
		bad := eval[[]string](t, b, `(async () => {
			const {byteMap} = await import("/js/spans.js");
			const a = await (await fetch("/api/articles/`+moscowID+`")).json();
			const text = a.article.text, b2i = byteMap(text), bad = [];
			const check = (what, s, want) => {
				const got = text.slice(b2i(s.start), b2i(s.end));
				if (got !== want) bad.push(what + " " + s.start + "-" + s.end + ": " + JSON.stringify(got) + " != " + JSON.stringify(want));
			};
			for (const m of a.mentions || []) check("mention", m.span, m.text);
			for (const q of a.quotes || []) check("quote", q.span, q.text);
			for (const e of a.events || []) {
				check("verb", e.verb, e.verb.text);
				if (e.source) check("source", e.source, e.source.text);
				if (e.target) check("target", e.target, e.target.text);
			}
			return bad;
		})()`)
		for _, s := range bad {
			t.Errorf("span: %s", s)
		}
		var quotes int
		evalInto(t, b, `document.querySelectorAll(".quotes > li").length`, &quotes)
		if quotes != len(art.Quotes) {
			t.Errorf("%d quotes shown, API has %d", quotes, len(art.Quotes))
		}
		// Open with one event selected, as the event list links do.
		b.open(t, "/?view=article&id="+moscowID+"&event="+url.QueryEscape(art.Events[0].ID))
		b.run(t, waitFor(`!!document.querySelector(".event-item.selected") && document.querySelectorAll(".article-text .pinned").length > 0`),
			chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0)`))
		b.screenshot(t, "article")
		b.check(t)
	})

	t.Run("Code", func(t *testing.T) {
		// Characters of 2, 3 and 4 UTF-8 bytes (and a UTF-16 surrogate
		// pair) before the events test the byte-offset mapping.
		const text = "Überblick — 🙂 news. Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Moscow on Tuesday. " +
			"Lavrov said Moscow regretted the absence of the United States."
		b.open(t, "/?view=code")
		b.run(t,
			chromedp.SetValue(chromedp.CSS("#code-text"), text),
			chromedp.SetValue(chromedp.CSS("#code-date"), "2021-10-20"),
			chromedp.Click(chromedp.CSS(`form.code-form button[type=submit]`)))
		b.run(t, waitFor(`!!document.querySelector(".code-result .doc")`))
		var codes []string
		evalInto(t, b, `[...document.querySelectorAll(".code-result .event-list > li .ev-code")].map(e => e.textContent)`, &codes)
		doc := c.Code(&petrel.Article{ID: "pasted", Text: text, Date: time.Date(2021, 10, 20, 0, 0, 0, 0, time.UTC)})
		var want []string
		for _, e := range doc.Events {
			want = append(want, e.Code)
		}
		if !slices.Equal(codes, want) || len(want) == 0 {
			t.Fatalf("coded %v, the coder gives %v", codes, want)
		}
		for i, ev := range doc.Events {
			verb := eval[string](t, b, fmt.Sprintf(`(() => {
				const li = document.querySelectorAll(".code-result .event-list > li")[%d];
				li.dispatchEvent(new MouseEvent("mouseenter"));
				const v = [...document.querySelectorAll(".code-result .article-text .hl.m-verb")].map(e => e.textContent).join("");
				li.dispatchEvent(new MouseEvent("mouseleave"));
				return v;
			})()`, i))
			if verb != ev.Verb.Text {
				t.Errorf("event %d: highlighted verb %q, want %q", i, verb, ev.Verb.Text)
			}
		}
		// The screenshot shows a plain English text.
		b.run(t,
			chromedp.SetValue(chromedp.CSS("#code-text"), "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Moscow on Tuesday. "+
				"Lavrov said Moscow regretted the absence of the United States. Washington said it would not join the talks."),
			chromedp.Evaluate[chromedp.Void](`document.querySelector(".code-result").replaceChildren()`),
			chromedp.Click(chromedp.CSS(`form.code-form button[type=submit]`)),
			waitFor(`!!document.querySelector(".code-result .doc")`),
			chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0)`))
		b.screenshot(t, "code")
		b.check(t)
	})

	t.Run("XSS", func(t *testing.T) {
		for _, p := range []string{"/?view=article&id=" + xssID, "/?view=events&article=" + xssID} {
			b.open(t, p)
			var got struct {
				Pwned   bool
				Scripts int
				Imgs    int
				JSLinks int
				Shown   bool
			}
			evalInto(t, b, `({Pwned: window.__pwned !== undefined,
				Scripts: document.scripts.length,
				Imgs: document.querySelectorAll("img").length,
				JSLinks: [...document.querySelectorAll("a[href]")].filter(a => /^\s*javascript:/i.test(a.getAttribute("href"))).length,
				Shown: document.body.textContent.includes("<script>window.__pwned=1</script>")})`, &got)
			if got.Pwned || got.Scripts != 1 || got.Imgs != 0 || got.JSLinks != 0 {
				t.Errorf("%s: injected markup came alive: %+v", p, got)
			}
			if !got.Shown {
				t.Errorf("%s: the payload is not shown as text", p)
			}
		}
		b.check(t)
	})
	t.Logf("browser tests took %v", time.Since(start).Round(time.Millisecond))
}

// fitRange is timeline.js's fitRange: the first and last index of the
// periods that hold the 1st to the 99th percentile of the events.
func fitRange(periods []phttp.Period) (int, int) {
	total := 0
	for _, p := range periods {
		total += p.Count
	}
	lo, hi, cum, loSet := 0, len(periods)-1, 0, false
	for i, p := range periods {
		cum += p.Count
		if !loSet && float64(cum) > 0.01*float64(total) {
			lo, loSet = i, true
		}
		if float64(cum) >= 0.99*float64(total) {
			hi = i
			break
		}
	}
	return lo, max(lo, hi)
}
