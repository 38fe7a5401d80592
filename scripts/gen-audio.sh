#!/usr/bin/env bash
# gen-audio.sh: generate the recorded versions of Clara's answers (audio/<answer id>.ogg).
#
# Reads each answer's text the way a voice should say it (`clara speech ID`: markup, emoji
# and long URLs removed), speaks it with a text-to-speech provider and encodes it as a small
# mono Ogg Opus file in audio/. The build embeds every file in audio/; see audio/README.md.
# Each recording's text is noted in audio/manifest.json (answer id -> SHA-256 of the text
# `clara speech` printed, and the provider), so an answer whose text changed is recorded again
# and one whose recording is up to date is skipped.
#
# Usage (from anywhere in the repository):
#   scripts/gen-audio.sh --all                # every answer (procedures, curated answers, FAQ)
#   scripts/gen-audio.sh                      # the default 16 files (see DEFAULT IDS below)
#   scripts/gen-audio.sh imv.plazos.es greeting.ar   # only these answers
#   scripts/gen-audio.sh --all-facets         # default set + every facet of every procedure
#   scripts/gen-audio.sh --force ...          # record again even when the manifest says the
#                                             # recording is up to date
#   scripts/gen-audio.sh --provider espeak    # choose the voice engine (espeak is the default)
#   scripts/gen-audio.sh --provider gemini    # Gemini's neural voice (needs GEMINI_API_KEY)
#   scripts/gen-audio.sh --out /tmp/audio     # write somewhere else than audio/
#
# A recording is up to date, and skipped, when its .ogg file exists and the manifest has the
# SHA-256 of its answer's current text; when --provider is given, it must also have been made
# by that provider (so `--provider gemini --all` replaces espeak recordings, while a plain
# `--all` keeps Gemini recordings whose text has not changed). With --all, recordings of
# answers that no longer exist are deleted (they would stop the build).
#
# Providers (a synth_<name> function below, listed in PROVIDERS):
#   espeak  espeak-ng: offline, robotic.
#   gemini  Gemini text-to-speech, the neural voice of live spoken replies: needs
#           GEMINI_API_KEY and the network. GEMINI_TTS_MODEL (default gemini-3.8-flash-tts),
#           GEMINI_TTS_VOICE (default Kore, the service's voice) and GEMINI_BASE_URL (default
#           the public API) are read like the service reads them.
#
# Needs: cargo and perl; installs Debian's espeak-ng, opus-tools (opusenc) and curl with
# apt-get when they are missing. espeak output is byte-for-byte reproducible for the same
# text and the same espeak-ng and opusenc versions (Debian 12: espeak-ng 1.51, opus-tools 0.2
# with libopus 1.3.1), except Arabic answers with some numbers (e.g. 2017, 14, 17) that
# espeak-ng 1.51 reads differently from run to run (see below). Gemini's voice is not
# reproducible: every run gives a slightly different reading.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/audio"
PROVIDERS="espeak gemini"
provider="espeak"
provider_given=0
all=0
all_facets=0
force=0
ids=()

# Ogg Opus, mono, 8 kbit/s (VBR), 60 ms frames: about 1 KB per second of speech. The size
# decides: every file is inside the binary, which must stay under 30 MB, and the ~280 answers
# are 5 hours of speech (an answer is read with its title, source, phones, date and menu: 66 s
# on average, 100 s for a long one in Arabic). Measured with espeak on 278 answers: 20.7 MB
# at 10 kbit/s (a binary of about 32 MB), 15.9 MB at 8 kbit/s (binary 27.4 MB). 8 is
# the lowest rate RFC 7587 (3.1.1) recommends for speech. libopus then codes narrowband
# (up to 4 kHz, telephone quality: s and f sound alike, context tells them apart); from about
# 9.7 kbit/s it would be wideband, so 10 is the step up if the binary ever has room to spare.
# 60 ms frames (the largest) cost less framing than 20 ms (6% smaller); a file has no latency
# to keep low. WhatsApp plays Ogg Opus as a voice note (the format of live spoken replies,
# src/voice/codec.rs) and shows its play button up to 512 KB.
OPUS_KBPS="8"
OPUS_FRAME_MS="60"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

die() {
    echo "gen-audio: $*" >&2
    exit 2
}

while (($#)); do
    case "$1" in
        --provider) [[ $# -ge 2 ]] || die "--provider needs a value ($PROVIDERS)"; provider="$2"; provider_given=1; shift 2 ;;
        --provider=*) provider="${1#*=}"; provider_given=1; shift ;;
        --all) all=1; shift ;;
        --all-facets) all_facets=1; shift ;;
        --force) force=1; shift ;;
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
command -v opusenc >/dev/null || need_pkgs+=(opus-tools)
if [[ $provider == espeak ]]; then
    command -v espeak-ng >/dev/null || need_pkgs+=(espeak-ng)
