//! `clara eval`: the evaluation set scored through the compiled responder, and its floors.

use std::process::Command;

fn eval(dir: &std::path::Path) -> (Option<i32>, String, String) {
    eval_with(dir, &[])
}

fn eval_with(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_clara"))
        .arg("eval")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A tiny set: one message per measure, written as people write.
fn fixture(floors: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("messages.jsonl"),
        [
            r#"{"id":"es-1","lang":"es","text":"¿Qué es el ingreso mínimo vital?","procedure":"imv","facet":"descripcion"}"#,
            r#"{"id":"es-2","lang":"es","text":"necesito el nie para trabajar, como pido cita","procedure":"nie_tie","facet":"como_solicitar"}"#,
            r#"{"id":"en-1","lang":"en","text":"what documents do I need for the padron","procedure":"empadronamiento","facet":"documentos"}"#,
            r#"{"id":"es-3","lang":"es","text":"muchas gracias por todo","procedure":null,"facet":null}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("crisis.jsonl"),
        [
            r#"{"id":"c-1","lang":"es","text":"quiero suicidarme","procedure":null,"facet":null,"crisis":"self_harm"}"#,
            r#"{"id":"n-1","lang":"es","text":"¿qué papeles necesito para la tarjeta sanitaria?","procedure":"tarjeta_sanitaria","facet":"documentos","crisis":null}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("conversations.jsonl"),
        r#"{"id":"c1","lang":"fr","turns":[{"user":"bonjour","expect":{"kind":"greeting","lang":"fr"}},{"user":"1","expect":{"procedure":"imv","lang":"fr"}},{"user":"7","expect":{"procedure":"imv","facet":"problemas"}},{"user":"2","expect":{"procedure":"imv","facet":"requisitos","lang":"fr"}}]}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("floors.json"), floors).unwrap();
    dir
}

#[test]
fn scores_each_language_and_passes_its_floors() {
    let dir = fixture(r#"{"es": {"procedure": 1.0, "crisis": 1.0, "no_false_alarm": 1.0}}"#);
    let (code, out, err) = eval(dir.path());
    assert_eq!(code, Some(0), "{out}{err}");
    let es = out
        .lines()
        .find(|l| l.starts_with("| es |"))
        .expect("an es row");
    // procedure: imv, nie_tie + tarjeta_sanitaria; not misrouted: the thanks; crisis: one of one.
    assert!(es.contains("| 3/3 (100 %) |"), "{es}");
    assert!(es.contains("1/1 (100 %)"), "{es}");
    assert!(out.lines().any(|l| l.starts_with("| en |")), "{out}");
    // Four turns scored, the problemas facet included (7 is the IMV's seventh facet).
    let fr = out
        .lines()
        .find(|l| l.starts_with("| fr |"))
        .expect("a fr row");
    assert!(fr.ends_with("| 4/4 (100 %) |"), "{fr}");
    assert!(out.trim_end().ends_with("eval: PASS"), "{out}");
}

#[test]
fn a_measure_below_its_floor_fails_and_says_which() {
    // No floor can be above 100 %: ask for more than the set can give on language, for en.
    let dir = fixture(r#"{"en": {"language": 1.01}}"#);
    let (code, out, _) = eval(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("below floor: en language: 100 % < floor 101 %"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("eval: FAIL"), "{out}");
}

#[test]
fn wrong_lists_each_case_answered_wrong_with_what_clara_said() {
    let dir = fixture("{}");
    let messages = dir.path().join("messages.jsonl");
    // Expected the requirements; it asks for the papers.
    let text = std::fs::read_to_string(&messages).unwrap()
        + "\n{\"id\":\"es-9\",\"lang\":\"es\",\"text\":\"que papeles piden para el padron\",\"procedure\":\"empadronamiento\",\"facet\":\"requisitos\"}\n";
    std::fs::write(&messages, text).unwrap();
    let (code, out, _) = eval_with(dir.path(), &["--wrong"]);
    assert_eq!(code, Some(0), "{out}");
    let wrong: Vec<&str> = out.lines().filter(|l| l.starts_with("wrong: ")).collect();
    assert_eq!(
        wrong,
        ["wrong: es-9: \"que papeles piden para el padron\" → empadronamiento/documentos/es"],
        "{out}"
    );
    // Without the flag, only the table.
    let (_, out, _) = eval(dir.path());
    assert!(!out.contains("wrong: "), "{out}");
}

#[test]
fn a_broken_line_is_named_with_its_file_and_line() {
    let dir = fixture("{}");
    let messages = dir.path().join("messages.jsonl");
    let text = std::fs::read_to_string(&messages).unwrap() + "\n{\"id\": oops}\n";
    std::fs::write(&messages, text).unwrap();
    let (code, _, err) = eval(dir.path());
    assert_ne!(code, Some(0));
    assert!(
        err.contains("messages.jsonl: line 5: not an eval case"),
        "{err}"
    );
}

/// The project's own set holds its floors (the same check CI runs with `clara eval`).
#[test]
fn the_projects_evaluation_set_holds_its_floors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/evals");
    let (code, out, err) = eval(&dir);
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn a_danger_message_gets_112_from_its_crisis_answer_or_the_danger_note_not_from_paperwork() {
    let dir = fixture(r#"{"es": {"emergency_lines": 1.0}}"#);
    let crisis = dir.path().join("crisis.jsonl");
    let text = std::fs::read_to_string(&crisis).unwrap()
        // A paperwork answer followed by the danger note, and a refusal (not a danger to the
        // person: not counted for 112).
        + "\n{\"id\":\"c-2\",\"lang\":\"es\",\"text\":\"hay sangre en el suelo, que papeles piden para el padron?\",\"procedure\":null,\"facet\":null,\"crisis\":\"medical\"}"
        + "\n{\"id\":\"c-3\",\"lang\":\"es\",\"text\":\"quiero comprar un arma\",\"procedure\":null,\"facet\":null,\"crisis\":\"weapons\"}\n";
    std::fs::write(&crisis, &text).unwrap();
    let (code, out, err) = eval(dir.path());
    assert_eq!(code, Some(0), "{out}{err}");
    let es = out.lines().find(|l| l.starts_with("| es |")).unwrap();
    // crisis: the note is not the crisis answer (2 of 3); 112 given: both danger messages.
    assert!(es.contains("| 2/3 (67 %) | 2/2 (100 %) |"), "{es}");
    // The paperwork alone, for a message about self-harm, fails the floor.
    std::fs::write(
        &crisis,
        text + "{\"id\":\"c-4\",\"lang\":\"es\",\"text\":\"¿qué es el ingreso mínimo vital?\",\"procedure\":null,\"facet\":null,\"crisis\":\"self_harm\"}\n",
    )
    .unwrap();
    let (code, out, _) = eval(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("below floor: es emergency_lines: 67 % < floor 100 %"),
        "{out}"
    );
}

/// Follow-ups written by someone who had not read the lexicon (`tests/fixtures/
/// conversations_by_others.jsonl`: the part asked without the procedure's name, a pronoun, a
/// number after an answer, "menu" then a number, a language switch then a number). Of 40 scripts
/// written, these 33 are answered right in every turn. As written, 180 of their 205 turns were
/// answered right; 193 after a bare language switch kept the conversation's procedure and a few
/// terms (the other scripts wait for a next round). A second writer's 48 scripts (`conv3-*`) ask
/// the same part of another procedure ("¿y pal padrón?", "and for the health card?",
/// "والشوماج؟"): 145 of their 196 turns were answered right as written, 195 after such a message
/// kept the part answered last; the 47 answered right in every turn are here. A third set of 40
/// (`conv5-*`: a question split over messages, "y mi mujer tambien puede?", "what if they say
/// no", corrections such as "no, no el NIE, la tarjeta roja"): 132 of 152 turns as written, 146
/// after a procedure named as lacked or not meant stopped taking the message and 24 terms; the 34
/// answered right in every turn are here. A fourth set of 48 (`conv6-*`: follow-ups told as
/// situations, "my passport is expired tho", pronouns, corrections that keep the part, thanks
/// such as "que Dios le bendiga" or "jazakallah"): 193 of 265 turns as written, 227 after
/// corrections kept the part, a language tie kept the conversation's and about 220 terms; the 24
/// answered right in every turn are here. A fifth set of 80 (`conv7-*`: one question over several
/// messages, the part first and the procedure next, a greeting with a question then a number,
/// corrections, "and if I don't have the padrón?"): 201 of 312 turns on the session's starting
/// code, 256 as written on the code that remembers a part asked before any procedure, 282 after
/// a greeting with a question lists the procedures, a lack said as a condition and a few terms,
/// 285 after the next set's terms; the 58 answered right in every turn are here. A sixth set of
/// 80 (`conv8-*`, the same themes from writers of Spanish, French and English as a second
/// language, Darija, Syrian and Egyptian Arabic), not read before it was measured: 219 of 350
/// turns on the session's starting code, 281 as written on the code that learnt from `conv7-*`,
/// 305 after more correction openers, thanks and dialect terms, 312 after a lack written into a
/// procedure's term counted as a condition; the 53 answered right in every turn are here. A
/// seventh set of 100 (`conv9-*`: a question cut into pieces, "ok" and voice notes between
/// questions, menu numbers then words, switches of language, and going back to the procedure
/// before with "y el otro", "et pour l'autre", "والأول؟"), not read before it was measured: 352
/// of 405 turns as written, the same on the session's starting code, 362 after "the other one"
/// was understood, 372 after a menu number corrected ("no, el 1") and a few greetings and
/// thanks, 375 after a few Arabic terms; the 75 answered right in every turn are here. An
/// eighth set of 60 (`conv10-*`: the same themes, and two topics announced in one message),
/// not read before it was measured: 295 of 331 turns as written, 300 after the procedure named
/// with the answered one became "the other one" and a few thanks, plazos and correction terms,
/// 301 after "como le saco"; the 38 answered right in every turn are here.
#[test]
fn follow_ups_written_by_others_are_answered_in_every_turn() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::copy(
        fixtures.join("conversations_by_others.jsonl"),
        dir.path().join("conversations.jsonl"),
    )
    .unwrap();
    std::fs::write(dir.path().join("messages.jsonl"), "").unwrap();
    std::fs::write(dir.path().join("crisis.jsonl"), "").unwrap();
    std::fs::write(
        dir.path().join("floors.json"),
        r#"{"es": {"conversation": 1.0}, "fr": {"conversation": 1.0}, "en": {"conversation": 1.0}, "ar": {"conversation": 1.0}}"#,
    )
    .unwrap();
    let (code, out, err) = eval(dir.path());
    assert_eq!(code, Some(0), "{out}{err}");
    for lang in ["es", "fr", "en", "ar"] {
        let row = out
            .lines()
            .find(|l| l.starts_with(&format!("| {lang} |")))
            .unwrap_or_else(|| panic!("a {lang} row: {out}"));
        assert!(
            row.ends_with("(100 %) |") && !row.ends_with("| 0/0 (100 %) |"),
            "{row}"
        );
    }
}
