#!/usr/bin/env bash
# Fault drill for docs/RELIABILITY.md: a flood of signed misses while Twilio refuses connections.
#
# Usage: scripts/fault-load.sh [DURATION_S] [CONNECTIONS]   (defaults: 10 s, 16 connections)
# Environment (all optional):
#   FAULT_MESSAGES     distinct signed misses (MessageSids) cycled by wrk (default 2000, max 19000:
#                      the webhook dedupe remembers 20,000 ids)
#   FAULT_DRAIN_MAX_S  how long to wait for the queue to drain after the flood (default: computed
#                      from MISS_QUEUE_SIZE / MISS_WORKERS and Twilio's 3.5 s retry budget)
#   FAULT_GEMINI_DELAY_MS  delay of the Gemini mock per answer (default 0)
#   MISS_QUEUE_SIZE, MISS_WORKERS  passed to clara (defaults 256 and 4, as in production)
#   FAULT_KEEP=1       keep the temporary directory (samples, dead letters, logs) even on PASS
#   FAULT_SIGTERM=1    restart drill: send SIGTERM to clara right after the flood (as a deploy or
#                      a platform restart would) instead of letting the queue drain, and check
#                      that every accepted miss still ends in the dead-letter file
#
# What it does: builds the release binary; starts a Gemini mock (scripts/mock_upstream.py) on
# 127.0.0.1 and clara with the miss pipeline on (DEMO_MODE=false, signatures checked) and
# TWILIO_API_BASE_URL pointing at a closed 127.0.0.1 port, so every delivery is refused; floods
# POST /webhook with wrk, cycling through FAULT_MESSAGES distinct signed misses (each with its own
# MessageSid, sender and question, so neither the dedupe nor the answer cache nor the per-sender
# rate limit short-circuits the first request; every later request for the same MessageSid is a
# deduplicated Twilio retry); samples clara's VmRSS, threads, open fds and /health queue depth
# every 0.5 s during the flood and the drain; then replays each MessageSid once (the dedupe gives
# back the first response) to count exactly which misses were accepted (ack) or refused (busy);
# waits for the queue to drain and checks:
#   1. peak RSS (VmHWM, and every sample) < 48 MB (48,000,000 bytes)
#   2. delivered + dead-lettered == accepted misses, and the dead-letter file has a line for each
#   3. the queue depth seen by /health never exceeded MISS_QUEUE_SIZE
# Exit status 0 on PASS, 1 on FAIL. Traffic stays on 127.0.0.1; every loop is bounded; every
# process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-10}
CONNS=${2:-16}
K=${FAULT_MESSAGES:-2000}
QUEUE_SIZE=${MISS_QUEUE_SIZE:-256}
WORKERS=${MISS_WORKERS:-4}
GEMINI_DELAY_MS=${FAULT_GEMINI_DELAY_MS:-0}
RSS_LIMIT_BYTES=48000000
# A job whose reply Twilio refuses holds its worker through 4 attempts 0.5 s + 1 s + 2 s apart
# (src/outbound/retry.rs RetryPolicy::default): about 3.5 s. Budget 4 s per round of WORKERS jobs.
DRAIN_MAX_S=${FAULT_DRAIN_MAX_S:-$(( (QUEUE_SIZE + 2 * WORKERS) * 4 / WORKERS + 30 ))}
(( K >= 1 && K <= 19000 )) || { echo "FAULT_MESSAGES must be 1-19000" >&2; exit 2; }

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v python3 >/dev/null || { echo "python3 is needed for the Gemini mock" >&2; exit 2; }
cargo build --release -q --bin clara
BIN=$PWD/target/release/clara

