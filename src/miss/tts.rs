//! Spoken replies: a text-to-speech provider behind [`Speaker`], its audio encoded as an OGG/Opus
//! voice note, kept in a bounded in-memory [`TtsCache`] and served at `/static/tts/<hash>.ogg`.
//!
//! Gemini returns headerless 16-bit PCM (`audio/L16;codec=pcm;rate=24000`) or a WAV file,
//! depending on the model (CONTRACTS.md §2.3). WhatsApp takes neither (§1.7), so [`decode`] turns
//! either into mono samples and [`encode_ogg_opus`] makes Opus in an Ogg container of them, which
//! WhatsApp plays as a voice note. The encoder is `opus-rs`, a pure-Rust port of libopus: no C
//! library, no system package, nothing for the Dockerfile to install.
//!
//! A spoken reply is optional: [`voice_reply`] logs any failure and returns `None`, and the
//! person gets the text alone.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use ogg::writing::{PacketWriteEndInfo, PacketWriter};
use opus_rs::{Application, OpusEncoder};
use sha2::{Digest, Sha256};
use tracing::{debug, info, warn};

use crate::config::TtsProvider;
use crate::kb::Lang;
use crate::outbound::gemini::{Gemini, GeminiError};

/// The prebuilt Gemini voice when none is configured: a clear, even voice that speaks all four of
/// Clara's languages (Gemini's voices are multilingual). `scripts/gen-audio.sh` uses it too.
pub const DEFAULT_VOICE: &str = "Kore";

/// Time allowed for one Gemini TTS call: speech for [`MAX_SPOKEN_CHARS`] takes several seconds to
/// generate, and the text reply waits for it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Longest text spoken, in characters: about a minute and a half of speech. A voice note longer
/// than that is not listened to; the full answer is in the text anyway.
pub const MAX_SPOKEN_CHARS: usize = 1200;

/// Longest audio encoded. Speech for [`MAX_SPOKEN_CHARS`] is well under it; anything longer means
/// the model went wrong, and encoding it would only cost CPU.
pub const MAX_AUDIO_SECONDS: u32 = 180;

/// Cache bound in bytes: at 24 kbit/s that is about three hours of speech, hundreds of replies,
/// so a link handed to Twilio is long fetched before its clip is evicted.
pub const DEFAULT_CACHE_BYTES: usize = 32 * 1024 * 1024;

/// Cache bound in clips, whatever their size.
pub const DEFAULT_CACHE_CLIPS: usize = 1024;

/// The sample rates Opus encodes (RFC 6716 §2); other rates are resampled up to the next one.
const OPUS_RATES: [u32; 5] = [8_000, 12_000, 16_000, 24_000, 48_000];

/// Opus bit rate: clear speech at about 3 KB per second, the size of the compiled MP3s.
const OPUS_BITRATE: i32 = 24_000;

/// Encoder effort, 0-10. Measured on 11 s of speech: 5 costs about half the CPU of 9 for 0.1 dB
/// less signal-to-noise after decoding, which no one hears on a phone.
const OPUS_COMPLEXITY: i32 = 5;

/// Opus frames per second: 20 ms frames, the usual size for speech.
const FRAMES_PER_SECOND: u32 = 50;

/// Samples (at 48 kHz) the decoder drops at the start: the encoder's lookahead, 2.5 ms + 4 ms
/// (libopus' `Fs/400 + Fs/250`), the value `opusenc` writes too (RFC 7845 §4.2).
const PRE_SKIP: u32 = 312;

/// Packets per Ogg page: one page per second of audio.
const PACKETS_PER_PAGE: usize = 50;

/// Room for one Opus packet, as libopus recommends (a 20 ms packet is at most 1,275 bytes).
const MAX_PACKET_BYTES: usize = 4000;

/// Written in the `OpusTags` header as the encoder's name.
const VENDOR: &str = "clara (opus-rs)";

/// Hex digits of the content hash in a file name and ETag: 128 bits, like the compiled audio's.
const HASH_HEX_DIGITS: usize = 32;

/// Longest MIME type quoted back in an error.
const MAX_MIME_IN_ERROR: usize = 80;

/// Spoken audio ready to send.
#[derive(Clone, PartialEq, Eq)]
pub struct Clip {
    /// The encoded file.
    pub bytes: Bytes,
    /// Its `Content-Type`, e.g. `audio/ogg`.
    pub mime: &'static str,
    /// Its file name extension, without the dot, e.g. `ogg`.
    pub ext: &'static str,
}

impl std::fmt::Debug for Clip {
    /// The size instead of the bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clip")
            .field("bytes", &self.bytes.len())
            .field("mime", &self.mime)
            .field("ext", &self.ext)
            .finish()
    }
}

