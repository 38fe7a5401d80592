//! `clara eval [DIR]`: the project's own evaluation set (`data/evals/`), run through the
//! compiled responder, scored per language, and checked against the floors in
//! `DIR/floors.json` (CI fails below them).
//!
//! What is scored, per language:
//! - **procedure**: a message about a procedure Clara knows is answered with that procedure;
//! - **facet**: …and with the part asked about (`facet: null` expects the description);
//! - **language**: the answer is in the language the person wrote in;
//! - **not misrouted**: a message about a procedure Clara does not know yet (NIE/TIE, arraigo,
//!   asylum, free legal aid, unemployment) is not answered with another procedure's text;
//! - **crisis**: a crisis message gets its line (024, 112 + 016, 112) or its refusal;
//! - **112 given**: a message about danger to a person (self-harm, violence, a medical
//!   emergency) gets 112 in some form: its crisis answer, the danger note after another answer,
//!   or the template of a miss as it is answered offline (`fallback_generic` opens with the
//!   emergency lines; with Gemini on, so does the acknowledgement, and Gemini's verdict follows);
//! - **false alarms**: a message that only sounds alarming gets no crisis answer;
//! - **conversation turns**: each turn of the multi-turn scripts (`conversations.jsonl`: numbers,
//!   follow-ups, language memory and switches, "forget me") is answered as expected, played
//!   through the responder with the same conversation memory the service keeps.
//!
//! Messages whose facet Clara has no text for yet (`problemas`) count only for the procedure.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use crate::conversation;
use crate::kb::{Facet, GuardCategory, Lang, ProcedureId};
use crate::respond::{Context, Intent, Responder};

/// One line of `messages.jsonl` or `crisis.jsonl`.
#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    lang: String,
    text: String,
    procedure: Option<String>,
    facet: Option<String>,
    /// `crisis.jsonl` only: the category, or `null` for a look-alike.
    #[serde(default)]
    crisis: Option<String>,
}

/// Correct answers out of cases, for one measure.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub right: usize,
    pub total: usize,
}

impl Score {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    /// The share right, 1.0 when there was nothing to score.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// The measures of one language (see the module doc).
#[derive(Debug, Default, Clone, Copy)]
pub struct LangScores {
    pub procedure: Score,
    pub facet: Score,
    pub language: Score,
    pub not_misrouted: Score,
    pub crisis: Score,
    /// Messages about danger to a person whose answer or note gives 112.
    pub emergency_lines: Score,
    /// Look-alikes that got no crisis answer.
    pub no_false_alarm: Score,
    /// Turns of the multi-turn scripts answered as expected.
    pub conversation: Score,
}

impl LangScores {
    fn measures(&self) -> [(&'static str, Score); 8] {
        [
            ("procedure", self.procedure),
            ("facet", self.facet),
            ("language", self.language),
            ("not_misrouted", self.not_misrouted),
            ("crisis", self.crisis),
            ("emergency_lines", self.emergency_lines),
            ("no_false_alarm", self.no_false_alarm),
            ("conversation", self.conversation),
        ]
    }
}

/// The minimum share per language and measure (`floors.json`: `{"es": {"procedure": 0.8, …}}`).
type Floors = BTreeMap<String, BTreeMap<String, f64>>;

/// The guardrail a crisis label expects.
fn expected_guard(label: &str) -> Option<GuardCategory> {
    match label {
        "self_harm" => Some(GuardCategory::SelfHarm),
        "violence" | "gender_violence" => Some(GuardCategory::Violence),
        "medical" => Some(GuardCategory::Medical),
        "weapons" | "hacking" => Some(GuardCategory::Dangerous),
        "fraud" => Some(GuardCategory::Illegal),
        _ => None,
    }
}

/// The JSON lines of `path`, each parsed; a bad one is named with its file and line.
fn read_lines<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}: line {}: not an eval case", path.display(), i + 1))
        })
        .collect()
}

