// Package postgres keeps coded articles and their events in PostgreSQL,
// through pgx, and implements petrel.Store.
//
// Ingest writes each batch in one transaction with COPY. Concurrent
// ingesters that carry the same article are serialised by transaction-level
// advisory locks on the article's ID and text hash, so an article is never
// stored twice; a deadlock or conflict is retried.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"petrel"
	"petrel/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a petrel.Store in a PostgreSQL database. It is safe for
// concurrent use.
type Store struct {
	dsn  string
	pool *pgxpool.Pool
	db   *sql.DB // the pool, seen through database/sql for the shared queries

	// Now returns the time recorded as an article's coding time.
	Now func() time.Time
}

var _ petrel.Store = (*Store)(nil)

var dialect = sqlstore.Dialect{
	TextCond: func(p string) string {
		return "(e.article, e.sentence_index) IN (SELECT s.article, s.idx FROM sentences s WHERE s.tsv @@ plainto_tsquery('simple', " + p + "))"
	},
	// plainto_tsquery reads any text as plain words, so user input cannot
	// be tsquery syntax.
	TextArg: func(text string) (string, bool) { return text, sqlstore.HasWords(text) },
	Period: func(by string) string {
		switch by {
		case petrel.ByWeek:
			return "to_char(date_trunc('week', e.date::date), 'YYYY-MM-DD')"
		case petrel.ByMonth:
			return "substr(e.date, 1, 7) || '-01'"
		}
		return "e.date"
	},
}

// migrationLock is the advisory lock key that serialises migrations.
const migrationLock = 0x70657472656c // "petrel"

// Open connects to the database at dsn (a postgres:// URL or key=value
// string; search_path may be given as a parameter) and brings its schema up
// to date.
func Open(dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, petrel.Errorf(petrel.EINVALID, "invalid PostgreSQL DSN: %v", err)
	}
	if cfg.MaxConns < 16 {
		cfg.MaxConns = 16
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{dsn: dsn, pool: pool, db: stdlib.OpenDBFromPool(pool), Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// OpenExisting opens the store at dsn as Open does, but only when the
// database already holds one (an articles table on its search path): it
// returns ENOTFOUND ("no store at DSN") rather than create the tables,
// for commands that only read a store.
func OpenExisting(dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, petrel.Errorf(petrel.EINVALID, "invalid PostgreSQL DSN: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	var ok bool
	err = conn.QueryRow(ctx, `SELECT to_regclass('articles') IS NOT NULL AND to_regclass('schema_version') IS NOT NULL`).Scan(&ok)
	conn.Close(ctx)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if !ok {
		return nil, petrel.Errorf(petrel.ENOTFOUND, "no store at %s", redact(dsn))
	}
	return Open(dsn)
}

// redact hides the password of a postgres:// URL for messages.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return dsn
}

// migrate applies, in one transaction, the embedded migrations newer than
// the version recorded in schema_version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := sqlstore.Migrations(migrations, "migrations")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		for _, m := range ms {
			if m.Version <= have {
				continue
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migrate %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migrate %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.db.Close()
	s.pool.Close()
	return nil
}

// Ingest implements petrel.Store. The batch is one transaction, retried a
// few times when it deadlocks with another.
func (s *Store) Ingest(ctx context.Context, docs []*petrel.Document, dictVersion string) (petrel.IngestStats, error) {
	ids, hashes, err := sqlstore.Keys(docs)
	if err != nil || len(docs) == 0 {
		return petrel.IngestStats{}, err
	}
	for try := 0; ; try++ {
		var st petrel.IngestStats
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			var err error
			st, err = s.ingest(ctx, tx, docs, ids, hashes, dictVersion)
			return err
		})
		if err == nil {
			return st, nil
		}
		var pe *pgconn.PgError
		if try < 5 && errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001" || pe.Code == "23505") {
			continue
		}
		return petrel.IngestStats{}, fmt.Errorf("ingest: %w", err)
	}
}

func lockKey(kind byte, s string) int64 {
	h := fnv.New64a()
	h.Write([]byte{kind})
	h.Write([]byte(s))
	return int64(h.Sum64())
}

