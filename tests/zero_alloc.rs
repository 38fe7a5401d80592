//! The responder's promise: from `&str` to the answer, zero heap allocations. A counting global
//! allocator proves it over questions in the four languages.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use clara::{Context, Lang, ProcedureId, Responder};

struct Counting;

thread_local! {
    /// This thread's allocation count while it is measuring, `None` otherwise. Per thread, both
    /// the switch and the count: the other tests of this binary run in parallel on other threads
    /// and must not add to it (a global counter did, about once in 40 runs). `const` and `Copy`,
    /// so reading and writing it never allocates.
    static ALLOCATIONS: Cell<Option<usize>> = const { Cell::new(None) };
}

fn count() {
    // `try_with`: the allocator can be called while this thread's locals are being destroyed.
    let _ = ALLOCATIONS.try_with(|n| {
        if let Some(count) = n.get() {
            n.set(Some(count + 1));
        }
    });
}

/// Runs `f` with this thread's allocations counted; returns how many there were.
fn allocations_in(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(Some(0)));
    f();
    ALLOCATIONS.with(|n| n.take()).unwrap_or_default()
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

#[global_allocator]
static GLOBAL: Counting = Counting;

const QUERIES: &[&str] = &[
    "¿Qué es el IMV?",
    "hola, ¿qué requisitos hay para empadronarme en Madrid?",
    "necesito ver un médico y no tengo tarjeta sanitaria",
    "cuanto dinero da el ingreso minimo vital",
    "Bonjour, comment s'inscrire au padrón ?",
    "je veux voir un médecin, quels documents faut-il ?",
    "How do I apply for the minimum income?",
    "what documents do I need for the town hall registration",
    "ما هي البطاقة الصحية",
    "كيف أسجل في البلدية؟",
    "1️⃣",
    "٣",
    "menu",
    "quiero suicidarme",
    "what's the weather like today in Madrid",
    "",
];

#[test]
fn responder_makes_no_heap_allocation() {
    let responder = Responder::default();
    // Warm up: lazily initialised statics may allocate once, and that is not per message.
    for q in QUERIES {
        std::hint::black_box(responder.respond(q, None));
    }
    let mut langs = [0usize; 4];
    let allocations = allocations_in(|| {
        for q in QUERIES {
            let reply = std::hint::black_box(responder.respond(std::hint::black_box(q), None));
            langs[reply.lang.index()] += 1;
        }
        for lang in Lang::ALL {
            std::hint::black_box(responder.respond("requisitos del padrón", Some(*lang)));
        }
        // The conversation paths: a number picking a facet, a follow-up, language memory, a
        // switch and "forget me".
        let context = Context {
            lang: Some(Lang::Fr),
            procedure: Some(ProcedureId::Imv),
        };
        for q in [
            "3",
            "٢",
            "6️⃣",
            "0",
            "¿y qué papeles?",
            "ok",
            "in English please",
            "oublie mes données",
        ] {
            std::hint::black_box(responder.respond_in(std::hint::black_box(q), None, context));
        }
    });
    assert_eq!(
        allocations, 0,
        "the responder allocated {allocations} times"
    );
    // The query set really covers the four languages.
    assert!(langs.iter().all(|&n| n > 0), "languages seen: {langs:?}");
}

#[test]
fn the_counter_counts() {
    // If the allocator were not installed, the test above could not fail.
    let allocations = allocations_in(|| drop(std::hint::black_box(vec![1u8; 64])));
    assert_eq!(allocations, 1);
}
