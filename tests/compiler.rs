//! The hot cache compiler's validation, on broken copies of the real content: each breakage
//! yields one precise line naming the file and the field.

use std::fs;
use std::path::{Path, PathBuf};

use clara::kb::compile::compile;
use serde_json::Value;

/// A temporary copy of `data/` (audio is left out unless a test adds it).
struct Fixture {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
            &dir.path().join("data"),
        );
        fs::create_dir_all(dir.path().join("audio")).unwrap();
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Edits a JSON file in place.
    fn edit(&self, rel: &str, f: impl FnOnce(&mut Value)) {
        let path = self.path(rel);
        let mut value: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut value);
        fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    }

    /// The problems, one line each.
    fn problems(&self) -> Vec<String> {
        match compile(self.dir.path()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    /// The one problem compiling fails with (asserts there is exactly one).
    fn the_problem(&self) -> String {
        let mut problems = self.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.remove(0)
    }

    /// Asserts that compiling fails with exactly this one problem.
    fn assert_problem(&self, expected: &str) {
        assert_eq!(self.problems(), vec![expected.to_string()]);
    }
}

#[test]
fn the_real_content_compiles() {
    let compiled = compile(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("data/ is valid");
    assert_eq!(compiled.procedures.len(), 8);
    // 8 procedures × 6 facets (with problemas) + the cuantía of the IMV, the NIE/TIE fee and
    // unemployment benefit, and the curated answers, in 4 languages, plus the FAQ (es, en).
    assert_eq!(clara::kb::Curated::ALL.len(), 20);
    assert_eq!(compiled.answers.len(), (8 * 6 + 3 + 20) * 4 + 2);
}

#[test]
fn missing_language() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["facetas"]["requisitos"]
            .as_object_mut()
            .unwrap()
            .remove("ar");
    });
    let problem = f.the_problem();
    // serde adds where in the file: "at line N column M".
    assert!(
        problem
            .starts_with("data/tramites/imv.json: facetas.requisitos: missing field `ar` at line "),
        "{problem}"
    );
}

#[test]
fn empty_facet_text() {
    let f = Fixture::new();
    f.edit("data/tramites/empadronamiento.json", |v| {
        v["facetas"]["plazos"]["fr"]["resumen"] = Value::from("  ");
    });
    f.assert_problem("data/tramites/empadronamiento.json: facetas.plazos.fr.resumen: empty text");
}

#[test]
fn malformed_url() {
    let f = Fixture::new();
    f.edit("data/tramites/tarjeta_sanitaria.json", |v| {
        v["fuente_url"] = Value::from("http//comunidad.madrid");
    });
    f.assert_problem(
        "data/tramites/tarjeta_sanitaria.json: fuente_url: malformed URL `http//comunidad.madrid` (expected https://host/...)",
    );
}

#[test]
fn answer_too_long() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["facetas"]["plazos"]["en"]["resumen"] = Value::from("a".repeat(1600));
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/tramites/imv.json: imv.plazos.en: answer too long: "),
        "{problem}"
    );
}

