//! `POST /api/chat`: the web channel. JSON in, JSON out, the same responder and guardrails.

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, StatusCode};
use serde::Deserialize;

use super::App;
use super::routes::{HttpError, Reply, read_body, text};
use crate::kb::Lang;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChatRequest {
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

pub(crate) async fn handle(app: &App, req: Request<Incoming>) -> Result<Reply, HttpError> {
    let (_, body) = read_body(req, "application/json").await?;
    let request: ChatRequest = serde_json::from_slice(&body)
        .map_err(|e| HttpError::BadRequest(format!("invalid JSON: {e}")))?;
    if request.text.trim().is_empty() {
        return Err(HttpError::BadRequest("text is empty".into()));
    }
    let lang = match request.lang.as_deref() {
        None => None,
        Some(code) => Some(Lang::parse(code).ok_or_else(|| {
            HttpError::BadRequest(format!("unknown lang `{code}` (expected es, fr, en or ar)"))
        })?),
    };
    let reply = app.responder.respond(&request.text, lang);
    app.metrics.answered(reply.source.as_str());
    let base = app
        .config
        .audio_base()
        .unwrap_or_else(|| "/static/cache".to_string());
    let answer = serde_json::json!({
        "answer": reply.answer.text,
        "intent": reply.intent.as_str(),
        "facet": reply.facet.map(|f| f.as_str()),
        "lang": reply.lang.as_str(),
        "source": reply.source.as_str(),
        "audio_url": reply.answer.audio().map(|a| format!("{base}/{}", a.name)),
    });
    Ok(text(
        StatusCode::OK,
        "application/json",
        Bytes::from(answer.to_string()),
    ))
}
