//! The Twilio delivery client against a wiremock Twilio on 127.0.0.1, and against Twilio's own
//! OpenAPI description of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`.

use std::time::{Duration, Instant};

use base64::Engine as _;
use clara::config::Config;
use clara::outbound::RetryPolicy;
use clara::outbound::twilio::{DeliveryError, MAX_BODY_CHARS, Outgoing, Sent, Twilio};
use serde_json::{Value, json};
use wiremock::matchers::{body_string_contains, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "test-auth-token-9f8e7d6c";
const FROM: &str = "whatsapp:+14155238886";
const TO: &str = "whatsapp:+34600000000";
const MEDIA: &str = "https://clara.example/static/cache/imv-requisitos-es.mp3";

/// A well-formed account SID (`AC` + 32 hex digits), built at run time so that no literal in the
/// repository looks like a real credential.
fn account_sid() -> String {
    format!("AC{}", "0123456789abcdef".repeat(2))
}

/// Where the service sends when `TWILIO_API_BASE_URL` is unset.
fn default_base_url() -> String {
    Config::from_lookup(|_| None).unwrap().twilio_api_base_url
}

fn messages_path() -> String {
    format!("/2010-04-01/Accounts/{}/Messages.json", account_sid())
}

/// Millisecond delays, generous budget: retries happen, tests stay fast.
fn fast() -> RetryPolicy {
    RetryPolicy {
        attempts: 4,
        first_delay: Duration::from_millis(1),
        max_total: Duration::from_secs(10),
        attempt_timeout: Duration::from_secs(5),
    }
}

fn client(base: &str, retry: RetryPolicy) -> Twilio {
    Twilio::new(
        reqwest::Client::new(),
        base,
        &account_sid(),
        TOKEN.into(),
        FROM,
        retry,
    )
}

fn text(body: &str) -> Outgoing {
    Outgoing {
        to: TO.to_string(),
        body: body.to_string(),
        media_url: None,
    }
}

fn message_sid(n: usize) -> String {
    format!("SM{n:032x}")
}

/// A 201 as Twilio sends it (the documented example's shape).
fn created(n: usize) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({
        "account_sid": account_sid(),
        "api_version": "2010-04-01",
        "body": "…",
        "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
        "date_sent": null,
        "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
        "direction": "outbound-api",
        "error_code": null,
        "error_message": null,
        "from": FROM,
        "messaging_service_sid": null,
        "num_media": "0",
        "num_segments": "1",
        "price": null,
        "price_unit": "USD",
        "sid": message_sid(n),
        "status": "queued",
        "subresource_uris": {"media": "/2010-04-01/Accounts/…/Media.json"},
        "to": TO,
        "uri": "/2010-04-01/Accounts/…/Messages/….json",
    }))
}

/// Twilio's error body.
fn twilio_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    }))
}

/// Mounts `responses` to be served once each, in order.
async fn serve_in_order(server: &MockServer, responses: Vec<ResponseTemplate>) {
    for response in responses {
        Mock::given(method("POST"))
            .and(path(messages_path()))
            .respond_with(response)
            .up_to_n_times(1)
            .mount(server)
            .await;
    }
}

async fn requests(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("request recording is on by default")
}

/// The request's form fields, decoded by the service's own strict form parser.
fn form(request: &Request) -> Vec<(String, String)> {
    clara::http::form::parse(&request.body).expect("the client sends a well-formed form body")
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn header<'a>(request: &'a Request, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
}

/// A body of exactly 3,500 characters in ten paragraphs.
fn long_body() -> String {
    let paragraph = |i: usize, len: usize| {
        let mut p = format!("Paso {i}: lleve el documento.");
        while p.len() + " palabra".len() <= len {
            p.push_str(" palabra");
        }
        while p.len() < len {
            p.push('.');
        }
        p
    };
    let body = (1..=10)
        .map(|i| paragraph(i, if i == 10 { 350 } else { 348 }))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(body.chars().count(), 3500);
    body
}

