//! Which text each recording in `audio/` was made from: `audio/manifest.json`, written by
//! `scripts/gen-audio.sh`, maps an answer id to the SHA-256 of the text `clara speech ID` printed
//! when it was recorded (and the voice provider). An answer whose text has changed since then has
//! a stale recording: people would hear the old text.
//!
//! Stale or missing recordings never stop the build (editors change a text first and record it
//! later); `clara check` lists them and `tests/audio.rs` fails on them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// The manifest's place, relative to the directory that holds `data/` and `audio/`.
pub const MANIFEST: &str = "audio/manifest.json";

/// The command that brings every recording up to date (it skips those that are).
pub const FIX_ALL: &str = "scripts/gen-audio.sh --all";

/// Up to this many ids, the fix names them; beyond it, `--all` is shorter.
const MAX_IDS_IN_FIX: usize = 8;

/// One manifest entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Recording {
    /// Lowercase hex SHA-256 of the speakable text the recording was made from.
    pub sha256: String,
    /// The text-to-speech provider that made it (`espeak`, `gemini`).
    pub provider: String,
}

/// Answer id → its recording's entry.
pub type Manifest = BTreeMap<String, Recording>;

/// Reads `root/audio/manifest.json`; no file is an empty manifest.
pub fn load(root: &Path) -> Result<Manifest, String> {
    let path = root.join(MANIFEST);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("{MANIFEST}: {e}")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::new()),
        Err(e) => Err(format!("{MANIFEST}: {e}")),
    }
}

/// The hash the manifest holds for an answer's text: SHA-256 of what `clara speech` prints.
pub fn text_sha256(answer_text: &str) -> String {
    let digest = Sha256::digest(crate::speech::speakable(answer_text).as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// Answers whose recording is missing or was made from another text, in the order given.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Staleness<'a> {
    /// Answers with no recording.
    pub missing: Vec<&'a str>,
    /// Answers with a recording of another text (or one the manifest does not know).
    pub stale: Vec<&'a str>,
}

impl Staleness<'_> {
    /// Every answer has a recording of its current text.
    pub fn is_current(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty()
    }

    /// The command that records what is missing or stale.
    pub fn fix(&self) -> String {
        let ids = self.missing.len() + self.stale.len();
        if ids > MAX_IDS_IN_FIX {
            return FIX_ALL.to_string();
        }
        let mut cmd = String::from("scripts/gen-audio.sh");
        for id in self.missing.iter().chain(&self.stale) {
            cmd.push(' ');
            cmd.push_str(id);
        }
        cmd
    }
}

/// Compares `(answer id, answer text, has a recording)` with the manifest.
pub fn staleness<'a>(
    answers: impl IntoIterator<Item = (&'a str, &'a str, bool)>,
    manifest: &Manifest,
) -> Staleness<'a> {
    let mut out = Staleness::default();
    for (id, text, recorded) in answers {
        if !recorded {
            out.missing.push(id);
        } else if manifest
            .get(id)
            .is_none_or(|r| r.sha256 != text_sha256(text))
        {
            out.stale.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(entries: &[(&str, &str)]) -> Manifest {
        entries
            .iter()
            .map(|(id, text)| {
                let rec = Recording {
                    sha256: text_sha256(text),
                    provider: "espeak".into(),
                };
                ((*id).to_string(), rec)
            })
            .collect()
    }

    #[test]
    fn hashes_the_speakable_text() {
        // `printf 'Hola.\n' | sha256sum`: what the script hashes for the answer "*Hola*".
        assert_eq!(
            text_sha256("*Hola*"),
            "0397fe19bf28bbbef703f292f55d0cc96e9f535b6db7944504bde08c3709d685"
        );
    }

    #[test]
    fn sorts_answers_into_current_missing_and_stale() {
        let m = manifest(&[("a.es", "Uno."), ("b.es", "Dos.")]);
        let s = staleness(
            [
                ("a.es", "Uno.", true),
                ("b.es", "Dos, cambiado.", true),
                ("c.es", "Tres.", false),
                ("d.es", "Cuatro.", true),
            ],
            &m,
        );
        assert_eq!(s.missing, ["c.es"]);
        assert_eq!(s.stale, ["b.es", "d.es"]);
        assert!(!s.is_current());
        assert_eq!(s.fix(), "scripts/gen-audio.sh c.es b.es d.es");
    }

    #[test]
    fn many_ids_are_fixed_with_all() {
        let ids: Vec<String> = (0..=MAX_IDS_IN_FIX).map(|i| format!("x{i}.es")).collect();
        let s = staleness(
            ids.iter().map(|id| (id.as_str(), "x", false)),
            &Manifest::new(),
        );
        assert_eq!(s.fix(), FIX_ALL);
        assert!(staleness([], &Manifest::new()).is_current());
    }

    #[test]
    fn reads_the_scripts_format() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), Ok(Manifest::new()));
        std::fs::create_dir(dir.path().join("audio")).unwrap();
        std::fs::write(
            dir.path().join(MANIFEST),
            "{\n  \"a.es\": { \"sha256\": \"00ff\", \"provider\": \"espeak\" }\n}\n",
        )
        .unwrap();
        let m = load(dir.path()).unwrap();
        assert_eq!(m["a.es"].sha256, "00ff");
        assert_eq!(m["a.es"].provider, "espeak");
        std::fs::write(dir.path().join(MANIFEST), "{").unwrap();
        assert!(load(dir.path()).unwrap_err().starts_with(MANIFEST));
    }
}
