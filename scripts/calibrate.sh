#!/usr/bin/env bash
# A calibration of scripts/load.sh itself: the hyper ceiling (examples/ceiling.rs) made to spin
# CEILING_WORK_NS per request, against the plain ceiling in the same run. wrk shares the cores
# with the server, so one microsecond of work per request costs more than its share of
# throughput; this prints how much, to read Clara's ratio against (docs/PERFORMANCE.md).
#
# Usage: scripts/calibrate.sh [DURATION_S] [CONNECTIONS] [WORK_NS...]
#        (defaults: 5 s, 16 connections, 500 1000 2000 4000 ns)
# Environment: LOAD_ROUNDS (default 3) alternating rounds, the median is reported.
# Needs wrk (Debian package; installed when missing). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load.sh
DURATION=${1:-5}
CONNS=${2:-16}
shift $(( $# < 2 ? $# : 2 ))
WORKS=("$@")
[ ${#WORKS[@]} -eq 0 ] && WORKS=(500 1000 2000 4000)
ROUNDS=${LOAD_ROUNDS:-3}
PLAIN_PORT=5084
WORK_PORT=5085

need wrk
build_both
LUA=$(mktemp --suffix=.lua)
PLAIN='' BUSY=''
trap 'kill $PLAIN $BUSY 2>/dev/null || true; rm -f "$LUA" "${results:-}"' EXIT
cat > "$LUA" <<'LUA'
wrk.method = "POST"
wrk.body = "From=whatsapp%3A%2B34600111222&Body=hola"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
lua_report >> "$LUA"

wait_for() {
  for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$1/" && return; sleep 0.05; done
}

echo "Machine: $(nproc) cores, $(uname -r); $(date -u +'%F %H:%M') UTC; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Command: scripts/calibrate.sh $DURATION $CONNS ${WORKS[*]} (LOAD_ROUNDS=$ROUNDS)"
echo
echo "| work per request | ceiling with work | plain ceiling | ratio |"
echo "|---|---|---|---|"
$CEIL_BIN "127.0.0.1:$PLAIN_PORT" > /dev/null &
PLAIN=$!
wait_for "$PLAIN_PORT"
for work in "${WORKS[@]}"; do
  CEILING_WORK_NS=$work $CEIL_BIN "127.0.0.1:$WORK_PORT" > /dev/null &
  BUSY=$!
  wait_for "$WORK_PORT"
  results=$(mktemp)
  # `rounds` names its two servers "clara" (the one with work) and "ceiling" (the plain one).
  rounds "$results" "$ROUNDS" "$DURATION" "$CONNS" "$LUA" "$WORK_PORT" "$PLAIN_PORT" > /dev/null
  busy=$(pick "$results" clara rps); plain=$(pick "$results" ceiling rps)
  echo "| $(awk -v n="$work" 'BEGIN { printf "%.1f µs", n / 1000 }') | $busy req/s | $plain req/s | $(ratio "$busy" "$plain") |"
  kill "$BUSY"; wait "$BUSY" 2>/dev/null || true; BUSY=''
  rm -f "$results"
done
