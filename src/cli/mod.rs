//! The `clara` command line: `serve` (the service) and the operators' and editors' tools, one
//! module each where they are more than a few lines. The tools are not the service: nothing under
//! `src/http` or `src/miss` imports them.
//!
//! - `backlog`: `clara promote --notion`, the most frequent misses filed in Notion's *Backlog*.
//! - `eval`: the project's evaluation set, scored against its floors.
//! - `healthcheck`: the container's health probe.
//! - `notion`: `clara notion sync|report`, the editors' Notion databases.
//! - `records`: `clara redeliver` and `clara promote`'s reading of dead letters and the journal
//!   (the files, and Redis's streams with `REDIS_URL`).
//! - `rehearse`: the demo personas played through the router, offline.

pub mod backlog;
pub mod eval;
pub mod healthcheck;
pub mod notion;
mod records;
pub mod rehearse;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use tracing::{info, warn};

use crate::config::Config;
use crate::kb::{self, Lang};
use crate::respond::Responder;
use crate::{http, observability};

/// Clara: WhatsApp guidance for the IMV, the padrón and the tarjeta sanitaria.
#[derive(Debug, Parser)]
#[command(name = "clara", version, about)]
pub struct Args {
    /// What to do; `serve` when omitted, so `cargo run --release` serves.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the WhatsApp webhook, health check, audio, metrics and web chat API (the default).
    Serve,
    /// Answer a question offline from the compiled cache.
    Ask {
        /// Answer in this language (es, fr, en, ar) instead of detecting it.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print one JSON object instead of the answer text.
        #[arg(long)]
        json: bool,
        /// The question.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Validate the content (data/ and audio/) the way the build does, without compiling.
    Check {
        /// The directory that holds data/ and audio/.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the X-Twilio-Signature of a form body for a URL, with TWILIO_AUTH_TOKEN from the
    /// environment (to test a deployment with a signed curl).
    Sign {
        /// The full URL Twilio calls, e.g. `https://clara.example.org/webhook`.
        url: String,
        /// The form body, e.g. 'Body=hola&From=whatsapp%3A%2B34600000000'.
        body: String,
    },
    /// List the most frequent misses of a miss journal as FAQ drafts for data/answers/faq.json,
    /// or, with --notion, file them in the Notion Backlog database (NOTION_DB_BACKLOG).
    ///
    /// With REDIS_URL set, the journal the service keeps in Redis is read too.
    Promote {
        /// The journal file (MISS_JOURNAL_PATH); optional when REDIS_URL is set.
        journal: Option<PathBuf>,
        /// How many to list.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Create or update one Backlog page per question instead of printing drafts
        /// (NOTION_TOKEN, NOTION_DB_BACKLOG).
        #[arg(long)]
        notion: bool,
        /// With --notion: print the payloads, one JSON per line, and send nothing.
        #[arg(long, requires = "notion")]
        dry_run: bool,
    },
    /// Deliver dead letters again (Twilio settings from the environment): those of the file,
    /// and, with REDIS_URL set, those the service keeps in Redis (removed once delivered).
    Redeliver {
        /// The dead-letter file (DEAD_LETTER_PATH); optional when REDIS_URL is set.
        file: Option<PathBuf>,
    },
    /// Probe the service on this machine (GET 127.0.0.1:$PORT/health) for a container
    /// HEALTHCHECK: exit code 0 when it answers 200 with "status":"ok", 1 otherwise.
    Healthcheck,
    /// Play demo conversations through the real webhook, offline and signed, and print a table;
    /// fails when a turn's intent is not the one the script expects.
    Rehearse {
        /// A JSON script (one persona or a list); the built-in demo personas when omitted.
        script: Option<PathBuf>,
    },
    /// Push the knowledge base to Notion, or record a verify run there.
    Notion {
        #[command(subcommand)]
        command: NotionCommand,
    },
    /// Score the evaluation set (data/evals) per language and check its floors; exit code 1
    /// below a floor (CI runs it).
    Eval {
        /// The directory with messages.jsonl, crisis.jsonl and floors.json.
        #[arg(default_value = "data/evals")]
        dir: PathBuf,
        /// Also list every case answered wrong, with what Clara answered (for a set of your
        /// own: reading the project's set this way turns it into training data).
        #[arg(long)]
        wrong: bool,
    },
    /// Print an answer's text as a voice should read it (used by scripts/gen-audio.sh).
    Speech {
        /// The answer id, e.g. `imv.descripcion.es` or `greeting.ar`.
        id: String,
    },
}

/// `clara notion …`: the Notion databases (settings from NOTION_* in the environment).
#[derive(Debug, Subcommand)]
pub enum NotionCommand {
    /// Upsert every procedure × field × language into the KB Tramites database (NOTION_DB_KB).
    Sync {
        /// Print the payloads, one JSON per line, and send nothing (needs no token).
        #[arg(long)]
        dry_run: bool,
    },
    /// Append a verify.sh evidence file as one row of Demo & Testing (NOTION_DB_TESTING).
    Report {
        /// The evidence file (JSON; see `clara::cli::notion::Evidence`).
        file: PathBuf,
        /// Print the payload and send nothing (needs no token).
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text)
        .ok_or_else(|| format!("unknown language `{text}` (expected es, fr, en or ar)"))
}

/// Runs a parsed command line.
///
/// # Errors
/// I/O errors writing the output.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(),
        Command::Ask { lang, json, text } => ask(&text.join(" "), lang, json),
        Command::Check { dir } => Ok(check(&dir)),
        Command::Promote {
            journal,
            top,
            notion,
            dry_run,
        } => {
            let entries = match records::journal(journal)? {
                Ok(entries) => entries,
                Err(code) => return Ok(code),
            };
            if notion {
                return promote_to_notion(entries, top, dry_run);
            }
            let frequent = crate::miss::journal::frequent(entries, top);
            eprintln!(
                "clara: {} frequent miss(es); review each (tramite, wording, facts) before adding it to data/answers/faq.json",
                frequent.len()
            );
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::miss::journal::faq_drafts(&frequent))?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Redeliver { file } => records::redeliver(file),
        Command::Healthcheck => Ok(healthcheck::run()),
        Command::Rehearse { script } => {
            let passed = rehearse::run(script.as_deref(), &mut std::io::stdout().lock())?;
            Ok(if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Notion { command } => notion(command),
        Command::Sign { url, body } => {
            let Some(token) = std::env::var("TWILIO_AUTH_TOKEN")
                .ok()
                .filter(|t| !t.is_empty())
            else {
                eprintln!("clara: TWILIO_AUTH_TOKEN is not set");
                return Ok(ExitCode::from(2));
            };
            match http::form::parse(body.as_bytes()) {
                Ok(params) => {
                    println!("{}", http::signature::sign(&token, &url, &params));
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("clara: the body is not a form: {err}");
                    Ok(ExitCode::from(2))
                }
            }
        }
        Command::Eval { dir, wrong } => {
            let passed = eval::run(&dir, wrong, &mut std::io::stdout().lock())?;
            Ok(if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Speech { id } => match kb::answer_by_id(&id) {
            Some(answer) => {
                print!("{}", crate::speech::speakable(answer.text));
                Ok(ExitCode::SUCCESS)
            }
            None => {
                eprintln!(
                    "clara: no answer `{id}` (ids look like imv.descripcion.es or greeting.ar)"
                );
                Ok(ExitCode::from(2))
            }
        },
    }
}

fn serve() -> anyhow::Result<ExitCode> {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("clara: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    observability::init(config.json_logs, &config.log_level);
    if config.demo_mode {
        info!("offline demo configuration: cache answers, templates for misses, no network");
    }
    if !config.checks_signatures() {
        warn!("TWILIO_AUTH_TOKEN is not set: webhook signatures are NOT checked");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let shutdown = http::shutdown_signal()?;
        let listener = tokio::net::TcpListener::bind(("0.0.0.0", config.port))
            .await
            .with_context(|| format!("cannot listen on port {} (PORT)", config.port))?;
        info!(addr = %listener.local_addr()?, version = env!("CARGO_PKG_VERSION"), "listening");
        let app = http::App::new(config)?;
        if let Some(pipeline) = &app.pipeline {
            let gemini = pipeline.services().gemini.clone();
            tokio::spawn(crate::miss::check_model(
                gemini,
                app.config.gemini_model.clone(),
            ));
        }
        http::run(listener, app, shutdown).await?;
        info!("stopped");
        Ok(ExitCode::SUCCESS)
    })
}

fn ask(text: &str, lang: Option<Lang>, json: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let reply = Responder::default().respond(text, lang);
    let micros = started.elapsed().as_micros();
    let mut out = std::io::stdout().lock();
    if json {
        let value = serde_json::json!({
            "intent": reply.intent.as_str(),
            "facet": reply.facet.map(|f| f.as_str()),
            "lang": reply.lang.as_str(),
            "source": reply.source.as_str(),
            "answer": reply.answer.text,
            "note": reply.note().map(|n| n.text),
            "elsewhere": reply.elsewhere.map(|r| r.as_str()),
            "guess": reply.guess.map(|p| p.as_str()),
            "audio": reply.answer.audio().map(|a| a.name),
            "micros": micros,
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(out, "{}", reply.answer.text)?;
        if let Some(note) = reply.note() {
            writeln!(out, "\n{}", note.text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(dir: &std::path::Path) -> ExitCode {
    match kb::compile::compile(dir) {
        Ok(compiled) => {
            let missing: Vec<&str> = compiled.answers_without_audio().collect();
            println!(
                "ok: {} procedures, {} answers, {} audio files",
                compiled.procedures.len(),
                compiled.answers.len(),
                compiled.audio.len()
            );
            if !missing.is_empty() {
                println!(
                    "answers without audio ({}): {}",
                    missing.len(),
                    missing.join(", ")
                );
            }
            // Information, like the missing ones: a text is often changed before it is recorded.
            match crate::recordings::load(dir) {
                Ok(manifest) => {
                    let answers = compiled
                        .answers
                        .iter()
                        .map(|a| (a.id.as_str(), a.text.as_str(), a.audio.is_some()));
                    let status = crate::recordings::staleness(answers, &manifest);
                    if !status.stale.is_empty() {
                        println!(
                            "recordings of an older text ({}): {}",
                            status.stale.len(),
                            status.stale.join(", ")
                        );
                    }
                    if !status.is_current() {
                        println!("to record them: {}", status.fix());
                    }
                }
                Err(err) => println!("recordings not checked: {err}"),
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("{} problem(s)", problems.len());
            ExitCode::FAILURE
        }
    }
}

/// `clara promote [JOURNAL] --notion`: the exit codes of `clara notion` (2 for configuration).
fn promote_to_notion(
    entries: Vec<crate::miss::journal::Entry>,
    top: usize,
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    let config = match notion::NotionConfig::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("clara: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let (rows, bad) = backlog::rows(entries, top, &Responder::default());
    if bad > 0 {
        eprintln!("clara: {bad} journal entr(ies) without a language or a question were skipped");
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut out = std::io::stdout().lock();
    match runtime.block_on(backlog::push(&config, &rows, dry_run, &mut out)) {
        Ok(report) => {
            if !dry_run {
                eprintln!(
                    "clara: {} frequent miss(es): {} created, {} updated, {} unchanged",
                    report.rows, report.created, report.updated, report.unchanged
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err @ (notion::NotionError::Missing { .. } | notion::NotionError::Config(_))) => {
            eprintln!("clara: {err}");
            Ok(ExitCode::from(2))
        }
        Err(err) => {
            // The journal was only read: running the command again finishes the push.
            eprintln!("clara: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn notion(command: NotionCommand) -> anyhow::Result<ExitCode> {
    use notion::{NotionConfig, NotionError};
    let config = match NotionConfig::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("clara: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut out = std::io::stdout().lock();
    let result = runtime.block_on(async {
        match command {
            NotionCommand::Sync { dry_run } => {
                let report = notion::sync(&config, dry_run, &mut out).await?;
                if !dry_run {
                    eprintln!(
                        "clara: {} rows: {} created, {} updated",
                        report.rows, report.created, report.updated
                    );
                }
                Ok(())
            }
            NotionCommand::Report { file, dry_run } => {
                notion::report(&config, &file, dry_run, &mut out).await
            }
        }
    });
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(err @ (NotionError::Missing { .. } | NotionError::Config(_))) => {
            eprintln!("clara: {err}");
            Ok(ExitCode::from(2))
        }
        Err(err) => {
            eprintln!("clara: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
