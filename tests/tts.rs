//! Spoken replies (`clara::voice`): decoding what Gemini TTS returns (raw PCM or WAV),
//! encoding it as OGG/Opus checked byte by byte against RFC 3533 and RFC 7845 (and by `opusdec`
//! when it is installed), the bounded cache, and `voice_reply` against a mock Gemini on 127.0.0.1.

mod tools;

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use bytes::Bytes;
use clara::Lang;
use clara::outbound::gemini::Gemini;
use clara::voice::{
    Clip, GeminiSpeaker, MAX_AUDIO_SECONDS, NoSpeaker, Pcm, Speaker, TtsCache, TtsError, decode,
    encode_ogg_opus, voice_reply,
};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "AIzaSy-test-key-0123456789-secret";
const TTS_GENERATE: &str = "/v1beta/models/gemini-3.8-flash-tts:generateContent";
const PCM_MIME: &str = "audio/L16;codec=pcm;rate=24000";

// ---- audio helpers --------------------------------------------------------------------------

/// `seconds` of a sine at `freq` Hz, at half of full scale.
fn sine(rate: u32, seconds: f64, freq: f64) -> Vec<i16> {
    let n = (f64::from(rate) * seconds).round() as usize;
    (0..n)
        .map(|i| {
            let t = i as f64 / f64::from(rate);
            ((2.0 * std::f64::consts::PI * freq * t).sin() * 16_000.0) as i16
        })
        .collect()
}

/// Samples as headerless little-endian bytes.
fn le_bytes(samples: &[i16]) -> Vec<u8> {
    samples.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// A RIFF chunk, padded to an even size.
fn chunk(id: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = id.to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(body);
    if body.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// A `fmt ` chunk body: tag, channels, rate, bits (byte rate and block align derived).
fn fmt(tag: u16, channels: u16, rate: u32, bits: u16) -> Vec<u8> {
    let align = channels * bits / 8;
    let mut body = Vec::new();
    body.extend_from_slice(&tag.to_le_bytes());
    body.extend_from_slice(&channels.to_le_bytes());
    body.extend_from_slice(&rate.to_le_bytes());
    body.extend_from_slice(&(rate * u32::from(align)).to_le_bytes());
    body.extend_from_slice(&align.to_le_bytes());
    body.extend_from_slice(&bits.to_le_bytes());
    body
}

/// A RIFF/WAVE file of these chunks.
fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
    let body: Vec<u8> = chunks.concat();
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(4 + body.len() as u32).to_le_bytes());
    out.extend_from_slice(b"WAVE");
    out.extend_from_slice(&body);
    out
}

/// A plain 16-bit PCM WAV file.
fn wav(channels: u16, rate: u32, interleaved: &[i16]) -> Vec<u8> {
    riff(&[
        chunk(b"fmt ", &fmt(1, channels, rate, 16)),
        chunk(b"data", &le_bytes(interleaved)),
    ])
}

// ---- an independent Ogg/Opus reader ---------------------------------------------------------

/// One Ogg page (RFC 3533 §6).
#[derive(Debug)]
struct Page {
    flags: u8,
    granule: u64,
    serial: u32,
    sequence: u32,
    /// The packets' pieces in this page, with whether each one ends here.
    pieces: Vec<(Vec<u8>, bool)>,
}

/// The Ogg CRC: polynomial 0x04c11db7, not reflected, initial value and final xor 0.
fn ogg_crc(data: &[u8]) -> u32 {
    data.iter().fold(0u32, |crc, &byte| {
        let mut crc = crc ^ (u32::from(byte) << 24);
        for _ in 0..8 {
            crc = if crc & 0x8000_0000 != 0 {
                (crc << 1) ^ 0x04c1_1db7
            } else {
                crc << 1
            };
        }
        crc
    })
}

