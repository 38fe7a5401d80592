//! What the pipeline calls: a text-to-speech provider behind [`Speaker`] ([`GeminiSpeaker`], or
//! [`NoSpeaker`] when spoken replies are off), built by [`speaker()`], and [`voice_reply`], which
//! turns an answer into a cached voice note.
//!
//! A spoken reply is optional: [`voice_reply`] logs any failure and returns `None`, and the
//! person gets the text alone.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tracing::{debug, info, warn};

use super::TtsError;
use super::cache::{TtsCache, spoken_key};
use super::codec::{Clip, decode, encode_ogg_opus};
use crate::config::TtsProvider;
use crate::kb::Lang;
use crate::outbound::gemini::Gemini;

/// The prebuilt Gemini voice when none is configured: a clear, even voice that speaks all four of
/// Clara's languages (Gemini's voices are multilingual). `scripts/gen-audio.sh` uses it too.
pub const DEFAULT_VOICE: &str = "Kore";

/// Time allowed for one Gemini TTS call: speech for [`MAX_SPOKEN_CHARS`] takes several seconds to
/// generate, and the text reply waits for it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Longest text spoken, in characters: about a minute and a half of speech. A voice note longer
/// than that is not listened to; the full answer is in the text anyway.
pub const MAX_SPOKEN_CHARS: usize = 1200;

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
}
