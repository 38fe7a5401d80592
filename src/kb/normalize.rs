//! Text normalization for matching, shared by `build.rs` (vocabulary keys) and the responder
//! (incoming messages), so that both sides of a lookup are folded the same way.
//!
//! It writes into a fixed-size buffer on the stack and never allocates: lowercase, Latin
//! diacritics stripped, Arabic letters folded (alef variants, taa marbuta, alef maqsura, tatweel,
//! harakat), Arabic-Indic digits to ASCII, keycap emoji to their digit, anything that is not a
//! letter or digit to a single space. Input longer than the buffer is truncated, never a panic.

use unicode_normalization::char::decompose_canonical;

/// Bytes kept for matching. WhatsApp questions are short; a longer text is truncated, which only
/// means its tail is not used for routing (the miss path still sees the whole text).
pub const NORMALIZED_CAP: usize = 512;

/// A normalized text: single spaces between tokens, no leading or trailing space.
pub struct Normalized {
    buf: [u8; NORMALIZED_CAP],
    len: usize,
    /// Characters kept (spaces included).
    chars: usize,
    /// Whether an Arabic letter was kept.
    arabic: bool,
}

/// What one (lowercased, decomposed) character becomes.
enum Folded {
    Keep(char),
    Drop,
    Separator,
}

fn fold(c: char) -> Folded {
    match c {
        // Combining diacritics (after canonical decomposition): á → a, ñ → n, ç → c.
        '\u{0300}'..='\u{036F}' => Folded::Drop,
        // Arabic harakat, hamza marks left by decomposition (أ → ا + ٔ), superscript alef, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => Folded::Drop,
        // Variation selector and combining keycap: "1️⃣" → "1"; zero-width joiners and BOM.
        '\u{FE0F}' | '\u{20E3}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' => Folded::Drop,
        '\u{0671}' => Folded::Keep('\u{0627}'), // alef wasla → alef
        '\u{0629}' => Folded::Keep('\u{0647}'), // taa marbuta → haa
        '\u{0649}' => Folded::Keep('\u{064A}'), // alef maqsura → yaa
        // Darija writes Spanish p and v with Persian letters or without: "لاپارو", "لابارو".
        '\u{067E}' => Folded::Keep('\u{0628}'), // peh → beh
        '\u{06A4}' => Folded::Keep('\u{0641}'), // veh → feh
        '\u{0660}'..='\u{0669}' => Folded::Keep(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Folded::Keep(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // The Arabic letters (what is left of U+0621..U+064A once the arms above have run):
        // answered here because `is_alphanumeric` is a table search outside ASCII.
        '\u{0621}'..='\u{064A}' => Folded::Keep(c),
        c if c.is_alphanumeric() => Folded::Keep(c),
        _ => Folded::Separator,
    }
}

/// The state of one normalization pass.
struct Writer {
    out: Normalized,
    /// A separator was seen since the last kept character.
    pending_space: bool,
    /// The buffer cannot take the next character: the rest of the input is dropped.
    full: bool,
}

/// What the general path makes of a Latin-1 character that folds to one ASCII letter (`á` →
/// `a`) or to a separator (`¿`, `«`, a no-break space); `None` for the rest (`ß`, `æ`, `º`,
/// `²`…), left to the general path.
fn latin1(c: char) -> Option<Folded> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => Folded::Keep('a'),
        'Ç' | 'ç' => Folded::Keep('c'),
        'È'..='Ë' | 'è'..='ë' => Folded::Keep('e'),
        'Ì'..='Ï' | 'ì'..='ï' => Folded::Keep('i'),
        'Ñ' | 'ñ' => Folded::Keep('n'),
        'Ò'..='Ö' | 'ò'..='ö' => Folded::Keep('o'),
        'Ù'..='Ü' | 'ù'..='ü' => Folded::Keep('u'),
        'Ý' | 'ý' | 'ÿ' => Folded::Keep('y'),
        '\u{80}'..='\u{A9}'
        | '\u{AB}'..='\u{B1}'
        | '\u{B4}'
        | '\u{B6}'..='\u{B8}'
        | '\u{BB}'
        | '\u{BF}'
        | '×'
        | '÷' => Folded::Separator,
        _ => return None,
    })
}

