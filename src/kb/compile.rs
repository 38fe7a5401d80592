//! The hot cache compiler's front half: load `data/` and `audio/`, validate everything, render
//! every answer. Shared by `build.rs` (which then generates the tables) and `clara check` (which
//! only reports), so a content editor sees exactly the errors the build would give.
//!
//! Every problem is one line naming the file and the field.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::normalize::{self, Normalized};
use super::readable::{self, MAX_FACET_WORDS, MAX_POINTS};
use super::schema::{
    Conversational, Curated, CuratedAnswer, Facet, FacetText, FaqEntry, Guard, GuardCategory, Lang,
    Layout, Localized, MAX_ANSWER_CHARS, MAX_PHRASE_WORDS, MAX_PLACE_WORDS, MAX_STEM_BYTES,
    MIN_STEM_BYTES, Override, Phone, Places, Procedure, ProcedureId, Region, SharedVocabulary,
    WEIGHT_MEDIUM, WEIGHT_STRONG, WEIGHT_WEAK,
};

/// The procedures whose money matters enough to need a `cuantia` facet.
const NEED_AMOUNTS: [ProcedureId; 3] = [
    ProcedureId::Imv,
    ProcedureId::NieTie,
    ProcedureId::PrestacionDesempleo,
];

/// One thing wrong with the content, located by file and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the content root, e.g. `data/tramites/imv.json`.
    pub file: String,
    /// Dotted field path inside the file, e.g. `facetas.requisitos.ar`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

/// What a vocabulary term routes to. Several claims on one term merge into one entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermEntry {
    pub procedure: Option<ProcedureId>,
    /// Procedure weight ([`WEIGHT_STRONG`], [`WEIGHT_MEDIUM`] or [`WEIGHT_WEAK`]); 0 when no
    /// procedure.
    pub weight: u8,
    pub facet: Option<Facet>,
    pub conversational: Option<Conversational>,
    /// The language the term votes for; `None` when it is shared by several (loanwords), or
    /// when it holds an Arabizi word, which the run-time digit rule counts instead.
    pub lang: Option<Lang>,
    /// The region of the place the term names (`data/vocabulario/lugares.json`).
    pub place: Option<Region>,
    /// The term speaks of violence against the person (`apoyo`): the answer is followed by the
    /// 016 note.
    pub support: bool,
    /// The term says the person wants something (`peticiones`).
    pub want: bool,
    /// A `cuantia` term that opens a question about the amount (`preguntas_cuantia`).
    pub asks_amount: bool,
    /// A `como_solicitar` term that asks only what to do (`preguntas_que_hacer`).
    pub what_to_do: bool,
}

/// A term's language claims, folded: one language, or shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LangClaim {
    One(Lang),
    Shared,
}

/// An answer rendered to WhatsApp text.
#[derive(Debug, Clone)]
pub struct RenderedAnswer {
    /// `imv.requisitos.fr`, `greeting.ar`: also the audio file's stem.
    pub id: String,
    pub lang: Lang,
    pub text: String,
    /// Index into [`Compiled::audio`].
    pub audio: Option<usize>,
}

/// An audio file of `audio/`, matched to its answer.
#[derive(Debug, Clone)]
pub struct AudioSource {
    /// File name, e.g. `imv.descripcion.es.mp3`.
    pub name: String,
    pub path: PathBuf,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// Everything the build embeds, validated.
#[derive(Debug)]
pub struct Compiled {
    /// In [`ProcedureId::ALL`] order.
    pub procedures: Vec<Procedure>,
    pub answers: Vec<RenderedAnswer>,
    /// `[procedure][facet][lang]` → index into `answers`.
    pub procedure_answers: Vec<[[Option<usize>; 4]; Facet::ALL.len()]>,
    /// `[curated][lang]` → index into `answers`, in [`Curated::ALL`] order.
    pub curated_answers: Vec<[usize; 4]>,
    /// Whole normalized questions of `data/answers/faq.json` → (answer index, procedure).
    pub faq: BTreeMap<String, (usize, ProcedureId)>,
    /// Normalized words and phrases.
    pub terms: BTreeMap<String, TermEntry>,
    /// Normalized stems (without the `*`).
    pub stems: BTreeMap<String, TermEntry>,
    pub guard_terms: BTreeMap<String, Guard>,
    pub guard_stems: BTreeMap<String, Guard>,
    /// Normalized phrases that are not an alarm although they hold a guardrail term.
    pub not_alarms: std::collections::BTreeSet<String>,
    /// Normalized words that say what something is for (`finalidad`).
    pub purpose_words: std::collections::BTreeSet<String>,
    /// Normalized openings of a message that continues the question before (`continuacion`).
    pub continuation_words: std::collections::BTreeSet<String>,
    /// Normalized words that say the person lacks what follows (`carencia`).
    pub lack_words: std::collections::BTreeSet<String>,
    /// Normalized openings of a correction of the procedure just answered (`correccion`).
    pub correction_words: std::collections::BTreeSet<String>,
    /// Normalized words that point back to the procedure talked about before the current one
    /// (`anterior`).
    pub back_words: std::collections::BTreeSet<String>,
    /// The note said after a procedure answer to a message naming a place outside Madrid
    /// (`nota_fuera_de_madrid` of `data/plantillas.json`), checked like an answer.
    pub elsewhere_note: Localized<String>,
    /// The note said after an answer to a message that speaks of violence or danger without an
    /// alarm (`nota_violencia` of `data/plantillas.json`): the 112, 024 and 016 lines.
    pub support_note: Localized<String>,
    pub audio: Vec<AudioSource>,
    /// The files read, for `cargo:rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
}

impl Compiled {
    /// Answer ids that have no audio file (information for editors, not an error).
    pub fn answers_without_audio(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|a| a.audio.is_none())
            .map(|a| a.id.as_str())
    }
}

/// Accumulates problems so that one run reports all of them.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, file: &str, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            file: file.to_string(),
            field: field.into(),
            message: message.into(),
        });
    }
}

