#!/usr/bin/env bash
# Runs every test of the project, from a fresh clone: installs what is missing, checks
# formatting and lints, runs the Rust tests natively and as Wasm in Node, builds the shipped
# module and the add-in, and runs the add-in's tests, its manifest check and the end-to-end
# tests in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh --browser

step "engine: format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "engine: tests (native)"
cargo test

step "engine: tests (Wasm in Node, wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test wasm

step "engine: the shipped module (MVP features, size budget)"
bash scripts/build-wasm.sh

step "add-in: lint, types, build, manifest"
cd addin
npm run lint
npm run typecheck
npm run build
npm run validate
# The WPS bundles run in an old embedded Chromium: prove they are ES2018 syntax.
npm run check:es

step "add-in: tests"
npm test

step "add-in: end-to-end in chromium"
npm run test:e2e
