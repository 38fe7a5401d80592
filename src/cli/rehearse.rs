//! `clara rehearse [SCRIPT]`: demo conversations played through the real webhook handler,
//! in-process and fully offline, with signed requests, printed as a table.
//!
//! The service's router ([`http::handle`]) is called in process, with no socket, in the offline
//! demo configuration with a per-run auth token and `PUBLIC_URL`, so every turn is a form POST to
//! `/webhook` signed the way Twilio signs it, and checked. The webhook answers with TwiML but
//! does not say which intent it saw, so each `<Body>` is matched against the compiled answers:
//! the answer's id gives the intent, the language and the source.
//!
//! # Scripts
//!
//! JSON, one persona or a list of them:
//!
//! ```json
//! [{ "persona": "María",
//!    "turns": [{ "text": "¿Qué es el IMV?", "expect": "imv" },
//!              { "media": "image/jpeg", "expect": "image" }] }]
//! ```
//!
//! A turn has `text`, `media` (a content type: `image/…` is a photo, `audio/…` a voice note) or
//! both; `expect` is optional and is one of the procedure ids (`imv`, `empadronamiento`,
//! `tarjeta_sanitaria`), `greeting`, `menu`, `blocked`, `image` or `none`. The built-in script,
//! `rehearsal/demo.json`, holds the three personas of the original pitch.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use serde::Deserialize;

use crate::config::Config;
use crate::http::{self, App, signature};
use crate::kb::{self, Answer, ProcedureId};
use crate::respond::Responder;

/// The built-in script: María (IMV, then a photo of a letter), Ahmed (padrón, in French) and
/// Fatima (seeing a doctor, in French).
pub const BUILT_IN: &str = include_str!("../../rehearsal/demo.json");

/// The intents a script may expect, besides the procedure ids.
const OTHER_INTENTS: [&str; 5] = ["greeting", "menu", "blocked", "image", "none"];

/// How much of an answer the table shows, in characters.
const PREVIEW_CHARS: usize = 40;

/// A turn that takes longer than this is reported as a failure rather than waited on forever.
const TURN_TIMEOUT: Duration = Duration::from_secs(10);

/// The `PUBLIC_URL` of the rehearsal: signatures cover it, and no request ever goes there (the
/// `.invalid` name cannot resolve).
const PUBLIC_URL: &str = "https://rehearsal.invalid";

/// One persona's conversation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// Shown in the table and used as the WhatsApp profile name.
    pub persona: String,
    /// Sent in order, from the same phone number.
    pub turns: Vec<Turn>,
}

/// One message from the persona.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// The message text (`Body`).
    #[serde(default)]
    pub text: Option<String>,
    /// The content type of one attached file (`MediaContentType0`), e.g. `image/jpeg`.
    #[serde(default)]
    pub media: Option<String>,
    /// The intent the answer must have; not checked when absent.
    #[serde(default)]
    pub expect: Option<String>,
}

/// What one turn gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// 1-based, counted across all personas of the run.
    pub turn: usize,
    pub persona: String,
    /// The answer's language; `None` when the answer is not a compiled one.
    pub lang: Option<&'static str>,
    /// `imv`, `greeting`, `image`, `none`…; `?` when the answer is not a compiled one.
    pub intent: String,
    /// `cache`, `guardrail`, `fallback`, `queued`; `error` when the webhook refused the request.
    pub source: &'static str,
    /// The answer's text, or what went wrong.
    pub answer: String,
    /// The file name of the answer's `<Media>`.
    pub audio: Option<String>,
    /// From handing the request to the router to the last byte of its response.
    pub latency: Duration,
    /// The intent the script expects.
    pub expect: Option<String>,
}

impl Outcome {
    /// Whether the turn had no expectation or met it.
    pub fn as_expected(&self) -> bool {
        self.expect.as_deref().is_none_or(|e| e == self.intent)
    }
}

