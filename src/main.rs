use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = clara::cli::Args::parse();
    match clara::cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("clara: {err:#}");
            ExitCode::FAILURE
        }
    }
}
