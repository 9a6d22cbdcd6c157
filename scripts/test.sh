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
# The app's wasm builds the core without its `corrections` feature (only the marks of
# corrections: crates/core/src/marks.rs); the workspace's checks above unify it on.
check "clippy (the core without its corrections feature, as the app builds it)" cargo clippy -p readouts-core --no-default-features --lib --locked -- -D warnings
check "clippy (the app, the parse worker and the lazy apps for wasm32)" cargo clippy -p readouts-app -p readouts-parse-worker -p readouts-import -p readouts-compare --target wasm32-unknown-unknown --locked -- -D warnings
check "cargo doc (warnings are errors: doc links resolve)" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
check "native tests" cargo test --workspace --locked --features readouts-core/work-count

# The browser tests need the build: without one, stop here.
step "release build"
if ! bash scripts/build.sh; then
  printf '\n== FAILED: release build (after: %s)\n' "${FAILED[*]:-no other failure}"
  exit 1
fi

# The first-load budget: the app's JavaScript and wasm, gzip -9, must stay within
# FIRST_LOAD_BUDGET bytes: every script and wasm file that index.html loads, preloads or imports
# from one (Trunk's start script, the wasm-bindgen glue and its snippets, the wasm, and the
# deferred classic script static/sw-register.js, which every first visit downloads too).
FIRST_LOAD_BUDGET=250000
first_load_budget() {
  local files=() queue=() file ref total=0 size
  local html
  html=$(perl -0pe 's/<!--.*?-->//gs' dist/index.html) # without its comments
  mapfile -t queue < <(grep -oE '[A-Za-z0-9_./-]+\.(js|wasm)' <<<"$html" | sed 's|^\./||; s|^/||' | sort -u)
  while [ "${#queue[@]}" -gt 0 ]; do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    [ -f "dist/$file" ] || continue
    case " ${files[*]} " in *" $file "*) continue ;; esac
    files+=("$file")
    if [[ $file == *.js ]]; then
      # Static and dynamic imports of other modules of the build (wasm-bindgen snippets).
      while read -r ref; do
        ref="$(dirname "$file")/${ref#./}"
        queue+=("${ref#./}")
      done < <(grep -oE "(from|import\() *['\"]\./[^'\"]+\.js['\"]" "dist/$file" | grep -oE "\./[^'\"]+\.js" || true)
    fi
  done
  for file in "${files[@]}"; do
    size=$(gzip -9 -c "dist/$file" | wc -c)
    total=$((total + size))
    printf 'first load:   %-52s %8s B gzip\n' "$file" "$size"
  done
  printf 'first load: %s B gzip of the app'"'"'s JS and wasm (budget %s B)\n' "$total" "$FIRST_LOAD_BUDGET"
  [ "${#files[@]}" -gt 0 ] && [ "$total" -le "$FIRST_LOAD_BUDGET" ]
}
check "first-load budget (JS + wasm, gzip)" first_load_budget

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
