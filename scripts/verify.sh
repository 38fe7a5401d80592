#!/usr/bin/env bash
# verify.sh: the QA gate. One command runs every check, prints PASS / FAIL / SKIP with a reason
# for each, a summary line, and exits 1 when any gate failed (0 otherwise, SKIPs included).
#
# Usage: scripts/verify.sh [--quick]
#   --quick   skip the test suite and the release build (each SKIP, reason "--quick"); the gates
#             that boot the binary then use target/release/clara only if it is newer than every
#             source file, and SKIP otherwise.
#
# Gates, in order:
#   fmt               cargo fmt --all -- --check
#   clippy            cargo clippy --all-targets --locked -- -D warnings
#   test              cargo test --locked --no-fail-fast
#   build             cargo build --release --locked   (the release build, as deployed)
#   health            boots target/release/clara on a free 127.0.0.1 port, GET /health is "ok"
#   webhook-signed    a webhook signed with `clara sign` is answered at once from the compiled
#                     cache: 200, TwiML holding the IMV answer's first words, cache counter +1
#   webhook-unsigned  the same webhook without a signature gets 403
#   secret-scan       scripts/secret-scan.sh (working tree and every commit)
#   deny              cargo deny check licenses bans sources (deny.toml); cargo-deny is installed
#                     from crates.io when missing, SKIP when that install fails
#   advisories        cargo deny check advisories, when the RustSec database can be had: it is
#                     cloned from github.com, so SKIP when github.com does not resolve and no copy
#                     is cached (with a cached copy and no network: checked offline against it)
#
# Evidence: docs/evidence/verify-<UTC timestamp>.json (ignored by git; read by
# `clara notion report`):
#   {"date": "...Z", "commit": "<short sha>", "gates": [{"name", "status", "reason"}],
#    "summary": "N passed, N failed, N skipped"}
# Each gate's full output is kept in target/verify/<gate>.log until the next run (target/ is
# $CARGO_TARGET_DIR when that is set).
# Network: crates.io only (cargo, cargo install); the service under test listens on a free port
# and is only spoken to on 127.0.0.1. Every step has a time limit, so nothing hangs.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=false
for arg in "$@"; do
  case $arg in
    --quick) QUICK=true ;;
    -h | --help) sed -n '5,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "verify: unknown argument $arg (usage: scripts/verify.sh [--quick])" >&2; exit 2 ;;
  esac
done

