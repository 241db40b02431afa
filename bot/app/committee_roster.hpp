// File: bot/app/committee_roster.hpp
// The committee as configured, and who sits in its channel as Slack last told us. Until the
// first listing, cocbot fails closed: nothing about a report goes to that channel.
#pragma once

#include "core/committee.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cocbot::app {

class CommitteeRoster {
public:
    explicit CommitteeRoster(core::Committee committee);

    const core::Committee& committee() const { return committee_; }
    bool channel_known() const { return committee_.channel_members_known; }

    // The members as the database's roster holds them (RosterSync keeps it).
    void set_members(std::vector<core::UserId> members);

    // The bot itself sits in the committee channel and is no stranger there: left out of it.
    void set_bot_user(core::UserId bot);
    // A whole listing (conversations.members), then the joins and leaves Slack reports.
    void set_channel_members(std::vector<core::UserId> members);
    void joined(const core::UserId& user);
    void left(const core::UserId& user);

    // The names Slack shows for `user` (users.info at start-up, user_change since): a report that
    // types one of them is about them.
    void set_names(const core::UserId& user, std::vector<std::string> names);
    // Told of each person who joins the committee channel with names not known yet.
    // Slack was asked for everyone's names (some answers may have failed).
    void names_learned();
    void on_names_wanted(std::function<void(const core::UserId&)> listener);
    // Asks for `user`'s names if they are not known (a member the committee just admitted).
    void want_names(const core::UserId& user);
    // Told each time someone's names are set.
    void on_names_set(std::function<void(const core::UserId&)> listener);
    // Told once, when the names are first known: new members can be asked from then on.
    void on_names_learned(std::function<void()> listener);
    // Told each time the committee channel's membership is read from Slack.
    void on_channel_known(std::function<void()> listener);

    // People off the roster in the committee channel whom a report's notice has named there;
    // each is named once while cocbot runs, and again if they come back after leaving.
    void strangers_named(const std::vector<core::UserId>& users);

private:
    core::Committee committee_;
    core::UserId bot_;
    std::function<void(const core::UserId&)> names_wanted_;
    std::function<void(const core::UserId&)> names_set_;
    std::function<void()> names_learned_;
    std::function<void()> channel_known_;
};

} // namespace cocbot::app
