//! Configuration from the environment: every variable in one table ([`VARIABLES`]), read and
//! validated once at start-up. A bad value stops start-up with one line naming the variable and
//! what it accepts. Secrets are [`SecretString`]s, so `Debug` never prints them.

use std::time::Duration;

use secrecy::SecretString;

/// A `TTS_PROVIDER` value: who speaks the reply to a voice note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TtsProvider {
    /// Gemini TTS, sent as an OGG/Opus voice note.
    Gemini,
    /// Text-only replies.
    None,
}

impl TtsProvider {
    /// Parses `gemini` or `none` (any case, surrounding spaces ignored).
    pub fn parse(text: &str) -> Option<TtsProvider> {
        match text.trim().to_ascii_lowercase().as_str() {
            "gemini" => Some(TtsProvider::Gemini),
            "none" => Some(TtsProvider::None),
            _ => None,
        }
    }

    /// The configuration value.
    pub const fn as_str(self) -> &'static str {
        match self {
            TtsProvider::Gemini => "gemini",
            TtsProvider::None => "none",
        }
    }
}

/// One environment variable the service reads.
#[derive(Debug, Clone, Copy)]
pub struct Variable {
    pub name: &'static str,
    /// The default, as text; empty when unset means "off" or "none".
    pub default: &'static str,
    /// What values it accepts, for errors and docs.
    pub accepts: &'static str,
    /// A credential: never logged, never shown by `/health`.
    pub secret: bool,
    /// One line for operators.
    pub doc: &'static str,
}

macro_rules! vars {
    ($($name:literal, $default:literal, $accepts:literal, $secret:literal, $doc:literal;)+) => {
        /// Every variable the service reads: the single source of truth for docs, `.env.example`
        /// and `render.yaml`.
        pub const VARIABLES: &[Variable] = &[$(Variable {
            name: $name, default: $default, accepts: $accepts, secret: $secret, doc: $doc,
        }),+];
    };
}

