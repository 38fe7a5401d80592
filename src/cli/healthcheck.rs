//! `clara healthcheck`: the container's health probe, for images that have no `curl`.
//!
//! One plain HTTP/1.1 `GET /health` to `127.0.0.1:$PORT` over a [`TcpStream`], with a short
//! deadline. Healthy means status `200` and a JSON body whose `status` is `"ok"`; anything else
//! (refused, timed out, another status, another body) is unhealthy. The Dockerfile's
//! `HEALTHCHECK` runs it; exit code 0 is healthy, 1 unhealthy, as Docker expects.

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The whole exchange (connect, send, read) must finish within this. Docker's `HEALTHCHECK`
/// timeout in the Dockerfile is 5 s, so a hung server is reported by us, with a reason, first.
pub const TIMEOUT: Duration = Duration::from_secs(2);

/// The most of a response read. `/health` answers with well under 2 KiB; a larger answer is not
/// ours.
const MAX_RESPONSE: usize = 64 * 1024;

/// Probes the service on `127.0.0.1:$PORT` (PORT as the server reads it, default from
/// [`crate::config::VARIABLES`]) and turns the outcome into an exit code. On failure it prints
/// one line saying why.
pub fn run() -> ExitCode {
    let port = match port(std::env::var("PORT").ok().as_deref()) {
        Ok(port) => port,
        Err(problem) => {
            eprintln!("clara healthcheck: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    match check(addr, TIMEOUT) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("clara healthcheck: http://{addr}/health: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// The port to probe: `PORT` when set and not empty, otherwise the server's default.
///
/// # Errors
/// A value the server would refuse, or `0` (the server then picks a port we cannot know).
fn port(value: Option<&str>) -> Result<u16, String> {
    let default = crate::config::VARIABLES
        .iter()
        .find(|v| v.name == "PORT")
        .map_or("5000", |v| v.default);
    let text = value.map(str::trim).filter(|v| !v.is_empty());
    let text = text.unwrap_or(default);
    match text.parse::<u16>() {
        Ok(0) => Err("PORT is 0: the server picked a free port, there is nothing to probe".into()),
        Ok(port) => Ok(port),
        Err(_) => Err(format!(
            "invalid PORT `{text}` (accepts a TCP port, 1-65535)"
        )),
    }
}

/// Sends `GET /health` to `addr` and checks the answer; the whole exchange gets `timeout`.
///
/// # Errors
/// Why the service is not healthy, in one lowercase line: the connection failed or timed out,
/// the status was not 200, or the body's `status` was not `"ok"`.
pub fn check(addr: SocketAddr, timeout: Duration) -> Result<(), String> {
    let deadline = Instant::now() + timeout;
    let mut stream = TcpStream::connect_timeout(&addr, timeout)
        .map_err(|err| format!("cannot connect: {}", describe(&err)))?;
    let request = format!(
        "GET /health HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: clara-healthcheck\r\n\
         Accept: application/json\r\nConnection: close\r\n\r\n"
    );
    stream
        .set_write_timeout(Some(remaining(deadline)?))
        .and_then(|()| stream.write_all(request.as_bytes()))
        .map_err(|err| format!("cannot send the request: {}", describe(&err)))?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        stream
            .set_read_timeout(Some(remaining(deadline)?))
            .map_err(|err| format!("cannot read: {}", describe(&err)))?;
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                raw.extend_from_slice(&buf[..n]);
                if raw.len() > MAX_RESPONSE {
                    return Err(format!("response larger than {MAX_RESPONSE} bytes"));
                }
            }
            Err(err) if err.kind() == ErrorKind::Interrupted => {}
            Err(err) => return Err(format!("cannot read the response: {}", describe(&err))),
        }
    }
    evaluate(&raw)
}

/// Time left before `deadline`; an error once it has passed (a zero timeout would mean "none").
fn remaining(deadline: Instant) -> Result<Duration, String> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        Err("timed out".into())
    } else {
        Ok(left)
    }
}

/// An I/O error in a few words; timeouts read the same on every platform.
fn describe(err: &std::io::Error) -> String {
    match err.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => "timed out".into(),
        _ => err.to_string(),
    }
}

/// Judges a complete raw response (head and body, as read until the server closed).
///
/// # Errors
/// Why it is not a healthy answer.
fn evaluate(raw: &[u8]) -> Result<(), String> {
    if raw.is_empty() {
        return Err("no response".into());
    }
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Err("incomplete response head".into());
    };
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| "response head is not text")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = parse_status(status_line)
        .ok_or_else(|| format!("not an HTTP response: `{}`", truncate(status_line)))?;
    if status != 200 {
        return Err(format!("status {status}, expected 200"));
    }
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|_| format!("bad content-length `{}`", truncate(value)))?,
            );
        }
    }
    let rest = &raw[split + 4..];
    let body = if chunked {
        dechunk(rest).ok_or("malformed chunked body")?
    } else if let Some(length) = length {
        rest.get(..length)
            .ok_or_else(|| format!("body truncated: {} of {length} bytes", rest.len()))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    let json: serde_json::Value =
        serde_json::from_slice(&body).map_err(|_| "body is not JSON".to_string())?;
    match json.get("status") {
        Some(serde_json::Value::String(s)) if s == "ok" => Ok(()),
        Some(other) => Err(format!(
            "status in body is {}, expected \"ok\"",
            truncate(&other.to_string())
        )),
        None => Err("body has no status".into()),
    }
}

