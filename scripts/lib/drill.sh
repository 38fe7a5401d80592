# Helpers shared by scripts/fault-load.sh and scripts/soak.sh (sourced, not run).
# Needs python3 (free_port). Defines FAILS, counted by check.

# A free TCP port on 127.0.0.1 (bound, then released).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
# 32 random hex digits, for credentials made up at run time.
hex16() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# kB (as /proc reports them) to MB, one decimal.
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb * 1024 / 1e6 }'; }
FAILS=0
check() {  # check NAME TEXT COMMAND...: PASS when COMMAND succeeds
  local name=$1 text=$2; shift 2
  if "$@"; then echo "PASS  ${name}: ${text}"; else echo "FAIL  ${name}: ${text}"; FAILS=$((FAILS + 1)); fi
}
