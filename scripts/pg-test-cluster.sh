#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for the storage and API tests.
#   pg-test-cluster.sh start DIR   initdb in DIR, start on a free loopback port, write DIR/url
#   pg-test-cluster.sh stop DIR    stop the server and remove DIR
# Without the server binaries it writes DIR/unavailable and exits 0: the PostgreSQL tests then
# skip with a visible message (scripts/setup.sh installs the binaries, so CI runs them).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}

bindir=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir=$d; break; fi
done

run_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  rm -rf "$dir"; mkdir -p "$dir"
  if [ -z "$bindir" ]; then
    echo "PostgreSQL server binaries not found: PostgreSQL tests will be skipped" | tee "$dir/unavailable"
    exit 0
  fi
  # initdb refuses to run as root: the cluster belongs to the postgres user then.
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  # A free loopback port: nothing answers a connect on it.
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  run_as_pg "$bindir/initdb" -D "$dir/data" -U tatausaha --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  run_as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  echo "postgresql://tatausaha@127.0.0.1:$port/postgres" > "$dir/url"
  echo "PostgreSQL test cluster on 127.0.0.1:$port"
  ;;
stop)
  if [ -n "$bindir" ] && [ -d "$dir/data" ]; then
    run_as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
