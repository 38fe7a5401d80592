//! Every procedure × facet × language is reachable by a question: for each language, a question
//! per facet ("¿qué documentos necesito para …?") is asked about each procedure, named the way
//! people name it ("el paro", "un abogado gratis"), and must get that procedure's facet, in that
//! language. The hand-written, noisier messages are in `data/evals` (`clara eval`).

use clara::Responder;
use clara::kb::{self, Facet, Lang, ProcedureId};

/// How people name each procedure, in `ProcedureId::ALL` order.
fn names(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Es => [
            "el ingreso minimo vital",
            "el padron",
            "la tarjeta sanitaria",
            "el nie",
            "el arraigo",
            "el asilo",
            "un abogado gratis",
            "el paro",
        ],
        Lang::Fr => [
            "le revenu minimum vital",
            "le padron",
            "la carte sanitaire",
            "le nie",
            "l'arraigo",
            "l'asile",
            "un avocat gratuit",
            "le chomage",
        ],
        Lang::En => [
            "the minimum income",
            "the padron",
            "the health card",
            "the nie",
            "arraigo",
            "asylum",
            "a free lawyer",
            "unemployment benefit",
        ],
        Lang::Ar => [
            "الحد الأدنى للدخل",
            "التسجيل في البلدية",
            "البطاقة الصحية",
            "النيي",
            "الأرايغو",
            "اللجوء",
            "محامي مجاني",
            "الشوماج",
        ],
    }
}

/// A question asking for `facet` about `name`.
fn question(lang: Lang, facet: Facet, name: &str) -> String {
    match (lang, facet) {
        (Lang::Es, Facet::Descripcion) => format!("que es {name}"),
        (Lang::Es, Facet::Requisitos) => format!("que requisitos piden para {name}"),
        (Lang::Es, Facet::Documentos) => format!("que documentos necesito para {name}"),
        (Lang::Es, Facet::ComoSolicitar) => format!("como se pide {name}"),
        (Lang::Es, Facet::Plazos) => format!("cuanto tarda {name}"),
        (Lang::Es, Facet::Cuantia) => format!("cuanto dinero es {name}"),
        (Lang::Es, Facet::Problemas) => format!("me han denegado {name}, que hago"),
        (Lang::Fr, Facet::Descripcion) => format!("c'est quoi {name}"),
        (Lang::Fr, Facet::Requisitos) => format!("quelles sont les conditions pour {name}"),
        (Lang::Fr, Facet::Documentos) => format!("quels documents pour {name}"),
        (Lang::Fr, Facet::ComoSolicitar) => format!("comment faire la demande pour {name}"),
        (Lang::Fr, Facet::Plazos) => format!("combien de temps pour {name}"),
        (Lang::Fr, Facet::Cuantia) => format!("quel est le montant pour {name}"),
        (Lang::Fr, Facet::Problemas) => format!("on m'a refuse {name}, j'ai un probleme"),
        (Lang::En, Facet::Descripcion) => format!("what is {name}"),
        (Lang::En, Facet::Requisitos) => format!("what are the requirements for {name}"),
        (Lang::En, Facet::Documentos) => format!("which documents do I need for {name}"),
        (Lang::En, Facet::ComoSolicitar) => format!("how do I apply for {name}"),
        (Lang::En, Facet::Plazos) => format!("how long does {name} take"),
        (Lang::En, Facet::Cuantia) => format!("how much money is {name}"),
        (Lang::En, Facet::Problemas) => format!("they refused {name}, I have a problem"),
        (Lang::Ar, Facet::Descripcion) => format!("ما هو {name}"),
        (Lang::Ar, Facet::Requisitos) => format!("ما هي شروط {name}"),
        (Lang::Ar, Facet::Documentos) => format!("ما هي الوثائق المطلوبة {}", li(name)),
        (Lang::Ar, Facet::ComoSolicitar) => format!("كيف أطلب {name}"),
        (Lang::Ar, Facet::Plazos) => format!("كم من الوقت يستغرق {name}"),
        (Lang::Ar, Facet::Cuantia) => format!("كم المبلغ في {name}"),
        (Lang::Ar, Facet::Problemas) => format!("رفضوا {name}، عندي مشكلة"),
    }
}

/// Arabic "for": لـ written onto the word; with the article, its alif goes (للبطاقة), and before
/// a lam only one more lam is written (للجوء).
fn li(name: &str) -> String {
    match name.strip_prefix("ال") {
        Some(rest) if rest.starts_with('ل') => format!("ل{rest}"),
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{name}"),
    }
}

#[test]
fn every_procedure_facet_and_language_is_reachable() {
    let responder = Responder::default();
    let mut failures = Vec::new();
    let mut asked = 0;
    for &lang in Lang::ALL {
        for (&procedure, name) in ProcedureId::ALL.iter().zip(names(lang)) {
            for &facet in Facet::ALL {
                if kb::procedure_answer(procedure, facet, lang).is_none() {
                    continue;
                }
                asked += 1;
                let q = question(lang, facet, name);
                let reply = responder.respond(&q, None);
                let expected = format!("{procedure}.{facet}.{lang}");
                if reply.answer.id != expected {
                    failures.push(format!(
                        "{q:?}: expected {expected}, got {}",
                        reply.answer.id
                    ));
                }
            }
        }
    }
    assert_eq!(
        asked,
        (8 * 6 + 3) * 4,
        "every compiled procedure answer is asked for"
    );
    assert!(
        failures.is_empty(),
        "{} of {asked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_menu_numbers_the_eight_procedures_in_order() {
    let responder = Responder::default();
    for (n, &procedure) in (1u8..).zip(ProcedureId::ALL) {
        let reply = responder.respond(&n.to_string(), None);
        assert_eq!(
            reply.answer.id,
            format!("{procedure}.descripcion.es"),
            "menu number {n}"
        );
    }
    for &lang in Lang::ALL {
        let menu = kb::curated(kb::Curated::Menu, lang).text;
        for n in 1..=8 {
            assert!(
                menu.contains(&n.to_string()),
                "{lang} menu lists {n}: {menu}"
            );
        }
    }
}
