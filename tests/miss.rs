//! The miss path end to end: the real server, with Gemini, Twilio and the media host replaced by
//! wiremock servers on 127.0.0.1 that check requests as the real APIs would.

mod util;

use std::time::Duration;

use clara::kb::{self, Curated, Lang};
use serde_json::json;
use util::{
    GEMINI_KEY as KEY, PUBLIC_URL, Server, TOKEN, World, answer_id, field, gemini_text, message,
    voice_note,
};
use wiremock::matchers::{body_string_contains, header, method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A fake account SID, built at run time so no credential-looking literal is committed.
fn sid() -> String {
    util::account_sid()
}

/// What a person gets when their miss ends in `which`: the template, then the official link and
/// phone of the procedure `words` lean to, when they lean to one.
fn failure_reply(which: Curated, lang: Lang, words: &str) -> String {
    let template = kb::curated(which, lang).text;
    match clara::respond::Responder::default()
        .respond(words, None)
        .guess
    {
        Some(p) => format!("{template}\n\n{}", kb::procedure(p).contacto.get(lang)),
        None => template.to_string(),
    }
}

#[tokio::test]
async fn voice_note_transcript_hits_the_compiled_cache_with_its_audio() {
    let world = World::new().await;
    let url = world.voice_note_media("/Media/ME1").await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(header("x-goog-api-key", KEY))
        .and(body_string_contains("inlineData"))
        .respond_with(gemini_text(
            r#"{"language": "es", "transcript": "¿Qué es el IMV?"}"#,
        ))
        .expect(1)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[]).await;
    let r = server
        .webhook(
            &voice_note("SM20000000000000000000000000000001", &url),
            Some(TOKEN),
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains(&clara::http::twiml::escape(
        kb::curated(Curated::AckAudio, Lang::Es).text
    )));
    let sent = world.sent(1).await;
    let answer = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert_eq!(field(&sent[0], "Body"), Some(answer.text));
    assert_eq!(field(&sent[0], "To"), Some("whatsapp:+34600111222"));
    assert_eq!(field(&sent[0], "From"), Some("whatsapp:+14155238886"));
    let audio = answer.audio().expect("the IMV description has audio");
    assert_eq!(
        field(&sent[0], "MediaUrl"),
        Some(format!("{PUBLIC_URL}/static/cache/{}", audio.name).as_str())
    );
}

#[tokio::test]
async fn a_miss_is_answered_by_gemini_with_the_official_source() {
    let world = World::new().await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("systemInstruction"))
        .respond_with(gemini_text("Si te mudas, tienes que darte de alta en el padrón de tu nueva ciudad. Pide cita en tu ayuntamiento."))
        .expect(1)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[]).await;
    let question = "me voy a mudar a otra ciudad, ¿qué tengo que hacer con mis papeles?";
    let r = server
        .webhook(
            &message("SM20000000000000000000000000000002", question),
            Some(TOKEN),
        )
        .await;
    assert!(
        r.text().contains(&clara::http::twiml::escape(
            kb::curated(Curated::AckText, Lang::Es).text
        )),
        "{}",
        r.text()
    );
    let sent = world.sent(1).await;
    let body = field(&sent[0], "Body").unwrap();
    assert!(body.starts_with("Si te mudas"), "{body}");
    assert!(
        body.contains("https://"),
        "the official source is there: {body}"
    );
    assert!(body.ends_with(kb::curated(Curated::LlmDisclaimer, Lang::Es).text));
    // The same question again is answered from the hot cache: Gemini is called once (expect(1)).
    server
        .webhook(
            &message("SM20000000000000000000000000000003", question),
            Some(TOKEN),
        )
        .await;
    world.sent(2).await;
}

/// Misses whose words lean to the padrón ("logement", "flat"): a failure names its link and phone.
const LOGEMENT: &str = "Où est-ce que je peux trouver un logement social ?";
const FLAT: &str = "where can I find a cheap flat to rent";

#[tokio::test]
async fn gemini_failures_end_in_a_template_never_silence() {
    for (status, template) in [
        (500, Curated::LlmFailed),
        (429, Curated::Busy),
        (404, Curated::LlmFailed),
    ] {
        let world = World::new().await;
        Mock::given(method("POST"))
            .and(path_regex("generateContent$"))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(
                    json!({"error": {"code": status, "message": "x", "status": "X"}}),
                ),
            )
            .mount(&world.gemini)
            .await;
        let server = world.server(&[]).await;
        server
            .webhook(
                &message("SM20000000000000000000000000000004", LOGEMENT),
                Some(TOKEN),
            )
            .await;
        let sent = world.sent(1).await;
        assert_eq!(
            field(&sent[0], "Body"),
            Some(failure_reply(template, Lang::Fr, LOGEMENT).as_str()),
            "gemini {status}"
        );
    }
}

