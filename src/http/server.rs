//! The accept loop: one task per connection, HTTP/1.1 keep-alive, graceful shutdown.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tracing::{debug, info, warn};

use super::{App, routes};

/// How long in-flight requests get to finish after a shutdown signal (Render allows about 30 s).
pub const GRACE: Duration = Duration::from_secs(25);

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
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    let app = Arc::clone(&app);
                    let service = service_fn(move |req| {
                        let app = Arc::clone(&app);
                        async move { Ok::<_, Infallible>(routes::handle(&app, req).await) }
                    });
                    let conn = http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), service);
                    let conn = graceful.watch(conn);
                    tokio::spawn(async move {
                        if let Err(err) = conn.await {
                            debug!(cause = %err, "connection error");
                        }
                    });
                }
                Err(err) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    warn!(cause = %err, "failed to accept");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            () = &mut shutdown => break,
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
