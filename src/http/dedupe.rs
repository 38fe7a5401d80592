//! Twilio retries a webhook it thinks failed, with the same `MessageSid`. A retry within
//! [`TTL`] gets the first response again and never runs the pipeline twice. Bounded: at most
//! [`CAPACITY`] ids, the oldest forgotten first.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use bytes::Bytes;

/// How long a `MessageSid` is remembered.
pub const TTL: Duration = Duration::from_secs(10 * 60);

/// How many ids are remembered at most: far above 10 minutes of a free instance's traffic.
pub const CAPACITY: usize = 20_000;

/// The outcome of claiming a `MessageSid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// First time: process it, then [`Dedupe::complete`].
    New,
    /// Seen and answered: send this again.
    Done(Bytes),
    /// Seen and still being answered: the first request will answer.
    InFlight,
}

#[derive(Default)]
struct Inner {
    /// id → response (`None` while in flight).
    responses: HashMap<String, Option<Bytes>>,
    /// Claim order, for expiry and the capacity bound.
    order: VecDeque<(Instant, String)>,
}

/// Remembers recent `MessageSid`s and their responses.
#[derive(Default)]
pub struct Dedupe {
    inner: Mutex<Inner>,
}

impl Dedupe {
    /// Claims `sid` at `now`.
    pub fn claim(&self, sid: &str, now: Instant) -> Claim {
        let Ok(mut inner) = self.inner.lock() else {
            return Claim::New;
        };
        while let Some((at, _)) = inner.order.front() {
            if now.duration_since(*at) < TTL && inner.order.len() < CAPACITY {
                break;
            }
            if let Some((_, old)) = inner.order.pop_front() {
                inner.responses.remove(&old);
            }
        }
        match inner.responses.get(sid) {
            Some(Some(bytes)) => Claim::Done(bytes.clone()),
            Some(None) => Claim::InFlight,
            None => {
                inner.responses.insert(sid.to_string(), None);
                inner.order.push_back((now, sid.to_string()));
                Claim::New
            }
        }
    }

    /// Stores the response of a claimed `sid`.
    pub fn complete(&self, sid: &str, response: Bytes) {
        if let Ok(mut inner) = self.inner.lock()
            && let Some(slot) = inner.responses.get_mut(sid)
        {
            *slot = Some(response);
        }
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.inner.lock().map_or(0, |i| i.responses.len())
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
        assert_eq!(d.claim("SM1", t0), Claim::New);
        assert_eq!(d.claim("SM1", t0), Claim::InFlight);
        d.complete("SM1", Bytes::from_static(b"<Response/>"));
        assert_eq!(
            d.claim("SM1", t0 + Duration::from_secs(60)),
            Claim::Done(Bytes::from_static(b"<Response/>"))
        );
        assert_eq!(
            d.claim("SM1", t0 + TTL + Duration::from_secs(1)),
            Claim::New
        );
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
