//! Retrying a call: how many attempts, how far apart, within what time, and the server's own
//! `Retry-After`. One loop for Twilio deliveries and Notion writes, so both give up the same way.

use std::future::Future;
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use tokio::time::Instant;
use tracing::warn;

/// The longest single wait, whatever a `Retry-After` asks: past it a call should fail and say
/// why rather than hang.
const MAX_WAIT: Duration = Duration::from_secs(60);

/// How hard to try before giving up on a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Requests per call, the first included (0 is treated as 1).
    pub attempts: u32,
    /// Wait before the second request; it doubles for each further one. A `Retry-After` given
    /// with the failure is used instead (at most a minute).
    pub first_delay: Duration,
    /// Time budget per call, requests and waits included: a request still running at the end
    /// is abandoned, and a wait that would end past it is not begun (the call fails at once).
    pub max_total: Duration,
    /// Time one request may take before it is abandoned and retried, so that a hung
    /// connection costs one attempt, not the whole budget.
    pub attempt_timeout: Duration,
}

impl Default for RetryPolicy {
    /// For calls made while a person waits (Twilio deliveries): 4 attempts, 0.5 s / 1 s / 2 s
    /// apart, within 20 s, enough to ride out a blip while the person is still looking at the
    /// chat. Twilio answers in well under a second; 5 s per request leaves room for a slow
    /// network and still allows retries within the budget.
    fn default() -> RetryPolicy {
        RetryPolicy {
            attempts: 4,
            first_delay: Duration::from_millis(500),
            max_total: Duration::from_secs(20),
            attempt_timeout: Duration::from_secs(5),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt number `attempt` (1-based): `first_delay × 2^(attempt-1)`.
    fn backoff(&self, attempt: u32) -> Duration {
        self.first_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
    }
}

/// The outcome of one attempt: finished (either way), or worth another try.
pub enum Attempt<T, E> {
    Done(Result<T, E>),
    Retry {
        /// What went wrong, for the error if this was the last attempt. No URL, no credential.
        last: String,
        /// The server's `Retry-After`, if it gave one.
        retry_after: Option<Duration>,
    },
}

/// The attempts or the time ran out; each client turns this into its own error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exhausted {
    /// Requests made.
    pub attempts: u32,
    /// The last failure.
    pub last: String,
}

/// Runs `call` until it is done, within `policy`. A call that outlives its attempt's timeout is
/// abandoned and counts as a failure (it may still have reached the server: for a create, a
/// retry can mean a duplicate, which the callers accept over a loss). `service` names the
/// callee in the log lines (`twilio send failed; retrying`).
///
/// # Errors
/// The call's own error, or [`Exhausted`] (converted) when the attempts or the budget ran out.
pub async fn retry<T, E, F, Fut>(
    policy: &RetryPolicy,
    service: &'static str,
    mut call: F,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Attempt<T, E>>,
    E: From<Exhausted>,
{
    let attempts = policy.attempts.max(1);
    let deadline = Instant::now() + policy.max_total;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let attempt_end = deadline.min(Instant::now() + policy.attempt_timeout);
        let (last, retry_after) = match tokio::time::timeout_at(attempt_end, call()).await {
            Ok(Attempt::Done(result)) => return result,
            Ok(Attempt::Retry { last, retry_after }) => (last, retry_after),
            Err(_) => {
                warn!(attempt, "{service} request timed out");
                let why = if attempt_end == deadline {
                    "request timed out (time budget spent)"
                } else {
                    "request timed out"
                };
                (why.to_string(), None)
            }
        };
        let delay = retry_after.map_or_else(|| policy.backoff(attempt), |d| d.min(MAX_WAIT));
        if attempt >= attempts || Instant::now() + delay >= deadline {
            warn!(attempt, cause = %last, "{service} send failed; giving up");
            return Err(Exhausted {
                attempts: attempt,
                last,
            }
            .into());
        }
        warn!(
            attempt,
            delay_ms = delay.as_millis() as u64,
            cause = %last,
            "{service} send failed; retrying"
        );
        tokio::time::sleep(delay).await;
    }
}

/// The wait a response's `Retry-After` header asks for, if it has a readable one.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, SystemTime::now())
}

/// A `Retry-After` value: delay-seconds (a decimal fraction is accepted too, as Notion sends)
/// or an HTTP-date, which is the time left until then (none left once it has passed). Negative,
/// infinite or unreadable values are `None`.
fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_saturates() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(1), Duration::from_millis(500));
        assert_eq!(p.backoff(2), Duration::from_secs(1));
        assert_eq!(p.backoff(3), Duration::from_secs(2));
        assert!(p.backoff(200) >= p.backoff(17));
    }

    #[test]
    fn retry_after_in_seconds() {
        let now = SystemTime::now();
        let parse = |v| parse_retry_after(v, now);
        assert_eq!(parse("0"), Some(Duration::ZERO));
        assert_eq!(parse(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse("30"), Some(Duration::from_secs(30)));
        assert_eq!(parse("0.5"), Some(Duration::from_millis(500)));
        for bad in ["-1", "inf", "NaN", "", "soon", "1e400"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn retry_after_as_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:44 GMT", now),
            Some(Duration::from_secs(7))
        );
        // Already past: retry now.
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:30 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994", now), None);
    }

    #[test]
    fn the_header_is_read_from_a_response() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, "2".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
    }
}
