//! `clara notion sync` and `clara notion report` against a wiremock Notion on 127.0.0.1
//! (API version 2025-09-03: databases resolve to data sources, pages live in data sources).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::time::{Duration, Instant};

use clara::cli::notion::{
    self, Estado, Evidence, Field, GateStatus, KbRow, MAX_ATTEMPTS, MAX_TEXT_CHARS, NOTION_VERSION,
    NotionConfig, NotionError, PENDING_MARKERS,
};
use clara::kb::{self, Facet, Lang, ProcedureId};
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "ntn_test-token-5f4e3d2c1b0a";
const DB_KB: &str = "0123456789abcdef0123456789abcdef";
const DB_TESTING: &str = "fedcba98-7654-3210-fedc-ba9876543210";
const DS_KB: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const DS_TESTING: &str = "bbbbbbbb-0000-4000-8000-000000000002";

/// A configuration pointing at `server`, with no pacing so that tests stay fast.
fn config(server: &MockServer) -> NotionConfig {
    NotionConfig {
        token: Some(TOKEN.into()),
        base_url: server.uri(),
        db_kb: Some(DB_KB.to_string()),
        db_testing: Some(DB_TESTING.to_string()),
        db_backlog: None,
        min_interval: Duration::ZERO,
    }
}

fn notion_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "object": "error", "status": status, "code": code, "message": message,
        "request_id": "00000000-0000-0000-0000-000000000000",
    }))
}

/// `GET /v1/databases/{id}` answering with one data source.
async fn mount_database(server: &MockServer, database: &str, source: &str) {
    Mock::given(method("GET"))
        .and(path(format!("/v1/databases/{database}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "database",
            "id": database,
            "data_sources": [{"id": source, "name": "KB"}],
        })))
        .mount(server)
        .await;
}

/// The data source query, answering with these pages every time.
async fn mount_query(server: &MockServer, results: Value) {
    Mock::given(method("POST"))
        .and(path(format!("/v1/data_sources/{DS_KB}/query")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "list", "results": results, "next_cursor": null, "has_more": false,
        })))
        .mount(server)
        .await;
}

async fn mount_create(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "page", "id": "new-page", "url": "https://www.notion.so/new-page",
        })))
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

fn body(request: &Request) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

/// An evidence file with the given statuses.
fn evidence_file(statuses: &[&str]) -> tempfile::NamedTempFile {
    let gates: Vec<Value> = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| json!({"name": format!("gate{i}"), "status": s, "reason": "because"}))
        .collect();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    let evidence = json!({
        "date": "2026-11-27T19:00:00Z",
        "commit": "abc1234",
        "gates": gates,
        "summary": "fmt ok; one test failed",
    });
    write!(file, "{evidence}").unwrap();
    file
}

/// The number of rows the knowledge base should give, counted from the compiled answers:
/// per procedure, `nombre` + `organismo` + each facet that has an answer, times the languages.
fn expected_rows() -> usize {
    ProcedureId::ALL
        .iter()
        .map(|&p| {
            let facets = Facet::ALL
                .iter()
                .filter(|&&f| kb::procedure_answer(p, f, Lang::Es).is_some())
                .count();
            (2 + facets) * Lang::ALL.len()
        })
        .sum()
}

#[tokio::test]
async fn every_request_carries_the_version_the_token_and_json() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([])).await;
    mount_create(&server).await;

    let mut out = Vec::new();
    notion::sync(&config(&server), false, &mut out)
        .await
        .unwrap();

    let received = requests(&server).await;
    assert_eq!(received.len(), 1 + 2 * expected_rows());
    for request in &received {
        assert_eq!(header(request, "notion-version"), Some("2025-09-03"));
        assert_eq!(NOTION_VERSION, "2025-09-03");
        assert_eq!(
            header(request, "authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        if request.method.as_str() != "GET" {
            assert_eq!(header(request, "content-type"), Some("application/json"));
        }
    }
    // The token is in no output line.
    assert!(!String::from_utf8(out).unwrap().contains(TOKEN));
}

