#!/usr/bin/env bash
# Load figures for docs/PERFORMANCE.md: signed cache-hit webhooks against `clara serve`, and the
# same load against the minimal hyper ceiling (examples/ceiling.rs), in one run on this machine.
#
# Usage: scripts/load.sh [DURATION_S] [CONNECTIONS]   (defaults: 10 s, 16 connections)
# Needs wrk (Debian package; installed when missing). Traffic stays on 127.0.0.1.
#
# The request is a real signed Twilio webhook without a MessageSid, so every request is verified,
# matched and answered (a MessageSid would be deduplicated after the first request).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNS=${2:-16}
CLARA_PORT=5080
CEIL_PORT=5081
TOKEN=load-test-token
URL="http://127.0.0.1:${CLARA_PORT}/webhook"

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
cargo build --release -q --bin clara --example ceiling
BIN=target/release/clara

BODY='From=whatsapp%3A%2B34600111222&To=whatsapp%3A%2B14155238886&Body=%C2%BFQu%C3%A9+es+el+IMV%3F&NumMedia=0'
SIG=$(TWILIO_AUTH_TOKEN=$TOKEN $BIN sign "$URL" "$BODY")
LUA=$(mktemp --suffix=.lua)
cat > "$LUA" <<LUA
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Twilio-Signature"] = "$SIG"
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# Start-up to a healthy /health, in milliseconds.
start=$(date +%s%N)
PORT=$CLARA_PORT TWILIO_AUTH_TOKEN=$TOKEN DEMO_MODE=true PUBLIC_URL="http://127.0.0.1:${CLARA_PORT}" \
  LOG_LEVEL=warn $BIN serve > /dev/null &
CLARA=$!
trap 'kill $CLARA $CEIL 2>/dev/null || true; rm -f "$LUA"' EXIT
until curl -fsS "http://127.0.0.1:${CLARA_PORT}/health" > /dev/null 2>&1; do sleep 0.001; done
ready=$(date +%s%N)
echo "startup_to_healthy_ms=$(( (ready - start) / 1000000 ))"
echo "clara_rss_idle_kb=$(rss_kb $CLARA)"

target/release/examples/ceiling "127.0.0.1:${CEIL_PORT}" > /dev/null &
CEIL=$!
sleep 0.3

echo "== ceiling"
wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$LUA" "http://127.0.0.1:${CEIL_PORT}/webhook" | grep RESULT
echo "== clara"
wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$LUA" "$URL" | grep RESULT
echo "clara_rss_after_load_kb=$(rss_kb $CLARA)"
echo "ceiling_rss_after_load_kb=$(rss_kb $CEIL)"
echo "binary_bytes=$(stat -c %s $BIN)"
