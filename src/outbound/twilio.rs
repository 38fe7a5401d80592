//! Delivering replies with Twilio's REST API (`POST /2010-04-01/Accounts/{sid}/Messages.json`).
//!
//! The miss path answers after the webhook has returned, so its replies go out through the REST
//! API rather than TwiML. This client splits bodies over WhatsApp's 1,600-character limit into
//! numbered parts, retries what is worth retrying (429, 5xx, connection failures) within a
//! [`RetryPolicy`], and falls back to text alone when Twilio refuses the media.
//!
//! Twilio's `Messages.json` create is not idempotent: a retry after a timeout or a 5xx may, rarely,
//! deliver a part twice. That is the price of not losing replies.
//!
//! Nothing here logs a phone number, a body or the auth token; Twilio's own error messages (which
//! may quote the number) are scrubbed of long digit runs before they enter a [`DeliveryError`].

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tracing::{debug, warn};

use super::{Attempt, Exhausted, RetryPolicy, describe, retry, retry_after};

/// Twilio's WhatsApp body limit, in characters (error 21617 beyond it).
pub const MAX_BODY_CHARS: usize = 1600;

/// Twilio error codes that mean "the media is the problem, the text would go through":
/// invalid media URL (21620), too many media (21623), media failed to download (63019),
/// media URL fetch failed (11200), media with an invalid content type (12300).
const MEDIA_ERROR_CODES: [u32; 5] = [21620, 21623, 63019, 11200, 12300];

/// `status` values of a created message that mean it will not be delivered.
const FAILED_STATUSES: [&str; 3] = ["failed", "undelivered", "canceled"];

/// A reply to deliver.
#[derive(Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The recipient as a channel address, `whatsapp:+<E164>` (the webhook's `From`).
    pub to: String,
    /// The text; split into numbered parts when over [`MAX_BODY_CHARS`]. May be empty when there
    /// is media.
    pub body: String,
    /// A publicly fetchable media URL (WhatsApp takes one per message); sent with the first part.
    pub media_url: Option<String>,
}

impl fmt::Debug for Outgoing {
    /// Leaves out the number and the text, so that a `?msg` in a log line reveals nobody.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outgoing")
            .field("to", &"<redacted>")
            .field("body_chars", &self.body.chars().count())
            .field("media_url", &self.media_url)
            .finish()
    }
}

/// What Twilio accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The message SIDs (`SM…`/`MM…`), one per part this call sent, in order. A part Twilio
    /// accepted (2xx) with an unreadable body has no entry.
    pub sids: Vec<String>,
    /// How many messages the body was split into.
    pub parts: usize,
    /// Twilio refused the media and the first part went out as text only.
    pub media_dropped: bool,
}

/// Why a reply was not delivered.
///
/// When a later part fails, the earlier ones have already been delivered (a warning says how many).
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// Twilio refused the message (a 4xx other than 429, or a created message already `failed`):
    /// sending it again would not help. 21211: invalid `To`; 21610: the recipient opted out;
    /// 63016: outside WhatsApp's 24-hour window (needs a template).
    #[error("twilio rejected the message (http {status}{}): {message}", code_note(.code))]
    Rejected {
        status: u16,
        code: Option<u32>,
        /// Twilio's message, with long digit runs (phone numbers) replaced by `<number>`.
        message: String,
    },
    /// Twilio kept failing (429, 5xx, no connection) until the attempts or the time ran out.
    #[error("twilio delivery gave up after {attempts} attempts: {last}")]
    Exhausted {
        attempts: u32,
        /// The last failure, without the URL or any credential.
        last: String,
    },
}

impl From<Exhausted> for DeliveryError {
    fn from(e: Exhausted) -> DeliveryError {
        DeliveryError::Exhausted {
            attempts: e.attempts,
            last: e.last,
        }
    }
}

/// `", code N"` when there is a code.
fn code_note(code: &Option<u32>) -> String {
    code.map(|c| format!(", code {c}")).unwrap_or_default()
}

/// The Twilio REST client for sending messages. Cheap to clone (the HTTP client is shared).
#[derive(Clone, Debug)]
pub struct Twilio {
    /// Shared connection pool; deadlines come from the [`RetryPolicy`].
    http: reqwest::Client,
    /// `{base}/2010-04-01/Accounts/{sid}/Messages.json`, built once.
    messages_url: String,
    /// Basic-auth user name; not secret.
    account_sid: String,
    /// Basic-auth password.
    auth_token: SecretString,
    /// Our WhatsApp sender, `whatsapp:+<E164>`.
    from: String,
    retry: RetryPolicy,
}

