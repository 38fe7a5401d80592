//! A global allocator that counts the allocations of the threads that ask it to, one count per
//! thread: the other tests of a binary run on other threads and never add to it. A test binary
//! installs it with `#[global_allocator] static GLOBAL: alloc_count::Counting = alloc_count::Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Delegates to the system allocator and counts `alloc` and `realloc` calls.
pub struct Counting;

thread_local! {
    /// This thread's count while it counts, `None` otherwise. `const` and `Copy`, so reading and
    /// writing it never allocates.
    static COUNT: Cell<Option<usize>> = const { Cell::new(None) };
}

fn count() {
    // `try_with`: the allocator can be called while this thread's locals are being destroyed.
    let _ = COUNT.try_with(|n| {
        if let Some(count) = n.get() {
            n.set(Some(count + 1));
        }
    });
}

/// Starts counting this thread's allocations from zero.
pub fn start() {
    COUNT.with(|n| n.set(Some(0)));
}

/// Stops counting on this thread and returns the count.
pub fn stop() -> usize {
    COUNT.with(Cell::take).unwrap_or_default()
}

/// Runs `f` with this thread's allocations counted; returns how many there were.
#[allow(dead_code)]
pub fn allocations_in(f: impl FnOnce()) -> usize {
    start();
    f();
    stop()
}

// SAFETY: delegates every call to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
