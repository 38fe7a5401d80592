//! `clara promote JOURNAL --notion` against a wiremock Notion on 127.0.0.1 that keeps the
//! *Backlog* data source's pages and checks every request as the real API (2025-09-03) would:
//! the bearer token, the `Notion-Version`, JSON, the paths, the query filter and each property's
//! type and shape. A request it would refuse gets Notion's own error, so a wrong payload fails
//! the push and the test.

use std::io::Write as _;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clara::cli::backlog::{self, BacklogRow, NEW_STATUS, NO_SUGGESTION, PushReport};
use clara::cli::notion::{MAX_ATTEMPTS, NotionConfig, NotionError};
use clara::respond::Responder;
use serde_json::{Map, Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN: &str = "ntn_test-token-5f4e3d2c1b0a";
const DB: &str = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
const DS: &str = "cccccccc-0000-4000-8000-000000000003";

/// 2026-11-27T10:00:00Z, and minutes after it.
const T0: u64 = 1_795_773_600;
fn at(minutes: u64) -> u64 {
    T0 + minutes * 60
}

/// The database's properties and their types, as an operator creates them (docs/NOTION.md).
const SCHEMA: [(&str, &str); 7] = [
    ("Pregunta", "title"),
    ("Idioma", "select"),
    ("Veces", "number"),
    ("Ultima vez", "date"),
    ("Tramite sugerido", "select"),
    ("Faceta sugerida", "select"),
    ("Estado", "select"),
];

#[derive(Default)]
struct State {
    /// (id, properties in the shape Notion returns them).
    pages: Vec<(String, Map<String, Value>)>,
    /// Properties missing from the database (an operator's mistake).
    missing: Vec<&'static str>,
    /// Creates to let through before answering 429, how many 429s then, and their
    /// Retry-After.
    rate_limit_creates: Option<(usize, usize, &'static str)>,
    creates_seen: usize,
}

/// The fake Notion: one database with one data source, pages kept in memory.
#[derive(Clone, Default)]
struct FakeNotion(Arc<Mutex<State>>);

fn error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "object": "error", "status": status, "code": code, "message": message,
        "request_id": "00000000-0000-0000-0000-000000000000",
    }))
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

/// A rich-text or title array as Notion takes it: text objects of at most 2,000 characters.
fn rich_text(name: &str, value: &Value) -> Result<String, String> {
    let pieces = value
        .as_array()
        .ok_or(format!("{name} is expected to be an array."))?;
    if pieces.len() > 100 {
        return Err(format!("{name} has more than 100 elements."));
    }
    let mut text = String::new();
    for p in pieces {
        if p.get("type").is_some_and(|t| t != "text") {
            return Err(format!("{name}: only text objects are expected."));
        }
        let content = p
            .pointer("/text/content")
            .and_then(Value::as_str)
            .ok_or(format!("{name}.text.content should be a string."))?;
        if content.encode_utf16().count() > 2000 {
            return Err(format!("{name}.text.content.length should be ≤ 2000."));
        }
        text.push_str(content);
    }
    Ok(text)
}

