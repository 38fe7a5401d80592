//! A token bucket per sender for misses: protects the Gemini quota (and the Twilio bill) from one
//! person or one script sending a flood. Checked by the webhook before a job is queued, so a
//! sender over the limit never takes a place in the shared queue.
//!
//! Bounded for real: at most [`MAX_SENDERS`] buckets in an LRU, so each call is O(1) and the
//! least recently seen sender is forgotten first. A forgotten sender starts again with a full
//! bucket, which only a flood of more than `MAX_SENDERS` distinct senders can cause.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lru::LruCache;

use crate::observability::SenderId;

/// The refill window: `capacity` misses per this much time.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);

/// Senders remembered at once (~50 bytes each: ~2.5 MB at the cap).
pub const MAX_SENDERS: usize = 50_000;

/// A sender's tokens and when they were last counted.
#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Per-sender token buckets.
pub struct RateLimiter {
    capacity: f64,
    buckets: Mutex<LruCache<SenderId, Bucket>>,
}

impl RateLimiter {
    /// `capacity` misses per [`WINDOW`] per sender, remembering up to [`MAX_SENDERS`] senders.
    pub fn new(capacity: u32) -> RateLimiter {
        RateLimiter::with_senders(capacity, MAX_SENDERS)
    }

    /// As [`RateLimiter::new`], remembering up to `senders` senders.
    pub fn with_senders(capacity: u32, senders: usize) -> RateLimiter {
        RateLimiter {
            capacity: f64::from(capacity),
            buckets: Mutex::new(LruCache::new(
                NonZeroUsize::new(senders).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }

    /// Takes a token for `sender`; false when none is left.
    pub fn allow(&self, sender: SenderId, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        let rate = self.capacity / WINDOW.as_secs_f64();
        let capacity = self.capacity;
        let bucket = buckets.get_or_insert_mut(sender, || Bucket {
            tokens: capacity,
            at: now,
        });
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Senders remembered now.
    pub fn len(&self) -> usize {
        self.buckets.lock().map_or(0, |b| b.len())
    }

    /// Whether no sender is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender(n: u64) -> SenderId {
        SenderId(n.to_le_bytes())
    }

    #[test]
    fn ten_per_ten_minutes_then_refills() {
        let limiter = RateLimiter::new(10);
        let (a, b) = (sender(1), sender(2));
        let t0 = Instant::now();
        assert!((0..10).all(|_| limiter.allow(a, t0)));
        assert!(!limiter.allow(a, t0));
        assert!(limiter.allow(b, t0), "buckets are per sender");
        assert!(
            limiter.allow(a, t0 + WINDOW / 10),
            "one token back after a tenth of the window"
        );
        assert!(!limiter.allow(a, t0 + WINDOW / 10));
    }

    #[test]
    fn memory_is_bounded_and_a_flood_does_not_free_the_flooder() {
        let limiter = RateLimiter::with_senders(2, 1000);
        let t0 = Instant::now();
        let flooder = sender(u64::MAX);
        assert!(limiter.allow(flooder, t0) && limiter.allow(flooder, t0));
        // 100 000 distinct senders (each with tokens left, which the old clean-up never
        // removed): the table stays at its cap.
        for n in 0..100_000 {
            limiter.allow(sender(n), t0);
            // The flooder keeps writing, so stays among the most recent and stays limited.
            if n % 100 == 0 {
                assert!(!limiter.allow(flooder, t0), "at sender {n}");
            }
        }
        assert_eq!(limiter.len(), 1000);
    }
}