/// Loads, validates and renders the content under `root` (which holds `data/` and `audio/`).
///
/// # Errors
/// Every problem found, one per line when displayed; the list is never empty on error.
pub fn compile(root: &Path) -> Result<Compiled, Vec<Problem>> {
    let mut problems = Problems::default();
    let mut inputs = Vec::new();

    let layouts: Option<Localized<Layout>> = read_json(root, LAYOUTS, &mut problems, &mut inputs);
    let shared: Option<SharedVocabulary> = read_json(
        root,
        "data/vocabulario/compartido.json",
        &mut problems,
        &mut inputs,
    );
    let places: Option<Places> = read_json(root, PLACES, &mut problems, &mut inputs);
    let directory: Vec<Phone> =
        read_json(root, DIRECTORY, &mut problems, &mut inputs).unwrap_or_default();
    let numbers = check_directory(&directory, &mut problems);
    let mut procedures = load_procedures(root, &mut problems, &mut inputs);
    for (file, procedure) in &mut procedures {
        resolve_phones(file, procedure, &directory, &mut problems);
        if let Some(layouts) = &layouts {
            procedure.contacto = contact(procedure, layouts);
            for (lang, text) in procedure.contacto.iter() {
                let id = format!("{}.contacto.{lang}", procedure.id);
                check_answer(file, &id, lang, text, &numbers, &mut problems);
            }
        }
    }
    let curated = load_curated(root, &mut problems, &mut inputs);
    let overrides: Vec<Override> = if root.join("data/answers/overrides.json").exists() {
        read_json(
            root,
            "data/answers/overrides.json",
            &mut problems,
            &mut inputs,
        )
        .unwrap_or_default()
    } else {
        Vec::new()
    };

    if let Some(layouts) = &layouts {
        check_layouts(layouts, &mut problems);
    }
    for (file, procedure) in &procedures {
        check_procedure(file, procedure, &mut problems);
    }

    let mut vocab = VocabBuilder::default();
    for (file, procedure) in &procedures {
        vocab.add_procedure(file, procedure, &mut problems);
    }
    if let Some(shared) = &shared {
        vocab.add_shared(shared, &mut problems);
    }
    // After every other term, so that a place cannot take a word the vocabulary routes.
    if let Some(places) = &places {
        vocab.add_places(places, &mut problems);
    }
    let elsewhere_note = layouts
        .as_ref()
        .map(|layouts| check_elsewhere_note(layouts, &mut problems))
        .unwrap_or_default();
    let support_note = layouts
        .as_ref()
        .map(|layouts| check_support_note(layouts, &numbers, &mut problems))
        .unwrap_or_default();

    let mut answers = Vec::new();
    let mut procedure_answers = Vec::new();
    if let Some(layouts) = &layouts {
        for (file, procedure) in &procedures {
            let mut table = [[None; 4]; Facet::ALL.len()];
            for &facet in Facet::ALL {
                let Some(texts) = procedure.facetas.get(facet) else {
                    continue;
                };
                for (lang, text) in texts.iter() {
                    let id = format!("{}.{}.{}", procedure.id, facet, lang);
                    let rendered = render(procedure, facet, lang, text, layouts.get(lang));
                    check_answer(file, &id, lang, &rendered, &numbers, &mut problems);
                    table[facet.index()][lang.index()] = Some(answers.len());
                    answers.push(RenderedAnswer {
                        id,
                        lang,
                        text: rendered,
                        audio: None,
                    });
                }
            }
            procedure_answers.push(table);
        }
    }
    apply_overrides(
        &overrides,
        &procedures,
        &procedure_answers,
        &mut answers,
        &numbers,
        &mut problems,
    );

    let mut curated_answers = Vec::new();
    for &which in Curated::ALL {
        let mut row = [0; 4];
        match curated.get(which.as_str()) {
            Some((file, answer)) => {
                for (lang, text) in answer.texto.iter() {
                    let id = format!("{which}.{lang}");
                    check_text(file, &format!("{which}.texto.{lang}"), text, &mut problems);
                    check_answer(file, &id, lang, text, &numbers, &mut problems);
                    row[lang.index()] = answers.len();
                    answers.push(RenderedAnswer {
                        id,
                        lang,
                        text: text.clone(),
                        audio: None,
                    });
                }
            }
            None => problems.push(
                "data/answers",
                which.as_str(),
                "missing curated answer (every build needs it in es, fr, en and ar)",
            ),
        }
        curated_answers.push(row);
    }

    let faq = load_faq(root, &mut answers, &numbers, &mut problems, &mut inputs);
    let audio = load_audio(root, &mut answers, &mut problems, &mut inputs);

    if procedures.len() == ProcedureId::ALL.len() && problems.0.is_empty() {
        let not_alarms = std::mem::take(&mut vocab.not_alarms);
        let purpose_words = std::mem::take(&mut vocab.purpose_words);
        let continuation_words = std::mem::take(&mut vocab.continuation_words);
        let lack_words = std::mem::take(&mut vocab.lack_words);
        let correction_words = std::mem::take(&mut vocab.correction_words);
        let back_words = std::mem::take(&mut vocab.back_words);
        let (terms, stems, guard_terms, guard_stems) = vocab.finish();
        Ok(Compiled {
            procedures: procedures.into_iter().map(|(_, p)| p).collect(),
            answers,
            procedure_answers,
            curated_answers,
            faq,
            terms,
            stems,
            guard_terms,
            guard_stems,
            not_alarms,
            purpose_words,
            continuation_words,
            lack_words,
            correction_words,
            back_words,
            elsewhere_note,
            support_note,
            audio,
            inputs,
        })
    } else {
        if problems.0.is_empty() {
            problems.push("data/tramites", "", "not every procedure could be loaded");
        }
        Err(problems.0)
    }
}

fn read_json<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &str,
    problems: &mut Problems,
    inputs: &mut Vec<PathBuf>,
) -> Option<T> {
    let path = root.join(rel);
    inputs.push(path.clone());
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            problems.push(rel, "", format!("cannot read: {err}"));
            return None;
        }
    };
    let de = &mut serde_json::Deserializer::from_str(&text);
    match serde_path_to_error::deserialize(de) {
        Ok(value) => Some(value),
        Err(err) => {
            let field = err.path().to_string();
            let field = if field == "." { String::new() } else { field };
            problems.push(rel, field, err.into_inner().to_string());
            None
        }
    }
}

/// Relative paths of the files in `root/dir` with extension `ext`, sorted.
fn list_files(root: &Path, dir: &str, ext: Option<&str>) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .filter(|n| ext.is_none_or(|ext| Path::new(n).extension().is_some_and(|e| e == ext)))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{dir}/{n}")).collect()
}

fn load_procedures(
    root: &Path,
    problems: &mut Problems,
    inputs: &mut Vec<PathBuf>,
) -> Vec<(String, Procedure)> {
    let mut found: BTreeMap<ProcedureId, (String, Procedure)> = BTreeMap::new();
    for rel in list_files(root, "data/tramites", Some("json")) {
        let stem = Path::new(&rel)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(id) = ProcedureId::parse(&stem) else {
            problems.push(
                &rel,
                "",
                format!(
                    "unknown procedure `{stem}` (expected one of {})",
                    names(ProcedureId::ALL)
                ),
            );
            continue;
        };
        if let Some(procedure) = read_json::<Procedure>(root, &rel, problems, inputs) {
            if procedure.id != stem {
                problems.push(
                    &rel,
                    "id",
                    format!("`{}` does not match the file name `{stem}`", procedure.id),
                );
            }
            found.insert(id, (rel, procedure));
        }
    }
    for id in ProcedureId::ALL {
        if !found.contains_key(id) && !root.join(format!("data/tramites/{id}.json")).exists() {
            problems.push(
                &format!("data/tramites/{id}.json"),
                "",
                "missing procedure file",
            );
        }
    }
    found.into_values().collect()
}

fn load_curated(
    root: &Path,
    problems: &mut Problems,
    inputs: &mut Vec<PathBuf>,
) -> BTreeMap<String, (String, CuratedAnswer)> {
    let mut all: BTreeMap<String, (String, CuratedAnswer)> = BTreeMap::new();
    for rel in list_files(root, "data/answers", Some("json")) {
        if rel.ends_with("/overrides.json") || rel.ends_with("/faq.json") {
            continue;
        }
        let Some(map) = read_json::<BTreeMap<String, CuratedAnswer>>(root, &rel, problems, inputs)
        else {
            continue;
        };
        for (id, answer) in map {
            if Curated::parse(&id).is_none() {
                problems.push(
                    &rel,
                    &id,
                    format!(
                        "unknown answer id (expected one of {})",
                        names(Curated::ALL)
                    ),
                );
            } else if let Some((other, _)) = all.get(&id) {
                problems.push(&rel, &id, format!("answer id already defined in {other}"));
            } else {
                all.insert(id, (rel.clone(), answer));
            }
        }
    }
    all
}

fn names<T: fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_text(file: &str, field: &str, text: &str, problems: &mut Problems) {
    if text.trim().is_empty() {
        problems.push(file, field, "empty text");
    }
}