impl Writer {
    fn new() -> Writer {
        Writer {
            out: Normalized {
                buf: [0; NORMALIZED_CAP],
                len: 0,
                chars: 0,
                arabic: false,
            },
            pending_space: false,
            full: false,
        }
    }

    /// Any character: lowercased, decomposed, and each part folded.
    fn general(&mut self, c: char) {
        for lower in c.to_lowercase() {
            decompose_canonical(lower, |d| self.fold(d));
        }
    }

    fn separator(&mut self) {
        self.pending_space = self.out.len > 0;
    }

    fn fold(&mut self, c: char) {
        match fold(c) {
            Folded::Drop => {}
            Folded::Separator => self.separator(),
            Folded::Keep(k) => {
                self.out.arabic |= matches!(k, '\u{0600}'..='\u{06FF}');
                self.keep(k);
            }
        }
    }

    /// [`Writer::keep`] for an ASCII letter or digit: one byte, no encoding.
    #[inline(always)]
    fn keep_ascii(&mut self, b: u8) {
        let space = usize::from(self.pending_space);
        if self.out.len + space >= NORMALIZED_CAP {
            self.full = true;
            return;
        }
        if self.pending_space {
            self.out.buf[self.out.len] = b' ';
            self.out.len += 1;
            self.out.chars += 1;
            self.pending_space = false;
        }
        self.out.buf[self.out.len] = b;
        self.out.len += 1;
        self.out.chars += 1;
    }

    #[inline]
    fn keep(&mut self, c: char) {
        let space = usize::from(self.pending_space);
        if self.full || self.out.len + space + c.len_utf8() > NORMALIZED_CAP {
            self.full = true;
            return;
        }
        if self.pending_space {
            self.out.buf[self.out.len] = b' ';
            self.out.len += 1;
            self.out.chars += 1;
            self.pending_space = false;
        }
        self.out.len += c.encode_utf8(&mut self.out.buf[self.out.len..]).len();
        self.out.chars += 1;
    }
}

impl Normalized {
    /// Normalizes `text`; see the module documentation for what that means.
    pub fn new(text: &str) -> Normalized {
        let mut w = Writer::new();
        for c in text.chars() {
            if w.full {
                break;
            }
            if c.is_ascii() {
                // Fast path: most messages are mostly ASCII, which needs no table lookups.
                if c.is_ascii_alphanumeric() {
                    w.keep_ascii(c.to_ascii_lowercase() as u8);
                } else {
                    w.separator();
                }
            } else if let Some(folded) = latin1(c) {
                // Spanish and French accents, ¿ and ¡: as the general path would, without its
                // table searches (a test checks that they agree). The letters kept are ASCII.
                match folded {
                    Folded::Keep(letter) => w.keep_ascii(letter as u8),
                    Folded::Separator => w.separator(),
                    Folded::Drop => {}
                }
            } else if matches!(c, '\u{0600}'..='\u{0621}' | '\u{0627}'..='\u{06FF}') {
                // Arabic has no case, and in this range nothing decomposes: fold directly.
                w.fold(c);
            } else {
                w.general(c);
            }
        }
        w.out
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 encodings of chars are ever written, so this cannot fail.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }

    /// How many words are Arabizi: Darija written in Latin letters with a digit for a letter
    /// Latin lacks (see [`is_arabizi`]).
    pub fn arabizi_words(&self) -> u8 {
        count_arabizi_words(&self.buf[..self.len])
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.as_str().split(' ').filter(|t| !t.is_empty())
    }

    /// How many characters the normalized text has.
    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// Whether the text has Arabic letters.
    pub fn has_arabic(&self) -> bool {
        self.arabic
    }

    /// Whether nothing but separators was given.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl std::fmt::Debug for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Normalized").field(&self.as_str()).finish()
    }
}

/// Words per bitmap in a [`Heads`] set: one bit for every possible first two bytes.
pub const HEAD_WORDS: usize = 65536 / 64;

/// A set of two-byte word heads, as a bitmap: one memory read tells whether any key of a table
/// can start like this word, so most words cost no hash lookup at all.
pub struct Heads(pub [u64; HEAD_WORDS]);

