//! The Gemini API client: plain and structured answers, voice-note transcription, spoken replies
//! and the model list (CONTRACTS.md §2).
//!
//! One request per call, never retried: an answer has `LLM_TIMEOUT` while the person waits, and
//! every failure already ends in a template (`llm_failed`, or `busy` for a rate limit).
//! [`GeminiError::is_retryable`] says whether a later request could succeed, for the logs. Every
//! call has its own timeout (reqwest's per-request `timeout`, which covers reading the body too).
//!
//! The API key travels only in the `x-goog-api-key` header. It is never in a URL, and it is
//! scrubbed from anything the server echoes back, so errors, logs and `Debug` output stay free of it.

use std::time::{Duration, Instant};

use base64::Engine as _;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use tracing::debug;

use super::{BodyError, describe, read_capped, retry_after};
use crate::kb::Lang;

/// Largest response body read: a few minutes of 24 kHz PCM speech in base64 is well under this,
/// and a misbehaving upstream cannot make us buffer without bound.
const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// `list_models` stops after this many pages, so a server that keeps sending tokens cannot loop us.
const MAX_MODEL_PAGES: usize = 10;

/// Models per page asked for: the API's maximum, so one page is the usual case.
const MODEL_PAGE_SIZE: &str = "1000";

/// Longest server error message kept in a [`GeminiError::Rejected`]; enough to diagnose, short
/// enough for a log line.
const MAX_ERROR_MESSAGE_CHARS: usize = 300;

/// Output budget for a transcription: thinking models spend part of `maxOutputTokens` before the
/// JSON, and a cut-off JSON object is lost entirely, so this is generous.
const TRANSCRIBE_MAX_OUTPUT_TOKENS: u32 = 8192;

/// What the transcription model is told; the response schema enforces the shape too.
const TRANSCRIBE_INSTRUCTION: &str = "Transcribe this voice note word for word, in the language \
that is spoken; do not translate, summarise or answer it. Reply only with JSON: \
{\"language\": \"<ISO 639-1 code of the spoken language>\", \"transcript\": \"<the words>\"}. \
If nothing is said, give an empty transcript.";

/// Finish reasons that mean the output was withheld by a filter, not merely cut short.
const BLOCKING_FINISH_REASONS: &[&str] = &[
    "SAFETY",
    "PROHIBITED_CONTENT",
    "BLOCKLIST",
    "SPII",
    "RECITATION",
];

/// A Gemini API client. Cheap to clone (reqwest's client is a shared pool).
#[derive(Clone, Debug)]
pub struct Gemini {
    /// The shared HTTP client; its connection pool lives as long as any clone.
    http: reqwest::Client,
    /// API root without a trailing slash (`GEMINI_BASE_URL`).
    base_url: String,
    /// Sent only as `x-goog-api-key`, scrubbed from what the server echoes.
    api_key: SecretString,
    /// Model for answers and transcription, without the `models/` prefix.
    model: String,
    /// Model for text-to-speech, without the `models/` prefix.
    tts_model: String,
}

/// One question for [`Gemini::answer`] or [`Gemini::answer_structured`].
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRequest {
    /// The system instruction (sent as the top-level `systemInstruction`; omitted when empty).
    pub system: String,
    /// The user turn: knowledge context and question.
    pub user: String,
    /// Sampling temperature; low keeps answers close to the context.
    pub temperature: f32,
    /// `maxOutputTokens`; on thinking models this includes the thinking tokens.
    pub max_output_tokens: u32,
}

/// The answer shape asked for with a response schema (`STRUCTURED_OUTPUT_ON`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct StructuredAnswer {
    /// A short direct answer; the only required field.
    pub summary: String,
    /// Numbered steps, in order.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub steps: Vec<String>,
    /// Documents to bring.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub documents: Vec<String>,
    /// Things to watch out for.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub warnings: Vec<String>,
    /// Official URLs the answer rests on.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub sources: Vec<String>,
}

/// A transcribed voice note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// The spoken language when it is one Clara speaks; `None` for any other (or an unreadable code).
    pub lang: Option<Lang>,
    /// What was said, trimmed; never empty.
    pub text: String,
}

/// Synthesized speech, exactly as Gemini returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// `audio/L16;codec=pcm;rate=24000` (headerless PCM) or `audio/wav`: the caller branches on it.
    pub mime_type: String,
    /// The decoded audio bytes.
    pub data: Vec<u8>,
}

