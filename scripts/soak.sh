#!/usr/bin/env bash
# Soak for docs/RELIABILITY.md: mixed webhook traffic at about half of the measured maximum
# throughput for DURATION_S, with the miss pipeline on against local mocks, checking that memory
# and file descriptors stay flat, that no request gets a status it should not, and that every
# accepted miss ends up delivered or dead-lettered.
#
# Usage: scripts/soak.sh [DURATION_S]   (default 600: 10 minutes)
# Environment (all optional):
#   SOAK_RATE          total requests/s to soak at (default: half of the maximum measured by a
#                      probe of SOAK_PROBE_S s of unpaced signed cache hits, -t2 -c16, run first)
#   SOAK_PROBE_S       length of that probe (default 10; skipped when SOAK_RATE is set). Like
#                      scripts/load.sh, the probe's wrk does not hand responses to Lua
#   SOAK_CONNS         connections for the cache hits (default 64; the other kinds use 1 each)
#   SOAK_MISS_RATE     text misses/s (default 5), each a distinct MessageSid and sender
#   SOAK_VOICE_RATE    voice notes/s (default 2), each a distinct MessageSid and sender; half
#                      transcribe (mock) to a cached question, half to a miss
#   SOAK_BADSIG_RATE   requests/s with a wrong or missing X-Twilio-Signature (default 10)
#   SOAK_OVERSIZE_RATE requests/s with a body over the webhook's limit (default 5)
#                      (cache hits make up the rest of SOAK_RATE)
#   SOAK_TWILIO_REJECT_EVERY  the Twilio mock refuses every Nth message with error 21610, which
#                      the service dead-letters without retrying (default 50; 0: never)
#   SOAK_GEMINI_DELAY_MS  delay of the Gemini mock per call (default 0). A real Gemini takes
#                      seconds: with MISS_WORKERS=4 the pipeline then handles a few jobs/s, and
#                      at the default miss and voice rates the queue fills ("kept up" fails)
#   SOAK_SAMPLE_S      sampling period (default 5)
#   SOAK_WARMUP_S      warm-up excluded from the flatness checks (default: 60 s, or 10 % of
#                      DURATION_S when longer; a third of it for runs under 3 minutes). In the
#                      development runs RSS settled about a minute after the load started.
#   SOAK_RSS_GROWTH_KB, SOAK_RSS_SLOPE_KB, SOAK_SLOPE_MIN_S, SOAK_FD_SPREAD,
#   SOAK_DEDUPE_BYTES, SOAK_ANSWER_BYTES  the bounds and allowances below
#   SOAK_DRAIN_MAX_S   how long to wait for the miss queue to empty after the load (default 60)
#   MISS_QUEUE_SIZE, MISS_WORKERS  passed to clara (defaults 256 and 4, as in production)
#   SOAK_KEEP=1        keep the work directory (samples.csv, wrk-*.txt, clara.log, dead letters,
#                      the plot) even on PASS
#
# What it does, all on 127.0.0.1: builds the release binary; starts scripts/mock_upstream.py as
# Gemini (answers, and transcriptions of voice notes), Twilio's Messages.json (201, basic auth
# checked) and a Twilio media host (voice notes as audio/ogg); starts clara with the miss pipeline
# on (DEMO_MODE=false, LLM_LIVE, WHISPER_ON, signatures checked, TWILIO_MEDIA_HOSTS=127.0.0.1,
# journal, dead letters and hot cache in the work directory, credentials made up per run);
# measures the maximum throughput of signed cache hits; then runs one wrk process per kind of
# traffic for DURATION_S, each paced by scripts/soak/paced.lua (wrk has no fixed-rate mode: the
# script's delay() is corrected once a second against the rate achieved) and each counting its
# own statuses:
#   hit       signed cache hits without MessageSid (never deduplicated)  -> 200, TwiML answer
#   miss      signed text misses, distinct MessageSid and sender each    -> 200, ack template
#   voice     signed voice notes (NumMedia=1, MediaUrl0 on the mock)     -> 200, voice ack
#   badsig    a wrong signature, or none                                 -> 403
#   oversize  a body over the webhook's limit (declared length + Connection: close, or chunked)
#                                                                        -> 413
# It samples clara's VmRSS, open fds, threads, /health queue depth, dead letters and dedupe
# entries, and the mock's Gemini answers, every SOAK_SAMPLE_S into samples.csv; after the load
# it replays the few misses whose answer wrk did not see (the dedupe gives back the first
# response), waits for the queue to empty, matches every accepted miss and voice note to a
# Twilio delivery (by recipient: each has its own sender) or a dead letter (by MessageSid),
# plots RSS and fds over time with gnuplot (soak-rss.png, copied to target/soak/soak-rss.png)
# and checks, exit status 0 on PASS, 1 on FAIL:
#   1. statuses   every response had its kind's expected status (and body), in wrk and in
#                 clara's own clara_requests_total (webhook: only 200, 403, 413)
#   2. sockets    no socket error (connect, read, write, timeout) in any wrk process: none is
#                 tolerated. wrk stopping at the end of its duration is not an error; it leaves
#                 at most one request per connection unanswered (the distinct ones are replayed).
#   3. kept up    no miss or voice note was answered busy; no distinct pool ran out
#   4. rate       the load achieved at least 80 % of the target rate
#   5. accounted  accepted = delivered + dead-lettered, every one matched by recipient or
#                 MessageSid, none twice; dead-letter file lines = clara_dead_letters_total =
#                 messages the Twilio mock refused
#   6. drained    the queue emptied within SOAK_DRAIN_MAX_S
#   7. pipeline   (mock counts) every accepted voice note fetched once and transcribed once;
#                 every one transcribed to the cached question answered with its recorded audio
#                 (MediaUrl); Gemini answers = accepted text misses + voice notes transcribed to
#                 a miss (no Gemini call lost or repeated)
#   8. RSS flat   over the soak after the warm-up (W = SOAK_WARMUP_S), with RSS net of the
#                 bounded tables that fill by design while distinct misses arrive: the webhook
#                 dedupe keeps every MessageSid's response for 10 minutes (up to 20,000 ids), and
#                 each Gemini answer goes to the hot answer cache (up to 2,048) and leaves a
#                 per-sender bucket (up to 50,000). A 10-minute soak is shorter than the dedupe's
#                 10-minute TTL, so the dedupe only fills during it (~4,200 ids by default):
#                   net = RSS - SOAK_DEDUPE_BYTES x dedupe entries (/health)
#                             - SOAK_ANSWER_BYTES x Gemini answers (mock)
#                 The defaults, 160 and 384 bytes. A dedupe entry is the MessageSid (shared by
#                 the map and the expiry ring) and a pointer to the compiled answer: about 64 B
#                 of string, 32 B of ring and 30 B of map slot, so 160 B with room. Until
#                 2026-11-27 the dedupe kept each response's TwiML (about 1 KB) and the allowance
#                 was 1,024 B, matching the raw RSS growth of 1.31-1.33 KiB per distinct message
#                 measured then under this soak's load (120 and 150 s at 10,000 req/s, 7 distinct
#                 messages/s). Without the cache-hit load the same
#                 entries cost less: 570-770 B per voice note to a cached question (a dedupe
#                 entry only) and about 750 B per text miss over 20,000 of them. Past the caps
#                 (20,000 ids, 2,048 answers) RSS grew by only ~75 B per further text miss (the
#                 sender buckets, pruned only at 50,000), plus a 1.7 MB step near 28,700 senders
#                 when their hash table doubled. The tables grow in such steps (hash map and ring
#                 buffer capacities double), so per-entry figures are averages, and the
#                 allowance could hide a leak of a few hundred bytes per miss, not more.
#                 a. max(net) - mean(net over the first W after the warm-up) < SOAK_RSS_GROWTH_KB
#                    (default 4096 KiB)
#                 b. least-squares slope of net < SOAK_RSS_SLOPE_KB per 10 minutes (default 1024),
#                    checked when the window after the warm-up is at least SOAK_SLOPE_MIN_S long
#                    (default 240; shorter windows are dominated by the allocator settling in and
#                    say nothing about a trend: the check is then SKIP, not PASS)
#                 The raw RSS figures are printed (and plotted) too.
#   9. fds flat   max - min of open fds after the warm-up <= SOAK_FD_SPREAD (default 4)
#  10. clean stop clara exits 0 within 30 s of SIGTERM
# Every process started here is stopped on exit; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-600}
PROBE_S=${SOAK_PROBE_S:-10}
HIT_CONNS=${SOAK_CONNS:-64}
MISS_RATE=${SOAK_MISS_RATE:-5}
VOICE_RATE=${SOAK_VOICE_RATE:-2}
BADSIG_RATE=${SOAK_BADSIG_RATE:-10}
OVERSIZE_RATE=${SOAK_OVERSIZE_RATE:-5}
REJECT_EVERY=${SOAK_TWILIO_REJECT_EVERY:-50}
GEMINI_DELAY_MS=${SOAK_GEMINI_DELAY_MS:-0}
SAMPLE_S=${SOAK_SAMPLE_S:-5}
WARMUP_S=${SOAK_WARMUP_S:-$(( DURATION / 10 > 60 ? DURATION / 10 : (DURATION >= 180 ? 60 : DURATION / 3) ))}
RSS_GROWTH_KB=${SOAK_RSS_GROWTH_KB:-4096}
RSS_SLOPE_KB=${SOAK_RSS_SLOPE_KB:-1024}
FD_SPREAD=${SOAK_FD_SPREAD:-4}
SLOPE_MIN_S=${SOAK_SLOPE_MIN_S:-240}
DEDUPE_BYTES=${SOAK_DEDUPE_BYTES:-160}
ANSWER_BYTES=${SOAK_ANSWER_BYTES:-384}
DRAIN_MAX_S=${SOAK_DRAIN_MAX_S:-60}
QUEUE_SIZE=${MISS_QUEUE_SIZE:-256}
WORKERS=${MISS_WORKERS:-4}
int() { [[ $2 =~ ^[0-9]+$ ]] || { echo "$1 must be a whole number (got '$2')" >&2; exit 2; }; }
for v in DURATION PROBE_S HIT_CONNS MISS_RATE VOICE_RATE BADSIG_RATE OVERSIZE_RATE REJECT_EVERY GEMINI_DELAY_MS \
         SAMPLE_S WARMUP_S RSS_GROWTH_KB RSS_SLOPE_KB FD_SPREAD DEDUPE_BYTES ANSWER_BYTES \
         SLOPE_MIN_S DRAIN_MAX_S; do
  int "$v" "${!v}"
