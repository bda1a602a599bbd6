# Shared shell helpers for Sparrow's scripts: paths, logging, port checks. Sourced, not run.
SPARROW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_BIN="$SPARROW_ROOT/.tools/bin"
# shellcheck source=versions.env
source "$SPARROW_ROOT/scripts/versions.env"

say() { printf '\033[1;34m[sparrow]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[sparrow] error:\033[0m %s\n' "$*" >&2; exit 1; }

# True when MONGODB_URI points at a MongoDB that Sparrow does not run itself.
uses_external_mongo() { [ -n "${MONGODB_URI:-}" ]; }

# True when TEMPORAL_ADDRESS points at a Temporal server that Sparrow does not run itself.
uses_external_temporal() { [ -n "${TEMPORAL_ADDRESS:-}" ]; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits up to $2 seconds for port $1 to accept connections.
wait_port() {
  local port=$1 timeout=${2:-60} i
  for ((i = 0; i < timeout * 10; i++)); do
    port_open "$port" && return 0
    sleep 0.1
  done
  return 1
}

# Prints the path of a provisioned binary: .tools/bin first, then PATH.
tool_path() {
  if [ -x "$TOOLS_BIN/$1" ]; then echo "$TOOLS_BIN/$1"; else command -v "$1" || true; fi
}
