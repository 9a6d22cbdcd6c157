#!/usr/bin/env bash
# Builds the release app into dist/: Trunk's pre-build hook first builds the bundled corpus
# (static/corpus.json) from corpus/ with the CLI. Expects scripts/setup.sh to have run.
# Extra arguments go to `trunk build` (e.g. --public-url /readouts/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

trunk build --release --offline --locked "$@"

# Trunk's post-build hook (scripts/gen-sw.mjs) writes the service worker for this exact build.
if [ ! -f dist/sw.js ]; then
  echo "build: dist/sw.js is missing: the post_build hook of Trunk.toml (node scripts/gen-sw.mjs) did not run" >&2
  exit 1
fi

echo "build: dist/ (raw and gzip -9 sizes)"
for file in dist/*.wasm dist/*.js dist/*.css dist/corpus.json; do
  [ -f "$file" ] || continue
  printf 'build:   %-48s %9s B  %9s B gzip\n' "$file" "$(wc -c < "$file")" "$(gzip -9c "$file" | wc -c)"
done
