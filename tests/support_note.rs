//! A message that speaks of violence against the person without an alarm ("soy víctima de
//! violencia de género, ¿puedo pedir el IMV?") gets the answer it asked for, followed by the
//! 016 line in its language: on WhatsApp (a second TwiML `<Message>`), in the web chat and in
//! `clara ask`. A message that is an alarm gets the guardrail's answer, which gives 016 itself,
//! and no note. An account of violence that already happened (`relatos`: "me violaron", "was
//! raped") is an alarm alone, and gets the procedure with the 016 line when the message names one.
//! The note gives 112 and 024 too, and also follows a message that tells of danger in words too
//! common to be an alarm ("hay sangre en el suelo", "he has a knife"): a danger the lexicon does
//! not hold may be told next to a question about papers, which the cache would answer alone.

mod util;

use clara::kb::GuardCategory;
use clara::kb::{self, Note};
use clara::respond::Context;
use clara::{Intent, Lang, Responder};
use util::{Server, TOKEN, answer_id, message};

fn respond(text: &str) -> clara::Reply {
    Responder::default().respond(text, None)
}

/// (message, language of the answer, procedure answered).
const SPEAKS_OF_VIOLENCE: &[(&str, Lang, &str)] = &[
    (
        "soy víctima de violencia de género, ¿puedo pedir el IMV?",
        Lang::Es,
        "imv",
    ),
    (
        "tengo una orden de alejamiento, ¿cómo me empadrono?",
        Lang::Es,
        "empadronamiento",
    ),
    (
        "je suis victime de violences conjugales, comment avoir le revenu minimum vital ?",
        Lang::Fr,
        "imv",
    ),
    (
        "I am a victim of domestic violence, can I get the minimum income?",
        Lang::En,
        "imv",
    ),
    ("أنا ضحية العنف، كيف أحصل على الدخل الأدنى", Lang::Ar, "imv"),
    // Past persecution told to ask for asylum: the procedure, not an alarm, and the 016 line.
    (
        "¿puedo pedir asilo por matrimonio forzado?",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "fui víctima de trata, ¿puedo pedir asilo?",
        Lang::Es,
        "proteccion_internacional",
    ),
];

/// Asserts that `text` gets `procedure`'s answer in `lang`, followed by the danger note (112, 024
/// and 016) in the same language.
fn assert_procedure_then_the_danger_lines(text: &str, lang: Lang, procedure: &str) {
    let reply = respond(text);
    match reply.intent {
        Intent::Procedure(p) => assert_eq!(p.as_str(), procedure, "{text}"),
        other => panic!("{text}: {other:?}, not the procedure asked about"),
    }
    assert_eq!(reply.lang, lang, "{text}");
    assert_eq!(reply.note_kind(), Some(Note::Support), "{text}");
    let note = reply.note().expect("a note");
    assert_eq!(note.lang, lang, "{text}");
    for line in ["112", "024", "016"] {
        assert!(note.text.contains(line), "{text}: {}", note.text);
    }
}

/// Danger told next to a question about papers, in words no crisis term holds: (message,
/// language, procedure answered).
const TELLS_OF_DANGER: &[(&str, Lang, &str)] = &[
    (
        "hay sangre en el suelo de la habitacion, que papeles piden para el padron?",
        Lang::Es,
        "empadronamiento",
    ),
    (
        "tengo una navaja debajo de la almohada por si acaso, como pido el IMV?",
        Lang::Es,
        "imv",
    ),
    (
        "il y a une arme dans la maison, quels documents pour le padron ?",
        Lang::Fr,
        "empadronamiento",
    ),
    (
        "he has a knife in the kitchen, what documents for the IMV?",
        Lang::En,
        "imv",
    ),
    (
        "عندو موس فالدار، شنو الوراق ديال البادرون؟",
        Lang::Ar,
        "empadronamiento",
    ),
];

