// File: bot/app/doctor.cpp
#include "bot/app/doctor.hpp"

#include "bot/app/service.hpp"
#include "bot/slack/json_reader.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

#include <filesystem>
#include <unistd.h>

namespace cocbot::app {

namespace {

using Need = slack::JsonReader::Need;

slack::WebApiOptions api_options(const config::Config& config, std::string token) {
    return {.base_url = config.slack.api_url, .token = std::move(token), .max_attempts = 2};
}

// What to do about a token Slack refused, by Slack's error.
std::string token_fix(const std::string& error, std::string_view variable, std::string_view where,
                      const std::string& api_url) {
    if (error == "timeout" || error == "connection_failed" || error == "tls_failed")
        return "cannot reach Slack at " + api_url + " (" + error +
               "): check the network, or slack.api_url";
    if (error == "token_revoked" || error == "account_inactive" || error == "app_uninstalled")
        return "Slack says " + error + ": reinstall the app and put its new token in " +
               std::string{variable};
    if (error == "ratelimited" || error == "invalid_response" || error.starts_with("http_") ||
        error == "internal_error" || error == "fatal_error")
        return "Slack did not answer properly (" + error + "): try again in a minute";
    return "Slack refuses " + std::string{variable} + " (" + error + "): copy it again from " +
           std::string{where};
}

// Whether the data key opens the database, without making a key file; throws saying why not.
std::string key_check(SQLite::Database& db, const config::Config& config) {
    if (!db.tableExists("seal_check") || !storage::is_sealed(db))
        return "not sealed yet: the next start seals it, with the key in " +
               (config.storage.data_key.empty() ? config.storage.key_file_or_default()
                                                : std::string{"COCBOT_DATA_KEY"});
    bool created = false;
    const storage::Sealer sealer{storage::obtain_key(key_source(config), true, created)};
    storage::check_key(db, sealer, config.storage.path);
    return "the data key opens it";
}

} // namespace

int doctor(const config::Config& config, std::FILE* out) {
    net::io_context io;
    Doctor checks{config, io.get_executor(), out};
    // A check that throws ends the run here, for main to report, rather than vanish.
    net::co_spawn(io, checks.run(), [](const std::exception_ptr& failure) {
        if (failure)
            std::rethrow_exception(failure);
    });
    io.run();
    const int failed = checks.failures();
    if (failed == 0)
        std::fprintf(out, "All checks passed.\n");
    else
        std::fprintf(out, "%d %s failed.\n", failed, failed == 1 ? "check" : "checks");
    return checks.failures() == 0 ? 0 : 1;
}

Doctor::Doctor(const config::Config& config, net::any_io_executor executor, std::FILE* out)
    : config_(config), out_(out), api_(executor, api_options(config, config.slack.bot_token)) {
    if (config.slack.mode == config::SlackMode::socket)
        app_api_.emplace(executor, api_options(config, config.slack.app_token));
}

awaitable<void> Doctor::run() {
    const bool signed_in = co_await bot_token(); // not in the if: GCC 12 traps on that
    if (signed_in) {
        co_await app_token();
        co_await committee_channel();
        co_await people();
        co_await private_channels();
    } else {
        std::fprintf(out_, "skip  app-level token, committee channel, people, private channels: "
                           "they need a bot token Slack accepts\n");
    }
    database();
}

void Doctor::pass(std::string_view check, const std::string& detail) {
    std::fprintf(out_, "ok    %.*s: %s\n", static_cast<int>(check.size()), check.data(),
                 detail.c_str());
    std::fflush(out_);
}

void Doctor::fail(std::string_view check, const std::string& fix) {
    ++failures_;
    std::fprintf(out_, "FAIL  %.*s: %s\n", static_cast<int>(check.size()), check.data(),
                 fix.c_str());
    std::fflush(out_);
}

awaitable<bool> Doctor::bot_token() {
    const auto auth = co_await api_.call("auth.test", nlohmann::json::object());
    std::optional<std::string> error;
    const slack::JsonReader reader{auth.body, "auth.test", error};
    bot_user_ = auth.ok ? reader.string({"user_id"}, Need::required) : std::string{};
    const auto team = auth.ok ? reader.string({"team"}, Need::optional) : std::string{};
    if (!auth.ok || error || bot_user_.empty()) {
        fail("bot token",
             token_fix(auth.ok ? "unexpected_answer" : auth.error, "SLACK_BOT_TOKEN",
                       "OAuth & Permissions → Bot User OAuth Token", config_.slack.api_url));
        co_return false;
    }
    pass("bot token", "cocbot is " + bot_user_ + " in the workspace " + team);
    scopes(auth.scopes);
    co_return true;
}

awaitable<void> Doctor::app_token() {
    if (!app_api_) {
        pass("app-level token", "not needed: slack.mode is http (Slack posts to /slack/events)");
        co_return;
    }
    // A URL for one connection, never used: Slack lets it lapse.
    const auto opened = co_await app_api_->call("apps.connections.open", nlohmann::json::object());
    if (opened.ok)
        pass("app-level token", "Socket Mode can connect");
    else
        fail("app-level token",
             opened.error == "not_allowed_token_type"
                 ? "SLACK_APP_TOKEN is not an app-level token (xapp-…): make one under Basic "
                   "Information → App-Level Tokens with connections:write"
                 : token_fix(opened.error, "SLACK_APP_TOKEN",
                             "Basic Information → App-Level Tokens", config_.slack.api_url));
}

void Doctor::database() {
    namespace fs = std::filesystem;
    const fs::path path = config_.storage.path;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        const auto folder = path.has_parent_path() ? path.parent_path() : fs::path{"."};
        if (::access(folder.c_str(), W_OK) == 0)
            pass("database",
                 path.string() + " does not exist yet: cocbot makes it at its first start");
        else
            fail("database",
                 "cannot write in " + folder.string() +
                     ", where storage.path says the database goes: fix its owner or mode");
        return;
    }
    if (const auto exposed = storage::exposed_files(path.string()); !exposed.empty()) {
        std::string files;
        for (const auto& file : exposed)
            files += " " + file;
        fail("database", "others may read or write" + files +
                             ", and cocbot will not start: run chmod 600" + files);
        return;
    }
    try {
        SQLite::Database db{path.string(), SQLite::OPEN_READWRITE, 2000};
        const int version = storage::schema_version(db);
        const int latest = storage::latest_schema_version();
        db.exec("BEGIN IMMEDIATE"); // the write lock, taken and given back: nothing is written
        db.exec("ROLLBACK");
        if (version > latest)
            fail("database", path.string() + " was written by a newer cocbot (schema " +
                                 std::to_string(version) + ", this one knows " +
                                 std::to_string(latest) + "): run that version");
        else if (version < latest)
            fail("database", path.string() + " has schema " + std::to_string(version) + " of " +
                                 std::to_string(latest) +
                                 ": start cocbot serve once, which migrates it first");
        else
            pass("database", path.string() + " is writable and its schema is current (" +
                                 std::to_string(version) + "); " + key_check(db, config_));
    } catch (const SQLite::Exception& e) {
        fail("database", storage::is_busy(e)
                             ? path.string() + " stayed locked by another process for 2 s (a "
                                               "long write or a sqlite3 shell): try again"
                             : "cannot open and write " + path.string() + " (" +
                                   storage::error_class(e) + "): check its owner and mode");
    } catch (const std::exception& e) { // the key's own words, which never hold the key
        fail("database", e.what());
    }
}

} // namespace cocbot::app
