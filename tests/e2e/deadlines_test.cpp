// End-to-end: the plan's clocks, with deadlines of seconds, across a SIGKILL and a restart.
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

std::size_t count_containing(const FakeSlack& slack, const std::string& channel,
                             const std::string& words) {
    std::size_t n = 0;
    for (const auto& m : slack.messages(channel))
        n += m.text.find(words) != std::string::npos;
    return n;
}

const std::string soon = "must be acknowledged by";
const std::string overdue = "deadline to acknowledge the reporter";
const std::string no_owners = "still has no owners";

} // namespace

TEST_SUITE("e2e: deadlines") {
    TEST_CASE("each reminder appears once, at its deadline") {
        FakeSlack slack;
        Bot bot{slack,
                {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4s"},
                 {"COCBOT_DEADLINES_OWNER_NUDGE", "6s"},
                 {"COCBOT_DEADLINES_CONFLICT_NUDGE", "6s"}}};
        bot.start();
        const auto filed_at = std::chrono::steady_clock::now();
        const auto reference = reference_from(bot.submit_report("UALICE", phone_report()));
        REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }, 10s));
        const auto channel = *slack.channel_id("coc-" + reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);

        // 75% of 4 s: not before about 3 s, then exactly once.
        std::this_thread::sleep_until(filed_at + 2s);
        CHECK(count_containing(slack, channel, soon) == 0);
        REQUIRE(eventually([&] { return count_containing(slack, channel, soon) == 1; }, 5s));
        REQUIRE(eventually([&] { return count_containing(slack, channel, overdue) == 1; }, 5s));
        REQUIRE(eventually([&] { return count_containing(slack, channel, no_owners) == 1; }, 8s));
        // The members who did not answer are asked once more, privately; Alice answered.
        REQUIRE(wait_messages(slack, "UBOB", 1, 8s));
        REQUIRE(wait_messages(slack, "UCAROL", 1, 8s));
        CHECK(slack.messages("UALICE").empty());
        CHECK(slack.messages("UBOB")[0].text.find("Who does not have a conflict") !=
              std::string::npos);
        // The reminders name whoever is responsible: Alice took the report.
        for (const auto& m : slack.messages(channel))
            if (m.text.find(soon) != std::string::npos)
                CHECK(m.text.find("<@UALICE>") != std::string::npos);

        std::this_thread::sleep_for(2s);
        CHECK(count_containing(slack, channel, soon) == 1);
        CHECK(count_containing(slack, channel, overdue) == 1);
        CHECK(count_containing(slack, channel, no_owners) == 1);
        CHECK(slack.messages("UBOB").size() == 1);
    }

    TEST_CASE("killed before a deadline and restarted after it, the reminder still appears once") {
        FakeSlack slack;
        Bot first{slack, {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4s"}}};
        first.start();
        const auto reference = reference_from(first.submit_report("UALICE", phone_report()));
        REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }, 10s));
        const auto channel = *slack.channel_id("coc-" + reference);
        first.kill();
        std::this_thread::sleep_for(5s); // both acknowledgement reminders fall due while down
        CHECK(count_containing(slack, channel, soon) == 0);

        Bot second{slack,
                   {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4s"},
                    {"COCBOT_STORAGE_PATH", first.database_path()}}};
        second.start();
        REQUIRE(eventually([&] { return count_containing(slack, channel, overdue) == 1; }, 10s));
        std::this_thread::sleep_for(1s);
        CHECK(count_containing(slack, channel, soon) == 1);
        CHECK(count_containing(slack, channel, overdue) == 1);

        // A second restart owes nothing more.
        second.kill();
        Bot third{slack,
                  {{"COCBOT_DEADLINES_ACKNOWLEDGE", "4s"},
                   {"COCBOT_STORAGE_PATH", first.database_path()}}};
        third.start();
        std::this_thread::sleep_for(1500ms);
        CHECK(count_containing(slack, channel, soon) == 1);
        CHECK(count_containing(slack, channel, overdue) == 1);
    }

    TEST_CASE("a cancelled reminder never appears") {
        FakeSlack slack;
        Bot bot{slack, {{"COCBOT_DEADLINES_ACKNOWLEDGE", "3s"}}};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UALICE", phone_report()));
        REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }, 10s));
        const auto channel = *slack.channel_id("coc-" + reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        const auto status = [&] {
            return json::parse(bot.slash("UALICE", "status " + reference).body)["text"]
                .get<std::string>();
        };
        CHECK(status().find("Acknowledge the reporter by") != std::string::npos);
        REQUIRE(bot.click("UALICE", "ack_reporter", reference, channel).status == 200);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "acknowledged the reporter") == 1; },
            5s));
        CHECK(status().find("Acknowledge the reporter by") == std::string::npos);
        std::this_thread::sleep_for(4s);
        CHECK(count_containing(slack, channel, soon) == 0);
        CHECK(count_containing(slack, channel, overdue) == 0);
    }

    TEST_CASE("the decision reminder repeats until the decision reaches the reporter") {
        FakeSlack slack;
        Bot bot{slack,
                {{"COCBOT_DEADLINES_DECISION", "3s"}, {"COCBOT_DEADLINES_REPORTER_UPDATE", "2s"}}};
        bot.start();
        ReportInput report = phone_report();
        report.source = "slack"; // acknowledged by its own confirmation: no acknowledgement clock
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }, 10s));
        const auto channel = *slack.channel_id("coc-" + reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);

        const std::string decision_due = "was due to reach the reporter";
        REQUIRE(
            eventually([&] { return count_containing(slack, channel, decision_due) == 1; }, 6s));
        REQUIRE(
            eventually([&] { return count_containing(slack, channel, decision_due) == 2; }, 6s));

        // The reported person cannot be found: the owners are reminded to update the reporter.
        REQUIRE(bot.click("UALICE", "cannot_find", reference, channel).status == 200);
        REQUIRE(eventually(
            [&] { return count_containing(slack, channel, "has still not been found") == 1; }, 6s));
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
        const auto decisions = count_containing(slack, channel, decision_due);
        const auto updates = count_containing(slack, channel, "has still not been found");
        std::this_thread::sleep_for(4s);
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
