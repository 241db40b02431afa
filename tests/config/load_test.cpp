// File: tests/config/load_test.cpp
// Loading configuration from TOML text, a file and the environment: defaults, every key, what
// overrides what, and the example file.
#include "config/load.hpp"
#include "tests/config/load_env.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unistd.h>

using namespace std::chrono_literals;
using namespace cocbot::testing;
using cocbot::config::Config;
using cocbot::config::load;
using cocbot::config::load_file;

namespace {

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
metrics_public = true

[slack]
api_url = "https://slack.example.org/api"
pacing = false

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

[retention]
no_violation = "7d"
resolved = "30d"
escrow = "0s"

[audit]
post_head = false
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
        CHECK_FALSE(config.http.metrics_public);
        CHECK(config.outbox.max_attempts == 8);
        CHECK(config.outbox.first_retry == 5s);
        CHECK(config.outbox.alert_after == 5min);
        CHECK(config.slack.api_url == "https://slack.com/api/");
        CHECK(config.slack.pacing);
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
        CHECK(config.retention.no_violation == 0s);
        CHECK(config.retention.resolved == std::chrono::days{426});
        CHECK(config.retention.escrow == std::chrono::days{791});
        CHECK(config.audit.post_head);
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
        CHECK(config.http.metrics_public);
        CHECK(config.slack.api_url == "https://slack.example.org/api/");
        CHECK_FALSE(config.slack.pacing);
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
        CHECK(config.retention.no_violation == std::chrono::days{7});
        CHECK(config.retention.resolved == std::chrono::days{30});
        CHECK(config.retention.escrow == 0s); // at once
        CHECK_FALSE(config.audit.post_head);
    }

    TEST_CASE("the environment overrides the file") {
        Environment env = minimal_env();
        env["COCBOT_HTTP_LISTEN"] = "[::1]:9000";
        env["COCBOT_HTTP_MAX_CONNECTIONS"] = " 32 ";
        env["COCBOT_HTTP_METRICS_PUBLIC"] = "false";
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
        CHECK_FALSE(config.http.metrics_public);
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

    TEST_CASE("unknown COCBOT variables are ignored") {
        Environment env = minimal_env();
        env["COCBOT_HTTP_LISTNE"] = "nonsense";
        env["COCBOT_NOPE"] = "x";
        env["COCBOT_SLACK_BOT_TOKEN"] = "x";
        CHECK(load("", "", env).errors.empty());
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