done
[ -z "${SOAK_RATE:-}" ] || int SOAK_RATE "$SOAK_RATE"
(( DURATION >= 20 )) || { echo "DURATION_S must be at least 20" >&2; exit 2; }
(( SAMPLE_S >= 1 && HIT_CONNS >= 2 && MISS_RATE >= 1 && VOICE_RATE >= 1 )) \
  || { echo "SOAK_SAMPLE_S, SOAK_MISS_RATE and SOAK_VOICE_RATE must be >= 1, SOAK_CONNS >= 2" >&2; exit 2; }
(( 2 * WARMUP_S < DURATION )) || { echo "SOAK_WARMUP_S must be under half of DURATION_S" >&2; exit 2; }
# Each distinct miss is sent once; a pool with 25 % to spare (the pacing overshoots a little at
# the start) must stay under the dedupe's 20,000 ids, or the oldest would be forgotten mid-run.
MISS_POOL=$(( MISS_RATE * DURATION * 5 / 4 + 20 ))
VOICE_POOL=$(( VOICE_RATE * DURATION * 5 / 4 + 20 ))
(( MISS_POOL + VOICE_POOL <= 19000 )) || {
  echo "distinct misses + voice notes (${MISS_POOL} + ${VOICE_POOL}) over 19,000: lower the rates or the duration" >&2; exit 2; }

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v gnuplot >/dev/null || { apt-get update -q && apt-get install -y -q gnuplot-nox; }
command -v python3 >/dev/null || { echo "python3 is needed for the mocks" >&2; exit 2; }
cargo build --release -q --bin clara
BIN=$PWD/target/release/clara
LUA=$PWD/scripts/soak/paced.lua
# The webhook's body limit, from the source (src/http/mod.rs: `MAX_BODY: usize = 64 * 1024;`).
MAX_BODY=$(( $(sed -n 's/^pub const MAX_BODY: usize = \([0-9* ]*\);.*/\1/p' src/http/mod.rs) ))
(( MAX_BODY > 0 )) || { echo "MAX_BODY not found in src/http/mod.rs" >&2; exit 2; }
OVERSIZE_BYTES=$(( MAX_BODY + 4096 ))

