//! The web chat in a real browser (issue 6): headless Chromium, driven through Debian's
//! `chromedriver` with fantoccini, against the real `clara serve` in the offline configuration.
//!
//! For each of es, fr, en and ar the test picks the language in the page's switcher, types a
//! question and presses Enter, then checks the answer bubble (the compiled answer, its official
//! link, its direction), the answer's audio (an HTTP 200 with an audio type, and the browser
//! loads it under the page's CSP), and at the end that the browser logged no console error.
//! Screenshots land in `<target dir>/browser-artifacts/<lang>.png`.
//!
//! Without `chromium` or `chromedriver` on PATH the test says so on one line and passes, unless
//! `CLARA_TEST_TOOLS=required` (CI sets it), where it fails.

mod tools;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, key::Key};
use serde_json::{Value, json};

/// The whole test, browser start-up included, must end within this; a hung driver or page must
/// fail the run rather than stall CI.
const OVERALL: Duration = Duration::from_secs(120);
/// How long a process may take to start answering, and an answer to appear.
const READY: Duration = Duration::from_secs(10);
/// How often the page is polled while waiting.
const POLL: Duration = Duration::from_millis(100);
/// A phone's CSS viewport (a Pixel 7's), since the page is meant for phones. Emulated, because
/// desktop Chromium will not make a window narrower than 500 px.
const PHONE: (u32, u32) = (412, 915);

/// One question, and what its answer must show.
struct Case {
    lang: &'static str,
    question: &'static str,
    /// A sentence of the compiled answer in that language (data/tramites/*.json, `resumen`).
    phrase: &'static str,
    /// The answer's official link (`fuente_url`).
    official: &'static str,
    /// The compiled recording of that answer, served under /static/cache/.
    audio: &'static str,
    /// The send button's label in that language (chat.js), proof that the interface switched.
    send: &'static str,
    dir: &'static str,
}

/// Each language asks about another procedure; all four hit an answer that has a recording
/// (`clara ask --json` gives the intent and the audio file).
const CASES: [Case; 4] = [
    Case {
        lang: "es",
        question: "¿Qué es el IMV?",
        phrase: "El IMV es una ayuda mensual de la Seguridad Social (INSS) para hogares con muy pocos ingresos.",
        official: "https://imv.seg-social.es/",
        audio: "imv.descripcion.es.ogg",
        send: "Enviar",
        dir: "ltr",
    },
    Case {
        lang: "fr",
        question: "Qu'est-ce que le padrón ?",
        phrase: "est la liste des personnes qui vivent dans chaque commune.",
        official: "https://www.madrid.es/",
        audio: "empadronamiento.descripcion.fr.ogg",
        send: "Envoyer",
        dir: "ltr",
    },
    Case {
        lang: "en",
        question: "What is the health card?",
        phrase: "The health card gives you access to public health care in Madrid",
        official: "https://www.comunidad.madrid/servicios/salud/tarjeta-sanitaria",
        audio: "tarjeta_sanitaria.descripcion.en.ogg",
        send: "Send",
        dir: "ltr",
    },
    Case {
        lang: "ar",
        question: "ما هو الحد الأدنى للدخل؟",
        phrase: "الـ\u{2066}IMV\u{2069} مساعدة شهرية من الضمان الاجتماعي (\u{2066}INSS\u{2069}) للأسر ذات الدخل الضعيف جدًا.",
        official: "https://imv.seg-social.es/",
        audio: "imv.descripcion.ar.ogg",
        send: "إرسال",
        dir: "rtl",
    },
];

/// A child process killed, with everything it started, however the test ends.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        // Each child leads its own process group (see `spawn`): chromedriver's Chromium
        // processes are in it too, so one signal to the group leaves no browser behind.
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `cmd` in a new process group, so that [`Guard`] can end it and its descendants.
fn spawn(cmd: &mut Command) -> Guard {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let child = cmd
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    Guard(child)
}

/// Chromium and chromedriver, or `None` (after a one-line notice) when the test is skipped.
///
/// # Panics
/// When one is missing and `CLARA_TEST_TOOLS=required`.
fn programs() -> Option<(PathBuf, PathBuf)> {
    let chromedriver = tools::find("chromedriver", "chromium-driver")?;
    let chromium = tools::find("chromium", "chromium")?;
    Some((chromium, chromedriver))
}

