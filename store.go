package petrel

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Store keeps coded documents (articles with their sentences, mentions,
// quotes and events) and answers queries over their events. The sqlite and
// postgres packages implement it; storetest holds the behaviour every
// implementation must show. Implementations are safe for concurrent use.
type Store interface {
	// Ingest stores docs in one transaction: either every document of the
	// batch is stored in full or, on error, none is. An article already
	// stored (the same ID, or the same normalised text) is never stored
	// twice. The same ID with another text is an update: the new text
	// replaces the stored one and its sentences, mentions, quotes and
	// events replace the old ones (IngestStats.Updated). The same text
	// coded by other dictionaries is recoded (Replaced); otherwise it is
	// left as it is (Unchanged). Documents without an article ID are given
	// one derived from their text. Returns EINVALID for a nil document or
	// one whose fields are not valid UTF-8 or hold a NUL byte: callers
	// check documents one by one (ValidText) before they batch them.
	Ingest(ctx context.Context, docs []*Document, dictVersion string) (IngestStats, error)

	// Events returns the events that match f, ordered by date and then
	// storage order, and the cursor of the next page ("" on the last
	// page). Returns EINVALID, naming the parameter, for a bad filter.
	Events(ctx context.Context, f EventFilter) (events []*StoredEvent, next string, err error)

	// EachEvent calls fn with every event that matches f, in the order of
	// Events, reading rows from the database as fn consumes them: a result
	// of any size is streamed, never held in memory. f.Limit, f.Offset and
	// f.Cursor are ignored. It stops at fn's first error and returns it.
	// Returns EINVALID, naming the parameter, for a bad filter.
	EachEvent(ctx context.Context, f EventFilter, fn func(*StoredEvent) error) error

	// Event returns one event by ID. Returns ENOTFOUND if it does not exist.
	Event(ctx context.Context, id string) (*StoredEvent, error)

	// Article returns one stored article with everything coded from it.
	// Returns ENOTFOUND if it does not exist.
	Article(ctx context.Context, id string) (*StoredArticle, error)

	// Stats aggregates the events that match q.Filter. Returns EINVALID
	// for a bad filter or grouping.
	Stats(ctx context.Context, q StatsQuery) ([]StatsRow, error)

	// Grid counts the located events that match q.Filter per cell of a
	// latitude/longitude grid whose cells are GridCellSize(q.Zoom) degrees
	// wide, with their centroid and their count per quad class: what a map
	// draws, at any number of events, without reading them one by one.
	// Cells come most events first. Returns EINVALID for a bad filter or
	// zoom.
	Grid(ctx context.Context, q GridQuery) ([]GridCell, error)

	// Places counts the events that match f per location (name, country
	// and coordinates), with their mean Goldstein score, most events first,
	// cut to f.Limit rows; events without a location are left out.
	// f.Cursor and f.Offset are ignored. Returns EINVALID for a bad filter.
	Places(ctx context.Context, f EventFilter) ([]PlaceStats, error)

	// Actors returns the actor codes present as source or target that
	// start with prefix (case-insensitive), most frequent first.
	Actors(ctx context.Context, prefix string, limit int) ([]ActorCount, error)

	// Counts returns how many rows of each kind the store holds.
	Counts(ctx context.Context) (Counts, error)

	// Close releases the store's connections.
	Close() error
}

// StreamStore is a Store that can store articles while they are being
// coded, so that a large request never holds its coded documents whole.
// The sqlite store implements it.
type StreamStore interface {
	Store
	// IngestStream stores the articles arts in one transaction, as Ingest
	// stores their coded documents, and returns the same counts. For each
	// article in order it calls code(i, part): code codes arts[i], hands
	// rows of its document to part in order, in any number of parts, and
	// returns the rest of the document: its Article, the rows not handed
	// over, Skipped and Problems. A part is a Document whose Sentences,
	// Mentions, Quotes and Events are the next rows of the document (the
	// indices of its mentions, quotes and events continue from the parts
	// before; its Article is ignored); the store does not keep it after
	// part returns. An article the batch leaves as it is (Unchanged, or
	// given way to a later one with its ID) is coded all the same, and
	// its rows are dropped. An error from code or part rolls the
	// transaction back and is returned.
	IngestStream(ctx context.Context, arts []*Article, dictVersion string,
		code func(i int, part func(*Document) error) (*Document, error)) (IngestStats, error)
}

// IngestStats tells what one Ingest call did with its documents. Every
// document is counted once, in one of Inserted, Updated, Replaced,
// Unchanged and Duplicates.
type IngestStats struct {
	Inserted int `json:"inserted"` // new articles (new IDs) with a text not stored before
	// Updated counts articles stored before under the same ID with another
	// text: the new text was coded and replaced the stored article with
	// everything coded from it. A later document of one batch with the
	// same ID as an earlier one and another text is an update of it too.
	Updated   int `json:"updated"`
	Replaced  int `json:"replaced"`  // same text recoded with other dictionaries: its coded rows were replaced
	Unchanged int `json:"unchanged"` // already stored with the same text and dictionaries
	// Duplicates counts new articles (new IDs) whose text is already
	// stored under another ID. They are stored all the same, under their
	// own IDs with their own events, and share the other copies' Story.
	Duplicates int `json:"duplicates"`
	Events     int `json:"events"` // events written
	// UpdatedIDs lists the IDs of the updated articles, in batch order.
	UpdatedIDs []string `json:"updated_ids,omitempty"`
}

// Add adds the counts of o to s.
func (s *IngestStats) Add(o IngestStats) {
	s.Inserted += o.Inserted
	s.Updated += o.Updated
	s.Replaced += o.Replaced
	s.Unchanged += o.Unchanged
	s.Duplicates += o.Duplicates
	s.Events += o.Events
	s.UpdatedIDs = append(s.UpdatedIDs, o.UpdatedIDs...)
}

// Total returns the number of documents counted.
func (s IngestStats) Total() int {
	return s.Inserted + s.Updated + s.Replaced + s.Unchanged + s.Duplicates
}

// Counts is the number of rows of each kind in a store.
type Counts struct {
	Articles  int `json:"articles"`
	Sentences int `json:"sentences"`
	Mentions  int `json:"mentions"`
	Quotes    int `json:"quotes"`
	Events    int `json:"events"`
	Stories   int `json:"stories"` // distinct stories: duplicates of one wire story count once
}

// StoredEvent is an event as kept in a store: the coded event with what the
// store knows around it.
type StoredEvent struct {
	Event
	// NumArticles and NumSources count the articles, and the distinct
	// outlets among them, that carry the story this event was coded from,
	// as GDELT's NumArticles and NumSources do.
	NumArticles int    `json:"num_articles"`
	NumSources  int    `json:"num_sources"`
	Story       string `json:"story"` // key shared by all copies of one wire story
	// DictVersion names the dictionaries that coded the event.
	DictVersion string `json:"dict_version"`
	// ArticleTitle, ArticleURL and ArticleSource describe the article.
	ArticleTitle  string `json:"article_title,omitempty"`
	ArticleURL    string `json:"article_url,omitempty"`
	ArticleSource string `json:"article_source,omitempty"`
}

// StoredArticle is a stored article with everything coded from it.
type StoredArticle struct {
	Document
	DictVersion string    `json:"dict_version"`
	CodedAt     time.Time `json:"coded_at"`
	Story       string    `json:"story"`
	// Duplicates lists the IDs of other stored articles that carry the
	// same wire story.
	Duplicates  []string `json:"duplicates"`
	NumArticles int      `json:"num_articles"`
	NumSources  int      `json:"num_sources"`
}

// Filter limits.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
	// MaxFilterBytes bounds a single filter value; longer values are
	// rejected as invalid rather than sent to the database.
	MaxFilterBytes = 1024
)

