//! A connection future that absorbs the wake-ups it gives itself.
//!
//! hyper hands a request body to the handler through a channel inside the same task: when the
//! handler takes the body, the channel wakes the connection's own task, which is still running.
//! tokio then treats the task as having yielded: it queues it again and wakes an idle worker
//! thread to steal it (an `eventfd` write or a futex wake, and a second poll), once per request
//! that has a body. The bare hyper ceiling never reads a body, so it never pays this. [`Coalesce`]
//! polls the connection with its own waker: a wake that arrives while the connection is being
//! polled only marks it to be polled again at once, in the same turn; a wake from anywhere else
//! (the socket, a timer, graceful shutdown) goes straight to the runtime as before.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// The connection is being polled: a wake now is recorded, not forwarded.
const POLLING: u8 = 1;
/// A wake arrived while polling.
const WOKEN: u8 = 2;

/// Polls in one turn at most: a connection that keeps waking itself still yields to the others
/// (hyper's own read/write loop stops at the same count).
const MAX_POLLS: usize = 16;

/// The waker given to the connection: one per connection, cloned by whatever registers it.
struct Flag {
    state: AtomicU8,
    /// The task's own waker, for wakes that arrive between polls.
    outer: Mutex<Option<Waker>>,
}

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if self.state.fetch_or(WOKEN, Ordering::AcqRel) & POLLING == 0
            && let Ok(outer) = self.outer.lock()
            && let Some(waker) = outer.as_ref()
        {
            waker.wake_by_ref();
        }
    }
}

/// `inner`, polled again in the same turn when it wakes itself while being polled.
pub(crate) struct Coalesce<'a, F> {
    inner: Pin<&'a mut F>,
    flag: Arc<Flag>,
    waker: Waker,
}

impl<'a, F: Future> Coalesce<'a, F> {
    pub(crate) fn new(inner: Pin<&'a mut F>) -> Coalesce<'a, F> {
        let flag = Arc::new(Flag {
            state: AtomicU8::new(0),
            outer: Mutex::new(None),
        });
        Coalesce {
            inner,
            waker: Waker::from(Arc::clone(&flag)),
            flag,
        }
    }
}

impl<F: Future> Future for Coalesce<'_, F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        if let Ok(mut outer) = this.flag.outer.lock()
            && !outer.as_ref().is_some_and(|w| w.will_wake(cx.waker()))
        {
            *outer = Some(cx.waker().clone());
        }
        for _ in 0..MAX_POLLS {
            this.flag.state.store(POLLING, Ordering::Release);
            let polled = this
                .inner
                .as_mut()
                .poll(&mut Context::from_waker(&this.waker));
            // Leave the polling state; a wake from here on is forwarded by `Flag` itself.
            let woken = this.flag.state.swap(0, Ordering::AcqRel) & WOKEN != 0;
            match polled {
                Poll::Ready(out) => return Poll::Ready(out),
                Poll::Pending if !woken => return Poll::Pending,
                Poll::Pending => {}
            }
        }
        // Still waking itself: let the other tasks run first.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};
    use std::sync::atomic::AtomicUsize;

    /// Counts the wakes it receives.
    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn self_wakes_are_polled_at_once_and_others_are_forwarded() {
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let outer = Waker::from(Arc::clone(&count));
        let mut cx = Context::from_waker(&outer);
        // Wakes itself twice, then waits; the waker it was last given is kept for later.
        let polls = Cell::new(0);
        let kept: RefCell<Option<Waker>> = RefCell::new(None);
        let mut fut = std::future::poll_fn(|cx| {
            polls.set(polls.get() + 1);
            *kept.borrow_mut() = Some(cx.waker().clone());
            if polls.get() <= 2 {
                cx.waker().wake_by_ref();
            }
            Poll::<()>::Pending
        });
        let mut coalesced = Coalesce::new(Pin::new(&mut fut));
        assert!(Pin::new(&mut coalesced).poll(&mut cx).is_pending());
        assert_eq!(
            polls.get(),
            3,
            "polled again for each self-wake, in the same turn"
        );
        assert_eq!(
            count.0.load(Ordering::Relaxed),
            0,
            "nothing reached the runtime"
        );
        // A wake between polls (the socket, a timer) reaches the task's waker.
        kept.take().expect("registered").wake();
        assert_eq!(count.0.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn a_future_that_always_wakes_itself_still_yields() {
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let outer = Waker::from(Arc::clone(&count));
        let mut cx = Context::from_waker(&outer);
        let polls = Cell::new(0);
        let mut fut = std::future::poll_fn(|cx| {
            polls.set(polls.get() + 1);
            cx.waker().wake_by_ref();
            Poll::<()>::Pending
        });
        let mut coalesced = Coalesce::new(Pin::new(&mut fut));
        assert!(Pin::new(&mut coalesced).poll(&mut cx).is_pending());
        assert_eq!(polls.get(), MAX_POLLS);
        assert_eq!(
            count.0.load(Ordering::Relaxed),
            1,
            "rescheduled once, through the runtime"
        );
    }
}
