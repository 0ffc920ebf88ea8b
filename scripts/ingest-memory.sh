#!/bin/sh
# ingest-memory.sh measures the peak resident memory of `petrel serve`
# while it codes and stores one large POST /api/articles request: a new
# SQLite store (or $PETREL_DB), one server per body, one curl per server,
# and the server's "Maximum resident set size" from /usr/bin/time -v.
#
#	scripts/ingest-memory.sh                  # every body
#	scripts/ingest-memory.sh dense wire       # some of them
#
# Bodies (about $SIZE bytes of text each, default 7 MB; the cap is 8 MiB):
#   tiny    one short article: the idle server
#   dense   examples/*.txt repeated: dense political news
#   wire    Reuters-21578 texts (../shared/corpus) joined into one article,
#           those a story discard drops left out: wire news
#   many    the same Reuters texts as separate articles in one request
#   repeat  "Russia attacked Ukraine." repeated: an event every 25 bytes
#
# Environment: PETREL (the binary; default: build one into $TMPDIR),
# SERVE_FLAGS (extra flags for petrel serve, for example --parse=false),
# SIZE, TMPDIR. Needs python3, curl and /usr/bin/time.
set -eu
cd "$(dirname "$0")/.."
SIZE=${SIZE:-7000000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/petrel-ingest-memory.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
if [ -z "${PETREL:-}" ]; then
	PETREL=$TMP/petrel
	go build -o "$PETREL" ./cmd/petrel
fi
BODIES=${*:-tiny dense wire many repeat}

# body NAME writes $TMP/NAME.json.
body() {
	python3 - "$1" "$SIZE" "$TMP/$1.json" <<'EOF'
import glob, json, subprocess, sys
name, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def fill(unit):
    return (unit * (size // len(unit) + 1))[:size]
if name == "tiny":
    body = {"id": "tiny", "text": "Russia met Ukraine in Geneva."}
elif name == "dense":
    unit = "".join(open(f).read() + "\n\n" for f in sorted(glob.glob("examples/*.txt")))
    body = {"id": "dense", "date": "2024-06-04", "text": fill(unit)}
elif name == "repeat":
    body = {"id": "repeat", "date": "2024-06-04", "text": fill("Russia attacked Ukraine. ")}
else:
    keep = set(open(out + ".keep").read().split())
    arts, n = [], 0
    for l in open("../shared/corpus/reuters-21578/articles.jsonl"):
        a = json.loads(l)
        if a["id"] not in keep or n + len(a["text"]) > size:
            continue
        arts.append({"id": a["id"], "date": a.get("date", ""), "title": a.get("title", ""), "text": a["text"]})
        n += len(a["text"]) + 2
    if name == "wire":
        body = {"id": "wire", "date": "1987-03-01", "text": "\n\n".join(a["text"] for a in arts)}
    else:
        body = arts
json.dump(body, open(out, "w"))
EOF
}

# keep lists the Reuters articles no story discard drops.
keep() {
	"$PETREL" code --format doc ../shared/corpus/reuters-21578/articles.jsonl 2>/dev/null |
		python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if not any(s.get("sentence") == -1 for s in d.get("skipped") or []):
        print(d["article"]["id"])' >"$1"
}

port=18590
printf '%-7s %9s %8s %8s %10s\n' body bytes events status max_rss
for b in $BODIES; do
	case $b in wire | many) [ -f "$TMP/keep" ] || keep "$TMP/keep"; cp "$TMP/keep" "$TMP/$b.json.keep" ;; esac
	body "$b"
	port=$((port + 1))
	db=$TMP/$b.db
	# shellcheck disable=SC2086
	/usr/bin/time -v -o "$TMP/$b.time" "$PETREL" serve --db "$db" --create --token t \
		--addr "127.0.0.1:$port" ${SERVE_FLAGS:-} >"$TMP/$b.log" 2>&1 &
	pid=$!
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "server did not start" >&2; cat "$TMP/$b.log" >&2; exit 1; }
		sleep 0.1
	done
	status=$(curl -s -o "$TMP/$b.out" -w '%{http_code} %{time_total}s' -H 'Authorization: Bearer t' \
		-H 'Content-Type: application/json' --data-binary @"$TMP/$b.json" "http://127.0.0.1:$port/api/articles")
	events=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("events", "-"))' "$TMP/$b.out" 2>/dev/null || echo -)
	# /usr/bin/time's child is petrel: stop it, and time reports.
	kill -TERM $(pgrep -P $pid) 2>/dev/null || true
	wait $pid 2>/dev/null || true
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2/1024}' "$TMP/$b.time")
	printf '%-7s %9d %8s %8s %10s\n' "$b" "$(wc -c <"$TMP/$b.json")" "$events" "$status" "$rss"
done