/// Why a Gemini call gave no usable result. Messages are lowercase and never hold the API key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GeminiError {
    /// 429: quota or rate limit; `retry_after` from `RetryInfo.retryDelay` (or `Retry-After`).
    #[error("gemini rate limited{}", fmt_retry_after(.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    /// 500, 502, 503, 504: a transient server failure.
    #[error("gemini unavailable (http {status})")]
    Unavailable { status: u16 },
    /// Any other non-success status (400 bad request or unsupported audio, 403 key, 404 retired
    /// model, …): retrying the same request will not help.
    #[error("gemini rejected the request (http {status} {status_text}): {message}")]
    Rejected {
        status: u16,
        status_text: String,
        message: String,
    },
    /// No complete response within the call's timeout.
    #[error("gemini request timed out")]
    Timeout,
    /// The prompt or the output was withheld by a safety or recitation filter.
    #[error("gemini blocked the content ({reason})")]
    Blocked { reason: String },
    /// A well-formed response with nothing in it (no candidates, parts, text or audio).
    #[error("gemini returned no content")]
    Empty,
    /// The body was not the JSON expected.
    #[error("malformed gemini response: {0}")]
    Malformed(String),
    /// The request never got an HTTP answer (connection refused, TLS, reset, …).
    #[error("gemini transport failure: {0}")]
    Transport(String),
}

/// The `RateLimited` message suffix, e.g. ` (retry after 7s)`.
fn fmt_retry_after(retry_after: &Option<Duration>) -> String {
    retry_after.map_or_else(String::new, |d| {
        format!(" (retry after {}s)", d.as_secs_f64())
    })
}

impl GeminiError {
    /// Whether the same request may succeed later: rate limits, server failures, timeouts and
    /// transport failures. Rejections, blocks, empty and malformed answers will not change.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            GeminiError::RateLimited { .. }
                | GeminiError::Unavailable { .. }
                | GeminiError::Timeout
                | GeminiError::Transport(_)
        )
    }
}

impl Gemini {
    /// A client for `base_url` (a trailing slash is tolerated). Model names may carry the
    /// `models/` prefix the API uses in its own listings; it is dropped.
    pub fn new(
        http: reqwest::Client,
        base_url: &str,
        api_key: SecretString,
        model: &str,
        tts_model: &str,
    ) -> Gemini {
        Gemini {
            http,
            base_url: base_url.trim_end_matches('/').to_string(),
            api_key,
            model: bare_model(model).to_string(),
            tts_model: bare_model(tts_model).to_string(),
        }
    }

    /// A plain-text answer to `req`.
    ///
    /// # Errors
    /// Any [`GeminiError`]: the status mapping, a timeout, a blocked prompt or output, no text.
    pub async fn answer(
        &self,
        req: &AnswerRequest,
        timeout: Duration,
    ) -> Result<String, GeminiError> {
        let body = answer_body(req, None);
        let bytes = self.generate(&self.model, &body, timeout).await?;
        parse_generate_response(&bytes)
    }

    /// An answer constrained by a response schema (JSON with `summary`, `steps`, `documents`,
    /// `warnings`, `sources`), parsed into a [`StructuredAnswer`].
    ///
    /// # Errors
    /// As [`Gemini::answer`]; [`GeminiError::Malformed`] when the text holds no such JSON object,
    /// [`GeminiError::Empty`] when its summary is blank.
    pub async fn answer_structured(
        &self,
        req: &AnswerRequest,
        timeout: Duration,
    ) -> Result<StructuredAnswer, GeminiError> {
        let body = answer_body(req, Some(structured_schema()));
        let bytes = self.generate(&self.model, &body, timeout).await?;
        parse_structured(&parse_generate_response(&bytes)?)
    }

    /// Transcribes a voice note sent inline (base64), asking for `{"language", "transcript"}`.
    ///
    /// # Errors
    /// As [`Gemini::answer`] (an audio type Gemini refuses comes back as
    /// [`GeminiError::Rejected`]); [`GeminiError::Malformed`] when the text holds no such JSON
    /// object; [`GeminiError::Empty`] when nothing was said.
    pub async fn transcribe(
        &self,
        audio: &[u8],
        mime_type: &str,
        timeout: Duration,
    ) -> Result<Transcript, GeminiError> {
        let data = base64::engine::general_purpose::STANDARD.encode(audio);
        let body = GenerateRequest {
            system_instruction: None,
            contents: [Content {
                role: Some("user"),
                parts: vec![
                    PartOut::Text(TRANSCRIBE_INSTRUCTION),
                    PartOut::InlineData(BlobOut {
                        mime_type,
                        data: &data,
                    }),
                ],
            }],
            generation_config: GenerationConfig {
                temperature: Some(0.0),
                max_output_tokens: Some(TRANSCRIBE_MAX_OUTPUT_TOKENS),
                response_mime_type: Some("application/json"),
                response_schema: Some(transcript_schema()),
                ..GenerationConfig::default()
            },
        };
        let bytes = self.generate(&self.model, &body, timeout).await?;
        parse_transcript(&parse_generate_response(&bytes)?)
    }