#[tokio::test]
async fn sends_the_exact_request_twilio_documents() {
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(1)]).await;
    let msg = Outgoing {
        to: TO.to_string(),
        body: "¿Qué es el IMV? Paso 1 & 2 = 100%".to_string(),
        media_url: Some(MEDIA.to_string()),
    };
    client(&server.uri(), fast()).send(&msg).await.unwrap();

    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let r = &received[0];
    assert_eq!(r.method.as_str(), "POST");
    assert_eq!(r.url.path(), messages_path());
    assert_eq!(r.url.query(), None);
    let credentials =
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{TOKEN}", account_sid()));
    assert_eq!(header(r, "authorization"), format!("Basic {credentials}"));
    assert_eq!(
        header(r, "content-type"),
        "application/x-www-form-urlencoded"
    );
    let expected: Vec<(String, String)> = [
        ("To", TO),
        ("From", FROM),
        ("Body", msg.body.as_str()),
        ("MediaUrl", MEDIA),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(form(r), expected);
}

/// The bytes on the wire are a form that the service's own strict parser reads back exactly:
/// reserved characters, `%`, `+`, a line break and Arabic included, in the order sent.
#[tokio::test]
async fn form_encoding_is_what_a_form_parser_reads_back() {
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(1)]).await;
    let body = "¿Qué? a&b=c 100% +1\nمرحبا";
    client(&server.uri(), fast())
        .send(&text(body))
        .await
        .unwrap();
    let received = requests(&server).await;
    let raw = std::str::from_utf8(&received[0].body).unwrap();
    assert!(
        raw.starts_with("To=whatsapp%3A%2B34600000000&From=whatsapp%3A%2B14155238886&Body="),
        "{raw}"
    );
    let expected: Vec<(String, String)> = [("To", TO), ("From", FROM), ("Body", body)]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(form(&received[0]), expected);
}

#[tokio::test]
async fn a_201_is_a_success() {
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(7)]).await;
    let sent = client(&server.uri(), fast())
        .send(&text("Hola"))
        .await
        .unwrap();
    assert_eq!(
        sent,
        Sent {
            sids: vec![message_sid(7)],
            parts: 1,
            media_dropped: false
        }
    );
    // A trailing slash on the base URL does not double the slash in the path.
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(8)]).await;
    let base = format!("{}/", server.uri());
    client(&base, fast()).send(&text("Hola")).await.unwrap();
    assert_eq!(requests(&server).await[0].url.path(), messages_path());
}

