//! Prometheus text-format metrics: requests by route and status, answers by source, latency
//! histograms by route, miss queue depth, build info. A handful of fixed series, so plain atomics
//! serve better than a metrics framework. The counters written per request are kept per thread
//! (`Shard`) and added up when `/metrics` is read: two workers answering at once then never
//! write the same cache line, which on two cores costs more than the counting itself.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

pub use crate::respond::AnswerSource;

/// Where a request went, as a metric label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Webhook,
    Health,
    Static,
    Metrics,
    Chat,
    Other,
}

impl Route {
    const ALL: [Route; 6] = [
        Route::Webhook,
        Route::Health,
        Route::Static,
        Route::Metrics,
        Route::Chat,
        Route::Other,
    ];

    /// The label in `/metrics`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Route::Webhook => "webhook",
            Route::Health => "health",
            Route::Static => "static",
            Route::Metrics => "metrics",
            Route::Chat => "chat",
            Route::Other => "other",
        }
    }
}

/// The sources counted in `clara_answers_total` (a queued message is counted when its answer is
/// sent, under that answer's source).
const COUNTED: [AnswerSource; 4] = [
    AnswerSource::Cache,
    AnswerSource::Guardrail,
    AnswerSource::Fallback,
    AnswerSource::Llm,
];

/// Latency bucket bounds in seconds: the cache path lives in the first buckets.
const BUCKETS: [f64; 12] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5,
];

/// The statuses Clara answers with, counted without a lock; any other goes to
/// `Metrics::other_statuses`.
const STATUSES: [u16; 15] = [
    200, 206, 304, 400, 401, 403, 404, 405, 408, 413, 415, 416, 429, 500, 503,
];

#[derive(Default)]
struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

/// One thread's counters, on cache lines of their own.
#[derive(Default)]
#[repr(align(128))]
struct Shard {
    requests: [[AtomicU64; STATUSES.len()]; Route::ALL.len()],
    answers: [AtomicU64; COUNTED.len()],
    latency: [Histogram; Route::ALL.len()],
}

/// Shards per [`Metrics`]: enough for the runtime's workers on a small instance; further
/// threads share them (still correct, only no longer alone on their cache line).
const SHARDS: usize = 8;

/// The service's counters.
#[derive(Default)]
pub struct Metrics {
    shards: Box<[Shard; SHARDS]>,
    /// Requests answered with a status outside [`STATUSES`] (none today), by route and status.
    other_statuses: Mutex<BTreeMap<(usize, u16), u64>>,
    dead_letters: AtomicU64,
}

/// This thread's shard index, given out in turn the first time a thread counts something.
fn shard_index() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static INDEX: usize = NEXT.fetch_add(1, Ordering::Relaxed) % SHARDS;
    }
    INDEX.with(|i| *i)
}

impl Metrics {
    /// Records one finished request.
    pub fn observe(&self, route: Route, status: u16, elapsed: Duration) {
        let route = route as usize;
        let shard = self.shard();
        match STATUSES.iter().position(|&s| s == status) {
            Some(i) => {
                shard.requests[route][i].fetch_add(1, Ordering::Relaxed);
            }
            None => {
                if let Ok(mut others) = self.other_statuses.lock() {
                    *others.entry((route, status)).or_default() += 1;
                }
            }
        }
        let h = &shard.latency[route];
        let seconds = elapsed.as_secs_f64();
        // One increment, in the first bucket that holds it (the exposition adds them up): one
        // cache line written per request instead of up to twelve.
        if let Some(bucket) = h
            .buckets
            .iter()
            .zip(BUCKETS)
            .find(|(_, bound)| seconds <= *bound)
        {
            bucket.0.fetch_add(1, Ordering::Relaxed);
        }
        h.count.fetch_add(1, Ordering::Relaxed);
        h.sum_micros
            .fetch_add(elapsed.as_micros() as u64, Ordering::Relaxed);
    }

