//! The read deadline, one timer per connection: a connection must deliver each request head
//! within `HTTP_READ_TIMEOUT` of being ready for it (accepted, or its last response written), or
//! it is closed. That ends silent connections, heads trickled byte by byte and idle keep-alive
//! connections alike.
//!
//! hyper's own `header_read_timeout` does the same with a new boxed timer per request, registered
//! in and removed from tokio's timer wheel each time. Here one timer per connection sleeps until
//! the deadline and, when it fires, looks at what the connection did meanwhile: a request in
//! flight, or a response written since, moves the deadline on instead of closing. A request costs
//! a clock read and two uncontended atomics.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::{Body, Frame, SizeHint};
use tokio::time::Instant;

/// What a connection's requests have done, for its deadline.
pub(crate) struct Activity {
    /// When the connection was accepted: times below are microseconds since then.
    opened: Instant,
    /// When the last response was written (0: none yet, ready since `opened`).
    ready_since_us: AtomicU64,
    /// Requests being answered or whose response is still being written.
    busy: AtomicU32,
}

impl Activity {
    pub(crate) fn new() -> Arc<Activity> {
        Arc::new(Activity {
            opened: Instant::now(),
            ready_since_us: AtomicU64::new(0),
            busy: AtomicU32::new(0),
        })
    }

    /// Marks a request as begun; it ends when the returned guard is dropped, which
    /// [`Tracked`] does once hyper has written the response's body.
    pub(crate) fn begin(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, Ordering::Relaxed);
        Busy(Arc::clone(self))
    }
}

/// A request in flight on a connection (see [`Activity::begin`]).
pub(crate) struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        let since = self.0.opened.elapsed().as_micros() as u64;
        self.0.ready_since_us.store(since, Ordering::Relaxed);
        self.0.busy.fetch_sub(1, Ordering::Release);
    }
}

/// A response body that holds its request's [`Busy`] until hyper has written it and drops it,
/// so the connection's next deadline counts from the end of the response, as hyper's own did.
pub(crate) struct Tracked {
    body: Full<Bytes>,
    _busy: Busy,
}

impl Tracked {
    pub(crate) fn new(body: Full<Bytes>, busy: Busy) -> Tracked {
        Tracked { body, _busy: busy }
    }
}

impl Body for Tracked {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Completes when the connection has been ready for a request head for `timeout` without one
/// arriving (see the module's note); the caller then drops the connection, which closes it.
pub(crate) async fn passed(activity: &Activity, timeout: Duration) {
    let sleep = tokio::time::sleep(timeout);
    let mut sleep = std::pin::pin!(sleep);
    loop {
        sleep.as_mut().await;
        let now = Instant::now();
        let due = if activity.busy.load(Ordering::Acquire) > 0 {
            // A request is being answered (its body has a deadline of its own): look again later.
            now + timeout
        } else {
            let ready_since =
                Duration::from_micros(activity.ready_since_us.load(Ordering::Relaxed));
            activity.opened + ready_since + timeout
        };
        if due <= now {
            return;
        }
        sleep.as_mut().reset(due);
    }
}