/// The fields of the 201 message resource this client reads (the rest are ignored).
#[derive(Debug, Deserialize)]
struct MessageResource {
    sid: Option<String>,
    status: Option<String>,
    #[serde(default, deserialize_with = "lenient_code")]
    error_code: Option<u32>,
    error_message: Option<String>,
}

/// Twilio's error body: `{"code": 21211, "message": "…", "more_info": "…", "status": 400}`.
#[derive(Debug, Default, Deserialize)]
struct ApiError {
    #[serde(default, deserialize_with = "lenient_code")]
    code: Option<u32>,
    message: Option<String>,
}

/// Reads an error code given as a number or a numeric string (or null), so that a change of
/// type on Twilio's side costs the code, not the whole response.
fn lenient_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

impl Twilio {
    /// A client for `account_sid`, sending from `from` (`whatsapp:+<E164>`). `base_url` is
    /// `TWILIO_API_BASE_URL`; a trailing slash is ignored.
    pub fn new(
        http: reqwest::Client,
        base_url: &str,
        account_sid: &str,
        auth_token: SecretString,
        from: &str,
        retry: RetryPolicy,
    ) -> Twilio {
        let base = base_url.trim_end_matches('/');
        Twilio {
            http,
            messages_url: format!("{base}/2010-04-01/Accounts/{account_sid}/Messages.json"),
            account_sid: account_sid.to_string(),
            auth_token,
            from: from.to_string(),
            retry,
        }
    }

    /// The sender (`whatsapp:+…`) of an inbound message, read back from Twilio
    /// (`GET …/Messages/{Sid}.json`, retried like a delivery): dead letters keep the
    /// `MessageSid`, not the phone number.
    ///
    /// # Errors
    /// [`DeliveryError::Rejected`] when Twilio does not know the message;
    /// [`DeliveryError::Exhausted`] when it cannot be reached.
    pub async fn inbound_sender(&self, message_sid: &str) -> Result<String, DeliveryError> {
        #[derive(Deserialize)]
        struct Inbound {
            from: Option<String>,
        }
        let base = self.messages_url.trim_end_matches(".json");
        let url = format!("{base}/{message_sid}.json");
        let (status, text) =
            retry(&self.retry, "twilio", || self.call(self.http.get(&url))).await?;
        serde_json::from_str::<Inbound>(&text)
            .ok()
            .and_then(|m| m.from)
            .ok_or_else(|| DeliveryError::Rejected {
                status,
                code: None,
                message: "no sender in the answer".to_string(),
            })
    }

    /// Delivers `msg`: one message per part of [`split_body`], in order, the media with the
    /// first. Each part is retried on its own (429 honouring `Retry-After`, 5xx, connection
    /// errors) within the [`RetryPolicy`]. When Twilio refuses the media (HTTP 400 with a media
    /// error code, or a message mentioning media), the part is sent once more without it and
    /// [`Sent::media_dropped`] is set.
    ///
    /// # Errors
    /// [`DeliveryError::Rejected`] for a refusal that a retry cannot fix;
    /// [`DeliveryError::Exhausted`] when the retries ran out. Parts before the failing one have
    /// been delivered.
    pub async fn send(&self, msg: &Outgoing) -> Result<Sent, DeliveryError> {
        self.send_from(msg, 0, |_| async {}).await
    }

