//! Twilio retries a webhook it thinks failed, with the same `MessageSid`. A retry within
//! [`TTL`] gets the first response again and never runs the pipeline twice. Bounded: at most
//! [`CAPACITY`] ids, the oldest forgotten first.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::twiml::Sent;

/// How long a `MessageSid` is remembered.
pub const TTL: Duration = Duration::from_secs(10 * 60);

/// How many ids are remembered at most: far above 10 minutes of a free instance's traffic.
pub const CAPACITY: usize = 20_000;

/// The outcome of claiming a `MessageSid`.
#[derive(Debug, Clone, Copy)]
pub enum Claim {
    /// First time: process it, then [`Dedupe::complete`].
    New,
    /// Seen and answered with this compiled answer (and maybe its note): send it again.
    Done(Sent),
    /// Seen and still being answered: the first request will answer.
    InFlight,
}

struct Inner {
    /// id's hash → what was sent (`None` while in flight). The answer, not the response
    /// bytes: every webhook response is a compiled answer (with or without its note) rendered
    /// the same way, so a retry gets it again and an entry costs 16 bytes instead of a kilobyte
    /// of TwiML.
    answers: HashMap<u64, Option<Sent>>,
    /// Claim order, for expiry and the capacity bound.
    order: VecDeque<(Instant, u64)>,
}

/// Remembers recent `MessageSid`s and what they were answered. Ids are kept as 64-bit keyed
/// hashes in tables sized for [`CAPACITY`] at start-up (about 0.6 MB), so claiming one allocates
/// nothing; two ids would have to collide on 64 bits for a new message to be taken for a retry
/// (about one chance in 10¹² at the cap).
pub struct Dedupe {
    inner: Mutex<Inner>,
    /// Random per process.
    hasher: RandomState,
}

impl Default for Dedupe {
    fn default() -> Dedupe {
        Dedupe {
            inner: Mutex::new(Inner {
                answers: HashMap::with_capacity(CAPACITY + 1),
                order: VecDeque::with_capacity(CAPACITY + 1),
            }),
            hasher: RandomState::new(),
        }
    }
}

impl Dedupe {
    /// Claims `sid` at `now`.
    pub fn claim(&self, sid: &str, now: Instant) -> Claim {
        let key = self.hasher.hash_one(sid);
        let Ok(mut inner) = self.inner.lock() else {
            return Claim::New;
        };
        while let Some((at, _)) = inner.order.front() {
            if now.duration_since(*at) < TTL && inner.order.len() < CAPACITY {
                break;
            }
            if let Some((_, old)) = inner.order.pop_front() {
                inner.answers.remove(&old);
            }
        }
        match inner.answers.get(&key) {
            Some(Some(sent)) => Claim::Done(*sent),
            Some(None) => Claim::InFlight,
            None => {
                inner.answers.insert(key, None);
                inner.order.push_back((now, key));
                Claim::New
            }
        }
    }

    /// Stores what a claimed `sid` was sent.
    pub fn complete(&self, sid: &str, sent: Sent) {
        let key = self.hasher.hash_one(sid);
        if let Ok(mut inner) = self.inner.lock()
            && let Some(slot) = inner.answers.get_mut(&key)
        {
            *slot = Some(sent);
        }
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.inner.lock().map_or(0, |i| i.answers.len())
    }

    /// Whether no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retry_gets_the_same_response_until_it_expires() {
        let d = Dedupe::default();
        let t0 = Instant::now();
        let answer = crate::kb::answer_by_id("imv.descripcion.es").unwrap();
        assert!(matches!(d.claim("SM1", t0), Claim::New));
        assert!(matches!(d.claim("SM1", t0), Claim::InFlight));
        d.complete(
            "SM1",
            Sent {
                answer,
                note: Some(crate::kb::Note::Elsewhere),
            },
        );
        assert!(matches!(
            d.claim("SM1", t0 + Duration::from_secs(60)),
            Claim::Done(Sent { answer: a, note: Some(crate::kb::Note::Elsewhere) }) if std::ptr::eq(a, answer)
        ));
        assert!(matches!(
            d.claim("SM1", t0 + TTL + Duration::from_secs(1)),
            Claim::New
        ));
    }

    #[test]
    fn memory_is_bounded() {
        let d = Dedupe::default();
        let t0 = Instant::now();
        for i in 0..CAPACITY + 100 {
            d.claim(&format!("SM{i}"), t0);
        }
        assert!(d.len() <= CAPACITY);
    }
}