impl FakeNotion {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap()
    }

    /// The pages' properties, simplified: name → plain value.
    fn pages(&self) -> Vec<Map<String, Value>> {
        self.state()
            .pages
            .iter()
            .map(|(_, props)| {
                props
                    .iter()
                    .map(|(k, v)| {
                        let plain = match v["type"].as_str().unwrap() {
                            "title" => v["title"][0]["plain_text"].clone(),
                            "select" => v["select"]["name"].clone(),
                            "number" => v["number"].clone(),
                            "date" => v["date"]["start"].clone(),
                            _ => Value::Null,
                        };
                        (k.clone(), plain)
                    })
                    .collect()
            })
            .collect()
    }

    fn page(&self, question: &str) -> Map<String, Value> {
        self.pages()
            .into_iter()
            .find(|p| p["Pregunta"] == question)
            .unwrap_or_else(|| panic!("no page for {question}"))
    }

    /// Checks `properties` against the schema and returns them as Notion stores them.
    fn check_properties(&self, properties: &Value) -> Result<Map<String, Value>, String> {
        let missing = self.state().missing.clone();
        let given = properties
            .as_object()
            .ok_or("body.properties should be an object.")?;
        let mut out = Map::new();
        for (name, value) in given {
            let Some(&(_, kind)) = SCHEMA
                .iter()
                .find(|(n, _)| n == name && !missing.contains(n))
            else {
                return Err(format!("{name} is not a property that exists."));
            };
            let inner = value
                .get(kind)
                .ok_or(format!("{name} is expected to be {kind}."))?;
            let stored = match kind {
                "title" => {
                    let text = rich_text(name, inner)?;
                    json!([{"type": "text", "text": {"content": text}, "plain_text": text}])
                }
                "select" => {
                    let option = inner
                        .get("name")
                        .and_then(Value::as_str)
                        .ok_or(format!("{name}.select.name should be a string."))?;
                    if option.contains(',') || option.chars().count() > 100 || option.is_empty() {
                        return Err(format!("{name}: invalid select option name."));
                    }
                    json!({"id": "opt", "name": option, "color": "default"})
                }
                "number" => {
                    if !inner.is_number() {
                        return Err(format!("{name}.number should be a number."));
                    }
                    inner.clone()
                }
                "date" => {
                    let start = inner
                        .get("start")
                        .and_then(Value::as_str)
                        .ok_or(format!("{name}.date.start should be a string."))?;
                    let t = backlog::parse_iso(start)
                        .ok_or(format!("{name}.date.start is an invalid date."))?;
                    // Notion writes date-times back with milliseconds and an offset.
                    let shown = backlog::iso_minute(t).replace(":00Z", ":00.000+00:00");
                    json!({"start": shown, "end": null, "time_zone": null})
                }
                _ => unreachable!(),
            };
            out.insert(
                name.clone(),
                json!({"id": name, "type": kind, kind: stored}),
            );
        }
        Ok(out)
    }

    fn page_object(id: &str, properties: &Map<String, Value>) -> Value {
        json!({
            "object": "page", "id": id, "url": format!("https://www.notion.so/{id}"),
            "parent": {"type": "data_source_id", "data_source_id": DS},
            "properties": properties,
        })
    }

    fn query(&self, body: &Value) -> Result<Value, String> {
        let and = body
            .pointer("/filter/and")
            .and_then(Value::as_array)
            .ok_or("body.filter should be a compound filter.")?;
        let size = body.get("page_size").and_then(Value::as_u64).unwrap_or(100);
        if !(1..=100).contains(&size) {
            return Err("body.page_size should be ≤ 100.".into());
        }
        let state = self.state();
        let mut results = Vec::new();
        'pages: for (id, props) in &state.pages {
            for condition in and {
                let name = condition["property"]
                    .as_str()
                    .ok_or("filter.property should be a string.")?;
                let &(_, kind) = SCHEMA
                    .iter()
                    .find(|(n, _)| *n == name)
                    .ok_or(format!("Could not find property with name or id: {name}"))?;
                let wanted = condition
                    .get(kind)
                    .and_then(|c| c.get("equals"))
                    .and_then(Value::as_str)
                    .ok_or(format!("filter on {name} should be {kind}.equals."))?;
                let have = match kind {
                    "title" => props[name]["title"][0]["plain_text"].as_str(),
                    "select" => props[name]["select"]["name"].as_str(),
                    _ => None,
                };
                if have != Some(wanted) {
                    continue 'pages;
                }
            }
            results.push(Self::page_object(id, props));
        }
        results.truncate(size as usize);
        Ok(json!({"object": "list", "results": results, "next_cursor": null, "has_more": false}))
    }
}

