//! Strict `application/x-www-form-urlencoded` parsing: a body that is not well formed is an
//! error with a reason (400), never silently repaired. [`with_fields`] is the hit path's way
//! (no allocation); [`parse`] returns owned pairs for tools and tests.

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
pub type Fields<'a> = smallvec::SmallVec<[(&'a str, &'a str); 32]>;

/// Percent- and `+`-decodes `part` into the front of `scratch`; returns the decoded text and the
/// rest of the scratch buffer. `part` borrowed as is when there is nothing to decode.
fn decode<'a>(
    part: &'a [u8],
    offset: usize,
    scratch: &'a mut [u8],
) -> Result<(&'a str, &'a mut [u8]), FormError> {
    if !part.iter().any(|&b| b == b'%' || b == b'+') {
        let text = std::str::from_utf8(part).map_err(|_| FormError::NotUtf8)?;
        return Ok((text, scratch));
    }
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
    let (done, rest) = scratch.split_at_mut(n);
    let text = std::str::from_utf8(done).map_err(|_| FormError::NotUtf8)?;
    Ok((text, rest))
}

/// [`fields`] for a body already known to be UTF-8: the parts split at `&` and `=` (ASCII) are
/// UTF-8 too, so only the decoded ones are checked again, not every name and value.
fn utf8_fields<'a>(body: &'a str, mut scratch: &'a mut [u8]) -> Result<Fields<'a>, FormError> {
    let mut pairs = Fields::new();
    let mut offset = 0;
    for part in body.split('&') {
        if !part.is_empty() {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let value_offset = offset + name.len() + 1;
            let (name, rest) = decode_str(name, offset, scratch)?;
            let (value, rest) = decode_str(value, value_offset, rest)?;
            scratch = rest;
            pairs.push((name, value));
        }
        offset += part.len() + 1;
    }
    Ok(pairs)
}

/// [`decode`] for a part that is already a `&str`: borrowed as is when there is nothing to
/// decode.
fn decode_str<'a>(
    part: &'a str,
    offset: usize,
    scratch: &'a mut [u8],
) -> Result<(&'a str, &'a mut [u8]), FormError> {
    if part.bytes().any(|b| b == b'%' || b == b'+') {
        decode(part.as_bytes(), offset, scratch)
    } else {
        Ok((part, scratch))
    }
}

fn fields<'a>(body: &'a [u8], mut scratch: &'a mut [u8]) -> Result<Fields<'a>, FormError> {
    let mut pairs = Fields::new();
    let mut offset = 0;
    for part in body.split(|&b| b == b'&') {
        if !part.is_empty() {
            let (name, value) = match part.iter().position(|&b| b == b'=') {
                Some(eq) => (&part[..eq], &part[eq + 1..]),
                None => (part, &[][..]),
            };
            let value_offset = offset + name.len() + 1;
            let (name, rest) = decode(name, offset, scratch)?;
            let (value, rest) = decode(value, value_offset, rest)?;
            scratch = rest;
            pairs.push((name, value));
        }
        offset += part.len() + 1;
    }
    Ok(pairs)
}

/// Decodes a form body (or a URL query) and hands its fields to `f`, allocating nothing for a
/// body of up to 4 KiB with up to 32 fields.
///
/// # Errors
/// (Passed to `f`.) A `%` not followed by two hex digits, or a field that does not decode to
/// UTF-8.
pub fn with_fields<R>(body: &[u8], f: impl FnOnce(Result<Fields<'_>, FormError>) -> R) -> R {
    // Decoding never makes a field longer, so the body's length is enough scratch. On the
    // stack up to `STACK_BYTES` (and only the body's length is zeroed, not the whole buffer).
    let mut scratch: smallvec::SmallVec<[u8; STACK_BYTES]> = smallvec::SmallVec::new();
    scratch.resize(body.len(), 0);
    // One UTF-8 check of the whole body (the usual case) instead of one per name and value; a
    // body that fails it goes field by field, so the first problem is the one reported.
    match std::str::from_utf8(body) {
        Ok(text) => f(utf8_fields(text, &mut scratch)),
        Err(_) => f(fields(body, &mut scratch)),
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
                .into_iter()
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