#[tokio::test]
async fn the_database_is_resolved_to_its_data_source_first() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([])).await;
    mount_create(&server).await;

    notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap();

    let received = requests(&server).await;
    assert_eq!(received[0].method.as_str(), "GET");
    assert_eq!(received[0].url.path(), format!("/v1/databases/{DB_KB}"));
    // Every later query goes to the data source, never to the database.
    let queries: Vec<&Request> = received
        .iter()
        .filter(|r| r.url.path().ends_with("/query"))
        .collect();
    assert_eq!(queries.len(), expected_rows());
    for q in queries {
        assert_eq!(q.url.path(), format!("/v1/data_sources/{DS_KB}/query"));
    }
}

#[tokio::test]
async fn the_query_filters_on_title_field_and_language() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([])).await;
    mount_create(&server).await;

    notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap();

    let rows = notion::kb_rows();
    let queries: Vec<Value> = requests(&server)
        .await
        .iter()
        .filter(|r| r.url.path().ends_with("/query"))
        .map(body)
        .collect();
    assert_eq!(queries.len(), rows.len());
    assert_eq!(
        queries[0]["filter"],
        json!({"and": [
            {"property": "Tramite", "title": {"equals": "imv"}},
            {"property": "Campo", "select": {"equals": "nombre"}},
            {"property": "Idioma", "select": {"equals": "es"}},
        ]})
    );
    // Each row is looked up by its own key, in order.
    for (query, row) in queries.iter().zip(&rows) {
        let and = &query["filter"]["and"];
        assert_eq!(and[0]["title"]["equals"], row.procedure.as_str());
        assert_eq!(and[1]["select"]["equals"], row.field.as_str());
        assert_eq!(and[2]["select"]["equals"], row.lang.as_str());
    }
}

#[tokio::test]
async fn a_page_found_is_patched_with_the_properties() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([{"object": "page", "id": "page-1"}])).await;
    Mock::given(method("PATCH"))
        .and(path("/v1/pages/page-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"object": "page"})))
        .mount(&server)
        .await;

    let mut out = Vec::new();
    let report = notion::sync(&config(&server), false, &mut out)
        .await
        .unwrap();

    let rows = notion::kb_rows();
    assert_eq!((report.created, report.updated), (0, rows.len()));
    let received = requests(&server).await;
    assert!(
        !received
            .iter()
            .any(|r| r.method.as_str() == "POST" && r.url.path() == "/v1/pages"),
        "nothing is created when the page exists"
    );
    let patches: Vec<Value> = received
        .iter()
        .filter(|r| r.method.as_str() == "PATCH")
        .map(body)
        .collect();
    assert_eq!(patches.len(), rows.len());
    for (patch, row) in patches.iter().zip(&rows) {
        assert_eq!(patch, &json!({"properties": row.properties()}));
    }
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().next(), Some("updated imv.nombre.es"));
}

#[tokio::test]
async fn a_page_not_found_is_created_in_the_data_source() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([])).await;
    mount_create(&server).await;

    let report = notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap();

    let rows = notion::kb_rows();
    assert_eq!((report.created, report.updated), (rows.len(), 0));
    let creates: Vec<Value> = requests(&server)
        .await
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == "/v1/pages")
        .map(body)
        .collect();
    assert_eq!(creates.len(), rows.len());
    for (create, row) in creates.iter().zip(&rows) {
        assert_eq!(
            create["parent"],
            json!({"type": "data_source_id", "data_source_id": DS_KB})
        );
        assert_eq!(create["properties"], row.properties());
    }
    // One sample in full: the property types Notion expects.
    let p = &creates[0]["properties"];
    assert_eq!(p["Tramite"]["title"][0]["text"]["content"], "imv");
    assert_eq!(p["Campo"]["select"]["name"], "nombre");
    assert_eq!(p["Idioma"]["select"]["name"], "es");
    assert_eq!(
        p["Valor"]["rich_text"][0]["text"]["content"],
        kb::procedure(ProcedureId::Imv).nombre.es.as_str()
    );
    assert_eq!(
        p["Fuente URL"]["url"],
        kb::procedure(ProcedureId::Imv).fuente_url.as_str()
    );
    assert!(
        !p["Organismo"]["select"]["name"]
            .as_str()
            .unwrap()
            .contains(',')
    );
    assert_eq!(p["Estado"]["select"]["name"], "Verificado");
    assert!(p["Fecha verificacion"]["date"]["start"].is_string());
}

