//! Strict `application/x-www-form-urlencoded` parsing: a body that is not well formed is an
//! error with a reason (400), never silently repaired. [`with_fields`] is the hit path's way
//! (no allocation); [`parse`] returns owned pairs for tools and tests.

use std::ops::Range;

/// Why a form body could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("bad percent-encoding at byte {0}")]
    BadEscape(usize),
    #[error("field is not UTF-8 after decoding")]
    NotUtf8,
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Bodies up to this size are decoded in a stack buffer; a larger one (up to the 64 KiB body
/// limit) in one heap buffer. Twilio's webhook bodies are about 1 KiB.
const STACK_BYTES: usize = 4096;

/// The decoded `(name, value)` pairs of a form, in order. Fields that need no decoding borrow
/// from the body; the others from one scratch buffer.
type Fields<'a> = smallvec::SmallVec<[(&'a str, &'a str); 32]>;

/// Where each field of a form lies in `body`: the name's and the value's byte ranges, split at
/// `&` and at the first `=` (a field without `=` has an empty value). Empty fields are skipped.
fn ranges(body: &[u8]) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < body.len() {
            let end = memchr::memchr(b'&', &body[start..]).map_or(body.len(), |i| start + i);
            let field = start..end;
            start = end + 1;
            if field.is_empty() {
                continue;
            }
            return Some(match memchr::memchr(b'=', &body[field.clone()]) {
                Some(eq) => (
                    field.start..field.start + eq,
                    field.start + eq + 1..field.end,
                ),
                None => (field.clone(), field.end..field.end),
            });
        }
        None
    })
}

/// Percent- and `+`-decodes `part` (which starts at byte `offset` of the body) into the front
/// of `scratch`; returns the decoded bytes and the rest of the scratch buffer.
fn decode<'a>(
    part: &[u8],
    offset: usize,
    scratch: &'a mut [u8],
) -> Result<(&'a [u8], &'a mut [u8]), FormError> {
    let mut n = 0;
    let mut i = 0;
    while i < part.len() {
        scratch[n] = match part[i] {
            b'+' => b' ',
            b'%' => {
                let byte = part
                    .get(i + 1..i + 3)
                    .and_then(|h| Some(hex(h[0])? << 4 | hex(h[1])?))
                    .ok_or(FormError::BadEscape(offset + i))?;
                i += 2;
                byte
            }
            b => b,
        };
        n += 1;
        i += 1;
    }
    let (decoded, rest) = scratch.split_at_mut(n);
    Ok((decoded, rest))
}

fn needs_decoding(part: &[u8]) -> bool {
    memchr::memchr2(b'%', b'+', part).is_some()
}

/// Decodes the form's fields into `pairs`, borrowing from `body` what needs no decoding (when
/// `body` is already known to be UTF-8, as it usually is, only decoded parts are checked again).
fn fields<'a>(
    body: &'a [u8],
    text: Option<&'a str>,
    mut scratch: &'a mut [u8],
    pairs: &mut Fields<'a>,
) -> Result<(), FormError> {
    for (name, value) in ranges(body) {
        let mut one = |range: Range<usize>| -> Result<&'a str, FormError> {
            let part = &body[range.clone()];
            if !needs_decoding(part) {
                return match text {
                    // `&` and `=` are ASCII, so every range is on a character boundary.
                    Some(text) => Ok(&text[range]),
                    None => std::str::from_utf8(part).map_err(|_| FormError::NotUtf8),
                };
            }
            let (decoded, rest) = decode(part, range.start, std::mem::take(&mut scratch))?;
            scratch = rest;
            std::str::from_utf8(decoded).map_err(|_| FormError::NotUtf8)
        };
        let name = one(name)?;
        let value = one(value)?;
        pairs.push((name, value));
    }
    Ok(())
}

/// Decodes a form body (or a URL query) and hands its fields to `f`, allocating nothing for a
/// body of up to 4 KiB with up to 32 fields.
///
/// # Errors
/// (Passed to `f`.) A `%` not followed by two hex digits, or a field that does not decode to
/// UTF-8; the first problem in the body is the one reported.
pub fn with_fields<R>(body: &[u8], f: impl FnOnce(Result<&[(&str, &str)], FormError>) -> R) -> R {
    // Decoding never makes a field longer, so the body's length is enough scratch. On the
    // stack up to `STACK_BYTES` (and only the body's length is zeroed, not the whole buffer).
    let mut scratch: smallvec::SmallVec<[u8; STACK_BYTES]> = smallvec::SmallVec::new();
    scratch.resize(body.len(), 0);
    let mut pairs = Fields::new();
    // One UTF-8 check of the whole body (the usual case) instead of one per name and value.
    let text = std::str::from_utf8(body).ok();
    match fields(body, text, &mut scratch, &mut pairs) {
        Ok(()) => f(Ok(&pairs)),
        Err(err) => f(Err(err)),
    }
}

/// Parses a form body (or a URL query) into owned `(name, value)` pairs, in order.
///
/// # Errors
/// A `%` not followed by two hex digits, or a field that does not decode to UTF-8.
pub fn parse(body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    with_fields(body, |fields| {
        fields.map(|pairs| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_twilio_bodies() {
        let pairs =
            parse(b"Body=%C2%BFQu%C3%A9+es+el+IMV%3F&From=whatsapp%3A%2B34600000000&NumMedia=0")
                .unwrap();
        assert_eq!(pairs[0], ("Body".into(), "¿Qué es el IMV?".into()));
        assert_eq!(pairs[1], ("From".into(), "whatsapp:+34600000000".into()));
        assert_eq!(pairs[2], ("NumMedia".into(), "0".into()));
    }

    #[test]
    fn borrows_what_needs_no_decoding() {
        let body = b"MessageSid=SM1&Body=hola+que+tal&From=whatsapp%3A%2B34";
        with_fields(body, |fields| {
            let fields = fields.unwrap();
            assert_eq!(fields[0], ("MessageSid", "SM1"));
            assert!(std::ptr::eq(fields[0].1.as_ptr(), body[11..].as_ptr()));
            assert_eq!(fields[1], ("Body", "hola que tal"));
            assert_eq!(fields[2], ("From", "whatsapp:+34"));
        });
        // Larger than the stack buffer: the same fields, from the heap.
        let long = format!("Body={}&b=%41", "x".repeat(10_000));
        with_fields(long.as_bytes(), |fields| {
            let fields = fields.unwrap();
            assert_eq!((fields[0].1.len(), fields[1]), (10_000, ("b", "A")));
        });
    }

    #[test]
    fn rejects_what_is_not_a_form() {
        assert_eq!(parse(b"Body=%ZZ"), Err(FormError::BadEscape(5)));
        assert_eq!(parse(b"Body=%C3"), Err(FormError::NotUtf8));
        // Not UTF-8 as a whole, and a bad escape before that: the first problem is reported.
        assert_eq!(parse(b"a=%ZZ&b=\xff"), Err(FormError::BadEscape(2)));
        assert_eq!(parse(b"a=\xff&b=%ZZ"), Err(FormError::NotUtf8));
        assert_eq!(
            parse(b"a=1&&b="),
            Ok(vec![("a".into(), "1".into()), ("b".into(), String::new())])
        );
    }
}
