//! A size-bounded JSON-lines file: one serialized record per line, appended by concurrent
//! writers, that stops growing at a byte cap (a free instance has little disk). The dead letters
//! and the miss journal are two of these.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a record was not appended.
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    #[error("the file has reached its {0}-byte cap")]
    Full(u64),
    #[error("cannot write the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot serialize the record: {0}")]
    Json(#[from] serde_json::Error),
}

/// An append-only JSON-lines file of at most `max_bytes`.
pub struct JsonLines {
    path: PathBuf,
    max_bytes: u64,
    /// Serializes appends, so lines from concurrent writers never interleave.
    lock: Mutex<()>,
}

impl JsonLines {
    /// The file at `path`, which stops growing at `max_bytes`.
    pub fn new(path: impl Into<PathBuf>, max_bytes: u64) -> JsonLines {
        JsonLines {
            path: path.into(),
            max_bytes,
            lock: Mutex::new(()),
        }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line, unless the file has reached its cap.
    ///
    /// # Errors
    /// The file is full, cannot be written, or the record cannot be serialized.
    pub fn append(&self, record: &impl Serialize) -> Result<(), AppendError> {
        let line = serde_json::to_string(record)?;
        let _guard = self.lock.lock();
        if std::fs::metadata(&self.path).is_ok_and(|m| m.len() >= self.max_bytes) {
            return Err(AppendError::Full(self.max_bytes));
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        writeln!(file, "{line}")?;
        Ok(())
    }
}

/// The records of a JSON-lines file, and the numbers (from 1) of the lines that did not parse.
/// Blank lines are skipped.
///
/// # Errors
/// The file cannot be read.
pub fn read<T: DeserializeOwned>(path: &Path) -> std::io::Result<(Vec<T>, Vec<usize>)> {
    let text = std::fs::read_to_string(path)?;
    let (mut records, mut bad) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(_) => bad.push(i + 1),
        }
    }
    Ok((records, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_lines_and_stops_at_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        let file = JsonLines::new(&path, 40);
        file.append(&serde_json::json!({"n": 1, "text": "a\nb"}))
            .unwrap();
        file.append(&serde_json::json!({"n": 2, "text": "ñ"}))
            .unwrap();
        assert!(matches!(
            file.append(&serde_json::json!({"n": 3})),
            Err(AppendError::Full(40))
        ));
        std::fs::write(
            &path,
            std::fs::read_to_string(&path).unwrap() + "not json\n\n",
        )
        .unwrap();
        let (records, bad) = read::<serde_json::Value>(&path).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["text"], "a\nb");
        assert_eq!(bad, [3]);
    }
}
