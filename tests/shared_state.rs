//! Several instances, one Clara: two real servers share one `redis-server` (Debian's package,
//! started here on a free port with a temporary directory, no Docker) and behave as one for
//! Twilio retries, conversations and the miss limit; Redis killed and started again mid-test.
//!
//! Without `redis-server` on PATH these tests skip with a notice, except with
//! `CLARA_TEST_TOOLS=required` (CI), where they fail.

mod redis_server;
mod tools;
mod util;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clara::kb::{self, Curated, Lang};
use redis_server::{RedisServer, free_port};
use util::{Clara, PUBLIC_URL, Server, TOKEN, World, gemini_text, message};

/// A `redis-server` that speaks only TLS (`--port 0 --tls-port`), with a certificate for
/// 127.0.0.1 signed by a CA made for the test (`openssl`, Debian's package): what a Redis behind
/// a private CA looks like to `REDIS_CA_FILE`.
struct TlsRedis {
    port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

impl TlsRedis {
    /// `None` (after a notice) when `redis-server` or `openssl` is missing and not required.
    fn start() -> Option<TlsRedis> {
        let redis = tools::find("redis-server", "redis-server")?;
        let openssl = tools::find("openssl", "openssl")?;
        let dir = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            let out = Command::new(&openssl)
                .args(args)
                .current_dir(dir.path())
                .output()
                .expect("openssl runs");
            assert!(out.status.success(), "openssl {args:?}: {out:?}");
        };
        run(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Clara test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        ]);
        run(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ]);
        std::fs::write(dir.path().join("san.ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
        run(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "server.pem",
        ]);
        let port = free_port();
        let child = Command::new(redis)
            .args([
                "--port",
                "0",
                "--tls-port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .args([
                "--tls-cert-file",
                "server.pem",
                "--tls-key-file",
                "server.key",
            ])
            .args(["--tls-ca-cert-file", "ca.pem", "--tls-auth-clients", "no"])
            .args(["--save", "", "--appendonly", "no", "--dir", "."])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        // Listening means the certificates were loaded (a bad one stops it before that).
        let until = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "redis-server (TLS) did not listen");
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(TlsRedis { port, dir, child })
    }

    fn url(&self) -> String {
        format!("rediss://127.0.0.1:{}", self.port)
    }

    fn ca_file(&self) -> String {
        self.dir.path().join("ca.pem").to_str().unwrap().to_owned()
    }
}

impl Drop for TlsRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `redis-server` and the mocks of [`World`], Gemini answering `answer`; `None` when
/// `redis-server` is missing and not required (see [`RedisServer::start`]).
async fn live(answer: &str) -> Option<(RedisServer, World)> {
    let redis = RedisServer::start()?;
    let world = World::new().await;
    world.gemini_answers(gemini_text(answer)).await;
    Some((redis, world))
}

/// A signed demo instance (cache answers, no pipeline) sharing `redis`. The auth token keys the
/// phone hash, so both instances know a sender by the same id.
async fn instance(redis: &RedisServer) -> Server {
    Server::start(&[
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("PUBLIC_URL", PUBLIC_URL),
        ("DEMO_MODE", "true"),
        ("REDIS_URL", &redis.url()),
    ])
    .await
}

/// The compiled answer whose escaped text is the TwiML's body.
fn answer_id(twiml: &str) -> String {
    kb::answers()
        .iter()
        .find(|a| twiml.contains(&format!("<Body>{}</Body>", a.twiml_body)))
        .unwrap_or_else(|| panic!("no compiled answer in {twiml}"))
        .id
        .to_string()
}

fn from(sender: &str, sid: &str, text: &str) -> Vec<(String, String)> {
    message(sid, text)
        .into_iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                if k == "From" { sender } else { v }.to_string(),
            )
        })
        .collect()
}

async fn says(server: &Server, sender: &str, sid: &str, text: &str) -> String {
    let params = from(sender, sid, text);
    let refs: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = server.webhook(&refs, Some(TOKEN)).await;
    assert_eq!(r.status, 200, "{text}: {}", r.text());
    r.text()
}

/// "que es el imv" from `who` on `a`, then "2" on `b`: the IMV's second facet (the conversation
/// went across), not the menu's second procedure. MessageSids `<prefix>…1` and `<prefix>…2`.
async fn goes_on_across(a: &Server, b: &Server, who: &str, prefix: &str) {
    let sid = |n: u32| format!("{prefix}{n:0>29}");
    let first = says(a, who, &sid(1), "que es el imv").await;
    assert_eq!(answer_id(&first), "imv.descripcion.es");
    let second = says(b, who, &sid(2), "2").await;
    assert_eq!(answer_id(&second), "imv.requisitos.es");
}

