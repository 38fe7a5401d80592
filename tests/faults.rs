//! The fault matrix of docs/RELIABILITY.md: one fault at a time, injected into the real server (or
//! the real binary) through wiremock upstreams or hand-written TCP servers on 127.0.0.1. Each test
//! asserts what the person receives (the template sent to the Twilio mock, or the HTTP status and
//! reason) and what the operator sees (a `/metrics` line, a `/health` field, a dead-letter line
//! or a log line).

mod util;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clara::kb::{self, Curated, Lang};
use clara::outbound::RetryPolicy;
use clara::outbound::twilio::Twilio;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use util::{
    Clara, Server, TOKEN, World, exchange, field, gemini_text, message, metric, voice_note,
    webhook_request,
};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Text misses (no vocabulary of the knowledge base in them) in French and Spanish.
const MISS_FR: &str = "Où est-ce que je peux trouver un logement social ?";
const MISS_ES: &str = "¿dónde encuentro un piso barato?";

/// What a person gets for [`MISS_FR`] when Gemini fails with `which`: the template, then the
/// official link and phone of the procedure its words lean to (the padrón, for "logement").
fn failed(which: Curated) -> String {
    let guess = clara::respond::Responder::default()
        .respond(MISS_FR, None)
        .guess
        .expect("MISS_FR leans to a procedure");
    format!(
        "{}\n\n{}",
        template(which, Lang::Fr),
        kb::procedure(guess).contacto.get(Lang::Fr)
    )
}

/// A template's text, as sent through the REST API.
fn template(which: Curated, lang: Lang) -> &'static str {
    kb::curated(which, lang).text
}

/// Whether a TwiML response carries `which` in `lang`.
fn twiml_has(xml: &str, which: Curated, lang: Lang) -> bool {
    xml.contains(&clara::http::twiml::escape(template(which, lang)))
}

async fn metrics(server: &Server) -> String {
    let r = server.get("/metrics", &[]).await;
    assert_eq!(r.status, 200);
    r.text()
}

/// Waits (up to 10 s) until `series` reads `value` in `/metrics`.
async fn wait_metric(server: &Server, series: &str, value: f64) {
    for _ in 0..400 {
        if metric(&metrics(server).await, series) == Some(value) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{series} never reached {value}:\n{}", metrics(server).await);
}

async fn health(server: &Server) -> serde_json::Value {
    server.get("/health", &[]).await.json()
}

/// Mounts `response` in front of the world's 201 for the next `times` messages (all if `None`).
async fn twilio_fails(world: &World, response: ResponseTemplate, times: Option<u64>) {
    let mock = Mock::given(method("POST"))
        .and(path(util::messages_path()))
        .respond_with(response)
        .with_priority(1);
    let mock = match times {
        Some(n) => mock.up_to_n_times(n),
        None => mock,
    };
    mock.mount(&world.twilio).await;
}

fn twilio_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "code": code, "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"), "status": status,
    }))
}

/// Sends one text miss and checks it was acknowledged (queued).
async fn send_miss(server: &Server, sid: &str, text: &str, lang: Lang) {
    let r = server.webhook(&message(sid, text), Some(TOKEN)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(twiml_has(&r.text(), Curated::AckText, lang), "{}", r.text());
}

// ------------------------------------------------------------------------------------------
// Twilio (delivery through the REST API)
// ------------------------------------------------------------------------------------------

#[tokio::test]
async fn twilio_500_until_the_retries_run_out_is_a_dead_letter_in_metrics_and_health() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        twilio_error(500, 20500, "Internal Server Error"),
        None,
    )
    .await;
    let server = world.server(&[]).await;
    send_miss(
        &server,
        "SM90000000000000000000000000000001",
        MISS_ES,
        Lang::Es,
    )
    .await;

    let letters = world.wait_dead_letters(1, Duration::from_secs(10)).await;
    assert_eq!(letters.len(), 1);
    let letter = &letters[0];
    assert_eq!(letter["message_sid"], "SM90000000000000000000000000000001");
    assert!(
        letter["body"]
            .as_str()
            .unwrap()
            .starts_with("Respuesta de prueba")
    );
    let reason = letter["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("twilio unreachable after retries (gemini)"),
        "{reason}"
    );
    assert!(reason.contains("gave up after 4 attempts"), "{reason}");
    assert_eq!(
        world.twilio.received_requests().await.unwrap().len(),
        4,
        "RetryPolicy::default(): 4 attempts"
    );
    wait_metric(&server, "clara_answers_total{source=\"llm\"}", 1.0).await;
    let text = metrics(&server).await;
    assert_eq!(
        metric(&text, "clara_dead_letters_total"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        health(&server).await["components"]["miss_queue"]["dead_letters"],
        1
    );
}

