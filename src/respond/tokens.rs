//! Token spans over a normalized text, on the stack, so that n-grams are plain sub-slices.

use crate::kb::normalize::{NORMALIZED_CAP, Normalized};
use crate::kb::spelling::fold_into;

/// At most one token per two bytes (a letter and a space).
const MAX_TOKENS: usize = NORMALIZED_CAP / 2 + 1;

/// The tokens of a [`Normalized`] text (or of its [`Folded`] twin) as byte ranges.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    spans: [(u16, u16); MAX_TOKENS],
    len: usize,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(normalized: &'a Normalized) -> Tokens<'a> {
        Tokens::split(normalized.as_str())
    }

    /// The tokens of `text`, which has single spaces between tokens and at most
    /// [`NORMALIZED_CAP`] bytes.
    pub(crate) fn split(text: &'a str) -> Tokens<'a> {
        let mut tokens = Tokens {
            text,
            spans: [(0, 0); MAX_TOKENS],
            len: 0,
        };
        let mut start = 0;
        for (i, byte) in text.bytes().chain(std::iter::once(b' ')).enumerate() {
            if byte == b' ' {
                if i > start && tokens.len < MAX_TOKENS {
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

/// A token with no spelling fold (a number, Arabic script) in a [`Folded`] text: no key holds it.
const UNFOLDED: u8 = b'#';

/// The spelling folds of a text's tokens (`kb::spelling`), one folded token per token, in order,
/// so that folded token `i` and its n-grams line up with token `i`'s. Made once per message and
/// shared by the scans, on the stack.
pub(crate) struct Folded {
    buf: [u8; NORMALIZED_CAP],
    len: usize,
}

impl Folded {
    pub(crate) fn new(tokens: &Tokens<'_>) -> Folded {
        let mut folded = Folded {
            buf: [0; NORMALIZED_CAP],
            len: 0,
        };
        for i in 0..tokens.len() {
            let token = tokens.get(i);
            // Never longer than the text: a fold is at most its token, `#` one byte of it.
            if i > 0 {
                folded.buf[folded.len] = b' ';
                folded.len += 1;
            }
            let start = folded.len;
            folded.len += match fold_into(token, &mut folded.buf[start..start + token.len()]) {
                Some(len) => len,
                None => {
                    folded.buf[start] = UNFOLDED;
                    1
                }
            };
        }
        folded
    }

    /// The folded tokens, lined up with the tokens they were made from.
    pub(crate) fn tokens(&self) -> Tokens<'_> {
        // Only folds (ASCII), `#` and spaces were written.
        Tokens::split(std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default())
    }
}
