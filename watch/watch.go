// Package watch follows RSS and Atom feeds and XML sitemaps, fetches the
// articles they list and hands the new ones to a Sink (code and store, or
// publish to the work queue).
//
// It polls politely: conditional GETs (ETag, If-Modified-Since), one
// request at a time per host with a minimum gap between them, robots.txt
// honoured for every page and feed, exponential backoff for a failing
// feed, bounded timeouts and size caps, and a User-Agent that names
// petrel. Articles are deduplicated by canonical URL (the feed's link, the
// URL after redirects and the page's rel=canonical) and by a hash of their
// text, so the same story under two URLs is coded once.
//
// State — each feed's validators and backoff, the URLs seen, the text
// hashes and the pages still to retry — is kept in a StateStore: the
// store's watch_state table (sqlite, postgres), or a JSON file (FileState)
// for a watcher that only publishes. What changed is saved after every
// feed and every batch of articles, so a restarted watcher resumes where
// it stopped. An article is marked seen only after the Sink has accepted it
// (the store committed, or the server acknowledged the message), so a
// crash between the two refetches it, and the idempotent store leaves it
// unchanged: nothing is lost, nothing is stored twice.
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/temoto/robotstxt"

	"petrel"
	"petrel/ingest"
)

// Defaults for Config.
const (
	DefaultInterval     = 15 * time.Minute
	DefaultHostDelay    = 2 * time.Second
	DefaultTimeout      = 20 * time.Second
	DefaultMaxFeedBytes = 16 << 20
	DefaultMaxPageBytes = 4 << 20
	DefaultMaxAttempts  = 5
	DefaultParallel     = 8
	// DefaultUserAgent names petrel; operators add a way to reach them
	// (--user-agent "petrel-watch/1.0 (+https://example.org/contact)").
	DefaultUserAgent = "petrel-watch/1.0 (news event coder)"
	// robotsTTL is how long a host's robots.txt is trusted.
	robotsTTL = time.Hour
	// maxBackoff caps the wait before a failing feed is polled again.
	maxBackoff = 6 * time.Hour
	// maxSitemaps caps the child sitemaps read from one sitemap index.
	maxSitemaps = 100
)

