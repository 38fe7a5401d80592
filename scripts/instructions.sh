#!/usr/bin/env bash
# Instructions per signed cache hit, counted rather than timed: each server runs under valgrind's
# callgrind, its counters are zeroed once it answers, wrk sends load.sh's request for a few
# seconds, and the count is divided by the requests answered. The count does not move with the
# machine's load, so two commits can be compared on a noisy machine where throughput cannot
# (docs/PERFORMANCE.md). It counts user space only: the kernel's TCP work, most of a request's
# cost under load, is not in it. Under valgrind SHA-1 runs in software (valgrind's CPU has no
# SHA extensions), so the signature's share is larger here than on the real CPU.
#
# Rows: the bare ceiling (examples/ceiling.rs), the ceiling reading the body, + the form and the
# signature, + the responder (the checks no webhook can skip, with Clara's code), and Clara.
#
# Usage: scripts/instructions.sh [SECONDS]   (default 6 s of wrk -c2 per server)
# Needs valgrind and wrk (Debian packages; installed when missing). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load.sh
DURATION=${1:-6}
PORT=5088
TOKEN=load-test-token
URL="http://127.0.0.1:${PORT}/webhook"

need wrk
need valgrind
need callgrind_control valgrind
build_both
WORK=$(mktemp -d)
SERVER=''
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

request_lua "$WORK/request.lua" "$URL" "$TOKEN"

# count NAME ENV... -- COMMAND...: prints "NAME instructions-per-request requests".
count() {
  local name=$1 env=() out requests total
  shift
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  env ${env[@]+"${env[@]}"} valgrind --tool=callgrind --callgrind-out-file="$WORK/$name.%p" \
    "$@" > /dev/null 2>&1 &
  SERVER=$!
  # Anything that answers HTTP is up (the checks refuse a GET with 403).
  for _ in $(seq 600); do curl -sS -o /dev/null "http://127.0.0.1:${PORT}/" 2>/dev/null && break; sleep 0.1; done
  callgrind_control -z "$SERVER" > /dev/null
  out=$(wrk -t1 -c2 -d"${DURATION}s" -s "$WORK/request.lua" "$URL")
  if echo "$out" | grep -q Non-2xx; then echo "$name: some requests were refused" >&2; exit 1; fi
  callgrind_control -d "$SERVER" > /dev/null
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=''
  # The dump made by -d (the one with a part number), not the one made at exit.
  total=$(callgrind_annotate "$(ls "$WORK/$name".*.1)" 2>/dev/null \
    | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo "$name $((total / requests)) $requests"
}

checks=(CEILING_CHECKS_TOKEN=$TOKEN CEILING_CHECKS_URL="http://127.0.0.1:${PORT}")
{
  count ceiling -- "$CEIL_BIN" "127.0.0.1:$PORT"
  count body CEILING_READ_BODY=1 -- "$CEIL_BIN" "127.0.0.1:$PORT"
  count signature "${checks[@]}" CEILING_CHECKS_MATCH=0 -- "$CEIL_BIN" "127.0.0.1:$PORT"
  count checks "${checks[@]}" -- "$CEIL_BIN" "127.0.0.1:$PORT"
  count clara TWILIO_AUTH_TOKEN=$TOKEN DEMO_MODE=true PUBLIC_URL="http://127.0.0.1:${PORT}" \
    LOG_LEVEL=warn PORT=$PORT -- "$BIN" serve
} > "$WORK/counts"

bare=$(awk '$1 == "ceiling" { print $2 }' "$WORK/counts")
echo "Machine: $(nproc) cores; $(date -u +'%F %H:%M') UTC; $(valgrind --version); commit $(git rev-parse --short HEAD)"
echo "Command: scripts/instructions.sh $DURATION"
echo
echo "| server | instructions per request (user space) | against the bare ceiling | requests counted |"
echo "|---|---|---|---|"
while read -r name per requests; do
  case $name in
    ceiling) what="bare ceiling" ;;
    body) what="+ reading the body" ;;
    signature) what="+ the form and the signature" ;;
    checks) what="+ the responder (the checks)" ;;
    clara) what="Clara" ;;
  esac
  echo "| $what | $per | $(ratio "$per" "$bare") | $requests |"
done < "$WORK/counts"
