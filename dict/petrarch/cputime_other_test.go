//go:build !unix

package petrarch

import "time"

var start0 = time.Now()

// cpuTime falls back to the wall clock where rusage is not available.
func cpuTime() time.Duration { return time.Since(start0) }