/// Decoded audio: signed 16-bit mono samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pcm {
    /// Samples per second.
    pub rate: u32,
    /// One sample per instant (several channels are averaged into one).
    pub samples: Vec<i16>,
}

impl Pcm {
    /// How long the audio plays.
    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.samples.len() as f64 / f64::from(self.rate.max(1)))
    }
}

/// Why no spoken reply was made. Messages are lowercase and never hold the API key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TtsError {
    /// The provider is `none`.
    #[error("text-to-speech is off")]
    Disabled,
    /// The provider's call failed (status, timeout, blocked, no audio, …).
    #[error("gemini tts failed: {0}")]
    Gemini(#[from] GeminiError),
    /// Audio of a type or layout this module does not decode (MP3, float or 24-bit WAV, …).
    #[error("unsupported audio: {0}")]
    Unsupported(String),
    /// Audio that claims a type it does not have (a broken WAV header, no samples, …).
    #[error("malformed audio: {0}")]
    Malformed(String),
    /// Audio longer than [`MAX_AUDIO_SECONDS`].
    #[error("audio too long ({seconds} s, at most {MAX_AUDIO_SECONDS} s)")]
    TooLong { seconds: u64 },
    /// The encoder refused the audio, or its task failed.
    #[error("opus encoding failed: {0}")]
    Encode(String),
}

/// What [`Speaker::speak`] returns: a boxed future, so that `Arc<dyn Speaker>` works.
pub type SpeakFuture<'a> = Pin<Box<dyn Future<Output = Result<Clip, TtsError>> + Send + 'a>>;

/// A text-to-speech provider.
///
/// The method returns a boxed future rather than being an `async fn`: an `async fn` in a trait
/// makes the trait unusable as `dyn Speaker`, and the pipeline holds the configured provider as
/// `Arc<dyn Speaker>` (tests put their own in). One allocation per spoken reply is nothing next
/// to the network call.
pub trait Speaker: Send + Sync {
    /// Speaks `text` (already plain: no markup) in `lang`, as audio WhatsApp accepts.
    fn speak<'a>(&'a self, text: &'a str, lang: Lang) -> SpeakFuture<'a>;
}

/// The `none` provider: every call fails with [`TtsError::Disabled`], so replies are text only.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSpeaker;

impl Speaker for NoSpeaker {
    fn speak<'a>(&'a self, _text: &'a str, _lang: Lang) -> SpeakFuture<'a> {
        Box::pin(std::future::ready(Err(TtsError::Disabled)))
    }
}

/// Gemini TTS (`GEMINI_TTS_MODEL`, same key as the answers), encoded to OGG/Opus.
#[derive(Debug, Clone)]
pub struct GeminiSpeaker {
    /// The Gemini client; its TTS model is the one spoken with.
    gemini: Gemini,
    /// The prebuilt voice, e.g. [`DEFAULT_VOICE`]; it speaks every language.
    voice: String,
    /// Time allowed for the Gemini call (the encoding after it is not counted).
    timeout: Duration,
}

impl GeminiSpeaker {
    /// A speaker with the prebuilt voice `voice` (e.g. [`DEFAULT_VOICE`]).
    pub fn new(gemini: Gemini, voice: &str, timeout: Duration) -> GeminiSpeaker {
        GeminiSpeaker {
            gemini,
            voice: voice.to_string(),
            timeout,
        }
    }
}

impl Speaker for GeminiSpeaker {
    fn speak<'a>(&'a self, text: &'a str, _lang: Lang) -> SpeakFuture<'a> {
        Box::pin(async move {
            let speech = self.gemini.speak(text, &self.voice, self.timeout).await?;
            // Decoding and encoding are CPU work (about 20 ms per second of speech, release
            // build): off the async workers. A panic in the encoder comes back as an error.
            tokio::task::spawn_blocking(move || {
                encode_ogg_opus(&decode(&speech.mime_type, &speech.data)?)
            })
            .await
            .map_err(|err| TtsError::Encode(format!("encoder task failed: {err}")))?
        })
    }
}

/// The speaker for `provider`; [`NoSpeaker`] when it is Gemini but there is no client (no key,
/// demo mode).
pub fn speaker(
    provider: TtsProvider,
    gemini: Option<Gemini>,
    voice: &str,
    timeout: Duration,
) -> Arc<dyn Speaker> {
    match (provider, gemini) {
        (TtsProvider::Gemini, Some(gemini)) => Arc::new(GeminiSpeaker::new(gemini, voice, timeout)),
        _ => Arc::new(NoSpeaker),
    }
}

