//! `POST /webhook`: Twilio's incoming WhatsApp message → TwiML. Cache hits, greeting, menu and
//! guardrails are answered in this response; nothing here calls out.

use std::time::Instant;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::{Request, StatusCode};
use tracing::{info, warn};

use super::dedupe::Claim;
use super::routes::{HttpError, Reply, read_body, text};
use super::{App, form, signature, twiml};
use crate::kb::{self, Curated};
use crate::miss::{Job, Media};

/// What kind of message arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Voice,
    Image,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Voice => "voice",
            Kind::Image => "image",
        }
    }
}

fn xml(body: Bytes) -> Reply {
    text(StatusCode::OK, "application/xml", body)
}

/// The URL Twilio signed: `PUBLIC_URL` + path + query, else rebuilt from the proxy's headers.
fn signed_url(app: &App, parts: &hyper::http::request::Parts) -> String {
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or("/webhook", |pq| pq.as_str());
    if let Some(public) = &app.config.public_url {
        return format!("{public}{path_and_query}");
    }
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let proto = header("x-forwarded-proto")
        .and_then(|p| p.split(',').next())
        .map_or("http", str::trim);
    let host = header("host")
        .or_else(|| parts.uri.authority().map(|a| a.as_str()))
        .unwrap_or_default();
    format!("{proto}://{host}{path_and_query}")
}

pub(crate) async fn handle(app: &App, req: Request<Incoming>) -> Result<Reply, HttpError> {
    let started = Instant::now();
    let (parts, body) = read_body(req, "application/x-www-form-urlencoded").await?;
    let params =
        form::parse(&body).map_err(|e| HttpError::BadRequest(format!("malformed form: {e}")))?;

    if let Some(token) = &app.config.twilio_auth_token {
        let Some(given) = parts
            .headers
            .get("x-twilio-signature")
            .and_then(|v| v.to_str().ok())
        else {
            warn!("webhook refused: no signature");
            return Err(HttpError::Forbidden);
        };
        if !signature::validate(token, &signed_url(app, &parts), &params, given) {
            warn!("webhook refused: signature does not match");
            return Err(HttpError::Forbidden);
        }
    }

    let field = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let sid = field("MessageSid").unwrap_or_default();
    if !sid.is_empty() {
        match app.dedupe.claim(sid, Instant::now()) {
            Claim::New => {}
            Claim::Done(previous) => {
                info!(message_sid = sid, "twilio retry: same response again");
                return Ok(xml(twiml::message(previous, app.audio_base_xml.as_deref())));
            }
            Claim::InFlight => {
                info!(
                    message_sid = sid,
                    "twilio retry while the first is in flight: empty response"
                );
                return Ok(xml(Bytes::from_static(twiml::EMPTY.as_bytes())));
            }
        }
    }

    let num_media: usize = field("NumMedia")
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let media_type = field("MediaContentType0").unwrap_or_default();
    let kind = match (num_media, media_type) {
        (0, _) => Kind::Text,
        (_, t) if t.starts_with("audio/") => Kind::Voice,
        _ => Kind::Image,
    };

    let matching = Instant::now();
    let body_text = field("Body").unwrap_or_default();
    let reply = app.responder.respond(body_text, None);
    let match_us = matching.elapsed().as_micros() as u64;
    let goes_to_pipeline = match kind {
        Kind::Text => reply.is_miss() && app.config.llm_live,
        Kind::Voice => true,
        Kind::Image => false,
    };
    let queued = match (&app.pipeline, goes_to_pipeline) {
        (Some(pipeline), true) => {
            let voice = (kind == Kind::Voice).then(|| Media {
                url: field("MediaUrl0").unwrap_or_default().to_string(),
                content_type: media_type.to_string(),
            });
            let job = Job {
                message_sid: sid.to_string(),
                from: field("From").unwrap_or_default().to_string(),
                text: body_text.to_string(),
                lang: reply.lang,
                voice,
                received: started,
            };
            Some(pipeline.submit(job).is_ok())
        }
        _ => None,
    };
    let (answer, source, intent) = match (kind, queued) {
        // Queued: acknowledge now in the person's language; the answer follows through Twilio.
        (Kind::Text, Some(true)) => (kb::curated(Curated::AckText, reply.lang), "queued", "none"),
        (Kind::Voice, Some(true)) => (kb::curated(Curated::AckAudio, reply.lang), "queued", "none"),
        // The queue is full: say so at once, with the phone numbers.
        (_, Some(false)) => (kb::curated(Curated::Busy, reply.lang), "fallback", "none"),
        (Kind::Text, None) => (reply.answer, reply.source.as_str(), reply.intent.as_str()),
        // No transcription pipeline (demo mode, no keys): ask the person to type.
        (Kind::Voice, None) => (
            kb::curated(Curated::TranscriptionFailed, reply.lang),
            "fallback",
            "none",
        ),
        (Kind::Image, _) => (
            kb::curated(Curated::ImageLetter, reply.lang),
            "cache",
            "image",
        ),
    };
    let response = twiml::message(answer, app.audio_base_xml.as_deref());
    if !sid.is_empty() {
        app.dedupe.complete(sid, answer);
    }
    if source != "queued" {
        app.metrics.answered(source);
    }
    info!(
        message_sid = sid,
        from = %app.phones.hash(field("From").unwrap_or_default()),
        kind = kind.as_str(),
        intent,
        facet = reply.facet.map(|f| f.as_str()),
        lang = reply.lang.as_str(),
        source,
        answer = answer.id,
        match_us,
        total_us = started.elapsed().as_micros() as u64,
        "message answered"
    );
    Ok(xml(response))
}
