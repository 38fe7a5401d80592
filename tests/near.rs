//! One-edit tolerance for procedure words, compiled by `build.rs` (`kb::NEAR`, a deletion
//! index): checked against the vocabulary it came from, and through the responder.

use clara::kb::{NEAR, TERMS};
use clara::{Intent, ProcedureId, Responder};

#[test]
fn every_near_key_is_one_deletion_of_its_word_and_no_word_itself() {
    assert!(NEAR.len() > 100, "the index is built ({} keys)", NEAR.len());
    for (variant, word) in NEAR.entries() {
        assert!(
            TERMS.word(variant).is_none(),
            "{variant} is a word of its own"
        );
        // An Arabic word is in `NEAR` with its prefixes too ("ببوليسيا"), and in `TERMS` bare.
        let term = std::iter::once(0)
            .chain(clara::kb::normalize::arabic_prefixes(word))
            .find_map(|skip| TERMS.word(&word[skip..]))
            .unwrap_or_else(|| panic!("{word} is not a word"));
        assert!(term.procedure.is_some(), "{word} names no procedure");
        assert!(
            word.chars().count() >= clara::kb::schema::MIN_NEAR_CHARS,
            "{word}"
        );
        let one_deletion = word
            .char_indices()
            .any(|(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..]) == *variant);
        // A prefixed Arabic word, which `TERMS` does not hold as written, is its own key.
        let prefixed_itself = variant == word && TERMS.word(word).is_none();
        assert!(
            one_deletion || prefixed_itself,
            "{variant} is not {word} less one letter"
        );
    }
}

#[test]
fn a_procedure_name_one_edit_away_still_finds_its_procedure() {
    let responder = Responder::default();
    for (text, procedure) in [
        ("que es el empadronamieto", ProcedureId::Empadronamiento), // a letter missing
        (
            "necesito la tarjeta sanitria",
            ProcedureId::TarjetaSanitaria,
        ),
        ("la targeta sanitaira", ProcedureId::TarjetaSanitaria), // two letters swapped
        ("quiero empadronarmee", ProcedureId::Empadronamiento),  // a letter too many
        // The same on Arabic words with the article: a letter too many on one listed with it
        // ("الأرايغو") and on one the tables hold only bare ("الأريغو"), one missing ("الأبوغادو").
        ("شنو هو الأراايغو", ProcedureId::Arraigo),
        ("شنو هو الأرطيغو", ProcedureId::Arraigo),
        ("بغيت الأبوغاد", ProcedureId::JusticiaGratuita),
        // One letter from two spellings that are both listed and route alike ("الشوماج",
        // "الشوماش"): either will do, where an ambiguous deletion is otherwise left out.
        ("شنو هو الشوماؾ", ProcedureId::PrestacionDesempleo),
    ] {
        assert_eq!(
            responder.respond(text, None).intent,
            Intent::Procedure(procedure),
            "{text}"
        );
    }
}

#[test]
fn short_words_and_ordinary_words_stay_exact() {
    let responder = Responder::default();
    // "patron" (an employer) is one edit from "padron", which is too short to be tolerated.
    for text in ["mi patron no me paga", "what is the weather"] {
        assert_eq!(responder.respond(text, None).intent, Intent::None, "{text}");
    }
    // Announcing a question gets the menu, not a procedure one edit away.
    assert_eq!(
        responder.respond("tengo una pregunta", None).intent,
        Intent::Menu
    );
}
