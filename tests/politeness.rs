//! Thanks, "ok" and "I don't understand": messages that ask nothing Clara's topics cover but
//! still need a kind answer. Before, each got the out-of-scope template, which opens with the
//! emergency lines ("gracias" → "🆘 Si estás en peligro: 112 … Lo siento, con esto no puedo
//! ayudarte"), or went to Gemini when it was configured. Now a thanks gets `thanks` (Clara is
//! there for the next question) and not understanding gets `confused` (the voice note, other
//! words, or 010 to talk to a person); the conversation keeps its procedure through both.
//! The guards: a thanks or "no entiendo" around a question or a procedure is that question.

mod answers;
mod util;

use Lang::*;
use answers::assert_intents;
use clara::kb::{Facet, Lang, ProcedureId};
use clara::{Context, Intent, Responder};
use util::{Server, answer_id, message};

/// `(message, language, intent)`: every row got `fallback_generic` before.
#[rustfmt::skip]
const POLITE: &[(&str, Lang, Intent)] = &[
    ("gracias", Es, Intent::Thanks),
    ("Muchas gracias!!", Es, Intent::Thanks),
    ("ok gracias", Es, Intent::Thanks),
    ("muchas gracias por tu ayuda", Es, Intent::Thanks),
    ("vale, gracias señora", Es, Intent::Thanks),
    ("grasias", Es, Intent::Thanks),
    ("gracias por todo, adios", Es, Intent::Thanks),
    ("merci beaucoup", Fr, Intent::Thanks),
    ("d'accord merci", Fr, Intent::Thanks),
    ("merci pour votre aide", Fr, Intent::Thanks),
    ("thank you so much for your help", En, Intent::Thanks),
    ("ok thanks", En, Intent::Thanks),
    ("thx", En, Intent::Thanks),
    ("شكرا جزيلا", Ar, Intent::Thanks),
    ("الله يجازيك بخير", Ar, Intent::Thanks),
    ("choukran bzaf", Ar, Intent::Thanks),
    ("wakha choukran", Ar, Intent::Thanks),
    ("grax", Es, Intent::Thanks),
    ("mercii 🙏", Fr, Intent::Thanks),
    ("ok merci, c'est clair", Fr, Intent::Thanks),
    ("thank u so much", En, Intent::Thanks),
    ("baraka lah fik", Ar, Intent::Thanks),
    ("تبارك الله عليك", Ar, Intent::Thanks),
    ("gracias mi amor dios la bendiga", Es, Intent::Thanks),
    ("jerejef", Fr, Intent::Thanks),
    ("tanks well well", En, Intent::Thanks),
    ("يعطيكي العافية", Ar, Intent::Thanks),
    ("👍", Es, Intent::Thanks),
    ("🙏🏽🙏🏽", Es, Intent::Thanks),
    ("❤️ !", Es, Intent::Thanks),
    ("no entiendo", Es, Intent::Confused),
    ("no entiendo nada", Es, Intent::Confused),
    ("no se leer", Es, Intent::Confused),
    ("ok pero no entiendo", Es, Intent::Confused),
    ("je comprends pas", Fr, Intent::Confused),
    ("j'ai rien compris", Fr, Intent::Confused),
    ("i don't understand", En, Intent::Confused),
    ("sorry i cant read", En, Intent::Confused),
    ("ما فهمتش", Ar, Intent::Confused),
    ("ma fhamt walo", Ar, Intent::Confused),
    ("ma kan3rafch n9ra", Ar, Intent::Confused),
];

/// A thanks or "no entiendo" with a question or a procedure in it is about that.
#[rustfmt::skip]
const NOT_ONLY_POLITE: &[(&str, Lang, Intent)] = &[
    ("gracias, y cuanto tarda el padron", Es, Intent::Procedure(ProcedureId::Empadronamiento)),
    ("no entiendo la carta del imv", Es, Intent::Procedure(ProcedureId::Imv)),
    ("merci, et pour la carte sanitaire ?", Fr, Intent::Procedure(ProcedureId::TarjetaSanitaria)),
    ("thanks, what about the nie", En, Intent::Procedure(ProcedureId::NieTie)),
    ("choukran, w l paro kifach", Ar, Intent::Procedure(ProcedureId::PrestacionDesempleo)),
    // A question Clara's cache cannot answer goes to the miss path, thanks or not.
    ("gracias, y donde puedo comer gratis hoy", Es, Intent::None),
    ("ok i dont understand why my landlord wants more money", En, Intent::None),
    // The crisis lines come first.
    ("no entiendo nada, me quiero morir", Es, Intent::Blocked(clara::kb::GuardCategory::SelfHarm)),
    // A crying face may be distress: the out-of-scope answer opens with the emergency lines.
    ("😭", Es, Intent::None),
    ("👍😢", Es, Intent::None),
    // A greeting keeps its menu.
    ("hola gracias", Es, Intent::Greeting),
];

