// File: tests/config/duration_test.cpp
#include "config/duration.hpp"

#include <array>
#include <doctest/doctest.h>
#include <string_view>

using namespace std::chrono_literals;
using cocbot::config::format_duration;
using cocbot::config::parse_duration;

TEST_SUITE("config duration") {
    TEST_CASE("each unit parses") {
        CHECK(parse_duration("45s") == 45s);
        CHECK(parse_duration("30m") == 30min);
        CHECK(parse_duration("24h") == 24h);
        CHECK(parse_duration("7d") == std::chrono::days{7});
        CHECK(parse_duration("182d") == std::chrono::days{182});
    }

    TEST_CASE("combined units add up") {
        CHECK(parse_duration("1h30m") == 90min);
        CHECK(parse_duration("1d2h3m4s") == std::chrono::days{1} + 2h + 3min + 4s);
        CHECK(parse_duration("2d12h") == 60h);
        CHECK(parse_duration("90m") == 90min);
    }

    TEST_CASE("the longest accepted duration is 100 years") {
        CHECK(parse_duration("36500d") == std::chrono::days{36500});
        CHECK_FALSE(parse_duration("36501d"));
        CHECK_FALSE(parse_duration("36500d1s"));
    }

    TEST_CASE("malformed, zero, negative and overflowing durations are rejected") {
        constexpr std::array<std::string_view, 24> rejected{
            "",
            "0",
            "0s",
            "0d0h",
            "-5m",
            "+5m",
            "5",
            "h",
            "5x",
            "5H",
            " 5m",
            "5m ",
            "5 m",
            "1.5h",
            "30m1h",
            "1h1h",
            "1hh",
            "5w",
            "1h-5m",
            "m30",
            "99999999999999999999s",
            "18446744073709551616s",
            "9223372036854775807s",
            "1h30",
        };
        for (const auto text : rejected) {
            CAPTURE(text);
            CHECK_FALSE(parse_duration(text));
        }
    }

    TEST_CASE("formatting uses the largest units") {
        CHECK(format_duration(45s) == "45s");
        CHECK(format_duration(90min) == "1h30m");
        CHECK(format_duration(24h) == "1d");
        CHECK(format_duration(std::chrono::days{7}) == "7d");
        CHECK(format_duration(std::chrono::days{1} + 1s) == "1d1s");
        CHECK(format_duration(0s) == "0s");
        CHECK(format_duration(-90s) == "-1m30s");
    }

    TEST_CASE("formatting and parsing round-trip") {
        constexpr std::array<std::chrono::seconds, 8> values{
            1s, 59s, 60s, 3599s, 3600s, 90061s, std::chrono::days{182}, std::chrono::days{36500}};
        for (const auto value : values) {
            CAPTURE(value.count());
            CHECK(parse_duration(format_duration(value)) == value);
        }
    }
}