#[test]
fn danger_told_next_to_a_question_about_papers_gets_the_answer_and_the_danger_lines() {
    for &(text, lang, procedure) in TELLS_OF_DANGER {
        assert_procedure_then_the_danger_lines(text, lang, procedure);
    }
    // Told with a greeting and a question that names no procedure, it gets the greeting (the
    // list of procedures) and the danger lines after it.
    let greeted = respond("hola, hay sangre, que papeles necesito?");
    assert_eq!(greeted.intent, Intent::Greeting);
    assert_eq!(greeted.note_kind(), Some(clara::kb::Note::Support));
    // A figure of speech with no word of danger gets the answer alone.
    for text in [
        "me muero de ganas de tener los papeles, como pido el arraigo?",
        "ras-le-bol, c'est quoi le padron ?",
    ] {
        let reply = respond(text);
        assert!(matches!(reply.intent, Intent::Procedure(_)), "{text}");
        assert_eq!(reply.note_kind(), None, "{text}");
    }
}

#[test]
fn the_answer_is_followed_by_the_016_line_in_its_language() {
    for &(text, lang, procedure) in SPEAKS_OF_VIOLENCE {
        assert_procedure_then_the_danger_lines(text, lang, procedure);
    }
}

#[test]
fn an_alarm_gets_the_guardrail_alone_and_a_plain_question_no_note() {
    for text in ["mi marido me pega", "he hits me, I am scared"] {
        let reply = respond(text);
        assert!(matches!(reply.intent, Intent::Blocked(_)), "{text}");
        assert!(reply.answer.text.contains("016"), "{text}");
        assert_eq!(reply.note_kind(), None, "{text}");
    }
    for text in ["¿Qué es el IMV?", "comment avoir la carte sanitaire ?"] {
        assert_eq!(respond(text).note_kind(), None, "{text}");
    }
}

#[test]
fn the_016_line_comes_before_the_note_about_a_place_and_after_any_answer() {
    // Outside Madrid too: 016 is a national line, and one note is said at most.
    let reply = respond("soy víctima de violencia y vivo en Sevilla, ¿cómo pido el IMV?");
    assert!(reply.elsewhere.is_some());
    assert_eq!(reply.note_kind(), Some(Note::Support));
    // Not only after a procedure answer: the greeting carries it too.
    let reply = respond("hola, hay sangre");
    assert_eq!(reply.intent, Intent::Greeting);
    assert!(!reply.answer.emergency_lines);
    assert_eq!(reply.note_kind(), Some(Note::Support));
    // A miss's answer opens with the emergency lines itself (as do the acknowledgement and the
    // other templates sent instead of an answer): a note would only repeat them.
    let reply = respond("soy víctima de violencia, ¿qué hago?");
    assert!(!matches!(reply.intent, Intent::Blocked(_)));
    assert!(reply.speaks_of_danger());
    assert!(reply.answer.emergency_lines, "{}", reply.answer.id);
    assert_eq!(reply.note_kind(), None);
    // "Forget me" is answered alone: someone erasing the conversation may fear it being read.
    let reply = respond("soy víctima de violencia, borra mis datos");
    assert_eq!(reply.intent, Intent::Forget);
    assert_eq!(reply.note_kind(), None);
}