// Config configures a Watcher. Zero fields take the defaults above.
type Config struct {
	Feeds []string
	// Interval is the time between two polls of one feed.
	Interval time.Duration
	// HostDelay is the least time between two requests to one host.
	HostDelay time.Duration
	// Timeout bounds one request, headers and body.
	Timeout time.Duration
	// MaxFeedBytes and MaxPageBytes cap a feed and an article page; a
	// larger one is reported and skipped.
	MaxFeedBytes, MaxPageBytes int64
	// Parallel is how many hosts' pages are fetched at once (default 8);
	// one host's pages are always fetched one at a time.
	Parallel int
	// MaxAttempts is how many times a page that fails (5xx, timeout,
	// network) is tried before it is given up.
	MaxAttempts int
	UserAgent   string
	// State keeps the state between runs (nil keeps it in memory only).
	State StateStore
	// Client makes the requests (default: a client with Timeout).
	Client *http.Client
	// Logf receives one line per event worth telling (a feed that fails,
	// a page given up, a duplicate) and the status lines.
	Logf func(format string, args ...any)
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Sink takes new articles: it codes and stores them, or publishes them,
// and returns the number of events coded (0 when it only publishes). An
// error means none of them was accepted; they are tried again later.
type Sink func(ctx context.Context, arts []*petrel.Article) (events int, err error)

// Stats counts what a Watcher did.
type Stats struct {
	Polls       int `json:"polls"`        // feed requests
	NotModified int `json:"not_modified"` // answered 304
	FeedErrors  int `json:"feed_errors"`  // feeds that failed (status, parse, network, robots)
	Pages       int `json:"pages"`        // article pages fetched
	PageErrors  int `json:"page_errors"`  // page fetches that failed, to be retried
	GivenUp     int `json:"given_up"`     // pages given up: 4xx, too large, no text, or out of attempts
	Disallowed  int `json:"disallowed"`   // URLs robots.txt forbids
	Articles    int `json:"articles"`     // new articles handed to the sink
	Duplicates  int `json:"duplicates"`   // pages whose canonical URL or text was seen before
	Events      int `json:"events"`       // events the sink coded
}

// A Watcher polls feeds. It is not safe for concurrent use: Run or Poll
// from one goroutine.
type Watcher struct {
	cfg     Config
	sink    Sink
	st      *state
	statsMu sync.Mutex
	stats   Stats
	// hosts holds the time each host may next be asked.
	hostMu   sync.Mutex
	hosts    map[string]time.Time
	robotsMu sync.Mutex
	robots   map[string]*robotsEntry
}

type robotsEntry struct {
	data    *robotstxt.RobotsData
	fetched time.Time
}

// New returns a Watcher over cfg.Feeds that hands articles to sink,
// resuming from the state kept in cfg.State.
func New(cfg Config, sink Sink) (*Watcher, error) {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.HostDelay < 0 {
		cfg.HostDelay = 0
	} else if cfg.HostDelay == 0 {
		cfg.HostDelay = DefaultHostDelay
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxFeedBytes <= 0 {
		cfg.MaxFeedBytes = DefaultMaxFeedBytes
	}
	if cfg.MaxPageBytes <= 0 {
		cfg.MaxPageBytes = DefaultMaxPageBytes
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = DefaultParallel
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	for i, f := range cfg.Feeds {
		u, err := url.Parse(strings.TrimSpace(f))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, petrel.Errorf(petrel.EINVALID, "feed %q is not an http(s) URL", f)
		}
		cfg.Feeds[i] = u.String()
	}
	st, err := loadState(context.Background(), cfg.State)
	if err != nil {
		return nil, err
	}
	return &Watcher{cfg: cfg, sink: sink, st: st, hosts: map[string]time.Time{}, robots: map[string]*robotsEntry{}}, nil
}

// Stats returns the counts since New.
func (w *Watcher) Stats() Stats {
	w.statsMu.Lock()
	defer w.statsMu.Unlock()
	return w.stats
}

// Pending returns how many pages wait for another attempt.
func (w *Watcher) Pending() int { return len(w.st.Retry) }

// Failing returns how many feeds failed on their last poll.
func (w *Watcher) Failing() int {
	n := 0
	for _, f := range w.cfg.Feeds {
		if fs := w.st.Feeds[f]; fs != nil && fs.Failures > 0 {
			n++
		}
	}
	return n
}

// FeedFailure is a feed whose last poll failed, and why.
type FeedFailure struct {
	Feed string
	Err  string
}

// FeedsFailedError is what Run returns after its one pass when every feed
// it follows is failing: a run that could fetch nothing must not look
// like one that found nothing new.
type FeedsFailedError struct {
	Failed []FeedFailure
}

// Error names the failing feeds and why each failed.
func (e *FeedsFailedError) Error() string {
	if len(e.Failed) == 1 {
		return "the feed failed: " + failureList(e.Failed)
	}
	return fmt.Sprintf("all %d feeds failed: %s", len(e.Failed), failureList(e.Failed))
}

// failureList writes failures as "URL (reason), URL (reason)".
func failureList(fs []FeedFailure) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Feed + " (" + f.Err + ")")
	}
	return b.String()
}

// Failures returns the feeds whose last poll failed, in the order of
// Config.Feeds. A feed still waiting out the backoff of an earlier failure
// counts: it is not polled, and it is failing.
func (w *Watcher) Failures() []FeedFailure {
	var out []FeedFailure
	for _, f := range w.cfg.Feeds {
		if fs := w.st.Feeds[f]; fs != nil && fs.Failures > 0 {
			out = append(out, FeedFailure{Feed: f, Err: fs.LastError})
		}
	}
	return out
}

