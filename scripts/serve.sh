#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:8080
# (PORT=… to change), with deep links falling back to the app. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/build.sh
exec node tests/e2e/server.mjs --root dist --host 127.0.0.1 --port "${PORT:-8080}"
