//! `fund-export`: one of the explainer's charts as an SVG, PNG, CSV or JSON file. See `--help`.

use fund_export::cli::{self, Command};
use fund_export::{export, ExportError, Format};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Writes `bytes` to `path` atomically: into a temporary file beside it, flushed to disk, then
/// renamed over `path`. On any failure the temporary file is removed and `path` is untouched.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let fail = |source: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail(std::io::Error::other("not a file name")))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(
        ".{}.fund-export-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

fn run() -> Result<(), ExportError> {
    let (request, out) = match cli::parse(std::env::args().skip(1))? {
        Command::Help => {
            print!("{}", cli::help());
            return Ok(());
        }
        Command::Export { request, out } => (request, out),
    };
    if request.format == Format::Png && out.is_none() && std::io::stdout().is_terminal() {
        return Err(ExportError::PngToTerminal);
    }
    // Everything is made in memory first: a refusal or a drawing failure writes nothing.
    let bytes = export(&request)?;
    match out {
        Some(path) => write_atomically(&path, &bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&bytes)
                .and_then(|_| stdout.flush())
                .map_err(|source| ExportError::Write {
                    path: "standard output".to_string(),
                    source,
                })
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fund-export: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
