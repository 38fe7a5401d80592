//! The hot cache compiler: `data/` + `audio/` → perfect-hash tables, rendered answers, their
//! TwiML, the audio manifest and the rkyv archive of the knowledge base, all in `$OUT_DIR`.
//!
//! Loading, validation and rendering live in `src/kb/compile.rs`, shared with `clara check`.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "src/kb/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/kb/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/kb/schema.rs"]
mod schema;

use compile::{Compiled, TermEntry};
use schema::{Facet, Lang};
use sha2::{Digest, Sha256};

fn main() -> ExitCode {
    let root =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for input in [
        "data",
        "audio",
        "src/kb/compile.rs",
        "src/kb/normalize.rs",
        "src/kb/schema.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    match compile::compile(&root) {
        Ok(compiled) => {
            write_archive(&compiled, &out);
            write_tables(&compiled, &out);
            ExitCode::SUCCESS
        }
        Err(problems) => {
            // One line per problem; cargo shows build-script stderr when the build fails.
            eprintln!("the knowledge base has {} problem(s):", problems.len());
            for problem in &problems {
                eprintln!("{problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The procedures as an rkyv archive, read zero-copy by the miss path as LLM context.
fn write_archive(compiled: &Compiled, out: &Path) {
    let archive = schema::KnowledgeBase {
        procedures: compiled.procedures.clone(),
    };
    let bytes =
        rkyv::to_bytes::<rkyv::rancor::Error>(&archive).expect("the knowledge base serializes");
    fs::write(out.join("kb.rkyv"), &bytes).expect("OUT_DIR is writable");
}

/// XML text escaping for TwiML bodies.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn term_source(t: &TermEntry) -> String {
    let opt = |s: Option<String>| s.map_or("None".to_string(), |s| format!("Some({s})"));
    format!(
        "Term {{ procedure: {}, weight: {}, facet: {}, conversational: {}, lang: {} }}",
        opt(t.procedure.map(|p| format!("ProcedureId::{p:?}"))),
        t.weight,
        opt(t.facet.map(|f| format!("Facet::{f:?}"))),
        opt(t.conversational.map(|c| format!("Conversational::{c:?}"))),
        opt(t.lang.map(|l| format!("Lang::{l:?}"))),
    )
}

fn phf_map<V>(
    name: &str,
    ty: &str,
    doc: &str,
    entries: impl Iterator<Item = (String, V)>,
    value: impl Fn(&V) -> String,
) -> String {
    let mut map = phf_codegen::Map::new();
    for (key, v) in entries {
        map.entry(key, value(&v));
    }
    format!(
        "/// {doc}\npub static {name}: phf::Map<&'static str, {ty}> = {};\n",
        map.build()
    )
}

fn write_tables(c: &Compiled, out: &Path) {
    let mut code = String::new();
    code.push_str(&phf_map(
        "TERMS",
        "Term",
        "Normalized words and phrases → what they route to.",
        c.terms.iter().map(|(k, v)| (k.clone(), *v)),
        term_source,
    ));
    code.push_str(&phf_map(
        "STEMS",
        "Term",
        "Normalized stems → what words starting with them route to.",
        c.stems.iter().map(|(k, v)| (k.clone(), *v)),
        term_source,
    ));
    for (name, table, doc) in [
        (
            "GUARD_TERMS",
            &c.guard_terms,
            "Guardrail words and phrases.",
        ),
        ("GUARD_STEMS", &c.guard_stems, "Guardrail stems."),
    ] {
        code.push_str(&phf_map(
            name,
            "GuardCategory",
            doc,
            table.iter().map(|(k, v)| (k.clone(), *v)),
            |g| format!("GuardCategory::{g:?}"),
        ));
    }

    let mut audio_ids = phf_codegen::Map::new();
    writeln!(
        code,
        "/// The embedded audio files.\npub static AUDIO: [AudioFile; {}] = [",
        c.audio.len()
    )
    .unwrap();
    for (i, a) in c.audio.iter().enumerate() {
        let hash = Sha256::digest(&a.bytes);
        let etag: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
        writeln!(
            code,
            "    AudioFile {{ name: {:?}, mime: {:?}, etag: \"\\\"{etag}\\\"\", bytes: include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/audio/\", {:?})) }},",
            a.name, a.mime, a.name
        )
        .unwrap();
        audio_ids.entry(a.name.clone(), i.to_string());
    }
    code.push_str("];\n");
    writeln!(code, "/// Audio file name → index into [`AUDIO`].\npub static AUDIO_BY_NAME: phf::Map<&'static str, u16> = {};", audio_ids.build()).unwrap();

    let mut answer_ids = phf_codegen::Map::new();
    writeln!(
        code,
        "/// Every rendered answer.\npub static ANSWERS: [Answer; {}] = [",
        c.answers.len()
    )
    .unwrap();
    for (i, a) in c.answers.iter().enumerate() {
        writeln!(
            code,
            "    Answer {{ id: {:?}, lang: Lang::{:?}, text: {:?}, twiml_body: {:?}, audio: {} }},",
            a.id,
            a.lang,
            a.text,
            xml_escape(&a.text),
            a.audio.map_or("None".to_string(), |i| format!("Some({i})")),
        )
        .unwrap();
        answer_ids.entry(a.id.clone(), i.to_string());
    }
    code.push_str("];\n");
    writeln!(code, "/// Answer id → index into [`ANSWERS`].\npub static ANSWER_IDS: phf::Map<&'static str, u16> = {};", answer_ids.build()).unwrap();

    writeln!(
        code,
        "/// `[procedure][facet][lang]` → index into [`ANSWERS`]; [`NO_ANSWER`] where the facet does not exist.\npub static PROCEDURE_ANSWERS: [[[u16; {}]; {}]; {}] = [",
        Lang::ALL.len(),
        Facet::ALL.len(),
        c.procedure_answers.len()
    )
    .unwrap();
    for table in &c.procedure_answers {
        code.push_str("    [");
        for row in table {
            let cells: Vec<String> = row
                .iter()
                .map(|i| i.map_or("NO_ANSWER".to_string(), |i| i.to_string()))
                .collect();
            write!(code, "[{}], ", cells.join(", ")).unwrap();
        }
        code.push_str("],\n");
    }
    code.push_str("];\n");
    writeln!(
        code,
        "/// `[curated][lang]` → index into [`ANSWERS`], in `Curated::ALL` order.\npub static CURATED_ANSWERS: [[u16; {}]; {}] = [",
        Lang::ALL.len(),
        c.curated_answers.len()
    )
    .unwrap();
    for row in &c.curated_answers {
        let cells: Vec<String> = row.iter().map(ToString::to_string).collect();
        writeln!(code, "    [{}],", cells.join(", ")).unwrap();
    }
    code.push_str("];\n");
    code.push_str(
        "/// The rkyv archive of the knowledge base, aligned for zero-copy access.\npub static KB_ARCHIVE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/kb.rkyv\")));\n",
    );
    fs::write(out.join("tables.rs"), code).expect("OUT_DIR is writable");
}
