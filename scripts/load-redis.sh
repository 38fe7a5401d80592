#!/usr/bin/env bash
# scripts/load.sh with REDIS_URL set: signed cache hits through Clara sharing state in a local
# redis-server, against the hyper ceiling (examples/ceiling.rs) in the same run, on 127.0.0.1.
# Prints a Markdown table (docs/PERFORMANCE.md, "With REDIS_URL"), with the CPU per request of
# Clara, the ceiling and redis-server (from /proc, during the wrk rounds). Then Clara against
# the floor a hit with REDIS_URL can reach: the ceiling reading the body and making the same one
# pipelined round trip, and nothing else (CEILING_REDIS_URL), in as many more rounds; and the
# same floor doing first the checks no webhook can skip, with Clara's code (the form, the
# signature, the responder; CEILING_CHECKS_TOKEN), in as many more.
#
# Usage: scripts/load-redis.sh [DURATION_S] [CONNECTIONS]   (defaults: 10 s, 16 connections)
# Environment: LOAD_ROUNDS (default 3) alternating wrk rounds per server, the median is reported;
#              LOAD_BODIES (default 200000) distinct signed requests per round.
# Needs wrk, redis-server (Debian packages; installed when missing) and python3.
#
# Unlike load.sh every request carries its own MessageSid, as Twilio's do: each one is a first
# delivery, so Clara takes the whole shared path (the claim and the conversation read pipelined,
# then the writes). A MessageSid is covered by the signature, so the requests are signed here
# (python3, the same HMAC-SHA1 as `clara sign`, checked against it) and read by wrk from a file;
# if a round sends more than LOAD_BODIES requests, the rest are retries (reported as `wrapped`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/load.sh
DURATION=${1:-10}
CONNS=${2:-16}
ROUNDS=${LOAD_ROUNDS:-3}
BODIES=${LOAD_BODIES:-200000}
CLARA_PORT=5082
CEIL_PORT=5083
FLOOR_PORT=5086
CHECKS_PORT=5087
REDIS_PORT=6391
TOKEN=load-test-token
URL="http://127.0.0.1:${CLARA_PORT}/webhook"

need wrk
need redis-server
command -v python3 >/dev/null || { echo "python3 is needed to sign the requests" >&2; exit 2; }
build_both

WORK=$(mktemp -d)
CLARA='' CEIL='' REDIS='' FLOOR='' CHECKS=''
trap 'kill $CLARA $CEIL $REDIS $FLOOR $CHECKS 2>/dev/null || true; rm -rf "$WORK"' EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
  --maxmemory-policy noeviction > /dev/null &
REDIS=$!
export TWILIO_AUTH_TOKEN=$TOKEN DEMO_MODE=true PUBLIC_URL="http://127.0.0.1:${CLARA_PORT}" LOG_LEVEL=warn
export REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"
start_both "$CLARA_PORT" "$CEIL_PORT"
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:${CLARA_PORT}/health" | grep -q '"redis":"up"' && break; sleep 0.05
done
curl -fsS "http://127.0.0.1:${CLARA_PORT}/health" | grep -q '"redis":"up"' \
  || { echo "Clara does not see redis up" >&2; exit 1; }