    /// [`Twilio::send`] from part `first` on (the parts before it were delivered by an earlier
    /// attempt), awaiting `taken(n)` once Twilio has taken the first `n` parts: the durable
    /// queue records there how far a reply got.
    ///
    /// # Errors
    /// As [`Twilio::send`].
    pub async fn send_from<F, Fut>(
        &self,
        msg: &Outgoing,
        first: usize,
        mut taken: F,
    ) -> Result<Sent, DeliveryError>
    where
        F: FnMut(usize) -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        let parts = split_body(&msg.body, MAX_BODY_CHARS);
        let mut sent = Sent {
            sids: Vec::with_capacity(parts.len()),
            parts: parts.len(),
            media_dropped: false,
        };
        for (i, part) in parts.iter().enumerate().skip(first) {
            let media = if i == 0 {
                msg.media_url.as_deref()
            } else {
                None
            };
            let result = match self.send_part(&msg.to, part, media).await {
                Err(DeliveryError::Rejected {
                    status: 400,
                    code,
                    message,
                }) if media.is_some() && !part.is_empty() && is_media_error(code, &message) => {
                    warn!(
                        code,
                        "twilio refused the media; sending the text without it"
                    );
                    sent.media_dropped = true;
                    self.send_part(&msg.to, part, None).await
                }
                other => other,
            };
            match result {
                Ok(sid) => {
                    sent.sids.extend(sid);
                    taken(i + 1).await;
                }
                Err(e) => {
                    if i > 0 {
                        warn!(
                            delivered = i,
                            parts = parts.len(),
                            "reply only partly delivered"
                        );
                    }
                    return Err(e);
                }
            }
        }
        debug!(
            parts = sent.parts,
            media_dropped = sent.media_dropped,
            "twilio accepted the reply"
        );
        Ok(sent)
    }

    /// Sends one part, retrying transient failures within the policy. `Ok(None)`: accepted, but
    /// the response did not say which SID.
    async fn send_part(
        &self,
        to: &str,
        body: &str,
        media: Option<&str>,
    ) -> Result<Option<String>, DeliveryError> {
        let mut fields = vec![("To", to), ("From", self.from.as_str())];
        if !body.is_empty() {
            fields.push(("Body", body));
        }
        fields.extend(media.map(|url| ("MediaUrl", url)));
        let (status, text) = retry(&self.retry, "twilio", || {
            self.call(self.http.post(&self.messages_url).form(&fields))
        })
        .await?;
        created(status, &text)
    }

    /// Sends `request` with the account's credentials and classifies the answer: a 2xx's status
    /// and body, a refusal, or a failure worth another try (429, 5xx, no connection).
    async fn call(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Attempt<(u16, String), DeliveryError> {
        let response = request
            .basic_auth(&self.account_sid, Some(self.auth_token.expose_secret()))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await;
        let response = match response {
            Ok(r) => r,
            Err(e) => {
                let cause = describe(e);
                warn!(cause = %cause, "twilio request failed");
                return Attempt::Retry {
                    last: format!("request failed: {cause}"),
                    retry_after: None,
                };
            }
        };
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let text = response.text().await.unwrap_or_default();

        if status.is_success() {
            return Attempt::Done(Ok((status.as_u16(), text)));
        }
        let err: ApiError = serde_json::from_str(&text).unwrap_or_default();
        let message = redact_numbers(err.message.as_deref().unwrap_or(""));
        warn!(status = status.as_u16(), code = err.code, "twilio refused");
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            Attempt::Retry {
                last: format!(
                    "http {}{}: {message}",
                    status.as_u16(),
                    code_note(&err.code)
                ),
                retry_after,
            }
        } else {
            Attempt::Done(Err(DeliveryError::Rejected {
                status: status.as_u16(),
                code: err.code,
                message,
            }))
        }
    }
}

/// Reads a 2xx body. A message created already `failed` is a rejection; an unreadable body is
/// still a success (Twilio took the message: sending it again would duplicate it).
fn created(status: u16, text: &str) -> Result<Option<String>, DeliveryError> {
    match serde_json::from_str::<MessageResource>(text) {
        Ok(m)
            if m.status
                .as_deref()
                .is_some_and(|s| FAILED_STATUSES.contains(&s)) =>
        {
            Err(DeliveryError::Rejected {
                status,
                code: m.error_code,
                message: redact_numbers(m.error_message.as_deref().unwrap_or("message failed")),
            })
        }
        Ok(m) => {
            if m.sid.is_none() {
                warn!(status, "twilio accepted a part without a sid");
            }
            Ok(m.sid)
        }
        Err(e) => {
            warn!(status, cause = %e, "twilio accepted a part; response unreadable");
            Ok(None)
        }
    }
}

/// Whether a 400 is about the media rather than the message.
fn is_media_error(code: Option<u32>, message: &str) -> bool {
    code.is_some_and(|c| MEDIA_ERROR_CODES.contains(&c)) || message.to_lowercase().contains("media")
}

