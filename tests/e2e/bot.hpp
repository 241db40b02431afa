// File: tests/e2e/bot.hpp
// The real cocbot binary on 127.0.0.1, configured against a FakeSlack, driven by signed requests
// shaped like Slack's own, and watched through its database file.
#pragma once

#include "sim/fake_slack.hpp"
#include "sim/fake_socket_mode.hpp"
#include "sim/http_client.hpp"
#include "sim/slack_requests.hpp"
#include "tests/e2e/test_clock.hpp"
#include "tests/support/process.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

inline const std::string committee_channel = "C0COMMITTEE";
inline const std::string signing_secret = "e2e-signing-secret";
inline const std::string bot_token = "xoxb-e2e-token";
inline const std::string app_token = "xapp-e2e-token";

std::int64_t unix_now();

class Bot {
public:
    // Each Bot has its own data folder; it survives kill() and start() so restarts see it.
    // With a `clock`, the bot runs on it, and requests are signed at its time.
    explicit Bot(FakeSlack& slack, std::map<std::string, std::string> extra_env = {},
                 const TestClock* clock = nullptr);
    ~Bot();

    // From the next start, Slack's requests come over Socket Mode from `socket` instead of
    // HTTP (SLACK_APP_TOKEN is set and nothing else); send() and all that use it go there.
    void use_socket_mode(FakeSocketMode& socket);

    // Changes the environment of the next start (a configuration edited between restarts).
    void set_env(const std::string& key, std::string value) { env_[key] = std::move(value); }

    void start(); // launches and waits (bounded) until GET /healthz answers 200
    // Launches and waits (bounded) until GET /healthz answers at all, healthy or not.
    void start_unready();
    // Launches and waits (bounded) for the process to exit by itself: its exit status.
    std::optional<int> run_to_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void kill();     // SIGKILL: no chance to clean up
    int terminate(); // SIGTERM: returns the exit status

    std::uint16_t port() const { return port_; }
    const std::string& database_path() const { return database_; } // COCBOT_STORAGE_PATH
    // The time now for this bot, as Unix seconds: its test clock's, or the system's.
    std::int64_t unix_time() const;

    HttpResponse send(const std::string& content_type, const std::string& body);
    HttpResponse send_signed_at(const std::string& content_type, const std::string& body,
                                std::int64_t unix_time);
    HttpResponse slash(const std::string& user, const std::string& text,
                       const std::string& trigger = "trigger-1");
    // `/coc <text>` typed in `channel` (an incident's channel for vote and timeline).
    HttpResponse slash_in(const std::string& user, const std::string& channel,
                          const std::string& text);
    // Submits the report modal: a new modal each time, unless `view_id` names one submitted
    // before (Slack's retry, or Submit pressed twice).
    HttpResponse submit_report(const std::string& user, const ReportInput& input,
                               std::string view_id = {});
    // A button pressed on the message at `message_ts` in `channel`.
    HttpResponse click(const std::string& user, const std::string& action_id,
                       const std::string& value, const std::string& channel,
                       const std::string& message_ts = "1.0");
    // ballot_yes / ballot_no on motion `number` of `reference`'s incident.
    HttpResponse ballot(const std::string& user, const std::string& reference, int number, bool yes,
                        const std::string& channel);
    // A users_select in an actions block named `block_id`.
    HttpResponse select_user(const std::string& user, const std::string& action_id,
                             const std::string& block_id, const std::string& selected,
                             const std::string& channel);
    // Submits a modal other than the report form: callback id, private_metadata and values.
    HttpResponse submit_view(const std::string& user, const std::string& callback_id,
                             const std::string& private_metadata, const nlohmann::json& values);
    HttpResponse event(const nlohmann::json& envelope);
    // A member_joined_channel event, as Slack delivers it.
    HttpResponse member_joined(const std::string& user, const std::string& channel);
    // A member_left_channel event, as Slack delivers it (see FakeSlack::remove_member).
    HttpResponse member_left(const std::string& user, const std::string& channel);
    HttpResponse home_opened(const std::string& user);

    // GET /healthz, or /healthz?verbose with every check.
    HttpResponse health(bool verbose = false);
    // Outbox rows in `state` (pending, done, failed), read from the database file.
    int effects(const std::string& state) const;
    int pending_effects() const { return effects("pending"); }
    // Values stored sealed (event_secrets rows), read from the database file.
    int sealed_values() const;
    // Waits (bounded) until nothing more will reach Slack by itself: no effect is pending and
    // no deadline check is due on the bot's clock. Wait for this before a "nothing happened"
    // check: it cannot pass merely because the bot is slow.
    bool wait_idle(std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

    std::string log() const;
    // Every byte cocbot keeps on disk: the database and its write-ahead log.
    std::string stored_bytes() const;

private:
    void launch();
    bool idle() const;
    HttpResponse slash_command(const std::string& user, const std::string& channel,
                               const std::string& text, const std::string& trigger);
    HttpResponse payload(const nlohmann::json& payload);

    FakeSlack& slack_;
    const TestClock* clock_;
    FakeSocketMode* socket_ = nullptr;
    std::map<std::string, std::string> env_;
    std::string folder_;
    std::string database_;
    std::string log_path_;
    std::uint16_t port_;
    std::unique_ptr<ChildProcess> process_;
    int views_ = 0;
};

} // namespace cocbot::testing
