// File: tests/config/load_env.hpp
// What the configuration tests load from: a deployment's least environment, and how to read
// the errors that come back.
#pragma once

#include "config/load.hpp"

#include <string>
#include <string_view>

namespace cocbot::testing {

using config::Environment;
using config::LoadResult;

inline constexpr std::string_view signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";
inline constexpr std::string_view bot_token =
    "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

// The least a deployment must set: secrets and the committee channel.
inline Environment minimal_env() {
    return Environment{{"SLACK_SIGNING_SECRET", std::string(signing_secret)},
                       {"SLACK_BOT_TOKEN", std::string(bot_token)},
                       {"COCBOT_COMMITTEE_CHANNEL", "C0123456789"}};
}

inline Environment with(Environment env, const std::string& name, const std::string& value) {
    env.insert_or_assign(name, value);
    return env;
}

inline std::string all_errors(const LoadResult& result) {
    std::string text;
    for (const auto& error : result.errors)
        text += error + "\n";
    return text;
}

} // namespace cocbot::testing
