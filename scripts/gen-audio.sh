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
#   scripts/gen-audio.sh --provider gemini    # Gemini's neural voice (needs GEMINI_API_KEY)
#   scripts/gen-audio.sh --out /tmp/audio     # write somewhere else than audio/
#
# Providers (a synth_<name> function below, listed in PROVIDERS):
#   espeak  espeak-ng: offline, robotic.
#   gemini  Gemini text-to-speech, the neural voice of live spoken replies: needs
#           GEMINI_API_KEY and the network. GEMINI_TTS_MODEL (default gemini-3.8-flash-tts),
#           GEMINI_TTS_VOICE (default Kore, the service's voice) and GEMINI_BASE_URL (default
#           the public API) are read like the service reads them.
#
# Needs: cargo; installs Debian's espeak-ng, lame and curl with apt-get when they are missing.
# espeak output is byte-for-byte reproducible for the same text and the same espeak-ng and
# lame versions (Debian 12: espeak-ng 1.51, lame 3.100), except Arabic answers with some
# numbers (e.g. 2017, 14, 17) that espeak-ng 1.51 reads differently from run to run (see
# below). Gemini's voice is not reproducible: every run gives a slightly different reading.
# A changed answer text needs its audio regenerated: rerun this script for that id.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/audio"
PROVIDERS="espeak gemini"
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

GEMINI_BASE_URL="${GEMINI_BASE_URL:-https://generativelanguage.googleapis.com/v1beta}"
GEMINI_TTS_MODEL="${GEMINI_TTS_MODEL:-gemini-3.8-flash-tts}"
GEMINI_TTS_MODEL="${GEMINI_TTS_MODEL#models/}"
if [[ $provider == gemini && -z ${GEMINI_API_KEY:-} ]]; then
    die "--provider gemini needs GEMINI_API_KEY (a Google AI API key) in the environment"
fi

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
if [[ $provider == gemini ]]; then
    command -v curl >/dev/null || need_pkgs+=(curl)
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
# synth_<provider> LANG TEXT_FILE OUT: speak the text (UTF-8) into OUT.wav, a mono WAV file, or
# into OUT.pcm, headerless signed 16-bit little-endian mono PCM at $pcm_rate Hz.

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
    local lang="$1" text="$2" out="$3" voice
    voice="$(espeak_voice "$lang")" || die "no espeak-ng voice for language '$lang'"
    # -b 1: input is UTF-8. Latin-script words inside Arabic text (IMV, INSS) are read with
    # espeak-ng's English voice, which it switches to by itself.
    espeak-ng -b 1 -v "$voice" -s "$(espeak_speed "$lang")" -w "$out.wav" -f "$text"
}

# Gemini's prebuilt voices speak every language (the text's language is recognised); the
# default is the voice of live spoken replies (DEFAULT_VOICE in src/voice/speaker.rs), so recorded
# and live answers sound alike. GEMINI_TTS_VOICE changes it for every language.
gemini_voice() {
    case "$1" in
        es | fr | en | ar) echo "${GEMINI_TTS_VOICE:-Kore}" ;;
        *) return 1 ;;
    esac
}

