//! The responder: from a message's text to a precomputed answer, with no network and no heap
//! allocation (normalization, tables and scoring all live on the stack or in the binary).
//!
//! Order: normalize → guardrails → vocabulary scan (procedure, facet, greeting/menu, language
//! votes) → language → decision. A procedure beats a greeting; out-of-scope text is a miss.

mod guardrails;
mod language;
mod lexicon;
mod tokens;

use crate::kb::normalize::Normalized;
use crate::kb::schema::MATCH_THRESHOLD;
use crate::kb::{
    self, Answer, Conversational, Curated, Facet, GuardCategory, Lang, ProcedureId, TERMS,
};
use language::Hints;

/// A greeting or "menu" only counts in a short message: in a longer one ("hola, mi casero me
/// echa") it is politeness around a question the cache cannot answer, so the miss path should.
const CONVERSATIONAL_MAX_TOKENS: usize = 4;
use tokens::Tokens;

/// What the message was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Procedure(ProcedureId),
    Greeting,
    Menu,
    /// A guardrail fired.
    Blocked(GuardCategory),
    /// Nothing Clara's cache knows: a miss.
    None,
}

impl Intent {
    /// The name used in JSON output and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Procedure(p) => p.as_str(),
            Intent::Greeting => "greeting",
            Intent::Menu => "menu",
            Intent::Blocked(_) => "blocked",
            Intent::None => "none",
        }
    }
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerSource {
    /// The compiled cache (procedures, greeting, menu, a transcript that hit it).
    Cache,
    /// A guardrail answer (crisis lines, refusals).
    Guardrail,
    /// A template: `fallback_generic` for a miss, or `busy`, `rate_limited`, `llm_failed`, …
    Fallback,
    /// Gemini, or the hot cache of its earlier answers.
    Llm,
    /// Acknowledged now, answered later by the pipeline (counted then, under that answer's
    /// source).
    Queued,
}

impl AnswerSource {
    /// The name used in JSON output, logs and metrics.
    pub const fn as_str(self) -> &'static str {
        match self {
            AnswerSource::Cache => "cache",
            AnswerSource::Guardrail => "guardrail",
            AnswerSource::Fallback => "fallback",
            AnswerSource::Llm => "llm",
            AnswerSource::Queued => "queued",
        }
    }
}

/// The responder's verdict on one message.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub intent: Intent,
    /// Set for procedure answers only.
    pub facet: Option<Facet>,
    pub lang: Lang,
    pub source: AnswerSource,
    pub answer: &'static Answer,
    /// The procedure the words lean to, even below the match threshold: the miss path's
    /// knowledge context. Equals the answered procedure on a hit.
    pub guess: Option<ProcedureId>,
}

impl Reply {
    /// Whether the cache could not answer (the miss path takes over).
    pub fn is_miss(&self) -> bool {
        self.intent == Intent::None
    }
}

/// Scores gathered in one scan of the vocabulary.
#[derive(Default)]
struct Scores {
    procedure: [u8; 3],
    /// Token index of each procedure's first mention, to break ties by what came first.
    first_seen: [usize; 3],
    facet: [u8; 6],
    greeting: bool,
    menu: bool,
    hints: Hints,
}

impl Scores {
    fn scan(tokens: &Tokens<'_>) -> Scores {
        let mut s = Scores {
            first_seen: [usize::MAX; 3],
            ..Scores::default()
        };
        lexicon::scan(tokens, &TERMS, |at, hit| {
            let term = hit.value;
            if let Some(p) = term.procedure {
                let i = p.index();
                s.procedure[i] = s.procedure[i].saturating_add(term.weight);
                s.first_seen[i] = s.first_seen[i].min(at);
            }
            if let Some(f) = term.facet {
                // Longer phrases are more specific: "cuánto tarda" (plazos) beats "cuánto" (cuantía).
                s.facet[f.index()] = s.facet[f.index()].saturating_add(hit.words as u8);
            }
            match term.conversational {
                Some(Conversational::Greeting) => s.greeting = true,
                Some(Conversational::Menu) => s.menu = true,
                None => {}
            }
            if let Some(lang) = term.lang {
                s.hints.vote(lang);
            }
        });
        s
    }

    fn procedure(&self) -> Option<ProcedureId> {
        self.guess()
            .filter(|p| self.procedure[p.index()] >= MATCH_THRESHOLD)
    }