    /// Records an answer given, by source (`cache`, `guardrail`, `fallback`, `llm`).
    pub fn answered(&self, source: AnswerSource) {
        if let Some(i) = COUNTED.iter().position(|&s| s == source) {
            self.shard().answers[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    fn shard(&self) -> &Shard {
        &self.shards[shard_index()]
    }

    /// `read` of every shard, added up.
    fn total(&self, read: impl Fn(&Shard) -> &AtomicU64) -> u64 {
        self.shards
            .iter()
            .map(|shard| read(shard).load(Ordering::Relaxed))
            .sum()
    }

    /// Answers given so far from `source`.
    pub fn answers(&self, source: AnswerSource) -> u64 {
        COUNTED
            .iter()
            .position(|&s| s == source)
            .map_or(0, |i| self.total(|shard| &shard.answers[i]))
    }

    /// Records a reply written to the dead-letter file.
    pub fn dead_lettered(&self) {
        self.dead_letters.fetch_add(1, Ordering::Relaxed);
    }

    /// Replies written to the dead-letter file so far.
    pub fn dead_letters(&self) -> u64 {
        self.dead_letters.load(Ordering::Relaxed)
    }

    /// The exposition text.
    pub fn render(&self, queue_depth: usize, version: &str) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP clara_requests_total HTTP requests by route and status.\n# TYPE clara_requests_total counter\n");
        let mut requests = self
            .other_statuses
            .lock()
            .map(|others| others.clone())
            .unwrap_or_default();
        for route in 0..Route::ALL.len() {
            for (i, &status) in STATUSES.iter().enumerate() {
                let n = self.total(|shard| &shard.requests[route][i]);
                if n > 0 {
                    requests.insert((route, status), n);
                }
            }
        }
        for ((route, status), n) in &requests {
            let _ = writeln!(
                out,
                "clara_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                Route::ALL[*route].as_str()
            );
        }
        out.push_str(
            "# HELP clara_answers_total Answers by source.\n# TYPE clara_answers_total counter\n",
        );
        for (i, source) in COUNTED.iter().enumerate() {
            let _ = writeln!(
                out,
                "clara_answers_total{{source=\"{}\"}} {}",
                source.as_str(),
                self.total(|shard| &shard.answers[i])
            );
        }
        out.push_str("# HELP clara_request_duration_seconds Time to answer a request, by route.\n# TYPE clara_request_duration_seconds histogram\n");
        for (r, route) in Route::ALL.iter().map(|r| r.as_str()).enumerate() {
            let mut cumulative = 0;
            for (b, bound) in BUCKETS.iter().enumerate() {
                cumulative += self.total(|shard| &shard.latency[r].buckets[b]);
                let _ = writeln!(
                    out,
                    "clara_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let count = self.total(|shard| &shard.latency[r].count);
            let _ = writeln!(
                out,
                "clara_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "clara_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                self.total(|shard| &shard.latency[r].sum_micros) as f64 / 1e6
            );
            let _ = writeln!(
                out,
                "clara_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP clara_miss_queue_depth Messages waiting for the miss pipeline.\n# TYPE clara_miss_queue_depth gauge\nclara_miss_queue_depth {queue_depth}"
        );
        let _ = writeln!(
            out,
            "# HELP clara_dead_letters_total Replies Twilio would not take, written to the dead-letter file.\n# TYPE clara_dead_letters_total counter\nclara_dead_letters_total {}",
            self.dead_letters.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP clara_build_info Build information.\n# TYPE clara_build_info gauge\nclara_build_info{{version=\"{version}\",answers=\"{}\",audio_files=\"{}\"}} 1",
            crate::kb::answers().len(),
            crate::kb::audio_files().len()
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_every_thread_add_up() {
        let metrics = Metrics::default();
        let ms = Duration::from_millis(1);
        // More threads than shards: some share one, and nothing is lost.
        std::thread::scope(|s| {
            for _ in 0..SHARDS + 3 {
                s.spawn(|| {
                    for _ in 0..100 {
                        metrics.observe(Route::Webhook, 200, ms);
                        metrics.answered(AnswerSource::Cache);
                    }
                });
            }
        });
        metrics.observe(Route::Webhook, 418, ms);
        metrics.observe(Route::Health, 200, ms);
        let text = metrics.render(0, "test");
        let n = (SHARDS + 3) * 100;
        assert!(text.contains(&format!(
            "clara_requests_total{{route=\"webhook\",status=\"200\"}} {n}\n"
        )));
        // A status outside the lock-free list is counted all the same, in order.
        let teapot = "clara_requests_total{route=\"webhook\",status=\"418\"} 1\n";
        let health = "clara_requests_total{route=\"health\",status=\"200\"} 1\n";
        let (at_teapot, at_health) = (text.find(teapot), text.find(health));
        assert!(at_teapot.is_some() && at_health > at_teapot, "{text}");
        assert_eq!(metrics.answers(AnswerSource::Cache), n as u64);
        assert!(text.contains(&format!(
            "clara_request_duration_seconds_count{{route=\"webhook\"}} {}\n",
            n + 1
        )));
        assert!(text.contains(&format!(
            "clara_request_duration_seconds_bucket{{route=\"webhook\",le=\"0.001\"}} {}\n",
            n + 1
        )));
    }
}
