//! The Gemini client against a mock Gemini API on 127.0.0.1: the exact requests it sends and how
//! it reads every kind of answer (CONTRACTS.md §2).

use std::time::Duration;

use base64::Engine as _;
use clara::Lang;
use clara::config::Config;
use clara::outbound::gemini::{AnswerRequest, Gemini, GeminiError, StructuredAnswer};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "AIzaSy-test-key-0123456789-secret";
const MODEL: &str = "gemini-3.5-flash";
const TTS: &str = "gemini-3.8-flash-tts";
const GENERATE: &str = "/v1beta/models/gemini-3.5-flash:generateContent";
const TTS_GENERATE: &str = "/v1beta/models/gemini-3.8-flash-tts:generateContent";
const TIMEOUT: Duration = Duration::from_secs(5);

fn client(server: &MockServer) -> Gemini {
    Gemini::new(
        reqwest::Client::new(),
        &format!("{}/v1beta", server.uri()),
        KEY.into(),
        MODEL,
        TTS,
    )
}

fn request() -> AnswerRequest {
    AnswerRequest {
        system: "You are Clara.".into(),
        user: "CONTEXT:\n…\nQUESTION (Spanish):\n¿Qué es el IMV?".into(),
        temperature: 0.3,
        max_output_tokens: 1024,
    }
}

/// A successful response whose only part is `text`.
fn text_response(text: &str) -> Value {
    json!({
        "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5, "totalTokenCount": 15},
        "modelVersion": MODEL,
    })
}

/// Google's error body.
fn error_body(code: u16, status: &str, message: &str) -> Value {
    json!({"error": {"code": code, "message": message, "status": status}})
}

/// The single request the mock received, as JSON.
async fn only_request(server: &MockServer) -> (Request, Value) {
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "exactly one request, no retries");
    let body = serde_json::from_slice(&requests[0].body).expect("a JSON body");
    (requests[0].clone(), body)
}

/// Mounts one generateContent answer and returns the error of `answer`.
async fn answer_error(response: ResponseTemplate) -> GeminiError {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(response)
        .mount(&server)
        .await;
    let err = client(&server)
        .answer(&request(), TIMEOUT)
        .await
        .unwrap_err();
    assert!(!err.to_string().contains(KEY), "{err}");
    err
}

/// What the service uses when `GEMINI_MODEL`, `GEMINI_TTS_MODEL` and `GEMINI_BASE_URL` are unset.
#[test]
fn defaults_are_current() {
    let config = Config::from_lookup(|_| None).unwrap();
    assert_eq!(config.gemini_model, "gemini-3.5-flash");
    assert_eq!(config.gemini_tts_model, "gemini-3.8-flash-tts");
    assert_eq!(
        config.gemini_base_url,
        "https://generativelanguage.googleapis.com/v1beta"
    );
}

#[tokio::test]
async fn answer_sends_the_documented_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .and(header("x-goog-api-key", KEY))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "systemInstruction": {"parts": [{"text": "You are Clara."}]},
            "contents": [{"role": "user", "parts": [{"text": "CONTEXT:\n…\nQUESTION (Spanish):\n¿Qué es el IMV?"}]}],
            "generationConfig": {"temperature": 0.3, "maxOutputTokens": 1024},
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(text_response("El IMV es una ayuda.")))
        .expect(1)
        .mount(&server)
        .await;

    let text = client(&server).answer(&request(), TIMEOUT).await.unwrap();
    assert_eq!(text, "El IMV es una ayuda.");

    let (req, body) = only_request(&server).await;
    assert!(req.url.query().is_none(), "the key never goes in the URL");
    assert!(
        body["contents"][0].get("systemInstruction").is_none(),
        "system instruction is top-level"
    );
}

#[tokio::test]
async fn a_trailing_slash_and_a_models_prefix_are_tolerated() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(ResponseTemplate::new(200).set_body_json(text_response("ok")))
        .expect(1)
        .mount(&server)
        .await;
    let gemini = Gemini::new(
        reqwest::Client::new(),
        &format!("{}/v1beta/", server.uri()),
        KEY.into(),
        "models/gemini-3.5-flash",
        TTS,
    );
    assert_eq!(gemini.answer(&request(), TIMEOUT).await.unwrap(), "ok");
}

