//! The miss journal: every miss, one JSON object per line — the normalized question (personal
//! numbers hidden), language, procedure guess, where the answer came from, and the answer — never
//! a phone number. `clara promote` turns the most frequent into FAQ drafts, so the static cache
//! gets hotter with use. With `REDIS_URL` the entries go to a capped Redis stream instead
//! (`shared::records`), which `clara promote` reads too.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tracing::warn;

use crate::jsonl::{AppendError, JsonLines};
use crate::kb::GuardCategory;
use crate::shared::{Records, Redis};

/// The journal stops growing here; `clara promote` needs frequencies, not every line.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One miss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unix seconds.
    pub at: u64,
    /// Normalized, with DNI/NIE and phone numbers hidden.
    pub question: String,
    pub lang: String,
    #[serde(default)]
    pub guess: Option<String>,
    /// Why this answer: `gemini`, `hot cache`, `llm off`, `gemini failed`, … or
    /// `gemini guardrail: <category>` (see [`guardrail_source`]).
    pub source: String,
    /// The text sent (only for generated answers).
    #[serde(default)]
    pub answer: Option<String>,
}

/// How the source of a miss that Gemini recognised as a guardrail begins; the category follows.
const GUARDRAIL_SOURCE: &str = "gemini guardrail: ";

/// The source of a miss that Gemini recognised as a guardrail (crisis or refusal) the compiled
/// lexicon did not catch (`gemini guardrail: self_harm`): its draft asks for a guardrail term,
/// not an FAQ.
pub const fn guardrail_source(category: GuardCategory) -> &'static str {
    match category {
        GuardCategory::SelfHarm => "gemini guardrail: self_harm",
        GuardCategory::Violence => "gemini guardrail: violence",
        GuardCategory::Medical => "gemini guardrail: medical",
        GuardCategory::Dangerous => "gemini guardrail: dangerous",
        GuardCategory::Illegal => "gemini guardrail: illegal",
    }
}

/// The journal file (`MISS_JOURNAL_PATH`).
pub struct Journal {
    file: JsonLines,
}

impl Journal {
    /// The journal at `path`, capped at [`MAX_FILE_BYTES`].
    pub fn new(path: impl Into<PathBuf>) -> Journal {
        Journal {
            file: JsonLines::new(path, MAX_FILE_BYTES),
        }
    }

    /// Records a miss: in Redis's journal stream when Redis is shared and answers (every
    /// instance's misses in one place, surviving the instance), else in the file.
    pub async fn record(&self, shared: Option<&Redis>, entry: &Entry) {
        if let Some(redis) = shared
            && let Ok(json) = serde_json::to_string(entry)
            && redis.append_record(Records::Journal, &json).await.is_ok()
        {
            return;
        }
        self.append(entry);
    }

    /// Appends an entry to the file; a full journal is silent (promote needs frequencies, not every
    /// line), an unwritable one logs.
    pub fn append(&self, entry: &Entry) {
        match self.file.append(entry) {
            Ok(()) | Err(AppendError::Full(_)) => {}
            Err(err) => {
                warn!(path = %self.file.path().display(), cause = %err, "cannot write the miss journal");
            }
        }
    }
}

/// A frequent miss, ready to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frequent {
    pub question: String,
    pub lang: String,
    pub count: usize,
    pub guess: Option<String>,
    /// The most recent generated answer, as a draft.
    pub answer: Option<String>,
    /// The guardrail Gemini saw in it (`self_harm`, …), when it did: the phrase belongs in the
    /// guardrail lexicon, not in an FAQ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guardrail: Option<String>,
}