vars! {
    "PORT", "5000", "a TCP port (0-65535; 0 picks a free one)", false, "Port to listen on, on 0.0.0.0 (Render sets 10000).";
    "PUBLIC_URL", "", "an http(s) URL without a trailing slash", false, "The URL Twilio calls, used to check signatures and to build audio links.";
    "TWILIO_ACCOUNT_SID", "", "a Twilio account SID (AC...)", false, "Twilio account for sending replies and fetching media.";
    "TWILIO_AUTH_TOKEN", "", "the account's auth token", true, "Validates X-Twilio-Signature; required unless demo mode or ALLOW_UNSIGNED.";
    "TWILIO_SANDBOX_FROM", "whatsapp:+14155238886", "whatsapp:+<E.164 number>", false, "The WhatsApp sender replies come from.";
    "ALLOW_UNSIGNED", "false", "true or false", false, "Accept unsigned webhooks without an auth token (testing only).";
    "GEMINI_API_KEY", "", "a Google AI API key", true, "Gemini, for answers to misses and transcription.";
    "DEMO_MODE", "", "true or false (unset: true when no key is set)", false, "Offline demo: cache answers, templates for misses, no network.";
    "LLM_LIVE", "true", "true or false", false, "Answer misses with Gemini (needs GEMINI_API_KEY, not in demo mode).";
    "WHISPER_ON", "true", "true or false", false, "Transcribe voice notes (needs GEMINI_API_KEY, not in demo mode).";
    "LLM_TIMEOUT", "6", "seconds, 1-60", false, "Time allowed for one Gemini answer.";
    "WHISPER_TIMEOUT", "12", "seconds, 1-120", false, "Time allowed to fetch and transcribe a voice note.";
    "AUDIO_BASE_URL", "", "an http(s) URL without a trailing slash", false, "Where audio files are served from; default PUBLIC_URL/static/cache.";
    "OBSERVABILITY_ON", "true", "true or false", false, "JSON log lines (true) or compact text (false).";
    "GUARDRAILS_ON", "true", "true or false", false, "Check for self-harm, violence and illegal requests first.";
    "STRUCTURED_OUTPUT_ON", "false", "true or false", false, "Ask Gemini for JSON with a response schema.";
    "RAG_ENABLED", "false", "true or false", false, "Accepted for compatibility with the original deployment; unused.";
    "LOG_LEVEL", "info", "error, warn, info, debug or trace", false, "How much to log.";
    "ADMIN_TOKEN", "", "any string", true, "Bearer token required by /metrics when set.";
    "GEMINI_BASE_URL", "https://generativelanguage.googleapis.com/v1beta", "an http(s) URL without a trailing slash", false, "Gemini API root (tests and drills point it at a mock).";
    "GEMINI_MODEL", "gemini-3.5-flash", "a Gemini model name", false, "Model for answers and transcription; checked against the model list at start-up when the LLM is live.";
    "GEMINI_TTS_MODEL", "gemini-3.8-flash-tts", "a Gemini TTS model name", false, "Model for spoken replies.";
    "TTS_PROVIDER", "none", "gemini or none", false, "Spoken reply to a voice note answered by Gemini: gemini (OGG/Opus voice note) or none (text only).";
    "GEMINI_TTS_VOICE", "Kore", "a Gemini prebuilt voice name (letters only)", false, "Voice for spoken replies; every prebuilt voice speaks all four languages.";
    "TWILIO_API_BASE_URL", "https://api.twilio.com", "an http(s) URL without a trailing slash", false, "Twilio REST API root (tests and drills point it at a mock).";
    "TWILIO_MEDIA_HOSTS", "api.twilio.com,mms.twiliocdn.com,media.twiliocdn.com", "comma-separated host names", false, "The only hosts voice notes and images are fetched from (and redirected to).";
    "MISS_QUEUE_SIZE", "256", "a number, 1-100000", false, "Misses waiting for the pipeline; when full, people get the busy template.";
    "MISS_WORKERS", "4", "a number, 1-64", false, "Misses processed at once.";
    "MISS_RATE_LIMIT", "10", "a number, 1-1000", false, "Misses one person may send per 10 minutes before the rate_limited template.";
    "DEAD_LETTER_PATH", "dead-letters.jsonl", "a file path", false, "Replies Twilio would not take (JSON lines, size-bounded, no phone numbers).";
    "HOT_CACHE_PATH", "", "a file path (unset: off)", false, "Gemini's answers are saved here on shutdown and loaded at start (bincode).";
    "MISS_JOURNAL_PATH", "miss-journal.jsonl", "a file path", false, "Every miss, for `clara promote` (JSON lines, size-bounded, no phone numbers).";
    "MAX_CONNECTIONS", "1024", "a number, 1-100000", false, "Connections served at once (fewer if the open-file limit is lower); more wait to be accepted.";
    "CONVERSATION_TTL", "1800", "seconds, 60-86400", false, "How long Clara remembers a conversation's language, procedure and part after its last message.";
    "CONVERSATION_MAX", "10000", "a number, 1-1000000", false, "Conversations remembered at once (least recently seen forgotten first; ~100 bytes each).";
    "HTTP_READ_TIMEOUT", "10", "seconds, 1-120", false, "Time a client gets to send a request's headers (also the idle time of a kept-alive connection), and again its body.";
    "REDIS_URL", "", "a redis:// or rediss:// URL (unset: everything in this process)", true, "Redis (or Render Key Value) shared by every instance: MessageSid dedupe, per-sender limits, conversations, answer cache, the durable miss queue.";
    "MISS_CLAIM_AFTER", "30", "seconds, 1-3600", false, "With REDIS_URL: a queued miss unfinished this long (its instance died) is taken over by another instance.";
    "REDIS_CA_FILE", "", "a PEM file of CA certificates (unset: the public web roots)", false, "With a rediss:// REDIS_URL: the CA that signed a Redis server's certificate, for a Redis behind a private CA (Render's Key Value needs none).";
}

