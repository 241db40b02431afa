// File: bot/app/service.cpp
// Two threads: the I/O thread runs the HTTP server and nothing that can wait; the application
// thread owns SQLite, the workflow, the Web API clients, the executor and the scheduler.
#include "bot/app/service.hpp"

#include "bot/app/audit_heads.hpp"
#include "bot/app/clock.hpp"
#include "bot/app/executor.hpp"
#include "bot/app/group_commit.hpp"
#include "bot/app/health.hpp"
#include "bot/app/ingress.hpp"
#include "bot/app/logger.hpp"
#include "bot/app/metrics.hpp"
#include "bot/app/monitor.hpp"
#include "bot/app/quarter_reminder.hpp"
#include "bot/app/retention_job.hpp"
#include "bot/app/roster_sync.hpp"
#include "bot/app/scheduler.hpp"
#include "bot/app/socket_mode.hpp"
#include "bot/app/supervised.hpp"
#include "bot/app/workflow.hpp"
#include "bot/app/workspace.hpp"
#include "bot/server/listener.hpp"
#include "bot/server/router.hpp"
#include "bot/slack/web_api.hpp"
#include "storage/database.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <thread>
#include <utility>

namespace cocbot::app {

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
    committee.deadlines = config.deadlines; // the plan's clocks; the review period is not one
    committee.retention = config.retention;
    committee.transparency = config.transparency;
    return committee;
}

tcp::endpoint endpoint_from(const config::Endpoint& listen) {
    return {net::ip::make_address(listen.host), listen.port};
}

// io_context::run() is never left for good by an exception from a handler: it is logged (by
// class) and the context runs on. Returns when the context runs out of work or is stopped.
void run_resilient(net::io_context& io, std::string_view name) {
    for (;;) {
        try {
            io.run();
            return;
        } catch (...) {
            log(Level::error, "handler_failed",
                {{"thread", std::string{name}},
                 {"class", failure_class(std::current_exception())}});
        }
    }
}

// Each Web API attempt counted by method and result.
auto counted_by(Metrics& metrics) {
    return [&metrics](std::string_view method, std::string_view error) {
        metrics.api_attempt(method, error);
    };
}

// Socket Mode's own client for apps.connections.open, on the I/O thread, with the app-level
// token; it is called once per connection, so it needs no pacing.
slack::WebApiOptions socket_api_options(const config::Config& config, Metrics& metrics) {
    return {.base_url = config.slack.api_url,
            .token = config.slack.app_token,
            .max_attempts = 2,
            .on_attempt = counted_by(metrics)};
}

GovernanceOptions governance_options(const config::Config& config) {
    GovernanceOptions options;
    options.offboarding.chair = core::UserId{config.committee.chair};
    options.check_in.review = config.deadlines.membership_review;
    options.check_in.grace = config.deadlines.checkin_answer;
    return options;
}

SocketModeOptions socket_options(const config::Config& config) {
    SocketModeOptions options;
    options.socket.ping_interval = config.slack.socket_ping_interval;
    options.socket.dead_after = 3 * config.slack.socket_ping_interval;
    return options;
}

void report_http(std::string_view what, std::string_view detail) {
    log(Level::warn, "http", {{"what", std::string{what}}, {"detail", std::string{detail}}});
}

