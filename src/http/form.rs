//! Strict `application/x-www-form-urlencoded` parsing: a body that is not well formed is an
//! error with a reason (400), never silently repaired.

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

fn decode(part: &[u8], offset: usize) -> Result<String, FormError> {
    let mut out = Vec::with_capacity(part.len());
    let mut i = 0;
    while i < part.len() {
        match part[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let byte = part
                    .get(i + 1..i + 3)
                    .and_then(|h| Some(hex(h[0])? << 4 | hex(h[1])?))
                    .ok_or(FormError::BadEscape(offset + i))?;
                out.push(byte);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| FormError::NotUtf8)
}

/// Parses a form body (or a URL query) into decoded `(name, value)` pairs, in order.
///
/// # Errors
/// A `%` not followed by two hex digits, or a field that does not decode to UTF-8.
pub fn parse(body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    let mut pairs = Vec::new();
    let mut offset = 0;
    for part in body.split(|&b| b == b'&') {
        if !part.is_empty() {
            let (name, value) = match part.iter().position(|&b| b == b'=') {
                Some(eq) => (&part[..eq], &part[eq + 1..]),
                None => (part, &[][..]),
            };
            pairs.push((
                decode(name, offset)?,
                decode(value, offset + name.len() + 1)?,
            ));
        }
        offset += part.len() + 1;
    }
    Ok(pairs)
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
    fn rejects_what_is_not_a_form() {
        assert_eq!(parse(b"Body=%ZZ"), Err(FormError::BadEscape(5)));
        assert_eq!(parse(b"Body=%C3"), Err(FormError::NotUtf8));
        assert_eq!(
            parse(b"a=1&&b="),
            Ok(vec![("a".into(), "1".into()), ("b".into(), String::new())])
        );
    }
}
