// Package ingest reads articles from plain text, HTML and JSON Lines files,
// whole directories and stdin, in a stable order, streaming, and reports bad
// input as diagnostics while the rest of the batch goes on.
//
// Input kinds are chosen by file extension:
//
//	.txt            one article per file
//	.html .htm      one article per file; main text extracted with go-readability
//	.jsonl .ndjson  one article per line: {"id","date","title","text","url","source"}
//	-               stdin: JSON Lines if the first non-space byte is '{', else text
//
// Article IDs are unique within a run. A JSON line's ID is its "id"; a
// file's is its path relative to the argument it was found under, without
// extension, with forward slashes ("a/report" for a/report.txt under the
// argument "."); a file named as an argument has its base name ("report").
// When two files of a run would get one ID that way, each of them takes
// the shortest ending of its path that tells them apart ("a/report" and
// "b/report" for the arguments a/report.txt and b/report.txt), and with its
// extension when nothing else does ("r.txt" and "r.html"). A JSON line without "id" gets
// its file's ID, ":" and its line number. A second article with an ID
// already read in the run (a JSON line's "id" equal to a file's ID, to a
// generated one or to another line's) is kept under the ID, "@" and where
// it was read: "7@x:3" for line 3 of x.jsonl, "7@7.txt" for the file
// 7.txt (its path under its argument), with "#2", "#3" … should that be
// taken too; a diagnostic names both places ("article id "7" already read
// at x.jsonl:1 with another text, kept as "7@x:3""). Only the same text
// (and title) under the same ID is the same article: it is reported
// ("duplicate article id") and skipped, since storing it again would
// store its events twice. Either way no article is lost, and a run over
// the same input gives the same IDs again.
//
// A directory is walked recursively in lexical order and only files with the
// extensions above are read (hidden files and directories are skipped; the
// other files are listed by Skipped, for the run's summary); a file named
// explicitly with any other extension is read as plain text.
//
// Stdin is named "stdin" in diagnostics, Article.Origin and generated IDs.
// Article.Origin is the path as given (joined under a walked directory),
// with ":line" for JSON Lines.
//
// Text is kept byte for byte as read (CRLF stays CRLF), except that a leading
// UTF-8 byte order mark is dropped, UTF-16 with a byte order mark is decoded,
// invalid UTF-8 is replaced with U+FFFD and NUL characters with spaces (each
// reported), so that every article read can be stored. Every span the
// coder produces indexes into Article.Text, so Text is the reference.
package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"petrel"
)

// DefaultMaxLineBytes is the cap on one JSON line or one file when
// Options.MaxLineBytes is zero.
const DefaultMaxLineBytes = 8 << 20

// stdinName is how stdin is named in diagnostics, origins and generated IDs.
const stdinName = "stdin"

// Options configure a Scanner.
type Options struct {
	// DefaultDate fills in the date of articles that have none.
	DefaultDate time.Time
	// MaxLineBytes caps one JSON line (and one text file); longer input is
	// reported and skipped. Zero means DefaultMaxLineBytes (8 MiB).
	MaxLineBytes int
	// OnDiag receives every problem found in the input. May be nil. It is
	// called from Next, on the caller's goroutine.
	OnDiag func(petrel.Diagnostic)
}

// kind is how an input is read.
type kind uint8

const (
	kindText kind = iota
	kindHTML
	kindJSONL
	kindStdin
	kindBad // could not be stat'ed or walked; err holds the message
)

// input is one file (or stdin) queued for reading.
type input struct {
	path string // as given by the user, or joined from the walked directory
	kind kind
	size int64
	err  string
	id   string // article ID, or the base of generated ones for JSON Lines
	rel  string // path relative to the argument it was found under, or its base name
}

