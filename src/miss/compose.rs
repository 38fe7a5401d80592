//! What Gemini is asked and what is done with its words: the system instruction, the knowledge
//! context read zero-copy from the embedded archive, and the rule-based checks on the way out
//! (official URL present, length capped, the user's language, disclaimer, personal data hidden).

use std::fmt::Write as _;

use crate::kb::{self, Curated, Facet, GuardCategory, Lang, ProcedureId};
use crate::outbound::gemini::StructuredAnswer;

/// Gemini's answer text before the disclaimer, in characters: the whole reply stays within
/// Twilio's 1,600 after the URL line and disclaimer are added.
const MAX_LLM_CHARS: usize = 1200;

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "Spanish",
        Lang::Fr => "French",
        Lang::En => "English",
        Lang::Ar => "Arabic (Modern Standard Arabic, simple words)",
    }
}

/// The system instruction: safety first (a message about danger, or asking for something illegal
/// or dangerous, is answered with one `GUARDRAIL:` line that Clara replaces with its own verified
/// message, see [`guardrail`]); facts only from the context; plain words, at most ~110 words and
/// 5 numbered steps (the length of the compiled answers); always the official source.
pub fn system_instruction(lang: Lang) -> String {
    let procedures = ProcedureId::ALL
        .iter()
        .map(|&p| kb::procedure(p).nombre.get(Lang::Es).as_str())
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "You are Clara, a guide for vulnerable people in Spain (immigrants, refugees, people at risk \
of exclusion) doing paperwork: {procedures}. Rules: 0) Safety first. If the message says that \
someone is in danger now (thoughts of suicide or self-harm; being hit, threatened or abused; a \
medical emergency), or asks for help with something illegal (false papers, buying an appointment, \
fraud) or dangerous (weapons, explosives, breaking into accounts or systems), do not answer it: \
reply with exactly one line, `GUARDRAIL: <category>`, where the category is one of self_harm, \
violence, medical, illegal, dangerous. Clara then sends its verified emergency or refusal message. \
1) Use ONLY facts from the CONTEXT. Never invent amounts, deadlines, phone numbers, addresses or \
URLs. If the context does not answer the question, say so and give the official phone and URL from \
the context. 2) Answer in {language}, in plain words and short sentences, with numbered steps when \
there are steps. 3) At most 110 words and 5 numbered steps. 4) Always name the official source URL \
from the context. 5) Facts the context marks as uncertain must stay marked as uncertain. 6) WhatsApp \
formatting only: *bold* sparingly, no markdown headers, no tables. 7) You give guidance, not legal \
or medical advice.",
        language = language_name(lang)
    )
}

/// The guardrail Gemini named instead of answering (rule 0 of [`system_instruction`]): its first
/// line is `GUARDRAIL: <category>`, forgiving case, emphasis, backticks and `-` for `_`. A name
/// that is not a category still means danger: it gets the medical answer, whose first words are
/// "if it is an emergency, call 112".
pub fn guardrail(text: &str) -> Option<GuardCategory> {
    let line = text.trim_start().lines().next()?;
    let line = line.trim_matches(|c: char| c == '*' || c == '`' || c == '_' || c.is_whitespace());
    let (marker, name) = line.split_once(':')?;
    if !marker.trim_end().eq_ignore_ascii_case("guardrail") {
        return None;
    }
    let name = name
        .trim_matches(|c: char| c == '*' || c == '`' || c.is_whitespace())
        .to_ascii_lowercase()
        .replace(['-', ' '], "_");
    Some(GuardCategory::parse(&name).unwrap_or(GuardCategory::Medical))
}