#[tokio::test]
async fn twilio_500_then_201_is_delivered_late_and_nothing_is_dead_lettered() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(&world, ResponseTemplate::new(503), Some(2)).await;
    let server = world.server(&[]).await;
    send_miss(
        &server,
        "SM90000000000000000000000000000002",
        MISS_ES,
        Lang::Es,
    )
    .await;
    let sent = world.sent(3).await;
    assert!(
        sent.iter()
            .all(|f| field(f, "Body").is_some_and(|b| b.starts_with("Respuesta de prueba"))),
        "the same reply each attempt"
    );
    wait_metric(&server, "clara_answers_total{source=\"llm\"}", 1.0).await;
    assert_eq!(
        metric(&metrics(&server).await, "clara_dead_letters_total"),
        Some(0.0)
    );
    assert!(world.dead_letters().is_empty());
}

#[tokio::test]
async fn twilio_429_waits_for_retry_after_then_delivers() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        twilio_error(429, 20429, "Too Many Requests").insert_header("Retry-After", "2"),
        Some(1),
    )
    .await;
    let server = world.server(&[]).await;
    let started = Instant::now();
    send_miss(
        &server,
        "SM90000000000000000000000000000003",
        MISS_ES,
        Lang::Es,
    )
    .await;
    let sent = world.sent(2).await;
    // The default backoff would have retried after 0.5 s: 2 s means Retry-After was honoured.
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(field(&sent[0], "Body"), field(&sent[1], "Body"));
    wait_metric(&server, "clara_answers_total{source=\"llm\"}", 1.0).await;
    assert_eq!(
        metric(&metrics(&server).await, "clara_dead_letters_total"),
        Some(0.0)
    );
}

#[tokio::test]
async fn twilio_429_that_never_ends_is_a_dead_letter() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        twilio_error(429, 20429, "Too Many Requests").insert_header("Retry-After", "1"),
        None,
    )
    .await;
    let server = world.server(&[]).await;
    send_miss(
        &server,
        "SM90000000000000000000000000000004",
        MISS_ES,
        Lang::Es,
    )
    .await;
    let letters = world.wait_dead_letters(1, Duration::from_secs(10)).await;
    assert!(
        letters[0]["reason"]
            .as_str()
            .unwrap()
            .contains("http 429, code 20429"),
        "{letters:?}"
    );
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 4);
    wait_metric(&server, "clara_dead_letters_total", 1.0).await;
    assert_eq!(
        health(&server).await["components"]["miss_queue"]["dead_letters"],
        1
    );
}

#[tokio::test]
async fn twilio_refusing_connections_is_a_dead_letter_in_metrics() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let base = format!("http://127.0.0.1:{closed}");
    let server = world.server(&[("TWILIO_API_BASE_URL", &base)]).await;
    send_miss(
        &server,
        "SM90000000000000000000000000000005",
        MISS_ES,
        Lang::Es,
    )
    .await;
    let letters = world.wait_dead_letters(1, Duration::from_secs(10)).await;
    let reason = letters[0]["reason"].as_str().unwrap();
    assert!(reason.contains("request failed"), "{reason}");
    wait_metric(&server, "clara_dead_letters_total", 1.0).await;
}

#[tokio::test]
async fn twilio_rejecting_the_number_is_a_dead_letter_at_once_without_retry() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        twilio_error(
            400,
            21211,
            "The 'To' number whatsapp:+34600111222 is not a valid phone number.",
        ),
        None,
    )
    .await;
    let server = world.server(&[]).await;
    send_miss(
        &server,
        "SM90000000000000000000000000000006",
        MISS_ES,
        Lang::Es,
    )
    .await;
    let letters = world.wait_dead_letters(1, Duration::from_secs(5)).await;
    let reason = letters[0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("twilio rejected the reply (gemini)"),
        "{reason}"
    );
    assert!(reason.contains("code 21211"), "{reason}");
    assert!(!reason.contains("600111222"), "no phone number: {reason}");
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 1);
    wait_metric(&server, "clara_dead_letters_total", 1.0).await;
}

#[tokio::test]
async fn a_slow_twilio_within_the_budget_delivers_and_the_webhook_does_not_wait() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        util::twilio_created().set_delay(Duration::from_secs(2)),
        None,
    )
    .await;
    let server = world.server(&[]).await;
    let started = Instant::now();
    send_miss(
        &server,
        "SM90000000000000000000000000000007",
        MISS_ES,
        Lang::Es,
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(1), "ACK at once");
    world.sent(1).await;
    wait_metric(&server, "clara_answers_total{source=\"llm\"}", 1.0).await;
    assert!(started.elapsed() >= Duration::from_secs(2));
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 1);
    assert!(world.dead_letters().is_empty());
}

