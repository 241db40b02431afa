// File: bot/app/committee_roster.cpp
#include "bot/app/committee_roster.hpp"

#include <algorithm>

namespace cocbot::app {

CommitteeRoster::CommitteeRoster(core::Committee committee) : committee_(std::move(committee)) {
    committee_.channel_members_known = false;
}

void CommitteeRoster::set_channel_members(std::vector<core::UserId> members) {
    committee_.channel_members = std::move(members);
    committee_.channel_members_known = true;
}

void CommitteeRoster::joined(const core::UserId& user) {
    auto& members = committee_.channel_members;
    if (std::ranges::find(members, user) == members.end())
        members.push_back(user);
}

void CommitteeRoster::left(const core::UserId& user) {
    std::erase(committee_.channel_members, user);
}

} // namespace cocbot::app
