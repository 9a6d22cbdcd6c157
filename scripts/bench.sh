#!/usr/bin/env bash
# Browser benchmarks, outside the test suite (they time things; the suite asserts no time):
# a release build, then
#   - bench/compare.mjs: the app's search against FlexSearch, MiniSearch and a plain scan over
#     one generated corpus and the queries of bench/queries.json (load, query p50/p95/max,
#     exact counts); written to target/bench-compare.json;
#   - bench/app.bench.mjs: the app's own timings (index build, facet toggles and keystrokes,
#     input to next frame); written to target/e2e-bench.json;
#   - bench/compare-views.bench.mjs: the compare views and their pickers opened within the app
#     (open to next frame, the compare app's and the core's measures, a sort, a keystroke);
#     written to target/bench-compare-views.json.
# BENCH_COUNT=… sets the number of generated readouts (default 5000, ~100,000 statements);
# SKIP_BUILD=1 reuses dist/. Expects scripts/setup.sh to have run (Chromium, npm tools).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build.sh
fi
node bench/compare.mjs
node --test --test-reporter=spec bench/app.bench.mjs
node --test --test-reporter=spec bench/compare-views.bench.mjs
