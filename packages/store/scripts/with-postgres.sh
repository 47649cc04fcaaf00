#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: a new cluster in a temporary directory, owned by an
# unprivileged user, listening on 127.0.0.1 only, on a free port; the command gets its URL in
# RCS_RECORDS_TEST_POSTGRES_URL (password authentication, so tests can check the password never leaks). The server
# is stopped and its directory removed when the command ends, however it ends.
#
#   packages/store/scripts/with-postgres.sh npx vitest run --project store
#
# PostgreSQL comes from the distribution's packages: when no initdb is found and we are root, it is installed
# (Debian/Ubuntu: apt-get update once, then apt-get install -y postgresql). Set PG_BIN to use another build.
set -euo pipefail

find_bin() {
  local dir
  for dir in "${PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)"); do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! PG_BIN="$(find_bin)"; then
  if [ "$(id -u)" != 0 ]; then
    echo "with-postgres: no PostgreSQL found; install it (apt-get install postgresql) or set PG_BIN" >&2
    exit 1
  fi
  echo "with-postgres: installing PostgreSQL from the distribution's packages" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  PG_BIN="$(find_bin)"
fi

# The server refuses to run as root: run it as an unprivileged user (Debian's package creates 'postgres').
as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    local user="${PG_USER:-postgres}"
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

work="$(mktemp -d -t rcs-records-pg.XXXXXX)"
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "${PG_USER:-postgres}" "$work"
password="$(node -e "process.stdout.write(require('node:crypto').randomBytes(18).toString('base64url'))")"
port="${RCS_RECORDS_TEST_POSTGRES_PORT:-$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")}"

stop() {
  as_server_user "$PG_BIN/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT INT TERM

printf '%s\n' "$password" >"$work/pwfile"
[ "$(id -u)" = 0 ] && chown "${PG_USER:-postgres}" "$work/pwfile"
as_server_user "$PG_BIN/initdb" -D "$work/data" -U rcs --pwfile="$work/pwfile" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
rm -f "$work/pwfile"
as_server_user "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off -c max_connections=200" \
  start >/dev/null || { cat "$work/server.log" >&2; exit 1; }
PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U rcs -d postgres -qAtc 'CREATE DATABASE rcs_test' >/dev/null

export RCS_RECORDS_TEST_POSTGRES_URL="postgres://rcs:${password}@127.0.0.1:${port}/rcs_test"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
