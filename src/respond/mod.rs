//! The responder: from a message's text to a precomputed answer, with no network and no heap
//! allocation (normalization, tables and scoring all live on the stack or in the binary).
//!
//! Order: normalize → guardrails → vocabulary scan (procedure, facet, greeting/menu, language
//! votes, a place outside Madrid) → language → decision. A procedure beats a greeting;
//! out-of-scope text is a miss.

mod guardrails;
mod language;
mod lexicon;
mod tokens;

use crate::kb::normalize::{Normalized, arabic_prefixes};
use crate::kb::schema::MATCH_THRESHOLD;
use crate::kb::{
    self, Answer, BACK_WORDS, CONTINUATION_WORDS, CORRECTION_WORDS, Conversational, Curated, Facet,
    GuardCategory, LACK_WORDS, Lang, Note, PURPOSE_WORDS, ProcedureId, Region, TERMS, Term,
};
use language::Hints;
use tokens::{Folded, Tokens};

/// A greeting or "menu" only counts in a short message: in a longer one ("hola, mi casero me
/// echa") it is politeness around a question the cache cannot answer, so the miss path should.
const CONVERSATIONAL_MAX_TOKENS: usize = 4;

/// The longest greeting with a question that names no procedure answered with the greeting,
/// whose list of procedures asks which one ("hola buenas, ¿qué papeles piden?"): a longer
/// message tells a story the miss path should read.
const GREETED_QUESTION_MAX_TOKENS: usize = 10;

/// Words a thanks or "I don't understand" may carry besides conversational ones: "gracias
/// *señora*", "no entiendo *nada*", "merci *clara*".
const POLITE_OTHER_WORDS: usize = 2;

/// The longest message read as the question before continued with another procedure ("¿y pal
/// padrón?", "and what about the health card?"): a longer one tells its own story.
const CONTINUATION_MAX_TOKENS: usize = 6;

/// The longest correction of the procedure read as the question before ("non pardon pas la carte
/// sanitaire, le NIE", "sorry not paro, I mean the minimum income, IMV").
const CORRECTION_MAX_TOKENS: usize = 10;

/// The longest message read as naming the procedure a part asked before waits for ("lo del
/// IMV", "es para el ingreso mínimo vital"): a longer one tells its own story.
const PENDING_ANSWER_MAX_TOKENS: usize = 10;

/// The longest message read as a condition on the procedure being talked about ("and if i
/// dont have the padron can i still get it"): a longer one tells its own story.
const CONDITION_MAX_TOKENS: usize = 12;

/// What the message was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Procedure(ProcedureId),
    Greeting,
    Menu,
    /// "gracias", "ok" and nothing else.
    Thanks,
    /// "no entiendo", "I can't read" and nothing else.
    Confused,
    /// A guardrail fired.
    Blocked(GuardCategory),
    /// "Forget me": the conversation is to be cleared.
    Forget,
    /// Nothing Clara's cache knows: a miss.
    None,
}

impl Intent {
    /// The name used in JSON output and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Procedure(p) => p.as_str(),
            Intent::Greeting => "greeting",
            Intent::Menu => "menu",
            Intent::Thanks => "thanks",
            Intent::Confused => "confused",
            Intent::Blocked(_) => "blocked",
            Intent::Forget => "forget",
            Intent::None => "none",
        }
    }
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerSource {
    /// The compiled cache (procedures, greeting, menu, a transcript that hit it).
    Cache,
    /// A guardrail answer (crisis lines, refusals).
    Guardrail,
    /// A template: `fallback_generic` for a miss, or `busy`, `rate_limited`, `llm_failed`, …
    Fallback,
    /// Gemini, or the hot cache of its earlier answers.
    Llm,
    /// Acknowledged now, answered later by the pipeline (counted then, under that answer's
    /// source).
    Queued,
}

impl AnswerSource {
    /// The name used in JSON output, logs and metrics.
    pub const fn as_str(self) -> &'static str {
        match self {
            AnswerSource::Cache => "cache",
            AnswerSource::Guardrail => "guardrail",
            AnswerSource::Fallback => "fallback",
            AnswerSource::Llm => "llm",
            AnswerSource::Queued => "queued",
        }
    }

    /// The source [`AnswerSource::as_str`] named.
    pub fn parse(name: &str) -> Option<AnswerSource> {
        use AnswerSource::*;
        [Cache, Guardrail, Fallback, Llm, Queued]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// The responder's verdict on one message.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub intent: Intent,
    /// Set for procedure answers only.
    pub facet: Option<Facet>,
    /// For a miss or a greeting that names no procedure, outside a conversation about one, the
    /// part it asked ("¿cuánto tarda?"): the conversation keeps it for the procedure named next
    /// ("el IMV": how long the IMV takes).
    pub pending: Option<Facet>,
    pub lang: Lang,
    pub source: AnswerSource,
    pub answer: &'static Answer,
    /// The procedure the words lean to, even below the match threshold, else the
    /// conversation's: the miss path's knowledge context. Equals the answered procedure on a hit.
    pub guess: Option<ProcedureId>,
    /// Another procedure the message names well enough to answer, besides the one answered
    /// ("j'ai 2 questions: le paro et la carte sanitaire"): the conversation keeps it as the
    /// one "¿y el otro?" points to.
    pub also: Option<ProcedureId>,
    /// The region of the first place outside the Comunidad de Madrid the message names
    /// (`data/vocabulario/lugares.json`), whatever the answer: the answers are written for
    /// Madrid, and offices and some rules differ there (see [`Reply::note`]).
    pub elsewhere: Option<Region>,
    /// The message speaks of violence against the person without an alarm (an `apoyo` phrase
    /// of `data/vocabulario/compartido.json`), whatever the answer (see [`Reply::note`]).
    pub support: bool,
}

