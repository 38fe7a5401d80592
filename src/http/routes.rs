//! The one place where requests meet handlers (one `match`), and where a handler's error becomes
//! its response.

use std::time::Instant;

use bytes::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};

use secrecy::ExposeSecret;

use super::response::{BoxError, HttpError, Reply, text};
use super::{App, chat, static_audio, webhook};
use crate::metrics::Route;

/// Where a request goes, decided from its method and path alone (borrowed, before the request is
/// handed to its handler).
enum Target {
    Webhook,
    Health,
    Metrics,
    Chat,
    StaticCache,
    StaticTts,
    WebChat,
    /// A known path with the wrong method: the route, and what `Allow` says.
    WrongMethod(Route, &'static str),
    NotFound,
}

impl Target {
    fn of(method: &Method, path: &str) -> Target {
        let read = matches!(*method, Method::GET | Method::HEAD);
        match path {
            "/webhook" if *method == Method::POST => Target::Webhook,
            "/webhook" => Target::WrongMethod(Route::Webhook, "POST"),
            "/health" if read => Target::Health,
            "/health" => Target::WrongMethod(Route::Health, "GET, HEAD"),
            "/metrics" if read => Target::Metrics,
            "/api/chat" if *method == Method::POST => Target::Chat,
            "/api/chat" => Target::WrongMethod(Route::Chat, "POST"),
            p if read && p.starts_with(STATIC_CACHE) => Target::StaticCache,
            p if read && p.starts_with(STATIC_TTS) => Target::StaticTts,
            p if read && (p == "/" || p.starts_with(super::webchat::ASSET_PREFIX)) => {
                Target::WebChat
            }
            _ => Target::NotFound,
        }
    }
}

const STATIC_CACHE: &str = "/static/cache/";

/// A static name: inserting by `&str` would copy a non-standard name on every response.
const X_REQUEST_ID: header::HeaderName = header::HeaderName::from_static("x-request-id");
const STATIC_TTS: &str = "/static/tts/";

/// Routes one request; records its metrics and tags it with a request id. Generic over the
/// body so that `clara rehearse` can call it in process with a body it built (`Full<Bytes>`);
/// the server passes hyper's `Incoming`.
pub async fn handle<B>(app: &App, req: Request<B>) -> Reply
where
    B: hyper::body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let started = Instant::now();
    let request_id = app.next_request_id();
    let target = Target::of(req.method(), req.uri().path());
    let (route, result) = match target {
        Target::Webhook => (
            Route::Webhook,
            webhook::handle(app, req, started, &request_id).await,
        ),
        Target::Health => (Route::Health, Ok(health(app))),
        Target::Metrics => (Route::Metrics, metrics(app, &req)),
        // Boxed, like the webhook's Redis branch: the chat's state stays out of the webhook's
        // future.
        Target::Chat => (Route::Chat, Box::pin(chat::handle(app, req)).await),
        Target::StaticCache => {
            let name = &req.uri().path()[STATIC_CACHE.len()..];
            (Route::Static, static_audio::serve(&req, name))
        }
        Target::StaticTts => {
            let name = &req.uri().path()[STATIC_TTS.len()..];
            let cache = app.pipeline.as_ref().map(|p| &p.services().tts_cache);
            (Route::Static, static_audio::serve_tts(&req, cache, name))
        }
        Target::WebChat => (Route::Static, super::webchat::serve(app, req.uri().path())),
        Target::WrongMethod(route, allow) => (route, Err(HttpError::MethodNotAllowed(allow))),
        Target::NotFound => (Route::Other, Err(HttpError::NotFound)),
    };
    let mut response = result.unwrap_or_else(HttpError::into_response);
    if let Some(value) = request_id.header() {
        response.headers_mut().insert(X_REQUEST_ID, value);
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
                    && c.tts_provider == crate::config::TtsProvider::Gemini
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
            // "off" without REDIS_URL; never the URL itself (it may carry a password).
            "redis": app.redis.as_ref().map_or("off", |r| r.status().as_str()),
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

fn metrics<B>(app: &App, req: &Request<B>) -> Result<Reply, HttpError> {
    if let Some(token) = &app.config.admin_token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let ok =
            given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.expose_secret().as_bytes()));
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
