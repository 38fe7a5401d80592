//! The `clara` command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::kb::{self, Lang};
use crate::respond::Responder;

/// Clara: WhatsApp guidance for the IMV, the padrón and the tarjeta sanitaria.
#[derive(Debug, Parser)]
#[command(name = "clara", version, about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Print an answer's text as a voice should read it (used by scripts/gen-audio.sh).
    Speech {
        /// The answer id, e.g. `imv.descripcion.es` or `greeting.ar`.
        id: String,
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
    match args.command {
        Command::Ask { lang, json, text } => ask(&text.join(" "), lang, json),
        Command::Check { dir } => Ok(check(&dir)),
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
            "audio": reply.answer.audio().map(|a| a.name),
            "micros": micros,
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(out, "{}", reply.answer.text)?;
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
