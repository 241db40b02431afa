// File: tests/e2e/danger_test.cpp
// End-to-end: an immediate-danger alert acted on from the alert itself by a member who has not
// answered the conflict question yet. The alert shows who is responding; the action is recorded
// in the incident channel alone.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using nlohmann::json;

namespace {

// The committee channel's alert, as it reads now.
std::string alert_blocks(const FakeSlack& slack) {
    for (const auto& m : slack.messages(committee_channel))
        if (m.text.find("Immediate danger") != std::string::npos)
            return m.blocks.dump();
    return {};
}

} // namespace

TEST_SUITE("e2e: immediate danger") {
    TEST_CASE("an uncleared responder responds and records an action from the alert") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput danger = danger_report();
        danger.flags.push_back("wants_police");
        danger.whereabouts = "Sitting by the fountain";
        danger.appearance = "A red scarf";
        const auto reference = reference_from(bot.submit_report("UALICE", danger));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.wait_idle());
        // Enough to find and help the reporter, and nothing of who they are or what happened.
        const auto alert = alert_blocks(slack);
        CHECK(alert.find("Sitting by the fountain") != std::string::npos);
        CHECK(alert.find("A red scarf") != std::string::npos);
        CHECK(alert.find("asks for law enforcement") != std::string::npos);
        for (const auto& hidden : {"Dana Reporter", "dana@example.org", "Kept touching"})
            CHECK(alert.find(hidden) == std::string::npos);
        const auto responding = button_on(slack, committee_channel, "danger_responding");
        REQUIRE(responding.has_value());
        CHECK(responding->value == reference);
        REQUIRE(button_on(slack, committee_channel, "immediate_action").has_value());

        REQUIRE(bot.click("UBOB", "danger_responding", reference, committee_channel, responding->ts)
                    .status == 200);
        REQUIRE(eventually(
            [&] { return alert_blocks(slack).find("Responding: <@UBOB>") != std::string::npos; }));
        CHECK(alert_blocks(slack).find("A red scarf") != std::string::npos); // still, updated

        REQUIRE(bot.click("UBOB", "immediate_action", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] { return slack.calls("views.open").size() == 1; }));
        CHECK(slack.calls("views.open")[0].args["view"]["private_metadata"] == reference);
        const json values{
            {"action",
             {{"action",
               {{"type", "plain_text_input"}, {"value", "Walked the reporter to the CoC room"}}}}}};
        const auto recorded = bot.submit_view("UBOB", "coc_immediate_action", reference, values);
        REQUIRE(recorded.status == 200);
        CHECK(json::parse(recorded.body)["response_action"] == "update");
        REQUIRE(bot.wait_idle());
        CHECK(shows(slack, channel, "Walked the reporter to the CoC room"));
        // Bob is still not in the channel: he has not answered the conflict question.
        CHECK_FALSE(slack.members(channel).contains("UBOB"));
        check_nothing_leaked(slack, channel, {"Walked the reporter", "Kept touching"});
    }

    TEST_CASE("a member who declared a conflict cannot respond") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", danger_report()));
        REQUIRE(bot.click("UCAROL", "conflict_declared", reference, committee_channel).status ==
                200);
        REQUIRE(bot.click("UCAROL", "danger_responding", reference, committee_channel).status ==
                200);
        REQUIRE(bot.wait_idle());
        CHECK(alert_blocks(slack).find("Responding") == std::string::npos);
    }
}
