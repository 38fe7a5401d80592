//! State shared by every instance through Redis (`REDIS_URL`; Render's Key Value is Valkey,
//! Redis-compatible): the `MessageSid` dedupe, the per-sender miss limit, the conversations and
//! the answer cache (Gemini's answers to misses), the durable miss queue (`queue`), and the dead
//! letters and miss journal (`records`).
//! With `REDIS_URL` unset none of this exists and every piece of state stays in the process.
//!
//! Redis is a help, never a dependency: every call is bounded by [`OP_TIMEOUT`], and while Redis
//! is unreachable ([`Status::Down`]) calls fail at once without touching the network, so the
//! callers fall back to their in-process state. A probe every [`PROBE_INTERVAL`] notices when
//! Redis answers again (and replaces the connection, so no broken one is kept), without a
//! restart. Transitions are logged once each; the URL (which may carry a password) never is.
//!
//! Client: the `redis` crate's [`ConnectionManager`] (one multiplexed connection, reconnecting),
//! created lazily so that start-up never waits for Redis.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, RwLock, Weak};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, FromRedisValue};
use secrecy::{ExposeSecret, SecretString};
use tracing::{info, warn};

use crate::config::Pem;
use crate::observability::{Hex, SenderId};

mod queue;
pub mod records;

pub use queue::{Admit, Outbox};
pub use records::Records;

/// The longest a webhook waits for one Redis call. A cache hit is answered in about a
/// millisecond and Twilio allows 15 s: a slow or dead Redis must cost tens of milliseconds at
/// worst, once, before the instance stops asking it (see [`Status::Down`]).
pub const OP_TIMEOUT: Duration = Duration::from_millis(50);

/// How often Redis is probed (`PING`), to notice that it went away or came back.
pub const PROBE_INTERVAL: Duration = Duration::from_secs(1);

/// The longest a probe (connection included) may take.
const PROBE_TIMEOUT: Duration = Duration::from_millis(500);

/// How long a `MessageSid` claimed but not yet answered stays claimed. Short, so that a retry
/// of a message whose instance died mid-request is answered after a minute rather than never.
pub const IN_FLIGHT_TTL: Duration = Duration::from_secs(60);

/// Every key starts with this, so Clara can share a Redis with something else.
const PREFIX: &str = "clara:";

/// Whether Redis is usable, as `/health` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not probed yet: calls are tried.
    Starting,
    /// The last probe or call succeeded.
    Up,
    /// The last probe or call failed: calls fail at once until a probe succeeds.
    Down,
}

impl Status {
    /// As `/health` shows it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Starting => "starting",
            Status::Up => "up",
            Status::Down => "down",
        }
    }
}

/// Redis could not be used for this call (down, too slow, or an error); the caller falls back
/// to in-process state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("redis unavailable")]
pub struct Unavailable;

/// What the shared dedupe says of a `MessageSid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SidClaim {
    /// First time anywhere: this instance answers it.
    New,
    /// Answered (by any instance) with the compiled answer of this id.
    Done(String),
    /// Claimed by an instance that has not answered yet.
    InFlight,
}

/// The shared store: a Redis connection that is allowed to be down.
pub struct Redis {
    client: Client,
    /// Replaced after a failed probe; cloning it is an `Arc` clone.
    connection: RwLock<ConnectionManager>,
    status: AtomicU8,
    /// This process's name in the miss queue's consumer group: random, so that a restarted
    /// instance is a new consumer and its predecessor's pending jobs are claimed as orphans.
    consumer: String,
}

impl Redis {
    /// A client for `url` (already validated by `config`); connects lazily and starts the probe.
    /// Must run inside the tokio runtime.
    ///
    /// # Errors
    /// The URL cannot be used (the message does not contain it).
    pub fn start(url: &SecretString, ca: Option<&Pem>) -> anyhow::Result<Arc<Redis>> {
        let client = client(url, ca)?;
        let connection = RwLock::new(connect(&client)?);
        let redis = Arc::new(Redis {
            client,
            connection,
            status: AtomicU8::new(Status::Starting as u8),
            consumer: format!(
                "clara-{:016x}",
                getrandom::u64().map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?
            ),
        });
        tokio::spawn(probe(Arc::downgrade(&redis)));
        Ok(redis)
    }