/// Replaces every run of 6 or more digits (with a leading `+`, if any) by `<number>`: Twilio's
/// messages quote the `To` number ("The 'To' number +34… is not a valid phone number"), and
/// errors end up in logs.
fn redact_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.push_str("<number>");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || (c == '+' && run.is_empty()) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            if c == '+' {
                run.push(c);
            } else {
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Splits `body` into messages of at most `limit` characters (Unicode scalar values, not bytes).
///
/// A body that fits is returned unchanged, as one part. A longer one is cut at the last
/// paragraph break (`"\n\n"`) that fits, else the last line break, else the last whitespace,
/// else (one word longer than a part) inside the word but not before a combining mark or around a
/// zero-width joiner, so that Arabic vowel marks and emoji sequences stay whole. The whitespace
/// at a cut is dropped, and each part is numbered `"(n/total) "`, the prefix counted in `limit`.
///
/// `limit` must leave room for the prefix and some text (over 20 is plenty for any body);
/// below that, parts may exceed it.
pub fn split_body(body: &str, limit: usize) -> Vec<String> {
    if body.chars().count() <= limit {
        return vec![body.to_string()];
    }
    // The prefix's width depends on the number of parts, which depends on the width: widen the
    // prefix until the count fits in it.
    let mut digits = 1;
    loop {
        let prefix = "(/) ".len() + 2 * digits;
        let chunks = chunk(body, limit.saturating_sub(prefix).max(1));
        let total = chunks.len();
        if total == 1 {
            return vec![chunks[0].to_string()];
        }
        let width = total.to_string().len();
        if width <= digits {
            return chunks
                .iter()
                .enumerate()
                .map(|(i, c)| format!("({}/{total}) {c}", i + 1))
                .collect();
        }
        digits = width;
    }
}

/// Cuts `text` into pieces of at most `cap` characters at the best boundary (see [`split_body`]).
fn chunk(text: &str, cap: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some((end, next)) = rest.char_indices().nth(cap) else {
            out.push(rest);
            break;
        };
        // The window includes the first character that does not fit: a break right there still
        // leaves `cap` characters before it.
        let window = &rest[..end + next.len_utf8()];
        let cut = window
            .rfind("\n\n")
            .or_else(|| window.rfind('\n'))
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .unwrap_or_else(|| hard_cut(rest, end));
        let (head, tail) = rest.split_at(cut);
        out.push(head.trim_end());
        rest = tail.trim_start();
    }
    out
}