/// What every answer, as sent, must satisfy: WhatsApp's length, phone numbers from the directory,
/// and (in Arabic) numbers and Latin text isolated.
fn check_answer(
    file: &str,
    id: &str,
    lang: Lang,
    text: &str,
    numbers: &[String],
    problems: &mut Problems,
) {
    let chars = text.chars().count();
    if chars > MAX_ANSWER_CHARS {
        problems.push(
            file,
            id,
            format!("answer too long: {chars} characters (WhatsApp allows {MAX_ANSWER_CHARS})"),
        );
    }
    for number in readable::phone_numbers(text) {
        if !numbers.contains(&number) {
            problems.push(
                file,
                id,
                format!("phone number `{number}` is not in {DIRECTORY} (add it there with its source, or remove it)"),
            );
        }
    }
    if lang == Lang::Ar
        && let Some(why) = readable::bidi_problem(text)
    {
        problems.push(file, id, why);
    }
}

/// Where every phone number a text may give is listed once, with its source.
const DIRECTORY: &str = "data/telefonos.json";

/// The places people name, by region.
pub const PLACES: &str = "data/vocabulario/lugares.json";

/// The most characters the note about a place outside Madrid may have: it follows an answer, and
/// a second long message would bury it.
pub const MAX_NOTE_CHARS: usize = 240;

/// The file of the layouts and of the notes said after an answer.
const LAYOUTS: &str = "data/plantillas.json";

/// Checks one note of [`LAYOUTS`] in every language and returns them: non-empty, at most
/// [`MAX_NOTE_CHARS`], and what `rule` asks of that note (given the language, the field and the
/// text).
fn check_note(
    layouts: &Localized<Layout>,
    name: &str,
    pick: fn(&Layout) -> &String,
    problems: &mut Problems,
    mut rule: impl FnMut(Lang, &str, &str, &mut Problems),
) -> Localized<String> {
    for (lang, layout) in layouts.iter() {
        let field = format!("{lang}.{name}");
        let note = pick(layout);
        check_text(LAYOUTS, &field, note, problems);
        let chars = note.chars().count();
        if chars > MAX_NOTE_CHARS {
            problems.push(
                LAYOUTS,
                &field,
                format!("note too long: {chars} characters (at most {MAX_NOTE_CHARS})"),
            );
        }
        rule(lang, &field, note, problems);
    }
    Localized {
        es: pick(&layouts.es).clone(),
        fr: pick(&layouts.fr).clone(),
        en: pick(&layouts.en).clone(),
        ar: pick(&layouts.ar).clone(),
    }
}

/// `nota_fuera_de_madrid`: no phone number at all (the answers' numbers are Madrid's: 012 is
/// wrong elsewhere, and there is no national line to give instead), and in Arabic with Latin
/// text and digits isolated.
fn check_elsewhere_note(layouts: &Localized<Layout>, problems: &mut Problems) -> Localized<String> {
    let pick: fn(&Layout) -> &String = |l| &l.nota_fuera_de_madrid;
    check_note(
        layouts,
        "nota_fuera_de_madrid",
        pick,
        problems,
        |lang, field, note, problems| {
            if let Some(number) = readable::phone_numbers(note).first() {
                problems.push(
                LAYOUTS,
                field,
                format!(
                    "phone number `{number}`: the note gives none (the answers' lines are Madrid's)"
                ),
            );
            }
            if lang == Lang::Ar
                && let Some(why) = readable::bidi_problem(note)
            {
                problems.push(LAYOUTS, field, why);
            }
        },
    )
}

/// `nota_violencia`: the 112, 024 and 016 lines, every number from the directory, and in Arabic
/// with Latin text and digits isolated (what every answer must satisfy).
fn check_support_note(
    layouts: &Localized<Layout>,
    numbers: &[String],
    problems: &mut Problems,
) -> Localized<String> {
    let pick: fn(&Layout) -> &String = |l| &l.nota_violencia;
    check_note(
        layouts,
        "nota_violencia",
        pick,
        problems,
        |lang, field, note, problems| {
            // It follows answers to messages that speak of violence or danger without an alarm:
            // the lines of the three kinds of danger, as the templates give them.
            let given = readable::phone_numbers(note);
            for line in EMERGENCY_LINES {
                if !given.iter().any(|n| n == line) {
                    problems.push(LAYOUTS, field, format!("the note gives no {line}"));
                }
            }
            check_answer(LAYOUTS, field, lang, note, numbers, problems);
        },
    )
}

/// The lines of the three kinds of danger: an emergency, thoughts of self-harm, violence
/// against women.
const EMERGENCY_LINES: [&str; 3] = ["112", "024", "016"];

/// Whether `text` gives all three emergency lines itself (the templates that open with the 🆘
/// line): the danger note would only repeat them (`kb::Answer::emergency_lines`).
pub fn gives_emergency_lines(text: &str) -> bool {
    let given = readable::phone_numbers(text);
    EMERGENCY_LINES
        .iter()
        .all(|line| given.iter().any(|n| n == line))
}

/// Checks the directory and returns its numbers.
fn check_directory(directory: &[Phone], problems: &mut Problems) -> Vec<String> {
    let mut ids = std::collections::BTreeSet::new();
    for (i, phone) in directory.iter().enumerate() {
        let field = |name: &str| format!("[{i}].{name}");
        if !ids.insert(phone.id.as_str()) {
            problems.push(
                DIRECTORY,
                field("id"),
                format!("`{}` is listed twice", phone.id),
            );
        }
        if readable::phone_numbers(&phone.numero) != [phone.numero.as_str()] {
            problems.push(
                DIRECTORY,
                field("numero"),
                format!(
                    "`{}` is not a phone number as people dial it (digit groups and single spaces)",
                    phone.numero
                ),
            );
        }
        for (lang, text) in phone.quien.iter() {
            check_text(DIRECTORY, &field(&format!("quien.{lang}")), text, problems);
            if lang == Lang::Ar
                && let Some(why) = readable::bidi_problem(text)
            {
                problems.push(DIRECTORY, field("quien.ar"), why);
            }
        }
        if let Some(url) = &phone.fuente {
            check_url(DIRECTORY, &field("fuente"), url, problems);
        }
        if parse_date(&phone.verificado).is_none() {
            problems.push(
                DIRECTORY,
                field("verificado"),
                format!(
                    "`{}` is not a date (expected YYYY-MM or YYYY-MM-DD)",
                    phone.verificado
                ),
            );
        }
    }
    directory.iter().map(|p| p.numero.clone()).collect()
}

/// Fills `procedure.telefono` with the numbers its `telefonos` ids name in the directory. A
/// procedure may have none: a number nobody could confirm is not given (the answer drops its phone
/// line and the official link stays).
fn resolve_phones(
    file: &str,
    procedure: &mut Procedure,
    directory: &[Phone],
    problems: &mut Problems,
) {
    let mut numbers = Vec::new();
    for (i, id) in procedure.telefonos.iter().enumerate() {
        match directory.iter().find(|p| &p.id == id) {
            Some(phone) => numbers.push(phone.numero.as_str()),
            None => problems.push(
                file,
                format!("telefonos[{i}]"),
                format!("`{id}` is not an id of {DIRECTORY}"),
            ),
        }
    }
    procedure.telefono = numbers.join(" · ");
}

