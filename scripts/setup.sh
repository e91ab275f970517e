#!/usr/bin/env bash
# Installs what a fresh machine with Rust and Node lacks, and nothing it already has:
# the wasm32 target, wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock,
# the add-in's npm packages from its lock file, and (with --browser) what the tests drive:
# Debian's chromium for the end-to-end tests, LibreOffice Calc (headless) for workbooks
# re-saved in another program and for printing to PDF, poppler's pdftoppm/pdfinfo, and a
# Chinese font for the printed pages. Only package registries are used; nothing is
# downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the crate exactly, or it refuses the module.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm ci only when the lock file changed since the last install.
stamp=addin/node_modules/.coop-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s addin/package-lock.json "$stamp"; then
  (cd addin && npm ci --no-audit --no-fund)
  cp addin/package-lock.json "$stamp"
fi

if $want_browser; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/soffice ] || missing+=(libreoffice-calc-nogui)
  [ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian's ${missing[*]} for the tests"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
fi
