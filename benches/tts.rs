//! The cost of a spoken reply on Clara's side: decoding what Gemini TTS returns (raw 16-bit PCM
//! at 24 kHz) and encoding it as an OGG/Opus voice note. Measured for one second of speech, so
//! the figure reads directly as CPU time per second of audio; the baseline in the same run is a
//! plain copy of the same samples (this machine is noisy: compare ratios).
//!
//! Run: `cargo bench --bench tts`.

use std::hint::black_box;

use clara::voice::{decode, encode_ogg_opus};
use criterion::{Criterion, criterion_group, criterion_main};

const RATE: usize = 24_000;
const MIME: &str = "audio/L16;codec=pcm;rate=24000";

/// One second of a voice-like signal: a 150 Hz tone with harmonics and a slow envelope.
fn one_second() -> Vec<u8> {
    (0..RATE)
        .map(|i| {
            let t = i as f32 / RATE as f32;
            let env = 0.5 + 0.5 * (t * 3.0 * std::f32::consts::TAU).sin();
            let s: f32 = (1..=5)
                .map(|h| (t * 150.0 * h as f32 * std::f32::consts::TAU).sin() / h as f32)
                .sum();
            (s * env * 6_000.0) as i16
        })
        .flat_map(i16::to_le_bytes)
        .collect()
}

fn speech(c: &mut Criterion) {
    let data = one_second();
    c.bench_function("tts/baseline_copy_1s", |b| {
        b.iter(|| black_box(data.clone()));
    });
    c.bench_function("tts/decode_1s", |b| {
        b.iter(|| decode(MIME, black_box(&data)).expect("pcm"));
    });
    let pcm = decode(MIME, &data).expect("pcm");
    c.bench_function("tts/encode_ogg_opus_1s", |b| {
        b.iter(|| encode_ogg_opus(black_box(&pcm)).expect("opus"));
    });
}

criterion_group!(benches, speech);
criterion_main!(benches);
