//! The hot cache compiler: `data/` + `audio/` → perfect-hash tables, rendered answers, their
//! TwiML, the audio manifest and the rkyv archive of the knowledge base, all in `$OUT_DIR`.
//!
//! Loading, validation and rendering live in `src/kb/compile.rs`, shared with `clara check`.

use std::collections::{BTreeMap, BTreeSet};
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
#[path = "src/kb/readable.rs"]
mod readable;
#[allow(dead_code)]
#[path = "src/kb/schema.rs"]
mod schema;
#[allow(dead_code)]
#[path = "src/kb/spelling.rs"]
mod spelling;

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
        "src/kb/readable.rs",
        "src/kb/schema.rs",
        "src/kb/spelling.rs",
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

fn term_source(t: &TermEntry) -> String {
    let opt = |s: Option<String>| s.map_or("None".to_string(), |s| format!("Some({s})"));
    format!(
        "Term {{ procedure: {}, weight: {}, facet: {}, conversational: {}, lang: {}, place: {}, support: {}, want: {}, asks_amount: {}, what_to_do: {} }}",
        opt(t.procedure.map(|p| format!("ProcedureId::{p:?}"))),
        t.weight,
        opt(t.facet.map(|f| format!("Facet::{f:?}"))),
        opt(t.conversational.map(|c| format!("Conversational::{c:?}"))),
        opt(t.lang.map(|l| format!("Lang::{l:?}"))),
        opt(t.place.map(|r| format!("Region::{r:?}"))),
        t.support,
        t.want,
        t.asks_amount,
        t.what_to_do,
    )
}

/// Source of a `Lexicon` static: words with phrase heads, stems and stem heads, and `folded`,
/// the name of the static holding its spelling folds, if it has one.
fn lexicon<V: Copy>(
    name: &str,
    ty: &str,
    doc: &str,
    words: &BTreeMap<String, V>,
    stems: &BTreeMap<String, V>,
    folded: Option<&str>,
    value: impl Fn(&V) -> String,
) -> String {
    let mut word_map = phf_codegen::Map::new();
    for (key, v) in words {
        word_map.entry(key.as_str(), value(v));
    }
    // Each key, and each start of a phrase followed by a space ("no ", "no quiero "): the
    // responder extends a phrase only while the filter may hold its start.
    let word_hashes = words.keys().flat_map(|key| {
        let starts = key.match_indices(' ').map(|(at, _)| &key[..=at]);
        std::iter::once(key.as_str())
            .chain(starts)
            .map(|k| normalize::fnv(normalize::FNV_OFFSET, k.as_bytes()))
    });
    // And the first word of each Arabic key, which a token may reach once its prefix is taken
    // off ("والبطاقه" → "بطاقه"), under its own hash (`normalize::bare_hash`).
    let bare_hashes = words
        .keys()
        .map(|key| key.split(' ').next().unwrap_or_default())
        .filter(|first| normalize::starts_arabic(first))
        .map(normalize::bare_hash);
    let word_hashes = word_hashes.chain(bare_hashes);
    let mut stem_map = phf_codegen::Map::new();
    for (key, v) in stems {
        stem_map.entry(key.as_str(), value(v));
    }
    let stem_lengths = stems
        .keys()
        .fold(0u64, |mask, k| mask | 1 << k.len().min(63));
    let folded = folded.map_or("None".to_string(), |f| format!("Some(&{f})"));
    format!(
        "/// {doc}\npub static {name}: Lexicon<{ty}> = Lexicon {{ words: {}, stems: {}, word_heads: {}, word_keys: {}, stem_heads: {}, stem_keys: {}, stem_lengths: {stem_lengths:#x}, folded: {folded} }};\n",
        word_map.build(),
        stem_map.build(),
        // A token is one word: a phrase is headed by its first word's bytes, not by "m ".
        heads(
            words
                .keys()
                .map(|k| k.split(' ').next().unwrap_or_default())
        ),
        filter(word_hashes),
        heads(stems.keys().map(String::as_str)),
        keys(stems.keys().map(String::as_str)),
    )
}

