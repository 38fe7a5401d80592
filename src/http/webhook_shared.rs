//! The webhook with `REDIS_URL` set: the same answer as `webhook::answer`, with the `MessageSid`
//! dedupe, the conversation and the miss limit asked of Redis first, so that several instances
//! behave as one. Each Redis call is bounded by `shared::OP_TIMEOUT`; when Redis cannot answer,
//! this instance's own state decides, exactly as without Redis. Without `REDIS_URL` none of this
//! runs: the synchronous path in `webhook` stays as it is.

use std::sync::Arc;
use std::time::Instant;

use super::dedupe::{self, Claim};
use super::response::Reply;
use super::twiml::Sent;
use super::webhook::{Inbound, Kind, answered, goes_to_pipeline, retried, route};
use super::{App, RequestId};
use crate::conversation;
use crate::miss::rate_limit;
use crate::shared::{Redis, SidClaim};

/// An [`Inbound`] copied out of the request body, so that it can live across an `.await`.
pub(super) struct Owned {
    body: String,
    from: String,
    message_sid: String,
    kind: Kind,
    media: Option<(String, String)>,
}

impl Owned {
    pub(super) fn from(inbound: &Inbound<'_>) -> Owned {
        Owned {
            body: inbound.body.to_string(),
            from: inbound.from.to_string(),
            message_sid: inbound.message_sid.to_string(),
            kind: inbound.kind,
            media: inbound
                .media
                .map(|(url, content_type)| (url.to_string(), content_type.to_string())),
        }
    }

    fn inbound(&self) -> Inbound<'_> {
        Inbound {
            body: &self.body,
            from: &self.from,
            message_sid: &self.message_sid,
            kind: self.kind,
            media: self.media.as_ref().map(|(u, c)| (u.as_str(), c.as_str())),
        }
    }
}

/// What the claim of `sid` in Redis (`None`: Redis could not answer) and this instance's
/// dedupe (a fallback and a mirror) say together. Returns whether Redis holds the claim.
fn claim(app: &App, in_redis: Option<SidClaim>, sid: &str, received: Instant) -> (Claim, bool) {
    match in_redis {
        Some(SidClaim::New) => match app.dedupe.claim(sid, received) {
            // Redis forgot an id this instance answered (a Redis restarted empty): this
            // instance's memory still prevents a second answer.
            Claim::Done(previous) => (Claim::Done(previous), true),
            Claim::New | Claim::InFlight => (Claim::New, true),
        },
        Some(SidClaim::Done(id)) => match Sent::from_stored_id(&id) {
            Some(previous) => (Claim::Done(previous), false),
            // An id this build does not know (another version answered): never twice.
            None => (Claim::InFlight, false),
        },
        Some(SidClaim::InFlight) => (Claim::InFlight, false),
        None => (app.dedupe.claim(sid, received), false),
    }
}

/// The TwiML for one authenticated message, with state shared through Redis.
///
/// A cache hit waits for one Redis round trip: the claim of its `MessageSid` and the sender's
/// conversation, pipelined. Its writes (the new conversation, the answer's id) go in a second
/// pipeline that the response does not wait for. A miss adds the shared limit (one more).
pub(super) async fn answer(
    app: &App,
    redis: &Arc<Redis>,
    owned: &Owned,
    received: Instant,
    request_id: &RequestId,
) -> Reply {
    let inbound = owned.inbound();
    let sid = inbound.message_sid;
    let sender = app.phones.sender(inbound.from);
    let read = redis.claim_and_recall(sid, sender).await;
    let (sid_claim, stored) = match &read {
        Ok((claim, stored)) => (claim.clone(), Ok(stored.as_deref())),
        Err(e) => (None, Err(*e)),
    };
    let mut claimed_in_redis = false;
    if !sid.is_empty() {
        let (seen, in_redis) = claim(app, sid_claim, sid, received);
        claimed_in_redis = in_redis;
        if let Some(reply) = retried(app, seen, sid, request_id) {
            return reply;
        }
    }

    let context = app
        .conversations
        .recalled(sender, stored, received)
        .map_or_else(Default::default, |state| state.context());
    // The shared miss limit is asked only for a message that would be queued: a cache hit
    // costs no extra round trip.
    let shared_limit = match &app.pipeline {
        Some(_) => {
            let first = app.responder.respond_in(inbound.body, None, context);
            if goes_to_pipeline(app, inbound.kind, &first) {
                redis
                    .allow(sender, app.config.miss_rate_limit, rate_limit::WINDOW)
                    .await
                    .ok()
            } else {
                None
            }
        }
        None => None,
    };
    let (routed, reply) = route(app, &inbound, sender, context, received, shared_limit);
    let conversation = app
        .conversations
        .remembered(sender, conversation::next(context, &reply, received));
    if !sid.is_empty() {
        app.dedupe.complete(sid, routed.sent());
    }
    // Not awaited: the person's answer does not wait for the writes. They leave on the shared
    // connection at once, long before the person's next message (or Twilio's retry, 15 s later)
    // can arrive; a failed one is what this instance's own state covers.
    let done = (claimed_in_redis && !sid.is_empty())
        // The answer's id (and whether its note followed), not its text: every instance renders
        // it the same way.
        .then(|| (sid.to_string(), routed.sent().stored_id()));
    let ttl = app.conversations.ttl();
    let redis = Arc::clone(redis);
    tokio::spawn(async move {
        let done = done.as_ref().map(|(sid, id)| (sid.as_str(), id.as_str()));
        let _ = redis
            .after_answer(sender, conversation.as_deref(), ttl, done, dedupe::TTL)
            .await;
    });
    answered(app, &inbound, sender, &routed, received, request_id)
}
