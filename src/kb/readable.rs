//! Rules that keep an answer readable on a phone by someone who reads with difficulty: how long a
//! facet may be, that Arabic text isolates its numbers and Latin words, and that every phone number
//! a text gives is one of the directory's (`data/telefonos.json`).
//!
//! Shared by `build.rs` (through `compile.rs`) and `clara check`; like `schema.rs`, it may only use
//! `std` and its siblings.

/// A facet's body (`resumen` + `pasos`) may have at most this many words in any language.
pub const MAX_FACET_WORDS: usize = 110;

/// A facet may have at most this many numbered points.
pub const MAX_POINTS: usize = 5;

/// LEFT-TO-RIGHT ISOLATE: opens a run of numbers or Latin text inside Arabic.
pub const LRI: char = '\u{2066}';
/// POP DIRECTIONAL ISOLATE: closes it.
pub const PDI: char = '\u{2069}';

/// Words of a facet body, counted the way a reader sees them: runs between spaces that hold a
/// letter or digit (French puts a narrow no-break space before `:`, which is not a word).
pub fn words(resumen: &str, pasos: &[String]) -> usize {
    std::iter::once(resumen)
        .chain(pasos.iter().map(String::as_str))
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Why an Arabic text would display in the wrong order, if it would: an ASCII digit or Latin
/// letter outside an isolate ("900 20 22 22" shows as "22 22 20 900" between Arabic words), or
/// isolates that do not balance. `{placeholder}` names are template syntax, not text.
pub fn bidi_problem(text: &str) -> Option<String> {
    // A link glued to the closing isolate takes it into the address when a chat linkifies it.
    if let Some(link) = text
        .split_whitespace()
        .find(|word| word.contains("https://") && word.contains(PDI))
    {
        return Some(format!(
            "`{}`: put a space between a link and U+2069, or the link breaks",
            link.replace([LRI, PDI], "")
        ));
    }
    let mut depth = 0usize;
    let mut placeholder = false;
    for (at, c) in text.char_indices() {
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            PDI if depth == 0 => {
                return Some(format!(
                    "a closing isolate (U+2069) at byte {at} has no opening one"
                ));
            }
            PDI => depth -= 1,
            '{' => placeholder = true,
            '}' => placeholder = false,
            c if needs_isolate(c) && depth == 0 && !placeholder => {
                let run: String = text[at..]
                    .chars()
                    .take_while(|&c| !matches!(c, LRI | PDI) && !is_arabic(c))
                    .collect();
                return Some(format!(
                    "`{}` is not isolated: wrap numbers and Latin text in U+2066 … U+2069",
                    run.trim()
                ));
            }
            _ => {}
        }
    }
    (depth != 0).then(|| format!("{depth} isolate(s) opened and not closed (U+2069)"))
}

/// A character with a left-to-right direction of its own: an ASCII digit or a letter of the
/// Latin, Greek or Cyrillic scripts (all below U+0590; letter-like symbols such as ℹ are not text).
fn needs_isolate(c: char) -> bool {
    c.is_ascii_digit() || c.is_alphabetic() && c < '\u{0590}'
}

/// Arabic script, including its supplements and presentation forms.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `text` wrapped in an isolate when it is for an Arabic answer and holds numbers or Latin text.
pub fn isolate_for_arabic(text: &str, arabic: bool) -> String {
    if arabic && text.chars().any(needs_isolate) {
        format!("{LRI}{text}{PDI}")
    } else {
        text.to_string()
    }
}

/// A link for an Arabic answer: isolated, with a space before the closing isolate so that the
/// address ends where a linkifier looks for its end.
pub fn isolate_link_for_arabic(url: &str, arabic: bool) -> String {
    if arabic {
        format!("{LRI}{url} {PDI}")
    } else {
        url.to_string()
    }
}

