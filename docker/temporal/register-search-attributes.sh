#!/bin/sh
# One-shot setup job for docker-compose service `temporal-setup` (image temporalio/admin-tools, which
# ships the `temporal` CLI). Waits for the Temporal frontend and the namespace, then registers
# Sparrow's custom search attributes and checks they are visible.
#
#   TEMPORAL_ADDRESS                frontend host:port, e.g. temporal:7233 (required)
#   TEMPORAL_NAMESPACE              namespace (default: default; created if auto-setup did not)
#   SPARROW_SEARCH_ATTRIBUTES_FILE  the repository's contracts/searchAttributes.json mounted into the container
#                                   (default /sparrow/searchAttributes.json): one flat JSON object of
#                                   "Name": "Type" pairs, e.g. {"SparrowDefinitionKey": "Keyword"}
#
# Idempotent: the server treats re-registering an existing attribute as a no-op, and the CLI fails
# loudly if an attribute already exists with another type. Exits non-zero on failure, so services
# that depend on it with `condition: service_completed_successfully` do not start.
set -eu

: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required, e.g. temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${SPARROW_SEARCH_ATTRIBUTES_FILE:=/sparrow/searchAttributes.json}"
: "${NAMESPACE_RETENTION:=720h}"
: "${MAX_ATTEMPTS:=90}"
: "${SLEEP_SECONDS:=2}"

log() { echo "[temporal-setup] $*"; }

# retry <what> <command...>: runs the command until it succeeds; after MAX_ATTEMPTS, shows its
# output and fails.
retry() {
  what=$1
  shift
  attempt=1
  until "$@" >/dev/null 2>&1; do
    if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
      log "giving up on: $what (after $attempt attempts); last output:"
      "$@" || true
      exit 1
    fi
    log "waiting: $what ($attempt/$MAX_ATTEMPTS)"
    attempt=$((attempt + 1))
    sleep "$SLEEP_SECONDS"
  done
}

# Read the Name=Type pairs from the JSON file without relying on jq in the image: the file is one flat object of string
# pairs, so whitespace is removed, the braces stripped, the rest split at commas, each entry "Name":"Type".
if [ ! -r "$SPARROW_SEARCH_ATTRIBUTES_FILE" ]; then
  log "cannot read $SPARROW_SEARCH_ATTRIBUTES_FILE (mount contracts/searchAttributes.json there)"
  exit 1
fi
body=$(tr -d ' \t\r\n' < "$SPARROW_SEARCH_ATTRIBUTES_FILE")
case $body in
  '{'*'}')
    body=${body#'{'}
    body=${body%'}'}
    ;;
  *) log "$SPARROW_SEARCH_ATTRIBUTES_FILE is not one JSON object"; exit 1 ;;
esac
pairs=$(printf '%s' "$body" | tr ',' '\n' | sed 's/^"\([^"]*\)":"\([^"]*\)"$/\1=\2/' | tr '\n' ' ')
pairs=${pairs% }

# Validate the list first and build "--name N --type T" for every pair (one create call).
set --
for pair in $pairs; do
  name=${pair%%=*}
  type=${pair#*=}
  if [ -z "$name" ] || [ -z "$type" ] || [ "$name" = "$pair" ]; then
    log "bad entry '$pair' in $SPARROW_SEARCH_ATTRIBUTES_FILE (expected \"Name\": \"Type\")"
    exit 1
  fi
  set -- "$@" --name "$name" --type "$type"
done
if [ "$#" -eq 0 ]; then
  log "$SPARROW_SEARCH_ATTRIBUTES_FILE lists no attributes"
  exit 1
fi

retry "Temporal frontend at $TEMPORAL_ADDRESS" \
  temporal operator cluster health --address "$TEMPORAL_ADDRESS"
log "Temporal frontend at $TEMPORAL_ADDRESS is serving"

# temporalio/auto-setup registers the default namespace in the background shortly after start; give
# it time, then create the namespace ourselves (covers a non-default TEMPORAL_NAMESPACE).
namespace_ready() {
  temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS"
}
attempt=1
until namespace_ready >/dev/null 2>&1; do
  if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
    log "namespace $TEMPORAL_NAMESPACE never appeared"
    namespace_ready || true
    exit 1
  fi
  if [ "$attempt" -ge 10 ]; then
    log "creating namespace $TEMPORAL_NAMESPACE"
    temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" \
      --retention "$NAMESPACE_RETENTION" --address "$TEMPORAL_ADDRESS" || true
  fi
  log "waiting: namespace $TEMPORAL_NAMESPACE ($attempt/$MAX_ATTEMPTS)"
  attempt=$((attempt + 1))
  sleep "$SLEEP_SECONDS"
done
log "namespace $TEMPORAL_NAMESPACE exists"

retry "search attributes registered in $TEMPORAL_NAMESPACE" \
  temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" "$@"

# Confirm every attribute is visible before reporting success.
for pair in $pairs; do
  name=${pair%%=*}
  retry "search attribute $name listed" sh -c \
    'temporal operator search-attribute list --namespace "$1" --address "$2" | grep -qw "$3"' \
    sh "$TEMPORAL_NAMESPACE" "$TEMPORAL_ADDRESS" "$name"
done
log "registered in namespace $TEMPORAL_NAMESPACE: $pairs"