/// What the spelling folds of a lexicon are drawn from and checked against.
struct FoldSource<'a, V> {
    /// The lexicon's words and phrases, or its stems.
    table: &'a BTreeMap<String, V>,
    /// Whether a key is folded: the folds are Spanish and Darija spellings, so French and English
    /// words are left as written ("the" is not "te", "ce" is not "se").
    foldable: &'a dyn Fn(&V) -> bool,
    /// A single word (or stem) whose fold is shorter than this is left exact: short words fold
    /// together too easily ("all" and "ay", "than" and "tan", Darija "3la" and "ahla").
    min_bytes: usize,
    /// The folds of ordinary words (those of the answers, spelled right) → those words.
    ordinary: &'a BTreeMap<String, BTreeSet<String>>,
}

/// Whether ordinary words spell `key`'s fold differently from `key`: then a token with that fold
/// is more likely that other word than a misspelling of the key ("carta", a letter, and Arabizi
/// "karta"; "la carta" and "la karta"). A word of a phrase may be spelled as in the key, but
/// every word must have an ordinary spelling and one of them another one. A single word that is
/// itself a key routing the same is no other reading.
fn read_otherwise<V: PartialEq>(key: &str, v: &V, source: &FoldSource<'_, V>) -> bool {
    let mut buf = [0u8; spelling::MAX_FOLD_BYTES];
    let mut other = false;
    for word in key.split(' ') {
        let Some(folded) = spelling::fold_word(word, &mut buf) else {
            return false;
        };
        let Some(spellings) = source.ordinary.get(folded) else {
            return false;
        };
        other |= spellings.iter().any(|w| {
            w != word && (key.contains(' ') || source.table.get(w).is_none_or(|o| o != v))
        });
    }
    other
}

/// The spelling folds of a table's keys (`src/kb/spelling.rs`, the fold the responder applies to
/// a token that matched nothing as written) → the value of the key they fold from. Left out: a
/// fold shared by keys that route differently, or that is itself a key routing differently (it
/// cannot tell which was meant), and a key that ordinary words read otherwise (see
/// [`read_otherwise`]). Keys that route the same ("3andi"/"3ndi") may share a fold.
fn spelling_folds<V: Copy + PartialEq>(source: &FoldSource<'_, V>) -> BTreeMap<String, V> {
    // fold → (the value its keys route to, `None` once two disagree; whether a key that is not
    // read otherwise gives it). A key read otherwise still makes its fold ambiguous.
    let mut folds: BTreeMap<String, (Option<V>, bool)> = BTreeMap::new();
    for (key, v) in source.table {
        if !(source.foldable)(v) {
            continue;
        }
        let Some(folded) =
            spelling::fold_key(key).filter(|f| key.contains(' ') || f.len() >= source.min_bytes)
        else {
            continue;
        };
        let slot = folds.entry(folded).or_insert((Some(*v), false));
        if slot.0.is_some_and(|w| w != *v) {
            slot.0 = None;
        }
        slot.1 |= !read_otherwise(key, v, source);
    }
    folds
        .into_iter()
        .filter_map(|(folded, (v, given))| Some((folded, v.filter(|_| given)?)))
        .filter(|(folded, v)| source.table.get(folded).is_none_or(|w| w == v))
        .collect()
}

/// Source of a lexicon and of its spelling folds (`{name}_FOLDED`, a lexicon of folded keys).
#[allow(clippy::too_many_arguments)]
fn lexicon_with_folds<V: Copy + PartialEq>(
    name: &str,
    ty: &str,
    doc: &str,
    words: &BTreeMap<String, V>,
    stems: &BTreeMap<String, V>,
    foldable: &dyn Fn(&V) -> bool,
    ordinary: &BTreeMap<String, BTreeSet<String>>,
    value: impl Fn(&V) -> String,
) -> String {
    let folded_name = format!("{name}_FOLDED");
    let folded_words = spelling_folds(&FoldSource {
        table: words,
        foldable,
        min_bytes: spelling::MIN_FOLD_BYTES,
        ordinary,
    });
    let folded_stems: BTreeMap<String, V> = spelling_folds(&FoldSource {
        table: stems,
        foldable,
        // A folded stem must still be a stem: long enough not to swallow short words.
        min_bytes: schema::MIN_STEM_BYTES.max(spelling::MIN_FOLD_BYTES),
        // A stem is a prefix: whole ordinary words do not read it otherwise.
        ordinary: &BTreeMap::new(),
    });
    let mut code = lexicon(name, ty, doc, words, stems, Some(&folded_name), &value);
    code.push_str(&lexicon(
        &folded_name,
        ty,
        &format!(
            "Spelling folds of [`{name}`]'s words, phrases and stems ({} and {} keys; see `kb::spelling`).",
            folded_words.len(),
            folded_stems.len()
        ),
        &folded_words,
        &folded_stems,
        None,
        &value,
    ));
    code
}

