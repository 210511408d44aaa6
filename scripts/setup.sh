#!/usr/bin/env bash
# Installs everything the explainer needs to build, serve and test, idempotently.
# Usage: scripts/setup.sh [--browser]   (--browser also installs the browsers the tests drive:
#        Chromium and ChromeDriver, Firefox ESR, WebKitGTK's WebKitWebDriver and MiniBrowser, Xvfb)
# Quick when everything is already there: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

command -v cargo >/dev/null || { echo "cargo not found: install rustup's stable toolchain first" >&2; exit 1; }

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, pinned (0.22 needs a newer rustc; --locked avoids a lightningcss/cssparser mismatch).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes ~7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen CLI: must equal the library version in Cargo.lock exactly, or Trunk tries to download one.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$" \
   || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "installing wasm-bindgen-cli $WB_VERSION (takes ~6 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi
grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml || { echo "Trunk.toml's [tools] wasm_bindgen must be $WB_VERSION (Cargo.lock)" >&2; exit 1; }

# 4. npm packages: wasm-opt (binaryen 123; Trunk would otherwise download it), and for tests
#    playwright-core (drives Debian's Chromium), puppeteer-core (drives Debian's Firefox ESR over
#    WebDriver BiDi; it downloads no browser), pym.js (the newsroom embed library), axe-core
#    (accessibility checks) and the benchmark's peers (vega, vega-lite, vega-embed, chart.js).
#    Exact versions in e2e/package.json and e2e/package-lock.json.
stamp=e2e/node_modules/.lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s e2e/package-lock.json "$stamp"; then
  say "installing npm packages in e2e/"
  (cd e2e && npm ci --no-audit --no-fund)
  cp e2e/package-lock.json "$stamp"
fi

# 5. The browsers the tests drive, from Debian (tests only). Never a browser download.
#    chromium + chromium-driver: the whole end-to-end suite and the in-browser tests;
#    firefox-esr: the core suite over WebDriver BiDi (puppeteer-core);
#    webkit2gtk-driver: WebKitWebDriver, which drives WebKitGTK's MiniBrowser (from
#    libwebkit2gtk-4.1-0), with xvfb for its display (MiniBrowser has no headless mode).
if [ "$want_browser" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  { command -v WebKitWebDriver >/dev/null && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; } || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
# 6. WordPress's own wp-embed.js, for the test that embeds a chart the way a WordPress post does
#    (tests only): from Debian's wordpress package, unpacked into e2e/.cache/ (installing the
#    package itself would also install and start Apache and PHP, which the test does not use).
#    An installed package (/usr/share/wordpress) is used as it is.
if [ "$want_browser" = 1 ]; then
  wp_js=wp-includes/js/wp-embed.js
  if [ ! -f "/usr/share/wordpress/$wp_js" ] && [ ! -f "e2e/.cache/wordpress/usr/share/wordpress/$wp_js" ]; then
    say "unpacking Debian's wordpress package into e2e/.cache/wordpress"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    tmp=$(mktemp -d)
    chmod 777 "$tmp"
    (cd "$tmp" && { apt-get download wordpress >/dev/null 2>&1 || { $SUDO apt-get update -qq && apt-get download wordpress >/dev/null; }; })
    mkdir -p e2e/.cache/wordpress
    dpkg-deb -x "$tmp"/wordpress_*.deb e2e/.cache/wordpress
    rm -rf "$tmp"
  fi
fi
say "ready"