#[tokio::test]
async fn a_blocked_or_slow_gemini_gets_llm_failed() {
    let world = World::new().await;
    world
        .gemini_answers(
            ResponseTemplate::new(200)
                .set_body_json(json!({"promptFeedback": {"blockReason": "SAFETY"}})),
        )
        .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &message("SM20000000000000000000000000000005", FLAT),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        field(&world.sent(1).await[0], "Body"),
        Some(failure_reply(Curated::LlmFailed, Lang::En, FLAT).as_str())
    );

    let world = World::new().await;
    world
        .gemini_answers(gemini_text("tarde").set_delay(Duration::from_secs(5)))
        .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &message("SM20000000000000000000000000000006", FLAT),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        field(&world.sent(1).await[0], "Body"),
        Some(failure_reply(Curated::LlmFailed, Lang::En, FLAT).as_str())
    );
}

#[tokio::test]
async fn media_on_a_foreign_host_is_never_fetched() {
    let world = World::new().await;
    let foreign = MockServer::start().await; // 127.0.0.1 too, but asked for by name
    let server = world.server(&[]).await;
    let url = format!("http://localhost:{}/steal", foreign.address().port());
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000007", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    assert_eq!(
        field(&sent[0], "Body"),
        Some(kb::curated(Curated::TranscriptionFailed, Lang::Es).text)
    );
    assert!(
        foreign
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[tokio::test]
async fn oversized_media_is_refused() {
    let world = World::new().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![0u8; 16 * 1024 * 1024 + 1]))
        .mount(&world.media)
        .await;
    let server = world.server(&[]).await;
    let url = format!("{}/Media/big", world.media.uri());
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000008", &url),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        field(&world.sent(1).await[0], "Body"),
        Some(kb::curated(Curated::TranscriptionFailed, Lang::Es).text)
    );
    assert!(
        world
            .gemini
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[tokio::test]
async fn twilio_down_means_a_dead_letter_without_the_phone_number() {
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
    server
        .webhook(
            &message(
                "SM20000000000000000000000000000009",
                "¿dónde encuentro un piso barato?",
            ),
            Some(TOKEN),
        )
        .await;
    let letters = world.wait_dead_letters(1, Duration::from_secs(20)).await;
    let letter = &letters[0];
    let text = std::fs::read_to_string(world.dead.path()).unwrap();
    assert_eq!(letter["message_sid"], "SM20000000000000000000000000000009");
    assert!(
        letter["body"]
            .as_str()
            .unwrap()
            .starts_with("Respuesta de prueba")
    );
    assert!(
        !text.contains("600111222"),
        "no phone number in the dead-letter file"
    );
    let health = server.get("/health", &[]).await.json();
    assert_eq!(health["components"]["miss_queue"]["dead_letters"], 1);
}

#[tokio::test]
async fn a_full_queue_answers_busy_at_once() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("lento").set_delay(Duration::from_millis(1500)))
        .await;
    let server = world
        .server(&[("MISS_QUEUE_SIZE", "1"), ("MISS_WORKERS", "1")])
        .await;
    let busy = clara::http::twiml::escape(kb::curated(Curated::Busy, Lang::Es).text);
    let mut busy_count = 0;
    for i in 0..4 {
        let sid = format!("SM3000000000000000000000000000000{i}");
        let r = server
            .webhook(
                &message(&sid, "¿dónde encuentro un piso barato?"),
                Some(TOKEN),
            )
            .await;
        busy_count += usize::from(r.text().contains(&busy));
    }
    assert!(
        busy_count >= 2,
        "one job runs, one waits, the rest are told the service is busy"
    );
}

#[tokio::test]
async fn a_panicking_stage_still_answers_the_person() {
    let world = World::new().await;
    let vars = world.vars();
    let config = clara::config::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .unwrap();
    let metrics = std::sync::Arc::new(clara::metrics::Metrics::default());
    let sender = clara::observability::PhoneHasher::new(config.twilio_auth_token.as_ref())
        .sender("whatsapp:+34600111222");
    let services = clara::miss::Services::from_config(&config, metrics)
        .unwrap()
        .expect("pipeline enabled");
    let pipeline =
        clara::miss::Pipeline::start_with(std::sync::Arc::new(services), 1, 4, |_, _| async {
            panic!("a stage blew up");
        });
    let job = clara::miss::Job {
        message_sid: "SM40000000000000000000000000000001".into(),
        from: "whatsapp:+34600111222".into(),
        sender,
        text: "x".into(),
        lang: Lang::Ar,
        context: Default::default(),
        voice: None,
        received: std::time::Instant::now(),
        entry: None,
    };
    pipeline.submit(job).unwrap();
    let sent = world.sent(1).await;
    assert_eq!(
        field(&sent[0], "Body"),
        Some(kb::curated(Curated::LlmFailed, Lang::Ar).text)
    );
    pipeline.drain(Duration::from_secs(2)).await;
}

