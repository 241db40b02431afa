// File: core/time.hpp
// Time is a value passed into core; core never reads a clock.
#pragma once

#include <chrono>
#include <cstdint>

namespace cocbot::core {

using Time = std::chrono::sys_seconds;
using Duration = std::chrono::seconds;

// Seconds since the Unix epoch: how times are stored and how Slack writes them.
constexpr std::int64_t unix_seconds(Time time) {
    return time.time_since_epoch().count();
}

constexpr Time from_unix_seconds(std::int64_t seconds) {
    return Time{Duration{seconds}};
}

} // namespace cocbot::core
