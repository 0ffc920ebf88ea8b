// Package sqlstore holds what the SQL stores (sqlite, postgres) share: the
// identity of articles and stories, the planning of an ingest batch, the
// flattening of documents into rows, and the read queries, written once in
// the SQL both databases accept with a Dialect for the few differences.
package sqlstore

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"petrel"
)

// TextHash returns the identity of an article's text: a hash of the text
// lower-cased with runs of white space folded to one space, so that copies
// differing only in case or layout are one text. It tells an update of an
// ID from the same text sent again, and counts copies of a stored text
// under other IDs (IngestStats.Duplicates); it is not an article's
// identity, which is its ID.
func TextHash(text string) string {
	h := sha256.New()
	// The folded text goes to the hash through a buffer: a Write per rune
	// cost more than the hashing itself. ASCII, most of any news text,
	// skips rune decoding; the result is the same as folding rune by rune.
	var buf [1024]byte
	n := 0
	space := false
	started := false
	for i := 0; i < len(text); {
		if n > len(buf)-1-utf8.UTFMax {
			h.Write(buf[:n])
			n = 0
		}
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = started
				continue
			}
			if space {
				buf[n] = ' '
				n++
				space = false
			}
			started = true
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		started = true
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	h.Write(buf[:n])
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// StoryWords is how many leading words of an article make its story key.
const StoryWords = 40

// minStoryWords is the fewest words a story key is made from; shorter
// texts are their own story, for a few words are shared by chance.
const minStoryWords = 12

// StoryKey returns the key that links copies of one wire story carried by
// several outlets: a hash of the first StoryWords words of the text, lower
// cased, without punctuation and without a leading dateline ("MOSCOW
// (Reuters) -"), which is where such copies differ. Texts with fewer than
// minStoryWords words are keyed by their full text hash.
func StoryKey(text string) string {
	text = stripDateline(text)
	// The words are folded into a buffer and hashed at once (see TextHash).
	buf := make([]byte, 0, 512)
	words := 0
	inWord := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		var isWord bool
		if size == 1 && r < utf8.RuneSelf {
			isWord = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if !isWord {
			inWord = false
			continue
		}
		if !inWord {
			if words == StoryWords {
				break
			}
			if words > 0 {
				buf = append(buf, ' ')
			}
			words++
			inWord = true
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	if words < minStoryWords {
		return "t" + TextHash(text)[:20]
	}
	sum := sha256.Sum256(buf)
	return "s" + hex.EncodeToString(sum[:10])
}

// stripDateline removes a leading dateline: upper-case words, perhaps with
// an outlet in parentheses, ended by a dash, within the first 80 bytes.
func stripDateline(text string) string {
	head := strings.TrimLeft(text, " \t\r\n")
	limit := min(len(head), 80)
	for _, sep := range []string{" -- ", " — ", " – ", " - "} {
		i := strings.Index(head[:limit], sep)
		if i <= 0 {
			continue
		}
		pre := head[:i]
		if j := strings.IndexByte(pre, '('); j >= 0 {
			pre = pre[:j]
		}
		if strings.TrimSpace(pre) != "" && strings.ToUpper(pre) == pre {
			return head[i+len(sep):]
		}
	}
	return text
}

// Existing describes a stored article, as far as planning needs.
type Existing struct {
	Seq         int64
	ID          string
	Hash        string
	DictVersion string
}

// Actions for a planned document.
const (
	Skip    = iota // already stored, or given way to a later text of its ID
	Insert         // a new article (a new ID)
	Replace        // a stored article recoded: its coded rows are replaced
)

// Plan is what to do with one document of a batch.
type Plan struct {
	Doc       *petrel.Document
	Action    int
	Seq       int64  // the stored article, for Replace; set by the store for Insert
	ArticleID string // the ID it is stored under
	Hash      string
	Story     string
	// Handed counts the rows of the document a store wrote before Doc
	// when it stores the document in parts (petrel.StreamStore): Doc then
	// holds the next rows, whose indices follow these.
	Handed Rows
}

// Rows counts the rows of a document.
type Rows struct {
	Sentences, Mentions, Quotes, Events int
}

// Add adds the rows of d to r.
func (r *Rows) Add(d *petrel.Document) {
	r.Sentences += len(d.Sentences)
	r.Mentions += len(d.Mentions)
	r.Quotes += len(d.Quotes)
	r.Events += len(d.Events)
}

// Keys returns each document's article ID (derived from the text hash when
// empty) and text hash, in order, for looking up what is stored.
func Keys(docs []*petrel.Document) (ids, hashes []string, err error) {
	ids = make([]string, len(docs))
	hashes = make([]string, len(docs))
	for i, d := range docs {
		if d == nil {
			return nil, nil, petrel.Errorf(petrel.EINVALID, "document %d is nil", i)
		}
		a := &d.Article
		for _, f := range []struct{ name, v string }{{"id", a.ID}, {"text", a.Text}, {"title", a.Title}, {"url", a.URL}, {"source", a.Source}} {
			if !petrel.ValidText(f.v) {
				return nil, nil, &petrel.Error{Code: petrel.EINVALID, Param: f.name,
					Message: fmt.Sprintf("document %d: %s is not valid UTF-8 or holds a NUL byte", i, f.name)}
			}
		}
		hashes[i] = TextHash(d.Article.Text)
		ids[i] = d.Article.ID
		if ids[i] == "" {
			ids[i] = "h" + hashes[i][:20]
		}
	}
	return ids, hashes, nil
}

// PlanBatch decides what to do with each document given the stored
// articles that share an ID or text hash with one of them.
//
// An article's identity is its ID alone. The rule is one for documents of
// one batch and of successive batches, so that where batch boundaries fall
// (a batch size, a run killed and resumed) never changes what is stored:
// the last text sent under an ID is the one stored. A document whose ID is
// stored (or planned earlier in the batch) with another text is an update;
// the same text again is unchanged, or recoded when other dictionaries
// coded it. A new ID is inserted, whatever its text: one whose text is
// stored under another ID is counted a duplicate, and stored all the same,
// with its own events; the story key links it to the other copies.
func PlanBatch(docs []*petrel.Document, ids, hashes []string, existing []Existing, dictVersion string) ([]Plan, petrel.IngestStats) {
	type entry struct {
		Existing
		plan int // index of the plan that inserts or replaces it in this batch, or -1
	}
	byID := make(map[string]*entry, len(existing)+len(docs))
	// byHash counts the articles, stored or planned, that hold each text.
	byHash := make(map[string]int, len(existing)+len(docs))
	for _, x := range existing {
		byID[x.ID] = &entry{Existing: x, plan: -1}
		byHash[x.Hash]++
	}
	var st petrel.IngestStats
	plans := make([]Plan, len(docs))
	for i, d := range docs {
		p := Plan{Doc: d, ArticleID: ids[i], Hash: hashes[i]}
		e := byID[p.ArticleID]
		switch {
		case e != nil && e.Hash == p.Hash:
			if e.plan >= 0 || e.DictVersion == dictVersion {
				st.Unchanged++
				break
			}
			p.Action, p.Seq = Replace, e.Seq
			e.plan = i
			st.Replaced++
		case e != nil:
			// The same ID with another text: an update. An earlier
			// document of this batch that wrote this ID gives way.
			if e.plan >= 0 {
				prev := &plans[e.plan]
				p.Action, p.Seq = prev.Action, prev.Seq
				st.Events -= len(prev.Doc.Events)
				prev.Action = Skip
			} else {
				p.Action, p.Seq = Replace, e.Seq
			}
			byHash[e.Hash]--
			e.Hash, e.DictVersion, e.plan = p.Hash, dictVersion, i
			byHash[p.Hash]++
			st.Updated++
			st.UpdatedIDs = append(st.UpdatedIDs, p.ArticleID)
		default:
			p.Action = Insert
			byID[p.ArticleID] = &entry{Existing: Existing{ID: p.ArticleID, Hash: p.Hash, DictVersion: dictVersion}, plan: i}
			if byHash[p.Hash] > 0 {
				st.Duplicates++
			} else {
				st.Inserted++
			}
			byHash[p.Hash]++
		}
		if p.Action != Skip {
			p.Story = StoryKey(d.Article.Text)
			st.Events += len(d.Events)
		}
		plans[i] = p
	}
	return plans, st
}

// EventID returns the ID event i of p.Doc is stored under: its own, or
// one made from the article ID and the event's index in the whole document
// when the coder gave none.
func EventID(p *Plan, i int) string {
	if id := p.Doc.Events[i].ID; id != "" {
		return id
	}
	return p.ArticleID + "-" + strconv.Itoa(p.Handed.Events+i)
}