#[tokio::test]
async fn redeliver_finds_the_person_through_the_message_sid() {
    let world = World::new().await;
    Mock::given(method("GET"))
        .and(path(format!("/2010-04-01/Accounts/{}/Messages/SM50000000000000000000000000000001.json", sid())))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": "SM50000000000000000000000000000001", "from": "whatsapp:+34600999888", "direction": "inbound"})))
        .mount(&world.twilio)
        .await;
    let letter = json!({"at": 1, "message_sid": "SM50000000000000000000000000000001", "to_hash": "0123456789", "reason": "twilio down", "body": "Respuesta pendiente"});
    std::fs::write(world.dead.path(), format!("{letter}\n")).unwrap();
    let (file, base) = (world.dead.path().to_path_buf(), world.twilio.uri());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_clara"))
            .arg("redeliver")
            .arg(&file)
            .env_clear()
            .env("TWILIO_ACCOUNT_SID", sid())
            .env("TWILIO_AUTH_TOKEN", TOKEN)
            .env("TWILIO_API_BASE_URL", base)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "delivered 1, failed 0"
    );
    let posts: Vec<_> = world
        .twilio
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "POST")
        .collect();
    let form = clara::http::form::parse(&posts[0].body).unwrap();
    assert_eq!(field(&form, "To"), Some("whatsapp:+34600999888"));
    assert_eq!(field(&form, "Body"), Some("Respuesta pendiente"));
}

#[tokio::test]
async fn misses_are_journaled_without_phone_numbers_and_promoted() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta generada sobre mudanzas."))
        .await;
    let journal = tempfile::NamedTempFile::new().unwrap();
    let journal_path = journal.path().display().to_string();
    let server = world.server(&[("MISS_JOURNAL_PATH", &journal_path)]).await;
    for i in 0..3 {
        let sid = format!("SM6000000000000000000000000000000{i}");
        server
            .webhook(
                &message(&sid, "me mudo de ciudad, mi móvil es 612 345 678"),
                Some(TOKEN),
            )
            .await;
    }
    world.sent(3).await;
    let text = std::fs::read_to_string(journal.path()).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        !text.contains("600111222") && !text.contains("612 345 678") && !text.contains("612345678"),
        "{text}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clara"))
        .arg("promote")
        .arg(journal.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let drafts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &drafts["promovida_1_es"];
    assert!(
        first["preguntas"]["es"][0]
            .as_str()
            .unwrap()
            .starts_with("me mudo de ciudad")
    );
    assert!(
        first["texto"]["es"]
            .as_str()
            .unwrap()
            .starts_with("Respuesta generada")
    );
}

