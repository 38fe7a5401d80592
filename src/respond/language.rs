//! Which language to answer in: the channel's, else Arabic script, else vocabulary hints (with
//! Arabizi words), else `whatlang` on longer text, else Spanish.

use std::sync::LazyLock;

use crate::kb::Lang;
use crate::kb::normalize::Normalized;

/// Below this many characters `whatlang` guesses too often to be worth it.
const WHATLANG_MIN_CHARS: usize = 24;

static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Spa,
        whatlang::Lang::Fra,
        whatlang::Lang::Eng,
        whatlang::Lang::Ara,
    ])
});

/// Votes from words whose language is known, indexed by [`Lang::index`].
#[derive(Default, Clone, Copy)]
pub(crate) struct Hints([u8; 4]);

/// What a word in Latin letters that tells Arabic (an Arabizi word) weighs against one telling
/// French, Spanish or English: Darija speakers write many French and Spanish words ("bghit
/// avocat gratuit", "fin ndir la cita"), while those languages' speakers write no Darija.
const ARABIZI_WEIGHT: u8 = 2;

impl Hints {
    pub(crate) fn vote(&mut self, lang: Lang) {
        self.votes(lang, if lang == Lang::Ar { ARABIZI_WEIGHT } else { 1 });
    }

    fn votes(&mut self, lang: Lang, n: u8) {
        self.0[lang.index()] = self.0[lang.index()].saturating_add(n);
    }

    /// These hints plus an Arabic vote per [`arabizi_words`] of `normalized`.
    fn with_arabizi(mut self, normalized: &Normalized) -> Hints {
        let words = arabizi_words(normalized.as_bytes());
        self.votes(Lang::Ar, words.saturating_mul(ARABIZI_WEIGHT));
        self
    }

    /// Whether no word voted.
    fn is_empty(&self) -> bool {
        self.0 == [0; 4]
    }

    /// The language with strictly the most votes.
    fn winner(&self) -> Option<Lang> {
        let best = *self.0.iter().max()?;
        let mut leaders = Lang::ALL.iter().filter(|l| self.0[l.index()] == best);
        match (best, leaders.next(), leaders.next()) {
            (1.., Some(&lang), None) => Some(lang),
            _ => None,
        }
    }
}

/// The language of a message in a conversation held so far in `previous`: a message too short
/// for `whatlang` and with no telling word or script ("ok", "2", "NIE", an emoji, a voice note's
/// empty body) keeps the conversation's; any other is detected.
pub(crate) fn detect_in(normalized: &Normalized, hints: Hints, previous: Option<Lang>) -> Lang {
    if normalized.has_arabic() {
        return Lang::Ar;
    }
    let hints = hints.with_arabizi(normalized);
    if let Some(previous) = previous
        && hints.is_empty()
        && normalized.char_count() < WHATLANG_MIN_CHARS
    {
        return previous;
    }
    if let Some(lang) = hints.winner() {
        return lang;
    }
    if normalized.char_count() >= WHATLANG_MIN_CHARS {
        // Only reached by long text with no telling word; whatlang allocates, the rest does not.
        match DETECTOR.detect_lang(normalized.as_str()) {
            Some(whatlang::Lang::Fra) => return Lang::Fr,
            Some(whatlang::Lang::Eng) => return Lang::En,
            Some(whatlang::Lang::Ara) => return Lang::Ar,
            _ => {}
        }
    }
    Lang::Es
}

/// Decides the language of a normalized message given the vocabulary `hints`, out of any
/// conversation.
pub(crate) fn detect(normalized: &Normalized, hints: Hints) -> Lang {
    detect_in(normalized, hints, None)
}