// Everything the application thread owns, built and destroyed in this order.
struct App {
    App(const config::Config& config, net::any_io_executor ex)
        : health({.max_effect_age = config.outbox.alert_after}), metrics(),
          database(config.storage.path, key_source(config)), commits(ex, database, &metrics),
          roster(committee_from(config)), workflow(database, roster),
          roster_sync(database, workflow, roster),
          governance(database, roster, roster_sync, governance_options(config),
                     [this] { executor.wake(); }),
          reads(database, roster), deliveries(database),
          // Slack's output goes at Slack's published rates, so a burst never meets a wall of 429s.
          api(ex, {.base_url = config.slack.api_url,
                   .token = config.slack.bot_token,
                   .on_attempt = counted_by(metrics),
                   .pacing =
                       config.slack.pacing ? std::optional{slack::slack_limits()} : std::nullopt}),
          // views.open must land within the trigger's 3 seconds: one quick attempt.
          modal_api(ex, {.base_url = config.slack.api_url,
                         .token = config.slack.bot_token,
                         .request_timeout = std::chrono::milliseconds{2500},
                         .max_attempts = 1,
                         .on_attempt = counted_by(metrics)}),
          executor(ex, database, commits, workflow, reads, api,
                   {.max_attempts = config.outbox.max_attempts,
                    .first_retry = config.outbox.first_retry}),
          scheduler(ex, database, workflow),
          audit_heads(database, roster, config.audit.post_head, [this] { executor.wake(); }),
          retention(database, roster),
          quarter_reminder(database, roster, config.transparency.remind,
                           [this] { executor.wake(); }),
          monitor(ex, database, roster, health, metrics,
                  {[this](core::Time t) { audit_heads.post_if_due(t); },
                   [this](core::Time t) { retention.erase_due(t); },
                   [this](core::Time t) { quarter_reminder.remind_if_due(t); },
                   [this](core::Time t) { governance.run(t); }}),
          ingress(ex, {workflow, reads, deliveries, roster, commits, metrics, governance}, api,
                  modal_api, health, {config.slack.signing_secret}),
          workspace(ex, api, roster, [this](std::string user) {
              roster.set_bot_user(core::UserId{user});
              ingress.set_bot_user(std::move(user));
          }) {
        workflow.on_committed([this] {
            executor.wake();
            scheduler.wake();
        });
        roster.on_names_learned([this] { roster_sync.apply_additions(now()); });
        // A member the committee admitted is asked about the open incidents once named.
        roster.on_names_set([this](const core::UserId&) {
            if (roster.committee().names_known)
                roster_sync.apply_additions(now());
        });
        roster.on_channel_known([this] { monitor.wake(); }); // healthy without waiting a probe
        workflow.on_decided([this](const core::Decision& decision) {
            for (const auto& event : decision.events)
                if (const auto* reminder = std::get_if<core::ReminderSent>(&event))
                    metrics.reminder_sent(core::to_string(reminder->kind));
        });
        executor.on_committee_effect([this](const Executor::CommitteeSettled& settled) {
            governance.settled(settled, now());
        });
        executor.on_committee_text(
            [this](const core::Effect& effect) { return governance.with_text(effect); });
        health.watch("executor", [this] { return executor.running(); });
        health.watch("scheduler", [this] { return scheduler.running(); });
    }

    void start() {
        commits.start(); // start-up's own writes (roster, read models) committed alone
        monitor.start();
        executor.start();
        scheduler.start();
        workspace.start();
    }

    // Graceful: the effect being performed finishes; whatever is still in the outbox runs on
    // the next start.
    void stop() {
        workspace.stop();
        scheduler.stop();
        executor.stop();
        monitor.stop();
        commits.flush();
    }

    Health health;
    Metrics metrics;
    storage::Database database;
    GroupCommit commits;
    CommitteeRoster roster;
    Workflow workflow;
    RosterSync roster_sync;
    Governance governance;
    ReadModels reads;
    Deliveries deliveries;
    slack::WebApi api;
    slack::WebApi modal_api;
    Executor executor;
    Scheduler scheduler;
    AuditHeads audit_heads;
    RetentionJob retention;
    QuarterReminder quarter_reminder;
    Monitor monitor;
    Ingress ingress;
    Workspace workspace;
};

// GET /healthz and /metrics always; POST /slack/events only in HTTP mode: in Socket Mode
// nothing of Slack's comes over HTTP, so nothing is listened for.
server::Router router_for(const config::Config& config, App& app) {
    std::vector<server::Route> routes{
        {"/healthz", http::verb::get, [&app](Request& r) { return app.ingress.health(r); }},
        {"/metrics", http::verb::get, [&app](Request& r) { return app.ingress.metrics(r); },
         config.http.metrics_public ? server::Access::anyone : server::Access::local},
    };
    if (config.slack.mode == config::SlackMode::http)
        routes.push_back({"/slack/events", http::verb::post,
                          [&app](Request& r) { return app.ingress.events(r); }});
    return server::Router{std::move(routes)};
}

