#!/usr/bin/env bash
# Drill for issue 15 (docs/RELIABILITY.md, "With REDIS_URL"): two release Clara processes on
# 127.0.0.1 share one redis-server and behave as one Clara. Prints a table and exits 1 on a FAIL.
#
# Usage: scripts/two-instances.sh
# Needs redis-server (Debian package; installed when missing), curl and python3.
#
# Both instances get the same TWILIO_AUTH_TOKEN (it keys the sender hash in Redis) and the same
# PUBLIC_URL, as behind one load balancer: Twilio signs for the public URL, whichever instance
# receives the request. Requests are signed with `clara sign`. Offline (DEMO_MODE=true): cache
# answers only, no outbound call. Scenarios:
#   1. a Twilio retry (same MessageSid, same signature) sent to the other instance gets the first
#      instance's answer, and the other instance logs it as a retry;
#   2. a conversation across both: "que es el imv" on A, "2" on B (the IMV's second facet, not
#      the menu's second procedure), "3" on A; compared with the same conversation on A alone;
#   3. redis-server killed: a hit on B is still answered, /health says redis down; started
#      again: /health says up without a restart of Clara;
#   4. two live instances C and D (Gemini and Twilio: scripts/mock_upstream.py, one each; C's
#      Gemini never answers in time): four misses acknowledged by C, C killed with SIGKILL, D
#      takes them over after MISS_CLAIM_AFTER and each person gets one reply.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/drill.sh

command -v redis-server >/dev/null || { apt-get update -q && apt-get install -y -q redis-server; }
cargo build --release -q --bin clara
BIN=target/release/clara

WORK=$(mktemp -d)
REDIS='' A='' B='' C='' D='' SLOW='' FAST=''
trap 'kill $A $B $C $D $SLOW $FAST $REDIS 2>/dev/null || true; rm -rf "$WORK"' EXIT
REDIS_PORT=$(free_port)
A_PORT=$(free_port)
B_PORT=$(free_port)

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
    > "$WORK/redis.log" &
  REDIS=$!
  for _ in $(seq 100); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return; sleep 0.05; done
  echo "redis-server did not start" >&2; exit 1
}
start_redis

export TWILIO_AUTH_TOKEN="drill-$(hex16)" PUBLIC_URL="https://clara.example" DEMO_MODE=true
export LOG_LEVEL=info OBSERVABILITY_ON=false REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"
URL="$PUBLIC_URL/webhook"
PORT=$A_PORT $BIN serve > "$WORK/a.log" 2>&1 &
A=$!
PORT=$B_PORT $BIN serve > "$WORK/b.log" 2>&1 &
B=$!

redis_status() {  # redis_status PORT: what /health says of redis
  curl -fsS "http://127.0.0.1:$1/health" 2>/dev/null | sed -n 's/.*"redis":"\([a-z]*\)".*/\1/p'
}
wait_redis() {  # wait_redis PORT WANT: up to 5 s
  for _ in $(seq 100); do [ "$(redis_status "$1")" = "$2" ] && return 0; sleep 0.05; done
  return 1
}
for port in $A_PORT $B_PORT; do wait_redis "$port" up || { echo "no instance on $port sees redis" >&2; exit 1; }; done