#[tokio::test]
async fn the_webhook_sends_the_answer_then_the_016_line_and_a_retry_gets_the_same() {
    let server = Server::signed().await;
    let sid = "SM00000000000000000000000000000016";
    let text = "soy víctima de violencia de género, ¿puedo pedir el IMV?";
    let r = server.webhook(&message(sid, text), Some(TOKEN)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let twiml = r.text();
    assert!(answer_id(&twiml).starts_with("imv."), "{twiml}");
    let note = format!("<Body>{}</Body>", Note::Support.answer(Lang::Es).twiml_body);
    assert!(twiml.contains(&note), "{twiml}");
    assert_eq!(twiml.matches("<Message>").count(), 2, "{twiml}");
    assert!(twiml.find("Ingreso").unwrap() < twiml.find("016").unwrap());
    let mut reader = quick_xml::Reader::from_str(&twiml);
    while !matches!(
        reader.read_event().expect("well-formed TwiML"),
        quick_xml::events::Event::Eof
    ) {}
    let again = server.webhook(&message(sid, text), Some(TOKEN)).await;
    assert_eq!(again.text(), twiml);
    server.stop().await;
}

#[tokio::test]
async fn the_web_chat_returns_the_016_line() {
    let server = Server::start(&[]).await;
    for (text, expected) in [
        (
            "I am a victim of domestic violence, can I get the minimum income?",
            Some(Note::Support.answer(Lang::En).text),
        ),
        ("he hits me", None),
    ] {
        let r = server.chat(&serde_json::json!({ "text": text })).await;
        assert_eq!(r.status, 200, "{text}: {}", r.text());
        assert_eq!(r.json()["note"].as_str(), expected, "{text}");
    }
    server.stop().await;
}

#[test]
fn clara_ask_prints_the_016_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clara"))
        .args(["ask", "tengo una orden de alejamiento, ¿cómo me empadrono?"])
        .output()
        .expect("clara ask runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(kb::Note::Support.answer(Lang::Es).text),
        "{text}"
    );
}

/// Past violence told to ask about a procedure: (message, language, procedure answered).
const ACCOUNTS_WITH_A_PROCEDURE: &[(&str, Lang, &str)] = &[
    // Threats told in the past by several people: how persecution is told.
    (
        "they threatened to kill me in my country, how do I apply for asylum?",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "ils m'ont menacé de mort dans mon pays, comment demander l'asile",
        Lang::Fr,
        "proteccion_internacional",
    ),
    (
        "drbouni f bladi, kifach ntalab l asile",
        Lang::Ar,
        "proteccion_internacional",
    ),
    // A question mark is a question too.
    (
        "me torturaron en mi país, ¿asilo?",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "was beaten by the police back home, asylum?",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "me violaron en mi pais, como pido asilo",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "nos atacaron en mi pueblo y me pegaron, ¿cómo pido un abogado gratis?",
        Lang::Es,
        "justicia_gratuita",
    ),
    ("mi marido me pegaba, ¿cómo pido el IMV?", Lang::Es, "imv"),
    (
        "j'ai été violée dans mon pays, comment demander l'asile ?",
        Lang::Fr,
        "proteccion_internacional",
    ),
    (
        "ils m'ont violée, comment demander l'asile",
        Lang::Fr,
        "proteccion_internacional",
    ),
    (
        "I was raped in my country, how do I ask for asylum?",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "they raped me back home, can I get asylum in Spain",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "تعرضت للاغتصاب في بلادي، كيف أطلب اللجوء؟",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "drbouni f bladi, kifach ndir l asile",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "me torturaron en mi país, ¿cómo pido asilo?",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "fui torturada en mi pais, ¿cómo pido un abogado gratis?",
        Lang::Es,
        "justicia_gratuita",
    ),
    (
        "me dieron una paliza en la frontera, como pido asilo",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "mis suegros me pegaban, ¿cómo me empadrono?",
        Lang::Es,
        "empadronamiento",
    ),
    (
        "fui secuestrada en Libia, ¿cómo pido asilo?",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "he sido maltratada, ¿puedo cobrar el paro?",
        Lang::Es,
        "prestacion_desempleo",
    ),
    (
        "me maltrataban en casa, como saco la tarjeta sanitaria",
        Lang::Es,
        "tarjeta_sanitaria",
    ),
    (
        "mon mari me battait, comment demander l'IMV ?",
        Lang::Fr,
        "imv",
    ),
    (
        "j'ai été torturé dans mon pays, comment demander l'asile",
        Lang::Fr,
        "proteccion_internacional",
    ),
    (
        "ils m'ont frappé à la frontière, comment avoir la carte sanitaire",
        Lang::Fr,
        "tarjeta_sanitaria",
    ),
    (
        "ils me frappaient au pays, comment avoir un avocat gratuit",
        Lang::Fr,
        "justicia_gratuita",
    ),
    (
        "j'ai été battue, comment m'inscrire au padron",
        Lang::Fr,
        "empadronamiento",
    ),
    (
        "I was tortured in my country, how do I ask for asylum?",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "my husband used to beat me, how do I get the minimum income?",
        Lang::En,
        "imv",
    ),
    (
        "they attacked me on the way, how do I get a health card",
        Lang::En,
        "tarjeta_sanitaria",
    ),
    (
        "I was sexually assaulted in Libya, can I get asylum",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "تعرضت للتعذيب في بلدي، كيف أطلب اللجوء؟",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "عذبوني في السجن، كيف أطلب اللجوء",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "كانو كيضربوني فبلادي، كيفاش نطلب اللجوء",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "راجلي كان كيضربني، كيفاش ندير التسجيل فالبلدية",
        Lang::Ar,
        "empadronamiento",
    ),
    (
        "kano kaydrbouni f bladi, kifach ndir l asile",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "3adbouni f l7bs, wach n9der ntalab l asile",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "تم اغتصابي في ليبيا، كيف أحصل على محامي مجاني",
        Lang::Ar,
        "justicia_gratuita",
    ),
];

