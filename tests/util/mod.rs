//! Shared test helpers: boot the real server on 127.0.0.1:0, speak raw HTTP/1.1 to it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use clara::config::Config;
use clara::http::{App, run};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// A fake Twilio account SID ("AC" + 32 hex), built at run time so that no credential-looking
/// literal is committed (the secret scan would flag it).
pub fn account_sid() -> String {
    format!("AC{}", "0123456789abcdef".repeat(2))
}

/// [`account_sid`], for helpers that hand out `&'static str`.
static ACCOUNT_SID: std::sync::LazyLock<String> = std::sync::LazyLock::new(account_sid);

pub const TOKEN: &str = "test-auth-token-0123456789abcdef";
pub const PUBLIC_URL: &str = "https://clara.example.org";

/// A running server; dropping it (or calling `stop`) shuts it down.
pub struct Server {
    pub addr: SocketAddr,
    pub app: Arc<App>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    pub async fn start(vars: &[(&str, &str)]) -> Server {
        let vars: BTreeMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let config =
            Config::from_lookup(|name| vars.get(name).cloned()).expect("valid test config");
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = App::new(config).expect("app starts");
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(run(listener, Arc::clone(&app), async {
            let _ = rx.await;
        }));
        Server {
            addr,
            app,
            stop: Some(tx),
            task: Some(task),
        }
    }

    /// A server that checks signatures against [`TOKEN`] and [`PUBLIC_URL`].
    pub async fn signed() -> Server {
        Server::start(&[
            ("TWILIO_AUTH_TOKEN", TOKEN),
            ("PUBLIC_URL", PUBLIC_URL),
            ("DEMO_MODE", "true"),
        ])
        .await
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }

    /// Sends raw bytes and reads the whole response (the request should say `Connection: close`).
    pub async fn raw(&self, request: &[u8]) -> Response {
        let mut stream = TcpStream::connect(self.addr).await.unwrap();
        stream.write_all(request).await.unwrap();
        let mut buf = Vec::new();
        stream.read_to_end(&mut buf).await.unwrap();
        Response::parse(&buf)
    }

    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: clara.example.org\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes).await
    }

    /// `POST /api/chat` with `body` as JSON, as the web chat page sends it.
    pub async fn chat(&self, body: &serde_json::Value) -> Response {
        let body = body.to_string();
        self.request(
            "POST",
            "/api/chat",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
        .await
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        self.request("GET", path, headers, b"").await
    }

    /// A webhook POST signed for `PUBLIC_URL/webhook` with `token`.
    pub async fn webhook(&self, params: &[(&str, &str)], token: Option<&str>) -> Response {
        let body = form(params);
        let mut headers = vec![(
            "Content-Type",
            "application/x-www-form-urlencoded".to_string(),
        )];
        if let Some(token) = token {
            headers.push((
                "X-Twilio-Signature",
                sign(token, &format!("{PUBLIC_URL}/webhook"), params),
            ));
        }
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.request("POST", "/webhook", &headers, body.as_bytes())
            .await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

pub fn form(params: &[(&str, &str)]) -> String {
    fn enc(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                b => format!("%{b:02X}"),
            })
            .collect()
    }
    params
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn sign(token: &str, url: &str, params: &[(&str, &str)]) -> String {
    let owned: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    clara::http::signature::sign(token, url, &owned)
}

/// A WhatsApp text message as Twilio posts it.
pub fn message<'a>(sid: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("MessageSid", sid),
        ("AccountSid", ACCOUNT_SID.as_str()),
        ("From", "whatsapp:+34600111222"),
        ("To", "whatsapp:+14155238886"),
        ("Body", body),
        ("NumMedia", "0"),
        ("ProfileName", "María"),
        ("WaId", "34600111222"),
    ]
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Lower-cased names.
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

