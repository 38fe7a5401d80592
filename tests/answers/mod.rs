//! Tables of messages and what the responder must answer, checked in one assertion that lists
//! every wrong row (so one run shows all that a vocabulary change broke or fixed).
#![allow(dead_code)]

use clara::kb::{Facet, Lang, ProcedureId};
use clara::{Context, Intent, Responder};

/// Asserts that every `(message, language, procedure, facet)` of `table` gets that procedure's
/// part, in that language.
pub fn assert_parts(name: &str, table: &[(&str, Lang, ProcedureId, Facet)]) {
    let rows = table.iter().map(|&(message, lang, procedure, facet)| {
        (message, lang, Intent::Procedure(procedure), Some(facet))
    });
    assert_all_right(name, rows);
}

/// Asserts that `table` has at least `min` rows for each part but the description in each of
/// `langs`: a round of phrasings covers every part it claims to.
pub fn assert_every_part_probed(
    table: &[(&str, Lang, ProcedureId, Facet)],
    langs: &[Lang],
    min: usize,
) {
    for &lang in langs {
        for facet in Facet::ALL
            .iter()
            .copied()
            .filter(|&f| f != Facet::Descripcion)
        {
            let n = table
                .iter()
                .filter(|&&(_, l, _, f)| l == lang && f == facet)
                .count();
            assert!(n >= min, "{lang} {facet}: {n} probes");
        }
    }
}

/// Asserts that every `(message, language, intent)` of `table` gets that intent (any part), in
/// that language.
pub fn assert_intents(name: &str, table: &[(&str, Lang, Intent)]) {
    let rows = table
        .iter()
        .map(|&(message, lang, intent)| (message, lang, intent, None));
    assert_all_right(name, rows);
}

/// `(message, language, intent, part)`; a part of `None` is not checked.
fn assert_all_right<'a>(
    name: &str,
    rows: impl ExactSizeIterator<Item = (&'a str, Lang, Intent, Option<Facet>)>,
) {
    let responder = Responder::default();
    let total = rows.len();
    let wrong: Vec<String> = rows
        .filter_map(|(message, lang, intent, facet)| {
            let reply = responder.respond(message, None);
            let right = reply.intent == intent
                && reply.lang == lang
                && facet.is_none_or(|f| reply.facet == Some(f));
            (!right).then(|| {
                format!(
                    "{message:?}: expected {}/{}/{lang}, got {}/{}/{}",
                    intent.as_str(),
                    facet.map_or("-", |f| f.as_str()),
                    reply.intent.as_str(),
                    reply.facet.map_or("-", |f| f.as_str()),
                    reply.lang
                )
            })
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {total} {name} answered wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Asserts that every `(procedure, message, language, facet)` of `cases`, asked right after an
/// answer about `procedure` in that language, gets that procedure's `facet`.
pub fn assert_follow_ups(cases: &[(ProcedureId, &str, Lang, Facet)]) {
    let responder = Responder::default();
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(procedure, message, lang, facet)| {
            let context = Context {
                lang: Some(lang),
                procedure: Some(procedure),
                facet: None,
                other: None,
            };
            let reply = responder.respond_in(message, None, context);
            let right = (reply.intent, reply.facet) == (Intent::Procedure(procedure), Some(facet));
            (!right).then(|| {
                format!(
                    "{message:?} after {procedure}: expected {facet}, got {}/{}",
                    reply.intent.as_str(),
                    reply.facet.map_or("-", |f| f.as_str())
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