impl Reply {
    /// Whether the cache could not answer (the miss path takes over).
    pub fn is_miss(&self) -> bool {
        self.intent == Intent::None
    }

    /// What to say after the answer ([`Reply::note`]): the 112, 024 and 016 lines after any
    /// answer to a message that speaks of violence against the person or of danger (`apoyo`:
    /// a danger the lexicon does not hold as an alarm may be told next to a question about
    /// papers, and the cache would answer only the papers; a guardrail's answer, and one that
    /// opens with the 🆘 line (the fallback), give them already; "forget me" is answered alone,
    /// as someone erasing the conversation may fear that it is read); else, after a procedure
    /// answer to a message naming a place outside Madrid, that offices and some rules differ
    /// there. One note at most: the danger lines come first, and they hold anywhere in Spain.
    pub fn note_kind(&self) -> Option<Note> {
        if self.speaks_of_danger() {
            return Note::Support.after(self.answer);
        }
        match (self.intent, self.elsewhere) {
            (Intent::Procedure(_), Some(_)) => Some(Note::Elsewhere),
            _ => None,
        }
    }

    /// The danger note is due after whatever answers this message, whether the cache's answer, a
    /// template sent instead of it or Gemini's ([`Reply::note_kind`]).
    pub fn speaks_of_danger(&self) -> bool {
        self.support && !matches!(self.intent, Intent::Blocked(_) | Intent::Forget)
    }

    /// The note said after the answer, in its language (see [`Reply::note_kind`]).
    pub fn note(&self) -> Option<&'static Answer> {
        self.note_kind().map(|note| note.answer(self.answer.lang))
    }
}

/// What Clara remembers of a conversation, for the next message (see `crate::conversation`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The language of the conversation so far: short or ambiguous messages ("ok", "2", an
    /// emoji, a voice note) are answered in it.
    pub lang: Option<Lang>,
    /// The procedure of the last answer: a number then picks one of its facets (the order of
    /// the answer's footer), and a facet asked alone ("and what papers?") is about it.
    pub procedure: Option<ProcedureId>,
    /// The part of that procedure last answered: after what to do when it went wrong
    /// (`problemas`), "¿y ahora qué hago?" is still about the problem.
    pub facet: Option<Facet>,
    /// The procedure talked about before that one: "¿y el otro?" is about it.
    pub other: Option<ProcedureId>,
}

/// Scores gathered in one scan of the vocabulary.
#[derive(Default)]
struct Scores {
    procedure: [u8; ProcedureId::ALL.len()],
    /// Token index of each procedure's first mention, to break ties by what came first.
    first_seen: [usize; ProcedureId::ALL.len()],
    /// Token index right after each procedure's first mention.
    first_end: [usize; ProcedureId::ALL.len()],
    /// The procedure that wins a tie because one of the two is named as what the other is for
    /// (see [`Goals`]), and whether the question is then its requirements.
    goal: Option<(ProcedureId, bool)>,
    facet: [u8; Facet::ALL.len()],
    greeting: bool,
    menu: bool,
    forget: bool,
    thanks: bool,
    confused: bool,
    /// Tokens covered by conversational words (greeting, menu, thanks…): a message of nothing
    /// else ("muchas gracias por tu ayuda", "ok gracias") is only politeness.
    conversational_words: usize,
    /// An explicit "in English please".
    switch: Option<Lang>,
    hints: Hints,
    /// The first place outside Madrid named.
    elsewhere: Option<Region>,
    /// A phrase that speaks of violence against the person.
    support: bool,
    /// The message asks for a procedure by wanting it: "quiero asilo", "quiero pedir el IMV",
    /// "i want to apply for asylum" (see [`Requests`]).
    requests: bool,
    /// Token index of the first question about the amount ("cuanto", "how much"), and of the
    /// token after the first requirements term ("me toca", "can i get").
    amount_asked_at: Option<usize>,
    requirements_end: Option<usize>,
    /// A `como_solicitar` word that asks how or where to apply, not only what to do ("cómo lo
    /// pido", "where do i apply"; see [`Scores::facet`]).
    asks_to_apply: bool,
    /// The procedures taken out as lacked or refused ([`Scores::drop_lacked`]).
    dropped: [bool; ProcedureId::ALL.len()],
}

/// Follows "want" words through a scan: a procedure right after one ("quiero asilo", "bghit
/// lasil"), or after a way of applying that follows one ("quiero pedir asilo", "je veux
/// demander l'asile"), is asked for. One other word may come after a "want" word ("quiero *el*
/// IMV", "want *to* apply") and two after a way of applying ("apply *for the* IMV"), so "quiero
/// ir al centro de salud" asks for nothing.
#[derive(Default)]
struct Requests {
    /// The last token a hit may start at to continue the request.
    open_until: Option<usize>,
}

impl Requests {
    /// Whether the hit at token `at`, covering `words` tokens, completes a request.
    fn step(&mut self, at: usize, words: usize, term: &Term) -> bool {
        let near = self.open_until.is_some_and(|last| at <= last);
        if term.want {
            self.open_until = Some(at + words + 1);
        } else if near && term.facet == Some(Facet::ComoSolicitar) {
            self.open_until = Some(at + words + 2);
        }
        near && term.procedure.is_some()
    }
}

/// Follows the procedures named through a scan, to find one named as what another is for:
/// "¿necesito el padrón *para la tarjeta sanitaria*?", "do I need the padrón *for the health
/// card*?", "wach khass lpadron *bach ndir lkarta*", "*para el IMV* ¿necesito el padrón?". The
/// goal comes at most [`Goals::GAP`] tokens after a word of `finalidad` ("para *pedir el* IMV"),
/// and that word at most [`Goals::GAP`] tokens after another procedure's words, or at the start
/// of the message. "Pedí cita para el padrón" or "I applied for asylum" name no procedure before
/// the word, so nothing is a goal there.
#[derive(Default)]
struct Goals {
    /// The last procedure named, and the token after its words.
    last: Option<(ProcedureId, usize)>,
    goals: [bool; ProcedureId::ALL.len()],
}

