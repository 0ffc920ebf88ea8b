package main

import (
	"context"
	"errors"
)

// Stubs, replaced by the store commands.

func (m *Main) runIngest(ctx context.Context, args []string) error {
	return errors.New("not built yet")
}
func (m *Main) runQuery(ctx context.Context, args []string) error { return errors.New("not built yet") }
func (m *Main) runStats(ctx context.Context, args []string) error { return errors.New("not built yet") }
func (m *Main) runServe(ctx context.Context, args []string) error { return errors.New("not built yet") }