server::Limits limits_from(const config::Config& config) {
    server::Limits limits;
    limits.max_connections = config.http.max_connections;
    return limits;
}

} // namespace

storage::KeySource key_source(const config::Config& config) {
    storage::KeySource source;
    if (!config.storage.data_key.empty())
        source.base64 = config.storage.data_key;
    source.key_file = config.storage.key_file_or_default();
    return source;
}

int serve(const config::Config& config, std::stop_token stop) {
    // Times shown to people are in the workspace's time zone (the C library reads TZ).
    ::setenv("TZ", config.workspace.timezone.c_str(), 1);
    ::tzset();

    net::io_context io;     // HTTP: never waits for SQLite or the Web API
    net::io_context app_io; // SQLite, the workflow, the Web API
    App app{config, app_io.get_executor()};
    if (app.database.key_created())
        log(Level::warn, "data_key_created",
            {{"file", config.storage.key_file_or_default()},
             {"detail", "the reports are sealed with this key: back it up now, apart from the "
                        "database; without it no backup can be read"}});
    if (app.database.rekey_finished())
        log(Level::warn, "rekey_finished",
            {{"file", config.storage.key_file_or_default()},
             {"detail", "a cocbot rekey had stopped before replacing the key file: it holds the "
                        "new key now; back it up"}});
    // Before anything runs: a member taken off the roster loses every incident first.
    app.roster_sync.reconcile(users_from(config.committee.members), now());
    app.reads.catch_up();
    app.retention.catch_up();

    const bool socket_mode = config.slack.mode == config::SlackMode::socket;
    int exit_code = 0;
    std::function<void()> stop_everything;
    slack::WebApi socket_api{io.get_executor(), socket_api_options(config, app.metrics)};
    SocketMode socket{
        io.get_executor(),
        socket_api,
        [&](slack::Payload payload) { return app.ingress.envelope(std::move(payload)); },
        [&](std::string message) {
            log(Level::error, "fatal", {{"detail", std::move(message)}});
            exit_code = 1;
            stop_everything();
        },
        app.metrics,
        socket_options(config)};
    if (socket_mode)
        app.health.watch([&socket] { return socket.health(); });
    server::Server http_server{io.get_executor(), endpoint_from(config.http.listen),
                               router_for(config, app), limits_from(config), report_http};
    http_server.start();

    // The application thread stays up until the HTTP server has finished its last request.
    auto app_work = net::make_work_guard(app_io);
    net::post(app_io, [&] { app.start(); });
    std::thread app_thread{[&] { run_resilient(app_io, "app"); }};
    log(Level::info, "listening",
        {{"address",
          config.http.listen.host + ":" + std::to_string(http_server.local_endpoint().port())},
         {"slack_mode", socket_mode ? "socket" : "http"}});
    if (socket_mode)
        socket.start();

    net::signal_set signals{io, SIGINT, SIGTERM};
    bool stopping = false; // a signal, a fatal error and a stop request may all come
    stop_everything = [&] {
        if (std::exchange(stopping, true))
            return;
        signals.cancel();
        socket.stop();
        http_server.stop();
        net::post(app_io, [&] { app.stop(); });
    };
    signals.async_wait([&](const error_code& ec, int signal) {
        if (ec)
            return;
        log(Level::info, "stopping", {{"signal", std::to_string(signal)}});
        stop_everything();
    });
    const std::stop_callback on_stop{stop, [&] { net::post(io, [&] { stop_everything(); }); }};
    run_resilient(io, "io");
    app_work.reset();
    app_thread.join();
    log(Level::info, "stopped");
    return exit_code;
}

} // namespace cocbot::app