/// Splits a file into pages, checking the capture pattern, version and CRC of each.
fn pages(file: &[u8]) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut at = 0;
    while at < file.len() {
        let header = &file[at..];
        assert_eq!(&header[0..4], b"OggS", "capture pattern at byte {at}");
        assert_eq!(header[4], 0, "stream structure version");
        let flags = header[5];
        let granule = u64::from_le_bytes(header[6..14].try_into().unwrap());
        let serial = u32::from_le_bytes(header[14..18].try_into().unwrap());
        let sequence = u32::from_le_bytes(header[18..22].try_into().unwrap());
        let crc = u32::from_le_bytes(header[22..26].try_into().unwrap());
        let segments = usize::from(header[26]);
        let lacing = &header[27..27 + segments];
        let body_len: usize = lacing.iter().map(|&l| usize::from(l)).sum();
        let page_len = 27 + segments + body_len;
        let mut zeroed = file[at..at + page_len].to_vec();
        zeroed[22..26].fill(0);
        assert_eq!(ogg_crc(&zeroed), crc, "crc of page {sequence}");
        let mut pieces = Vec::new();
        let mut body = &header[27 + segments..page_len];
        let mut piece = Vec::new();
        for &l in lacing {
            piece.extend_from_slice(&body[..usize::from(l)]);
            body = &body[usize::from(l)..];
            if l < 255 {
                pieces.push((std::mem::take(&mut piece), true));
            }
        }
        if !piece.is_empty() {
            pieces.push((piece, false));
        }
        pages.push(Page {
            flags,
            granule,
            serial,
            sequence,
            pieces,
        });
        at += page_len;
    }
    pages
}

/// Samples (at 48 kHz) in an Opus packet, from its TOC byte (RFC 6716 §3.1).
fn packet_samples(packet: &[u8]) -> u64 {
    let config = packet[0] >> 3;
    let frame = match config {
        0..=11 => [480, 960, 1920, 2880][usize::from(config % 4)],
        12..=15 => [480, 960][usize::from(config % 2)],
        _ => [120, 240, 480, 960][usize::from(config % 4)],
    };
    let frames = match packet[0] & 3 {
        0 => 1,
        1 | 2 => 2,
        _ => u64::from(packet[1] & 0x3f),
    };
    frame * frames
}

/// What a valid one-stream Ogg Opus file says about itself.
#[derive(Debug)]
struct OpusFile {
    pre_skip: u64,
    input_rate: u32,
    /// Last page's granule position minus the pre-skip: the samples played, at 48 kHz.
    played: u64,
    /// Samples in all audio packets, at 48 kHz.
    encoded: u64,
    packets: usize,
}

/// Checks the whole layout of RFC 7845 and returns the numbers to compare.
fn check_ogg_opus(file: &[u8]) -> OpusFile {
    let pages = pages(file);
    assert!(pages.len() >= 3, "head, tags and audio pages");
    let serial = pages[0].serial;
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.serial, serial, "one logical stream");
        assert_eq!(page.sequence as usize, i, "page sequence numbers");
        let bos = i == 0;
        let eos = i + 1 == pages.len();
        assert_eq!(
            page.flags & 0x02 != 0,
            bos,
            "beginning-of-stream flag, page {i}"
        );
        assert_eq!(page.flags & 0x04 != 0, eos, "end-of-stream flag, page {i}");
    }
    // Page 0: OpusHead alone, granule 0.
    assert_eq!(pages[0].pieces.len(), 1);
    assert_eq!(pages[0].granule, 0);
    let head = &pages[0].pieces[0].0;
    assert_eq!(head.len(), 19, "OpusHead size for channel mapping family 0");
    assert_eq!(&head[0..8], b"OpusHead");
    assert_eq!(head[8], 1, "version");
    assert_eq!(head[9], 1, "mono");
    let pre_skip = u64::from(u16::from_le_bytes([head[10], head[11]]));
    let input_rate = u32::from_le_bytes(head[12..16].try_into().unwrap());
    assert_eq!(i16::from_le_bytes([head[16], head[17]]), 0, "output gain");
    assert_eq!(head[18], 0, "channel mapping family");
    // Page 1: OpusTags alone, granule 0, well-formed.
    assert_eq!(pages[1].pieces.len(), 1);
    assert_eq!(pages[1].granule, 0);
    let tags = &pages[1].pieces[0].0;
    assert_eq!(&tags[0..8], b"OpusTags");
    let vendor = u32::from_le_bytes(tags[8..12].try_into().unwrap()) as usize;
    assert!(std::str::from_utf8(&tags[12..12 + vendor]).is_ok());
    let comments = u32::from_le_bytes(tags[12 + vendor..16 + vendor].try_into().unwrap());
    assert_eq!(comments, 0);
    // Audio pages: each page's granule counts the samples of the packets that end in it.
    let mut encoded = 0;
    let mut packets = 0;
    let mut partial = Vec::new();
    for page in &pages[2..] {
        for (piece, ends) in &page.pieces {
            partial.extend_from_slice(piece);
            if *ends {
                encoded += packet_samples(&partial);
                packets += 1;
                partial.clear();
            }
        }
        let last = std::ptr::eq(page, pages.last().unwrap());
        if last {
            assert!(page.granule <= encoded, "end trimming only removes samples");
            assert!(
                encoded - page.granule < 960,
                "end trimming stays within the last packet"
            );
        } else {
            assert_eq!(page.granule, encoded, "granule of page {}", page.sequence);
        }
    }
    assert!(partial.is_empty(), "no packet left unfinished");
    let end = pages.last().unwrap().granule;
    OpusFile {
        pre_skip,
        input_rate,
        played: end - pre_skip,
        encoded,
        packets,
    }
}