/// The procedure's name, then the layout's lines that give its official link and its phone (the
/// same lines as in its answers), in each language.
fn contact(p: &Procedure, layouts: &Localized<Layout>) -> Localized<String> {
    let one = |lang: Lang| {
        let mut out = format!("*{}*", p.nombre.get(lang).trim());
        for line in layout_lines(layouts.get(lang), p)
            .filter(|line| line.contains("{fuente_url}") || line.contains("{telefono}"))
        {
            out.push('\n');
            out.push_str(fill_source(line, p, lang == Lang::Ar).trim_end_matches('\n'));
        }
        out
    };
    Localized {
        es: one(Lang::Es),
        fr: one(Lang::Fr),
        en: one(Lang::En),
        ar: one(Lang::Ar),
    }
}

/// `https://host/...` with no spaces: enough to catch typos; the editors check the page itself.
fn check_url(file: &str, field: &str, url: &str, problems: &mut Problems) {
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let valid = match host {
        Some(host) => {
            host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !url.chars().any(char::is_whitespace)
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        }
        None => false,
    };
    if !valid {
        problems.push(
            file,
            field,
            format!("malformed URL `{url}` (expected https://host/...)"),
        );
    }
}

fn check_date(file: &str, date: &str, problems: &mut Problems) {
    if parse_date(date).is_none() {
        problems.push(
            file,
            "fecha_verificacion",
            format!("`{date}` is not a date (expected YYYY-MM or YYYY-MM-DD)"),
        );
    }
}

/// `(year, month, day)` from `YYYY-MM` or `YYYY-MM-DD`.
fn parse_date(date: &str) -> Option<(u16, u8, Option<u8>)> {
    let mut parts = date.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u8 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day: Option<u8> = match parts.next() {
        Some(d) if d.len() == 2 => Some(d.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    let valid = (1..=12).contains(&month)
        && day.is_none_or(|d| (1..=31).contains(&d))
        && parts.next().is_none();
    valid.then_some((year, month, day))
}

fn check_procedure(file: &str, p: &Procedure, problems: &mut Problems) {
    for (field, texts) in [("nombre", &p.nombre), ("organismo", &p.organismo)] {
        for (lang, text) in texts.iter() {
            check_text(file, &format!("{field}.{lang}"), text, problems);
        }
    }
    check_url(file, "fuente_url", &p.fuente_url, problems);
    for (i, url) in p.fuentes_extra.iter().enumerate() {
        check_url(file, &format!("fuentes_extra[{i}]"), url, problems);
    }
    check_date(file, &p.fecha_verificacion, problems);
    for &facet in Facet::ALL {
        let Some(texts) = p.facetas.get(facet) else {
            if facet == Facet::Cuantia && NEED_AMOUNTS.iter().any(|id| id.as_str() == p.id) {
                problems.push(file, "facetas.cuantia", "this procedure needs its amounts");
            }
            continue;
        };
        for (lang, text) in texts.iter() {
            let field = format!("facetas.{facet}.{lang}");
            let words = readable::words(&text.resumen, &text.pasos);
            if words > MAX_FACET_WORDS {
                problems.push(
                    file,
                    &field,
                    format!("{words} words (at most {MAX_FACET_WORDS}: leave the rest to the official link)"),
                );
            }
            if text.pasos.len() > MAX_POINTS {
                problems.push(
                    file,
                    format!("{field}.pasos"),
                    format!("{} points (at most {MAX_POINTS})", text.pasos.len()),
                );
            }
            check_text(file, &format!("{field}.resumen"), &text.resumen, problems);
            for (i, step) in text.pasos.iter().enumerate() {
                check_text(file, &format!("{field}.pasos[{i}]"), step, problems);
            }
        }
    }
}

fn check_layouts(layouts: &Localized<Layout>, problems: &mut Problems) {
    const FILE: &str = LAYOUTS;
    const PLACEHOLDERS: [&str; 7] = [
        "{nombre}",
        "{faceta}",
        "{resumen}",
        "{pasos}",
        "{fuente_url}",
        "{telefono}",
        "{fecha}",
    ];
    for (lang, layout) in layouts.iter() {
        for needed in PLACEHOLDERS {
            if !layout.respuesta.contains(needed) {
                problems.push(
                    FILE,
                    format!("{lang}.respuesta"),
                    format!("missing placeholder {needed}"),
                );
            }
        }
        for &facet in Facet::ALL {
            if layout
                .facetas
                .get(facet.as_str())
                .is_none_or(|t| t.trim().is_empty())
            {
                problems.push(
                    FILE,
                    format!("{lang}.facetas.{facet}"),
                    "missing facet title",
                );
            }
        }
        for key in layout.facetas.keys() {
            if Facet::parse(key).is_none() {
                problems.push(FILE, format!("{lang}.facetas.{key}"), "unknown facet");
            }
        }
        if layout.meses.len() != 12 {
            problems.push(
                FILE,
                format!("{lang}.meses"),
                format!("expected 12 month names, found {}", layout.meses.len()),
            );
        }
    }
}

/// XML text escaping: answers are escaped once, at build time, for their TwiML `<Body>`.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders one procedure facet in one language through the language's layout.
pub fn render(
    p: &Procedure,
    facet: Facet,
    lang: Lang,
    text: &FacetText,
    layout: &Layout,
) -> String {
    let steps: String = text
        .pasos
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let n = readable::isolate_for_arabic(&format!("{}.", i + 1), lang == Lang::Ar);
            format!("{n} {}\n", step.trim())
        })
        .collect();
    let steps = if steps.is_empty() {
        steps
    } else {
        format!("\n{steps}")
    };
    // Values the layout inserts into Arabic text are isolated here, so that content never has to.
    let arabic = lang == Lang::Ar;
    let respuesta: String = layout_lines(layout, p).collect();
    let filled = respuesta
        .replace("{nombre}", p.nombre.get(lang).trim())
        .replace(
            "{faceta}",
            layout
                .facetas
                .get(facet.as_str())
                .map_or("", |t| t.as_str()),
        )
        .replace("{resumen}", text.resumen.trim())
        .replace("{pasos}", &steps);
    fill_source(&filled, p, arabic)
        .replace(
            "{fecha}",
            &render_date(&p.fecha_verificacion, layout, arabic),
        )
        .replace("{opciones}", &render_options(p, layout, arabic))
}

/// The lines of the layout's answer for `p`, each with its line break: without the phone's line
/// when no number could be confirmed (the official link stays).
fn layout_lines<'a>(layout: &'a Layout, p: &'a Procedure) -> impl Iterator<Item = &'a str> {
    layout
        .respuesta
        .split_inclusive('\n')
        .filter(|line| !p.telefono.is_empty() || !line.contains("{telefono}"))
}

/// `text` with `p`'s official link and phones in place of `{fuente_url}` and `{telefono}`.
fn fill_source(text: &str, p: &Procedure, arabic: bool) -> String {
    text.replace(
        "{fuente_url}",
        &readable::isolate_link_for_arabic(&p.fuente_url, arabic),
    )
    .replace(
        "{telefono}",
        &readable::isolate_for_arabic(&p.telefono, arabic),
    )
}

/// The numbered footer: one item per facet the procedure has, in `Facet::ALL` order.
fn render_options(p: &Procedure, layout: &Layout, arabic: bool) -> String {
    let items: Vec<String> = Facet::ALL
        .iter()
        .filter(|&&f| p.facetas.get(f).is_some())
        .enumerate()
        .map(|(i, f)| {
            let n = readable::isolate_for_arabic(&(i + 1).to_string(), arabic);
            layout.opcion.replace("{n}", &n).replace(
                "{faceta}",
                layout.facetas.get(f.as_str()).map_or("", |t| t.as_str()),
            )
        })
        .collect();
    layout.opciones.replace("{lista}", &items.join(" · "))
}

