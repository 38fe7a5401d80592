#!/usr/bin/env bash
# A calibration of scripts/load.sh itself: the hyper ceiling (examples/ceiling.rs) with one cost
# of Clara's added, against the plain ceiling in the same run. wrk shares the cores with the
# server, so one microsecond of work per request costs more than its share of throughput; this
# prints how much, to read Clara's ratios against (docs/PERFORMANCE.md).
#
# Usage: scripts/calibrate.sh [DURATION_S] [CONNECTIONS] [ADDED...]
#        (defaults: 5 s, 16 connections, 500 1000 2000 4000)
# Each ADDED is one row: a number spins that many nanoseconds per request (CEILING_WORK_NS);
# `body` reads the request's body (CEILING_READ_BODY); `redis` reads it and makes one pipelined
# round trip to a local redis-server, as a cache hit with REDIS_URL does (CEILING_REDIS_URL);
# `checks` reads it and does what no webhook can skip, with Clara's code: the form, the signature
# and the responder (CEILING_CHECKS_TOKEN; that row's requests are signed, for both servers);
# `signature` the same without the responder (CEILING_CHECKS_MATCH=0).
# Environment: LOAD_ROUNDS (default 3) alternating rounds, the median is reported.
# Needs wrk (and redis-server for `redis`; Debian packages, installed when missing). Traffic
# stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load.sh
DURATION=${1:-5}
CONNS=${2:-16}
shift $(( $# < 2 ? $# : 2 ))
ADDED=("$@")
[ ${#ADDED[@]} -eq 0 ] && ADDED=(500 1000 2000 4000)
ROUNDS=${LOAD_ROUNDS:-3}
PLAIN_PORT=5084
WORK_PORT=5085
REDIS_PORT=6392

need wrk
[[ " ${ADDED[*]} " == *" redis "* ]] && need redis-server
build_both
WORK=$(mktemp -d)
CEIL='' CLARA='' REDIS_SERVER=''
trap 'kill $CEIL $CLARA $REDIS_SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
TOKEN=calibrate-token
PLAIN_LUA=$WORK/request.lua
SIGNED_LUA=$WORK/signed.lua
request_lua "$PLAIN_LUA"
request_lua "$SIGNED_LUA" "http://127.0.0.1:$WORK_PORT/webhook" "$TOKEN"

wait_for() {
  for _ in $(seq 100); do curl -sS -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null && return; sleep 0.05; done
}

echo "Machine: $(nproc) cores, $(uname -r); $(date -u +'%F %H:%M') UTC; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Command: scripts/calibrate.sh $DURATION $CONNS ${ADDED[*]} (LOAD_ROUNDS=$ROUNDS)"
echo
echo "| added to the ceiling | req/s with it | plain ceiling | ratio of the medians | within each round | CPU / req with it | plain |"
echo "|---|---|---|---|---|---|---|"
# `rounds` names its two servers "clara" (the one with the added cost) and "ceiling".
$CEIL_BIN "127.0.0.1:$PLAIN_PORT" > /dev/null &
CEIL=$!
wait_for "$PLAIN_PORT"
for added in "${ADDED[@]}"; do
  LUA=$PLAIN_LUA
  case $added in
    body) what="reading the body"; env=(CEILING_READ_BODY=1) ;;
    checks)
      what="reading the body + the form, the signature and the responder"
      env=(CEILING_CHECKS_TOKEN=$TOKEN CEILING_CHECKS_URL="http://127.0.0.1:$WORK_PORT")
      LUA=$SIGNED_LUA ;;
    signature)
      what="reading the body + the form and the signature"
      env=(CEILING_CHECKS_TOKEN=$TOKEN CEILING_CHECKS_URL="http://127.0.0.1:$WORK_PORT" CEILING_CHECKS_MATCH=0)
      LUA=$SIGNED_LUA ;;
    redis)
      what="reading the body + one Redis round trip"
      if [ -z "$REDIS_SERVER" ]; then
        redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
          --dir "$WORK" > /dev/null &
        REDIS_SERVER=$!
        for _ in $(seq 100); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.05; done
      fi
      env=(CEILING_REDIS_URL="redis://127.0.0.1:$REDIS_PORT") ;;
    *[!0-9]* | '') echo "unknown ADDED: $added (a number of ns, body, signature, checks or redis)" >&2; exit 2 ;;
    *) what=$(awk -v n="$added" 'BEGIN { printf "%.1f µs of work", n / 1000 }'); env=(CEILING_WORK_NS="$added") ;;
  esac
  env "${env[@]}" "$CEIL_BIN" "127.0.0.1:$WORK_PORT" > /dev/null &
  CLARA=$!
  wait_for "$WORK_PORT"
  results=$(mktemp -p "$WORK")
  # `rounds` counts redis-server's CPU when REDIS holds its pid: on its own row only.
  REDIS=''; [ "$added" = redis ] && REDIS=$REDIS_SERVER
  rounds "$results" "$ROUNDS" "$DURATION" "$CONNS" "$LUA" "$WORK_PORT" "$PLAIN_PORT" > /dev/null
  with=$(pick "$results" clara rps); plain=$(pick "$results" ceiling rps)
  cpu=$(pick "$results" clara cpu_us); redis_cpu=''
  [ "$added" = redis ] && redis_cpu=" (+ redis-server $(pick "$results" clara redis_us) µs)"
  echo "| $what | $with req/s | $plain req/s | $(ratio "$with" "$plain") | $(paired "$results") | $cpu µs$redis_cpu | $(pick "$results" ceiling cpu_us) µs |"
  # A row whose requests failed (a check refused them) measured something else: say so.
  bad=$(bad_responses "$results")
  [ "$bad" -eq 0 ] || echo "  ($what: $bad errors or non-2xx responses)"
  kill "$CLARA"; wait "$CLARA" 2>/dev/null || true; CLARA=''
done