WORK=$(mktemp -d /tmp/clara-fault.XXXXXX)
CLARA='' MOCK='' SAMPLER='' WRK='' RESULT=FAIL
cleanup() {
  set +e
  [ -n "$WRK" ] && kill "$WRK" 2>/dev/null
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  if [ -n "$CLARA" ] && kill -0 "$CLARA" 2>/dev/null; then
    kill -TERM "$CLARA"
    for _ in $(seq 50); do kill -0 "$CLARA" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$CLARA" 2>/dev/null
  fi
  [ -n "$MOCK" ] && kill -TERM "$MOCK" 2>/dev/null
  wait 2>/dev/null
  if [ "$RESULT" = PASS ] && [ "${FAULT_KEEP:-0}" != 1 ]; then
    rm -rf "$WORK"
  else
    echo "kept: $WORK (samples.txt, dead-letters.jsonl, clara.log, wrk.txt)" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=lib/drill.sh
source scripts/lib/drill.sh

PORT=$(free_port)
TWILIO_PORT=$(free_port)   # bound, then closed again: connections to it are refused
# Credentials made up at run time (no credential-looking literal in the repository).
TOKEN="fault-$(hex16)"
ACCOUNT_SID="AC$(hex16)"
GEMINI_KEY="fault-gemini-$(hex16)"
MODEL=gemini-3.5-flash
PUBLIC_URL="http://127.0.0.1:${PORT}"
URL="${PUBLIC_URL}/webhook"
if (exec 3<> "/dev/tcp/127.0.0.1/${TWILIO_PORT}") 2>/dev/null; then
  echo "port ${TWILIO_PORT} is not closed; run again" >&2; exit 2
fi

# --- the Gemini mock -------------------------------------------------------------------------
python3 scripts/mock_upstream.py --port 0 --key "$GEMINI_KEY" --model "$MODEL" \
  --delay-ms "$GEMINI_DELAY_MS" --port-file "$WORK/gemini.port" 2> "$WORK/mock.log" &
MOCK=$!
for _ in $(seq 100); do [ -s "$WORK/gemini.port" ] && break; sleep 0.05; done
[ -s "$WORK/gemini.port" ] || { echo "the Gemini mock did not start" >&2; exit 1; }
GEMINI_PORT=$(cat "$WORK/gemini.port")

# --- the signed misses -----------------------------------------------------------------------
# Check that each question shape is a miss for the compiled cache (else it would not be queued).
QUESTIONS=(
  '¿dónde encuentro un piso barato cerca de la calle %d?'
  'me voy a mudar a otra ciudad, la número %d, ¿qué tengo que hacer con mis papeles?'
  '¿puedo pedir una beca de comedor para mi hija? es el caso %d'
  '¿cómo renuevo el permiso de conducir? expediente %d'
)
for q in "${QUESTIONS[@]}"; do
  # shellcheck disable=SC2059
  intent=$("$BIN" ask --json "$(printf "$q" 7)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["intent"])')
  [ "$intent" = none ] || { echo "not a miss (intent $intent): $q" >&2; exit 2; }
done
python3 - "$K" "${QUESTIONS[@]}" > "$WORK/bodies.txt" <<'PY'
import sys
from urllib.parse import urlencode
k, shapes = int(sys.argv[1]), sys.argv[2:]
for i in range(k):
    print(urlencode([
        ("SmsMessageSid", f"SM{0xfa000000 + i:032x}"),
        ("NumMedia", "0"),
        ("ProfileName", f"Persona {i}"),
        ("MessageType", "text"),
        ("Body", shapes[i % len(shapes)] % i),
        ("From", f"whatsapp:+346{i:08d}"),
        ("To", "whatsapp:+14155238886"),
        ("MessageSid", f"SM{0xfa000000 + i:032x}"),
        ("NumSegments", "1"),
        ("ApiVersion", "2010-04-01"),
    ]))
PY
echo "signing $K distinct misses with '$BIN sign' ..."
# One line per miss: "<signature> <body>" (bodies are form-encoded: no spaces).
# shellcheck disable=SC2016
TWILIO_AUTH_TOKEN=$TOKEN xargs -a "$WORK/bodies.txt" -d '\n' -n1 -P "$(nproc)" \
  sh -c 'printf "%s %s\n" "$("$0" sign "$1" "$2")" "$2"' "$BIN" "$URL" > "$WORK/signed.txt"
[ "$(wc -l < "$WORK/signed.txt")" -eq "$K" ] || { echo "signing failed" >&2; exit 1; }

# The response texts to recognise (TwiML-escaped prefixes of the Spanish templates).
read -r ACK_PREFIX BUSY_PREFIX < <(python3 - <<'PY'
import json
from xml.sax.saxutils import escape
t = json.load(open("data/answers/templates.json"))
def prefix(key):
    words = t[key]["texto"]["es"].split()[:4]
    return escape(" ".join(words), {'"': "&quot;", "'": "&apos;"}).replace(" ", "\x01")
print(prefix("ack_text"), prefix("busy"))
PY
)
ACK_PREFIX=${ACK_PREFIX//$'\x01'/ }
BUSY_PREFIX=${BUSY_PREFIX//$'\x01'/ }

LUA="$WORK/flood.lua"
{
  echo 'local msgs = {'
  awk '{ printf "{\"%s\",\"%s\"},\n", $1, $2 }' "$WORK/signed.txt"
  echo '}'
  printf 'local ACK = "%s"\nlocal BUSY = "%s"\n' "$ACK_PREFIX" "$BUSY_PREFIX"
  cat <<'LUA'
local K = #msgs
local threads, nthreads = {}, 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end
function init(args)
  sent, start = 0, (tid * 7919) % K
  s200, s403, s4xx, s5xx, sother = 0, 0, 0, 0, 0
  acks, busy, empty, other = 0, 0, 0, 0
end
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
function request()
  local m = msgs[((start + sent) % K) + 1]
  sent = sent + 1
  headers["X-Twilio-Signature"] = m[1]
  return wrk.format("POST", "/webhook", headers, m[2])
end
function response(status, hdrs, body)
  if status == 200 then s200 = s200 + 1
  elseif status == 403 then s403 = s403 + 1
  elseif status >= 400 and status < 500 then s4xx = s4xx + 1
  elseif status >= 500 then s5xx = s5xx + 1
  else sother = sother + 1 end
  if status == 200 then
    if body:find(ACK, 1, true) then acks = acks + 1
    elseif body:find(BUSY, 1, true) then busy = busy + 1
    elseif body:find("<Response />", 1, true) then empty = empty + 1
    else other = other + 1 end
  end
end
function done(summary, latency, requests)
  local names = { "s200", "s403", "s4xx", "s5xx", "sother", "acks", "busy", "empty", "other" }
  local total, minsent = {}, nil
  for _, n in ipairs(names) do total[n] = 0 end
  for _, t in ipairs(threads) do
    for _, n in ipairs(names) do total[n] = total[n] + t:get(n) end
    local s = t:get("sent")
    if minsent == nil or s < minsent then minsent = s end
  end
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d duration_s=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "status_200=%d status_403=%d status_4xx=%d status_5xx=%d status_other=%d " ..
    "ack=%d busy=%d empty=%d other_body=%d err_connect=%d err_read=%d err_write=%d " ..
    "err_timeout=%d min_sent_per_thread=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    total.s200, total.s403, total.s4xx, total.s5xx, total.sother,
    total.acks, total.busy, total.empty, total.other,
    e.connect, e.read, e.write, e.timeout, minsent or 0))
end
LUA
} > "$LUA"

# --- clara -----------------------------------------------------------------------------------
env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
  PORT="$PORT" DEMO_MODE=false PUBLIC_URL="$PUBLIC_URL" \
  TWILIO_AUTH_TOKEN="$TOKEN" TWILIO_ACCOUNT_SID="$ACCOUNT_SID" \
  GEMINI_API_KEY="$GEMINI_KEY" GEMINI_MODEL="$MODEL" \
  GEMINI_BASE_URL="http://127.0.0.1:${GEMINI_PORT}/v1beta" \
  TWILIO_API_BASE_URL="http://127.0.0.1:${TWILIO_PORT}" \
  DEAD_LETTER_PATH="$WORK/dead-letters.jsonl" MISS_JOURNAL_PATH="$WORK/miss-journal.jsonl" \
  MISS_QUEUE_SIZE="$QUEUE_SIZE" MISS_WORKERS="$WORKERS" LOG_LEVEL=warn \
  "$BIN" serve > "$WORK/clara.log" 2>&1 &
CLARA=$!
for _ in $(seq 200); do
  curl -fsS --max-time 1 "${PUBLIC_URL}/health" >/dev/null 2>&1 && break
  kill -0 "$CLARA" 2>/dev/null || { echo "clara exited:" >&2; cat "$WORK/clara.log" >&2; exit 1; }
  sleep 0.05
done
HEALTH=$(curl -fsS --max-time 2 "${PUBLIC_URL}/health")
python3 -c 'import json,sys; q=json.loads(sys.argv[1])["components"]["miss_queue"]; sys.exit(0 if q["enabled"] else 1)' "$HEALTH" \
  || { echo "the miss pipeline is not enabled: $HEALTH" >&2; exit 1; }
sleep 0.5   # let the start-up model check reach the mock

status_field() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$CLARA/status" 2>/dev/null || true; }
IDLE_RSS_KB=$(status_field VmRSS)
IDLE_THREADS=$(status_field Threads)
IDLE_FDS=$(find "/proc/$CLARA/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)

# --- sampler: every 0.5 s, bounded -----------------------------------------------------------
echo flood > "$WORK/phase"
SAMPLES="$WORK/samples.txt"
echo "t_ms phase rss_kb threads fds depth" > "$SAMPLES"
(
  max=$(( (DURATION + DRAIN_MAX_S + 60) * 2 ))
  for _ in $(seq "$max"); do
    [ -e "$WORK/stop-sampling" ] && break
    kill -0 "$CLARA" 2>/dev/null || break
    rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$CLARA/status" 2>/dev/null || echo -1)
    thr=$(awk '$1 == "Threads:" { print $2 }' "/proc/$CLARA/status" 2>/dev/null || echo -1)
    fds=$(find "/proc/$CLARA/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    depth=$(curl -s --max-time 1 "${PUBLIC_URL}/health" | grep -o '"depth":[0-9]*' | cut -d: -f2 || true)
    echo "$(now_ms) $(cat "$WORK/phase") ${rss:--1} ${thr:--1} $fds ${depth:--1}" >> "$SAMPLES"
    sleep 0.5
  done
) &
SAMPLER=$!

# --- the flood -------------------------------------------------------------------------------
echo "flooding ${URL} for ${DURATION} s (${CONNS} connections, ${K} distinct misses) while Twilio (port ${TWILIO_PORT}) refuses connections ..."
wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 5s -s "$LUA" "$URL" > "$WORK/wrk.txt" 2>&1 &
WRK=$!
wait "$WRK" || true
WRK=''
echo drain > "$WORK/phase"
WRK_LINE=$(grep '^WRK ' "$WORK/wrk.txt" || true)
[ -n "$WRK_LINE" ] || { echo "wrk failed:" >&2; cat "$WORK/wrk.txt" >&2; exit 1; }
wrk_field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< " $WRK_LINE"; }

# --- exact count of accepted misses: replay each MessageSid once -----------------------------
# Every MessageSid was seen during the flood (checked with min_sent_per_thread >= K), so the dedupe
# answers each replay with the response its first request got: the ack (queued) or busy (not).
COVERED=yes
[ "$(wrk_field min_sent_per_thread)" -ge "$K" ] || COVERED=no
if [ "$COVERED" = yes ]; then
  REPLAY=$(python3 - "$PORT" "$WORK/signed.txt" "$ACK_PREFIX" "$BUSY_PREFIX" <<'PY'
import http.client, sys
port, path, ack, busy = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
counts = {"ack": 0, "busy": 0, "empty": 0, "other": 0}
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
for line in open(path):
    sig, body = line.split()
    conn.request("POST", "/webhook", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig})
    r = conn.getresponse()
    text = r.read().decode("utf-8", "replace")
    if r.status != 200:
        counts["other"] += 1
    elif ack in text:
        counts["ack"] += 1
    elif busy in text:
        counts["busy"] += 1
    elif "<Response />" in text:
        counts["empty"] += 1
    else:
        counts["other"] += 1
print(counts["ack"], counts["busy"], counts["empty"], counts["other"])
PY
)
  read -r ACCEPTED REFUSED_BUSY REPLAY_EMPTY REPLAY_OTHER <<< "$REPLAY"
else
  ACCEPTED=-1 REFUSED_BUSY=-1 REPLAY_EMPTY=-1 REPLAY_OTHER=-1
fi

# --- restart drill (FAULT_SIGTERM=1): SIGTERM now, count what reached the dead-letter file -----
if [ "${FAULT_SIGTERM:-0}" = 1 ]; then
  echo stop > "$WORK/phase"
  HWM_KB=$(status_field VmHWM)
  STOP_START=$(now_ms)
  kill -TERM "$CLARA"
  for _ in $(seq 600); do kill -0 "$CLARA" 2>/dev/null || break; sleep 0.1; done
  STOP_MS=$(( $(now_ms) - STOP_START ))
  CLARA_RC=0; wait "$CLARA" || CLARA_RC=$?
  CLARA=''
  touch "$WORK/stop-sampling"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=''
  DEAD_FILE=$( [ -f "$WORK/dead-letters.jsonl" ] && wc -l < "$WORK/dead-letters.jsonl" || echo 0)
  LEFT=$(grep 'miss queue not drained' "$WORK/clara.log" | grep -o '"left":[0-9]*' | cut -d: -f2 || true)
  read -r PEAK_RSS_KB MAX_DEPTH < <(awk 'NR > 1 { if ($3 > r) r = $3; if ($6 > d) d = $6 } END { print r + 0, d + 0 }' "$SAMPLES")
  echo
  echo "== fault-load restart drill: ${DURATION} s flood, then SIGTERM, Twilio refusing connections"
  echo "config                 : MISS_QUEUE_SIZE=${QUEUE_SIZE} MISS_WORKERS=${WORKERS} distinct misses K=${K}"
  echo "requests sent (wrk)    : $(wrk_field requests); ack=$(wrk_field ack) busy=$(wrk_field busy)"
  echo "distinct misses        : ${K}: accepted (queued, ack)=${ACCEPTED}, refused (busy)=${REFUSED_BUSY}"
  echo "stop                   : exited with status ${CLARA_RC} ${STOP_MS} ms after SIGTERM; 'not drained' log line: left=${LEFT:-none}"
  echo "dead-lettered          : ${DEAD_FILE} lines in the file (Twilio refused every delivery)"
  echo "lost                   : $(( ACCEPTED - DEAD_FILE )) accepted misses neither delivered nor dead-lettered"
  echo "RSS                    : peak $(mb "$(( PEAK_RSS_KB > HWM_KB ? PEAK_RSS_KB : HWM_KB ))") MB; queue depth max ${MAX_DEPTH}"
  check "rss" "peak below 48 MB" [ $(( (PEAK_RSS_KB > HWM_KB ? PEAK_RSS_KB : HWM_KB) * 1024 )) -lt "$RSS_LIMIT_BYTES" ]
  check "accounted on restart" "dead-lettered ${DEAD_FILE} = accepted ${ACCEPTED}" [ "$DEAD_FILE" -eq "$ACCEPTED" ]
  check "queue bound" "max depth ${MAX_DEPTH} <= ${QUEUE_SIZE}" [ "$MAX_DEPTH" -le "$QUEUE_SIZE" ]
  if [ "$FAILS" = 0 ]; then RESULT=PASS; echo "RESULT PASS"; else echo "RESULT FAIL (${FAILS} checks)"; exit 1; fi
  exit 0
fi

# --- drain -----------------------------------------------------------------------------------
metric() { awk -v m="$1" '$1 == m { print $2 }' <<< "$METRICS" | head -1; }
answers_sum() { awk '/^clara_answers_total\{/ { s += $2 } END { print s + 0 }' <<< "$METRICS"; }
DRAIN_START=$(now_ms)
DRAINED=no
for _ in $(seq $(( DRAIN_MAX_S * 2 ))); do
  METRICS=$(curl -fsS --max-time 2 "${PUBLIC_URL}/metrics" || true)
  depth=$(metric clara_miss_queue_depth)
  processed=$(( $(answers_sum) - (REFUSED_BUSY > 0 ? REFUSED_BUSY : 0) ))
  if [ "${depth:-1}" = 0 ] && [ "$ACCEPTED" -ge 0 ] && [ "$processed" -ge "$ACCEPTED" ]; then
    DRAINED=yes; break
  fi
  # Without an exact count, stop once the queue is empty and nothing moved for 10 s.
  if [ "$ACCEPTED" -lt 0 ] && [ "${depth:-1}" = 0 ]; then
    if [ "$processed" = "${last_processed:-x}" ]; then
      still=$(( ${still:-0} + 1 )); [ "$still" -lt 20 ] || { DRAINED=unknown; break; }
    else still=0; fi
  fi
  last_processed=$processed
  (( $(now_ms) - DRAIN_START < DRAIN_MAX_S * 1000 )) || break
  sleep 0.5
done
DRAIN_S=$(( ($(now_ms) - DRAIN_START) / 1000 ))
sleep 1   # one more sample after the drain
touch "$WORK/stop-sampling"
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=''

METRICS=$(curl -fsS --max-time 2 "${PUBLIC_URL}/metrics" || true)
HEALTH=$(curl -fsS --max-time 2 "${PUBLIC_URL}/health" || true)
DEAD_METRIC=$(metric clara_dead_letters_total)
DEAD_HEALTH=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["components"]["miss_queue"]["dead_letters"])' "$HEALTH" || echo -1)
CAPACITY=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["components"]["miss_queue"]["capacity"])' "$HEALTH" || echo -1)
FINAL_DEPTH=$(metric clara_miss_queue_depth)
DEAD_FILE=$( [ -f "$WORK/dead-letters.jsonl" ] && wc -l < "$WORK/dead-letters.jsonl" || echo 0)
ANSWERS_SUM=$(answers_sum)
ANSWERS_BY_SOURCE=$(awk -F'[" ]' '/^clara_answers_total\{/ { printf "%s=%s ", $2, $NF }' <<< "$METRICS")
PROCESSED=$(( ANSWERS_SUM - REFUSED_BUSY ))
DELIVERED=$(( PROCESSED - DEAD_METRIC ))
WEBHOOK_200=$(awk '/^clara_requests_total\{route="webhook",status="200"\}/ { print $2 }' <<< "$METRICS")
GEMINI_STATS=$(curl -s --max-time 2 "http://127.0.0.1:${GEMINI_PORT}/__stats" || echo '{}')
GEMINI_CALLS=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("generate", 0))' "$GEMINI_STATS" || echo -1)
FINAL_RSS_KB=$(status_field VmRSS)
HWM_KB=$(status_field VmHWM)
FINAL_THREADS=$(status_field Threads)
FINAL_FDS=$(find "/proc/$CLARA/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
read -r N_SAMPLES PEAK_RSS_KB PEAK_FLOOD_RSS_KB PEAK_THREADS PEAK_FDS MAX_DEPTH < <(awk '
  NR > 1 { n++; if ($3 > r) r = $3; if ($2 == "flood" && $3 > rf) rf = $3;
           if ($4 > t) t = $4; if ($5 > f) f = $5; if ($6 > d) d = $6 }
  END { print n + 0, r + 0, rf + 0, t + 0, f + 0, d + 0 }' "$SAMPLES")
LOG_LINES=$(wc -l < "$WORK/clara.log")

echo
echo "== fault-load: ${DURATION} s flood, ${CONNS} connections, Twilio refusing connections"
echo "machine                : $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo), $(uname -sr)"
echo "config                 : MISS_QUEUE_SIZE=${QUEUE_SIZE} (health capacity ${CAPACITY}) MISS_WORKERS=${WORKERS} distinct misses K=${K}"
echo "requests sent (wrk)    : $(wrk_field requests) in $(wrk_field duration_s) s ($(wrk_field rps) req/s; p50 $(wrk_field p50_ms) ms, p99 $(wrk_field p99_ms) ms, max $(wrk_field max_ms) ms)"
echo "http statuses (wrk)    : 200=$(wrk_field status_200) 403=$(wrk_field status_403) other4xx=$(wrk_field status_4xx) 5xx=$(wrk_field status_5xx) other=$(wrk_field status_other); socket errors connect=$(wrk_field err_connect) read=$(wrk_field err_read) write=$(wrk_field err_write) timeout=$(wrk_field err_timeout)"
echo "response bodies (wrk)  : ack=$(wrk_field ack) busy=$(wrk_field busy) empty=$(wrk_field empty) other=$(wrk_field other_body)  (repeats of a MessageSid are deduplicated retries)"
echo "webhook 200s (server)  : ${WEBHOOK_200}  (wrk counted $(wrk_field status_200) before it stopped, plus ${K} replays)"
echo "distinct misses        : ${K}: accepted (queued, ack)=${ACCEPTED}, refused (busy)=${REFUSED_BUSY}, in flight=${REPLAY_EMPTY}, other=${REPLAY_OTHER}$( [ "$COVERED" = yes ] || echo '  (NOT COUNTED: wrk did not send every MessageSid)')"
echo "answers (metrics)      : ${ANSWERS_BY_SOURCE}(sum ${ANSWERS_SUM}; busy answers are counted as fallback)"
echo "jobs processed         : ${PROCESSED}  (gemini mock answered ${GEMINI_CALLS})"
echo "delivered              : ${DELIVERED}"
echo "dead-lettered          : ${DEAD_METRIC} (clara_dead_letters_total), ${DEAD_HEALTH} (/health), ${DEAD_FILE} lines in the file"
echo "drain                  : ${DRAINED} after ${DRAIN_S} s (bound ${DRAIN_MAX_S} s); final depth ${FINAL_DEPTH}"
echo "queue depth            : max ${MAX_DEPTH} over ${N_SAMPLES} samples (capacity ${QUEUE_SIZE})"
echo "RSS                    : idle $(mb "$IDLE_RSS_KB") MB, peak during flood $(mb "$PEAK_FLOOD_RSS_KB") MB, peak sampled $(mb "$PEAK_RSS_KB") MB, VmHWM $(mb "$HWM_KB") MB, final $(mb "$FINAL_RSS_KB") MB"
echo "threads                : idle ${IDLE_THREADS}, peak ${PEAK_THREADS}, final ${FINAL_THREADS}"
echo "open fds               : idle ${IDLE_FDS}, peak ${PEAK_FDS}, final ${FINAL_FDS}"
echo "log lines (warn+)      : ${LOG_LINES}"

counted() {
  [ "$COVERED" = yes ] && [ "$REPLAY_EMPTY" = 0 ] && [ "$REPLAY_OTHER" = 0 ] \
    && [ $(( ACCEPTED + REFUSED_BUSY )) -eq "$K" ]
}
accounted() { [ "$ACCEPTED" -ge 0 ] && [ $(( DELIVERED + DEAD_METRIC )) -eq "$ACCEPTED" ]; }
peak_kb=$(( PEAK_RSS_KB > HWM_KB ? PEAK_RSS_KB : HWM_KB ))
check "rss" "peak $(mb "$peak_kb") MB < 48 MB" [ $(( peak_kb * 1024 )) -lt "$RSS_LIMIT_BYTES" ]
check "counted" "every distinct miss was accepted or refused busy: ${ACCEPTED} + ${REFUSED_BUSY} = ${K}" counted
check "accounted" "delivered ${DELIVERED} + dead-lettered ${DEAD_METRIC} = accepted ${ACCEPTED}" accounted
check "dead-letter file" "${DEAD_FILE} lines = ${DEAD_METRIC} counted" [ "$DEAD_FILE" -eq "$DEAD_METRIC" ]
check "queue bound" "max depth ${MAX_DEPTH} <= ${QUEUE_SIZE}" [ "$MAX_DEPTH" -le "$QUEUE_SIZE" ]
if [ "$FAILS" = 0 ]; then RESULT=PASS; echo "RESULT PASS"; else echo "RESULT FAIL (${FAILS} checks)"; exit 1; fi