/// Parses a script file: one persona object or a list of them, each turn checked.
///
/// # Errors
/// Malformed JSON, an unknown field, a turn with neither text nor media, an unknown `expect`.
pub fn parse(json: &str) -> anyhow::Result<Vec<Script>> {
    let value: serde_json::Value = serde_json::from_str(json).context("not JSON")?;
    let scripts: Vec<Script> = if value.is_array() {
        serde_json::from_value(value).context("not a list of personas")?
    } else {
        vec![serde_json::from_value(value).context("not a persona")?]
    };
    if scripts.is_empty() {
        bail!("no personas");
    }
    for script in &scripts {
        if script.turns.is_empty() {
            bail!("{} has no turns", script.persona);
        }
        for (n, turn) in script.turns.iter().enumerate() {
            let n = n + 1;
            if turn.text.is_none() && turn.media.is_none() {
                bail!("turn {n} of {} has neither text nor media", script.persona);
            }
            if let Some(media) = &turn.media
                && !media.contains('/')
            {
                bail!(
                    "turn {n} of {}: media `{media}` is not a content type like image/jpeg",
                    script.persona
                );
            }
            if let Some(expect) = &turn.expect
                && !known_intent(expect)
            {
                bail!(
                    "turn {n} of {}: unknown intent `{expect}` (expected one of {})",
                    script.persona,
                    intents().join(", ")
                );
            }
        }
    }
    Ok(scripts)
}

fn intents() -> Vec<&'static str> {
    ProcedureId::ALL
        .iter()
        .map(|p| p.as_str())
        .chain(OTHER_INTENTS)
        .collect()
}

fn known_intent(name: &str) -> bool {
    intents().contains(&name)
}

/// Plays `script` (the built-in one when `None`) and writes the table to `out`; returns whether
/// every turn met its expectation. Starts its own tokio runtime, so it must not be called from
/// inside one.
///
/// # Errors
/// The script cannot be read or parsed, the service cannot start, or `out` cannot be written.
///
/// # Panics
/// When called from within a tokio runtime (tokio refuses to start one inside another).
pub fn run(script: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<bool> {
    let scripts = match script {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            parse(&text).with_context(|| format!("{} is not a rehearsal script", path.display()))?
        }
        None => parse(BUILT_IN).context("the built-in rehearsal script")?,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the tokio runtime")?;
    let outcomes = runtime.block_on(play(&scripts))?;
    report(&outcomes, out)?;
    Ok(outcomes.iter().all(Outcome::as_expected))
}

/// Builds the service's state and plays every turn through its router.
///
/// # Errors
/// The service cannot start.
pub async fn play(scripts: &[Script]) -> anyhow::Result<Vec<Outcome>> {
    let token = local_token();
    let vars = [
        ("DEMO_MODE", "true"),
        ("TWILIO_AUTH_TOKEN", token.as_str()),
        ("PUBLIC_URL", PUBLIC_URL),
    ];
    let config = Config::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_string())
    })?;
    let app = App::new(config)?;
    let webhook = format!("{PUBLIC_URL}/webhook");
    let answers: HashMap<&'static str, &'static Answer> = kb::answers()
        .iter()
        .rev() // so that the first of two answers with the same text wins
        .map(|a| (a.twiml_body, a))
        .collect();
    let responder = Responder::default();
    let mut outcomes = Vec::new();
    for (p, script) in scripts.iter().enumerate() {
        let phone = format!("whatsapp:+346000000{:02}", p % 100);
        for turn in &script.turns {
            let n = outcomes.len() + 1;
            let params = params(n, &phone, &script.persona, turn);
            let outcome = match post(&app, &webhook, &token, &params).await {
                Ok((200, xml, latency)) => {
                    judge(&xml, turn, &answers, &responder, latency, n, script)
                }
                Ok((status, _, latency)) => {
                    failed(n, script, turn, latency, format!("HTTP {status}"))
                }
                Err(err) => failed(n, script, turn, Duration::ZERO, format!("{err:#}")),
            };
            outcomes.push(outcome);
        }
    }
    Ok(outcomes)
}

