//! `POST /webhook`: Twilio's incoming WhatsApp message → TwiML. Cache hits, greeting, menu and
//! guardrails are answered in this response; a miss is queued for the pipeline and acknowledged.
//!
//! The way of one message: [`authenticate`] (a bare 403 for anything not signed by Twilio) →
//! [`Inbound`] (the form, read once) → dedupe → [`route`] (compiled answer, or the pipeline) →
//! TwiML.

use std::time::{Duration, Instant};

use bytes::Bytes;
use hyper::{Request, StatusCode};
use tracing::info;

use super::dedupe::Claim;
use super::response::{BoxError, HttpError, Reply, read_body, require_content_type, text};
use super::twiml::{self, Sent};
use super::{App, RequestId, form};
use crate::kb::{self, Answer, Curated, Facet, Lang, Note};
use crate::metrics::AnswerSource;
use crate::miss::{Job, Media, Refused};
use crate::observability::SenderId;
use crate::respond::{self, Context};

/// The only content type Twilio posts to a webhook.
const FORM: &str = "application/x-www-form-urlencoded";

/// How often a flood of refused webhooks is summarised in the log (the metric counts each).
pub(crate) const REFUSED_LOG_INTERVAL: Duration = Duration::from_secs(60);

/// What kind of message arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Voice,
    Image,
}

impl Kind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Voice => "voice",
            Kind::Image => "image",
        }
    }
}

/// Twilio's incoming-message form, read once: the fields Clara uses, borrowed from the parsed
/// form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inbound<'a> {
    /// What the person wrote (empty for media without a caption).
    pub body: &'a str,
    /// `whatsapp:+<number>`: where a reply goes. Never logged.
    pub from: &'a str,
    /// Twilio's id of the message; empty if absent (then there is no dedupe).
    pub message_sid: &'a str,
    pub kind: Kind,
    /// The first attachment (`MediaUrl0`, `MediaContentType0`), if any.
    pub media: Option<(&'a str, &'a str)>,
}

impl<'a> Inbound<'a> {
    /// Picks the fields out of the decoded form pairs.
    pub fn from_fields(fields: &[(&'a str, &'a str)]) -> Inbound<'a> {
        let mut inbound = Inbound {
            body: "",
            from: "",
            message_sid: "",
            kind: Kind::Text,
            media: None,
        };
        let (mut num_media, mut url, mut content_type) = (0usize, "", "");
        for &(name, value) in fields {
            match name {
                "Body" => inbound.body = value,
                "From" => inbound.from = value,
                "MessageSid" => inbound.message_sid = value,
                "NumMedia" => num_media = value.trim().parse().unwrap_or(0),
                "MediaUrl0" => url = value,
                "MediaContentType0" => content_type = value,
                _ => {}
            }
        }
        if num_media > 0 {
            inbound.media = Some((url, content_type));
            inbound.kind = if content_type.starts_with("audio/") {
                Kind::Voice
            } else {
                Kind::Image
            };
        }
        inbound
    }
}

pub(super) fn xml(body: Bytes) -> Reply {
    text(StatusCode::OK, "application/xml", body)
}

/// The URL Twilio signed, in two pieces: `PUBLIC_URL` (else the scheme and host rebuilt from the
/// proxy's headers, which costs a `String`) and the path with its query.
fn signed_url<'a>(
    app: &'a App,
    parts: &'a hyper::http::request::Parts,
) -> (std::borrow::Cow<'a, str>, &'a str) {
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or("/webhook", |pq| pq.as_str());
    if let Some(public) = &app.config.public_url {
        return (public.as_str().into(), path_and_query);
    }
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let proto = header("x-forwarded-proto")
        .and_then(|p| p.split(',').next())
        .map_or("http", str::trim);
    let host = header("host")
        .or_else(|| parts.uri.authority().map(|a| a.as_str()))
        .unwrap_or_default();
    (format!("{proto}://{host}").into(), path_and_query)
}

/// The form's fields, once the request is known to come from Twilio. With an auth token set,
/// anything without a valid signature is a bare 403, whatever else is wrong with it (content
/// type, form syntax), so a prober learns nothing; only then are 415 and 400 possible.
fn authenticate<'f>(
    app: &App,
    parts: &hyper::http::request::Parts,
    fields: Result<&'f [(&'f str, &'f str)], form::FormError>,
) -> Result<&'f [(&'f str, &'f str)], HttpError> {
    if let Some(validator) = &app.validator {
        let given = parts
            .headers
            .get("x-twilio-signature")
            .and_then(|v| v.to_str().ok());
        let why = match (given, &fields) {
            (None, _) => Some("no signature"),
            (Some(_), Err(_)) => Some("unsigned form: malformed"),
            (Some(given), Ok(fields)) => {
                let (base, path) = signed_url(app, parts);
                (!validator.validate(&base, path, fields, given))
                    .then_some("signature does not match")
            }
        };
        if let Some(why) = why {
            app.refused.warn("webhook refused", why);
            return Err(HttpError::Forbidden);
        }
    }
    require_content_type(&parts.headers, FORM)?;
    fields.map_err(|e| HttpError::BadRequest(format!("malformed form: {e}")))
}

