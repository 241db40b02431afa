// File: core/committee.hpp
// The committee as the workflow sees it: who serves, where it meets, whom to call in danger.
#pragma once

#include "core/ids.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace cocbot::core {

struct Safety {
    std::string venue_security;
    std::string crisis_line;

    friend bool operator==(const Safety&, const Safety&) = default;
};

struct Committee {
    ChannelId channel;
    std::vector<UserId> members;
    Safety safety;

    bool is_member(const UserId& user) const {
        return std::find(members.begin(), members.end(), user) != members.end();
    }
};

} // namespace cocbot::core