// ---- decoding -------------------------------------------------------------------------------

#[test]
fn raw_pcm_is_decoded_at_its_rate() {
    let samples = sine(24_000, 0.5, 440.0);
    let pcm = decode(PCM_MIME, &le_bytes(&samples)).unwrap();
    assert_eq!(pcm.rate, 24_000);
    assert_eq!(pcm.samples, samples);
    assert_eq!(pcm.duration(), Duration::from_millis(500));

    let pcm = decode("audio/L16;codec=pcm;rate=16000", &le_bytes(&samples)).unwrap();
    assert_eq!(pcm.rate, 16_000);
    // No rate parameter: Gemini's documented 24 kHz.
    assert_eq!(decode("audio/L16", &[1, 0]).unwrap().rate, 24_000);
    // A trailing half sample is dropped, not misread.
    assert_eq!(
        decode(PCM_MIME, &[1, 0, 2, 0, 9]).unwrap().samples,
        vec![1, 2]
    );
}

#[test]
fn wav_is_read_chunk_by_chunk() {
    let samples = sine(24_000, 0.25, 440.0);
    let pcm = decode("audio/wav", &wav(1, 24_000, &samples)).unwrap();
    assert_eq!((pcm.rate, &pcm.samples), (24_000, &samples));
    assert_eq!(
        decode("audio/x-wav", &wav(1, 24_000, &samples)).unwrap(),
        pcm
    );

    // Stereo is averaged to mono.
    let stereo = wav(2, 48_000, &[100, 300, -100, -300, 7, 8]);
    let pcm = decode("audio/wav", &stereo).unwrap();
    assert_eq!((pcm.rate, pcm.samples), (48_000, vec![200, -200, 7]));

    // Other chunks (odd-sized, so padded) before and after, a longer fmt chunk with cbSize.
    let mut long_fmt = fmt(1, 1, 16_000, 16);
    long_fmt.extend_from_slice(&0u16.to_le_bytes());
    let file = riff(&[
        chunk(b"LIST", b"INFOISFT\x03\x00\x00\x00ab\x00"),
        chunk(b"fmt ", &long_fmt),
        chunk(b"fact", &[1, 2, 3]),
        chunk(b"data", &le_bytes(&[1, -2, 3])),
        chunk(b"id3 ", b"tag"),
    ]);
    let pcm = decode("audio/wav", &file).unwrap();
    assert_eq!((pcm.rate, pcm.samples), (16_000, vec![1, -2, 3]));

    // WAVE_FORMAT_EXTENSIBLE with the PCM sub-format.
    let mut ext = fmt(0xFFFE, 1, 24_000, 16);
    ext.extend_from_slice(&22u16.to_le_bytes()); // cbSize
    ext.extend_from_slice(&16u16.to_le_bytes()); // valid bits
    ext.extend_from_slice(&4u32.to_le_bytes()); // channel mask
    ext.extend_from_slice(&[
        1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71,
    ]);
    let file = riff(&[chunk(b"fmt ", &ext), chunk(b"data", &le_bytes(&[5, 6]))]);
    assert_eq!(decode("audio/wav", &file).unwrap().samples, vec![5, 6]);

    // A streaming writer's data size (0xFFFFFFFF, or 0) means "to the end".
    for size in [u32::MAX, 0] {
        let mut file = wav(1, 24_000, &[1, 2, 3]);
        let at = file.len() - 6 - 4;
        file[at..at + 4].copy_from_slice(&size.to_le_bytes());
        assert_eq!(decode("audio/wav", &file).unwrap().samples, vec![1, 2, 3]);
    }
}