#[test]
fn rows_are_procedures_times_fields_times_languages() {
    let rows = notion::kb_rows();
    assert_eq!(rows.len(), expected_rows());
    // Every key once.
    let keys: BTreeSet<String> = rows.iter().map(KbRow::key).collect();
    assert_eq!(keys.len(), rows.len());
    // The IMV has its amounts; the others do not.
    assert!(keys.contains("imv.cuantia.ar"));
    assert!(
        !keys
            .iter()
            .any(|k| k.starts_with("empadronamiento.cuantia"))
    );
    // Every field in the four languages, and no empty text.
    let mut langs: BTreeMap<(ProcedureId, &str), usize> = BTreeMap::new();
    for row in &rows {
        *langs
            .entry((row.procedure, row.field.as_str()))
            .or_default() += 1;
        assert!(!row.valor.trim().is_empty(), "{}", row.key());
    }
    assert!(langs.values().all(|&n| n == Lang::ALL.len()));
}

#[test]
fn facet_text_is_the_summary_then_numbered_steps() {
    let rows = notion::kb_rows();
    let row = rows
        .iter()
        .find(|r| {
            r.procedure == ProcedureId::Imv
                && r.field == Field::Facet(Facet::Requisitos)
                && r.lang == Lang::Fr
        })
        .unwrap();
    let text = &kb::procedure(ProcedureId::Imv).facetas.requisitos.fr;
    assert!(row.valor.starts_with(text.resumen.as_str()));
    for (i, step) in text.pasos.iter().enumerate() {
        assert!(
            row.valor
                .contains(&format!("\n{}. {}", i + 1, step.as_str())),
            "step {i}"
        );
    }
}

#[test]
fn month_dates_become_the_first_of_the_month() {
    for row in notion::kb_rows() {
        let fecha = kb::procedure(row.procedure).fecha_verificacion.as_str();
        let expected = if fecha.len() == 7 {
            format!("{fecha}-01")
        } else {
            fecha.to_string()
        };
        assert_eq!(row.fecha_verificacion, expected);
        assert_eq!(
            row.properties()["Fecha verificacion"]["date"]["start"],
            expected
        );
    }
}

#[test]
fn a_field_is_pending_when_any_language_says_to_confirm() {
    let rows = notion::kb_rows();
    let mut groups: BTreeMap<(ProcedureId, &str), Vec<&KbRow>> = BTreeMap::new();
    for row in &rows {
        groups
            .entry((row.procedure, row.field.as_str()))
            .or_default()
            .push(row);
    }
    let mut seen = BTreeSet::new();
    for ((procedure, field), group) in groups {
        let marked = group.iter().any(|r| {
            let lower = r.valor.to_lowercase();
            PENDING_MARKERS.iter().any(|m| lower.contains(m))
        });
        let want = if marked {
            Estado::Pendiente
        } else {
            Estado::Verificado
        };
        for row in group {
            assert_eq!(row.estado, want, "{procedure}.{field}");
            assert_eq!(row.properties()["Estado"]["select"]["name"], want.as_str());
        }
        seen.insert(want.as_str());
    }
    // The data has both: names are verified, several facets say "por confirmar".
    assert_eq!(seen.len(), 2);
}