/// The code of an `HTTP/1.x NNN reason` status line.
fn parse_status(line: &str) -> Option<u16> {
    let mut parts = line.splitn(3, ' ');
    let version = parts.next()?;
    if !version.starts_with("HTTP/1.") {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 {
        return None;
    }
    code.parse().ok()
}

/// Decodes a `Transfer-Encoding: chunked` body; `None` when it is malformed or incomplete.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(&rest[..end]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = &rest[end + 2..];
        if size == 0 {
            return Some(body);
        }
        if rest.len() < size + 2 || &rest[size..size + 2] != b"\r\n" {
            return None;
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// At most 60 characters of `text`, for one-line messages.
fn truncate(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    fn response(status: &str, headers: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}").into_bytes()
    }

    fn json_ok(body: &str) -> Vec<u8> {
        response(
            "200 OK",
            &format!(
                "content-type: application/json\r\ncontent-length: {}\r\n",
                body.len()
            ),
            body,
        )
    }

    #[test]
    fn accepts_200_with_status_ok() {
        assert_eq!(
            evaluate(&json_ok(r#"{"status":"ok","version":"0.1.0"}"#)),
            Ok(())
        );
        assert_eq!(
            evaluate(&json_ok(r#"{ "uptime_s": 3, "status" : "ok" }"#)),
            Ok(())
        );
    }

    #[test]
    fn accepts_a_chunked_body() {
        let raw = response(
            "200 OK",
            "transfer-encoding: chunked\r\n",
            "7\r\n{\"statu\r\n8;ext=1\r\ns\":\"ok\"}\r\n0\r\n\r\n",
        );
        assert_eq!(evaluate(&raw), Ok(()));
    }

    #[test]
    fn refuses_other_statuses() {
        let raw = response(
            "503 Service Unavailable",
            "content-length: 15\r\n",
            r#"{"status":"ok"}"#,
        );
        assert_eq!(evaluate(&raw), Err("status 503, expected 200".into()));
        let raw = response("404 Not Found", "content-length: 0\r\n", "");
        assert_eq!(evaluate(&raw), Err("status 404, expected 200".into()));
    }

    #[test]
    fn refuses_a_body_that_is_not_ok() {
        assert_eq!(
            evaluate(&json_ok(r#"{"status":"degraded"}"#)),
            Err(r#"status in body is "degraded", expected "ok""#.into())
        );
        assert_eq!(
            evaluate(&json_ok(r#"{"version":"0.1.0"}"#)),
            Err("body has no status".into())
        );
        assert_eq!(evaluate(&json_ok("ok")), Err("body is not JSON".into()));
        // The words alone are not enough: they must be the top-level status.
        assert_eq!(
            evaluate(&json_ok(r#"{"detail":"\"status\":\"ok\""}"#)),
            Err("body has no status".into())
        );
    }

    #[test]
    fn refuses_broken_responses() {
        assert_eq!(evaluate(b""), Err("no response".into()));
        assert_eq!(
            evaluate(b"HTTP/1.1 200 OK\r\ncontent-length: 15\r\n"),
            Err("incomplete response head".into())
        );
        assert_eq!(
            evaluate(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"),
            Err("not an HTTP response: `SSH-2.0-OpenSSH_9.6`".into())
        );
        let raw = response("200 OK", "content-length: 40\r\n", r#"{"status":"ok"}"#);
        assert_eq!(evaluate(&raw), Err("body truncated: 15 of 40 bytes".into()));
        let raw = response(
            "200 OK",
            "transfer-encoding: chunked\r\n",
            "f\r\n{\"status\"",
        );
        assert_eq!(evaluate(&raw), Err("malformed chunked body".into()));
    }

    #[test]
    fn reads_the_port_like_the_server() {
        assert_eq!(port(None), Ok(5000));
        assert_eq!(port(Some("")), Ok(5000));
        assert_eq!(port(Some(" 10000 ")), Ok(10000));
        assert!(port(Some("0")).unwrap_err().contains("PORT is 0"));
        assert_eq!(
            port(Some("http")),
            Err("invalid PORT `http` (accepts a TCP port, 1-65535)".into())
        );
        assert!(port(Some("70000")).is_err());
    }

    #[test]
    fn reports_a_refused_connection() {
        let addr = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap()
        }; // dropped: nothing listens there now
        let err = check(addr, Duration::from_secs(2)).unwrap_err();
        assert!(err.starts_with("cannot connect: "), "{err}");
    }

    #[test]
    fn gives_up_on_a_server_that_never_answers() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let started = Instant::now();
        // Accepted by the kernel's backlog, never read or answered.
        let err = check(listener.local_addr().unwrap(), Duration::from_millis(200)).unwrap_err();
        assert!(err.contains("timed out"), "{err}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }
}
