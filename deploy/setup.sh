#!/usr/bin/env bash
# Installs everything cocbot needs to build and test, from Debian 12 packages only.
# Idempotent and quiet: a second run installs nothing and prints nothing but the summary.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-url1.81-dev
  libssl-dev ca-certificates
  nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev
  doctest-dev libtomlplusplus-dev
  sqlite3
  clang libclang-rt-14-dev llvm-14 # tests/run-all.sh: libFuzzer, sanitizers, llvm-symbolizer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