impl Respond for FakeNotion {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        if header(request, "authorization") != Some(&format!("Bearer {TOKEN}")) {
            return error(401, "unauthorized", "API token is invalid.");
        }
        if header(request, "notion-version") != Some("2025-09-03") {
            return error(
                400,
                "missing_version",
                "Notion-Version header failed validation.",
            );
        }
        let method = request.method.as_str();
        if method != "GET" && header(request, "content-type") != Some("application/json") {
            return error(
                400,
                "invalid_request",
                "Content-Type should be application/json.",
            );
        }
        let body: Value = if method == "GET" {
            Value::Null
        } else {
            match serde_json::from_slice(&request.body) {
                Ok(body) => body,
                Err(_) => return error(400, "invalid_json", "Error parsing JSON body."),
            }
        };
        let path = request.url.path();
        let result = match (method, path) {
            ("GET", p) if p == format!("/v1/databases/{DB}") => Ok(json!({
                "object": "database", "id": DB,
                "data_sources": [{"id": DS, "name": "Backlog"}],
            })),
            ("GET", _) => {
                return error(404, "object_not_found", "Could not find database.");
            }
            ("POST", p) if p == format!("/v1/data_sources/{DS}/query") => self.query(&body),
            ("POST", "/v1/pages") => {
                {
                    let mut state = self.state();
                    state.creates_seen += 1;
                    if let Some((skip, times, wait)) = state.rate_limit_creates
                        && state.creates_seen > skip
                        && times > 0
                    {
                        state.rate_limit_creates = Some((skip + 1, times - 1, wait));
                        return error(429, "rate_limited", "Rate limited")
                            .insert_header("Retry-After", wait);
                    }
                }
                if body["parent"] != json!({"type": "data_source_id", "data_source_id": DS}) {
                    return error(404, "object_not_found", "Could not find data source.");
                }
                self.check_properties(&body["properties"]).map(|props| {
                    let mut state = self.state();
                    let id = format!("page-{}", state.pages.len() + 1);
                    let page = Self::page_object(&id, &props);
                    state.pages.push((id, props));
                    page
                })
            }
            ("PATCH", p) if p.starts_with("/v1/pages/") => {
                let id = &p["/v1/pages/".len()..];
                match self.check_properties(&body["properties"]) {
                    Err(e) => Err(e),
                    Ok(changes) => {
                        let mut state = self.state();
                        let Some((_, props)) = state.pages.iter_mut().find(|(i, _)| i == id) else {
                            return error(404, "object_not_found", "Could not find page.");
                        };
                        // Only the properties sent change.
                        props.extend(changes);
                        Ok(Self::page_object(id, props))
                    }
                }
            }
            _ => return error(400, "invalid_request_url", "Invalid request URL."),
        };
        match result {
            Ok(value) => ResponseTemplate::new(200).set_body_json(value),
            Err(message) => error(400, "validation_error", &message),
        }
    }
}

async fn fake_notion() -> (MockServer, FakeNotion) {
    let server = MockServer::start().await;
    let fake = FakeNotion::default();
    Mock::given(any())
        .respond_with(fake.clone())
        .mount(&server)
        .await;
    (server, fake)
}

fn config(server: &MockServer) -> NotionConfig {
    NotionConfig {
        token: Some(TOKEN.into()),
        base_url: server.uri(),
        db_backlog: Some(DB.to_string()),
        min_interval: Duration::ZERO,
        ..NotionConfig::default()
    }
}

/// A journal line as the pipeline writes it.
fn miss(at: u64, question: &str, lang: &str, guess: Option<&str>) -> String {
    json!({"at": at, "question": question, "lang": lang, "guess": guess, "source": "llm", "answer": "…"})
        .to_string()
}

fn journal(lines: &[String]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    for line in lines {
        writeln!(file, "{line}").unwrap();
    }
    file
}

fn append(file: &tempfile::NamedTempFile, lines: &[String]) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(file.path())
        .unwrap();
    for line in lines {
        writeln!(f, "{line}").unwrap();
    }
}

/// The journal file's entries, and how many lines did not parse.
fn entries(path: &Path) -> (Vec<clara::miss::journal::Entry>, usize) {
    let (entries, bad) = clara::jsonl::read(path).unwrap();
    (entries, bad.len())
}