async fn redis_status(server: &Server) -> String {
    let h = server.get("/health", &[]).await.json();
    h["components"]["redis"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn wait_status(server: &Server, want: &str, within: Duration) {
    let until = Instant::now() + within;
    loop {
        let now = redis_status(server).await;
        if now == want {
            return;
        }
        assert!(Instant::now() < until, "/health redis is {now}, not {want}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn rediss_trusts_the_server_only_through_redis_ca_file() {
    let Some(tls) = TlsRedis::start() else {
        return;
    };
    let (url, ca) = (tls.url(), tls.ca_file());
    let shared = [
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("PUBLIC_URL", PUBLIC_URL),
        ("DEMO_MODE", "true"),
        ("REDIS_URL", url.as_str()),
        ("REDIS_CA_FILE", ca.as_str()),
    ];
    let (a, b) = (Server::start(&shared).await, Server::start(&shared).await);
    wait_status(&a, "up", Duration::from_secs(10)).await;
    // State goes through the TLS connection: a conversation begun on one instance goes on on
    // the other.
    let who = "whatsapp:+34600000351";
    goes_on_across(&a, &b, who, "SM351").await;
    assert_eq!(redis_status(&b).await, "up");
    // Without the CA the same server's certificate is not trusted (it is no public one): Redis
    // is down for that instance, which still answers from its own state.
    let untrusting = Server::start(&shared[..4]).await;
    wait_status(&untrusting, "down", Duration::from_secs(10)).await;
    let alone = says(&untrusting, who, "SM35100000000000000000000000000003", "2").await;
    assert_eq!(answer_id(&alone), "empadronamiento.descripcion.es");
}

#[tokio::test]
async fn without_redis_url_health_says_off() {
    let server = Server::start(&[]).await;
    assert_eq!(redis_status(&server).await, "off");
}

#[tokio::test]
async fn a_conversation_started_on_one_instance_goes_on_on_the_other() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let (a, b) = (instance(&redis).await, instance(&redis).await);
    let who = "whatsapp:+34600000301";
    goes_on_across(&a, &b, who, "SM301").await;
    // And back on the first, which did not see the last message.
    let third = says(&a, who, "SM30100000000000000000000000000003", "3").await;
    assert_eq!(answer_id(&third), "imv.documentos.es");
    // Another person starts with nothing remembered, on either instance.
    let other = says(
        &b,
        "whatsapp:+34600000302",
        "SM30200000000000000000000000000001",
        "2",
    )
    .await;
    assert_eq!(answer_id(&other), "empadronamiento.descripcion.es");
    // "forget me" on one instance forgets on both.
    says(&b, who, "SM30100000000000000000000000000004", "olvídame").await;
    let after = says(&a, who, "SM30100000000000000000000000000005", "2").await;
    assert_eq!(answer_id(&after), "empadronamiento.descripcion.es");
    // The part goes across too: after what to do when it went wrong, "what do I do now" on the
    // other instance is still about the problem.
    let refused = says(
        &b,
        who,
        "SM30100000000000000000000000000006",
        "me denegaron el imv",
    )
    .await;
    assert_eq!(answer_id(&refused), "imv.problemas.es");
    let now = says(
        &a,
        who,
        "SM30100000000000000000000000000007",
        "y ahora que hago",
    )
    .await;
    assert_eq!(answer_id(&now), "imv.problemas.es");
    assert_eq!(redis_status(&a).await, "up");
}

#[tokio::test]
async fn a_twilio_retry_to_the_other_instance_is_answered_once() {
    let Some((redis, world)) = live("Respuesta generada sobre mudanzas.").await else {
        return;
    };
    let extra = [("REDIS_URL", redis.url())];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = (world.server(&extra).await, world.server(&extra).await);
    let sid = "SM40000000000000000000000000000001";
    let miss = message(sid, "me voy a mudar a otra ciudad, ¿qué hago?");
    let first = a.webhook(&miss, Some(TOKEN)).await;
    assert_eq!(first.status, 200);
    let ack = clara::http::twiml::escape(kb::curated(Curated::AckText, Lang::Es).text);
    assert!(first.text().contains(&ack), "{}", first.text());
    // Twilio's retry lands on the other instance: the same TwiML, nothing queued there.
    let retry = b.webhook(&miss, Some(TOKEN)).await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.text(), first.text());
    // And again on the first.
    assert_eq!(a.webhook(&miss, Some(TOKEN)).await.text(), first.text());
    // A cache hit's retry gets the cache answer from the other instance too.
    let hit = message("SM40000000000000000000000000000002", "¿Qué es el IMV?");
    let first_hit = b.webhook(&hit, Some(TOKEN)).await.text();
    assert_eq!(answer_id(&first_hit), "imv.descripcion.es");
    assert_eq!(a.webhook(&hit, Some(TOKEN)).await.text(), first_hit);
    // One REST message in all.
    world.sent(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_miss_answered_on_one_instance_is_not_asked_of_gemini_again_on_the_other() {
    let Some((mut redis, world)) = live("Respuesta generada sobre mudanzas.").await else {
        return;
    };
    let extra = [("REDIS_URL", redis.url())];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = (world.server(&extra).await, world.server(&extra).await);
    let gemini_calls = || async { world.gemini.received_requests().await.unwrap().len() };
    let question = "me voy a mudar a otra ciudad, ¿qué hago?";
    // Three people, so that neither the dedupe nor a limit plays a part.
    for (n, (server, sender)) in [(&a, "whatsapp:+34600000601"), (&b, "whatsapp:+34600000602")]
        .into_iter()
        .enumerate()
    {
        says(
            server,
            sender,
            &format!("SM6000000000000000000000000000000{n}"),
            question,
        )
        .await;
        let sent = world.sent(n + 1).await;
        let body = util::field(&sent[n], "Body").unwrap_or_default();
        assert!(
            body.starts_with("Respuesta generada sobre mudanzas."),
            "message {n}: {body}"
        );
        assert_eq!(
            gemini_calls().await,
            1,
            "after message {n}: Gemini once in all"
        );
    }
    // Redis gone: the instance's own copy answers (B took A's answer from Redis).
    redis.kill();
    says(
        &b,
        "whatsapp:+34600000603",
        "SM60000000000000000000000000000009",
        question,
    )
    .await;
    let sent = world.sent(3).await;
    let body = util::field(&sent[2], "Body").unwrap_or_default();
    assert!(
        body.starts_with("Respuesta generada sobre mudanzas."),
        "{body}"
    );
    assert_eq!(
        gemini_calls().await,
        1,
        "Redis down: the local copy answers"
    );
}

/// A TCP relay to `upstream` that holds every chunk the client sends for `delay` (chunks keep
/// their order and do not wait for each other), as a Redis one `delay` away would be: a request
/// that awaits n round trips takes at least n × `delay`. Returns the relay's port.
async fn slow_relay(upstream: u16, delay: Duration) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = tokio::net::TcpStream::connect(("127.0.0.1", upstream)).await else {
                continue;
            };
            let (mut client_rx, mut client_tx) = client.into_split();
            let (mut server_rx, mut server_tx) = server.into_split();
            let (chunks, mut due) = tokio::sync::mpsc::unbounded_channel();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                while let Ok(n @ 1..) = client_rx.read(&mut buf).await {
                    let _ = chunks.send((tokio::time::Instant::now() + delay, buf[..n].to_vec()));
                }
            });
            tokio::spawn(async move {
                while let Some((at, chunk)) = due.recv().await {
                    tokio::time::sleep_until(at).await;
                    if server_tx.write_all(&chunk).await.is_err() {
                        return;
                    }
                }
            });
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut server_rx, &mut client_tx).await;
            });
        }
    });
    port
}

