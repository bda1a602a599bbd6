# PostgreSQL for FerretDB's postgresql backend: the server binaries, the unprivileged user that runs them, a private
# cluster (trust auth, superuser `sparrow`, database `ferretdb`, loopback only) and its readiness. Sourced, not run;
# needs lib.sh. scripts/dev-stack uses it directly, scripts/lib/ferretdb.ts through scripts/pg-cluster.

PG_SUPERUSER=sparrow
PG_DATABASE=ferretdb
PG_DEV_PORT_DEFAULT=54329

# Prints the directory holding initdb, postgres and pg_isready: PATH first, else the highest /usr/lib/postgresql/*/bin.
pg_bin_dir() {
  local dir
  if dir=$(command -v initdb 2>/dev/null) && dir=$(dirname "$dir") && [ -x "$dir/postgres" ] && [ -x "$dir/pg_isready" ]; then
    echo "$dir"; return 0
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && [ -x "$dir/pg_isready" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

# The user PostgreSQL runs as: the current one, or the `postgres` system user when we are root (PostgreSQL refuses root).
pg_run_user() {
  if [ "$(id -u)" != 0 ]; then id -un; elif id -u postgres >/dev/null 2>&1; then echo postgres; else return 1; fi
}

# Runs a command as pg_run_user, from / (so a cwd it cannot enter does not matter); exec-style when the caller execs.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && exec setpriv --reuid=postgres --regid="$(id -g postgres)" --init-groups -- "$@")
  else
    (cd / && exec "$@")
  fi
}

# Whether the FerretDB binary $1 has its PostgreSQL handler (its --help lists --postgresql-url).
ferretdb_has_postgresql() {
  local help
  [ -n "$1" ] && help=$("$1" --help 2>/dev/null) && grep -q -- '--postgresql-url' <<<"$help"
}

# Prints why FerretDB cannot run on PostgreSQL here (one line: why, and how to get it) and fails; silent when it can.
# $1: the FerretDB binary to check for its PostgreSQL handler.
pg_unavailable_reason() {
  local ferretdb=$1
  if ! pg_bin_dir >/dev/null; then
    echo "no PostgreSQL server binaries (initdb, postgres, pg_isready) on PATH or in /usr/lib/postgresql/*/bin; install Debian's 'postgresql' package (apt-get install postgresql) to use the default PostgreSQL backend"
    return 0
  fi
  if ! pg_run_user >/dev/null; then
    echo "running as root and there is no 'postgres' user to run PostgreSQL as (it refuses to run as root); create one (useradd --system postgres) or install Debian's 'postgresql' package"
    return 0
  fi
  if ! ferretdb_has_postgresql "$ferretdb"; then
    echo "FerretDB (${ferretdb:-not installed}) was built without its PostgreSQL handler; run 'npm run setup', which builds it with that handler"
    return 0
  fi
  return 1
}

# Prints the first directory on the way to $1 (from /) that pg_run_user may not enter; silent when the way is open.
pg_blocked_dir() {
  local target=$1 prefix="" part
  local IFS=/
  for part in $target; do
    [ -n "$part" ] || continue
    prefix="$prefix/$part"
    [ -e "$prefix" ] || return 0
    if ! as_pg_user test -x "$prefix"; then echo "$prefix"; return 0; fi
  done
}

# Lets pg_run_user reach $1 (root only): grants search permission (o+x, not read) on each directory in the way, saying so.
pg_grant_search() {
  local target=$1 blocked tries=0
  while blocked=$(pg_blocked_dir "$target") && [ -n "$blocked" ]; do
    [ "$(id -u)" = 0 ] && [ "$tries" -lt 20 ] || die "PostgreSQL runs as '$(pg_run_user)', which cannot enter $blocked (mode $(stat -c %a "$blocked")); allow it (chmod o+x $blocked) or move the data directory"
    say "letting '$(pg_run_user)' (PostgreSQL) pass through $blocked: chmod o+x (search only, no listing)"
    chmod o+x "$blocked"
    tries=$((tries + 1))
  done
}

# Creates the cluster in $1 unless it exists: initdb (trust auth, superuser sparrow), then the database FerretDB uses.
# Built in $1.partial and renamed, so a cluster dir is always complete. $2=ephemeral skips fsync (test runs).
pg_init_cluster() {
  local dir=$1 mode=${2:-durable} bin partial out
  [ -f "$dir/PG_VERSION" ] && return 0
  bin=$(pg_bin_dir) || die "no PostgreSQL server binaries found"
  partial="$dir.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  [ "$(id -u)" = 0 ] && chown "postgres:$(id -g postgres)" "$partial"
  chmod 700 "$partial"
  local flags=(-D "$partial" -U "$PG_SUPERUSER" --auth=trust --encoding=UTF8 --locale=C)
  [ "$mode" = ephemeral ] && flags+=(--no-sync)
  out=$(as_pg_user "$bin/initdb" "${flags[@]}" 2>&1) || { echo "$out" >&2; die "initdb of $partial failed (output above)"; }
  out=$(echo "CREATE DATABASE $PG_DATABASE;" | as_pg_user "$bin/postgres" --single -D "$partial" -c listen_addresses= postgres 2>&1) \
    || { echo "$out" >&2; die "creating the database '$PG_DATABASE' in $partial failed (output above)"; }
  if grep -q ERROR <<<"$out"; then echo "$out" >&2; die "creating the database '$PG_DATABASE' in $partial failed (output above)"; fi
  mv "$partial" "$dir"
}

# The postgres command line (without the binary) serving cluster $1 on 127.0.0.1:$2; $3=ephemeral trades durability
# for speed (test runs). Unix sockets go into the cluster dir when its path is short enough, else there are none.
pg_server_args() {
  local dir=$1 port=$2 mode=${3:-durable} sockets=""
  [ "${#dir}" -lt 90 ] && sockets=$dir
  local args=(-D "$dir" -p "$port" -c listen_addresses=127.0.0.1 -c "unix_socket_directories=$sockets" -c unix_socket_permissions=0700)
  [ "$mode" = ephemeral ] && args+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  printf '%s\n' "${args[@]}"
}

# Waits up to $2 seconds (default 60) until the server on 127.0.0.1:$1 accepts connections to the FerretDB database.
pg_wait_ready() {
  local port=$1 timeout=${2:-60} bin i
  bin=$(pg_bin_dir) || return 1
  for ((i = 0; i < timeout * 10; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d "$PG_DATABASE" && return 0
    sleep 0.1
  done
  return 1
}

# The URL FerretDB's --postgresql-url gets for the server on 127.0.0.1:$1.
pg_url() { echo "postgres://$PG_SUPERUSER@127.0.0.1:$1/$PG_DATABASE"; }
