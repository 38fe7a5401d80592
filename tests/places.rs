//! Issue 13: a place outside the Comunidad de Madrid named in a message is recognised, and a
//! procedure answer to it is followed by a short note (offices and some rules differ there), in
//! the answer's language, on WhatsApp (a second TwiML `<Message>`), in the web chat and in
//! `clara ask`. Guardrail answers never get it.

mod util;

use std::process::Command;

use clara::kb::{self, Curated};
use clara::{Intent, Lang, Region, Responder};
use util::{Server, TOKEN, answer_id, message};

fn respond(text: &str) -> clara::Reply {
    Responder::default().respond(text, None)
}

/// (message, language of the answer, region named).
const ELSEWHERE: &[(&str, Lang, Region)] = &[
    ("como me empadrono en barcelona", Lang::Es, Region::Cataluna),
    (
        "vivo en Sevilla, ¿qué papeles necesito para el IMV?",
        Lang::Es,
        Region::Andalucia,
    ),
    (
        "je vis à Séville, comment avoir la carte sanitaire ?",
        Lang::Fr,
        Region::Andalucia,
    ),
    (
        "I live in Almería, how do I apply for the minimum income?",
        Lang::En,
        Region::Andalucia,
    ),
    ("كيف أسجل في البلدية في برشلونة", Lang::Ar, Region::Cataluna),
    // The prefix written onto the name: "in Barcelona".
    ("كيف أسجل في البلدية ببرشلونة", Lang::Ar, Region::Cataluna),
    (
        "como pido el paro en Las Palmas de Gran Canaria",
        Lang::Es,
        Region::Canarias,
    ),
    (
        "empadronamiento en L'Hospitalet",
        Lang::Es,
        Region::Cataluna,
    ),
    (
        "tarjeta sanitaria en santa cruz de tenerife",
        Lang::Es,
        Region::Canarias,
    ),
    ("padron en sebta", Lang::Es, Region::Ceuta),
];

#[test]
fn a_place_outside_madrid_is_recognised_in_four_languages() {
    for &(text, lang, region) in ELSEWHERE {
        let reply = respond(text);
        assert!(
            matches!(reply.intent, Intent::Procedure(_)),
            "{text}: {:?}",
            reply.intent
        );
        assert_eq!(reply.lang, lang, "{text}");
        assert_eq!(reply.elsewhere, Some(region), "{text}");
        let note = reply.note().unwrap_or_else(|| panic!("{text}: no note"));
        assert_eq!(note.lang, lang, "{text}");
        assert!(
            std::ptr::eq(note, kb::Note::Elsewhere.answer(lang)),
            "{text}"
        );
    }
}

#[test]
fn madrid_and_no_place_get_no_note() {
    for text in [
        "vivo en Madrid, como me empadrono",
        "como me empadrono en Móstoles",
        "tarjeta sanitaria en alcala de henares",
        // Madrid's San Sebastián de los Reyes is not San Sebastián (Gipuzkoa).
        "empadronarme en san sebastian de los reyes",
        "como me empadrono",
        "what documents do I need for the IMV",
        "ما هي البطاقة الصحية",
    ] {
        let reply = respond(text);
        assert!(
            matches!(reply.intent, Intent::Procedure(_)),
            "{text}: {:?}",
            reply.intent
        );
        assert_eq!(reply.elsewhere, None, "{text}");
        assert!(reply.note().is_none(), "{text}");
    }
}

#[test]
fn words_left_out_on_purpose_name_no_place() {
    // "León" is a name and a city in Nicaragua; "Santa Cruz" is Bolivia's; "salt" is English.
    for text in [
        "mi hijo León necesita la tarjeta sanitaria",
        "soy de Santa Cruz, como pido el arraigo",
        "can I get the IMV if I have no salt",
    ] {
        assert_eq!(respond(text).elsewhere, None, "{text}");
    }
}

#[test]
fn a_crisis_message_naming_a_place_keeps_its_guardrail_answer_and_no_note() {
    for (text, alone, lang) in [
        (
            "quiero suicidarme en barcelona",
            "quiero suicidarme",
            Lang::Es,
        ),
        (
            "je veux me suicider à Séville",
            "je veux me suicider",
            Lang::Fr,
        ),
    ] {
        let reply = respond(text);
        let without = respond(alone);
        assert!(matches!(reply.intent, Intent::Blocked(_)), "{text}");
        assert!(
            std::ptr::eq(reply.answer, without.answer),
            "{text}: {}",
            reply.answer.id
        );
        assert!(std::ptr::eq(
            reply.answer,
            kb::curated(Curated::GuardrailSelfHarm, lang)
        ));
        assert!(reply.elsewhere.is_some(), "{text}: the place is still seen");
        assert!(reply.note().is_none(), "{text}");
    }
}

