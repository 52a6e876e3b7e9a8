#!/usr/bin/env bash
# Runs one fuzz target for a number of seconds, seeded from the shipped rules, examples and test
# fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); the toolchain here is stable, hence
# RUSTC_BOOTSTRAP for the sanitizer flags.
#   fuzz/run.sh load_and_check 600
#   fuzz/run.sh plan_answers 600
#   fuzz/run.sh merge_overlay 600
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target: load_and_check, plan_answers or merge_overlay}
seconds=${2:-60}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case $target in
  load_and_check) seeds=(rules examples tests/fixtures/check tests/fixtures/tricky-labels.json) ;;
  merge_overlay) seeds=(examples tests/fixtures/check) ;;
  *) seeds=() ;;
esac
# Seed files are copied in once; libFuzzer then keeps the corpus it grows.
for s in "${seeds[@]}"; do
  find "$s" -name '*.json' -exec cp -n {} "$corpus/" \; 2>/dev/null || true
done
cd fuzz
RUSTC_BOOTSTRAP=1 exec cargo fuzz run "$target" "corpus/$target" -- \
  -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