#[test]
fn long_text_is_split_at_two_thousand_characters() {
    // 5,000 characters of words with an Arabic sentence: three pieces, cut after whitespace.
    let text = "palabra مرحبا ".repeat(5000 / 14 + 1);
    let pieces = notion::split_rich_text(&text);
    let contents: Vec<&str> = pieces
        .iter()
        .map(|p| {
            assert_eq!(p["type"], "text");
            p["text"]["content"].as_str().unwrap()
        })
        .collect();
    assert_eq!(contents.len(), 3);
    for c in &contents {
        assert!(c.chars().count() <= MAX_TEXT_CHARS, "{}", c.chars().count());
    }
    assert!(contents[0].chars().count() > MAX_TEXT_CHARS - 20);
    assert!(contents[0].ends_with(' '), "cut after a space");
    assert_eq!(contents.concat(), text);

    // A text that fits is one piece; an empty one is no piece.
    assert_eq!(notion::split_rich_text("hola").len(), 1);
    assert_eq!(
        notion::split_rich_text(&"x".repeat(MAX_TEXT_CHARS)).len(),
        1
    );
    assert_eq!(
        notion::split_rich_text(&"x".repeat(MAX_TEXT_CHARS + 1)).len(),
        2
    );
    assert!(notion::split_rich_text("").is_empty());
}

#[test]
fn real_rows_fit_notion_limits() {
    for row in notion::kb_rows() {
        let properties = row.properties();
        for name in ["Valor", "Tramite"] {
            let kind = if name == "Tramite" {
                "title"
            } else {
                "rich_text"
            };
            let pieces = properties[name][kind].as_array().unwrap();
            assert!(!pieces.is_empty() && pieces.len() <= 100, "{}", row.key());
            let mut whole = String::new();
            for p in pieces {
                let content = p["text"]["content"].as_str().unwrap();
                assert!(content.encode_utf16().count() <= MAX_TEXT_CHARS);
                whole.push_str(content);
            }
            if name == "Valor" {
                assert_eq!(whole, row.valor);
            }
        }
        let organismo = properties["Organismo"]["select"]["name"].as_str().unwrap();
        assert!(!organismo.contains(',') && organismo.chars().count() <= 100);
    }
}

#[tokio::test]
async fn a_429_is_retried_after_its_retry_after() {
    let server = MockServer::start().await;
    mount_database(&server, DB_TESTING, DS_TESTING).await;
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .respond_with(
            notion_error(429, "rate_limited", "Rate limited").insert_header("Retry-After", "0"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_create(&server).await;

    let file = evidence_file(&["PASS"]);
    let mut out = Vec::new();
    notion::report(&config(&server), file.path(), false, &mut out)
        .await
        .unwrap();

    let received = requests(&server).await;
    let creates: Vec<&Request> = received
        .iter()
        .filter(|r| r.url.path() == "/v1/pages")
        .collect();
    assert_eq!(creates.len(), 2, "one 429, then the create that worked");
    assert_eq!(body(creates[0]), body(creates[1]));
    assert!(
        String::from_utf8(out)
            .unwrap()
            .starts_with("recorded verify")
    );
}

#[tokio::test]
async fn retries_are_bounded() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            notion_error(529, "service_overload", "Overloaded").insert_header("Retry-After", "0"),
        )
        .mount(&server)
        .await;

    let file = evidence_file(&["PASS"]);
    let err = notion::report(&config(&server), file.path(), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert!(
        matches!(err, NotionError::Exhausted { attempts, .. } if attempts == MAX_ATTEMPTS),
        "{err}"
    );
    assert!(err.to_string().contains("529 service_overload"), "{err}");
    assert_eq!(requests(&server).await.len(), MAX_ATTEMPTS as usize);
}

#[tokio::test]
async fn a_refused_token_is_one_clear_line() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(notion_error(401, "unauthorized", "API token is invalid."))
        .mount(&server)
        .await;

    let err = notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert!(matches!(err, NotionError::Unauthorized), "{err:?}");
    assert_eq!(
        err.to_string(),
        "NOTION_TOKEN was refused (401 unauthorized)"
    );
    // Not retried: one request.
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_database_not_shared_is_named() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/databases/{DB_KB}")))
        .respond_with(notion_error(
            404,
            "object_not_found",
            "Could not find database with ID. Make sure the relevant pages and databases are shared with your integration.",
        ))
        .mount(&server)
        .await;

    let err = notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "database {DB_KB} not found or not shared with the integration (404 object_not_found)"
        )
    );
}