async fn push_journal(
    cfg: &NotionConfig,
    path: &Path,
    top: usize,
) -> (Result<PushReport, NotionError>, String) {
    let (rows, _) = backlog::rows(entries(path).0, top, &Responder::default());
    let mut out = Vec::new();
    let result = backlog::push(cfg, &rows, false, &mut out).await;
    (result, String::from_utf8(out).unwrap())
}

const ALONE: &str = "como pido plaza en la escuela infantil";
const GUESSED: &str = "cuanto tiempo tengo para pedirlo";
const FR: &str = "je n'ai pas de logement fixe";
const ONCE: &str = "una cosa rara con mi casero";

/// Three misses of ALONE, two of GUESSED (one guessed as IMV), two of FR, one of ONCE.
fn four_questions() -> Vec<String> {
    vec![
        miss(at(1), ALONE, "es", None),
        miss(at(2), GUESSED, "es", Some("imv")),
        miss(at(3), ALONE, "es", None),
        miss(at(4), FR, "fr", Some("empadronamiento")),
        miss(at(5), ONCE, "es", None),
        miss(at(6), GUESSED, "es", None),
        miss(at(7), FR, "fr", None),
        miss(at(8), ALONE, "es", None),
    ]
}

#[tokio::test]
async fn the_first_push_creates_one_page_per_top_miss() {
    let (server, fake) = fake_notion().await;
    let file = journal(&four_questions());

    let (result, out) = push_journal(&config(&server), file.path(), 3).await;
    let report = result.unwrap();

    assert_eq!(
        report,
        PushReport {
            rows: 3,
            created: 3,
            updated: 0,
            unchanged: 0
        }
    );
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            format!("created es \"{ALONE}\" (3)"),
            format!("created es \"{GUESSED}\" (2)"),
            format!("created fr \"{FR}\" (2)"),
        ]
    );
    let pages = fake.pages();
    assert_eq!(pages.len(), 3, "the fourth question is not in the top 3");
    let alone = fake.page(ALONE);
    assert_eq!(alone["Idioma"], "es");
    assert_eq!(alone["Veces"], 3);
    assert_eq!(alone["Ultima vez"], "2026-11-27T10:08:00.000+00:00");
    assert_eq!(alone["Estado"], NEW_STATUS);
    assert_eq!(alone["Tramite sugerido"], NO_SUGGESTION);
    assert_eq!(alone["Faceta sugerida"], NO_SUGGESTION);
    // The journal's guess is the suggestion when the words give none.
    let paro = fake.page(GUESSED);
    assert_eq!(paro["Veces"], 2);
    assert_eq!(paro["Tramite sugerido"], "imv");
    assert_eq!(fake.page(FR)["Tramite sugerido"], "empadronamiento");

    // The database was resolved first, and each row was looked up before it was created.
    let received = server.received_requests().await.unwrap();
    let calls: Vec<String> = received
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    let query = format!("POST /v1/data_sources/{DS}/query");
    assert_eq!(
        calls,
        [
            format!("GET /v1/databases/{DB}"),
            query.clone(),
            "POST /v1/pages".into(),
            query.clone(),
            "POST /v1/pages".into(),
            query,
            "POST /v1/pages".into(),
        ]
    );
    let filter: Value = serde_json::from_slice(&received[1].body).unwrap();
    assert_eq!(
        filter,
        json!({"filter": {"and": [
            {"property": "Pregunta", "title": {"equals": ALONE}},
            {"property": "Idioma", "select": {"equals": "es"}},
        ]}, "page_size": 2})
    );
}

#[tokio::test]
async fn a_question_the_content_answers_now_is_suggested_with_its_facet() {
    let (server, fake) = fake_notion().await;
    // Journaled before the content could answer it; today's responder does.
    let question = "que documentos necesito para el empadronamiento";
    let reply = Responder::default().respond(question, Some(clara::kb::Lang::Es));
    let file = journal(&[miss(at(1), question, "es", None)]);

    let (result, _) = push_journal(&config(&server), file.path(), 20).await;
    result.unwrap();

    let page = fake.page(question);
    assert_eq!(page["Tramite sugerido"], reply.intent.as_str());
    assert_eq!(page["Tramite sugerido"], "empadronamiento");
    assert_eq!(page["Faceta sugerida"], "documentos");
}