/// Speaks `text` (an answer as sent on WhatsApp) and caches the audio: the cached file name
/// (`<hash>.ogg`, for `/static/tts/`), or `None` when there is no spoken reply.
///
/// What is spoken is [`crate::speech::speakable`] of the text (no markup, emoji or long URLs),
/// cut at a sentence end to at most [`MAX_SPOKEN_CHARS`]. The same text in the same language is
/// spoken once while its clip is cached. Every failure is logged at `warn` (except a disabled
/// provider) and gives `None`: the caller sends the text alone.
pub async fn voice_reply(
    speaker: &dyn Speaker,
    cache: &TtsCache,
    text: &str,
    lang: Lang,
) -> Option<String> {
    let spoken = spoken_text(text);
    if spoken.is_empty() {
        debug!("nothing to speak");
        return None;
    }
    let key = spoken_key(&spoken, lang);
    if let Some(name) = cache.find_spoken(&key) {
        debug!(name = %name, "voice reply from the tts cache");
        return Some(name);
    }
    let started = Instant::now();
    match speaker.speak(&spoken, lang).await {
        Ok(clip) => {
            let bytes = clip.bytes.len();
            match cache.insert_spoken(Some(key), clip) {
                Some(name) => {
                    info!(
                        lang = lang.as_str(),
                        chars = spoken.chars().count(),
                        bytes,
                        tts_ms = started.elapsed().as_millis() as u64,
                        "voice reply made"
                    );
                    Some(name)
                }
                None => {
                    warn!(bytes, "voice reply larger than the tts cache; text only");
                    None
                }
            }
        }
        Err(TtsError::Disabled) => None,
        Err(err) => {
            warn!(
                cause = %err,
                lang = lang.as_str(),
                tts_ms = started.elapsed().as_millis() as u64,
                "voice reply failed; text only"
            );
            None
        }
    }
}

/// The text a voice reads for `text`: speakable, trimmed, capped at [`MAX_SPOKEN_CHARS`].
fn spoken_text(text: &str) -> String {
    let spoken = crate::speech::speakable(text);
    cap_at_sentence(spoken.trim(), MAX_SPOKEN_CHARS).to_string()
}

/// The first `max` characters of `text`, cut after the last sentence end (a line break, or `.`,
/// `?`, `!`, `؟` before a space) when there is one in their second half, else at the last space.
fn cap_at_sentence(text: &str, max: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text;
    };
    let head = &text[..cut];
    let min = cut / 2;
    let mut last_space = None;
    // The character after the one looked at (going backwards).
    let mut after = text[cut..].chars().next();
    for (i, c) in head.char_indices().rev() {
        let end = i + c.len_utf8();
        if end < min {
            break;
        }
        if c == '\n'
            || (matches!(c, '.' | '?' | '!' | '؟') && after.is_some_and(char::is_whitespace))
        {
            return head[..end].trim_end();
        }
        if c.is_whitespace() && last_space.is_none() {
            last_space = Some(i);
        }
        after = Some(c);
    }
    match last_space {
        Some(i) if i > 0 => head[..i].trim_end(),
        _ => head,
    }
}

/// The cache key of a spoken text: what was said, and in which language.
fn spoken_key(spoken: &str, lang: Lang) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(lang.as_str().as_bytes());
    hasher.update([0]);
    hasher.update(spoken.as_bytes());
    hasher.finalize().into()
}

// ---- decoding -------------------------------------------------------------------------------

/// Decodes what a TTS provider returned, branching on its MIME type: `audio/L16` (or
/// `audio/pcm`: headerless signed 16-bit little-endian, `rate=` default 24000, `channels=`
/// default 1) or WAV (`audio/wav`, `audio/x-wav`, `audio/wave`, `audio/vnd.wave`: 16-bit integer
/// PCM only). Several channels are averaged into one.
///
/// # Errors
/// [`TtsError::Unsupported`] for another type or WAV layout, [`TtsError::Malformed`] for a broken
/// header, a bad parameter or no samples, [`TtsError::TooLong`] past [`MAX_AUDIO_SECONDS`].
pub fn decode(mime: &str, data: &[u8]) -> Result<Pcm, TtsError> {
    let mut parts = mime.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let pcm = match essence.as_str() {
        "audio/l16" | "audio/pcm" => {
            let mut rate = 24_000;
            let mut channels = 1;
            for param in parts {
                let Some((name, value)) = param.split_once('=') else {
                    continue;
                };
                let value = value.trim().trim_matches('"');
                match name.trim().to_ascii_lowercase().as_str() {
                    "rate" => {
                        rate = value.parse().map_err(|_| {
                            TtsError::Malformed(format!("pcm rate {value:?} is not a number"))
                        })?;
                    }
                    "channels" => {
                        channels = value.parse().map_err(|_| {
                            TtsError::Malformed(format!("pcm channels {value:?} is not a number"))
                        })?;
                    }
                    _ => {}
                }
            }
            check_layout(rate, channels)?;
            Pcm {
                rate,
                samples: to_mono(data, channels),
            }
        }
        "audio/wav" | "audio/x-wav" | "audio/wave" | "audio/vnd.wave" => decode_wav(data)?,
        _ => {
            let shown: String = mime.chars().take(MAX_MIME_IN_ERROR).collect();
            return Err(TtsError::Unsupported(format!(
                "mime type {shown:?} (expected audio/L16 or audio/wav)"
            )));
        }
    };
    check_length(&pcm)?;
    Ok(pcm)
}