#[test]
fn an_account_of_past_violence_with_a_procedure_gets_the_procedure_and_the_016_line() {
    for &(text, lang, procedure) in ACCOUNTS_WITH_A_PROCEDURE {
        assert_procedure_then_the_danger_lines(text, lang, procedure);
    }
}

/// Past violence told to ask for a procedure by wanting it, without a question: (message,
/// language, procedure answered). Each was a violence alarm alone before `peticiones`.
const ACCOUNTS_WITH_A_REQUEST: &[(&str, Lang, &str)] = &[
    (
        "me violaron en mi pais y quiero pedir asilo",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "me pegaron en mi pais, quiero pedir asilo",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "me violaron en mi pais quiero asilo",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "en mi pais me torturaron y necesito pedir proteccion internacional",
        Lang::Es,
        "proteccion_internacional",
    ),
    (
        "ils m ont frappé au pays je veux demander l asile",
        Lang::Fr,
        "proteccion_internacional",
    ),
    (
        "i was raped in my country and i want to apply for asylum",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "i was raped back home, i need asylum",
        Lang::En,
        "proteccion_internacional",
    ),
    (
        "my husband used to beat me and i want to apply for the imv",
        Lang::En,
        "imv",
    ),
    (
        "drbouni f bladi bghit ndir lasil",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "drbouni f bladi o bghit ntleb lasil",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "تعرضت للاغتصاب فبلادي وبغيت نطلب اللجوء",
        Lang::Ar,
        "proteccion_internacional",
    ),
    (
        "تعرضت للاغتصاب في بلدي وأريد طلب اللجوء",
        Lang::Ar,
        "proteccion_internacional",
    ),
];

#[test]
fn an_account_of_past_violence_that_asks_for_a_procedure_gets_it_and_the_016_line() {
    for &(text, lang, procedure) in ACCOUNTS_WITH_A_REQUEST {
        assert_procedure_then_the_danger_lines(text, lang, procedure);
    }
}

#[test]
fn wanting_something_else_after_an_account_is_still_an_alarm() {
    // The want is for help, a complaint or a visit, not for the procedure the message names.
    for text in [
        "me violaron en el centro de salud y quiero pedir ayuda",
        "me violaron y quiero ir al centro de salud",
        "me violaron, quiero denunciar",
        "me pegaron cuando fui a pedir el paro",
        "I was raped at the refugee centre and I want to go home",
    ] {
        let reply = respond(text);
        assert!(
            matches!(reply.intent, Intent::Blocked(GuardCategory::Violence)),
            "{text}: {:?}",
            reply.intent
        );
    }
}

