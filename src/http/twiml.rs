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
