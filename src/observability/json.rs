//! The JSON log line: `{"timestamp":…,"level":…,"message":…, fields…}`, one per event, written
//! straight into the log layer's reused buffer. Unlike tracing-subscriber's own JSON format,
//! it allocates nothing per event (no timestamp `String`, no field map), so a cache hit stays
//! allocation-free with logging on. Every string is JSON-escaped, so a value from a client (a
//! `MessageSid` with a newline) cannot start a line of its own.

use std::fmt::{self, Write as _};
use std::time::{SystemTime, UNIX_EPOCH};

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// The JSON-lines event format (`OBSERVABILITY_ON=true`).
pub struct JsonLines;

impl<S, N> FormatEvent<S, N> for JsonLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        writer.write_str("{\"timestamp\":\"")?;
        write_timestamp(&mut writer, SystemTime::now())?;
        write!(writer, "\",\"level\":\"{}\"", event.metadata().level())?;
        let mut fields = Fields {
            out: &mut writer,
            result: Ok(()),
        };
        event.record(&mut fields);
        fields.result?;
        writer.write_str("}\n")
    }
}

/// Writes each field as `,"name":value`.
struct Fields<'w, 'b> {
    out: &'w mut Writer<'b>,
    result: fmt::Result,
}

impl Fields<'_, '_> {
    fn field(&mut self, field: &Field, value: impl FnOnce(&mut Writer<'_>) -> fmt::Result) {
        if self.result.is_ok() {
            self.result = write!(self.out, ",\"{}\":", field.name()).and_then(|()| value(self.out));
        }
    }

    fn string(&mut self, field: &Field, value: fmt::Arguments<'_>) {
        self.field(field, |out| {
            out.write_char('"')?;
            Escaped(out).write_fmt(value)?;
            out.write_char('"')
        });
    }
}

impl Visit for Fields<'_, '_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.string(field, format_args!("{value}"));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.string(field, format_args!("{value:?}"));
    }

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.string(field, format_args!("{value}"));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.field(field, |out| write!(out, "{value}"));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.field(field, |out| write!(out, "{value}"));
    }

    fn record_i128(&mut self, field: &Field, value: i128) {
        self.field(field, |out| write!(out, "{value}"));
    }

    fn record_u128(&mut self, field: &Field, value: u128) {
        self.field(field, |out| write!(out, "{value}"));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.field(field, |out| write!(out, "{value}"));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        // JSON has no NaN or infinity.
        self.field(field, |out| {
            if value.is_finite() {
                write!(out, "{value}")
            } else {
                out.write_str("null")
            }
        });
    }
}

/// Escapes what passes through it for the inside of a JSON string.
struct Escaped<'w, 'b>(&'w mut Writer<'b>);

impl fmt::Write for Escaped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let escape = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' => {
                    self.0.write_str(&s[start..i])?;
                    write!(self.0, "\\u{:04x}", c as u32)?;
                    start = i + c.len_utf8();
                    continue;
                }
                _ => continue,
            };
            self.0.write_str(&s[start..i])?;
            self.0.write_str(escape)?;
            start = i + c.len_utf8();
        }
        self.0.write_str(&s[start..])
    }
}

/// `time` as RFC 3339 in UTC with microseconds, e.g. `2026-11-29T07:02:00.154601Z`.
fn write_timestamp(out: &mut impl fmt::Write, time: SystemTime) -> fmt::Result {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    write!(
        out,
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60,
        since.subsec_micros()
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        let mut out = String::new();
        let t = UNIX_EPOCH + Duration::from_micros(1_795_935_720_154_601);
        write_timestamp(&mut out, t).unwrap();
        assert_eq!(out, "2026-11-29T07:02:00.154601Z");
        out.clear();
        write_timestamp(&mut out, UNIX_EPOCH + Duration::from_secs(951_782_400)).unwrap();
        assert_eq!(out, "2000-02-29T00:00:00.000000Z");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn lines_are_json_with_every_field_escaped() {
        use std::sync::{Arc, Mutex};
        #[derive(Clone, Default)]
        struct Sink(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Sink {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let sink = Sink::default();
        let writer = sink.clone();
        let subscriber = tracing_subscriber::fmt()
            .event_format(JsonLines)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(
                sid = "SM1\n2026 INFO forged \"quoted\" \\ \u{1b}[31m",
                n = 42u64,
                neg = -3i64,
                ok = true,
                ratio = 0.5,
                shown = %"dis\tplay",
                debugged = ?Some("x"),
                "message answered"
            );
        });
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["message"], "message answered");
        assert_eq!(v["level"], "INFO");
        assert_eq!(v["sid"], "SM1\n2026 INFO forged \"quoted\" \\ \u{1b}[31m");
        assert_eq!((v["n"].as_u64(), v["neg"].as_i64()), (Some(42), Some(-3)));
        assert_eq!(
            (v["ok"].as_bool(), v["ratio"].as_f64()),
            (Some(true), Some(0.5))
        );
        assert_eq!(v["shown"], "dis\tplay");
        assert_eq!(v["debugged"], "Some(\"x\")");
        assert!(v["timestamp"].as_str().unwrap().ends_with('Z'));
    }
}
