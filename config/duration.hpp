// File: config/duration.hpp
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cocbot::config {

// Parses "45s", "30m", "24h", "7d" or a combination written largest unit first ("1h30m",
// "1d12h"), each unit at most once. Rejects empty text, zero, signs, spaces, unknown units and
// anything longer than 100 years, so that adding the result to any clock's time point is safe.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The inverse of parse_duration, using the largest units: "7d", "1h30m", "45s" ("0s" for zero).
std::string format_duration(std::chrono::seconds duration);

} // namespace cocbot::config
