//! Table-driven routing: question → (intent, facet, language). Each row is a question people
//! ask, written the way they write it: without accents, with typos, mixing languages.

use clara::{Lang, Responder};

/// `(question, intent, facet or "-", lang)`.
const CASES: &[(&str, &str, &str, &str)] = &[
    // Spanish
    ("¿Qué es el IMV?", "imv", "descripcion", "es"),
    ("que es el ingreso minimo vital", "imv", "descripcion", "es"),
    ("hola, ¿qué es el IMV?", "imv", "descripcion", "es"),
    ("¿cuánto tarda el imv?", "imv", "plazos", "es"),
    ("cuanto dinero da el ingreso minimo", "imv", "cuantia", "es"),
    (
        "requisitos empadronamiento",
        "empadronamiento",
        "requisitos",
        "es",
    ),
    (
        "documentos para la tarjeta sanitaria",
        "tarjeta_sanitaria",
        "documentos",
        "es",
    ),
    (
        "necesito ver un médico",
        "tarjeta_sanitaria",
        "descripcion",
        "es",
    ),
    // French
    (
        "comment s'inscrire au padrón",
        "empadronamiento",
        "como_solicitar",
        "fr",
    ),
    (
        "je veux voir un médecin",
        "tarjeta_sanitaria",
        "descripcion",
        "fr",
    ),
    // English
    ("how much is the imv", "imv", "cuantia", "en"),
    // Arabic
    (
        "ما هي البطاقة الصحية",
        "tarjeta_sanitaria",
        "descripcion",
        "ar",
    ),
    // Greeting, menu, digits
    ("hola", "greeting", "-", "es"),
    ("menu", "menu", "-", "es"),
    ("1️⃣", "imv", "descripcion", "es"),
    ("٢", "empadronamiento", "descripcion", "es"),
    ("3", "tarjeta_sanitaria", "descripcion", "es"),
    // Guardrails
    ("quiero suicidarme", "blocked", "-", "es"),
    ("quiero comprar papeles falsos", "blocked", "-", "es"),
    // Out of scope: a miss, never a wrong procedure
    ("what's the weather", "none", "-", "en"),
];

#[test]
fn routing_table() {
    let responder = Responder::default();
    let mut failures = Vec::new();
    for &(question, intent, facet, lang) in CASES {
        let reply = responder.respond(question, None);
        let got = (
            reply.intent.as_str(),
            reply.facet.map_or("-", |f| f.as_str()),
            reply.lang.as_str(),
        );
        if got != (intent, facet, lang) {
            failures.push(format!(
                "{question:?}: expected {intent}/{facet}/{lang}, got {}/{}/{}",
                got.0, got.1, got.2
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} routing cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn explicit_language_wins_over_detection() {
    let reply = Responder::default().respond("¿Qué es el IMV?", Some(Lang::Ar));
    assert_eq!(reply.lang, Lang::Ar);
    assert_eq!(reply.answer.id, "imv.descripcion.ar");
}

#[test]
fn guardrails_can_be_switched_off() {
    let reply = Responder::new(false).respond("quiero suicidarme", None);
    assert_eq!(reply.intent.as_str(), "none");
}
