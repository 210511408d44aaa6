//! `fund-site`: writes the static site into Trunk's staging folder (`$TRUNK_STAGING_DIR`, or
//! the folder given as the only argument). Run by Trunk as a `post_build` hook.
//!
//! Setting: `FUND_PUBLIC_ORIGIN`, the site's public address (e.g.
//! `https://example.org/graphics/japan-fund/`) for absolute URLs in link previews; without it,
//! URLs are relative.

use fund_core::Lang;
use fund_site::{
    assemble, card_png, downloads_from, pages, prerender_css, render_body, Origin, SiteError,
};
use japan_fund_explainer::charts::ChartId;
use std::path::{Path, PathBuf};

fn write(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    let io = |source| SiteError::Io {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

fn run() -> Result<(usize, usize), SiteError> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let origin = Origin::parse(&std::env::var("FUND_PUBLIC_ORIGIN").unwrap_or_default())?;
    let shell_path = dir.join("index.html");
    let shell = std::fs::read_to_string(&shell_path).map_err(|source| SiteError::Io {
        path: shell_path.display().to_string(),
        source,
    })?;
    if shell.contains("data-prerendered") {
        return Err(SiteError::Shell(
            "fresh shell (index.html was already prerendered)",
        ));
    }
    let mut written = 0;
    for page in pages() {
        let html = assemble(&shell, &page, &origin, &render_body(page.lang, page.embed))?;
        write(&dir.join(page.dir()).join("index.html"), html.as_bytes())?;
        write(&dir.join(page.card_path()), &card_png(&page)?)?;
        written += 1;
    }
    let mut files = 0;
    for lang in Lang::ALL {
        for id in ChartId::ALL {
            for (name, bytes) in downloads_from(id, lang, &origin)? {
                write(&dir.join(lang.dir()).join("downloads").join(name), &bytes)?;
                files += 1;
            }
        }
    }
    write(&dir.join("prerender.css"), prerender_css().as_bytes())?;
    Ok((written, files))
}

fn main() {
    match run() {
        Ok((pages, files)) => println!(
            "fund-site: wrote {pages} prerendered pages with their social cards, and {files} downloads"
        ),
        Err(e) => {
            eprintln!("fund-site: {e}");
            std::process::exit(1);
        }
    }
}
