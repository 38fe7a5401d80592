//! The bounded in-memory cache of spoken replies that `/static/tts/<name>` serves: clips named by
//! a hash of their bytes, evicted least recently handed out first ([`lru::LruCache`], so every
//! lookup and move to the front is O(1)), and an index from spoken text to clip so that the same
//! reply is not spoken twice.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lru::LruCache;
use sha2::{Digest, Sha256};

use super::codec::Clip;
use crate::kb::Lang;

/// Cache bound in bytes: at 24 kbit/s that is about three hours of speech, hundreds of replies,
/// so a link handed to Twilio is long fetched before its clip is evicted.
pub const DEFAULT_CACHE_BYTES: usize = 32 * 1024 * 1024;

/// Cache bound in clips, whatever their size.
pub const DEFAULT_CACHE_CLIPS: usize = 1024;

/// Hex digits of the content hash in a file name and ETag: 128 bits, like the compiled audio's.
const HASH_HEX_DIGITS: usize = 32;

/// The key of a spoken text in the cache: a SHA-256 of the language and the text.
pub(super) type SpokenKey = [u8; 32];

/// The cache key of a spoken text: what was said, and in which language.
pub(super) fn spoken_key(spoken: &str, lang: Lang) -> SpokenKey {
    let mut hasher = Sha256::new();
    hasher.update(lang.as_str().as_bytes());
    hasher.update([0]);
    hasher.update(spoken.as_bytes());
    hasher.finalize().into()
}

/// A cached clip with its HTTP validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedClip {
    /// The audio (cheap to clone: the bytes are shared).
    pub clip: Clip,
    /// Strong ETag, quoted: the content hash in the file name, e.g. `"3f2a…"`.
    pub etag: String,
}

/// Spoken replies in memory, keyed by a hash of their bytes, bounded by total bytes and by count;
/// the oldest are evicted first, age counting from when a name was last handed out (inserted, or
/// found again for the same spoken text), so a link just given to Twilio is the last to go.
/// Serving a clip ([`TtsCache::get`]) does not make it younger: only handing its link out does.
/// Shared by the pipeline (which inserts) and the HTTP route (which serves
/// `/static/tts/<name>`): every method takes `&self`.
pub struct TtsCache {
    /// Most bytes held at once.
    max_bytes: usize,
    /// Most clips held at once.
    max_clips: usize,
    /// The clips; locked only for map operations, never across an await.
    inner: Mutex<CacheInner>,
}

/// The guarded state of a [`TtsCache`].
struct CacheInner {
    /// File name (`<hash>.<ext>`) → clip, the least recently handed out last. Unbounded as an
    /// `LruCache`: [`TtsCache::insert_spoken`] enforces both bounds, since bytes are one of them.
    clips: LruCache<String, CacheEntry>,
    /// Sum of the clips' sizes.
    bytes: usize,
    /// Spoken-text key → file name, so the same reply is not spoken twice.
    spoken: HashMap<SpokenKey, String>,
}

/// One cached clip.
struct CacheEntry {
    clip: CachedClip,
    /// The spoken-text key that points here, removed with the clip.
    spoken: Option<SpokenKey>,
}

impl Default for TtsCache {
    /// [`DEFAULT_CACHE_BYTES`] and [`DEFAULT_CACHE_CLIPS`].
    fn default() -> TtsCache {
        TtsCache::new(DEFAULT_CACHE_BYTES, DEFAULT_CACHE_CLIPS)
    }
}

impl std::fmt::Debug for TtsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TtsCache")
            .field("max_bytes", &self.max_bytes)
            .field("max_clips", &self.max_clips)
            .field("clips", &self.len())
            .field("bytes", &self.total_bytes())
            .finish()
    }
}

impl TtsCache {
    /// An empty cache holding at most `max_bytes` bytes in at most `max_clips` clips.
    pub fn new(max_bytes: usize, max_clips: usize) -> TtsCache {
        TtsCache {
            max_bytes,
            max_clips,
            inner: Mutex::new(CacheInner {
                clips: LruCache::unbounded(),
                bytes: 0,
                spoken: HashMap::new(),
            }),
        }
    }

    /// Adds a clip, evicting the oldest ones until it fits; returns its file name,
    /// `<hash>.<ext>` (the same name for the same bytes). `None` when the clip alone is larger
    /// than the bound: it is not kept.
    pub fn insert(&self, clip: Clip) -> Option<String> {
        self.insert_spoken(None, clip)
    }

    /// The clip named `name` (`<hash>.<ext>`), if it is still cached.
    pub fn get(&self, name: &str) -> Option<CachedClip> {
        self.lock().clips.peek(name).map(|e| e.clip.clone())
    }

