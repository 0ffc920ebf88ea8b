#!/usr/bin/env bash
# postgres.sh starts a throwaway PostgreSQL server for the store tests and
# exports PETREL_TEST_POSTGRES. Source it from .ci/run:
#
#	. .ci/postgres.sh
#
# or run it and eval its last line:
#
#	eval "$(bash .ci/postgres.sh | tail -1)"
#
# It installs postgresql with apt-get when no server binaries are found,
# makes a data directory under ${PETREL_PGDATA:-/tmp/petrel-pg} owned by the
# postgres user (trust authentication, loopback only, fsync off: the data is
# disposable), starts the server on 127.0.0.1:${PETREL_PGPORT:-5432}, and
# creates the role and database "petrel". Running it again reuses a server
# that is already up. It must run as root or as the postgres user.

# Run in a subshell-safe way: when sourced, do not leak "set -e".
petrel_pg_main() {
	local port=${PETREL_PGPORT:-5432}
	local data=${PETREL_PGDATA:-/tmp/petrel-pg}
	local sock=$data-sock
	local bin
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
		echo "postgres.sh: installing postgresql" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2 || return 1
		apt-get install -y -qq postgresql >&2 || return 1
		bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
	fi
	local as=()
	if [ "$(id -u)" = 0 ]; then
		as=(runuser -u postgres --)
	fi
	if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
		if [ ! -f "$data/PG_VERSION" ]; then
			mkdir -p "$data" "$sock"
			[ "$(id -u)" = 0 ] && chown postgres:postgres "$data" "$sock"
			chmod 700 "$data"
			"${as[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 || return 1
		fi
		mkdir -p "$sock"
		[ "$(id -u)" = 0 ] && chown postgres:postgres "$sock"
		"${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off -c full_page_writes=off -c max_connections=200" \
			start >&2 || { cat "$data/server.log" >&2; return 1; }
	fi
	local psql=("${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
	if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'petrel'")" != 1 ]; then
		"${psql[@]}" -c "CREATE ROLE petrel LOGIN PASSWORD 'petrel'" >&2 || return 1
	fi
	if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'petrel'")" != 1 ]; then
		"${psql[@]}" -c "CREATE DATABASE petrel OWNER petrel" >&2 || return 1
	fi
	export PETREL_TEST_POSTGRES="postgres://petrel:petrel@127.0.0.1:$port/petrel?sslmode=disable"
	echo "export PETREL_TEST_POSTGRES='$PETREL_TEST_POSTGRES'"
}

petrel_pg_main
