#!/usr/bin/env bash
# How cost grows with the corpus (issue 10, item 8; docs/scaling.md): for generated corpora of
# growing size, the corpus file's bytes (plain, gzip -9, brotli as the build writes them:
# scripts/compress.mjs) and what the engine spends natively on it (crates/core/examples/cost.rs:
# JSON read, corpus and index heap, index build, keystroke query p50 / p95 / max). Prints one
# markdown table, with the machine's load average before each size (the figures are wall time).
#
#   bash bench/scaling.sh [READOUTS...]    default: 500 2500 5000 12500 (about 10k, 50k, 100k
#                                          and 250k statements: ~20 statements per readout)
#
# Corpora are `readouts synth --seed 7` then `readouts build`, kept in target/scaling/<N>/
# (delete that folder after changing the parser or the generator). A benchmark: run by hand,
# never by the test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 2500 5000 12500)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "scaling: not a number of readouts: $n" >&2; exit 2; }
done

cargo build --quiet --release --locked -p readouts-cli
cargo build --quiet --release --locked -p readouts-core --example cost
readouts=target/release/readouts
cost=target/release/examples/cost
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }

# Generated first (their progress goes to stderr), so that the table's lines stay together.
for n in "${sizes[@]}"; do
  dir=target/scaling/$n
  if [ ! -s "$dir/corpus.json" ]; then
    rm -rf "$dir"
    "$readouts" synth "$dir/readouts" --count "$n" --seed 7 >&2
    "$readouts" build "$dir/readouts" -o "$dir/corpus.json" >&2
    rm -rf "$dir/readouts"
  fi
done

echo "commit $(git rev-parse --short HEAD), $(nproc) cores, $(date -u +'%Y-%m-%d %H:%M UTC')"
echo
echo "| readouts | statements | corpus.json plain / gzip / brotli | JSON read: CPU (wall) | corpus heap | index build: CPU (wall) | index heap (peak) | query p50 / p95 / max | load average |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for n in "${sizes[@]}"; do
  dir=target/scaling/$n
  # "compress: corpus.json: P B plain, G B gzip, B B brotli"
  sizes_line=$(node scripts/compress.mjs "$dir" \
    | sed -n 's/^compress: corpus.json: \([0-9]*\) B plain, \([0-9]*\) B gzip, \([0-9]*\) B brotli$/\1 \2 \3/p')
  read -r plain gz br <<<"$sizes_line"
  [ -n "${br:-}" ] || { echo "scaling: $dir/corpus.json: no compressed sizes from scripts/compress.mjs" >&2; exit 1; }
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  # The example's last line is the row: "| statements | read | heap | build | index | queries |".
  row=$("$cost" "$dir/corpus.json" | tail -n 1)
  echo "| $n $row" | sed "s#^| $n | \([0-9]*\) |#| $n | \1 | $(mb "$plain") / $(mb "$gz") / $(mb "$br") |#; s#\$# $load |#"
done