/// What a number glued to a word means when it is not Arabizi: a unit, a count or an ordinal
/// ("3ans", "7dias", "9h", "3eme", "3rd"), as people write them in a hurry.
const NUMBER_SUFFIXES: &[&[u8]] = &[
    b"am",
    b"an",
    b"ano",
    b"anos",
    b"ans",
    b"day",
    b"days",
    b"dia",
    b"dias",
    b"enfant",
    b"enfants",
    b"em",
    b"eme",
    b"er",
    b"ere",
    b"eur",
    b"euro",
    b"euros",
    b"fois",
    b"hora",
    b"horas",
    b"hour",
    b"hours",
    b"heure",
    b"heures",
    b"hija",
    b"hijas",
    b"hijo",
    b"hijos",
    b"jour",
    b"jours",
    b"kg",
    b"kids",
    b"km",
    b"meses",
    b"mes",
    b"min",
    b"mn",
    b"mois",
    b"month",
    b"months",
    b"ninos",
    b"pm",
    b"rd",
    b"semaine",
    b"semaines",
    b"semana",
    b"semanas",
    b"st",
    b"th",
    b"times",
    b"veces",
    b"week",
    b"weeks",
    b"year",
    b"years",
];

/// How many words of a normalized text are Darija written in Latin letters with a digit for a
/// letter Latin lacks: 3 for ع, 7 for ح, 9 for ق ("3andi", "n9der", "l7a9", "m3a"). Each is a
/// vote for Arabic, however French or Spanish the rest looks ("fin ndir la cita 3afak"). Only
/// 3, 7 and 9: 2 and 8 are English and Spanish SMS spelling too ("2nite", "gr8", "salu2").
/// Not a word with a run of digits ("covid19", "2026"), with fewer than two letters ("9h",
/// "3x"), nor one digit before a unit or an ordinal ("3ans", "3eme").
pub(crate) fn arabizi_words(normalized: &[u8]) -> u8 {
    // Most messages have none of the three digits: one pass over the bytes, and done.
    if !normalized.iter().any(|b| matches!(b, b'3' | b'7' | b'9')) {
        return 0;
    }
    let count = normalized
        .split(|&b| b == b' ')
        .filter(|w| is_arabizi(w))
        .count();
    u8::try_from(count).unwrap_or(u8::MAX)
}

fn is_arabizi(word: &[u8]) -> bool {
    let (mut letters, mut digits, mut after_digit) = (0, 0, false);
    for &b in word {
        match b {
            b'3' | b'7' | b'9' if !after_digit => digits += 1,
            b'a'..=b'z' => letters += 1,
            // Any other digit, a second digit in a row, or a letter outside ASCII.
            _ => return false,
        }
        after_digit = b.is_ascii_digit();
    }
    let glued_number =
        word.first().is_some_and(u8::is_ascii_digit) && NUMBER_SUFFIXES.contains(&&word[1..]);
    digits > 0 && letters >= 2 && !glued_number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabizi_words_are_darija_spelled_with_digits() {
        for word in [
            "3andi", "n9der", "l7a9", "m3a", "wra9", "3afak", "ma3ndich", "7ta",
        ] {
            assert!(is_arabizi(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn numbers_in_other_words_are_not_arabizi() {
        for word in [
            "3ans", "7dias", "9h", "3eme", "3rd", "2026", "covid19", "3x", "gr8", "salu2", "2nite",
            "3", "a3", "24h", "9am", "3é", "ré3", "",
        ] {
            assert!(!is_arabizi(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn an_arabizi_word_is_weighed_once_in_a_conversation_too() {
        // One Arabizi word weighs two French words: three of them win, in or out of a
        // conversation.
        let mut french = Hints::default();
        (0..3).for_each(|_| french.vote(Lang::Fr));
        let text = Normalized::new("3afak");
        assert_eq!(detect(&text, french), Lang::Fr);
        assert_eq!(detect_in(&text, french, Some(Lang::Es)), Lang::Fr);
        let mut two = Hints::default();
        (0..2).for_each(|_| two.vote(Lang::Fr));
        assert_eq!(
            detect_in(&text, two, Some(Lang::Fr)),
            Lang::Es,
            "a tie is no winner"
        );
    }

    #[test]
    fn a_text_counts_its_arabizi_words() {
        assert_eq!(arabizi_words(b"3afak wach 3andi l7a9 f lparo"), 3);
        assert_eq!(arabizi_words(b"que es el imv"), 0);
        assert_eq!(arabizi_words(b"j ai 3 enfants depuis 3ans 9h 2 fois"), 0);
    }
}
