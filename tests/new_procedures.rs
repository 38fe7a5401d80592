//! The five procedures added with the `problemas` facet, end to end in four languages: through the
//! signed webhook (TwiML), the web chat (`/api/chat`) and `clara ask`, each answer compiled, in the
//! person's language, with its official link and, in Arabic, its numbers isolated.

mod util;

use std::process::Command;

use util::{Server, TOKEN, answer_id, message};

/// (question as people write it, the compiled answer it must get).
const CASES: &[(&str, &str)] = &[
    (
        "hola, como pido cita para las huellas del tie",
        "nie_tie.como_solicitar.es",
    ),
    (
        "bonjour, combien coûte la carte de séjour ?",
        "nie_tie.cuantia.fr",
    ),
    (
        "una amiga me habló del arraigo, ¿eso qué es?",
        "arraigo.descripcion.es",
    ),
    (
        "how do I ask for asylum in spain",
        "proteccion_internacional.como_solicitar.en",
    ),
    ("بغيت محامي بلاش", "justicia_gratuita.descripcion.ar"),
    (
        "quels documents pour avoir un avocat gratuit",
        "justicia_gratuita.documentos.fr",
    ),
    (
        "me han denegado el paro, ¿qué hago?",
        "prestacion_desempleo.problemas.es",
    ),
    (
        "how much unemployment benefit will I get",
        "prestacion_desempleo.cuantia.en",
    ),
    (
        "رفضوا طلب اللجوء ديالي، شنو ندير؟",
        "proteccion_internacional.problemas.ar",
    ),
];

#[tokio::test]
async fn the_webhook_answers_the_new_procedures_from_the_compiled_cache() {
    let server = Server::signed().await;
    for (i, &(question, expected)) in CASES.iter().enumerate() {
        let sid = format!("SM{:032}", i + 1);
        let r = server.webhook(&message(&sid, question), Some(TOKEN)).await;
        assert_eq!(r.status, 200, "{question}: {}", r.text());
        assert_eq!(answer_id(&r.text()), expected, "{question}");
    }
}

#[tokio::test]
async fn the_web_chat_answers_them_too() {
    let server = Server::start(&[]).await;
    for &(question, expected) in CASES {
        let r = server.chat(&serde_json::json!({ "text": question })).await;
        assert_eq!(r.status, 200, "{question}: {}", r.text());
        let reply = r.json();
        let id = format!(
            "{}.{}.{}",
            reply["intent"].as_str().unwrap_or_default(),
            reply["facet"].as_str().unwrap_or_default(),
            reply["lang"].as_str().unwrap_or_default()
        );
        assert_eq!(id, expected, "{question}");
        let text = reply["answer"].as_str().unwrap_or_default();
        assert_eq!(
            text,
            clara::kb::answer_by_id(expected).unwrap().text,
            "{question}"
        );
    }
}

#[test]
fn clara_ask_answers_them_offline() {
    for &(question, expected) in CASES {
        let out = Command::new(env!("CARGO_BIN_EXE_clara"))
            .args(["ask", "--json", question])
            .output()
            .unwrap();
        assert!(out.status.success(), "{question}");
        let reply: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let answer = clara::kb::answer_by_id(expected).unwrap();
        assert_eq!(reply["answer"], answer.text, "{question}");
        if expected.ends_with(".ar") {
            assert!(
                answer.text.contains("\u{2066}https://"),
                "link isolated: {}",
                answer.text
            );
        }
    }
}

/// A victim of gender violence who asks who gets free legal aid must not read only the income
/// limits: the law (Ley 1/1996, art. 2 g) grants it to them whatever their income, and the
/// requirements say so in every language, where a victim would ask.
#[test]
fn free_legal_aid_requirements_say_victims_need_no_income_limit() {
    for (id, words) in [
        (
            "justicia_gratuita.requisitos.es",
            "víctimas de violencia de género",
        ),
        (
            "justicia_gratuita.requisitos.fr",
            "victimes de violence de genre",
        ),
        (
            "justicia_gratuita.requisitos.en",
            "victims of gender violence",
        ),
        ("justicia_gratuita.requisitos.ar", "لضحايا العنف ضد المرأة"),
    ] {
        let answer = clara::kb::answer_by_id(id).unwrap();
        assert!(answer.text.contains(words), "{id}: {}", answer.text);
    }
    let reply = clara::Responder::default().respond(
        "soy victima de violencia de genero, tengo derecho a abogado gratis?",
        None,
    );
    assert_eq!(reply.answer.id, "justicia_gratuita.requisitos.es");
}

/// "Can I work with the red card?" is the question asylum seekers ask most, and its yes-or-no
/// shapes name no part: they get the description, which says when (6 months, details under the
/// deadlines), in every language.
#[test]
fn asylum_description_says_when_an_applicant_may_work() {
    for (words, id, says) in [
        (
            "¿puedo trabajar con la tarjeta roja?",
            "proteccion_internacional.descripcion.es",
            "Trabajar: a los 6 meses",
        ),
        (
            "soy solicitante de asilo, puedo trabajar?",
            "proteccion_internacional.descripcion.es",
            "Trabajar: a los 6 meses",
        ),
        (
            "est-ce que je peux travailler avec la carte rouge ?",
            "proteccion_internacional.descripcion.fr",
            "Travailler\u{202f}: 6 mois",
        ),
        (
            "can I work with the red card?",
            "proteccion_internacional.descripcion.en",
            "Work: 6 months",
        ),
    ] {
        let reply = clara::Responder::default().respond(words, None);
        assert_eq!(reply.answer.id, id, "{words}");
        assert!(
            reply.answer.text.contains(says),
            "{words}: {}",
            reply.answer.text
        );
    }
    let arabic = clara::kb::answer_by_id("proteccion_internacional.descripcion.ar").unwrap();
    assert!(
        arabic.text.contains("العمل: بعد \u{2066}6\u{2069} أشهر"),
        "{}",
        arabic.text
    );
}