func (s *Store) ingest(ctx context.Context, tx pgx.Tx, docs []*petrel.Document, ids, hashes []string, dictVersion string) (petrel.IngestStats, error) {
	// Lock every ID and text hash of the batch, in one order so that two
	// batches cannot wait on each other, before looking them up: the IDs
	// so that concurrent batches agree on what is an update, the hashes
	// so that a text sent under two new IDs at once counts one duplicate.
	keys := make([]int64, 0, 2*len(docs))
	for i := range docs {
		keys = append(keys, lockKey('i', ids[i]), lockKey('h', hashes[i]))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) t`, keys); err != nil {
		return petrel.IngestStats{}, fmt.Errorf("lock: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT seq, id, text_hash, dict_version FROM articles WHERE id = ANY($1) OR text_hash = ANY($2)`, ids, hashes)
	if err != nil {
		return petrel.IngestStats{}, fmt.Errorf("lookup: %w", err)
	}
	var existing []sqlstore.Existing
	for rows.Next() {
		var x sqlstore.Existing
		if err := rows.Scan(&x.Seq, &x.ID, &x.Hash, &x.DictVersion); err != nil {
			rows.Close()
			return petrel.IngestStats{}, fmt.Errorf("lookup: %w", err)
		}
		existing = append(existing, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return petrel.IngestStats{}, fmt.Errorf("lookup: %w", err)
	}
	plans, st := sqlstore.PlanBatch(docs, ids, hashes, existing, dictVersion)

	var replaced []int64
	inserts := 0
	for i := range plans {
		switch plans[i].Action {
		case sqlstore.Replace:
			replaced = append(replaced, plans[i].Seq)
		case sqlstore.Insert:
			inserts++
		}
	}
	if inserts+len(replaced) == 0 {
		return st, nil
	}
	// A recoded article is deleted, with its rows by cascade, and written
	// again under the same number.
	var rollup sqlstore.Rollup
	if len(replaced) > 0 {
		rows, err := tx.Query(ctx, sqlstore.RollupSelect+` WHERE article = ANY($1)`, replaced)
		if err != nil {
			return st, fmt.Errorf("rollup: %w", err)
		}
		for rows.Next() {
			var (
				date, code, root, plover string
				quad                     int
				sc, scy, tc, tcy         *string
				g                        float64
			)
			if err := rows.Scan(&date, &code, &root, &quad, &plover, &sc, &scy, &tc, &tcy, &g); err != nil {
				rows.Close()
				return st, fmt.Errorf("rollup: %w", err)
			}
			rollup.AddDeleted([]any{date, code, root, quad, plover, strOrNil(sc), strOrNil(scy), strOrNil(tc), strOrNil(tcy)}, g)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, fmt.Errorf("rollup: %w", err)
		}
		for _, q := range sqlstore.MapRollupSub("e.article = ANY($1)") {
			if _, err := tx.Exec(ctx, q, replaced); err != nil {
				return st, fmt.Errorf("map rollup: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM articles WHERE seq = ANY($1)`, replaced); err != nil {
			return st, fmt.Errorf("delete: %w", err)
		}
	}
	var seqs []int64
	if inserts > 0 {
		rows, err := tx.Query(ctx, `SELECT nextval('articles_seq') FROM generate_series(1, $1)`, inserts)
		if err != nil {
			return st, fmt.Errorf("number articles: %w", err)
		}
		seqs, err = pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return st, fmt.Errorf("number articles: %w", err)
		}
	}
	now := s.Now()
	var articles [][]any
	for i := range plans {
		p := &plans[i]
		switch p.Action {
		case sqlstore.Skip:
			continue
		case sqlstore.Insert:
			p.Seq, seqs = seqs[0], seqs[1:]
		}
		articles = append(articles, append([]any{p.Seq}, sqlstore.ArticleRow(p, dictVersion, now)...))
	}
	var articleRows pgx.CopyFromSource
	if len(articles) > 0 {
		articleRows = pgx.CopyFromRows(articles)
	}
	// The other tables' rows are made one at a time as COPY sends them,
	// not all first: a large article has hundreds of thousands.
	for _, c := range []struct {
		table string
		cols  []string
		src   pgx.CopyFromSource
	}{
		{"articles", append([]string{"seq"}, sqlstore.ArticleNames...), articleRows},
		{"sentences", sqlstore.SentenceNames, copyRows(plans, func(d *petrel.Document) int { return len(d.Sentences) },
			func(p *sqlstore.Plan, i int) []any {
				return sqlstore.AppendSentenceRow(make([]any, 0, sqlstore.SentenceWidth), p.Seq, p, i, true)
			})},
		{"mentions", sqlstore.MentionNames, copyRows(plans, func(d *petrel.Document) int { return len(d.Mentions) },
			func(p *sqlstore.Plan, i int) []any {
				return sqlstore.AppendMentionRow(make([]any, 0, sqlstore.MentionWidth), p.Seq, p, i)
			})},
		{"quotes", sqlstore.QuoteNames, copyRows(plans, func(d *petrel.Document) int { return len(d.Quotes) },
			func(p *sqlstore.Plan, i int) []any {
				return sqlstore.AppendQuoteRow(make([]any, 0, sqlstore.QuoteWidth), p.Seq, p, i)
			})},
		{"events", sqlstore.EventNames, copyRows(plans, func(d *petrel.Document) int { return len(d.Events) },
			func(p *sqlstore.Plan, i int) []any {
				row := sqlstore.AppendEventRow(make([]any, 0, sqlstore.EventWidth), p.Seq, p, i)
				rollup.AddEvent(row)
				return row
			})},
	} {
		if c.src == nil {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, c.src); err != nil {
			return st, fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	if err := writeRollup(ctx, tx, &rollup); err != nil {
		return st, fmt.Errorf("rollup: %w", err)
	}
	var written []int64 // articles whose events were written
	for i := range plans {
		if p := &plans[i]; p.Action != sqlstore.Skip && len(p.Doc.Events) > 0 {
			written = append(written, p.Seq)
		}
	}
	if len(written) > 0 {
		if _, err := tx.Exec(ctx, sqlstore.MapRollupAdd("e.article = ANY($1)"), written); err != nil {
			return st, fmt.Errorf("map rollup: %w", err)
		}
	}
	return st, nil
}

func strOrNil(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// copyRows yields, for COPY, the rows row makes of items 0 to n(doc)-1
// of each plan that is not skipped, one at a time; nil when there are
// none, so that no empty COPY is sent.
func copyRows(plans []sqlstore.Plan, n func(*petrel.Document) int, row func(p *sqlstore.Plan, i int) []any) pgx.CopyFromSource {
	total := 0
	for i := range plans {
		if plans[i].Action != sqlstore.Skip {
			total += n(plans[i].Doc)
		}
	}
	if total == 0 {
		return nil
	}
	pi, i := 0, 0
	return pgx.CopyFromFunc(func() ([]any, error) {
		for ; pi < len(plans); pi, i = pi+1, 0 {
			if p := &plans[pi]; p.Action != sqlstore.Skip && i < n(p.Doc) {
				i++
				return row(p, i-1), nil
			}
		}
		return nil, nil
	})
}

// writeRollup adds the rollup's changes to event_rollup, in key order, and
// deletes the rows they bring to zero events.
func writeRollup(ctx context.Context, tx pgx.Tx, rollup *sqlstore.Rollup) error {
	rows, down := rollup.Rows()
	const per = 4096 // 12 values a row, under PostgreSQL's 65,535 parameters
	for len(rows) > 0 {
		n := min(per, len(rows))
		var b strings.Builder
		b.WriteString("INSERT INTO event_rollup (" + sqlstore.RollupCols + ") VALUES ")
		args := make([]any, 0, n*12)
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range r {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				fmt.Fprintf(&b, "$%d", len(args))
			}
			b.WriteByte(')')
		}
		b.WriteString(sqlstore.RollupUpsert)
		if _, err := tx.Exec(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	if len(down) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM event_rollup WHERE k = ANY($1) AND n = 0`, down); err != nil {
			return err
		}
	}
	return nil
}

// Events implements petrel.Store.
func (s *Store) Events(ctx context.Context, f petrel.EventFilter) ([]*petrel.StoredEvent, string, error) {
	return sqlstore.Events(ctx, s.db, &dialect, f)
}

// EachEvent implements petrel.Store.
func (s *Store) EachEvent(ctx context.Context, f petrel.EventFilter, fn func(*petrel.StoredEvent) error) error {
	return sqlstore.EachEvent(ctx, s.db, &dialect, f, fn)
}

// Grid implements petrel.Store.
func (s *Store) Grid(ctx context.Context, q petrel.GridQuery) ([]petrel.GridCell, error) {
	return sqlstore.Grid(ctx, s.db, &dialect, q)
}

// Places implements petrel.Store.
func (s *Store) Places(ctx context.Context, f petrel.EventFilter) ([]petrel.PlaceStats, error) {
	return sqlstore.Places(ctx, s.db, &dialect, f)
}

// Event implements petrel.Store.
func (s *Store) Event(ctx context.Context, id string) (*petrel.StoredEvent, error) {
	return sqlstore.Event(ctx, s.db, id)
}

// Article implements petrel.Store.
func (s *Store) Article(ctx context.Context, id string) (*petrel.StoredArticle, error) {
	return sqlstore.Article(ctx, s.db, id)
}

// Stats implements petrel.Store.
func (s *Store) Stats(ctx context.Context, q petrel.StatsQuery) ([]petrel.StatsRow, error) {
	return sqlstore.Stats(ctx, s.db, &dialect, q)
}

// Actors implements petrel.Store.
func (s *Store) Actors(ctx context.Context, prefix string, limit int) ([]petrel.ActorCount, error) {
	return sqlstore.Actors(ctx, s.db, prefix, limit)
}

// Counts implements petrel.Store.
func (s *Store) Counts(ctx context.Context) (petrel.Counts, error) {
	return sqlstore.Counts(ctx, s.db)
}

// DSN returns the DSN the store was opened with.
func (s *Store) DSN() string { return s.dsn }

// DB returns the store's connection pool through database/sql, for checks
// and tools.
func (s *Store) DB() *sql.DB { return s.db }

// LoadWatchState calls fn with every entry of petrel watch's state
// (watch.StateStore).
func (s *Store) LoadWatchState(ctx context.Context, fn func(petrel.WatchEntry) error) error {
	return sqlstore.LoadWatchState(ctx, s.db, fn)
}

// SaveWatchState writes changes to petrel watch's state in one
// transaction (watch.StateStore).
func (s *Store) SaveWatchState(ctx context.Context, changes []petrel.WatchEntry) error {
	return sqlstore.SaveWatchState(ctx, s.db, changes)
}
