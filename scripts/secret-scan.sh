#!/usr/bin/env bash
# secret-scan.sh: look for credentials in the working tree and in every commit of the history.
#
# Usage:
#   scripts/secret-scan.sh [--tree | --history] [PATH]
#     (no option)  the working tree under PATH, then the history of PATH's repository
#     --tree       the working tree only (what tests/secret_scan.rs runs: fast)
#     --history    the history only: every commit of every ref (`git log -p --all`), added lines
#     PATH         the directory to scan (default: the repository this script lives in). Outside
#                  a git repository every file under it is scanned and there is no history.
#
# Exit status: 0 clean, 1 findings, 2 bad usage. Each finding is one line on stdout,
#   FILE:LINE: RULE MASKED          (working tree)
#   COMMIT:FILE:LINE: RULE MASKED   (history; LINE is the line in that commit's version)
# where MASKED keeps the first 4 characters of the secret and stars the rest: the full secret is
# never printed.
#
# Scanner: grep patterns (GNU grep -E), below. A maintained scanner was looked for first:
# `apt-cache policy gitleaks trufflehog` after `apt-get update` finds neither in Debian 12
# (bookworm, checked 2026-11-27), and only Debian's packages can be installed here, so this script
# has one implementation, needs no network, and runs wherever bash, grep and git do.
#
# Rules (the same patterns as the before-stop hook, plus auth tokens):
#   twilio-account-sid  AC + 32 hex
#   twilio-api-key-sid  SK + 32 hex
#   twilio-auth-token   32 hex after a token-ish key name (token, secret, password, api_key),
#                       e.g. TWILIO_AUTH_TOKEN=..., "auth_token": "...", ("X_TOKEN", "...")
#   google-api-key      AIza + 35 of [0-9A-Za-z_-]
#   notion-token        secret_ + 43 alphanumerics, or ntn_ + 40 or more alphanumerics
#   private-key         -----BEGIN ... PRIVATE KEY
# Allowed on purpose: obvious placeholders, whose part after the prefix is one character repeated
# (AC000...0) or the run 0123456789abcdef repeated (AC0123456789abcdef...): the tests use them.
# Not scanned: Cargo.lock (checksums), target/ (build output), .git/, files git ignores (.env is
# meant to hold local secrets and is ignored), binary files.
set -euo pipefail
shopt -s inherit_errexit

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

mode=all
root=
while (($#)); do
  case $1 in
    --tree) mode=tree ;;
    --history) mode=history ;;
    -h | --help) usage ;;
    -*) echo "secret-scan: unknown option $1" >&2; usage ;;
    *) [[ -z $root ]] || usage; root=$1 ;;
  esac
  shift
done
[[ -n $root ]] || root=$(cd "$(dirname "$0")/.." && pwd)
[[ -d $root ]] || { echo "secret-scan: $root is not a directory" >&2; exit 2; }

