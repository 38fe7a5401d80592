//! The web chat (`GET /`, `/static/web/<file>`), served by the real server on 127.0.0.1:0.

mod util;

use util::Server;

const DISCLAIMER_ES: &str =
    "Clara te orienta, pero no es asesoría legal. Tus mensajes no se guardan.";

/// The values of every `name="…"` attribute in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').expect("a closed attribute")]
        })
        .collect()
}

#[tokio::test]
async fn the_page_is_html_with_a_strict_policy() {
    let server = Server::start(&[]).await;
    let r = server.get("/", &[]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let csp = r.header("content-security-policy").expect("a CSP header");
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    for expected in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "media-src 'self'",
    ] {
        assert!(directives.contains(&expected), "{expected} missing: {csp}");
    }
    assert!(!csp.contains("unsafe"), "{csp}");

    let html = r.text();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("<label for=\"question\""));
    assert!(html.contains("id=\"question\""));
    assert!(html.contains("<label for=\"lang\""));
    assert!(html.contains("aria-live=\"polite\""));
    assert!(html.contains(DISCLAIMER_ES));
    for lang in ["es", "fr", "en", "ar"] {
        assert!(
            html.contains(&format!("<option value=\"{lang}\"")),
            "{lang}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn the_page_uses_only_same_origin_files_and_no_inline_code() {
    let server = Server::start(&[]).await;
    let html = server.get("/", &[]).await.text();
    let references: Vec<&str> = attribute_values(&html, "src")
        .into_iter()
        .chain(attribute_values(&html, "href"))
        .collect();
    assert_eq!(
        references,
        [
            "/static/web/chat.js",
            "/static/web/chat.css",
            "/static/web/icon.svg"
        ],
        "only the embedded assets, by absolute path on this origin"
    );
    for reference in references {
        let r = server.get(reference, &[]).await;
        assert_eq!(r.status, 200, "{reference}");
    }
    // The CSP would block inline code anyway; the page must not need any.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<style"));
    assert!(attribute_values(&html, "style").is_empty());
    assert!(!html.contains(" on"), "no inline event handlers");
    server.stop().await;
}

#[tokio::test]
async fn the_script_and_stylesheet_are_served_with_their_types() {
    let server = Server::start(&[]).await;
    for (path, content_type) in [
        ("/static/web/chat.js", "text/javascript; charset=utf-8"),
        ("/static/web/chat.css", "text/css; charset=utf-8"),
        ("/static/web/icon.svg", "image/svg+xml"),
    ] {
        let r = server.get(path, &[]).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(content_type), "{path}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
        assert!(!r.body.is_empty(), "{path}");
    }
    let head = server
        .request("HEAD", "/static/web/chat.js", &[], b"")
        .await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn unknown_assets_are_not_found() {
    let server = Server::start(&[]).await;
    for path in [
        "/static/web/",
        "/static/web/index.html",
        "/static/web/chat.jsx",
        "/static/web/../cache/greeting.es.mp3",
        "/static/web/chat.js/",
        "/index.html",
    ] {
        let r = server.get(path, &[]).await;
        assert_eq!(r.status, 404, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn audio_from_another_origin_is_allowed_by_the_policy() {
    let server = Server::start(&[("AUDIO_BASE_URL", "https://cdn.example.org/clara")]).await;
    let r = server.get("/", &[]).await;
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.split(';')
            .any(|d| d.trim() == "media-src 'self' https://cdn.example.org"),
        "{csp}"
    );
    server.stop().await;
}

/// The script speaks the API the page depends on, and writes no answer as HTML.
#[tokio::test]
async fn the_script_talks_to_the_chat_api_without_inner_html() {
    let server = Server::start(&[]).await;
    let js = server.get("/static/web/chat.js", &[]).await.text();
    assert!(js.contains("fetch('/api/chat'"));
    for field in ["data.answer", "data.lang", "data.audio_url", "data.note"] {
        assert!(js.contains(field), "{field}");
    }
    for unsafe_sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(unsafe_sink), "{unsafe_sink}");
    }
    assert!(!js.contains("localStorage") && !js.contains("document.cookie"));
    // The API answers what the script reads, with a same-origin audio link.
    let r = server
        .chat(&serde_json::json!({"text": "¿Qué es el IMV?", "lang": "es"}))
        .await;
    let answer = r.json();
    assert_eq!(answer["lang"], "es");
    assert!(answer["answer"].as_str().unwrap().contains("https://"));
    let audio = answer["audio_url"].as_str().unwrap();
    assert!(audio.starts_with("/static/cache/"), "{audio}");
    assert_eq!(server.get(audio, &[]).await.status, 200);
    server.stop().await;
}

/// Every interface text of the page exists in the four languages of the script, and the
/// Spanish texts of the page are the script's (so the two cannot drift apart).
#[tokio::test]
async fn every_interface_text_is_translated() {
    let server = Server::start(&[]).await;
    let html = server.get("/", &[]).await.text();
    let js = server.get("/static/web/chat.js", &[]).await.text();
    let keys: Vec<&str> = attribute_values(&html, "data-i18n")
        .into_iter()
        .chain(attribute_values(&html, "data-i18n-placeholder"))
        .chain(attribute_values(&html, "data-ask"))
        .chain(["title", "you", "thinking", "error", "listen", "empty"])
        .collect();
    assert!(keys.len() > 10, "{keys:?}");
    for key in keys {
        // One definition per language table, however the script is indented or quoted.
        let definition =
            regex::Regex::new(&format!(r#"(?m)^\s*{}\s*:\s*['"`]"#, regex::escape(key))).unwrap();
        let definitions = definition.find_iter(&js).count();
        assert_eq!(definitions, 4, "`{key}` in es, fr, en and ar");
    }
    assert!(js.contains(&format!("disclaimer: '{DISCLAIMER_ES}'")));
    assert!(js.contains("Clara gives guidance, not legal advice. Your messages are not stored."));
    server.stop().await;
}
