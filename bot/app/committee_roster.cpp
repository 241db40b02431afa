// File: bot/app/committee_roster.cpp
#include "bot/app/committee_roster.hpp"

#include <algorithm>

namespace cocbot::app {

CommitteeRoster::CommitteeRoster(core::Committee committee) : committee_(std::move(committee)) {
    committee_.channel_members_known = false;
    committee_.names_known = false;
}

void CommitteeRoster::set_members(std::vector<core::UserId> members) {
    committee_.members = std::move(members);
}

void CommitteeRoster::set_bot_user(core::UserId bot) {
    bot_ = std::move(bot);
    std::erase(committee_.channel_members, bot_);
}

void CommitteeRoster::set_channel_members(std::vector<core::UserId> members) {
    std::erase(members, bot_);
    committee_.channel_members = std::move(members);
    committee_.channel_members_known = true;
    if (channel_known_)
        channel_known_();
}

void CommitteeRoster::on_channel_known(std::function<void()> listener) {
    channel_known_ = std::move(listener);
}

void CommitteeRoster::joined(const core::UserId& user) {
    if (user == bot_)
        return;
    auto& members = committee_.channel_members;
    if (std::ranges::find(members, user) == members.end())
        members.push_back(user);
    if (!committee_.names.contains(user) && names_wanted_)
        names_wanted_(user);
}

void CommitteeRoster::set_names(const core::UserId& user, std::vector<std::string> names) {
    committee_.names[user] = std::move(names);
    if (names_set_)
        names_set_(user);
}

void CommitteeRoster::want_names(const core::UserId& user) {
    if (!committee_.names.contains(user) && names_wanted_)
        names_wanted_(user);
}

void CommitteeRoster::on_names_set(std::function<void(const core::UserId&)> listener) {
    names_set_ = std::move(listener);
}

void CommitteeRoster::on_names_wanted(std::function<void(const core::UserId&)> listener) {
    names_wanted_ = std::move(listener);
}

void CommitteeRoster::names_learned() {
    const bool first = !committee_.names_known;
    committee_.names_known = true;
    if (first && names_learned_)
        names_learned_();
}

void CommitteeRoster::on_names_learned(std::function<void()> listener) {
    names_learned_ = std::move(listener);
}

void CommitteeRoster::strangers_named(const std::vector<core::UserId>& users) {
    for (const auto& user : users)
        if (std::ranges::find(committee_.strangers_named, user) == committee_.strangers_named.end())
            committee_.strangers_named.push_back(user);
}

void CommitteeRoster::left(const core::UserId& user) {
    std::erase(committee_.channel_members, user);
    std::erase(committee_.strangers_named, user); // named again if they come back
}

} // namespace cocbot::app