/// A Twilio that never answers spends the whole time budget of the part (20 s in production,
/// 1 s here: the policy is not configurable, so the pipeline is built by hand with a short one),
/// then the reply is dead-lettered. The per-attempt timeout (5 s) is longer than this budget, so
/// the one hung request is cut by the budget, not retried.
#[tokio::test]
async fn a_hung_twilio_is_dead_lettered_when_the_time_budget_is_spent() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta de prueba sobre vivienda."))
        .await;
    twilio_fails(
        &world,
        util::twilio_created().set_delay(Duration::from_secs(30)),
        None,
    )
    .await;
    let vars = world.vars();
    let config = clara::config::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .unwrap();
    let metrics = Arc::new(clara::metrics::Metrics::default());
    let mut services = clara::miss::Services::from_config(&config, Arc::clone(&metrics))
        .unwrap()
        .expect("pipeline enabled");
    services.twilio = Twilio::new(
        reqwest::Client::new(),
        &world.twilio.uri(),
        &util::account_sid(),
        TOKEN.into(),
        "whatsapp:+14155238886",
        RetryPolicy {
            attempts: 4,
            first_delay: Duration::from_millis(100),
            max_total: Duration::from_secs(1),
            attempt_timeout: Duration::from_secs(5),
        },
    );
    let pipeline = clara::miss::Pipeline::start(Arc::new(services), 1, 4);
    let started = Instant::now();
    pipeline
        .submit(clara::miss::Job {
            message_sid: "SM90000000000000000000000000000008".into(),
            from: "whatsapp:+34600111222".into(),
            sender: clara::observability::SenderId([8; 8]),
            text: MISS_ES.into(),
            lang: Lang::Es,
            context: Default::default(),
            voice: None,
            received: Instant::now(),
            entry: None,
        })
        .unwrap();
    let letters = world.wait_dead_letters(1, Duration::from_secs(6)).await;
    assert!(started.elapsed() < Duration::from_secs(5));
    let reason = letters[0]["reason"].as_str().unwrap();
    assert!(reason.contains("time budget spent"), "{reason}");
    assert_eq!(metrics.dead_letters(), 1);
    pipeline.drain(Duration::from_secs(1)).await;
}

// ------------------------------------------------------------------------------------------
// Gemini
// ------------------------------------------------------------------------------------------

/// Every Gemini fault ends in a template sent to the person and one `fallback` answer in
/// `/metrics`, never in silence and never in a dead letter.
#[tokio::test]
async fn gemini_faults_end_in_their_template_and_count_as_fallback() {
    let error = |status: u16| {
        ResponseTemplate::new(status)
            .set_body_json(json!({"error": {"code": status, "message": "x", "status": "X"}}))
    };
    let cases: Vec<(&str, Option<ResponseTemplate>, Curated)> = vec![
        ("429", Some(error(429)), Curated::Busy),
        ("500", Some(error(500)), Curated::LlmFailed),
        ("503 html page", Some(ResponseTemplate::new(503).set_body_raw("<html>down</html>", "text/html")), Curated::LlmFailed),
        (
            "timeout",
            Some(gemini_text("tarde").set_delay(Duration::from_secs(4))),
            Curated::LlmFailed,
        ),
        (
            "blocked prompt",
            Some(ResponseTemplate::new(200).set_body_json(json!({"promptFeedback": {"blockReason": "SAFETY"}}))),
            Curated::LlmFailed,
        ),
        (
            "output stopped for safety",
            Some(ResponseTemplate::new(200).set_body_json(json!({"candidates": [{"content": {"parts": [{"text": "x"}]}, "finishReason": "SAFETY"}]}))),
            Curated::LlmFailed,
        ),
        // Garbage: a 200 that is not the JSON expected, or has nothing usable in it.
        ("200 not JSON", Some(ResponseTemplate::new(200).set_body_raw("<html>oops</html>", "text/html")), Curated::LlmFailed),
        ("200 truncated JSON", Some(ResponseTemplate::new(200).set_body_raw("{\"candidates\": [{\"content\": {\"par", "application/json")), Curated::LlmFailed),
        ("200 {}", Some(ResponseTemplate::new(200).set_body_json(json!({}))), Curated::LlmFailed),
        ("200 no candidates", Some(ResponseTemplate::new(200).set_body_json(json!({"candidates": []}))), Curated::LlmFailed),
        ("200 empty text", Some(gemini_text("   ")), Curated::LlmFailed),
        ("200 wrong shape", Some(ResponseTemplate::new(200).set_body_json(json!({"candidates": "yes"}))), Curated::LlmFailed),
        // Garbage a parser accepts: an answer in another language than the question's.
        (
            "200 in the wrong language",
            Some(gemini_text("This is an answer in English about social housing in Spain: ask your town hall.")),
            Curated::LlmFailed,
        ),
        ("connection refused", None, Curated::LlmFailed),
    ];
    for (name, response, expected) in cases {
        let world = World::new().await;
        let closed_base;
        let extra: Vec<(&str, &str)> = match response {
            Some(response) => {
                world.gemini_answers(response).await;
                vec![("LLM_TIMEOUT", "1")]
            }
            None => {
                let port = {
                    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
                    l.local_addr().unwrap().port()
                };
                closed_base = format!("http://127.0.0.1:{port}/v1beta");
                vec![("GEMINI_BASE_URL", closed_base.as_str())]
            }
        };
        let server = world.server(&extra).await;
        send_miss(
            &server,
            "SM91000000000000000000000000000001",
            MISS_FR,
            Lang::Fr,
        )
        .await;
        let sent = world.sent(1).await;
        assert_eq!(
            field(&sent[0], "Body"),
            Some(failed(expected).as_str()),
            "gemini {name}"
        );
        wait_metric(&server, "clara_answers_total{source=\"fallback\"}", 1.0).await;
        let text = metrics(&server).await;
        assert_eq!(
            metric(&text, "clara_answers_total{source=\"llm\"}"),
            Some(0.0),
            "gemini {name}"
        );
        assert_eq!(
            metric(&text, "clara_dead_letters_total"),
            Some(0.0),
            "gemini {name}"
        );
        // The journal records the failure for `clara promote` (no answer to promote).
        let journal = std::fs::read_to_string(world.journal.path()).unwrap();
        let line: serde_json::Value = serde_json::from_str(journal.trim()).unwrap();
        let source = if expected == Curated::Busy {
            "gemini rate limited"
        } else {
            "gemini failed"
        };
        assert_eq!(line["source"], source, "gemini {name}");
    }
}

