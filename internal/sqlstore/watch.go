package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"petrel"
)

// The watch_state statements, the same in SQLite and PostgreSQL.
const (
	watchLoad   = `SELECT kind, k, v FROM watch_state`
	watchPut    = `INSERT INTO watch_state (kind, k, v) VALUES ($1, $2, $3) ON CONFLICT (kind, k) DO UPDATE SET v = excluded.v`
	watchDelete = `DELETE FROM watch_state WHERE kind = $1 AND k = $2`
)

// LoadWatchState calls fn with every row of watch_state.
func LoadWatchState(ctx context.Context, db *sql.DB, fn func(petrel.WatchEntry) error) error {
	rows, err := db.QueryContext(ctx, watchLoad)
	if err != nil {
		return fmt.Errorf("load watch state: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e petrel.WatchEntry
		if err := rows.Scan(&e.Kind, &e.Key, &e.Value); err != nil {
			return fmt.Errorf("load watch state: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load watch state: %w", err)
	}
	return nil
}

// SaveWatchState writes changes to watch_state in one transaction: every
// one of them, or on error none.
func SaveWatchState(ctx context.Context, db *sql.DB, changes []petrel.WatchEntry) error {
	if len(changes) == 0 {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	defer tx.Rollback()
	put, err := tx.PrepareContext(ctx, watchPut)
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	defer put.Close()
	del, err := tx.PrepareContext(ctx, watchDelete)
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	defer del.Close()
	for _, e := range changes {
		if e.Delete {
			_, err = del.ExecContext(ctx, e.Kind, e.Key)
		} else {
			_, err = put.ExecContext(ctx, e.Kind, e.Key, e.Value)
		}
		if err != nil {
			return fmt.Errorf("save watch state: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	return nil
}
