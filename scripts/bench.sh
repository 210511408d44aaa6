#!/usr/bin/env bash
# Builds the release site, serves it on loopback and drives headless Chromium to report the
# benchmark: bytes transferred (raw and gzip, per file and total), time to the first chart,
# slider-to-chart latency (full page and embed mode), JS heap and wasm memory; then the same pages
# on a phone profile (390×844, CPU 4× slower, 150 ms and 1.6 Mbit/s), its table printed after the
# loopback one; then the core's and the charts' native benchmarks. Prints tables and writes
# bench-results.json.
#
# Usage: scripts/bench.sh [--no-build] [--no-native] [--no-phone] [--inputs N] [--loads N] [--phone-inputs N]
#   --no-build   use the dist/ already there (must be a release build to mean anything)
#   --no-native  skip the native (cargo bench) part
#   --no-phone   skip the phone profile (e2e/bench.mjs --phone)
# Environment: BENCH_TIME_MS (native, per benchmark, default 1000).
#
# Targets are reported as PASS/MISS and never fail the command; it exits non-zero only when
# something is broken.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
native=1
phone=(--phone)
node_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --no-native) native=0 ;;
    --no-phone) phone=() ;;
    --inputs|--loads|--phone-inputs) node_args+=("$1" "${2:?$1 needs a value}"); shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

if [ "$build" = 1 ]; then
  step "release build"
  trunk build --release --locked
fi

native_out="$PWD/target/bench-native.jsonl"
rm -f "$native_out"
if [ "$native" = 1 ]; then
  mkdir -p target
  step "native benchmarks: fund-core"
  BENCH_NATIVE_OUT="$native_out" cargo bench --locked -p fund-core --bench core
  step "native benchmarks: fund-charts"
  BENCH_NATIVE_OUT="$native_out" cargo bench --locked -p fund-charts --bench charts
fi

step "browser benchmark (headless Chromium, release build on loopback${phone:+, then the phone profile})"
node e2e/bench.mjs --json bench-results.json --native "$native_out" "${phone[@]}" "${node_args[@]}"
