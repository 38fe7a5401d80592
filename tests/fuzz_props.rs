//! Property-based fuzzing (proptest, large case counts: the project builds on the stable
//! toolchain, where cargo-fuzz cannot run). Invariants, not only "no panic". Executions and
//! findings are recorded in docs/RELIABILITY.md.

use std::collections::HashMap;
use std::sync::LazyLock;

use clara::http::{MAX_BODY, form, signature, twiml};
use clara::kb::normalize::{Normalized, stem_prefixes_for_test};
use clara::kb::spelling::fold_key;
use clara::kb::{self, Facet, Lang, ProcedureId};
use clara::{Intent, Responder};
use proptest::prelude::*;

mod util;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(20_000))]

    /// Any bytes: an error or pairs, never a panic; and what we encode parses back.
    #[test]
    fn form_parser(bytes in proptest::collection::vec(any::<u8>(), 0..256), pairs in proptest::collection::vec((".{0,12}", ".{0,24}"), 0..6)) {
        let _ = form::parse(&bytes);
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let body = util::form(&refs);

        let parsed = form::parse(body.as_bytes()).unwrap();
        let expected = pairs;
        prop_assert_eq!(parsed, expected);
    }

    /// The escaped body of any text round-trips through a real XML parser.
    #[test]
    fn twiml_escaping_round_trips(text in ".{0,200}") {
        // XML 1.0 cannot carry most control characters at all; Clara's answers never contain them.
        let text: String = text.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
        let xml = format!("<Body>{}</Body>", twiml::escape(&text));
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut out = String::new();
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Text(t)) => out.push_str(&t.decode().unwrap()),
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    out.push_str(&quick_xml::escape::unescape(&format!("&{};", String::from_utf8_lossy(&r))).unwrap());
                }
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(TestCaseError::fail(format!("malformed: {e}"))),
            }
        }
        prop_assert_eq!(out, text);
    }

    /// The Gemini response parser never panics on arbitrary bytes or JSON.
    #[test]
    fn gemini_parser(bytes in proptest::collection::vec(any::<u8>(), 0..512), text in ".{0,64}") {
        let _ = clara::outbound::gemini::parse_generate_response(&bytes);
        let body = serde_json::json!({"candidates": [{"content": {"parts": [{"text": text}]}}]}).to_string();
        let parsed = clara::outbound::gemini::parse_generate_response(body.as_bytes());
        if !text.trim().is_empty() {
            let parsed = parsed.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(parsed.trim(), text.trim());
        }
    }

}