// A Scanner reads articles from a list of paths in order. Files are opened
// one at a time as Next reaches them, and JSON Lines files are streamed line
// by line, so memory use is bounded by the largest single article.
//
// Next must be called from one goroutine; Progress and Problems may be called
// concurrently with it (for a progress display).
type Scanner struct {
	opts   Options
	stdin  io.Reader
	inputs []input
	next   int // index into inputs of the next one to open

	jl       *jsonlReader // the JSON Lines stream being read, if any
	doneBase int64        // bytes of inputs finished before the current one

	done     atomic.Int64
	total    int64
	problems atomic.Int64

	skipped []string // files of directories left out for their type

	// seen maps every article ID read so far to where it was read and a
	// hash of its title and text, so that a second article under one ID
	// is kept under another, not stored over the first.
	seen map[string]seenID
	hash maphash.Hash
}

// seenID is where an article ID was first read in a run, and a hash of
// that article's title and text.
type seenID struct {
	origin string
	sum    uint64
}

// NewScanner returns a Scanner over paths ("-" is stdin). Directories are
// walked, and every path is stat'ed, at once, so Progress knows the total;
// problems found here (a missing file) are reported by Next in input order.
func NewScanner(paths []string, stdin io.Reader, opts Options) *Scanner {
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = DefaultMaxLineBytes
	}
	s := &Scanner{opts: opts, stdin: stdin, seen: make(map[string]seenID)}
	for _, p := range paths {
		s.add(p)
	}
	s.assignIDs()
	for _, in := range s.inputs {
		s.total += in.size
	}
	return s
}

// assignIDs gives each input its article ID (see the package comment): the
// path relative to its argument without extension; for inputs that would
// share one, the shortest ending of their paths that tells them apart
// ("a/report", "b/report"), then with the extension ("r.txt", "r.html").
func (s *Scanner) assignIDs() {
	named := func(in *input) bool { return in.kind != kindBad && in.kind != kindStdin }
	for i := range s.inputs {
		if in := &s.inputs[i]; named(in) {
			in.id = trimExt(in.rel)
		}
	}
	// Then endings of k path elements, without extension and then with
	// it, until the IDs are unique or the whole paths have been tried.
	ending := func(in *input, k int, ext bool) string {
		parts := strings.Split(filepath.ToSlash(filepath.Clean(in.path)), "/")
		e := strings.Join(parts[max(0, len(parts)-k):], "/")
		if !ext {
			e = trimExt(e)
		}
		return e
	}
	k, ext := 2, false
	for {
		count := make(map[string]int)
		for i := range s.inputs {
			if named(&s.inputs[i]) {
				count[s.inputs[i].id]++
			}
		}
		var shared []*input
		longest := 0
		for i := range s.inputs {
			if in := &s.inputs[i]; named(in) && count[in.id] > 1 {
				shared = append(shared, in)
				longest = max(longest, strings.Count(filepath.ToSlash(filepath.Clean(in.path)), "/")+1)
			}
		}
		if len(shared) == 0 {
			break
		}
		if k > longest {
			if ext {
				break // the same file named twice
			}
			k, ext = 1, true
		}
		for _, in := range shared {
			in.id = ending(in, k, ext)
		}
		k++
	}
	for i := range s.inputs {
		if s.inputs[i].kind == kindStdin {
			s.inputs[i].id = stdinName
		}
	}
}

// trimExt returns p without its extension.
func trimExt(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) }