/// The `top` most frequent misses of a journal's entries, most frequent first (ties by
/// question).
pub fn frequent(entries: impl IntoIterator<Item = Entry>, top: usize) -> Vec<Frequent> {
    let mut groups: BTreeMap<(String, String), Frequent> = BTreeMap::new();
    for entry in entries {
        let slot = groups
            .entry((entry.question.clone(), entry.lang.clone()))
            .or_insert(Frequent {
                question: entry.question,
                lang: entry.lang,
                count: 0,
                guess: None,
                answer: None,
                guardrail: None,
            });
        slot.count += 1;
        if let Some(category) = entry.source.strip_prefix(GUARDRAIL_SOURCE) {
            slot.guardrail = Some(category.to_string());
        }
        slot.guess = entry.guess.or(slot.guess.take());
        slot.answer = entry.answer.or(slot.answer.take());
    }
    let mut all: Vec<Frequent> = groups.into_values().collect();
    all.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.question.cmp(&b.question))
    });
    all.truncate(top);
    all
}

/// FAQ drafts (the shape of `data/answers/faq.json`) for frequent misses. A missing procedure
/// guess is left as `REVISAR`, which the build refuses until a maintainer picks one.
pub fn faq_drafts(frequent: &[Frequent]) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (i, f) in frequent.iter().enumerate() {
        let id = format!("promovida_{}_{}", i + 1, f.lang);
        out.insert(
            id,
            serde_json::json!({
                "tramite": f.guess.clone().unwrap_or_else(|| "REVISAR".to_string()),
                "preguntas": { f.lang.clone(): [f.question] },
                "texto": { f.lang.clone(): match (&f.guardrail, &f.answer) {
                    (Some(category), _) => format!("REVISAR: Gemini vio aquí un guardrail ({category}): añadir la frase a `guardarrailes` en data/vocabulario/compartido.json, no una FAQ"),
                    (None, Some(answer)) => answer.clone(),
                    (None, None) => "REVISAR: escribir la respuesta".to_string(),
                } },
            }),
        );
    }
    serde_json::Value::Object(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn entry(q: &str, source: &str) -> Entry {
        Entry {
            at: 1,
            question: q.into(),
            lang: "es".into(),
            guess: Some("empadronamiento".into()),
            source: source.into(),
            answer: Some(format!("respuesta a {q}")),
        }
    }

    #[test]
    fn counts_and_drafts_the_most_frequent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let j = Journal::new(&path);
        for _ in 0..3 {
            j.append(&entry("me mudo de ciudad", "llm"));
        }
        j.append(&entry("otra pregunta", "llm"));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{broken\n")
            .unwrap();
        let (entries, bad) = crate::jsonl::read::<Entry>(&path).unwrap();
        assert_eq!(bad, vec![5]);
        let top = frequent(entries, 1);
        assert_eq!(top.len(), 1);
        assert_eq!(
            (top[0].question.as_str(), top[0].count),
            ("me mudo de ciudad", 3)
        );
        let drafts = faq_drafts(&top);
        assert_eq!(drafts["promovida_1_es"]["tramite"], "empadronamiento");
        assert_eq!(
            drafts["promovida_1_es"]["preguntas"]["es"][0],
            "me mudo de ciudad"
        );
        assert_eq!(
            drafts["promovida_1_es"]["texto"]["es"],
            "respuesta a me mudo de ciudad"
        );
        assert!(
            !std::fs::read_to_string(&path)
                .unwrap()
                .contains("whatsapp:")
        );
    }

    #[test]
    fn a_guardrail_gemini_saw_drafts_a_guardrail_term_not_an_faq() {
        let mut seen = entry("ya no aguanto mas esta vida", "gemini guardrail: self_harm");
        seen.answer = None;
        let top = frequent([entry("ya no aguanto mas esta vida", "llm off"), seen], 5);
        assert_eq!(top[0].guardrail.as_deref(), Some("self_harm"));
        let text = faq_drafts(&top)["promovida_1_es"]["texto"]["es"].clone();
        assert!(text.as_str().unwrap().contains("guardarrailes"), "{text}");
        for &category in GuardCategory::ALL {
            assert_eq!(
                guardrail_source(category),
                format!("{GUARDRAIL_SOURCE}{category}")
            );
        }
    }
}
