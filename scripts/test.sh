#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up, format check, clippy (native and wasm),
# native tests, the release build, then the browser tests against that build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never

START=$(date +%s)
FAILED=()
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - START ))"; }
# Runs one check; a failure is recorded and the suite goes on, so one run reports them all.
check() {
  local name=$1
  shift
  step "$name"
  if ! "$@"; then
    FAILED+=("$name")
    printf '== FAILED: %s\n' "$name"
  fi
}

step "set-up"
bash scripts/setup.sh

check "cargo fmt --check" cargo fmt --all --check
# The core's `work-count` feature (work units for the parser's scaling test, tests/scaling.rs)
# is on for the native checks, so that they build and run that test too.
check "clippy (native, whole workspace)" cargo clippy --workspace --all-targets --locked --features readouts-core/work-count -- -D warnings
check "clippy (the app for wasm32)" cargo clippy -p readouts-app --target wasm32-unknown-unknown --locked -- -D warnings
check "native tests" cargo test --workspace --locked --features readouts-core/work-count

# The browser tests need the build: without one, stop here.
step "release build"
if ! bash scripts/build.sh; then
  printf '\n== FAILED: release build (after: %s)\n' "${FAILED[*]:-no other failure}"
  exit 1
fi

step "browser tests"
mkdir -p target
SUMMARY=target/e2e-summary.txt
rm -f "$SUMMARY"
e2e=0
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./tests/e2e/summary-reporter.mjs --test-reporter-destination="$SUMMARY" \
  tests/e2e/*.test.mjs || e2e=$?
[ "$e2e" = 0 ] || FAILED+=("browser tests")

printf '\n== finished in %ss' "$(( $(date +%s) - START ))"
if [ "${#FAILED[@]}" -gt 0 ]; then
  printf '; failed: %s\n' "$(IFS=,; echo "${FAILED[*]}" | sed 's/,/, /g')"
else
  printf '; every step passed\n'
fi
if [ -f "$SUMMARY" ]; then
  printf 'e2e: '
  cat "$SUMMARY"
fi
[ "${#FAILED[@]}" -eq 0 ]
