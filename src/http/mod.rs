//! The HTTP service Twilio calls: `POST /webhook`, `/health`, `/static/cache/<file>`, `/metrics`,
//! `POST /api/chat`. A question the compiled cache can answer is answered inside the webhook's
//! own response (TwiML), with no outbound call.
//!
//! - `server`: accept loop and graceful shutdown; `deadline`: the read deadline, a timer per
//!   connection.
//! - `routes`: the one `match` from request to handler.
//! - `response`: what handlers return (`Reply`, `HttpError`) and body reading within limits.
//! - `webhook`, `chat`, `static_audio`: the handlers.
//! - `signature`, `form`, `twiml`: Twilio's wire formats.
//! - `dedupe`: state shared by requests; `webhook_shared`: the webhook's path with `REDIS_URL`.
//! - `wakes`: keeps a connection's wakes of itself from waking another worker.

mod chat;
mod deadline;
pub mod dedupe;
pub mod form;
mod response;
mod routes;
mod server;
pub mod signature;
mod static_audio;
pub mod twiml;
mod wakes;
mod webchat;
mod webhook;
mod webhook_shared;

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use bytes::Bytes;

pub use routes::handle;
pub use server::{MAX_HEADER_BYTES, connection_cap, run, shutdown_signal};

use secrecy::ExposeSecret;

use crate::config::Config;
use crate::conversation;
use crate::kb::Note;
use crate::metrics::Metrics;
use crate::miss::{Pipeline, Services};
use crate::observability::{PhoneHasher, RateLimitedLog, SenderId};
use crate::respond::Responder;
use crate::respond::{self, Context};

/// A request id as logs and `X-Request-Id` show it: 16 hex digits. Handlers that log put it on
/// their lines as `request_id` (a field, not a span: a span costs allocations per request in the
/// log formatter, and only the webhook logs per request).
pub(crate) struct RequestId(u64);

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl RequestId {
    pub(crate) fn header(&self) -> Option<hyper::header::HeaderValue> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 16];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = HEX[((self.0 >> (60 - 4 * i)) & 0xf) as usize];
        }
        hyper::header::HeaderValue::from_bytes(&out).ok()
    }
}

/// Largest request body accepted (Twilio's webhooks are a few KiB).
pub const MAX_BODY: usize = 64 * 1024;

/// Everything a request handler needs, shared by all connections.
pub struct App {
    /// Validated configuration, read once at start-up.
    pub config: Config,
    /// The compiled-cache responder (guardrails per `GUARDRAILS_ON`).
    pub responder: Responder,
    /// Shared with the miss pipeline's workers.
    pub metrics: Arc<Metrics>,
    /// The background miss path; `None` in demo mode or without Gemini and Twilio keys.
    pub pipeline: Option<Pipeline>,
    /// Recent `MessageSid`s and their responses.
    pub dedupe: dedupe::Dedupe,
    /// What each sender's conversation remembers (language, procedure); shared with the miss
    /// pipeline, which moves it on after a voice note's transcript.
    pub conversations: Arc<conversation::Store>,
    /// State shared with the other instances (`REDIS_URL`); `None`: all of it in this process,
    /// and the webhook takes its synchronous path.
    pub redis: Option<Arc<crate::shared::Redis>>,
    /// Hashes phone numbers for logs.
    pub phones: PhoneHasher,
    /// Refused (unsigned or forged) webhooks, summarised in the log once per interval.
    refused: RateLimitedLog,
    /// Checks `X-Twilio-Signature`, keyed once; `None` when no auth token is set.
    validator: Option<signature::Validator>,
    /// Every compiled answer's TwiML, rendered once at start-up (the audio URL depends on the
    /// configuration), indexed like `kb::answers()`: a cache hit's response is a reference
    /// count, not a copy.
    twiml: Box<[Bytes]>,
    /// The same, each followed by a note in its language (a second `<Message>`), one table per
    /// note in `Note::ALL` order.
    twiml_noted: [Box<[Bytes]>; Note::ALL.len()],
    started: Instant,
    /// Random per process, so request ids from two instances do not collide.
    request_prefix: u32,
}

