//! `cargo run -p fund-content --bin check-content [DIR]`: validates the content files in `DIR`
//! (default: this crate's `data/`) by every rule the test suite applies, and prints either a
//! summary or the first error, naming the file and the entry. Exits with 1 on an error.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"));
    match fund_content::check_dir(&dir) {
        Ok(summary) => {
            println!("ok: {summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
