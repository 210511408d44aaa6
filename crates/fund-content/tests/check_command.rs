//! The editors' command, `check-content`, run as a reader would run it: on the real data it
//! succeeds; on a broken copy it fails with one line naming the file and the entry.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of the data in a fresh directory, with `edit` applied to one file.
fn broken_copy(name: &str, file: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut edit = Some(edit);
    let dir = std::env::temp_dir().join(format!("check-content-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in fund_content::FILES {
        let text = std::fs::read_to_string(data_dir().join(format!("{f}.json"))).unwrap();
        let text = if f == file {
            let mut v: Value = serde_json::from_str(&text).unwrap();
            if let Some(edit) = edit.take() {
                edit(&mut v);
            }
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            text
        };
        std::fs::write(dir.join(format!("{f}.json")), text).unwrap();
    }
    dir
}

fn run(dir: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_check-content"))
        .arg(dir)
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn find<'a>(list: &'a mut Value, id: &str) -> &'a mut Value {
    list.as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap()
}

fn fails_naming(dir: &Path, needles: &[&str]) {
    let (ok, _, err) = run(dir);
    assert!(!ok, "broken data accepted");
    for n in needles {
        assert!(err.contains(n), "{err:?} lacks {n:?}");
    }
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_real_data_passes() {
    let (ok, out, err) = run(&data_dir());
    assert!(ok, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
    assert!(out.contains("record as of 8 Oct 2026"), "{out}");
}

#[test]
fn unknown_source_id() {
    let dir = broken_copy("unknown", "timeline", |v| {
        find(v, "tariff-ruling")["sources"] = json!(["kyodo-ruling-2026"]);
    });
    fails_naming(
        &dir,
        &["timeline.json", "tariff-ruling", "kyodo-ruling-2026"],
    );
}

#[test]
fn missing_date() {
    let dir = broken_copy("nodate", "tranches", |v| {
        let t = find(&mut v["tranches"], "tranche-2");
        t.as_object_mut().unwrap().remove("date");
    });
    fails_naming(&dir, &["tranches.json", "tranche-2", "date"]);
}

#[test]
fn figure_without_source() {
    let dir = broken_copy("nosource", "tranches", |v| {
        let t = find(&mut v["tranches"], "tranche-1");
        find(&mut t["projects"], "texas-gulflink")["sources"] = json!([]);
    });
    fails_naming(
        &dir,
        &[
            "tranches.json",
            "texas-gulflink",
            "$2.1 billion",
            "no source",
        ],
    );
}

#[test]
fn amounts_that_do_not_add_up() {
    let dir = broken_copy("sum", "tranches", |v| {
        find(&mut v["tranches"], "tranche-1")["total_billion"] = json!("36.5");
    });
    fails_naming(
        &dir,
        &["tranches.json", "tranche-1", "$36 billion", "$36.5 billion"],
    );
}

#[test]
fn a_missing_file_is_named() {
    let (ok, _, err) = run(Path::new("/nonexistent-dir"));
    assert!(!ok);
    assert!(err.contains("sources.json"), "{err}");
}
