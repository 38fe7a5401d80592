//! The knowledge base's data types, shared by `build.rs` (through `#[path]`) and the library.
//!
//! This file must stay free of `crate::` paths and may only use crates that are both
//! `[dependencies]` and `[build-dependencies]` (serde, rkyv).
//!
//! Invariants, enforced by the compiler in `compile.rs` (at build time and by `clara check`):
//! - every user-facing text exists, non-empty, in the four languages of [`Lang::ALL`];
//! - the procedures are exactly those of [`ProcedureId::ALL`], one file each;
//! - every URL is `https://` with a host; `fecha_verificacion` is `YYYY-MM` or `YYYY-MM-DD`;
//! - vocabulary terms are unique after normalization unless their weights differ;
//! - every rendered answer is at most [`MAX_ANSWER_CHARS`] characters.

use serde::Deserialize;

/// Twilio's WhatsApp body limit, in characters.
pub const MAX_ANSWER_CHARS: usize = 1600;

/// A stem (`empadron*`) must keep at least this many bytes, so that it cannot swallow short words.
pub const MIN_STEM_BYTES: usize = 4;

/// A stem may be at most this long (the generated table keeps stem lengths in a 64-bit mask).
pub const MAX_STEM_BYTES: usize = 63;

/// A vocabulary word at least this many characters long also matches a word one edit away (a
/// letter missing, added, changed, or two swapped). Shorter words are left exact: at six letters
/// "padron" is one edit from "patron" (an employer).
pub const MIN_NEAR_CHARS: usize = 7;

/// Phrases are matched as token n-grams up to this length (four: "no quiero seguir viviendo",
/// and the exceptions a crisis word needs, "esta espera me mata").
pub const MAX_PHRASE_WORDS: usize = 4;

/// A place's name may be longer than a vocabulary phrase: an inside name must be able to outlast
/// the outside name it starts with ("san sebastian de los reyes", Madrid, is not "san sebastian").
pub const MAX_PLACE_WORDS: usize = 5;

/// The most words any key of a lexicon has (a place's name).
pub const MAX_KEY_WORDS: usize = MAX_PLACE_WORDS;
const _: () = assert!(MAX_KEY_WORDS >= MAX_PHRASE_WORDS);

/// Weight of a term listed in `vocabulario`.
pub const WEIGHT_STRONG: u8 = 3;
/// Weight of a term listed in `vocabulario.medio`: a situation that points at the procedure
/// ("me despidieron" → unemployment benefit) matches alone but yields to a procedure named.
pub const WEIGHT_MEDIUM: u8 = 2;
/// Weight of a term listed in `vocabulario_debil`: two of them, or one strong term, make a match.
pub const WEIGHT_WEAK: u8 = 1;
/// The score a procedure needs before Clara answers with it.
pub const MATCH_THRESHOLD: u8 = 2;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order (the order of the generated tables).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in data files, ids and JSON output.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the name used in data files.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// Position in [`Self::ALL`].
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// A language Clara speaks.
    Lang { Es = "es", Fr = "fr", En = "en", Ar = "ar" }
}

string_enum! {
    /// A procedure Clara knows; each has `data/tramites/<id>.json`.
    /// The order is the top menu's: the number a person sends at the menu is the position here, from 1.
    ProcedureId {
        Imv = "imv",
        Empadronamiento = "empadronamiento",
        TarjetaSanitaria = "tarjeta_sanitaria",
        NieTie = "nie_tie",
        Arraigo = "arraigo",
        ProteccionInternacional = "proteccion_internacional",
        JusticiaGratuita = "justicia_gratuita",
        PrestacionDesempleo = "prestacion_desempleo",
    }
}

impl ProcedureId {
    /// Whether the procedure is always for another one: free legal aid is a lawyer for an
    /// asylum claim, an expulsion, a trial. "¿Necesito abogado de oficio para el asilo?" asks
    /// about the lawyer, where "¿necesito el padrón para el IMV?" asks about the IMV.
    pub const fn serves_another(self) -> bool {
        matches!(self, ProcedureId::JusticiaGratuita)
    }
}

string_enum! {
    /// One part of a procedure's information, answered on its own.
    Facet {
        Descripcion = "descripcion",
        Requisitos = "requisitos",
        Documentos = "documentos",
        ComoSolicitar = "como_solicitar",
        Plazos = "plazos",
        /// Amounts (a benefit's, or a fee's): only procedures with money involved have it.
        Cuantia = "cuantia",
        /// What to do when it goes wrong: refused, no answer, lost papers, asked to pay.
        Problemas = "problemas",
    }
}

