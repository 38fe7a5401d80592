//! The responder over a mixed four-language query set, an Arabic one and a noisy one in a
//! conversation, with two baselines measured in the same
//! run (this machine is noisy; compare ratios, not absolute numbers):
//! `to_lowercase` (one allocating pass over the text) and the normalizer alone.
//!
//! Run: `cargo bench --bench responder`.

use std::hint::black_box;

use clara::kb::normalize::Normalized;
use clara::{Context, Lang, ProcedureId, Responder};
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

/// Messages as people write them: no accents, typos (one edit from a name), SMS, Darija in
/// Arabic letters and in Arabizi, a follow-up that needs the conversation.
const NOISY: &[&str] = &[
    "que es el empadronamieto",
    "la targeta sanitaira xq no m la dan",
    "kiero saber q papeles pa el ingreso minimo",
    "jai pa de papiers pr la carte sanitaire",
    "how much is it",
    "كيفاش ندير البادرون",
    "bghit lkarta dyal tbib 3afak",
    "y cuanto tarda",
    "ok",
    "3",
];

/// Arabic as people write it, in Arabic letters: the article and the prefixes و، ب، ل on most
/// words, MSA and Darija.
const ARABIC: &[&str] = &[
    "ما هي البطاقة الصحية",
    "كيف أسجل في البلدية؟",
    "والبطاقة الصحية شنو خاصني",
    "بغيت نعرف شحال كيعطيو فالمينيمو",
    "كيفاش ندير البادرون",
    "عندي مشكل مع الأوراق ديال الإقامة",
    "هل يمكنني طلب اللجوء في اسبانيا",
    "شكرا بزاف",
];

fn cycle(
    c: &mut Criterion,
    name: &str,
    set: &'static [&'static str],
    mut f: impl FnMut(&'static str),
) {
    let mut i = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            f(black_box(set[i % set.len()]));
            i += 1;
        })
    });
}

fn bench(c: &mut Criterion) {
    let responder = Responder::default();
    cycle(c, "baseline/to_lowercase", QUERIES, |q| {
        black_box(q.to_lowercase());
    });
    cycle(c, "baseline/normalize", QUERIES, |q| {
        black_box(Normalized::new(q));
    });
    cycle(c, "respond/mixed", QUERIES, |q| {
        black_box(responder.respond(q, None));
    });
    cycle(c, "respond/arabic", ARABIC, |q| {
        black_box(responder.respond(q, None));
    });
    // In a conversation about the IMV, in French: numbers and follow-ups use it.
    let context = Context {
        lang: Some(Lang::Fr),
        procedure: Some(ProcedureId::Imv),
        facet: None,
        other: None,
    };
    cycle(c, "respond/noisy_in_conversation", NOISY, |q| {
        black_box(responder.respond_in(q, None, context));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
