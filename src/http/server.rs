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
/// lets in-flight requests finish (up to [`GRACE`]) and returns.
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
    tokio::select! {
        () = graceful.shutdown() => info!("all connections closed"),
        () = tokio::time::sleep(GRACE) => warn!(grace_s = GRACE.as_secs(), "grace period over, closing anyway"),
    }
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM (what Render and containers send).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => info!(signal = "SIGINT", "shutdown requested"),
        () = term => info!(signal = "SIGTERM", "shutdown requested"),
    }
}
