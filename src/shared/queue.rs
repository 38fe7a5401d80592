//! The durable miss queue: a Redis Stream (`clara:misses`) read through one consumer group, so
//! that a miss accepted by any instance survives that instance.
//!
//! - A miss is added and, in the same script, read by the instance that took the webhook (it
//!   sits in that instance's pending list while its own worker answers it). The entry holds the
//!   redacted question, the language, the sender's keyed hash and the `MessageSid`; never the
//!   phone number (the instance that claims an orphan reads it back from Twilio, as
//!   `clara redeliver` does).
//! - A worker touches its entry while it works, and acknowledges and deletes it once the reply is
//!   delivered or dead-lettered ([`Redis::settle`]).
//! - An entry left pending longer than `MISS_CLAIM_AFTER` (its instance died or hangs) is
//!   claimed by a live instance ([`Redis::reclaim`], `XAUTOCLAIM`).
//! - Delivery is recorded per message part in an outbox ([`Outbox`]): the reply decided for a
//!   `MessageSid` and how many of its parts Twilio took. An instance that claims a job delivers
//!   the same reply from the first part not yet taken, so it never sends a part twice (the
//!   crash window between Twilio taking a part and the mark is the at-least-once boundary,
//!   docs/RELIABILITY.md).

use std::time::Duration;

use super::{Key, Op, Redis, Unavailable, limit_key};
use crate::observability::SenderId;

/// The stream of queued misses.
const STREAM: &str = "clara:misses";

/// The consumer group every instance reads the stream through.
const GROUP: &str = "workers";

/// The most orphans taken per claim.
const CLAIM_BATCH: usize = 16;

/// How long an outbox outlives its job: long enough for a retry of the same job, short enough
/// that replies do not accumulate.
const OUTBOX_TTL: Duration = Duration::from_secs(24 * 3600);

/// What [`Redis::admit`] did with a miss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admit {
    /// Queued durably under this stream entry id, pending on this instance.
    Queued(String),
    /// The sender has used up their misses (the shared limit): not queued.
    Limited,
}

/// A reply decided for a `MessageSid`, and how many of its parts Twilio has taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbox {
    pub body: String,
    pub media_url: Option<String>,
    /// Where the reply came from ([`crate::respond::AnswerSource::as_str`]), for the metrics.
    pub source: String,
    pub parts_sent: usize,
}

/// Takes a token from the sender's bucket and, when one was left, queues the job. The bucket is
/// the same token bucket as `miss::rate_limit` (a hash {t: tokens, at: seconds}), on Redis's
/// own clock (`TIME`), so instances with skewed clocks share one bucket; an idle bucket
/// expires after a window (it would be full). The job is queued with `XADD` then `XREADGROUP`, so the
/// new entry is pending on this instance before anyone else can read it (nothing else ever
/// leaves an entry unread). The group is created if Redis lost it (a restart without disk).
/// `KEYS`: bucket, stream. `ARGV`: capacity, window, group, consumer, job.
const ADMIT: &str = r"
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local b = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * cap / window)
if tokens < 1 then
  return false
end
redis.call('HSET', KEYS[1], 't', tostring(tokens - 1), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], window)
redis.pcall('XGROUP', 'CREATE', KEYS[2], ARGV[3], '$', 'MKSTREAM')
local id = redis.call('XADD', KEYS[2], '*', 'job', ARGV[5])
redis.call('XREADGROUP', 'GROUP', ARGV[3], ARGV[4], 'COUNT', 100, 'STREAMS', KEYS[2], '>')
return id
";

/// Resets the idle time of an entry, only while this consumer still owns it (a plain `XCLAIM`
/// would take it back from an instance that claimed it meanwhile). 1: still ours.
/// `KEYS`: stream. `ARGV`: group, consumer, id.
const TOUCH: &str = r"
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1, ARGV[2])
if #p == 0 then
  return 0
end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1
";

/// `XAUTOCLAIM` of the entries idle longer than `ARGV[3]` ms, the group created first if Redis
/// lost it. Replies [next cursor, [[id, [field, value, …]], …], deleted ids].
/// `KEYS`: stream. `ARGV`: group, consumer, idle, count.
const RECLAIM: &str = r"
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '$', 'MKSTREAM')
return redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4])
";

impl Redis {
    /// The shared limit and the durable queue in one round trip (the `ADMIT` script): a token
    /// from `sender`'s bucket, then `job` added to the stream, pending on this instance.
    ///
    /// # Errors
    /// Redis could not be used: the caller queues the job in this process only.
    pub async fn admit(
        &self,
        sender: SenderId,
        capacity: u32,
        window: Duration,
        job: &str,
    ) -> Result<Admit, Unavailable> {
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(ADMIT)
            .arg(2)
            .arg(limit_key(sender))
            .arg(STREAM)
            .arg(capacity)
            .arg(window.as_secs().max(1))
            .arg(GROUP)
            .arg(&self.consumer)
            .arg(job);
        let id: Option<String> = self.run(Op::Cmd(&cmd)).await?;
        Ok(id.map_or(Admit::Limited, Admit::Queued))
    }

    /// Keeps `entry` from being claimed by another instance while this one works on it.
    /// `Ok(false)`: another instance has claimed it (this one stalled too long).
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn touch(&self, entry: &str) -> Result<bool, Unavailable> {
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(TOUCH)
            .arg(1)
            .arg(STREAM)
            .arg(GROUP)
            .arg(&self.consumer)
            .arg(entry);
        let ours: i64 = self.run(Op::Cmd(&cmd)).await?;
        Ok(ours == 1)
    }

