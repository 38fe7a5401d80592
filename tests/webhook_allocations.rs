//! Allocations per signed cache-hit webhook request, server side included, measured with a
//! counting global allocator (a figure for docs/PERFORMANCE.md, with a generous bound so that a
//! regression to per-request formatting storms fails the test).

mod util;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates every call to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[tokio::test(flavor = "current_thread")]
async fn allocations_per_cache_hit_request() {
    let server = util::Server::signed().await;
    // Without a MessageSid nothing is remembered, so every request does the full work.
    let params = [
        ("From", "whatsapp:+34600111222"),
        ("Body", "¿Qué es el IMV?"),
        ("NumMedia", "0"),
    ];
    let warm = server.webhook(&params, Some(util::TOKEN)).await;
    assert_eq!(warm.status, 200);
    // The client side (request building, response parsing) is measured alone and subtracted.
    let client_only = {
        let before = ALLOCATIONS.load(Ordering::SeqCst);
        let body = util::form(&params);
        let sig = util::sign(
            util::TOKEN,
            &format!("{}/webhook", util::PUBLIC_URL),
            &params,
        );
        std::hint::black_box((body, sig));
        ALLOCATIONS.load(Ordering::SeqCst) - before
    };
    const N: usize = 200;
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    for _ in 0..N {
        let r = server.webhook(&params, Some(util::TOKEN)).await;
        assert_eq!(r.status, 200);
    }
    let per_request = (ALLOCATIONS.load(Ordering::SeqCst) - before) / N;
    println!(
        "allocations per request (client and server): {per_request}; client building alone: {client_only}"
    );
    assert!(per_request < 400, "{per_request} allocations per request");
}
