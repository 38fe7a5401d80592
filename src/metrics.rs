//! Prometheus text-format metrics: requests by route and status, answers by source, latency
//! histograms by route, miss queue depth, build info. A handful of fixed series, so plain atomics
//! (and one small map for statuses) serve better than a metrics framework.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
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

#[derive(Default)]
struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

/// The service's counters.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(usize, u16), u64>>,
    answers: [AtomicU64; COUNTED.len()],
    latency: [Histogram; Route::ALL.len()],
    dead_letters: AtomicU64,
}

impl Metrics {
    /// Records one finished request.
    pub fn observe(&self, route: Route, status: u16, elapsed: Duration) {
        let route = route as usize;
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((route, status)).or_default() += 1;
        }
        let h = &self.latency[route];
        let seconds = elapsed.as_secs_f64();
        // One increment, in the first bucket that holds it (the exposition adds them up): one
        // contended cache line per request instead of up to twelve.
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
            self.answers[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Answers given so far from `source`.
    pub fn answers(&self, source: AnswerSource) -> u64 {
        COUNTED
            .iter()
            .position(|&s| s == source)
            .map_or(0, |i| self.answers[i].load(Ordering::Relaxed))
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
        if let Ok(requests) = self.requests.lock() {
            for ((route, status), n) in requests.iter() {
                let _ = writeln!(
                    out,
                    "clara_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                    Route::ALL[*route].as_str()
                );
            }
        }
        out.push_str(
            "# HELP clara_answers_total Answers by source.\n# TYPE clara_answers_total counter\n",
        );
        for (source, n) in COUNTED.iter().zip(&self.answers) {
            let _ = writeln!(
                out,
                "clara_answers_total{{source=\"{}\"}} {}",
                source.as_str(),
                n.load(Ordering::Relaxed)
            );
        }
        out.push_str("# HELP clara_request_duration_seconds Time to answer a request, by route.\n# TYPE clara_request_duration_seconds histogram\n");
        for (route, h) in Route::ALL.iter().map(|r| r.as_str()).zip(&self.latency) {
            let mut cumulative = 0;
            for (bucket, bound) in h.buckets.iter().zip(BUCKETS) {
                cumulative += bucket.load(Ordering::Relaxed);
                let _ = writeln!(
                    out,
                    "clara_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let count = h.count.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "clara_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "clara_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum_micros.load(Ordering::Relaxed) as f64 / 1e6
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