/// The words of the answers (ordinary words of the four languages, spelled right), by fold.
fn ordinary_words(c: &Compiled) -> BTreeMap<String, BTreeSet<String>> {
    let mut words: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for answer in &c.answers {
        for word in normalize::Normalized::new(&answer.text).tokens() {
            if let Some(folded) = spelling::fold_key(word) {
                words.entry(folded).or_default().insert(word.to_string());
            }
        }
    }
    words
}

/// Whether a word listed in `lang` (`None`: in several) is spelled the Spanish or Darija way.
fn folded_lang(lang: Option<Lang>) -> bool {
    lang.is_none_or(|l| matches!(l, Lang::Es | Lang::Ar))
}

/// The forms an Arabic word takes with a prefix written onto it (البطاقه, للبطاقه, بالبطاقه,
/// والبطاقه, لبطاقه, ببطاقه, وبطاقه from بطاقه, and back), for `NEAR` only: the look-up tables
/// hold the bare form and the responder strips the prefix (`normalize::arabic_prefixes`).
fn arabic_prefixed_forms(word: &str) -> impl Iterator<Item = String> + '_ {
    let base = normalize::arabic_bare_form(word).unwrap_or(word);
    let arabic = normalize::starts_arabic(word);
    // li- + al- drops the alif; before a lam only one more lam is written (للجوء).
    let li = if base.starts_with('ل') { "ل" } else { "لل" };
    ["", "ال", li, "بال", "وال", "ل", "ب", "و"]
        .into_iter()
        .filter(move |_| arabic && base.chars().count() >= 3)
        .map(move |prefix| format!("{prefix}{base}"))
        .filter(move |form| form != word)
}

/// Source of `NEAR`: every one-letter deletion of every single word of `words` of at least
/// `MIN_NEAR_CHARS` characters → that word, and each such word that is not a key of `all` → itself.
/// A deletion shared by two words that route differently, or that is itself a word of the
/// vocabulary (`all`), is left out (ambiguous, or exact already); two spellings that route alike
/// share it. With the words
/// themselves this finds a word one edit away from a token in a handful of lookups (a
/// SymSpell-style index).
fn near_words<V: PartialEq, W>(words: &BTreeMap<String, V>, all: &BTreeMap<String, W>) -> String {
    let single = |w: &&String| !w.contains(' ') && w.chars().count() >= schema::MIN_NEAR_CHARS;
    let mut variants: BTreeMap<String, Option<&str>> = BTreeMap::new();
    for word in words.keys().filter(single) {
        for (i, c) in word.char_indices() {
            let variant = format!("{}{}", &word[..i], &word[i + c.len_utf8()..]);
            let slot = variants.entry(variant).or_insert(Some(word.as_str()));
            // Two spellings of one word ("البارو", "لابارو") route alike: either will do.
            if slot.is_some_and(|w| w != word && words[w] != words[word]) {
                *slot = None;
            }
        }
    }
    // A word the tables do not hold as written (an Arabic word with a prefix, which the
    // responder takes off) is also a key of its own, so that a token one letter longer than it
    // finds it among the token's deletions, as one longer than a table word finds that word.
    for word in words
        .keys()
        .filter(single)
        .filter(|w| !all.contains_key(*w))
    {
        variants.insert(word.clone(), Some(word.as_str()));
    }
    let mut map = phf_codegen::Map::new();
    let mut kept = Vec::new();
    for (variant, word) in &variants {
        if let Some(word) = word
            && !all.contains_key(variant)
        {
            map.entry(variant.as_str(), format!("{word:?}"));
            kept.push(variant.as_str());
        }
    }
    format!(
        "/// One-letter deletions of the longer vocabulary words → the word (see `build.rs`).\npub static NEAR: phf::Map<&'static str, &'static str> = {};\n/// The heads of `NEAR`'s keys.\npub static NEAR_HEADS: Heads = {};\n/// `NEAR`'s keys, as a Bloom filter.\npub static NEAR_KEYS: Keys = {};\n/// The heads of the single procedure words (a token one letter longer than one of them keeps its head).\npub static PROCEDURE_WORD_HEADS: Heads = {};\n",
        map.build(),
        heads(kept.iter().copied()),
        keys(kept.iter().copied()),
        heads(
            words
                .keys()
                .filter(|w| !w.contains(' '))
                .map(String::as_str)
        ),
    )
}

