//! Gemini's answers, remembered: a repeated miss (same normalized question, language and
//! procedure guess) is answered again without calling Gemini. Bounded LRU with a 24-hour TTL.
//! With `REDIS_URL` set the pipeline also reads and writes Redis (`shared`), under
//! [`Key::digest`], so that an answer one instance paid for serves them all; this LRU stays in
//! front of it (no round trip for a repeat on the same instance) and answers alone while Redis
//! is down.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use lru::LruCache;
use serde::{Deserialize, Serialize};
use tracing::{info, warn};

use crate::kb::{Lang, ProcedureId};

/// How long an answer is reused: facts change slowly, but not never.
pub const TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// The cache key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub question: String,
    pub lang: Lang,
    pub procedure: Option<ProcedureId>,
}

impl Key {
    /// The key's name in Redis: a SHA-256 of its parts, so that a question (already redacted,
    /// but a person's words) never appears in a key listing, and any length fits.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(self.question.as_bytes());
        hash.update([0]);
        hash.update(self.lang.as_str().as_bytes());
        hash.update([0]);
        hash.update(self.procedure.map_or("", |p| p.as_str()).as_bytes());
        hash.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// A bounded LRU of generated answers.
pub struct AnswerCache {
    inner: Mutex<LruCache<Key, (SystemTime, String)>>,
}

impl AnswerCache {
    pub fn new(capacity: NonZeroUsize) -> AnswerCache {
        AnswerCache {
            inner: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// The answer for `key`, if it is younger than [`TTL`] at `now`.
    pub fn get(&self, key: &Key, now: SystemTime) -> Option<String> {
        let mut inner = self.inner.lock().ok()?;
        match inner.get(key) {
            Some((at, text)) if now.duration_since(*at).unwrap_or_default() < TTL => {
                Some(text.clone())
            }
            Some(_) => {
                inner.pop(key);
                None
            }
            None => None,
        }
    }

    pub fn put(&self, key: Key, text: String, now: SystemTime) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.put(key, (now, text));
        }
    }

