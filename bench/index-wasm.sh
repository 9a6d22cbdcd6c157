#!/usr/bin/env bash
# The query index built in wasm, as the browser builds it (opt-level z), timed in node; with
# --profile, where its time goes (V8's sampling profiler). Issue 10 asked why the build takes
# about four times as long in the browser as natively: compare with
# `cargo run --release -p readouts-core --example index_memory` (the same opt-level natively)
# and `--profile bench` (opt-level 3).
#
#   bash bench/index-wasm.sh [--profile] [READOUTS] [RUNS]     default 5000 readouts, 3 runs
#
# Builds bench/index-wasm (its own workspace, target/index-wasm), writes a generated corpus
# with the CLI into target/index-wasm/, and runs bench/index-wasm/run.mjs. A benchmark: run by
# hand, never by the test suite.
#
# The heap the same wasm needs to load that corpus as the app does (streamed, indexed as it
# is read, finished in steps), live and at its peak, and the linear memory it grows to:
#   node bench/index-wasm/memory.mjs target/index-wasm/wasm32-unknown-unknown/release/index_wasm.wasm \
#     target/index-wasm/corpus-5000.json        (READ_ONLY=1: the corpus alone; STEPS=1: per step)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

profile=
if [ "${1:-}" = --profile ]; then profile=1; shift; fi
readouts="${1:-5000}"
runs="${2:-3}"
out=target/index-wasm
mkdir -p "$out"

cargo build --quiet --release --locked -p readouts-cli
corpus="$out/corpus-$readouts.json"
if [ ! -f "$corpus" ]; then
  target/release/readouts synth "$out/readouts-$readouts" --count "$readouts" --seed 1 >&2
  target/release/readouts build "$out/readouts-$readouts" -o "$corpus" >&2
  rm -rf "$out/readouts-$readouts"
fi
CARGO_TARGET_DIR="$PWD/$out" cargo build --quiet --offline --release --target wasm32-unknown-unknown \
  --manifest-path bench/index-wasm/Cargo.toml
wasm="$out/wasm32-unknown-unknown/release/index_wasm.wasm"
if [ -n "$profile" ]; then
  rm -rf "$out/profile"
  node --cpu-prof --cpu-prof-dir="$out/profile" --cpu-prof-interval 100 \
    bench/index-wasm/run.mjs "$wasm" "$corpus" "$runs"
  node bench/index-wasm/summary.mjs "$out/profile"
else
  node bench/index-wasm/run.mjs "$wasm" "$corpus" "$runs"
fi