#[tokio::test]
async fn pushing_again_updates_counts_and_never_duplicates() {
    let (server, fake) = fake_notion().await;
    let cfg = config(&server);
    let file = journal(&four_questions());
    push_journal(&cfg, file.path(), 3).await.0.unwrap();
    // An editor takes one up.
    {
        let mut state = fake.state();
        let (_, props) = state.pages.iter_mut().next().unwrap();
        props.insert(
            "Estado".into(),
            json!({"id": "Estado", "type": "select", "select": {"name": "En curso"}}),
        );
    }

    // The same journal again: nothing new, nothing written.
    let (result, out) = push_journal(&cfg, file.path(), 3).await;
    assert_eq!(
        result.unwrap(),
        PushReport {
            rows: 3,
            created: 0,
            updated: 0,
            unchanged: 3
        }
    );
    assert!(out.lines().all(|l| l.starts_with("unchanged ")), "{out}");
    assert_eq!(fake.pages().len(), 3);
    let received = server.received_requests().await.unwrap();
    assert!(
        !received[7..]
            .iter()
            .any(|r| r.method.as_str() != "GET" && !r.url.path().ends_with("/query")),
        "the second push only queried"
    );

    // Two more of ALONE and of ONCE: the top 3 is now ALONE (5, updated), ONCE (3, created),
    // GUESSED (2, unchanged; ahead of FR's 2 by its text).
    append(
        &file,
        &[
            miss(at(20), ALONE, "es", None),
            miss(at(21), ONCE, "es", None),
            miss(at(22), ALONE, "es", None),
            miss(at(23), ONCE, "es", None),
        ],
    );
    let (result, out) = push_journal(&cfg, file.path(), 3).await;
    assert_eq!(
        result.unwrap(),
        PushReport {
            rows: 3,
            created: 1,
            updated: 1,
            unchanged: 1
        },
        "{out}"
    );
    assert_eq!(fake.pages().len(), 4);
    let alone = fake.page(ALONE);
    assert_eq!(alone["Veces"], 5);
    assert_eq!(alone["Ultima vez"], "2026-11-27T10:22:00.000+00:00");
    assert_eq!(alone["Estado"], "En curso", "an editor's change stays");
    assert_eq!(fake.page(ONCE)["Veces"], 3);
    // The update sent only the count and the watermark.
    let received = server.received_requests().await.unwrap();
    let patches: Vec<Value> = received
        .iter()
        .filter(|r| r.method.as_str() == "PATCH")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(
        patches,
        [json!({"properties": {
            "Veces": {"number": 5},
            "Ultima vez": {"date": {"start": "2026-11-27T10:22:00Z"}},
        }})]
    );

    // A new, empty journal after a deploy: its misses add to the totals.
    let fresh = journal(&[miss(at(60), ALONE, "es", None)]);
    push_journal(&cfg, fresh.path(), 3).await.0.unwrap();
    assert_eq!(fake.page(ALONE)["Veces"], 6);
    assert_eq!(fake.pages().len(), 4);
}

#[tokio::test]
async fn a_validation_error_is_one_line_and_loses_nothing() {
    let (server, fake) = fake_notion().await;
    fake.state().missing = vec!["Faceta sugerida"];
    let file = journal(&four_questions());
    let before = std::fs::read(file.path()).unwrap();

    let (result, _) = push_journal(&config(&server), file.path(), 3).await;
    let err = result.unwrap_err();
    let line = err.to_string();
    assert_eq!(
        line,
        format!(
            "row es \"{ALONE}\" (after 0 rows written): notion rejected the request (400 validation_error): Faceta sugerida is not a property that exists."
        )
    );
    assert!(!line.contains('\n'));
    assert!(fake.pages().is_empty());
    assert_eq!(
        std::fs::read(file.path()).unwrap(),
        before,
        "the journal is untouched"
    );

    // The operator adds the property; the same command finishes the job.
    fake.state().missing.clear();
    let (result, _) = push_journal(&config(&server), file.path(), 3).await;
    assert_eq!(result.unwrap().created, 3);
    assert_eq!(fake.page(ALONE)["Veces"], 3);
}

