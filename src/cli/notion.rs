//! Notion, for the editors: `clara notion sync` pushes the knowledge base to the *KB Tramites*
//! database, `clara notion report FILE` records a `verify.sh` run in the *Demo & Testing* one,
//! and `clara promote JOURNAL --notion` files the most frequent misses in the *Backlog* one
//! ([`crate::cli::backlog`], on this module's client).
//!
//! Notion API version [`NOTION_VERSION`] (2025-09-03): a database is a container of data
//! sources, so every write first resolves the database to its data source
//! (`GET /v1/databases/{id}` → `data_sources[0].id`), then queries it
//! (`POST /v1/data_sources/{id}/query`) and creates pages in it (`POST /v1/pages` with the parent
//! `{"type": "data_source_id", …}`) or updates them (`PATCH /v1/pages/{id}`).
//!
//! # The KB Tramites rows
//! One page per procedure × field × language, keyed by the three properties *Tramite* (title: the
//! procedure id, `imv`), *Campo* (select: `nombre`, `organismo`, then the facet names of
//! [`Facet::ALL`] the procedure has) and *Idioma* (select: `es`, `fr`, `en`, `ar`). A sync
//! queries each key and updates the page it finds, or creates one: running it twice changes
//! nothing the second time but the pages' edit dates. Pages that no longer match a row are left
//! alone (nothing is ever deleted). The content comes from the archive embedded in the binary
//! ([`kb::procedure`]), so a sync needs no files.
//!
//! # Requests
//! Every request carries `Authorization: Bearer`, `Notion-Version` and JSON. Requests are spaced
//! at least [`NotionConfig::min_interval`] apart (Notion allows about 3 a second); a 429 or 529
//! is retried after its `Retry-After`, a 5xx, a connection failure or a request hung for 30 s
//! after a doubling backoff, at most [`MAX_ATTEMPTS`] requests in all (the shared
//! [`crate::outbound::retry()`]). A create retried after a 5xx may, rarely, have gone through the
//! first time: the next sync finds two pages for the key, updates the first and warns.
//!
//! The token is a [`SecretString`]: never printed, logged or put in an error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::time::Instant;
use tracing::{debug, warn};

use crate::config::ConfigError;
use crate::kb::{self, Facet, Lang, ProcedureId};
use crate::outbound::twilio::hard_cut;
use crate::outbound::{self, Attempt, RetryPolicy, describe, retry, retry_after};

/// The API version this module speaks (the `Notion-Version` header); required by Notion.
pub const NOTION_VERSION: &str = "2025-09-03";

/// Where the API lives; tests point [`NotionConfig::base_url`] at a mock instead.
pub const DEFAULT_BASE_URL: &str = "https://api.notion.com";

/// Notion's limit on one rich-text object's `text.content`, in characters (counted as UTF-16
/// code units, as Notion's JavaScript does; the same for every text Clara has but emoji).
pub const MAX_TEXT_CHARS: usize = 2000;

/// Notion's limit on the objects of one rich-text array.
pub const MAX_RICH_TEXT_PIECES: usize = 100;

/// Time between two requests: Notion allows "an average of three requests per second", and
/// 340 ms keeps us just under that.
pub const DEFAULT_MIN_INTERVAL: Duration = Duration::from_millis(340);

/// Requests per call, the first included, before giving up on 429/529/5xx/connection failures.
pub const MAX_ATTEMPTS: u32 = 5;

/// [`MAX_ATTEMPTS`] requests of at most 30 s each, 1 s / 2 s / 4 s / 8 s apart unless Notion's
/// `Retry-After` says otherwise. No one waits on an editor's sync, so the budget is generous.
const RETRY: RetryPolicy = RetryPolicy {
    attempts: MAX_ATTEMPTS,
    first_delay: Duration::from_secs(1),
    max_total: Duration::from_secs(600),
    attempt_timeout: Duration::from_secs(30),
};

/// Notion's limit on a select option's name, in characters.
const MAX_SELECT_CHARS: usize = 100;

/// Phrases the texts use to mark a fact still to confirm (see `FacetText::resumen`), in
/// lower case: a field whose text contains one, in any language, is [`Estado::Pendiente`].
pub const PENDING_MARKERS: [&str; 5] = [
    "por confirmar",
    "à confirmer",
    "a confirmer",
    "to be confirmed",
    "يجب التأكد",
];