#[tokio::test]
async fn thought_parts_are_skipped() {
    let server = MockServer::start().await;
    let body = json!({"candidates": [{"content": {"role": "model", "parts": [
        {"text": "The user asks about the IMV; the context says…", "thought": true},
        {"text": "El IMV "},
        {"text": "es una ayuda.", "thoughtSignature": "c2ln"},
    ]}, "finishReason": "STOP"}]});
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    assert_eq!(
        client(&server).answer(&request(), TIMEOUT).await.unwrap(),
        "El IMV es una ayuda."
    );
}

#[tokio::test]
async fn structured_answer_asks_for_the_schema_and_parses_fenced_json() {
    let server = MockServer::start().await;
    let answer = "```json\n{\"summary\": \"Ve al ayuntamiento.\", \"steps\": [\"Pide cita\", \"Lleva el pasaporte\"], \
                  \"sources\": [\"https://www.madrid.es\"]}\n```";
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .and(header("x-goog-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(text_response(answer)))
        .expect(1)
        .mount(&server)
        .await;

    let got = client(&server)
        .answer_structured(&request(), TIMEOUT)
        .await
        .unwrap();
    assert_eq!(
        got,
        StructuredAnswer {
            summary: "Ve al ayuntamiento.".into(),
            steps: vec!["Pide cita".into(), "Lleva el pasaporte".into()],
            documents: vec![],
            warnings: vec![],
            sources: vec!["https://www.madrid.es".into()],
        }
    );

    let (_, body) = only_request(&server).await;
    assert_eq!(
        body["systemInstruction"],
        json!({"parts": [{"text": "You are Clara."}]})
    );
    let config = &body["generationConfig"];
    assert_eq!(config["temperature"], json!(0.3));
    assert_eq!(config["maxOutputTokens"], json!(1024));
    assert_eq!(config["responseMimeType"], "application/json");
    let schema = &config["responseSchema"];
    assert_eq!(schema["type"], "OBJECT");
    assert_eq!(schema["required"], json!(["summary"]));
    assert_eq!(schema["properties"]["summary"], json!({"type": "STRING"}));
    for list in ["steps", "documents", "warnings", "sources"] {
        assert_eq!(
            schema["properties"][list],
            json!({"type": "ARRAY", "items": {"type": "STRING"}}),
            "{list}"
        );
    }
}

#[tokio::test]
async fn structured_answer_without_a_summary_is_malformed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(text_response("{\"steps\": [\"a\"]}")),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .answer_structured(&request(), TIMEOUT)
        .await
        .unwrap_err();
    assert!(matches!(err, GeminiError::Malformed(_)), "{err:?}");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn transcribe_sends_inline_audio_and_reads_fenced_json() {
    let server = MockServer::start().await;
    let audio = b"OggS\x00\x02fake opus voice note \xff\xfe";
    let reply = "Here is the transcription:\n```json\n{\"language\": \"es-ES\", \"transcript\": \"Hola, ¿cómo me empadrono?\"}\n```";
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .and(header("x-goog-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(text_response(reply)))
        .expect(1)
        .mount(&server)
        .await;

    let t = client(&server)
        .transcribe(audio, "audio/ogg", TIMEOUT)
        .await
        .unwrap();
    assert_eq!(t.lang, Some(Lang::Es));
    assert_eq!(t.text, "Hola, ¿cómo me empadrono?");

    let (_, body) = only_request(&server).await;
    let parts = body["contents"][0]["parts"].as_array().unwrap();
    assert_eq!(body["contents"][0]["role"], "user");
    assert_eq!(parts.len(), 2);
    assert!(
        parts[0]["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("transcribe")
    );
    assert_eq!(parts[1]["inlineData"]["mimeType"], "audio/ogg");
    let data = parts[1]["inlineData"]["data"].as_str().unwrap();
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap(),
        audio
    );
    let config = &body["generationConfig"];
    assert_eq!(config["responseMimeType"], "application/json");
    assert_eq!(config["responseSchema"]["type"], "OBJECT");
    assert_eq!(
        config["responseSchema"]["properties"]["language"]["type"],
        "STRING"
    );
    assert_eq!(
        config["responseSchema"]["properties"]["transcript"]["type"],
        "STRING"
    );
}

#[tokio::test]
async fn transcribe_reads_language_names_in_other_languages() {
    for (label, lang) in [
        ("français", Some(Lang::Fr)),
        ("arabe", Some(Lang::Ar)),
        ("English", Some(Lang::En)),
        ("de", None),
    ] {
        let server = MockServer::start().await;
        let reply = json!({"language": label, "transcript": "…algo…"}).to_string();
        Mock::given(method("POST"))
            .and(path(GENERATE))
            .respond_with(ResponseTemplate::new(200).set_body_json(text_response(&reply)))
            .mount(&server)
            .await;
        let t = client(&server)
            .transcribe(b"audio", "audio/ogg", TIMEOUT)
            .await
            .unwrap();
        assert_eq!(t.lang, lang, "{label}");
    }
}

#[tokio::test]
async fn an_empty_transcript_is_empty() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(text_response(r#"{"language":"es","transcript":""}"#)),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .transcribe(b"silence", "audio/ogg", TIMEOUT)
        .await
        .unwrap_err();
    assert_eq!(err, GeminiError::Empty);
}

#[tokio::test]
async fn an_unsupported_audio_type_is_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(ResponseTemplate::new(400).set_body_json(error_body(
            400,
            "INVALID_ARGUMENT",
            "Unsupported MIME type: audio/amr",
        )))
        .mount(&server)
        .await;
    let err = client(&server)
        .transcribe(b"#!AMR", "audio/amr", TIMEOUT)
        .await
        .unwrap_err();
    assert!(
        matches!(err, GeminiError::Rejected { status: 400, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn speak_uses_the_tts_model_and_returns_pcm_as_sent() {
    let server = MockServer::start().await;
    let pcm: Vec<u8> = (0..=255u8).cycle().take(4800).collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(&pcm);
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .and(header("x-goog-api-key", KEY))
        .and(body_json(json!({
            "contents": [{"role": "user", "parts": [{"text": "Hola, soy Clara."}]}],
            "generationConfig": {
                "responseModalities": ["AUDIO"],
                "speechConfig": {"voiceConfig": {"prebuiltVoiceConfig": {"voiceName": "Kore"}}},
            },
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "candidates": [{"content": {"role": "model", "parts": [
                {"inlineData": {"mimeType": "audio/L16;codec=pcm;rate=24000", "data": encoded}}
            ]}, "finishReason": "STOP"}],
        })))
        .expect(1)
        .mount(&server)
        .await;

    let speech = client(&server)
        .speak("Hola, soy Clara.", "Kore", TIMEOUT)
        .await
        .unwrap();
    assert_eq!(speech.mime_type, "audio/L16;codec=pcm;rate=24000");
    assert_eq!(speech.data, pcm);
}

#[tokio::test]
async fn speak_passes_wav_through() {
    let server = MockServer::start().await;
    let wav = b"RIFF\x24\x00\x00\x00WAVEfmt ".to_vec();
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "candidates": [{"content": {"parts": [
                {"inlineData": {"mimeType": "audio/wav", "data": base64::engine::general_purpose::STANDARD.encode(&wav)}}
            ]}}],
        })))
        .mount(&server)
        .await;
    let speech = client(&server)
        .speak("Bonjour", "Puck", TIMEOUT)
        .await
        .unwrap();
    assert_eq!((speech.mime_type.as_str(), speech.data), ("audio/wav", wav));
}

#[tokio::test]
async fn rate_limit_reads_retry_info() {
    let body = json!({"error": {
        "code": 429,
        "message": "You exceeded your current quota, please check your plan and billing details.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaMetric": "generate_content_free_tier_requests"}]},
            {"@type": "type.googleapis.com/google.rpc.Help", "links": [{"description": "Learn more", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"},
        ],
    }});
    let err = answer_error(ResponseTemplate::new(429).set_body_json(body)).await;
    assert_eq!(
        err,
        GeminiError::RateLimited {
            retry_after: Some(Duration::from_secs(7))
        }
    );
    assert!(err.is_retryable());
    assert_eq!(err.to_string(), "gemini rate limited (retry after 7s)");
}

#[tokio::test]
async fn rate_limit_without_retry_info() {
    let err = answer_error(ResponseTemplate::new(429).set_body_json(error_body(
        429,
        "RESOURCE_EXHAUSTED",
        "Resource exhausted.",
    )))
    .await;
    assert_eq!(err, GeminiError::RateLimited { retry_after: None });
    let err = answer_error(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "3")
            .set_body_string("slow down"),
    )
    .await;
    assert_eq!(
        err,
        GeminiError::RateLimited {
            retry_after: Some(Duration::from_secs(3))
        }
    );
}

#[tokio::test]
async fn server_failures_are_unavailable_and_retryable() {
    for (code, status) in [
        (500, "INTERNAL"),
        (503, "UNAVAILABLE"),
        (504, "DEADLINE_EXCEEDED"),
    ] {
        let err = answer_error(ResponseTemplate::new(code).set_body_json(error_body(
            code,
            status,
            "try again",
        )))
        .await;
        assert_eq!(err, GeminiError::Unavailable { status: code });
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn a_bad_request_is_rejected_and_not_retryable() {
    let err = answer_error(ResponseTemplate::new(400).set_body_json(error_body(
        400,
        "INVALID_ARGUMENT",
        "Invalid JSON payload received. Unknown name \"foo\".",
    )))
    .await;
    assert_eq!(
        err,
        GeminiError::Rejected {
            status: 400,
            status_text: "INVALID_ARGUMENT".into(),
            message: "Invalid JSON payload received. Unknown name \"foo\".".into(),
        }
    );
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn a_retired_model_is_rejected() {
    let err = answer_error(ResponseTemplate::new(404).set_body_json(error_body(
        404,
        "NOT_FOUND",
        "models/gemini-1.5-flash is not found for API version v1beta, or is not supported for generateContent.",
    )))
    .await;
    match &err {
        GeminiError::Rejected {
            status: 404,
            status_text,
            message,
        } => {
            assert_eq!(status_text, "NOT_FOUND");
            assert!(
                message.contains("gemini-1.5-flash is not found"),
                "{message}"
            );
        }
        other => panic!("expected Rejected, got {other:?}"),
    }
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn an_error_page_that_is_not_json_is_still_rejected() {
    let err =
        answer_error(ResponseTemplate::new(403).set_body_string("<html>Forbidden</html>")).await;
    assert_eq!(
        err,
        GeminiError::Rejected {
            status: 403,
            status_text: "Forbidden".into(),
            message: "<html>Forbidden</html>".into()
        }
    );
}

#[tokio::test]
async fn a_slow_response_times_out() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(text_response("late"))
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let err = client(&server)
        .answer(&request(), Duration::from_millis(200))
        .await
        .unwrap_err();
    assert_eq!(err, GeminiError::Timeout);
    assert!(err.is_retryable());
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "gave up at the timeout, not after the response"
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_malformed() {
    for body in ["{\"candidates\": [", "<html>oops</html>", ""] {
        let err = answer_error(ResponseTemplate::new(200).set_body_string(body)).await;
        assert!(
            matches!(err, GeminiError::Malformed(_)),
            "{body:?}: {err:?}"
        );
        assert!(!err.is_retryable());
    }
}

#[tokio::test]
async fn a_blocked_prompt_is_blocked() {
    let body = json!({
        "promptFeedback": {"blockReason": "SAFETY", "safetyRatings": [
            {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}
        ]},
        "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 12},
    });
    let err = answer_error(ResponseTemplate::new(200).set_body_json(body)).await;
    assert_eq!(
        err,
        GeminiError::Blocked {
            reason: "SAFETY".into()
        }
    );
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn output_stopped_for_safety_is_blocked() {
    let body = json!({"candidates": [{"finishReason": "SAFETY", "index": 0, "safetyRatings": [
        {"category": "HARM_CATEGORY_HARASSMENT", "probability": "MEDIUM", "blocked": true}
    ]}]});
    let err = answer_error(ResponseTemplate::new(200).set_body_json(body)).await;
    assert_eq!(
        err,
        GeminiError::Blocked {
            reason: "SAFETY".into()
        }
    );
}

#[tokio::test]
async fn no_candidates_is_empty() {
    for body in [
        json!({"candidates": []}),
        json!({"usageMetadata": {"totalTokenCount": 3}}),
    ] {
        let err = answer_error(ResponseTemplate::new(200).set_body_json(body)).await;
        assert_eq!(err, GeminiError::Empty);
        assert!(!err.is_retryable());
    }
}

#[tokio::test]
async fn a_closed_port_is_a_transport_failure() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let gemini = Gemini::new(
        reqwest::Client::new(),
        &format!("http://127.0.0.1:{port}/v1beta"),
        KEY.into(),
        MODEL,
        TTS,
    );
    let err = gemini.answer(&request(), TIMEOUT).await.unwrap_err();
    assert!(matches!(err, GeminiError::Transport(_)), "{err:?}");
    assert!(
        err.to_string().contains("connect"),
        "the cause is kept: {err}"
    );
    assert!(err.is_retryable());
    assert!(!err.to_string().contains(KEY), "{err}");
}

#[tokio::test]
async fn list_models_follows_pages_and_drops_the_prefix() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1beta/models"))
        .and(header("x-goog-api-key", KEY))
        .and(query_param_is_missing("pageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "models": [
                {"name": "models/gemini-3.5-flash", "supportedGenerationMethods": ["generateContent"]},
                {"name": "models/gemini-3.5-flash-lite"},
            ],
            "nextPageToken": "page-2",
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1beta/models"))
        .and(header("x-goog-api-key", KEY))
        .and(query_param("pageToken", "page-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "models": [{"name": "models/gemini-3.8-flash-tts"}],
            "nextPageToken": "",
        })))
        .expect(1)
        .mount(&server)
        .await;

    let models = client(&server).list_models(TIMEOUT).await.unwrap();
    assert_eq!(
        models,
        [
            "gemini-3.5-flash",
            "gemini-3.5-flash-lite",
            "gemini-3.8-flash-tts"
        ]
    );
}

#[tokio::test]
async fn list_models_stops_after_ten_pages() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1beta/models"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "models": [{"name": "models/gemini-3.5-flash"}],
            "nextPageToken": "again",
        })))
        .expect(10)
        .mount(&server)
        .await;
    let models = client(&server).list_models(TIMEOUT).await.unwrap();
    assert_eq!(models.len(), 10);
}

