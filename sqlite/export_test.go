package sqlite

// SetBusyTimeout sets how long stores opened afterwards wait for another
// process's lock, in milliseconds, and returns a function that restores it.
func SetBusyTimeout(ms int) func() {
	old := busyTimeout
	busyTimeout = ms
	return func() { busyTimeout = old }
}
