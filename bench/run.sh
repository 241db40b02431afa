#!/usr/bin/env bash
# bench/run.sh: cocbot beside the Bolt-js peer, under the same signed requests and the same fake
# Web API, each pinned to core 0 while the load driver runs on core 1. Prints, for each: start-up
# to a healthy /healthz, idle and peak RSS, and for `/coc report`, App Home opened, report
# submissions and conflict clicks the throughput, p50/p99/p999 ack latency and CPU seconds per
# 1,000 requests; then cocbot again
# with 10,000 incidents already stored, and what one report and one App Home cost as the
# history grows. Needs 2 cores. The peer is installed from the npm registry by the exact
# versions in bench/bolt/package-lock.json; without Node.js and npm it is left out.
#
#   bash bench/run.sh [--seconds S] [--warmup S] [--connections C] [--api-delay-ms MS]
#
# Defaults: 10 s measured after 5 s of warm-up, 32 connections, every Web API call 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-bench
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOCBOT_BUILD_TESTS=ON > /dev/null
cmake --build "$build" --target cocbot cocbot-bench-load cocbot-bench-history > /dev/null

driver=("taskset" "-c" "1" "$build/bench/cocbot-bench-load" "--cpu" "0" "$@")

"${driver[@]}" --name cocbot -- "$build/cocbot" serve
"${driver[@]}" --name cocbot --stored 10000 -- "$build/cocbot" serve

if command -v npm > /dev/null && command -v node > /dev/null; then
  (cd bench/bolt && npm ci --no-audit --no-fund --silent > /dev/null && npm rebuild better-sqlite3 --silent > /dev/null)
  "${driver[@]}" --name bolt-js -- node bench/bolt/app.js
else
  echo "bolt-js: left out (no node or npm on this machine)"
fi

echo "history (file a report, open App Home; each committed with synchronous=FULL):"
taskset -c 0 "$build/bench/cocbot-bench-history" 10 10000
