//go:build linux

package parse

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// allocWeights returns a zeroed slice of n int16 weights for a scoring
// table. On Linux the tables live in their own anonymous mapping, marked
// for transparent huge pages: scoring reads one random row per feature, and
// with 4 KiB pages nearly every read of a 10–40 MB table also misses the
// TLB. Huge pages make those reads markedly faster. free, called when the
// table is unreachable, unmaps it. If mapping fails, the slice comes from
// the Go heap.
func allocWeights(n int) (w []int16, free func()) {
	const huge = 2 << 20
	size := (n*2 + huge - 1) / huge * huge
	if n < huge/2 || os.Getenv("PETREL_HUGEPAGES") == "0" {
		return make([]int16, n), nil
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]int16, n), nil
	}
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE; advice only, ignore failure
	w = unsafe.Slice((*int16)(unsafe.Pointer(&b[0])), n)
	return w, func() { syscall.Munmap(b) }
}

// setFree arranges for free to run once t is unreachable.
func setFree(t *table, free func()) {
	if free != nil {
		runtime.AddCleanup(t, func(f func()) { f() }, free)
	}
}