#[test]
fn keyword_claimed_by_two_procedures_with_equal_weight() {
    let f = Fixture::new();
    f.edit("data/tramites/tarjeta_sanitaria.json", |v| {
        v["vocabulario"]["fuerte"]["es"]
            .as_array_mut()
            .unwrap()
            .push(Value::from("IMV"));
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/tramites/tarjeta_sanitaria.json: vocabulario.fuerte.es[")
            && problem.contains(
                "term `IMV` is claimed by imv (data/tramites/imv.json: vocabulario.fuerte."
            )
            && problem.ends_with("and tarjeta_sanitaria with equal weight"),
        "{problem}"
    );
}

#[test]
fn keyword_listed_twice_for_one_procedure_with_two_weights() {
    // The lighter listing would never count: the stronger weight wins.
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["vocabulario"]["debil"]["es"]
            .as_array_mut()
            .unwrap()
            .push(Value::from("IMV"));
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/tramites/imv.json: vocabulario.debil.es[")
            && problem.contains("term `IMV` is already listed for imv with another weight")
            && problem.ends_with("keep one"),
        "{problem}"
    );
}

#[test]
fn keyword_with_different_weights_goes_to_the_stronger() {
    let f = Fixture::new();
    f.edit("data/tramites/tarjeta_sanitaria.json", |v| {
        v["vocabulario"]["debil"]["es"]
            .as_array_mut()
            .unwrap()
            .push(Value::from("imv"));
    });
    let compiled = compile(f.dir.path()).expect("different weights are allowed");
    assert_eq!(
        compiled.terms["imv"].procedure.map(|p| p.as_str()),
        Some("imv")
    );
}

#[test]
fn audio_file_that_no_answer_uses() {
    let f = Fixture::new();
    fs::write(f.path("audio/imv.descripcion.xx.mp3"), b"ID3").unwrap();
    f.assert_problem("audio/imv.descripcion.xx.mp3: audio file that no answer uses (no answer `imv.descripcion.xx`)");
}

#[test]
fn audio_file_is_attached_to_its_answer() {
    let f = Fixture::new();
    fs::write(f.path("audio/greeting.fr.mp3"), b"ID3 fake").unwrap();
    let compiled = compile(f.dir.path()).unwrap();
    let greeting = compiled
        .answers
        .iter()
        .find(|a| a.id == "greeting.fr")
        .unwrap();
    assert_eq!(
        compiled.audio[greeting.audio.unwrap()].name,
        "greeting.fr.mp3"
    );
}

#[test]
fn missing_curated_answer() {
    let f = Fixture::new();
    f.edit("data/answers/templates.json", |v| {
        v.as_object_mut().unwrap().remove("busy");
    });
    f.assert_problem(
        "data/answers: busy: missing curated answer (every build needs it in es, fr, en and ar)",
    );
}

#[test]
fn unknown_curated_id_is_a_typo() {
    let f = Fixture::new();
    f.edit("data/answers/templates.json", |v| {
        let busy = v["busy"].clone();
        v.as_object_mut().unwrap().insert("bussy".into(), busy);
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/answers/templates.json: bussy: unknown answer id"),
        "{problem}"
    );
}

#[test]
fn bad_date_and_short_stem_are_both_reported() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["fecha_verificacion"] = Value::from("marzo 2026");
        v["vocabulario"]["fuerte"]["fr"]
            .as_array_mut()
            .unwrap()
            .push(Value::from("rs*"));
    });
    let problems = f.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        "data/tramites/imv.json: fecha_verificacion: `marzo 2026` is not a date (expected YYYY-MM or YYYY-MM-DD)"
    );
    assert!(
        problems[1].ends_with("stem `rs*` must be one word of 4 to 63 bytes"),
        "{}",
        problems[1]
    );
}

#[test]
fn unknown_field_is_rejected() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["telefono"] = Value::from("900 20 22 22");
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/tramites/imv.json: telefono: unknown field `telefono`"),
        "{problem}"
    );
}

#[test]
fn override_replaces_the_rendered_answer() {
    let f = Fixture::new();
    fs::write(
        f.path("data/answers/overrides.json"),
        r#"[{"tramite": "imv", "faceta": "plazos", "idioma": "fr", "texto": "Texte revu. 900 20 22 22"}]"#,
    )
    .unwrap();
    let compiled = compile(f.dir.path()).unwrap();
    let answer = compiled
        .answers
        .iter()
        .find(|a| a.id == "imv.plazos.fr")
        .unwrap();
    assert_eq!(answer.text, "Texte revu. 900 20 22 22");
}

#[test]
fn override_of_a_missing_facet() {
    let f = Fixture::new();
    fs::write(
        f.path("data/answers/overrides.json"),
        r#"[{"tramite": "empadronamiento", "faceta": "cuantia", "idioma": "es", "texto": "x"}]"#,
    )
    .unwrap();
    f.assert_problem("data/answers/overrides.json: [0]: empadronamiento has no facet cuantia");
}

#[test]
fn check_command_reports_problems_and_fails() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["fuente_url"] = Value::from("not a url");
    });
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clara"))
        .arg("check")
        .arg(f.dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("data/tramites/imv.json: fuente_url: malformed URL `not a url`"),
        "{stderr}"
    );
}

