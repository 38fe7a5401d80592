//! `POST /api/chat`: the web channel. JSON in, JSON out, the same responder and guardrails.

use bytes::Bytes;
use hyper::{Request, StatusCode};
use serde::Deserialize;

use super::App;
use super::response::{BoxError, HttpError, Reply, read_body, require_content_type, text};
use crate::kb::Lang;
use crate::respond::Context;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChatRequest {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    /// A random id the page keeps in memory (never stored), so that the chat is a conversation:
    /// numbers, follow-ups and language memory work as on WhatsApp.
    #[serde(default)]
    conversation: Option<String>,
}

/// Reads the request body. A refusal names the field at fault when there is one
/// (``invalid JSON at `lang`: invalid type: integer `5`, expected a string …``): serde's own
/// message says what was wrong but not where.
fn parse(body: &[u8]) -> Result<ChatRequest, HttpError> {
    // serde reads a struct from a JSON array too (`["hola"]` would be `text`): the API is an
    // object, and anything else is refused before it is read.
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(HttpError::BadRequest(
            "invalid JSON: expected an object like {\"text\": \"…\"}".into(),
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let request: ChatRequest = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        HttpError::BadRequest(if at == "." {
            format!("invalid JSON: {inner}")
        } else {
            format!("invalid JSON at `{at}`: {inner}")
        })
    })?;
    de.end()
        .map_err(|e| HttpError::BadRequest(format!("invalid JSON: {e}")))?;
    Ok(request)
}

pub(crate) async fn handle<B>(app: &App, req: Request<B>) -> Result<Reply, HttpError>
where
    B: hyper::body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    require_content_type(req.headers(), "application/json")?;
    let (_, body) = read_body(req, app.config.http_read_timeout).await?;
    let request = parse(&body)?;
    if request.text.trim().is_empty() {
        return Err(HttpError::BadRequest("text is empty".into()));
    }
    let lang = match request.lang.as_deref() {
        None => None,
        Some(code) => Some(Lang::parse(code).ok_or_else(|| {
            HttpError::BadRequest(format!("unknown lang `{code}` (expected es, fr, en or ar)"))
        })?),
    };
    let who = match request.conversation.as_deref() {
        None => None,
        Some(id)
            if (8..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            // Keyed like a phone number, in a namespace of its own.
            Some(app.phones.sender(&format!("chat:{id}")))
        }
        Some(_) => {
            return Err(HttpError::BadRequest(
                "conversation must be 8 to 64 letters, digits, - or _".into(),
            ));
        }
    };
    let now = std::time::Instant::now();
    // Through the shared store when there is one, so a chat goes on on any instance.
    let context = match who {
        Some(who) => app.recall(who, now).await,
        None => Context::default(),
    };
    let reply = app.responder.respond_in(&request.text, lang, context);
    if let Some(who) = who {
        app.keep(who, &reply, context, now).await;
    }
    app.metrics.answered(reply.source);
    let base = app
        .config
        .audio_base()
        .unwrap_or_else(|| "/static/cache".to_string());
    let answer = serde_json::json!({
        "answer": reply.answer.text,
        // Shown after the answer: offices and some rules differ outside Madrid (or null).
        "note": reply.note().map(|n| n.text),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(body: &str) -> String {
        match parse(body.as_bytes()) {
            Err(HttpError::BadRequest(reason)) => reason,
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("accepted {body}"),
        }
    }

    /// Issue 7 (fuzzing `/api/chat`): a value of the wrong type was refused with serde's message
    /// alone, which does not say which field it was in. `chat_valid_request` in
    /// tests/fuzz_props.rs fails without the fix (minimal input `{"lang":0,"text":""}`).
    #[test]
    fn a_refusal_names_the_field_at_fault() {
        assert!(
            refusal(r#"{"text": "hola", "lang": 5}"#)
                .starts_with("invalid JSON at `lang`: invalid type: integer `5`"),
        );
        assert!(
            refusal(r#"{"text": ["hola"]}"#).starts_with("invalid JSON at `text`: invalid type")
        );
        assert!(refusal(r#"{"text": "#).starts_with("invalid JSON at `text`: EOF while parsing"));
        assert!(refusal("").starts_with("invalid JSON: EOF while parsing"));
        assert!(refusal(r#"{"text": "a"} {}"#).starts_with("invalid JSON: trailing characters"));
        assert!(refusal(r#"{"lang": "es"}"#).starts_with("invalid JSON: missing field `text`"));
        // Found by `chat_any_body` in tests/fuzz_props.rs (minimal input `[","]`): an array was
        // read as the struct's fields in order, and answered.
        assert!(refusal(r#"[","]"#).starts_with("invalid JSON: expected an object"));
        assert!(refusal(r#" ["hola", "es"]"#).starts_with("invalid JSON: expected an object"));
        let request = parse(br#"{"text": "hola", "lang": null}"#).unwrap();
        assert_eq!((request.text.as_str(), request.lang), ("hola", None));
    }
}