WORK=$(mktemp -d /tmp/clara-soak.XXXXXX)
CLARA='' MOCK='' SAMPLER='' WRKS='' RESULT=FAIL
cleanup() {
  set +e
  for p in $WRKS; do kill "$p" 2>/dev/null; done
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  if [ -n "$CLARA" ] && kill -0 "$CLARA" 2>/dev/null; then
    kill -TERM "$CLARA"
    for _ in $(seq 150); do kill -0 "$CLARA" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$CLARA" 2>/dev/null
  fi
  [ -n "$MOCK" ] && kill -TERM "$MOCK" 2>/dev/null
  wait 2>/dev/null
  if [ "$RESULT" = PASS ] && [ "${SOAK_KEEP:-0}" != 1 ]; then
    rm -rf "$WORK"
  else
    echo "kept: $WORK (samples.csv, wrk-*.txt, clara.log, dead-letters.jsonl, soak-rss.png)" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=lib/drill.sh
source scripts/lib/drill.sh

PORT=$(free_port)
# Credentials made up at run time (no credential-looking literal in the repository).
TOKEN="soak-$(hex16)"
ACCOUNT_SID="AC$(hex16)"
GEMINI_KEY="soak-gemini-$(hex16)"
MODEL=gemini-3.5-flash
PUBLIC_URL="http://127.0.0.1:${PORT}"
URL="${PUBLIC_URL}/webhook"
VOICE_HIT='¿Qué es el IMV?'
VOICE_MISS='¿cómo renuevo el permiso de conducir? nota de voz %d'

# --- the mocks: Gemini, Twilio's Messages.json and a media host, one process -----------------
python3 scripts/mock_upstream.py --port 0 --key "$GEMINI_KEY" --model "$MODEL" \
  --twilio-sid "$ACCOUNT_SID" --twilio-token "$TOKEN" --reject-every "$REJECT_EVERY" \
  --voice-hit "$VOICE_HIT" --voice-miss "$VOICE_MISS" --delay-ms "$GEMINI_DELAY_MS" \
  --port-file "$WORK/mock.port" 2> "$WORK/mock.log" &
MOCK=$!
for _ in $(seq 100); do [ -s "$WORK/mock.port" ] && break; sleep 0.05; done
[ -s "$WORK/mock.port" ] || { echo "the mock did not start" >&2; cat "$WORK/mock.log" >&2; exit 1; }
MOCK_PORT=$(cat "$WORK/mock.port")
MOCK_URL="http://127.0.0.1:${MOCK_PORT}"

# --- the requests --------------------------------------------------------------------------
# Check what each question is for the compiled cache: hits must hit, misses must miss.
intent_of() { "$BIN" ask --json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["intent"])'; }
HIT_QUESTIONS=('¿Qué es el IMV?' "comment s'inscrire au padrón ?" 'how do I get the tarjeta sanitaria?' 'ما هو الحد الأدنى للدخل IMV؟')
MISS_SHAPES=(
  '¿dónde encuentro un piso barato cerca de la calle %d?'
  'me voy a mudar a otra ciudad, la número %d, ¿qué tengo que hacer con mis papeles?'
  '¿puedo pedir una beca de comedor para mi hija? es el caso %d'
  '¿cómo renuevo el permiso de conducir? expediente %d'
)
for q in "${HIT_QUESTIONS[@]}" "$VOICE_HIT"; do
  [ "$(intent_of "$q")" != none ] || { echo "not a cache hit: $q" >&2; exit 2; }
done
for q in "${MISS_SHAPES[@]}" "$VOICE_MISS"; do
  # shellcheck disable=SC2059
  [ "$(intent_of "$(printf "$q" 7)")" = none ] || { echo "not a miss: $q" >&2; exit 2; }
done
python3 - "$WORK" "$MISS_POOL" "$VOICE_POOL" "$MOCK_URL" "${#HIT_QUESTIONS[@]}" \
  "${HIT_QUESTIONS[@]}" "${MISS_SHAPES[@]}" <<'PY'
import sys
from urllib.parse import urlencode
work, n_miss, n_voice, mock = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
n_hits = int(sys.argv[5])
hits, shapes = sys.argv[6:6 + n_hits], sys.argv[6 + n_hits:]
to = ("To", "whatsapp:+14155238886")
with open(f"{work}/hits.body", "w") as f:          # no MessageSid: never deduplicated
    for i, q in enumerate(hits):
        print(urlencode([("Body", q), ("From", f"whatsapp:+3460011{i:04d}"), to,
                         ("NumMedia", "0"), ("ProfileName", "Soak")]), file=f)
with open(f"{work}/miss.body", "w") as f:
    for i in range(n_miss):
        sid = f"SM{0x50a0000000 + i:032x}"
        print(urlencode([("SmsMessageSid", sid), ("NumMedia", "0"), ("ProfileName", f"Persona {i}"),
                         ("MessageType", "text"), ("Body", shapes[i % len(shapes)] % i),
                         ("From", f"whatsapp:+346{i:08d}"), to, ("MessageSid", sid),
                         ("NumSegments", "1"), ("ApiVersion", "2010-04-01")]), file=f)
with open(f"{work}/voice.body", "w") as f:
    for i in range(n_voice):
        sid = f"MM{0x50b0000000 + i:032x}"
        print(urlencode([("SmsMessageSid", sid), ("NumMedia", "1"), ("ProfileName", f"Voz {i}"),
                         ("MessageType", "audio"), ("Body", ""),
                         ("From", f"whatsapp:+347{i:08d}"), to, ("MessageSid", sid),
                         ("MediaUrl0", f"{mock}/media/{i}"), ("MediaContentType0", "audio/ogg"),
                         ("NumSegments", "1"), ("ApiVersion", "2010-04-01")]), file=f)
with open(f"{work}/badsig.body", "w") as f:        # signed later with the wrong token, or not
    print(urlencode([("Body", "¿Qué es el IMV?"), ("From", "whatsapp:+34699999999"), to,
                     ("MessageSid", f"SM{0x50c0000000:032x}"), ("NumMedia", "0")]), file=f)
PY
echo "signing $(( ${#HIT_QUESTIONS[@]} + MISS_POOL + VOICE_POOL )) requests with '$BIN sign' ..."
sign_all() {  # sign_all TOKEN IN OUT: one line per request, "<signature> <body>"
  # shellcheck disable=SC2016
  TWILIO_AUTH_TOKEN=$1 xargs -a "$2" -d '\n' -n1 -P "$(nproc)" \
    sh -c 'printf "%s %s\n" "$("$0" sign "$1" "$2")" "$2"' "$BIN" "$URL" > "$3"
  [ "$(wc -l < "$3")" -eq "$(wc -l < "$2")" ] || { echo "signing $2 failed" >&2; exit 1; }
}
sign_all "$TOKEN" "$WORK/hits.body" "$WORK/hits.txt"
# The distinct pools keep their order (xargs -P may reorder): sort by MessageSid, as generated.
sign_all "$TOKEN" "$WORK/miss.body" "$WORK/miss.unsorted"
sign_all "$TOKEN" "$WORK/voice.body" "$WORK/voice.unsorted"
for kind in miss voice; do
  python3 - "$WORK/$kind.unsorted" "$WORK/$kind.txt" <<'PY'
import sys
from urllib.parse import parse_qs
lines = [l.rstrip("\n") for l in open(sys.argv[1]) if l.strip()]
lines.sort(key=lambda l: parse_qs(l.split(" ", 1)[1])["MessageSid"][0])
open(sys.argv[2], "w").write("".join(l + "\n" for l in lines))
PY
done
sign_all "wrong-$(hex16)" "$WORK/badsig.body" "$WORK/badsig.txt"
echo "- $(cat "$WORK/badsig.body")" >> "$WORK/badsig.txt"   # and one with no signature at all

# The response texts to recognise (TwiML-escaped prefixes of the Spanish templates).
read -r ACK_TEXT ACK_AUDIO BUSY_PREFIX < <(python3 - <<'PY'
import json
from xml.sax.saxutils import escape
t = json.load(open("data/answers/templates.json"))
def prefix(key):
    words = t[key]["texto"]["es"].split()[:4]
    return escape(" ".join(words), {'"': "&quot;", "'": "&apos;"}).replace(" ", "\x01")
print(prefix("ack_text"), prefix("ack_audio"), prefix("busy"))
PY
)
ACK_TEXT=${ACK_TEXT//$'\x01'/ }
ACK_AUDIO=${ACK_AUDIO//$'\x01'/ }
BUSY_PREFIX=${BUSY_PREFIX//$'\x01'/ }

# --- clara -----------------------------------------------------------------------------------
env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
  PORT="$PORT" DEMO_MODE=false LLM_LIVE=true WHISPER_ON=true PUBLIC_URL="$PUBLIC_URL" \
  TWILIO_AUTH_TOKEN="$TOKEN" TWILIO_ACCOUNT_SID="$ACCOUNT_SID" \
  GEMINI_API_KEY="$GEMINI_KEY" GEMINI_MODEL="$MODEL" GEMINI_BASE_URL="${MOCK_URL}/v1beta" \
  TWILIO_API_BASE_URL="$MOCK_URL" TWILIO_MEDIA_HOSTS=127.0.0.1 \
  DEAD_LETTER_PATH="$WORK/dead-letters.jsonl" MISS_JOURNAL_PATH="$WORK/miss-journal.jsonl" \
  HOT_CACHE_PATH="$WORK/hot-cache.bin" \
  MISS_QUEUE_SIZE="$QUEUE_SIZE" MISS_WORKERS="$WORKERS" LOG_LEVEL=warn \
  "$BIN" serve > "$WORK/clara.log" 2>&1 &
CLARA=$!
for _ in $(seq 200); do
  curl -fsS --max-time 1 "${PUBLIC_URL}/health" >/dev/null 2>&1 && break
  kill -0 "$CLARA" 2>/dev/null || { echo "clara exited:" >&2; cat "$WORK/clara.log" >&2; exit 1; }
  sleep 0.05
done
HEALTH=$(curl -fsS --max-time 2 "${PUBLIC_URL}/health")
python3 -c 'import json,sys; c=json.loads(sys.argv[1])["components"]; sys.exit(0 if c["miss_queue"]["enabled"] and c["flags"]["transcription"] and c["flags"]["signatures_checked"] else 1)' "$HEALTH" \
  || { echo "the miss pipeline, transcription or signatures are off: $HEALTH" >&2; exit 1; }
sleep 0.5   # let the start-up model check reach the mock

# --- sampler: every SAMPLE_S, bounded --------------------------------------------------------
SAMPLES="$WORK/samples.csv"
echo idle > "$WORK/phase"
echo "t_s,phase,rss_kb,fds,threads,depth,dead_letters,dedupe_entries,gemini_answers" > "$SAMPLES"
T0=$(now_ms)
(
  max=$(( (PROBE_S + DURATION + DRAIN_MAX_S + 300) / SAMPLE_S + 10 ))
  for k in $(seq 0 "$max"); do
    [ -e "$WORK/stop-sampling" ] && break
    kill -0 "$CLARA" 2>/dev/null || break
    t=$(now_ms)
    read -r rss thr < <(awk '$1 == "VmRSS:" { r = $2 } $1 == "Threads:" { t = $2 } END { print r + 0, t + 0 }' "/proc/$CLARA/status" 2>/dev/null || echo "-1 -1")
    fds=$(find "/proc/$CLARA/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    h=$(curl -s --max-time 2 "${PUBLIC_URL}/health" || true)
    field() { grep -o "\"$1\":[0-9]*" <<< "$h" | head -1 | cut -d: -f2; }
    ga=$(curl -s --max-time 2 "${MOCK_URL}/__stats" | grep -o '"gemini_answers": [0-9]*' | grep -o '[0-9]*$' || true)
    echo "$(awk -v a="$t" -v b="$T0" 'BEGIN { printf "%.1f", (a - b) / 1000 }'),$(cat "$WORK/phase"),${rss},${fds},${thr},$(field depth),$(field dead_letters),$(field dedupe_entries),${ga:-0}" >> "$SAMPLES"
    wake=$(( T0 + (k + 1) * SAMPLE_S * 1000 ))
    left=$(( wake - $(now_ms) ))
    (( left > 0 )) && sleep "$(awk -v ms="$left" 'BEGIN { printf "%.3f", ms / 1000 }')"
  done
) &
SAMPLER=$!
for _ in $(seq 100); do [ "$(wc -l < "$SAMPLES")" -ge 2 ] && break; sleep 0.05; done   # idle sample

# run_wrk KIND RATE THREADS CONNS DURATION_S FILE: one wrk process in the background (pid in $!)
run_wrk() {
  SOAK_KIND=$1 SOAK_KRATE=$2 SOAK_KTHREADS=$3 SOAK_KCONNS=$4 SOAK_KFILE=$6 \
  SOAK_ACK=$( [ "$1" = voice ] && echo "$ACK_AUDIO" || echo "$ACK_TEXT" ) SOAK_BUSY="$BUSY_PREFIX" \
  SOAK_OVERSIZE_BYTES=$OVERSIZE_BYTES \
    wrk -t"$3" -c"$4" -d"$5s" --timeout 10s -s "$LUA" "$URL" > "$WORK/wrk-$1.txt" 2>&1 &
}
soak_field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< " $(grep '^SOAK ' "$WORK/wrk-$1.txt" 2>/dev/null)"; }

# --- the maximum: unpaced signed cache hits --------------------------------------------------
if [ -n "${SOAK_RATE:-}" ]; then
  RATE=$SOAK_RATE MAX_RPS=''
  echo "soak rate forced: ${RATE} req/s (no probe)"
else
  echo probe > "$WORK/phase"
  echo "probing the maximum throughput of signed cache hits for ${PROBE_S} s (-t2 -c16) ..."
  run_wrk probe 0 2 16 "$PROBE_S" "$WORK/hits.txt"
  wait $! || true
  MAX_RPS=$(soak_field probe rps)
  [ -n "$MAX_RPS" ] || { echo "the probe failed:" >&2; cat "$WORK/wrk-probe.txt" >&2; exit 1; }
  PROBE_ERRORS=$(( $(soak_field probe non2xx) + $(soak_field probe err_connect) + $(soak_field probe err_read) + $(soak_field probe err_write) + $(soak_field probe err_timeout) ))
  [ "$PROBE_ERRORS" = 0 ] || { echo "the probe had ${PROBE_ERRORS} errors or non-2xx answers:" >&2; cat "$WORK/wrk-probe.txt" >&2; exit 1; }
  RATE=$(awk -v m="$MAX_RPS" 'BEGIN { printf "%d", m / 2 }')
  echo "maximum ${MAX_RPS} req/s; soaking at half: ${RATE} req/s"
  echo settle > "$WORK/phase"
  sleep 2
fi
HIT_RATE=$(( RATE - MISS_RATE - VOICE_RATE - BADSIG_RATE - OVERSIZE_RATE ))
(( HIT_RATE >= 100 )) || { echo "rate ${RATE} leaves ${HIT_RATE} req/s for cache hits (need >= 100)" >&2; exit 2; }

# --- the soak --------------------------------------------------------------------------------
echo soak > "$WORK/phase"
SOAK_START=$(now_ms)
echo "soaking ${URL} for ${DURATION} s at ${RATE} req/s: hit ${HIT_RATE}/s (${HIT_CONNS} conns), miss ${MISS_RATE}/s, voice ${VOICE_RATE}/s, badsig ${BADSIG_RATE}/s, oversize ${OVERSIZE_RATE}/s ..."
run_wrk hit "$HIT_RATE" 2 "$HIT_CONNS" "$DURATION" "$WORK/hits.txt"; WRKS="$!"
run_wrk miss "$MISS_RATE" 1 1 "$DURATION" "$WORK/miss.txt"; WRKS="$WRKS $!"
run_wrk voice "$VOICE_RATE" 1 1 "$DURATION" "$WORK/voice.txt"; WRKS="$WRKS $!"
run_wrk badsig "$BADSIG_RATE" 1 1 "$DURATION" "$WORK/badsig.txt"; WRKS="$WRKS $!"
run_wrk oversize "$OVERSIZE_RATE" 1 1 "$DURATION" "$WORK/hits.txt"; WRKS="$WRKS $!"
# wrk stops itself after DURATION; a watchdog stops it 60 s later if it has not.
for _ in $(seq $(( (DURATION + 60) * 2 ))); do
  running=0
  for p in $WRKS; do kill -0 "$p" 2>/dev/null && running=1; done
  [ "$running" = 0 ] && break
  sleep 0.5
done
for p in $WRKS; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
WRKS=''
SOAK_END=$(now_ms)
echo drain > "$WORK/phase"
for kind in hit miss voice badsig oversize; do
  grep -q '^SOAK ' "$WORK/wrk-$kind.txt" || { echo "wrk ($kind) failed:" >&2; cat "$WORK/wrk-$kind.txt" >&2; exit 1; }
done

# --- replay the distinct requests whose answer wrk did not see -------------------------------
# (in flight when wrk stopped, or lost to a socket error): the dedupe answers with the first
# response if clara saw them, and takes them as new otherwise. Either way the answer is known.
REPLAY=$(python3 - "$PORT" "$WORK" "$ACK_TEXT" "$ACK_AUDIO" "$BUSY_PREFIX" \
  "$(soak_field miss unseen),$(soak_field miss pending)" "$(soak_field voice unseen),$(soak_field voice pending)" <<'PY'
import http.client, json, sys
port, work, ack_text, ack_audio, busy = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
out = {}
for kind, arg, ack in (("miss", sys.argv[6], ack_text), ("voice", sys.argv[7], ack_audio)):
    idx = sorted({int(x) for x in arg.split(",") if x not in ("", "-")})
    lines = open(f"{work}/{kind}.txt").read().splitlines()
    res = {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for i in idx:
        sig, body = lines[i % len(lines)].split(" ", 1)
        conn.request("POST", "/webhook", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig})
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        res[i] = ("ok" if ack in text else "busy" if busy in text else "empty"
                  if "<Response />" in text else "other") if r.status == 200 else f"status{r.status}"
    out[kind] = res
print(json.dumps(out))
PY
)

# --- drain: every accepted miss delivered or dead-lettered, bounded --------------------------
ACCOUNT_PY=$(cat <<'PY'
import json, sys, urllib.request
from urllib.parse import parse_qs
work, mock, final = sys.argv[1], sys.argv[2], sys.argv[3] == "final"
replay = json.loads(sys.argv[4])
fields = dict(a.split("=", 1) for a in sys.argv[5].split())
deliveries = json.load(urllib.request.urlopen(f"{mock}/__deliveries", timeout=5))
created, rejected = deliveries["created"], deliveries["rejected"]
dead = {}
try:
    for line in open(f"{work}/dead-letters.jsonl"):
        if line.strip():
            sid = json.loads(line)["message_sid"]
            dead[sid] = dead.get(sid, 0) + 1
except FileNotFoundError:
    pass
res = {"accepted": 0, "delivered": 0, "dead": 0, "lost": 0, "twice": 0, "refused": 0,
       "miss_accepted": 0, "voice_accepted": 0}
lost_examples = []
for kind in ("miss", "voice"):
    sent = int(fields[f"{kind}_sent"])
    classes = {}
    for item in fields[f"{kind}_nonack"].split(","):
        if ":" in item:
            i, c = item.split(":", 1)
            classes[int(i)] = c
    for i, c in replay.get(kind, {}).items():
        classes[int(i)] = c
    lines = open(f"{work}/{kind}.txt").read().splitlines()
    for i in range(sent):
        if classes.get(i, "ok") != "ok":
            res["refused"] += 1
            continue
        form = parse_qs(lines[i].split(" ", 1)[1])
        to, sid = form["From"][0], form["MessageSid"][0]
        res["accepted"] += 1
        res[f"{kind}_accepted"] += 1
        n_created, n_dead = created.get(to, 0), dead.get(sid, 0)
        if n_dead:
            res["dead"] += 1
        elif n_created:
            res["delivered"] += 1
        else:
            res["lost"] += 1
            if len(lost_examples) < 5:
                lost_examples.append(sid)
        if n_created > 1 or n_dead > 1 or rejected.get(to, 0) > 1:
            res["twice"] += 1
res["dead_lines"] = sum(dead.values())
print(" ".join(f"{k}={v}" for k, v in res.items()), "lost_sids=" + (",".join(lost_examples) or "-"))
PY
)
account_args() {
  echo "miss_sent=$(soak_field miss sent) miss_nonack=$(soak_field miss nonack) voice_sent=$(soak_field voice sent) voice_nonack=$(soak_field voice nonack)"
}
DRAIN_START=$(now_ms)
DRAINED=no
while :; do
  depth=$(curl -s --max-time 2 "${PUBLIC_URL}/health" | grep -o '"depth":[0-9]*' | cut -d: -f2 || true)
  ACC=$(python3 -c "$ACCOUNT_PY" "$WORK" "$MOCK_URL" poll "$REPLAY" "$(account_args)" || true)
  lost=$(sed -n 's/.*lost=\([0-9]*\).*/\1/p' <<< "$ACC")
  if [ "${depth:-1}" = 0 ] && [ "${lost:-1}" = 0 ]; then DRAINED=yes; break; fi
  (( $(now_ms) - DRAIN_START < DRAIN_MAX_S * 1000 )) || break
  sleep 0.5
done
DRAIN_MS=$(( $(now_ms) - DRAIN_START ))
DRAIN_S=$(awk -v ms="$DRAIN_MS" 'BEGIN { printf "%.1f", ms / 1000 }')
sleep 2   # a last look: nothing more may arrive (a second delivery would show as "twice")
ACC=$(python3 -c "$ACCOUNT_PY" "$WORK" "$MOCK_URL" final "$REPLAY" "$(account_args)")
acc() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $ACC"; }
sleep "$SAMPLE_S"   # one more sample after the drain
touch "$WORK/stop-sampling"
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=''

# --- the service's own counts ----------------------------------------------------------------
METRICS=$(curl -fsS --max-time 2 "${PUBLIC_URL}/metrics" || true)
MOCK_STATS=$(curl -fsS --max-time 2 "${MOCK_URL}/__stats" || echo '{}')
stat() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))' "$MOCK_STATS" "$1"; }
DEAD_METRIC=$(awk '$1 == "clara_dead_letters_total" { print $2 }' <<< "$METRICS" | head -1)
SERVER_STATUSES=$(awk -F'[",{}= ]+' '/^clara_requests_total\{/ { printf "%s:%s=%s ", $3, $5, $NF }' <<< "$METRICS")
server_count() { awk -v r="$1" -v s="$2" -F'[",{}= ]+' '/^clara_requests_total\{/ && $3 == r && $5 == s { print $NF }' <<< "$METRICS" | head -1; }
UNEXPECTED_SERVER=$(awk -F'[",{}= ]+' '/^clara_requests_total\{/ {
    ok = ($3 == "webhook" && ($5 == 200 || $5 == 403 || $5 == 413)) || (($3 == "health" || $3 == "metrics") && $5 == 200)
    if (!ok) n += $NF } END { print n + 0 }' <<< "$METRICS")
HWM_KB=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$CLARA/status")
FINAL_RSS_KB=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$CLARA/status")
LOG_LINES=$(wc -l < "$WORK/clara.log")

# --- clean stop --------------------------------------------------------------------------------
STOP_START=$(now_ms)
kill -TERM "$CLARA"
for _ in $(seq 300); do kill -0 "$CLARA" 2>/dev/null || break; sleep 0.1; done
STOP_MS=$(( $(now_ms) - STOP_START ))
CLARA_RC=0; wait "$CLARA" 2>/dev/null || CLARA_RC=$?
kill -0 "$CLARA" 2>/dev/null && CLARA_RC=running || CLARA=''

# --- flatness --------------------------------------------------------------------------------
SOAK_FROM=$(awk -v a="$SOAK_START" -v b="$T0" 'BEGIN { printf "%.1f", (a - b) / 1000 }')
SOAK_TO=$(awk -v a="$SOAK_END" -v b="$T0" 'BEGIN { printf "%.1f", (a - b) / 1000 }')
FLAT=$(python3 - "$SAMPLES" "$SOAK_FROM" "$SOAK_TO" "$WARMUP_S" "$DEDUPE_BYTES" "$ANSWER_BYTES" <<'PY'
import csv, sys
path, t_from, t_to, warm = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
dedupe_bytes, answer_bytes = float(sys.argv[5]), float(sys.argv[6])
rows = [r for r in csv.DictReader(open(path)) if r["rss_kb"] not in ("", "-1")]
num = lambda r, k: float(r[k] or 0)
soak = [r for r in rows if r["phase"] == "soak"]
after = [r for r in soak if float(r["t_s"]) >= t_from + warm]
base = [r for r in after if float(r["t_s"]) < t_from + 2 * warm]
def net(r):
    return (num(r, "rss_kb") - dedupe_bytes / 1024 * num(r, "dedupe_entries")
            - answer_bytes / 1024 * num(r, "gemini_answers"))
def slope(rs, f):  # least squares, KiB per 10 minutes
    xs, ys = [float(r["t_s"]) for r in rs], [f(r) for r in rs]
    n = len(xs); mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    return 600 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
out = {"samples": len(rows), "soak_samples": len(soak), "after_warmup": len(after)}
if len(after) >= 3 and base:
    rss = lambda r: num(r, "rss_kb")
    out.update(
        rss_idle=num(rows[0], "rss_kb"), rss_soak_start=num(soak[0], "rss_kb"),
        rss_soak_end=num(soak[-1], "rss_kb"), rss_max=max(rss(r) for r in rows),
        rss_base=sum(rss(r) for r in base) / len(base), rss_after_max=max(rss(r) for r in after),
        raw_slope=slope(after, rss),
        net_base=sum(net(r) for r in base) / len(base), net_max=max(net(r) for r in after),
        net_slope=slope(after, net), window=float(after[-1]["t_s"]) - float(after[0]["t_s"]),
        dedupe_start=num(after[0], "dedupe_entries"), dedupe_end=num(after[-1], "dedupe_entries"),
        answers_start=num(after[0], "gemini_answers"), answers_end=num(after[-1], "gemini_answers"),
        fds_min=min(num(r, "fds") for r in after), fds_max=max(num(r, "fds") for r in after),
        fds_soak_min=min(num(r, "fds") for r in soak), fds_soak_max=max(num(r, "fds") for r in soak),
        thr_min=min(num(r, "threads") for r in after), thr_max=max(num(r, "threads") for r in after),
        depth_max=max(num(r, "depth") for r in rows))
    out["raw_growth"] = out["rss_after_max"] - out["rss_base"]
    out["net_growth"] = out["net_max"] - out["net_base"]
print(" ".join(f"{k}={v:.0f}" if isinstance(v, float) else f"{k}={v}" for k, v in out.items()))
# The net RSS of every sample, for the plot.
with open(path.replace(".csv", "-net.csv"), "w") as f:
    for r in rows:
        print(f"{r['t_s']},{net(r) * 1024 / 1e6:.3f}", file=f)
PY
)
flat() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $FLAT"; }

# --- the plot --------------------------------------------------------------------------------
PLOT="$WORK/soak-rss.png"
TERMINAL=png
gnuplot -e 'set terminal' 2>&1 | grep -q pngcairo && TERMINAL=pngcairo
WARM_AT=$(awk -v a="$SOAK_FROM" -v w="$WARMUP_S" 'BEGIN { print a + w }')
gnuplot > "$WORK/gnuplot.log" 2>&1 <<GP || echo "gnuplot failed (see $WORK/gnuplot.log)" >&2
set terminal ${TERMINAL} size 1200,600
set output '${PLOT}'
set datafile separator ','
set title "clara soak: ${DURATION} s at ${RATE} req/s (cache hits ${HIT_RATE}/s, misses ${MISS_RATE}/s, voice notes ${VOICE_RATE}/s, bad signatures ${BADSIG_RATE}/s, oversized ${OVERSIZE_RATE}/s)\\nRSS every ${SAMPLE_S} s; net = RSS - ${DEDUPE_BYTES} B x dedupe entries - ${ANSWER_BYTES} B x Gemini answers"
set xlabel 'seconds since clara started'
set ylabel 'MB'
set y2label 'open fds'
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set grid
set key bottom right box opaque
set arrow from ${SOAK_FROM}, graph 0 to ${SOAK_FROM}, graph 1 nohead dt 2 lc rgb 'gray40'
set arrow from ${SOAK_TO}, graph 0 to ${SOAK_TO}, graph 1 nohead dt 2 lc rgb 'gray40'
set arrow from ${WARM_AT}, graph 0 to ${WARM_AT}, graph 1 nohead dt 3 lc rgb 'gray60'
set label 'soak' at ${SOAK_FROM}, graph 0.96 offset 0.5,0
set label 'warm-up over' at ${WARM_AT}, graph 0.84 offset 0.5,0 tc rgb 'gray40'
$( [ -n "$MAX_RPS" ] && echo "set label 'probe' at 0, graph 0.96 offset 0.5,0" )
set label 'drain' at ${SOAK_TO}, graph 0.96 offset 0.5,0
plot '${SAMPLES}' every ::1 using 1:(\$3*1024/1e6) with linespoints pt 7 ps 0.4 lw 2 lc rgb '#1f77b4' title 'RSS (MB)', \
     '${WORK}/samples-net.csv' using 1:2 with lines lw 1 dt 2 lc rgb '#2ca02c' title 'RSS net of the bounded tables (MB)', \
     '${SAMPLES}' every ::1 using 1:4 axes x1y2 with steps lw 1 lc rgb '#d62728' title 'open fds (right axis)'
GP
if [ -s "$PLOT" ]; then mkdir -p target/soak && cp "$PLOT" target/soak/soak-rss.png; fi

# --- summary ---------------------------------------------------------------------------------
kind_line() {
  local k=$1
  printf "%-9s: %8s requests in %ss (%s req/s, target %s); statuses %s; expected %s, unexpected %s, busy %s, bad body %s; socket errors %s/%s/%s/%s; p50 %s ms, p99 %s ms, max %s ms\n" \
    "$k" "$(soak_field "$k" requests)" "$(soak_field "$k" duration_s)" "$(soak_field "$k" rps)" "$2" \
    "$(soak_field "$k" statuses)" "$(soak_field "$k" expected)" "$(soak_field "$k" unexpected)" \
    "$(soak_field "$k" busy)" "$(soak_field "$k" badbody)" \
    "$(soak_field "$k" err_connect)" "$(soak_field "$k" err_read)" "$(soak_field "$k" err_write)" "$(soak_field "$k" err_timeout)" \
    "$(soak_field "$k" p50_ms)" "$(soak_field "$k" p99_ms)" "$(soak_field "$k" max_ms)"
}
TOTAL_REQ=0; TOTAL_RPS=0; UNEXP=0; BADBODY=0; SOCKERR=0; BUSY=0; EXHAUSTED=0
for k in hit miss voice badsig oversize; do
  TOTAL_REQ=$(( TOTAL_REQ + $(soak_field "$k" requests) ))
  TOTAL_RPS=$(awk -v a="$TOTAL_RPS" -v b="$(soak_field "$k" rps)" 'BEGIN { print a + b }')
  UNEXP=$(( UNEXP + $(soak_field "$k" unexpected) ))
  BADBODY=$(( BADBODY + $(soak_field "$k" badbody) ))
  BUSY=$(( BUSY + $(soak_field "$k" busy) ))
  EXHAUSTED=$(( EXHAUSTED + $(soak_field "$k" exhausted) ))
  SOCKERR=$(( SOCKERR + $(soak_field "$k" err_connect) + $(soak_field "$k" err_read) + $(soak_field "$k" err_write) + $(soak_field "$k" err_timeout) ))
done
kb_mb() { mb "$(flat "$1")"; }
echo
echo "== soak: ${DURATION} s, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo), $(uname -sr)"
echo "rate                   : target ${RATE} req/s$( [ -n "$MAX_RPS" ] && echo " (half of the ${MAX_RPS} req/s measured by the ${PROBE_S} s probe)" || echo " (SOAK_RATE)"); achieved ${TOTAL_RPS} req/s, ${TOTAL_REQ} requests"
kind_line hit "$HIT_RATE"
kind_line miss "$MISS_RATE"
kind_line voice "$VOICE_RATE"
kind_line badsig "$BADSIG_RATE"
kind_line oversize "$OVERSIZE_RATE"
echo "server statuses        : ${SERVER_STATUSES}(unexpected ${UNEXPECTED_SERVER})"
echo "replayed after the load: miss $(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["miss"]))' "$REPLAY"), voice $(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["voice"]))' "$REPLAY") (answers wrk did not see)"
echo "misses + voice notes   : sent $(( $(soak_field miss sent) + $(soak_field voice sent) )), accepted $(acc accepted), refused $(acc refused)"
echo "delivered (Twilio mock): $(acc delivered)   [mock: $(stat twilio_created) messages created, $(stat twilio_created_with_media) with MediaUrl, $(stat twilio_recipients) recipients]"
echo "dead-lettered          : $(acc dead)   [file lines $(acc dead_lines), clara_dead_letters_total ${DEAD_METRIC}, mock refused $(stat twilio_rejected) (21610 every ${REJECT_EVERY})]"
echo "lost / twice           : $(acc lost) / $(acc twice)$( [ "$(acc lost)" = 0 ] || echo "  e.g. $(acc lost_sids)")"
echo "gemini mock            : $(stat gemini_answers) answers, $(stat gemini_transcriptions) transcriptions ($(stat transcribed_hit) to a cached question, $(stat transcribed_miss) to a miss); media served $(stat media_served); 401s $(( $(stat twilio_unauthorized) + $(stat media_unauthorized) ))"
echo "drain                  : ${DRAINED} after ${DRAIN_S} s (bound ${DRAIN_MAX_S} s); queue depth max $(flat depth_max) (capacity ${QUEUE_SIZE})"
echo "samples                : $(flat samples) every ${SAMPLE_S} s ($(flat soak_samples) in the soak, $(flat after_warmup) after the ${WARMUP_S} s warm-up) in samples.csv"
echo "RSS                    : idle $(kb_mb rss_idle) MB, soak start $(kb_mb rss_soak_start) MB, soak end $(kb_mb rss_soak_end) MB, max $(kb_mb rss_max) MB, VmHWM $(mb "$HWM_KB") MB, final $(mb "$FINAL_RSS_KB") MB"
echo "RSS after warm-up      : raw: growth $(flat raw_growth) KiB (max - mean of the first ${WARMUP_S} s), slope $(flat raw_slope) KiB/10 min"
echo "                         net of the tables (dedupe entries $(flat dedupe_start) -> $(flat dedupe_end) at ${DEDUPE_BYTES} B, Gemini answers $(flat answers_start) -> $(flat answers_end) at ${ANSWER_BYTES} B): growth $(flat net_growth) KiB, slope $(flat net_slope) KiB/10 min"
echo "open fds               : soak $(flat fds_soak_min)-$(flat fds_soak_max), after warm-up $(flat fds_min)-$(flat fds_max)"
echo "threads                : after warm-up $(flat thr_min)-$(flat thr_max)"
echo "stop                   : exit status ${CLARA_RC} ${STOP_MS} ms after SIGTERM; log lines (warn+) ${LOG_LINES}"
echo "plot                   : $( [ -s "$PLOT" ] && echo "target/soak/soak-rss.png" || echo none)"

EXPECT_STATUS_OK=$(( UNEXP == 0 && BADBODY == 0 && UNEXPECTED_SERVER == 0 ))
check "statuses" "unexpected: ${UNEXP} in wrk, ${UNEXPECTED_SERVER} in clara_requests_total; bad bodies ${BADBODY}" [ "$EXPECT_STATUS_OK" = 1 ]
check "sockets" "${SOCKERR} socket errors" [ "$SOCKERR" -eq 0 ]
check "kept up" "busy ${BUSY}, pools exhausted ${EXHAUSTED}, refused $(acc refused)" [ $(( BUSY + EXHAUSTED + $(acc refused) )) -eq 0 ]
check "rate" "achieved ${TOTAL_RPS} >= 80 % of ${RATE} req/s" awk -v a="$TOTAL_RPS" -v t="$RATE" 'BEGIN { exit !(a >= 0.8 * t) }'
accounted() {
  [ "$(acc lost)" = 0 ] && [ "$(acc twice)" = 0 ] \
    && [ $(( $(acc delivered) + $(acc dead) )) -eq "$(acc accepted)" ] \
    && [ "$(acc dead_lines)" = "${DEAD_METRIC:-x}" ] && [ "$(acc dead_lines)" = "$(stat twilio_rejected)" ]
}
check "accounted" "accepted $(acc accepted) = delivered $(acc delivered) + dead-lettered $(acc dead); lost $(acc lost), twice $(acc twice); dead letters: file $(acc dead_lines) = metric ${DEAD_METRIC} = mock refused $(stat twilio_rejected)" accounted
check "drained" "queue empty and every reply out after ${DRAIN_S} s (bound ${DRAIN_MAX_S} s)" [ "$DRAINED" = yes ]
pipeline_ok() {
  [ "$(stat media_served)" = "$(acc voice_accepted)" ] && [ "$(stat gemini_transcriptions)" = "$(acc voice_accepted)" ] \
    && [ $(( $(stat twilio_created_with_media) + $(stat twilio_rejected_with_media) )) -eq "$(stat transcribed_hit)" ] \
    && [ "$(stat gemini_answers)" -eq $(( $(acc miss_accepted) + $(stat transcribed_miss) )) ]
}
check "pipeline" "voice notes $(acc voice_accepted): media served $(stat media_served), transcribed $(stat gemini_transcriptions); cached-question answers with MediaUrl $(stat twilio_created_with_media) + refused $(stat twilio_rejected_with_media) = $(stat transcribed_hit); Gemini answers $(stat gemini_answers) = text misses $(acc miss_accepted) + voice misses $(stat transcribed_miss)" pipeline_ok
check "rss growth" "net $(flat net_growth) KiB < ${RSS_GROWTH_KB} KiB (raw $(flat raw_growth) KiB)" [ "$(flat net_growth)" -lt "$RSS_GROWTH_KB" ]
if [ "$(flat window)" -ge "$SLOPE_MIN_S" ]; then
  check "rss slope" "net $(flat net_slope) KiB/10 min < ${RSS_SLOPE_KB} over $(flat window) s (raw $(flat raw_slope))" [ "$(flat net_slope)" -lt "$RSS_SLOPE_KB" ]
else
  echo "SKIP  rss slope: net $(flat net_slope) KiB/10 min (raw $(flat raw_slope)) over $(flat window) s: under ${SLOPE_MIN_S} s after the warm-up, too short to tell a trend"
fi
check "fds flat" "after warm-up $(flat fds_min)-$(flat fds_max): spread $(( $(flat fds_max) - $(flat fds_min) )) <= ${FD_SPREAD}" [ $(( $(flat fds_max) - $(flat fds_min) )) -le "$FD_SPREAD" ]
check "clean stop" "exit status ${CLARA_RC} within 30 s of SIGTERM" [ "$CLARA_RC" = 0 ]
if [ "$FAILS" = 0 ]; then RESULT=PASS; echo "RESULT PASS"; else echo "RESULT FAIL (${FAILS} checks)"; exit 1; fi