    /// Speaks `text` with the prebuilt voice `voice` (e.g. `Kore`) on the TTS model.
    ///
    /// # Errors
    /// As [`Gemini::answer`]; [`GeminiError::Empty`] when no audio came back,
    /// [`GeminiError::Malformed`] when the audio has no MIME type or is not base64.
    pub async fn speak(
        &self,
        text: &str,
        voice: &str,
        timeout: Duration,
    ) -> Result<Speech, GeminiError> {
        let body = GenerateRequest {
            system_instruction: None,
            contents: [Content {
                role: Some("user"),
                parts: vec![PartOut::Text(text)],
            }],
            generation_config: GenerationConfig {
                response_modalities: Some(&["AUDIO"]),
                speech_config: Some(json!({
                    "voiceConfig": {"prebuiltVoiceConfig": {"voiceName": voice}}
                })),
                ..GenerationConfig::default()
            },
        };
        let bytes = self.generate(&self.tts_model, &body, timeout).await?;
        parse_speech(&bytes)
    }

    /// The names of the models this key can use (without `models/`), following `nextPageToken`
    /// for at most 10 pages. Used once at start-up to warn about a missing model.
    ///
    /// # Errors
    /// The status mapping, a timeout (each page gets `timeout`), or a body that is not a model list.
    pub async fn list_models(&self, timeout: Duration) -> Result<Vec<String>, GeminiError> {
        let url = format!("{}/models", self.base_url);
        let mut names = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_MODEL_PAGES {
            let mut request = self.http.get(&url).query(&[("pageSize", MODEL_PAGE_SIZE)]);
            if let Some(token) = &token {
                request = request.query(&[("pageToken", token)]);
            }
            let bytes = self.send(request, "models", timeout).await?;
            let page: ModelPage = serde_json::from_slice(&bytes)
                .map_err(|e| self.malformed(&format!("model list: {e}")))?;
            names.extend(
                page.models
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|m| m.name)
                    .map(|n| bare_model(&n).to_string()),
            );
            match page.next_page_token.filter(|t| !t.is_empty()) {
                Some(next) => token = Some(next),
                None => return Ok(names),
            }
        }
        debug!(pages = MAX_MODEL_PAGES, "gemini model list truncated");
        Ok(names)
    }

    /// POSTs a `generateContent` request to `model` and returns the success body.
    async fn generate<B: Serialize>(
        &self,
        model: &str,
        body: &B,
        timeout: Duration,
    ) -> Result<Vec<u8>, GeminiError> {
        let url = format!("{}/models/{model}:generateContent", self.base_url);
        let request = self.http.post(url).json(body);
        self.send(request, model, timeout).await
    }

    /// Sends `request` with the key and the timeout, reads the body, and maps a non-success
    /// status to its error. `what` names the call in the debug log.
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
        timeout: Duration,
    ) -> Result<Vec<u8>, GeminiError> {
        let started = Instant::now();
        let result = request
            .header("x-goog-api-key", self.api_key.expose_secret())
            .timeout(timeout)
            .send()
            .await;
        let response = result.map_err(|e| self.transport(e))?;
        let status = response.status();
        let retry_after_header = retry_after(response.headers());
        let body = read_capped(response, MAX_RESPONSE_BYTES)
            .await
            .map_err(|e| match e {
                BodyError::TooLarge => {
                    GeminiError::Malformed("response body too large".to_string())
                }
                BodyError::Transport(e) => self.transport(e),
            })?;
        debug!(
            call = what,
            status = status.as_u16(),
            bytes = body.len(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "gemini answered"
        );
        if status.is_success() {
            return Ok(body);
        }
        Err(self.status_error(status, &body, retry_after_header))
    }

    /// The error for a non-success status, from Google's error body when there is one.
    fn status_error(
        &self,
        status: reqwest::StatusCode,
        body: &[u8],
        retry_after_header: Option<Duration>,
    ) -> GeminiError {
        let error = serde_json::from_slice::<ErrorEnvelope>(body)
            .ok()
            .and_then(|e| e.error);
        match status.as_u16() {
            429 => GeminiError::RateLimited {
                retry_after: error
                    .as_ref()
                    .and_then(ApiError::retry_delay)
                    .or(retry_after_header),
            },
            code @ (500 | 502 | 503 | 504) => GeminiError::Unavailable { status: code },
            code => {
                let (status_text, message) = match error {
                    Some(e) => (
                        e.status
                            .unwrap_or_else(|| status.canonical_reason().unwrap_or("").to_string()),
                        e.message.unwrap_or_default(),
                    ),
                    None => (
                        status.canonical_reason().unwrap_or("").to_string(),
                        String::from_utf8_lossy(body).trim().to_string(),
                    ),
                };
                GeminiError::Rejected {
                    status: code,
                    status_text: self.scrub(&status_text),
                    message: truncate(&self.scrub(&message), MAX_ERROR_MESSAGE_CHARS),
                }
            }
        }
    }

    /// Maps a reqwest failure: timeouts apart, everything is transport. The URL is dropped from
    /// the message (it never holds the key, but it is noise) and the key is scrubbed anyway.
    fn transport(&self, e: reqwest::Error) -> GeminiError {
        if e.is_timeout() {
            return GeminiError::Timeout;
        }
        GeminiError::Transport(self.scrub(&describe(e)))
    }

    /// A [`GeminiError::Malformed`] whose message is scrubbed of the key.
    fn malformed(&self, message: &str) -> GeminiError {
        GeminiError::Malformed(self.scrub(message))
    }

    /// `text` with every occurrence of the API key replaced.
    fn scrub(&self, text: &str) -> String {
        match self.api_key.expose_secret() {
            "" => text.to_string(),
            key => text.replace(key, "[redacted]"),
        }
    }
}

