// File: core/trim.hpp
// The one definition of blank: what a person's typing may carry around the text they meant.
#pragma once

#include <string>
#include <string_view>

namespace cocbot::core {

inline constexpr std::string_view blanks = " \t\r\n\v\f";

constexpr std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

inline std::string trimmed(std::string_view text) {
    return std::string{trim(text)};
}

} // namespace cocbot::core