// ------------------------------------------------------------------------------------------
// Media host (voice notes)
// ------------------------------------------------------------------------------------------

/// Sends a voice note and checks it was acknowledged.
async fn send_voice(server: &Server, sid: &str, url: &str) {
    let r = server.webhook(&voice_note(sid, url), Some(TOKEN)).await;
    assert_eq!(r.status, 200);
    assert!(
        twiml_has(&r.text(), Curated::AckAudio, Lang::Es),
        "{}",
        r.text()
    );
}

/// The person got `transcription_failed`, Gemini was never asked, `/metrics` counts a fallback.
async fn assert_transcription_failed(world: &World, server: &Server) {
    let sent = world.sent(1).await;
    assert_eq!(
        field(&sent[0], "Body"),
        Some(template(Curated::TranscriptionFailed, Lang::Es))
    );
    wait_metric(server, "clara_answers_total{source=\"fallback\"}", 1.0).await;
    assert!(
        world
            .gemini
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty(),
        "nothing was sent to Gemini"
    );
}

#[tokio::test]
async fn a_slow_media_host_times_out_into_transcription_failed() {
    let world = World::new().await;
    Mock::given(method("GET"))
        .respond_with(util::voice_note_bytes().set_delay(Duration::from_secs(10)))
        .mount(&world.media)
        .await;
    let server = world.server(&[("WHISPER_TIMEOUT", "1")]).await;
    let started = Instant::now();
    let url = format!("{}/Media/slow", world.media.uri());
    send_voice(&server, "SM92000000000000000000000000000001", &url).await;
    assert_transcription_failed(&world, &server).await;
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "bounded by WHISPER_TIMEOUT: {:?}",
        started.elapsed()
    );
    assert_eq!(world.media.received_requests().await.unwrap().len(), 1);
}

/// A one-connection-at-a-time HTTP server that writes `head` and then `body` (as it comes) to
/// whoever connects, after reading the request head. Counts the connections.
async fn raw_media_host(
    head: &'static str,
    body: impl Fn(u64) -> Option<Vec<u8>> + Send + Sync + 'static,
) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/Media/raw", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    tokio::spawn(async move {
        let body = Arc::new(body);
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let body = Arc::clone(&body);
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let mut i = 0;
                while let Some(chunk) = body(i) {
                    if stream.write_all(&chunk).await.is_err() {
                        return; // the client stopped reading: what we want to see
                    }
                    i += 1;
                }
                // Hold the connection open: a client waiting for the rest would hang here.
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
        }
    });
    (url, connections)
}

