// File: tests/e2e/retention_test.cpp
// End-to-end: with the retention periods configured short, a report kept in escrow is erased
// once its period has passed on the bot's clock, audited; `cocbot retention --dry-run` lists it
// beforehand and erases nothing; and not a word of it is left in cocbot's files.
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;

namespace {

CommandRun command(const Bot& bot, const std::vector<std::string>& args) {
    return run_cocbot(bot, args, {{"COCBOT_RETENTION_ESCROW", "2h"}});
}

bool erased(const Bot& bot, const std::string& reference) {
    SQLite::Database db{bot.database_path(), SQLite::OPEN_READONLY};
    SQLite::Statement query{db, "SELECT count(*) FROM erasures WHERE incident_id = ?"};
    query.bind(1, reference);
    return query.executeStep() && query.getColumn(0).getInt() == 1;
}

ReportInput escrowed() {
    auto report = shoulder_report();
    report.flags = {"escrow"};
    return report;
}

} // namespace

TEST_SUITE("e2e: retention") {
    TEST_CASE("an escrowed report is erased when its period ends, and the dry run said when") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack, {{"COCBOT_RETENTION_ESCROW", "2h"}}, &clock};
        bot.start();
        const auto report = escrowed();
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        REQUIRE(bot.wait_idle());

        const auto dry = command(bot, {"retention", "--dry-run"});
        REQUIRE_MESSAGE(dry.status == 0, dry.output);
        CHECK(dry.output.find(reference) != std::string::npos);
        CHECK(dry.output.find("escrow") != std::string::npos);
        // Due two hours after the filing, by the bot's clock (a little ahead of this one's).
        CHECK_MESSAGE((dry.output.find("(in 1h)") != std::string::npos ||
                       dry.output.find("(in 2h)") != std::string::npos),
                      dry.output);
        CHECK_FALSE(erased(bot, reference));

        clock.advance(3h);
        REQUIRE(eventually([&] { return erased(bot, reference); }));
        REQUIRE(bot.terminate() == 0);

        const auto audit = command(bot, {"audit", "show", reference});
        CHECK(audit.output.find("details_erased") != std::string::npos);
        const std::vector<std::string> words{report.description, report.location,
                                             report.reporter_name, report.reporter_contact,
                                             report.reported_user};
        CHECK(words_in_files_beside(bot.database_path(), words).empty());
        const auto after = command(bot, {"retention", "--dry-run"});
        CHECK_MESSAGE(after.output.find(reference) == std::string::npos, after.output);
        CHECK(after.output.find("nothing would be erased") != std::string::npos);
    }

    TEST_CASE("retention without --dry-run says so and does nothing") {
        FakeSlack slack;
        Bot bot{slack};
        const auto refused = command(bot, {"retention"});
        CHECK(refused.status == 2);
        CHECK(refused.output.find("--dry-run") != std::string::npos);
    }
}
