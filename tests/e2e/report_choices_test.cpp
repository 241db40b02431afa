// File: tests/e2e/report_choices_test.cpp
// End-to-end: what a reporter may choose in the form. Behind a content warning the incident
// channel shows no word of the report until a cleared member asks, and then only to them (and
// the audit log says who); a member the reporter would rather talk to is asked to own it.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;

namespace {

const std::vector<std::string> five{"UALICE", "UBOB", "UCAROL", "UDAN", "UERIN"};
const std::vector<std::string> secrets{"Kept touching", "Dana Reporter", "dana@example.org",
                                       "Hallway track"};

// The ephemerals Slack was asked to show `user` in `channel`, as text.
std::vector<std::string> ephemerals_to(const FakeSlack& slack, const std::string& user,
                                       const std::string& channel) {
    std::vector<std::string> shown;
    for (const auto& call : slack.calls("chat.postEphemeral"))
        if (call.args.value("user", "") == user && call.args.value("channel", "") == channel)
            shown.push_back(call.args.dump());
    return shown;
}

bool holds_a_secret(const std::string& text) {
    for (const auto& secret : secrets)
        if (text.find(secret) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_SUITE("e2e: what the reporter chooses") {
    TEST_CASE("behind a content warning the details go only to the cleared member who asks") {
        ConfidentialIncident incident{five, "UHARPER", secrets};
        auto report = shoulder_report("UREPORTED");
        report.flags = {"content_warning"};
        incident.file("UALICE", report);
        for (const auto* member : {"UBOB", "UCAROL"})
            incident.clear(member);
        auto& bot = incident.bot;
        auto& slack = incident.slack;
        REQUIRE(bot.wait_idle());
        for (const auto& message : slack.messages(incident.channel))
            CHECK_FALSE(holds_a_secret(message.text + message.blocks.dump()));
        const auto veiled = button_on(slack, incident.channel, "show_report");
        REQUIRE(veiled.has_value());
        CHECK(veiled->value == incident.reference);

        // Dan has not answered the conflict question: pressing it shows him nothing.
        REQUIRE(bot.click("UDAN", "show_report", incident.reference, incident.channel).status ==
                200);
        REQUIRE(bot.click("UBOB", "show_report", incident.reference, incident.channel).status ==
                200);
        REQUIRE(bot.wait_idle());
        for (const auto& shown : ephemerals_to(slack, "UDAN", incident.channel))
            CHECK_FALSE(holds_a_secret(shown));
        const auto to_bob = ephemerals_to(slack, "UBOB", incident.channel);
        REQUIRE(to_bob.size() == 1);
        CHECK(to_bob[0].find("Kept touching") != std::string::npos);
        CHECK(ephemerals_to(slack, "UCAROL", incident.channel).empty());
        incident.check_step(); // nothing outside the channel, nor in the log

        REQUIRE(bot.terminate() == 0);
        const auto audit = run_cocbot(bot, {"audit", "show", incident.reference});
        REQUIRE_MESSAGE(audit.status == 0, audit.output);
        const auto shown_at = audit.output.find("report_shown");
        REQUIRE_MESSAGE(shown_at != std::string::npos, audit.output);
        CHECK(audit.output.find("UBOB", audit.output.rfind('\n', shown_at)) != std::string::npos);
        CHECK_FALSE(holds_a_secret(audit.output));
    }

    TEST_CASE("the member the reporter would rather talk to is asked by DM to own the report") {
        ConfidentialIncident incident{five, "UHARPER", secrets};
        auto report = shoulder_report("UREPORTED");
        report.prefer_member = "UCAROL";
        incident.file("UALICE", report);
        auto& bot = incident.bot;
        auto& slack = incident.slack;
        REQUIRE(bot.wait_idle());
        CHECK(shows(slack, direct_channel("UCAROL"), "would rather talk to you"));
        for (const auto* other : {"UALICE", "UBOB", "UDAN", "UERIN"})
            CHECK_FALSE(shows(slack, direct_channel(other), "would rather talk to you"));
        incident.clear("UCAROL");
        CHECK(shows(slack, incident.channel, "Would rather talk to:"));
        incident.check_step();
    }

    TEST_CASE("a preferred member the reporter also excluded is refused in the form") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        auto report = shoulder_report("UREPORTED");
        report.prefer_member = "UBOB";
        report.excluded_members = {"UBOB"};
        const auto answer = bot.submit_report("UALICE", report);
        REQUIRE(answer.status == 200);
        CHECK(answer.body.find("\"response_action\":\"errors\"") != std::string::npos);
        CHECK(answer.body.find("prefer_member") != std::string::npos);
        REQUIRE(bot.wait_idle());
        CHECK(slack.calls("conversations.create").empty());
    }
}
