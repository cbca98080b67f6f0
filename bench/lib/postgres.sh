# Sourced by the PostgreSQL benchmarks: start_postgres DIR starts a private, durable PostgreSQL (initdb + pg_ctl on a
# free 127.0.0.1 port, as the 'postgres' account when run as root) in DIR, sized for bulk work (shared buffers 512 MB,
# max_wal_size 8 GB), sets PG_BIN, PG_PORT and PG_PASSWORD, and removes it on exit. pg_connection DATABASE prints the
# Npgsql connection string; pg_createdb DATABASE creates one.
start_postgres() {
  local dir=$1
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_AS=(); [ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
  PG_DIR=$dir; rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  PG_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  echo "$PG_PASSWORD" > "$PG_DIR/password"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U roundup --pwfile "$PG_DIR/password" --auth scram-sha-256 -E UTF8 --locale C.UTF-8 >/dev/null
  rm -f "$PG_DIR/password"
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c wal_compression=lz4 -c max_connections=200" start >/dev/null
  trap stop_postgres EXIT
}

stop_postgres() {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  rm -rf "$PG_DIR"
}

pg_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=roundup;Password=$PG_PASSWORD;Database=$1"; }

pg_createdb() { PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U roundup -d postgres -qc "CREATE DATABASE $1" >/dev/null; }
