// File: tests/app/health_test.cpp
// What /healthz answers: every check in a fixed order, from the last probe and the loops' state.
#include "bot/app/health.hpp"
#include "tests/support/times.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;
using app::Health;
using app::HealthCheck;

using testing::t0;

const HealthCheck* check_named(const std::vector<HealthCheck>& checks, const std::string& name) {
    for (const auto& check : checks)
        if (check.name == name)
            return &check;
    return nullptr;
}

std::vector<std::string> names_of(const std::vector<HealthCheck>& checks) {
    std::vector<std::string> names;
    for (const auto& check : checks)
        names.push_back(check.name);
    return names;
}

// A probe that found everything fine: the database usable, nothing pending, membership known.
void probed_fine(Health& health) {
    health.probed(true, std::nullopt, true, 4);
}

} // namespace

TEST_SUITE("app health") {

    TEST_CASE("before any probe the application is not healthy") {
        Health health;

        const auto checks = health.checks(t0);

        CHECK_FALSE(app::all_ok(checks));
        const auto* responding = check_named(checks, "app");
        REQUIRE(responding != nullptr);
        CHECK_FALSE(responding->ok);
        CHECK(responding->detail == "not probed yet");
        CHECK(app::health_summary(checks) == "app: not probed yet");
    }

    TEST_CASE("after a probe that found everything fine, every check holds") {
        Health health;
        bool executor_running = true;
        health.watch("executor", [&] { return executor_running; });
        probed_fine(health);

        const auto checks = health.checks(t0);

        CHECK(app::all_ok(checks));
        CHECK(app::health_summary(checks) == "ok");
        CHECK(names_of(checks) == std::vector<std::string>{"app", "database", "executor",
                                                           "committee_channel", "outbox"});
        CHECK(check_named(checks, "committee_channel")->detail == "4 members");
        CHECK(check_named(checks, "outbox")->detail == "nothing pending");
    }

    TEST_CASE("a watched loop that is not running fails under its own name") {
        Health health;
        bool scheduler_running = true;
        health.watch("executor", [] { return true; });
        health.watch("scheduler", [&] { return scheduler_running; });
        probed_fine(health);
        REQUIRE(app::all_ok(health.checks(t0)));

        scheduler_running = false; // read on every check, not at the probe
        const auto checks = health.checks(t0);

        CHECK_FALSE(app::all_ok(checks));
        CHECK(check_named(checks, "executor")->ok);
        const auto* scheduler = check_named(checks, "scheduler");
        REQUIRE(scheduler != nullptr);
        CHECK_FALSE(scheduler->ok);
        CHECK(app::health_summary(checks) == "scheduler: not running");
    }

    TEST_CASE("a database the probe could not use fails the database check") {
        Health health;
        health.probed(false, std::nullopt, true, 4);

        const auto checks = health.checks(t0);

        CHECK(check_named(checks, "app")->ok); // the application thread answered
        CHECK_FALSE(check_named(checks, "database")->ok);
        CHECK(app::health_summary(checks) == "database: unavailable");
    }

    TEST_CASE("an effect pending longer than max_effect_age fails the outbox check") {
        app::HealthOptions options;
        options.max_effect_age = 300s;
        Health health(options);

        SUBCASE("one second too old") {
            health.probed(true, t0 - 301s, true, 4);
            const auto checks = health.checks(t0);
            const auto* outbox = check_named(checks, "outbox");
            REQUIRE(outbox != nullptr);
            CHECK_FALSE(outbox->ok);
            CHECK(outbox->detail == "oldest pending effect waiting 301 s");
            CHECK(app::health_summary(checks) == "outbox: oldest pending effect waiting 301 s");
        }
        SUBCASE("exactly as old as allowed") {
            health.probed(true, t0 - 300s, true, 4);
            const auto checks = health.checks(t0);
            CHECK(check_named(checks, "outbox")->ok);
            CHECK(app::all_ok(checks));
        }
        SUBCASE("the same effect ages while nothing new is probed") {
            health.probed(true, t0 - 200s, true, 4);
            CHECK(check_named(health.checks(t0), "outbox")->ok);
            CHECK_FALSE(check_named(health.checks(t0 + 101s), "outbox")->ok);
        }
    }

    TEST_CASE("unknown committee channel membership fails committee_channel") {
        Health health;
        health.probed(true, std::nullopt, false, 0);

        const auto checks = health.checks(t0);

        const auto* channel = check_named(checks, "committee_channel");
        REQUIRE(channel != nullptr);
        CHECK_FALSE(channel->ok);
        CHECK(channel->detail.find("membership unknown") != std::string::npos);
        CHECK(app::health_summary(checks) == "committee_channel: " + channel->detail);
    }

    TEST_CASE("a later probe replaces the earlier one's facts") {
        Health health;
        health.probed(false, t0 - 1h, false, 0);
        REQUIRE_FALSE(app::all_ok(health.checks(t0)));

        probed_fine(health);

        CHECK(app::all_ok(health.checks(t0)));
    }

    TEST_CASE("the summary names the first failing check in order") {
        const std::vector<HealthCheck> checks{
            {"app", true, "responding"},
            {"database", false, "unavailable"},
            {"outbox", false, "oldest pending effect waiting 9 s"}};

        CHECK(app::health_summary(checks) == "database: unavailable");
        CHECK_FALSE(app::all_ok(checks));
        CHECK(app::all_ok({}));
        CHECK(app::health_summary({}) == "ok");
    }

    TEST_CASE("the details give one line per check, passing or failing") {
        const std::vector<HealthCheck> checks{{"app", true, "responding"},
                                              {"database", false, "unavailable"},
                                              {"executor", true, "running"}};

        CHECK(app::health_details(checks) == "app: ok (responding)\n"
                                             "database: FAIL (unavailable)\n"
                                             "executor: ok (running)\n");
    }

    TEST_CASE("the details of a live health cover every check") {
        Health health;
        health.watch("executor", [] { return false; });

        const auto checks = health.checks(t0);
        const auto details = app::health_details(checks);

        std::size_t lines = 0;
        for (const char c : details)
            lines += c == '\n' ? 1 : 0;
        CHECK(lines == checks.size());
        CHECK(details.find("executor: FAIL (not running)\n") != std::string::npos);
        CHECK(details.find("app: FAIL (not probed yet)\n") != std::string::npos);
    }

} // TEST_SUITE