// add queues path, expanding directories.
func (s *Scanner) add(path string) {
	if path == "-" {
		s.inputs = append(s.inputs, input{path: stdinName, kind: kindStdin})
		return
	}
	fi, err := os.Stat(path)
	if err != nil {
		s.inputs = append(s.inputs, input{path: path, kind: kindBad, err: statMessage(err)})
		return
	}
	if !fi.IsDir() {
		k, ok := kindOf(path)
		if !ok {
			k = kindText // named explicitly: read it whatever its extension
		}
		s.inputs = append(s.inputs, input{path: path, kind: k, size: fi.Size(), rel: filepath.Base(path)})
		return
	}
	// WalkDir visits entries in lexical order, which makes runs repeatable.
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.inputs = append(s.inputs, input{path: p, kind: kindBad, err: statMessage(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		k, ok := kindOf(p)
		if !ok {
			s.skipped = append(s.skipped, p)
			return nil
		}
		fi, err := os.Stat(p) // follows symlinks, unlike d.Info
		if err != nil {
			s.inputs = append(s.inputs, input{path: p, kind: kindBad, err: statMessage(err)})
			return nil
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(path, p)
		if err != nil {
			rel = filepath.Base(p)
		}
		s.inputs = append(s.inputs, input{path: p, kind: k, size: fi.Size(), rel: filepath.ToSlash(rel)})
		return nil
	})
}

func statMessage(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file"
	}
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// kindOf returns the input kind for a file name by extension, and false
// when the extension is not one petrel reads.
func kindOf(path string) (kind, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return kindText, true
	case ".html", ".htm":
		return kindHTML, true
	case ".jsonl", ".ndjson":
		return kindJSONL, true
	}
	return kindText, false
}

// Next returns the next article, or io.EOF when all input is read. Bad input
// is reported through Options.OnDiag and skipped, so io.EOF is the only
// error Next returns.
func (s *Scanner) Next() (*petrel.Article, error) {
	for {
		if s.jl != nil {
			a := s.jl.next()
			if a == nil {
				s.finish()
			} else if s.unique(a, s.jl.name, s.jl.line, s.jl.idBase+":"+strconv.Itoa(s.jl.line)) {
				return a, nil
			}
			continue
		}
		if s.next >= len(s.inputs) {
			return nil, io.EOF
		}
		in := s.inputs[s.next]
		s.next++
		a := s.open(in)
		if s.jl == nil {
			s.finish()
		}
		where := in.rel
		if where == "" {
			where = in.path // stdin
		}
		if a != nil && s.unique(a, in.path, 0, where) {
			return a, nil
		}
	}
}

// unique makes a's ID new to the run and records it. An ID read before
// with another title or text is changed to the ID, "@" and where (where
// a was read: "x:3", "7.txt"), and reported at file:line; the same
// article under the same ID again is reported and unique returns false.
func (s *Scanner) unique(a *petrel.Article, file string, line int, where string) bool {
	s.hash.Reset()
	s.hash.WriteString(a.Title)
	s.hash.WriteByte(0)
	s.hash.WriteString(a.Text)
	sum := s.hash.Sum64()
	first, ok := s.seen[a.ID]
	if !ok {
		s.seen[a.ID] = seenID{a.Origin, sum}
		return true
	}
	if first.sum == sum {
		s.diag(file, line, fmt.Sprintf("duplicate article id %q with the same text as at %s, skipped", clipID(a.ID), first.origin))
		return false
	}
	id := a.ID + "@" + where
	for n := 2; ; n++ {
		if _, taken := s.seen[id]; !taken {
			break
		}
		id = a.ID + "@" + where + "#" + strconv.Itoa(n)
	}
	s.diag(file, line, fmt.Sprintf("article id %q already read at %s with another text, kept as %q", clipID(a.ID), first.origin, clipID(id)))
	a.ID = id
	s.seen[id] = seenID{a.Origin, sum}
	return true
}

// clipID shortens an ID for a message.
func clipID(id string) string {
	if len(id) > 80 {
		return strings.ToValidUTF8(id[:80], "") + "…"
	}
	return id
}

// finish closes the current input and sets progress to the end of it.
func (s *Scanner) finish() {
	if s.jl != nil {
		s.jl.close()
		s.jl = nil
	}
	if s.next > 0 {
		s.doneBase += s.inputs[s.next-1].size
	}
	s.done.Store(s.doneBase)
}

// open starts reading in. For whole-file inputs it returns the article (or
// nil after a diagnostic); for JSON Lines it sets s.jl and returns nil.
func (s *Scanner) open(in input) *petrel.Article {
	switch in.kind {
	case kindBad:
		s.diag(in.path, 0, in.err)
		return nil
	case kindStdin:
		return s.openStdin()
	case kindJSONL:
		f, err := os.Open(in.path)
		if err != nil {
			s.diag(in.path, 0, statMessage(err))
			return nil
		}
		s.startJSONL(s.newJSONL(in.path, in.id, f, nil))
		return nil
	}
	f, err := os.Open(in.path)
	if err != nil {
		s.diag(in.path, 0, statMessage(err))
		return nil
	}
	defer f.Close()
	data, ok := s.readAll(in.path, f, in.size)
	if !ok {
		return nil
	}
	var a *petrel.Article
	if in.kind == kindHTML {
		a = s.htmlArticle(in.path, data)
	} else {
		a = s.textArticle(in.path, in.id, data)
	}
	if a != nil {
		a.ID = in.id
	}
	return a
}

// openStdin sniffs stdin: JSON Lines when the first non-space byte is '{',
// else one plain-text article.
func (s *Scanner) openStdin() *petrel.Article {
	if s.stdin == nil {
		s.diag(stdinName, 0, "no stdin")
		return nil
	}
	br := bufio.NewReaderSize(s.stdin, readBufSize)
	if sniffJSON(br) {
		s.startJSONL(s.newJSONL(stdinName, stdinName, nil, br))
		return nil
	}
	data, ok := s.readAll(stdinName, br, -1)
	if !ok {
		return nil
	}
	return s.textArticle(stdinName, stdinName, data)
}

// startJSONL makes j the current input unless it starts with binary data,
// which would otherwise give one "malformed JSON" per stretch between
// newline bytes.
func (s *Scanner) startJSONL(j *jsonlReader) {
	if head, _ := j.r.Peek(sniffLen); isBinary(head) {
		s.diag(j.name, 0, "binary file, skipped")
		j.close()
		return
	}
	s.jl = j
}

// sniffJSON reports whether the first byte after white space and a UTF-8
// BOM is '{'. It only peeks, so nothing is consumed.
func sniffJSON(br *bufio.Reader) bool {
	for n := 1; n <= br.Size(); n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return false
		}
		c := b[n-1]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		case n <= 3 && c == bom[n-1] && string(b) == bom[:n]:
		case c == '{':
			return true
		default:
			return false
		}
		if err != nil {
			return false
		}
	}
	return false
}

