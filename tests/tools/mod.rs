//! External programs some tests need (Debian's `chromium`, `chromium-driver`, `opus-tools`).
//!
//! Locally a missing program skips its test with a one-line notice; with
//! `CLARA_TEST_TOOLS=required` (`.ci/run` sets it after installing them) the test fails instead,
//! so that CI can never pass by skipping.

use std::io::Write as _;
use std::path::PathBuf;

/// The variable that turns a missing program into a failure.
pub const REQUIRED_VAR: &str = "CLARA_TEST_TOOLS";

/// `program` on PATH, as an executable file; `None` (after a notice on stderr) when the test
/// that wants it should skip.
///
/// # Panics
/// When it is missing and `CLARA_TEST_TOOLS=required`.
pub fn find(program: &str, debian_package: &str) -> Option<PathBuf> {
    let found = on_path(program);
    if found.is_none() {
        let required = std::env::var(REQUIRED_VAR).is_ok_and(|v| v == "required");
        assert!(
            !required,
            "{program} is required ({REQUIRED_VAR}=required) but not on PATH; install Debian's {debian_package}"
        );
        // Straight to stderr: libtest hides `eprintln!` output of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {program} not found; install Debian's {debian_package} (or set {REQUIRED_VAR}=required to fail instead)"
        );
    }
    found
}

fn on_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}
