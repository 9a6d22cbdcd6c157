#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up, format check, clippy (native and wasm),
# native tests, the release build, then the browser tests against that build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

START=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - START ))"; }

step "set-up"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native, whole workspace)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (the app for wasm32)"
cargo clippy -p readouts-app --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "release build"
bash scripts/build.sh

step "browser tests"
mkdir -p target
SUMMARY=target/e2e-summary.txt
rm -f "$SUMMARY"
status=0
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./tests/e2e/summary-reporter.mjs --test-reporter-destination="$SUMMARY" \
  tests/e2e/*.test.mjs || status=$?

printf '\n== finished in %ss\n' "$(( $(date +%s) - START ))"
if [ -f "$SUMMARY" ]; then
  printf 'e2e: '
  cat "$SUMMARY"
fi
exit "$status"
