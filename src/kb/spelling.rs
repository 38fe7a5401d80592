//! Spelling folds: the key a normalized word is matched by when it is not in the vocabulary as
//! written. Shared by `build.rs` (which folds every vocabulary key) and the responder (which folds
//! a token that missed), so that both sides can never fold differently.
//!
//! Two families of rules, applied in one left-to-right pass over the ASCII bytes:
//! - Spanish as people type it: a silent `h` dropped, `v`→`b`, `ll`→`y`, `z` and soft `c`→`s`
//!   (seseo, ceceo), hard `c`, `q` and `qu`→`k`, `gu`+`e`/`i`→`g`, `gu`+`a`/`o`→`w`, `n`→`m`
//!   before `p`/`b`, doubled letters once ("ingresso", "3andi").
//! - Darija in Latin letters (Arabizi): the digits that stand for Arabic sounds fold to the
//!   letters written without them: `3`→`a`, `7`→(nothing, as `h`), `9`→`k`, `5` and `kh`→`X`,
//!   `8` and `gh`→`g`, `2`→(nothing); `ch` and `sh` → `C` (one sound, two spellings).
//!
//! The uppercase markers (`X`, `C`) cannot come from a normalized word, so they never collide
//! with a letter. A word that is only digits (a menu choice) or holds a byte that is not ASCII
//! (Arabic script, a letter the normalizer kept) has no fold.

/// The longest word that is folded, in bytes (longer tokens are not words people mistype).
pub const MAX_FOLD_BYTES: usize = 48;

/// A vocabulary word shorter than this (in bytes) is not folded, alone; in a phrase it is (the
/// phrase around it tells). At three letters too many ordinary words fold onto one another.
pub const MIN_FOLD_BYTES: usize = 4;

/// The bytes that fold to themselves whatever follows them (no arm of [`fold_into`]'s rules
/// starts with them).
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 256 {
        plain[b] = matches!(
            b as u8,
            b'a' | b'b'
                | b'd'
                | b'e'
                | b'f'
                | b'i'
                | b'j'
                | b'm'
                | b'o'
                | b'p'
                | b'r'
                | b't'
                | b'u'
                | b'w'
                | b'x'
                | b'y'
                | b'0'
                | b'1'
                | b'4'
                | b'6'
        );
        b += 1;
    }
    plain
};

/// Folds the normalized `word` into `out` and returns the folded bytes, or `None` when the word
/// is not folded: empty, only digits, longer than [`MAX_FOLD_BYTES`] or `out`, not ASCII, or
/// nothing left once folded ("h"). The fold is never longer than the word.
pub fn fold_word<'o>(word: &str, out: &'o mut [u8]) -> Option<&'o str> {
    let len = fold_into(word, out)?;
    // Only ASCII bytes were written.
    std::str::from_utf8(&out[..len]).ok()
}

/// [`fold_word`] without the check that the fold is text: writes the (ASCII) fold at the start
/// of `out` and returns its length. For the responder, which checks a message's folds once.
pub fn fold_into(word: &str, out: &mut [u8]) -> Option<usize> {
    let b = word.as_bytes();
    if b.is_empty()
        || b.len() > MAX_FOLD_BYTES
        || b.len() > out.len()
        || !b.is_ascii()
        || b.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let soft = |c: u8| matches!(c, b'e' | b'i');
    let mut len = 0;
    let mut i = 0;
    while i < b.len() {
        if PLAIN[usize::from(b[i])] {
            // Most letters are themselves, whatever comes next: no rule to pick.
            if len == 0 || out[len - 1] != b[i] {
                out[len] = b[i];
                len += 1;
            }
            i += 1;
            continue;
        }
        let (next, after) = (at(i + 1), at(i + 2));
        // What this byte (and the ones it swallows) becomes; 0 for nothing.
        let (folded, used) = match b[i] {
            b'c' if next == b'h' => (b'C', 2),
            b'c' if soft(next) => (b's', 1),
            // "acceso" and "aceso" sound alike: the first of "cc" before e/i is silent.
            b'c' if next == b'c' && soft(after) => (0, 1),
            b'c' => (b'k', 1),
            b's' if next == b'h' => (b'C', 2),
            b'k' if next == b'h' => (b'X', 2),
            b'5' => (b'X', 1),
            b'g' if next == b'h' => (b'g', 2),
            b'8' => (b'g', 1),
            b'g' if next == b'u' && soft(after) => (b'g', 2),
            b'g' if next == b'u' && matches!(after, b'a' | b'o') => (b'w', 2),
            b'q' if next == b'u' && soft(after) => (b'k', 2),
            b'q' | b'9' => (b'k', 1),
            b'l' if next == b'l' => (b'y', 2),
            b'v' => (b'b', 1),
            b'z' => (b's', 1),
            b'n' if matches!(next, b'p' | b'b' | b'v') => (b'm', 1),
            b'3' => (b'a', 1),
            b'h' | b'7' | b'2' => (0, 1),
            other => (other, 1),
        };
        i += used;
        // A letter typed twice is read once ("ingresso", "3andi" → "aandi" → "andi").
        if folded != 0 && (len == 0 || out[len - 1] != folded) {
            out[len] = folded;
            len += 1;
        }
    }
    (len > 0).then_some(len)
}

