#!/usr/bin/env bash
# Compares every chart drawing of two builds (issue 19): the prerendered pages and embed pages
# (en, ja; 1280 and 390 px; light and dark; both framings; before and after the wasm), the
# downloads, the embeds' fallback PNGs, the social cards and fund-export's PNG and SVG output.
# Captures images with e2e/drawings.mjs and compares them pixel by pixel; exits non-zero when a
# drawing changed or is missing. It builds nothing unless asked (--build).
#
# Usage:
#   scripts/compare-drawings.sh [options] [BASE_REF]
#
# The baseline (one of):
#   --base-drawings DIR  images captured before (a folder with manifest.json): nothing to build
#   --base-dist DIR      a built site to capture, with --base-export BIN (its fund-export)
#   BASE_REF --build     builds BASE_REF (a commit, branch or tag) in a temporary worktree, then
#                        captures it (the steps are written out below)
# The build under test:
#   --new-dist DIR       default: dist/ (a release build: trunk build --release)
#   --new-export BIN     default: $CARGO_TARGET_DIR/release/fund-export, else target/release/…
#   --build              also builds the current checkout first (trunk build --release --locked,
#                        cargo build --release --locked -p fund-export)
# Output:
#   --out DIR            where the captures and diffs go (default: a new folder under /tmp)
#   --jobs N             page views captured at once (default 2)
#   any option after -- goes to `drawings.mjs compare` (e.g. -- --tolerance 0.001)
#
# Examples:
#   # the pipeline change against the baseline captured before it
#   scripts/compare-drawings.sh --base-drawings /work/baseline/drawings --new-dist dist \
#       --new-export "$CARGO_TARGET_DIR/release/fund-export"
#   # main against the current checkout, building both
#   scripts/compare-drawings.sh --build main
#
# By hand, what `BASE_REF --build` does (a baseline from a git ref):
#   git worktree add --detach /tmp/drawings-base BASE_REF
#   (cd /tmp/drawings-base && ln -s "$PWD/e2e/node_modules" e2e/node_modules   # from this checkout
#    && source scripts/env.sh && trunk build --release --locked \
#    && cargo build --release --locked -p fund-export)
#   node e2e/drawings.mjs capture --root /tmp/drawings-base/dist --out BASE_DIR \
#       --export-bin "${CARGO_TARGET_DIR:-/tmp/drawings-base/target}/release/fund-export"
#   git worktree remove --force /tmp/drawings-base
# and then for the current build:
#   node e2e/drawings.mjs capture --root dist --out NEW_DIR --export-bin target/release/fund-export
#   node e2e/drawings.mjs compare --base BASE_DIR --new NEW_DIR [--tolerance 0.002]
#       [--channel-threshold 24] [--max-unexplained 24] [--diff-out DIR]
# A capture of the same build twice compares PASS everywhere (the capture is deterministic).
# Both captures must be taken on the same machine (same Chromium, same fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

usage() { sed -n '2,24p' "$0"; exit "${1:-0}"; }
fail() { echo "compare-drawings.sh: $*" >&2; exit 2; }

base_ref=""
base_drawings=""
base_dist=""
base_export=""
new_dist="dist"
new_export=""
build=0
out=""
jobs=2
compare_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base-drawings) base_drawings="${2:?--base-drawings needs a folder}"; shift ;;
    --base-dist) base_dist="${2:?--base-dist needs a folder}"; shift ;;
    --base-export) base_export="${2:?--base-export needs a file}"; shift ;;
    --new-dist) new_dist="${2:?--new-dist needs a folder}"; shift ;;
    --new-export) new_export="${2:?--new-export needs a file}"; shift ;;
    --build) build=1 ;;
    --out) out="${2:?--out needs a folder}"; shift ;;
    --jobs) jobs="${2:?--jobs needs a number}"; shift ;;
    -h|--help) usage 0 ;;
    --) shift; compare_args=("$@"); break ;;
    -*) echo "compare-drawings.sh: unknown option $1" >&2; usage 2 ;;
    *) [ -z "$base_ref" ] || fail "one BASE_REF only (got $base_ref and $1)"; base_ref="$1" ;;
  esac
  shift
done

sources=0
[ -n "$base_drawings" ] && sources=$((sources + 1))
[ -n "$base_dist" ] && sources=$((sources + 1))
[ -n "$base_ref" ] && sources=$((sources + 1))
[ "$sources" -eq 1 ] || fail "give exactly one baseline: --base-drawings DIR, --base-dist DIR (with --base-export BIN) or BASE_REF --build"
if [ -n "$base_ref" ] && [ "$build" -eq 0 ]; then
  fail "building $base_ref needs --build (this script builds nothing unless asked); or pass --base-dist/--base-drawings"
fi
if [ -n "$base_drawings" ] && [ ! -f "$base_drawings/manifest.json" ]; then fail "$base_drawings/manifest.json is missing"; fi
if [ -n "$base_dist" ]; then
  [ -f "$base_dist/index.html" ] || fail "$base_dist/index.html is missing: --base-dist must be a built dist/"
  [ -n "$base_export" ] || fail "--base-dist needs --base-export BIN (the fund-export of the same commit)"
fi
[ -z "$base_export" ] || [ -x "$base_export" ] || fail "--base-export $base_export is not an executable file"

out="${out:-$(mktemp -d /tmp/drawings-XXXXXX)}"
mkdir -p "$out"
target="${CARGO_TARGET_DIR:-$ROOT/target}"
source scripts/env.sh

if [ "$build" -eq 1 ]; then
  echo "== building the current checkout (trunk build --release, fund-export)"
  trunk build --release --locked
  cargo build --release --locked -p fund-export
  new_export="${new_export:-$target/release/fund-export}"
fi
new_export="${new_export:-$target/release/fund-export}"
[ -f "$new_dist/index.html" ] || fail "$new_dist/index.html is missing: build the site (trunk build --release) or pass --new-dist"
[ -x "$new_export" ] || fail "$new_export is missing: cargo build --release -p fund-export, or pass --new-export"

if [ -n "$base_ref" ]; then
  wt="$out/base-worktree"
  echo "== building $base_ref in $wt"
  git worktree add --detach "$wt" "$base_ref"
  trap 'git -C "$ROOT" worktree remove --force "$wt" >/dev/null 2>&1 || true' EXIT
  ln -s "$ROOT/e2e/node_modules" "$wt/e2e/node_modules"
  # Its own target folder, so the two builds' fund-export binaries do not overwrite each other.
  (cd "$wt" && source scripts/env.sh && trunk build --release --locked \
    && CARGO_TARGET_DIR="$out/base-target" cargo build --release --locked -p fund-export)
  base_dist="$wt/dist"
  base_export="$out/base-target/release/fund-export"
fi

if [ -z "$base_drawings" ]; then
  base_drawings="$out/base"
  echo "== capturing the baseline ($base_dist) into $base_drawings"
  node e2e/drawings.mjs capture --root "$base_dist" --out "$base_drawings" --export-bin "$base_export" --jobs "$jobs"
fi
echo "== capturing $new_dist into $out/new"
node e2e/drawings.mjs capture --root "$new_dist" --out "$out/new" --export-bin "$new_export" --jobs "$jobs" || echo "(some images could not be captured; compare lists them as MISSING)"
echo "== comparing"
node e2e/drawings.mjs compare --base "$base_drawings" --new "$out/new" --diff-out "$out/diff" "${compare_args[@]}"
