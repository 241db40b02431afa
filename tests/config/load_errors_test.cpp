// File: tests/config/load_errors_test.cpp
// Configuration that cannot be used: every error names its key, says what is wrong and where
// the value came from, and never shows a secret.
#include "config/load.hpp"
#include "tests/config/load_env.hpp"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <string_view>

using namespace std::chrono_literals;
using namespace cocbot::testing;
using cocbot::config::load;

namespace {

bool has_error_starting(const LoadResult& result, std::string_view prefix) {
    return std::ranges::any_of(result.errors,
                               [&](const std::string& error) { return error.starts_with(prefix); });
}

} // namespace

TEST_SUITE("config load") {
    TEST_CASE("every invalid value is an error naming its key") {
        struct Case {
            std::string var;
            std::string value;
            std::string key;
        };
        const std::array<Case, 66> cases{{
            {"COCBOT_HTTP_METRICS_PUBLIC", "yes", "http.metrics_public"},
            {"COCBOT_COMMITTEE_CHAIR", "alice", "committee.chair"},
            {"COCBOT_COMMITTEE_CHAIR", "U0NOTAMEMBER", "committee.chair"}, // not on the roster
            {"COCBOT_DEADLINES_CHECKIN_ANSWER", "14", "deadlines.checkin_answer"},
            {"COCBOT_HTTP_METRICS_PUBLIC", "", "http.metrics_public"},
            {"COCBOT_HTTP_LISTEN", "localhost", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "127.0.0.1:", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "127.0.0.1:0", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "127.0.0.1:65536", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "127.0.0.1:http", "http.listen"},
            {"COCBOT_HTTP_LISTEN", ":3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "::1:3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "[::1:3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "[::1]3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "[not-v6]:3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "bad_host:3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "999.1.1.1:3000", "http.listen"},
            {"COCBOT_HTTP_LISTEN", "-bad.example:3000", "http.listen"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "0", "http.max_connections"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "-1", "http.max_connections"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "", "http.max_connections"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "many", "http.max_connections"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "2.5", "http.max_connections"},
            {"COCBOT_HTTP_MAX_CONNECTIONS", "1000001", "http.max_connections"},
            {"COCBOT_OUTBOX_MAX_ATTEMPTS", "0", "outbox.max_attempts"},
            {"COCBOT_OUTBOX_MAX_ATTEMPTS", "101", "outbox.max_attempts"},
            {"COCBOT_OUTBOX_MAX_ATTEMPTS", "three", "outbox.max_attempts"},
            {"COCBOT_OUTBOX_FIRST_RETRY", "soon", "outbox.first_retry"},
            {"COCBOT_OUTBOX_ALERT_AFTER", "5", "outbox.alert_after"},
            {"COCBOT_SLACK_API_URL", "http://slack.com/api/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "http://10.0.0.1/api/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "http://127.0.0.1@evil.example/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "http://localhost.evil.example/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "ftp://slack.com/api/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "slack.com/api/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "https://", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "https://slack.com:0/api/", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "https://slack.com/api/?x=1", "slack.api_url"},
            {"COCBOT_SLACK_API_URL", "https://slack com/api/", "slack.api_url"},
            {"COCBOT_STORAGE_PATH", "", "storage.path"},
            {"COCBOT_COMMITTEE_CHANNEL", "", "committee.channel"},
            {"COCBOT_COMMITTEE_CHANNEL", "#coc-committee", "committee.channel"},
            {"COCBOT_COMMITTEE_CHANNEL", "c0123456789", "committee.channel"},
            {"COCBOT_COMMITTEE_CHANNEL", "U0123456789", "committee.channel"},
            {"COCBOT_COMMITTEE_MEMBERS", "U0123, @alice", "committee.members"},
            {"COCBOT_COMMITTEE_HR", "C0123", "committee.hr"},
            {"COCBOT_COMMITTEE_LEADERSHIP", "u0123", "committee.leadership"},
            {"COCBOT_DEADLINES_ACKNOWLEDGE", "0", "deadlines.acknowledge"},
            {"COCBOT_DEADLINES_DECISION", "7x", "deadlines.decision"},
            {"COCBOT_DEADLINES_REPORTER_UPDATE", "-1h", "deadlines.reporter_update"},
            {"COCBOT_DEADLINES_MEMBERSHIP_REVIEW", "6 months", "deadlines.membership_review"},
            {"COCBOT_DEADLINES_OWNER_NUDGE", "1 day", "deadlines.owner_nudge"},
            {"COCBOT_DEADLINES_CONFLICT_NUDGE", "0", "deadlines.conflict_nudge"},
            {"COCBOT_WORKSPACE_TIMEZONE", "Mars/Olympus_Mons", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "../../../etc/passwd", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "Europe/../UTC", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "/etc/localtime", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "Europe", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "zone.tab", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "", "workspace.timezone"},
            {"COCBOT_WORKSPACE_TIMEZONE", "utc", "workspace.timezone"},
            {"COCBOT_RETENTION_NO_VIOLATION", "0", "retention.no_violation"},
            {"COCBOT_RETENTION_RESOLVED", "14 months", "retention.resolved"},
            {"COCBOT_RETENTION_ESCROW", "-1d", "retention.escrow"},
            {"COCBOT_RETENTION_ESCROW", "", "retention.escrow"},
            {"COCBOT_AUDIT_POST_HEAD", "daily", "audit.post_head"},
        }};
        for (const auto& [var, value, key] : cases) {
            CAPTURE(var);
            CAPTURE(value);
            const auto result = load("", "", with(minimal_env(), var, value));
            CHECK_FALSE(result.config);
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with(key + ": "));
        }
    }

    TEST_CASE("messages say what is wrong and where the value came from") {
        const auto result = load("[deadlines]\ndecision = \"7x\"\n", "",
                                 with(minimal_env(), "COCBOT_HTTP_LISTEN", "x"));
        REQUIRE(result.errors.size() == 2);
        CHECK(result.errors[0] == "http.listen: 'x' is not host:port (e.g. 127.0.0.1:3000 or "
                                  "[::1]:3000); set by COCBOT_HTTP_LISTEN");
        CHECK(result.errors[1] ==
              "deadlines.decision: '7x' is not a duration (use s, m, h or d, e.g. 24h)");
    }

    TEST_CASE("metrics_public takes a TOML boolean in the file, true or false in the environment") {
        const auto quoted = load("[http]\nmetrics_public = \"true\"\n", "", minimal_env());
        REQUIRE(quoted.errors.size() == 1);
        CHECK(quoted.errors.front() == "http.metrics_public: expected true or false, got a string");
        const auto word = load("", "", with(minimal_env(), "COCBOT_HTTP_METRICS_PUBLIC", "on"));
        REQUIRE(word.errors.size() == 1);
        CHECK(word.errors.front() == "http.metrics_public: 'on' is not true or false; set by "
                                     "COCBOT_HTTP_METRICS_PUBLIC");
    }

    TEST_CASE("a bad connection limit names its key, the accepted range and where it was set") {
        const auto from_env = load("", "", with(minimal_env(), "COCBOT_HTTP_MAX_CONNECTIONS", "0"));
        REQUIRE(from_env.errors.size() == 1);
        CHECK(from_env.errors.front() ==
              "http.max_connections: '0' is not a number of connections (a whole number from 1 "
              "to 1000000, e.g. 256); set by COCBOT_HTTP_MAX_CONNECTIONS");
        const auto from_file = load("[http]\nmax_connections = -3\n", "", minimal_env());
        REQUIRE(from_file.errors.size() == 1);
        CHECK(from_file.errors.front().starts_with(
            "http.max_connections: '-3' is not a number of connections"));
    }

    TEST_CASE("a missing committee channel is an error that says where to set it") {
        Environment env = minimal_env();
        env.erase("COCBOT_COMMITTEE_CHANNEL");
        const auto result = load("", "", env);
        REQUIRE(result.errors.size() == 1);
        CHECK(
            result.errors.front() ==
            "committee.channel: required (set it in the config file or COCBOT_COMMITTEE_CHANNEL)");
    }

    TEST_CASE("missing secrets are errors naming the variable") {
        SUBCASE("signing secret") {
            Environment env = minimal_env();
            env.erase("SLACK_SIGNING_SECRET");
            const auto result = load("", "", env);
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with("SLACK_SIGNING_SECRET: required"));
        }
        SUBCASE("bot token, also when blank") {
            const auto result = load("", "", with(minimal_env(), "SLACK_BOT_TOKEN", "  "));
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with("SLACK_BOT_TOKEN: required"));
        }
        SUBCASE("the app token is optional and read when set") {
            CHECK(load("", "", minimal_env()).config);
            const auto result =
                load("", "", with(minimal_env(), "SLACK_APP_TOKEN", "xapp-1-A0-1-abcdef"));
            REQUIRE_MESSAGE(result.config, all_errors(result));
            CHECK(result.config->slack.app_token == "xapp-1-A0-1-abcdef");
        }
    }

    TEST_CASE("secrets written in the file are errors") {
        const std::array<std::pair<std::string_view, std::string_view>, 3> cases{{
            {"signing_secret", "SLACK_SIGNING_SECRET"},
            {"bot_token", "SLACK_BOT_TOKEN"},
            {"app_token", "SLACK_APP_TOKEN"},
        }};
        for (const auto& [key, var] : cases) {
            CAPTURE(key);
            const auto text =
                "[slack]\n" + std::string(key) + " = \"" + std::string(bot_token) + "\"\n";
            const auto result = load(text, "cocbot.toml", minimal_env());
            CHECK_FALSE(result.config);
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front() == "slack." + std::string(key) +
                                               ": secrets come only from the environment (" +
                                               std::string(var) + ")");
        }
    }

    TEST_CASE("unknown sections and keys in the file are errors naming them") {
        SUBCASE("section") {
            const auto result = load("[htttp]\nlisten = \"127.0.0.1:1\"\n", "", minimal_env());
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with("htttp: unknown section"));
        }
        SUBCASE("key") {
            const auto result = load("[deadlines]\ndecison = \"7d\"\n", "", minimal_env());
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with("deadlines.decison: unknown key"));
            CHECK(result.errors.front().find("decision") != std::string::npos);
        }
        SUBCASE("top-level key") {
            const auto result = load("listen = \"127.0.0.1:1\"\n", "", minimal_env());
            REQUIRE(result.errors.size() == 1);
            CHECK(result.errors.front().starts_with("listen: unknown section"));
        }
    }

    TEST_CASE("wrong TOML types are errors naming the key") {
        struct Case {
            std::string text;
            std::string prefix;
        };
        const std::array<Case, 9> cases{{
            {"[http]\nlisten = 3000\n", "http.listen: expected a string"},
            {"[http]\nmax_connections = \"256\"\n",
             "http.max_connections: expected a whole number such as 256, got a string"},
            {"[http]\nmax_connections = 2.5\n", "http.max_connections: expected a whole number"},
            {"[http]\nmax_connections = true\n", "http.max_connections: expected a whole number"},
            {"[deadlines]\ndecision = 7\n", "deadlines.decision: expected a string"},
            {"[committee]\nmembers = \"U01\"\n", "committee.members: expected an array of strings"},
            {"[committee]\nhr = [\"U01\", 2]\n", "committee.hr[1]: expected a string"},
            {"deadlines = 5\n", "deadlines: expected a table"},
            {"[http.listen]\nhost = \"x\"\n", "http.listen: expected a string"},
        }};
        for (const auto& [text, prefix] : cases) {
            CAPTURE(text);
            const auto result = load(text, "", minimal_env());
            CHECK_FALSE(result.config);
            CHECK_MESSAGE(has_error_starting(result, prefix), all_errors(result));
        }
    }

    TEST_CASE("TOML syntax errors name the file, line and column") {
        const auto result = load("[http]\nlisten = \n", "/etc/cocbot.toml", minimal_env());
        CHECK_FALSE(result.config);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors.front().starts_with("/etc/cocbot.toml:2:"));
        SUBCASE("and nothing is claimed missing that the broken file may hold") {
            Environment env = minimal_env();
            env.erase("COCBOT_COMMITTEE_CHANNEL");
            const auto broken = load("[committee]\nchannel = C01\n", "cocbot.toml", env);
            REQUIRE(broken.errors.size() == 1);
            CHECK(broken.errors.front().starts_with("cocbot.toml:2:"));
        }
    }

    TEST_CASE("control characters in an echoed value are masked") {
        const auto result =
            load("", "", with(minimal_env(), "COCBOT_COMMITTEE_CHANNEL", "C01\nFORGED\x1b[0m"));
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors.front().find('\n') == std::string::npos);
        CHECK(result.errors.front().find('\x1b') == std::string::npos);
        CHECK(result.errors.front().find("'C01?FORGED?[0m'") != std::string::npos);
    }

    TEST_CASE("all errors are reported, not only the first") {
        Environment env;
        env["COCBOT_HTTP_LISTEN"] = "nowhere";
        env["COCBOT_DEADLINES_DECISION"] = "soon";
        const auto result = load("[slack]\nbot_token = \"x\"\n[nope]\n", "", env);
        CHECK_FALSE(result.config);
        CHECK(has_error_starting(result, "http.listen: "));
        CHECK(has_error_starting(result, "deadlines.decision: "));
        CHECK(has_error_starting(result, "slack.bot_token: "));
        CHECK(has_error_starting(result, "nope: "));
        CHECK(has_error_starting(result, "committee.channel: required"));
        CHECK(has_error_starting(result, "SLACK_SIGNING_SECRET: "));
        CHECK(has_error_starting(result, "SLACK_BOT_TOKEN: "));
        CHECK(result.errors.size() == 7);
    }

    TEST_CASE("no error message contains a secret value") {
        const std::string app_token = "xapp-1-A0123-456-0123456789abcdef";
        Environment env = minimal_env();
        env["SLACK_APP_TOKEN"] = app_token;
        // Secrets pasted where ordinary values belong, and into the file.
        env["COCBOT_COMMITTEE_CHANNEL"] = std::string(signing_secret);
        env["COCBOT_COMMITTEE_MEMBERS"] = "U01," + std::string(bot_token);
        env["COCBOT_DEADLINES_DECISION"] = app_token;
        env["COCBOT_HTTP_LISTEN"] = "[" + std::string(bot_token) + "]:1";
        const std::string file = "[slack]\nsigning_secret = \"file-secret-value-123\"\n"
                                 "bot_token = \"" +
                                 std::string(bot_token) + "\"\n";
        const auto result = load(file, "", env);
        CHECK_FALSE(result.config);
        CHECK(result.errors.size() == 6);
        for (const auto& error : result.errors) {
            CAPTURE(error);
            CHECK(error.find(signing_secret) == std::string::npos);
            CHECK(error.find(bot_token) == std::string::npos);
            CHECK(error.find(app_token) == std::string::npos);
            CHECK(error.find("file-secret-value-123") == std::string::npos);
        }
    }
}