    /// Whether Redis is usable now.
    pub fn status(&self) -> Status {
        match self.status.load(Ordering::Relaxed) {
            s if s == Status::Up as u8 => Status::Up,
            s if s == Status::Down as u8 => Status::Down,
            _ => Status::Starting,
        }
    }

    /// Records `now` and logs a change (one line per transition, never the URL).
    fn set_status(&self, now: Status, cause: Option<&redis::RedisError>) {
        let before = self.status.swap(now as u8, Ordering::Relaxed);
        if before == now as u8 {
            return;
        }
        match now {
            Status::Up if before == Status::Down as u8 => {
                info!("redis reachable again: state shared across instances")
            }
            Status::Up => info!("redis connected: state shared across instances"),
            Status::Down => warn!(
                cause = cause
                    .map(|e| format!("{:?}", e.kind()))
                    .as_deref()
                    .unwrap_or("timed out"),
                "redis unreachable: dedupe, limits and conversations fall back to this instance"
            ),
            Status::Starting => {}
        }
    }

    fn connection(&self) -> Option<ConnectionManager> {
        self.connection.read().ok().map(|c| c.clone())
    }

    /// Runs `cmd` within [`OP_TIMEOUT`]; fails at once while Redis is down. A transport failure
    /// or a timeout marks Redis down (the probe brings it back); a reply error (a full Redis
    /// refusing a write, a wrong type) fails this call only.
    async fn run<T: FromRedisValue>(&self, cmd: Op<'_>) -> Result<T, Unavailable> {
        if self.status() == Status::Down {
            return Err(Unavailable);
        }
        let mut connection = self.connection().ok_or(Unavailable)?;
        let call = async {
            match cmd {
                Op::Cmd(c) => c.query_async(&mut connection).await,
                Op::Pipe(p) => p.query_async(&mut connection).await,
            }
        };
        match tokio::time::timeout(OP_TIMEOUT, call).await {
            Ok(Ok(value)) => {
                if self.status() == Status::Starting {
                    self.set_status(Status::Up, None);
                }
                Ok(value)
            }
            Ok(Err(err)) => {
                if is_transport(&err) {
                    self.set_status(Status::Down, Some(&err));
                }
                Err(Unavailable)
            }
            Err(_) => {
                self.set_status(Status::Down, None);
                Err(Unavailable)
            }
        }
    }