// EventFilter selects stored events. Zero fields do not filter.
type EventFilter struct {
	// Actor matches events whose source or target has this country or
	// whose actor code starts with it ("RUS", "RUSGOV"). Source and Target
	// do the same for one side only.
	Actor, Source, Target string
	// Country matches events whose location is in this country ("RUS"),
	// as the location's country code.
	Country string
	// Admin1 matches events whose location lies in this first-order
	// administrative division: its GeoNames code ("UA.65") when the value
	// has the form CC.XX, otherwise its name as stored ("Kherson Oblast").
	Admin1 string
	// BBox, when not nil, matches events whose location lies inside it.
	BBox *BBox
	// Code matches CAMEO event codes starting with it ("04", "042").
	Code string
	// Plover matches the PLOVER event type ("CONSULT").
	Plover string
	// QuadClass matches the quad class 1–4.
	QuadClass int
	// Since and Until bound the event date, inclusive (YYYY-MM-DD).
	Since, Until string
	// Text matches events whose sentence contains all of these words.
	Text string
	// ArticleID matches the events of one article.
	ArticleID string
	// Limit caps the page size: 0 means DefaultLimit.
	Limit int
	// Offset skips rows; Cursor, from a previous page, continues after
	// that page's last row and takes precedence over Offset.
	Offset int
	Cursor string
	// Order is the order of a page of Events: OrderOldest ("" or "asc",
	// by date then storage order) or OrderNewest ("desc": the reverse, so
	// undated events come last). A cursor continues in the order it was
	// made in. EachEvent, Stats and the others ignore it.
	Order string
}

