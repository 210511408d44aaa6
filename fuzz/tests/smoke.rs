//! Runs the fuzz targets on stable over a generated corpus (deterministic),
//! and replays files from `FUZZ_REPLAY_DIR` (e.g. a cargo-fuzz corpus or
//! crash artifacts) if that variable is set.
//!
//! `FUZZ_SMOKE_CASES` changes how many generated inputs each target gets
//! (default 20,000).

use std::path::Path;

fn cases() -> usize {
    std::env::var("FUZZ_SMOKE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

#[test]
fn url_state_over_generated_corpus() {
    let n = cases();
    let mut ran = 0;
    for input in fund_fuzz::corpus::url_state_inputs(n) {
        fund_fuzz::url_state(&input);
        ran += 1;
    }
    assert_eq!(ran, n);
}

#[test]
fn scenario_over_generated_corpus() {
    let n = cases();
    let mut ran = 0;
    for input in fund_fuzz::corpus::scenario_inputs(n) {
        fund_fuzz::scenario(&input);
        ran += 1;
    }
    assert_eq!(ran, n);
}

#[test]
fn adversarial_values_in_every_parameter() {
    for name in fund_core::params::param_names() {
        for v in fund_fuzz::corpus::VALUES {
            let mut ser = form_urlencoded::Serializer::new(String::new());
            ser.append_pair(&name, v);
            fund_fuzz::url_state(ser.finish().as_bytes());
            fund_fuzz::url_state(format!("{name}={v}").as_bytes());
        }
    }
}

fn replay(dir: &Path, target: fn(&[u8])) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let path = e.path();
        if path.is_file() {
            if let Ok(data) = std::fs::read(&path) {
                target(&data);
                n += 1;
            }
        }
    }
    n
}

#[test]
fn replay_files() {
    let Some(dir) = std::env::var_os("FUZZ_REPLAY_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    // A cargo-fuzz layout (corpus/<target>, artifacts/<target>) or one flat folder for both.
    let mut n = 0;
    for sub in ["corpus", "artifacts"] {
        n += replay(&dir.join(sub).join("url_state"), fund_fuzz::url_state);
        n += replay(&dir.join(sub).join("scenario"), fund_fuzz::scenario);
    }
    n += replay(dir, fund_fuzz::url_state);
    n += replay(dir, fund_fuzz::scenario);
    eprintln!("replayed {n} files");
}
