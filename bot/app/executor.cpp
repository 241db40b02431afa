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

json post_args(const std::string& channel, const core::Message& message, const std::string& key) {
    const auto rendered = slack::render(message);
    return {{"channel", channel},
            {"text", rendered.text},
            {"blocks", rendered.blocks},
            {"metadata",
             {{"event_type", metadata_event_type}, {"event_payload", {{"effect_id", key}}}}}};
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

// Each message an effect posts is marked with a key: the effect's outbox id, and for an effect
// that posts several messages, "<id>-<index>".
std::string effect_key(std::int64_t effect_id) {
    return std::to_string(effect_id);
}

std::string effect_key(std::int64_t effect_id, std::size_t index) {
    return effect_key(effect_id) + "-" + std::to_string(index);
}

// Messages posted before keys were strings carry the outbox id as a number.
bool same_key(const json& marked, const std::string& key) {
    if (marked.is_string())
        return marked.get<std::string>() == key;
    return marked.is_number_integer() && std::to_string(marked.get<std::int64_t>()) == key;
}

// The ts of the message marked `key`, if the history holds it.
std::optional<std::string> posted_ts(const json& history, const std::string& key) {
    if (!history.contains("messages"))
        return std::nullopt;
    for (const auto& message : history["messages"]) {
        const auto metadata = message.value("metadata", json::object());
        if (metadata.value("event_type", "") == metadata_event_type &&
            same_key(metadata.value("event_payload", json::object()).value("effect_id", json{}),
                     key))
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

json archive_args(const core::ArchiveChannel& archive) {
    return {{"channel", archive.channel.value}};
}

// The motion number core needs to address a motion's message later; 0 for other messages.
int motion_number(const core::Message& message) {
    const auto* motion = std::get_if<core::MotionMessage>(&message);
    return motion ? motion->number : 0;
}

// Core named an escrowed incident the store does not hold: share the others, tell the operator.
void log_unknown_escrow(std::int64_t effect_id) {
    log(Level::error, "escrowed_report",
        {{"id", std::to_string(effect_id)}, {"outcome", "unknown_incident"}});
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
    static Result done(std::string detail = "{}") {
        return {Kind::done, std::move(detail), std::nullopt, std::nullopt};
    }
};

// A message posted (or found already posted), or the call that failed.
struct Executor::Posted {
    std::string ts;
    std::optional<slack::ApiResult> failure;
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
            [&](const core::ArchiveChannel& a) { return archive(a); },
            [&](const core::ShareEscrowedReports& s) { return share_escrowed(pending, s); },
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
                                                       core::kind_of(post.message),
                                                       motion_number(post.message)},
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
    const auto history = co_await history_if_retry(pending, channel);
    const auto posted =
        co_await post_marked(channel, post.message, effect_key(pending.id), history);
    if (posted.failure)
        co_return Result::from_error(*posted.failure);
    auto result = Result::done(done_detail(channel, posted.ts));
    if (post.remember)
        result.posted = core::MessageRef{core::ChannelId{channel}, posted.ts};
    co_return result;
}

awaitable<Executor::Result> Executor::share_escrowed(const storage::PendingEffect& pending,
                                                     const core::ShareEscrowedReports& share) {
    // The reports are read now, from the event store: their text never sits in the outbox.
    const auto& channel = share.channel.value;
    const auto history = co_await history_if_retry(pending, channel);
    for (std::size_t i = 0; i < share.escrowed.size(); ++i) {
        const auto details = workflow_.report_details(share.escrowed[i]);
        if (!details) {
            log_unknown_escrow(pending.id);
            continue;
        }
        const core::Message message{*details};
        const auto posted =
            co_await post_marked(channel, message, effect_key(pending.id, i), history);
        if (posted.failure)
            co_return Result::from_error(*posted.failure);
    }
    co_return Result::done();
}

awaitable<json> Executor::history_if_retry(const storage::PendingEffect& pending,
                                           const std::string& channel) {
    if (pending.attempts == 0)
        co_return json::object();
    const auto history = co_await api_.get("conversations.history", history_query(channel));
    co_return history.ok ? history.body : json::object();
}

awaitable<Executor::Posted> Executor::post_marked(const std::string& channel,
                                                  const core::Message& message,
                                                  const std::string& key, const json& history) {
    if (auto ts = posted_ts(history, key))
        co_return Posted{std::move(*ts), std::nullopt};
    // A post to an archived channel (is_archived) is not transient: it fails for good, logged.
    const auto posted = co_await api_.call("chat.postMessage", post_args(channel, message, key));
    if (!posted.ok)
        co_return Posted{std::string{}, posted};
    co_return Posted{posted.body.value("ts", ""), std::nullopt};
}

awaitable<Executor::Result> Executor::update(const core::Update& update) {
    // chat.update is idempotent: running it twice leaves the same message.
    const auto updated = co_await api_.call("chat.update", update_args(update));
    if (!updated.ok)
        co_return Result::from_error(updated);
    co_return Result::done();
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
    co_return Result::done();
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
        co_return Result::done();
    co_return Result::from_error(invited);
}

awaitable<Executor::Result> Executor::remove(const core::Remove& remove) {
    const auto kicked = co_await api_.call("conversations.kick", kick_args(remove));
    // Already gone is done; and the bot never removes itself, whatever core asked.
    if (kicked.ok || kicked.error == "not_in_channel" || kicked.error == "cant_kick_self")
        co_return Result::done();
    // Refusals (restricted_action and the like) reach the owners through settle().
    co_return Result::from_error(kicked);
}

awaitable<Executor::Result> Executor::archive(const core::ArchiveChannel& archive) {
    const auto archived = co_await api_.call("conversations.archive", archive_args(archive));
    if (archived.ok || archived.error == "already_archived")
        co_return Result::done();
    co_return Result::from_error(archived);
}

} // namespace cocbot::app
