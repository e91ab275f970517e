#!/usr/bin/env bash
# The main job, from a fresh clone: installs what is missing, builds the engine (native and
# Wasm) and every host of the add-in, prints the score sheet of the RUBRIC.md §3 example
# department, then serves the web page locally and prints its address (Ctrl-C stops it).
#   --no-serve   stop after building and scoring
set -euo pipefail
cd "$(dirname "$0")/.."

serve=true
[ "${1:-}" = "--no-serve" ] && serve=false

bash scripts/setup.sh
bash scripts/build-wasm.sh
cargo build --release --quiet --bin coop-score
(cd addin && npm run --silent build)

printf '\n== 评分示例 / the RUBRIC.md §3 department, scored\n'
target/release/coop-score examples/department.json

if $serve; then
  printf '\n== 网页版 / the web page\n'
  cd addin && exec npx tsx scripts/serve-web.ts
fi