impl App {
    /// Builds the shared state from a validated configuration, starting the miss pipeline when
    /// the configuration allows it (so this must run inside the tokio runtime).
    ///
    /// # Errors
    /// An HTTP client for the outbound services could not be built.
    pub fn new(config: Config) -> anyhow::Result<Arc<App>> {
        let metrics = Arc::new(Metrics::default());
        let phones = PhoneHasher::new(config.twilio_auth_token.as_ref());
        let redis = config
            .redis_url
            .as_ref()
            .map(|url| crate::shared::Redis::start(url, config.redis_ca.as_ref()))
            .transpose()?;
        let conversations = Arc::new(match &redis {
            Some(redis) => conversation::Store::shared(
                Arc::clone(redis),
                config.conversation_max,
                config.conversation_ttl,
            ),
            None => conversation::Store::memory(config.conversation_max, config.conversation_ttl),
        });
        let pipeline = Services::from_config(&config, Arc::clone(&metrics))?.map(|mut services| {
            services.shared = redis.clone();
            services.conversations = Some(Arc::clone(&conversations));
            Pipeline::start(
                Arc::new(services),
                config.miss_workers,
                config.miss_queue_size,
            )
        });
        Ok(Arc::new(App {
            responder: Responder::new(config.guardrails),
            metrics,
            pipeline,
            dedupe: dedupe::Dedupe::default(),
            conversations,
            redis,
            phones,
            refused: RateLimitedLog::new(webhook::REFUSED_LOG_INTERVAL),
            validator: config
                .twilio_auth_token
                .as_ref()
                .map(|token| signature::Validator::new(token.expose_secret())),
            twiml: twiml::render_all(config.audio_base().as_deref(), None),
            twiml_noted: Note::ALL
                .map(|note| twiml::render_all(config.audio_base().as_deref(), Some(note))),
            started: Instant::now(),
            request_prefix: getrandom::u32().expect("the operating system provides random bytes"),
            config,
        }))
    }

    /// A new request id, unique within this process: the random prefix and a counter, shown as
    /// 16 hex digits. Each thread takes the counter's values a block at a time, so that two
    /// workers do not write one shared cache line per request.
    fn next_request_id(&self) -> RequestId {
        const BLOCK: u64 = 1024;
        static NEXT: AtomicU64 = AtomicU64::new(0);
        thread_local! {
            static RANGE: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
        }
        let n = RANGE.with(|range| {
            let (mut next, mut end) = range.get();
            if next == end {
                next = NEXT.fetch_add(BLOCK, Ordering::Relaxed);
                end = next + BLOCK;
            }
            range.set((next + 1, end));
            next
        });
        RequestId((u64::from(self.request_prefix) << 32) | (n & 0xffff_ffff))
    }

    /// What `who`'s conversation remembers (nothing when it is new or has expired).
    pub fn context(&self, who: SenderId, now: Instant) -> Context {
        self.conversations
            .get(who, now)
            .map_or_else(Context::default, |state| state.context())
    }

    /// Remembers `who`'s conversation after `reply` (see [`conversation::next`]); "forget me"
    /// clears it at once.
    pub fn remember(&self, who: SenderId, reply: &respond::Reply, previous: Context, now: Instant) {
        match conversation::next(previous, reply, now) {
            None => self.conversations.forget(who),
            Some(state) => self.conversations.put(who, state),
        }
    }

    /// [`App::context`], asking the shared store when there is one (the webhook's Redis path
    /// and the chat).
    pub async fn recall(&self, who: SenderId, now: Instant) -> Context {
        self.conversations
            .load(who, now)
            .await
            .map_or_else(Context::default, |state| state.context())
    }

    /// [`App::remember`], in the shared store too when there is one.
    pub async fn keep(
        &self,
        who: SenderId,
        reply: &respond::Reply,
        previous: Context,
        now: Instant,
    ) {
        self.conversations
            .save(who, conversation::next(previous, reply, now))
            .await;
    }

    /// The TwiML response for a compiled answer, followed by its note when `sent` has one.
    pub fn twiml(&self, sent: twiml::Sent) -> Bytes {
        let table = match sent.note {
            Some(note) => &self.twiml_noted[note.index()],
            None => &self.twiml,
        };
        match twiml::index_of(sent.answer).and_then(|i| table.get(i)) {
            Some(rendered) => rendered.clone(),
            // Every compiled answer is in the table; render one that somehow is not.
            None => twiml::message_with_note(
                sent.answer,
                sent.note(),
                self.config
                    .audio_base()
                    .map(|b| twiml::escape(&b))
                    .as_deref(),
            ),
        }
    }

    /// Seconds since start-up.
    pub fn uptime_s(&self) -> u64 {
        self.started.elapsed().as_secs()
    }

    /// Messages waiting for the miss pipeline.
    pub fn queue_depth(&self) -> usize {
        self.pipeline.as_ref().map_or(0, Pipeline::depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_unique_across_threads() {
        let config = Config::from_lookup(|name| (name == "DEMO_MODE").then(|| "true".to_string()))
            .expect("configuration");
        let app = App::new(config).expect("app");
        // More ids per thread than one block holds, from more threads than there are workers.
        let ids: Vec<u64> = std::thread::scope(|s| {
            let threads: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..3000)
                            .map(|_| app.next_request_id().0)
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            threads
                .into_iter()
                .flat_map(|t| t.join().expect("thread"))
                .collect()
        });
        let distinct: std::collections::HashSet<u64> = ids.iter().copied().collect();
        assert_eq!(distinct.len(), ids.len());
        assert!(
            ids.iter()
                .all(|id| id >> 32 == u64::from(app.request_prefix))
        );
    }
}