string_enum! {
    /// The curated answers of `data/answers/`, which every build must contain in every language.
    Curated {
        /// Hello + who Clara is + the numbered menu.
        Greeting = "greeting",
        /// The numbered menu alone.
        Menu = "menu",
        AckText = "ack_text",
        AckAudio = "ack_audio",
        AckImage = "ack_image",
        /// Out of scope: what Clara can help with.
        FallbackGeneric = "fallback_generic",
        TranscriptionFailed = "transcription_failed",
        LlmFailed = "llm_failed",
        RateLimited = "rate_limited",
        Busy = "busy",
        GuardrailSelfHarm = "guardrail_self_harm",
        GuardrailViolence = "guardrail_violence",
        GuardrailIllegal = "guardrail_illegal",
        /// A medical emergency: 112 first.
        GuardrailMedical = "guardrail_medical",
        /// Weapons, explosives, hacking: refused, with 112.
        GuardrailDangerous = "guardrail_dangerous",
        /// The answer to a photographed official letter.
        ImageLetter = "image_letter",
        /// Appended to every answer Gemini wrote.
        LlmDisclaimer = "llm_disclaimer",
        /// The confirmation that the conversation was forgotten.
        Forgotten = "forgotten",
        /// "gracias", "ok": Clara is there for the next question.
        Thanks = "thanks",
        /// "no entiendo", "I can't read": the voice note, other words, or a person on the phone.
        Confused = "confused",
    }
}

string_enum! {
    /// Where a place named in a message is: an autonomous community, or one of the two
    /// autonomous cities. Clara's answers are written for [`Region::Madrid`]; a place in any other
    /// region gets a note that offices and some rules differ there (`data/vocabulario/lugares.json`).
    Region {
        /// The Comunidad de Madrid: what the answers are written for.
        Madrid = "madrid",
        Andalucia = "andalucia",
        Aragon = "aragon",
        Asturias = "asturias",
        Baleares = "baleares",
        Canarias = "canarias",
        Cantabria = "cantabria",
        CastillaLaMancha = "castilla_la_mancha",
        CastillaYLeon = "castilla_y_leon",
        Cataluna = "cataluna",
        ComunidadValenciana = "comunidad_valenciana",
        Extremadura = "extremadura",
        Galicia = "galicia",
        LaRioja = "la_rioja",
        Murcia = "murcia",
        Navarra = "navarra",
        PaisVasco = "pais_vasco",
        Ceuta = "ceuta",
        Melilla = "melilla",
    }
}

impl Region {
    /// Whether the region is outside the Comunidad de Madrid, whose offices and rules the
    /// answers describe.
    pub const fn is_elsewhere(self) -> bool {
        !matches!(self, Region::Madrid)
    }
}

string_enum! {
    /// What a guardrail term signals, most urgent first (when a message triggers several, the
    /// first in this order answers): self-harm, violence, a medical emergency, a dangerous
    /// request (weapons, explosives, hacking), an illegal one (fake papers, bought appointments).
    GuardCategory {
        SelfHarm = "self_harm",
        Violence = "violence",
        Medical = "medical",
        Dangerous = "dangerous",
        Illegal = "illegal",
    }
}

string_enum! {
    /// Words that route to something other than a procedure.
    Conversational {
        Greeting = "greeting",
        Menu = "menu",
        /// "borra mis datos", "forget me": the conversation state is cleared.
        Forget = "forget",
        /// "gracias", "merci", "ok", "wakha": answered with [`Curated::Thanks`] when the message
        /// says nothing else.
        Thanks = "thanks",
        /// "no entiendo", "ma fhamtch", "I can't read": answered with [`Curated::Confused`] when
        /// the message says nothing else.
        Confused = "confused",
        /// "en español", "in English please", …: answer in this language from now on.
        SwitchEs = "lang_es",
        SwitchFr = "lang_fr",
        SwitchEn = "lang_en",
        SwitchAr = "lang_ar",
    }
}

/// What a guardrail term signals, and the language it was listed in (`None` when several lists
/// have it): "bghit nmout" is Darija in Latin letters, and the answer must be in Arabic even though
/// nothing else in the message says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guard {
    pub category: GuardCategory,
    pub lang: Option<Lang>,
    /// An account of violence that already happened (`relatos`): an alarm alone, but a message
    /// that also names a procedure and asks about it, or asks for it (`peticiones`), gets that
    /// procedure's answer with the 016 note.
    pub account: bool,
}