impl Goals {
    const GAP: usize = 2;

    fn step(&mut self, tokens: &Tokens<'_>, at: usize, words: usize, procedure: ProcedureId) {
        let purpose_in =
            |from: usize, to: usize| (from..to).any(|q| PURPOSE_WORDS.contains(&tokens.get(q)));
        let first = at.saturating_sub(Goals::GAP + 1);
        // From the last word of the other procedure's term: a term may end with the purpose
        // word ("que estar empadronado para" the arraigo).
        let after_other = self.last.is_some_and(|(other, end)| {
            other != procedure && purpose_in((end - 1).max(first), at.min(end + Goals::GAP + 1))
        });
        let opens = self.last.is_none() && first == 0 && purpose_in(0, at);
        if after_other || opens {
            self.goals[procedure.index()] = true;
        }
        self.last = Some((procedure, at + words));
    }
}

impl Scores {
    /// `answered`: the procedure of the conversation's last answer, which a "no" between it and
    /// another procedure refuses ([`Scores::drop_lacked`]).
    fn scan(tokens: &Tokens<'_>, folded: &Tokens<'_>, answered: Option<ProcedureId>) -> Scores {
        let mut s = Scores {
            first_seen: [usize::MAX; ProcedureId::ALL.len()],
            ..Scores::default()
        };
        let mut requests = Requests::default();
        let mut goals = Goals::default();
        lexicon::scan(tokens, folded, &TERMS, Some(near_term), |at, hit| {
            let term = hit.value;
            s.requests |= requests.step(at, hit.words, &term);
            if let Some(p) = term.procedure {
                let i = p.index();
                s.procedure[i] = s.procedure[i].saturating_add(term.weight);
                if at < s.first_seen[i] {
                    s.first_seen[i] = at;
                    s.first_end[i] = at + hit.words;
                }
                goals.step(tokens, at, hit.words, p);
            }
            if let Some(f) = term.facet {
                // Longer phrases are more specific: "cuánto tarda" (plazos) beats "cuánto" (cuantía).
                s.facet[f.index()] = s.facet[f.index()].saturating_add(hit.words as u8);
                if term.asks_amount {
                    s.amount_asked_at.get_or_insert(at);
                }
                if f == Facet::Requisitos {
                    s.requirements_end.get_or_insert(at + hit.words);
                }
                s.asks_to_apply |= f == Facet::ComoSolicitar && !term.what_to_do;
            }
            if term.conversational.is_some() {
                s.conversational_words += hit.words;
            }
            match term.conversational {
                Some(Conversational::Greeting) => s.greeting = true,
                Some(Conversational::Menu) => s.menu = true,
                Some(Conversational::Forget) => s.forget = true,
                Some(Conversational::Thanks) => s.thanks = true,
                Some(Conversational::Confused) => s.confused = true,
                Some(Conversational::SwitchEs) => s.switch = Some(Lang::Es),
                Some(Conversational::SwitchFr) => s.switch = Some(Lang::Fr),
                Some(Conversational::SwitchEn) => s.switch = Some(Lang::En),
                Some(Conversational::SwitchAr) => s.switch = Some(Lang::Ar),
                None => {}
            }
            if let Some(lang) = term.lang {
                s.hints.vote(lang);
            }
            s.support |= term.support;
            if let Some(region) = term.place
                && region.is_elsewhere()
                && s.elsewhere.is_none()
            {
                s.elsewhere = Some(region);
            }
        });
        s.drop_lacked(tokens, answered);
        s.goal = s.goal_of_tie(&goals.goals);
        s
    }

    /// Takes out the procedures named only as something the person lacks, or does not mean,
    /// when another is named too: "no tengo padrón, ¿puedo pedir el IMV?" asks about the IMV,
    /// "no, no el NIE, la tarjeta roja" about asylum, "ماعنديش النيي، واش نقدر ندير الكارطة
    /// ديال الصحة" about the health card. A procedure is lacked when a phrase of `carencia` ends
    /// right before its first mention ("no tengo el padrón", "pas de NIE"), or when its first
    /// mention is followed by "no" and another procedure right after ("el paro no, el imv":
    /// that "no" is the paro's, not a lack of the IMV). Without punctuation "el imv, no el
    /// paro" reads the same, so when the conversation's last answer was about one of the two,
    /// that one is refused: the person is correcting it. When no procedure that is not lacked
    /// reaches the threshold, none is taken out. Only read when two or more are named, so a
    /// message about one procedure costs nothing here.
    fn drop_lacked(&mut self, tokens: &Tokens<'_>, answered: Option<ProcedureId>) {
        let named = || (0..self.procedure.len()).filter(|&i| self.procedure[i] > 0);
        if named().count() < 2 {
            return;
        }
        // The "no" after procedure `i` and the procedure `j` whose first mention comes one or
        // two words after it (an article between): `i` is what the person does not mean,
        // unless `j` is what was just answered.
        let refused_no = |i: usize| {
            let no = self.first_end[i];
            let said_no = no < tokens.len() && matches!(tokens.get(no), "no" | "non" | "لا");
            let other =
                || named().find(|&j| j != i && (no + 1..=no + 2).contains(&self.first_seen[j]));
            said_no.then(other).flatten().map(|j| {
                let corrected = answered.is_some_and(|p| p.index() == j);
                (if corrected { j } else { i }, no)
            })
        };
        let mut refused = [None; ProcedureId::ALL.len()];
        for i in named() {
            if let Some((which, no)) = refused_no(i) {
                refused[which] = Some(no);
            }
        }
        // A lack phrase that starts with a procedure's refusing "no" ("no el" in "el paro no, el
        // imv") does not lack what follows it.
        let lacked = |i: usize| {
            lack_ends_at(tokens, self.first_seen[i], &|start| {
                refused.contains(&Some(start))
            })
        };
        let mut drop = [false; ProcedureId::ALL.len()];
        for i in named() {
            drop[i] = refused[i].is_some() || lacked(i);
        }
        // Something else must be asked about: a procedure not lacked, named strongly enough.
        if named().all(|i| drop[i] || self.procedure[i] < MATCH_THRESHOLD) {
            return;
        }
        for (score, drop) in self.procedure.iter_mut().zip(drop) {
            if drop {
                *score = 0;
            }
        }
        self.dropped = drop;
    }

