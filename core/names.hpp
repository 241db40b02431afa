// File: core/names.hpp
// An enum's stable names, kept in one table per enum so that printing and parsing agree.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace cocbot::core {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
constexpr std::string_view name_in(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_in(const NameTable<Enum, N>& table, std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text)
            return v;
    return std::nullopt;
}

} // namespace cocbot::core
