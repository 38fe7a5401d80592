//! TwiML replies. The body of every compiled answer is XML-escaped at build time; here the parts
//! are only concatenated.
//!
//! A procedure answer to a message that names a place outside Madrid is followed by a second
//! `<Message>`: the note that offices and some rules differ there (`kb::elsewhere_note`). Both
//! forms of every answer are rendered once, at start-up, so a hit still costs no allocation.

use std::borrow::Cow;

use bytes::Bytes;

use crate::kb::Answer;

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message><Body>";

/// A reply with no message (Twilio sends nothing).
pub const EMPTY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response />";

pub use crate::kb::compile::xml_escape as escape;

/// What a webhook response carried: a compiled answer, and whether the note about a place
/// outside Madrid followed it. Remembered for Twilio's retries, which get the same again.
#[derive(Debug, Clone, Copy)]
pub struct Sent {
    pub answer: &'static Answer,
    /// The answer's language's `kb::elsewhere_note` follows, as a second message.
    pub noted: bool,
}

impl Sent {
    /// The answer alone.
    pub fn plain(answer: &'static Answer) -> Sent {
        Sent {
            answer,
            noted: false,
        }
    }

    /// The note that follows the answer, if one does.
    pub fn note(&self) -> Option<&'static Answer> {
        self.noted
            .then(|| crate::kb::elsewhere_note(self.answer.lang))
    }

    /// How it is stored where only text fits (Redis, for the other instances): the answer's
    /// id, with `+nota` when the note followed (borrowed when it did not: no allocation).
    pub fn stored_id(&self) -> Cow<'static, str> {
        if self.noted {
            Cow::Owned(format!("{}{NOTED_SUFFIX}", self.answer.id))
        } else {
            Cow::Borrowed(self.answer.id)
        }
    }

    /// The inverse of [`Sent::stored_id`]; `None` for an id this build does not know.
    pub fn from_stored_id(id: &str) -> Option<Sent> {
        let (id, noted) = match id.strip_suffix(NOTED_SUFFIX) {
            Some(id) => (id, true),
            None => (id, false),
        };
        crate::kb::answer_by_id(id).map(|answer| Sent { answer, noted })
    }
}

/// Marks a stored answer id whose note followed it (no answer id has a `+`).
const NOTED_SUFFIX: &str = "+nota";

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
/// `audio_base` (not yet escaped) when it has a recording; `noted`: each followed by the note
/// about a place outside Madrid in its language.
pub fn render_all(audio_base: Option<&str>, noted: bool) -> Box<[Bytes]> {
    let base = audio_base.map(escape);
    crate::kb::answers()
        .iter()
        .map(|a| {
            let note = noted.then(|| crate::kb::elsewhere_note(a.lang));
            message_with_note(a, note, base.as_deref())
        })
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
    fn escaped_answers_round_trip_through_an_xml_parser() {
        let text = "Tom & Jerry <b>\"quoted\"</b> l'IMV > 0 & done";
        let escaped: &'static str = Box::leak(escape(text).into_boxed_str());
        let answer = Answer {
            id: "test.es",
            lang: Lang::Es,
            text,
            twiml_body: escaped,
            audio: None,
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
