//! WhatsApp text → text for a voice: no markup, no emoji, web addresses shortened to their host.

/// Turns an answer's WhatsApp text into what a text-to-speech engine should read.
pub fn speakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        // A middle dot separates title parts ("IMV · Qué es"): a pause, not a word.
        let line = line.replace(" · ", ", ");
        let mut spoken = String::with_capacity(line.len());
        for word in line.split(' ') {
            let word = match word
                .strip_prefix("https://")
                .or_else(|| word.strip_prefix("http://"))
            {
                Some(rest) => {
                    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
                    host.strip_prefix("www.").unwrap_or(host)
                }
                None => word,
            };
            let word: String = word.chars().filter(|&c| !is_markup_or_symbol(c)).collect();
            if !word.is_empty() {
                if !spoken.is_empty() {
                    spoken.push(' ');
                }
                spoken.push_str(&word);
            }
        }
        let spoken = spoken.trim();
        if spoken.is_empty() {
            continue;
        }
        out.push_str(spoken);
        // A full stop makes the voice pause between lines.
        if !spoken.ends_with(['.', ':', '?', '!', '؟', '。']) {
            out.push('.');
        }
        out.push('\n');
    }
    out
}

/// WhatsApp markup (`*bold*`, `_italic_`, `~strike~`), pictographs (emoji, keycaps, arrows) and
/// the bidi isolates around numbers in Arabic text (a display hint, nothing to say).
fn is_markup_or_symbol(c: char) -> bool {
    matches!(
        c,
        '*' | '_' | '~' | '`' | '\u{FE0F}' | '\u{20E3}' | '\u{200D}' | '\u{2066}'..='\u{2069}'
    ) || (u32::from(c) >= 0x2190 && !c.is_alphanumeric() && !matches!(c, '€' | '«' | '»'))
}

#[cfg(test)]
mod tests {
    use super::speakable;

    #[test]
    fn strips_markup_emoji_and_shortens_urls() {
        let text = "*IMV* · _Qué es_\n\n1️⃣ Pide cita\n🔗 Fuente oficial: https://www.madrid.es/portal/x?y=1\n📞 010";
        assert_eq!(
            speakable(text),
            "IMV, Qué es.\n1 Pide cita.\nFuente oficial: madrid.es.\n010.\n"
        );
    }

    #[test]
    fn drops_bidi_isolates() {
        assert_eq!(
            speakable("اتصل بالرقم \u{2066}012\u{2069}"),
            "اتصل بالرقم 012.\n"
        );
    }

    #[test]
    fn keeps_arabic_and_euro_signs() {
        assert_eq!(speakable("المبلغ 733 € تقريباً"), "المبلغ 733 € تقريباً.\n");
    }
}
