//! Which language to answer in: the channel's, else Arabic script, else vocabulary hints, else
//! `whatlang` on longer text, else Spanish.

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

impl Hints {
    pub(crate) fn vote(&mut self, lang: Lang) {
        self.0[lang.index()] = self.0[lang.index()].saturating_add(1);
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
    match previous {
        Some(previous)
            if hints.is_empty()
                && !normalized.has_arabic()
                && normalized.char_count() < WHATLANG_MIN_CHARS =>
        {
            previous
        }
        _ => detect(normalized, hints),
    }
}

/// Decides the language of a normalized message given the vocabulary `hints`.
pub(crate) fn detect(normalized: &Normalized, hints: Hints) -> Lang {
    if normalized.has_arabic() {
        return Lang::Ar;
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
