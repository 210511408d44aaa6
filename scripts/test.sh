#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: format, lints (native and wasm32), docs,
# native tests, in-browser tests (wasm-bindgen-test in headless Chromium), the release build with its
# size budget, and the end-to-end tests against the release build served on loopback: the whole
# suite in Chromium, then its core (e2e/core/) in Chromium, Firefox ESR and WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "format";            cargo fmt --all --check
step "clippy (native)";   cargo clippy --workspace --all-targets --locked -- -D warnings
# What the wasm links: the client and the plain crates under it. fund-page (the components),
# fund-site (the build-time prerender) and fund-export are native tools.
step "clippy (wasm32)";   cargo clippy -p japan-fund-explainer -p fund-view -p fund-core -p fund-charts -p fund-content --target wasm32-unknown-unknown --locked -- -D warnings
step "docs";              RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
# In CI, shared/ sits beside the clone: the checks against the facts and the article must run.
# Includes the crates' invariants as absences in the dependency graph (crates/fund-site/tests/deps.rs).
step "native tests";      REQUIRE_SHARED=${CI:+1} cargo test --workspace --locked
# Each page's wasm holds one language (index.html): fund-core built with lang-en only, then lang-ja
# only, answers every language in its own and generates none of the other's text.
step "one language per build"; for lang in en ja; do cargo test -p fund-core --locked --no-default-features --features "lang-$lang" --test one_language; done
step "in-browser tests";  WASM_BINDGEN_TEST_TIMEOUT=120 cargo test -p japan-fund-explainer --target wasm32-unknown-unknown --locked
step "release build";     trunk build --release --locked
# Regression guards, not the targets (150 KiB page, 100 KiB embed; see the README's "Size"): the
# page (prerendered HTML, wasm, scripts, styles) is about 263.5 KiB gzip today and the allocation
# embed about 16.6 KiB until the reader reaches for it (its wasm loads on intent). CI fails when
# either grows past these ceilings, so no change gives the bytes back unnoticed. (Raised in
# December 2026 from 270 and 16.5 KiB: the charts' banners and honest labels, about 9 KiB of wasm
# and HTML; the page's structured data, about 0.6 KiB; the embed's WordPress protocol, discovery
# links and structured data, about 1.2 KiB; the single wasm download from head.js, about 0.3 KiB;
# banners wrapped on two lines for wider fallback fonts, about 0.4 KiB. Lowered from 280 to
# 270 KiB when each language's pages got a wasm with their own strings only, about 12 KiB off the
# English page's wasm.) --one-language fails when a page's wasm holds the other language's strings.
# The before-use ceilings are issue 20's targets for a reader who never reaches for the charts:
# the page 100 KB (about 59 KiB today: HTML, styles, head.js and boot.js; its wasm waits for the
# reader on a slow connection), the embed 20 KB (the 17.5 KiB guard above is the stricter).
step "size budget";       node e2e/size.mjs --budget-gzip 276480 --budget-page-initial-gzip 102400 --budget-embed-gzip 17920 --one-language
step "end-to-end (Chromium)";  (cd e2e && npm test)
# The core suite, the same test bodies in each engine (e2e/browsers/ drives them).
step "end-to-end core (Chromium)";        (cd e2e && npm run --silent test:core:chromium)
step "end-to-end core (Firefox ESR)";     (cd e2e && npm run --silent test:core:firefox)
step "end-to-end core (WebKitGTK)";       (cd e2e && npm run --silent test:core:webkit)
step "fuzz (short run)";  FUZZ_SMOKE_CASES=5000 cargo test --release --manifest-path fuzz/Cargo.toml --test smoke