    /// What a webhook needs before it can answer, in one pipelined round trip: the claim of
    /// `sid` (`SET NX GET`, atomic: the first instance to claim it answers; skipped when `sid`
    /// is empty), storing `claim`'s value (the answer's id when the caller knows it already,
    /// else empty: in flight) for `claim`'s time, and
    /// `sender`'s stored conversation, its TTL renewed to `conversation_ttl` (`GETEX`) so that
    /// a conversation the message does not change needs no write afterwards.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn claim_and_recall(
        &self,
        sid: &str,
        claim: (&str, Duration),
        sender: SenderId,
        conversation_ttl: Duration,
    ) -> Result<(Option<SidClaim>, Option<String>), Unavailable> {
        // Sized up front: this pipeline is built on every webhook.
        let mut pipe = redis::Pipeline::with_capacity(2);
        if !sid.is_empty() {
            pipe.add_command(redis::Cmd::with_capacity(7, 160))
                .arg("SET")
                .arg(sid_key(sid))
                .arg(claim.0)
                .arg("NX")
                .arg("EX")
                .arg(claim.1.as_secs().max(1))
                .arg("GET");
        }
        pipe.add_command(redis::Cmd::with_capacity(4, 64))
            .arg("GETEX")
            .arg(conversation_key(sender))
            .arg("EX")
            .arg(conversation_ttl.as_secs().max(1));
        if sid.is_empty() {
            let (conversation,): (Option<String>,) = self.run(Op::Pipe(&pipe)).await?;
            return Ok((None, conversation));
        }
        let (before, conversation): (Option<String>, Option<String>) =
            self.run(Op::Pipe(&pipe)).await?;
        Ok((Some(claim_of(before)), conversation))
    }

    /// What a webhook writes once it has answered, in one pipeline, if anything: `sender`'s
    /// conversation (see [`Write`]) for `ttl`, and, for a `sid` this instance claimed without
    /// the right answer's id, that id for `done_ttl`. Nothing to write: no round trip.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn after_answer(
        &self,
        sender: SenderId,
        conversation: &Write,
        ttl: Duration,
        done: Option<(&str, &str)>,
        done_ttl: Duration,
    ) -> Result<(), Unavailable> {
        let mut pipe = redis::pipe();
        match conversation {
            Write::Keep => {}
            Write::Set(value) => {
                pipe.cmd("SET")
                    .arg(conversation_key(sender))
                    .arg(value)
                    .arg("EX")
                    .arg(ttl.as_secs().max(1))
                    .ignore();
            }
            Write::Delete => {
                pipe.cmd("DEL").arg(conversation_key(sender)).ignore();
            }
        }
        if let Some((sid, answer_id)) = done {
            pipe.cmd("SET")
                .arg(sid_key(sid))
                .arg(answer_id)
                .arg("EX")
                .arg(done_ttl.as_secs().max(1))
                .ignore();
        }
        if pipe.cmd_iter().next().is_none() {
            return Ok(());
        }
        self.run::<()>(Op::Pipe(&pipe)).await
    }

    /// The stored conversation of `sender`, as `conversation` wrote it.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn conversation(&self, sender: SenderId) -> Result<Option<String>, Unavailable> {
        let mut cmd = redis::cmd("GET");
        cmd.arg(conversation_key(sender));
        self.run(Op::Cmd(&cmd)).await
    }

    /// Stores `sender`'s conversation for `ttl` (`None`: forgets it at once).
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn keep_conversation(
        &self,
        sender: SenderId,
        value: Option<&str>,
        ttl: Duration,
    ) -> Result<(), Unavailable> {
        let mut cmd;
        match value {
            Some(value) => {
                cmd = redis::cmd("SET");
                cmd.arg(conversation_key(sender))
                    .arg(value)
                    .arg("EX")
                    .arg(ttl.as_secs().max(1));
            }
            None => {
                cmd = redis::cmd("DEL");
                cmd.arg(conversation_key(sender));
            }
        }
        self.run::<()>(Op::Cmd(&cmd)).await
    }

    /// A Gemini answer some instance cached under `digest`, with the time it has left (one
    /// round trip: `GET` and `PTTL` pipelined), so that this instance's copy expires with it.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn cached_answer(
        &self,
        digest: &str,
    ) -> Result<Option<(String, Duration)>, Unavailable> {
        let key = answer_key(digest);
        let mut pipe = redis::pipe();
        pipe.cmd("GET").arg(key).cmd("PTTL").arg(key);
        let (text, left): (Option<String>, i64) = self.run(Op::Pipe(&pipe)).await?;
        // PTTL is -2 when the key is gone between the two, -1 without expiry (never written so).
        Ok(text.map(|t| (t, Duration::from_millis(u64::try_from(left).unwrap_or(0)))))
    }

    /// Caches a Gemini answer under `digest` for `ttl`, for every instance.
    ///
    /// # Errors
    /// Redis could not be used (or refused the write: a full `noeviction` Redis).
    pub async fn keep_answer(
        &self,
        digest: &str,
        text: &str,
        ttl: Duration,
    ) -> Result<(), Unavailable> {
        let mut cmd = redis::cmd("SET");
        cmd.arg(answer_key(digest))
            .arg(text)
            .arg("EX")
            .arg(ttl.as_secs().max(1));
        self.run::<()>(Op::Cmd(&cmd)).await
    }
}

/// What to do with a stored conversation after an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Unchanged (its TTL was renewed when it was read).
    Keep,
    Set(String),
    /// The person asked to be forgotten.
    Delete,
}

/// What `SET NX GET` returned, as a claim: nothing before, an empty mark (in flight), or an id.
fn claim_of(before: Option<String>) -> SidClaim {
    match before {
        None => SidClaim::New,
        Some(id) if id.is_empty() => SidClaim::InFlight,
        Some(id) => SidClaim::Done(id),
    }
}

