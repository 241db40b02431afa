// File: tests/e2e/backup_test.cpp
// End-to-end: `cocbot backup` while the real cocbot takes a burst of reports gives a copy that
// opens and holds every report acknowledged before it began, with no Slack secret needed; and
// `cocbot restore` will not put a copy over a database that is there.
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <atomic>
#include <doctest/doctest.h>
#include <thread>

using namespace cocbot::testing;
using namespace std::chrono_literals;

namespace {

// `cocbot <command> FILE` for the bot's database, with no Slack secret in its environment.
CommandRun copy_command(const Bot& bot, const std::string& command, const std::string& file) {
    return run_cocbot(bot, {command, file});
}

} // namespace

TEST_SUITE("e2e: backup and restore") {
    TEST_CASE("a backup during a burst of reports holds every report acknowledged before it") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        std::vector<std::string> acknowledged;
        for (int i = 0; i < 10; ++i)
            acknowledged.push_back(reference_from(bot.submit_report("UALICE", plain_report())));

        std::atomic<bool> stop{false};
        std::atomic<int> during{0};
        std::thread burst{[&] {
            for (int i = 0; i < 60 && !stop; ++i)
                during += bot.submit_report("UBOB", plain_report()).status == 200;
        }};
        const auto copy = bot.database_path() + ".backup";
        const auto run = copy_command(bot, "backup", copy);
        stop = true;
        burst.join();

        REQUIRE_MESSAGE(run.status == 0, run.output);
        CHECK(run.output.find("cocbot: copied ") != std::string::npos);
        SQLite::Database copied{copy};
        CHECK(copied.execAndGet("PRAGMA integrity_check").getString() == "ok");
        for (const auto& reference : acknowledged) {
            SQLite::Statement found{copied, "SELECT count(*) FROM incidents WHERE id = ?"};
            found.bind(1, reference);
            REQUIRE(found.executeStep());
            CHECK_MESSAGE(found.getColumn(0).getInt() == 1, reference);
        }
        CHECK(during > 0); // the copy was taken while reports were coming in
        CHECK(bot.terminate() == 0);

        const auto refused = copy_command(bot, "restore", copy);
        CHECK(refused.status == 1);
        CHECK(refused.output.find("exists: stop cocbot and move the database") !=
              std::string::npos);
    }
}