#[test]
fn bad_or_unsupported_wav_is_refused_clearly() {
    let data = chunk(b"data", &le_bytes(&[1, 2, 3, 4]));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "empty",
            Vec::new(),
            "malformed audio: wav: not a RIFF/WAVE file",
        ),
        (
            "raw pcm labelled wav",
            le_bytes(&sine(24_000, 0.01, 440.0)),
            "malformed audio: wav: not a RIFF/WAVE file",
        ),
        (
            "RIFF but AVI",
            b"RIFF\x04\x00\x00\x00AVI ".to_vec(),
            "malformed audio: wav: not a RIFF/WAVE file",
        ),
        ("no chunks", riff(&[]), "malformed audio: wav: no fmt chunk"),
        (
            "data before fmt",
            riff(&[data.clone(), chunk(b"fmt ", &fmt(1, 1, 24_000, 16))]),
            "malformed audio: wav: data chunk before the fmt chunk",
        ),
        (
            "no data",
            riff(&[chunk(b"fmt ", &fmt(1, 1, 24_000, 16))]),
            "malformed audio: wav: no data chunk",
        ),
        (
            "short fmt",
            riff(&[chunk(b"fmt ", &[1, 0, 1, 0]), data.clone()]),
            "malformed audio: wav: fmt chunk of 4 bytes (at least 16)",
        ),
        (
            "fmt cut short",
            b"RIFF\x20\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00".to_vec(),
            "malformed audio: wav: fmt chunk cut short",
        ),
        (
            "24-bit",
            riff(&[chunk(b"fmt ", &fmt(1, 1, 24_000, 24)), data.clone()]),
            "unsupported audio: wav with 24-bit samples; only 16-bit PCM is supported",
        ),
        (
            "8-bit",
            riff(&[chunk(b"fmt ", &fmt(1, 1, 8_000, 8)), data.clone()]),
            "unsupported audio: wav with 8-bit samples; only 16-bit PCM is supported",
        ),
        (
            "float",
            riff(&[chunk(b"fmt ", &fmt(3, 1, 24_000, 32)), data.clone()]),
            "unsupported audio: wav format tag 3 (IEEE float); only integer PCM is supported",
        ),
        (
            "mu-law",
            riff(&[chunk(b"fmt ", &fmt(7, 1, 8_000, 8)), data.clone()]),
            "unsupported audio: wav format tag 7 (mu-law); only integer PCM is supported",
        ),
        (
            "zero channels",
            riff(&[chunk(b"fmt ", &fmt(1, 0, 24_000, 16)), data.clone()]),
            "malformed audio: zero channels",
        ),
        (
            "96 kHz",
            riff(&[chunk(b"fmt ", &fmt(1, 1, 96_000, 16)), data.clone()]),
            "unsupported audio: sample rate 96000 Hz (8000-48000 Hz)",
        ),
        (
            "bad block align",
            {
                let mut f = fmt(1, 2, 24_000, 16);
                f[12..14].copy_from_slice(&2u16.to_le_bytes());
                riff(&[chunk(b"fmt ", &f), data.clone()])
            },
            "malformed audio: wav block align 2 for 2 channel(s) of 16 bits",
        ),
        (
            "empty data",
            riff(&[chunk(b"fmt ", &fmt(1, 1, 24_000, 16)), chunk(b"data", &[])]),
            "malformed audio: no audio samples",
        ),
    ];
    for (what, file, message) in cases {
        let err = decode("audio/wav", &file).expect_err(what);
        assert_eq!(err.to_string(), message, "{what}");
    }
}