# name|grep options|pattern (ERE). The secret is the part of the match that secret_of picks.
RULES=(
  "twilio-account-sid|-E|AC[0-9a-f]{32}"
  "twilio-api-key-sid|-E|SK[0-9a-f]{32}"
  "twilio-auth-token|-iE|(token|secret|passw(or)?d|api_?key)[a-z0-9_.-]*[\"']?[[:space:]]*[:=,>]{1,2}[[:space:]]*[\"']?[0-9a-f]{32}([^0-9a-z]|\$)"
  "google-api-key|-E|AIza[0-9A-Za-z_-]{35}"
  "notion-token|-E|secret_[0-9A-Za-z]{43}|ntn_[0-9A-Za-z]{40,}"
  "private-key|-E|-----BEGIN [A-Z ]*PRIVATE KEY"
)
# All the patterns at once, to pick candidate lines (case-insensitive is a superset here).
pattern_of() { local p=${1#*|}; printf '%s' "${p#*|}"; } # a rule's pattern may hold | itself
ANY=$(for r in "${RULES[@]}"; do printf '%s|' "$(pattern_of "$r")"; done)
ANY=${ANY%|}

# The secret inside a rule's match (the token rule's match also holds the key name).
secret_of() { # rule match
  if [[ $1 == twilio-auth-token && $2 =~ ([0-9a-fA-F]{32})[^0-9a-zA-Z]?$ ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  else
    printf '%s' "$2"
  fi
}

# Whether a secret is an obvious placeholder (see the header).
placeholder() { # rule secret
  local body=$2 prefix run=
  [[ $1 == private-key ]] && return 1
  for prefix in AC SK AIza secret_ ntn_; do
    [[ $body == "$prefix"* && ${#body} -gt ${#prefix} ]] && { body=${body#"$prefix"}; break; }
  done
  [[ -z ${body//"${body:0:1}"/} ]] && return 0
  while ((${#run} < ${#body})); do run+=0123456789abcdef; done
  [[ ${body,,} == "${run:0:${#body}}" ]]
}

mask() { # secret
  local stars=${1:4}
  printf '%s%s' "${1:0:4}" "${stars//?/*}"
}

found=()
# Reports the matches of every rule in one line of text.
report_line() { # location text
  local rule flags pattern match secret
  for r in "${RULES[@]}"; do
    IFS='|' read -r rule flags _ <<<"$r"
    pattern=$(pattern_of "$r")
    while IFS= read -r match; do
      [[ -n $match ]] || continue
      secret=$(secret_of "$rule" "$match")
      placeholder "$rule" "$secret" && continue
      found+=("$1: $rule $(mask "$secret")")
    done < <(grep -o "$flags" -e "$pattern" <<<"$2" || true)
  done
}

excluded() { # path relative to the root
  [[ $1 == Cargo.lock || $1 == */Cargo.lock || $1 == target/* || $1 == .git/* ]]
}

in_git() { git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; }

scan_tree() {
  local file line text
  # Candidate lines: FILE NUL LINE:TEXT (grep -Z), so any file name parses.
  while IFS= read -r -d '' file && IFS= read -r line; do
    text=${line#*:}
    report_line "$file:${line%%:*}" "$text"
  done < <(
    cd "$root"
    if in_git; then
      git ls-files -z -co --exclude-standard -- .
    else
      find . \( -name .git -o -path ./target \) -prune -o -type f -print0 | sed -z 's|^\./||'
    fi | while IFS= read -r -d '' f; do excluded "$f" || printf '%s\0' "$f"; done |
      xargs -0 -r grep -HZnsIiE -e "$ANY" -- || true
  )
}

scan_history() {
  in_git || { echo "secret-scan: $root is not in a git repository: no history to scan" >&2; return 0; }
  local commit file line text
  # The patch of every commit, reduced to its added lines: COMMIT TAB FILE TAB LINE TAB TEXT.
  while IFS=$'\t' read -r commit file line text; do
    excluded "$file" && continue
    report_line "${commit:0:12}:$file:$line" "$text"
  done < <(
    git -C "$root" log -p --all --no-color --no-ext-diff --no-textconv --format='commit %H' |
      awk '
        /^commit [0-9a-f]+$/ { commit = $2; head = 1; next }
        /^diff --git / { head = 1; file = ""; next }
        head && /^\+\+\+ / { file = substr($0, 5); sub(/^b\//, "", file); next }
        /^@@ / { head = 0; split($3, c, ","); n = substr(c[1], 2) + 0; next }
        head { next }
        /^\+/ { if (file != "/dev/null") printf "%s\t%s\t%d\t%s\n", commit, file, n, substr($0, 2); n++; next }
        /^ / { n++ }
      ' | grep -iE -e "$ANY" || true
  )
}

[[ $mode == history ]] || scan_tree
[[ $mode == tree ]] || scan_history

if ((${#found[@]})); then
  printf '%s\n' "${found[@]}" | sort -t: -k1,1 -k2,2n
  echo "secret-scan: ${#found[@]} finding(s) in $root ($mode); move them to environment variables and rotate them" >&2
  exit 1
fi
echo "secret-scan: clean ($mode: $root)" >&2