    /// The one procedure of `goals` among two or more that tie at the top, in a message that
    /// asks the requirements most, or no part: "¿necesito el padrón para la tarjeta sanitaria?",
    /// "¿cuánto tiempo hay que estar empadronado para el IMV?" ask the requirements of the card
    /// and of the IMV. A message that asks another part most keeps the procedure named first:
    /// "¿cuánto tarda el padrón para el IMV?" asks how long the padrón takes. A lawyer is always
    /// for something else (`ProcedureId::serves_another`): "para el asilo, ¿necesito abogado de
    /// oficio?" asks about the lawyer, whatever part it asks.
    fn goal_of_tie(&self, goals: &[bool; ProcedureId::ALL.len()]) -> Option<(ProcedureId, bool)> {
        let top = self.procedure.iter().copied().max()?;
        let tied = || {
            ProcedureId::ALL
                .iter()
                .copied()
                .filter(move |p| self.procedure[p.index()] == top)
        };
        let mut tied_goals = tied().filter(|p| goals[p.index()]);
        // Two goals tell nothing.
        let goal = tied_goals.next().filter(|_| tied_goals.next().is_none())?;
        if top < MATCH_THRESHOLD || tied().count() < 2 {
            return None;
        }
        if let Some(lawyer) = tied().find(|p| p.serves_another() && *p != goal) {
            return Some((lawyer, false));
        }
        let asks_requirements = matches!(self.most_asked(), Facet::Requisitos | Facet::Descripcion);
        asks_requirements.then_some((goal, true))
    }

    fn procedure(&self) -> Option<ProcedureId> {
        self.guess()
            .filter(|p| self.procedure[p.index()] >= MATCH_THRESHOLD)
    }

    /// The best-scoring procedure, whatever its score: on a tie, a goal (see [`Goals`]), else
    /// the one named first.
    fn guess(&self) -> Option<ProcedureId> {
        if let Some((goal, _)) = self.goal {
            return Some(goal);
        }
        ProcedureId::ALL
            .iter()
            .copied()
            .filter(|p| self.procedure[p.index()] > 0)
            .max_by(|&a, &b| self.rank(a, b))
    }

    /// Another procedure named well enough to answer, besides `answered`: the best-scoring, the
    /// one named first on a tie.
    fn also(&self, answered: ProcedureId) -> Option<ProcedureId> {
        ProcedureId::ALL
            .iter()
            .copied()
            .filter(|&p| p != answered && self.procedure[p.index()] >= MATCH_THRESHOLD)
            .max_by(|&a, &b| self.rank(a, b))
    }

    /// How two procedures compare: by score, then the one named first wins.
    fn rank(&self, a: ProcedureId, b: ProcedureId) -> std::cmp::Ordering {
        let (a, b) = (a.index(), b.index());
        self.procedure[a]
            .cmp(&self.procedure[b])
            .then(self.first_seen[b].cmp(&self.first_seen[a]))
    }

    /// No word of any part, the description's included ("qué es"), is in the message.
    fn asks_no_part(&self) -> bool {
        self.facet.iter().all(|&words| words == 0)
    }

    /// A facet other than the description was asked for ("and what papers?").
    fn asks_a_facet(&self) -> bool {
        self.facet
            .iter()
            .enumerate()
            .any(|(i, &n)| n > 0 && i != Facet::Descripcion.index())
    }

    /// The message asks something in words, not in one word alone: its facet words add up to
    /// two or more ("cómo pido", "can I get", "qué es"). "cuándo" or "oficina" alone are as often
    /// part of a story as a question.
    fn asks_in_words(&self) -> bool {
        self.facet.iter().any(|&words| words >= 2)
    }

    /// The message is only politeness and ways of asking for a part, with at most
    /// [`POLITE_OTHER_WORDS`] other words: "hola buenas, ¿qué papeles piden?" asks, where
    /// "salam, ma 3ndich fin nskon" tells a situation.
    fn only_asks(&self, tokens: usize) -> bool {
        let asking: usize = self.facet.iter().map(|&words| usize::from(words)).sum();
        tokens.saturating_sub(self.conversational_words + asking) <= POLITE_OTHER_WORDS
    }

    /// The message is only politeness ("gracias", "ok, muchas gracias por tu ayuda", "no
    /// entiendo nada"): at most [`POLITE_OTHER_WORDS`] words besides conversational ones, and
    /// nothing that leans to a procedure or asks for a part. "gracias, ¿y cuánto tarda?" asks.
    fn only_polite(&self, tokens: usize) -> bool {
        tokens.saturating_sub(self.conversational_words) <= POLITE_OTHER_WORDS
            && self.guess().is_none()
            && self.asks_no_part()
    }

    /// The facet with the most words, a tie going to the earlier of [`FACET_TIES`];
    /// `descripcion` when none was asked.
    fn most_asked(&self) -> Facet {
        FACET_TIES
            .iter()
            .copied()
            .rev()
            .max_by_key(|f| self.facet[f.index()])
            .filter(|f| self.facet[f.index()] > 0)
            .unwrap_or(Facet::Descripcion)
    }

