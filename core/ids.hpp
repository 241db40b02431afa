// File: core/ids.hpp
// Strong identifiers: a user id can never be passed where a channel id is expected.
#pragma once

#include <algorithm>
#include <compare>
#include <string>
#include <vector>

namespace cocbot::core {

template <typename Tag>
struct Id {
    std::string value;

    bool empty() const { return value.empty(); }
    friend auto operator<=>(const Id&, const Id&) = default;
};

using UserId = Id<struct UserTag>;
using ChannelId = Id<struct ChannelTag>;
// An incident's reference as people read it, e.g. "2026-007"; unique, assigned at intake.
using IncidentId = Id<struct IncidentTag>;

IncidentId make_incident_id(int year, int number);

// Whether `user` is one of `users` (a roster, the cleared, HR's contacts: all short lists).
inline bool contains(const std::vector<UserId>& users, const UserId& user) {
    return std::find(users.begin(), users.end(), user) != users.end();
}

} // namespace cocbot::core