/// What `clara notion` needs from the environment. Nothing is required for `--dry-run`; the
/// token and the database ids are checked when a request is about to be made.
#[derive(Clone, Debug)]
pub struct NotionConfig {
    /// `NOTION_TOKEN`, the integration's secret.
    pub token: Option<SecretString>,
    /// `NOTION_BASE_URL` without a trailing slash; [`DEFAULT_BASE_URL`] unless set.
    pub base_url: String,
    /// `NOTION_DB_KB`, the *KB Tramites* database id (32 hex digits, dashes allowed).
    pub db_kb: Option<String>,
    /// `NOTION_DB_TESTING`, the *Demo & Testing* database id.
    pub db_testing: Option<String>,
    /// `NOTION_DB_BACKLOG`, the *Backlog* database id (`clara promote --notion`).
    pub db_backlog: Option<String>,
    /// The least time between two requests ([`DEFAULT_MIN_INTERVAL`]; tests use zero).
    pub min_interval: Duration,
}

impl Default for NotionConfig {
    /// No token, no databases, the real API, the default pace: enough for `--dry-run`.
    fn default() -> NotionConfig {
        NotionConfig {
            token: None,
            base_url: DEFAULT_BASE_URL.to_string(),
            db_kb: None,
            db_testing: None,
            db_backlog: None,
            min_interval: DEFAULT_MIN_INTERVAL,
        }
    }
}

impl NotionConfig {
    /// Reads `NOTION_TOKEN`, `NOTION_BASE_URL`, `NOTION_DB_KB`, `NOTION_DB_TESTING` and
    /// `NOTION_DB_BACKLOG`.
    ///
    /// # Errors
    /// [`NotionError::Config`] for a base URL that is not http(s) or a database id that is not
    /// one. Unset variables are not errors here.
    pub fn from_env() -> Result<NotionConfig, NotionError> {
        NotionConfig::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (tests pass a closure, not the environment).
    ///
    /// # Errors
    /// As [`NotionConfig::from_env`].
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<NotionConfig, NotionError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let base_url = match get("NOTION_BASE_URL") {
            None => DEFAULT_BASE_URL.to_string(),
            Some(url) => {
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"));
                if rest.is_none_or(str::is_empty) || url.contains(char::is_whitespace) {
                    return Err(ConfigError {
                        name: "NOTION_BASE_URL",
                        problem: format!("`{url}` is not an http(s) URL"),
                        accepts: "an http(s) URL without a trailing slash",
                    }
                    .into());
                }
                url.trim_end_matches('/').to_string()
            }
        };
        let db_kb = get("NOTION_DB_KB")
            .map(|id| database_id("NOTION_DB_KB", id))
            .transpose()?;
        let db_testing = get("NOTION_DB_TESTING")
            .map(|id| database_id("NOTION_DB_TESTING", id))
            .transpose()?;
        let db_backlog = get("NOTION_DB_BACKLOG")
            .map(|id| database_id("NOTION_DB_BACKLOG", id))
            .transpose()?;
        Ok(NotionConfig {
            token: get("NOTION_TOKEN").map(SecretString::from),
            base_url,
            db_kb,
            db_testing,
            db_backlog,
            min_interval: DEFAULT_MIN_INTERVAL,
        })
    }
}

/// Checks that `id` is a Notion id (32 hex digits, dashes anywhere), so that it can go into a
/// URL path as it is.
fn database_id(name: &'static str, id: String) -> Result<String, ConfigError> {
    let digits = id.chars().filter(|&c| c != '-').count();
    if digits == 32 && id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()) {
        Ok(id)
    } else {
        Err(ConfigError {
            name,
            problem: format!("`{id}` is not a database id"),
            accepts: "a Notion database id (32 hex digits, dashes allowed)",
        })
    }
}