/// The knowledge context: the guessed procedure's full record in the user's language, or the
/// description of every procedure when there is no guess.
pub fn context(guess: Option<ProcedureId>, lang: Lang) -> String {
    let mut out = String::with_capacity(4096);
    let procedures: Vec<ProcedureId> = match guess {
        Some(p) => vec![p],
        None => ProcedureId::ALL.to_vec(),
    };
    for id in procedures {
        let p = kb::procedure(id);
        let pick = |l: &'static kb::schema::ArchivedLocalized<String>| l.get(lang).as_str();
        let _ = writeln!(out, "## {} ({})", pick(&p.nombre), pick(&p.organismo));
        let _ = writeln!(out, "Official source: {}", p.fuente_url.as_str());
        for url in p.fuentes_extra.iter() {
            let _ = writeln!(out, "Also: {}", url.as_str());
        }
        let _ = writeln!(out, "Phone: {}", p.telefono.as_str());
        let _ = writeln!(out, "Facts verified: {}", p.fecha_verificacion.as_str());
        let facets: &[Facet] = if guess.is_some() {
            Facet::ALL
        } else {
            &[Facet::Descripcion]
        };
        for &facet in facets {
            let Some(texts) = p.facetas.get(facet) else {
                continue;
            };
            let text = texts.get(lang);
            let _ = writeln!(out, "### {facet}\n{}", text.resumen.as_str());
            for step in text.pasos.iter() {
                let _ = writeln!(out, "- {}", step.as_str());
            }
        }
        out.push('\n');
    }
    out
}

/// The user prompt: context, then the question.
pub fn user_prompt(question: &str, guess: Option<ProcedureId>, lang: Lang) -> String {
    format!(
        "CONTEXT:\n{}\nQUESTION ({}):\n{question}",
        context(guess, lang),
        language_name(lang)
    )
}

/// A structured answer as WhatsApp text.
pub fn render_structured(a: &StructuredAnswer) -> String {
    let mut out = a.summary.trim().to_string();
    let steps: Vec<&String> = a.steps.iter().filter(|s| !s.trim().is_empty()).collect();
    if !steps.is_empty() {
        out.push_str("\n\n");
        for (i, step) in steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, step.trim());
        }
    }
    for (marker, items) in [
        ("📄", &a.documents),
        ("⚠️", &a.warnings),
        ("🔗", &a.sources),
    ] {
        let items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
        if !items.is_empty() {
            out.push('\n');
            for item in items {
                let _ = writeln!(out, "{marker} {}", item.trim());
            }
        }
    }
    out.trim_end().to_string()
}

/// Why a generated answer was not sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the answer is empty")]
    Empty,
    #[error("the answer is in {found}, not {expected}")]
    WrongLanguage { expected: Lang, found: Lang },
}

/// Cuts `text` to at most `max` characters at a line or sentence end.
fn cap(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut
        .rfind('\n')
        .or_else(|| cut.rfind(". ").map(|i| i + 1))
        .unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end())
}

