#!/usr/bin/env bash
# File: tests/lint/tidy.sh
# Runs clang-tidy with the repo's .clang-tidy (naming rules, functions of at most 60 lines)
# over cocbot's own translation units: bot/, core/, storage/ and config/, not tests or fuzz.
# Usage: tidy.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [[ -z $tidy ]]; then
    echo "clang-tidy is not installed (deploy/setup.sh installs it)" >&2
    exit 1
fi
cd "$source_dir"
mapfile -t files < <(git ls-files 'bot/*.cpp' 'core/*.cpp' 'storage/*.cpp' 'config/*.cpp' 2>/dev/null ||
    find bot core storage config -name '*.cpp')
# GCC's flags in compile_commands.json that clang does not know are dropped, not fatal.
printf '%s\n' "${files[@]}" |
    xargs -P "$(nproc)" -n 4 "$tidy" -p "$build_dir" --quiet \
        --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-unused-command-line-argument