#[tokio::test]
async fn the_hot_cache_survives_a_graceful_restart() {
    let world = World::new().await;
    Mock::given(method("POST"))
        .and(path_regex("generateContent$"))
        .respond_with(gemini_text("Respuesta aprendida antes del reinicio."))
        .expect(1)
        .mount(&world.gemini)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let snapshot = dir.path().join("hot.bin").display().to_string();
    let question = "¿qué hago si pierdo el trabajo?";
    let server = world.server(&[("HOT_CACHE_PATH", &snapshot)]).await;
    server
        .webhook(
            &message("SM70000000000000000000000000000001", question),
            Some(TOKEN),
        )
        .await;
    world.sent(1).await;
    server.stop().await;
    assert!(
        std::path::Path::new(&snapshot).exists(),
        "saved on shutdown"
    );
    let server = world.server(&[("HOT_CACHE_PATH", &snapshot)]).await;
    server
        .webhook(
            &message("SM70000000000000000000000000000002", question),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(2).await;
    assert_eq!(field(&sent[1], "Body"), field(&sent[0], "Body"));
    // Gemini's expect(1) is verified when the mock server drops.
}

#[tokio::test]
async fn a_drain_cut_short_dead_letters_what_is_still_queued() {
    let world = World::new().await;
    let vars = world.vars();
    let config = clara::config::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .unwrap();
    let metrics = std::sync::Arc::new(clara::metrics::Metrics::default());
    let services = clara::miss::Services::from_config(&config, std::sync::Arc::clone(&metrics))
        .unwrap()
        .unwrap();
    // One worker stuck on a slow job; three more wait in the queue.
    let pipeline =
        clara::miss::Pipeline::start_with(std::sync::Arc::new(services), 1, 8, |_, _| async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
    for i in 0..4 {
        pipeline
            .submit(clara::miss::Job {
                message_sid: format!("SM8000000000000000000000000000000{i}"),
                from: "whatsapp:+34600111222".into(),
                sender: clara::observability::SenderId([7; 8]),
                text: "x".into(),
                lang: Lang::Fr,
                context: Default::default(),
                voice: None,
                received: std::time::Instant::now(),
                entry: None,
            })
            .unwrap();
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    pipeline.drain(Duration::from_millis(200)).await;
    let text = std::fs::read_to_string(world.dead.path()).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.contains(
            &serde_json::to_string(kb::curated(Curated::LlmFailed, Lang::Fr).text).unwrap()
        )
    );
    assert_eq!(metrics.dead_letters(), 3);
    assert_eq!(pipeline.depth(), 0);
}

/// A Gemini TTS answer: one second of a 440 Hz tone as raw 16-bit PCM at 24 kHz, base64 inline.
fn gemini_speech() -> ResponseTemplate {
    use base64::Engine as _;
    let pcm: Vec<u8> = (0..24_000)
        .map(|i| ((i as f32 * 440.0 * std::f32::consts::TAU / 24_000.0).sin() * 8_000.0) as i16)
        .flat_map(i16::to_le_bytes)
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({
        "candidates": [{"content": {"role": "model", "parts": [{"inlineData": {
            "mimeType": "audio/L16;codec=pcm;rate=24000",
            "data": base64::engine::general_purpose::STANDARD.encode(pcm),
        }}]}, "finishReason": "STOP", "index": 0}]
    }))
}

/// A voice note whose transcript the compiled cache cannot answer, answered by the Gemini mock.
async fn voice_miss(world: &World, answer: &str) -> String {
    voice_miss_saying(
        world,
        "me voy a mudar a otra ciudad, ¿qué hago con mis papeles?",
        answer,
    )
    .await
}

/// [`voice_miss`] with the voice note saying `transcript`.
async fn voice_miss_saying(world: &World, transcript: &str, answer: &str) -> String {
    let url = world.voice_note_media("/Media/ME2").await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("inlineData"))
        .respond_with(gemini_text(
            &json!({"language": "es", "transcript": transcript}).to_string(),
        ))
        .mount(&world.gemini)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("systemInstruction"))
        .respond_with(gemini_text(answer))
        .mount(&world.gemini)
        .await;
    url
}

const TTS_PATH: &str = "/v1beta/models/gemini-3.8-flash-tts:generateContent";