/// Source of a `Keys` filter holding `keys`.
fn keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    filter(keys.map(|key| normalize::fnv(normalize::FNV_OFFSET, key.as_bytes())))
}

/// Source of a `Keys` filter holding these hashes.
fn filter(hashes: impl Iterator<Item = u64>) -> String {
    let mut bits = vec![0u64; normalize::KEY_BITS / 64];
    for hash in hashes {
        for i in normalize::Keys::bits(hash) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    let words: Vec<String> = bits.iter().map(|w| format!("{w:#x}")).collect();
    format!("Keys([{}])", words.join(","))
}

/// Source of a `Heads` bitmap holding the heads of `keys`.
fn heads<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let mut bits = [0u64; normalize::HEAD_WORDS];
    for key in keys {
        let i = normalize::Heads::index(key);
        bits[i / 64] |= 1 << (i % 64);
    }
    let words: Vec<String> = bits.iter().map(|w| format!("{w:#x}")).collect();
    format!("Heads([{}])", words.join(","))
}

/// `ELSEWHERE_NOTES` and `SUPPORT_NOTES`: the notes said after an answer, in each language in
/// `Lang::ALL` order, as answers of their own (with their TwiML body) that are not in `ANSWERS`:
/// they are never an answer alone, and have no recording.
fn write_notes(c: &Compiled, code: &mut String) {
    for (name, id, doc, notes) in [
        (
            "ELSEWHERE_NOTES",
            "nota_fuera_de_madrid",
            "after a procedure answer to a message naming a place outside Madrid",
            &c.elsewhere_note,
        ),
        (
            "SUPPORT_NOTES",
            "nota_violencia",
            "after an answer to a message that speaks of violence or danger without an alarm",
            &c.support_note,
        ),
    ] {
        writeln!(
            code,
            "/// The note said {doc}, in `Lang::ALL` order.\npub static {name}: [Answer; {}] = [",
            Lang::ALL.len()
        )
        .unwrap();
        for (lang, text) in notes.iter() {
            writeln!(
                code,
                "    Answer {{ id: \"{id}.{lang}\", lang: Lang::{lang:?}, text: {text:?}, twiml_body: {:?}, audio: None, emergency_lines: {} }},",
                compile::xml_escape(text),
                compile::gives_emergency_lines(text),
            )
            .unwrap();
        }
        code.push_str("];\n");
    }
}