// Run polls until ctx is cancelled, or once through every feed (and the
// pages left to retry) when once is set, logging a status line every
// statusEvery (0: after each pass only). With once, when every feed is
// failing after the pass it returns a *FeedsFailedError; when only some
// are, it logs them and returns nil.
func (w *Watcher) Run(ctx context.Context, once bool, statusEvery time.Duration) error {
	lastStatus, last := w.cfg.Now(), w.stats
	for {
		if err := w.Poll(ctx); err != nil {
			var se *sinkError
			var ste *stateError
			switch {
			case ctx.Err() != nil || once:
				return err
			case errors.As(err, &se):
				// The store or the queue is down: the pages stay queued
				// and are fetched again on the next pass.
				w.cfg.Logf("%v; the articles will be fetched again", err)
			case errors.As(err, &ste):
				// The changes stay pending and are saved with the next.
				w.cfg.Logf("%v; it is saved again on the next pass", err)
			default:
				return err
			}
		}
		now := w.cfg.Now()
		if once || statusEvery <= 0 || now.Sub(lastStatus) >= statusEvery {
			w.status(now.Sub(lastStatus), last)
			lastStatus, last = now, w.stats
		}
		if once {
			failed := w.Failures()
			if len(failed) > 0 && len(failed) == len(w.cfg.Feeds) {
				return &FeedsFailedError{Failed: failed}
			}
			if len(failed) > 0 {
				w.cfg.Logf("%d of %d feeds failed: %s", len(failed), len(w.cfg.Feeds), failureList(failed))
			}
			return nil
		}
		wait := max(w.nextDue().Sub(w.cfg.Now()), time.Second)
		if statusEvery > 0 {
			wait = min(wait, statusEvery)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// status logs the counts of the last interval.
func (w *Watcher) status(d time.Duration, last Stats) {
	s := w.stats
	w.cfg.Logf("%d feeds: %d polled, %d not modified, %d failing; %d new articles, %d duplicates, %d events, %d pages to retry, %d given up, in the last %v",
		len(w.cfg.Feeds), s.Polls-last.Polls, s.NotModified-last.NotModified, w.Failing(), s.Articles-last.Articles, s.Duplicates-last.Duplicates,
		s.Events-last.Events, len(w.st.Retry), s.GivenUp-last.GivenUp, d.Round(time.Second))
}

// nextDue is when the next feed is due.
func (w *Watcher) nextDue() time.Time {
	next := w.cfg.Now().Add(w.cfg.Interval)
	for _, f := range w.cfg.Feeds {
		if fs := w.st.Feeds[f]; fs != nil && fs.Next.Before(next) {
			next = fs.Next
		}
	}
	if soon := w.cfg.Now().Add(time.Minute); len(w.st.Retry) > 0 && soon.Before(next) {
		next = soon
	}
	return next
}

// Poll polls every feed that is due, then fetches the new pages they list
// and the pages left to retry, hands the new articles to the sink and saves
// the state. Failures of feeds and pages are logged and counted, not
// returned: Poll returns an error only when the sink or the state store
// fails, or ctx ends.
func (w *Watcher) Poll(ctx context.Context) error {
	now := w.cfg.Now()
	for _, feed := range w.cfg.Feeds {
		if err := ctx.Err(); err != nil {
			return err
		}
		fs := w.st.feed(feed)
		if fs.Next.After(now) {
			continue
		}
		items, err := w.pollFeed(ctx, feed, fs)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			w.stats.FeedErrors++
			fs.Failures++
			fs.LastError = err.Error()
			backoff := max(min(min(w.cfg.Interval, time.Minute)<<min(fs.Failures-1, 16), maxBackoff), retryAfter(err))
			fs.Next = w.cfg.Now().Add(backoff)
			w.cfg.Logf("feed %s: %v (failure %d; next try in %v)", feed, err, fs.Failures, backoff)
		} else {
			if fs.Failures > 0 {
				w.cfg.Logf("feed %s: answers again after %d failures", feed, fs.Failures)
			}
			fs.Failures, fs.LastError = 0, ""
			fs.Next = w.cfg.Now().Add(w.cfg.Interval)
			for _, it := range items {
				w.st.queue(it)
			}
		}
		if err := w.save(ctx); err != nil {
			return err
		}
	}
	// The pages the feeds listed, and those that failed before, all at
	// once: one goroutine per host.
	if err := w.fetchQueued(ctx); err != nil {
		return err
	}
	return w.save(ctx)
}

// save writes what changed of the state. It is not cancelled with ctx:
// the marks of articles the sink has accepted are worth keeping on the
// way out.
func (w *Watcher) save(ctx context.Context) error {
	if err := w.st.save(context.WithoutCancel(ctx), w.cfg.State); err != nil {
		return &stateError{err}
	}
	return nil
}

// stateError is a StateStore's failure to save.
type stateError struct{ err error }

func (e *stateError) Error() string { return "saving the state failed: " + e.err.Error() }
func (e *stateError) Unwrap() error { return e.err }

// item is an article a feed lists.
type item struct {
	URL    string    `json:"url"` // canonical
	Feed   string    `json:"feed"`
	Title  string    `json:"title,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	Source string    `json:"source,omitempty"`
	// Attempts counts failed fetches; LastError is the last reason.
	Attempts  int       `json:"attempts,omitempty"`
	LastError string    `json:"last_error,omitempty"`
	Next      time.Time `json:"next,omitzero"` // not tried again before
	Seq       int       `json:"seq"`           // order of discovery

}

// pollFeed fetches one feed or sitemap and returns the items it lists that
// were never seen.
func (w *Watcher) pollFeed(ctx context.Context, feed string, fs *feedState) ([]*item, error) {
	body, final, status, err := w.get(ctx, feed, fs, w.cfg.MaxFeedBytes)
	w.stats.Polls++
	if err != nil {
		return nil, err
	}
	if status == http.StatusNotModified {
		w.stats.NotModified++
		return nil, nil
	}
	base, _ := url.Parse(final)
	var items []*item
	if kind := sitemapKind(body); kind != "" {
		items, err = w.sitemap(ctx, base, body, kind, 0)
		if err != nil {
			return nil, err
		}
	} else {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("not a feed or sitemap: %v", err)
		}
		source := strings.TrimSpace(f.Title)
		for _, it := range f.Items {
			link := it.Link
			if link == "" && len(it.Links) > 0 {
				link = it.Links[0]
			}
			if link == "" && strings.HasPrefix(it.GUID, "http") {
				link = it.GUID
			}
			u := resolve(base, link)
			if u == "" {
				continue
			}
			n := &item{URL: u, Feed: feed, Title: strings.TrimSpace(it.Title), Source: source}
			if it.PublishedParsed != nil {
				n.Date = *it.PublishedParsed
			} else if it.UpdatedParsed != nil {
				n.Date = *it.UpdatedParsed
			}
			items = append(items, n)
		}
	}
	fresh := items[:0]
	for _, it := range items {
		if !w.st.seen(it.URL) {
			fresh = append(fresh, it)
		}
	}
	return fresh, nil
}

// sitemapKind tells an XML sitemap ("urlset") or sitemap index
// ("sitemapindex") from a feed, by its root element.
func sitemapKind(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "urlset", "sitemapindex":
				return se.Name.Local
			}
			return ""
		}
	}
}

type sitemapDoc struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// sitemap reads the URLs of a sitemap, or of the sitemaps an index lists
// (one level deep, at most maxSitemaps of them).
func (w *Watcher) sitemap(ctx context.Context, base *url.URL, body []byte, kind string, depth int) ([]*item, error) {
	var doc sitemapDoc
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("broken sitemap: %v", err)
	}
	var items []*item
	if kind == "sitemapindex" {
		if depth > 0 {
			return nil, nil
		}
		for i, s := range doc.Sitemaps {
			if i == maxSitemaps {
				w.cfg.Logf("sitemap index %s: only the first %d sitemaps are read", base, maxSitemaps)
				break
			}
			u := resolve(base, s.Loc)
			if u == "" {
				continue
			}
			fs := w.st.feed(u)
			b, final, status, err := w.get(ctx, u, fs, w.cfg.MaxFeedBytes)
			if err != nil {
				w.cfg.Logf("sitemap %s: %v", u, err)
				continue
			}
			if status == http.StatusNotModified {
				continue
			}
			fb, _ := url.Parse(final)
			sub, err := w.sitemap(ctx, fb, b, sitemapKind(b), depth+1)
			if err != nil {
				w.cfg.Logf("sitemap %s: %v", u, err)
				continue
			}
			items = append(items, sub...)
		}
		return items, nil
	}
	for _, x := range doc.URLs {
		u := resolve(base, x.Loc)
		if u == "" {
			continue
		}
		it := &item{URL: u, Feed: base.String(), Source: base.Hostname()}
		if t, ok := ingest.ParseDate(strings.TrimSpace(x.LastMod)); ok {
			it.Date = t
		} else if t, err := time.Parse(time.RFC3339, strings.TrimSpace(x.LastMod)); err == nil {
			it.Date = t
		}
		items = append(items, it)
	}
	return items, nil
}

// fetchQueued fetches every page waiting in the state, hands the articles
// to the sink and marks them seen once it has accepted them.
func (w *Watcher) fetchQueued(ctx context.Context) error {
	if len(w.st.Retry) == 0 {
		return nil
	}
	// In the order the feeds listed them, so that of two copies of one
	// story the first listed is kept.
	urls := make([]string, 0, len(w.st.Retry))
	for u := range w.st.Retry {
		urls = append(urls, u)
	}
	sort.Slice(urls, func(i, j int) bool {
		a, b := w.st.Retry[urls[i]], w.st.Retry[urls[j]]
		if a.Seq != b.Seq {
			return a.Seq < b.Seq
		}
		return urls[i] < urls[j]
	})
	now := w.cfg.Now()
	var due []*item
	for _, u := range urls {
		if it := w.st.Retry[u]; !it.Next.After(now) {
			due = append(due, it)
		}
	}
	results := w.fetchAll(ctx, due)
	if err := ctx.Err(); err != nil {
		return err
	}
	var arts []*petrel.Article
	var hashes []string
	// claimed holds the canonical URLs of this batch's articles, not
	// marked seen until the sink has them.
	claimed := map[string]bool{}
	for i, it := range due {
		u, f := it.URL, results[i]
		var hash string
		err := f.err
		if err == nil {
			hash, err = w.dedup(it, f, claimed)
		}
		var gu *giveUpError
		var de *dupError
		switch {
		case errors.As(err, &gu):
			w.count(func(s *Stats) { s.GivenUp++ })
			w.cfg.Logf("page %s: %v: given up", u, err)
			w.st.markSeen(u, "")
			delete(w.st.Retry, u)
		case errors.As(err, &de):
			w.count(func(s *Stats) { s.Duplicates++ })
			w.cfg.Logf("page %s: duplicate: %v", u, err)
			w.st.markSeen(u, "")
			delete(w.st.Retry, u)
		case err != nil:
			w.count(func(s *Stats) { s.PageErrors++ })
			it.Attempts++
			it.LastError = err.Error()
			if it.Attempts >= w.cfg.MaxAttempts {
				w.count(func(s *Stats) { s.GivenUp++ })
				w.cfg.Logf("page %s: %v: given up after %d attempts", u, err, it.Attempts)
				w.st.markSeen(u, "")
				delete(w.st.Retry, u)
			} else {
				wait := max(min(time.Minute<<(it.Attempts-1), time.Hour), retryAfter(err))
				it.Next = w.cfg.Now().Add(wait)
				w.cfg.Logf("page %s: %v (attempt %d of %d; will retry in %v)", u, err, it.Attempts, w.cfg.MaxAttempts, wait)
			}
		default:
			arts = append(arts, f.a)
			hashes = append(hashes, hash)
			claimed[f.a.URL] = true
			// Claim the text now, so a second URL with the same text in
			// this batch is a duplicate; released below if the sink fails.
			w.st.claimHash(hash, f.a.URL)
		}
	}
	if len(arts) == 0 {
		return nil
	}
	n, err := w.sink(ctx, arts)
	if err != nil {
		for _, h := range hashes {
			w.st.releaseHash(h)
		}
		return &sinkError{err}
	}
	w.count(func(s *Stats) { s.Articles += len(arts); s.Events += n })
	for i, a := range arts {
		w.st.markSeen(a.URL, hashes[i])
		w.st.markSeen(a.Origin, hashes[i])
		delete(w.st.Retry, a.Origin)
	}
	return nil
}

// sinkError is a Sink's failure.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return "storing the articles failed: " + e.err.Error() }
func (e *sinkError) Unwrap() error { return e.err }

// busyError is a server that answered 429 or 5xx, with the wait its
// Retry-After header asks for (0 when it sent none).
type busyError struct {
	status string
	after  time.Duration
}

func (e *busyError) Error() string {
	if e.after > 0 {
		return fmt.Sprintf("server answered %s, retry after %v", e.status, e.after)
	}
	return "server answered " + e.status
}

// retryAfter returns the wait a busy server asked for, or 0.
func retryAfter(err error) time.Duration {
	var be *busyError
	if errors.As(err, &be) {
		return be.after
	}
	return 0
}

// giveUpError is a page that will never be an article (4xx, too large,
// no text, forbidden by robots.txt).
type giveUpError struct{ msg string }

func (e *giveUpError) Error() string { return e.msg }

// dupError is a page seen before under another URL or with the same text.
type dupError struct{ msg string }

func (e *dupError) Error() string { return e.msg }

func giveUp(format string, args ...any) error {
	return &giveUpError{fmt.Sprintf(format, args...)}
}

// fetched is one page's article and canonical URL, or why there is none.
type fetched struct {
	a     *petrel.Article
	canon string
	err   error
}

// fetchPage fetches and extracts one article and finds its canonical URL.
// It returns a giveUpError for a page that will never be an article, and
// any other error for a failure worth retrying. It reads nothing of the
// state, so pages of several hosts are fetched at once.
func (w *Watcher) fetchPage(ctx context.Context, it *item) fetched {
	body, final, _, err := w.get(ctx, it.URL, nil, w.cfg.MaxPageBytes)
	w.count(func(s *Stats) { s.Pages++ })
	if err != nil {
		return fetched{err: err}
	}
	now := w.cfg.Now().UTC()
	date := it.Date
	if date.IsZero() {
		date = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	a, diags := ingest.HTMLArticle(ArticleID(it.URL), body, date)
	if a == nil {
		msg := "no article text"
		if len(diags) > 0 {
			msg = diags[len(diags)-1].Msg
		}
		return fetched{err: giveUp("%s", msg)}
	}
	// The canonical URL: the page's own, else where the redirects ended.
	canon := it.URL
	if fu := Canonical(final); fu != "" {
		canon = fu
	}
	if a.URL != "" {
		base, _ := url.Parse(final)
		if cu := resolve(base, a.URL); cu != "" {
			canon = cu
		}
	}
	a.ID = ArticleID(canon)
	a.URL = canon
	a.Origin = it.URL
	if it.Title != "" {
		a.Title = it.Title
	}
	if !it.Date.IsZero() {
		a.Date = it.Date
	}
	if it.Source != "" {
		a.Source = it.Source
	}
	return fetched{a: a, canon: canon}
}

// dedup returns a dupError when f's page was seen under another URL, or
// its text was, and otherwise the hash of its text.
func (w *Watcher) dedup(it *item, f fetched, claimed map[string]bool) (string, error) {
	if claimed[f.canon] || (f.canon != it.URL && w.st.seen(f.canon)) {
		return "", &dupError{"the same page as " + f.canon + ", seen before"}
	}
	hash := TextHash(f.a.Text)
	if prev, ok := w.st.Hashes[hash]; ok {
		return "", &dupError{"the same text as " + prev}
	}
	return hash, nil
}

// fetchAll fetches the pages of its, one goroutine per host and at most
// cfg.Parallel at once, each host's pages in order and spaced by the
// host's gap, and returns the results in the order of its.
func (w *Watcher) fetchAll(ctx context.Context, its []*item) []fetched {
	out := make([]fetched, len(its))
	byHost := map[string][]int{}
	var hosts []string
	for i, it := range its {
		h := it.URL
		if u, err := url.Parse(it.URL); err == nil {
			h = u.Host
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], i)
	}
	sem := make(chan struct{}, w.cfg.Parallel)
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func(idx []int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			for _, i := range idx {
				if ctx.Err() != nil {
					out[i] = fetched{err: ctx.Err()}
					continue
				}
				out[i] = w.fetchPage(ctx, its[i])
			}
		}(byHost[h])
	}
	wg.Wait()
	return out
}

// count updates the counts; pages are fetched on several goroutines.
func (w *Watcher) count(f func(*Stats)) {
	w.statsMu.Lock()
	f(&w.stats)
	w.statsMu.Unlock()
}

// get fetches u politely: robots.txt first, the host's gap respected, a
// conditional GET when fs holds validators, the body cut at limit. It
// returns the body, the URL after redirects and the status (200 or 304).
func (w *Watcher) get(ctx context.Context, u string, fs *feedState, limit int64) ([]byte, string, int, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, "", 0, giveUp("bad URL: %v", err)
	}
	ok, err := w.allowed(ctx, pu)
	if err != nil {
		return nil, "", 0, err
	}
	if !ok {
		w.count(func(s *Stats) { s.Disallowed++ })
		return nil, "", 0, giveUp("robots.txt of %s disallows it", pu.Host)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", 0, giveUp("bad URL: %v", err)
	}
	req.Header.Set("User-Agent", w.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	if fs != nil {
		if fs.ETag != "" {
			req.Header.Set("If-None-Match", fs.ETag)
		}
		if fs.LastModified != "" {
			req.Header.Set("If-Modified-Since", fs.LastModified)
		}
	}
	resp, err := w.do(ctx, req)
	if err != nil {
		return nil, "", 0, err
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified && fs != nil:
		return nil, final, resp.StatusCode, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		err := &busyError{status: resp.Status}
		if v := resp.Header.Get("Retry-After"); v != "" {
			if secs, perr := strconv.Atoi(strings.TrimSpace(v)); perr == nil && secs > 0 {
				err.after = time.Duration(secs) * time.Second
			} else if t, perr := http.ParseTime(v); perr == nil {
				err.after = t.Sub(w.cfg.Now())
			}
			err.after = min(err.after, maxBackoff)
		}
		return nil, "", 0, err
	case resp.StatusCode >= 400:
		return nil, "", 0, giveUp("server answered %s", resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, "", 0, fmt.Errorf("server answered %s", resp.Status)
	}
	if resp.ContentLength > limit {
		return nil, "", 0, giveUp("%d bytes, more than the %d-byte cap", resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", 0, fmt.Errorf("reading the body: %v", err)
	}
	if int64(len(body)) > limit {
		return nil, "", 0, giveUp("more than the %d-byte cap", limit)
	}
	if fs != nil {
		fs.ETag = resp.Header.Get("ETag")
		fs.LastModified = resp.Header.Get("Last-Modified")
	}
	return body, final, resp.StatusCode, nil
}

// do sends req once the host's gap has passed.
func (w *Watcher) do(ctx context.Context, req *http.Request) (*http.Response, error) {
	host := req.URL.Host
	w.hostMu.Lock()
	now := w.cfg.Now()
	at := w.hosts[host]
	if at.Before(now) {
		at = now
	}
	w.hosts[host] = at.Add(w.cfg.HostDelay)
	w.hostMu.Unlock()
	if d := at.Sub(now); d > 0 {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(d):
		}
	}
	resp, err := w.cfg.Client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, err
	}
	return resp, nil
}

// allowed reports whether the host's robots.txt lets petrel fetch u. A
// robots.txt that cannot be fetched is an error (retried later); one that
// is missing (4xx) allows everything; one that answers 5xx forbids
// everything for now, as RFC 9309 asks.
func (w *Watcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	w.robotsMu.Lock()
	e := w.robots[key]
	w.robotsMu.Unlock()
	if e == nil || w.cfg.Now().Sub(e.fetched) > robotsTTL {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, key+"/robots.txt", nil)
		if err != nil {
			return false, err
		}
		req.Header.Set("User-Agent", w.cfg.UserAgent)
		resp, err := w.do(ctx, req)
		if err != nil {
			return false, fmt.Errorf("robots.txt: %v", err)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
		resp.Body.Close()
		if err != nil {
			return false, fmt.Errorf("robots.txt: %v", err)
		}
		data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
		if err != nil {
			// Unparseable rules: treat as none, as crawlers do.
			data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
		e = &robotsEntry{data: data, fetched: w.cfg.Now()}
		w.robotsMu.Lock()
		w.robots[key] = e
		w.robotsMu.Unlock()
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, w.cfg.UserAgent), nil
}

// resolve turns a link into an absolute canonical URL, or "" when it is
// not an http(s) URL.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return Canonical(u.String())
}

// trackingParams are query parameters that name a campaign, not a page.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"}

// Canonical returns u in a canonical form: scheme and host lower-cased,
// default port, fragment and tracking parameters dropped, the remaining
// parameters sorted. It returns "" for anything but an http(s) URL.
func Canonical(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && u.Port() == "80") || (u.Scheme == "https" && u.Port() == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			for _, p := range trackingParams {
				if strings.HasPrefix(strings.ToLower(k), p) {
					delete(q, k)
				}
			}
		}
		u.RawQuery = q.Encode() // sorted by key
	}
	return u.String()
}

// ArticleID is the ID of the article at a canonical URL: "w" and 20 hex
// digits of its SHA-256, short, stable and the same in every process.
func ArticleID(canonicalURL string) string {
	h := sha256.Sum256([]byte(canonicalURL))
	return "w" + hex.EncodeToString(h[:10])
}

// TextHash identifies an article's text: the SHA-256 of its words, so
// white space and line breaks do not tell two copies apart.
func TextHash(text string) string {
	h := sha256.New()
	for i, f := range strings.Fields(text) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		io.WriteString(h, f)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