/// A message that only announces a question ("tengo una pregunta", "j'ai une question",
/// "3andi wa7d so2al") got the out-of-scope template ("con esto no puedo ayudarte"), or went to
/// Gemini: it gets the menu of topics, and the question that follows is answered as usual.
#[rustfmt::skip]
const A_QUESTION_ANNOUNCED: &[(&str, Lang, Intent)] = &[
    ("tengo una pregunta", Es, Intent::Menu),
    ("quería preguntar una cosa", Es, Intent::Menu),
    ("una consulta", Es, Intent::Menu),
    ("me puedes ayudar?", Es, Intent::Menu),
    ("j'ai une question", Fr, Intent::Menu),
    // With a greeting: the greeting, which lists the topics too.
    ("bonjour, une petite question", Fr, Intent::Greeting),
    ("i have a question", En, Intent::Menu),
    ("can you help me?", En, Intent::Menu),
    ("عندي سؤال", Ar, Intent::Menu),
    ("3andi wa7d so2al", Ar, Intent::Menu),
    ("salam bghit nsowlek", Ar, Intent::Greeting),
    // A greeting with a question that names no procedure: the greeting's list asks which one
    // (the part asked waits for it, tests/conversation.rs).
    ("hola buenas, q papeles piden?", Es, Intent::Greeting),
    ("bonjour, comment on fait la demande svp ?", Fr, Intent::Greeting),
    ("good morning, where can i apply for it?", En, Intent::Greeting),
    ("مرحبا، ما هي الشروط المطلوبة؟", Ar, Intent::Greeting),
    // A situation told with a greeting is for the miss path.
    ("salam, ma 3ndich fin nskon", Ar, Intent::None),
    ("hola, llevo tres años aqui sin papeles y trabajo en negro, que puedo hacer", Es, Intent::None),
];

#[rustfmt::skip]
const A_QUESTION_ANNOUNCED_AND_ASKED: &[(&str, Lang, Intent)] = &[
    ("tengo una pregunta sobre el imv", Es, Intent::Procedure(ProcedureId::Imv)),
    ("una pregunta, que documentos necesito para el padron", Es, Intent::Procedure(ProcedureId::Empadronamiento)),
    ("i have a question about asylum", En, Intent::Procedure(ProcedureId::ProteccionInternacional)),
    ("i need help my husband hits me", En, Intent::Blocked(clara::kb::GuardCategory::Violence)),
    // Longer than a greeting or a menu word may be: the miss path answers it.
    ("tengo una duda sobre el alquiler de mi piso", Es, Intent::None),
];

/// Asking for a person got the out-of-scope template: `confused` says how to reach one (010).
/// "Necesito hablar con alguien" may be distress, so it keeps the template with the crisis lines.
#[rustfmt::skip]
const A_PERSON_ASKED_FOR: &[(&str, Lang, Intent)] = &[
    ("quiero hablar con una persona", Es, Intent::Confused),
    ("puedo hablar con un humano?", Es, Intent::Confused),
    ("je veux parler à une personne", Fr, Intent::Confused),
    ("can i talk to a human", En, Intent::Confused),
    ("بغيت نتكلم مع شخص", Ar, Intent::Confused),
    ("bghit nhder m3a insan", Ar, Intent::Confused),
    ("quiero hablar con una persona sobre el imv", Es, Intent::Procedure(ProcedureId::Imv)),
    ("necesito hablar con alguien", Es, Intent::None),
    ("i want to talk to a person, i want to die", En, Intent::Blocked(clara::kb::GuardCategory::SelfHarm)),
];

#[test]
fn a_person_asked_for_gets_the_way_to_reach_one() {
    assert_intents("a person asked for", A_PERSON_ASKED_FOR);
    let confused = clara::kb::curated(clara::kb::Curated::Confused, Es).text;
    assert!(
        confused.contains("Para hablar con una persona: 📞 010"),
        "{confused}"
    );
}

