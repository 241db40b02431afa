// File: bot/app/doctor.hpp
// `cocbot doctor`: checks an installation against the real Slack and its own database, one line
// per check, each either "ok" or what to fix. Nothing it does stays: the throw-away channel it
// makes is archived, the database is only read and its write lock taken and released.
#pragma once

#include "bot/net.hpp"
#include "bot/slack/web_api.hpp"
#include "config/config.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace cocbot::app {

// 0 when every check passed, 1 otherwise.
int doctor(const config::Config& config, std::FILE* out);

class Doctor {
public:
    Doctor(const config::Config& config, net::any_io_executor executor, std::FILE* out);

    awaitable<void> run();
    int failures() const { return failures_; }

private:
    // doctor.cpp: the tokens, and the database.
    awaitable<bool> bot_token();
    awaitable<void> app_token();
    void database();
    // doctor_checks.cpp: the scopes, the committee's channel and people, a throw-away channel.
    void scopes(const std::optional<std::string>& granted);
    awaitable<void> committee_channel();
    awaitable<void> people();
    awaitable<void> private_channels();
    awaitable<std::string> let_in_and_out(std::string channel);
    awaitable<std::string> name_of(const std::string& user);

    void pass(std::string_view check, const std::string& detail);
    void fail(std::string_view check, const std::string& fix);

    const config::Config& config_;
    std::FILE* out_;
    slack::WebApi api_;
    std::optional<slack::WebApi> app_api_; // Socket Mode's app-level token
    std::string bot_user_;
    int failures_ = 0;
};

} // namespace cocbot::app
