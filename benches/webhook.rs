//! The webhook's own work for one signed cache hit, in process (no socket): what Clara adds to a
//! bare hyper server per request. `scripts/load.sh` measures the same request over TCP, where
//! every microsecond here costs more than a microsecond of throughput (the client shares the
//! cores). Baseline measured in the same run: building and dropping the request alone.
//!
//! Run: `cargo bench --bench webhook`.

use std::hint::black_box;

use bytes::Bytes;
use clara::config::Config;
use clara::http::{self, App, form, signature};
use clara::{Context, Responder};
use criterion::{Criterion, criterion_group, criterion_main};
use http_body_util::Full;

const TOKEN: &str = "bench-token";
const PUBLIC_URL: &str = "http://127.0.0.1:5080";
/// The request of `scripts/load.sh`.
const BODY: &str = "From=whatsapp%3A%2B34600111222&To=whatsapp%3A%2B14155238886&Body=%C2%BFQu%C3%A9+es+el+IMV%3F&NumMedia=0";

fn request(signature: &str) -> hyper::Request<Full<Bytes>> {
    hyper::Request::post("/webhook")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-twilio-signature", signature)
        .body(Full::new(Bytes::from_static(BODY.as_bytes())))
        .expect("a valid request")
}

fn bench(c: &mut Criterion) {
    let vars = [
        ("DEMO_MODE", "true"),
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("PUBLIC_URL", PUBLIC_URL),
    ];
    let config = Config::from_lookup(|name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_string())
    })
    .expect("configuration");
    let app = App::new(config).expect("app");
    let params = form::parse(BODY.as_bytes()).expect("form");
    let sig = signature::sign(TOKEN, &format!("{PUBLIC_URL}/webhook"), &params);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");

    c.bench_function("baseline/request", |b| {
        b.iter(|| black_box(request(&sig)));
    });
    c.bench_function("parts/form", |b| {
        b.iter(|| form::with_fields(black_box(BODY.as_bytes()), |f| black_box(f.is_ok())));
    });
    let validator = signature::Validator::new(TOKEN);
    c.bench_function("parts/signature", |b| {
        b.iter(|| black_box(validator.validate(PUBLIC_URL, "/webhook", &params, black_box(&sig))));
    });
    let responder = Responder::default();
    c.bench_function("parts/respond", |b| {
        b.iter(|| {
            black_box(responder.respond_in(black_box("¿Qué es el IMV?"), None, Context::default()))
        });
    });
    c.bench_function("webhook/signed_cache_hit", |b| {
        b.iter(|| {
            let response = runtime.block_on(http::handle(&app, request(&sig)));
            assert_eq!(response.status(), 200);
            black_box(response)
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