/// A sample rate Opus can take (after resampling up) and a non-zero channel count.
fn check_layout(rate: u32, channels: u16) -> Result<(), TtsError> {
    if channels == 0 {
        return Err(TtsError::Malformed("zero channels".to_string()));
    }
    if !(OPUS_RATES[0]..=OPUS_RATES[OPUS_RATES.len() - 1]).contains(&rate) {
        return Err(TtsError::Unsupported(format!(
            "sample rate {rate} Hz (8000-48000 Hz)"
        )));
    }
    Ok(())
}

/// Some samples, and no more than [`MAX_AUDIO_SECONDS`] of them.
fn check_length(pcm: &Pcm) -> Result<(), TtsError> {
    if pcm.samples.is_empty() {
        return Err(TtsError::Malformed("no audio samples".to_string()));
    }
    let seconds = pcm.samples.len() as u64 / u64::from(pcm.rate);
    if seconds >= u64::from(MAX_AUDIO_SECONDS) {
        return Err(TtsError::TooLong { seconds });
    }
    Ok(())
}

/// Interleaved little-endian 16-bit frames → mono samples (the channels' mean). A trailing
/// partial frame is dropped.
fn to_mono(data: &[u8], channels: u16) -> Vec<i16> {
    let frame = 2 * usize::from(channels);
    data.chunks_exact(frame)
        .map(|frame| {
            let sum: i32 = frame
                .chunks_exact(2)
                .map(|s| i32::from(i16::from_le_bytes([s[0], s[1]])))
                .sum();
            // The mean of i16 values is an i16.
            (sum / i32::from(channels)) as i16
        })
        .collect()
}

/// `WAVE_FORMAT_PCM`.
const WAVE_FORMAT_PCM: u16 = 1;

/// `WAVE_FORMAT_EXTENSIBLE`: the real format is the GUID at the end of the `fmt ` chunk.
const WAVE_FORMAT_EXTENSIBLE: u16 = 0xFFFE;

/// The fixed tail of every `KSDATAFORMAT_SUBTYPE_*` GUID; its first two bytes are the format tag.
const KSDATAFORMAT_TAIL: [u8; 14] = [
    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
];

/// What a WAV `fmt ` chunk says about the samples, once accepted.
#[derive(Debug, Clone, Copy)]
struct WavFormat {
    channels: u16,
    rate: u32,
}

/// A RIFF/WAVE file: the `fmt ` chunk (16-bit integer PCM only), then the `data` chunk; other
/// chunks (`LIST`, `fact`, …) are skipped. A `data` size of 0 or past the end (as streaming
/// writers leave it) means "to the end of the file".
fn decode_wav(data: &[u8]) -> Result<Pcm, TtsError> {
    let malformed = |what: &str| TtsError::Malformed(format!("wav: {what}"));
    if data.len() < 12 || &data[0..4] != b"RIFF" || &data[8..12] != b"WAVE" {
        return Err(malformed("not a RIFF/WAVE file"));
    }
    let mut format = None;
    let mut at: usize = 12;
    while let Some(header) = at.checked_add(8).and_then(|end| data.get(at..end)) {
        let id = &header[0..4];
        let size = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let body = &data[at + 8..];
        match id {
            b"fmt " => {
                let chunk = body
                    .get(..size)
                    .ok_or_else(|| malformed("fmt chunk cut short"))?;
                format = Some(wav_format(chunk)?);
            }
            b"data" => {
                let format = format.ok_or_else(|| malformed("data chunk before the fmt chunk"))?;
                let samples = if size == 0 || size > body.len() {
                    body
                } else {
                    &body[..size]
                };
                return Ok(Pcm {
                    rate: format.rate,
                    samples: to_mono(samples, format.channels),
                });
            }
            _ => {}
        }
        // Chunks are padded to an even size.
        at = at
            .saturating_add(8)
            .saturating_add(size)
            .saturating_add(size & 1);
    }
    Err(malformed(if format.is_some() {
        "no data chunk"
    } else {
        "no fmt chunk"
    }))
}