#[test]
fn a_question_announced_gets_the_menu() {
    assert_intents("a question announced", A_QUESTION_ANNOUNCED);
    assert_intents(
        "a question announced and asked",
        A_QUESTION_ANNOUNCED_AND_ASKED,
    );
}

#[test]
fn thanks_and_not_understanding_get_their_own_answer() {
    assert_intents("polite messages", POLITE);
}

#[test]
fn a_question_around_the_politeness_is_the_question() {
    assert_intents("messages with a question", NOT_ONLY_POLITE);
}

#[test]
fn a_shared_ok_keeps_the_conversations_language() {
    // "ok" is in every language's list, so it tells none: the conversation's language answers.
    let responder = Responder::default();
    for lang in Lang::ALL.iter().copied() {
        let context = Context {
            lang: Some(lang),
            procedure: Some(ProcedureId::Imv),
            facet: None,
            other: None,
        };
        let reply = responder.respond_in("ok", None, context);
        assert_eq!((reply.intent, reply.lang), (Intent::Thanks, lang));
        assert_eq!(reply.answer.id, format!("thanks.{lang}"));
    }
}

#[test]
fn a_thanks_in_another_language_keeps_the_conversations_language() {
    // Darija speakers write "merci"; a thanks does not ask for another language.
    let responder = Responder::default();
    for (text, lang, alone) in [
        ("merci", Ar, Fr),
        ("merci beaucoup", Ar, Fr),
        ("thank you", Es, En),
        ("gracias", Fr, Es),
        ("شكرا", Es, Ar),
    ] {
        let context = Context {
            lang: Some(lang),
            procedure: Some(ProcedureId::Imv),
            facet: None,
            other: None,
        };
        let reply = responder.respond_in(text, None, context);
        assert_eq!((reply.intent, reply.lang), (Intent::Thanks, lang), "{text}");
        // Out of a conversation, the words' own language answers.
        let reply = responder.respond_in(text, None, Context::default());
        assert_eq!(
            (reply.intent, reply.lang),
            (Intent::Thanks, alone),
            "{text}"
        );
    }
    // A question in the other language is answered in it, thanks or not.
    let context = Context {
        lang: Some(Ar),
        procedure: Some(ProcedureId::Imv),
        facet: None,
        other: None,
    };
    let reply = responder.respond_in("merci, et le padron c'est quoi", None, context);
    assert_eq!(reply.lang, Fr);
}

#[test]
fn the_answers_say_what_to_do_next_without_the_emergency_header() {
    let responder = Responder::default();
    for lang in Lang::ALL.iter().copied() {
        let thanks = responder.respond_in(
            "ok",
            None,
            Context {
                lang: Some(lang),
                procedure: None,
                facet: None,
                other: None,
            },
        );
        let confused = responder.respond_in("no entiendo", Some(lang), Context::default());
        assert!(
            !thanks.answer.text.contains("112"),
            "{}",
            thanks.answer.text
        );
        assert!(
            !confused.answer.text.contains("112"),
            "{}",
            confused.answer.text
        );
        // The person who cannot follow the text is offered a person to talk to.
        assert!(
            confused.answer.text.contains("010"),
            "{}",
            confused.answer.text
        );
        assert!(thanks.answer.audio().is_some() && confused.answer.audio().is_some());
    }
}

#[tokio::test]
async fn a_thanks_keeps_the_procedure_for_the_next_question() {
    let server = Server::start(&[]).await;
    let says = |sid: &'static str, text: &'static str| {
        let server = &server;
        async move {
            let mut params = message(sid, text);
            params.retain(|(k, _)| *k != "From");
            params.push(("From", "whatsapp:+34600000777"));
            let r = server.webhook(&params, None).await;
            assert_eq!(r.status, 200, "{text}: {}", r.text());
            answer_id(&r.text())
        }
    };
    assert_eq!(
        says("SM00000000000000000000000000000701", "¿Qué es el IMV?").await,
        "imv.descripcion.es"
    );
    assert_eq!(
        says("SM00000000000000000000000000000702", "vale, muchas gracias").await,
        "thanks.es"
    );
    assert_eq!(
        says("SM00000000000000000000000000000703", "no entiendo").await,
        "confused.es"
    );
    // Still the IMV: a part asked alone is about it.
    assert_eq!(
        says(
            "SM00000000000000000000000000000704",
            "¿y qué papeles necesito?"
        )
        .await,
        format!("imv.{}.es", Facet::Documentos)
    );
}