/// A configuration value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {name}: {problem} (accepts {accepts})")]
pub struct ConfigError {
    pub name: &'static str,
    pub problem: String,
    pub accepts: &'static str,
}

/// The validated configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub port: u16,
    /// Without a trailing slash.
    pub public_url: Option<String>,
    pub twilio_account_sid: Option<String>,
    pub twilio_auth_token: Option<SecretString>,
    pub twilio_from: String,
    pub allow_unsigned: bool,
    pub gemini_api_key: Option<SecretString>,
    pub demo_mode: bool,
    pub llm_live: bool,
    pub whisper_on: bool,
    pub llm_timeout: Duration,
    pub whisper_timeout: Duration,
    /// Without a trailing slash.
    pub audio_base_url: Option<String>,
    pub json_logs: bool,
    pub guardrails: bool,
    pub structured_output: bool,
    pub log_level: String,
    pub admin_token: Option<SecretString>,
    pub gemini_base_url: String,
    pub gemini_model: String,
    pub gemini_tts_model: String,
    pub tts_provider: TtsProvider,
    pub gemini_tts_voice: String,
    pub twilio_api_base_url: String,
    /// Lower-case host names.
    pub twilio_media_hosts: Vec<String>,
    pub miss_queue_size: usize,
    pub miss_workers: usize,
    pub miss_rate_limit: u32,
    pub dead_letter_path: std::path::PathBuf,
    pub miss_journal_path: std::path::PathBuf,
    pub hot_cache_path: Option<std::path::PathBuf>,
    /// Connections served at once, before the open-file limit is applied (`http::server`).
    pub max_connections: usize,
    /// For a request's headers (and a kept-alive connection's idle time), and for its body.
    pub http_read_timeout: Duration,
    /// How long a conversation is remembered after its last message.
    pub conversation_ttl: Duration,
    /// Conversations remembered at once.
    pub conversation_max: usize,
    /// The shared store; `None` keeps every piece of state in this process. A secret: its
    /// password must never reach a log or `/health`.
    pub redis_url: Option<SecretString>,
    /// The CA certificates a `rediss://` server is checked against instead of the public roots.
    pub redis_ca: Option<Pem>,
    /// How long a queued miss may stay unfinished before another instance takes it over.
    pub miss_claim_after: Duration,
}

/// Reads raw values through a lookup function, checking names against [`VARIABLES`].
struct Reader<F> {
    lookup: F,
}

/// The declaration of `name`. Reading an undeclared variable is a programming error, caught by
/// the first test that builds a configuration.
fn declared(name: &str) -> &'static Variable {
    VARIABLES
        .iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("{name} is read but not declared in VARIABLES"))
}

fn invalid(name: &str, problem: impl Into<String>) -> ConfigError {
    let var = declared(name);
    ConfigError {
        name: var.name,
        problem: problem.into(),
        accepts: var.accepts,
    }
}

impl<F: Fn(&str) -> Option<String>> Reader<F> {
    /// The value, trimmed; `None` when unset or empty.
    fn raw(&self, name: &str) -> Option<String> {
        declared(name);
        (self.lookup)(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn text(&self, name: &str) -> String {
        self.raw(name)
            .unwrap_or_else(|| declared(name).default.to_string())
    }

    fn opt_bool(&self, name: &str) -> Result<Option<bool>, ConfigError> {
        match self.raw(name) {
            None => Ok(None),
            Some(v) => match v.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Ok(Some(true)),
                "false" | "0" | "no" | "off" => Ok(Some(false)),
                _ => Err(invalid(name, format!("`{v}` is not a boolean"))),
            },
        }
    }

    fn bool(&self, name: &str) -> Result<bool, ConfigError> {
        Ok(self
            .opt_bool(name)?
            .unwrap_or(declared(name).default == "true"))
    }

    fn number(&self, name: &str, range: std::ops::RangeInclusive<u64>) -> Result<u64, ConfigError> {
        let text = self.text(name);
        text.parse::<u64>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| invalid(name, format!("`{text}` is out of range")))
    }

