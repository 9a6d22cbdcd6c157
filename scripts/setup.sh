#!/usr/bin/env bash
# Installs everything the build and the tests need, at pinned versions. Idempotent: every
# step that is already done prints "skip". Runs as root or with passwordless sudo, with no
# terminal. Used by scripts/serve.sh and scripts/test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

say() { printf 'setup: %s\n' "$*"; }

# Runs a command as root (directly, or through sudo without a password prompt).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "setup: needs root for: $*" >&2
    exit 1
  fi
}

APT_UPDATED=
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# 1. Rust: the toolchain, rustfmt and clippy, the wasm target.
if command -v cargo >/dev/null 2>&1; then
  say "skip rust toolchain ($(rustc --version))"
else
  say "installing the rust toolchain with rustup"
  command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    say "skip rust component $component"
  else
    rustup component add "$component"
  fi
done
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "skip rust target $WASM_TARGET"
else
  rustup target add "$WASM_TARGET"
fi

# 2. Debian packages: Chromium and its driver for the browser tests, Node.js for the tests
#    and wasm-opt.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  say "skip chromium chromium-driver ($(chromium --version 2>/dev/null | head -n 1))"
else
  apt_install chromium chromium-driver
fi
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  say "skip nodejs npm (node $(node --version))"
else
  apt_install nodejs npm
fi

# 3. Trunk, built from crates.io (prebuilt downloads are not reachable here).
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "skip trunk $TRUNK_VERSION"
else
  say "installing trunk $TRUNK_VERSION (takes minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock (not --locked: one
#    of its locked dependencies is newer than the registry serves).
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "skip wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 5. npm packages pinned in package-lock.json: binaryen (wasm-opt) and playwright-core.
LOCK_HASH=$(sha256sum package-lock.json | cut -d ' ' -f 1)
STAMP=node_modules/.readouts-setup-stamp
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_HASH" ]; then
  say "skip npm ci (node_modules matches package-lock.json)"
else
  npm ci --no-audit --no-fund
  echo "$LOCK_HASH" > "$STAMP"
fi

# 6. Every crate of Cargo.lock, so that builds can run --offline.
say "cargo fetch --locked"
cargo fetch --locked --quiet
say "done"