// ---------------------------------------------------------------------------------------------
// The miss path's upstreams as wiremock servers, and the real binary as a child process. Used by
// tests/faults.rs; tests/miss.rs and tests/process.rs still have their own copies of some of
// these (`World`, `spawn`), which could be replaced by these.
// ---------------------------------------------------------------------------------------------

/// The Gemini API key the [`World`] mock expects.
pub const GEMINI_KEY: &str = "test-gemini-key";

/// Where Twilio's REST API takes messages for [`account_sid`].
pub fn messages_path() -> String {
    format!("/2010-04-01/Accounts/{}/Messages.json", account_sid())
}

/// Twilio's 201 for a created message.
pub fn twilio_created() -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(201).set_body_json(serde_json::json!({
        "sid": "SM11111111111111111111111111111111", "status": "queued", "account_sid": account_sid(),
        "error_code": null, "error_message": null, "num_media": "0", "num_segments": "1"
    }))
}

/// Gemini's 200 with one candidate saying `text`.
pub fn gemini_text(text: &str) -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2}
    }))
}

/// A WhatsApp voice note (`audio/ogg` at `url`) as Twilio posts it.
pub fn voice_note<'a>(sid: &'a str, url: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut params = message(sid, "");
    params[5] = ("NumMedia", "1");
    params.push(("MediaUrl0", url));
    params.push(("MediaContentType0", "audio/ogg"));
    params
}

/// The media host's answer for a voice note: `audio/ogg`, a few bytes.
pub fn voice_note_bytes() -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(200)
        .insert_header("content-type", "audio/ogg")
        .set_body_bytes(b"OggS fake opus".to_vec())
}

/// The value of `name` in a decoded form.
pub fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The value of one series in Prometheus text (`name{labels}` exactly as printed), if present.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.rsplit_once(' ').filter(|(s, _)| *s == series))
        .and_then(|(_, v)| v.parse().ok())
}

/// Gemini, Twilio and a media host as wiremock servers on 127.0.0.1, plus the dead-letter file
/// and the miss journal in temporary files.
pub struct World {
    pub gemini: wiremock::MockServer,
    pub twilio: wiremock::MockServer,
    pub media: wiremock::MockServer,
    pub dead: tempfile::NamedTempFile,
    pub journal: tempfile::NamedTempFile,
}

impl World {
    /// A world whose Twilio takes every message (201, default priority: a test can mount a
    /// failure with `with_priority(1)` in front of it).
    pub async fn new() -> World {
        let world = World {
            gemini: wiremock::MockServer::start().await,
            twilio: wiremock::MockServer::start().await,
            media: wiremock::MockServer::start().await,
            dead: tempfile::NamedTempFile::new().unwrap(),
            journal: tempfile::NamedTempFile::new().unwrap(),
        };
        wiremock::Mock::given(wiremock::matchers::method("POST"))
            .and(wiremock::matchers::path(messages_path()))
            .respond_with(twilio_created())
            .mount(&world.twilio)
            .await;
        world
    }

    /// Mounts `response` for every Gemini `generateContent` call.
    pub async fn gemini_answers(&self, response: wiremock::ResponseTemplate) {
        wiremock::Mock::given(wiremock::matchers::method("POST"))
            .and(wiremock::matchers::path_regex("generateContent$"))
            .respond_with(response)
            .mount(&self.gemini)
            .await;
    }