/// The text of a `generateContent` response body: `candidates[0].content.parts[*].text`
/// concatenated, thought parts skipped.
///
/// # Errors
/// [`GeminiError::Malformed`] for a body that is not a response object;
/// [`GeminiError::Blocked`] for a blocked prompt (`promptFeedback.blockReason`) or an output
/// withheld by a filter (`finishReason` `SAFETY`, `PROHIBITED_CONTENT`, `BLOCKLIST`, `SPII`,
/// `RECITATION`: what text came before the filter is partial, so it is not used);
/// [`GeminiError::Empty`] when there is no text. `MAX_TOKENS` with text is a success.
pub fn parse_generate_response(body: &[u8]) -> Result<String, GeminiError> {
    let candidate = first_candidate(body)?;
    let text: String = candidate
        .parts()
        .filter(|p| !p.is_thought())
        .filter_map(|p| p.text.as_deref())
        .collect();
    if text.trim().is_empty() {
        return Err(GeminiError::Empty);
    }
    Ok(text)
}

/// The first candidate of a response, after the checks every response needs: well-formed, prompt
/// not blocked, a candidate present, output not withheld.
fn first_candidate(body: &[u8]) -> Result<Candidate, GeminiError> {
    let response: GenerateResponse = serde_json::from_slice(body)
        .map_err(|e| GeminiError::Malformed(format!("generate response: {e}")))?;
    if let Some(reason) = response.prompt_feedback.and_then(|f| f.block_reason) {
        return Err(GeminiError::Blocked { reason });
    }
    let candidate = response
        .candidates
        .and_then(|c| c.into_iter().next())
        .ok_or(GeminiError::Empty)?;
    if let Some(reason) = candidate.finish_reason.as_deref()
        && BLOCKING_FINISH_REASONS.contains(&reason)
    {
        return Err(GeminiError::Blocked {
            reason: reason.to_string(),
        });
    }
    Ok(candidate)
}

/// The audio of a TTS response: the first non-thought part with `inlineData`, decoded.
fn parse_speech(body: &[u8]) -> Result<Speech, GeminiError> {
    let candidate = first_candidate(body)?;
    let blob = candidate
        .parts()
        .filter(|p| !p.is_thought())
        .find_map(|p| p.inline_data.as_ref())
        .ok_or(GeminiError::Empty)?;
    let data = blob.data.as_deref().unwrap_or("");
    if data.is_empty() {
        return Err(GeminiError::Empty);
    }
    let mime_type = blob
        .mime_type
        .clone()
        .filter(|m| !m.trim().is_empty())
        .ok_or_else(|| GeminiError::Malformed("speech without a mime type".to_string()))?;
    Ok(Speech {
        mime_type,
        data: decode_base64(data)?,
    })
}

/// Decodes Google's base64 (standard alphabet; the URL-safe one is accepted too, as proto3 JSON allows).
fn decode_base64(data: &str) -> Result<Vec<u8>, GeminiError> {
    use base64::engine::general_purpose::{STANDARD, URL_SAFE};
    STANDARD
        .decode(data)
        .or_else(|_| URL_SAFE.decode(data))
        .map_err(|e| GeminiError::Malformed(format!("audio is not base64: {e}")))
}

/// A structured answer from the model's text, which should be the JSON object alone but may be
/// fenced or wrapped in prose.
fn parse_structured(text: &str) -> Result<StructuredAnswer, GeminiError> {
    let answer: StructuredAnswer = extract_json(text).ok_or_else(|| {
        GeminiError::Malformed("no structured answer object in the text".to_string())
    })?;
    if answer.summary.trim().is_empty() {
        return Err(GeminiError::Empty);
    }
    Ok(answer)
}

