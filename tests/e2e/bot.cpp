// File: tests/e2e/bot.cpp
#include "tests/e2e/bot.hpp"

#include "sim/eventually.hpp"
#include "sim/slack_signer.hpp"
#include "storage/jobs.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <csignal>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

using nlohmann::json;
namespace http = boost::beast::http;

namespace {

// Event ids are unique in the whole test run, so a restarted bot on the same database never
// takes a new event for one it has seen.
std::string next_event_id(const std::string& prefix) {
    static int next = 0;
    return prefix + std::to_string(++next);
}

} // namespace

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Bot::Bot(FakeSlack& slack, std::map<std::string, std::string> extra_env, const TestClock* clock)
    : slack_(slack), clock_(clock), port_(free_port()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "cocbot-e2e-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    folder_ = pattern;
    database_ = folder_ + "/cocbot.db";
    log_path_ = folder_ + "/cocbot.log";
    env_ = {
        {"SLACK_SIGNING_SECRET", signing_secret},
        {"SLACK_BOT_TOKEN", bot_token},
        {"COCBOT_HTTP_LISTEN", "127.0.0.1:" + std::to_string(port_)},
        {"COCBOT_SLACK_API_URL", slack_.base_url()},
        {"COCBOT_STORAGE_PATH", database_},
        {"COCBOT_COMMITTEE_CHANNEL", committee_channel},
        {"COCBOT_COMMITTEE_MEMBERS", "UALICE,UBOB,UCAROL"},
        // The fake Slack has no rate limits; the pacing test turns this back on.
        {"COCBOT_SLACK_PACING", "false"},
        // The daily audit head would land in the committee channel at a time of its own; the
        // audit test turns it back on.
        {"COCBOT_AUDIT_POST_HEAD", "false"},
        // Likewise the reminder at a quarter's start (the transparency test turns it on).
        {"COCBOT_TRANSPARENCY_REMIND", "false"},
        {"COCBOT_SAFETY_VENUE_SECURITY", "+1 555 0100"},
        {"COCBOT_SAFETY_CRISIS_LINE", "+1 555 0199"},
    };
    if (clock_)
        env_["COCBOT_TEST_CLOCK_FILE"] = clock_->file();
    for (auto& [key, value] : extra_env)
        env_[key] = value;
    database_ = env_["COCBOT_STORAGE_PATH"]; // a restarted bot may be given another's
    slack_.add_channel(committee_channel, "coc-committee", {"UALICE", "UBOB", "UCAROL", "UBOT"});
}

