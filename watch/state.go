package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"petrel"
)

// StateStore keeps a Watcher's state between runs. The sqlite and postgres
// stores implement it (table watch_state), and FileState keeps it in a
// JSON file for a watcher that publishes to the work queue without a
// store. A Watcher loads the state once, in New, and then saves only what
// changed: each feed's validators and backoff after it is polled, and the
// pages marked seen after the sink has accepted them.
type StateStore interface {
	// LoadWatchState calls fn with every entry kept, in any order.
	LoadWatchState(ctx context.Context, fn func(petrel.WatchEntry) error) error
	// SaveWatchState writes changes (puts and deletes) all at once: after
	// an error none of them is kept.
	SaveWatchState(ctx context.Context, changes []petrel.WatchEntry) error
}

// The kinds of state entry. Values are JSON for feeds and retries, the
// text hash for seen URLs and the URL for hashes.
const (
	kindFeed  = "feed"  // key: a feed or child sitemap URL; value: feedState
	kindSeen  = "seen"  // key: a canonical URL; value: the text's hash or ""
	kindHash  = "hash"  // key: a text hash; value: the URL first seen with it
	kindRetry = "retry" // key: a page URL; value: item
)

// state is what a Watcher remembers between runs, and what of it has
// changed since it was last saved.
type state struct {
	// Feeds holds each feed's (and child sitemap's) validators and
	// backoff, by URL.
	Feeds map[string]*feedState `json:"feeds"`
	// Seen holds every canonical URL handed to the sink or given up,
	// with the hash of its text ("" when given up or a duplicate).
	Seen map[string]string `json:"seen"`
	// Hashes maps the hash of each article's text to its URL.
	Hashes map[string]string `json:"hashes"`
	// Retry holds the pages listed by a feed and not yet fetched: new
	// ones, and ones that failed and will be tried again.
	Retry map[string]*item `json:"retry"`
	// NextSeq numbers pages in the order they are found.
	NextSeq int `json:"next_seq"`

	// savedFeeds and savedRetry hold the JSON last saved of each feed and
	// page to retry (they change in place, so they are compared); dirty
	// holds the seen URLs and hashes changed since the last save.
	savedFeeds, savedRetry map[string]string
	dirty                  map[[2]string]bool
}

// feedState is one feed's conditional-GET validators and backoff.
type feedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Next         time.Time `json:"next,omitzero"` // not polled before
	Failures     int       `json:"failures,omitempty"`
	LastError    string    `json:"last_error,omitempty"`
}

func newState() *state {
	return &state{Feeds: map[string]*feedState{}, Seen: map[string]string{},
		Hashes: map[string]string{}, Retry: map[string]*item{},
		savedFeeds: map[string]string{}, savedRetry: map[string]string{}, dirty: map[[2]string]bool{}}
}