#[test]
fn faq_entries_are_validated() {
    let f = Fixture::new();
    f.edit("data/answers/faq.json", |v| {
        v["padron_sin_contrato"]["tramite"] = Value::from("padron");
        v["padron_sin_contrato"]["texto"]
            .as_object_mut()
            .unwrap()
            .remove("en");
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with(
            "data/answers/faq.json: padron_sin_contrato.tramite: `padron` is not a procedure"
        ),
        "{problem}"
    );
    let f = Fixture::new();
    f.edit("data/answers/faq.json", |v| {
        v["padron_sin_contrato"]["texto"]
            .as_object_mut()
            .unwrap()
            .remove("en");
    });
    f.assert_problem("data/answers/faq.json: padron_sin_contrato.texto.en: questions in this language need an answer");
}

#[test]
fn facet_longer_than_a_phone_screen() {
    let f = Fixture::new();
    f.edit("data/tramites/arraigo.json", |v| {
        v["facetas"]["plazos"]["en"]["resumen"] = Value::from("word ".repeat(111));
        v["facetas"]["plazos"]["en"]["pasos"] = Value::from(Vec::<String>::new());
    });
    f.assert_problem(
        "data/tramites/arraigo.json: facetas.plazos.en: 111 words (at most 110: leave the rest to the official link)",
    );
}

#[test]
fn more_than_five_points() {
    let f = Fixture::new();
    f.edit("data/tramites/nie_tie.json", |v| {
        v["facetas"]["documentos"]["fr"]["pasos"] =
            Value::from(vec!["Un.", "Deux.", "Trois.", "Quatre.", "Cinq.", "Six."]);
    });
    f.assert_problem(
        "data/tramites/nie_tie.json: facetas.documentos.fr.pasos: 6 points (at most 5)",
    );
}

#[test]
fn arabic_number_outside_an_isolate() {
    let f = Fixture::new();
    f.edit("data/tramites/imv.json", |v| {
        v["facetas"]["plazos"]["ar"]["resumen"] = Value::from("انتظر 6 أشهر.");
    });
    f.assert_problem(
        "data/tramites/imv.json: imv.plazos.ar: `6` is not isolated: wrap numbers and Latin text in U+2066 … U+2069",
    );
}

#[test]
fn arabic_isolate_left_open() {
    let f = Fixture::new();
    f.edit("data/answers/menu.json", |v| {
        let text = v["menu"]["texto"]["ar"].as_str().unwrap().to_string();
        v["menu"]["texto"]["ar"] = Value::from(format!("{text} \u{2066}"));
    });
    f.assert_problem(
        "data/answers/menu.json: menu.ar: 1 isolate(s) opened and not closed (U+2069)",
    );
}

#[test]
fn phone_number_not_in_the_directory() {
    let f = Fixture::new();
    f.edit("data/tramites/justicia_gratuita.json", |v| {
        v["facetas"]["como_solicitar"]["es"]["resumen"] = Value::from("Llama al 913 22 01 89.");
    });
    f.assert_problem(
        "data/tramites/justicia_gratuita.json: justicia_gratuita.como_solicitar.es: phone number `913 22 01 89` is not in data/telefonos.json (add it there with its source, or remove it)",
    );
}

#[test]
fn procedure_phone_must_be_a_directory_id() {
    let f = Fixture::new();
    f.edit("data/tramites/empadronamiento.json", |v| {
        v["telefonos"] = Value::from(vec!["linea_madrid_010", "linea_madrid"]);
    });
    f.assert_problem(
        "data/tramites/empadronamiento.json: telefonos[1]: `linea_madrid` is not an id of data/telefonos.json",
    );
}

#[test]
fn directory_number_as_people_dial_it() {
    let f = Fixture::new();
    f.edit("data/telefonos.json", |v| {
        let entry = v
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["id"] == "emergencias_112")
            .unwrap();
        entry["numero"] = Value::from("1-1-2");
    });
    let problems = f.problems();
    assert!(
        problems.iter().any(|p| p.starts_with("data/telefonos.json: [")
            && p.ends_with("].numero: `1-1-2` is not a phone number as people dial it (digit groups and single spaces)")),
        "{problems:?}"
    );
}

