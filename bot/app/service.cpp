// File: bot/app/service.cpp
#include "bot/app/service.hpp"

#include "bot/app/executor.hpp"
#include "bot/app/ingress.hpp"
#include "bot/app/logger.hpp"
#include "bot/app/scheduler.hpp"
#include "bot/app/workflow.hpp"
#include "bot/server/listener.hpp"
#include "bot/server/router.hpp"
#include "storage/database.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace cocbot::app {

using nlohmann::json;

namespace {

std::vector<core::UserId> users_from(const std::vector<std::string>& ids) {
    std::vector<core::UserId> users;
    for (const auto& id : ids)
        users.push_back(core::UserId{id});
    return users;
}

core::Committee committee_from(const config::Config& config) {
    core::Committee committee;
    committee.channel = core::ChannelId{config.committee.channel};
    committee.members = users_from(config.committee.members);
    committee.hr = users_from(config.committee.hr);
    committee.leadership = users_from(config.committee.leadership);
    committee.safety = {config.safety.venue_security, config.safety.crisis_line};
    committee.deadlines = {config.deadlines.acknowledge, config.deadlines.decision,
                           config.deadlines.reporter_update, config.deadlines.owner_nudge,
                           config.deadlines.conflict_nudge};
    return committee;
}

tcp::endpoint endpoint_from(const config::Endpoint& listen) {
    return {net::ip::make_address(listen.host), listen.port};
}

std::vector<std::pair<std::string, std::string>> members_query(const std::string& channel,
                                                               const std::string& cursor) {
    std::vector<std::pair<std::string, std::string>> query{{"channel", channel}, {"limit", "500"}};
    if (!cursor.empty())
        query.emplace_back("cursor", cursor);
    return query;
}

// Learn who the bot is (so its own channel joins are not taken for intruders) and who sits in
// the committee channel (so a report about one of them is never posted there). Failures are
// logged, not fatal: a Slack outage at start-up must not stop intake.
awaitable<void> learn_workspace(slack::WebApi& api, Ingress& ingress, Workflow& workflow) {
    const auto auth = co_await api.call("auth.test", json::object());
    if (auth.ok) {
        ingress.set_bot_user(auth.body.value("user_id", ""));
        log(Level::info, "slack_auth", {{"outcome", "ok"}});
    } else {
        log(Level::error, "slack_auth", {{"outcome", "failed"}, {"error", auth.error}});
    }

    const auto channel = workflow.committee().channel.value;
    std::vector<core::UserId> members;
    std::string cursor;
    for (int page = 0; page < 20; ++page) { // bounded: 20 pages of 500 members
        const auto listed =
            co_await api.get("conversations.members", members_query(channel, cursor));
        if (!listed.ok) {
            log(Level::warn, "committee_channel", {{"outcome", "failed"}, {"error", listed.error}});
            co_return;
        }
        for (const auto& member : listed.body.value("members", json::array()))
            members.push_back(core::UserId{member.get<std::string>()});
        cursor = listed.body.value("response_metadata", json::object()).value("next_cursor", "");
        if (cursor.empty())
            break;
    }
    log(Level::info, "committee_channel",
        {{"outcome", "ok"}, {"members", std::to_string(members.size())}});
    workflow.set_committee_channel_members(std::move(members));
}

void log_exception(std::string_view what, std::exception_ptr e) {
    if (!e)
        return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        log(Level::error, what, {{"reason", ex.what()}});
    }
}

} // namespace

int serve(const config::Config& config) {
    // Times shown to people are in the workspace's time zone (the C library reads TZ).
    ::setenv("TZ", config.workspace.timezone.c_str(), 1);
    ::tzset();
    storage::Database database{config.storage.path};
    Workflow workflow{database, committee_from(config)};

    net::io_context io{1};
    const auto ex = io.get_executor();
    slack::WebApi api{ex, {.base_url = config.slack.api_url, .token = config.slack.bot_token}};
    // views.open must land within the trigger's 3 seconds: one quick attempt, no queueing.
    slack::WebApi modal_api{ex,
                            {.base_url = config.slack.api_url,
                             .token = config.slack.bot_token,
                             .request_timeout = std::chrono::milliseconds{2500},
                             .max_attempts = 1}};

    Executor executor{ex, database, workflow, api};
    Scheduler scheduler{ex, database, workflow};
    workflow.on_committed([&] {
        executor.wake();
        scheduler.wake();
    });
    Ingress ingress{ex, workflow, api, modal_api, {config.slack.signing_secret}};

    server::Router router{{
        {"/slack/events", http::verb::post, [&](Request& r) { return ingress.events(r); }},
        {"/healthz", http::verb::get, [&](Request& r) { return ingress.health(r); }},
    }};
    server::Server http_server{
        ex,
        endpoint_from(config.http.listen),
        std::move(router),
        {},
        [](std::string_view what, std::string_view detail) {
            log(Level::warn, "http",
                {{"what", std::string{what}}, {"detail", std::string{detail}}});
        }};
    http_server.start();
    executor.start();
    scheduler.start();
    net::co_spawn(ex, learn_workspace(api, ingress, workflow),
                  [](std::exception_ptr e) { log_exception("learn_workspace", e); });
    log(Level::info, "listening",
        {{"address",
          config.http.listen.host + ":" + std::to_string(http_server.local_endpoint().port())}});

    // Graceful stop: no new requests, finish those in flight and the effect being performed.
    // Whatever is still in the outbox runs on the next start.
    net::signal_set signals{io, SIGINT, SIGTERM};
    signals.async_wait([&](const error_code& ec, int signal) {
        if (ec)
            return;
        log(Level::info, "stopping", {{"signal", std::to_string(signal)}});
        http_server.stop();
        executor.stop();
        scheduler.stop();
    });
    io.run();
    log(Level::info, "stopped");
    return 0;
}

} // namespace cocbot::app