    /// Claims for this instance the entries pending longer than `idle` (their instance died or
    /// hangs): each entry's id and job. Entries whose job was deleted are dropped by Redis.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn reclaim(&self, idle: Duration) -> Result<Vec<(String, String)>, Unavailable> {
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(RECLAIM)
            .arg(1)
            .arg(STREAM)
            .arg(GROUP)
            .arg(&self.consumer)
            .arg(u64::try_from(idle.as_millis()).unwrap_or(u64::MAX))
            .arg(CLAIM_BATCH);
        let reply: redis::Value = self.run(Op::Cmd(&cmd)).await?;
        Ok(claimed_entries(reply))
    }

    /// The job is finished (delivered or dead-lettered): acknowledged and deleted, with its
    /// outbox, in one transaction.
    ///
    /// # Errors
    /// Redis could not be used: the entry stays pending and is claimed again later; its outbox
    /// says every part was sent, so nothing is sent twice.
    pub async fn settle(&self, entry: &str, message_sid: &str) -> Result<(), Unavailable> {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("XACK")
            .arg(STREAM)
            .arg(GROUP)
            .arg(entry)
            .ignore()
            .cmd("XDEL")
            .arg(STREAM)
            .arg(entry)
            .ignore()
            .cmd("DEL")
            .arg(outbox_key(message_sid))
            .ignore();
        self.run::<()>(Op::Pipe(&pipe)).await
    }

    /// The reply already decided for `message_sid`, if any.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn outbox(&self, message_sid: &str) -> Result<Option<Outbox>, Unavailable> {
        let mut cmd = redis::cmd("HMGET");
        cmd.arg(outbox_key(message_sid))
            .arg("body")
            .arg("media")
            .arg("source")
            .arg("sent");
        type Fields = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<usize>,
        );
        let (body, media, source, sent): Fields = self.run(Op::Cmd(&cmd)).await?;
        Ok(body.map(|body| Outbox {
            body,
            media_url: media.filter(|m| !m.is_empty()),
            source: source.unwrap_or_default(),
            parts_sent: sent.unwrap_or(0),
        }))
    }

    /// Records the reply decided for `message_sid` before its first part is sent. The first
    /// decision stays (`HSETNX`): a claimed job delivers what was decided, not a new answer.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn keep_outbox(
        &self,
        message_sid: &str,
        body: &str,
        media_url: Option<&str>,
        source: &str,
    ) -> Result<(), Unavailable> {
        let key = outbox_key(message_sid);
        let mut pipe = redis::pipe();
        pipe.atomic();
        for (field, value) in [
            ("body", body),
            ("media", media_url.unwrap_or("")),
            ("source", source),
        ] {
            pipe.cmd("HSETNX").arg(key).arg(field).arg(value).ignore();
        }
        pipe.cmd("EXPIRE")
            .arg(key)
            .arg(OUTBOX_TTL.as_secs())
            .ignore();
        self.run::<()>(Op::Pipe(&pipe)).await
    }

    /// Marks the first `parts` parts of `message_sid`'s reply as taken by Twilio.
    ///
    /// # Errors
    /// Redis could not be used.
    pub async fn mark_sent(&self, message_sid: &str, parts: usize) -> Result<(), Unavailable> {
        let mut cmd = redis::cmd("HSET");
        cmd.arg(outbox_key(message_sid)).arg("sent").arg(parts);
        self.run::<()>(Op::Cmd(&cmd)).await
    }
}

fn outbox_key(message_sid: &str) -> Key<&str> {
    Key("out:", message_sid)
}

/// The `(id, job)` pairs of an `XAUTOCLAIM` reply; entries without a `job` field are skipped.
fn claimed_entries(reply: redis::Value) -> Vec<(String, String)> {
    use redis::Value;
    let Value::Array(parts) = reply else {
        return Vec::new();
    };
    let Some(Value::Array(entries)) = parts.into_iter().nth(1) else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|entry| {
            let Value::Array(entry) = entry else {
                return None;
            };
            let mut entry = entry.into_iter();
            let id: String = redis::from_redis_value(entry.next()?).ok()?;
            let fields: Vec<String> = redis::from_redis_value(entry.next()?).ok()?;
            let job = fields
                .chunks(2)
                .find(|kv| kv.first().is_some_and(|k| k == "job"))
                .and_then(|kv| kv.get(1).cloned())?;
            Some((id, job))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use redis::Value;

    use super::*;

    fn bulk(s: &str) -> Value {
        Value::BulkString(s.as_bytes().to_vec())
    }

    #[test]
    fn a_claim_reply_gives_each_entry_and_its_job() {
        let reply = Value::Array(vec![
            bulk("0-0"),
            Value::Array(vec![
                Value::Array(vec![
                    bulk("1-0"),
                    Value::Array(vec![bulk("job"), bulk("{\"a\":1}")]),
                ]),
                // Deleted meanwhile (Redis 6.2 answers nil fields, through Lua `false`): skipped.
                Value::Array(vec![bulk("2-0"), Value::Nil]),
                Value::Array(vec![
                    bulk("3-0"),
                    Value::Array(vec![bulk("other"), bulk("x")]),
                ]),
            ]),
            Value::Array(vec![]),
        ]);
        assert_eq!(
            claimed_entries(reply),
            vec![("1-0".to_string(), "{\"a\":1}".to_string())]
        );
        assert!(claimed_entries(Value::Nil).is_empty());
    }

    #[test]
    fn the_outbox_key_names_the_message_not_the_person() {
        assert_eq!(outbox_key("SM1").to_string(), "clara:out:SM1");
    }
}