// loadState reads the state kept in ss; nil is a fresh start kept in
// memory only.
func loadState(ctx context.Context, ss StateStore) (*state, error) {
	st := newState()
	if ss == nil {
		return st, nil
	}
	err := ss.LoadWatchState(ctx, func(e petrel.WatchEntry) error {
		switch e.Kind {
		case kindFeed:
			fs := &feedState{}
			if err := json.Unmarshal([]byte(e.Value), fs); err != nil {
				return fmt.Errorf("feed %s: %w", e.Key, err)
			}
			st.Feeds[e.Key] = fs
			st.savedFeeds[e.Key] = e.Value
		case kindSeen:
			st.Seen[e.Key] = e.Value
		case kindHash:
			st.Hashes[e.Key] = e.Value
		case kindRetry:
			it := &item{}
			if err := json.Unmarshal([]byte(e.Value), it); err != nil {
				return fmt.Errorf("page %s: %w", e.Key, err)
			}
			st.Retry[e.Key] = it
			st.savedRetry[e.Key] = e.Value
			st.NextSeq = max(st.NextSeq, it.Seq+1)
		}
		// Entries of another kind are a later petrel's: left alone.
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	return st, nil
}

// changes returns what changed since the last save, in a stable order.
func (st *state) changes() []petrel.WatchEntry {
	var out []petrel.WatchEntry
	compare := func(kind string, now map[string]string, saved map[string]string) {
		for k, v := range now {
			if saved[k] != v {
				out = append(out, petrel.WatchEntry{Kind: kind, Key: k, Value: v})
			}
		}
		for k := range saved {
			if _, ok := now[k]; !ok {
				out = append(out, petrel.WatchEntry{Kind: kind, Key: k, Delete: true})
			}
		}
	}
	compare(kindFeed, jsonValues(st.Feeds), st.savedFeeds)
	compare(kindRetry, jsonValues(st.Retry), st.savedRetry)
	for d := range st.dirty {
		m := st.Seen
		if d[0] == kindHash {
			m = st.Hashes
		}
		v, ok := m[d[1]]
		out = append(out, petrel.WatchEntry{Kind: d[0], Key: d[1], Value: v, Delete: !ok})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func jsonValues[V any](m map[string]V) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		b, _ := json.Marshal(v) // plain structs: cannot fail
		out[k] = string(b)
	}
	return out
}

// save writes what changed since the last save to ss, all at once. On
// error the changes stay pending and are written by the next save.
func (st *state) save(ctx context.Context, ss StateStore) error {
	if ss == nil {
		return nil
	}
	ch := st.changes()
	if len(ch) == 0 {
		return nil
	}
	if err := ss.SaveWatchState(ctx, ch); err != nil {
		return err
	}
	for _, e := range ch {
		var saved map[string]string
		switch e.Kind {
		case kindFeed:
			saved = st.savedFeeds
		case kindRetry:
			saved = st.savedRetry
		default:
			delete(st.dirty, [2]string{e.Kind, e.Key})
			continue
		}
		if e.Delete {
			delete(saved, e.Key)
		} else {
			saved[e.Key] = e.Value
		}
	}
	return nil
}

func (st *state) feed(u string) *feedState {
	fs := st.Feeds[u]
	if fs == nil {
		fs = &feedState{}
		st.Feeds[u] = fs
	}
	return fs
}

func (st *state) seen(u string) bool {
	_, ok := st.Seen[u]
	return ok
}

// queue adds a page to fetch, unless it is already waiting.
func (st *state) queue(it *item) {
	if _, ok := st.Retry[it.URL]; !ok && !st.seen(it.URL) {
		it.Seq = st.NextSeq
		st.NextSeq++
		st.Retry[it.URL] = it
	}
}

func (st *state) markSeen(u, hash string) {
	if u != "" {
		st.Seen[u] = hash
		st.dirty[[2]string{kindSeen, u}] = true
	}
}

// claimHash records the URL first seen with a text hash.
func (st *state) claimHash(hash, u string) {
	st.Hashes[hash] = u
	st.dirty[[2]string{kindHash, hash}] = true
}

// releaseHash forgets a hash claimed by an article the sink refused.
func (st *state) releaseHash(hash string) {
	delete(st.Hashes, hash)
	st.dirty[[2]string{kindHash, hash}] = true
}

// fileStateVersion is the state file's format; a file of another version
// is refused rather than misread.
const fileStateVersion = 1

// fileState is the JSON layout of a state file.
type fileState struct {
	Version int                        `json:"version"`
	Feeds   map[string]json.RawMessage `json:"feeds"`
	Seen    map[string]string          `json:"seen"`
	Hashes  map[string]string          `json:"hashes"`
	Retry   map[string]json.RawMessage `json:"retry"`
}

// FileState is a StateStore in a JSON file, for a watcher that publishes
// to the work queue and has no store. Every save rewrites the file
// atomically (a temporary file, synced, renamed over the old one), so a
// crash leaves the old state or the new, never half of one. Only one
// watcher may use a file at a time.
type FileState struct {
	path string
	mu   sync.Mutex
	// kinds holds the file's entries by kind and key, once loaded.
	kinds map[string]map[string]string
}

// NewFileState returns the StateStore in the file at path; a missing file
// is an empty state.
func NewFileState(path string) *FileState { return &FileState{path: path} }

// read loads the file into fs.kinds, once.
func (f *FileState) read() error {
	if f.kinds != nil {
		return nil
	}
	f.kinds = map[string]map[string]string{kindFeed: {}, kindSeen: {}, kindHash: {}, kindRetry: {}}
	b, err := os.ReadFile(f.path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var fs fileState
	if err := json.Unmarshal(b, &fs); err != nil {
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if fs.Version != fileStateVersion {
		return fmt.Errorf("%s: version %d, want %d", f.path, fs.Version, fileStateVersion)
	}
	for k, v := range fs.Feeds {
		f.kinds[kindFeed][k] = string(v)
	}
	for k, v := range fs.Retry {
		f.kinds[kindRetry][k] = string(v)
	}
	maps.Copy(f.kinds[kindSeen], fs.Seen)
	maps.Copy(f.kinds[kindHash], fs.Hashes)
	return nil
}

// LoadWatchState implements StateStore.
func (f *FileState) LoadWatchState(ctx context.Context, fn func(petrel.WatchEntry) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.read(); err != nil {
		return err
	}
	for kind, m := range f.kinds {
		for k, v := range m {
			if err := fn(petrel.WatchEntry{Kind: kind, Key: k, Value: v}); err != nil {
				return err
			}
		}
	}
	return nil
}

// SaveWatchState implements StateStore.
func (f *FileState) SaveWatchState(ctx context.Context, changes []petrel.WatchEntry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.read(); err != nil {
		return err
	}
	next := map[string]map[string]string{}
	for kind, m := range f.kinds {
		next[kind] = maps.Clone(m)
	}
	for _, e := range changes {
		m := next[e.Kind]
		if m == nil {
			return fmt.Errorf("unknown state kind %q", e.Kind)
		}
		if e.Delete {
			delete(m, e.Key)
		} else {
			m[e.Key] = e.Value
		}
	}
	fs := fileState{Version: fileStateVersion, Feeds: map[string]json.RawMessage{}, Retry: map[string]json.RawMessage{},
		Seen: next[kindSeen], Hashes: next[kindHash]}
	for k, v := range next[kindFeed] {
		fs.Feeds[k] = json.RawMessage(v)
	}
	for k, v := range next[kindRetry] {
		fs.Retry[k] = json.RawMessage(v)
	}
	b, err := json.Marshal(fs)
	if err != nil {
		return err
	}
	if err := writeAtomic(f.path, b); err != nil {
		return err
	}
	f.kinds = next
	return nil
}

// writeAtomic replaces the file at path with b: a temporary file beside
// it, synced, then renamed over it.
func writeAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".watch-state-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