#[tokio::test]
async fn a_validation_error_shows_notions_message() {
    let server = MockServer::start().await;
    mount_database(&server, DB_TESTING, DS_TESTING).await;
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .respond_with(notion_error(
            400,
            "validation_error",
            "Omitidos is not a property that exists.",
        ))
        .mount(&server)
        .await;

    let file = evidence_file(&["PASS"]);
    let err = notion::report(&config(&server), file.path(), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "notion rejected the request (400 validation_error): Omitidos is not a property that exists."
    );
}

#[tokio::test]
async fn a_failing_row_is_named_in_the_error() {
    let server = MockServer::start().await;
    mount_database(&server, DB_KB, DS_KB).await;
    mount_query(&server, json!([])).await;
    Mock::given(method("POST"))
        .and(path("/v1/pages"))
        .respond_with(notion_error(
            400,
            "validation_error",
            "Estado is expected to be select.",
        ))
        .mount(&server)
        .await;

    let err = notion::sync(&config(&server), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, NotionError::Row { key, done: 0, .. } if key == "imv.nombre.es"),
        "{err}"
    );
    assert!(
        err.to_string()
            .ends_with("(400 validation_error): Estado is expected to be select."),
        "{err}"
    );
}

#[tokio::test]
async fn dry_run_makes_no_request_and_prints_json_lines() {
    let server = MockServer::start().await;
    // No token, no databases: a dry run needs neither.
    let cfg = NotionConfig {
        token: None,
        db_kb: None,
        db_testing: None,
        ..config(&server)
    };

    let mut out = Vec::new();
    let report = notion::sync(&cfg, true, &mut out).await.unwrap();
    let rows = notion::kb_rows();
    assert_eq!(
        (report.rows, report.created, report.updated),
        (rows.len(), 0, 0)
    );
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        assert_eq!(line, &json!({"properties": row.properties()}));
    }

    let file = evidence_file(&["PASS", "FAIL"]);
    let mut out = Vec::new();
    notion::report(&cfg, file.path(), true, &mut out)
        .await
        .unwrap();
    let line: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(line["properties"]["Estado"]["select"]["name"], "FALLO");

    assert!(
        requests(&server).await.is_empty(),
        "a dry run sent requests"
    );
}

#[tokio::test]
async fn without_a_token_only_dry_runs_work() {
    let server = MockServer::start().await;
    let cfg = NotionConfig {
        token: None,
        ..config(&server)
    };
    let err = notion::sync(&cfg, false, &mut Vec::new())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "NOTION_TOKEN is not set (needed unless --dry-run)"
    );
    let cfg = NotionConfig {
        db_testing: None,
        ..config(&server)
    };
    let file = evidence_file(&["PASS"]);
    let err = notion::report(&cfg, file.path(), false, &mut Vec::new())
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        NotionError::Missing {
            name: "NOTION_DB_TESTING"
        }
    ));
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn report_appends_one_row_with_the_counts() {
    let server = MockServer::start().await;
    mount_database(&server, DB_TESTING, DS_TESTING).await;
    mount_create(&server).await;

    let file = evidence_file(&["PASS", "PASS", "PASS", "FAIL", "SKIP", "SKIP"]);
    let mut out = Vec::new();
    notion::report(&config(&server), file.path(), false, &mut out)
        .await
        .unwrap();

    let received = requests(&server).await;
    assert_eq!(received.len(), 2);
    assert_eq!(
        received[0].url.path(),
        format!("/v1/databases/{DB_TESTING}")
    );
    let create = body(&received[1]);
    assert_eq!(
        create,
        json!({
            "parent": {"type": "data_source_id", "data_source_id": DS_TESTING},
            "properties": {
                "Nombre": {"title": [{"type": "text", "text": {"content": "verify 2026-11-27T19:00:00Z abc1234"}}]},
                "Fecha": {"date": {"start": "2026-11-27T19:00:00Z"}},
                "Commit": {"rich_text": [{"type": "text", "text": {"content": "abc1234"}}]},
                "Pasados": {"number": 3},
                "Fallidos": {"number": 1},
                "Omitidos": {"number": 2},
                "Resumen": {"rich_text": [{"type": "text", "text": {"content": "fmt ok; one test failed"}}]},
                "Estado": {"select": {"name": "FALLO"}},
            }
        })
    );
    assert_eq!(
        String::from_utf8(out).unwrap().trim(),
        "recorded verify 2026-11-27T19:00:00Z abc1234 https://www.notion.so/new-page"
    );
}

