//! Longest-match lookup of a token position in a [`Lexicon`].

use super::tokens::Tokens;
use crate::kb::normalize::{FNV_OFFSET, fnv};
use crate::kb::schema::{MAX_STEM_BYTES, MIN_NEAR_CHARS, MIN_STEM_BYTES};
use crate::kb::spelling::MIN_FOLD_BYTES;
use crate::kb::{Lexicon, NEAR, NEAR_HEADS, PROCEDURE_WORD_HEADS, TERMS};

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
    let entry = if lexicon.word_heads.contains(token)
        && lexicon
            .word_keys
            .may_contain(fnv(FNV_OFFSET, token.as_bytes()))
    {
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
    // The hashes of every prefix, in one pass: each candidate stem is asked of the filter first.
    let longest = token.len().min(MAX_STEM_BYTES);
    let mut prefix = [0u64; MAX_STEM_BYTES + 1];
    let mut h = FNV_OFFSET;
    for (n, &b) in token.as_bytes()[..longest].iter().enumerate() {
        h = fnv(h, &[b]);
        prefix[n + 1] = h;
    }
    (MIN_STEM_BYTES..=longest)
        .rev()
        .filter(|&end| {
            lexicon.stem_lengths >> end & 1 == 1
                && lexicon.stem_keys.may_contain(prefix[end])
                && token.is_char_boundary(end)
        })
        .find_map(|end| lexicon.stem(&token[..end]))
        .map(|value| Hit { value, words: 1 })
}

/// Walks the tokens left to right, calling `f` for each longest match and skipping what it covered.
/// A token that matches nothing as written is looked up in the lexicon's spelling folds, with
/// `folded` (the same tokens folded, see `tokens::Folded`): "kiero", "qiero" → "quiero"; "5dma" →
/// "khdma"; then it is offered to `near` (a word one edit away), when given.
pub(crate) fn scan<V: Copy>(
    tokens: &Tokens<'_>,
    folded: &Tokens<'_>,
    lexicon: &Lexicon<V>,
    near: Option<fn(&str) -> Option<V>>,
    mut f: impl FnMut(usize, Hit<V>),
) {
    let mut i = 0;
    while i < tokens.len() {
        let hit = lookup(tokens, i, lexicon)
            .or_else(|| {
                // Short tokens ("de", "la", "me") are the commonest and never misspellings the
                // folds catch (a folded word has at least `MIN_FOLD_BYTES`); skipping them keeps
                // the second lookup off most of a message's words.
                lexicon
                    .folded
                    .filter(|_| tokens.get(i).len() >= MIN_FOLD_BYTES)
                    .and_then(|f| lookup(folded, i, f))
            })
            .or_else(|| {
                near.and_then(|near| near(tokens.get(i)))
                    .map(|value| Hit { value, words: 1 })
            });
        match hit {
            Some(hit) => {
                let covered = hit.words;
                f(i, hit);
                i += covered;
            }
            None => i += 1,
        }
    }
}

/// The procedure word one edit away from `token` (a letter missing, added or changed, or two
/// swapped), from the compiled deletion index `kb::NEAR`: the token itself, then each of its
/// one-letter deletions, looked up in the index and among the words. On the stack; a token whose
/// first two bytes start no key only tries the deletions that change them.
pub(crate) fn near_word(token: &str) -> Option<&'static str> {
    /// A token of at most this many bytes is tried (longer ones are not words people mistype).
    const MAX_BYTES: usize = 48;
    let chars = token.chars().count();
    if chars + 1 < MIN_NEAR_CHARS
        || token.len() > MAX_BYTES
        || token.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    // A letter missing: the token is a deletion of a word.
    if let Some(word) = NEAR.get(token) {
        return Some(word);
    }
    // Only procedure words are found here: the heads of other terms (places, facets) would
    // only cost lookups that cannot succeed.
    let head_known = NEAR_HEADS.contains(token) || PROCEDURE_WORD_HEADS.contains(token);
    let mut buf = [0u8; MAX_BYTES];
    for (n, (i, c)) in token.char_indices().enumerate() {
        // Deleting a later character keeps the head: no key can start that way.
        if n >= 2 && !head_known {
            break;
        }
        let len = token.len() - c.len_utf8();
        buf[..i].copy_from_slice(&token.as_bytes()[..i]);
        buf[i..len].copy_from_slice(&token.as_bytes()[i + c.len_utf8()..]);
        let Ok(variant) = std::str::from_utf8(&buf[..len]) else {
            continue;
        };
        // A letter too many: the deletion is a procedure word (long enough to be tolerated).
        if chars > MIN_NEAR_CHARS
            && let Some((word, entry)) = TERMS.words.get_entry(variant)
            && entry.value.is_some_and(|t| t.procedure.is_some())
            && !word.contains(' ')
        {
            return Some(word);
        }
        // One letter changed, or two swapped: both lose a letter at the same place.
        if let Some(word) = NEAR.get(variant) {
            return Some(word);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{lookup, scan};
    use crate::kb::normalize::Normalized;
    use crate::kb::{ProcedureId, TERMS, TERMS_FOLDED};
    use crate::respond::tokens::{Folded, Tokens};

    /// The procedures `scan` finds in `text`, with how many tokens each hit covered.
    fn procedures(text: &str) -> Vec<(ProcedureId, usize)> {
        let normalized = Normalized::new(text);
        let tokens = Tokens::new(&normalized);
        let folded = Folded::new(&tokens);
        let mut found = Vec::new();
        scan(&tokens, &folded.tokens(), &TERMS, None, |_, hit| {
            if let Some(p) = hit.value.procedure {
                found.push((p, hit.words));
            }
        });
        found
    }

    #[test]
    fn a_misspelled_phrase_is_found_under_its_fold_as_one_hit() {
        assert_eq!(
            procedures("justisia gratuita"),
            [(ProcedureId::JusticiaGratuita, 2)]
        );
        assert_eq!(
            procedures("justicia gratuita"),
            procedures("justisia gratuita")
        );
    }

    #[test]
    fn only_foldable_tokens_are_folded() {
        // Each has a folded token (`#` when it has no fold) in line with it, that matches nothing.
        for text in ["2", "7", "١", "بادرون", "zzzzzz"] {
            let normalized = Normalized::new(text);
            let tokens = Tokens::new(&normalized);
            let folded = Folded::new(&tokens);
            let folded = folded.tokens();
            assert_eq!(folded.len(), tokens.len(), "{text}");
            assert!(lookup(&folded, 0, &TERMS_FOLDED).is_none(), "{text}");
        }
    }
}
