#!/usr/bin/env bash
# gen-audio.sh: generate the recorded versions of Clara's answers (audio/<answer id>.mp3).
#
# Reads each answer's text the way a voice should say it (`clara speech ID`: markup, emoji
# and long URLs removed), speaks it with a text-to-speech provider and encodes it as a small
# mono MP3 in audio/. The build embeds every file in audio/; see audio/README.md.
#
# Usage (from anywhere in the repository):
#   scripts/gen-audio.sh                      # the default 16 files (see DEFAULT IDS below)
#   scripts/gen-audio.sh imv.plazos.es greeting.ar   # only these answers
#   scripts/gen-audio.sh --all-facets         # default set + every facet of every procedure
#   scripts/gen-audio.sh --provider espeak    # choose the voice engine (espeak is the default)
#   scripts/gen-audio.sh --out /tmp/audio     # write somewhere else than audio/
#
# Providers: `espeak` (espeak-ng, offline, robotic). `gemini` is planned: add a synth_<name>
# function below that writes a WAV file and list it in PROVIDERS.
#
# Needs: cargo; installs Debian's espeak-ng and lame with apt-get when they are missing.
# Output is byte-for-byte reproducible for the same text and the same espeak-ng and lame
# versions (Debian 12: espeak-ng 1.51, lame 3.100), except Arabic answers with some numbers
# (e.g. 2017, 14, 17) that espeak-ng 1.51 reads differently from run to run (see below).
# A changed answer text needs its audio regenerated: rerun this script for that id.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/audio"
PROVIDERS="espeak"
provider="espeak"
all_facets=0
ids=()

# MP3 settings: mono, 22.05 kHz (espeak-ng's own rate), constant 24 kbit/s: 3 KB per second
# of speech; lame then cuts above about 6 kHz, which speech does not need to be understood.
MP3_RATE_KHZ="22.05"
MP3_KBPS="24"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

die() {
    echo "gen-audio: $*" >&2
    exit 2
}

while (($#)); do
    case "$1" in
        --provider) [[ $# -ge 2 ]] || die "--provider needs a value ($PROVIDERS)"; provider="$2"; shift 2 ;;
        --provider=*) provider="${1#*=}"; shift ;;
        --all-facets) all_facets=1; shift ;;
        --out) [[ $# -ge 2 ]] || die "--out needs a directory"; OUT="$2"; shift 2 ;;
        --out=*) OUT="${1#*=}"; shift ;;
        -h | --help) usage; exit 0 ;;
        --) shift; ids+=("$@"); break ;;
        -*) die "unknown option $1 (try --help)" ;;
        *) ids+=("$1"); shift ;;
    esac
done

case " $PROVIDERS " in
    *" $provider "*) ;;
    *) die "unknown provider '$provider' (known: $PROVIDERS)" ;;
esac

# ---- tools ---------------------------------------------------------------------------------

apt_install() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    echo "gen-audio: installing $* with apt-get" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

need_pkgs=()
command -v lame >/dev/null || need_pkgs+=(lame)
if [[ $provider == espeak ]]; then
    command -v espeak-ng >/dev/null || need_pkgs+=(espeak-ng)