#[test]
fn a_procedure_without_a_confirmed_phone_has_no_phone_line() {
    let compiled = compile(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("data/ is valid");
    let nie = compiled
        .procedures
        .iter()
        .find(|p| p.id == "nie_tie")
        .unwrap();
    assert!(
        nie.telefonos.is_empty(),
        "060 is not confirmed (KB-FACTS-2 §1)"
    );
    let answer = compiled
        .answers
        .iter()
        .find(|a| a.id == "nie_tie.descripcion.es")
        .unwrap();
    assert!(!answer.text.contains("📞"), "{}", answer.text);
    let padron = compiled
        .answers
        .iter()
        .find(|a| a.id == "empadronamiento.plazos.ar")
        .unwrap();
    assert!(
        padron.text.contains("\u{2066}010 · 915 298 210\u{2069}"),
        "numbers isolated in Arabic: {}",
        padron.text
    );
}

#[test]
fn a_no_alarm_phrase_must_share_a_word_with_a_guardrail_term() {
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["no_alarma"]["fr"] = Value::from(vec!["pompe a eau"]);
    });
    f.assert_problem(
        "data/vocabulario/compartido.json: no_alarma.fr[0]: `pompe a eau` shares no word with a guardrail term: nothing to except",
    );
}

#[test]
fn a_no_alarm_phrase_may_share_two_words_in_a_row_with_a_guardrail_term() {
    // "espera me va a" shares no long word with a term, but "va a" with "va a matar": it can
    // overlap that hit ("esta espera me va a matar"), so it is accepted.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["no_alarma"]["es"] = Value::from(vec!["espera me va a", "pompe a eau"]);
    });
    f.assert_problem(
        "data/vocabulario/compartido.json: no_alarma.es[1]: `pompe a eau` shares no word with a guardrail term: nothing to except",
    );
}

// Issue 13: the places people name (`data/vocabulario/lugares.json`) and the note about a place
// outside Madrid (`nota_fuera_de_madrid` of `data/plantillas.json`).

const PLACES: &str = "data/vocabulario/lugares.json";

#[test]
fn an_unknown_region_is_named() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        v["regiones"]["occitania"] = serde_json::json!(["toulouse"]);
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with(
            "data/vocabulario/lugares.json: regiones.occitania: unknown region (expected one of madrid, andalucia,"
        ),
        "{problem}"
    );
}

#[test]
fn every_region_is_listed() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        v["regiones"].as_object_mut().unwrap().remove("melilla");
    });
    f.assert_problem(
        "data/vocabulario/lugares.json: regiones.melilla: missing region (every region is listed; `madrid` with the places inside it)",
    );
}

#[test]
fn a_place_of_the_wrong_type_names_the_field() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        v["regiones"]["ceuta"] = serde_json::json!("ceuta");
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/lugares.json: regiones.ceuta: invalid type: string \"ceuta\", expected a sequence"),
        "{problem}"
    );
}

#[test]
fn a_place_is_listed_once_after_normalization() {
    let f = Fixture::new();
    // "Sevilla" is already in andalucia as "sevilla".
    f.edit(PLACES, |v| {
        v["regiones"]["murcia"]
            .as_array_mut()
            .unwrap()
            .push("Sevilla".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/lugares.json: regiones.murcia[")
            && problem.contains(
                "]: `Sevilla` is already listed (data/vocabulario/lugares.json: regiones.andalucia["
            ),
        "{problem}"
    );
}

#[test]
fn a_place_cannot_be_a_stem_nor_too_long() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        let ceuta = v["regiones"]["ceuta"].as_array_mut().unwrap();
        ceuta.push("ceut*".into());
        ceuta.push("la ciudad autonoma de ceuta en españa".into());
    });
    assert_eq!(
        f.problems(),
        [
            "data/vocabulario/lugares.json: regiones.ceuta[3]: `ceut*`: a place cannot be a stem",
            "data/vocabulario/lugares.json: regiones.ceuta[4]: `la ciudad autonoma de ceuta en españa` has more than 5 words",
        ]
    );
}