#[tokio::test]
async fn a_cache_hit_waits_for_one_redis_round_trip() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    // Far above a loopback round trip and a hit's own work (about a millisecond), and under
    // half the 50 ms timeout, so that two round trips would still succeed, only slower.
    const DELAY: Duration = Duration::from_millis(15);
    let relay = slow_relay(redis.port, DELAY).await;
    let server = Server::start(&[
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("PUBLIC_URL", PUBLIC_URL),
        ("DEMO_MODE", "true"),
        ("REDIS_URL", &format!("redis://127.0.0.1:{relay}")),
    ])
    .await;
    wait_status(&server, "up", Duration::from_secs(5)).await;
    let who = "whatsapp:+34600000701";
    let mut took = Vec::new();
    for i in 0..12 {
        let started = Instant::now();
        let hit = says(
            &server,
            who,
            &format!("SM700000000000000000000000000000{i:02}"),
            "¿Qué es el IMV?",
        )
        .await;
        took.push(started.elapsed());
        assert_eq!(answer_id(&hit), "imv.descripcion.es");
    }
    // The fastest of twelve, so that a busy machine's stalls do not count (with six, one run
    // in a few dozen failed while other builds shared the two cores).
    let fastest = *took.iter().min().unwrap();
    assert!(
        fastest >= DELAY,
        "faster than one round trip: Redis was not asked ({took:?})"
    );
    assert!(
        fastest < 2 * DELAY,
        "a cache hit waited for more than one round trip ({took:?})"
    );
    // The writes it did not wait for were made: the conversation goes on.
    let next = says(&server, who, "SM70000000000000000000000000000099", "2").await;
    assert_eq!(answer_id(&next), "imv.requisitos.es");
    assert_eq!(redis_status(&server).await, "up");
}