fn render_date(date: &str, layout: &Layout, arabic: bool) -> String {
    let Some((year, month, day)) = parse_date(date) else {
        // Reported by `check_date`; rendered as written meanwhile.
        return readable::isolate_for_arabic(date, arabic);
    };
    let month_name = layout
        .meses
        .get(usize::from(month) - 1)
        .map_or("", |m| m.as_str());
    let pattern = if day.is_some() {
        &layout.fecha_dia
    } else {
        &layout.fecha_mes
    };
    let isolated = |n: String| readable::isolate_for_arabic(&n, arabic);
    pattern
        .replace("{dia}", &isolated(day.unwrap_or_default().to_string()))
        .replace("{mes}", month_name)
        .replace("{anio}", &isolated(year.to_string()))
}

fn apply_overrides(
    overrides: &[Override],
    procedures: &[(String, Procedure)],
    table: &[[[Option<usize>; 4]; Facet::ALL.len()]],
    answers: &mut [RenderedAnswer],
    numbers: &[String],
    problems: &mut Problems,
) {
    const FILE: &str = "data/answers/overrides.json";
    for (i, o) in overrides.iter().enumerate() {
        let field = format!("[{i}]");
        let position = procedures.iter().position(|(_, p)| p.id == o.tramite);
        let (Some(position), Some(facet), Some(lang)) =
            (position, Facet::parse(&o.faceta), Lang::parse(&o.idioma))
        else {
            problems.push(
                FILE,
                field,
                format!(
                    "no answer for ({}, {}, {}): check tramite, faceta and idioma",
                    o.tramite, o.faceta, o.idioma
                ),
            );
            continue;
        };
        let Some(index) = table
            .get(position)
            .and_then(|t| t[facet.index()][lang.index()])
        else {
            problems.push(
                FILE,
                field,
                format!("{} has no facet {}", o.tramite, o.faceta),
            );
            continue;
        };
        check_text(FILE, &format!("{field}.texto"), &o.texto, problems);
        check_answer(FILE, &answers[index].id, lang, &o.texto, numbers, problems);
        answers[index].text = o.texto.clone();
    }
}

fn load_faq(
    root: &Path,
    answers: &mut Vec<RenderedAnswer>,
    numbers: &[String],
    problems: &mut Problems,
    inputs: &mut Vec<PathBuf>,
) -> BTreeMap<String, (usize, ProcedureId)> {
    const FILE: &str = "data/answers/faq.json";
    let mut faq = BTreeMap::new();
    if !root.join(FILE).exists() {
        return faq;
    }
    let Some(entries) = read_json::<BTreeMap<String, FaqEntry>>(root, FILE, problems, inputs)
    else {
        return faq;
    };
    for (id, entry) in entries {
        let Some(procedure) = ProcedureId::parse(&entry.tramite) else {
            problems.push(
                FILE,
                format!("{id}.tramite"),
                format!(
                    "`{}` is not a procedure (expected one of {})",
                    entry.tramite,
                    names(ProcedureId::ALL)
                ),
            );
            continue;
        };
        for (code, questions) in &entry.preguntas {
            let Some(lang) = Lang::parse(code) else {
                problems.push(FILE, format!("{id}.preguntas.{code}"), "unknown language");
                continue;
            };
            let Some(text) = entry.texto.get(code) else {
                problems.push(
                    FILE,
                    format!("{id}.texto.{code}"),
                    "questions in this language need an answer",
                );
                continue;
            };
            let answer_id = format!("faq.{id}.{lang}");
            check_text(FILE, &format!("{id}.texto.{code}"), text, problems);
            check_answer(FILE, &answer_id, lang, text, numbers, problems);
            let index = answers.len();
            answers.push(RenderedAnswer {
                id: answer_id,
                lang,
                text: text.clone(),
                audio: None,
            });
            for (i, question) in questions.iter().enumerate() {
                let key = Normalized::new(question).as_str().to_string();
                let field = format!("{id}.preguntas.{code}[{i}]");
                if key.is_empty() {
                    problems.push(FILE, field, "empty question");
                } else if faq.insert(key, (index, procedure)).is_some() {
                    problems.push(
                        FILE,
                        field,
                        format!("question `{question}` is already in the FAQ"),
                    );
                }
            }
        }
    }
    faq
}

fn load_audio(
    root: &Path,
    answers: &mut [RenderedAnswer],
    problems: &mut Problems,
    inputs: &mut Vec<PathBuf>,
) -> Vec<AudioSource> {
    let mut audio = Vec::new();
    for rel in list_files(root, "audio", None) {
        let path = root.join(&rel);
        let name = rel.trim_start_matches("audio/").to_string();
        // manifest.json: which text each recording was made from (src/recordings.rs).
        if name == "README.md" || name == "manifest.json" {
            continue;
        }
        inputs.push(path.clone());
        let (stem, mime) = if let Some(stem) = name.strip_suffix(".mp3") {
            (stem, "audio/mpeg")
        } else if let Some(stem) = name.strip_suffix(".ogg") {
            (stem, "audio/ogg")
        } else {
            problems.push(&rel, "", "not an audio file (expected .mp3 or .ogg)");
            continue;
        };
        let Some(answer) = answers.iter_mut().find(|a| a.id == stem) else {
            problems.push(
                &rel,
                "",
                format!("audio file that no answer uses (no answer `{stem}`)"),
            );
            continue;
        };
        if answer.audio.is_some() {
            problems.push(
                &rel,
                "",
                format!("answer `{stem}` already has an audio file"),
            );
            continue;
        }
        match fs::read(&path) {
            Ok(bytes) if bytes.is_empty() => problems.push(&rel, "", "empty audio file"),
            Ok(bytes) => {
                answer.audio = Some(audio.len());
                audio.push(AudioSource {
                    name,
                    path,
                    mime,
                    bytes,
                });
            }
            Err(err) => problems.push(&rel, "", format!("cannot read: {err}")),
        }
    }
    audio
}

/// Collects vocabulary claims and merges them into lookup tables.
#[derive(Default)]
struct VocabBuilder {
    /// term → (entry, language claim, where it was first claimed for a procedure).
    terms: BTreeMap<String, (TermEntry, Option<LangClaim>, String)>,
    stems: BTreeMap<String, (TermEntry, Option<LangClaim>, String)>,
    guard_terms: BTreeMap<String, GuardClaim>,
    guard_stems: BTreeMap<String, GuardClaim>,
    not_alarms: std::collections::BTreeSet<String>,
    purpose_words: std::collections::BTreeSet<String>,
    continuation_words: std::collections::BTreeSet<String>,
    lack_words: std::collections::BTreeSet<String>,
    correction_words: std::collections::BTreeSet<String>,
    back_words: std::collections::BTreeSet<String>,
}

/// What a guardrail term was listed as, the languages that list it, and where it was first.
#[derive(Clone)]
struct GuardClaim {
    category: GuardCategory,
    /// Listed in `relatos`: an account of violence that already happened.
    account: bool,
    lang: Option<LangClaim>,
    origin: String,
}

/// What one listed term claims.
#[derive(Clone, Copy)]
enum Claim {
    Procedure(ProcedureId, u8),
    Facet(Facet),
    Conversational(Conversational),
    Language,
    Support,
    Want,
}

/// A place's normalized key: a word or a phrase of at most [`MAX_PLACE_WORDS`] words, no stem.
fn parse_place(file: &str, field: &str, raw: &str, problems: &mut Problems) -> Option<String> {
    let key = Normalized::new(raw).as_str().to_string();
    if raw.contains('*') {
        problems.push(file, field, format!("`{raw}`: a place cannot be a stem"));
        None
    } else if key.is_empty() {
        problems.push(file, field, format!("`{raw}` is empty after normalization"));
        None
    } else if key.split(' ').count() > MAX_PLACE_WORDS {
        problems.push(
            file,
            field,
            format!("`{raw}` has more than {MAX_PLACE_WORDS} words"),
        );
        None
    } else {
        Some(key)
    }
}