fi
if [[ $provider == gemini ]]; then
    command -v curl >/dev/null || need_pkgs+=(curl)
fi
if ((${#need_pkgs[@]})); then apt_install "${need_pkgs[@]}"; fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
START_SECONDS=$SECONDS
mkdir -p "$OUT"
MANIFEST="$OUT/manifest.json"

# ---- manifest ------------------------------------------------------------------------------
# audio/manifest.json: {"<answer id>": {"sha256": "<hex>", "provider": "<name>"}, ...}, one
# entry a line, sorted, so a diff shows which recordings changed. tests/audio.rs and
# `clara check` compare it with the answers' texts.

declare -A man_sha=() man_provider=()
if [[ -s $MANIFEST ]]; then
    while IFS=$'\t' read -r id sha prov; do
        man_sha[$id]="$sha"
        man_provider[$id]="$prov"
    done < <(perl -MJSON::PP -e '
        local $/; my $m = decode_json(<STDIN>);
        ref $m eq "HASH" or die "not a JSON object\n";
        for my $id (sort keys %$m) {
            my $e = $m->{$id};
            printf "%s\t%s\t%s\n", $id, $e->{sha256} // "", $e->{provider} // "";
        }' <"$MANIFEST" || die "cannot read $MANIFEST (fix or delete it, then run --all)")
fi

# Rewrites the manifest from man_sha/man_provider, keeping only ids that have a recording.
# Called after every file, so an interrupted run keeps what it made.
write_manifest() {
    local id first=1
    {
        echo "{"
        while read -r id; do
            [[ -n $id && ( -e $OUT/$id.ogg || -e $OUT/$id.mp3 ) ]] || continue
            ((first)) || echo ","
            first=0
            printf '  "%s": { "sha256": "%s", "provider": "%s" }' "$id" "${man_sha[$id]}" \
                "${man_provider[$id]}"
        done < <(printf '%s\n' "${!man_sha[@]}" | LC_ALL=C sort)
        printf '\n}\n'
    } >"$TMP/manifest.json"
    mv "$TMP/manifest.json" "$MANIFEST"
}

# ---- clara ---------------------------------------------------------------------------------

# The build refuses a recording whose answer no longer exists. With --all those recordings
# are deleted (their answer is gone; git still has them) and the build is tried again;
# otherwise the build's message says which files they are.
build_clara() {
    echo "gen-audio: building clara (cargo build --release)" >&2
    if (cd "$ROOT" && cargo build --release -q 2>"$TMP/build.log"); then
        return 0
    fi
    local orphans=()
    mapfile -t orphans < <(sed -n \
        's/^[[:space:]]*audio\/\([^:/]*\.\(ogg\|mp3\)\): audio file that no answer uses.*/\1/p' \
        "$TMP/build.log")
    if ((all && ${#orphans[@]})) && [[ $OUT == "$ROOT/audio" ]]; then
        local f
        for f in "${orphans[@]}"; do
            echo "gen-audio: deleting audio/$f (its answer no longer exists)" >&2
            rm -f "$OUT/$f"
            unset "man_sha[${f%.*}]" "man_provider[${f%.*}]"
        done
        write_manifest
        if (cd "$ROOT" && cargo build --release -q 2>"$TMP/build.log"); then
            return 0
        fi
    fi
    cat "$TMP/build.log" >&2
    die "cargo build failed (see above)"
}
build_clara
CLARA="$ROOT/target/release/clara"

# ---- which answers -------------------------------------------------------------------------

# DEFAULT IDS: what a first contact hears (greeting) and the three "what is it" answers.
LANGS=(es fr en ar)
default_ids=()
for p in imv empadronamiento tarjeta_sanitaria; do
    for l in "${LANGS[@]}"; do default_ids+=("$p.descripcion.$l"); done
done
for l in "${LANGS[@]}"; do default_ids+=("greeting.$l"); done

# Every compiled answer id: ask `clara check` about a copy of the content that has no audio
# (it then lists every answer id as an answer without audio).
all_answer_ids() {
    mkdir -p "$TMP/content"
    ln -sfn "$ROOT/data" "$TMP/content/data"
    local line
    line="$("$CLARA" check "$TMP/content" | sed -n 's/^answers without audio ([0-9]*): //p')"
    [[ -n $line ]] || die "could not list the answers with 'clara check'"
    tr ',' '\n' <<<"$line" | tr -d ' '
}

# Every answer of every procedure: the answer ids whose first part is a procedure (a file in
# data/tramites/).
procedure_ids() {
    local procs="" f id
    for f in "$ROOT"/data/tramites/*.json; do procs+="$(basename "$f" .json)"$'\n'; done
    all_answer_ids | while read -r id; do
        if grep -qxF -- "${id%%.*}" <<<"$procs"; then echo "$id"; fi
    done
}

if ((all)); then
    more="$(all_answer_ids)" # (not `< <(...)`: a failure there must stop the script)
    mapfile -t ids <<<"$more"
else
    if ((${#ids[@]} == 0)); then
        ids=("${default_ids[@]}")
    fi
    if ((all_facets)); then
        more="$(procedure_ids)"
        mapfile -t more_ids <<<"$more"
        ids+=("${more_ids[@]}")
    fi
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
        audio/wav* | audio/x-wav* | audio/vnd.wave*) mv "$out.audio" "$out.wav" ;;
        *) die "Gemini returned audio as '$mime', which this script cannot encode" ;;
    esac
}

# ---- generate ------------------------------------------------------------------------------

# Seconds of a 16-bit mono WAV file: soxi when there, else from the size and the header's rate.
wav_seconds() {
    if command -v soxi >/dev/null; then
        soxi -D "$1"
    else
        awk -v b="$(stat -c %s "$1")" -v r="$(od -An -tu4 -j24 -N4 "$1")" \
            'BEGIN { printf "%.2f\n", (b - 44) / (2 * r) }'
    fi
}

# up_to_date ID SHA: its .ogg exists and was made from this text (and by the provider asked
# for, when --provider was given). --force makes nothing up to date.
up_to_date() {
    ((!force)) || return 1
    [[ -e $OUT/$1.ogg && ${man_sha[$1]:-} == "$2" ]] || return 1
    ((!provider_given)) || [[ ${man_provider[$1]:-} == "$provider" ]]
}

made=0
skipped=0
total=0
for id in "${ids[@]}"; do
    lang="${id##*.}"
    txt="$TMP/$id.txt"
    if ! "$CLARA" speech "$id" >"$txt"; then
        die "'$id' is not an answer id (ids look like imv.descripcion.es or greeting.ar)"
    fi
    # The manifest holds the hash of exactly what `clara speech` printed (tests/audio.rs
    # hashes the same text), before this script's own changes below.
    sha="$(sha256sum "$txt")"
    sha="${sha%% *}"
    ogg="$OUT/$id.ogg"
    if up_to_date "$id" "$sha"; then
        skipped=$((skipped + 1))
        continue
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
        # Raw PCM: opusenc is told its layout.
        input=(--raw --raw-bits 16 --raw-chan 1 --raw-endianness 0 --raw-rate "$pcm_rate"
            "$base.pcm")
        seconds="$(awk -v b="$(stat -c %s "$base.pcm")" -v r="$pcm_rate" \
            'BEGIN { printf "%.2f\n", b / (2 * r) }')"
    else
        input=("$base.wav")
        seconds="$(wav_seconds "$base.wav")"
    fi
    # --serial from the id (opusenc picks a random one otherwise): the same audio gives the
    # same file, so an unchanged recording is no change in git. --padding 0: no room kept for
    # tags no one adds (512 bytes a file by default). --speech: espeak's voice is sometimes
    # taken for music, which libopus codes worse at this rate.
    serial="$(printf '%d' "0x$(printf '%s' "$id" | sha256sum | cut -c1-7)")"
    # Encode in the temp dir, then move: an interrupted run leaves no stray file in audio/
    # (any file there that is not <answer id>.ogg or .mp3 fails the build).
    opusenc --quiet --speech --bitrate "$OPUS_KBPS" --framesize "$OPUS_FRAME_MS" \
        --downmix-mono --padding 0 --serial "$serial" "${input[@]}" "$TMP/$id.ogg" \
        2>"$TMP/opusenc.log" || { cat "$TMP/opusenc.log" >&2; die "opusenc failed for '$id'"; }
    mv "$TMP/$id.ogg" "$ogg"
    # One file per answer: the build refuses an .mp3 and an .ogg for the same answer.
    rm -f "$OUT/$id.mp3"
    man_sha[$id]="$sha"
    man_provider[$id]="$provider"
    write_manifest
    made=$((made + 1))
    size="$(stat -c %s "$ogg")"
    total=$((total + size))
    printf '%-48s %6.1f KB %6.1f s\n' "${ogg#"$ROOT"/}" "$(awk -v s="$size" 'BEGIN{print s/1024}')" \
        "$seconds"
done
# Entries of recordings deleted by hand go too.
write_manifest
all_bytes="$(find "$OUT" -maxdepth 1 -type f \( -name '*.ogg' -o -name '*.mp3' \) -printf '%s\n' |
    awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')"
printf 'gen-audio: %d recorded (%.1f KB, provider %s), %d up to date; %s MB of audio in %s; %d s\n' \
    "$made" "$(awk -v s="$total" 'BEGIN{print s/1024}')" "$provider" "$skipped" "$all_bytes" \
    "${OUT#"$ROOT"/}" "$((SECONDS - START_SECONDS))"