#[tokio::test]
async fn an_invalid_to_is_rejected_without_retry_and_without_the_number() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(twilio_error(
            400,
            21211,
            "The 'To' number whatsapp:+34600000000 is not a valid phone number.",
        ))
        .mount(&server)
        .await;
    let err = client(&server.uri(), fast())
        .send(&text("Hola"))
        .await
        .unwrap_err();
    let DeliveryError::Rejected {
        status,
        code,
        message,
    } = &err
    else {
        panic!("expected Rejected, got {err:?}");
    };
    assert_eq!((*status, *code), (400, Some(21211)));
    assert!(message.contains("is not a valid phone number"), "{message}");
    assert_eq!(requests(&server).await.len(), 1, "a 400 is not retried");
    let shown = err.to_string();
    assert!(shown.starts_with("twilio rejected"), "{shown}");
    assert!(shown.contains("code 21211"), "{shown}");
    assert!(
        !shown.contains("600000000"),
        "phone number in error: {shown}"
    );
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after() {
    let server = MockServer::start().await;
    serve_in_order(
        &server,
        vec![
            twilio_error(429, 20429, "Too Many Requests").insert_header("Retry-After", "0"),
            created(1),
        ],
    )
    .await;
    // A backoff of 5 s would blow the time check below: the wait must come from Retry-After.
    let retry = RetryPolicy {
        first_delay: Duration::from_secs(5),
        ..fast()
    };
    let started = Instant::now();
    let sent = client(&server.uri(), retry)
        .send(&text("Hola"))
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(sent.sids, vec![message_sid(1)]);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_gives_up_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "30"))
        .mount(&server)
        .await;
    let retry = RetryPolicy {
        max_total: Duration::from_secs(2),
        ..fast()
    };
    let started = Instant::now();
    let err = client(&server.uri(), retry)
        .send(&text("Hola"))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(err, DeliveryError::Exhausted { attempts: 1, .. }),
        "{err:?}"
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let server = MockServer::start().await;
    serve_in_order(
        &server,
        vec![
            ResponseTemplate::new(500),
            twilio_error(500, 20500, "Internal Server Error"),
            created(3),
        ],
    )
    .await;
    let sent = client(&server.uri(), fast())
        .send(&text("Hola"))
        .await
        .unwrap();
    assert_eq!(sent.sids, vec![message_sid(3)]);
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn a_twilio_that_stays_down_exhausts_the_attempts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(twilio_error(503, 20503, "Service Unavailable"))
        .mount(&server)
        .await;
    let retry = fast();
    let err = client(&server.uri(), retry)
        .send(&text("Hola"))
        .await
        .unwrap_err();
    let DeliveryError::Exhausted { attempts, last } = &err else {
        panic!("expected Exhausted, got {err:?}");
    };
    assert_eq!(*attempts, retry.attempts);
    assert!(last.contains("503"), "{last}");
    assert_eq!(requests(&server).await.len(), retry.attempts as usize);
    assert!(
        err.to_string()
            .starts_with("twilio delivery gave up after 4 attempts")
    );
}

#[tokio::test]
async fn a_hung_twilio_is_bounded_by_the_time_budget() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(created(1).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let retry = RetryPolicy {
        max_total: Duration::from_millis(300),
        ..fast()
    };
    let started = Instant::now();
    let err = client(&server.uri(), retry)
        .send(&text("Hola"))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(matches!(err, DeliveryError::Exhausted { .. }), "{err:?}");
}

#[tokio::test]
async fn a_hung_request_is_abandoned_and_retried_within_the_budget() {
    let server = MockServer::start().await;
    serve_in_order(
        &server,
        vec![created(1).set_delay(Duration::from_secs(30)), created(2)],
    )
    .await;
    let retry = RetryPolicy {
        attempt_timeout: Duration::from_millis(300),
        ..fast()
    };
    let started = Instant::now();
    let sent = client(&server.uri(), retry)
        .send(&text("Hola"))
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(sent.sids, vec![message_sid(2)]);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_refused_connection_exhausts_the_attempts() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // closed here: nothing listens on `port` any more
    let retry = fast();
    let err = client(&format!("http://127.0.0.1:{port}"), retry)
        .send(&text("Hola"))
        .await
        .unwrap_err();
    let DeliveryError::Exhausted { attempts, last } = &err else {
        panic!("expected Exhausted, got {err:?}");
    };
    assert_eq!(*attempts, retry.attempts);
    assert!(last.starts_with("request failed"), "{last}");
    assert!(
        !last.contains(&account_sid()),
        "the URL is left out: {last}"
    );
}

#[tokio::test]
async fn refused_media_is_dropped_and_the_text_still_goes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_string_contains("MediaUrl="))
        .respond_with(twilio_error(400, 63019, "Media failed to download"))
        .mount(&server)
        .await;
    serve_in_order(&server, vec![created(2)]).await;
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text("Hola")
    };
    let sent = client(&server.uri(), fast()).send(&msg).await.unwrap();
    assert!(sent.media_dropped);
    assert_eq!(sent.sids, vec![message_sid(2)]);

    let received = requests(&server).await;
    assert_eq!(received.len(), 2);
    let (first, second) = (form(&received[0]), form(&received[1]));
    assert_eq!(field(&first, "MediaUrl"), Some(MEDIA));
    assert_eq!(field(&second, "MediaUrl"), None);
    assert_eq!(field(&second, "Body"), Some("Hola"));
    assert_eq!(field(&second, "To"), Some(TO));
}

