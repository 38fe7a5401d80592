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

    /// These hints plus an Arabic vote per Arabizi word of `normalized`
    /// ([`Normalized::arabizi_words`]).
    fn with_arabizi(mut self, normalized: &Normalized) -> Hints {
        let words = normalized.arabizi_words();
        self.votes(Lang::Ar, words.saturating_mul(ARABIZI_WEIGHT));
        self
    }

    /// Whether no word voted.
    fn is_empty(&self) -> bool {
        self.0 == [0; 4]
    }

    /// Whether `lang` has the most votes, alone or tied.
    fn leads(&self, lang: Lang) -> bool {
        let votes = self.0[lang.index()];
        votes > 0 && self.0.iter().all(|&other| other <= votes)
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
    // A tie the conversation's language is part of ("thank you ma God bless": English and
    // French) is the conversation's.
    if let Some(previous) = previous
        && hints.leads(previous)
    {
        return previous;
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

#[cfg(test)]
mod tests {
    use super::*;

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
            detect_in(&text, two, Some(Lang::En)),
            Lang::Es,
            "a tie is no winner (counted twice, the Arabizi word would win)"
        );
    }

    #[test]
    fn a_tie_the_conversation_s_language_is_in_keeps_it() {
        // "thank you ma god bless": "you" tells English and "ma" French.
        let mut tie = Hints::default();
        tie.vote(Lang::En);
        tie.vote(Lang::Fr);
        let text = Normalized::new("thank you ma god bless");
        assert_eq!(detect_in(&text, tie, Some(Lang::En)), Lang::En);
        assert_eq!(detect_in(&text, tie, Some(Lang::Fr)), Lang::Fr);
        // A conversation in a language out of the tie does not decide it.
        assert_eq!(detect_in(&text, tie, Some(Lang::Ar)), Lang::Es);
        assert_eq!(detect(&text, tie), Lang::Es);
    }
}
