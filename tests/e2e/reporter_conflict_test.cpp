// File: tests/e2e/reporter_conflict_test.cpp
// End-to-end: a member let into the incident channel learns who reported, so the plan's second
// conflict question (with the reporter) is asked at once, privately, and a conflict removes them.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};

bool asked_about_reporter(const FakeSlack& slack, const std::string& user) {
    return shows(slack, user, "conflict of interest with the reporter");
}

bool ephemeral_to(const FakeSlack& slack, const std::string& user, const std::string& text) {
    for (const auto& call : slack.calls("chat.postEphemeral"))
        if (call.args.value("user", "") == user && call.args.dump().find(text) != std::string::npos)
            return true;
    return false;
}

// Dana Reporter's report about UREPORTED, filed by UALICE, its channel made.
struct ShoulderReported : IncidentFixture {
    ShoulderReported() : IncidentFixture({}) {
        bot.start();
        file_report("UALICE", shoulder_report("UREPORTED"));
    }
};

} // namespace

TEST_SUITE("e2e: conflicts with the reporter") {
    TEST_CASE_FIXTURE(ShoulderReported,
                      "a member let into the channel is asked by DM about the reporter, and a "
                      "conflict there removes them") {
        REQUIRE(bot.click("UBOB", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UCAROL", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] {
            return slack.members(channel).count("UBOB") == 1 &&
                   slack.members(channel).count("UCAROL") == 1;
        }));
        REQUIRE(eventually([&] { return asked_about_reporter(slack, "UBOB"); }));
        REQUIRE(eventually([&] { return asked_about_reporter(slack, "UCAROL"); }));

        // Bob has none: it is recorded, and asking again changes nothing.
        REQUIRE(bot.click("UBOB", "reporter_conflict_none", reference, "DUBOB").status == 200);
        REQUIRE(eventually([&] { return ephemeral_to(slack, "UBOB", "with the reporter"); }));
        // Carol has one: she recuses from the DM and is taken out of the channel.
        REQUIRE(bot.click("UCAROL", "recuse", reference, "DUCAROL").status == 200);
        REQUIRE(eventually([&] { return slack.members(channel).count("UCAROL") == 0; }));
        REQUIRE(bot.wait_idle());
        CHECK(slack.members(channel).count("UBOB") == 1);

        // Alice filed the report herself, so nobody asks her; the question shows no detail.
        CHECK_FALSE(asked_about_reporter(slack, "UALICE"));
        for (const auto* user : {"UBOB", "UCAROL"})
            for (const auto& m : slack.messages(user)) {
                CAPTURE(m.text);
                for (const auto& s : secrets)
                    CHECK(m.blocks.dump().find(s) == std::string::npos);
            }
        CHECK(bot.terminate() == 0);
        check_nothing_leaked(slack, channel, secrets);
    }

    TEST_CASE_FIXTURE(ShoulderReported, "only a member who was asked can answer the reporter "
                                        "question") {
        REQUIRE(bot.click("UOUTSIDER", "reporter_conflict_none", reference, "DUOUTSIDER").status ==
                200);
        REQUIRE(bot.wait_idle());
        CHECK_FALSE(ephemeral_to(slack, "UOUTSIDER", "with the reporter"));
        for (const auto& call : slack.calls()) {
            const bool shows_reporter = call.args.dump().find("Dana Reporter") != std::string::npos;
            CHECK((!shows_reporter || call.args.value("channel", "") == channel));
        }
    }
}