/// One form POST to `/webhook`, signed for `url` with `token`, through the router: the status,
/// the body and the time the router took.
async fn post(
    app: &App,
    url: &str,
    token: &str,
    params: &[(String, String)],
) -> anyhow::Result<(u16, String, Duration)> {
    let started = Instant::now();
    let request = hyper::Request::post("/webhook")
        .header(
            hyper::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header("x-twilio-signature", signature::sign(token, url, params))
        .body(Full::new(Bytes::from(serde_urlencoded::to_string(params)?)))?;
    let response = tokio::time::timeout(TURN_TIMEOUT, http::handle(app, request))
        .await
        .context("no answer in time")?;
    let status = response.status().as_u16();
    let body = response.into_body().collect().await?.to_bytes();
    let latency = started.elapsed();
    Ok((status, String::from_utf8_lossy(&body).into_owned(), latency))
}

/// A per-run secret: signatures are checked as in production, with a token nobody else knows.
fn local_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u8(2);
    format!("rehearsal-{:016x}", h.finish())
}

/// The form Twilio posts for a WhatsApp message.
fn params(n: usize, phone: &str, persona: &str, turn: &Turn) -> Vec<(String, String)> {
    let mut params = vec![
        ("MessageSid".to_string(), format!("SM{n:032x}")),
        ("AccountSid".to_string(), demo_account_sid()),
        ("From".to_string(), phone.to_string()),
        ("To".to_string(), "whatsapp:+14155238886".to_string()),
        ("Body".to_string(), turn.text.clone().unwrap_or_default()),
        ("ProfileName".to_string(), persona.to_string()),
    ];
    match &turn.media {
        Some(media) => {
            params.push(("NumMedia".to_string(), "1".to_string()));
            params.push(("MediaContentType0".to_string(), media.clone()));
            params.push((
                "MediaUrl0".to_string(),
                format!(
                    "https://api.twilio.com/2010-04-01/Accounts/{}/Messages/SM{n:032x}/Media/ME{n:032x}",
                    demo_account_sid()
                ),
            ));
        }
        None => params.push(("NumMedia".to_string(), "0".to_string())),
    }
    params
}

/// Reads the TwiML answer back into an intent, a language and a source.
fn judge(
    xml: &str,
    turn: &Turn,
    answers: &HashMap<&'static str, &'static Answer>,
    responder: &Responder,
    latency: Duration,
    n: usize,
    script: &Script,
) -> Outcome {
    let body = element(xml, "Body");
    let audio = element(xml, "Media").map(|url| url.rsplit('/').next().unwrap_or(url).to_string());
    let answer = body.and_then(|b| answers.get(b).copied());
    let (intent, source) = match answer {
        Some(answer) => classify(answer, turn.text.as_deref().unwrap_or_default(), responder),
        None => ("?".to_string(), "unknown"),
    };
    Outcome {
        turn: n,
        persona: script.persona.clone(),
        lang: answer.map(|a| a.lang.as_str()),
        intent,
        source,
        answer: match (answer, body) {
            (Some(a), _) => a.text.to_string(),
            (None, Some(b)) => b.to_string(),
            (None, None) => "(no message)".to_string(),
        },
        audio,
        latency,
        expect: turn.expect.clone(),
    }
}

/// A turn the webhook did not answer with a message.
fn failed(n: usize, script: &Script, turn: &Turn, latency: Duration, why: String) -> Outcome {
    Outcome {
        turn: n,
        persona: script.persona.clone(),
        lang: None,
        intent: "error".to_string(),
        source: "error",
        answer: why,
        audio: None,
        latency,
        expect: turn.expect.clone(),
    }
}