#[test]
fn other_audio_types_are_refused() {
    for mime in [
        "audio/mpeg",
        "audio/ogg",
        "text/plain",
        "",
        "audio/L24;rate=24000",
    ] {
        let err = decode(mime, &[0; 64]).expect_err(mime);
        assert!(matches!(err, TtsError::Unsupported(_)), "{mime}: {err}");
        assert!(err.to_string().contains("expected audio/L16 or audio/wav"));
    }
}

#[test]
fn audio_longer_than_the_limit_is_refused() {
    let seconds = u64::from(MAX_AUDIO_SECONDS) + 1;
    let data = vec![0u8; 2 * 8_000 * seconds as usize];
    assert_eq!(
        decode("audio/L16;rate=8000", &data),
        Err(TtsError::TooLong { seconds })
    );
    let pcm = Pcm {
        rate: 8_000,
        samples: vec![0; 8_000 * seconds as usize],
    };
    assert_eq!(encode_ogg_opus(&pcm), Err(TtsError::TooLong { seconds }));
    let empty = Pcm {
        rate: 24_000,
        samples: Vec::new(),
    };
    assert!(matches!(
        encode_ogg_opus(&empty),
        Err(TtsError::Malformed(_))
    ));
}

// ---- encoding -------------------------------------------------------------------------------

#[test]
fn one_second_of_sine_is_a_valid_ogg_opus_second() {
    let pcm = Pcm {
        rate: 24_000,
        samples: sine(24_000, 1.0, 440.0),
    };
    let clip = encode_ogg_opus(&pcm).unwrap();
    assert_eq!((clip.mime, clip.ext), ("audio/ogg", "ogg"));
    assert_eq!(&clip.bytes[0..4], b"OggS");
    assert_eq!(&clip.bytes[28..36], b"OpusHead");
    let file = check_ogg_opus(&clip.bytes);
    assert_eq!(file.pre_skip, 312);
    assert_eq!(file.input_rate, 24_000);
    assert_eq!(file.played, 48_000, "exactly one second at 48 kHz");
    assert_eq!(
        file.packets, 51,
        "20 ms packets: 1 s + the encoder's lookahead"
    );
    assert!(file.encoded >= file.played + file.pre_skip);
    // About 24 kbit/s of Opus plus the Ogg pages: 2-5 KB for a second.
    assert!(
        (2_000..5_000).contains(&clip.bytes.len()),
        "{} bytes",
        clip.bytes.len()
    );
    // The same audio always gives the same file, so the same cache name.
    assert_eq!(encode_ogg_opus(&pcm).unwrap(), clip);
}

#[test]
fn every_rate_keeps_its_duration() {
    // (input rate, seconds, samples played at 48 kHz). 22,050 and 44,100 Hz are resampled up to
    // 24 and 48 kHz; a clip shorter than one frame is padded, and trimmed back by the granule.
    for (rate, seconds, played) in [
        (8_000, 0.5, 24_000),
        (12_000, 0.5, 24_000),
        (16_000, 1.0, 48_000),
        (22_050, 1.0, 48_000),
        (44_100, 0.5, 24_000),
        (48_000, 0.75, 36_000),
        (24_000, 0.01, 480),
        (24_000, 2.53, 121_440),
    ] {
        let pcm = Pcm {
            rate,
            samples: sine(rate, seconds, 300.0),
        };
        let clip = encode_ogg_opus(&pcm).unwrap();
        let file = check_ogg_opus(&clip.bytes);
        assert_eq!(file.input_rate, rate);
        assert_eq!(file.played, played, "{rate} Hz, {seconds} s");
    }
}

