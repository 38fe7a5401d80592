//! Every compiled answer has a recording of its current text (issue 14). The build accepts
//! missing and stale recordings, so that editors can build before they record; this test is
//! where they fail. It reads only `audio/manifest.json` (no audio tools needed).

use std::path::Path;

use clara::kb;
use clara::recordings;

#[test]
fn every_answer_has_a_recording_of_its_current_text() {
    let manifest = recordings::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    let status = recordings::staleness(
        kb::answers()
            .iter()
            .map(|a| (a.id, a.text, a.audio().is_some())),
        &manifest,
    );
    let mut report = String::new();
    if !status.missing.is_empty() {
        report += &format!(
            "\n{} answer(s) without a recording: {}",
            status.missing.len(),
            status.missing.join(", ")
        );
    }
    if !status.stale.is_empty() {
        report += &format!(
            "\n{} recording(s) made from another text than the answer's: {}",
            status.stale.len(),
            status.stale.join(", ")
        );
    }
    assert!(
        status.is_current(),
        "{report}\nrecord them with: {}\n(then commit audio/, manifest.json included)",
        status.fix()
    );
}

/// Recordings are Ogg Opus, the format WhatsApp plays as a voice note, unless a hand-made MP3
/// was put there on purpose: every file the script made is Ogg.
#[test]
fn recordings_in_the_manifest_are_ogg_opus() {
    let manifest = recordings::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    for id in manifest.keys() {
        let Some(audio) = kb::answer_by_id(id).and_then(|a| a.audio()) else {
            continue; // an answer gone or a recording deleted: the first test names it
        };
        assert_eq!(audio.mime, "audio/ogg", "{}", audio.name);
        assert!(
            audio.bytes.starts_with(b"OggS") && audio.bytes.get(28..36) == Some(&b"OpusHead"[..]),
            "{} is not Ogg Opus",
            audio.name
        );
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A stale recording and the manifest itself do not stop the build (`clara check` compiles the
/// way `build.rs` does): `clara check` succeeds and lists the stale ids as information.
#[test]
fn check_lists_stale_recordings_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("data"), &dir.path().join("data"));
    std::fs::create_dir(dir.path().join("audio")).unwrap();
    std::fs::write(dir.path().join("audio/greeting.fr.ogg"), b"OggS fake").unwrap();
    std::fs::write(dir.path().join("audio/greeting.es.ogg"), b"OggS fake").unwrap();
    let current = recordings::text_sha256(kb::answer_by_id("greeting.es").unwrap().text);
    std::fs::write(
        dir.path().join(recordings::MANIFEST),
        format!(
            "{{\n  \"greeting.es\": {{ \"sha256\": \"{current}\", \"provider\": \"espeak\" }},\n  \"greeting.fr\": {{ \"sha256\": \"{}\", \"provider\": \"espeak\" }}\n}}\n",
            "0".repeat(64)
        ),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clara"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout
            .lines()
            .any(|l| l == "recordings of an older text (1): greeting.fr"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("to record them: {}", recordings::FIX_ALL)),
        "{stdout}"
    );
}
