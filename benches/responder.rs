//! The responder over a mixed four-language query set, with two baselines measured in the same
//! run (this machine is noisy; compare ratios, not absolute numbers):
//! `to_lowercase` (one allocating pass over the text) and the normalizer alone.
//!
//! Run: `cargo bench --bench responder`.

use std::hint::black_box;

use clara::Responder;
use clara::kb::normalize::Normalized;
use criterion::{Criterion, criterion_group, criterion_main};

const QUERIES: &[&str] = &[
    "¿Qué es el IMV?",
    "hola, ¿qué requisitos hay para empadronarme?",
    "necesito ver un médico y no tengo tarjeta sanitaria",
    "cuanto dinero da el ingreso minimo vital",
    "Bonjour, comment s'inscrire au padrón ?",
    "je veux voir un médecin, quels documents faut-il ?",
    "How do I apply for the minimum income?",
    "what documents do I need for the town hall",
    "ما هي البطاقة الصحية",
    "كيف أسجل في البلدية؟",
    "2",
    "what's the weather like today",
];

fn cycle(c: &mut Criterion, name: &str, mut f: impl FnMut(&'static str)) {
    let mut i = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            f(black_box(QUERIES[i % QUERIES.len()]));
            i += 1;
        })
    });
}

fn bench(c: &mut Criterion) {
    let responder = Responder::default();
    cycle(c, "baseline/to_lowercase", |q| {
        black_box(q.to_lowercase());
    });
    cycle(c, "baseline/normalize", |q| {
        black_box(Normalized::new(q));
    });
    cycle(c, "respond/mixed", |q| {
        black_box(responder.respond(q, None));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