/// The intent and source of a compiled answer, from its id (`imv.requisitos.fr`, `greeting.es`,
/// `image_letter.ar`…), as the webhook decides them.
fn classify(answer: &Answer, text: &str, responder: &Responder) -> (String, &'static str) {
    let stem = answer.id.rsplit_once('.').map_or(answer.id, |(s, _)| s);
    let head = stem.split('.').next().unwrap_or(stem);
    if let Some(procedure) = ProcedureId::parse(head) {
        return (procedure.as_str().to_string(), "cache");
    }
    let (intent, source) = match head {
        "greeting" => ("greeting", "cache"),
        "menu" => ("menu", "cache"),
        "image_letter" => ("image", "cache"),
        h if h.starts_with("guardrail_") => ("blocked", "guardrail"),
        "fallback_generic" | "transcription_failed" | "busy" | "llm_failed" | "rate_limited" => {
            ("none", "fallback")
        }
        h if h.starts_with("ack_") => ("none", "queued"),
        // A FAQ answer belongs to a procedure the id does not name: ask the responder, which
        // gave the same answer to the same text.
        "faq" => {
            let reply = responder.respond(text, None);
            if reply.answer.id == answer.id {
                return (reply.intent.as_str().to_string(), "cache");
            }
            ("faq", "cache")
        }
        _ => ("?", "unknown"),
    };
    (intent.to_string(), source)
}

/// The text of the first `<name>…</name>` of a TwiML document, still XML-escaped.
fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = xml.find(&open)? + open.len();
    let len = xml[start..].find(&close)?;
    Some(&xml[start..start + len])
}

/// The first words of an answer on one line, without WhatsApp's `*` and `_` markers.
fn preview(text: &str) -> String {
    let flat = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['*', '_'], "");
    let mut chars = flat.chars();
    let mut short: String = chars.by_ref().take(PREVIEW_CHARS).collect();
    if chars.next().is_some() {
        short = short.trim_end().to_string();
        short.push('…');
    }
    short
}

/// Writes the table, then one line per unmet expectation and a summary.
///
/// # Errors
/// `out` cannot be written.
pub fn report(outcomes: &[Outcome], out: &mut dyn Write) -> std::io::Result<()> {
    const HEADER: [&str; 9] = [
        "turn", "persona", "lang", "intent", "source", "answer", "audio", "ms", "check",
    ];
    let rows: Vec<[String; 9]> = outcomes
        .iter()
        .map(|o| {
            [
                o.turn.to_string(),
                o.persona.clone(),
                o.lang.unwrap_or("-").to_string(),
                o.intent.clone(),
                o.source.to_string(),
                preview(&o.answer),
                o.audio.clone().unwrap_or_else(|| "-".to_string()),
                format!("{:.2}", o.latency.as_secs_f64() * 1000.0),
                match (&o.expect, o.as_expected()) {
                    (None, _) => "-".to_string(),
                    (Some(_), true) => "ok".to_string(),
                    (Some(_), false) => "FAIL".to_string(),
                },
            ]
        })
        .collect();
    let mut widths = HEADER.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let last = i == cells.len() - 1;
            // Numbers right-aligned (turn, ms), text left-aligned; no padding after the last.
            let pad = w.saturating_sub(cell.chars().count());
            match i {
                0 | 7 => {
                    let _ = write!(s, "{}{cell}", " ".repeat(pad));
                }
                _ if last => s.push_str(cell),
                _ => {
                    let _ = write!(s, "{cell}{}", " ".repeat(pad));
                }
            }
            if !last {
                s.push_str("  ");
            }
        }
        s
    };
    writeln!(out, "{}", line(&HEADER.map(String::from)))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    let missed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.as_expected()).collect();
    writeln!(out)?;
    for o in &missed {
        let got = if o.intent == "error" {
            format!("error ({})", o.answer)
        } else {
            o.intent.clone()
        };
        writeln!(
            out,
            "turn {} ({}): expected {}, got {got}",
            o.turn,
            o.persona,
            o.expect.as_deref().unwrap_or_default()
        )?;
    }
    if missed.is_empty() {
        writeln!(out, "{} turn(s), all as expected", outcomes.len())?;
    } else {
        writeln!(
            out,
            "{} of {} turn(s) not as expected",
            missed.len(),
            outcomes.len()
        )?;
    }
    Ok(())
}