#[tokio::test]
async fn a_voice_note_answered_by_gemini_gets_a_spoken_reply() {
    let world = World::new().await;
    let url = voice_miss(
        &world,
        "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
    )
    .await;
    Mock::given(method("POST"))
        .and(path(TTS_PATH))
        .and(header("x-goog-api-key", KEY))
        .and(body_string_contains(r#""responseModalities":["AUDIO"]"#))
        .and(body_string_contains(r#""voiceName":"Puck""#))
        .and(body_string_contains("date de alta en el padrón"))
        .respond_with(gemini_speech())
        .expect(1)
        .mount(&world.gemini)
        .await;
    let server = world
        .server(&[("TTS_PROVIDER", "gemini"), ("GEMINI_TTS_VOICE", "Puck")])
        .await;
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000070", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    assert!(
        field(&sent[0], "Body").unwrap().starts_with("Si te mudas"),
        "{sent:?}"
    );
    let media = field(&sent[0], "MediaUrl").expect("a spoken reply is attached");
    let name = media
        .strip_prefix(&format!("{PUBLIC_URL}/static/tts/"))
        .expect("served by Clara itself");
    let hash = name.strip_suffix(".ogg").expect("an OGG/Opus voice note");
    assert!(
        hash.len() >= 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "content-hash name: {name}"
    );

    // Twilio fetches it from Clara, with the same headers as the compiled audio.
    let r = server.get(&format!("/static/tts/{name}"), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("audio/ogg"));
    assert!(r.body.starts_with(b"OggS"), "an Ogg stream");
    let etag = r.header("etag").expect("an ETag").to_string();
    assert_eq!(etag, format!("\"{hash}\""));
    assert_eq!(r.header("accept-ranges"), Some("bytes"));
    let r = server
        .get(&format!("/static/tts/{name}"), &[("if-none-match", &etag)])
        .await;
    assert_eq!(r.status, 304);
    let r = server
        .get(&format!("/static/tts/{name}"), &[("range", "bytes=0-3")])
        .await;
    assert_eq!((r.status, r.body.as_slice()), (206, b"OggS".as_slice()));
    assert_eq!(server.get("/static/tts/0000.ogg", &[]).await.status, 404);
    let health = server.get("/health", &[]).await.json();
    assert_eq!(health["components"]["flags"]["spoken_replies"], true);
}

#[tokio::test]
async fn a_failed_spoken_reply_still_sends_the_text() {
    let world = World::new().await;
    let url = voice_miss(
        &world,
        "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
    )
    .await;
    Mock::given(method("POST"))
        .and(path(TTS_PATH))
        .respond_with(ResponseTemplate::new(500).set_body_json(
            json!({"error": {"code": 500, "message": "internal", "status": "INTERNAL"}}),
        ))
        .expect(1..)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[("TTS_PROVIDER", "gemini")]).await;
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000071", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    assert!(field(&sent[0], "Body").unwrap().starts_with("Si te mudas"));
    assert_eq!(field(&sent[0], "MediaUrl"), None, "text only");
}

#[tokio::test]
async fn spoken_replies_are_off_by_default_and_for_typed_questions() {
    let world = World::new().await;
    let url = voice_miss(
        &world,
        "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
    )
    .await;
    Mock::given(method("POST"))
        .and(path(TTS_PATH))
        .respond_with(gemini_speech())
        .expect(0)
        .mount(&world.gemini)
        .await;
    // Off by default (TTS_PROVIDER=none): a voice note gets the text alone.
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000072", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    assert_eq!(field(&sent[0], "MediaUrl"), None);
    let health = server.get("/health", &[]).await.json();
    assert_eq!(health["components"]["flags"]["spoken_replies"], false);
    server.stop().await;
    // On, but a typed question is answered in text: only a voice note gets a voice back.
    let server = world.server(&[("TTS_PROVIDER", "gemini")]).await;
    server
        .webhook(
            &message(
                "SM20000000000000000000000000000073",
                "me voy a mudar a otra ciudad, ¿qué hago con mis papeles?",
            ),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(2).await;
    assert_eq!(field(&sent[1], "MediaUrl"), None);
}

/// The text parts of every request Gemini received, joined.
async fn gemini_saw(world: &World) -> String {
    world
        .gemini
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn personal_data_never_reaches_gemini_or_the_journal() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta generada sobre mudanzas."))
        .await;
    let server = world.server(&[]).await;
    let question = "me voy a mudar a otra ciudad, ¿qué hago con mis papeles? DNI 12345678Z, \
                    documento X1234567L, pasaporte XDC123456, móvil 612 345 678, +34 699112233, \
                    correo fatima.b@example.org, IBAN ES91 2100 0418 4502 0005 1332";
    server
        .webhook(
            &message("SM11000000000000000000000000000001", question),
            Some(TOKEN),
        )
        .await;
    world.sent(1).await;
    let prompt = gemini_saw(&world).await;
    let journal = std::fs::read_to_string(world.journal.path()).unwrap();
    for (place, text) in [("prompt", &prompt), ("journal", &journal)] {
        assert!(
            text.contains("mudar"),
            "{place}: the question is there: {text}"
        );
        for secret in [
            "12345678",
            "X1234567",
            "XDC123456",
            "612 345 678",
            "699112233",
            "112233",
            "fatima",
            "example.org",
            "ES91",
            "0418 4502",
        ] {
            assert!(!text.contains(secret), "{place} holds {secret}: {text}");
        }
    }
    // The prompt says where something was hidden (the journal keeps the normalized words only).
    assert!(prompt.contains("[…]"), "{prompt}");
}

#[tokio::test]
async fn the_question_sent_to_gemini_is_capped_at_a_word() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta generada sobre mudanzas."))
        .await;
    let server = world.server(&[]).await;
    // ASCII, so that 65,000 characters fit the 64 KiB body once form-encoded.
    let sentence = "tengo una pregunta sobre mi situacion y no se a quien preguntar ";
    let question = sentence.repeat(65_000 / sentence.len() + 1)[..65_000].to_string();
    let r = server
        .webhook(
            &message("SM11000000000000000000000000000002", &question),
            Some(TOKEN),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    world.sent(1).await;
    let request: serde_json::Value =
        serde_json::from_slice(&world.gemini.received_requests().await.unwrap()[0].body).unwrap();
    let prompt = request["contents"][0]["parts"][0]["text"].as_str().unwrap();
    let asked = prompt
        .split_once("QUESTION (Spanish):\n")
        .map(|(_, q)| q)
        .expect("the prompt ends with the question");
    assert!(
        asked.chars().count() <= clara::redact::MAX_QUESTION_CHARS,
        "{} characters sent",
        asked.chars().count()
    );
    assert!(asked.ends_with('…'), "{asked}");
    let last_word = asked.trim_end_matches('…').rsplit(' ').next().unwrap();
    assert!(
        sentence.split(' ').any(|w| w == last_word),
        "cut at a word boundary, not inside `{last_word}`"
    );
    assert!(
        asked.chars().count() > 1000,
        "cut near the cap, not far below it"
    );
}

#[tokio::test]
async fn a_sender_over_the_limit_is_answered_inline_and_costs_no_message() {
    let world = World::new().await;
    world
        .gemini_answers(gemini_text("Respuesta generada sobre mudanzas."))
        .await;
    let server = world.server(&[("MISS_RATE_LIMIT", "2")]).await;
    let mut replies = Vec::new();
    for i in 0..4 {
        let sid = format!("SM1200000000000000000000000000000{i}");
        let question = format!("me voy a mudar a otra ciudad número {i}, ¿qué hago?");
        replies.push(
            server
                .webhook(&message(&sid, &question), Some(TOKEN))
                .await
                .text(),
        );
    }
    let ack = clara::http::twiml::escape(kb::curated(Curated::AckText, Lang::Es).text);
    let limited = clara::http::twiml::escape(kb::curated(Curated::RateLimited, Lang::Es).text);
    assert!(replies[0].contains(&ack) && replies[1].contains(&ack));
    for reply in &replies[2..] {
        assert!(reply.contains(&limited), "answered in the webhook: {reply}");
    }
    // Only the two queued misses go out through the REST API; the limit costs nothing.
    world.sent(2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 2);
    assert_eq!(server.app.queue_depth(), 0);
}

/// The system instruction Gemini received in its first request.
async fn gemini_instruction(world: &World) -> String {
    let requests = world.gemini.received_requests().await.unwrap_or_default();
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    body["systemInstruction"]["parts"][0]["text"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_crisis_the_lexicon_misses_gets_the_crisis_line_when_gemini_sees_it() {
    let world = World::new().await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .respond_with(gemini_text("GUARDRAIL: self_harm"))
        .expect(2)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[]).await;
    // Words of despair the compiled lexicon does not hold: the webhook can only acknowledge.
    let words = "ya no le encuentro sentido a seguir";
    let r = server
        .webhook(
            &message("SM12000000000000000000000000000001", words),
            Some(TOKEN),
        )
        .await;
    assert!(
        r.text().contains(&clara::http::twiml::escape(
            kb::curated(Curated::AckText, Lang::Es).text
        )),
        "the lexicon answered it, so this test no longer tests the miss path: {}",
        r.text()
    );
    let sent = world.sent(1).await;
    let line = kb::curated(Curated::GuardrailSelfHarm, Lang::Es);
    assert_eq!(field(&sent[0], "Body"), Some(line.text));
    assert!(line.text.contains("024") && line.text.contains("112"));
    let audio = line.audio().expect("the crisis line is recorded");
    assert_eq!(
        field(&sent[0], "MediaUrl"),
        Some(format!("{PUBLIC_URL}/static/cache/{}", audio.name).as_str())
    );
    let instruction = gemini_instruction(&world).await;
    assert!(
        instruction.contains("`GUARDRAIL: <category>`") && instruction.contains("self_harm"),
        "{instruction}"
    );
    // The verdict is not kept as an answer: the same words are judged again (expect(2)).
    server
        .webhook(
            &message("SM12000000000000000000000000000002", words),
            Some(TOKEN),
        )
        .await;
    world.sent(2).await;
    let journal = std::fs::read_to_string(world.journal.path()).unwrap();
    let entries: Vec<serde_json::Value> = journal
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 2, "{journal}");
    for entry in &entries {
        assert_eq!(entry["source"], "gemini guardrail: self_harm", "{journal}");
        assert!(entry["answer"].is_null(), "{journal}");
    }
    let r = server.get("/metrics", &[]).await;
    assert!(
        r.text()
            .contains("clara_answers_total{source=\"guardrail\"} 2"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn a_structured_answer_can_name_a_guardrail_too() {
    let world = World::new().await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("responseSchema"))
        .respond_with(gemini_text(r#"{"summary": "GUARDRAIL: violence"}"#))
        .expect(1)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[("STRUCTURED_OUTPUT_ON", "true")]).await;
    // A threat the lexicon does not hold, in Arabizi.
    server
        .webhook(
            &message(
                "SM12000000000000000000000000000003",
                "khouya galia ila hdert m3a chi wahed ghadi ydir lia chi haja",
            ),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    assert_eq!(
        field(&sent[0], "Body"),
        Some(kb::curated(Curated::GuardrailViolence, Lang::Ar).text)
    );
}

#[tokio::test]
async fn a_miss_that_fails_names_the_procedure_its_words_lean_to() {
    // "pasaporte" alone leans to the NIE without reaching it: the miss path's context.
    let nie = kb::procedure(kb::ProcedureId::NieTie);
    let contact = nie.contacto.get(Lang::Es);
    // No NIE phone could be confirmed: its name and official link.
    assert!(contact.contains(nie.fuente_url.as_str()), "{contact}");
    let llm_failed = kb::curated(Curated::LlmFailed, Lang::Es).text;
    for (words, expected) in [
        (
            "tengo una duda con el pasaporte de mi primo",
            format!("{llm_failed}\n\n{contact}"),
        ),
        // Words that lean to nothing get the template alone.
        ("¿a qué hora abre la biblioteca?", llm_failed.to_string()),
    ] {
        let world = World::new().await;
        world
            .gemini_answers(ResponseTemplate::new(500).set_body_json(
                json!({"error": {"code": 500, "message": "x", "status": "INTERNAL"}}),
            ))
            .await;
        let server = world.server(&[]).await;
        server
            .webhook(
                &message("SM13000000000000000000000000000001", words),
                Some(TOKEN),
            )
            .await;
        assert_eq!(
            field(&world.sent(1).await[0], "Body"),
            Some(expected.as_str()),
            "{words}"
        );
    }
}

#[tokio::test]
async fn a_miss_in_a_conversation_is_asked_about_the_conversation_s_procedure() {
    let world = World::new().await;
    let url = world.voice_note_media("/Media/ME14").await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("inlineData"))
        .respond_with(gemini_text(
            r#"{"language": "es", "transcript": "¿y cuánto tarda?"}"#,
        ))
        .mount(&world.gemini)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("systemInstruction"))
        .respond_with(gemini_text(
            "Con 6 meses trabajados puede haber un subsidio.",
        ))
        .expect(1)
        .mount(&world.gemini)
        .await;
    let server = world.server(&[]).await;
    let paro = kb::procedure(kb::ProcedureId::PrestacionDesempleo);
    let imv = kb::procedure(kb::ProcedureId::Imv);
    let first = server
        .webhook(
            &message("SM14000000000000000000000000000001", "¿qué es el paro?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        answer_id(&first.text()),
        "prestacion_desempleo.descripcion.es"
    );
    // Words that name no procedure: before, Gemini got every procedure's description and no
    // hint of the conversation.
    server
        .webhook(
            &message(
                "SM14000000000000000000000000000002",
                "solo trabajé 6 meses con contrato",
            ),
            Some(TOKEN),
        )
        .await;
    world.sent(1).await;
    let prompt = gemini_saw(&world).await;
    assert!(prompt.contains(paro.fuente_url.as_str()), "{prompt}");
    assert!(!prompt.contains(imv.fuente_url.as_str()), "{prompt}");
    // A voice note is read in the conversation too: its transcript asks the time it takes.
    server
        .webhook(
            &voice_note("SM14000000000000000000000000000003", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(2).await;
    let plazos = kb::answer_by_id("prestacion_desempleo.plazos.es").unwrap();
    assert_eq!(field(&sent[1], "Body"), Some(plazos.text));
}

#[tokio::test]
async fn a_voice_note_that_tells_of_danger_gets_the_danger_lines_after_gemini_s_answer() {
    // Its words are known only from the transcript, after the acknowledgement was sent; a typed
    // miss's acknowledgement opens with the lines itself (next test).
    let world = World::new().await;
    let url = voice_miss_saying(
        &world,
        "hay sangre en el suelo y me voy a mudar a otra ciudad, ¿qué hago con mis papeles?",
        "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
    )
    .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000074", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    let body = field(&sent[0], "Body").unwrap();
    let note = kb::Note::Support.answer(Lang::Es).text;
    assert!(body.starts_with("Si te mudas"), "{body}");
    assert!(body.ends_with(&format!("\n\n{note}")), "{body}");
    assert_eq!(body.matches("024").count(), 1, "{body}");
}

#[tokio::test]
async fn a_typed_miss_that_tells_of_danger_gets_the_lines_once_in_the_acknowledgement() {
    // The acknowledgement opens with the 🆘 line (112, 024, 016): the danger note, which follows
    // a cached answer, would only say them again. So with the demo's fallback, which opens with
    // it too.
    let world = World::new().await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .respond_with(gemini_text(
            "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
        ))
        .mount(&world.gemini)
        .await;
    let question = "hay sangre en el suelo y me voy a mudar a otra ciudad, ¿qué hago?";
    let live = world.server(&[]).await;
    let offline = Server::start(&[]).await;
    for (server, sid, template) in [
        (
            &live,
            "SM20000000000000000000000000000076",
            Curated::AckText,
        ),
        (
            &offline,
            "SM20000000000000000000000000000077",
            Curated::FallbackGeneric,
        ),
    ] {
        let r = server.webhook(&message(sid, question), Some(TOKEN)).await;
        let twiml = r.text();
        assert_eq!(
            answer_id(&twiml),
            kb::curated(template, Lang::Es).id,
            "{twiml}"
        );
        assert_eq!(twiml.matches("<Message>").count(), 1, "{twiml}");
        for line in ["112", "024", "016"] {
            assert_eq!(twiml.matches(line).count(), 1, "{line}: {twiml}");
        }
    }
    world.sent(1).await;
}

#[tokio::test]
async fn a_voice_note_with_no_word_of_danger_gets_gemini_s_answer_alone() {
    let world = World::new().await;
    let url = voice_miss(
        &world,
        "Si te mudas, date de alta en el padrón de tu nueva ciudad.",
    )
    .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM20000000000000000000000000000075", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    let body = field(&sent[0], "Body").unwrap();
    assert!(body.starts_with("Si te mudas"), "{body}");
    assert!(!body.contains("024"), "{body}");
}

/// A voice note transcribed as `transcript` (Spanish), after `delay`.
async fn voice_note_saying(
    world: &World,
    media: &str,
    transcript: &str,
    delay: Duration,
) -> String {
    let url = world.voice_note_media(media).await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("inlineData"))
        .respond_with(
            gemini_text(&json!({"language": "es", "transcript": transcript}).to_string())
                .set_delay(delay),
        )
        .mount(&world.gemini)
        .await;
    url
}

#[tokio::test]
async fn a_voice_note_answered_from_the_cache_moves_the_conversation_on() {
    let world = World::new().await;
    let url = voice_note_saying(&world, "/Media/ME15", "¿qué es el IMV?", Duration::ZERO).await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM15000000000000000000000000000001", &url),
            Some(TOKEN),
        )
        .await;
    let sent = world.sent(1).await;
    let described = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert_eq!(field(&sent[0], "Body"), Some(described.text));
    // Typed next, the follow-up is about the procedure the voice note asked about. Before, the
    // conversation stayed where the webhook left it: nowhere.
    let next = server
        .webhook(
            &message("SM15000000000000000000000000000002", "¿y dónde lo pido?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(answer_id(&next.text()), "imv.como_solicitar.es");
}

#[tokio::test]
async fn a_voice_note_answered_late_does_not_undo_a_message_typed_meanwhile() {
    let world = World::new().await;
    let url = voice_note_saying(
        &world,
        "/Media/ME16",
        "¿qué es el IMV?",
        Duration::from_millis(500),
    )
    .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM16000000000000000000000000000001", &url),
            Some(TOKEN),
        )
        .await;
    // Typed while the voice note is still being transcribed.
    let typed = server
        .webhook(
            &message("SM16000000000000000000000000000002", "¿qué es el paro?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        answer_id(&typed.text()),
        "prestacion_desempleo.descripcion.es"
    );
    let sent = world.sent(1).await;
    let described = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert_eq!(field(&sent[0], "Body"), Some(described.text));
    // The conversation is the paro's, the last thing the person typed.
    let next = server
        .webhook(
            &message("SM16000000000000000000000000000003", "¿y dónde lo pido?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(
        answer_id(&next.text()),
        "prestacion_desempleo.como_solicitar.es"
    );
}

#[tokio::test]
async fn a_part_asked_in_a_voice_note_waits_for_the_procedure_typed_next() {
    let world = World::new().await;
    let url = voice_note_saying(&world, "/Media/ME17", "¿cuánto tarda?", Duration::ZERO).await;
    Mock::given(method("POST"))
        .and(path("/v1beta/models/gemini-3.5-flash:generateContent"))
        .and(body_string_contains("systemInstruction"))
        .respond_with(gemini_text("Depende del trámite. ¿Cuál es?"))
        .mount(&world.gemini)
        .await;
    let server = world.server(&[]).await;
    server
        .webhook(
            &voice_note("SM17000000000000000000000000000001", &url),
            Some(TOKEN),
        )
        .await;
    world.sent(1).await;
    let next = server
        .webhook(
            &message("SM17000000000000000000000000000002", "lo del imv"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(answer_id(&next.text()), "imv.plazos.es");
}