/// The normalized phrases of `lists` (a list named `name` in `file`), each of at most `max_words`
/// words and none a stem: the small word lists the responder compares with tokens at a place
/// (`finalidad`, `continuacion`, `carencia`, `correccion`).
fn short_phrases(
    file: &str,
    name: &str,
    lists: &Localized<Vec<String>>,
    max_words: usize,
    problems: &mut Problems,
) -> std::collections::BTreeSet<String> {
    let limit = match max_words {
        1 => "one word".to_string(),
        2 => "one or two words".to_string(),
        3 => "one to three words".to_string(),
        n => format!("at most {n} words"),
    };
    let mut phrases = std::collections::BTreeSet::new();
    for (lang, words) in lists.iter() {
        for (i, raw) in words.iter().enumerate() {
            let field = format!("{name}.{lang}[{i}]");
            match parse_term(file, &field, raw, problems) {
                Some((key, false)) if key.split(' ').count() <= max_words => {
                    phrases.insert(key);
                }
                Some(_) => problems.push(file, field, format!("`{raw}` must be {limit}")),
                None => {}
            }
        }
    }
    phrases
}

/// A term split into its normalized key and whether it is a stem.
fn parse_term(
    file: &str,
    field: &str,
    raw: &str,
    problems: &mut Problems,
) -> Option<(String, bool)> {
    let stem = raw.trim_end().ends_with('*');
    let body = raw.trim_end().trim_end_matches('*');
    if body.contains('*') {
        problems.push(file, field, format!("`{raw}`: `*` may only end a stem"));
        return None;
    }
    let key = Normalized::new(body).as_str().to_string();
    let words = key.split(' ').count();
    if key.is_empty() {
        problems.push(file, field, format!("`{raw}` is empty after normalization"));
        None
    } else if stem && (words > 1 || key.len() < MIN_STEM_BYTES || key.len() > MAX_STEM_BYTES) {
        problems.push(
            file,
            field,
            format!("stem `{raw}` must be one word of {MIN_STEM_BYTES} to {MAX_STEM_BYTES} bytes"),
        );
        None
    } else if words > MAX_PHRASE_WORDS {
        problems.push(
            file,
            field,
            format!("`{raw}` has more than {MAX_PHRASE_WORDS} words"),
        );
        None
    } else {
        Some((key, stem))
    }
}

impl VocabBuilder {
    fn add_procedure(&mut self, file: &str, p: &Procedure, problems: &mut Problems) {
        let Some(id) = ProcedureId::parse(&p.id) else {
            return;
        };
        for (list, weight, name) in [
            (&p.vocabulario.fuerte, WEIGHT_STRONG, "fuerte"),
            (&p.vocabulario.medio, WEIGHT_MEDIUM, "medio"),
            (&p.vocabulario.debil, WEIGHT_WEAK, "debil"),
        ] {
            for (lang, terms) in list.iter() {
                for (i, raw) in terms.iter().enumerate() {
                    let field = format!("vocabulario.{name}.{lang}[{i}]");
                    self.claim(
                        file,
                        &field,
                        raw,
                        Some(lang),
                        Claim::Procedure(id, weight),
                        problems,
                    );
                }
            }
        }
    }

    /// The keys of the phrases of `list` (a list of `compartido.json`), each of which must
    /// already be a term of `facet` (so called after `facetas`).
    fn terms_of_facet(
        &self,
        (file, list): (&str, &str),
        phrases: &Localized<Vec<String>>,
        facet: Facet,
        problems: &mut Problems,
    ) -> Vec<String> {
        let mut keys = Vec::new();
        for (lang, words) in phrases.iter() {
            for (i, raw) in words.iter().enumerate() {
                let key = Normalized::new(raw).as_str().to_string();
                match self.terms.get(&key) {
                    Some((entry, _, _)) if entry.facet == Some(facet) => keys.push(key),
                    _ => problems.push(
                        file,
                        format!("{list}.{lang}[{i}]"),
                        format!("`{raw}` is not a term of facetas.{facet}"),
                    ),
                }
            }
        }
        keys
    }