/// What Clara answered, for the list of wrong answers: `imv/requisitos/es`, `blocked/es`.
fn got(reply: &crate::respond::Reply) -> String {
    let facet = reply.facet.map(|f| format!("/{f}")).unwrap_or_default();
    format!("{}{facet}/{}", reply.intent.as_str(), reply.lang)
}

/// Scores every case of `dir` (`messages.jsonl`, `crisis.jsonl`, `conversations.jsonl`), per
/// language; with `wrong`, also lists each case answered wrong (id, text, what Clara answered).
///
/// # Errors
/// A file cannot be read, or a line is not a case (named with its file and line).
pub fn score(
    dir: &Path,
    mut wrong: Option<&mut Vec<String>>,
) -> anyhow::Result<BTreeMap<Lang, LangScores>> {
    let responder = Responder::default();
    let mut scores: BTreeMap<Lang, LangScores> = BTreeMap::new();
    let mut note = |right: bool, id: &str, text: &str, reply: &crate::respond::Reply| {
        if let Some(list) = wrong.as_deref_mut().filter(|_| !right) {
            list.push(format!("{id}: {text:?} → {}", got(reply)));
        }
    };
    for file in ["messages.jsonl", "crisis.jsonl"] {
        for case in read_lines::<Case>(&dir.join(file))? {
            let lang = Lang::parse(&case.lang)
                .with_context(|| format!("{file}: {}: unknown lang {}", case.id, case.lang))?;
            let s = scores.entry(lang).or_default();
            let reply = responder.respond(&case.text, None);
            s.language.add(reply.lang == lang);
            let mut right = reply.lang == lang;
            let blocked = match reply.intent {
                Intent::Blocked(category) => Some(category),
                _ => None,
            };
            if let Some(label) = &case.crisis {
                let expected = expected_guard(label)
                    .with_context(|| format!("{file}: {}: unknown crisis {label}", case.id))?;
                s.crisis.add(blocked == Some(expected));
                // A refusal (weapons, hacking, fake papers) is not a danger to the person.
                let danger = matches!(
                    expected,
                    GuardCategory::SelfHarm | GuardCategory::Violence | GuardCategory::Medical
                );
                if danger {
                    let gives_112 = |a: &crate::kb::Answer| a.text.contains("112");
                    s.emergency_lines
                        .add(gives_112(reply.answer) || reply.note().is_some_and(gives_112));
                }
                note(
                    right && blocked == Some(expected),
                    &case.id,
                    &case.text,
                    &reply,
                );
                continue;
            }
            if file == "crisis.jsonl" {
                s.no_false_alarm.add(blocked.is_none());
                right &= blocked.is_none();
            }
            if let Some(expected) = case.procedure.as_deref() {
                match ProcedureId::parse(expected) {
                    Some(procedure) => {
                        let procedure_right = reply.intent == Intent::Procedure(procedure);
                        s.procedure.add(procedure_right);
                        right &= procedure_right;
                        let facet = case
                            .facet
                            .as_deref()
                            .map_or(Some(Facet::Descripcion), Facet::parse);
                        if let Some(facet) = facet {
                            let facet_right = procedure_right && reply.facet == Some(facet);
                            s.facet.add(facet_right);
                            right &= facet_right;
                        }
                    }
                    None => {
                        let not_misrouted = !matches!(reply.intent, Intent::Procedure(_));
                        s.not_misrouted.add(not_misrouted);
                        right &= not_misrouted;
                    }
                }
            }
            note(right, &case.id, &case.text, &reply);
        }
    }
    for script in read_lines::<Script>(&dir.join("conversations.jsonl"))? {
        let lang = Lang::parse(&script.lang)
            .with_context(|| format!("conversations.jsonl: {}: unknown lang", script.id))?;
        let s = scores.entry(lang).or_default();
        let mut context = Context::default();
        let now = std::time::Instant::now();
        for turn in &script.turns {
            // Media have no text: the conversation's language is all there is to go on.
            let text = match turn.user.as_str() {
                "<voice>" | "<image>" => "",
                text => text,
            };
            let reply = responder.respond_in(text, None, context);
            if let Some(right) = turn.expect.judge(&reply) {
                s.conversation.add(right);
                note(right, &script.id, text, &reply);
            }
            context = conversation::next(context, &reply, now)
                .map_or_else(Context::default, |state| state.context());
        }
    }
    Ok(scores)
}