Bot::~Bot() {
    if (process_)
        process_->stop(SIGKILL, std::chrono::seconds(5));
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void Bot::launch() {
    process_ = std::make_unique<ChildProcess>(COCBOT_BINARY, std::vector<std::string>{"serve"},
                                              env_, log_path_);
}

void Bot::start() {
    launch();
    const bool healthy = eventually([&] { return !process_->running() || health().status == 200; },
                                    std::chrono::seconds(10));
    if (!healthy || !process_->running())
        FAIL("cocbot did not become healthy; its log:\n" << log());
}

void Bot::start_unready() {
    launch();
    const bool serving = eventually([&] { return !process_->running() || health().status != 0; },
                                    std::chrono::seconds(10));
    if (!serving || !process_->running())
        FAIL("cocbot did not start serving; its log:\n" << log());
}

std::optional<int> Bot::run_to_exit(std::chrono::milliseconds timeout) {
    launch();
    return process_->wait(timeout);
}

void Bot::kill() {
    REQUIRE(process_);
    process_->stop(SIGKILL, std::chrono::seconds(5));
}

int Bot::terminate() {
    REQUIRE(process_);
    const auto status = process_->stop(SIGTERM, std::chrono::seconds(15));
    REQUIRE(status.has_value());
    return *status;
}

std::int64_t Bot::unix_time() const {
    return clock_ ? clock_->unix_now() : unix_now();
}

HttpResponse Bot::health(bool verbose) {
    return http_request(port_, http::verb::get, verbose ? "/healthz?verbose" : "/healthz", {}, {},
                        std::chrono::seconds(1));
}

int Bot::effects(const std::string& state) const {
    SQLite::Database db(database_, SQLite::OPEN_READONLY);
    SQLite::Statement count(db, "SELECT count(*) FROM outbox WHERE state = ?");
    count.bind(1, state);
    count.executeStep();
    return count.getColumn(0).getInt();
}

int Bot::sealed_values() const {
    SQLite::Database db(database_, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM event_secrets WHERE data LIKE 's1:%'").getInt();
}

bool Bot::idle() const {
    SQLite::Database db(database_, SQLite::OPEN_READONLY);
    return storage::nothing_due(db, unix_time());
}

bool Bot::wait_idle(std::chrono::milliseconds timeout) const {
    return eventually([&] { return idle(); }, timeout);
}

HttpResponse Bot::send_signed_at(const std::string& content_type, const std::string& body,
                                 std::int64_t unix_time) {
    return http_request(port_, http::verb::post, "/slack/events", body,
                        slack_headers(signing_secret, body, content_type, unix_time));
}

void Bot::use_socket_mode(FakeSocketMode& socket) {
    socket_ = &socket;
    env_["SLACK_APP_TOKEN"] = app_token;
}

HttpResponse Bot::send(const std::string& content_type, const std::string& body) {
    if (socket_)
        return socket_->exchange(content_type, body);
    return send_signed_at(content_type, body, unix_time());
}

HttpResponse Bot::payload(const json& payload) {
    return send("application/x-www-form-urlencoded", payload_body(payload));
}

HttpResponse Bot::slash(const std::string& user, const std::string& text,
                        const std::string& trigger) {
    return slash_command(user, "C0GENERAL", text, trigger);
}

HttpResponse Bot::slash_in(const std::string& user, const std::string& channel,
                           const std::string& text) {
    return slash_command(user, channel, text, "trigger-1");
}

HttpResponse Bot::slash_command(const std::string& user, const std::string& channel,
                                const std::string& text, const std::string& trigger) {
    return send("application/x-www-form-urlencoded",
                slash_command_body(user, channel, text, trigger));
}

HttpResponse Bot::submit_report(const std::string& user, const ReportInput& input,
                                std::string view_id) {
    if (view_id.empty())
        view_id = "V" + std::to_string(++views_);
    return payload(report_submission(user, view_id, input));
}

HttpResponse Bot::click(const std::string& user, const std::string& action_id,
                        const std::string& value, const std::string& channel,
                        const std::string& message_ts) {
    return payload(button_click(user, action_id, value, channel, message_ts));
}

HttpResponse Bot::ballot(const std::string& user, const std::string& reference, int number,
                         bool yes, const std::string& channel) {
    return click(user, yes ? "ballot_yes" : "ballot_no", reference + "/" + std::to_string(number),
                 channel);
}

HttpResponse Bot::select_user(const std::string& user, const std::string& action_id,
                              const std::string& block_id, const std::string& selected,
                              const std::string& channel) {
    return payload(user_selection(user, action_id, block_id, selected, channel));
}

HttpResponse Bot::submit_view(const std::string& user, const std::string& callback_id,
                              const std::string& private_metadata, const json& values) {
    return payload(view_submission(user, callback_id, private_metadata, values));
}

HttpResponse Bot::member_joined(const std::string& user, const std::string& channel) {
    return event(channel_event(next_event_id("EvMember"), "member_joined_channel", user, channel,
                               unix_time()));
}

HttpResponse Bot::member_left(const std::string& user, const std::string& channel) {
    return event(channel_event(next_event_id("EvMember"), "member_left_channel", user, channel,
                               unix_time()));
}

HttpResponse Bot::home_opened(const std::string& user) {
    return event(home_opened_event(next_event_id("EvHome"), user, unix_time()));
}

HttpResponse Bot::event(const json& envelope) {
    return send("application/json", envelope.dump());
}

std::string Bot::log() const {
    return read_file(log_path_);
}

std::string Bot::stored_bytes() const {
    std::string bytes;
    for (const auto* suffix : {"", "-wal", "-shm", "-journal"})
        bytes += read_file(database_ + suffix);
    return bytes;
}

} // namespace cocbot::testing