#[tokio::test]
async fn media_declared_over_16_mib_is_refused_before_it_is_read() {
    let world = World::new().await;
    // Declares 16 MiB + 1, sends 4 bytes and waits: reading on would hang until the timeout.
    let (url, connections) = raw_media_host(
        "HTTP/1.1 200 OK\r\nContent-Type: audio/ogg\r\nContent-Length: 16777217\r\n\r\n",
        |i| (i == 0).then(|| b"OggS".to_vec()),
    )
    .await;
    let server = world.server(&[("WHISPER_TIMEOUT", "20")]).await;
    let started = Instant::now();
    send_voice(&server, "SM92000000000000000000000000000002", &url).await;
    assert_transcription_failed(&world, &server).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused on the header, not after WHISPER_TIMEOUT: {:?}",
        started.elapsed()
    );
    assert_eq!(connections.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn chunked_media_without_a_length_is_cut_off_at_16_mib() {
    let world = World::new().await;
    // 17 MiB in 64 KiB chunks, no Content-Length, then the final chunk.
    const CHUNK: usize = 64 * 1024;
    let (url, connections) = raw_media_host(
        "HTTP/1.1 200 OK\r\nContent-Type: audio/ogg\r\nTransfer-Encoding: chunked\r\n\r\n",
        |i| match i {
            0..272 => {
                let mut chunk = format!("{CHUNK:x}\r\n").into_bytes();
                chunk.resize(chunk.len() + CHUNK, b'x');
                chunk.extend_from_slice(b"\r\n");
                Some(chunk)
            }
            272 => Some(b"0\r\n\r\n".to_vec()),
            _ => None,
        },
    )
    .await;
    let server = world.server(&[("WHISPER_TIMEOUT", "20")]).await;
    let started = Instant::now();
    send_voice(&server, "SM92000000000000000000000000000003", &url).await;
    assert_transcription_failed(&world, &server).await;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "stopped by the cap, not by WHISPER_TIMEOUT: {:?}",
        started.elapsed()
    );
    assert_eq!(connections.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn media_on_a_foreign_host_or_redirected_to_one_is_never_fetched() {
    let world = World::new().await;
    let foreign = MockServer::start().await; // 127.0.0.1 too, but named `localhost`
    let steal = format!("http://localhost:{}/steal", foreign.address().port());
    Mock::given(method("GET"))
        .and(path("/Media/redirect"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", steal.as_str()))
        .mount(&world.media)
        .await;
    let server = world.server(&[]).await;
    let redirect = format!("{}/Media/redirect", world.media.uri());
    let cases = [
        ("SM92000000000000000000000000000004", steal.as_str()),
        ("SM92000000000000000000000000000005", redirect.as_str()),
        ("SM92000000000000000000000000000006", "file:///etc/passwd"),
    ];
    for (i, (sid, url)) in cases.iter().enumerate() {
        send_voice(&server, sid, url).await;
        let sent = world.sent(i + 1).await;
        assert_eq!(
            field(&sent[i], "Body"),
            Some(template(Curated::TranscriptionFailed, Lang::Es)),
            "{url}"
        );
    }
    wait_metric(&server, "clara_answers_total{source=\"fallback\"}", 3.0).await;
    assert!(
        foreign
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty(),
        "the foreign host never saw a request (nor the Twilio credentials)"
    );
    assert_eq!(
        world.media.received_requests().await.unwrap().len(),
        1,
        "only the allowed host's redirect was fetched"
    );
    assert!(world.gemini.received_requests().await.unwrap().is_empty());
}

// ------------------------------------------------------------------------------------------
// Queue full
// ------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_full_queue_answers_busy_in_the_webhook_and_shows_in_health_and_metrics() {
    let world = World::new().await;
    world
        .gemini_answers(
            gemini_text("Respuesta lenta sobre vivienda.").set_delay(Duration::from_secs(3)),
        )
        .await;
    let server = world
        .server(&[
            ("MISS_QUEUE_SIZE", "1"),
            ("MISS_WORKERS", "1"),
            ("LLM_TIMEOUT", "6"),
        ])
        .await;
    let ask = |i: usize| {
        let server = &server;
        async move {
            let sid = format!("SM9300000000000000000000000000000{i}");
            server
                .webhook(&message(&sid, &format!("{MISS_ES} {i}")), Some(TOKEN))
                .await
                .text()
        }
    };
    // 1: taken by the only worker (wait until it has left the queue).
    assert!(twiml_has(&ask(1).await, Curated::AckText, Lang::Es));
    for _ in 0..200 {
        if health(&server).await["components"]["miss_queue"]["depth"] == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // 2: waits in the queue (capacity 1). 3 and 4: busy, at once, in the webhook response.
    assert!(twiml_has(&ask(2).await, Curated::AckText, Lang::Es));
    for i in [3, 4] {
        let started = Instant::now();
        let xml = ask(i).await;
        assert!(twiml_has(&xml, Curated::Busy, Lang::Es), "{i}: {xml}");
        assert!(started.elapsed() < Duration::from_secs(1));
    }
    let h = health(&server).await;
    assert_eq!(h["components"]["miss_queue"]["depth"], 1, "{h}");
    assert_eq!(h["components"]["miss_queue"]["capacity"], 1, "{h}");
    let text = metrics(&server).await;
    assert_eq!(metric(&text, "clara_miss_queue_depth"), Some(1.0), "{text}");
    assert_eq!(
        metric(&text, "clara_answers_total{source=\"fallback\"}"),
        Some(2.0),
        "the two busy answers: {text}"
    );
    // The two accepted are answered; the two told `busy` get nothing more.
    let sent = world.sent(2).await;
    wait_metric(&server, "clara_answers_total{source=\"llm\"}", 2.0).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 2);
}

// ------------------------------------------------------------------------------------------
// The real binary: SIGTERM under load, and what the operator reads in the logs
// ------------------------------------------------------------------------------------------

/// Blocks this worker thread (the mocks keep running on the others).
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_under_load_drains_the_queue_before_exiting() {
    let world = World::new().await;
    world
        .gemini_answers(
            gemini_text("Respuesta de prueba sobre vivienda.")
                .set_delay(Duration::from_millis(300)),
        )
        .await;
    let mut clara = blocking(|| {
        Clara::spawn(&world.vars_with(&[("MISS_WORKERS", "1"), ("MISS_QUEUE_SIZE", "8")]))
    });
    for i in 0..5 {
        let sid = format!("SM9400000000000000000000000000000{i}");
        let text = format!(
            "{MISS_ES} {}",
            ["hoy", "mañana", "ya", "pronto", "luego"][i]
        );
        let r = exchange(
            clara.addr,
            &webhook_request(&message(&sid, &text), Some(TOKEN)),
        )
        .await;
        assert_eq!(r.status, 200);
        assert!(
            twiml_has(&r.text(), Curated::AckText, Lang::Es),
            "{}",
            r.text()
        );
    }
    let code = blocking(|| clara.sigterm_and_wait());
    assert_eq!(code, Some(0));
    // Every accepted person got their answer before the process exited.
    let sent = world.sent(5).await;
    assert_eq!(sent.len(), 5);
    for form in &sent {
        assert!(
            field(form, "Body")
                .unwrap()
                .starts_with("Respuesta de prueba")
        );
    }
    assert!(world.dead_letters().is_empty());
    let shutdown = clara.logged("shutdown requested");
    assert_eq!(shutdown.len(), 1);
    assert_eq!(shutdown[0]["signal"], "SIGTERM");
    let draining = clara.logged("draining the miss queue");
    assert!(
        draining[0]["waiting"].as_u64().unwrap() >= 1,
        "jobs were still queued at SIGTERM: {draining:?}"
    );
    let answered = clara.logged("miss answered");
    assert_eq!(answered.len(), 5);
    assert!(answered.iter().all(|l| l["delivered"] == true));
    assert!(
        clara
            .logged("miss queue not drained before the deadline: the rest are dead letters or left to another instance")
            .is_empty()
    );
    assert_eq!(clara.logged("stopped").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_operator_reads_each_fault_in_the_logs_metrics_and_health() {
    let world = World::new().await;
    // Gemini answers garbage, Twilio fails every delivery, one voice note is on a foreign host,
    // one webhook is unsigned.
    world
        .gemini_answers(ResponseTemplate::new(200).set_body_raw("not json", "application/json"))
        .await;
    twilio_fails(&world, ResponseTemplate::new(500), None).await;
    let mut clara = blocking(|| Clara::spawn(&world.vars()));
    let r = exchange(
        clara.addr,
        &webhook_request(
            &message("SM95000000000000000000000000000001", MISS_FR),
            Some(TOKEN),
        ),
    )
    .await;
    assert!(twiml_has(&r.text(), Curated::AckText, Lang::Fr));
    let foreign = "http://localhost:9/Media/ME1";
    let r = exchange(
        clara.addr,
        &webhook_request(
            &voice_note("SM95000000000000000000000000000002", foreign),
            Some(TOKEN),
        ),
    )
    .await;
    // The same sender wrote in French just before: the voice note is acknowledged in French.
    assert!(twiml_has(&r.text(), Curated::AckAudio, Lang::Fr));
    let r = exchange(
        clara.addr,
        &webhook_request(
            &message("SM95000000000000000000000000000003", MISS_FR),
            None,
        ),
    )
    .await;
    assert_eq!((r.status, r.body.len()), (403, 0));

    let letters = world.wait_dead_letters(2, Duration::from_secs(15)).await;
    let mut bodies: Vec<&str> = letters
        .iter()
        .map(|l| l["body"].as_str().unwrap())
        .collect();
    bodies.sort();
    let mut expected = vec![
        failed(Curated::LlmFailed),
        // The voice note came from the same French-speaking sender (language memory).
        template(Curated::TranscriptionFailed, Lang::Fr).to_string(),
    ];
    expected.sort();
    assert_eq!(
        bodies, expected,
        "the dead letters hold what the people would have got"
    );

    let get = |path: &'static str| {
        let addr = clara.addr;
        async move {
            let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            exchange(addr, req.as_bytes()).await
        }
    };
    let text = get("/metrics").await.text();
    assert_eq!(
        metric(&text, "clara_dead_letters_total"),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        metric(
            &text,
            "clara_requests_total{route=\"webhook\",status=\"403\"}"
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        metric(&text, "clara_answers_total{source=\"fallback\"}"),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        get("/health").await.json()["components"]["miss_queue"]["dead_letters"],
        2
    );

    assert_eq!(blocking(|| clara.sigterm_and_wait()), Some(0));
    let one = |clara: &mut Clara, message: &str| {
        let lines = clara.logged(message);
        assert!(
            !lines.is_empty(),
            "no `{message}` line in {:#?}",
            clara.logs()
        );
        lines[0].clone()
    };
    let refused = one(&mut clara, "webhook refused");
    assert_eq!(
        (&refused["level"], &refused["reason"]),
        (&json!("WARN"), &json!("no signature"))
    );
    let gemini = one(&mut clara, "gemini could not answer");
    assert!(
        gemini["cause"]
            .as_str()
            .unwrap()
            .starts_with("malformed gemini response"),
        "{gemini}"
    );
    assert_eq!(
        one(&mut clara, "media URL on a foreign host refused")["host"],
        "localhost"
    );
    assert_eq!(
        one(&mut clara, "voice note not fetched")["cause"],
        "media host not allowed: localhost"
    );
    assert_eq!(one(&mut clara, "twilio refused")["status"], 500);
    assert_eq!(clara.logged("twilio send failed; retrying").len(), 6);
    let gave_up = clara.logged("twilio send failed; giving up");
    assert_eq!(gave_up.len(), 2);
    assert!(gave_up.iter().all(|l| l["attempt"] == 4));
    let dead = clara.logged("reply not delivered: dead letter");
    assert_eq!(dead.len(), 2);
    assert!(dead.iter().all(|l| l["level"] == "ERROR"));
    let mut reasons: Vec<String> = clara
        .logged("miss answered")
        .iter()
        .inspect(|l| assert_eq!(l["delivered"], false))
        .map(|l| l["reason"].as_str().unwrap().to_string())
        .collect();
    reasons.sort();
    assert_eq!(reasons, ["gemini failed", "media fetch failed"]);
    let all = serde_json::to_string(clara.logs()).unwrap();
    assert!(!all.contains("600111222"), "no phone number in the logs");
}

// ------------------------------------------------------------------------------------------
// Malformed and oversized input
// ------------------------------------------------------------------------------------------

/// A POST with a chunked body (no Content-Length) of `len` bytes.
fn chunked(path: &str, content_type: &str, len: usize) -> Vec<u8> {
    let mut out = format!(
        "POST {path} HTTP/1.1\r\nHost: clara.example.org\r\nConnection: close\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    let mut left = len;
    while left > 0 {
        let n = left.min(8192);
        out.extend_from_slice(format!("{n:x}\r\n").as_bytes());
        out.extend(std::iter::repeat_n(b'a', n));
        out.extend_from_slice(b"\r\n");
        left -= n;
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

const FORM: &str = "application/x-www-form-urlencoded";

#[tokio::test]
async fn webhook_input_faults_get_their_status_reason_and_metric() {
    let server = Server::signed().await;
    let form = [("Content-Type", FORM)];
    // With an auth token, whatever is wrong with an unsigned request it gets a bare 403; only a
    // body over the limit is refused (413) before the signature can be read.
    let signed_as_json = {
        let params = message("SM96000000000000000000000000000002", "hola");
        let body = util::form(&params);
        let sig = util::sign(TOKEN, &format!("{}/webhook", util::PUBLIC_URL), &params);
        let headers = [
            ("Content-Type", "application/json"),
            ("X-Twilio-Signature", sig.as_str()),
        ];
        server
            .request("POST", "/webhook", &headers, body.as_bytes())
            .await
    };
    let cases: Vec<(&str, util::Response, u16, &str)> = vec![
        (
            "bad escape, unsigned",
            server.request("POST", "/webhook", &form, b"Body=%ZZ").await,
            403,
            "",
        ),
        (
            "not UTF-8, with a signature header",
            server
                .request(
                    "POST",
                    "/webhook",
                    &[("Content-Type", FORM), ("X-Twilio-Signature", "AAAA")],
                    b"Body=%C3%28",
                )
                .await,
            403,
            "",
        ),
        (
            "declared too large",
            server
                .request("POST", "/webhook", &form, &vec![b'a'; 64 * 1024 + 1])
                .await,
            413,
            "body larger than 65536 bytes\n",
        ),
        (
            "chunked too large",
            exchange(server.addr, &chunked("/webhook", FORM, 96 * 1024)).await,
            413,
            "body larger than 65536 bytes\n",
        ),
        (
            "JSON, unsigned",
            server
                .request(
                    "POST",
                    "/webhook",
                    &[("Content-Type", "application/json")],
                    b"{}",
                )
                .await,
            403,
            "",
        ),
        (
            "no content type, unsigned",
            server.request("POST", "/webhook", &[], b"Body=hola").await,
            403,
            "",
        ),
        (
            "signed, but not a form",
            signed_as_json,
            415,
            "unsupported content type, expected application/x-www-form-urlencoded\n",
        ),
        (
            "no signature",
            server
                .webhook(&message("SM96000000000000000000000000000001", "hola"), None)
                .await,
            403,
            "",
        ),
        (
            "wrong signature",
            server
                .webhook(
                    &message("SM96000000000000000000000000000001", "hola"),
                    Some("another-token"),
                )
                .await,
            403,
            "",
        ),
        (
            "GET",
            server.get("/webhook", &[]).await,
            405,
            "method not allowed\n",
        ),
    ];
    for (name, r, status, reason) in &cases {
        assert_eq!(r.status, *status, "{name}: {}", r.text());
        assert_eq!(r.text(), *reason, "{name}");
        assert!(
            !r.header("content-type").unwrap_or("").contains("html"),
            "{name}"
        );
    }
    let text = metrics(&server).await;
    for (status, n) in [(413, 2.0), (415, 1.0), (403, 6.0), (405, 1.0)] {
        let series = format!("clara_requests_total{{route=\"webhook\",status=\"{status}\"}}");
        assert_eq!(metric(&text, &series), Some(n), "{series}\n{text}");
    }
    assert_eq!(
        metric(
            &text,
            "clara_requests_total{route=\"webhook\",status=\"200\"}"
        ),
        None
    );
    for source in ["cache", "guardrail", "fallback", "llm"] {
        let series = format!("clara_answers_total{{source=\"{source}\"}}");
        assert_eq!(
            metric(&text, &series),
            Some(0.0),
            "nothing answered: {series}"
        );
    }
    // A refused webhook leaves no trace: the same MessageSid, signed, is answered normally.
    assert_eq!(health(&server).await["components"]["dedupe_entries"], 0);
    let r = server
        .webhook(
            &message("SM96000000000000000000000000000001", "¿Qué es el IMV?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("<Message>"), "{}", r.text());
}

/// Without an auth token (the offline demo) there is no signature to hide behind: a malformed
/// form or a wrong content type is told as it is.
#[tokio::test]
async fn unsigned_deployments_name_what_is_wrong_with_a_webhook() {
    let server = Server::start(&[]).await;
    let form = [("Content-Type", FORM)];
    for (name, r, status, reason) in [
        (
            "bad escape",
            server.request("POST", "/webhook", &form, b"Body=%ZZ").await,
            400,
            "malformed form: bad percent-encoding at byte 5\n",
        ),
        (
            "not UTF-8",
            server
                .request("POST", "/webhook", &form, b"Body=%C3%28")
                .await,
            400,
            "malformed form: field is not UTF-8 after decoding\n",
        ),
        (
            "no content type",
            server.request("POST", "/webhook", &[], b"Body=hola").await,
            415,
            "unsupported content type, expected application/x-www-form-urlencoded\n",
        ),
    ] {
        assert_eq!((r.status, r.text().as_str()), (status, reason), "{name}");
    }
}

#[tokio::test]
async fn chat_input_faults_get_their_status_reason_and_metric() {
    let server = Server::start(&[]).await;
    let json = [("Content-Type", "application/json")];
    let post = |body: &'static [u8]| server.request("POST", "/api/chat", &json, body);
    let cases: Vec<(&str, util::Response, u16, &str)> = vec![
        (
            "truncated",
            post(b"{\"text\": ").await,
            400,
            "invalid JSON at `text`: EOF while parsing",
        ),
        (
            "empty",
            post(b"").await,
            400,
            "invalid JSON: EOF while parsing",
        ),
        (
            "not JSON",
            post(b"hola").await,
            400,
            "invalid JSON: expected value",
        ),
        (
            "trailing data",
            post(b"{\"text\": \"hola\"} x").await,
            400,
            "invalid JSON: trailing characters",
        ),
        (
            "no text",
            post(b"{\"lang\": \"es\"}").await,
            400,
            "invalid JSON: missing field `text`",
        ),
        (
            "unknown field",
            post(b"{\"text\": \"hola\", \"evil\": 1}").await,
            400,
            "invalid JSON at `evil`: unknown field `evil`",
        ),
        (
            "text not a string",
            post(b"{\"text\": 5}").await,
            400,
            "invalid JSON at `text`: invalid type: integer `5`",
        ),
        (
            "lang not a string",
            post(b"{\"text\": \"hola\", \"lang\": [\"es\"]}").await,
            400,
            "invalid JSON at `lang`: invalid type: sequence",
        ),
        (
            "lone surrogate",
            post(b"{\"text\": \"\\ud800\"}").await,
            400,
            "invalid JSON at `text`: ",
        ),
        (
            "empty text",
            post(b"{\"text\": \" \\n\\t \"}").await,
            400,
            "text is empty",
        ),
        (
            "unknown lang",
            post(b"{\"text\": \"hola\", \"lang\": \"de\"}").await,
            400,
            "unknown lang `de` (expected es, fr, en or ar)",
        ),
        (
            "declared too large",
            server
                .request("POST", "/api/chat", &json, &vec![b' '; 64 * 1024 + 1])
                .await,
            413,
            "body larger than 65536 bytes",
        ),
        (
            "chunked too large",
            exchange(
                server.addr,
                &chunked("/api/chat", "application/json", 70 * 1024),
            )
            .await,
            413,
            "body larger than 65536 bytes",
        ),
        (
            "form",
            server
                .request("POST", "/api/chat", &[("Content-Type", FORM)], b"text=hola")
                .await,
            415,
            "unsupported content type, expected application/json",
        ),
        (
            "GET",
            server.get("/api/chat", &[]).await,
            405,
            "method not allowed",
        ),
    ];
    for (name, r, status, reason) in &cases {
        assert_eq!(r.status, *status, "{name}: {}", r.text());
        assert!(r.text().starts_with(reason), "{name}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            Some("text/plain; charset=utf-8"),
            "{name}"
        );
    }
    let text = metrics(&server).await;
    for (status, n) in [(400, 11.0), (413, 2.0), (415, 1.0), (405, 1.0)] {
        let series = format!("clara_requests_total{{route=\"chat\",status=\"{status}\"}}");
        assert_eq!(metric(&text, &series), Some(n), "{series}\n{text}");
    }
    assert_eq!(
        metric(&text, "clara_requests_total{route=\"chat\",status=\"500\"}"),
        None
    );
    // The same handler still answers a good request.
    let r = post("{\"text\": \"¿Qué es el IMV?\"}".as_bytes()).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["intent"], "imv");
}