#[test]
fn a_place_cannot_take_a_vocabulary_word_or_a_guardrail_word() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        let ceuta = v["regiones"]["ceuta"].as_array_mut().unwrap();
        // A greeting, and a self-harm word: naming the place would route or alarm.
        ceuta.push("hola".into());
        ceuta.push("suicidarme".into());
    });
    let problems = f.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "data/vocabulario/lugares.json: regiones.ceuta[3]: `hola` is already a vocabulary term (data/vocabulario/compartido.json: conversacion.greeting.es["
        ),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with(
            "data/vocabulario/lugares.json: regiones.ceuta[4]: `suicidarme` is guardrail self_harm (data/vocabulario/compartido.json: guardarrailes.self_harm.es["
        ),
        "{}",
        problems[1]
    );
}

#[test]
fn a_place_phrase_cannot_swallow_a_vocabulary_word() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        v["regiones"]["ceuta"]
            .as_array_mut()
            .unwrap()
            .push("padron de ceuta".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with(
            "data/vocabulario/lugares.json: regiones.ceuta[3]: `padron de ceuta` would hide the vocabulary word `padron` (data/tramites/empadronamiento.json: vocabulario."
        ),
        "{problem}"
    );
}

#[test]
fn an_excluded_place_cannot_be_listed() {
    let f = Fixture::new();
    f.edit(PLACES, |v| {
        v["regiones"]["castilla_y_leon"]
            .as_array_mut()
            .unwrap()
            .push("León".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.ends_with("`León` is also excluded (excluidos.leon)"),
        "{problem}"
    );
}

#[test]
fn the_note_about_elsewhere_gives_no_phone_number() {
    let f = Fixture::new();
    f.edit("data/plantillas.json", |v| {
        v["es"]["nota_fuera_de_madrid"] = Value::from("Fuera de Madrid es distinto: llama al 012.");
    });
    assert_eq!(
        f.problems(),
        [
            "data/plantillas.json: es.nota_fuera_de_madrid: phone number `012`: the note gives none (the answers' lines are Madrid's)"
        ]
    );
}

#[test]
fn the_note_about_elsewhere_isolates_latin_text_in_arabic() {
    let f = Fixture::new();
    f.edit("data/plantillas.json", |v| {
        v["ar"]["nota_fuera_de_madrid"] = Value::from("ذكرتَ مكانًا خارج Madrid.");
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/plantillas.json: ar.nota_fuera_de_madrid: "),
        "{problem}"
    );
}

#[test]
fn the_note_about_elsewhere_is_required_in_every_language() {
    let f = Fixture::new();
    f.edit("data/plantillas.json", |v| {
        v["fr"]
            .as_object_mut()
            .unwrap()
            .remove("nota_fuera_de_madrid");
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/plantillas.json: fr: missing field `nota_fuera_de_madrid`"),
        "{problem}"
    );
}

#[test]
fn the_danger_note_gives_112_024_016_and_only_numbers_from_the_directory() {
    let f = Fixture::new();
    f.edit("data/plantillas.json", |v| {
        v["en"]["nota_violencia"] = Value::from("💜 Call the police: 📞 *091*.");
        v["fr"]["nota_violencia"] =
            Value::from("🆘 📞 *112*, 📞 *024*. 💜 Violences : 📞 *016* ou le 📞 *0800 123 456*.");
    });
    let problems = f.problems();
    assert_eq!(
        problems,
        [
            "data/plantillas.json: fr.nota_violencia: phone number `0800 123 456` is not in data/telefonos.json (add it there with its source, or remove it)",
            "data/plantillas.json: en.nota_violencia: the note gives no 112",
            "data/plantillas.json: en.nota_violencia: the note gives no 024",
            "data/plantillas.json: en.nota_violencia: the note gives no 016",
        ],
        "{problems:?}"
    );
}

#[test]
fn a_support_phrase_is_at_most_four_words() {
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["apoyo"]["en"]
            .as_array_mut()
            .unwrap()
            .push("my ex used to hit me".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: apoyo.en["),
        "{problem}"
    );
}

#[test]
fn an_account_of_violence_is_not_also_a_violence_alarm() {
    // A term is one or the other: listed in both, which one applies would depend on the order.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["relatos"]["es"]
            .as_array_mut()
            .unwrap()
            .push("me pega".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: relatos.es[")
            && problem.contains("`me pega` is already guardrail violence (data/vocabulario/compartido.json: guardarrailes.violence.es["),
        "{problem}"
    );
}

#[test]
fn an_account_of_violence_is_a_term_of_at_most_four_words() {
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["relatos"]["en"] = Value::from(vec!["was raped", "i was raped in my country"]);
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: relatos.en[1]: "),
        "{problem}"
    );
}

#[test]
fn a_request_word_routes_nothing() {
    // "pedir" picks the part "how to apply": as a request word it would also say the person
    // wants something in every message that says it.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["peticiones"]["es"]
            .as_array_mut()
            .unwrap()
            .push("pedir".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: peticiones.es[")
            && problem.contains("term `pedir` is in `peticiones` and also routes"),
        "{problem}"
    );
}

#[test]
fn an_amount_question_word_is_a_term_of_the_amount() {
    // "cuando" asks about deadlines: listed as opening an amount question, it would turn "when
    // can I get it" into a question about money.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["preguntas_cuantia"]["es"]
            .as_array_mut()
            .unwrap()
            .push("cuando".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: preguntas_cuantia.es[")
            && problem.ends_with("`cuando` is not a term of facetas.cuantia"),
        "{problem}"
    );
}

#[test]
fn a_what_to_do_phrase_is_a_term_of_how_to_apply() {
    // Listed without being a way to ask how to apply, it would mark nothing.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["preguntas_que_hacer"]["en"]
            .as_array_mut()
            .unwrap()
            .push("what happens".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: preguntas_que_hacer.en[")
            && problem.ends_with("`what happens` is not a term of facetas.como_solicitar"),
        "{problem}"
    );
}

#[test]
fn a_purpose_word_is_one_word() {
    // The responder compares each purpose word with one token: a phrase would never match.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["finalidad"]["fr"]
            .as_array_mut()
            .unwrap()
            .push("afin de".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: finalidad.fr[")
            && problem.ends_with("`afin de` must be one word"),
        "{problem}"
    );
}

#[test]
fn a_continuation_is_one_or_two_words() {
    // The responder compares each with the message's first one or two tokens.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["continuacion"]["en"]
            .as_array_mut()
            .unwrap()
            .push("and what about".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: continuacion.en[")
            && problem.ends_with("`and what about` must be one or two words"),
        "{problem}"
    );
}

#[test]
fn a_correction_is_one_to_four_words() {
    // The responder compares each with the message's opening tokens, at most four at a time.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["correccion"]["fr"]
            .as_array_mut()
            .unwrap()
            .push("je me suis bien trompe".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: correccion.fr[")
            && problem.ends_with("`je me suis bien trompe` has more than 4 words"),
        "{problem}"
    );
}

#[test]
fn a_lack_is_one_to_three_words() {
    // The responder compares each with the one to three tokens before a procedure.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["carencia"]["en"]
            .as_array_mut()
            .unwrap()
            .push("i do not have".into());
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with("data/vocabulario/compartido.json: carencia.en[")
            && problem.ends_with("`i do not have` must be one to three words"),
        "{problem}"
    );
}

#[test]
fn arabizi_language_hints_are_written_in_latin_letters() {
    // Arabic script is recognised by itself; an Arabic word among the Darija hints is a mistake.
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["idiomas"]["ar"] = Value::from(vec!["bghit", "بغيت"]);
    });
    f.assert_problem(
        "data/vocabulario/compartido.json: idiomas.ar[1]: Arabic script needs no hint: list only Darija written in Latin letters",
    );
}

#[test]
fn a_language_hint_names_a_known_language() {
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["idiomas"]["pt"] = Value::from(vec!["voce"]);
    });
    f.assert_problem("data/vocabulario/compartido.json: idiomas.pt: expected es, fr, en or ar");
}

#[test]
fn an_unknown_conversational_kind_is_named_with_the_kinds_there_are() {
    let f = Fixture::new();
    f.edit("data/vocabulario/compartido.json", |v| {
        v["conversacion"]["gracias"] =
            serde_json::json!({"es": ["gracias"], "fr": [], "en": [], "ar": []});
    });
    let problem = f.the_problem();
    assert!(
        problem.starts_with(
            "data/vocabulario/compartido.json: conversacion.gracias: unknown kind (expected one of "
        ) && problem.contains("thanks"),
        "{problem}"
    );
}
