#!/usr/bin/env bash
# A throw-away Virtuoso (Debian's virtuoso-opensource) on loopback, to prove `datacareers push`.
#
#   scripts/virtuoso.sh install        apt-get install virtuoso-opensource (as root)
#   scripts/virtuoso.sh start [DIR]    fresh database in DIR, started, ready for pushes
#   scripts/virtuoso.sh stop  [DIR]    stop it (the database folder is left for a look)
#   scripts/virtuoso.sh env   [DIR]    print the URLs and credentials as shell variables
#
# It never touches the system database (/var/lib/virtuoso-opensource-7) nor the default
# ports (1111, 8890): it listens on 127.0.0.1 only, SQL on $VIRTUOSO_SQL_PORT (1112) and
# HTTP on $VIRTUOSO_HTTP_PORT (8891), and creates the user datacareers / datacareers with
# SPARQL update rights (used by the Graph Store endpoint /sparql-graph-crud-auth).
# The dba password stays the stock one: this is a test database on loopback, nothing else.
set -euo pipefail

DIR="${2:-${VIRTUOSO_DIR:-/tmp/datacareers-virtuoso}}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-1112}"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-8891}"
PUSH_USER="datacareers"
PUSH_PASSWORD="datacareers"
VSP=/var/lib/virtuoso-opensource-7/vsp

env_lines() {
  echo "VIRTUOSO_SPARQL=http://127.0.0.1:${HTTP_PORT}/sparql"
  echo "VIRTUOSO_GRAPH_STORE=http://127.0.0.1:${HTTP_PORT}/sparql-graph-crud-auth"
  echo "VIRTUOSO_USER=${PUSH_USER}"
  echo "VIRTUOSO_PASSWORD=${PUSH_PASSWORD}"
}

write_ini() {
  cat > "$DIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $DIR/virtuoso.db
ErrorLogFile    = $DIR/virtuoso.log
LockFile        = $DIR/virtuoso.lck
TransactionFile = $DIR/virtuoso.trx
xa_persistent_file = $DIR/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
MaxCheckpointRemap = 2000
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $DIR/virtuoso-temp.db
TransactionFile = $DIR/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping        = 0

[Parameters]
ServerPort      = 127.0.0.1:$SQL_PORT
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT        = 0
CaseMode        = 2
MaxStaticCursorRows = 5000
AllowOSCalls    = 0
DirsAllowed     = ., $DIR
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
MaxQueryMem     = 512M

[HTTPServer]
ServerPort      = 127.0.0.1:$HTTP_PORT
ServerRoot      = $VSP
MaxClientConnections = 10
DavRoot         = DAV
EnabledDavVSP   = 0
HTTPProxyEnabled = 0
ServerThreads   = 10
MaxKeepAlives   = 10
KeepAliveTimeout = 10
Charset         = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
DefaultGraph    = https://w3id.org/datacareers/

[Plugins]
EOF
}

isql() {
  isql-vt "127.0.0.1:$SQL_PORT" dba dba "$@"
}

start() {
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: run $0 install" >&2; exit 2; }
  if [ -f "$DIR/virtuoso.pid" ] && kill -0 "$(cat "$DIR/virtuoso.pid")" 2>/dev/null; then
    echo "already running (pid $(cat "$DIR/virtuoso.pid")) in $DIR" >&2
    env_lines
    return
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  write_ini
  pushd "$DIR" >/dev/null
  nohup virtuoso-t +foreground +configfile "$DIR/virtuoso.ini" > "$DIR/stdout.log" 2>&1 &
  echo $! > "$DIR/virtuoso.pid"
  popd >/dev/null
  for _ in $(seq 1 120); do
    if echo "status();" | isql >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$DIR/virtuoso.pid")" 2>/dev/null; then
      echo "virtuoso exited; see $DIR/virtuoso.log" >&2; tail -20 "$DIR/virtuoso.log" >&2; exit 1
    fi
    sleep 0.5
  done
  isql >/dev/null <<EOF
DB.DBA.USER_CREATE ('$PUSH_USER', '$PUSH_PASSWORD');
GRANT SPARQL_SELECT TO "$PUSH_USER";
GRANT SPARQL_UPDATE TO "$PUSH_USER";
GRANT SPARQL_SPONGE TO "$PUSH_USER";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('$PUSH_USER', 15);
EOF
  for _ in $(seq 1 60); do
    if curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D"; then
      echo "virtuoso ready in $DIR (pid $(cat "$DIR/virtuoso.pid"))" >&2
      env_lines
      return
    fi
    sleep 0.5
  done
  echo "virtuoso's HTTP port $HTTP_PORT did not answer; see $DIR/virtuoso.log" >&2
  exit 1
}

stop() {
  if [ -f "$DIR/virtuoso.pid" ]; then
    pid="$(cat "$DIR/virtuoso.pid")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/virtuoso.pid"
    echo "stopped" >&2
  fi
}

case "${1:-}" in
  install)
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q -o DPkg::Lock::Timeout=300 virtuoso-opensource curl
    ;;
  start) start ;;
  stop) stop ;;
  env) env_lines ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
