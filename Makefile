# Developer shortcuts. `make bench` runs the speed benchmarks over the
# shared corpus and prints a benchstat summary (see docs/PERFORMANCE.md);
# BASE=/tmp/old-bench.txt compares with an earlier run.

.PHONY: build test bench

build:
	go build ./...

test:
	go test ./...

bench:
	scripts/bench.sh $(BASE)
