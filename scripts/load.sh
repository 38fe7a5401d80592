#!/usr/bin/env bash
# The side-by-side figures of docs/PERFORMANCE.md, in one run on this machine: Clara
# (`clara serve`, offline configuration) against the minimal hyper ceiling (examples/ceiling.rs,
# the same TwiML bytes and nothing else) for signed cache-hit throughput, p50/p99 latency, CPU
# and context switches per request (from /proc, during the wrk rounds), RSS idle and after load,
# start-up to healthy and binary size. Prints a Markdown table at the end. Then Clara against the
# floor a signed webhook can reach: the ceiling reading the body and doing the checks no webhook
# can skip, with Clara's own code (the form, the signature, the responder; CEILING_CHECKS_TOKEN),
# and nothing else, in as many more rounds.
#
# Usage: scripts/load.sh [DURATION_S] [CONNECTIONS]   (defaults: 10 s, 16 connections)
# Environment: LOAD_ROUNDS (default 3) alternating wrk rounds per server, the median is reported;
#              LOAD_STARTS (default 10) start-ups measured per server.
# Needs wrk (Debian package; installed when missing) and python3. Traffic stays on 127.0.0.1.
#
# The request is a real signed Twilio webhook without a MessageSid, so every request is verified,
# matched and answered (a MessageSid would be deduplicated after the first request). wrk shares
# the machine's cores with the server: compare the ratio, not the absolute figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load.sh
DURATION=${1:-10}
CONNS=${2:-16}
ROUNDS=${LOAD_ROUNDS:-3}
STARTS=${LOAD_STARTS:-10}
CLARA_PORT=5080
CEIL_PORT=5081
FLOOR_PORT=5082
TOKEN=load-test-token
URL="http://127.0.0.1:${CLARA_PORT}/webhook"

need wrk
command -v python3 >/dev/null || { echo "python3 is needed for the start-up probe" >&2; exit 2; }
build_both
# The offline configuration: cache answers, no outbound call.
export TWILIO_AUTH_TOKEN=$TOKEN DEMO_MODE=true PUBLIC_URL="http://127.0.0.1:${CLARA_PORT}" LOG_LEVEL=warn

LUA=$(mktemp --suffix=.lua)
CLARA='' CEIL='' FLOOR=''
trap 'kill $CLARA $CEIL $FLOOR 2>/dev/null || true; rm -f "$LUA"' EXIT
request_lua "$LUA" "$URL" "$TOKEN"

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== start-up to healthy ($STARTS runs each)"
clara_start=$(python3 scripts/startup_probe.py "$CLARA_PORT" /health "$STARTS" "$BIN" serve)
ceil_start=$(python3 scripts/startup_probe.py "$CEIL_PORT" / "$STARTS" "$CEIL_BIN" "127.0.0.1:${CEIL_PORT}")
echo "clara   $clara_start"
echo "ceiling $ceil_start"

start_both "$CLARA_PORT" "$CEIL_PORT"

results=$(mktemp)
rounds "$results" "$ROUNDS" "$DURATION" "$CONNS" "$LUA" "$CLARA_PORT" "$CEIL_PORT"
clara_rss_after=$(rss_kb $CLARA)
ceil_rss_after=$(rss_kb $CEIL)
# The floor: the ceiling doing only the checks, against Clara again. It checks the signature
# against Clara's URL, the one the request was signed for.
CEILING_CHECKS_TOKEN=$TOKEN CEILING_CHECKS_URL=$PUBLIC_URL $CEIL_BIN "127.0.0.1:${FLOOR_PORT}" > /dev/null &
FLOOR=$!
for _ in $(seq 100); do curl -sS -o /dev/null "http://127.0.0.1:${FLOOR_PORT}/" 2>/dev/null && break; sleep 0.05; done
floor_results=$(mktemp)
CEIL=$FLOOR rounds "$floor_results" "$ROUNDS" "$DURATION" "$CONNS" "$LUA" "$CLARA_PORT" "$FLOOR_PORT"