/// Why a Notion command failed. Messages are one line and never contain the token.
#[derive(Debug, thiserror::Error)]
pub enum NotionError {
    /// A variable the command needs is not set.
    #[error("{name} is not set (needed unless --dry-run)")]
    Missing {
        /// The variable, e.g. `NOTION_TOKEN`.
        name: &'static str,
    },
    /// A variable is set to something unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Notion refused the token (401 `unauthorized`).
    #[error("NOTION_TOKEN was refused (401 unauthorized)")]
    Unauthorized,
    /// `GET /v1/databases/{id}` answered 404: a wrong id, or the database was not shared with
    /// the integration (Notion does not say which).
    #[error("database {id} not found or not shared with the integration (404 object_not_found)")]
    DatabaseNotFound {
        /// The database id as configured.
        id: String,
    },
    /// The database exists but lists no data source.
    #[error("database {id} has no data source")]
    NoDataSource {
        /// The database id as configured.
        id: String,
    },
    /// A 400 `validation_error`: the payload does not fit the database (a property missing or
    /// of another type, a limit exceeded).
    #[error("notion rejected the request (400 validation_error): {message}")]
    Validation {
        /// Notion's own message, which names the property.
        message: String,
    },
    /// Any other refusal (403 `restricted_resource`, 404 on a page, 409 `conflict_error`, …).
    #[error("notion refused the request (http {status} {code}): {message}")]
    Api {
        status: u16,
        /// Notion's error code, e.g. `restricted_resource`; empty when the body had none.
        code: String,
        message: String,
    },
    /// 429/529/5xx or no connection until [`MAX_ATTEMPTS`] requests were spent.
    #[error("notion kept failing; gave up after {attempts} attempts: {last}")]
    Exhausted {
        attempts: u32,
        /// The last failure, without URL or credentials.
        last: String,
    },
    /// The HTTP client could not be built (no TLS roots, say).
    #[error("cannot build the http client: {0}")]
    Client(String),
    /// A row of the sync (or of the backlog push) failed; the rows before it were written.
    #[error("row {key} (after {done} rows written): {source}")]
    Row {
        /// `procedure.field.lang`, e.g. `imv.requisitos.es`; for the backlog, the language and
        /// the start of the question.
        key: String,
        /// Rows created or updated before this one.
        done: usize,
        source: Box<NotionError>,
    },
    /// The evidence file could not be read or is not an [`Evidence`].
    #[error("cannot read evidence file {}: {problem}", .path.display())]
    Evidence { path: PathBuf, problem: String },
    /// Writing the output failed.
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
}

impl From<outbound::Exhausted> for NotionError {
    fn from(e: outbound::Exhausted) -> NotionError {
        NotionError::Exhausted {
            attempts: e.attempts,
            last: e.last,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The knowledge base rows
// ---------------------------------------------------------------------------------------------

/// A field of a procedure as it goes to Notion (*Campo*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The procedure's name.
    Nombre,
    /// The body in charge.
    Organismo,
    /// One facet: its `resumen` and numbered `pasos`.
    Facet(Facet),
}

impl Field {
    /// The *Campo* select value: the name used in `data/tramites/*.json`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Nombre => "nombre",
            Field::Organismo => "organismo",
            Field::Facet(facet) => facet.as_str(),
        }
    }

    /// The fields `procedure` has, in order: `nombre`, `organismo`, then its facets in
    /// [`Facet::ALL`] order (`cuantia` only where the procedure has it).
    pub fn of(procedure: ProcedureId) -> Vec<Field> {
        let p = kb::procedure(procedure);
        let mut fields = vec![Field::Nombre, Field::Organismo];
        fields.extend(
            Facet::ALL
                .iter()
                .filter(|&&f| p.facetas.get(f).is_some())
                .map(|&f| Field::Facet(f)),
        );
        fields
    }
}

/// Whether a field's facts are confirmed (*Estado*).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Estado {
    Verificado,
    /// Some fact of the field is still to confirm.
    Pendiente,
}

impl Estado {
    /// The *Estado* select value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Estado::Verificado => "Verificado",
            Estado::Pendiente => "Pendiente",
        }
    }
}

/// One page of *KB Tramites*: a procedure's field in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbRow {
    /// *Tramite* (title): the procedure id, stable across renames and languages.
    pub procedure: ProcedureId,
    /// *Campo* (select).
    pub field: Field,
    /// *Idioma* (select).
    pub lang: Lang,
    /// *Valor* (rich text): the field's text in `lang`; a facet is its `resumen`, a blank line,
    /// then the `pasos` numbered `1. `, `2. `, … one a line.
    pub valor: String,
    /// *Fuente URL* (url): the procedure's official page.
    pub fuente_url: &'static str,
    /// *Organismo* (select): the body in charge, in Spanish and short (the text before the first
    /// `,`, `;` or `·`, at most 100 characters), because a select option may not contain a comma
    /// and should be the same in every language. The full text is the `organismo` row.
    pub organismo: String,
    /// *Estado* (select). The procedures' `verificar` notes are editors' notes about the whole
    /// procedure (every procedure has some), so they cannot tell fields apart; the texts
    /// themselves mark uncertain facts ([`PENDING_MARKERS`]). A field is `Pendiente` when its
    /// text says so in *any* language (the facts are the same in all four), else `Verificado`.
    pub estado: Estado,
    /// *Fecha verificacion* (date), `YYYY-MM-DD`. The data has month precision (`2026-03`):
    /// Notion dates need a day, so a month is sent as its first day (`2026-03-01`), meaning
    /// "checked during March 2026", not "on 1 March".
    pub fecha_verificacion: String,
}

