//! A token bucket per sender for misses: protects the Gemini quota from one person (or one
//! script) sending a flood. Bounded: at most [`MAX_SENDERS`] buckets; full buckets are forgotten.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The refill window: `capacity` misses per this much time.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);

/// More senders than this in one window means a flood; the oldest full buckets are dropped.
pub const MAX_SENDERS: usize = 50_000;

/// Per-sender token buckets.
pub struct RateLimiter {
    capacity: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    /// `capacity` misses per [`WINDOW`] per sender.
    pub fn new(capacity: u32) -> RateLimiter {
        RateLimiter {
            capacity: f64::from(capacity),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `sender` (a keyed hash, not a phone number); false when none is left.
    pub fn allow(&self, sender: &str, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        let rate = self.capacity / WINDOW.as_secs_f64();
        if buckets.len() >= MAX_SENDERS {
            let capacity = self.capacity;
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < capacity
            });
        }
        let (tokens, at) = buckets
            .entry(sender.to_string())
            .or_insert((self.capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(self.capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_per_ten_minutes_then_refills() {
        let limiter = RateLimiter::new(10);
        let t0 = Instant::now();
        assert!((0..10).all(|_| limiter.allow("a", t0)));
        assert!(!limiter.allow("a", t0));
        assert!(limiter.allow("b", t0), "buckets are per sender");
        assert!(
            limiter.allow("a", t0 + WINDOW / 10),
            "one token back after a tenth of the window"
        );
        assert!(!limiter.allow("a", t0 + WINDOW / 10));
    }
}