    /// The part of the last answer that a message naming only `procedure` asks about again:
    /// "¿qué papeles para el IMV?" … "¿y pal padrón?" asks for the padrón's papers, "what do I
    /// need for the padron?" … "and for the health card?" for the card's requirements. Only a
    /// short message that opens with a word of `continuacion` and asks no part itself, after
    /// a part of another procedure; after a description, "¿y el padrón?" asks what the padrón
    /// is, which the default gives. A correction of the procedure asks the same part too: "no,
    /// el paro no, el imv" after the amount of the paro asks the IMV's amount. And a part asked
    /// before any procedure was named is asked of the first one named, when it comes alone:
    /// "¿cuánto tarda?" … "lo del IMV".
    fn continued_part(
        &self,
        tokens: &Tokens<'_>,
        context: Context,
        procedure: ProcedureId,
    ) -> Option<Facet> {
        let part = context.facet.filter(|&f| f != Facet::Descripcion)?;
        let Some(other) = context.procedure else {
            return (self.asks_no_part() && tokens.len() <= PENDING_ANSWER_MAX_TOKENS)
                .then_some(part);
        };
        if other == procedure {
            return None;
        }
        let continued = tokens.len() <= CONTINUATION_MAX_TOKENS && self.continues(tokens);
        let corrected = tokens.len() <= CORRECTION_MAX_TOKENS
            && (self.dropped[other.index()] || self.corrects(tokens, procedure));
        (self.asks_no_part() && (continued || corrected)).then_some(part)
    }

    /// The conversation's procedure, when a message that continues it names only `procedure`,
    /// as something the person lacks, and asks nothing but whether: "¿y si no tengo padrón?",
    /// "w ila ma3ndich lpadron?", "and if i dont have padron can i still get it" after an answer
    /// about the health card ask whether the card can be had without it, its requirements.
    /// Without the opening ("no tengo tarjeta sanitaria y mi hijo está enfermo") the person may
    /// need what they lack, and a lawyer lacked is free legal aid asked for: neither is read so.
    fn lacked_for(
        &self,
        tokens: &Tokens<'_>,
        context: Context,
        procedure: ProcedureId,
    ) -> Option<ProcedureId> {
        let current = context.procedure.filter(|&p| p != procedure)?;
        if tokens.len() > CONDITION_MAX_TOKENS
            || procedure.serves_another()
            || !(self.asks_no_part() || self.most_asked() == Facet::Requisitos)
            || !self.continues(tokens)
        {
            return None;
        }
        // Words that lean to the procedure being talked about may come too ("et si j'ai pas le
        // padron depuis 2 ans ?" about the arraigo); another procedure may not.
        let named_alone = self
            .procedure
            .iter()
            .enumerate()
            .all(|(i, &score)| score == 0 || i == procedure.index() || i == current.index());
        // The mention may itself open with the lack: a term such as "sin nie" or "pas de nie".
        let (at, end) = (
            self.first_seen[procedure.index()],
            self.first_end[procedure.index()],
        );
        let opens_mention = (1..=3).any(|words| at + words < end && lack_phrase(tokens, at, words));
        let lacked = opens_mention || lack_ends_at(tokens, at, &|_| false);
        (named_alone && lacked).then_some(current)
    }

    /// The message opens with words of `correccion`, one or more ("no", "me equivoqué", "لا لا
    /// غلطت"), and names `procedure` right after them, with at most an article or a preposition
    /// between ("me equivoqué, el IMV", "perdón, me refería al IMV"). "no tengo padrón" names
    /// it after a verb: not a correction.
    fn corrects(&self, tokens: &Tokens<'_>, procedure: ProcedureId) -> bool {
        let end = correction_end(tokens, 0);
        let named = self.first_seen[procedure.index()];
        end > 0
            && (named == end
                || (named == end + 1 && tokens.get(end).len() <= CORRECTION_LINK_MAX_BYTES))
    }

    /// The message opens with a word of `continuacion` ("y", "and", "what about"), or with an
    /// Arabic و fixed to the procedure's own word ("والبادرون؟", found by taking و off).
    fn continues(&self, tokens: &Tokens<'_>) -> bool {
        let opens = |n| {
            tokens
                .ngram(0, n)
                .is_some_and(|words| CONTINUATION_WORDS.contains(&words))
        };
        let named_first = self.first_seen.contains(&0);
        let and_fixed = || {
            let first = tokens.get(0);
            first.starts_with('و') && first.len() > 'و'.len_utf8()
        };
        opens(1) || opens(2) || (named_first && and_fixed())
    }

    /// The most asked-for facet; `descripcion` (the default) only when no other was asked for,
    /// so "what is the amount" is about the amount. A tie goes to the earlier of
    /// [`FACET_TIES`]; someone whose papers were refused, lost or stolen who asks "¿qué hago?"
    /// or "comment faire" needs what to do about it, not how to apply, and so does someone still
    /// `in_problem` from the answer before who asks only what to do ("me denegaron el IMV" …
    /// "¿y ahora qué hago?"; "¿y cómo lo pido?" asks how to apply); and a question that starts
    /// with the amount ("how much IMV can I get") asks for the amount.
    fn facet(&self, in_problem: bool) -> Facet {
        let top = self.most_asked();
        // "¿cuánto IMV me toca?", "how much IMV can I get": the question is the amount, and the
        // words after it that also ask about the requirements are part of it. So is an amount
        // asked right after them, one word apart at most: "j'ai droit à combien", "me toca
        // cuánto".
        let amount_first = || {
            self.amount_asked_at
                .zip(self.requirements_end)
                .is_some_and(|(amount, end)| amount <= end + 1)
        };
        let problem =
            self.facet[Facet::Problemas.index()] > 0 || (in_problem && !self.asks_to_apply);
        if self.goal.is_some_and(|(_, requirements)| requirements) {
            // "¿necesito el padrón para la tarjeta sanitaria?": whether one is needed for the other.
            Facet::Requisitos
        } else if top == Facet::ComoSolicitar && problem {
            Facet::Problemas
        } else if top == Facet::Requisitos && amount_first() {
            Facet::Cuantia
        } else {
            top
        }
    }
}

