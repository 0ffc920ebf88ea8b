package http

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"petrel"
	"petrel/coder"
)

// EventsResponse is the body of GET /api/events.
type EventsResponse struct {
	Events     []*petrel.StoredEvent `json:"events"`
	NextCursor string                `json:"next_cursor"`
}

// FilterFromQuery reads an event filter from URL parameters: actor, source,
// target, country, admin1, bbox, code, plover, quad, since, until, text,
// article, limit, offset and cursor. It returns EINVALID naming a parameter
// that is not a number, or a bbox that is not four, where one is expected;
// the store checks the rest.
func FilterFromQuery(q url.Values) (petrel.EventFilter, error) {
	f := petrel.EventFilter{
		Actor: q.Get("actor"), Source: q.Get("source"), Target: q.Get("target"),
		Country: q.Get("country"), Admin1: q.Get("admin1"), Code: q.Get("code"), Plover: q.Get("plover"),
		Since: q.Get("since"), Until: q.Get("until"),
		Text: q.Get("text"), ArticleID: q.Get("article"), Cursor: q.Get("cursor"),
		Order: q.Get("order"),
	}
	for _, p := range []struct {
		name string
		v    *int
	}{{"quad", &f.QuadClass}, {"limit", &f.Limit}, {"offset", &f.Offset}} {
		s := q.Get(p.name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return f, &petrel.Error{Code: petrel.EINVALID, Message: p.name + " must be a whole number", Param: p.name}
		}
		*p.v = n
	}
	if v := q.Get("bbox"); v != "" {
		b, err := petrel.ParseBBox(v, "bbox")
		if err != nil {
			return f, err
		}
		f.BBox = b
	}
	return f, nil
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch format := q.Get("format"); format {
	case "", "json":
	case "csv", "jsonl", "gdelt":
		s.handleExport(w, r, format)
		return
	default:
		s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "format must be json, csv, jsonl or gdelt", Param: "format"})
		return
	}
	f, err := FilterFromQuery(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	evs, next, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if evs == nil {
		evs = []*petrel.StoredEvent{}
	}
	writeJSON(w, http.StatusOK, EventsResponse{Events: evs, NextCursor: next})
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	e, err := s.cfg.Store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.cfg.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// QuadStats is one quad class's share of a period.
type QuadStats struct {
	QuadClass int     `json:"quad_class"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// Period is one period of a timeline: its first day, its events' count and
// mean Goldstein score, and the same for each quad class 1–4 in order.
type Period struct {
	Period    string       `json:"period"`
	Count     int          `json:"count"`
	Goldstein float64      `json:"goldstein"`
	Quads     [4]QuadStats `json:"quad_classes"`
}

// TimelineResponse is the body of GET /api/stats/timeline.
type TimelineResponse struct {
	Interval string   `json:"interval"`
	Periods  []Period `json:"periods"`
}

// StatsResponse is the body of the other GET /api/stats endpoints.
type StatsResponse struct {
	By   string            `json:"by"`
	Rows []petrel.StatsRow `json:"rows"`
}

// Timeline folds stats rows grouped by period and quad class into periods.
func Timeline(interval string, rows []petrel.StatsRow) TimelineResponse {
	t := TimelineResponse{Interval: interval, Periods: []Period{}}
	for _, r := range rows {
		if n := len(t.Periods); n == 0 || t.Periods[n-1].Period != r.Key {
			p := Period{Period: r.Key}
			for i := range p.Quads {
				p.Quads[i].QuadClass = i + 1
			}
			t.Periods = append(t.Periods, p)
		}
		p := &t.Periods[len(t.Periods)-1]
		if r.QuadClass >= 1 && r.QuadClass <= 4 {
			p.Quads[r.QuadClass-1] = QuadStats{QuadClass: r.QuadClass, Count: r.Count, Goldstein: r.Goldstein}
		}
		// Running weighted mean over the period's quad classes.
		total := p.Count + r.Count
		if total > 0 {
			p.Goldstein = (p.Goldstein*float64(p.Count) + r.Goldstein*float64(r.Count)) / float64(total)
		}
		p.Count = total
	}
	for i := range t.Periods {
		// As the store rounds means (sqlstore.RoundMean).
		t.Periods[i].Goldstein = math.Round(t.Periods[i].Goldstein*1e9) / 1e9
	}
	return t
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := FilterFromQuery(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	kind := r.PathValue("kind")
	var by string
	switch kind {
	case "timeline":
		// "by" is the name petrel stats gives it (--by month).
		by = q.Get("interval")
		if by == "" {
			by = q.Get("by")
		}
		if by == "" {
			by = petrel.ByWeek
		}
		if !petrel.IsPeriod(by) {
			s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "interval must be day, week or month", Param: "interval"})
			return
		}
	case "codes":
		by = q.Get("level")
		if by == "" {
			by = petrel.ByRoot
		}
		if by != petrel.ByRoot && by != petrel.ByCode {
			s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "level must be root or code", Param: "level"})
			return
		}
	case "quad":
		by = petrel.ByQuad
	case "dyads":
		by = petrel.ByDyad
	case "actors":
		by = petrel.ByActor
	case "plover":
		by = petrel.ByPlover
	case "places":
		places, err := s.cfg.Store.Places(r.Context(), f)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, PlacesResponse{Places: places})
		return
	default:
		s.Error(w, r, &petrel.Error{Code: petrel.ENOTFOUND, Message: "no such statistic: use timeline, codes, quad, dyads, actors, plover or places", Param: "kind"})
		return
	}
	rows, err := s.cfg.Store.Stats(r.Context(), petrel.StatsQuery{Filter: f, By: by})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if kind == "timeline" {
		writeJSON(w, http.StatusOK, Timeline(by, rows))
		return
	}
	writeJSON(w, http.StatusOK, StatsResponse{By: by, Rows: rows})
}

// PlacesResponse is the body of GET /api/stats/places.
type PlacesResponse struct {
	Places []petrel.PlaceStats `json:"places"`
}

// ActorsResponse is the body of GET /api/actors.
type ActorsResponse struct {
	Actors []petrel.ActorCount `json:"actors"`
}

func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := 20
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "limit must be 1 to 1000", Param: "limit"})
			return
		}
		limit = n
	}
	as, err := s.cfg.Store.Actors(r.Context(), q.Get("q"), limit)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ActorsResponse{Actors: as})
}

// ArticleRequest is an article as sent to POST /api/code and POST
// /api/articles. Date is YYYY-MM-DD or RFC 3339.
type ArticleRequest struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// article checks the request and returns it as an article; i names it in
// errors when it is one of several.
func (a *ArticleRequest) article(i int) (*petrel.Article, error) {
	at := ""
	if i >= 0 {
		at = "[" + strconv.Itoa(i) + "]"
	}
	bad := func(param, msg string) error {
		return &petrel.Error{Code: petrel.EINVALID, Message: msg, Param: param + at}
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, bad("text", "text is required")
	}
	out := &petrel.Article{ID: a.ID, Title: a.Title, Text: a.Text, URL: a.URL, Source: a.Source, Origin: "http"}
	if a.Date != "" {
		d, err := time.Parse(time.DateOnly, a.Date)
		if err != nil {
			if d, err = time.Parse(time.RFC3339, a.Date); err != nil {
				return nil, bad("date", "date must be YYYY-MM-DD or RFC 3339")
			}
		}
		out.Date = d
	}
	for _, f := range []struct{ name, v string }{{"id", a.ID}, {"text", a.Text}, {"title", a.Title}, {"url", a.URL}, {"source", a.Source}} {
		if !petrel.ValidText(f.v) {
			return nil, bad(f.name, f.name+" holds a NUL character")
		}
	}
	return out, nil
}

func (s *Server) coder(w http.ResponseWriter, r *http.Request) petrel.Coder {
	if s.cfg.Coder == nil {
		s.Error(w, r, petrel.Errorf(petrel.EINTERNAL, "this server has no coder"))
	}
	return s.cfg.Coder
}

func (s *Server) handleCode(w http.ResponseWriter, r *http.Request) {
	c := s.coder(w, r)
	if c == nil {
		return
	}
	// The body may hold the text twice over (JSON escapes); the text
	// itself is checked once decoded.
	limit := s.cfg.MaxCodeBytes
	r.Body = http.MaxBytesReader(w, r.Body, 2*limit+4096)
	var req ArticleRequest
	if err := readJSON(r, &req); err != nil {
		var e *petrel.Error
		if errors.As(err, &e) && e.Code == petrel.ETOOLARGE {
			err = codeTooLarge(limit)
		}
		s.Error(w, r, err)
		return
	}
	if int64(len(req.Text)) > limit {
		s.Error(w, r, codeTooLarge(limit))
		return
	}
	a, err := req.article(-1)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !s.startCoding(w, r, int64(len(req.Text))) {
		return
	}
	defer s.coding.Release(int64(len(req.Text)))
	d := c.Code(a)
	if err := r.Context().Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if err := writeDocument(w, d); err != nil && r.Context().Err() == nil {
		s.cfg.Logger.Warn("http: code", "err", err)
	}
}

// codeTooLarge is the 413 of POST /api/code.
func codeTooLarge(limit int64) error {
	return petrel.Errorf(petrel.ETOOLARGE, "the text is longer than %d bytes, the most POST /api/code codes at once: "+
		"split it, or use petrel code or POST /api/articles", limit)
}

// writeDocument writes d as json.Marshal would, followed by a newline, but
// a sentence, mention, quote or event at a time through a small buffer:
// a document runs to about 25 times its text in JSON, so building it whole
// would cost the server that much memory per request.
func writeDocument(w io.Writer, d *petrel.Document) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(`{"article":`)
	if err := writeValue(bw, &d.Article); err != nil {
		return err
	}
	if err := writeArray(bw, "sentences", d.Sentences); err != nil {
		return err
	}
	if err := writeArray(bw, "mentions", d.Mentions); err != nil {
		return err
	}
	if err := writeArray(bw, "quotes", d.Quotes); err != nil {
		return err
	}
	if err := writeArray(bw, "events", d.Events); err != nil {
		return err
	}
	if len(d.Skipped) > 0 {
		if err := writeArray(bw, "skipped", d.Skipped); err != nil {
			return err
		}
	}
	if len(d.Problems) > 0 {
		if err := writeArray(bw, "problems", d.Problems); err != nil {
			return err
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeArray writes ,"name":[…] with xs encoded one by one; a nil slice
// is null, as encoding/json writes it.
func writeArray[T any](bw *bufio.Writer, name string, xs []T) error {
	bw.WriteString(`,"` + name + `":`)
	if xs == nil {
		_, err := bw.WriteString("null")
		return err
	}
	bw.WriteByte('[')
	for i := range xs {
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := writeValue(bw, &xs[i]); err != nil {
			return err
		}
	}
	_, err := bw.WriteString("]")
	return err
}

func writeValue(bw *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = bw.Write(b)
	return err
}

// IngestResponse is the body of POST /api/articles: what was done, and the
// stored ID and event count of each article sent, in order.
type IngestResponse struct {
	petrel.IngestStats
	Articles []IngestedArticle `json:"articles"`
}

// IngestedArticle is one article of an ingest request.
type IngestedArticle struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
	// Updated is set when the article was stored before under its ID with
	// another text, which this one replaced with its events.
	Updated bool `json:"updated,omitempty"`
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	c := s.coder(w, r)
	if c == nil {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxIngestBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.Error(w, r, petrel.Errorf(petrel.ETOOLARGE, "the request body is larger than %d bytes", tooBig.Limit))
			return
		}
		s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "could not read the body", Param: "body"})
		return
	}
	var reqs []ArticleRequest
	one := bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("{"))
	if one {
		reqs = make([]ArticleRequest, 1)
		err = json.Unmarshal(body, &reqs[0])
	} else {
		err = json.Unmarshal(body, &reqs)
	}
	if err != nil {
		s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "invalid JSON body: " + trimErr(err), Param: "body"})
		return
	}
	if len(reqs) == 0 {
		s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "no articles", Param: "body"})
		return
	}
	arts := make([]*petrel.Article, len(reqs))
	for i := range reqs {
		n := i
		if one {
			n = -1
		}
		if arts[i], err = reqs[i].article(n); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	// The documents are held until they are stored: the bytes taken here
	// are given back once the store has them.
	weight := int64(len(body))
	if !s.startCoding(w, r, weight) {
		return
	}
	defer s.coding.Release(weight)
	body = nil
	resp := IngestResponse{Articles: make([]IngestedArticle, len(reqs))}
	var st petrel.IngestStats
	stored := false
	if ss, pc := s.streamer(c, weight); ss != nil {
		// A large request is coded while it is stored, its rows written
		// as the coder makes them, under the write lock: its coded
		// documents are never held whole.
		if !s.lockWrites(w, r) {
			return
		}
		st, err = ss.IngestStream(r.Context(), arts, s.cfg.DictVersion, func(i int, part func(*petrel.Document) error) (*petrel.Document, error) {
			n := 0
			d, err := pc.CodeParts(arts[i], func(p *petrel.Document) error {
				n += len(p.Events)
				return part(p)
			})
			if err != nil {
				return nil, err
			}
			resp.Articles[i] = IngestedArticle{ID: arts[i].ID, Events: n + len(d.Events)}
			return d, nil
		})
		<-s.writes
		// A story discard found late drops what was written: the
		// transaction was rolled back, and the request is coded whole.
		stored = !errors.Is(err, coder.ErrStoryDiscarded)
	}
	if !stored {
		docs := make([]*petrel.Document, len(reqs))
		for i, a := range arts {
			docs[i] = c.Code(a)
			resp.Articles[i] = IngestedArticle{ID: a.ID, Events: len(docs[i].Events)}
		}
		if err := r.Context().Err(); err != nil {
			s.Error(w, r, err)
			return
		}
		if !s.lockWrites(w, r) {
			return
		}
		st, err = s.cfg.Store.Ingest(r.Context(), docs, s.cfg.DictVersion)
		<-s.writes
	}
	if err != nil {
		if petrel.ErrorCode(err) == petrel.EUNAVAILABLE {
			// Another process holds the database's write lock.
			s.cfg.Logger.Warn("http: store busy: "+petrel.ErrorMessage(err), "path", r.URL.Path)
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.cfg.WriteWait.Seconds()))))
		}
		s.Error(w, r, err)
		return
	}
	updated := make(map[string]bool, len(st.UpdatedIDs))
	for _, id := range st.UpdatedIDs {
		updated[id] = true
		s.cfg.Logger.Info("http: article updated: its new text replaced the stored one", "id", id)
	}
	for i := range resp.Articles {
		resp.Articles[i].Updated = resp.Articles[i].ID != "" && updated[resp.Articles[i].ID]
	}
	resp.IngestStats = st
	writeJSON(w, http.StatusOK, resp)
}

// StreamIngestBytes is the size of a POST /api/articles body from which
// the server codes the articles while it stores them (petrel.StreamStore,
// a coder with CodeParts), writing their rows as the coder makes them, so
// that the request's coded documents are never held whole: about 0.7 KB
// per event and 0.15 KB per mention otherwise (dense news codes an event
// every 75 bytes). Such a request holds the write lock while it is coded;
// smaller ones are coded first, several at once, and take the lock only
// to store.
const StreamIngestBytes = 1 << 20

// partCoder is a coder that can hand its rows over as it codes
// (coder.Coder.CodeParts).
type partCoder interface {
	CodeParts(a *petrel.Article, part func(*petrel.Document) error) (*petrel.Document, error)
}

// streamer returns the server's store and c as a StreamStore and a
// partCoder when both can stream and a body of n bytes is large enough
// to, else nil.
func (s *Server) streamer(c petrel.Coder, n int64) (petrel.StreamStore, partCoder) {
	ss, ok := s.cfg.Store.(petrel.StreamStore)
	pc, ok2 := c.(partCoder)
	if !ok || !ok2 || n < StreamIngestBytes {
		return nil, nil
	}
	return ss, pc
}

// startCoding takes n bytes of the server's coding budget
// (MaxCodingBytes), waiting at most WriteWait; the caller gives them back
// with s.coding.Release(n). When it cannot, it answers 503 with
// Retry-After, logs it, and returns false.
func (s *Server) startCoding(w http.ResponseWriter, r *http.Request, n int64) bool {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.WriteWait)
	defer cancel()
	if s.coding.Acquire(ctx, n) == nil {
		return true
	}
	s.cfg.Logger.Warn("http: busy coding other requests", "path", r.URL.Path, "bytes", n, "wait", s.cfg.WriteWait)
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.cfg.WriteWait.Seconds()))))
	s.Error(w, r, petrel.Errorf(petrel.EUNAVAILABLE, "the server is busy coding other requests; retry later"))
	return false
}

// lockWrites takes the server's write lock, waiting at most WriteWait. When
// it cannot, it answers 503 with Retry-After, logs it, and returns false.
func (s *Server) lockWrites(w http.ResponseWriter, r *http.Request) bool {
	t := time.NewTimer(s.cfg.WriteWait)
	defer t.Stop()
	select {
	case s.writes <- struct{}{}:
		return true
	case <-t.C:
	case <-r.Context().Done():
	}
	s.cfg.Logger.Warn("http: store busy: write lock not had in time", "path", r.URL.Path, "wait", s.cfg.WriteWait)
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.cfg.WriteWait.Seconds()))))
	s.Error(w, r, petrel.Errorf(petrel.EUNAVAILABLE, "the store is busy with other writes; retry later"))
	return false
}

// MapCell is one cell of GET /api/map: the located events of one grid cell.
type MapCell struct {
	// Lat and Lon are the mean position of the cell's events.
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// Count is the number of events, Quads their number per quad class
	// 1 to 4, and Places the number of distinct coordinates among them.
	Count  int    `json:"count"`
	Quads  [4]int `json:"quads"`
	Places int    `json:"places"`
	// BBox is the smallest box holding the cell's events, written as the
	// bbox parameter: adding it to the request's filter lists exactly
	// these events.
	BBox string `json:"bbox"`
}

// MapResponse is the body of GET /api/map.
type MapResponse struct {
	Zoom int `json:"zoom"`
	// Cell is the width and height of the grid's cells, in degrees.
	Cell float64 `json:"cell"`
	// Located is the number of located events that match, the sum of the
	// cells' counts.
	Located int       `json:"located"`
	Cells   []MapCell `json:"cells"`
}

// handleMap answers GET /api/map: the located events that match the usual
// filters counted per cell of a grid (zoom 0–16, cells of 15/2^zoom
// degrees), most events first.
func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := FilterFromQuery(q)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	zoom := 0
	if v := q.Get("zoom"); v != "" {
		if zoom, err = strconv.Atoi(v); err != nil {
			s.Error(w, r, &petrel.Error{Code: petrel.EINVALID, Message: "zoom must be a whole number", Param: "zoom"})
			return
		}
	}
	cells, err := s.cfg.Store.Grid(r.Context(), petrel.GridQuery{Filter: f, Zoom: zoom})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	resp := MapResponse{Zoom: zoom, Cell: petrel.GridCellSize(zoom), Cells: make([]MapCell, len(cells))}
	for i, c := range cells {
		resp.Located += c.Count
		resp.Cells[i] = MapCell{Lat: c.Lat, Lon: c.Lon, Count: c.Count, Quads: c.Quads, Places: c.Places, BBox: c.BBox.String()}
	}
	writeJSON(w, http.StatusOK, resp)
}