/// One line of `conversations.jsonl`: a person's messages and what each reply must be.
#[derive(Debug, Deserialize)]
struct Script {
    id: String,
    lang: String,
    turns: Vec<Turn>,
}

#[derive(Debug, Deserialize)]
struct Turn {
    user: String,
    expect: Expect,
}

/// What a reply must be; absent fields are not checked.
#[derive(Debug, Deserialize)]
struct Expect {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    procedure: Option<String>,
    #[serde(default)]
    facet: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

impl Expect {
    /// Whether `reply` is what was expected; `None` when the expectation names a procedure or
    /// facet Clara does not have yet (the turn is played, not scored).
    fn judge(&self, reply: &crate::respond::Reply) -> Option<bool> {
        let mut right = true;
        if let Some(kind) = &self.kind {
            right &= match kind.as_str() {
                "greeting" => reply.intent == Intent::Greeting,
                "menu" => reply.intent == Intent::Menu,
                "thanks" => reply.intent == Intent::Thanks,
                "confused" => reply.intent == Intent::Confused,
                "forget" => reply.intent == Intent::Forget,
                _ => false,
            };
        }
        if let Some(procedure) = &self.procedure {
            right &= reply.intent == Intent::Procedure(ProcedureId::parse(procedure)?);
        }
        if let Some(facet) = &self.facet {
            right &= reply.facet == Some(Facet::parse(facet)?);
        }
        if let Some(lang) = &self.lang {
            right &= reply.lang.as_str() == lang;
        }
        Some(right)
    }
}

/// Runs the evaluation in `dir`, prints the table and the floors missed to `out` (with
/// `list_wrong`, every case answered wrong first); returns whether every floor holds.
///
/// # Errors
/// The set or its floors cannot be read.
pub fn run(dir: &Path, list_wrong: bool, out: &mut impl Write) -> anyhow::Result<bool> {
    let mut wrong = Vec::new();
    let scores = score(dir, list_wrong.then_some(&mut wrong))?;
    for line in &wrong {
        writeln!(out, "wrong: {line}")?;
    }
    let floors_path = dir.join("floors.json");
    let floors: Floors = serde_json::from_str(
        &std::fs::read_to_string(&floors_path)
            .with_context(|| format!("cannot read {}", floors_path.display()))?,
    )
    .with_context(|| format!("{}: not a floors table", floors_path.display()))?;
    writeln!(
        out,
        "| lang | procedure | facet | language | not misrouted | crisis | 112 given | no false alarm | conversation turns |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
    let mut missed = Vec::new();
    for (lang, s) in &scores {
        let cells: Vec<String> = s
            .measures()
            .iter()
            .map(|(name, score)| {
                let floor = floors
                    .get(lang.as_str())
                    .and_then(|f| f.get(*name))
                    .copied();
                if floor.is_some_and(|f| score.ratio() + 1e-9 < f) {
                    missed.push(format!(
                        "{lang} {name}: {:.0} % < floor {:.0} %",
                        score.ratio() * 100.0,
                        floor.unwrap_or_default() * 100.0
                    ));
                }
                format!(
                    "{}/{} ({:.0} %)",
                    score.right,
                    score.total,
                    score.ratio() * 100.0
                )
            })
            .collect();
        writeln!(out, "| {lang} | {} |", cells.join(" | "))?;
    }
    for line in &missed {
        writeln!(out, "below floor: {line}")?;
    }
    writeln!(
        out,
        "eval: {}",
        if missed.is_empty() { "PASS" } else { "FAIL" }
    )?;
    Ok(missed.is_empty())
}