#[tokio::test]
async fn a_429_waits_for_retry_after_and_creates_once() {
    let (server, fake) = fake_notion().await;
    // The second create is refused once with Retry-After: 1.
    fake.state().rate_limit_creates = Some((1, 1, "1"));
    let file = journal(&four_questions());

    let started = Instant::now();
    let (result, _) = push_journal(&config(&server), file.path(), 3).await;
    assert_eq!(result.unwrap().created, 3);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After honoured"
    );
    assert_eq!(fake.pages().len(), 3, "no duplicate from the retry");
    let creates = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/v1/pages")
        .count();
    assert_eq!(creates, 4, "three creates and one retry");
}

#[tokio::test]
async fn a_notion_that_stays_rate_limited_is_one_line_and_a_rerun_finishes() {
    let (server, fake) = fake_notion().await;
    fake.state().rate_limit_creates = Some((1, MAX_ATTEMPTS as usize, "0"));
    let file = journal(&four_questions());

    let (result, out) = push_journal(&config(&server), file.path(), 3).await;
    let line = result.unwrap_err().to_string();
    assert_eq!(
        line,
        format!(
            "row es \"{GUESSED}\" (after 1 rows written): notion kept failing; gave up after {MAX_ATTEMPTS} attempts: http 429 rate_limited: Rate limited"
        )
    );
    assert_eq!(out, format!("created es \"{ALONE}\" (3)\n"));
    assert_eq!(fake.pages().len(), 1);

    let (result, out) = push_journal(&config(&server), file.path(), 3).await;
    let report = result.unwrap();
    assert_eq!((report.created, report.unchanged), (2, 1), "{out}");
    assert_eq!(fake.pages().len(), 3);
    assert_eq!(fake.page(ALONE)["Veces"], 3, "not counted twice");
}

#[tokio::test]
async fn personal_numbers_never_reach_notion() {
    let (server, fake) = fake_notion().await;
    // An old or hand-edited journal with numbers the pipeline would have hidden.
    let file = journal(&[
        miss(at(1), "mi dni es 12345678Z y no me dan cita", "es", None),
        miss(at(2), "mi dni es 87654321X y no me dan cita", "es", None),
        miss(at(3), "llamame al +34 612 345 678 por favor", "es", None),
        miss(at(4), "mon nie X1234567L est expiré", "fr", None),
    ]);

    let (result, out) = push_journal(&config(&server), file.path(), 20).await;
    result.unwrap();

    let secrets = [
        "12345678",
        "87654321",
        "612 345 678",
        "612345678",
        "1234567",
    ];
    for request in server.received_requests().await.unwrap() {
        let body = String::from_utf8_lossy(&request.body);
        let url = request.url.as_str();
        for s in secrets {
            assert!(!body.contains(s) && !url.contains(s), "{s} sent: {body}");
        }
    }
    for s in secrets {
        assert!(!out.contains(s), "{s} printed: {out}");
    }
    // The two DNI questions are one question once hidden.
    assert_eq!(fake.page("mi dni es […] y no me dan cita")["Veces"], 2);
    assert_eq!(fake.page("llamame al […] por favor")["Veces"], 1);
    assert_eq!(fake.page("mon nie […] est expiré")["Idioma"], "fr");
    assert_eq!(fake.pages().len(), 3);

    // A dry run prints what would be sent, hidden too, and sends nothing.
    let (rows, _) = backlog::rows(entries(file.path()).0, 20, &Responder::default());
    let mut printed = Vec::new();
    backlog::push(&NotionConfig::default(), &rows, true, &mut printed)
        .await
        .unwrap();
    let printed = String::from_utf8(printed).unwrap();
    assert_eq!(printed.lines().count(), 3);
    for line in printed.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["properties"], rows_by_title(&rows, &value));
    }
    for s in secrets {
        assert!(!printed.contains(s), "{s} printed: {printed}");
    }
}