# One line per request: "<signature>\t<body>", MessageSids unique to the round.
bodies() {
  python3 - "$TOKEN" "$URL" "${2:-$BODIES}" "$1" <<'PY'
import base64, hashlib, hmac, sys, urllib.parse
token, url, n, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
for i in range(n):
    params = [("From", "whatsapp:+34600111222"), ("To", "whatsapp:+14155238886"),
              ("Body", "¿Qué es el IMV?"), ("NumMedia", "0"),
              ("MessageSid", "SM%s%026d" % (tag, i))]
    signed = url + "".join(k + v for k, v in sorted(params))
    sig = base64.b64encode(hmac.new(token.encode(), signed.encode(), hashlib.sha1).digest()).decode()
    print(sig + "\t" + urllib.parse.urlencode(params))
PY
}
# The signing above must be Clara's: check one request against `clara sign`.
first=$(bodies check 1)
[ "$($BIN sign "$URL" "${first#*$'\t'}")" = "${first%%$'\t'*}" ] \
  || { echo "python3 signature differs from clara sign" >&2; exit 1; }

cat > "$WORK/load.lua" <<'LUA'
local threads = {}
local count = 0
function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end
function init(args)
  sigs, bodies, n, wrapped = {}, {}, 0, 0
  local nthreads, k = tonumber(args[2]), 0
  -- Every thread its own share of the lines: no MessageSid is sent twice by two threads.
  for line in io.lines(args[1]) do
    k = k + 1
    if k % nthreads == id - 1 then
      local tab = line:find("\t", 1, true)
      table.insert(sigs, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
  end
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end
function request()
  n = n + 1
  local i = (n - 1) % #bodies + 1
  if n > #bodies then wrapped = wrapped + 1 end
  headers["X-Twilio-Signature"] = sigs[i]
  return wrk.format("POST", nil, headers, bodies[i])
end
function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do w = w + t:get("wrapped") end
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d wrapped=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, w, summary.requests))
end
LUA

# Fresh requests for each round (its own MessageSids), as the wrk script's arguments.
prepare() {
  bodies "${SERIES:-}$1${2:0:2}" > "$WORK/bodies"
  echo "$WORK/bodies 2"
}

LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
results="$WORK/results"
rounds "$results" "$ROUNDS" "$DURATION" "$CONNS" "$WORK/load.lua" "$CLARA_PORT" "$CEIL_PORT" prepare
# The floor: the ceiling reading the body and making the one pipelined round trip a cache hit
# makes (examples/ceiling.rs, CEILING_REDIS_URL), against Clara again, with new MessageSids.
CEILING_REDIS_URL=$REDIS_URL $CEIL_BIN "127.0.0.1:${FLOOR_PORT}" > /dev/null &
FLOOR=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:${FLOOR_PORT}/" && break; sleep 0.05; done
floor_results="$WORK/floor"
SERIES=f CEIL=$FLOOR rounds "$floor_results" "$ROUNDS" "$DURATION" "$CONNS" "$WORK/load.lua" \
  "$CLARA_PORT" "$FLOOR_PORT" prepare
# The floor with the checks: the signature is checked against Clara's URL, the one signed.
CEILING_REDIS_URL=$REDIS_URL CEILING_CHECKS_TOKEN=$TOKEN CEILING_CHECKS_URL=$PUBLIC_URL \
  $CEIL_BIN "127.0.0.1:${CHECKS_PORT}" > /dev/null &
CHECKS=$!
for _ in $(seq 100); do curl -sS -o /dev/null "http://127.0.0.1:${CHECKS_PORT}/" 2>/dev/null && break; sleep 0.05; done
checks_results="$WORK/checks"
SERIES=g CEIL=$CHECKS rounds "$checks_results" "$ROUNDS" "$DURATION" "$CONNS" "$WORK/load.lua" \
  "$CLARA_PORT" "$CHECKS_PORT" prepare
# Every request really went through Redis: the claims are there, and Redis stayed up.
claims=$(redis-cli -p "$REDIS_PORT" --scan --pattern 'clara:sid:*' | wc -l)
status=$(curl -fsS "http://127.0.0.1:${CLARA_PORT}/health" | sed -n 's/.*"redis":"\([a-z]*\)".*/\1/p')
LOADAVG_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

c_rps=$(pick "$results" clara rps); k_rps=$(pick "$results" ceiling rps)
same_round=$(paired "$results")
c_p50=$(pick "$results" clara p50_ms); k_p50=$(pick "$results" ceiling p50_ms)
c_p99=$(pick "$results" clara p99_ms); k_p99=$(pick "$results" ceiling p99_ms)
c_cpu=$(pick "$results" clara cpu_us); k_cpu=$(pick "$results" ceiling cpu_us)
c_sys=$(pick "$results" clara sys_us); k_sys=$(pick "$results" ceiling sys_us)
c_sw=$(pick "$results" clara switches); k_sw=$(pick "$results" ceiling switches)
f_rps=$(pick "$floor_results" ceiling rps); f_clara=$(pick "$floor_results" clara rps)
f_p99=$(pick "$floor_results" ceiling p99_ms); f_cpu=$(pick "$floor_results" ceiling cpu_us)
g_rps=$(pick "$checks_results" ceiling rps); g_clara=$(pick "$checks_results" clara rps)
bad=$(( $(bad_responses "$results") + $(bad_responses "$floor_results") + $(bad_responses "$checks_results") ))
wrapped=$(cat "$results" "$floor_results" "$checks_results" | grep " clara RESULT" | field wrapped | awk '{ s += $1 } END { print s + 0 }')
cat <<TABLE

Machine: $(nproc) cores, $(uname -r); $(date -u +%F); load average before the run: $LOADAVG, after: $LOADAVG_AFTER
Command: scripts/load-redis.sh $DURATION $CONNS (LOAD_ROUNDS=$ROUNDS, LOAD_BODIES=$BODIES); redis-server $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p') on loopback
Errors + non-2xx over all rounds: $bad; Clara requests past LOAD_BODIES (retries): $wrapped; MessageSid claims in Redis at the end: $claims; /health redis: $status

| figure | Clara (REDIS_URL) | ceiling | Clara / ceiling |
|---|---|---|---|
| signed cache-hit throughput, a new MessageSid each (median of $ROUNDS × ${DURATION} s, $CONNS conn.) | $c_rps req/s | $k_rps req/s | $(ratio "$c_rps" "$k_rps") |
| the same, Clara / ceiling within each round (median, range) | | | $same_round |
| p50 latency | $c_p50 ms | $k_p50 ms | $(ratio "$c_p50" "$k_p50") |
| p99 latency | $c_p99 ms | $k_p99 ms | $(ratio "$c_p99" "$k_p99") |
| CPU per request, all threads (of which in the kernel), median | $c_cpu µs ($c_sys µs) | $k_cpu µs ($k_sys µs) | $(ratio "$c_cpu" "$k_cpu") |
| context switches per request, median | $c_sw | $k_sw | |
| redis-server's CPU per Clara request, median | $(pick "$results" clara redis_us) µs | – | |

The floor, in the same run: the ceiling reading the body and making the same one round trip
(and nothing else), in $ROUNDS more rounds alternating with Clara.

| figure | Clara (REDIS_URL) | ceiling + one round trip | Clara / that |
|---|---|---|---|
| throughput, median | $f_clara req/s | $f_rps req/s | $(ratio "$f_clara" "$f_rps") |
| p99 latency | $(pick "$floor_results" clara p99_ms) ms | $f_p99 ms | |
| CPU per request (redis-server's) | $(pick "$floor_results" clara cpu_us) µs ($(pick "$floor_results" clara redis_us) µs) | $f_cpu µs ($(pick "$floor_results" ceiling redis_us) µs) | |
| against the bare ceiling above | $(ratio "$f_clara" "$k_rps") | $(ratio "$f_rps" "$k_rps") | |

The same floor doing first the checks no webhook can skip, with Clara's code (the form, the
signature, the responder), in $ROUNDS more rounds alternating with Clara.

| figure | Clara (REDIS_URL) | ceiling + the checks + one round trip | Clara / that |
|---|---|---|---|
| throughput, median | $g_clara req/s | $g_rps req/s | $(ratio "$g_clara" "$g_rps") |
| the same, within each round (median, range) | | | $(paired "$checks_results") |
| p99 latency | $(pick "$checks_results" clara p99_ms) ms | $(pick "$checks_results" ceiling p99_ms) ms | |
| CPU per request (redis-server's) | $(pick "$checks_results" clara cpu_us) µs ($(pick "$checks_results" clara redis_us) µs) | $(pick "$checks_results" ceiling cpu_us) µs ($(pick "$checks_results" ceiling redis_us) µs) | |
| against the bare ceiling above | $(ratio "$g_clara" "$k_rps") | $(ratio "$g_rps" "$k_rps") | |
TABLE
