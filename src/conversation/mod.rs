//! What Clara remembers of each conversation between two messages: its language and the
//! procedure of the last answer ([`State`], small and `Copy`), keyed by the sender's keyed hash
//! (never the phone number, never the words). Entries expire after `CONVERSATION_TTL` and at most
//! `CONVERSATION_MAX` are kept, least recently seen forgotten first, so a flood of new senders
//! cannot grow memory.
//!
//! [`Store`] is the one name the webhook and the chat use: in memory, or shared by every instance
//! through Redis (`REDIS_URL`) with the in-memory store as its fallback while Redis is down.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lru::LruCache;

use crate::kb::{Facet, Lang, ProcedureId};
use crate::observability::SenderId;
use crate::respond::{Context, Intent, Reply};
use crate::shared::Redis;

/// What the conversation remembers after `reply` at `now`, given what it remembered before:
/// its language, and the procedure and part of a procedure answer (kept through misses,
/// guardrails, thanks and "I don't understand"; cleared by the menu), or the part a miss or a
/// greeting asked before any procedure was named; and the procedure talked about before the
/// current one, for "¿y el otro?". `None` when the person asked to be forgotten.
pub fn next(previous: Context, reply: &Reply, now: Instant) -> Option<State> {
    let (procedure, facet) = match reply.intent {
        Intent::Forget => return None,
        Intent::Procedure(p) => (Some(p), reply.facet),
        Intent::Menu => (None, None),
        // A part asked before any procedure was named ("¿cuánto tarda?", "hola, ¿qué papeles
        // piden?"), for the next message; a greeting alone starts afresh.
        Intent::Greeting => (None, reply.pending),
        Intent::None if reply.pending.is_some() => (None, reply.pending),
        Intent::Thanks | Intent::Confused | Intent::Blocked(_) | Intent::None => {
            (previous.procedure, previous.facet)
        }
    };
    // The other procedure: one named with the answered one ("le paro et la carte sanitaire"),
    // else the one talked about before, else the one remembered.
    let other = procedure.and_then(|now| {
        let not_now = |p: &ProcedureId| *p != now;
        reply
            .also
            .filter(not_now)
            .or(previous.procedure.filter(not_now))
            .or(previous.other)
    });
    Some(State {
        lang: reply.lang,
        procedure,
        facet,
        other,
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
    /// The part of it that answer gave.
    pub facet: Option<Facet>,
    /// The procedure talked about before that one.
    pub other: Option<ProcedureId>,
    /// When the last message came.
    pub last_seen: Instant,
}

impl State {
    /// What the responder needs of it.
    pub fn context(&self) -> Context {
        Context {
            lang: Some(self.lang),
            procedure: self.procedure,
            facet: self.facet,
            other: self.other,
        }
    }
}

/// Where conversations are kept.
pub enum Store {
    /// In this process: lost on restart, not shared between instances.
    Memory(MemoryStore),
    /// In Redis, under the sender's keyed hash with a TTL of `CONVERSATION_TTL`, so a
    /// conversation goes on whichever instance the next message reaches. `local` keeps a copy
    /// of what this instance saw, read only while Redis cannot be.
    Shared {
        redis: Arc<Redis>,
        local: MemoryStore,
    },
}

impl Store {
    /// An in-memory store of at most `max` conversations, each forgotten `ttl` after its last
    /// message.
    pub fn memory(max: usize, ttl: Duration) -> Store {
        Store::Memory(MemoryStore::new(max, ttl))
    }

    /// A store in `redis`, falling back to an in-memory one of at most `max`.
    pub fn shared(redis: Arc<Redis>, max: usize, ttl: Duration) -> Store {
        Store::Shared {
            redis,
            local: MemoryStore::new(max, ttl),
        }
    }

    fn local(&self) -> &MemoryStore {
        match self {
            Store::Memory(m) | Store::Shared { local: m, .. } => m,
        }
    }

    /// The conversation of `who`, unless it has expired, from this process's memory (the
    /// fallback copy for a shared store; [`Store::load`] asks Redis).
    pub fn get(&self, who: SenderId, now: Instant) -> Option<State> {
        self.local().get(who, now)
    }

    /// Remembers `state` for `who` in this process (see [`Store::save`]).
    pub fn put(&self, who: SenderId, state: State) {
        self.local().put(who, state);
    }

    /// Forgets `who` at once in this process (see [`Store::save`]).
    pub fn forget(&self, who: SenderId) {
        self.local().forget(who);
    }

    /// The conversation of `who`: from Redis when shared (what any instance last stored), from
    /// memory otherwise or while Redis cannot answer within its timeout.
    pub async fn load(&self, who: SenderId, now: Instant) -> Option<State> {
        match self {
            Store::Memory(m) => m.get(who, now),
            Store::Shared { redis, local } => match redis.conversation(who).await {
                Ok(stored) => stored.as_deref().and_then(|text| decode(text, now)),
                Err(_) => local.get(who, now),
            },
        }
    }

    /// Remembers `state` for `who` (`None`: forgets at once), in memory and, when shared, in
    /// Redis with the store's TTL.
    pub async fn save(&self, who: SenderId, state: Option<State>) {
        match state {
            Some(state) => self.put(who, state),
            None => self.forget(who),
        }
        if let Store::Shared { redis, local } = self {
            let text = state.map(encode);
            // Best effort: while Redis is down the local copy is what the next message reads.
            let _ = redis
                .keep_conversation(who, text.as_deref(), local.ttl)
                .await;
        }
    }

    /// Remembers `state` for `who` (as [`Store::save`]) only if the conversation still stands
    /// where `left` says, that is as the message answered late left it: an answer decided in
    /// the background (a voice note's, once its transcript was read) must not undo what a later
    /// message moved on in the meantime. Gone or expired, it stays gone.
    pub async fn advance(&self, who: SenderId, left: Context, state: Option<State>, now: Instant) {
        let unmoved = self
            .load(who, now)
            .await
            .is_some_and(|current| current.context() == left);
        if unmoved {
            self.save(who, state).await;
        }
    }

    /// The conversation of `who` from what Redis returned for it (`stored`, read by the caller
    /// together with something else), or from memory when Redis could not answer.
    pub fn recalled(
        &self,
        who: SenderId,
        stored: Result<Option<&str>, crate::shared::Unavailable>,
        now: Instant,
    ) -> Option<State> {
        match stored {
            Ok(stored) => stored.and_then(|text| decode(text, now)),
            Err(_) => self.get(who, now),
        }
    }

    /// Remembers `state` for `who` in memory, and returns what Redis should store for it (the
    /// caller writes it, with something else): the value, or `None` to delete it.
    pub fn remembered(&self, who: SenderId, state: Option<State>) -> Option<String> {
        match state {
            Some(state) => self.put(who, state),
            None => self.forget(who),
        }
        state.map(encode)
    }

    /// How long a conversation is remembered after its last message (`CONVERSATION_TTL`).
    pub fn ttl(&self) -> Duration {
        self.local().ttl
    }

    /// Conversations remembered now in this process (expired ones included until they are
    /// touched or pushed out).
    pub fn len(&self) -> usize {
        self.local().len()
    }

    /// Whether none is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A state as Redis keeps it: `<lang> <procedure> <facet>`, then ` <other>` when there was a
/// procedure before (`-` for none). No time: Redis's TTL does the expiry, and a state read back
/// was seen `now` as far as this process is concerned.
fn encode(state: State) -> String {
    let (lang, procedure, facet) = (
        state.lang.as_str(),
        state.procedure.map_or("-", ProcedureId::as_str),
        state.facet.map_or("-", Facet::as_str),
    );
    match state.other {
        Some(other) => format!("{lang} {procedure} {facet} {}", other.as_str()),
        None => format!("{lang} {procedure} {facet}"),
    }
}

/// The inverse of [`encode`], which also reads the `<lang> <procedure>` an older Clara stored
/// (no part remembered); `None` for anything else (a foreign value is ignored, never trusted).
fn decode(text: &str, now: Instant) -> Option<State> {
    fn optional<T>(field: &str, parse: fn(&str) -> Option<T>) -> Option<Option<T>> {
        match field {
            "-" => Some(None),
            f => parse(f).map(Some),
        }
    }
    let mut fields = text.split(' ');
    let lang = Lang::parse(fields.next()?)?;
    let procedure = optional(fields.next()?, ProcedureId::parse)?;
    let facet = optional(fields.next().unwrap_or("-"), Facet::parse)?;
    let other = optional(fields.next().unwrap_or("-"), ProcedureId::parse)?;
    if fields.next().is_some() {
        return None;
    }
    Some(State {
        lang,
        procedure,
        facet,
        other,
        last_seen: now,
    })
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
            facet: Some(Facet::Problemas),
            other: Some(ProcedureId::NieTie),
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
    fn a_state_survives_its_text_form() {
        let t0 = Instant::now();
        for procedure in [None, Some(ProcedureId::Imv)] {
            for facet in [None, Some(Facet::Problemas)] {
                for other in [None, Some(ProcedureId::NieTie)] {
                    let s = State {
                        procedure,
                        facet,
                        other,
                        ..state(t0)
                    };
                    assert_eq!(decode(&encode(s), t0), Some(s));
                }
            }
        }
        // What a Clara before the part was remembered stored, during a rolling deploy.
        let older = decode("fr imv", t0).expect("the older form");
        assert_eq!(
            (older.procedure, older.facet, older.other),
            (Some(ProcedureId::Imv), None, None)
        );
        // With no procedure before, the fourth field is left out.
        let three = decode("fr imv problemas", t0).expect("no procedure before");
        assert_eq!(
            (three.procedure, three.facet, three.other),
            (Some(ProcedureId::Imv), Some(Facet::Problemas), None)
        );
        assert_eq!(
            encode(State {
                other: None,
                ..state(t0)
            }),
            "fr imv problemas"
        );
        for junk in [
            "",
            "fr",
            "xx imv",
            "fr nope",
            "fr imv extra",
            "fr imv problemas x",
            "fr imv problemas nie_tie x",
        ] {
            assert_eq!(decode(junk, t0), None, "{junk}");
        }
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
