//! Token spans over a normalized text, on the stack, so that n-grams are plain sub-slices.

use crate::kb::normalize::{NORMALIZED_CAP, Normalized};

/// At most one token per two bytes (a letter and a space).
const MAX_TOKENS: usize = NORMALIZED_CAP / 2 + 1;

/// The tokens of a [`Normalized`] text as byte ranges; at most `N` of them (a few for the
/// folded words of one phrase, see `lexicon::lookup_folded`).
pub(crate) struct Tokens<'a, const N: usize = MAX_TOKENS> {
    text: &'a str,
    spans: [(u16, u16); N],
    len: usize,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(normalized: &'a Normalized) -> Tokens<'a> {
        Tokens::split(normalized.as_str())
    }
}

impl<'a, const N: usize> Tokens<'a, N> {
    /// The first `N` tokens of `text`, which has single spaces between tokens and at most
    /// [`NORMALIZED_CAP`] bytes.
    pub(crate) fn split(text: &'a str) -> Tokens<'a, N> {
        let mut tokens = Tokens {
            text,
            spans: [(0, 0); N],
            len: 0,
        };
        let mut start = 0;
        for (i, byte) in text.bytes().chain(std::iter::once(b' ')).enumerate() {
            if byte == b' ' {
                if i > start && tokens.len < N {
                    // Both fit: the text is at most NORMALIZED_CAP bytes.
                    tokens.spans[tokens.len] = (start as u16, i as u16);
                    tokens.len += 1;
                }
                start = i + 1;
            }
        }
        tokens
    }

    /// The whole normalized text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Token `i`.
    pub(crate) fn get(&self, i: usize) -> &'a str {
        let (start, end) = self.spans[i];
        &self.text[usize::from(start)..usize::from(end)]
    }

    /// Tokens `i .. i + n` as one slice ("ingreso minimo vital"), if there are that many.
    pub(crate) fn ngram(&self, i: usize, n: usize) -> Option<&'a str> {
        let last = (i + n).checked_sub(1).filter(|&last| last < self.len)?;
        Some(&self.text[usize::from(self.spans[i].0)..usize::from(self.spans[last].1)])
    }
}