#[test]
fn evidence_without_failures_is_ok_and_bad_files_are_named() {
    let file = evidence_file(&["PASS", "SKIP"]);
    let evidence = Evidence::read(file.path()).unwrap();
    assert_eq!(evidence.counts(), (1, 0, 1));
    assert_eq!(evidence.gates[1].status, GateStatus::Skip);
    assert_eq!(evidence.properties()["Estado"]["select"]["name"], "OK");
    // The struct writes what it reads, so the verify script's author can match it.
    let again: Evidence = serde_json::from_str(&serde_json::to_string(&evidence).unwrap()).unwrap();
    assert_eq!(again, evidence);

    let mut bad = tempfile::NamedTempFile::new().unwrap();
    write!(
        bad,
        r#"{{"date": "yesterday", "commit": "abc1234", "gates": []}}"#
    )
    .unwrap();
    let err = Evidence::read(bad.path()).unwrap_err().to_string();
    assert!(
        err.starts_with("cannot read evidence file") && err.contains("yesterday"),
        "{err}"
    );
    let mut bad = tempfile::NamedTempFile::new().unwrap();
    write!(
        bad,
        r#"{{"date": "2026-11-27", "commit": "abc", "gates": [{{"name": "fmt", "status": "OK"}}]}}"#
    )
    .unwrap();
    assert!(Evidence::read(bad.path()).is_err(), "OK is not a status");
}

#[tokio::test]
async fn requests_are_paced() {
    let server = MockServer::start().await;
    mount_database(&server, DB_TESTING, DS_TESTING).await;
    mount_create(&server).await;
    let cfg = NotionConfig {
        min_interval: Duration::from_millis(150),
        ..config(&server)
    };

    let file = evidence_file(&["PASS"]);
    let started = Instant::now();
    notion::report(&cfg, file.path(), false, &mut Vec::new())
        .await
        .unwrap();
    // Two requests: the second waits for the first's slot to end.
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(requests(&server).await.len(), 2);
}

#[test]
fn debug_never_shows_the_token() {
    let cfg = NotionConfig {
        token: Some(TOKEN.into()),
        ..NotionConfig::default()
    };
    let shown = format!("{cfg:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(shown.contains("REDACTED"), "{shown}");
}

#[test]
fn configuration_comes_from_the_environment_table() {
    let vars = [
        ("NOTION_TOKEN", TOKEN),
        ("NOTION_DB_KB", DB_KB),
        ("NOTION_DB_TESTING", DB_TESTING),
        ("NOTION_BASE_URL", "http://127.0.0.1:9/"),
    ];
    let cfg = NotionConfig::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
    .unwrap();
    assert_eq!(
        cfg.token.as_ref().map(ExposeSecret::expose_secret),
        Some(TOKEN)
    );
    assert_eq!(cfg.base_url, "http://127.0.0.1:9");
    assert_eq!(cfg.db_kb.as_deref(), Some(DB_KB));
    assert_eq!(cfg.db_testing.as_deref(), Some(DB_TESTING));
    assert_eq!(cfg.min_interval, notion::DEFAULT_MIN_INTERVAL);

    let empty = NotionConfig::from_lookup(|_| None).unwrap();
    assert_eq!(empty.base_url, notion::DEFAULT_BASE_URL);
    assert!(empty.token.is_none() && empty.db_kb.is_none());
}
