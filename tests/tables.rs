//! The generated tables checked exhaustively against the content they were compiled from: what
//! `build.rs` embedded is exactly what `data/` says.

use std::path::Path;

use clara::kb::{self, ProcedureId};

fn compiled() -> clara::kb::compile::Compiled {
    kb::compile::compile(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("data/ is valid")
}

fn xml_unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_answer_is_embedded_with_its_twiml_and_audio() {
    let c = compiled();
    assert_eq!(kb::answers().len(), c.answers.len());
    for source in &c.answers {
        let answer =
            kb::answer_by_id(&source.id).unwrap_or_else(|| panic!("{} missing", source.id));
        assert_eq!(answer.text, source.text, "{}", source.id);
        assert_eq!(answer.lang, source.lang);
        assert!(!answer.twiml_body.contains(['<', '>']), "{}", source.id);
        assert_eq!(
            xml_unescape(answer.twiml_body),
            source.text,
            "{}",
            source.id
        );
        assert_eq!(
            answer.audio().map(|a| a.name),
            source.audio.map(|i| c.audio[i].name.as_str()),
            "{}",
            source.id
        );
    }
}

#[test]
fn every_term_and_stem_routes_as_compiled() {
    let c = compiled();
    for (key, entry) in &c.terms {
        let term = kb::TERMS
            .word(key)
            .unwrap_or_else(|| panic!("term {key:?} missing"));
        assert_eq!(
            (
                term.procedure,
                term.weight,
                term.facet,
                term.conversational,
                term.lang,
                term.place,
                term.support
            ),
            (
                entry.procedure,
                entry.weight,
                entry.facet,
                entry.conversational,
                entry.lang,
                entry.place,
                entry.support
            ),
            "{key}"
        );
    }
    for (key, entry) in &c.stems {
        let term = kb::TERMS
            .stem(key)
            .unwrap_or_else(|| panic!("stem {key:?} missing"));
        assert_eq!(term.procedure, entry.procedure, "{key}");
    }
    for (key, category) in &c.guard_terms {
        assert_eq!(kb::GUARDS.word(key), Some(*category), "{key}");
    }
    for (key, category) in &c.guard_stems {
        assert_eq!(kb::GUARDS.stem(key), Some(*category), "{key}");
    }
}

#[test]
fn every_note_is_embedded_with_its_twiml() {
    let c = compiled();
    for (kind, notes) in [
        (kb::Note::Elsewhere, &c.elsewhere_note),
        (kb::Note::Support, &c.support_note),
    ] {
        for (lang, text) in notes.iter() {
            let note = kind.answer(lang);
            assert_eq!((note.text, note.lang), (text.as_str(), lang));
            assert_eq!(xml_unescape(note.twiml_body), *text);
            assert!(note.audio().is_none(), "{lang}: text only");
            // Not an answer of its own: no recording is asked of it.
            assert!(kb::answer_by_id(note.id).is_none(), "{}", note.id);
        }
    }
}

#[test]
fn audio_manifest_matches_the_files() {
    let c = compiled();
    assert_eq!(kb::audio_files().len(), c.audio.len());
    for source in &c.audio {
        let file = kb::audio_by_name(&source.name).unwrap();
        assert_eq!(file.bytes, source.bytes.as_slice());
        assert_eq!(file.mime, source.mime);
        assert!(file.etag.starts_with('"') && file.etag.ends_with('"') && file.etag.len() == 34);
    }
    assert!(kb::audio_by_name("../Cargo.toml").is_none());
}

#[test]
fn archive_holds_every_procedure_record() {
    let c = compiled();
    for (id, source) in ProcedureId::ALL.iter().zip(&c.procedures) {
        let archived = kb::procedure(*id);
        assert_eq!(archived.id.as_str(), id.as_str());
        assert_eq!(archived.fuente_url.as_str(), source.fuente_url);
        assert_eq!(archived.telefono.as_str(), source.telefono);
        assert_eq!(
            archived.facetas.requisitos.fr.resumen.as_str(),
            source.facetas.requisitos.fr.resumen
        );
        assert_eq!(
            archived.facetas.cuantia.is_some(),
            source.facetas.cuantia.is_some()
        );
    }
}

#[test]
fn every_procedure_answer_names_its_source_phone_and_date() {
    let c = compiled();
    for (id, p) in ProcedureId::ALL.iter().zip(&c.procedures) {
        for &facet in kb::Facet::ALL {
            for &lang in kb::Lang::ALL {
                let Some(answer) = kb::procedure_answer(*id, facet, lang) else {
                    let with_amounts = [
                        ProcedureId::Imv,
                        ProcedureId::NieTie,
                        ProcedureId::PrestacionDesempleo,
                    ];
                    assert!(facet == kb::Facet::Cuantia && !with_amounts.contains(id));
                    continue;
                };
                assert!(answer.text.contains(&p.fuente_url), "{}", answer.id);
                // A procedure without a confirmed number gives none (nie_tie: 060 is unconfirmed).
                assert_eq!(
                    answer.text.contains("📞"),
                    !p.telefono.is_empty(),
                    "{}",
                    answer.id
                );
                assert!(answer.text.contains(&p.telefono), "{}", answer.id);
                assert!(answer.text.contains("2026"), "{}", answer.id);
                assert!(answer.text.chars().count() <= 1600, "{}", answer.id);
            }
        }
    }
}

#[test]
fn each_procedure_has_its_name_link_and_phone_for_a_failed_miss() {
    for &id in ProcedureId::ALL {
        let p = kb::procedure(id);
        for lang in clara::kb::Lang::ALL {
            let contact = p.contacto.get(*lang).as_str();
            let name = p.nombre.get(*lang).as_str();
            assert!(
                contact.starts_with(&format!("*{}*\n", name.trim())),
                "{id}/{lang}: {contact}"
            );
            assert!(
                contact.contains(p.fuente_url.as_str()),
                "{id}/{lang}: {contact}"
            );
            assert_eq!(
                contact.lines().count(),
                if p.telefono.is_empty() { 2 } else { 3 },
                "name, link, and the phone when there is one: {id}/{lang}: {contact}"
            );
            for number in p.telefono.split(" · ").filter(|n| !n.is_empty()) {
                assert!(
                    contact.contains(number),
                    "{id}/{lang} lacks {number}: {contact}"
                );
            }
        }
    }
}
