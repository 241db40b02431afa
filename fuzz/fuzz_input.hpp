// File: fuzz/fuzz_input.hpp
// What every fuzz target shares: splitting one input into fields, and failing loudly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace cocbot::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The text before the first `separator`, removed from `input` together with the separator;
// the whole input (leaving it empty) when there is no separator.
inline std::string_view take_until(std::string_view& input, char separator) {
    const auto at = input.find(separator);
    const std::string_view head = input.substr(0, at);
    input = at == std::string_view::npos ? std::string_view{} : input.substr(at + 1);
    return head;
}

// Like take_until, but nullopt (and `input` untouched) when there is no separator.
inline std::optional<std::string_view> take_field(std::string_view& input, char separator) {
    if (input.find(separator) == std::string_view::npos)
        return std::nullopt;
    return take_until(input, separator);
}

// A broken contract: say which, and abort so that libFuzzer keeps the input as a crash.
[[noreturn]] inline void finding(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "\n==cocbot-fuzz== FINDING: %.*s%s%.*s\n", static_cast<int>(what.size()),
                 what.data(), detail.empty() ? "" : ": ", static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

inline void expect(bool condition, std::string_view what, std::string_view detail = {}) {
    if (!condition)
        finding(what, detail);
}

} // namespace cocbot::fuzz