/// One command or a pipeline of several.
enum Op<'a> {
    Cmd(&'a redis::Cmd),
    Pipe(&'a redis::Pipeline),
}

/// Failures that say the connection, not the command, is the problem.
fn is_transport(err: &redis::RedisError) -> bool {
    err.is_io_error()
        || err.is_timeout()
        || err.is_connection_dropped()
        || err.is_connection_refusal()
        || err.is_unrecoverable_error()
}

/// A client for `url` (already validated by `config`). For `rediss://`, the server's certificate
/// is checked against `ca` (`REDIS_CA_FILE`) when given, else against the public web roots.
///
/// # Errors
/// The URL or the certificates cannot be used (the message contains neither).
pub fn client(url: &SecretString, ca: Option<&Pem>) -> anyhow::Result<Client> {
    let client = match ca {
        None => Client::open(url.expose_secret()),
        Some(pem) => Client::build_with_tls(
            url.expose_secret(),
            redis::TlsCertificates {
                client_tls: None,
                root_cert: Some(pem.0.clone()),
            },
        ),
    };
    client.map_err(|e| anyhow::anyhow!("REDIS_URL cannot be used ({:?})", e.kind()))
}

fn connect(client: &Client) -> anyhow::Result<ConnectionManager> {
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(PROBE_TIMEOUT))
        // No second timer per call: every call is already bounded by its caller (`Redis::run`
        // by OP_TIMEOUT, the probe by PROBE_TIMEOUT).
        .set_response_timeout(None)
        // The probe is the retry loop: a manager that gave up is replaced.
        .set_number_of_retries(1);
    ConnectionManager::new_lazy_with_config(client.clone(), config)
        .map_err(|e| anyhow::anyhow!("redis client ({:?})", e.kind()))
}

/// Probes Redis until the [`Redis`] is dropped: `PING` at once, then every [`PROBE_INTERVAL`].
async fn probe(redis: Weak<Redis>) {
    loop {
        let Some(redis) = redis.upgrade() else {
            return;
        };
        let connection = redis.connection();
        let ping = async move {
            let mut connection = connection?;
            redis::cmd("PING")
                .query_async::<String>(&mut connection)
                .await
                .ok()
        };
        match tokio::time::timeout(PROBE_TIMEOUT, ping).await {
            Ok(Some(_)) => redis.set_status(Status::Up, None),
            _ => {
                redis.set_status(Status::Down, None);
                // A fresh manager, so that a connection that died (or never came) is not kept.
                if let (Ok(fresh), Ok(mut slot)) =
                    (connect(&redis.client), redis.connection.write())
                {
                    *slot = fresh;
                }
            }
        }
        drop(redis);
        tokio::time::sleep(PROBE_INTERVAL).await;
    }
}

fn sid_key(sid: &str) -> Key<&str> {
    Key("sid:", sid)
}

/// `digest` is `answer_cache::Key::digest`: the question itself never names a key.
fn answer_key(digest: &str) -> Key<&str> {
    Key("answer:", digest)
}

fn conversation_key(sender: SenderId) -> Key<Hex> {
    Key("conv:", sender.hex())
}

/// The sender's token bucket (the shared miss limit).
fn limit_key(sender: SenderId) -> Key<Hex> {
    Key("limit:", sender.hex())
}

/// A key: `PREFIX`, a kind (`"sid:"`, …) and an id. It is written straight into the command
/// it is an argument of, so building one costs no allocation (keys are built on every webhook).
#[derive(Clone, Copy)]
struct Key<T>(&'static str, T);

impl<T: std::fmt::Display> std::fmt::Display for Key<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{PREFIX}{}{}", self.0, self.1)
    }
}

impl<T: std::fmt::Display> redis::ToRedisArgs for Key<T> {
    fn write_redis_args<W: ?Sized + redis::RedisWrite>(&self, out: &mut W) {
        out.write_arg_fmt(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hold_the_hash_never_the_number() {
        let key = conversation_key(SenderId([0xab, 1, 2, 3, 4, 5, 6, 0xff]));
        assert_eq!(key.to_string(), "clara:conv:ab010203040506ff");
        assert_eq!(sid_key("SM1").to_string(), "clara:sid:SM1");
        // As a command's argument, the same bytes.
        let mut cmd = redis::cmd("GET");
        cmd.arg(key);
        assert_eq!(
            cmd.args_iter().nth(1),
            Some(redis::Arg::Simple(&b"clara:conv:ab010203040506ff"[..]))
        );
    }
}