/// The phone numbers written in `text`, as written (groups joined by one space): a run of digit
/// groups separated by single spaces with at least nine digits (Spanish numbers, after a `+34`
/// prefix), or a three-digit short number that starts with 0 or is 112 (012, 016, 024, 091, 112…).
/// Years (four digits), amounts and law numbers (`180/2026`) are not phone-shaped.
pub fn phone_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit() && (i == 0 || !is_number_part(chars[i - 1]));
        if !starts_number {
            i += 1;
            continue;
        }
        let mut groups: Vec<String> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            groups.push(chars[start..j].iter().collect());
            let space = j + 1 < chars.len()
                && matches!(chars[j], ' ' | '\u{a0}' | '\u{202f}')
                && chars[j + 1].is_ascii_digit();
            if !space {
                break;
            }
            j += 1;
        }
        // A number glued to a letter, a slash, a dash or a decimal point is a code or an amount.
        let glued = j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '/')
            || j + 1 < chars.len() && is_number_part(chars[j]) && chars[j + 1].is_ascii_digit();
        let plus = i > 0 && chars[i - 1] == '+';
        if plus && groups.first().is_some_and(|g| g == "34") {
            groups.remove(0);
        }
        let digits: usize = groups.iter().map(String::len).sum();
        let short =
            groups.len() == 1 && digits == 3 && (groups[0].starts_with('0') || groups[0] == "112");
        if !glued && (digits >= 9 || short) {
            found.push(groups.join(" "));
        }
        i = j;
    }
    found
}

/// Letters, digits and the punctuation inside codes, amounts and dates (`790‑052`, `38,28`).
fn is_number_part(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | ',' | '-' | '\u{2010}'..='\u{2015}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_of_summary_and_points() {
        assert_eq!(words("Dos palabras.", &["y tres más".to_string()]), 5);
        assert_eq!(
            words("Demande\u{202f}: ici", &[]),
            2,
            "a lone colon is not a word"
        );
    }

    #[test]
    fn arabic_numbers_must_be_isolated() {
        assert!(
            bidi_problem("الموقع \u{2066}https://x.es/\u{2069}").is_some(),
            "glued link"
        );
        assert!(bidi_problem("الموقع \u{2066}https://x.es/ \u{2069}").is_none());
        assert!(bidi_problem("اتصل بالرقم 900 20 22 22 مجانا").is_some());
        assert!(bidi_problem("اتصل بالرقم \u{2066}900 20 22 22\u{2069} مجانا").is_none());
        assert!(bidi_problem("بطاقة TSI").is_some());
        assert_eq!(
            bidi_problem("التسجيل Padrón هنا").as_deref(),
            Some("`Padrón` is not isolated: wrap numbers and Latin text in U+2066 … U+2069")
        );
        assert!(bidi_problem("التسجيل \u{2066}Padrón\u{2069} 🙂 ℹ️").is_none());
        assert!(bidi_problem("\u{2066}TSI").is_some(), "unclosed");
        assert!(
            bidi_problem("TSI\u{2069}").is_some(),
            "closed before opened"
        );
        assert!(
            bidi_problem("الرقم ١٢").is_none(),
            "Arabic-Indic digits need nothing"
        );
        assert!(
            bidi_problem("{nombre} — {faceta}").is_none(),
            "placeholders are syntax"
        );
    }

    #[test]
    fn finds_phone_shaped_numbers_only() {
        assert_eq!(
            phone_numbers("Llama al 900 20 22 22 (gratis) o al 012."),
            ["900 20 22 22", "012"]
        );
        assert_eq!(
            phone_numbers("Desde fuera: +34 915 298 210"),
            ["915 298 210"]
        );
        assert_eq!(phone_numbers("112 y 016"), ["112", "016"]);
        assert!(phone_numbers("Real Decreto 180/2026, 604,80 € al mes, en 2026").is_empty());
        assert!(phone_numbers("modelo 790-012, 3 meses, 90 días").is_empty());
        assert!(phone_numbers("tasa 790\u{2011}052 de 38,28 €").is_empty());
        assert!(phone_numbers("1 200 euros").is_empty());
        assert_eq!(
            phone_numbers("\u{2066}060\u{2069}"),
            ["060"],
            "inside an isolate"
        );
    }

    #[test]
    fn isolates_only_arabic_values_with_latin_or_digits() {
        assert_eq!(isolate_for_arabic("012", true), "\u{2066}012\u{2069}");
        assert_eq!(isolate_for_arabic("012", false), "012");
        assert_eq!(isolate_for_arabic("نوفمبر", true), "نوفمبر");
    }
}