fn rows_by_title(rows: &[BacklogRow], value: &Value) -> Value {
    let title = value["properties"]["Pregunta"]["title"][0]["text"]["content"]
        .as_str()
        .unwrap();
    rows.iter()
        .find(|r| r.question == title)
        .unwrap()
        .properties()
}

#[tokio::test]
async fn a_missing_database_or_token_is_named_and_nothing_is_sent() {
    let (server, _) = fake_notion().await;
    let file = journal(&four_questions());
    let cfg = NotionConfig {
        db_backlog: None,
        ..config(&server)
    };
    let (result, _) = push_journal(&cfg, file.path(), 3).await;
    assert_eq!(
        result.unwrap_err().to_string(),
        "NOTION_DB_BACKLOG is not set (needed unless --dry-run)"
    );
    let cfg = NotionConfig {
        token: None,
        ..config(&server)
    };
    let (result, _) = push_journal(&cfg, file.path(), 3).await;
    assert_eq!(
        result.unwrap_err().to_string(),
        "NOTION_TOKEN is not set (needed unless --dry-run)"
    );
    assert!(server.received_requests().await.unwrap().is_empty());

    let bad = NotionConfig::from_lookup(|n| {
        (n == "NOTION_DB_BACKLOG").then(|| "https://www.notion.so/Backlog".to_string())
    })
    .unwrap_err()
    .to_string();
    assert!(bad.starts_with("invalid NOTION_DB_BACKLOG: "), "{bad}");
    assert!(!bad.contains('\n'));
    let good = NotionConfig::from_lookup(|n| (n == "NOTION_DB_BACKLOG").then(|| DB.to_string()));
    assert_eq!(good.unwrap().db_backlog.as_deref(), Some(DB));
}

#[tokio::test]
async fn unreadable_lines_and_unknown_languages_are_skipped_and_counted() {
    let file = journal(&[
        miss(at(1), ALONE, "es", None),
        "{not json".to_string(),
        miss(at(2), ALONE, "de", None),
        miss(at(3), "   ", "es", None),
    ]);
    let (read, unreadable) = entries(file.path());
    assert_eq!(unreadable, 1, "the line that is not JSON");
    let (rows, bad) = backlog::rows(read, 20, &Responder::default());
    assert_eq!(bad, 2, "the unknown language and the blank question");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].times, [at(1)]);
}

#[tokio::test]
async fn the_command_pushes_with_the_environment_and_exits_two_without_a_database() {
    let (server, fake) = fake_notion().await;
    let file = journal(&four_questions());
    let (path, base) = (file.path().to_path_buf(), server.uri());
    let run = move |db: Option<&'static str>| {
        let (path, base) = (path.clone(), base.clone());
        tokio::task::spawn_blocking(move || {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_clara"));
            cmd.args(["promote", "--notion", "--top", "2"])
                .arg(&path)
                .env_clear()
                .env("NOTION_TOKEN", TOKEN)
                .env("NOTION_BASE_URL", base);
            if let Some(db) = db {
                cmd.env("NOTION_DB_BACKLOG", db);
            }
            cmd.output().unwrap()
        })
    };

    let out = run(Some(DB)).await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("created es \"{ALONE}\" (3)\ncreated es \"{GUESSED}\" (2)\n")
    );
    assert!(
        stderr.contains("2 frequent miss(es): 2 created, 0 updated, 0 unchanged"),
        "{stderr}"
    );
    assert!(!stderr.contains(TOKEN) && !String::from_utf8_lossy(&out.stdout).contains(TOKEN));
    assert_eq!(fake.pages().len(), 2);

    let out = run(None).await.unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "clara: NOTION_DB_BACKLOG is not set (needed unless --dry-run)"
    );
}
