#!/usr/bin/env bash
# Fails when code that reads Slack's Web API answers indexes JSON without checking it:
# nlohmann's const operator[] is undefined behaviour on a missing key, and .value() and .get<>()
# throw or guess on a wrong type. Those answers are read through slack::JsonReader instead.
#
#   tests/lint/unchecked-json.sh SOURCE_DIR
set -euo pipefail
cd "${1:?usage: unchecked-json.sh SOURCE_DIR}"
files=(bot/app/*.cpp bot/app/*.hpp bot/slack/web_api.cpp bot/slack/web_api.hpp)
if grep -nE '\.value\(|\.get<|[])[:alnum:]_]\["' "${files[@]}"; then
  echo "unchecked-json: read Web API answers through slack::JsonReader (bot/slack/json_reader.hpp)" >&2
  exit 1
fi
echo "unchecked-json: ${#files[@]} files read Web API answers only through checked accessors"
