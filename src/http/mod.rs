//! The HTTP service Twilio calls: `POST /webhook`, `/health`, `/static/cache/<file>`, `/metrics`,
//! `POST /api/chat`. A question the compiled cache can answer is answered inside the webhook's
//! own response (TwiML), with no outbound call.
//!
//! - `server`: accept loop and graceful shutdown.
//! - `routes`: the one `match` from request to handler.
//! - `response`: what handlers return (`Reply`, `HttpError`) and body reading within limits.
//! - `webhook`, `chat`, `static_audio`: the handlers.
//! - `signature`, `form`, `twiml`: Twilio's wire formats.
//! - `dedupe`: state shared by requests.

mod chat;
pub mod dedupe;
pub mod form;
mod response;
mod routes;
mod server;
pub mod signature;
mod static_audio;
pub mod twiml;
mod webchat;
mod webhook;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub use routes::handle;
pub use server::{MAX_HEADER_BYTES, connection_cap, run, shutdown_signal};

use crate::config::Config;
use crate::metrics::Metrics;
use crate::miss::{Pipeline, Services};
use crate::observability::{PhoneHasher, RateLimitedLog};
use crate::respond::Responder;

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
    /// Hashes phone numbers for logs.
    pub phones: PhoneHasher,
    /// Refused (unsigned or forged) webhooks, summarised in the log once per interval.
    refused: RateLimitedLog,
    /// `AUDIO_BASE_URL`, else `PUBLIC_URL/static/cache`, XML-escaped for TwiML.
    audio_base_xml: Option<String>,
    started: Instant,
    request_ids: AtomicU64,
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
        let pipeline =
            Services::from_config(&config, Arc::clone(&metrics), phones.clone())?.map(|services| {
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
            phones,
            refused: RateLimitedLog::new(webhook::REFUSED_LOG_INTERVAL),
            audio_base_xml: config.audio_base().map(|b| twiml::escape(&b)),
            started: Instant::now(),
            request_ids: AtomicU64::new(0),
            request_prefix: getrandom::u32().expect("the operating system provides random bytes"),
            config,
        }))
    }

    /// A new request id, unique within this process.
    fn next_request_id(&self) -> String {
        let n = self.request_ids.fetch_add(1, Ordering::Relaxed);
        format!("{:08x}{n:08x}", self.request_prefix)
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