    /// Marks the `cuantia` terms that start with a word of `preguntas_cuantia` ("cuanto",
    /// "cuanto me toca") as questions about the amount.
    fn mark_amount_questions(
        &mut self,
        file: &str,
        openers: &Localized<Vec<String>>,
        problems: &mut Problems,
    ) {
        let source = (file, "preguntas_cuantia");
        let keys = self.terms_of_facet(source, openers, Facet::Cuantia, problems);
        for (key, (entry, _, _)) in &mut self.terms {
            let opens = |opener: &String| {
                key.strip_prefix(opener.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            };
            if entry.facet == Some(Facet::Cuantia) && keys.iter().any(opens) {
                entry.asks_amount = true;
            }
        }
    }

    /// Marks the `como_solicitar` terms of `preguntas_que_hacer` ("que hago", "what now") as
    /// asking only what to do.
    fn mark_what_to_do(
        &mut self,
        file: &str,
        phrases: &Localized<Vec<String>>,
        problems: &mut Problems,
    ) {
        let source = (file, "preguntas_que_hacer");
        for key in self.terms_of_facet(source, phrases, Facet::ComoSolicitar, problems) {
            if let Some((entry, _, _)) = self.terms.get_mut(&key) {
                entry.what_to_do = true;
            }
        }
    }

    fn add_shared(&mut self, v: &SharedVocabulary, problems: &mut Problems) {
        const FILE: &str = "data/vocabulario/compartido.json";
        for (name, lists) in &v.facetas {
            let Some(facet) = Facet::parse(name) else {
                problems.push(FILE, format!("facetas.{name}"), "unknown facet");
                continue;
            };
            self.add_lists(
                FILE,
                &format!("facetas.{name}"),
                lists,
                Claim::Facet(facet),
                problems,
            );
        }
        for (name, lists) in &v.conversacion {
            let Some(conv) = Conversational::parse(name) else {
                problems.push(
                    FILE,
                    format!("conversacion.{name}"),
                    format!(
                        "unknown kind (expected one of {})",
                        names(Conversational::ALL)
                    ),
                );
                continue;
            };
            let field = format!("conversacion.{name}");
            self.add_lists(FILE, &field, lists, Claim::Conversational(conv), problems);
        }
        for (name, lists) in &v.guardarrailes {
            let Some(category) = GuardCategory::parse(name) else {
                problems.push(
                    FILE,
                    format!("guardarrailes.{name}"),
                    format!(
                        "unknown category (expected one of {})",
                        names(GuardCategory::ALL)
                    ),
                );
                continue;
            };
            for (lang, terms) in lists.iter() {
                for (i, raw) in terms.iter().enumerate() {
                    let field = format!("guardarrailes.{name}.{lang}[{i}]");
                    self.guard(FILE, &field, raw, (category, false), lang, problems);
                }
            }
        }
        for (lang, terms) in v.relatos.iter() {
            for (i, raw) in terms.iter().enumerate() {
                let field = format!("relatos.{lang}[{i}]");
                let account = (GuardCategory::Violence, true);
                self.guard(FILE, &field, raw, account, lang, problems);
            }
        }
        self.add_lists(FILE, "apoyo", &v.apoyo, Claim::Support, problems);
        self.add_lists(FILE, "peticiones", &v.peticiones, Claim::Want, problems);
        self.mark_amount_questions(FILE, &v.preguntas_cuantia, problems);
        self.mark_what_to_do(FILE, &v.preguntas_que_hacer, problems);
        // The responder compares each with one token, with the message's first one or two, and
        // with the one to three before a procedure.
        self.purpose_words = short_phrases(FILE, "finalidad", &v.finalidad, 1, problems);
        self.continuation_words = short_phrases(FILE, "continuacion", &v.continuacion, 2, problems);
        self.lack_words = short_phrases(FILE, "carencia", &v.carencia, 3, problems);
        self.correction_words = short_phrases(FILE, "correccion", &v.correccion, 4, problems);
        self.back_words = short_phrases(FILE, "anterior", &v.anterior, 3, problems);
        for (lang, phrases) in v.no_alarma.iter() {
            for (i, raw) in phrases.iter().enumerate() {
                self.not_alarm(FILE, &format!("no_alarma.{lang}[{i}]"), raw, problems);
            }
        }
        for (name, words) in &v.idiomas {
            let Some(lang) = Lang::parse(name) else {
                problems.push(FILE, format!("idiomas.{name}"), "expected es, fr, en or ar");
                continue;
            };
            for (i, raw) in words.iter().enumerate() {
                let field = format!("idiomas.{name}[{i}]");
                // Arabic script is told by its script; `ar` lists Darija in Latin letters.
                if lang == Lang::Ar && !raw.is_ascii() {
                    problems.push(
                        FILE,
                        &field,
                        "Arabic script needs no hint: list only Darija written in Latin letters",
                    );
                    continue;
                }
                self.claim(FILE, &field, raw, Some(lang), Claim::Language, problems);
            }
        }
    }

    /// The places of `data/vocabulario/lugares.json`, as terms that name a region and route
    /// nothing else. Called after every other claim: a form that is already a vocabulary term, a
    /// guardrail word, or that would hide a stem, is refused, so a place never changes a match.
    fn add_places(&mut self, places: &Places, problems: &mut Problems) {
        const FILE: &str = PLACES;
        for region in Region::ALL {
            if !places.regiones.contains_key(region.as_str()) {
                problems.push(
                    FILE,
                    format!("regiones.{region}"),
                    "missing region (every region is listed; `madrid` with the places inside it)",
                );
            }
        }
        let mut excluded = BTreeMap::new();
        for (raw, why) in &places.excluidos {
            let field = format!("excluidos.{raw}");
            check_text(FILE, &field, why, problems);
            if let Some(key) = parse_place(FILE, &field, raw, problems) {
                excluded.insert(key, field);
            }
        }
        for (name, forms) in &places.regiones {
            let Some(region) = Region::parse(name) else {
                problems.push(
                    FILE,
                    format!("regiones.{name}"),
                    format!("unknown region (expected one of {})", names(Region::ALL)),
                );
                continue;
            };
            if forms.is_empty() {
                problems.push(FILE, format!("regiones.{name}"), "no place listed");
            }
            for (i, raw) in forms.iter().enumerate() {
                let field = format!("regiones.{name}[{i}]");
                let Some(key) = parse_place(FILE, &field, raw, problems) else {
                    continue;
                };
                let refusal = if let Some(other) = excluded.get(&key) {
                    Some(format!("`{raw}` is also excluded ({other})"))
                } else if let Some((category, origin)) = self.guard_hit(&key) {
                    Some(format!(
                        "`{raw}` is guardrail {category} ({origin}): naming the place would raise it"
                    ))
                } else if let Some((entry, _, origin)) = self.terms.get(&key) {
                    Some(match entry.place {
                        Some(_) => format!("`{raw}` is already listed ({origin})"),
                        None => format!("`{raw}` is already a vocabulary term ({origin})"),
                    })
                } else if let Some((stem, (_, _, origin))) = self
                    .stems
                    .iter()
                    .find(|(stem, _)| !key.contains(' ') && key.starts_with(stem.as_str()))
                {
                    Some(format!("`{raw}` would hide the stem `{stem}*` ({origin})"))
                } else {
                    self.hidden_word(&key).map(|(word, origin)| {
                        format!("`{raw}` would hide the vocabulary word `{word}` ({origin})")
                    })
                };
                match refusal {
                    Some(why) => problems.push(FILE, &field, why),
                    None => {
                        let entry = TermEntry {
                            place: Some(region),
                            ..TermEntry::default()
                        };
                        let lang = self.phrase_language(&key);
                        self.terms
                            .insert(key, (entry, lang, format!("{FILE}: {field}")));
                    }
                }
            }
        }
    }

    /// A word of the phrase `key` that routes something (a procedure, a facet, a greeting):
    /// the phrase, matched whole, would take it from the message.
    fn hidden_word<'k>(&self, key: &'k str) -> Option<(&'k str, &str)> {
        key.split(' ')
            .filter(|_| key.contains(' '))
            .find_map(|word| {
                self.terms
                    .get(word)
                    .filter(|(entry, _, _)| {
                        entry.procedure.is_some()
                            || entry.facet.is_some()
                            || entry.conversational.is_some()
                    })
                    .map(|(_, _, origin)| (word, origin.as_str()))
            })
    }

    /// The language the words of the phrase `key` vote for ("las palmas": the Spanish "las"),
    /// so that matching the phrase whole tells the language as its words would have.
    fn phrase_language(&self, key: &str) -> Option<LangClaim> {
        key.split(' ')
            .filter(|_| key.contains(' '))
            .filter_map(|word| self.terms.get(word).and_then(|(_, claim, _)| *claim))
            .reduce(|a, b| if a == b { a } else { LangClaim::Shared })
    }

    /// The guardrail a place's name would raise, by itself or by one of its words (a word, or a
    /// stem it starts with), and where that guardrail term is listed.
    fn guard_hit(&self, key: &str) -> Option<(GuardCategory, &str)> {
        let word = |w: &str| {
            self.guard_terms.get(w).or_else(|| {
                self.guard_stems
                    .iter()
                    .find(|(stem, _)| w.starts_with(stem.as_str()))
                    .map(|(_, hit)| hit)
            })
        };
        self.guard_terms
            .get(key)
            .or_else(|| key.split(' ').find_map(word))
            .map(|claim| (claim.category, claim.origin.as_str()))
    }

    fn add_lists(
        &mut self,
        file: &str,
        field: &str,
        lists: &Localized<Vec<String>>,
        claim: Claim,
        problems: &mut Problems,
    ) {
        for (lang, terms) in lists.iter() {
            for (i, raw) in terms.iter().enumerate() {
                let field = format!("{field}.{lang}[{i}]");
                self.claim(file, &field, raw, Some(lang), claim, problems);
            }
        }
    }

