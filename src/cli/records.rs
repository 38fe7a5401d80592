//! `clara redeliver` and `clara promote`: the dead letters and the miss journal, read from the
//! file named on the command line and, when `REDIS_URL` is set, from the service's Redis streams
//! (`shared::records`), where every instance writes them while Redis answers.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use redis::aio::MultiplexedConnection;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::miss::dead_letter::DeadLetter;
use crate::miss::journal::Entry;
use crate::shared::{Records, records};

/// Where a record was read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    File,
    /// The stream entry id.
    Redis(String),
}

/// The places to read: `file` if given, Redis if `REDIS_URL` is set. At least one is needed.
struct Sources {
    file: Option<PathBuf>,
    redis: Option<MultiplexedConnection>,
}

impl Sources {
    /// `Ok(None)` after printing why when neither place is given (exit code 2).
    fn open(
        file: Option<PathBuf>,
        config: &Config,
        runtime: &tokio::runtime::Runtime,
        what: &str,
    ) -> anyhow::Result<Option<Sources>> {
        let redis = match &config.redis_url {
            Some(url) => {
                Some(runtime.block_on(records::tool_connection(url, config.redis_ca.as_ref()))?)
            }
            None => None,
        };
        if file.is_none() && redis.is_none() {
            eprintln!("clara: name the {what} file, or set REDIS_URL to read the service's");
            return Ok(None);
        }
        Ok(Some(Sources { file, redis }))
    }

    /// Every record of `which`: the file's lines, then Redis's entries, oldest first. What
    /// cannot be read is named on stderr and skipped.
    fn read<T: DeserializeOwned>(
        &mut self,
        which: Records,
        runtime: &tokio::runtime::Runtime,
    ) -> anyhow::Result<Vec<(Origin, T)>> {
        let mut found = Vec::new();
        if let Some(file) = &self.file {
            let (lines, bad) = crate::jsonl::read::<T>(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            if !bad.is_empty() {
                eprintln!(
                    "clara: lines {bad:?} of {} could not be read and were skipped",
                    file.display()
                );
            }
            found.extend(lines.into_iter().map(|r| (Origin::File, r)));
        }
        if let Some(connection) = &mut self.redis {
            let entries = runtime.block_on(records::read(connection, which))?;
            for (id, json) in entries {
                match serde_json::from_str(&json) {
                    Ok(record) => found.push((Origin::Redis(id), record)),
                    Err(_) => {
                        eprintln!("clara: Redis entry {id} could not be read and was skipped")
                    }
                }
            }
        }
        Ok(found)
    }
}

fn config_or_exit() -> Result<Config, ExitCode> {
    Config::from_env().map_err(|err| {
        eprintln!("clara: {err}");
        ExitCode::from(2)
    })
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// The miss journal's entries (`clara promote`), or the exit code when they cannot be read.
pub fn journal(file: Option<PathBuf>) -> anyhow::Result<Result<Vec<Entry>, ExitCode>> {
    let config = match config_or_exit() {
        Ok(config) => config,
        Err(code) => return Ok(Err(code)),
    };
    let runtime = runtime()?;
    let Some(mut sources) = Sources::open(file, &config, &runtime, "journal")? else {
        return Ok(Err(ExitCode::from(2)));
    };
    let found = sources.read::<Entry>(Records::Journal, &runtime)?;
    Ok(Ok(found.into_iter().map(|(_, e)| e).collect()))
}

/// `clara redeliver [FILE]`: delivers each dead letter again, the person found through the
/// inbound `MessageSid`. What is delivered leaves Redis; the file keeps what still failed.
pub fn redeliver(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    use crate::outbound::RetryPolicy;
    use crate::outbound::twilio::{Outgoing, Twilio};
    let config = match config_or_exit() {
        Ok(config) => config,
        Err(code) => return Ok(code),
    };
    let (Some(sid), Some(token)) = (&config.twilio_account_sid, &config.twilio_auth_token) else {
        eprintln!("clara: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are needed to redeliver");
        return Ok(ExitCode::from(2));
    };
    let runtime = runtime()?;
    let Some(mut sources) = Sources::open(file, &config, &runtime, "dead-letter")? else {
        return Ok(ExitCode::from(2));
    };
    let found = sources.read::<DeadLetter>(Records::DeadLetters, &runtime)?;
    let twilio = Twilio::new(
        crate::outbound::client()?,
        &config.twilio_api_base_url,
        sid,
        token.clone(),
        &config.twilio_from,
        RetryPolicy::default(),
    );
    let (mut delivered, mut failed, mut done_in_redis) = (0, Vec::new(), Vec::new());
    runtime.block_on(async {
        for (origin, letter) in found {
            let result = match twilio.inbound_sender(&letter.message_sid).await {
                Ok(to) => twilio
                    .send(&Outgoing {
                        to,
                        body: letter.body.clone(),
                        media_url: letter.media_url.clone(),
                    })
                    .await
                    .map(drop),
                Err(err) => Err(err),
            };
            match (result, origin) {
                (Ok(()), Origin::Redis(id)) => {
                    delivered += 1;
                    done_in_redis.push(id);
                }
                (Ok(()), Origin::File) => delivered += 1,
                (Err(err), origin) => {
                    eprintln!("clara: {}: {err}", letter.message_sid);
                    failed.push((origin, letter));
                }
            }
        }
    });
    println!("delivered {delivered}, failed {}", failed.len());
    if let Some(connection) = &mut sources.redis {
        runtime.block_on(records::remove(
            connection,
            Records::DeadLetters,
            &done_in_redis,
        ))?;
    }
    if let Some(file) = &sources.file {
        keep_failed(file, &failed)?;
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Rewrites the dead-letter file with the file's letters that still failed, so it can be
/// retried again later (Redis's stay in Redis).
fn keep_failed(file: &Path, failed: &[(Origin, DeadLetter)]) -> anyhow::Result<()> {
    let rest: Vec<String> = failed
        .iter()
        .filter(|(origin, _)| *origin == Origin::File)
        .filter_map(|(_, letter)| serde_json::to_string(letter).ok())
        .collect();
    let text = if rest.is_empty() {
        String::new()
    } else {
        rest.join("\n") + "\n"
    };
    std::fs::write(file, text).with_context(|| format!("cannot rewrite {}", file.display()))
}
