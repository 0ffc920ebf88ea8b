package main

import (
	"context"
	"errors"
)

func (m *Main) runCode(ctx context.Context, args []string) error { return errors.New("not built yet") }
func (m *Main) runExplain(ctx context.Context, args []string) error {
	return errors.New("not built yet")
}