// Orders of EventFilter.Order.
const (
	OrderOldest = "asc"
	OrderNewest = "desc"
)

var (
	actorRe  = regexp.MustCompile(`^[A-Z0-9]{1,64}$`)
	codeRe   = regexp.MustCompile(`^[0-9]{1,4}$`)
	ploverRe = regexp.MustCompile(`^[A-Z_-]{1,64}$`)
)

// Normalize returns f with codes upper-cased and values trimmed, checked:
// it returns EINVALID naming the parameter at fault.
func (f EventFilter) Normalize() (EventFilter, error) {
	for _, p := range []struct {
		name string
		v    *string
		re   *regexp.Regexp
	}{
		{"actor", &f.Actor, actorRe},
		{"source", &f.Source, actorRe},
		{"target", &f.Target, actorRe},
		{"country", &f.Country, actorRe},
		{"code", &f.Code, codeRe},
		{"plover", &f.Plover, ploverRe},
	} {
		*p.v = strings.ToUpper(strings.TrimSpace(*p.v))
		if *p.v != "" && !p.re.MatchString(*p.v) {
			return f, invalid(p.name, "invalid %s %q", p.name, clip(*p.v))
		}
	}
	for _, p := range []struct {
		name string
		v    *string
	}{{"since", &f.Since}, {"until", &f.Until}} {
		*p.v = strings.TrimSpace(*p.v)
		if *p.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, *p.v); err != nil {
			return f, invalid(p.name, "%s must be a date YYYY-MM-DD, not %q", p.name, clip(*p.v))
		}
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return f, invalid("quad", "quad class must be 1 to 4")
	}
	f.Text = strings.TrimSpace(f.Text)
	if len(f.Text) > MaxFilterBytes {
		return f, invalid("text", "text is longer than %d bytes", MaxFilterBytes)
	}
	if !ValidText(f.Text) {
		return f, invalid("text", "text is not valid UTF-8")
	}
	f.Admin1 = strings.TrimSpace(f.Admin1)
	if len(f.Admin1) > 200 || !ValidText(f.Admin1) {
		return f, invalid("admin1", "invalid admin1 %q", clip(f.Admin1))
	}
	if f.BBox != nil {
		if err := f.BBox.check(); err != nil {
			return f, err
		}
	}
	if len(f.ArticleID) > MaxFilterBytes || !ValidText(f.ArticleID) {
		return f, invalid("article", "invalid article ID")
	}
	if len(f.Cursor) > MaxFilterBytes {
		return f, invalid("cursor", "invalid cursor")
	}
	switch f.Order {
	case "", OrderOldest:
		f.Order = OrderOldest
	case OrderNewest:
	default:
		return f, invalid("order", "order must be asc (oldest first) or desc (newest first)")
	}
	switch {
	case f.Limit < 0 || f.Limit > MaxLimit:
		return f, invalid("limit", "limit must be 1 to %d", MaxLimit)
	case f.Limit == 0:
		f.Limit = DefaultLimit
	}
	if f.Offset < 0 {
		return f, invalid("offset", "offset must not be negative")
	}
	return f, nil
}

// BBox is a bounding box in degrees: the locations with MinLon ≤ longitude
// ≤ MaxLon and MinLat ≤ latitude ≤ MaxLat. A box with MinLon > MaxLon
// crosses the antimeridian: it holds longitudes from MinLon to 180 and from
// -180 to MaxLon.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// ParseBBox reads a box written "minLon,minLat,maxLon,maxLat", as the
// bbox parameter is. Returns EINVALID naming param for anything else.
func ParseBBox(s, param string) (*BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, invalid(param, "%s must be minLon,minLat,maxLon,maxLat", param)
	}
	var v [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, invalid(param, "%s must be four numbers minLon,minLat,maxLon,maxLat, not %q", param, clip(s))
		}
		v[i] = x
	}
	b := &BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	if err := b.check(); err != nil {
		err.(*Error).Param = param
		return nil, err
	}
	return b, nil
}

// String returns the box as ParseBBox reads it.
func (b BBox) String() string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return f(b.MinLon) + "," + f(b.MinLat) + "," + f(b.MaxLon) + "," + f(b.MaxLat)
}