#[test]
fn menus_and_greetings_get_no_note() {
    for text in ["hola desde barcelona", "menu sevilla"] {
        let reply = respond(text);
        assert!(
            matches!(reply.intent, Intent::Greeting | Intent::Menu),
            "{text}: {:?}",
            reply.intent
        );
        assert!(reply.note().is_none(), "{text}");
    }
}

/// The Spanish note, as a TwiML `<Body>`.
fn note_body(lang: Lang) -> String {
    format!(
        "<Body>{}</Body>",
        kb::Note::Elsewhere.answer(lang).twiml_body
    )
}

#[tokio::test]
async fn the_webhook_sends_the_answer_then_the_note() {
    let server = Server::signed().await;
    let sid = "SM00000000000000000000000000000013";
    let r = server
        .webhook(&message(sid, "como me empadrono en barcelona"), Some(TOKEN))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let twiml = r.text();
    assert_eq!(answer_id(&twiml), "empadronamiento.como_solicitar.es");
    assert!(twiml.contains(&note_body(Lang::Es)), "{twiml}");
    assert!(
        twiml.contains("Has nombrado un lugar fuera de Madrid"),
        "{twiml}"
    );
    // Two messages, the answer first; well-formed XML.
    assert_eq!(twiml.matches("<Message>").count(), 2, "{twiml}");
    assert!(twiml.find("empadron").unwrap() < twiml.find("fuera de Madrid").unwrap());
    let mut reader = quick_xml::Reader::from_str(&twiml);
    while !matches!(
        reader.read_event().expect("well-formed TwiML"),
        quick_xml::events::Event::Eof
    ) {}

    // Twilio's retry gets exactly the same response, note included.
    let again = server
        .webhook(&message(sid, "como me empadrono en barcelona"), Some(TOKEN))
        .await;
    assert_eq!(again.text(), twiml);

    // Madrid: one message, no note.
    let r = server
        .webhook(
            &message(
                "SM00000000000000000000000000000014",
                "como me empadrono en madrid",
            ),
            Some(TOKEN),
        )
        .await;
    assert_eq!(answer_id(&r.text()), "empadronamiento.como_solicitar.es");
    assert_eq!(r.text().matches("<Message>").count(), 1, "{}", r.text());

    // A crisis naming a place: the guardrail answer alone.
    let r = server
        .webhook(
            &message(
                "SM00000000000000000000000000000015",
                "quiero suicidarme en barcelona",
            ),
            Some(TOKEN),
        )
        .await;
    assert_eq!(answer_id(&r.text()), "guardrail_self_harm.es");
    assert!(!r.text().contains(&note_body(Lang::Es)), "{}", r.text());
    assert_eq!(r.text().matches("<Message>").count(), 1);
    server.stop().await;
}

#[tokio::test]
async fn the_web_chat_returns_the_note() {
    let server = Server::start(&[]).await;
    for (text, expected) in [
        (
            "como me empadrono en barcelona",
            Some(kb::Note::Elsewhere.answer(Lang::Es).text),
        ),
        (
            "كيف أسجل في البلدية في برشلونة",
            Some(kb::Note::Elsewhere.answer(Lang::Ar).text),
        ),
        ("como me empadrono en madrid", None),
        ("quiero suicidarme en barcelona", None),
    ] {
        let r = server.chat(&serde_json::json!({ "text": text })).await;
        assert_eq!(r.status, 200, "{text}: {}", r.text());
        let reply = r.json();
        assert_eq!(reply["note"].as_str(), expected, "{text}");
    }
    let r = server
        .chat(&serde_json::json!({"text": "como me empadrono en barcelona"}))
        .await;
    assert_eq!(
        r.json()["answer"].as_str(),
        Some(
            kb::answer_by_id("empadronamiento.como_solicitar.es")
                .unwrap()
                .text
        )
    );
    server.stop().await;
}

#[test]
fn clara_ask_prints_the_note() {
    let out = Command::new(env!("CARGO_BIN_EXE_clara"))
        .args([
            "ask",
            "je vis à Séville, comment avoir la carte sanitaire ?",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.trim_end()
            .ends_with(kb::Note::Elsewhere.answer(Lang::Fr).text),
        "{text}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_clara"))
        .args(["ask", "--json", "como me empadrono en barcelona"])
        .output()
        .unwrap();
    let reply: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reply["note"], kb::Note::Elsewhere.answer(Lang::Es).text);
    assert_eq!(reply["elsewhere"], "cataluna");
}
