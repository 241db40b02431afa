#!/usr/bin/env bash
# File: tests/run-all.sh
# Every build and test CI runs, in order, stopping at the first failure:
#   normal  the default build (build/) and its unit and end-to-end tests
#   asan    the same tests built with AddressSanitizer and UBSan (build-asan/, COCBOT_SANITIZE)
#   fuzz    the libFuzzer targets (build-fuzz/, COCBOT_FUZZ, clang++): seeds from the fixtures,
#           then a bounded run of each target
# A build that prints a compiler warning fails too. Each phase says how long it took; the last
# line is the summary of all the tests, in CTest's words.
set -euo pipefail
cd "$(dirname "$0")/.."

# Sanitizer reports with whole stacks; a UBSan report already stops the program (the build uses
# -fno-sanitize-recover).
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# llvm-14 installs the symbolizer as llvm-symbolizer-14; the sanitizers look for llvm-symbolizer.
symbolizer=$(command -v llvm-symbolizer || echo /usr/lib/llvm-14/bin/llvm-symbolizer)
[ ! -x "$symbolizer" ] || export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$symbolizer}"

summaries=()
timings=()

# build PHASE DIR [cmake options...]: configure and build DIR, failing on any warning.
build() {
    local phase=$1 dir=$2
    shift 2
    echo "run-all: $phase: building in $dir"
    cmake -S . -B "$dir" -G Ninja "$@"
    local log="$dir/run-all-build.log"
    cmake --build "$dir" | tee "$log"
    if grep -q 'warning:' "$log"; then
        echo "run-all: $phase: the build printed warnings (see $log)" >&2
        return 1
    fi
}

# check PHASE DIR [ctest options...]: run DIR's tests and keep CTest's summary line.
check() {
    local phase=$1 dir=$2
    shift 2
    local log="$dir/run-all-ctest.log"
    ctest --test-dir "$dir" --output-on-failure "$@" | tee "$log"
    summaries+=("$phase: $(grep -E '^[0-9]+% tests passed' "$log")")
}

# phase NAME COMMAND...: run it and record its wall time.
phase() {
    local name=$1 started=$SECONDS
    shift
    "$@"
    local took=$((SECONDS - started))
    timings+=("$name $((took / 60))m$((took % 60))s")
    echo "run-all: $name took $((took / 60))m$((took % 60))s"
}

normal() {
    build normal build
    check normal build
}

asan() {
    build asan build-asan -DCOCBOT_SANITIZE=ON
    check asan build-asan
}

fuzz() {
    CXX=clang++ build fuzz build-fuzz -DCOCBOT_FUZZ=ON -DCOCBOT_BUILD_TESTS=OFF
    # Each fuzzer is one process on one core: run as many at once as there are cores.
    check fuzz build-fuzz --parallel "$(nproc)"
}

started=$SECONDS
phase normal normal
phase asan asan
phase fuzz fuzz
total=$((SECONDS - started))

echo "run-all: ${timings[*]} (total $((total / 60))m$((total % 60))s)"
passed=0
for summary in "${summaries[@]}"; do
    echo "run-all: $summary"
    passed=$((passed + ${summary##* }))
done
echo "100% tests passed, 0 tests failed out of $passed"