#[tokio::test]
async fn a_media_only_message_sends_no_body_and_is_not_sent_empty() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(twilio_error(400, 63019, "Media failed to download"))
        .mount(&server)
        .await;
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text("")
    };
    let err = client(&server.uri(), fast()).send(&msg).await.unwrap_err();
    // Without the media there would be nothing left to send: the media error is the answer.
    assert!(
        matches!(
            err,
            DeliveryError::Rejected {
                code: Some(63019),
                ..
            }
        ),
        "{err:?}"
    );
    let received = requests(&server).await;
    assert_eq!(received.len(), 1);
    let f = form(&received[0]);
    assert_eq!(field(&f, "Body"), None);
    assert_eq!(field(&f, "MediaUrl"), Some(MEDIA));
}

#[tokio::test]
async fn other_refusals_keep_the_media_and_fail() {
    // 63016 (outside the 24 h window) is not about the media: no second request.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(twilio_error(
            400,
            63016,
            "Failed to send freeform message because you are outside the allowed window.",
        ))
        .mount(&server)
        .await;
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text("Hola")
    };
    let err = client(&server.uri(), fast()).send(&msg).await.unwrap_err();
    assert!(matches!(
        err,
        DeliveryError::Rejected {
            code: Some(63016),
            ..
        }
    ));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_message_created_as_failed_is_a_rejection() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": message_sid(1), "status": "failed",
            "error_code": 21610, "error_message": "Attempt to send to unsubscribed recipient",
        })))
        .mount(&server)
        .await;
    let err = client(&server.uri(), fast())
        .send(&text("Hola"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DeliveryError::Rejected {
                status: 201,
                code: Some(21610),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_long_body_goes_out_as_numbered_parts() {
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(1), created(2), created(3)]).await;
    let body = long_body();
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text(&body)
    };
    let sent = client(&server.uri(), fast()).send(&msg).await.unwrap();
    assert_eq!(sent.parts, 3);
    assert_eq!(sent.sids, (1..=3).map(message_sid).collect::<Vec<_>>());

    let received = requests(&server).await;
    assert_eq!(received.len(), 3);
    let mut texts = Vec::new();
    for (i, r) in received.iter().enumerate() {
        let f = form(r);
        let part = field(&f, "Body").unwrap();
        let prefix = format!("({}/3) ", i + 1);
        assert!(part.starts_with(&prefix), "{part:?}");
        assert!(part.chars().count() <= MAX_BODY_CHARS);
        assert_eq!(field(&f, "MediaUrl"), (i == 0).then_some(MEDIA));
        texts.push(part[prefix.len()..].to_string());
    }
    // Cut at paragraph breaks only: the parts rejoin into the original.
    assert_eq!(texts.join("\n\n"), body);
}

