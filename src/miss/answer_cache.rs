//! Gemini's answers, remembered: a repeated miss (same normalized question, language and
//! procedure guess) is answered again without calling Gemini. Bounded LRU with a 24-hour TTL.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use lru::LruCache;

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