    /// The best-scoring procedure, whatever its score.
    fn guess(&self) -> Option<ProcedureId> {
        ProcedureId::ALL
            .iter()
            .copied()
            .filter(|p| self.procedure[p.index()] > 0)
            .max_by(|a, b| {
                let (a, b) = (a.index(), b.index());
                self.procedure[a]
                    .cmp(&self.procedure[b])
                    .then(self.first_seen[b].cmp(&self.first_seen[a]))
            })
    }

    /// The most asked-for facet; `descripcion` (the default) only when no other was asked for,
    /// so "what is the amount" is about the amount.
    fn facet(&self) -> Facet {
        Facet::ALL
            .iter()
            .copied()
            .filter(|&f| f != Facet::Descripcion)
            .rev()
            .max_by_key(|f| self.facet[f.index()])
            .filter(|f| self.facet[f.index()] > 0)
            .unwrap_or(Facet::Descripcion)
    }
}

/// A menu reply: "1", "2", "3" (also 1️⃣ and ١, which normalize to the digit), in menu order.
fn menu_choice(normalized: &str) -> Option<ProcedureId> {
    match normalized.as_bytes() {
        [d @ b'1'..=b'9'] => ProcedureId::ALL.get(usize::from(d - b'1')).copied(),
        _ => None,
    }
}

/// The language of a text, detected the way the responder detects it (Arabic script, vocabulary
/// votes, then `whatlang` for longer text, else Spanish). Used to check generated answers.
pub fn detect_language(text: &str) -> Lang {
    let normalized = Normalized::new(text);
    let tokens = Tokens::new(&normalized);
    language::detect(&normalized, Scores::scan(&tokens).hints)
}

/// Answers messages from the compiled cache.
#[derive(Debug, Clone, Copy)]
pub struct Responder {
    guardrails: bool,
}

impl Default for Responder {
    fn default() -> Self {
        Responder { guardrails: true }
    }
}

impl Responder {
    /// A responder; `guardrails` false skips the pre-check (`GUARDRAILS_ON=false`).
    pub fn new(guardrails: bool) -> Responder {
        Responder { guardrails }
    }

    /// Answers `text`. `lang` is the channel's language when it is known; it wins over detection.
    pub fn respond(&self, text: &str, lang: Option<Lang>) -> Reply {
        let explicit = lang;
        let normalized = Normalized::new(text);
        let tokens = Tokens::new(&normalized);
        let scores = Scores::scan(&tokens);
        let lang = lang.unwrap_or_else(|| language::detect(&normalized, scores.hints));

        if self.guardrails
            && let Some(category) = guardrails::check(&tokens)
        {
            return Reply {
                intent: Intent::Blocked(category),
                facet: None,
                lang,
                source: AnswerSource::Guardrail,
                answer: kb::curated(category.answer(), lang),
                guess: None,
            };
        }

        // A question from the FAQ, word for word: its language is the entry's.
        if let Some((answer, procedure)) =
            kb::faq(tokens.text()).filter(|(a, _)| explicit.is_none_or(|l| l == a.lang))
        {
            return Reply {
                intent: Intent::Procedure(procedure),
                facet: None,
                lang: answer.lang,
                source: AnswerSource::Cache,
                answer,
                guess: Some(procedure),
            };
        }

        let procedure = menu_choice(tokens.text()).or_else(|| scores.procedure());
        if let Some(procedure) = procedure {
            let asked = scores.facet();
            let (facet, answer) = match kb::procedure_answer(procedure, asked, lang) {
                Some(answer) => (asked, answer),
                None => (
                    Facet::Descripcion,
                    kb::procedure_answer(procedure, Facet::Descripcion, lang)
                        .expect("every procedure has a descripcion (checked by build.rs)"),
                ),
            };
            return Reply {
                intent: Intent::Procedure(procedure),
                facet: Some(facet),
                lang,
                source: AnswerSource::Cache,
                answer,
                guess: Some(procedure),
            };
        }

        let short = tokens.len() <= CONVERSATIONAL_MAX_TOKENS;
        let (intent, curated, source) = if short && scores.greeting {
            (Intent::Greeting, Curated::Greeting, AnswerSource::Cache)
        } else if short && scores.menu {
            (Intent::Menu, Curated::Menu, AnswerSource::Cache)
        } else {
            (
                Intent::None,
                Curated::FallbackGeneric,
                AnswerSource::Fallback,
            )
        };
        Reply {
            intent,
            facet: None,
            lang,
            source,
            answer: kb::curated(curated, lang),
            guess: scores.guess(),
        }
    }
}
