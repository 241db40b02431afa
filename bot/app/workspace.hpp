// File: bot/app/workspace.hpp
// Learns, at start-up and until it succeeds, who the bot is (so its own channel joins are not
// taken for intruders) and who sits in the committee channel (so that a report about one of
// them is never posted there). Until the membership is known, cocbot fails closed.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/supervised.hpp"
#include "bot/net.hpp"
#include "bot/slack/api.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cocbot::app {

class Workspace {
public:
    Workspace(net::any_io_executor executor, slack::Api& api, CommitteeRoster& roster,
              std::function<void(std::string)> on_bot_user, Backoff backoff = {});

    void start();
    void stop();

private:
    awaitable<void> run();
    awaitable<bool> learn_bot_user();
    awaitable<std::optional<std::vector<core::UserId>>> committee_channel_members();
    // users.info for everyone on the roster and in the channel, then for each who joins.
    awaitable<void> learn_names(std::vector<core::UserId> people);
    awaitable<void> learn_names_of(core::UserId user);

    net::any_io_executor executor_;
    slack::Api& api_;
    CommitteeRoster& roster_;
    std::function<void(std::string)> on_bot_user_;
    Backoff backoff_;
    net::steady_timer pause_;
    bool stopping_ = false;
    Supervised loop_;
};

} // namespace cocbot::app
