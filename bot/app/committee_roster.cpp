// File: bot/app/committee_roster.cpp
#include "bot/app/committee_roster.hpp"

#include <algorithm>

namespace cocbot::app {

CommitteeRoster::CommitteeRoster(core::Committee committee) : committee_(std::move(committee)) {
    committee_.channel_members_known = false;
    committee_.names_known = false;
}

void CommitteeRoster::set_channel_members(std::vector<core::UserId> members) {
    committee_.channel_members = std::move(members);
    committee_.channel_members_known = true;
}

void CommitteeRoster::joined(const core::UserId& user) {
    auto& members = committee_.channel_members;
    if (std::ranges::find(members, user) == members.end())
        members.push_back(user);
    if (!committee_.names.contains(user) && names_wanted_)
        names_wanted_(user);
}

void CommitteeRoster::set_names(const core::UserId& user, std::vector<std::string> names) {
    committee_.names[user] = std::move(names);
}

void CommitteeRoster::on_names_wanted(std::function<void(const core::UserId&)> listener) {
    names_wanted_ = std::move(listener);
}

void CommitteeRoster::left(const core::UserId& user) {
    std::erase(committee_.channel_members, user);
}

} // namespace cocbot::app
