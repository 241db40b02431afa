// File: tests/e2e/deadlines_test.cpp
// End-to-end: the plan's clocks, across a SIGKILL and a restart. The bot runs on a TestClock:
// a deadline of hours passes when the test moves the clock, and every "nothing more" is checked
// once the bot is idle (no effect pending, no check due), not after a pause.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

ReportInput phone_report() {
    ReportInput input;
    input.reported_user = "UREPORTED";
    input.description = "Cornered a volunteer at the party";
    input.source = "phone";
    input.reporter_name = "Sam";
    input.reporter_contact = "+1 555 0123";
    return input;
}

const std::string soon = "must be acknowledged by";
const std::string overdue = "deadline to acknowledge the reporter";
const std::string no_owners = "still has no owners";

} // namespace

TEST_SUITE("e2e: deadlines") {
    TEST_CASE("each reminder appears once, at its deadline") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack,
                {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4h"},
                 {"COCBOT_DEADLINES_OWNER_NUDGE", "6h"},
                 {"COCBOT_DEADLINES_CONFLICT_NUDGE", "6h"}},
                &clock};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", phone_report()));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);

        // 75% of 4 h: not before 3 h, then exactly once.
        clock.advance(2h + 50min);
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, soon) == 0);
        clock.advance(15min);
        REQUIRE(eventually([&] { return count_containing(slack, channel, soon) == 1; }));
        clock.advance(1h);
        REQUIRE(eventually([&] { return count_containing(slack, channel, overdue) == 1; }));
        clock.advance(2h);
        REQUIRE(eventually([&] { return count_containing(slack, channel, no_owners) == 1; }));
        // The members who did not answer are asked once more, privately; Alice answered.
        REQUIRE(wait_messages(slack, "UBOB", 1));
        REQUIRE(wait_messages(slack, "UCAROL", 1));
        CHECK(slack.messages("UALICE").empty());
        CHECK(slack.messages("UBOB")[0].text.find("Who does not have a conflict") !=
              std::string::npos);
        // The reminders name whoever is responsible: Alice took the report.
        for (const auto& m : slack.messages(channel))
            if (m.text.find(soon) != std::string::npos)
                CHECK(m.text.find("<@UALICE>") != std::string::npos);

        clock.advance(2h);
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, soon) == 1);
        CHECK(count_containing(slack, channel, overdue) == 1);
        CHECK(count_containing(slack, channel, no_owners) == 1);
        CHECK(slack.messages("UBOB").size() == 1);
        // The operator sees the same, once each, in the metrics.
        const auto metrics = http_request(bot.port(), boost::beast::http::verb::get, "/metrics");
        for (const auto* kind : {"acknowledge_soon", "acknowledge_due", "owners_missing"}) {
            CAPTURE(kind);
            CHECK(metrics.body.find(std::string{"cocbot_reminders_sent_total{kind=\""} + kind +
                                    "\"} 1\n") != std::string::npos);
        }
    }

    TEST_CASE("killed before a deadline and restarted after it, the reminder still appears once, "
              "without the earlier one it made pointless") {
        FakeSlack slack;
        TestClock clock;
        Bot first{slack, {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4h"}}, &clock};
        first.start();
        const auto reference = reference_from(first.submit_report("UALICE", phone_report()));
        const auto channel = incident_channel(slack, reference);
        // Nothing pending when killed: an effect waiting 5 h would make the restart unhealthy.
        REQUIRE(first.wait_idle());
        first.kill();
        clock.advance(5h); // both acknowledgement reminders fall due while down
        CHECK(count_containing(slack, channel, soon) == 0);

        Bot second{slack,
                   {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4h"},
                    {"COCBOT_STORAGE_PATH", first.database_path()}},
                   &clock};
        second.start();
        REQUIRE(eventually([&] { return count_containing(slack, channel, overdue) == 1; }));
        REQUIRE(second.wait_idle());
        CHECK(count_containing(slack, channel, soon) == 0); // "by <a time already gone>"
        CHECK(count_containing(slack, channel, overdue) == 1);

        // A second restart owes nothing more.
        second.kill();
        Bot third{slack,
                  {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4h"},
                   {"COCBOT_STORAGE_PATH", first.database_path()}},
                  &clock};
        third.start();
        clock.advance(1h);
        REQUIRE(third.wait_idle());
        CHECK(count_containing(slack, channel, soon) == 0);
        CHECK(count_containing(slack, channel, overdue) == 1);
    }

    TEST_CASE("a hand-off to HR keeps the reporter's clocks, and the owners are told to chase HR") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack,
                {{"COCBOT_COMMITTEE_HR", "UHR"},
                 {"COCBOT_DEADLINES_ACKNOWLEDGE", "4h"},
                 {"COCBOT_DEADLINES_HR_REPORT", "6h"}},
                &clock};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", phone_report()));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UALICE", "hr_involve", reference, channel).status == 200);
        const auto handed =
            bot.submit_view("UALICE", "coc_hr_involve", reference,
                            modal_values({{"scope", input::choice("employees_only")}}));
        REQUIRE(handed.status == 200);
        REQUIRE(eventually([&] {
            return count_containing(slack, channel, "handed the incident off to HR") == 1;
        }));

        clock.advance(5h);
        REQUIRE(eventually([&] { return count_containing(slack, channel, overdue) == 1; }));
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, "HR has not yet reported back") == 0);

        clock.advance(2h);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "HR has not yet reported back") == 1; }));
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, overdue) == 1);
        const auto status =
            json::parse(bot.slash("UALICE", "status " + reference).body)["text"].get<std::string>();
        CHECK(status.find("Ask HR for its report") != std::string::npos);
    }

    TEST_CASE("a cancelled reminder never appears") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack, {{"COCBOT_DEADLINES_ACKNOWLEDGE", "3h"}}, &clock};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", phone_report()));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        const auto status = [&] {
            return json::parse(bot.slash("UALICE", "status " + reference).body)["text"]
                .get<std::string>();
        };
        CHECK(status().find("Acknowledge the reporter by") != std::string::npos);
        REQUIRE(bot.click("UALICE", "ack_reporter", reference, channel).status == 200);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "acknowledged the reporter") == 1; }));
        CHECK(status().find("Acknowledge the reporter by") == std::string::npos);
        clock.advance(4h);
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, soon) == 0);
        CHECK(count_containing(slack, channel, overdue) == 0);
    }

    TEST_CASE("the decision reminder repeats until the decision reaches the reporter") {
        FakeSlack slack;
        TestClock clock;
        Bot bot{slack,
                {{"COCBOT_DEADLINES_DECISION", "3h"}, {"COCBOT_DEADLINES_REPORTER_UPDATE", "2h"}},
                &clock};
        bot.start();
        ReportInput report = phone_report();
        report.source = "slack"; // acknowledged by its own confirmation: no acknowledgement clock
        const auto reference = reference_from(bot.submit_report("UDANA", report)); // the reporter
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);

        const std::string decision_due = "was due to reach the reporter";
        clock.advance(3h);
        REQUIRE(eventually([&] { return count_containing(slack, channel, decision_due) == 1; }));
        clock.advance(3h);
        REQUIRE(eventually([&] { return count_containing(slack, channel, decision_due) == 2; }));

        // The reported person cannot be found: the owners are reminded to update the reporter.
        REQUIRE(bot.click("UALICE", "cannot_find", reference, channel).status == 200);
        REQUIRE(bot.wait_idle());
        clock.advance(2h);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "has still not been found") == 1; }));
        REQUIRE(bot.click("UALICE", "reported_found", reference, channel).status == 200);

        const json values{
            {"note",
             {{"note",
               {{"type", "plain_text_input"}, {"value", "Told Sam the decision by phone"}}}}},
            {"decision",
             {{"decision",
               {{"type", "checkboxes"},
                {"selected_options", json::array({{{"value", "decision"}}})}}}}}};
        const auto recorded = bot.submit_view("UALICE", "coc_reporter_followup", reference, values);
        REQUIRE(recorded.status == 200);
        CHECK(json::parse(recorded.body)["response_action"] == "update");
        REQUIRE(bot.wait_idle());
        const auto decisions = count_containing(slack, channel, decision_due);
        const auto updates = count_containing(slack, channel, "has still not been found");
        clock.advance(4h);
        REQUIRE(bot.wait_idle());
        CHECK(count_containing(slack, channel, decision_due) == decisions);
        CHECK(count_containing(slack, channel, "has still not been found") == updates);
        CHECK(count_containing(slack, channel, "told the reporter the committee's decision") == 1);
    }

    TEST_CASE("follow-up is refused for an anonymous report, and the modal says why") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        ReportInput report = phone_report();
        report.reporter_name.clear();
        report.reporter_contact.clear();
        report.flags = {"anonymous"};
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }, 10s));
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        const json values{{"note", {{"note", {{"type", "plain_text_input"}, {"value", "x"}}}}}};
        const auto refused = bot.submit_view("UALICE", "coc_reporter_followup", reference, values);
        REQUIRE(refused.status == 200);
        const auto body = json::parse(refused.body);
        CHECK(body["response_action"] == "errors");
        CHECK(body["errors"]["note"].get<std::string>().find("anonymous") != std::string::npos);
    }
}
