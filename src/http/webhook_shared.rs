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
use super::webhook::{Inbound, Kind, answered, goes_to_pipeline, job, respond, retried, route};
use super::{App, RequestId};
use crate::conversation;
use crate::miss::durable::{Entry, Stored};
use crate::miss::{Job, Pipeline, Refused, rate_limit};
use crate::shared::{Admit, Redis, SidClaim, Unavailable, Write};

/// An [`Inbound`] copied out of the request body, so that it can live across an `.await`: its
/// strings end to end in one allocation (this runs on every webhook with `REDIS_URL` set).
pub(super) struct Owned {
    /// Body, sender, `MessageSid`, media URL and media type, in that order.
    text: String,
    /// Where each of them ends in `text`.
    ends: [usize; 5],
    kind: Kind,
    has_media: bool,
}

impl Owned {
    pub(super) fn from(inbound: &Inbound<'_>) -> Owned {
        let (url, content_type) = inbound.media.unwrap_or_default();
        let parts = [
            inbound.body,
            inbound.from,
            inbound.message_sid,
            url,
            content_type,
        ];
        let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0; 5];
        for (end, part) in ends.iter_mut().zip(parts) {
            text.push_str(part);
            *end = text.len();
        }
        Owned {
            text,
            ends,
            kind: inbound.kind,
            has_media: inbound.media.is_some(),
        }
    }

    fn part(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start..self.ends[i]]
    }

    fn inbound(&self) -> Inbound<'_> {
        Inbound {
            body: self.part(0),
            from: self.part(1),
            message_sid: self.part(2),
            kind: self.kind,
            media: self.has_media.then(|| (self.part(3), self.part(4))),
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

/// Queues `job` durably: a place in this instance's queue first, then the shared limit and the
/// stream in one round trip (`Redis::admit`). When Redis cannot answer, the job is queued in
/// this process only, under its own limit, as without Redis.
async fn queue(app: &App, redis: &Redis, pipeline: &Pipeline, mut job: Job) -> Result<(), Refused> {
    let slot = pipeline.reserve()?;
    let stored = serde_json::to_string(&Stored::of(&job)).map_err(|_| Refused::Busy)?;
    match redis
        .admit(
            job.sender,
            app.config.miss_rate_limit,
            rate_limit::WINDOW,
            &stored,
        )
        .await
    {
        Ok(Admit::Queued(id)) => {
            job.entry = Some(Entry { id, claimed: false });
            slot.queue(job);
            Ok(())
        }
        Ok(Admit::Limited) => Err(Refused::RateLimited),
        Err(Unavailable) => pipeline.admit_here(slot, job),
    }
}

/// The TwiML for one authenticated message, with state shared through Redis.
///
/// A cache hit waits for one Redis round trip: the claim of its `MessageSid` and the sender's
/// conversation, pipelined. The answer is guessed first from this instance's copy of the
/// conversation (right unless the previous message went to another instance and changed it),
/// so the claim stores that answer's id at once; a wrong guess, or a changed conversation, is
/// written in a second pipeline that the response does not wait for. A miss adds the shared
/// limit and the durable queue (one more).
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
    let local = app.context(sender, received);
    let guess = respond(app, &inbound, local);
    let to_pipeline = |reply: &crate::respond::Reply| {
        app.pipeline.is_some() && goes_to_pipeline(app, inbound.kind, reply)
    };
    // A message that is answered here has its answer's id known before the claim.
    let guessed = (!to_pipeline(&guess.0)).then(|| {
        route(inbound.kind, &guess.0, guess.1, None)
            .sent()
            .stored_id()
    });
    let claim_value = match guessed.as_deref() {
        Some(id) => (id, dedupe::TTL),
        None => ("", crate::shared::IN_FLIGHT_TTL),
    };
    let ttl = app.conversations.ttl();
    let read = redis.claim_and_recall(sid, claim_value, sender, ttl).await;
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
    let (reply, match_us) = if context == local {
        guess
    } else {
        respond(app, &inbound, context)
    };
    let queued = match &app.pipeline {
        Some(pipeline) if to_pipeline(&reply) => {
            let job = job(&inbound, sender, (reply.lang, context), received);
            Some(queue(app, redis, pipeline, job).await)
        }
        _ => None,
    };
    let routed = route(inbound.kind, &reply, match_us, queued);
    let conversation = app
        .conversations
        .remembered(sender, conversation::next(context, &reply, received));
    if !sid.is_empty() {
        app.dedupe.complete(sid, routed.sent());
    }
    let write = match (conversation, stored) {
        (Some(new), Ok(Some(old))) if new == old => Write::Keep,
        (Some(new), _) => Write::Set(new),
        (None, _) => Write::Delete,
    };
    // The answer's id (and whether its note followed), not its text: every instance renders it
    // the same way.
    let sent = routed.sent().stored_id();
    let done =
        (claimed_in_redis && guessed.as_deref() != Some(&*sent)).then(|| (sid.to_string(), sent));
    if write != Write::Keep || done.is_some() {
        // Not awaited: the person's answer does not wait for the writes. They leave on the
        // shared connection at once, long before the person's next message (or Twilio's
        // retry, 15 s later) can arrive; a failed one is what this instance's own state covers.
        let redis = Arc::clone(redis);
        tokio::spawn(async move {
            let done = done.as_ref().map(|(sid, id)| (sid.as_str(), &**id));
            let _ = redis
                .after_answer(sender, &write, ttl, done, dedupe::TTL)
                .await;
        });
    }
    answered(app, &inbound, sender, &routed, received, request_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owned_message_gives_back_every_field() {
        let with_media = Inbound {
            body: "¿Qué es el IMV?",
            from: "whatsapp:+34600111222",
            message_sid: "SM0123",
            kind: Kind::Voice,
            media: Some(("https://api.twilio.com/m/1", "audio/ogg")),
        };
        let without = Inbound {
            body: "",
            from: "whatsapp:+34600111222",
            message_sid: "",
            kind: Kind::Text,
            media: None,
        };
        for inbound in [with_media, without] {
            assert_eq!(Owned::from(&inbound).inbound(), inbound);
        }
    }
}