impl GuardCategory {
    /// The curated answer given when this guardrail fires.
    pub const fn answer(self) -> Curated {
        match self {
            GuardCategory::SelfHarm => Curated::GuardrailSelfHarm,
            GuardCategory::Violence => Curated::GuardrailViolence,
            GuardCategory::Medical => Curated::GuardrailMedical,
            GuardCategory::Dangerous => Curated::GuardrailDangerous,
            GuardCategory::Illegal => Curated::GuardrailIllegal,
        }
    }
}

/// One value per language. A missing language is a build error naming the field.
#[derive(Debug, Clone, Default, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub es: T,
    pub fr: T,
    pub en: T,
    pub ar: T,
}

impl<T> Localized<T> {
    /// The value for `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Es => &self.es,
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }

    /// `(lang, value)` pairs in [`Lang::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &T)> {
        Lang::ALL.iter().map(move |&lang| (lang, self.get(lang)))
    }
}

/// The text of one facet in one language: a short paragraph and, optionally, numbered points.
#[derive(Debug, Clone, Default, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FacetText {
    /// One to three plain sentences. Uncertain facts say so ("por confirmar").
    pub resumen: String,
    /// Rendered as numbered steps.
    #[serde(default)]
    pub pasos: Vec<String>,
}

/// The facets of a procedure. `cuantia` exists only where the procedure has amounts.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    pub descripcion: Localized<FacetText>,
    pub requisitos: Localized<FacetText>,
    pub documentos: Localized<FacetText>,
    pub como_solicitar: Localized<FacetText>,
    pub plazos: Localized<FacetText>,
    #[serde(default)]
    pub cuantia: Option<Localized<FacetText>>,
    pub problemas: Localized<FacetText>,
}

impl Facets {
    /// The facet's texts, if the procedure has that facet.
    pub fn get(&self, facet: Facet) -> Option<&Localized<FacetText>> {
        match facet {
            Facet::Descripcion => Some(&self.descripcion),
            Facet::Requisitos => Some(&self.requisitos),
            Facet::Documentos => Some(&self.documentos),
            Facet::ComoSolicitar => Some(&self.como_solicitar),
            Facet::Plazos => Some(&self.plazos),
            Facet::Cuantia => self.cuantia.as_ref(),
            Facet::Problemas => Some(&self.problemas),
        }
    }
}

/// Words that point at a procedure, per language. Syntax of a term: `word`, `a phrase of up to
/// three words`, or `stem*` (matches any word that starts with the stem).
#[derive(Debug, Clone, Default, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Terms that alone identify the procedure ([`WEIGHT_STRONG`]).
    pub fuerte: Localized<Vec<String>>,
    /// Situations that point at the procedure: enough alone, but a named procedure wins
    /// ([`WEIGHT_MEDIUM`]).
    #[serde(default)]
    pub medio: Localized<Vec<String>>,
    /// Terms that only count together with another ([`WEIGHT_WEAK`]).
    #[serde(default)]
    pub debil: Localized<Vec<String>>,
}

/// `data/tramites/<id>.json`: one procedure.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// One of [`ProcedureId::ALL`]; equals the file stem.
    pub id: String,
    pub nombre: Localized<String>,
    pub organismo: Localized<String>,
    /// The official page every answer points to.
    pub fuente_url: String,
    /// Further official sources (the law, other pages), for the LLM context and the editors.
    #[serde(default)]
    pub fuentes_extra: Vec<String>,
    /// Ids of `data/telefonos.json`: the numbers every answer of this procedure gives.
    pub telefonos: Vec<String>,
    /// Those numbers as people dial them, joined by ` · `: filled by the compiler from the
    /// directory, so that each number is written (and checked) in one place.
    #[serde(skip)]
    pub telefono: String,
    /// The name, official link and phone, in each language, in the answers' own words (the
    /// layout's lines): filled by the compiler. What a template says after a miss whose words
    /// leaned to this procedure.
    #[serde(skip)]
    pub contacto: Localized<String>,
    /// When the facts were last checked against the official sources: `YYYY-MM` or `YYYY-MM-DD`.
    pub fecha_verificacion: String,
    pub facetas: Facets,
    /// Facts still to confirm, for editors; never shown to users.
    #[serde(default)]
    pub verificar: Vec<String>,
    pub vocabulario: Vocabulary,
}

/// One entry of `data/telefonos.json`, the phone directory: every number a text may give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// What procedures refer to (`telefonos`).
    pub id: String,
    /// As people dial it, with the spacing every text must use (`900 20 22 22`).
    pub numero: String,
    /// Who answers, per language.
    pub quien: Localized<String>,
    /// Opening hours, when a source gives them.
    pub horario: Option<String>,
    /// The page that confirms the number; `None` for the national emergency lines.
    pub fuente: Option<String>,
    /// When the number was last checked: `YYYY-MM` or `YYYY-MM-DD`.
    pub verificado: String,
}

