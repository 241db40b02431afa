// File: tests/e2e/rekey_test.cpp
// End-to-end: `cocbot rekey` will not change the key under a running cocbot; stopped, it seals
// the database under a new key file, and the next start reads every report with it.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// `cocbot rekey` for the bot's database (its key file is the default, beside it).
CommandRun rekey(const Bot& bot) {
    return run_cocbot(bot, {"rekey"});
}

} // namespace

TEST_SUITE("e2e: rekey") {
    TEST_CASE("rekey waits for cocbot to stop, then the next start reads every report") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", plain_report()));
        const auto key_file = bot.database_path() + ".key";
        const auto old_key = read_file(key_file);
        REQUIRE(old_key.size() >= 44);

        const auto refused = rekey(bot);
        CHECK(refused.status == 1);
        CHECK_MESSAGE(refused.output.find("stop it") != std::string::npos, refused.output);
        CHECK(read_file(key_file) == old_key);

        REQUIRE(bot.terminate() == 0);
        const auto done = rekey(bot);
        REQUIRE_MESSAGE(done.status == 0, done.output);
        CHECK(done.output.find("under the new key") != std::string::npos);
        CHECK(read_file(key_file) != old_key);

        bot.start();
        const auto status =
            json::parse(bot.slash("UALICE", "status " + reference).body)["text"].get<std::string>();
        CHECK(status.find(reference) != std::string::npos);
        CHECK(bot.sealed_values() >= 1);
        CHECK(bot.terminate() == 0);
    }
}
