#!/usr/bin/env bash
# File: fuzz/run.sh
# Runs one libFuzzer target of a COCBOT_FUZZ build for a given time, on its corpus.
#
#   fuzz/run.sh [--build DIR] [--fresh] TARGET SECONDS [libFuzzer options...]
#
# TARGET is signature, form, payload, readers, event_codec, http_session, config or executor. DIR is the
# fuzz build (default: build-fuzz beside this folder's parent). The corpus lives in
# DIR/fuzz/corpus/TARGET and grows from run to run; --fresh starts it again from the seeds (as
# the CTest tests do). Inputs in fuzz/regressions/TARGET (crashes found before) run first, every
# time. A crash is written to DIR/fuzz/artifacts/TARGET/; the script says how to replay and keep it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
build="$source_dir/build-fuzz"
fresh=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then
  sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
target=$1 seconds=$2
shift 2

binary="$build/fuzz/fuzz_$target"
[ -x "$binary" ] || { echo "run.sh: no $binary (cmake --build $build --target cocbot_fuzzers)" >&2; exit 2; }

# The seeds are made from the fixtures at test time; a manual run makes them when missing.
seeds="$build/fuzz/seeds"
if [ ! -d "$seeds/$target" ]; then
  "$build/fuzz/fuzz_make_seeds" "$seeds" "$source_dir/config/cocbot.example.toml" \
    "$source_dir/tests/fixtures/slack" "$source_dir/../shared/slack/fixtures" >/dev/null
fi

corpus="$build/fuzz/corpus/$target"
artifacts="$build/fuzz/artifacts/$target"
[ "$fresh" -eq 0 ] || rm -rf "$corpus" "$artifacts"
mkdir -p "$corpus" "$artifacts"
cp -n "$seeds/$target"/* "$corpus"/ 2>/dev/null || true

options=(-max_total_time="$seconds" -rss_limit_mb=512 -timeout=10 -print_final_stats=1
         -artifact_prefix="$artifacts/")
dict="$build/fuzz/dicts/$target.dict"
[ ! -f "$dict" ] || options+=(-dict="$dict")
case "$target" in
  http_session) options+=(-max_len=16384) ;; # room to reach the header and body limits
  *) options+=(-max_len=8192) ;;
esac

# Read-only corpus folders after the first: regressions run first and are never written to.
dirs=("$corpus")
[ ! -d "$here/regressions/$target" ] || dirs+=("$here/regressions/$target")

symbolizer=$(command -v llvm-symbolizer || echo /usr/lib/llvm-14/bin/llvm-symbolizer)
export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

echo "run.sh: fuzz_$target for ${seconds}s on $corpus ($(ls "$corpus" | wc -l) inputs)"
status=0
"$binary" "${options[@]}" "$@" "${dirs[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  for crash in "$artifacts"/*; do
    [ -f "$crash" ] || continue
    echo "run.sh: replay with: $binary $crash"
    echo "run.sh: keep it with: cp $crash $here/regressions/$target/"
  done
fi
exit "$status"
