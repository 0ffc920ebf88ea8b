//go:build !unix

package parse

import "time"

// cpuTime returns -1: CPU time is read only on Unix systems, and speed
// falls back to wall-clock time.
func cpuTime() time.Duration { return -1 }
