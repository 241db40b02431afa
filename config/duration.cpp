// File: config/duration.cpp
#include "config/duration.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace cocbot::config {
namespace {

struct Unit {
    char symbol;
    std::uint64_t seconds;
};

// Largest first: parsing requires this order and formatting produces it.
constexpr std::array<Unit, 4> units{{{'d', 86'400}, {'h', 3'600}, {'m', 60}, {'s', 1}}};

// 100 years: far beyond any deadline, and small enough to add to a nanosecond time point.
constexpr std::uint64_t max_seconds = std::uint64_t{36'500} * 86'400;

} // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    std::uint64_t total = 0;
    std::size_t next_unit = 0; // units appear largest first, each at most once
    while (!text.empty()) {
        // Unsigned parsing: from_chars then rejects '-' and '+' by itself.
        std::uint64_t count = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (error != std::errc{})
            return std::nullopt;
        text.remove_prefix(static_cast<std::size_t>(end - text.data()));
        if (text.empty())
            return std::nullopt;
        while (next_unit < units.size() && units[next_unit].symbol != text.front())
            ++next_unit;
        if (next_unit == units.size())
            return std::nullopt;
        const Unit unit = units[next_unit++];
        text.remove_prefix(1);
        if (count > (max_seconds - total) / unit.seconds)
            return std::nullopt;
        total += count * unit.seconds;
    }
    if (total == 0)
        return std::nullopt;
    return std::chrono::seconds{static_cast<std::chrono::seconds::rep>(total)};
}

std::string format_duration(std::chrono::seconds duration) {
    if (duration == std::chrono::seconds::zero())
        return "0s";
    std::string text;
    // Unsigned magnitude, so that even the most negative count can be printed.
    auto remaining = static_cast<std::uint64_t>(duration.count());
    if (duration.count() < 0) {
        text = "-";
        remaining = 0 - remaining;
    }
    for (const Unit unit : units) {
        if (remaining >= unit.seconds) {
            text += std::to_string(remaining / unit.seconds);
            text += unit.symbol;
            remaining %= unit.seconds;
        }
    }
    return text;
}

} // namespace cocbot::config
