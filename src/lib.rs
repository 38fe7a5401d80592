//! Clara: a WhatsApp assistant that tells people in Spain how to get the Ingreso Mínimo Vital,
//! the empadronamiento and the tarjeta sanitaria, in Spanish, French, English and Arabic.
//!
//! Static first: `build.rs` compiles `data/` and `audio/` into tables embedded in the binary, and
//! the [`respond`] module answers from them with no network and no heap allocation.
//!
//! # Layout
//! - [`kb`]: the knowledge base: schema (shared with `build.rs`), the compiler front half
//!   (validation and rendering, shared with `clara check`), normalization, the generated tables.
//! - [`respond`]: normalization → guardrails → vocabulary → language → a `&'static` answer.
//! - [`conversation`]: what Clara remembers between two messages of one sender (language,
//!   procedure), bounded and expiring.
//! - [`config`]: every environment variable in one table, read and validated once.
//! - [`http`]: the service Twilio calls (`clara serve`): webhook, health, audio, metrics, chat.
//! - [`jsonl`]: the size-bounded JSON-lines file behind dead letters and the miss journal.
//! - [`metrics`]: the service's counters (`/metrics`), by route and answer source.
//! - [`miss`]: the background miss path: the pipeline, media, caches, journal.
//! - [`outbound`]: everything sent to another service: the Gemini and Twilio clients, and the
//!   shared client, retry, `Retry-After` and error-text toolkit the media fetcher, the Notion tool
//!   and the health probe use too.
//! - [`observability`]: logging set-up and the keyed phone hash.
//! - [`recordings`]: which text each recording in `audio/` was made from (its manifest), and
//!   which answers' recordings are missing or stale.
//! - [`redact`]: a person's words made safe to send or store (identity numbers, phones, e-mail,
//!   IBAN hidden; questions capped).
//! - [`shared`]: state shared by every instance through Redis (`REDIS_URL`): `MessageSid` dedupe,
//!   per-sender limits, conversations; allowed to be down, with in-process fallbacks.
//! - [`speech`]: answer text → what a voice should read.
//! - [`voice`]: spoken replies to voice notes: the Gemini speaker, PCM/WAV → OGG/Opus, the bounded
//!   cache served at `/static/tts/`.
//! - [`cli`]: the `clara` command line: `serve`, and the operators' and editors' tools
//!   (`ask`, `check`, `speech`, `sign`, `promote`, `redeliver`, `healthcheck`, `rehearse`,
//!   `notion`), which the service never imports.

pub mod cli;
pub mod config;
pub mod conversation;
pub mod http;
pub mod jsonl;
pub mod kb;
pub mod metrics;
pub mod miss;
pub mod observability;
pub mod outbound;
pub mod recordings;
pub mod redact;
pub mod respond;
pub mod shared;
pub mod speech;
pub mod voice;

pub use kb::{Answer, AudioFile, Facet, Lang, ProcedureId, Region};
pub use respond::{AnswerSource, Context, Intent, Reply, Responder};
