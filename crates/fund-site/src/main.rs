//! `fund-site`: writes the static site into Trunk's staging folder (`$TRUNK_STAGING_DIR`, or
//! the folder given as the last argument). Run by Trunk as a `post_build` hook.
//!
//! Settings:
//! - `FUND_PUBLIC_ORIGIN`, the site's public address (e.g.
//!   `https://example.org/graphics/japan-fund/`) for absolute URLs in link previews, oEmbed, the
//!   sitemap and structured data; without it, URLs are relative and no sitemap is written;
//! - `FUND_DATA_LICENSE`, the licence of the data downloads (a URL; CC BY 4.0 by default);
//! - `FUND_PUBLISHED`, the day the explainer was first published (`yyyy-mm-dd`), for its
//!   structured data (left out without it).
//!
//! `fund-site --shell FILE DIR` uses FILE as Trunk's page shell instead of `DIR/index.html`, so a
//! copy of a built site can be written again for another origin. Each run keeps the shell it used
//! beside its own executable (`fund-site-shell.html`) for that. With `--text-only`, the images and
//! downloads (which no setting changes) are left as they are.

use fund_core::Lang;
use fund_site::publish::{self, Publishing};
use fund_site::{
    assemble_with, card_png, downloads_from, pages, prerender_css, render_body, wasm, Origin,
    SiteError,
};
use fund_view::charts::ChartId;
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

fn read(path: &Path) -> Result<String, SiteError> {
    std::fs::read_to_string(path).map_err(|source| SiteError::Io {
        path: path.display().to_string(),
        source,
    })
}

struct Written {
    pages: usize,
    downloads: usize,
    sitemap: bool,
}

fn run() -> Result<Written, SiteError> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut shell_file = None;
    if let Some(at) = args.iter().position(|a| a == "--shell") {
        if at + 1 >= args.len() {
            return Err(SiteError::Shell("file after --shell"));
        }
        shell_file = Some(PathBuf::from(args.remove(at + 1)));
        args.remove(at);
    }
    let text_only = args.iter().any(|a| a == "--text-only");
    args.retain(|a| a != "--text-only");
    let dir = args
        .pop()
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let setting = |name: &str| std::env::var(name).unwrap_or_default();
    let origin = Origin::parse(&setting("FUND_PUBLIC_ORIGIN"))?;
    let publishing = Publishing::parse(&setting("FUND_DATA_LICENSE"), &setting("FUND_PUBLISHED"))?;
    let shell = read(&shell_file.unwrap_or_else(|| dir.join("index.html")))?;
    if shell.contains("data-prerendered") {
        return Err(SiteError::Shell(
            "fresh shell (index.html was already prerendered)",
        ));
    }
    // Kept for `--shell` (best effort: the site does not depend on it).
    if let Ok(exe) = std::env::current_exe() {
        let _ = std::fs::write(exe.with_file_name("fund-site-shell.html"), &shell);
    }
    // Each language's pages load their own WebAssembly (see `fund_site::wasm`): the shell names
    // the main app's, and the others' get a shell of their own.
    let mut shells = Vec::new();
    for lang in Lang::ALL {
        let bin = format!("{}-{}", wasm::BIN_PREFIX, lang.as_str());
        let own = if shell.contains(&format!("/{bin}-")) {
            shell.clone()
        } else {
            match wasm::hashed(&dir, &bin)? {
                Some(w) => wasm::shell_for(&shell, &w)?,
                None => {
                    return Err(SiteError::Shell(
                        "WebAssembly for every language (index.html builds one per language)",
                    ))
                }
            }
        };
        shells.push((lang, own));
    }
    let shell_of = |lang: Lang| {
        shells
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(shell.as_str(), |(_, s)| s.as_str())
    };
    let mut written = 0;
    for page in pages() {
        let body = render_body(page.lang, page.embed);
        let html = assemble_with(shell_of(page.lang), &page, &origin, &publishing, &body)?;
        let folder = dir.join(page.dir());
        write(&folder.join("index.html"), html.as_bytes())?;
        if !text_only {
            write(&dir.join(page.card_path()), &card_png(&page)?)?;
        }
        if let Some(json) = publish::oembed_json(&page, &origin) {
            write(&folder.join("oembed.json"), json.as_bytes())?;
        }
        if let Some(md) = publish::markdown(&page, &origin) {
            write(&folder.join("index.md"), md.as_bytes())?;
        }
        if !text_only {
            if let Some(png) = publish::fallback_png(&page)? {
                write(&folder.join(publish::FALLBACK_PNG), &png)?;
            }
        }
        written += 1;
    }
    let mut files = 0;
    for lang in Lang::ALL {
        for id in ChartId::ALL.into_iter().filter(|_| !text_only) {
            for (name, bytes) in downloads_from(id, lang, &origin)? {
                write(&dir.join(lang.dir()).join("downloads").join(name), &bytes)?;
                files += 1;
            }
        }
        write(
            &dir.join(lang.dir()).join("404.html"),
            publish::not_found(lang, &origin).as_bytes(),
        )?;
    }
    // The page scripts ship without their whole-line comments (assets/ keeps them): about a third
    // of what a reader who never reaches for the charts transfers in scripts.
    for name in fund_site::SHIPPED_SCRIPTS {
        let path = dir.join(name);
        if let Ok(js) = std::fs::read_to_string(&path) {
            write(&path, fund_site::strip_line_comments(&js).as_bytes())?;
        }
    }
    write(&dir.join("prerender.css"), prerender_css().as_bytes())?;
    write(&dir.join("robots.txt"), publish::robots(&origin).as_bytes())?;
    let sitemap = publish::sitemap(&origin);
    if let Some(s) = &sitemap {
        write(&dir.join("sitemap.xml"), s.as_bytes())?;
    }
    // The hosting rules cover every file and folder at the root, so they are written last.
    let (mut root_files, mut root_dirs) = (Vec::new(), Vec::new());
    let entries = std::fs::read_dir(&dir).map_err(|source| SiteError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".tmp") {
            continue;
        }
        match e.file_type() {
            Ok(t) if t.is_dir() => root_dirs.push(name),
            Ok(_) => root_files.push(name),
            Err(_) => {}
        }
    }
    let rules = publish::header_rules(&origin, &root_files, &root_dirs);
    write(
        &dir.join("_headers"),
        publish::headers_file(&rules).as_bytes(),
    )?;
    Ok(Written {
        pages: written,
        downloads: files,
        sitemap: sitemap.is_some(),
    })
}

fn main() {
    match run() {
        Ok(w) => {
            println!(
                "fund-site: wrote {} prerendered pages with their social cards, oEmbed answers, Markdown pages and fallback images, {} downloads, and the hosting kit (_headers, robots.txt, 404.html)",
                w.pages, w.downloads
            );
            if !w.sitemap {
                println!("fund-site: no FUND_PUBLIC_ORIGIN: URLs are relative, so oEmbed cannot work for other sites and no sitemap.xml was written (see the README, \"Publishing\")");
            }
        }
        Err(e) => {
            eprintln!("fund-site: {e}");
            std::process::exit(1);
        }
    }
}
