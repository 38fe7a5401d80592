//! `GET|HEAD /static/cache/<file>`: embedded audio, looked up by name in the compiled manifest
//! (no filesystem, so no path traversal), with strong ETags, 304s and single byte ranges.

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Request, StatusCode};

use super::routes::{HttpError, Reply, text};
use crate::kb::{self, AudioFile};

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

fn headers(response: &mut Reply, file: &AudioFile) {
    let h = response.headers_mut();
    h.insert(header::ETAG, HeaderValue::from_static(file.etag));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
}

pub(crate) fn serve(req: &Request<Incoming>, name: &str) -> Result<Reply, HttpError> {
    let file = kb::audio_by_name(name).ok_or(HttpError::NotFound)?;
    serve_file(req, file)
}

fn serve_file(req: &Request<Incoming>, file: &'static AudioFile) -> Result<Reply, HttpError> {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(tags) = header(header::IF_NONE_MATCH)
        && tags.split(',').any(|t| {
            let t = t.trim();
            t == "*" || t == file.etag || t.strip_prefix("W/") == Some(file.etag)
        })
    {
        let mut response = text(StatusCode::NOT_MODIFIED, file.mime, Bytes::new());
        headers(&mut response, file);
        return Ok(response);
    }
    let len = file.bytes.len() as u64;
    let mut response = match parse_range(header(header::RANGE), len) {
        Range::Whole => text(StatusCode::OK, file.mime, Bytes::from_static(file.bytes)),
        Range::Part(start, end) => {
            let body = Bytes::from_static(&file.bytes[start as usize..=end as usize]);
            let mut r = text(StatusCode::PARTIAL_CONTENT, file.mime, body);
            let range = format!("bytes {start}-{end}/{len}");
            r.headers_mut().insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&range).expect("ascii"),
            );
            r
        }
        Range::Unsatisfiable => {
            let mut r = text(StatusCode::RANGE_NOT_SATISFIABLE, file.mime, Bytes::new());
            let range = format!("bytes */{len}");
            r.headers_mut().insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&range).expect("ascii"),
            );
            r
        }
    };
    headers(&mut response, file);
    Ok(response)
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