/// Reads and checks a `fmt ` chunk.
fn wav_format(chunk: &[u8]) -> Result<WavFormat, TtsError> {
    let u16_at = |i: usize| u16::from_le_bytes([chunk[i], chunk[i + 1]]);
    if chunk.len() < 16 {
        return Err(TtsError::Malformed(format!(
            "wav: fmt chunk of {} bytes (at least 16)",
            chunk.len()
        )));
    }
    let tag = u16_at(0);
    let channels = u16_at(2);
    let rate = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
    let block_align = u16_at(12);
    let bits = u16_at(14);
    let tag = if tag == WAVE_FORMAT_EXTENSIBLE {
        match chunk.get(24..40) {
            Some(guid) if guid[2..] == KSDATAFORMAT_TAIL => u16::from_le_bytes([guid[0], guid[1]]),
            Some(_) => {
                return Err(TtsError::Unsupported(
                    "wav: extensible format with an unknown sub-format".to_string(),
                ));
            }
            None => {
                return Err(TtsError::Malformed(
                    "wav: extensible fmt chunk without its sub-format".to_string(),
                ));
            }
        }
    } else {
        tag
    };
    if tag != WAVE_FORMAT_PCM {
        let name = match tag {
            3 => " (IEEE float)",
            6 => " (A-law)",
            7 => " (mu-law)",
            0x55 => " (MP3)",
            _ => "",
        };
        return Err(TtsError::Unsupported(format!(
            "wav format tag {tag}{name}; only integer PCM is supported"
        )));
    }
    if bits != 16 {
        return Err(TtsError::Unsupported(format!(
            "wav with {bits}-bit samples; only 16-bit PCM is supported"
        )));
    }
    check_layout(rate, channels)?;
    if usize::from(block_align) != 2 * usize::from(channels) {
        return Err(TtsError::Malformed(format!(
            "wav block align {block_align} for {channels} channel(s) of 16 bits"
        )));
    }
    Ok(WavFormat { channels, rate })
}

// ---- encoding -------------------------------------------------------------------------------

/// Encodes mono samples as Opus in an Ogg container (RFC 7845): an `OpusHead` page, an
/// `OpusTags` page, then 20 ms packets in pages of one second, with granule positions at 48 kHz
/// that count the pre-skip and trim the padding at the end, so players show the exact duration.
/// Rates Opus does not take (e.g. 22,050 Hz) are resampled up to the next one it does.
///
/// The output depends only on the samples, so the same audio always gives the same file (and
/// the same cache name).
///
/// # Errors
/// As [`decode`] for empty, too long or out-of-range audio; [`TtsError::Encode`] when the encoder
/// refuses a frame.
pub fn encode_ogg_opus(pcm: &Pcm) -> Result<Clip, TtsError> {
    check_layout(pcm.rate, 1)?;
    check_length(pcm)?;
    let rate = OPUS_RATES
        .into_iter()
        .find(|&r| r >= pcm.rate)
        .unwrap_or(48_000);
    let samples: Cow<'_, [i16]> = if rate == pcm.rate {
        Cow::Borrowed(&pcm.samples)
    } else {
        Cow::Owned(resample_linear(&pcm.samples, pcm.rate, rate))
    };
    let frame = (rate / FRAMES_PER_SECOND) as usize;
    // 48 kHz ticks per sample: a whole number for every Opus rate.
    let scale = u64::from(48_000 / rate);
    // Enough zeros after the audio for the encoder to push its last samples out.
    let lookahead = (u64::from(PRE_SKIP) / scale) as usize;
    let frames = (samples.len() + lookahead).div_ceil(frame);
    let end_granule = u64::from(PRE_SKIP) + samples.len() as u64 * scale;

    let mut encoder = OpusEncoder::new(rate as i32, 1, Application::Voip)
        .map_err(|e| TtsError::Encode(e.to_string()))?;
    encoder.bitrate_bps = OPUS_BITRATE;
    encoder.complexity = OPUS_COMPLEXITY;

    let serial = stream_serial(&samples);
    let io = |e: std::io::Error| TtsError::Encode(format!("ogg: {e}"));
    let mut out = Vec::with_capacity(frames * 80 + 256);
    let mut writer = PacketWriter::new(&mut out);
    writer
        .write_packet(opus_head(pcm.rate), serial, PacketWriteEndInfo::EndPage, 0)
        .map_err(io)?;
    writer
        .write_packet(opus_tags(), serial, PacketWriteEndInfo::EndPage, 0)
        .map_err(io)?;
    let mut input = vec![0i16; frame];
    let mut packet = vec![0u8; MAX_PACKET_BYTES];
    for k in 0..frames {
        let start = (k * frame).min(samples.len());
        let end = ((k + 1) * frame).min(samples.len());
        input[..end - start].copy_from_slice(&samples[start..end]);
        input[end - start..].fill(0);
        let len = encoder
            .encode_i16(&input, frame, &mut packet)
            .map_err(|e| TtsError::Encode(e.to_string()))?;
        let last = k + 1 == frames;
        // Only the last packet reaches past the audio: its granule trims the padding.
        let granule = (((k + 1) * frame) as u64 * scale).min(end_granule);
        let info = if last {
            PacketWriteEndInfo::EndStream
        } else if (k + 1) % PACKETS_PER_PAGE == 0 {
            PacketWriteEndInfo::EndPage
        } else {
            PacketWriteEndInfo::NormalPacket
        };
        writer
            .write_packet(packet[..len].to_vec(), serial, info, granule)
            .map_err(io)?;
    }
    drop(writer);
    Ok(Clip {
        bytes: Bytes::from(out),
        mime: "audio/ogg",
        ext: "ogg",
    })
}

