// File: tests/e2e/audit_test.cpp
// End-to-end: what members do and see is in the audit log, with no word of the report;
// `cocbot audit verify` names the entry someone edited; and the chain head, posted daily in the
// committee channel, is found again by `cocbot audit verify --head`.
#include "tests/e2e/harness.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;

namespace {

CommandRun audit(const Bot& bot, std::vector<std::string> args) {
    args.insert(args.begin(), "audit");
    return run_cocbot(bot, args);
}

// The short hashes cocbot posted in the committee channel, oldest first.
std::vector<std::string> posted_heads(const FakeSlack& slack) {
    std::vector<std::string> heads;
    const std::string marker = "chain head ";
    for (const auto& message : slack.messages(committee_channel))
        if (const auto at = message.text.find(marker); at != std::string::npos)
            heads.push_back(message.text.substr(at + marker.size(), 16));
    return heads;
}

} // namespace

TEST_SUITE("e2e: audit log") {
    TEST_CASE("a member's declaration and status view are audited, and an edit is found") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto report = shoulder_report();
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        REQUIRE(bot.click("UBOB", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.slash("UBOB", "status " + reference).status == 200);
        REQUIRE(bot.wait_idle());
        REQUIRE(bot.terminate() == 0);

        const auto shown = audit(bot, {"show", reference});
        REQUIRE(shown.status == 0);
        for (const std::string expected : {"report_filed", "conflict_declared", "status_viewed"})
            CHECK_MESSAGE(shown.output.find(expected) != std::string::npos, shown.output);
        CHECK(shown.output.find("UBOB") != std::string::npos);
        for (const auto& secret : {report.description, report.location, report.reporter_name,
                                   report.reporter_contact, report.reported_user})
            CHECK_MESSAGE(shown.output.find(secret) == std::string::npos, secret);

        const auto holds = audit(bot, {"verify"});
        CHECK(holds.status == 0);
        CHECK(holds.output.find("the audit log holds") != std::string::npos);
        {
            SQLite::Database db{bot.database_path(), SQLite::OPEN_READWRITE};
            db.exec("DROP TRIGGER audit_log_append_only_update");
            db.exec("UPDATE audit_log SET actor = 'UMALLORY' WHERE action = 'status_viewed'");
        }
        const auto broken = audit(bot, {"verify"});
        CHECK(broken.status == 1);
        CHECK_MESSAGE(broken.output.find("broken at entry") != std::string::npos, broken.output);
        CHECK(broken.output.find("edited") != std::string::npos);
    }

    TEST_CASE("the chain head is posted daily in the committee channel, and verify finds it") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack, {{"COCBOT_AUDIT_POST_HEAD", "true"}}, &clock};
        bot.start();
        // The roster's first start is the log's first entries: their head goes out at once.
        REQUIRE(eventually([&] { return posted_heads(slack).size() == 1; }));
        reference_from(bot.submit_report("UALICE", plain_report()));
        clock.advance(25h);
        REQUIRE(eventually([&] { return posted_heads(slack).size() == 2; }));
        const auto heads = posted_heads(slack);
        CHECK(heads[0] != heads[1]);

        for (const auto& head : heads) {
            const auto found = audit(bot, {"verify", "--head", head});
            CHECK_MESSAGE(found.status == 0, found.output);
            CHECK(found.output.find("is entry") != std::string::npos);
        }
        const auto elsewhere = audit(bot, {"verify", "--head", "0123456789abcdef"});
        CHECK(elsewhere.status == 1);
        CHECK(elsewhere.output.find("rewritten") != std::string::npos);
        CHECK(bot.terminate() == 0);
    }
}
