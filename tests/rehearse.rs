//! `clara rehearse`: demo conversations through the real webhook, signed, in-process.

use std::io::Write as _;

use clara::cli::rehearse;

fn run(script: Option<&std::path::Path>) -> (bool, String) {
    let mut out = Vec::new();
    let passed = rehearse::run(script, &mut out).expect("the rehearsal runs");
    (passed, String::from_utf8(out).expect("UTF-8 output"))
}

fn script_file(json: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(json.as_bytes()).unwrap();
    file
}

#[test]
fn the_built_in_personas_get_the_intents_they_expect() {
    let (passed, out) = run(None);
    assert!(passed, "{out}");
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "turn", "persona", "lang", "intent", "source", "answer", "audio", "ms", "check"
        ]
    );
    // María asks about the IMV in Spanish: a cache hit with its recording.
    let maria = lines.next().unwrap();
    for cell in [
        "María",
        "es",
        "imv",
        "cache",
        "imv.descripcion.es.ogg",
        "ok",
    ] {
        assert!(
            maria.split_whitespace().any(|c| c == cell),
            "`{cell}` missing from: {maria}"
        );
    }
    let ms = maria.split_whitespace().nth_back(1).unwrap();
    assert!(
        ms.parse::<f64>().is_ok() && ms.split('.').nth(1).is_some_and(|d| d.len() == 2),
        "latency with two decimals: {ms}"
    );
    // Then her photo of a letter, Ahmed's padrón and Fatima's doctor, in French.
    assert!(
        out.lines()
            .any(|l| l.contains("María") && l.contains(" image "))
    );
    assert!(
        out.lines()
            .any(|l| l.contains("Ahmed") && l.contains(" fr ") && l.contains(" empadronamiento "))
    );
    assert!(
        out.lines().any(|l| l.contains("Fatima")
            && l.contains(" fr ")
            && l.contains(" tarjeta_sanitaria "))
    );
    assert!(out.contains("all as expected"), "{out}");
}

#[test]
fn a_wrong_expectation_fails_and_names_the_turn() {
    let file = script_file(
        r#"{"persona": "Tester", "turns": [
            {"text": "Hola", "expect": "greeting"},
            {"text": "¿Qué es el IMV?", "expect": "tarjeta_sanitaria"}
        ]}"#,
    );
    let (passed, out) = run(Some(file.path()));
    assert!(!passed, "{out}");
    assert!(
        out.contains("turn 2 (Tester): expected tarjeta_sanitaria, got imv"),
        "{out}"
    );
    assert!(!out.contains("turn 1 (Tester)"), "{out}");
    assert!(out.contains("1 of 2 turn(s) not as expected"), "{out}");
    let row = out
        .lines()
        .find(|l| l.contains("¿Qué") || l.contains("Ingreso"))
        .unwrap();
    assert!(row.trim_end().ends_with("FAIL"), "{row}");
}

#[test]
fn several_personas_voice_notes_guardrails_and_misses() {
    let file = script_file(
        r#"[
            {"persona": "Uno", "turns": [{"media": "audio/ogg", "expect": "none"}]},
            {"persona": "Dos", "turns": [
                {"text": "What is the weather like tomorrow in Madrid?", "expect": "none"},
                {"text": "menu"}
            ]}
        ]"#,
    );
    let (passed, out) = run(Some(file.path()));
    assert!(passed, "{out}");
    let rows: Vec<&str> = out.lines().skip(1).take(3).collect();
    // No transcription offline: the person is asked to type.
    assert!(
        rows[0].contains("none") && rows[0].contains("fallback"),
        "{out}"
    );
    assert!(
        rows[1].contains(" en ") && rows[1].contains("fallback"),
        "{out}"
    );
    // No expectation: not checked.
    assert!(
        rows[2].contains("menu") && rows[2].trim_end().ends_with('-'),
        "{out}"
    );
}

#[test]
fn unreadable_or_invalid_scripts_are_errors_not_failures() {
    let missing = rehearse::run(
        Some(std::path::Path::new("/nonexistent/clara-script.json")),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(
        format!("{missing:#}").contains("cannot read"),
        "{missing:#}"
    );
    let file = script_file(r#"{"persona": "P", "turns": [{"text": "x", "expect": "padron"}]}"#);
    let invalid = rehearse::run(Some(file.path()), &mut Vec::new()).unwrap_err();
    assert!(
        format!("{invalid:#}").contains("unknown intent `padron`"),
        "{invalid:#}"
    );
}