// readAll reads a whole-file input, refusing more than MaxLineBytes. size
// is the stat'ed size (or -1) and only pre-sizes the buffer.
func (s *Scanner) readAll(name string, r io.Reader, size int64) ([]byte, bool) {
	max := int64(s.opts.MaxLineBytes)
	if size > max {
		s.diag(name, 0, fmt.Sprintf("file too large (%d bytes, limit %d), skipped", size, max))
		return nil, false
	}
	n := size + 1 // one more so a file that grew is seen without regrowing
	if size < 0 {
		n = 64 << 10
	}
	buf := make([]byte, 0, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if int64(len(buf)) > max {
			// Discard the rest to count it, without keeping it.
			rest, _ := io.Copy(io.Discard, r)
			s.diag(name, 0, fmt.Sprintf("file too large (%d bytes, limit %d), skipped", int64(len(buf))+rest, max))
			return nil, false
		}
		if err == io.EOF {
			return buf, true
		}
		if err != nil {
			s.diag(name, 0, "read error: "+err.Error())
			return nil, false
		}
	}
}

// fileID is a file's name without directory and extension. Scanner.open
// replaces the ID it gives with the run-unique one (assignIDs).
func fileID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// diag reports a problem and counts it.
func (s *Scanner) diag(file string, line int, msg string) {
	s.problems.Add(1)
	if s.opts.OnDiag != nil {
		s.opts.OnDiag(petrel.Diagnostic{File: file, Line: line, Msg: msg})
	}
}

// Progress returns the bytes read so far and the total bytes of all file
// inputs (0 when unknown, as for stdin). Stdin bytes are not counted in
// done, so done never exceeds total.
func (s *Scanner) Progress() (done, total int64) { return s.done.Load(), s.total }

// Skipped returns the files found in directories and left out because
// their extension is not one petrel reads (.md, .csv, .pdf…), in walk
// order, so a run can say what it did not read. Hidden files are not
// counted. It is complete once NewScanner has returned.
func (s *Scanner) Skipped() []string { return s.skipped }

// Problems returns how many diagnostics have been reported so far.
func (s *Scanner) Problems() int { return int(s.problems.Load()) }
