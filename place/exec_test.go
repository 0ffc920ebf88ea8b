package place_test

import (
	"os/exec"
	"testing"
)

// goRun returns a command running `go run` with args in this directory.
func goRun(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	return exec.Command("go", append([]string{"run"}, args...)...)
}