/// Decodes with the reference decoder, Debian's `opus-tools` (required in CI, see
/// `tests/tools`); the file's own layout is checked above either way.
#[test]
fn the_reference_decoder_plays_it() {
    let Some(opusdec) = tools::find("opusdec", "opus-tools") else {
        return;
    };
    let pcm = Pcm {
        rate: 24_000,
        samples: sine(24_000, 1.0, 440.0),
    };
    let clip = encode_ogg_opus(&pcm).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (ogg, out) = (dir.path().join("a.ogg"), dir.path().join("a.wav"));
    std::fs::write(&ogg, &clip.bytes).unwrap();
    let status = std::process::Command::new(&opusdec)
        .args(["--quiet", "--rate", "24000"])
        .arg(&ogg)
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let decoded = decode("audio/wav", &std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(decoded.rate, 24_000);
    assert_eq!(
        decoded.samples.len(),
        24_000,
        "one second, pre-skip and padding trimmed"
    );
    // Still a 440 Hz tone: 880 zero crossings a second.
    let crossings = decoded
        .samples
        .windows(2)
        .filter(|w| (w[0] < 0) != (w[1] < 0))
        .count();
    assert!(
        (860..=900).contains(&crossings),
        "{crossings} zero crossings"
    );
    // At about the same loudness (within 3 dB).
    let rms =
        |s: &[i16]| (s.iter().map(|&x| f64::from(x).powi(2)).sum::<f64>() / s.len() as f64).sqrt();
    let ratio = rms(&decoded.samples[2400..21600]) / rms(&pcm.samples[2400..21600]);
    assert!((0.7..1.41).contains(&ratio), "loudness ratio {ratio}");
}

// ---- the cache ------------------------------------------------------------------------------

fn clip_of(len: usize, fill: u8) -> Clip {
    Clip {
        bytes: Bytes::from(vec![fill; len]),
        mime: "audio/ogg",
        ext: "ogg",
    }
}

#[test]
fn the_cache_stays_under_its_byte_bound_and_evicts_the_oldest() {
    let cache = TtsCache::new(350, 100);
    let names: Vec<String> = (0..5)
        .map(|i| cache.insert(clip_of(100, i)).unwrap())
        .collect();
    assert_eq!(cache.len(), 3);
    assert_eq!(cache.total_bytes(), 300);
    assert!(cache.get(&names[0]).is_none() && cache.get(&names[1]).is_none());
    for name in &names[2..] {
        let cached = cache.get(name).unwrap();
        assert_eq!(cached.clip.bytes.len(), 100);
        let hash = name.strip_suffix(".ogg").unwrap();
        assert_eq!(hash.len(), 32);
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(cached.etag, format!("\"{hash}\""));
    }
    // A bigger clip evicts as many of the oldest as it needs.
    let big = cache.insert(clip_of(250, 9)).unwrap();
    assert_eq!(cache.len(), 2);
    assert!(cache.total_bytes() <= 350);
    assert!(cache.get(&names[2]).is_none() && cache.get(&names[3]).is_none());
    assert!(cache.get(&names[4]).is_some() && cache.get(&big).is_some());
    // One larger than the whole bound is not kept, and evicts nothing.
    assert_eq!(cache.insert(clip_of(351, 1)), None);
    assert_eq!(cache.len(), 2);
}

#[test]
fn the_cache_is_bounded_by_count_and_names_by_content() {
    let cache = TtsCache::new(1 << 20, 2);
    let a = cache.insert(clip_of(10, 1)).unwrap();
    let b = cache.insert(clip_of(10, 2)).unwrap();
    let c = cache.insert(clip_of(10, 3)).unwrap();
    assert_eq!(cache.len(), 2);
    assert!(cache.get(&a).is_none(), "oldest evicted first");
    assert!(cache.get(&b).is_some() && cache.get(&c).is_some());
    // The same bytes have the same name, are held once, and count as new again: b is now the
    // oldest.
    assert_eq!(cache.insert(clip_of(10, 2)).unwrap(), b);
    assert_eq!(cache.len(), 2);
    let d = cache.insert(clip_of(10, 4)).unwrap();
    assert!(cache.get(&c).is_none());
    assert!(cache.get(&b).is_some() && cache.get(&d).is_some());
    assert!(cache.get("../../etc/passwd").is_none());
    assert!(cache.get("").is_none());
    assert!(!cache.is_empty());
}

#[test]
fn the_cache_holds_its_bound_under_concurrent_inserts() {
    let cache = Arc::new(TtsCache::new(1_000, 50));
    let threads: Vec<_> = (0..4u8)
        .map(|t| {
            let cache = Arc::clone(&cache);
            std::thread::spawn(move || {
                for i in 0..100u8 {
                    let mut bytes = vec![t; 60];
                    bytes[0] = i;
                    let name = cache.insert(Clip {
                        bytes: Bytes::from(bytes),
                        mime: "audio/ogg",
                        ext: "ogg",
                    });
                    assert!(name.is_some());
                    assert!(cache.total_bytes() <= 1_000);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(cache.len(), 1_000 / 60);
    assert_eq!(cache.total_bytes(), (1_000 / 60) * 60);
}

// ---- voice_reply against a mock Gemini ------------------------------------------------------

fn gemini(server: &MockServer) -> Gemini {
    Gemini::new(
        reqwest::Client::new(),
        &format!("{}/v1beta", server.uri()),
        KEY.into(),
        "gemini-3.5-flash",
        "gemini-3.8-flash-tts",
    )
}

fn speaker(server: &MockServer) -> GeminiSpeaker {
    GeminiSpeaker::new(gemini(server), "Kore", Duration::from_secs(5))
}

/// A TTS response carrying `data` as `mime`.
fn audio_response(mime: &str, data: &[u8]) -> ResponseTemplate {
    let data = base64::engine::general_purpose::STANDARD.encode(data);
    ResponseTemplate::new(200).set_body_json(json!({
        "candidates": [{"content": {"role": "model", "parts": [
            {"inlineData": {"mimeType": mime, "data": data}}
        ]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 12},
    }))
}

#[tokio::test]
async fn gemini_pcm_becomes_a_cached_voice_note() {
    let server = MockServer::start().await;
    let samples = sine(24_000, 1.0, 440.0);
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .and(header("x-goog-api-key", KEY))
        .respond_with(audio_response(PCM_MIME, &le_bytes(&samples)))
        .expect(1)
        .mount(&server)
        .await;
    let cache = TtsCache::default();
    let speaker = speaker(&server);
    let text = "*IMV* · _Qué es_\n\n1️⃣ Pide cita\n🔗 https://www.seg-social.es/wps/portal";

    let name = voice_reply(&speaker, &cache, text, Lang::Es).await.unwrap();
    assert!(name.ends_with(".ogg"), "{name}");
    let cached = cache.get(&name).unwrap();
    assert_eq!(cached.clip.mime, "audio/ogg");
    assert_eq!(check_ogg_opus(&cached.clip.bytes).played, 48_000);
    assert_eq!(
        cached.clip,
        encode_ogg_opus(&Pcm {
            rate: 24_000,
            samples
        })
        .unwrap()
    );

    // Gemini was asked to read the speakable text, with the voice, for audio.
    let requests = server.received_requests().await.unwrap();
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body["contents"][0]["parts"][0]["text"],
        "IMV, Qué es.\n1 Pide cita.\nseg-social.es."
    );
    assert_eq!(
        body["generationConfig"]["responseModalities"],
        json!(["AUDIO"])
    );
    assert_eq!(
        body["generationConfig"]["speechConfig"]["voiceConfig"]["prebuiltVoiceConfig"]["voiceName"],
        "Kore"
    );

    // The same reply again is served from the cache: no second call (`expect(1)`).
    assert_eq!(
        voice_reply(&speaker, &cache, text, Lang::Es).await,
        Some(name)
    );
}

#[tokio::test]
async fn gemini_wav_is_accepted_too() {
    let server = MockServer::start().await;
    let samples = sine(24_000, 0.5, 300.0);
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .respond_with(audio_response("audio/wav", &wav(1, 24_000, &samples)))
        .mount(&server)
        .await;
    let cache = TtsCache::default();
    let name = voice_reply(&speaker(&server), &cache, "Bonjour.", Lang::Fr)
        .await
        .unwrap();
    assert_eq!(
        check_ogg_opus(&cache.get(&name).unwrap().clip.bytes).played,
        24_000
    );
}

#[tokio::test]
async fn any_tts_failure_gives_text_only() {
    let failures = [
        ResponseTemplate::new(500).set_body_json(
            json!({"error": {"code": 500, "message": "internal", "status": "INTERNAL"}}),
        ),
        ResponseTemplate::new(429).set_body_json(
            json!({"error": {"code": 429, "message": "quota", "status": "RESOURCE_EXHAUSTED"}}),
        ),
        ResponseTemplate::new(200)
            .set_body_json(json!({"candidates": [{"content": {"parts": [{"text": "no audio"}]}}]})),
        audio_response("audio/mpeg", b"ID3\x04\x00fake mp3"),
        audio_response("audio/wav", b"RIFF\x00\x00\x00\x00WAVE"),
        audio_response(PCM_MIME, &[0]),
    ];
    for (i, response) in failures.into_iter().enumerate() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(TTS_GENERATE))
            .respond_with(response)
            .mount(&server)
            .await;
        let cache = TtsCache::default();
        let spoken = voice_reply(&speaker(&server), &cache, "Hola.", Lang::Es).await;
        assert_eq!(spoken, None, "failure {i}");
        assert!(cache.is_empty());
    }
}

#[tokio::test]
async fn a_slow_gemini_gives_text_only_within_the_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .respond_with(
            audio_response(PCM_MIME, &le_bytes(&sine(24_000, 0.1, 440.0)))
                .set_delay(Duration::from_secs(10)),
        )
        .mount(&server)
        .await;
    let speaker = GeminiSpeaker::new(gemini(&server), "Kore", Duration::from_millis(300));
    let started = std::time::Instant::now();
    let spoken = voice_reply(&speaker, &TtsCache::default(), "Hola.", Lang::Es).await;
    assert_eq!(spoken, None);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn no_speaker_gives_text_only() {
    let cache = TtsCache::default();
    assert_eq!(
        voice_reply(&NoSpeaker, &cache, "Hola, soy Clara.", Lang::Es).await,
        None
    );
    assert_eq!(
        NoSpeaker.speak("Hola", Lang::Es).await,
        Err(TtsError::Disabled)
    );
    assert!(cache.is_empty());
}

#[tokio::test]
async fn nothing_speakable_calls_no_one() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let spoken = voice_reply(
        &speaker(&server),
        &TtsCache::default(),
        "👋 🔗 *_~",
        Lang::En,
    )
    .await;
    assert_eq!(spoken, None);
}

#[tokio::test]
async fn providers_build_their_speakers() {
    use clara::config::TtsProvider;
    assert_eq!(TtsProvider::parse(" Gemini "), Some(TtsProvider::Gemini));
    assert_eq!(TtsProvider::parse("none"), Some(TtsProvider::None));
    assert_eq!(TtsProvider::parse("espeak"), None);
    assert_eq!(TtsProvider::Gemini.as_str(), "gemini");
    // Gemini without a client (no key, demo mode) is text only.
    let speaker = clara::voice::speaker(
        clara::config::TtsProvider::Gemini,
        None,
        "Kore",
        Duration::from_secs(1),
    );
    assert_eq!(
        speaker.speak("Hola", Lang::Es).await,
        Err(TtsError::Disabled)
    );

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TTS_GENERATE))
        .respond_with(audio_response(
            PCM_MIME,
            &le_bytes(&sine(24_000, 0.2, 440.0)),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let speaker: Arc<dyn Speaker> = clara::voice::speaker(
        clara::config::TtsProvider::Gemini,
        Some(gemini(&server)),
        "Kore",
        Duration::from_secs(5),
    );
    let clip = speaker.speak("Hola", Lang::Es).await.unwrap();
    assert_eq!(check_ogg_opus(&clip.bytes).played, 9_600);
    let none = clara::voice::speaker(
        clara::config::TtsProvider::None,
        Some(gemini(&server)),
        "Kore",
        Duration::from_secs(1),
    );
    assert_eq!(none.speak("Hola", Lang::Es).await, Err(TtsError::Disabled));
}
