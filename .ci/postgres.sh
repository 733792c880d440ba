#!/usr/bin/env bash
# Starts a throwaway Postgres for the store tests and exports ELECSEC_TEST_POSTGRES_URL.
#
#   source .ci/postgres.sh     # sets ELECSEC_TEST_POSTGRES_URL in this shell
#   .ci/postgres.sh            # prints the export line
#
# Installs Debian's postgresql if it is missing, creates a cluster under
# ${ELECSEC_PG_DIR:-/tmp/elecsec-pg} listening on 127.0.0.1:${ELECSEC_PG_PORT:-55432}
# (trust authentication: it holds nothing but test data), starts it unless it runs, and
# creates the database elecsec_test. Running it again reuses all of that. Stop it with
#   runuser -u postgres -- /usr/lib/postgresql/*/bin/pg_ctl -D /tmp/elecsec-pg/data stop
# Everything but the URL goes to stderr, and it changes no option of a shell that sources it.

elecsec_start_postgres() (
	set -euo pipefail
	dir=${ELECSEC_PG_DIR:-/tmp/elecsec-pg}
	port=${ELECSEC_PG_PORT:-55432}
	db=elecsec_test

	log() { echo "postgres.sh: $*" >&2; }

	bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
	if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
		log "installing Debian's postgresql"
		if [ "$(id -u)" -ne 0 ]; then
			log "not root: cannot apt-get install postgresql"
			return 1
		fi
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		apt-get install -y -qq postgresql >&2
	fi
	bin=$(bindir)

	# The server refuses to run as root: run it, and everything that touches its files, as postgres.
	if [ "$(id -u)" -eq 0 ]; then
		as=(runuser -u postgres --)
		owner=postgres
	else
		as=()
		owner=$(id -un)
	fi
	mkdir -p "$dir"
	chown "$owner" "$dir"
	chmod 700 "$dir"

	if [ ! -f "$dir/data/PG_VERSION" ]; then
		log "creating a cluster in $dir/data"
		rm -rf "$dir/data"
		"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2
	fi

	if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		log "starting Postgres on 127.0.0.1:$port"
		"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >&2 || {
			tail -n 20 "$dir/server.log" >&2
			return 1
		}
	fi

	psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
	for _ in $(seq 30); do
		"${psql[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break
		sleep 1
	done
	if [ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
		log "creating database $db"
		"${psql[@]}" -d postgres -c "CREATE DATABASE $db" >&2
	fi
	echo "postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
)

if ELECSEC_TEST_POSTGRES_URL=$(elecsec_start_postgres); then
	export ELECSEC_TEST_POSTGRES_URL
	echo "export ELECSEC_TEST_POSTGRES_URL='$ELECSEC_TEST_POSTGRES_URL'"
	unset -f elecsec_start_postgres
else
	unset -f elecsec_start_postgres
	echo "postgres.sh: could not start Postgres" >&2
	# return when sourced, exit when run
	return 1 2>/dev/null || exit 1
fi