/// A transcript from the model's text: `{"language": …, "transcript": …}`, possibly fenced or
/// wrapped in prose.
fn parse_transcript(text: &str) -> Result<Transcript, GeminiError> {
    #[derive(Deserialize)]
    struct Raw {
        #[serde(default, alias = "lang")]
        language: Option<String>,
        #[serde(alias = "text")]
        transcript: String,
    }
    let raw: Raw = extract_json(text)
        .ok_or_else(|| GeminiError::Malformed("no transcript object in the text".to_string()))?;
    let transcript = raw.transcript.trim().to_string();
    if transcript.is_empty() {
        return Err(GeminiError::Empty);
    }
    Ok(Transcript {
        lang: raw.language.as_deref().and_then(lang_from_label),
        text: transcript,
    })
}

/// Most `{` positions tried by [`extract_json`]; real answers hold the object at the first.
const MAX_JSON_STARTS: usize = 32;

/// The first JSON object in `text` that deserializes as `T`: each `{` is tried as a start, and
/// whatever follows the object (a closing fence, a remark) is ignored.
fn extract_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    text.match_indices('{')
        .take(MAX_JSON_STARTS)
        .find_map(|(start, _)| {
            serde_json::Deserializer::from_str(&text[start..])
                .into_iter::<T>()
                .next()
                .and_then(Result::ok)
        })
}

/// The Clara language a model's language label names: an ISO 639-1 code, a BCP 47 tag
/// (`es-ES`, `ar_MA`), an ISO 639-2 code, or the language's name in English, Spanish, French or
/// itself. Anything else is `None`.
fn lang_from_label(label: &str) -> Option<Lang> {
    let label = label.trim().to_lowercase();
    let first = label
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    Some(match first {
        "es" | "spa" | "spanish" | "español" | "espanol" | "castellano" | "castilian"
        | "espagnol" => Lang::Es,
        "fr" | "fra" | "fre" | "french" | "français" | "francais" | "francés" | "frances" => {
            Lang::Fr
        }
        "en" | "eng" | "english" | "inglés" | "ingles" | "anglais" => Lang::En,
        "ar" | "ara" | "arabic" | "árabe" | "arabe" | "العربية" | "عربي" | "عربية" => {
            Lang::Ar
        }
        _ => return None,
    })
}

/// `models/gemini-x` → `gemini-x`.
fn bare_model(name: &str) -> &str {
    name.trim().strip_prefix("models/").unwrap_or(name.trim())
}

/// At most `max` characters of `text`, with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Deserializes a JSON `null` as an empty vector (models sometimes write `"steps": null`).
fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

/// The request body for an answer; `schema` turns on JSON output.
fn answer_body(req: &AnswerRequest, schema: Option<Value>) -> GenerateRequest<'_> {
    GenerateRequest {
        system_instruction: (!req.system.is_empty()).then(|| Content {
            role: None,
            parts: vec![PartOut::Text(&req.system)],
        }),
        contents: [Content {
            role: Some("user"),
            parts: vec![PartOut::Text(&req.user)],
        }],
        generation_config: GenerationConfig {
            temperature: Some(req.temperature),
            max_output_tokens: Some(req.max_output_tokens),
            response_mime_type: schema.is_some().then_some("application/json"),
            response_schema: schema,
            ..GenerationConfig::default()
        },
    }
}

/// The response schema of [`StructuredAnswer`] (OpenAPI subset, upper-case types).
fn structured_schema() -> Value {
    let list = json!({"type": "ARRAY", "items": {"type": "STRING"}});
    json!({
        "type": "OBJECT",
        "properties": {
            "summary": {"type": "STRING"},
            "steps": list,
            "documents": list,
            "warnings": list,
            "sources": list,
        },
        "required": ["summary"],
        "propertyOrdering": ["summary", "steps", "documents", "warnings", "sources"],
    })
}

/// The response schema of a transcription.
fn transcript_schema() -> Value {
    json!({
        "type": "OBJECT",
        "properties": {
            "language": {"type": "STRING"},
            "transcript": {"type": "STRING"},
        },
        "required": ["language", "transcript"],
        "propertyOrdering": ["language", "transcript"],
    })
}

// Wire types. Requests are typed so that `f32` temperatures serialize as written (0.3, not
// 0.30000001192092896); responses accept missing and `null` fields and ignore unknown ones.

/// A `generateContent` request body.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GenerateRequest<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    system_instruction: Option<Content<'a>>,
    contents: [Content<'a>; 1],
    generation_config: GenerationConfig<'a>,
}

/// One turn of the conversation (the system instruction has no role).
#[derive(Serialize)]
struct Content<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    parts: Vec<PartOut<'a>>,
}

/// A request part: `{"text": …}` or `{"inlineData": {…}}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum PartOut<'a> {
    Text(&'a str),
    InlineData(BlobOut<'a>),
}

/// Inline media: its MIME type and base64 bytes.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BlobOut<'a> {
    mime_type: &'a str,
    data: &'a str,
}

