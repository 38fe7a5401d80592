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
//!   signed cache hit's with `REDIS_URL` (a `SET … NX EX … GET` claim and a `GETEX`);
//! - `CEILING_CHECKS_TOKEN` (with `CEILING_CHECKS_URL`, the base URL the client signs): reads the
//!   body and does the checks no webhook can skip, with Clara's own code: the form decoded, the
//!   `X-Twilio-Signature` checked, the message matched by the responder (a 403 if one fails).
//!   Nothing else of Clara's service: no dedupe, conversation, metrics, log or request id. With
//!   `CEILING_CHECKS_MATCH=0` the responder is left out, to tell its share from the rest; with
//!   `CEILING_REDIS_URL` too, a request that passes then makes the round trip above.
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
    Checks(Arc<Checks>),
}

/// What `CEILING_CHECKS_TOKEN` adds: Clara's signature check and responder.
struct Checks {
    validator: clara::http::signature::Validator,
    /// The scheme, host and port the client signed (the path comes from the request).
    base_url: String,
    /// `None`: the message is not matched (`CEILING_CHECKS_MATCH=0`).
    responder: Option<clara::Responder>,
    /// The round trip made after the checks pass (`CEILING_REDIS_URL`), if any.
    redis: Option<(ConnectionManager, Arc<AtomicU64>)>,
}

impl Added {
    async fn from_env() -> Result<Added, Box<dyn std::error::Error>> {
        let redis = match std::env::var("CEILING_REDIS_URL") {
            Ok(url) => Some((
                ConnectionManager::new(redis::Client::open(url)?).await?,
                Arc::new(AtomicU64::new(0)),
            )),
            Err(_) => None,
        };
        if let Ok(token) = std::env::var("CEILING_CHECKS_TOKEN") {
            return Ok(Added::Checks(Arc::new(Checks {
                validator: clara::http::signature::Validator::new(&token),
                base_url: std::env::var("CEILING_CHECKS_URL")?,
                responder: (!std::env::var("CEILING_CHECKS_MATCH").is_ok_and(|v| v == "0"))
                    .then(|| clara::Responder::new(true)),
                redis,
            })));
        }
        if let Some((connection, next)) = redis {
            return Ok(Added::Redis(connection, next));
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

/// The answer every response carries: Clara's to the load test's message, "¿Qué es el IMV?".
const ANSWER: &str = "imv.descripcion.es";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:5001".into());
    let answer = clara::kb::answer_by_id(ANSWER).expect("compiled answer");
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
            Added::Checks(checks) => serve(io, move |req| {
                let (body, checks) = (body.clone(), checks.clone());
                async move {
                    let (parts, incoming) = req.into_parts();
                    let form = incoming.collect().await.map(|b| b.to_bytes());
                    let passed = form.is_ok_and(|form| checks.pass(&parts, &form));
                    if let (true, Some((connection, next))) = (passed, &checks.redis) {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        claim_and_recall(&mut connection.clone(), n).await;
                    }
                    Ok::<_, Infallible>(if passed { twiml(body) } else { forbidden() })
                }
            }),
        }
    }
}

impl Checks {
    /// Whether the request is signed and its message gets the answer the ceiling sends.
    fn pass(&self, parts: &hyper::http::request::Parts, form: &[u8]) -> bool {
        let signature = parts
            .headers
            .get("x-twilio-signature")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let path = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
        clara::http::form::with_fields(form, |fields| {
            let Ok(fields) = fields else { return false };
            let message = fields.iter().find(|(name, _)| *name == "Body");
            self.validator
                .validate(&self.base_url, path, fields, signature)
                && message.is_some_and(|&(_, text)| {
                    self.responder
                        .is_none_or(|responder| responder.respond(text, None).answer.id == ANSWER)
                })
        })
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

fn forbidden() -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::default());
    *r.status_mut() = hyper::StatusCode::FORBIDDEN;
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
