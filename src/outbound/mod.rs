//! Calling out: the service's clients for other services, and the small toolkit every outbound
//! HTTP call in Clara uses (the miss path, the media fetcher, the editors' Notion tool, the
//! container probe).
//!
//! - `gemini`: the Gemini API client (answers, transcription, speech, model list).
//! - `twilio`: the Twilio REST client (delivery, splitting, retries).
//! - [`client`] and [`builder`]: the one way a `reqwest::Client` is built.
//! - [`retry()`], [`RetryPolicy`]: attempts with a doubling backoff within a time budget, each
//!   attempt timed out on its own.
//! - [`retry_after`]: the one `Retry-After` reader (seconds or HTTP-date).
//! - [`describe`]: a reqwest error on one line, with its causes and without its URL.
//! - [`read_capped`]: a response body, at most so many bytes.

pub mod gemini;
mod retry;
pub mod twilio;

pub use retry::{Attempt, Exhausted, RetryPolicy, retry, retry_after};

/// Sent with every request, so that a provider's logs can tell Clara's calls apart.
const USER_AGENT: &str = concat!("clara/", env!("CARGO_PKG_VERSION"));

/// The client builder every outbound client starts from; callers add what is theirs (a redirect
/// policy for media, a deadline for the probe) before `build`.
pub fn builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder().user_agent(USER_AGENT)
}

/// The shared client: one connection pool for every clone.
///
/// # Errors
/// The TLS backend could not be set up.
pub fn client() -> reqwest::Result<reqwest::Client> {
    builder().build()
}

/// A reqwest error and its causes on one line, `": "`-joined: reqwest's top-level message alone
/// ("error sending request") hides the cause, e.g. "Connection refused". The request URL is
/// dropped first, so that no identifier in a URL (an account SID, a database id) reaches a log.
pub fn describe(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut out = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// Why [`read_capped`] gave no body.
#[derive(Debug)]
pub enum BodyError {
    /// Longer than allowed (declared or as read).
    TooLarge,
    /// The connection failed while reading.
    Transport(reqwest::Error),
}

/// The whole body of `response`, refused unread when its declared length is over `max` and cut
/// off as soon as more than `max` bytes arrive, so that a misbehaving server cannot make us
/// buffer without bound. A request timeout set on the request still applies.
///
/// # Errors
/// [`BodyError::TooLarge`] past `max`; [`BodyError::Transport`] when reading fails.
pub async fn read_capped(
    mut response: reqwest::Response,
    max: usize,
) -> Result<Vec<u8>, BodyError> {
    if response.content_length().is_some_and(|n| n > max as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        if body.len() + chunk.len() > max {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
