//! `GET /` and `GET /static/web/<file>`: the web chat, a small page embedded in the binary
//! (HTML, CSS and plain JavaScript, no build step) that talks to `POST /api/chat`.
//!
//! The page is served with a strict Content-Security-Policy: scripts and styles only from this
//! origin, no inline code, so the JavaScript and CSS are separate files under `/static/web/`.
//! Audio may also come from the configured audio base (`AUDIO_BASE_URL` or `PUBLIC_URL`), whose
//! origin is added to `media-src`.

use bytes::Bytes;
use hyper::StatusCode;
use hyper::header::{self, HeaderValue};

use super::App;
use super::response::{HttpError, Reply, text};

/// The page itself; its Spanish texts are the ones shown before the script runs.
const INDEX_HTML: &str = include_str!("web/index.html");
/// The chat logic and the interface texts in es, fr, en and ar.
const CHAT_JS: &str = include_str!("web/chat.js");
const CHAT_CSS: &str = include_str!("web/chat.css");
/// The page's icon. Without one, browsers fetch `/favicon.ico`, which is not served, and log
/// the 404 as a console error (found by tests/browser.rs).
const ICON_SVG: &str = include_str!("web/icon.svg");

/// Where the assets are served; the page refers to them by these paths.
pub(crate) const ASSET_PREFIX: &str = "/static/web/";

/// The policy without `media-src`, which depends on the audio base. No inline script or style,
/// no plugins, no framing, forms and fetches to this origin only.
const CSP_BASE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// The assets change only with a new build, but a deploy must not leave an old script running
/// against a new API: browsers revalidate every time (the files are a few KiB).
const CACHE_CONTROL: &str = "no-cache";

/// Serves a path this module owns: `/` or `/static/web/<file>` (the single route arm).
///
/// # Errors
/// [`HttpError::NotFound`] for any other path or an unknown asset.
pub(crate) fn serve(app: &App, path: &str) -> Result<Reply, HttpError> {
    if path == "/" {
        return Ok(page(app));
    }
    path.strip_prefix(ASSET_PREFIX)
        .and_then(asset)
        .ok_or(HttpError::NotFound)
}

/// `GET /`: the chat page, with its Content-Security-Policy.
pub(crate) fn page(app: &App) -> Reply {
    let mut response = with_headers(text(
        StatusCode::OK,
        "text/html; charset=utf-8",
        Bytes::from_static(INDEX_HTML.as_bytes()),
    ));
    let csp = content_security_policy(app.config.audio_base().as_deref());
    if let Ok(value) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// `GET /static/web/<name>`: `chat.js`, `chat.css` or `icon.svg`; `None` for any other name.
pub(crate) fn asset(name: &str) -> Option<Reply> {
    let (content_type, body) = match name {
        "chat.js" => ("text/javascript; charset=utf-8", CHAT_JS),
        "chat.css" => ("text/css; charset=utf-8", CHAT_CSS),
        "icon.svg" => ("image/svg+xml", ICON_SVG),
        _ => return None,
    };
    Some(with_headers(text(
        StatusCode::OK,
        content_type,
        Bytes::from_static(body.as_bytes()),
    )))
}

fn with_headers(mut response: Reply) -> Reply {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    response
}

/// The page's policy: [`CSP_BASE`] plus `media-src 'self'` and the audio base's origin when it
/// is another one (a CDN, or `PUBLIC_URL` while the page is opened at another address).
fn content_security_policy(audio_base: Option<&str>) -> String {
    let mut csp = format!("{CSP_BASE}; media-src 'self'");
    if let Some(origin) = audio_base.and_then(origin) {
        csp.push(' ');
        csp.push_str(origin);
    }
    csp
}

/// `scheme://host[:port]` of an http(s) URL, if it has only characters a CSP source may hold.
fn origin(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_len];
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    (!host.is_empty() && host.chars().all(allowed)).then(|| &url[..scheme.len() + 3 + host_len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_keeps_scheme_host_and_port_only() {
        assert_eq!(
            origin("https://cdn.example.org/clara/audio"),
            Some("https://cdn.example.org")
        );
        assert_eq!(
            origin("http://localhost:5000/static/cache"),
            Some("http://localhost:5000")
        );
        assert_eq!(origin("https://[::1]:8443"), Some("https://[::1]:8443"));
        assert_eq!(origin("ftp://files.example.org"), None);
        assert_eq!(origin("https://evil.example; script-src *"), None);
        assert_eq!(origin("https://user@host.example"), None);
        assert_eq!(origin("https:///path"), None);
    }

    #[test]
    fn policy_allows_no_inline_code() {
        let csp = content_security_policy(None);
        assert!(csp.starts_with("default-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("unsafe-eval"));
        assert!(csp.ends_with("media-src 'self'"));
        assert!(
            content_security_policy(Some("https://cdn.example.org/a"))
                .ends_with("media-src 'self' https://cdn.example.org")
        );
    }

    #[test]
    fn assets_are_the_embedded_files() {
        assert!(asset("chat.js").is_some());
        assert!(asset("chat.css").is_some());
        assert!(asset("icon.svg").is_some());
        for name in ["", "index.html", "../chat.js", "chat.js/", "CHAT.JS"] {
            assert!(asset(name).is_none(), "{name}");
        }
    }
}
