//! `clara promote JOURNAL --notion`: the most frequent misses of a miss journal, filed in the
//! Notion *Backlog* database (`NOTION_DB_BACKLOG`), so that the content backlog comes from what
//! people really asked.
//!
//! # The rows
//! One page per distinct question and language, keyed by *Pregunta* (title) and *Idioma*
//! (select). The journal already hides personal numbers; every question goes through
//! [`crate::redact::question`] again here anyway, before grouping, so that nothing personal
//! leaves the machine even from an old or hand-edited journal (and two questions that differed
//! only in a hidden number count as one). See [`BacklogRow::properties`] for the properties.
//!
//! # Counting without duplicates
//! Each row is looked up first (`POST /v1/data_sources/{id}/query`, filtered on *Pregunta* and
//! *Idioma*). A page found is updated (`PATCH /v1/pages/{id}`), never duplicated. Its *Veces*
//! does not become the journal's count, because journals come and go (a deploy on a free
//! instance starts an empty one): the page's *Ultima vez* is a watermark, and only the misses
//! after it are added. Pushing the same journal twice therefore changes nothing the second
//! time, and a new journal adds to the old totals. Watermarks have minute precision (Notion may
//! drop seconds), so a miss in the same minute as the last push, after it, is not counted: a
//! small undercount rather than a double count. A page whose *Ultima vez* an editor has
//! cleared or mangled gets the larger of its count and the journal's.
//!
//! An update writes only *Veces* and *Ultima vez*: what editors changed (*Estado*, a corrected
//! suggestion, notes) stays. The journal itself is only read, so a failed push loses nothing;
//! running it again finishes the job (pages already updated are not counted twice).

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use crate::cli::notion::{Client, NotionConfig, NotionError, split_rich_text};
use crate::kb::{Facet, Lang, ProcedureId};
use crate::miss::journal::Entry;
use crate::respond::{Context, Intent, Responder};

/// The *Tramite sugerido* / *Faceta sugerida* value when there is no suggestion: the same word
/// `clara promote`'s FAQ drafts use for a procedure to pick.
pub const NO_SUGGESTION: &str = "REVISAR";

/// The *Estado* of a page when it is created; editors move it on (it is never written again).
pub const NEW_STATUS: &str = "Nuevo";

/// Characters of the question shown in progress lines and errors.
const SHOWN_CHARS: usize = 60;

/// One page of *Backlog*: a distinct question in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BacklogRow {
    /// *Pregunta* (title): the question, redacted again.
    pub question: String,
    /// *Idioma* (select).
    pub lang: Lang,
    /// When each miss happened (unix seconds), oldest first; *Veces* is their number.
    pub times: Vec<u64>,
    /// *Tramite sugerido* (select).
    pub procedure: Option<ProcedureId>,
    /// *Faceta sugerida* (select).
    pub facet: Option<Facet>,
}

impl BacklogRow {
    /// How many times it was asked in the journal.
    pub fn count(&self) -> usize {
        self.times.len()
    }

    /// The latest miss, unix seconds.
    pub fn last(&self) -> u64 {
        self.times.last().copied().unwrap_or(0)
    }

    /// `es "the question…"`, for progress lines and errors: one line, short.
    pub fn label(&self) -> String {
        let one_line = self.question.replace(['\n', '\r'], " ");
        let shown = crate::redact::cap(&one_line, SHOWN_CHARS);
        format!("{} \"{shown}\"", self.lang)
    }

    /// The properties of a new page: *Pregunta* (title), *Idioma* (select), *Veces* (number),
    /// *Ultima vez* (date, the latest miss to the minute, UTC), *Tramite sugerido* and *Faceta
    /// sugerida* (selects, [`NO_SUGGESTION`] when there is none) and *Estado* (select,
    /// [`NEW_STATUS`]).
    pub fn properties(&self) -> Value {
        json!({
            "Pregunta": {"title": split_rich_text(&self.question)},
            "Idioma": {"select": {"name": self.lang.as_str()}},
            "Veces": {"number": self.count()},
            "Ultima vez": {"date": {"start": iso_minute(self.last())}},
            "Tramite sugerido": {"select": {"name": self.procedure.map_or(NO_SUGGESTION, ProcedureId::as_str)}},
            "Faceta sugerida": {"select": {"name": self.facet.map_or(NO_SUGGESTION, Facet::as_str)}},
            "Estado": {"select": {"name": NEW_STATUS}},
        })
    }

    /// The `POST /v1/data_sources/{id}/query` body that finds this row's page; two results are
    /// asked for so that a duplicate is noticed.
    pub fn query(&self) -> Value {
        json!({
            "filter": {"and": [
                {"property": "Pregunta", "title": {"equals": self.question}},
                {"property": "Idioma", "select": {"equals": self.lang.as_str()}},
            ]},
            "page_size": 2,
        })
    }