/// The facets a message can ask for, in the order that wins a tie: something gone wrong first,
/// the requirements last, because a condition ("si vivo solo", "if I am a student") weighs as
/// much as the question it follows ("¿cómo me empadrono si vivo solo?" asks how).
const FACET_TIES: [Facet; 6] = [
    Facet::Problemas,
    Facet::Documentos,
    Facet::ComoSolicitar,
    Facet::Plazos,
    Facet::Cuantia,
    Facet::Requisitos,
];

/// The term of the vocabulary word one edit away from `token` (see `lexicon::near_word`). `NEAR`
/// knows Arabic words with their prefixes ("المديكو" is one letter from "الميديكو"), while the
/// tables hold them as listed and bare, so the word found is looked up bare too ("ميديكو").
fn near_term(token: &str) -> Option<kb::Term> {
    let word = lexicon::near_word(token)?;
    std::iter::once(0)
        .chain(arabic_prefixes(word))
        .find_map(|skip| TERMS.word(&word[skip..]))
}

/// The longest word allowed between the words of `correccion` and what they correct: "el",
/// "al", "the", "des".
const CORRECTION_LINK_MAX_BYTES: usize = 3;

/// Where the words of `correccion` that follow one another from token `from` end ("no me
/// equivoqué, el IMV" → 3, after "no", "me equivoque"): `from` when there are none.
fn correction_end(tokens: &Tokens<'_>, from: usize) -> usize {
    let phrase_at = |at: usize| {
        (1..=4).rev().find(|&n| {
            tokens
                .ngram(at, n)
                .is_some_and(|words| CORRECTION_WORDS.contains(&words))
        })
    };
    let mut end = from;
    while let Some(n) = phrase_at(end) {
        end += n;
    }
    end
}

/// A menu number given to correct the one just picked ("uy no, el 1", "non le 6 pardon", "sorry
/// wrong number, 8"): words of `correccion`, at most one short word, the number, and nothing
/// after it but more words of `correccion`.
fn corrected_pick(tokens: &Tokens<'_>) -> Option<u8> {
    let mut at = correction_end(tokens, 0);
    if at == 0 {
        return None;
    }
    let is_link = |word: &str| word.len() <= CORRECTION_LINK_MAX_BYTES && number(word).is_none();
    if tokens.ngram(at, 1).is_some_and(is_link) {
        at += 1;
    }
    let picked = number(tokens.ngram(at, 1)?)?;
    (correction_end(tokens, at + 1) == tokens.len()).then_some(picked)
}

/// The longest message in which words of `anterior` that end it point back ("¿cuánto tarda el
/// otro?"); in a longer one they are more likely part of a story ("lo otro que quería decir").
const BACK_AT_END_MAX_TOKENS: usize = 8;

/// Whether the message points back to the procedure talked about before the current one with
/// words of `anterior`: at its start ("el otro, ¿dónde se pide?", "والأول؟"), after a word of
/// `continuacion` and at most one short word ("y el otro", "et pour l'autre", "and for the
/// first one"), or at the end of a short message ("how long for the other one").
fn refers_back(tokens: &Tokens<'_>) -> bool {
    /// The longest word allowed between the opening and the words: "pour", "para", "for".
    const LINK_MAX_BYTES: usize = 4;
    let back_at = |at: usize| {
        (1..=3).any(|n| {
            tokens
                .ngram(at, n)
                .is_some_and(|words| BACK_WORDS.contains(&words))
        })
    };
    let opening = (1..=2).rev().find(|&n| {
        tokens
            .ngram(0, n)
            .is_some_and(|words| CONTINUATION_WORDS.contains(&words))
    });
    let after_opening = opening.is_some_and(|n| {
        back_at(n)
            || (tokens
                .ngram(n, 1)
                .is_some_and(|link| link.len() <= LINK_MAX_BYTES)
                && back_at(n + 1))
    });
    let at_end = tokens.len() <= BACK_AT_END_MAX_TOKENS
        && (1..=3.min(tokens.len())).any(|n| {
            tokens
                .ngram(tokens.len() - n, n)
                .is_some_and(|words| BACK_WORDS.contains(&words))
        });
    back_at(0) || after_opening || at_end
}

