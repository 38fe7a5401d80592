//! TwiML replies. The body of every compiled answer is XML-escaped at build time; here the parts
//! are only concatenated.

use bytes::Bytes;

use crate::kb::Answer;

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message><Body>";

/// A reply with no message (Twilio sends nothing).
pub const EMPTY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response />";

pub use crate::kb::compile::xml_escape as escape;

/// `<Response><Message><Body>…</Body><Media>…</Media></Message></Response>` for `answer`, with
/// its audio when it has one and an audio base URL (already XML-escaped) is known.
pub fn message(answer: &Answer, audio_base_xml: Option<&str>) -> Bytes {
    let media = answer.audio().zip(audio_base_xml);
    let mut out = String::with_capacity(HEAD.len() + answer.twiml_body.len() + 160);
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
    out.push_str("</Message></Response>");
    Bytes::from(out)
}

/// Every compiled answer's TwiML, in `kb::answers()` order, with its audio under
/// `audio_base` (not yet escaped) when it has a recording.
pub fn render_all(audio_base: Option<&str>) -> Box<[Bytes]> {
    let base = audio_base.map(escape);
    crate::kb::answers()
        .iter()
        .map(|a| message(a, base.as_deref()))
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