    /// The new *Veces* of a page that already has `count` and the watermark `last` (its *Ultima
    /// vez*, unix seconds, when readable): `count` plus the misses after the watermark's minute,
    /// or the larger of the two counts without a watermark. `None` when nothing is new.
    pub fn merged_count(&self, count: u64, last: Option<u64>) -> Option<u64> {
        let Some(last) = last else {
            // Written even when equal, so that the page gets its watermark back.
            return Some(count.max(self.count() as u64));
        };
        let fresh = self.times.iter().filter(|&&t| t / 60 > last / 60).count();
        (fresh > 0).then_some(count + fresh as u64)
    }
}

/// The `top` most frequent misses of a journal's entries as rows, most frequent first (ties by
/// language, then question), and the number of entries left out (a language Clara does not
/// speak, or no question).
pub fn rows(
    entries: impl IntoIterator<Item = Entry>,
    top: usize,
    responder: &Responder,
) -> (Vec<BacklogRow>, usize) {
    let mut unreadable = 0;
    // (question, lang) → (times, the latest procedure guess).
    let mut groups: BTreeMap<(String, Lang), (Vec<u64>, Option<ProcedureId>)> = BTreeMap::new();
    for entry in entries {
        let Some(lang) = Lang::parse(&entry.lang) else {
            unreadable += 1;
            continue;
        };
        let question = crate::redact::question(entry.question.trim());
        if question.is_empty() {
            unreadable += 1;
            continue;
        }
        let slot = groups.entry((question, lang)).or_default();
        slot.0.push(entry.at);
        if let Some(guess) = entry.guess.as_deref().and_then(ProcedureId::parse) {
            slot.1 = Some(guess);
        }
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    // A stable sort on the count keeps the map's (question, language) order among equals.
    groups.sort_by_key(|(_, (times, _))| std::cmp::Reverse(times.len()));
    groups.truncate(top);
    let rows = groups
        .into_iter()
        .map(|((question, lang), (mut times, guess))| {
            times.sort_unstable();
            let (procedure, facet) = suggest(responder, &question, lang, guess);
            BacklogRow {
                question,
                lang,
                times,
                procedure,
                facet,
            }
        })
        .collect();
    (rows, unreadable)
}

/// The procedure and facet to suggest for a missed question: what the compiled responder
/// answers now (the content may have learnt it since), else the procedure its words lean to or
/// the journal's guess, with the facet the question names when asked about that procedure.
fn suggest(
    responder: &Responder,
    question: &str,
    lang: Lang,
    guess: Option<ProcedureId>,
) -> (Option<ProcedureId>, Option<Facet>) {
    let reply = responder.respond(question, Some(lang));
    if let Intent::Procedure(p) = reply.intent {
        return (Some(p), reply.facet);
    }
    let Some(procedure) = reply.guess.or(guess) else {
        return (None, None);
    };
    // As the next message after an answer about `procedure`: a facet word alone then answers.
    let context = Context {
        lang: Some(lang),
        procedure: Some(procedure),
        facet: None,
        other: None,
    };
    let reply = responder.respond_in(question, Some(lang), context);
    let facet = match reply.intent {
        Intent::Procedure(p) if p == procedure => reply.facet,
        _ => None,
    };
    (Some(procedure), facet)
}

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PushReport {
    /// Rows handled (printed, in a dry run).
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    /// Pages found with nothing new to add.
    pub unchanged: usize,
}

/// Files `rows` in *Backlog*: for each, one query, then a create, an update or nothing, writing
/// `created|updated|unchanged <label> (<count>)` to `out`. With `dry_run`, writes each row's
/// payload (`{"properties": …}`, one JSON object a line: exactly what would leave the machine)
/// and makes no request.
///
/// # Errors
/// [`NotionError::Missing`] without `NOTION_TOKEN` or `NOTION_DB_BACKLOG`; the database's
/// errors; the first row that fails, as [`NotionError::Row`] (the rows before it were written);
/// output errors.
pub async fn push(
    cfg: &NotionConfig,
    rows: &[BacklogRow],
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<PushReport, NotionError> {
    let mut report = PushReport {
        rows: rows.len(),
        ..PushReport::default()
    };
    if dry_run {
        for row in rows {
            writeln!(out, "{}", json!({"properties": row.properties()}))?;
        }
        return Ok(report);
    }
    let database = cfg.db_backlog.as_deref().ok_or(NotionError::Missing {
        name: "NOTION_DB_BACKLOG",
    })?;
    let client = Client::new(cfg)?;
    let source = client.data_source(database).await?;
    for row in rows {
        let done = report.created + report.updated + report.unchanged;
        let outcome = upsert(&client, &source, row)
            .await
            .map_err(|e| NotionError::Row {
                key: row.label(),
                done,
                source: Box::new(e),
            })?;
        let (word, count) = match outcome {
            Outcome::Created => {
                report.created += 1;
                ("created", row.count() as u64)
            }
            Outcome::Updated(count) => {
                report.updated += 1;
                ("updated", count)
            }
            Outcome::Unchanged(count) => {
                report.unchanged += 1;
                ("unchanged", count)
            }
        };
        writeln!(out, "{word} {} ({count})", row.label())?;
    }
    Ok(report)
}

enum Outcome {
    Created,
    /// The new count.
    Updated(u64),
    /// The page's count.
    Unchanged(u64),
}

async fn upsert(
    client: &Client<'_>,
    source: &str,
    row: &BacklogRow,
) -> Result<Outcome, NotionError> {
    let found = client.find_page(source, &row.query(), &row.label()).await?;
    let Some(page) = found.as_ref() else {
        client.create(source, row.properties()).await?;
        return Ok(Outcome::Created);
    };
    let id = page
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| NotionError::Api {
            status: 200,
            code: String::new(),
            message: "a query result has no page id".to_string(),
        })?;
    let properties = page.get("properties");
    let count = properties
        .and_then(|p| p.pointer("/Veces/number"))
        .and_then(Value::as_f64)
        .map_or(0, |n| n.max(0.0) as u64);
    let last = properties
        .and_then(|p| p.pointer("/Ultima vez/date/start"))
        .and_then(Value::as_str)
        .and_then(parse_iso);
    let Some(merged) = row.merged_count(count, last) else {
        return Ok(Outcome::Unchanged(count));
    };
    let last = last.unwrap_or(0).max(row.last());
    client
        .request(
            reqwest::Method::PATCH,
            &format!("pages/{id}"),
            Some(&json!({"properties": {
                "Veces": {"number": merged},
                "Ultima vez": {"date": {"start": iso_minute(last)}},
            }})),
        )
        .await?;
    Ok(Outcome::Updated(merged))
}

// ---------------------------------------------------------------------------------------------
// Dates: ISO 8601 in UTC without a date crate (days ↔ civil dates, Howard Hinnant's algorithms)
// ---------------------------------------------------------------------------------------------

/// `unix` seconds as `YYYY-MM-DDTHH:MM:00Z`: the minute, because that is the watermark's
/// precision (see the module docs).
pub fn iso_minute(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// Unix seconds of an ISO 8601 date or date-time as Notion returns them (`2026-11-27`,
/// `2026-11-27T19:05:00Z`, `2026-11-27T19:05:00.000+01:00`); a date alone is midnight UTC.
/// `None` for anything else.
pub fn parse_iso(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if b.len() > 10 {
        if b[10] != b'T' || b.len() < 16 || b[13] != b':' {
            return None;
        }
        let (h, min) = (num(11..13)?, num(14..16)?);
        let mut rest = &text[16..];
        let mut s = 0;
        if let Some(tail) = rest.strip_prefix(':') {
            s = num(17..19)?;
            rest = tail.get(2..)?;
            if let Some(fraction) = rest.strip_prefix('.') {
                let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
                rest = &fraction[digits..];
            }
        }
        let offset = match rest {
            "" | "Z" => 0,
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let (oh, om) = rest[1..].split_once(':')?;
                let (oh, om): (i64, i64) = (oh.parse().ok()?, om.parse().ok()?);
                sign * (oh * 3600 + om * 60)
            }
        };
        if h > 23 || min > 59 || s > 60 {
            return None;
        }
        secs += h * 3600 + min * 60 + s - offset;
    }
    u64::try_from(secs).ok()
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_to_the_minute() {
        assert_eq!(iso_minute(0), "1970-01-01T00:00:00Z");
        // 2026-11-27T19:05:42Z
        let t = 1_795_806_342;
        assert_eq!(iso_minute(t), "2026-11-27T19:05:00Z");
        assert_eq!(parse_iso(&iso_minute(t)), Some(t / 60 * 60));
        assert_eq!(parse_iso("2026-11-27T19:05:42Z"), Some(t));
        // How Notion writes it back: milliseconds and an offset.
        assert_eq!(parse_iso("2026-11-27T20:05:42.000+01:00"), Some(t));
        assert_eq!(parse_iso("2026-11-27T19:05"), Some(t / 60 * 60));
        assert_eq!(parse_iso("2026-11-27"), Some(t / 86_400 * 86_400));
        assert_eq!(parse_iso("2024-02-29"), Some(1_709_164_800));
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-11-27 19:05",
            "2026-11-27T19:05+1",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    fn row(times: &[u64]) -> BacklogRow {
        BacklogRow {
            question: "q".into(),
            lang: Lang::Es,
            times: times.to_vec(),
            procedure: None,
            facet: None,
        }
    }

    #[test]
    fn only_misses_after_the_watermark_minute_are_added() {
        let r = row(&[600, 660, 725]);
        // Pushed before: the page has 3 and the last minute. Nothing new.
        assert_eq!(r.merged_count(3, Some(720)), None);
        // The page knew only the first two (watermark 660's minute): one more.
        assert_eq!(r.merged_count(2, Some(660)), Some(3));
        // A new journal after an old total of 10 up to minute 0: all three add.
        assert_eq!(r.merged_count(10, Some(0)), Some(13));
        // No readable watermark: the larger count, never lower.
        assert_eq!(r.merged_count(1, None), Some(3));
        assert_eq!(r.merged_count(7, None), Some(7));
    }
}
