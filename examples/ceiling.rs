//! The ceiling for `scripts/load.sh`: a minimal hyper 1.x server on tokio that answers every
//! request with the same TwiML bytes Clara sends for a cache hit, doing nothing else. Clara's
//! throughput is reported as a ratio to this, measured in the same run.
//!
//! Run: `cargo run --release --example ceiling -- 127.0.0.1:5001`.
//!
//! With `CEILING_WORK_NS` set it also spins that many nanoseconds per request before answering:
//! `scripts/calibrate.sh` uses it to measure what a microsecond of work per request costs the
//! load test's throughput, where the client shares the server's cores.

use std::convert::Infallible;
use std::time::{Duration, Instant};

use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, header};
use hyper_util::rt::TokioIo;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:5001".into());
    let answer = clara::kb::answer_by_id("imv.descripcion.es").expect("compiled answer");
    let body = clara::http::twiml::message(answer, None);
    let work = std::env::var("CEILING_WORK_NS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("ceiling listening on {}", listener.local_addr()?);
    loop {
        let (stream, _) = listener.accept().await?;
        let body = body.clone();
        tokio::spawn(async move {
            let service = service_fn(move |_req| {
                spin(work);
                let mut r = Response::new(Full::new(body.clone()));
                r.headers_mut().insert(
                    header::CONTENT_TYPE,
                    header::HeaderValue::from_static("application/xml"),
                );
                async move { Ok::<_, Infallible>(r) }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Busy for `work` (a calibration load, not a sleep: the CPU is what is being measured).
fn spin(work: Duration) {
    if work.is_zero() {
        return;
    }
    let start = Instant::now();
    while start.elapsed() < work {
        std::hint::spin_loop();
    }
}