#[tokio::test]
async fn the_miss_limit_is_one_across_instances() {
    let Some((redis, world)) = live("Respuesta generada sobre mudanzas.").await else {
        return;
    };
    let extra = [("REDIS_URL", redis.url()), ("MISS_RATE_LIMIT", "2".into())];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = (world.server(&extra).await, world.server(&extra).await);
    let mut replies = Vec::new();
    for i in 0..4 {
        let server = if i % 2 == 0 { &a } else { &b };
        let sid = format!("SM5000000000000000000000000000000{i}");
        let question = format!("me voy a mudar a otra ciudad número {i}, ¿qué hago?");
        replies.push(
            server
                .webhook(&message(&sid, &question), Some(TOKEN))
                .await
                .text(),
        );
    }
    let ack = clara::http::twiml::escape(kb::curated(Curated::AckText, Lang::Es).text);
    let limited = clara::http::twiml::escape(kb::curated(Curated::RateLimited, Lang::Es).text);
    assert!(
        replies[0].contains(&ack) && replies[1].contains(&ack),
        "{replies:?}"
    );
    for reply in &replies[2..] {
        assert!(
            reply.contains(&limited),
            "limited on either instance: {reply}"
        );
    }
    world.sent(2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(world.twilio.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn redis_killed_cache_hits_stay_fast_and_sharing_returns_with_it() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let (a, b) = (instance(&redis).await, instance(&redis).await);
    let who = "whatsapp:+34600000601";
    says(&a, who, "SM60100000000000000000000000000001", "hola").await;
    wait_status(&a, "up", Duration::from_secs(5)).await;

    redis.kill();
    // Cache hits: 200 with the answer, quickly, on both instances, while Redis is gone.
    for i in 0..20 {
        let server = if i % 2 == 0 { &a } else { &b };
        let sid = format!("SM6020000000000000000000000000{i:04}");
        let started = Instant::now();
        let r = says(server, "whatsapp:+34600000602", &sid, "¿Qué es el IMV?").await;
        assert_eq!(answer_id(&r), "imv.descripcion.es");
        let took = started.elapsed();
        assert!(
            took < Duration::from_millis(500),
            "message {i} took {took:?}"
        );
    }
    wait_status(&a, "down", Duration::from_secs(5)).await;
    wait_status(&b, "down", Duration::from_secs(5)).await;
    // Each instance still deduplicates and remembers its own conversations.
    let sid = "SM60300000000000000000000000000001";
    let once = says(&a, who, sid, "que es el imv").await;
    assert_eq!(says(&a, who, sid, "que es el imv").await, once);
    assert_eq!(
        answer_id(&says(&a, who, "SM60300000000000000000000000000002", "2").await),
        "imv.requisitos.es"
    );

    // Redis is back (empty, on the same port): both reconnect without a restart.
    redis.spawn();
    wait_status(&a, "up", Duration::from_secs(5)).await;
    wait_status(&b, "up", Duration::from_secs(5)).await;
    let who = "whatsapp:+34600000603";
    says(
        &a,
        who,
        "SM60400000000000000000000000000001",
        "que es el imv",
    )
    .await;
    assert_eq!(
        answer_id(&says(&b, who, "SM60400000000000000000000000000002", "2").await),
        "imv.requisitos.es"
    );
}

#[tokio::test]
async fn a_redis_that_hangs_costs_a_webhook_at_most_its_timeout() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let a = instance(&redis).await;
    let who = "whatsapp:+34600000801";
    says(&a, who, "SM80100000000000000000000000000001", "hola").await;
    wait_status(&a, "up", Duration::from_secs(5)).await;
    redis.pause(true);
    let mut slowest = Duration::ZERO;
    for i in 0..20 {
        let sid = format!("SM8020000000000000000000000000{i:04}");
        let started = Instant::now();
        let r = says(&a, who, &sid, "¿Qué es el IMV?").await;
        assert_eq!(answer_id(&r), "imv.descripcion.es");
        slowest = slowest.max(started.elapsed());
    }
    // One call waits OP_TIMEOUT (50 ms) and marks Redis down; the rest do not ask it. The bound
    // leaves room for a loaded 2-core machine.
    assert!(slowest < Duration::from_millis(400), "slowest {slowest:?}");
    assert_eq!(redis_status(&a).await, "down");
    redis.pause(false);
    wait_status(&a, "up", Duration::from_secs(5)).await;
}

/// No `redis-server` needed: nothing listens on the port.
#[tokio::test]
async fn redis_unreachable_at_start_clara_serves_and_says_so() {
    let url = format!("redis://127.0.0.1:{}", free_port());
    let server = Server::start(&[
        ("TWILIO_AUTH_TOKEN", TOKEN),
        ("PUBLIC_URL", PUBLIC_URL),
        ("DEMO_MODE", "true"),
        ("REDIS_URL", &url),
    ])
    .await;
    let started = Instant::now();
    let r = says(
        &server,
        "whatsapp:+34600000701",
        "SM70000000000000000000000000000001",
        "¿Qué es el IMV?",
    )
    .await;
    assert_eq!(answer_id(&r), "imv.descripcion.es");
    assert!(started.elapsed() < Duration::from_millis(500));
    wait_status(&server, "down", Duration::from_secs(3)).await;
    // A retry is still answered once, from this instance's memory.
    let again = says(
        &server,
        "whatsapp:+34600000701",
        "SM70000000000000000000000000000001",
        "¿Qué es el IMV?",
    )
    .await;
    assert_eq!(again, r);
}

/// The real binary: one log line for an unreachable Redis, and its password nowhere.
#[tokio::test]
async fn a_redis_password_never_reaches_the_logs_or_health() {
    let port = free_port();
    let secret = "s3cret-redis-pw";
    let mut clara = Clara::spawn(&[
        ("TWILIO_AUTH_TOKEN".into(), TOKEN.into()),
        ("DEMO_MODE".into(), "true".into()),
        (
            "REDIS_URL".into(),
            format!("redis://:{secret}@127.0.0.1:{port}/0"),
        ),
        ("LOG_LEVEL".into(), "debug".into()),
    ]);
    clara.wait_log(Duration::from_secs(5), |l| {
        l["message"]
            == "redis unreachable: dedupe, limits and conversations fall back to this instance"
    });
    let health = util::exchange(
        clara.addr,
        b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(
        health.text().contains(r#""redis":"down""#),
        "{}",
        health.text()
    );
    assert!(!health.text().contains(secret));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let logs = clara.logs().to_vec();
    let unreachable = logs
        .iter()
        .filter(|l| {
            l["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("redis unreachable"))
        })
        .count();
    assert_eq!(unreachable, 1, "one line, not one per probe: {logs:?}");
    for line in &logs {
        assert!(!line.to_string().contains(secret), "{line}");
    }
}

// ---- the durable miss queue -------------------------------------------------------------------

/// A command to the test's Redis, as any client would send it.
async fn redis_cmd<T: redis::FromRedisValue>(redis: &RedisServer, cmd: &redis::Cmd) -> T {
    let client = redis::Client::open(redis.url()).unwrap();
    let mut connection = client.get_multiplexed_async_connection().await.unwrap();
    cmd.query_async(&mut connection).await.unwrap()
}

/// Jobs added to the miss stream since it was created, and entries still in it.
async fn stream_counts(redis: &RedisServer) -> (u64, u64) {
    let info: redis::Value =
        redis_cmd(redis, redis::cmd("XINFO").arg("STREAM").arg("clara:misses")).await;
    let redis::Value::Array(fields) = info else {
        panic!("XINFO STREAM: {info:?}")
    };
    let field = |name: &str| {
        fields
            .chunks(2)
            .find(|kv| matches!(&kv[0], redis::Value::BulkString(k) if k == name.as_bytes()))
            .and_then(|kv| redis::from_redis_value::<u64>(kv[1].clone()).ok())
            .unwrap_or_else(|| panic!("no {name} in XINFO STREAM"))
    };
    (field("entries-added"), field("length"))
}

/// Twilio's answer to `GET …/Messages/{sid}.json` for an inbound message from `sender`: how an
/// instance that claims an orphan finds the person again.
async fn twilio_knows(world: &World, sid: &str, sender: &str) {
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path(format!(
            "/2010-04-01/Accounts/{}/Messages/{sid}.json",
            util::account_sid()
        )))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"sid": sid, "from": sender, "direction": "inbound"}),
            ),
        )
        .mount(&world.twilio)
        .await;
}

