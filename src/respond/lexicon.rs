//! Longest-match lookup of a token position in a [`Lexicon`].

use super::tokens::Tokens;
use crate::kb::normalize::{FNV_OFFSET, arabic_prefixes, bare_hash, fnv};
use crate::kb::schema::{MAX_KEY_WORDS, MAX_STEM_BYTES, MIN_NEAR_CHARS, MIN_STEM_BYTES};
use crate::kb::spelling::MIN_FOLD_BYTES;
use crate::kb::{Lexicon, NEAR, NEAR_HEADS, NEAR_KEYS, PROCEDURE_WORD_HEADS, TERMS};

/// A hit: the value and how many tokens it covered.
pub(crate) struct Hit<V> {
    pub value: V,
    pub words: usize,
}

/// Looks up the longest phrase starting at token `i`, else the word, else the longest stem of
/// token `i`. Every candidate is asked of the lexicon's Bloom filter before its hash look-up, so
/// most tokens cost a bitmap read or two and no look-up at all. The tables hold an Arabic term
/// only as listed and bare, so an Arabic token that matches no phrase as written is also looked
/// up without each prefix it may carry ("والبطاقه" as "البطاقه" or "بطاقه", "لورقه البيضا" as
/// "ورقه البيضا" rather than the town "لورقه", see `normalize::arabic_prefixes`); the longest
/// match wins, the token as written on a tie. Each candidate is asked of the filter first: as a
/// word when nothing matched as written, else as the start of a phrase, the only thing that can
/// still win.
pub(crate) fn lookup<V: Copy>(
    tokens: &Tokens<'_>,
    i: usize,
    lexicon: &Lexicon<V>,
) -> Option<Hit<V>> {
    let token = tokens.get(i);
    let mut best = words(tokens, i, 0, lexicon);
    if best.as_ref().is_some_and(|hit| hit.words > 1) {
        return best;
    }
    for skip in arabic_prefixes(token) {
        let bare = &token.as_bytes()[skip..];
        // After a match as written, only a longer phrase can win, so the bare form must start
        // one ("بلديه " for "البلديه"): most article-bearing words match as written, and their
        // bare twin, which the filter also holds, is then not looked up for nothing.
        let may_win = if best.is_some() {
            i + 1 < tokens.len()
                && lexicon
                    .word_keys
                    .may_contain(fnv(fnv(FNV_OFFSET, bare), b" "))
        } else {
            lexicon.word_keys.may_contain(bare_hash(&token[skip..]))
        };
        if !may_win {
            continue;
        }
        if let Some(hit) = words(tokens, i, skip, lexicon)
            && best.as_ref().is_none_or(|best| hit.words > best.words)
        {
            best = Some(hit);
        }
    }
    best.or_else(|| stem(token, lexicon))
}

/// The longest phrase or word starting at token `i`, with its first `skip` bytes taken off.
#[inline(always)]
fn words<V: Copy>(
    tokens: &Tokens<'_>,
    i: usize,
    skip: usize,
    lexicon: &Lexicon<V>,
) -> Option<Hit<V>> {
    let token = &tokens.get(i)[skip..];
    if !lexicon.word_heads.contains(token) {
        return None;
    }
    let hash = fnv(FNV_OFFSET, token.as_bytes());
    // The phrases of 2..=MAX_KEY_WORDS words, extended word by word while the filter may
    // hold the words so far followed by a space (the start of a longer key): bit `n` of
    // `phrases` is set when the filter may hold the phrase of `n` words.
    let mut phrases = 0u32;
    let mut start = fnv(hash, b" ");
    let mut n = 1;
    while n < MAX_KEY_WORDS && i + n < tokens.len() && lexicon.word_keys.may_contain(start) {
        let phrase = fnv(start, tokens.get(i + n).as_bytes());
        n += 1;
        if lexicon.word_keys.may_contain(phrase) {
            phrases |= 1 << n;
        }
        start = fnv(phrase, b" ");
    }
    while phrases != 0 {
        let n = (u32::BITS - 1 - phrases.leading_zeros()) as usize;
        phrases &= !(1 << n);
        if let Some(value) = tokens
            .ngram(i, n)
            .and_then(|key| lexicon.word(&key[skip..]))
        {
            return Some(Hit { value, words: n });
        }
    }
    if lexicon.word_keys.may_contain(hash)
        && let Some(value) = lexicon.word(token)
    {
        return Some(Hit { value, words: 1 });
    }
    None
}