    /// The variables of a live configuration pointed at the mocks (`LLM_TIMEOUT` and
    /// `WHISPER_TIMEOUT` 2 s).
    pub fn vars(&self) -> Vec<(String, String)> {
        [
            ("TWILIO_AUTH_TOKEN", TOKEN.to_string()),
            ("TWILIO_ACCOUNT_SID", account_sid()),
            ("GEMINI_API_KEY", GEMINI_KEY.to_string()),
            ("PUBLIC_URL", PUBLIC_URL.to_string()),
            ("DEMO_MODE", "false".to_string()),
            ("GEMINI_BASE_URL", format!("{}/v1beta", self.gemini.uri())),
            ("TWILIO_API_BASE_URL", self.twilio.uri()),
            ("TWILIO_MEDIA_HOSTS", "127.0.0.1".to_string()),
            ("LLM_TIMEOUT", "2".to_string()),
            ("WHISPER_TIMEOUT", "2".to_string()),
            ("DEAD_LETTER_PATH", self.dead.path().display().to_string()),
            (
                "MISS_JOURNAL_PATH",
                self.journal.path().display().to_string(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// [`World::vars`] with `extra` added (a later value wins).
    pub fn vars_with(&self, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut vars = self.vars();
        for (k, v) in extra {
            vars.retain(|(name, _)| name != k);
            vars.push((k.to_string(), v.to_string()));
        }
        vars
    }

    /// The real server, in process, with [`World::vars_with`]`(extra)`.
    pub async fn server(&self, extra: &[(&str, &str)]) -> Server {
        let vars = self.vars_with(extra);
        let refs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        Server::start(&refs).await
    }

    /// Waits (up to 10 s) for `n` requests to the Twilio mock; returns their decoded forms.
    pub async fn sent(&self, n: usize) -> Vec<Vec<(String, String)>> {
        for _ in 0..400 {
            let requests = self.twilio.received_requests().await.unwrap_or_default();
            if requests.len() >= n {
                return requests
                    .iter()
                    .map(|r| clara::http::form::parse(&r.body).expect("Twilio gets a form"))
                    .collect();
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("Twilio received fewer than {n} messages");
    }

    /// The dead-letter file's lines, parsed.
    pub fn dead_letters(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dead.path())
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("a dead letter is a JSON line"))
            .collect()
    }

    /// Waits (up to `within`) for `n` dead letters; returns them.
    /// A voice note (`audio/ogg`, a few bytes: transcription is mocked) at `path` on the media
    /// mock; returns its URL.
    pub async fn voice_note_media(&self, path: &str) -> String {
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .and(wiremock::matchers::path(path))
            .respond_with(voice_note_bytes())
            .mount(&self.media)
            .await;
        format!("{}{path}", self.media.uri())
    }

    pub async fn wait_dead_letters(
        &self,
        n: usize,
        within: std::time::Duration,
    ) -> Vec<serde_json::Value> {
        let until = std::time::Instant::now() + within;
        loop {
            let letters = self.dead_letters();
            if letters.len() >= n {
                return letters;
            }
            assert!(
                std::time::Instant::now() < until,
                "fewer than {n} dead letters after {within:?}: {letters:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }
}

/// A webhook request (signed with `token` for `PUBLIC_URL/webhook`), as raw bytes.
pub fn webhook_request(params: &[(&str, &str)], token: Option<&str>) -> Vec<u8> {
    let body = form(params);
    let signature = token
        .map(|t| {
            format!(
                "X-Twilio-Signature: {}\r\n",
                sign(t, &format!("{PUBLIC_URL}/webhook"), params)
            )
        })
        .unwrap_or_default();
    format!(
        "POST /webhook HTTP/1.1\r\nHost: clara.example.org\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n{signature}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Sends raw bytes to `addr` and reads the response. Unlike [`Server::raw`] it tolerates a reset
/// after the response (a server that refuses a body it did not read may reset the connection).
pub async fn exchange(addr: SocketAddr, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    // A server that answers before reading the whole body may close early: the write can fail.
    let _ = stream.write_all(request).await;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match stream.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if !buf.is_empty() => {
                let _ = e;
                break;
            }
            Err(e) => panic!("no response from {addr}: {e}"),
        }
    }
    Response::parse(&buf)
}

/// The real binary (`clara serve`) as a child process, JSON logs on its stdout.
pub struct Clara {
    pub child: std::process::Child,
    pub addr: SocketAddr,
    /// Every log line so far, parsed (filled by [`Clara::logs`]).
    lines: Vec<serde_json::Value>,
    rx: std::sync::mpsc::Receiver<String>,
}

impl Clara {
    /// Starts `clara` with exactly `vars` (plus `PORT=0`) and waits for its "listening" line.
    pub fn spawn(vars: &[(String, String)]) -> Clara {
        Clara::spawn_with_fd_limit(vars, None)
    }

    /// [`Clara::spawn`] with the open-file limit (soft and hard) set to `nofile`, as
    /// `ulimit -n` would.
    pub fn spawn_with_fd_limit(vars: &[(String, String)], nofile: Option<u64>) -> Clara {
        use std::io::BufRead as _;
        use std::os::unix::process::CommandExt as _;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_clara"));
        if let Some(n) = nofile {
            // SAFETY: between fork and exec, only setrlimit (async-signal-safe) is called.
            unsafe {
                cmd.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: n,
                        rlim_max: n,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        cmd.env_clear()
            .env("PORT", "0")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut clara = Clara {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            lines: Vec::new(),
            rx,
        };
        let listening = clara.wait_log(std::time::Duration::from_secs(10), |l| {
            l["message"] == "listening"
        });
        let port: u16 = listening["addr"]
            .as_str()
            .and_then(|a| a.rsplit(':').next())
            .and_then(|p| p.parse().ok())
            .expect("the listening line has the address");
        clara.addr = SocketAddr::from(([127, 0, 0, 1], port));
        clara
    }

    /// Reads the lines logged so far.
    fn pull(&mut self) {
        for line in self.rx.try_iter() {
            let value = serde_json::from_str(&line)
                .unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
            self.lines.push(value);
        }
    }

    /// Waits (blocking) for a log line matching `pred`; returns it.
    pub fn wait_log(
        &mut self,
        within: std::time::Duration,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let until = std::time::Instant::now() + within;
        loop {
            self.pull();
            if let Some(line) = self.lines.iter().find(|l| pred(l)) {
                return line.clone();
            }
            let left = until.saturating_duration_since(std::time::Instant::now());
            assert!(
                !left.is_zero(),
                "no matching log line within {within:?}:\n{:#?}",
                self.lines
            );
            if let Ok(line) = self
                .rx
                .recv_timeout(left.min(std::time::Duration::from_millis(50)))
            {
                let value = serde_json::from_str(&line)
                    .unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
                self.lines.push(value);
            }
        }
    }

    /// The resident memory of the process, in bytes (Linux).
    pub fn rss_bytes(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS in /proc/<pid>/status");
        kib * 1024
    }

    /// Every line logged so far.
    pub fn logs(&mut self) -> &[serde_json::Value] {
        self.pull();
        &self.lines
    }

    /// The lines whose `message` is `message`.
    pub fn logged(&mut self, message: &str) -> Vec<serde_json::Value> {
        self.logs()
            .iter()
            .filter(|l| l["message"] == message)
            .cloned()
            .collect()
    }

    /// Sends SIGTERM, waits for the exit (blocking) and returns the exit code; the remaining log
    /// lines are then in [`Clara::logs`].
    pub fn sigterm_and_wait(&mut self) -> Option<i32> {
        let ok = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let status = self.child.wait().unwrap();
        // The reader thread ends with the pipe; give it a moment to hand over the last lines.
        std::thread::sleep(std::time::Duration::from_millis(100));
        self.pull();
        status.code()
    }
}

impl Drop for Clara {
    fn drop(&mut self) {
        // A test that failed half-way must not leave its server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The id of the compiled answer whose escaped text is the TwiML's body.
pub fn answer_id(twiml: &str) -> String {
    clara::kb::answers()
        .iter()
        .find(|a| twiml.contains(&format!("<Body>{}</Body>", a.twiml_body)))
        .unwrap_or_else(|| panic!("no compiled answer in {twiml}"))
        .id
        .to_string()
}