// Contains reports whether the point at lon, lat lies in the box.
func (b BBox) Contains(lon, lat float64) bool {
	if lat < b.MinLat || lat > b.MaxLat {
		return false
	}
	if b.MinLon <= b.MaxLon {
		return lon >= b.MinLon && lon <= b.MaxLon
	}
	return lon >= b.MinLon || lon <= b.MaxLon
}

func (b BBox) check() error {
	for _, x := range []float64{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return invalid("bbox", "bbox must hold finite numbers")
		}
	}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180 || b.MaxLon < -180 || b.MinLon > 180:
		return invalid("bbox", "bbox longitudes must be within -180 to 180")
	case b.MinLat < -90 || b.MaxLat > 90:
		return invalid("bbox", "bbox latitudes must be within -90 to 90")
	case b.MinLat > b.MaxLat:
		return invalid("bbox", "bbox minLat is greater than maxLat")
	}
	return nil
}

// MaxZoom is the finest zoom of a GridQuery.
const MaxZoom = 16

// GridCellSize returns the width and height, in degrees, of the cells of
// the grid at zoom: 15° at zoom 0 (24 × 12 cells over the world), halved
// at each level up to MaxZoom.
func GridCellSize(zoom int) float64 {
	return 15 / float64(int(1)<<zoom)
}

// GridQuery asks for the located events matching Filter counted per grid
// cell at Zoom (0 to MaxZoom). Filter.Limit, Cursor and Offset are
// ignored.
type GridQuery struct {
	Filter EventFilter
	Zoom   int
}

// GridCell is the located events of one grid cell.
type GridCell struct {
	// Row and Col number the cell from the south-west corner of the world:
	// it covers latitudes -90+Row·size to -90+(Row+1)·size and longitudes
	// -180+Col·size to -180+(Col+1)·size, size being GridCellSize(zoom).
	Row int `json:"row"`
	Col int `json:"col"`
	// Lat and Lon are the mean position of the cell's events.
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// BBox is the smallest box that holds all the cell's events: a filter
	// by it matches exactly the events counted here.
	BBox BBox `json:"-"`
	// Count is the number of events, and Quads their number per quad
	// class 1 to 4.
	Count int    `json:"count"`
	Quads [4]int `json:"quads"`
	// Places is the number of distinct coordinates among the events.
	Places int `json:"places"`
}

// Stats groupings: By in a StatsQuery.
const (
	ByDay    = "day"
	ByWeek   = "week" // periods start on Monday
	ByMonth  = "month"
	ByRoot   = "root"  // CAMEO root code
	ByCode   = "code"  // full CAMEO code
	ByQuad   = "quad"  // quad class
	ByDyad   = "dyad"  // source actor code > target actor code
	ByActor  = "actor" // actor code, as source or target
	ByPlover = "plover"
)

// StatsGroupings lists the values StatsQuery.By accepts.
var StatsGroupings = []string{ByDay, ByWeek, ByMonth, ByRoot, ByCode, ByQuad, ByDyad, ByActor, ByPlover}

// IsPeriod reports whether by groups by time.
func IsPeriod(by string) bool { return by == ByDay || by == ByWeek || by == ByMonth }

// StatsQuery asks for counts of the events matching Filter grouped By one of
// the Stats groupings. Time groupings are further split by quad class and
// ordered by period; the others are ordered by count, most first, and cut to
// Filter.Limit rows. Filter.Cursor and Filter.Offset are ignored.
type StatsQuery struct {
	Filter EventFilter
	By     string
}

// StatsRow is one group of events.
type StatsRow struct {
	// Key is the period's first day (YYYY-MM-DD), or the root code, code,
	// quad class, "SRC>TGT" dyad, actor code or PLOVER type.
	Key string `json:"key"`
	// QuadClass splits time groupings by quad class; 0 otherwise.
	QuadClass int     `json:"quad_class,omitempty"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"` // mean Goldstein score
}

// PlaceStats is the number of events at one location and their mean
// Goldstein score.
type PlaceStats struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// ActorCount is an actor code and the number of events it takes part in.
type ActorCount struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// ValidText reports whether s is valid UTF-8 without NUL bytes: text every
// store can keep and match.
func ValidText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

func invalid(param, format string, args ...any) *Error {
	e := Errorf(EINVALID, format, args...)
	e.Param = param
	return e
}

// clip shortens a user value for quoting in a message.
func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}

// WatchEntry is one record of the state petrel watch keeps in a store
// (table watch_state): a feed's validators and backoff, a URL seen, a text
// hash, or a page to retry. Kind and Key identify it; Value is the watch
// package's own encoding. In a list of changes, Delete removes the entry
// rather than write Value.
type WatchEntry struct {
	Kind, Key, Value string
	Delete           bool
}