/// The rehearsal's fake account SID ("AC" and 32 zeros), built at run time so that nothing in
/// the repository looks like a real credential to the secret scan.
fn demo_account_sid() -> String {
    format!("AC{:032}", 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_script_parses() {
        let scripts = parse(BUILT_IN).unwrap();
        let personas: Vec<&str> = scripts.iter().map(|s| s.persona.as_str()).collect();
        assert_eq!(personas, ["María", "Ahmed", "Fatima"]);
    }

    #[test]
    fn a_single_persona_object_is_a_script_too() {
        let scripts = parse(r#"{"persona": "P", "turns": [{"text": "hola"}]}"#).unwrap();
        assert_eq!(scripts.len(), 1);
        assert!(scripts[0].turns[0].expect.is_none());
    }

    #[test]
    fn bad_scripts_say_what_is_wrong() {
        let cases = [
            (
                r#"{"persona": "P", "turns": [{}]}"#,
                "neither text nor media",
            ),
            (
                r#"{"persona": "P", "turns": [{"text": "x", "expect": "imvv"}]}"#,
                "unknown intent `imvv`",
            ),
            (
                r#"{"persona": "P", "turns": [{"media": "jpeg"}]}"#,
                "not a content type",
            ),
            (r#"{"persona": "P", "turns": []}"#, "no turns"),
            ("[]", "no personas"),
        ];
        for (json, expected) in cases {
            let err = format!("{:#}", parse(json).unwrap_err());
            assert!(err.contains(expected), "{json}: {err}");
        }
        let err = format!(
            "{:#}",
            parse(r#"{"persona": "P", "turns": [{"txt": "x"}]}"#).unwrap_err()
        );
        assert!(err.contains("unknown field `txt`"), "{err}");
    }

    #[test]
    fn answer_ids_map_to_intents_and_sources() {
        let responder = Responder::default();
        let cases = [
            ("imv.requisitos.fr", "imv", "cache"),
            (
                "tarjeta_sanitaria.descripcion.ar",
                "tarjeta_sanitaria",
                "cache",
            ),
            ("greeting.es", "greeting", "cache"),
            ("menu.en", "menu", "cache"),
            ("image_letter.fr", "image", "cache"),
            ("guardrail_self_harm.es", "blocked", "guardrail"),
            ("fallback_generic.es", "none", "fallback"),
            ("transcription_failed.ar", "none", "fallback"),
            ("ack_text.es", "none", "queued"),
        ];
        for (id, intent, source) in cases {
            let answer = kb::answer_by_id(id).unwrap();
            assert_eq!(
                classify(answer, "", &responder),
                (intent.to_string(), source),
                "{id}"
            );
        }
        let faq = kb::answer_by_id("faq.padron_sin_contrato.es").unwrap();
        assert_eq!(
            classify(faq, "me puedo empadronar sin contrato", &responder),
            ("empadronamiento".to_string(), "cache")
        );
    }

    #[test]
    fn previews_are_one_short_line() {
        assert_eq!(preview("*Hola*\n\nsoy   Clara"), "Hola soy Clara");
        let long = preview(&"palabra ".repeat(20));
        assert!(long.ends_with('…'));
        assert!(long.chars().count() <= PREVIEW_CHARS + 1);
    }

    #[test]
    fn elements_are_read_from_twiml() {
        let xml = "<?xml version=\"1.0\"?><Response><Message><Body>a &amp; b</Body><Media>http://h/static/cache/x.mp3</Media></Message></Response>";
        assert_eq!(element(xml, "Body"), Some("a &amp; b"));
        assert_eq!(element(xml, "Media"), Some("http://h/static/cache/x.mp3"));
        assert_eq!(element("<Response />", "Body"), None);
    }
}