proptest! {
    #![proptest_config(config(5_000))]

    /// The validator accepts exactly what Twilio's algorithm signs: the right signature passes,
    /// any change to the URL, a parameter or the signature fails.
    #[test]
    fn signature_validator(
        token in "[ -~]{1,40}",
        path in "/[a-z]{0,12}",
        params in proptest::collection::vec(("[A-Za-z][A-Za-z0-9]{0,10}", ".{0,30}"), 0..8),
        flip in any::<prop::sample::Index>(),
    ) {
        let url = format!("https://clara.example.org{path}");
        let sig = signature::sign(&token, &url, &params);
        prop_assert!(signature::validate(&token, &url, &params, &sig));
        let other_url = url.clone() + "x";
        prop_assert!(!signature::validate(&token, &other_url, &params, &sig));
        let mut tampered = params.clone();
        tampered.push(("Extra".to_string(), "1".to_string()));
        prop_assert!(!signature::validate(&token, &url, &tampered, &sig));
        let mut bytes = sig.clone().into_bytes();
        let i = flip.index(bytes.len().saturating_sub(2).max(1)); // not the padding
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        prop_assert!(!signature::validate(&token, &url, &params, &String::from_utf8(bytes).unwrap()));
    }

    /// The responder never returns a procedure for text with no vocabulary in it: a procedure
    /// answer always comes with a word, phrase, stem, menu digit or FAQ question behind it.
    #[test]
    fn responder_needs_vocabulary_for_a_procedure(text in prop_oneof![".{0,120}", "[a-z ]{0,60}", "[\u{0621}-\u{064A} ]{0,40}"]) {
        let reply = Responder::default().respond(&text, None);
        if let Intent::Procedure(p) = reply.intent {
            let n = Normalized::new(&text);
            let s = n.as_str();
            let tokens: Vec<&str> = s.split(' ').collect();
            let mut grams = Vec::new();
            for i in 0..tokens.len() {
                for len in 1..=3 {
                    if i + len <= tokens.len() {
                        grams.push(tokens[i..i + len].join(" "));
                    }
                }
            }
            // A gram whose first word carries an Arabic prefix is looked up bare too (والبطاقه → بطاقه).
            let bare = |g: &String| -> Vec<String> {
                std::iter::once(0).chain(clara::kb::normalize::arabic_prefixes(g)).map(|skip| g[skip..].to_string()).collect()
            };
            let vocab = grams.iter().flat_map(bare).any(|g| kb::TERMS.word(&g).is_some_and(|t| t.procedure == Some(p)))
                || tokens.iter().any(|t| stem_prefixes_for_test(t).any(|pre| kb::TERMS.stem(pre).is_some_and(|e| e.procedure == Some(p))));
            // Or the same under the spelling folds (`kb::spelling`).
            let folded = grams.iter().filter_map(|g| fold_key(g)).any(|g| kb::TERMS_FOLDED.word(&g).is_some_and(|t| t.procedure == Some(p)))
                || tokens.iter().filter_map(|t| fold_key(t)).any(|t| stem_prefixes_for_test(&t).any(|pre| kb::TERMS_FOLDED.stem(pre).is_some_and(|e| e.procedure == Some(p))));
            let digit = matches!(s, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8");
            let faq = kb::faq(s).is_some();
            prop_assert!(vocab || folded || digit || faq, "{:?} → {:?} with no vocabulary", text, p);
        }
    }

    /// Every explicit language is honoured, whatever the text.
    #[test]
    fn explicit_language_is_kept(text in ".{0,80}", i in 0usize..4) {
        let lang = Lang::ALL[i];
        let reply = Responder::default().respond(&text, Some(lang));
        prop_assert_eq!(reply.lang, lang);
        prop_assert_eq!(reply.answer.lang, lang);
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    /// Twilio's body splitter, at WhatsApp's limit and at small ones (many parts, prefixes of
    /// two and three digits): every part fits; a body that fits is one part, unchanged; parts are
    /// numbered `(i/n) ` in order; nothing but whitespace at the cuts is lost, nothing is reordered.
    #[test]
    fn twilio_split(body in "(.{0,80}\n{0,2}){0,20}", limit in prop_oneof![24usize..200, Just(1600usize)]) {
        let parts = clara::outbound::twilio::split_body(&body, limit);
        if body.chars().count() <= limit {
            prop_assert_eq!(&parts, &vec![body.clone()]);
            return Ok(());
        }
        let n = parts.len();
        let mut rejoined = String::new();
        for (i, part) in parts.iter().enumerate() {
            prop_assert!(part.chars().count() <= limit, "{} chars > {}: {:?}", part.chars().count(), limit, part);
            let text = if n > 1 {
                let prefix = format!("({}/{n}) ", i + 1);
                prop_assert!(part.starts_with(&prefix), "{:?} does not start with {:?}", part, prefix);
                &part[prefix.len()..]
            } else {
                part.as_str()
            };
            rejoined.push_str(text);
        }
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(visible(&rejoined), visible(&body));
    }
}

// ---------------------------------------------------------------------------------------------
// `POST /api/chat`, driven through the real router (the handler's module is private to the
// crate): one in-process server on 127.0.0.1:0 for every case, a connection per request.
// ---------------------------------------------------------------------------------------------

/// The server every chat case talks to, and the runtime it runs on.
static CHAT: LazyLock<(tokio::runtime::Runtime, util::Server)> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(util::Server::start(&[]));
    (runtime, server)
});

/// Every compiled answer by its text: the only texts `/api/chat` may answer with.
static ANSWER_BY_TEXT: LazyLock<HashMap<&'static str, Vec<&'static kb::Answer>>> =
    LazyLock::new(|| {
        let mut map: HashMap<&'static str, Vec<&'static kb::Answer>> = HashMap::new();
        for answer in kb::answers() {
            map.entry(answer.text).or_default().push(answer);
        }
        map
    });

/// How the body is framed on the wire.
#[derive(Debug, Clone, Copy)]
enum Framing {
    ContentLength,
    Chunked,
}

