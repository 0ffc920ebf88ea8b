#!/bin/sh
# sample-events.sh builds petrel from this checkout, codes the Reuters-21578
# corpus (../shared/corpus) to jsonl and draws a reproducible sample of its
# events for judging precision by hand (docs/eval/reuters-precision-*.md).
#
#	scripts/sample-events.sh [SEED [N]]        # default seed 1, 100 events
#	TEXT=1 scripts/sample-events.sh 1 100      # also print each sentence
#
# It prints a Markdown table (article id, sentence byte offsets, code,
# source, target, verb) with empty verdict and reason columns. With TEXT=1
# each sentence follows its row: for the judge only, never to be committed,
# since it copies the corpus. The events are kept in $OUT (default
# /tmp/petrel-events-<commit>.jsonl).
set -eu
cd "$(dirname "$0")/.."
SEED=${1:-1}
N=${2:-100}
COMMIT=$(git rev-parse --short HEAD)
BIN=${TMPDIR:-/tmp}/petrel-sample-$COMMIT
OUT=${OUT:-${TMPDIR:-/tmp}/petrel-events-$COMMIT.jsonl}
go build -o "$BIN" ./cmd/petrel
"$BIN" code --format jsonl --progress=false ../shared/corpus/reuters-21578/articles.jsonl >"$OUT"
echo "commit $COMMIT: $(wc -l <"$OUT") events in $OUT; seed $SEED, $N drawn" >&2
if [ "${TEXT:-}" = 1 ]; then
	go run ./scripts/sample-events -seed "$SEED" -n "$N" -text "$OUT"
else
	go run ./scripts/sample-events -seed "$SEED" -n "$N" "$OUT"
fi
