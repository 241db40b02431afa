// File: tests/e2e/excluded_test.cpp
// End-to-end: a reporter excludes two committee members. They are never asked, never let in,
// and can read nothing of the report at any time, on any surface; nobody is told who they are.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;

namespace {

const std::vector<std::string> five{"UALICE", "UBOB", "UCAROL", "UDAN", "UERIN"};
const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};

// Every call that reached either excluded member, or the committee channel, as text.
std::string seen_by_excluded(const FakeSlack& slack) {
    std::string seen;
    for (const auto& call : slack.calls()) {
        const auto args = call.args.dump();
        const auto channel = call.args.value("channel", "");
        const bool theirs =
            channel == "DUBOB" || channel == "DUCAROL" || call.args.value("user", "") == "UBOB" ||
            call.args.value("user", "") == "UCAROL" || call.args.value("user_id", "") == "UBOB" ||
            call.args.value("user_id", "") == "UCAROL" || channel == committee_channel;
        if (theirs && call.method != "conversations.members" && call.method != "users.info")
            seen += call.method + " " + args + "\n";
    }
    return seen;
}

} // namespace

TEST_SUITE("e2e: members the reporter excluded") {
    TEST_CASE("two excluded members can read nothing of the report at any time") {
        ConfidentialIncident incident{five, "UHARPER", secrets};
        auto report = shoulder_report("UREPORTED");
        report.excluded_members = {"UBOB", "UCAROL"};
        incident.file("UALICE", report);
        for (const auto* member : {"UDAN", "UERIN"})
            incident.clear(member);
        auto& bot = incident.bot;
        auto& slack = incident.slack;
        // Pressing the question they never got, and asking about it, changes nothing.
        for (const auto* member : {"UBOB", "UCAROL"}) {
            REQUIRE(
                bot.click(member, "conflict_none", incident.reference, committee_channel).status ==
                200);
            CHECK(incident.answer(member, "status " + incident.reference)
                      .find("There is no incident") != std::string::npos);
            CHECK(incident.list_for(member).find(incident.reference) == std::string::npos);
            REQUIRE(bot.home_opened(member).status == 200);
        }
        REQUIRE(bot.wait_idle());
        incident.check_step(); // the channel holds exactly Dan and Erin (and the bot)
        const auto seen = seen_by_excluded(slack);
        CHECK_MESSAGE(seen.find(incident.reference) == std::string::npos, seen);
        CHECK_MESSAGE(seen.find("UREPORTED") == std::string::npos, seen);
        // The cleared members are not told who was left out.
        for (const auto& m : slack.messages(incident.channel))
            for (const auto* name : {"UBOB", "UCAROL"})
                CHECK(m.blocks.dump().find(name) == std::string::npos);
    }
}
