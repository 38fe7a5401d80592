//! What Clara remembers of each conversation between two messages: its language and the
//! procedure of the last answer ([`State`], small and `Copy`), keyed by the sender's keyed hash
//! (never the phone number, never the words). Entries expire after `CONVERSATION_TTL` and at most
//! `CONVERSATION_MAX` are kept, least recently seen forgotten first, so a flood of new senders
//! cannot grow memory.
//!
//! [`Store`] is the one name the webhook and the chat use; today it is in memory, and a shared
//! store (Redis) can become a second variant without changing its callers.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lru::LruCache;

use crate::kb::{Lang, ProcedureId};
use crate::observability::SenderId;
use crate::respond::{Context, Intent, Reply};

/// What the conversation remembers after `reply` at `now`, given what it remembered before:
/// its language, and the procedure of a procedure answer (kept through misses and guardrails,
/// cleared by the menu). `None` when the person asked to be forgotten.
pub fn next(previous: Context, reply: &Reply, now: Instant) -> Option<State> {
    let procedure = match reply.intent {
        Intent::Forget => return None,
        Intent::Procedure(p) => Some(p),
        Intent::Menu | Intent::Greeting => None,
        Intent::Blocked(_) | Intent::None => previous.procedure,
    };
    Some(State {
        lang: reply.lang,
        procedure,
        last_seen: now,
    })
}

/// One conversation's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    /// The language of the last answer.
    pub lang: Lang,
    /// The procedure of the last answer, if it was about one.
    pub procedure: Option<ProcedureId>,
    /// When the last message came.
    pub last_seen: Instant,
}

impl State {
    /// What the responder needs of it.
    pub fn context(&self) -> Context {
        Context {
            lang: Some(self.lang),
            procedure: self.procedure,
        }
    }
}

/// Where conversations are kept.
pub enum Store {
    /// In this process: lost on restart, not shared between instances.
    Memory(MemoryStore),
}

impl Store {
    /// An in-memory store of at most `max` conversations, each forgotten `ttl` after its last
    /// message.
    pub fn memory(max: usize, ttl: Duration) -> Store {
        Store::Memory(MemoryStore::new(max, ttl))
    }

    /// The conversation of `who`, unless it has expired.
    pub fn get(&self, who: SenderId, now: Instant) -> Option<State> {
        match self {
            Store::Memory(m) => m.get(who, now),
        }
    }

    /// Remembers `state` for `who`.
    pub fn put(&self, who: SenderId, state: State) {
        match self {
            Store::Memory(m) => m.put(who, state),
        }
    }

    /// Forgets `who` at once.
    pub fn forget(&self, who: SenderId) {
        match self {
            Store::Memory(m) => m.forget(who),
        }
    }

    /// Conversations remembered now (expired ones included until they are touched or pushed
    /// out).
    pub fn len(&self) -> usize {
        match self {
            Store::Memory(m) => m.len(),
        }
    }

    /// Whether none is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The in-memory store: an LRU of `SenderId → State`. Updating a known sender reuses its entry
/// and a new one past the cap reuses the oldest, so a cache-hit message allocates nothing here.
pub struct MemoryStore {
    ttl: Duration,
    entries: Mutex<LruCache<SenderId, State>>,
}

impl MemoryStore {
    fn new(max: usize, ttl: Duration) -> MemoryStore {
        MemoryStore {
            ttl,
            entries: Mutex::new(LruCache::new(
                NonZeroUsize::new(max).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }

    fn get(&self, who: SenderId, now: Instant) -> Option<State> {
        let mut entries = self.entries.lock().ok()?;
        let state = *entries.peek(&who)?;
        if now.saturating_duration_since(state.last_seen) > self.ttl {
            entries.pop(&who);
            return None;
        }
        Some(state)
    }

    fn put(&self, who: SenderId, state: State) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.put(who, state);
        }
    }

    fn forget(&self, who: SenderId) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.pop(&who);
        }
    }

    fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(n: u64) -> SenderId {
        SenderId(n.to_le_bytes())
    }

    fn state(at: Instant) -> State {
        State {
            lang: Lang::Fr,
            procedure: Some(ProcedureId::Imv),
            last_seen: at,
        }
    }

    #[test]
    fn remembers_until_the_ttl_then_forgets() {
        let store = Store::memory(10, Duration::from_secs(1800));
        let t0 = Instant::now();
        store.put(who(1), state(t0));
        assert_eq!(
            store.get(who(1), t0 + Duration::from_secs(60)),
            Some(state(t0))
        );
        assert_eq!(store.get(who(2), t0), None);
        assert_eq!(store.get(who(1), t0 + Duration::from_secs(1801)), None);
        assert!(
            store.is_empty(),
            "an expired conversation is dropped when seen"
        );
    }

    #[test]
    fn forget_is_immediate_and_the_cap_holds() {
        let store = Store::memory(100, Duration::from_secs(1800));
        let t0 = Instant::now();
        store.put(who(1), state(t0));
        store.forget(who(1));
        assert_eq!(store.get(who(1), t0), None);
        for n in 0..10_000 {
            store.put(who(n), state(t0));
        }
        assert_eq!(store.len(), 100);
        assert!(store.get(who(9_999), t0).is_some() && store.get(who(0), t0).is_none());
    }
}