    /// Clips held.
    pub fn len(&self) -> usize {
        self.lock().clips.len()
    }

    /// Whether no clip is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held, at most the bound.
    pub fn total_bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The state; a panic elsewhere while it was held cannot leave it inconsistent (every update
    /// is a few map operations), so a poisoned lock is used as it is.
    fn lock(&self) -> MutexGuard<'_, CacheInner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The file name of the clip spoken for `key`, if it is still cached; that clip becomes the
    /// newest, since its link is handed out again.
    pub(super) fn find_spoken(&self, key: &SpokenKey) -> Option<String> {
        let mut inner = self.lock();
        let name = inner.spoken.get(key).cloned()?;
        inner.clips.promote(name.as_str()).then_some(name)
    }

    /// [`TtsCache::insert`], remembering which spoken text gave the clip.
    pub(super) fn insert_spoken(&self, key: Option<SpokenKey>, clip: Clip) -> Option<String> {
        let size = clip.bytes.len();
        if size > self.max_bytes || self.max_clips == 0 {
            return None;
        }
        let digest = Sha256::digest(&clip.bytes);
        let hash: String = digest
            .iter()
            .take(HASH_HEX_DIGITS / 2)
            .map(|b| format!("{b:02x}"))
            .collect();
        let name = format!("{hash}.{}", clip.ext);
        let mut inner = self.lock();
        // `get_mut` also makes the clip the newest: the same bytes count as handed out again.
        if let Some(entry) = inner.clips.get_mut(name.as_str()) {
            if let Some(key) = key {
                entry.spoken = Some(key);
                inner.spoken.insert(key, name.clone());
            }
            return Some(name);
        }
        while inner.bytes + size > self.max_bytes || inner.clips.len() >= self.max_clips {
            let Some((oldest, entry)) = inner.clips.pop_lru() else {
                break;
            };
            inner.bytes -= entry.clip.clip.bytes.len();
            // Another text may have re-pointed the key at a newer clip since.
            if let Some(old_key) = entry.spoken
                && inner.spoken.get(&old_key) == Some(&oldest)
            {
                inner.spoken.remove(&old_key);
            }
        }
        if let Some(key) = key {
            inner.spoken.insert(key, name.clone());
        }
        inner.bytes += size;
        inner.clips.put(
            name.clone(),
            CacheEntry {
                clip: CachedClip {
                    clip,
                    etag: format!("\"{hash}\""),
                },
                spoken: key,
            },
        );
        Some(name)
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;

    fn clip(bytes: &'static [u8]) -> Clip {
        Clip {
            bytes: Bytes::from_static(bytes),
            mime: "audio/ogg",
            ext: "ogg",
        }
    }

    #[test]
    fn spoken_keys_depend_on_the_language() {
        assert_ne!(spoken_key("IMV", Lang::Es), spoken_key("IMV", Lang::Fr));
        assert_eq!(spoken_key("IMV", Lang::Es), spoken_key("IMV", Lang::Es));
    }

    #[test]
    fn the_cache_finds_spoken_texts_until_evicted() {
        let cache = TtsCache::new(10, 8);
        let key = spoken_key("hola", Lang::Es);
        let name = cache.insert_spoken(Some(key), clip(b"123456")).unwrap();
        assert_eq!(cache.find_spoken(&key), Some(name));
        cache.insert(clip(b"abcdef")).unwrap();
        assert_eq!(cache.find_spoken(&key), None);
        assert!(cache.lock().spoken.is_empty());
    }

    #[test]
    fn a_reply_found_again_outlives_older_ones_and_serving_does_not() {
        let cache = TtsCache::new(1 << 20, 3);
        let hola = spoken_key("hola", Lang::Es);
        let a = cache.insert_spoken(Some(hola), clip(b"a")).unwrap();
        let b = cache.insert(clip(b"b")).unwrap();
        let c = cache.insert(clip(b"c")).unwrap();
        // Serving b (Twilio fetching it) leaves it the oldest but one; the same reply spoken
        // again hands a's link out anew, so a becomes the newest.
        assert!(cache.get(&b).is_some());
        assert_eq!(cache.find_spoken(&hola), Some(a.clone()));
        let d = cache.insert(clip(b"d")).unwrap();
        assert!(cache.get(&b).is_none(), "b was the oldest handed out");
        let e = cache.insert(clip(b"e")).unwrap();
        assert!(cache.get(&c).is_none(), "then c");
        for name in [&a, &d, &e] {
            assert!(cache.get(name).is_some(), "{name}");
        }
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.total_bytes(), 3);
    }
}
