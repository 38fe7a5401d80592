//! Replies Twilio would not take after the retries are written here, one JSON object per line,
//! so nothing is lost: `clara redeliver FILE` tries them again. The file holds no phone number:
//! the person is found again through the inbound `MessageSid`. With `REDIS_URL` the letters go
//! to a capped Redis stream instead (`shared::records`), read by `clara redeliver` too.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tracing::error;

use crate::jsonl::{AppendError, JsonLines};
use crate::shared::{Records, Redis};

/// The file stops growing here (a free instance has little disk); further letters are counted
/// and logged only.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One undelivered reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetter {
    /// Unix seconds.
    pub at: u64,
    /// The inbound message this replies to (to find the recipient again).
    pub message_sid: String,
    /// The recipient's keyed hash, for the logs.
    pub to_hash: String,
    pub reason: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
}

/// The dead-letter file.
pub struct DeadLetters {
    file: JsonLines,
}

impl DeadLetters {
    /// The file at `path` (`DEAD_LETTER_PATH`), capped at [`MAX_FILE_BYTES`].
    pub fn new(path: impl Into<PathBuf>) -> DeadLetters {
        DeadLetters {
            file: JsonLines::new(path, MAX_FILE_BYTES),
        }
    }

    /// Where the letters are written.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Keeps a letter: in Redis's dead-letter stream when Redis is shared and answers (every
    /// instance's letters in one place, surviving the instance), else in the file. Returns
    /// whether it was kept.
    pub async fn keep(&self, shared: Option<&Redis>, letter: &DeadLetter) -> bool {
        if let Some(redis) = shared
            && let Ok(json) = serde_json::to_string(letter)
            && redis
                .append_record(Records::DeadLetters, &json)
                .await
                .is_ok()
        {
            return true;
        }
        self.append(letter)
    }

    /// Appends a letter to the file; returns whether it was written (false when the file is
    /// full or cannot be written, which is logged).
    pub fn append(&self, letter: &DeadLetter) -> bool {
        match self.file.append(letter) {
            Ok(()) => true,
            Err(AppendError::Full(_)) => {
                error!(path = %self.path().display(), message_sid = letter.message_sid.as_str(), "dead-letter file full: reply dropped");
                false
            }
            Err(err) => {
                error!(path = %self.path().display(), cause = %err, "cannot write the dead-letter file");
                false
            }
        }
    }
}

/// Reads a dead-letter file; lines that do not parse are reported by number.
///
/// # Errors
/// The file cannot be read.
pub fn read(path: &Path) -> std::io::Result<(Vec<DeadLetter>, Vec<usize>)> {
    crate::jsonl::read(path)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn round_trips_and_stops_at_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dead.jsonl");
        let d = DeadLetters::new(&path);
        let letter = DeadLetter {
            at: 1,
            message_sid: "SM1".into(),
            to_hash: "abcdef0123".into(),
            reason: "twilio down".into(),
            body: "Hola".into(),
            media_url: None,
        };
        assert!(d.append(&letter));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"not json\n")
            .unwrap();
        let (letters, bad) = read(&path).unwrap();
        assert_eq!(letters, vec![letter.clone()]);
        assert_eq!(bad, vec![2]);
        std::fs::write(&path, vec![b'x'; MAX_FILE_BYTES as usize]).unwrap();
        assert!(!d.append(&letter));
    }
}
