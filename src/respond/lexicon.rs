//! Longest-match lookup of a token position in a pair of word and stem tables.

use super::tokens::Tokens;
use crate::kb::schema::{MAX_PHRASE_WORDS, MIN_STEM_BYTES};

/// A hit: the value and how many tokens it covered.
pub(crate) struct Hit<V> {
    pub value: V,
    pub words: usize,
}

/// Looks up the longest phrase starting at token `i`, else the longest stem of token `i`.
pub(crate) fn lookup<V: Copy>(
    tokens: &Tokens<'_>,
    i: usize,
    words: &phf::Map<&'static str, V>,
    stems: &phf::Map<&'static str, V>,
) -> Option<Hit<V>> {
    for n in (1..=MAX_PHRASE_WORDS).rev() {
        if let Some(value) = tokens.ngram(i, n).and_then(|key| words.get(key)) {
            return Some(Hit {
                value: *value,
                words: n,
            });
        }
    }
    let token = tokens.get(i);
    (MIN_STEM_BYTES..=token.len())
        .rev()
        .filter(|&end| token.is_char_boundary(end))
        .find_map(|end| stems.get(&token[..end]))
        .map(|value| Hit {
            value: *value,
            words: 1,
        })
}

/// Walks the tokens left to right, calling `f` for each longest match and skipping what it covered.
pub(crate) fn scan<V: Copy>(
    tokens: &Tokens<'_>,
    words: &phf::Map<&'static str, V>,
    stems: &phf::Map<&'static str, V>,
    mut f: impl FnMut(usize, Hit<V>),
) {
    let mut i = 0;
    while i < tokens.len() {
        match lookup(tokens, i, words, stems) {
            Some(hit) => {
                let covered = hit.words;
                f(i, hit);
                i += covered;
            }
            None => i += 1,
        }
    }
}
