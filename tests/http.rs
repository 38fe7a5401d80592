//! The webhook service, booted for real on 127.0.0.1:0 and spoken to over HTTP.

mod util;

use clara::kb::{self, Curated, Lang};
use util::{PUBLIC_URL, Server, TOKEN, message, sign};

/// Parses TwiML with a real XML parser; returns the text of `<Body>` and `<Media>`.
fn twiml(xml: &str) -> (String, Option<String>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut body, mut media, mut current) = (String::new(), None::<String>, String::new());
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("malformed TwiML ({e}): {xml}"))
        {
            Event::Start(e) => current = String::from_utf8_lossy(e.name().as_ref()).to_string(),
            Event::End(_) => current.clear(),
            Event::Text(t) => {
                let text = t.decode().unwrap().to_string();
                match current.as_str() {
                    "Body" => body.push_str(&text),
                    "Media" => media.get_or_insert_with(String::new).push_str(&text),
                    _ => {}
                }
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).to_string();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                if current == "Body" {
                    body.push_str(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (body, media)
}

#[tokio::test]
async fn signed_cache_hit_is_answered_in_the_webhook_response() {
    let server = Server::signed().await;
    let r = server
        .webhook(
            &message("SM00000000000000000000000000000001", "¿Qué es el IMV?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/xml"));
    assert!(r.header("x-request-id").is_some_and(|id| id.len() == 16));
    let (body, media) = twiml(&r.text());
    let expected = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert_eq!(body, expected.text);
    assert_eq!(
        media,
        expected
            .audio()
            .map(|a| format!("{PUBLIC_URL}/static/cache/{}", a.name))
    );
    assert_eq!(server.app.metrics.answers(clara::AnswerSource::Cache), 1);
}

#[tokio::test]
async fn missing_wrong_or_tampered_signatures_get_403_with_no_detail() {
    let server = Server::signed().await;
    let params = message("SM00000000000000000000000000000002", "¿Qué es el IMV?");
    let missing = server.webhook(&params, None).await;
    assert_eq!((missing.status, missing.body.len()), (403, 0));
    let wrong = server.webhook(&params, Some("another-token")).await;
    assert_eq!((wrong.status, wrong.body.len()), (403, 0));
    // Signed for one body, sent with another.
    let sig = sign(TOKEN, &format!("{PUBLIC_URL}/webhook"), &params);
    let mut tampered = params.clone();
    tampered[4] = ("Body", "¿Qué es el padrón?");
    let body = util::form(&tampered);
    let r = server
        .request(
            "POST",
            "/webhook",
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("X-Twilio-Signature", &sig),
            ],
            body.as_bytes(),
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(server.app.metrics.answers(clara::AnswerSource::Cache), 0);
}

#[tokio::test]
async fn url_is_rebuilt_from_proxy_headers_and_ports_are_tolerated() {
    let server = Server::start(&[("TWILIO_AUTH_TOKEN", TOKEN), ("DEMO_MODE", "true")]).await;
    let params = message("SM00000000000000000000000000000003", "hola");
    let body = util::form(&params);
    for signed_url in [
        "https://proxy.example.net/webhook?x=1",
        "https://proxy.example.net:443/webhook?x=1",
    ] {
        let sig = sign(TOKEN, signed_url, &params);
        let raw = format!(
            "POST /webhook?x=1 HTTP/1.1\r\nHost: proxy.example.net\r\nX-Forwarded-Proto: https\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {sig}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let r = server.raw(raw.as_bytes()).await;
        assert_eq!(r.status, 200, "{signed_url}: {}", r.text());
    }
    // The same request without the proxy's scheme is signed for http://, so it fails.
    let sig = sign(TOKEN, "https://proxy.example.net/webhook?x=1", &params);
    let raw = format!(
        "POST /webhook?x=1 HTTP/1.1\r\nHost: proxy.example.net\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {sig}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    assert_eq!(server.raw(raw.as_bytes()).await.status, 403);
}

#[tokio::test]
async fn limits_have_their_status_codes() {
    let server = Server::signed().await;
    let big = vec![b'a'; 64 * 1024 + 1];
    let r = server
        .request(
            "POST",
            "/webhook",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            &big,
        )
        .await;
    assert_eq!(r.status, 413);
    // Unsigned, a wrong content type is a bare 403 like any unsigned request (tests/faults.rs
    // has the signed 415).
    let r = server
        .request(
            "POST",
            "/webhook",
            &[("Content-Type", "application/json")],
            b"{}",
        )
        .await;
    assert_eq!((r.status, r.text().as_str()), (403, ""));
    let r = server.get("/webhook", &[]).await;
    assert_eq!((r.status, r.header("allow")), (405, Some("POST")));
    let r = server
        .request(
            "POST",
            "/webhook",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            b"Body=%ZZ",
        )
        .await;
    // Malformed and unsigned: 403 like any unsigned request (the 400 is in tests/faults.rs,
    // `unsigned_deployments_name_what_is_wrong_with_a_webhook`).
    assert_eq!((r.status, r.text().as_str()), (403, ""));
    assert_eq!(server.get("/nope", &[]).await.status, 404);
}

#[tokio::test]
async fn a_miss_is_answered_in_the_users_language() {
    let server = Server::start(&[]).await; // offline demo: unsigned accepted
    let r = server
        .webhook(
            &message(
                "SM00000000000000000000000000000004",
                "Quel temps fera-t-il demain à Paris ?",
            ),
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    let (body, _) = twiml(&r.text());
    assert_eq!(body, kb::curated(Curated::FallbackGeneric, Lang::Fr).text);
    assert_eq!(server.app.metrics.answers(clara::AnswerSource::Fallback), 1);
}

#[tokio::test]
async fn voice_notes_and_images_get_their_templates() {
    let server = Server::start(&[]).await;
    let mut voice = message("SM00000000000000000000000000000005", "");
    voice[5] = ("NumMedia", "1");
    voice.push((
        "MediaUrl0",
        "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0",
    ));
    voice.push(("MediaContentType0", "audio/ogg"));
    let (body, _) = twiml(&server.webhook(&voice, None).await.text());
    assert_eq!(
        body,
        kb::curated(Curated::TranscriptionFailed, Lang::Es).text
    );
    let mut photo = voice.clone();
    photo[0] = ("MessageSid", "SM00000000000000000000000000000006");
    photo[9] = ("MediaContentType0", "image/jpeg");
    let (body, _) = twiml(&server.webhook(&photo, None).await.text());
    assert_eq!(body, kb::curated(Curated::ImageLetter, Lang::Es).text);
}

#[tokio::test]
async fn a_twilio_retry_gets_the_same_response_once() {
    let server = Server::signed().await;
    let params = message(
        "SM00000000000000000000000000000007",
        "requisitos del padrón",
    );
    let first = server.webhook(&params, Some(TOKEN)).await;
    let second = server.webhook(&params, Some(TOKEN)).await;
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(first.body, second.body);
    assert_eq!(
        server.app.metrics.answers(clara::AnswerSource::Cache),
        1,
        "the retry was not processed again"
    );
}

#[tokio::test]
async fn health_has_its_shape_and_no_secret() {
    let server = Server::start(&[
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("TWILIO_ACCOUNT_SID", &util::account_sid()),
        ("GEMINI_API_KEY", "AIza-test-gemini-key"),
        ("ADMIN_TOKEN", "admin-secret-token"),
    ])
    .await;
    let r = server.get("/health", &[]).await;
    assert_eq!(r.status, 200);
    let text = r.text();
    for secret in [TOKEN, "AIza-test-gemini-key", "admin-secret-token"] {
        assert!(!text.contains(secret), "{text}");
    }
    let h = r.json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["version"], env!("CARGO_PKG_VERSION"));
    assert!(h["uptime_s"].is_u64());
    let c = &h["components"];
    assert_eq!(c["knowledge_base"]["procedures"], 8);
    assert_eq!(c["knowledge_base"]["languages"], 4);
    assert_eq!(c["knowledge_base"]["answers"], kb::answers().len());
    assert_eq!(c["knowledge_base"]["audio_files"], kb::audio_files().len());
    assert_eq!(c["flags"]["demo_mode"], false);
    assert_eq!(c["gemini_key_set"], true);
    assert_eq!(c["twilio_configured"], true);
    assert_eq!(c["miss_queue"]["depth"], 0);
    let head = server.request("HEAD", "/health", &[], b"").await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn audio_is_served_with_etag_304_and_ranges() {
    let server = Server::start(&[]).await;
    let file = kb::audio_files()
        .first()
        .expect("the build embeds at least one audio file");
    let path = format!("/static/cache/{}", file.name);
    let r = server.get(&path, &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, file.bytes);
    assert_eq!(r.header("content-type"), Some(file.mime));
    assert_eq!(
        r.header("content-length"),
        Some(file.bytes.len().to_string().as_str())
    );
    assert_eq!(r.header("etag"), Some(file.etag));
    assert_eq!(r.header("cache-control"), Some("public, max-age=86400"));
    let r = server.get(&path, &[("If-None-Match", file.etag)]).await;
    assert_eq!((r.status, r.body.len()), (304, 0));
    let r = server.get(&path, &[("Range", "bytes=10-19")]).await;
    assert_eq!(r.status, 206);
    assert_eq!(r.body, &file.bytes[10..20]);
    assert_eq!(
        r.header("content-range"),
        Some(format!("bytes 10-19/{}", file.bytes.len()).as_str())
    );
    let r = server
        .get(&path, &[("Range", &format!("bytes={}-", file.bytes.len()))])
        .await;
    assert_eq!(r.status, 416);
    for bad in [
        "/static/cache/nope.mp3",
        "/static/cache/../../Cargo.toml",
        "/static/cache/%2e%2e%2fCargo.toml",
        "/static/cache/",
    ] {
        assert_eq!(server.get(bad, &[]).await.status, 404, "{bad}");
    }
}

#[tokio::test]
async fn metrics_parse_and_need_the_admin_token_when_set() {
    let server = Server::start(&[("ADMIN_TOKEN", "admin-secret-token")]).await;
    server
        .webhook(&message("SM00000000000000000000000000000008", "hola"), None)
        .await;
    assert_eq!(server.get("/metrics", &[]).await.status, 401);
    assert_eq!(
        server
            .get("/metrics", &[("Authorization", "Bearer wrong")])
            .await
            .status,
        401
    );
    let r = server
        .get(
            "/metrics",
            &[("Authorization", "Bearer admin-secret-token")],
        )
        .await;
    assert_eq!(r.status, 200);
    let text = r.text();
    let mut samples = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (series, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("bad line {line}"));
        value
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("bad value in {line}"));
        assert!(series.starts_with("clara_"), "{line}");
        samples += 1;
    }
    assert!(samples > 20);
    assert!(
        text.contains("clara_requests_total{route=\"webhook\",status=\"200\"} 1"),
        "{text}"
    );
    assert!(text.contains("clara_answers_total{source=\"cache\"} 1"));
    assert!(text.contains("clara_request_duration_seconds_count{route=\"webhook\"} 1"));
}

#[tokio::test]
async fn chat_api_answers_and_explains_bad_requests() {
    let server = Server::start(&[]).await;
    let json = [("Content-Type", "application/json")];
    let r = server
        .request(
            "POST",
            "/api/chat",
            &json,
            "{\"text\": \"¿Qué es el IMV?\", \"lang\": \"fr\"}".as_bytes(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["intent"], "imv");
    assert_eq!(v["facet"], "descripcion");
    assert_eq!(v["lang"], "fr");
    assert_eq!(v["source"], "cache");
    assert_eq!(
        v["answer"],
        kb::answer_by_id("imv.descripcion.fr").unwrap().text
    );
    let r = server
        .request("POST", "/api/chat", &json, b"{\"text\": ")
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().starts_with("invalid JSON"), "{}", r.text());
    let r = server
        .request(
            "POST",
            "/api/chat",
            &json,
            b"{\"text\": \"hola\", \"lang\": \"de\"}",
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("unknown lang `de`"));
    let r = server
        .request(
            "POST",
            "/api/chat",
            &json,
            b"{\"text\": \"quiero suicidarme\"}",
        )
        .await;
    assert_eq!(r.json()["source"], "guardrail");
}

#[tokio::test]
async fn graceful_shutdown_returns_after_in_flight_requests() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::start(&[]).await;
    let addr = server.addr;
    // A webhook whose body is only half sent when the shutdown starts: in flight.
    let body = util::form(&message(
        "SM00000000000000000000000000000077",
        "¿Qué es el IMV?",
    ));
    let (first, second) = body.as_bytes().split_at(body.len() / 2);
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            format!(
                "POST /webhook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    stream.write_all(first).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let stopping = tokio::spawn(server.stop());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        !stopping.is_finished(),
        "run() waits for the request in flight"
    );
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no longer accepting"
    );
    stream.write_all(second).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let imv = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert!(
        response.contains(&clara::http::twiml::escape(&imv.text[..40])),
        "the request in flight got its answer: {response}"
    );
    tokio::time::timeout(std::time::Duration::from_secs(5), stopping)
        .await
        .expect("run() returns once the request is answered")
        .unwrap();
}
