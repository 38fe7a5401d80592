//! Dead letters and the miss journal as capped Redis streams, so that they outlive an instance
//! (a free Render instance has an ephemeral disk) and one `clara redeliver` or `clara promote`
//! sees every instance's. Each entry holds one field, `record`: the same JSON object as a line
//! of the file (no phone number; the question redacted). While Redis is down the service
//! writes the file instead.
//!
//! The streams are capped (`MAXLEN ~`), oldest first out: a free Key Value has 25 MB and
//! `noeviction`, so the records must never crowd out queued misses.

use std::time::Duration;

use redis::AsyncConnectionConfig;
use redis::aio::MultiplexedConnection;
use secrecy::SecretString;

use super::{Op, Redis, Unavailable};
use crate::config::Pem;

/// Which records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Records {
    /// Replies Twilio would not take (`miss::dead_letter`).
    DeadLetters,
    /// Every miss (`miss::journal`).
    Journal,
}

impl Records {
    fn stream(self) -> &'static str {
        match self {
            Records::DeadLetters => "clara:dead",
            Records::Journal => "clara:journal",
        }
    }

    /// About the most entries kept: a dead letter is under 2 KB (a reply), a journal entry
    /// under 2.5 KB (a question and a generated answer), so each stream stays near 5 MB.
    fn cap(self) -> usize {
        match self {
            Records::DeadLetters => 2_500,
            Records::Journal => 2_000,
        }
    }
}

impl Redis {
    /// Appends `record` (one JSON object) to `which`'s stream.
    ///
    /// # Errors
    /// Redis could not be used: the caller writes the file instead.
    pub async fn append_record(&self, which: Records, record: &str) -> Result<(), Unavailable> {
        let mut cmd = redis::cmd("XADD");
        cmd.arg(which.stream())
            .arg("MAXLEN")
            .arg("~")
            .arg(which.cap())
            .arg("*")
            .arg("record")
            .arg(record);
        self.run::<String>(Op::Cmd(&cmd)).await.map(drop)
    }
}

/// How long a command-line tool waits for Redis (it may be a remote Key Value over TLS).
const TOOL_TIMEOUT: Duration = Duration::from_secs(10);

/// How many entries one `XRANGE` reads.
const PAGE: usize = 500;

/// A connection for the editors' tools (`clara redeliver`, `clara promote`), with timeouts for
/// a remote Redis rather than the webhook's 50 ms.
///
/// # Errors
/// Redis cannot be reached (the message never contains the URL).
pub async fn tool_connection(
    url: &SecretString,
    ca: Option<&Pem>,
) -> anyhow::Result<MultiplexedConnection> {
    let client = super::client(url, ca)?;
    let config = AsyncConnectionConfig::new()
        .set_connection_timeout(Some(TOOL_TIMEOUT))
        .set_response_timeout(Some(TOOL_TIMEOUT));
    client
        .get_multiplexed_async_connection_with_config(&config)
        .await
        .map_err(|e| anyhow::anyhow!("cannot reach REDIS_URL ({:?})", e.kind()))
}

/// Every record of `which`, oldest first, as (entry id, JSON).
///
/// # Errors
/// A Redis error (the message never contains the URL).
pub async fn read(
    connection: &mut MultiplexedConnection,
    which: Records,
) -> anyhow::Result<Vec<(String, String)>> {
    let mut all = Vec::new();
    let mut start = "-".to_string();
    loop {
        let page: Vec<(String, Vec<(String, String)>)> = redis::cmd("XRANGE")
            .arg(which.stream())
            .arg(&start)
            .arg("+")
            .arg("COUNT")
            .arg(PAGE)
            .query_async(connection)
            .await
            .map_err(|e| anyhow::anyhow!("cannot read {} ({:?})", which.stream(), e.kind()))?;
        let full = page.len() == PAGE;
        if let Some((last, _)) = page.last() {
            // Exclusive start (Redis ≥ 6.2): the next page begins after the last id.
            start = format!("({last}");
        }
        all.extend(page.into_iter().filter_map(|(id, fields)| {
            let record = fields.into_iter().find(|(k, _)| k == "record")?.1;
            Some((id, record))
        }));
        if !full {
            return Ok(all);
        }
    }
}

/// Removes the entries `ids` of `which` (records dealt with).
///
/// # Errors
/// A Redis error.
pub async fn remove(
    connection: &mut MultiplexedConnection,
    which: Records,
    ids: &[String],
) -> anyhow::Result<()> {
    for chunk in ids.chunks(PAGE) {
        redis::cmd("XDEL")
            .arg(which.stream())
            .arg(chunk)
            .query_async::<()>(connection)
            .await
            .map_err(|e| anyhow::anyhow!("cannot update {} ({:?})", which.stream(), e.kind()))?;
    }
    Ok(())
}