/// Where a message's answer comes from, for logs and metrics.
pub(super) struct Routed {
    pub(super) answer: &'static Answer,
    pub(super) source: AnswerSource,
    pub(super) intent: &'static str,
    pub(super) facet: Option<Facet>,
    /// The note that follows the answer (`respond::Reply::note_kind`).
    pub(super) note: Option<Note>,
    /// Time spent in the responder.
    pub(super) match_us: u64,
}

impl Routed {
    /// What the response carries.
    pub(super) fn sent(&self) -> Sent {
        Sent {
            answer: self.answer,
            note: self.note,
        }
    }
}

/// Whether a message answered with `reply` goes to the miss pipeline (when there is one).
pub(super) fn goes_to_pipeline(app: &App, kind: Kind, reply: &respond::Reply) -> bool {
    match kind {
        Kind::Text => reply.is_miss() && app.config.llm_live,
        Kind::Voice => true,
        Kind::Image => false,
    }
}

/// The responder's reply to `inbound`, and the microseconds it took (for the log line).
pub(super) fn respond(app: &App, inbound: &Inbound<'_>, context: Context) -> (respond::Reply, u64) {
    // Timed only for the log line: two clock reads per message otherwise spent for nothing.
    let matching = tracing::enabled!(tracing::Level::INFO).then(Instant::now);
    let reply = app.responder.respond_in(inbound.body, None, context);
    let match_us = matching.map_or(0, |at| at.elapsed().as_micros() as u64);
    (reply, match_us)
}

/// The pipeline's job for `inbound`, in the language the responder detected, in the
/// conversation it came in.
pub(super) fn job(
    inbound: &Inbound<'_>,
    sender: SenderId,
    (lang, context): (Lang, Context),
    received: Instant,
) -> Job {
    let voice = (inbound.kind == Kind::Voice).then(|| {
        let (url, content_type) = inbound.media.unwrap_or_default();
        Media {
            url: url.to_string(),
            content_type: content_type.to_string(),
        }
    });
    Job {
        message_sid: inbound.message_sid.to_string(),
        from: inbound.from.to_string(),
        sender,
        text: inbound.body.to_string(),
        lang,
        context,
        voice,
        received,
        entry: None,
    }
}

/// Where the answer to a message of `kind` comes from: the compiled `reply`, or, when the
/// message went to the pipeline (`queued`: what it said), an acknowledgement or a template.
pub(super) fn route(
    kind: Kind,
    reply: &respond::Reply,
    match_us: u64,
    queued: Option<Result<(), Refused>>,
) -> Routed {
    let lang = reply.lang;
    // A template (an acknowledgement, "busy", …) keeps the reply's danger note, not the note
    // about a place: the answer that follows through Twilio may be long in coming. A template
    // that opens with the emergency lines itself needs no note repeating them.
    let template = |which| {
        let answer = kb::curated(which, lang);
        Routed {
            answer,
            source: AnswerSource::Fallback,
            intent: "none",
            facet: None,
            note: reply
                .speaks_of_danger()
                .then_some(Note::Support)
                .and_then(|note| note.after(answer)),
            match_us,
        }
    };
    match (kind, queued) {
        // Queued: acknowledge now in the person's language; the answer follows through Twilio.
        (Kind::Text, Some(Ok(()))) => Routed {
            source: AnswerSource::Queued,
            ..template(Curated::AckText)
        },
        (Kind::Voice, Some(Ok(()))) => Routed {
            source: AnswerSource::Queued,
            ..template(Curated::AckAudio)
        },
        // Over the per-sender limit: said here, in the response, at no cost.
        (_, Some(Err(Refused::RateLimited))) => template(Curated::RateLimited),
        // The queue is full: say so at once, with the phone numbers.
        (_, Some(Err(Refused::Busy))) => template(Curated::Busy),
        (Kind::Text, None) => Routed {
            answer: reply.answer,
            source: reply.source,
            intent: reply.intent.as_str(),
            facet: reply.facet,
            note: reply.note_kind(),
            match_us,
        },
        // No transcription pipeline (demo mode, no keys): ask the person to type.
        (Kind::Voice, None) => template(Curated::TranscriptionFailed),
        (Kind::Image, _) => Routed {
            source: AnswerSource::Cache,
            intent: "image",
            ..template(Curated::ImageLetter)
        },
    }
}

