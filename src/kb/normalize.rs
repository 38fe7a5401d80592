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
        '\u{0660}'..='\u{0669}' => Folded::Keep(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Folded::Keep(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        c if c.is_alphanumeric() => Folded::Keep(c),
        _ => Folded::Separator,
    }
}

impl Normalized {
    /// Normalizes `text`; see the module documentation for what that means.
    pub fn new(text: &str) -> Normalized {
        let mut out = Normalized {
            buf: [0; NORMALIZED_CAP],
            len: 0,
        };
        let mut pending_space = false;
        let mut full = false;
        'outer: for c in text.chars() {
            for lower in c.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if full {
                        return;
                    }
                    match fold(d) {
                        Folded::Drop => {}
                        Folded::Separator => pending_space = out.len > 0,
                        Folded::Keep(k) => {
                            let space = usize::from(pending_space);
                            if out.len + space + k.len_utf8() > NORMALIZED_CAP {
                                full = true;
                                return;
                            }
                            if pending_space {
                                out.buf[out.len] = b' ';
                                out.len += 1;
                                pending_space = false;
                            }
                            out.len += k.encode_utf8(&mut out.buf[out.len..]).len();
                        }
                    }
                });
                if full {
                    break 'outer;
                }
            }
        }
        out
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 encodings of chars are ever written, so this cannot fail.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.as_str().split(' ').filter(|t| !t.is_empty())
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