/// POSTs `body` to `/api/chat` with `content_type` (no header when `None`).
fn post_chat(content_type: Option<&str>, body: &[u8], framing: Framing) -> util::Response {
    let (runtime, server) = &*CHAT;
    let mut request =
        String::from("POST /api/chat HTTP/1.1\r\nHost: clara.example.org\r\nConnection: close\r\n");
    if let Some(ct) = content_type {
        request.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    let mut bytes = match framing {
        Framing::ContentLength => {
            request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            let mut bytes = request.into_bytes();
            bytes.extend_from_slice(body);
            bytes
        }
        Framing::Chunked => {
            request.push_str("Transfer-Encoding: chunked\r\n\r\n");
            let mut bytes = request.into_bytes();
            for chunk in body.chunks(16 * 1024) {
                bytes.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                bytes.extend_from_slice(chunk);
                bytes.extend_from_slice(b"\r\n");
            }
            bytes
        }
    };
    if matches!(framing, Framing::Chunked) {
        bytes.extend_from_slice(b"0\r\n\r\n");
    }
    runtime.block_on(util::exchange(server.addr, &bytes))
}

/// The reasons a refusal may give (text/plain, one line).
const REASONS: [&str; 6] = [
    "invalid JSON: ",
    "invalid JSON at `",
    "text is empty\n",
    "unknown lang `",
    "body larger than 65536 bytes\n",
    "unsupported content type, expected application/json\n",
];

/// What every `/api/chat` response must be, whatever was sent: a 200 with the documented JSON
/// (a compiled answer, never text derived from the request), or a 4xx with a one-line plain-text
/// reason. Never a 5xx. Returns the JSON of a 200.
fn check_chat(r: &util::Response) -> Result<Option<serde_json::Value>, TestCaseError> {
    match r.status {
        200 => {
            prop_assert_eq!(r.header("content-type"), Some("application/json"));
            let text =
                std::str::from_utf8(&r.body).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let v: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            // Round trip: the body is exactly the serialization of what it parses to.
            prop_assert_eq!(serde_json::to_string(&v).unwrap(), text);
            let obj = v
                .as_object()
                .ok_or_else(|| TestCaseError::fail("not an object"))?;
            let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            keys.sort_unstable();
            prop_assert_eq!(
                keys,
                vec![
                    "answer",
                    "audio_url",
                    "facet",
                    "intent",
                    "lang",
                    "note",
                    "source"
                ]
            );
            let lang = v["lang"]
                .as_str()
                .and_then(Lang::parse)
                .ok_or_else(|| TestCaseError::fail(format!("lang {}", v["lang"])))?;
            let answer = v["answer"]
                .as_str()
                .ok_or_else(|| TestCaseError::fail("answer not a string"))?;
            let compiled = ANSWER_BY_TEXT
                .get(answer)
                .ok_or_else(|| TestCaseError::fail(format!("not a compiled answer: {answer:?}")))?;
            let answer = compiled
                .iter()
                .find(|a| a.lang == lang)
                .ok_or_else(|| TestCaseError::fail(format!("answer not in {lang:?}")))?;
            prop_assert!(
                ["cache", "guardrail", "fallback"].contains(&v["source"].as_str().unwrap_or("")),
                "source {}",
                v["source"]
            );
            let intent = v["intent"].as_str().unwrap_or("");
            prop_assert!(
                ProcedureId::parse(intent).is_some()
                    || ["greeting", "menu", "thanks", "confused", "blocked", "none"]
                        .contains(&intent),
                "intent {}",
                intent
            );
            prop_assert!(
                v["facet"].is_null() || v["facet"].as_str().and_then(Facet::parse).is_some(),
                "facet {}",
                v["facet"]
            );
            let audio = answer.audio().map(|a| format!("/static/cache/{}", a.name));
            prop_assert_eq!(v["audio_url"].as_str(), audio.as_deref());
            Ok(Some(v))
        }
        400 | 413 | 415 => {
            prop_assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
            let reason = r.text();
            prop_assert!(
                REASONS.iter().any(|p| reason.starts_with(p)),
                "unexpected reason {:?}",
                reason
            );
            prop_assert!(reason.ends_with('\n') && reason.len() > 1);
            Ok(None)
        }
        other => Err(TestCaseError::fail(format!("status {other}: {}", r.text()))),
    }
}

/// `lang` as it may appear in a request.
#[derive(Debug, Clone)]
enum LangField {
    Absent,
    Null,
    Known(Lang),
    Text(String),
    /// A JSON value that is not a string (number, bool, array, object).
    Other(serde_json::Value),
}

fn lang_field() -> impl Strategy<Value = LangField> {
    prop_oneof![
        Just(LangField::Absent),
        Just(LangField::Null),
        (0usize..4).prop_map(|i| LangField::Known(Lang::ALL[i])),
        prop_oneof![
            ".{0,6}",
            "[a-zA-Z ]{0,3}",
            Just("ES".to_string()),
            Just(" es".to_string()),
            Just("es\u{0}".to_string())
        ]
        .prop_map(LangField::Text),
        prop_oneof![
            any::<i64>().prop_map(serde_json::Value::from),
            any::<bool>().prop_map(serde_json::Value::from),
            Just(serde_json::json!(["es"])),
            Just(serde_json::json!({"code": "es"})),
        ]
        .prop_map(LangField::Other),
    ]
}

/// Questions: any text, Arabic and bidi controls, C0/C1 controls and markup, real questions,
/// and huge ones (some over the body limit once encoded).
fn question() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ".{0,200}",
        2 => "[\u{0600}-\u{06FF}\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069} ]{0,120}",
        2 => "[\u{0}-\u{1F}\u{7F}-\u{9F}<>&\"'/a-z ]{0,120}",
        1 => prop::sample::select(vec![
            "¿Qué es el IMV?", "comment s'inscrire au padrón ?", "tarjeta sanitaria requisitos",
            "ما هو الحد الأدنى للدخل", "hola", "1", "quiero suicidarme", "<script>alert(1)</script>",
            "", "   ", "\u{200F}\u{202E}",
        ]).prop_map(str::to_string),
        1 => (".{1,4}", 1usize..20_000).prop_map(|(s, n)| s.repeat(n)),
    ]
}

