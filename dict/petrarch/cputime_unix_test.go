//go:build unix

package petrarch

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) this process has used. Timing
// budgets use it rather than the wall clock, so a busy machine does not
// fail them.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