#[tokio::test]
async fn the_token_never_shows() {
    let twilio = client(&default_base_url(), fast());
    let debug = format!("{twilio:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(debug.contains("REDACTED"), "{debug}");
    assert!(!format!("{:?}", text("Hola")).contains("600000000"));

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_string_contains("Body=a"))
        .respond_with(twilio_error(401, 20003, "Authenticate"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let errors = [
        client(&server.uri(), fast()).send(&text("a")).await,
        client(&server.uri(), fast()).send(&text("b")).await,
        client(&format!("http://127.0.0.1:{port}"), fast())
            .send(&text("c"))
            .await,
    ];
    let kinds: Vec<_> = errors
        .iter()
        .map(|e| match e {
            Err(DeliveryError::Rejected { .. }) => "rejected",
            Err(DeliveryError::Exhausted { .. }) => "exhausted",
            Ok(_) => "sent",
        })
        .collect();
    assert_eq!(kinds, ["rejected", "exhausted", "exhausted"]);
    for err in errors.iter().map(|e| e.as_ref().unwrap_err()) {
        for shown in [err.to_string(), format!("{err:?}")] {
            assert!(!shown.contains(TOKEN), "{shown}");
            assert!(!shown.contains("600000000"), "{shown}");
        }
    }
}

// ---- Contract: Twilio's OpenAPI description (tests/fixtures/twilio-oai) ----

const MESSAGES_OPERATION: &str = "/2010-04-01/Accounts/{AccountSid}/Messages.json";

/// Twilio's OpenAPI description, trimmed to the Messages create operation and what it references
/// (`scripts/trim-twilio-oai.py` regenerates it from Twilio's full file). The contract cannot be
/// checked without it, so its absence is a failure, not a skip.
fn openapi() -> Value {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/twilio-oai/messages_create.json"
    );
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| {
        panic!(
            "contract test needs Twilio's OpenAPI description at {file} ({e}); it is not optional"
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"))
}

/// Follows a local `$ref` (`#/components/...`), if any.
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("non-local $ref {r}"));
            resolve(
                root,
                root.pointer(pointer)
                    .unwrap_or_else(|| panic!("dangling $ref {r}")),
            )
        }
        None => schema,
    }
}

fn create_message(root: &Value) -> &Value {
    root.pointer(&format!(
        "/paths/{}/post",
        MESSAGES_OPERATION.replace('~', "~0").replace('/', "~1")
    ))
    .unwrap_or_else(|| panic!("the OpenAPI file has no POST {MESSAGES_OPERATION}"))
}

/// Every request the client makes in the scenarios that exercise all of its fields: a long body
/// with media (three parts, media on the first) and refused media (the retry without it).
async fn recorded_requests() -> Vec<Request> {
    let server = MockServer::start().await;
    serve_in_order(&server, vec![created(1), created(2), created(3)]).await;
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text(&long_body())
    };
    client(&server.uri(), fast()).send(&msg).await.unwrap();
    let mut all = requests(&server).await;

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_string_contains("MediaUrl="))
        .respond_with(twilio_error(400, 21620, "Invalid media URL(s)"))
        .mount(&server)
        .await;
    serve_in_order(&server, vec![created(4)]).await;
    let msg = Outgoing {
        media_url: Some(MEDIA.to_string()),
        ..text("Hola")
    };
    assert!(
        client(&server.uri(), fast())
            .send(&msg)
            .await
            .unwrap()
            .media_dropped
    );
    all.extend(requests(&server).await);
    assert_eq!(all.len(), 5);
    all
}

