//! A person's words made safe to send or store: identity numbers, phone numbers, e-mail
//! addresses and bank accounts are replaced with `[…]` before any text leaves the machine
//! (Gemini) or is written down (miss journal, hot cache, dead letters), and a question is capped
//! in length before it goes into a prompt. The one place every such path goes through.
//!
//! The official numbers Clara's own content publishes (900 20 22 22, 060, …) are kept, so that a
//! generated answer still tells people whom to call.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::kb::{self, ProcedureId};

/// What a redacted span becomes.
pub const MARK: &str = "[…]";

/// The longest question sent to Gemini, in characters: a WhatsApp question is a few lines; a
/// longer text is pasted material that costs quota and can carry instructions.
pub const MAX_QUESTION_CHARS: usize = 1200;

/// The shortest digit run that is a personal number (Spanish phones have 9 digits; shorter runs
/// are dates, amounts, postal codes and official short numbers).
const MIN_PHONE_DIGITS: usize = 9;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}").expect("valid regex")
});

/// IBAN: country, check digits, a bank code (letters in some countries), then groups of four
/// digits, spaced or not, as printed on bank papers.
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z]{2}\d{2}[ -]?[a-z0-9]{4}(?:[ -]?\d{4}){1,6}(?:[ -]?\d{1,4})?\b")
        .expect("valid regex")
});

/// DNI (8 digits and a letter, also written 12.345.678-Z), NIE (X/Y/Z, 7 digits, a letter) and
/// passport-like numbers (one to three letters and 6 to 9 digits: Spanish `XDC123456`, Moroccan
/// `AB1234567`, …).
static ID_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\d{2}\.?\d{3}\.?\d{3}[ -]?[a-z]|[xyz][ -]?\d{7}[ -]?[a-z]|[a-z]{1,3}\d{6,9})\b",
    )
    .expect("valid regex")
});

/// A phone number: an optional `+` and country code, then digits with single spaces, dots or
/// dashes between them. Which runs are personal is decided by their digit count.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+\d{1,3}[ .-]?|\b)\d(?:[ .-]?\d){5,16}\b").expect("valid regex")
});

/// Every phone number Clara's content publishes, as digits: these are never redacted.
static OFFICIAL_NUMBERS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let procedures = ProcedureId::ALL
        .iter()
        .map(|&p| kb::procedure(p).telefono.as_str());
    kb::answers()
        .iter()
        .map(|a| a.text)
        .chain(procedures)
        .flat_map(|text| PHONE.find_iter(text).map(|m| digits(m.as_str())))
        .collect()
});

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `text` with identity documents, personal phone numbers, e-mail addresses and IBANs replaced
/// by [`MARK`]. Borrowed when there was nothing to hide.
pub fn personal_data(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    for pattern in [&*EMAIL, &*IBAN, &*ID_DOCUMENT] {
        let changed = match pattern.replace_all(&out, MARK) {
            Cow::Owned(changed) => Some(changed),
            Cow::Borrowed(_) => None,
        };
        if let Some(changed) = changed {
            out = Cow::Owned(changed);
        }
    }
    let mut hid_a_phone = false;
    let changed = PHONE
        .replace_all(&out, |c: &Captures<'_>| {
            let found = &c[0];
            let d = digits(found);
            if d.len() < MIN_PHONE_DIGITS || OFFICIAL_NUMBERS.contains(&d) {
                found.to_string()
            } else {
                hid_a_phone = true;
                MARK.to_string()
            }
        })
        .into_owned();
    if hid_a_phone {
        Cow::Owned(changed)
    } else {
        out
    }
}

/// `text` cut to at most `max` characters, at the last word boundary before the limit, with `…`
/// appended when something was cut. Borrowed when it already fits.
pub fn cap(text: &str, max: usize) -> Cow<'_, str> {
    let Some((cut_at, _)) = text.char_indices().nth(max) else {
        return Cow::Borrowed(text);
    };
    let head = &text[..cut_at];
    let end = head.rfind(char::is_whitespace).unwrap_or(head.len());
    let kept = head[..end].trim_end();
    // `…` is one character: the result stays within `max`.
    let kept = match kept.char_indices().nth(max.saturating_sub(1)) {
        Some((i, _)) => &kept[..i],
        None => kept,
    };
    Cow::Owned(format!("{kept}…"))
}

/// A person's question as it may leave the machine: personal data hidden, then capped at
/// [`MAX_QUESTION_CHARS`].
pub fn question(text: &str) -> String {
    cap(&personal_data(text), MAX_QUESTION_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str) -> String {
        personal_data(text).into_owned()
    }

    #[test]
    fn identity_documents_are_hidden() {
        for (given, expected) in [
            ("mi DNI es 12345678Z", "mi DNI es […]"),
            ("dni 12.345.678-Z gracias", "dni […] gracias"),
            ("NIE X1234567L", "NIE […]"),
            ("nie: y-1234567-l", "nie: […]"),
            ("passport XDC123456 expired", "passport […] expired"),
            ("جواز السفر AB1234567", "جواز السفر […]"),
        ] {
            assert_eq!(redacted(given), expected, "{given}");
        }
    }

    #[test]
    fn phones_emails_and_ibans_are_hidden() {
        for (given, expected) in [
            ("llamame al +34 612 345 678", "llamame al […]"),
            ("móvil 612 345 678, +34 699112233", "móvil […], […]"),
            ("612345678 o 699-11-22-33", "[…] o […]"),
            ("0034 612 34 56 78", "[…]"),
            (
                "écrivez à fatima.b+clara@example.org svp",
                "écrivez à […] svp",
            ),
            (
                "IBAN ES91 2100 0418 4502 0005 1332 gracias",
                "IBAN […] gracias",
            ),
            ("ES9121000418450200051332", "[…]"),
            ("GB29 NWBK 6016 1331 9268 19.", "[…]."),
        ] {
            assert_eq!(redacted(given), expected, "{given}");
        }
    }

    #[test]
    fn official_numbers_dates_and_amounts_stay() {
        for text in [
            "llama al 900 20 22 22 o al 060",
            "el 112, el 016 y el 024",
            "cita el 29-11-2026 a las 10:30",
            "cobro 604,32 euros al mes, código postal 28001",
            "Real Decreto 1155/2024, modelo 790 código 012",
            "tengo 3 hijos y 24 años",
        ] {
            assert_eq!(redacted(text), text);
            assert!(matches!(personal_data(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn questions_are_capped_at_a_word_boundary() {
        let long = "palabra ".repeat(1000);
        let q = question(&long);
        assert!(
            q.chars().count() <= MAX_QUESTION_CHARS,
            "{}",
            q.chars().count()
        );
        assert!(q.ends_with("palabra…"), "{}", &q[q.len() - 20..]);
        // One word longer than the cap is cut inside it, still within the cap.
        let word = "x".repeat(5000);
        assert_eq!(question(&word).chars().count(), MAX_QUESTION_CHARS);
        assert_eq!(question("¿qué es el IMV?"), "¿qué es el IMV?");
        let arabic = "كلمة ".repeat(1000);
        assert!(question(&arabic).chars().count() <= MAX_QUESTION_CHARS);
    }
}
