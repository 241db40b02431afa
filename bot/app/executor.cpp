// File: bot/app/executor.cpp
#include "bot/app/executor.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/logger.hpp"
#include "bot/slack/blocks.hpp"
#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::app {

using nlohmann::json;

namespace {

// Marks every message the bot posts, so that a re-run can find it instead of posting twice.
constexpr std::string_view metadata_event_type = "cocbot_effect";

// Failures worth another attempt later: the network, Slack's load, our own rate.
bool transient(const slack::ApiResult& r) {
    static const std::array retryable{"timeout",        "connection_failed", "tls_failed",
                                      "ratelimited",    "invalid_response",  "request_timeout",
                                      "internal_error", "fatal_error",       "service_unavailable"};
    return std::find(retryable.begin(), retryable.end(), r.error) != retryable.end() ||
           r.error.starts_with("http_5");
}

// Web API arguments are built in plain functions: GCC 12 miscompiles braced initialiser lists
// inside coroutines ("array used as initializer").
json open_args(const core::UserId& user) {
    return {{"users", user.value}};
}

json post_args(const std::string& channel, const core::Message& message, std::int64_t effect_id) {
    const auto rendered = slack::render(message);
    return {{"channel", channel},
            {"text", rendered.text},
            {"blocks", rendered.blocks},
            {"metadata",
             {{"event_type", metadata_event_type}, {"event_payload", {{"effect_id", effect_id}}}}}};
}

json update_args(const core::Update& update) {
    const auto rendered = slack::render(update.message);
    return {{"channel", update.target.channel.value},
            {"ts", update.target.ts},
            {"text", rendered.text},
            {"blocks", rendered.blocks}};
}

json ephemeral_args(const core::Ephemeral& e) {
    const auto rendered = slack::render(e.message);
    return {{"channel", e.channel.value},
            {"user", e.user.value},
            {"text", rendered.text},
            {"blocks", rendered.blocks}};
}

std::vector<std::pair<std::string, std::string>> history_query(const std::string& channel) {
    return {{"channel", channel}, {"include_all_metadata", "true"}, {"limit", "200"}};
}

// The ts of the message this effect already posted, if the history holds it.
std::optional<std::string> posted_ts(const json& history, std::int64_t effect_id) {
    if (!history.contains("messages"))
        return std::nullopt;
    for (const auto& message : history["messages"]) {
        const auto metadata = message.value("metadata", json::object());
        if (metadata.value("event_type", "") == metadata_event_type &&
            metadata.value("event_payload", json::object()).value("effect_id", std::int64_t{-1}) ==
                effect_id)
            return message.value("ts", "");
    }
    return std::nullopt;
}

json create_args(const core::CreatePrivateChannel& create) {
    return {{"name", create.name}, {"is_private", true}};
}

std::vector<std::pair<std::string, std::string>> list_query(const std::string& cursor) {
    std::vector<std::pair<std::string, std::string>> query{
        {"types", "private_channel"}, {"exclude_archived", "true"}, {"limit", "200"}};
    if (!cursor.empty())
        query.emplace_back("cursor", cursor);
    return query;
}

json invite_args(const core::Invite& invite) {
    return {{"channel", invite.channel.value}, {"users", invite.user.value}};
}

json kick_args(const core::Remove& remove) {
    return {{"channel", remove.channel.value}, {"user", remove.user.value}};
}

std::string done_detail(const std::string& channel, const std::string& ts) {
    return json{{"channel", channel}, {"ts", ts}}.dump();
}

} // namespace

struct Executor::Result {
    enum class Kind { done, retry, failed } kind;
    std::string detail;                     // Slack's error name, or a short JSON result
    std::optional<core::MessageRef> posted; // for Post effects core wants to remember
    std::optional<core::Command> report;    // a result core must hear about

    static Result from_error(const slack::ApiResult& r) {
        return {transient(r) ? Kind::retry : Kind::failed, r.error, std::nullopt, std::nullopt};
    }
};

