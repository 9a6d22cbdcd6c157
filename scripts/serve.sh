#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:8080
# (PORT=… to change), with deep links falling back to the app and every response carrying the
# headers of the build's dist/_headers (tests/e2e/server.mjs). Ctrl-C stops it.
#
#   bash scripts/serve.sh              set up, build, serve
#   bash scripts/serve.sh --no-build   serve the dist/ of an earlier build as it is
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "${1:-}" in
  --no-build)
    if [ ! -f dist/_headers ]; then
      echo "serve: dist/ holds no finished build: run bash scripts/serve.sh without --no-build" >&2
      exit 1
    fi
    ;;
  "")
    bash scripts/setup.sh
    bash scripts/build.sh
    ;;
  *)
    echo "usage: bash scripts/serve.sh [--no-build]" >&2
    exit 2
    ;;
esac
exec node tests/e2e/server.mjs --root dist --host 127.0.0.1 --port "${PORT:-8080}"