impl KbRow {
    /// `procedure.field.lang`, e.g. `imv.requisitos.es` (the answer-id style).
    pub fn key(&self) -> String {
        format!("{}.{}.{}", self.procedure, self.field.as_str(), self.lang)
    }

    /// The page properties, as `POST /v1/pages` and `PATCH /v1/pages/{id}` take them.
    pub fn properties(&self) -> Value {
        json!({
            "Tramite": {"title": split_rich_text(self.procedure.as_str())},
            "Campo": {"select": {"name": self.field.as_str()}},
            "Idioma": {"select": {"name": self.lang.as_str()}},
            "Valor": {"rich_text": split_rich_text(&self.valor)},
            "Fuente URL": {"url": self.fuente_url},
            "Organismo": {"select": {"name": self.organismo}},
            "Estado": {"select": {"name": self.estado.as_str()}},
            "Fecha verificacion": {"date": {"start": self.fecha_verificacion}},
        })
    }

    /// The `POST /v1/data_sources/{id}/query` body that finds this row's page. Two results are
    /// asked for so that a duplicate is noticed.
    pub fn query(&self) -> Value {
        json!({
            "filter": {"and": [
                {"property": "Tramite", "title": {"equals": self.procedure.as_str()}},
                {"property": "Campo", "select": {"equals": self.field.as_str()}},
                {"property": "Idioma", "select": {"equals": self.lang.as_str()}},
            ]},
            "page_size": 2,
        })
    }
}

/// Every *KB Tramites* row, from the embedded archive: for each procedure of
/// [`ProcedureId::ALL`], each of its [`Field::of`], each language of [`Lang::ALL`].
pub fn kb_rows() -> Vec<KbRow> {
    let mut rows = Vec::new();
    for &procedure in ProcedureId::ALL {
        let p = kb::procedure(procedure);
        let organismo = select_name(p.organismo.get(Lang::Es).as_str());
        let fecha = notion_date(p.fecha_verificacion.as_str());
        for field in Field::of(procedure) {
            let texts: Vec<String> = Lang::ALL
                .iter()
                .map(|&lang| field_text(procedure, field, lang))
                .collect();
            let estado = if texts.iter().any(|t| is_pending(t)) {
                Estado::Pendiente
            } else {
                Estado::Verificado
            };
            for (&lang, valor) in Lang::ALL.iter().zip(texts) {
                rows.push(KbRow {
                    procedure,
                    field,
                    lang,
                    valor,
                    fuente_url: p.fuente_url.as_str(),
                    organismo: organismo.clone(),
                    estado,
                    fecha_verificacion: fecha.clone(),
                });
            }
        }
    }
    rows
}

/// The text of one field in one language (see [`KbRow::valor`]).
fn field_text(procedure: ProcedureId, field: Field, lang: Lang) -> String {
    let p = kb::procedure(procedure);
    let facet = match field {
        Field::Nombre => return p.nombre.get(lang).as_str().to_string(),
        Field::Organismo => return p.organismo.get(lang).as_str().to_string(),
        Field::Facet(facet) => facet,
    };
    let Some(texts) = p.facetas.get(facet) else {
        return String::new(); // not reached: Field::of lists only the facets a procedure has
    };
    let text = texts.get(lang);
    let mut out = text.resumen.as_str().to_string();
    for (i, step) in text.pasos.iter().enumerate() {
        out.push_str(if i == 0 { "\n\n" } else { "\n" });
        out.push_str(&format!("{}. {}", i + 1, step.as_str()));
    }
    out
}

/// Whether a text marks a fact as still to confirm (see [`PENDING_MARKERS`]).
fn is_pending(text: &str) -> bool {
    let lower = text.to_lowercase();
    PENDING_MARKERS.iter().any(|m| lower.contains(m))
}

/// A Notion date for a `YYYY-MM` or `YYYY-MM-DD` verification date: a month becomes its first
/// day (Notion dates need a day).
fn notion_date(fecha: &str) -> String {
    if fecha.len() == 7 {
        format!("{fecha}-01")
    } else {
        fecha.to_string()
    }
}