/// A message that is only a number: "2", also 1️⃣ and ٢ (which normalize to the digit).
fn number(normalized: &str) -> Option<u8> {
    match normalized.as_bytes() {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

/// Emoji people send alone to say thanks or ok. A crying or worried face is not among them: it
/// may be distress, and the out-of-scope answer starts with the emergency lines.
const THANKS_EMOJI: [char; 16] = [
    '👍', '🙏', '👌', '👏', '💪', '✅', '❤', '♥', '💙', '💚', '😊', '🙂', '😀', '😁', '🥰', '🤗',
];

/// A message of thanks emoji only ("👍", "🙏🏽", "❤️❤️"): skin tones, variation selectors and
/// joiners may come with them.
fn only_thanks_emoji(text: &str) -> bool {
    let mut any = false;
    let all = text.chars().all(|c| {
        let thanks = THANKS_EMOJI.contains(&c);
        any |= thanks;
        thanks
            || c.is_whitespace()
            || matches!(
                c,
                '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}' | '!' | '.'
            )
    });
    all && any
}

/// The `n`-th facet (from 1) that `procedure` has, in the order of its answers' footer.
fn nth_facet(procedure: ProcedureId, n: u8) -> Option<Facet> {
    Facet::ALL
        .iter()
        .copied()
        .filter(|&f| kb::procedure_answer(procedure, f, Lang::Es).is_some())
        .nth(usize::from(n).checked_sub(1)?)
}

/// Whether a phrase of `carencia` ("no tengo", "sin el") ends right before token `at`, leaving
/// out the phrases that start where `skip` says.
fn lack_ends_at(tokens: &Tokens<'_>, at: usize, skip: &impl Fn(usize) -> bool) -> bool {
    (1..=3.min(at)).any(|words| !skip(at - words) && lack_phrase(tokens, at - words, words))
}

/// Whether the `words` tokens from `start` are a phrase of `carencia`.
fn lack_phrase(tokens: &Tokens<'_>, start: usize, words: usize) -> bool {
    tokens
        .ngram(start, words)
        .is_some_and(|w| LACK_WORDS.contains(&w))
}

/// The language of a text, detected the way the responder detects it (Arabic script, vocabulary
/// votes, then `whatlang` for longer text, else Spanish). Used to check generated answers.
pub fn detect_language(text: &str) -> Lang {
    let normalized = Normalized::new(text);
    let tokens = Tokens::new(&normalized);
    let folded = Folded::new(&tokens);
    language::detect(
        &normalized,
        Scores::scan(&tokens, &folded.tokens(), None).hints,
    )
}

/// Answers messages from the compiled cache.
#[derive(Debug, Clone, Copy)]
pub struct Responder {
    guardrails: bool,
}

impl Default for Responder {
    fn default() -> Self {
        Responder { guardrails: true }
    }
}

impl Responder {
    /// A responder; `guardrails` false skips the pre-check (`GUARDRAILS_ON=false`).
    pub fn new(guardrails: bool) -> Responder {
        Responder { guardrails }
    }

    /// Answers `text`, with no conversation behind it. `lang` is the channel's language when it
    /// is known; it wins over detection.
    pub fn respond(&self, text: &str, lang: Option<Lang>) -> Reply {
        self.respond_in(text, lang, Context::default())
    }

    /// Answers `text` as the next message of a conversation: numbers navigate (the menu at the
    /// top, the facets after a procedure's answer, `0` back to the menu), a facet asked alone
    /// is about the current procedure, and a message that does not tell its language is
    /// answered in the conversation's.
    pub fn respond_in(&self, text: &str, lang: Option<Lang>, context: Context) -> Reply {
        let explicit = lang;
        let normalized = Normalized::new(text);
        let tokens = Tokens::new(&normalized);
        let folded = Folded::new(&tokens);
        let folded = folded.tokens();
        let mut scores = Scores::scan(&tokens, &folded, context.procedure);
        // "¿y el otro?": the procedure before the current one becomes the current one, and the
        // current one the other (the conversation swaps them back on "y el otro" again).
        let back = context.other.is_some() && scores.procedure().is_none() && refers_back(&tokens);
        let context = match context.other {
            Some(other) if back => Context {
                procedure: Some(other),
                other: context.procedure,
                ..context
            },
            _ => context,
        };
        let lang = lang
            .or(scores.switch)
            .unwrap_or_else(|| language::detect_in(&normalized, scores.hints, context.lang));

        let guard = self
            .guardrails
            .then(|| guardrails::check(&tokens, &folded))
            .flatten();
        // An account of violence that already happened, in a message that asks about a
        // procedure ("me violaron en mi país, ¿cómo pido asilo?") or asks for it ("… quiero
        // pedir asilo"): answering only with the crisis lines would leave the question
        // unanswered each time they tell their story. The procedure is answered and the 016 note
        // (with 112) follows. A procedure named without a question or a request is a place in
        // the story ("me violaron en el centro de salud"): an alarm.
        let asks = || scores.asks_in_words() || scores.requests || text.contains(['?', '¿', '؟']);
        if let Some(guard) = guard.filter(|g| g.account && scores.procedure().is_some() && asks()) {
            debug_assert_eq!(guard.category, GuardCategory::Violence);
            scores.support = true;
        } else if let Some(guard) = guard {
            // The crisis words tell the language better than the rest of a short, mixed or
            // Arabizi message ("bghit nmout"); a language the person chose still wins.
            let lang = explicit.or(scores.switch).or(guard.lang).unwrap_or(lang);
            return Reply {
                intent: Intent::Blocked(guard.category),
                facet: None,
                pending: None,
                lang,
                source: AnswerSource::Guardrail,
                answer: kb::curated(guard.category.answer(), lang),
                guess: None,
                also: None,
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }

        if scores.forget {
            return Reply {
                intent: Intent::Forget,
                facet: None,
                pending: None,
                lang,
                source: AnswerSource::Cache,
                answer: kb::curated(Curated::Forgotten, lang),
                guess: None,
                also: None,
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }

        // A question from the FAQ, word for word: its language is the entry's.
        if let Some((answer, procedure)) =
            kb::faq(tokens.text()).filter(|(a, _)| explicit.is_none_or(|l| l == a.lang))
        {
            return Reply {
                intent: Intent::Procedure(procedure),
                facet: None,
                pending: None,
                lang: answer.lang,
                source: AnswerSource::Cache,
                answer,
                guess: Some(procedure),
                also: None,
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }

        // A bare number: `0` is the menu; another is a facet of the current procedure, else a
        // procedure of the menu.
        let number = number(tokens.text());
        if number == Some(0) {
            return Reply {
                intent: Intent::Menu,
                facet: None,
                pending: None,
                lang,
                source: AnswerSource::Cache,
                answer: kb::curated(Curated::Menu, lang),
                guess: None,
                also: None,
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }
        // "no, el 1" right after a procedure picked from the menu (its description), or with
        // none: the number is of the menu again.
        let just_picked = context.facet.is_none_or(|f| f == Facet::Descripcion);
        let repicked = (number.is_none() && just_picked && scores.procedure().is_none())
            .then(|| corrected_pick(&tokens))
            .flatten();
        let chosen = match (number.or(repicked), context.procedure) {
            (Some(n), Some(_)) if repicked.is_some() => ProcedureId::ALL
                .get(usize::from(n).wrapping_sub(1))
                .map(|&p| (p, None)),
            (Some(n), Some(current)) => nth_facet(current, n).map(|f| (current, Some(f))),
            // A part asked before any procedure (`Reply::pending` of a miss) is the part of the
            // one picked.
            (Some(n), None) => ProcedureId::ALL
                .get(usize::from(n).wrapping_sub(1))
                .map(|&p| (p, context.facet.filter(|&f| f != Facet::Descripcion))),
            (None, _) => None,
        }
        .or_else(|| {
            scores
                .procedure()
                .map(|p| match scores.lacked_for(&tokens, context, p) {
                    Some(current) => (current, Some(Facet::Requisitos)),
                    None => (p, scores.continued_part(&tokens, context, p)),
                })
                .or_else(|| {
                    // "¿y qué papeles?": a facet alone is about the procedure being discussed.
                    context
                        .procedure
                        .filter(|_| scores.asks_a_facet())
                        .map(|p| (p, None))
                })
                .or_else(|| {
                    // "¿y el otro?" asking nothing else: the part just answered, of the other.
                    context
                        .procedure
                        .filter(|_| back)
                        .map(|p| (p, context.facet))
                })
        })
        .or_else(|| {
            // "In English please" and nothing else, in a conversation about a procedure: the
            // last answer again, in that language (`lang` is the one asked for), and the
            // conversation goes on where it was (a number still picks a part).
            context
                .procedure
                .filter(|_| scores.switch.is_some())
                .map(|p| (p, context.facet))
        });
        if let Some((procedure, picked)) = chosen {
            let in_problem =
                context.facet == Some(Facet::Problemas) && context.procedure == Some(procedure);
            let asked = picked.unwrap_or_else(|| scores.facet(in_problem));
            let (facet, answer) = match kb::procedure_answer(procedure, asked, lang) {
                Some(answer) => (asked, answer),
                None => (
                    Facet::Descripcion,
                    kb::procedure_answer(procedure, Facet::Descripcion, lang)
                        .expect("every procedure has a descripcion (checked by build.rs)"),
                ),
            };
            return Reply {
                intent: Intent::Procedure(procedure),
                facet: Some(facet),
                pending: None,
                lang,
                source: AnswerSource::Cache,
                answer,
                guess: Some(procedure),
                also: scores.also(procedure),
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }

        if let Some(switched) = scores.switch {
            // "In English please" and nothing else, with nothing to repeat: the menu, in that
            // language.
            return Reply {
                intent: Intent::Menu,
                facet: None,
                pending: None,
                lang: switched,
                source: AnswerSource::Cache,
                answer: kb::curated(Curated::Menu, switched),
                guess: None,
                also: None,
                elsewhere: scores.elsewhere,
                support: scores.support,
            };
        }

        let short = tokens.len() <= CONVERSATIONAL_MAX_TOKENS;
        let polite = scores.only_polite(tokens.len());
        // A part asked here is of no procedure: neither the words nor the conversation gave one
        // (a conversation's procedure would have taken it above). It waits for the procedure
        // the person names next (`Reply::pending`), even when the words lean to one too weakly
        // to answer ("¿qué papeles…?" leans to the arraigo).
        let asks_unnamed = scores.asks_a_facet();
        // "hola, ¿qué papeles piden?": the greeting's list of procedures is the question back,
        // when the words lean to none (else the miss path asks about the one they lean to).
        let greeted_question = asks_unnamed
            && scores.guess().is_none()
            && tokens.len() <= GREETED_QUESTION_MAX_TOKENS
            && scores.only_asks(tokens.len());
        let (intent, curated, source) = if scores.greeting && (short || greeted_question) {
            (Intent::Greeting, Curated::Greeting, AnswerSource::Cache)
        } else if short && scores.menu {
            (Intent::Menu, Curated::Menu, AnswerSource::Cache)
        } else if polite && scores.confused {
            // "ok, no entiendo": not understanding is the part to answer.
            (Intent::Confused, Curated::Confused, AnswerSource::Cache)
        } else if polite && scores.thanks || tokens.len() == 0 && only_thanks_emoji(text) {
            (Intent::Thanks, Curated::Thanks, AnswerSource::Cache)
        } else {
            (
                Intent::None,
                Curated::FallbackGeneric,
                AnswerSource::Fallback,
            )
        };
        // A thanks alone tells nothing of the language the person reads: Darija speakers write
        // "merci", many write "thanks". The conversation's language answers it.
        let lang = match (intent, explicit, context.lang) {
            (Intent::Thanks, None, Some(previous)) => previous,
            _ => lang,
        };
        // "¿cuánto tarda?" with no procedure named or being talked about: the part asked waits
        // for the procedure the person names next. So does one asked with a greeting ("hola,
        // ¿cuánto tarda?"), whose answer lists the procedures to pick by number.
        let asked = (matches!(intent, Intent::None | Intent::Greeting) && asks_unnamed)
            .then(|| scores.facet(false));
        Reply {
            intent,
            facet: None,
            pending: asked,
            lang,
            source,
            answer: kb::curated(curated, lang),
            // A miss that names no procedure is about the conversation's: Gemini is asked with
            // its record ("i only worked 6 months" after the unemployment benefit).
            guess: scores.guess().or(context.procedure),
            also: None,
            elsewhere: scores.elsewhere,
            support: scores.support,
        }
    }
}
