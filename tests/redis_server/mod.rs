//! A real `redis-server` for the tests (Debian's package; no Docker): a free port, a temporary
//! directory, no persistence. Without `redis-server` on PATH the tests that need one skip with a
//! notice, except with `CLARA_TEST_TOOLS=required` (CI), where they fail (see `tools`).

#![allow(dead_code)] // each test crate uses part of it

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::tools;

/// A `redis-server` of its own: a free port, a temporary directory, no persistence.
pub struct RedisServer {
    program: std::path::PathBuf,
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

impl RedisServer {
    /// `None` (after a notice) when `redis-server` is not installed and not required.
    pub fn start() -> Option<RedisServer> {
        let program = tools::find("redis-server", "redis-server")?;
        let port = free_port();
        let mut redis = RedisServer {
            program,
            port,
            dir: tempfile::tempdir().unwrap(),
            child: None,
        };
        redis.spawn();
        Some(redis)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    pub fn spawn(&mut self) {
        let child = Command::new(&self.program)
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        let until = Instant::now() + Duration::from_secs(10);
        while !self.pongs() {
            assert!(Instant::now() < until, "redis-server did not answer PING");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pongs(&self) -> bool {
        self.reply("PING").as_deref() == Some("+PONG")
    }

    /// How many keys Redis holds (`DBSIZE`).
    pub fn dbsize(&self) -> u64 {
        let reply = self.reply("DBSIZE");
        reply
            .as_deref()
            .and_then(|line| line.strip_prefix(':')?.parse().ok())
            .unwrap_or_else(|| panic!("DBSIZE answered {reply:?}"))
    }

    /// The first line of Redis's reply to the inline command `command`, or `None` when Redis
    /// does not answer within half a second.
    fn reply(&self, command: &str) -> Option<String> {
        use std::io::{BufRead, BufReader, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
        s.write_all(format!("{command}\r\n").as_bytes()).ok()?;
        let mut line = String::new();
        BufReader::new(s).read_line(&mut line).ok()?;
        Some(line.trim_end().to_string())
    }

    /// SIGSTOP (`true`) or SIGCONT: a Redis that accepts connections and never answers.
    pub fn pause(&self, stopped: bool) {
        if let Some(child) = &self.child {
            let signal = if stopped { "-STOP" } else { "-CONT" };
            let ok = Command::new("kill")
                .args([signal, &child.id().to_string()])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "kill {signal}");
        }
    }

    /// SIGKILL: gone at once, as a crashed or unreachable Redis.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A port nothing listens on (at the time of asking).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
