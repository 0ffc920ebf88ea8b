// Package sqlite keeps coded articles and their events in an embedded SQLite
// database, through the pure-Go modernc.org/sqlite driver, and implements
// petrel.Store.
//
// The database runs in WAL mode with synchronous=NORMAL: readers never wait
// for the writer, and a crash loses at most the last transactions, never
// half of one. All writes go through one connection, so concurrent Ingest
// calls in one process queue in Go rather than spin on the database lock;
// busy_timeout covers other processes. The write-ahead log is kept under
// half the database (past 1 MiB) by TRUNCATE checkpoints after writes and
// when writes pause, since SQLite's own cannot restart it while readers
// are always inside it.
//
// Ingest speed comes from writing each table in multi-row INSERTs of
// prepared statements, from indexing in sentences_fts only the sentences
// events were coded from (the only ones a text filter can match), and from
// FTS5 settings that make fewer, larger index segments (migration 0003).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	msqlite "modernc.org/sqlite" // registers the "sqlite" driver

	"petrel"
	"petrel/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a petrel.Store in a SQLite database. It is safe for concurrent
// use.
type Store struct {
	path string
	rdb  *sql.DB // readers: query_only, several connections
	wdb  *sql.DB // the one writer connection

	lookup, maxSeq, delSentences, delFTS, delMentions, delQuotes, delEvents *sql.Stmt
	updArticle, oldRollup, delRollup, mapAdd                                *sql.Stmt
	// bulk holds, per table, an INSERT of bulkRows(table) rows at once.
	bulk map[string]*sql.Stmt

	// Now returns the time recorded as an article's coding time.
	Now func() time.Time

	// The write-ahead log's upkeep (see checkpoint): idle is signalled
	// after each write, done closes the idle checkpointer.
	idle    chan struct{}
	done    chan struct{}
	stopped sync.WaitGroup
	ckMu    sync.Mutex
	ckBusy  time.Time // when a checkpoint last found readers in the way
}

// WAL upkeep. SQLite checkpoints the log itself every wal_autocheckpoint
// pages, but only restarts it from the top when no reader is inside it;
// under a steady stream of readers that never happens and the log grows
// without bound (1.75 GB beside a 565 MB database in a 32-reader load
// test). So the store checkpoints with TRUNCATE, which waits (within
// busy_timeout) for the readers of old frames and then empties the file:
// after a write that leaves the log over half the database (and over
// walFloor), and after IdleCheckpoint without writes.
const (
	walAutocheckpoint = 1000    // pages, SQLite's default, set explicitly
	walFloor          = 1 << 20 // a log this small is left alone
)

// busyTimeout is how long, in milliseconds, a statement waits for a lock
// another connection or process holds. A variable for tests.
var busyTimeout = 10000

// IdleCheckpoint is how long after its last write a store empties its
// write-ahead log.
var IdleCheckpoint = 2 * time.Second

// WALPoll is how often a store looks at the write-ahead log that other
// processes wrote (a server reading what petrel ingest stores): one over
// walFloor is emptied, so that a log left behind by a writer that
// exited while readers were inside it does not stay until the server
// exits.
var WALPoll = 10 * time.Second

var _ petrel.Store = (*Store)(nil)

var dialect = sqlstore.Dialect{
	TextCond: func(p string) string {
		return "((e.article << 20) | e.sentence_index) IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + p + ")"
	},
	TextArg: ftsQuery,
	Hint:    func(index string) string { return "INDEXED BY " + index },
	// The count stops at $2 matches; rowids come from the index alone.
	TextCount: "SELECT COUNT(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH $1 LIMIT $2)",
	// Rare words: the matching sentences' events, by the article index.
	TextDrive: func(p string) string {
		return "e.seq IN (SELECT x.seq FROM sentences_fts f JOIN events x ON x.article = (f.rowid >> 20) AND x.sentence_index = (f.rowid & 1048575) WHERE f.sentences_fts MATCH " + p + ")"
	},
	// Common words: a lookup of the event's sentence in the index.
	TextProbe: func(p string) string {
		return "EXISTS (SELECT 1 FROM sentences_fts f WHERE f.sentences_fts MATCH " + p + " AND f.rowid = ((e.article << 20) | e.sentence_index))"
	},
	Period: func(by string) string {
		switch by {
		case petrel.ByWeek:
			// The Monday on or before the date.
			return "date(e.date, 'weekday 0', '-6 days')"
		case petrel.ByMonth:
			return "substr(e.date, 1, 7) || '-01'"
		}
		return "e.date"
	},
}

