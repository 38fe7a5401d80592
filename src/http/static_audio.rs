//! `GET|HEAD /static/cache/<file>`: embedded audio, looked up by name in the compiled manifest
//! (no filesystem, so no path traversal), and `GET|HEAD /static/tts/<file>`: spoken replies from
//! the in-memory TTS cache; both with strong ETags, 304s and single byte ranges.

use bytes::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Request, StatusCode};

use super::response::{HttpError, Reply, text};
use crate::kb::{self, AudioFile};
use crate::voice::TtsCache;

/// A day: the files change only with a new build, and their ETag then changes too.
const CACHE_CONTROL: &str = "public, max-age=86400";

/// A single `Range: bytes=…` request against a body of `len` bytes.
#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// No usable range: serve the whole file.
    Whole,
    /// Inclusive byte positions.
    Part(u64, u64),
    Unsatisfiable,
}

fn parse_range(header: Option<&str>, len: u64) -> Range {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Range::Whole;
    };
    if spec.contains(',') {
        return Range::Whole; // several ranges: RFC 9110 lets us answer with the whole file
    }
    let Some((start, end)) = spec.split_once('-') else {
        return Range::Whole;
    };
    let (start, end) = (start.trim(), end.trim());
    let parsed = match (start.parse::<u64>(), end.parse::<u64>()) {
        (Ok(s), Ok(e)) if s <= e => Some((s, e.min(len.saturating_sub(1)))),
        (Ok(s), Err(_)) if end.is_empty() => Some((s, len.saturating_sub(1))),
        (Err(_), Ok(n)) if start.is_empty() && n > 0 => {
            Some((len.saturating_sub(n), len.saturating_sub(1)))
        }
        _ => return Range::Whole,
    };
    match parsed {
        Some((s, e)) if s < len && s <= e => Range::Part(s, e),
        _ => Range::Unsatisfiable,
    }
}

fn headers(response: &mut Reply, etag: &HeaderValue) {
    let h = response.headers_mut();
    h.insert(header::ETAG, etag.clone());
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
}

/// `/static/cache/<name>`: a compiled audio file.
pub(crate) fn serve<B>(req: &Request<B>, name: &str) -> Result<Reply, HttpError> {
    let file: &AudioFile = kb::audio_by_name(name).ok_or(HttpError::NotFound)?;
    Ok(serve_bytes(
        req,
        Bytes::from_static(file.bytes),
        file.mime,
        &HeaderValue::from_static(file.etag),
    ))
}

/// `/static/tts/<name>`: a spoken reply from the TTS cache, with the same headers as the compiled
/// audio. Its name is its content hash, so a clip never changes under its URL; once evicted it
/// is a 404 (Twilio fetches it within seconds of the reply).
pub(crate) fn serve_tts<B>(
    req: &Request<B>,
    cache: Option<&TtsCache>,
    name: &str,
) -> Result<Reply, HttpError> {
    let cached = cache.and_then(|c| c.get(name)).ok_or(HttpError::NotFound)?;
    let etag = HeaderValue::from_str(&cached.etag).map_err(|_| HttpError::NotFound)?;
    Ok(serve_bytes(req, cached.clip.bytes, cached.clip.mime, &etag))
}

/// `body` with its validator: 304 for a matching `If-None-Match`, 206 for a single byte range.
fn serve_bytes<B>(req: &Request<B>, body: Bytes, mime: &'static str, etag: &HeaderValue) -> Reply {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let tag = etag.to_str().unwrap_or_default();
    if let Some(tags) = header(header::IF_NONE_MATCH)
        && tags.split(',').any(|t| {
            let t = t.trim();
            t == "*" || t == tag || t.strip_prefix("W/") == Some(tag)
        })
    {
        let mut response = text(StatusCode::NOT_MODIFIED, mime, Bytes::new());
        headers(&mut response, etag);
        return response;
    }
    let len = body.len() as u64;
    let mut response = match parse_range(header(header::RANGE), len) {
        Range::Whole => text(StatusCode::OK, mime, body),
        Range::Part(start, end) => {
            let part = body.slice(start as usize..=end as usize);
            let mut r = text(StatusCode::PARTIAL_CONTENT, mime, part);
            let range = format!("bytes {start}-{end}/{len}");
            r.headers_mut().insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&range).expect("ascii"),
            );
            r
        }
        Range::Unsatisfiable => {
            let mut r = text(StatusCode::RANGE_NOT_SATISFIABLE, mime, Bytes::new());
            let range = format!("bytes */{len}");
            r.headers_mut().insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&range).expect("ascii"),
            );
            r
        }
    };
    headers(&mut response, etag);
    response
}

#[cfg(test)]
mod tests {
    use super::{Range, parse_range};

    #[test]
    fn ranges() {
        assert_eq!(parse_range(None, 100), Range::Whole);
        assert_eq!(parse_range(Some("bytes=0-9"), 100), Range::Part(0, 9));
        assert_eq!(parse_range(Some("bytes=90-"), 100), Range::Part(90, 99));
        assert_eq!(parse_range(Some("bytes=-10"), 100), Range::Part(90, 99));
        assert_eq!(parse_range(Some("bytes=50-500"), 100), Range::Part(50, 99));
        assert_eq!(parse_range(Some("bytes=100-"), 100), Range::Unsatisfiable);
        assert_eq!(parse_range(Some("bytes=0-1,5-6"), 100), Range::Whole);
        assert_eq!(parse_range(Some("items=0-1"), 100), Range::Whole);
    }
}
