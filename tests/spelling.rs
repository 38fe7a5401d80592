//! Spelling folds (issue 13): a word that is not in the vocabulary as written is matched under
//! its Spanish or Arabizi fold (`kb::spelling`, compiled by `build.rs` into `TERMS_FOLDED` and
//! `GUARDS_FOLDED`). Checked against the vocabulary they came from, then through the responder.

use std::collections::BTreeMap;
use std::path::Path;

use clara::kb::spelling::{MIN_FOLD_BYTES, fold_key};
use clara::kb::{self, GUARDS, GUARDS_FOLDED, GuardCategory, Lang, Lexicon, TERMS, TERMS_FOLDED};
use clara::{Context, Intent, ProcedureId, Responder};

/// Whether build.rs folds a key listed in `lang` (Spanish, Darija or shared).
fn folded_lang(lang: Option<Lang>) -> bool {
    lang.is_none_or(|l| matches!(l, Lang::Es | Lang::Ar))
}

/// Checks a folded lexicon against the keys of its source: every fold is the fold of a key that
/// routes to its value, no other such key routes elsewhere (two words never collapse into one),
/// and no fold is an exact key routing elsewhere.
fn check_folds<V: Copy + PartialEq + std::fmt::Debug>(
    what: &str,
    source: &Lexicon<V>,
    folded: &Lexicon<V>,
    keys: BTreeMap<String, Option<Lang>>,
    stems: BTreeMap<String, Option<Lang>>,
) {
    for (table, folded_entries, exact, min) in [
        (
            keys,
            folded.words().collect::<Vec<_>>(),
            &(|k: &str| source.word(k)) as &dyn Fn(&str) -> Option<V>,
            MIN_FOLD_BYTES,
        ),
        (
            stems,
            folded.stems().collect(),
            &|k: &str| source.stem(k),
            kb::schema::MIN_STEM_BYTES,
        ),
    ] {
        let mut by_fold: BTreeMap<String, Vec<(&str, V)>> = BTreeMap::new();
        for (key, lang) in &table {
            let Some(f) = fold_key(key).filter(|f| key.contains(' ') || f.len() >= min) else {
                continue;
            };
            if folded_lang(*lang) {
                let value = exact(key).unwrap_or_else(|| panic!("{what}: {key} is compiled"));
                by_fold.entry(f).or_default().push((key, value));
            }
        }
        for (f, value) in folded_entries {
            let keys = by_fold
                .get(f)
                .unwrap_or_else(|| panic!("{what}: {f:?} is the fold of no key"));
            for (key, v) in keys {
                assert_eq!(
                    *v, value,
                    "{what}: {key:?} folds to {f:?}, which routes elsewhere"
                );
            }
            if let Some(v) = exact(f) {
                assert_eq!(
                    v, value,
                    "{what}: the fold {f:?} is a key routing elsewhere"
                );
            }
        }
    }
}

fn compiled() -> kb::compile::Compiled {
    kb::compile::compile(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("data/ is valid")
}

#[test]
fn folds_never_join_words_that_route_differently() {
    let c = compiled();
    let langs = |t: &BTreeMap<String, kb::compile::TermEntry>| {
        t.iter().map(|(k, e)| (k.clone(), e.lang)).collect()
    };
    let guard_langs =
        |t: &BTreeMap<String, kb::Guard>| t.iter().map(|(k, g)| (k.clone(), g.lang)).collect();
    check_folds(
        "TERMS",
        &TERMS,
        &TERMS_FOLDED,
        langs(&c.terms),
        langs(&c.stems),
    );
    check_folds(
        "GUARDS",
        &GUARDS,
        &GUARDS_FOLDED,
        guard_langs(&c.guard_terms),
        guard_langs(&c.guard_stems),
    );
    // The folds are a small index, not a second vocabulary.
    let (words, guards) = (TERMS_FOLDED.words().count(), GUARDS_FOLDED.words().count());
    assert!(words > 500 && words < TERMS.words().count(), "{words}");
    assert!(guards > 100 && guards < GUARDS.words().count(), "{guards}");
}

#[test]
fn a_word_in_the_answers_is_no_misspelling() {
    // "carta" (a letter) folds like Arabizi "karta" (the residence card); "la carta" like
    // "la karta": the answers use the Spanish word, so the fold is left out.
    let responder = Responder::default();
    for text in ["me llego la carta del banco", "tengo una carta"] {
        assert_eq!(responder.respond(text, None).intent, Intent::None, "{text}");
    }
}

#[test]
fn spanish_as_people_type_it_finds_its_procedure() {
    let responder = Responder::default();
    for (text, procedure) in [
        // b/v, c/s: "abogado de oficio"
        (
            "nesesito un avogado de ofisio",
            ProcedureId::JusticiaGratuita,
        ),
        // z/s, a doubled letter: "solicitar asilo"
        (
            "kiero zolizitar aziilo politico",
            ProcedureId::ProteccionInternacional,
        ),
        (
            "ke nesesito para la justisia gratuita",
            ProcedureId::JusticiaGratuita,
        ),
        // rr/r: "arreglar papeles"
        ("kiero areglar papeles", ProcedureId::Arraigo),
    ] {
        assert_eq!(
            responder.respond(text, None).intent,
            Intent::Procedure(procedure),
            "{text}"
        );
    }
}

#[test]
fn arabizi_with_and_without_digits_finds_its_procedure() {
    let responder = Responder::default();
    for (text, procedure) in [
        // "laji2" (refugee), the hamza digit dropped
        ("ana laji f sbania", ProcedureId::ProteccionInternacional),
        // "lujo2" (asylum)
        ("kifach ndir lujo", ProcedureId::ProteccionInternacional),
        // "tbib" (doctor), a letter typed twice
        ("kifach nakhod tbiib", ProcedureId::TarjetaSanitaria),
        // "mo7ami" (lawyer), 7 written h, and "bla flous"
        ("bghit mohami bla flouss", ProcedureId::JusticiaGratuita),
    ] {
        let reply = responder.respond(text, None);
        assert_eq!(reply.intent, Intent::Procedure(procedure), "{text}");
        assert_eq!(reply.lang, Lang::Ar, "{text}");
    }
}

#[test]
fn a_misspelled_crisis_is_still_caught() {
    let responder = Responder::default();
    for text in ["ya no kiero bibir", "kiero aserme dano"] {
        assert_eq!(
            responder.respond(text, None).intent,
            Intent::Blocked(GuardCategory::SelfHarm),
            "{text}"
        );
    }
}

#[test]
fn numbers_are_never_folded() {
    // Menu numbers, and facet numbers in a conversation, keep working: 7 and 9 are Arabizi
    // letters only inside a word.
    let responder = Responder::default();
    for (text, procedure) in [("1", ProcedureId::Imv), ("٢", ProcedureId::Empadronamiento)] {
        assert_eq!(
            responder.respond(text, None).intent,
            Intent::Procedure(procedure),
            "{text}"
        );
    }
    let context = Context {
        lang: Some(Lang::Es),
        procedure: Some(ProcedureId::Imv),
        facet: None,
        other: None,
    };
    let reply = responder.respond_in("3", None, context);
    assert_eq!(reply.intent, Intent::Procedure(ProcedureId::Imv));
    assert_eq!(fold_key("7"), None);
    assert_eq!(fold_key("2024"), None);
}

#[test]
fn short_darija_words_are_not_folded_onto_greetings() {
    // "3la" (about) folds like "ahla" (welcome): too short to tell, so it is left exact.
    let reply = Responder::default().respond("bghit n3ref 3la lmohami", None);
    assert_ne!(reply.intent, Intent::Greeting);
}