/// One curated answer in `data/answers/*.json` (a file is a map from id to this).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedAnswer {
    pub texto: Localized<String>,
}

/// One entry of `data/answers/faq.json` (a map from id to this): a frequent question, answered
/// from the compiled cache when a message is exactly one of its `preguntas` after normalization.
/// `clara promote` drafts these from the miss journal.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    /// The procedure the answer is about (one of [`ProcedureId::ALL`]).
    pub tramite: String,
    /// Language code → the questions, as people write them.
    pub preguntas: std::collections::BTreeMap<String, Vec<String>>,
    /// Language code → the answer; every language with questions needs one.
    pub texto: std::collections::BTreeMap<String, String>,
}

/// One entry of `data/answers/overrides.json`: replaces a rendered procedure answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub tramite: String,
    pub faceta: String,
    pub idioma: String,
    pub texto: String,
}

/// The per-language layout of a rendered procedure answer (`data/plantillas.json`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// The answer, with placeholders `{nombre}`, `{faceta}`, `{resumen}`, `{pasos}`,
    /// `{fuente_url}`, `{telefono}`, `{fecha}` and `{opciones}` (the numbered footer).
    pub respuesta: String,
    /// The footer that says which number gives which part, with `{lista}`: the procedure's
    /// facets in `Facet::ALL` order, numbered from 1 (the responder numbers them the same way).
    pub opciones: String,
    /// One item of `{lista}`, with `{n}` and `{faceta}`.
    pub opcion: String,
    /// Facet titles, keyed by facet name.
    pub facetas: std::collections::BTreeMap<String, String>,
    /// Month names, January first, for the verification date.
    pub meses: Vec<String>,
    /// How a `YYYY-MM` date reads, with `{mes}` and `{anio}`.
    pub fecha_mes: String,
    /// How a `YYYY-MM-DD` date reads, with `{dia}`, `{mes}` and `{anio}`.
    pub fecha_dia: String,
    /// Said after a procedure answer to a message that names a place outside the Comunidad de
    /// Madrid (`data/vocabulario/lugares.json`): offices and some rules differ there. Short, and
    /// with no phone number (Madrid's lines would be wrong there; enforced by the compiler).
    pub nota_fuera_de_madrid: String,
    /// Said after an answer to a message that speaks of violence against the person, or of
    /// danger, without an alarm (`apoyo` of `data/vocabulario/compartido.json`): the 112, 024
    /// and 016 lines. Short, and every phone number in `data/telefonos.json` (enforced by the
    /// compiler).
    pub nota_violencia: String,
}

