//! One WebAssembly per language. `index.html` has Trunk build the same program twice, each
//! holding one language's strings: `japan-fund-explainer-en` for the English pages and
//! `japan-fund-explainer-ja` for the Japanese ones. Trunk allows one main app per page shell, so
//! the Japanese one is built as a "worker" (`data-type="worker"`, with the `web` target of the main
//! app): Trunk compiles, binds and optimises it exactly as the main one, but leaves it unhashed
//! (`japan-fund-explainer-ja_bg.wasm`, `japan-fund-explainer-ja.js`) and out of the shell. Here it
//! gets a content hash in its names, as Trunk gives the main app, and its pages get a shell whose
//! boot script names it, with its integrity.

use crate::{attr_value as attr, SiteError};
use base64::Engine as _;
use sha2::{Digest, Sha384};
use std::path::Path;

/// The start of the names of the explainer's WebAssembly files; each language's binary adds
/// `-<language>` (`japan-fund-explainer-ja`).
pub const BIN_PREFIX: &str = "japan-fund-explainer";

/// A language's WebAssembly as its pages name it: the glue script and the wasm (file names in the
/// site's root) and the wasm's integrity (`sha384-…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangWasm {
    /// The glue script's file name, e.g. `japan-fund-explainer-ja-0123456789abcdef.js`.
    pub js: String,
    /// The wasm's file name, e.g. `japan-fund-explainer-ja-0123456789abcdef_bg.wasm`.
    pub wasm: String,
    /// The wasm's Subresource Integrity value.
    pub integrity: String,
}

/// The Subresource Integrity value of `bytes`: `sha384-` and the digest in base64, as Trunk
/// writes it.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The content hash in a file's name: the first 8 bytes of its SHA-384, 16 hex digits (the form
/// `publish::is_hashed` recognises).
fn content_hash(bytes: &[u8]) -> String {
    Sha384::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The WebAssembly of the binary `bin` (e.g. `japan-fund-explainer-ja`) in the built site `dir`,
/// with hashed names: Trunk's unhashed output is renamed (glue and wasm, one hash, the wasm's),
/// and a site whose files were hashed already (a second run, `fund-site --shell`) is read as it
/// is. `Ok(None)` when the site has neither.
pub fn hashed(dir: &Path, bin: &str) -> Result<Option<LangWasm>, SiteError> {
    let fresh_wasm = dir.join(format!("{bin}_bg.wasm"));
    if fresh_wasm.exists() {
        let bytes = std::fs::read(&fresh_wasm).map_err(io(&fresh_wasm))?;
        let hash = content_hash(&bytes);
        let out = LangWasm {
            js: format!("{bin}-{hash}.js"),
            wasm: format!("{bin}-{hash}_bg.wasm"),
            integrity: integrity(&bytes),
        };
        let fresh_js = dir.join(format!("{bin}.js"));
        let to_js = dir.join(&out.js);
        std::fs::rename(&fresh_js, &to_js).map_err(io(&fresh_js))?;
        let to_wasm = dir.join(&out.wasm);
        std::fs::rename(&fresh_wasm, &to_wasm).map_err(io(&fresh_wasm))?;
        return Ok(Some(out));
    }
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    let mut found = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let hash = name
            .strip_prefix(bin)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.strip_suffix("_bg.wasm"));
        if let Some(hash) =
            hash.filter(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            found.push((name.clone(), hash.to_string()));
        }
    }
    match found.as_slice() {
        [] => Ok(None),
        [(wasm, hash)] => {
            let path = dir.join(wasm);
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            Ok(Some(LangWasm {
                js: format!("{bin}-{hash}.js"),
                wasm: wasm.clone(),
                integrity: integrity(&bytes),
            }))
        }
        _ => Err(SiteError::Shell(
            "single hashed wasm per language (the site holds two of one language)",
        )),
    }
}