/// `received`: when the request reached the router (one clock read per request, not two).
pub(crate) async fn handle<B>(
    app: &App,
    req: Request<B>,
    received: Instant,
    request_id: &RequestId,
) -> Result<Reply, HttpError>
where
    B: hyper::body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let (parts, body) = read_body(req, app.config.http_read_timeout).await?;
    if let Some(redis) = &app.redis {
        // Only with REDIS_URL: the fields are copied out so that Redis can be awaited.
        let inbound = form::with_fields(&body, |fields| {
            authenticate(app, &parts, fields)
                .map(|fields| super::webhook_shared::Owned::from(&Inbound::from_fields(fields)))
        })?;
        // Boxed: the Redis calls' state would otherwise be part of every webhook's future, cache
        // hits without Redis included, and hyper moves that future into place on each request.
        let answer = Box::pin(super::webhook_shared::answer(
            app, redis, &inbound, received, request_id,
        ));
        return Ok(answer.await);
    }
    // From here on nothing waits: the form is decoded on the stack and answered in place.
    form::with_fields(&body, |fields| {
        let fields = authenticate(app, &parts, fields)?;
        Ok(answer(
            app,
            &Inbound::from_fields(fields),
            received,
            request_id,
        ))
    })
}

/// The TwiML for one authenticated message: a Twilio retry gets the first answer again; a new
/// message is routed, remembered and logged.
/// What a Twilio retry of `sid` gets, or `None` for a message seen the first time.
pub(super) fn retried(app: &App, claim: Claim, sid: &str, request_id: &RequestId) -> Option<Reply> {
    match claim {
        Claim::New => None,
        Claim::Done(previous) => {
            info!(
                request_id = %request_id,
                message_sid = sid,
                "twilio retry: same response again"
            );
            Some(xml(app.twiml(previous)))
        }
        Claim::InFlight => {
            info!(
                request_id = %request_id,
                message_sid = sid,
                "twilio retry while the first is in flight: empty response"
            );
            Some(xml(Bytes::from_static(twiml::EMPTY.as_bytes())))
        }
    }
}

/// The answered message counted, logged once, and its precomputed TwiML.
pub(super) fn answered(
    app: &App,
    inbound: &Inbound<'_>,
    sender: SenderId,
    routed: &Routed,
    received: Instant,
    request_id: &RequestId,
) -> Reply {
    app.metrics.answered(routed.source);
    info!(
        request_id = %request_id,
        message_sid = inbound.message_sid,
        from = %sender,
        kind = inbound.kind.as_str(),
        intent = routed.intent,
        facet = routed.facet.map(Facet::as_str),
        note = routed.note.map(Note::as_str),
        lang = routed.answer.lang.as_str(),
        source = routed.source.as_str(),
        answer = routed.answer.id,
        match_us = routed.match_us,
        total_us = received.elapsed().as_micros() as u64,
        "message answered"
    );
    xml(app.twiml(routed.sent()))
}

fn answer(app: &App, inbound: &Inbound<'_>, received: Instant, request_id: &RequestId) -> Reply {
    let sid = inbound.message_sid;
    if !sid.is_empty()
        && let Some(reply) = retried(app, app.dedupe.claim(sid, received), sid, request_id)
    {
        return reply;
    }

    let sender = app.phones.sender(inbound.from);
    let context = app.context(sender, received);
    let (reply, match_us) = respond(app, inbound, context);
    let queued = match &app.pipeline {
        Some(pipeline) if goes_to_pipeline(app, inbound.kind, &reply) => {
            Some(pipeline.submit(job(inbound, sender, (reply.lang, context), received)))
        }
        _ => None,
    };
    let routed = route(inbound.kind, &reply, match_us, queued);
    app.remember(sender, &reply, context, received);
    if !sid.is_empty() {
        app.dedupe.complete(sid, routed.sent());
    }
    answered(app, inbound, sender, &routed, received, request_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_gives_the_danger_lines_once_when_the_message_spoke_of_violence() {
        let responder = crate::respond::Responder::new(true);
        let said = responder.respond("soy víctima de violencia, ¿qué hago?", None);
        let plain = responder.respond("¿qué hago?", None);
        let outcomes = || [Ok(()), Err(Refused::Busy), Err(Refused::RateLimited)];
        // The acknowledgement, "busy" and the limit open with the 🆘 line: no note repeats it.
        for queued in outcomes() {
            let routed = route(Kind::Text, &said, 0, Some(queued));
            assert!(routed.answer.emergency_lines, "{}", routed.answer.id);
            assert_eq!(routed.note, None, "{}", routed.answer.id);
        }
        for queued in outcomes() {
            assert_eq!(route(Kind::Text, &plain, 0, Some(queued)).note, None);
        }
        // Answered here: the fallback opens with the lines too. A template without them (the
        // photo's) gets the note.
        assert_eq!(route(Kind::Text, &said, 0, None).note, None);
        let photo = route(Kind::Image, &said, 0, None);
        assert!(!photo.answer.emergency_lines, "{}", photo.answer.id);
        assert_eq!(photo.note, Some(Note::Support));
    }
}
