package ingest

// SetReadBufSize sets the JSON Lines buffer size (bufio's minimum is 16)
// so tests reach the long-line paths with small input, and returns a
// function that restores it.
func SetReadBufSize(n int) (restore func()) {
	old := readBufSize
	readBufSize = n
	return func() { readBufSize = old }
}
