//! Longest-match lookup of a token position in a [`Lexicon`].

use super::tokens::Tokens;
use crate::kb::Lexicon;
use crate::kb::schema::{MAX_STEM_BYTES, MIN_STEM_BYTES};

/// A hit: the value and how many tokens it covered.
pub(crate) struct Hit<V> {
    pub value: V,
    pub words: usize,
}

/// Looks up the longest phrase starting at token `i`, else the longest stem of token `i`.
/// Most words start no key and cost two bitmap reads; a known word costs one hash lookup.
pub(crate) fn lookup<V: Copy>(
    tokens: &Tokens<'_>,
    i: usize,
    lexicon: &Lexicon<V>,
) -> Option<Hit<V>> {
    let token = tokens.get(i);
    let entry = if lexicon.word_heads.contains(token) {
        lexicon.words.get(token)
    } else {
        None
    };
    let longest = entry.map_or(1, |e| usize::from(e.longest));
    for n in (2..=longest).rev() {
        if let Some(value) = tokens.ngram(i, n).and_then(|key| lexicon.word(key)) {
            return Some(Hit { value, words: n });
        }
    }
    if let Some(value) = entry.and_then(|e| e.value) {
        return Some(Hit { value, words: 1 });
    }
    if !lexicon.stem_heads.contains(token) {
        return None;
    }
    (MIN_STEM_BYTES..=token.len().min(MAX_STEM_BYTES))
        .rev()
        .filter(|&end| lexicon.stem_lengths >> end & 1 == 1 && token.is_char_boundary(end))
        .find_map(|end| lexicon.stem(&token[..end]))
        .map(|value| Hit { value, words: 1 })
}

/// Walks the tokens left to right, calling `f` for each longest match and skipping what it covered.
pub(crate) fn scan<V: Copy>(
    tokens: &Tokens<'_>,
    lexicon: &Lexicon<V>,
    mut f: impl FnMut(usize, Hit<V>),
) {
    let mut i = 0;
    while i < tokens.len() {
        match lookup(tokens, i, lexicon) {
            Some(hit) => {
                let covered = hit.words;
                f(i, hit);
                i += covered;
            }
            None => i += 1,
        }
    }
}