proptest! {
    #![proptest_config(config(8_000))]

    /// Any body at all (random bytes, near-JSON, valid requests with bytes flipped, inserted or
    /// cut), with or without the right content type: a 200 with the documented JSON or a 4xx
    /// with its reason; never a 5xx. A content type other than application/json is a 415.
    #[test]
    fn chat_any_body(
        body in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..512),
            r#"[\{\}\[\]":, a-z0-9\\]{0,64}"#.prop_map(String::into_bytes),
            (".{0,40}", lang_field(), proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 0..4)).prop_map(|(text, lang, edits)| {
                let mut bytes = request_json(&text, &lang).into_bytes();
                for (at, byte, op) in edits {
                    let i = at.index(bytes.len() + 1);
                    match op {
                        0 if i < bytes.len() => bytes[i] = byte,
                        1 => bytes.insert(i, byte),
                        _ if i < bytes.len() => { bytes.remove(i); }
                        _ => {}
                    }
                }
                bytes
            }),
        ],
        content_type in prop_oneof![
            8 => Just(Some("application/json".to_string())),
            1 => Just(Some("Application/JSON; charset=utf-8".to_string())),
            1 => Just(None),
            1 => "[ -~]{0,40}".prop_map(Some),
        ],
    ) {
        let r = post_chat(content_type.as_deref(), &body, Framing::ContentLength);
        check_chat(&r)?;
        let json = content_type.as_deref().is_some_and(|ct| ct.trim().split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"));
        if !json {
            prop_assert_eq!(r.status, 415, "{:?}", content_type);
        } else if r.status == 200 {
            // Only what parses as a request is answered.
            let v: serde_json::Value = serde_json::from_slice(&body).map_err(|e| TestCaseError::fail(format!("answered a body that is not JSON: {e}")))?;
            prop_assert!(v["text"].as_str().is_some_and(|t| !t.trim().is_empty()));
        }
    }

    /// A well-formed request with any text and any `lang`: exactly the outcome the handler
    /// documents. Over 64 KiB encoded → 413; `lang` not a string → 400 naming `lang`; blank
    /// text → 400 `text is empty`; an unknown code → 400 naming it; otherwise a 200 in the
    /// language asked for (or the detected one), with a compiled answer.
    #[test]
    fn chat_valid_request(text in question(), lang in lang_field(), chunked in any::<bool>()) {
        let body = request_json(&text, &lang);
        let framing = if chunked { Framing::Chunked } else { Framing::ContentLength };
        let r = post_chat(Some("application/json"), body.as_bytes(), framing);
        let v = check_chat(&r)?;
        let reason = r.text();
        if body.len() > MAX_BODY {
            prop_assert_eq!((r.status, reason.as_str()), (413, "body larger than 65536 bytes\n"));
        } else if let LangField::Other(_) = lang {
            prop_assert_eq!(r.status, 400);
            prop_assert!(reason.starts_with("invalid JSON at `lang`: invalid type"), "{}", reason);
        } else if text.trim().is_empty() {
            prop_assert_eq!((r.status, reason.as_str()), (400, "text is empty\n"));
        } else if let LangField::Text(code) = &lang && Lang::parse(code).is_none() {
            prop_assert_eq!(r.status, 400);
            // The reason quotes the code: control characters escaped, at most 300 characters.
            let line = reason.strip_suffix('\n').unwrap_or(&reason);
            prop_assert!(line.starts_with("unknown lang `"), "{}", reason);
            prop_assert!(!line.contains(char::is_control), "one line: {:?}", reason);
            prop_assert!(line.chars().count() <= 301, "{}", reason);
            if !code.contains(char::is_control) && code.chars().count() < 200 {
                prop_assert_eq!(reason, format!("unknown lang `{code}` (expected es, fr, en or ar)\n"));
            }
        } else {
            prop_assert_eq!(r.status, 200, "{}", reason);
            let v = v.unwrap();
            let asked = match &lang {
                LangField::Known(l) => Some(*l),
                LangField::Text(code) => Lang::parse(code),
                _ => None,
            };
            if let Some(asked) = asked {
                prop_assert_eq!(v["lang"].as_str(), Some(asked.as_str()));
            }
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Any body over the limit is refused with 413, whether its length is declared or it comes
    /// chunked, and however valid it is.
    #[test]
    fn chat_oversized(extra in 1usize..(2 * MAX_BODY), chunked in any::<bool>(), fill in "[a-zñ ]") {
        let overhead = request_json("", &LangField::Absent).len();
        let text = fill.repeat((MAX_BODY + extra - overhead) / fill.len() + 1);
        let body = request_json(&text, &LangField::Absent);
        prop_assert!(body.len() > MAX_BODY);
        let framing = if chunked { Framing::Chunked } else { Framing::ContentLength };
        let r = post_chat(Some("application/json"), body.as_bytes(), framing);
        let reason = r.text();
        prop_assert_eq!((r.status, reason.as_str()), (413, "body larger than 65536 bytes\n"));
    }
}

/// The request JSON for `text` and `lang`, as a client would send it.
fn request_json(text: &str, lang: &LangField) -> String {
    let mut v = serde_json::json!({ "text": text });
    match lang {
        LangField::Absent => {}
        LangField::Null => v["lang"] = serde_json::Value::Null,
        LangField::Known(l) => v["lang"] = l.as_str().into(),
        LangField::Text(code) => v["lang"] = code.as_str().into(),
        LangField::Other(other) => v["lang"] = other.clone(),
    }
    v.to_string()
}

/// The limit itself: a valid request of exactly `MAX_BODY` bytes is answered.
#[test]
fn chat_body_of_exactly_the_limit_is_answered() {
    let overhead = request_json("", &LangField::Absent).len();
    let mut text = "¿Qué es el IMV? ".repeat((MAX_BODY - overhead) / 20);
    let pad = MAX_BODY - request_json(&text, &LangField::Absent).len();
    text.push_str(&" ".repeat(pad));
    let body = request_json(&text, &LangField::Absent);
    assert_eq!(body.len(), MAX_BODY);
    for framing in [Framing::ContentLength, Framing::Chunked] {
        let r = post_chat(Some("application/json"), body.as_bytes(), framing);
        assert_eq!(r.status, 200, "{framing:?}: {}", r.text());
        assert_eq!(check_chat(&r).unwrap().unwrap()["intent"], "imv");
    }
}