// ftsQuery turns text into an FTS5 query that matches sentences holding
// all of its words. The text is cut into runs of letters and digits, as
// FTS5's unicode61 tokenizer cuts it, and each is quoted as an FTS5 string,
// so no user input is read as FTS5 syntax (NEAR, *, column filters, ^)
// and no query is a multi-token phrase, which detail=none cannot answer.
func ftsQuery(text string) (string, bool) {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String(), b.Len() > 0
}

// maxFTSSentence bounds the sentence index that fits the FTS rowid's low
// 20 bits; later sentences of a longer article are stored but not indexed.
const maxFTSSentence = 1<<20 - 1

// OpenExisting opens the store at path as Open does, but only when the
// file exists: it returns ENOTFOUND ("no store at PATH") rather than create
// an empty database, for commands that only read a store.
func OpenExisting(path string) (*Store, error) {
	if path != ":memory:" {
		fi, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, petrel.Errorf(petrel.ENOTFOUND, "no store at %s", path)
		}
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		if fi.IsDir() {
			return nil, petrel.Errorf(petrel.EINVALID, "%s is a directory, not a store", path)
		}
	}
	return Open(path)
}

// Open opens, creating if needed, the SQLite database at path and brings its
// schema up to date. ":memory:" opens a private in-memory database served
// by one connection.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, petrel.Errorf(petrel.EINVALID, "no database path")
	}
	s := &Store{path: path, Now: time.Now}
	common := "_pragma=busy_timeout(" + strconv.Itoa(busyTimeout) + ")&_pragma=foreign_keys(0)&_txlock=immediate"
	var err error
	if path == ":memory:" {
		s.wdb, err = sql.Open("sqlite", "file::memory:?"+common)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s.wdb.SetMaxOpenConns(1)
		s.wdb.SetConnMaxLifetime(0)
		s.wdb.SetMaxIdleConns(1)
		s.rdb = s.wdb
	} else {
		file := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + common +
			"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
			"&_pragma=wal_autocheckpoint(" + strconv.Itoa(walAutocheckpoint) + ")"
		// The writer's page cache fills with the pages a large
		// transaction dirties and stays full; each page costs the process
		// about twice its size (the driver's allocator), so 64 MiB held
		// ~85 MB more than 32 MiB after a 7 MB article's ingest, for
		// little ingest speed (docs/PERFORMANCE.md, "Memory of one large
		// request").
		if s.wdb, err = sql.Open("sqlite", file+"&_pragma=cache_size(-"+strconv.Itoa(writerCacheKiB)+")&_pragma=temp_store(MEMORY)"); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s.wdb.SetMaxOpenConns(1)
		s.wdb.SetMaxIdleConns(1)
		s.wdb.SetConnMaxLifetime(0)
		s.wdb.SetConnMaxIdleTime(0)
	}
	if err := s.migrateRetry(context.Background()); err != nil {
		s.wdb.Close()
		return nil, err
	}
	if s.rdb == nil {
		// Readers open after migration, when the file is in WAL mode.
		// query_only makes any write through them fail: a second guard,
		// after parameterised SQL, against anything reaching the data.
		file := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + common +
			"&_pragma=query_only(1)&_pragma=cache_size(-16384)"
		if s.rdb, err = sql.Open("sqlite", file); err != nil {
			s.wdb.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s.rdb.SetMaxOpenConns(8)
		s.rdb.SetMaxIdleConns(8)
	}
	if err := s.prepare(); err != nil {
		s.Close()
		return nil, err
	}
	if s.rdb != s.wdb {
		s.idle, s.done = make(chan struct{}, 1), make(chan struct{})
		s.stopped.Add(1)
		go s.checkpointWhenIdle()
	}
	return s, nil
}