export CARGO_TERM_COLOR=never
STARTED=$(date -u +%s)
DATE=$(date -u -d "@$STARTED" +%Y-%m-%dT%H:%M:%SZ)
STAMP=$(date -u -d "@$STARTED" +%Y%m%dT%H%M%SZ)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# Cargo's target directory (CARGO_TARGET_DIR when set), absolute; shown relative to the root.
TARGET=${CARGO_TARGET_DIR:-target}
[[ $TARGET == /* ]] || TARGET=$ROOT/$TARGET
shown() { printf '%s' "${1#"$ROOT/"}"; }
LOGS=$TARGET/verify
mkdir -p "$LOGS" docs/evidence
rm -f "$LOGS"/*.log
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

GATES=$WORK/gates.tsv
: >"$GATES"
PASSED=0 FAILED=0 SKIPPED=0

# record NAME STATUS REASON: prints the gate's line and keeps it for the evidence file.
record() {
  local reason=${3//$'\t'/ }
  reason=${reason//$'\n'/ }
  printf '%-4s  %-16s  %s\n' "$2" "$1" "$reason"
  printf '%s\t%s\t%s\n' "$1" "$2" "$reason" >>"$GATES"
  case $2 in
    PASS) PASSED=$((PASSED + 1)) ;;
    FAIL) FAILED=$((FAILED + 1)) ;;
    SKIP) SKIPPED=$((SKIPPED + 1)) ;;
  esac
}

# What went wrong, from a log: the failed tests' names, else the first error line, else the last
# line; shortened.
why() { # log
  local line
  line=$(sed -n 's/^test \(.*\) \.\.\. FAILED$/\1/p' "$1" | head -n 5 | paste -sd, - | sed 's/,/, /g')
  if [[ -n $line ]]; then
    printf 'failed: %.200s' "$line"
    return
  fi
  line=$(grep -m1 -E '^(error|warning: unused|FAILED|failures:|test result: FAILED|thread .* panicked)|^Diff in |^(error|warning)\[' "$1" ||
    grep -v '^[[:space:]]*$' "$1" | tail -n 1 || true)
  printf '%.200s' "$line"
}

# run_cargo NAME SECONDS DESCRIPTION COMMAND...: a gate that passes when COMMAND exits 0.
run_cargo() {
  local name=$1 limit=$2 what=$3 log=$LOGS/$1.log start code=0
  shift 3
  start=$(date +%s)
  timeout --kill-after=30 "$limit" "$@" >"$log" 2>&1 || code=$?
  local took=$(($(date +%s) - start))
  if [[ $name == test ]] && grep -q '^test result:' "$log"; then
    # One count over every test binary, as .ci/run prints it.
    what+=": $(awk '/^test result:/ { p += $4; f += $6 } END { printf "%d passed, %d failed", p, f }' "$log")"
  fi
  if ((code == 0)); then
    record "$name" PASS "$what (${took}s)"
  elif ((code == 124 || code == 137)); then
    record "$name" FAIL "$what: no result after ${limit}s (log: $(shown "$log"))"
  else
    record "$name" FAIL "$what: exit $code: $(why "$log") (log: $(shown "$log"))"
  fi
  return 0
}

echo "verify: commit $COMMIT, $DATE$($QUICK && echo ', --quick')"

# ---- Source checks and build -----------------------------------------------------------------

run_cargo fmt 300 "cargo fmt --all -- --check" cargo fmt --all -- --check
run_cargo clippy 2400 "cargo clippy --all-targets --locked -- -D warnings" \
  cargo clippy --all-targets --locked -- -D warnings

if $QUICK; then
  record test SKIP "--quick"
else
  # --no-fail-fast: every test binary runs, so the counts and the failures are complete.
  run_cargo test 3000 "cargo test --locked --no-fail-fast" cargo test --locked --no-fail-fast
fi

BIN=$TARGET/release/clara
BIN_PROBLEM= # why the boot gates cannot run, if they cannot
if $QUICK; then
  record build SKIP "--quick"
  if [[ ! -x $BIN ]]; then
    BIN_PROBLEM="no release binary (--quick skips the build)"
  elif [[ -n $(find src build.rs data audio Cargo.toml Cargo.lock -newer "$BIN" -print -quit 2>/dev/null) ]]; then
    BIN_PROBLEM="$(shown "$BIN") is older than the sources (--quick skips the build)"
  fi
else
  run_cargo build 2400 "cargo build --release --locked" cargo build --release --locked
  grep -q $'^build\tPASS' "$GATES" || BIN_PROBLEM="the release build failed"
fi

# ---- The binary, booted ----------------------------------------------------------------------

TOKEN="verify-token-$RANDOM$RANDOM"
PORT=
SERVER_LOG=$LOGS/server.log

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts the service in the offline demo configuration with signatures on; waits for its
# "listening" log line. Tries three ports (another process could take a free port first).
start_server() {
  for _ in 1 2 3; do
    PORT=$(free_port)
    # A clean environment: no key of the caller's can switch the network on.
    (cd "$WORK" && exec env -i PATH="$PATH" HOME="$WORK" PORT="$PORT" \
      TWILIO_AUTH_TOKEN="$TOKEN" PUBLIC_URL="http://127.0.0.1:$PORT" DEMO_MODE=true \
      OBSERVABILITY_ON=true LOG_LEVEL=info MISS_JOURNAL_PATH="$WORK/journal.jsonl" \
      DEAD_LETTER_PATH="$WORK/dead.jsonl" "$BIN" serve) >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 200); do # 20 s
      grep -qs '"message":"listening"' "$SERVER_LOG" && return 0
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    grep -qis 'address already in use' "$SERVER_LOG" || return 1
  done
  return 1
}

# http METHOD PATH OUTFILE [curl args...]: prints the status code (000 when no answer).
http() {
  local method=$1 path=$2 out=$3
  shift 3
  curl -sS -m 10 -X "$method" -o "$out" -w '%{http_code}' "$@" "http://127.0.0.1:$PORT$path" \
    2>>"$LOGS/curl.log" || true
}

BOOT_GATES=(health webhook-signed webhook-unsigned)
if [[ -n $BIN_PROBLEM ]]; then
  for g in "${BOOT_GATES[@]}"; do record "$g" SKIP "$BIN_PROBLEM"; done
elif ! start_server; then
  reason="the service did not start: $(grep -v '^[[:space:]]*$' "$SERVER_LOG" | tail -n 1 | cut -c1-200) (log: $(shown "$SERVER_LOG"))"
  for g in "${BOOT_GATES[@]}"; do record "$g" FAIL "$reason"; done
else
  # /health
  code=$(http GET /health "$WORK/health.json")
  if [[ $code == 200 ]] && python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["status"] != "ok")' "$WORK/health.json" 2>/dev/null; then
    record health PASS "GET /health on 127.0.0.1:$PORT: 200, status ok"
  else
    record health FAIL "GET /health on 127.0.0.1:$PORT: HTTP $code: $(head -c 200 "$WORK/health.json" 2>/dev/null)"
  fi

  # A real Twilio webhook for "¿Qué es el IMV?", as load.sh sends it, with a fresh MessageSid.
  QUESTION='¿Qué es el IMV?'
  SID=SM$(printf '%s' "$STAMP$RANDOM" | sha256sum | cut -c1-32)
  BODY="MessageSid=$SID&From=whatsapp%3A%2B34600111222&To=whatsapp%3A%2B14155238886&Body=%C2%BFQu%C3%A9+es+el+IMV%3F&NumMedia=0"
  # The words the answer starts with, from the same compiled cache (`clara ask`), XML-escaped.
  EXPECTED=$("$BIN" ask --json "$QUESTION" | python3 -c '
import html, json, sys
reply = json.load(sys.stdin)
assert reply["source"] == "cache", reply["source"]
print(html.escape(" ".join(reply["answer"].split()[:4]), quote=False))' 2>/dev/null) || EXPECTED=
  cache_answers() {
    http GET /metrics "$WORK/metrics.txt" >/dev/null
    awk '$1 == "clara_answers_total{source=\"cache\"}" { print $2 }' "$WORK/metrics.txt" 2>/dev/null
  }
  before=$(cache_answers)
  SIG=$(TWILIO_AUTH_TOKEN=$TOKEN "$BIN" sign "http://127.0.0.1:$PORT/webhook" "$BODY") || SIG=
  code=$(http POST /webhook "$WORK/signed.xml" -H "X-Twilio-Signature: $SIG" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$BODY")
  after=$(cache_answers)
  if [[ -z $EXPECTED ]]; then
    record webhook-signed FAIL "\`clara ask --json '$QUESTION'\` gave no answer from the cache to compare with"
  elif [[ -z $SIG ]]; then
    record webhook-signed FAIL "\`clara sign\` printed no signature"
  elif [[ $code != 200 ]]; then
    record webhook-signed FAIL "signed POST /webhook: HTTP $code, expected 200"
  elif ! grep -qF "<Response><Message><Body>$EXPECTED" "$WORK/signed.xml"; then
    record webhook-signed FAIL "signed POST /webhook: the TwiML's <Body> does not start \"$EXPECTED\": $(head -c 160 "$WORK/signed.xml")"
  elif [[ -z $before || -z $after || $after -ne $((before + 1)) ]]; then
    record webhook-signed FAIL "signed POST /webhook answered, but clara_answers_total{source=\"cache\"} went from '${before}' to '${after}'"
  else
    record webhook-signed PASS "signed POST /webhook: 200, TwiML <Body> starts \"$EXPECTED\", answered from the cache"
  fi

  code=$(http POST /webhook "$WORK/unsigned.txt" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$BODY")
  if [[ $code == 403 ]]; then
    record webhook-unsigned PASS "unsigned POST /webhook: 403"
  else
    record webhook-unsigned FAIL "unsigned POST /webhook: HTTP $code, expected 403"
  fi

  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
fi

# ---- Secrets and dependencies ----------------------------------------------------------------

log=$LOGS/secret-scan.log
code=0
timeout 300 bash scripts/secret-scan.sh >"$log" 2>&1 || code=$?
case $code in
  0) record secret-scan PASS "scripts/secret-scan.sh: working tree and $(git rev-list --all 2>/dev/null | wc -l) commits clean" ;;
  1) record secret-scan FAIL "scripts/secret-scan.sh: $(grep -c ': ' "$log" || true) line(s), first: $(head -n 1 "$log") (log: $(shown "$log"))" ;;
  *) record secret-scan FAIL "scripts/secret-scan.sh: exit $code: $(why "$log")" ;;
esac

DENY_PROBLEM=
if ! cargo deny --version >/dev/null 2>&1; then
  echo "      cargo-deny is missing: cargo install --locked cargo-deny (a few minutes)"
  if ! timeout 2400 cargo install --locked cargo-deny >"$LOGS/cargo-deny-install.log" 2>&1; then
    DENY_PROBLEM="cargo-deny is not installed and \`cargo install --locked cargo-deny\` failed: $(why "$LOGS/cargo-deny-install.log")"
  fi
fi
if [[ -n $DENY_PROBLEM ]]; then
  record deny SKIP "$DENY_PROBLEM"
  record advisories SKIP "$DENY_PROBLEM"
else
  version=$(cargo deny --version 2>/dev/null | awk '{ print $2 }')
  run_cargo deny 600 "cargo deny check licenses bans sources (cargo-deny $version, deny.toml)" \
    cargo deny --color never --locked check licenses bans sources

  # The advisory database is a git clone of github.com/RustSec/advisory-db. Where github.com does
  # not even resolve, asking for it only waits for an error; a copy fetched earlier is used offline.
  dbs=${CARGO_HOME:-$HOME/.cargo}/advisory-dbs
  cached=$(find "$dbs" -mindepth 2 -maxdepth 2 -name crates -type d -print -quit 2>/dev/null || true)
  if timeout 5 getent hosts github.com >/dev/null 2>&1; then
    log=$LOGS/advisories.log
    code=0
    timeout --kill-after=10 180 cargo deny --color never --locked check advisories >"$log" 2>&1 || code=$?
    if ((code == 0)); then
      record advisories PASS "cargo deny check advisories (database fetched now)"
    elif grep -qiE 'failed to (fetch|clone|open).*advisory|could not resolve|unable to access' "$log" || ((code == 124 || code == 137)); then
      record advisories SKIP "the advisory database (github.com/RustSec/advisory-db) could not be fetched: $(why "$log")"
    else
      record advisories FAIL "cargo deny check advisories: $(why "$log") (log: $(shown "$log"))"
    fi
  elif [[ -n $cached ]]; then
    run_cargo advisories 300 "cargo deny --offline check advisories (github.com unreachable; cached database from $(date -u -r "$cached" +%Y-%m-%d))" \
      cargo deny --color never --offline check advisories
  else
    record advisories SKIP "the advisory database is cloned from github.com, which does not resolve here, and no copy is cached in $dbs"
  fi
fi

# ---- Summary and evidence --------------------------------------------------------------------

SUMMARY="$PASSED passed, $FAILED failed, $SKIPPED skipped"
EVIDENCE=docs/evidence/verify-$STAMP.json
python3 - "$GATES" "$DATE" "$COMMIT" "$SUMMARY" >"$EVIDENCE" <<'PY'
import json, sys
path, date, commit, summary = sys.argv[1:5]
gates = []
with open(path, encoding="utf-8") as f:
    for line in f:
        name, status, reason = line.rstrip("\n").split("\t", 2)
        gates.append({"name": name, "status": status, "reason": reason})
json.dump({"date": date, "commit": commit, "gates": gates, "summary": summary},
          sys.stdout, ensure_ascii=False, indent=2)
print()
PY
python3 -m json.tool "$EVIDENCE" >/dev/null

echo "evidence: $EVIDENCE ($(($(date -u +%s) - STARTED)) s)"
echo "verify: $SUMMARY"
((FAILED == 0))
