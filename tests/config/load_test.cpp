// File: tests/config/load_test.cpp
// Loading configuration from TOML text and the environment: defaults, overrides, errors.
#include "config/load.hpp"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unistd.h>

using namespace std::chrono_literals;
using cocbot::config::Config;
using cocbot::config::Environment;
using cocbot::config::load;
using cocbot::config::load_file;
using cocbot::config::LoadResult;

namespace {

constexpr std::string_view signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::string_view bot_token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

// The least a deployment must set: secrets and the committee channel.
Environment minimal_env() {
    return Environment{{"SLACK_SIGNING_SECRET", std::string(signing_secret)},
                       {"SLACK_BOT_TOKEN", std::string(bot_token)},
                       {"COCBOT_COMMITTEE_CHANNEL", "C0123456789"}};
}

Environment with(Environment env, const std::string& name, const std::string& value) {
    env.insert_or_assign(name, value);
    return env;
}

std::string all_errors(const LoadResult& result) {
    std::string text;
    for (const auto& error : result.errors)
        text += error + "\n";
    return text;
}

bool has_error_starting(const LoadResult& result, std::string_view prefix) {
    return std::ranges::any_of(result.errors,
                               [&](const std::string& error) { return error.starts_with(prefix); });
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

const std::filesystem::path example_path =
    std::filesystem::path(COCBOT_FIXTURES_DIR "/../../config/cocbot.example.toml");

constexpr std::string_view full_file = R"(
[http]
listen = "0.0.0.0:8080"
max_connections = 64

[slack]
api_url = "https://slack.example.org/api"

[storage]
path = "/var/lib/cocbot/cocbot.db"

[committee]
channel = "G0FILE0001"
members = ["U0AAA0001", "W0BBB0002"]
hr = ["U0HR00001"]
leadership = ["U0LEAD001", "U0LEAD002"]

[deadlines]
acknowledge = "12h"
decision = "5d"
reporter_update = "1d12h"
membership_review = "90d"
owner_nudge = "6h"
conflict_nudge = "2d"

[outbox]
max_attempts = 3
first_retry = "30s"
alert_after = "15m"

[safety]
venue_security = "+1 555 0100"
crisis_line = "+1 555 0199"

[workspace]
timezone = "UTC"
)";

} // namespace

