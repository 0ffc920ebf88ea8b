#!/bin/sh
# bench.sh runs petrel's speed benchmarks over the shared Reuters-21578
# corpus (../shared/corpus/reuters-21578/articles.jsonl; benchmarks skip
# with a message when it is absent) and prints a benchstat summary.
#
#	scripts/bench.sh                      # run, save to $OUT, summarise
#	scripts/bench.sh /tmp/old-bench.txt   # ... and compare with an earlier run
#
# Environment: COUNT (runs per benchmark, default 6), BENCH (regexp, default
# all), OUT (result file, default /tmp/petrel-bench.txt), PETREL_BENCH_ARTICLES
# (use only the first N articles in the coder benchmarks, for quick runs).
# The stage benchmarks run on one core (-cpu 1); the end-to-end
# BenchmarkPipeline also runs on two (-cpu 1,2) to show scaling.
set -eu
cd "$(dirname "$0")/.."
COUNT=${COUNT:-6}
BENCH=${BENCH:-.}
OUT=${OUT:-${TMPDIR:-/tmp}/petrel-bench.txt}
mkdir -p "$(dirname "$OUT")"
: >"$OUT"

run() { # packages cpu-list
	go test -run '^$' -bench "$BENCH" -benchmem -count "$COUNT" -cpu "$2" $1 | tee -a "$OUT"
}
run "./text ./when ./coder" 1
run "./cmd/petrel" 1,2

# benchstat: an installed one, else `go run` it (needs the module proxy),
# else the raw results above are the summary.
if command -v benchstat >/dev/null 2>&1; then
	BS=benchstat
elif [ -x "$(go env GOPATH)/bin/benchstat" ]; then
	BS="$(go env GOPATH)/bin/benchstat"
else
	BS="go run golang.org/x/perf/cmd/benchstat@latest"
fi
echo
echo "== benchstat ($OUT${1:+ vs $1}) =="
if ! $BS ${1:+"$1"} "$OUT" 2>/dev/null; then
	echo "benchstat unavailable (install: go install golang.org/x/perf/cmd/benchstat@latest); raw results are in $OUT"
fi