/// A select option name: the text before the first `,`, `;` or `·` (Notion refuses commas in
/// select options), at most [`MAX_SELECT_CHARS`] characters.
pub(crate) fn select_name(text: &str) -> String {
    let head = text.split([',', ';', '·']).next().unwrap_or(text).trim();
    head.chars().take(MAX_SELECT_CHARS).collect()
}

/// `text` as a Notion rich-text array: pieces of at most [`MAX_TEXT_CHARS`] characters that
/// concatenate back to `text` exactly. A piece ends after the last line break (else the last
/// whitespace) that fits, when that keeps it over half full; otherwise it is cut between two
/// characters, never before a combining mark or around a zero-width joiner. Beyond
/// [`MAX_RICH_TEXT_PIECES`] pieces (200,000 characters) the text is cut short, ending in `…`,
/// with a warning. An empty text is an empty array.
pub fn split_rich_text(text: &str) -> Vec<Value> {
    let mut pieces: Vec<String> = split_text(text, MAX_TEXT_CHARS)
        .into_iter()
        .map(str::to_string)
        .collect();
    if pieces.len() > MAX_RICH_TEXT_PIECES {
        warn!(
            pieces = pieces.len(),
            "text too long for one notion property; cut short"
        );
        pieces.truncate(MAX_RICH_TEXT_PIECES);
        if let Some(last) = pieces.last_mut() {
            while utf16_len(last) + 1 > MAX_TEXT_CHARS {
                last.pop();
            }
            last.push('…');
        }
    }
    pieces
        .into_iter()
        .map(|p| json!({"type": "text", "text": {"content": p}}))
        .collect()
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// Cuts `text` into pieces of at most `cap` UTF-16 code units (see [`split_rich_text`]).
fn split_text(text: &str, cap: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // The byte index of the first character that does not fit.
        let mut units = 0;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                units += c.len_utf16();
                units > cap
            })
            .map(|(i, _)| i);
        let Some(end) = end else {
            out.push(rest);
            break;
        };
        let window = &rest[..end];
        let after_break = |i: usize| i + window[i..].chars().next().map_or(1, char::len_utf8);
        let cut = window
            .rfind('\n')
            .or_else(|| window.rfind(char::is_whitespace))
            .map(after_break)
            .filter(|&i| i > end / 2)
            .unwrap_or_else(|| hard_cut(rest, end));
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The verify evidence
// ---------------------------------------------------------------------------------------------

/// The evidence file `verify.sh` writes, one JSON object:
///
/// ```json
/// {"date": "2026-11-27T19:00:00Z", "commit": "abc1234",
///  "gates": [{"name": "fmt", "status": "PASS"}, {"name": "audio", "status": "SKIP", "reason": "no key"}],
///  "summary": "all gates passed"}
/// ```
///
/// Unknown keys are refused, so that a misspelt one is noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// When the run happened: an ISO 8601 date or date-time (`2026-11-27` or
    /// `2026-11-27T19:00:00Z`), as Notion dates take it.
    pub date: String,
    /// The commit verified, usually the short hash.
    pub commit: String,
    /// The gates, in the order they ran.
    pub gates: Vec<Gate>,
    /// One line or paragraph for people.
    #[serde(default)]
    pub summary: String,
}

/// One check of a verify run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// e.g. `fmt`, `clippy`, `test`.
    pub name: String,
    pub status: GateStatus,
    /// Why it failed or was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A gate's outcome, written `PASS`, `FAIL` or `SKIP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum GateStatus {
    Pass,
    Fail,
    Skip,
}

impl Evidence {
    /// Reads and checks an evidence file.
    ///
    /// # Errors
    /// [`NotionError::Evidence`] when the file cannot be read, is not an [`Evidence`], has an
    /// empty commit or a date that does not start with `YYYY-MM-DD`.
    pub fn read(path: &Path) -> Result<Evidence, NotionError> {
        let bad = |problem: String| NotionError::Evidence {
            path: path.to_path_buf(),
            problem,
        };
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let evidence: Evidence = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        let date = evidence.date.as_bytes();
        let digits = |r: std::ops::Range<usize>| date[r].iter().all(u8::is_ascii_digit);
        let iso = date.len() >= 10
            && digits(0..4)
            && date[4] == b'-'
            && digits(5..7)
            && date[7] == b'-'
            && digits(8..10);
        if !iso {
            return Err(bad(format!(
                "date `{}` is not an ISO 8601 date",
                evidence.date
            )));
        }
        if evidence.commit.trim().is_empty() {
            return Err(bad("commit is empty".to_string()));
        }
        Ok(evidence)
    }

