// File: tests/e2e/name_match_test.cpp
// End-to-end: a report that types a committee member's Slack name is about that member. They
// never see the prompt or the channel; the cleared members can undo the match, and then they
// are asked like the others.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

ReportInput typed_about_bob() {
    ReportInput report = shoulder_report("");
    report.reported_name = "bob martin"; // Slack shows "Bob Martín"
    report.source = "phone";
    return report;
}

// Everything Bob could ever read: messages to him, ephemerals and views shown to him, and the
// channels he was in.
bool bob_saw(const FakeSlack& slack, const std::string& words) {
    for (const auto& call : slack.calls()) {
        const auto dumped = call.args.dump();
        const bool to_bob = call.args.value("user", "") == "UBOB" ||
                            call.args.value("channel", "") == "DUBOB" ||
                            call.args.value("user_id", "") == "UBOB";
        if (to_bob && dumped.find(words) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

TEST_SUITE("e2e: a member reported by name") {
    TEST_CASE("a member reported by their typed Slack name never sees the prompt until the match "
              "is undone") {
        FakeSlack slack;
        slack.set_real_name("UBOB", "Bob Martín");
        Bot bot{slack};
        bot.start();
        REQUIRE(eventually(
            [&] { return bot.log().find(" user_names outcome=ok") != std::string::npos; }));

        const auto reference = reference_from(bot.submit_report("UALICE", typed_about_bob()));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.wait_idle());
        // The prompt went by direct message to the others, never to Bob or the channel.
        CHECK(count_containing(slack, committee_channel, "has been reported") == 0);
        CHECK(count_containing(slack, "DUCAROL", "has been reported") == 1);
        CHECK_FALSE(bob_saw(slack, "bob martin"));
        CHECK_FALSE(bob_saw(slack, reference));
        CHECK(bot.click("UBOB", "conflict_none", reference, "DUBOB").status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(slack.members(channel).count("UBOB") == 0);

        // Alice joins; the channel says the match was on the name, and she undoes it.
        REQUIRE(bot.click("UALICE", "conflict_none", reference, "DUALICE").status == 200);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "matches the Slack name") == 1; }));
        CHECK_FALSE(bob_saw(slack, "Kept touching"));
        REQUIRE(bot.click("UALICE", "not_committee_member", reference, channel).status == 200);
        REQUIRE(eventually([&] { return count_containing(slack, "DUBOB", "has been reported"); }));
        REQUIRE(bot.click("UBOB", "conflict_none", reference, "DUBOB").status == 200);
        REQUIRE(eventually([&] { return slack.members(channel).count("UBOB") == 1; }));
    }

    TEST_CASE("a Slack name change is learned from user_change") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        REQUIRE(eventually(
            [&] { return bot.log().find(" user_names outcome=ok") != std::string::npos; }));
        const json change{{"type", "event_callback"},
                          {"team_id", "T0001"},
                          {"event_id", "EvCarolRenamed"},
                          {"event_time", unix_now()},
                          {"event",
                           {{"type", "user_change"},
                            {"user",
                             {{"id", "UCAROL"},
                              {"real_name", "Carol Nuñez"},
                              {"profile", {{"display_name", "cnunez"}}}}}}}};
        REQUIRE(bot.event(change).status == 200);
        REQUIRE(eventually([&] { return bot.log().find("outcome=names") != std::string::npos; }));
        ReportInput report = shoulder_report("");
        report.reported_name = "Nunez Carol";
        report.source = "phone";
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        incident_channel(slack, reference);
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, committee_channel, "has been reported") == 0);
        CHECK(count_containing(slack, "DUCAROL", "has been reported") == 0);
        CHECK(count_containing(slack, "DUBOB", "has been reported") == 1);
    }
}