/// The fold of a normalized key of one or more words (each word folded, single spaces kept), or
/// `None` if one of its words has no fold. What `build.rs` indexes.
pub fn fold_key(key: &str) -> Option<String> {
    let mut out = String::with_capacity(key.len());
    let mut buf = [0u8; MAX_FOLD_BYTES];
    for (n, word) in key.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(fold_word(word, &mut buf)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::fold_key;

    fn same(a: &str, b: &str) {
        assert_eq!(fold_key(a), fold_key(b), "{a} / {b}");
        assert!(fold_key(a).is_some(), "{a} folds");
    }

    #[test]
    fn spanish_spellings_fold_together() {
        for (a, b) in [
            ("hablar", "ablar"),
            ("haber", "aber"),
            ("vivienda", "bivienda"),
            ("baja", "vaja"),
            ("llamar", "yamar"),
            ("calle", "caye"),
            ("necesito", "nesesito"),
            ("certificado", "sertificado"),
            ("situacion", "zituacion"),
            ("quiero", "kiero"),
            ("quiero", "qiero"),
            ("que", "ke"),
            ("como", "qomo"),
            ("empadronamiento", "enpadronamiento"),
            ("ingreso", "ingresso"),
            ("acceso", "aceso"),
            ("guerra", "gerra"),
        ] {
            same(a, b);
        }
    }

    #[test]
    fn arabizi_digits_fold_to_the_letters_written_without_them() {
        for (a, b) in [
            ("3ndi", "andi"),
            ("3andi", "3ndi"),
            ("m7taj", "mhtaj"),
            ("m7taj", "mtaj"),
            ("9ra", "qra"),
            ("9ra", "kra"),
            ("5dma", "khdma"),
            ("kifach", "kifash"),
            ("wach", "wash"),
            ("lwata2i9", "lwatha2i9"),
            ("bghit", "b8it"),
        ] {
            same(a, b);
        }
    }

    #[test]
    fn distinct_sounds_stay_distinct() {
        for (a, b) in [
            ("padron", "patron"),
            ("casa", "cosa"),
            ("khdma", "kdma"),
            ("chno", "kno"),
            ("cita", "kita"),
            ("mira", "mila"),
        ] {
            assert_ne!(fold_key(a), fold_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn numbers_and_other_scripts_are_not_folded() {
        for word in ["1", "2", "10", "2024", "بادرون", "", "h", "77"] {
            assert_eq!(fold_key(word), None, "{word:?}");
        }
        // A word with a digit among letters is Arabizi, and is folded.
        assert_eq!(fold_key("3la").as_deref(), Some("ala"));
    }

    #[test]
    fn phrases_fold_word_by_word() {
        assert_eq!(
            fold_key("kiero el inreso").as_deref(),
            Some("kiero el inreso")
        );
        assert_eq!(fold_key("que vivienda").as_deref(), Some("ke bibienda"));
        assert_eq!(fold_key("3andi 1 ibn"), None, "a number inside a phrase");
    }

    #[test]
    fn a_fold_is_never_longer_than_its_word() {
        let mut buf = [0u8; 8];
        assert_eq!(super::fold_word("chchchch", &mut buf), Some("C"));
        assert_eq!(
            super::fold_word("abcdefghi", &mut buf),
            None,
            "too long for out"
        );
    }
}