// checkpointWhenIdle empties the write-ahead log IdleCheckpoint after the
// last write, until Close.
func (s *Store) checkpointWhenIdle() {
	defer s.stopped.Done()
	t := time.NewTimer(time.Hour)
	t.Stop()
	poll := time.NewTicker(WALPoll)
	defer poll.Stop()
	for {
		select {
		case <-s.done:
			t.Stop()
			return
		case <-poll.C:
			// Not forced: a checkpoint holds the write lock while it
			// waits for readers, and another process's writes must
			// not meet it at every poll while readers are in the way.
			if fileSize(s.path+"-wal") > walFloor {
				s.checkpoint(context.Background(), false)
			}
		case <-s.idle:
			t.Reset(IdleCheckpoint)
		case <-t.C:
			// Readers in the way: try again later, as long as
			// there is a log to empty.
			if fileSize(s.path+"-wal") > 0 && !s.checkpoint(context.Background(), true) {
				t.Reset(IdleCheckpoint)
			}
		}
	}
}

// afterWrite checkpoints when the write-ahead log has grown past half the
// database, and arms the idle checkpoint.
func (s *Store) afterWrite(ctx context.Context) {
	if s.idle == nil {
		return
	}
	select {
	case s.idle <- struct{}{}:
	default:
	}
	wal, db := fileSize(s.path+"-wal"), fileSize(s.path)
	if wal > walFloor && wal > db/2 {
		s.checkpoint(ctx, false)
	}
}

// checkpoint runs a TRUNCATE checkpoint on the writer's connection. It
// waits for readers at most checkpointWait, not the writes' busy_timeout:
// a long read (an export) holds the log for as long as it runs, and writes
// must not queue behind the upkeep meanwhile. A checkpoint readers hold
// off is left for later: the idle one, or one after a write once
// checkpointRetry has passed (unless force). It reports whether the log
// was emptied.
func (s *Store) checkpoint(ctx context.Context, force bool) bool {
	s.ckMu.Lock()
	skip := !force && time.Since(s.ckBusy) < checkpointRetry
	s.ckMu.Unlock()
	if skip {
		return false
	}
	conn, err := s.wdb.Conn(ctx)
	if err != nil {
		return false
	}
	defer conn.Close()
	busy := 1
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.Itoa(int(checkpointWait.Milliseconds()))); err == nil {
		var frames, done int
		if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
			busy = 1
		}
		conn.ExecContext(context.Background(), "PRAGMA busy_timeout = "+strconv.Itoa(busyTimeout))
	}
	if busy != 0 {
		s.ckMu.Lock()
		s.ckBusy = time.Now()
		s.ckMu.Unlock()
	}
	return busy == 0
}

// Checkpoint waits: how long one waits for readers, and how long after a
// checkpoint readers held off the next one after a write is tried.
const (
	checkpointWait  = 500 * time.Millisecond
	checkpointRetry = 5 * time.Second
)

