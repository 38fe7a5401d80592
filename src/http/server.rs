//! The accept loop: one task per connection, HTTP/1.1 keep-alive, graceful shutdown, and the
//! limits that keep a small instance alive in front of hostile clients: a cap on connections (so
//! file descriptors and memory are bounded), a deadline for each request's headers (which also
//! ends idle keep-alive connections; see `deadline`), a header buffer of [`MAX_HEADER_BYTES`], and an accept
//! loop that backs off when the process runs out of descriptors. The body deadline is in
//! `response::read_body`.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tracing::{debug, info, warn};

use super::deadline::{self, Activity, Tracked};
use super::wakes::Coalesce;
use super::{App, routes};

/// How long in-flight requests get to finish after a shutdown signal (Render allows about 30 s).
pub const GRACE: Duration = Duration::from_secs(25);

/// The largest request head (request line and headers) a client may send. Twilio's webhook
/// headers are about 1 KiB; hyper's default would let each connection hold ~400 KiB.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// File descriptors kept out of the connection cap: standard streams, the listener, the runtime's
/// own, outbound HTTP connections (Gemini, Twilio, media) and the journal files.
const RESERVED_FDS: u64 = 64;

/// How long the accept loop waits after a failed accept, at first and at most.
const ACCEPT_BACKOFF: (Duration, Duration) = (Duration::from_millis(5), Duration::from_secs(1));

/// Connections served at once: `MAX_CONNECTIONS`, lowered to fit the open-file limit so that
/// `accept` never meets `EMFILE` in normal operation. Further connections wait in the kernel's
/// listen queue, where they cost this process nothing.
pub fn connection_cap(max_connections: usize) -> usize {
    let by_fds = open_file_limit().map_or(usize::MAX, |limit| {
        usize::try_from(limit.saturating_sub(RESERVED_FDS).max(1)).unwrap_or(usize::MAX)
    });
    max_connections.min(by_fds).max(1)
}

/// The soft `RLIMIT_NOFILE`, if the platform tells.
fn open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one `rlimit` through a pointer to a live, writable local.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

/// Serves `app` on an already bound `listener` until `shutdown` completes, then stops accepting,
/// lets in-flight requests finish and the miss queue drain (up to `GRACE` in all) and returns.
///
/// # Errors
/// None today; the signature leaves room for start-up failures.
pub async fn run(
    listener: TcpListener,
    app: Arc<App>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let cap = connection_cap(app.config.max_connections);
    info!(
        max_connections = cap,
        configured = app.config.max_connections,
        open_file_limit = open_file_limit(),
        read_timeout_s = app.config.http_read_timeout.as_secs(),
        "connection limits"
    );
    let permits = Arc::new(Semaphore::new(cap));
    let read_timeout = app.config.http_read_timeout;
    // No hyper timer: the read deadline is one timer per connection (`deadline`), not one per
    // request.
    let mut http = http1::Builder::new();
    http.keep_alive(true).max_buf_size(MAX_HEADER_BYTES);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut failures = AcceptFailures::default();
    loop {
        // A permit first: at the cap, stop accepting until a connection ends.
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => {
                permit.expect("the semaphore is never closed")
            }
            () = &mut shutdown => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        match accepted {
            Ok((stream, _peer)) => {
                failures.recovered();
                let app = Arc::new(ConnectionApp(Arc::clone(&app)));
                let activity = Activity::new();
                let requests = Arc::clone(&activity);
                let service = service_fn(move |req| {
                    let app = Arc::clone(&app);
                    let busy = requests.begin();
                    async move {
                        let response = routes::handle(&app.0, req).await;
                        Ok::<_, Infallible>(response.map(|body| Tracked::new(body, busy)))
                    }
                });
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    // Reading a request body wakes the connection's own task: absorb that wake
                    // instead of letting it wake another worker (see `wakes`).
                    let conn = std::pin::pin!(conn);
                    tokio::select! {
                        biased;
                        result = Coalesce::new(conn) => {
                            if let Err(err) = result {
                                debug!(cause = %err, "connection error");
                            }
                        }
                        () = deadline::passed(&activity, read_timeout) => {
                            debug!("no request head within the read timeout: closing");
                        }
                    }
                    drop(permit);
                });
            }
            Err(err) => {
                drop(permit);
                let pause = failures.failed(&err);
                tokio::select! {
                    () = tokio::time::sleep(pause) => {}
                    () = &mut shutdown => break,
                }
            }
        }
    }
    drop(listener);
    info!("shutting down: no new connections, finishing in-flight requests");
    let deadline = tokio::time::Instant::now() + GRACE;
    tokio::select! {
        () = graceful.shutdown() => info!("all connections closed"),
        () = tokio::time::sleep_until(deadline) => warn!(grace_s = GRACE.as_secs(), "grace period over, closing anyway"),
    }
    if let Some(pipeline) = &app.pipeline {
        pipeline
            .drain(deadline.saturating_duration_since(tokio::time::Instant::now()))
            .await;
        pipeline.services().save_hot_cache();
    }
    Ok(())
}

/// One connection's handle on the app. Each request clones this, a count that only the
/// connection's own task writes, rather than the `App`'s, which every worker would write on every
/// request (one cache line bouncing between the cores).
struct ConnectionApp(Arc<App>);

/// A run of failed accepts (out of file descriptors and the like): the pause doubles up to a
/// second, and the run is logged twice, when it starts and when it ends, not once per failure.
#[derive(Default)]
struct AcceptFailures {
    count: u64,
    pause: Duration,
}

impl AcceptFailures {
    fn failed(&mut self, err: &std::io::Error) -> Duration {
        if self.count == 0 {
            warn!(cause = %err, "failed to accept: backing off");
            self.pause = ACCEPT_BACKOFF.0;
        } else {
            self.pause = (self.pause * 2).min(ACCEPT_BACKOFF.1);
        }
        self.count += 1;
        self.pause
    }

    fn recovered(&mut self) {
        if self.count > 0 {
            info!(failures = self.count, "accepting again");
            self.count = 0;
        }
    }
}

/// A future that completes on SIGINT (Ctrl-C) or SIGTERM (what Render and containers send).
/// The handlers are installed now, not on first poll, so a signal that arrives right after
/// start-up is not lost to the default action.
///
/// # Errors
/// The signal handlers could not be installed.
#[cfg(unix)]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => info!(signal = "SIGINT", "shutdown requested"),
            _ = terminate.recv() => info!(signal = "SIGTERM", "shutdown requested"),
        }
    })
}

/// A future that completes on Ctrl-C.
///
/// # Errors
/// Never on this platform; the signature matches the Unix one.
#[cfg(not(unix))]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
        info!(signal = "ctrl-c", "shutdown requested");
    })
}