    fn url(&self, name: &str) -> Result<Option<String>, ConfigError> {
        let Some(url) = self.raw(name) else {
            return Ok(None);
        };
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(rest) if !rest.is_empty() && !url.contains(char::is_whitespace) => {
                Ok(Some(url.trim_end_matches('/').to_string()))
            }
            _ => Err(invalid(name, format!("`{url}` is not an http(s) URL"))),
        }
    }
}

impl<F: Fn(&str) -> Option<String>> Reader<F> {
    /// A URL variable with a default.
    fn url_or_default(&self, name: &str) -> Result<String, ConfigError> {
        Ok(self
            .url(name)?
            .unwrap_or_else(|| declared(name).default.to_string()))
    }
}

/// `TWILIO_MEDIA_HOSTS`: unset means Twilio's hosts; set, it must name at least one host, since
/// an empty allowlist would silently turn every voice note into `transcription_failed`.
fn media_hosts<F: Fn(&str) -> Option<String>>(r: &Reader<F>) -> Result<Vec<String>, ConfigError> {
    let name = "TWILIO_MEDIA_HOSTS";
    let text = match (r.lookup)(name) {
        Some(given) => given,
        None => declared(name).default.to_string(),
    };
    let hosts: Vec<String> = text
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    if hosts.is_empty() {
        return Err(invalid(name, "names no host"));
    }
    if let Some(bad) = hosts.iter().find(|h| {
        !h.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    }) {
        return Err(invalid(name, format!("`{bad}` is not a host name")));
    }
    Ok(hosts)
}

/// `REDIS_URL`: `redis://` or `rediss://` (TLS), with a host, as the `redis` crate reads it. The
/// value is never echoed in the error: it may carry a password.
fn redis_url<F: Fn(&str) -> Option<String>>(
    r: &Reader<F>,
) -> Result<Option<SecretString>, ConfigError> {
    let name = "REDIS_URL";
    let Some(url) = r.raw(name) else {
        return Ok(None);
    };
    let scheme_ok = url.starts_with("redis://") || url.starts_with("rediss://");
    if !scheme_ok {
        return Err(invalid(name, "does not start with redis:// or rediss://"));
    }
    if url.contains(char::is_whitespace) {
        return Err(invalid(name, "contains a space"));
    }
    match redis::Client::open(url.as_str()) {
        Ok(_) => Ok(Some(SecretString::from(url))),
        Err(_) => Err(invalid(name, "is not a Redis URL with a host")),
    }
}

/// PEM text read from a file named by the configuration (certificates: public, but long).
#[derive(Clone, PartialEq, Eq)]
pub struct Pem(pub Vec<u8>);

impl std::fmt::Debug for Pem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pem({} bytes)", self.0.len())
    }
}

/// `REDIS_CA_FILE`: read at start, so that a wrong path stops the start-up with its name rather
/// than leaving Redis down for a reason only a debug log would tell. Only meaningful for TLS.
fn redis_ca<F: Fn(&str) -> Option<String>>(r: &Reader<F>) -> Result<Option<Pem>, ConfigError> {
    let name = "REDIS_CA_FILE";
    let Some(path) = r.raw(name) else {
        return Ok(None);
    };
    if !r
        .raw("REDIS_URL")
        .is_some_and(|u| u.starts_with("rediss://"))
    {
        return Err(invalid(name, "is set but REDIS_URL is not a rediss:// URL"));
    }
    let pem = std::fs::read(&path)
        .map_err(|e| invalid(name, format!("`{path}` cannot be read ({})", e.kind())))?;
    if !pem
        .windows(b"-----BEGIN CERTIFICATE-----".len())
        .any(|w| w == b"-----BEGIN CERTIFICATE-----")
    {
        return Err(invalid(name, format!("`{path}` holds no PEM certificate")));
    }
    Ok(Some(Pem(pem)))
}

