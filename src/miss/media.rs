//! Fetching a message's media (voice notes) from Twilio, and only from Twilio: the URL's host and
//! every redirect must be on the allowlist (`TWILIO_MEDIA_HOSTS`). That blocks SSRF through a
//! forged `MediaUrl0` and keeps the Twilio credentials from being sent anywhere else.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use tracing::warn;

use crate::outbound::{self, BodyError};

/// WhatsApp's own media limit; anything larger is refused before it is read.
pub const MAX_MEDIA_BYTES: usize = 16 * 1024 * 1024;

/// Why media could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("media host not allowed: {0}")]
    ForeignHost(String),
    #[error("media URL is not http(s)")]
    BadUrl,
    #[error("media larger than {MAX_MEDIA_BYTES} bytes")]
    TooLarge,
    #[error("media fetch timed out")]
    Timeout,
    #[error("media host answered {0}")]
    Status(u16),
    #[error("media fetch failed: {0}")]
    Transport(String),
}

/// The host of an http(s) URL, lower-cased.
fn host_of(url: &reqwest::Url) -> Option<String> {
    matches!(url.scheme(), "http" | "https")
        .then(|| url.host_str().map(str::to_ascii_lowercase))
        .flatten()
}

/// Fetches media from allowlisted hosts with Twilio basic auth.
#[derive(Clone, Debug)]
pub struct MediaFetcher {
    /// Its own client: the redirect policy (allowlisted hosts only) is per client.
    http: reqwest::Client,
    allow: Vec<String>,
    account_sid: String,
    auth_token: SecretString,
}

impl MediaFetcher {
    /// A fetcher for `allow` (lower-case host names).
    ///
    /// # Errors
    /// The HTTP client could not be built.
    pub fn new(
        allow: Vec<String>,
        account_sid: &str,
        auth_token: SecretString,
    ) -> reqwest::Result<MediaFetcher> {
        let allowed = allow.clone();
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let ok = host_of(attempt.url()).is_some_and(|h| allowed.contains(&h));
            if attempt.previous().len() >= 5 {
                attempt.error("too many redirects")
            } else if ok {
                attempt.follow()
            } else {
                warn!(
                    host = attempt.url().host_str().unwrap_or(""),
                    "media redirect to a foreign host refused"
                );
                attempt.stop()
            }
        });
        let http = outbound::builder().redirect(policy).build()?;
        Ok(MediaFetcher {
            http,
            allow,
            account_sid: account_sid.to_string(),
            auth_token,
        })
    }

    /// Fetches `url`, at most [`MAX_MEDIA_BYTES`], within `timeout`.
    ///
    /// # Errors
    /// A foreign host (checked before any request), a status other than 200 (a refused redirect
    /// shows up as its 3xx), a body over the cap, a timeout or a transport failure.
    pub async fn fetch(
        &self,
        url: &str,
        timeout: Duration,
    ) -> Result<(Vec<u8>, Option<String>), MediaError> {
        let parsed = reqwest::Url::parse(url).map_err(|_| MediaError::BadUrl)?;
        let host = host_of(&parsed).ok_or(MediaError::BadUrl)?;
        if !self.allow.contains(&host) {
            warn!(host = %host, "media URL on a foreign host refused");
            return Err(MediaError::ForeignHost(host));
        }
        tokio::time::timeout(timeout, self.download(parsed))
            .await
            .map_err(|_| MediaError::Timeout)?
    }

    async fn download(&self, url: reqwest::Url) -> Result<(Vec<u8>, Option<String>), MediaError> {
        let response = self
            .http
            .get(url)
            .basic_auth(&self.account_sid, Some(self.auth_token.expose_secret()))
            .send()
            .await
            .map_err(|e| MediaError::Transport(outbound::describe(e)))?;
        if response.status() != reqwest::StatusCode::OK {
            return Err(MediaError::Status(response.status().as_u16()));
        }
        let mime = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = outbound::read_capped(response, MAX_MEDIA_BYTES)
            .await
            .map_err(|e| match e {
                BodyError::TooLarge => MediaError::TooLarge,
                BodyError::Transport(e) => MediaError::Transport(outbound::describe(e)),
            })?;
        Ok((body, mime))
    }
}
