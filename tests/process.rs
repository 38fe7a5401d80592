//! The real binary: `clara serve` started as operators start it, logs read from its stdout,
//! stopped with SIGTERM.

mod util;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Starts `clara` (no subcommand: serve) with `vars`, on a free port; returns it, its address and
/// its log lines (those up to "listening" first, the rest through the receiver).
fn spawn(vars: &[(&str, &str)]) -> (Child, String, Vec<String>, mpsc::Receiver<String>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clara"));
    cmd.env_clear()
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut addr = None;
    let mut early = Vec::new();
    while addr.is_none() {
        let line = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("clara logs that it listens");
        early.push(line.clone());
        let v: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
        if v["message"] == "listening" {
            let port = v["addr"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_string();
            addr = Some(format!("127.0.0.1:{port}"));
        }
    }
    (child, addr.unwrap(), early, rx)
}

fn lines_until_exit(mut child: Child, rx: &mpsc::Receiver<String>) -> (i32, Vec<String>) {
    let status = child.wait().unwrap();
    std::thread::sleep(Duration::from_millis(50));
    (status.code().unwrap_or(-1), rx.try_iter().collect())
}

fn sigterm(child: &Child) {
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

#[test]
fn logs_hash_the_phone_number_and_sigterm_exits_cleanly() {
    let (child, addr, _, rx) = spawn(&[
        ("TWILIO_AUTH_TOKEN", util::TOKEN),
        ("DEMO_MODE", "true"),
        ("PUBLIC_URL", util::PUBLIC_URL),
    ]);
    let params = util::message("SM00000000000000000000000000000009", "¿Qué es el IMV?");
    let body = util::form(&params);
    let sig = util::sign(
        util::TOKEN,
        &format!("{}/webhook", util::PUBLIC_URL),
        &params,
    );
    let request = format!(
        "POST /webhook HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {sig}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let response = {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    };
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    sigterm(&child);
    let (code, lines) = lines_until_exit(child, &rx);
    assert_eq!(code, 0, "{lines:#?}");
    let all = lines.join("\n");
    let summary = lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["message"] == "message answered")
        .unwrap_or_else(|| panic!("no summary line in {all}"));
    assert_eq!(summary["source"], "cache");
    assert_eq!(summary["intent"], "imv");
    assert_eq!(summary["from"].as_str().map(str::len), Some(10));
    // The request id on the line is the one sent back as X-Request-Id.
    let request_id = summary["request_id"].as_str().unwrap_or_default();
    assert_eq!(request_id.len(), 16, "{summary}");
    assert!(
        response
            .to_ascii_lowercase()
            .contains(&format!("x-request-id: {request_id}")),
        "{response}"
    );
    assert!(
        !all.contains("600111222"),
        "a raw phone number reached the logs:\n{all}"
    );
    assert!(
        !all.contains(util::TOKEN),
        "the auth token reached the logs"
    );
    assert!(all.contains("SIGTERM"), "{all}");
}

#[test]
fn no_keys_starts_the_offline_demo_and_says_so() {
    let (child, _addr, early, rx) = spawn(&[]);
    sigterm(&child);
    let (code, lines) = lines_until_exit(child, &rx);
    assert_eq!(code, 0);
    let early = early.join("\n");
    assert!(early.contains("offline demo configuration"), "{early}");
    assert!(early.contains("signatures are NOT checked"), "{early}");
    assert!(lines.join("\n").contains("stopped"));
}

#[test]
fn a_bad_variable_stops_start_up_with_exit_code_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_clara"))
        .env_clear()
        .env("LLM_TIMEOUT", "soon")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "clara: invalid LLM_TIMEOUT: `soon` is out of range (accepts seconds, 1-60)"
    );
}

/// Runs `clara` with exactly `vars` (bytes allowed) and returns its exit code and stderr.
fn start_up_failure(vars: &[(&str, &[u8])]) -> (Option<i32>, String) {
    use std::os::unix::ffi::OsStrExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clara"));
    cmd.env_clear();
    for (k, v) in vars {
        cmd.env(k, std::ffi::OsStr::from_bytes(v));
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    )
}

#[test]
fn a_deployment_missing_its_auth_token_refuses_to_start() {
    let sid = util::account_sid();
    for token in [
        None,
        Some(&b""[..]),
        Some(&b"  "[..]),
        Some(&b"tok\xffen"[..]),
    ] {
        let mut vars: Vec<(&str, &[u8])> = vec![("TWILIO_ACCOUNT_SID", sid.as_bytes())];
        if let Some(token) = token {
            vars.push(("TWILIO_AUTH_TOKEN", token));
        }
        let (code, stderr) = start_up_failure(&vars);
        assert_eq!(code, Some(2), "{token:?}: {stderr}");
        assert!(
            stderr.starts_with("clara: invalid TWILIO_AUTH_TOKEN:") && stderr.lines().count() == 1,
            "{token:?}: {stderr}"
        );
    }
    let (code, stderr) = start_up_failure(&[("GEMINI_API_KEY", b"k")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("TWILIO_AUTH_TOKEN"), "{stderr}");
}

#[test]
fn a_value_that_is_not_utf8_is_refused_not_defaulted() {
    // Before: a non-UTF-8 PORT was read as unset and the service listened on 5000.
    let (code, stderr) = start_up_failure(&[("PORT", b"80\xff80")]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "clara: invalid PORT: is not valid UTF-8 (accepts a TCP port (0-65535; 0 picks a free one))"
    );
}

#[test]
fn an_empty_media_allowlist_is_refused() {
    let (code, stderr) = start_up_failure(&[("TWILIO_MEDIA_HOSTS", b" , ")]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "clara: invalid TWILIO_MEDIA_HOSTS: names no host (accepts comma-separated host names)"
    );
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("0.0.0.0:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, stderr) = start_up_failure(&[("PORT", port.as_bytes())]);
    assert_ne!(code, Some(0));
    assert!(
        stderr.starts_with(&format!("clara: cannot listen on port {port} (PORT): ")),
        "{stderr}"
    );
    assert!(stderr.contains("in use"), "{stderr}");
}
