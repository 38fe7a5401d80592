//! Logging set-up and the keyed phone hash: phone numbers appear in logs only as a short keyed
//! hash, so lines about one person can be followed without revealing who they are.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::Config;

/// An error and its sources on one line, `": "`-joined: reqwest's top-level message alone
/// ("error sending request") hides the cause, e.g. "Connection refused". Callers drop request
/// URLs first (`reqwest::Error::without_url`), so that no identifier in a URL reaches a log.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// Installs the global tracing subscriber: JSON lines when `OBSERVABILITY_ON`, compact text
/// otherwise, at `LOG_LEVEL`. Safe to call more than once (later calls do nothing).
pub fn init(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::new(format!("clara={0},{0}", config.log_level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_target(false);
    let _ = if config.json_logs {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.compact().try_init()
    };
}

/// Hashes phone numbers with a key, for logs.
#[derive(Clone)]
pub struct PhoneHasher {
    key: [u8; 32],
}

impl PhoneHasher {
    /// Keyed by the Twilio auth token when there is one (stable across restarts, useless without
    /// the secret); otherwise by a random per-process key.
    pub fn new(config: &Config) -> PhoneHasher {
        let mut key = [0u8; 32];
        match &config.twilio_auth_token {
            Some(token) => {
                let mut mac = Hmac::<Sha256>::new_from_slice(token.as_bytes())
                    .expect("HMAC takes a key of any length");
                mac.update(b"clara phone hash v1");
                key.copy_from_slice(&mac.finalize().into_bytes());
            }
            None => {
                use std::hash::{BuildHasher, Hasher};
                for chunk in key.chunks_mut(8) {
                    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
                    h.write_u8(0);
                    chunk.copy_from_slice(&h.finish().to_le_bytes());
                }
            }
        }
        PhoneHasher { key }
    }

    /// A 10-hex-digit hash of `phone`.
    pub fn hash(&self, phone: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        mac.update(phone.as_bytes());
        mac.finalize().into_bytes()[..5]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}
