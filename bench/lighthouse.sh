#!/usr/bin/env bash
# Lighthouse, mobile preset, on the built app (issue 10, item 6): the performance score, first
# and largest contentful paint, total blocking time, layout shift and the main thread's long
# tasks, for each of RUNS runs and their median. Lighthouse throttles the CPU 4x and the
# network to a slow 4G itself, so its figures are a simulated phone's, not this machine's; on a
# loaded machine the score still drops (note the load average printed before each run).
#
#   bash bench/lighthouse.sh [RUNS]     default 3; SKIP_BUILD=1 reuses dist/
#   URL_PATH=/p/xi-jinping bash bench/lighthouse.sh    another page than the home page
#
# Lighthouse is an npm package pinned here, installed on first use into target/bench-tools/
# (kept out of package.json: the test command's `npm ci` never downloads it). Serves dist/
# with the project's own server (tests/e2e/server.mjs: compressed transfer as a host would).
# A benchmark: run by hand, never by the test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LIGHTHOUSE_VERSION=12.8.2
RUNS="${1:-3}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "lighthouse: not a number of runs: $RUNS" >&2; exit 2; }
PORT="${PORT:-8391}"
tools=target/bench-tools
out=target/lighthouse

if [ ! -x "$tools/node_modules/.bin/lighthouse" ] \
  || [ "$(node -p "require('./$tools/node_modules/lighthouse/package.json').version" 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi
[ "${SKIP_BUILD:-}" = 1 ] || bash scripts/build.sh >&2

mkdir -p "$out"
node tests/e2e/server.mjs --root dist --host 127.0.0.1 --port "$PORT" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done

url="http://127.0.0.1:$PORT${URL_PATH:-/}"
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" "$tools/node_modules/.bin/lighthouse" "$url" \
    --quiet --only-categories=performance --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --user-data-dir=$(mktemp -d)" \
    --output=json --output-path="$out/run-$i.json"
done
node bench/lighthouse-summary.mjs "$out"/run-*.json
