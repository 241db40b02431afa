// File: bot/app/executor_steps.cpp
// The executor's Slack steps, one per kind of effect. Every answer is read through checked
// accessors: an answer of an unexpected shape is a result, never undefined behaviour.
#include "bot/app/executor_result.hpp"
#include "bot/app/logger.hpp"
#include "bot/app/marked_messages.hpp"
#include "bot/slack/json_reader.hpp"
#include "bot/slack/messages.hpp"

namespace cocbot::app {

using nlohmann::json;
using Need = slack::JsonReader::Need;

namespace {

// A string a Web API answer must hold, read without trusting the answer's shape; nullopt when
// it is missing, empty or of another type.
std::optional<std::string> answer_string(const json& body, slack::JsonReader::Path path) {
    std::optional<std::string> error;
    const slack::JsonReader reader{body, "", error};
    auto value = reader.string(path, Need::required);
    if (error || value.empty())
        return std::nullopt;
    return value;
}

// Web API arguments are built in plain functions: GCC 12 miscompiles braced initialiser lists
// inside coroutines ("array used as initializer").
json open_args(const core::UserId& user) {
    return {{"users", user.value}};
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

// The id of the channel called `name` on one page of conversations.list, and the page's next
// cursor in `cursor` ("" on the last page, or when the page is not shaped as documented).
std::optional<std::string> channel_named(const json& page, const std::string& name,
                                         std::string& cursor) {
    std::optional<std::string> error;
    const slack::JsonReader reader{page, "conversations.list", error};
    cursor = reader.string({"response_metadata", "next_cursor"}, Need::optional);
    const json* channels = reader.array({"channels"}, Need::required);
    if (error || channels == nullptr) {
        cursor.clear();
        return std::nullopt;
    }
    for (const json& channel : *channels) {
        const auto one = reader.child(channel, "channel");
        if (channel.is_object() && one.lenient_string({"name"}) == name)
            if (auto id = answer_string(channel, {"id"}))
                return id;
    }
    return std::nullopt;
}

json channel_result(const std::string& channel) {
    return {{"channel", channel}};
}

json posted_result(const std::string& channel, const std::string& ts) {
    return {{"channel", channel}, {"ts", ts}};
}

// What an earlier attempt at `pending` may have posted in `channel`: nothing to look for on a
// first attempt; nullopt when the history cannot be read, so that nothing is posted blind.
awaitable<std::optional<MarkedMessages>>
earlier_posts(slack::Api& api, const storage::PendingEffect& pending, const std::string& channel) {
    if (pending.attempts == 0)
        co_return MarkedMessages{};
    co_return co_await marked_since(api, channel, pending.created_at);
}

// Core named an escrowed incident the store does not hold: share the others, tell the operator.
void log_unknown_escrow(std::int64_t effect_id) {
    log(Level::error, "escrowed_report",
        {{"id", std::to_string(effect_id)}, {"outcome", "unknown_incident"}});
}

} // namespace

awaitable<Executor::Result> Executor::post(const storage::PendingEffect& pending,
                                           const core::Post& post) {
    std::string channel = post.channel.value;
    if (!post.to_user.empty()) {
        const auto opened = co_await api_.call("conversations.open", open_args(post.to_user));
        if (!opened.ok)
            co_return Result::from_error(opened);
        const auto id = answer_string(opened.body, {"channel", "id"});
        if (!id)
            co_return Result::unexpected("conversations.open");
        channel = *id;
    }
    const auto marked = co_await earlier_posts(api_, pending, channel);
    if (!marked)
        co_return Result::history_unavailable();
    const auto key = effect_key(pending.id);
    std::string ts;
    if (const auto it = marked->find(key); it != marked->end()) {
        ts = it->second;
    } else {
        const auto posted =
            co_await api_.call("chat.postMessage", marked_post_args(channel, post.message, key));
        if (!posted.ok)
            co_return Result::from_error(posted);
        const auto answered = answer_string(posted.body, {"ts"});
        if (!answered)
            co_return Result::unexpected("chat.postMessage");
        ts = *answered;
    }
    auto result = Result::done(posted_result(channel, ts));
    if (post.remember)
        result.posted = core::MessageRef{core::ChannelId{channel}, ts};
    co_return result;
}

awaitable<Executor::Result> Executor::share_escrowed(const storage::PendingEffect& pending,
                                                     const core::ShareEscrowedReports& share) {
    // The reports are read now, from the event store: their text never sits in the outbox.
    const auto& channel = share.channel.value;
    const auto marked = co_await earlier_posts(api_, pending, channel);
    if (!marked)
        co_return Result::history_unavailable();
    for (std::size_t i = 0; i < share.escrowed.size(); ++i) {
        const auto key = effect_key(pending.id, i);
        if (marked->contains(key))
            continue;
        const auto details = reads_.report_details(share.escrowed[i]);
        if (!details) {
            log_unknown_escrow(pending.id);
            continue;
        }
        const core::Message message{*details};
        const auto posted =
            co_await api_.call("chat.postMessage", marked_post_args(channel, message, key));
        if (!posted.ok)
            co_return Result::from_error(posted);
    }
    co_return Result::done();
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
        co_return Result::failed("not_retried");
    const auto sent = co_await api_.call("chat.postEphemeral", ephemeral_args(e));
    if (!sent.ok)
        co_return Result::failed(sent.error);
    co_return Result::done();
}

awaitable<Executor::Result> Executor::create_channel(const core::CreatePrivateChannel& create) {
    std::optional<std::string> id;
    const auto created = co_await api_.call("conversations.create", create_args(create));
    if (created.ok) {
        id = answer_string(created.body, {"channel", "id"});
        // Created, but the answer does not say as what: the retry finds it by its name.
        if (!id)
            co_return Result::unexpected("conversations.create");
    } else if (created.error == "name_taken") {
        // The name is deterministic, so "taken" means an earlier run created it: find it.
        id = co_await find_channel(create.name);
    } else {
        co_return Result::from_error(created);
    }
    if (!id)
        co_return Result::failed("name_taken_but_not_found");
    auto result = Result::done(channel_result(*id));
    result.report = core::ChannelCreated{create.incident, core::ChannelId{*id}, create.role};
    co_return result;
}

awaitable<std::optional<std::string>> Executor::find_channel(const std::string& name) {
    std::string cursor;
    for (int page = 0; page < 50; ++page) { // bounded: 50 pages of 200 channels
        const auto listed = co_await api_.get("conversations.list", list_query(cursor));
        if (!listed.ok)
            co_return std::nullopt;
        if (auto id = channel_named(listed.body, name, cursor))
            co_return id;
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