# say PORT FROM SID TEXT: the message's <Body> as the instance answers it (signed; `-` for no SID).
say() {
  local form sig
  form=$(python3 -c 'import sys, urllib.parse
p = [("From", sys.argv[1]), ("To", "whatsapp:+14155238886"), ("Body", sys.argv[3]), ("NumMedia", "0")]
if sys.argv[2] != "-": p.append(("MessageSid", sys.argv[2]))
print(urllib.parse.urlencode(p))' "$2" "$3" "$4")
  sig=$($BIN sign "$URL" "$form")
  curl -fsS -H "X-Twilio-Signature: $sig" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data "$form" "http://127.0.0.1:$1/webhook" \
    | python3 -c 'import re, sys
m = re.search(r"<Body>(.*?)</Body>", sys.stdin.read(), re.S)
print(m.group(1) if m else "")'
}
short() { printf '%s' "$1" | tr '\n' ' ' | cut -c1-38; }

ROWS=()
row() {  # row SCENARIO STEP GOT PASS?
  local verdict=FAIL; [ "$4" = 1 ] && verdict=PASS
  [ "$verdict" = FAIL ] && FAILS=$((FAILS + 1))
  ROWS+=("| $1 | $2 | $(short "$3") | $verdict |")
}
same() { [ "$1" = "$2" ] && [ -n "$1" ] && echo 1 || echo 0; }
differ() { [ "$1" != "$2" ] && [ -n "$1" ] && echo 1 || echo 0; }

# 1. A Twilio retry to the other instance.
SID=SM$(hex16)
first=$(say "$A_PORT" whatsapp:+34600000001 "$SID" "¿Qué es el IMV?")
retry=$(say "$B_PORT" whatsapp:+34600000001 "$SID" "¿Qué es el IMV?")
row "retry to the other instance" "A answers MessageSid $SID" "$first" "$([ -n "$first" ] && echo 1 || echo 0)"
row "retry to the other instance" "the same request to B: A's answer" "$retry" "$(same "$retry" "$first")"
logged=$(grep -c "twilio retry: same response again" "$WORK/b.log" || true)
row "retry to the other instance" "B logs it as a retry, once" "$logged log line(s)" "$([ "$logged" = 1 ] && echo 1 || echo 0)"

# 2. A conversation across both, against the same conversation on one instance.
one1=$(say "$A_PORT" whatsapp:+34600000002 "SM$(hex16)" "que es el imv")
one2=$(say "$A_PORT" whatsapp:+34600000002 "SM$(hex16)" "2")
one3=$(say "$A_PORT" whatsapp:+34600000002 "SM$(hex16)" "3")
menu2=$(say "$A_PORT" whatsapp:+34600000004 "SM$(hex16)" "2")
two1=$(say "$A_PORT" whatsapp:+34600000003 "SM$(hex16)" "que es el imv")
two2=$(say "$B_PORT" whatsapp:+34600000003 "SM$(hex16)" "2")
two3=$(say "$A_PORT" whatsapp:+34600000003 "SM$(hex16)" "3")
row "conversation across both" "A: que es el imv" "$two1" "$(same "$two1" "$one1")"
row "conversation across both" "B: 2 (the IMV's 2nd facet)" "$two2" "$(same "$two2" "$one2")"
row "conversation across both" "B's 2 is not a new person's 2" "$menu2" "$(differ "$two2" "$menu2")"
row "conversation across both" "A: 3 (the IMV's 3rd facet)" "$two3" "$(same "$two3" "$one3")"

# 3. Redis killed, then back.
kill "$REDIS"; wait "$REDIS" 2>/dev/null || true; REDIS=''
down_hit=$(say "$B_PORT" whatsapp:+34600000005 "SM$(hex16)" "¿Qué es el IMV?")
row "redis killed" "a hit on B is still answered" "$down_hit" "$(same "$down_hit" "$first")"
wait_redis "$B_PORT" down && down=1 || down=0
row "redis killed" "B's /health: redis down" "$(redis_status "$B_PORT")" "$down"
start_redis
wait_redis "$A_PORT" up && wait_redis "$B_PORT" up && up=1 || up=0
row "redis back" "/health up on both, no restart" "A $(redis_status "$A_PORT"), B $(redis_status "$B_PORT")" "$up"
# A log line about Redis never carries the URL (nor a password, were there one).
leaks=$(cat "$WORK/a.log" "$WORK/b.log" | { grep -c "$REDIS_URL" || true; })
row "logs" "REDIS_URL never logged" "$leaks line(s)" "$([ "$leaks" = 0 ] && echo 1 || echo 0)"

# 4. SIGKILL of an instance with queued misses.
ACCOUNT="AC$(hex16)" GEMINI_KEY="drill-$(hex16)"
mock() {  # mock NAME DELAY_MS: a Gemini+Twilio stand-in; its port in $WORK/NAME.port
  python3 scripts/mock_upstream.py --port 0 --key "$GEMINI_KEY" --delay-ms "$2" \
    --twilio-sid "$ACCOUNT" --twilio-token "$TWILIO_AUTH_TOKEN" --port-file "$WORK/$1.port" \
    2> "$WORK/$1.log" &
}
mock slow 120000; SLOW=$!
mock fast 0; FAST=$!
for _ in $(seq 100); do [ -s "$WORK/slow.port" ] && [ -s "$WORK/fast.port" ] && break; sleep 0.05; done
live() {  # live PORT MOCK_PORT: a live instance on PORT using the mock on MOCK_PORT
  DEMO_MODE=false GEMINI_API_KEY="$GEMINI_KEY" GEMINI_BASE_URL="http://127.0.0.1:$2/v1beta" \
    TWILIO_ACCOUNT_SID="$ACCOUNT" TWILIO_API_BASE_URL="http://127.0.0.1:$2" \
    LLM_TIMEOUT=60 MISS_WORKERS=2 MISS_CLAIM_AFTER=2 PORT=$1 exec $BIN serve
}
C_PORT=$(free_port) D_PORT=$(free_port)
live "$C_PORT" "$(cat "$WORK/slow.port")" > "$WORK/c.log" 2>&1 &
C=$!
live "$D_PORT" "$(cat "$WORK/fast.port")" > "$WORK/d.log" 2>&1 &
D=$!
for port in $C_PORT $D_PORT; do wait_redis "$port" up || { echo "no live instance on $port sees redis" >&2; exit 1; }; done
MISS="¿cómo renuevo el permiso de conducir?"
$BIN ask --json "$MISS" | grep -q '"intent":"none"' || { echo "the drill's question is no longer a miss" >&2; exit 1; }
acks=0
for n in 1 2 3 4; do
  sid="SM$(hex16)" from="whatsapp:+3460000010$n"
  curl -fsS --data-urlencode "MessageSid=$sid" --data-urlencode "From=$from" \
    "http://127.0.0.1:$(cat "$WORK/fast.port")/__inbound" > /dev/null
  ack=$(say "$C_PORT" "$from" "$sid" "$MISS")
  [ -n "$ack" ] && acks=$((acks + 1))
done
row "instance killed, misses queued" "C acknowledges 4 misses (2 in its workers, 2 queued)" "$acks acknowledgement(s)" "$([ "$acks" = 4 ] && echo 1 || echo 0)"
sleep 1
kill -9 "$C"; wait "$C" 2>/dev/null || true; C=''
deliveries() { curl -fsS "http://127.0.0.1:$(cat "$WORK/fast.port")/__deliveries"; }
count_people() { deliveries | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["created"]))'; }
started=$(date +%s.%N)
deadline=$(( ${started%.*} + 20 ))
until [ "$(count_people)" -ge 4 ] || [ "$(date +%s)" -ge "$deadline" ]; do sleep 0.1; done
took=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
people=$(count_people)
row "instance killed, misses queued" "D answers the 4 people (MISS_CLAIM_AFTER=2 s)" "$people people in ${took} s" "$([ "$people" = 4 ] && echo 1 || echo 0)"
sleep 3
once=$(deliveries | python3 -c 'import json, sys; c = json.load(sys.stdin)["created"]; print(sorted(set(c.values())))')
row "instance killed, misses queued" "each person once (3 s later)" "replies per person: $once" "$([ "$once" = "[1]" ] && echo 1 || echo 0)"
left=$(redis-cli -p "$REDIS_PORT" XLEN clara:misses)
row "instance killed, misses queued" "the Redis stream is empty" "$left entr(ies) left" "$([ "$left" = 0 ] && echo 1 || echo 0)"

echo
echo "Two release instances (:$A_PORT, :$B_PORT), one redis-server $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p') (:$REDIS_PORT), $(date -u +%FT%TZ)"
echo
echo "| scenario | step | answer / observation (first 38 chars) | result |"
echo "|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
if [ "$FAILS" -eq 0 ]; then echo "PASS: the instances behaved as one"; else echo "FAIL: $FAILS step(s)"; exit 1; fi
