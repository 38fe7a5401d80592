//! `clara healthcheck`: the container's health probe, for images that have no `curl`.
//!
//! One `GET /health` to `127.0.0.1:$PORT` with the same client code as every outbound call
//! ([`crate::outbound`]), with a short deadline, no proxy and no redirects. Healthy means status
//! `200` and a JSON body whose `status` is `"ok"`; anything else (refused, timed out, another
//! status, another body) is unhealthy. The Dockerfile's `HEALTHCHECK` runs it; exit code 0 is
//! healthy, 1 unhealthy, as Docker expects.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use crate::outbound::{self, BodyError};

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
/// Blocking: it runs its own small runtime, so it must not be called from async code.
///
/// # Errors
/// Why the service is not healthy, in one lowercase line: the connection failed or timed out,
/// the status was not 200, or the body's `status` was not `"ok"`.
pub fn check(addr: SocketAddr, timeout: Duration) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))?;
    runtime.block_on(probe(addr, timeout))
}

async fn probe(addr: SocketAddr, timeout: Duration) -> Result<(), String> {
    let client = outbound::builder()
        // The service is on this machine: a proxy from the environment must not be asked, and
        // a redirect is not a healthy answer.
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .build()
        .map_err(|err| format!("cannot build the client: {}", outbound::describe(err)))?;
    let response = client
        .get(format!("http://{addr}/health"))
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(|err| failure(&err, "no HTTP response"))?;
    let status = response.status().as_u16();
    let body = outbound::read_capped(response, MAX_RESPONSE)
        .await
        .map_err(|err| match err {
            BodyError::TooLarge => format!("response larger than {MAX_RESPONSE} bytes"),
            BodyError::Transport(err) => failure(&err, "cannot read the response"),
        })?;
    evaluate(status, &body)
}

/// A failed exchange in a few words: `timed out` whatever the stage, else the stage and the
/// innermost cause (`cannot connect: Connection refused (os error 111)`).
fn failure(err: &reqwest::Error, stage: &str) -> String {
    if err.is_timeout() {
        return "timed out".into();
    }
    let stage = if err.is_connect() {
        "cannot connect"
    } else {
        stage
    };
    let mut cause: &dyn std::error::Error = err;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    format!("{stage}: {cause}")
}

/// Judges a complete answer: its status and body.
///
/// # Errors
/// Why it is not a healthy answer.
fn evaluate(status: u16, body: &[u8]) -> Result<(), String> {
    if status != 200 {
        return Err(format!("status {status}, expected 200"));
    }
    let json: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| "body is not JSON".to_string())?;
    match json.get("status") {
        Some(serde_json::Value::String(s)) if s == "ok" => Ok(()),
        Some(other) => Err(format!(
            "status in body is {}, expected \"ok\"",
            truncate(&other.to_string())
        )),
        None => Err("body has no status".into()),
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
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::time::Instant;

    /// A server that answers one request with `raw`, whatever it is, then closes.
    fn answering(raw: impl Into<Vec<u8>>) -> SocketAddr {
        let raw = raw.into();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut request = [0u8; 4096];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(&raw);
            }
        });
        addr
    }

    fn probe_raw(raw: impl Into<Vec<u8>>) -> Result<(), String> {
        check(answering(raw), Duration::from_secs(2))
    }

    fn response(status: &str, headers: &str, body: &str) -> String {
        format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}")
    }

    fn json_ok(body: &str) -> String {
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
            evaluate(200, br#"{"status":"ok","version":"0.1.0"}"#),
            Ok(())
        );
        assert_eq!(
            evaluate(200, br#"{ "uptime_s": 3, "status" : "ok" }"#),
            Ok(())
        );
        assert_eq!(probe_raw(json_ok(r#"{"status":"ok"}"#)), Ok(()));
    }

    #[test]
    fn accepts_a_chunked_body() {
        let raw = response(
            "200 OK",
            "transfer-encoding: chunked\r\n",
            "7\r\n{\"statu\r\n8;ext=1\r\ns\":\"ok\"}\r\n0\r\n\r\n",
        );
        assert_eq!(probe_raw(raw), Ok(()));
    }

    #[test]
    fn refuses_other_statuses() {
        assert_eq!(
            evaluate(503, br#"{"status":"ok"}"#),
            Err("status 503, expected 200".into())
        );
        assert_eq!(evaluate(404, b""), Err("status 404, expected 200".into()));
        let raw = response(
            "503 Service Unavailable",
            "content-length: 15\r\n",
            r#"{"status":"ok"}"#,
        );
        assert_eq!(probe_raw(raw), Err("status 503, expected 200".into()));
        // A redirect is not followed: it is not the health answer.
        let raw = response(
            "301 Moved Permanently",
            "location: http://127.0.0.1:9/health\r\ncontent-length: 0\r\n",
            "",
        );
        assert_eq!(probe_raw(raw), Err("status 301, expected 200".into()));
    }

    #[test]
    fn refuses_a_body_that_is_not_ok() {
        assert_eq!(
            evaluate(200, br#"{"status":"degraded"}"#),
            Err(r#"status in body is "degraded", expected "ok""#.into())
        );
        assert_eq!(
            evaluate(200, br#"{"version":"0.1.0"}"#),
            Err("body has no status".into())
        );
        assert_eq!(evaluate(200, b"ok"), Err("body is not JSON".into()));
        // The words alone are not enough: they must be the top-level status.
        assert_eq!(
            evaluate(200, br#"{"detail":"\"status\":\"ok\""}"#),
            Err("body has no status".into())
        );
    }

    #[test]
    fn refuses_broken_responses() {
        for (raw, stage) in [
            ("".to_string(), "no HTTP response: "),
            (
                "HTTP/1.1 200 OK\r\ncontent-length: 15\r\n".to_string(),
                "no HTTP response: ",
            ),
            (
                "SSH-2.0-OpenSSH_9.6\r\n\r\n".to_string(),
                "no HTTP response: ",
            ),
            (
                response("200 OK", "content-length: 40\r\n", r#"{"status":"ok"}"#),
                "cannot read the response: ",
            ),
            (
                response(
                    "200 OK",
                    "transfer-encoding: chunked\r\n",
                    "f\r\n{\"status\"",
                ),
                "cannot read the response: ",
            ),
        ] {
            let err = probe_raw(raw.clone()).unwrap_err();
            assert!(err.starts_with(stage), "{raw:?}: {err}");
        }
        let big = format!(
            "{{\"status\":\"ok\",\"pad\":\"{}\"}}",
            "x".repeat(MAX_RESPONSE)
        );
        assert_eq!(
            probe_raw(json_ok(&big)),
            Err(format!("response larger than {MAX_RESPONSE} bytes"))
        );
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
        assert!(err.contains("refused"), "{err}");
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