Executor::Executor(net::any_io_executor executor, storage::Database& database, Workflow& workflow,
                   slack::WebApi& api, ExecutorOptions options)
    : executor_(executor), outbox_(database), workflow_(workflow), api_(api), options_(options),
      timer_(executor) {}

void Executor::start() {
    running_ = true;
    net::co_spawn(executor_, run(), [this](std::exception_ptr e) {
        running_ = false;
        if (!e)
            return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            log(Level::error, "executor_stopped", {{"reason", ex.what()}});
        }
    });
}

void Executor::wake() {
    timer_.cancel();
}

void Executor::stop() {
    stopping_ = true;
    timer_.cancel();
}

awaitable<void> Executor::run() {
    while (!stopping_) {
        if (auto pending = outbox_.next_due(now())) {
            co_await perform(*pending);
            continue;
        }
        // Sleep until the earliest retry, or until wake() says there is new work.
        auto wait = std::chrono::seconds{3600};
        if (const auto next = outbox_.earliest_pending())
            wait = std::clamp(*next - now(), std::chrono::seconds{0}, wait);
        timer_.expires_after(wait);
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

core::Time Executor::retry_time(int attempts_so_far) const {
    auto delay = options_.first_retry;
    for (int i = 0; i < attempts_so_far && delay < options_.longest_retry; ++i)
        delay *= 2;
    return now() + std::min(delay, options_.longest_retry);
}

awaitable<void> Executor::perform(const storage::PendingEffect& pending) {
    // Record the attempt before calling Slack: after a crash, the next run knows the effect
    // may already have happened and checks before doing it again.
    outbox_.record_attempt(pending.id, retry_time(pending.attempts));
    const Result result = co_await std::visit(
        core::overloaded{
            [&](const core::Post& p) { return post(pending, p); },
            [&](const core::Update& u) { return update(u); },
            [&](const core::Ephemeral& e) { return ephemeral(pending, e); },
            [&](const core::CreatePrivateChannel& c) { return create_channel(c); },
            [&](const core::Invite& i) { return invite(i); },
            [&](const core::Remove& r) { return remove(r); },
        },
        pending.effect);
    settle(pending, result);
}

void Executor::settle(const storage::PendingEffect& pending, const Result& result) {
    const auto id = std::to_string(pending.id);
    switch (result.kind) {
    case Result::Kind::done:
        // Core learns where the message is before the effect is closed: a crash in between
        // re-runs the effect, which finds the message and records the same position again.
        if (result.posted && pending.incident) {
            const auto& post = std::get<core::Post>(pending.effect);
            workflow_.handle(core::RecordMessagePosted{*pending.incident, *result.posted,
                                                       core::kind_of(post.message)},
                             now());
        }
        if (result.report)
            workflow_.handle(*result.report, now());
        outbox_.mark_done(pending.id, result.detail);
        log(Level::info, "effect", {{"id", id}, {"outcome", "done"}});
        return;
    case Result::Kind::retry:
        if (pending.attempts + 1 < options_.max_attempts) {
            log(Level::warn, "effect",
                {{"id", id}, {"outcome", "retry"}, {"error", result.detail}});
            return;
        }
        break;
    case Result::Kind::failed:
        break;
    }
    // A removal that never happened leaves someone uncleared in the channel: whatever the
    // reason, the owners must hear of it.
    if (const auto* remove = std::get_if<core::Remove>(&pending.effect))
        workflow_.handle(core::RemovalFailed{remove->incident, remove->user, result.detail}, now());
    outbox_.mark_failed(pending.id, result.detail);
    log(Level::error, "effect", {{"id", id}, {"outcome", "failed"}, {"error", result.detail}});
}

awaitable<Executor::Result> Executor::post(const storage::PendingEffect& pending,
                                           const core::Post& post) {
    std::string channel = post.channel.value;
    if (!post.to_user.empty()) {
        const auto opened = co_await api_.call("conversations.open", open_args(post.to_user));
        if (!opened.ok)
            co_return Result::from_error(opened);
        channel = opened.body["channel"].value("id", "");
    }

    std::optional<std::string> ts;
    if (pending.attempts > 0) {
        const auto history = co_await api_.get("conversations.history", history_query(channel));
        if (history.ok)
            ts = posted_ts(history.body, pending.id);
    }
    if (!ts) {
        const auto posted =
            co_await api_.call("chat.postMessage", post_args(channel, post.message, pending.id));
        if (!posted.ok)
            co_return Result::from_error(posted);
        ts = posted.body.value("ts", "");
    }
    Result result{Result::Kind::done, done_detail(channel, *ts), std::nullopt, std::nullopt};
    if (post.remember)
        result.posted = core::MessageRef{core::ChannelId{channel}, *ts};
    co_return result;
}

awaitable<Executor::Result> Executor::update(const core::Update& update) {
    // chat.update is idempotent: running it twice leaves the same message.
    const auto updated = co_await api_.call("chat.update", update_args(update));
    if (!updated.ok)
        co_return Result::from_error(updated);
    co_return Result{Result::Kind::done, "{}", std::nullopt, std::nullopt};
}

awaitable<Executor::Result> Executor::ephemeral(const storage::PendingEffect& pending,
                                                const core::Ephemeral& e) {
    // An ephemeral answer cannot be looked up afterwards, so it is sent at most once: a second
    // copy of "thank you" would be worse than none after a crash.
    if (pending.attempts > 0)
        co_return Result{Result::Kind::failed, "not_retried", std::nullopt, std::nullopt};
    const auto sent = co_await api_.call("chat.postEphemeral", ephemeral_args(e));
    if (!sent.ok)
        co_return Result{Result::Kind::failed, sent.error, std::nullopt, std::nullopt};
    co_return Result{Result::Kind::done, "{}", std::nullopt, std::nullopt};
}

awaitable<Executor::Result> Executor::create_channel(const core::CreatePrivateChannel& create) {
    std::optional<std::string> id;
    const auto created = co_await api_.call("conversations.create", create_args(create));
    if (created.ok)
        id = created.body["channel"].value("id", "");
    else if (created.error == "name_taken")
        // The name is deterministic, so "taken" means an earlier run created it: find it.
        id = co_await find_channel(create.name);
    else
        co_return Result::from_error(created);
    if (!id || id->empty())
        co_return Result{Result::Kind::failed, "name_taken_but_not_found", std::nullopt,
                         std::nullopt};
    co_return Result{Result::Kind::done, json{{"channel", *id}}.dump(), std::nullopt,
                     core::ChannelCreated{create.incident, core::ChannelId{*id}}};
}

awaitable<std::optional<std::string>> Executor::find_channel(const std::string& name) {
    std::string cursor;
    for (int page = 0; page < 50; ++page) { // bounded: 50 pages of 200 channels
        const auto listed = co_await api_.get("conversations.list", list_query(cursor));
        if (!listed.ok)
            co_return std::nullopt;
        for (const auto& channel : listed.body.value("channels", json::array()))
            if (channel.value("name", "") == name)
                co_return channel.value("id", "");
        cursor = listed.body.value("response_metadata", json::object()).value("next_cursor", "");
        if (cursor.empty())
            break;
    }
    co_return std::nullopt;
}

awaitable<Executor::Result> Executor::invite(const core::Invite& invite) {
    const auto invited = co_await api_.call("conversations.invite", invite_args(invite));
    if (invited.ok || invited.error == "already_in_channel")
        co_return Result{Result::Kind::done, "{}", std::nullopt, std::nullopt};
    co_return Result::from_error(invited);
}

awaitable<Executor::Result> Executor::remove(const core::Remove& remove) {
    const auto kicked = co_await api_.call("conversations.kick", kick_args(remove));
    // Already gone is done; and the bot never removes itself, whatever core asked.
    if (kicked.ok || kicked.error == "not_in_channel" || kicked.error == "cant_kick_self")
        co_return Result{Result::Kind::done, "{}", std::nullopt, std::nullopt};
    // Refusals (restricted_action and the like) reach the owners through settle().
    co_return Result::from_error(kicked);
}

} // namespace cocbot::app