fi
if ((${#need_pkgs[@]})); then apt_install "${need_pkgs[@]}"; fi

echo "gen-audio: building clara (cargo build --release)" >&2
(cd "$ROOT" && cargo build --release -q)
CLARA="$ROOT/target/release/clara"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# ---- which answers -------------------------------------------------------------------------

# DEFAULT IDS: what a first contact hears (greeting) and the three "what is it" answers.
LANGS=(es fr en ar)
default_ids=()
for p in imv empadronamiento tarjeta_sanitaria; do
    for l in "${LANGS[@]}"; do default_ids+=("$p.descripcion.$l"); done
done
for l in "${LANGS[@]}"; do default_ids+=("greeting.$l"); done

# Every answer of every procedure: ask `clara check` about a copy of the content that has no
# audio (it then lists every answer id) and keep those whose first part is a procedure
# (a file in data/tramites/).
procedure_ids() {
    mkdir -p "$TMP/content"
    ln -sfn "$ROOT/data" "$TMP/content/data"
    local line procs
    line="$("$CLARA" check "$TMP/content" | sed -n 's/^answers without audio ([0-9]*): //p')"
    [[ -n $line ]] || die "could not list the answers with 'clara check'"
    procs=""
    for f in "$ROOT"/data/tramites/*.json; do procs+="$(basename "$f" .json)"$'\n'; done
    tr ',' '\n' <<<"$line" | tr -d ' ' | while read -r id; do
        if grep -qxF -- "${id%%.*}" <<<"$procs"; then echo "$id"; fi
    done
}

if ((${#ids[@]} == 0)); then
    ids=("${default_ids[@]}")
fi
if ((all_facets)); then
    more="$(procedure_ids)" # (not `< <(...)`: a failure there must stop the script)
    mapfile -t more_ids <<<"$more"
    ids+=("${more_ids[@]}")
fi
# Drop duplicates, keep order.
mapfile -t ids < <(printf '%s\n' "${ids[@]}" | awk '!seen[$0]++')

# ---- providers -----------------------------------------------------------------------------
# synth_<provider> LANG TEXT_FILE WAV_OUT: speak the text (UTF-8) into a mono WAV file.

# espeak-ng voices (see `espeak-ng --voices`) and speed in words per minute. The same speed
# gives longer Arabic recordings (about 1.4 times the English one): espeak-ng speaks Arabic
# slowly, and a faster rate makes its guessed vowels harder to follow.
espeak_voice() {
    case "$1" in
        es) echo "es" ;;     # Spanish (Spain)
        fr) echo "fr-fr" ;;  # French (France)
        en) echo "en-gb" ;;  # English (Great Britain)
        ar) echo "ar" ;;     # Arabic
        *) return 1 ;;
    esac
}
espeak_speed() {
    echo 150
}

synth_espeak() {
    local lang="$1" text="$2" wav="$3" voice
    voice="$(espeak_voice "$lang")" || die "no espeak-ng voice for language '$lang'"
    # -b 1: input is UTF-8. Latin-script words inside Arabic text (IMV, INSS) are read with
    # espeak-ng's English voice, which it switches to by itself.
    espeak-ng -b 1 -v "$voice" -s "$(espeak_speed "$lang")" -w "$wav" -f "$text"
}

# ---- generate ------------------------------------------------------------------------------

mkdir -p "$OUT"

# Seconds of a 16-bit mono WAV file: soxi when there, else from the size and the header's rate.
wav_seconds() {
    if command -v soxi >/dev/null; then
        soxi -D "$1"
    else
        awk -v b="$(stat -c %s "$1")" -v r="$(od -An -tu4 -j24 -N4 "$1")" \
            'BEGIN { printf "%.2f\n", (b - 44) / (2 * r) }'
    fi
}

total=0
for id in "${ids[@]}"; do
    lang="${id##*.}"
    txt="$TMP/$id.txt"
    if ! "$CLARA" speech "$id" >"$txt"; then
        die "'$id' is not an answer id (ids look like imv.descripcion.es or greeting.ar)"
    fi
    # A voice would read "·" as "middle dot": make it a pause.
    sed -i 's/[[:space:]]*·[[:space:]]*/, /g' "$txt"
    if [[ $lang == ar ]]; then
        # Phone numbers (900 20 22 22, 915 298 210, 010) digit by digit in Arabic: easier to
        # write down, and espeak-ng 1.51 reads some Arabic numbers (14, 17, 915, 2017...) with
        # a random extra sound, different on every run. Other numbers are left as they are.
        perl -CSD -i -pe 's{(?<![\d/.,])(\d{2,4}(?: \d{2,4}){2,}|0\d{1,3})(?![\d/]|[.,]\d|\s\d)}{join(", ", map { join(" ", split //) } split / /, $1)}ge' "$txt"
    fi
    wav="$TMP/$id.wav"
    "synth_$provider" "$lang" "$txt" "$wav"
    mp3="$OUT/$id.mp3"
    # Encode in the temp dir, then move: an interrupted run leaves no stray file in audio/
    # (any file there that is not <answer id>.mp3 or .ogg fails the build).
    lame --quiet --noreplaygain -m m --resample "$MP3_RATE_KHZ" -b "$MP3_KBPS" "$wav" "$TMP/$id.mp3"
    mv "$TMP/$id.mp3" "$mp3"
    # An .ogg for the same answer would make the build fail (two audio files for one answer).
    if [[ -e "$OUT/$id.ogg" ]]; then
        echo "gen-audio: warning: $OUT/$id.ogg also exists; remove one of the two" >&2
    fi
    size="$(stat -c %s "$mp3")"
    total=$((total + size))
    printf '%-44s %6.1f KB %6.1f s\n' "${mp3#"$ROOT"/}" "$(awk -v s="$size" 'BEGIN{print s/1024}')" \
        "$(wav_seconds "$wav")"
done
printf 'gen-audio: %d file(s), %.1f KB, provider %s\n' "${#ids[@]}" \
    "$(awk -v s="$total" 'BEGIN{print s/1024}')" "$provider"
