//! Logging set-up and the keyed phone hash: phone numbers appear in logs only as a short keyed
//! hash, so lines about one person can be followed without revealing who they are.

mod json;

pub use json::JsonLines;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

/// A warning that can come in floods (forged webhooks): the first is logged at once, the ones
/// that follow within `interval` are only counted, and the count goes out with the next line.
/// The log grows by at most one line per interval, whatever the flood; metrics count each one.
pub struct RateLimitedLog {
    interval: Duration,
    state: Mutex<(Option<Instant>, u64)>,
}

impl RateLimitedLog {
    /// At most one line per `interval`.
    pub const fn new(interval: Duration) -> RateLimitedLog {
        RateLimitedLog {
            interval,
            state: Mutex::new((None, 0)),
        }
    }

    /// Logs `message` with `reason` at WARN, unless a line went out less than `interval` ago.
    pub fn warn(&self, message: &'static str, reason: &'static str) {
        let now = Instant::now();
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let (last, suppressed) = &mut *state;
        if last.is_some_and(|at| now.duration_since(at) < self.interval) {
            *suppressed += 1;
            return;
        }
        *last = Some(now);
        let since_last_line = std::mem::take(suppressed);
        drop(state);
        tracing::warn!(
            reason,
            also_refused = since_last_line,
            interval_s = self.interval.as_secs(),
            "{message}"
        );
    }
}

/// The log subscriber: JSON lines ([`JsonLines`]) when `json` (`OBSERVABILITY_ON`), compact text
/// otherwise, at `level` (`LOG_LEVEL`), written to `writer` (stdout in the service).
pub fn subscriber<W>(
    json: bool,
    level: &str,
    writer: W,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = tracing_subscriber::EnvFilter::new(format!("clara={level},{level}"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_target(false)
        // Colour codes only on a terminal: in a log file they are noise a reader must strip.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    if json {
        Box::new(builder.event_format(JsonLines).finish())
    } else {
        Box::new(builder.compact().finish())
    }
}

/// Installs [`subscriber`] on stdout as the global one. Safe to call more than once (later calls
/// do nothing).
pub fn init(json: bool, level: &str) {
    let _ = tracing::subscriber::set_global_default(subscriber(json, level, std::io::stdout));
}

/// Hashes phone numbers with a secret key, for logs, limits and conversation state.
///
/// SipHash-1-3 with a 128-bit secret key: a keyed pseudorandom function made for short inputs,
/// so a phone number (about 20 bytes) costs one pass of a few rounds instead of HMAC-SHA256's two
/// SHA-256 blocks (the hit path's largest cost after hyper). It must stay *keyed*: the numbers
/// are few enough (about 10¹⁰ per country) that an unkeyed hash of one could be reversed by
/// trying them all; without the key, the 64-bit output reveals nothing about the number.
#[derive(Clone)]
pub struct PhoneHasher {
    keyed: siphasher::sip::SipHasher13,
}

impl PhoneHasher {
    /// Keyed from the Twilio auth token when there is one (HMAC-SHA256 of a label under the
    /// token, once at start: stable across restarts, useless without the secret); otherwise by a
    /// random per-process key.
    pub fn new(auth_token: Option<&SecretString>) -> PhoneHasher {
        let mut key = [0u8; 16];
        match auth_token {
            Some(token) => {
                let mut mac = Hmac::<Sha256>::new_from_slice(token.expose_secret().as_bytes())
                    .expect("HMAC takes a key of any length");
                // v2: SipHash-1-3 (v1 was HMAC-SHA256); a new label, so no key is shared.
                mac.update(b"clara phone hash v2 (siphash-1-3)");
                key.copy_from_slice(&mac.finalize().into_bytes()[..16]);
            }
            None => {
                // Without a token the hash only has to hold for this process's life.
                getrandom::fill(&mut key).expect("the operating system provides random bytes");
            }
        }
        PhoneHasher {
            keyed: siphasher::sip::SipHasher13::new_with_key(&key),
        }
    }

    /// The keyed hash of `phone`: computed once per message, carried with it, and the only form
    /// in which the sender appears in logs, limits and state.
    pub fn sender(&self, phone: &str) -> SenderId {
        use std::hash::Hasher as _;
        let mut hasher = self.keyed;
        hasher.write(phone.as_bytes());
        SenderId(hasher.finish().to_be_bytes())
    }
}

/// A sender, known only by the keyed hash of their phone number. 64 bits keep two senders apart
/// in the per-sender tables; logs show the first 40 (10 hex digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SenderId(pub [u8; 8]);

impl SenderId {
    /// All 64 bits as 16 hex digits (logs show 40): how shared state and the durable queue name
    /// a sender, never by the phone number.
    pub fn hex(self) -> Hex {
        Hex(u64::from_be_bytes(self.0))
    }

    /// The id [`SenderId::hex`] wrote.
    pub fn from_hex(text: &str) -> Option<SenderId> {
        if text.len() != 16 {
            return None;
        }
        let mut id = [0u8; 8];
        for (i, byte) in id.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(SenderId(id))
    }
}

/// A [`SenderId`]'s 16 hex digits, written without an allocation of their own (shared state
/// builds a key from them on every webhook).
#[derive(Clone, Copy, Debug)]
pub struct Hex(u64);

impl std::fmt::Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::fmt::Display for SenderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0[..5].iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}
