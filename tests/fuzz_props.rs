//! Property-based fuzzing (proptest, large case counts: the project builds on the stable
//! toolchain, where cargo-fuzz cannot run). Invariants, not only "no panic". Executions and
//! findings are recorded in docs/RELIABILITY.md.

use clara::http::{form, signature, twiml};
use clara::kb::normalize::{Normalized, stem_prefixes_for_test};
use clara::kb::{self, Lang};
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
        let _ = clara::miss::gemini::parse_generate_response(&bytes);
        let body = serde_json::json!({"candidates": [{"content": {"parts": [{"text": text}]}}]}).to_string();
        let parsed = clara::miss::gemini::parse_generate_response(body.as_bytes());
        if !text.trim().is_empty() {
            let parsed = parsed.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(parsed.trim(), text.trim());
        }
    }

    /// Twilio's body splitter: every part fits, nothing is lost but the numbering.
    #[test]
    fn twilio_split(body in "(.{0,80}\n{0,2}){0,60}") {
        for part in clara::miss::twilio::split_body(&body, 1600) {
            prop_assert!(part.chars().count() <= 1600);
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
            let vocab = grams.iter().any(|g| kb::TERMS.word(g).is_some_and(|t| t.procedure == Some(p)))
                || tokens.iter().any(|t| stem_prefixes_for_test(t).any(|pre| kb::TERMS.stem(pre).is_some_and(|e| e.procedure == Some(p))));
            let digit = matches!(s, "1" | "2" | "3");
            let faq = kb::faq(s).is_some();
            prop_assert!(vocab || digit || faq, "{:?} → {:?} with no vocabulary", text, p);
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