/// The `OpusHead` identification header (RFC 7845 §5.1): version 1, mono, [`PRE_SKIP`], the
/// input's own rate (informative), no gain, channel mapping family 0.
fn opus_head(input_rate: u32) -> Vec<u8> {
    let mut head = Vec::with_capacity(19);
    head.extend_from_slice(b"OpusHead");
    head.push(1);
    head.push(1);
    head.extend_from_slice(&(PRE_SKIP as u16).to_le_bytes());
    head.extend_from_slice(&input_rate.to_le_bytes());
    head.extend_from_slice(&0i16.to_le_bytes());
    head.push(0);
    head
}

/// The `OpusTags` comment header (RFC 7845 §5.2): the vendor string and no comments.
fn opus_tags() -> Vec<u8> {
    let mut tags = Vec::with_capacity(16 + VENDOR.len());
    tags.extend_from_slice(b"OpusTags");
    tags.extend_from_slice(&(VENDOR.len() as u32).to_le_bytes());
    tags.extend_from_slice(VENDOR.as_bytes());
    tags.extend_from_slice(&0u32.to_le_bytes());
    tags
}

/// The Ogg stream serial: any number will do for a file with one stream; derived from the samples
/// (FNV-1a) so that the same audio gives the same bytes.
fn stream_serial(samples: &[i16]) -> u32 {
    samples.iter().fold(0x811c_9dc5_u32, |hash, &s| {
        (hash ^ u32::from(s as u16)).wrapping_mul(0x0100_0193)
    })
}

/// Resamples by linear interpolation, exactly in integers. Used only to go *up* to an Opus rate
/// (22,050 → 24,000 Hz, 44,100 → 48,000 Hz), where it adds no aliasing.
fn resample_linear(samples: &[i16], from: u32, to: u32) -> Vec<i16> {
    let (from, to) = (u64::from(from), u64::from(to));
    let out_len = (samples.len() as u64 * to / from) as usize;
    let last = samples.len().saturating_sub(1);
    (0..out_len)
        .map(|i| {
            let position = i as u64 * from;
            let index = (position / to) as usize;
            let frac = (position % to) as i64;
            let a = i64::from(samples[index.min(last)]);
            let b = i64::from(samples[(index + 1).min(last)]);
            // Between a and b, so an i16.
            ((a * (to as i64 - frac) + b * frac) / to as i64) as i16
        })
        .collect()
}

// ---- cache ----------------------------------------------------------------------------------

/// A cached clip with its HTTP validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedClip {
    /// The audio (cheap to clone: the bytes are shared).
    pub clip: Clip,
    /// Strong ETag, quoted: the content hash in the file name, e.g. `"3f2a…"`.
    pub etag: String,
}

/// Spoken replies in memory, keyed by a hash of their bytes, bounded by total bytes and by count;
/// the oldest are evicted first, age counting from when a name was last handed out (inserted, or
/// found again for the same spoken text), so a link just given to Twilio is the last to go.
/// Shared by the pipeline (which inserts) and the HTTP route (which serves
/// `/static/tts/<name>`): every method takes `&self`.
pub struct TtsCache {
    /// Most bytes held at once.
    max_bytes: usize,
    /// Most clips held at once.
    max_clips: usize,
    /// The clips; locked only for map operations, never across an await.
    inner: Mutex<CacheInner>,
}

/// The guarded state of a [`TtsCache`].
#[derive(Default)]
struct CacheInner {
    /// File name (`<hash>.<ext>`) → clip.
    clips: HashMap<String, CacheEntry>,
    /// File names, the longest since handed out first.
    order: VecDeque<String>,
    /// Sum of the clips' sizes.
    bytes: usize,
    /// Spoken-text key → file name, so the same reply is not spoken twice.
    spoken: HashMap<[u8; 32], String>,
}

