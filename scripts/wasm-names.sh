#!/usr/bin/env bash
# Builds the release wasm as Trunk does, but keeps its function names, for e2e/wasm-top.mjs
# (our `twiggy top`): the shipped file has none, since wasm-opt drops the name section.
#
# Usage: scripts/wasm-names.sh [OUTDIR]   (default: $CARGO_TARGET_DIR/wasm-names, or target/wasm-names)
#
# The same steps as `trunk build --release` for index.html's
# <link data-trunk rel="rust" data-bin="japan-fund-explainer" data-wasm-opt="z">:
#   cargo build --release --locked --target wasm32-unknown-unknown --bin japan-fund-explainer
#   wasm-bindgen --target web --no-typescript   (keeps the name section and demangles it)
#   wasm-opt -Oz                                 (here with -g: names kept)
# Writes OUTDIR/japan-fund-explainer_bg.wasm (optimized, named: compare with dist/*_bg.wasm less
# its name section) and OUTDIR/japan-fund-explainer_bg.unopt.wasm (wasm-bindgen's output, before
# wasm-opt). Honours CARGO_TARGET_DIR. Then, e.g.:
#   node e2e/wasm-top.mjs top OUTDIR/japan-fund-explainer_bg.wasm --by crate
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

BIN=japan-fund-explainer
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
out="${1:-$target_dir/wasm-names}"
mkdir -p "$out"

command -v wasm-bindgen >/dev/null || { echo "wasm-bindgen not found: run scripts/setup.sh" >&2; exit 1; }
command -v wasm-opt >/dev/null || { echo "wasm-opt not found (e2e/node_modules/.bin): run scripts/setup.sh" >&2; exit 1; }

cargo build --release --locked --target wasm32-unknown-unknown -p "$BIN" --bin "$BIN"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name "$BIN" \
  "$target_dir/wasm32-unknown-unknown/release/$BIN.wasm"
cp "$tmp/${BIN}_bg.wasm" "$out/${BIN}_bg.unopt.wasm"
wasm-opt -Oz -g --output="$out/${BIN}_bg.wasm" "$tmp/${BIN}_bg.wasm"

echo "named wasm: $out/${BIN}_bg.wasm ($(wc -c <"$out/${BIN}_bg.wasm") bytes; before wasm-opt: $(wc -c <"$out/${BIN}_bg.unopt.wasm"))"
