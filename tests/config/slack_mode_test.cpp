// File: tests/config/slack_mode_test.cpp
// slack.mode: Socket Mode once there is an app-level token, unless told otherwise, and each
// mode asks only for the secret it uses.
#include "config/load.hpp"
#include "tests/config/load_env.hpp"

#include <doctest/doctest.h>

using namespace cocbot::config;
using namespace cocbot::testing;

namespace {

Environment without(Environment env, const std::string& name) {
    env.erase(name);
    return env;
}

} // namespace

TEST_SUITE("config: Slack mode") {
    TEST_CASE("with an app token and no mode set, cocbot uses Socket Mode and needs no signing "
              "secret") {
        const auto env = with(without(minimal_env(), "SLACK_SIGNING_SECRET"), "SLACK_APP_TOKEN",
                              "xapp-1-A0-1-abcdef");
        const auto result = load("", "", env);
        REQUIRE(result.config);
        CHECK(result.config->slack.mode == SlackMode::socket);
        CHECK(result.config->slack.socket_ping_interval == std::chrono::seconds{5});
    }

    TEST_CASE("without an app token the mode is http") {
        const auto result = load("", "", minimal_env());
        REQUIRE(result.config);
        CHECK(result.config->slack.mode == SlackMode::http);
    }

    TEST_CASE("Socket Mode without an app token says which token and where it is") {
        const auto result = load("[slack]\nmode = \"socket\"\n", "cocbot.toml", minimal_env());
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors.front().starts_with("SLACK_APP_TOKEN: required in Socket Mode"));
        CHECK(result.errors.front().find("App-Level Tokens") != std::string::npos);
    }

    TEST_CASE("http mode set by hand with an app token still needs the signing secret") {
        auto env = with(without(minimal_env(), "SLACK_SIGNING_SECRET"), "SLACK_APP_TOKEN",
                        "xapp-1-A0-1-abcdef");
        env["COCBOT_SLACK_MODE"] = "http";
        const auto result = load("", "", env);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors.front().starts_with("SLACK_SIGNING_SECRET: required in HTTP mode"));
    }

    TEST_CASE("a mode that is neither http nor socket is an error naming the key") {
        const auto result = load("", "", with(minimal_env(), "COCBOT_SLACK_MODE", "websocket"));
        REQUIRE_FALSE(result.config);
        CHECK(result.errors.front().starts_with("slack.mode: 'websocket' is not http or socket"));
    }
}
