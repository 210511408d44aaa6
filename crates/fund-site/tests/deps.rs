//! The crates' architecture invariants, each an absence in the dependency graph, checked with
//! `cargo tree` on the native target (plotters pulls web-sys in on wasm32 only; the native graph is
//! what a build tool or a test compiles):
//!
//! - the logic crates (`fund-core`, `fund-charts`, `fund-content`), the view models
//!   (`fund-view`) and the exporter (`fund-export`) depend on no web stack at all: no Leptos, no
//!   `web-sys`, `wasm-bindgen`, `js-sys` or `reactive_graph`, and not on the page or the client;
//! - the components (`fund-page`) declare no DOM binding (`web-sys`, `wasm-bindgen`, `js-sys`) and
//!   do not depend on the client (Leptos itself brings `web-sys` along, for its browser renderer,
//!   which the build-time render never calls);
//! - the client (`japan-fund-explainer`) never depends on Leptos's renderer or the components.

use std::path::Path;
use std::process::Command;

/// The web stack a plain crate must not reach, by package name.
const WEB: &[&str] = &[
    "leptos",
    "tachys",
    "reactive_graph",
    "web-sys",
    "wasm-bindgen",
    "js-sys",
    "fund-page",
    "japan-fund-explainer",
];

/// The package names in `cargo tree -e normal` of `package` (its whole graph, or down to `depth`),
/// on the host target.
fn tree(package: &str, depth: Option<u32>) -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["tree", "--locked", "-e", "normal", "--prefix", "none"])
        .args(["-f", "{p}", "-p", package, "--manifest-path"])
        .arg(&manifest);
    if let Some(d) = depth {
        cmd.args(["--depth", &d.to_string()]);
    }
    let out = cmd.output().expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    names(&String::from_utf8_lossy(&out.stdout))
}

/// The package names of `cargo tree --prefix none -f {p}` lines ("name vX.Y.Z (path)").
fn names(tree: &str) -> Vec<String> {
    tree.lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The packages of `names` that `banned` names, exactly or as a family (`leptos` bans
/// `leptos_dom`, `leptos-macro` …); sorted, each once.
fn violations(names: &[String], banned: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = names
        .iter()
        .filter(|n| {
            banned.iter().any(|b| {
                n.as_str() == *b
                    || n.starts_with(&format!("{b}_"))
                    || n.starts_with(&format!("{b}-"))
            })
        })
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_checker_finds_a_banned_package_deep_in_a_tree() {
    let tree = "fund-view v0.1.0 (/x/crates/fund-view)\n\
                fund-core v0.1.0 (/x/crates/fund-core)\n\
                serde v1.0.0\n\
                leptos_dom v0.8.8\n\
                web-sys v0.3.107\n\
                wasm-bindgen-shared v0.2.130\n\
                js-sys-like v1.0.0\n\
                web-sys v0.3.107 (*)\n";
    assert_eq!(
        violations(&names(tree), WEB),
        [
            "js-sys-like",
            "leptos_dom",
            "wasm-bindgen-shared",
            "web-sys"
        ]
    );
    assert!(violations(&names("fund-core v0.1.0\nserde v1.0.0\n"), WEB).is_empty());
}

#[test]
fn plain_crates_depend_on_no_web_stack() {
    for package in [
        "fund-core",
        "fund-charts",
        "fund-content",
        "fund-view",
        "fund-export",
    ] {
        let found = violations(&tree(package, None), WEB);
        assert!(found.is_empty(), "{package} depends on {found:?}");
    }
}

#[test]
fn the_components_declare_no_dom_binding_and_never_reach_the_client() {
    let direct = tree("fund-page", Some(1));
    assert!(direct.iter().any(|n| n == "leptos"), "{direct:?}");
    let found = violations(&direct, &["web-sys", "wasm-bindgen", "js-sys"]);
    assert!(found.is_empty(), "fund-page declares {found:?}");
    let found = violations(&tree("fund-page", None), &["japan-fund-explainer"]);
    assert!(found.is_empty(), "fund-page depends on {found:?}");
}

#[test]
fn the_client_links_only_the_reactive_system() {
    let all = tree("japan-fund-explainer", None);
    assert!(all.iter().any(|n| n == "reactive_graph"), "{all:?}");
    let found = violations(&all, &["leptos", "tachys", "server_fn", "fund-page"]);
    assert!(found.is_empty(), "the client depends on {found:?}");
}