impl CacheInner {
    /// Makes `name` the newest (a linear scan: the cache holds at most a few thousand names).
    fn touch(&mut self, name: &str) {
        if let Some(i) = self.order.iter().position(|n| n == name)
            && let Some(name) = self.order.remove(i)
        {
            self.order.push_back(name);
        }
    }
}

/// One cached clip.
struct CacheEntry {
    clip: CachedClip,
    /// The spoken-text key that points here, removed with the clip.
    spoken: Option<[u8; 32]>,
}

impl Default for TtsCache {
    /// [`DEFAULT_CACHE_BYTES`] and [`DEFAULT_CACHE_CLIPS`].
    fn default() -> TtsCache {
        TtsCache::new(DEFAULT_CACHE_BYTES, DEFAULT_CACHE_CLIPS)
    }
}

impl std::fmt::Debug for TtsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TtsCache")
            .field("max_bytes", &self.max_bytes)
            .field("max_clips", &self.max_clips)
            .field("clips", &self.len())
            .field("bytes", &self.total_bytes())
            .finish()
    }
}

impl TtsCache {
    /// An empty cache holding at most `max_bytes` bytes in at most `max_clips` clips.
    pub fn new(max_bytes: usize, max_clips: usize) -> TtsCache {
        TtsCache {
            max_bytes,
            max_clips,
            inner: Mutex::new(CacheInner::default()),
        }
    }

    /// Adds a clip, evicting the oldest ones until it fits; returns its file name,
    /// `<hash>.<ext>` (the same name for the same bytes). `None` when the clip alone is larger
    /// than the bound: it is not kept.
    pub fn insert(&self, clip: Clip) -> Option<String> {
        self.insert_spoken(None, clip)
    }

    /// The clip named `name` (`<hash>.<ext>`), if it is still cached.
    pub fn get(&self, name: &str) -> Option<CachedClip> {
        self.lock().clips.get(name).map(|e| e.clip.clone())
    }

    /// Clips held.
    pub fn len(&self) -> usize {
        self.lock().clips.len()
    }

