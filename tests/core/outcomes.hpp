// File: tests/core/outcomes.hpp
// Small helpers the core tests share for reading what decide() returned.
#pragma once

#include "core/decision.hpp"

#include <doctest/doctest.h>
#include <variant>
#include <vector>

namespace cocbot::core::testing {

inline Decision decision_of(const Outcome& outcome) {
    REQUIRE(std::holds_alternative<Decision>(outcome));
    return std::get<Decision>(outcome);
}

inline Rejection rejection_of(const Outcome& outcome) {
    REQUIRE(std::holds_alternative<Rejection>(outcome));
    return std::get<Rejection>(outcome);
}

// The effects of one kind, in order.
template <typename T>
std::vector<T> all_of(const std::vector<Effect>& effects) {
    std::vector<T> found;
    for (const auto& e : effects)
        if (const auto* p = std::get_if<T>(&e))
            found.push_back(*p);
    return found;
}

template <typename T>
std::vector<T> all_of(const Decision& decision) {
    return all_of<T>(decision.effects);
}

} // namespace cocbot::core::testing
