//! Properties of the normalizer: it never panics, stays within its buffer, and is idempotent.

use clara::kb::normalize::{NORMALIZED_CAP, Normalized};
use proptest::prelude::*;

/// Strings that mix the scripts and symbols Clara sees: Latin with accents, Arabic with harakat,
/// digits, emoji keycaps, punctuation, and anything else.
fn messages() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-ZáéíóúñÁÉÍÓÚÑçÇüÜ¿¡?!.,' ]{0,80}",
        "[\u{0600}-\u{06FF} ]{0,80}",
        "[0-9\u{0660}-\u{0669}\u{FE0F}\u{20E3} ]{0,20}",
        ".{0,1200}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn stays_within_its_buffer(text in messages()) {
        let n = Normalized::new(&text);
        prop_assert!(n.as_str().len() <= NORMALIZED_CAP);
    }

    #[test]
    fn is_idempotent(text in messages()) {
        let once = Normalized::new(&text);
        let twice = Normalized::new(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
    }

    #[test]
    fn has_single_spaces_and_no_edges(text in messages()) {
        let n = Normalized::new(&text);
        let s = n.as_str();
        prop_assert!(!s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  "));
    }

    #[test]
    fn responder_never_panics(text in messages()) {
        let _ = clara::Responder::default().respond(&text, None);
    }
}

#[test]
fn folds_what_people_type() {
    let cases = [
        ("¿Qué es el IMV?", "que es el imv"),
        ("EMPADRONAMIENTO", "empadronamiento"),
        ("Français, ça!", "francais ca"),
        ("1️⃣", "1"),
        ("٣", "3"),
        ("مُسَاعَدَة", "مساعده"),
        ("أإآ ٱ", "ااا ا"),
        ("مستشفــى", "مستشفي"),
        ("   hola   \n\t mundo  ", "hola mundo"),
    ];
    for (input, expected) in cases {
        assert_eq!(Normalized::new(input).as_str(), expected, "input {input:?}");
    }
}

#[test]
fn truncates_long_input_at_a_char_boundary() {
    let long = "ñ".repeat(NORMALIZED_CAP * 2);
    let n = Normalized::new(&long);
    assert_eq!(n.as_str(), "n".repeat(NORMALIZED_CAP));
    let arabic = "ب".repeat(NORMALIZED_CAP);
    let n = Normalized::new(&arabic);
    assert_eq!(n.as_str().chars().count(), NORMALIZED_CAP / 2);
}
