//! TwiML replies. The body of every compiled answer is XML-escaped at build time; here the parts
//! are only concatenated.
//!
//! An answer may be followed by a second `<Message>`, a note (`kb::Note`): the 112, 024 and 016
//! lines when the message speaks of violence against the person or of danger, or that offices
//! and some rules differ outside Madrid. Every answer is rendered once with each note and once
//! without, at start-up, so a hit still costs no allocation.

use std::borrow::Cow;

use bytes::Bytes;

use crate::kb::{Answer, Note};

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message><Body>";

/// A reply with no message (Twilio sends nothing).
pub const EMPTY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response />";

pub use crate::kb::compile::xml_escape as escape;

/// What a webhook response carried: a compiled answer, and the note that followed it, if one
/// did. Remembered for Twilio's retries, which get the same again.
#[derive(Debug, Clone, Copy)]
pub struct Sent {
    pub answer: &'static Answer,
    /// Follows the answer in its language, as a second message.
    pub note: Option<Note>,
}

impl Sent {
    /// The answer alone.
    pub fn plain(answer: &'static Answer) -> Sent {
        Sent { answer, note: None }
    }

    /// The note that follows the answer, if one does, in the answer's language.
    pub fn note(&self) -> Option<&'static Answer> {
        self.note.map(|note| note.answer(self.answer.lang))
    }

    /// How it is stored where only text fits (Redis, for the other instances): the answer's
    /// id, with the note's suffix when one followed (borrowed when none did: no allocation).
    pub fn stored_id(&self) -> Cow<'static, str> {
        match self.note {
            Some(note) => Cow::Owned(format!("{}{}", self.answer.id, suffix(note))),
            None => Cow::Borrowed(self.answer.id),
        }
    }

    /// The inverse of [`Sent::stored_id`]; `None` for an id this build does not know.
    pub fn from_stored_id(id: &str) -> Option<Sent> {
        let (id, note) = Note::ALL
            .into_iter()
            .find_map(|note| id.strip_suffix(suffix(note)).map(|id| (id, Some(note))))
            .unwrap_or((id, None));
        crate::kb::answer_by_id(id).map(|answer| Sent { answer, note })
    }
}

/// Marks a stored answer id whose note followed it (no answer id has a `+`). `+nota` is the
/// note about a place outside Madrid, as stored before there was a second note.
const fn suffix(note: Note) -> &'static str {
    match note {
        Note::Elsewhere => "+nota",
        Note::Support => "+apoyo",
    }
}

/// `<Response><Message><Body>…</Body><Media>…</Media></Message></Response>` for `answer`, with
/// its audio when it has one and an audio base URL (already XML-escaped) is known.
pub fn message(answer: &Answer, audio_base_xml: Option<&str>) -> Bytes {
    message_with_note(answer, None, audio_base_xml)
}

/// [`message`], followed by a second `<Message>` with `note` when there is one (WhatsApp shows
/// two bubbles; the answer keeps its 1,600 characters and its recording).
pub fn message_with_note(
    answer: &Answer,
    note: Option<&Answer>,
    audio_base_xml: Option<&str>,
) -> Bytes {
    let media = answer.audio().zip(audio_base_xml);
    let note_len = note.map_or(0, |n| n.twiml_body.len() + 40);
    let mut out = String::with_capacity(HEAD.len() + answer.twiml_body.len() + note_len + 160);
    out.push_str(HEAD);
    out.push_str(answer.twiml_body);
    out.push_str("</Body>");
    if let Some((audio, base)) = media {
        out.push_str("<Media>");
        out.push_str(base);
        out.push('/');
        out.push_str(audio.name);
        out.push_str("</Media>");
    }
    if let Some(note) = note {
        out.push_str("</Message><Message><Body>");
        out.push_str(note.twiml_body);
        out.push_str("</Body>");
    }
    out.push_str("</Message></Response>");
    Bytes::from(out)
}

/// Every compiled answer's TwiML, in `kb::answers()` order, with its audio under
/// `audio_base` (not yet escaped) when it has a recording, each followed by `note` in its
/// language when there is one.
pub fn render_all(audio_base: Option<&str>, note: Option<Note>) -> Box<[Bytes]> {
    let base = audio_base.map(escape);
    crate::kb::answers()
        .iter()
        .map(|a| message_with_note(a, note.map(|n| n.answer(a.lang)), base.as_deref()))
        .collect()
}

/// The position of `answer` in `kb::answers()`, from its address (compiled answers live in one
/// static array).
pub fn index_of(answer: &'static Answer) -> Option<usize> {
    let all = crate::kb::answers();
    let offset = (answer as *const Answer as usize).checked_sub(all.as_ptr() as usize)?;
    let i = offset / std::mem::size_of::<Answer>();
    all.get(i).filter(|a| std::ptr::eq(*a, answer)).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Lang;

    #[test]
    fn a_stored_id_gives_back_the_answer_and_its_note() {
        let answer = crate::kb::answer_by_id("imv.requisitos.es").unwrap();
        for note in [None, Some(Note::Elsewhere), Some(Note::Support)] {
            let sent = Sent { answer, note };
            let back = Sent::from_stored_id(&sent.stored_id()).expect("a known id");
            assert!(std::ptr::eq(back.answer, answer));
            assert_eq!(back.note, note);
        }
        // Ids stored before the 016 note existed still read the same.
        let old = Sent::from_stored_id("imv.requisitos.es+nota").unwrap();
        assert_eq!(old.note, Some(Note::Elsewhere));
        assert!(Sent::from_stored_id("imv.requisitos.es+otra").is_none());
    }

    #[test]
    fn escaped_answers_round_trip_through_an_xml_parser() {
        let text = "Tom & Jerry <b>\"quoted\"</b> l'IMV > 0 & done";
        let escaped: &'static str = Box::leak(escape(text).into_boxed_str());
        let answer = Answer {
            id: "test.es",
            lang: Lang::Es,
            text,
            twiml_body: escaped,
            audio: None,
            emergency_lines: false,
        };
        let xml = message(&answer, Some("https://x.example/a?b=1&amp;c=2"));
        let xml = std::str::from_utf8(&xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut body = String::new();
        let mut in_body = false;
        loop {
            match reader.read_event().expect("well-formed XML") {
                quick_xml::events::Event::Start(e) => in_body = e.name().as_ref() == b"Body",
                quick_xml::events::Event::End(_) => in_body = false,
                quick_xml::events::Event::Text(t) if in_body => body.push_str(&t.decode().unwrap()),
                quick_xml::events::Event::GeneralRef(r) if in_body => {
                    body.push_str(
                        &quick_xml::escape::unescape(&format!("&{};", String::from_utf8_lossy(&r)))
                            .unwrap(),
                    );
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(body, text);
        // No audio on this answer, so no <Media> even with a base URL.
        assert!(!xml.contains("<Media>"));
    }
}