impl Config {
    /// Reads the process environment.
    ///
    /// # Errors
    /// The first variable whose value cannot be used.
    pub fn from_env() -> Result<Config, ConfigError> {
        // A value that is not UTF-8 is refused, not read as unset: a mangled token or port must
        // not silently fall back to the default (the demo, or port 5000).
        for var in VARIABLES {
            if std::env::var_os(var.name).is_some_and(|v| v.to_str().is_none()) {
                return Err(invalid(var.name, "is not valid UTF-8"));
            }
        }
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (tests pass a closure instead of the environment).
    ///
    /// # Errors
    /// The first variable whose value cannot be used.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let r = Reader { lookup };
        let port = r.number("PORT", 0..=65535)? as u16;
        let twilio_auth_token = r.raw("TWILIO_AUTH_TOKEN").map(SecretString::from);
        let gemini_api_key = r.raw("GEMINI_API_KEY").map(SecretString::from);
        let twilio_account_sid = r.raw("TWILIO_ACCOUNT_SID");
        if let Some(sid) = &twilio_account_sid
            && !(sid.len() == 34 && sid.starts_with("AC"))
        {
            return Err(invalid(
                "TWILIO_ACCOUNT_SID",
                "not 34 characters starting with AC",
            ));
        }
        // The offline demo is the default only when nothing points at a real deployment. With a
        // Twilio account or a Gemini key, unsigned webhooks need an explicit DEMO_MODE=true (or
        // ALLOW_UNSIGNED=true): a token lost in a redeploy must stop the service, not open it.
        let no_keys =
            twilio_auth_token.is_none() && gemini_api_key.is_none() && twilio_account_sid.is_none();
        let explicit_demo = r.opt_bool("DEMO_MODE")?;
        let demo_mode = explicit_demo.unwrap_or(no_keys);
        let allow_unsigned = r.bool("ALLOW_UNSIGNED")?;
        if twilio_auth_token.is_none() && !no_keys && explicit_demo != Some(true) && !allow_unsigned
        {
            let why = if twilio_account_sid.is_some() {
                "missing or blank while TWILIO_ACCOUNT_SID is set"
            } else {
                "missing or blank while GEMINI_API_KEY is set"
            };
            return Err(ConfigError {
                name: "TWILIO_AUTH_TOKEN",
                problem: why.into(),
                accepts: "the account's auth token; or DEMO_MODE=true to run unsigned on purpose",
            });
        }
        if twilio_auth_token.is_none() && !demo_mode && !allow_unsigned {
            return Err(ConfigError {
                name: "TWILIO_AUTH_TOKEN",
                problem: "required to check webhook signatures".into(),
                accepts: "the account's auth token; or set DEMO_MODE=true or ALLOW_UNSIGNED=true",
            });
        }
        let twilio_from = r.text("TWILIO_SANDBOX_FROM");
        if !twilio_from.starts_with("whatsapp:+") {
            return Err(invalid(
                "TWILIO_SANDBOX_FROM",
                format!("`{twilio_from}` is not a WhatsApp sender"),
            ));
        }
        let log_level = r.text("LOG_LEVEL").to_ascii_lowercase();
        if !["error", "warn", "info", "debug", "trace"].contains(&log_level.as_str()) {
            return Err(invalid(
                "LOG_LEVEL",
                format!("`{log_level}` is not a level"),
            ));
        }
        r.bool("RAG_ENABLED")?; // accepted for compatibility, unused
        let tts_text = r.text("TTS_PROVIDER");
        let tts_provider = TtsProvider::parse(&tts_text)
            .ok_or_else(|| invalid("TTS_PROVIDER", format!("`{tts_text}` is not a provider")))?;
        let gemini_tts_voice = r.text("GEMINI_TTS_VOICE");
        if gemini_tts_voice.is_empty() || !gemini_tts_voice.chars().all(|c| c.is_ascii_alphabetic())
        {
            return Err(invalid(
                "GEMINI_TTS_VOICE",
                format!("`{gemini_tts_voice}` is not a voice name"),
            ));
        }
        Ok(Config {
            port,
            public_url: r.url("PUBLIC_URL")?,
            twilio_account_sid,
            twilio_auth_token,
            twilio_from,
            allow_unsigned,
            gemini_api_key,
            demo_mode,
            llm_live: r.bool("LLM_LIVE")?,
            whisper_on: r.bool("WHISPER_ON")?,
            llm_timeout: Duration::from_secs(r.number("LLM_TIMEOUT", 1..=60)?),
            whisper_timeout: Duration::from_secs(r.number("WHISPER_TIMEOUT", 1..=120)?),
            audio_base_url: r.url("AUDIO_BASE_URL")?,
            json_logs: r.bool("OBSERVABILITY_ON")?,
            guardrails: r.bool("GUARDRAILS_ON")?,
            structured_output: r.bool("STRUCTURED_OUTPUT_ON")?,
            log_level,
            admin_token: r.raw("ADMIN_TOKEN").map(SecretString::from),
            gemini_base_url: r.url_or_default("GEMINI_BASE_URL")?,
            gemini_model: r.text("GEMINI_MODEL"),
            gemini_tts_model: r.text("GEMINI_TTS_MODEL"),
            tts_provider,
            gemini_tts_voice,
            twilio_api_base_url: r.url_or_default("TWILIO_API_BASE_URL")?,
            twilio_media_hosts: media_hosts(&r)?,
            miss_queue_size: r.number("MISS_QUEUE_SIZE", 1..=100_000)? as usize,
            miss_workers: r.number("MISS_WORKERS", 1..=64)? as usize,
            miss_rate_limit: r.number("MISS_RATE_LIMIT", 1..=1000)? as u32,
            dead_letter_path: r.text("DEAD_LETTER_PATH").into(),
            miss_journal_path: r.text("MISS_JOURNAL_PATH").into(),
            hot_cache_path: r.raw("HOT_CACHE_PATH").map(Into::into),
            max_connections: r.number("MAX_CONNECTIONS", 1..=100_000)? as usize,
            http_read_timeout: Duration::from_secs(r.number("HTTP_READ_TIMEOUT", 1..=120)?),
            conversation_ttl: Duration::from_secs(r.number("CONVERSATION_TTL", 60..=86_400)?),
            conversation_max: r.number("CONVERSATION_MAX", 1..=1_000_000)? as usize,
            redis_url: redis_url(&r)?,
            redis_ca: redis_ca(&r)?,
            miss_claim_after: Duration::from_secs(r.number("MISS_CLAIM_AFTER", 1..=3600)?),
        })
    }

