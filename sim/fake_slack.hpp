// File: sim/fake_slack.hpp
// An in-memory, stateful Slack Web API on 127.0.0.1 for unit and end-to-end tests. It serves
// on its own thread; every accessor is safe to call from the test thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::sim {

struct RecordedCall {
    std::string method;      // e.g. "chat.postMessage"
    std::string http_method; // "POST" or "GET"
    nlohmann::json args;     // the JSON body, or form/query parameters as an object of strings
    std::string authorization;
    std::chrono::steady_clock::time_point at;
    nlohmann::json answer; // Slack's JSON answer, once given (null for a failure without one)
};

// Answers like Slack does (shapes of tests/fixtures/slack/api_*.json) and keeps the state that
// matters to cocbot: messages, channels and their members, opened views. The bot is "UBOT".
// Requests without "Authorization" (or a `token` argument) get `not_authed`, as on Slack.
// A user id given as a channel (chat.postMessage to "U1") means the DM "D" + id, as on Slack.
class FakeSlack {
public:
    struct Message {
        std::string channel, ts, text;
        nlohmann::json blocks;
        nlohmann::json metadata;
    };
    using Handler = std::function<nlohmann::json(const nlohmann::json& args)>;
    using CallsPredicate = std::function<bool(const std::vector<RecordedCall>&)>;

    FakeSlack(); // listens on 127.0.0.1, ephemeral port
    ~FakeSlack();
    FakeSlack(const FakeSlack&) = delete;
    FakeSlack& operator=(const FakeSlack&) = delete;

    std::uint16_t port() const;
    std::string base_url() const; // "http://127.0.0.1:<port>/api/"

    // Delays every response; other requests keep being served meanwhile.
    void set_delay(std::chrono::milliseconds delay);
    // The next `times` calls of `method` ("*": any method) get this HTTP status.
    void fail_next(std::string method, int http_status, int times,
                   std::optional<int> retry_after_seconds = {});
    // The next `times` calls of `method` ("*": any method) get 200 {"ok":false,"error":error}.
    void set_error(std::string method, std::string error, int times = 1);
    // A custom answer for `method`, replacing the default one (called on the server thread).
    void respond(std::string method, Handler handler);
    // A message someone other than the bot posted in `channel_id` (a busy channel).
    void add_message(std::string channel_id, std::string text);
    // conversations.history returns at most `messages` per page whatever the limit asked
    // (Slack may return fewer than asked); 0 restores the limit.
    void cap_history_pages(std::size_t messages);
    // The x-oauth-scopes header a bot token's answers carry ("a,b"); every scope cocbot needs
    // until this is called. An app-level token's carry connections:write.
    void set_scopes(std::string scopes);
    // The real name users.info gives for `user`.
    void set_real_name(std::string user, std::string real_name);
    // users.info then says the account is deactivated, or that there is no such user.
    enum class Gone { deactivated, unknown };
    void remove_user(std::string user, Gone how);
    // An existing channel (e.g. the committee channel) that invites and kicks may act on.
    void add_channel(std::string id, std::string name, std::set<std::string> members);
    // `user` leaves `channel_id` of their own accord (Slack then sends member_left_channel,
    // which the test delivers itself). False when they were not in it.
    bool remove_member(std::string_view channel_id, std::string_view user);
    // Closes every open connection from the server side, as an idle keep-alive timeout does.
    void drop_connections();

    std::vector<RecordedCall> calls() const;
    std::vector<RecordedCall> calls(std::string_view method) const;
    // Polls every ~10 ms until pred(calls()) holds or `timeout` passes; returns the last value.
    bool wait_for(const CallsPredicate& pred, std::chrono::milliseconds timeout) const;
    void clear_calls();
    int connections_accepted() const;

    // As they are now: chat.update replaces a message's text and blocks in place.
    std::vector<Message> messages(std::string_view channel) const; // oldest first
    std::optional<Message> message(std::string_view channel, std::string_view ts) const;
    // Whether a message in `channel` (a user id: their direct messages) shows `words`, in its
    // text or its blocks, as it reads now.
    bool shows(std::string_view channel, std::string_view words) const;
    std::optional<std::string> channel_id(std::string_view name) const;
    std::optional<std::string> channel_name(std::string_view channel_id) const;
    std::set<std::string> members(std::string_view channel_id) const;
    // conversations.archive closed it: posts and invites there now fail with is_archived.
    bool archived(std::string_view channel_id) const;
    std::set<std::string> archived_channels() const;  // ids
    std::vector<nlohmann::json> opened_views() const; // views.open payloads

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cocbot::sim