#[tokio::test]
async fn list_models_errors_are_mapped() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1beta/models"))
        .respond_with(ResponseTemplate::new(400).set_body_json(error_body(
            400,
            "INVALID_ARGUMENT",
            "API key not valid.",
        )))
        .mount(&server)
        .await;
    let err = client(&server).list_models(TIMEOUT).await.unwrap_err();
    assert!(
        matches!(err, GeminiError::Rejected { status: 400, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_key_never_shows() {
    let server = MockServer::start().await;
    let gemini = client(&server);
    let debug = format!("{gemini:?}");
    assert!(!debug.contains(KEY), "{debug}");
    assert!(
        debug.contains("REDACTED") && debug.contains(MODEL),
        "{debug}"
    );

    // A server that echoes the key back in its message: the error still does not hold it.
    let echo = format!("API key not valid: {KEY}");
    Mock::given(method("POST"))
        .and(path(GENERATE))
        .respond_with(ResponseTemplate::new(400).set_body_json(error_body(
            400,
            "INVALID_ARGUMENT",
            &echo,
        )))
        .mount(&server)
        .await;
    let err = gemini.answer(&request(), TIMEOUT).await.unwrap_err();
    assert!(
        !err.to_string().contains(KEY) && !format!("{err:?}").contains(KEY),
        "{err}"
    );

    let every_kind = [
        GeminiError::RateLimited {
            retry_after: Some(Duration::from_secs(7)),
        },
        GeminiError::RateLimited { retry_after: None },
        GeminiError::Unavailable { status: 503 },
        err,
        GeminiError::Timeout,
        GeminiError::Blocked {
            reason: "SAFETY".into(),
        },
        GeminiError::Empty,
        GeminiError::Malformed("x".into()),
        GeminiError::Transport("x".into()),
    ];
    for e in every_kind {
        let text = e.to_string();
        assert!(!text.contains(KEY), "{text}");
        assert!(
            text.starts_with(|c: char| c.is_lowercase()),
            "messages are lowercase: {text}"
        );
    }
}
