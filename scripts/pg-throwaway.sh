#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster on 127.0.0.1:54329 with trust auth, for machines
# where no PostgreSQL answers on 5432. Installs Debian's postgresql when initdb is missing.
set -euo pipefail
dir=${PG_THROWAWAY_DIR:-/tmp/collections-pg}
port=54329
find_bin() { command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1; }
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ -z "$(find_bin initdb)" ]; then
      echo "pg-throwaway: installing Debian's postgresql"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "$initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
    run "$pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start >/dev/null
    echo "pg-throwaway: PostgreSQL on 127.0.0.1:$port"
    ;;
  stop)
    pg_ctl=$(find_bin pg_ctl)
    [ -d "$dir/data" ] && run "$pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    rm -rf "$dir"
    ;;
esac