    /// How many gates passed, failed and were skipped.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: GateStatus| self.gates.iter().filter(|g| g.status == s).count();
        (
            count(GateStatus::Pass),
            count(GateStatus::Fail),
            count(GateStatus::Skip),
        )
    }

    /// The *Demo & Testing* page properties: *Nombre* (title `verify <date> <commit>`),
    /// *Fecha* (date), *Commit* and *Resumen* (rich text), *Pasados*, *Fallidos* and *Omitidos*
    /// (numbers), *Estado* (select: `OK` when no gate failed, else `FALLO`).
    pub fn properties(&self) -> Value {
        let (passed, failed, skipped) = self.counts();
        json!({
            "Nombre": {"title": split_rich_text(&format!("verify {} {}", self.date, self.commit))},
            "Fecha": {"date": {"start": self.date}},
            "Commit": {"rich_text": split_rich_text(&self.commit)},
            "Pasados": {"number": passed},
            "Fallidos": {"number": failed},
            "Omitidos": {"number": skipped},
            "Resumen": {"rich_text": split_rich_text(&self.summary)},
            "Estado": {"select": {"name": if failed == 0 { "OK" } else { "FALLO" }}},
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The commands
// ---------------------------------------------------------------------------------------------

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncReport {
    /// Rows handled (printed, in a dry run).
    pub rows: usize,
    /// Pages created.
    pub created: usize,
    /// Pages updated.
    pub updated: usize,
}

/// Pushes [`kb_rows`] to *KB Tramites*: one query, then one update or create, per row, writing
/// `created <key>` or `updated <key>` to `out` for each. With `dry_run`, writes each row's
/// payload (`{"properties": …}`, one JSON object a line) and makes no request: no token or
/// database id is needed.
///
/// # Errors
/// [`NotionError::Missing`] without `NOTION_TOKEN` or `NOTION_DB_KB`; the resolution's errors
/// ([`NotionError::Unauthorized`], [`NotionError::DatabaseNotFound`], …); the first row that
/// fails, as [`NotionError::Row`] (the rows before it were written); output errors.
pub async fn sync(
    cfg: &NotionConfig,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<SyncReport, NotionError> {
    let rows = kb_rows();
    let mut report = SyncReport {
        rows: rows.len(),
        ..SyncReport::default()
    };
    if dry_run {
        for row in &rows {
            writeln!(out, "{}", json!({"properties": row.properties()}))?;
        }
        return Ok(report);
    }
    let database = cfg.db_kb.as_deref().ok_or(NotionError::Missing {
        name: "NOTION_DB_KB",
    })?;
    let client = Client::new(cfg)?;
    let source = client.data_source(database).await?;
    for row in &rows {
        let created = client
            .upsert(&source, row)
            .await
            .map_err(|e| NotionError::Row {
                key: row.key(),
                done: report.created + report.updated,
                source: Box::new(e),
            })?;
        if created {
            report.created += 1;
            writeln!(out, "created {}", row.key())?;
        } else {
            report.updated += 1;
            writeln!(out, "updated {}", row.key())?;
        }
    }
    Ok(report)
}

/// Appends one row to *Demo & Testing* from the evidence file at `evidence_path` (see
/// [`Evidence::properties`]), then writes `recorded <title> <page url>` to `out`. With `dry_run`,
/// writes the payload (`{"properties": …}`, one line) and makes no request.
///
/// # Errors
/// [`NotionError::Evidence`] for an unreadable file; [`NotionError::Missing`] without
/// `NOTION_TOKEN` or `NOTION_DB_TESTING`; the API's errors; output errors.
pub async fn report(
    cfg: &NotionConfig,
    evidence_path: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<(), NotionError> {
    let evidence = Evidence::read(evidence_path)?;
    let properties = evidence.properties();
    if dry_run {
        writeln!(out, "{}", json!({"properties": properties}))?;
        return Ok(());
    }
    let database = cfg.db_testing.as_deref().ok_or(NotionError::Missing {
        name: "NOTION_DB_TESTING",
    })?;
    let client = Client::new(cfg)?;
    let source = client.data_source(database).await?;
    let page = client.create(&source, properties).await?;
    let url = page.get("url").and_then(Value::as_str).unwrap_or("");
    writeln!(
        out,
        "recorded verify {} {} {url}",
        evidence.date, evidence.commit
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The HTTP client
// ---------------------------------------------------------------------------------------------

/// Notion's error body: `{"object": "error", "status": 404, "code": "object_not_found",
/// "message": "…", "request_id": "…"}`.
#[derive(Debug, Default, Deserialize)]
struct ApiError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
}

/// A paced, retrying client for one command run.
pub(crate) struct Client<'a> {
    http: reqwest::Client,
    /// `{base_url}/v1`.
    api: String,
    /// Sent with `bearer_auth`, which marks the header sensitive.
    token: &'a SecretString,
    min_interval: Duration,
    /// The earliest moment the next request may start.
    next_slot: Mutex<Instant>,
}

impl<'a> Client<'a> {
    pub(crate) fn new(cfg: &'a NotionConfig) -> Result<Client<'a>, NotionError> {
        let token = cfg.token.as_ref().ok_or(NotionError::Missing {
            name: "NOTION_TOKEN",
        })?;
        let http = outbound::client().map_err(|e| NotionError::Client(describe(e)))?;
        Ok(Client {
            http,
            api: format!("{}/v1", cfg.base_url.trim_end_matches('/')),
            token,
            min_interval: cfg.min_interval,
            next_slot: Mutex::new(Instant::now()),
        })
    }

    /// The data source of `database` (the first, with a warning if there are several).
    pub(crate) async fn data_source(&self, database: &str) -> Result<String, NotionError> {
        let db = match self
            .request(reqwest::Method::GET, &format!("databases/{database}"), None)
            .await
        {
            Err(NotionError::Api { status: 404, .. }) => {
                return Err(NotionError::DatabaseNotFound {
                    id: database.to_string(),
                });
            }
            other => other?,
        };
        let sources = db
            .get("data_sources")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if sources.len() > 1 {
            warn!(
                database,
                sources = sources.len(),
                "database has several data sources; using the first"
            );
        }
        sources
            .first()
            .and_then(|s| s.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| NotionError::NoDataSource {
                id: database.to_string(),
            })
    }

    /// The first page of `source` that `query` (a filter on the row's key) finds; several are
    /// logged with `key`, since a key should have one page.
    pub(crate) async fn find_page(
        &self,
        source: &str,
        query: &Value,
        key: &str,
    ) -> Result<Option<Value>, NotionError> {
        let mut found = self
            .request(
                reqwest::Method::POST,
                &format!("data_sources/{source}/query"),
                Some(query),
            )
            .await?;
        let results = match found.get_mut("results").map(Value::take) {
            Some(Value::Array(results)) => results,
            _ => Vec::new(),
        };
        if results.len() > 1 {
            warn!(key, "several notion pages for one row; updating the first");
        }
        Ok(results.into_iter().next())
    }

    /// Updates the page of `row`'s key, or creates it; `true` when created.
    async fn upsert(&self, source: &str, row: &KbRow) -> Result<bool, NotionError> {
        let page = self.find_page(source, &row.query(), &row.key()).await?;
        match page
            .as_ref()
            .and_then(|p| p.get("id"))
            .and_then(Value::as_str)
        {
            Some(page) => {
                self.request(
                    reqwest::Method::PATCH,
                    &format!("pages/{page}"),
                    Some(&json!({"properties": row.properties()})),
                )
                .await?;
                Ok(false)
            }
            None => {
                self.create(source, row.properties()).await?;
                Ok(true)
            }
        }
    }

    /// Creates a page in the data source; returns the page object.
    pub(crate) async fn create(
        &self,
        source: &str,
        properties: Value,
    ) -> Result<Value, NotionError> {
        let body = json!({
            "parent": {"type": "data_source_id", "data_source_id": source},
            "properties": properties,
        });
        self.request(reqwest::Method::POST, "pages", Some(&body))
            .await
    }

    /// Waits for the next request slot and books the one after it.
    async fn pace(&self) {
        let slot = {
            let mut next = self
                .next_slot
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let slot = (*next).max(Instant::now());
            *next = slot + self.min_interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }

    /// One API call, paced and retried; the parsed 2xx body (`null` if unreadable).
    pub(crate) async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, NotionError> {
        let url = format!("{}/{path}", self.api);
        retry(&RETRY, "notion", || self.attempt(&method, &url, path, body)).await
    }

    /// One request, classified.
    async fn attempt(
        &self,
        method: &reqwest::Method,
        url: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Attempt<Value, NotionError> {
        self.pace().await;
        debug!(%method, path, "notion request");
        let mut request = self
            .http
            .request(method.clone(), url)
            .bearer_auth(self.token.expose_secret())
            .header("Notion-Version", NOTION_VERSION)
            .header(reqwest::header::ACCEPT, "application/json");
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => {
                return Attempt::Retry {
                    last: format!("request failed: {}", describe(e)),
                    retry_after: None,
                };
            }
        };
        let status = response.status().as_u16();
        let retry_after = retry_after(response.headers());
        let text = response.text().await.unwrap_or_default();
        if (200..300).contains(&status) {
            return Attempt::Done(Ok(serde_json::from_str(&text).unwrap_or(Value::Null)));
        }
        let err: ApiError = serde_json::from_str(&text).unwrap_or_default();
        if !matches!(status, 429 | 529 | 500 | 502 | 503 | 504) {
            warn!(status, code = err.code, path, "notion refused");
            return Attempt::Done(Err(refusal(status, err)));
        }
        Attempt::Retry {
            last: format!("http {status} {}: {}", err.code, err.message),
            retry_after,
        }
    }
}

/// The error for a refusal that a retry cannot fix.
fn refusal(status: u16, err: ApiError) -> NotionError {
    match (status, err.code.as_str()) {
        (401, _) => NotionError::Unauthorized,
        (400, "validation_error") => NotionError::Validation {
            message: err.message,
        },
        _ => NotionError::Api {
            status,
            code: err.code,
            message: err.message,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_become_their_first_day() {
        assert_eq!(notion_date("2026-03"), "2026-03-01");
        assert_eq!(notion_date("2026-03-12"), "2026-03-12");
    }

    #[test]
    fn select_names_have_no_commas() {
        assert_eq!(
            select_name(
                "Instituto Nacional de la Seguridad Social (INSS), Ministerio de Inclusión"
            ),
            "Instituto Nacional de la Seguridad Social (INSS)"
        );
        assert_eq!(
            select_name("Ayuntamiento de Madrid · Oficinas"),
            "Ayuntamiento de Madrid"
        );
        assert_eq!(select_name(&"x".repeat(300)).chars().count(), 100);
    }

    #[test]
    fn pending_markers_in_any_language() {
        assert!(is_pending("El plazo es de 3 meses (por confirmar)."));
        assert!(is_pending("À confirmer auprès du 010."));
        assert!(is_pending("3 months (to be confirmed)."));
        assert!(is_pending("ثلاثة أشهر (يجب التأكد)."));
        assert!(!is_pending("Es gratis."));
    }

    #[test]
    fn hard_cuts_keep_marks_with_their_letters() {
        let word = "بَ".repeat(1500); // 3,000 characters, no whitespace
        let pieces = split_text(&word, MAX_TEXT_CHARS);
        assert_eq!(pieces.concat(), word);
        for p in &pieces {
            assert!(utf16_len(p) <= MAX_TEXT_CHARS);
            let first = p.chars().next().unwrap();
            assert!(!unicode_normalization::char::is_combining_mark(first));
        }
    }

    #[test]
    fn emoji_count_as_two() {
        let text = "😀".repeat(1500); // 3,000 UTF-16 units
        let pieces = split_text(&text, MAX_TEXT_CHARS);
        assert_eq!(pieces.len(), 2);
        assert_eq!(utf16_len(pieces[0]), 2000);
    }

    #[test]
    fn too_long_texts_are_cut_at_a_hundred_pieces() {
        let text = "a".repeat(MAX_TEXT_CHARS * MAX_RICH_TEXT_PIECES + 10);
        let pieces = split_rich_text(&text);
        assert_eq!(pieces.len(), MAX_RICH_TEXT_PIECES);
        let last = pieces[99]["text"]["content"].as_str().unwrap();
        assert!(last.ends_with('…') && last.chars().count() == MAX_TEXT_CHARS);
    }

    #[test]
    fn database_ids_are_checked() {
        let ok = NotionConfig::from_lookup(|n| {
            (n == "NOTION_DB_KB").then(|| "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f".to_string())
        })
        .unwrap();
        assert_eq!(
            ok.db_kb.as_deref(),
            Some("1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f")
        );
        assert_eq!(ok.base_url, DEFAULT_BASE_URL);
        let err = NotionConfig::from_lookup(|n| {
            (n == "NOTION_DB_TESTING").then(|| "https://notion.so/x".to_string())
        })
        .unwrap_err();
        assert!(
            err.to_string().starts_with("invalid NOTION_DB_TESTING"),
            "{err}"
        );
        let err = NotionConfig::from_lookup(|n| {
            (n == "NOTION_BASE_URL").then(|| "api.notion.com".to_string())
        })
        .unwrap_err();
        assert!(
            err.to_string().starts_with("invalid NOTION_BASE_URL"),
            "{err}"
        );
    }
}