/// `generationConfig`; unset fields are left to the model's defaults.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct GenerationConfig<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_output_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_mime_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_schema: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_modalities: Option<&'a [&'a str]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speech_config: Option<Value>,
}

/// A `generateContent` response, reduced to what Clara reads.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GenerateResponse {
    candidates: Option<Vec<Candidate>>,
    prompt_feedback: Option<PromptFeedback>,
}

/// `promptFeedback`: present with `blockReason` when the prompt itself was refused.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PromptFeedback {
    block_reason: Option<String>,
}

/// One response candidate.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Candidate {
    content: Option<ContentIn>,
    finish_reason: Option<String>,
}

impl Candidate {
    /// The candidate's parts; none when `content` or `parts` is missing.
    fn parts(&self) -> impl Iterator<Item = &PartIn> {
        self.content.iter().flat_map(|c| c.parts.iter().flatten())
    }
}

/// A response candidate's content.
#[derive(Deserialize)]
struct ContentIn {
    parts: Option<Vec<PartIn>>,
}

/// A response part: text, a thought summary (`thought: true`), or inline audio.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PartIn {
    text: Option<String>,
    thought: Option<bool>,
    inline_data: Option<BlobIn>,
}

impl PartIn {
    /// Whether this part is the model's thinking, which is never shown to a user.
    fn is_thought(&self) -> bool {
        self.thought == Some(true)
    }
}

/// Inline media in a response.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BlobIn {
    mime_type: Option<String>,
    data: Option<String>,
}

/// Google's error body: `{"error": {"code", "message", "status", "details"}}`.
#[derive(Deserialize)]
struct ErrorEnvelope {
    error: Option<ApiError>,
}

/// The `error` object of a failed call.
#[derive(Deserialize)]
struct ApiError {
    message: Option<String>,
    status: Option<String>,
    details: Option<Vec<Value>>,
}

impl ApiError {
    /// `retryDelay` of the `google.rpc.RetryInfo` detail, when present and readable.
    fn retry_delay(&self) -> Option<Duration> {
        self.details.iter().flatten().find_map(|detail| {
            let kind = detail.get("@type")?.as_str()?;
            if !kind.ends_with("google.rpc.RetryInfo") {
                return None;
            }
            parse_proto_duration(detail.get("retryDelay")?)
        })
    }
}

/// A protobuf `Duration` as JSON: `"7s"`, `"0.5s"`, or the object form `{"seconds", "nanos"}`.
fn parse_proto_duration(value: &Value) -> Option<Duration> {
    match value {
        Value::String(s) => {
            let secs: f64 = s.trim().strip_suffix('s')?.parse().ok()?;
            Duration::try_from_secs_f64(secs).ok()
        }
        Value::Object(o) => {
            let secs = match o.get("seconds") {
                Some(Value::String(s)) => s.parse().ok()?,
                Some(v) => v.as_u64()?,
                None => 0,
            };
            let nanos = o.get("nanos").and_then(Value::as_u64).unwrap_or(0);
            Some(Duration::from_secs(secs) + Duration::from_nanos(nanos))
        }
        _ => None,
    }
}

/// A page of `GET /models`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ModelPage {
    models: Option<Vec<ModelInfo>>,
    next_page_token: Option<String>,
}

/// One model of the list; only its name matters here.
#[derive(Deserialize)]
struct ModelInfo {
    name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<String, GeminiError> {
        parse_generate_response(body.as_bytes())
    }

