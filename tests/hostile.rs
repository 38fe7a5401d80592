//! Hostile clients (issue 11): connections that never finish their headers, stall their body,
//! idle forever or pile up beyond the open-file limit; heads too large to buffer; floods of
//! forged webhooks; a `MessageSid` that tries to forge a log line. The in-process tests shorten
//! `HTTP_READ_TIMEOUT` to 1-2 s; the process tests use the production defaults.

mod util;

use std::io::{Read as _, Write as _};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use util::{Clara, Server, TOKEN, World, message, metric};

/// Reads until the server closes the connection; `None` if it is still open after `within`.
/// Returns how long it took and what was read.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<(Duration, Vec<u8>)> {
    let started = Instant::now();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = within.checked_sub(started.elapsed())?;
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some((started.elapsed(), seen)),
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

#[tokio::test]
async fn a_silent_connection_is_closed_after_the_read_timeout() {
    let server = Server::start(&[("HTTP_READ_TIMEOUT", "1")]).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let (took, _) = closed_within(&mut stream, Duration::from_secs(6))
        .await
        .expect("a connection that sends nothing is closed");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(3),
        "{took:?}"
    );
}

#[tokio::test]
async fn headers_trickled_forever_are_cut_off_at_the_deadline() {
    let server = Server::start(&[("HTTP_READ_TIMEOUT", "1")]).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    // A header line every 200 ms: each byte arrives well within any per-read timeout, so only a
    // deadline for the whole head ends this.
    let trickle = tokio::spawn(async move {
        if write
            .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
            .await
            .is_err()
        {
            return;
        }
        for i in 0..50 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if write
                .write_all(format!("X-Slow-{i}: a\r\n").as_bytes())
                .await
                .is_err()
            {
                return;
            }
        }
    });
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(Duration::from_secs(6), async {
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "still open after 6 s of trickled headers");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    trickle.abort();
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let server = Server::start(&[("HTTP_READ_TIMEOUT", "1")]).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    stream.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    // Kept alive (no `Connection: close`), then nothing more: closed after the idle deadline.
    let (took, _) = closed_within(&mut stream, Duration::from_secs(6))
        .await
        .expect("an idle kept-alive connection is closed");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_stalled_body_gets_408() {
    let server = Server::start(&[("HTTP_READ_TIMEOUT", "1")]).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(
            b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nBody=hola",
        )
        .await
        .unwrap();
    let (took, seen) = closed_within(&mut stream, Duration::from_secs(6))
        .await
        .expect("a stalled body is not waited for forever");
    let text = String::from_utf8_lossy(&seen);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_head_over_64_kib_is_refused_at_once() {
    let server = Server::start(&[]).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    let sender = tokio::spawn(async move {
        let mut head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
        head.extend(std::iter::repeat_n(b'a', 200 * 1024));
        // The server may close before it has read everything: a failed write is expected.
        let _ = write.write_all(&head).await;
        write
    });
    let mut seen = Vec::new();
    let read_all = tokio::time::timeout(Duration::from_secs(5), read.read_to_end(&mut seen)).await;
    assert!(read_all.is_ok(), "the server kept buffering a 200 KiB head");
    let text = String::from_utf8_lossy(&seen);
    assert!(text.starts_with("HTTP/1.1 431"), "{text}");
    let _ = sender.await;
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let server = Server::start(&[("MAX_CONNECTIONS", "4"), ("HTTP_READ_TIMEOUT", "2")]).await;
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(TcpStream::connect(server.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let mut fifth = TcpStream::connect(server.addr).await.unwrap();
    fifth
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    let early =
        tokio::time::timeout(Duration::from_millis(500), fifth.read_exact(&mut first)).await;
    assert!(
        early.is_err(),
        "served while four connections held every slot"
    );
    // The idle four time out after 2 s; then the fifth is accepted and answered.
    tokio::time::timeout(Duration::from_secs(5), fifth.read_exact(&mut first))
        .await
        .expect("served once a slot is free")
        .unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
}

/// `GET /health` on `addr` with a plain blocking socket; the status line, and how long it took.
fn health_within(addr: SocketAddr, within: Duration) -> (String, Duration) {
    let started = Instant::now();
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(within)).unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    let status = out.lines().next().unwrap_or("(no answer)").to_string();
    (status, started.elapsed())
}

/// The probe of issue 11, on the real binary with its defaults: 300 idle connections against an
/// open-file limit of 256.
#[test]
fn health_answers_within_15_s_while_300_idle_connections_exhaust_256_descriptors() {
    let mut clara = Clara::spawn_with_fd_limit(&[], Some(256));
    let idle: Vec<std::net::TcpStream> = (0..300)
        .map(|_| std::net::TcpStream::connect(clara.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let (status, took) = health_within(clara.addr, Duration::from_secs(20));
    assert_eq!(status, "HTTP/1.1 200 OK", "after {took:?}");
    assert!(took < Duration::from_secs(15), "{took:?}");
    drop(idle);
    let limits = clara.wait_log(Duration::from_secs(5), |l| {
        l["message"] == "connection limits"
    });
    assert_eq!(limits["open_file_limit"], 256);
    let cap = limits["max_connections"].as_u64().unwrap();
    assert!(cap < 256, "the cap leaves descriptors free: {cap}");
    // Never out of descriptors, so the accept loop never had to back off (and log it).
    assert!(clara.logged("failed to accept: backing off").is_empty());
    assert_eq!(clara.sigterm_and_wait(), Some(0));
}

/// 400 connections each sending a slow, unfinished head: memory stays bounded, whether the head
/// stays under the 64 KiB buffer (held until the deadline) or goes over it (refused at once).
#[test]
fn four_hundred_slow_connections_keep_rss_under_64_mb() {
    let mut clara = Clara::spawn(&[]);
    let before = clara.rss_bytes();
    let head = |size: usize| {
        let mut h = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".to_vec();
        h.extend(std::iter::repeat_n(b'a', size));
        h
    };
    let mut held = Vec::new();
    for (count, size) in [(400, 60 * 1024), (400, 200 * 1024)] {
        let bytes = head(size);
        for _ in 0..count {
            let mut s = std::net::TcpStream::connect(clara.addr).unwrap();
            s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
            // Over the limit the server answers 431 and closes: a failed write is expected.
            let _ = s.write_all(&bytes);
            held.push(s);
        }
        std::thread::sleep(Duration::from_millis(500));
        let rss = clara.rss_bytes();
        assert!(
            rss < 64 * 1024 * 1024,
            "{count} connections with {size}-byte heads: RSS {} MB (was {} MB)",
            rss / 1_000_000,
            before / 1_000_000
        );
    }
    let (status, _) = health_within(clara.addr, Duration::from_secs(15));
    assert_eq!(status, "HTTP/1.1 200 OK");
    drop(held);
    assert_eq!(clara.sigterm_and_wait(), Some(0));
}

#[test]
fn a_flood_of_forged_webhooks_is_one_log_line_and_an_exact_metric() {
    let mut clara = Clara::spawn(&[
        ("TWILIO_AUTH_TOKEN".to_string(), TOKEN.to_string()),
        ("PUBLIC_URL".to_string(), util::PUBLIC_URL.to_string()),
        ("DEMO_MODE".to_string(), "true".to_string()),
    ]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let addr = clara.addr;
    let metrics = runtime.block_on(async move {
        for i in 0..50 {
            let sid = format!("SM130000000000000000000000000000{i:02}");
            let forged = util::webhook_request(&message(&sid, "hola"), Some("not-the-token"));
            assert_eq!(util::exchange(addr, &forged).await.status, 403);
        }
        util::exchange(
            addr,
            b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .await
        .text()
    });
    assert_eq!(
        metric(
            &metrics,
            "clara_requests_total{route=\"webhook\",status=\"403\"}"
        ),
        Some(50.0),
        "{metrics}"
    );
    assert_eq!(clara.sigterm_and_wait(), Some(0));
    let lines: Vec<_> = clara
        .logs()
        .iter()
        .filter(|l| {
            l["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("webhook refused"))
        })
        .cloned()
        .collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["reason"], "signature does not match");
}

/// `line` without terminal colour sequences (`ESC [ … m`).
fn without_colour_codes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A signed miss whose `MessageSid` carries a newline and a fake log line, logged in text mode by
/// the webhook and by the pipeline: every line the service prints is its own.
#[tokio::test]
async fn a_message_sid_cannot_forge_a_log_line() {
    let world = World::new().await;
    world
        .gemini_answers(util::gemini_text("Respuesta generada sobre mudanzas."))
        .await;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_clara"));
    cmd.env_clear()
        .env("PORT", "0")
        .env("OBSERVABILITY_ON", "false")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    for (k, v) in world.vars() {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        use std::io::BufRead as _;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let mut lines = Vec::new();
    let addr: SocketAddr = loop {
        let line = rx.recv_timeout(Duration::from_secs(10)).expect("listening");
        lines.push(line.clone());
        let plain = without_colour_codes(&line);
        if let Some(at) = plain.find("addr=") {
            let line = &plain;
            let addr = line[at + 5..].split_whitespace().next().unwrap();
            let port = addr.rsplit(':').next().unwrap().parse::<u16>().unwrap();
            break SocketAddr::from(([127, 0, 0, 1], port));
        }
    };
    let forged_sid = "SM14\n2026-11-29T00:00:00.000000Z  INFO forged: admin logged in";
    let request = util::webhook_request(
        &message(
            forged_sid,
            "me voy a mudar a otra ciudad, ¿qué hago con mis papeles?",
        ),
        Some(TOKEN),
    );
    assert_eq!(util::exchange(addr, &request).await.status, 200);
    world.sent(1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    lines.extend(rx.try_iter());
    let all = lines.join("\n");
    assert!(
        all.contains("miss answered") && all.contains("message answered"),
        "both paths logged: {all}"
    );
    for line in &lines {
        assert!(
            !without_colour_codes(line).starts_with("2026-11-29T00:00:00"),
            "forged line: {line}\n{all}"
        );
    }
    for line in &lines {
        assert!(
            !line.contains('\u{1b}'),
            "no terminal escapes in a log file: {line:?}"
        );
    }
    assert!(
        all.contains(r"SM14\n2026"),
        "escaped, still readable: {all}"
    );
}