/// Rule-based checks and finishing on Gemini's text: not empty, in the user's language, capped,
/// the guessed procedure's official URL present (appended if missing), personal data hidden,
/// disclaimer appended. With no guess nothing is appended: the question leaned to no procedure,
/// and eight links would bury the answer.
///
/// # Errors
/// Empty text, or text in another language than the user's.
pub fn finish(text: &str, guess: Option<ProcedureId>, lang: Lang) -> Result<String, VerifyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(VerifyError::Empty);
    }
    let found = crate::respond::detect_language(text);
    if found != lang {
        return Err(VerifyError::WrongLanguage {
            expected: lang,
            found,
        });
    }
    let mut out = cap(&crate::redact::personal_data(text), MAX_LLM_CHARS);
    if let Some(p) = guess {
        let url = kb::procedure(p).fuente_url.as_str();
        if !out.contains(url.trim_end_matches('/')) {
            let _ = write!(out, "\n\n🔗 {url}");
        }
    }
    out.push_str("\n\n");
    out.push_str(kb::curated(Curated::LlmDisclaimer, lang).text);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gemini_answers_lose_personal_numbers_but_not_official_ones() {
        let text = "Llama al 900 20 22 22 o al 010. Mi DNI es 12345678Z, NIE X1234567L, móvil +34 612 345 678. https://imv.seg-social.es/";
        let out = finish(text, Some(ProcedureId::Imv), Lang::Es).unwrap();
        assert!(out.contains("900 20 22 22"), "{out}");
        assert!(
            !out.contains("12345678Z")
                && !out.contains("X1234567L")
                && !out.contains("612 345 678"),
            "{out}"
        );
    }

    #[test]
    fn appends_the_official_url_and_disclaimer() {
        let out = finish(
            "El IMV es una ayuda mensual. Pide cita en la Seguridad Social.",
            Some(ProcedureId::Imv),
            Lang::Es,
        )
        .unwrap();
        assert!(out.contains("https://imv.seg-social.es"), "{out}");
        assert!(out.ends_with(kb::curated(Curated::LlmDisclaimer, Lang::Es).text));
        assert!(out.chars().count() <= 1600);
    }

    #[test]
    fn rejects_the_wrong_language_and_empty_text() {
        assert_eq!(finish("  ", None, Lang::Fr), Err(VerifyError::Empty));
        assert!(matches!(
            finish(
                "You need to register at the town hall first, then ask for the card.",
                None,
                Lang::Fr
            ),
            Err(VerifyError::WrongLanguage {
                expected: Lang::Fr,
                ..
            })
        ));
    }

    #[test]
    fn caps_long_answers_at_a_line() {
        let long = "Línea con información del padrón y los documentos necesarios.\n".repeat(60);
        let out = finish(&long, Some(ProcedureId::Empadronamiento), Lang::Es).unwrap();
        assert!(out.chars().count() <= 1600, "{}", out.chars().count());
        assert!(out.contains('…'));
    }

    #[test]
    fn context_holds_the_record_in_the_users_language() {
        let c = context(Some(ProcedureId::TarjetaSanitaria), Lang::Fr);
        assert!(c.contains("https://www.comunidad.madrid/servicios/salud/tarjeta-sanitaria"));
        assert!(c.contains("### requisitos"));
        let all = context(None, Lang::En);
        assert!(all.contains("imv.seg-social.es") && all.contains("madrid.es"));
    }

    #[test]
    fn an_answer_that_leans_to_no_procedure_gets_no_list_of_links() {
        let text = "No tengo información sobre bibliotecas. Pregunta en tu ayuntamiento.";
        let out = finish(text, None, Lang::Es).unwrap();
        assert_eq!(
            out,
            format!(
                "{text}\n\n{}",
                kb::curated(Curated::LlmDisclaimer, Lang::Es).text
            )
        );
    }

    #[test]
    fn a_guardrail_line_is_read_and_anything_else_is_an_answer() {
        for (text, expected) in [
            ("GUARDRAIL: self_harm", Some(GuardCategory::SelfHarm)),
            ("guardrail: violence\n", Some(GuardCategory::Violence)),
            ("**GUARDRAIL: medical**", Some(GuardCategory::Medical)),
            ("`GUARDRAIL: illegal`", Some(GuardCategory::Illegal)),
            ("  GUARDRAIL : Dangerous", Some(GuardCategory::Dangerous)),
            ("GUARDRAIL: self-harm", Some(GuardCategory::SelfHarm)),
            // The model signalled danger with a name it was not given: 112 first anyway.
            ("GUARDRAIL: suicide", Some(GuardCategory::Medical)),
            ("El IMV es una ayuda. GUARDRAIL: violence", None),
            ("Guardrails: no hay", None),
            ("Para el padrón, pide cita:\n1. Llama al 010.", None),
            ("", None),
        ] {
            assert_eq!(guardrail(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_instruction_names_every_procedure_and_the_guardrail_line() {
        let text = system_instruction(Lang::Fr);
        for &p in ProcedureId::ALL {
            let name = kb::procedure(p).nombre.get(Lang::Es).as_str();
            assert!(text.contains(name), "{name} missing: {text}");
        }
        assert!(text.contains("`GUARDRAIL: <category>`"), "{text}");
        for category in GuardCategory::ALL {
            assert!(text.contains(category.as_str()), "{category}: {text}");
        }
        assert!(text.contains("Answer in French"), "{text}");
    }
}