#[tokio::test]
async fn contract_requests_match_the_openapi_operation() {
    let root = openapi();
    let op = create_message(&root);

    // Where and how: the documented server, the path parameter's pattern, HTTP Basic auth.
    assert_eq!(
        root.pointer("/servers/0/url").and_then(Value::as_str),
        Some(default_base_url().as_str())
    );
    let sid_schema = op["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "AccountSid" && p["in"] == "path")
        .expect("AccountSid path parameter")["schema"]
        .clone();
    let pattern = regex::Regex::new(sid_schema["pattern"].as_str().unwrap()).unwrap();
    assert!(pattern.is_match(&account_sid()));
    let schemes: Vec<&str> = op["security"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s.as_object().unwrap().keys())
        .map(String::as_str)
        .collect();
    assert!(
        schemes.iter().any(|name| {
            let scheme = &root["components"]["securitySchemes"][*name];
            scheme["type"] == "http" && scheme["scheme"] == "basic"
        }),
        "no HTTP Basic scheme among {schemes:?}"
    );

    // What: every field sent is declared, repeated only if an array, and all required are there.
    let content = &op["requestBody"]["content"];
    let schema = resolve(
        &root,
        content
            .get("application/x-www-form-urlencoded")
            .expect("the operation takes a form body"),
    );
    let schema = resolve(&root, &schema["schema"]);
    let properties = schema["properties"].as_object().expect("properties");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(required.contains(&"To"));

    for (i, r) in recorded_requests().await.iter().enumerate() {
        assert_eq!(r.url.path(), messages_path());
        assert!(header(r, "authorization").starts_with("Basic "));
        assert_eq!(
            header(r, "content-type"),
            "application/x-www-form-urlencoded"
        );
        let f = form(r);
        for (name, _) in &f {
            let property = properties.get(name).unwrap_or_else(|| {
                panic!("request {i} sends {name}, which the OpenAPI operation does not declare")
            });
            let repeats = f.iter().filter(|(k, _)| k == name).count();
            if resolve(&root, property)["type"] != "array" {
                assert_eq!(repeats, 1, "request {i} repeats the scalar field {name}");
            }
        }
        for name in &required {
            assert!(
                field(&f, name).is_some(),
                "request {i} lacks required {name}"
            );
        }
        let body = field(&f, "Body").unwrap();
        assert!(body.chars().count() <= MAX_BODY_CHARS);
    }
}

/// A sample value for a schema, by type (null when nullable and `nulls`).
fn sample(root: &Value, name: &str, schema: &Value, nulls: bool) -> Value {
    let schema = resolve(root, schema);
    if name == "sid" {
        return json!(message_sid(42));
    }
    if nulls && schema["nullable"] == true {
        return Value::Null;
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    match schema["type"].as_str() {
        Some("string") => json!("sample"),
        Some("integer") if name == "error_code" => Value::Null,
        Some("integer") => json!(0),
        Some("number") => json!(0.0),
        Some("boolean") => json!(false),
        Some("array") => json!([]),
        Some("object") => json!({}),
        other => panic!("{name}: unexpected schema type {other:?}"),
    }
}

/// Sends one message to a Twilio that answers `body` with 201.
async fn send_against_201(body: &Value) -> Result<Sent, DeliveryError> {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(body))
        .mount(&server)
        .await;
    client(&server.uri(), fast()).send(&text("Hola")).await
}

#[tokio::test]
async fn contract_documented_201_responses_are_parsed() {
    let root = openapi();
    let op = create_message(&root);
    let response = &op["responses"]["201"]["content"]["application/json"];
    let schema = resolve(&root, &response["schema"]);
    let properties = schema["properties"].as_object().expect("properties");

    // The fields the client reads exist, with the values it branches on.
    for name in ["sid", "status", "error_code", "error_message"] {
        assert!(properties.contains_key(name), "201 schema lacks {name}");
    }
    let statuses = resolve(&root, &properties["status"])["enum"].clone();
    for status in ["queued", "failed", "undelivered", "canceled"] {
        assert!(
            statuses.as_array().unwrap().iter().any(|s| s == status),
            "status enum lacks {status}"
        );
    }

    // A body with every documented property, with sample values and then nulls.
    for nulls in [false, true] {
        let body: serde_json::Map<String, Value> = properties
            .iter()
            .map(|(name, s)| (name.clone(), sample(&root, name, s, nulls)))
            .collect();
        let sent = send_against_201(&Value::Object(body))
            .await
            .unwrap_or_else(|e| panic!("201 with every property (nulls: {nulls}): {e}"));
        assert_eq!(sent.sids, vec![message_sid(42)]);
    }

    // Every documented example.
    let examples = response["examples"].as_object().expect("201 examples");
    assert!(!examples.is_empty());
    for (name, example) in examples {
        let value = &example["value"];
        let sent = send_against_201(value)
            .await
            .unwrap_or_else(|e| panic!("example {name}: {e}"));
        assert_eq!(
            sent.sids,
            vec![value["sid"].as_str().unwrap().to_string()],
            "example {name}"
        );
    }
}