    fn claim(
        &mut self,
        file: &str,
        field: &str,
        raw: &str,
        lang: Option<Lang>,
        claim: Claim,
        problems: &mut Problems,
    ) {
        let Some((key, stem)) = parse_term(file, field, raw, problems) else {
            return;
        };
        let table = if stem {
            &mut self.stems
        } else {
            &mut self.terms
        };
        let slot = table
            .entry(key.clone())
            .or_insert_with(|| (TermEntry::default(), None, format!("{file}: {field}")));
        let here = format!("{file}: {field}");
        let (entry, lang_claim, origin) = slot;
        match claim {
            Claim::Procedure(id, weight) => match entry.procedure {
                Some(other) if other != id && entry.weight == weight => problems.push(
                    file,
                    field,
                    format!(
                        "term `{raw}` is claimed by {other} ({origin}) and {id} with equal weight"
                    ),
                ),
                Some(other) if other != id && entry.weight > weight => {}
                // The lighter weight would never count: the heavier one wins.
                Some(same) if same == id && entry.weight != weight => problems.push(
                    file,
                    field,
                    format!(
                        "term `{raw}` is already listed for {id} with another weight ({origin}): keep one"
                    ),
                ),
                _ if entry.conversational.is_some() => problems.push(
                    file,
                    field,
                    format!("term `{raw}` is already a greeting/menu word ({origin})"),
                ),
                _ => {
                    if entry.procedure != Some(id) {
                        *origin = here;
                    }
                    entry.weight = entry.weight.max(weight);
                    entry.procedure = Some(id);
                }
            },
            Claim::Facet(facet) => match entry.facet {
                Some(other) if other != facet => problems.push(
                    file,
                    field,
                    format!("term `{raw}` is claimed by facets {other} and {facet}"),
                ),
                _ => entry.facet = Some(facet),
            },
            Claim::Conversational(conv) => match (entry.conversational, entry.procedure) {
                (Some(other), _) if other != conv => problems.push(
                    file,
                    field,
                    format!("term `{raw}` is both {other} and {conv}"),
                ),
                (_, Some(p)) => problems.push(
                    file,
                    field,
                    format!("term `{raw}` already routes to {p} ({origin})"),
                ),
                _ => entry.conversational = Some(conv),
            },
            Claim::Language => {}
            Claim::Support => entry.support = true,
            Claim::Want => entry.want = true,
        }
        // A word of `peticiones` only marks a request: if it also routed, "quiero" would pick a
        // procedure or a part in every message that says it.
        if entry.want && (entry.procedure.is_some() || entry.facet.is_some()) {
            problems.push(
                file,
                field,
                format!(
                    "term `{raw}` is in `peticiones` and also routes ({origin}): list it in one"
                ),
            );
        }
        if let Some(lang) = lang {
            *lang_claim = match *lang_claim {
                None => Some(LangClaim::One(lang)),
                Some(LangClaim::One(l)) if l == lang => Some(LangClaim::One(l)),
                Some(_) => Some(LangClaim::Shared),
            };
        }
    }

    /// A guardrail term: `(category, account)` is what it signals, `account` for a term of
    /// `relatos`.
    fn guard(
        &mut self,
        file: &str,
        field: &str,
        raw: &str,
        (category, account): (GuardCategory, bool),
        lang: Lang,
        problems: &mut Problems,
    ) {
        let Some((key, stem)) = parse_term(file, field, raw, problems) else {
            return;
        };
        let table = if stem {
            &mut self.guard_stems
        } else {
            &mut self.guard_terms
        };
        match table.get_mut(&key) {
            Some(other) if (other.category, other.account) != (category, account) => {
                let what = if other.account {
                    "an account of violence".to_string()
                } else {
                    format!("guardrail {}", other.category)
                };
                problems.push(
                    file,
                    field,
                    format!("term `{raw}` is already {what} ({})", other.origin),
                );
            }
            Some(other) => {
                if other.lang != Some(LangClaim::One(lang)) {
                    other.lang = Some(LangClaim::Shared);
                }
            }
            None => {
                let claim = GuardClaim {
                    category,
                    account,
                    lang: Some(LangClaim::One(lang)),
                    origin: format!("{file}: {field}"),
                };
                table.insert(key, claim);
            }
        }
    }

    /// A phrase that holds a guardrail term and is not an alarm; checked against the guardrail
    /// words of the same file (listed before it).
    fn not_alarm(&mut self, file: &str, field: &str, raw: &str, problems: &mut Problems) {
        match parse_term(file, field, raw, problems) {
            Some((_, true)) => problems.push(
                file,
                field,
                format!("`{raw}`: a stem cannot be an exception"),
            ),
            Some((key, false)) => {
                // It must share a word (not a little one like "a") or two words in a row ("va a"
                // in "espera me va a", against "va a matar") with a guardrail term, or it could
                // never overlap a hit.
                let words: Vec<&str> = key.split(' ').collect();
                let shares_a_word = words.iter().filter(|w| w.chars().count() >= 4).any(|word| {
                    self.guard_terms
                        .keys()
                        .any(|term| term.split(' ').any(|w| w == *word))
                        || self
                            .guard_stems
                            .keys()
                            .any(|stem| word.starts_with(stem.as_str()))
                });
                let shares_two_words = || {
                    words.windows(2).any(|pair| {
                        self.guard_terms.keys().any(|term| {
                            let term: Vec<&str> = term.split(' ').collect();
                            term.windows(2).any(|t| t == pair)
                        })
                    })
                };
                if shares_a_word || shares_two_words() {
                    self.not_alarms.insert(key);
                } else {
                    problems.push(
                        file,
                        field,
                        format!("`{raw}` shares no word with a guardrail term: nothing to except"),
                    );
                }
            }
            None => {}
        }
    }

    #[allow(clippy::type_complexity)]
    fn finish(
        self,
    ) -> (
        BTreeMap<String, TermEntry>,
        BTreeMap<String, TermEntry>,
        BTreeMap<String, Guard>,
        BTreeMap<String, Guard>,
    ) {
        let fold = |table: BTreeMap<String, (TermEntry, Option<LangClaim>, String)>| {
            table
                .into_iter()
                .map(|(k, (mut entry, lang, _))| {
                    entry.lang = match lang {
                        // A word the digit rule counts ("l7a9", "wach 3andi") already votes for
                        // Arabic at run time (`Normalized::arabizi_words`): a vote here as well
                        // would count it twice.
                        Some(LangClaim::One(Lang::Ar))
                            if k.split(' ').any(|w| normalize::is_arabizi(w.as_bytes())) =>
                        {
                            None
                        }
                        Some(LangClaim::One(l)) => Some(l),
                        _ => None,
                    };
                    (k, entry)
                })
                .collect()
        };
        let guards = |table: BTreeMap<String, GuardClaim>| {
            table
                .into_iter()
                .map(|(k, claim)| {
                    let lang = match claim.lang {
                        Some(LangClaim::One(l)) => Some(l),
                        _ => None,
                    };
                    let guard = Guard {
                        category: claim.category,
                        lang,
                        account: claim.account,
                    };
                    (k, guard)
                })
                .collect()
        };
        (
            fold(with_arabic_bare_forms(self.terms)),
            fold(self.stems),
            guards(with_arabic_bare_forms(self.guard_terms)),
            guards(self.guard_stems),
        )
    }
}

/// `table` plus, for each Arabic word or phrase listed with the article, the same without it
/// ("البطاقه الصحيه" → "بطاقه الصحيه"). The responder takes a word with any prefix (the article,
/// و, ب, ف, ل, لل: "والبطاقه", "للجوء", "بمحامي") back to its bare form when it starts no phrase as
/// written (`normalize::arabic_prefixes`), so "الوثائق المطلوبه للبطاقه الصحيه" finds
/// "البطاقه الصحيه" without each prefixed form in the tables. A term listed explicitly keeps its
/// own entry; the bare form is only added where nothing else claimed it.
fn with_arabic_bare_forms<V: Clone>(mut table: BTreeMap<String, V>) -> BTreeMap<String, V> {
    let bare: Vec<(String, V)> = table
        .iter()
        .filter_map(|(key, value)| {
            normalize::arabic_bare_form(key).map(|bare| (bare.to_string(), value.clone()))
        })
        .collect();
    for (form, value) in bare {
        table.entry(form).or_insert(value);
    }
    table
}