    pub fn len(&self) -> usize {
        self.inner.lock().map_or(0, |i| i.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Bumped whenever [`Snapshot`] changes shape: an older snapshot is then ignored.
const SNAPSHOT_VERSION: u32 = 1;

/// What `HOT_CACHE_PATH` holds (bincode).
#[derive(Serialize, Deserialize)]
struct Snapshot {
    magic: [u8; 8],
    version: u32,
    /// Least recently used first, so loading in order restores the recency.
    entries: Vec<(String, String, Option<String>, u64, String)>,
}

const MAGIC: [u8; 8] = *b"CLARAHC\0";

impl AnswerCache {
    /// Writes the cache to `path` (on graceful shutdown), so a restart keeps what was learned.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn save(&self, path: &std::path::Path) -> std::io::Result<usize> {
        let entries: Vec<_> = match self.inner.lock() {
            Ok(inner) => inner
                .iter()
                .rev()
                .map(|(k, (at, text))| {
                    let secs = at
                        .duration_since(SystemTime::UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs());
                    (
                        k.question.clone(),
                        k.lang.as_str().to_string(),
                        k.procedure.map(|p| p.as_str().to_string()),
                        secs,
                        text.clone(),
                    )
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        let count = entries.len();
        let snapshot = Snapshot {
            magic: MAGIC,
            version: SNAPSHOT_VERSION,
            entries,
        };
        let bytes = bincode::serde::encode_to_vec(&snapshot, bincode::config::standard())
            .map_err(std::io::Error::other)?;
        // Write then rename, so a crash mid-write never leaves a torn snapshot.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path)?;
        Ok(count)
    }

    /// Loads a snapshot written by [`AnswerCache::save`]. A missing, corrupt or foreign file is
    /// logged and ignored, never fatal; expired entries are dropped. Returns how many were loaded.
    pub fn load(&self, path: &std::path::Path, now: SystemTime) -> usize {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return 0,
            Err(err) => {
                warn!(path = %path.display(), cause = %err, "hot cache snapshot unreadable: ignored");
                return 0;
            }
        };
        let decoded = bincode::serde::decode_from_slice::<Snapshot, _>(
            &bytes,
            bincode::config::standard().with_limit::<{ 64 * 1024 * 1024 }>(),
        );
        let snapshot = match decoded {
            Ok((s, _)) if s.magic == MAGIC && s.version == SNAPSHOT_VERSION => s,
            _ => {
                warn!(path = %path.display(), "hot cache snapshot corrupt or from another version: ignored");
                return 0;
            }
        };
        let mut loaded = 0;
        for (question, lang, procedure, secs, text) in snapshot.entries {
            let (Some(lang), procedure) = (
                Lang::parse(&lang),
                procedure.as_deref().map(ProcedureId::parse),
            ) else {
                continue;
            };
            if procedure == Some(None) {
                continue;
            }
            let at = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
            if now.duration_since(at).unwrap_or_default() < TTL {
                self.put(
                    Key {
                        question,
                        lang,
                        procedure: procedure.flatten(),
                    },
                    text,
                    at,
                );
                loaded += 1;
            }
        }
        info!(loaded, "hot cache snapshot loaded");
        loaded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(q: &str) -> Key {
        Key {
            question: q.into(),
            lang: Lang::Es,
            procedure: None,
        }
    }

    #[test]
    fn snapshots_survive_a_restart_and_bad_files_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hot.bin");
        let now = SystemTime::now();
        let cache = AnswerCache::new(NonZeroUsize::new(8).unwrap());
        cache.put(key("a"), "A".into(), now);
        cache.put(
            Key {
                question: "b".into(),
                lang: Lang::Ar,
                procedure: Some(ProcedureId::Imv),
            },
            "B".into(),
            now,
        );
        cache.put(key("old"), "O".into(), now - TTL - Duration::from_secs(1));
        assert_eq!(cache.save(&path).unwrap(), 3);
        let restarted = AnswerCache::new(NonZeroUsize::new(8).unwrap());
        assert_eq!(restarted.load(&path, now), 2, "the expired one is dropped");
        assert_eq!(restarted.get(&key("a"), now).as_deref(), Some("A"));
        std::fs::write(&path, b"garbage that is not a snapshot").unwrap();
        assert_eq!(
            AnswerCache::new(NonZeroUsize::new(8).unwrap()).load(&path, now),
            0
        );
        assert_eq!(
            AnswerCache::new(NonZeroUsize::new(8).unwrap()).load(&dir.path().join("none"), now),
            0
        );
    }

    #[test]
    fn digests_differ_by_every_part_and_hide_the_question() {
        let a = key("mudanza");
        let digest = a.digest();
        assert_eq!(digest.len(), 32);
        assert!(!digest.contains("mudanza"));
        assert_eq!(digest, key("mudanza").digest(), "stable");
        let other_lang = Key {
            lang: Lang::Ar,
            ..key("mudanza")
        };
        let other_guess = Key {
            procedure: Some(ProcedureId::Imv),
            ..key("mudanza")
        };
        assert_ne!(digest, other_lang.digest());
        assert_ne!(digest, other_guess.digest());
        assert_ne!(digest, key("mudanzas").digest());
    }

    #[test]
    fn expires_and_evicts() {
        let cache = AnswerCache::new(NonZeroUsize::new(2).unwrap());
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        cache.put(key("a"), "A".into(), t0);
        assert_eq!(
            cache
                .get(&key("a"), t0 + Duration::from_secs(60))
                .as_deref(),
            Some("A")
        );
        assert_eq!(cache.get(&key("a"), t0 + TTL), None);
        cache.put(key("b"), "B".into(), t0);
        cache.put(key("c"), "C".into(), t0);
        cache.put(key("d"), "D".into(), t0);
        assert_eq!(cache.len(), 2);
        assert_eq!(
            cache.get(&key("b"), t0),
            None,
            "least recently used is gone"
        );
    }
}