// busyError turns SQLITE_BUSY, the database's write lock held by another
// process past busy_timeout, into EUNAVAILABLE: the caller may retry (the
// HTTP API answers 503).
func busyError(err error) error {
	if isBusy(err) {
		return petrel.Errorf(petrel.EUNAVAILABLE, "the store is locked by another writer; retry later")
	}
	return err
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, of any extended kind.
func isBusy(err error) bool {
	var e *msqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqliteBusy
}

// migrateRetry runs migrate until it succeeds, fails otherwise than with
// SQLITE_BUSY, or busyTimeout has passed. SQLite may answer SQLITE_BUSY
// at once, without waiting out busy_timeout (where waiting could
// deadlock, or while another process recovers the write-ahead log of a
// killed one): TestScaleQueue once saw a restarted worker fail to start
// with "migrate: database is locked" 2.6 s into the test, under load. The
// store now opens once the other process is done, instead of the worker
// exiting.
func (s *Store) migrateRetry(ctx context.Context) error {
	deadline := time.Now().Add(time.Duration(busyTimeout) * time.Millisecond)
	for {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// migrate applies, in one transaction, the embedded migrations newer than
// the version recorded in schema_version.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	ms, err := sqlstore.Migrations(migrations, "migrations")
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)`,
			m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	return tx.Commit()
}

func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	return b.String()
}

// insertSQL returns an INSERT of rows rows into table.
func insertSQL(table, cols string, rows int) string {
	if table == "event_rollup" {
		return insertRows(table, cols, rows) + sqlstore.RollupUpsert
	}
	return insertRows(table, cols, rows)
}

func insertRows(table, cols string, rows int) string {
	n := strings.Count(cols, ",") + 1
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		// Plain "?" placeholders: the driver binds them by position,
		// where "$N" makes it look each name up among all the arguments.
		b.WriteString("(?" + strings.Repeat(", ?", n-1) + ")")
	}
	return b.String()
}

// Tables written in bulk, and their columns.
var bulkTables = []struct{ name, cols string }{
	{"articles", "seq, " + sqlstore.ArticleCols},
	{"sentences", sqlstore.SentenceCols},
	{"sentences_fts", "rowid, text"},
	{"mentions", sqlstore.MentionCols},
	{"quotes", sqlstore.QuoteCols},
	{"events", sqlstore.EventCols},
	{"event_rollup", sqlstore.RollupCols}, // added to the stored rows
}

// bulkRows is how many rows of cols one INSERT writes. Many rows per
// statement amortise the per-statement cost of database/sql and of the
// SQLite VM, which dominates small inserts; 4,096 values stay well inside
// SQLite's limit of 32,766 bound parameters.
func bulkRows(cols string) int {
	return 4096 / (strings.Count(cols, ",") + 1)
}

// prepare prepares the writer's statements once; each Ingest transaction
// reuses them on the writer's one connection.
func (s *Store) prepare() error {
	n := strings.Count(sqlstore.ArticleCols, ",") + 1
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&s.lookup, `SELECT seq, id, text_hash, dict_version FROM articles WHERE id IN (SELECT value FROM json_each($1))
			UNION SELECT seq, id, text_hash, dict_version FROM articles WHERE text_hash IN (SELECT value FROM json_each($2))`},
		{&s.maxSeq, `SELECT COALESCE(MAX(seq), 0) FROM articles`},
		{&s.delSentences, `DELETE FROM sentences WHERE article = $1`},
		{&s.delFTS, `DELETE FROM sentences_fts WHERE rowid >= $1 AND rowid <= $2`},
		{&s.delMentions, `DELETE FROM mentions WHERE article = $1`},
		{&s.delQuotes, `DELETE FROM quotes WHERE article = $1`},
		{&s.delEvents, `DELETE FROM events WHERE article = $1`},
		{&s.oldRollup, sqlstore.RollupSelect + " WHERE article = $1"},
		{&s.delRollup, `DELETE FROM event_rollup WHERE k IN (SELECT value FROM json_each($1)) AND n = 0`},
		{&s.mapAdd, sqlstore.MapRollupAdd("e.article IN (SELECT value FROM json_each($1))")},
		{&s.updArticle, "UPDATE articles SET (" + sqlstore.ArticleCols + ") = (" + placeholders(1, n) + ") WHERE seq = $" + fmt.Sprint(n+1)},
	} {
		st, err := s.wdb.Prepare(p.sql)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		*p.st = st
	}
	s.bulk = make(map[string]*sql.Stmt)
	for _, t := range bulkTables {
		st, err := s.wdb.Prepare(insertSQL(t.name, t.cols, bulkRows(t.cols)))
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		s.bulk[t.name] = st
	}
	return nil
}

// A bulkWriter writes the rows of one table of bulkTables as an ingest
// makes them, a statement of bulkRows rows at a time, the last one
// shorter: an ingest holds one statement's values per table instead of
// every row of the batch, which for an 8 MB article ran to hundreds of
// megabytes.
type bulkWriter struct {
	ctx         context.Context
	tx          *sql.Tx
	full        *sql.Stmt // the prepared statement of per rows
	table, cols string
	width, per  int
	// args holds the values of the rows not yet written; callers append
	// one row's values and call added.
	args []any
}

// bulkWriters returns a writer for each of bulkTables, in its order.
func (s *Store) bulkWriters(ctx context.Context, tx *sql.Tx) []*bulkWriter {
	w := make([]*bulkWriter, len(bulkTables))
	for i, t := range bulkTables {
		width, per := strings.Count(t.cols, ",")+1, bulkRows(t.cols)
		w[i] = &bulkWriter{ctx: ctx, tx: tx, table: t.name, cols: t.cols, width: width, per: per,
			full: tx.StmtContext(ctx, s.bulk[t.name]), args: make([]any, 0, width*per)}
	}
	return w
}

// added writes the rows in args once they fill a statement.
func (w *bulkWriter) added() error {
	if len(w.args) < w.width*w.per {
		return nil
	}
	return w.flush()
}

// flush writes the rows in args.
func (w *bulkWriter) flush() error {
	n := len(w.args) / w.width
	if n == 0 {
		return nil
	}
	var err error
	if n == w.per {
		_, err = w.full.ExecContext(w.ctx, w.args...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, insertSQL(w.table, w.cols, n), w.args...)
	}
	clear(w.args) // let the written values go
	w.args = w.args[:0]
	if err != nil {
		return fmt.Errorf("ingest: insert %s: %w", w.table, err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.done != nil {
		close(s.done)
		s.stopped.Wait()
		s.done = nil
	}
	var err error
	if s.rdb != nil && s.rdb != s.wdb {
		err = s.rdb.Close()
	}
	if s.wdb != nil {
		if e := s.wdb.Close(); e != nil {
			err = e
		}
	}
	return err
}

// Ingest implements petrel.Store. The batch is one transaction.
func (s *Store) Ingest(ctx context.Context, docs []*petrel.Document, dictVersion string) (petrel.IngestStats, error) {
	return s.ingestTx(ctx, docs, dictVersion, nil)
}

// IngestStream implements petrel.StreamStore: Ingest with the articles
// coded as they are stored, their rows written a statement at a time as
// code hands them over.
func (s *Store) IngestStream(ctx context.Context, arts []*petrel.Article, dictVersion string,
	code func(i int, part func(*petrel.Document) error) (*petrel.Document, error)) (petrel.IngestStats, error) {
	docs := make([]*petrel.Document, len(arts))
	for i, a := range arts {
		if a == nil {
			return petrel.IngestStats{}, petrel.Errorf(petrel.EINVALID, "article %d is nil", i)
		}
		docs[i] = &petrel.Document{Article: *a}
	}
	return s.ingestTx(ctx, docs, dictVersion, code)
}

// The writer's page cache, in KiB: writerCacheKiB, and streamCacheKiB
// while IngestStream codes and stores (a large article is written a
// statement at a time as it is coded, and the cache otherwise filled with
// its pages: 55 MB more resident memory for a 7 MB article of dense news,
// for no measurable speed).
const (
	writerCacheKiB = 32768
	streamCacheKiB = 8192
)

// ingestTx stores docs in one transaction; with code, docs hold only their
// articles, and code codes each (petrel.StreamStore).
func (s *Store) ingestTx(ctx context.Context, docs []*petrel.Document, dictVersion string, code codeFunc) (petrel.IngestStats, error) {
	ids, hashes, err := sqlstore.Keys(docs)
	if err != nil || len(docs) == 0 {
		return petrel.IngestStats{}, err
	}
	st, err := s.commitIngest(ctx, docs, ids, hashes, dictVersion, code)
	if err != nil {
		return petrel.IngestStats{}, err
	}
	s.afterWrite(ctx)
	return st, nil
}

// commitIngest runs ingest in a transaction and commits it; with code, on
// the writer's connection taken for it, whose page cache is streamCacheKiB
// meanwhile.
func (s *Store) commitIngest(ctx context.Context, docs []*petrel.Document, ids, hashes []string, dictVersion string, code codeFunc) (petrel.IngestStats, error) {
	begin := func() (*sql.Tx, error) { return s.wdb.BeginTx(ctx, nil) }
	if code != nil {
		conn, err := s.wdb.Conn(ctx)
		if err != nil {
			return petrel.IngestStats{}, busyError(fmt.Errorf("ingest: %w", err))
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -"+strconv.Itoa(streamCacheKiB)); err != nil {
			return petrel.IngestStats{}, fmt.Errorf("ingest: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA cache_size = -"+strconv.Itoa(writerCacheKiB))
		begin = func() (*sql.Tx, error) { return conn.BeginTx(ctx, nil) }
	}
	tx, err := begin()
	if err != nil {
		return petrel.IngestStats{}, busyError(fmt.Errorf("ingest: %w", err))
	}
	defer tx.Rollback()
	st, err := s.ingest(ctx, tx, docs, ids, hashes, dictVersion, code)
	if err != nil {
		return petrel.IngestStats{}, busyError(err)
	}
	if err := tx.Commit(); err != nil {
		return petrel.IngestStats{}, busyError(fmt.Errorf("ingest: commit: %w", err))
	}
	return st, nil
}

// codeFunc is the code argument of IngestStream.
type codeFunc = func(i int, part func(*petrel.Document) error) (*petrel.Document, error)

func (s *Store) ingest(ctx context.Context, tx *sql.Tx, docs []*petrel.Document, ids, hashes []string, dictVersion string, code codeFunc) (petrel.IngestStats, error) {
	stmt := func(st *sql.Stmt) *sql.Stmt { return tx.StmtContext(ctx, st) }
	idsJSON, _ := json.Marshal(ids)
	hashesJSON, _ := json.Marshal(hashes)
	rows, err := stmt(s.lookup).QueryContext(ctx, string(idsJSON), string(hashesJSON))
	if err != nil {
		return petrel.IngestStats{}, fmt.Errorf("ingest: lookup: %w", err)
	}
	var existing []sqlstore.Existing
	for rows.Next() {
		var x sqlstore.Existing
		if err := rows.Scan(&x.Seq, &x.ID, &x.Hash, &x.DictVersion); err != nil {
			rows.Close()
			return petrel.IngestStats{}, fmt.Errorf("ingest: lookup: %w", err)
		}
		existing = append(existing, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return petrel.IngestStats{}, fmt.Errorf("ingest: lookup: %w", err)
	}
	plans, st := sqlstore.PlanBatch(docs, ids, hashes, existing, dictVersion)
	// Events are counted as they are written (code hands them over).
	st.Events = 0

	// The transaction holds the write lock (BEGIN IMMEDIATE), so new
	// articles can be numbered here and written in bulk with their rows.
	var seq int64
	if err := stmt(s.maxSeq).QueryRowContext(ctx).Scan(&seq); err != nil {
		return st, fmt.Errorf("ingest: %w", err)
	}
	var (
		now     = s.Now()
		w       = s.bulkWriters(ctx, tx)
		rollup  sqlstore.Rollup
		written []int64 // articles whose events were written
		fts     ftsSeen
	)
	articles, sentences, ftsw, ments, qs, evs := w[0], w[1], w[2], w[3], w[4], w[5]
	// put appends the rows of d, the next rows of p's document after
	// p.Handed, to the bulk writers.
	put := func(p *sqlstore.Plan, d *petrel.Document) error {
		q := *p
		q.Doc = d
		if err := fts.each(p.Seq, d.Events, func(rowid int64, text string) error {
			ftsw.args = append(ftsw.args, rowid, text)
			return ftsw.added()
		}); err != nil {
			return err
		}
		for i := range d.Sentences {
			sentences.args = sqlstore.AppendSentenceRow(sentences.args, q.Seq, &q, i, false)
			if err := sentences.added(); err != nil {
				return err
			}
		}
		for i := range d.Mentions {
			ments.args = sqlstore.AppendMentionRow(ments.args, q.Seq, &q, i)
			if err := ments.added(); err != nil {
				return err
			}
		}
		for i := range d.Quotes {
			qs.args = sqlstore.AppendQuoteRow(qs.args, q.Seq, &q, i)
			if err := qs.added(); err != nil {
				return err
			}
		}
		for i := range d.Events {
			n := len(evs.args)
			evs.args = sqlstore.AppendEventRow(evs.args, q.Seq, &q, i)
			rollup.AddEvent(evs.args[n:])
			if err := evs.added(); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range plans {
		p := &plans[i]
		if p.Action == sqlstore.Skip {
			if code != nil {
				// Coded all the same, for the caller's counts.
				if _, err := code(i, func(*petrel.Document) error { return nil }); err != nil {
					return st, err
				}
			}
			continue
		}
		if p.Action == sqlstore.Replace {
			if err := s.rollupOld(ctx, tx, &rollup, p.Seq); err != nil {
				return st, fmt.Errorf("ingest %s: %w", p.ArticleID, err)
			}
			for _, q := range sqlstore.MapRollupSub("e.article = $1") {
				if _, err := tx.ExecContext(ctx, q, p.Seq); err != nil {
					return st, fmt.Errorf("ingest %s: map rollup: %w", p.ArticleID, err)
				}
			}
			if err := s.deleteCoded(ctx, tx, p.Seq); err != nil {
				return st, fmt.Errorf("ingest %s: %w", p.ArticleID, err)
			}
		} else {
			seq++
			p.Seq = seq
		}
		fts.reset()
		if code != nil {
			d, err := code(i, func(part *petrel.Document) error {
				if err := put(p, part); err != nil {
					return err
				}
				p.Handed.Add(part)
				return nil
			})
			if err != nil {
				return st, err
			}
			p.Doc = d
		}
		if err := put(p, p.Doc); err != nil {
			return st, err
		}
		// The article's row comes last: it counts the rows written.
		row := sqlstore.ArticleRow(p, dictVersion, now)
		if p.Action == sqlstore.Replace {
			if _, err := stmt(s.updArticle).ExecContext(ctx, append(row, p.Seq)...); err != nil {
				return st, fmt.Errorf("ingest %s: update article: %w", p.ArticleID, err)
			}
		} else {
			articles.args = append(append(articles.args, p.Seq), row...)
			if err := articles.added(); err != nil {
				return st, err
			}
		}
		if n := p.Handed.Events + len(p.Doc.Events); n > 0 {
			st.Events += n
			written = append(written, p.Seq)
		}
	}
	for _, b := range w[:6] {
		if err := b.flush(); err != nil {
			return st, err
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	rolled, down := rollup.Rows()
	for _, r := range rolled {
		w[6].args = append(w[6].args, r...)
		if err := w[6].added(); err != nil {
			return st, err
		}
	}
	if err := w[6].flush(); err != nil {
		return st, err
	}
	if len(down) > 0 {
		keys, _ := json.Marshal(down)
		if _, err := stmt(s.delRollup).ExecContext(ctx, string(keys)); err != nil {
			return st, fmt.Errorf("ingest: rollup: %w", err)
		}
	}
	if len(written) > 0 {
		seqs, _ := json.Marshal(written)
		if _, err := stmt(s.mapAdd).ExecContext(ctx, string(seqs)); err != nil {
			return st, fmt.Errorf("ingest: map rollup: %w", err)
		}
	}
	return st, nil
}

// rollupOld counts out of rollup the stored events of the article
// numbered seq, which is about to be recoded.
func (s *Store) rollupOld(ctx context.Context, tx *sql.Tx, rollup *sqlstore.Rollup, seq int64) error {
	rows, err := tx.StmtContext(ctx, s.oldRollup).QueryContext(ctx, seq)
	if err != nil {
		return fmt.Errorf("rollup: %w", err)
	}
	defer rows.Close()
	if err := rollup.AddRows(rows); err != nil {
		return fmt.Errorf("rollup: %w", err)
	}
	return nil
}

// ftsSeen makes the sentences_fts rows of one article: the sentences its
// events were coded from, each once. The text filter matches an event's
// own sentence, so no other sentence can ever be a hit; most sentences of
// real news code no event, and indexing only these keeps most of the
// tokenizing and index merging, the larger part of ingest, out of it.
// The sentences already indexed are a bitmap over sentence indices
// (bounded by maxFTSSentence): an article's events come in sentence order
// as the coder makes them, but the check must not assume it, and a scan
// of the earlier events made ingest quadratic in article size (an 8 MB
// text took a minute). An article's events may come in several parts.
type ftsSeen struct {
	bits []uint64
}

// reset starts a new article.
func (f *ftsSeen) reset() { clear(f.bits) }

// each calls fn with the sentences_fts row of each sentence of evs not
// indexed before, for the article numbered seq. It stops at the first
// error of fn and returns it.
func (f *ftsSeen) each(seq int64, evs []petrel.Event, fn func(rowid int64, text string) error) error {
	for i := range evs {
		si := evs[i].SentenceIndex
		if si < 0 || si > maxFTSSentence {
			continue
		}
		w, b := si/64, uint64(1)<<(si%64)
		if w >= len(f.bits) {
			f.bits = append(f.bits, make([]uint64, w+1-len(f.bits))...)
		}
		if f.bits[w]&b != 0 {
			continue
		}
		f.bits[w] |= b
		if err := fn(seq<<20|int64(si), evs[i].Sentence); err != nil {
			return err
		}
	}
	return nil
}

// deleteCoded deletes what was coded from the article numbered seq.
func (s *Store) deleteCoded(ctx context.Context, tx *sql.Tx, seq int64) error {
	for _, d := range []*sql.Stmt{s.delSentences, s.delMentions, s.delQuotes, s.delEvents} {
		if _, err := tx.StmtContext(ctx, d).ExecContext(ctx, seq); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
	}
	if _, err := tx.StmtContext(ctx, s.delFTS).ExecContext(ctx, seq<<20, seq<<20|maxFTSSentence); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	return nil
}

// Events implements petrel.Store.
func (s *Store) Events(ctx context.Context, f petrel.EventFilter) ([]*petrel.StoredEvent, string, error) {
	evs, next, err := sqlstore.Events(ctx, s.rdb, &dialect, f)
	return evs, next, ftsError(err)
}

// EachEvent implements petrel.Store.
func (s *Store) EachEvent(ctx context.Context, f petrel.EventFilter, fn func(*petrel.StoredEvent) error) error {
	return ftsError(sqlstore.EachEvent(ctx, s.rdb, &dialect, f, fn))
}

// Grid implements petrel.Store.
func (s *Store) Grid(ctx context.Context, q petrel.GridQuery) ([]petrel.GridCell, error) {
	cells, err := sqlstore.Grid(ctx, s.rdb, &dialect, q)
	return cells, ftsError(err)
}

// Places implements petrel.Store.
func (s *Store) Places(ctx context.Context, f petrel.EventFilter) ([]petrel.PlaceStats, error) {
	rows, err := sqlstore.Places(ctx, s.rdb, &dialect, f)
	return rows, ftsError(err)
}

// ftsError turns an FTS5 query error, which quoting should prevent, into
// an invalid text parameter rather than an internal error.
func ftsError(err error) error {
	if err != nil && strings.Contains(err.Error(), "fts5") {
		return &petrel.Error{Code: petrel.EINVALID, Message: "invalid text search", Param: "text"}
	}
	return err
}

// Event implements petrel.Store.
func (s *Store) Event(ctx context.Context, id string) (*petrel.StoredEvent, error) {
	return sqlstore.Event(ctx, s.rdb, id)
}

// Article implements petrel.Store.
func (s *Store) Article(ctx context.Context, id string) (*petrel.StoredArticle, error) {
	return sqlstore.Article(ctx, s.rdb, id)
}

// Stats implements petrel.Store.
func (s *Store) Stats(ctx context.Context, q petrel.StatsQuery) ([]petrel.StatsRow, error) {
	rows, err := sqlstore.Stats(ctx, s.rdb, &dialect, q)
	return rows, ftsError(err)
}

// Actors implements petrel.Store.
func (s *Store) Actors(ctx context.Context, prefix string, limit int) ([]petrel.ActorCount, error) {
	return sqlstore.Actors(ctx, s.rdb, prefix, limit)
}

// Counts implements petrel.Store.
func (s *Store) Counts(ctx context.Context) (petrel.Counts, error) {
	return sqlstore.Counts(ctx, s.rdb)
}

// DB returns the store's read-only connection pool, for checks and tools.
func (s *Store) DB() *sql.DB { return s.rdb }

// LoadWatchState calls fn with every entry of petrel watch's state
// (watch.StateStore).
func (s *Store) LoadWatchState(ctx context.Context, fn func(petrel.WatchEntry) error) error {
	return sqlstore.LoadWatchState(ctx, s.rdb, fn)
}

// SaveWatchState writes changes to petrel watch's state in one
// transaction (watch.StateStore).
func (s *Store) SaveWatchState(ctx context.Context, changes []petrel.WatchEntry) error {
	if len(changes) == 0 {
		return nil
	}
	if err := sqlstore.SaveWatchState(ctx, s.wdb, changes); err != nil {
		return busyError(err)
	}
	s.afterWrite(ctx)
	return nil
}
