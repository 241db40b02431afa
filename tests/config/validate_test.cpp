// File: tests/config/validate_test.cpp
// Each configuration value check on its own, with its exact messages.
#include "config/validate.hpp"

#include <array>
#include <doctest/doctest.h>
#include <filesystem>
#include <string_view>

using namespace std::chrono_literals;
using cocbot::config::check_channel_id;
using cocbot::config::check_storage_path;
using cocbot::config::check_timezone;
using cocbot::config::check_user_id;
using cocbot::config::Duration;
using cocbot::config::Endpoint;
using cocbot::config::parse_api_url;
using cocbot::config::parse_connection_limit;
using cocbot::config::parse_deadline;
using cocbot::config::parse_listen;

TEST_SUITE("config validate") {
    TEST_CASE("a listen address is parsed into host and port") {
        struct Case {
            std::string_view text;
            std::string_view host;
            std::uint16_t port;
        };
        const std::array<Case, 5> cases{{
            {"127.0.0.1:3000", "127.0.0.1", 3000},
            {"localhost:80", "localhost", 80},
            {"bot.example.org:65535", "bot.example.org", 65535},
            {"[::]:3000", "::", 3000},
            {"[::1]:9000", "::1", 9000},
        }};
        for (const auto& [text, host, port] : cases) {
            CAPTURE(text);
            Endpoint endpoint{"unset", 1};
            CHECK_FALSE(parse_listen(text, endpoint));
            CHECK(endpoint.host == host);
            CHECK(endpoint.port == port);
        }
    }

    TEST_CASE("a bad listen address says what is wrong and leaves the endpoint alone") {
        struct Case {
            std::string_view text;
            std::string_view problem;
        };
        const std::array<Case, 9> cases{{
            {"localhost", "'localhost' is not host:port (e.g. 127.0.0.1:3000 or [::1]:3000)"},
            {"::1:3000",
             "'::1:3000' is ambiguous: write an IPv6 address in brackets, e.g. [::1]:3000"},
            {"[::1]3000", "'[::1]3000' is not host:port (e.g. 127.0.0.1:3000 or [::1]:3000)"},
            {":3000", "the host is missing"},
            {"[not-v6]:3000", "'not-v6' is not an IPv6 address"},
            {"bad_host:3000", "'bad_host' is not an IPv4 address or host name"},
            {"999.1.1.1:3000", "'999.1.1.1' is not an IPv4 address or host name"},
            {"127.0.0.1:0", "'0' is not a port number (1 to 65535)"},
            {"127.0.0.1:http", "'http' is not a port number (1 to 65535)"},
        }};
        for (const auto& [text, problem] : cases) {
            CAPTURE(text);
            Endpoint endpoint{"unset", 1};
            CHECK(parse_listen(text, endpoint) == std::string(problem));
            CHECK(endpoint.host == "unset");
            CHECK(endpoint.port == 1);
        }
    }

    TEST_CASE("an api url is stored ending with a slash") {
        std::string url;
        CHECK_FALSE(parse_api_url("https://slack.example.org/api", url));
        CHECK(url == "https://slack.example.org/api/");
        CHECK_FALSE(parse_api_url("http://[::1]:8080", url));
        CHECK(url == "http://[::1]:8080/");
        CHECK_FALSE(parse_api_url("http://LocalHost:9/", url));
        CHECK(url == "http://LocalHost:9/");
    }

    TEST_CASE("a bad api url says what is wrong and leaves the url alone") {
        struct Case {
            std::string_view text;
            std::string_view problem;
        };
        const std::array<Case, 8> cases{{
            {"ftp://slack.com/api/", "'ftp://slack.com/api/' must start with https://"},
            {"https://slack com/api/", "the URL must not contain spaces or control characters"},
            {"https://slack.com/api/?x=1",
             "'https://slack.com/api/?x=1' must not have a query or fragment"},
            {"http://127.0.0.1@evil.example/", "the URL must not contain a user name or password"},
            {"https://[::1/", "'https://[::1/' is not a URL (e.g. https://slack.com/api/)"},
            {"https://", "the host is missing"},
            {"https://slack.com:0/api/", "'0' is not a port number (1 to 65535)"},
            {"http://localhost.evil.example/",
             "'http://localhost.evil.example/' must use https:// (plain http:// is only for a "
             "loopback host: 127.0.0.1, localhost or [::1])"},
        }};
        for (const auto& [text, problem] : cases) {
            CAPTURE(text);
            std::string url = "unset";
            CHECK(parse_api_url(text, url) == std::string(problem));
            CHECK(url == "unset");
        }
    }

    TEST_CASE("a storage path must not be empty") {
        CHECK_FALSE(check_storage_path(":memory:"));
        CHECK(check_storage_path("") == "must not be empty (e.g. cocbot.db)");
    }

    TEST_CASE("a channel id is C or G then capitals and digits, or empty") {
        CHECK_FALSE(check_channel_id("C0123456789"));
        CHECK_FALSE(check_channel_id("G0123ABC"));
        CHECK_FALSE(check_channel_id(""));
        CHECK(check_channel_id("#coc") ==
              "'#coc' is not a Slack conversation id (C or G then capitals and digits, e.g. "
              "C0123456789: see the channel's details, not its name)");
        CHECK(check_channel_id("c0123"));
        CHECK(check_channel_id("U0123"));
        CHECK(check_channel_id("C"));
    }

    TEST_CASE("a user id is U or W then capitals and digits") {
        CHECK_FALSE(check_user_id("U061F7AUR"));
        CHECK_FALSE(check_user_id("W0123ABC"));
        CHECK(check_user_id("@alice") ==
              "'@alice' is not a Slack user id (U or W then capitals and digits, e.g. "
              "U0123456789: see the member's profile, not their name)");
        CHECK(check_user_id(""));
        CHECK(check_user_id("u0123"));
        CHECK(check_user_id("C0123"));
    }

    TEST_CASE("a connection limit is a whole number from 1 to a million") {
        std::size_t limit = 7;
        CHECK_FALSE(parse_connection_limit("256", limit));
        CHECK(limit == 256);
        CHECK_FALSE(parse_connection_limit("1", limit));
        CHECK(limit == 1);
        CHECK_FALSE(parse_connection_limit("1000000", limit));
        CHECK(limit == 1'000'000);
        CHECK(parse_connection_limit("0", limit) ==
              "'0' is not a number of connections (a whole number from 1 to 1000000, e.g. 256)");
        for (const std::string_view bad : {"", "-1", "+5", "1.5", "256 ", "0x10", "many", "1000001",
                                           "99999999999999999999999"}) {
            CAPTURE(bad);
            CHECK(parse_connection_limit(bad, limit));
        }
        CHECK(limit == 1'000'000);
    }

    TEST_CASE("a deadline is a duration") {
        Duration duration{1s};
        CHECK_FALSE(parse_deadline("1d12h", duration));
        CHECK(duration == 36h);
        CHECK(parse_deadline("7x", duration) ==
              "'7x' is not a duration (use s, m, h or d, e.g. 24h)");
        CHECK(duration == 36h);
    }

    TEST_CASE("a time zone is UTC or a zone file, never a path outside zoneinfo") {
        CHECK_FALSE(check_timezone("UTC"));
        CHECK(check_timezone("utc"));
        CHECK(check_timezone("../../../etc/passwd") ==
              "'../../../etc/passwd' is not a time zone name (e.g. UTC or Europe/Berlin)");
        CHECK(check_timezone("Mars/Olympus_Mons") ==
              "'Mars/Olympus_Mons' is not a time zone in /usr/share/zoneinfo/ (e.g. UTC or "
              "Europe/Berlin; is tzdata installed?)");
        if (!std::filesystem::exists("/usr/share/zoneinfo/Europe/Berlin"))
            return; // tzdata is not installed here
        CHECK_FALSE(check_timezone("Europe/Berlin"));
        CHECK(check_timezone("Europe"));
        CHECK(check_timezone("zone.tab"));
    }

    TEST_CASE("control characters in an echoed value are masked") {
        CHECK(check_user_id("U01\nX\x1b") ==
              "'U01?X?' is not a Slack user id (U or W then capitals and digits, e.g. "
              "U0123456789: see the member's profile, not their name)");
    }
}
