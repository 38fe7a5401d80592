//! The guardrail pre-check: self-harm, violence, medical emergencies, dangerous and illegal
//! requests, in the four languages, before anything else is matched.

use super::lexicon;
use super::tokens::Tokens;
use crate::kb::schema::MAX_PHRASE_WORDS;
use crate::kb::{GUARDS, Guard, NOT_ALARMS};

/// The most urgent guardrail the text triggers (self-harm first), with the language of the term
/// that triggered it. A hit inside a phrase that is not an alarm ("bomba de agua") is ignored.
/// `folded` are the tokens' spelling folds (a misspelled crisis is still one). An account of
/// past violence ([`Guard::account`]) comes after every other hit, so it is returned only when
/// nothing else in the message is an alarm.
pub(crate) fn check(tokens: &Tokens<'_>, folded: &Tokens<'_>) -> Option<Guard> {
    // Lower = more urgent: any alarm before an account, then self-harm before violence before
    // illegal.
    let urgency = |g: Guard| (g.account, g.category.index());
    let mut found: Option<Guard> = None;
    lexicon::scan(tokens, folded, &GUARDS, None, |at, hit| {
        let more_urgent = found.is_none_or(|f| urgency(hit.value) < urgency(f));
        if more_urgent && !excepted(tokens, at, hit.words) {
            found = Some(hit.value);
        }
    });
    found
}

/// Whether a phrase of `NOT_ALARMS` overlaps the tokens `at..at + words`. Only asked on a hit,
/// which is rare: a few n-gram lookups around it.
fn excepted(tokens: &Tokens<'_>, at: usize, words: usize) -> bool {
    let end = at + words;
    (at.saturating_sub(MAX_PHRASE_WORDS - 1)..end).any(|start| {
        (1..=MAX_PHRASE_WORDS).filter(|n| start + n > at).any(|n| {
            tokens
                .ngram(start, n)
                .is_some_and(|p| NOT_ALARMS.contains(p))
        })
    })
}