    /// Whether no clip is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held, at most the bound.
    pub fn total_bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The state; a panic elsewhere while it was held cannot leave it inconsistent (every update
    /// is a few map operations), so a poisoned lock is used as it is.
    fn lock(&self) -> std::sync::MutexGuard<'_, CacheInner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The file name of the clip spoken for `key`, if it is still cached.
    fn find_spoken(&self, key: &[u8; 32]) -> Option<String> {
        let mut inner = self.lock();
        let name = inner
            .spoken
            .get(key)
            .filter(|name| inner.clips.contains_key(*name))
            .cloned()?;
        inner.touch(&name);
        Some(name)
    }

    /// [`TtsCache::insert`], remembering which spoken text gave the clip.
    fn insert_spoken(&self, key: Option<[u8; 32]>, clip: Clip) -> Option<String> {
        let size = clip.bytes.len();
        if size > self.max_bytes || self.max_clips == 0 {
            return None;
        }
        let digest = Sha256::digest(&clip.bytes);
        let hash: String = digest
            .iter()
            .take(HASH_HEX_DIGITS / 2)
            .map(|b| format!("{b:02x}"))
            .collect();
        let name = format!("{hash}.{}", clip.ext);
        let mut inner = self.lock();
        if let Some(entry) = inner.clips.get_mut(&name) {
            if let Some(key) = key {
                entry.spoken = Some(key);
                inner.spoken.insert(key, name.clone());
            }
            inner.touch(&name);
            return Some(name);
        }
        while inner.bytes + size > self.max_bytes || inner.clips.len() >= self.max_clips {
            let Some(oldest) = inner.order.pop_front() else {
                break;
            };
            if let Some(entry) = inner.clips.remove(&oldest) {
                inner.bytes -= entry.clip.clip.bytes.len();
                if let Some(old_key) = entry.spoken
                    && inner.spoken.get(&old_key) == Some(&oldest)
                {
                    inner.spoken.remove(&old_key);
                }
            }
        }
        if let Some(key) = key {
            inner.spoken.insert(key, name.clone());
        }
        inner.bytes += size;
        inner.order.push_back(name.clone());
        inner.clips.insert(
            name.clone(),
            CacheEntry {
                clip: CachedClip {
                    clip,
                    etag: format!("\"{hash}\""),
                },
                spoken: key,
            },
        );
        Some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_at_a_sentence_end_then_a_space() {
        assert_eq!(cap_at_sentence("corto.", 10), "corto.");
        assert_eq!(
            cap_at_sentence("Uno dos. Tres cuatro cinco", 20),
            "Uno dos. Tres"
        );
        assert_eq!(
            cap_at_sentence("Primera frase larga. Segunda frase", 30),
            "Primera frase larga."
        );
        assert_eq!(
            cap_at_sentence("Línea uno.\nLínea dos que sigue", 16),
            "Línea uno."
        );
        assert_eq!(
            cap_at_sentence("هل لديك موعد؟ نعم لدي", 16),
            "هل لديك موعد؟"
        );
        assert_eq!(cap_at_sentence("abcdefghij", 4), "abcd");
        // A sentence end in the first half is too early: the last space is used instead.
        assert_eq!(
            cap_at_sentence("Sí. aaaa bbbb cccc dddd", 20),
            "Sí. aaaa bbbb cccc"
        );
        let long = "ñ".repeat(MAX_SPOKEN_CHARS + 5);
        assert_eq!(
            cap_at_sentence(&long, MAX_SPOKEN_CHARS).chars().count(),
            MAX_SPOKEN_CHARS
        );
    }

    #[test]
    fn spoken_text_has_no_markup_and_is_capped() {
        let text = "*IMV* · _Qué es_\n\n1️⃣ Pide cita en https://www.seg-social.es/x/y";
        assert_eq!(
            spoken_text(text),
            "IMV, Qué es.\n1 Pide cita en seg-social.es."
        );
        let long = "Frase corta. ".repeat(200);
        let spoken = spoken_text(&long);
        assert!(spoken.chars().count() <= MAX_SPOKEN_CHARS);
        assert!(spoken.ends_with('.'), "{spoken:?}");
    }

    #[test]
    fn spoken_keys_depend_on_the_language() {
        assert_ne!(spoken_key("IMV", Lang::Es), spoken_key("IMV", Lang::Fr));
        assert_eq!(spoken_key("IMV", Lang::Es), spoken_key("IMV", Lang::Es));
    }

    #[test]
    fn resampling_keeps_duration_and_shape() {
        let ramp: Vec<i16> = (0..22_050).map(|i| (i % 1000) as i16).collect();
        let up = resample_linear(&ramp, 22_050, 24_000);
        assert_eq!(up.len(), 24_000);
        assert_eq!(up[0], 0);
        // Halfway through the input is halfway through the output.
        assert!((i32::from(up[12_000]) - i32::from(ramp[11_025])).abs() <= 1);
        assert_eq!(resample_linear(&[5], 8_000, 8_000), vec![5]);
        assert!(resample_linear(&[], 22_050, 24_000).is_empty());
    }

    #[test]
    fn pcm_parameters_are_read() {
        let data = [1u8, 0, 2, 0, 3, 0, 4, 0];
        let pcm = decode("audio/L16;codec=pcm;rate=16000", &data).unwrap();
        assert_eq!((pcm.rate, pcm.samples), (16_000, vec![1, 2, 3, 4]));
        let pcm = decode(" AUDIO/l16 ; Rate=\"8000\" ; channels=2", &data).unwrap();
        assert_eq!((pcm.rate, pcm.samples), (8_000, vec![1, 3]));
        assert_eq!(decode("audio/pcm", &data).unwrap().rate, 24_000);
        assert!(matches!(
            decode("audio/L16;rate=fast", &data),
            Err(TtsError::Malformed(_))
        ));
        assert!(matches!(
            decode("audio/L16;rate=96000", &data),
            Err(TtsError::Unsupported(_))
        ));
        assert!(matches!(
            decode("audio/L16;channels=0", &data),
            Err(TtsError::Malformed(_))
        ));
    }

    #[test]
    fn the_ogg_header_packets_have_the_rfc_layout() {
        let head = opus_head(24_000);
        assert_eq!(head.len(), 19);
        assert_eq!(&head[..8], b"OpusHead");
        assert_eq!(head[8..10], [1, 1]);
        assert_eq!(u16::from_le_bytes([head[10], head[11]]), 312);
        assert_eq!(
            u32::from_le_bytes([head[12], head[13], head[14], head[15]]),
            24_000
        );
        let tags = opus_tags();
        assert_eq!(&tags[..8], b"OpusTags");
        assert_eq!(tags.len(), 8 + 4 + VENDOR.len() + 4);
    }

    #[test]
    fn the_cache_finds_spoken_texts_until_evicted() {
        let cache = TtsCache::new(10, 8);
        let clip = |b: &'static [u8]| Clip {
            bytes: Bytes::from_static(b),
            mime: "audio/ogg",
            ext: "ogg",
        };
        let key = spoken_key("hola", Lang::Es);
        let name = cache.insert_spoken(Some(key), clip(b"123456")).unwrap();
        assert_eq!(cache.find_spoken(&key), Some(name));
        cache.insert(clip(b"abcdef")).unwrap();
        assert_eq!(cache.find_spoken(&key), None);
        assert!(cache.lock().spoken.is_empty());
    }
}
