//! `scripts/secret-scan.sh`: every rule fires on a planted fake, the report never shows a whole
//! secret, placeholders and excluded paths stay quiet, history is searched, and this repository's
//! working tree is clean.
//!
//! The fakes are put together at run time, so that no credential-shaped literal is committed: the
//! scanner itself (and the before-stop hook) reads this file too.

use std::path::Path;
use std::process::{Command, Output};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/secret-scan.sh");

/// 32 hex digits that are no placeholder (a placeholder is one digit repeated or 0123…f).
fn hex32() -> String {
    "8f3a9c2e71b4d605".repeat(2)
}

/// One fake per rule: (rule, file, the line that holds it, the secret itself).
fn fakes() -> Vec<(&'static str, &'static str, String, String)> {
    let sid = format!("{}{}", "A", "C") + &hex32();
    let api_key = format!("{}{}", "S", "K") + &hex32();
    let google = format!("{}{}", "AI", "za") + &"Xy7_k-Q2".repeat(5)[..35];
    let notion_old = format!("{}{}", "secret", "_") + &"a1B2c3D4e5".repeat(5)[..43];
    let notion_new = format!("{}{}", "ntn", "_") + &"Zq9Wm4Lp7R".repeat(5)[..44];
    // The match (and so the masked part) is the header up to `KEY`.
    let pem = ["-----BEGIN", "EC", "PRIVATE", "KEY"].join(" ");
    vec![
        (
            "twilio-account-sid",
            "config.toml",
            format!("account = \"{sid}\""),
            sid,
        ),
        (
            "twilio-api-key-sid",
            "src/client.rs",
            format!("let key = \"{api_key}\";"),
            api_key,
        ),
        (
            "twilio-auth-token",
            ".env.production",
            format!("TWILIO_AUTH_TOKEN={}", hex32()),
            hex32(),
        ),
        (
            "google-api-key",
            "deploy/render.yaml",
            format!("value: {google}"),
            google,
        ),
        (
            "notion-token",
            "notes.md",
            format!("old token {notion_old} kept here"),
            notion_old,
        ),
        (
            "notion-token",
            "scripts/sync.sh",
            format!("export NOTION='{notion_new}'"),
            notion_new,
        ),
        ("private-key", "keys/server.pem", format!("{pem}-----"), pem),
    ]
}

fn scan(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new("bash")
        .arg(SCRIPT)
        .args(args)
        .output()
        .expect("bash runs");
    (
        status.code().expect("the scan exits by itself"),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

/// Writes `line` to `dir/file` after two lines of filler, so that every fake is on line 3.
fn plant(dir: &Path, file: &str, line: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, format!("# filler\n\n{line}\n")).unwrap();
}

#[test]
fn every_rule_fires_on_a_planted_fake_and_the_secret_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let fakes = fakes();
    for (_, file, line, _) in &fakes {
        plant(dir.path(), file, line);
    }
    let (code, out, err) = scan(&["--tree", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out.lines().count(), fakes.len(), "{out}");
    for (rule, file, _, secret) in &fakes {
        let masked = format!("{}{}", &secret[..4], "*".repeat(secret.len() - 4));
        let expected = format!("{file}:3: {rule} {masked}");
        assert!(
            out.lines().any(|l| l == expected),
            "no `{expected}` in\n{out}"
        );
        // Masking hides the secret: neither it nor any 8 of its characters after the 4th show.
        assert!(!out.contains(secret.as_str()) && !err.contains(secret.as_str()));
        assert!(!out.contains(&secret[4..12]), "{out}");
    }
}

#[test]
fn token_rule_reads_the_usual_ways_of_writing_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let hex = hex32();
    for (i, line) in [
        format!("\"auth_token\": \"{hex}\","),
        format!("(\"TWILIO_AUTH_TOKEN\", \"{hex}\"),"),
        format!("api_key = '{hex}'"),
        format!("twilio.secret: {hex}"),
    ]
    .iter()
    .enumerate()
    {
        plant(dir.path(), &format!("f{i}.txt"), line);
    }
    let (code, out, _) = scan(&["--tree", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    for i in 0..4 {
        assert!(
            out.contains(&format!("f{i}.txt:3: twilio-auth-token 8f3a***")),
            "{out}"
        );
    }
}

#[test]
fn a_clean_directory_passes() {
    let dir = tempfile::tempdir().unwrap();
    let ac = format!("{}{}", "A", "C");
    let hex = hex32();
    // Placeholders, near misses and excluded paths: none of them is a finding.
    plant(
        dir.path(),
        "tests/fixtures.rs",
        &format!(
            "(\"AccountSid\", \"{ac}{}\"), (\"sid\", \"{ac}{}\")",
            "0".repeat(32),
            "0123456789abcdef".repeat(2)
        ),
    );
    plant(dir.path(), "short.txt", &format!("{ac}{}", &hex[..31]));
    plant(dir.path(), "sha.txt", &format!("token = {hex}{hex}"));
    plant(
        dir.path(),
        "prose.md",
        "Set TWILIO_AUTH_TOKEN in the environment.",
    );
    plant(
        dir.path(),
        "Cargo.lock",
        &format!("checksum = \"{ac}{hex}\""),
    );
    plant(dir.path(), "target/debug/out.txt", &format!("{ac}{hex}"));
    let (code, out, err) = scan(&["--tree", dir.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("clean"), "{err}");
}

#[test]
fn history_finds_a_secret_that_was_committed_then_deleted() {
    let dir = tempfile::tempdir().unwrap();
    // Settings of our own, so that no global git configuration is needed or used.
    let settings = [
        "user.name=test",
        "user.email=test@example.invalid",
        "commit.gpgsign=false",
        "init.defaultBranch=main",
    ];
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(settings.iter().flat_map(|s| ["-c", s]))
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    let sid = format!("{}{}", "A", "C") + &hex32();
    git(&["init", "-q"]);
    plant(dir.path(), "app.env", &format!("TWILIO_ACCOUNT_SID={sid}"));
    git(&["add", "-A"]);
    git(&["commit", "-qm", "add config"]);
    std::fs::remove_file(dir.path().join("app.env")).unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-qm", "remove config"]);

    let path = dir.path().to_str().unwrap();
    assert_eq!(scan(&["--tree", path]).0, 0, "the tree no longer has it");
    let (code, out, _) = scan(&["--history", path]);
    assert_eq!(code, 1, "{out}");
    let line = out.lines().next().unwrap();
    let (commit, rest) = line.split_once(':').unwrap();
    assert_eq!(commit.len(), 12, "{line}");
    assert!(commit.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
    assert_eq!(
        rest,
        "app.env:3: twilio-account-sid AC8f******************************"
    );
    assert_eq!(scan(&[path]).0, 1, "the default scans the history too");
}

#[test]
fn this_repository_is_clean() {
    let (code, out, err) = scan(&["--tree", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(code, 0, "credentials in the working tree:\n{out}{err}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(scan(&["--nope"]).0, 2);
    assert_eq!(scan(&["/no/such/directory"]).0, 2);
}
