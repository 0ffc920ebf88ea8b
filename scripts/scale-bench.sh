#!/usr/bin/env bash
# scale-bench.sh measures petrel's work queue on this machine: the corpus
# published to a local nats-server (built from the module graph), then
# drained by 1..N worker processes of one coding goroutine each into a
# fresh store, timed from the workers' start until the last one exits
# (--until-empty). It prints one line per worker count. See docs/SCALE.md.
#
#	scripts/scale-bench.sh [MAX_WORKERS]            # SQLite
#	PG=postgres://user:pw@host/db scripts/scale-bench.sh 4   # PostgreSQL
#
# CORPUS (default ../shared/corpus) changes the input.
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-3}
corpus=${CORPUS:-../shared/corpus}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/petrel" ./cmd/petrel
go build -o "$tmp/nats-server" github.com/nats-io/nats-server/v2
port=$((20000 + RANDOM % 20000))
url=nats://127.0.0.1:$port

for n in $(seq 1 "$max"); do
	rm -rf "$tmp/js"
	"$tmp/nats-server" -js -sd "$tmp/js" -a 127.0.0.1 -p "$port" >"$tmp/nats.log" 2>&1 &
	nats=$!
	sleep 1
	if [ -n "${PG:-}" ]; then
		schema=petrel_bench_${n}_$$
		psql -q "$PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
		sep='?'; [[ $PG == *\?* ]] && sep='&'
		db="$PG${sep}search_path=$schema"
	else
		db=$tmp/w$n.db
	fi
	"$tmp/petrel" publish --nats "$url" "$corpus" 2>>"$tmp/publish.log"
	start=$(date +%s.%N)
	pids=()
	for i in $(seq 1 "$n"); do
		"$tmp/petrel" worker --nats "$url" --db "$db" --until-empty --workers 1 --status 0 2>"$tmp/worker$i.log" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p"; done
	end=$(date +%s.%N)
	arts=$(cat "$tmp"/worker*.log | sed -n 's/.*: \([0-9]*\) articles coded and stored.*/\1/p' | paste -sd+ | bc)
	rm -f "$tmp"/worker*.log
	awk -v n="$n" -v a="$arts" -v s="$start" -v e="$end" 'BEGIN { printf "%d worker(s): %d articles in %.1f s = %.0f articles/s\n", n, a, e - s, a / (e - s) }'
	tail -1 "$tmp/publish.log"
	kill "$nats"; wait "$nats" 2>/dev/null || true
	if [ -n "${PG:-}" ]; then psql -q "$PG" -c "DROP SCHEMA $schema CASCADE"; fi
done