#[test]
fn an_account_alone_or_with_another_alarm_is_still_an_alarm() {
    let blocked = |text: &str, context: Context| match Responder::default()
        .respond_in(text, None, context)
        .intent
    {
        Intent::Blocked(category) => category,
        other => panic!("{text}: {other:?}, not an alarm"),
    };
    // Alone: no question to answer, the crisis lines.
    for text in [
        "me violaron",
        "I was raped",
        "j'ai été violée",
        "تعرضت للاغتصاب",
    ] {
        assert_eq!(blocked(text, Context::default()), GuardCategory::Violence);
    }
    // The procedure being discussed is not enough: the message itself must name one.
    let asylum = Context {
        lang: Some(Lang::Es),
        procedure: clara::kb::ProcedureId::parse("proteccion_internacional"),
        facet: None,
        other: None,
    };
    assert!(asylum.procedure.is_some());
    assert_eq!(
        blocked("me violaron, que documentos", asylum),
        GuardCategory::Violence
    );
    // A procedure named without a question is a place in the story.
    for text in [
        "me torturaron en mi pais, asilo",
        "me violaron en el centro de salud",
        "me pegaron en la oficina de extranjeria",
        "me atacaron cuando iba a empadronarme",
        "I was raped at the refugee centre",
    ] {
        assert_eq!(
            blocked(text, Context::default()),
            GuardCategory::Violence,
            "{text}"
        );
    }
    // Any other alarm in the message wins over the account.
    for (text, category) in [
        (
            "me violaron y quiero suicidarme, como pido asilo",
            GuardCategory::SelfHarm,
        ),
        (
            "me violaron y mi marido me pega, como pido el imv",
            GuardCategory::Violence,
        ),
        (
            "I was raped and I am bleeding a lot, how do I get asylum",
            GuardCategory::Medical,
        ),
    ] {
        assert_eq!(blocked(text, Context::default()), category, "{text}");
    }
}

#[test]
fn one_persons_recent_act_or_a_threat_with_a_procedure_is_still_an_alarm() {
    // This is how violence at home is told: the crisis lines first, whatever else is asked.
    for text in [
        "mi marido me pega, como pido el imv",
        "mi marido me pegó ayer, ¿cómo me empadrono?",
        "me quieren matar, como pido asilo",
        "he threatened to kill me, how do I apply for asylum",
        "il m'a menacé de mort, comment demander l'asile",
        "my husband raped me, how do I get the IMV",
        "he hit me, how do I get the health card",
        "il me frappe, comment avoir la carte sanitaire",
        "زوجي يضربني كيف أطلب الدخل الأدنى",
        // Present or one person, told in words that look like an account.
        "they hit me every day, how do I get the health card",
        "my brother raped me, how do I get the health card",
        "كيضربوني كل نهار، كيفاش نطلب اللجوء",
        // A passive that names the one who did it, someone close: violence at home.
        "fui violada por mi marido, como pido el imv",
        "he sido maltratada por mi pareja, ¿cómo me empadrono?",
        "I was raped by my husband, how do I get the IMV",
        "j'ai été violée par mon mari, comment demander l'IMV",
        "تعرضت للعنف من طرف زوجي كيف أطلب الدخل الأدنى",
        "تعرضت للعنف الزوجي كيف أطلب الدخل الأدنى",
    ] {
        let reply = respond(text);
        assert!(
            matches!(reply.intent, Intent::Blocked(GuardCategory::Violence)),
            "{text}: {:?}",
            reply.intent
        );
    }
}

#[tokio::test]
async fn the_webhook_answers_an_account_with_the_procedure_then_the_016_line() {
    let server = Server::signed().await;
    let text = "me violaron en mi pais, como pido asilo";
    let r = server
        .webhook(
            &message("SM00000000000000000000000000000017", text),
            Some(TOKEN),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let twiml = r.text();
    assert!(
        answer_id(&twiml).starts_with("proteccion_internacional."),
        "{twiml}"
    );
    let note = format!("<Body>{}</Body>", Note::Support.answer(Lang::Es).twiml_body);
    assert!(twiml.contains(&note), "{twiml}");
    assert_eq!(twiml.matches("<Message>").count(), 2, "{twiml}");
    server.stop().await;
}
