# Helpers shared by scripts/load.sh and scripts/load-redis.sh (sourced, not run): the programs,
# the two servers, the alternating wrk rounds and the figures. Clara and the hyper ceiling
# (examples/ceiling.rs) are always measured in the same run: compare their ratio.

# need PROGRAM [DEBIAN_PACKAGE]: installs the package when the program is missing.
need() {
  command -v "$1" >/dev/null || { apt-get update -q && apt-get install -y -q "${2:-$1}"; }
}

# Builds the release binary and the ceiling; sets BIN and CEIL_BIN.
build_both() {
  # Two builds, the ceiling first: built together, cargo would give Clara the dev-dependencies'
  # features too (an example may use them), and the binary under test would not be the one that
  # ships (0.7 MB larger on 2026-11-30).
  cargo build --release -q --example ceiling
  cargo build --release -q --bin clara
  BIN=target/release/clara
  CEIL_BIN=target/release/examples/ceiling
}

# start_both CLARA_PORT CEIL_PORT: starts `clara serve` (with the caller's environment) and the
# ceiling; sets CLARA and CEIL (their pids) and waits for both to answer.
start_both() {
  PORT=$1 $BIN serve > /dev/null &
  CLARA=$!
  $CEIL_BIN "127.0.0.1:$2" > /dev/null &
  CEIL=$!
  local port
  for port in "$1" "$2"; do
    for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:${port}/health" && break; sleep 0.05; done
  done
}

# proc_cost PID: "<CPU ticks> <of which system> <context switches>" of a process so far, all
# its threads together (from /proc).
proc_cost() {
  local status switches=0
  for status in /proc/"$1"/task/*/status; do
    switches=$((switches + $(awk '/^(nonv|v)oluntary_ctxt_switches/ { s += $2 } END { print s + 0 }' "$status")))
  done
  echo "$(awk '{ print $14 + $15, $15 }' /proc/"$1"/stat) $switches"
}

# cost_fields REQUESTS BEFORE AFTER [NAME]: per request, what a process spent between two
# `proc_cost` readings: "cpu_us=… sys_us=… switches=…" (or "NAME_us=…" for CPU alone).
cost_fields() {
  awk -v n="$1" -v tck="$(getconf CLK_TCK)" -v name="${4:-}" -v b="$2" -v a="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " "); us = 1e6 / tck / n
    if (name != "") { printf "%s_us=%.1f", name, (y[1] - x[1]) * us; exit }
    printf "cpu_us=%.1f sys_us=%.1f switches=%.3f", (y[1] - x[1]) * us, (y[2] - x[2]) * us, (y[3] - x[3]) / n
  }'
}

# rounds RESULTS ROUNDS DURATION CONNS LUA CLARA_PORT CEIL_PORT [PREPARE]: alternating wrk
# rounds (ceiling first), each line "round N who RESULT ..." appended to RESULTS. PREPARE, if
# given, is run before each round with the round and the server's name, and its output is
# passed to the wrk script as arguments. When CLARA and CEIL hold the servers' pids (as
# `start_both` sets them), each line also gets the server's CPU and context switches per
# request; when REDIS holds redis-server's pid, its CPU per request too.
rounds() {
  local results=$1 n=$2 duration=$3 conns=$4 lua=$5 clara_port=$6 ceil_port=$7 prepare=${8:-}
  local round who port line args pid before after redis_before requests
  for round in $(seq "$n"); do
    for who in ceiling clara; do
      port=$ceil_port pid=${CEIL:-}
      [ "$who" = clara ] && port=$clara_port pid=${CLARA:-}
      args=()
      [ -n "$prepare" ] && read -r -a args <<< "$($prepare "$round" "$who")"
      [ -n "$pid" ] && before=$(proc_cost "$pid")
      [ -n "${REDIS:-}" ] && redis_before=$(proc_cost "$REDIS")
      line=$(wrk -t2 -c"$conns" -d"${duration}s" -s "$lua" "http://127.0.0.1:${port}/webhook" \
        ${args[@]+-- "${args[@]}"} | grep RESULT)
      requests=$(echo "$line" | field requests)
      if [ -n "$pid" ] && [ "${requests:-0}" -gt 0 ]; then
        after=$(proc_cost "$pid")
        line="$line $(cost_fields "$requests" "$before" "$after")"
        [ -n "${REDIS:-}" ] && line="$line $(cost_fields "$requests" "$redis_before" "$(proc_cost "$REDIS")" redis)"
      fi
      echo "round $round $who $line" | tee -a "$results"
    done
  done
}

# The wrk Lua `done` function that prints the RESULT line `rounds` reads (append it to a script).
lua_report() {
  cat <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests))
end
LUA
}

# The load tests' message: a Twilio webhook asking "¿Qué es el IMV?", with no MessageSid (a
# MessageSid would be deduplicated after the first request).
REQUEST_BODY='From=whatsapp%3A%2B34600111222&To=whatsapp%3A%2B14155238886&Body=%C2%BFQu%C3%A9+es+el+IMV%3F&NumMedia=0'

# request_lua FILE [URL TOKEN]: the wrk script that posts REQUEST_BODY, signed for URL with
# TOKEN (by `clara sign`, so BIN must be built) when they are given, and prints the RESULT line.
request_lua() {
  local signature=''
  [ -z "${2:-}" ] || signature=$(TWILIO_AUTH_TOKEN=$3 $BIN sign "$2" "$REQUEST_BODY")
  {
    echo 'wrk.method = "POST"'
    echo "wrk.body = \"$REQUEST_BODY\""
    echo 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"'
    [ -z "$signature" ] || echo "wrk.headers[\"X-Twilio-Signature\"] = \"$signature\""
    lua_report
  } > "$1"
}

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# pick RESULTS WHO FIELD: the median of FIELD over WHO's rounds.
pick() { grep " $2 RESULT" "$1" | field "$3" | median; }
# Errors and non-2xx responses over every round.
bad_responses() {
  grep RESULT "$1" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(errors|non2xx)=/) { split($i, kv, "="); s += kv[2] } } END { print s + 0 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
# paired RESULTS [FIELD]: each round's Clara/ceiling ratio of FIELD (default rps), the two run
# back to back in that round: "median (lowest–highest over N rounds)". On a machine whose speed
# drifts between rounds, the ratio of the medians can pair a fast ceiling round with a slow Clara
# round; the ratio within a round cannot.
paired() {
  awk -v f="${2:-rps}" '
    / RESULT / { for (i = 1; i <= NF; i++) if ($i ~ "^" f "=") { split($i, kv, "="); v[$2, $3] = kv[2] } rounds[$2] = 1 }
    END {
      for (r in rounds) if (v[r, "ceiling"] > 0 && ((r, "clara") in v)) x[++n] = v[r, "clara"] / v[r, "ceiling"]
      if (n == 0) { printf "–"; exit }
      for (i = 2; i <= n; i++) { t = x[i]; for (j = i - 1; j >= 1 && x[j] > t; j--) x[j + 1] = x[j]; x[j + 1] = t }
      m = (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      printf "%.2f× (%.2f–%.2f over %d rounds)", m, x[1], x[n], n
    }' "$1"
}