/// A byte index at or before `end` that does not separate a character from a following
/// combining mark or variation selector, or either side of a zero-width joiner; `end` itself if
/// there is none. Also used by the Notion client to cut long texts.
pub(crate) fn hard_cut(text: &str, end: usize) -> usize {
    use unicode_normalization::char::is_combining_mark;
    const ZWJ: char = '\u{200D}';
    let mut cut = end;
    while cut > 0 {
        let before = text[..cut].chars().next_back();
        let after = text[cut..].chars().next();
        let joined = after.is_some_and(|c| is_combining_mark(c) || c == ZWJ || c == '\u{FE0F}')
            || before == Some(ZWJ);
        if !joined {
            return cut;
        }
        cut -= before.map_or(1, char::len_utf8);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    /// The part without its `"(n/N) "` prefix.
    fn strip(part: &str) -> &str {
        part.split_once(") ").map_or(part, |(_, rest)| rest)
    }

    #[test]
    fn short_bodies_are_one_part_unchanged() {
        assert_eq!(split_body("Hola", 1600), vec!["Hola"]);
        let exact = "a".repeat(1600);
        assert_eq!(split_body(&exact, 1600), vec![exact.clone()]);
        assert_eq!(split_body("", 1600), vec![""]);
    }

    #[test]
    fn paragraphs_are_kept_whole() {
        let para = |c: char| format!("{} fin.", c.to_string().repeat(40));
        let body = [para('a'), para('b'), para('c')].join("\n\n");
        let parts = split_body(&body, 80);
        assert_eq!(
            parts,
            vec![
                format!("(1/3) {}", para('a')),
                format!("(2/3) {}", para('b')),
                format!("(3/3) {}", para('c')),
            ]
        );
        // Two paragraphs fit together when the limit allows.
        let parts = split_body(&body, 120);
        assert_eq!(parts.len(), 2);
        assert_eq!(strip(&parts[0]), format!("{}\n\n{}", para('a'), para('b')));
    }

    #[test]
    fn lines_then_words_when_there_are_no_paragraphs() {
        let body = (1..=30)
            .map(|n| format!("{n}. paso número {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let parts = split_body(&body, 100);
        assert!(parts.len() > 1);
        for p in &parts {
            assert!(chars(p) <= 100, "{p:?}");
            // Cut at a line break: every part ends a step.
            assert!(p.ends_with(|c: char| c.is_ascii_digit()), "{p:?}");
        }
        let rejoined: Vec<&str> = parts.iter().map(|p| strip(p)).collect();
        assert_eq!(rejoined.join("\n"), body);

        let words = "palabra ".repeat(100);
        let parts = split_body(words.trim(), 50);
        for p in &parts {
            assert!(chars(p) <= 50, "{p:?}");
            assert!(strip(p).split(' ').all(|w| w == "palabra"), "{p:?}");
        }
        let total: usize = parts.iter().map(|p| strip(p).split(' ').count()).sum();
        assert_eq!(total, 100);
    }

    #[test]
    fn a_word_longer_than_a_part_is_cut_inside() {
        let url = format!("https://sede.seg-social.gob.es/{}", "x".repeat(250));
        let body = format!("Enlace: {url} gracias");
        let parts = split_body(&body, 100);
        for p in &parts {
            assert!(chars(p) <= 100, "{p:?}");
        }
        let rejoined: String = parts.iter().map(|p| strip(p)).collect::<Vec<_>>().join("");
        assert_eq!(rejoined.replace(' ', ""), body.replace(' ', ""));
        // No break at all: the pieces concatenate back to the word.
        let word = "x".repeat(250);
        let parts = split_body(&word, 100);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.iter().map(|p| strip(p)).collect::<String>(), word);
    }

    #[test]
    fn arabic_is_counted_in_characters_not_bytes() {
        let word = "السلام ع"; // 8 characters, 15 bytes
        assert_eq!((chars(word), word.len()), (8, 15));
        let fits = word.repeat(150); // 1,200 characters, well over 1,600 bytes
        assert!(fits.len() > 1600);
        assert_eq!(split_body(&fits, 1600), vec![fits.clone()]);

        let body = "مرحبا بكم في كلارا ".repeat(200); // 3,800 characters
        let parts = split_body(body.trim(), 1600);
        assert_eq!(parts.len(), 3);
        for (i, p) in parts.iter().enumerate() {
            assert!(chars(p) <= 1600, "part {i} has {} chars", chars(p));
            assert!(p.starts_with(&format!("({}/3) ", i + 1)));
        }
    }

    #[test]
    fn hard_cuts_keep_marks_with_their_letters() {
        // A long run of Arabic letters each carrying a fatha (a combining mark): no cut may
        // leave a mark at the start of a part.
        let word = "بَ".repeat(120);
        let parts = split_body(&word, 51);
        for p in &parts {
            assert!(chars(p) <= 51);
            let first = strip(p).chars().next().unwrap();
            assert!(
                !unicode_normalization::char::is_combining_mark(first),
                "{p:?}"
            );
        }
        assert_eq!(parts.iter().map(|p| strip(p)).collect::<String>(), word);
    }

    #[test]
    fn ten_parts_or_more_widen_the_prefix() {
        let body = "palabra ".repeat(400);
        let parts = split_body(body.trim(), 100);
        assert!(parts.len() >= 10, "{}", parts.len());
        let n = parts.len();
        for (i, p) in parts.iter().enumerate() {
            assert!(chars(p) <= 100, "{p:?}");
            assert!(p.starts_with(&format!("({}/{n}) ", i + 1)));
        }
    }

    #[test]
    fn phone_numbers_are_scrubbed_from_twilio_messages() {
        assert_eq!(
            redact_numbers("The 'To' number whatsapp:+34600000000 is not a valid phone number."),
            "The 'To' number whatsapp:<number> is not a valid phone number."
        );
        assert_eq!(
            redact_numbers("see https://www.twilio.com/docs/errors/21211 (+1)"),
            "see https://www.twilio.com/docs/errors/21211 (+1)"
        );
        assert_eq!(redact_numbers("600000000+34"), "<number>+34");
    }

    #[test]
    fn media_errors_are_recognised() {
        assert!(is_media_error(Some(63019), ""));
        assert!(is_media_error(Some(12300), ""));
        assert!(is_media_error(None, "The Media URL is invalid"));
        assert!(!is_media_error(Some(21211), "invalid 'To' number"));
    }
}
