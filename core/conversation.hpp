// File: core/conversation.hpp
// The record of two committee members talking to the reported person, in the plan's terms.
#pragma once

#include "core/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::core {

enum class Apology {
    none,        // the reported person did not want to apologise
    relayed,     // an apology was offered and will be relayed to the reporter
    not_relayed, // an apology was offered but the responders chose not to relay it
};

std::string_view to_string(Apology apology);
std::optional<Apology> apology_from_string(std::string_view text);

struct Conversation {
    std::vector<UserId> talkers; // the two members who talked to the reported person
    std::string behaviour;
    std::string context;
    std::string impact;
    std::string call_in;
    std::string plan;
    bool accepted = false; // whether the reported person accepted the plan
    Apology apology = Apology::none;

    friend bool operator==(const Conversation&, const Conversation&) = default;
};

// The conversation as the channel and the record quote it: one answer per line.
std::string conversation_text(const Conversation& c);

} // namespace cocbot::core
