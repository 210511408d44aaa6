#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: format, lints (native and wasm32), docs,
# native tests, in-browser tests (wasm-bindgen-test in headless Chromium), the release build with its
# size budget, and the end-to-end tests against the release build served on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "format";            cargo fmt --all --check
step "clippy (native)";   cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)";   cargo clippy --workspace --target wasm32-unknown-unknown --locked -- -D warnings
step "docs";              RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
# In CI, shared/ sits beside the clone: the checks against the facts and the article must run.
step "native tests";      REQUIRE_SHARED=${CI:+1} cargo test --workspace --locked
step "in-browser tests";  WASM_BINDGEN_TEST_TIMEOUT=120 cargo test -p japan-fund-explainer --target wasm32-unknown-unknown --locked
step "release build";     trunk build --release --locked
# The issue's target is 150 KiB gzip for the whole page; today's build is about 346 KiB (see the
# README's "Size" section). CI enforces a regression guard at 360 KiB so the size cannot grow
# unnoticed while the work to reach the target goes on; the benchmark reports the target itself.
step "size budget";       node e2e/size.mjs --budget-gzip 368640
step "end-to-end";        (cd e2e && npm test)
step "fuzz (short run)";  FUZZ_SMOKE_CASES=5000 cargo test --release --manifest-path fuzz/Cargo.toml --test smoke