/// The longest stem that `token` starts with.
fn stem<V: Copy>(token: &str, lexicon: &Lexicon<V>) -> Option<Hit<V>> {
    if !lexicon.stem_heads.contains(token) {
        return None;
    }
    // The prefixes' hashes grow in one pass, up to the longest stem there is; a prefix of a
    // stem's length that the filter may hold is looked up, and the last found is the longest.
    let longest = token
        .len()
        .min(MAX_STEM_BYTES)
        .min((u64::BITS - lexicon.stem_lengths.leading_zeros()).saturating_sub(1) as usize);
    let mut h = FNV_OFFSET;
    let mut found = None;
    for (n, &b) in token.as_bytes()[..longest].iter().enumerate() {
        h = fnv(h, &[b]);
        let end = n + 1;
        if end >= MIN_STEM_BYTES
            && lexicon.stem_lengths >> end & 1 == 1
            && lexicon.stem_keys.may_contain(h)
            && token.is_char_boundary(end)
            && let Some(value) = lexicon.stem(&token[..end])
        {
            found = Some(value);
        }
    }
    found.map(|value| Hit { value, words: 1 })
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
    // A letter missing: the token is a deletion of a word. Each candidate is asked of the
    // filters before its hash look-up: most cannot be keys.
    if NEAR_KEYS.may_contain(fnv(FNV_OFFSET, token.as_bytes()))
        && let Some(word) = NEAR.get(token)
    {
        return Some(word);
    }
    // Only procedure words are found here: the heads of other terms (places, facets) would
    // only cost lookups that cannot succeed.
    let head_known = NEAR_HEADS.contains(token) || PROCEDURE_WORD_HEADS.contains(token);
    let mut buf = [0u8; MAX_BYTES];
    // The hash of the token's bytes before the deleted character, grown as it moves right: a
    // deletion's hash is that, continued over the bytes after it; the deletion itself is only
    // written out when a filter may hold it.
    let mut before = FNV_OFFSET;
    for (n, (i, c)) in token.char_indices().enumerate() {
        // Deleting a later character keeps the head: no key can start that way.
        if n >= 2 && !head_known {
            break;
        }
        let after = &token.as_bytes()[i + c.len_utf8()..];
        let hash = fnv(before, after);
        before = fnv(before, &token.as_bytes()[i..i + c.len_utf8()]);
        // A letter too many: the deletion is a procedure word (long enough to be tolerated).
        let longer = chars > MIN_NEAR_CHARS && TERMS.word_keys.may_contain(hash);
        // One letter changed, or two swapped: both lose a letter at the same place.
        let changed = NEAR_KEYS.may_contain(hash);
        if !longer && !changed {
            continue;
        }
        let len = token.len() - c.len_utf8();
        buf[..i].copy_from_slice(&token.as_bytes()[..i]);
        buf[i..len].copy_from_slice(after);
        let Ok(variant) = std::str::from_utf8(&buf[..len]) else {
            continue;
        };
        if longer
            && let Some((word, term)) = TERMS.words.get_entry(variant)
            && term.procedure.is_some()
            && !word.contains(' ')
        {
            return Some(word);
        }
        if changed && let Some(word) = NEAR.get(variant) {
            return Some(word);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{lookup, scan};
    use crate::kb::normalize::Normalized;
    use crate::kb::{GUARDS, GUARDS_FOLDED, Lexicon, ProcedureId, TERMS, TERMS_FOLDED};
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

    /// Every key of `lexicon`, between two words that are no key, is found whole by `lookup`
    /// with its own value: the filters and head bitmaps never turn a key away (a phrase headed
    /// by one letter, "m a enfermee", included).
    fn every_key_is_found<V: Copy + PartialEq + std::fmt::Debug>(lexicon: &Lexicon<V>) {
        let mut keys = 0;
        for (key, value) in lexicon.words() {
            let text = format!("zzzq {key} zzzq");
            let normalized = Normalized::new(&text);
            let tokens = Tokens::new(&normalized);
            // A folded table's keys hold `X` and `C`, which the normalizer would lowercase.
            let tokens = if normalized.as_str() == text {
                tokens
            } else {
                Tokens::split(&text)
            };
            let hit = lookup(&tokens, 1, lexicon).unwrap_or_else(|| panic!("{key:?} not found"));
            assert_eq!(
                (hit.value, hit.words),
                (value, key.split(' ').count()),
                "{key:?}"
            );
            keys += 1;
        }
        assert!(keys > 100, "only {keys} keys");
    }

    #[test]
    fn every_key_of_every_lexicon_is_found() {
        every_key_is_found(&TERMS);
        every_key_is_found(&TERMS_FOLDED);
        every_key_is_found(&GUARDS);
        every_key_is_found(&GUARDS_FOLDED);
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
    fn an_arabic_prefix_is_taken_off_when_the_token_starts_no_phrase_as_written() {
        for (text, procedure) in [
            // The article and و, ب, ف, ل, لل on a word the tables hold bare or with the article.
            ("والبطاقه الصحيه", ProcedureId::TarjetaSanitaria),
            ("بالبادرون", ProcedureId::Empadronamiento),
            ("فالبطاقه الصحيه", ProcedureId::TarjetaSanitaria),
            ("للجوء", ProcedureId::ProteccionInternacional),
            // "لورقه" is the town of Lorca as written, one word; bare it starts a phrase.
            ("لورقه البيضا", ProcedureId::ProteccionInternacional),
        ] {
            assert_eq!(
                procedures(text).first().map(|p| p.0),
                Some(procedure),
                "{text}"
            );
        }
        // Made-up forms with the prefix in front of nothing listed stay unmatched.
        assert_eq!(procedures("والسلام عليكم"), []);
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