/// The page shell for pages that load `wasm` instead of the shell's own WebAssembly: the boot
/// script names its glue and wasm, and the wasm's preload hint (whose integrity the boot script
/// takes, see `take_wasm_preload`) names it with its integrity. The glue's `modulepreload` hint
/// goes (every page drops it anyway: see `start_on_intent`).
pub fn shell_for(shell: &str, wasm: &LangWasm) -> Result<String, SiteError> {
    let boot_at = shell
        .find("boot.js\"")
        .ok_or(SiteError::Shell("boot script"))?;
    let tag_start = shell[..boot_at]
        .rfind("<script")
        .ok_or(SiteError::Shell("boot script"))?;
    let tag_end = boot_at
        + shell[boot_at..]
            .find('>')
            .ok_or(SiteError::Shell("boot script"))?;
    let tag = &shell[tag_start..tag_end];
    let old_js = attr(tag, "data-js").ok_or(SiteError::Shell("boot script's data-js"))?;
    let old_wasm = attr(tag, "data-wasm").ok_or(SiteError::Shell("boot script's data-wasm"))?;
    // The folder part the shell writes (`./`), kept.
    let folder = |v: &str| {
        v.rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"))
    };
    let new_tag = tag
        .replacen(
            &format!("data-js=\"{old_js}\""),
            &format!("data-js=\"{}{}\"", folder(&old_js), wasm.js),
            1,
        )
        .replacen(
            &format!("data-wasm=\"{old_wasm}\""),
            &format!("data-wasm=\"{}{}\"", folder(&old_wasm), wasm.wasm),
            1,
        );
    let mut out = format!("{}{new_tag}{}", &shell[..tag_start], &shell[tag_end..]);
    // The preload hints: the wasm's names the new wasm with its integrity; the glue's goes.
    let mut rest = out.as_str();
    let mut next = String::with_capacity(out.len());
    while let Some(at) = rest.find("<link rel=\"") {
        next.push_str(&rest[..at]);
        let end = rest[at..]
            .find('>')
            .map(|e| at + e + 1)
            .unwrap_or(rest.len());
        let link = &rest[at..end];
        if link.starts_with("<link rel=\"preload\"") && link.contains(".wasm\"") {
            let href = attr(link, "href").unwrap_or_default();
            let mut l = link.replacen(
                &format!("href=\"{href}\""),
                &format!("href=\"{}{}\"", folder(&href), wasm.wasm),
                1,
            );
            if let Some(sri) = attr(link, "integrity") {
                l = l.replacen(
                    &format!("integrity=\"{sri}\""),
                    &format!("integrity=\"{}\"", wasm.integrity),
                    1,
                );
            }
            next.push_str(&l);
        } else if !link.starts_with("<link rel=\"modulepreload\"") {
            next.push_str(link);
        }
        rest = &rest[end..];
    }
    next.push_str(rest);
    out = next;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<html lang=\"en\">\n<head>\n<title>t</title>\n<script type=\"module\" src=\"./boot.js\" data-js=\"./japan-fund-explainer-en-0123456789abcdef.js\" data-wasm=\"./japan-fund-explainer-en-0123456789abcdef_bg.wasm\"></script>\n<link rel=\"modulepreload\" href=\"./japan-fund-explainer-en-0123456789abcdef.js\" crossorigin=\"anonymous\" integrity=\"sha384-JS\"><link rel=\"preload\" href=\"./japan-fund-explainer-en-0123456789abcdef_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-EN\" as=\"fetch\" type=\"application/wasm\"></head>\n<body></body>\n</html>\n";

    #[test]
    fn integrity_is_sha384_in_base64() {
        // The SHA-384 of "abc" (FIPS 180-2's test vector), in base64.
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn the_shell_for_another_wasm_names_it_and_its_integrity() {
        let ja = LangWasm {
            js: "japan-fund-explainer-ja-fedcba9876543210.js".into(),
            wasm: "japan-fund-explainer-ja-fedcba9876543210_bg.wasm".into(),
            integrity: "sha384-JA".into(),
        };
        let out = shell_for(SHELL, &ja).unwrap();
        assert!(out.contains("data-js=\"./japan-fund-explainer-ja-fedcba9876543210.js\""));
        assert!(out.contains("data-wasm=\"./japan-fund-explainer-ja-fedcba9876543210_bg.wasm\""));
        assert!(out.contains("href=\"./japan-fund-explainer-ja-fedcba9876543210_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-JA\" as=\"fetch\""));
        assert!(!out.contains("-en-"), "{out}");
        assert!(!out.contains("sha384-EN") && !out.contains("modulepreload"));
        assert!(out.starts_with("<html lang=\"en\">\n<head>\n<title>t</title>\n<script"));
        assert!(out.ends_with("</head>\n<body></body>\n</html>\n"));
        assert!(shell_for("<html><head></head></html>", &ja).is_err());
    }

    #[test]
    fn trunks_unhashed_output_gets_hashed_names_once() {
        let dir = std::env::temp_dir().join(format!("fund-site-wasm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let bin = "japan-fund-explainer-ja";
        assert_eq!(hashed(&dir, bin).unwrap(), None);
        std::fs::write(dir.join(format!("{bin}_bg.wasm")), b"\0asm-ja").unwrap();
        std::fs::write(dir.join(format!("{bin}.js")), b"glue").unwrap();
        let first = hashed(&dir, bin).unwrap().unwrap();
        assert_eq!(first.integrity, integrity(b"\0asm-ja"));
        assert!(crate::publish::is_hashed(&first.wasm), "{}", first.wasm);
        assert!(crate::publish::is_hashed(&first.js), "{}", first.js);
        assert_eq!(std::fs::read(dir.join(&first.wasm)).unwrap(), b"\0asm-ja");
        assert_eq!(std::fs::read(dir.join(&first.js)).unwrap(), b"glue");
        assert!(!dir.join(format!("{bin}_bg.wasm")).exists());
        // A second run finds the same files.
        assert_eq!(hashed(&dir, bin).unwrap(), Some(first.clone()));
        // Two of one language is an error, not a guess.
        std::fs::write(dir.join(format!("{bin}-00000000000000aa_bg.wasm")), b"x").unwrap();
        assert!(hashed(&dir, bin).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
