//! What handlers return: [`Reply`] on success, [`HttpError`] (a status and a short reason) on
//! refusal, and the helpers that read a request body within its limits.

use std::future::Future as _;
use std::task::Poll;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::header::{self, HeaderValue};
use hyper::{Request, Response, StatusCode};

use super::MAX_BODY;

/// A response with a fully buffered body.
pub(crate) type Reply = Response<Full<Bytes>>;

/// What a request body's error must convert into (hyper's `Incoming` and `Full` both do).
pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why a request was refused. Each becomes a status and a short plain-text reason (none for 403,
/// so a forger learns nothing).
#[derive(Debug, thiserror::Error)]
pub(crate) enum HttpError {
    #[error("{0}")]
    BadRequest(String),
    #[error("unauthorized")]
    Unauthorized,
    #[error("")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed(&'static str),
    #[error("body larger than {MAX_BODY} bytes")]
    PayloadTooLarge,
    #[error("unsupported content type, expected {0}")]
    UnsupportedMediaType(&'static str),
    #[error("the body did not arrive in time")]
    RequestTimeout,
}

impl HttpError {
    /// The status, a short reason (none for 403) and the headers the status calls for.
    pub(crate) fn into_response(self) -> Reply {
        let status = match self {
            HttpError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HttpError::Unauthorized => StatusCode::UNAUTHORIZED,
            HttpError::Forbidden => StatusCode::FORBIDDEN,
            HttpError::NotFound => StatusCode::NOT_FOUND,
            HttpError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            HttpError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
        };
        let body = one_line(&self.to_string());
        let mut response = text(
            status,
            "text/plain; charset=utf-8",
            Bytes::from(if body.is_empty() { body } else { body + "\n" }),
        );
        match self {
            HttpError::MethodNotAllowed(allow) => {
                response
                    .headers_mut()
                    .insert(header::ALLOW, HeaderValue::from_static(allow));
            }
            HttpError::Unauthorized => {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        response
    }
}

/// Longest reason sent with a 4xx, in characters.
const MAX_REASON_CHARS: usize = 300;

/// A refusal's reason as one short line: it may quote what the client sent (an unknown field or
/// language), so control characters are escaped and the length is capped.
fn one_line(reason: &str) -> String {
    let mut line = String::with_capacity(reason.len().min(MAX_REASON_CHARS + 3));
    for (i, c) in reason.chars().enumerate() {
        if i == MAX_REASON_CHARS {
            line.push('…');
            break;
        }
        if c.is_control() {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    line
}

/// A response with `status`, `content_type` and `body`. `nosniff` on every response, so that a
/// reason quoting client input is never read as anything but its declared type.
pub(crate) fn text(status: StatusCode, content_type: &'static str, body: Bytes) -> Reply {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Refuses a request whose content type is not `expected` (parameters such as `charset` aside).
pub(crate) fn require_content_type(
    headers: &hyper::HeaderMap,
    expected: &'static str,
) -> Result<(), HttpError> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = given.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(HttpError::UnsupportedMediaType(expected))
    }
}

/// Reads the whole body: at most [`MAX_BODY`] bytes (a larger declared length is refused unread),
/// within `deadline` (a client that stalls mid-body gets 408 instead of holding the connection).
/// A body that arrives in one piece, as a webhook's does, is returned without a copy.
pub(crate) async fn read_body<B>(
    req: Request<B>,
    deadline: Duration,
) -> Result<(hyper::http::request::Parts, Bytes), HttpError>
where
    B: hyper::body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(HttpError::PayloadTooLarge);
    }
    // A webhook's body has usually arrived with its head: try it before arming a timer, which
    // costs a clock read and a reference to the runtime's (shared) timer handle.
    let mut collecting = std::pin::pin!(collect(body));
    let first = std::future::poll_fn(|cx| Poll::Ready(collecting.as_mut().poll(cx))).await;
    let result = match first {
        Poll::Ready(result) => result,
        Poll::Pending => match tokio::time::timeout(deadline, collecting).await {
            Err(_elapsed) => return Err(HttpError::RequestTimeout),
            Ok(result) => result,
        },
    };
    result.map(|bytes| (parts, bytes))
}

/// The body's data frames joined, up to [`MAX_BODY`]: the first frame as it is, a copy only
/// when a second one arrives.
async fn collect<B>(body: B) -> Result<Bytes, HttpError>
where
    B: hyper::body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let mut body = std::pin::pin!(body);
    let mut first: Option<Bytes> = None;
    let mut joined: Option<BytesMut> = None;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|err| {
            HttpError::BadRequest(format!("could not read the body: {}", err.into()))
        })?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        let total = first.as_ref().map_or(0, Bytes::len)
            + joined.as_ref().map_or(0, BytesMut::len)
            + data.len();
        if total > MAX_BODY {
            return Err(HttpError::PayloadTooLarge);
        }
        match (&mut first, &mut joined) {
            (None, None) => first = Some(data),
            (Some(_), None) => {
                let mut buf = BytesMut::with_capacity(total);
                buf.extend_from_slice(&first.take().unwrap_or_default());
                buf.extend_from_slice(&data);
                joined = Some(buf);
            }
            (_, Some(buf)) => buf.extend_from_slice(&data),
        }
    }
    Ok(joined.map_or_else(|| first.unwrap_or_default(), BytesMut::freeze))
}

#[cfg(test)]
mod tests {
    use super::{MAX_REASON_CHARS, one_line};

    #[test]
    fn reasons_are_one_short_line() {
        assert_eq!(one_line("unknown lang `de`"), "unknown lang `de`");
        assert_eq!(
            one_line("unknown lang `a\nb\r\u{1b}[31m`"),
            "unknown lang `a\\nb\\r\\u{1b}[31m`"
        );
        assert_eq!(one_line("لغة غير معروفة"), "لغة غير معروفة");
        let long = one_line(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), MAX_REASON_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