/// `data/vocabulario/*.json`: words that route to facets, greetings/menu, guardrails and languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedVocabulary {
    /// Facet name → terms per language.
    pub facetas: std::collections::BTreeMap<String, Localized<Vec<String>>>,
    /// `greeting` / `menu` → terms per language.
    pub conversacion: std::collections::BTreeMap<String, Localized<Vec<String>>>,
    /// Guardrail category → terms per language.
    pub guardarrailes: std::collections::BTreeMap<String, Localized<Vec<String>>>,
    /// Common function words that hint at a language; `ar` lists Darija written in Latin letters
    /// (Arabic script is told by its script).
    pub idiomas: std::collections::BTreeMap<String, Vec<String>>,
    /// Phrases that contain a guardrail term but are not an alarm ("bomba de agua"): a guardrail
    /// hit that overlaps one of them does not fire.
    #[serde(default)]
    pub no_alarma: Localized<Vec<String>>,
    /// Phrases that speak of violence against the person without being an alarm ("víctima de
    /// violencia", "orden de alejamiento"), and words of danger too common to be one ("sangre",
    /// "cuchillo", "knife"): the answer is followed by the note with the 112, 024 and 016 lines.
    #[serde(default)]
    pub apoyo: Localized<Vec<String>>,
    /// Accounts of violence that already happened ("me violaron", "il me battait", "was
    /// raped"): alone they are a violence alarm; in a message that names a procedure and asks
    /// about it ("me violaron en mi país, ¿cómo pido asilo?") the procedure is answered, followed
    /// by the 016 note. Threats (but those told in the past by several people) and one person's
    /// recent act ("me pegó", "he hit me") stay in `guardarrailes.violence`.
    #[serde(default)]
    pub relatos: Localized<Vec<String>>,
    /// Words that say the person wants something (`quiero`, `je veux`, `want`, `bghit`). They
    /// route nothing; followed by a procedure ("quiero asilo"), or by a way of applying and a
    /// procedure ("quiero pedir asilo", "i want to apply for asylum"), they make a message that
    /// tells an account of violence ask for that procedure as a question would.
    #[serde(default)]
    pub peticiones: Localized<Vec<String>>,
    /// Words that open a question about the amount (`cuanto`, `how much`, `combien`), each also
    /// a term of `facetas.cuantia`. A `cuantia` term that starts with one of them asks for the
    /// amount, and a condition after it does not make the question about the requirements:
    /// "¿cuánto IMV me toca?", "how much IMV can I get?".
    #[serde(default)]
    pub preguntas_cuantia: Localized<Vec<String>>,
    /// Phrases that ask only what to do (`que hago`, `what now`, `que faire`, `شنو ندير`),
    /// each also a term of `facetas.como_solicitar`. After the answer about what to do when
    /// something went wrong, a question of these alone is still about the problem ("me
    /// denegaron el IMV" … "¿y ahora qué hago?"); one with a word of applying ("¿y cómo lo
    /// pido?") asks how to apply.
    #[serde(default)]
    pub preguntas_que_hacer: Localized<Vec<String>>,
    /// Words that say what something is for (`para`, `pour`, `for`, `bach`, `باش`), one word
    /// each. A procedure named just after one, which itself follows another procedure or opens
    /// the message ("¿necesito el padrón para la tarjeta sanitaria?", "para el IMV, ¿necesito el
    /// padrón?"), is what the message asks about when the two tie, and the question is its
    /// requirements (see `respond::Goals`).
    #[serde(default)]
    pub finalidad: Localized<Vec<String>>,
    /// Words that open a message continuing the question before it with another procedure
    /// (`y`, `et`, `and`, `what about`, `w`, `وبالنسبة`), one or two words each: "¿qué papeles
    /// para el IMV?" … "¿y pal padrón?" asks for the padrón's papers (see
    /// `respond::Scores::continues`).
    #[serde(default)]
    pub continuacion: Localized<Vec<String>>,
    /// Words that say the person lacks what follows, or that it is not what they mean (`sin`,
    /// `no tengo`, `pas de`, `without`, `ماعنديش`, `machi`), up to three words each. A procedure
    /// named right after one, in a message that names another, is a condition, not the
    /// question: "no tengo padrón, ¿puedo pedir el IMV?" asks about the IMV, "no, el NIE no, la
    /// tarjeta roja" about asylum (see `respond::Scores::drop_lacked`).
    #[serde(default)]
    pub carencia: Localized<Vec<String>>,
    /// Words that open a correction of the procedure just answered (`no`, `me equivoqué`, `je
    /// voulais dire`, `i meant`, `غلطت`, `قصدي`), up to four words each. A short message that
    /// opens with one or more of them and then names another procedure asks that procedure the
    /// part asked before: "me equivoqué, el IMV" after the amount of the paro asks the IMV's
    /// amount (see `respond::Scores::corrects`).
    #[serde(default)]
    pub correccion: Localized<Vec<String>>,
    /// Words that point back to the procedure talked about before the current one (`el otro`,
    /// `la primera`, `l autre`, `the other one`, `الاول`), up to three words each. A message that
    /// names no procedure and has one at its start, after a word of `continuacion` and at most
    /// one short word, or at the end of a short message, is about that procedure: "¿y el otro
    /// cuánto tarda?" (see `refers_back` in `respond`).
    #[serde(default)]
    pub anterior: Localized<Vec<String>>,
}

/// `data/vocabulario/lugares.json`: the places people name, by region.
///
/// Invariants (enforced by the compiler): every region of [`Region::ALL`] is listed; a form is a
/// word or a phrase of at most [`MAX_PLACE_WORDS`] words, no stem; it is listed once, in one
/// region, after normalization; it is no other vocabulary term nor guardrail word; and it is not
/// also in `excluidos`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Places {
    /// For editors: how the file is used; never shown to users.
    #[serde(default)]
    pub notas: Vec<String>,
    /// Region name ([`Region::as_str`]) → the forms people write for places in it: names with
    /// and without accents, misspellings, Catalan, Basque and Galician names, French and English
    /// exonyms, Arabic spellings.
    pub regiones: std::collections::BTreeMap<String, Vec<String>>,
    /// Forms left out on purpose → why (an ordinary word, a homonym abroad, a costly phrase head).
    #[serde(default)]
    pub excluidos: std::collections::BTreeMap<String, String>,
}

/// What `build.rs` archives with rkyv: the procedures in [`ProcedureId::ALL`] order.
#[derive(Debug, Clone, rkyv::Archive, rkyv::Serialize)]
pub struct KnowledgeBase {
    pub procedures: Vec<Procedure>,
}