/// Where screenshots go: `<target dir>/browser-artifacts`, wherever the target dir is
/// (`CARGO_TARGET_TMPDIR` is `<target dir>/tmp`, and follows `CARGO_TARGET_DIR`).
fn artifacts_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("browser-artifacts")
}

/// A port that was free a moment ago, for chromedriver (which cannot report a port it picked).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("a bound address").port()
}

/// `clara serve` in the offline demo configuration on a port of its own choosing; returns it
/// with its base URL, read from its "listening" log line.
fn start_clara(scratch: &Path) -> (Guard, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clara"));
    cmd.arg("serve")
        .env_clear()
        .env("PORT", "0")
        .env("DEMO_MODE", "true")
        .env("OBSERVABILITY_ON", "true")
        .env("MISS_JOURNAL_PATH", scratch.join("miss-journal.jsonl"))
        .env("DEAD_LETTER_PATH", scratch.join("dead-letters.jsonl"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let mut guard = spawn(&mut cmd);
    let stdout = guard.0.stdout.take().expect("clara's stdout is piped");
    let (tx, rx) = mpsc::channel();
    // Reads every line, for as long as clara runs, so that logging never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + READY;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("clara did not log \"listening\" within {READY:?}"));
        let Ok(log) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        if log["message"] == "listening" {
            let addr = log["addr"]
                .as_str()
                .expect("the listening line has an addr");
            let port = addr.rsplit(':').next().expect("addr ends with a port");
            return (guard, format!("http://127.0.0.1:{port}"));
        }
    }
}

/// `chromedriver` on a free port, once its `/status` says it is ready; returns its URL.
async fn start_chromedriver(program: &Path, http: &reqwest::Client) -> (Guard, String) {
    let port = free_port();
    let mut guard = spawn(
        Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + READY;
    loop {
        if let Ok(Some(status)) = guard.0.try_wait() {
            panic!("chromedriver exited at start-up ({status}); is port {port} taken?");
        }
        let ready = match http.get(format!("{url}/status")).send().await {
            Ok(r) => r.json::<Value>().await.ok(),
            Err(_) => None,
        };
        if ready.is_some_and(|s| s["value"]["ready"] == true) {
            return (guard, url);
        }
        assert!(
            Instant::now() < deadline,
            "chromedriver did not answer on {url}/status within {READY:?}"
        );
        tokio::time::sleep(POLL).await;
    }
}

/// A WebDriver session with headless Chromium, phone-sized, with a throw-away profile, whose
/// console is kept for [`browser_log`].
async fn open_session(driver: &str, chromium: &Path, profile: &Path) -> Client {
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--no-proxy-server",
                format!("--user-data-dir={}", profile.display()),
            ],
            "mobileEmulation": {
                "deviceMetrics": { "width": PHONE.0, "height": PHONE.1, "pixelRatio": 1.0 },
            },
            // The page starts in the browser's language; fixing it makes the first pick a change.
            "prefs": { "intl.accept_languages": "en-US,en" },
        },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!("a JSON object literal")
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(driver)
        .await
        .unwrap_or_else(|e| panic!("no WebDriver session with {}: {e}", chromium.display()))
}

/// The browser's console since the last call, from chromedriver's log endpoint (fantoccini
/// has no call for it; chromedriver keeps the legacy `se/log` command in W3C mode).
async fn browser_log(http: &reqwest::Client, driver: &str, client: &Client) -> Vec<Value> {
    let session = client
        .session_id()
        .await
        .expect("the session id")
        .expect("an open session");
    let reply: Value = http
        .post(format!("{driver}/session/{session}/se/log"))
        .json(&json!({ "type": "browser" }))
        .send()
        .await
        .expect("chromedriver answers se/log")
        .json()
        .await
        .expect("se/log answers JSON");
    reply["value"]
        .as_array()
        .unwrap_or_else(|| panic!("se/log gave no entries: {reply}"))
        .clone()
}

/// Runs a script in the page and returns its value.
async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Waits (at most [`READY`]) until `script` returns something other than null.
async fn poll(client: &Client, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + READY;
    loop {
        let value = js(client, script).await;
        if !value.is_null() {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: nothing within {READY:?}"
        );
        tokio::time::sleep(POLL).await;
    }
}