# One generateContent call with the TTS model (CONTRACTS.md 2.3). The key goes in a header
# file, never on the command line (where `ps` would show it). curl retries 429 and 5xx answers
# with growing delays; any other failure stops the script with Gemini's own message.
synth_gemini() {
    local lang="$1" text="$2" out="$3" voice code mime
    voice="$(gemini_voice "$lang")" || die "no Gemini voice for language '$lang'"
    perl -MJSON::PP -e '
        local $/;
        open my $fh, "<:encoding(UTF-8)", $ARGV[0] or die "$ARGV[0]: $!\n";
        my $text = <$fh>;
        print JSON::PP->new->utf8->canonical->encode({
            contents => [{ parts => [{ text => $text }] }],
            generationConfig => {
                responseModalities => ["AUDIO"],
                speechConfig => { voiceConfig => { prebuiltVoiceConfig => { voiceName => $ARGV[1] } } },
            },
        });' "$text" "$voice" >"$TMP/request.json"
    (umask 077 && printf 'x-goog-api-key: %s\n' "$GEMINI_API_KEY" >"$TMP/key.header")
    code="$(curl -sS --retry 4 --retry-max-time 120 --max-time 180 -o "$TMP/response.json" \
        -w '%{http_code}' -H @"$TMP/key.header" -H 'Content-Type: application/json' \
        --data-binary @"$TMP/request.json" \
        "$GEMINI_BASE_URL/models/$GEMINI_TTS_MODEL:generateContent")" ||
        die "could not reach Gemini at $GEMINI_BASE_URL"
    if [[ $code != 200 ]]; then
        die "Gemini answered HTTP $code for $GEMINI_TTS_MODEL: $(perl -MJSON::PP -e '
            local $/; my $r = eval { decode_json(<STDIN>) };
            my $e = ref $r eq "HASH" ? $r->{error} : undef;
            print(ref $e eq "HASH" ? ($e->{status} // "") . " " . ($e->{message} // "") : "(no error message)");
            ' <"$TMP/response.json")"
    fi
    # The first audio part (thought parts skipped): its MIME type on stdout, its bytes in
    # OUT.audio. Base64 in either alphabet (proto3 JSON allows the URL-safe one).
    mime="$(perl -MJSON::PP -MMIME::Base64 -e '
        local $/; my $r = decode_json(<STDIN>);
        my $c = ($r->{candidates} // [])->[0];
        for my $p (@{ ($c && $c->{content} && $c->{content}{parts}) // [] }) {
            next if $p->{thought};
            my $blob = $p->{inlineData} or next;
            (my $b64 = $blob->{data} // "") =~ tr{-_}{+/};
            open my $fh, ">:raw", $ARGV[0] or die "$ARGV[0]: $!\n";
            print $fh decode_base64($b64);
            print $blob->{mimeType} // "";
            exit 0;
        }
        my $why = $r->{promptFeedback}{blockReason} // ($c && $c->{finishReason}) // "no candidate";
        print STDERR "no audio in the answer ($why)\n";
        exit 1;
        ' "$out.audio" <"$TMP/response.json")" || die "Gemini gave no audio for '$lang'"
    [[ -s $out.audio ]] || die "Gemini gave empty audio for '$lang'"
    # Raw PCM (audio/L16;codec=pcm;rate=24000) or WAV, depending on the model: branch on the type.
    case "${mime,,}" in
        audio/l16* | audio/pcm*)
            if [[ ${mime,,} =~ channels=([0-9]+) && ${BASH_REMATCH[1]} != 1 ]]; then
                die "Gemini returned ${BASH_REMATCH[1]}-channel audio ($mime); expected mono"
            fi
            pcm_rate=24000
            if [[ ${mime,,} =~ rate=([0-9]+) ]]; then pcm_rate="${BASH_REMATCH[1]}"; fi
            mv "$out.audio" "$out.pcm"
            ;;
        audio/wav* | audio/x-wav* | audio/wave* | audio/vnd.wave*) mv "$out.audio" "$out.wav" ;;
        *) die "Gemini returned audio as '$mime', which this script cannot encode" ;;
    esac
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
    base="$TMP/$id"
    rm -f "$base.wav" "$base.pcm"
    "synth_$provider" "$lang" "$txt" "$base"
    if [[ -e $base.pcm ]]; then
        # Raw PCM: lame is told its layout; the rate in kHz (24000 -> 24).
        input=(-r -s "$(awk -v r="$pcm_rate" 'BEGIN { print r / 1000 }')" --bitwidth 16
            --signed --little-endian "$base.pcm")
        seconds="$(awk -v b="$(stat -c %s "$base.pcm")" -v r="$pcm_rate" \
            'BEGIN { printf "%.2f\n", b / (2 * r) }')"
    else
        input=("$base.wav")
        seconds="$(wav_seconds "$base.wav")"
    fi
    mp3="$OUT/$id.mp3"
    # Encode in the temp dir, then move: an interrupted run leaves no stray file in audio/
    # (any file there that is not <answer id>.mp3 or .ogg fails the build).
    # lame's messages are shown only when it fails: Debian's lame (built with libsndfile) warns
    # on every raw input that libsndfile "may ignore -r", which it does not (checked: raw PCM
    # and the same samples in a WAV file encode to the same audio).
    lame --quiet --noreplaygain -m m --resample "$MP3_RATE_KHZ" -b "$MP3_KBPS" "${input[@]}" \
        "$TMP/$id.mp3" 2>"$TMP/lame.log" || { cat "$TMP/lame.log" >&2; die "lame failed for '$id'"; }
    mv "$TMP/$id.mp3" "$mp3"
    # An .ogg for the same answer would make the build fail (two audio files for one answer).
    if [[ -e "$OUT/$id.ogg" ]]; then
        echo "gen-audio: warning: $OUT/$id.ogg also exists; remove one of the two" >&2
    fi
    size="$(stat -c %s "$mp3")"
    total=$((total + size))
    printf '%-44s %6.1f KB %6.1f s\n' "${mp3#"$ROOT"/}" "$(awk -v s="$size" 'BEGIN{print s/1024}')" \
        "$seconds"
done
printf 'gen-audio: %d file(s), %.1f KB, provider %s\n' "${#ids[@]}" \
    "$(awk -v s="$total" 'BEGIN{print s/1024}')" "$provider"