    #[test]
    fn concatenates_text_parts_and_skips_thoughts() {
        let body = r#"{"candidates":[{"content":{"role":"model","parts":[
            {"text":"thinking about the padrón","thought":true},
            {"text":"Paso 1. "},{"text":"Paso 2.","thoughtSignature":"abc"}]},
            "finishReason":"STOP","index":0}],"usageMetadata":{"totalTokenCount":2}}"#;
        assert_eq!(parse(body).unwrap(), "Paso 1. Paso 2.");
    }

    #[test]
    fn only_the_first_candidate_counts() {
        let body = r#"{"candidates":[{"content":{"parts":[{"text":"uno"}]}},{"content":{"parts":[{"text":"dos"}]}}]}"#;
        assert_eq!(parse(body).unwrap(), "uno");
    }

    #[test]
    fn thought_false_and_null_are_kept() {
        let body = r#"{"candidates":[{"content":{"parts":[{"text":"a","thought":false},{"text":"b","thought":null}]}}]}"#;
        assert_eq!(parse(body).unwrap(), "ab");
    }

    #[test]
    fn max_tokens_with_text_is_a_success() {
        let body = r#"{"candidates":[{"content":{"parts":[{"text":"cut sh"}]},"finishReason":"MAX_TOKENS"}]}"#;
        assert_eq!(parse(body).unwrap(), "cut sh");
    }

    #[test]
    fn max_tokens_spent_on_thinking_is_empty() {
        let body = r#"{"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS"}]}"#;
        assert_eq!(parse(body), Err(GeminiError::Empty));
    }

    #[test]
    fn missing_or_null_pieces_are_empty() {
        for body in [
            "{}",
            r#"{"candidates":[]}"#,
            r#"{"candidates":null}"#,
            r#"{"candidates":[{}]}"#,
            r#"{"candidates":[{"content":null}]}"#,
            r#"{"candidates":[{"content":{"parts":[]}}]}"#,
            r#"{"candidates":[{"content":{"parts":[{"text":"  \n"}]}}]}"#,
            r#"{"candidates":[{"content":{"parts":[{"text":"only a thought","thought":true}]}}]}"#,
            r#"{"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"audio/wav","data":"AA=="}}]}}]}"#,
            r#"{"promptFeedback":{"safetyRatings":[]}}"#,
        ] {
            assert_eq!(parse(body), Err(GeminiError::Empty), "{body}");
        }
    }

    #[test]
    fn a_blocked_prompt_is_blocked() {
        let body = r#"{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT","safetyRatings":[]},"usageMetadata":{}}"#;
        assert_eq!(
            parse(body),
            Err(GeminiError::Blocked {
                reason: "PROHIBITED_CONTENT".into()
            })
        );
    }

    #[test]
    fn filtered_output_is_blocked_even_with_partial_text() {
        for reason in BLOCKING_FINISH_REASONS {
            let none = format!(r#"{{"candidates":[{{"finishReason":"{reason}","index":0}}]}}"#);
            assert_eq!(
                parse(&none),
                Err(GeminiError::Blocked {
                    reason: reason.to_string()
                })
            );
            let partial = format!(
                r#"{{"candidates":[{{"content":{{"parts":[{{"text":"half"}}]}},"finishReason":"{reason}"}}]}}"#
            );
            assert_eq!(
                parse(&partial),
                Err(GeminiError::Blocked {
                    reason: reason.to_string()
                })
            );
        }
    }

    #[test]
    fn other_finish_reasons_without_text_are_empty() {
        for reason in ["STOP", "OTHER", "LANGUAGE", "MALFORMED_FUNCTION_CALL"] {
            let body = format!(r#"{{"candidates":[{{"finishReason":"{reason}"}}]}}"#);
            assert_eq!(parse(&body), Err(GeminiError::Empty), "{reason}");
        }
    }

    #[test]
    fn bodies_that_are_not_a_response_are_malformed() {
        for body in [
            "",
            "not json",
            "<html>502</html>",
            "[]",
            "\"text\"",
            r#"{"candidates":"x"}"#,
            r#"{"candidates":[{"content":{"parts":[{"text":7}]}}]}"#,
            r#"{"candidates":[{"content":{"parts":[{"te"#,
        ] {
            assert!(
                matches!(parse(body), Err(GeminiError::Malformed(_))),
                "{body}"
            );
        }
    }

    #[test]
    fn speech_is_decoded_with_its_mime_type() {
        let body = r#"{"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"audio/L16;codec=pcm;rate=24000","data":"AAEC/w=="}}]},"finishReason":"STOP"}]}"#;
        let speech = parse_speech(body.as_bytes()).unwrap();
        assert_eq!(
            speech,
            Speech {
                mime_type: "audio/L16;codec=pcm;rate=24000".into(),
                data: vec![0, 1, 2, 255]
            }
        );
        let url_safe = body.replace("AAEC/w==", "AAEC_w==");
        assert_eq!(
            parse_speech(url_safe.as_bytes()).unwrap().data,
            vec![0, 1, 2, 255]
        );
        let no_audio = r#"{"candidates":[{"content":{"parts":[{"text":"hola"}]}}]}"#;
        assert_eq!(parse_speech(no_audio.as_bytes()), Err(GeminiError::Empty));
        let no_mime = r#"{"candidates":[{"content":{"parts":[{"inlineData":{"data":"AAEC"}}]}}]}"#;
        assert!(matches!(
            parse_speech(no_mime.as_bytes()),
            Err(GeminiError::Malformed(_))
        ));
        let bad = r#"{"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"audio/wav","data":"%%%"}}]}}]}"#;
        assert!(matches!(
            parse_speech(bad.as_bytes()),
            Err(GeminiError::Malformed(_))
        ));
    }

    #[test]
    fn structured_answers_tolerate_fences_prose_and_missing_lists() {
        let fenced = "```json\n{\"summary\":\"Ve al ayuntamiento.\",\"steps\":[\"Pide cita\"],\"sources\":null}\n```";
        let a = parse_structured(fenced).unwrap();
        assert_eq!(a.summary, "Ve al ayuntamiento.");
        assert_eq!(a.steps, vec!["Pide cita"]);
        assert!(a.documents.is_empty() && a.warnings.is_empty() && a.sources.is_empty());
        let prose = "Here it is: {\"summary\":\"x {y}\",\"warnings\":[\"w\"]} hope it helps {";
        assert_eq!(parse_structured(prose).unwrap().warnings, vec!["w"]);
        assert!(matches!(
            parse_structured("{\"steps\":[]}"),
            Err(GeminiError::Malformed(_))
        ));
        assert!(matches!(
            parse_structured("no json"),
            Err(GeminiError::Malformed(_))
        ));
        assert_eq!(
            parse_structured("{\"summary\":\"  \"}"),
            Err(GeminiError::Empty)
        );
    }

    #[test]
    fn transcripts_are_parsed_robustly() {
        let t = parse_transcript("Sure!\n```json\n{\"language\": \"es-ES\", \"transcript\": \" Hola, quiero el padrón. \"}\n```").unwrap();
        assert_eq!(
            t,
            Transcript {
                lang: Some(Lang::Es),
                text: "Hola, quiero el padrón.".into()
            }
        );
        let t = parse_transcript(r#"{"language":"Tagalog","transcript":"kumusta"}"#).unwrap();
        assert_eq!(t.lang, None);
        let t = parse_transcript(r#"{"transcript":"hello"}"#).unwrap();
        assert_eq!(t.lang, None);
        assert_eq!(
            parse_transcript(r#"{"language":"fr","transcript":"  "}"#),
            Err(GeminiError::Empty)
        );
        assert!(matches!(
            parse_transcript(r#"{"language":"fr"}"#),
            Err(GeminiError::Malformed(_))
        ));
        assert!(matches!(
            parse_transcript("Bonjour tout le monde"),
            Err(GeminiError::Malformed(_))
        ));
    }

    #[test]
    fn language_labels_map_to_clara_languages() {
        for (label, lang) in [
            ("es", Some(Lang::Es)),
            ("ES-es", Some(Lang::Es)),
            ("Spanish", Some(Lang::Es)),
            ("español", Some(Lang::Es)),
            ("Spanish (Spain)", Some(Lang::Es)),
            ("fr_FR", Some(Lang::Fr)),
            ("français", Some(Lang::Fr)),
            ("French", Some(Lang::Fr)),
            ("en-GB", Some(Lang::En)),
            ("English", Some(Lang::En)),
            ("ar", Some(Lang::Ar)),
            ("ar-MA", Some(Lang::Ar)),
            ("arabe", Some(Lang::Ar)),
            ("Árabe", Some(Lang::Ar)),
            ("العربية", Some(Lang::Ar)),
            ("de", None),
            ("wolof", None),
            ("", None),
            ("  -  ", None),
        ] {
            assert_eq!(lang_from_label(label), lang, "{label}");
        }
    }

    #[test]
    fn retry_delays_in_every_proto_form() {
        assert_eq!(
            parse_proto_duration(&json!("7s")),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            parse_proto_duration(&json!("0.5s")),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            parse_proto_duration(&json!({"seconds": "3", "nanos": 5})),
            Some(Duration::new(3, 5))
        );
        assert_eq!(parse_proto_duration(&json!("7")), None);
        assert_eq!(parse_proto_duration(&json!("-1s")), None);
    }

    #[test]
    fn request_bodies_have_the_documented_shape() {
        let req = AnswerRequest {
            system: "sys".into(),
            user: "q".into(),
            temperature: 0.3,
            max_output_tokens: 512,
        };
        // Through the wire bytes: an f32 must go out as written (0.3), not widened.
        let wire = |r: &AnswerRequest| -> Value {
            serde_json::from_slice(&serde_json::to_vec(&answer_body(r, None)).unwrap()).unwrap()
        };
        let body = wire(&req);
        assert_eq!(
            body,
            json!({
                "systemInstruction": {"parts": [{"text": "sys"}]},
                "contents": [{"role": "user", "parts": [{"text": "q"}]}],
                "generationConfig": {"temperature": 0.3, "maxOutputTokens": 512},
            })
        );
        let no_system = AnswerRequest {
            system: String::new(),
            ..req
        };
        assert!(wire(&no_system).get("systemInstruction").is_none());
    }

    #[test]
    fn model_names_lose_their_prefix_and_messages_are_capped() {
        assert_eq!(bare_model("models/gemini-3.5-flash"), "gemini-3.5-flash");
        assert_eq!(bare_model(" gemini-3.5-flash "), "gemini-3.5-flash");
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("ñañ", 3), "ñañ");
    }
}