/// Clara's answers shown so far (the introduction is not one).
const ANSWERS: &str = "#log .msg-clara:not(.intro)";

/// Asks one question as a person would and checks what the page shows.
async fn ask(client: &Client, http: &reqwest::Client, base: &str, case: &Case) {
    let lang = case.lang;
    let before = js(
        client,
        &format!("return document.querySelectorAll('{ANSWERS}').length;"),
    )
    .await;

    client
        .find(Locator::Id("lang"))
        .await
        .expect("the language switcher")
        .select_by_value(lang)
        .await
        .unwrap_or_else(|e| panic!("{lang}: cannot pick the language: {e}"));
    let ui = js(
        client,
        "return { lang: document.documentElement.lang, dir: document.documentElement.dir, \
         send: document.getElementById('send').textContent };",
    )
    .await;
    assert_eq!(ui["lang"], lang, "{lang}: <html lang> after the pick");
    assert_eq!(ui["dir"], case.dir, "{lang}: <html dir> after the pick");
    assert_eq!(ui["send"], case.send, "{lang}: the send button's label");

    let input = client
        .find(Locator::Id("question"))
        .await
        .expect("the question box");
    input
        .send_keys(case.question)
        .await
        .unwrap_or_else(|e| panic!("{lang}: cannot type the question: {e}"));
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap_or_else(|e| panic!("{lang}: cannot press Enter: {e}"));

    // Null until a new answer (or an error bubble) is in the log.
    let wait = format!(
        "const answers = document.querySelectorAll('{ANSWERS}');
         const error = document.querySelector('#log .msg-error:last-child');
         if (error) return {{ error: error.innerText }};
         if (answers.length <= {before}) return null;
         const box = answers[answers.length - 1];
         const text = box.querySelector('.text');
         const audio = box.querySelector('audio');
         const users = document.querySelectorAll('#log .msg-user .text');
         return {{
           asked: users.length ? users[users.length - 1].textContent : null,
           text: text.innerText,
           lang: text.lang,
           direction: getComputedStyle(text).direction,
           rootDir: document.documentElement.dir,
           links: Array.from(text.querySelectorAll('a[href]'), a => a.href),
           audio: audio ? audio.src : null,
           audioLabel: audio ? audio.getAttribute('aria-label') : null
         }};"
    );
    let shown = poll(client, &format!("{lang}: the answer bubble"), &wait).await;
    assert!(
        shown["error"].is_null(),
        "{lang}: the page showed an error instead of an answer: {}",
        shown["error"]
    );
    // The page shows the start of a new answer, with a smooth scroll: once it has settled, the
    // screenshot, taken before the checks below so that a failing one still leaves a picture.
    poll(
        client,
        &format!("{lang}: the start of the answer scrolled into view, and still"),
        &format!(
            "const box = Array.from(document.querySelectorAll('{ANSWERS}')).pop();
             const chat = document.getElementById('main');
             const top = box.getBoundingClientRect().top;
             const view = chat.getBoundingClientRect();
             const still = window.claraTestScroll === chat.scrollTop;
             window.claraTestScroll = chat.scrollTop;
             return still && top >= view.top && top < view.bottom ? true : null;"
        ),
    )
    .await;
    let png = client
        .screenshot()
        .await
        .unwrap_or_else(|e| panic!("{lang}: no screenshot: {e}"));
    let path = artifacts_dir().join(format!("{lang}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));

    let text = shown["text"].as_str().unwrap_or_default();
    assert_eq!(
        shown["asked"], case.question,
        "{lang}: the question as typed"
    );
    assert!(
        text.contains(case.phrase),
        "{lang}: the answer is not the compiled one; expected it to contain {:?}, got:\n{text}",
        case.phrase
    );
    assert!(
        shown["links"]
            .as_array()
            .is_some_and(|l| l.iter().any(|h| h == case.official)),
        "{lang}: no link to {}; links: {}",
        case.official,
        shown["links"]
    );
    assert_eq!(shown["lang"], lang, "{lang}: the answer's lang attribute");
    assert_eq!(shown["rootDir"], case.dir, "{lang}: document direction");
    assert_eq!(
        shown["direction"], case.dir,
        "{lang}: the answer's computed direction"
    );
    assert!(
        shown["audioLabel"].as_str().is_some_and(|l| !l.is_empty()),
        "{lang}: the audio player has no label"
    );

    let audio = shown["audio"]
        .as_str()
        .unwrap_or_else(|| panic!("{lang}: the answer has no audio element with a src"));
    check_audio_url(http, lang, audio).await;
    // Offline, with no PUBLIC_URL, the audio is this server's (a relative URL in the API).
    assert_eq!(
        audio,
        format!("{base}/static/cache/{}", case.audio),
        "{lang}: the audio is not this answer's recording"
    );
    check_audio_plays(client, lang).await;
}

/// The audio URL as any client sees it: 200, an audio type, a body.
async fn check_audio_url(http: &reqwest::Client, lang: &str, url: &str) {
    let response = http
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{lang}: GET {url}: {e}"));
    let status = response.status();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response.bytes().await.map(|b| b.len()).unwrap_or(0);
    assert_eq!(status, 200, "{lang}: GET {url}");
    assert!(
        content_type.starts_with("audio/"),
        "{lang}: GET {url} has content type {content_type:?}"
    );
    assert!(body > 0, "{lang}: GET {url} has an empty body");
}

/// The browser itself fetches and decodes the recording (the player has `preload="none"`, so
/// nothing is loaded until asked): this goes through the page's CSP `media-src` and the
/// decoder, as pressing play would, without needing autoplay.
async fn check_audio_plays(client: &Client, lang: &str) {
    js(
        client,
        &format!(
            "const a = Array.from(document.querySelectorAll('{ANSWERS} audio')).pop();
             a.preload = 'metadata'; a.load(); return true;"
        ),
    )
    .await;
    let state = poll(
        client,
        &format!("{lang}: the browser loading the audio"),
        &format!(
            "const a = Array.from(document.querySelectorAll('{ANSWERS} audio')).pop();
             if (a.error) return {{ error: a.error.code + ' ' + a.error.message }};
             return a.readyState >= 1 ? {{ duration: a.duration }} : null;"
        ),
    )
    .await;
    assert!(
        state["error"].is_null(),
        "{lang}: the browser could not load the audio: {}",
        state["error"]
    );
    assert!(
        state["duration"].as_f64().is_some_and(|d| d > 1.0),
        "{lang}: the audio has no duration: {state}"
    );
}

/// Everything from one session: the four questions, then the console.
async fn run(chromium: &Path, chromedriver: &Path) {
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let profile = scratch.path().join("chromium-profile");
    // Screenshots of an earlier run (CI restores target/ from a cache) must not pass for this one's.
    let _ = std::fs::remove_dir_all(artifacts_dir());
    std::fs::create_dir_all(artifacts_dir()).expect("the artifacts directory");
    // Loopback only: never through a proxy the environment may name.
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(READY)
        .build()
        .expect("an HTTP client");

    let (_clara, base) = start_clara(scratch.path());
    let (_driver, driver) = start_chromedriver(chromedriver, &http).await;
    let client = open_session(&driver, chromium, &profile).await;

    client
        .goto(&format!("{base}/"))
        .await
        .unwrap_or_else(|e| panic!("cannot open {base}/: {e}"));
    let mut console = browser_log(&http, &driver, &client).await;
    for case in &CASES {
        ask(&client, &http, &base, case).await;
        console.extend(browser_log(&http, &driver, &client).await);
    }
    // Deleting the session lets chromedriver close Chromium cleanly; the guards are the
    // fallback for every other way out.
    let _ = client.close().await;

    for entry in &console {
        eprintln!(
            "browser console: {} {}",
            entry["level"].as_str().unwrap_or("?"),
            entry["message"].as_str().unwrap_or("?")
        );
    }
    let severe: Vec<&str> = console
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert!(
        severe.is_empty(),
        "the page logged {} console error(s) (CSP violations included):\n{}",
        severe.len(),
        severe.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_chat_answers_in_four_languages_in_chromium() {
    let Some((chromium, chromedriver)) = programs() else {
        return;
    };
    let started = Instant::now();
    tokio::time::timeout(OVERALL, run(&chromium, &chromedriver))
        .await
        .unwrap_or_else(|_| panic!("the browser test did not finish within {OVERALL:?}"));
    eprintln!(
        "browser test: 4 languages in {:.1} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        artifacts_dir().display()
    );
}