fn write_tables(c: &Compiled, out: &Path) {
    let mut code = String::new();
    let ordinary = ordinary_words(c);
    code.push_str(&lexicon_with_folds(
        "TERMS",
        "Term",
        "Vocabulary: procedures, facets, greeting/menu and language hints.",
        &c.terms,
        &c.stems,
        &|t: &TermEntry| folded_lang(t.lang),
        &ordinary,
        term_source,
    ));
    code.push_str(&lexicon_with_folds(
        "GUARDS",
        "Guard",
        "Guardrail words, phrases and stems, with the language they were listed in.",
        &c.guard_terms,
        &c.guard_stems,
        &|g: &schema::Guard| folded_lang(g.lang),
        &ordinary,
        |g| {
            let lang = g
                .lang
                .map_or("None".to_string(), |l| format!("Some(Lang::{l:?})"));
            format!(
                "Guard {{ category: GuardCategory::{:?}, lang: {lang}, account: {} }}",
                g.category, g.account
            )
        },
    ));
    for (name, doc, words) in [
        (
            "PURPOSE_WORDS",
            "Words that say what something is for (`finalidad`: \"para\", \"for\").",
            &c.purpose_words,
        ),
        (
            "CONTINUATION_WORDS",
            "Openings of a message that continues the question before (`continuacion`: \"y\", \"and\").",
            &c.continuation_words,
        ),
        (
            "LACK_WORDS",
            "Words that say the person lacks what follows (`carencia`: \"sin\", \"no tengo\").",
            &c.lack_words,
        ),
        (
            "CORRECTION_WORDS",
            "Openings of a correction of the procedure just answered (`correccion`: \"no\", \"i meant\").",
            &c.correction_words,
        ),
        (
            "BACK_WORDS",
            "Words that point back to the procedure before the current one (`anterior`: \"el otro\", \"the first one\").",
            &c.back_words,
        ),
    ] {
        let words: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
        writeln!(
            code,
            "/// {doc}\npub static {name}: &[&str] = &[{}];",
            words.join(", ")
        )
        .unwrap();
    }
    let mut not_alarms = phf_codegen::Set::new();
    for phrase in &c.not_alarms {
        not_alarms.entry(phrase.as_str());
    }
    writeln!(
        code,
        "/// Phrases that hold a guardrail term and are not an alarm (\"bomba de agua\").\npub static NOT_ALARMS: phf::Set<&'static str> = {};",
        not_alarms.build()
    )
    .unwrap();

    // Only procedure words: a typo in a name matters; near facet words would tip a question's
    // facet on words like "demandeur" (→ "demander").
    let mut procedure_words: BTreeMap<String, &TermEntry> = c
        .terms
        .iter()
        .filter(|(_, t)| t.procedure.is_some())
        .map(|(k, t)| (k.clone(), t))
        .collect();
    // The tables hold an Arabic word bare, but a mistyped word is matched whole: "المديكو" is
    // one letter from "الميديكو", while "مديكو" is too short to be tolerated at all.
    let prefixed: Vec<(String, &TermEntry)> = procedure_words
        .iter()
        .filter(|(k, _)| !k.contains(' '))
        .flat_map(|(k, t)| arabic_prefixed_forms(k).map(move |f| (f, *t)))
        .collect();
    for (form, t) in prefixed {
        procedure_words.entry(form).or_insert(t);
    }
    code.push_str(&near_words(&procedure_words, &c.terms));

    let mut faq = phf_codegen::Map::new();
    for (question, (answer, procedure)) in &c.faq {
        faq.entry(
            question.as_str(),
            format!("(({answer}), ProcedureId::{procedure:?})"),
        );
    }
    writeln!(
        code,
        "/// Whole normalized FAQ questions → (index into [`ANSWERS`], procedure).\npub static FAQ: phf::Map<&'static str, (u16, ProcedureId)> = {};\n/// The shapes (`normalize::shape`) of the FAQ's questions, as a Bloom filter.\npub static FAQ_SHAPES: Keys = {};",
        faq.build(),
        filter(c.faq.keys().map(|q| normalize::shape(q))),
    )
    .unwrap();

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
            "    Answer {{ id: {:?}, lang: Lang::{:?}, text: {:?}, twiml_body: {:?}, audio: {}, emergency_lines: {} }},",
            a.id,
            a.lang,
            a.text,
            compile::xml_escape(&a.text),
            a.audio.map_or("None".to_string(), |i| format!("Some({i})")),
            compile::gives_emergency_lines(&a.text),
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
    write_notes(c, &mut code);
    code.push_str(
        "/// The rkyv archive of the knowledge base, aligned for zero-copy access.\npub static KB_ARCHIVE: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/kb.rkyv\")));\n",
    );
    fs::write(out.join("tables.rs"), code).expect("OUT_DIR is writable");
}