/// The replies Twilio was asked to send (POSTs), as (To, Body).
async fn replies(world: &World) -> Vec<(String, String)> {
    world
        .twilio
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .map(|r| {
            let form = clara::http::form::parse(&r.body).unwrap();
            let get = |k| util::field(&form, k).unwrap_or_default().to_string();
            (get("To"), get("Body"))
        })
        .collect()
}

async fn wait_replies(world: &World, n: usize, within: Duration) -> Vec<(String, String)> {
    let until = Instant::now() + within;
    loop {
        let sent = replies(world).await;
        if sent.len() >= n {
            return sent;
        }
        assert!(
            Instant::now() < until,
            "{} replies after {within:?}, not {n}: {sent:?}",
            sent.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn misses_of_an_instance_killed_with_sigkill_are_delivered_once_by_the_other() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let world = World::new().await;
    world
        .gemini_answers(gemini_text(
            "Respuesta generada: pregunta en tu ayuntamiento.",
        ))
        .await;
    // Instance A's Gemini never answers in time: its jobs are in flight or queued when it dies.
    let stuck = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(gemini_text("too late").set_delay(Duration::from_secs(60)))
        .mount(&stuck)
        .await;
    let url = redis.url();
    let shared = [("REDIS_URL", url.as_str()), ("MISS_CLAIM_AFTER", "1")];
    let mut a = Clara::spawn(&world.vars_with(&[
        shared[0],
        shared[1],
        ("GEMINI_BASE_URL", &format!("{}/v1beta", stuck.uri())),
        ("LLM_TIMEOUT", "60"),
        ("MISS_WORKERS", "2"),
    ]));
    let b = world.server(&shared).await;

    // Six people, one miss each: two in A's workers, four in its queue.
    let people: Vec<(String, String)> = (0..6)
        .map(|n| {
            (
                format!("whatsapp:+3460000091{n}"),
                format!("SM9100000000000000000000000000000{n}"),
            )
        })
        .collect();
    for (sender, sid) in &people {
        twilio_knows(&world, sid, sender).await;
        let params = from(sender, sid, "me voy a mudar a otra ciudad, ¿qué hago?");
        let refs: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = util::exchange(a.addr, &util::webhook_request(&refs, Some(TOKEN))).await;
        assert_eq!(r.status, 200);
        assert_eq!(answer_id(&r.text()), "ack_text.es", "{}", r.text());
    }
    let until = Instant::now() + Duration::from_secs(10);
    while stuck.received_requests().await.unwrap().len() < 2 {
        assert!(Instant::now() < until, "A's workers never asked Gemini");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    a.child.kill().unwrap();
    a.child.wait().unwrap();

    // B claims each orphan once it has been idle for MISS_CLAIM_AFTER, and answers it.
    let sent = wait_replies(&world, 6, Duration::from_secs(15)).await;
    // Claimed late or twice would show here: nothing more is sent.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let sent_after = replies(&world).await;
    assert_eq!(
        sent_after.len(),
        6,
        "each person answered exactly once: {sent_after:?}"
    );
    let mut to: Vec<&str> = sent.iter().map(|(to, _)| to.as_str()).collect();
    to.sort_unstable();
    let mut want: Vec<&str> = people.iter().map(|(s, _)| s.as_str()).collect();
    want.sort_unstable();
    assert_eq!(to, want);
    assert!(
        sent.iter()
            .all(|(_, body)| body.starts_with("Respuesta generada")),
        "{sent:?}"
    );
    assert_eq!(stream_counts(&redis).await, (6, 0), "six queued, none left");
    drop(b);
}

#[tokio::test]
async fn a_claimed_job_sends_only_the_parts_not_yet_sent() {
    let Some((redis, world)) = live("must not be asked").await else {
        return;
    };
    let (sender, sid) = (
        "whatsapp:+34600000921",
        "SM92000000000000000000000000000001",
    );
    twilio_knows(&world, sid, sender).await;
    // A dead instance took the job, decided a two-part reply and sent the first part.
    let first = "Primera parte. ".repeat(106);
    let second = "Segunda parte y final.";
    let body = format!("{}\n\n{second}", first.trim_end());
    let parts = clara::outbound::twilio::split_body(&body, clara::outbound::twilio::MAX_BODY_CHARS);
    assert_eq!(parts.len(), 2, "the reply needs two messages");
    let job = serde_json::json!({
        "message_sid": sid,
        "sender": "00112233445566ff",
        "text": "me voy a mudar, ¿qué hago?",
        "lang": "es",
        "received_ms": 1_700_000_000_000u64,
    });
    let _: () = redis_cmd(
        &redis,
        redis::cmd("XGROUP")
            .arg("CREATE")
            .arg("clara:misses")
            .arg("workers")
            .arg("$")
            .arg("MKSTREAM"),
    )
    .await;
    let _: String = redis_cmd(
        &redis,
        redis::cmd("XADD")
            .arg("clara:misses")
            .arg("*")
            .arg("job")
            .arg(job.to_string()),
    )
    .await;
    let _: redis::Value = redis_cmd(
        &redis,
        redis::cmd("XREADGROUP")
            .arg("GROUP")
            .arg("workers")
            .arg("clara-dead")
            .arg("STREAMS")
            .arg("clara:misses")
            .arg(">"),
    )
    .await;
    let _: () = redis_cmd(
        &redis,
        redis::cmd("HSET")
            .arg(format!("clara:out:{sid}"))
            .arg("body")
            .arg(&body)
            .arg("media")
            .arg("")
            .arg("source")
            .arg("llm")
            .arg("sent")
            .arg(1),
    )
    .await;

    let url = redis.url();
    let b = world
        .server(&[("REDIS_URL", url.as_str()), ("MISS_CLAIM_AFTER", "1")])
        .await;
    wait_replies(&world, 1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let sent = replies(&world).await;
    assert_eq!(sent.len(), 1, "only the part not yet sent: {sent:?}");
    assert_eq!(sent[0].0, sender);
    assert!(sent[0].1.contains(second), "{:?}", sent[0].1);
    assert!(!sent[0].1.contains("Primera parte"), "{:?}", sent[0].1);
    assert_eq!(
        world.gemini.received_requests().await.unwrap().len(),
        0,
        "the reply was decided already"
    );
    assert_eq!(stream_counts(&redis).await.1, 0, "the job left the queue");
    let out: Option<String> =
        redis_cmd(&redis, redis::cmd("GET").arg(format!("clara:out:{sid}"))).await;
    assert!(out.is_none());
    drop(b);
}

#[tokio::test]
async fn redis_killed_during_a_flood_misses_are_still_answered_and_queue_durably_when_it_returns() {
    let Some((mut redis, world)) = live("Respuesta generada.").await else {
        return;
    };
    let url = redis.url();
    let a = world.server(&[("REDIS_URL", url.as_str())]).await;
    let miss = "me voy a mudar a otra ciudad, ¿qué hago?";
    says(
        &a,
        "whatsapp:+34600000930",
        "SM93000000000000000000000000000000",
        miss,
    )
    .await;
    wait_replies(&world, 1, Duration::from_secs(5)).await;
    assert_eq!(stream_counts(&redis).await.0, 1, "queued through Redis");

    redis.kill();
    // A flood of cache hits and misses from several people: every hit is answered in the
    // response; every miss is acknowledged, queued in this process and answered.
    for i in 1..=12 {
        let sender = format!("whatsapp:+346000009{:02}", 30 + i);
        let sid = format!("SM930000000000000000000000000000{i:02}");
        if i % 3 == 0 {
            let r = says(&a, &sender, &sid, miss).await;
            assert_eq!(answer_id(&r), "ack_text.es");
        } else {
            let r = says(&a, &sender, &sid, "¿Qué es el IMV?").await;
            assert_eq!(answer_id(&r), "imv.descripcion.es");
        }
    }
    wait_replies(&world, 5, Duration::from_secs(10)).await;

    // Redis back (empty): misses are queued durably again, without a restart.
    redis.spawn();
    wait_status(&a, "up", Duration::from_secs(5)).await;
    says(
        &a,
        "whatsapp:+34600000999",
        "SM93000000000000000000000000000099",
        miss,
    )
    .await;
    wait_replies(&world, 6, Duration::from_secs(5)).await;
    assert_eq!(
        stream_counts(&redis).await,
        (1, 0),
        "queued in the new Redis, and done"
    );
}

/// `clara <args>` with exactly `vars`, in a blocking thread: (exit code, stdout, stderr).
async fn clara_cli(args: &[&str], vars: Vec<(String, String)>) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let out = Command::new(env!("CARGO_BIN_EXE_clara"))
            .args(&args)
            .env_clear()
            .envs(vars)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

async fn stream_len(redis: &RedisServer, stream: &str) -> u64 {
    redis_cmd(redis, redis::cmd("XLEN").arg(stream)).await
}

#[tokio::test]
async fn with_redis_dead_letters_and_the_journal_live_in_redis_for_redeliver_and_promote() {
    let Some((redis, world)) = live("Respuesta generada sobre mudanzas.").await else {
        return;
    };
    // Twilio refuses every reply: a dead letter.
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(
            wiremock::ResponseTemplate::new(400)
                .set_body_json(serde_json::json!({"code": 21211, "message": "Invalid 'To' Phone Number", "status": 400})),
        )
        .with_priority(1)
        .mount(&world.twilio)
        .await;
    let url = redis.url();
    let a = world.server(&[("REDIS_URL", url.as_str())]).await;
    let (sender, sid) = (
        "whatsapp:+34600000941",
        "SM94000000000000000000000000000001",
    );
    says(
        &a,
        sender,
        sid,
        "me voy a mudar a otra ciudad, mi movil es 612 345 678",
    )
    .await;
    let until = Instant::now() + Duration::from_secs(10);
    while stream_len(&redis, "clara:dead").await == 0 {
        assert!(Instant::now() < until, "no dead letter in Redis");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(world.dead_letters().is_empty(), "Redis, not the file");
    assert_eq!(stream_len(&redis, "clara:journal").await, 1);
    let journal: Vec<(String, Vec<(String, String)>)> = redis_cmd(
        &redis,
        redis::cmd("XRANGE").arg("clara:journal").arg("-").arg("+"),
    )
    .await;
    let record = &journal[0].1[0].1;
    assert!(
        !record.contains("612 345 678") && !record.contains("600000941"),
        "{record}"
    );

    // Twilio takes messages again: `clara redeliver` (no file) delivers Redis's letter and
    // removes it.
    world.twilio.reset().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path(util::messages_path()))
        .respond_with(util::twilio_created())
        .mount(&world.twilio)
        .await;
    twilio_knows(&world, sid, sender).await;
    let vars = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        [("REDIS_URL", url.as_str())]
            .iter()
            .chain(extra)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let twilio_vars = [
        ("TWILIO_ACCOUNT_SID", util::account_sid()),
        ("TWILIO_AUTH_TOKEN", TOKEN.to_string()),
        ("TWILIO_API_BASE_URL", world.twilio.uri()),
    ];
    let twilio_vars: Vec<(&str, &str)> =
        twilio_vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (code, out, err) = clara_cli(&["redeliver"], vars(&twilio_vars)).await;
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.trim(), "delivered 1, failed 0");
    let sent = replies(&world).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, sender);
    assert!(
        sent[0].1.starts_with("Respuesta generada sobre mudanzas."),
        "{:?}",
        sent[0].1
    );
    assert_eq!(
        stream_len(&redis, "clara:dead").await,
        0,
        "delivered: removed"
    );

    // `clara promote` (no file) reads the journal from Redis.
    let (code, out, err) = clara_cli(&["promote"], vars(&[])).await;
    assert_eq!(code, 0, "{err}");
    let drafts: serde_json::Value = serde_json::from_str(&out).unwrap();
    let question = drafts["promovida_1_es"]["preguntas"]["es"][0]
        .as_str()
        .unwrap();
    assert!(question.starts_with("me voy a mudar"), "{question}");

    // Neither a file nor REDIS_URL: a clear refusal.
    let (code, _, err) = clara_cli(&["promote"], Vec::new()).await;
    assert_eq!(code, 2);
    assert!(err.contains("REDIS_URL"), "{err}");
}

#[tokio::test]
async fn a_drain_cut_short_leaves_durable_jobs_to_another_instance_not_to_dead_letters() {
    let Some((redis, world)) = live("Respuesta generada tras el reinicio.").await else {
        return;
    };
    let url = redis.url();
    let vars = world.vars_with(&[("REDIS_URL", url.as_str())]);
    let config = clara::config::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .unwrap();
    let shared = clara::shared::Redis::start(config.redis_url.as_ref().unwrap(), None).unwrap();
    let mut services = clara::miss::Services::from_config(&config, std::sync::Arc::default())
        .unwrap()
        .unwrap();
    services.shared = Some(std::sync::Arc::clone(&shared));
    // An instance shutting down: its one worker stuck, three more jobs queued.
    let pipeline =
        clara::miss::Pipeline::start_with(std::sync::Arc::new(services), 1, 8, |_, _| async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
    let people: Vec<(String, String)> = (0..4)
        .map(|n| {
            (
                format!("whatsapp:+3460000095{n}"),
                format!("SM9500000000000000000000000000000{n}"),
            )
        })
        .collect();
    for (n, (sender, sid)) in people.iter().enumerate() {
        twilio_knows(&world, sid, sender).await;
        let mut job = clara::miss::Job {
            message_sid: sid.clone(),
            from: sender.clone(),
            sender: clara::observability::SenderId([n as u8; 8]),
            text: "me voy a mudar a otra ciudad, ¿qué hago?".into(),
            lang: Lang::Es,
            context: Default::default(),
            voice: None,
            received: Instant::now(),
            entry: None,
        };
        let stored = serde_json::to_string(&clara::miss::durable::Stored::of(&job)).unwrap();
        let admitted = shared
            .admit(job.sender, 10, Duration::from_secs(600), &stored)
            .await
            .unwrap();
        let clara::shared::Admit::Queued(id) = admitted else {
            panic!("not queued: {admitted:?}")
        };
        job.entry = Some(clara::miss::durable::Entry { id, claimed: false });
        pipeline.reserve().unwrap().queue(job);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    pipeline.drain(Duration::from_millis(200)).await;
    assert!(
        world.dead_letters().is_empty(),
        "{:?}",
        world.dead_letters()
    );
    assert_eq!(
        stream_counts(&redis).await,
        (4, 4),
        "all four still queued in Redis"
    );

    // Another instance answers each of them once.
    let _b = world
        .server(&[("REDIS_URL", url.as_str()), ("MISS_CLAIM_AFTER", "1")])
        .await;
    let sent = wait_replies(&world, 4, Duration::from_secs(10)).await;
    let mut to: Vec<&str> = sent.iter().map(|(to, _)| to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(
        to,
        people.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>()
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(replies(&world).await.len(), 4, "once each");
    assert_eq!(stream_counts(&redis).await.1, 0);
}

/// How many times Redis ran `command` so far (`INFO commandstats`).
async fn calls(redis: &RedisServer, command: &str) -> u64 {
    let info: String = redis_cmd(redis, redis::cmd("INFO").arg("commandstats")).await;
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("cmdstat_{command}:calls=")))
        .and_then(|rest| rest.split(',').next())
        .map_or(0, |n| n.parse().unwrap())
}

#[tokio::test]
async fn a_hit_that_changes_nothing_writes_nothing_after_its_claim() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let a = instance(&redis).await;
    let who = "whatsapp:+34600000961";
    says(
        &a,
        who,
        "SM96000000000000000000000000000001",
        "que es el imv",
    )
    .await;
    wait_status(&a, "up", Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (sets, dels) = (calls(&redis, "set").await, calls(&redis, "del").await);
    // The same question again: the conversation (IMV, Spanish) does not change, and the
    // answer's id went with the claim.
    let r = says(
        &a,
        who,
        "SM96000000000000000000000000000002",
        "que es el imv",
    )
    .await;
    assert_eq!(answer_id(&r), "imv.descripcion.es");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(calls(&redis, "set").await - sets, 1, "the claim only");
    assert_eq!(calls(&redis, "del").await, dels);
    let stored: String = redis_cmd(
        &redis,
        redis::cmd("GET").arg("clara:sid:SM96000000000000000000000000000002"),
    )
    .await;
    assert_eq!(
        stored, "imv.descripcion.es",
        "the claim carries the answer's id"
    );
    // A message that changes the conversation writes it.
    let r = says(
        &a,
        who,
        "SM96000000000000000000000000000003",
        "y la tarjeta sanitaria?",
    )
    .await;
    assert!(
        answer_id(&r).starts_with("tarjeta_sanitaria."),
        "{}",
        answer_id(&r)
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        calls(&redis, "set").await - sets,
        3,
        "the claim and the new conversation"
    );
}

#[tokio::test]
async fn a_voice_note_answered_on_one_instance_moves_the_conversation_on_the_other() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let world = World::new().await;
    let url = world.voice_note_media("/Media/ME30").await;
    // A transcription slower than the webhook's own write of the conversation, as Gemini is.
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::body_string_contains("inlineData"))
        .respond_with(
            gemini_text(r#"{"language": "es", "transcript": "¿qué es el IMV?"}"#)
                .set_delay(Duration::from_millis(300)),
        )
        .mount(&world.gemini)
        .await;
    let extra = [("REDIS_URL", redis.url())];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = (world.server(&extra).await, world.server(&extra).await);
    let note = util::voice_note("SM30300000000000000000000000000001", &url);
    assert_eq!(a.webhook(&note, Some(TOKEN)).await.status, 200);
    let sent = world.sent(1).await;
    let described = kb::answer_by_id("imv.descripcion.es").unwrap();
    assert_eq!(util::field(&sent[0], "Body"), Some(described.text));
    let next = b
        .webhook(
            &message("SM30300000000000000000000000000002", "¿y dónde lo pido?"),
            Some(TOKEN),
        )
        .await;
    assert_eq!(answer_id(&next.text()), "imv.como_solicitar.es");
}
