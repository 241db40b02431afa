// File: tests/e2e/pattern_test.cpp
// End-to-end: two reports in escrow about the same person are the pattern the plan acts on.
// Nobody hears of the first; the second opens an incident whose channel sees neither report
// until the committee votes to share them, and neither reporter learns of the other.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::string first_account = "First account, kept in escrow";
const std::string second_account = "Second account, also in escrow";

ReportInput escrowed(const std::string& account) {
    ReportInput report = shoulder_report("UREPORTED");
    report.description = account;
    report.flags = {"escrow"};
    return report;
}

// Every Web API call that shows `words`, with the channel (or user) it went to.
std::vector<std::string> places_showing(const FakeSlack& slack, const std::string& words) {
    std::vector<std::string> places;
    for (const auto& call : slack.calls())
        if (call.args.dump().find(words) != std::string::npos)
            places.push_back(call.method + " " + call.args.value("channel", "") +
                             call.args.value("user", ""));
    return places;
}

} // namespace

TEST_SUITE("e2e: a pattern of escrowed reports") {
    TEST_CASE("a second report in escrow about the same person opens an incident that shows the "
              "reports only after a vote") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto first = bot.submit_report("UFIRST", escrowed(first_account));
        REQUIRE(first.status == 200);
        REQUIRE(bot.wait_idle());
        CHECK(slack.calls("chat.postMessage").empty()); // nobody is told of one report in escrow
        CHECK(slack.calls("conversations.create").empty());

        const auto second = bot.submit_report("USECOND", escrowed(second_account));
        REQUIRE(second.status == 200);
        // Its reporter hears what any reporter in escrow hears, nothing of the other report.
        CHECK(second.body.find("is stored in escrow") != std::string::npos);
        const auto reference = reference_from(second);
        REQUIRE(eventually(
            [&] { return shows(slack, committee_channel, "a pattern of escrowed reports"); }));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] {
            return shows(slack, channel,
                         "2 reports about the same person were filed in "
                         "escrow") &&
                   shows(slack, channel, "2 escrowed report");
        }));
        REQUIRE(bot.wait_idle());
        CHECK(places_showing(slack, first_account).empty());
        CHECK(places_showing(slack, second_account).empty());
        for (const std::string reporter : {"UFIRST", "USECOND"})
            for (const auto& call : slack.calls())
                if (call.args.value("user", "") == reporter ||
                    call.args.value("channel", "") == "D" + reporter)
                    CHECK(call.args.dump().find("pattern") == std::string::npos);

        // Sharing them is a motion: with Alice the one cleared member, her yes decides it.
        REQUIRE(bot.click("UALICE", "activate_escrow", reference, channel).status == 200);
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));
        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        REQUIRE(eventually([&] {
            return shows(slack, channel, first_account) && shows(slack, channel, second_account);
        }));
        REQUIRE(bot.wait_idle());
        for (const auto& account : {first_account, second_account})
            for (const auto& place : places_showing(slack, account))
                CHECK(place == "chat.postMessage " + channel);
    }
}