impl Heads {
    /// The bit of a (non-empty) word: its first two bytes, or its only byte.
    pub fn index(word: &str) -> usize {
        let b = word.as_bytes();
        (usize::from(b.first().copied().unwrap_or(0)) << 8)
            | usize::from(b.get(1).copied().unwrap_or(0))
    }

    /// Whether some key starts with the same two bytes as `word`.
    pub fn contains(&self, word: &str) -> bool {
        let i = Heads::index(word);
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

/// Bits in a [`Keys`] filter: 16 KB, a few percent of false positives for the largest table.
pub const KEY_BITS: usize = 1 << 17;

/// FNV-1a's offset basis and prime (64 bits): a hash that extends byte by byte, so the hashes of
/// all of a word's prefixes cost one pass.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The letters an Arabic word must keep once a prefix is taken off: "بنت" is not ب + "نت".
const ARABIC_MIN_BARE_CHARS: usize = 3;

/// The byte lengths of the prefixes that can be taken off the normalized Arabic `token` (at most
/// two), each leaving at least three letters. The prefixes are the article, and و (and), ب
/// (with), ف (in: Darija writes "فالسبيطار", "فلاسيتا"), ل (for) with or without it; لل is ل +
/// the article (للبطاقه). In the order a tie is settled: و, ب and ف alone before وال, بال and
/// فال ("والبطاقه" → 2, "البطاقه", then 6, "بطاقه"), so "بالوراق" is "الوراق" when that is listed
/// (a procedure's word) before it is "وراق" (a part's); لل before ل ("للجوء" → 4, "جوء", then 2,
/// "لجوء"). The compiled tables hold an Arabic word as listed and without its article; the
/// responder takes the other forms back to those (see `kb::compile`). Matched on bytes, as the
/// responder asks this of every token that starts no phrase as written, in any script: و is
/// D9 88, ب D8 A8, ف D9 81, ل D9 84, ا D8 A7. One exception to the three letters: و before
/// the negations ما and مش ("وما بغاش يفيق", "ومش قادر"), which many phrases start with and
/// people write glued to "and".
pub fn arabic_prefixes(token: &str) -> impl Iterator<Item = usize> + '_ {
    const LI: [u8; 2] = [0xD9, 0x84];
    const AL: [u8; 4] = [0xD8, 0xA7, 0xD9, 0x84];
    /// وما and ومش.
    const AND_NOT: [[u8; 6]; 2] = [
        [0xD9, 0x88, 0xD9, 0x85, 0xD8, 0xA7],
        [0xD9, 0x88, 0xD9, 0x85, 0xD8, 0xB4],
    ];
    let b = token.as_bytes();
    let (skips, n): ([usize; 2], usize) = match b {
        [0xD9, 0x88 | 0x81, rest @ ..] | [0xD8, 0xA8, rest @ ..] => {
            if rest.starts_with(&AL) {
                ([2, 6], 2)
            } else {
                ([2, 0], 1)
            }
        }
        _ if b.starts_with(&AL) => ([4, 0], 1),
        [0xD9, 0x84, rest @ ..] if rest.starts_with(&LI) => ([4, 2], 2),
        [0xD9, 0x84, ..] => ([2, 0], 1),
        _ => ([0, 0], 0),
    };
    let and_not = AND_NOT.iter().any(|and_not| b == and_not);
    skips.into_iter().take(n).filter(move |&skip| {
        and_not
            || token
                .get(skip..)
                .is_some_and(|bare| bare.chars().nth(ARABIC_MIN_BARE_CHARS - 1).is_some())
    })
}

/// Whether `word` starts with a letter of the Arabic block (Darija's ڭ and پ included): the words
/// whose prefixes the responder takes off, and whose prefixed forms `NEAR` holds.
pub fn starts_arabic(word: &str) -> bool {
    word.starts_with(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The hash under which a lexicon's word filter (`Keys`) also holds the first word of each Arabic
/// key: FNV-1a over the word's bytes from last to first, from another basis than [`fnv`]'s so the
/// two kinds of entries do not stand for each other. A token's candidates without a prefix are
/// asked of the filter under this hash before any look-up, and most are turned away there.
pub fn bare_hash(word: &str) -> u64 {
    word.bytes().rev().fold(BARE_OFFSET, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The basis of [`bare_hash`] (FNV's offset basis with its bytes reversed).
const BARE_OFFSET: u64 = FNV_OFFSET.swap_bytes();

/// `key` without the article on its first word ("البطاقه الصحيه" → "بطاقه الصحيه"), when at least
/// three letters remain; the form every other prefix is taken back to (see [`arabic_prefixes`]).
pub fn arabic_bare_form(key: &str) -> Option<&str> {
    key.strip_prefix("ال").filter(|bare| {
        bare.split(' ')
            .next()
            .is_some_and(|w| w.chars().count() >= ARABIC_MIN_BARE_CHARS)
    })
}

/// FNV-1a of `bytes`, continuing from `h`.
pub fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// A Bloom filter of a table's whole keys (two bits per key, from FNV-1a): a word whose two bits
/// are not both set is no key, which two memory reads tell where a `phf` look-up costs a SipHash
/// and a comparison. It answers "maybe" for a few non-keys; the look-up then decides.
pub struct Keys(pub [u64; KEY_BITS / 64]);

impl Keys {
    /// The two bits of a key whose FNV-1a hash is `h`.
    pub fn bits(h: u64) -> [usize; 2] {
        [h as usize % KEY_BITS, (h >> 32) as usize % KEY_BITS]
    }

    /// Whether a word whose FNV-1a hash is `h` may be a key.
    pub fn may_contain(&self, h: u64) -> bool {
        Keys::bits(h)
            .iter()
            .all(|&i| self.0[i / 64] >> (i % 64) & 1 == 1)
    }
}

/// A whole text's shape: the FNV-1a hash of its first word, extended by its length. Cheap to
/// take, and telling enough that a [`Keys`] filter of the FAQ's shapes turns away almost every
/// message before the FAQ's hash look-up reads the whole text.
pub fn shape(text: &str) -> u64 {
    let first = text.split(' ').next().unwrap_or_default();
    // Two bytes of length: the same on the build host and the target.
    let len = text.len();
    fnv(
        fnv(FNV_OFFSET, first.as_bytes()),
        &[len as u8, (len >> 8) as u8],
    )
}

/// Every prefix of `word` that could be a stem (at least `MIN_STEM_BYTES`, on char boundaries),
/// for property tests that check the responder against the raw tables.
pub fn stem_prefixes_for_test(word: &str) -> impl Iterator<Item = &str> {
    (4..=word.len())
        .filter(|&end| word.is_char_boundary(end))
        .map(move |end| &word[..end])
}

/// What a number glued to a word means when it is not Arabizi: a unit, a count or an ordinal
/// ("3ans", "7dias", "9h", "3eme", "3rd"), as people write them in a hurry.
const NUMBER_SUFFIXES: &[&[u8]] = &[
    b"am",
    b"an",
    b"ano",
    b"anos",
    b"ans",
    b"day",
    b"days",
    b"dia",
    b"dias",
    b"enfant",
    b"enfants",
    b"em",
    b"eme",
    b"er",
    b"ere",
    b"eur",
    b"euro",
    b"euros",
    b"fois",
    b"hora",
    b"horas",
    b"hour",
    b"hours",
    b"heure",
    b"heures",
    b"hija",
    b"hijas",
    b"hijo",
    b"hijos",
    b"jour",
    b"jours",
    b"kg",
    b"kids",
    b"km",
    b"meses",
    b"mes",
    b"min",
    b"mn",
    b"mois",
    b"month",
    b"months",
    b"ninos",
    b"pm",
    b"rd",
    b"semaine",
    b"semaines",
    b"semana",
    b"semanas",
    b"st",
    b"th",
    b"times",
    b"veces",
    b"week",
    b"weeks",
    b"year",
    b"years",
];

/// How many words of a normalized text are Darija written in Latin letters with a digit for a
/// letter Latin lacks: 3 for ع, 7 for ح, 9 for ق ("3andi", "n9der", "l7a9", "m3a"). Each is a
/// vote for Arabic, however French or Spanish the rest looks ("fin ndir la cita 3afak"). Only
/// 3, 7 and 9: 2 and 8 are English and Spanish SMS spelling too ("2nite", "gr8", "salu2").
/// Not a word with a run of digits ("covid19", "2026"), with fewer than two letters ("9h",
/// "3x"), nor one digit before a unit or an ordinal ("3ans", "3eme").
fn count_arabizi_words(normalized: &[u8]) -> u8 {
    // Most messages have none of the three digits: one pass over the bytes, and done.
    if !normalized.iter().any(|b| matches!(b, b'3' | b'7' | b'9')) {
        return 0;
    }
    let count = normalized
        .split(|&b| b == b' ')
        .filter(|w| is_arabizi(w))
        .count();
    u8::try_from(count).unwrap_or(u8::MAX)
}

/// Whether one normalized word is Arabizi by the rule of [`Normalized::arabizi_words`].
pub fn is_arabizi(word: &[u8]) -> bool {
    let (mut letters, mut digits, mut after_digit) = (0, 0, false);
    for &b in word {
        match b {
            b'3' | b'7' | b'9' if !after_digit => digits += 1,
            b'a'..=b'z' => letters += 1,
            // Any other digit, a second digit in a row, or a letter outside ASCII.
            _ => return false,
        }
        after_digit = b.is_ascii_digit();
    }
    let glued_number =
        word.first().is_some_and(u8::is_ascii_digit) && NUMBER_SUFFIXES.contains(&&word[1..]);
    digits > 0 && letters >= 2 && !glued_number
}

#[cfg(test)]
mod tests {
    use super::{Normalized, Writer, arabic_prefixes, count_arabizi_words, is_arabizi, latin1};

    #[test]
    fn arabic_prefixes_are_found_on_the_bytes_shorter_first() {
        for (token, skips) in [
            ("والبطاقه", &[2, 6][..]),
            ("بالبطاقه", &[2, 6]),
            ("البطاقه", &[4]),
            ("للجوء", &[4, 2]),
            ("لمحامي", &[2]),
            ("فالسبيطار", &[2, 6]),
            ("فلاسيتا", &[2]),
            ("وراق", &[2]),
            // و before a two-letter negation.
            ("وما", &[2]),
            ("ومش", &[2]),
            ("ولا", &[]),
            // Fewer than three letters would be left, or no prefix at all.
            ("بنت", &[]),
            ("الام", &[]),
            ("محامي", &[]),
            ("hola", &[]),
            ("", &[]),
        ] {
            assert_eq!(arabic_prefixes(token).collect::<Vec<_>>(), skips, "{token}");
        }
    }

    #[test]
    fn darija_s_persian_letters_are_read_as_the_arabic_ones() {
        // "لاپارو" and "لابارو" are one word; so are "ڤيزا" and "فيزا".
        assert_eq!(Normalized::new("لاپارو").as_str(), "لابارو");
        assert_eq!(Normalized::new("ڤيزا").as_str(), "فيزا");
    }

    #[test]
    fn arabizi_words_are_darija_spelled_with_digits() {
        for word in [
            "3andi", "n9der", "l7a9", "m3a", "wra9", "3afak", "ma3ndich", "7ta",
        ] {
            assert!(is_arabizi(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn numbers_in_other_words_are_not_arabizi() {
        for word in [
            "3ans", "7dias", "9h", "3eme", "3rd", "2026", "covid19", "3x", "gr8", "salu2", "2nite",
            "3", "a3", "24h", "9am", "3é", "ré3", "",
        ] {
            assert!(!is_arabizi(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn a_text_counts_its_arabizi_words() {
        assert_eq!(count_arabizi_words(b"3afak wach 3andi l7a9 f lparo"), 3);
        assert_eq!(count_arabizi_words(b"que es el imv"), 0);
        assert_eq!(
            count_arabizi_words(b"j ai 3 enfants depuis 3ans 9h 2 fois"),
            0
        );
    }

    /// `text` normalized with every character through the general path.
    fn general(text: &str) -> String {
        let mut w = Writer::new();
        text.chars().for_each(|c| w.general(c));
        w.out.as_str().to_owned()
    }

    #[test]
    fn the_latin1_shortcut_agrees_with_the_general_path() {
        let mut shortcuts = 0;
        for c in '\u{80}'..='\u{FF}' {
            let text = format!("a{c}b");
            assert_eq!(Normalized::new(&text).as_str(), general(&text), "{c:?}");
            shortcuts += usize::from(latin1(c).is_some());
        }
        assert!(
            shortcuts > 90,
            "only {shortcuts} characters take the shortcut"
        );
    }
}
