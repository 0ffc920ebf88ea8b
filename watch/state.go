package watch

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// stateVersion is the state file's format; a file of another version is
// refused rather than misread.
const stateVersion = 1

// state is what a Watcher remembers between runs.
type state struct {
	Version int `json:"version"`
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
	return &state{Version: stateVersion, Feeds: map[string]*feedState{}, Seen: map[string]string{},
		Hashes: map[string]string{}, Retry: map[string]*item{}}
}

// loadState reads the state file at path; a missing file is a fresh start.
func loadState(path string) (*state, error) {
	st := newState()
	if path == "" {
		return st, nil
	}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, fmt.Errorf("watch state %s: %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("watch state %s: version %d, want %d", path, st.Version, stateVersion)
	}
	for _, m := range []*map[string]string{&st.Seen, &st.Hashes} {
		if *m == nil {
			*m = map[string]string{}
		}
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*feedState{}
	}
	if st.Retry == nil {
		st.Retry = map[string]*item{}
	}
	return st, nil
}

// save writes the state to path atomically: to a temporary file, synced,
// then renamed over the old one, so a crash leaves the old state or the
// new, never half of one.
func (st *state) save(path string) error {
	if path == "" {
		return nil
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".watch-state-*")
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
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
		return fmt.Errorf("watch state: %w", err)
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
	}
}
