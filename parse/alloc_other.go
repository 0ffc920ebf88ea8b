//go:build !linux

package parse

// allocWeights returns a zeroed slice of n int16 weights from the Go heap.
func allocWeights(n int) ([]int16, func()) { return make([]int16, n), nil }

func setFree(t *table, free func()) {}
