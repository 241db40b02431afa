// File: core/consequences.hpp
// The plan's list of possible responses to an incident, for the consequences motion.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cocbot::core {

struct Consequence {
    std::string_view id;    // stable: stored in no event, used as the select option's value
    std::string_view label; // at most 75 characters (Slack's limit for an option's text)
};

std::span<const Consequence> possible_consequences();
std::optional<Consequence> consequence_by_id(std::string_view id);

} // namespace cocbot::core