TEST_SUITE("config load") {
    TEST_CASE("defaults apply when only the secrets and the channel are set") {
        const auto result = load("", "test.toml", minimal_env());
        REQUIRE_MESSAGE(result.config, all_errors(result));
        const Config& config = *result.config;
        CHECK(result.errors.empty());
        CHECK(config.http.listen.host == "127.0.0.1");
        CHECK(config.http.listen.port == 3000);
        CHECK(config.http.max_connections == 256);
        CHECK(config.outbox.max_attempts == 8);
        CHECK(config.outbox.first_retry == 5s);
        CHECK(config.outbox.alert_after == 5min);
        CHECK(config.slack.api_url == "https://slack.com/api/");
        CHECK(config.slack.signing_secret == signing_secret);
        CHECK(config.slack.bot_token == bot_token);
        CHECK(config.slack.app_token.empty());
        CHECK(config.storage.path == "cocbot.db");
        CHECK(config.committee.channel == "C0123456789");
        CHECK(config.committee.members.empty());
        CHECK(config.committee.hr.empty());
        CHECK(config.committee.leadership.empty());
        CHECK(config.deadlines.acknowledge == 24h);
        CHECK(config.deadlines.decision == std::chrono::days{7});
        CHECK(config.deadlines.reporter_update == 24h);
        CHECK(config.deadlines.membership_review == std::chrono::days{182});
        CHECK(config.deadlines.owner_nudge == 24h);
        CHECK(config.deadlines.conflict_nudge == 24h);
        CHECK(config.safety.venue_security.empty());
        CHECK(config.safety.crisis_line.empty());
        CHECK(config.workspace.timezone == "UTC");
    }

    TEST_CASE("every key is read from the file") {
        Environment env = minimal_env();
        env.erase("COCBOT_COMMITTEE_CHANNEL");
        const auto result = load(full_file, "cocbot.toml", env);
        REQUIRE_MESSAGE(result.config, all_errors(result));
        const Config& config = *result.config;
        CHECK(config.http.listen.host == "0.0.0.0");
        CHECK(config.http.listen.port == 8080);
        CHECK(config.http.max_connections == 64);
        CHECK(config.slack.api_url == "https://slack.example.org/api/");
        CHECK(config.storage.path == "/var/lib/cocbot/cocbot.db");
        CHECK(config.committee.channel == "G0FILE0001");
        CHECK(config.committee.members == std::vector<std::string>{"U0AAA0001", "W0BBB0002"});
        CHECK(config.committee.hr == std::vector<std::string>{"U0HR00001"});
        CHECK(config.committee.leadership == std::vector<std::string>{"U0LEAD001", "U0LEAD002"});
        CHECK(config.deadlines.acknowledge == 12h);
        CHECK(config.deadlines.decision == std::chrono::days{5});
        CHECK(config.deadlines.reporter_update == 36h);
        CHECK(config.deadlines.membership_review == std::chrono::days{90});
        CHECK(config.deadlines.owner_nudge == 6h);
        CHECK(config.deadlines.conflict_nudge == std::chrono::days{2});
        CHECK(config.outbox.max_attempts == 3);
        CHECK(config.outbox.first_retry == 30s);
        CHECK(config.outbox.alert_after == 15min);
        CHECK(config.safety.venue_security == "+1 555 0100");
        CHECK(config.safety.crisis_line == "+1 555 0199");
    }

    TEST_CASE("the environment overrides the file") {
        Environment env = minimal_env();
        env["COCBOT_HTTP_LISTEN"] = "[::1]:9000";
        env["COCBOT_HTTP_MAX_CONNECTIONS"] = " 32 ";
        env["COCBOT_SLACK_API_URL"] = "http://127.0.0.1:4000/api/";
        env["COCBOT_STORAGE_PATH"] = ":memory:";
        env["COCBOT_COMMITTEE_MEMBERS"] = "U0ENV0001";
        env["COCBOT_DEADLINES_DECISION"] = " 3d ";
        env["COCBOT_DEADLINES_OWNER_NUDGE"] = "12h";
        env["COCBOT_DEADLINES_CONFLICT_NUDGE"] = "30m";
        env["COCBOT_SAFETY_CRISIS_LINE"] = "112";
        const auto result = load(full_file, "cocbot.toml", env);
        REQUIRE_MESSAGE(result.config, all_errors(result));
        const Config& config = *result.config;
        CHECK(config.http.listen.host == "::1");
        CHECK(config.http.listen.port == 9000);
        CHECK(config.http.max_connections == 32);
        CHECK(config.slack.api_url == "http://127.0.0.1:4000/api/");
        CHECK(config.storage.path == ":memory:");
        CHECK(config.committee.channel == "C0123456789");
        CHECK(config.committee.members == std::vector<std::string>{"U0ENV0001"});
        CHECK(config.deadlines.decision == std::chrono::days{3});
        CHECK(config.deadlines.owner_nudge == 12h);
        CHECK(config.deadlines.conflict_nudge == 30min);
        CHECK(config.safety.crisis_line == "112");
        SUBCASE("keys the environment does not name keep the file's value") {
            CHECK(config.committee.hr == std::vector<std::string>{"U0HR00001"});
            CHECK(config.deadlines.acknowledge == 12h);
            CHECK(config.safety.venue_security == "+1 555 0100");
        }
    }

    TEST_CASE("list values from the environment are split at commas and trimmed") {
        SUBCASE("spaces and empty items") {
            const auto result = load(
                "", "", with(minimal_env(), "COCBOT_COMMITTEE_MEMBERS", " U01 ,U02,\tW03 , ,"));
            REQUIRE_MESSAGE(result.config, all_errors(result));
            CHECK(result.config->committee.members ==
                  std::vector<std::string>{"U01", "U02", "W03"});
        }
        SUBCASE("an empty variable empties the file's list") {
            const auto result =
                load(full_file, "", with(minimal_env(), "COCBOT_COMMITTEE_LEADERSHIP", ""));
            REQUIRE_MESSAGE(result.config, all_errors(result));
            CHECK(result.config->committee.leadership.empty());
        }
    }

    TEST_CASE("valid values in their less common forms are accepted") {
        struct Case {
            std::string var;
            std::string value;
        };
        const std::array<Case, 9> cases{{
            {"COCBOT_HTTP_LISTEN", "localhost:80"},
            {"COCBOT_HTTP_LISTEN", "bot.example.org:65535"},
            {"COCBOT_HTTP_LISTEN", "[::]:3000"},
            {"COCBOT_SLACK_API_URL", "http://localhost:9/"},
            {"COCBOT_SLACK_API_URL", "http://127.1.2.3/api/"},
            {"COCBOT_SLACK_API_URL", "http://[::1]:8080"},
            {"COCBOT_SLACK_API_URL", "https://[2001:db8::1]:443/api/"},
            {"COCBOT_COMMITTEE_CHANNEL", "G0123ABC"},
            {"COCBOT_COMMITTEE_HR", "W0123ABC"},
        }};
        for (const auto& [var, value] : cases) {
            CAPTURE(var);
            CAPTURE(value);
            const auto result = load("", "", with(minimal_env(), var, value));
            CHECK_MESSAGE(result.errors.empty(), all_errors(result));
        }
    }

    TEST_CASE("the api url is normalised to end with a slash") {
        const auto result =
            load("", "", with(minimal_env(), "COCBOT_SLACK_API_URL", "http://[::1]:8080"));
        REQUIRE_MESSAGE(result.config, all_errors(result));
        CHECK(result.config->slack.api_url == "http://[::1]:8080/");
    }

    TEST_CASE("a time zone is accepted when zoneinfo has it") {
        if (!std::filesystem::exists("/usr/share/zoneinfo/Europe/Berlin"))
            return; // tzdata is not installed here; UTC is covered by the defaults test
        const auto result =
            load("", "", with(minimal_env(), "COCBOT_WORKSPACE_TIMEZONE", "Europe/Berlin"));
        REQUIRE_MESSAGE(result.config, all_errors(result));
        CHECK(result.config->workspace.timezone == "Europe/Berlin");
    }

    TEST_CASE("every invalid value is an error naming its key") {
        struct Case {
            std::string var;
            std::string value;
            std::string key;
        };
        const std::array<Case, 56> cases{{
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

    TEST_CASE("unknown COCBOT variables are ignored") {
        Environment env = minimal_env();
        env["COCBOT_HTTP_LISTNE"] = "nonsense";
        env["COCBOT_NOPE"] = "x";
        env["COCBOT_SLACK_BOT_TOKEN"] = "x";
        CHECK(load("", "", env).errors.empty());
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

    TEST_CASE("the example file parses cleanly and documents every key") {
        Environment env = minimal_env();
        env.erase("COCBOT_COMMITTEE_CHANNEL");
        const auto result = load_file(example_path, env);
        REQUIRE_MESSAGE(result.config, all_errors(result));
        const Config& config = *result.config;
        const Config defaults;
        CHECK(config.committee.channel == "C0123456789");
        CHECK(config.committee.members.size() == 2);
        SUBCASE("with the defaults for everything that has one") {
            CHECK(config.http.listen.host == defaults.http.listen.host);
            CHECK(config.http.listen.port == defaults.http.listen.port);
            CHECK(config.http.max_connections == defaults.http.max_connections);
            CHECK(config.slack.api_url == defaults.slack.api_url);
            CHECK(config.storage.path == defaults.storage.path);
            CHECK(config.committee.hr == defaults.committee.hr);
            CHECK(config.committee.leadership == defaults.committee.leadership);
            CHECK(config.deadlines.acknowledge == defaults.deadlines.acknowledge);
            CHECK(config.deadlines.decision == defaults.deadlines.decision);
            CHECK(config.deadlines.reporter_update == defaults.deadlines.reporter_update);
            CHECK(config.deadlines.membership_review == defaults.deadlines.membership_review);
            CHECK(config.deadlines.owner_nudge == defaults.deadlines.owner_nudge);
            CHECK(config.deadlines.conflict_nudge == defaults.deadlines.conflict_nudge);
            CHECK(config.safety.venue_security == defaults.safety.venue_security);
            CHECK(config.safety.crisis_line == defaults.safety.crisis_line);
            CHECK(config.workspace.timezone == defaults.workspace.timezone);
        }
        SUBCASE("every key and secret appears in it") {
            const auto text = read_text(example_path);
            for (const std::string_view needle :
                 {"\nlisten = ",      "\nmax_connections = ", "\napi_url = ",
                  "\npath = ",        "\nchannel = ",         "\nmembers = ",
                  "\nhr = ",          "\nleadership = ",      "\nacknowledge = ",
                  "\ndecision = ",    "\nreporter_update = ", "\nmembership_review = ",
                  "\nowner_nudge = ", "\nconflict_nudge = ",  "\nvenue_security = ",
                  "\ncrisis_line = ", "\ntimezone = ",        "SLACK_SIGNING_SECRET",
                  "SLACK_BOT_TOKEN",  "SLACK_APP_TOKEN"}) {
                CAPTURE(needle);
                CHECK(text.find(needle) != std::string::npos);
            }
        }
    }

    TEST_CASE("load_file reads a file and the environment still wins") {
        const auto path = std::filesystem::temp_directory_path() /
                          ("cocbot_load_test_" + std::to_string(::getpid()) + ".toml");
        {
            std::ofstream file(path);
            file << full_file;
        }
        const auto result = load_file(path, minimal_env());
        std::filesystem::remove(path);
        REQUIRE_MESSAGE(result.config, all_errors(result));
        CHECK(result.config->storage.path == "/var/lib/cocbot/cocbot.db");
        CHECK(result.config->committee.channel == "C0123456789");
    }

    TEST_CASE("load_file with a missing file is an error naming the path") {
        const std::filesystem::path missing = "/nonexistent/cocbot/config.toml";
        const auto result = load_file(missing, minimal_env());
        CHECK_FALSE(result.config);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors.front().starts_with(missing.string() + ": "));
        SUBCASE("a directory is not a configuration file either") {
            const auto dir = load_file(std::filesystem::temp_directory_path(), minimal_env());
            REQUIRE(dir.errors.size() == 1);
            CHECK(dir.errors.front().find("directory") != std::string::npos);
        }
    }

    TEST_CASE("load_file without a path runs on the defaults and the environment") {
        const auto result = load_file(std::nullopt, minimal_env());
        REQUIRE_MESSAGE(result.config, all_errors(result));
        CHECK(result.config->http.listen.port == 3000);
        CHECK(result.config->committee.channel == "C0123456789");
    }

    TEST_CASE("the environment is read from an envp array") {
        std::array<char*, 6> envp{};
        std::string a = "A=1", b = "B=x=y", none = "NO_EQUALS", again = "A=2", empty = "E=";
        envp = {a.data(), b.data(), none.data(), again.data(), empty.data(), nullptr};
        const auto env = cocbot::config::environment_from(envp.data());
        CHECK(env == Environment{{"A", "1"}, {"B", "x=y"}, {"E", ""}});
        CHECK(cocbot::config::environment_from(nullptr).empty());
    }
}
