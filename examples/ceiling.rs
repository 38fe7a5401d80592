//! The ceiling for `scripts/load.sh`: a minimal hyper 1.x server on tokio that answers every
//! request with the same TwiML bytes Clara sends for a cache hit, doing nothing else. Clara's
//! throughput is reported as a ratio to this, measured in the same run.
//!
//! Run: `cargo run --release --example ceiling -- 127.0.0.1:5001`.
//!
//! `scripts/calibrate.sh` also runs it with one cost of Clara's added, to measure what that cost
//! alone does to the load test's throughput (the client shares the server's cores):
//! - `CEILING_WORK_NS`: spins that many nanoseconds per request before answering;
//! - `CEILING_READ_BODY=1`: reads the request's body first (every webhook has to);
//! - `CEILING_REDIS_URL`: reads the body, then makes one pipelined round trip to Redis like a
//!   signed cache hit's with `REDIS_URL` (a `SET … NX EX … GET` claim and a `GETEX`).
//!
//! Without any of them the server is exactly the bare one.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, header};
use hyper_util::rt::TokioIo;
use redis::aio::ConnectionManager;

/// The one cost added to the bare server, from the environment.
#[derive(Clone)]
enum Added {
    Nothing,
    Work(Duration),
    ReadBody,
    Redis(ConnectionManager, Arc<AtomicU64>),
}

impl Added {
    async fn from_env() -> Result<Added, Box<dyn std::error::Error>> {
        if let Ok(url) = std::env::var("CEILING_REDIS_URL") {
            let client = redis::Client::open(url)?;
            return Ok(Added::Redis(
                ConnectionManager::new(client).await?,
                Arc::new(AtomicU64::new(0)),
            ));
        }
        if std::env::var("CEILING_READ_BODY").is_ok_and(|v| v == "1") {
            return Ok(Added::ReadBody);
        }
        Ok(std::env::var("CEILING_WORK_NS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(Added::Nothing, |ns| Added::Work(Duration::from_nanos(ns))))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:5001".into());
    let answer = clara::kb::answer_by_id("imv.descripcion.es").expect("compiled answer");
    let body = clara::http::twiml::message(answer, None);
    let added = Added::from_env().await?;
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("ceiling listening on {}", listener.local_addr()?);
    loop {
        let (stream, _) = listener.accept().await?;
        let io = TokioIo::new(stream);
        let body = body.clone();
        // One service per kind, so that the bare server's stays exactly the bare one.
        match added.clone() {
            Added::Nothing => serve(io, move |_req| {
                let r = twiml(body.clone());
                async move { Ok::<_, Infallible>(r) }
            }),
            Added::Work(work) => serve(io, move |_req| {
                spin(work);
                let r = twiml(body.clone());
                async move { Ok::<_, Infallible>(r) }
            }),
            Added::ReadBody => serve(io, move |req| {
                let body = body.clone();
                async move {
                    read(req).await;
                    Ok::<_, Infallible>(twiml(body))
                }
            }),
            Added::Redis(connection, next) => serve(io, move |req| {
                let (body, mut connection) = (body.clone(), connection.clone());
                let n = next.fetch_add(1, Ordering::Relaxed);
                async move {
                    read(req).await;
                    claim_and_recall(&mut connection, n).await;
                    Ok::<_, Infallible>(twiml(body))
                }
            }),
        }
    }
}

/// Serves one connection on its own task with `service`.
fn serve<S, F>(io: TokioIo<tokio::net::TcpStream>, service: S)
where
    S: Fn(Request<Incoming>) -> F + Send + 'static,
    F: Future<Output = Result<Response<Full<Bytes>>, Infallible>> + Send + 'static,
{
    tokio::spawn(async move {
        let _ = http1::Builder::new()
            .serve_connection(io, service_fn(service))
            .await;
    });
}

fn twiml(body: Bytes) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(body));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/xml"),
    );
    r
}

/// Reads the whole request body, as a webhook must before it can answer.
async fn read(req: Request<Incoming>) {
    let _ = req.into_body().collect().await;
}

/// The pipeline a signed cache hit sends with `REDIS_URL` (`shared::Redis::claim_and_recall`):
/// the claim of a new `MessageSid` (one per request here) and the sender's conversation.
async fn claim_and_recall(connection: &mut ConnectionManager, n: u64) {
    let reply: redis::RedisResult<(Option<String>, Option<String>)> = redis::pipe()
        .cmd("SET")
        .arg(format!("ceiling:sid:{n}"))
        .arg("imv.descripcion.es")
        .arg("NX")
        .arg("EX")
        .arg(600)
        .arg("GET")
        .cmd("GETEX")
        .arg("ceiling:conversation")
        .arg("EX")
        .arg(1800)
        .query_async(connection)
        .await;
    if let Err(err) = reply {
        eprintln!("redis: {err}");
    }
}

/// Busy for `work` (a calibration load, not a sleep: the CPU is what is being measured).
fn spin(work: Duration) {
    let start = Instant::now();
    while start.elapsed() < work {
        std::hint::spin_loop();
    }
}