    /// Whether signatures are checked (an auth token is set).
    pub fn checks_signatures(&self) -> bool {
        self.twilio_auth_token.is_some()
    }

    /// Whether Twilio's REST API can be used to deliver replies.
    pub fn twilio_configured(&self) -> bool {
        self.twilio_account_sid.is_some() && self.twilio_auth_token.is_some()
    }

    /// Whether misses go to the background pipeline: it needs Gemini (for answers or
    /// transcription) and Twilio (to deliver), and is off in demo mode.
    pub fn miss_pipeline_enabled(&self) -> bool {
        !self.demo_mode
            && self.twilio_configured()
            && self.gemini_api_key.is_some()
            && (self.llm_live || self.whisper_on)
    }

    /// Where `/static/cache/<file>` is reachable from outside, if known.
    pub fn audio_base(&self) -> Option<String> {
        self.audio_base_url.clone().or_else(|| {
            self.public_url
                .as_ref()
                .map(|u| format!("{u}/static/cache"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn no_keys_is_the_offline_demo() {
        let c = config(&[]).unwrap();
        assert!(c.demo_mode);
        assert_eq!(c.port, 5000);
        assert_eq!(c.twilio_from, "whatsapp:+14155238886");
        assert_eq!(c.llm_timeout, Duration::from_secs(6));
        assert_eq!(c.whisper_timeout, Duration::from_secs(12));
    }

    #[test]
    fn bad_values_name_the_variable() {
        let e = config(&[("PORT", "99999")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid PORT: `99999` is out of range (accepts a TCP port (0-65535; 0 picks a free one))"
        );
        let e = config(&[("DEMO_MODE", "maybe")]).unwrap_err();
        assert_eq!(e.name, "DEMO_MODE");
        let e = config(&[("PUBLIC_URL", "clara.example")]).unwrap_err();
        assert_eq!(e.name, "PUBLIC_URL");
        let e = config(&[("LLM_TIMEOUT", "0")]).unwrap_err();
        assert_eq!(e.name, "LLM_TIMEOUT");
        let e = config(&[("TTS_PROVIDER", "espeak")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid TTS_PROVIDER: `espeak` is not a provider (accepts gemini or none)"
        );
        let e = config(&[("GEMINI_TTS_VOICE", "Kore; rm")]).unwrap_err();
        assert_eq!(e.name, "GEMINI_TTS_VOICE");
    }

    #[test]
    fn spoken_replies_are_off_unless_chosen() {
        let c = config(&[]).unwrap();
        assert_eq!(
            (c.tts_provider, c.gemini_tts_voice.as_str()),
            (TtsProvider::None, "Kore")
        );
        let c = config(&[("TTS_PROVIDER", " Gemini "), ("GEMINI_TTS_VOICE", "Puck")]).unwrap();
        assert_eq!(
            (c.tts_provider, c.gemini_tts_voice.as_str()),
            (TtsProvider::Gemini, "Puck")
        );
    }

    #[test]
    fn refuses_unsigned_webhooks_outside_demo() {
        let e = config(&[("GEMINI_API_KEY", "k")]).unwrap_err();
        assert_eq!(e.name, "TWILIO_AUTH_TOKEN");
        assert!(config(&[("GEMINI_API_KEY", "k"), ("ALLOW_UNSIGNED", "true")]).is_ok());
    }

    #[test]
    fn a_deployment_without_its_token_refuses_to_start() {
        let sid = format!("AC{}", "0".repeat(32));
        // An account (or a Gemini key) with the token missing or blank: not the demo.
        for token in [None, Some(""), Some("   ")] {
            for key in ["TWILIO_ACCOUNT_SID", "GEMINI_API_KEY"] {
                let value = if key == "GEMINI_API_KEY" {
                    "k"
                } else {
                    sid.as_str()
                };
                let mut vars = vec![(key, value)];
                if let Some(t) = token {
                    vars.push(("TWILIO_AUTH_TOKEN", t));
                }
                let e = config(&vars).unwrap_err();
                assert_eq!(e.name, "TWILIO_AUTH_TOKEN", "{vars:?}");
                assert!(e.to_string().contains(key), "{e}");
                // Even DEMO_MODE=false does not open it; only an explicit true does.
                vars.push(("DEMO_MODE", "false"));
                assert_eq!(config(&vars).unwrap_err().name, "TWILIO_AUTH_TOKEN");
                vars.pop();
                vars.push(("DEMO_MODE", "true"));
                let c = config(&vars).unwrap();
                assert!(c.demo_mode && !c.checks_signatures());
            }
        }
    }

    #[test]
    fn media_hosts_must_name_a_host() {
        for empty in ["", " ", ",", " , "] {
            let e = config(&[("TWILIO_MEDIA_HOSTS", empty)]).unwrap_err();
            assert_eq!(
                e.to_string(),
                "invalid TWILIO_MEDIA_HOSTS: names no host (accepts comma-separated host names)"
            );
        }
        let e = config(&[("TWILIO_MEDIA_HOSTS", "https://api.twilio.com/")]).unwrap_err();
        assert_eq!(e.name, "TWILIO_MEDIA_HOSTS");
        let c = config(&[("TWILIO_MEDIA_HOSTS", " Media.Example.org ,,x.example")]).unwrap();
        assert_eq!(c.twilio_media_hosts, ["media.example.org", "x.example"]);
        assert_eq!(config(&[]).unwrap().twilio_media_hosts.len(), 3);
    }

    #[test]
    fn debug_redacts_secrets() {
        let c = config(&[
            ("TWILIO_AUTH_TOKEN", "sekrit-token"),
            ("ADMIN_TOKEN", "adm1n"),
        ])
        .unwrap();
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("sekrit-token") && !shown.contains("adm1n"),
            "{shown}"
        );
    }

    #[test]
    fn redis_ca_file_needs_tls_a_readable_file_and_a_certificate() {
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(
            &ca,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let not_pem = dir.path().join("key.txt");
        std::fs::write(&not_pem, "hunter2").unwrap();
        let (ca, not_pem) = (ca.to_str().unwrap(), not_pem.to_str().unwrap());
        let tls = ("REDIS_URL", "rediss://kv.example.org:6380");
        assert!(config(&[tls]).unwrap().redis_ca.is_none());
        let c = config(&[tls, ("REDIS_CA_FILE", ca)]).unwrap();
        assert!(
            c.redis_ca
                .is_some_and(|pem| pem.0.starts_with(b"-----BEGIN"))
        );
        for (env, problem) in [
            (vec![("REDIS_CA_FILE", ca)], "not a rediss://"),
            (
                vec![("REDIS_URL", "redis://kv:6379"), ("REDIS_CA_FILE", ca)],
                "not a rediss://",
            ),
            (
                vec![tls, ("REDIS_CA_FILE", "/nonexistent/ca.pem")],
                "cannot be read",
            ),
            (vec![tls, ("REDIS_CA_FILE", not_pem)], "no PEM certificate"),
        ] {
            let e = config(&env).unwrap_err();
            assert_eq!(e.name, "REDIS_CA_FILE", "{env:?}");
            assert!(e.to_string().contains(problem), "{e}");
            assert!(!e.to_string().contains("hunter2"), "{e}");
        }
    }

    #[test]
    fn redis_url_is_optional_and_checked_without_echoing_it() {
        assert!(config(&[]).unwrap().redis_url.is_none());
        for good in [
            "redis://127.0.0.1:6379",
            "redis://:pw@kv.internal:6379/0",
            "rediss://user:pw@example.org:6380",
        ] {
            assert!(
                config(&[("REDIS_URL", good)]).unwrap().redis_url.is_some(),
                "{good}"
            );
        }
        for bad in [
            "http://kv:6379",
            "redis://",
            "redis://host name",
            "unix:///tmp/r.sock",
            "kv:6379",
        ] {
            let e = config(&[("REDIS_URL", bad)]).unwrap_err();
            assert_eq!(e.name, "REDIS_URL", "{bad}");
        }
        let e = config(&[("REDIS_URL", "redis//:hunter2@kv")]).unwrap_err();
        assert!(!e.to_string().contains("hunter2"), "{e}");
        let c = config(&[("REDIS_URL", "redis://:hunter2@kv:6379")]).unwrap();
        assert!(!format!("{c:?}").contains("hunter2"));
    }

    #[test]
    fn every_read_variable_is_declared() {
        // from_lookup panics on an undeclared name; asking for every declared one must not.
        let seen = std::cell::RefCell::new(Vec::new());
        let _ = Config::from_lookup(|name| {
            seen.borrow_mut().push(name.to_string());
            None
        });
        for name in seen.borrow().iter() {
            assert!(VARIABLES.iter().any(|v| v.name == name), "{name}");
        }
    }
}
