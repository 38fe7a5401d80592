//! Spoken replies to voice notes: Gemini TTS speaks an answer, its audio is encoded as an
//! OGG/Opus voice note, kept in a bounded in-memory cache and served at `/static/tts/<hash>.ogg`.
//!
//! One concern a room, each depending only on the ones below it:
//! - `speaker`: what the pipeline calls: the [`Speaker`] trait, [`GeminiSpeaker`], [`NoSpeaker`],
//!   [`speaker()`] (the configured one) and [`voice_reply`] (answer text → cached clip name).
//! - `cache`: [`TtsCache`], bounded by bytes and clips, least recently handed out evicted first,
//!   which `src/http/static_audio.rs` serves with strong ETags.
//! - `codec`: PCM or WAV in ([`decode`]), OGG/Opus out ([`encode_ogg_opus`]); no I/O.
//!
//! [`TtsError`], here, is shared by the speaker and the codec. The Gemini client itself is
//! [`crate::outbound::gemini`].

mod cache;
mod codec;
mod speaker;

pub use cache::{CachedClip, DEFAULT_CACHE_BYTES, DEFAULT_CACHE_CLIPS, TtsCache};
pub use codec::{Clip, MAX_AUDIO_SECONDS, Pcm, decode, encode_ogg_opus};
pub use speaker::{
    DEFAULT_TIMEOUT, DEFAULT_VOICE, GeminiSpeaker, MAX_SPOKEN_CHARS, NoSpeaker, SpeakFuture,
    Speaker, speaker, voice_reply,
};

use crate::outbound::gemini::GeminiError;

/// Why no spoken reply was made. Messages are lowercase and never hold the API key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TtsError {
    /// The provider is `none`.
    #[error("text-to-speech is off")]
    Disabled,
    /// The provider's call failed (status, timeout, blocked, no audio, …).
    #[error("gemini tts failed: {0}")]
    Gemini(#[from] GeminiError),
    /// Audio of a type or layout [`decode`] does not read (MP3, float or 24-bit WAV, …).
    #[error("unsupported audio: {0}")]
    Unsupported(String),
    /// Audio that claims a type it does not have (a broken WAV header, no samples, …).
    #[error("malformed audio: {0}")]
    Malformed(String),
    /// Audio longer than [`MAX_AUDIO_SECONDS`].
    #[error("audio too long ({seconds} s, at most {MAX_AUDIO_SECONDS} s)")]
    TooLong {
        /// How long the audio is, in whole seconds.
        seconds: u64,
    },
    /// The encoder refused the audio, or its task failed.
    #[error("opus encoding failed: {0}")]
    Encode(String),
}
