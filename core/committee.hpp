// File: core/committee.hpp
// The committee as the workflow sees it: who serves, where it meets, whom to call in danger.
#pragma once

#include "core/deadlines_config.hpp"
#include "core/ids.hpp"
#include "core/person_names.hpp"
#include "core/retention_config.hpp"
#include "core/transparency_config.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
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
    // Everyone in the committee channel, as the shell last saw it (it may include people who are
    // not on the roster): they would see a prompt posted there.
    std::vector<UserId> channel_members;
    Deadlines deadlines;
    Retention retention{};
    Transparency transparency{};
    std::vector<UserId> hr{};         // HR contacts, for reports that involve employees
    std::vector<UserId> leadership{}; // told when law enforcement is involved
    // False until the shell has learned channel_members from Slack. Until then every report is
    // treated as possibly about someone in the channel (fail closed): nothing goes there.
    bool channel_members_known = true;
    // The names Slack shows (real and display) for the people on the roster and in the channel,
    // so that a report that types one of them is known to be about them.
    std::map<UserId, std::vector<std::string>> names{};
    // False until the shell has asked Slack for those names: until then a typed name may be
    // anyone's, and a prompt naming one stays out of the channel (fail closed).
    bool names_known = true;
    // People in the channel who are not on the roster whom a report's notice already named
    // there (the shell's memory of them), so that each is named once.
    std::vector<UserId> strangers_named{};

    bool is_member(const UserId& user) const {
        return std::find(members.begin(), members.end(), user) != members.end();
    }
    // Whether a message about a report about `user` may be posted in the committee channel:
    // only while it holds nobody but the committee (and the bot, which the shell leaves out).
    bool may_post_in_channel_about(const UserId& user) const {
        return channel_members_known && strangers().empty() && !sits_with(user);
    }
    // People in the committee channel who are not on the roster.
    std::vector<UserId> strangers() const {
        std::vector<UserId> found;
        std::copy_if(channel_members.begin(), channel_members.end(), std::back_inserter(found),
                     [&](const UserId& user) { return !is_member(user); });
        return found;
    }
    // The people on the roster or in the channel whom a typed name may mean (same_name).
    std::vector<UserId> named(std::string_view typed) const {
        std::vector<UserId> found;
        for (const auto& [user, known] : names)
            if (sits_with(user) &&
                std::any_of(known.begin(), known.end(),
                            [&](const std::string& name) { return same_name(name, typed); }))
                found.push_back(user);
        return found;
    }
    // On the roster or in the committee channel: such a person must not see a report about them.
    bool sits_with(const UserId& user) const {
        return !user.empty() &&
               (is_member(user) || std::find(channel_members.begin(), channel_members.end(),
                                             user) != channel_members.end());
    }
};

} // namespace cocbot::core
