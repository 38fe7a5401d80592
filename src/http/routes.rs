//! The one place where requests meet handlers and errors become status codes.

use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use tracing::{Instrument, info_span};

use super::{App, MAX_BODY, chat, static_audio, webhook};

/// A response with a fully buffered body.
pub(crate) type Reply = Response<Full<Bytes>>;

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
}

impl HttpError {
    fn into_response(self) -> Reply {
        let status = match self {
            HttpError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HttpError::Unauthorized => StatusCode::UNAUTHORIZED,
            HttpError::Forbidden => StatusCode::FORBIDDEN,
            HttpError::NotFound => StatusCode::NOT_FOUND,
            HttpError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            HttpError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
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

/// Checks the content type and reads the whole body, at most [`MAX_BODY`] bytes.
pub(crate) async fn read_body(
    req: Request<Incoming>,
    content_type: &'static str,
) -> Result<(hyper::http::request::Parts, Bytes), HttpError> {
    let (parts, body) = req.into_parts();
    let given = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = given.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case(content_type) {
        return Err(HttpError::UnsupportedMediaType(content_type));
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(HttpError::PayloadTooLarge);
    }
    match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => Ok((parts, collected.to_bytes())),
        Err(err)
            if err
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            Err(HttpError::PayloadTooLarge)
        }
        Err(err) => Err(HttpError::BadRequest(format!(
            "could not read the body: {err}"
        ))),
    }
}

/// Routes one request; records its metrics and tags it with a request id.
pub(crate) async fn handle(app: &App, req: Request<Incoming>) -> Reply {
    let started = Instant::now();
    let request_id = app.next_request_id();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let span = info_span!("request", request_id = %request_id, method = %method, path = %path);
    let (route, result) = async {
        match (&method, path.as_str()) {
            (&Method::POST, "/webhook") => ("webhook", webhook::handle(app, req).await),
            (_, "/webhook") => ("webhook", Err(HttpError::MethodNotAllowed("POST"))),
            (&Method::GET | &Method::HEAD, "/health") => ("health", Ok(health(app))),
            (_, "/health") => ("health", Err(HttpError::MethodNotAllowed("GET, HEAD"))),
            (&Method::GET | &Method::HEAD, "/metrics") => ("metrics", metrics(app, &req)),
            (&Method::POST, "/api/chat") => ("chat", chat::handle(app, req).await),
            (_, "/api/chat") => ("chat", Err(HttpError::MethodNotAllowed("POST"))),
            (&Method::GET | &Method::HEAD, p) if p.starts_with("/static/cache/") => (
                "static",
                static_audio::serve(&req, &p["/static/cache/".len()..]),
            ),
            (&Method::GET | &Method::HEAD, p) if p.starts_with("/static/tts/") => (
                "static",
                static_audio::serve_tts(
                    &req,
                    app.pipeline.as_ref().map(|p| &p.services().tts_cache),
                    &p["/static/tts/".len()..],
                ),
            ),
            (&Method::GET | &Method::HEAD, p)
                if p == "/" || p.starts_with(super::webchat::ASSET_PREFIX) =>
            {
                ("static", super::webchat::serve(app, p))
            }
            _ => ("other", Err(HttpError::NotFound)),
        }
    }
    .instrument(span)
    .await;
    let mut response = result.unwrap_or_else(HttpError::into_response);
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    app.metrics
        .observe(route, response.status().as_u16(), started.elapsed());
    response
}

fn health(app: &App) -> Reply {
    let c = &app.config;
    let body = serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_s": app.uptime_s(),
        "components": {
            "knowledge_base": {
                "answers": crate::kb::answers().len(),
                "audio_files": crate::kb::audio_files().len(),
                "procedures": crate::kb::ProcedureId::ALL.len(),
                "languages": crate::kb::Lang::ALL.len(),
            },
            "flags": {
                "demo_mode": c.demo_mode,
                "llm_live": c.llm_live && !c.demo_mode && c.gemini_api_key.is_some(),
                "transcription": c.whisper_on && !c.demo_mode && c.gemini_api_key.is_some(),
                "guardrails": c.guardrails,
                "signatures_checked": c.checks_signatures(),
                "spoken_replies": app.pipeline.is_some()
                    && c.tts_provider == crate::miss::tts::Provider::Gemini
                    && c.public_url.is_some(),
            },
            "gemini_key_set": c.gemini_api_key.is_some(),
            "twilio_configured": c.twilio_configured(),
            "miss_queue": {
                "enabled": app.pipeline.is_some(),
                "depth": app.queue_depth(),
                "capacity": app.pipeline.as_ref().map_or(0, |p| p.capacity()),
                "dead_letters": app.metrics.dead_letters(),
            },
            "dedupe_entries": app.dedupe.len(),
        }
    });
    let mut response = text(
        StatusCode::OK,
        "application/json",
        Bytes::from(body.to_string()),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn metrics(app: &App, req: &Request<Incoming>) -> Result<Reply, HttpError> {
    if let Some(token) = &app.config.admin_token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let ok = given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes()));
        if !ok {
            return Err(HttpError::Unauthorized);
        }
    }
    let body = app
        .metrics
        .render(app.queue_depth(), env!("CARGO_PKG_VERSION"));
    Ok(text(
        StatusCode::OK,
        "text/plain; version=0.0.4; charset=utf-8",
        Bytes::from(body),
    ))
}

/// Compares secrets without leaking where they differ through timing.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use hmac::Mac;
    // Compare MACs of both under a fixed key: equal-length digests, compared in constant time.
    let mac = |x: &[u8]| {
        let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"clara admin token")
            .expect("any key length");
        m.update(x);
        m
    };
    mac(a).verify_slice(&mac(b).finalize().into_bytes()).is_ok()
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
