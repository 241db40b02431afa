// File: bot/app/workspace.cpp
#include "bot/app/workspace.hpp"

#include "bot/app/channel_members.hpp"
#include "bot/app/logger.hpp"
#include "bot/slack/json_reader.hpp"

#include <algorithm>

namespace cocbot::app {

using nlohmann::json;
using Need = slack::JsonReader::Need;

namespace {

std::vector<core::UserId> people_to_name(const core::Committee& committee) {
    std::vector<core::UserId> people = committee.members;
    for (const auto& user : committee.channel_members)
        if (std::ranges::find(people, user) == people.end())
            people.push_back(user);
    return people;
}

// The names a report may type for this person: real and display names, as Slack shows them.
std::optional<std::vector<std::string>> read_names(const json& answer) {
    std::optional<std::string> error;
    const slack::JsonReader reader{answer, "users.info", error};
    std::vector<std::string> names;
    for (auto name : {reader.string({"user", "real_name"}, Need::optional),
                      reader.string({"user", "profile", "real_name"}, Need::optional),
                      reader.string({"user", "profile", "display_name"}, Need::optional)})
        if (!name.empty())
            names.push_back(std::move(name));
    if (error)
        return std::nullopt;
    return names;
}

} // namespace

Workspace::Workspace(net::any_io_executor executor, slack::Api& api, CommitteeRoster& roster,
                     std::function<void(std::string)> on_bot_user, Backoff backoff)
    : executor_(executor), api_(api), roster_(roster), on_bot_user_(std::move(on_bot_user)),
      backoff_(backoff), pause_(executor), loop_(executor, "workspace", [this] { return run(); }) {}

void Workspace::start() {
    roster_.on_names_wanted([this](const core::UserId& user) {
        net::co_spawn(executor_, learn_names_of(user), net::detached);
    });
    loop_.start();
}

void Workspace::stop() {
    stopping_ = true;
    loop_.stop();
    pause_.cancel();
}

awaitable<void> Workspace::run() {
    // Retried with backoff: a Slack outage at start-up must neither stop intake nor leave the
    // committee channel's membership unknown for good.
    bool bot_known = false;
    auto pause = backoff_.first;
    while (!stopping_) {
        if (!bot_known)
            bot_known = co_await learn_bot_user();
        if (bot_known) {
            if (auto members = co_await committee_channel_members()) {
                log(Level::info, "committee_channel",
                    {{"outcome", "ok"}, {"members", std::to_string(members->size())}});
                roster_.set_channel_members(std::move(*members));
                co_await learn_names(people_to_name(roster_.committee()));
                co_return;
            }
        }
        pause_.expires_after(pause);
        co_await pause_.async_wait(net::as_tuple(net::use_awaitable));
        pause = std::min(pause * 2, backoff_.longest);
    }
}

awaitable<bool> Workspace::learn_bot_user() {
    const auto auth = co_await api_.call("auth.test", json::object());
    std::optional<std::string> error;
    const slack::JsonReader reader{auth.body, "auth.test", error};
    const auto user = auth.ok ? reader.string({"user_id"}, Need::required) : std::string{};
    if (!auth.ok || error || user.empty()) {
        log(Level::error, "slack_auth",
            {{"outcome", "failed"}, {"error", auth.ok ? "unexpected_answer" : auth.error}});
        co_return false;
    }
    on_bot_user_(user);
    log(Level::info, "slack_auth", {{"outcome", "ok"}});
    co_return true;
}

awaitable<std::optional<std::vector<core::UserId>>> Workspace::committee_channel_members() {
    auto read = co_await channel_members(api_, roster_.committee().channel.value);
    if (!read.error.empty()) {
        log(Level::warn, "committee_channel", {{"outcome", "failed"}, {"error", read.error}});
        co_return std::nullopt;
    }
    co_return std::move(read.members);
}

awaitable<void> Workspace::learn_names(std::vector<core::UserId> people) {
    constexpr std::size_t most = 500; // a committee channel is small; stay far from rate limits
    if (people.size() > most)
        people.resize(most);
    for (auto& user : people) {
        if (stopping_)
            co_return;
        co_await learn_names_of(std::move(user));
    }
    roster_.names_learned();
    log(Level::info, "user_names", {{"outcome", "ok"}, {"people", std::to_string(people.size())}});
}

awaitable<void> Workspace::learn_names_of(core::UserId user) {
    slack::Query query; // built before the co_await: GCC 12 miscompiles a braced list in one
    query.emplace_back("user", user.value);
    const auto answer = co_await api_.get("users.info", std::move(query));
    const auto names = answer.ok ? read_names(answer.body) : std::nullopt;
    if (!names) {
        // The person stays matched by Slack id alone; said once, without the name.
        log(Level::warn, "user_names",
            {{"outcome", "failed"}, {"error", answer.ok ? "unexpected_answer" : answer.error}});
        co_return;
    }
    roster_.set_names(user, *names);
}

} // namespace cocbot::app
