// Package pgtest gives tests a PostgreSQL schema of their own in the
// database PETREL_TEST_POSTGRES names, so tests of several packages share
// one server without seeing each other's rows.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// DSN returns PETREL_TEST_POSTGRES, or skips the test when it is unset. It
// fails the test when the value is not a postgres:// URL.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("PETREL_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("PETREL_TEST_POSTGRES is unset: skipping PostgreSQL (source .ci/postgres.sh to run it)")
	}
	if u, err := url.Parse(dsn); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		tb.Fatalf("PETREL_TEST_POSTGRES must be a postgres:// URL, not %q", dsn)
	}
	return dsn
}

// Schema creates a schema named prefix + a random suffix in the database
// PETREL_TEST_POSTGRES names (skipping the test when it is unset), drops
// it when the test ends, and returns a DSN whose search_path is that
// schema.
func Schema(tb testing.TB, prefix string) string {
	tb.Helper()
	dsn := DSN(tb)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := prefix + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Error(err)
		}
	})
	u, _ := url.Parse(dsn) // checked by DSN
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