c_rps=$(pick "$results" clara rps); k_rps=$(pick "$results" ceiling rps)
same_round=$(paired "$results")
c_p50=$(pick "$results" clara p50_ms); k_p50=$(pick "$results" ceiling p50_ms)
c_p99=$(pick "$results" clara p99_ms); k_p99=$(pick "$results" ceiling p99_ms)
c_cpu=$(pick "$results" clara cpu_us); k_cpu=$(pick "$results" ceiling cpu_us)
c_sys=$(pick "$results" clara sys_us); k_sys=$(pick "$results" ceiling sys_us)
c_sw=$(pick "$results" clara switches); k_sw=$(pick "$results" ceiling switches)
f_rps=$(pick "$floor_results" ceiling rps); f_clara=$(pick "$floor_results" clara rps)
f_same_round=$(paired "$floor_results")
f_p99=$(pick "$floor_results" ceiling p99_ms); f_cpu=$(pick "$floor_results" ceiling cpu_us)
bad=$(( $(bad_responses "$results") + $(bad_responses "$floor_results") ))
rm -f "$results"
c_start=$(echo "$clara_start" | field startup_ms_median); k_start=$(echo "$ceil_start" | field startup_ms_median)
c_idle=$(echo "$clara_start" | field idle_rss_kb_median); k_idle=$(echo "$ceil_start" | field idle_rss_kb_median)
c_size=$(stat -c %s $BIN); k_size=$(stat -c %s $CEIL_BIN)

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
cat <<TABLE

Machine: $(nproc) cores, $(uname -r); $(date -u +%F); load average before the run: $LOADAVG
Command: scripts/load.sh $DURATION $CONNS (LOAD_ROUNDS=$ROUNDS, LOAD_STARTS=$STARTS); errors + non-2xx over all rounds: $bad

| figure | Clara | ceiling | Clara / ceiling |
|---|---|---|---|
| signed cache-hit throughput (median of $ROUNDS × ${DURATION} s, $CONNS conn.) | $c_rps req/s | $k_rps req/s | $(ratio "$c_rps" "$k_rps") |
| the same, Clara / ceiling within each round (median, range) | | | $same_round |
| p50 latency | $c_p50 ms | $k_p50 ms | $(ratio "$c_p50" "$k_p50") |
| p99 latency | $c_p99 ms | $k_p99 ms | $(ratio "$c_p99" "$k_p99") |
| CPU per request, all threads (of which in the kernel), median | $c_cpu µs ($c_sys µs) | $k_cpu µs ($k_sys µs) | $(ratio "$c_cpu" "$k_cpu") |
| context switches per request, median | $c_sw | $k_sw | |
| RSS idle (1 s after healthy, median of $STARTS) | $(mb "$c_idle") | $(mb "$k_idle") | $(ratio "$c_idle" "$k_idle") |
| RSS after load | $(mb "$clara_rss_after") | $(mb "$ceil_rss_after") | $(ratio "$clara_rss_after" "$ceil_rss_after") |
| start-up to healthy (median of $STARTS, raw-socket probe) | $c_start ms | $k_start ms | $(ratio "$c_start" "$k_start") |
| release binary | $(awk -v b="$c_size" 'BEGIN { printf "%.1f MB", b / 1e6 }') | $(awk -v b="$k_size" 'BEGIN { printf "%.1f MB", b / 1e6 }') | $(ratio "$c_size" "$k_size") |

The floor, in the same run: the ceiling reading the body and doing only the checks no webhook can
skip, with Clara's code (the form, the signature, the responder), in $ROUNDS more rounds
alternating with Clara.

| figure | Clara | ceiling + the checks | Clara / that |
|---|---|---|---|
| throughput, median | $f_clara req/s | $f_rps req/s | $(ratio "$f_clara" "$f_rps") |
| the same, within each round (median, range) | | | $f_same_round |
| p99 latency | $(pick "$floor_results" clara p99_ms) ms | $f_p99 ms | |
| CPU per request | $(pick "$floor_results" clara cpu_us) µs | $f_cpu µs | |
| against the bare ceiling above | $(ratio "$f_clara" "$k_rps") | $(ratio "$f_rps" "$k_rps") | |
TABLE
rm -f "$floor_results"
