// File: tests/config/storage_key_test.cpp
// The data key's settings: the key file beside the database unless storage.key_file says where,
// COCBOT_DATA_KEY from the environment only and never in a message; and the commands that touch
// only the database need no Slack secret.
#include "config/load.hpp"
#include "tests/config/load_env.hpp"

#include <doctest/doctest.h>

using namespace cocbot::config;
using namespace cocbot::testing;

TEST_SUITE("config: the data key") {
    TEST_CASE("the key file is beside the database unless storage.key_file names one") {
        const auto beside =
            load("[storage]\npath = \"/var/lib/cocbot/cocbot.db\"\n", "t", minimal_env());
        REQUIRE(beside.config);
        CHECK(beside.config->storage.key_file_or_default() == "/var/lib/cocbot/cocbot.db.key");
        const auto named = load(
            "", "",
            with(minimal_env(), "COCBOT_STORAGE_KEY_FILE", "/run/credentials/cocbot.service/key"));
        REQUIRE(named.config);
        CHECK(named.config->storage.key_file_or_default() == "/run/credentials/cocbot.service/key");
        CHECK(named.config->storage.data_key.empty());
    }

    TEST_CASE("COCBOT_DATA_KEY comes from the environment, and no message ever shows it") {
        const std::string key = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0VnE=";
        const auto loaded = load("", "", with(minimal_env(), "COCBOT_DATA_KEY", key));
        REQUIRE(loaded.config);
        CHECK(loaded.config->storage.data_key == key);
        const auto refused = load("[storage]\nkey_file = \"" + key + "\"\npath = \"\"\n", "t",
                                  with(minimal_env(), "COCBOT_DATA_KEY", key));
        REQUIRE_FALSE(refused.config);
        for (const auto& error : refused.errors)
            CHECK(error.find(key) == std::string::npos);
    }

    TEST_CASE("backup and restore need no Slack secret, and serve does") {
        Environment env{{"COCBOT_COMMITTEE_CHANNEL", "C0123456789"}};
        CHECK_FALSE(load("", "", env).config);
        const auto optional = load("", "", env, Secrets::optional);
        REQUIRE(optional.config);
        CHECK(optional.config->storage.path == "cocbot.db");
    }
}
