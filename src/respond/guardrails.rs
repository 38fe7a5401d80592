//! The guardrail pre-check: self-harm, violence and illegal requests, in the four languages,
//! before anything else is matched.

use super::lexicon;
use super::tokens::Tokens;
use crate::kb::{GUARDS, GuardCategory};

/// The first guardrail category the text triggers, self-harm first.
pub(crate) fn check(tokens: &Tokens<'_>) -> Option<GuardCategory> {
    let mut found: Option<GuardCategory> = None;
    lexicon::scan(tokens, &GUARDS, None, |_, hit| {
        // Lower index = more urgent (self-harm before violence before illegal).
        if found.is_none_or(|f| hit.value.index() < f.index()) {
            found = Some(hit.value);
        }
    });
    found
}
